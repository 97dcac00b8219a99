"""Process pools stop at once on Ctrl-C: running work ends through its finally blocks,
queued work never starts, and a real ``tables`` run leaves one line and no output."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from analysis.run.workers import WorkerPool, stop_signals_held

from conftest import ROOT


def _slow(marker: str) -> str:
    Path(marker + ".started").write_text("")
    try:
        time.sleep(60)
    finally:
        Path(marker + ".cleaned").write_text("")
    return marker


def _ctrl_c_reaches_it() -> None:
    # A shell's background job starts with SIGINT ignored, and Python then keeps it ignored:
    # the command under test gets the default, as in a terminal.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _finish(proc: subprocess.Popen) -> tuple[str, str]:
    """The command's output once it exits; killed, with its process group, if it hangs."""
    try:
        return proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError("the command did not exit within 60 s of Ctrl-C") from None


def _wait_for(path: Path, timeout: float = 30.0) -> None:
    end = time.monotonic() + timeout
    while not path.exists():
        assert time.monotonic() < end, f"{path} never appeared"
        time.sleep(0.05)


def test_a_stop_signal_taken_by_another_thread_waits_for_the_held_block():
    """A signal sent to the process goes to any thread that does not block it; its Python
    handler (which runs in the main thread) still waits for the end of the block."""
    seen: list[str] = []
    go = threading.Event()
    sender = threading.Thread(target=lambda: (go.wait(10), os.kill(os.getpid(), signal.SIGTERM)))
    sender.start()  # before the block: this thread does not block the signal
    saved = signal.signal(signal.SIGTERM, lambda *_: seen.append("handled"))
    try:
        with stop_signals_held():
            go.set()
            sender.join()
            for _ in range(100):  # many chances for the handler to run early
                time.sleep(0.001)
            seen.append("end of block")
        assert seen == ["end of block", "handled"]
    finally:
        signal.signal(signal.SIGTERM, saved)


def test_stop_ends_running_work_through_finally_and_starts_nothing_queued(tmp_path):
    pool = WorkerPool(1)
    first, second = str(tmp_path / "first"), str(tmp_path / "second")
    pool.submit(_slow, first)
    pool.submit(_slow, second)
    _wait_for(Path(first + ".started"))
    start = time.monotonic()
    pool.stop()
    assert time.monotonic() - start < 10
    assert Path(first + ".cleaned").exists()
    time.sleep(0.5)
    assert not Path(second + ".started").exists()


def test_ctrl_c_during_tables_is_one_line_and_leaves_no_output(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    story = "Kenya said on Monday it supports the peace talks, the minister told reporters in Nairobi. " * 30
    with open(corpus, "w", encoding="utf-8") as fh:
        for i in range(3000):
            fh.write(json.dumps({"doc_id": f"d{i}", "text": f"Story {i}. {story}"}) + "\n")
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "analysis", "tables", "--corpus", str(corpus), "--out", str(out),
                             "--jobs", "2", "--partition-size", "50", "--quiet"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=_ctrl_c_reaches_it)
    partitions = out / ".cache" / "partitions"
    end = time.monotonic() + 120
    while not (partitions.is_dir() and any(partitions.iterdir())):  # the workers are busy
        assert proc.poll() is None and time.monotonic() < end, proc.stderr.read() if proc.poll() else "timeout"
        time.sleep(0.05)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert workers, "no worker processes"
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, err = _finish(proc)
    assert proc.returncode == 130
    assert err == "interrupted\n"
    assert sorted(p.name for p in out.iterdir()) == [".cache"]  # no table, no staging folder
    _, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == [], "worker processes left behind"


@pytest.mark.notebook
def test_ctrl_c_during_report_stops_kernels_and_the_next_run_resumes(tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "analysis", "report", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--quiet",
           "--jobs", "2", "--only", "00_corpus_overview", "03_timeline", "01_stance"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True,
                            preexec_fn=_ctrl_c_reaches_it)
    stamps = out / ".cache"
    end = time.monotonic() + 180
    while not list(stamps.glob("0*.json")):  # one report finished, others running
        assert proc.poll() is None and time.monotonic() < end, proc.stderr.read() if proc.poll() else "timeout"
        time.sleep(0.05)
    children = psutil.Process(proc.pid).children(recursive=True)  # workers and their kernels
    os.killpg(proc.pid, signal.SIGINT)
    _, err = _finish(proc)
    assert proc.returncode == 130 and err == "interrupted\n"
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == [], "worker or kernel processes left behind"
    finished = {p.stem for p in stamps.glob("0*.json")}
    pages = list(out.glob("*.html"))  # a page finished as Ctrl-C came may have no stamp yet: it is redone
    assert finished <= {p.stem for p in pages} and all(p.read_text().rstrip().endswith("</html>") for p in pages)
    assert not list(out.rglob(".*.ipynb")) and not list(out.rglob(".*.html"))  # no temporary file left
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    reports = json.loads((out / "manifest.json").read_text())["reports"]
    assert {r["name"] for r in reports if r["cached"]} == finished and len(reports) == 3


def _report(out: Path, *only: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "analysis", "report", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--quiet",
           "--jobs", "2", "--only", *only]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=_ctrl_c_reaches_it)


@pytest.mark.notebook
def test_ctrl_c_while_the_report_workers_start_is_one_line(tmp_path):
    """The report workers start (and the fork server they come from imports papermill) while
    the tables are made: Ctrl-C then is one line too, with nothing left running."""
    proc = _report(tmp_path / "out", "00_corpus_overview", "04_article")
    end = time.monotonic() + 60
    while len(psutil.Process(proc.pid).children(recursive=True)) < 3:  # fork server, workers, tables pool
        assert proc.poll() is None and time.monotonic() < end, proc.stderr.read() if proc.poll() else "timeout"
        time.sleep(0.02)
    children = psutil.Process(proc.pid).children(recursive=True)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = _finish(proc)
    assert proc.returncode == 130 and err == "interrupted\n"
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == [], "processes left behind"


@pytest.mark.notebook
def test_sigterm_to_the_report_stops_its_workers_and_kernels(tmp_path):
    """`kill PID` (or a closed terminal, a batch system's time limit) reaches the report
    runner alone: it stops its workers and their kernels as Ctrl-C does."""
    out = tmp_path / "out"
    proc = _report(out, "00_corpus_overview", "01_stance", "04_article")
    end = time.monotonic() + 180
    while not list((out / ".cache").glob("0*.json")):  # one report finished, others running
        assert proc.poll() is None and time.monotonic() < end, proc.stderr.read() if proc.poll() else "timeout"
        time.sleep(0.05)
    def kernel_children() -> list:
        found = []
        for c in psutil.Process(proc.pid).children(recursive=True):
            try:
                found.append((c, "ipykernel" in " ".join(c.cmdline())))
            except psutil.Error:  # a process that ended while it was listed
                pass
        return found

    children = kernel_children()
    while not any(k for _, k in children):  # a kernel may be between two notebooks' runs
        assert proc.poll() is None and time.monotonic() < end, "no kernel seen running"
        time.sleep(0.05)
        children = kernel_children()
    children = [c for c, _ in children]
    proc.terminate()
    _, err = _finish(proc)
    assert (proc.returncode, err) == (128 + signal.SIGTERM, "terminated\n")
    _, alive = psutil.wait_procs(children, timeout=10)
    assert alive == [], "worker or kernel processes left behind"
