"""The Dask engine: the same chunk analysis, on a ``dask.distributed`` cluster.

Chunks of articles become the partitions of a ``dask.bag``; each partition
runs :func:`toolkit.chunks.analyze_chunk` on a worker, which loads the spaCy
model once (``load_model`` is cached per process) and, for Parquet output,
writes the partition's part of every table itself. The output folder must
therefore be reachable from the workers (a local or shared file system).

Chunks go out in waves of a few partitions per worker, and the next wave is
submitted before the last one is collected, so the cluster stays busy while
the client never holds more than two waves of articles.

Dask is an optional extra: ``pip install 'article-toolkit[dask]'``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from .analysis import Analysis
from .article import Article
from .chunks import ChunkResult, ChunkTask, analyze_chunk
from .options import RunOptions


def _require_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the installation
        from .output import OutputError

        raise OutputError("the Dask engine needs the dask extra: "
                          "pip install 'article-toolkit[dask]'") from None


@contextmanager
def open_client(client=None, *, scheduler: str | None = None, n_workers: int | None = None):
    """A ``dask.distributed.Client``: the one given, one for ``scheduler``, or a LocalCluster.

    The LocalCluster has ``n_workers`` single-threaded worker processes
    (default: one per core; spaCy is not thread-parallel) and is closed on
    exit, as is any client opened here.

    Example:
        >>> with open_client(n_workers=1) as c:  # doctest: +SKIP
        ...     c.ncores()
    """
    _require_dask()
    if client is not None:
        yield client
        return
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            c = Client(scheduler, timeout="15s")
        except (OSError, ValueError, TypeError) as exc:
            from .output import OutputError

            raise OutputError(f"cannot connect to the Dask scheduler {scheduler!r} "
                              f"({' '.join(str(exc).split()) or type(exc).__name__})") from None
        try:
            yield c
        finally:
            c.close()
        return
    cluster = LocalCluster(n_workers=max(1, n_workers or os.cpu_count() or 1),
                           threads_per_worker=1, processes=True, dashboard_address=":0")
    c = Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def _run_partition(tasks: list[ChunkTask]) -> list[ChunkResult]:
    """A bag partition (one chunk task) analysed on a worker."""
    return [analyze_chunk(t) for t in tasks]


def _waves(client, tasks: Iterable[ChunkTask], per_wave: int) -> Iterator[list]:
    """Futures of each wave of chunk partitions, the next wave submitted early."""
    import dask.bag as db

    tasks = iter(tasks)
    pending = []
    while True:
        wave = list(islice(tasks, per_wave))
        if wave:
            bag = db.from_sequence(wave, npartitions=len(wave)).map_partitions(_run_partition)
            pending.append(client.compute(bag.to_delayed()))
        if not pending:
            return
        if wave and len(pending) < 2:
            continue
        yield pending.pop(0)


def dask_results(tasks: Iterable[ChunkTask], *, client=None, scheduler: str | None = None,
                 n_workers: int | None = None) -> Iterator[ChunkResult]:
    """Analyse chunk tasks on a Dask cluster; results in task order."""
    with open_client(client, scheduler=scheduler, n_workers=n_workers) as c:
        workers = max(1, len(c.scheduler_info().get("workers", {})) or 1)
        for futures in _waves(c, tasks, per_wave=2 * workers):
            for fut in futures:
                yield from fut.result()


def analyze_corpus_dask(articles: Iterable[Article], *, client=None, model: str | None = None,
                        window: str | int = "sentence", batch_size: int = 32,
                        chunk_size: int = 50, scheduler: str | None = None
                        ) -> Iterator[Analysis]:
    """:func:`toolkit.corpus.analyze_corpus` on Dask: full analyses back, in input order."""
    opts = RunOptions(model=model, window=window, batch_size=batch_size, timeout=None)

    def tasks() -> Iterator[ChunkTask]:
        it = iter(articles)
        n = 0
        while batch := list(islice(it, chunk_size)):
            yield ChunkTask(n, batch, opts, keep=len(batch))
            n += 1

    for result in dask_results(tasks(), client=client, scheduler=scheduler):
        if result.failures:
            raise RuntimeError(result.failures[0].error)
        yield from result.kept


__all__ = ["analyze_corpus_dask", "dask_results", "open_client"]
