"""Loading and validating the package's YAML configuration and codebooks.

Every file is validated on load; a bad entry raises :class:`~analysis.errors.CodebookError`
naming the file, the entry and the problem, so a researcher editing a copy knows
exactly what to fix.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import CodebookError

PACKAGE_DIR = Path(__file__).resolve().parent
CONFIG_DIR = PACKAGE_DIR / "config"
CODEBOOK_DIR = PACKAGE_DIR / "codebooks"


def read_yaml(path: Path) -> Any:
    """Parse a YAML file, turning syntax errors into one-line errors with the line number."""
    path = Path(path)
    if not path.is_file():
        raise CodebookError(f"{path}: file does not exist")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise CodebookError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
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
