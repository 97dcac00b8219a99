"""Framing: table-driven indicators per frame (sentences not from the seeds), negation,
profiles, group comparison, agreement statistics, and the gold figures."""

import pandas as pd
import pytest

import analysis
from analysis import frames as fr
from analysis.errors import CodebookError
from analysis.mentions import mention_tables
from conftest import write


def coded_frames(text: str, *, include_rejected: bool = False) -> set[str]:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    layer = analysis.text_layer(docs)
    shared = mention_tables(docs, layer["sentences"])
    table = fr.frame_table(docs, layer["sentences"], attribution=shared["attribution"], mentions=shared["mentions"])
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


def test_highlight_escapes_everything_but_marks():
    out = fr.highlight('<img src=x onerror="alert(1)"> peace talks', "peace talks")
    assert "<img" not in out and "&lt;img" in out and "<mark>peace talks</mark>" in out
    html = fr.evidence_html(pd.DataFrame([{"doc_id": "<b>", "sentence_id": 0, "score": 1.0, "speaker": "",
                                           "evidence": "<script>x</script> war", "indicators": "war"}]))
    assert "<script>" not in html and "&lt;b&gt;" in html


def test_bad_codebook_entries_are_named(tmp_path):
    bad = write(tmp_path / "frames.yaml", "threshold: 1\npfc_dimensions: [Other]\nframes:\n  x:\n    label: X\n"
                                          "    definition: d\n    pfc: [Economic]\n    indicators: [{pattern: a}]\n")
    with pytest.raises(CodebookError, match=r"entry 'frames.x.pfc\[0\]': 'Economic' is not one of"):
        fr.load_frames(bad)


def test_profile_and_dominant(seed_documents, seed_layer):
    shared = mention_tables(seed_documents, seed_layer["sentences"])
    table = fr.frame_table(seed_documents, seed_layer["sentences"], attribution=shared["attribution"],
                           mentions=shared["mentions"])
    profile = fr.frame_profile(table, seed_layer["sentences"])
    assert len(profile) == 5 * 9
    assert profile.groupby("doc_id")["dominant"].any().all()
    one = profile[profile["doc_id"] == "001_8b41e2d50531c92f"].set_index("frame")
    assert one.loc["cooperation", "dominant"]  # a meeting report is about cooperation
    texts = dict(zip(seed_documents["doc_id"], seed_documents["text"]))
    for r in table.itertuples():
        assert texts[r.doc_id][r.char_start:r.char_end] == r.evidence


def test_permutation_test_refuses_tiny_groups_and_runs_on_enough(seed_documents, seed_layer):
    frames = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "sentence_id": 0, "frame": "neutrality",
                           "rejected": False, "score": 1.0})
    frames = frames[frames["doc_id"].isin(["d0", "d1", "d2"])]
    sentences = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "sentence_id": 0})
    documents = pd.DataFrame({"doc_id": [f"d{i}" for i in range(6)], "outlet": ["A"] * 3 + ["B"] * 3})
    table, note = fr.compare_groups(frames, sentences, documents, group_by="outlet")
    row = table.set_index("frame").loc["neutrality"]
    assert row.iloc[0] == 1.0                      # all of A, none of B
    assert row["p_value"] == pytest.approx(2 / 20)  # 2 of the 20 relabellings are as extreme
    assert "exact permutation test over all 20" in note
    _, note = fr.compare_groups(frames, sentences, documents.assign(outlet=["A"] * 5 + ["B"]), group_by="outlet")
    assert "no test is reported" in note


@pytest.mark.parametrize("units, alpha", [
    ([(1, 1), (0, 0), (1, 1), (0, 0)], 1.0),               # perfect agreement
    ([(1, 0), (0, 1), (1, 0), (0, 1)], -0.75),             # systematic disagreement
    ([(1, 1), (0, 0), (1, 0), (0, 0)], 0.5333),            # worked by hand from the definition
])
def test_krippendorff_alpha(units, alpha):
    assert fr.krippendorff_alpha_nominal(units) == pytest.approx(alpha, abs=1e-3)


# Reported in the validation notebook and the issue note (2026-11-23); may rise, must not fall.
REPORTED_MACRO_F1 = 0.85
REPORTED_MEAN_ALPHA = 0.82


def test_gold_agreement_does_not_fall(seed_documents, seed_layer):
    shared = mention_tables(seed_documents, seed_layer["sentences"])
    table = fr.frame_table(seed_documents, seed_layer["sentences"], attribution=shared["attribution"],
                           mentions=shared["mentions"])
    per_frame, summary = fr.frame_agreement(table)
    assert summary["sentences"] == len(seed_layer["sentences"])  # every sentence was hand-coded
    assert summary["macro_f1"] >= REPORTED_MACRO_F1, per_frame
    assert summary["mean_alpha"] >= REPORTED_MEAN_ALPHA, per_frame
    assert (per_frame["f1"] >= 0.7).all(), per_frame
