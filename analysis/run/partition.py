"""One partition of documents through every stage, and its results in the cache.

:func:`analyse_partition` is the unit of parallel work: a loop over
:data:`analysis.stages.STAGES`, from the raw records (or a documents table) to every
per-document table. It is pure, so the same function runs in-process
(:func:`analysis.run.build.build_tables`), in a local process pool and on Dask.

:func:`process_partition` stores a partition's tables under ``cache_dir/key`` as Parquet
and as CSV fragments (formatted in the worker, so assembly only concatenates them). The
key is the hash of the partition's documents and of the stages' declarations
(:func:`analysis.run.hashing.stage_digest`). The text layer is also kept under its own key,
made from the stages it depends on only, so a codebook edit re-runs the analysis on cached
sentences without tokenising the corpus again.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from ..atomic import replaced_dir
from ..config.inputs import Rules
from ..schema import PARTITION_INPUT, PARTITION_TABLES, Stage, stages_for
from ..stages import STAGES
from ..text.layer import TEXT_TABLES
from .hashing import records_digest, stage_digest
from .tables import restore_types, write_csv

#: The stages the text layer depends on (its cache key is made from these only).
TEXT_STAGES = stages_for(STAGES, TEXT_TABLES)
#: Tables whose CSV rows are formatted in the workers and only concatenated when the run is
#: assembled. The timeline is rewritten at assembly (events are merged across partitions),
#: and so is a documents fragment whose columns differ from the run's (metadata may differ
#: between partitions).
CSV_FRAGMENT_TABLES = tuple(n for n in PARTITION_TABLES if n != "timeline")
COMPLETE = "_complete"


def analyse_partition(partition: pd.DataFrame | list[dict], rules: Rules, *,
                      layer: dict[str, pd.DataFrame] | None = None,
                      stages: tuple[Stage, ...] = STAGES) -> dict[str, pd.DataFrame]:
    """Every per-document table of a partition: raw records (as read from the corpus) or a
    documents table. ``layer``: its text-layer tables, when they are known already (from the
    cache). A stage whose tables are all given is skipped."""
    tables: dict = {PARTITION_INPUT: partition} if isinstance(partition, list) else {"documents": partition}
    tables.update(layer or {})
    for stage in stages:
        if stage.provides and all(name in tables for name in stage.provides):
            continue
        tables.update(stage.run(tables, rules))
    return {name: tables[name] for name in PARTITION_TABLES}


def versions(rules: Rules) -> tuple[str, str]:
    """(analysis version, text-layer version): what every partition's results, and its text
    layer's, depend on besides its documents."""
    return stage_digest(STAGES, rules), stage_digest(TEXT_STAGES, rules)


def is_cached(cache_dir: str | Path, key: str) -> bool:
    return (Path(cache_dir) / key / COMPLETE).exists()


def process_partition(partition: pd.DataFrame | list[dict], rules: Rules, cache_dir: str, key: str,
                      text_version: str) -> str:
    """Analyse one partition and store its tables under ``cache_dir/key`` (written beside it,
    then renamed), unless they are there already. Returns the key; the tables stay on disk.

    Each table is stored as Parquet, and most also as a CSV fragment, formatted here (in
    parallel) from the same values the Parquet file gives back. The text layer is kept
    under ``cache_dir/text/`` with the key of ``text_version``."""
    target = Path(cache_dir) / key
    if is_cached(cache_dir, key):
        return key
    text_dir = Path(cache_dir) / "text" / records_digest(partition, text_version)
    layer = None
    if is_cached(text_dir.parent, text_dir.name):
        layer = {name: read_stored(text_dir / f"{name}.parquet", name) for name in TEXT_TABLES}
    tables = analyse_partition(partition, rules, layer=layer)
    with replaced_dir(target) as staging:
        for name in PARTITION_TABLES:
            if layer is not None and name in TEXT_TABLES:
                for suffix in (".parquet", ".csv"):
                    link_or_copy(text_dir / f"{name}{suffix}", staging / f"{name}{suffix}")
                continue
            stored = parquet_safe(tables[name])
            stored.to_parquet(staging / f"{name}.parquet", index=False)
            if name in CSV_FRAGMENT_TABLES:
                write_csv_part(restore_types(stored, name), staging / f"{name}.csv", header=True)
        if layer is None:
            _store_text_layer(staging, text_dir)
        (staging / COMPLETE).write_text("ok")
    return key


def _store_text_layer(partition_dir: Path, text_dir: Path) -> None:
    """Keep a partition's text-layer files under their own key (hard links, no copy)."""
    try:
        with replaced_dir(text_dir) as staging:
            for name in TEXT_TABLES:
                for suffix in (".parquet", ".csv"):
                    link_or_copy(partition_dir / f"{name}{suffix}", staging / f"{name}{suffix}")
            (staging / COMPLETE).write_text("ok")
    except OSError:
        pass  # another worker stored the same text layer first


def link_or_copy(src: Path, dst: Path) -> None:
    # Cached files are never changed in place (folders are replaced whole), so a hard link is safe.
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def parquet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """Object columns as strings (Parquet needs one type per column); nullable ints kept.
    The frame itself when it has no object column (no copy of a large tokens table)."""
    objects = {c: str for c in df.columns if df[c].dtype == object}
    return df.astype(objects) if objects else df


def read_stored(path: Path, name: str) -> pd.DataFrame:
    """A table stored as Parquet, with the column types of the public table."""
    return restore_types(pd.read_parquet(path), name)


def read_partition(cache_dir: str | Path, key: str, name: str) -> pd.DataFrame:
    return read_stored(Path(cache_dir) / key / f"{name}.parquet", name)


def write_csv_part(df: pd.DataFrame, path: Path, *, header: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_csv(df, path, header=header, append=not header)


__all__ = ["analyse_partition", "process_partition", "versions", "is_cached", "read_partition"]
