"""The articles of a corpus run: every input read and cleaned, failures kept as data.

:func:`iter_articles` expands the inputs (files, folders, corpus files) and
cleans each article under the run's time limit; an input that cannot be read
or cleaned comes back as a :class:`~toolkit.read.Failure` naming the stage, so
the run records it in ``errors.csv`` and goes on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .article import Article
from .chunks import attempt
from .read import (
    ARTICLE_SUFFIXES,
    TABLE_SUFFIXES,
    Failure,
    article_id_for,
    display_path,
    iter_input_files,
    read_article,
    safe_id,
    table_rows,
)


def iter_articles(inputs: Iterable[str | Path], *, text_column: str = "text",
                  id_column: str = "id", title_column: str | None = None,
                  skip: set[str] | frozenset[str] = frozenset(),
                  timeout: float | None = None) -> Iterator[Article | Failure]:
    """Read every input; what cannot be read comes back as a :class:`~toolkit.read.Failure`.

    Text and HTML files give one article each (id: see :func:`file_ids`);
    corpus files (``.jsonl``, ``.ndjson``, ``.csv``, ``.parquet``) give one per
    row (see :func:`~toolkit.read.iter_table_articles`). An id seen before
    gets ``-2``, ``-3``... (skipping any id already used), so ids stay unique
    within a run; ``article.source_id`` keeps the original. Ids in ``skip``
    are not read at all (files) or not returned (rows): that is how a
    resumed run passes over finished work. ``timeout`` limits each article's
    reading and cleaning (seconds; None: no limit).

    Example:
        >>> [a.id for a in iter_articles(["tests/fixtures/corpus"]) if isinstance(a, Article)][:2]
        ['alpha', 'beta']
    """
    inputs = list(inputs)
    files = list(iter_input_files(inputs))
    ids = file_ids(files, inputs)
    unique = _Unique()
    for path in files:
        if path.suffix.lower() in TABLE_SUFFIXES:
            yield from _table_articles(path, unique, skip, timeout, text_column=text_column,
                                       id_column=id_column, title_column=title_column)
            continue
        aid = unique(ids[path])
        if aid not in skip:
            yield attempt(aid, display_path(path), read_article, path, article_id=aid,
                          stage="clean", timeout=timeout)


def count_articles(files: Iterable[Path]) -> int:
    """About how many articles ``files`` hold: one per text or HTML file, one per
    line of a JSONL or CSV file (a CSV cell may span lines), the rows of a Parquet file.

    Cheap (no parsing): it decides how many worker processes a run starts.
    """
    total = 0
    for f in files:
        suffix = f.suffix.lower()
        if suffix not in TABLE_SUFFIXES:
            total += 1
        elif suffix == ".parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(f).metadata.num_rows
        else:
            with open(f, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    return total


def file_ids(files: list[Path], inputs: Iterable[str | Path]) -> dict[Path, str]:
    """The id of each article file: its stem, unless several files share that stem.

    Then each of those keeps its folders below the input folder it was found
    in (``tech/009.txt`` -> ``tech-009``), or its parent folder's name if
    given directly, so ids stay readable and depend only on the set of
    inputs, never on their order.

    Example:
        >>> ids = file_ids([Path("c/tech/009.txt"), Path("c/sport/009.txt"), Path("c/a.txt")],
        ...                ["c"])
        >>> [ids[Path(p)] for p in ("c/tech/009.txt", "c/sport/009.txt", "c/a.txt")]
        ['tech-009', 'sport-009', 'a']
    """
    roots = [Path(i) for i in inputs if Path(i).suffix.lower() not in ARTICLE_SUFFIXES - {""}]
    articles = [f for f in files if f.suffix.lower() not in TABLE_SUFFIXES]
    stems = Counter(article_id_for(f) for f in articles)
    return {f: article_id_for(f) if stems[article_id_for(f)] == 1 else _folder_id(f, roots)
            for f in articles}


def _folder_id(path: Path, roots: list[Path]) -> str:
    root = next((r for r in roots if path.is_relative_to(r)), None)
    folders = path.relative_to(root).parts[:-1] if root is not None else ()
    if root is None or (not folders and path.parent != root):
        folders = (path.parent.name,)
    return "-".join([*(safe_id(f) for f in folders if f), article_id_for(path)])


class _Unique:
    """Makes ids unique within a run: a repeated id gets ``-2``, ``-3``... (never one used)."""

    def __init__(self):
        self.used: set[str] = set()

    def __call__(self, aid: str) -> str:
        candidate, n = aid, 1
        while candidate in self.used:
            n += 1
            candidate = f"{aid}-{n}"
        self.used.add(candidate)
        return candidate


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


__all__ = ["count_articles", "iter_articles"]
