"""The articles of a corpus run: every input read and cleaned, failures kept as data.

:func:`iter_articles` expands the inputs (files, folders, corpus files) and
cleans each article under the run's time limit; an input that cannot be read
or cleaned comes back as a :class:`~toolkit.read.Failure` naming the stage, so
the run records it in ``errors.csv`` and goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .article import Article
from .chunks import attempt
from .read import (
    TABLE_SUFFIXES,
    Failure,
    article_id_for,
    iter_input_files,
    read_article,
    table_rows,
)


def iter_articles(inputs: Iterable[str | Path], *, text_column: str = "text",
                  id_column: str = "id", title_column: str | None = None,
                  skip: set[str] | frozenset[str] = frozenset(),
                  timeout: float | None = None) -> Iterator[Article | Failure]:
    """Read every input; what cannot be read comes back as a :class:`~toolkit.read.Failure`.

    Text and HTML files give one article each (id: the file stem); corpus
    files (``.jsonl``, ``.ndjson``, ``.csv``, ``.parquet``) give one per row
    (see :func:`~toolkit.read.iter_table_articles`). An id seen before gets
    ``-2``, ``-3``... so ids stay unique within a run. Ids in ``skip`` are
    not read at all (files) or not returned (rows): that is how a resumed run
    passes over finished work. ``timeout`` limits each article's reading and
    cleaning (seconds; None: no limit).

    Example:
        >>> [a.id for a in iter_articles(["tests/fixtures/corpus"])][:2]  # doctest: +SKIP
        ['alpha', 'beta']
    """
    unique = _Unique()
    for path in iter_input_files(list(inputs)):
        if path.suffix.lower() in TABLE_SUFFIXES:
            yield from _table_articles(path, unique, skip, timeout, text_column=text_column,
                                       id_column=id_column, title_column=title_column)
            continue
        aid = unique(article_id_for(path))
        if aid not in skip:
            yield attempt(aid, str(path), read_article, path, article_id=aid, stage="clean",
                          timeout=timeout)


class _Unique:
    """Makes ids unique within a run: a repeated id gets ``-2``, ``-3``..."""

    def __init__(self):
        self.seen: dict[str, int] = {}

    def __call__(self, aid: str) -> str:
        self.seen[aid] = self.seen.get(aid, 0) + 1
        return aid if self.seen[aid] == 1 else f"{aid}-{self.seen[aid]}"


def _table_articles(path: Path, unique: _Unique, skip, timeout: float | None,
                    **read_opts) -> Iterator[Article | Failure]:
    for row in table_rows(path, **read_opts):
        row.article_id = unique(row.article_id)
        if row.article_id in skip:
            continue
        if row.error:
            yield row.failure(row.error)
            continue
        yield attempt(row.article_id, str(path), row.article, stage="clean", timeout=timeout,
                      line=row.line)


__all__ = ["iter_articles"]
