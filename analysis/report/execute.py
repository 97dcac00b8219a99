"""One notebook run: papermill executes it into the output folder, then it is rendered.

A failing notebook is still rendered (with papermill's error cells); a kernel that does
not start is retried once. The executed notebook and the page are written under
temporary names and renamed when complete.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import replaced_file, write_atomic
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
def kernel_log(path: Path) -> Iterator[None]:
    """Send what the kernel writes to its standard error (its log: start-up notes, the
    interrupt jupyter_client sends before it shuts a kernel down) to ``path`` instead of the
    terminal. The kernel inherits this process's file descriptor 2, so that is what is
    redirected, for the duration of one notebook."""
    path.parent.mkdir(parents=True, exist_ok=True)
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with path.open("wb") as log:
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


def execute_task(task: Task, out_dir: str, kernel: str, with_code: bool) -> NotebookResult:
    """Run one notebook with papermill and render it (in a worker process)."""
    import papermill as pm  # two seconds to import: only where a notebook runs

    book, out = Path(task.book), Path(out_dir)
    title, summary = notebook_summary(book)
    if task.doc_id:
        title = f"{title}: {task.doc_id}"
    result = NotebookResult(name=task.name, title=title, summary=summary, parameters=task.parameters,
                            doc_id=task.doc_id)
    executed = out / "notebooks" / f"{task.name}.ipynb"
    start = time.perf_counter()
    with replaced_file(executed, suffix=".ipynb") as tmp, kernel_log(executed.with_suffix(".log")):
        for attempt in (1, 2):
            try:
                pm.execute_notebook(str(book), str(tmp), parameters=task.parameters, kernel_name=kernel,
                                    cwd=str(book.parent), progress_bar=False, log_output=False,
                                    config=kernel_config())
                break
            except pm.PapermillExecutionError as exc:
                result.status, result.error = "failed", failure(tmp, exc)
                break
            except Exception as exc:  # the kernel did not start or died: retry once
                if isinstance(exc, OSError) and exc.errno in DISK_ERRORS:  # not the kernel: stop, one line
                    raise
                if attempt == 2:
                    result.status, result.error = "failed", f"kernel: {type(exc).__name__}: {exc}"
                    if not tmp.stat().st_size:
                        shutil.copyfile(book, tmp)
    write_atomic(out / f"{task.name}.html", render_html(executed, with_code=with_code, tables=list(task.tables),
                                                         title=task.title or title, heading=task.heading))
    result.seconds = round(time.perf_counter() - start, 3)
    return result
