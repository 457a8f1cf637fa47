"""The articles of a corpus run: every input chosen, read and cleaned, failures kept as data.

:func:`expand_inputs` lists the input files: files named as inputs, and the
article files found (recursively) in folders, where ``include``/``exclude``
glob patterns choose among them (matched, case-insensitively, against each
file's path relative to the folder and against its name: ``--exclude
'README*'`` skips a dataset's README.TXT in any subfolder). Files named as
inputs are always read.

:func:`iter_articles` reads them in order and cleans each article under the
run's time limit: a text or HTML file gives one article, a corpus file
(JSONL, CSV, Parquet) one per row, a news-archive export one per story (see
:mod:`toolkit.archives`), a .docx/.rtf/.pdf that is not an export one. An
input that cannot be read or cleaned comes back as a
:class:`~toolkit.read.Failure` naming the stage, so the run records it in
``errors.csv`` and goes on. A :class:`ReadLog` records what each file gave,
and a :class:`~toolkit.duplicates.DuplicateIndex` flags near-duplicates.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from .archives import Export, open_export
from .article import Article
from .chunks import attempt
from .duplicates import DuplicateIndex
from .read import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    TABLE_SUFFIXES,
    Failure,
    InputError,
    article_id_for,
    check_size,
    display_path,
    iter_input_files,
    read_article,
    safe_id,
    table_rows,
)
from .rules import check_disable

# --------------------------------------------------------------------------- choosing files


def matches(relative: str, patterns: Sequence[str]) -> bool:
    """True when the relative path, or the file name, matches one of the glob patterns.

    Example:
        >>> matches("2023/README.TXT", ["readme*"]), matches("2023/a.txt", ["*.docx"])
        (True, False)
    """
    rel = relative.lower()
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatchcase(rel, p.lower()) or fnmatchcase(name, p.lower()) for p in patterns)


def expand_inputs(inputs: Sequence[str | Path], *, include: Sequence[str] = (),
                  exclude: Sequence[str] = ()) -> list[Path]:
    """The input files (see :func:`~toolkit.read.iter_input_files`), chosen by the patterns.

    In folders, only files matching an ``include`` pattern (when any is
    given) and no ``exclude`` pattern are kept; files named as inputs are
    always kept.

    Raises:
        InputError: an input does not exist, a file is given twice, or a
            folder holds no article files (after the patterns).

    Example:
        >>> [p.name for p in expand_inputs(["tests/fixtures/archives"], include=["*.rtf"])]
        ['factiva.rtf', 'nexis_uni.rtf']
    """
    files = list(iter_input_files(list(inputs)))
    if not include and not exclude:
        return files
    folders = [Path(i) for i in inputs if Path(i).is_dir()]
    named = {Path(i) for i in inputs if not Path(i).is_dir()}
    kept, found = [], Counter()
    for f in files:
        root = None if f in named else next((d for d in folders if f.is_relative_to(d)), None)
        if root is None:
            kept.append(f)
            continue
        rel = f.relative_to(root).as_posix()
        if (include and not matches(rel, include)) or matches(rel, exclude):
            continue
        found[root] += 1
        kept.append(f)
    for folder in folders:
        if not found[folder]:
            raise InputError(f"{display_path(folder)}: directory contains no article files "
                             "after --include/--exclude")
    return kept


# --------------------------------------------------------------------------- what was read


@dataclass
class ReadLog:
    """What was read: for each file, its format and how many articles it gave.

    Attributes:
        files: ``[path, format, articles]`` per file, in reading order.
        duplicates: near-duplicates flagged; ``dropped``: of those, left out.
    """

    files: list[list] = field(default_factory=list)
    duplicates: int = 0
    dropped: int = 0

    def add(self, path: str | Path, fmt: str) -> None:
        """Start counting the articles of ``path`` (format ``fmt``)."""
        self.files.append([display_path(Path(path)), fmt, 0])

    def count(self, n: int = 1) -> None:
        """Count ``n`` more articles for the file being read."""
        self.files[-1][2] += n

    def lines(self, *, limit: int = 10) -> list[str]:
        """The summary for a person: totals by format, then one line per file (the first ``limit``).

        Example:
            >>> log = ReadLog()
            >>> log.add("a.docx", "Nexis Uni .docx"); log.count(3)
            >>> log.lines()
            ['read 1 file(s), 3 article(s): 1 Nexis Uni .docx', '  a.docx: Nexis Uni .docx, 3 article(s)']
        """
        formats = Counter(fmt for _, fmt, _ in self.files)
        total = sum(n for _, _, n in self.files)
        kinds = ", ".join(f"{n} {fmt}" for fmt, n in sorted(formats.items()))
        out = [f"read {len(self.files)} file(s), {total} article(s): {kinds}"]
        out += [f"  {path}: {fmt}, {n} article(s)" for path, fmt, n in self.files[:limit]]
        if len(self.files) > limit:
            out.append(f"  ... and {len(self.files) - limit} more file(s)")
        if self.duplicates:
            dropped = f", {self.dropped} dropped" if self.dropped else ", all kept"
            out.append(f"{self.duplicates} near-duplicate article(s) listed in duplicates.csv"
                       f"{dropped}")
        return out


# --------------------------------------------------------------------------- reading


def iter_articles(inputs: Iterable[str | Path], *, text_column: str = "text",
                  id_column: str = "id", title_column: str | None = None,
                  skip: Set[str] = frozenset(), timeout: float | None = None,
                  include: Sequence[str] = (), exclude: Sequence[str] = (),
                  log: ReadLog | None = None, duplicates: DuplicateIndex | None = None,
                  drop_duplicates: bool = False,
                  disable_rules: Iterable[str] = ()) -> Iterator[Article | Failure]:
    """Read every input; what cannot be read comes back as a :class:`~toolkit.read.Failure`.

    Text and HTML files give one article each (id: see :func:`file_ids`);
    corpus files (``.jsonl``, ``.ndjson``, ``.csv``, ``.parquet``) give one per
    row (see :func:`~toolkit.read.iter_table_articles`); news-archive exports
    give one per story, with readable ids (outlet, date, title: see
    :mod:`toolkit.archives`). An id seen before gets ``-2``, ``-3``...
    (skipping any id already used), so ids stay unique within a run;
    ``article.source_id`` keeps the original. Ids in ``skip`` are not
    returned (a plain file is then not read at all): that is how a resumed
    run passes over finished work. ``timeout`` limits each article's reading
    and cleaning (seconds; None: no limit).

    ``include``/``exclude`` choose files in folders (see :func:`expand_inputs`);
    ``log`` records what each file gave. With ``duplicates``, every article,
    finished ones included, is checked against the earlier ones
    (:mod:`toolkit.duplicates`) and, with ``drop_duplicates``, a
    near-duplicate is left out (it is still listed in ``duplicates.found``).
    ``disable_rules`` names cleaning rules to switch off (see
    :func:`toolkit.read.read_text`).

    Example:
        >>> [a.id for a in iter_articles(["tests/fixtures/corpus"]) if isinstance(a, Article)][:2]
        ['alpha', 'beta']
    """
    inputs = list(inputs)
    files = expand_inputs(inputs, include=include, exclude=exclude)
    log = log if log is not None else ReadLog()
    read_skip = skip if duplicates is None else frozenset()  # duplicates: compare with all
    items = _read_files(files, file_ids(files, inputs), _Unique(), read_skip, timeout, log,
                        text_column=text_column, id_column=id_column, title_column=title_column,
                        disable=frozenset(check_disable(disable_rules)))
    for item in items:
        if duplicates is not None and isinstance(item, Article) \
                and duplicates.check(item.id, item.text) is not None:
            log.duplicates += 1
            if drop_duplicates:
                log.dropped += item.id not in skip
                continue
        if (item.article_id if isinstance(item, Failure) else item.id) not in skip:
            yield item


def _read_files(files: list[Path], ids: dict[Path, str], unique: _Unique, skip: Set[str],
                timeout: float | None, log: ReadLog, *, disable: Set[str] = frozenset(),
                **read_opts) -> Iterator[Article | Failure]:
    """The articles of each file in turn (see :func:`iter_articles`)."""
    for path in files:
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            log.add(path, f"corpus {suffix}")
            yield from _table_articles(path, unique, skip, timeout, log, disable=disable,
                                       **read_opts)
            continue
        export = attempt("", display_path(path), open_export, path, stage="read",
                         timeout=timeout)
        if isinstance(export, Failure):
            log.add(path, f"unreadable {suffix or 'file'}")
            export.article_id = unique(ids[path])
            yield export
        elif export is None or export.layout is None:  # one article
            log.add(path, export.label if export is not None else
                    "web page" if suffix in HTML_SUFFIXES else "text")
            log.count()
            aid = unique(ids[path])
            if aid not in skip:
                yield attempt(aid, display_path(path), read_article, path, article_id=aid,
                              stage="clean", timeout=timeout, disable_rules=disable)
        else:
            log.add(path, export.label)
            yield from _export_articles(export, unique, skip, timeout, log, disable=disable)


def _export_articles(export: Export, unique: _Unique, skip: Set[str], timeout: float | None,
                     log: ReadLog, *, disable: Set[str] = frozenset()) -> Iterator[Article | Failure]:
    """The stories of a news-archive export, one at a time (memory holds one)."""
    source = display_path(export.path)
    articles = export.articles(disable_rules=disable)
    for number in itertools.count(1):
        fallback = safe_id(f"{export.path.stem}-{number}")  # names a story that fails
        item = attempt(fallback, source, next, articles, None, stage="clean", timeout=timeout)
        if item is None:
            return
        if isinstance(item, Failure):  # the rest of the file cannot be read
            item.article_id = unique(item.article_id)
            yield item
            return
        item.id = unique(item.id)
        log.count()
        if item.id in skip:
            continue
        yield attempt(item.id, source, _story, item, source, stage="clean", timeout=timeout)


def _story(article: Article, source: str) -> Article:
    """An export's article as the run takes it: with text, and not too long."""
    if not article.paragraphs:
        why = "; ".join(article.warnings) or f"{source}: {article.id}"
        raise InputError(f"{why} (no article text)")
    check_size(article, source)
    return article


def _table_articles(path: Path, unique: _Unique, skip: Set[str], timeout: float | None,
                    log: ReadLog, *, disable: Set[str] = frozenset(),
                    **read_opts) -> Iterator[Article | Failure]:
    for row in table_rows(path, **read_opts):
        row.article_id = unique(row.article_id)
        log.count()
        if row.article_id in skip:
            continue
        if row.error:
            yield row.failure(row.error)
            continue
        yield attempt(row.article_id, str(path), row.article, stage="clean", timeout=timeout,
                      line=row.line, disable_rules=disable)


def check_readable(path: Path) -> None:
    """Read the start of one input, so that a run over it alone fails before writing anything.

    Raises:
        InputError: the file cannot be read or holds no article.
    """
    export = open_export(path)
    if export is None or export.layout is None:
        read_article(path)
    elif next(iter(export.articles()), None) is None:
        raise InputError(f"{display_path(path)}: no article found")


# --------------------------------------------------------------------------- ids


def count_articles(files: Iterable[Path], *, enough: int | None = None) -> int:
    """About how many articles ``files`` hold: one per text or HTML file, one per
    line of a JSONL or CSV file (a CSV cell may span lines), the rows of a Parquet
    file; a news-archive export counts as ``enough`` (its stories are not counted).

    Cheap (no parsing), and it stops once the count reaches ``enough``: it only
    decides how many worker processes a run starts.
    """
    total = 0
    for f in files:
        suffix = f.suffix.lower()
        if suffix == ".parquet":
            import pyarrow.parquet as pq

            total += pq.ParquetFile(f).metadata.num_rows
        elif suffix in TABLE_SUFFIXES:
            with open(f, "rb") as fh:
                total += sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
        elif enough is not None and _is_export(f):
            return enough
        else:
            total += 1
        if enough is not None and total >= enough:
            return total
    return total


def file_ids(files: list[Path], inputs: Iterable[str | Path]) -> dict[Path, str]:
    """The id of each article file: its stem, unless several files share that stem.

    Then each of those keeps its folders below the input folder it was found
    in (``tech/009.txt`` -> ``tech-009``), or its parent folder's name if
    given directly, so ids stay readable and depend only on the set of
    inputs, never on their order. (A news-archive export's stories get ids of
    their own; the file's id names a failure to read it.)

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


def single_article_ids(files: list[Path], inputs: Iterable[str | Path]) -> dict[Path, str]:
    """:func:`file_ids` of the files read as one article each (news-archive exports left out).

    A resumed run compares these with the ids it gave before.
    """
    return {f: aid for f, aid in file_ids(files, inputs).items() if not _is_export(f)}


def _is_export(path: Path) -> bool:
    try:
        export = open_export(path)
    except InputError:
        return False
    return export is not None and export.layout is not None


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


__all__ = ["ReadLog", "check_readable", "count_articles", "expand_inputs", "file_ids",
           "iter_articles", "matches", "single_article_ids"]
