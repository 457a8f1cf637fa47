"""Cleaning: from the lines of a raw scrape or wire story to an :class:`Article`.

The cleaner is a pipeline of small named rules, none specific to a site or an
article:

1. :func:`blocks_from_lines` groups input lines into blocks (one paragraph
   each), unwrapping hard-wrapped wire text (indented paragraphs, lines
   wrapped near a fixed width, words hyphenated at line ends).
2. Each block is classified by the ``RULES`` in order (see :func:`classify`):
   page chrome, read-time lines, "Related" blocks and their teasers,
   newsletter and cookie notices, banner and ad placeholders, wire
   signatures, headline, byline, date lines, photo captions and credits,
   repeated paragraphs, ALL-CAPS section headings. A rule returns a reason
   (the block leaves the body and is listed in ``Article.removed``) or keeps
   the block as ``body``/``heading``.
3. :func:`rejoin_splits` merges body paragraphs that a page or line break cut
   in the middle of a sentence, gluing a word cut in two (``la`` + ``nded,``
   -> ``landed,``) when the word-frequency lists say so.

Nothing is lost silently: every non-blank input line ends up in the body or in
``Article.removed`` with its line number and a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from wordfreq import zipf_frequency

from .article import Article, Paragraph, RemovedLine

# --------------------------------------------------------------------------- blocks


@dataclass
class Block:
    """A candidate paragraph: its text on one line and the input lines it came from."""

    text: str
    lines: list[int]
    raw: list[str] = field(default_factory=list)


_TERMINAL = ('.', '!', '?', '"', '\u201d', "'", '\u2019', ')', ':')
_WS = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space."""
    return _WS.sub(" ", text).strip()


def _is_wrapped(lines: list[str]) -> int:
    """Width of hard-wrapped text, or 0 when lines are not wrapped at a fixed width.

    Wire copy is wrapped near a fixed column (typically 60-80): most long lines
    end within a few characters of the widest one.
    """
    lengths = [len(ln.rstrip()) for ln in lines if ln.strip()]
    if len(lengths) < 4:
        return 0
    width = sorted(lengths)[int(len(lengths) * 0.9) - 1]
    if not 40 <= width <= 100:
        return 0
    near = sum(1 for n in lengths if width - 15 <= n <= width)
    return width if near >= 0.5 * len(lengths) else 0


def join_wrapped(left: str, right: str) -> str:
    """Join two pieces of one paragraph split at a line or page break.

    A hyphen at the end of ``left`` is kept (``anti-`` + ``aircraft``) unless
    the joined word is more common than either half (``govern-`` + ``ment``).
    A word cut without a hyphen is glued when the whole is a more common word
    than the rarer fragment (``la`` + ``nded`` -> ``landed``); otherwise the
    pieces are joined with a space.

    Example:
        >>> join_wrapped("Hours before she la", "nded, sirens sounded.")
        'Hours before she landed, sirens sounded.'
        >>> join_wrapped("an anti-", "aircraft gun")
        'an anti-aircraft gun'
    """
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    m_left = re.search(r"([A-Za-z]+)(-?)$", left)
    m_right = re.match(r"[a-z]+", right)
    if m_left and m_right:
        a, hyphen, b = m_left.group(1), m_left.group(2), m_right.group(0)
        whole = zipf_frequency((a + b).lower(), "en")
        za, zb = zipf_frequency(a.lower(), "en"), zipf_frequency(b.lower(), "en")
        if hyphen:
            if whole >= 3.0 and whole > max(za, zb):
                return left[:-1] + right
            return left + right
        if whole >= 3.0 and whole > min(za, zb):
            return left + right
    return left + " " + right


def blocks_from_lines(lines: list[str]) -> list[Block]:
    """Group lines into paragraph blocks.

    A blank line always ends a block. In hard-wrapped text an indented line
    also starts a new paragraph and the other lines continue the paragraph
    before them; otherwise each non-blank line is its own block (web scrapes
    put one element per line).
    """
    width = _is_wrapped(lines)
    blocks: list[Block] = []
    current: Block | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            current = None
            continue
        indented = line[:1] in (" ", "\t")
        continues = (width and current is not None and not indented
                     and len(current.raw[-1].rstrip()) >= width - 25)
        if continues:
            current.text = join_wrapped(current.text, normalise_space(line))
            current.lines.append(n)
            current.raw.append(line)
        else:
            current = Block(normalise_space(line), [n], [line])
            blocks.append(current)
            if not width:
                current = None
    return blocks


# --------------------------------------------------------------------------- rules

_SKIP_LINK = re.compile(r"^(skip to (main )?(content|navigation|search)|skip navigation|jump to "
                        r"(main )?content|back to top|menu|search|close|open menu)$", re.I)
_READ_TIME = re.compile(r"^(\d+|one|two|three|four|five)\s*(-\s*)?(min|mins|minute|minutes)"
                        r"(\s+read)?$|^(reading time|read time|listen)\b.{0,20}$", re.I)
_SHARE = re.compile(r"^(share|share this( article| story)?|tweet|facebook|twitter|x|linkedin|"
                    r"whatsapp|email|e-mail|print|copy link|save|comments?|\d+ comments?|"
                    r"follow us|listen to this article|show more|show less|"
                    r"advertisement|advertisement - scroll to continue|sponsored( content)?|"
                    r"scroll to continue|continue reading)$", re.I)
_NEWSLETTER = re.compile(r"\b(subscribe|sign up|newsletter|inbox|unsubscribe)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(we use|this (web)?site uses|enable|policy|consent|accept|"
                             r"preferences|necessary|browser)\b", re.I)
_BANNER = re.compile(r"\b(banner|advert|ad ?slot|ad ?unit|leaderboard|mpu|billboard|"
                     r"sponsored|promo(tion)?)\b", re.I)
_WIRE_SIGNATURE = re.compile(r"^(reuter|reuters|ap|afp|dpa|upi|xinhua)\.?$", re.I)
_CREDITS = re.compile(r"^\(?\s*(\(?reporting|writing|editing|additional reporting|compiled)"
                      r" by\b.*\)?$", re.I)
_RELATED = re.compile(r"^(related( articles| stories| content| coverage| news| topics)?|"
                      r"read more|read next|more on this story|more from [\w ]{1,30}|"
                      r"recommended( for you| stories)?|you may also like|you might also like|"
                      r"most read|most popular|latest( news| stories)?|also read|see also|"
                      r"trending( now)?|top stories|more stories)\s*:?$", re.I)
_BYLINE = re.compile(r"^(?i:by|words by|written by|reporting by)\s+(?P<names>[A-Z\u00C0-\u024F].*)$")
_CREDIT_SUFFIX = re.compile(
    r"(\b(reuters|afp|ap|epa|getty images|anadolu|xinhua|ap photo|afp photo|epa-efe|"
    r"pa images|pa media|bloomberg|nurphoto|sopa images)\s*/\s*[A-Z][\w.'\- ]+"
    r"|\b(photo|photograph|picture|image|credit|photo credit)\s*:\s*.{2,80}"
    r"|\((ap|afp|reuters|getty images|epa)( photo)?(\s*/\s*[^)]{1,60})?\)"
    r"|\b(getty images|shutterstock|file photo)\.?)\s*$", re.I)
_MONTHS = ("january february march april may june july august september october "
           "november december").split()
_MONTH_RE = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|"
             r"july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DATE_PATTERNS = [
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>(19|20)\d\d)\b",
               re.I),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
]
_DATE_LINE = re.compile(r"^((published|updated|posted|last updated|first published)( on| at)?:?\s*)?"
                        r"((mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?.{0,12}\d.{0,40}$", re.I)
_DATELINE = re.compile(r"^(?P<dateline>[A-Z][A-Z.' \-]{1,40}(?:,\s*[A-Z][\w.' ]{1,30})?"
                       r"(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*"
                       r"\((?:Reuters|AP|AFP|UPI|dpa|Xinhua|Bloomberg)\)\s*[-\u2013\u2014]+)\s*")


def find_date(text: str) -> str | None:
    """The first full calendar date in ``text`` as ``YYYY-MM-DD``, or None.

    Example:
        >>> find_date("Updated March 3, 2021 10:15 GMT")
        '2021-03-03'
    """
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            month = m.group("month")
            if month.isdigit():
                mi = int(month)
            else:
                mi = next(i for i, name in enumerate(_MONTHS, 1)
                          if name.startswith(month.lower().rstrip(".")[:3]))
            try:
                return date(int(m.group("year")), mi, int(m.group("day"))).isoformat()
            except ValueError:
                continue
    return None


def is_prose(text: str) -> bool:
    """Looks like running text: several words ending a sentence, or a long passage."""
    words = len(text.split())
    return (words >= 8 and text.rstrip().endswith(_TERMINAL)) or words >= 25


def is_caps_heading(text: str) -> bool:
    """An ALL-CAPS line of a few words without sentence punctuation."""
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 3 and all(c.isupper() for c in letters)
            and 1 <= len(text.split()) <= 12 and not text.rstrip().endswith((".", "?", "!")))


def is_headline(text: str) -> bool:
    """A headline: 3-30 words, not ending in a full stop."""
    return 3 <= len(text.split()) <= 30 and not text.rstrip().endswith((".", ":"))


def split_authors(names: str) -> list[str]:
    """Split a byline's names on commas, "and" and "&".

    Example:
        >>> split_authors("Ann Lee, Bo Diaz and Cy Young in Paris")
        ['Ann Lee', 'Bo Diaz', 'Cy Young']
    """
    names = re.split(r"\s*[;|]\s*|,?\s+\bin\s+[A-Z][\w ]*$", names)[0]
    parts = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", names)
    return [p.strip(" .") for p in parts if p.strip(" .")]


@dataclass
class State:
    """What the classifier knows while it walks the blocks in order."""

    body_started: bool = False
    story_ended: bool = False
    in_related: int = 0  # >0 while inside a "Related" block; counts teaser prose seen
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    published_from: str | None = None
    captions: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)


Rule = Callable[[Block, State], "str | None"]


def rule_skip_link(block: Block, state: State) -> str | None:
    """Accessibility and navigation links ("Skip to main content")."""
    return "page_chrome" if _SKIP_LINK.match(block.text) else None


def rule_read_time(block: Block, state: State) -> str | None:
    """Reading-time lines ("3 min", "5 min read")."""
    return "read_time" if _READ_TIME.match(block.text) else None


def rule_share(block: Block, state: State) -> str | None:
    """Share buttons, ad labels and other one-word furniture."""
    return "page_chrome" if _SHARE.match(block.text) else None


def rule_related(block: Block, state: State) -> str | None:
    """A "Related" marker and its teasers: short titles and one teaser paragraph."""
    if _RELATED.match(block.text):
        state.in_related = 1
        return "related"
    if state.in_related:
        if is_prose(block.text) and not _NEWSLETTER.search(block.text):
            if state.in_related >= 2:  # a second paragraph: the teaser block is over
                state.in_related = 0
                return None
            state.in_related += 1
            return "related"
        if len(block.text.split()) <= 20 and not _is_notice(block.text):
            return "related"
        state.in_related = 0
    return None


def _is_notice(text: str) -> bool:
    return bool(_NEWSLETTER.search(text) or (_COOKIE.search(text)
                                             and _COOKIE_CONTEXT.search(text)))


def rule_newsletter(block: Block, state: State) -> str | None:
    """Newsletter and subscription prompts (short lines only)."""
    if _NEWSLETTER.search(block.text) and len(block.text.split()) <= 20:
        return "newsletter"
    return None


def rule_cookie(block: Block, state: State) -> str | None:
    """Cookie notices and their bullet points."""
    if _COOKIE.search(block.text) and _COOKIE_CONTEXT.search(block.text):
        return "cookie_notice"
    return None


def rule_banner(block: Block, state: State) -> str | None:
    """Banner and ad placeholders ("Mena banner 4", "Leaderboard ad")."""
    if _BANNER.search(block.text) and len(block.text.split()) <= 6 and not is_prose(block.text):
        return "banner"
    return None


def rule_wire_signature(block: Block, state: State) -> str | None:
    """Wire signatures and reporting credits ("Reuter", "(Reporting by ...)")."""
    if state.body_started and _WIRE_SIGNATURE.match(block.text):
        state.story_ended = True
        return "wire_signature"
    m = _CREDITS.match(block.text)
    if m and state.body_started:
        state.story_ended = True
        return "credits"
    return None


def rule_byline(block: Block, state: State) -> str | None:
    """A byline ("By Ann Lee and Bo Diaz"): names go to ``Article.authors``."""
    m = _BYLINE.match(block.text)
    if m and len(block.text.split()) <= 25 and not block.text.rstrip().endswith((".", "?", "!")):
        state.authors.extend(a for a in split_authors(m.group("names")) if a not in state.authors)
        if state.body_started:
            state.story_ended = True  # a byline after the body closes the story
        return "byline"
    return None


def rule_date_line(block: Block, state: State) -> str | None:
    """A line that is only a date ("Published October 2, 2023 3:15 PM GMT")."""
    found = find_date(block.text)
    if found and len(block.text.split()) <= 12 and _DATE_LINE.match(block.text) \
            and not is_prose(block.text):
        if state.published is None or state.published_from != "date_line":
            state.published, state.published_from = found, "date_line"
        return "date_line"
    return None


def rule_caption(block: Block, state: State) -> str | None:
    """Photo captions and credits ("... Reuters/Jane Doe", "Photo: ...")."""
    if _CREDIT_SUFFIX.search(block.text) and len(block.text.split()) <= 80:
        state.captions.append(block.text)
        found = find_date(block.text)
        if found and state.published is None:
            state.published, state.published_from = found, "caption"
        return "caption"
    return None


def rule_title(block: Block, state: State) -> str | None:
    """The headline: the first headline-like block before the body starts."""
    if state.body_started:
        if state.title and normalise_space(block.text).lower() == state.title.lower():
            return "duplicate_title"
        return None
    if state.title is None and is_headline(block.text) and not is_caps_heading(block.text):
        state.title = block.text
        return "title"
    return None


def rule_pre_body(block: Block, state: State) -> str | None:
    """Short non-prose lines before the story starts are page chrome (kickers, menus)."""
    if not state.body_started and not is_prose(block.text):
        return "page_chrome"
    return None


def rule_after_story(block: Block, state: State) -> str | None:
    """After a closing byline or wire signature, what follows is page furniture."""
    return "after_story_end" if state.story_ended else None


def rule_duplicate(block: Block, state: State) -> str | None:
    """A paragraph repeating an earlier one (a lead repeated after a photo)."""
    key = normalise_space(block.text).lower()
    if key in state.seen and len(key.split()) >= 4:
        return "duplicate"
    state.seen.add(key)
    return None


RULES: list[Rule] = [
    rule_skip_link, rule_read_time, rule_share, rule_related, rule_newsletter,
    rule_cookie, rule_banner, rule_wire_signature, rule_byline, rule_date_line,
    rule_caption, rule_title, rule_after_story, rule_pre_body, rule_duplicate,
]
"""The classification rules, applied in order; the first to give a reason wins."""


def classify(blocks: list[Block], *, rules: list[Rule] | None = None) -> tuple[list, State]:
    """Label each block with a removal reason, ``"heading"`` or ``"body"``."""
    state = State()
    labelled = []
    for block in blocks:
        reason = None
        for rule in rules or RULES:
            reason = rule(block, state)
            if reason:
                break
        if reason is None:
            if is_caps_heading(block.text):
                reason = "heading" if state.body_started else "page_chrome"
            else:
                reason = "body"
                state.body_started = True
        labelled.append((block, reason))
    return labelled, state


def rejoin_splits(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Merge body paragraphs cut mid-sentence by a page or line break.

    A paragraph that ends without sentence punctuation, followed by one that
    starts with a lower-case letter, is the same paragraph.
    """
    out: list[Paragraph] = []
    for p in paragraphs:
        prev = out[-1] if out else None
        if (prev is not None and prev.kind == "body" and p.kind == "body"
                and not prev.text.rstrip().endswith(_TERMINAL) and p.text[:1].islower()):
            out[-1] = Paragraph(join_wrapped(prev.text, p.text), "body", prev.lines + p.lines)
        else:
            out.append(p)
    return out


def split_dateline(text: str) -> tuple[str | None, str]:
    """Split a wire dateline off a paragraph ("PARIS, May 3 (Reuters) - ...").

    Example:
        >>> split_dateline("LIMA, March 2 (Reuters) - Rain fell.")
        ('LIMA, March 2 (Reuters) -', 'Rain fell.')
    """
    m = _DATELINE.match(text)
    if not m:
        return None, text
    return m.group("dateline").strip(), text[m.end():]


def clean_lines(lines: list[str], *, article_id: str = "article",
                rules: list[Rule] | None = None) -> Article:
    """Clean the lines of one input into an :class:`Article`.

    Example:
        >>> art = clean_lines(["Skip to main content", "", "Rain stops play at the cup final",
        ...                    "", "Rain stopped play at the final on Sunday, officials said.",
        ...                    "", "By Ann Lee"])
        >>> art.title, art.authors, [r.reason for r in art.removed]
        ('Rain stops play at the cup final', ['Ann Lee'], ['page_chrome', 'title', 'byline'])
    """
    labelled, state = classify(blocks_from_lines(lines), rules=rules)
    paragraphs, removed = [], []
    for block, reason in labelled:
        if reason in ("body", "heading"):
            paragraphs.append(Paragraph(block.text, reason, tuple(block.lines)))
        else:
            for n, raw in zip(block.lines, block.raw, strict=True):
                removed.append(RemovedLine(n, raw.strip(), reason))
    paragraphs = rejoin_splits(paragraphs)
    dateline = None
    if paragraphs and paragraphs[0].kind == "body":
        dateline, rest = split_dateline(paragraphs[0].text)
        if dateline:
            paragraphs[0] = Paragraph(rest, "body", paragraphs[0].lines)
    article = Article(id=article_id, paragraphs=paragraphs, title=state.title,
                      authors=state.authors, published=state.published, dateline=dateline,
                      published_from=state.published_from, captions=state.captions,
                      removed=sorted(removed, key=lambda r: r.line))
    return article
