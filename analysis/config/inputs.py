"""One description of a run: what to read, with which rules, on which engine.

:class:`RunInputs` is built once (by the command line, the report runner or a notebook)
and handed down: the ``tables`` command and the report runner take it, the tables folder
records it (``run.json``), and a notebook reading those tables loads the same codebooks
from it. :func:`load_rules` turns its paths into the validated objects the stages use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from ..errors import ParameterError
from .codebooks import CODEBOOK_DIR, Codebooks, codebook_files, load_codebooks
from .corpus import CorpusConfig, load_corpus_config

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class CorpusSource:
    """Where the corpus is and how to read it (see the README, "Corpus formats")."""

    path: Path
    text_column: str = "text"
    id_column: str = "doc_id"
    filename_pattern: str | None = None
    recursive: bool = False


@dataclass(frozen=True)
class EngineOptions:
    """How the partitions are computed; never what comes out (every engine gives the same bytes)."""

    engine: str = "local"
    jobs: int | None = None
    scheduler: str | None = None
    partition_size: int = 200
    partition_chars: int = 1_000_000
    cache_dir: Path | None = None
    no_cache: bool = False
    progress: bool = False

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ParameterError(f"--engine: unknown engine {self.engine!r} (valid: {', '.join(ENGINES)})")
        if self.partition_size < 1:
            raise ParameterError("--partition-size must be at least 1")
        if self.partition_chars < 1:
            raise ParameterError("--partition-chars must be at least 1")


@dataclass(frozen=True)
class RunInputs:
    """A run's inputs: the corpus and its reading options, the paths of the researcher's
    rules (empty: the package's), and the engine options."""

    corpus: CorpusSource
    corpus_config: Path | None = None
    codebooks: Path | None = None
    frames: Path | None = None
    engine: EngineOptions = field(default_factory=EngineOptions)

    def rule_files(self) -> list[Path]:
        """The researcher's own rule files (hashed into the report's keys and manifest)."""
        out = [p for p in (self.corpus_config, self.frames) if p]
        if self.codebooks:
            used = codebook_files(self.codebooks, frames=self.frames).values()
            out += sorted({p for p in used if p.parent != CODEBOOK_DIR and p not in out})
        return out

    def to_dict(self) -> dict:
        """The paths (absolute) and reading options, not the engine: what ``run.json`` records."""
        def plain(value):
            return str(Path(value).resolve()) if isinstance(value, Path) else value

        data = {f.name: plain(getattr(self, f.name)) for f in fields(self) if f.name != "engine"}
        data["corpus"] = {k: plain(v) for k, v in asdict(self.corpus).items()}
        return data

    @classmethod
    def from_dict(cls, data: dict) -> RunInputs:
        corpus = dict(data["corpus"], path=Path(data["corpus"]["path"]))
        paths = {k: Path(data[k]) if data.get(k) else None for k in ("corpus_config", "codebooks", "frames")}
        return cls(corpus=CorpusSource(**corpus), **paths)


@dataclass(frozen=True)
class Rules:
    """Everything besides the documents that the analysis depends on, loaded and validated."""

    corpus_config: CorpusConfig
    codebooks: Codebooks

    def digest(self, parts: tuple[str, ...]) -> str:
        """Hash of the named parts (``corpus_config`` or codebook parts) for cache keys."""
        books = tuple(p for p in parts if p != "corpus_config")
        config = self.corpus_config.source.sha256 if "corpus_config" in parts else ""
        return f"{config}:{self.codebooks.digest(books) if books else ''}"


def load_rules(inputs: RunInputs | None = None) -> Rules:
    """The corpus configuration and the codebooks a run uses (the package's by default)."""
    inputs = inputs or RunInputs(CorpusSource(Path(".")))
    return Rules(load_corpus_config(inputs.corpus_config), load_codebooks(inputs.codebooks, frames=inputs.frames))
