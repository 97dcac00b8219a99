"""Events lined up across articles: the one step that needs every document.

:func:`merge_events` merges timeline rows that report the same event: the same date (at
the coarser granularity), a shared actor and a shared issue or trigger; every merge is
listed with its reason, and conflicting dates for the same event signature are flagged.
It reads only the rows that may name an event (:func:`event_candidates`), so at scale the
run gathers those from every partition, merges them, and streams the rest.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ..schema import EVENT_COLUMNS, MERGE_COLUMNS

_GRAN_RANK = {"day": 0, "time": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4, "decade": 5,
              "century": 6}


def event_candidates(timeline: pd.DataFrame) -> pd.Series:
    """Which timeline rows may name an event: dated DATE/TIME expressions with a known year
    at day or month precision (the only rows :func:`merge_events` reads or changes)."""
    return (timeline["type"].isin(["DATE", "TIME"]) & timeline["value"].str.match(r"^\d{4}-\d\d") &
            timeline["granularity"].isin(["day", "month", "time"]))


def merge_events(timeline: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Assign ``event_id`` to timeline rows and build ``events`` and the merge audit.

    Rows are event candidates when they are dated DATE/TIME expressions with a known year
    at day or month precision. Two candidates from different sentences are the same event
    when their dates agree at the coarser of their precisions, they share an actor, and
    they share an issue or an event trigger. Conflicts: candidates sharing actors, issues
    and trigger but with different dates are flagged.

    An event takes the date of its most precise mention (the first mentioned among equals).
    Candidates are compared within blocks of (date, actor, issue or trigger), so the work
    grows with the number of rows, not with the number of pairs in a busy month.
    """
    tl = timeline.copy()
    cand = _candidates(tl)
    groups, partners = _group(cand)
    # Events in date order (ties: the first mentioned).
    ordered = sorted(groups, key=lambda ks: (min(cand[k].day for k in ks), min(cand[k].index for k in ks)))
    events, audit, event_of = [], [], {}
    for n, ks in enumerate(ordered, start=1):
        eid = f"E{n:04d}"
        events.append(_event_row(eid, [cand[k] for k in ks]))
        for k in ks:
            event_of[cand[k].index] = eid
            reason = _merge_reason(cand[min(k, partners[k])], cand[max(k, partners[k])]) if k in partners \
                else "single mention"
            audit.append((eid, cand[k].doc_id, cand[k].sentence_id, cand[k].value, reason))
    if event_of:
        tl["event_id"] = [event_of.get(i, old) for i, old in zip(tl.index, tl["event_id"].tolist())]
    ev = pd.DataFrame(events, columns=EVENT_COLUMNS)
    _flag_conflicts(ev)
    return tl, ev, pd.DataFrame(audit, columns=MERGE_COLUMNS)


def _candidates(tl: pd.DataFrame) -> list[_Candidate]:
    fields = ["doc_id", "sentence_id", "value", "granularity", "event", "expression", "actors", "issues"]
    rows = tl.loc[event_candidates(tl), fields]
    # Plain lists: iterating pandas' Arrow-backed string columns goes element by element.
    return [_Candidate(i, doc_id, int(sid), value, gran, event, expression, _split(actors), _split(issues))
            for i, doc_id, sid, value, gran, event, expression, actors, issues
            in zip(rows.index, *(rows[c].tolist() for c in fields))]


def _group(cand: list[_Candidate]) -> tuple[list[list[int]], dict[int, int]]:
    """The candidates (by position) that form one event each, and each one's first partner
    in row order (for the audit)."""
    parent = list(range(len(cand)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(ks: list[int]) -> None:
        roots = sorted({find(k) for k in ks})
        for r in roots[1:]:
            parent[r] = roots[0]

    partners: dict[int, int] = {}

    def meet(k: int, others: list[int]) -> None:
        first = next((o for o in others if cand[o].sentence != cand[k].sentence), None)
        if first is not None and (k not in partners or first < partners[k]):
            partners[k] = first

    day_blocks, month_blocks = _blocks(cand)
    for rows in day_blocks.values():
        if len({cand[k].sentence for k in rows}) > 1:
            union(rows)
            for k in rows:
                meet(k, rows)
    for by_month, by_day in month_blocks.values():
        if not by_month:
            continue
        rows = sorted(by_month + by_day)
        month_sentences = {cand[k].sentence for k in by_month}
        all_sentences = month_sentences | {cand[k].sentence for k in by_day}
        # Edges join a month-precision row to any row of another sentence; the rows with an
        # edge are always one connected group.
        linked = [k for k in by_month if len(all_sentences) > 1]
        linked += [k for k in by_day if month_sentences - {cand[k].sentence}]
        if linked:
            union(linked)
        for k in by_day:
            meet(k, by_month)
        for k in by_month:
            meet(k, rows)
    groups: dict[int, list[int]] = {}
    for k in range(len(cand)):
        groups.setdefault(find(k), []).append(k)
    return list(groups.values()), partners


def _blocks(cand: list[_Candidate]) -> tuple[dict[tuple, list[int]], dict[tuple, tuple[list[int], list[int]]]]:
    """Blocks of candidates that may be one event: a day-precision row meets the rows of its
    day; a month-precision row meets every row of its month. Within a block all rows share
    the date, an actor and an issue or trigger."""
    day_blocks: dict[tuple, list[int]] = {}
    month_blocks: dict[tuple, tuple[list[int], list[int]]] = {}
    for k, c in enumerate(cand):
        shared_with = [("issue", x) for x in c.issues] + ([("trigger", c.event)] if c.event else [])
        for actor in c.actors:
            for what in shared_with:
                if c.by_month:
                    month_blocks.setdefault((c.day[:7], actor, what), ([], []))[0].append(k)
                else:
                    day_blocks.setdefault((c.day, actor, what), []).append(k)
                    month_blocks.setdefault((c.day[:7], actor, what), ([], []))[1].append(k)
    return day_blocks, month_blocks


def _event_row(eid: str, members: list[_Candidate]) -> tuple:
    """An event: the date of its most precise mention, its actors, issues and articles."""
    finest = min(members, key=lambda c: _GRAN_RANK[c.granularity])
    actors = sorted({x for c in members for x in c.actors})
    issues = sorted({x for c in members for x in c.issues})
    summary = f"{finest.event} ({finest.expression})" if finest.event else finest.expression
    return (eid, finest.value[:10], finest.granularity, summary, ";".join(actors), ";".join(issues),
            ";".join(sorted({c.doc_id for c in members})), len(members), "")


def _flag_conflicts(ev: pd.DataFrame) -> None:
    """Mark events with the same actors, issue and trigger but another date (in place)."""
    sig: dict[tuple, set] = {}
    for e in ev.itertuples():
        trig = e.summary.split(" (")[0]
        for issue in filter(None, e.issues.split(";")):
            if e.actors and trig:
                sig.setdefault((e.actors, issue, trig), set()).add(e.event_id)
    for ids in sig.values():
        if len(ids) > 1:
            dates = sorted(ev.loc[ev["event_id"].isin(ids), "date"])
            if len(set(dates)) > 1:
                for eid in ids:
                    others = sorted(ids - {eid})
                    ev.loc[ev["event_id"] == eid, "conflict"] = (
                        f"same actors, issue and trigger dated differently in {', '.join(others)} ({', '.join(dates)})")


@dataclass
class _Candidate:
    """A timeline row that may name an event (see :func:`merge_events`)."""

    index: object
    doc_id: str
    sentence_id: int
    value: str
    granularity: str
    event: str
    expression: str
    actors: set
    issues: set

    @property
    def day(self) -> str:
        return self.value[:10]

    @property
    def by_month(self) -> bool:
        return self.granularity == "month"

    @property
    def sentence(self) -> tuple[str, int]:
        return self.doc_id, self.sentence_id


def _split(field: str) -> set[str]:
    return set(filter(None, str(field).split(";")))


def _merge_reason(a: _Candidate, b: _Candidate) -> str:
    n = 7 if a.by_month or b.by_month else 10
    shared_actors, shared_issues = a.actors & b.actors, a.issues & b.issues
    return (f"same date {a.day[:n]}; shared actors {', '.join(sorted(shared_actors))}; "
            + (f"shared issues {', '.join(sorted(shared_issues))}" if shared_issues else f"same trigger '{a.event}'"))


