"""Spreadsheet copies: a cell that a spreadsheet would run as a formula is shown as text."""

import csv

import pytest

from analysis.run.spreadsheet import spreadsheet_cell, write_spreadsheet_copy


@pytest.mark.parametrize("cell, shown", [
    ('=HYPERLINK("http://example.com","click")', '\'=HYPERLINK("http://example.com","click")'),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\tTabbed", "'\tTabbed"),
    ("\r=x", "'\r=x"),
    ("- a dash opens the sentence", "'- a dash opens the sentence"),
    ("-0.25", "-0.25"),              # numbers stay numbers
    ("+3", "+3"),
    ("1e-5", "1e-5"),
    ("Kenya = Chile", "Kenya = Chile"),  # only the first character counts
    ("", ""),
])
def test_formula_cells_become_text(cell, shown):
    assert spreadsheet_cell(cell) == shown


def test_copy_keeps_every_row_and_column(tmp_path):
    table = tmp_path / "t.csv"
    rows = [["doc_id", "score", "text"], ["a", "-0.5", "=1+1"], ["b", "", 'quote " and,comma\nnewline']]
    with open(table, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    write_spreadsheet_copy(table, tmp_path / "copy" / "t.csv")
    with open(tmp_path / "copy" / "t.csv", newline="", encoding="utf-8") as fh:
        got = list(csv.reader(fh))
    assert got == [rows[0], ["a", "-0.5", "'=1+1"], rows[2]]
    assert [p.name for p in (tmp_path / "copy").iterdir()] == ["t.csv"]  # no temporary file left
