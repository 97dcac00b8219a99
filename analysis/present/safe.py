"""Untrusted text in reports: article text, titles and metadata come from outside.

Notebooks display such values in Markdown, which nbconvert and JupyterLab render with raw
HTML passed through and bare URLs made into links; :func:`md` makes a value inert there.
It escapes once, the Markdown way: a backslash before every ASCII punctuation character,
which CommonMark renders as the character itself (so ``<`` never opens a tag, ``&`` never
an entity, ``*`` never emphasis, and ``https://`` never becomes a link), and the renderer
does the HTML escaping. Tables are escaped by :mod:`analysis.present.display`, the article
view (:mod:`analysis.present.article`) and evidence tables (:mod:`analysis.present.html`)
escape everything they write.
"""

from __future__ import annotations

import re

_ASCII_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")


def md(value: object) -> str:
    r"""``value`` as literal text inside Markdown (one line; every punctuation mark escaped).

    >>> print(md("Thailand's <b>ally</b> & *friend*"))
    Thailand\'s \<b\>ally\<\/b\> \& \*friend\*
    >>> print(md("see https://example.org"))
    see https\:\/\/example\.org
    """
    return _ASCII_PUNCTUATION.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(value)))
