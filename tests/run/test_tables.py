"""Table contracts: file names and columns are a public interface (README, "Tables")."""

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis.cli import main
from analysis.run import tables as table_io
from analysis.run.tables import read_table, read_tables, write_csv, write_tables
from analysis.schema import SCHEMAS, TABLE_NAMES

# The documented contract. Changing it is a breaking change for researchers' scripts:
# update the README's table section and this test together.
CONTRACT = {
    "documents": ["doc_id", "title", "title_basis", "source", "url", "published", "published_basis", "year",
                  "dateline", "body_start", "body_end", "n_chars"],  # ... extra metadata, then:
    "timeline": ["doc_id", "sentence_id", "char_start", "char_end", "expression", "type", "value", "granularity",
                 "anchor", "mod", "event", "event_start", "event_end", "actors", "issues", "statement", "event_id"],
    "events": ["event_id", "date", "granularity", "summary", "actors", "issues", "doc_ids", "mentions", "conflict"],
    "event_merges": ["event_id", "doc_id", "sentence_id", "value", "reason"],
    "paragraphs": ["doc_id", "paragraph_id", "char_start", "char_end", "kind", "text"],
    "quotes": ["doc_id", "quote_id", "char_start", "char_end", "text"],
    "sentences": ["doc_id", "sentence_id", "paragraph_id", "char_start", "char_end", "n_tokens", "quote_id",
                  "in_quote", "text", "tone"],
    "tokens": ["doc_id", "sentence_id", "token_id", "char_start", "char_end", "token", "lower", "is_alpha",
               "is_stop"],
    "mentions": ["doc_id", "sentence_id", "mention_id", "char_start", "char_end", "text", "kind", "canonical",
                 "actor_type", "affiliation", "role", "source", "resolved", "resolved_from"],
    "attribution": ["doc_id", "sentence_id", "attribution", "speaker", "speaker_type", "speaker_affiliation",
                    "speech_verb", "speaker_resolved", "quote_id"],
    "stance": ["doc_id", "sentence_id", "char_start", "char_end", "holder", "holder_affiliation", "holder_type",
               "target", "target_type", "stance", "act", "cue", "cue_start", "cue_end", "negated", "hedged",
               "boosted", "modality", "attribution", "speaker", "resolved_holder", "addressee", "evidence", "plover",
               "quad"],
    "frames": ["doc_id", "sentence_id", "char_start", "char_end", "frame", "score", "indicators", "negated",
               "rejected", "speaker", "speaker_type", "evidence"],
    "frame_profile": ["doc_id", "frame", "sentences", "share", "dominant"],
}


def test_contract_is_the_code():
    assert set(CONTRACT) == set(TABLE_NAMES)
    for name, cols in CONTRACT.items():
        assert list(SCHEMAS[name].columns[: len(cols)]) == cols
    # documents end with the publication-date interval and then the text
    assert list(SCHEMAS["documents"].columns[-3:]) == ["published_earliest", "published_latest", "published_evidence"]


@pytest.fixture(scope="module")
def written(tmp_path_factory, seeds_dir):
    out = tmp_path_factory.mktemp("tables") / "out"
    assert main(["tables", "--corpus", str(seeds_dir), "--out", str(out), "--quiet"]) == 0
    return out


def test_tables_command_writes_every_table(written):
    assert sorted(p.name for p in written.glob("*.csv")) == sorted(f"{n}.csv" for n in TABLE_NAMES)
    assert sorted(p.name for p in (written / "parquet").iterdir() if p.is_dir()) == sorted(TABLE_NAMES)
    for name, cols in CONTRACT.items():
        header = pd.read_csv(written / f"{name}.csv", nrows=0).columns.tolist()
        assert header[: len(cols)] == cols
    docs = read_table(written / "documents.csv")
    assert docs.columns[-1] == "text"
    assert docs.columns[-4:-1].tolist() == ["published_earliest", "published_latest", "published_evidence"]


def test_tables_round_trip(written, seed_documents, seed_layer):
    tables = read_tables(written)
    pd.testing.assert_frame_equal(tables["sentences"].drop(columns="tone"), seed_layer["sentences"], check_dtype=False)
    assert tables["sentences"]["tone"].between(-1, 1).all()
    pd.testing.assert_frame_equal(tables["tokens"], seed_layer["tokens"], check_dtype=False)
    docs = tables["documents"]
    # Offsets still work on the text read back from CSV.
    texts = dict(zip(docs["doc_id"], docs["text"]))
    for s in tables["sentences"].itertuples():
        assert texts[s.doc_id][s.char_start:s.char_end] == s.text
    assert docs["year"].dtype == "Int64" and tables["sentences"]["in_quote"].dtype == bool


def test_rewrite_replaces_tables_and_leaves_no_staging(tmp_path):
    df = pd.DataFrame({"doc_id": ["a"], "x": [1]})
    write_tables({"one": df}, tmp_path / "t")
    write_tables({"one": df.assign(x=2)}, tmp_path / "t")
    assert pd.read_csv(tmp_path / "t" / "one.csv")["x"].tolist() == [2]
    assert [p.name for p in tmp_path.iterdir()] == ["t"]


def test_failed_write_leaves_previous_tables(tmp_path, monkeypatch):
    write_tables({"one": pd.DataFrame({"x": [1]})}, tmp_path / "t")

    real_write = table_io.write_csv

    def disk_full_on_second(df, path, **kw):
        if Path(path).name == "two.csv":
            raise OSError("disk full")
        real_write(df, path, **kw)

    monkeypatch.setattr(table_io, "write_csv", disk_full_on_second)
    with pytest.raises(OSError):
        write_tables({"one": pd.DataFrame({"x": [9]}), "two": pd.DataFrame({"x": [1]})}, tmp_path / "t")
    assert pd.read_csv(tmp_path / "t" / "one.csv")["x"].tolist() == [1]
    assert not (tmp_path / "t" / "two.csv").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["t"]


_NASTY_TEXT = ['plain', 'comma, inside', 'say "no"', 'line\nbreak', ' leading space', '', 'ünïcödé ’', None]
_FLOATS = [0.1, 1e-05, -0.0, 1e16, 123456789.123, 1 / 3, float("nan"), 2.0]


@pytest.mark.parametrize("frame", [
    pd.DataFrame({"text": _NASTY_TEXT}),  # one column: an empty cell is written '""'
    pd.DataFrame({"text": pd.Series(_NASTY_TEXT, dtype=object)}),
    pd.DataFrame({"text": pd.Series(_NASTY_TEXT, dtype="string")}),
    pd.DataFrame({"x": _FLOATS, "y": pd.array([1, None, 3, 4, 5, 6, 7, 8], dtype="Int64")}),
    pd.DataFrame({"b": [True, False], "nb": pd.array([True, None], dtype="boolean"),
                  "f": pd.array([0.5, None], dtype="Float64"), "i": [1, -2], "u": pd.Series([1, 2], dtype="uint8")}),
    pd.DataFrame({"mixed": [1, "a", 2.5, True, pd.NA, float("nan")]}),
    pd.DataFrame({"d": pd.to_datetime(["2024-01-02", None])}),  # left to pandas
    pd.DataFrame({"a": [], "b": []}),
    pd.DataFrame(),
], ids=["text", "object", "string", "floats-ints", "bools-masked", "mixed-object", "datetime", "empty", "no-columns"])
def test_write_csv_is_byte_identical_to_pandas(frame, tmp_path):
    write_csv(frame, tmp_path / "ours.csv")
    frame.to_csv(tmp_path / "pandas.csv", index=False, lineterminator="\n")
    assert (tmp_path / "ours.csv").read_bytes() == (tmp_path / "pandas.csv").read_bytes()
    # Appending a second part without its header gives the concatenated table.
    write_csv(frame, tmp_path / "ours.csv", header=False, append=True)
    pd.concat([frame, frame]).to_csv(tmp_path / "both.csv", index=False, lineterminator="\n")
    assert (tmp_path / "ours.csv").read_bytes() == (tmp_path / "both.csv").read_bytes()


# Every character a corpus can hold: line breaks of every kind, the separator and the quote,
# control characters (NUL aside: it is not text), characters beyond the Basic Multilingual Plane.
_TEXT = st.text(alphabet=st.one_of(st.sampled_from(list('\r\n,"\'\t\x0b\x0c\x1c\x1e\x7f\x85\u2028 ;|')),
                                   st.characters(codec="utf-8", exclude_characters="\x00")), max_size=40)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(_TEXT, _TEXT), min_size=1, max_size=8))
def test_every_string_round_trips_through_the_csv_tables(tmp_path, rows):
    df = pd.DataFrame(rows, columns=["text", "title"]).assign(n=range(len(rows)))
    path = tmp_path / "t.csv"
    write_csv(df, path)
    back = read_table(path)
    assert back["text"].tolist() == df["text"].tolist() and back["title"].tolist() == df["title"].tolist()
    assert back["n"].astype(int).tolist() == list(range(len(rows)))


def test_a_lone_carriage_return_is_quoted_and_nothing_else_changes(tmp_path):
    df = pd.DataFrame({"text": ["old Mac\rline end", "plain"], "n": [1, 2]})
    write_csv(df, tmp_path / "t.csv")
    assert (tmp_path / "t.csv").read_bytes() == b'text,n\n"old Mac\rline end","1"\nplain,2\n'
