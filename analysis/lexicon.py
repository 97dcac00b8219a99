"""Matching codebook phrases in text: whole words, ``*`` wildcards, ``...`` gaps.

One compiled alternation per phrase list keeps matching fast on large corpora; the
longest phrase wins where several start at the same place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

_WORD = r"[\w’'\-]"
#: "..." in a phrase: up to this many intervening words.
GAP_WORDS = 4


def phrase_regex(phrase: str, *, case: str = "auto") -> str:
    """Regex source for a codebook phrase.

    ``case``: "auto" (case-sensitive when the phrase has a capital letter; acronyms and
    names), "insensitive", or "acronyms" (insensitive except all-capital words).

    >>> bool(re.search(phrase_regex("call* ... to", case="insensitive"), "called on the US to stop"))
    True
    >>> bool(re.search(phrase_regex("UN"), "a fun run"))
    False
    """
    parts = []
    for i, word in enumerate(phrase.split()):
        if word == "...":
            parts.append(rf"(?:\s+{_WORD}+){{0,{GAP_WORDS}}}")
            continue
        body = re.escape(word).replace(r"\*", r"\w*")
        # Straight and curly apostrophes are the same character to a reader.
        body = re.sub(r"['’]", "['’]", body)
        if i == 0 and word == "the":
            body = "[Tt]he"  # "the Kingdom" also starts a sentence
        parts.append(body)
    src = ""
    for i, part in enumerate(parts):
        if i == 0:
            src = part
        elif part.startswith("(?:\\s+"):
            src += part
        else:
            src += r"[\s\-]+" + part
    sensitive = (case == "auto" and phrase != phrase.lower()) or (
        case == "acronyms" and re.fullmatch(r"[A-Z0-9.&]{2,}", phrase) is not None)
    core = src if sensitive else f"(?i:{src})"
    # Not inside a longer word; a possessive ("Cambodia’s") still counts, a contraction does not.
    return rf"(?<![\w’'-]){core}(?![\w-]|['’](?![sS]\b)\w)"


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    payload: Any


class PhraseMatcher:
    """Find non-overlapping phrase matches, longest first at each position.

    >>> m = PhraseMatcher([("use of force", "force"), ("force", "f")], case="insensitive")
    >>> [(x.text, x.payload) for x in m.finditer("the use of Force and force")]
    [('use of Force', 'force'), ('force', 'f')]
    """

    def __init__(self, entries: Iterable[tuple[str, Any]], *, case: str = "auto"):
        entries = [(p, payload) for p, payload in entries if p.strip()]
        # Longer phrases first so the alternation prefers them at the same start.
        entries.sort(key=lambda e: (-len(e[0].replace("*", "")), e[0]))
        self._compiled = [(re.compile(phrase_regex(p, case=case)), payload) for p, payload in entries]
        sources = [phrase_regex(p, case=case) for p, _ in entries]
        self._any = re.compile("|".join(f"(?:{s})" for s in sources)) if sources else None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        if self._any is None:
            return
        end = len(text) if end is None else end
        for m in self._any.finditer(text, start, end):
            yield Match(m.start(), m.end(), m.group(), self._payload(text, m.start(), m.end()))

    def _payload(self, text: str, start: int, end: int) -> Any:
        for rx, payload in self._compiled:
            m = rx.match(text, start, end)
            if m and m.end() == end:
                return payload
        for rx, payload in self._compiled:  # a phrase that matched with a different extent
            if rx.match(text, start):
                return payload
        return None
