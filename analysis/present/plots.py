"""Figures for the notebooks: small functions from tables to a matplotlib Figure.

Kept here, not in the notebooks, so they are tested without a kernel. Every figure
function first applies :data:`STYLE` to matplotlib's settings (importing this module
changes nothing): fixed resolution and SVG ids, so rendered reports are byte-reproducible,
and no mathtext, since labels come from untrusted titles. The settings stay in force
afterwards, because a notebook draws a figure only after the function has returned.
"""

from __future__ import annotations

import functools

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


#: Figures are made at most this wide (inches): a report's column is about 10 inches at 96 dpi,
#: and a wider figure would be shrunk, its labels with it.
MAX_WIDTH = 10.0
#: A bar chart with one bar per document draws at most this many; more get a histogram.
MAX_BARS = 40


@_styled
def document_sizes(documents: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame):
    """Sentences and word tokens per document: a bar each, or histograms for a large corpus."""
    n_sent = sentences.groupby("doc_id").size()
    n_tok = tokens[tokens["is_alpha"]].groupby("doc_id").size()
    if len(documents) > MAX_BARS:
        fig, axes = plt.subplots(1, 2, figsize=(MAX_WIDTH, 3.2))
        for ax, counts, label, colour in ((axes[0], n_sent, "sentences", "#4c72b0"),
                                          (axes[1], n_tok, "word tokens", "#55a868")):
            ax.hist([counts.get(d, 0) for d in documents["doc_id"]], bins=30, color=colour)
            ax.set_xlabel(f"{label} per document")
            ax.set_ylabel("documents")
        fig.suptitle(f"{len(documents)} documents")
        fig.tight_layout()
        return fig
    labels = [short_label(d, t) for d, t in zip(documents["doc_id"], documents["title"])]
    fig, axes = plt.subplots(1, 2, figsize=(MAX_WIDTH, 0.45 * len(documents) + 1.2), sharey=True)
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


STANCE_COLOURS = {"support": "#4c9a5b", "oppose": "#c44e52", "neutral": "#8c8c8c", "none": "#c7c7c7"}


@_styled
def stance_heatmap(matrix: pd.DataFrame):
    """Holder x target heatmap of net stance (support minus oppose), one row and column for
    every holder and target in ``matrix`` (:func:`analysis.views.stance.heatmap_cells` keeps it
    to a size whose labels stay readable); each cell is annotated with its counts as
    "+support −oppose ○neutral". None when there is nothing to draw."""
    if matrix.empty:
        return None
    holders = list(dict.fromkeys(matrix["holder"]))
    targets = list(dict.fromkeys(matrix["target"]))
    grid = np.full((len(holders), len(targets)), np.nan)
    width = min(MAX_WIDTH, 0.55 * len(targets) + 3.8)
    fig, ax = plt.subplots(figsize=(width, 0.42 * len(holders) + 2.4))
    for r in matrix.itertuples():
        i, j = holders.index(r.holder), targets.index(r.target)
        grid[i, j] = r.net
        label = " ".join(f"{sym}{n}" for sym, n in (("+", r.support), ("−", r.oppose), ("○", r.neutral)) if n)
        ax.text(j, i, label, ha="center", va="center", fontsize=8)
    limit = max(1, np.nanmax(np.abs(grid)) if np.isfinite(grid).any() else 1)
    im = ax.imshow(grid, cmap="RdYlGn", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(len(targets)), targets, rotation=90, fontsize=9)
    ax.set_yticks(range(len(holders)), holders, fontsize=9)
    ax.set_xlabel("target")
    ax.set_ylabel("holder")
    fig.colorbar(im, ax=ax, label="support − oppose (neutral: ○)", shrink=0.8)
    fig.tight_layout()
    return fig


@_styled
def stacked_bars(table: pd.DataFrame, *, title: str = "", colours: dict | None = None):
    """Stacked bars of a period x category count table; None when it is empty."""
    if table.empty:
        return None
    fig, ax = plt.subplots(figsize=(max(4, 0.9 * len(table) + 2), 3.5))
    bottom = None
    for col in table.columns:
        ax.bar(table.index.astype(str), table[col], bottom=bottom, label=col,
               color=(colours or STANCE_COLOURS).get(col))
        bottom = table[col] if bottom is None else bottom + table[col]
    if len(table) > 6:
        ax.tick_params(axis="x", labelrotation=45)
    ax.legend(frameon=False)
    ax.set_ylabel("findings")
    if title:
        ax.set_title(title)
    fig.tight_layout()
    return fig


@_styled
def share_heatmap(table: pd.DataFrame, *, title: str = ""):
    """Rows (documents, periods, groups) x columns (frames) of shares, each cell annotated as
    a percentage. A sentence may carry several frames, so a row need not add up to 100%.
    None when the table is empty."""
    if table.empty:
        return None
    labels = [short_label(str(i), "", width=48) for i in table.index]
    width = min(MAX_WIDTH, 0.8 * len(table.columns) + 4.2)
    fig, ax = plt.subplots(figsize=(width, 0.36 * len(table) + 2.0))
    values = table.to_numpy(dtype=float) * 100
    im = ax.imshow(values, cmap="Purples", vmin=0, vmax=max(1.0, float(np.nanmax(values))), aspect="auto")
    for i in range(values.shape[0]):
        for j in range(values.shape[1]):
            v = values[i, j]
            ax.text(j, i, "" if np.isnan(v) else f"{v:.0f}%", ha="center", va="center", fontsize=8,
                    color="white" if v > 0.6 * np.nanmax(values) else "black")
    ax.set_xticks(range(len(table.columns)), table.columns, rotation=40, ha="right", fontsize=9)
    ax.set_yticks(range(len(labels)), labels, fontsize=9)
    fig.colorbar(im, ax=ax, label="% of sentences", shrink=0.8)
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
def timeline_chart(layout, *, title: str = ""):
    """Events on a date axis, one lane per actor (``layout``: :func:`analysis.views.timeline.
    timeline_layout`): a dot for a day, a bar for a month or year (an uncertain date drawn as
    its range), an arrow at the edge for a range that reaches beyond the axis; publication
    dates as dashed lines, inferred publication intervals as shaded bands."""
    lanes = layout.lanes
    fig, ax = plt.subplots(figsize=(MAX_WIDTH, 0.42 * len(lanes) + 2.2))
    lo, hi = layout.start, layout.end
    for i, lane in enumerate(lanes):
        for r in layout.rows[layout.rows["lane"] == lane].itertuples():
            a, b = max(r.start, lo), min(r.end, hi)
            if r.end < lo or r.start > hi:  # wholly outside: an arrow on the side it lies
                ax.annotate("", xy=(lo if r.end < lo else hi, i), xytext=(10 if r.end < lo else -10, 0),
                            textcoords="offset points", arrowprops={"arrowstyle": "->", "color": "#dd8452"})
            elif r.start == r.end:
                ax.plot(r.start, i, "o", color="#4c72b0", ms=6)
            else:
                ax.plot([a, b], [i, i], "-", color="#dd8452", lw=5, alpha=0.6, solid_capstyle="butt")
                for edge, outward in ((r.start < lo, lo), (r.end > hi, hi)):
                    if edge:
                        ax.annotate("", xy=(outward, i), xytext=(12 if outward == lo else -12, 0),
                                    textcoords="offset points", arrowprops={"arrowstyle": "->", "color": "#dd8452"})
    for a, b in layout.publication:
        if b < lo or a > hi:
            continue
        if a == b:
            ax.axvline(a, color="grey", ls="--", lw=0.8)
        else:
            ax.axvspan(max(a, lo), min(b, hi), color="grey", alpha=0.12)
    ax.set_xlim(lo, hi)
    ax.set_ylim(len(lanes) - 0.5, -0.5)
    ax.set_yticks(range(len(lanes)), lanes, fontsize=9)
    locator = mdates.AutoDateLocator(maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_title(title or f"{layout.drawn} dated expressions by actor (dot: a day; bar: a month or year; "
                          "dashed line or grey band: publication)", fontsize=10)
    fig.tight_layout()
    return fig


def figure_image(fig) -> tuple[str, bytes | str]:
    """A figure as the smaller of two images: ``("image/png", bytes)`` or
    ``("image/svg+xml", text)``, drawn as the notebook's inline backend draws it (IPython's
    ``print_figure``, tight bounding box), or ``("", b"")`` for a figure with nothing on it.

    The PNG is stored with a palette: exact when the figure has at most 256 colours, else
    the 256 closest (fast octree, no dithering; a chart's flat colours and anti-aliased
    text look the same). The SVG is drawn only for a figure without raster artists (an
    image or a mesh would be embedded in it as a PNG anyway, of the full colours); it
    carries no date, so either is the same on every run.

    >>> fig, ax = plt.subplots(figsize=(2, 1)); _ = ax.bar(["a", "b"], [1, 2])
    >>> mime, data = figure_image(fig); mime in ("image/png", "image/svg+xml") and len(data) > 100
    True
    """
    import io

    from IPython.core.pylabtools import print_figure
    from matplotlib.collections import QuadMesh
    from matplotlib.image import AxesImage
    from PIL import Image

    png = print_figure(fig, "png")
    if png is None:
        return "", b""
    image = Image.open(io.BytesIO(png))
    opaque = image.mode == "RGB" or image.getchannel("A").getextrema() == (255, 255)
    palette = image.convert("RGB" if opaque else "RGBA").quantize(256, method=Image.Quantize.FASTOCTREE,
                                                                  dither=Image.Dither.NONE)
    out = io.BytesIO()
    palette.save(out, "PNG", optimize=True)
    png = min(png, out.getvalue(), key=len)
    if any(isinstance(a, (AxesImage, QuadMesh)) for ax in fig.axes for a in ax.get_children()):
        return "image/png", png
    with matplotlib.rc_context({"svg.hashsalt": STYLE["svg.hashsalt"]}):
        svg = print_figure(fig, "svg", metadata={"Date": None})
    # Both end up base64-encoded in the page: compare what they weigh there.
    return ("image/svg+xml", svg) if len(svg.encode("utf-8")) < len(png) else ("image/png", png)
