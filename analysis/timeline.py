"""Timelines: dated expressions tied to events, publication dates inferred, one story
across articles.

* :func:`infer_publication` bounds an undated article's publication date from what it
  says: dated events it reports in the past tense (it was published after them), dates
  it announces for the future (before them), month-days without a year (news reports
  recent events: within ``NEWS_RECENCY_DAYS``), and public events from
  ``codebooks/anchor_events.yaml`` ("since Russia launched its offensive a week ago").
  The result is an interval with its evidence, never a silent guess.
* :func:`timeline_table` finds every temporal expression (``timexes``), resolves it
  against the publication date (or the inferred interval, when both ends agree), and
  ties it to its clause: the event trigger, the actors in it, and whether the date is
  when something was said (a statement date).
* :func:`merge_events` lines the events up across articles: rows with the same date
  (at the coarser granularity), a shared actor and a shared issue or trigger are one
  event; every merge is listed with its reason, and conflicting dates for the same
  event signature are flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .lexicon import ASCII_LOWER, PhraseMatcher
from .settings import CODEBOOK_DIR, _expect, _known_fields, _listed, _str_list, read_yaml
from .text import rows_by_document
from .timexes import Timex, find_timexes, parse_dct, tense

TIMELINE_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "expression", "type", "value", "granularity",
                    "anchor", "mod", "event", "event_start", "event_end", "actors", "issues", "statement", "event_id"]
EVENT_COLUMNS = ["event_id", "date", "granularity", "summary", "actors", "issues", "doc_ids", "mentions",
                 "conflict"]
MERGE_COLUMNS = ["event_id", "doc_id", "sentence_id", "value", "reason"]

#: An undated month-day reported in the past tense ("on January 26") is taken to lie at
#: most this many days before publication: news reports recent events.
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
_VERB = re.compile(r"\b(?:\w{3,}ed|said|told|met|sent|spoke|took|gave|made|held|signed|began|launched|ran|will\s+\w+)\b",
                   re.I)
# The same three, case-sensitive, for text lowered with ASCII_LOWER (which keeps offsets):
# re's case-insensitive matching is several times slower, and these run on every dated clause.
_EVENT_WORDS_LOWER = tuple(re.compile(rx.pattern) for rx in (STATEMENT_TRIGGERS, EVENT_NOUNS, _VERB))


# --------------------------------------------------------------------------- anchor events

@dataclass(frozen=True)
class AnchorEvent:
    id: str
    label: str
    start: date
    end: date
    aliases: tuple[str, ...]
    requires: tuple[str, ...] = ()


def load_anchor_events(path: str | Path | None = None) -> tuple[AnchorEvent, ...]:
    path = Path(path) if path else CODEBOOK_DIR / "anchor_events.yaml"
    return _load_anchor_events(str(path))


@lru_cache(maxsize=4)
def _load_anchor_events(path_str: str) -> tuple[AnchorEvent, ...]:
    path = Path(path_str)
    data = read_yaml(path)
    out, seen = [], set()
    for i, e in enumerate(_listed(path, data, "events")):
        where = f"events[{i}]"
        _expect(isinstance(e, dict) and isinstance(e.get("id"), str), path, where, "needs an 'id'")
        where = f"events[{i}] ({e['id']})"
        _expect(e["id"] not in seen, path, where, "duplicate id")
        seen.add(e["id"])
        _known_fields(path, where, e, ("id", "label", "start", "end", "aliases", "requires", "source"))
        try:
            start = e["start"] if isinstance(e.get("start"), date) else date.fromisoformat(str(e.get("start")))
            end = e.get("end", start)
            end = end if isinstance(end, date) else date.fromisoformat(str(end))
        except ValueError:
            _expect(False, path, where, "start and end must be dates (YYYY-MM-DD)")
        _expect(end >= start, path, where, "end is before start")
        out.append(AnchorEvent(e["id"], str(e.get("label", e["id"])), start, end,
                               tuple(_str_list(e.get("aliases"), path, f"{where}.aliases", required=True)),
                               tuple(_str_list(e.get("requires"), path, f"{where}.requires"))))
    return tuple(out)


@lru_cache(maxsize=4)
def _anchor_matcher(path_str: str) -> PhraseMatcher:
    return PhraseMatcher([(a, ev) for ev in _load_anchor_events(path_str) for a in ev.aliases], case="insensitive")


def anchor_mentions(text: str, sentences: list[tuple[int, int, int]], actors_by_sentence: dict[int, set[str]],
                    *, path: str | Path | None = None) -> list[tuple[int, int, int, AnchorEvent]]:
    """(sentence_id, start, end, event) for every anchor event mentioned with its required actors."""
    path_str = str(Path(path) if path else CODEBOOK_DIR / "anchor_events.yaml")
    matcher = _anchor_matcher(path_str)
    out = []
    for sid, s, e in sentences:
        for m in matcher.finditer(text, s, e):
            ev = m.payload
            if set(ev.requires) <= actors_by_sentence.get(sid, set()):
                out.append((sid, m.start, m.end, ev))
    return out


# --------------------------------------------------------------------------- publication date

@dataclass
class Interval:
    earliest: date | None = None
    latest: date | None = None
    evidence: list[str] = field(default_factory=list)

    def after(self, d: date, why: str) -> None:
        if self.earliest is None or d > self.earliest:
            self.earliest = d
        self.evidence.append(f"on or after {d.isoformat()}: {why}")

    def before(self, d: date, why: str) -> None:
        if self.latest is None or d < self.latest:
            self.latest = d
        self.evidence.append(f"on or before {d.isoformat()}: {why}")

    @property
    def consistent(self) -> bool:
        return self.earliest is None or self.latest is None or self.earliest <= self.latest


def _value_bounds(value: str) -> tuple[date, date] | None:
    """First and last day of a TIMEX3 DATE value with a known year."""
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = date(y, int(m.group(2)), int(m.group(3)))
        return d, d
    if m.group(2):
        mo = int(m.group(2))
        last = (date(y + (mo == 12), mo % 12 + 1, 1) - timedelta(days=1))
        return date(y, mo, 1), last
    return date(y, 1, 1), date(y, 12, 31)


_AGO = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<u>day|week|month)s?\s+ago\b", re.I)


def infer_publication(text: str, sentences: list[tuple[int, int, int]], actors_by_sentence: dict[int, set[str]],
                      *, anchor_path: str | Path | None = None,
                      undated: dict[int, list[Timex]] | None = None) -> Interval:
    """Bounds on the publication date of an undated text (see the module docstring).
    ``undated``: the sentences' expressions tagged without a DCT, when already at hand."""
    iv = Interval()
    month_days: list[tuple[int, int, str]] = []
    for sid, s, e in sentences:
        sentence = text[s:e]
        found = undated[sid] if undated is not None else find_timexes(sentence, dct=None, offset=s)
        for t in found:
            tns = tense(sentence, t.start - s, t.end - s)
            if t.type == "DATE" and t.anchor == "explicit":
                bounds = _value_bounds(t.value)
                if bounds is None:
                    continue
                if tns == "past":
                    iv.after(bounds[0], f"'{t.text}' reported in the past tense")
                elif tns == "future":
                    iv.before(bounds[1], f"'{t.text}' announced for the future")
            elif t.type == "DATE" and re.fullmatch(r"XXXX-\d\d-\d\d", t.value) and tns == "past":
                month_days.append((int(t.value[5:7]), int(t.value[8:10]), t.text))
    spans = {sid: (s, e) for sid, s, e in sentences}
    for sid, _a, _b, ev in anchor_mentions(text, sentences, actors_by_sentence, path=anchor_path):
        s, e = spans[sid]
        ago = _AGO.search(text[s:e])
        if ago:
            n = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}.get(
                ago["n"].lower()) or int(ago["n"])
            days = n * {"day": 1, "week": 7, "month": 30}[ago["u"].lower()]
            centre = ev.start + timedelta(days=days)
            iv.after(centre - timedelta(days=RELATIVE_SLACK_DAYS),
                     f"'{ago.group(0)}' next to {ev.label} ({ev.start.isoformat()})")
            iv.before(centre + timedelta(days=RELATIVE_SLACK_DAYS),
                      f"'{ago.group(0)}' next to {ev.label} ({ev.start.isoformat()})")
        else:
            iv.after(ev.start, f"mentions {ev.label} ({ev.start.isoformat()})")
    if month_days and iv.earliest is not None:
        # The year of an undated "January 26": the first one on or after what we know, and publication
        # within NEWS_RECENCY_DAYS of the latest such day.
        latest_md = None
        for month, day, words in month_days:
            for y in range(iv.earliest.year - 1, iv.earliest.year + 3):
                try:
                    d = date(y, month, day)
                except ValueError:
                    continue
                if d + timedelta(days=NEWS_RECENCY_DAYS) >= iv.earliest and (iv.latest is None or d <= iv.latest):
                    if latest_md is None or d > latest_md[0]:
                        latest_md = (d, words)
                    break
        if latest_md is not None:
            d, words = latest_md
            iv.after(d, f"'{words}' reported in the past tense")
            iv.before(d + timedelta(days=NEWS_RECENCY_DAYS),
                      f"'{words}' is recent news (within {NEWS_RECENCY_DAYS} days)")
    return iv


def interval_label(iv: Interval) -> str:
    """The publication date at the precision the interval supports: a day, a month, a year, or ''."""
    if iv.earliest is None or iv.latest is None or not iv.consistent:
        return ""
    a, b = iv.earliest, iv.latest
    if a == b:
        return a.isoformat()
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}"
    if a.year == b.year:
        return f"{a.year:04d}"
    return ""


# --------------------------------------------------------------------------- timeline rows

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
            if start <= a < end:
                continue
            dist = start - b if b <= start else a - end
            if best is None or dist < best[0]:
                best = (dist, m.group().lower())
        if best is not None and best[0] < 60:
            return best[1]
    return best[1] if best else ""


def document_timeline(doc_id: str, text: str, sentences: list[tuple[int, int, int]], *, dct: date | None,
                      interval: Interval | None, mentions_by_sentence: dict[int, list],
                      anchors: list | None = None, undated: dict[int, list[Timex]] | None = None) -> list[tuple]:
    """Timeline rows of one document. With only an inferred interval, a relative value is
    kept when both ends of the interval give the same value; otherwise it keeps its
    unknown parts. An expression like "a week ago" next to an anchor event ("since Russia
    launched its offensive a week ago") dates that event: anchor ``event``."""
    rows = []
    anchor_by_sentence = {}
    for sid, _a, _b, ev in anchors or []:
        anchor_by_sentence.setdefault(sid, ev)
    for sid, s, e in sentences:
        sentence = text[s:e]
        if dct is not None:
            found = find_timexes(sentence, dct=dct, offset=s)
        else:
            found = list(undated[sid]) if undated is not None else find_timexes(sentence, dct=None, offset=s)
            needs_dct = any(t.anchor == "none" and t.type in ("DATE", "TIME") for t in found)
            if needs_dct and interval is not None and interval.earliest and interval.latest and interval.consistent:
                lo = {(t.start, t.end): t for t in find_timexes(sentence, dct=interval.earliest, offset=s)}
                hi = {(t.start, t.end): t for t in find_timexes(sentence, dct=interval.latest, offset=s)}
                for i, t in enumerate(found):
                    a, b = lo.get((t.start, t.end)), hi.get((t.start, t.end))
                    if t.anchor == "none" and t.type in ("DATE", "TIME") and a is not None and b is not None \
                            and a.value == b.value:
                        a.anchor = "dct"
                        found[i] = a
        previous: Timex | None = None
        for t in found:
            ev = anchor_by_sentence.get(sid)
            if ev is not None and _AGO.fullmatch(t.text):
                t.value, t.granularity, t.anchor = ev.start.isoformat(), "day", "event"
            if t.anchor == "none" and previous is not None and previous.anchor == "explicit" \
                    and re.fullmatch(r"XXXX-\d\d-\d\d", t.value) and re.fullmatch(r"\d{4}-\d\d-\d\d", previous.value):
                # "on May 29, after their first call in November": keep the year of a date in the same sentence
                t.value = previous.value[:4] + t.value[4:]
                t.anchor = "previous"
            left, right = _clause_span(sentence, t.start - s, t.end - s)
            trig = _trigger(sentence, left, right, t.start - s, t.end - s)
            clause_mentions = [m for m in mentions_by_sentence.get(sid, []) if s + left <= m.start and m.end <= s + right]
            actors = sorted({m.canonical for m in clause_mentions if m.kind == "actor" and m.source != "demonym"})
            issues = sorted({m.canonical for m in clause_mentions if m.kind == "issue"})
            statement = bool(STATEMENT_TRIGGERS.fullmatch(trig)) if trig else False
            rows.append((doc_id, sid, t.start, t.end, t.text, t.type, t.value, t.granularity, t.anchor, t.mod, trig,
                         s + left, s + right, ";".join(actors), ";".join(issues), statement, ""))
            if t.anchor == "explicit":
                previous = t
    return rows


def timeline_table(documents: pd.DataFrame, sentences: pd.DataFrame, analysed: dict, *,
                   anchor_path: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(timeline rows, publication-date inference per document)."""
    rows, inferred = [], []
    by_doc = rows_by_document(sentences, ["sentence_id", "char_start", "char_end"])
    for doc_id, text, published, basis in zip(*(documents[c].tolist() for c in ("doc_id", "text", "published",
                                                                                "published_basis"))):
        sents = by_doc.get(doc_id)
        if sents is None:
            inferred.append((doc_id, "", "", ""))
            continue
        dm = analysed.get(doc_id)
        by_sentence = dm.by_sentence if dm is not None else {}
        actors = {sid: {m.canonical for m in ms if m.kind == "actor"} for sid, ms in by_sentence.items()}
        dct = parse_dct(published)
        iv = None
        undated = None
        if dct is None:
            # Tagged once without a DCT: the inference and the timeline both read these.
            undated = {sid: find_timexes(text[s:e], dct=None, offset=s) for sid, s, e in sents}
            iv = infer_publication(text, sents, actors, anchor_path=anchor_path, undated=undated)
            inferred.append((doc_id, iv.earliest.isoformat() if iv.earliest else "",
                             iv.latest.isoformat() if iv.latest else "", " | ".join(iv.evidence)))
        else:
            inferred.append((doc_id, dct.isoformat(), dct.isoformat(), f"{basis}: {published}"))
        anchors = anchor_mentions(text, sents, actors, path=anchor_path)
        rows += document_timeline(doc_id, text, sents, dct=dct, interval=iv, mentions_by_sentence=by_sentence,
                                  anchors=anchors, undated=undated)
    timeline = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    pub = pd.DataFrame(inferred, columns=["doc_id", "published_earliest", "published_latest", "published_evidence"])
    return timeline, pub


def apply_inference(documents: pd.DataFrame, publication: pd.DataFrame) -> pd.DataFrame:
    """Documents with ``published_earliest/latest/evidence``; an undated document whose interval
    is bounded gets ``published`` at the precision the interval supports and basis ``inferred``."""
    docs = documents.drop(columns=[c for c in ("published_earliest", "published_latest", "published_evidence")
                                   if c in documents.columns])
    docs = docs.merge(publication, on="doc_id", how="left").fillna(
        {"published_earliest": "", "published_latest": "", "published_evidence": ""})
    for i, row in docs.iterrows():
        if row["published_basis"] == "unknown" and row["published_earliest"] and row["published_latest"]:
            iv = Interval(date.fromisoformat(row["published_earliest"]), date.fromisoformat(row["published_latest"]))
            docs.at[i, "published_basis"] = "inferred"
            docs.at[i, "published"] = interval_label(iv)
            label = interval_label(iv)
            docs.at[i, "year"] = int(label[:4]) if label[:4].isdigit() else pd.NA
    cols = [c for c in documents.columns if c != "text"] + ["published_earliest", "published_latest",
                                                           "published_evidence", "text"]
    docs = docs[list(dict.fromkeys(cols))]
    docs["year"] = docs["year"].astype("Int64")
    return docs


# --------------------------------------------------------------------------- merging across articles

_GRAN_RANK = {"day": 0, "time": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4, "decade": 5,
              "century": 6}


def _coarse(value: str, granularity: str, other: str) -> str:
    keep = {"day": 10, "month": 7, "year": 4}
    return value[:keep.get(other, len(value))] if granularity != other else value


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
    keep = event_candidates(tl)
    fields = ["doc_id", "sentence_id", "value", "granularity", "event", "expression", "actors", "issues"]
    rows = tl.loc[keep, fields]
    # Plain lists: iterating pandas' Arrow-backed string columns goes element by element.
    cand = [_Candidate(i, doc_id, int(sid), value, gran, event, expression, _split(actors), _split(issues))
            for i, doc_id, sid, value, gran, event, expression, actors, issues
            in zip(rows.index, *(rows[c].tolist() for c in fields))]
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

    # Blocks: a day-precision row meets the rows of its day; a month-precision row meets
    # every row of its month. Within a block all rows share the date, an actor and an issue
    # or trigger; only rows of the same sentence are not compared with each other.
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
    partners: dict[int, int] = {}  # each row's first partner in row order, for the audit

    def meet(k: int, others: list[int]) -> None:
        first = next((o for o in others if cand[o].sentence != cand[k].sentence), None)
        if first is not None and (k not in partners or first < partners[k]):
            partners[k] = first

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
    ordered = sorted(groups.values(), key=lambda ks: (min(cand[k].day for k in ks), min(cand[k].index for k in ks)))
    events, audit, event_of = [], [], {}
    for n, ks in enumerate(ordered, start=1):
        eid = f"E{n:04d}"
        members = [cand[k] for k in ks]
        finest = min(members, key=lambda c: _GRAN_RANK[c.granularity])
        actors = sorted({x for c in members for x in c.actors})
        issues = sorted({x for c in members for x in c.issues})
        summary = f"{finest.event} ({finest.expression})" if finest.event else finest.expression
        events.append((eid, finest.value[:10], finest.granularity, summary, ";".join(actors), ";".join(issues),
                       ";".join(sorted({c.doc_id for c in members})), len(members), ""))
        for k in ks:
            event_of[cand[k].index] = eid
            reason = _merge_reason(cand[min(k, partners[k])], cand[max(k, partners[k])]) if k in partners \
                else "single mention"
            audit.append((eid, cand[k].doc_id, cand[k].sentence_id, cand[k].value, reason))
    if event_of:
        tl["event_id"] = [event_of.get(i, old) for i, old in zip(tl.index, tl["event_id"].tolist())]
    ev = pd.DataFrame(events, columns=EVENT_COLUMNS)
    # Conflicts: the same actors, issue and trigger reported with different dates.
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
    return tl, ev, pd.DataFrame(audit, columns=MERGE_COLUMNS)


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


# --------------------------------------------------------------------------- for the notebook

def dated_rows(timeline: pd.DataFrame, *, date_from: str = "", date_to: str = "",
               actors: list[str] | None = None) -> pd.DataFrame:
    """Timeline rows with a known calendar position: ``start``/``end`` dates (a range for a month
    or a year), and one row per actor (``lane``) so a chart can group by actor."""
    rows = []
    for r in timeline.itertuples(index=False):
        if r.type not in ("DATE", "TIME"):
            continue
        bounds = _value_bounds(str(r.value)[:10])
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


def period_of(documents: pd.DataFrame, *, granularity: str = "year") -> pd.Series:
    """Each document's publication period (year or month) from its date or inferred interval;
    ``undated`` when even the inferred interval does not fix it at that granularity."""
    n = 4 if granularity == "year" else 7
    out = {}
    for r in documents.itertuples(index=False):
        a = str(getattr(r, "published_earliest", "") or r.published or "")
        b = str(getattr(r, "published_latest", "") or r.published or "")
        out[r.doc_id] = a[:n] if a[:n] and a[:n] == b[:n] and a[:4].isdigit() else "undated"
    return pd.Series(out, name="period")
