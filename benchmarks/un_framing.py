"""Does the framing travel beyond the seeds? UN General Debate speeches 2022-2024.

    python benchmarks/un_framing.py [--top 5] [--min-sentences 5]

Data: ../shared/benchmarks/un_general_debate/ (UN General Debate Corpus; see its
PROVENANCE.md for citation). For each speech, the passages that mention Ukraine or
Russia are the sentences that name either (as a country, its demonym with a head noun,
its capital or leader) and the sentence on each side of them. Prints the countries
with the highest share of `neutrality` and of `sovereignty_law` sentences in those
passages, pooled over the three sessions, with the number of passage sentences.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

import analysis
from analysis.stages.frames import coded, frame_table
from analysis.stages.mentions import analyse_documents, mention_tables

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "benchmarks" / "un_general_debate"
FOCUS = {"Ukraine", "Russia", "Volodymyr Zelenskyy", "Vladimir Putin", "Sergey Lavrov", "Dmytro Kuleba", "Kremlin"}


def passages(sentences: pd.DataFrame, mentions: pd.DataFrame, *, window: int = 1) -> pd.DataFrame:
    """Sentences within ``window`` of a sentence mentioning Ukraine or Russia."""
    hits = mentions[mentions["canonical"].isin(FOCUS)][["doc_id", "sentence_id"]].drop_duplicates()
    keep = {(d, s + k) for d, s in hits.itertuples(index=False) for k in range(-window, window + 1)}
    mask = [(d, s) in keep for d, s in sentences[["doc_id", "sentence_id"]].itertuples(index=False)]
    return sentences[mask]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--min-sentences", type=int, default=5, help="ignore countries with fewer passage sentences")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} not found (the shared/ folder sits beside the project)")
        return 0
    t0 = time.perf_counter()
    folders = sorted(p for p in SHARED.iterdir() if p.is_dir() and p.name.startswith("session"))
    docs = pd.concat([analysis.load(f, filename_pattern="{country}_{session}_{year}") for f in folders],
                     ignore_index=True)
    layer = analysis.text_layer(docs)
    books = analysis.load_codebooks()
    shared = mention_tables(docs, analyse_documents(docs, layer["sentences"], books))
    frames = frame_table(docs, layer["sentences"], books.frames, attribution=shared["attribution"],
                         mentions=shared["mentions"])
    elapsed = time.perf_counter() - t0
    sent = passages(layer["sentences"], shared["mentions"])
    country = docs.set_index("doc_id")["country"]
    sent = sent.assign(country=sent["doc_id"].map(country))
    totals = sent.groupby("country").size()
    c = coded(frames).merge(sent[["doc_id", "sentence_id", "country"]], on=["doc_id", "sentence_id"])
    print(f"{len(docs)} speeches, {len(layer['sentences']):,} sentences, {len(sent):,} in passages on "
          f"Ukraine/Russia from {sent['doc_id'].nunique()} speeches of {sent['country'].nunique()} countries "
          f"(analysis {elapsed:.0f} s)")
    for frame in ("neutrality", "sovereignty_law"):
        k = c[c["frame"] == frame].groupby("country").size().reindex(totals.index).fillna(0)
        table = pd.DataFrame({"passage_sentences": totals, frame: k.astype(int), "share": (k / totals).round(3)})
        table = table[table["passage_sentences"] >= args.min_sentences]
        table = table.sort_values(["share", "passage_sentences"], ascending=[False, False]).head(args.top)
        print(f"\nTop {args.top} by share of '{frame}' sentences (countries with >= {args.min_sentences} "
              "passage sentences):")
        print(table.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
