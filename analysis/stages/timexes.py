"""Temporal expressions: find DATE, TIME, DURATION and SET expressions and normalise them.

Values follow TIMEX3 (TimeML): ``2024-04-03``, ``2023-01``, ``2022``, ``2022-W09``,
``2023-Q1``, ``199X`` (a decade), ``P30Y``, ``P1W``, ``PRESENT_REF``, and
``XXXX-01-24`` when no year can be established. Relative expressions ("on Monday",
"last January", "a week ago") are resolved in news mode against the document creation
time (DCT, the publication date) and the tense of their clause: "in November" in a
past-tense clause is the last November before publication, in a future-tense clause the
next one. When the DCT is unknown the value keeps its unknown parts rather than guessing.

:func:`find_timexes` works on one sentence and is pure; :func:`timex_table` runs it over
a corpus. The rules are named below; each is covered by a table-driven test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from ..lang.en import IRREGULAR_PAST, MONTH_PATTERN, NUMBERS, WEEKDAY_PATTERN, WEEKDAYS, month_number
from .lexicon import ASCII_LOWER, trie_regex

UNITS = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
         "week": ("W", False), "month": ("M", False), "year": ("Y", False), "decade": ("DE", False),
         "century": ("CE", False)}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

_M = MONTH_PATTERN
_WD = WEEKDAY_PATTERN
_Y = r"(?:1[5-9]\d\d|20\d\d)"
_D = r"(?:[12]?\d|3[01])(?:st|nd|rd|th)?"
_NUM = r"(?:\d+(?:\.\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + r"|several|a few|few|many)"
_UNIT = r"(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ies))s?"
_MOD = r"(?:(?P<mod>early|mid|middle|late|the end of|the beginning of|the start of)[\s-]+)?"

#: Clause words that set the tense used to resolve "on Monday" or "in November".
FUTURE_MARKERS = re.compile(r"\b(?:will|won['’]t|shall|'ll|going to|is to|are to|scheduled|plans?|planned|"
                            r"expected|due|upcoming|next|would)\b", re.I)
PAST_MARKERS = re.compile(r"\b(?:was|were|had|did|said|told|ago|last|earlier|previously|\w{3,}ed|"
                          # as a trie ("s(?:ent|o(?:ld|ught)|...)"): a plain alternation of 100 words
                          # is tried word by word at every position, four times slower
                          + trie_regex(IRREGULAR_PAST, lowered=False) + r")\b", re.I)
#: "be held", "are held", "gets signed": a participle after these is no past tense ("will be held
#: on May 3", "talks are held on Monday"); after "was" or "were" the clause is past anyway.
_PARTICIPLE_AFTER = re.compile(r"\b(?:be|been|being|is|are|am|get|gets)\s+$|['’]s\s+$", re.I)
_NOT_PAST = {"united", "need", "indeed", "hundred", "speed", "red", "bed", "seed", "feed", "shed", "based",
             "scheduled", "expected", "planned", "proposed", "interested", "concerned", "related", "armed",
             "limited", "advanced"}


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str
    granularity: str
    anchor: str  # dct | explicit | previous | event | interval | none
    mod: str = ""
    rule: str = ""
    #: Days from the day last named before it ("the next day": 1); None for every other expression.
    after_previous: int | None = None


# --------------------------------------------------------------------------- helpers

#: Case folding that keeps every offset and makes a case-sensitive lower-case pattern match
#: exactly what the same pattern matches with ``re.I``: ASCII capitals (:data:`ASCII_LOWER`),
#: plus the four other letters that ``re.I`` equates with ASCII ones (İ, ı, ſ, Kelvin sign).
CASE_FOLD = {**ASCII_LOWER, **str.maketrans("\u0130\u0131\u017f\u212a", "iisk")}


def _fold(text: str) -> str:
    """Lower case as ``re.I`` sees it: "İN THE PAST" (matched by a caseless rule) is "in the past"."""
    return text.translate(CASE_FOLD).lower()


def _w(text: str | None) -> str:
    """Lower-cased with whitespace runs (line breaks included) as single spaces."""
    return " ".join(_fold(text or "").split())


_month = month_number


def _num(word: str) -> float | None:
    w = _fold(word).replace("-", " ").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    return NUMBERS.get(w)


def _unit(word: str) -> str:
    w = _fold(word)
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P30Y``, ``PT24H``, ``P1W``; ``PXY`` when the number is vague.

    >>> duration_value(30, "year"), duration_value(24, "hour"), duration_value(None, "month")
    ('P30Y', 'PT24H', 'PXM')
    """
    code, is_time = UNITS[unit]
    if unit == "decade" and n is not None:
        code, n = "Y", n * 10
    if unit == "century" and n is not None:
        code, n = "Y", n * 100
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return f"P{'T' if is_time else ''}{amount}{code}"


def tense(sentence: str, start: int, end: int) -> str:
    """``past``, ``future`` or ``present``: the nearest tense marker to the expression
    within its sentence (the verb it most likely modifies).

    >>> tense("Talks will resume on Monday.", 20, 26), tense("He said on Monday", 11, 17)
    ('future', 'past')
    """
    best, best_dist = "present", 10 ** 9
    for kind, m_start, m_end in _tense_markers(sentence):
        if start <= m_start < end:
            continue  # markers inside the expression itself ("last", "next") are handled by the rule
        dist = start - m_end if m_end <= start else m_start - end
        dist = dist * (1 if m_end <= start else 1.5)  # a verb before the date is more telling
        if dist < best_dist:
            best, best_dist = kind, dist
    return best


@lru_cache(maxsize=64)
def _tense_markers(sentence: str) -> tuple[tuple[str, int, int], ...]:
    # Found once per sentence: every expression in it (and every re-tagging of it with
    # another reference date) measures its distance to the same markers.
    found = [("future", m.start(), m.end()) for m in FUTURE_MARKERS.finditer(sentence)]
    found += [("past", m.start(), m.end()) for m in PAST_MARKERS.finditer(sentence)
              if m.group().lower() not in _NOT_PAST
              and not _PARTICIPLE_AFTER.search(sentence, max(0, m.start() - 16), m.start())]
    return tuple(found)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    total = year * 12 + (month - 1) + delta
    return total // 12, total % 12 + 1


def resolve_month(month: int, dct: date | None, how: str) -> tuple[str, str]:
    """Year for a month without one: ``how`` is last/next/this or a tense. Returns (value, anchor)."""
    if dct is None:
        return f"XXXX-{month:02d}", "none"
    y = dct.year
    if how == "last":
        y = y if month < dct.month else y - 1
    elif how == "next":
        y = y if month > dct.month else y + 1
    elif how == "past":
        y = y if month <= dct.month else y - 1
    elif how == "future":
        y = y if month >= dct.month else y + 1
    return f"{y:04d}-{month:02d}", "dct"


def resolve_day(month: int, day: int, dct: date | None, how: str) -> tuple[str, str]:
    """Year for a month-day without one, by tense (news mode)."""
    if dct is None:
        return f"XXXX-{month:02d}-{day:02d}", "none"
    candidates = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            candidates.append(date(y, month, day))
        except ValueError:
            continue
    if not candidates:
        return f"XXXX-{month:02d}-{day:02d}", "none"
    if how == "past":
        pool = [c for c in candidates if c <= dct] or candidates
        chosen = max(pool)
    elif how == "future":
        pool = [c for c in candidates if c >= dct] or candidates
        chosen = min(pool)
    else:
        chosen = min(candidates, key=lambda c: abs((c - dct).days))
    return chosen.isoformat(), "dct"


def resolve_weekday(weekday: int, dct: date | None, how: str) -> tuple[str, str]:
    if dct is None:
        return f"XXXX-WXX-{weekday + 1}", "none"
    delta = (dct.weekday() - weekday) % 7
    if how in ("last", "past"):
        d = dct - timedelta(days=delta if (delta or how == "past") else 7)
        if how == "last" and delta == 0:
            d = dct - timedelta(days=7)
    elif how in ("next", "future"):
        ahead = (weekday - dct.weekday()) % 7
        d = dct + timedelta(days=ahead if ahead else (7 if how == "next" else 0))
    else:  # present: the nearest such day
        back, ahead = delta, (weekday - dct.weekday()) % 7
        d = dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)
    return d.isoformat(), "dct"


def _week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


# --------------------------------------------------------------------------- rules
# Each rule: (name, compiled regex, handler(match, ctx) -> Timex fields or None)

@dataclass
class _Ctx:
    sentence: str
    dct: date | None
    offset: int


def _mk(m, ctx, typ, value, gran, anchor, mod="", group=0):
    s, e = m.span(group)
    return Timex(ctx.offset + s, ctx.offset + e, m.group(group), typ, value, gran, anchor, mod)


_MODS = {"early": "START", "the beginning of": "START", "the start of": "START", "mid": "MID", "middle": "MID",
         "late": "END", "the end of": "END"}


def _r_iso(m, ctx):
    y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
    try:
        date(y, mo, d)
    except ValueError:
        return None
    return _mk(m, ctx, "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", "explicit")


def _r_full(m, ctx):
    try:
        d = date(int(m["y"]), _month(m["mon"]), int(re.sub(r"\D", "", m["d"])))
    except ValueError:
        return None
    return _mk(m, ctx, "DATE", d.isoformat(), "day", "explicit")


def _r_month_day(m, ctx):
    month, day = _month(m["mon"]), int(re.sub(r"\D", "", m["d"]))
    if not 1 <= day <= 31:
        return None
    value, anchor = resolve_day(month, day, ctx.dct, tense(ctx.sentence, m.start(), m.end()))
    return _mk(m, ctx, "DATE", value, "day", anchor)


def _r_month_year(m, ctx):
    mod = _MODS.get(_w(m["mod"]), "")
    return _mk(m, ctx, "DATE", f"{int(m['y']):04d}-{_month(m['mon']):02d}", "month", "explicit", mod)


def _r_month(m, ctx):
    name = m["mon"]
    rel = _w(m["rel"])
    # A bare "May" or "March" is usually a verb: only with a preposition or a relative word.
    verb_or_name = name.lower().rstrip(".") in ("may", "march")
    if verb_or_name and not rel and not m["mod"] and not _MONTH_BEFORE.search(
            ctx.sentence, max(0, m.start("x") - 20), m.start("x")) and (
            not m["prep"] or (_w(m["prep"]) == "between" and not _MONTH_AFTER.match(ctx.sentence, m.end("x")))):
        return None  # "between May and Juncker": Theresa May
    if name.lower() == "may" and m["rel"] == "This" and m.start("x") == 0:
        return None  # "This May be our last chance": the verb
    how = {"last": "last", "next": "next", "this": "this", "": tense(ctx.sentence, m.start(), m.end())}[rel]
    value, anchor = resolve_month(_month(name), ctx.dct, how)
    mod = _MODS.get(_w(m["mod"]), "")
    return _mk(m, ctx, "DATE", value, "month", anchor, mod, group="x")


def _r_year(m, ctx):
    y = int(m["y"])
    if not 1500 <= y <= 2100:
        return None
    mod = _MODS.get(_w(m["mod"]), "")
    return _mk(m, ctx, "DATE", f"{y:04d}", "year", "explicit", mod, group="x")


def _r_season_year(m, ctx):
    """ "the summer of 2022", "spring 2024": TIMEX3 gives the season its code (``2022-SU``)."""
    mod = _MODS.get(_w(m["mod"]), "")
    return _mk(m, ctx, "DATE", f"{int(m['y']):04d}-{SEASONS[_w(m['s'])]}", "season", "explicit", mod)


#: "the next day", "the day before": a day counted from the day the text named last.
RELATIVE_DAYS = {"the next day": 1, "the following day": 1, "the day after": 1, "the previous day": -1,
                 "the preceding day": -1, "the day before": -1, "the same day": 0, "that day": 0}


def _r_relative_day(m, ctx):
    """A day counted from the day named before it: resolved by :func:`resolve_relative_days`,
    unknown (``XXXX-XX-XX``) until then."""
    t = _mk(m, ctx, "DATE", "XXXX-XX-XX", "day", "none", group="x")
    t.after_previous = RELATIVE_DAYS[re.sub(r"\s+", " ", _w(m["x"]))]
    return t


def resolve_relative_days(timexes: list[Timex], last_day: str | None = None) -> str | None:
    """Give each "the next day" among ``timexes`` (in text order) the day it counts from: the
    last full date before it (``last_day`` carries one over from earlier sentences); return the
    last full date, for the sentences after. With no day named before, it stays unknown.

    >>> t = find_timexes("Talks began on May 3, 2022 and ended the next day.", dct=None)
    >>> [x.value for x in t], resolve_relative_days(t)
    (['2022-05-03', '2022-05-04'], '2022-05-04')
    """
    for t in timexes:
        if t.after_previous is not None and last_day is not None and t.value == "XXXX-XX-XX":
            t.value = (date.fromisoformat(last_day) + timedelta(days=t.after_previous)).isoformat()
            t.anchor = "previous"
        if re.fullmatch(r"\d{4}-\d\d-\d\d", t.value[:10]):
            last_day = t.value[:10]
    return last_day


#: The month each season starts in (northern hemisphere, as TIMEX3's season codes assume).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
#: Words that may follow a season that is a time ("in the spring, when ..."); another lower-case
#: word makes it a modifier ("in the spring offensive"), and so does a capitalised one ("the Spring
#: Statement", "the winter Olympics"); "the fall of Kabul" is no season.
_AFTER_SEASON = re.compile(r"\s+(?:of|in)\b|\s+[A-Z]|\s+(?!(?:and|or|but|when|while|as|to|the|a|an|after|before|with"
                           r"|for|at|on|by|from|that|which|he|she|it|they|we|there|this|its|their|his|her)\b)[a-z]")


def _r_season(m, ctx):
    """ "in the spring": the season this year, or the last or next one by tense."""
    if _AFTER_SEASON.match(ctx.sentence, m.end()):
        return None
    code = SEASONS[_w(m["s"])]
    if ctx.dct is None:
        return _mk(m, ctx, "DATE", f"XXXX-{code}", "season", "none", group="x")
    how, y = tense(ctx.sentence, m.start("x"), m.end("x")), ctx.dct.year
    start = SEASON_START[code]
    if how == "past" and start > ctx.dct.month:  # not begun this year: last year's
        y -= 1
    elif how == "future" and ctx.dct.month > start + 2:  # over this year: next year's
        y += 1
    return _mk(m, ctx, "DATE", f"{y:04d}-{code}", "season", "dct", group="x")


def _r_numeric_date(m, ctx):
    """ "10/24/2023", "24/10/2023": read only when one number cannot be a month (or both are
    the same); "10/04/2023" is a US or a European date, and the year alone is kept."""
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        month, day = b, a
    elif b > 12 >= a or a == b:
        month, day = a, b
    else:
        return None
    try:
        value = date(int(m["y"]), month, day).isoformat()
    except ValueError:
        return None
    return _mk(m, ctx, "DATE", value, "day", "explicit")


def _r_relative_year_date(m, ctx):
    """ "October 7 last year", "in November next year": a month (and day) of the year named."""
    mon = m["mon"] or m["mon2"] or m["mon3"]
    d = m["d"] or m["d2"]
    if not d and not m["mod"] and mon.lower() in ("may", "march") and not ctx.sentence[:m.start()].strip():
        return None  # "May this year bring peace": a wish
    delta = {"last": -1, "this": 0, "next": 1}[_w(m["rel"])]
    year = f"{ctx.dct.year + delta:04d}" if ctx.dct else "XXXX"
    anchor = "dct" if ctx.dct else "none"
    if d:
        day = int(re.sub(r"\D", "", d))
        try:
            value = date(int(year), _month(mon), day).isoformat() if ctx.dct else f"XXXX-{_month(mon):02d}-{day:02d}"
        except ValueError:
            return None
        return _mk(m, ctx, "DATE", value, "day", anchor, group="x")
    return _mk(m, ctx, "DATE", f"{year}-{_month(mon):02d}", "month", anchor, _MODS.get(_w(m["mod"]), ""), group="x")


def _r_decade(m, ctx):
    mod = _MODS.get(_w(m["mod"]), "")
    return _mk(m, ctx, "DATE", f"{m['dec'][:3]}X", "decade", "explicit", mod)


def _r_weekday(m, ctx):
    rel = _w(m["rel"])
    how = rel if rel in ("last", "next") else tense(ctx.sentence, m.start(), m.end())
    value, anchor = resolve_weekday(WEEKDAYS[m["wd"].lower()], ctx.dct, how)
    part = _w(m["part"])
    if part:
        return _mk(m, ctx, "TIME", f"{value}T{PARTS_OF_DAY[part]}", "time", anchor, group="x")
    return _mk(m, ctx, "DATE", value, "day", anchor, group="x")


def _r_deictic(m, ctx):
    word = _w(m["w"])
    if word in ("now", "currently", "at present", "nowadays", "these days", "at the moment", "even today",
                "to this day", "to date", "until today"):
        return _mk(m, ctx, "DATE", "PRESENT_REF", "present", "dct" if ctx.dct else "none")
    if word in ("recently", "in the past", "the past", "formerly", "at the time"):
        return _mk(m, ctx, "DATE", "PAST_REF", "past", "dct" if ctx.dct else "none")
    if word in ("in the future", "the future"):
        return _mk(m, ctx, "DATE", "FUTURE_REF", "future", "dct" if ctx.dct else "none")
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1,
             "this morning": 0, "this afternoon": 0, "this evening": 0}[word]
    part = {"tonight": "NI", "last night": "NI", "this morning": "MO", "this afternoon": "AF",
            "this evening": "EV"}.get(word)
    if ctx.dct is None:
        return _mk(m, ctx, "TIME" if part else "DATE", "XXXX-XX-XX" + (f"T{part}" if part else ""),
                   "time" if part else "day", "none")
    d = ctx.dct + timedelta(days=shift)
    return _mk(m, ctx, "TIME" if part else "DATE", d.isoformat() + (f"T{part}" if part else ""),
               "time" if part else "day", "dct")


def _r_relative_period(m, ctx):
    rel, unit = _w(m["rel"]), _w(m["unit"])
    mod = "START" if _w(m["pre"]).startswith("early") else ("END" if _w(m["pre"]).startswith("late") else "")
    delta = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
             "following": 1}[rel.replace("the ", "")]
    d = ctx.dct
    if unit in SEASONS:
        if d is None:
            return _mk(m, ctx, "DATE", f"XXXX-{SEASONS[unit]}", "season", "none", mod)
        return _mk(m, ctx, "DATE", f"{d.year + (delta if delta else 0):04d}-{SEASONS[unit]}", "season", "dct", mod)
    if d is None:
        unknown = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                   "quarter": "XXXX-QX", "decade": "XXX", "century": "XX"}[unit]
        return _mk(m, ctx, "DATE", unknown, unit, "none", mod)
    if unit == "week":
        return _mk(m, ctx, "DATE", _week(d + timedelta(weeks=delta)), "week", "dct", mod)
    if unit == "weekend":
        return _mk(m, ctx, "DATE", _week(d + timedelta(weeks=delta)) + "-WE", "week", "dct", mod)
    if unit == "month":
        y, mo = _shift_month(d.year, d.month, delta)
        return _mk(m, ctx, "DATE", f"{y:04d}-{mo:02d}", "month", "dct", mod)
    if unit == "year":
        return _mk(m, ctx, "DATE", f"{d.year + delta:04d}", "year", "dct", mod)
    if unit == "quarter":
        q = (d.month - 1) // 3 + delta
        y = d.year + q // 4
        return _mk(m, ctx, "DATE", f"{y:04d}-Q{q % 4 + 1}", "quarter", "dct", mod)
    if unit == "decade":
        if rel.startswith("the "):  # "the next decade": a stretch of ten years (TimeML: a duration)
            return _mk(m, ctx, "DURATION", "P10Y", "duration", "none", mod)
        return _mk(m, ctx, "DATE", f"{(d.year // 10 + delta):03d}X", "decade", "dct", mod)
    return _mk(m, ctx, "DATE", f"{(d.year // 100 + delta):02d}", "century", "dct", mod)


def _r_earlier_this(m, ctx):
    unit, d = _w(m["unit"]), ctx.dct
    mod = "START" if _w(m["w"]) == "earlier" else "END" if _w(m["w"]) == "later" else ""
    if d is None:
        return _mk(m, ctx, "DATE", {"month": "XXXX-XX", "year": "XXXX", "week": "XXXX-WXX"}[unit], unit, "none")
    value = {"month": f"{d.year:04d}-{d.month:02d}", "year": f"{d.year:04d}", "week": _week(d)}[unit]
    return _mk(m, ctx, "DATE", value, unit, "dct", mod)


def _r_ago(m, ctx):
    n = _num(m["n"])
    unit = _unit(m["unit"])
    if n is None or ctx.dct is None:
        return _mk(m, ctx, "DATE", "PAST_REF" if n is None else "XXXX-XX-XX", "past", "none")
    d = ctx.dct
    if unit in ("day", "week"):
        days = int(n * (7 if unit == "week" else 1))
        return _mk(m, ctx, "DATE", (d - timedelta(days=days)).isoformat(), "day", "dct")
    if unit == "month":
        y, mo = _shift_month(d.year, d.month, -int(n))
        return _mk(m, ctx, "DATE", f"{y:04d}-{mo:02d}", "month", "dct")
    if unit in ("year", "decade", "century"):
        years = int(n * {"year": 1, "decade": 10, "century": 100}[unit])
        return _mk(m, ctx, "DATE", f"{d.year - years:04d}", "year", "dct")
    return _mk(m, ctx, "DATE", d.isoformat(), "day", "dct")


_DUR_MODS = {"more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE", "less than": "LESS_THAN",
             "under": "LESS_THAN", "almost": "LESS_THAN", "nearly": "LESS_THAN", "about": "APPROX",
             "around": "APPROX", "some": "APPROX", "roughly": "APPROX", "up to": "EQUAL_OR_LESS"}


def _r_duration(m, ctx):
    n_word = _w(m["n"])
    n = None if n_word in ("several", "a few", "few", "many") else _num(n_word)
    unit = _unit(m["unit"])
    if n is None and n_word not in ("several", "a few", "few", "many"):
        return None
    mod = _DUR_MODS.get(_w(m["qmod"]), "")
    return _mk(m, ctx, "DURATION", duration_value(n, unit), "duration", "none", mod, group="x")


def _r_vague_duration(m, ctx):
    return _mk(m, ctx, "DURATION", duration_value(None, _unit(m["unit"])), "duration", "none", group="x")


def _r_set(m, ctx):
    w = _w(m["w"])
    if w in ("daily", "weekly", "monthly", "annually", "yearly"):
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year"}[w]
    else:
        unit = _unit(w.split()[-1])
    if unit in PARTS_OF_DAY:
        return _mk(m, ctx, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", "set", "none")
    # TimeML writes a set as the calendar unit it recurs on ("annually": XXXX).
    value = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX-XX-XX")
    return _mk(m, ctx, "SET", value, "set", "none")


def _r_clock(m, ctx):
    h = int(m["h"])
    mi = int(m["mi"] or 0)
    ap = _w(m["ap"]).replace(".", "")
    if ap == "pm" and h < 12:
        h += 12
    if ap == "am" and h == 12:
        h = 0
    if h > 24 or mi > 59:
        return None
    day = ctx.dct.isoformat() if ctx.dct else "XXXX-XX-XX"
    return _mk(m, ctx, "TIME", f"{day}T{h:02d}:{mi:02d}", "time", "dct" if ctx.dct else "none")


def _r_century(m, ctx):
    n = int(m["n"])
    return _mk(m, ctx, "DATE", f"{n - 1:02d}", "century", "explicit")


def _r_glued(m, ctx):
    return _month_day(m, ctx, m["mon"], m["d"], group="x")


def _r_weekend(m, ctx):
    """"over the weekend": the one just past in a past-tense clause, the coming one in a future one."""
    d = ctx.dct
    if d is None:
        return _mk(m, ctx, "DATE", "XXXX-WXX-WE", "week", "none", group="x")
    how = tense(ctx.sentence, m.start(), m.end())
    if how == "future":
        d = d + timedelta(days=7 if d.weekday() == 6 else 0)
    elif d.weekday() < 5:  # past or present, on a weekday: the weekend before this week
        d = d - timedelta(days=7)
    return _mk(m, ctx, "DATE", _week(d) + "-WE", "week", "dct", group="x")


def _r_clock24(m, ctx):
    h, mi = int(m["h"]), int(m["mi"])
    if h > 24 or mi > 59:
        return None
    day = ctx.dct
    wd = m["wd"]
    if wd and day is not None:
        value, _ = resolve_weekday(WEEKDAYS[wd.lower()], day, tense(ctx.sentence, m.start(), m.end()))
    else:
        value = day.isoformat() if day else "XXXX-XX-XX"
    return _mk(m, ctx, "TIME", f"{value}T{h:02d}:{mi:02d}", "time", "dct" if day else "none")


def _r_half(m, ctx):
    half = 1 if _w(m["h"]) == "first" else 2
    if m["y"]:
        return _mk(m, ctx, "DATE", f"{int(m['y']):04d}-H{half}", "half", "explicit")
    year = f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"
    return _mk(m, ctx, "DATE", f"{year}-H{half}", "half", "dct" if ctx.dct else "none")


def _r_day_of(m, ctx):
    """ "the 3rd of March (2024)": a day named before its month."""
    if m["y"]:
        day = int(re.sub(r"\D", "", m["d"]))
        try:
            value = date(int(m["y"]), _month(m["mon"]), day).isoformat()
        except ValueError:
            return None
        return _mk(m, ctx, "DATE", value, "day", "explicit")
    return _month_day(m, ctx, m["mon"], m["d"])


def _r_period_part(m, ctx):
    """ "the end of the year", "the beginning of this month": the current period, with its part."""
    unit, d = _w(m["unit"]), ctx.dct
    mod = {"end": "END", "beginning": "START", "start": "START", "middle": "MID"}[_w(m["part"])]
    if d is None:
        return _mk(m, ctx, "DATE", {"year": "XXXX", "month": "XXXX-XX", "week": "XXXX-WXX"}[unit], unit, "none", mod)
    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}", "week": _week(d)}[unit]
    return _mk(m, ctx, "DATE", value, unit, "dct", mod)


def _r_day_of_month(m, ctx):
    """ "on the 15th": a day of the reference month (or the one before or after, by tense)."""
    day = int(m["d"])
    if ctx.dct is None or not 1 <= day <= 31:
        return None
    how = tense(ctx.sentence, m.start(), m.end())
    candidates = []
    for delta in (-1, 0, 1):
        y, mo = _shift_month(ctx.dct.year, ctx.dct.month, delta)
        try:
            candidates.append(date(y, mo, day))
        except ValueError:
            continue
    pool = [c for c in candidates if (c <= ctx.dct if how == "past" else c >= ctx.dct if how == "future" else True)]
    chosen = min(pool or candidates, key=lambda c: abs((c - ctx.dct).days))
    return _mk(m, ctx, "DATE", chosen.isoformat(), "day", "dct", group="x")


#: Holidays on a fixed day (TimeML values them as that day of the year the context gives).
HOLIDAYS = {"new year's day": (1, 1), "new year’s day": (1, 1), "new year's eve": (12, 31), "new year’s eve": (12, 31),
            "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25), "boxing day": (12, 26),
            "valentine's day": (2, 14), "valentine’s day": (2, 14), "halloween": (10, 31)}


def _r_holiday(m, ctx):
    month, day = HOLIDAYS[_w(m["h"]).replace("  ", " ")]
    if m["y"]:
        return _mk(m, ctx, "DATE", f"{int(m['y']):04d}-{month:02d}-{day:02d}", "day", "explicit")
    value, anchor = resolve_day(month, day, ctx.dct, tense(ctx.sentence, m.start(), m.end()))
    return _mk(m, ctx, "DATE", value, "day", anchor)


def _r_year_range_end(m, ctx):
    """The second year of "2009-2010" or "1957-58": a date of its own (TimeML), in the first's century."""
    first, second = m["y"], m["y2"]
    year = int(second) if len(second) == 4 else int(first[:2] + second)
    if year <= int(first):
        return None  # "2001-02" may be a fiscal year or a score; only a later year is read
    return _mk(m, ctx, "DATE", f"{year:04d}", "year", "explicit", group="x")


def _r_quarter(m, ctx):
    q = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}[_w(m["q"])]
    if m["y"]:
        return _mk(m, ctx, "DATE", f"{int(m['y']):04d}-Q{q}", "quarter", "explicit")
    year = f"{ctx.dct.year:04d}" if ctx.dct else "XXXX"
    return _mk(m, ctx, "DATE", f"{year}-Q{q}", "quarter", "dct" if ctx.dct else "none")


# Caseless: "Since March" and "By May" open sentences; "between March and May" names a stretch.
_PREP = r"(?P<prep>\b(?i:in|on|since|until|till|by|from|to|of|during|through|before|after|around|between)\s+)?"
#: A month just before, joined by "and", "or", "to" ("between March and May", "from June to
#: August"): a second month name is as much a month as the first, whatever its word.
_MONTH_AFTER = re.compile(rf"\s+(?:and|or|to|through|until|till)\s+{_M}\b|\s*[-–]\s*{_M}\b")
_MONTH_BEFORE = re.compile(rf"\b{_M}\s+(?:and|or|to|through|until|till)\s+$|\b{_M}\s*[-–]\s*$")
_RULES = [
    ("iso_date", rf"\b(?P<y>{_Y})-(?P<m>\d\d)-(?P<d>\d\d)\b", _r_iso),
    ("full_date", rf"\b(?:{_WD},?\s+)?(?:(?P<mon>{_M})\s+(?P<d>{_D}),?\s+(?P<y>{_Y})|"
                  rf"(?P<d2>{_D})\s+(?P<mon2>{_M}),?\s+(?P<y2>{_Y}))\b", None),
    # "Tuesday, Oct. 10": the weekday belongs to the date (as in full_date), not to this week
    ("month_day", rf"\b(?:{_WD},?\s+)?(?:(?P<mon>{_M})\s+(?P<d>{_D})\b(?!\s*+,?\s*{_Y})(?![:\d])|"
                  rf"(?P<d2>{_D})\s+(?P<mon2>{_M})(?!\s*+,?\s*{_Y}))", None),
    # "on Feb16": wire and CMS copy glue the day to an abbreviated month; only after a preposition,
    # since "Oct4" or "Mar10" alone are as often names of genes, models or flights.
    ("glued_date", r"\b(?:on|since|until|from|by|before|after)\s+(?P<x>(?P<mon>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct"
                   r"|Nov|Dec)(?P<d>\d{1,2}))\b(?!\s*+,?\s*\d)", _r_glued),
    ("month_year", rf"\b{_MOD}(?P<mon>{_M})\s+(?:of\s+)?(?P<y>{_Y})\b", _r_month_year),
    ("season_year", rf"\b(?:the\s+)?{_MOD}(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>{_Y})\b",
     _r_season_year),
    ("season", r"\b(?:in|during|by|until|through|since|over)\s+(?P<x>the\s+(?P<s>spring|summer|autumn|fall|"
               r"winter))\b", _r_season),
    ("numeric_date", rf"\b(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<y>{_Y})\b", _r_numeric_date),
    ("relative_year_date", rf"\b(?P<x>(?:(?P<mon>{_M})\s+(?P<d>{_D})|(?P<d2>{_D})\s+(?P<mon2>{_M})|"
                           rf"{_MOD}(?P<mon3>{_M}))\s+(?:of\s+)?(?P<rel>(?i:last|this|next))\s+year)\b",
     _r_relative_year_date),
    ("decade", rf"\b(?:the\s+)?{_MOD}(?P<dec>(?:1[5-9]|20)\d0)['’]?s\b", _r_decade),
    ("ago", rf"\b(?P<n>{_NUM})[\s-]+(?P<unit>{_UNIT})\s+ago\b", _r_ago),
    ("earlier_this", r"\b(?P<w>earlier|later)\s+this\s+(?P<unit>month|year|week)\b", _r_earlier_this),
    ("relative_period", r"\b(?P<pre>early\s+|late\s+)?(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|"
                        r"the\s+following|the\s+current)\s+(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|"
                        r"decade|century|"
                        r"spring|summer|autumn|fall|winter)\b(?!s)", _r_relative_period),
    ("weekend", r"\b(?:over|at|during|on)\s+(?P<x>the\s+weekend)\b", _r_weekend),
    ("deictic", r"\b(?P<w>even today|to this day|until today|today|yesterday|tomorrow|tonight|last night|this morning|"
                r"this afternoon|this evening|"
                r"now|currently|nowadays|at present|these days|at the moment|recently|in the past|formerly|"
                r"in the future)\b", _r_deictic),
    ("weekday", rf"(?P<x>\b(?:(?P<rel>last|next|this)\s+)?(?P<wd>{_WD})"
                rf"(?:\s+(?P<part>morning|afternoon|evening|night))?)"
                rf"\b", _r_weekday),
    ("month", rf"{_PREP}(?P<x>\b{_MOD}(?:(?P<rel>(?i:last|next|this))\s+)?(?P<mon>{_M}))(?!\s+\d)(?!\s*+,?\s*{_Y})\b",
     _r_month),
    ("year", rf"(?<![\d,.$£€-])(?P<x>\b{_MOD}(?P<y>{_Y}))(?!,\d|\d|%|\s*(?:km|sq|per|percent|people|troops|students|"
             rf"tonnes|tons|units|deaths|members|states|countries|billion|million|\$))\b", _r_year),
    ("duration", rf"(?:(?P<qmod>more than|over|at least|less than|under|almost|nearly|about|around|some|roughly|"
                 rf"up to)\s+)?(?P<x>\b(?:the\s+(?:past|last|next|first|coming)\s+)?(?P<n>{_NUM})[\s-]+"
                 rf"(?P<unit>{_UNIT})(?:['’]s?)?)\b(?!\s+ago|[\s-]+old)", _r_duration),
    ("vague_duration", r"\b(?:for|in recent|in the past|over the past|over the last|in the coming|for many|for several"
                       r"|after|by|over|within)\s+(?P<x>(?P<unit>(?:minute|hour|day|week|month|year|decade)s))\b"
                       r"(?!\s+ago)", _r_vague_duration),
    # "minutes before the plane left", "Hours later": an unnumbered stretch before or after an event
    # "the next day", "the day before" (not "the day before the vote": that day is the vote's)
    ("relative_day", r"\b(?P<x>(?i:the)\s+(?:next|following|previous|preceding|same)\s+day|(?i:the)\s+day\s+"
                     r"(?:before|after)(?!\s+(?:[A-Z\d]|(?:the|a|an|his|her|its|their|he|she|it|they|we|you|i|this"
                     r"|that|tomorrow|yesterday)\b|\w+ing\b))|(?i:that)\s+day)\b(?!-)", _r_relative_day),
    ("vague_offset", r"\b(?P<x>(?P<unit>(?:minute|hour|day|week|month|year|decade)s))\s+"
                     r"(?:later|earlier|before|after)\b", _r_vague_duration),
    ("set", r"\b(?P<w>daily|weekly|monthly|annually|yearly|every\s+(?:day|week|month|year|morning|evening|night)|"
            r"each\s+(?:day|week|month|year))\b", _r_set),
    ("clock", r"\b(?P<h>\d{1,2})(?::(?P<mi>\d\d))?\s*(?P<ap>a\.m\.|p\.m\.|am|pm)(?!\w)", _r_clock),
    ("century", r"\b(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+[Cc]entury\b", _r_century),
    ("clock24", rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?::\d\d)?\s*(?:GMT|UTC|local time)(?:\s+(?P<wd>{_WD}))?",
     _r_clock24),
    ("quarter", r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of\s+(?P<y>"
                + _Y + r"))?\b", _r_quarter),
    # "the second half of September" is a part of the month, not of the year: the month is read alone
    ("half", r"\b(?:the\s+)?(?P<h>first|second)\s+half(?!\s+of\s+(?i:" + _M + r")\b)"
     r"(?:\s+of\s+(?:(?P<y>" + _Y + r")|the\s+year))?\b", _r_half),
    ("year_range_end", rf"\b(?P<y>{_Y})[-–](?P<x>(?P<y2>{_Y}|\d\d))\b(?![-–/]\d)", _r_year_range_end),
    ("day_of", rf"\b(?:the\s+)?(?P<d>{_D})\s+of\s+(?P<mon>{_M})\b(?:,?\s+(?P<y>{_Y})\b)?", _r_day_of),
    ("period_part", r"\bthe\s+(?P<part>end|beginning|start|middle)\s+of\s+(?:the|this)\s+(?P<unit>year|month|week)\b",
     _r_period_part),
    ("day_of_month", r"\b(?:on|by|until|since|from|before|after)\s+(?P<x>the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th))\b"
                     r"(?!\s+(?:of|century|anniversary|day|time|floor|round|edition|session|amendment|place)\b)",
     _r_day_of_month),
    ("holiday", r"\b(?P<h>new\s+year['’]s\s+(?:day|eve)|christmas(?:\s+(?:day|eve))?|boxing\s+day|"
                r"valentine['’]s\s+day|halloween)(?:\s+(?P<y>" + _Y + r"))?\b", _r_holiday),
    ("year_quarter", r"\b(?P<y>" + _Y + r")['’]s\s+(?P<q>first|second|third|fourth)\s+quarter\b", _r_quarter),
]


def _r_full_any(m, ctx):
    mon, d, y = (m["mon"], m["d"], m["y"]) if m["mon"] else (m["mon2"], m["d2"], m["y2"])
    try:
        value = date(int(y), _month(mon), int(re.sub(r"\D", "", d))).isoformat()
    except ValueError:
        return None
    return _mk(m, ctx, "DATE", value, "day", "explicit")


def _r_month_day_any(m, ctx):
    mon, d = (m["mon"], m["d"]) if m["mon"] else (m["mon2"], m["d2"])
    return _month_day(m, ctx, mon, d)


def _month_day(m, ctx, mon: str, d: str, group=0):
    """A month and day without a year, its year from the reference date and the tense."""
    day = int(re.sub(r"\D", "", d))
    if not 1 <= day <= 31:
        return None
    value, anchor = resolve_day(_month(mon), day, ctx.dct, tense(ctx.sentence, m.start(group), m.end(group)))
    return _mk(m, ctx, "DATE", value, "day", anchor, group=group)


_HANDLERS = {"full_date": _r_full_any, "month_day": _r_month_day_any}
# A space in a rule matches any whitespace: wire copy breaks lines inside expressions.
_COMPILED = [(name, re.compile(rx.replace(" ", r"\s+")), _HANDLERS.get(name, fn)) for name, rx, fn in _RULES]
#: Rules whose words must be read case-insensitively ("Last month", "Today").
_CASELESS = {"season_year", "season",
             "ago", "earlier_this", "weekend", "relative_period", "deictic", "duration", "vague_duration", "set",
             "clock", "quarter", "vague_offset", "half", "period_part", "holiday"}
_COMPILED = [(name, re.compile(rx.pattern, re.I) if name in _CASELESS else rx, fn) for name, rx, fn in _COMPILED]
#: The caseless rules compiled without ``re.I``, to scan folded text: ``re`` scans several
#: times faster without it (duration: 0.20 s -> 0.06 s on 3,000 Reuters stories).
_FOLDED = {name: re.compile(rx.pattern) for name, rx, _fn in _COMPILED if name in _CASELESS}
_RULE_ORDER = {name: i for i, (name, _, _) in enumerate(_COMPILED)}


# Cheap necessary conditions for each rule, checked once per sentence, so that a rule's
# regex only scans sentences that could hold its expression (most news sentences hold
# none of the month names, weekdays or unit words). Each gate is a tuple of requirements
# that must all hold: a named feature of the sentence, or a set of lower-case words of
# which at least one must occur. A gate may let through a sentence the rule then rejects;
# it must never block one the rule would match (tests/test_timexes.py checks this).
_UNIT_WORDS = {f"{u}{s}" for u in UNITS if u != "century" for s in ("", "s")} | {"century", "centuries"}
_GATES: dict[str, tuple] = {
    "iso_date": ("year", "hyphen"),
    "full_date": ("year", "month"),
    "month_day": ("digit", "month"),
    "glued_date": ("digit", "month"),
    "month_year": ("year", "month"),
    "decade": ("decade",),
    "season_year": ("year", set(SEASONS)),
    "season": (set(SEASONS),),
    "numeric_date": ("year", "slash"),
    "relative_year_date": ("month", {"year"}),
    "ago": ({"ago"},),
    "earlier_this": ({"earlier", "later"}, {"this"}),
    "relative_period": ({"week", "weekend", "month", "year", "quarter", "decade", "century", "spring", "summer",
                         "autumn", "fall", "winter"},),
    "deictic": ({"today", "day", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon", "evening", "now",
                 "currently", "nowadays", "present", "days", "moment", "recently", "past", "formerly", "future"},),
    "weekday": ("weekday",),
    "weekend": ({"weekend"},),
    "month": ("month",),
    "year": ("year",),
    "duration": (_UNIT_WORDS,),
    "vague_duration": ({"minutes", "hours", "days", "weeks", "months", "years", "decades"},),
    "relative_day": ({"day"},),
    "vague_offset": ({"minutes", "hours", "days", "weeks", "months", "years", "decades"},
                     {"later", "earlier", "before", "after"}),
    "half": ({"half"},),
    "year_range_end": ("year", "dash"),
    "period_part": ({"end", "beginning", "start", "middle"},),
    "day_of": ("digit", "month", {"of"}),
    "day_of_month": ("digit", {"st", "nd", "rd", "th"}),
    "holiday": ({"christmas", "year", "boxing", "valentine", "halloween"},),
    "year_quarter": ("year", {"quarter"}),
    "set": ({"daily", "weekly", "monthly", "annually", "yearly", "every", "each"},),
    "clock": ("digit", "clock"),
    "century": ("digit", {"century", "centuries"}),
    "clock24": ("digit", "colon"),
    "quarter": ({"quarter"},),
}
_FEATURES = {
    "digit": re.compile(r"\d").search,
    "year": re.compile(_Y).search,
    "month": re.compile(_M).search,
    "weekday": re.compile(_WD).search,
    "decade": re.compile(r"0['’]?[sS]").search,
    "clock": re.compile(r"(?i:[ap]\.?m)").search,
    "hyphen": lambda s: "-" in s,
    "dash": lambda s: "-" in s or "–" in s,
    "colon": lambda s: ":" in s,
    "slash": lambda s: "/" in s,
}
_LETTERS = re.compile(r"[a-z]+")


def _gate_bits() -> tuple[dict[str, int], dict[str, int], list[int]]:
    """Each requirement of :data:`_GATES` as one bit: (bit of each feature, bits each word
    satisfies, bits each compiled rule needs)."""
    def key(need):
        return need if isinstance(need, str) else frozenset(need)

    bit_of: dict = {}
    for needs in _GATES.values():
        for need in needs:
            bit_of.setdefault(key(need), 1 << len(bit_of))
    feature_bits = {k: b for k, b in bit_of.items() if isinstance(k, str)}
    word_bits: dict[str, int] = {}
    for k, b in bit_of.items():
        for w in () if isinstance(k, str) else k:
            word_bits[w] = word_bits.get(w, 0) | b
    rule_bits = []
    for name, _rx, _fn in _COMPILED:
        bits = 0
        for need in _GATES[name]:
            bits |= bit_of[key(need)]
        rule_bits.append(bits)
    return feature_bits, word_bits, rule_bits


_FEATURE_BITS, _WORD_BITS, _RULE_BITS = _gate_bits()
_GATED = list(zip(_RULE_BITS, _COMPILED))


def _open_rules(sentence: str) -> tuple:
    """The compiled rules whose gate the sentence passes."""
    have = 0
    for w in set(_LETTERS.findall(sentence.lower())).intersection(_WORD_BITS):
        have |= _WORD_BITS[w]
    for feature, bit in _FEATURE_BITS.items():
        if _FEATURES[feature](sentence):
            have |= bit
    rules = _OPEN_FOR.get(have)
    if rules is None:  # few distinct sets of features occur: each one's rules are listed once
        rules = tuple(rule for need, rule in _GATED if need & have == need)
        if len(_OPEN_FOR) < _OPEN_FOR_SIZE:
            _OPEN_FOR[have] = rules
    return rules


_OPEN_FOR: dict[int, tuple] = {}
_OPEN_FOR_SIZE = 10_000  # a few MB at most; a corpus shows a few thousand sets of open gates


def find_timexes(sentence: str, *, dct: date | None, offset: int = 0) -> list[Timex]:
    """Temporal expressions in one sentence; offsets are ``offset`` + position in the sentence.

    >>> [(t.text, t.value) for t in find_timexes("He said on Monday that talks will resume next year.",
    ...                                           dct=date(2022, 3, 3))]
    [('Monday', '2022-02-28'), ('next year', '2023')]
    """
    ctx = _Ctx(sentence, dct, offset)
    found: list[Timex] = []
    folded = None
    for name, rx, handler in _open_rules(sentence):
        if name in _FOLDED:
            folded = folded if folded is not None else sentence.translate(CASE_FOLD)
            # Found on the folded text; matched again at the same place on the original
            # (same span, groups in their original case).
            matches = (rx.match(sentence, hit.start()) for hit in _FOLDED[name].finditer(folded))
        else:
            matches = rx.finditer(sentence)
        for m in matches:
            t = handler(m, ctx)
            if t is not None and t.end > t.start:
                t.rule = name
                found.append(t)
    # Longest first; a rule listed earlier wins a tie (full dates before month-day, etc.).
    found.sort(key=lambda t: (-(t.end - t.start), _RULE_ORDER[t.rule], t.start))
    chosen: list[Timex] = []
    for t in found:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    chosen.sort(key=lambda t: t.start)
    _clock_on_its_day(sentence, offset, chosen)
    resolve_relative_days(chosen)
    return chosen


_NEXT_TO = re.compile(r"\s*,?\s*(?:on\s+|at\s+)?")


def _clock_on_its_day(sentence: str, offset: int, timexes: list[Timex]) -> None:
    """A clock time next to a day ("3 p.m. yesterday", "on Monday at 8 pm") is on that day, not
    on the publication day it was first resolved against."""
    for i, t in enumerate(timexes):
        if t.rule not in ("clock", "clock24") or t.anchor != "dct":
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(timexes):
                continue
            day = timexes[j]
            a, b = (day, t) if j < i else (t, day)
            if re.fullmatch(r"\d{4}-\d\d-\d\d", day.value) and \
                    _NEXT_TO.fullmatch(sentence, a.end - offset, b.start - offset):
                t.value, t.anchor = day.value + t.value[10:], day.anchor
                break


def parse_dct(published: str | None) -> date | None:
    """The DCT as a date when the publication date is known to the day."""
    if published and re.fullmatch(r"\d{4}-\d\d-\d\d", published):
        return date.fromisoformat(published)
    return None
