"""Choosing and accounting for inputs: folder listing with include/exclude patterns,
and a log of what was read from each file.

A folder is searched recursively for article files: text and HTML files,
corpus files (JSONL, CSV, Parquet) and the document formats news archives
export (.docx, .rtf, .pdf). ``include``/``exclude`` are glob patterns
matched, case-insensitively, against each file's path relative to the folder
and against its name (``--exclude 'README*'`` skips a dataset's README.TXT
in any subfolder); files named on the command line are always read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence, Set
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from . import archives
from .archives import DOCUMENT_SUFFIXES
from .article import Article
from .read import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    TABLE_SUFFIXES,
    Failure,
    InputError,
    article_id_for,
    iter_table_articles,
    read_article,
    safe_id,
)

FOLDER_SUFFIXES = (ARTICLE_SUFFIXES - {""}) | DOCUMENT_SUFFIXES


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
                  exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Expand files and folders (recursively) to input files, each folder in sorted order.

    Hidden files and folders are skipped; in folders, only files matching an
    ``include`` pattern (when any is given) and no ``exclude`` pattern are kept.

    Raises:
        InputError: an input does not exist, or a folder holds no article files
            (after the patterns).
    """
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            files = []
            for p in sorted(path.rglob("*")):
                rel = p.relative_to(path).as_posix()
                if not p.is_file() or p.suffix.lower() not in FOLDER_SUFFIXES \
                        or any(part.startswith(".") for part in p.relative_to(path).parts):
                    continue
                if (include and not matches(rel, include)) or matches(rel, exclude):
                    continue
                files.append(p)
            if not files:
                chosen = " after --include/--exclude" if include or exclude else ""
                raise InputError(f"{path}: directory contains no article files{chosen} "
                                 f"({', '.join(sorted(FOLDER_SUFFIXES))})")
            yield from files
        elif path.exists():
            yield path
        else:
            raise InputError(f"{path}: no such file or directory")


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
        self.files.append([str(path), fmt, 0])

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


def read_file(path: Path, *, unique: Callable[[str], str], skip: Set[str] = frozenset(),
              log: ReadLog | None = None, **table_options) -> Iterator[Article | Failure]:
    """Every article of one input file, in order, with ids made unique by ``unique``.

    A corpus file gives one article per row, a news-archive export one per
    story (see :mod:`toolkit.archives`), any other file one. What cannot be
    read comes back as a :class:`~toolkit.read.Failure`. Ids in ``skip`` are
    not returned (a plain file is then not read at all). ``log`` counts the
    articles of the file under its format.
    """
    log = log if log is not None else ReadLog()
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        log.add(path, f"corpus {suffix}")
        for item in iter_table_articles(path, **table_options):
            aid = unique(item.article_id if isinstance(item, Failure) else item.id)
            log.count()
            if aid not in skip:
                _set_id(item, aid)
                yield item
        return
    try:
        export = archives.open_export(path)
    except InputError as exc:
        log.add(path, f"unreadable {suffix or 'file'}")
        yield Failure(unique(safe_id(path.stem)), str(path), str(exc))
        return
    if export is None:
        log.add(path, "web page" if suffix in HTML_SUFFIXES else "text")
        aid = unique(article_id_for(path))
        log.count()
        if aid not in skip:
            try:
                yield read_article(path, article_id=aid)
            except InputError as exc:
                yield Failure(aid, str(path), str(exc))
        return
    log.add(path, export.label)
    yield from _export_articles(export, unique, skip, log)


def _export_articles(export: archives.Export, unique, skip, log: ReadLog
                     ) -> Iterator[Article | Failure]:
    try:
        for article in export.articles():
            article.id = unique(article.id)
            log.count()
            if article.id in skip:
                continue
            if not article.paragraphs:
                why = "; ".join(article.warnings) or f"{export.path}: {article.id}"
                yield Failure(article.id, str(export.path), f"{why} (no article text)")
                continue
            yield article
    except InputError as exc:
        yield Failure(unique(safe_id(export.path.stem)), str(export.path), str(exc))


def _set_id(item: Article | Failure, aid: str) -> None:
    if isinstance(item, Failure):
        item.article_id = aid
    else:
        item.id = aid


def check_readable(path: Path) -> None:
    """Read the start of one input, so that a run over it alone fails before writing anything.

    Raises:
        InputError: the file cannot be read or holds no article.
    """
    export = archives.open_export(path)
    if export is None:
        read_article(path)
    elif next(iter(export.articles()), None) is None:
        raise InputError(f"{path}: no article found")
