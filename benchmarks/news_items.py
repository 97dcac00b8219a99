"""Recall of the clear stance items of diplomatic news: the item sets of `docs/handcheck/news_*`.

    python benchmarks/news_items.py [FOLDER ...] [--misses]

Each folder holds `corpus/` (articles and metadata.csv) and `gold.csv` (the clear items, one
a row: see `analysis/evaluation/items.py`). The articles were written in the styles of
2022-2024 outlets by helper sessions that never saw the rules, which listed the items; they
are no real articles. `news_dev` was read while rules were written; `news_heldout` was only
scored. Prints recall overall, for targets a codebook names, by kind and by stance.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analysis import build_tables
from analysis.evaluation.items import item_recall, read_items

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = sorted(p for p in (ROOT / "docs" / "handcheck").glob("news_*") if p.is_dir())


def score(folder: Path, show_misses: bool = False) -> dict:
    items = read_items(folder / "gold.csv")
    tables = build_tables(folder / "corpus")
    scores, out = item_recall(items, tables["documents"], tables["sentences"], tables["stance"])
    if show_misses:
        for r in out[out["status"] != "found"].itertuples():
            print(f"  [{r.status}] {r.doc}: {r.holder} {r.stance} {r.target} ({r.kind}): {r.sentence}")
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--misses", action="store_true", help="print the items not found")
    args = parser.parse_args()
    for folder in args.folders:
        s = score(folder, args.misses)
        rest = ", ".join(f"{k} {v}" for k, v in s.items() if " " in k)
        print(f"{folder.name}: {s['found']} of {s['items']} items found = {s['recall']:.2f} "
              f"(targets a codebook names: {s['recall_codebook_targets']:.2f} of {s['codebook_targets']}); {rest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
