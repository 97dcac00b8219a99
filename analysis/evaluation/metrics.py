"""Agreement measures: precision, recall and F1 on exact keys; Krippendorff's alpha."""

from __future__ import annotations

import itertools
from collections import Counter

import pandas as pd


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (0 where undefined).

    >>> prf(8, 2, 2)
    (0.8, 0.8, 0.8)
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def match_sets(predicted: pd.DataFrame, gold: pd.DataFrame, keys: list[str]) -> dict[str, set]:
    """True positives, false positives and false negatives as sets of key tuples."""
    pred = set(map(tuple, predicted[keys].astype(str).drop_duplicates().to_numpy()))
    true = set(map(tuple, gold[keys].astype(str).drop_duplicates().to_numpy()))
    return {"tp": pred & true, "fp": pred - true, "fn": true - pred}


def score(predicted: pd.DataFrame, gold: pd.DataFrame, keys: list[str], *, by: str | None = None) -> pd.DataFrame:
    """Precision/recall/F1 of ``predicted`` against ``gold`` on exact ``keys`` tuples,
    overall and (with ``by``, a column in ``keys``) per value of ``by``."""
    rows = []
    groups = [("all", predicted, gold)]
    if by:
        values = sorted(set(gold[by].astype(str)) | set(predicted[by].astype(str)))
        groups += [(v, predicted[predicted[by].astype(str) == v], gold[gold[by].astype(str) == v]) for v in values]
    for name, p, g in groups:
        m = match_sets(p, g, keys)
        tp, fp, fn = len(m["tp"]), len(m["fp"]), len(m["fn"])
        rows.append((name, tp, fp, fn, *prf(tp, fp, fn)))
    return pd.DataFrame(rows, columns=["subset", "tp", "fp", "fn", "precision", "recall", "f1"])


def krippendorff_alpha_nominal(units: list[tuple]) -> float:
    """Krippendorff's alpha for nominal data, from its definition (coincidence matrix).

    ``units`` is a list of value tuples, one per unit, one value per coder (None = missing).

    >>> round(krippendorff_alpha_nominal([(1, 1), (0, 0), (1, 0), (0, 0)]), 3)
    0.533
    """
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
