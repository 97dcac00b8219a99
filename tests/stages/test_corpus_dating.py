"""Undated articles dated by the rest of their corpus. Sentences written for these tests."""

import json

import pandas as pd
import pytest

import analysis
from analysis.cli import main

from conftest import write

SIGNED = "Kenya signed the trade agreement with Ghana on Wednesday, officials said."


def _corpus(tmp_path, *records):
    path = tmp_path / "c.jsonl"
    write(path, "".join(json.dumps({"doc_id": d, "text": t, "published": p}) + "\n" for d, t, p in records))
    return path


def _undated(tmp_path, *records) -> pd.Series:
    docs = analysis.build_tables(_corpus(tmp_path, *records))["documents"].set_index("doc_id")
    return docs.loc["u"]


@pytest.mark.parametrize("dated, undated, earliest, latest, evidence", [
    # the same signing (shared actor, same trigger) on its weekday: within a week of its day
    (SIGNED, "Ghana and Kenya signed the trade agreement on Wednesday in Accra.", "2023-02-22", "2023-03-08",
     "names the day of an event that document d (sentence 0) dates 2023-03-01"),
    # by its month and day: the year is the dated article's, publication within 45 days
    ("Kenya signed the trade agreement with Ghana on March 1, officials said.",
     "Kenya signed the trade agreement with Ghana on March 1.", "2023-01-15", "2023-04-15", "dates 2023-03-01"),
    # another weekday, or no actor in common: nothing from the corpus
    (SIGNED, "Ghana and Kenya signed the trade agreement on Thursday.", "", "", ""),
    (SIGNED, "Togo signed the trade agreement on Wednesday.", "", "", ""),
])
def test_an_undated_article_takes_bounds_from_a_dated_one(tmp_path, dated, undated, earliest, latest, evidence):
    row = _undated(tmp_path, ("d", dated, "2023-03-03"), ("u", undated, ""))
    assert (row.published_earliest, row.published_latest) == (earliest, latest)
    assert evidence in row.published_evidence
    assert row.published_basis == ("inferred" if earliest else "unknown")


def test_a_mention_matching_events_on_two_days_is_not_used(tmp_path):
    row = _undated(tmp_path, ("d1", SIGNED, "2023-03-03"), ("d2", SIGNED, "2023-03-10"),
                   ("u", "Kenya signed the trade agreement with Ghana on Wednesday.", ""))
    assert row.published_earliest == "" and "dated 2023-03-01 and 2023-03-08 (at least) in the corpus: not used" in \
        row.published_evidence


def test_corpus_evidence_against_the_text_is_flagged_and_set_aside(tmp_path):
    # The text itself says it is later than May 2 (a past date); the corpus match says early March.
    row = _undated(tmp_path, ("d", SIGNED, "2023-03-03"),
                   ("u", "Talks ended on May 2, 2023. Kenya signed the trade agreement with Ghana on Wednesday.", ""))
    assert row.published_earliest == "2023-05-02"
    assert "flagged: corpus evidence outside the interval set aside" in row.published_evidence


def test_partitions_give_the_tables_one_run_in_memory_gives(tmp_path):
    corpus = _corpus(tmp_path, ("d", SIGNED, "2023-03-03"),
                     ("u", "Ghana and Kenya signed the trade agreement on Wednesday in Accra.", ""),
                     ("x", "The weather was mild.", ""))
    out = tmp_path / "out"
    assert main(["tables", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs", "1",
                 "--partition-size", "1"]) == 0
    written = pd.read_parquet(out / "parquet" / "documents").set_index("doc_id")
    memory = analysis.build_tables(corpus)["documents"].set_index("doc_id")
    columns = ["published", "published_basis", "published_earliest", "published_latest", "published_evidence"]
    assert written.loc["u", "published_latest"] == "2023-03-08"
    pd.testing.assert_frame_equal(written.loc[:, columns].sort_index(), memory.loc[:, columns].sort_index())
    csv = pd.read_csv(out / "documents.csv", keep_default_na=False).set_index("doc_id")
    assert csv.loc["u", "published_earliest"] == "2023-02-22"
    # The narrowed article's own dates are resolved again against its new interval, in both paths.
    timeline_columns = ["doc_id", "char_start", "expression", "value", "granularity", "anchor"]
    in_memory = analysis.build_tables(corpus)["timeline"][timeline_columns].reset_index(drop=True)
    partitioned = pd.read_parquet(out / "parquet" / "timeline")[timeline_columns].reset_index(drop=True)
    pd.testing.assert_frame_equal(partitioned, in_memory, check_dtype=False)
    wednesday = in_memory[in_memory["doc_id"] == "u"].iloc[0]
    assert (wednesday.value, wednesday.anchor) == ("2023", "interval")  # was XXXX-WXX-3, anchor none


def test_missing_values_and_columns_leave_the_documents_as_they_are():
    from analysis.stages.corpus_dating import cross_date

    docs = pd.DataFrame({"doc_id": ["d", "u"], "published_basis": ["metadata", "unknown"],
                         "published": ["2023-03-03", ""], "published_earliest": ["2023-03-03", ""],
                         "published_latest": ["2023-03-03", ""], "published_evidence": ["", ""], "year": [2023, None]})
    timeline = pd.DataFrame({"doc_id": ["d", "u"], "sentence_id": [0, 0], "expression": ["Wednesday"] * 2,
                             "type": ["DATE", "DATE"], "value": ["2023-03-01", "XXXX-WXX-3"],
                             "granularity": ["day", "day"], "event": ["signed", None], "actors": ["Kenya;Ghana", None],
                             "issues": [None, None]})
    pd.testing.assert_frame_equal(cross_date(docs, timeline), docs)  # no actor in "u": nothing to match
    pd.testing.assert_frame_equal(cross_date(docs.drop(columns="published_basis"), timeline),
                                  docs.drop(columns="published_basis"))
    pd.testing.assert_frame_equal(cross_date(docs, pd.DataFrame()), docs)
