"""The gold standards of the seed articles: stance triples and frame coding, scored.

Used by the tests (which guard the figures) and by ``notebooks/05_validation.ipynb``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..config.codebooks import FrameCodebook
from ..config.inputs import CorpusSource, RunInputs
from ..paths import SEEDS_DIR, project_path
from ..run.build import build_tables
from ..run.tables import read_tables
from ..stages.frames import coded
from .data import GOLD_DIR
from .metrics import krippendorff_alpha_nominal, match_sets, prf, score

STANCE_KEYS = ["doc_id", "sentence_id", "holder", "target", "stance"]


def stance_gold(path: Path | None = None) -> pd.DataFrame:
    return pd.read_csv(path or GOLD_DIR / "stance_seeds.csv", dtype={"sentence_id": int})


def stance_scores(stance: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Triples (sentence, holder, target, stance) scored overall and per stance label."""
    gold = stance_gold() if gold is None else gold
    return score(positions(stance), gold, STANCE_KEYS, by="stance")


def positions(stance: pd.DataFrame) -> pd.DataFrame:
    """The rows that state a position: the gold codes positions, not acts without one (a meeting)."""
    return stance[stance["stance"] != "none"]


def stance_errors(stance: pd.DataFrame, gold: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every false positive and false negative, for error analysis."""
    gold = stance_gold() if gold is None else gold
    m = match_sets(positions(stance), gold, STANCE_KEYS)
    rows = [("false_positive", *k) for k in sorted(m["fp"])] + [("false_negative", *k) for k in sorted(m["fn"])]
    return pd.DataFrame(rows, columns=["error", *STANCE_KEYS])


def gold_frames(path: str | Path | None = None) -> pd.DataFrame:
    """The hand coding: one row per (doc_id, sentence_id, frame) coded, and the sentences coded."""
    g = pd.read_csv(path or GOLD_DIR / "frames_seeds.csv", dtype={"frames": str}, keep_default_na=False)
    rows = [(d, int(s), f) for d, s, fs in g[["doc_id", "sentence_id", "frames"]].itertuples(index=False)
            for f in fs.split(";") if f]
    return pd.DataFrame(rows, columns=["doc_id", "sentence_id", "frame"]), g[["doc_id", "sentence_id"]]


def frame_agreement(frames: pd.DataFrame, book: FrameCodebook,
                    gold_path: str | Path | None = None) -> tuple[pd.DataFrame, dict]:
    """Per-frame precision/recall/F1 and Krippendorff's alpha (automatic vs hand coding),
    and the macro-F1 and pooled alpha over the frames of ``book``."""
    gold, units = gold_frames(gold_path)
    auto = coded(frames, include_rejected=True)
    auto_set = set(map(tuple, auto[["doc_id", "sentence_id", "frame"]].to_numpy()))
    auto_set = {(d, int(s), f) for d, s, f in auto_set}
    gold_set = set(map(tuple, gold.to_numpy()))
    gold_set = {(d, int(s), f) for d, s, f in gold_set}
    unit_keys = [(d, int(s)) for d, s in units.itertuples(index=False)]
    rows, pooled = [], []
    for f in book.ids:
        a = {(d, s) for d, s, ff in auto_set if ff == f}
        g = {(d, s) for d, s, ff in gold_set if ff == f}
        tp, fp, fn = len(a & g), len(a - g), len(g - a)
        pairs = [(int(u in a), int(u in g)) for u in unit_keys]
        pooled += [(f"{f}:{x}", f"{f}:{y}") for x, y in pairs]
        rows.append((f, len(g), len(a), tp, fp, fn, *prf(tp, fp, fn), round(krippendorff_alpha_nominal(pairs), 4)))
    table = pd.DataFrame(rows, columns=["frame", "gold", "auto", "tp", "fp", "fn", "precision", "recall", "f1",
                                        "alpha"])
    summary = {"macro_f1": round(float(table["f1"].mean()), 4),
               "mean_alpha": round(float(table["alpha"].mean()), 4),
               "sentences": len(unit_keys)}
    return table, summary


def seed_tables(corpus: str | Path = "", tables_dir: str | Path = "") -> dict:
    """The tables of the seed articles, which the gold data describe: read from ``tables_dir``
    when the report is being made for the seeds, computed otherwise."""
    if tables_dir and corpus and project_path(corpus) == SEEDS_DIR.resolve():
        return read_tables(project_path(tables_dir), lazy=True)
    return build_tables(RunInputs(CorpusSource(SEEDS_DIR)))
