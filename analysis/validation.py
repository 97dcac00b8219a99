"""Accuracy of the coding against gold data: precision, recall, F1, agreement.

Used by the tests (which guard the figures) and by ``notebooks/05_validation.ipynb``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "gold"


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


STANCE_KEYS = ["doc_id", "sentence_id", "holder", "target", "stance"]


def stance_gold(path: Path | None = None) -> pd.DataFrame:
    return pd.read_csv(path or GOLD_DIR / "stance_seeds.csv", dtype={"sentence_id": int})


def stance_scores(stance: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Triples (sentence, holder, target, stance) scored overall and per stance label."""
    gold = stance_gold() if gold is None else gold
    return score(stance, gold, STANCE_KEYS, by="stance")


def stance_errors(stance: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every false positive and false negative, for error analysis."""
    gold = stance_gold() if gold is None else gold
    m = match_sets(stance, gold, STANCE_KEYS)
    rows = [("false_positive", *k) for k in sorted(m["fp"])] + [("false_negative", *k) for k in sorted(m["fn"])]
    return pd.DataFrame(rows, columns=["error", *STANCE_KEYS])
