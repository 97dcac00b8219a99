"""analysis.evaluation.items: an item is found by the finding that has its holder (or the actor
a person speaks for), target and stance in the sentence it quotes."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import UserError
from analysis.evaluation.items import item_recall, news_item_table, read_items

from conftest import ROOT, write

TEXT = "Lima, May 2 - Peru backs the talks, Foreign Minister Ana Ruiz said. Chile abstained."
DOCS = pd.DataFrame({"doc_id": ["a01_x"], "text": [TEXT]})
SENTS = pd.DataFrame({"doc_id": ["a01_x", "a01_x"], "sentence_id": [0, 1], "char_start": [0, 68],
                      "char_end": [67, 84]})


def _stance(*rows):
    return pd.DataFrame([dict(zip(("sentence_id", "holder", "holder_affiliation", "target", "stance"), r),
                              doc_id="a01_x") for r in rows])


@pytest.mark.parametrize("holder, target, stance, finding, status", [
    ("Ana Ruiz|Peru", "negotiations and dialogue", "support", (0, "Peru", "", "negotiations and dialogue", "support"),
     "found"),                                                          # the actor she speaks for
    ("Ana Ruiz|Peru", "negotiations and dialogue", "support", (0, "Ruiz", "", "negotiations and dialogue", "support"),
     "found"),                                                          # her surname
    ("Peru", "negotiations and dialogue", "support", (0, "Ana Ruiz", "Peru", "negotiations and dialogue", "support"),
     "found"),                                                          # her affiliation
    ("Peru", "negotiations and dialogue", "oppose", (0, "Peru", "", "negotiations and dialogue", "support"),
     "missed"),                                                         # the stance differs
    ("Chile", "UN resolutions", "neutral", (1, "Chile", "", "parties to the conflict", "neutral"), "found"),
    ("Chile", "UN resolutions", "neutral", (0, "Chile", "", "UN resolutions", "neutral"), "missed"),  # other sentence
])
def test_an_item_is_found_by_its_holder_target_and_stance(holder, target, stance, finding, status):
    sentence = "Peru backs the talks" if finding[0] == 0 and holder != "Chile" else "Chile abstained"
    gold = pd.DataFrame({"doc": ["a01"], "sentence": [sentence], "holder": [holder], "target": [target],
                         "stance": [stance], "kind": ["reported"]})
    _, out = item_recall(gold, DOCS, SENTS, _stance(finding))
    assert out["status"].tolist() == [status]


def test_a_sentence_not_in_the_text_is_not_located():
    gold = pd.DataFrame({"doc": ["a01"], "sentence": ["Bolivia objected"], "holder": ["Bolivia"],
                         "target": ["sanctions"], "stance": ["oppose"], "kind": ["author"]})
    scores, _ = item_recall(gold, DOCS, SENTS, _stance())
    assert scores["not_located"] == 1 and scores["found"] == 0


@pytest.mark.parametrize("csv, message", [
    ("doc,sentence,holder,target,stance\n", "missing column(s) kind"),
    ("doc,sentence,holder,target,stance,kind\na01,x,Peru,sanctions,against,author\n", "row 2: stance 'against'"),
    ("doc,sentence,holder,target,stance,kind\na01,x,Peru,sanctions,oppose,rumour\n", "row 2: kind 'rumour'"),
    ("doc,sentence,holder,target,stance,kind\na01,,Peru,sanctions,oppose,author\n", "row 2: empty sentence"),
    ('doc,sentence\n"a01,x\n', "cannot be read as CSV"),
])
def test_a_bad_gold_file_names_the_file_and_row(tmp_path, csv, message):
    with pytest.raises(UserError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_items(write(tmp_path / "gold.csv", csv))


def test_an_item_of_a_document_not_in_the_corpus_is_an_error():
    gold = pd.DataFrame({"doc": ["a0"], "sentence": ["Peru backs"], "holder": ["Peru"], "target": ["sanctions"],
                         "stance": ["oppose"], "kind": ["author"]})
    with pytest.raises(UserError, match="document 'a0' is not in the corpus"):
        item_recall(gold, DOCS, SENTS, _stance())


def test_an_actors_last_word_is_no_surname():
    """A surname counts only for a person: "North Korea" does not hold what "South Korea" holds."""
    gold = pd.DataFrame({"doc": ["a01"], "sentence": ["Peru backs the talks"], "holder": ["South Korea"],
                         "target": ["negotiations and dialogue"], "stance": ["support"], "kind": ["author"]})
    _, out = item_recall(gold, DOCS, SENTS, _stance((0, "North Korea", "", "negotiations and dialogue", "support")))
    assert out["status"].tolist() == ["missed"]


def test_the_development_news_set_does_not_fall():
    """The ten articles of docs/handcheck/news_dev (written by a helper session that never saw
    the rules; read while the rules were written): 47 of 100 items at commit time."""
    table, missing = news_item_table(ROOT / "docs" / "handcheck", ["news_dev"])
    assert not missing and table.loc[0, "found"] >= 47
