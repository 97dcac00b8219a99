"""Report generation speed on the seeds: the suite, its floor, and the naive way.

    python benchmarks/reports.py [--jobs N]

(a) the full suite as `python -m analysis report --no-cache` runs it (tables once,
    notebooks in parallel worker processes, HTML exported in-process);
(b) the floor: the same number of trivial notebooks through the same kernel start and
    HTML export, with the same workers;
(c) the naive way: for each report, the papermill CLI then the `jupyter nbconvert` CLI,
    one after another (each notebook computing nothing more than in (a));
(d) a warm re-run of (a) with nothing changed.
Targets on 2 cores: (a) <= 1.5 x (b); (a) at least 3x faster than (c); (d) < 0.1 x (a).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent


def timed(cmd: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kw)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    from analysis.report.execute import Task, execute_task
    from analysis.report.notebooks import declared_parameters
    from analysis.report.render import KERNEL_NAME

    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    seeds = ROOT / "seeds"
    out_a = work / "a"
    cmd = [PY, "-m", "analysis", "report", "--corpus", str(seeds), "--out", str(out_a), "--quiet", "--no-cache",
           "--jobs", str(args.jobs)]
    a = timed(cmd)
    manifest = json.loads((out_a / "manifest.json").read_text())
    runs = [r for r in manifest["reports"]]
    d = timed(cmd[:-3] + ["--jobs", str(args.jobs)])  # same command without --no-cache: warm

    # (b) floor: trivial notebooks, same count, same kernel, same export, same workers.
    floor_dir = work / "b"
    (floor_dir / "books").mkdir(parents=True)
    trivial = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("corpus = ''\ntables_dir = ''",
                                                                        metadata={"tags": ["parameters"]}),
                                              nbformat.v4.new_code_cell("1 + 1")])
    trivial.metadata = {"kernelspec": {"name": KERNEL_NAME, "display_name": KERNEL_NAME, "language": "python"}}
    tasks = []
    for i in range(len(runs)):
        path = floor_dir / "books" / f"{i:02d}_trivial.ipynb"
        nbformat.write(trivial, path)
        tasks.append(Task(str(path), path.stem, {}, ""))
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=args.jobs) as pool:
        list(pool.map(execute_task, tasks, [str(floor_dir)] * len(tasks), [KERNEL_NAME] * len(tasks),
                      [False] * len(tasks), [[]] * len(tasks)))
    b = time.perf_counter() - start

    # (c) naive: papermill CLI then nbconvert CLI per report, one after another.
    naive = work / "c"
    naive.mkdir()
    start = time.perf_counter()
    for r in runs:
        book = ROOT / "notebooks" / f"{r['name'].split('__')[0]}.ipynb"
        declared = declared_parameters(book)
        params = []
        for k, v in r["parameters"].items():
            if k in declared:
                params += ["-p", k, str(v)]
        executed = naive / f"{r['name']}.ipynb"
        subprocess.run([str(BIN / "papermill"), str(book), str(executed), "-k", KERNEL_NAME, "--cwd",
                        str(book.parent), *params], check=True, capture_output=True)
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)], check=True,
                       capture_output=True)
    c = time.perf_counter() - start

    print(f"{len(runs)} reports on the seeds, {args.jobs} worker(s)")
    print(f"(a) suite, cold (--no-cache):      {a:7.1f} s")
    print(f"(b) floor, trivial notebooks:       {b:7.1f} s   (a)/(b) = {a / b:.2f}  (target <= 1.5)")
    print(f"(c) naive papermill + nbconvert CLI: {c:6.1f} s   (c)/(a) = {c / a:.2f}  (target >= 3)")
    print(f"(d) warm re-run:                    {d:7.1f} s   (d)/(a) = {d / a:.3f} (target < 0.1)")
    print(f"work folder: {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
