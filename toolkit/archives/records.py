"""From a stretch of an export's lines to an :class:`~toolkit.article.Article`.

Every archive reader works the same way: it cuts the export's lines into one
stretch per article and says, for each line of the stretch, whether it is body
text or what archive furniture it is (a label, the outlet, the copyright
line...). :class:`Stretch` collects those verdicts and makes sure that every
non-blank line ends up in exactly one place: the body, or
``Article.removed`` with a reason starting ``archive_``. The body then goes
through the same cleaning rules as any text (:mod:`toolkit.clean`), except the
two that guess where a web page's story starts (the archive says where).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field

from .. import clean
from ..article import Article, Paragraph, RemovedLine

# The archive says where the story starts and what its title is: the rules that
# guess those for a web page would take the first short paragraph as a title.
BODY_RULES = [r for r in clean.RULES if r not in (clean.rule_title, clean.rule_pre_body)]

_WORDS = re.compile(r"(\d[\d,.]*)\s+words?\b", re.I)


@dataclass
class Record:
    """One article as an export lays it out, before its body is cleaned.

    Attributes:
        body: ``(line, text)`` of the body's lines in order, blank lines included.
        removed: the stretch's other non-blank lines, each with its reason.
        meta: ``title``, ``outlet``, ``published``, ``byline``, ``section``,
            ``length_words``, ``archive_id``, ``dateline`` as found (any may be missing).
        warnings: notes about the stretch (e.g. the export is cut off in it).
        line_mode: how lines make paragraphs: ``"text"`` (blank lines separate
            them; hard wrapping is undone by the cleaner), ``"paragraphs"``
            (each line is a paragraph: .docx, RTF, HTML) or ``"wrapped"`` (a
            PDF's text layer: a line well short of the longest ends a paragraph).
    """

    body: list[tuple[int, str]]
    removed: list[RemovedLine]
    meta: dict
    warnings: list[str] = field(default_factory=list)
    line_mode: str = "text"


class Stretch:
    """The lines ``start:end`` of an export (0-based indexes), line by line assigned.

    ``take(i, reason)`` marks line ``i`` as archive furniture (the first
    reason given wins); :meth:`record` makes the :class:`Record`, with every
    line in the body range that was not taken as body, and every other
    non-blank line in ``removed`` (``archive_other`` when no reason was given).
    """

    def __init__(self, lines: list[str], start: int, end: int):
        self.lines, self.start, self.end = lines, start, end
        self.reasons: dict[int, str] = {}
        self.meta: dict = {}
        self.warnings: list[str] = []

    def take(self, i: int, reason: str) -> str:
        """Mark line ``i`` as furniture of kind ``reason``; returns its stripped text."""
        self.reasons.setdefault(i, f"archive_{reason}")
        return self.text(i)

    def text(self, i: int) -> str:
        return clean.normalise_space(self.lines[i])

    def blank(self, i: int) -> bool:
        return not self.lines[i].strip()

    def nonblank(self, start: int, end: int) -> list[int]:
        """Indexes of the non-blank lines in ``start:end``."""
        return [i for i in range(start, end) if not self.blank(i)]

    def set(self, key: str, value) -> None:
        """Record metadata ``key`` unless already found (the first occurrence wins)."""
        if value not in (None, "", []) and self.meta.get(key) in (None, "", []):
            self.meta[key] = value

    def record(self, body_start: int, body_end: int) -> Record:
        body = [(i + 1, self.lines[i]) for i in range(body_start, body_end)
                if i not in self.reasons]
        removed = [RemovedLine(i + 1, self.text(i), self.reasons.get(i, "archive_other"))
                   for i in range(self.start, self.end)
                   if not self.blank(i) and (i in self.reasons or not body_start <= i < body_end)]
        return Record(body, removed, dict(self.meta), list(self.warnings))


def words_stated(text: str) -> int | None:
    """The word count an archive states ("1,204 words").

    Example:
        >>> words_stated("Length: 1,204 words")
        1204
    """
    m = _WORDS.search(text)
    return int(re.sub(r"\D", "", m.group(1))) if m else None


def authors_from(byline: str | None) -> list[str]:
    """Names from an archive's byline field ("By Ann Lee and Bo Diaz").

    Example:
        >>> authors_from("By Ann Lee and Bo Diaz")
        ['Ann Lee', 'Bo Diaz']
    """
    if not byline:
        return []
    byline = re.sub(r"^(by|von|par)\s+", "", byline.strip(), flags=re.I)
    return clean.split_authors(byline)


def slug(text: str, *, words: int = 8) -> str:
    """A lower-case ASCII slug of the first ``words`` words.

    Example:
        >>> slug("Ferry crews vote to strike: «the night shifts»", words=5)
        'ferry-crews-vote-to-strike'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = re.findall(r"[a-z0-9]+", ascii_text.lower())[:words]
    return "-".join(parts)


def article_id(meta: dict, fallback: str) -> str:
    """A readable id: outlet slug, date and title slug (``fallback`` if none is known).

    Example:
        >>> article_id({"outlet": "The Harbour Gazette", "published": "2023-03-06",
        ...             "title": "Ferry crews vote to strike"}, "x-1")
        'harbour-gazette-2023-03-06-ferry-crews-vote-to-strike'
    """
    outlet = re.sub(r"^the-", "", slug(meta.get("outlet") or "", words=4))
    parts = [outlet, meta.get("published") or "", slug(meta.get("title") or "")]
    made = "-".join(p for p in parts if p)
    return made[:120].rstrip("-") if made else fallback


def body_lines(record: Record) -> tuple[list[tuple[tuple[int, str], ...]], list[str]]:
    """The body as lines for the cleaner, with blank lines between paragraphs.

    Returns, for each line given to the cleaner, the export's ``(line, text)``
    it was made of, and the lines themselves. In ``"wrapped"`` mode the lines
    of one paragraph are joined into one (the cleaner only unwraps text
    wrapped at a steady width, which a PDF's last lines of paragraphs are not).

    Example:
        >>> r = Record([(4, "A line that runs on and on"), (5, "to here."), (6, "Next.")],
        ...            [], {}, line_mode="wrapped")
        >>> body_lines(r)[1]
        ['A line that runs on and on to here.', '', 'Next.']
    """
    groups: list[tuple[tuple[int, str], ...]] = []
    lines: list[str] = []
    width = max((len(t.rstrip()) for _, t in record.body), default=0)
    for n, text in record.body:
        prev = lines[-1] if lines else ""
        if record.line_mode == "wrapped" and prev and text.strip() \
                and len(groups[-1][-1][1].rstrip()) >= 0.75 * width:
            groups[-1] += ((n, text),)
            lines[-1] = clean.join_wrapped(prev, clean.normalise_space(text))
            continue
        if prev and text.strip() and record.line_mode in ("paragraphs", "wrapped"):
            groups.append(((n, ""),))
            lines.append("")
        groups.append(((n, text),))
        lines.append(text)
    return groups, lines


def to_article(record: Record, *, article_id_: str, source_path: str | None,
               disable: Collection[str] = ()) -> Article:
    """Clean a record's body and attach the archive's metadata.

    ``disable`` names cleaning rules to switch off (see :func:`toolkit.clean.clean_lines`).

    Line numbers in the result are the export's (1-based lines of the text,
    paragraphs of a .docx).
    """
    groups, lines = body_lines(record)
    cleaned = clean.clean_lines(lines, article_id=article_id_, rules=BODY_RULES, disable=disable)
    paragraphs = [Paragraph(p.text, p.kind, tuple(n for i in p.lines for n, _ in groups[i - 1]))
                  for p in cleaned.paragraphs]
    removed = [RemovedLine(n, text.strip(), r.reason) for r in cleaned.removed
               for n, text in groups[r.line - 1]]
    meta = record.meta
    return Article(
        id=article_id_, paragraphs=paragraphs, source_path=source_path,
        title=meta.get("title") or cleaned.title,
        authors=authors_from(meta.get("byline")) or cleaned.authors,
        published=meta.get("published") or cleaned.published,
        published_from="archive" if meta.get("published") else cleaned.published_from,
        dateline=meta.get("dateline") or cleaned.dateline, captions=cleaned.captions,
        removed=sorted(record.removed + removed, key=lambda r: r.line),
        warnings=list(record.warnings), outlet=meta.get("outlet"),
        section=meta.get("section"), length_words=meta.get("length_words"),
        archive_id=meta.get("archive_id"))
