"""Factiva exports: articles with field codes, and the plain display form.

With indexing ("Full Article/Report plus Indexing"), each field starts with
its two- or three-letter code, alone on its line or before the value (in an
RTF table the two cells come out as ``CODE|value|``)::

    HD  Headline                 BY  By Ann Lee          WC  512 words
    PD  6 March 2023             SN  The Example Times   SC  EXTIME
    SE  News                     LA  English             CY  Copyright 2023 ...
    LP  lead paragraphs ...      TD  the rest of the text ...
    CO/IN/NS/RE/IPC/IPD/PUB  index codes                 AN  Document EXTIME0020230306ej36000xx

The display form has no codes: headline, byline, ``512 words``, date, source
name, source code, language, copyright, the text, and ``Document <AN>`` last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..clean import find_date
from .records import Record, Stretch, words_stated

FIELDS = {"HD": "title", "CLM": "column", "SE": "section", "HLP": "highlight", "BY": "byline",
          "CR": "credit", "WC": "length", "PD": "date", "ET": "time", "SN": "outlet",
          "SC": "source_code", "ED": "edition", "PG": "page", "LA": "language",
          "CY": "copyright", "LP": "body", "TD": "body", "CT": "contact", "RF": "notes",
          "CO": "index", "IN": "index", "NS": "index", "RE": "index", "IPC": "index",
          "IPD": "index", "PUB": "publisher", "AN": "id"}
"""Field codes and what each holds (``body``: article text; ``index``: Factiva's codes)."""

# Inside the text only codes that can follow it end it ("LA" could start a sentence).
_AFTER_TEXT = {"TD", "CT", "RF", "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN"}
_CODE = re.compile(r"^(?P<code>[A-Z]{2,3})(?:\s*\|\s*|[ \t\u00a0]+|$)(?P<value>.*)$")
_DOCUMENT = re.compile(r"^\s*Document\s+(?P<id>[A-Za-z0-9]{16,})\s*\|?\s*$")
_WORDS = re.compile(r"^\s*[\d,]+\s+words?\s*\|?\s*$", re.I)
_COPYRIGHT = re.compile(r"^\s*(copyright\b|\u00a9|\(c\)\s)", re.I)
_TIME = re.compile(r"^\s*\d{1,2}:\d\d\b")


def _code(line: str, allowed=FIELDS) -> tuple[str, str] | None:
    m = _CODE.match(line)
    if m and m.group("code") in allowed:
        return m.group("code"), m.group("value").strip().rstrip("|").strip()
    return None


def looks_like_coded(lines: list[str]) -> bool:
    """True when the lines hold Factiva's field codes (HD, PD, SN, AN...)."""
    codes = {c[0] for line in lines[:3000] if (c := _code(line))}
    return {"HD", "AN"} <= codes and len(codes & {"WC", "PD", "SN", "SC", "LP", "TD"}) >= 2


def looks_like_display(lines: list[str]) -> bool:
    """True for the display form: ``Document <id>`` lines and ``N words`` lines."""
    head = lines[:3000]
    return any(_DOCUMENT.match(x) for x in head) and any(_WORDS.match(x) for x in head)


def looks_like(lines: list[str]) -> bool:
    return looks_like_coded(lines) or looks_like_display(lines)


def split(lines: list[str]) -> Iterator[Record]:
    """One :class:`Record` per article, in file order (either form)."""
    if looks_like_coded(lines):
        bounds = _bounds(lines, lambda i: bool(_code(lines[i], {"AN"})), id_on_next=True)
        read = _coded
    else:
        bounds = _bounds(lines, lambda i: bool(_DOCUMENT.match(lines[i])))
        read = _display
    for start, end, complete in bounds:
        s = Stretch(lines, start, end)
        record = read(s)
        if not complete:
            record.warnings.append("the export ends inside this article (no AN/Document line): "
                                   "it may be cut off")
        yield record


def _bounds(lines: list[str], is_end, *, id_on_next: bool = False) -> list[tuple[int, int, bool]]:
    """``(start, end, complete)`` of each article; text after the last end joins the last one
    unless it starts another article."""
    bounds, start = [], 0
    for i in range(len(lines)):
        if is_end(i):
            end = i + 1
            if id_on_next and not _code(lines[i])[1]:  # "AN" alone: the id is below it
                end = next((j + 1 for j in range(i + 1, len(lines)) if lines[j].strip()), end)
            bounds.append((start, end, True))
            start = end
    rest = [i for i in range(start, len(lines)) if lines[i].strip()]
    if rest and (_code(lines[rest[0]], {"HD"}) or not bounds) and len(rest) > 2:
        bounds.append((start, len(lines), False))
    elif bounds:
        bounds[-1] = (bounds[-1][0], len(lines), True)
    return [(a, b, c) for a, b, c in bounds if a < b]


def _coded(s: Stretch) -> Record:
    """An article with field codes: each field runs to the next code."""
    field, body = None, []
    for i in range(s.start, s.end):
        found = _code(s.lines[i], _AFTER_TEXT if field == "body" else FIELDS)
        if found:
            code, value = found
            field = FIELDS[code]
            if field == "body" and value:
                body.append((i, value))
            elif field != "body":
                _store(s, field, value, i)
            else:
                s.take(i, "label")
            if field == "id":
                field = "trailer" if value else "id_next"
        elif s.blank(i):
            if field == "body":
                body.append((i, ""))
        elif field == "body":
            body.append((i, s.lines[i].rstrip().rstrip("|")))
        elif field == "id_next":
            _store(s, "id", s.text(i), i)
            field = "trailer"
        else:
            _store(s, field or "preamble", s.text(i).rstrip("|").strip(), i)
    return _record(s, body)


def _store(s: Stretch, field: str, value: str, i: int) -> None:
    """Note a field's value and mark its line."""
    s.take(i, field)
    if field == "length":
        s.set("length_words", words_stated(value))
    elif field == "date":
        s.set("published", find_date(value))
    elif field == "id":
        s.set("archive_id", re.sub(r"^Document\s+", "", value).strip() or None)
    elif field == "title":
        s.meta["title"] = " ".join(filter(None, (s.meta.get("title"), value)))
    elif field in ("byline", "section", "outlet"):
        s.set(field, value)


def _record(s: Stretch, body: list[tuple[int, str]]) -> Record:
    """A record whose body is the given ``(index, text)`` lines (values after a code)."""
    if not body:
        return s.record(s.start, s.start)
    first, last = body[0][0], body[-1][0] + 1
    lines = {i: text for i, text in body}
    for i in range(first, last):
        if i not in lines and i not in s.reasons:
            s.take(i, "label")
    record = s.record(first, last)
    record.body = [(i + 1, lines[i]) for i in range(first, last) if i in lines]
    return record


def _display(s: Stretch) -> Record:
    """The display form: header lines up to the copyright line, then the text."""
    lines = s.nonblank(s.start, s.end)
    words_at = next((i for i in lines if _WORDS.match(s.lines[i])), None)
    if words_at is None:  # not an article: a search summary or page furniture
        for i in lines:
            s.take(i, "trailer")
        return s.record(s.start, s.start)
    before = [i for i in lines if i < words_at]
    if before:
        s.set("title", s.take(before[0], "title"))
    for i in before[1:]:
        text = s.text(i)
        if re.match(r"^(by|von|par)\s", text, re.I):
            _store(s, "byline", text, i)
        else:
            _store(s, "section", text, i)
    _store(s, "length", s.text(words_at), words_at)
    body_start = _display_header(s, [i for i in lines if i > words_at])
    doc = next((i for i in reversed(lines) if _DOCUMENT.match(s.lines[i])), s.end)
    if doc < s.end:
        _store(s, "id", s.text(doc), doc)
    return s.record(body_start, doc)


def _display_header(s: Stretch, after: list[int]) -> int:
    """Date, time, source name and code, language, copyright; returns the text's start."""
    if not after:
        return s.end
    header_end = next((i for i in after if _COPYRIGHT.match(s.lines[i])), None)
    if header_end is None:  # no copyright line: the header is the first block of lines
        header_end = after[0]
        while header_end + 1 < s.end and not s.blank(header_end + 1):
            header_end += 1
    header = [i for i in after if i <= header_end]
    rest = []
    for i in header:
        text = s.text(i)
        if _COPYRIGHT.match(text):
            s.take(i, "copyright")
        elif "published" not in s.meta and find_date(text):
            _store(s, "date", text, i)
        elif _TIME.match(text):
            s.take(i, "time")
        else:
            rest.append(i)
    if rest:
        _store(s, "outlet", s.text(rest[0]), rest[0])
    for i in rest[1:]:
        s.take(i, "header")
    return header_end + 1
