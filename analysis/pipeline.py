"""Running the analysis at scale: document partitions on a local process pool or on Dask.

The per-document work (text layer, mentions, stance, frames, timeline) is
:func:`analyse_partition`, a pure function from a documents table to the per-document
tables; the same function runs in-process (:func:`analysis.tables.build_tables`), in a
local process pool, and on a ``dask.distributed`` cluster. Only the merging of events
across articles needs all documents, and it works on the small timeline table.

* **Streaming.** Documents are read in partitions (:func:`analysis.corpus.iter_documents`);
  at most ``2 x workers`` partitions are in flight, so memory does not grow with the corpus.
* **Cache.** Each partition's results are stored as Parquet under the cache folder, keyed by
  the hash of its documents (ids, text and metadata), the codebooks and the code. An
  interrupted run resumes from the partitions already stored; changing one article
  recomputes only its partition; changing a codebook entry recomputes everything it feeds.
* **Output.** The public CSV tables (``<out>/<table>.csv``, the same content as
  :func:`analysis.tables.build_tables` gives) and the same tables as partitioned Parquet
  (``<out>/parquet/<table>/part-NNNNN.parquet``).
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import shutil
import tempfile
import time
from collections import deque
from contextlib import contextmanager
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pandas as pd

PARTITION_TABLES = ("documents", "paragraphs", "quotes", "sentences", "tokens", "mentions", "attribution", "stance",
                    "frames", "frame_profile", "timeline")


@dataclass(frozen=True)
class Options:
    """Everything besides the documents that the analysis depends on."""

    corpus_config: str | None = None
    codebooks: str | None = None
    frames_codebook: str | None = None


#: The text-layer tables: they depend on the documents and the corpus configuration only.
TEXT_TABLES = ("paragraphs", "quotes", "sentences", "tokens")
#: The modules that compute them; a change anywhere else (codebooks, stance, framing,
#: timelines) leaves a cached text layer valid.
TEXT_LAYER_CODE = ("corpus.py", "errors.py", "resources.py", "settings.py", "text.py", "tone.py",
                   "treebank.py")


def text_layer_tables(documents: pd.DataFrame, options: Options = Options()) -> dict[str, pd.DataFrame]:
    """Paragraphs, quotes, sentences (with their tone) and tokens of a batch of documents."""
    from .settings import load_corpus_config
    from .text import text_layer
    from .tone import sentence_tone

    layer = text_layer(documents, config=load_corpus_config(options.corpus_config))
    layer["sentences"]["tone"] = sentence_tone(layer["sentences"])
    return layer


def analyse_partition(documents: pd.DataFrame, options: Options = Options(), *,
                      layer: dict[str, pd.DataFrame] | None = None) -> dict[str, pd.DataFrame]:
    """All per-document tables for a batch of documents (pure; the unit of parallel work).
    ``layer``: its text-layer tables, when they are already known (from the cache)."""
    from .frames import frame_profile, frame_table, load_frames
    from .mentions import analyse_documents, mention_tables
    from .stance import stance_table
    from .timeline import apply_inference, timeline_table

    layer = layer if layer is not None else text_layer_tables(documents, options)
    analysed = analyse_documents(documents, layer["sentences"], codebooks=options.codebooks)
    shared = mention_tables(documents, layer["sentences"], analysed=analysed)
    stance = stance_table(documents, layer["sentences"], codebooks=options.codebooks, analysed=analysed)
    frames = frame_table(documents, layer["sentences"], attribution=shared["attribution"],
                         mentions=shared["mentions"], codebook=options.frames_codebook)
    profile = frame_profile(frames, layer["sentences"], frame_ids=load_frames(options.frames_codebook).ids)
    timeline, publication = timeline_table(documents, layer["sentences"], analysed)
    documents = apply_inference(documents, publication)
    return {"documents": documents, **layer, **shared, "stance": stance, "frames": frames, "frame_profile": profile,
            "timeline": timeline}


# --------------------------------------------------------------------------- cache

def analysis_version(options: Options) -> str:
    """Hash of the code and of every codebook and configuration file the analysis reads."""
    from .report import code_version
    from .settings import CODEBOOK_DIR, CONFIG_DIR

    h = hashlib.sha256(code_version().encode())
    for extra in (options.corpus_config, options.frames_codebook):
        if extra:
            h.update(Path(extra).read_bytes())
    if options.codebooks:
        for p in sorted(Path(options.codebooks).glob("*.yaml")):
            h.update(p.name.encode() + p.read_bytes())
    for folder in (CODEBOOK_DIR, CONFIG_DIR):
        for p in sorted(folder.glob("*.yaml")):
            h.update(p.name.encode() + p.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=8)
def text_layer_version(options: Options) -> str:
    """Hash of the text layer's code and of the corpus configuration."""
    from .settings import CONFIG_DIR

    root = Path(__file__).resolve().parent
    h = hashlib.sha256(b"text layer")
    for name in TEXT_LAYER_CODE:
        h.update(name.encode() + (root / name).read_bytes())
    config = Path(options.corpus_config) if options.corpus_config else CONFIG_DIR / "corpus.yaml"
    h.update(config.read_bytes())
    return h.hexdigest()


def partition_key(partition: pd.DataFrame | list[dict], version: str) -> str:
    """Hash of a partition's documents (a documents table, or raw records as read from the
    corpus; where a record was read from is not part of it) and the analysis version."""
    h = hashlib.sha256(version.encode())
    if isinstance(partition, pd.DataFrame):
        cols = sorted(partition.columns)
        for row in partition[cols].astype(str).itertuples(index=False):
            h.update(json.dumps(list(row), ensure_ascii=False).encode("utf-8"))
    else:
        for rec in partition:
            content = {k: v for k, v in rec.items() if k not in ("_where", "_file")}
            h.update(json.dumps(content, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8"))
    return h.hexdigest()[:32]


def _parquet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns as strings (Parquet needs one type per column); nullable ints kept.
    The frame itself when it has no object column (no copy of a large tokens table)."""
    objects = {c: str for c in df.columns if df[c].dtype == object}
    return df.astype(objects) if objects else df


#: Tables whose CSV rows are formatted in the workers and only concatenated when the run is
#: assembled. The timeline is rewritten at assembly (events are merged across partitions),
#: and so is a documents fragment whose columns differ from the run's (metadata may differ
#: between partitions).
CSV_FRAGMENT_TABLES = tuple(n for n in PARTITION_TABLES if n != "timeline")


def process_partition(partition: pd.DataFrame | list[dict], options: Options, cache_dir: str, key: str) -> str:
    """Analyse one partition (a documents table, or raw records whose table is built here)
    and store its tables under ``cache_dir/key`` (atomically), unless they are there
    already. Returns the key; the tables stay on disk, not in memory.

    Each table is stored as Parquet, and most also as a CSV fragment, formatted here (in
    parallel) from the same values the Parquet file gives back. The text layer is also
    kept under ``cache_dir/text/`` with its own key, so a change to a codebook re-runs the
    analysis on the cached sentences instead of re-tokenising the corpus."""
    target = Path(cache_dir) / key
    if (target / "_complete").exists():
        return key
    text_dir = Path(cache_dir) / "text" / partition_key(partition, text_layer_version(options))
    if not isinstance(partition, pd.DataFrame):
        from .corpus import documents_table

        partition = documents_table(partition, options.corpus_config)
    layer = None
    if (text_dir / "_complete").exists():
        layer = {name: _read_table(text_dir / f"{name}.parquet", name) for name in TEXT_TABLES}
    tables = analyse_partition(partition, options, layer=layer)
    Path(cache_dir).mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{key}.", dir=cache_dir))
    try:
        for name in PARTITION_TABLES:
            if layer is not None and name in TEXT_TABLES:
                for suffix in (".parquet", ".csv"):
                    _link_or_copy(text_dir / f"{name}{suffix}", staging / f"{name}{suffix}")
                continue
            stored = _parquet_safe(tables[name])
            stored.to_parquet(staging / f"{name}.parquet", index=False)
            if name in CSV_FRAGMENT_TABLES:
                _write_csv_part(_restore_types(stored, name), staging / f"{name}.csv", header=True)
        if layer is None:
            _store_text_layer(staging, text_dir)
        (staging / "_complete").write_text("ok")
        if target.exists():
            shutil.rmtree(target)
        os.replace(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return key


def _link_or_copy(src: Path, dst: Path) -> None:
    # Cached files are never changed in place (folders are replaced whole), so a hard link is safe.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _store_text_layer(partition_dir: Path, text_dir: Path) -> None:
    """Keep a partition's text-layer files under their own key (atomically)."""
    text_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{text_dir.name}.", dir=text_dir.parent))
    try:
        for name in TEXT_TABLES:
            for suffix in (".parquet", ".csv"):
                _link_or_copy(partition_dir / f"{name}{suffix}", staging / f"{name}{suffix}")
        (staging / "_complete").write_text("ok")
        if text_dir.exists():
            shutil.rmtree(text_dir)
        os.replace(staging, text_dir)
    except OSError:
        pass  # another worker stored the same text layer first
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_partition(cache_dir: str | Path, key: str, name: str) -> pd.DataFrame:
    return _read_table(Path(cache_dir) / key / f"{name}.parquet", name)


def _read_table(path: Path, name: str) -> pd.DataFrame:
    return _restore_types(pd.read_parquet(path), name)


def _restore_types(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The column types of the public tables (nullable integers, booleans, floats)."""
    from .tables import SCHEMAS, FLOAT_COLUMNS

    _, ints, bools = SCHEMAS[name]
    wanted = {**{c: "Int64" for c in ints}, **{c: "bool" for c in bools},
              **{c: "float64" for c in FLOAT_COLUMNS.get(name, ())}}
    # Only the columns that need it are converted, on a shallow copy (DataFrame.astype with a
    # dict copies every column); the frame itself when none does.
    todo = {c: t for c, t in wanted.items() if c in df.columns and str(df[c].dtype) != t}
    if not todo:
        return df
    df = df.copy(deep=False)
    for c, t in todo.items():
        df[c] = df[c].astype(t)
    return df


def _append_fragment(fragment: Path, target: Path, *, header: bool) -> None:
    """Append a partition's CSV fragment to a table (its header line only for the first)."""
    with fragment.open("rb") as src, target.open("ab" if target.exists() else "wb") as dst:
        first = src.readline()
        if header:
            dst.write(first)
        shutil.copyfileobj(src, dst, 1 << 20)


# --------------------------------------------------------------------------- engines

@dataclass
class RunStats:
    documents: int = 0
    partitions: int = 0
    cached_partitions: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1


#: Allocations between two young-generation garbage collections while partitions are
#: analysed (Python's default is 700). The analysis builds hundreds of thousands of small
#: tuples per partition and frees them in bulk, nearly none of them in reference cycles;
#: with the default, collections took 2.4% of a run's CPU time, with this 0.1%.
GC_YOUNG_THRESHOLD = 50_000


def _bulk_gc() -> None:
    """Garbage-collection settings for a process that analyses partitions."""
    gc.freeze()  # what is alive now (modules, codebooks) is never garbage: stop re-scanning it
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


@contextmanager
def _bulk_gc_here() -> Iterator[None]:
    """:func:`_bulk_gc` in this process for the duration of a run, then the settings as they were."""
    before, frozen_before = gc.get_threshold(), gc.get_freeze_count()
    _bulk_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if not frozen_before:  # someone else's frozen objects stay frozen
            gc.unfreeze()


def _windowed(submit, items: Iterable, window: int) -> Iterator:
    """Results of ``submit(item)`` in order, with at most ``window`` in flight."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def run_partitions(partitions: Iterable[pd.DataFrame], *, options: Options, cache_dir: str | Path,
                   engine: str = "local", jobs: int | None = None, scheduler: str | None = None,
                   no_cache: bool = False, progress: bool = False) -> tuple[list[str], RunStats]:
    """Analyse every partition (cached ones are skipped); return their cache keys in order."""
    cache_dir = Path(cache_dir)
    if no_cache and cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    version = analysis_version(options)
    jobs = max(1, jobs or os.cpu_count() or 1)
    stats = RunStats(engine=engine, workers=jobs)
    start = time.perf_counter()

    def keyed() -> Iterator[tuple[pd.DataFrame | list[dict], str, bool]]:
        """(partition, key, whether its results are cached already)"""
        for docs in partitions:
            key = partition_key(docs, version)
            cached = (cache_dir / key / "_complete").exists()
            stats.documents += len(docs)
            stats.partitions += 1
            stats.cached_partitions += cached
            yield docs, key, cached

    bar = None
    if progress:
        from tqdm.auto import tqdm

        bar = tqdm(desc=f"analysis ({engine}, {jobs} worker(s))", unit="partition")
    keys: list[str] = []
    if engine == "local" and jobs == 1:
        with _bulk_gc_here():
            for docs, key, _cached in keyed():
                keys.append(process_partition(docs, options, str(cache_dir), key))
                if bar is not None:
                    bar.update()
    elif engine == "local":
        # The pool starts with the first partition that is not cached: a warm run starts no
        # worker (each would import the whole analysis).
        pool: ProcessPoolExecutor | None = None

        def submit(item: tuple) -> Future:
            nonlocal pool
            docs, key, cached = item
            if cached:
                done: Future = Future()
                done.set_result(key)
                return done
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=jobs, initializer=_bulk_gc)
            return pool.submit(process_partition, docs, options, str(cache_dir), key)

        try:
            for key in _windowed(submit, keyed(), 2 * jobs):
                keys.append(key)
                if bar is not None:
                    bar.update()
        finally:
            if pool is not None:
                pool.shutdown()
    elif engine == "dask":
        keys = _run_dask(keyed(), options=options, cache_dir=cache_dir, jobs=jobs, scheduler=scheduler, bar=bar)
    else:
        from .errors import ParameterError

        raise ParameterError(f"--engine: unknown engine {engine!r} (valid: local, dask)")
    if bar is not None:
        bar.close()
    stats.seconds = round(time.perf_counter() - start, 3)
    return keys, stats


#: Dask settings for the LocalCluster this module starts (not for an existing cluster).
DASK_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def _run_dask(keyed: Iterator[tuple[pd.DataFrame | list[dict], str, bool]], *, options: Options,
              cache_dir: Path, jobs: int, scheduler: str | None, bar) -> list[str]:
    """The same partitions as a Dask bag on a ``dask.distributed`` cluster: a LocalCluster of
    ``jobs`` single-threaded workers, or the cluster at ``scheduler`` (tcp://HOST:PORT), whose
    workers must see ``cache_dir`` (a shared file system)."""
    import dask
    import dask.bag as db
    from distributed import Client, LocalCluster

    client = cluster = None

    def connect() -> Client:
        # Connected at the first window with work to do: a warm run starts no cluster.
        nonlocal client, cluster
        if client is None:
            if scheduler:
                client = Client(scheduler)
            else:
                # Our cluster has no dashboard, so nobody would see the statistical profile its
                # workers record by default (a stack sample every 10 ms, merged into a growing
                # tree). An existing cluster keeps its settings.
                with dask.config.set(DASK_WORKER_CONFIG):
                    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
                client = Client(cluster)
                client.run(_bulk_gc)  # our own workers only: an existing cluster keeps its settings
        return client

    keys: list[str] = []
    # Windows of 2 x jobs partitions, each one bag; two windows are in flight, so the workers
    # start on the next window while the last partitions of the current one finish.
    pending: deque = deque()

    def submit(window: list) -> None:
        if all(cached for _, _, cached in window):
            pending.append(([key for _, key, _ in window], len(window)))
            return
        bag = db.from_sequence([(docs, key) for docs, key, _ in window], npartitions=len(window))
        pending.append((connect().compute(bag.map(lambda dk: process_partition(dk[0], options, str(cache_dir),
                                                                                 dk[1]))), len(window)))

    def collect() -> None:
        future, n = pending.popleft()
        keys.extend(future if isinstance(future, list) else future.result())
        if bar is not None:
            bar.update(n)

    try:
        window: list[tuple[pd.DataFrame | list[dict], str, bool]] = []
        for item in keyed:
            window.append(item)
            if len(window) >= 2 * jobs:
                submit(window)
                window = []
                if len(pending) >= 2:
                    collect()
        if window:
            submit(window)
        while pending:
            collect()
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return keys


# --------------------------------------------------------------------------- output

def assemble(keys: list[str], *, cache_dir: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write the tables from the partitions: CSV (streamed, one partition at a time) and
    partitioned Parquet; then merge events across articles. All-or-nothing per run.

    Event merging needs every article, but only the timeline rows that may name an event:
    those are gathered first, merged, and the timeline is then streamed out with its
    ``event_id`` filled in, so memory holds the candidates, never the whole timeline."""
    import pyarrow.parquet as pq

    from .tables import write_tables
    from .timeline import TIMELINE_COLUMNS, event_candidates, merge_events

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    rows: dict[str, int] = {}

    def timeline_parts() -> Iterator[tuple[int, pd.DataFrame]]:
        offset = 0  # rows are numbered across partitions, as in one concatenated table
        for i, key in enumerate(keys):
            df = read_partition(cache_dir, key, "timeline")
            df.index = pd.RangeIndex(offset, offset + len(df))
            offset += len(df)
            yield i, df

    try:
        doc_columns = _document_columns(cache_dir, keys)
        doc_header = _csv_line(doc_columns)
        for name in PARTITION_TABLES:
            parquet_dir = staging / "parquet" / name
            parquet_dir.mkdir(parents=True)
            if name == "timeline":
                continue
            (staging / "csv").mkdir(exist_ok=True)
            for i, key in enumerate(keys):
                stored = Path(cache_dir) / key / f"{name}.parquet"
                fragment = Path(cache_dir) / key / f"{name}.csv"
                if name != "documents" or _csv_header(fragment) == doc_header:
                    _append_fragment(fragment, staging / "csv" / f"{name}.csv", header=i == 0)
                    n = pq.read_metadata(stored).num_rows
                else:  # documents with other columns than the run's (or from an older cache)
                    df = read_partition(cache_dir, key, name).reindex(columns=doc_columns)
                    _write_csv_part(df, staging / "csv" / f"{name}.csv", header=i == 0)
                    n = len(df)
                _link_or_copy(stored, parquet_dir / f"part-{i:05d}.parquet")
                rows[name] = rows.get(name, 0) + n
        candidates = [df[event_candidates(df)] for _, df in timeline_parts()]
        merged, events, merges = merge_events(pd.concat(candidates) if candidates
                                               else pd.DataFrame(columns=TIMELINE_COLUMNS))
        event_of = dict(zip(merged.index, merged["event_id"])) if len(merged) else {}
        rows["timeline"] = 0
        for i, df in timeline_parts():
            df["event_id"] = [event_of.get(j, old) for j, old in zip(df.index, df["event_id"].tolist())]
            _write_csv_part(df, staging / "csv" / "timeline.csv", header=i == 0)
            _parquet_safe(df).to_parquet(staging / "parquet" / "timeline" / f"part-{i:05d}.parquet", index=False)
            rows["timeline"] += len(df)
        write_tables({"events": events, "event_merges": merges}, staging / "csv")
        for name, df in (("events", events), ("event_merges", merges)):
            (staging / "parquet" / name).mkdir(parents=True, exist_ok=True)
            _parquet_safe(df).to_parquet(staging / "parquet" / name / "part-00000.parquet", index=False)
            rows[name] = len(df)
        out_dir.mkdir(parents=True, exist_ok=True)
        for csv_file in sorted((staging / "csv").glob("*.csv")):
            os.replace(csv_file, out_dir / csv_file.name)
        if (out_dir / "parquet").exists():
            shutil.rmtree(out_dir / "parquet")
        os.replace(staging / "parquet", out_dir / "parquet")
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return rows


def _document_columns(cache_dir: str | Path, keys: list[str]) -> list[str]:
    """The documents table's columns over all partitions, in the order build_tables gives."""
    import pyarrow.parquet as pq

    from .corpus import DOCUMENT_COLUMNS

    seen: list[str] = []
    for key in keys:
        for c in pq.read_schema(Path(cache_dir) / key / "documents.parquet").names:
            if c not in seen:
                seen.append(c)
    tail = ["published_earliest", "published_latest", "published_evidence", "text"]
    extra = sorted(c for c in seen if c not in DOCUMENT_COLUMNS and c not in tail)
    return DOCUMENT_COLUMNS[:-1] + extra + [c for c in tail if c in seen]


def _csv_line(cells: list[str]) -> str:
    """The header line :func:`analysis.tables.write_csv` writes for these columns."""
    from .tables import write_csv

    out = io.StringIO()
    write_csv(pd.DataFrame(columns=cells), out)
    return out.getvalue()


def _csv_header(path: Path) -> str | None:
    """The first line of a CSV file, or None when there is no such file."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return fh.readline()
    except FileNotFoundError:
        return None


def _write_csv_part(df: pd.DataFrame, path: Path, *, header: bool) -> None:
    from .tables import write_csv

    path.parent.mkdir(parents=True, exist_ok=True)
    write_csv(df, path, header=header, append=not header)


def run_tables(corpus: str | Path, out_dir: str | Path, *, engine: str = "local", jobs: int | None = None,
               scheduler: str | None = None, partition_size: int = 200, partition_chars: int = 1_000_000,
               cache_dir: str | Path | None = None,
               no_cache: bool = False, progress: bool = False, options: Options = Options(),
               text_column: str = "text", id_column: str = "doc_id", filename_pattern: str | None = None,
               recursive: bool = False) -> tuple[dict[str, int], RunStats]:
    """The ``tables`` command: stream the corpus in partitions, analyse them on the chosen
    engine (reusing cached partitions), and write ``out_dir/<table>.csv`` and
    ``out_dir/parquet/<table>/part-NNNNN.parquet``."""
    from .corpus import iter_record_batches, validate_corpus
    from .frames import load_frames
    from .settings import load_codebooks, load_corpus_config

    load_corpus_config(options.corpus_config)  # validate every input before any work
    load_codebooks(options.codebooks)
    load_frames(options.frames_codebook)
    # A first streaming pass validates the whole corpus, so bad input fails before any output.
    validate_corpus(corpus, text_column=text_column, id_column=id_column, filename_pattern=filename_pattern,
                    recursive=recursive)
    cache_dir = Path(cache_dir) if cache_dir else Path(out_dir) / ".cache" / "partitions"
    # Raw records: each worker builds its partition's documents table, so a warm run
    # (every partition cached) reads and hashes the corpus and builds nothing.
    partitions = iter_record_batches(corpus, chunk_size=partition_size, chunk_chars=partition_chars,
                                     text_column=text_column, id_column=id_column,
                                     filename_pattern=filename_pattern, recursive=recursive)
    keys, stats = run_partitions(partitions, options=options, cache_dir=cache_dir, engine=engine, jobs=jobs,
                                 scheduler=scheduler, no_cache=no_cache, progress=progress)
    # Nothing changed since the tables in out_dir were assembled: keep them (a warm re-run).
    stamp = Path(out_dir) / "parquet" / "_partitions.json"
    if not no_cache and stamp.exists():
        previous = json.loads(stamp.read_text())
        if previous.get("keys") == keys and all((Path(out_dir) / f"{n}.csv").exists() for n in previous["rows"]):
            return previous["rows"], stats
    rows = assemble(keys, cache_dir=cache_dir, out_dir=out_dir)
    stamp.write_text(json.dumps({"keys": keys, "rows": rows}))
    return rows, stats


__all__ = ["Options", "analyse_partition", "run_tables", "run_partitions", "assemble", "RunStats"]
