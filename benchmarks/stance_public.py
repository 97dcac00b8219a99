"""Stance and event coding on public gold data: DSE (who blames or endorses whom) and the
PLOVER gold standard records (source, act, target).

    python benchmarks/stance_public.py [--split valid|train] [--limit N] [--errors K]

Data: ../shared/benchmarks/dse/ and ../shared/benchmarks/plover_gsr/ (see their
PROVENANCE.md). Each sentence is one document. Prints, for DSE, the 5-class macro-F1 and
directed polarity precision/recall; for PLOVER's verbal categories, source + target +
category accuracy and the precision of the findings' categories. ``--errors K`` prints K
wrong items of each set, for development: tune on DSE ``train``/``valid`` and the PLOVER
development half only.
"""

from __future__ import annotations

import argparse
import sys
import time

import analysis
from analysis.evaluation.data import SHARED_BENCHMARKS
from analysis.evaluation.directed import dse_benchmark, plover_benchmark


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="valid", choices=["valid", "train"])
    parser.add_argument("--limit", type=int, default=0, help="the first N DSE sentences only")
    parser.add_argument("--errors", type=int, default=0, help="print K wrong items of each set")
    args = parser.parse_args()
    dse_path = SHARED_BENCHMARKS / "dse" / f"{args.split}.txt"
    plover_path = SHARED_BENCHMARKS / "plover_gsr" / "gsr_dev.json"
    if not dse_path.exists() or not plover_path.exists():
        print(f"skipped: {dse_path.parent} or {plover_path.parent} not found (shared/ sits beside the project)")
        return 0
    books = analysis.load_codebooks()
    t0 = time.perf_counter()
    s, items, stance = dse_benchmark(dse_path, books, limit=args.limit)
    seconds = time.perf_counter() - t0
    print(f"DSE {args.split}: {s['items']} sentences, {len(stance)} stance rows, {seconds:.1f} s")
    print(f"  5-class macro-F1 {s['macro_f1']:.3f}   directed precision {s['directed_precision']:.3f}  "
          f"recall {s['directed_recall']:.3f}  F1 {s['directed_f1']:.3f}  "
          f"({s['predicted_directed']} predicted, {s['gold_directed']} gold)")
    print("  per class F1: " + ", ".join(f"{k} {v:.3f}" for k, v in s["per_class_f1"].items()))
    if args.errors:
        wrong = items[items["label"] != items["predicted"]]
        for r in wrong.sample(min(args.errors, len(wrong)), random_state=1).itertuples():
            rows = stance[stance["doc_id"] == r.doc_id][["holder", "target", "stance", "cue"]].values.tolist()
            print(f"  [{r.label} got {r.predicted}] p={r.p!r} q={r.q!r} :: {r.text[:200]}\n      {rows}")

    p, per, stance = plover_benchmark(plover_path, books)
    print(f"PLOVER verbal categories (development half): {p['records']} records, {p['findings']} findings")
    print(f"  source + target + category accuracy {p['accuracy']:.3f}   any finding {p['coded']:.3f}   "
          f"category found {p['category_recall']:.3f}   category precision of findings "
          f"{p['finding_category_precision']:.3f}")
    by_cat = per.groupby("event")["all_right"].agg(["mean", "size"])
    print("  per category: " + ", ".join(f"{e} {m:.2f}/{n}" for e, (m, n) in by_cat.iterrows()))
    if args.errors:
        for r in per[~per["all_right"]].head(args.errors).itertuples():
            rows = stance[stance["doc_id"] == r.doc_id][["holder", "target", "plover", "cue"]].values.tolist()
            print(f"  [{r.event}] :: {r.text[:200]}\n      {rows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
