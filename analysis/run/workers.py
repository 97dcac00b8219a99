"""Process pools that stop cleanly on Ctrl-C.

Ctrl-C sends SIGINT to the whole process group: without care, every pool worker prints a
``KeyboardInterrupt`` traceback, a notebook kernel interrupts its cell (and the report of
the interrupted notebook is rendered as a failure), and the parent then waits for the
partitions or notebooks already queued. Here workers leave the terminal's process group
and ignore SIGINT, so it reaches the parent alone, and the parent, on any error,
cancels what is queued and sends the running workers SIGTERM, which they turn into
``SystemExit`` so that their ``finally`` blocks run (a temporary file removed, a notebook
kernel shut down) before they exit, without starting the work already handed to them.

>>> with WorkerPool(1) as pool:
...     pool.submit(pow, 2, 10).result()
1024
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

#: In a worker: SIGTERM arrived; nothing more is started, and the worker exits.
_STOPPING = False
#: In a worker: work is running (its finally blocks are to run before the worker exits).
_WORKING = False

#: The signals that stop a run (Ctrl-C, ``kill``, a closed terminal).
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM, signal.SIGHUP})


def _exit_on_terminate(signum, frame) -> None:
    global _STOPPING
    _STOPPING = True
    # What the work logs while it is stopped (papermill: "Kernel died while waiting for execute
    # reply", the kernel being stopped too) is noise after the run's one-line message.
    logging.disable(logging.CRITICAL)
    if not _WORKING:  # starting, or between two pieces of work: nothing to clean up, and no traceback
        os._exit(128 + signum)
    sys.exit(128 + signum)


def _guarded(fn: Callable, *args: Any) -> Any:
    # The pool's worker loop catches SystemExit (it sends every exception back), so the
    # worker leaves here, once the finally blocks inside fn have run.
    global _WORKING
    if _STOPPING:
        os._exit(143)
    _WORKING = True
    try:
        return fn(*args)
    finally:
        _WORKING = False
        if _STOPPING:
            os._exit(143)


def quiet_worker(initializer: Callable | None = None, *initargs: Any) -> None:
    """A pool initializer: Ctrl-C is the parent's to handle, SIGTERM exits through ``finally``;
    then ``initializer(*initargs)``."""
    try:
        os.setsid()  # a session of its own: the kernels a worker starts are out of the terminal's reach too
    except OSError:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _exit_on_terminate)
    # A pool may start its workers with these blocked (see NotebookWorkers); handled now, they
    # are unblocked, so that the kernels and programs a worker starts get them as usual.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    if initializer is not None:
        initializer(*initargs)


def start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (once per process) without its shutdown warnings.

    Workers stopped on Ctrl-C or SIGTERM may die holding a queue's semaphore that the parent
    has already unlinked; the tracker then prints "leaked semaphore objects" and "No such file"
    warnings after the one-line message. They say nothing a user can act on, so the tracker, and
    only it, starts with those warnings ignored (its environment is taken at its start)."""
    from multiprocessing import resource_tracker

    saved = os.environ.get("PYTHONWARNINGS")
    quiet = "ignore:resource_tracker:UserWarning"
    os.environ["PYTHONWARNINGS"] = f"{saved},{quiet}" if saved else quiet
    try:
        resource_tracker.ensure_running()
    finally:
        if saved is None:
            os.environ.pop("PYTHONWARNINGS", None)
        else:
            os.environ["PYTHONWARNINGS"] = saved


@contextlib.contextmanager
def stop_signals_held() -> Iterator[None]:
    """The stop signals held back for the block, then delivered.

    Blocked in this thread, so that a process started here inherits them blocked; and, in the
    main thread, their Python handlers deferred: a signal sent to the whole process (Ctrl-C to
    the process group) is delivered to any thread that does not block it, a pool's feeder
    thread say, and Python then runs the main thread's handler anyway, in the middle of the
    block (seen: a worker killed half-way through receiving its start-up data from here
    printed ``EOFError: Ran out of input``)."""
    held: list[int] = []
    saved: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in STOP_SIGNALS:
            saved[signum] = signal.signal(signum, lambda n, _frame: held.append(n))
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        yield
    finally:
        for signum, handler in saved.items():
            signal.signal(signum, signal.SIG_DFL if handler is None else handler)
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # a pending one arrives here, as usual
        if held:
            signal.raise_signal(held[0])


class WorkerPool:
    """A process pool of ``jobs`` quiet workers (see :func:`quiet_worker`), each started with
    ``initializer(*initargs)``. As a context manager it waits for the work at the end of the
    block, and stops at once (:meth:`stop`) when the block raises, Ctrl-C included."""

    def __init__(self, jobs: int, initializer: Callable | None = None, *initargs: Any, mp_context=None):
        start_resource_tracker()
        self._pool = ProcessPoolExecutor(max_workers=jobs, initializer=quiet_worker,
                                         initargs=(initializer, *initargs), mp_context=mp_context)

    def submit(self, fn: Callable, *args: Any) -> Future:
        # A submit may start a worker: it starts with the stop signals blocked (the mask is
        # inherited through fork and exec), since one that arrives before quiet_worker has set
        # its handlers kills it with a traceback. quiet_worker unblocks them; here they stay
        # pending until the submit returns, then arrive as usual.
        with stop_signals_held():
            return self._pool.submit(_guarded, fn, *args)

    def shutdown(self) -> None:
        self._pool.shutdown()

    def stop(self, *, timeout: float = 30.0) -> None:
        """Queued work cancelled, running workers terminated and waited for; a second Ctrl-C
        (or SIGTERM) meanwhile waits until they are, and then arrives."""
        with stop_signals_held():
            self._stop(timeout)

    def _stop(self, timeout: float) -> None:
        # ProcessPoolExecutor has no public way to stop running work before Python 3.14
        # (terminate_workers), so its private table of worker processes is used until then.
        processes = list((getattr(self._pool, "_processes", None) or {}).values())
        manager = getattr(self._pool, "_executor_manager_thread", None)
        calls = getattr(self._pool, "_call_queue", None)
        if calls is not None:
            # Work handed to the workers but not yet read sits in a pipe nobody will read once
            # they are gone; older CPythons' manager thread then waits for it forever (seen with
            # Debian 12's Python 3.11.2, not with 3.11.7). The queue's feeder is not waited for.
            calls.cancel_join_thread()
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(timeout)
        # The pool's manager thread sees its workers gone and ends; joining it here keeps it
        # from writing to a closed pipe at interpreter exit (a traceback after Ctrl-C).
        if manager is not None:
            manager.join(timeout)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.shutdown()
        else:
            self.stop()
