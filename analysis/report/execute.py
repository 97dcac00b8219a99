"""One notebook run: papermill executes it into the output folder, then it is rendered.

A failing notebook is still rendered (with papermill's error cells); a kernel that does
not start is retried once. The executed notebook and the page are written under
temporary names and renamed when complete.
"""

from __future__ import annotations

import errno
import itertools
import json
import os
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import replaced_file, write_atomic
from ..errors import UserError
from .notebooks import notebook_summary
from .render import render_html


@dataclass
class NotebookResult:
    name: str
    title: str
    summary: str
    status: str = "ok"
    error: str = ""
    seconds: float = 0.0
    parameters: dict = field(default_factory=dict)
    doc_id: str = ""
    cached: bool = False


@dataclass
class Task:
    """One notebook run: which notebook, with which parameters, into which report name."""

    book: str
    name: str
    parameters: dict
    key: str
    doc_id: str = ""
    title: str = ""  # the page's <title>
    heading: str = ""  # for a page about one document: its heading (the document's title)
    tables: tuple[str, ...] = ()  # the CSV tables the notebook reads, linked from the page


#: A failure is told in one line of at most this many characters.
MAX_ERROR = 300


def failure(executed: Path, exc) -> str:
    """One line for a failed notebook: the cell, the section it is in, and the error."""
    section = ""
    try:
        cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError):
        cells = []
    for cell in cells:
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            section = next((line[3:].strip() for line in source.splitlines() if line.startswith("## ")), section)
        elif cell.get("execution_count") == exc.exec_count:
            break
    message = " ".join(str(exc.evalue).split())
    where = f"cell {exc.exec_count}" + (f" (section {section!r})" if section else "")
    line = f"{where}: {exc.ename}: {message}"
    return line if len(line) <= MAX_ERROR else line[:MAX_ERROR - 1] + "…"


@contextmanager
def kernel_log(path: Path, *, append: bool = False) -> Iterator[None]:
    """Send what the kernel writes to its standard error (its log: start-up notes, the
    interrupt jupyter_client sends before it shuts a kernel down) to ``path`` instead of the
    terminal. The kernel inherits this process's file descriptor 2, so that is what is
    redirected, for the duration of one notebook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with path.open("ab" if append else "wb") as log:
            os.dup2(log.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
    finally:
        os.close(saved)


#: Errors writing the executed notebook: the run stops with one line (a report from a
#: truncated notebook would be worse than none).
DISK_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EFBIG})


def kernel_config():
    """Encrypted kernel sockets (CurveZMQ keys the kernel manager makes for the kernel): nothing
    goes over local TCP in plain text, and the kernel does not warn about it in the log."""
    import zmq
    from traitlets.config import Config

    return Config({"KernelManager": {"transport_encryption": "auto"}}) if zmq.has("curve") else Config()


def import_papermill():
    """papermill, imported in 0.5 s instead of 1.8 s: jsonschema (which nbformat imports)
    compiles the grammars of the optional rfc3987-syntax package when it is imported, for the
    "iri" string format, which the notebook schema never uses. A ``None`` in ``sys.modules``
    makes that import fail, and jsonschema, which imports it inside ``suppress(ImportError)``,
    leaves that one format unchecked. Done only before jsonschema is first imported in the
    process (a report worker or the runner), never behind a module that already uses it."""
    if "jsonschema" not in sys.modules:
        sys.modules.setdefault("rfc3987_syntax", None)
    import papermill

    return papermill


def execute_task(task: Task, out_dir: str, kernel: str, with_code: bool) -> NotebookResult:
    """Run one notebook with papermill and render it (in a worker process)."""
    executed = Path(out_dir) / "notebooks" / f"{task.name}.ipynb"
    with kernel_log(executed.with_suffix(".log")):
        return _run(task, Path(out_dir), kernel, with_code)


#: Where the shared kernels write their log (one file; each kernel appends to it).
KERNELS_LOG = "kernels.log"


def run_on_one_kernel(tasks: Iterable[Task], out_dir: str, kernel: str,
                      with_code: bool) -> Iterator[tuple[Task, NotebookResult]]:
    """Run notebooks one after another on one kernel, rendering each page, and yield each
    task with its result as it ends: papermill as in :func:`execute_task`, without a kernel
    start and the imports each time (:mod:`analysis.report.kernels`). ``tasks`` may be a
    queue's iterator, read as the runs go.

    A run that fails, or whose kernel dies, is done again on a kernel of its own, so that
    its page, error cells included, is the one a single run gives; the next run gets a
    fresh shared kernel."""
    from .kernels import restart, shared_kernel

    import_papermill()
    out = Path(out_dir)
    log = out / "notebooks" / KERNELS_LOG
    with shared_kernel(kernel, kernel_config()) as engine:
        for task in tasks:
            # What the kernel writes cannot be told apart by notebook: one log for the kernels
            # (the kernel keeps the file it was started with). Standard error is this process's
            # again between runs, for the progress the caller writes.
            with kernel_log(log, append=True):
                result = _run(task, out, kernel, with_code, engine=engine)
            if result.status != "ok":
                restart(engine)
                result = execute_task(task, out_dir, kernel, with_code)
            yield task, result


#: In a worker of :class:`NotebookWorkers`: the queue of runs to take and the queue of results.
_QUEUES: tuple = ()


def _start_worker(todo, done, parent: int) -> None:
    """A worker's initializer: the queues :func:`_serve` takes runs from and puts results on
    (inherited by the worker process, as multiprocessing queues must be), and the process id
    of the report runner."""
    global _QUEUES
    _QUEUES = (todo, done, parent)


def _runs(todo, parent: int) -> Iterator:
    """The runs from the queue until a ``None``, or until the report runner is gone (killed
    without the chance to stop its workers: the worker, a child of the runner, is then
    adopted by another process)."""
    import queue

    while os.getppid() == parent:
        try:
            task = todo.get(timeout=1.0)
        except queue.Empty:
            continue
        if task is None or os.getppid() != parent:
            return
        yield task


def _serve(out_dir: str, kernel: str, with_code: bool) -> None:
    """A worker's whole job: compile the page template (1 s), then take runs from the queue on
    one kernel (:func:`run_on_one_kernel`, which imports papermill before it waits for the
    first) and put each ``(task, result)`` on the results queue. The workers share the queue,
    so each takes the next run when it is free."""
    from .render import warm_up

    todo, done, parent = _QUEUES
    warm_up(with_code=with_code)
    for pair in run_on_one_kernel(_runs(todo, parent), out_dir, kernel, with_code):
        done.put(pair)
    if os.getppid() != parent:  # the runner is gone: its pool will not tell this worker to end
        os._exit(0)


class NotebookWorkers:
    """``jobs`` worker processes that run notebooks, each on one kernel of its own (a warm
    kernel pool), taking the next run from a shared queue when they are free. Started when
    made, so that their start-up overlaps what the parent does before it has runs to give;
    :meth:`run` hands them the runs, once. Stopped, kernels and all, when the block ends, at
    once if it ends on an error (Ctrl-C included).

    The runs are the parent's decision and the results come back as each run ends, so the
    progress bar and the stamps of finished reports move page by page."""

    def __init__(self, jobs: int, out_dir: str, kernel: str, with_code: bool):
        import multiprocessing

        from ..run.workers import WorkerPool, start_resource_tracker

        # Workers started afresh ("spawn"), not forked from this process: a worker forked from
        # here pays for copies of the pages of this process it writes to (measured under
        # `python -m analysis`: 150,000 page faults and 1 s of system time while importing
        # papermill, against 41,000 and 0.3 s from a fresh process).
        context = multiprocessing.get_context("spawn")
        start_resource_tracker()  # before the queues' semaphores register with it
        self._todo, self._done = context.Queue(), context.Queue()
        self._jobs = jobs
        self._pool = WorkerPool(jobs, _start_worker, self._todo, self._done, os.getpid(), mp_context=context)
        # A stop signal that arrives while the workers start (WorkerPool.submit holds it back
        # until then) stops them on the way out.
        self._ended = False
        try:
            self._futures = [self._pool.submit(_serve, out_dir, kernel, with_code) for _ in range(jobs)]
        except BaseException:
            self._abandon()
            raise

    def run(self, tasks: list[Task], finished) -> None:
        """Run ``tasks`` (handed out in this order), calling ``finished(task, result)`` as each
        ends. The queue holds a few runs ahead of the workers, never the whole list: what is in
        it when the run stops on an error is all that is left unread."""
        import queue
        from concurrent.futures.process import BrokenProcessPool

        pending = iter(tasks)
        left, handed = len(tasks), 0
        for task in itertools.islice(pending, 2 * self._jobs):
            self._todo.put(task)
            handed += 1
        if handed == len(tasks):
            self._end()
        while left:
            try:
                task, result = self._done.get(timeout=0.5)
            except queue.Empty:
                try:
                    for future in self._futures:
                        if future.done():
                            future.result()  # a worker that stopped on an error (a full disk) raises it here
                except BrokenProcessPool:
                    raise UserError(f"a report worker was killed (out of memory?) with {left} report(s) not "
                                    "made; run the report again to make them") from None
                if all(f.done() for f in self._futures) and self._done.empty():
                    raise UserError(f"the report workers ended with {left} report(s) not made; run the report "
                                    "again to make them") from None
                continue
            finished(task, result)
            left -= 1
            nxt = next(pending, None)
            if nxt is not None:
                self._todo.put(nxt)
                handed += 1
            if handed == len(tasks):
                self._end()
        for future in self._futures:
            future.result()

    def _end(self) -> None:
        """No more runs: one ``None`` per worker."""
        if not self._ended:
            self._ended = True
            for _ in range(self._jobs):
                self._todo.put(None)

    def __enter__(self) -> NotebookWorkers:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self._end()  # when no runs were handed out: the workers end
            self._pool.__exit__(exc_type, exc, tb)
        else:
            self._abandon()

    def _abandon(self) -> None:
        """Stop the workers without waiting for them: what they will not read is dropped, and
        this process does not wait at exit for the queues' feeder threads to write it."""
        for q in (self._todo, self._done):
            q.cancel_join_thread()
        self._pool.stop()


class _SharedRunFailed(Exception):
    """A run on the shared kernel failed: its notebook is not kept (the run is redone alone)."""


def _run(task: Task, out: Path, kernel: str, with_code: bool, *, engine: dict | None = None) -> NotebookResult:
    """Execute ``task`` into ``out/notebooks/`` and render its page into ``out``; on a kernel
    of its own, or with the papermill keyword arguments of a shared kernel (``engine``)."""
    pm = import_papermill()  # only where a notebook runs

    book = Path(task.book)
    title, summary = notebook_summary(book)
    if task.doc_id:
        title = f"{title}: {task.doc_id}"
    result = NotebookResult(name=task.name, title=title, summary=summary, parameters=task.parameters,
                            doc_id=task.doc_id)
    executed = out / "notebooks" / f"{task.name}.ipynb"
    start = time.perf_counter()
    try:
        with replaced_file(executed, suffix=".ipynb") as tmp:
            for attempt in (1, 2):
                try:
                    # Written once at the end (or at the failing cell), not after every cell.
                    pm.execute_notebook(str(book), str(tmp), parameters=task.parameters, kernel_name=kernel,
                                        cwd=str(book.parent), progress_bar=False, log_output=False,
                                        request_save_on_cell_execute=False, config=kernel_config(),
                                        **(engine or {}))
                    break
                except pm.PapermillExecutionError as exc:
                    if engine is not None:
                        raise _SharedRunFailed from exc
                    result.status, result.error = "failed", failure(tmp, exc)
                    break
                except Exception as exc:  # the kernel did not start or died: retry once
                    if isinstance(exc, OSError) and exc.errno in DISK_ERRORS:  # not the kernel: stop, one line
                        raise
                    if engine is not None:
                        raise _SharedRunFailed from exc
                    if attempt == 2:
                        result.status, result.error = "failed", f"kernel: {type(exc).__name__}: {exc}"
                        if not tmp.stat().st_size:
                            shutil.copyfile(book, tmp)
    except _SharedRunFailed:
        result.status = "failed"
        return result
    write_atomic(out / f"{task.name}.html", render_html(executed, with_code=with_code, tables=list(task.tables),
                                                         title=task.title or title, heading=task.heading))
    result.seconds = round(time.perf_counter() - start, 3)
    return result
