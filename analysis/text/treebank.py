"""NLTK's word tokenizer with a cheap test in front of each of its rules.

``NLTKWordTokenizer.tokenize`` runs about 25 regex substitutions over every sentence,
each through NLTK's ReDoS guard, and most of them cannot match a given sentence (no
guillemets, no ``--``, no brackets). :class:`GatedWordTokenizer` runs the same rules, in
the same order and with the same ``regex`` engine (without NLTK's per-call timer, see
:func:`analysis.lang.resources.untimed`), but skips a rule when the sentence, as it
stands at that point, lacks a character the rule needs; and it squeezes whitespace (the
one rule that always applies) with ``str.split`` instead of a regex. A substitution that
cannot match leaves the text as it is, so the tokens are NLTK's exactly (tested on every
sentence of the seeds and, when ``../shared`` is present, of UN speeches).

The gates are keyed by the rule's pattern source: a rule that is not in :data:`GATES`
(say, after an NLTK upgrade changed one) simply always runs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

from nltk.tokenize.destructive import MacIntyreContractions, NLTKWordTokenizer

from ..lang.resources import untimed

#: pattern source -> characters or strings one of which must be in the text for the
#: pattern to match. Every entry is a *necessary* condition read off the pattern.
GATES: dict[str, tuple[str, ...]] = {
    # starting quotes
    "([«“‘„]|[`]+)": ("«", "“", "‘", "„", "`"),
    r"^\"": ('"',),
    r"(``)": ("``",),
    r"([ \(\[{<])(\"|\'{2})": ('"', "''"),
    r"(?i)(?<!\w)(\')(?!(?:re|ve|ll|m|t|s|d|n)\b)(?=\w)": ("'",),
    # punctuation
    r'([^\.])(\.)([\]\)}>"\'' "»”’ " r"]*+)\s*$": (".",),
    r"([:,])([^\d])": (":", ","),
    r"([:,])$": (":", ","),
    r"\.{2,}": ("..",),
    r"[;@#$%&]": (";", "@", "#", "$", "%", "&"),
    r"[\u2012-\u2015]": ("\u2012", "\u2013", "\u2014", "\u2015"),
    r'([^\.])(\.)([\]\)}>"\']*)\s*$': (".",),
    r"[?!]": ("?", "!"),
    r"([^'])' ": ("' ",),
    r"[*]": ("*",),
    # brackets and dashes
    r"[\]\[\(\)\{\}\<\>]": ("]", "[", "(", ")", "{", "}", "<", ">"),
    r"--": ("--",),
    # ending quotes (the whitespace rule \s+ has no gate: it always runs)
    "([»”’])": ("»", "”", "’"),
    r"''": ("''",),
    r'"': ('"',),
    r"([^' ])('[sS]|'[mM]|'[dD]|') ": ("'s", "'S", "'m", "'M", "'d", "'D", "' "),
    r"([^' ])('ll|'LL|'re|'RE|'ve|'VE|n't|N'T) ": ("'ll", "'LL", "'re", "'RE", "'ve", "'VE", "n't", "N'T"),
}

#: The contraction rules ("cannot", "gonna", "'tis", ...) are caseless; one caseless search
#: for their letters, without the word boundaries, finds every sentence they could split.
_CONTRACTION_GATE = re.compile("|".join(
    "".join(re.findall(r"\(([^?)][^)]*)\)", source))
    for source in MacIntyreContractions.CONTRACTIONS2 + MacIntyreContractions.CONTRACTIONS3
), re.I)


#: ``str.split()`` breaks at these four control characters; the ``regex`` engine's ``\s``
#: does not. Every other character is whitespace to both or to neither (tested).
_SPLIT_ONLY = ("\x1c", "\x1d", "\x1e", "\x1f")


def _squeeze_whitespace(rx, text: str) -> str:
    """``rx.sub(" ", text)`` for NLTK's ``\\s+`` rule, by ``str.split``: the rule runs on
    every sentence and replaces every single space by a space, which is slow in ``regex``.

    >>> import regex
    >>> _squeeze_whitespace(regex.compile(r"\\s+"), " a \\t b\\n\\n c ")
    ' a b c '
    """
    if any(c in text for c in _SPLIT_ONLY):
        return rx.sub(" ", text)
    words = text.split()
    if not words:
        return " " if text else ""
    return (" " if text[0].isspace() else "") + " ".join(words) + (" " if text[-1].isspace() else "")


def _gated(rules) -> list[tuple[Callable[[str], str], tuple[str, ...] | None]]:
    """``(substitute, gate)`` per ``(regex, replacement)`` rule, in NLTK's order."""
    out = []
    for rx, repl in rules:
        if rx.pattern == r"\s+" and repl == " ":
            out.append((partial(_squeeze_whitespace, rx), None))
        else:
            out.append((partial(untimed(rx).sub, repl), GATES.get(rx.pattern)))
    return out


def _apply(rules, text: str) -> str:
    for substitute, gate in rules:
        if gate is None:
            text = substitute(text)
            continue
        for g in gate:
            if g in text:
                text = substitute(text)
                break
    return text


class GatedWordTokenizer(NLTKWordTokenizer):
    """``NLTKWordTokenizer`` whose rules run only where they can match (same tokens).

    >>> GatedWordTokenizer().tokenize('He said: "I can\\'t -- won\\'t (yet)."')
    ['He', 'said', ':', '``', 'I', 'ca', "n't", '--', 'wo', "n't", '(', 'yet', ')', '.', "''"]
    """

    def __init__(self):
        super().__init__()
        self._before_pad = (_gated(self.STARTING_QUOTES) + _gated(self.PUNCTUATION)
                            + _gated([self.PARENS_BRACKETS]) + _gated([self.DOUBLE_DASHES]))
        self._after_pad = _gated(self.ENDING_QUOTES)
        self._contractions = [untimed(rx) for rx in (*self.CONTRACTIONS2, *self.CONTRACTIONS3)]

    def tokenize(self, text: str, convert_parentheses: bool = False,
                 return_str: bool = False) -> list[str]:
        if convert_parentheses or return_str:  # options the text layer never uses
            return super().tokenize(text, convert_parentheses, return_str)
        text = _apply(self._before_pad, text)
        text = _apply(self._after_pad, " " + text + " ")
        if _CONTRACTION_GATE.search(text):
            for rx in self._contractions:
                text = rx.sub(r" \1 \2 ", text)
        return text.split()
