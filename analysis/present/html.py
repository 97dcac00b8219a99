"""Evidence sentences as HTML with their indicators marked; every piece of text escaped.

Article text is untrusted: the only markup in the output is what these functions write
(a table, ``<mark>`` around indicators); everything else is escaped first.
"""

from __future__ import annotations

import html
import re

import pandas as pd


def highlight(evidence: str, indicators: str) -> str:
    """The sentence as HTML with its indicators in <mark>; all text escaped first.

    >>> highlight("No <b>war</b> here", "war")
    'No &lt;b&gt;<mark>war</mark>&lt;/b&gt; here'
    """
    out = html.escape(evidence, quote=True)
    terms = sorted({t for t in indicators.split(";") if t}, key=len, reverse=True)
    if not terms:
        return out
    pattern = re.compile("|".join(re.escape(html.escape(t, quote=True)) for t in terms), re.IGNORECASE)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", out)


def evidence_html(table: pd.DataFrame, *,
                  columns: tuple[str, ...] = ("doc_id", "sentence_id", "score", "speaker")) -> str:
    """An HTML table of evidence rows with the indicators highlighted. Every value is escaped;
    the only markup added is the table itself and <mark> around indicators."""
    head = "".join(f"<th>{html.escape(c)}</th>" for c in (*columns, "sentence"))
    body = []
    for r in table.itertuples(index=False):
        cells = "".join(f"<td>{html.escape(str(getattr(r, c)))}</td>" for c in columns)
        body.append(f"<tr>{cells}<td>{highlight(r.evidence, r.indicators)}</td></tr>")
    return f"<table class=\"evidence\"><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
