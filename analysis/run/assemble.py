"""The run's tables from its partitions: CSV and partitioned Parquet, events merged.

Most CSV tables are the partitions' fragments concatenated (their rows were formatted in
the workers). The timeline is the exception: merging events across articles needs every
article, but only the timeline rows that may name an event; those are gathered first,
merged, and the timeline is then streamed out with its ``event_id`` filled in, so memory
holds the candidates, never the whole timeline. The rows that can date an undated article
from the rest of the corpus (:mod:`analysis.stages.corpus_dating`) are gathered in the same
pass; the documents of a partition they narrow are written again, the others copied.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pandas as pd

from ..atomic import replace_dir, staging_dir
from ..schema import DOCUMENT_COLUMNS, PARTITION_TABLES, PUBLICATION_COLUMNS, TIMELINE_COLUMNS
from ..stages.corpus_dating import (
    UNDATED_BASES,
    apply_corpus_bounds,
    corpus_bounds,
    cross_dating_rows,
    narrowed_intervals,
    redate_timeline,
)
from ..stages.events import event_candidates, merge_events
from .partition import parquet_safe, read_partition, write_csv_part
from .tables import write_csv, write_tables


def assemble(keys: list[str], *, cache_dir: str | Path, out_dir: str | Path) -> dict[str, int]:
    """Write the tables from the partitions (all or nothing); returns rows per table."""
    out_dir = Path(out_dir)
    rows: dict[str, int] = {}
    # Staged inside the output folder itself: nothing is written beside it.
    out_dir.mkdir(parents=True, exist_ok=True)
    with staging_dir(out_dir, "staging") as staging:
        for name in PARTITION_TABLES:
            (staging / "parquet" / name).mkdir(parents=True)
        events, merges, rows["timeline"], bounds = _timeline_with_events(keys, Path(cache_dir), staging)
        for name in PARTITION_TABLES:
            if name != "timeline":
                rows[name] = _concatenate(name, keys, Path(cache_dir), staging, bounds if name == "documents" else {})
        write_tables({"events": events, "event_merges": merges}, staging / "csv")
        for name, df in (("events", events), ("event_merges", merges)):
            (staging / "parquet" / name).mkdir(parents=True, exist_ok=True)
            parquet_safe(df).to_parquet(staging / "parquet" / name / "part-00000.parquet", index=False)
            rows[name] = len(df)
        for csv_file in sorted((staging / "csv").glob("*.csv")):
            os.replace(csv_file, out_dir / csv_file.name)
        replace_dir(staging / "parquet", out_dir / "parquet")
    return rows


def _concatenate(name: str, keys: list[str], cache_dir: Path, staging: Path, bounds: dict | None = None) -> int:
    """One table's CSV fragments appended, and its Parquet parts copied; returns its rows.
    ``bounds`` (documents only): partition number -> corpus evidence on the dates of some of its
    documents (:func:`~analysis.stages.corpus_dating.corpus_bounds`); those partitions are written again."""
    # pyarrow takes 0.15 s to import; a warm run (nothing to assemble) never needs it.
    import pyarrow.parquet as pq

    (staging / "csv").mkdir(exist_ok=True)
    target = staging / "csv" / f"{name}.csv"
    doc_columns = _document_columns(cache_dir, keys) if name == "documents" else []
    doc_header = _csv_line(doc_columns) if doc_columns else ""
    n = 0
    for i, key in enumerate(keys):
        stored = cache_dir / key / f"{name}.parquet"
        fragment = cache_dir / key / f"{name}.csv"
        if bounds and i in bounds:
            df = apply_corpus_bounds(read_partition(cache_dir, key, name), bounds[i])
            write_csv_part(df.reindex(columns=doc_columns), target, header=i == 0)
            parquet_safe(df).to_parquet(staging / "parquet" / name / f"part-{i:05d}.parquet", index=False)
            n += len(df)
            continue
        if name != "documents" or _csv_header(fragment) == doc_header:
            _append_fragment(fragment, target, header=i == 0)
            n += pq.read_metadata(stored).num_rows
        else:  # documents with other columns than the run's (or from an older cache)
            df = read_partition(cache_dir, key, name).reindex(columns=doc_columns)
            write_csv_part(df, target, header=i == 0)
            n += len(df)
        # A copy, not a hard link: an output edited in place must not change the cache behind it.
        shutil.copyfile(stored, staging / "parquet" / name / f"part-{i:05d}.parquet")
    return n


def _timeline_with_events(keys: list[str], cache_dir: Path, staging: Path) -> tuple[pd.DataFrame, pd.DataFrame, int,
                                                                                    dict]:
    """Events merged across partitions; the timeline written with their ids. Returns
    (events, merge audit, timeline rows, corpus bounds on undated documents' dates by partition)."""
    starts = [0]  # rows are numbered across partitions, as in one concatenated table

    def timeline_part(i: int) -> pd.DataFrame:
        df = read_partition(cache_dir, keys[i], "timeline")
        df.index = pd.RangeIndex(starts[i], starts[i] + len(df))
        return df

    candidates, dating_rows = [], []
    for i in range(len(keys)):
        df = timeline_part(i)
        starts.append(starts[i] + len(df))
        candidates.append(df[event_candidates(df)])
        dating_rows.append(df[cross_dating_rows(df)] if len(df) else df)
    bounds = _corpus_bounds(keys, cache_dir, dating_rows)
    # The articles the corpus dates more narrowly have their dates resolved again, before the
    # events are lined up; only the partitions that hold them are read again, kept until written.
    redated: dict[int, pd.DataFrame] = {}
    for i in sorted(bounds):
        intervals = _narrowed_intervals(cache_dir, keys[i], bounds[i])
        if intervals:
            redated[i] = redate_timeline(timeline_part(i), read_partition(cache_dir, keys[i], "documents"),
                                         read_partition(cache_dir, keys[i], "sentences"), intervals)
            candidates[i] = redated[i][event_candidates(redated[i])]
    merged, events, merges = merge_events(pd.concat(candidates) if candidates
                                           else pd.DataFrame(columns=TIMELINE_COLUMNS))
    event_of = dict(zip(merged.index, merged["event_id"])) if len(merged) else {}
    n = 0
    for i in range(len(keys)):
        df = redated.pop(i) if i in redated else timeline_part(i)
        df["event_id"] = [event_of.get(j, old) for j, old in zip(df.index, df["event_id"].tolist())]
        write_csv_part(df, staging / "csv" / "timeline.csv", header=i == 0)
        parquet_safe(df).to_parquet(staging / "parquet" / "timeline" / f"part-{i:05d}.parquet", index=False)
        n += len(df)
    return events, merges, n, bounds


def _narrowed_intervals(cache_dir: Path, key: str, bounds: dict) -> dict:
    """{doc_id: narrower interval} for the documents of a partition whose interval ``bounds`` change."""
    docs = read_partition(cache_dir, key, "documents")
    return narrowed_intervals(docs, apply_corpus_bounds(docs, bounds))


def _corpus_bounds(keys: list[str], cache_dir: Path, rows: list[pd.DataFrame]) -> dict[int, dict]:
    """:func:`~analysis.stages.corpus_dating.corpus_bounds` over the partitions' rows, by the
    partition that holds each bounded document; which documents are dated is read from the
    partitions' documents (two columns)."""
    import pyarrow.parquet as pq  # see _concatenate

    dated, undated = set(), {}
    for i, key in enumerate(keys):
        table = pq.read_table(cache_dir / key / "documents.parquet", columns=["doc_id", "published_basis"])
        for doc_id, basis in zip(table.column("doc_id").to_pylist(), table.column("published_basis").to_pylist()):
            if basis in UNDATED_BASES:
                undated[doc_id] = i
            else:
                dated.add(doc_id)
    if not undated or not dated:
        return {}
    by_partition: dict[int, dict] = {}
    for doc_id, found in corpus_bounds(pd.concat(rows) if rows else pd.DataFrame(), dated, set(undated)).items():
        by_partition.setdefault(undated[doc_id], {})[doc_id] = found
    return by_partition


def _append_fragment(fragment: Path, target: Path, *, header: bool) -> None:
    """Append a partition's CSV fragment to a table (its header line only for the first)."""
    with fragment.open("rb") as src, target.open("ab" if target.exists() else "wb") as dst:
        first = src.readline()
        if header:
            dst.write(first)
        shutil.copyfileobj(src, dst, 1 << 20)


def _document_columns(cache_dir: Path, keys: list[str]) -> list[str]:
    """The documents table's columns over all partitions, in the order build_tables gives."""
    import pyarrow.parquet as pq  # see _concatenate

    seen: list[str] = []
    for key in keys:
        for c in pq.read_schema(cache_dir / key / "documents.parquet").names:
            if c not in seen:
                seen.append(c)
    tail = [*PUBLICATION_COLUMNS, "text"]
    extra = sorted(c for c in seen if c not in DOCUMENT_COLUMNS and c not in tail)
    return DOCUMENT_COLUMNS[:-1] + extra + [c for c in tail if c in seen]


def _csv_line(cells: list[str]) -> str:
    """The header line :func:`analysis.run.tables.write_csv` writes for these columns."""
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
