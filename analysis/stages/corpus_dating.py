"""Publication dates from the rest of the corpus: an undated article that reports an event
that dated articles of the same corpus date.

"Kenya signed the agreement with Ghana on Wednesday" in an undated article, and the same
signing dated 2023-03-01 (a Wednesday) by a dated article: the undated one was written
within a week of that day. Mentions are the same event by a stricter rule than the one
:mod:`.events` merges with, since here no date is compared (:meth:`_Mention.same_event`: two
actors in common and the same trigger or an issue, or one actor, an issue and the same
trigger), and the undated mention must name the dated day itself: its weekday (``XXXX-WXX-3``: publication within
:data:`~.dating.WEEK_DAYS` of it) or its month and day (``XXXX-03-01``: within
:data:`~.dating.NEWS_RECENCY_DAYS`). A mention that matches dated events on different days
is said and not used. The bounds narrow the article's interval and are written into its
``published_evidence``, naming the article that dated the event; bounds that contradict the
interval are flagged and set aside.

This needs every document, so it runs once per corpus, after the partitions (like
:func:`.events.merge_events`), on the rows :func:`cross_dating_rows` selects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import pandas as pd

from ..text.layer import rows_by_document
from .dating import NEWS_RECENCY_DAYS, WEEK_DAYS, Interval, interval_label
from .timeline import STATEMENT_TRIGGERS, redate_rows

#: Documents whose date the corpus may narrow: no date given, or one inferred from the text.
UNDATED_BASES = frozenset({"unknown", "inferred"})
_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")
_MONTH_DAY = re.compile(r"XXXX-(\d\d-\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
#: Dated mentions kept per block and day: the first few are evidence enough (a day reported by
#: thousands of rows would otherwise be read again for every undated mention).
_PER_DAY = 5
_FIELDS = ["doc_id", "sentence_id", "expression", "value", "granularity", "event", "actors", "issues"]


def _text(table: pd.DataFrame, column: str) -> pd.Series:
    """A column as strings, missing values as "" (NaN is no name)."""
    return table[column].fillna("").astype(str)


def cross_dating_rows(timeline: pd.DataFrame) -> pd.Series:
    """Which timeline rows the cross-dating reads: day-precision dates (a dated event, or an
    undated weekday or month-day) in a clause with an actor and a trigger or issue."""
    if not set(_FIELDS) | {"type"} <= set(timeline.columns):
        return pd.Series(False, index=timeline.index)
    return (_text(timeline, "type").eq("DATE") & _text(timeline, "granularity").eq("day")
            & _text(timeline, "actors").ne("") & (_text(timeline, "event").ne("") | _text(timeline, "issues").ne(""))
            & _text(timeline, "value").str.match(r"^(?:\d{4}-\d\d-\d\d|XXXX-WXX-[1-7]|XXXX-\d\d-\d\d)$"))


@lru_cache(maxsize=4096)
def trigger_stem(word: str) -> str:
    """A trigger as the cross-dating compares it: its Snowball stem, so that one article's
    "announced" meets another's "announcement" or "announces".

    >>> trigger_stem("announced") == trigger_stem("announcement") == trigger_stem("announces")
    True
    """
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english").stem(word)


@dataclass(frozen=True)
class _Mention:
    """A timeline row as the cross-dating reads it."""

    doc_id: str
    sentence_id: int
    expression: str
    value: str
    trigger: str  # the stem; "" for a statement word ("said" dates a saying, and every article has one)
    actors: frozenset
    issues: frozenset

    @classmethod
    def of(cls, doc_id, sid, expression, value, event, actors, issues) -> _Mention:
        trigger = "" if not event or STATEMENT_TRIGGERS.fullmatch(event) else trigger_stem(event)
        return cls(doc_id, int(sid), expression, value, trigger, frozenset(filter(None, actors.split(";"))),
                   frozenset(filter(None, issues.split(";"))))

    def same_event(self, other: _Mention) -> str:
        """Why ``other`` reports the same event, or "": two actors in common and the same trigger
        or an issue in common; or one actor, an issue and the same trigger. A single actor and a
        trigger ("the United States announced") is too common to tell one event from another."""
        actors, issues = sorted(self.actors & other.actors), sorted(self.issues & other.issues)
        trigger = bool(self.trigger) and self.trigger == other.trigger
        if (len(actors) >= 2 and (trigger or issues)) or (actors and issues and trigger):
            return "; ".join(filter(None, [f"shared actors {', '.join(actors)}",
                                           f"shared issues {', '.join(issues)}" if issues else "",
                                           f"trigger '{other.trigger}'" if trigger else ""]))
        return ""


def _block_keys(m: _Mention, days: tuple[str, ...]) -> list[tuple]:
    """(day, actor, trigger or issue) keys of a mention: :meth:`_Mention.same_event` needs an
    actor and a trigger or an issue in common."""
    shared = [("issue", x) for x in m.issues] + ([("trigger", m.trigger)] if m.trigger else [])
    return [(day, actor, what) for day in days for actor in sorted(m.actors) for what in shared]


def corpus_bounds(rows: pd.DataFrame, dated_docs: set[str], undated_docs: set[str]) -> dict[str, list[tuple]]:
    """doc_id -> [(earliest, latest, why)] for the undated documents whose mentions name the
    day of an event that dated documents report (see the module docstring and
    :meth:`_Mention.same_event`). ``rows``: the timeline rows :func:`cross_dating_rows` selects.

    >>> rows = pd.DataFrame([("a", 1, "Wednesday", "2023-03-01", "day", "signed", "Kenya;Ghana", ""),
    ...                      ("b", 2, "Wednesday", "XXXX-WXX-3", "day", "signing", "Ghana;Kenya", "")], columns=_FIELDS)
    >>> corpus_bounds(rows, {"a"}, {"b"})["b"][0][:2]
    (datetime.date(2023, 2, 22), datetime.date(2023, 3, 8))
    """
    if rows.empty:
        return {}
    cols = [_text(rows, c).tolist() for c in _FIELDS]
    # Blocks: a pair shares the day named (weekday or month-day), an actor and a trigger or issue,
    # so the work grows with the rows, not with the pairs that share a frequent actor.
    blocks: dict[tuple, dict[str, list[_Mention]]] = {}
    undated: list[_Mention] = []
    for doc_id, sid, expr, value, _gran, event, actors, issues in zip(*cols):
        if doc_id in dated_docs and _DAY.fullmatch(value):
            m = _Mention.of(doc_id, sid, expr, value, event, actors, issues)
            d = date.fromisoformat(value)
            for key in _block_keys(m, (f"W{d.isoweekday()}", value[5:])):
                same_day = blocks.setdefault(key, {}).setdefault(value, [])
                if len(same_day) < _PER_DAY:
                    same_day.append(m)
        elif doc_id in undated_docs and (_WEEKDAY.fullmatch(value) or _MONTH_DAY.fullmatch(value)):
            undated.append(_Mention.of(doc_id, sid, expr, value, event, actors, issues))
    out: dict[str, list[tuple]] = {}
    for u in undated:
        weekday = _WEEKDAY.fullmatch(u.value)
        named = f"W{weekday[1]}" if weekday else u.value[5:]
        days: dict[str, tuple[_Mention, str]] = {}
        for key in _block_keys(u, (named,)):
            for day, same_day in blocks.get(key, {}).items():
                if day not in days:
                    found = next(((d, why) for d in same_day if (why := u.same_event(d))), None)
                    if found is not None:
                        days[day] = found
                if len(days) > 1:
                    break  # two days already: the mention is not used, whatever else matches
            if len(days) > 1:
                break
        where = f"'{u.expression}' (sentence {u.sentence_id})"
        if len(days) > 1:
            out.setdefault(u.doc_id, []).append(
                (None, None, f"{where} matches events dated {' and '.join(sorted(days))} (at least) in the "
                             f"corpus: not used"))
            continue
        for day, (d, why) in days.items():
            reach = timedelta(days=WEEK_DAYS if weekday else NEWS_RECENCY_DAYS)
            centre = date.fromisoformat(day)
            out.setdefault(u.doc_id, []).append(
                (centre - reach, centre + reach, f"{where} names the day of an event that document {d.doc_id} "
                                                 f"(sentence {d.sentence_id}) dates {day} ({why}): published within "
                                                 f"{reach.days} days of it"))
    return out


def apply_corpus_bounds(documents: pd.DataFrame, bounds: dict[str, list[tuple]]) -> pd.DataFrame:
    """The documents with their intervals narrowed by :func:`corpus_bounds`: each bound that
    agrees with the interval narrows it (and is named in ``published_evidence``); one that does
    not is flagged and set aside. An undated document bounded at last gets basis ``inferred``
    and ``published`` at the precision the interval supports."""
    if not bounds or not documents["doc_id"].isin(list(bounds)).any():
        return documents
    docs = documents.copy()
    for i in docs.index[docs["doc_id"].isin(list(bounds))]:
        row = docs.loc[i]
        lo = date.fromisoformat(row["published_earliest"]) if row["published_earliest"] else None
        hi = date.fromisoformat(row["published_latest"]) if row["published_latest"] else None
        notes = []
        for b_lo, b_hi, why in bounds[row["doc_id"]]:
            if b_lo is None:
                notes.append(why)
            elif (lo is None or b_hi >= lo) and (hi is None or b_lo <= hi):
                lo, hi = max(lo, b_lo) if lo else b_lo, min(hi, b_hi) if hi else b_hi
                notes.append(f"corpus: {why}")
            else:
                notes.append(f"flagged: corpus evidence outside the interval set aside: {why}")
        docs.at[i, "published_evidence"] = " | ".join(filter(None, [row["published_evidence"], *notes]))
        docs.at[i, "published_earliest"] = lo.isoformat() if lo else ""
        docs.at[i, "published_latest"] = hi.isoformat() if hi else ""
        if lo and hi:
            label = interval_label(Interval(lo, hi))
            docs.at[i, "published"] = label
            docs.at[i, "published_basis"] = "inferred"
            docs.at[i, "year"] = int(label[:4]) if label[:4].isdigit() else pd.NA
    return docs


def narrowed_intervals(before: pd.DataFrame, after: pd.DataFrame) -> dict[str, Interval]:
    """doc_id -> the interval :func:`apply_corpus_bounds` gave a document, for the documents
    whose interval it changed (``before`` and ``after`` are the documents without and with the bounds)."""
    if "published_earliest" not in after.columns:
        return {}
    old = dict(zip(before["doc_id"], zip(before["published_earliest"], before["published_latest"])))
    out = {}
    for doc_id, lo, hi in zip(after["doc_id"], after["published_earliest"], after["published_latest"]):
        if lo and hi and old.get(doc_id) != (lo, hi):
            out[doc_id] = Interval(date.fromisoformat(lo), date.fromisoformat(hi))
    return out


def redate_timeline(timeline: pd.DataFrame, documents: pd.DataFrame, sentences: pd.DataFrame,
                    intervals: dict[str, Interval]) -> pd.DataFrame:
    """The timeline with the rows of the documents in ``intervals`` resolved again against
    their narrower interval (:func:`~.timeline.redate_rows`); other rows unchanged."""
    if not intervals or not len(timeline):
        return timeline
    wanted = timeline["doc_id"].isin(list(intervals))
    if not wanted.any():
        return timeline
    texts = dict(zip(documents["doc_id"], documents["text"]))
    spans = rows_by_document(sentences[sentences["doc_id"].isin(list(intervals))],
                             ["sentence_id", "char_start", "char_end"])
    out = timeline.copy()
    columns = ["value", "granularity", "anchor"]
    for doc_id, at in out.index[wanted].groupby(out.loc[wanted, "doc_id"]).items():  # one pass, not one per document
        if doc_id in texts:
            own = {int(sid): (int(s), int(e)) for sid, s, e in spans.get(doc_id, [])}
            out.loc[at, columns] = redate_rows(out.loc[at], texts[doc_id], own, intervals[doc_id])[columns].values
    return out


def cross_date(documents: pd.DataFrame, timeline: pd.DataFrame) -> pd.DataFrame:
    """:func:`apply_corpus_bounds` over a whole corpus in memory."""
    if "published_basis" not in documents.columns or not len(timeline):
        return documents
    basis = dict(zip(documents["doc_id"], documents["published_basis"]))
    undated = {d for d, b in basis.items() if b in UNDATED_BASES}
    if not undated or len(undated) == len(basis):
        return documents
    rows = timeline.loc[cross_dating_rows(timeline)]
    if rows.empty:
        return documents
    rows = rows[_FIELDS]
    return apply_corpus_bounds(documents, corpus_bounds(rows, set(basis) - undated, undated))
