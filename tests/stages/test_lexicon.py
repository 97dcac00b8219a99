"""analysis.stages.lexicon: the compiled first-word trigger finds exactly what trying every phrase
at every word start finds."""

from __future__ import annotations

import re

import pytest

from analysis.stages.lexicon import PhraseMatcher, trie_regex


def reference_matches(matcher: PhraseMatcher, text: str, start: int = 0, end: int | None = None) -> list:
    """The plain algorithm: at each word start, the first phrase (longest first) that matches."""
    end = len(text) if end is None else end
    items = sorted([it for group in matcher._exact.values() for it in group]
                   + [it for group in matcher._prefix.values() for _, it in group] + matcher._always,
                   key=lambda it: it[0])
    out, done = [], start
    for at in range(start, end):
        if at < done or (at > 0 and re.match(r"[\w’'\-]", text[at - 1])):
            continue
        for _order, source, payload in items:
            m = re.compile(source).match(text, at, end)
            if m:
                out.append((m.start(), m.end(), m.group(), payload))
                done = m.end()
                break
    return out


PHRASES = [("Cambodia", "kh"), ("Cambodian government", "gov"), ("US", "us"), ("United States", "us"),
           ("use of force", "force"), ("call* for", "call"), ("neutral*", "neutral"), ("un*", "un-wild"),
           ("[any] side", "side"), ("Côte d'Ivoire", "ci"), ("o'brien", "ob"), ("peace ... talks", "talks"),
           ("Prime Minister", "pm"), ("non-alignment", "nonalign")]

TEXTS = [
    "Cambodia's stance: the Cambodian government called for peace.",
    "The US-led coalition and the United States' allies; us and US.",
    "CAMBODIA and cambodia, Cambodia’s and Cambodias.",
    "It urged [any] side to stop the use of Force, calling for neutrality.",
    "CÔTE D'IVOIRE and côte d’ivoire; O’Brien's view.",
    "Peace and renewed talks; peace, then more serious talks much later talks.",
    "Prime  Minister\nHun Manet backed non-alignment and non-aligned unity.",
    "bonus campus; Unusual; undone; neutrals.",
    "",
]


@pytest.mark.parametrize("case", ["auto", "insensitive", "acronyms"])
@pytest.mark.parametrize("text", TEXTS)
def test_trigger_finds_what_every_word_start_finds(text, case):
    m = PhraseMatcher(PHRASES, case=case)
    got = [(x.start, x.end, x.text, x.payload) for x in m.finditer(text)]
    assert got == reference_matches(m, text)


@pytest.mark.parametrize("start, end", [(0, 10), (3, 30), (11, 40), (20, 21)])
def test_ranges_inside_a_text(start, end):
    text = TEXTS[0] + " " + TEXTS[3]
    m = PhraseMatcher(PHRASES, case="auto")
    got = [(x.start, x.end, x.text, x.payload) for x in m.finditer(text, start, end)]
    assert got == reference_matches(m, text, start, end)


@pytest.mark.parametrize("words, text, expected", [
    (["us", "us-led"], "us-led", "us-led"),
    (["us", "us-led"], "us", "us"),
    (["don't"], "don’t", "don’t"),
    (["lao", "laos"], "laos", "laos"),
])
def test_trie_regex_matches_like_the_alternation(words, text, expected):
    m = re.match(trie_regex(words), text)
    assert m is not None and m.group() == expected


NAMES = [("Kin Phea", "kp"), ("Phea", "part"), ("Hun Sen", "hs"), ("Sen", "sen-part"), ("O’Brien", "ob"),
         ("Jean-Pierre Lacroix", "jpl"), ("Lacroix", "lx"), ("Dmytro Kuleba", "dk"), ("Côte", "cote")]
NAME_TEXTS = [
    "Kin Phea said; Kin  Phea’s view, Kin\nPhea and Kin-Phea, KIN PHEA and kin phea.",
    "Phea's, Phea’s, Pheas, Phea-led, Phea’t, XPhea, Phea.",
    "Hun Sen met Sen; Hun Sen's call; Hun-Sen; Senate; Sen.",
    "O'Brien and O’Brien and O’Briens; Jean-Pierre Lacroix, Jean-Pierre  Lacroix, Lacroix.",
    "Dmytro Kuleba", "Côte d’Ivoire and Côte.", "", "Kin",
]


@pytest.mark.parametrize("text", NAME_TEXTS)
@pytest.mark.parametrize("span", [None, (0, 9), (4, 30)])
def test_name_matcher_finds_what_phrase_matcher_finds(text, span):
    from analysis.stages.lexicon import NameMatcher

    start, end = span or (0, len(text))
    end = min(end, len(text))
    expected = [(x.start, x.end, x.text, x.payload)
                for x in PhraseMatcher(NAMES, case="auto").finditer(text, start, end)]
    assert [(x.start, x.end, x.text, x.payload) for x in NameMatcher(NAMES).finditer(text, start, end)] == expected


@pytest.mark.parametrize("phrase, ok", [("Kin Phea", True), ("kin phea", False), ("call* for", False),
                                        ("Peace ... Talks", False), ("the Kingdom", False), ("-Phea", False)])
def test_name_matcher_accepts_only_literal_names(phrase, ok):
    from analysis.stages.lexicon import NameMatcher

    assert NameMatcher.accepts(phrase) is ok
