"""Running the notebook suite with papermill and rendering HTML reports with nbconvert.

:func:`run_suite` computes the analysis tables once (``<out>/tables/*.csv``) and passes their
location to every notebook as the ``tables_dir`` parameter, so no kernel recomputes
them. Corpus-level notebooks run once; a notebook that declares a ``doc_id`` parameter
(``04_article``) runs once per document. Notebooks run in parallel worker processes
(``jobs``); each is executed into ``<out>/notebooks/`` and rendered to ``<out>/<name>.html``;
``<out>/index.html`` links every report with its status, and ``<out>/manifest.json``
records inputs, hashes, parameters, versions and timings.

Reproducible: the same inputs, code and parameters give byte-identical HTML and CSV.
Volatile facts (timings, clock time) go to the manifest only. A re-run reuses every
report whose inputs did not change; ``no_cache`` forces a cold run.

One failing notebook does not stop the others: its report is still rendered (with
papermill's error cells), the index marks it failed and the run exits with status 1.
Every output is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

from ..atomic import write_atomic
from ..config.codebooks import CODEBOOK_DIR
from ..config.inputs import RunInputs
from ..errors import UserError
from ..paths import NOTEBOOK_DIR, relative_to_project
from ..run.build import RUN_FILE, run_tables
from ..run.hashing import digest, package_digest
from ..run.tables import read_tables
from .execute import NotebookResult, Task, execute_task
from .index import git_commit, index_html, versions
from .notebooks import declared_parameters, discover, notebook_summary, resolve_parameters, tables_used
from .render import KERNEL_NAME, kernel_name


@dataclass
class SuiteOptions:
    """How the suite runs: which notebooks, with which parameters, into which pages."""

    only: list[str] | None = None
    overrides: dict[str, str] | None = None
    with_code: bool = False
    notebook_dir: Path = NOTEBOOK_DIR
    max_articles: int = 50


@dataclass
class _Tables:
    """The run's tables: where they are, their documents, what they were made from."""

    folder: Path
    documents: pd.DataFrame
    key: str
    cached: bool
    seconds: float
    inputs: dict[str, str]  # input file -> sha256
    rules: str  # hash of the rules the tables were made with

    @property
    def corpus_name(self) -> str:
        return Path(json.loads((self.folder / RUN_FILE).read_text())["inputs"]["corpus"]["path"]).name

    @property
    def files(self) -> list[str]:
        return sorted(p.name for p in self.folder.glob("*.csv"))


def run_suite(inputs: RunInputs, out_dir: str | Path, options: SuiteOptions | None = None) -> list[NotebookResult]:
    """Compute the tables, run every selected notebook, render HTML, the index and the manifest.

    The engine options of ``inputs`` apply to the tables (cache, jobs, progress) and to the
    notebooks (jobs)."""
    started = time.perf_counter()
    options = options or SuiteOptions()
    books = discover(options.notebook_dir, options.only)
    if not books:
        raise UserError(f"{options.notebook_dir}: no notebooks (NN_name.ipynb) found")
    per_book = resolve_parameters(books, options.overrides or {})  # before anything runs
    if not Path(inputs.corpus.path).exists():
        raise UserError(f"{inputs.corpus.path}: no such file or folder")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    cache_dir = out_dir / ".cache"
    version = package_digest()
    tables = _tables(inputs, out_dir, cache_dir, version)
    tasks = _plan(books, per_book, tables, version, options, corpus=Path(inputs.corpus.path))
    results, todo = _reuse(tasks, out_dir, cache_dir, no_cache=inputs.engine.no_cache)
    jobs = max(1, inputs.engine.jobs or os.cpu_count() or 1)
    if inputs.engine.progress:
        print(f"running {len(todo)} notebook(s) ({len(tasks) - len(todo)} reused) with {jobs} worker(s) ...",
              file=sys.stderr)
    kernel = kernel_name() if todo else KERNEL_NAME
    for task, r in zip(todo, _execute_all(todo, out_dir, kernel, options.with_code, jobs,
                                          progress=inputs.engine.progress)):
        results.append(r)
        if r.status == "ok":
            write_atomic(cache_dir / f"{task.name}.json", json.dumps({"key": task.key, "result": asdict(r)},
                                                                     sort_keys=True))
    order = {t.name: i for i, t in enumerate(tasks)}
    results.sort(key=lambda r: order[r.name])
    overrides_used = {k: v for b in per_book.values() for k, v in b.items()}
    corpus = str(inputs.corpus.path)
    write_atomic(out_dir / "index.html", index_html(results, tables.documents, corpus=corpus,
                                                    overrides=overrides_used))
    manifest = {
        "corpus": corpus, "inputs": tables.inputs,
        "codebooks": {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(CODEBOOK_DIR.glob("*.yaml"))},
        "code_version": version, "git_commit": git_commit(), "versions": versions(),
        "parameters": overrides_used, "with_code": options.with_code, "kernel": kernel, "jobs": jobs,
        "tables": {"cached": tables.cached, "seconds": tables.seconds, "files": tables.files},
        "reports": [{"name": r.name, "status": r.status, "error": r.error, "seconds": r.seconds, "cached": r.cached,
                     "parameters": r.parameters} for r in results],
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "total_seconds": round(time.perf_counter() - started, 3),
    }
    write_atomic(out_dir / "manifest.json", json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return results


def _input_files(inputs: RunInputs) -> dict[str, str]:
    """The corpus files and the researcher's rule files, with their SHA-256."""
    corpus = Path(inputs.corpus.path)
    files = sorted((p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".txt", ".csv", ".yaml", ".yml")),
                   key=lambda p: p.as_posix()) if corpus.is_dir() else [corpus]
    return {p.as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in [*files, *inputs.rule_files()]}


def _tables(inputs: RunInputs, out_dir: Path, cache_dir: Path, version: str) -> _Tables:
    """The tables for the run: reused when nothing they depend on changed, else computed."""
    files = _input_files(inputs)
    reading = {k: v for k, v in asdict(inputs.corpus).items() if k != "path"}
    key = digest(version, json.dumps(files, sort_keys=True), json.dumps(reading, sort_keys=True))
    folder = out_dir / "tables"
    key_file = cache_dir / "tables.key"
    start = time.perf_counter()
    cached = (not inputs.engine.no_cache and key_file.exists() and key_file.read_text() == key and folder.is_dir())
    if not cached:
        # Streams the corpus in partitions on a process pool; validates it before any output.
        # One line when done instead of a progress bar: the report's log is a line per step.
        engine = replace(inputs.engine, cache_dir=cache_dir / "partitions", engine="local", progress=False)
        _, stats = run_tables(replace(inputs, engine=engine), folder)
        write_atomic(key_file, key)
        if inputs.engine.progress:
            print(f"tables: {stats.documents} documents in {stats.partitions} partition(s) "
                  f"({stats.cached_partitions} from the cache) in {stats.seconds:.1f} s", file=sys.stderr)
    documents = read_tables(folder, ("documents",))["documents"]
    rules = digest(json.dumps(json.loads((folder / RUN_FILE).read_text())["rules"], sort_keys=True))
    return _Tables(folder, documents, key, cached, round(time.perf_counter() - start, 3), files, rules)


def _plan(books: list[Path], per_book: dict[Path, dict], tables: _Tables, version: str, options: SuiteOptions, *,
          corpus: Path) -> list[Task]:
    """Every notebook run, with its parameters and the key of what it depends on: a corpus
    report on the tables, an article report on its own text."""
    documents = tables.documents
    # Relative to the project folder, as notebooks read them: reports do not depend on where it lies.
    base_params = {"corpus": relative_to_project(corpus), "tables_dir": relative_to_project(tables.folder)}
    # An article's page depends on its own text and title and on the rules, not on the other articles.
    doc_hash = {d: digest(t, title) for d, t, title in zip(documents["doc_id"], documents["text"], documents["title"])}
    titles = dict(zip(documents["doc_id"], documents["title"]))
    available = set(tables.files)
    tasks: list[Task] = []
    for book in books:
        declared = declared_parameters(book)
        base = {k: v for k, v in {**base_params, **per_book[book]}.items() if k in declared}
        nb_hash = hashlib.sha256(book.read_bytes()).hexdigest()
        nb_title, _ = notebook_summary(book)
        used = tuple(f"{t}.csv" for t in tables_used(book) if f"{t}.csv" in available)
        if "doc_id" in declared:
            # One report per article, for the first max_articles of them (a large corpus would
            # otherwise get thousands of pages); -P doc_id=... picks one.
            chosen = [per_book[book]["doc_id"]] if "doc_id" in per_book[book] else \
                list(documents["doc_id"].head(options.max_articles))
            for doc_id in chosen:
                params = {**base, "doc_id": doc_id}
                key = digest(version, nb_hash, json.dumps(params, sort_keys=True), doc_hash.get(doc_id, ""),
                             tables.rules, str(options.with_code))
                heading = titles.get(doc_id) or doc_id
                name = f"{book.stem}__{doc_id}" if "doc_id" not in per_book[book] else book.stem
                tasks.append(Task(str(book), name, params, key, doc_id, title=f"{heading} ({nb_title})",
                                  heading=heading, tables=used))
        else:
            key = digest(version, nb_hash, json.dumps(base, sort_keys=True), tables.key, str(options.with_code))
            tasks.append(Task(str(book), book.stem, base, key, title=f"{nb_title}: {tables.corpus_name}",
                              tables=used))
    return tasks


def _reuse(tasks: list[Task], out_dir: Path, cache_dir: Path, *, no_cache: bool) -> tuple[list[NotebookResult],
                                                                                         list[Task]]:
    """(results of the reports that can be reused, the tasks still to run)."""
    results, todo = [], []
    for task in tasks:
        stamp = cache_dir / f"{task.name}.json"
        if not no_cache and stamp.exists() and (out_dir / f"{task.name}.html").exists():
            cached = json.loads(stamp.read_text())
            if cached.get("key") == task.key:
                results.append(NotebookResult(**{**cached["result"], "cached": True}))
                continue
        todo.append(task)
    return results, todo


def _execute_all(todo: list[Task], out_dir: Path, kernel: str, with_code: bool, jobs: int, *,
                 progress: bool) -> list[NotebookResult]:
    """Run the notebooks (in worker processes when there are several), one line each as they finish."""
    def said(r: NotebookResult) -> NotebookResult:
        if progress:
            print(f"  {r.name}: {r.status}" + (f" ({r.error})" if r.error else "") + f", {r.seconds:.1f} s",
                  file=sys.stderr, flush=True)
        return r

    args = [(t, str(out_dir), kernel, with_code) for t in todo]
    if jobs == 1 or len(todo) <= 1:
        return [said(execute_task(*a)) for a in args]
    with ProcessPoolExecutor(max_workers=min(jobs, len(todo))) as pool:
        futures = [pool.submit(execute_task, *a) for a in args]
        for future in as_completed(futures):
            said(future.result())
        return [f.result() for f in futures]


__all__ = ["run_suite", "SuiteOptions"]
