"""Diplomatic framing: which frames each sentence and each text uses, and how they shift.

The codebook (``codebooks/frames.yaml``) gives each frame a definition, inclusion and
exclusion notes, weighted indicators and a crosswalk to the Policy Frames Codebook.
Coding is transparent: a sentence gets a frame when the summed weights of the frame's
indicators found in it reach the threshold, and every coded row lists the indicators.
An indicator in the scope of a negation ("not a military supporter") is listed as
``negated`` and does not count toward the score, so a rejected frame is visible
without being counted as used.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .errors import CodebookError
from .lexicon import PhraseMatcher
from .settings import CODEBOOK_DIR, _expect, _known_fields, _str_list, read_yaml

FRAME_COLUMNS = ["doc_id", "sentence_id", "char_start", "char_end", "frame", "score", "indicators", "negated",
                 "rejected", "speaker", "speaker_type", "evidence"]
PROFILE_COLUMNS = ["doc_id", "frame", "sentences", "share", "dominant"]

#: Words between a negator and an indicator for the indicator to count as negated.
NEGATION_SCOPE = 3
_NEGATORS = ("not", "n't", "never", "no", "nor", "without", "neither")


@dataclass(frozen=True)
class Frame:
    id: str
    label: str
    definition: str
    include: str
    exclude: str
    pfc: tuple[str, ...]
    indicators: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class FrameCodebook:
    frames: tuple[Frame, ...]
    threshold: float
    path: str

    @property
    def ids(self) -> list[str]:
        return [f.id for f in self.frames]


def load_frames(path: str | Path | None = None) -> FrameCodebook:
    """Load and validate a frames codebook (default: the package's ``frames.yaml``)."""
    path = Path(path) if path else CODEBOOK_DIR / "frames.yaml"
    return _load_frames(str(path))


@lru_cache(maxsize=8)
def _load_frames(path_str: str) -> FrameCodebook:
    path = Path(path_str)
    data = read_yaml(path)
    _expect(isinstance(data, dict) and isinstance(data.get("frames"), dict), path, "frames",
            "the file must hold a 'frames:' mapping of frame ids")
    threshold = data.get("threshold", 1.0)
    _expect(isinstance(threshold, (int, float)) and threshold > 0, path, "threshold", "must be a positive number")
    dims = set(_str_list(data.get("pfc_dimensions"), path, "pfc_dimensions", required=True))
    frames = []
    for fid, entry in data["frames"].items():
        where = f"frames.{fid}"
        _expect(isinstance(fid, str) and fid.replace("_", "").isalnum() and fid == fid.lower(), path, where,
                "frame ids are snake_case")
        _expect(isinstance(entry, dict), path, where, "must be a mapping")
        _known_fields(path, where, entry, ("label", "definition", "include", "exclude", "pfc", "indicators"))
        for key in ("label", "definition"):
            _expect(isinstance(entry.get(key), str) and entry[key].strip(), path, f"{where}.{key}", "is required")
        pfc = _str_list(entry.get("pfc"), path, f"{where}.pfc", required=True)
        for i, d in enumerate(pfc):
            _expect(d in dims, path, f"{where}.pfc[{i}]", f"{d!r} is not one of the pfc_dimensions")
        inds = entry.get("indicators")
        _expect(isinstance(inds, list) and inds, path, f"{where}.indicators", "must be a non-empty list")
        parsed = []
        for i, ind in enumerate(inds):
            w = f"{where}.indicators[{i}]"
            _expect(isinstance(ind, dict) and isinstance(ind.get("pattern"), str) and ind["pattern"].strip(),
                    path, w, "must be {pattern: ..., weight: ...}")
            weight = ind.get("weight", 1.0)
            _expect(isinstance(weight, (int, float)) and 0 < weight <= 10, path, w, "weight must be in (0, 10]")
            parsed.append((ind["pattern"], float(weight)))
        frames.append(Frame(fid, entry["label"], " ".join(entry["definition"].split()),
                            " ".join(str(entry.get("include", "")).split()),
                            " ".join(str(entry.get("exclude", "")).split()), tuple(pfc), tuple(parsed)))
    if not frames:
        raise CodebookError(f"{path}: entry 'frames': no frames defined")
    return FrameCodebook(tuple(frames), float(threshold), str(path))


@lru_cache(maxsize=8)
def _matchers(path: str) -> tuple[PhraseMatcher, PhraseMatcher]:
    book = _load_frames(path)
    indicators = PhraseMatcher([(p, (f.id, p, w)) for f in book.frames for p, w in f.indicators],
                               case="acronyms")
    negators = PhraseMatcher([(n, n) for n in _NEGATORS], case="insensitive")
    return indicators, negators


def code_sentence(text: str, start: int, end: int, book: FrameCodebook,
                  names: list[tuple[int, int]] = ()) -> dict[str, dict]:
    """Frame scores of one sentence: {frame: {"score", "affirmed", "indicators", "negated"}}
    for every frame with at least one indicator. ``score`` counts every indicator;
    ``affirmed`` only those outside a negation. Words inside an actor's name (``names``:
    spans of actor mentions, e.g. "... International Cooperation" in a ministry's name) are
    not indicators."""
    import re

    indicators, negators = _matchers(book.path)
    negs = None  # looked for only in sentences with an indicator: most have none
    found: dict[str, dict] = {}
    for m in indicators.finditer(text, start, end):
        if any(a <= m.start and m.end <= b for a, b in names):
            continue
        if negs is None:
            negs = list(negators.finditer(text, start, end))
        fid, pattern, weight = m.payload
        entry = found.setdefault(fid, {"score": 0.0, "affirmed": 0.0, "indicators": [], "negated": [],
                                       "_seen": set()})
        if pattern in entry["_seen"]:
            continue  # each indicator counts once per sentence
        entry["_seen"].add(pattern)
        negated = any(n.end <= m.start and "," not in text[n.end:m.start]
                      and len(re.findall(r"[\w’'-]+", text[n.end:m.start])) <= NEGATION_SCOPE for n in negs)
        term = m.text.lower()
        entry["score"] += weight
        entry["indicators"].append(term)
        if negated:
            entry["negated"].append(term)
        else:
            entry["affirmed"] += weight
    for entry in found.values():
        entry.pop("_seen")
        entry["score"] = round(entry["score"], 3)
        entry["affirmed"] = round(entry["affirmed"], 3)
    return found


def frame_table(documents: pd.DataFrame, sentences: pd.DataFrame, *, attribution: pd.DataFrame | None = None,
                mentions: pd.DataFrame | None = None, codebook: str | Path | None = None) -> pd.DataFrame:
    """``frames.csv``: one row per (sentence, frame) whose indicators reach the threshold.

    ``negated`` lists indicators used under a negation ("not a military supporter");
    ``rejected`` is true when, without them, the frame would not reach the threshold: the
    sentence invokes the frame to reject it. Profiles count only frames not rejected."""
    book = load_frames(codebook)
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
        found = code_sentence(text, s, e, book, names.get((doc_id, sid), []))
        for fid, entry in sorted(found.items(), key=lambda kv: book.ids.index(kv[0])):
            if entry["score"] >= book.threshold:
                sp, st = speakers.get((doc_id, sid), ("", ""))
                rows.append((doc_id, sid, s, e, fid, entry["score"], ";".join(entry["indicators"]),
                             ";".join(entry["negated"]), entry["affirmed"] < book.threshold, sp, st, text[s:e]))
    return pd.DataFrame(rows, columns=FRAME_COLUMNS)


def coded(frames: pd.DataFrame, *, include_rejected: bool = False) -> pd.DataFrame:
    """The rows that code a frame; frames invoked only to be rejected are left out unless
    ``include_rejected`` (the hand coding codes them, so agreement is measured with them)."""
    return frames if include_rejected else frames[~frames["rejected"].astype(bool)]


def frame_profile(frames: pd.DataFrame, sentences: pd.DataFrame, *, frame_ids: list[str] | None = None) -> pd.DataFrame:
    """``frame_profile.csv``: per document and frame, the number and share of its sentences
    coded for the frame, and whether the frame is dominant (the largest share; ties all dominant)."""
    frame_ids = frame_ids or load_frames().ids
    totals = Counter(sentences["doc_id"].tolist())  # documents in corpus order
    c = coded(frames)
    counts = Counter(zip(c["doc_id"].tolist(), c["frame"].tolist()))
    rows = []
    for doc_id, n in totals.items():
        doc_counts = {f: counts[(doc_id, f)] for f in frame_ids}
        top = max(doc_counts.values()) if doc_counts else 0
        for f in frame_ids:
            c = doc_counts[f]
            rows.append((doc_id, f, c, round(c / n, 4) if n else 0.0, bool(top and c == top)))
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


def cooccurrence(frames: pd.DataFrame) -> pd.DataFrame:
    """Frame x frame counts of sentences coded for both (diagonal: sentences per frame)."""
    c = coded(frames)
    ids = load_frames().ids
    matrix = pd.DataFrame(0, index=ids, columns=ids)
    for _, g in c.groupby(["doc_id", "sentence_id"]):
        fs = sorted(set(g["frame"]))
        for a in fs:
            matrix.loc[a, a] += 1
        for a, b in itertools.combinations(fs, 2):
            matrix.loc[a, b] += 1
            matrix.loc[b, a] += 1
    return matrix


def strongest(frames: pd.DataFrame, frame: str, *, n: int = 5) -> pd.DataFrame:
    """The ``n`` highest-scoring sentences for a frame (KWIC-style evidence)."""
    c = coded(frames)
    c = c[c["frame"] == frame].sort_values(["score", "doc_id", "sentence_id"], ascending=[False, True, True],
                                           kind="mergesort")
    return c.head(n)[["doc_id", "sentence_id", "char_start", "char_end", "score", "indicators", "speaker",
                      "evidence"]].reset_index(drop=True)


def highlight(evidence: str, indicators: str) -> str:
    """The sentence as HTML with its indicators in <mark>; all text escaped first.

    >>> highlight("No <b>war</b> here", "war")
    'No &lt;b&gt;<mark>war</mark>&lt;/b&gt; here'
    """
    import html
    import re

    out = html.escape(evidence, quote=True)
    terms = sorted({t for t in indicators.split(";") if t}, key=len, reverse=True)
    if not terms:
        return out
    pattern = re.compile("|".join(re.escape(html.escape(t, quote=True)) for t in terms), re.IGNORECASE)
    return pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", out)


# --------------------------------------------------------------------------- comparison across groups

def group_shares(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, *,
                 group_by: str) -> pd.DataFrame:
    """Share of sentences coded for each frame, per group of documents, with the counts."""
    from .explore import group_labels

    labels = group_labels(documents, group_by)
    sent = sentences[sentences["doc_id"].isin(labels.index)].assign(group=lambda d: d["doc_id"].map(labels))
    totals = sent.groupby("group").size()
    ndocs = labels.value_counts()
    c = coded(frames)
    c = c[c["doc_id"].isin(labels.index)].assign(group=lambda d: d["doc_id"].map(labels))
    counts = c.groupby(["group", "frame"]).size()
    rows = []
    for g in sorted(totals.index):
        for f in load_frames().ids:
            k = int(counts.get((g, f), 0))
            rows.append((g, int(ndocs.get(g, 0)), int(totals[g]), f, k, round(k / totals[g], 4)))
    return pd.DataFrame(rows, columns=["group", "documents", "sentences", "frame", "coded", "share"])


def shares_by_period(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, *,
                     period: str = "year") -> pd.DataFrame:
    """:func:`group_shares` by publication period (see :func:`analysis.timeline.period_of`)."""
    from .timeline import period_of

    periods = period_of(documents, granularity=period)
    return group_shares(frames, sentences, documents.assign(period=documents["doc_id"].map(periods)),
                        group_by="period")


#: Below this many documents per group a difference in frame share is not tested.
MIN_DOCUMENTS_PER_GROUP = 3
#: Exact enumeration of document relabellings up to this many; random draws beyond.
MAX_EXACT_PERMUTATIONS = 20_000
PERMUTATION_DRAWS = 5_000


def compare_groups(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, *, group_by: str,
                   seed: int = 0) -> tuple[pd.DataFrame, str]:
    """Per frame: the difference in sentence share between two groups and a permutation
    p-value with documents as the unit (document labels are shuffled, sentences stay with
    their document). Returns (table, note); the note says when n is too small to test.
    """
    import random

    from .explore import group_labels

    labels = group_labels(documents, group_by)
    groups = sorted(labels.unique())
    sizes = labels.value_counts()
    if len(groups) != 2:
        return pd.DataFrame(), (f"Permutation test needs exactly two groups of {group_by!r}; found "
                                f"{len(groups)} ({', '.join(groups) or 'none'}). Shares are shown without a test.")
    if sizes.min() < MIN_DOCUMENTS_PER_GROUP:
        return pd.DataFrame(), (f"Groups of {group_by!r}: " + ", ".join(f"{g} = {sizes[g]} document(s)" for g in groups)
                                + f". With fewer than {MIN_DOCUMENTS_PER_GROUP} documents in a group no difference "
                                  "can be told apart from chance; no test is reported.")
    docs = list(labels.index)
    per_doc_total = sentences.groupby("doc_id").size().reindex(docs).fillna(0)
    c = coded(frames)
    per_doc = c[c["doc_id"].isin(docs)].groupby(["frame", "doc_id"]).size()
    n_a = int(sizes[groups[0]])
    combos = math.comb(len(docs), n_a)
    rng = random.Random(seed)
    if combos <= MAX_EXACT_PERMUTATIONS:
        splits = [set(x) for x in itertools.combinations(docs, n_a)]
        method = f"exact permutation test over all {combos} relabellings of the {len(docs)} documents"
    else:
        splits = [set(rng.sample(docs, n_a)) for _ in range(PERMUTATION_DRAWS)]
        method = f"permutation test, {PERMUTATION_DRAWS} random relabellings of the {len(docs)} documents"
    observed_a = set(labels[labels == groups[0]].index)
    rows = []
    for f in load_frames().ids:
        k = per_doc.get(f, pd.Series(dtype=float)).reindex(docs).fillna(0)

        def diff(a: set) -> float:
            ta, tb = per_doc_total[list(a)].sum(), per_doc_total[[d for d in docs if d not in a]].sum()
            ka, kb = k[list(a)].sum(), k[[d for d in docs if d not in a]].sum()
            return (ka / ta if ta else 0.0) - (kb / tb if tb else 0.0)

        obs = diff(observed_a)
        extreme = sum(1 for a in splits if abs(diff(a)) >= abs(obs) - 1e-12)
        rows.append((f, round(obs, 4), round(extreme / len(splits), 4)))
    table = pd.DataFrame(rows, columns=["frame", f"share_difference ({groups[0]} - {groups[1]})", "p_value"])
    note = (f"{method}; groups {groups[0]} (n = {sizes[groups[0]]}) and {groups[1]} (n = {sizes[groups[1]]}); "
            "p values are two-sided and not corrected for the number of frames tested.")
    return table, note


# --------------------------------------------------------------------------- agreement with hand coding

def krippendorff_alpha_nominal(units: list[tuple]) -> float:
    """Krippendorff's alpha for nominal data, from its definition (coincidence matrix).

    ``units`` is a list of value tuples, one per unit, one value per coder (None = missing).

    >>> round(krippendorff_alpha_nominal([(1, 1), (0, 0), (1, 0), (0, 0)]), 3)
    0.533
    """
    from collections import Counter

    coincidence: Counter = Counter()
    for values in units:
        vals = [v for v in values if v is not None]
        m = len(vals)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            coincidence[(vals[i], vals[j])] += 1 / (m - 1)
    n_c: Counter = Counter()
    for (c, _k), v in coincidence.items():
        n_c[c] += v
    n = sum(n_c.values())
    if n <= 1:
        return float("nan")
    observed = sum(v for (c, k), v in coincidence.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n - 1)
    return 1.0 - observed / expected if expected else 1.0


def gold_frames(path: str | Path | None = None) -> pd.DataFrame:
    """The hand coding: one row per (doc_id, sentence_id, frame) coded."""
    from .validation import GOLD_DIR

    g = pd.read_csv(path or GOLD_DIR / "frames_seeds.csv", dtype={"frames": str}, keep_default_na=False)
    rows = [(d, int(s), f) for d, s, fs in g[["doc_id", "sentence_id", "frames"]].itertuples(index=False)
            for f in fs.split(";") if f]
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame"]), g[["doc_id", "sentence_id"]]


def frame_agreement(frames: pd.DataFrame, gold_path: str | Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Per-frame precision/recall/F1 and Krippendorff's alpha (automatic vs hand coding),
    and the macro-F1 and pooled alpha over all frames."""
    from .validation import prf

    gold, units = gold_frames(gold_path)
    auto = coded(frames, include_rejected=True)
    auto_set = set(map(tuple, auto[["doc_id", "sentence_id", "frame"]].to_numpy()))
    auto_set = {(d, int(s), f) for d, s, f in auto_set}
    gold_set = set(map(tuple, gold.to_numpy()))
    gold_set = {(d, int(s), f) for d, s, f in gold_set}
    unit_keys = [(d, int(s)) for d, s in units.itertuples(index=False)]
    rows, pooled = [], []
    for f in load_frames().ids:
        a = {(d, s) for d, s, ff in auto_set if ff == f}
        g = {(d, s) for d, s, ff in gold_set if ff == f}
        tp, fp, fn = len(a & g), len(a - g), len(g - a)
        pairs = [(int(u in a), int(u in g)) for u in unit_keys]
        pooled += [(f"{f}:{x}", f"{f}:{y}") for x, y in pairs]
        rows.append((f, len(g), len(a), tp, fp, fn, *prf(tp, fp, fn), round(krippendorff_alpha_nominal(pairs), 4)))
    table = pd.DataFrame(rows, columns=["frame", "gold", "auto", "tp", "fp", "fn", "precision", "recall", "f1",
                                        "alpha"])
    summary = {"macro_f1": round(float(table["f1"].mean()), 4),
               "mean_alpha": round(float(table["alpha"].mean()), 4),
               "sentences": len(unit_keys)}
    return table, summary


def evidence_html(table: pd.DataFrame, *, columns: tuple[str, ...] = ("doc_id", "sentence_id", "score", "speaker")) -> str:
    """An HTML table of evidence rows with the indicators highlighted. Every value is escaped;
    the only markup added is the table itself and <mark> around indicators."""
    import html

    head = "".join(f"<th>{html.escape(c)}</th>" for c in (*columns, "sentence"))
    body = []
    for r in table.itertuples(index=False):
        cells = "".join(f"<td>{html.escape(str(getattr(r, c)))}</td>" for c in columns)
        body.append(f"<tr>{cells}<td>{highlight(r.evidence, r.indicators)}</td></tr>")
    return f"<table class=\"evidence\"><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def codebook_table(codebook: str | Path | None = None) -> pd.DataFrame:
    """The codebook as a table for the report appendix: definition, rules, indicators, crosswalk."""
    book = load_frames(codebook)
    rows = []
    for f in book.frames:
        inds = ", ".join(f"{p} ({w:g})" for p, w in f.indicators)
        rows.append((f.id, f.label, f.definition, f.include, f.exclude, "; ".join(f.pfc), inds))
    return pd.DataFrame(rows, columns=["frame", "label", "definition", "include", "exclude",
                                       "Policy Frames Codebook", "indicators (weight)"])


def frames_by(frames: pd.DataFrame, column: str) -> pd.DataFrame:
    """Counts of coded sentences per frame and value of ``column`` (e.g. speaker, speaker_type);
    an empty value is shown as "(author)"."""
    c = coded(frames).assign(**{column: lambda d: d[column].replace("", "(author)")})
    table = c.pivot_table(index=column, columns="frame", values="sentence_id", aggfunc="count", fill_value=0)
    table.columns.name = None
    return table
