"""Temporal expressions against gold TIMEX3: TempEval-3 platinum and MEANTIME, scored as the
official TempEval-3 scorer does."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..lang.resources import sentence_tokenizer
from ..stages.timexes import find_timexes, parse_dct, resolve_relative_days
from .data import SHARED_BENCHMARKS
from .metrics import prf


def read_timeml(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]]]:
    """(text, DCT value, gold [(start, end, type, value)]) of one TimeML file; offsets into the
    tag-stripped <TEXT> content."""
    root = ET.parse(path).getroot()
    dct = next((t.get("value") for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"), "")
    text_el = root.find("TEXT")
    parts: list[str] = []
    gold = []

    def walk(el):
        # An element's tail belongs to its parent's text, so the parent appends it.
        if el.tag == "TIMEX3":
            start = sum(map(len, parts))
            inner = "".join(el.itertext())
            parts.append(inner)
            gold.append((start, start + len(inner), el.get("type"), el.get("value")))
            return
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return "".join(parts), dct, gold


def tag_text(text: str, dct_value: str) -> list:
    """Run the temporal tagger over a text, sentence by sentence, against a DCT value."""
    dct = parse_dct(dct_value[:10] if dct_value else "")
    out, last_day = [], None
    for s, e in sentence_tokenizer().span_tokenize(text):
        found = find_timexes(text[s:e], dct=dct, offset=s)
        last_day = resolve_relative_days(found, last_day)
        out += found
    return out


def timex_scores(pairs: list[tuple[list, list]]) -> dict:
    """TempEval-3 scoring over documents: ``pairs`` of (gold [(s, e, type, value)], system [Timex]).

    Relaxed match: extents overlap; strict: identical extents. Value F1 counts a gold timex
    when it is matched (relaxed) and the values are identical (as the official scorer does).
    """
    n_gold = n_sys = relaxed = strict = value_ok = type_ok = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        used = set()
        for gs, ge, gtype, gvalue in gold:
            match = next((i for i, t in enumerate(system) if i not in used and t.start < ge and gs < t.end), None)
            if match is None:
                continue
            used.add(match)
            t = system[match]
            relaxed += 1
            strict += int(t.start == gs and t.end == ge)
            value_ok += int(t.value == gvalue)
            type_ok += int(t.type == gtype)

    def f(k):
        return prf(k, n_sys - k, n_gold - k)
    return {"gold": n_gold, "system": n_sys, "relaxed": dict(zip(("precision", "recall", "f1"), f(relaxed))),
            "strict": dict(zip(("precision", "recall", "f1"), f(strict))),
            "value": dict(zip(("precision", "recall", "f1"), f(value_ok))),
            "type_accuracy": round(type_ok / relaxed, 4) if relaxed else 0.0}


def tempeval3_scores(folder: Path | None = None) -> dict:
    folder = folder or SHARED_BENCHMARKS / "tempeval3" / "te3-platinum"
    pairs = []
    for path in sorted(folder.glob("*.tml")):
        text, dct, gold = read_timeml(path)
        pairs.append((gold, tag_text(text, dct)))
    return {"documents": len(pairs), **timex_scores(pairs)}


#: MEANTIME annotates the title and the first sentences only (token attribute sentence <= 5).
MEANTIME_ANNOTATED_SENTENCES = 5


def read_meantime(path: Path) -> tuple[str, str, list[tuple[int, int, str, str]], tuple[int, int]]:
    """(text, DCT value, gold timexes, DCT span) of one MEANTIME CAT file, restricted to the
    annotated sentences. Tokens are joined with single spaces (none before closing
    punctuation), sentences with newlines."""
    root = ET.parse(path).getroot()
    spans: dict[str, tuple[int, int]] = {}
    parts: list[str] = []
    pos, last_sentence = 0, None
    for tok in root.iter("token"):
        if int(tok.get("sentence")) > MEANTIME_ANNOTATED_SENTENCES:
            continue
        word = tok.text or ""
        sep = ""
        if parts:
            sep = "\n" if tok.get("sentence") != last_sentence else ("" if word in {",", ".", ";", ":", "'s", ")", "%",
                                                                                     "?", "!"} else " ")
        parts.append(sep + word)
        pos += len(sep)
        spans[tok.get("t_id")] = (pos, pos + len(word))
        pos += len(word)
        last_sentence = tok.get("sentence")
    dct, gold, dct_span = "", [], (-1, -1)
    for t in root.iter("TIMEX3"):
        ids = [a.get("t_id") for a in t.findall("token_anchor") if a.get("t_id") in spans]
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value") or ""
            if ids:
                dct_span = (spans[ids[0]][0], spans[ids[-1]][1])
            continue
        if not ids:
            continue
        gold.append((spans[ids[0]][0], spans[ids[-1]][1], t.get("type"), t.get("value")))
    return "".join(parts), dct, gold, dct_span


def meantime_scores(folder: Path | None = None) -> dict:
    """Extent and value scores on MEANTIME (English), with value accuracy over matched timexes."""
    folder = folder or SHARED_BENCHMARKS / "meantime" / "intra-doc_annotation"
    pairs = []
    for path in sorted(folder.glob("corpus_*/*.xml")):
        text, dct, gold, (ds, de) = read_meantime(path)
        system = [t for t in tag_text(text, dct) if not (t.start < de and ds < t.end)]  # the DCT itself
        pairs.append((gold, system))
    scores = timex_scores(pairs)
    matched = round(scores["relaxed"]["recall"] * scores["gold"])
    correct = round(scores["value"]["recall"] * scores["gold"])
    scores["value_accuracy"] = round(correct / matched, 4) if matched else 0.0
    return {"documents": len(pairs), **scores}
