"""Sentence tone: NLTK's VADER, with one hot spot of its text preparation made linear.

NLTK's ``SentiText`` strips punctuation from the edges of each token by building, for
every sentence, two dictionaries of size ``len(PUNC_LIST) x len(words)`` ("cat," ->
"cat", ",cat" -> "cat", ...). On a corpus of newswire this was a third of VADER's time.
:class:`SentiText` looks each token up directly instead and gives the same tokens;
:class:`ToneAnalyzer` is NLTK's analyser using it. Scores are identical to NLTK's
(tests/test_tone.py compares them on the seeds and, when available, on VADER's 5,190
human-rated NYT sentences).

Tone is context for a reader (a column of ``sentences.csv``); it is never used as stance.
"""

from __future__ import annotations

from functools import cached_property, lru_cache

import pandas as pd
from nltk.sentiment.vader import SentimentIntensityAnalyzer
from nltk.sentiment.vader import SentiText as _NLTKSentiText

from ..lang.resources import VADER_ZIP, require, untimed


@lru_cache(maxsize=4)
def punctuation_chars(punc_list: tuple[str, ...]) -> str:
    """The characters VADER's punctuation marks are made of."""
    return "".join(sorted(set("".join(punc_list))))


class SentiText(_NLTKSentiText):
    """NLTK's ``SentiText`` without the per-sentence product dictionaries.

    A token is mapped to its word when it is a ``PUNC_LIST`` entry followed or preceded
    by a word of the punctuation-free sentence, exactly as NLTK's dictionaries map it.
    Such a split is unique: words hold no punctuation and ``PUNC_LIST`` holds nothing else.

    >>> from nltk.sentiment.vader import VaderConstants
    >>> c = VaderConstants()
    >>> SentiText("Great, GREAT day!!! :)", c.PUNC_LIST, c.REGEX_REMOVE_PUNCTUATION).words_and_emoticons
    ['Great', 'GREAT', 'day', ':)']
    """

    def _words_and_emoticons(self):
        wes = [we for we in self.text.split() if len(we) > 1]
        marks = set(self.PUNC_LIST)
        chars = punctuation_chars(tuple(self.PUNC_LIST))
        words_only = None
        for i, we in enumerate(wes):
            if we[-1] in chars:
                word = we.rstrip(chars)
                punct = we[len(word):]
            elif we[0] in chars:
                word = we.lstrip(chars)
                punct = we[: len(we) - len(word)]
            else:
                continue
            if punct not in marks or len(word) < 2:
                continue
            if words_only is None:
                words_only = {w for w in self.REGEX_REMOVE_PUNCTUATION.sub("", self.text).split() if len(w) > 1}
            if word in words_only:
                wes[i] = word
        return wes


class ToneAnalyzer(SentimentIntensityAnalyzer):
    """NLTK's VADER analyser using :class:`SentiText`; scores are NLTK's."""

    def polarity_scores(self, text):
        return self._scores(self._sentitext(text), text)

    def compound(self, text: str) -> float:
        """``polarity_scores(text)["compound"]``; 0.0 straight away when no word of the text
        is in the lexicon (only lexicon words carry valence; negation, boosters and "but"
        scale it, so with none every valence is 0 and so is the compound score)."""
        lexicon = self.lexicon
        if not self._may_have_valence(text):
            return 0.0
        sentitext = self._sentitext(text)
        if not any(w.lower() in lexicon for w in sentitext.words_and_emoticons):
            return 0.0
        return self._scores(sentitext, text)["compound"]

    def _may_have_valence(self, text: str) -> bool:
        """False when no token of ``text`` can be a lexicon word: a token of ``SentiText`` is
        a whitespace-split word or that word with punctuation stripped from one edge, so this
        looks up all three forms (cheaper than building the ``SentiText``)."""
        lexicon, chars = self.lexicon, self._punctuation_chars
        for word in text.lower().split():
            if word in lexicon or word.rstrip(chars) in lexicon or word.lstrip(chars) in lexicon:
                return True
        return False

    def _sentitext(self, text: str) -> SentiText:
        return SentiText(text, self.constants.PUNC_LIST, self._remove_punctuation)

    @cached_property
    def _punctuation_chars(self) -> str:
        return punctuation_chars(tuple(self.constants.PUNC_LIST))

    @cached_property
    def _remove_punctuation(self):
        return untimed(self.constants.REGEX_REMOVE_PUNCTUATION)  # NLTK's pattern, without the timer

    def _scores(self, sentitext: SentiText, text: str) -> dict:
        # The body of NLTK 3.10's SentimentIntensityAnalyzer.polarity_scores, with this
        # module's SentiText in place of NLTK's, and a word without valence appended as 0
        # without the call that would append it.
        sentiments = []
        words_and_emoticons = sentitext.words_and_emoticons
        first_index = {}
        for idx, token in enumerate(words_and_emoticons):
            if token not in first_index:
                first_index[token] = idx
        lexicon = self.lexicon
        for item in words_and_emoticons:
            valence = 0
            if item.lower() not in lexicon:
                # what both branches below do for a word without valence (NLTK's
                # sentiment_valence appends 0), without a call per word
                sentiments.append(valence)
                continue
            i = first_index[item]
            if (
                i < len(words_and_emoticons) - 1
                and item.lower() == "kind"
                and words_and_emoticons[i + 1].lower() == "of"
            ) or item.lower() in self.constants.BOOSTER_DICT:
                sentiments.append(valence)
                continue
            sentiments = self.sentiment_valence(valence, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)


@lru_cache(maxsize=1)
def tone_analyzer() -> ToneAnalyzer:
    """The analyser on the project's VADER lexicon (loaded once per process)."""
    require(VADER_ZIP)
    return ToneAnalyzer()


def sentence_tone(sentences: pd.DataFrame) -> pd.Series:
    """VADER compound score per sentence, rounded to 4 places."""
    sia = tone_analyzer()
    return pd.Series([round(sia.compound(t), 4) for t in sentences["text"]],
                     index=sentences.index, dtype="float64")
