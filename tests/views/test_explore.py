"""Corpus exploration functions."""

import math

import pandas as pd
import pytest

import analysis
from analysis.errors import ParameterError
from analysis.views import explore


@pytest.fixture(scope="module")
def toy():
    docs = pd.DataFrame({
        "doc_id": ["a", "b", "c"],
        "outlet": ["P", "P", "Q"],
        "text": ["Cambodia stays neutral. Cambodia urges dialogue and dialogue again.",
                 "The use of force is rejected. Cambodia stays neutral.",
                 "Cluster munitions harm civilians. Cluster munitions must not be used."],
    })
    return docs, analysis.text_layer(docs)


def test_term_frequencies(toy):
    docs, layer = toy
    freq = explore.term_frequencies(layer["tokens"]).set_index("term")
    assert freq.loc["cambodia", "count"] == 3 and freq.loc["cambodia", "documents"] == 2
    assert "the" not in freq.index  # stop word
    assert freq.index[0] == "cambodia"


def test_ngrams_stay_inside_sentences_and_skip_stopword_edges(toy):
    _, layer = toy
    grams = explore.ngram_frequencies(layer["tokens"], n=2).set_index("ngram")["count"]
    assert grams["cluster munitions"] == 2 and grams["stays neutral"] == 2
    assert "neutral cambodia" not in grams.index  # would cross a sentence boundary
    tri = explore.ngram_frequencies(layer["tokens"], n=3).set_index("ngram")["count"]
    assert tri["use of force"] == 1


def test_collocations(toy):
    _, layer = toy
    col = explore.collocations(layer["tokens"], min_count=2)
    assert set(col["collocation"]) >= {"cluster munitions", "stays neutral"}
    assert (col["count"] >= 2).all()
    with pytest.raises(ParameterError, match="unknown measure"):
        explore.collocations(layer["tokens"], measure="magic")


def test_kwic_offsets_point_at_the_match(toy):
    docs, layer = toy
    hits = explore.kwic(docs, layer["sentences"], ["neutral*", "use of force"], window=10)
    texts = dict(zip(docs["doc_id"], docs["text"]))
    assert len(hits) == 3
    for h in hits.itertuples():
        assert texts[h.doc_id][h.char_start:h.char_end] == h.match
    assert hits.loc[hits["term"] == "use of force", "left"].item() == "The "


def test_log_likelihood_matches_a_hand_computation():
    # Term seen 10 times in 1,000 tokens and 0 times in 1,000: G2 = 2 * 10 * ln(10 / 5).
    assert explore.log_likelihood(10, 0, 1000, 1000) == pytest.approx(20 * math.log(2))
    # Equal rates: no evidence either way.
    assert explore.log_likelihood(5, 10, 1000, 2000) == pytest.approx(0.0)


def test_keyness(toy):
    docs, layer = toy
    key = explore.keyness(layer["tokens"], docs, group_by="outlet", target="Q", min_count=2)
    top = key.iloc[0]
    assert top["term"] in ("cluster", "munitions") and top["key_for"] == "Q"
    assert top["target_count"] == 2 and top["reference_count"] == 0 and top["log_ratio"] > 0
    assert 0 < top["p"] < 1


@pytest.mark.parametrize("kwargs, message", [
    ({"group_by": "nope"}, "'nope' is not in the documents' columns"),
    ({"group_by": "outlet", "target": "Z"}, "target 'Z' is not a value"),
])
def test_keyness_errors(toy, kwargs, message):
    docs, layer = toy
    with pytest.raises(ParameterError, match=message):
        explore.keyness(layer["tokens"], docs, **kwargs)


def test_keyness_or_reason_explains_small_groups(toy, seed_documents, seed_layer):
    docs, layer = toy
    table, note = explore.keyness_or_reason(layer["tokens"], docs, group_by="outlet")
    assert table is not None and "fewer than 5 documents" in note
    table, note = explore.keyness_or_reason(seed_layer["tokens"], seed_documents, group_by="year")
    assert table is None and "1 group(s)" in note


def test_document_overview(seed_documents, seed_layer):
    over = explore.document_overview(seed_documents, seed_layer["sentences"], seed_layer["tokens"]).set_index("doc_id")
    assert over.loc["002_13309baebbae5d13", "sentences"] == 36
    assert 0 < over.loc["002_13309baebbae5d13", "quoted_share"] < 1
    assert over["words"].gt(300).all()
