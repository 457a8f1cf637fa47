"""Cleaning rules (placeholder while the rules are written)."""

from __future__ import annotations

from .article import Article, Paragraph


def clean_lines(lines: list[str], *, article_id: str = "article") -> Article:
    paras, buf, start = [], [], 0
    for n, line in enumerate(lines + [""], 1):
        if line.strip():
            if not buf:
                start = n
            buf.append(line.strip())
        elif buf:
            paras.append(Paragraph(" ".join(buf), "body", tuple(range(start, n))))
            buf = []
    return Article(id=article_id, paragraphs=paras)
