"""Timelines: every temporal expression, resolved against the publication date and tied to
the event it dates.

:func:`timeline_table` finds every temporal expression (:mod:`.timexes`), resolves it
against the publication date (or the inferred interval, when both ends agree; see
:mod:`.dating`), and ties it to its clause: the event trigger, the actors in it, and
whether the date is when something was said (a statement date). Events are lined up
across articles afterwards (:mod:`.events`), since that needs every document.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pandas as pd

from ..config.codebooks import Codebooks
from ..schema import PUBLICATION_COLUMNS, TIMELINE_COLUMNS, Stage
from ..text.datelines import find_publication_line
from ..text.layer import rows_by_document
from .dating import (
    AGO,
    BOUND_SOURCES,
    Interval,
    anchor_matcher,
    anchor_mentions,
    infer_publication,
    stated_date_conflicts,
    within_given,
)
from .lexicon import ASCII_LOWER
from .timexes import Timex, find_timexes, parse_dct, resolve_relative_days

NEWS_RECENCY_DAYS = 45
#: Slack around "a week ago" and similar offsets, in days.
RELATIVE_SLACK_DAYS = 2

STATEMENT_TRIGGERS = re.compile(
    r"\b(?:said|says|stated|declared|noted|added|stressed|emphasi[sz]ed|affirmed|reaffirmed|underlined|underscored|"
    r"observed|remarked|suggested|reiterated|announced|told|warned|insisted|tweeted|wrote|posted|urged|implored|"
    r"called|statement|tweet|post|appeal|plea|speech|remarks|address(?:ed|ing)?)\b", re.I)
EVENT_NOUNS = re.compile(
    r"\b(?:meeting|call|conversation|visit|summit|ceremony|inauguration|training|course|talks|negotiations|"
    r"invasion|offensive|attack|war|conflict|election|vote|resolution|announcement|accession|agreement|treaty|"
    r"statement|appeal|plea|graduation|conference|session|deployment|delivery|decision)\b", re.I)
_VERB = re.compile(r"\b(?:\w{3,}ed|said|told|met|sent|spoke|took|gave|made|held|signed|began|launched|ran|"
                   r"will\s+\w+)\b",
                   re.I)
# The same three, case-sensitive, for text lowered with ASCII_LOWER (which keeps offsets):
# re's case-insensitive matching is several times slower, and these run on every dated clause.
_EVENT_WORDS_LOWER = tuple(re.compile(rx.pattern) for rx in (STATEMENT_TRIGGERS, EVENT_NOUNS, _VERB))


def _clause_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence a date belongs to: between the commas or semicolons around
    it; the whole sentence when that stretch names no event ("On July 9, Hun Sen called ...")."""
    left = max([0] + [m.end() for m in re.finditer(r"[;:]|,\s+(?=\w)", sentence[:start])])
    right_m = re.search(r"[;:,]", sentence[end:])
    right = end + right_m.start() if right_m else len(sentence)
    clause = (sentence[left:start] + " " + sentence[end:right]).translate(ASCII_LOWER)
    if not any(rx.search(clause) for rx in _EVENT_WORDS_LOWER):
        return 0, len(sentence)
    return left, right


def _trigger(sentence: str, left: int, right: int, start: int, end: int) -> str:
    """The word that names the event a date belongs to: the nearest statement word, event
    noun or verb in the clause (statement words first: a date on "said" dates the saying)."""
    clause = sentence[left:right].translate(ASCII_LOWER)
    best = None
    for rx in _EVENT_WORDS_LOWER:
        for m in rx.finditer(clause):
            a, b = left + m.start(), left + m.end()
            if start <= a < end or (sentence[a].isupper() and sentence[:a].strip()):
                continue  # a name inside the sentence ("United States") is no trigger; its first word may be
            dist = start - b if b <= start else a - end
            if best is None or dist < best[0]:
                best = (dist, m.group().lower())
        if best is not None and best[0] < 60:
            return best[1]
    return best[1] if best else ""


def common_value(lo: str, hi: str) -> tuple[str, str] | None:
    """(value, granularity) that two resolutions of one expression share: the expression
    resolved against both ends of a publication interval, at the precision both agree on.

    >>> common_value("2023-03-07", "2023-03-14"), common_value("2023-03-28", "2023-04-04")
    (('2023-03', 'month'), ('2023', 'year'))
    >>> common_value("2022-12-30", "2023-01-06") is None, common_value("2023-W10", "2023-W11") is None
    (True, True)
    """
    if not (re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", lo) and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", hi)):
        return None
    if lo[:7] == hi[:7]:
        return lo[:7], "month"
    if lo[:4] == hi[:4]:
        return lo[:4], "year"
    return None


def within_interval(found: list[Timex], sentence: str, s: int, interval: Interval | None) -> list[Timex]:
    """The expressions of a sentence (at offset ``s``) found without a publication date, those
    that need one resolved against both ends of ``interval``: the value both ends give (anchor
    ``dct``), else the month or year they share (anchor ``interval``), else left as found."""
    needs_dct = any(t.anchor == "none" and t.type in ("DATE", "TIME") for t in found)
    if not needs_dct or interval is None or not (interval.earliest and interval.latest and interval.consistent):
        return found
    lo = {(t.start, t.end): t for t in find_timexes(sentence, dct=interval.earliest, offset=s)}
    hi = {(t.start, t.end): t for t in find_timexes(sentence, dct=interval.latest, offset=s)}
    found = list(found)
    for i, t in enumerate(found):
        a, b = lo.get((t.start, t.end)), hi.get((t.start, t.end))
        if t.anchor != "none" or t.type not in ("DATE", "TIME") or a is None or b is None:
            continue
        if a.value == b.value:
            a.anchor = "dct"
            found[i] = a
        elif (shared := common_value(a.value, b.value)) is not None:
            found[i] = replace(a, value=shared[0], granularity=shared[1], anchor="interval")
    return found


#: The anchors of timeline rows that an inferred interval resolved, or could resolve.
REDATABLE_ANCHORS = ("none", "dct", "interval")


def redate_rows(rows: pd.DataFrame, text: str, sentence_spans: dict[int, tuple[int, int]],
                interval: Interval) -> pd.DataFrame:
    """One undated document's timeline rows resolved again against a narrower ``interval``
    (the rest of the corpus narrowed it after the document's own timeline was made): the
    rows an interval resolves (:func:`within_interval`) take the values the new one gives.

    >>> text = "Talks were held on Monday."
    >>> rows = pd.DataFrame([("d", 0, 19, 25, "Monday", "DATE", "XXXX-WXX-1", "day", "none")],
    ...                     columns=["doc_id", "sentence_id", "char_start", "char_end", "expression", "type",
    ...                              "value", "granularity", "anchor"])
    >>> week = Interval(date(2023, 3, 8), date(2023, 3, 12))
    >>> redate_rows(rows, text, {0: (0, 26)}, week)[["value", "anchor"]].values.tolist()
    [['2023-03-06', 'dct']]
    """
    open_rows = rows["anchor"].isin(REDATABLE_ANCHORS) & rows["type"].isin(["DATE", "TIME"])
    if not open_rows.any():
        return rows
    out = rows.copy()
    for sid, idx in out.index[open_rows].groupby(out.loc[open_rows, "sentence_id"]).items():
        if sid not in sentence_spans:
            continue
        s, e = sentence_spans[sid]
        sentence = text[s:e]
        found = within_interval(find_timexes(sentence, dct=None, offset=s), sentence, s, interval)
        by_span = {(t.start, t.end): t for t in found}
        for i in idx:
            t = by_span.get((int(out.at[i, "char_start"]), int(out.at[i, "char_end"])))
            if t is not None and t.anchor != "none":
                out.at[i, "value"], out.at[i, "granularity"], out.at[i, "anchor"] = t.value, t.granularity, t.anchor
    return out


def document_timeline(doc_id: str, text: str, sentences: list[tuple[int, int, int]], *, dct: date | None,
                      interval: Interval | None, mentions_by_sentence: dict[int, list],
                      anchors: list | None = None, undated: dict[int, list[Timex]] | None = None) -> list[tuple]:
    """Timeline rows of one document. With only an inferred interval, a relative value is
    kept when both ends of the interval give the same value (anchor ``dct``), at the month or
    year both ends share when they differ ("on Monday" in an article of 12-25 March 2023:
    ``2023-03``, anchor ``interval``); otherwise it keeps its unknown parts. An expression like
    "a week ago" next to an anchor event ("since Russia launched its offensive a week ago")
    dates that event: anchor ``event``."""
    rows = []
    anchor_by_sentence = {}
    for sid, _a, _b, ev in anchors or []:
        anchor_by_sentence.setdefault(sid, ev)
    last_day = None  # the day "the next day" counts from, carried over sentences
    for sid, s, e in sentences:
        sentence = text[s:e]
        if dct is not None:
            found = find_timexes(sentence, dct=dct, offset=s)
        else:
            found = list(undated[sid]) if undated is not None else find_timexes(sentence, dct=None, offset=s)
            found = within_interval(found, sentence, s, interval)
        last_day = resolve_relative_days(found, last_day)
        previous: Timex | None = None
        for t in found:
            ev = anchor_by_sentence.get(sid)
            if ev is not None and AGO.fullmatch(t.text):
                t.value, t.granularity, t.anchor = ev.start.isoformat(), "day", "event"
            if t.anchor == "none" and previous is not None and previous.anchor == "explicit" \
                    and re.fullmatch(r"XXXX-\d\d-\d\d", t.value) and re.fullmatch(r"\d{4}-\d\d-\d\d", previous.value):
                # "on May 29, after their first call in November": keep the year of a date in the same sentence
                t.value = previous.value[:4] + t.value[4:]
                t.anchor = "previous"
            left, right = _clause_span(sentence, t.start - s, t.end - s)
            trig = _trigger(sentence, left, right, t.start - s, t.end - s)
            clause_mentions = [m for m in mentions_by_sentence.get(sid, [])
                               if s + left <= m.start and m.end <= s + right]
            actors = sorted({m.canonical for m in clause_mentions if m.kind == "actor" and m.source != "demonym"})
            issues = sorted({m.canonical for m in clause_mentions if m.kind == "issue"})
            statement = bool(STATEMENT_TRIGGERS.fullmatch(trig)) if trig else False
            rows.append((doc_id, sid, t.start, t.end, t.text, t.type, t.value, t.granularity, t.anchor, t.mod, trig,
                         s + left, s + right, ";".join(actors), ";".join(issues), statement, ""))
            if t.anchor == "explicit":
                previous = t
    return rows


def _stated_evidence(basis: str, published: str, stated: str) -> str:
    """The evidence of a date the article or its metadata gives, with what looked wrong in it
    (a dateline whose weekday disagrees with its date).

    >>> _stated_evidence("dateline", "2024-03-04", "JAKARTA, Friday, March 4, 2024 -")
    'dateline: 2024-03-04 (the weekday (Friday) disagrees with the date (a Monday))'
    """
    # Read again as it was found (a dateline's dash is followed by the text: a space stands for it).
    line = find_publication_line(stated + " ") if basis == "dateline" and stated else None
    return f"{basis}: {published}" + (f" ({line.note})" if line is not None and line.note else "")


def timeline_table(documents: pd.DataFrame, sentences: pd.DataFrame, analysed: dict,
                   codebooks: Codebooks) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(timeline rows, publication-date inference per document)."""
    rows, inferred = [], []
    matcher = anchor_matcher(codebooks)
    by_doc = rows_by_document(sentences, ["sentence_id", "char_start", "char_end"])
    columns = [documents[c].tolist() for c in ("doc_id", "text", "published", "published_basis")]
    datelines = documents["dateline"].tolist() if "dateline" in documents else [""] * len(documents)
    for doc_id, text, published, basis, stated in zip(*columns, datelines):
        sents = by_doc.get(doc_id)
        if sents is None:
            inferred.append((doc_id, "", "", "", "", ""))
            continue
        dm = analysed.get(doc_id)
        by_sentence = dm.by_sentence if dm is not None else {}
        actors = {sid: {m.canonical for m in ms if m.kind == "actor"} for sid, ms in by_sentence.items()}
        anchors = anchor_mentions(text, sents, actors, matcher)
        dct = parse_dct(published)
        iv = None
        undated = None
        if dct is None:
            # Tagged once without a DCT: the inference and the timeline both read these.
            undated = {sid: find_timexes(text[s:e], dct=None, offset=s) for sid, s, e in sents}
            # The dateline's own date is what is being dated, not evidence for it.
            at = text.find(stated) if stated else -1
            own = (at, at + len(stated)) if at >= 0 else None
            iv = within_given(infer_publication(text, sents, anchors, undated=undated, exclude=own).honest(),
                              published, basis)
            inferred.append((doc_id, iv.earliest.isoformat() if iv.earliest else "",
                             iv.latest.isoformat() if iv.latest else "", " | ".join(iv.evidence),
                             iv.earliest_from if iv.earliest else "", iv.latest_from if iv.latest else ""))
        found = document_timeline(doc_id, text, sents, dct=dct, interval=iv, mentions_by_sentence=by_sentence,
                                  anchors=anchors, undated=undated)
        if dct is not None:
            evidence = _stated_evidence(basis, published, stated)
            if basis == "dateline":  # a date the text itself states: does the rest of the text agree?
                spans = {sid: (s, e) for sid, s, e in sents}
                explicit = [(r[1], r[2], r[3], r[4], r[6]) for r in found if r[8] == "explicit"]
                flags = stated_date_conflicts(text, spans, explicit, dct)
                evidence += "".join(f" | flagged: {f}" for f in flags)
            inferred.append((doc_id, dct.isoformat(), dct.isoformat(), evidence, "day", "day"))
        rows += found
    timeline = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    pub = pd.DataFrame(inferred, columns=["doc_id", *PUBLICATION_COLUMNS, *BOUND_SOURCES])
    return timeline, pub


def timeline_stage(tables: dict, rules) -> dict:
    timeline, publication = timeline_table(tables["documents"], tables["sentences"], tables["document_mentions"],
                                           rules.codebooks)
    return {"timeline": timeline, "publication": publication}


STAGE = Stage("timeline", timeline_stage, requires=("documents", "sentences", "document_mentions"),
              provides=("timeline", "publication"), reads=("anchor_events",))
