"""Sentence tone against human ratings: VADER on the NYT editorial sentences of Hutto &
Gilbert (2014), next to the figures they published."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..text.tone import tone_analyzer
from .data import SHARED_BENCHMARKS
from .metrics import prf

#: Hutto & Gilbert (2014), Table 4, NYT editorials: VADER's published Pearson r and 3-class F1.
VADER_PUBLISHED_NYT = {"pearson_r": 0.492, "f1": 0.55}
#: The paper's class thresholds on normalised scores in [-1, 1].
TONE_THRESHOLD = 0.05


def _classes(values: pd.Series) -> pd.Series:
    """VADER's convention: >= 0.05 positive, <= -0.05 negative, neutral between."""
    out = pd.Series("neutral", index=values.index)
    out[values >= TONE_THRESHOLD - 1e-12] = "positive"
    out[values <= -TONE_THRESHOLD + 1e-12] = "negative"
    return out


def vader_nyt_scores(path: Path | None = None) -> dict:
    """Score the project's VADER (:mod:`analysis.text.tone`, NLTK's scores) on the human-rated NYT editorial sentences.

    Returns Pearson r against the mean rating, and precision/recall/F1 over the three
    classes (ratings divided by 4 and compound scores both cut at +-0.05), macro and
    weighted by class size. Raises FileNotFoundError when the benchmark data are absent.
    """
    path = path or SHARED_BENCHMARKS / "vader" / "nytEditorialSnippets_GroundTruth.txt"
    rows = [line.split("\t", 2) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = pd.DataFrame(rows, columns=["id", "rating", "text"])
    gold["rating"] = gold["rating"].astype(float)
    sia = tone_analyzer()
    gold["compound"] = gold["text"].map(lambda t: sia.polarity_scores(t)["compound"])
    r = float(gold["rating"].corr(gold["compound"]))
    true, pred = _classes(gold["rating"] / 4), _classes(gold["compound"])
    per_class = {}
    for label in ("negative", "neutral", "positive"):
        tp = int(((pred == label) & (true == label)).sum())
        fp = int(((pred == label) & (true != label)).sum())
        fn = int(((pred != label) & (true == label)).sum())
        per_class[label] = (*prf(tp, fp, fn), int((true == label).sum()))
    n = len(gold)
    macro = [round(sum(v[i] for v in per_class.values()) / 3, 4) for i in range(3)]
    weighted = [round(sum(v[i] * v[3] for v in per_class.values()) / n, 4) for i in range(3)]
    return {"sentences": n, "pearson_r": round(r, 4), "macro": dict(zip(("precision", "recall", "f1"), macro)),
            "weighted": dict(zip(("precision", "recall", "f1"), weighted)), "per_class": per_class,
            "accuracy": round(float((true == pred).mean()), 4), "published": VADER_PUBLISHED_NYT}
