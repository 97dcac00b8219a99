"""Partitions on an engine: in this process, a local process pool, or a Dask cluster.

Every engine runs :func:`analysis.run.partition.process_partition` on each partition that
is not cached yet, with at most two partitions per worker in flight (memory does not grow
with the corpus), and gives back the partitions' cache keys in corpus order. A warm run,
every partition cached, starts no worker and no cluster.

The rules (corpus configuration and codebooks) go to each worker once, not with every
partition: the local pool's initializer receives them, a Dask cluster gets them scattered;
each worker then compiles its matchers once.
"""

from __future__ import annotations

import gc
import os
import shutil
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..config.inputs import EngineOptions, Rules
from ..errors import ParameterError, one_line
from .hashing import records_digest
from .partition import is_cached, process_partition, versions
from .workers import WorkerPool


@dataclass
class RunStats:
    documents: int = 0
    partitions: int = 0
    cached_partitions: int = 0
    seconds: float = 0.0
    engine: str = "local"
    workers: int = 1
    skipped: list[str] = field(default_factory=list)  # corpus files left out (links outside the corpus)

    def skipped_note(self) -> str:
        """The one line saying which corpus files were left out (said even when quiet)."""
        names = ", ".join(self.skipped[:5]) + (", ..." if len(self.skipped) > 5 else "")
        return one_line(f"note: skipped {len(self.skipped)} file(s) that link outside the corpus folder: {names}")


#: Allocations between two young-generation garbage collections while partitions are
#: analysed (Python's default is 700). The analysis builds hundreds of thousands of small
#: tuples per partition and frees them in bulk, nearly none of them in reference cycles;
#: with the default, collections took 2.4% of a run's CPU time, with this 0.1%.
GC_YOUNG_THRESHOLD = 50_000


def _bulk_gc() -> None:
    """Garbage-collection settings for a process that analyses partitions."""
    gc.freeze()  # what is alive now (modules, codebooks) is never garbage: stop re-scanning it
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


@contextmanager
def _bulk_gc_here() -> Iterator[None]:
    """:func:`_bulk_gc` in this process for the duration of a run, then the settings as they were."""
    before, frozen_before = gc.get_threshold(), gc.get_freeze_count()
    _bulk_gc()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        if not frozen_before:  # someone else's frozen objects stay frozen
            gc.unfreeze()


# --------------------------------------------------------------------------- worker state

#: In a pool worker: the rules it was started with (see _start_worker).
_WORKER_RULES: Rules | None = None


def _start_worker(rules: Rules) -> None:
    global _WORKER_RULES
    _WORKER_RULES = rules
    _bulk_gc()


def _process_in_worker(partition: pd.DataFrame | list[dict], cache_dir: str, key: str, text_version: str) -> str:
    return process_partition(partition, _WORKER_RULES, cache_dir, key, text_version)


def _windowed(submit, items: Iterable, window: int) -> Iterator:
    """Results of ``submit(item)`` in order, with at most ``window`` in flight."""
    pending: deque = deque()
    for item in items:
        pending.append(submit(item))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


# --------------------------------------------------------------------------- the engines

def run_partitions(partitions: Iterable[pd.DataFrame | list[dict]], *, rules: Rules, cache_dir: str | Path,
                   options: EngineOptions | None = None) -> tuple[list[str], RunStats]:
    """Analyse every partition (cached ones are skipped); return their cache keys in order."""
    options = options or EngineOptions()
    cache_dir = Path(cache_dir)
    if options.no_cache and cache_dir.exists():
        shutil.rmtree(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    version, text_version = versions(rules)
    jobs = max(1, options.jobs or os.cpu_count() or 1)
    stats = RunStats(engine=options.engine, workers=jobs)
    start = time.perf_counter()

    def keyed() -> Iterator[tuple[pd.DataFrame | list[dict], str, bool]]:
        """(partition, key, whether its results are cached already)"""
        for docs in partitions:
            key = records_digest(docs, version)
            cached = is_cached(cache_dir, key)
            stats.documents += len(docs)
            stats.partitions += 1
            stats.cached_partitions += cached
            yield docs, key, cached

    bar = None
    if options.progress:
        from tqdm.auto import tqdm  # only with a progress bar

        bar = tqdm(desc=f"analysis ({options.engine}, {jobs} worker(s))", unit="partition")
    if options.engine == "local" and jobs == 1:
        keys = _run_here(keyed(), rules, str(cache_dir), text_version, bar)
    elif options.engine == "local":
        keys = _run_pool(keyed(), rules, str(cache_dir), text_version, jobs, bar)
    elif options.engine == "dask":
        keys = _run_dask(keyed(), rules, str(cache_dir), text_version, jobs, options.scheduler, bar)
    else:
        raise ParameterError(f"--engine: unknown engine {options.engine!r} (valid: local, dask)")
    if bar is not None:
        bar.close()
    stats.seconds = round(time.perf_counter() - start, 3)
    return keys, stats


def _run_here(keyed: Iterator, rules: Rules, cache_dir: str, text_version: str, bar) -> list[str]:
    keys = []
    with _bulk_gc_here():
        for docs, key, _cached in keyed:
            keys.append(process_partition(docs, rules, cache_dir, key, text_version))
            if bar is not None:
                bar.update()
    return keys


def _run_pool(keyed: Iterator, rules: Rules, cache_dir: str, text_version: str, jobs: int, bar) -> list[str]:
    # The pool starts with the first partition that is not cached: a warm run starts no
    # worker (each would import the whole analysis).
    pool = None

    def submit(item: tuple) -> Future:
        nonlocal pool
        docs, key, cached = item
        if cached:
            done: Future = Future()
            done.set_result(key)
            return done
        if pool is None:
            pool = WorkerPool(jobs, _start_worker, rules)
        return pool.submit(_process_in_worker, docs, cache_dir, key, text_version)

    keys = []
    try:
        for key in _windowed(submit, keyed, 2 * jobs):
            keys.append(key)
            if bar is not None:
                bar.update()
    except BaseException:  # Ctrl-C or a failed partition: stop now, not after the queued partitions
        if pool is not None:
            pool.stop()
        raise
    if pool is not None:
        pool.shutdown()
    return keys


#: Dask settings for the LocalCluster this module starts (not for an existing cluster).
DASK_WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def _run_dask(keyed: Iterator, rules: Rules, cache_dir: str, text_version: str, jobs: int, scheduler: str | None,
              bar) -> list[str]:
    """The same partitions on a ``dask.distributed`` cluster: a LocalCluster of ``jobs``
    single-threaded workers, or the cluster at ``scheduler`` (tcp://HOST:PORT), whose
    workers must see ``cache_dir`` (a shared file system)."""
    # Dask takes a second to import: only runs on this engine pay for it.
    import dask
    from distributed import Client, LocalCluster

    client = cluster = shared_rules = None

    def connect() -> tuple:
        # Connected at the first window with work to do: a warm run starts no cluster.
        nonlocal client, cluster, shared_rules
        if client is None:
            if scheduler:
                client = Client(scheduler)
            else:
                # Our cluster has no dashboard, so nobody would see the statistical profile its
                # workers record by default (a stack sample every 10 ms, merged into a growing
                # tree). An existing cluster keeps its settings.
                with dask.config.set(DASK_WORKER_CONFIG):
                    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                           dashboard_address=None)
                client = Client(cluster)
                client.run(_bulk_gc)  # our own workers only: an existing cluster keeps its settings
            # Each worker holds one copy of the rules; every task on it uses that copy.
            shared_rules = client.scatter(rules, broadcast=True, hash=False)
        return client, shared_rules

    keys: list[str] = []
    # Windows of 2 x jobs partitions; two windows are in flight, so the workers start on the
    # next window while the last partitions of the current one finish.
    pending: deque = deque()

    def submit(window: list) -> None:
        if all(cached for _, _, cached in window):
            pending.append(([key for _, key, _ in window], len(window)))
            return
        c, shared = connect()
        futures = [c.submit(process_partition, docs, shared, cache_dir, key, text_version, key=f"partition-{key}",
                            pure=False) for docs, key, _ in window]
        pending.append((futures, len(window)))

    def collect() -> None:
        futures, n = pending.popleft()
        keys.extend(futures if isinstance(futures[0], str) else client.gather(futures))
        if bar is not None:
            bar.update(n)

    try:
        window: list = []
        for item in keyed:
            window.append(item)
            if len(window) >= 2 * jobs:
                submit(window)
                window = []
                if len(pending) >= 2:
                    collect()
        if window:
            submit(window)
        while pending:
            collect()
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    return keys
