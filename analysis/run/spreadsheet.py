"""Copies of the CSV tables that are safe to open in a spreadsheet.

Article text is untrusted: a sentence or a title that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return) is run as a formula by Excel, LibreOffice and Google
Sheets when the CSV is opened ("CSV injection"; a formula can fetch URLs or, through DDE,
start programs). The copies put an apostrophe before such a cell, as OWASP recommends:
spreadsheets show the text and hide the apostrophe. Numbers (``-0.5``, ``+3``) are left as
they are, so numeric columns stay numeric.

The tables themselves stay exact (character offsets point into ``documents.text``); the
copies are for reading in a spreadsheet, the tables for computing.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path

from ..atomic import replaced_file

#: Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?")
#: Name of the folder of copies, beside the tables.
SPREADSHEET_DIR = "spreadsheet"
_CSV_FIELD_LIMIT = 2 ** 31 - 1


def spreadsheet_cell(cell: str) -> str:
    """The cell as a spreadsheet shows it as text.

    >>> spreadsheet_cell("=HYPERLINK(\\"http://x\\")"), spreadsheet_cell("-0.25"), spreadsheet_cell("- a list")
    ('\\'=HYPERLINK("http://x")', '-0.25', "'- a list")
    >>> spreadsheet_cell("@SUM(A1)"), spreadsheet_cell("plain")
    ("'@SUM(A1)", 'plain')
    """
    if cell[:1] in FORMULA_STARTS and cell[:1] and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_spreadsheet_copy(table: Path, target: Path) -> None:
    """Stream ``table`` (a CSV) into ``target`` with every risky cell escaped (written whole or not at all)."""
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    with replaced_file(target) as tmp:
        with open(table, newline="", encoding="utf-8") as src, open(tmp, "w", newline="", encoding="utf-8") as dst:
            writer = csv.writer(dst, lineterminator="\n")
            for row in csv.reader(src):
                writer.writerow([spreadsheet_cell(c) if c[:1] in FORMULA_STARTS else c for c in row])


def write_spreadsheet_copies(tables_dir: str | Path, names: Iterable[str], out_dir: str | Path) -> list[Path]:
    """A spreadsheet-safe copy of each named table (``stance`` or ``stance.csv``) in ``out_dir``."""
    written = []
    for name in names:
        file = name if name.endswith(".csv") else f"{name}.csv"
        target = Path(out_dir) / file
        write_spreadsheet_copy(Path(tables_dir) / file, target)
        written.append(target)
    return written
