"""Computing the analysis tables for a corpus, and writing/reading them as CSV.

The table contracts (file names and columns) are part of the public interface:
researchers load them in R, Stata or pandas. They are documented in the README and
guarded by ``tests/test_tables.py``.

Writing is all-or-nothing: tables are written to a temporary folder beside the
destination and moved into place only when every one of them is complete.
"""

from __future__ import annotations

import csv
import os
import shutil
import tempfile
from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pandas as pd

from .settings import load_corpus_config
from .corpus import DOCUMENT_COLUMNS, load
from .errors import UserError
from .frames import FRAME_COLUMNS, PROFILE_COLUMNS, frame_profile, frame_table
from .mentions import ATTRIBUTION_COLUMNS, MENTION_COLUMNS, analyse_documents, mention_tables
from .stance import STANCE_COLUMNS, stance_table
from .timeline import EVENT_COLUMNS, MERGE_COLUMNS, TIMELINE_COLUMNS, merge_events
from .text import PARAGRAPH_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS, TOKEN_COLUMNS, text_layer

#: name -> (required leading columns, integer columns, boolean columns)
SCHEMAS: dict[str, tuple[list[str], tuple[str, ...], tuple[str, ...]]] = {
    "documents": (DOCUMENT_COLUMNS[:-1] + ["published_earliest", "published_latest", "published_evidence"],
                  ("year", "body_start", "body_end", "n_chars"), ()),
    "paragraphs": (PARAGRAPH_COLUMNS, ("paragraph_id", "char_start", "char_end"), ()),
    "quotes": (QUOTE_COLUMNS, ("quote_id", "char_start", "char_end"), ()),
    "sentences": (SENTENCE_COLUMNS + ["tone"], ("sentence_id", "paragraph_id", "char_start", "char_end", "n_tokens",
                                                "quote_id"), ("in_quote",)),
    "tokens": (TOKEN_COLUMNS, ("sentence_id", "token_id", "char_start", "char_end"), ("is_alpha", "is_stop")),
    "mentions": (MENTION_COLUMNS, ("sentence_id", "mention_id", "char_start", "char_end"), ("resolved",)),
    "attribution": (ATTRIBUTION_COLUMNS, ("sentence_id", "quote_id"), ("speaker_resolved",)),
    "stance": (STANCE_COLUMNS, ("sentence_id", "char_start", "char_end", "cue_start", "cue_end"),
               ("negated", "hedged", "boosted", "resolved_holder")),
    "frames": (FRAME_COLUMNS, ("sentence_id", "char_start", "char_end"), ("rejected",)),
    "frame_profile": (PROFILE_COLUMNS, ("sentences",), ("dominant",)),
    "timeline": (TIMELINE_COLUMNS, ("sentence_id", "char_start", "char_end", "event_start", "event_end"),
                 ("statement",)),
    "events": (EVENT_COLUMNS, ("mentions",), ()),
    "event_merges": (MERGE_COLUMNS, ("sentence_id",), ()),
}
FLOAT_COLUMNS = {"sentences": ("tone",), "frames": ("score",), "frame_profile": ("share",)}
TABLE_NAMES = tuple(SCHEMAS)


def build_tables(corpus: str | Path, *, text_column: str = "text", id_column: str = "doc_id",
                 corpus_config: str | Path | None = None, codebooks: str | Path | None = None,
                 frames_codebook: str | Path | None = None, filename_pattern: str | None = None,
                 recursive: bool = False, progress: bool = False) -> dict[str, pd.DataFrame]:
    """Load the corpus and compute every table in memory (nothing is written). For corpora
    too large for memory use :func:`analysis.pipeline.run_tables`, which gives the same tables."""
    from .frames import load_frames
    from .pipeline import Options, analyse_partition
    from .settings import load_codebooks

    options = Options(corpus_config=str(corpus_config) if corpus_config else None,
                      codebooks=str(codebooks) if codebooks else None,
                      frames_codebook=str(frames_codebook) if frames_codebook else None)
    config = load_corpus_config(options.corpus_config)
    load_codebooks(options.codebooks)  # validate before any work
    load_frames(options.frames_codebook)
    documents = load(corpus, text_column=text_column, id_column=id_column, config=config,
                     filename_pattern=filename_pattern, recursive=recursive)
    tables = analyse_partition(documents, options)
    tables["timeline"], tables["events"], tables["event_merges"] = merge_events(tables["timeline"])
    return tables


def _csv_cells(column: pd.Series) -> list | None:
    """A column's cells as ``DataFrame.to_csv`` writes them (missing values as ""), or None
    for a column type this writer leaves to pandas."""
    dtype = column.dtype
    if isinstance(dtype, np.dtype):
        if dtype.kind in "iub":
            return column.tolist()
        if dtype.kind == "f":  # pandas formats float columns with numpy's shortest repr
            values = column.to_numpy()
            cells = values.astype(str).astype(object)
            cells[np.isnan(values)] = ""
            return cells.tolist()
        if dtype.kind == "O":
            cells = column.tolist()
            for i in np.flatnonzero(column.isna().to_numpy()):
                cells[i] = ""
            return cells
        return None
    if isinstance(dtype, (pd.StringDtype, pd.Int64Dtype, pd.BooleanDtype, pd.Float64Dtype)):
        return column.array.to_numpy(dtype=object, na_value="").tolist()
    return None


def write_csv(df: pd.DataFrame, path: str | Path, *, header: bool = True, append: bool = False) -> None:
    """``df.to_csv(path, index=False, lineterminator="\\n")``, byte for byte, in about half
    the time on the large tables (the tokens table is most of a run's output): the cells go
    straight to the ``csv`` module that pandas itself writes with, without pandas'
    per-block string conversion. Column types it does not know are left to pandas.

    >>> import io
    >>> out = io.StringIO()
    >>> write_csv(pd.DataFrame({"a": [1, 2], "b": ["x, y", None]}), out)
    >>> out.getvalue()
    'a,b\\n1,"x, y"\\n2,\\n'
    """
    cells = [_csv_cells(df[c]) for c in df.columns] if df.columns.is_unique else [None]
    if not cells or any(c is None for c in cells):
        df.to_csv(path, index=False, lineterminator="\n", header=header, mode="a" if append else "w")
        return
    opened = nullcontext(path) if hasattr(path, "write") else \
        open(path, "a" if append else "w", encoding="utf-8", newline="")
    with opened as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if header:
            writer.writerow(df.columns)
        writer.writerows(zip(*cells))


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write ``<name>.csv`` for each table into ``out_dir``, atomically per run."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: exists and is not a folder")
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for name, df in tables.items():
            write_csv(df, staging / f"{name}.csv")
        out_dir.mkdir(exist_ok=True)
        written = []
        for name in tables:
            os.replace(staging / f"{name}.csv", out_dir / f"{name}.csv")
            written.append(out_dir / f"{name}.csv")
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_table(path: str | Path, name: str | None = None) -> pd.DataFrame:
    """Read one table written by :func:`write_tables`, restoring its column types."""
    path = Path(path)
    name = name or path.stem
    if not path.is_file():
        raise UserError(f"{path}: table not found (run: python -m analysis tables --corpus PATH --out DIR)")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    _, ints, bools = SCHEMAS.get(name, ([], (), ()))
    for col in ints:
        if col in df:
            df[col] = pd.to_numeric(df[col].replace("", None)).astype("Int64")
    for col in bools:
        if col in df:
            df[col] = df[col].map({"True": True, "False": False}).astype(bool)
    for col in FLOAT_COLUMNS.get(name, ()):
        if col in df:
            df[col] = pd.to_numeric(df[col].replace("", None)).astype(float)
    return df


class LazyTables(dict):
    """Tables read from disk on first use: a notebook that shows stance never parses tokens.csv."""

    def __init__(self, tables_dir: str | Path, names: tuple[str, ...]):
        super().__init__()
        self._dir, self._names = Path(tables_dir), names

    def __missing__(self, name: str) -> pd.DataFrame:
        if name not in self._names:
            raise KeyError(name)
        df = read_table(self._dir / f"{name}.csv", name)
        self[name] = df
        return df

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def keys(self):  # type: ignore[override]
        return list(self._names)


def read_tables(tables_dir: str | Path, names: tuple[str, ...] = TABLE_NAMES, *, lazy: bool = False) -> dict:
    if lazy:
        missing = [n for n in names if not (Path(tables_dir) / f"{n}.csv").is_file()]
        if missing:
            raise UserError(f"{Path(tables_dir) / (missing[0] + '.csv')}: table not found "
                            "(run: python -m analysis tables --corpus PATH --out DIR)")
        return LazyTables(tables_dir, names)
    return {name: read_table(Path(tables_dir) / f"{name}.csv", name) for name in names}


def load_or_build(*, corpus: str | Path, tables_dir: str | Path | None = None,
                  frames_codebook: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """Tables for a notebook: read from ``tables_dir`` when the report runner made them,
    otherwise computed from ``corpus`` (interactive use in JupyterLab)."""
    if tables_dir:
        return read_tables(tables_dir, lazy=True)
    return build_tables(corpus, frames_codebook=frames_codebook or None)
