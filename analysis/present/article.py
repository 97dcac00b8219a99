"""One article with its findings inline: stance cues, dated expressions and frames.

The article text is untrusted: every piece of it is HTML-escaped; the only markup in the
result is what this module writes (paragraphs, <mark> and <span> elements with fixed
class names, and ``title`` attributes whose values are escaped).
"""

from __future__ import annotations

import html
from urllib.parse import urlsplit

import pandas as pd

from ..views.choices import pick_one

# The legend uses the same classes as the marks, so its swatches are the marks' colours.
STYLE = """
<style>
.article { font-family: Georgia, serif; line-height: 1.6; max-width: 46rem; }
.article p.debris { color: #888; font-size: 0.85em; }
.article mark, .legend mark { padding: 0 2px; border-radius: 2px; }
.article mark.support, .legend mark.support { background: #c7e9c0; }
.article mark.oppose, .legend mark.oppose { background: #fcbba1; }
.article mark.neutral, .legend mark.neutral { background: #d9d9d9; }
.article mark.timex, .legend mark.timex { background: #c6dbef; }
.article span.framed, .legend span.framed { border-bottom: 2px dotted #9e9ac8; }
.legend mark { padding: 0 4px; }
</style>
"""


def document(documents: pd.DataFrame, doc_id: str = "") -> pd.Series:
    """One document's row: ``doc_id`` (checked, with the closest ids suggested) or the first."""
    if documents.empty:
        raise ValueError("the documents table is empty")
    doc_id = pick_one(doc_id, documents["doc_id"], what="doc_id") if doc_id else documents["doc_id"].iloc[0]
    return documents.set_index("doc_id", drop=False).loc[doc_id]


def link(url: str) -> str:
    """A document's URL as the one link a report may carry: http(s) only, shown by its host;
    anything else is shown as text."""
    parts = urlsplit(str(url).strip())
    if parts.scheme in ("http", "https") and parts.hostname:
        return (f'<a href="{html.escape(parts.geturl(), quote=True)}" rel="noopener noreferrer nofollow">'
                f"{html.escape(parts.hostname)}</a>")
    return html.escape(str(url))


def header_html(doc: pd.Series) -> str:
    """What the article is: title, id, source, date and its basis, where it is from."""
    esc = html.escape
    facts = [f"<strong>{esc(str(doc['title'] or doc['doc_id']))}</strong>", f"id {esc(str(doc['doc_id']))}",
             f"source: {esc(str(doc['source'] or 'not given'))}",
             f"published: {esc(str(doc['published'] or 'unknown'))} ({esc(str(doc['published_basis']))})"]
    if str(doc.get("file", "") or ""):
        facts.append(f"file: {esc(str(doc['file']))}")
    if str(doc.get("url", "") or ""):
        facts.append(f"url: {link(doc['url'])}")
    return '<p class="article-header">' + " · ".join(facts) + "</p>"


def _spans(doc_id: str, stance: pd.DataFrame, timeline: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, tooltip) for inline marks; stance cues win over dates where they overlap."""
    marks = []
    for r in stance[stance["doc_id"] == doc_id].itertuples(index=False):
        tip = f"{r.holder} → {r.target}: {r.stance} ({r.act}{', negated' if r.negated else ''}; {r.attribution})"
        marks.append((int(r.cue_start), int(r.cue_end), r.stance, tip))
    for r in timeline[timeline["doc_id"] == doc_id].itertuples(index=False):
        marks.append((int(r.char_start), int(r.char_end), "timex", f"{r.type} {r.value} ({r.anchor})"))
    marks.sort(key=lambda m: (m[0], 0 if m[2] != "timex" else 1, -(m[1] - m[0])))
    chosen: list[tuple[int, int, str, str]] = []
    for m in marks:
        if not chosen or m[0] >= chosen[-1][1]:
            chosen.append(m)
    return chosen


def article_html(document: pd.Series, paragraphs: pd.DataFrame, sentences: pd.DataFrame, stance: pd.DataFrame,
                 frames: pd.DataFrame, timeline: pd.DataFrame) -> str:
    """The article as HTML: paragraphs (debris greyed), stance cues and dates marked, sentences
    carrying frames underlined with the frames in their tooltip."""
    esc = html.escape
    doc_id, text = document["doc_id"], document["text"]
    marks = _spans(doc_id, stance, timeline)
    framed = frames[(frames["doc_id"] == doc_id) & ~frames["rejected"].astype(bool)]
    frames_of = framed.groupby("sentence_id")["frame"].apply(lambda s: ", ".join(sorted(set(s)))).to_dict()
    sent = sentences[sentences["doc_id"] == doc_id]
    sent_spans = [(int(a), int(b), frames_of.get(int(sid), "")) for sid, a, b in
                  sent[["sentence_id", "char_start", "char_end"]].itertuples(index=False)]

    def render(start: int, end: int) -> str:
        """Escaped text[start:end] with marks and framed-sentence spans inside."""
        out = []
        boundaries = sorted({start, end} | {p for a, b, _, _ in marks for p in (a, b) if start < p < end}
                            | {p for a, b, f in sent_spans if f for p in (a, b) if start < p < end})
        for a, b in zip(boundaries, boundaries[1:]):
            piece = esc(text[a:b])
            mark = next((m for m in marks if m[0] <= a and b <= m[1]), None)
            if mark is not None:
                piece = f'<mark class="{mark[2]}" title="{esc(mark[3])}">{piece}</mark>'
            framed_by = next((f for s, e, f in sent_spans if f and s <= a and b <= e), "")
            if framed_by:
                piece = f'<span class="framed" title="frames: {esc(framed_by)}">{piece}</span>'
            out.append(piece)
        return "".join(out)

    paras = paragraphs[paragraphs["doc_id"] == doc_id]
    body = []
    for kind, a, b in paras[["kind", "char_start", "char_end"]].itertuples(index=False):
        rendered = render(int(a), int(b)).replace("\n", "<br>")
        css = ' class="debris" title="page debris: not analysed"' if kind == "debris" else ""
        tag = "h3" if kind == "headline" else "p"
        body.append(f"<{tag}{css}>{rendered}</{tag}>")
    legend = ('<p class="legend">Stance cue: <mark class="support">support</mark> <mark class="oppose">oppose</mark> '
              '<mark class="neutral">neutral</mark>; <mark class="timex">date or duration</mark>; '
              '<span class="framed">sentence with a frame</span> (hover for details); grey paragraphs are page '
              'debris, not analysed.</p>')
    return STYLE + legend + '<div class="article">' + "".join(body) + "</div>"


def findings_table(doc_id: str, stance: pd.DataFrame, frames: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """All findings of one article, one row each, in text order: kind, sentence, offsets, what."""
    rows = []
    for r in stance[stance["doc_id"] == doc_id].itertuples(index=False):
        rows.append(("stance", r.sentence_id, r.cue_start, r.cue_end,
                     f"{r.holder} → {r.target}: {r.stance} ({r.act}; cue '{r.cue}'; {r.attribution})"))
    for r in frames[(frames["doc_id"] == doc_id)].itertuples(index=False):
        rows.append(("frame", r.sentence_id, r.char_start, r.char_end,
                     f"{r.frame} (score {r.score:g}; {r.indicators}{'; rejected' if r.rejected else ''})"))
    for r in timeline[timeline["doc_id"] == doc_id].itertuples(index=False):
        rows.append(("date", r.sentence_id, r.char_start, r.char_end, f"'{r.expression}' = {r.value} ({r.anchor})"))
    out = pd.DataFrame(rows, columns=["kind", "sentence_id", "char_start", "char_end", "finding"])
    return out.sort_values(["char_start", "kind"], kind="mergesort").reset_index(drop=True)
