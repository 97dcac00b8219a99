"""Tables a person reads: the one helper every notebook shows its tables with.

:func:`table` turns a DataFrame into HTML that reads the same in JupyterLab and in the
rendered report: no 0..N index column, text left-aligned and wrapped at a readable width,
numbers right-aligned with one number of decimals per column, ISO dates kept on one line,
shares as percentages, ``(author)`` for the author's own voice, columns that hold one value
in every row said once in the caption, and every row there: a long table shows its first
rows and keeps the rest in a ``<details>`` block (nothing is cut, nothing truncated).

Article text and metadata are untrusted: every cell is escaped exactly once, here, and
nothing is ever a link; the only markup is the table this module writes.

>>> import pandas as pd
>>> t = table(pd.DataFrame({"doc_id": ["a", "b"], "share": [0.25, 0.5], "text": ["<b>x</b>", "y"]}))
>>> "25.0%" in t.html and "&lt;b&gt;x&lt;/b&gt;" in t.html and "<b>x</b>" not in t.html
True
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass

import pandas as pd

#: Rows shown before the rest of a table is folded into a <details> block.
VISIBLE_ROWS = 20
#: Columns holding running text: given room, and wrapped.
TEXT_COLUMNS = frozenset({
    "text", "evidence", "sentence", "summary", "definition", "include", "exclude", "indicators (weight)",
    "published_evidence", "reason", "finding", "conflict",
})
#: Columns of short text that may still be long (titles, URLs, names): wrapped, kept narrow.
WRAP_COLUMNS = frozenset({"title", "url", "where", "left", "right", "match", "role", "lead", "doc_ids", "actors",
                          "issues", "indicators"})
#: Columns whose values are shares of 1, shown as percentages.
SHARE_COLUMNS = frozenset({"share", "quoted_share"})
#: Columns in which an empty value is the author's own voice.
VOICE_COLUMNS = frozenset({"speaker", "speaker_type"})
AUTHOR = "(author)"
_ISO_DATE = re.compile(r"^(?:\d{4}|XXXX)(?:-(?:\d\d|XX|W\d\d|Q\d)(?:-(?:\d\d|XX))?)?$")

# JupyterLab's own table rules (right-aligned cells, fixed padding) are more specific than a
# plain class: these repeat the output area's class to win in the notebook and in the report.
STYLE = """<style>
.jp-OutputArea-output table.dn-table,table.dn-table{border-collapse:collapse;font-size:.9em;margin:.3rem 0 .6rem;
table-layout:auto}
.jp-OutputArea-output table.dn-table th,.jp-OutputArea-output table.dn-table td,table.dn-table th,table.dn-table td{
border:1px solid #ddd;padding:.2rem .45rem;vertical-align:top;text-align:left;white-space:normal}
.jp-OutputArea-output table.dn-table th,table.dn-table th{background:#f3f3f3}
.jp-OutputArea-output table.dn-table td.num,table.dn-table td.num{text-align:right;
font-variant-numeric:tabular-nums;white-space:nowrap}
.jp-OutputArea-output table.dn-table td.date,table.dn-table td.date{white-space:nowrap}
.jp-OutputArea-output table.dn-table td.text,table.dn-table td.text{min-width:18rem;max-width:46rem;
overflow-wrap:anywhere}
.jp-OutputArea-output table.dn-table td.wrap,table.dn-table td.wrap{max-width:15rem;overflow-wrap:anywhere}
p.dn-caption{margin:.2rem 0;font-size:.9em;color:#444}
details.dn-more>summary{cursor:pointer;color:#245;margin:.2rem 0}
</style>"""


@dataclass(frozen=True)
class Table:
    """HTML that Jupyter shows as it is (``_repr_html_``)."""

    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def note(text: str) -> Table:
    """One sentence said instead of a table or a chart (escaped)."""
    return Table(f'<p class="dn-caption">{html.escape(text)}</p>')


def table(df: pd.DataFrame, *, caption: str = "", empty: str = "No rows.", percent: tuple[str, ...] | bool = (),
          visible_rows: int = VISIBLE_ROWS, keep: tuple[str, ...] = ()) -> Table:
    """``df`` as a readable, escaped HTML table (see the module docstring).

    ``percent``: more columns holding shares (``True``: every numeric column); ``keep``:
    columns shown even when they hold one value only; ``empty``: what is said when there
    are no rows.
    """
    if df is None or len(df) == 0:
        return note(empty)
    df = _with_index(df)
    shares = set(df.columns) if percent is True else SHARE_COLUMNS | set(percent or ())
    constant = [] if len(df) < 2 else [c for c in df.columns if c not in keep and _one_value(df[c])]
    shown = [c for c in df.columns if c not in constant]
    if not shown:  # every column holds one value: show the one row that says it all
        shown, constant = list(df.columns), []
        df = df.head(1)
    cells = {c: _column_cells(df[c], c, as_percent=c in shares) for c in shown}
    facts = "; ".join(f"{c} = {_one_cell(df[c].iloc[0], c)}" if _one_cell(df[c].iloc[0], c) else f"{c}: none"
                      for c in constant)
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in shown)

    def rows(start: int, stop: int) -> str:
        return "".join("<tr>" + "".join(cells[c][i] for c in shown) + "</tr>" for i in range(start, stop))

    n = len(df)
    parts = [STYLE]
    text = " ".join(x for x in (caption, f"{n:,} rows." if n > visible_rows else "",
                                f"In every row: {facts}." if facts else "") if x)
    if text:
        parts.append(f'<p class="dn-caption">{html.escape(text)}</p>')
    parts.append(f'<table class="dn-table"><thead><tr>{head}</tr></thead><tbody>{rows(0, min(n, visible_rows))}'
                 "</tbody></table>")
    if n > visible_rows:
        parts.append(f'<details class="dn-more"><summary>Show the other {n - visible_rows:,} rows</summary>'
                     f'<table class="dn-table"><thead><tr>{head}</tr></thead><tbody>{rows(visible_rows, n)}'
                     "</tbody></table></details>")
    return Table("".join(parts))


def _with_index(df: pd.DataFrame) -> pd.DataFrame:
    """The index as leading columns when it means something (a name, a pivot's rows);
    dropped when it is only 0..N or what is left of a filter."""
    named = any(name is not None for name in df.index.names)
    return df.reset_index() if named or isinstance(df.index, pd.MultiIndex) else df.reset_index(drop=True)


def _one_value(col: pd.Series) -> bool:
    values = col.astype(str).where(col.notna(), "")
    return values.nunique(dropna=False) == 1


def _column_cells(col: pd.Series, name: str, *, as_percent: bool) -> list[str]:
    """The escaped <td> of every cell of a column, with one format for the whole column."""
    numeric = pd.api.types.is_numeric_dtype(col) and not pd.api.types.is_bool_dtype(col)
    if numeric:
        values = pd.to_numeric(col, errors="coerce")
        if as_percent:
            return [_td(_percent(v), "num") for v in values]
        finite = [float(v) for v in values if pd.notna(v) and math.isfinite(float(v))]
        decimals = 0 if all(float(v).is_integer() for v in finite) else 3
        return [_td(_number(v, decimals), "num") for v in values]
    texty = name in TEXT_COLUMNS or (name not in WRAP_COLUMNS and col.dtype == object
                                     and col.astype(str).str.len().mean() > 60)
    css = "text" if texty else "wrap" if name in WRAP_COLUMNS else ""
    return [_td(_one_cell(v, name), css or ("date" if _is_date(v) else "")) for v in col]


def _one_cell(value, name: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        value = ""
    if isinstance(value, (bool,)) or type(value).__name__ == "bool_":
        return "yes" if value else "no"
    text = str(value)
    if not text and name in VOICE_COLUMNS:
        return AUTHOR
    return text


def _is_date(value) -> bool:
    return isinstance(value, str) and _ISO_DATE.match(value) is not None


def _number(v, decimals: int) -> str:
    if pd.isna(v):
        return ""
    v = float(v)
    if not math.isfinite(v):
        return str(v)
    if decimals and v != 0 and abs(v) < 0.001:
        return "<0.001" if v > 0 else ">-0.001"
    return f"{v:.{decimals}f}"


def _percent(v) -> str:
    return "" if pd.isna(v) else f"{float(v) * 100:.1f}%"


def _td(text: str, css: str) -> str:
    return f'<td class="{css}">{html.escape(text)}</td>' if css else f"<td>{html.escape(text)}</td>"


def show(item=None, *, empty: str = "", **options) -> None:
    """Display in a notebook, where it stands in the cell: a DataFrame as :func:`table`
    (``options`` go to it), a string as a note, a figure (then closed, so it is not shown a
    second time at the end of the cell), a :class:`Table` as it is; ``empty`` is said instead
    of an empty table or of None (no figure to draw)."""
    from IPython.display import display  # a notebook's kernel has it; the package's tests need not

    if item is None or (isinstance(item, pd.DataFrame) and item.empty):
        if empty:
            display(note(empty))
    elif type(item).__name__ == "Figure":
        import matplotlib.pyplot as plt
        from IPython.display import SVG, Image

        from .plots import figure_image

        mime, data = figure_image(item)  # the smaller of a palette PNG and an SVG
        if mime == "image/png":
            display(Image(data=data, format="png"))
        elif mime:
            display(SVG(data=data))
        plt.close(item)
    elif isinstance(item, pd.DataFrame):
        display(table(item, **options))
    elif isinstance(item, str):
        if item:
            display(note(item))
    else:
        display(item)
