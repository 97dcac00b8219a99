"""Stance summaries for the notebooks: selections, the holder x target matrix, stance over
time, evidence tables."""

from __future__ import annotations

import pandas as pd

from .groups import period_of


def select(stance: pd.DataFrame, *, holders: list[str] | None = None, targets: list[str] | None = None,
           min_evidence: int = 1) -> pd.DataFrame:
    """Findings for the chosen holders and targets (all when empty), keeping only
    (holder, target) pairs resting on at least ``min_evidence`` sentences."""
    out = stance
    if holders:
        out = out[out["holder"].isin(holders)]
    if targets:
        out = out[out["target"].isin(targets)]
    support = out.groupby(["holder", "target"])["sentence_id"].transform("size")
    return out[support >= min_evidence]


def stance_matrix(stance: pd.DataFrame) -> pd.DataFrame:
    """Holder x target counts by stance: columns support, oppose, neutral, sentences, net
    (support minus oppose). One row per (holder, target) pair."""
    counts = stance.pivot_table(index=["holder", "target"], columns="stance", values="sentence_id",
                                aggfunc="count", fill_value=0)
    for col in ("support", "oppose", "neutral"):
        if col not in counts:
            counts[col] = 0
    counts = counts[["support", "oppose", "neutral"]]
    counts["sentences"] = stance.groupby(["holder", "target"]).apply(
        lambda g: g[["doc_id", "sentence_id"]].drop_duplicates().shape[0], include_groups=False)
    counts["net"] = counts["support"] - counts["oppose"]
    counts.columns.name = None
    return counts.reset_index().sort_values(["sentences", "holder", "target"], ascending=[False, True, True],
                                            kind="mergesort").reset_index(drop=True)


def stance_by_period(stance: pd.DataFrame, documents: pd.DataFrame, *, period: str = "year") -> pd.DataFrame:
    """Findings per publication period (``year`` or ``month``) and stance. The period comes from the
    date or the inferred interval (:func:`analysis.views.groups.period_of`); otherwise ``undated``."""
    periods = period_of(documents, granularity=period)
    df = stance.assign(period=stance["doc_id"].map(periods).fillna("undated"))
    table = df.pivot_table(index="period", columns="stance", values="sentence_id", aggfunc="count", fill_value=0)
    table.columns.name = None
    return table.reindex(columns=[c for c in ("support", "oppose", "neutral") if c in table.columns])


def statements(stance: pd.DataFrame, documents: pd.DataFrame, *, kind: str) -> pd.DataFrame:
    """Evidence tables: ``strongest`` (boosted or direct quotes), ``hedged``, ``denied`` (act deny,
    dismiss or reject), or ``all``; with the article title and URL to go back to the source."""
    masks = {
        "strongest": stance["boosted"] | (stance["attribution"] == "direct_quote"),
        "hedged": stance["hedged"],
        "denied": stance["act"].isin(["deny", "dismiss", "reject"]),
        "all": pd.Series(True, index=stance.index),
    }
    if kind not in masks:
        raise ValueError(f"kind must be one of {', '.join(masks)}")
    meta = documents.set_index("doc_id")[["title", "url"]]
    out = stance[masks[kind]].join(meta, on="doc_id")
    cols = ["holder", "target", "stance", "act", "cue", "attribution", "hedged", "boosted", "doc_id", "sentence_id",
            "char_start", "char_end", "evidence", "title", "url"]
    return out[cols].sort_values(["holder", "target", "doc_id", "sentence_id"], kind="mergesort") \
        .reset_index(drop=True)
