"""Making the tables: in memory, at scale, or for a notebook.

* :func:`build_tables`: every table of a corpus in memory (small corpora, tests);
* :func:`run_tables`: the ``tables`` command: the corpus streamed in partitions through an
  engine, with the partition cache; writes the CSV and Parquet tables and ``run.json``
  (the run's inputs and the hashes of its rules);
* :func:`load_or_build`: what a notebook starts from: the tables, and the codebooks they
  were coded with (read from ``run.json``, so a summary never uses other codebooks than
  the tables did). In JupyterLab, where no runner made the tables, the notebook makes them
  with :func:`run_tables` into the project's ``.cache/`` folder, so the next notebook on the
  same corpus (or the same one run again) reuses them instead of computing them again.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from ..atomic import write_atomic
from ..config.codebooks import Codebooks
from ..config.inputs import CorpusSource, EngineOptions, Rules, RunInputs, load_rules
from ..errors import UserError
from ..paths import CACHE_DIR, project_path
from ..stages.corpus_dating import cross_date, narrowed_intervals, redate_timeline
from ..stages.events import merge_events
from ..text.corpus import iter_documents, iter_record_batches, skipped_files, validate_corpus
from .assemble import assemble
from .engines import RunStats, run_partitions
from .hashing import digest, output_hashes
from .partition import analyse_partition
from .tables import read_tables

#: The file in a tables folder that records the run's inputs.
RUN_FILE = "run.json"
#: Written last by a run that assembled the tables: partition keys, row counts, file hashes.
ASSEMBLED_FILE = "parquet/_partitions.json"
#: The outputs a warm run checks before keeping them: every table, in CSV and in Parquet.
TABLE_FILES = ("*.csv", "parquet/*/*.parquet")


def as_inputs(corpus: RunInputs | str | Path) -> RunInputs:
    """A corpus path as run inputs with the package's rules (run inputs as they are)."""
    return corpus if isinstance(corpus, RunInputs) else RunInputs(CorpusSource(Path(corpus)))


def build_tables(corpus: RunInputs | str | Path, *, rules: Rules | None = None) -> dict[str, pd.DataFrame]:
    """Load the corpus and compute every table in memory (nothing is written). For corpora
    too large for memory use :func:`run_tables`, which gives the same tables."""
    inputs = as_inputs(corpus)
    rules = rules or load_rules(inputs)  # every rule validated before any work
    documents = next(iter_documents(inputs.corpus, chunk_size=10 ** 9, config=rules.corpus_config))
    tables = analyse_partition(documents, rules)
    # Dated by the rest of the corpus first, so that the narrowed articles' dates are resolved
    # again before events are lined up.
    dated = cross_date(tables["documents"], tables["timeline"])
    tables["timeline"] = redate_timeline(tables["timeline"], dated, tables["sentences"],
                                         narrowed_intervals(tables["documents"], dated))
    tables["documents"] = dated
    tables["timeline"], tables["events"], tables["event_merges"] = merge_events(tables["timeline"])
    return tables


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def check_output_folder(out_dir: str | Path, inputs: RunInputs) -> Path:
    """Refuse, with one line, an output folder that would overwrite or mix with the inputs:
    one that is a file, is or lies inside the corpus, holds the corpus or an input file
    (a codebook, the corpus configuration), or cannot be created. Nothing is created here."""
    out = Path(out_dir).expanduser().resolve()
    corpus = Path(inputs.corpus.path).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise UserError(f"{out_dir}: exists and is not a folder; give --out a folder")
    if _inside(out, corpus):
        raise UserError(f"{out_dir}: the output folder is the corpus or lies inside it ({inputs.corpus.path}); "
                        "choose a folder outside the corpus")
    inputs_inside = [p for p in [corpus, *inputs.rule_files()] if _inside(Path(p).resolve(), out)]
    if inputs_inside:
        raise UserError(f"{out_dir}: the output folder holds an input ({inputs_inside[0]}); writing there could "
                        "replace it; choose another folder")
    existing = next(p for p in (out, *out.parents) if p.exists())
    if not existing.is_dir():
        raise UserError(f"{out_dir}: cannot be created: {existing} is not a folder")
    try:  # the only sure test that a folder can be made there: make one, and take it away
        os.rmdir(tempfile.mkdtemp(prefix=".probe.", dir=existing))
    except OSError as exc:
        raise UserError(f"{out_dir}: cannot be created in {existing} ({exc.strerror})") from None
    return out


def run_tables(inputs: RunInputs, out_dir: str | Path) -> tuple[dict[str, int], RunStats]:
    """The ``tables`` command: stream the corpus in partitions, analyse them on the chosen
    engine (reusing cached partitions), and write ``out_dir/<table>.csv``,
    ``out_dir/parquet/<table>/part-NNNNN.parquet`` and ``out_dir/run.json``."""
    out_dir = Path(out_dir)
    check_output_folder(out_dir, inputs)
    rules = load_rules(inputs)  # every rule validated before any work
    # A first streaming pass validates the whole corpus, so bad input fails before any output.
    validate_corpus(inputs.corpus)
    engine = inputs.engine
    cache_dir = Path(engine.cache_dir) if engine.cache_dir else out_dir / ".cache" / "partitions"
    # Raw records: each worker builds its partition's documents table, so a warm run
    # (every partition cached) reads and hashes the corpus and builds nothing.
    partitions = iter_record_batches(inputs.corpus, chunk_size=engine.partition_size,
                                     chunk_chars=engine.partition_chars)
    keys, stats = run_partitions(partitions, rules=rules, cache_dir=cache_dir, options=engine)
    stats.skipped = [p.name for p in skipped_files(inputs.corpus)]
    record = json.dumps({"inputs": inputs.to_dict(), "rules": rule_hashes(rules)}, indent=1, sort_keys=True) + "\n"
    # Nothing changed since the tables in out_dir were assembled, and they are as written: keep
    # them (a warm re-run). A table truncated, edited or deleted since is assembled again.
    previous = _assembled(out_dir)
    if not engine.no_cache and previous.get("keys") == keys and tables_intact(out_dir):
        write_atomic(out_dir / RUN_FILE, record)
        return previous["rows"], stats
    rows = assemble(keys, cache_dir=cache_dir, out_dir=out_dir)
    write_atomic(out_dir / ASSEMBLED_FILE, json.dumps({"keys": keys, "rows": rows,
                                                       "files": output_hashes(out_dir, TABLE_FILES)}))
    write_atomic(out_dir / RUN_FILE, record)
    return rows, stats


def _assembled(out_dir: Path) -> dict:
    """What the last run recorded when it assembled the tables in ``out_dir`` (or nothing)."""
    try:
        return json.loads((out_dir / ASSEMBLED_FILE).read_text())
    except (OSError, ValueError):
        return {}


def tables_intact(out_dir: str | Path) -> bool:
    """Whether the tables in ``out_dir`` are exactly as the run that assembled them wrote them."""
    recorded = _assembled(Path(out_dir)).get("files")
    return recorded is not None and recorded == output_hashes(Path(out_dir), TABLE_FILES)


def rule_hashes(rules: Rules) -> dict[str, str]:
    """SHA-256 of every rule file read, by part."""
    return {"corpus_config": rules.corpus_config.source.sha256,
            **{part: f.sha256 for part, f in rules.codebooks.files.items()}}


# --------------------------------------------------------------------------- for notebooks

class DocumentRows:
    """Where each document's rows are in each table (their positions, by ``doc_id``), found
    once per table and kept with the tables: a page about one document takes its rows without
    scanning the corpus's tables, so a thousand pages cost a thousand times one."""

    def __init__(self):
        self._rows: dict[str, dict] = {}

    def of(self, name: str, table: pd.DataFrame) -> dict:
        if name not in self._rows:
            self._rows[name] = table.groupby("doc_id", sort=False).indices if "doc_id" in table else {}
        return self._rows[name]


#: The tables an article page shows, in :meth:`RunTables.for_document`.
ARTICLE_TABLES = ("documents", "paragraphs", "sentences", "stance", "frames", "timeline")


@dataclass
class RunTables:
    """A notebook's starting point: the tables, the codebooks they were made with, the inputs."""

    tables: Mapping[str, pd.DataFrame]
    codebooks: Codebooks
    inputs: RunInputs
    rows: DocumentRows = field(default_factory=DocumentRows)

    def for_document(self, doc_id: str = "", names: tuple[str, ...] = ARTICLE_TABLES) -> dict[str, pd.DataFrame]:
        """The rows of one document in each table of ``names``, in table order: ``doc_id``
        checked (an unknown one is an error naming the closest ids), the first document when
        empty."""
        from ..views.choices import pick_one

        documents = self.tables["documents"]
        if documents.empty:
            raise ValueError("the documents table is empty")
        ids = self.rows.of("documents", documents)
        if not doc_id:
            doc_id = documents["doc_id"].iloc[0]
        elif doc_id not in ids:  # the id as written in the table, or an error naming the closest ids
            doc_id = pick_one(str(doc_id), documents["doc_id"], what="doc_id")
        out = {}
        for name in names:
            table = self.tables[name]
            rows = self.rows.of(name, table).get(doc_id)
            out[name] = table.iloc[rows] if rows is not None else table.iloc[0:0]
        return out


def notebook_cache() -> Path:
    """Where notebooks keep the tables they make: the project's ``.cache/`` folder, or a
    private folder in the system's temporary folder when the project cannot be written to."""
    if os.access(CACHE_DIR if CACHE_DIR.exists() else CACHE_DIR.parent, os.W_OK):
        return CACHE_DIR
    return Path(tempfile.gettempdir()) / f"diplomatic-news-{os.getuid()}"


def tables_for_notebook(inputs: RunInputs) -> Path:
    """The tables of ``inputs``, made (or brought up to date) in the notebook cache."""
    cache = notebook_cache()
    folder = cache / "notebook-tables" / digest(json.dumps(inputs.to_dict(), sort_keys=True))[:16]
    engine = EngineOptions(cache_dir=cache / "partitions")
    run_tables(replace(inputs, engine=engine), folder)
    return folder


def load_or_build(*, corpus: str | Path = "", tables_dir: str | Path = "",
                  frames_codebook: str | Path = "") -> RunTables:
    """Tables for a notebook: read from ``tables_dir`` when the report runner made them
    (with the codebooks recorded in its ``run.json``), otherwise made from ``corpus`` into
    the notebook cache (:func:`tables_for_notebook`), with ``frames_codebook`` when given.
    Relative paths are read from the project folder (:func:`analysis.paths.project_path`)."""
    frames = project_path(frames_codebook, what="frames codebook") if frames_codebook else None
    if not tables_dir:
        inputs = RunInputs(CorpusSource(project_path(corpus, what="corpus")), frames=frames)
        folder = tables_for_notebook(inputs)
        return RunTables(read_tables(folder, lazy=True), load_rules(inputs).codebooks, inputs)
    tables_dir = project_path(tables_dir, what="tables folder")
    run_file = Path(tables_dir) / RUN_FILE
    if not run_file.is_file():  # tables made by hand or by an older version: the rules are not known
        inputs = RunInputs(CorpusSource(Path(corpus)), frames=frames)
        return RunTables(read_tables(tables_dir, lazy=True), load_rules(inputs).codebooks, inputs)
    record = json.loads(run_file.read_text(encoding="utf-8"))
    inputs = RunInputs.from_dict(record["inputs"])
    if frames and frames != inputs.frames:
        raise UserError(f"{frames_codebook}: the tables in {tables_dir} were coded with "
                        f"{inputs.frames or 'the package frames codebook'}; to use another frames codebook, "
                        "pass it to the run (--frames) instead of to the notebook")
    key = _read_key(Path(tables_dir), inputs)
    if _LAST_READ.get("key") != key:
        rules = load_rules(inputs)
        changed = sorted(part for part, sha in rule_hashes(rules).items() if record["rules"].get(part) != sha)
        if changed:
            raise UserError(f"{run_file}: the rules changed since these tables were made ({', '.join(changed)}); "
                            "run the tables (or the report) again")
        _LAST_READ.clear()
        _LAST_READ.update(key=key, tables=read_tables(tables_dir, lazy=True), codebooks=rules.codebooks,
                          rows=DocumentRows())
    # Shallow copies: a notebook that adds a column to its table does not add it to the next one's.
    return RunTables(_CopiedTables(_LAST_READ["tables"]), _LAST_READ["codebooks"], inputs, _LAST_READ["rows"])


#: The tables this process read last from a tables folder, and the codebooks they were checked
#: against: a kernel that renders the article pages one document after another reads them once.
#: Kept only while :func:`_read_key` is the same, that is while no table, no ``run.json`` and no
#: rule file changed (a codebook edited in JupyterLab is read at the next call).
_LAST_READ: dict = {}


def _read_key(folder: Path, inputs: RunInputs) -> tuple:
    """What the tables read from ``folder`` and the rules they are checked against depend on:
    the tables' files (size, modification time, inode) and the rule files' contents."""
    from ..config.codebooks import codebook_files
    from ..config.corpus import CONFIG_DIR

    tables = tuple((p.name, st.st_size, st.st_mtime_ns, st.st_ino)
                   for p in sorted([*folder.glob("*.csv"), folder / RUN_FILE]) for st in [p.stat()])
    sources = [inputs.corpus_config or CONFIG_DIR / "corpus.yaml",
               *codebook_files(inputs.codebooks, frames=inputs.frames).values()]
    return folder.resolve(), tables, tuple(digest(Path(p).read_bytes()) for p in sources)


class _CopiedTables(Mapping):
    """A view of read tables that hands out a shallow copy of each (copy-on-write: cheap)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame]):
        self._tables = tables

    def __getitem__(self, name: str) -> pd.DataFrame:
        table = self._tables[name].copy(deep=False)
        # Labels too: a notebook that names the index or the columns names its own copy's.
        table.index, table.columns = table.index.view(), table.columns.view()
        return table

    def __iter__(self):
        return iter(self._tables.keys())

    def __len__(self) -> int:
        return len(self._tables.keys())

    def __contains__(self, name: object) -> bool:
        return name in self._tables
