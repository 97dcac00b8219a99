"""Names no codebook lists: persons, organisations and parties recognised by their capitals.

A *name* is a run of capitalised words in a sentence ("Paul Teller", "Judicial Watch",
"Heritage Foundation") that is not already something the codebooks know. The guards
(``actors.yaml`` ``names:``, the function words of :mod:`analysis.lang.en` and the calendar
words) keep capitalised common words out:

* a run is cut at every country, demonym, capital, codebook actor, issue and title the
  other matchers found, at stop words ("But", "The"), months, weekdays and ``not_names``;
* a single word opening a sentence (or a quotation) is a name only right before a verb
  ("Pelosi blamed ...", "Ortega has said ..."): "Critics" or "Asked" are not;
* a sentence in headline case (most of its words capitalised) yields no names;
* a name after a preposition of place ("in Aleppo", "from Geneva") is a place;
* a possessive ("Teller's") is cut off.

Types: a prefix (``Mr``, ``Ms``, ``Sen.``) makes a person, with its gender; a word from
``organisation_words`` an organisation; from ``group_words`` a group (parties, camps);
otherwise a person, whose gender comes from the first name where the ``gender-guesser``
list knows it. Variants of one name (spacing, hyphens, full stops: "Thong Meng David" and
"Thong Mengdavid") are one actor, under the first form met; a single word that is part of
a fuller name in the document ("Teller" after "Paul Teller") is that actor (the name-part
matcher in :mod:`.mentions` finds it).

>>> from analysis import load_codebooks
>>> from analysis.stages.mentions import actor_index
>>> index = actor_index(load_codebooks())
>>> text = "Ms. Ana Ortega blamed Judicial Watch. In Aleppo, Ortega said the Senate must act."
>>> [(a.name, a.type, a.gender) for a in discover_names(text, [(0, 37), (38, 82)], [[], []], index)]
[('Ana Ortega', 'person', 'f'), ('Judicial Watch', 'organisation', ''), ('Senate', 'organisation', '')]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import cached_property

from ..config.codebooks import Actor, NameRules
from ..lang.en import CALENDAR_NAMES, FUNCTION_WORDS, HEADLINE_WORDS, MONTHS, WEEKDAYS
from ..lang.resources import seen_in_lower_case
from ..text.datelines import find_dateline

#: A capitalised word: "Teller", "McConnell", "O'Brien", "al-Assad" (after its particle), "J.", "NAACP".
_WORD = r"(?:(?:al|el|ad|ash|bin|ibn|abu)-[A-Z][\w’'\-]*|[A-Z][\w’'\-]*\.?|[A-Z]\.)"
_RUN = re.compile(rf"(?<![\w’'\-./]){_WORD}(?:\s+(?:(?:de|da|del|van|von|der|al|bin|ibn|la|le)\s+)?{_WORD})*")
#: A verb right after a sentence-opening word makes that word a subject, hence a name.
_VERB_AFTER = re.compile(r"\s+(?:(?:has|had|have|is|was|been|being|will|would|did|does|also|once|never|not|"
                         r"still|then|later|"
                         r"again|already|just|now|even|himself|herself|themselves|nonetheless|nevertheless|"
                         r"\w+ly|\w+n[’']t)\s+){0,3}(?:said|says|told|[a-z]+ed|[a-z]{2,}[^s\W]s|"
                         # irregular pasts ("Okafor came", "Lula met")
                         r"came|went|spoke|wrote|met|gave|took|made|held|led|won|lost|sought|thought|knew|saw|left|"
                         r"became|began|brought|fought|sent|stood|struck|chose|drew|threw|ran|rose|felt|kept|paid|"
                         r"sold|found|heard|withdrew|swore|vowed)\b"
                         # a progressive after "is"/"was" ("Sanders is also trying"), a predicate noun
                         # ("Kagan has been an outspoken critic")
                         r"|\s+(?:is|was|are|were)\s+(?:(?:also|still|now|not|\w+ly)\s+)?[a-z]{2,}ing\b"
                         # an adjective taking a verb ("Abbas was slow to condemn")
                         r"|\s+(?:is|was)\s+(?:\w+ly\s+)?[a-z]{3,}\s+to\s+[a-z]{3,}\b"
                         # an auxiliary and any verb ("Trump has taken", "Lula will meet")
                         r"|\s+(?:has|had|have|will|would|can|could|should|must|may|might|does|did|\w+n[’']t)\s+"
                         r"(?:(?:not|never|also|\w+ly)\s+)?(?!been\b)[a-z]{2,}\b"
                         r"|\s+(?:is|was|has\s+been|had\s+been|have\s+been)\s+(?:(?:also|long|not)\s+)?(?:a|an|the|one\s+of)\s"
                         # an adjective with its complement ("Haley has been critical of")
                         r"|\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:also|long|not|very|so|quite|\w+ly)\s+)?[a-z]{3,}\s+"
                         r"(?:of|about|with|toward|towards)\s")
#: An apposition or relative clause after a sentence-opening word makes it a name: "Greenwood, the
#: BIO executive, criticized", "Kasich, whose tweets were signed". (Openers such as "However, the"
#: are function words or ``not_names`` and never reach this test; a word Punkt's model saw in lower
#: case, such as "Critics, the paper said", is a common word.)
#: A verb in the past right after a word ("The Enquirer has supported", "The Globe described").
_PAST_VERB_AFTER = re.compile(r"\s+(?:(?:has|have|had|also|previously|once|again|\w+ly)\s+){0,3}"
                              r"(?:[a-z]+ed|said|says|told)\b")
_APPOSITION_AFTER = re.compile(r",\s+(?:who|whose|the|a|an)\s")
#: An aside between a sentence-opening word and its verb: "Schiff, too, called", "Tam,
#: incidentally, has criticized".
_ASIDE_AFTER = re.compile(r",\s+(?:too|also|however|meanwhile|though|incidentally|of\s+course|in\s+turn|"
                          r"for\s+(?:his|her|their|its)\s+part|in\s+response|in\s+a\s+statement|"
                          r"in\s+an\s+interview|\w+ly|"
                          # a short phrase of time or place: "Nehlen, in a statement Friday, praised"
                          r"(?:in|on|at|during|after|before|speaking|writing)\s+[\w’' -]{1,50}?)\s*,")
#: What may stand between a sentence's start and its first word (space, quotes, brackets, dashes).
OPENING = re.compile(r"[\s“\"‘'(\[—–-]*$")
_POSSESSIVE = re.compile(r"[’']s?$")
_OWNER = re.compile(r"[’']s$|s[’']$")
_WORDS = re.compile(r"[A-Za-z][\w’'\-]*")
_HYPHEN = re.compile(r"[-–]")
_FINAL_STOP = re.compile(r"[.!?…][”\"’')\]]*\s*$")
_INITIAL = re.compile(r"[A-Z]\.")
_BEFORE = re.compile(r"[\w’']+")
_TOKEN = re.compile(r"\S+")
#: Endings of demonyms ("Siberian", "Kurdish") that are rare in surnames.
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
#: Endings shared by demonyms and many surnames ("Montenegrin", "Dugin"): a demonym only after the
#: start of a place's name at least this long ("Monte-negr-in").
_SURNAME_ENDINGS = ("ine", "in", "an")
_DEMONYM_STEM = 4
#: Plural endings of the nouns that open news sentences about groups ("Tourists visited", "Analysts say").
_GROUP_PLURALS = ("ists", "ians", "ants", "ents", "ors", "ers", "ives", "ees")
_DEMONSTRATIVES = {"this", "these", "those"}  # not "that": "demanded that Hamas ..."
#: A person's name before one of these is that person's side ("the Obama administration", "the
#: Netanyahu government", "the Trump campaign"): a name although "the" precedes it.
_SIDE_AFTER = re.compile(r"\s+(?:administration|government|cabinet|campaign|camp|presidency|regime|foundation|"
                         r"family|team|estate|circle|era|White\s+House)\b")
_OF_AFTER = re.compile(r"\s+of\s")
#: Endings of the words that open a sentence without naming anyone ("Reducing", "Countless").
_NOT_NAME_ENDINGS = ("ing", "ed", "ly", "less", "ous", "ful", "able", "ible")
#: A capitalised word next: a name follows ("House Speaker Paul Ryan", "German President Steinmeier").
NAME_NEXT = re.compile(r"\s+[A-Z]")
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_TOPIC_PREPOSITIONS = {"on", "of", "for", "about", "against", "with", "in"}
_OFFICE_OF = re.compile(r"\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")
#: "the Department of Homeland Security (DHS)": the acronym names the same organisation.
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&]{1,9})\)")
_PLACE_ENDS = re.compile(r"\s*(?:[,.;:)]|and\b|or\b|$)")
_POSSESSIVE_PRONOUNS = {"my", "our", "your", "his", "her", "its", "their"}
#: Capitalised stop words inside a sentence that make it a headline, where capitals say nothing.
HEADLINE_STOP_WORDS = 2
#: Share of capitalised content words that makes a line without a full stop a headline.
HEADLINE_SHARE = 0.8


class NameGuards:
    """The word lists the guards read, built once per :class:`~.mentions.ActorIndex`."""

    def __init__(self, rules: NameRules, titles: list[str], location_prepositions: frozenset[str],
                 states: frozenset[str] = frozenset()):
        self.rules = rules
        self.states = states | {"Sino", "Anglo", "Franco", "Indo", "Russo", "Euro", "Afro"}
        self.stop = FUNCTION_WORDS | {w.lower() for w in CALENDAR_NAMES}
        self.headline_words = HEADLINE_WORDS
        # "Secretary of State": "of" is no title word
        self.title_words = {w.lower().rstrip(".") for t in titles for w in t.split()} - self.stop
        self.prefixes = {p.lower().rstrip("."): g for p, g in rules.prefixes.items()}
        self.modifiers = {w.lower() for w in rules.modifiers}
        self.not_names = {w.lower().rstrip(".") for w in rules.not_names} | self.modifiers
        self.organisation = {w.lower().rstrip(".") for w in rules.organisation_words}
        self.group = {w.lower() for w in rules.group_words}
        self.institutions = {w.lower() for w in rules.institutions}
        self.place_nouns = rules.place_nouns
        self.location_prepositions = location_prepositions

    @cached_property
    def _genders(self):
        import gender_guesser.detector  # 0.2 s to read its list: only when a person needs it

        return gender_guesser.detector.Detector(case_sensitive=False)

    @cached_property
    def _place_names(self) -> list[str]:
        import pycountry  # countries ("Montenegr-in", "Dominic-an"); subdivisions would take surnames

        names = {getattr(c, "common_name", c.name) for c in pycountry.countries} | \
            {c.name for c in pycountry.countries} | self.states
        return sorted(n.lower() for n in names)

    @cached_property
    def regions(self) -> frozenset[str]:
        """Provinces and states of several words ("North Carolina", "New South Wales"): places, never
        names; one-word ones are left out, since they would take surnames ("Georgia", "Victoria")."""
        import pycountry

        return frozenset(s.name.lower() for s in pycountry.subdivisions if " " in s.name)

    @cached_property
    def _region_openers(self) -> frozenset[str]:
        return frozenset(r.split()[0] for r in self.regions)

    def region_at(self, words: list[str], start: int = 0) -> int:
        """How many of ``words`` (from ``words[start]``) name a region of several words; 0 if none."""
        if start >= len(words) or words[start].lower() not in self._region_openers:
            return 0  # most words open no region: one look-up, no slice
        for n in (4, 3, 2):
            if len(words) - start >= n and " ".join(words[start:start + n]).lower().rstrip(".,") in self.regions:
                return n
        return 0

    def is_demonym(self, word: str) -> bool:
        """Whether a capitalised word is a demonym the places codebook lacks: a demonym's ending,
        or one that surnames share after the start of a country's name.

        >>> from analysis.config.codebooks import NameRules
        >>> g = NameGuards(NameRules(), [], frozenset())
        >>> [g.is_demonym(w) for w in ("Kurdish", "Montenegrin", "Dominican", "Dugin", "Petrovic", "Morgan")]
        [True, True, True, False, False, False]
        """
        low = word.lower()
        if low.endswith(_DEMONYM_ENDINGS) or (low.endswith("ic") and not low.endswith("vic")):
            return True  # (and adjectives: "Hegemonic proposals"; "-vic" is a surname: "Petrovic")
        for ending in _SURNAME_ENDINGS:
            stem = low[:-len(ending)]
            if low.endswith(ending) and len(stem) >= _DEMONYM_STEM:
                k = bisect_left(self._place_names, stem)
                if k < len(self._place_names) and self._place_names[k].startswith(stem):
                    return True
        return False

    def gender(self, first_name: str) -> str:
        """``m``, ``f`` or ``""`` from a first name ("andy" is ambiguous: "")."""
        g = self._genders.get_gender(first_name)
        return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(g, "")

    def cut(self, word: str) -> bool:
        """Whether a run of capitalised words is cut at this word: a stop word, title, month or
        ``not_names`` word, or a compound of a country ("Russia-Ukraine", "Sino-US")."""
        w = word.lower().rstrip(".")
        if w in self.stop or w in self.not_names or not (w.isalpha() or any(c.isalpha() for c in w)):
            return True
        if w[-2:] in ("'s", "’s") and w[:-2] in WEEKDAYS:
            return True  # "following Saturday's win": a weekday's possessive is still a weekday
        if word.endswith(".") and w in MONTHS:
            return True  # "published Nov. 7": a month abbreviated
        return "-" in word and any(part in self.states for part in _HYPHEN.split(word.rstrip(".")))


def _verb_after_an_aside(text: str, end: int) -> bool:
    aside = _ASIDE_AFTER.match(text, end)
    return aside is not None and _VERB_AFTER.match(text, aside.end()) is not None


def _after_dateline(text: str, s: int, start: int) -> bool:
    """Whether the word at ``start`` opens the first sentence after a dateline ("WASHINGTON, March
    16 - Congressional investigators"): it is capitalised as any sentence opening is."""
    if text[max(s, start - 2):start].strip()[-1:] not in ("-", "–", "—", ":"):
        return False
    dateline = find_dateline(text, s)
    return dateline is not None and not text[dateline.end:start].strip()


#: Endings of abstract nouns, which name no one ("Kindness", "Stability", "Development").
_ABSTRACT_ENDINGS = ("ness", "ity", "ment", "tion", "sion", "ship", "ism", "hood")  # not "-ance": Vance
#: A title's list stands after a preposition, an article or an adjective: "the Compact for Safe, Orderly
#: and ...", "a facade of fake Kindness and ...".
_LIST_AFTER_A_WORD = re.compile(r"\b(?:for|of|the|on|to|in|with|about|a|an|[a-z]+(?:ful|ous|al|ive|ic|ary|ake))\s+"
                                r"(?:[A-Z][a-z]+(?:,\s+|,?\s+and\s+))*$")
_LISTED_BEFORE = re.compile(r"\b([A-Z][a-z]+)(?:,\s+|,?\s+and\s+)$")
_LISTED_AFTER = re.compile(r"(?:,\s+|,?\s+and\s+)([A-Z][a-z]+)\b")


def _listed_with_a_common_word(text: str, start: int, end: int) -> bool:
    """Whether the word at ``text[start:end]`` is listed ("," or "and") next to a capitalised word
    that news writes in lower case too: the capitals of a title ("Kindness and Generosity").

    >>> _listed_with_a_common_word("the Global Compact for Safe, Orderly and Regular Migration", 29, 36)
    True
    >>> _listed_with_a_common_word("talks with Tusk and Scholz", 11, 15)
    False
    """
    if not _LIST_AFTER_A_WORD.search(text, max(0, start - 80), start):
        return False  # a list that opens a sentence or follows a verb names people: "Rice and Brown met"
    before = _LISTED_BEFORE.search(text, max(0, start - 30), start)
    after = _LISTED_AFTER.match(text, end)
    return any(m is not None and (seen_in_lower_case(m.group(1)) or m.group(1).endswith(_ABSTRACT_ENDINGS))
               for m in (before, after))


_LOWER_WORD = re.compile(r"\b[a-z][a-z-]+\b")


def variant_key(name: str) -> str:
    """One key for the spellings of one name.

    >>> variant_key("Thong Meng David") == variant_key("Thong Mengdavid") == variant_key("Thong Meng-David")
    True
    """
    return re.sub(r"[\s\-’'.]+", "", name.lower())


def _is_headline(sentence: str, stop: frozenset[str], prefixes: dict[str, str]) -> bool:
    """Headline case: function words capitalised inside the sentence ("Cambodia Says It Will ..."),
    or, in a line without a full stop, most content words capitalised ("Cambodia and Ukraine Forge
    Closer Ties in Mine-Clearing Efforts")."""
    words = _WORDS.findall(sentence)[1:]
    capitalised_stop = [w for w in words if w[0].isupper() and w.lower() in stop and w.lower() not in prefixes]
    if len(capitalised_stop) >= HEADLINE_STOP_WORDS and sum(w[0].isupper() for w in words) >= 0.5 * len(words):
        return True
    content = [w for w in words if w.lower() not in stop]
    return not _FINAL_STOP.search(sentence) and len(content) >= 3 and \
        sum(w[0].isupper() for w in content) / len(content) >= HEADLINE_SHARE


def _actor(words: list[str], guards: NameGuards) -> Actor | None:
    gender = ""
    person = False
    prefix = next((i for i, w in enumerate(words) if w.lower().rstrip(".") in guards.prefixes), None)
    if prefix:
        del words[:prefix]  # "Yesterday Ms. Ilse Varga": the name starts at its prefix
    while words and words[0].lower().rstrip(".") in guards.prefixes:
        gender = guards.prefixes[words.pop(0).lower().rstrip(".")] or gender
        person = True
    while words and words[-1].lower() in FUNCTION_WORDS:
        words.pop()  # "the Government of the [United States]": a name does not end in "of the"
    if not words or len(words) > 5 or (len(words) == 1 and len(words[0].rstrip(".")) < 2):
        return None  # a letter alone ("C" of "1.5°C") is an initial or a unit, not a name
    name = " ".join(words)
    lowered = [w.lower().rstrip(".") for w in words]
    if not person and any(w in guards.organisation for w in lowered):
        if len(words) == 1 and lowered[0] not in guards.institutions:
            return None  # "Office", "Conference", "Governments" alone: a common noun, capitalised
        return Actor(name=name, type="organisation", source="name")
    if not person and any(w in guards.group for w in lowered):
        return Actor(name=name, type="group", source="name")
    if not person and len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return Actor(name=name, type="organisation", source="name")  # an acronym: "NAACP"
    if not gender and len(words) > 1:
        gender = guards.gender(words[0])
    if not person and len(words) == 1 and guards.is_demonym(words[0]) and not guards.gender(words[0]):
        return None  # "Montenegrin", "Bhutanese": a demonym the places codebook lacks, not a person
    return Actor(name=name, type="person", gender=gender, source="name")


_JOINER = re.compile(r"\s+(?:of|on|for|in|against|to)(?:\s+the)?\s+$")
_TITLE_GOES_ON = re.compile(r"\s+(?:of|on|for|in|against|to|and|with|beyond)(?:\s+(?:the|a|an))?\s+$")
#: "Food and Drug Administration", "Securities and Exchange Commission": common words joined by
#: "and" before an organisation's word are one name.
_AND = re.compile(r"\s+and\s+$")
_BUREAU_WORDS = {"administration", "commission", "department", "agency", "bureau", "office", "service", "board",
                 "authority", "council", "committee", "ministry"}
#: "Nations-backed", "Moscow-based": a name made an adjective; no name ends in one.
_MADE_ADJECTIVE = re.compile(r"[-–][a-z]+$")


def _sequences(text: str, s: int, e: int, guards: NameGuards) -> list[tuple[int, int, bool]]:
    """(start, end, joined) of the capitalised sequences of ``text[s:e]``; one ending in a word that
    names a kind of thing ("Treaty", "Convention", "Court", "Ministry") takes the next across "of",
    "on", "for", "in" ("the Convention on ... Endangered Species", "the Ministry of Foreign Affairs"):
    a name, or a title."""
    out: list[tuple[int, int, bool]] = []
    thing = False  # the last sequence is the title of a thing ("Declaration on ..."), not an organisation's
    for m in _RUN.finditer(text, s, e):
        if out:
            start, end, _ = out[-1]
            last = text[start:end].split()[-1].lower().rstrip(".")
            if _JOINER.fullmatch(text, end, m.start()) and (last in guards.not_names or last in guards.organisation):
                thing = thing or last in guards.not_names
                out[-1] = (start, m.end(), True)
                continue
            if thing and _TITLE_GOES_ON.fullmatch(text, end, m.start()):
                out[-1] = (start, m.end(), True)  # a title goes on: "the Declaration on Migration and Protection"
                continue
            words = m.group().split()
            if _AND.fullmatch(text, end, m.start()) and last not in guards.organisation and len(words) <= 3 \
                    and words[-1].lower() in _BUREAU_WORDS and last not in guards.group \
                    and not any(w.lower() in guards.group for w in words) \
                    and seen_in_lower_case(text[start:end].split()[-1]):
                out[-1] = (start, m.end(), True)
                continue
        thing = False
        out.append((m.start(), m.end(), False))
    return out


class _Masks:
    """Spans no name may overlap, asked in logarithmic time (a sentence of n words may hold
    n mentions: checking each word against each would be quadratic).

    >>> m = _Masks([(10, 20), (0, 5)])
    >>> m.overlaps(4, 6), m.overlaps(5, 10), m.covers(12, 18), m.covers(12, 21)
    (True, False, True, False)
    """

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self._starts = [a for a, _ in spans]
        self._max_end: list[int] = []  # the furthest end among the spans up to each one
        for _, b in spans:
            self._max_end.append(max(b, self._max_end[-1]) if self._max_end else b)

    def _furthest(self, k: int) -> int:
        return self._max_end[k - 1] if k else -1

    def overlaps(self, start: int, end: int) -> bool:
        return self._furthest(bisect_left(self._starts, end)) > start

    def covers(self, start: int, end: int) -> bool:
        return self._furthest(bisect_right(self._starts, start)) >= end


def _runs(text: str, s: int, e: int, spans: list[tuple[int, int]], guards: NameGuards):
    """(start, words) of each candidate run in ``text[s:e]``, cut at masked spans and guard words."""
    masked = _Masks(spans)
    for seq_start, seq_end, joined in _sequences(text, s, e, guards):
        if masked.covers(seq_start, seq_end):
            continue  # a country, a codebook actor, a person found already: most runs
        current: list[tuple[int, int, str]] = []
        tokens = list(_TOKEN.finditer(text, seq_start, seq_end))
        # A capitalised sequence cut inside by a word that is never a name ("Sustainable Development
        # Goals", "Persons with Disabilities Office") is the title of a thing: no fragment of it is a name.
        if any((k > 0 or joined) and w.group().lower().rstrip(".") in guards.not_names
               and w.group().lower().rstrip(".") not in guards.prefixes for k, w in enumerate(tokens)):
            if len(tokens) > 2 and not joined and tokens[-1].group().lower().rstrip(".") in guards.organisation \
                    and not masked.overlaps(seq_start, seq_end):
                # ... unless an organisation's word ends it: "the California Charter Schools Association"
                # (without the article that opens a sentence: "The European Commission met")
                while tokens and tokens[0].group().lower() in guards.stop:
                    tokens = tokens[1:]
                yield [(w.start(), w.end(), w.group()) for w in tokens]
            continue
        # ... and so is one that an adjective opens ("Western Powers", "the Arab Spring").
        if len(tokens) > 1 and tokens[0].group().lower() in guards.modifiers:
            continue
        first, last = tokens[0].group().lower().rstrip("."), tokens[-1].group().lower().rstrip(".")
        if len(tokens) > 1 and first in guards.not_names and first not in guards.stop and first not in \
                guards.prefixes and last in guards.organisation and not masked.overlaps(seq_start, seq_end):
            yield [(w.start(), w.end(), w.group()) for w in tokens]  # "the Climate Ambition Summit": all of it
            continue
        words = [w.group() for w in tokens]
        region_end = -1  # a region alone or before a party is cut: "North Carolina Republican leaders"
        for k, w in enumerate(tokens):
            ws, we = w.start(), w.end()
            word = w.group()
            if k > region_end and (n := guards.region_at(words, k)) and (
                    k + n == len(words) or words[k + n].lower() in guards.group):
                region_end = k + n - 1  # (not "West Darfur State": the name of a place, a target too)
            if k <= region_end:
                if current:
                    yield current
                current = []
                continue
            inner_stop = 0 < k < len(tokens) - 1 and current and word.lower() in guards.stop \
                and word.lower() not in guards.not_names and len(word) <= 3  # "Kim So Yeon"
            if masked.overlaps(ws, we) or (guards.cut(word) and not inner_stop):
                if word.lower().rstrip(".") in guards.prefixes and not masked.overlaps(ws, we):
                    current.append((ws, we, word))  # "Mr" starts a name though it is cut alone
                    continue
                if current:
                    yield current
                current = []
                continue
            if _MADE_ADJECTIVE.search(word):
                current = []  # "the United Nations-backed mission", "the Moscow-based Levada Center"
                continue
            current.append((ws, we, word))
        if current:
            yield current


def discover_names(text: str, sentences: list[tuple[int, int]], known: list[list], guards_or_index) -> list[Actor]:
    """Actors named in ``text`` that no matcher knows, in order of first mention.

    ``sentences``: (start, end) of each sentence; ``known``: per sentence, the mentions
    already found there (anything with ``start``/``end``), which no name may overlap.
    """
    guards: NameGuards = getattr(guards_or_index, "name_guards", guards_or_index)
    found: dict[str, Actor] = {}
    lone_common: set[str] = set()  # keys of lone common words taken for names (see the end)
    lower_words = set(_LOWER_WORD.findall(text))  # "peace" beside "Peace" (see the end)
    acronyms: dict[str, str] = {}  # an acronym given in brackets after a name -> that name's key
    for (s, e), mentions in zip(sentences, known):
        runs = list(_runs(text, s, e, [(m.start, m.end) for m in mentions], guards))
        if not runs or _is_headline(text[s:e], guards.headline_words, guards.prefixes):
            continue
        # the mentions that start or end one space from a run (a surname, a region, an issue)
        starting = {m.start: m for m in mentions}
        ending = {m.end: m for m in mentions}
        place_end = -1  # where the last place named ended: "from Huntsville, Texas" names two
        for run in runs:
            # A title inside the run ("Senate Majority Leader Mitch McConnell"): the name follows it;
            # a title word that ends the run is a surname ("Tom King").
            titled = [i for i, (_, _, w) in enumerate(run[:-1]) if w.lower().rstrip(".") in guards.title_words]
            if run[-1][2].lower().rstrip(".") in guards.organisation or (titled and any(
                    w.lower().rstrip(".") in guards.organisation for _, _, w in run[titled[-1] + 1:])):
                # "the Supreme Court", "the Permanent Court of Arbitration": an organisation's name,
                # not a title before one
                titled = []
            if titled:
                run = run[titled[-1] + 1:]
            if all(w.lower().rstrip(".") in guards.title_words for _, _, w in run) or (
                    len(run) == 2 and run[0][2].lower().rstrip(".") in guards.prefixes
                    and run[1][2].lower() in guards.title_words and text[run[1][1]:run[1][1] + 1] in (",", "")):
                continue  # "Minister" before a name matched elsewhere; "Mr. President, ...": a form of address
            start, end = run[0][0], run[-1][1]
            words = [w for _, _, w in run]
            surname = starting.get(end + 1) if text[end:end + 1] == " " else None
            if surname is not None and getattr(surname, "source", "") == "title" and " " not in surname.text \
                    and not _POSSESSIVE.search(words[-1]):
                # "Mr. Dennis Francis" where "President Francis" made "Francis" a titled person
                end, words = surname.end, [*words, surname.text]
            before_run = ending.get(start - 1) if text[start - 1:start] == " " else None
            place = before_run if before_run is not None and getattr(before_run, "source", "") == "region" else None
            if place is not None and words[-1].lower().rstrip(".") in guards.organisation:
                # "the Pacific Islands Forum": the place opens the name
                place_words = [w for w in place.text.split() if w[:1].isupper() and w.lower() != "the"]
                start, words = end - len(" ".join([*place_words, *words])), [*place_words, *words]
            possessive = _POSSESSIVE.search(words[-1])
            # "Pelosi's", "Democrats'"; not a closing quotation mark ("an ‘internationalised’ war")
            owner = _OWNER.search(words[-1]) is not None
            if possessive:
                words[-1] = words[-1][:possessive.start()]
                end -= len(possessive.group())
            words[-1] = words[-1].rstrip(".") if not _INITIAL.fullmatch(words[-1]) else words[-1]
            opening = OPENING.fullmatch(text[s:start]) is not None or text[max(s, start - 2):start].strip() in \
                ("“", '"', "‘", "'", ":") or _after_dateline(text, s, start)
            # A single word opening a sentence is a name as a subject ("Pelosi blamed"), an owner
            # ("Pelosi's remarks") or before an apposition ("Greenwood, the ..."), and only if Punkt's
            # model never saw it in lower case (a party's or institution's word aside): "Critics said",
            # "Officials blamed" are common words.
            # (A surname that is also a common word is still found as part of the full name.)
            common = opening and len(words) == 1 and seen_in_lower_case(words[0]) and \
                words[0].lower() not in guards.group and words[0].lower() not in guards.institutions
            party = len(words) == 1 and words[0].lower() in guards.group  # "Republicans who control"
            if opening and len(words) == 1 and not party and (
                    common or (words[0].endswith(_NOT_NAME_ENDINGS + _GROUP_PLURALS) and not guards.gender(words[0]))
                    or not (owner or _VERB_AFTER.match(text, end) or _APPOSITION_AFTER.match(text, end)
                            or _verb_after_an_aside(text, end))):
                continue  # "Asked about it, ...", "Reducing inequalities requires ..."
            if len(words) == 1 and before_run is not None and getattr(before_run, "kind", "") == "issue" \
                    and before_run.text[:1].isupper():
                continue  # "the SDG Stimulus": the rest of a thing's name that opens with an issue
            before = _BEFORE.findall(text, max(s, start - 20), start)
            prefixed = words[0].lower().rstrip(".") in guards.prefixes
            if not prefixed and (seen_in_lower_case(words[0]) or words[0].endswith(_ABSTRACT_ENDINGS)) \
                    and not guards.gender(words[0]) and _listed_with_a_common_word(text, start, end):
                continue  # "Safe, Orderly and Regular Migration", "Women, Peace and Security": a title's words
            if len(words) == 1 and not prefixed and _OF_AFTER.match(text, end) and seen_in_lower_case(words[0]) \
                    and words[0].lower() not in guards.institutions:
                continue  # "a Member of the United Nations", "States Members of": a common noun, capitalised
            lowered = [w.lower().rstrip(".") for w in words]
            if place_end >= 0 and text[place_end:start] in (", ", " and ", ", and ", " or ") and not prefixed \
                    and _PLACE_ENDS.match(text, end) and not guards.gender(words[0]):
                # the region of the place before, or the next place: "from Huntsville, Texas", "in Homs and
                # Idlib" (not "in Idlib, Okafor said", nor "in Geneva and Ana Ortega's")
                place_end = end
                continue
            if before and before[-1].lower() in guards.location_prepositions and not prefixed and not (
                    before[-1].lower() in ("to", "from") and len(words) > 1 and guards.gender(words[0])) and not (
                    any(w in guards.group for w in lowered)) and not (  # "criticism from Republicans"
                    before[-1].lower() in ("to", "from") and any(w in guards.institutions for w in lowered)):
                place_end = end
                continue  # "in Aleppo", "to Kampot": a place ("to", "from" take persons: "thanks to Dennis Francis")
            if before and len(words) == 1 and (before[-1].lower() in _DEMONSTRATIVES or (
                    len(before) >= 2 and before[-1].lower() in ("very", "same") and before[-2].lower() in
                    _DEMONSTRATIVES)):
                continue  # "this Hall", "this Organization"
            if before and before[-1].lower() in _POSSESSIVE_PRONOUNS and len(words) == 1 and \
                    words[0].lower() not in guards.group:
                continue  # "my Government", "our Parliament": a common noun ("their Democratic colleagues" names)
            if before and before[-1].lower() == "the" and len(words) == 1 and not words[0].isupper() \
                    and words[0].lower() not in guards.organisation | guards.group \
                    and not _SIDE_AFTER.match(text, end) \
                    and not (not seen_in_lower_case(words[0]) and words[0].lower() not in guards.title_words
                             and _PAST_VERB_AFTER.match(text, end)):
                continue  # "the Constitution", "the Charter": a capitalised common noun ("The Enquirer has
                # endorsed", a word never seen in lower case before a verb, names a paper)
            if words[-1].lower().rstrip(".") in guards.title_words and (
                    NAME_NEXT.match(text, end) or (_OFFICE_OF.match(text, end) and not guards.gender(words[0]))):
                # "House Speaker" before "Paul Ryan", found by its title: the title, not a name; "the
                # Special Representative of the Secretary-General on ...": an office
                continue
            if words == [w for w in words if w in acronyms] and len(words) == 1:
                key = acronyms[words[0]]  # "(DHS)" after "Department of Homeland Security": that name
                if words[0] not in found[key].aliases:
                    found[key] = replace(found[key], aliases=(*found[key].aliases, words[0]))
                continue
            if before and before[-1].lower() in _TOPIC_PREPOSITIONS and len(words) > 1 and not prefixed and \
                    all(seen_in_lower_case(w) for w in words) and not guards.gender(words[0]):
                continue  # "on Sexual Violence in Conflict": common words in the capitals of a title
            if len(before) >= 2 and before[-1].lower() in _TOPIC_PREPOSITIONS and before[-2].lower() in \
                    guards.title_words and not prefixed and all(seen_in_lower_case(w) for w in words):
                continue  # "the Envoy on Technology", "Special Rapporteur on Torture": the office's subject
            next_word = _NEXT_WORD.match(text, end)
            if next_word and next_word.group(1) in guards.place_nouns and not prefixed and not guards.gender(words[0]):
                continue  # "the Sahel and Sahara region", "the Lachin corridor": a place
            actor = _actor(words, guards)
            if actor is None or not words[0]:
                continue
            key = variant_key(actor.name)
            if not key:
                continue
            acronym = _ACRONYM_AFTER.match(text, end)
            if acronym and len(words) > 1 and acronym.group(1) not in acronyms:
                acronyms[acronym.group(1)] = key
            lone = actor.type == "person" and len(words) == 1 and not prefixed and not actor.gender \
                and not (before and before[-1].lower().rstrip(".") in guards.title_words) \
                and words[0].lower() in lower_words
            if not lone:
                lone_common.discard(key)  # "Mr Hunt" later: a name after all
            if key not in found:
                found[key] = actor
                if lone:
                    lone_common.add(key)
            elif actor.name != found[key].name and actor.name not in found[key].aliases:
                found[key] = replace(found[key], aliases=(*found[key].aliases, actor.name))
    # "Teller" after "Paul Teller": a single word that is part of a fuller name is that name.
    full = [a.name.split() for a in found.values() if len(a.name.split()) > 1]
    # A lone word that the document also writes in lower case, first seen with no title or first
    # name and with no fuller name in the document, is a common noun capitalised ("Peace" in a
    # speech about peace), not a person.
    return [a for key, a in found.items() if len(a.name.split()) > 1
            or (not any(a.name in f for f in full) and key not in lone_common)]
