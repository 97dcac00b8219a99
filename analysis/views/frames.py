"""Framing summaries for the notebooks: co-occurrence, strongest sentences, shares by group
and period with a permutation test, frames by speaker, the codebook as a table.

Every function that lists frames takes the frames codebook the tables were coded with, and
lists its frames in codebook order.
"""

from __future__ import annotations

import itertools
import math
import random

import pandas as pd

from ..config.codebooks import FrameCodebook
from ..stages.frames import coded
from .groups import group_labels, period_of


def cooccurrence(frames: pd.DataFrame, book: FrameCodebook) -> pd.DataFrame:
    """Frame x frame counts of sentences coded for both (diagonal: sentences per frame)."""
    c = coded(frames)
    ids = book.ids
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


# --------------------------------------------------------------------------- comparison across groups

def group_shares(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, book: FrameCodebook, *,
                 group_by: str) -> pd.DataFrame:
    """Share of sentences coded for each frame, per group of documents, with the counts."""
    labels = group_labels(documents, group_by)
    sent = sentences[sentences["doc_id"].isin(labels.index)].assign(group=lambda d: d["doc_id"].map(labels))
    totals = sent.groupby("group").size()
    ndocs = labels.value_counts()
    c = coded(frames)
    c = c[c["doc_id"].isin(labels.index)].assign(group=lambda d: d["doc_id"].map(labels))
    counts = c.groupby(["group", "frame"]).size()
    rows = []
    for g in sorted(totals.index):
        for f in book.ids:
            k = int(counts.get((g, f), 0))
            rows.append((g, int(ndocs.get(g, 0)), int(totals[g]), f, k, round(k / totals[g], 4)))
    return pd.DataFrame(rows, columns=["group", "documents", "sentences", "frame", "coded", "share"])


def shares_by_period(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, book: FrameCodebook,
                     *, period: str = "year") -> pd.DataFrame:
    """:func:`group_shares` by publication period (see :func:`analysis.views.groups.period_of`)."""
    periods = period_of(documents, granularity=period)
    return group_shares(frames, sentences, documents.assign(period=documents["doc_id"].map(periods)), book,
                        group_by="period")


#: Below this many documents per group a difference in frame share is not tested.
MIN_DOCUMENTS_PER_GROUP = 3
#: Exact enumeration of document relabellings up to this many; random draws beyond.
MAX_EXACT_PERMUTATIONS = 20_000
PERMUTATION_DRAWS = 5_000


def compare_groups(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame, book: FrameCodebook, *,
                   group_by: str, seed: int = 0) -> tuple[pd.DataFrame, str]:
    """Per frame: the difference in sentence share between two groups and a permutation
    p-value with documents as the unit (document labels are shuffled, sentences stay with
    their document). Returns (table, note); the note says when n is too small to test.
    """
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
    for f in book.ids:
        k = per_doc.get(f, pd.Series(dtype=float)).reindex(docs).fillna(0)
        obs = _share_difference(observed_a, docs, k, per_doc_total)
        extreme = sum(1 for a in splits if abs(_share_difference(a, docs, k, per_doc_total)) >= abs(obs) - 1e-12)
        rows.append((f, round(obs, 4), round(extreme / len(splits), 4)))
    table = pd.DataFrame(rows, columns=["frame", f"share_difference ({groups[0]} - {groups[1]})", "p_value"])
    note = (f"{method}; groups {groups[0]} (n = {sizes[groups[0]]}) and {groups[1]} (n = {sizes[groups[1]]}); "
            "p values are two-sided and not corrected for the number of frames tested.")
    return table, note


def _share_difference(a: set, docs: list, coded_per_doc: pd.Series, sentences_per_doc: pd.Series) -> float:
    """Share of sentences coded in the documents ``a`` minus the share in the other documents."""
    rest = [d for d in docs if d not in a]
    ta, tb = sentences_per_doc[list(a)].sum(), sentences_per_doc[rest].sum()
    ka, kb = coded_per_doc[list(a)].sum(), coded_per_doc[rest].sum()
    return (ka / ta if ta else 0.0) - (kb / tb if tb else 0.0)


def codebook_table(book: FrameCodebook) -> pd.DataFrame:
    """The codebook as a table for the report appendix: definition, rules, indicators, crosswalk."""
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
