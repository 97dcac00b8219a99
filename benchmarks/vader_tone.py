"""Sentence tone (NLTK VADER with the project's lexicon) on VADER's NYT editorial sentences.

    python benchmarks/vader_tone.py

Data: ../shared/benchmarks/vader/ (Hutto & Gilbert 2014; see its PROVENANCE.md). Prints
Pearson r and 3-class P/R/F1 next to the published 0.492 / 0.55.
"""

import sys

from analysis.evaluation.data import SHARED_BENCHMARKS
from analysis.evaluation.tone import vader_nyt_scores


def main() -> int:
    path = SHARED_BENCHMARKS / "vader" / "nytEditorialSnippets_GroundTruth.txt"
    if not path.exists():
        print(f"skipped: {path} not found (the shared/ folder sits beside the project)")
        return 0
    s = vader_nyt_scores(path)
    print(f"NYT editorial sentences: {s['sentences']:,}")
    print(f"Pearson r (compound vs mean rating): {s['pearson_r']:.3f}   published: {s['published']['pearson_r']}")
    for avg in ("macro", "weighted"):
        m = s[avg]
        print(f"3-class {avg:<8} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}"
              f"   published F1: {s['published']['f1']}")
    print(f"accuracy {s['accuracy']:.3f}")
    for label, (p, r, f, n) in s["per_class"].items():
        print(f"  {label:<9} n={n:<5} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
