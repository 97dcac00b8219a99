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

    Candidates are looked up by the first word of each phrase (exactly, or by its
    first three letters for a wildcard word), so the cost grows with the length of
    the text, not with the size of the codebook.

    >>> m = PhraseMatcher([("use of force", "force"), ("force", "f")], case="insensitive")
    >>> [(x.text, x.payload) for x in m.finditer("the use of Force and force")]
    [('use of Force', 'force'), ('force', 'f')]
    """

    _WORDS = re.compile(r"[\w’'\-]+")

    def __init__(self, entries: Iterable[tuple[str, Any]], *, case: str = "auto"):
        entries = [(p, payload) for p, payload in entries if p.strip()]
        # Longer phrases first: at one position the longest phrase wins.
        entries.sort(key=lambda e: (-len(e[0].replace("*", "")), e[0]))
        self._exact: dict[str, list] = {}
        self._prefix: dict[str, list] = {}
        self._always: list = []
        self._cache: dict[str, list] = {}
        for order, (phrase, payload) in enumerate(entries):
            item = (order, re.compile(phrase_regex(phrase, case=case)), payload)
            first = phrase.split()[0].lower().replace("’", "'")
            if not re.match(r"[\w'\-]", first) or first.startswith("*") or first == "...":
                self._always.append(item)
            elif "*" in first:
                stem = first.split("*")[0]
                if len(stem) < 3:
                    self._always.append(item)
                else:
                    self._prefix.setdefault(stem[:3], []).append((stem, item))
            else:
                self._exact.setdefault(first, []).append(item)

    _POSSESSIVE = re.compile(r"'s?$")

    def _candidates(self, word: str) -> list:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        w = word.lower().replace("’", "'")
        keys = {w, self._POSSESSIVE.sub("", w)}  # "Cambodia's" may start the phrase "Cambodia"
        found = [item for k in keys for item in self._exact.get(k, ())]
        found += [item for stem, item in self._prefix.get(w[:3], ()) if w.startswith(stem)]
        found += self._always
        found.sort(key=lambda item: item[0])
        if len(self._cache) < 200_000:  # bounded: a corpus has a long tail of rare words
            self._cache[word] = found
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        pos_done = start
        for w in self._WORDS.finditer(text, start, end):
            if w.start() < pos_done:
                continue
            # A word like "US-led" may hold a phrase that starts inside it only after a hyphen;
            # phrases never start inside a word, so the word start is the only place to try.
            for _order, rx, payload in self._candidates(w.group()):
                m = rx.match(text, w.start(), end)
                if m:
                    yield Match(m.start(), m.end(), m.group(), payload)
                    pos_done = m.end()
                    break
