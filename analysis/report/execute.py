"""One notebook run: papermill executes it into the output folder, then it is rendered.

A failing notebook is still rendered (with papermill's error cells); a kernel that does
not start is retried once. The executed notebook and the page are written under
temporary names and renamed when complete.
"""

from __future__ import annotations

import shutil
import time
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


def execute_task(task: Task, out_dir: str, kernel: str, with_code: bool, tables: list[str]) -> NotebookResult:
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
    with replaced_file(executed, suffix=".ipynb") as tmp:
        for attempt in (1, 2):
            try:
                pm.execute_notebook(str(book), str(tmp), parameters=task.parameters, kernel_name=kernel,
                                    cwd=str(book.parent), progress_bar=False, log_output=False)
                break
            except pm.PapermillExecutionError as exc:
                result.status, result.error = "failed", f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
                break
            except Exception as exc:  # the kernel did not start or died: retry once
                if attempt == 2:
                    result.status, result.error = "failed", f"kernel: {type(exc).__name__}: {exc}"
                    if not tmp.stat().st_size:
                        shutil.copyfile(book, tmp)
    write_atomic(out / f"{task.name}.html", render_html(executed, with_code=with_code, tables=tables))
    result.seconds = round(time.perf_counter() - start, 3)
    return result
