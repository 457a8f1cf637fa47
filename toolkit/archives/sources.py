"""The lines of a file, whatever holds them: text, HTML, .docx, RTF or PDF.

Each loader returns the file's lines in reading order; the archive readers
work on those lines, and line numbers in ``removed.csv`` count them (for a
.docx: its paragraphs, table cells included; for a PDF: the lines of its
text layer, page after page). Library errors become one-line
:class:`~toolkit.read.InputError` messages naming the file.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from ..clean import normalise_space
from ..read import InputError, decode, os_errors, read_bytes

_HTML_BLOCKS = {"p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre",
                "blockquote", "dt", "dd", "caption", "section", "article", "header", "footer"}


def container_of(head: bytes) -> str | None:
    """``"docx"``, ``"rtf"`` or ``"pdf"`` from a file's first bytes, else None (text)."""
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.lstrip()[:5] == b"{\\rtf":
        return "rtf"
    if head.startswith(b"%PDF"):
        return "pdf"
    return None


def text_lines(path: Path) -> list[str]:
    """A text file's lines (any common encoding, see :func:`toolkit.read.decode`)."""
    text, _ = decode(read_bytes(path), name=str(path))
    return text.splitlines()


def html_lines(html: str) -> list[str]:
    """The text of an HTML page's innermost blocks, one per line (scripts and styles dropped).

    Example:
        >>> html_lines("<table><tr><td><b>HD</b></td><td><p>Rain</p><p>Sun</p></td></tr></table>")
        ['HD', 'Rain', 'Sun']
    """
    import lxml.html

    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True)
    root = lxml.html.fromstring(html.encode("utf-8"), parser=parser)
    for bad in root.xpath("//script|//style|//head"):
        bad.drop_tree()
    lines = []
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in _HTML_BLOCKS and not any(
                isinstance(d.tag, str) and d.tag in _HTML_BLOCKS for d in el.iterdescendants()):
            text = normalise_space(el.text_content())
            if text:
                lines.append(text)
    return lines


def docx_lines(path: Path) -> list[str]:
    """The paragraphs of a .docx in document order, table cells included."""
    import docx
    from docx.table import Table

    with os_errors(path):
        try:
            document = docx.Document(str(path))
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise InputError(f"{path}: not a readable .docx file ({exc})") from None
        except docx.opc.exceptions.PackageNotFoundError:
            raise InputError(f"{path}: not a .docx file (no Word document inside the ZIP "
                             "archive)") from None
    lines = []
    for item in document.iter_inner_content():
        if isinstance(item, Table):
            for row in item.rows:
                for cell in row.cells:
                    lines.extend(p.text for p in cell.paragraphs)
        else:
            lines.append(item.text)
    return [line.replace("\t", " ") for line in lines]


def rtf_lines(path: Path) -> list[str]:
    """The text of an RTF file, line by line (table cells come out as ``a|b|``)."""
    from striprtf.striprtf import rtf_to_text

    data = read_bytes(path)
    text = rtf_to_text(data.decode("latin-1"), encoding="cp1252", errors="replace")
    return text.splitlines()


def pdf_lines(path: Path) -> list[str]:
    """The lines of a PDF's text layer, page after page.

    Raises:
        InputError: the file is not a readable PDF, is encrypted, or has no
            text layer (a scan, which needs OCR first).
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    with os_errors(path):
        try:
            reader = PdfReader(str(path))
            if reader.is_encrypted:
                raise InputError(f"{path}: the PDF is encrypted; export it again without a "
                                 "password")
            pages = [page.extract_text() or "" for page in reader.pages]
        except (PdfReadError, ValueError, KeyError) as exc:
            raise InputError(f"{path}: not a readable PDF ({exc})") from None
    if not any(p.strip() for p in pages):
        raise InputError(f"{path}: the PDF has no text layer (scanned pages?); it needs OCR "
                         "before it can be read")
    return [line for page in pages for line in page.splitlines()]


def is_word_zip(path: Path) -> bool:
    """True for a ZIP archive holding a Word document (a .docx)."""
    try:
        with zipfile.ZipFile(path) as z:
            return "word/document.xml" in z.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def looks_like_export_text(head: str) -> bool:
    """Cheap test on a text file's start: could it be an archive export at all?

    The patterns that name a document are tried only when the head has the
    word (no character folds to its letters under ignore-case matching).

    Example:
        >>> looks_like_export_text("  1 of 3 DOCUMENTS"), looks_like_export_text("Tide tables")
        (True, False)
    """
    return bool(_FACTIVA_FIELD.search(head)
                or ("document" in head.lower() and _DOCUMENT_LINE.search(head)))


_FACTIVA_FIELD = re.compile(r"(^|>)\s*(HD|AN)\b", re.M | re.I)
_DOCUMENT_LINE = re.compile(r"\bof\s+\d+\s+DOCUMENTS?\s*($|<)|(^|>)\s*End of Document\s*($|<)|"
                            r"(^|>)\s*Document\s+[A-Za-z0-9]{16,}", re.M | re.I)
