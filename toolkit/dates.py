"""Dates and the timeline: when things happened, resolved against publication.

Dates go to the *timeline* (:func:`extract_dates`, :func:`timeline`) as
:class:`DateMention` objects. Three finder rules (``find`` group) read the
expressions off each body sentence; the ``resolve`` rules then turn a date
pattern into an ISO date against the article's publication date, where the
text allows:

* a weekday ("Tuesday") is the most recent such day on or before publication
  (the same day when published on a Tuesday), or the next one when its verb is
  in the future tense ("will meet on Thursday"); "last"/"next" force
  before/after;
* a month and day without a year ("June 2") takes the year that puts it
  closest to publication: "June 2" in an article of 20 June 2019 is
  2019-06-02 and "July 4" the coming 2019-07-04 (a vote, a deadline),
  while "Dec. 30" in an article of 5 January is the previous year's. "last
  year", "this year" or "next year" after it override;
* "yesterday", "today", "tomorrow", "N days ago" are exact days;
  "last week"/"this week"/"next week" give the Monday starting that week
  (``precision`` ``"week"``); months give ``YYYY-MM``, years ``YYYY``;
* anything else (no publication date, "the past month") keeps ``date`` empty.

``event`` is the sentence the date occurs in, stripped. Durations ("for a
year", "decades", "week-long") are not timeline points. Switching a resolve
rule off (``disable=``) leaves its dates unresolved; switching a finder off
removes its rows.

Example:
    >>> from toolkit.nlp import parse
    >>> from toolkit.read import article_from_text
    >>> doc = parse(article_from_text("The dam failed on Saturday."))
    >>> [(d.text, d.date) for d in extract_dates(doc, published="2019-06-20")]
    [('Saturday', '2019-06-15')]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pandas as pd
from spacy.tokens import Doc, Span

from . import contract
from .lexicon import MONTHS, RELATIVE_DAYS, TIME_NOUNS, UNIT_WORDS, WEEKDAYS
from .nlp import body_sentences, doc_text
from .rules import active, rule


@dataclass
class DateMention:
    """A date or time expression for the timeline.

    Attributes:
        text: the expression as written (``doc.text[start_char:end_char]``).
        date: ISO date ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY``), ``""`` when
            it cannot be resolved.
        sentence: index in ``list(doc.sents)``.
        start_char, end_char: offsets in ``doc.text``.
        event: the sentence it occurs in, stripped.
        precision: ``day``, ``week``, ``month``, ``year``, ``time`` or ``""``.
    """

    text: str
    date: str
    sentence: int
    start_char: int
    end_char: int
    event: str
    precision: str = ""


# ---------------------------------------------------------------------------
# Patterns (shared with figures, which must not read dates as numbers)

_MON = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_MON = "(?:" + "|".join(m for m in MONTHS if len(m) > 3 or m == "May") + ")"
_SMALL = ("a", "an", *(w for w, v in UNIT_WORDS.items() if 1 <= v <= 10))  # "a" ... "ten"
_SMALL_WORDS = r"(?:" + "|".join(_SMALL) + r"|\d+)"
_AGO_UNITS = ("day", "week", "month", "year")
#: The words that place a weekday ("next Friday") or a period ("this week") from
#: the day of writing; a month also takes its part ("late May", "mid-March"), and a
#: period "earlier this" or "later this".
_RELS = ("last", "this", "next")
_MONTH_PARTS = ("early", "late", "mid")
_PERIOD_THIS = ("earlier", "later")
_REL_YEAR = r"(?:\s+(?P<{}>" + "|".join(_RELS) + r")\s+year\b)?"  # "June 2 last year"


def _either_case(words) -> tuple[str, ...]:
    """``words`` as written and with a capital, as a date can start a sentence.

    Example:
        >>> _either_case(["last", "May"])
        ('last', 'Last', 'May')
    """
    return tuple(dict.fromkeys(w for word in words for w in (word, word[0].upper() + word[1:])))


def _cased(words) -> str:
    """An alternation of ``words``, each also with a capital first letter.

    Example:
        >>> _cased(["last", "mid-?"])
        '[Ll]ast|[Mm]id-?'
    """
    return "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words)



def grouped_starts(words=(), patterns=(), *, ignore_case: bool = False) -> str:
    """An alternation of ``words`` (escaped) and ``patterns`` (regular
    expressions starting with a letter), grouped by first character (folded
    with ``ignore_case``), for a look-ahead on where a match can start: at an
    ordinary word the regex engine gives up after one comparison per group
    instead of trying every alternative.

    Example:
        >>> grouped_starts(["about", "AUD"], ["an?-"], ignore_case=True)
        '(?:a(?:bout|n?-|UD))'
        >>> grouped_starts(["May", "mid"])
        '(?:M(?:ay)|m(?:id))'
    """
    tails: dict[str, set[str]] = {}
    for word in words:
        first = word[0].lower() if ignore_case else word[0]
        tails.setdefault(first, set()).add(re.escape(word[1:]))
    for pattern in patterns:
        first = pattern[0].lower() if ignore_case else pattern[0]
        tails.setdefault(first, set()).add(pattern[1:])
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(
        sorted(rest, key=lambda r: (-len(r), r))) + ")"
        for first, rest in sorted(tails.items())) + ")"


#: The words a date expression can start with (digits aside; case as written):
#: those the kinds of :data:`DATE_RE` below start with, from the same lists.
_DATE_STARTS = grouped_starts(
    (*MONTHS, *WEEKDAYS, *_either_case((*_RELS, *_MONTH_PARTS, *_PERIOD_THIS, *RELATIVE_DAYS))),
    (w + r"\s+(?:" + "|".join(_AGO_UNITS) + ")" for w in _SMALL))

# Before a month, only "mid" may take a hyphen ("mid-March").
_MONTH_REL = _cased(w + "-?" if w == "mid" else w for w in (*_RELS, *_MONTH_PARTS))

# Each kind starts at the start of a word, with a digit or one of the words
# above: the look-aheads skip other positions at once.
DATE_RE = re.compile(
    rf"(?=\b\w)(?=\d|{_DATE_STARTS})(?:"
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    rf"|(?P<md>\b(?P<md_mon>{_MON})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<md_year>\d{{4}})\b)?{_REL_YEAR.format('md_rel')})"
    rf"|(?P<dm>\b(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_mon>{_MON})(?!\w)"
    rf"(?:,?\s+(?P<dm_year>\d{{4}})\b)?{_REL_YEAR.format('dm_rel')})"
    rf"|(?P<my>\b(?:(?P<my_rel>{_MONTH_REL})\s*)?"
    rf"(?P<my_mon>{_MON})(?:,?\s+(?P<my_year>\d{{4}})\b)?(?!\w))"
    rf"|(?P<wdx>\b(?:(?P<wd_rel>{_cased(_RELS)})\s+)?(?P<wd>" + "|".join(WEEKDAYS)
    + r")\b(?:\s+(?:morning|afternoon|evening|night))?)"
    rf"|(?P<rel>\b(?:{_cased(RELATIVE_DAYS)})\b)"
    rf"|(?P<per>\b(?P<per_rel>(?:{_cased(_PERIOD_THIS)})\s+this|{_cased(_RELS)})\s+"
    r"(?P<per_unit>week|month|year|weekend)\b)"
    rf"|(?P<ago>\b(?P<ago_n>{_SMALL_WORDS})\s+(?P<ago_unit>{'|'.join(_AGO_UNITS)})s?\s+ago\b)"
    r"|(?P<year>\b(?:1[89]|20)\d{2}\b))")
"""One date expression; the named group that matched says which kind."""

_YEAR_CUES = {"in", "since", "by", "until", "till", "from", "of", "before", "after",
              "during", "through", "early", "late", "mid", "mid-", "spring", "summer",
              "autumn", "fall", "winter", "year", "fiscal"}
_BARE_MONTH_CUES = _YEAR_CUES | set(_RELS) | set(_MONTH_PARTS)

TIME_RE = re.compile(
    r"(?=\b\d)(?:"  # every clock time starts with a digit at the start of a word
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?(?!\w))?(?:\s*(?:GMT|UTC|[ECMP][SD]?T|BST|CET))?"
    r"|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?(?!\w)"
    r"|\b\d{3,4}\s*(?:GMT|UTC|EST|EDT|BST|CET)\b"
    r"|\b\d{1,2}\s+o'clock\b)")
"""A clock time ("15:38", "6 p.m.", "0900 GMT", "ten o'clock" excluded)."""

#: Words that make a spaCy DATE/TIME entity a real date or duration.
DATE_ENT_WORDS = TIME_NOUNS | set(RELATIVE_DAYS) | {"ago", "morning", "afternoon", "evening"}

# ---------------------------------------------------------------------------
# Text-span helpers (shared with figures)


def glued(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is stuck to a word or code.

    Example:
        >>> glued("COVID19 spread", 5, 7), glued("in 2019 then", 3, 7)
        (True, False)
    """
    before = text[start - 1] if start > 0 else " "
    before2 = text[start - 2] if start > 1 else " "
    after = text[end] if end < len(text) else " "
    after2 = text[end + 1] if end + 1 < len(text) else " "
    if before.isalnum() or before in "_#@/+" or (before in ".," and before2.isdigit()):
        return True
    if before in "-–" and before2.isalnum():
        return True
    if after.isalnum() or after in "_/@":
        return True
    if after in "-–.:," and after2.isalnum() and not (after in ".," and not after2.isdigit()):
        return True
    return False


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` overlaps any of ``spans``."""
    return any(s < end and start < e for s, e in spans)


def in_sentence(spans: list, starts: list[int], sent: Span) -> list:
    """The (start-sorted) ``spans`` starting inside ``sent``, found by bisection."""
    lo = bisect_left(starts, sent.start_char)
    hi = bisect_left(starts, sent.end_char)
    return spans[lo:hi]


# ---------------------------------------------------------------------------
# Resolution rules: one per kind of date pattern


def _parse_published(published) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:  # a publication line that is not an ISO date resolves nothing
        return None


def _nearest_year(pub: date, month: int, day: int) -> date | None:
    best = None
    for y in (pub.year - 1, pub.year, pub.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - pub).days) < abs((best - pub).days):
            best = d
    return best


def _month_start(d: date, months: int) -> str:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return f"{y:04d}-{m + 1:02d}"


def _moved(d: date, unit: str, n: int) -> tuple[str, str]:
    """``(ISO date, precision)`` of ``d`` moved by ``n`` days, weeks, months or years:
    a day or a week is written as its day, a month ``YYYY-MM``, a year ``YYYY``.

    Example:
        >>> [_moved(date(2019, 6, 20), unit, -2) for unit in ("day", "week", "month", "year")]
        [('2019-06-18', 'day'), ('2019-06-06', 'week'), ('2019-04', 'month'), ('2017', 'year')]
    """
    if unit == "day":
        return (d + timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return (d + timedelta(weeks=n)).isoformat(), "week"
    if unit == "month":
        return _month_start(d, n), "month"
    return f"{d.year + n:04d}", "year"


Resolved = tuple[str, str] | None


@rule("date-iso", stage="dates")
def resolve_iso(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """An ISO date written out ("2023-06-30") is that day.

    An impossible one ("2023-02-30") stays unresolved.
    """
    if not m.group("iso"):
        return None
    try:
        return date.fromisoformat(m.group("iso")).isoformat(), "day"
    except ValueError:
        return "", ""


@rule("date-month-day", stage="dates")
def resolve_month_day(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """A month and day ("Oct. 7", "3 March 2021") take their year, or the nearest one.

    Without a year, "last/this/next year" after the date pick it; otherwise
    the year that puts the day closest to publication.
    """
    kind = "md" if m.group("md") else "dm" if m.group("dm") else None
    if kind is None:
        return None
    g = m.group
    month, day = MONTHS[g(f"{kind}_mon").rstrip(".")], int(g(f"{kind}_day"))
    year, rel = g(f"{kind}_year"), g(f"{kind}_rel")
    try:
        if year:
            return date(int(year), month, day).isoformat(), "day"
        if pub is None:
            return "", ""
        if rel:
            y = pub.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
            return date(y, month, day).isoformat(), "day"
    except ValueError:
        return "", ""
    d = _nearest_year(pub, month, day)
    return (d.isoformat(), "day") if d else ("", "")


@rule("date-month", stage="dates")
def resolve_month(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """A month ("March 2023", "last March") is ``YYYY-MM``.

    "last" takes the latest such month before publication, "next" the first
    after it; a bare month the one nearest to publication.
    """
    if not m.group("my"):
        return None
    month = MONTHS[m.group("my_mon").rstrip(".")]
    if m.group("my_year"):
        return f"{int(m.group('my_year')):04d}-{month:02d}", "month"
    if pub is None:
        return "", ""
    rel = (m.group("my_rel") or "").lower()
    if rel == "last":
        y = pub.year if month < pub.month else pub.year - 1
    elif rel == "next":
        y = pub.year if month > pub.month else pub.year + 1
    else:
        y = _nearest_year(pub, month, 1).year
    return f"{y:04d}-{month:02d}", "month"


@rule("date-weekday", stage="dates")
def resolve_weekday(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """A weekday is the latest such day up to publication, or the next in the future tense.

    "last Tuesday" and "next Monday" force a day before or after publication.
    """
    if not m.group("wd"):
        return None
    if pub is None:
        return "", ""
    wd = WEEKDAYS.index(m.group("wd"))
    rel = (m.group("wd_rel") or "").lower()
    back = (pub.weekday() - wd) % 7
    ahead = (wd - pub.weekday()) % 7
    if rel == "last":
        d = pub - timedelta(days=back or 7)
    elif rel == "next":
        d = pub + timedelta(days=ahead or 7)
    elif future:
        d = pub + timedelta(days=ahead)
    else:
        d = pub - timedelta(days=back)
    return d.isoformat(), "day"


@rule("date-relative-day", stage="dates")
def resolve_relative_day(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """"yesterday", "today", "tonight" and "tomorrow" are days around publication."""
    if not m.group("rel"):
        return None
    if pub is None:
        return "", ""
    return _moved(pub, "day", RELATIVE_DAYS[m.group("rel").lower()])


@rule("date-relative-period", stage="dates")
def resolve_relative_period(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """"last week", "this month", "next year" are periods around publication.

    A week resolves to its Monday (a weekend to its Saturday) with precision
    ``week``; a month to ``YYYY-MM``; a year to ``YYYY``.
    """
    if not m.group("per"):
        return None
    if pub is None:
        return "", ""
    rel = " ".join(m.group("per_rel").lower().split())
    unit = m.group("per_unit")
    step = {"last": -1, "next": 1}.get(rel, 0)
    if unit == "weekend":
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        if step == 0 and sat < pub - timedelta(days=1):
            sat += timedelta(days=7)
        return (sat + timedelta(weeks=step if step > 0 else 0)).isoformat(), "week"
    monday = pub - timedelta(days=pub.weekday())
    return _moved(monday if unit == "week" else pub, unit, step)


@rule("date-ago", stage="dates")
def resolve_ago(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """"two weeks ago" counts back from publication, at the precision of its unit."""
    if not m.group("ago"):
        return None
    if pub is None:
        return "", ""
    n = m.group("ago_n").lower()
    k = 1 if n in ("a", "an") else int(n) if n.isdigit() else UNIT_WORDS.get(n, 0)
    return _moved(pub, m.group("ago_unit"), -k)


@rule("date-year", stage="dates")
def resolve_year(m: re.Match, pub: date | None, future: bool) -> Resolved:
    """A year ("in 2019") is ``YYYY``."""
    if not m.group("year"):
        return None
    return m.group("year"), "year"


RESOLVE_RULES: tuple[Callable[..., Resolved], ...] = (
    resolve_iso, resolve_month_day, resolve_month, resolve_weekday, resolve_relative_day,
    resolve_relative_period, resolve_ago, resolve_year)


def resolve(m: re.Match, pub: date | None, future: bool, *,
            rules: tuple = RESOLVE_RULES) -> tuple[str, str]:
    """``(ISO date, precision)`` of one :data:`DATE_RE` match by the first rule that applies.

    ``("", "")`` when no rule applies or the date cannot be resolved.
    """
    for resolver in rules:
        found = resolver(m, pub, future)
        if found is not None:
            return found
    return "", ""


# ---------------------------------------------------------------------------
# Finder rules: the expressions in one sentence


@dataclass
class _SentenceContext:
    """What the finder rules read for one body sentence."""

    doc: Doc
    full: str
    si: int
    sent: Span
    pub: date | None
    date_ents: list
    resolvers: tuple

    @property
    def text(self) -> str:
        return self.full[self.sent.start_char:self.sent.end_char]

    def mention(self, start: int, end: int, date_: str = "", precision: str = "") -> DateMention:
        return DateMention(text=self.full[start:end], date=date_, sentence=self.si,
                           start_char=start, end_char=end, event=self.text.strip(),
                           precision=precision)


def _future_tense(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    tok = span.root
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            break
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "wo")
               for c in tok.children) or tok.lower_ in ("will", "shall")


def _pattern_is_date(ctx: _SentenceContext, m: re.Match, text: str) -> bool:
    start, end = m.start() + ctx.sent.start_char, m.end() + ctx.sent.start_char
    before = text[:m.start()].split()
    prev = before[-1].lower().strip("(,") if before else ""
    in_ent = any(s <= start and end <= e for s, e, _ in ctx.date_ents)
    if m.group("year") and not (in_ent or prev in _YEAR_CUES) or m.group("year") and \
            glued(ctx.full, start, end):
        return False
    if m.group("my") and not m.group("my_year") and not m.group("my_rel"):
        mon = m.group("my_mon")
        if not re.fullmatch(_FULL_MON, mon) or not (prev in _BARE_MONTH_CUES or in_ent):
            return False
    return not (m.group("dm") and glued(ctx.full, start, start + 1))


@rule("find-date-pattern", stage="dates")
def find_date_patterns(ctx: _SentenceContext, found: list[DateMention]) -> list[DateMention]:
    """Dates written as days, months, weekdays, relative words or years.

    A bare year needs a cue before it ("in", "since", ...) or spaCy's DATE
    entity around it; a bare month likewise. Each is resolved by the
    ``resolve`` rules.
    """
    text, offset = ctx.text, ctx.sent.start_char
    out = []
    for m in DATE_RE.finditer(text):
        if not _pattern_is_date(ctx, m, text):
            continue
        start, end = m.start() + offset, m.end() + offset
        future = bool(m.group("wd")) and _future_tense(ctx.doc, start, end)
        iso, precision = resolve(m, ctx.pub, future, rules=ctx.resolvers)
        out.append(ctx.mention(start, end, iso, precision))
    return out


@rule("find-clock-time", stage="dates")
def find_clock_times(ctx: _SentenceContext, found: list[DateMention]) -> list[DateMention]:
    """Clock times ("15:38", "6 p.m.") are timeline points without a date (precision ``time``)."""
    offset = ctx.sent.start_char
    spans = [(d.start_char, d.end_char) for d in found]
    out = []
    for m in TIME_RE.finditer(ctx.text):
        start, end = m.start() + offset, m.end() + offset
        if not overlaps(start, end, spans):
            out.append(ctx.mention(start, end, precision="time"))
    return out


@rule("find-date-entity", stage="dates")
def find_date_entities(ctx: _SentenceContext, found: list[DateMention]) -> list[DateMention]:
    """spaCy dates the patterns missed, when they point at a time ("the past month").

    They stay unresolved: the phrase names a period relative to something the
    patterns cannot pin down.
    """
    spans = [(d.start_char, d.end_char) for d in found]
    out = []
    for s, e, _label in ctx.date_ents:
        if not (ctx.sent.start_char <= s and e <= ctx.sent.end_char) or overlaps(s, e, spans):
            continue
        words = set(ctx.full[s:e].lower().split())
        if words & {"ago", "last", "past", "recent", "earlier", "later", "coming", "next",
                    "this"}:
            out.append(ctx.mention(s, e))
    return out


FIND_RULES = (find_date_patterns, find_clock_times, find_date_entities)

#: The rule groups of this stage, in the order they apply (see :mod:`toolkit.rules`).
RULE_GROUPS = {"find": FIND_RULES, "resolve": RESOLVE_RULES}


def extract_dates(doc: Doc, *, published: str | None = None,
                  disable: Collection[str] = ()) -> list[DateMention]:
    """Date and time expressions in the body of ``doc``, resolved where possible.

    Args:
        doc: a parsed ``Doc``; headings are skipped.
        published: the article's ISO publication date (``"2019-06-20"``), used
            to resolve weekdays, month-days without a year and relative dates.
        disable: rule names to switch off (see :data:`RULE_GROUPS`).

    Returns:
        :class:`DateMention` objects in text order (see the module docstring
        for the resolution rules).

    Example:
        >>> from toolkit.nlp import parse
        >>> from toolkit.read import article_from_text
        >>> doc = parse(article_from_text("The board will vote on Friday."))
        >>> [(d.text, d.date) for d in extract_dates(doc, published="2019-06-20")]
        [('Friday', '2019-06-21')]
    """
    pub = _parse_published(published)
    ents = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents
                  if e.label_ in ("DATE", "TIME"))
    starts = [e[0] for e in ents]
    finders = active(FIND_RULES, disable=disable)
    resolvers = active(RESOLVE_RULES, disable=disable)
    full = doc_text(doc)  # Doc.text joins every token: read it once per doc
    out: list[DateMention] = []
    for si, sent in body_sentences(doc):
        ctx = _SentenceContext(doc, full, si, sent, pub, in_sentence(ents, starts, sent),
                               resolvers)
        found: list[DateMention] = []
        for finder in finders:
            found.extend(finder(ctx, found))
        found.sort(key=lambda d: (d.start_char, d.end_char))
        out.extend(found)
    return out


# ---------------------------------------------------------------------------
# Tables


def timeline_table(dates: list[DateMention]) -> pd.DataFrame:
    """The ``timeline`` contract table."""
    return contract.frame("timeline", contract.rows_from("timeline", dates))


def timeline(obj, *, published: str | None = None) -> pd.DataFrame:
    """The timeline of an analysed article or a parsed ``Doc`` as a DataFrame.

    Args:
        obj: an :class:`toolkit.analysis.Analysis` (its ``article.published``
            is used unless ``published`` is given) or a parsed ``Doc``.
        published: ISO publication date to resolve relative dates against.

    Returns:
        The ``timeline`` contract table (``article_id`` filled when known), in
        text order, with an extra ``precision`` column.

    Example:
        >>> from toolkit.nlp import parse
        >>> from toolkit.read import article_from_text
        >>> doc = parse(article_from_text("The dam failed on Saturday."))
        >>> df = timeline(doc, published="2019-06-20")
        >>> df[["text", "date", "precision"]].values.tolist()
        [['Saturday', '2019-06-15', 'day']]
    """
    if isinstance(obj, Doc):
        doc = obj
        aid = doc._.article_id if Doc.has_extension("article_id") else None
    elif hasattr(obj, "doc") and hasattr(obj, "article"):
        doc = obj.doc
        published = published or getattr(obj.article, "published", None)
        aid = getattr(obj.article, "id", None)
    else:
        raise TypeError("timeline() takes an Analysis or a parsed spaCy Doc")
    dates = extract_dates(doc, published=published)
    df = contract.frame("timeline", [asdict(d) for d in dates], article_id=aid)
    df["precision"] = pd.Series([d.precision for d in dates], index=df.index, dtype="object")
    return df
