"""Timeline summaries for the notebooks: dated rows on a calendar, what a chart draws,
publication dates and how they were established, unresolved expressions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from ..errors import ParameterError
from ..stages.dating import value_bounds
from .choices import pick

NO_ACTOR = "(no actor named)"
#: A chart draws at most this many lanes: the actors with the most dated expressions.
MAX_LANES = 12
#: The axis covers the expressions dated to a day, a week or a month (those spanning at most
#: this many days); a year or a decade ("since 2009", "in the 1990s") does not stretch it, and
#: what lies beyond is drawn as an arrow at the edge.
SHORT_RANGE_DAYS = 62
#: Room left on either side of the events, in days.
MARGIN_DAYS = 10


def _iso(value: str, what: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"{what}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def dated_rows(timeline: pd.DataFrame, *, date_from: str = "", date_to: str = "",
               actors: list[str] | str | None = None) -> pd.DataFrame:
    """Timeline rows with a known calendar position: ``start``/``end`` dates (a range for a month
    or a year), and one row per actor (``lane``) so a chart can group by actor. ``actors``
    are checked against the actors the timeline names."""
    start, stop = _iso(date_from, "date_from"), _iso(date_to, "date_to")
    named = {a for cell in timeline["actors"].astype(str) for a in cell.split(";") if a}
    actors = pick(actors, named, what="actors")
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
    if start:
        out = out[out["end"] >= start]
    if stop:
        out = out[out["start"] <= stop]
    return out.sort_values(["start", "doc_id", "sentence_id"], kind="mergesort").reset_index(drop=True)


def count_expressions(rows: pd.DataFrame) -> int:
    """Distinct expressions among :func:`dated_rows` (one is drawn in every lane it names)."""
    return 0 if rows.empty else rows[["doc_id", "char_start"]].drop_duplicates().shape[0]


@dataclass
class TimelineLayout:
    """What a timeline chart draws: the rows in its lanes, the window of its axis, and what
    is left out (said in ``note``)."""

    rows: pd.DataFrame
    lanes: list[str]
    start: date
    end: date
    drawn: int  # distinct expressions drawn
    note: str = ""
    publication: list[tuple[date, date]] = field(default_factory=list)


def timeline_layout(rows: pd.DataFrame, documents: pd.DataFrame, *, max_lanes: int = MAX_LANES) -> TimelineLayout:
    """Lanes for the actors with the most dated expressions (the others named in the note),
    and an axis that covers where the events are: long-range expressions ("since 2009")
    do not stretch it; they are drawn as arrows at its edge."""
    counts = rows.groupby("lane")[["doc_id", "char_start"]].apply(lambda g: g.drop_duplicates().shape[0])
    order = counts.sort_values(ascending=False, kind="mergesort")
    lanes = list(order.index[:max_lanes])
    left_out = list(order.index[max_lanes:])
    kept = rows[rows["lane"].isin(lanes)]
    span = (pd.to_datetime(kept["end"]) - pd.to_datetime(kept["start"])).dt.days
    short = kept[span <= SHORT_RANGE_DAYS]
    basis = short if len(short) else kept
    start = min(basis["start"]) - timedelta(days=MARGIN_DAYS)
    end = max(basis["end"]) + timedelta(days=MARGIN_DAYS)
    publication = []
    for a, b in zip(documents.get("published_earliest", pd.Series(dtype=str)),
                    documents.get("published_latest", pd.Series(dtype=str))):
        if a and b:
            publication.append((date.fromisoformat(a), date.fromisoformat(b)))
    notes = []
    if left_out:
        more = ", ".join(left_out[:15]) + (f" and {len(left_out) - 15} more" if len(left_out) > 15 else "")
        notes.append(f"Lanes for the {len(lanes)} actors with the most dated expressions; not drawn: {more}.")
    outside = int(((kept["end"] < start) | (kept["start"] > end)).sum())
    partly = int(((kept["start"] < start) | (kept["end"] > end)).sum()) - outside
    if outside or partly:
        notes.append(f"{outside + partly} expression(s) reach beyond {start.isoformat()} to {end.isoformat()} "
                     "(long ranges such as 'since 2009'); they are drawn as arrows at the edge.")
    return TimelineLayout(kept, lanes, start, end, count_expressions(kept), " ".join(notes), publication)


def publication_dates(documents: pd.DataFrame) -> pd.DataFrame:
    """Each document's publication date, how it was established, and the interval with its evidence."""
    cols = ["doc_id", "title", "published", "published_basis", "published_earliest", "published_latest",
            "published_evidence"]
    return documents[[c for c in cols if c in documents.columns]].reset_index(drop=True)


def dating_summary(documents: pd.DataFrame) -> str:
    """One sentence: how many documents are dated by which basis."""
    counts = documents["published_basis"].value_counts()
    names = {"metadata": "from metadata", "dateline": "stated in the article (dateline, date line or byline)",
             "inferred": "inferred from the text",
             "unknown": "with no date established"}
    parts = [f"{int(counts[b])} {names.get(b, b)}" for b in ("metadata", "dateline", "inferred", "unknown")
             if b in counts]
    return f"{len(documents)} documents: " + ", ".join(parts) + "."


EXPRESSION_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "expression", "type", "value", "granularity",
                      "anchor", "event", "actors", "statement", "event_id"]


def expressions(timeline: pd.DataFrame) -> pd.DataFrame:
    """Every dated expression with where it is and what it dates."""
    return timeline[EXPRESSION_COLUMNS].reset_index(drop=True)


def unresolved(timeline: pd.DataFrame) -> pd.DataFrame:
    """Expressions whose value keeps unknown parts (no publication date to anchor them)."""
    mask = timeline["type"].isin(["DATE", "TIME", "SET"]) & timeline["value"].astype(str).str.contains("X") & \
        (timeline["type"] != "SET")
    return timeline[mask][["doc_id", "sentence_id", "char_start", "char_end", "expression", "type", "value",
                           "anchor", "event"]].reset_index(drop=True)
