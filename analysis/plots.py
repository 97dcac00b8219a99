"""Figures for the notebooks: small functions from tables to a matplotlib Figure.

Kept here, not in the notebooks, so they are tested without a kernel. Figures carry
no creation date or software metadata so rendered reports are byte-reproducible.
"""

from __future__ import annotations

import matplotlib
import matplotlib.pyplot as plt
import pandas as pd

# Reproducible output: no timestamps or version strings in saved images, fixed SVG ids.
matplotlib.rcParams["svg.hashsalt"] = "diplomatic-news"
matplotlib.rcParams["figure.dpi"] = 96
matplotlib.rcParams["savefig.dpi"] = 96
matplotlib.rcParams["figure.max_open_warning"] = 0


def short_label(doc_id: str, title: str, width: int = 38) -> str:
    """A readable axis label: the title cut to ``width`` characters, else the doc id."""
    label = title or doc_id
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


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
