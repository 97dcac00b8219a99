"""The publication-date scorer, on a hand-made documents table (no shared data needed)."""

import pandas as pd
import pytest

from analysis.evaluation.publication import by_basis, detokenize, leading_date_line, score_documents, summarise

TRUTH = "2013-12-10"

#: (doc_id, published, basis, earliest, latest): one case each, against TRUTH.
DOCS = [
    ("exact", "2013-12-10", "dateline", "", ""),             # day-exact, its own day as interval
    ("near", "2013-12-12", "dateline", "", ""),              # within 2 days, not exact
    ("far", "2013-12-20", "inferred", "", ""),               # month right only
    ("month", "2013-12", "inferred", "", ""),                # month granularity: the whole month covers
    ("year", "2012", "inferred", "", ""),                    # wrong year: nothing right
    ("interval", "2013", "inferred", "2013-12-01", "2013-12-14"),  # an inferred interval that covers
    ("inverted", "", "unknown", "2013-12-20", "2013-12-01"),  # earliest > latest: counted, covers nothing
    ("no-year", "XXXX-12-10", "dateline", "", ""),           # month-day right, no year: covers nothing
    ("open", "", "unknown", "2013-01-01", ""),               # half-open: no interval
    ("empty", "", "unknown", "", ""),                        # no estimate at all
]


@pytest.fixture()
def scored():
    docs = pd.DataFrame(DOCS, columns=["doc_id", "published", "published_basis", "published_earliest",
                                       "published_latest"])
    docs["published_evidence"] = ["x" if d[3] or d[4] else "" for d in DOCS]
    docs.loc[len(docs)] = ["other", "2013-12-10", "dateline", "", "", ""]  # no truth: not scored
    return score_documents(docs, {d[0]: TRUTH for d in DOCS}).set_index("doc_id")


def test_per_document_figures(scored):
    assert scored["day_exact"][lambda s: s].index.tolist() == ["exact"]
    assert scored["within_2_days"][lambda s: s].index.tolist() == ["exact", "near"]
    assert scored["month_right"][lambda s: s].index.tolist() == ["exact", "near", "far", "month"]
    assert scored["year_right"][lambda s: s].index.tolist() == ["exact", "near", "far", "month", "interval"]
    assert scored["covered"][lambda s: s].index.tolist() == ["exact", "month", "interval"]
    assert scored.loc["month", "width_days"] == 31
    assert scored.loc["interval", "width_days"] == 14
    assert scored.loc["no-year", "month_day_right"] and not scored.loc["no-year", "has_interval"]
    assert "other" not in scored.index


def test_summary(scored):
    s = summarise(scored.reset_index())
    assert s["documents"] == 10
    assert s["any_estimate"] == 0.7
    assert s["day_exact"] == 0.1
    assert s["within_2_days"] == 0.2
    assert s["month_right"] == 0.4
    assert s["interval_coverage"] == 0.3
    assert s["inverted_intervals"] == 1
    assert s["half_open_intervals"] == 1
    # Intervals: exact, near, far (1 day each), month (31), year (366 in 2012), interval (14).
    assert s["with_interval"] == 6
    assert s["median_width_days"] == 7.5
    assert s["with_clue"] == 9  # all but "empty"
    assert s["dateline_documents"] == 3
    assert s["day_exact_dateline"] == pytest.approx(1 / 3, abs=1e-4)


def test_by_basis(scored):
    b = by_basis(scored.reset_index())
    assert {k: v["documents"] for k, v in b.items()} == {"dateline": 3, "inferred": 4, "unknown": 3}
    assert b["inferred"]["interval_coverage"] == 0.5


def test_empty_and_missing_values():
    assert summarise(pd.DataFrame()) == {"documents": 0}
    docs = pd.DataFrame({"doc_id": ["a"], "published": [pd.NA], "published_basis": [None],
                         "published_earliest": [None], "published_latest": [pd.NA], "published_evidence": [None]})
    row = score_documents(docs, {"a": TRUTH}).iloc[0]
    assert row["published_basis"] == "unknown" and not row["has_estimate"] and not row["covered"]


@pytest.mark.parametrize("tokens, text", [
    ("December 10 , 2013", "December 10, 2013"),
    ("the aircraft 's fifty-year life ( MRO ) .", "the aircraft's fifty-year life (MRO)."),
    ("said `` we won . ''", 'said "we won."'),
])
def test_detokenize(tokens, text):
    assert detokenize(tokens) == text


def test_leading_date_line():
    assert leading_date_line("\nOctober 7, 2008\nGM said") == "2008-10-07"
    assert leading_date_line("February 30, 2009\nGM said") == ""
