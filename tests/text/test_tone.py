"""analysis.text.tone gives NLTK's VADER scores, faster."""

from __future__ import annotations

import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from analysis.text.tone import sentence_tone, tone_analyzer

TRICKY = [
    "Great, GREAT day!!! :)",
    "It was not good... at all?!?",
    "'Terrible' said the minister, \"truly terrible\".",
    "!!! ??? ... -- ,",
    "kind of bad, but not horrible!",
    "He said: 'no!' and left-",
    ":-) :( <3 ;)",
    "A   spaced\ttext\nwith  newlines, commas , and ;semicolons;",
    "",
    "x",
]


@pytest.fixture(scope="module")
def nltk_vader():
    return SentimentIntensityAnalyzer()


@pytest.mark.parametrize("text", TRICKY + ["No lexicon word here.", "Not at least kind of so."])
def test_scores_equal_nltk_on_tricky_text(text, nltk_vader):
    assert tone_analyzer().polarity_scores(text) == nltk_vader.polarity_scores(text)
    assert tone_analyzer().compound(text) == nltk_vader.polarity_scores(text)["compound"]


def test_scores_equal_nltk_on_the_seeds(seed_layer, nltk_vader):
    for text in seed_layer["sentences"]["text"]:
        assert tone_analyzer().polarity_scores(text) == nltk_vader.polarity_scores(text), text
        assert tone_analyzer().compound(text) == nltk_vader.polarity_scores(text)["compound"], text


def test_scores_equal_nltk_on_the_nyt_benchmark(nltk_vader):
    from conftest import shared_path

    path = shared_path("benchmarks", "vader", "nytEditorialSnippets_GroundTruth.txt")
    texts = [line.split("\t", 2)[2] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) == 5190
    mismatches = [t for t in texts if tone_analyzer().polarity_scores(t) != nltk_vader.polarity_scores(t)]
    assert mismatches == []
    # The short cut for texts without a lexicon word gives the same compound scores.
    assert [tone_analyzer().compound(t) for t in texts] == [nltk_vader.polarity_scores(t)["compound"] for t in texts]


def test_sentence_tone_is_a_rounded_column(seed_layer):
    tone = sentence_tone(seed_layer["sentences"])
    assert tone.index.equals(seed_layer["sentences"].index)
    assert tone.between(-1, 1).all() and (tone == tone.round(4)).all()
