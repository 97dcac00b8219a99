"""Running the notebook suite with papermill and rendering HTML reports with nbconvert.

:func:`run_suite` computes the analysis tables once (``<out>/tables/*.csv``) and passes their
location to every notebook as the ``tables_dir`` parameter, so no kernel recomputes
them. Corpus-level notebooks run once; a notebook that declares a ``doc_id`` parameter
(``04_article``) runs once per document. Notebooks run in parallel worker processes
(``jobs``), each with one kernel it runs notebook after notebook on
(:func:`analysis.report.execute.run_on_one_kernel`); each is executed into
``<out>/notebooks/`` and rendered to ``<out>/<name>.html``;
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
from contextlib import ExitStack
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pandas as pd

from ..atomic import write_atomic
from ..config.codebooks import CODEBOOK_DIR
from ..config.inputs import RunInputs
from ..errors import UserError
from ..paths import NOTEBOOK_DIR, relative_to_project
from ..run.build import RUN_FILE, check_output_folder, run_tables, tables_intact
from ..run.hashing import digest, output_hashes, package_digest
from ..run.spreadsheet import SPREADSHEET_DIR, write_spreadsheet_copies
from ..run.tables import read_tables
from .execute import KERNELS_LOG, NotebookResult, NotebookWorkers, Task, run_on_one_kernel
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
    max_articles: int | None = None  # per-article pages for at most this many documents; None: all


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
    check_output_folder(out_dir, inputs)
    cache_dir = out_dir / ".cache"
    version = package_digest()
    jobs = max(1, inputs.engine.jobs or os.cpu_count() or 1)
    workers, kernel = None, KERNEL_NAME
    key, files = _tables_key(inputs, version)
    with ExitStack() as stack:
        if jobs > 1 and not _tables_cached(inputs, key, out_dir, cache_dir):
            # Tables to make means reports to run: the workers start (import papermill, compile
            # the page template) while the tables are made.
            kernel = kernel_name()
            workers = stack.enter_context(NotebookWorkers(jobs, str(out_dir), kernel, options.with_code))
        tables = _tables(inputs, out_dir, cache_dir, key, files)
        tasks = _plan(books, per_book, tables, version, options, corpus=Path(inputs.corpus.path))
        _spreadsheet_copies(tables, sorted({t for task in tasks for t in task.tables}), out_dir / SPREADSHEET_DIR,
                            cache_dir / "spreadsheet.json")
        results, todo = _reuse(tasks, out_dir, cache_dir, no_cache=inputs.engine.no_cache)
        if inputs.engine.progress:
            print(f"running {len(todo)} notebook(s) ({len(tasks) - len(todo)} reused) with {jobs} worker(s) ...",
                  file=sys.stderr)
        if todo and workers is None:
            kernel = kernel_name()
            if jobs > 1 and len(todo) > 1:
                workers = stack.enter_context(NotebookWorkers(min(jobs, len(todo)), str(out_dir), kernel,
                                                              options.with_code))
        results += _execute_all(todo, out_dir, kernel, options.with_code, workers, cache_dir,
                                progress=inputs.engine.progress)
    order = {t.name: i for i, t in enumerate(tasks)}
    results.sort(key=lambda r: order[r.name])
    overrides_used = {k: v for b in per_book.values() for k, v in b.items()}
    corpus = str(inputs.corpus.path)
    write_atomic(out_dir / "index.html", index_html(results, tables.documents, corpus=corpus,
                                                    overrides=overrides_used, max_articles=options.max_articles))
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
    """The corpus files and the researcher's rule files, with their SHA-256 (only what lies
    inside the corpus folder: a link to a file elsewhere is never read)."""
    corpus = Path(inputs.corpus.path)
    if corpus.is_dir():
        root = corpus.resolve()
        files = sorted((p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".csv", ".yaml",
                                                                                             ".yml")
                        and (p.resolve() == root or root in p.resolve().parents)), key=lambda p: p.as_posix())
    else:
        files = [corpus]
    hashes = {}
    for p in [*files, *inputs.rule_files()]:
        try:
            hashes[p.as_posix()] = hashlib.sha256(p.read_bytes()).hexdigest()
        except OSError as exc:
            raise UserError(f"{p}: cannot read ({exc.strerror})") from None
    return hashes


def _tables_key(inputs: RunInputs, version: str) -> tuple[str, dict[str, str]]:
    """The key of the run's tables (what they depend on: code, input files, reading options)
    and the input files with their SHA-256."""
    files = _input_files(inputs)
    reading = {k: v for k, v in asdict(inputs.corpus).items() if k != "path"}
    return digest(version, json.dumps(files, sort_keys=True), json.dumps(reading, sort_keys=True)), files


def _tables_cached(inputs: RunInputs, key: str, out_dir: Path, cache_dir: Path) -> bool:
    """Whether the tables in the output folder are those of ``key``, intact."""
    key_file = cache_dir / "tables.key"
    return (not inputs.engine.no_cache and key_file.exists() and key_file.read_text() == key
            and tables_intact(out_dir / "tables"))


def _tables(inputs: RunInputs, out_dir: Path, cache_dir: Path, key: str, files: dict[str, str]) -> _Tables:
    """The tables for the run: reused when nothing they depend on changed, else computed."""
    folder = out_dir / "tables"
    key_file = cache_dir / "tables.key"
    start = time.perf_counter()
    cached = _tables_cached(inputs, key, out_dir, cache_dir)
    if not cached:
        # Streams the corpus in partitions on a process pool; validates it before any output.
        # One line when done instead of a progress bar: the report's log is a line per step.
        engine = replace(inputs.engine, cache_dir=cache_dir / "partitions", engine="local", progress=False)
        _, stats = run_tables(replace(inputs, engine=engine), folder)
        write_atomic(key_file, key)
        if inputs.engine.progress:
            print(f"tables: {stats.documents} documents in {stats.partitions} partition(s) "
                  f"({stats.cached_partitions} from the cache) in {stats.seconds:.1f} s", file=sys.stderr)
        if stats.skipped:
            print(stats.skipped_note(), file=sys.stderr)
    documents = read_tables(folder, ("documents",))["documents"]
    rules = digest(json.dumps(json.loads((folder / RUN_FILE).read_text())["rules"], sort_keys=True))
    return _Tables(folder, documents, key, cached, round(time.perf_counter() - start, 3), files, rules)


def _spreadsheet_copies(tables: _Tables, names: list[str], folder: Path, stamp: Path) -> None:
    """The spreadsheet-safe copies of the tables the reports link to, made again when the
    tables were (a copy is never older than its table) or when one is not as written."""
    recorded = json.loads(stamp.read_text()) if tables.cached and stamp.exists() else {}
    current = output_hashes(folder, names)
    stale = [n for n in names if n not in current or recorded.get(n) != current[n]]
    write_spreadsheet_copies(tables.folder, stale, folder)
    write_atomic(stamp, json.dumps(output_hashes(folder, names), sort_keys=True))


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
            # One report per article (the first max_articles of them when that is set); -P doc_id=... picks one.
            ids = documents["doc_id"]
            if options.max_articles is not None:
                ids = ids.head(options.max_articles)
            chosen = [per_book[book]["doc_id"]] if "doc_id" in per_book[book] else list(ids)
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
        if not no_cache and stamp.exists():
            cached = json.loads(stamp.read_text())
            # Kept only as it was written: a page deleted, truncated or edited since is made again.
            if cached.get("key") == task.key and cached.get("page") == output_hashes(out_dir, [f"{task.name}.html"]):
                results.append(NotebookResult(**{**cached["result"], "cached": True}))
                continue
        todo.append(task)
    return results, todo


class Progress:
    """How the runs are reported as they end, on standard error: in a terminal, one progress
    bar (tqdm) with a line above it for each corpus report and each failure; in a log (not a
    terminal), the same lines, and for the article pages a line at every tenth of them.

    >>> import io
    >>> log = io.StringIO()
    >>> p = Progress(3, 2, enabled=True, stream=log)
    >>> for name, doc in [("00_corpus", ""), ("04_article__a", "a"), ("04_article__b", "b")]:
    ...     p.done(Task("", name, {}, "", doc_id=doc), NotebookResult(name, "", "", seconds=1.0))
    >>> print(log.getvalue(), end="")
      00_corpus: ok, 1.0 s
      article pages: 1 of 2
      article pages: 2 of 2
    """

    def __init__(self, runs: int, pages: int, *, enabled: bool, stream=None):
        from tqdm import tqdm

        self._stream = stream or sys.stderr
        self._enabled, self._pages, self._pages_done = enabled, pages, 0
        self._terminal = enabled and self._stream.isatty()
        self.bar = tqdm(total=runs, unit="page", desc="reports", disable=not self._terminal or not runs,
                        file=self._stream, dynamic_ncols=True)

    def done(self, task: Task, r: NotebookResult) -> None:
        if not self._enabled:
            return
        if not task.doc_id or r.status != "ok":
            self._line(f"  {r.name}: {r.status}" + (f" ({r.error})" if r.error else "") + f", {r.seconds:.1f} s")
        if task.doc_id:
            self._pages_done += 1
            step = max(1, -(-self._pages // 10))
            if not self._terminal and (self._pages_done % step == 0 or self._pages_done == self._pages):
                self._line(f"  article pages: {self._pages_done} of {self._pages}")
        self.bar.update()

    def _line(self, text: str) -> None:
        if self._terminal:
            self.bar.write(text, file=self._stream)
        else:
            print(text, file=self._stream, flush=True)


def hand_out_order(todo: list[Task], last_seconds: dict[str, float]) -> list[Task]:
    """The order the workers take the runs in: corpus reports before article pages (few and
    long, then many and short, so the workers end together), and among the corpus reports the
    longest first by the time each took in the last run (``manifest.json``), the others
    after them in notebook order.

    >>> runs = [Task("", n, {}, "", doc_id=d) for n, d in [("00_a", ""), ("04_x__1", "1"), ("05_v", "")]]
    >>> [t.name for t in hand_out_order(runs, {"00_a": 1.5, "05_v": 3.0})]
    ['05_v', '00_a', '04_x__1']
    """
    position = {t.name: i for i, t in enumerate(todo)}
    reports = sorted((t for t in todo if not t.doc_id),
                     key=lambda t: (-last_seconds.get(t.name, -1.0), position[t.name]))
    return reports + [t for t in todo if t.doc_id]


def _last_seconds(out_dir: Path) -> dict[str, float]:
    """How long each report took in the last run into ``out_dir`` (none before the first)."""
    try:
        reports = json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))["reports"]
        return {r["name"]: float(r["seconds"]) for r in reports}  # a reused report: when it ran
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _execute_all(todo: list[Task], out_dir: Path, kernel: str, with_code: bool, workers: NotebookWorkers | None,
                 cache_dir: Path, *, progress: bool) -> list[NotebookResult]:
    """Run the notebooks, corpus reports first (they take longest), then the article pages, on
    ``workers`` or, without them, here on one kernel; each report is stamped in the cache as it
    ends (after Ctrl-C, the next run redoes only the rest), with one progress bar for them all."""
    if not todo:
        return []
    write_atomic(out_dir / "notebooks" / KERNELS_LOG, "")  # this run's; each kernel appends to it
    for task in todo:  # a log of its own is written again only if the notebook is re-run alone
        (out_dir / "notebooks" / f"{task.name}.log").unlink(missing_ok=True)
    ordered = hand_out_order(todo, _last_seconds(out_dir))
    results: list[NotebookResult] = []
    bar = Progress(len(todo), sum(bool(t.doc_id) for t in todo), enabled=progress)

    def finished(task: Task, r: NotebookResult) -> None:
        bar.done(task, r)
        results.append(r)
        if r.status == "ok":
            page = output_hashes(out_dir, [f"{task.name}.html"])
            write_atomic(cache_dir / f"{task.name}.json", json.dumps({"key": task.key, "result": asdict(r),
                                                                      "page": page}, sort_keys=True))

    with bar.bar:
        if workers is None:
            for task, result in run_on_one_kernel(ordered, str(out_dir), kernel, with_code):
                finished(task, result)
        else:
            workers.run(ordered, finished)
    return results


__all__ = ["run_suite", "SuiteOptions"]
