"""Notebooks run one after another on one kernel give the pages single runs give.

The fixture notebook (``tests/data/notebooks/01_leaky.ipynb``) warns (a warning Python shows
once per place), prints its module name and which names of the run before it it can see,
ends on a value (an output carrying the kernel's execution count), and fails or kills its
kernel for chosen document ids.
"""

import psutil
import pytest

from analysis.report.execute import Task, execute_task, run_on_one_kernel
from analysis.report.render import kernel_name

from conftest import ROOT

BOOK = ROOT / "tests" / "data" / "notebooks" / "01_leaky.ipynb"


def tasks(ids: list[str]) -> list[Task]:
    return [Task(str(BOOK), f"01_leaky__{d}", {"doc_id": d}, "", doc_id=d, title=f"Leaky: {d}", heading=d)
            for d in ids]


def _all_kernels() -> set[psutil.Process]:
    found = set()
    for p in psutil.Process().children(recursive=True):
        try:
            if "ipykernel" in " ".join(p.cmdline()):
                found.add(p)
        except psutil.Error:  # ended while listed
            pass
    return found


@pytest.fixture
def kernels():
    """The kernels this test started (another test in this process may still be stopping one)."""
    before = _all_kernels()
    return lambda: sorted(_all_kernels() - before, key=lambda p: p.pid)


@pytest.mark.notebook
def test_pages_on_a_shared_kernel_are_the_pages_of_single_runs(tmp_path, kernels):
    ids = ["a", "b", "fails", "c", "dies", "e"]
    kernel = kernel_name()
    shared = {t.doc_id: r for t, r in run_on_one_kernel(tasks(ids), str(tmp_path / "shared"), kernel, False)}
    assert {d: r.status for d, r in shared.items()} == {"a": "ok", "b": "ok", "fails": "failed", "c": "ok",
                                                        "dies": "failed", "e": "ok"}
    assert "this document fails" in shared["fails"].error and "kernel" in shared["dies"].error
    assert kernels() == []  # the shared kernel is shut down, and so are those of the re-runs
    # Compared where the shared kernel ran something first: after a page, a failure, a death.
    for task in tasks(["b", "c", "e"]):
        execute_task(task, str(tmp_path / "single"), kernel, False)
        page = (tmp_path / "shared" / f"{task.name}.html").read_text(encoding="utf-8")
        assert page == (tmp_path / "single" / f"{task.name}.html").read_text(encoding="utf-8"), task.doc_id
    # "b" ran right after "a" on the same kernel and saw none of its names, and the warning again.
    page = (tmp_path / "shared" / "01_leaky__b.html").read_text()
    assert "document b: names from before: []" in page and "module __main__" in page and "shown once" in page
    # Only the failed runs were done again on a kernel of their own (they have a log of their
    # own): after each, the next run had a fresh shared kernel.
    alone = sorted(p.stem for p in (tmp_path / "shared" / "notebooks").glob("01_leaky__*.log"))
    assert alone == ["01_leaky__dies", "01_leaky__fails"]


@pytest.mark.notebook
def test_the_shared_kernel_stops_when_the_runs_stop_early(tmp_path, kernels):
    runs = run_on_one_kernel(tasks(["a", "b"]), str(tmp_path), kernel_name(), False)
    next(runs)
    assert len(kernels()) == 1
    runs.close()  # what an interrupted worker does
    assert kernels() == []
