"""Report generation at corpus scale: the seeds' suite against its floor, and every article page
of the UN 2024 speeches and of 1,000 Reuters stories.

    python benchmarks/reports.py [--jobs N] [--rounds R] [--skip-naive] [--skip-scale]

Seeds (10 reports), each measured ``--rounds`` times, the median printed:
(a) the suite as `python -m analysis report --no-cache` runs it (tables, then the notebooks on
    a kernel per worker, pages exported in the workers), wall time of the whole command;
(b) the floor: as many trivial notebooks, each through its own kernel start, papermill and the
    HTML export, on the same number of workers (the floor the issue measured, 5.2 s);
(c) the naive way: for each report, the papermill CLI then the `jupyter nbconvert` CLI, one
    after another (once; skipped with --skip-naive);
(d) a warm re-run of (a) with nothing changed.
Scale (skipped with --skip-scale, or when ../shared/benchmarks is missing): the UN General
Debate 2024 speeches (192, read by file name) and the first 1,000 Reuters-21578 stories (with
their dates), each cold with every article page and then warm: seconds, pages, the average
article page, the whole report folder, peak memory of the process tree.
Targets on 2 cores: (a) <= 2 x (b); 1,000 documents with every page <= 180 s; average article
page <= 60 KB; the 1,000-document folder <= 100 MB; warm <= 5% of cold; memory < 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from reuters import read_stories  # noqa: E402
from scale import SHARED, iso_date, peak_rss_run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent


def report_cmd(corpus: Path, out: Path, jobs: int, *extra: str, cold: bool = True) -> list[str]:
    return [PY, "-m", "analysis", "report", "--corpus", str(corpus), "--out", str(out), "--quiet", "--jobs",
            str(jobs), *extra, *(["--no-cache"] if cold else [])]


def floor(n: int, jobs: int, work: Path) -> float:
    """n trivial notebooks, each on a kernel of its own, through papermill and the HTML export."""
    from analysis.report.execute import Task, execute_task
    from analysis.report.render import KERNEL_NAME

    books = work / "books"
    books.mkdir(parents=True, exist_ok=True)
    trivial = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("corpus = ''\ntables_dir = ''",
                                                                        metadata={"tags": ["parameters"]}),
                                              nbformat.v4.new_code_cell("1 + 1")])
    trivial.metadata = {"kernelspec": {"name": KERNEL_NAME, "display_name": KERNEL_NAME, "language": "python"}}
    tasks = []
    for i in range(n):
        path = books / f"{i:02d}_trivial.ipynb"
        nbformat.write(trivial, path)
        tasks.append(Task(str(path), path.stem, {}, ""))
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        list(pool.map(execute_task, tasks, [str(work)] * n, [KERNEL_NAME] * n, [False] * n))
    return time.perf_counter() - start


def naive(runs: list[dict], work: Path) -> float:
    """papermill CLI then nbconvert CLI per report, one after another."""
    from analysis.report.notebooks import declared_parameters
    from analysis.report.render import KERNEL_NAME

    work.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for r in runs:
        book = ROOT / "notebooks" / f"{r['name'].split('__')[0]}.ipynb"
        declared = declared_parameters(book)
        params = [x for k, v in r["parameters"].items() if k in declared for x in ("-p", k, str(v))]
        executed = work / f"{r['name']}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(book), str(executed), "-k", KERNEL_NAME, "--cwd",
                        str(book.parent), *params], check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], check=True,
                       capture_output=True)
    return time.perf_counter() - start


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2 ** 20


def seeds(args, work: Path) -> None:
    out = work / "seeds"
    cold, floors, warm = [], [], []
    for i in range(args.rounds):
        cold.append(peak_rss_run(report_cmd(ROOT / "seeds", out, args.jobs))[0])
        warm.append(peak_rss_run(report_cmd(ROOT / "seeds", out, args.jobs, cold=False))[0])
        floors.append(floor(10, args.jobs, work / f"floor{i}"))
    runs = json.loads((out / "manifest.json").read_text())["reports"]
    a, b, d = statistics.median(cold), statistics.median(floors), statistics.median(warm)
    print(f"Seeds: {len(runs)} reports, {args.jobs} worker(s), median of {args.rounds} round(s)")
    print(f"(a) suite, cold (--no-cache), whole command: {a:6.1f} s   rounds {', '.join(f'{x:.1f}' for x in cold)}")
    print(f"(b) floor, {len(runs)} trivial notebooks:           {b:6.1f} s   (a)/(b) = {a / b:.2f} (target <= 2)")
    if not args.skip_naive:
        c = naive(runs, work / "naive")
        print(f"(c) naive papermill + nbconvert CLI:        {c:6.1f} s   (c)/(a) = {c / a:.1f}")
    print(f"(d) warm re-run:                            {d:6.2f} s   (d)/(a) = {d / a:.3f} (target <= 0.05)")


def scale(name: str, corpus: Path, extra: list[str], jobs: int, work: Path) -> None:
    out = work / name
    seconds, mib = peak_rss_run(report_cmd(corpus, out, jobs, *extra))
    manifest = json.loads((out / "manifest.json").read_text())
    warm, warm_mib = peak_rss_run(report_cmd(corpus, out, jobs, *extra, cold=False))
    pages = sorted(out.glob("04_article__*.html"))
    failed = sum(r["status"] != "ok" for r in manifest["reports"])
    avg_kb = sum(p.stat().st_size for p in pages) / max(1, len(pages)) / 1024
    html_mb = sum(p.stat().st_size for p in out.glob("*.html")) / 2 ** 20
    print(f"\n{name}: {manifest['reports'] and len(pages)} article pages + "
          f"{len(manifest['reports']) - len(pages)} corpus reports, {failed} failed, {jobs} worker(s)")
    print(f"  cold: {seconds:6.1f} s (tables {manifest['tables']['seconds']:.1f} s), peak memory {mib:5.0f} MiB")
    print(f"  warm: {warm:6.2f} s = {warm / seconds:.1%} of cold, peak memory {warm_mib:5.0f} MiB")
    print(f"  article page: {avg_kb:5.1f} KB on average (largest {max(p.stat().st_size for p in pages) / 1024:.0f} KB)")
    print(f"  report folder: {folder_mb(out):6.1f} MB, of which pages {html_mb:.1f} MB, tables "
          f"{folder_mb(out / 'tables'):.1f} MB, spreadsheet copies {folder_mb(out / 'spreadsheet'):.1f} MB, "
          f"executed notebooks {folder_mb(out / 'notebooks'):.1f} MB, cache {folder_mb(out / '.cache'):.1f} MB")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-naive", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    seeds(args, work)
    if args.skip_scale:
        pass
    elif not SHARED.exists():
        print(f"\nscale skipped: {SHARED} not found (the shared/ folder sits beside the project)")
    else:
        scale("UN General Debate 2024", SHARED / "un_general_debate" / "session79_2024",
              ["--filename-pattern", "{country}_{session}_{year}"], args.jobs, work)
        corpus = work / "reuters1000.jsonl"  # a temporary copy for the loader; deleted with the work folder
        with corpus.open("w", encoding="utf-8") as fh:
            for s in read_stories(limit=1000):
                fh.write(json.dumps({"doc_id": s["doc_id"], "text": s["text"], "title": s["title"],
                                     "date": iso_date(s["date"])}) + "\n")
        scale("Reuters-21578, first 1,000 stories", corpus, [], args.jobs, work)
    shutil.rmtree(work / "naive", ignore_errors=True)
    print(f"\nwork folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
