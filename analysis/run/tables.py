"""The tables on disk: CSV written byte for byte as pandas writes it, read back with their types.

The table contracts (file names and columns) are part of the public interface and live in
:mod:`analysis.schema`. Writing is all-or-nothing: tables are written to a temporary
folder beside the destination and moved into place only when every one of them is complete.
"""

from __future__ import annotations

import csv
import os
from contextlib import nullcontext
from pathlib import Path

import numpy as np
import pandas as pd

from ..atomic import staging_dir
from ..errors import UserError
from ..schema import SCHEMAS, TABLE_NAMES, TableSchema


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


def _rows_with_cr(df: pd.DataFrame, cells: list[list]) -> set[int]:
    """Rows holding a lone carriage return in a text cell."""
    rows: set[int] = set()
    for name, col in zip(df.columns, cells):
        dtype = df[name].dtype
        if isinstance(dtype, pd.StringDtype) or str(dtype) == "str":
            rows.update(np.flatnonzero(df[name].str.contains("\r", regex=False, na=False).to_numpy()).tolist())
        elif isinstance(dtype, np.dtype) and dtype.kind == "O":
            rows.update(i for i, v in enumerate(col) if type(v) is str and "\r" in v)
    return rows


def write_csv(df: pd.DataFrame, path: str | Path, *, header: bool = True, append: bool = False) -> None:
    """``df.to_csv(path, index=False, lineterminator="\\n")``, byte for byte, in about half
    the time on the large tables (the tokens table is most of a run's output): the cells go
    straight to the ``csv`` module that pandas itself writes with, without pandas'
    per-block string conversion. Column types it does not know are left to pandas.

    One difference, a fix: a row with a carriage return in a cell ("\\r" alone, as old Mac
    and some CMS exports end lines) has every cell quoted. The ``csv`` module (and so pandas)
    quotes a cell only for the line terminator's own characters, and a reader would take the
    bare "\\r" for the end of the row.

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
        quoted = _rows_with_cr(df, cells)
        if not quoted:
            writer.writerows(zip(*cells))
            return
        every = csv.writer(fh, lineterminator="\n", quoting=csv.QUOTE_ALL)
        for i, row in enumerate(zip(*cells)):
            (every if i in quoted else writer).writerow(row)


def write_tables(tables: dict[str, pd.DataFrame], out_dir: str | Path) -> list[Path]:
    """Write ``<name>.csv`` for each table into ``out_dir``, all or none."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise UserError(f"{out_dir}: exists and is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    with staging_dir(out_dir, "staging") as staging:  # inside the folder: nothing is written beside it
        for name, df in tables.items():
            write_csv(df, staging / f"{name}.csv")
        written = []
        for name in tables:
            os.replace(staging / f"{name}.csv", out_dir / f"{name}.csv")
            written.append(out_dir / f"{name}.csv")
        return written


def restore_types(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """The column types of a public table (nullable integers, booleans, floats) on a frame
    whose columns may have come back as other types (from Parquet). Only the columns that
    need it are converted, on a shallow copy (``DataFrame.astype`` with a dict copies every
    column); the frame itself when none does."""
    schema = SCHEMAS[name]
    wanted = {**{c: "Int64" for c in schema.ints}, **{c: "bool" for c in schema.bools},
              **{c: "float64" for c in schema.floats}}
    todo = {c: t for c, t in wanted.items() if c in df.columns and str(df[c].dtype) != t}
    if not todo:
        return df
    df = df.copy(deep=False)
    for c, t in todo.items():
        df[c] = df[c].astype(t)
    return df


def read_table(path: str | Path, name: str | None = None) -> pd.DataFrame:
    """Read one table written by :func:`write_tables`, restoring its column types."""
    path = Path(path)
    name = name or path.stem
    if not path.is_file():
        raise UserError(f"{path}: table not found (run: python -m analysis tables --corpus PATH --out DIR)")
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    schema = SCHEMAS.get(name, TableSchema(()))
    for col in schema.ints:
        if col in df:
            df[col] = pd.to_numeric(df[col].replace("", None)).astype("Int64")
    for col in schema.bools:
        if col in df:
            df[col] = df[col].map({"True": True, "False": False}).astype(bool)
    for col in schema.floats:
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
