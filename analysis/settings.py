"""Loading and validating the package's YAML configuration and codebooks.

Every file is validated on load; a bad entry raises :class:`~analysis.errors.CodebookError`
naming the file, the entry and the problem, so a researcher editing a copy knows
exactly what to fix.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .errors import CodebookError

PACKAGE_DIR = Path(__file__).resolve().parent
CONFIG_DIR = PACKAGE_DIR / "config"
CODEBOOK_DIR = PACKAGE_DIR / "codebooks"


#: ``yaml.safe_load``'s loader, on libyaml when PyYAML was built with it (the wheels are):
#: parsing the codebooks is most of a warm run's own work, and libyaml does it ~5x faster.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning syntax errors into one-line errors with the line number."""
    path = Path(path)
    if not path.is_file():
        raise CodebookError(f"{path}: file does not exist")
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except UnicodeDecodeError as exc:
        raise CodebookError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except ValueError as exc:  # PyYAML raises it for impossible dates such as 2022-13-40
        raise CodebookError(f"{path}: invalid value ({exc})") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CodebookError(f"{path}{where}: invalid YAML ({problem})") from None


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _expect(cond: bool, path: Path, entry: str, problem: str) -> None:
    if not cond:
        raise CodebookError(f"{path}: entry '{entry}': {problem}")


def _known_fields(path: Path, where: str, entry: dict, allowed: set[str] | tuple[str, ...]) -> None:
    """A codebook entry may only use the fields its file defines (a typo is an error, not ignored)."""
    unknown = set(entry) - set(allowed)
    _expect(not unknown, path, where, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}")


def _listed(path: Path, data: object, key: str) -> list:
    """The list of entries under ``key:`` at the top of a codebook file."""
    _expect(isinstance(data, dict) and isinstance(data.get(key), list), path, key,
            f"the file must hold a list under '{key}:'")
    return data[key]


@dataclass(frozen=True)
class CorpusConfig:
    """How page debris and headlines are recognised (see ``config/corpus.yaml``)."""

    separators: tuple[str, ...]
    min_separators: int
    footer_markers: frozenset[str]
    headline_max_words: int
    stopwords: frozenset[str]
    source: Path


def load_corpus_config(path: Path | None = None) -> CorpusConfig:
    path = Path(path) if path else CONFIG_DIR / "corpus.yaml"
    data = read_yaml(path)
    _expect(isinstance(data, dict), path, "(top level)", "must be a mapping")
    valid_keys = {"navigation", "footer_markers", "headline", "stopwords"}
    unknown = set(data) - valid_keys
    _expect(not unknown, path, ", ".join(sorted(unknown)), f"unknown key (valid: {', '.join(sorted(valid_keys))})")
    nav = data.get("navigation") or {}
    _expect(isinstance(nav, dict), path, "navigation", "must be a mapping")
    seps = nav.get("separators", ["|"])
    _expect(isinstance(seps, list) and all(isinstance(s, str) and s for s in seps), path,
            "navigation.separators", "must be a list of non-empty strings")
    min_sep = nav.get("min_separators", 2)
    _expect(isinstance(min_sep, int) and min_sep >= 1, path, "navigation.min_separators", "must be an integer >= 1")
    markers = data.get("footer_markers") or []
    _expect(isinstance(markers, list) and all(isinstance(m, str) and m.strip() for m in markers), path,
            "footer_markers", "must be a list of non-empty strings")
    headline = data.get("headline") or {}
    max_words = headline.get("max_words", 20) if isinstance(headline, dict) else None
    _expect(isinstance(max_words, int) and max_words >= 1, path, "headline.max_words", "must be an integer >= 1")
    stop = data.get("stopwords") or {}
    _expect(isinstance(stop, dict), path, "stopwords", "must be a mapping with language, keep, add")
    language = stop.get("language", "english")
    from .resources import stopwords as package_stopwords

    try:
        base = package_stopwords(language)
    except Exception:  # the package raises its own error type for an unknown language
        raise CodebookError(f"{path}: entry 'stopwords.language': no stop-word list for {language!r}") from None
    for key in ("keep", "add"):
        words = stop.get(key) or []
        _expect(isinstance(words, list), path, f"stopwords.{key}", "must be a list of words")
        for i, w in enumerate(words):
            _expect(isinstance(w, str), path, f"stopwords.{key}[{i}]",
                    f"{w!r} is not a word (quote it: YAML reads bare no/yes/on/off as booleans)")
    keep = {w.lower() for w in stop.get("keep") or []}
    add = {w.lower() for w in stop.get("add") or []}
    return CorpusConfig(
        separators=tuple(seps),
        min_separators=min_sep,
        footer_markers=frozenset(normalise_marker(m) for m in markers),
        headline_max_words=max_words,
        stopwords=frozenset((base - keep) | add),
        source=path,
    )


def normalise_marker(text: str) -> str:
    return text.strip().rstrip(":…. ").casefold()


# --------------------------------------------------------------------------- codebooks

ACTOR_TYPES = ("state", "leader", "official", "organisation", "expert", "media", "group")
PERSON_TYPES = ("leader", "official", "expert", "media")
STANCES = ("support", "oppose", "neutral")
TARGET_MODES = ("after", "before", "complement")


def _str_list(value, path: Path, entry: str, *, required: bool = False) -> list[str]:
    if value is None:
        value = []
    if isinstance(value, str):
        value = [value]
    _expect(isinstance(value, list), path, entry, "must be a list of strings")
    for i, v in enumerate(value):
        _expect(isinstance(v, str) and v.strip() != "", path, f"{entry}[{i}]",
                f"{v!r} is not a non-empty string (quote it: YAML reads bare no/yes/on/off as booleans)")
    _expect(not required or value, path, entry, "must not be empty")
    return [v.strip() for v in value]


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
class Issue:
    id: str
    label: str
    aliases: tuple[str, ...]
    broader: str = ""


@dataclass(frozen=True)
class CueFamily:
    id: str
    patterns: tuple[str, ...]
    stance: str
    act: str
    negated: tuple[str, str] | None  # (stance, act), or None: a negated cue is dropped
    targets: str = "after"
    prefer: str = "any"
    only_negated: bool = False


@dataclass(frozen=True)
class Codebooks:
    actors: tuple[Actor, ...]
    role_references: dict
    titles: dict
    apposition_roles: dict
    countries: dict  # canonical name -> {"iso", "names", "demonyms", "capitals"}
    location_prepositions: frozenset[str]
    demonym_heads: frozenset[str]
    issues: tuple[Issue, ...]
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
    files: dict  # name -> path, for the manifest and the codebook appendix

    def digest(self) -> str:
        h = hashlib.sha256()
        for name in sorted(self.files):
            h.update(name.encode())
            h.update(Path(self.files[name]).read_bytes())
        return h.hexdigest()


def _load_actors(path: Path) -> tuple[tuple[Actor, ...], dict, dict, dict]:
    data = read_yaml(path)
    actors, seen = [], set()
    for i, entry in enumerate(_listed(path, data, "actors")):
        where = f"actors[{i}]"
        _expect(isinstance(entry, dict), path, where, "must be a mapping with name, type, aliases")
        name = entry.get("name")
        _expect(isinstance(name, str) and name.strip(), path, where, "needs a 'name'")
        where = f"actors[{i}] ({name})"
        _known_fields(path, where, entry, ("name", "type", "affiliation", "role", "aliases", "gender"))
        _expect(name not in seen, path, where, "duplicate name")
        seen.add(name)
        _expect(entry.get("type") in ACTOR_TYPES, path, where,
                f"type {entry.get('type')!r} is not one of {', '.join(ACTOR_TYPES)}")
        affiliation = entry.get("affiliation") or ""
        _expect(isinstance(affiliation, str), path, where, "affiliation must be a country name")
        gender = entry.get("gender") or ""
        _expect(gender in ("", "m", "f"), path, where, "gender must be m or f")
        actors.append(Actor(name=name.strip(), type=entry["type"], affiliation=affiliation,
                            roles=tuple(_str_list(entry.get("role"), path, f"{where}.role")),
                            aliases=tuple(_str_list(entry.get("aliases"), path, f"{where}.aliases")),
                            gender=gender))
    roles = data.get("role_references") or {}
    _expect(isinstance(roles, dict), path, "role_references", "must map phrases to role lists")
    roles = {k.lower(): tuple(_str_list(v, path, f"role_references.{k}", required=True)) for k, v in roles.items()}
    titles = data.get("titles") or {}
    _expect(isinstance(titles, dict) and set(titles) <= set(ACTOR_TYPES), path, "titles",
            f"must map actor types ({', '.join(ACTOR_TYPES)}) to title lists")
    titles = {k: tuple(_str_list(v, path, f"titles.{k}")) for k, v in titles.items()}
    appos = data.get("apposition_roles") or {}
    _expect(isinstance(appos, dict) and set(appos) <= set(ACTOR_TYPES), path, "apposition_roles",
            f"must map actor types ({', '.join(ACTOR_TYPES)}) to word lists")
    appos = {k: tuple(w.lower() for w in _str_list(v, path, f"apposition_roles.{k}")) for k, v in appos.items()}
    return tuple(actors), roles, titles, appos


def _load_places(path: Path) -> tuple[dict, frozenset[str], frozenset[str]]:
    import pycountry

    data = read_yaml(path)
    _expect(isinstance(data, dict) and isinstance(data.get("countries"), dict), path, "countries",
            "the file must hold a 'countries:' mapping")
    countries = {}
    for name, entry in data["countries"].items():
        where = f"countries.{name}"
        _expect(isinstance(entry, dict), path, where, "must be a mapping (iso, names, demonyms, capitals)")
        _known_fields(path, where, entry, ("iso", "names", "demonyms", "capitals"))
        iso = entry.get("iso")
        _expect(iso is None or (isinstance(iso, str) and pycountry.countries.get(alpha_3=iso) is not None),
                path, where, f"iso {iso!r} is not an ISO 3166 alpha-3 code")
        countries[name] = {
            "iso": iso or "",
            "names": _str_list(entry.get("names"), path, f"{where}.names"),
            "demonyms": _str_list(entry.get("demonyms"), path, f"{where}.demonyms"),
            "capitals": _str_list(entry.get("capitals"), path, f"{where}.capitals"),
        }
    preps = frozenset(w.lower() for w in _str_list(data.get("location_prepositions"), path, "location_prepositions"))
    heads = frozenset(w.lower() for w in _str_list(data.get("demonym_heads"), path, "demonym_heads"))
    return countries, preps, heads


def _load_issues(path: Path) -> tuple[Issue, ...]:
    data = read_yaml(path)
    issues, seen = [], set()
    for i, entry in enumerate(_listed(path, data, "issues")):
        where = f"issues[{i}]"
        _expect(isinstance(entry, dict), path, where, "must be a mapping with id, label, aliases")
        iid = entry.get("id")
        _expect(isinstance(iid, str) and re.fullmatch(r"[a-z][a-z0-9_]*", iid or "") is not None, path, where,
                f"id {iid!r} must be snake_case (a-z, 0-9, _)")
        where = f"issues[{i}] ({iid})"
        _expect(iid not in seen, path, where, "duplicate id")
        seen.add(iid)
        _known_fields(path, where, entry, ("id", "label", "aliases", "broader"))
        label = entry.get("label") or iid.replace("_", " ")
        issues.append(Issue(id=iid, label=str(label),
                            aliases=tuple(_str_list(entry.get("aliases"), path, f"{where}.aliases", required=True)),
                            broader=str(entry.get("broader") or "")))
    for i, issue in enumerate(issues):
        _expect(not issue.broader or issue.broader in seen, path, f"issues[{i}] ({issue.id}).broader",
                f"{issue.broader!r} is not an issue id")
    return tuple(issues)


def _load_stance(path: Path, issue_ids: set[str]) -> dict:
    data = read_yaml(path)
    _expect(isinstance(data, dict) and isinstance(data.get("cues"), dict), path, "cues",
            "the file must hold a 'cues:' mapping of cue families")
    families = []
    for fid, entry in data["cues"].items():
        where = f"cues.{fid}"
        _expect(isinstance(entry, dict), path, where, "must be a mapping (patterns, stance, act, negated)")
        _known_fields(path, where, entry, ("patterns", "stance", "act", "negated", "targets", "prefer", "only_negated"))
        _expect(entry.get("stance") in STANCES, path, where, f"stance must be one of {', '.join(STANCES)}")
        act = entry.get("act")
        _expect(isinstance(act, str) and act, path, where, "needs an 'act'")
        neg = entry.get("negated", "drop")
        if neg == "drop":
            negated = None
        else:
            _expect(isinstance(neg, dict) and neg.get("stance") in STANCES and isinstance(neg.get("act"), str),
                    path, f"{where}.negated", "must be 'drop' or {stance: support|oppose|neutral, act: ...}")
            negated = (neg["stance"], neg["act"])
        targets = entry.get("targets", "after")
        _expect(targets in TARGET_MODES, path, f"{where}.targets", f"must be one of {', '.join(TARGET_MODES)}")
        prefer = entry.get("prefer", "any")
        _expect(prefer in ("any", "issue", "issue_only", "actor"), path, f"{where}.prefer",
                "must be one of any, issue, issue_only, actor")
        families.append(CueFamily(id=fid, patterns=tuple(_str_list(entry.get("patterns"), path, f"{where}.patterns",
                                                                     required=True)),
                                  stance=entry["stance"], act=act, negated=negated, targets=targets,
                                  prefer=prefer, only_negated=bool(entry.get("only_negated", False))))
    neg = data.get("negation") or {}
    scope = neg.get("scope", 4)
    _expect(isinstance(scope, int) and 1 <= scope <= 10, path, "negation.scope", "must be an integer from 1 to 10")
    default = data.get("neutral_default_target", "")
    _expect(not default or default in issue_ids, path, "neutral_default_target",
            f"{default!r} is not an issue id in issues.yaml")
    neutral_targets = _str_list(data.get("neutral_targets"), path, "neutral_targets")
    for i, t in enumerate(neutral_targets):
        _expect(t in issue_ids, path, f"neutral_targets[{i}]", f"{t!r} is not an issue id in issues.yaml")
    return {
        "cues": tuple(families),
        "negators": tuple(_str_list(neg.get("negators"), path, "negation.negators", required=True)),
        "negation_scope": scope,
        "hedges": tuple(_str_list(data.get("hedges"), path, "hedges")),
        "boosters": tuple(_str_list(data.get("boosters"), path, "boosters")),
        "modals": tuple(_str_list(data.get("modals"), path, "modals")),
        "speech_verbs": tuple(_str_list(data.get("speech_verbs"), path, "speech_verbs", required=True)),
        "inverted_speech_verbs": tuple(v.lower() for v in _str_list(data.get("inverted_speech_verbs"), path,
                                                                     "inverted_speech_verbs")),
        "neutral_default_target": default,
        "neutral_targets": tuple(neutral_targets),
        "conditionals": tuple(_str_list(data.get("conditionals"), path, "conditionals")),
    }


CODEBOOK_FILES = ("actors.yaml", "places.yaml", "issues.yaml", "stance.yaml")


def load_codebooks(directory: str | Path | None = None) -> Codebooks:
    """Load and validate the codebooks from ``directory`` (default: the package's own).

    A researcher's folder may hold only some of the files; the others come from the
    package. Every file is validated; a bad entry raises CodebookError naming it.
    """
    directory = Path(directory) if directory else CODEBOOK_DIR
    if not directory.is_dir():
        raise CodebookError(f"{directory}: codebook folder does not exist")
    files = {name: (directory / name if (directory / name).is_file() else CODEBOOK_DIR / name)
             for name in CODEBOOK_FILES}
    return _load_codebooks_cached(tuple(sorted((k, str(v)) for k, v in files.items())))


@lru_cache(maxsize=8)
def _load_codebooks_cached(files: tuple[tuple[str, str], ...]) -> Codebooks:
    paths = {k: Path(v) for k, v in files}
    actors, roles, titles, appos = _load_actors(paths["actors.yaml"])
    countries, preps, heads = _load_places(paths["places.yaml"])
    issues = _load_issues(paths["issues.yaml"])
    stance = _load_stance(paths["stance.yaml"], {i.id for i in issues})
    for a in actors:
        if a.affiliation and a.affiliation not in countries:
            raise CodebookError(f"{paths['actors.yaml']}: entry '{a.name}': affiliation {a.affiliation!r} is not a "
                                f"country in {paths['places.yaml'].name}")
    return Codebooks(actors=actors, role_references=roles, titles=titles, apposition_roles=appos,
                     countries=countries, location_prepositions=preps, demonym_heads=heads, issues=issues,
                     files={k: str(v) for k, v in paths.items()}, **stance)
