"""The text layer: offsets, sentence boundaries, quotations, tokens."""

import pandas as pd
import pytest

import analysis
from analysis.config import load_corpus_config
from analysis.text.layer import TokenFeatures, quote_spans

# Sentences per seed, counted by hand (2026-11-23) from the files in seeds/, paragraph
# by paragraph, over the article body (navigation strip and "Related News" left out).
# 001 counts its headline as one sentence; 002 counts the photo credit "SPM" after
# its caption as one segment ("...ceremony on Wednesday." / "SPM").
HAND_COUNTED_SENTENCES = {
    "000_2a8fb597ad36a283": 21,  # 1+2+4+3+1+2+1+2+2+1+2
    "001_8b41e2d50531c92f": 13,  # headline 1, then 3+1+2+2+3+1
    "002_13309baebbae5d13": 36,  # 1+1+1+1+3+1+2+2+4+2+1+2(caption, credit)+1+1+1+2+2+1+1+1+3+2
    "003_399afaf0c37848c5": 25,  # 2+2+1+1+1+2+2+2+1+1+2+2+2+2+2
    "004_8ccc33888f31d3ad": 24,  # 1+1+1+1+2+1+1+1+1+3+1+1+1+1+1+1+2+1+1+1
}


def test_sentence_counts_match_the_hand_count(seed_layer):
    counts = seed_layer["sentences"].groupby("doc_id").size().to_dict()
    assert counts == HAND_COUNTED_SENTENCES


@pytest.mark.parametrize("table", ["paragraphs", "quotes", "sentences", "tokens"])
def test_offsets_round_trip_on_every_seed(seed_documents, seed_layer, table):
    texts = dict(zip(seed_documents["doc_id"], seed_documents["text"]))
    df = seed_layer[table]
    assert len(df) > 0
    column = "token" if table == "tokens" else "text"
    for row in df.itertuples(index=False):
        assert texts[row.doc_id][row.char_start:row.char_end] == getattr(row, column)


def test_tokens_lie_inside_their_sentences(seed_layer):
    s = seed_layer["sentences"][["doc_id", "sentence_id", "char_start", "char_end"]]
    t = seed_layer["tokens"].merge(s, on=["doc_id", "sentence_id"], suffixes=("", "_s"), validate="many_to_one")
    assert len(t) == len(seed_layer["tokens"])
    assert ((t.char_start >= t.char_start_s) & (t.char_end <= t.char_end_s)).all()
    assert (seed_layer["sentences"]["n_tokens"] == seed_layer["tokens"].groupby(["doc_id", "sentence_id"]).size()
            .reindex(pd.MultiIndex.from_frame(seed_layer["sentences"][["doc_id", "sentence_id"]])).to_numpy()).all()


def test_debris_is_not_analysed(seed_layer):
    text = " ".join(seed_layer["sentences"]["text"])
    assert "NEC to Review" not in text and "Related News" not in text
    kinds = seed_layer["paragraphs"].groupby("kind").size().to_dict()
    assert kinds["debris"] == 2 and kinds["headline"] == 1


def _sentences(text: str) -> list[str]:
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    return analysis.text_layer(docs)["sentences"]["text"].tolist()


@pytest.mark.parametrize("text, expected", [
    ("Talks with the U.S. resumed. Officials were hopeful.",
     ["Talks with the U.S. resumed.", "Officials were hopeful."]),
    ("Dr. Lee met Mr. Hun in Jan. last year. They spoke.",
     ["Dr. Lee met Mr. Hun in Jan. last year.", "They spoke."]),
    ("“We did not deliver aid. We have no ability,” he said. Then he left.",
     ["“We did not deliver aid.", "We have no ability,” he said.", "Then he left."]),
    ("He said: “It is over.” The crowd cheered.", ["He said: “It is over.”", "The crowd cheered."]),
    ('"It is over." The crowd cheered.', ['"It is over."', "The crowd cheered."]),
    ("First paragraph without a stop\n\nSecond one.", ["First paragraph without a stop", "Second one."]),
    ("A 64km convoy, 660,000 refugees and $3.5 bn in aid. Next.",
     ["A 64km convoy, 660,000 refugees and $3.5 bn in aid.", "Next."]),
])
def test_sentence_boundaries(text, expected):
    assert _sentences(text) == expected


def test_quotation_continued_across_paragraphs_is_one_quote():
    text = "“We don’t support it. This is why.\n\n“But now it is different,” he said. Later, calm."
    docs = pd.DataFrame({"doc_id": ["d"], "text": [text]})
    layer = analysis.text_layer(docs)
    assert len(layer["quotes"]) == 1
    s = layer["sentences"]
    assert s["quote_id"].tolist()[:3] == [0, 0, 0]
    assert s["in_quote"].tolist() == [True, True, True, False]
    assert pd.isna(s["quote_id"].iloc[3])


@pytest.mark.parametrize("text, quoted", [
    ("He called it the “Russia-Europe war”, and left.", ["“Russia-Europe war”"]),
    ('Both "straight" and “curly” marks.', ['"straight"', "“curly”"]),
    ("An apostrophe’s not a quote, nor is ‘this’.", []),
    ("“Unclosed at the end", ["“Unclosed at the end"]),
])
def test_quote_spans(text, quoted):
    assert [text[s:e] for s, e in quote_spans(text)] == quoted


def test_tokens_keep_curly_quotes_and_contractions():
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["“We don’t support it,” he said."]})
    toks = analysis.text_layer(docs)["tokens"]["token"].tolist()
    assert toks[0] == "“" and "support" in toks and "”" in toks
    assert "".join(toks).replace(" ", "") == "“Wedon’tsupportit,”hesaid."


def test_empty_text_gives_empty_tables():
    docs = pd.DataFrame({"doc_id": ["e"], "text": [""]})
    layer = analysis.text_layer(docs)
    assert all(len(df) == 0 for df in layer.values())
    assert list(layer["sentences"].columns)[:3] == ["doc_id", "sentence_id", "paragraph_id"]


@pytest.mark.parametrize("token, expected", [
    ("Cambodia", ("cambodia", True, False)),
    ("The", ("the", True, True)),
    ("non-aligned", ("non-aligned", True, False)),
    ("Hun's", ("hun's", True, False)),
    ("2024", ("2024", False, False)),
    ("’", ("’", False, False)),
    ("ÉTAT", ("état", True, False)),
])
def test_token_features(token, expected):
    features = TokenFeatures(load_corpus_config().stopwords)
    assert features[token] == expected
    assert features[token] is features[token]  # worked out once


@pytest.mark.parametrize("text", [
    "Ms. Flowers spoke to Gov. Hunter and Rep. Waters. They agreed.",
    "Sen. Graves and Gen. Hill met Mrs. Price. They agreed.",
])
def test_a_title_abbreviation_ends_no_sentence(text):
    assert len(_sentences(text)) == 2


def test_a_web_address_before_a_full_stop_is_no_title():
    assert _sentences("It was posted on elysee.fr. Macron later spoke.") == \
        ["It was posted on elysee.fr.", "Macron later spoke."]


def test_an_initialism_is_never_a_sentence_alone():
    docs = pd.DataFrame({"doc_id": ["d"], "text": ["Talks ended. U.S. Legislators called on Japan to act."]})
    assert analysis.text_layer(docs)["sentences"]["text"].tolist() == [
        "Talks ended.", "U.S. Legislators called on Japan to act."]
