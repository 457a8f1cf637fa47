"""Limits that protect a run: time per article, size per article.

:func:`time_limit` stops an article's cleaning or analysis after a number of
seconds by raising :class:`ArticleTimeout`. It derives from ``BaseException``,
not ``Exception``, so no ``except Exception`` in a stage can swallow it and
return an empty result: it always reaches the corpus runner, which records the
article in ``errors.csv`` with the stage ``timeout``.

The limit uses a POSIX interval timer, so it applies where the work runs in a
process's main thread (the local engine and its worker processes); Dask runs
tasks in worker threads, where no limit can be set.
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
    """True where :func:`time_limit` can interrupt work (a main thread with SIGALRM)."""
    return hasattr(signal, "setitimer") and \
        threading.current_thread() is threading.main_thread()


@contextmanager
def time_limit(seconds: float | None, *, stage: str | None = None) -> Iterator[None]:
    """Raise :class:`ArticleTimeout` in the body if it runs longer than ``seconds``.

    ``None`` (or a thread where no timer can be set) means no limit.

    Example:
        >>> with time_limit(5):
        ...     total = sum(range(10))
        >>> total
        45
    """
    if not seconds or not can_limit_time():
        yield
        return

    def expire(signum, frame):
        raise ArticleTimeout(seconds)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except ArticleTimeout as timeout:  # an inner stage (run_stage) may have named itself
        timeout.stage = timeout.stage or stage
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
