"""Untrusted text in reports: article text, titles and metadata come from outside.

Notebooks display such values in Markdown, which nbconvert renders with raw HTML passed
through; :func:`md` makes a value inert there. Tables are escaped by pandas, and the
article view (:mod:`analysis.present.article`) and evidence tables (:mod:`analysis.present.html`)
escape everything they write.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~$])")


def md(value: object) -> str:
    """``value`` as literal text inside Markdown: HTML escaped, Markdown syntax backslashed.

    >>> md("<script>x</script> [a](javascript:b)")
    '&lt;script&gt;x&lt;/script&gt; \\\\[a\\\\]\\\\(javascript:b\\\\)'
    """
    text = html.escape(str(value), quote=True)
    return _MD_SPECIAL.sub(r"\\\1", text)
