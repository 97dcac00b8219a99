"""Figures for the notebooks: small functions from tables to a matplotlib Figure.

Kept here, not in the notebooks, so they are tested without a kernel. Every figure
function first applies :data:`STYLE` to matplotlib's settings (importing this module
changes nothing): fixed resolution and SVG ids, so rendered reports are byte-reproducible,
and no mathtext, since labels come from untrusted titles. The settings stay in force
afterwards, because a notebook draws a figure only after the function has returned.
"""

from __future__ import annotations

import functools
from datetime import date

import matplotlib
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

STYLE = {
    # Reproducible output: a fixed resolution and fixed SVG ids.
    "svg.hashsalt": "diplomatic-news",
    "figure.dpi": 96,
    "savefig.dpi": 96,
    "figure.max_open_warning": 0,
    # Labels come from article titles and metadata: never read "$...$" in them as mathtext.
    "text.parse_math": False,
}


def _styled(figure_function):
    """Apply :data:`STYLE` before the figure is made (see the module docstring)."""
    @functools.wraps(figure_function)
    def wrapper(*args, **kwargs):
        matplotlib.rcParams.update(STYLE)
        return figure_function(*args, **kwargs)
    return wrapper


def short_label(doc_id: str, title: str, width: int = 38) -> str:
    """A readable axis label: the title cut to ``width`` characters, else the doc id."""
    label = title or doc_id
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


@_styled
def document_sizes(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame):
    """Horizontal bars: sentences and word tokens per document."""
    n_sent = sentences.groupby("doc_id").size()
    n_tok = tokens[tokens["is_alpha"]].groupby("doc_id").size()
    labels = [short_label(d, t) for d, t in zip(documents["doc_id"], documents["title"])]
    fig, axes = plt.subplots(1, 2, figsize=(10, 0.45 * len(documents) + 1.2), sharey=True)
    axes[0].barh(labels, [n_sent.get(d, 0) for d in documents["doc_id"]], color="#4c72b0")
    axes[0].set_xlabel("sentences")
    axes[1].barh(labels, [n_tok.get(d, 0) for d in documents["doc_id"]], color="#55a868")
    axes[1].set_xlabel("word tokens")
    axes[0].invert_yaxis()
    fig.tight_layout()
    return fig


@_styled
def top_terms(freq: pd.DataFrame, *, column: str = "term", value: str = "count", title: str = ""):
    """Horizontal bars of the most frequent terms (table order kept, largest on top)."""
    fig, ax = plt.subplots(figsize=(6, 0.28 * len(freq) + 1))
    ax.barh(freq[column], freq[value], color="#4c72b0")
    ax.invert_yaxis()
    ax.set_xlabel(value)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


@_styled
def keyness_bars(table: pd.DataFrame):
    """Log ratio of each key term (positive: key for the target group)."""
    fig, ax = plt.subplots(figsize=(6, 0.28 * len(table) + 1))
    colors = ["#c44e52" if v > 0 else "#8172b2" for v in table["log_ratio"]]
    ax.barh(table["term"], table["log_ratio"], color=colors)
    ax.axvline(0, color="black", linewidth=0.8)
    ax.invert_yaxis()
    target = table.attrs.get("target", "target")
    ax.set_xlabel(f"log ratio (> 0: key for {target}; < 0: key for the rest)")
    fig.tight_layout()
    return fig


STANCE_COLOURS = {"support": "#4c9a5b", "oppose": "#c44e52", "neutral": "#8c8c8c"}


@_styled
def stance_heatmap(matrix: pd.DataFrame, *, max_rows: int = 25, max_cols: int = 15):
    """Holder x target heatmap of net stance (support minus oppose); each cell is annotated
    with its counts as "+support −oppose ○neutral"."""
    holders = list(dict.fromkeys(matrix.sort_values("sentences", ascending=False)["holder"]))[:max_rows]
    targets = list(dict.fromkeys(matrix.sort_values("sentences", ascending=False)["target"]))[:max_cols]
    grid = np.full((len(holders), len(targets)), np.nan)
    fig, ax = plt.subplots(figsize=(1.1 * len(targets) + 3, 0.5 * len(holders) + 2))
    for r in matrix.itertuples():
        if r.holder in holders and r.target in targets:
            i, j = holders.index(r.holder), targets.index(r.target)
            grid[i, j] = r.net
            label = " ".join(f"{sym}{n}" for sym, n in (("+", r.support), ("−", r.oppose), ("○", r.neutral)) if n)
            ax.text(j, i, label, ha="center", va="center", fontsize=8)
    limit = max(1, np.nanmax(np.abs(grid)) if np.isfinite(grid).any() else 1)
    im = ax.imshow(grid, cmap="RdYlGn", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(len(targets)), targets, rotation=40, ha="right")
    ax.set_yticks(range(len(holders)), holders)
    fig.colorbar(im, ax=ax, label="support − oppose (neutral shown as ○)")
    fig.tight_layout()
    return fig


@_styled
def stacked_bars(table: pd.DataFrame, *, title: str = "", colours: dict | None = None):
    """Stacked bars of a period x category count table."""
    fig, ax = plt.subplots(figsize=(max(4, 0.9 * len(table) + 2), 3.5))
    bottom = None
    for col in table.columns:
        ax.bar(table.index.astype(str), table[col], bottom=bottom, label=col,
               color=(colours or STANCE_COLOURS).get(col))
        bottom = table[col] if bottom is None else bottom + table[col]
    ax.legend(frameon=False)
    ax.set_ylabel("findings")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


@_styled
def stacked_shares(table: pd.DataFrame, *, title: str = "", ylabel: str = "share of sentences"):
    """Stacked horizontal bars: one bar per row of ``table`` (e.g. a document), one segment per column."""
    cmap = plt.get_cmap("tab10")
    fig, ax = plt.subplots(figsize=(9, 0.5 * len(table) + 1.8))
    left = None
    for i, col in enumerate(table.columns):
        ax.barh(table.index.astype(str), table[col], left=left, label=col, color=cmap(i % 10))
        left = table[col] if left is None else left + table[col]
    ax.invert_yaxis()
    ax.set_xlabel(ylabel)
    ax.legend(frameon=False, bbox_to_anchor=(1.01, 1), loc="upper left", fontsize=8)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


@_styled
def matrix_heatmap(matrix: pd.DataFrame, *, title: str = "", cmap: str = "Blues"):
    """A labelled heatmap of a square or rectangular count table, each cell annotated."""
    fig, ax = plt.subplots(figsize=(0.7 * len(matrix.columns) + 3, 0.5 * len(matrix) + 1.5))
    im = ax.imshow(matrix.to_numpy(dtype=float), cmap=cmap, aspect="auto")
    ax.set_xticks(range(len(matrix.columns)), matrix.columns, rotation=40, ha="right")
    ax.set_yticks(range(len(matrix.index)), matrix.index)
    for i in range(len(matrix.index)):
        for j in range(len(matrix.columns)):
            ax.text(j, i, int(matrix.iat[i, j]), ha="center", va="center", fontsize=8)
    fig.colorbar(im, ax=ax)
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


@_styled
def timeline_chart(rows: pd.DataFrame, documents: pd.DataFrame, *, title: str = ""):
    """Events on a date axis, one lane per actor: a dot for a day, a bar for a month or year
    (an uncertain date drawn as its range); publication dates as dashed lines, inferred
    publication intervals as shaded bands."""
    lanes = list(dict.fromkeys(rows["lane"]))
    fig, ax = plt.subplots(figsize=(11, 0.45 * len(lanes) + 2))
    for i, lane in enumerate(lanes):
        sub = rows[rows["lane"] == lane]
        for r in sub.itertuples():
            if r.start == r.end:
                ax.plot(r.start, i, "o", color="#4c72b0", ms=6)
            else:
                ax.plot([r.start, r.end], [i, i], "-", color="#dd8452", lw=5, alpha=0.6, solid_capstyle="butt")
    for r in documents.itertuples():
        a, b = getattr(r, "published_earliest", ""), getattr(r, "published_latest", "")
        if a and b:
            a, b = date.fromisoformat(a), date.fromisoformat(b)
            if a == b:
                ax.axvline(a, color="grey", ls="--", lw=0.8)
            else:
                ax.axvspan(a, b, color="grey", alpha=0.12)
    ax.set_yticks(range(len(lanes)), lanes)
    ax.invert_yaxis()
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    fig.autofmt_xdate()
    ax.set_title(title or "dated events by actor (dot: a day; bar: a month or year; dashed/grey: publication)")
    fig.tight_layout()
    return fig
