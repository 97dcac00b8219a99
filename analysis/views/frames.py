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
from ..errors import ParameterError
from ..stages.frames import coded
from .choices import pick
from .groups import group_labels, period_of


def pick_frames(frames_to_show: list[str] | str, book: FrameCodebook) -> list[str]:
    """The frames to show, in codebook order (all when none are named); an unknown id is an
    error that names the codebook's ids and the closest one."""
    chosen = set(pick(frames_to_show, book.ids, what="frames_to_show", among="the frames codebook"))
    return [f for f in book.ids if not chosen or f in chosen]


def summary(frames: pd.DataFrame, sentences: pd.DataFrame, documents: pd.DataFrame) -> str:
    """One sentence on how much of the corpus carries a frame."""
    used = coded(frames)
    n_used = used[["doc_id", "sentence_id"]].drop_duplicates().shape[0]
    rejected = int(frames["rejected"].astype(bool).sum())
    return (f"{len(sentences):,} sentences in {len(documents):,} documents; {n_used:,} sentences carry at least one "
            f"frame ({len(used):,} sentence-frame codes); {rejected:,} codes are rejections and are not counted.")


def profile_shares(profile: pd.DataFrame, documents: pd.DataFrame, frame_ids: list[str]) -> pd.DataFrame:
    """Documents x frames: the share of each document's sentences coded for each frame,
    rows labelled by the document's title (its doc_id where it has none), frames in order."""
    if profile.empty:
        return pd.DataFrame(columns=frame_ids)
    table = profile.pivot(index="doc_id", columns="frame", values="share").reindex(columns=frame_ids).fillna(0.0)
    titles = documents.set_index("doc_id")["title"].reindex(table.index).fillna("")
    table.index = [f"{t} ({d})" if t else d for d, t in zip(table.index, titles)]
    table.index.name = "document"
    table.columns.name = None
    return table


def most_framed(shares: pd.DataFrame, n: int) -> tuple[pd.DataFrame, str]:
    """The ``n`` rows of :func:`profile_shares` with the largest summed share (ties in table
    order), for a chart that stays readable on a large corpus, and a note saying what was
    left out ("" when nothing was). ``n`` of 0 or less keeps every row.

    >>> shares = pd.DataFrame({"a": [0.1, 0.5, 0.0], "b": [0.0, 0.2, 0.3]}, index=["x", "y", "z"])
    >>> top, note = most_framed(shares, 2)
    >>> list(top.index), note
    (['y', 'z'], 'The 2 most framed of 3 articles (largest summed share); every article is in frame_profile.csv.')
    """
    if n <= 0 or len(shares) <= n:
        return shares, ""
    order = shares.sum(axis=1).sort_values(ascending=False, kind="mergesort").index[:n]
    note = (f"The {n} most framed of {len(shares):,} articles (largest summed share); "
            "every article is in frame_profile.csv.")
    return shares.loc[order], note


def dominant(profile: pd.DataFrame, frame_ids: list[str]) -> pd.DataFrame:
    """Each document's dominant frame(s) among ``frame_ids``, with its sentences and share."""
    rows = profile[profile["dominant"] & profile["frame"].isin(frame_ids) & (profile["sentences"] > 0)]
    return rows[["doc_id", "frame", "sentences", "share"]].reset_index(drop=True)


def share_table(shares: pd.DataFrame, frame_ids: list[str]) -> pd.DataFrame:
    """:func:`group_shares` as frames x groups of shares (frames in codebook order); empty
    when no document has a group."""
    if shares.empty:
        return pd.DataFrame()
    table = shares.pivot(index="frame", columns="group", values="share").reindex(frame_ids)
    table.columns.name = None
    return table


def group_sizes(shares: pd.DataFrame) -> str:
    """One line: the documents and sentences behind each group of :func:`group_shares`."""
    sizes = shares.drop_duplicates("group")
    return "; ".join(f"{g}: {d:,} documents, {s:,} sentences" for g, d, s in
                     sizes[["group", "documents", "sentences"]].itertuples(index=False))


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
    if labels.empty:
        return pd.DataFrame(columns=["group", "documents", "sentences", "frame", "coded", "share"])
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
    if not groups:
        return pd.DataFrame(), f"No document has a value for {group_by}, so there are no groups to compare."
    if len(groups) == 1:
        return pd.DataFrame(), (f"Every document with a value for {group_by} is in one group ({groups[0]}), so "
                                "there is nothing to compare it with.")
    if len(groups) != 2:
        return pd.DataFrame(), (f"The permutation test compares two groups; {group_by} has {len(groups)} "
                                f"({', '.join(groups[:10])}{', ...' if len(groups) > 10 else ''}). "
                                "Shares are shown without a test.")
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


def frames_by(frames: pd.DataFrame, column: str, frame_ids: list[str]) -> pd.DataFrame:
    """Counts of coded sentences per value of ``column`` (e.g. speaker, speaker_type) and frame,
    frames in codebook order; an empty value is the author's own voice, "(author)"."""
    if column not in frames.columns:
        raise ParameterError(f"frames_by: no column {column!r} in the frames table")
    c = coded(frames).assign(**{column: lambda d: d[column].replace("", "(author)")})
    if c.empty:
        return pd.DataFrame(columns=frame_ids)
    table = c.pivot_table(index=column, columns="frame", values="sentence_id", aggfunc="count", fill_value=0)
    table = table.reindex(columns=frame_ids, fill_value=0)
    table.columns.name = None
    return table
