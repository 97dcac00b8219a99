"""The text layer: paragraphs, quotations, sentences and tokens as tidy tables.

Every row carries ``doc_id`` and ``char_start``/``char_end`` into the document's
original ``text``, so ``text[char_start:char_end]`` gives back the span exactly.

* Paragraphs are blank-line separated blocks, each marked ``body``, ``headline``
  or ``debris`` (see :mod:`analysis.text.layout`); sentences and tokens come from the
  non-debris paragraphs only.
* Sentences come from NLTK's Punkt (the project's punkt_tab data), one paragraph at
  a time so that a sentence never runs across a paragraph break.
* Quotations are found with curly and straight double quotes; a quotation that is
  continued in the next paragraph (news style: no closing mark, the next paragraph
  opens with one) is one quotation. Each sentence records the quotation it sits in.
* Tokens come from NLTK's word tokenizer (``NLTKWordTokenizer.span_tokenize``; its rules run
  only where they can match, see :mod:`analysis.text.treebank`).
* Each sentence's tone is VADER's compound score (:mod:`analysis.text.tone`): context for
  a reader, never a stance.

The per-document function :func:`split_text` is pure, so the same code runs in a
notebook, a process pool or a Dask partition.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from ..config.corpus import CorpusConfig, load_corpus_config
from ..lang.en import TITLE_ABBREVIATIONS
from ..lang.resources import sentence_tokenizer
from ..schema import PARAGRAPH_COLUMNS, QUOTE_COLUMNS, SENTENCE_COLUMNS, TOKEN_COLUMNS, Stage
from .layout import classify_paragraphs

#: The tables of the text layer.
TEXT_TABLES = ("paragraphs", "quotes", "sentences", "tokens")

#: A sentence counts as quoted when at least this share of its characters lies inside
#: a quotation: "“We did not deliver ...,” Hun Sen said" is quoted speech with a tag.
QUOTED_SHARE = 0.5

_OPEN, _CLOSE, _STRAIGHT = "“", "”", '"'
_QUOTE_OR_BREAK = re.compile(r'[“”"]|\n[ \t]*\n\s*')
_ALPHA = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")


@dataclass
class SplitText:
    """The text layer of one document, as column lists (cheap to build, easy to frame)."""

    paragraphs: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    sentences: list[tuple] = field(default_factory=list)
    tokens: list[tuple] = field(default_factory=list)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of double-quoted passages, a quotation continued across paragraphs kept whole.

    >>> t = '“A. B.\\n\\n“C,” he said. "D"'
    >>> [t[s:e] for s, e in quote_spans(t)]
    ['“A. B.\\n\\n“C,”', '"D"']
    """
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    continued_at = -1  # index of the opening mark that merely continues a quotation
    for m in _QUOTE_OR_BREAK.finditer(text):
        ch = m.group()
        if ch[0] == "\n":
            if open_at is not None:
                if text[m.end():m.end() + 1] in (_OPEN, _STRAIGHT) and m.end() < len(text):
                    continued_at = m.end()
                else:  # unterminated inside the paragraph: close at its end
                    spans.append((open_at, m.start()))
                    open_at = None
            continue
        if m.start() == continued_at:
            continue
        if ch == _OPEN or (ch == _STRAIGHT and open_at is None):
            if open_at is None:
                open_at = m.start()
        elif open_at is not None:  # a closing mark
            spans.append((open_at, m.end()))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text.rstrip())))
    return spans


@lru_cache(maxsize=1)
def word_tokenizer():
    """NLTK's word tokenizer (:class:`~analysis.text.treebank.GatedWordTokenizer`), built once."""
    # Imported here, not at the top: NLTK takes a third of a second to import, and a warm
    # run (every partition cached) imports this module but never tokenises.
    from .treebank import GatedWordTokenizer

    return GatedWordTokenizer()


class TokenFeatures(dict):
    """``token -> (lower, is_alpha, is_stop)``, worked out once per distinct token: a batch
    of news text repeats most of its tokens. Keep one per batch, not per corpus (a corpus
    has a long tail of distinct tokens)."""

    def __init__(self, stopwords: frozenset[str]):
        super().__init__()
        self.stopwords = stopwords

    def __missing__(self, token: str) -> tuple[str, bool, bool]:
        low = token.lower()
        value = self[token] = (low, _ALPHA.match(token) is not None, low in self.stopwords)
        return value


_LAST_WORD = re.compile(r"(?<![\w.])([A-Za-z]+)\.$")  # a word, not the end of "elysee.fr."
_INITIALISM_ALONE = re.compile(r"\s*(?:[A-Z]\.){2,}\s*")  # "U.S." as a whole sentence: never one


def sentence_spans(punkt, text: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans, joined again where one ends in a title's abbreviation (Punkt
    starts a sentence after "Ms." when the next word is one it has seen in lower case) or is
    an initialism alone ("U.S. Legislators called on Japan").

    >>> from analysis.lang.resources import sentence_tokenizer
    >>> t = "Ms. Flowers has accused Gov. Hunter. He denied it."
    >>> [t[s:e] for s, e in sentence_spans(sentence_tokenizer(), t)]
    ['Ms. Flowers has accused Gov. Hunter.', 'He denied it.']
    >>> t = "Talks ended. U.S. Legislators called on Japan to act."
    >>> [t[s:e] for s, e in sentence_spans(sentence_tokenizer(), t)]
    ['Talks ended.', 'U.S. Legislators called on Japan to act.']
    """
    out: list[tuple[int, int]] = []
    joined = False
    for s, e in punkt.span_tokenize(text):
        if joined:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        last = _LAST_WORD.search(text, out[-1][0], out[-1][1])
        joined = (last is not None and last.group(1).lower() in TITLE_ABBREVIATIONS) or \
            _INITIALISM_ALONE.fullmatch(text, out[-1][0], out[-1][1]) is not None
    return out


def split_text(doc_id: str, text: str, *, config: CorpusConfig,
               features: TokenFeatures | None = None) -> SplitText:
    """Paragraphs, quotations, sentences and tokens of one document (pure).
    ``features``: a :class:`TokenFeatures` for ``config.stopwords``, shared over a batch."""
    out = SplitText()
    punkt = sentence_tokenizer()
    words = word_tokenizer()
    features = features if features is not None else TokenFeatures(config.stopwords)
    quotes = quote_spans(text)
    out.quotes = [(doc_id, qid, s, e, text[s:e]) for qid, (s, e) in enumerate(quotes)]
    sentence_id = 0
    q = 0  # quotations are sorted, and so are sentences: walk them together
    for pid, para in enumerate(classify_paragraphs(text, config)):
        out.paragraphs.append((doc_id, pid, para.start, para.end, para.kind, text[para.start:para.end]))
        if para.kind == "debris":
            continue
        chunk = text[para.start:para.end]
        for s_rel, e_rel in sentence_spans(punkt, chunk):
            s, e = para.start + s_rel, para.start + e_rel
            while q < len(quotes) and quotes[q][1] <= s:
                q += 1
            quote_id, best = pd.NA, 0
            for k in range(q, len(quotes)):
                qs, qe = quotes[k]
                if qs >= e:
                    break
                overlap = min(e, qe) - max(s, qs)
                if overlap > best:
                    quote_id, best = k, overlap
            sentence_text = text[s:e]
            spans = list(words.span_tokenize(sentence_text))
            out.tokens += [(doc_id, sentence_id, tid, s + ts, s + te, tok, *features[tok])
                           for tid, (ts, te) in enumerate(spans) for tok in (sentence_text[ts:te],)]
            out.sentences.append((doc_id, sentence_id, pid, s, e, len(spans), quote_id,
                                  best >= QUOTED_SHARE * (e - s), sentence_text))
            sentence_id += 1
    return out


def _frame(rows: list[tuple], columns: list[str], ints: tuple[str, ...] = ()) -> pd.DataFrame:
    df = pd.DataFrame.from_records(rows, columns=columns)
    for c in ints:
        df[c] = df[c].astype("Int64")
    return df


def text_layer(documents: pd.DataFrame, *, config: CorpusConfig | None = None,
               progress: bool = False) -> dict[str, pd.DataFrame]:
    """All text-layer tables for a documents table: paragraphs, quotes, sentences, tokens.

    >>> docs = pd.DataFrame({"doc_id": ["a"], "text": ["“We agree,” he said. Dr. Lee left."]})
    >>> layer = text_layer(docs)
    >>> layer["sentences"][["sentence_id", "in_quote", "text"]].values.tolist()
    [[0, True, '“We agree,” he said.'], [1, False, 'Dr. Lee left.']]
    """
    config = config or load_corpus_config()
    parts = SplitText()
    features = TokenFeatures(config.stopwords)
    pairs = zip(documents["doc_id"], documents["text"])
    if progress:
        from tqdm.auto import tqdm

        pairs = tqdm(pairs, total=len(documents), desc="text layer", unit="doc")
    for doc_id, text in pairs:
        one = split_text(doc_id, text, config=config, features=features)
        parts.paragraphs += one.paragraphs
        parts.quotes += one.quotes
        parts.sentences += one.sentences
        parts.tokens += one.tokens
    return {
        "paragraphs": _frame(parts.paragraphs, PARAGRAPH_COLUMNS),
        "quotes": _frame(parts.quotes, QUOTE_COLUMNS),
        "sentences": _frame(parts.sentences, SENTENCE_COLUMNS, ints=("quote_id",)),
        "tokens": _frame(parts.tokens, TOKEN_COLUMNS),
    }


def text_stage(tables: dict, rules) -> dict:
    """Paragraphs, quotes, sentences (with their tone) and tokens of a partition."""
    # Imported here for the reason given in word_tokenizer: VADER comes with NLTK.
    from .tone import sentence_tone

    layer = text_layer(tables["documents"], config=rules.corpus_config)
    layer["sentences"]["tone"] = sentence_tone(layer["sentences"])
    return layer


STAGE = Stage("text", text_stage, requires=("documents",), provides=TEXT_TABLES, reads=("corpus_config",))


def rows_by_document(sentences: pd.DataFrame, columns: list[str]) -> dict[str, list[tuple]]:
    """``{doc_id: [(col, ...), ...]}`` for the sentences of each document, in table order.

    The stages walk documents one at a time; plain tuples cost far less per document than
    pandas groups.

    >>> t = pd.DataFrame({"doc_id": ["a", "a", "b"], "sentence_id": [0, 1, 0]})
    >>> rows_by_document(t, ["sentence_id"])
    {'a': [(0,), (1,)], 'b': [(0,)]}
    """
    out: dict[str, list[tuple]] = {}
    for doc_id, *values in zip(sentences["doc_id"].tolist(), *(sentences[c].tolist() for c in columns)):
        out.setdefault(doc_id, []).append(tuple(values))
    return out
