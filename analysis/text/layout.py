"""The layout of one text: paragraphs, page debris, the headline and the dateline (found by
:mod:`analysis.text.datelines`).

Scraped pages carry navigation strips (``Headline A | Headline B |``) and footers
(``Related News``); these paragraphs are marked ``debris`` and left out of every analysis,
while the text itself is never changed, so offsets never shift. The markers come from
the corpus configuration (:class:`~analysis.config.CorpusConfig`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config.corpus import CorpusConfig, normalise_marker
from .datelines import find_publication_line

#: A document without a title or headline is labelled by this many words of its lead.
LEAD_WORDS = 12

@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # body | headline | debris


#: Two line breaks with only other whitespace between them: the core of a paragraph break,
#: which is the whole run of whitespace around it. (The one-pattern form, \s*\n\s*\n\s*,
#: backtracks over a long run of spaces without two line breaks and takes time quadratic in
#: its length; trying every run of whitespace took 1% of a run on newswire.)
_TWO_LINE_BREAKS = re.compile(r"\n[^\S\n]*\n")
_WHITESPACE = re.compile(r"\s*")


def _paragraph_breaks(text: str):
    """(start, end) of each run of whitespace that holds two line breaks or more."""
    last_end = -1
    for core in _TWO_LINE_BREAKS.finditer(text):
        if core.start() < last_end:  # inside the run just given
            continue
        start = core.start()
        while start > 0 and text[start - 1].isspace():  # stops at the text before: linear overall
            start -= 1
        last_end = _WHITESPACE.match(text, core.end()).end()
        yield start, last_end
#: A headline does not end like a sentence.
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]$")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of blank-line separated paragraphs, trimmed of surrounding whitespace.

    >>> paragraph_spans("A b.\\n\\n  C d.\\n")
    [(0, 4), (8, 12)]
    >>> paragraph_spans("*\\n\\nA one-character paragraph stays apart.")
    [(0, 1), (3, 41)]
    """
    spans = []
    at = 0
    for brk in (*_paragraph_breaks(text), None):
        end = brk[0] if brk else len(text)
        chunk = text[at:end]
        body = chunk.strip()
        if body:
            start = at + len(chunk) - len(chunk.lstrip())
            spans.append((start, start + len(body)))
        if brk:
            at = brk[1]
    return spans


def _is_navigation(chunk: str, config: CorpusConfig) -> bool:
    """A navigation strip: one line holding the separators between short items. A sentence
    that merely contains two pipes ("A | B | C" in a table) has long items."""
    if sum(chunk.count(sep) for sep in config.separators) < config.min_separators or "\n" in chunk.strip():
        return False
    items = [x for x in re.split("|".join(map(re.escape, config.separators)), chunk) if x.strip()]
    return bool(items) and max(len(x.split()) for x in items) <= 20


def classify_paragraphs(text: str, config: CorpusConfig) -> list[Paragraph]:
    """Mark navigation strips and footers as debris, and a leading short line as the headline."""
    spans = paragraph_spans(text)
    kinds = ["body"] * len(spans)
    for i, (s, e) in enumerate(spans):
        chunk = text[s:e]
        if _is_navigation(chunk, config):
            kinds[i] = "debris"
        if normalise_marker(chunk) in config.footer_markers:
            kinds[i:] = ["debris"] * (len(spans) - i)  # everything after a footer marker is footer
            break
    body = [i for i, k in enumerate(kinds) if k == "body"]
    if len(body) >= 2:
        s, e = spans[body[0]]
        line = text[s:e]
        if len(line.split()) <= config.headline_max_words and not _SENTENCE_END.search(line) and "\n" not in line:
            kinds[body[0]] = "headline"
    return [Paragraph(s, e, k) for (s, e), k in zip(spans, kinds)]


def describe_document(text: str, config: CorpusConfig) -> dict:
    """Body span, headline, lead and dateline of one text (pure)."""
    paras = classify_paragraphs(text, config)
    kept = [p for p in paras if p.kind != "debris"]
    headline = next((text[p.start:p.end] for p in kept if p.kind == "headline"), "")
    body = [p for p in kept if p.kind == "body"]
    stated = find_publication_line(text, [(p.start, p.end) for p in kept], [(p.start, p.end) for p in body])
    lead = ""
    if body:
        words = text[body[0].start:body[0].end].split()
        lead = " ".join(words[:LEAD_WORDS]) + ("…" if len(words) > LEAD_WORDS else "")
    return {
        "lead": lead,
        "body_start": kept[0].start if kept else 0,
        "body_end": kept[-1].end if kept else 0,
        "headline": headline,
        "dateline": stated.text if stated else "",
        "dateline_date": stated.date if stated else "",
    }
