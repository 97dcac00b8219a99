"""Publication dates an article states about itself: datelines, date lines and byline stamps.

Three places in news carry the day of publication, and each has its own shape:

* a **dateline** opens the first paragraph: a place, sometimes an agency, a date, a dash
  or colon: ``PHNOM PENH, Nov 2 (Reuters) -``, ``HANOI, 2 May 2023 -``,
  ``Jakarta [Indonesia], January 25:``, ``WASHINGTON, Monday, March 4, 2024 —``,
  ``MOSCOW, March 4. /TASS/.``, ``QUITO, Ecuador — May 9, 2023 —``, ``DOHA (May 9):``;
* a **date line** stands alone under the headline (Wikinews, many CMSs): ``December 10, 2013``,
  ``Tuesday, 10 December 2013, 14:02 GMT``;
* a **byline stamp** names itself: ``Published: 4 March 2024``, ``Updated on Mar 5, 2024 10:30 AM ET``,
  ``By Jane Doe | First published March 4, 2024``, ``Posted 2024-03-04``, or a byline that ends
  in its date: ``By Ana Lim   March 4, 2024``.

Our patterns decide *where* a date stands (at a paragraph or line start, followed by the
dateline's dash, or alone on its line, or after a stamp word); ``dateutil``'s parser reads
the date itself. A date inside a sentence is none of these. Time and time zone are ignored:
the day is the day as written. When several are present, a dateline wins over a date line,
and both over stamps; an update stamp dates nothing (an update is later than publication).

>>> find_publication_line("HANOI, 2 May 2023 - Vietnam said").date
'2023-05-02'
>>> find_publication_line("On March 4, 2024 - the day of the vote - ministers met.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from dateutil import parser as date_parser

from ..lang.en import MONTH_NAMES, MONTH_PATTERN, SENTENCE_OPENERS, WEEKDAY_PATTERN, WEEKDAYS

#: How many paragraphs from the top of the article are searched (line by line) for a date
#: line or byline stamp; page headers rarely run longer.
HEADER_PARAGRAPHS = 6
#: How many body paragraphs may open with the dateline (the first may be a standfirst).
DATELINE_PARAGRAPHS = 2
#: A line longer than this is text, not a date line or a stamp.
MAX_STAMP_LINE = 160

_ORDINAL = r"(?:st|nd|rd|th)?"
MONTH_NAMES_PATTERN = "|".join(MONTH_NAMES)
_WEEKDAY = r"(?i:" + WEEKDAY_PATTERN + r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_MONTH = r"(?i:" + MONTH_PATTERN + r")"
# A year ends at a non-digit, or at a clock time glued to it, as text copied from some news sites
# runs the page's date into its time ("March 3, 20242:45 AM GMT+7").
_YEAR = r"(?:1[0-9]|2[0-9])\d\d(?!\d(?!\d?:\d\d))"
#: A day of the calendar as news writes it: "March 4", "4 March 2024", "Mar. 4th, 2024", "Mar 04,2024",
#: "2024-03-04", "2024.03.04".
DAY_TEXT = (
    r"(?:" + _MONTH + r"\s+\d{1,2}" + _ORDINAL + r"(?!\d)(?:(?:,\s*|\s+)" + _YEAR + r")?"
    r"|\d{1,2}" + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r"\b(?:,?\s+" + _YEAR + r")?"
    r"|" + _YEAR + r"-\d\d-\d\d(?!\d)|" + _YEAR + r"/\d\d/\d\d(?!\d)|" + _YEAR + r"\.\d\d\.\d\d(?!\d)"
    # numbers alone: "04.03.2024" (day first, as written with stops), "13/03/2024" (read only when
    # a part above 12 says which is the day: see parse_date_text)
    r"|(?<![\d./])\d{1,2}\.\d{1,2}\." + _YEAR + r"(?!\d|[./]\d)|(?<![\d./])\d{1,2}/\d{1,2}/" + _YEAR +
    r"(?!\d|[./]\d))"
)
#: The date itself, as a dateline or stamp writes it (the part handed to dateutil).
DATE_TEXT = r"(?:" + _WEEKDAY + r",?\s+)?" + DAY_TEXT
#: A clock time and zone after the date ("14:02 GMT", "at 2:05 p.m. EST", "(UTC+7)"): read past, ignored.
_TIME = (r"(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"  # ISO 8601: "2024-03-04T10:32:00+07:00"
         r"|[\s,|·•/-]*(?:at\s+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:\s*[AaPp]\.?\s?[Mm]\.?)?)?"
         r"(?:\s*\(?(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?\)?)?")
#: An agency or a country in brackets after the place or the date: "(Reuters)", "[Cambodia]".
_BRACKETED = r"(?:\s*[(\[][^)\]\n]{1,40}[)\]])"
#: An agency after the date: bracketed, between slashes ("/TASS/", "/PRNewswire/"), or one word
#: before the dash ("March 4 Kyodo -").
_DATE_AGENCY = r"(?:" + _BRACKETED + r"|\.?\s*/[A-Za-z][\w .-]{0,24}/|\s+[A-Z][a-z]+(?=\s*[-–—]))"
# The place: 1-5 capitalised words ("PHNOM PENH", "Kuala Lumpur", "St. Petersburg"), without
# nested repetition (each word is a run of non-space characters starting with a capital).
# A weekday or month is never a place word, so "WASHINGTON, Monday, March 4" keeps its weekday.
_PLACE_WORD = r"(?!(?i:" + WEEKDAY_PATTERN + r"|" + MONTH_NAMES_PATTERN + r")\b)[A-Z][\w.'’/-]*"
_PLACE = r"(?P<place>" + _PLACE_WORD + r"(?:(?: ?, ?| )" + _PLACE_WORD + r"){0,4})"
# The place and the date stand apart by a comma or a dash ("Manila, Philippines – March 4, 2024 –");
# the dateline ends at a dash, a colon or a full stop before the first sentence ("Kyiv, March 4, 2024.
# Ukraine said", "MOSCOW, March 4. /TASS/. The ministry").
DATELINE = re.compile(
    _PLACE + r"(?P<agency1>" + _BRACKETED + r")?(?: ?,?\s+|\s*[-–—]+\s*)(?P<date>" + DATE_TEXT + r")"
    r"(?P<agency2>" + _DATE_AGENCY + r")?,?\s*(?:[-–—]+|:|\.(?=\s+[A-Z\"“]))\s"
)
#: A dateline with its date in brackets: "SINGAPORE (March 4): The ministry".
DATELINE_BRACKETED_DATE = re.compile(_PLACE + r"\s*\((?P<date>" + DATE_TEXT + r")\)\s*(?:[-–—]+|:)\s")
#: A dateline with no place, a date and a dash: "March 4, 2024 — The ministry said" (read only with a year).
DATELINE_DATE_ONLY = re.compile(r"(?P<date>" + DATE_TEXT + r")\s*[-–—]+\s")
#: A clock time before the date: "10:32 AM GMT+7, March 4, 2024".
# (possessive whitespace: no two optional runs of spaces can share a long gap)
_TIME_FIRST = (r"(?:\d{1,2}[:.]\d\d(?:\s*+[AaPp]\.?\s?[Mm]\.?)?(?:\s*+\(?(?:[A-Z]{2,5}|UTC|GMT)"
               r"(?:\s*+[+-]\s*+\d{1,2}(?::?\d\d)?)?\)?)?\s*+(?:,\s*+)?)?")
#: What may follow a publication date on its line: the page's update ("Updated 2 days ago",
#: "(Updated: 04 Mar 2024 06:30PM)"), which dates nothing.
_UPDATE_WORDS = r"last\s+updated|updated|last\s+modified|modified"
_UPDATE_WORD = r"(?i:" + _UPDATE_WORDS + r")\b"
_THEN_UPDATED = r"(?:\s*+\(?" + _UPDATE_WORD + r"[^\n]*)?"
#: A date alone on its line, with an optional time: "December 10, 2013", "Tue 10 Dec 2013 14:02 GMT".
DATE_LINE = re.compile(_TIME_FIRST + r"(?P<date>" + DATE_TEXT + r")" + _TIME + _THEN_UPDATED + r"\.?\s*")
#: The items of a byline: "Khmer Times | 4 March 2024", "By Reuters | March 4, 2024 10:32 AM",
#: "Jakarta ● Fri, March 4, 2024".
_SEPARATORS = "|·•●"
_BYLINE_ITEM = re.compile(r"[^" + _SEPARATORS + r"]+")
# A stamp or byline ends its line or a byline item, or an update follows it: "Posted on March 4,
# 2024, the video ..." is a sentence.
_STAMP_END = r"(?=[ \t]*+(?:$|[" + _SEPARATORS + r"—–]|(?:-[ \t]+)?" + _UPDATE_WORD + r"|(?i:by)\b))"
#: A byline stamp, at a line start or after a byline separator ("By A. Writer | Published ...").
STAMP = re.compile(
    r"(?:^|[" + _SEPARATORS + r"—–]\s*)(?P<word>(?i:first\s+published|publication\s+date|published\s+date|"
    r"date\s+published|published|posted|issued|" + _UPDATE_WORDS + r"|date))"
    r"(?:[ \t]+(?i:on|at)\b)?[ \t]*+:?[ \t]*+" + _TIME_FIRST + r"(?P<date>" + DATE_TEXT + r")" + _TIME + _STAMP_END,
    re.M,
)
#: A byline that ends in its date: "By Linh Do  March 4, 2024", "By AFP - Mar 04,2024",
#: "Written by Jane Roe on 04 March 2024".
BYLINE_DATE = re.compile(
    r"(?:^|[" + _SEPARATORS + r"]\s*)(?i:(?:written|reported|posted)\s+)?(?i:by)\s+"
    r"[A-Z][\w.'’-]*(?:\s(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|bin|binti))*?"
    r"(?:\s*[-–—,]\s*|\s+(?i:on)\s+|\s+)" + _TIME_FIRST + r"(?P<date>" + DATE_TEXT + r")" + _TIME + _STAMP_END,
    re.M,
)
#: Lower ranks win: a dateline, then a date line, then the stamps (an update comes last).
RANKS = {"dateline": 0, "date_line": 1, "published": 2, "updated": 3}


@dataclass(frozen=True)
class PublicationLine:
    """A date the article states for itself: where, what kind, the text and the ISO date
    (``XXXX-11-02`` when the year is not written); ``note`` says what looked wrong."""

    kind: str  # one of RANKS
    start: int
    end: int
    text: str
    date: str
    note: str = ""


# Cached: a corpus states few distinct days ("Feb 26" in hundreds of newswire datelines), and
# dateutil's parser was 2% of a run on newswire.
@lru_cache(maxsize=4096)
def parse_date_text(raw: str) -> tuple[str, str] | None:
    """(ISO date, note) for a date our patterns found; ``XXXX`` for a missing year. A
    weekday that disagrees with the date is kept in the note, never silently dropped.

    >>> parse_date_text("Monday, March 4, 2024")
    ('2024-03-04', '')
    >>> parse_date_text("Feb 29")
    ('XXXX-02-29', '')
    >>> parse_date_text("Friday, March 4, 2024")
    ('2024-03-04', 'the weekday (Friday) disagrees with the date (a Monday)')
    >>> parse_date_text("March 32, 2024") is None
    True
    """
    text = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", raw.replace(" of ", " "))
    text = re.sub(r",(?=\d)", ", ", text)  # "Mar 04,2024": dateutil reads no year without the space
    numeric = _NUMERIC_DATE.fullmatch(text.strip())
    if numeric:
        a, b, year = int(numeric.group(1)), int(numeric.group(3)), numeric.group(4)
        if numeric.group(2) == ".":
            day, month = a, b  # "04.03.2024": day first, as dates written with stops are
        elif a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        else:
            return None  # "04/03/2024": 4 March or 3 April; nothing says which
        text = f"{year}-{month:02d}-{day:02d}"
    try:
        # Two leap-year defaults: a field that changes between them was not written.
        first = date_parser.parse(text, default=datetime(2000, 1, 1))
        second = date_parser.parse(text, default=datetime(2004, 2, 2))
    except (ValueError, OverflowError):
        return None
    if first.month != second.month or first.day != second.day:
        return None  # no day or month written: not a publication day
    has_year = first.year == second.year
    iso = (f"{first.year:04d}" if has_year else "XXXX") + f"-{first.month:02d}-{first.day:02d}"
    note = ""
    weekday = re.match(r"\s*([A-Za-z]+)", raw)
    if has_year and weekday and weekday.group(1).lower()[:3] in _WEEKDAY_ABBREVIATIONS:
        named = _WEEKDAY_ABBREVIATIONS[weekday.group(1).lower()[:3]]
        actual = date(first.year, first.month, first.day).weekday()
        if named != actual:
            note = (f"the weekday ({weekday.group(1)}) disagrees with the date "
                    f"(a {list(WEEKDAYS)[actual].capitalize()})")
    return iso, note


_WEEKDAY_ABBREVIATIONS = {name[:3]: number for name, number in WEEKDAYS.items()}
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./])(\d{1,2})[./](\d{4})")


def find_dateline(text: str, start: int = 0) -> PublicationLine | None:
    """The dateline opening ``text[start:]``, or None.

    >>> find_dateline("PHNOM PENH, Nov 2 (Reuters) - Cambodia said").date
    'XXXX-11-02'
    >>> find_dateline("Jakarta [Indonesia], January 25: The minister").text
    'Jakarta [Indonesia], January 25:'
    >>> find_dateline("In March 2024 - a year later - talks resumed") is None
    True
    """
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end  # within its paragraph
    m = DATELINE.match(text, start, end) or DATELINE_BRACKETED_DATE.match(text, start, end)
    if m and _not_a_place(m.group("place")):
        return None
    m = m or DATELINE_DATE_ONLY.match(text, start, end)
    parsed = parse_date_text(m.group("date")) if m else None
    if parsed is None or ("place" not in m.re.groupindex and parsed[0].startswith("X")):
        return None
    raw = m.group(0).rstrip()
    return PublicationLine("dateline", m.start(), m.start() + len(raw), raw, *parsed)


def _not_a_place(place: str) -> bool:
    """A sentence opening that the place pattern also fits ("On", "In", "By", "The"). A
    dateline in capitals ("US, March 4 -") is a place whatever the word."""
    first = re.split(r"[ ,]+", place.strip())[0].strip(".")
    return first.lower() in NOT_PLACES or (not first.isupper() and first.lower() in SENTENCE_OPENERS)


#: Words that open an editor's note or a salutation in the dateline's shape ("UPDATE, March 6:",
#: "Correction, March 9:", "Today, March 4 - ...", "Sir, 4 March:"), in any case.
NOT_PLACES = frozenset("""update updated updates correction corrections clarification editor editor's editors
note today yesterday tomorrow tonight sir madam dear""".split())


def find_date_line(line: str, offset: int) -> PublicationLine | None:
    """A date alone on ``line`` (which starts at ``offset`` in the text), or None.

    >>> find_date_line("Tuesday, December 10, 2013", 40).date
    '2013-12-10'
    >>> find_date_line("December 10, 2013 was a cold day.", 0) is None
    True
    """
    for item in _BYLINE_ITEM.finditer(line):  # the whole line, or one item of a byline
        stripped = item.group().strip()
        m = DATE_LINE.fullmatch(stripped)
        if not m:
            continue
        parsed = parse_date_text(m.group("date"))
        if parsed is None:
            continue
        at = offset + item.start() + item.group().index(stripped)
        return PublicationLine("date_line", at, at + len(stripped), stripped, *parsed)
    return None


def find_stamps(line: str, offset: int) -> list[PublicationLine]:
    """The byline stamps on ``line``.

    >>> [(s.kind, s.date) for s in find_stamps("By Ana Lim | Published: 4 March 2024 | Updated Mar 5, 2024", 0)]
    [('published', '2024-03-04'), ('updated', '2024-03-05')]
    """
    out = []
    for m in STAMP.finditer(line):
        parsed = parse_date_text(m.group("date"))
        if parsed is None:
            continue
        kind = "updated" if re.match(_UPDATE_WORD, m.group("word")) else "published"
        start = offset + m.start("word")
        out.append(PublicationLine(kind, start, offset + m.end(), line[m.start("word"):m.end()].rstrip(), *parsed))
    for m in BYLINE_DATE.finditer(line):  # the date of the byline, from where it starts
        parsed = parse_date_text(m.group("date"))
        if parsed is not None:
            raw = line[m.start("date"):m.end()].rstrip()
            out.append(PublicationLine("published", offset + m.start("date"), offset + m.start("date") + len(raw),
                                       raw, *parsed))
    return out


#: Lines without a blank line between them (the layout's paragraphs, roughly, for callers without them).
_BLOCK = re.compile(r"[^\n]+(?:\n[^\n]+)*")


_DIGIT = re.compile(r"\d")


def _lines(text: str, start: int, end: int):
    at = start
    for line in text[start:end].split("\n"):
        yield line, at
        at += len(line) + 1


def find_publication_line(text: str, paragraphs: list[tuple[int, int]] | None = None,
                          body: list[tuple[int, int]] | None = None) -> PublicationLine | None:
    """The article's own statement of its publication day, the strongest found: a dateline
    at the start of one of the first body paragraphs, else a date line or stamp in the page
    header (the first ``HEADER_PARAGRAPHS`` paragraphs). ``paragraphs`` and ``body`` are
    (start, end) spans (all kept paragraphs, and the body ones); by default, the text's
    blank-line separated blocks.

    >>> find_publication_line("Talks resume\\n\\nDecember 10, 2013\\n\\nThe talks resumed on Monday.").kind
    'date_line'
    >>> line = find_publication_line("Updated: 5 March 2024\\n\\nJAKARTA, March 4 (AP) - Talks began.")
    >>> line.kind, line.date
    ('dateline', 'XXXX-03-04')
    """
    if paragraphs is None:
        paragraphs = [m.span() for m in _BLOCK.finditer(text)]
    body = paragraphs if body is None else body
    found: list[PublicationLine] = []
    header = set()  # paragraphs that are only a date line or a byline: the dateline comes after them
    for i, (s, e) in enumerate(paragraphs[:HEADER_PARAGRAPHS]):
        for j, (line, at) in enumerate(_lines(text, s, e)):
            if len(line) > MAX_STAMP_LINE or (i == 0 and j == 0 and len(paragraphs) > 1):
                continue  # the first line of a text is its headline, even when it is a date
            if not _DIGIT.search(line):
                continue  # every day as DAY_TEXT writes it has a digit
            stated = [*find_stamps(line, at), *filter(None, [find_date_line(line, at)])]
            found.extend(stated)
            if stated and e - s <= MAX_STAMP_LINE:
                header.add((s, e))
    for s, _ in [span for span in body if span not in header][:DATELINE_PARAGRAPHS]:
        dateline = find_dateline(text, s)
        if dateline:
            found.append(dateline)
            break
    found = [f for f in found if f.kind != "updated"]  # later than publication: no publication day
    if not found:
        return None
    return min(found, key=lambda f: (RANKS[f.kind], f.start))
