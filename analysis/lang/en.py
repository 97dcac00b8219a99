"""English calendar and number words, listed once for every stage that reads them
(datelines, temporal expressions, name guards).

>>> MONTHS["sept"], WEEKDAYS["friday"], NUMBERS["twelve"]
(9, 4, 12)
>>> import re
>>> re.fullmatch(MONTH_PATTERN, "Jan."), re.fullmatch(MONTH_PATTERN, "September") is not None
(<re.Match object; span=(0, 4), match='Jan.'>, True)
"""

from __future__ import annotations

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: Month names and their abbreviations (lower case) -> month number.
MONTHS = {**{name: i for i, name in enumerate(MONTH_NAMES, start=1)},
          "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
          "nov": 11, "dec": 12}
#: Weekday names (lower case) -> ``date.weekday()``.
WEEKDAYS = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
#: Number words (lower case) -> value.
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100}

#: Words that open a sentence and, capitalised there, could pass for a dateline's place
#: ("On March 4 - ...", "By Monday, March 4 -"); kept apart from stop words, which hold "new".
SENTENCE_OPENERS = frozenset("""a about after against an and around as at before between but by during early for from
he her his i if in it its last late next of on or over since she so that the their then these they this those through
to under until we when while with you""".split())

#: Function words: where a run of capitalised words stops being a name ("But", "The", "Of"). Unlike the
#: stop-word list, no word that is also a first name or a noun of a name ("Will", "May", "Bill", "Front").
FUNCTION_WORDS = frozenset("""a about above across after against all also although am an and any are as at be because
many several much various numerous others everyone nobody none
besides despite amid amidst among amongst beyond toward towards upon within without unlike via though however
been before being below between both but by could did do does doing down during each either every few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my
myself neither no nor not of off on once only or other our ours ourselves out over own same she should so some such
than that the their theirs them themselves then there these they this those through to too under until up very was we
were what when where which while who whom whose why with would you your yours yourself yourselves""".split())
#: Capitalised inside a sentence, these mark headline case ("Cambodia Says It Will Not Take Sides").
HEADLINE_WORDS = FUNCTION_WORDS | {"will", "may", "can", "says", "say", "said"}

#: Words that make a clause a forecast, a plan or a deadline rather than a report: a year or
#: month in it ("growth of 3% in 1988 is expected", "bonds due 1997", "by 2030") dates no event
#: the article reports as past, so it is no lower bound on the publication date.
IRREALIS_WORDS = frozenset("""aim aims could estimate estimated estimates expect expected expects forecast forecasts
goal hope hopes may might plan planned plans predict predicted projected projection projections target targets
would""".split())

#: Irregular simple-past verbs that news reports events with ("talks began on March 12"); forms
#: that are also common present tenses, nouns or adjectives (put, set, cut, read, left, lost,
#: found, saw, bit, spent, shut, thought, felt) are left out, since a wrong past tense moves
#: "on Monday" by a week.
IRREGULAR_PAST = frozenset("""became began blew bought brought built caught chose came dealt drank drove drew
fell fled flew fought forbade forgave forgot froze gave grew held heard hid hung kept knew laid led meant met
overcame overtook paid ran rang rode rose sang sank sent shook shot slept sold sought spoke spun stole stood strode
struck stuck swam swore swept taught threw took tore understood undertook upheld went withdrew woke won wore
wrote
died lied owed tied used""".split())  # the last line: regular pasts too short for the tense's "-ed" pattern

#: Capitalised month and weekday names, as they start a date rather than a name.
CALENDAR_NAMES = frozenset(name.capitalize() for name in (*MONTH_NAMES, *WEEKDAY_NAMES))

#: A month as written in running text: a full name, or an abbreviation with an optional full stop.
MONTH_PATTERN = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                 r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)")
WEEKDAY_PATTERN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def month_number(word: str) -> int:
    """The month a name or abbreviation stands for ("Sept." -> 9).

    >>> month_number("Jan."), month_number("DECEMBER")
    (1, 12)
    """
    return MONTHS[word.lower().rstrip(".")]
#: Abbreviated titles that always go before a name: a sentence never ends after one, whatever
#: Punkt guesses from the next word ("Ms. Flowers", "Gov. Hunter": words Punkt has seen lower case).
TITLE_ABBREVIATIONS = frozenset("""mr mrs ms mx dr prof sen sens rep reps gov gen lt col capt cmdr maj sgt adm
fr rev hon pres amb supt insp cpl pvt""".split())
