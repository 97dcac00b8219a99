"""Diplomatic framing: which frames each sentence uses, and each text's frame profile.

The codebook (``codebooks/frames.yaml``) gives each frame a definition, inclusion and
exclusion notes, weighted indicators and a crosswalk to the Policy Frames Codebook.
Coding is transparent: a sentence gets a frame when the summed weights of the frame's
indicators found in it reach the threshold, and every coded row lists the indicators.
An indicator in the scope of a negation ("not a military supporter") is listed as
``negated`` and does not count toward the score, so a rejected frame is visible
without being counted as used. The summaries notebooks show are in :mod:`analysis.views.frames`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import pandas as pd

from ..config.codebooks import FrameCodebook
from ..schema import FRAME_COLUMNS, PROFILE_COLUMNS, Stage
from .lexicon import PhraseMatcher
from .negation import is_negated


@dataclass(frozen=True)
class FrameMatchers:
    """A frames codebook compiled: its indicators (payload: frame id, pattern, weight) and negators."""

    indicators: PhraseMatcher
    negators: PhraseMatcher


def _compile(book: FrameCodebook) -> FrameMatchers:
    """The matchers of a frames codebook (a stage gets them once per run, see frames_stage)."""
    return FrameMatchers(
        PhraseMatcher([(p, (f.id, p, w)) for f in book.frames for p, w in f.indicators], case="acronyms"),
        PhraseMatcher([(n, n) for n in book.negators], case="insensitive"))


def code_sentence(text: str, start: int, end: int, book: FrameCodebook, names: list[tuple[int, int]] = (), *,
                  matchers: FrameMatchers | None = None) -> dict[str, dict]:
    """Frame scores of one sentence: {frame: {"score", "affirmed", "indicators", "negated"}}
    for every frame with at least one indicator. ``score`` counts every indicator;
    ``affirmed`` only those outside a negation. Words inside an actor's name (``names``:
    spans of actor mentions, e.g. "... International Cooperation" in a ministry's name) are
    not indicators."""
    matchers = matchers or _compile(book)
    negs = None  # looked for only in sentences with an indicator: most have none
    found: dict[str, dict] = {}
    for m in matchers.indicators.finditer(text, start, end):
        if any(a <= m.start and m.end <= b for a, b in names):
            continue
        if negs is None:
            negs = list(matchers.negators.finditer(text, start, end))
        fid, pattern, weight = m.payload
        entry = found.setdefault(fid, {"score": 0.0, "affirmed": 0.0, "indicators": [], "negated": [],
                                       "_seen": set()})
        if pattern in entry["_seen"]:
            continue  # each indicator counts once per sentence
        entry["_seen"].add(pattern)
        term = m.text.lower()
        entry["score"] += weight
        entry["indicators"].append(term)
        if is_negated(text, m.start, negs, book.negation_scope):
            entry["negated"].append(term)
        else:
            entry["affirmed"] += weight
    for entry in found.values():
        entry.pop("_seen")
        entry["score"] = round(entry["score"], 3)
        entry["affirmed"] = round(entry["affirmed"], 3)
    return found


def frame_table(documents: pd.DataFrame, sentences: pd.DataFrame, book: FrameCodebook, *,
                attribution: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
                matchers: FrameMatchers | None = None) -> pd.DataFrame:
    """``frames.csv``: one row per (sentence, frame) whose indicators reach the threshold.

    ``negated`` lists indicators used under a negation ("not a military supporter");
    ``rejected`` is true when, without them, the frame would not reach the threshold: the
    sentence invokes the frame to reject it. Profiles count only frames not rejected."""
    matchers = matchers or _compile(book)
    order = {fid: i for i, fid in enumerate(book.ids)}
    texts = dict(zip(documents["doc_id"], documents["text"]))
    speakers = {}
    if attribution is not None and len(attribution):
        speakers = {(d, s): (sp, t) for d, s, sp, t in attribution[["doc_id", "sentence_id", "speaker",
                                                                    "speaker_type"]].itertuples(index=False)}
    names: dict[tuple, list] = {}
    if mentions is not None and len(mentions):
        actors = mentions[(mentions["kind"] == "actor") & mentions["source"].isin(["codebook", "title", "apposition"])]
        for d, sid, a, b in actors[["doc_id", "sentence_id", "char_start", "char_end"]].itertuples(index=False):
            names.setdefault((d, sid), []).append((a, b))
    rows = []
    for doc_id, sid, s, e in sentences[["doc_id", "sentence_id", "char_start", "char_end"]].itertuples(index=False):
        text = texts[doc_id]
        found = code_sentence(text, s, e, book, names.get((doc_id, sid), []), matchers=matchers)
        for fid, entry in sorted(found.items(), key=lambda kv: order[kv[0]]):
            if entry["score"] >= book.threshold:
                sp, st = speakers.get((doc_id, sid), ("", ""))
                rows.append((doc_id, sid, s, e, fid, entry["score"], ";".join(entry["indicators"]),
                             ";".join(entry["negated"]), entry["affirmed"] < book.threshold, sp, st, text[s:e]))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def coded(frames: pd.DataFrame, *, include_rejected: bool = False) -> pd.DataFrame:
    """The rows that code a frame; frames invoked only to be rejected are left out unless
    ``include_rejected`` (the hand coding codes them, so agreement is measured with them)."""
    return frames if include_rejected else frames[~frames["rejected"].astype(bool)]


def frame_profile(frames: pd.DataFrame, sentences: pd.DataFrame, book: FrameCodebook) -> pd.DataFrame:
    """``frame_profile.csv``: per document and frame, the number and share of its sentences
    coded for the frame, and whether the frame is dominant (the largest share; ties all dominant)."""
    totals = Counter(sentences["doc_id"].tolist())  # documents in corpus order
    c = coded(frames)
    counts = Counter(zip(c["doc_id"].tolist(), c["frame"].tolist()))
    rows = []
    for doc_id, n in totals.items():
        doc_counts = {f: counts[(doc_id, f)] for f in book.ids}
        top = max(doc_counts.values()) if doc_counts else 0
        for f in book.ids:
            k = doc_counts[f]
            rows.append((doc_id, f, k, round(k / n, 4) if n else 0.0, bool(top and k == top)))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def frames_stage(tables: dict, rules) -> dict:
    book = rules.codebooks.frames
    matchers = rules.codebooks.compiled(_compile_codebooks)
    frames = frame_table(tables["documents"], tables["sentences"], book, attribution=tables["attribution"],
                         mentions=tables["mentions"], matchers=matchers)
    return {"frames": frames, "frame_profile": frame_profile(frames, tables["sentences"], book)}


def _compile_codebooks(books) -> FrameMatchers:
    return _compile(books.frames)


STAGE = Stage("frames", frames_stage, requires=("documents", "sentences", "attribution", "mentions"),
              provides=("frames", "frame_profile"), reads=("frames",))
