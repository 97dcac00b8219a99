"""Actors and issues in each sentence, pronouns and roles resolved, and who speaks.

This is the shared stage the design calls for: stance, framing (speaker) and
timelines (event actors) all read its two tables instead of re-detecting actors.

* ``mentions``: one row per actor or issue mention, with its canonical name from
  the codebooks (actors.yaml, places.yaml, issues.yaml). Actors not in the
  codebook are still found: every ISO 3166 country (pycountry) with its demonyms
  and capital, persons introduced with a title ("Deputy Minister Bogdan Drapiaty")
  or an apposition ("Kin Phea, director of ..."), and later references to them
  by a part of their name ("Phea"). "he"/"she" and role references ("the premier")
  resolve to the most recent matching actor in the document; the row says so.
* ``attribution``: one row per sentence: who speaks (``direct_quote`` when the
  sentence is inside quotation marks, ``reported`` for "X said ...", "according to
  X", otherwise ``author``), the speech verb and whether the speaker was resolved.

Both are computed one document at a time by :func:`document_mentions` (pure), with the
matchers compiled once per set of codebooks (:class:`ActorIndex`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

import pandas as pd

from ..config.codebooks import Actor, Codebooks
from ..lang.en import CALENDAR_NAMES
from ..lang.resources import seen_in_lower_case
from ..schema import ATTRIBUTION_COLUMNS, MENTION_COLUMNS, Stage
from ..text.layer import quote_spans, rows_by_document
from .lexicon import NameMatcher, PhraseMatcher, trie_regex
from .names import NAME_NEXT, OPENING, NameGuards, discover_names, variant_key

_NAME_WORD = r"[A-Z][a-z’'\-]+(?:[A-Z][a-z]+)?"
#: What may stand between a country and the head noun it owns ("Poland's parliament").
_POSSESSIVE_OWNER = "(?:[’']s)?"
#: Words allowed between a speaker and the speech verb ("Hun Sen has also said").
_FILLER = re.compile(r"^(?>\s+|\b(?:has|have|had|also|further|then|later|recently|previously|once|again|"
                     r"earlier|today|yesterday|last\s+week|on\s+\w+day|had\s+also|has\s+also)\b)*+$", re.I)
_PRONOUN = re.compile(r"(?<![\w’'])(he|him|his|she|her|hers|they|them)(?![\w’'])", re.I)
#: Plural pronouns: they refer to a group named earlier in their sentence, never to a guess.
_PLURAL_PRONOUNS = ("they", "them")
#: Between a subject and an object pronoun of its own clause: no comma, conjunction or relative.
_SAME_CLAUSE = re.compile(r"(?:(?![,;:]|\b(?:and|but|or|that|who|which|when|after|before|because|while|if|"
                          r"said|says)\b).)*", re.S)
#: "it" as the object of a verb before "of"/"for"/"over" ("accusing it of", "praised it for"): a
#: state or organisation named earlier in the sentence. (Elsewhere "it" is too often no actor.)
_IT_OBJECT = re.compile(r"(?<=[a-z]{2}(?:ed|es|ng|ze|se|me|ck|st)\s)it(?=\s+(?:of|for|over)\b)")
_IT_TYPES = ("state", "organisation")
#: How many sentences back an issue's reference ("the text") may find the issue it stands for.
_REFERENCE_REACH = 2
#: After a sentence-opening "It", a verb of acting or saying in the past: "It also condemned".
#: ("It seemed", "It emerged that" have no subject: their verbs are left out)
_IT_DOES = re.compile(r"\s+(?:(?:also|further|later|then|\w+ly)\s+)?"
                      r"(?!(?:need|seem|appear|remain|us|emerg|happen|turn|follow)ed\b)[a-z]{3,}ed\b")
#: Maximum characters between a quotation's closing mark and its speech tag (",” he said").
TAG_WINDOW = 60
_WORD_RX = re.compile(r"[\w’'-]+")
#: The documents column naming the actor who speaks the whole text (speeches, statements).
VOICE_COLUMN = "voice"


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # actor | issue
    canonical: str
    actor: Actor | None = None
    source: str = "codebook"
    resolved: bool = False
    resolved_from: str = ""
    sentence_id: int = -1
    roles: tuple[str, ...] = ()  # of a role reference ("the premier"): the roles it may stand for

    @property
    def is_person(self) -> bool:
        return self.actor is not None and self.actor.is_person


@dataclass
class Attribution:
    attribution: str = "author"
    speaker: Actor | None = None
    speech_verb: str = ""
    resolved: bool = False
    quote_id: object = pd.NA
    verb_end: int = -1  # where the speech verb of reported speech ends: the reported content follows


@dataclass
class DocumentMentions:
    mentions: list[Mention] = field(default_factory=list)
    by_sentence: dict[int, list[Mention]] = field(default_factory=dict)
    attribution: dict[int, Attribution] = field(default_factory=dict)


# --------------------------------------------------------------------------- static index

class ActorIndex:
    """Compiled matchers for one set of codebooks (built once, reused for every document)."""

    def __init__(self, books: Codebooks):
        self.location_prepositions = books.places.location_prepositions
        self.addressed_by = books.places.addressed_by
        self.given_by = books.places.given_by
        self.places_book = books.places
        self.demonym_heads = books.places.demonym_heads
        # The head noun after a demonym (key "") or a country's possessive: a head of two words
        # ("prime minister", "coast guard") is read whole, and a rank before it ("Russia's top
        # diplomat", "the EU's chief negotiator"; not "former") is passed over.
        pairs = [h.split() for h in self.demonym_heads if len(h.split()) == 2]
        second = "|".join(sorted({re.escape(p[1]) for p in pairs})) or "(?!)"
        self.head_after = {owner: re.compile(owner + r"\s+(?:(?:top|chief|senior|deputy|acting|lead)\s+)?"
                                             r"([A-Za-z][a-z]+(?:\s+(?i:" + second + r"))?)\b")
                           for owner in ("", _POSSESSIVE_OWNER)}
        self.proposal_heads = books.places.proposal_heads
        self.demonym_groups = books.places.demonym_groups
        self.inverted_speech_verbs = books.stance.inverted_speech_verbs
        self.by_name: dict[str, Actor] = {}
        self.actors = PhraseMatcher(self._state_entries(books) + self._codebook_entries(books), case="auto")
        self.issues = PhraseMatcher([(a, (issue, "issue")) for issue in books.issues for a in issue.aliases] +
                                    [(a, (issue, "problem")) for issue in books.issues for a in issue.problems] +
                                    [(a, (issue, "reference")) for issue in books.issues for a in issue.references],
                                    case="acronyms")
        self.issue_labels = {i.id: i.label for i in books.issues}
        self.capitalised_issue_forms = {a for i in books.issues for a in (*i.aliases, *i.problems) if a != a.lower()}
        self.narrower: dict[str, set[str]] = {}
        for i in books.issues:
            if i.broader:
                self.narrower.setdefault(i.broader, set()).add(i.id)
        self.roles = PhraseMatcher([(phrase, roles) for phrase, roles in books.actors.role_references.items()],
                                   case="insensitive")
        self.speech = PhraseMatcher([(v, v) for v in books.stance.speech_verbs], case="insensitive")
        self._person_patterns(books)

    def _state_entries(self, books: Codebooks) -> list[tuple[str, tuple[Actor, str]]]:
        """Every country by its names, demonyms and capitals: the codebook's, then every other
        ISO 3166 country (pycountry) by its short, full and official names."""
        import pycountry  # only where the matchers are compiled

        countries = books.places.countries
        entries: list[tuple[str, tuple[Actor, str]]] = []
        kingdoms = {c.alpha_3 for c in pycountry.countries if "Kingdom" in getattr(c, "official_name", c.name)}
        self.by_iso3: dict[str, Actor] = {}
        self.state_of_capital: dict[str, Actor] = {}
        for name, info in countries.items():
            state = Actor(name=name, type="state", source="country", roles=("Kingdom",) if info.iso in kingdoms else ())
            if info.iso:
                self.by_iso3[info.iso] = state
            self.by_name[name] = state
            entries.append((name, (state, "country")))
            for n in info.names:
                entries.append((n, (state, "country")))
            for n in dict.fromkeys([*info.demonyms, *map(plural_demonym, info.demonyms)]):
                if n:
                    entries.append((n, (state, "demonym")))
            for n in info.capitals:
                entries.append((n, (state, "capital")))
                self.state_of_capital[n] = state
        for region in books.places.regions:  # places, not actors: matched so that nothing inside them is
            entries.append((region, (Actor(name=region, type="region", source="region"), "region")))
        known_iso = {info.iso for info in countries.values() if info.iso}
        forms_seen = {form for form, _ in entries}
        for c in pycountry.countries:
            if c.alpha_3 in known_iso:
                canonical = next(k for k, v in countries.items() if v.iso == c.alpha_3)
                state = self.by_name[canonical]
                forms = {c.name, getattr(c, "official_name", c.name)}
            else:
                short = getattr(c, "common_name", None) or c.name.split(",")[0].split(" (")[0]
                state = Actor(name=short, type="state", source="country",
                              roles=("Kingdom",) if c.alpha_3 in kingdoms else ())
                self.by_name.setdefault(short, state)
                forms = {short, c.name, getattr(c, "official_name", c.name)}
            self.by_iso3.setdefault(c.alpha_3, state)
            for form in forms:
                if form:
                    entries.append((form, (state, "country")))
                    forms_seen.add(form)
        for iso, capital in books.places.gazetteer_capitals.items():
            state = self.by_iso3.get(iso)
            # (not a country's own name, "Singapore"; not a common word, "Male")
            if state is not None and capital not in forms_seen and not (
                    " " not in capital and seen_in_lower_case(capital)):
                entries.append((capital, (state, "capital")))
                self.state_of_capital[capital] = state
        return entries

    def _codebook_entries(self, books: Codebooks) -> list[tuple[str, tuple[Actor, str]]]:
        """The codebook's actors by name and aliases (a country's entry adds aliases to the state)."""
        entries: list[tuple[str, tuple[Actor, str]]] = []
        for actor in books.actors.actors:
            if actor.type == "state" and actor.name in self.by_name:
                # A codebook entry for a country adds aliases (e.g. "the Kingdom").
                actor = self.by_name[actor.name]
                for alias in next(a for a in books.actors.actors if a.name == actor.name).aliases:
                    entries.append((alias, (actor, "codebook")))
                continue
            self.by_name[actor.name] = actor
            for alias in (actor.name, *actor.aliases):
                entries.append((alias, (actor, "codebook")))
        return entries

    def _person_patterns(self, books: Codebooks) -> None:
        """The patterns that introduce a person no codebook lists: a title ("Deputy Minister X")
        or an apposition ("X, director of ..."), and the state a demonym or name stands for."""
        countries = books.places.countries
        titles = sorted(((t, typ) for typ, ts in books.actors.titles.items() for t in ts), key=lambda x: -len(x[0]))
        self.title_type = {t: typ for t, typ in titles}
        demonyms = sorted({d for info in countries.values() for d in [*info.demonyms, *info.names]}
                          | set(countries), key=len, reverse=True)
        self.state_of = {d: name for name, info in countries.items()
                         for d in [name, *info.demonyms, *info.names]}
        # Prefix-shared alternations: the title pattern runs over every sentence of a corpus.
        title_alt = trie_regex([t for t, _ in titles], lowered=False)
        dem_alt = trie_regex(demonyms, lowered=False)
        self.titled = re.compile(
            rf"(?<![\w-])(?:(?P<dem>{dem_alt})(?:['’]s)?\s+)?(?P<title>(?i:{title_alt}))(?![\w-])"
            rf"(?:\s+of\s+(?:the\s+)?(?P<of>{_NAME_WORD}(?:\s+{_NAME_WORD})*?))?"
            rf"\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})")
        self.apposition = re.compile(
            rf"(?<![\w’'-])(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}),\s+"
            rf"(?P<role>(?:a|an|the)?\s*[a-z][^,.;:“”\"]{{2,120}}?)(?:,|\.(?:\s|$))")
        # Country names and demonyms, longest first, for the affiliation named in an apposition.
        self.state_rx = re.compile(r"(?<!\w)(" + "|".join(re.escape(d) for d in sorted(self.state_of, key=len,
                                                                                      reverse=True)) + r")(?!\w)")
        self.places = set(self.state_of_capital)  # every capital, the codebook's and the gazetteer's
        self.leading_title = re.compile(rf"^(?:(?:{title_alt})\s+)+")
        self.appos_words = {w: typ for typ, ws in books.actors.apposition_roles.items() for w in ws}
        self.name_guards = NameGuards(books.actors.names, [t for t, _ in titles], self.location_prepositions,
                                      frozenset(self.state_of))


def actor_index(books: Codebooks) -> ActorIndex:
    """The matchers for these codebooks, compiled once per :class:`Codebooks` object."""
    return books.compiled(ActorIndex)


# --------------------------------------------------------------------------- persons in a text

def _clean_name(name: str) -> str:
    """A titled name without what follows it: a possessive ("President Zelenskyy’s peace formula"),
    a month or weekday, an article."""
    words = name.split()
    if words:
        words[-1] = re.sub(r"[’']s$", "", words[-1])
    while words and (words[-1] in CALENDAR_NAMES or words[-1] in {"The", "A", "An", "In", "On", "At"}):
        words.pop()
    return " ".join(words)


def discover_persons(text: str, spans: list[tuple[int, int]], index: ActorIndex) -> list[Actor]:
    """Persons introduced in the text with a title or an apposition, in order of first mention."""
    found: dict[str, Actor] = {}
    for s, e in spans:
        chunk = text[s:e]
        for m in index.titled.finditer(chunk):
            name = _clean_name(m.group("name"))
            if not name or name in index.by_name or any(w in CALENDAR_NAMES for w in name.split()):
                continue
            if name in index.state_of or name in index.places:
                continue
            before = chunk[:m.start("name")].split()[-2:]
            if any(index.name_guards.region_at([*before[k:], *name.split()]) for k in range(len(before) + 1)):
                continue  # "the governor of New South Wales": a region, no person
            parts = [re.sub(r"[’']s?$", "", w) for w in name.split()]
            if any(w in index.state_of or w in index.by_name or w.lower() in index.name_guards.organisation
                   for w in parts):
                continue  # "General Assembly Mexico’s": a title word before a name that is no person's
            title = next((t for t in index.title_type if t.lower() == m.group("title").lower()), m.group("title"))
            affiliation = index.state_of.get(m.group("dem") or "", "") or index.state_of.get(m.group("of") or "", "")
            role = title + (f" of {m.group('of')}" if m.group("of") else "")
            found.setdefault(name, Actor(name=name, type=index.title_type[title], affiliation=affiliation,
                                         roles=(title, role), source="title"))
        for m in index.apposition.finditer(chunk):
            name = _clean_name(index.leading_title.sub("", m.group("name")))
            while name.split()[:1] and name.split()[0].lower() in index.name_guards.stop:
                name = name.split(None, 1)[1] if " " in name else ""  # "Besides Ortega, the minister ..."
            role = m.group("role").strip()
            if not name or name in index.by_name or name in index.state_of or name in index.places \
                    or len(name.split()) < 2:
                continue
            words = re.findall(r"[a-z][a-z\-]+", role.lower())
            joined = " ".join(words)
            # An analyst at an institute is an expert even if titled "director": expert words win.
            typ = next((t for t in ("expert", "media", "official", "leader", "organisation", "group", "state")
                        if any((w in words) if " " not in w else (w in joined)
                               for w, wt in index.appos_words.items() if wt == t)), None)
            if typ is None:
                continue
            hit = index.state_rx.search(role)
            affiliation = index.state_of[hit.group(1)] if hit else ""
            found.setdefault(name, Actor(name=name, type=typ, affiliation=affiliation,
                                         roles=(re.sub(r"^(a|an|the)\s+", "", role),), source="apposition"))
    # "Minister Thuch" after "Minister Ly Thuch": a single name that is part of a fuller one is that person.
    full = [n for n in found if len(n.split()) > 1]
    return [a for n, a in found.items() if len(n.split()) > 1 or not any(n in f.split() for f in full)]


def _with_names(persons: list[Actor], names: list[Actor], index: ActorIndex) -> list[Actor]:
    """Titled and apposed persons, then the names no rule typed; one actor per spelling of a
    name ("Thong Meng David", "Thong Mengdavid"), and persons given a gender from their first name."""
    out: dict[str, Actor] = {}
    for p in persons:
        if not p.gender and len(p.name.split()) > 1:
            p = replace(p, gender=index.name_guards.gender(p.name.split()[0]))
        out.setdefault(variant_key(p.name), p)
    parts = {w for p in persons for w in p.name.split()}
    for a in names:
        if len(a.name.split()) == 1 and a.name in parts:
            continue  # "Thuch" of Ly Thuch: the name-part matcher finds the person
        surname = a.name.split()[-1]
        titled = out.get(variant_key(surname)) if len(a.name.split()) > 1 and a.type == "person" else None
        if titled is not None and titled.name == surname:
            # "President Francis" and "Mr. Dennis Francis": one person, under the full name
            del out[variant_key(surname)]
            out[variant_key(a.name)] = replace(titled, name=a.name, aliases=(*titled.aliases, surname, *a.aliases),
                                               gender=titled.gender or a.gender)
            continue
        key = variant_key(a.name)
        if key in out:  # another spelling of a titled person: one actor, every spelling matched
            kept = out[key]
            spellings = tuple(n for n in (a.name, *a.aliases) if n != kept.name and n not in kept.aliases)
            out[key] = replace(kept, aliases=(*kept.aliases, *spellings))
        else:
            out[key] = a
    return list(out.values())


def _person_matcher(persons: list[Actor], index: ActorIndex) -> NameMatcher | PhraseMatcher:
    """Full names, plus each name part ("Phea" for Kin Phea) not already meaning something else."""
    entries = []
    parts: dict[str, list[Actor]] = {}
    for p in persons:
        entries.append((p.name, (p, p.source)))
        entries.extend((alias, (p, p.source)) for alias in p.aliases)
        # (a common word is a part only of a name with a known first name: "Teller" of Paul Teller,
        # not "World" of "Second World War", which would take the World Trade Organization)
        known_first = p.gender != ""
        for part in (p.name.split() if p.is_person else ()):
            if len(part) >= 3 and part not in index.by_name and part not in index.state_of \
                    and (known_first or not seen_in_lower_case(part)):
                parts.setdefault(part, []).append(p)
    for part, owners in parts.items():
        if len(owners) == 1:  # an ambiguous name part is left alone
            entries.append((part, (owners[0], "name_part")))
    if all(NameMatcher.accepts(phrase) for phrase, _ in entries):
        return NameMatcher(entries)
    return PhraseMatcher(entries, case="auto")


# --------------------------------------------------------------------------- per document

def _select(cands: list[Mention]) -> list[Mention]:
    """Non-overlapping mentions, longest first; ties: persons, then other actors, then issues."""
    rank = {"title": 0, "apposition": 0, "name_part": 1, "codebook": 1, "name": 2, "country": 2, "capital": 2,
            "demonym": 3, "issue": 4, "problem": 4, "reference": 4, "role_reference": 1, "pronoun": 5}
    cands.sort(key=lambda m: (-(m.end - m.start), rank.get(m.source, 9), m.start))
    taken: list[Mention] = []
    for m in cands:
        if all(m.end <= t.start or m.start >= t.end for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start)


_CALENDAR_AFTER = re.compile(r",\s+(?:" + "|".join(sorted(CALENDAR_NAMES)) + r")\b")


def _is_location(text: str, m: Mention, index: ActorIndex) -> bool:
    before = [w.lower() for w in re.findall(r"[\w’']+", text[max(0, m.start - 40):m.start])]
    after = text[m.end:m.end + 12]
    if len(before) > 1 and before[-1] == "to" and before[-2] in index.addressed_by:
        return False  # "appealed to Moscow": the government is addressed
    if len(before) > 1 and before[-1] == "from" and before[-2] in index.given_by:
        return False  # "drew criticism from Beijing": the government gives it
    return (bool(before) and before[-1] in index.location_prepositions) or _CALENDAR_AFTER.match(after) is not None


def _inside_a_longer_name(text: str, m: Mention, sentence_start: int, index: ActorIndex) -> bool:
    """An issue written capitalised next to other capitalised words where the codebook writes it in
    lower case ("the Conference of the Parties", "the New Agenda for Peace"), or a codebook
    organisation followed by a capitalised word that is not a title ("United Nations Environment
    Assembly"): part of a longer name the codebooks do not know."""
    before = re.search(r"(\S+)\s+(?:(?:of|for|on|the)\s+)*$", text[max(sentence_start, m.start - 40):m.start])
    after = re.match(r"\s+(\S+)", text[m.end:m.end + 40])
    next_cap = after is not None and after.group(1)[:1].isupper() and \
        after.group(1).lower().rstrip(".,;:") not in index.name_guards.title_words
    if m.kind == "issue":
        if m.text == m.text.lower() or m.text in index.capitalised_issue_forms or m.start == sentence_start:
            return False
        prev_cap = before is not None and before.group(1)[:1].isupper() and m.start > sentence_start
        return prev_cap or next_cap
    return m.source == "codebook" and m.actor is not None and m.actor.type == "organisation" and next_cap and \
        not m.text.isupper()


_WORD_BEFORE = re.compile(r"([A-Z][\w’'-]*) $")
_FORMER = re.compile(r"\b(?:former|ex-)\s*$", re.I)
_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")
#: Natural features named after a country even in lower case ("the Congo basin").
_LOWER_CASE_FEATURES = frozenset({"basin", "river", "delta", "strait", "valley", "peninsula", "plateau", "highlands",
                                  "mountains", "desert"})
_OTHERS_OF_AN_ORGANISATION = frozenset({"ally", "allies", "partner", "partners", "friends", "people", "populace",
                                        "counterparts", "citizens"})
#: A sentence that opens with where it happens: "In Seoul, ", "In Addis Ababa on Monday, ".
_IN_CAPITAL = re.compile(r"\s*(?:In|From)\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?)(?:\s+on\s+\w+)?\s*,")


def _feature_named_after(text: str, end: int, index: ActorIndex) -> int:
    """Where the feature ends when a country's name ending at ``end`` opens the name of a river,
    a basin or a strait: capitalised ``place_nouns`` after it ("the Congo River Basin", "the Niger
    Delta"); -1 otherwise, and when a state body's word follows them ("the China Coast Guard").
    In lower case only a natural feature ("the Lake Chad basin"), not "the U.S. district court"."""
    feature_end = end
    for w in _NEXT_WORD.finditer(text, end, min(len(text), end + 60)):
        word = w.group(1).lower()
        if w.start() != feature_end or not (w.group(1)[:1].isupper() or word in _LOWER_CASE_FEATURES):
            break
        if word in index.places_book.state_bodies:
            return -1  # the country's own body: "the China Coast Guard"
        if word in index.name_guards.organisation:
            break  # the feature names an organisation: "the Lake Chad Basin Commission" is no body of Chad
        if word not in index.name_guards.place_nouns:
            break
        feature_end = w.end()
    return feature_end if feature_end > end else -1


def _name_goes_on_before(text: str, start: int, sentence_start: int, index: ActorIndex) -> bool:
    """Whether a capitalised word right before ``start`` makes the name a longer one ("Social" in
    "Social Democratic Party"): not a sentence's first word, a title, a country or demonym
    ("US Democrats"), a stop word ("The") or a word of the guards' own lists ("House", "Senate")."""
    before = _WORD_BEFORE.search(text, max(sentence_start, start - 30), start)
    if before is None or OPENING.fullmatch(text[sentence_start:before.start()]):
        return False
    word = before.group(1)
    guards = index.name_guards
    low = word.lower().rstrip(".")
    return not (low in guards.title_words or low in guards.stop or word in index.state_of or low in guards.not_names
                or low in guards.institutions or word.isupper())


def _in_a_name(text: str, m: Mention, index: ActorIndex) -> bool:
    """A capital that starts a name ("the Paris Agreement", "the Minsk agreements")."""
    after = re.match(r"\s+([\w’'-]+)", text[m.end:m.end + 30])
    return after is not None and after.group(1) in index.places_book.name_words_after_capital


def _static_candidates(text: str, s: int, e: int, index: ActorIndex) -> list[Mention]:
    """Every mention the codebook matchers find in ``text[s:e]``, overlapping ones included."""
    cands: list[Mention] = []
    for m in index.actors.finditer(text, s, e):
        actor, source = m.payload
        if source == "codebook" and actor.type in ("group", "organisation") and \
                _name_goes_on_before(text, m.start, s, index):
            continue  # "the Social Democratic Party of Germany", "the Liberal Democratic Party": not the US party
        feature_end = _feature_named_after(text, m.end, index) if source == "country" else -1
        if feature_end > 0:  # a place, dropped like a region, and no name of its own: "the Congo Basin"
            place = Actor(name=text[m.start:feature_end], type="region", source="region")
            cands.append(Mention(m.start, feature_end, text[m.start:feature_end], "actor", place.name, place, "region"))
            continue
        cands.append(Mention(m.start, m.end, m.text, "actor", actor.name, actor, source))
    for m in index.issues.finditer(text, s, e):
        issue, source = m.payload
        cands.append(Mention(m.start, m.end, m.text, "issue", issue.id, None, source))
    for m in index.roles.finditer(text, s, e):
        cands.append(Mention(m.start, m.end, m.text, "actor", "", None, "role_reference", resolved_from=m.text,
                             roles=m.payload))
    for m in _PRONOUN.finditer(text, s, e):
        cands.append(Mention(m.start(), m.end(), m.group(), "actor", "", None, "pronoun", resolved_from=m.group()))
    for m in _IT_OBJECT.finditer(text, s, e):
        cands.append(Mention(m.start(), m.end(), m.group(), "actor", "", None, "pronoun", resolved_from=m.group()))
    opening = re.match(r"\s*(?:[“\"‘']\s*)?(It)\b", text[s:e])
    if opening and _IT_DOES.match(text, s + opening.end(1)):
        at = s + opening.start(1)
        cands.append(Mention(at, at + 2, "It", "actor", "", None, "pronoun", resolved_from="It"))
    return cands


def _person_candidates(text: str, s: int, e: int, persons: NameMatcher | PhraseMatcher) -> list[Mention]:
    """The mentions of the persons and names found in this document."""
    out = []
    for m in persons.finditer(text, s, e):
        actor, source = m.payload
        out.append(Mention(m.start, m.end, m.text, "actor", actor.name, actor, source))
    return out


class Spans:
    """Sorted, non-overlapping spans (a text's quotations): which one holds a position, and
    which overlap a range, found by bisection (a long article has thousands of quotations)."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def holds(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        i = max(0, bisect_right(self.starts, start) - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] > start:
                out.append(self.spans[i])
            i += 1
        return out


class History:
    """What resolution looks back on while a document is read, kept as indexes so that each
    look-up costs the same however long the document: the quotations; the latest person of
    each gender class; per sentence, its first subject-like person of each gender class and
    its subject-like actors; the latest actor with each role; the latest mention of each issue.
    (A pronoun resolves as if the whole history were scanned, see :func:`resolve_pronoun`.)"""

    def __init__(self, text: str, quotes: list[tuple[int, int]]):
        self.text = text
        self.quotes = Spans(quotes)
        self.actors: list[Mention] = []
        self._last_person: dict[bool, Mention] = {}
        self._subject_person: dict[bool, list[tuple[int, Mention]]] = {True: [], False: []}
        self._subjects: dict[int, list[Mention]] = {}  # sentence -> subject-like actors, in order
        self._type_sentences: dict[str, list[int]] = {}  # actor type -> sentences with a subject of it
        self._role: dict[str, tuple[int, Mention]] = {}
        self._head: dict[str, tuple[int, Mention]] = {}  # a name's last word, lower case -> latest actor so named
        self._issue: dict[str, tuple[int, Mention]] = {}
        self._issues_seen = 0

    def add_actor(self, m: Mention) -> None:
        self.actors.append(m)
        order = len(self.actors)
        subject = is_subject_candidate(self.text, m)
        if m.is_person:
            for female in (True, False):
                if fits_pronoun(m, female):
                    self._last_person[female] = m
                    found = self._subject_person[female]
                    if subject and (not found or found[-1][0] != m.sentence_id):
                        found.append((m.sentence_id, m))
        if m.actor is not None:
            for role in m.actor.roles:
                self._role[role.lower()] = (order, m)
            for name in (m.actor.name, *m.actor.aliases):
                if name:
                    self._head[name.split()[-1].lower()] = (order, m)
            if subject:
                self._subjects.setdefault(m.sentence_id, []).append(m)
                sids = self._type_sentences.setdefault(m.actor.type, [])
                if not sids or sids[-1] != m.sentence_id:
                    sids.append(m.sentence_id)

    def add_issue(self, m: Mention) -> None:
        self._issues_seen += 1
        self._issue[m.canonical] = (self._issues_seen, m)

    def latest_person(self, female: bool) -> Mention | None:
        return self._last_person.get(female)

    def subject_person_before(self, female: bool, sentence_id: int) -> Mention | None:
        """The first subject-like person fitting the pronoun in the latest other sentence that has one."""
        for sid, m in reversed(self._subject_person[female]):
            if sid != sentence_id:
                return m
        return None

    def subject_of_types_before(self, types: set[str], sentence_id: int) -> Mention | None:
        """The first subject-like actor of one of ``types`` in the latest other sentence that has one."""
        best = None
        for t in types:
            sids = self._type_sentences.get(t, [])
            sid = sids[-1] if sids and sids[-1] != sentence_id else (sids[-2] if len(sids) > 1 and
                                                                     sids[-1] == sentence_id else None)
            if sid is not None and (best is None or sid > best):
                best = sid
        if best is None:
            return None
        return next(m for m in self._subjects[best] if m.actor.type in types)

    def latest_with_role(self, roles: set[str]) -> Mention | None:
        hits = [self._role[r] for r in roles if r in self._role]
        return max(hits, key=lambda x: x[0])[1] if hits else None

    def latest_with_head(self, heads: set[str], current: list[Mention]) -> Mention | None:
        """The latest actor (in this sentence, else before) whose name ends in one of ``heads``
        ("the Commission": the European Commission)."""
        for m in reversed(current):
            if m.actor is not None and any(n.split()[-1].lower() in heads
                                           for n in (m.actor.name, *m.actor.aliases) if n):
                return m
        hits = [self._head[h] for h in heads if h in self._head]
        return max(hits, key=lambda x: x[0])[1] if hits else None

    def latest_issue(self, canonicals: set[str]) -> Mention | None:
        hits = [self._issue[c] for c in canonicals if c in self._issue]
        return max(hits, key=lambda x: x[0])[1] if hits else None


_LOWER_WORD = re.compile(r"\s+([a-z][a-z-]*)\b")


def _demonym_group(text: str, end: int, index: ActorIndex) -> int | None:
    """Where a group of a country's people named after its demonym ends ("Rwandan rebels",
    "Afghan rebel leaders", "Ugandan opposition candidates"), or None; one modifier may come
    first ("Iraqi Kurdish rebels" aside, "Syrian armed rebels")."""
    first = _LOWER_WORD.match(text, end)
    if first is None:
        return None
    if first.group(1) not in index.demonym_groups:
        second = _LOWER_WORD.match(text, first.end())
        if second is None or second.group(1) not in index.demonym_groups:
            return None
        first = second
    # a plural after the group word is its head ("rebel leaders", "opposition candidates")
    head = _LOWER_WORD.match(text, first.end())
    return head.end() if head and head.group(1).endswith("s") and head.group(1) in _GROUP_HEADS else first.end()


#: Plural heads after a group word: "rebel leaders", "opposition candidates", "militia fighters".
_GROUP_HEADS = {"leaders", "candidates", "fighters", "commanders", "groups", "forces", "members", "figures",
                "parties", "activists", "officials", "spokesmen"}


def _resolve(text: str, m: Mention, sentence_start: int, chosen: list[Mention], seen: History,
             index: ActorIndex) -> Mention | None:
    """A selected mention as it stands in the table, or None when it is dropped:

    1. a capital after a preposition of place ("in Kyiv") is a place, not the government;
    2. a demonym before a head noun ("the Ukrainian delegation") stands for the state;
    3. "he"/"she" takes the person it most likely refers to (:func:`resolve_pronoun`);
    4. a role reference ("the premier", "the country") takes the latest actor with that
       role, or the nearest subject-like actor of that type;
    5. a demonstrative issue ("these weapons") after a narrower one ("cluster bombs")
       takes the narrower issue; an issue's reference ("the text") stands for it only after
       the issue itself is named.
    Unresolvable pronouns and role references are dropped: no finding rests on a guess.
    """
    if m.source == "capital" and (_is_location(text, m, index) or _in_a_name(text, m, index)):
        return None
    if m.source == "region":
        return None  # "Latin America", "the Sahel": a place
    if m.source in ("demonym", "country"):
        # "the Saudi government", "a top U.S. official", "the Cambodian premier", "Poland's
        # parliament", "a US offer": the state.
        owner = _POSSESSIVE_OWNER if m.source == "country" else ""
        head = index.head_after[owner].match(text[m.end:m.end + 30])
        if head and head.group(1).lower() not in index.demonym_heads:
            head = re.match(owner + r"\s+([A-Za-z][a-z]+)\b", text[m.end:m.end + 20])
        # A capitalised head is the state's ("The German Government has praised") unless a name
        # follows it: in "German President Frank-Walter Steinmeier" the person holds the position.
        if head and head.group(1)[0].isupper() and NAME_NEXT.match(text, m.end + head.end()):
            head = None
        noun = head.group(1).lower() if head else ""
        if head and noun not in index.demonym_heads and noun not in index.proposal_heads:
            # one modifier before what a state puts forward: "a Senegalese peace plan"
            second = re.match(owner + r"\s+[a-z]+\s+([a-z]+)\b", text[m.end:m.end + 40])
            if second and second.group(1) in index.proposal_heads:
                head, noun = second, second.group(1)
        possessive = head is not None and not head.group(0)[:1].isspace()
        group = _demonym_group(text, m.end, index) if noun not in index.demonym_heads and not (
            m.source == "country" and re.match(r"[’']", text[m.end:m.end + 1])) else None
        if group is not None:
            # "Rwandan rebels", "Afghan rebel leaders", "radical French farmers": a group of the
            # people, not the state (its affiliation)
            surface = " ".join(text[m.start:group].split())
            actor = Actor(name=surface, type="group", affiliation=m.canonical, source="demonym_group")
            return replace(m, end=group, text=text[m.start:group], canonical=surface, actor=actor,
                           source="demonym_group")
        if head and noun in index.demonym_heads and _FORMER.search(text, max(0, m.start - 12), m.start):
            head = None  # "the former Russian envoy" speaks for nobody now
        if head and (noun in index.demonym_heads or (noun in index.proposal_heads and not possessive)):
            m = replace(m, end=m.end + head.end(), text=text[m.start:m.end + head.end()], source="country")
    elif m.source == "codebook" and m.actor is not None and m.actor.type == "organisation":
        # "the EU's top diplomat said", "NATO's spokesman": the organisation speaks ("NATO's allies",
        # "the EU's partners" are others)
        head = index.head_after[_POSSESSIVE_OWNER].match(text[m.end:m.end + 30])
        if head and head.group(0)[:1] in "’'" and head.group(1).lower() in index.demonym_heads and \
                head.group(1).lower() not in _OTHERS_OF_AN_ORGANISATION:
            m = replace(m, end=m.end + head.end(), text=text[m.start:m.end + head.end()])
    if m.source == "pronoun" and m.text.lower() in _PLURAL_PRONOUNS:
        # "Democrats questioned Republicans' motives and accused them": the nearest group before.
        target = next((h for h in reversed(chosen) if h.kind == "actor" and h.actor is not None
                       and is_plural_group(h) and not (m.text.lower() == "them" and
                                                       _SAME_CLAUSE.fullmatch(text, h.end, m.start))), None)
        if target is None and m.text == "They" and not chosen and not seen.quotes.holds(m.start):
            # "The EU met in Paris. They welcomed ...": the subject of the sentence just before, when
            # it is a group or an organisation
            before = seen.subject_of_types_before({"group", "organisation"}, m.sentence_id)
            target = before if before is not None and before.sentence_id == m.sentence_id - 1 else None
        if target is None:
            return None
        return replace(m, canonical=target.canonical, actor=target.actor, resolved=True)
    if m.source == "pronoun" and m.text == "It" and not chosen and not seen.quotes.holds(m.start):
        # "The State Department issued a statement. It also condemned ...": the organisation or
        # state that was the subject of the sentence just before ("It is" and "It was" are no one)
        before = seen.subject_of_types_before({"organisation", "state"}, m.sentence_id)
        if before is None or before.sentence_id != m.sentence_id - 1:
            return None
        return replace(m, canonical=before.canonical, actor=before.actor, resolved=True)
    if m.source == "pronoun" and m.text == "it":
        target = next((h for h in reversed(chosen) if h.kind == "actor" and h.actor is not None
                       and h.actor.type in _IT_TYPES and h.start >= sentence_start), None)
        if target is None:
            return None
        return replace(m, canonical=target.canonical, actor=target.actor, resolved=True)
    if m.source == "pronoun":
        target = resolve_pronoun(text, m, seen, chosen)
        if target is None:
            return None
        return replace(m, canonical=target.canonical, actor=target.actor, resolved=True)
    if m.source == "role_reference":
        if re.match(r"\s+of\b", text[m.end:m.end + 6]):
            return None  # "the President of the Niger": that country's, not the last president named
        wanted = {r.lower() for r in m.roles}
        types = {w[5:] for w in wanted if w.startswith("type:")}
        heads = {w[5:] for w in wanted if w.startswith("head:")}
        # "the Commission" after "the European Commission": the one whose name it shortens
        target = seen.latest_with_head(heads, chosen) if heads else None
        # (only when the sentence names no state before: "In Seoul, Japan's minister said the government")
        opening = _IN_CAPITAL.match(text, sentence_start, m.start) if target is None and "state" in types and not any(
            h.actor is not None and h.actor.type == "state" for h in chosen) else None
        local = index.state_of_capital.get(opening.group(1)) if opening else None
        if local is not None:
            # "In Seoul, the government said": the state of the capital the sentence opens with
            return replace(m, canonical=local.name, actor=local, resolved=True)
        if target is None and types:
            target = resolve_by_type(text, m, seen, chosen, types)
        elif target is None and not heads:
            target = seen.latest_with_role(wanted)
        if target is None:
            return None
        return replace(m, canonical=target.canonical, actor=target.actor, resolved=True)
    if _inside_a_longer_name(text, m, sentence_start, index):
        return None  # "the New Agenda for Peace", "United Nations Environment Assembly": another name
    if m.kind == "issue" and m.text.lower() in ("resolution", "resolutions") and (
            _SETTLED_BEFORE.search(text, max(sentence_start, m.start - 40), m.start)
            or _SETTLED_AFTER.match(text, m.end)):
        return None  # "a just and comprehensive resolution of the conflict": a settlement, no text adopted
    if m.source == "reference":
        # "voted against the text": the issue only once the document has named it, shortly before
        earlier = seen.latest_issue({m.canonical})
        if earlier is None or m.sentence_id - earlier.sentence_id > _REFERENCE_REACH:
            return None
        return replace(m, source="issue", resolved=True, resolved_from=m.text)
    if m.kind == "issue" and m.canonical in index.narrower and _DEMONSTRATIVE.search(
            text[max(sentence_start, m.start - 40):m.start]):
        narrower = index.narrower[m.canonical]
        earlier = seen.latest_issue(narrower)
        if earlier is not None:
            return replace(m, canonical=earlier.canonical, resolved=True, resolved_from=m.text)
    return m


def document_mentions(text: str, sentences: list[tuple[int, int, int, object]], *,
                      index: ActorIndex, voice: Actor | None = None,
                      dateline: tuple[int, int] | None = None) -> DocumentMentions:
    """Mentions and attribution for one document.

    ``sentences`` are ``(sentence_id, char_start, char_end, quote_id)`` in text order;
    ``voice``: the actor who speaks the whole text, if the corpus says (:func:`voice_actor`);
    ``dateline``: the span of the line that states the publication date, where nothing is a
    mention ("PHNOM PENH, Nov 2 (Reuters) -" names where and by whom the story was filed, not
    an actor of it).
    """
    out = DocumentMentions()
    spans = [(s, e) for _, s, e, _ in sentences]
    static = [_static_candidates(text, s, e, index) for s, e in spans]
    titled = _with_names(discover_persons(text, spans, index), [], index)
    persons = _person_matcher(titled, index)
    # Names are looked for where neither the codebooks nor the titled persons matched.
    known = [cands + _person_candidates(text, s, e, persons) for cands, (s, e) in zip(static, spans)]
    # A part of a name ("Kim" of Kim So-yeon) does not cut a run: "Ms Kim So Yeon" is a spelling of it.
    # (nor does a capital that opens a name: "the Washington Post")
    # (nor a codebook name that only opens a longer one, which is then looked for: "the African
    # Union Commission")
    names = discover_names(text, spans, [[m for m in k if m.source not in ("pronoun", "role_reference", "name_part")
                                          and not (m.source == "capital" and _in_a_name(text, m, index))
                                          and not _inside_a_longer_name(text, m, s, index)]
                                         for k, (s, _e) in zip(known, spans)], index)
    if names:
        persons = _person_matcher(_with_names(titled, names, index), index)
        # Matched again only where a word of a new name occurs (most sentences have none).
        words = {w.strip(".,’'") for a in names for n in (a.name, *a.aliases) for w in n.split()} - {""}
        # (a word of the sentence is a substring of it: the substring test rules most sentences out cheaply)
        known = [cands + _person_candidates(text, s, e, persons)
                 if _holds_any(text[s:e], words) and not words.isdisjoint(_words_in(text, s, e))
                 else k for cands, (s, e), k in zip(static, spans, known)]
    seen = History(text, quote_spans(text))
    for (sid, s, _e, _), cands in zip(sentences, known):
        chosen: list[Mention] = []
        for m in _select(cands):
            if dateline is not None and m.start < dateline[1] and m.end > dateline[0]:
                continue
            if chosen and m.start < chosen[-1].end and m.kind == "actor":
                # inside the head a state's mention took in ("Japan's Foreign Ministry"); an issue
                # there stays ("Ukraine's military supporters")
                continue
            m.sentence_id = sid
            m = _resolve(text, m, s, chosen, seen, index)
            if m is None:
                continue
            m.sentence_id = sid
            chosen.append(m)
            if m.kind == "actor" and m.source != "demonym":
                seen.add_actor(m)
            elif m.kind == "issue":
                seen.add_issue(m)
        out.by_sentence[sid] = chosen
        out.mentions.extend(chosen)
    out.attribution = attribute(text, sentences, out.by_sentence, index, voice)
    return out


#: "resolution" in the sense of a settlement: "a peaceful resolution", "the resolution of the conflict".
_SETTLED_BEFORE = re.compile(r"\b(?:peaceful|just|lasting|comprehensive|political|negotiated|diplomatic|durable|"
                             r"swift|speedy|amicable|final|fair|sustainable|definitive)\s+(?:and\s+[a-z]+\s+)?$", re.I)
# ("to" only before its noun phrase: "the resolution to address the crisis" is a text adopted)
_SETTLED_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+|this\s+|that\s+|all\s+)?|to\s+(?:the|this|that|all)\s+)"
                            r"(?:[\w’'-]+\s+){0,3}?"
                            r"(?:conflicts?|disputes?|crisis|crises|war|wars|question|issues?|problems?|tensions?|"
                            r"differences|situation|standoff|hostilities)\b", re.I)

_POSSESSIVE_END = re.compile(r"[’']s?$")


def _holds_any(sentence: str, words: set[str]) -> bool:
    return any(w in sentence for w in words)


def _words_in(text: str, s: int, e: int) -> set[str]:
    """The words of ``text[s:e]``, possessives also without their ending ("Trump's" is "Trump")."""
    found = set(_WORD_RX.findall(text, s, e))
    return found | {_POSSESSIVE_END.sub("", w) for w in found}


def voice_actor(value: object, index: ActorIndex) -> Actor | None:
    """The actor a document's ``voice`` field names: a codebook or country name, an alias, an
    ISO 3166 code ("FRA", "FR"), or else a person of that name. None when the field is empty.

    >>> from analysis import load_codebooks
    >>> index = actor_index(load_codebooks())
    >>> voice_actor("FRA", index).name, voice_actor("the UAE", index).name, voice_actor("Ana Ortega", index).type
    ('France', 'United Arab Emirates', 'person')
    """
    if value is None or pd.isna(value) or not re.search(r"[^\W\d_]", str(value)):
        return None  # empty, or no letter at all ("2023", "-"): no one's name
    name = " ".join(str(value).split())
    if re.fullmatch(r"[A-Za-z]{3}", name) and name.upper() in index.by_iso3:
        return index.by_iso3[name.upper()]  # "NAM" is Namibia, not the Non-Aligned Movement
    if re.fullmatch(r"[A-Za-z]{2}", name):
        name = name.upper()
    if name in index.by_name:
        return index.by_name[name]
    hit = next((m for m in index.actors.finditer(name, 0, len(name)) if m.end - m.start >= len(name.strip()) - 4),
               None)
    if hit is not None and hit.payload[0].type != "region":
        return hit.payload[0]
    if re.fullmatch(r"[A-Z]{2,3}", name):
        import pycountry

        country = pycountry.countries.get(**{"alpha_3" if len(name) == 3 else "alpha_2": name})
        if country is not None:
            for form in (getattr(country, "common_name", None), country.name, getattr(country, "official_name", None)):
                found = voice_actor(form, index) if form else None
                if found is not None:
                    return found
    return Actor(name=name, type="person", source="voice")


_DEMONSTRATIVE = re.compile(r"\b(?:these|those|such|this|that|the same)\s+(?:[\w-]+\s+){0,2}$", re.I)
_PREPOSITIONS = {"with", "to", "by", "for", "of", "from", "at", "on", "in", "during", "against", "about",
                 "between", "toward", "towards", "upon", "into", "than", "like"}


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"}


def is_subject_candidate(text: str, m: Mention) -> bool:
    """A mention not governed by a preposition ("with Hun Sen", "at the Institute" are objects)."""
    before = [w.lower() for w in re.findall(r"[\w’']+", text[max(0, m.start - 40):m.start])]
    while before and before[-1] in _DETERMINERS:
        before.pop()
    return not before or before[-1] not in _PREPOSITIONS


def plural_demonym(demonym: str) -> str:
    """The plural noun of a demonym, or "" when it has none of its own ("the Chinese", "the French").

    >>> [plural_demonym(d) for d in ("Iranian", "Israeli", "Filipino", "Afghan", "Chinese", "British", "Swiss")]
    ['Iranians', 'Israelis', 'Filipinos', 'Afghans', '', '', '']
    """
    return demonym + "s" if demonym.endswith(("n", "i", "o")) and not demonym.endswith("ese") else ""


def is_plural_word(text: str) -> bool:
    """Whether ``text`` ends as an English plural does ("Germans", "leaders"; not "Swiss", "Iran's")."""
    return text.endswith("s") and not text.endswith(("ss", "’s", "'s"))


def is_plural_noun_demonym(m: Mention) -> bool:
    """A demonym that is a plural noun ("the Germans", "Iranians"): a people, which may be
    the target of a position; an adjective ("German exporters") is not.

    >>> is_plural_noun_demonym(Mention(0, 7, "Germans", "actor", "Germany", None, "demonym"))
    True
    >>> is_plural_noun_demonym(Mention(0, 5, "Swiss", "actor", "Switzerland", None, "demonym"))
    False
    """
    return m.source == "demonym" and is_plural_word(m.text)


def is_plural_group(m: Mention) -> bool:
    """An actor "they" may refer to: a group ("Democrats", "the rebels"), a people ("the Iranians"),
    or a state by a plural of its people ("Palestinian leaders", "Indonesian officials")."""
    # (a state's plural only with a role noun after its demonym, which is lower case: "United
    # States" and "Solomon Islands" are one state)
    return (m.actor is not None and m.actor.type == "group") or is_plural_noun_demonym(m) or (
        m.source == "country" and " " in m.text and m.text.split()[-1].islower() and is_plural_word(m.text))


def fits_pronoun(m: Mention, female: bool) -> bool:
    """A person "she" (``female``) or "he" may refer to; gender counts only where the codebook gives it."""
    return m.is_person and (m.actor.gender in ("", "f") if female else m.actor.gender in ("", "m"))


def resolve_pronoun(text: str, pronoun: Mention, history: History, current: list[Mention]) -> Mention | None:
    """The person "he"/"she" most likely refers to.

    Preference: the nearest subject-like person earlier in the same sentence; else the
    first subject-like person of the most recent sentence that has one (the subject of
    the previous sentence, not its objects); else the most recent person of the right
    gender. Gender is used only when the codebook gives it.
    """
    female = pronoun.text.lower() in ("she", "her", "hers")
    # Outside a quotation, persons named inside one are what was said, not who says it.
    outside = not history.quotes.holds(pronoun.start)
    same = [h for h in current if fits_pronoun(h, female) and is_subject_candidate(text, h)
            and not (outside and history.quotes.holds(h.start))]
    if pronoun.text.lower() == "him":
        # an object is not its own clause's subject: "McCain has since endorsed him" is someone else
        same = [h for h in same if not _SAME_CLAUSE.fullmatch(text, h.end, pronoun.start)]
    if same:
        return same[-1]
    return history.subject_person_before(female, pronoun.sentence_id) or history.latest_person(female)


def resolve_by_type(text: str, ref: Mention, history: History, current: list[Mention],
                    types: set[str]) -> Mention | None:
    """"the country": the nearest subject-like actor of that type in this sentence, else the first
    subject-like one of the most recent sentence that has one."""
    same = [h for h in current if h.actor is not None and h.actor.type in types and is_subject_candidate(text, h)]
    if same:
        return same[-1]
    return history.subject_of_types_before(types, ref.sentence_id)


# --------------------------------------------------------------------------- attribution

#: After the actor that follows "said": a verb of its own makes it the subject of what is said
#: ("said US and British forces must ensure"), not the speaker ("said Hun Sen on Monday").
_OWN_VERB = re.compile(r"(?:\s+(?:and|or)\s+[\w’'-]+(?:\s+[\w’'-]+)?)?\s+(?:must|should|will|would|shall|has|have|"
                       r"had|is|are|was|were|can|could|may|might|did|does|do)\b", re.I)


#: "operating in Iraq", "based in Geneva": where the actor before it is.
_LOCATED = re.compile(r"\s+(?:[a-z]+ing|based|stationed|headquartered)\s+(?:in|at|from|near|across|inside|outside)\s+"
                      r"(?:the\s+)?[^,;:.!?“”\"]{1,60}?\s+", re.I)


def _speaker_near_verb(text: str, verb_start: int, verb_end: int, mentions: list[Mention],
                       lo: int, hi: int, inverted: tuple[str, ...] = ()) -> Mention | None:
    """The actor that says: right before the verb ("Hun Sen said", "X, a fellow at Y, said"),
    or right after it ("said Hun Sen", "according to X", "said a statement from the Ministry")."""
    actors = [m for m in mentions if m.kind == "actor" and m.actor is not None]
    before = [m for m in actors if m.end <= verb_start and m.start >= lo]
    if before:
        # Apposition: "Name, a research fellow at ..., said" -> the person the apposition describes.
        for m in before:
            gap = text[m.end:verb_start]
            if m.is_person and gap.startswith(",") and gap.rstrip().endswith(",") and len(gap) < 160 \
                    and "“" not in gap:
                return m
        last = before[-1]
        # "The Red Cross operating in Iraq said": a place after a preposition does not speak
        if _FILLER.match(text[last.end:verb_start]) and is_subject_candidate(text, last):
            return last
        if len(before) > 1 and _LOCATED.fullmatch(text, before[-2].end, verb_start) and \
                is_subject_candidate(text, before[-2]) and not is_subject_candidate(text, last):
            return before[-2]  # ... the one operating there does
    after = [m for m in actors if m.start >= verb_end and m.end <= hi]
    if after and " ".join(text[verb_start:verb_end].lower().split()) in inverted:
        # "said Iran's Foreign Minister X": the person, not the state that qualifies them.
        first = next((m for m in after if m.is_person and m.start - verb_end < 60), after[0])
        gap = text[verb_end:first.start]
        if re.fullmatch(r"\s*(?:(?:a|an|the)\s+)?(?:[\w’'-]+\s+){0,3}?(?:(?:from|by|of)\s+(?:the\s+)?)?", gap) \
                and not _OWN_VERB.match(text, first.end):
            return first
    return None


def attribute(text: str, sentences: list[tuple[int, int, int, object]], by_sentence: dict[int, list[Mention]],
              index: ActorIndex, voice: Actor | None = None) -> dict[int, Attribution]:
    """Speaker and attribution type of every sentence (see the module docstring); with a
    ``voice`` (the actor who speaks the whole text: a speech, a statement), the author's
    sentences are that actor's."""
    quotes = Spans(quote_spans(text))
    result: dict[int, Attribution] = {}
    quote_speaker: dict[int, Attribution] = {}
    last_reported: Attribution | None = None
    sentence_ends = [e for _, _, e, _ in sentences]

    # Quotations first: each quotation gets one speaker from its tag.
    for qid, (qs, qe) in enumerate(quotes.spans):
        i = bisect_right(sentence_ends, qs)  # the first sentence ending after the quotation starts
        owner = []
        while i < len(sentences) and sentences[i][1] < qe:
            owner.append(sentences[i][:3])
            i += 1
        if not owner:
            continue
        found = None
        # Tag after the closing mark (",” he said", "” said a press statement from ...").
        sid_end, s_end, e_end = owner[-1]
        for v in index.speech.finditer(text, qe, min(e_end, qe + TAG_WINDOW)):
            who = _speaker_near_verb(text, v.start, v.end, by_sentence.get(sid_end, []), qe, e_end,
                                     index.inverted_speech_verbs)
            if who:
                found = Attribution("direct_quote", who.actor, v.text.lower(), who.resolved, qid)
                break
        if found is None:
            # Tag before the opening mark ("Hun Sen said: “...").
            sid0, s0, _ = owner[0]
            for v in index.speech.finditer(text, s0, qs):
                who = _speaker_near_verb(text, v.start, v.end, by_sentence.get(sid0, []), s0, qs,
                                         index.inverted_speech_verbs)
                if who and re.search(r"[:,]\s*$", text[s0:qs]):
                    found = Attribution("direct_quote", who.actor, v.text.lower(), who.resolved, qid)
        quote_speaker[qid] = found or Attribution("direct_quote", None, "", False, qid)

    for sid, s, e, quote_id in sentences:
        mentions = by_sentence.get(sid, [])
        att = None
        quoted_chars = sum(min(e, qe) - max(s, qs) for qs, qe in quotes.overlapping(s, e))
        starts_inside = quotes.holds(s)
        if not pd.isna(quote_id) and (quoted_chars >= 0.5 * (e - s) or starts_inside):
            att = quote_speaker.get(int(quote_id))
            if att is not None and att.speaker is None:
                own = None if starts_inside else _reported_speaker(text, s, e, mentions, quotes, index)
                if own is not None:
                    # A quoted phrase inside reported speech ('the ministry said Tokyo "strongly
                    # opposes ..."'): the sentence's own speaker.
                    att = replace(own, attribution="direct_quote", quote_id=int(quote_id))
                elif last_reported is not None:
                    # An untagged quotation continues the most recent speaker (news convention).
                    att = Attribution("direct_quote", last_reported.speaker, last_reported.speech_verb, True,
                                      int(quote_id))
        if att is None:
            att = _reported_speaker(text, s, e, mentions, quotes, index)
        att = att or (Attribution("author", voice, "", True) if voice is not None else Attribution())
        result[sid] = att
        if att.speaker is not None:
            last_reported = att
    return result


def _reported_speaker(text: str, s: int, e: int, mentions: list[Mention], quotes: Spans,
                      index: ActorIndex) -> Attribution | None:
    """Reported speech: the first speech verb of ``text[s:e]`` outside quotation marks whose
    speaker is named."""
    for v in index.speech.finditer(text, s, e):
        if quotes.holds(v.start):
            continue
        who = _speaker_near_verb(text, v.start, v.end, mentions, s, e, index.inverted_speech_verbs)
        if who:
            return Attribution("reported", who.actor, v.text.lower(), who.resolved, verb_end=v.end)
    return None


# --------------------------------------------------------------------------- tables

def analyse_documents(documents: pd.DataFrame, sentences: pd.DataFrame,
                      codebooks: Codebooks) -> dict[str, DocumentMentions]:
    """Mentions and attribution of every document, computed once and shared by the
    mention tables, stance, framing and timelines."""
    index = actor_index(codebooks)
    by_doc = rows_by_document(sentences, ["sentence_id", "char_start", "char_end", "quote_id"])
    voices = documents[VOICE_COLUMN] if VOICE_COLUMN in documents.columns else pd.Series(None, index=documents.index)
    datelines = documents["dateline"] if "dateline" in documents.columns else pd.Series("", index=documents.index)
    out = {}
    for doc_id, text, voice, line in zip(documents["doc_id"], documents["text"], voices, datelines):
        sents = by_doc.get(doc_id)
        if sents is not None:
            at = text.find(line) if isinstance(line, str) and line else -1
            out[doc_id] = document_mentions(text, sents, index=index, voice=voice_actor(voice, index),
                                            dateline=(at, at + len(line)) if at >= 0 else None)
    return out


def mention_tables(documents: pd.DataFrame, analysed: dict[str, DocumentMentions]) -> dict[str, pd.DataFrame]:
    """The ``mentions`` and ``attribution`` tables from :func:`analyse_documents`."""
    m_rows, a_rows = [], []
    for doc_id in documents["doc_id"]:
        dm = analysed.get(doc_id)
        if dm is None:
            continue
        for i, m in enumerate(dm.mentions):
            a = m.actor
            m_rows.append((doc_id, m.sentence_id, i, m.start, m.end, m.text, m.kind, m.canonical,
                           a.type if a else "", a.affiliation if a else "", "; ".join(a.roles) if a else "",
                           m.source, m.resolved, m.resolved_from))
        for sid, att in dm.attribution.items():
            sp = att.speaker
            a_rows.append((doc_id, sid, att.attribution, sp.name if sp else "", sp.type if sp else "",
                           (sp.affiliation or (sp.name if sp.type == "state" else "")) if sp else "",
                           att.speech_verb, att.resolved, att.quote_id))
    mentions = pd.DataFrame(m_rows, columns=MENTION_COLUMNS)
    attribution = pd.DataFrame(a_rows, columns=ATTRIBUTION_COLUMNS)
    attribution["quote_id"] = attribution["quote_id"].astype("Int64")
    return {"mentions": mentions, "attribution": attribution}


def mentions_stage(tables: dict, rules) -> dict:
    """Mentions and attribution of a partition; the mentions as objects too, for the later stages."""
    analysed = analyse_documents(tables["documents"], tables["sentences"], rules.codebooks)
    return {"document_mentions": analysed, **mention_tables(tables["documents"], analysed)}


STAGE = Stage("mentions", mentions_stage, requires=("documents", "sentences"),
              provides=("document_mentions", "mentions", "attribution"),
              reads=("actors", "places", "issues", "stance"))
