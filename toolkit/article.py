"""The small data model every stage shares: an :class:`Article` and its parts.

An article is what the cleaning stage makes of one input: body paragraphs in
order, metadata found on the way (title, authors, date, captions) and an account
of every input line that did not become body text (:attr:`Article.removed`).
The analysed text is :attr:`Article.text`: paragraphs joined by a blank line.
All character offsets in the output tables refer to that string, which is
written verbatim to ``cleaned/<article_id>.txt``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PARAGRAPH_SEP = "\n\n"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the body.

    Attributes:
        text: the paragraph on a single line.
        kind: ``"body"`` or ``"heading"`` (a section heading, not a sentence).
        lines: the 1-based input line numbers the paragraph was built from.
    """

    text: str
    kind: str = "body"
    lines: tuple[int, ...] = ()


@dataclass(frozen=True)
class RemovedLine:
    """An input line that is not part of the body, and why.

    Lines moved into metadata (title, byline, caption) are listed here too,
    with the reason saying where they went, so that body + removed always
    covers every non-blank input line.
    """

    line: int
    text: str
    reason: str


@dataclass
class Article:
    """A cleaned article.

    Attributes:
        id: a short identifier, by default the input file's stem.
        source_path: where the article was read from, if a file.
        source_id: the id the input gave it before the toolkit made ids safe
            and unique (a corpus row's id, a file's stem); None if it gave none.
        title: the headline, when one was recognised.
        authors: author names from the byline (and a wire trailer's "Reporting
            by ..."), in order, without roles.
        author_roles: each author's role or desk as the byline gives it
            (``{"Ann Lee": "Health Correspondent"}``, ``{"Bo Diaz": "Editing"}``).
        published: ISO date (``YYYY-MM-DD``) when the text states one.
        published_from: where that date was found: ``"date_line"`` (a line
            giving the publication date), ``"dateline"`` (a dateline's date
            with its year), ``"html_metadata"`` (the page's metadata),
            ``"caption"`` (the date of a photo caption, a fallback for wire
            pages that print no date line) or ``"archive"`` (the date field of
            a news-archive export).
        dateline: the place of the story's dateline, as written (``"NAIROBI"``
            for "NAIROBI, May 3 (Reuters) - ..."); the whole dateline is in
            :attr:`removed` with the reason ``dateline``.
        paragraphs: the body, in order.
        captions: photo captions and credits moved out of the body.
        removed: every input line not in the body, with its line number and reason.
        language: the detected language code, when checked.
        warnings: non-fatal notes from reading and cleaning.
        outlet: the newspaper, site or agency, as a news archive names it.
        section: the section (and page) the archive gives, e.g. ``"NEWS; Pg. 4"``.
        length_words: the length in words as the archive states it (not counted here).
        archive_id: the archive's own document id (Factiva's accession number).
    """

    id: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    source_path: str | None = None
    source_id: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    author_roles: dict[str, str] = field(default_factory=dict)
    published: str | None = None
    published_from: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[RemovedLine] = field(default_factory=list)
    language: str | None = None
    warnings: list[str] = field(default_factory=list)
    outlet: str | None = None
    section: str | None = None
    length_words: int | None = None
    archive_id: str | None = None

    @property
    def text(self) -> str:
        """The body as analysed: paragraphs separated by one blank line."""
        return PARAGRAPH_SEP.join(p.text for p in self.paragraphs)

    @property
    def words(self) -> int:
        """Whitespace-separated words in the body."""
        return sum(len(p.text.split()) for p in self.paragraphs)

    def paragraph_spans(self) -> list[tuple[int, int, str]]:
        """``(start_char, end_char, kind)`` of each paragraph in :attr:`text`."""
        spans, pos = [], 0
        for p in self.paragraphs:
            spans.append((pos, pos + len(p.text), p.kind))
            pos += len(p.text) + len(PARAGRAPH_SEP)
        return spans
