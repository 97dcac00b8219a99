"""The gated word tokenizer gives NLTK's tokens and spans exactly."""

import itertools

import pytest
from nltk.tokenize.destructive import NLTKWordTokenizer

from analysis.lang.resources import sentence_tokenizer
from analysis.text.treebank import _SPLIT_ONLY, GATES, GatedWordTokenizer, _squeeze_whitespace

from conftest import SEEDS, shared_path

NLTK = NLTKWordTokenizer()
GATED = GatedWordTokenizer()

# At least one sentence per rule, so that every gate is opened somewhere, plus the
# letters that re.I folds onto ASCII ones (the contraction rules are caseless).
TRICKY = [
    "“We did not deliver,” he said.", '"Quoted" at the start.', 'He said ``so\'\' and "so".',
    "(\"Bracketed\") and [''double'']?", "'Tis 'twas 'T WAS, rock 'n' roll.", "I cannot; CANNOT; ca\u017fnot.",
    "Gimme, gonna, GOTTA, lemme, wanna go, d'ye, more'n one, whaddya, whatcha.",
    "Prices: 3,50 and 3:30, end: .", "Wait... what?! Really!!", "Cost $5 @ 10% & #1; ok.",
    "A\u2012B\u2013C\u2014D\u2015E -- F --G.", "«Guillemets» and „low“ ‘single’ quotes.",
    "Don't, won't, I'm, you'll, they're, we've, she'd, JOHN'S, it's. They'll go, WE'VE seen.",
    "Rock 'n' roll' s end' .",
    "Stars * and ** here.", "<tag> {brace} [sq] (paren).", "Ends with a quote.\"", "Ends with 'single.'",
    "Mr. Hun Sen met U.S. officials.", "  Spaces\tand\nbreaks  .  ", "", ".", "'", "\"", "--",
    "\u212aelvin and \u0130stanbul and d\u0131\u015f.", "Trailing colon:", "Dots.. and more....",
    "Odd\x1cseparators\x1d here\x1e,\x1f ok.", "No\u00a0break\u2028line\u3000wide\u200bzero.", "\x85\x0b\x0c.",
    "e\u0301cannot \u0915\u093f gimme",  # combining marks beside a contraction rule
]


@pytest.mark.parametrize("text", TRICKY)
def test_same_tokens_and_spans_as_nltk(text):
    assert GATED.tokenize(text) == NLTK.tokenize(text)
    assert list(GATED.span_tokenize(text)) == list(NLTK.span_tokenize(text))


@pytest.mark.parametrize("source", sorted(GATES))
def test_each_gate_is_known_to_nltk_and_opened_by_a_tricky_sentence(source):
    rules = [rx for rx, _ in itertools.chain(NLTK.STARTING_QUOTES, NLTK.PUNCTUATION, NLTK.ENDING_QUOTES,
                                              [NLTK.PARENS_BRACKETS, NLTK.DOUBLE_DASHES])]
    rx = next((r for r in rules if r.pattern == source), None)
    assert rx is not None, "a gate for a rule NLTK does not have"
    # Necessary condition: wherever the rule matches, its gate is open.
    matched = [t for t in TRICKY if rx.search(t)]
    assert matched, "no tricky sentence exercises this rule"
    assert all(any(g in t for g in GATES[source]) for t in matched)


@pytest.mark.parametrize("text", ["", " ", "\t\n", " a ", "a", "a  b", " a\tb\n", "\x1c a \x1f",
                                  "a\u00a0\u2028b", "  x  ", "x\x1cy", "\u3000"])
def test_squeezing_whitespace_equals_the_regex_rule(text):
    import regex

    rx = regex.compile(r"\s+")
    assert _squeeze_whitespace(rx, text) == rx.sub(" ", text)


def test_regex_whitespace_is_str_whitespace_but_four_separators():
    import sys

    import regex

    every = "".join(chr(i) for i in range(sys.maxunicode + 1) if not 0xD800 <= i <= 0xDFFF)
    regex_space = set(regex.findall(r"\s", every))
    str_space = {c for c in every if c.isspace()}
    assert regex_space == str_space - set(_SPLIT_ONLY)


def _sentences(texts):
    punkt = sentence_tokenizer()
    return [s for t in texts for s in punkt.tokenize(t)]


def test_seed_sentences_tokenize_as_nltk_does():
    sentences = _sentences(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    assert len(sentences) > 100
    assert [GATED.tokenize(s) for s in sentences] == [NLTK.tokenize(s) for s in sentences]


def test_un_speech_sentences_tokenize_as_nltk_does():
    folder = shared_path("benchmarks", "un_general_debate")
    files = sorted(folder.rglob("*.txt"))[::25]  # every 25th speech keeps the test to seconds
    sentences = _sentences(p.read_text(encoding="utf-8", errors="replace") for p in files)
    assert len(sentences) > 1000
    assert [GATED.tokenize(s) for s in sentences] == [NLTK.tokenize(s) for s in sentences]
