"""LexisNexis plain-text exports (the classic "N of M DOCUMENTS" files).

Layout of one article, as the archive writes it::

                                   2 of 10 DOCUMENTS          <- separator
                                  The Example Times           <- outlet (centred)
                                March 6, 2023 Monday          <- date (centred)
                                    Final Edition             <- edition lines (centred)
    Headline of the story                                     <- title (may wrap)
    BYLINE: Ann Lee                                           <- leading fields
    SECTION: NEWS; Pg. 4
    LENGTH: 512 words
    DATELINE: LIMA
    Body text, hard-wrapped near 80 columns ...
    LOAD-DATE: March 7, 2023                                  <- trailing fields
    LANGUAGE: ENGLISH
    PUBLICATION-TYPE: Newspaper
                        Copyright 2023 Example Times Ltd      <- copyright (centred)
                                All Rights Reserved

Lines before the first separator are the download's cover page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..clean import find_date
from .records import Record, Stretch, words_stated

_SEPARATOR = re.compile(r"^\s*(\d+)\s+of\s+(\d+)\s+DOCUMENTS?\s*$", re.I)
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z\-]{2,30}):\s*(?P<value>.*)$")

LEADING = {"BYLINE": "byline", "SECTION": "section", "LENGTH": "length", "DATELINE": "dateline",
           "HIGHLIGHT": "highlight", "SOURCE": "source", "EDITION": "edition"}
"""Fields between the title and the body, and the metadata key each fills."""

TRAILING = {"LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "JOURNAL-CODE", "GRAPHIC", "NOTES",
            "CORRECTION-DATE", "CORRECTION", "DOCUMENT-TYPE", "URL", "SUBJECT", "ORGANIZATION",
            "GEOGRAPHIC", "PERSON", "COMPANY", "TICKER", "INDUSTRY", "CITY", "STATE", "COUNTRY",
            "DISTRIBUTION", "TYPE", "ACC-NO"}
"""Fields after the body: where one starts at the line start, the body has ended."""


def looks_like(lines: list[str]) -> bool:
    """True when the lines hold "N of M DOCUMENTS" separators."""
    return any(_SEPARATOR.match(line) for line in lines[:2000])


def _label(line: str, names) -> tuple[str, str] | None:
    m = _LABEL.match(line)
    if m and m.group("label") in names:
        return m.group("label"), m.group("value").strip()
    return None


def split(lines: list[str]) -> Iterator[Record]:
    """One :class:`Record` per article, in file order.

    The cover page goes with the first article (``archive_cover``). An
    article without trailing fields at the end of the file is kept with a
    warning that the export may be cut off; a count of articles below the
    "of M" the separators announce is warned about too.
    """
    starts = [i for i, line in enumerate(lines) if _SEPARATOR.match(line)]
    announced = max(int(_SEPARATOR.match(lines[i]).group(2)) for i in starts)
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(lines)
        stretch = Stretch(lines, 0 if k == 0 else start, end)
        for i in range(stretch.start, start):
            stretch.take(i, "cover")
        stretch.take(start, "separator")
        last = k + 1 == len(starts)
        yield _article(stretch, start + 1, last=last,
                       missing=announced - len(starts) if last else 0)


def _article(s: Stretch, i: int, *, last: bool, missing: int) -> Record:
    i = _header(s, i)
    i = _title(s, i)
    body_start = _leading_fields(s, i)
    body_end = _trailer(s, body_start)
    if body_end == s.end and last:
        s.warnings.append("the export ends inside this article (no LOAD-DATE or other closing "
                          "field): it may be cut off")
    if missing > 0:
        s.warnings.append(f"the export announces {missing} more article(s) than it holds: "
                          "it may be cut off")
    return s.record(body_start, body_end)


def _header(s: Stretch, i: int) -> int:
    """Centred lines after the separator: outlet, date, edition. Returns the next index."""
    dated = False
    while i < s.end and (s.blank(i) or s.lines[i][:2] == "  "):
        if not s.blank(i):
            date = None if dated else find_date(s.lines[i])
            if date:
                dated = True
                s.set("published", date)
                s.take(i, "date")
            elif "outlet" not in s.meta:
                s.set("outlet", s.take(i, "outlet"))
            else:
                s.take(i, "edition")
        i += 1
    return i


def _title(s: Stretch, i: int) -> int:
    """The headline: lines up to the first field (at most one blank-line-separated block)."""
    title = []
    while i < s.end and not _label(s.lines[i], LEADING.keys() | TRAILING):
        if s.blank(i) and title:
            break
        if not s.blank(i):
            title.append(s.take(i, "title"))
        i += 1
    s.set("title", " ".join(title))
    return i


def _leading_fields(s: Stretch, i: int) -> int:
    """BYLINE, SECTION, LENGTH...: each runs to the next blank line. Returns the body start."""
    while i < s.end:
        if s.blank(i):
            i += 1
            continue
        found = _label(s.lines[i], LEADING)
        if not found:
            return i
        name, value = found
        key = LEADING[name]
        parts = [value]
        s.take(i, key)
        i += 1
        while i < s.end and not s.blank(i) and not _label(s.lines[i], LEADING.keys() | TRAILING):
            parts.append(s.take(i, key))
            i += 1
        _store(s, key, " ".join(p for p in parts if p))
    return i


def _store(s: Stretch, key: str, value: str) -> None:
    if key == "length":
        s.set("length_words", words_stated(value))
    elif key in ("byline", "section", "dateline"):
        s.set(key, value)


def _trailer(s: Stretch, start: int) -> int:
    """Trailing fields and the copyright lines; returns where the body ends.

    A field's value may wrap onto the lines below it (up to a blank line).
    """
    end = next((i for i in range(start, s.end) if _label(s.lines[i], TRAILING)), s.end)
    current = None
    for i in range(end, s.end):
        found = _label(s.lines[i], TRAILING)
        if s.blank(i):
            current = None
        elif found:
            current = found[0].lower().replace("-", "_")
            s.take(i, current)
        elif current:
            s.take(i, current)
        elif re.match(r"^\s*(copyright|\u00a9|\(c\)|all rights reserved)", s.lines[i], re.I):
            s.take(i, "copyright")
        else:
            s.take(i, "trailer")
    return end
