"""Temporal expression tagging against TempEval-3 (platinum test set) and MEANTIME.

    python benchmarks/timexes.py

Data: ../shared/benchmarks/tempeval3/ and ../shared/benchmarks/meantime/ (see their
PROVENANCE.md). Scored as the TempEval-3 scorer does: relaxed extent (overlap), strict
extent (identical), and value F1 (matched with an identical normalised value). For
comparison, TempEval-3 Task A value F1: HeidelTime 77.61, SUTime 67.38.
"""

import sys
import time

from analysis.evaluation.data import SHARED_BENCHMARKS
from analysis.evaluation.timeml import meantime_scores, tempeval3_scores


def show(name: str, s: dict) -> None:
    print(f"{name}: {s['documents']} documents, {s['gold']} gold timexes, {s['system']} found")
    for k in ("relaxed", "strict", "value"):
        m = s[k]
        print(f"  {k:<8} P {m['precision'] * 100:5.1f}  R {m['recall'] * 100:5.1f}  F1 {m['f1'] * 100:5.1f}")
    if "value_accuracy" in s:
        print(f"  value accuracy on matched timexes: {s['value_accuracy'] * 100:.1f}")
    print(f"  type accuracy on matched timexes: {s['type_accuracy'] * 100:.1f}")


def main() -> int:
    te3 = SHARED_BENCHMARKS / "tempeval3" / "te3-platinum"
    mt = SHARED_BENCHMARKS / "meantime" / "intra-doc_annotation"
    if not te3.exists() and not mt.exists():
        print(f"skipped: {SHARED_BENCHMARKS} not found (the shared/ folder sits beside the project)")
        return 0
    if te3.exists():
        t0 = time.perf_counter()
        show("TempEval-3 platinum", tempeval3_scores(te3))
        print(f"  ({time.perf_counter() - t0:.1f} s; HeidelTime value F1 77.61, SUTime 67.38)")
    if mt.exists():
        show("MEANTIME (English, annotated sentences)", meantime_scores(mt))
    return 0


if __name__ == "__main__":
    sys.exit(main())
