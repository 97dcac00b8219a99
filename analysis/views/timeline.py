"""Timeline summaries for the notebooks: dated rows on a calendar, unresolved expressions."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ..stages.dating import value_bounds


def dated_rows(timeline: pd.DataFrame, *, date_from: str = "", date_to: str = "",
               actors: list[str] | None = None) -> pd.DataFrame:
    """Timeline rows with a known calendar position: ``start``/``end`` dates (a range for a month
    or a year), and one row per actor (``lane``) so a chart can group by actor."""
    rows = []
    for r in timeline.itertuples(index=False):
        if r.type not in ("DATE", "TIME"):
            continue
        bounds = value_bounds(str(r.value)[:10])
        if bounds is None:
            continue
        lanes = [a for a in str(r.actors).split(";") if a] or ["(no actor named)"]
        for lane in lanes:
            if actors and lane not in actors:
                continue
            rows.append({**r._asdict(), "start": bounds[0], "end": bounds[1], "lane": lane})
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    if date_from:
        out = out[out["end"] >= date.fromisoformat(date_from)]
    if date_to:
        out = out[out["start"] <= date.fromisoformat(date_to)]
    return out.sort_values(["start", "doc_id", "sentence_id"], kind="mergesort").reset_index(drop=True)


def unresolved(timeline: pd.DataFrame) -> pd.DataFrame:
    """Expressions whose value keeps unknown parts (no publication date to anchor them)."""
    mask = timeline["type"].isin(["DATE", "TIME", "SET"]) & timeline["value"].astype(str).str.contains("X") & \
        (timeline["type"] != "SET")
    return timeline[mask][["doc_id", "sentence_id", "char_start", "char_end", "expression", "type", "value",
                           "anchor", "event"]].reset_index(drop=True)
