"""Showing findings to a reader: figures (:mod:`.plots`), one article with its findings
marked (:mod:`.article`), evidence as escaped HTML (:mod:`.html`), untrusted values made
inert in Markdown (:mod:`.safe`)."""
