"""Figures as the smaller of a palette PNG and an SVG, the same bytes on every run."""

import io

import matplotlib
import pytest
from PIL import Image

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from analysis.present.plots import figure_image  # noqa: E402


def heatmap():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.imshow([[0.0, 0.5], [0.7, 1.0]], cmap="RdYlGn")
    ax.set_title("holders × targets")
    return fig


def bare_line():
    fig, ax = plt.subplots(figsize=(4, 3))
    ax.plot([0, 1], [0, 1])
    ax.axis("off")
    return fig


def bars():
    fig, ax = plt.subplots(figsize=(6, 3))
    ax.barh([f"article {i}" for i in range(12)], range(12))
    return fig


@pytest.mark.parametrize("make, mime", [(heatmap, "image/png"), (bare_line, "image/svg+xml"), (bars, "image/png")])
def test_the_smaller_image_is_chosen(make, mime):
    fig = make()
    chosen, data = figure_image(fig)
    assert chosen == mime
    if mime == "image/png":
        assert Image.open(io.BytesIO(data)).mode == "P"  # a palette: a third of the full-colour PNG
    else:
        assert "<dc:date>" not in data and "<svg" in data
    assert figure_image(fig) == (chosen, data)  # the same bytes every time
    plt.close(fig)


def test_an_empty_figure_gives_no_image():
    fig = plt.figure()
    assert figure_image(fig) == ("", b"")
    plt.close(fig)
