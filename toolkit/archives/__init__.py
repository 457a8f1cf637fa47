"""News-archive exports: LexisNexis, Nexis Uni and Factiva files, many articles each.

Researchers' corpora come from news archives, downloaded as files that hold
up to a hundred articles each, with metadata around every article. This
package recognises such files by their content (not their name), splits them
into articles and fills each :class:`~toolkit.article.Article` with the
archive's metadata (title, outlet, date, byline, section, stated length,
the archive's document id). Every line of the file ends up in exactly one
article's body or ``removed`` list (reasons ``archive_<field>``).

Layouts (one module each):

* :mod:`~toolkit.archives.lexisnexis`: LexisNexis plain text ("N of M DOCUMENTS").
* :mod:`~toolkit.archives.nexis_uni`: Nexis Uni .docx, and its .rtf and .pdf forms.
* :mod:`~toolkit.archives.factiva`: Factiva .rtf/.html/.txt with field codes,
  and the plain display form.

A .docx, .rtf or .pdf that is not an export is read as one ordinary article.
Articles are yielded one at a time, so a 500-article file is never held as
500 articles at once.

Example:
    >>> from toolkit import archives
    >>> [a.outlet for a in archives.iter_archive("tests/fixtures/archives/lexisnexis.txt")][:2]
    ['The Harbour Gazette', 'Northfield Evening Post']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..article import Article
from ..read import (
    DOCUMENT_SUFFIXES,
    HTML_SUFFIXES,
    InputError,
    article_id_for,
    check_size,
    detect_language,
    display_path,
    looks_like_html,
    safe_id,
)
from ..rules import check_disable
from . import factiva, lexisnexis, nexis_uni, sources
from .records import article_id, to_article

LAYOUTS = {"lexisnexis": lexisnexis, "nexis_uni": nexis_uni, "factiva": factiva}
"""Layout name -> reader module, in the order they are tried."""

LAYOUT_NAMES = {"lexisnexis": "LexisNexis", "nexis_uni": "Nexis Uni", "factiva": "Factiva",
                None: "document"}
# DOCUMENT_SUFFIXES (from toolkit.read): the file types read only through this
# package (text and HTML files may be exports too).

_HEAD = 65536


@dataclass
class Export:
    """A file opened for reading: its lines and the layout found in them.

    Attributes:
        path: the file.
        container: ``"text"``, ``"html"``, ``"docx"``, ``"rtf"`` or ``"pdf"``.
        layout: ``"lexisnexis"``, ``"nexis_uni"``, ``"factiva"``, or None for an
            ordinary document (one article).
        lines: the file's lines (see :mod:`toolkit.archives.sources`).
    """

    path: Path
    container: str
    layout: str | None
    lines: list[str]

    @property
    def label(self) -> str:
        """How the summary names the format, e.g. ``"Nexis Uni .docx"``."""
        return f"{LAYOUT_NAMES[self.layout]} .{self.path.suffix.lower().lstrip('.') or 'txt'}"

    @property
    def line_mode(self) -> str:
        """How lines make paragraphs (see :class:`~toolkit.archives.records.Record`)."""
        return {"docx": "paragraphs", "rtf": "paragraphs", "html": "paragraphs",
                "pdf": "wrapped"}.get(self.container, "text")

    def articles(self, *, disable_rules: Iterable[str] = ()) -> Iterator[Article]:
        """The file's articles, one at a time (``disable_rules``: cleaning rules switched off)."""
        disable = frozenset(check_disable(disable_rules))
        if self.layout is None:
            yield self._document(disable)
            return
        reader = LAYOUTS[self.layout]
        records = reader.split(self.lines)
        seen: dict[str, int] = {}
        count = 0
        for count, record in enumerate(records, 1):
            record.line_mode = self.line_mode
            aid = article_id(record.meta, safe_id(f"{self.path.stem}-{count}"))
            seen[aid] = seen.get(aid, 0) + 1
            if seen[aid] > 1:
                aid = f"{aid}-{seen[aid]}"
            article = to_article(record, article_id_=aid, source_path=display_path(self.path),
                                 disable=disable)
            article.source_id = aid
            where = f"{self.path}: article {count} ({aid})"
            article.warnings = [f"{where}: {w}" for w in article.warnings]
            _check_language(article, where)
            yield article
        if count == 0:
            raise InputError(f"{self.path}: {LAYOUT_NAMES[self.layout]} export without any "
                             "article")

    def _document(self, disable: frozenset[str] = frozenset()) -> Article:
        from ..read import read_text

        sep = "\n\n" if self.line_mode == "paragraphs" else "\n"
        text = sep.join(self.lines)
        if not text.strip():
            raise InputError(f"{self.path}: the document has no text")
        article = read_text(text, article_id=article_id_for(self.path),
                            source_path=display_path(self.path), disable_rules=disable)
        if not article.paragraphs:
            raise InputError(f"{self.path}: no article text left after cleaning")
        article.source_id = article_id_for(self.path)
        return article


def _check_language(article: Article, where: str) -> None:
    if not article.paragraphs:
        return
    article.language = detect_language(article.text)
    if article.language != "en":
        article.warnings.append(f"{where}: text looks like language {article.language!r}, not "
                                "English; results of the English model will be unreliable")


def detect_layout(lines: list[str]) -> str | None:
    """The archive layout of these lines, or None.

    Example:
        >>> detect_layout(["   1 of 2 DOCUMENTS", "", "   The Daily Example"])
        'lexisnexis'
    """
    return next((name for name, mod in LAYOUTS.items() if mod.looks_like(lines)), None)


def open_export(path: str | Path) -> Export | None:
    """Open ``path`` if it is an archive export or a .docx/.rtf/.pdf document.

    Returns None for an ordinary text or HTML file (read those with
    :func:`toolkit.read.read_article`). The layout is found from the content,
    whatever the file's name: a Factiva page saved as ``.txt`` or a Nexis Uni
    export saved as ``.rtf`` is recognised. A binary file whose name does not
    say .docx/.rtf/.pdf also gets None (the text reader refuses it clearly).

    Raises:
        InputError: the file cannot be read, or is a PDF without a text layer.
    """
    path = Path(path)
    from ..read import read_bytes

    head = _read_head(path)
    container = sources.container_of(head)
    if container is not None and (path.suffix.lower() not in DOCUMENT_SUFFIXES or (
            container == "docx" and not sources.is_word_zip(path))):
        return None  # a binary file named as text, or another ZIP: the text reader refuses it
    if container is not None:
        loader = {"docx": sources.docx_lines, "rtf": sources.rtf_lines,
                  "pdf": sources.pdf_lines}[container]
        lines = loader(path)
        return Export(path, container, detect_layout(lines), lines)
    text = _head_text(head)
    if text is None or not sources.looks_like_export_text(text):
        return None
    from ..read import decode

    full, _ = decode(read_bytes(path), name=str(path))
    is_html = path.suffix.lower() in HTML_SUFFIXES or looks_like_html(full)
    lines = sources.html_lines(full) if is_html else full.splitlines()
    layout = detect_layout(lines)
    if layout is None:
        return None
    return Export(path, "html" if is_html else "text", layout, lines)


def _read_head(path: Path) -> bytes:
    """The file's first bytes (OS errors as one-line InputError messages)."""
    from ..read import os_errors

    with os_errors(path), open(path, "rb") as fh:
        return fh.read(_HEAD)


def _head_text(head: bytes) -> str | None:
    from ..read import decode_plain

    try:
        return decode_plain(head)
    except InputError:
        return None


def read_document(path: str | Path, *, article_id: str | None = None,
                  disable_rules: Iterable[str] = ()) -> Article:
    """The one article of a .docx, .rtf or .pdf file (see :func:`toolkit.read.read_article`).

    An ordinary document is read as one article; an export holding a single
    article gives that article, with the archive's metadata.

    Raises:
        InputError: the file cannot be read, has no text layer, is not a
            document the toolkit reads, or holds several articles (read those
            with :func:`iter_archive`).

    Example:
        >>> read_document("tests/fixtures/archives/nexis_uni_single.docx").outlet is not None
        True
    """
    path = Path(path)
    name = display_path(path)
    export = open_export(path)
    if export is None:
        raise InputError(f"{name}: not a Word, RTF or PDF document the toolkit can read")
    articles = export.articles(disable_rules=disable_rules)
    article = next(articles, None)
    if article is None:
        raise InputError(f"{name}: no article found")
    more = sum(1 for _ in articles)
    if more:
        raise InputError(f"{name}: a {export.label} export holding {more + 1} articles; "
                         "read them one by one with toolkit.iter_archive(path)")
    if not article.paragraphs:
        raise InputError(f"{name}: no article text left after cleaning")
    check_size(article, name)
    if article_id is not None:
        article.id = article_id
    return article


def iter_archive(path: str | Path, *, disable_rules: Iterable[str] = ()) -> Iterator[Article]:
    """Read every article of an export (or the one article of a .docx/.rtf/.pdf).

    ``disable_rules`` names cleaning rules to switch off for each article's body.

    Raises:
        InputError: ``path`` is an ordinary text or HTML file, or cannot be read.
    """
    export = open_export(path)
    if export is None:
        raise InputError(f"{path}: not a news-archive export (read it with read_article)")
    yield from export.articles(disable_rules=disable_rules)


__all__ = ["DOCUMENT_SUFFIXES", "Export", "LAYOUTS", "detect_layout", "iter_archive",
           "open_export", "read_document"]
