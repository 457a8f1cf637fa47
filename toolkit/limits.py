"""Limits that protect a run: time per article, size per article.

:func:`time_limit` stops an article's cleaning or analysis after a number of
seconds by raising :class:`ArticleTimeout`. It derives from ``BaseException``,
not ``Exception``, so no ``except Exception`` in a stage can swallow it and
return an empty result: it always reaches the corpus runner, which records the
article in ``errors.csv`` with the stage ``timeout``.

In a process's main thread (the local engine and its worker processes) the
limit is a POSIX interval timer (``SIGALRM``). In other threads (Dask runs
tasks in worker threads) a watchdog timer raises the same exception in the
working thread; it takes effect at the next Python instruction, so a long
call into compiled code (one spaCy parse) finishes first.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# The longest article text (characters, after cleaning) the toolkit analyses.
# Parsing needs about 1 GB per 100,000 characters at a time; long texts are
# parsed piece by piece (see toolkit.nlp), but the finished Doc still grows
# with the text. Two million characters is about 300,000 words: a book, not
# a news article.
MAX_ARTICLE_CHARS = 2_000_000
# The largest input file read whole (bytes): a bigger one is refused before
# it is read, so /dev/zero or a disk image cannot exhaust memory.
MAX_FILE_BYTES = 64 * 1024 * 1024


class ArticleTimeout(BaseException):  # noqa: N818 - named for what happened
    """An article ran past its time limit.

    Attributes:
        stage: the stage that was running when the limit was reached.
        seconds: the limit.
    """

    def __init__(self, seconds: float, stage: str | None = None):
        super().__init__(seconds, stage)
        self.seconds = seconds
        self.stage = stage

    def __str__(self) -> str:
        where = f" in stage {self.stage}" if self.stage else ""
        return f"stopped after {self.seconds:g} s{where}"


def can_limit_time() -> bool:
    """True where :func:`time_limit` can use the interval timer (a main thread with SIGALRM)."""
    return hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, *, stage: str | None = None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the body if it runs longer than ``seconds``.

    ``None`` or 0 means no limit. The exception carries ``stage`` unless a
    stage inside the body (see :func:`toolkit.analysis.run_stage`) named itself.

    Example:
        >>> with time_limit(5):
        ...     total = sum(range(10))
        >>> total
        45
    """
    if not seconds:
        yield
        return
    limiter = _alarm if can_limit_time() else _watchdog
    try:
        with limiter(seconds):
            yield
    except ArticleTimeout as timeout:
        timeout.stage = timeout.stage or stage
        raise


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """The limit as a POSIX interval timer (main thread)."""
    def expire(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _watchdog(seconds: float) -> Iterator[None]:
    """The limit in any thread: a timer raises :class:`ArticleTimeout` in this thread."""
    import ctypes

    class Expired(ArticleTimeout):
        def __init__(self):
            super().__init__(seconds)

    target = ctypes.c_ulong(threading.get_ident())
    lock, state = threading.Lock(), {"active": True}

    def expire() -> None:
        with lock:
            if state["active"]:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(target, ctypes.py_object(Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        with lock:
            state["active"] = False
            timer.cancel()
            ctypes.pythonapi.PyThreadState_SetAsyncExc(target, None)  # drop one not yet raised


class ArticleTooLong(ValueError):  # noqa: N818
    """An article's text is longer than :data:`MAX_ARTICLE_CHARS`."""


def check_length(text: str, name: str, *, limit: int | None = None) -> None:
    """Refuse a text longer than ``limit`` (default :data:`MAX_ARTICLE_CHARS`), in one line.

    Example:
        >>> check_length("x" * 20, "a.txt", limit=10)
        Traceback (most recent call last):
        ...
        toolkit.limits.ArticleTooLong: a.txt: article text is over 10 characters; the most the toolkit analyses is 10 (split it into several articles)
    """
    limit = MAX_ARTICLE_CHARS if limit is None else limit
    if len(text) > limit:
        raise ArticleTooLong(f"{name}: article text is over {limit:,} characters; the most "
                             f"the toolkit analyses is {limit:,} (split it into several "
                             "articles)")


__all__ = ["MAX_ARTICLE_CHARS", "MAX_FILE_BYTES", "ArticleTimeout", "ArticleTooLong",
           "can_limit_time", "check_length", "time_limit"]
