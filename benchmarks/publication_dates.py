"""Publication dates of undated articles: the tool's ``published`` estimate against the true date.

    python benchmarks/publication_dates.py [--reuters N] [--json]

Each dated corpus is written as plain articles (a temporary JSON Lines file: ``doc_id``,
``title``, ``text``; no ``published`` field) with its creation date (DCT) hidden, run through
the pipeline in memory (:func:`analysis.run.build.build_tables`), and the documents table's
``published``, ``published_basis`` and ``published_earliest``/``published_latest`` are
compared with the DCT (:mod:`analysis.evaluation.publication`). Only a DCT that is a full
``YYYY-MM-DD`` day is scored.

Data: ../shared/benchmarks/ (see each folder's PROVENANCE.md; cited, never copied):

* ``tempeval3/te3-platinum``: 20 TimeML news articles (AP, BBC, CNN, NYT, WSJ, March 2013);
  the DCT lies outside ``<TEXT>``, so the texts carry no date line;
* ``semeval2015_timeline``: 90 Wikinews articles (Track A TimeML), detokenised; the date line
  under the headline ("December 10, 2013") is part of the text and stays; one DCT
  (``03-02-2009``) is not a full day and is not scored, and four date lines disagree with
  their DCT (by 4-31 days), a ceiling below 1.0 on day-exact;
* ``meantime/intra-doc_annotation``: 120 Wikinews articles (the 90 above and 30 more), every
  sentence; 118 carry a DCT (anchored on the date line, which stays in the text);
* ``reuters21578``: the first ``--reuters`` stories with a body (default 1,000; 0 skips),
  text = dateline ("SALVADOR, Feb 26 -", no year) + body, truth = the DATE field's day.

Figures (shares over all scored documents unless named): any estimate; day-exact (a full-day
estimate equal to the truth); within 2 days (full-day estimate); month right and year right
(estimates with that granularity and a known year); month-day right (also ``XXXX-MM-DD``);
interval coverage (earliest <= truth <= latest; with no interval a day estimate is its day
and a month or year its whole month or year; ``XXXX-..``, empty or half-open covers nothing);
median interval width in days (inclusive: one day = 1) over documents with an interval;
inverted intervals (earliest > latest); coverage where the tool found any clue; day-exact
among documents whose basis is ``dateline``. A table per basis follows.

Targets (from the issue): interval coverage >= 0.90 at median width <= 7 days where the text
holds any dated clue; day-exact >= 0.95 where a dateline or date line exists; zero inverted
intervals.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import read_stories  # noqa: E402
from scale import iso_date  # noqa: E402

from analysis.evaluation.data import SHARED_BENCHMARKS  # noqa: E402
from analysis.evaluation.publication import (  # noqa: E402
    CORPORA,
    corpus_articles,
    score_articles,
    score_cross_dating,
    truth_day,
)

#: The corpora the rest-of-the-corpus evidence is measured on (Reuters: the sample run).
CROSS_DATING = ("SemEval-2015 Wikinews", "MEANTIME English", "Reuters")

#: Reuters stories scored by default: a fixed sample (the first stories with a body), about 10 s.
DEFAULT_REUTERS = 1000

#: (figure key, label, target text) in the order the table prints them.
ROWS = [
    ("documents", "documents scored", ""),
    ("any_estimate", "any estimate", ""),
    ("day_exact", "day-exact", ""),
    ("within_2_days", "within 2 days", ""),
    ("month_right", "month right", ""),
    ("year_right", "year right", ""),
    ("month_day_right", "month-day right (year may be XXXX)", ""),
    ("interval_coverage", "interval coverage", ""),
    ("with_interval", "documents with an interval", ""),
    ("median_width_days", "median interval width, days", ""),
    ("inverted_intervals", "inverted intervals", "0"),
    ("half_open_intervals", "half-open intervals (one bound)", ""),
    ("with_clue", "documents with any clue", ""),
    ("interval_coverage_where_clue", "coverage where a clue exists", ">= 0.90"),
    ("median_width_days_where_clue", "median width where a clue exists", "<= 7"),
    ("dateline_documents", "basis dateline: documents", ""),
    ("day_exact_dateline", "basis dateline: day-exact", ">= 0.95"),
    ("date_lines", "texts opening with a date line", ""),
    ("date_line_disagrees", "date line != DCT", ""),
    ("seconds", "seconds", ""),
]


def reuters_articles(n: int) -> list[dict]:
    """The first ``n`` stories with a body. The title goes in as metadata and as the first
    line, as for the other corpora; the dateline opens the text, as the wire printed it."""
    out = []
    for s in read_stories(SHARED_BENCHMARKS / "reuters21578", limit=n):
        dct = iso_date(s["date"])
        text = f"{s['title']}\n\n{s['text']}" if s["title"] else s["text"]
        out.append({"doc_id": s["doc_id"], "title": s["title"], "text": text, "truth": truth_day(dct), "dct": dct,
                    "date_line": ""})
    return out


def corpora(reuters: int) -> list[tuple[str, Path, Callable[[], list[dict]]]]:
    """(name, folder that must exist, reader) of every corpus to run."""
    out = [(name, SHARED_BENCHMARKS / folder, lambda name=name: corpus_articles(SHARED_BENCHMARKS, name))
           for name, folder, *_ in CORPORA]
    if reuters > 0:
        out.append((f"Reuters-21578 first {reuters:,}", SHARED_BENCHMARKS / "reuters21578",
                    lambda: reuters_articles(reuters)))
    return out


#: Figures that are shares of documents (printed with three decimals); the rest are counts,
#: days or seconds.
SHARES = {"any_estimate", "day_exact", "within_2_days", "month_right", "year_right", "month_day_right",
          "interval_coverage", "interval_coverage_where_clue", "day_exact_dateline"}


def fmt(value, share: bool = True) -> str:
    if value is None:
        return "-"
    if share:
        return f"{value:.3f}"
    return f"{value:,}" if isinstance(value, int) or float(value).is_integer() else f"{value:,.1f}"


def show(results: dict[str, dict]) -> None:
    names = list(results)
    width = max(12, *(len(n) for n in names)) + 2
    print(f"{'figure':<36}" + "".join(f"{n:>{width}}" for n in names) + f"{'target':>10}")
    for key, label, target in ROWS:
        cells = "".join(f"{fmt(results[n]['figures'].get(key), key in SHARES):>{width}}" for n in names)
        print(f"{label:<36}{cells}{target:>10}")
    for n in names:
        print(f"\n{n}: by published_basis (documents, day-exact, interval coverage)")
        for basis, f in results[n]["by_basis"].items():
            print(f"  {basis:<10}{f['documents']:>6,}{fmt(f['day_exact']):>8}{fmt(f['interval_coverage']):>8}")
        notes = results[n]["notes"]
        if notes["not_scored_dct"]:
            print(f"  not scored (DCT not a full day): {', '.join(notes['not_scored_dct'])}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=DEFAULT_REUTERS, metavar="N",
                        help=f"Reuters-21578 stories: the first N with a body (default {DEFAULT_REUTERS}; 0 skips)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON instead of a table")
    args = parser.parse_args()
    if not SHARED_BENCHMARKS.exists():
        print(f"skipped: {SHARED_BENCHMARKS} not found (the shared/ folder sits beside the project)")
        return 0
    results, cross = {}, {}
    with tempfile.TemporaryDirectory(prefix="bench-published-") as tmp:
        for i, (name, folder, read) in enumerate(corpora(args.reuters)):
            if not folder.exists():
                print(f"{name}: skipped, {folder} not found", file=sys.stderr)
                continue
            t0 = time.perf_counter()
            work = Path(tmp) / f"corpus{i}"
            work.mkdir()
            figures, basis, notes = score_articles(read(), work)
            figures["seconds"] = round(time.perf_counter() - t0, 1)
            results[name] = {"figures": figures, "by_basis": basis, "notes": notes}
            if not args.json:
                print(f"{name}: {figures['documents']} documents in {figures['seconds']:.1f} s", flush=True)
            if name.split("-")[0] in CROSS_DATING or name in CROSS_DATING:
                cross_work = Path(tmp) / f"cross{i}"
                cross_work.mkdir()
                cross[name] = score_cross_dating(read(), cross_work)
    if args.json:
        print(json.dumps({"corpora": results, "cross_dating": cross}, indent=2))
    else:
        print()
        show(results)
        show_cross(cross)
    return 0


def show_cross(cross: dict[str, dict]) -> None:
    """The undated half of a date-lined corpus, dated alone and beside the dated half."""
    if not cross:
        return
    print("\nThe rest of the corpus as evidence: every second article keeps its day (metadata), the others lose "
          "their date line or dateline; figures of those")
    keys = [("documents", "documents", False), ("narrowed", "narrowed by the corpus", False),
            ("interval_coverage", "interval coverage", True), ("with_interval", "with an interval", False),
            ("median_width_days", "median width, days", False), ("inverted_intervals", "inverted", False)]
    print(f"{'corpus':<30}{'run':<14}" + "".join(f"{label:>24}" for _, label, _ in keys))
    for name, runs in cross.items():
        for run, f in runs.items():
            print(f"{name:<30}{run:<14}" + "".join(f"{fmt(f.get(k), share):>24}" for k, _, share in keys))


if __name__ == "__main__":
    sys.exit(main())
