"""The corpus configuration (``config/corpus.yaml``): how page debris and headlines are
recognised, and which words are stop words."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import CodebookError
from ..lang.resources import stopwords as package_stopwords
from .yamlfile import SourceFile, check, read_yaml

CONFIG_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class CorpusConfig:
    """How page debris and headlines are recognised (see ``config/corpus.yaml``)."""

    separators: tuple[str, ...]
    min_separators: int
    footer_markers: frozenset[str]
    headline_max_words: int
    stopwords: frozenset[str]
    source: SourceFile


_KEYS = {"navigation", "footer_markers", "headline", "stopwords"}


def load_corpus_config(path: str | Path | None = None) -> CorpusConfig:
    """Load and validate a corpus configuration (default: the package's ``corpus.yaml``)."""
    path = Path(path) if path else CONFIG_DIR / "corpus.yaml"
    data, source = read_yaml(path)
    check(isinstance(data, dict), path, "(top level)", "must be a mapping")
    unknown = set(data) - _KEYS
    check(not unknown, path, ", ".join(sorted(unknown)), f"unknown key (valid: {', '.join(sorted(_KEYS))})")
    nav = data.get("navigation") or {}
    check(isinstance(nav, dict), path, "navigation", "must be a mapping")
    seps = nav.get("separators", ["|"])
    check(isinstance(seps, list) and all(isinstance(s, str) and s for s in seps), path,
          "navigation.separators", "must be a list of non-empty strings")
    min_sep = nav.get("min_separators", 2)
    check(isinstance(min_sep, int) and min_sep >= 1, path, "navigation.min_separators", "must be an integer >= 1")
    markers = data.get("footer_markers") or []
    check(isinstance(markers, list) and all(isinstance(m, str) and m.strip() for m in markers), path,
          "footer_markers", "must be a list of non-empty strings")
    headline = data.get("headline") or {}
    max_words = headline.get("max_words", 20) if isinstance(headline, dict) else None
    check(isinstance(max_words, int) and max_words >= 1, path, "headline.max_words", "must be an integer >= 1")
    stop = data.get("stopwords") or {}
    check(isinstance(stop, dict), path, "stopwords", "must be a mapping with language, keep, add")
    language = stop.get("language", "english")
    try:
        base = package_stopwords(language)
    except Exception:  # the package raises its own error type for an unknown language
        raise CodebookError(f"{path}: entry 'stopwords.language': no stop-word list for {language!r}") from None
    for key in ("keep", "add"):
        words = stop.get(key) or []
        check(isinstance(words, list), path, f"stopwords.{key}", "must be a list of words")
        for i, w in enumerate(words):
            check(isinstance(w, str), path, f"stopwords.{key}[{i}]",
                  f"{w!r} is not a word (quote it: YAML reads bare no/yes/on/off as booleans)")
    keep = {w.lower() for w in stop.get("keep") or []}
    add = {w.lower() for w in stop.get("add") or []}
    return CorpusConfig(
        separators=tuple(seps),
        min_separators=min_sep,
        footer_markers=frozenset(normalise_marker(m) for m in markers),
        headline_max_words=max_words,
        stopwords=frozenset((base - keep) | add),
        source=source,
    )


def normalise_marker(text: str) -> str:
    """A footer line as it is compared with the markers ("Related News:" -> "related news").

    >>> normalise_marker("  Related News: ")
    'related news'
    """
    return text.strip().rstrip(":…. ").casefold()
