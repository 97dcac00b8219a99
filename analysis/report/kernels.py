"""One kernel for many runs of one notebook: the article pages of a corpus.

Papermill runs a notebook on a kernel it starts and shuts down. For the article notebook,
run once per document, that start (a Python process importing pandas and the package) is
most of the time a page takes. :func:`shared_kernel` registers a papermill engine that
executes on a kernel started once, so every document still goes through papermill (the
same parameter injection, cell metadata, error cells and output notebook) and only the
kernel is kept between them.

Before each run on a kernel that has run a notebook, its namespace is emptied
(:data:`RESET`): a run sees none of the names the last one left, only the modules it
imported, already imported (which is the point: pandas, matplotlib and the package load
once per kernel). The report runner re-runs a notebook whose run failed on a kernel of its
own (:func:`analysis.report.execute.execute_batch`). So a page is what a single papermill
run gives: ``tests/report/test_report.py`` compares them byte for byte, for the article
pages and for corpus reports that ran after other notebooks on one kernel.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

#: The papermill engine name of the shared kernel.
ENGINE = "diplomatic-news-shared-kernel"


@dataclass
class SharedKernel:
    """A kernel kept between runs: its manager, and the client the runs talk to it through
    (made by the first run; a client of its own for each run would cost 0.2 s each, the time
    jupyter_client waits for a new client's channels to fall quiet)."""

    kernel: str
    config: object
    km: object = None
    kc: object = None

    def __post_init__(self):
        self.new_manager()

    def new_manager(self) -> None:
        """A kernel manager that has started nothing: a stopped one cannot start again (its
        ZeroMQ context is gone with its kernel)."""
        from jupyter_client.manager import AsyncKernelManager

        self.km = AsyncKernelManager(kernel_name=self.kernel, config=self.config)


def _engine_class():
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import Engine
    from papermill.log import logger

    class ResettingClient(PapermillNotebookClient):
        """papermill's client, emptying the namespace of a kernel that ran a notebook before."""

        reset_first = False

        def papermill_execute_cells(self):
            if self.reset_first:
                reply = self.wait_for_reply(self.kc.execute(RESET, silent=True, store_history=False))
                if reply is None or reply["content"].get("status") != "ok":
                    raise RuntimeError("the kernel could not empty its namespace")
            super().papermill_execute_cells()

    class SharedKernelEngine(Engine):
        """papermill's nbclient engine on a kernel it is given (``shared``) and does not own."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, *, shared: SharedKernel, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60, execution_timeout=None,
                                     **kwargs):
            kwargs = {k: v for k, v in kwargs.items() if k not in ("input_path", "timeout", "startup_timeout")}
            client = ResettingClient(nb_man, km=shared.km, timeout=execution_timeout, startup_timeout=start_timeout,
                                     kernel_name=kernel_name, log=logger, log_output=log_output,
                                     stdout_file=stdout_file, stderr_file=stderr_file, **kwargs)
            client.reset_first = shared.km.has_kernel
            client.kc = shared.kc  # None for the first run, which starts the kernel and the client
            try:
                return client.execute()
            finally:
                shared.kc = client.kc

    return SharedKernelEngine


#: Deletes every name a notebook made (IPython's own and the module's ``__name__``,
#: ``__builtins__`` and the like stay), not the modules in ``sys.modules``; and lets a warning
#: shown once per place be shown again, as in a new kernel. It is what ``%reset -f`` does to
#: the namespace, without the garbage collection and history reset that take that magic 70 ms,
#: a third of an article page.
RESET = ("[get_ipython().user_ns.pop(_name) for _name in [_name for _name in get_ipython().user_ns "
         "if _name not in get_ipython().user_ns_hidden and not (_name.startswith('__') and _name.endswith('__'))]]; "
         "__import__('warnings')._filters_mutated()")


@contextmanager
def shared_kernel(kernel: str, config) -> Iterator[dict]:
    """The papermill keyword arguments that run a notebook on one kernel of ``kernel``,
    started by the first run (in its working folder) and shut down when the block ends::

        with shared_kernel("python3", Config()) as engine:
            for doc in docs:
                papermill.execute_notebook(book, out, parameters={"doc_id": doc}, **engine)
    """
    from papermill.engines import papermill_engines

    papermill_engines.register(ENGINE, _engine_class())
    shared = SharedKernel(kernel, config)
    try:
        yield {"engine_name": ENGINE, "shared": shared}
    finally:
        _stop(shared, now=False)


def restart(engine: dict) -> None:
    """After a run that failed or whose kernel died: the next run starts a fresh kernel."""
    _stop(engine["shared"], now=True)
    engine["shared"].new_manager()


def _stop(shared: SharedKernel, *, now: bool) -> None:
    from jupyter_core.utils import run_sync

    if shared.kc is not None:
        shared.kc.stop_channels()
        shared.kc = None
    if shared.km.has_kernel:
        run_sync(shared.km.shutdown_kernel)(now=now)
    run_sync(shared.km.cleanup_resources)()
