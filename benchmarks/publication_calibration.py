"""Fit the widths that close a half-open publication interval, on tuning data only.

    python benchmarks/publication_calibration.py [--reuters-from 1000] [--reuters-to 5000] [--coverage 0.9]

An undated article often bounds its publication date on one side only: it reports dated
events in the past tense (published after the latest of them) but announces nothing dated.
How long after its latest dated clue a news article appears depends on how finely that clue
is known (a day, a month, a bare year). This script hides the dates of the tuning corpora,
runs the pipeline's stages up to the publication-date inference, and prints, for each side
and precision, the smallest width in days that makes the closed interval hold the true date
for the target share of the articles with that kind of bound (bounds that are already wrong
count against it; where the target cannot be reached, no width is given and the interval
stays open). The constants ``CALIBRATED_DAYS`` in ``analysis/stages/dating.py`` are these
figures.

Tuning data (../shared/benchmarks, cited in the README): Reuters-21578 stories
``--reuters-from`` to ``--reuters-to`` (the publication-date benchmark scores the first
1,000) and the 20 TempEval-3 platinum articles. SemEval-2015 and MEANTIME are never used here.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from publication_dates import reuters_articles  # noqa: E402

from analysis.config import load_rules  # noqa: E402
from analysis.evaluation.data import SHARED_BENCHMARKS  # noqa: E402
from analysis.evaluation.publication import corpus_articles  # noqa: E402
from analysis.run.build import as_inputs  # noqa: E402
from analysis.schema import PARTITION_INPUT  # noqa: E402
from analysis.stages import STAGES  # noqa: E402
from analysis.text.corpus import iter_record_batches  # noqa: E402


def publication_table(path: Path) -> pd.DataFrame:
    """The stages' publication-date bounds (before calibration) for a JSON Lines corpus."""
    inputs = as_inputs(path)
    rules = load_rules(inputs)
    tables: dict = {PARTITION_INPUT: next(iter_record_batches(inputs.corpus, chunk_size=10 ** 9))}
    for stage in STAGES:
        tables.update(stage.run(tables, rules))
        if "publication" in tables:
            return tables["publication"]
    raise RuntimeError("no stage provides the publication table")


def gaps(publication: pd.DataFrame, truth: dict[str, str]) -> pd.DataFrame:
    """One row per half-open interval: its side, the precision of its bound, and the days
    from the bound to the true date (negative: the bound itself is wrong)."""
    rows = []
    for r in publication.itertuples():
        t = date.fromisoformat(truth[r.doc_id])
        if r.published_earliest and not r.published_latest:
            rows.append(("after", r.earliest_from, (t - date.fromisoformat(r.published_earliest)).days))
        elif r.published_latest and not r.published_earliest:
            rows.append(("before", r.latest_from, (date.fromisoformat(r.published_latest) - t).days))
    return pd.DataFrame(rows, columns=["side", "precision", "days"])


def width_for(days: pd.Series, coverage: float) -> int | None:
    """The smallest width w with share(0 <= days <= w) >= coverage, or None."""
    held = days[days >= 0].sort_values().to_list()
    need = int(-(-coverage * len(days) // 1))  # ceil
    return held[need - 1] if 0 < need <= len(held) else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reuters-from", type=int, default=1000)
    ap.add_argument("--reuters-to", type=int, default=5000)
    ap.add_argument("--coverage", type=float, default=0.9)
    args = ap.parse_args()
    if not SHARED_BENCHMARKS.exists():
        print(f"skipped: {SHARED_BENCHMARKS} not found (the shared/ folder sits beside the project)")
        return 0
    tempeval3 = corpus_articles(SHARED_BENCHMARKS, "TempEval-3 platinum") or []
    articles = [a for a in reuters_articles(args.reuters_to)[args.reuters_from:] + tempeval3 if a["truth"]]
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "tune.jsonl"
        path.write_text("".join(json.dumps({"doc_id": a["doc_id"], "title": a["title"], "text": a["text"]}) + "\n"
                                for a in articles), encoding="utf-8")
        table = gaps(publication_table(path), {a["doc_id"]: a["truth"] for a in articles})
    print(f"{len(articles)} tuning articles; {len(table)} half-open intervals; target coverage {args.coverage:.2f}")
    print(f"{'side':<7}{'bound from':<12}{'n':>6}{'bound holds':>13}{'median days':>13}{'width':>8}")
    for (side, precision), g in table.groupby(["side", "precision"]):
        width = width_for(g["days"], args.coverage)
        print(f"{side:<7}{precision:<12}{len(g):>6}{(g['days'] >= 0).mean():>13.3f}{g['days'].median():>13.0f}"
              f"{width if width is not None else '-':>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
