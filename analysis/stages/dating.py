"""Publication dates: bounded from what an undated article says, with the evidence.

:func:`infer_publication` bounds an undated article's publication date from what it
says: dated events it reports in the past tense (it was published after them), dates it
announces for the future (before them), month-days without a year (news reports recent
events: within ``NEWS_RECENCY_DAYS``), public events from ``codebooks/anchor_events.yaml``
("since Russia launched its offensive a week ago"), and days named twice ("yesterday (Oct 12,
2023)"). Years that name a period ("its 1986 results") bound nothing; forecast years are no
lower bound; an interval open on one side is closed by a calibrated width (``CALIBRATED_DAYS``).
The result is an interval with its
evidence, never a silent guess; :func:`apply_inference` writes it into the documents table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from ..config.codebooks import AnchorEvent, Codebooks
from ..lang.en import IRREALIS_WORDS, NUMBERS, WEEKDAY_NAMES, WEEKDAY_PATTERN, WEEKDAYS
from ..schema import PUBLICATION_COLUMNS, Stage
from ..text.datelines import DAY_TEXT, parse_date_text
from .lexicon import PhraseMatcher
from .timexes import Timex, find_timexes, tense

#: An undated month-day reported in the past tense ("on January 26") is taken to lie at
#: most this many days before publication: news reports recent events.
NEWS_RECENCY_DAYS = 45
#: Slack around "a week ago" and similar offsets, in days.
RELATIVE_SLACK_DAYS = 2


# --------------------------------------------------------------------------- anchor events

def anchor_matcher(books: Codebooks) -> PhraseMatcher:
    """The aliases of the anchor events, compiled once per :class:`Codebooks` object."""
    return books.compiled(_compile_anchor_matcher)


def _compile_anchor_matcher(books: Codebooks) -> PhraseMatcher:
    return PhraseMatcher([(a, ev) for ev in books.anchor_events for a in ev.aliases], case="insensitive")


def anchor_mentions(text: str, sentences: list[tuple[int, int, int]], actors_by_sentence: dict[int, set[str]],
                    matcher: PhraseMatcher) -> list[tuple[int, int, int, AnchorEvent]]:
    """(sentence_id, start, end, event) for every anchor event mentioned with its required actors."""
    out = []
    for sid, s, e in sentences:
        for m in matcher.finditer(text, s, e):
            ev = m.payload
            if set(ev.requires) <= actors_by_sentence.get(sid, set()):
                out.append((sid, m.start, m.end, ev))
    return out


@dataclass
class Interval:
    earliest: date | None = None
    latest: date | None = None
    evidence: list[str] = field(default_factory=list)
    #: What set each bound: "day" (a date, an anchor event), "month" or "year" (a bare year says
    #: little about which year an undated "March 9" falls in, or how long ago it was).
    earliest_from: str = "day"
    latest_from: str = "day"

    def after(self, d: date, why: str, *, precision: str = "day") -> None:
        if self.earliest is None or d > self.earliest:
            self.earliest, self.earliest_from = d, precision
        self.evidence.append(f"on or after {d.isoformat()}: {why}")

    def before(self, d: date, why: str, *, precision: str = "day") -> None:
        if self.latest is None or d < self.latest:
            self.latest, self.latest_from = d, precision
        self.evidence.append(f"on or before {d.isoformat()}: {why}")

    @property
    def earliest_is_fine(self) -> bool:
        return self.earliest_from != "year"

    @property
    def consistent(self) -> bool:
        return self.earliest is None or self.latest is None or self.earliest <= self.latest

    def honest(self) -> Interval:
        """This interval, or, when its bounds contradict each other (a clue read wrongly), the
        widest one both ends allow, with the contradiction flagged: never inverted, never a guess.

        >>> iv = Interval(date(1989, 1, 1), date(1987, 12, 31), ["a", "b"]).honest()
        >>> iv.earliest, iv.latest, iv.evidence[-1]
        (datetime.date(1987, 12, 31), datetime.date(1989, 1, 1), 'conflicting evidence: on or after 1989-01-01 \
and on or before 1987-12-31 cannot both hold; the interval spans both')
        """
        if self.consistent:
            return self
        flag = (f"conflicting evidence: on or after {self.earliest.isoformat()} and on or before "
                f"{self.latest.isoformat()} cannot both hold; the interval spans both")
        return Interval(self.latest, self.earliest, [*self.evidence, flag], self.latest_from, self.earliest_from)


def within_given(iv: Interval, published: str, basis: str) -> Interval:
    """The interval inside the year or month the metadata or dateline gives ("2023" from a file
    name): the text narrows it, never leaves it; evidence that would is flagged and set aside.

    >>> iv = within_given(Interval(date(2030, 1, 1), None, ["on or after 2030-01-01: '2030'"]), "2023", "metadata")
    >>> iv.earliest, iv.latest, iv.evidence[-1]
    (datetime.date(2023, 1, 1), datetime.date(2023, 12, 31), 'metadata: 2023; text evidence outside it set aside')
    """
    given = value_bounds(published) if published else None
    if given is None:
        return iv
    lo = max(given[0], iv.earliest) if iv.earliest else given[0]
    hi = min(given[1], iv.latest) if iv.latest else given[1]
    if lo > hi or (iv.earliest and iv.earliest > given[1]) or (iv.latest and iv.latest < given[0]):
        return Interval(given[0], given[1], [*iv.evidence, f"{basis}: {published}; text evidence outside it set aside"])
    return Interval(lo, hi, [*iv.evidence, f"{basis}: {published}"],
                    iv.earliest_from if iv.earliest and iv.earliest >= given[0] else "day",
                    iv.latest_from if iv.latest and iv.latest <= given[1] else "day")


def value_bounds(value: str) -> tuple[date, date] | None:
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


#: Days that close a half-open interval, by (side, what set the bound): an article whose latest
#: dated clue is a bare year it reports in the past was published within 3,361 days of that
#: year's start for 90% of the tuning articles with such a bound (wrong bounds included).
#: Fitted by ``benchmarks/publication_calibration.py`` on Reuters-21578 stories 1,000-4,999 and
#: TempEval-3 platinum (refitted 2026-12-02, after the tense rules for irregular pasts and
#: participles; 2026-12-01: 800, 5,915 and 5,504 days). Pairs it gives no width for (the bound
#: itself is wrong too often to reach 90%: past days 0.67, future months 0.76, future years
#: 0.69) stay open.
CALIBRATED_DAYS = {("after", "month"): 852, ("after", "year"): 3361, ("before", "day"): 5498}
#: The share of articles the calibrated widths were fitted to hold.
CALIBRATED_COVERAGE = 0.9

#: Columns of the publication table beside PUBLICATION_COLUMNS: what set each bound (see
#: :class:`Interval`); read by the calibration, not kept in the documents table.
BOUND_SOURCES = ("earliest_from", "latest_from")

#: "a week ago", "3 days ago": an offset from publication that dates an event it is said next to.
AGO = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|\d+)\s+(?P<u>day|week|month)s?\s+ago\b", re.I)
#: Words just before a scheduled anchor event's name that look ahead to it ("ahead of the Vilnius
#: summit", "the upcoming G20 summit in Bali"): the article precedes the event. In a past clause
#: they may look back as well ("spoke ahead of the summit" a day before it, or a year after):
#: no bound either way. An event that was not scheduled ("the long-planned invasion") is only
#: ever named after it happened.
AHEAD = re.compile(r"\b(?:ahead\s+of|in\s+the\s+run-up\s+to|on\s+the\s+eve\s+of|upcoming|forthcoming|"
                   r"planned|scheduled|preparations\s+for|prepare\s+for|next\s+(?:week|month)['’]s)"
                   r"(?:\s+(?:the|this|a|an|next\s+(?:week|month)['’]s))?\s*$", re.I)
#: How far before an anchor event's name :data:`AHEAD` is looked for.
AHEAD_WINDOW = 40
#: An undated weekday ("on Wednesday"; ``XXXX-WXX-3``) as the timex tagger gives it without a DCT.
_UNDATED_WEEKDAY = re.compile(r"XXXX-WXX-([1-7])")


#: How near (in characters) a weekday must be to a one-day event's name to be taken as its day:
#: a weekday further off more likely dates something else said in the sentence, and one in seven
#: of those falls on the event's weekday by chance.
EVENT_WEEKDAY_REACH = 50


def event_weekday(timexes: list[Timex], ev: AnchorEvent, start: int, end: int) -> tuple[Timex, date] | None:
    """The undated weekday among ``timexes`` that names the day of a one-day event mentioned at
    ``start:end`` ("the Assembly voted on Wednesday" beside a vote held on a Wednesday): within
    :data:`EVENT_WEEKDAY_REACH` characters of it and on its weekday; None when there is none.

    >>> t = find_timexes("The Assembly voted on Wednesday to adopt the resolution.", dct=None)
    >>> vote = AnchorEvent("vote", "a vote", date(2022, 3, 2), date(2022, 3, 2), ("resolution",))
    >>> event_weekday(t, vote, 45, 55)[1]
    datetime.date(2022, 3, 2)
    >>> event_weekday(t, AnchorEvent("x", "x", date(2022, 3, 3), date(2022, 3, 3), ("resolution",)), 45, 55) is None
    True
    """
    if ev.start != ev.end:
        return None  # which day of a summit a weekday names is not said
    for t in timexes:
        m = _UNDATED_WEEKDAY.fullmatch(t.value)
        near = t.end <= start and start - t.end <= EVENT_WEEKDAY_REACH or \
            t.start >= end and t.start - end <= EVENT_WEEKDAY_REACH
        if m is not None and near and ev.start.isoweekday() == int(m[1]):
            return t, ev.start
    return None


#: Words before a weekday that say its tense themselves ("last Friday", "next Tuesday").
_WEEKDAY_TENSE = {"last": "past", "next": "future", "coming": "future"}


def week_bounds(day: date, tns: str) -> tuple[date, date]:
    """The publication dates a weekday reference to ``day`` allows: the week after it in the
    past tense, the week before it in the future, either week otherwise.

    >>> week_bounds(date(2024, 3, 4), "past")
    (datetime.date(2024, 3, 4), datetime.date(2024, 3, 11))
    """
    week = timedelta(days=WEEK_DAYS)
    return {"past": (day, day + week), "future": (day - week, day)}.get(tns, (day - week, day + week))


def _precision(value: str) -> str:
    """``day``, ``month`` or ``year``: how finely a TIMEX3 date value is known."""
    return {4: "year", 7: "month"}.get(len(value), "day")


def _irrealis(sentence: str) -> bool:
    """Whether a sentence forecasts, plans or sets a deadline (see ``IRREALIS_WORDS``).

    >>> _irrealis("Output is expected to rise in 1988."), _irrealis("Output rose in 1986.")
    (True, False)
    """
    # Lower-case words only: "May 2019" is a month, "may rise" a forecast.
    return any(w in IRREALIS_WORDS for w in re.findall(r"\b[a-z]+\b", sentence))


#: A bare year that names a period rather than when something happens: "the 1986 results",
#: "fiscal 1987", "its 1986/87 crop", "a 1986 dividend" (the clause may be in any tense).
_PERIOD_BEFORE = re.compile(r"(?:\b(?:fiscal|its|their|his|her|our|the|a|an|for|of|by|due|through|until|till)|[-/])"
                            r"\s*$", re.I)
#: A year followed by a lower-case word that is not a function word modifies that word.
_PERIOD_AFTER = re.compile(r"^(?:/\d|-\d|\s+(?!(?:and|or|but|when|while|after|before|as|to|the|a|an|with|for|in|on|at"
                           r"|by|from|that|which|who|because|until|since|if|than|then|so|not|is|was|were|are|be|been"
                           r"|has|had|have|will|would|could|should|may|might|it|they|he|she|we)\b)[a-z])")
#: How far before a year its period words are looked for.
_PERIOD_WINDOW = 40


def _names_a_period(sentence: str, start: int, end: int) -> bool:
    """Whether the year at ``sentence[start:end]`` modifies a noun or names a fiscal period.

    >>> _names_a_period("It will pay a 1986 dividend.", 14, 18), _names_a_period("Talks began in 1986.", 15, 19)
    (True, False)
    """
    before = sentence[max(0, start - _PERIOD_WINDOW):start]  # a window: no rescan of a long sentence
    return bool(_PERIOD_BEFORE.search(before) or _PERIOD_AFTER.match(sentence[end:end + _PERIOD_WINDOW]))


#: A day named twice: "yesterday (Oct 12)", "on Monday (Feb 28)", "last Friday, 3 March",
#: "today, 4 March 2024". The pair fixes the publication day (yesterday, today) or its week.
#: A weekday counts only with its date in brackets, as news writes the days of the week just past
#: or coming; "On Tuesday, September 11, 2001," is how history is written.
SAME_DAY = re.compile(
    r"\b(?:(?P<rel>yesterday|today|tonight)\s*[(,]|(?:(?P<wrel>on|last|this|next|coming)\s+)?"
    r"(?P<weekday>" + WEEKDAY_PATTERN + r")\s*\()\s*(?P<date>" + DAY_TEXT + r")\)?", re.I)
#: How far a weekday reference reaches from publication: "last Friday" said on a Friday is 7 days.
WEEK_DAYS = 7
#: Quotation marks: a day named inside a quotation is the speaker's, not the article's.
_QUOTES = "\"“”"


def same_day_bounds(sentence: str, tense_of) -> list[tuple[str, date | None, date | None, str]]:
    """(text, earliest, latest, why) for each day named twice in ``sentence``; ``tense_of(start,
    end)`` gives the tense at a span. The bounds are None when the pair is flagged (a weekday
    that disagrees with the date) or has no year (the reason says so).

    >>> [b[1:3] for b in same_day_bounds("Talks ended yesterday (October 12, 2023).", lambda s, e: "past")]
    [(datetime.date(2023, 10, 13), datetime.date(2023, 10, 13))]
    >>> same_day_bounds("He spoke on Friday (March 4, 2024).", lambda s, e: "past")[0][3]
    "'on Friday (March 4, 2024)': the weekday (Friday) disagrees with the date (a Monday); not used"
    """
    out = []
    for m in SAME_DAY.finditer(sentence):
        parsed = parse_date_text(m["date"])
        if parsed is None or sum(sentence.count(q, 0, m.start()) for q in _QUOTES) % 2:
            continue  # not a date, or inside a quotation
        iso, _ = parsed
        words = m.group(0)
        rel = (m["rel"] or m["wrel"] or "").lower()
        if iso.startswith("XXXX"):
            out.append((words, None, None, f"'{words}' names a day without its year"))
            continue
        d = date.fromisoformat(iso)
        if rel in ("yesterday", "today", "tonight"):
            pub = d + timedelta(days=1 if rel == "yesterday" else 0)
            out.append((words, pub, pub, f"'{words}' names the publication day"))
            continue
        named = WEEKDAYS[m["weekday"].lower()]
        if d.weekday() != named:
            out.append((words, None, None, f"'{words}': the weekday ({m['weekday']}) disagrees with the date "
                                           f"(a {WEEKDAY_NAMES[d.weekday()].capitalize()}); not used"))
            continue
        tns = _WEEKDAY_TENSE.get(rel) or tense_of(m.start(), m.end())
        lo, hi = week_bounds(d, tns)
        out.append((words, lo, hi, f"'{words}' is a weekday of the publication week ({tns})"))
    return out


def infer_publication(text: str, sentences: list[tuple[int, int, int]],
                      anchors: list[tuple[int, int, int, AnchorEvent]], *,
                      undated: dict[int, list[Timex]] | None = None,
                      exclude: tuple[int, int] | None = None) -> Interval:
    """Bounds on the publication date of an undated text (see the module docstring).
    ``anchors``: its anchor-event mentions (:func:`anchor_mentions`); ``undated``: the
    sentences' expressions tagged without a DCT, when already at hand; ``exclude``: a span
    whose dates are no evidence (the article's own dateline)."""
    iv = Interval()
    month_days: list[tuple[int, int, str]] = []
    tagged: dict[int, list[Timex]] = {}
    for sid, s, e in sentences:
        sentence = text[s:e]
        for _words, lo, hi, why in same_day_bounds(sentence, lambda a, b, sentence=sentence: tense(sentence, a, b)):
            if lo is None:
                iv.evidence.append(why)
                continue
            iv.after(lo, why)
            iv.before(hi, why)
        found = undated[sid] if undated is not None else find_timexes(sentence, dct=None, offset=s)
        tagged[sid] = found
        for t in found:
            if exclude is not None and t.start < exclude[1] and t.end > exclude[0]:
                continue
            tns = tense(sentence, t.start - s, t.end - s)
            if t.type == "DATE" and t.anchor == "explicit":
                bounds = value_bounds(t.value)
                if bounds is None or (len(t.value) == 4 and _names_a_period(sentence, t.start - s, t.end - s)):
                    continue
                # A forecast year is not a past event, even in a past-tense clause ("said it expected
                # growth in 1988"); as an upper bound it still holds (a forecast precedes its year).
                forecast = len(t.value) < 10 and _irrealis(sentence)
                if tns == "past" and not forecast:
                    iv.after(bounds[0], f"'{t.text}' reported in the past tense", precision=_precision(t.value))
                elif tns == "future":
                    iv.before(bounds[1], f"'{t.text}' announced for the future", precision=_precision(t.value))
            elif t.type == "DATE" and re.fullmatch(r"XXXX-\d\d-\d\d", t.value) and tns == "past":
                month_days.append((int(t.value[5:7]), int(t.value[8:10]), t.text))
    spans = {sid: (s, e) for sid, s, e in sentences}
    for sid, a, b, ev in anchors:
        s, e = spans[sid]
        sentence = text[s:e]
        ago = AGO.search(sentence)
        named = text[a:b]
        event_tense = tense(sentence, a - s, b - s)
        ahead = AHEAD.search(sentence[max(0, a - s - AHEAD_WINDOW):a - s]) is not None
        if ev.scheduled and ahead and event_tense == "past":
            iv.evidence.append(f"'{named}' ({ev.label}) looked ahead to in a past-tense clause: not used")
            continue
        if ev.scheduled and (ahead or event_tense == "future") and not ago:
            # "ahead of the Vilnius summit", "leaders will meet at the Vilnius summit": before it
            iv.before(ev.end, f"'{named}' is looked ahead to: {ev.label} ({ev.end.isoformat()})")
            continue
        on_day = event_weekday(tagged.get(sid, []), ev, a, b)
        if on_day is not None and not ago:
            t, d = on_day
            tns = _WEEKDAY_TENSE.get(t.text.lower().split()[0]) or tense(sentence, t.start - s, t.end - s)
            lo, hi = week_bounds(d, tns)
            why = (f"'{t.text}' beside '{named}' is {d.isoformat()}, a day of {ev.label}: "
                   f"a weekday of the publication week ({tns})")
            iv.after(lo, why)
            iv.before(hi, why)
            continue
        if ago:
            n = NUMBERS.get(ago["n"].lower()) or int(ago["n"])
            days = n * {"day": 1, "week": 7, "month": 30}[ago["u"].lower()]
            centre = ev.start + timedelta(days=days)
            iv.after(centre - timedelta(days=RELATIVE_SLACK_DAYS),
                     f"'{ago.group(0)}' next to {ev.label} ({ev.start.isoformat()})")
            iv.before(centre + timedelta(days=RELATIVE_SLACK_DAYS),
                      f"'{ago.group(0)}' next to {ev.label} ({ev.start.isoformat()})")
        else:
            iv.after(ev.start, f"mentions {ev.label} ({ev.start.isoformat()})")
    if month_days and iv.earliest is not None and (iv.earliest_is_fine or iv.latest is not None):
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


def stated_date_conflicts(text: str, spans: dict[int, tuple[int, int]], dated: list[tuple[int, int, int, str, str]],
                          stated: date) -> list[str]:
    """What in the text contradicts the date an article states (its dateline): a full date it
    reports in the past tense after it, or announces for the future before it. ``dated``:
    (sentence_id, start, end, expression, value) of the text's explicit dates.

    >>> text = "Talks ended on May 9, 2024."
    >>> stated_date_conflicts(text, {0: (0, len(text))}, [(0, 15, 26, "May 9, 2024", "2024-05-09")], date(2024, 5, 2))
    ["'May 9, 2024' is reported in the past tense, after the stated date 2024-05-02"]
    """
    out = []
    for sid, start, end, words, value in dated:
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", value) or value == stated.isoformat():
            continue
        s, e = spans[sid]
        later = value > stated.isoformat()
        tns = tense(text[s:e], start - s, end - s)
        if later and tns == "past" and not _irrealis(text[s:e]):
            out.append(f"'{words}' is reported in the past tense, after the stated date {stated.isoformat()}")
        elif not later and tns == "future":
            out.append(f"'{words}' is announced for the future, before the stated date {stated.isoformat()}")
    return out


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


def complete_year(month_day: str, earliest: date, latest: date) -> tuple[list[date], str]:
    """The days a yearless dateline (``XXXX-11-02``) can stand for inside an interval, and why.

    >>> complete_year("XXXX-11-02", date(2023, 10, 1), date(2024, 3, 1))
    ([datetime.date(2023, 11, 2)], 'the dateline XXXX-11-02 falls in the interval only in 2023')
    >>> complete_year("XXXX-11-02", date(2022, 10, 1), date(2024, 3, 1))[0]
    [datetime.date(2022, 11, 2), datetime.date(2023, 11, 2)]
    """
    month, day = int(month_day[5:7]), int(month_day[8:10])
    days = []
    for year in range(earliest.year, latest.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:  # 29 February
            continue
        if earliest <= d <= latest:
            days.append(d)
    if len(days) == 1:
        return days, f"the dateline {month_day} falls in the interval only in {days[0].year}"
    if not days:
        return days, f"the dateline {month_day} falls outside the interval: the evidence disagrees with it"
    return days, f"the dateline {month_day} falls in the interval in {len(days)} years"


def close_interval(earliest: str, latest: str, earliest_from: str, latest_from: str) -> tuple[str, str, str]:
    """(earliest, latest, evidence): a half-open interval closed by its calibrated width
    (``CALIBRATED_DAYS``), or as it was, with no evidence, when no width applies.

    >>> close_interval("2019-01-01", "", "year", "")[1:]
    ('2028-03-15', 'on or before 2028-03-15: 90% of news articles whose latest past clue is a year \
appear within 3361 days of it (calibrated)')
    >>> close_interval("2019-03-04", "", "day", "")
    ('2019-03-04', '', '')
    """
    if bool(earliest) == bool(latest):
        return earliest, latest, ""
    if earliest:
        days = CALIBRATED_DAYS.get(("after", earliest_from))
        if days is None:
            return earliest, latest, ""
        latest = (date.fromisoformat(earliest) + timedelta(days=days)).isoformat()
        return earliest, latest, (f"on or before {latest}: {CALIBRATED_COVERAGE:.0%} of news articles whose latest "
                                  f"past clue is a {earliest_from} appear within {days} days of it (calibrated)")
    days = CALIBRATED_DAYS.get(("before", latest_from))
    if days is None:
        return earliest, latest, ""
    earliest = (date.fromisoformat(latest) - timedelta(days=days)).isoformat()
    return earliest, latest, (f"on or after {earliest}: {CALIBRATED_COVERAGE:.0%} of news articles whose earliest "
                              f"future clue is a {latest_from} appear at most {days} days before it (calibrated)")


def _closed(publication: pd.DataFrame) -> pd.DataFrame:
    """The publication table with every half-open interval closed where a width applies."""
    if not set(BOUND_SOURCES) <= set(publication.columns):
        return publication
    closed = [close_interval(*bounds) for bounds in zip(*(publication[c] for c in (
        "published_earliest", "published_latest", *BOUND_SOURCES)))]
    out = publication.drop(columns=list(BOUND_SOURCES))
    out["published_earliest"] = [lo for lo, _, _ in closed]
    out["published_latest"] = [hi for _, hi, _ in closed]
    out["published_evidence"] = [" | ".join(filter(None, [ev, why]))
                                 for ev, (_, _, why) in zip(publication["published_evidence"], closed)]
    return out


def apply_inference(documents: pd.DataFrame, publication: pd.DataFrame) -> pd.DataFrame:
    """Documents with ``published_earliest/latest/evidence``; an undated document whose interval
    is bounded gets ``published`` at the precision the interval supports and basis ``inferred``;
    a yearless dateline gets, in its evidence, the years in which the interval holds its day."""
    docs = documents.drop(columns=[c for c in PUBLICATION_COLUMNS if c in documents.columns])
    publication = _closed(publication)
    docs = docs.merge(publication, on="doc_id", how="left").fillna(
        {"published_earliest": "", "published_latest": "", "published_evidence": ""})
    for i, row in docs.iterrows():
        bounded = bool(row["published_earliest"] and row["published_latest"])
        if row["published_basis"] == "dateline" and bounded and re.fullmatch(r"XXXX-\d\d-\d\d", row["published"]):
            days, why = complete_year(row["published"], date.fromisoformat(row["published_earliest"]),
                                      date.fromisoformat(row["published_latest"]))
            # Said, not applied: the year stays XXXX. On 4,000 Reuters-21578 stories (1,000-4,999,
            # dates hidden) the interval held the dateline's day in one year only for 37 stories,
            # and that year was right for 12 (8 of 18 when the interval was at most half a year
            # wide): bare years in economic news ("1986 results", "in 1987") are read in the wrong
            # tense too often to fix a year. A year from the metadata does complete it (corpus.py).
            docs.at[i, "published_evidence"] = " | ".join(filter(None, [row["published_evidence"], why]))
        elif row["published_basis"] == "unknown" and bounded:
            iv = Interval(date.fromisoformat(row["published_earliest"]), date.fromisoformat(row["published_latest"]))
            docs.at[i, "published_basis"] = "inferred"
            docs.at[i, "published"] = interval_label(iv)
            label = interval_label(iv)
            docs.at[i, "year"] = int(label[:4]) if label[:4].isdigit() else pd.NA
    cols = [c for c in documents.columns if c != "text"] + [*PUBLICATION_COLUMNS, "text"]
    docs = docs[list(dict.fromkeys(cols))]
    docs["year"] = docs["year"].astype("Int64")
    return docs


def published_stage(tables: dict, rules) -> dict:
    """The documents with their publication-date intervals (and inferred dates)."""
    return {"documents": apply_inference(tables["documents"], tables["publication"])}


PUBLISHED_STAGE = Stage("published", published_stage, requires=("publication",), updates=("documents",))
