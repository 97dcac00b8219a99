"""Framing summaries: the permutation test with documents as the unit, and every summary
listing the frames of the codebook it is given."""

import pandas as pd
import pytest

import analysis
from analysis.views import frames as fr

BOOK = analysis.load_codebooks().frames


def _groups(outlets):
    frames = pd.DataFrame({"doc_id": ["d0", "d1", "d2"], "sentence_id": 0, "frame": "neutrality", "rejected": False,
                           "score": 1.0})
    sentences = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "sentence_id": 0})
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "outlet": outlets})
    return frames, sentences, documents


def test_permutation_test_refuses_tiny_groups_and_runs_on_enough():
    frames, sentences, documents = _groups(["A"] * 3 + ["B"] * 3)
    table, note = fr.compare_groups(frames, sentences, documents, BOOK, group_by="outlet")
    row = table.set_index("frame").loc["neutrality"]
    assert row.iloc[0] == 1.0                      # all of A, none of B
    assert row["p_value"] == pytest.approx(2 / 20)  # 2 of the 20 relabellings are as extreme
    assert "exact permutation test over all 20" in note
    _, note = fr.compare_groups(frames, sentences, documents.assign(outlet=["A"] * 5 + ["B"]), BOOK,
                                group_by="outlet")
    assert "no test is reported" in note


def test_shares_and_cooccurrence_list_the_codebooks_frames_in_order():
    frames, sentences, documents = _groups(["A"] * 3 + ["B"] * 3)
    shares = fr.group_shares(frames, sentences, documents, BOOK, group_by="outlet")
    assert shares["frame"].drop_duplicates().tolist() == BOOK.ids
    assert shares.set_index(["group", "frame"]).loc[("A", "neutrality"), "share"] == 1.0
    co = fr.cooccurrence(frames, BOOK)
    assert co.index.tolist() == BOOK.ids and co.loc["neutrality", "neutrality"] == 3
    assert fr.codebook_table(BOOK)["frame"].tolist() == BOOK.ids
