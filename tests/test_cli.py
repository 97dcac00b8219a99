"""The command line: every problem is one line on stderr and exit status 2, never a traceback."""

import csv

import pytest

from analysis import cli
from analysis.errors import one_line

from conftest import write

ARTICLE = "Kenya said on Monday it supports the peace talks.\n"


@pytest.mark.parametrize("args, message", [
    (["report", "--max-articles", "-1"], "--max-articles: -1 is less than 0"),
    (["report", "--jobs", "0"], "--jobs: 0 is less than 1"),
    (["tables", "--jobs", "two"], "--jobs: 'two' is not a whole number"),
    (["tables", "--partition-size", "0"], "--partition-size: 0 is less than 1"),
    (["tables", "--partition-chars", "-5"], "--partition-chars: -5 is less than 1"),
])
def test_numbers_out_of_range_are_refused_before_anything_runs(tmp_path, capsys, args, message):
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    with pytest.raises(SystemExit) as exit_:
        cli.main([args[0], "--corpus", str(corpus), "--out", str(tmp_path / "out"), *args[1:]])
    assert exit_.value.code == 2 and message in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("raw, shown", [
    ("plain", "plain"),
    ("two\nlines", "two\\nlines"),
    ("colour \x1b[31mred", "colour \\x1b[31mred"),
    ("right\u202eleft", "right\\u202eleft"),
    ("Déclaration", "Déclaration"),
])
def test_messages_are_one_printable_line(raw, shown):
    assert one_line(raw) == shown


def test_a_file_name_with_a_line_break_stays_on_one_line(tmp_path, capsys):
    corpus = tmp_path / "bad\nname\x1b[2J"
    write(corpus / "a.txt", b"\xff\xfe not text")
    assert cli.main(["tables", "--corpus", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "bad\\nname\\x1b[2J" in err


def test_a_system_error_is_one_line_with_status_2(tmp_path, capsys, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device", str(tmp_path / "out" / "tokens.csv"))

    monkeypatch.setattr(cli, "run_tables", full_disk)
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    assert cli.main(["tables", "--corpus", str(corpus), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'out' / 'tokens.csv'}: No space left on device\n"


def test_a_system_error_without_a_file_name_names_the_output_folder(tmp_path, capsys, monkeypatch):
    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli, "run_tables", full_disk)
    corpus = write(tmp_path / "c" / "a.txt", ARTICLE).parent
    assert cli.main(["tables", "--corpus", str(corpus), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"error: {tmp_path / 'out'} (writing): No space left on device\n"


def test_spreadsheet_copies_escape_formulas_and_keep_the_tables_exact(tmp_path):
    corpus = write(tmp_path / "c" / "a.txt", "=HYPERLINK(\"http://x\",\"y\") Kenya supports the talks.\n\n"
                                             "@SUM(1) Chile opposes the war.\n").parent
    out = tmp_path / "out"
    assert cli.main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet", "--spreadsheet"]) == 0
    raw = {r["sentence_id"]: r["text"] for r in csv.DictReader(open(out / "sentences.csv", encoding="utf-8"))}
    safe = {r["sentence_id"]: r["text"] for r in
            csv.DictReader(open(out / "spreadsheet" / "sentences.csv", encoding="utf-8"))}
    assert raw["0"].startswith("=HYPERLINK") and safe["0"] == "'" + raw["0"]
    assert safe["1"] == "'" + raw["1"]
    for table in (out / "spreadsheet").glob("*.csv"):
        for row in csv.reader(open(table, encoding="utf-8")):
            assert not any(c and c[0] in "=+@\t\r" for c in row), table.name
    # Once made, the copies follow later runs (a stale copy would contradict its table).
    write(corpus / "a.txt", "-1 Kenya supports the talks.\n")
    assert cli.main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet"]) == 0
    rows = list(csv.DictReader(open(out / "spreadsheet" / "sentences.csv", encoding="utf-8")))
    assert [r["text"] for r in rows] == ["'-1 Kenya supports the talks."]
