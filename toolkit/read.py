"""Reading input (placeholder while the reader is written)."""

from __future__ import annotations

from pathlib import Path

from .article import Article, Paragraph
from .clean import clean_lines


def read_article(source, *, article_id: str | None = None) -> Article:
    p = Path(source) if not (isinstance(source, str) and "\n" in source) else None
    if p is not None and p.exists():
        text = p.read_text(encoding="utf-8")
        art = clean_lines(text.splitlines(), article_id=article_id or p.stem)
        art.source_path = str(p)
        return art
    return clean_lines(str(source).splitlines(), article_id=article_id or "text")


def article_from_text(text: str, *, article_id: str = "text") -> Article:
    """An article whose body is ``text`` as given, one paragraph per blank-line block.

    No cleaning rule runs: for tests and for text that is already clean.

    Example:
        >>> article_from_text("First paragraph.\\n\\nSecond one.").text
        'First paragraph.\\n\\nSecond one.'
    """
    paras = []
    for block in text.split("\n\n"):
        block = " ".join(block.split())
        if block:
            paras.append(Paragraph(block, "body"))
    return Article(id=article_id, paragraphs=paras)
