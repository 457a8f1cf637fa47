"""Nexis Uni exports (.docx, and the same layout in .rtf and .pdf).

Layout of one article, one paragraph per line::

    Headline of the story                          <- title
    The Example Times                              <- outlet
    March 6, 2023 Monday                           <- date
    Copyright 2023 The Example Times Ltd           <- copyright
    Section: NEWS; Pg. 4                           <- "Label:\u00a0value" fields,
    Length: 512 words                                 in any order
    Byline: Ann Lee
    Dateline: LIMA
    Body                                           <- the body starts
    Body paragraphs ...
    Classification                                 <- the body has ended
    Language: ENGLISH
    Load-Date: March 7, 2023
    End of Document                                <- separator

A download of several articles starts with a cover page (user name, job
number, the list of documents, the search terms); PDFs add page lines
("Page 2 of 5").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..clean import find_date
from .records import Record, Stretch, words_stated

_END = re.compile(r"^\s*End of Document\s*$", re.I)
_LABEL = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z\-]+(?: [A-Za-z\-]+)?):[ \u00a0]+(?P<value>.*)$")
_PAGE = re.compile(r"^\s*Page \d+ of \d+\s*$", re.I)
_COPYRIGHT = re.compile(r"^\s*(copyright\b|\u00a9|\(c\)\s)", re.I)
_BODY = re.compile(r"^\s*Body\s*$")
_CLASSIFICATION = re.compile(r"^\s*(Classification|Graphic|Notes)\s*$")
_COVER = re.compile(r"^\s*(User Name:|Date and Time:|Job Number:|Documents \(\d+\)|\d+\.\s|"
                    r"Client/Matter:|Search Terms:|Search Type:|Narrowed by|Content Type|"
                    r"News\b.*:|Timeline:|Source:|Language:|Sources?\b.*:|Results? list|"
                    r"Print Request|Time of Request|Delivery)", re.I)

LEADING = {"Section": "section", "Length": "length", "Byline": "byline", "Dateline": "dateline",
           "Highlight": "highlight", "Edition": "edition", "Author": "byline",
           "Column": "section", "Series": "section"}
"""Fields between the header and the body, and the metadata key each fills."""

TRAILING = {"Language", "Load-Date", "Publication-Type", "Subject", "Company", "Organization",
            "Ticker", "Industry", "Geographic", "Person", "City", "State", "Country",
            "Journal-Code", "Correction-Date", "Document-Type", "Notes", "Graphic", "Url",
            "Publication-Date"}
"""Fields after the body."""


def looks_like(lines: list[str]) -> bool:
    """True for an "End of Document" export with Nexis Uni's labels."""
    head = lines[:5000]
    return any(_END.match(line) for line in head) and any(
        _label(line) and _label(line)[0] in ("Length", "Load-Date") for line in head)


def _label(line: str) -> tuple[str, str] | None:
    m = _LABEL.match(line)
    return (m.group("label"), m.group("value").strip()) if m else None


def split(lines: list[str]) -> Iterator[Record]:
    """One :class:`Record` per article, in file order.

    Text after the last "End of Document" is kept as an article cut off
    when it has a body, else listed with the last article's removed lines.
    """
    ends = [_page_lines_after(lines, i) for i, line in enumerate(lines) if _END.match(line)]
    bounds = list(zip([0] + [e + 1 for e in ends[:-1]], [e + 1 for e in ends], strict=True))
    tail = (ends[-1] + 1 if ends else 0, len(lines))
    has_tail = any(lines[i].strip() and not _PAGE.match(lines[i]) for i in range(*tail))
    if has_tail and _has_header(lines, *tail):
        bounds.append(tail)
    elif bounds:
        bounds[-1] = (bounds[-1][0], len(lines))
    for k, (start, end) in enumerate(bounds):
        s = Stretch(lines, start, end)
        yield _article(s, first=k == 0)


def _page_lines_after(lines: list[str], i: int) -> int:
    """The last of the blank and page lines ("Page 2 of 2") right after line ``i``."""
    while i + 1 < len(lines) and (not lines[i + 1].strip() or _PAGE.match(lines[i + 1])):
        i += 1
    return i


def _has_header(lines: list[str], start: int, end: int) -> bool:
    return any(_label(lines[i]) or _BODY.match(lines[i]) for i in range(start, end))


def _article(s: Stretch, *, first: bool) -> Record:
    for i in range(s.start, s.end):
        if _PAGE.match(s.lines[i]):
            s.take(i, "page")
        elif _END.match(s.lines[i]):
            s.take(i, "separator")
    fields_at = next((i for i in range(s.start, s.end) if i not in s.reasons and
                      (_COPYRIGHT.match(s.lines[i]) or _leading(s.lines[i]))), None)
    if fields_at is None:
        s.warnings.append("no article fields found (Length:, Byline:, Body): the export may be "
                          "cut off or not a Nexis Uni file")
        return s.record(s.start, s.end)
    _header(s, fields_at, first=first)
    body_start = _fields(s, fields_at)
    body_end = _trailer(s, body_start)
    if not any(_END.match(s.lines[i]) for i in range(s.start, s.end)):
        s.warnings.append("the export ends inside this article (no \"End of Document\"): it "
                          "may be cut off")
    return s.record(body_start, body_end)


def _leading(line: str) -> bool:
    found = _label(line)
    return bool(found and found[0] in LEADING)


def _header(s: Stretch, fields_at: int, *, first: bool) -> None:
    """Title, outlet and date: the lines just before the first field."""
    before = [i for i in s.nonblank(s.start, fields_at) if i not in s.reasons]
    if before and find_date(s.lines[before[-1]]):
        s.set("published", find_date(s.lines[before[-1]]))
        s.take(before.pop(), "date")
    if before:
        s.set("outlet", s.take(before.pop(), "outlet"))
    if first:  # the cover page: leading lines of the known kinds
        while len(before) > 1 and _COVER.match(s.lines[before[0]]):
            s.take(before.pop(0), "cover")
        if len(before) > 3:  # more than a wrapped headline: the rest is cover too
            for i in before[:-1]:
                s.take(i, "cover")
            before = before[-1:]
    s.set("title", " ".join(s.take(i, "title") for i in before))


def _fields(s: Stretch, i: int) -> int:
    """The fields before the body; returns the body's first line."""
    while i < s.end:
        if _BODY.match(s.lines[i]):
            s.take(i, "label")
            return i + 1
        if s.blank(i) or i in s.reasons:
            i += 1
            continue
        if _COPYRIGHT.match(s.lines[i]):
            s.take(i, "copyright")
        elif _leading(s.lines[i]):
            name, value = _label(s.lines[i])
            key = LEADING[name]
            s.take(i, key)
            if key == "length":
                s.set("length_words", words_stated(value))
            elif key in ("byline", "section", "dateline"):
                s.set(key, value)
        else:
            return i  # no "Body" line: the body starts after the last field
        i += 1
    return i


def _trailer(s: Stretch, start: int) -> int:
    """Classification and trailing fields; returns where the body ends."""
    end = next((i for i in range(start, s.end) if i not in s.reasons and (
        _CLASSIFICATION.match(s.lines[i]) or (_label(s.lines[i])
                                             and _label(s.lines[i])[0] in TRAILING))), s.end)
    for i in s.nonblank(end, s.end):
        found = _label(s.lines[i])
        if found and found[0] in TRAILING:
            s.take(i, found[0].lower().replace("-", "_"))
        else:
            s.take(i, "label" if _CLASSIFICATION.match(s.lines[i]) else "trailer")
    return end
