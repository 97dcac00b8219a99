"""Loading corpora: the three formats, metadata, datelines, debris, and bad input."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.errors import CorpusError
from analysis.schema import DOCUMENT_COLUMNS
from analysis.text.corpus import iter_documents, parse_published, validate_corpus

from conftest import ROOT, write

ARTICLE = "Cambodia said it would stay neutral. Officials met on Monday.\n\nA second paragraph follows."


# --------------------------------------------------------------------- formats

def test_seed_folder(seed_documents):
    docs = seed_documents
    assert list(docs.columns[: len(DOCUMENT_COLUMNS) - 1]) == DOCUMENT_COLUMNS[:-1]
    assert docs.columns[-1] == "text"
    assert len(docs) == 5
    assert docs["doc_id"].tolist() == sorted(p.stem for p in (ROOT / "seeds").glob("*.txt"))
    assert set(docs["published_basis"]) <= {"metadata", "dateline", "inferred", "unknown"}
    row = docs.set_index("doc_id").loc["001_8b41e2d50531c92f"]
    assert (row.published, row.published_basis) == ("2024-04-03", "dateline")
    assert row.title == "Cambodia and Ukraine Forge Closer Ties in Mine-Clearing Efforts"
    # The stored text is the file, unchanged.
    for doc in docs.itertuples():
        assert doc.text == (ROOT / "seeds" / f"{doc.doc_id}.txt").read_text(encoding="utf-8")


def test_seed_metadata_never_invents_dates(seed_documents):
    # Only the dateline of 001 establishes a date; the others stay unknown for inference.
    known = seed_documents[seed_documents["published"] != ""]
    assert known["doc_id"].tolist() == ["001_8b41e2d50531c92f"]
    assert (seed_documents["provenance"].str.len() > 0).all()


def test_debris_is_outside_the_body(seed_documents):
    doc = seed_documents.set_index("doc_id").loc["001_8b41e2d50531c92f"]
    body = doc.text[doc.body_start:doc.body_end]
    assert body.startswith("Cambodia and Ukraine Forge Closer Ties")
    assert "NEC to Review" not in body and "Related News" not in body
    assert "Related News" in doc.text  # kept in the stored original


def test_folder_with_yaml_metadata(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", "WASHINGTON, March 3, 2022 (AFP) — Talks resumed.")
    write(tmp_path / "metadata.yaml", "- file: a.txt\n  title: A title\n  published: 2023-07-10\n  outlet: X\n")
    docs = analysis.load(tmp_path).set_index("doc_id")
    assert docs.loc["a", ["title", "source", "published", "published_basis"]].tolist() == [
        "A title", "X", "2023-07-10", "metadata"]
    assert docs.loc["b", ["published", "published_basis"]].tolist() == ["2022-03-03", "dateline"]
    assert docs.loc["a", "year"] == 2023


def test_csv_corpus(tmp_path):
    path = write(tmp_path / "c.csv", 'doc_id,body,published,outlet\nx1,"Line one.\n\nLine two.",2022-03-03,P\n'
                                     'x2,Second text.,,Q\n')
    docs = analysis.load(path, text_column="body")
    assert docs["doc_id"].tolist() == ["x1", "x2"]
    assert docs.loc[0, "text"] == "Line one.\n\nLine two."
    assert docs["published_basis"].tolist() == ["metadata", "unknown"]


def test_jsonl_corpus_without_ids(tmp_path):
    lines = [{"text": "First story.", "title": "One"}, {"text": "Second story.", "lang": "en"}]
    path = write(tmp_path / "n.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    docs = analysis.load(path)
    assert docs["doc_id"].tolist() == ["n-00001", "n-00002"]
    assert docs.loc[1, "lang"] == "en"


# --------------------------------------------------------------------- dates

@pytest.mark.parametrize("raw, iso", [
    ("2024-04-03", "2024-04-03"), ("2024/4/3", "2024-04-03"), ("2023-07", "2023-07"), ("2022", "2022"),
    ("April 3, 2024", "2024-04-03"), ("3 April 2024", "2024-04-03"), ("Jan. 26, 2023", "2023-01-26"),
    ("July 2023", "2023-07"), ("2024-04-03T10:15:00Z", "2024-04-03"), ("", ""),
])
def test_parse_published(raw, iso):
    assert parse_published(raw, where="w") == iso


@pytest.mark.parametrize("raw", ["yesterday", "2024-13-01", "31/31/2024", "Febtember 3, 2024", "2023-02-30"])
def test_parse_published_rejects(raw):
    with pytest.raises(CorpusError, match="w: (unparseable|invalid) date"):
        parse_published(raw, where="w")


# --------------------------------------------------------------------- bad input

_DEEP = "[" * 100_000 + "]" * 100_000

#: case -> (files to write, the corpus path among them, what the one-line error must say)
BAD_FILES = {
    "yaml_key_twice": ({"c/a.txt": ARTICLE, "c/metadata.yaml": "- file: a.txt\n  title: A\n  title: B\n"}, "c",
                       "metadata.yaml, line 3: invalid YAML (key 'title' given twice (first on line 2))"),
    "yaml_alias": ({"c/a.txt": ARTICLE, "c/metadata.yaml": "- &m {file: a.txt, title: A}\n- *m\n"}, "c",
                   "metadata.yaml, line 2: YAML aliases (*name) are not allowed"),
    "yaml_nested_too_deep": ({"c/a.txt": ARTICLE, "c/metadata.yaml": _DEEP}, "c",
                             "metadata.yaml, line 1: lists and mappings nested more than 100 deep"),
    "yaml_list_value": ({"c/a.txt": ARTICLE, "c/metadata.yaml": "- file: a.txt\n  tags: [x, y]\n"}, "c",
                        "metadata.yaml, entry 1: field 'tags' must be one value"),
    "metadata_row_too_long": ({"c/a.txt": ARTICLE, "c/metadata.csv": "file,title\na.txt,A,extra\n"}, "c",
                              "metadata.csv, row 2: more fields than the header has"),
    "csv_unnamed_column": ({"c.csv": "doc_id,,text\nx,1,Text.\n"}, "c.csv", "c.csv, row 1: column 2 has no name"),
    "csv_column_twice": ({"c.csv": "doc_id,text,text\nx,a,b\n"}, "c.csv",
                         "c.csv, row 1: column name 'text' used twice"),
    "jsonl_lone_surrogate": ({"n.jsonl": '{"text": "half \\ud800 a character"}\n'}, "n.jsonl",
                             "n.jsonl, line 1: invalid JSON (a \\u escape names half a character"),
    "jsonl_nested_too_deep": ({"n.jsonl": '{"text": "x", "m": ' + _DEEP + "}\n"}, "n.jsonl",
                              "n.jsonl, line 1: invalid JSON (nested too deeply)"),
    "jsonl_huge_integer": ({"n.jsonl": '{"text": "x", "n": ' + "7" * 5000 + "}\n"}, "n.jsonl",
                           "n.jsonl, line 1: invalid JSON (Exceeds the limit"),
    "date_before_1000": ({"c.csv": "doc_id,text,published\nx,Text.,0999-12-31\n"}, "c.csv",
                         "c.csv, row 2: date '0999-12-31' is outside the years 1000-2999"),
    "date_after_2999": ({"c.csv": "doc_id,text,published\nx,Text.,3000-01-01\n"}, "c.csv",
                        "c.csv, row 2: date '3000-01-01' is outside the years 1000-2999"),
    "year_disagrees": ({"c.csv": "doc_id,text,published,year\nx,Text.,2022-03-01,2021\n"}, "c.csv",
                       "c.csv, row 2: year '2021' disagrees with the publication date '2022-03-01'"),
}


def _bad_corpus(tmp_path: Path, case: str) -> tuple[Path, str]:
    """Build one bad corpus; return its path and the message the error must contain."""
    if case in BAD_FILES:
        files, corpus, message = BAD_FILES[case]
        for name, content in files.items():
            write(tmp_path / name, content)
        return tmp_path / corpus, message
    d = tmp_path / "corpus"
    if case == "not_utf8":
        write(d / "a.txt", "Caf\xe9 au lait.".encode("latin-1"))
        return d, "a.txt: not UTF-8 (invalid byte 0xe9 at byte 3, line 1)"
    if case == "empty_file":
        write(d / "a.txt", "  \n")
        return d, "a.txt: empty file"
    if case == "binary_file":
        write(d / "a.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
        return d, "a.txt: binary file"
    if case == "duplicate_ids":
        write(d / "a.txt", ARTICLE)
        write(d / "b.txt", ARTICLE)
        write(d / "metadata.csv", "file,doc_id\na.txt,same\nb.txt,same\n")
        return d, "metadata.csv, row 3: duplicate doc_id 'same'"
    if case == "metadata_missing_file":
        write(d / "a.txt", ARTICLE)
        write(d / "metadata.csv", "file,title\na.txt,A\nghost.txt,G\n")
        return d, "metadata.csv, row 3: names file 'ghost.txt', which does not exist"
    if case == "bad_date":
        write(d / "a.txt", ARTICLE)
        write(d / "metadata.csv", "file,published\na.txt,31 Smarch 2024\n")
        return d, "metadata.csv, row 2: unparseable date '31 Smarch 2024'"
    if case == "csv_without_text":
        return (write(tmp_path / "c.csv", "doc_id,body\nx,Some text\n"),
                "c.csv: no 'text' column (columns: doc_id, body)")
    if case == "csv_bad_date":
        return write(tmp_path / "c.csv", "doc_id,text,published\nx,Text.,2024-02-31\n"), \
            "c.csv, row 2: invalid date '2024-02-31'"
    if case == "jsonl_bad_line":
        return write(tmp_path / "n.jsonl", '{"text": "ok"}\n{"text": broken}\n'), "n.jsonl, line 2: invalid JSON"
    if case == "missing_path":
        return tmp_path / "nowhere", "nowhere: no such file or folder"
    if case == "bad_doc_id":
        return write(tmp_path / "c.csv", 'doc_id,text\n"../x",Text.\n'), "c.csv, row 2: doc_id '../x'"
    raise AssertionError(case)


BAD_CASES = ["not_utf8", "empty_file", "binary_file", "duplicate_ids", "metadata_missing_file", "bad_date",
             "csv_without_text", "csv_bad_date", "jsonl_bad_line", "missing_path", "bad_doc_id", *BAD_FILES]


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_raises_one_line(tmp_path, case):
    path, message = _bad_corpus(tmp_path, case)
    with pytest.raises(CorpusError) as err:
        analysis.load(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("case", BAD_CASES)
def test_validation_pass_raises_the_same_error(tmp_path, case):
    path, message = _bad_corpus(tmp_path, case)
    with pytest.raises(CorpusError) as err:
        validate_corpus(path)
    assert message in str(err.value)


def test_validation_pass_counts_documents(seeds_dir):
    assert validate_corpus(seeds_dir) == 5


@pytest.mark.parametrize("case", BAD_CASES)
def test_bad_input_on_the_command_line(tmp_path, case, capsys):
    from analysis.cli import main

    path, message = _bad_corpus(tmp_path, case)
    out = tmp_path / "out"
    assert main(["tables", "--corpus", str(path), "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]
    assert not out.exists(), "no partial output"
    assert list(tmp_path.glob(".out.*")) == [], "no staging leftovers"


def test_bad_input_exit_status_in_a_real_process(tmp_path):
    path, message = _bad_corpus(tmp_path, "not_utf8")
    proc = subprocess.run([sys.executable, "-m", "analysis", "tables", "--corpus", str(path), "--out",
                           str(tmp_path / "out"), "--quiet"], capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert message in proc.stderr


def test_file_name_metadata(tmp_path):
    write(tmp_path / "USA_79_2024.txt", ARTICLE)
    write(tmp_path / "sub" / "KHM_78_2023.txt", ARTICLE)
    docs = analysis.load(tmp_path, filename_pattern="{country}_{session}_{year}", recursive=True).set_index("doc_id")
    assert docs.loc["KHM_78_2023", ["country", "session", "published", "published_basis"]].tolist() == [
        "KHM", "78", "2023", "metadata"]
    assert len(docs) == 2


def test_file_name_not_matching_the_pattern(tmp_path):
    write(tmp_path / "notes.txt", ARTICLE)
    with pytest.raises(CorpusError, match="notes.txt: file name 'notes' does not match the pattern"):
        analysis.load(tmp_path, filename_pattern="{country}_{session}_{year}")


@pytest.mark.parametrize("chunk_size, chunk_chars, expected_chunks", [
    (500, None, 1),
    (2, None, 3),
    (500, 1, 5),          # every document over the limit is a chunk of its own
    (500, 10 ** 9, 1),
])
def test_chunks_bounded_by_documents_and_characters(seeds_dir, seed_documents, chunk_size, chunk_chars,
                                                    expected_chunks):
    chunks = list(iter_documents(seeds_dir, chunk_size=chunk_size, chunk_chars=chunk_chars))
    assert len(chunks) == expected_chunks
    joined = pd.concat(chunks, ignore_index=True)
    assert joined["doc_id"].tolist() == seed_documents["doc_id"].tolist()
    assert joined["text"].tolist() == seed_documents["text"].tolist()


# --------------------------------------------------------------------- file names

@pytest.mark.parametrize("names, expected", [
    (["speech 1, UN (2024).txt"], ["speech-1-UN-2024"]),
    (["Déclaration d'Hanoï.txt"], ["Declaration-d-Hanoi"]),
    (["000_2a8f.txt", "USA_79_2024.txt"], ["000_2a8f", "USA_79_2024"]),       # safe names stay as they are
    (["a b.txt", "a-b.txt"], ["a-b-", "a-b"]),                               # a made-up id that collides gets a hash
    (["..hidden thing.txt"], ["hidden-thing"]),
    (["x" * 140 + ".txt"], ["x" * 100 + "-"]),                                # too long: cut, with a hash
])
def test_any_file_name_gives_a_safe_stable_doc_id(tmp_path, names, expected):
    for n in names:
        write(tmp_path / n, f"Text of {n}.")
    docs = analysis.load(tmp_path)
    ids = dict(zip(docs["file"], docs["doc_id"]))
    for name, want in zip(names, expected):
        got = ids[name]
        assert got.startswith(want) and re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}", got), (name, got)
    assert analysis.load(tmp_path)["doc_id"].tolist() == docs["doc_id"].tolist()  # stable


def test_metadata_may_name_a_document_by_its_file_or_its_made_up_id(tmp_path):
    write(tmp_path / "speech 1, UN (2024).txt", "Kenya supports the peace talks.")
    write(tmp_path / "notes #2.txt", "Chile called for a ceasefire.")
    write(tmp_path / "metadata.csv", 'file,doc_id,source\n"speech 1, UN (2024).txt",,UN\n,notes-2,Wire\n')
    docs = analysis.load(tmp_path).set_index("doc_id")
    assert docs.loc["speech-1-UN-2024", "source"] == "UN" and docs.loc["notes-2", "source"] == "Wire"
    assert docs.loc["notes-2", "file"] == "notes #2.txt"


# --------------------------------------------------------------------- awkward but valid input

def test_yaml_metadata_is_read_as_the_text_written(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "metadata.yaml", "- file: a.txt\n  country: NO\n  id: 007\n  published: 2022-03-02\n  ok: yes\n")
    doc = analysis.load(tmp_path).iloc[0]
    assert (doc["country"], doc["id"], doc["published"], doc["ok"]) == ("NO", "007", "2022-03-02", "yes")


@pytest.mark.parametrize("columns, row, published, basis", [
    ("doc_id,text,year", "x,Text.,2023", "2023", "metadata"),                 # a year alone dates the article
    ("doc_id,text,published,year", "x,Text.,2023-05-01,2023", "2023-05-01", "metadata"),
    ("doc_id,text,year", "x,Text.,", "", "unknown"),
])
def test_a_year_column_dates_the_article_when_nothing_else_does(tmp_path, columns, row, published, basis):
    doc = analysis.load(write(tmp_path / "c.csv", f"{columns}\n{row}\n")).iloc[0]
    assert (doc["published"], doc["published_basis"]) == (published, basis)


def test_input_fields_named_like_computed_columns_are_kept_apart(tmp_path):
    header = "doc_id,text,n_chars,dateline,published_basis"
    doc = analysis.load(write(tmp_path / "c.csv", header + "\nx,Text.,99,HERE,trusted\n"))
    row = doc.iloc[0]
    assert row["n_chars"] == 5 and row["input_n_chars"] == "99"
    assert row["input_dateline"] == "HERE" and row["input_published_basis"] == "trusted"
    assert row["published_basis"] == "unknown"


def test_fields_longer_than_csvs_default_limit(tmp_path):
    long_text = "Cambodia supports the talks. " * 6000  # 174,000 characters, over csv's 131,072
    write(tmp_path / "c.csv", f'doc_id,text,note\nx,"{long_text}",{"n" * 140_000}\n')
    doc = analysis.load(tmp_path / "c.csv").iloc[0]
    assert doc["text"] == long_text and len(doc["note"]) == 140_000
    write(tmp_path / "f" / "a.txt", ARTICLE)
    write(tmp_path / "f" / "metadata.csv", f'file,note\na.txt,{"m" * 140_000}\n')
    assert len(analysis.load(tmp_path / "f").iloc[0]["note"]) == 140_000


def test_jsonl_escapes_that_are_whole_characters_are_fine(tmp_path):
    write(tmp_path / "n.jsonl", '{"text": "Caf\\u00e9 and \\ud83d\\ude00 emoji."}\n')
    assert analysis.load(tmp_path / "n.jsonl").iloc[0]["text"] == "Café and 😀 emoji."
