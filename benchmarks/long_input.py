"""Time and peak memory of one very long article, and of long whitespace runs.

    python benchmarks/long_input.py [--sizes 0.25,1,4] [--jobs 1]

Each case is a one-document corpus run through ``python -m analysis tables`` (cold, one
worker), timed, with the peak resident memory of the process tree. The article is news
text: Reuters-21578 stories (../shared/benchmarks, cited in the README) joined into one
document until it reaches the size, each story a paragraph; without ../shared, the seed
articles are repeated instead. The whitespace case is 60 KB of text whose words are
separated by runs of hundreds of spaces and single line breaks (the shape that made the
old paragraph-break pattern backtrack).

Targets: time grows at most 1.3x faster than size (the ratio of the times between two
sizes, less a 2 KB baseline run's, is at most 1.3 x their size ratio); 4 MB of news text
in under a minute with < 1 GiB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import SHARED, read_stories  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def news_text(chars: int) -> str:
    """One long article of news paragraphs, about ``chars`` characters."""
    if SHARED.exists():
        pieces = [s["text"] for s in read_stories(limit=6000)]
    else:
        pieces = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out, size, i = [], 0, 0
    while size < chars:
        piece = " ".join(pieces[i % len(pieces)].split())
        out.append(piece)
        size += len(piece) + 2
        i += 1
    return "\n\n".join(out)


def whitespace_text(chars: int) -> str:
    words = ["Cambodia", "said", "on", "Monday", "it", "supports", "the", "talks."]
    out, size, i = [], 0, 0
    while size < chars:
        gap = " " * 400 + ("\n" if i % 3 == 0 else "")
        out.append(words[i % len(words)] + gap)
        size += len(out[-1])
        i += 1
    return "".join(out)


def run(text: str, work: Path, name: str, jobs: int) -> tuple[float, float]:
    corpus = work / f"{name}.jsonl"
    corpus.write_text(json.dumps({"doc_id": name, "text": text, "published": "2023-05-05"}) + "\n",
                      encoding="utf-8")
    cmd = [sys.executable, "-m", "analysis", "tables", "--corpus", str(corpus), "--out", str(work / name),
           "--quiet", "--no-cache", "--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    parent, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            peak = max(peak, sum(p.memory_info().rss for p in [parent, *parent.children(recursive=True)]))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"{name}: exit {proc.returncode}: {proc.stderr.read().decode()[-500:]}")
    return seconds, peak / 2 ** 20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="0.25,1,4", help="article sizes in MB (default 0.25,1,4)")
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    sizes = [float(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="bench-long-"))
    source = "Reuters-21578 stories" if SHARED.exists() else "the seed articles (../shared not found)"
    print(f"one article of news text ({source}), cold `tables`, {args.jobs} worker(s)")
    print(f"{'case':<24}{'MB':>7}{'seconds':>10}{'s per MB':>10}{'peak MiB':>10}")
    # The fixed cost of a run (start-up, imports, writing empty tables), taken off before
    # comparing sizes: otherwise it hides growth in the text's own cost.
    base, _ = run(news_text(2_000), work, "baseline-2KB", args.jobs)
    print(f"{'baseline (2 KB)':<24}{0.002:7.3f}{base:10.1f}")
    results = []
    for mb in sizes:
        text = news_text(int(mb * 1_000_000))
        secs, peak = run(text, work, f"news-{mb:g}MB", args.jobs)
        results.append((len(text) / 1e6, secs))
        print(f"{'news':<24}{len(text) / 1e6:7.2f}{secs:10.1f}{secs / (len(text) / 1e6):10.1f}{peak:10.0f}",
              flush=True)
    text = whitespace_text(60_000)
    secs, peak = run(text, work, "whitespace-60KB", args.jobs)
    print(f"{'60 KB of whitespace runs':<24}{len(text) / 1e6:7.2f}{secs:10.1f}{'':>10}{peak:10.0f}")
    for (s1, t1), (s2, t2) in zip(results, results[1:]):
        own1, own2 = t1 - base, t2 - base
        growth = (own2 / own1) / (s2 / s1)
        print(f"{s1:.2f} -> {s2:.2f} MB: time less the baseline x{own2 / own1:.2f} for size x{s2 / s1:.2f}: "
              f"{growth:.2f} (target <= 1.3)")
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
