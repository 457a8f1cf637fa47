"""Cleaning: from the lines of a raw scrape or wire story to an :class:`Article`.

The cleaner is a pipeline of small named rules, none specific to a site or an
article:

1. :func:`blocks_from_lines` groups input lines into blocks (one paragraph
   each), unwrapping hard-wrapped wire text (indented paragraphs, lines
   wrapped near a fixed width, words hyphenated at line ends).
2. Each block is classified by the ``RULES`` in order (see :func:`classify`):
   page chrome, read-time lines, "Follow us on ..." prompts, copyright lines,
   "Read more: TITLE" links, "Related" blocks and their teasers, newsletter
   and cookie notices, banner and ad placeholders, wire signatures and the
   "Reporting by ...; Editing by ..." trailer, bylines with roles, date lines,
   photo captions and credits, the headline (an ALL-CAPS first line followed
   by a blank line, as on the wire, or the first headline-like line), a
   dateline on its own line, repeated paragraphs, ALL-CAPS section headings.
   A rule returns a reason (the block leaves the body and is listed in
   ``Article.removed`` under that reason) or keeps the block as
   ``body``/``heading``.
3. :func:`rejoin_splits` merges body paragraphs that a page or line break cut
   in the middle of a sentence, gluing a word cut in two (``la`` + ``nded,``
   -> ``landed,``) when the word-frequency lists say so.
4. The dateline ("LONDON, Feb 26 - ", "BRISTOL — ", "PARIS (AFP) - ") is cut
   off the first body paragraph (:func:`match_dateline`): its place goes to
   ``Article.dateline``, its date to ``Article.published`` when it has a year
   and nothing fuller was found, and the text as written to
   ``Article.removed`` with the reason ``dateline``. Wire tags lose their
   brackets (:func:`strip_wire_tags`), and an opening quote mark glued to the
   comma or full stop before it gets a space (:func:`space_glued_quote`).

Every rule is in the rule registry (:mod:`toolkit.rules`, stage ``clean``,
groups in :data:`RULE_GROUPS`) under a name starting ``clean-``
(``clean-byline``, ``clean-cut-dateline``...; :data:`REASONS` gives the
``removed.csv`` reason of each), so ``article-toolkit rules`` lists them and
``--disable-rule NAME`` / ``disable=`` switches one off: the lines it would
have removed go to the next rule that removes them, or stay in the body.

All joining is linear in the length of the input.

Nothing is lost silently: every non-blank input line ends up in the body or in
``Article.removed`` with its line number and a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from datetime import date

from . import lexicon
from .article import Article, Paragraph, RemovedLine
from .rules import active, rule

# --------------------------------------------------------------------------- blocks


@dataclass
class Block:
    """A candidate paragraph: its text on one line and the input lines it came from.

    ``blank_after`` is true when a blank line (or the end of the input) follows
    the block.
    """

    text: str
    lines: list[int]
    raw: list[str] = field(default_factory=list)
    blank_after: bool = False


_TERMINAL = ('.', '!', '?', '"', '\u201d', "'", '\u2019', ')', ':')
_LOWER_WORD = re.compile(r"[a-z]+")


def normalise_space(text: str) -> str:
    """Collapse runs of whitespace (including no-break spaces) to one space.

    ``str.split`` splits at the characters ``\\s`` matches (``str.isspace``),
    so this is ``re.sub(r"\\s+", " ", text).strip()`` without a regular expression.

    Example:
        >>> normalise_space("  Tide\\u00a0tables \\n out ")
        'Tide tables out'
    """
    return " ".join(text.split())


# Non-ASCII characters that an ignore-case pattern matches to ASCII letters
# ("\u0130" and "\u0131" to i, "\u017f" to s, the Kelvin sign to k).
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


def _may_mention(text: str, words: tuple[str, ...], cased: tuple[str, ...] = ()) -> bool:
    """False only when ``text`` holds none of ``words`` (any case) nor ``cased`` (as
    written): a quick test before an ignore-case pattern that needs one of them.

    Example:
        >>> _may_mention("Sign up to our briefing", ("sign up",)), _may_mention("Tides", ("ad",))
        (True, False)
    """
    if not text.isascii() and any(ch in text for ch in _FOLDS_TO_ASCII):
        return True
    low = text.lower()
    return any(w in low for w in words) or any(w in text for w in cased)


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


def _joint(left: str, right: str) -> tuple[int, str]:
    """How to glue ``right`` after ``left``: characters to cut from ``left``'s end, text to add.

    Only the end of ``left`` is looked at, so joining many pieces stays linear.
    """
    tail = left[-80:]
    stripped = tail.rstrip()
    cut = len(tail) - len(stripped)
    right = right.lstrip()
    if not stripped or not right:
        return cut, right
    hyphen = "-" if stripped.endswith("-") else ""
    word = stripped[:len(stripped) - len(hyphen)]
    start = len(word)
    while start > 0 and word[start - 1].isascii() and word[start - 1].isalpha():
        start -= 1
    m_right = _LOWER_WORD.match(right)
    if start < len(word) and m_right:
        # wordfreq takes about 0.2 s to import; most runs never join a wrapped word
        from wordfreq import zipf_frequency

        a, b = word[start:], m_right.group(0)
        whole = zipf_frequency((a + b).lower(), "en")
        za, zb = zipf_frequency(a.lower(), "en"), zipf_frequency(b.lower(), "en")
        if hyphen:
            if whole >= 3.0 and whole > max(za, zb):
                return cut + 1, right
            return cut, right
        if whole >= 3.0 and whole > min(za, zb):
            return cut, right
    return cut, " " + right


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
    cut, piece = _joint(left, right)
    return left[:len(left) - cut] + piece


class _Joiner:
    """Joins many pieces by :func:`join_wrapped`'s rules in linear time (only a tail is kept
    for the look-up; the pieces are joined once at the end)."""

    def __init__(self, text: str) -> None:
        self.parts = [text]
        self.tail = text[-80:]

    def add(self, right: str) -> None:
        cut, piece = _joint(self.tail, right)
        self.tail = (self.tail[:len(self.tail) - cut] + piece)[-80:]
        while cut and self.parts:
            last = self.parts.pop()
            if len(last) > cut:
                self.parts.append(last[:len(last) - cut])
                cut = 0
            else:
                cut -= len(last)
        self.parts.append(piece)

    def text(self) -> str:
        return "".join(self.parts)


def split_lines(text: str) -> list[str]:
    """Split text into lines at ``\\n``, ``\\r\\n`` and ``\\r`` only.

    :meth:`str.splitlines` also breaks at form feeds, vertical tabs and other
    separators, which would shift the line numbers in ``removed.csv`` against
    what an editor shows.

    Example:
        >>> split_lines("one\\fstill one\\r\\ntwo")
        ['one\\x0cstill one', 'two']
    """
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def blocks_from_lines(lines: list[str]) -> list[Block]:
    """Group lines into paragraph blocks.

    A blank line always ends a block. In hard-wrapped text an indented line
    also starts a new paragraph and the other lines continue the paragraph
    before them; otherwise each non-blank line is its own block (web scrapes
    put one element per line).
    """
    width = _is_wrapped(lines)
    blocks: list[Block] = []
    joiners: dict[int, _Joiner] = {}
    current: Block | None = None
    for n, line in enumerate(lines, 1):
        if not line.strip():
            if blocks:
                blocks[-1].blank_after = True
            current = None
            continue
        indented = line[:1] in (" ", "\t")
        continues = (width and current is not None and not indented
                     and len(current.raw[-1].rstrip()) >= width - 25)
        if continues:
            joiners.setdefault(len(blocks) - 1, _Joiner(current.text)).add(normalise_space(line))
            current.lines.append(n)
            current.raw.append(line)
        else:
            current = Block(normalise_space(line), [n], [line])
            blocks.append(current)
            if not width:
                current = None
    for i, joiner in joiners.items():
        blocks[i].text = joiner.text()
    if blocks:
        blocks[-1].blank_after = True
    return blocks


# --------------------------------------------------------------------------- patterns

_MONTH_WORDS = "|".join(sorted(lexicon.MONTHS, key=len, reverse=True))
_SKIP_LINK = re.compile(r"^(skip to (main )?(content|navigation|search)|skip navigation|jump to "
                        r"(main )?content|back to top|menu|search|close|open menu)$", re.I)
_READ_TIME = re.compile(r"^(\d+|one|two|three|four|five)\s*(-\s*)?(min|mins|minute|minutes)"
                        r"(\s+read)?$|^(reading time|read time|listen)\b.{0,20}$", re.I)
_SHARE = re.compile(r"^(share|share this( article| story| page)?|share on \w+|tweet|facebook|"
                    r"twitter|x|linkedin|whatsapp|email|e-mail|print|copy link|save|comments?|"
                    r"\d+ comments?|follow us|listen to this article|show more|show less|"
                    r"advertisement|advertisement - scroll to continue|sponsored( content)?|"
                    r"scroll to continue|continue reading)$", re.I)
_FOLLOW = re.compile(r"^(follow|like|find|join)( [\w@.'&-]+){1,4} on\b.{0,100}\b(facebook|twitter|"
                     r"x|instagram|tiktok|linkedin|youtube|threads|bluesky|whatsapp|telegram|"
                     r"snapchat|social media)\b.{0,60}$", re.I)
_COPYRIGHT = re.compile(r"^(\u00a9|\(c\)|copyright\b)\s*.{0,100}$", re.I)
_NEWSLETTER = re.compile(r"\b(subscribe|newsletter|inbox|unsubscribe)\b|\bsign up\b.*\b(our|free|"
                         r"alerts?|e-?mails?|updates|briefing|digest|newsletter)\b", re.I)
_COOKIE = re.compile(r"\bcookies?\b", re.I)
_COOKIE_CONTEXT = re.compile(r"\b(we use|this (web)?site uses|enable|policy|consent|accept|"
                             r"preferences|necessary|browser)\b", re.I)
_BANNER = re.compile(r"\b(banner|advert|ad ?slot|ad ?unit|leaderboard|mpu|billboard|"
                     r"sponsored|promo(tion)?)\b", re.I)
# Words without one of which _NEWSLETTER, _BANNER and _CREDIT_SUFFIX cannot match
# (see _may_mention; _CREDIT_SUFFIX's agencies are matched as written).
_NEWSLETTER_WORDS = ("subscribe", "newsletter", "inbox", "sign up")
_BANNER_WORDS = ("banner", "advert", "adslot", "ad slot", "adunit", "ad unit", "leaderboard",
                 "mpu", "billboard", "sponsored", "promo")
_CREDIT_WORDS = ("photo", "picture", "image", "credit", "shutterstock")
# Agencies named in a photo credit ("Reuters/Ann Lee"), matched as written.
_CREDIT_AGENCY_NAMES = ("Reuters", "REUTERS", "AFP", "AP", "EPA", "Getty Images", "GETTY IMAGES",
                        "Anadolu", "Xinhua", "AP Photo", "AFP Photo", "EPA-EFE", "PA Images",
                        "PA Media", "Bloomberg", "NurPhoto", "SOPA Images")
# Those the quick test must look for: a name with "photo" or "image" in it
# is found by _CREDIT_WORDS.
_CREDIT_AGENCIES = tuple(n for n in _CREDIT_AGENCY_NAMES
                         if not any(w in n.lower() for w in _CREDIT_WORDS))
_AGENCY_WORD = "|".join(sorted(lexicon.NEWS_AGENCIES, key=len, reverse=True))
_WIRE_SIGNATURE = re.compile(rf"^({_AGENCY_WORD})(\s*/\s*({_AGENCY_WORD}))*\W{{0,3}}$", re.I)
_CREDITS = re.compile(r"^\(?\s*((additional |further )?(reporting|writing|editing)|compiled|"
                      r"edited|written|produced)\s+by\b.*\)?$", re.I)
_CREDIT_PART = re.compile(r"^(?P<role>[A-Za-z][A-Za-z ]{1,40}?)\s+by\s+(?P<names>.+)$", re.I)
_RELATED_MARKER = (r"related( articles| stories| content| coverage| news| topics)?|"
                   r"read more|read next|more on this story|more from [\w ]{1,30}|"
                   r"recommended( for you| stories)?|you may also like|you might also like|"
                   r"most read|most popular|latest( news| stories)?|also read|see also|"
                   r"trending( now)?|top stories|more stories")
_RELATED = re.compile(rf"^({_RELATED_MARKER})\s*:?$", re.I)
_RELATED_INLINE = re.compile(rf"^({_RELATED_MARKER})\s*[:|>\u2013\u2014-]\s*\S.*$", re.I)
_BYLINE = re.compile(r"^(?i:by|words by|written by|reporting by)\s+(?P<names>[A-Z\u00C0-\u024F].*)$")
_CREDIT_SUFFIX = re.compile(
    rf"(\b(?-i:{'|'.join(_CREDIT_AGENCY_NAMES)})\s*/\s*"
    r"[A-Z][\w.'\-]*(?: [\w.'\-]+){0,5}"
    r"|\b(photo|photograph|picture|image|credit|photo credit)\s*:\s*.{2,80}"
    r"|\((?-i:AP|AFP|Reuters|REUTERS|Getty Images|EPA)( photo)?(\s*/\s*[^)]{1,60})?\)"
    r"|\b(getty images|shutterstock|file photo)\.?)\s*$", re.I)
_MONTH_RE = rf"(?P<month>{_MONTH_WORDS})\.?"
_DATE_PATTERNS = [
    re.compile(r"\b" + _MONTH_RE + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b",
               re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>(19|20)\d\d)\b",
               re.I),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)"),
]
_DATE_LINE = re.compile(r"^((published|updated|posted|last updated|first published)( on| at)?:?\s*)?"
                        r"((mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(the\s+)?"
                        r"(\d|(" + _MONTH_WORDS + r")\b).{0,50}$", re.I)
_DATE_LABEL = re.compile(r"\b(published|updated|posted|modified|first published)\b", re.I)

# Datelines: a place (in capitals, or capitalised when a date or agency follows), an
# optional region, date, agency or release wire, then a dash.
_DL_CAPS = r"[A-Z][A-Z.'\-]+(?:\s[A-Z][A-Z.'\-]*){0,3}"
_DL_TITLE = r"[A-Z][a-z.'\-]+(?:\s[A-Za-z][a-z.'\-]+){0,2}"
_DL_REGION = r"(?:\s*,\s*(?!(?:" + _MONTH_WORDS + r")\b)[A-Z][A-Za-z.'\-]+(?:\s[A-Z][A-Za-z.'\-]+){0,2})?"
_DL_DATE = (r"\s*,\s*(?:(?P<m1>(?i:" + _MONTH_WORDS + r"))\.?\s+(?P<d1>\d{1,2})"
            r"(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
            r"|(?P<d2>\d{1,2})\s+(?P<m2>(?i:" + _MONTH_WORDS + r"))\.?(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
            r"(?:\s*,)?")
_DL_SOURCE = (r"\s*(?:\((?P<agency>[A-Za-z][A-Za-z.\-]{1,14})(?:\s*/\s*[A-Za-z][A-Za-z.\-]{1,14})?\)"
              r"|/[A-Z][\w .\-]{1,30}/)")
_DL_DASH = r"\s*(?:\u2014|\u2013|--?)(?=\s)"
_DATELINE = re.compile(rf"^[*#]*\s*(?P<place>(?:{_DL_CAPS}|{_DL_TITLE}){_DL_REGION})"
                       rf"(?P<date>{_DL_DATE})?(?P<source>{_DL_SOURCE})?{_DL_DASH}\s*")
_WIRE_TICKER = re.compile(r"<([A-Z][A-Z0-9.\-&]{0,9})>")
_WIRE_NAME = re.compile(r"<([A-Z][^<>\n]{1,80}?)>")


def match_dateline(text: str) -> re.Match | None:
    """The dateline at the start of ``text``, or None.

    A place in capitals may stand alone before the dash ("BRISTOL — "); a
    capitalised place ("Miami") needs a date or an agency after it.

    Example:
        >>> match_dateline("Miami, March 6 - Rain fell.").group("place")
        'Miami'
        >>> match_dateline("Officials - not a place - said so.") is None
        True
    """
    m = _DATELINE.match(text)
    if m is None:
        return None
    agency = m.group("agency")
    if agency and not (agency[:1].isupper() or agency.lower() in lexicon.NEWS_AGENCIES):
        return None
    first = m.group("place").split(",")[0]
    if any(w.capitalize() in lexicon.WEEKDAYS for w in first.split()):
        return None  # "On Monday, March 3 - ..." opens a sentence
    if m.group("date") or m.group("source"):
        return m
    # A place in capitals alone before a dash: a real place name, not "US" or "EXCLUSIVE".
    if first == first.upper() and len(first) >= 3 and first.lower() not in lexicon.KICKER_WORDS:
        return m
    return None


def find_date(text: str) -> str | None:
    """The first full calendar date in ``text`` as ``YYYY-MM-DD``, or None.

    A date without a day ("March 2024") or a year ("March 4") is not a full
    date: no day or year is ever invented.

    Example:
        >>> find_date("Updated March 3, 2021 10:15 GMT"), find_date("March 2024")
        ('2021-03-03', None)
    """
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            found = _iso(m.group("year"), m.group("month"), m.group("day"))
            if found:
                return found
    return None


def find_all_dates(text: str) -> set[str]:
    """Every full calendar date written out in ``text`` (month names or ISO), as ``YYYY-MM-DD``.

    Example:
        >>> sorted(find_all_dates("From 3 May 2023 to June 1, 2024; not March 2024."))
        ['2023-05-03', '2024-06-01']
    """
    found = set()
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            day = _iso(m.group("year"), m.group("month"), m.group("day"))
            if day:
                found.add(day)
    return found


def _iso(year: str | None, month: str, day: str) -> str | None:
    """``YYYY-MM-DD`` from a year, a month (number or name) and a day; None if invalid."""
    if not year:
        return None
    key = month.rstrip(".")
    mi = int(key) if key.isdigit() else lexicon.MONTHS.get(key[:1].upper() + key[1:].lower())
    if mi is None:
        return None
    try:
        return date(int(year), mi, int(day)).isoformat()
    except ValueError:
        return None


def is_prose(text: str) -> bool:
    """Looks like running text: several words ending a sentence, or a long passage."""
    words = len(text.split())
    return (words >= 8 and text.rstrip().endswith(_TERMINAL)) or words >= 25


def is_caps_heading(text: str) -> bool:
    """An ALL-CAPS line of a few words without sentence punctuation."""
    if len(text) > 300 or not 1 <= len(text.split()) <= 12:
        return False
    letters = [c for c in text if c.isalpha()]
    return (len(letters) >= 3 and all(c.isupper() for c in letters)
            and not text.rstrip().endswith((".", "?", "!")))


def is_headline(text: str) -> bool:
    """A headline: 3-30 words, not ending in a full stop (an abbreviation such as "U.S." may end it).

    Example:
        >>> is_headline("Talks on trade with the U.S."), is_headline("Talks went well.")
        (True, False)
    """
    words = text.split()
    return 3 <= len(words) <= 30 and (not text.rstrip().endswith((".", ":"))
                                      or bool(re.fullmatch(r"(?:[A-Za-z]\.){2,4}", words[-1])))


@rule("clean-strip-wire-tags", stage="clean")
def strip_wire_tags(text: str) -> str:
    """Wire markup without its angle brackets: ``<Acme Corp>`` -> ``Acme Corp``.

    A ticker symbol in a tag (capitals, digits and dots, no space) is put in
    brackets instead, as news copy prints it today, so it does not run into
    the company name before it.

    Example:
        >>> strip_wire_tags("<Gulf Shipping Co> said, and Acme Inc <ACM> fell.")
        'Gulf Shipping Co said, and Acme Inc (ACM) fell.'
    """
    if "<" not in text:
        return text
    return _WIRE_NAME.sub(r"\1", _WIRE_TICKER.sub(r"(\1)", text))


_GLUED_QUOTE = re.compile(r'(?<=\w)([,.:;])(["\u201c])(?=[A-Za-z])')


@rule("clean-space-glued-quote", stage="clean")
def space_glued_quote(text: str) -> str:
    """A space between a comma, full stop, colon or semicolon and an opening
    quote mark glued to it: ``said,"From now on`` -> ``said, "From now on``.

    Without the space the tokenizer reads ``said,"From`` as one word and the
    quote is lost. A straight mark counts as opening when an even number of
    straight marks comes before it in the paragraph (a closing one glued to
    the next word, ``"We won."The``, is left alone). The space is added to
    the paragraph text itself, so every offset indexes the cleaned text.

    Example:
        >>> space_glued_quote('He said,"From May the fares rise." Then he left.')
        'He said, "From May the fares rise." Then he left.'
        >>> space_glued_quote('"We won."The team cheered.')
        '"We won."The team cheered.'
    """
    if '"' not in text and "\u201c" not in text:
        return text

    def fix(m: re.Match) -> str:
        opening = m.group(2) == "\u201c" or text.count('"', 0, m.start(2)) % 2 == 0
        return f"{m.group(1)} {m.group(2)}" if opening else m.group(0)
    return _GLUED_QUOTE.sub(fix, text)


# --------------------------------------------------------------------------- bylines


def _is_role(part: str) -> bool:
    words = re.findall(r"[a-z]+", part.lower())
    return any(w in lexicon.BYLINE_ROLE_WORDS or w in lexicon.NEWS_AGENCIES for w in words)


_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "di", "do", "dos", "du",
                             "del", "della", "der", "den", "van", "von", "la", "le", "ter", "y"})


def _is_name(part: str) -> bool:
    """A person's name: 1-5 words, each capitalised (or a particle: "de", "al-"), no digits."""
    tokens = part.split()
    return (1 <= len(tokens) <= 5 and not _is_role(part) and not re.search(r"\d", part)
            and tokens[0][:1].isupper()
            and all(re.search(r"[A-Z\u00C0-\u00DE]", t) or t.lower() in _NAME_PARTICLES
                    for t in tokens))


def parse_byline(text: str) -> list[tuple[str, str | None]]:
    """Names and their roles in a byline's text (after "By").

    Parts are separated by commas, "|" and ";"; "and"/"&" join names. A part
    made of role words ("Health Correspondent", "Associated Press") is the role
    of the names before it that have none yet; "in PLACE" after a name is
    dropped. A byline with roles only ("Staff Reporter") names nobody.

    Example:
        >>> parse_byline("Ann Lee, Health Reporter, and Bo Diaz in Leeds")
        [('Ann Lee', 'Health Reporter'), ('Bo Diaz', None)]
        >>> parse_byline("Staff Reporter")
        []
    """
    found: list[list] = []
    pending: list[list] = []
    for part in re.split(r"\s*[,|;]\s*", text):
        part = re.sub(r"^(and|&)\s+|\s+in\s+[A-Z][\w.' \-]*$", "", part.strip(" .")).strip()
        if not part:
            continue
        if _is_role(part):
            for entry in pending:
                entry[1] = part
            pending = []
            continue
        names = [n.strip(" .") for n in re.split(r"\s+and\s+|\s*&\s*", part)]
        if not all(_is_name(n) for n in names if n):
            continue
        for name in filter(None, names):
            entry = [name, None]
            found.append(entry)
            pending.append(entry)
    return [(name, role) for name, role in found]


def split_authors(names: str) -> list[str]:
    """The names of a byline, without roles or places.

    Example:
        >>> split_authors("Ann Lee, Bo Diaz and Cy Young in Paris")
        ['Ann Lee', 'Bo Diaz', 'Cy Young']
    """
    return [name for name, _ in parse_byline(names)]


def _add_authors(state: State, pairs: list[tuple[str, str | None]]) -> list[str]:
    for name, role in pairs:
        if name not in state.authors:
            state.authors.append(name)
        if role and name not in state.author_roles:
            state.author_roles[name] = role
    return [name for name, _ in pairs]


# --------------------------------------------------------------------------- rules


@dataclass
class State:
    """What the classifier knows while it walks the blocks in order."""

    body_started: bool = False
    story_ended: bool = False
    in_related: int = 0  # >0 while inside a "Related" block; counts teaser prose seen
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    author_roles: dict[str, str] = field(default_factory=dict)
    published: str | None = None
    published_from: str | None = None
    dateline: str | None = None
    captions: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    byline_names: list[str] = field(default_factory=list)  # names of the block just read
    last_reason: str | None = None


Rule = Callable[[Block, State], "str | None"]


@rule("clean-skip-link", stage="clean")
def rule_skip_link(block: Block, state: State) -> str | None:
    """Accessibility and navigation links ("Skip to main content")."""
    return "page_chrome" if _SKIP_LINK.match(block.text) else None


@rule("clean-read-time", stage="clean")
def rule_read_time(block: Block, state: State) -> str | None:
    """Reading-time lines ("3 min", "5 min read")."""
    return "read_time" if _READ_TIME.match(block.text) else None


@rule("clean-share", stage="clean")
def rule_share(block: Block, state: State) -> str | None:
    """Share buttons, ad labels ("Advertisement") and other one-word furniture."""
    return "page_chrome" if _SHARE.match(block.text) else None


@rule("clean-follow", stage="clean")
def rule_follow(block: Block, state: State) -> str | None:
    """Prompts to follow the outlet elsewhere ("Follow us on Facebook and X")."""
    return "follow_prompt" if _FOLLOW.match(block.text) and len(block.text.split()) <= 20 \
        else None


@rule("clean-copyright", stage="clean")
def rule_copyright(block: Block, state: State) -> str | None:
    """A short copyright line ("© 2024 Example News", "Copyright 2024 ... All rights reserved.")."""
    return "copyright" if _COPYRIGHT.match(block.text) and len(block.text.split()) <= 16 else None


@rule("clean-related-inline", stage="clean")
def rule_related_inline(block: Block, state: State) -> str | None:
    """A "Read more: TITLE" line: a related-story link with its title on the same line."""
    if _RELATED_INLINE.match(block.text) and len(block.text.split()) <= 25 \
            and not _RELATED.match(block.text):
        return "related"
    return None


@rule("clean-related", stage="clean")
def rule_related(block: Block, state: State) -> str | None:
    """A "Related" marker and its teasers: short titles, and one teaser paragraph after the story.

    Inside the story a prose paragraph after the link titles is the story
    going on, so only link titles are removed there; after the story has
    ended (a closing byline or signature) one teaser paragraph goes too.
    """
    if _RELATED.match(block.text):
        state.in_related = 1
        return "related"
    if state.in_related:
        if is_prose(block.text) and not _NEWSLETTER.search(block.text):
            if state.in_related >= 2 or not state.story_ended:  # the teaser block is over
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


@rule("clean-newsletter", stage="clean")
def rule_newsletter(block: Block, state: State) -> str | None:
    """Newsletter and subscription prompts (short lines only)."""
    if _may_mention(block.text, _NEWSLETTER_WORDS) and _NEWSLETTER.search(block.text) \
            and len(block.text.split()) <= 20:
        return "newsletter"
    return None


@rule("clean-cookie", stage="clean")
def rule_cookie(block: Block, state: State) -> str | None:
    """Cookie notices and their bullet points (at most 60 words: prose about cookies stays)."""
    if len(block.text) <= 600 and len(block.text.split()) <= 60 and _COOKIE.search(block.text) \
            and _COOKIE_CONTEXT.search(block.text):
        return "cookie_notice"
    return None


@rule("clean-banner", stage="clean")
def rule_banner(block: Block, state: State) -> str | None:
    """Banner and ad placeholders ("Mena banner 4", "Leaderboard ad")."""
    if _may_mention(block.text, _BANNER_WORDS) and _BANNER.search(block.text) \
            and len(block.text.split()) <= 6 and not is_prose(block.text):
        return "banner"
    return None


@rule("clean-wire-signature", stage="clean")
def rule_wire_signature(block: Block, state: State) -> str | None:
    """Wire signatures ("Reuter", "REUTER...", "dpa/AFP") after the body: the story ends."""
    if state.body_started and _WIRE_SIGNATURE.match(block.text):
        state.story_ended = True
        return "wire_signature"
    return None


@rule("clean-credits", stage="clean")
def rule_credits(block: Block, state: State) -> str | None:
    """The wire trailer ("Reporting by Ann Lee in Leeds; Editing by Bo Diaz") after the body.

    Its names go to ``Article.authors`` and each name's part ("Reporting",
    "Editing") to ``Article.author_roles``; the story ends.
    """
    if not (state.body_started and _CREDITS.match(block.text)) or len(block.text.split()) > 40:
        return None
    for part in re.split(r"\s*;\s*", block.text.strip("() ")):
        m = _CREDIT_PART.match(part.strip())
        if m:
            role = m.group("role").strip()
            _add_authors(state, [(name, role) for name in split_authors(m.group("names"))])
    state.story_ended = True
    return "credits"


@rule("clean-byline", stage="clean")
def rule_byline(block: Block, state: State) -> str | None:
    """A byline ("By Ann Lee, Health Reporter, and Bo Diaz"): names to ``Article.authors``.

    Roles go to ``Article.author_roles``; a byline naming only a role ("By
    Staff Reporter") gives no author and is still removed as a byline.
    """
    m = _BYLINE.match(block.text)
    if m and len(block.text.split()) <= 25 and not block.text.rstrip().endswith((".", "?", "!")):
        state.byline_names = _add_authors(state, parse_byline(m.group("names")))
        if state.body_started:
            state.story_ended = True  # a byline after the body closes the story
        return "byline"
    return None


@rule("clean-pipe-byline", stage="clean")
def rule_pipe_byline(block: Block, state: State) -> str | None:
    """A byline without "By" before the body: "Ann Lee | Health Correspondent"."""
    if state.body_started or "|" not in block.text or len(block.text.split()) > 12:
        return None
    pairs = parse_byline(block.text)
    name, _, role = block.text.partition("|")
    if len(pairs) == 1 and _is_name(name.strip()) and _is_role(role):
        state.byline_names = _add_authors(state, pairs)
        return "byline"
    return None


@rule("clean-byline-role", stage="clean")
def rule_byline_role(block: Block, state: State) -> str | None:
    """A role on the line after a byline ("By Ann Lee" then "Business Editor")."""
    names = [n for n in state.byline_names if n not in state.author_roles]
    words = block.text.split()
    if state.last_reason == "byline" and names and 1 <= len(words) <= 5 \
            and all(w[:1].isupper() for w in words) and _is_role(words[-1]) \
            and not block.text.endswith((".", "!", "?")):
        for name in names:
            state.author_roles[name] = block.text.strip()
        return "byline"
    return None


@rule("clean-date-line", stage="clean")
def rule_date_line(block: Block, state: State) -> str | None:
    """A line that is only a date ("Published October 2, 2023 3:15 PM GMT").

    The date must open the line (after a "Published"/"Updated" label or a
    weekday); a line naming several dates is a date line only when each has
    its label ("Published ... Updated ...").

    A date without a day or a year ("March 2024") is still removed as a date
    line, but gives no publication date.
    """
    text = block.text
    if len(text.split()) > 12 or not _DATE_LINE.match(text) or is_prose(text):
        return None
    found = find_date(text)
    if found is None and not _partial_date(text):
        return None
    if len(find_all_dates(text)) > 1 and len(_DATE_LABEL.findall(text)) < 2:
        return None  # a span of dates ("3 May 2023 | 9 June 2023") is content
    if found and (state.published is None or state.published_from != "date_line"):
        state.published, state.published_from = found, "date_line"
    return "date_line"


def _partial_date(text: str) -> bool:
    """A line that is only a month and a year, or a day and a month ("March 2024", "4 March")."""
    return bool(re.fullmatch(rf"(?:\d{{1,2}}\s+)?(?:{_MONTH_WORDS})\.?(?:\s+\d{{1,2}})?"
                             r"(?:,?\s+(?:19|20)\d\d)?", text.strip(), re.I))


@rule("clean-caption", stage="clean")
def rule_caption(block: Block, state: State) -> str | None:
    """Photo captions and credits ("... Reuters/Jane Doe", "Image: ...", "Getty Images")."""
    if _may_mention(block.text, _CREDIT_WORDS, _CREDIT_AGENCIES) \
            and _CREDIT_SUFFIX.search(block.text) and len(block.text.split()) <= 80:
        state.captions.append(block.text)
        found = find_date(block.text)
        if found and state.published is None:
            state.published, state.published_from = found, "caption"
        return "caption"
    return None


@rule("clean-caps-headline", stage="clean")
def rule_caps_headline(block: Block, state: State) -> str | None:
    """A headline in capitals: a first ALL-CAPS line followed by a blank line (wire copy)."""
    if state.title is not None or state.body_started or not block.blank_after \
            or len(block.lines) != 1 or len(block.text) > 300 or not is_headline(block.text):
        return None
    letters = [c for c in block.text if c.isalpha()]
    if len(letters) >= 3 and all(c.isupper() for c in letters):
        state.title = block.text
        return "title"
    return None


@rule("clean-title", stage="clean")
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


@rule("clean-dateline-only", stage="clean")
def rule_dateline_only(block: Block, state: State) -> str | None:
    """A dateline on a line of its own before the body ("LONDON, March 3 -")."""
    m = match_dateline(block.text + " ")
    if not state.body_started and m and m.end() >= len(block.text):
        _set_dateline(state, m)
        return "dateline"
    return None


@rule("clean-pre-body", stage="clean")
def rule_pre_body(block: Block, state: State) -> str | None:
    """Short non-prose lines before the story starts are page chrome (kickers, menus).

    A line that opens with a dateline is the story starting, however short
    (the first line of a wire story that is not unwrapped).
    """
    if not state.body_started and not is_prose(block.text):
        m = match_dateline(block.text)
        if m and m.end() < len(block.text):
            return None
        return "page_chrome"
    return None


@rule("clean-after-story", stage="clean")
def rule_after_story(block: Block, state: State) -> str | None:
    """After a closing byline or wire signature, what follows is page furniture."""
    return "after_story_end" if state.story_ended else None


@rule("clean-duplicate", stage="clean")
def rule_duplicate(block: Block, state: State) -> str | None:
    """A paragraph repeating an earlier one (a lead repeated after a photo)."""
    key = normalise_space(block.text).lower()
    if key in state.seen and len(key.split()) >= 4:
        return "duplicate"
    state.seen.add(key)
    return None


@rule("clean-caps-chrome", stage="clean")
def rule_caps_chrome(block: Block, state: State) -> str | None:
    """A short line in capitals that no rule removed, before the body starts, is page chrome.

    Asked after the ``RULES`` (see :func:`classify`): such a line is a menu or
    a kicker; inside the story it is kept as a ``heading`` paragraph. Not
    asked for web pages, whose body trafilatura has already found.
    """
    return "page_chrome" if not state.body_started and is_caps_heading(block.text) else None


RULES: list[Rule] = [
    rule_skip_link, rule_read_time, rule_share, rule_follow, rule_copyright,
    rule_related_inline, rule_related, rule_newsletter, rule_cookie, rule_banner,
    rule_wire_signature, rule_credits, rule_byline, rule_pipe_byline, rule_byline_role,
    rule_date_line, rule_caption, rule_caps_headline, rule_title, rule_after_story,
    rule_dateline_only, rule_pre_body, rule_duplicate,
]
"""The classification rules, applied in order; the first to give a reason wins."""


def classify(blocks: list[Block], *, rules: list[Rule] | None = None,
             caps_chrome: bool = True) -> tuple[list, State]:
    """Label each block with a removal reason, ``"heading"`` or ``"body"``.

    A block no rule removes is body, or a heading when it is a short line in
    capitals; before the body starts such a line is page chrome (a menu or a
    kicker: :func:`rule_caps_chrome`) unless ``caps_chrome`` is false.
    """
    state = State()
    labelled = []
    for block in blocks:
        reason = None
        for func in RULES if rules is None else rules:
            reason = func(block, state)
            if reason:
                break
        if reason is None:
            if is_caps_heading(block.text):
                reason = (caps_chrome and rule_caps_chrome(block, state)) or "heading"
            else:
                reason = "body"
                state.body_started = True
        if reason != "byline":
            state.byline_names = []
        state.last_reason = reason
        labelled.append((block, reason))
    return labelled, state


@rule("clean-rejoin-splits", stage="clean")
def rejoin_splits(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Merge body paragraphs cut mid-sentence by a page or line break.

    A paragraph that ends without sentence punctuation, followed by one that
    starts with a lower-case letter, is the same paragraph. Runs of any length
    are merged in linear time.
    """
    groups: list[tuple[_Joiner, list[int], Paragraph]] = []
    for p in paragraphs:
        if groups:
            joiner, lines, first = groups[-1]
            if (first.kind == "body" and p.kind == "body" and p.text[:1].islower()
                    and not joiner.tail.rstrip().endswith(_TERMINAL)):
                joiner.add(p.text)
                lines.extend(p.lines)
                continue
        groups.append((_Joiner(p.text), list(p.lines), p))
    return [first if len(joiner.parts) == 1 and joiner.parts[0] is first.text else
            Paragraph(joiner.text(), first.kind, tuple(lines))
            for joiner, lines, first in groups]


def _set_dateline(state: State, m: re.Match) -> None:
    """Record a dateline's place, and its date when it gives a year and nothing fuller exists."""
    state.dateline = normalise_space(m.group("place")).rstrip(" ,")
    year = m.group("y1") or m.group("y2")
    found = _iso(year, m.group("m1") or m.group("m2") or "", m.group("d1") or m.group("d2") or "0")
    if found and state.published is None:
        state.published, state.published_from = found, "dateline"


def split_dateline(text: str) -> tuple[str | None, str]:
    """Split a dateline off a paragraph: ``(dateline as written, rest)``.

    Forms: "PLACE, Mon DD - ", "PLACE, Month DD (Agency) - ", "PLACE (Agency) - ",
    "PLACE — " (the place in capitals), and "Place, Mon DD - " or "Place
    (Agency) - " (a capitalised place followed by a date or an agency).

    Example:
        >>> split_dateline("LIMA, March 2 (Reuters) - Rain fell.")
        ('LIMA, March 2 (Reuters) -', 'Rain fell.')
        >>> split_dateline("BRISTOL \\u2014 Rain fell.")
        ('BRISTOL \\u2014', 'Rain fell.')
    """
    m = match_dateline(text)
    if not m or m.end() >= len(text):
        return None, text
    return text[:m.end()].strip(), text[m.end():]


@rule("clean-cut-dateline", stage="clean")
def _take_dateline(paragraphs: list[Paragraph], state: State) -> RemovedLine | None:
    """The dateline ("LONDON, Feb 26 - ") cut off the first body paragraph (reason ``dateline``).

    Its place goes to ``Article.dateline`` and its date, when it has a year and
    nothing fuller was found, to ``Article.published`` (through ``state``);
    the cut text comes back as the removed line.
    """
    if not paragraphs or paragraphs[0].kind != "body" or state.dateline:
        return None
    first = paragraphs[0]
    m = match_dateline(first.text)
    if not m or m.end() >= len(first.text):
        return None
    _set_dateline(state, m)
    paragraphs[0] = Paragraph(first.text[m.end():], "body", first.lines)
    return RemovedLine(first.lines[0], first.text[:m.end()].strip(), "dateline")


RULE_GROUPS: dict[str, tuple] = {
    "blocks": tuple(RULES),
    "fallback": (rule_caps_chrome,),
    "paragraphs": (strip_wire_tags, space_glued_quote, rejoin_splits, _take_dateline),
}
"""The cleaning rules in the registry (:mod:`toolkit.rules`), in the order they run.

``blocks`` are the classifiers of :data:`RULES`; ``fallback`` labels a block
none of them removed; ``paragraphs`` tidy the kept paragraphs (wire tags and
glued quote marks per paragraph, then split paragraphs rejoined, then the
dateline cut). Each rule's name maps to the ``reason`` it gives in
``removed.csv``: see :data:`REASONS`. Switching one off
(``clean_lines(..., disable={...})``, ``--disable-rule``) leaves the lines it
would have removed to the next rule, or in the body.
"""

REASONS: dict[str, tuple[str, ...]] = {
    "clean-skip-link": ("page_chrome",), "clean-read-time": ("read_time",),
    "clean-share": ("page_chrome",), "clean-follow": ("follow_prompt",),
    "clean-copyright": ("copyright",), "clean-related-inline": ("related",),
    "clean-related": ("related",), "clean-newsletter": ("newsletter",),
    "clean-cookie": ("cookie_notice",), "clean-banner": ("banner",),
    "clean-wire-signature": ("wire_signature",), "clean-credits": ("credits",),
    "clean-byline": ("byline",), "clean-pipe-byline": ("byline",),
    "clean-byline-role": ("byline",), "clean-date-line": ("date_line",),
    "clean-caption": ("caption",), "clean-caps-headline": ("title",),
    "clean-title": ("title", "duplicate_title"), "clean-after-story": ("after_story_end",),
    "clean-dateline-only": ("dateline",), "clean-pre-body": ("page_chrome",),
    "clean-duplicate": ("duplicate",), "clean-caps-chrome": ("page_chrome",),
    "clean-strip-wire-tags": (), "clean-space-glued-quote": (), "clean-rejoin-splits": (),
    "clean-cut-dateline": ("dateline",),
    "clean-page-title": ("title",), "clean-html-furniture": ("html_furniture",),
}
"""Each cleaning rule's name -> the ``removed.csv`` reasons it gives (several rules share
``page_chrome``, ``byline``, ``title`` and ``dateline``; the steps that only tidy text give
none). The last two are the web-page rules of :mod:`toolkit.read`."""


def clean_lines(lines: list[str], *, article_id: str = "article",
                rules: list[Rule] | None = None, caps_chrome: bool = True,
                disable: Collection[str] = ()) -> Article:
    """Clean the lines of one input into an :class:`Article`.

    A single headline-like line that is the whole input is kept as the body
    (and as the title): the only text there is is never dropped.

    Args:
        lines: the input's lines (see :func:`split_lines`).
        article_id: the article's id.
        rules: the classifiers to use (default :data:`RULES`).
        caps_chrome: a short line in capitals before the body is page chrome
            (:func:`rule_caps_chrome`); false for web pages.
        disable: names of cleaning rules to switch off (see :data:`RULE_GROUPS`;
            other names are ignored here, and not checked).

    Example:
        >>> art = clean_lines(["Skip to main content", "", "Rain stops play at the cup final",
        ...                    "", "LEEDS - Rain stopped play at the final, officials said.",
        ...                    "", "By Ann Lee, Sports Reporter"])
        >>> art.title, art.dateline, art.authors, art.author_roles
        ('Rain stops play at the cup final', 'LEEDS', ['Ann Lee'], {'Ann Lee': 'Sports Reporter'})
        >>> [r.reason for r in art.removed]
        ['page_chrome', 'title', 'dateline', 'byline']
    """
    if disable:
        rules = list(active(RULES if rules is None else rules, disable=disable))
    labelled, state = classify(blocks_from_lines(lines), rules=rules,
                               caps_chrome=caps_chrome and _on(rule_caps_chrome, disable))
    if not any(reason in ("body", "heading") for _, reason in labelled):
        labelled = _headline_only(labelled)
    paragraphs, removed = [], []
    for block, reason in labelled:
        if reason in ("body", "heading"):
            paragraphs.append(Paragraph(_tidy(block.text, disable), reason, tuple(block.lines)))
        else:
            for n, raw in zip(block.lines, block.raw, strict=True):
                removed.append(RemovedLine(n, raw.strip(), reason))
    if _on(rejoin_splits, disable):
        paragraphs = rejoin_splits(paragraphs)
    cut = _take_dateline(paragraphs, state) if _on(_take_dateline, disable) else None
    if cut:
        removed.append(cut)
    title = state.title
    if title and _on(strip_wire_tags, disable):
        title = strip_wire_tags(title)
    return Article(id=article_id, paragraphs=paragraphs, title=title if state.title else None,
                   authors=state.authors, author_roles=state.author_roles,
                   published=state.published, published_from=state.published_from,
                   dateline=state.dateline, captions=state.captions,
                   removed=sorted(removed, key=lambda r: r.line))


def _on(func: Callable, disable: Collection[str]) -> bool:
    """True unless the cleaning rule ``func`` is switched off."""
    return func.rule_name not in disable  # type: ignore[attr-defined]


def _tidy(text: str, disable: Collection[str]) -> str:
    """A kept paragraph's text with wire tags unbracketed and glued quote marks spaced."""
    if _on(strip_wire_tags, disable):
        text = strip_wire_tags(text)
    return space_glued_quote(text) if _on(space_glued_quote, disable) else text


def _headline_only(labelled: list) -> list:
    """When the only text is one headline-like block, it is the body (it stays the title)."""
    titled = [i for i, (_, reason) in enumerate(labelled) if reason == "title"]
    if len(labelled) == 1 and titled:
        return [(labelled[0][0], "body")]
    return labelled
