"""Stance summaries for the notebooks: selections, the holder x target matrix, stance over
time, evidence tables."""

from __future__ import annotations

import pandas as pd

from ..errors import ParameterError
from .choices import one_spelling, pick
from .groups import period_of

STANCES = ("support", "oppose", "neutral")
MATRIX_COLUMNS = ["holder", "target", *STANCES, "sentences", "net"]
ACT_COLUMNS = ["plover", "quad", *STANCES, "none", "findings", "sentences", "documents", "example"]


def positions(stance: pd.DataFrame) -> pd.DataFrame:
    """The findings that state a position (support, oppose, neutral): acts without one (a
    meeting, an attack between states; stance ``none``) are counted by category only."""
    return stance[stance["stance"].isin(STANCES)]


def acts_by_category(stance: pd.DataFrame, quads: dict[str, str]) -> pd.DataFrame:
    """Findings per PLOVER category (in the codebook's order), with their quad class, the
    stances they carry, how many sentences and documents they rest on, and one example
    ("holder → target: cue"). Findings whose cue has no category are ``(none)``."""
    if stance.empty:
        return pd.DataFrame(columns=ACT_COLUMNS)
    df = stance.assign(plover=stance["plover"].replace("", "(none)"))
    counts = df.pivot_table(index="plover", columns="stance", values="sentence_id", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=[*STANCES, "none"], fill_value=0)
    counts.columns.name = None
    grouped = df.groupby("plover")
    counts["findings"] = grouped.size()
    counts["sentences"] = grouped.apply(lambda g: g[["doc_id", "sentence_id"]].drop_duplicates().shape[0],
                                        include_groups=False)
    counts["documents"] = grouped["doc_id"].nunique()
    first = grouped.head(1).set_index("plover")
    counts["example"] = first["holder"] + " → " + first["target"] + ": " + first["cue"]
    order = [c for c in [*quads, "(none)"] if c in counts.index]
    counts = counts.loc[order]
    counts.insert(0, "quad", [quads.get(c, "") for c in counts.index])
    return counts.reset_index()


def select(stance: pd.DataFrame, *, holders: list[str] | str | None = None, targets: list[str] | str | None = None,
           min_evidence: int = 1) -> pd.DataFrame:
    """Findings for the chosen holders and targets (all when empty), keeping only
    (holder, target) pairs resting on at least ``min_evidence`` sentences. Names are
    checked against the tables (case, spaces and hyphens aside; a typo gets suggestions)."""
    if not isinstance(min_evidence, int) or isinstance(min_evidence, bool) or min_evidence < 1:
        raise ParameterError(f"min_evidence: {min_evidence!r} is not a whole number of at least 1")
    # One holder, one target, however the articles space or hyphenate the name.
    out = stance.assign(holder=stance["holder"].map(one_spelling(stance["holder"])),
                        target=stance["target"].map(one_spelling(stance["target"])))
    stance = out
    holders = pick(holders, stance["holder"], what="holders")
    targets = pick(targets, stance["target"], what="targets")
    if holders:
        out = out[out["holder"].isin(holders)]
    if targets:
        out = out[out["target"].isin(targets)]
    if out.empty:
        return out
    support = out.groupby(["holder", "target"])["sentence_id"].transform("size")
    return out[support >= min_evidence]


def stance_matrix(stance: pd.DataFrame) -> pd.DataFrame:
    """Holder x target counts by stance: columns support, oppose, neutral, sentences, net
    (support minus oppose). One row per (holder, target) pair."""
    stance = positions(stance)
    if stance.empty:
        return pd.DataFrame(columns=MATRIX_COLUMNS)
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
    stance = positions(stance)
    if stance.empty:
        return pd.DataFrame(columns=list(STANCES))
    periods = period_of(documents, granularity=period)
    df = stance.assign(period=stance["doc_id"].map(periods).fillna("undated"))
    table = df.pivot_table(index="period", columns="stance", values="sentence_id", aggfunc="count", fill_value=0)
    table.columns.name = None
    return table.reindex(columns=[c for c in ("support", "oppose", "neutral") if c in table.columns])


def statements(stance: pd.DataFrame, documents: pd.DataFrame, *, kind: str) -> pd.DataFrame:
    """Evidence tables: ``strongest`` (boosted or direct quotes), ``hedged``, ``denied`` (act deny,
    dismiss or reject), or ``all``; the sentence with where it is (document, sentence,
    characters), the voice it is in, and the article's title and URL to go back to the source."""
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
    out = out.sort_values(["holder", "target", "doc_id", "sentence_id"], kind="mergesort")
    voice = out["attribution"].str.replace("_", " ") + out["hedged"].map({True: ", hedged", False: ""}) \
        + out["boosted"].map({True: ", boosted", False: ""})
    where = out["doc_id"].astype(str) + ", sentence " + out["sentence_id"].astype(str) + ", characters " \
        + out["char_start"].astype(str) + "-" + out["char_end"].astype(str)
    return pd.DataFrame({"holder": out["holder"], "target": out["target"], "stance": out["stance"],
                         "act": out["act"], "cue": out["cue"], "voice": voice, "evidence": out["evidence"],
                         "where": where, "title": out["title"], "url": out["url"]}).reset_index(drop=True)


#: The heatmap draws at most this many holders and targets: beyond, labels stop being readable.
MAX_HOLDERS = 30
MAX_TARGETS = 18


def heatmap_cells(matrix: pd.DataFrame, *, max_holders: int = MAX_HOLDERS,
                  max_targets: int = MAX_TARGETS) -> tuple[pd.DataFrame, str]:
    """The (holder, target) pairs a heatmap draws, and a sentence naming what it leaves out:
    the targets with the most sentences, then the holders with a finding on one of them."""
    if matrix.empty:
        return matrix, ""
    by_target = matrix.groupby("target")["sentences"].sum().sort_values(ascending=False, kind="mergesort")
    targets = list(by_target.index[:max_targets])
    on_targets = matrix[matrix["target"].isin(targets)]
    by_holder = on_targets.groupby("holder")["sentences"].sum().sort_values(ascending=False, kind="mergesort")
    holders = list(by_holder.index[:max_holders])
    cells = on_targets[on_targets["holder"].isin(holders)]
    cells = cells.assign(_h=cells["holder"].map({h: i for i, h in enumerate(holders)}),
                         _t=cells["target"].map({t: i for i, t in enumerate(targets)}))
    cells = cells.sort_values(["_h", "_t"]).drop(columns=["_h", "_t"]).reset_index(drop=True)
    dropped_t = [t for t in by_target.index if t not in targets]
    dropped_h = sorted(set(matrix["holder"]) - set(holders))
    parts = []
    if dropped_t:
        parts.append(f"{len(dropped_t)} target(s) with fewer sentences ({_some(dropped_t)})")
    if dropped_h:
        parts.append(f"{len(dropped_h)} holder(s) ({_some(dropped_h)})")
    note = ("The chart shows the " + f"{len(targets)} targets with the most sentences and the {len(holders)} holders "
            "with findings on them; not drawn: " + " and ".join(parts) + ". The table lists every pair.") \
        if parts else ""
    return cells, note


def _some(names: list[str], n: int = 8) -> str:
    return ", ".join(names[:n]) + (", ..." if len(names) > n else "")


def summary(shown: pd.DataFrame, documents: pd.DataFrame) -> str:
    """One sentence: how many findings, sentences and documents the selection rests on."""
    sentences = shown[["doc_id", "sentence_id"]].drop_duplicates().shape[0]
    return (f"{len(shown):,} findings in {sentences:,} sentences of {shown['doc_id'].nunique():,} of "
            f"{len(documents):,} documents.")


def tone_by_holder(shown: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """The VADER tone of the sentences behind each holder's findings: count, mean, min, max."""
    if shown.empty:
        return pd.DataFrame(columns=["holder", "sentences", "mean", "min", "max"])
    tone = shown.merge(sentences[["doc_id", "sentence_id", "tone"]], on=["doc_id", "sentence_id"])
    tone = tone.drop_duplicates(["holder", "doc_id", "sentence_id"])
    out = tone.groupby("holder")["tone"].agg(sentences="count", mean="mean", min="min", max="max")
    return out.round(2).reset_index().sort_values(["sentences", "holder"], ascending=[False, True],
                                                  kind="mergesort").reset_index(drop=True)
