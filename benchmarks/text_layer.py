"""Throughput of the text layer against the bare NLTK floor, on Reuters-21578.

    python benchmarks/text_layer.py [--limit N] [--repeat R]

Prints sentences/s and tokens/s for
  floor:  nltk.sent_tokenize(text) + nltk.word_tokenize(text) per story (no offsets);
  ours:   analysis.text.layer.split_text per story (paragraphs, quotes, sentences and
          tokens, all with character offsets, stop-word flags);
  ours+tables: analysis.text_layer over the whole batch (the DataFrames too);
and the ratio ours / floor (target: <= 1.5). Runs alternate so that machine noise
hits both sides; the best of R repeats is reported.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import nltk  # noqa: E402
import pandas as pd  # noqa: E402
from reuters import SHARED, read_stories  # noqa: E402

import analysis  # noqa: E402
from analysis.config import load_corpus_config  # noqa: E402
from analysis.text.layer import split_text, text_layer  # noqa: E402


def floor(texts: list[str]) -> tuple[int, int]:
    n_sent = n_tok = 0
    for text in texts:
        n_sent += len(nltk.sent_tokenize(text))
        n_tok += len(nltk.word_tokenize(text))
    return n_sent, n_tok


def ours(ids: list[str], texts: list[str], config) -> tuple[int, int]:
    n_sent = n_tok = 0
    for doc_id, text in zip(ids, texts):
        layer = split_text(doc_id, text, config=config)
        n_sent += len(layer.sentences)
        n_tok += len(layer.tokens)
    return n_sent, n_tok


def timed(fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    return time.perf_counter() - start, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="stories to use (default: all with a body)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: Reuters-21578 not found at {SHARED} (the shared/ folder sits beside the project)")
        return 0
    analysis.activate_nltk_data()  # for the floor's nltk.sent_tokenize and nltk.word_tokenize
    stories = read_stories(limit=args.limit)
    ids = [s["doc_id"] for s in stories]
    texts = [s["text"] for s in stories]
    config = load_corpus_config()
    docs = pd.DataFrame({"doc_id": ids, "text": texts})
    # Warm-up: load models and compile regexes outside the timings.
    floor(texts[:50]), ours(ids[:50], texts[:50], config)

    best = {"floor": float("inf"), "ours": float("inf"), "ours+tables": float("inf")}
    counts = {}
    for _ in range(args.repeat):
        t, counts["floor"] = timed(floor, texts)
        best["floor"] = min(best["floor"], t)
        t, counts["ours"] = timed(ours, ids, texts, config)
        best["ours"] = min(best["ours"], t)
        t, layer = timed(text_layer, docs)
        best["ours+tables"] = min(best["ours+tables"], t)
        counts["ours+tables"] = (len(layer["sentences"]), len(layer["tokens"]))
        del layer

    chars = sum(map(len, texts))
    print(f"Reuters-21578: {len(texts):,} stories with a body, {chars / 1e6:.1f} M characters; "
          f"best of {args.repeat} runs")
    print(f"{'run':<12} {'seconds':>8} {'docs/s':>8} {'sentences':>10} {'sent/s':>9} {'tokens':>10} {'tokens/s':>10}")
    for name, secs in best.items():
        n_sent, n_tok = counts[name]
        print(f"{name:<12} {secs:8.2f} {len(texts) / secs:8.0f} {n_sent:10,} {n_sent / secs:9.0f} "
              f"{n_tok:10,} {n_tok / secs:10.0f}")
    print(f"ratio ours / floor:        {best['ours'] / best['floor']:.2f}  (target <= 1.5)")
    print(f"ratio ours+tables / floor: {best['ours+tables'] / best['floor']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
