"""Matching codebook phrases in text: whole words, ``*`` wildcards, ``...`` gaps.

Each phrase list compiles one "trigger" regex, a prefix-shared alternation of the literal
openings of its phrases (their words up to the first wildcard or gap); the regex engine
finds the few places where some phrase may start, and only there are the phrases' own
regexes tried, longest first. The scan runs in C, so its cost grows with the length of
the text, not with the size of the codebook.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_WORD = r"[\w’'\-]"
#: Between two words of a phrase: spaces, line breaks or hyphens ("non-aligned", "non aligned").
_WORD_GAP = r"[\s\-]+"
#: After a phrase: not inside a longer word; a possessive ("Cambodia’s") still counts, a contraction does not.
_PHRASE_END = r"(?![\w-]|['’](?![sS]\b)\w)"
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
            src += _WORD_GAP + part
    sensitive = (case == "auto" and phrase != phrase.lower()) or (
        case == "acronyms" and re.fullmatch(r"[A-Z0-9.&]{2,}", phrase) is not None)
    core = src if sensitive else f"(?i:{src})"
    return rf"(?<![\w’'-]){core}{_PHRASE_END}"


def trie_regex(words: Iterable[str], *, lowered: bool = True) -> str:
    r"""A regex alternation of words shared by prefix ("cambodia|cambodian" -> "cambodia(?:n)?"),
    so the regex engine tries one branch per character instead of one per word. It matches
    what the plain alternation of the words, longest first, matches.

    ``lowered=True``: the words are lower case and the regex is meant for text lowered
    with :data:`ASCII_LOWER` (which keeps every offset), so other letters match in either
    case and an apostrophe matches both the straight and the curly form. ``lowered=False``:
    every character matches itself.

    >>> trie_regex(["us", "us-led", "un"])
    'u(?:n|s(?:\\-led)?)'
    >>> re.fullmatch(trie_regex(["Lao", "Laos", "Latvia"], lowered=False), "Laos") is not None
    True
    """
    return _trie(words, _char_regex if lowered else re.escape)


def _trie(words: Iterable[str], char) -> str:
    """The prefix-shared alternation of ``words``, each character written as ``char(ch)``."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [char(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
        return body

    return emit(trie)


def _char_regex(ch: str) -> str:
    if ch == "'":
        return "['’]"
    return re.escape(ch) if ch.isascii() else f"(?i:{re.escape(ch)})"


#: In the literal openings of phrases (see :func:`literal_opening`): the end of a whole
#: phrase (a possessive may follow, a longer word may not), and the gap between two words.
_WHOLE, _GAP = "\x00", " "


def _opening_char(ch: str) -> str:
    if ch == _WHOLE:
        return r"(?:['’]s?)?(?![\w’'\-])"
    if ch == _GAP:
        return _WORD_GAP
    return _char_regex(ch)


def literal_opening(phrase: str) -> str:
    """The lowered words a text must show where ``phrase`` starts: its words up to the first
    wildcard or gap, then :data:`_WHOLE` when that is the whole phrase.

    >>> [literal_opening(p) for p in ("Prime Minister", "call* for", "the ... side")]
    ['prime minister\\x00', 'call', 'the']
    """
    words = []
    for word in phrase.split():
        if word == "..." or "*" in word:
            stem = word.split("*")[0].lower().replace("’", "'") if word != "..." else ""
            return " ".join(words + [stem] if stem else words)
        words.append(word.lower().replace("’", "'"))
    return " ".join(words) + _WHOLE


#: Lower-cases ASCII letters only: unlike ``str.lower`` it never changes the length of a text.
ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


_last_lowered: tuple[str, str] = ("", "")


def lowered(text: str) -> str:
    """``text.translate(ASCII_LOWER)``, remembered for the most recent text: every matcher
    scans the sentences of one document in turn, and lowering the document once is enough."""
    global _last_lowered
    last = _last_lowered  # one read: another thread may replace it meanwhile
    if last[0] is text:
        return last[1]
    low = text.translate(ASCII_LOWER)
    _last_lowered = (text, low)
    return low


@lru_cache(maxsize=8192)
def _compiled(source: str) -> re.Pattern:
    # Per-document matchers (the persons of one article) reuse the same phrases across a
    # corpus; re's own cache holds only 512 patterns.
    return re.compile(source)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    payload: Any


_POSSESSIVE = re.compile(r"'s?$")


def first_word_keys(word: str) -> set[str]:
    """The phrase first words a word of the text may stand for: itself, lowered, with or
    without a possessive ("Cambodia's" may start the phrase "Cambodia").

    >>> sorted(first_word_keys("Cambodia’s"))
    ['cambodia', "cambodia's"]
    """
    w = word.lower().replace("’", "'")
    bare = w.rstrip(".")  # "Cambodia." ends a sentence; "U." opens "U. S."
    return {w, bare, _POSSESSIVE.sub("", bare)}


class PhraseMatcher:
    """Find non-overlapping phrase matches, longest first at each position.

    Candidates are looked up by the first word of each phrase (exactly, or by its
    first three letters for a wildcard word), so the cost grows with the length of
    the text, not with the size of the codebook.

    >>> m = PhraseMatcher([("use of force", "force"), ("force", "f")], case="insensitive")
    >>> [(x.text, x.payload) for x in m.finditer("the use of Force and force")]
    [('use of Force', 'force'), ('force', 'f')]
    >>> [x.text for x in PhraseMatcher([("U.S.", "us"), ("U. K.", "uk")]).finditer("U.S. and U. K. envoys")]
    ['U.S.', 'U. K.']
    """

    # A dotted abbreviation is one word ("U.S.", "U.N."), as the phrases' first words are, and a
    # word keeps its full stop ("U." of "U. S.", "St." of "St. Lucia").
    _WORDS = re.compile(r"(?:\w\.){2,}|[\w’'\-]+\.?")

    def __init__(self, entries: Iterable[tuple[str, Any]], *, case: str = "auto"):
        entries = [(p, payload) for p, payload in entries if p.strip()]
        # Longer phrases first: at one position the longest phrase wins.
        entries.sort(key=lambda e: (-len(e[0].replace("*", "")), e[0]))
        self._exact: dict[str, list] = {}
        self._prefix: dict[str, list] = {}
        self._always: list = []
        self._cache: dict[str, list] = {}
        self._phrases = [phrase.split() for phrase, _ in entries]
        for order, (phrase, payload) in enumerate(entries):
            # The regex source only: it is compiled the first time the text shows the phrase's
            # opening (most phrases of a codebook never open a sentence of a given corpus, and
            # compiling all of them was most of a small run's time).
            item = (order, phrase_regex(phrase, case=case), payload)
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
        self._trigger = self._compile_trigger()
        self._punctuation_first = [(o, rx, pl) for o, rx, pl, first in self._always_first() if first]

    def _compile_trigger(self) -> re.Pattern:
        """One regex for the places where some phrase may start, so the scan runs in C.

        It runs over the text lowered by :data:`ASCII_LOWER` (case-insensitive regexes are
        several times slower in ``re``) and only narrows the search: every hit is checked
        again by :meth:`_candidates` and the phrase's own regex on the original text.
        """
        starts = []
        if self._exact:
            # The whole literal opening of each phrase, not just its first word: "the" alone
            # starts thousands of sentences, "the prime minister" a few. A lookahead, so a hit
            # consumes nothing and never hides a phrase that starts inside it.
            openings = {literal_opening(" ".join(self._phrases[order])) for group in self._exact.values()
                        for order, _rx, _payload in group}
            starts.append(f"(?=(?:{_trie(openings, _opening_char)}))")
        if self._prefix:
            starts.append(trie_regex({stem for group in self._prefix.values() for stem, _ in group}))
        for _order, _rx, _payload, first in self._always_first():
            # A phrase that opens with punctuation ("[any] side") starts at that character;
            # one that opens with a short wildcard may start at any word.
            starts.append("".join(map(_char_regex, first.lower())) if first else r"[\w’'\-]")
        if not starts:
            return _compiled(r"(?!)")
        return _compiled(rf"(?<![\w’'\-])(?:{'|'.join(starts)})")

    def _always_first(self) -> Iterator[tuple]:
        for order, rx, payload in self._always:
            phrase_start = self._phrases[order][0]
            yield order, rx, payload, ("" if re.match(r"[\w'’*\-]|\.\.\.", phrase_start) else phrase_start)

    def _candidates(self, word: str) -> list:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        w = word.lower().replace("’", "'")
        found = [item for k in first_word_keys(word) for item in self._exact.get(k, ())]
        found += [item for stem, item in self._prefix.get(w[:3], ()) if w.startswith(stem)]
        found += self._always
        found.sort(key=lambda item: item[0])
        if len(self._cache) < 200_000:  # bounded: a corpus has a long tail of rare words
            self._cache[word] = found
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        pos_done = start
        # A word like "US-led" may hold a phrase that starts inside it only after a hyphen;
        # phrases never start inside a word, so word starts are the only places to try.
        for hit in self._trigger.finditer(lowered(text), start, end):
            at = hit.start()
            if at < pos_done:
                continue
            word = self._WORDS.match(text, at, end)
            for _order, rx, payload in (self._candidates(word.group()) if word else self._punctuation_first):
                m = _compiled(rx).match(text, at, end)
                if m:
                    yield Match(m.start(), m.end(), m.group(), payload)
                    pos_done = m.end()
                    break


class NameMatcher:
    """Literal, case-sensitive phrases, such as the names of the people one article
    introduces: the matches :class:`PhraseMatcher` gives with ``case="auto"``, found with
    ``str.find`` instead of compiled regexes. A matcher is built for every document, and
    compiling its regexes cost more than the search (4% of a run on newswire).

    Only phrases that :meth:`accepts` (a capital letter, no wildcard or gap, words that
    start with a letter or digit) are allowed.

    >>> m = NameMatcher([("Kin Phea", "kp"), ("Phea", "part")])
    >>> [(x.text, x.payload) for x in m.finditer("Kin  Phea’s view; Phea said; KIN PHEA; Pheap")]
    [('Kin  Phea', 'kp'), ('Phea', 'part')]
    """

    # The pieces of phrase_regex, so that both give the same matches.
    _NAME_CHAR = re.compile(_WORD)
    _SEPARATOR = re.compile(_WORD_GAP)
    _END = re.compile(_PHRASE_END)

    @staticmethod
    def accepts(phrase: str) -> bool:
        words = phrase.split()
        return bool(words) and phrase != phrase.lower() and words[0] != "the" and \
            all("*" not in w and w != "..." and w[0].isalnum() for w in words)

    def __init__(self, entries: Iterable[tuple[str, Any]]):
        entries = [(p, payload) for p, payload in entries if p.strip()]
        for phrase, _ in entries:
            if not self.accepts(phrase):
                raise ValueError(f"NameMatcher: not a literal name: {phrase!r}")
        # The order PhraseMatcher tries phrases in: longest first.
        entries.sort(key=lambda e: (-len(e[0]), e[0]))
        self._entries = [([w.replace("’", "'") for w in phrase.split()], payload) for phrase, payload in entries]
        # Where a phrase can start: its first word up to any apostrophe (either form may be in the text).
        self._keys = sorted({words[0].split("'")[0] for words, _ in self._entries})
        # The entries by lowered first word, in the order above: a start only tries its own.
        self._by_first: dict[str, list[tuple[int, list[str], Any]]] = {}
        for order, (words, payload) in enumerate(self._entries):
            self._by_first.setdefault(words[0].lower(), []).append((order, words, payload))
        self._text: str | None = None
        self._found: list[int] = []

    def _match_at(self, text: str, at: int, end: int, words: list[str]) -> int | None:
        pos = at
        for i, word in enumerate(words):
            if i:
                gap = self._SEPARATOR.match(text, pos, end)
                if gap is None:
                    return None
                pos = gap.end()
            stop = pos + len(word)
            if stop > end or text[pos:stop].replace("’", "'") != word:
                return None
            pos = stop
        return pos if self._END.match(text, pos, end) else None

    def _starts(self, text: str) -> list[int]:
        """Where a name may start in the whole text (a word start showing a key), found once per
        text: the matcher is asked sentence by sentence, and finding the keys in each sentence
        anew would take time proportional to names x text, quadratic in a long article."""
        if self._text is text:
            return self._found
        if len(self._keys) * len(text) <= 20_000_000:
            starts = set()
            for key in self._keys:
                at = text.find(key)
                while at >= 0:
                    if at == 0 or not self._NAME_CHAR.match(text, at - 1):
                        starts.add(at)
                    at = text.find(key, at + 1)
        else:  # many names in a long text: one pass of a compiled alternation
            rx = _compiled(rf"(?<![\w’'\-])(?=(?:{trie_regex(self._keys, lowered=False)}))")
            starts = {m.start() for m in rx.finditer(text)}
        self._text, self._found = text, sorted(starts)
        return self._found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        end = len(text) if end is None else end
        found = self._starts(text)
        pos_done = start
        for at in found[bisect_left(found, start):bisect_left(found, end)]:
            if at < pos_done:
                continue
            # PhraseMatcher tries the phrases whose first word is the word here (lowered,
            # possessive or not): "Kin-Phea" is one word, so it never starts "Kin Phea".
            firsts = first_word_keys(PhraseMatcher._WORDS.match(text, at, end).group())
            tried = sorted(e for key in firsts for e in self._by_first.get(key, ()))
            for _order, words, payload in tried:
                stop = self._match_at(text, at, end, words)
                if stop is not None:
                    yield Match(at, stop, text[at:stop], payload)
                    pos_done = stop
                    break
