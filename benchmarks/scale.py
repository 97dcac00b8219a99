"""Throughput and memory of the full `tables` run, on Reuters-21578 and the UN speeches.

    python benchmarks/scale.py [--reuters-limit N] [--skip-un] [--rounds R] [--replicate N [--replicate-only]]

For each corpus, in one run: documents per second and peak memory (resident set of the
whole process tree, sampled every 0.1 s) of `python -m analysis tables` with the local
engine on 1 and 2 workers (cold cache), a warm re-run, and the Dask engine on 2 workers
(cold); next to the floor of bare `nltk.sent_tokenize` + `nltk.word_tokenize` over the
same texts. `--replicate N` streams N documents made by cycling the Reuters texts
(generated on the fly, never stored) through the partition pipeline with 2 workers and
prints memory at intervals, to show it stays flat.

Data: ../shared/benchmarks/ (cited in the README; not copied). Targets on 2 cores:
1 worker within 3x of the floor; 2 workers >= 1.7x faster than 1; warm < 5% of cold;
peak memory < 1 GiB for Reuters; Dask within 1.3x of local.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import read_stories  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "benchmarks"


def iso_date(reuters_date: str) -> str:
    """"26-FEB-1987 15:01:01.79" -> "1987-02-26" (the stories' own dates, so the run is dated as
    a researcher's corpus would be; undated stories would go through date inference)."""
    return datetime.strptime(reuters_date.split()[0], "%d-%b-%Y").date().isoformat()


def peak_rss_run(cmd: list[str]) -> tuple[float, float]:
    """(seconds, peak MiB of the process tree) of a command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = 0
    parent = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            procs = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed with {proc.returncode}")
    return time.perf_counter() - start, peak / 2 ** 20


def floor(texts: list[str], repeat: int = 3) -> list[float]:
    """``repeat`` timings, fastest first. The ratios use the fastest (the strictest ratio);
    the others show how much this machine's speed drifts between minutes (10-30%)."""
    import nltk

    import analysis

    analysis.activate_nltk_data()

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for t in texts:
            nltk.sent_tokenize(t)
            nltk.word_tokenize(t)
        times.append(time.perf_counter() - start)
    return sorted(times)


#: (label, key in the per-round ratios, target text, comparison)
TARGETS = [("1 worker / floor", "one_vs_floor", "<= 3"), ("1 worker / mean floor pass", "one_vs_mean_floor", ""),
           ("speed-up 2 vs 1 worker", "speed_up", ">= 1.7"),
           ("warm / cold", "warm", "< 0.05"), ("dask / local", "dask", "<= 1.3"),
           ("codebook edited / cold", "edited", "")]


def measure_round(name: str, corpus: Path, extra: list[str], texts: list[str], work: Path) -> dict:
    """One round: the floor, then every configuration, one after the other."""
    from analysis.config import CODEBOOK_DIR

    py = sys.executable
    base = [py, "-m", "analysis", "tables", "--corpus", str(corpus), "--quiet", *extra]
    passes = floor(texts)
    f = passes[0]
    print(f"floor passes: {', '.join(f'{x:.1f}' for x in passes)} s", flush=True)
    rows = [("floor: sent+word tokenize, best of 3", f, None)]
    out1, out2, outd = work / f"{name}-1", work / f"{name}-2", work / f"{name}-dask"
    rows.append(("local, 1 worker, cold", *peak_rss_run(base + ["--out", str(out1), "--jobs", "1", "--no-cache"])))
    rows.append(("local, 2 workers, cold", *peak_rss_run(base + ["--out", str(out2), "--jobs", "2", "--no-cache"])))
    rows.append(("local, 2 workers, warm", *peak_rss_run(base + ["--out", str(out2), "--jobs", "2"])))
    # One codebook edit (the framing threshold): the analysis re-runs on the cached text layer.
    frames = work / "frames-edited.yaml"
    frames.write_text((CODEBOOK_DIR / "frames.yaml").read_text(encoding="utf-8").replace(
        "threshold: ", "threshold: 0.5  # was ", 1), encoding="utf-8")
    rows.append(("local, 2 workers, codebook edited", *peak_rss_run(base + ["--out", str(out2), "--jobs", "2",
                                                                         "--frames", str(frames)])))
    rows.append(("dask, 2 workers, cold", *peak_rss_run(base + ["--out", str(outd), "--jobs", "2", "--engine", "dask",
                                                                "--no-cache"])))
    t = {label: secs for label, secs, _ in rows}
    cold2 = t["local, 2 workers, cold"]
    return {"rows": rows, "one_vs_floor": t["local, 1 worker, cold"] / f,
            "one_vs_mean_floor": t["local, 1 worker, cold"] / statistics.mean(passes),
            "speed_up": t["local, 1 worker, cold"] / cold2, "warm": t["local, 2 workers, warm"] / cold2,
            "dask": t["dask, 2 workers, cold"] / cold2, "edited": t["local, 2 workers, codebook edited"] / cold2}


def measure(name: str, corpus: Path, extra: list[str], texts: list[str], work: Path, rounds: int = 1) -> None:
    """``rounds`` rounds; each ratio is taken within a round (its parts measured minutes apart,
    not tens of minutes: this machine's speed drifts by 10-30%), then the median over rounds."""
    n = len(texts)
    print(f"\n{name}: {n:,} documents, {sum(map(len, texts)) / 1e6:.1f} M characters", flush=True)
    results = []
    for r in range(rounds):
        res = measure_round(name, corpus, extra, texts, work)
        results.append(res)
        print(f"round {r + 1} of {rounds}")
        print(f"{'run':<36}{'seconds':>9}{'docs/s':>9}{'peak MiB':>10}")
        for label, secs, mib in res["rows"]:
            print(f"{label:<36}{secs:9.1f}{n / secs:9.0f}{'' if mib is None else f'{mib:10.0f}'}")
        print("; ".join(f"{label}: {res[key]:.3f}" + (f" (target {target})" if target else "")
                        for label, key, target in TARGETS), flush=True)
    if rounds > 1:
        print(f"median of {rounds} rounds: " + "; ".join(
            f"{label}: {statistics.median(r[key] for r in results):.3f} "
            f"[{', '.join(f'{r[key]:.2f}' for r in results)}]" for label, key, _ in TARGETS))
        print(f"peak memory over all rounds: {max(mib for r in results for _, _, mib in r['rows'] if mib):.0f} MiB")


def replicate(n: int, stories: list[dict], work: Path) -> None:
    """Stream n documents cycled from Reuters through the pipeline; report memory over time."""
    from analysis.config import EngineOptions, load_rules
    from analysis.run.engines import run_partitions

    me = psutil.Process()
    samples: list[tuple[float, float, int]] = []
    done = [0]
    stop = threading.Event()

    def sample() -> None:
        t0 = time.perf_counter()
        while not stop.is_set():
            procs = [me, *me.children(recursive=True)]
            rss = sum(p.memory_info().rss for p in procs if p.is_running()) / 2 ** 20
            samples.append((time.perf_counter() - t0, rss, done[0]))
            time.sleep(1.0)

    def partitions():
        # Raw record batches, as `tables` streams them: the workers build the documents tables.
        size = 200
        for start in range(0, n, size):
            batch = [{"doc_id": f"r{i:07d}", "text": stories[i % len(stories)]["text"],
                      "date": iso_date(stories[i % len(stories)]["date"]), "_where": f"gen {i}"}
                     for i in range(start, min(n, start + size))]
            done[0] = start
            yield batch

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    t0 = time.perf_counter()
    run_partitions(partitions(), rules=load_rules(), cache_dir=work / "replicate-cache", options=EngineOptions(jobs=2))
    stop.set()
    thread.join()
    secs = time.perf_counter() - t0
    print(f"\nStreaming {n:,} replicated Reuters documents, 2 workers: {secs:.0f} s, {n / secs:.0f} docs/s")
    step = max(1, len(samples) // 12)
    for t, rss, k in samples[::step]:
        print(f"  t={t:7.0f} s  documents read {k:>9,}  process tree RSS {rss:7.0f} MiB")
    # Flat means: after warm-up (the first tenth) and before the workers wind down (the last
    # tenth), RSS does not grow with the documents read.
    late = [(k, rss) for _, rss, k in samples if n // 10 <= k <= n * 9 // 10]
    if len(late) >= 2:
        first, last = late[0], late[-1]
        per_100k = (last[1] - first[1]) / max(1, last[0] - first[0]) * 100_000
        print(f"  from 10% to 90% of the stream: RSS {min(r for _, r in late):.0f}-{max(r for _, r in late):.0f} MiB; "
              f"change {last[1] - first[1]:+.0f} MiB over {last[0] - first[0]:,} documents "
              f"({per_100k:+.1f} MiB per 100,000)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters-limit", type=int, default=None)
    parser.add_argument("--skip-un", action="store_true")
    parser.add_argument("--replicate", type=int, default=0)
    parser.add_argument("--replicate-only", action="store_true", help="only the replicated stream")
    parser.add_argument("--rounds", type=int, default=1, help="measure every configuration this many times "
                        "(ratios within a round, then their median)")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} not found (the shared/ folder sits beside the project)")
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-scale-"))
    stories = read_stories(limit=args.reuters_limit)
    corpus = work / "reuters.jsonl"  # a temporary JSON Lines copy for the loader; deleted with the work folder
    with corpus.open("w", encoding="utf-8") as fh:
        for s in stories:
            fh.write(json.dumps({"doc_id": s["doc_id"], "text": s["text"], "title": s["title"],
                                 "date": iso_date(s["date"])}) + "\n")
    if not args.replicate_only:
        measure("Reuters-21578", corpus, [], [s["text"] for s in stories], work, rounds=args.rounds)
    if not args.skip_un and not args.replicate_only:
        import analysis

        un = SHARED / "un_general_debate"
        docs = analysis.load(un, filename_pattern="{country}_{session}_{year}", recursive=True)
        measure("UN General Debate 2022-2024", un, ["--filename-pattern", "{country}_{session}_{year}",
                                                    "--recursive"], list(docs["text"]), work, rounds=args.rounds)
    if args.replicate:
        replicate(args.replicate, stories, work)
        shutil.rmtree(work / "replicate-cache", ignore_errors=True)  # its partitions are not needed after
    print(f"\nwork folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
