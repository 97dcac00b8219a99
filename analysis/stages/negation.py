"""Negation scope, one rule for every stage: a negator negates what follows it closely.

A word or phrase at ``pos`` is negated when a negator ends before it, no more than
``scope`` words away, with no comma in between (a comma starts another clause or an
aside: "Chile, not Peru, supports"). Stance cues and frame indicators both use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import Match

#: What counts as a word when the distance to a negator is measured.
WORD = re.compile(r"[\w’'-]+")


def is_negated(text: str, pos: int, negators: Iterable[Match], scope: int, *, floor: int = 0) -> bool:
    """Whether one of ``negators`` (matches in ``text``), starting at or after ``floor``,
    negates what starts at ``pos``.

    >>> from analysis.stages.lexicon import PhraseMatcher
    >>> def negated(text, word, scope=3):
    ...     negators = PhraseMatcher([("not", "not")], case="insensitive").finditer(text)
    ...     return is_negated(text, text.index(word), negators, scope)
    >>> negated("We do not really support it.", "support"), negated("We do not really support it.", "it", 1)
    (True, False)
    >>> negated("Chile, not Peru, supports it.", "supports")
    False
    >>> negated("They said no shots were fired and accused them.", "accused", 4)
    False
    >>> negated("They do not back or endorse it.", "endorse", 4)
    True
    >>> negated("They did not just back it but funded it.", "back"), negated("They do not simply back it.", "back")
    (False, True)
    >>> negators = PhraseMatcher([("no", "no")], case="insensitive")
    >>> text = "There is no acceptable system other than democracy."
    >>> is_negated(text, text.index("acceptable"), negators.finditer(text), 3)
    False
    """
    for n in negators:
        if n.end <= pos and n.start >= floor:
            gap = text[n.end:pos]
            if _NOT_ONLY.match(gap) and _BUT_ALSO.search(text, pos, pos + 200):
                continue  # "did not just blame X but also ...": blamed X, and more
            if n.text.lower() in _EXCLUSIVE_NEGATORS and _OTHER_THAN.match(text, pos):
                continue  # "there is no acceptable system other than democracy": only democracy is
            if _AFFIRMING_IDIOM.match(text, n.end):
                continue  # "it is no wonder Trump is supporting", "no doubt", "not to mention"
            if "," not in gap and len(WORD.findall(gap)) <= scope and not _NEW_PREDICATE.search(gap):
                return True
    return False


#: "not just ... but", "not only ... but also": the negator adds to what follows instead of
#: denying it ("cannot simply accept" still denies).
_NOT_ONLY = re.compile(r"^\s*(?:just|only)\b", re.I)
_BUT_ALSO = re.compile(r"\bbut\b", re.I)
#: "no ... other than", "nothing ... except": the negator leaves one thing, and affirms it.
_EXCLUSIVE_NEGATORS = {"no", "nothing", "none"}
_OTHER_THAN = re.compile(r"[^,.;:]{0,60}?\b(?:other\s+than|except|save\s+for|apart\s+from|besides)\b", re.I)
#: Idioms made with a negator that deny nothing: "no wonder", "no doubt", "no matter", "not to mention".
_AFFIRMING_IDIOM = re.compile(r"\s+(?:wonder|doubt|matter|surprise)\b|\s+to\s+mention\b", re.I)
#: "and"/"or" after two or more words starts another predicate: "no shots were fired and accused".
_NEW_PREDICATE = re.compile(r"^\s*[\w’'-]+\s+[\w’'-]+(?:\s+[\w’'-]+)*\s+(?:and|or)\s", re.I)
