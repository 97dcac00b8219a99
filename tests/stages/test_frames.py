"""Framing: table-driven indicators per frame (sentences not from the seeds), negation,
profiles, and the gold figures."""

import pandas as pd
import pytest

import analysis
from analysis.stages import frames as fr
from analysis.stages.mentions import analyse_documents, mention_tables

BOOKS = analysis.load_codebooks()


def frame_rows(documents, sentences, books=BOOKS):
    shared = mention_tables(documents, analyse_documents(documents, sentences, books))
    return fr.frame_table(documents, sentences, books.frames, attribution=shared["attribution"],
                          mentions=shared["mentions"])


def coded_frames(text: str, *, include_rejected: bool = False) -> set[str]:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    table = frame_rows(docs, analysis.text_layer(docs)["sentences"])
    return set(fr.coded(table, include_rejected=include_rejected)["frame"])


# Positive and negative example per frame, none from the seeds.
@pytest.mark.parametrize("frame, positive, negative", [
    ("neutrality", "Kazakhstan will not take sides and keeps its policy of neutrality.",
     "Kazakhstan signed a trade agreement."),
    ("sovereignty_law", "The annexation violates international law and the territorial integrity of Georgia.",
     "The minister visited the harbour."),
    ("humanitarian", "Thousands of civilians, many of them children, are suffering.",
     "The army moved two brigades north."),
    ("peace_dialogue", "Both sides should return to negotiations and agree a ceasefire.",
     "The army moved two brigades north."),
    ("military_security", "The package includes missiles, ammunition and fighter jets.",
     "Both sides should return to negotiations."),
    ("historical_memory", "After decades of civil war, our own bitter experience guides us.",
     "The ministry issued a statement on Tuesday."),
    ("reputation", "The ministry called the report disinformation meant to tarnish its reputation.",
     "The ministry issued a statement on Tuesday."),
    ("cooperation", "The two ministers agreed to deepen bilateral cooperation during the visit.",
     "Both sides should return to negotiations."),
    ("great_power_rivalry", "Analysts see a proxy war between rival blocs and superpowers.",
     "The minister visited the harbour."),
])
def test_each_frame_has_working_indicators(frame, positive, negative):
    assert frame in coded_frames(positive)
    assert frame not in coded_frames(negative)


def test_negated_frame_is_marked_not_counted():
    text = "This is not military assistance."
    assert "military_security" not in coded_frames(text)
    assert "military_security" in coded_frames(text, include_rejected=True)


def test_words_inside_an_actor_name_are_not_indicators():
    # "Cooperation" in the ministry's name is a name, not a cooperation frame.
    assert "cooperation" not in coded_frames(
        "The Ministry of Foreign Affairs and International Cooperation issued a statement.")


def test_half_weight_indicators_need_company():
    assert "military_security" not in coded_frames("The war goes on.")        # "war" weighs 0.5
    assert "military_security" in coded_frames("The war goes on with tanks.")  # 0.5 + 0.5


def test_profile_and_dominant(seed_documents, seed_layer, codebooks):
    table = frame_rows(seed_documents, seed_layer["sentences"])
    profile = fr.frame_profile(table, seed_layer["sentences"], codebooks.frames)
    assert len(profile) == 5 * 9
    assert profile.groupby("doc_id")["dominant"].any().all()
    one = profile[profile["doc_id"] == "001_8b41e2d50531c92f"].set_index("frame")
    assert one.loc["cooperation", "dominant"]  # a meeting report is about cooperation
    texts = dict(zip(seed_documents["doc_id"], seed_documents["text"]))
    for r in table.itertuples():
        assert texts[r.doc_id][r.char_start:r.char_end] == r.evidence


# Reported in the validation notebook and the issue note (2026-11-23); may rise, must not fall.
REPORTED_MACRO_F1 = 0.85
REPORTED_MEAN_ALPHA = 0.82


def test_gold_agreement_does_not_fall(seed_documents, seed_layer, codebooks):
    from analysis.evaluation.gold import frame_agreement

    table = frame_rows(seed_documents, seed_layer["sentences"])
    per_frame, summary = frame_agreement(table, codebooks.frames)
    assert summary["sentences"] == len(seed_layer["sentences"])  # every sentence was hand-coded
    assert summary["macro_f1"] >= REPORTED_MACRO_F1, per_frame
    assert summary["mean_alpha"] >= REPORTED_MEAN_ALPHA, per_frame
    assert (per_frame["f1"] >= 0.7).all(), per_frame
