"""Figures: every number in the body, what it counts and on whose authority.

A *figure* is a number expression in a body sentence: digits with separators
and decimals (``31,406``, ``2.4 million``), money (``$3.5bn``, ``£600m``),
percentages (``76%``, ``12 per cent``), number words (``thirteen``,
``a dozen``, ``two hundred``), ranges (``10 to 15``, ``between 5 and 7``,
``5-7``) and vague amounts (``dozens``, ``scores of``, ``hundreds``,
``tens of thousands``). Each becomes a :class:`Figure`:

* ``text`` is exactly ``doc.text[start_char:end_char]`` and *includes* the
  qualifier words (``"more than 250"``) and currency/percent signs.
* ``value`` is the normalised number (``1.2 million`` -> ``1200000.0``); for a
  range it is the lower bound (the upper one is in ``high``); for a vague
  amount it is empty (``None``) and ``qualifier`` is ``"vague"``, with a
  conventional lower bound in ``low`` (dozens 24, scores 40, hundreds 200,
  thousands 2000, tens of thousands 20000, ...).
* ``qualifier``: ``exact``, ``more_than`` (more than, over, at least, ...),
  ``around`` (about, around, nearly, some, an estimated, ...), ``less_than``
  (fewer than, under, up to, ...), ``range`` or ``vague``.
* ``unit``: an ISO currency code (``USD``, ``GBP``, ``EUR``, ...),
  ``"percent"``, ``"percentage points"``, or empty for counts.
* ``what``: the counted noun phrase and its event, read off the dependency
  parse: the noun the number modifies (or the ``of``-object of ``dozens of``)
  plus the verb it is the object or passive subject of, as a participle
  (``"miners rescued"``, ``"prisoners freed"``), or the verb it is the
  subject of (``"whales swam into the bay"``); the verb's first short
  prepositional phrase after the noun is kept (``"from the old fortress"``).
* ``source``: who the figure is attributed to. A figure inside a quote's
  content span (``quotes``: :class:`toolkit.quotes.Quote` objects) gets that
  quote's speaker; otherwise "according to X" in the same sentence, otherwise
  the subject of a reporting verb ("X said/says/estimated ...") governing the
  figure. A pronoun source ("they said") is replaced by the most recent named
  source in the two sentences before; empty when the article states the
  figure on its own authority.

Not figures (skipped, never raised on): ordinals (``11th``), years
(``2023``, unless a plural noun is counted: ``2000 people``), dates
(``March 3``, ``3 March 2021``), times (``15:38``, ``3 p.m.``), durations
(``three days``), phone numbers (``+44 20 7946 0958``), ISBNs and other
codes with three or more hyphenated groups, footnote markers (``[1]``),
numbers glued to letters or joined by a hyphen or slash to a word
(``COVID19``, ``G7``, ``F-16``, ``45-year-old``, ``24/7``, ``100m`` without a
currency), identifiers after a capitalised name (``Resolution 1701``,
``Flight 370``), capitalised number words inside names (``Formula One``) and
a bare ``one`` that does not modify a noun (``one of them``).

Dates go to the *timeline* (:func:`extract_dates`, :func:`timeline`) as
:class:`DateMention` objects, resolved against the article's publication date
where the text allows:

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
year", "decades", "week-long") are not timeline points.

Example:
    >>> from toolkit.nlp import load_model, make_doc
    >>> from toolkit.read import article_from_text
    >>> nlp = load_model()
    >>> doc = nlp(make_doc(article_from_text(
    ...     "Officials said more than 40 miners were trapped on Monday."), nlp))
    >>> f = extract_figures(doc)[0]
    >>> (f.text, f.value, f.qualifier, f.what, f.source)
    ('more than 40', 40.0, 'more_than', 'miners trapped', 'Officials')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import asdict, dataclass
from datetime import date, timedelta

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import contract
from .nlp import body_sentences

# ---------------------------------------------------------------------------
# Data classes


@dataclass
class Figure:
    """One number expression, what it counts and who says so.

    Attributes:
        value: the normalised number (lower bound for a range), ``None`` for
            vague amounts.
        text: ``doc.text[start_char:end_char]``, qualifier words included.
        qualifier: exact, more_than, around, less_than, range or vague.
        unit: currency code, ``"percent"``, ``"percentage points"`` or ``""``.
        what: the counted noun phrase and its event, or ``""``.
        source: who the figure is attributed to, or ``""``.
        sentence: index in ``list(doc.sents)``.
        start_char, end_char: offsets in ``doc.text``.
        low, high: bounds (a range's ends; a vague amount's conventional
            lower bound); equal to ``value`` for a single number.
    """

    value: float | None
    text: str
    qualifier: str
    unit: str
    what: str
    source: str
    sentence: int
    start_char: int
    end_char: int
    low: float | None = None
    high: float | None = None


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
# Number grammar (regular expressions over sentence text)

_UNIT_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS_WORDS = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALE_WORDS = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
                "trillion": 1e12}
_SCALE_ABBRS = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9,
                "tn": 1e12, "trn": 1e12}
# Abbreviations that are units of length/size unless money is meant ("100m").
_MONEY_ONLY_ABBRS = {"k", "m", "b"}

_UNITS_RE = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_TENS_RE = "|".join(_TENS_WORDS)
_ATOM = rf"(?:(?:{_TENS_RE})(?:-(?:{_UNITS_RE}))?|{_UNITS_RE})"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_WORDNUM = (rf"(?:(?:half\s+an?|an?|{_ATOM})\s+dozen"
            rf"|(?:{_ATOM}|an?(?=\s+{_SCALE_WORD}\b))"
            rf"(?:\s+{_SCALE_WORD}(?:\s+(?:and\s+)?{_ATOM}(?!\w))?)*)\b")

_CURRENCY_SYMBOLS = {"US$": "USD", "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD",
                     "S$": "SGD", "R$": "BRL", "$": "USD", "£": "GBP", "€": "EUR",
                     "¥": "JPY", "₹": "INR", "₪": "ILS"}
_CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "CNY", "CHF", "INR", "ILS", "CAD", "AUD")
_CURRENCY_NAMES = {"Hong Kong dollars": "HKD", "Australian dollars": "AUD",
                   "Canadian dollars": "CAD", "Singapore dollars": "SGD",
                   "Swiss francs": "CHF", "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
                   "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP",
                   "yen": "JPY", "yuan": "CNY", "rupees": "INR", "shekels": "ILS",
                   "roubles": "RUB", "rubles": "RUB"}
_CURRENCY_NAMES_LOWER = {k.lower(): v for k, v in _CURRENCY_NAMES.items()}
_CUR_PRE = ("(?:" + "|".join(re.escape(s) for s in sorted(_CURRENCY_SYMBOLS, key=len,
                                                          reverse=True))
            + "|(?:" + "|".join(_CURRENCY_CODES) + r")\s?)")
_DIGITS = r"(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
_SCALE_ABBR = r"(?:bn|mln|mn|trn|tn|m|k|b)(?![\w])"
_UNIT_POST = (r"(?:\s?%|\s+per\s?cent\b|\s+percentage\s+points?\b"
              r"|\s+(?:US\s+)?(?:" + "|".join(sorted(_CURRENCY_NAMES, key=len, reverse=True))
              + r")\b|\s+(?:" + "|".join(_CURRENCY_CODES) + r")\b)")
_NUMBER = (rf"(?:{_DIGITS}(?:{_SCALE_ABBR}|\s+{_SCALE_WORD}\b(?:\s+{_SCALE_WORD}\b)*)?"
           rf"|{_WORDNUM})")
_NUMEXPR = rf"(?:{_CUR_PRE}\s?)?{_NUMBER}(?:{_UNIT_POST})?"

_NUMEXPR_PARSE = re.compile(
    rf"(?P<cur>{_CUR_PRE})?\s?(?:(?P<digits>{_DIGITS})(?:(?P<abbr>{_SCALE_ABBR})"
    rf"|\s+(?P<scales>{_SCALE_WORD}(?:\s+{_SCALE_WORD})*))?|(?P<words>{_WORDNUM}))"
    rf"(?P<unit>{_UNIT_POST})?", re.I)

QUALIFIERS = {
    "more_than": ("more than", "over", "at least", "upwards of", "in excess of",
                  "well over", "just over", "above", "no fewer than", "no less than",
                  "greater than", "well above"),
    "around": ("about", "around", "roughly", "approximately", "nearly", "almost", "some",
               "an estimated", "estimated", "close to", "as many as", "circa",
               "an approximate", "approx."),
    "less_than": ("less than", "fewer than", "under", "up to", "at most", "no more than",
                  "just under", "below", "well under", "not more than"),
}
_QUAL_OF = {q: k for k, qs in QUALIFIERS.items() for q in qs}
_QUAL_RE = "|".join(re.escape(q).replace(r"\ ", r"\s+")
                    for q in sorted(_QUAL_OF, key=len, reverse=True))

# Conventional lower bounds for vague amounts (value stays empty).
VAGUE_LOW = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000,
             "millions": 2e6, "billions": 2e9, "several dozen": 24,
             "tens of thousands": 2e4, "hundreds of thousands": 2e5,
             "tens of millions": 2e7, "hundreds of millions": 2e8,
             "tens of billions": 2e10, "hundreds of billions": 2e11}
_VAGUE_RE = (r"\b(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
             r"|several\s+dozen|dozens|scores(?=\s+of\b)|hundreds|thousands|millions"
             r"|billions)\b")

_FIGURE_RE = re.compile(
    rf"(?P<between>\bbetween\s+(?P<b1>{_NUMEXPR})\s+and\s+(?P<b2>{_NUMEXPR}))"
    rf"|(?P<vague>{_VAGUE_RE})"
    rf"|(?:(?P<qual>\b(?:{_QUAL_RE}))\s+)?(?P<n1>{_NUMEXPR})"
    rf"(?:\s*(?P<sep>-|–|—|\bto\b|\bor\b)\s*(?P<n2>{_NUMEXPR}))?",
    re.I)

# Every figure holds a digit or a number word: sentences without one skip the
# (much slower) grammar above.
_MAYBE_FIGURE_RE = re.compile(
    r"\d|\b(?:" + "|".join(sorted({*_UNIT_WORDS, *_TENS_WORDS, *_SCALE_WORDS, "dozen", "score"},
                                 key=len, reverse=True)) + ")", re.I)

# ---------------------------------------------------------------------------
# Things that look like numbers but are not figures

_MONTHS = {"January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
           "July": 7, "August": 8, "September": 9, "October": 10, "November": 11,
           "December": 12, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
           "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MON = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_MON = "(?:" + "|".join(m for m in _MONTHS if len(m) > 3 or m == "May") + ")"
_REL_YEAR = r"(?:\s+(?P<{}>last|this|next)\s+year\b)?"
_SMALL_WORDS = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)"

_DATE_RE = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    rf"|(?P<md>\b(?P<md_mon>{_MON})\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?\b"
    rf"(?:,?\s+(?P<md_year>\d{{4}})\b)?{_REL_YEAR.format('md_rel')})"
    rf"|(?P<dm>\b(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_mon>{_MON})(?!\w)"
    rf"(?:,?\s+(?P<dm_year>\d{{4}})\b)?{_REL_YEAR.format('dm_rel')})"
    rf"|(?P<my>\b(?:(?P<my_rel>[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?)\s*)?"
    rf"(?P<my_mon>{_MON})(?:,?\s+(?P<my_year>\d{{4}})\b)?(?!\w))"
    r"|(?P<wdx>\b(?:(?P<wd_rel>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wd>" + "|".join(_WEEKDAYS)
    + r")\b(?:\s+(?:morning|afternoon|evening|night))?)"
    r"|(?P<rel>\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b)"
    r"|(?P<per>\b(?P<per_rel>(?:[Ee]arlier|[Ll]ater)\s+this|[Ll]ast|[Tt]his|[Nn]ext)\s+"
    r"(?P<per_unit>week|month|year|weekend)\b)"
    rf"|(?P<ago>\b(?P<ago_n>{_SMALL_WORDS})\s+(?P<ago_unit>day|week|month|year)s?\s+ago\b)"
    r"|(?P<year>\b(?:1[89]|20)\d{2}\b)")
_YEAR_CUES = {"in", "since", "by", "until", "till", "from", "of", "before", "after",
              "during", "through", "early", "late", "mid", "mid-", "spring", "summer",
              "autumn", "fall", "winter", "year", "fiscal"}
_BARE_MONTH_CUES = _YEAR_CUES | {"last", "this", "next", "early", "late"}
_TIME_RE = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?(?!\w))?(?:\s*(?:GMT|UTC|[ECMP][SD]?T|BST|CET))?"
    r"|\b\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\.?(?!\w)"
    r"|\b\d{3,4}\s*(?:GMT|UTC|EST|EDT|BST|CET)\b"
    r"|\b\d{1,2}\s+o'clock\b")
_NOT_FIGURE_RE = re.compile(
    r"\[\s*\d{1,3}\s*\]"                                   # footnote markers
    r"|\bISBN(?:-1[03])?:?\s*[\dXx][\dXx -]{8,}[\dXx]"     # ISBNs
    r"|\+\d[\d ().-]{6,}\d"                                # international phone numbers
    r"|\(\d{3}\)\s*\d{3}[-. ]\d{4}"                        # (555) 123-4567
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b"        # 555-123-4567, 555-1234
    r"|\b\d+(?:[-./]\d+){2,}\b")                           # codes, dotted/slashed dates
_TIME_NOUNS = {"second", "minute", "hour", "day", "night", "week", "weekend", "month",
               "year", "decade", "century", "fortnight", "millennium"}
_DATE_ENT_WORDS = _TIME_NOUNS | {"ago", "yesterday", "today", "tomorrow", "tonight",
                                 "morning", "afternoon", "evening"}

# Verbs whose subject is the source of the figures in their clause.
REPORTING_VERBS = {"say", "tell", "report", "estimate", "state", "announce", "claim",
                   "add", "confirm", "note", "write", "insist", "warn", "allege",
                   "testify", "disclose", "reveal", "count", "record", "show", "find",
                   "calculate", "put", "tally", "acknowledge", "admit", "declare",
                   "quote", "cite"}
_PRONOUNS = {"it", "they", "he", "she", "we", "i", "you", "them", "him", "her", "this",
             "that"}
# Prepositions that do not describe the event ("along with", "according to", time).
_EVENT_PREP_SKIP = {"along", "with", "by", "according", "after", "before", "since",
                    "until", "during", "despite", "as", "like", "than", "including",
                    "for", "amid", "following", "of"}

# Past participles of common irregular verbs (others follow the regular rules).
_IRREGULAR_PARTICIPLES = {
    "be": "been", "bear": "borne", "beat": "beaten", "become": "become", "begin": "begun",
    "bind": "bound", "blow": "blown", "break": "broken", "bring": "brought",
    "build": "built", "buy": "bought", "catch": "caught", "choose": "chosen",
    "come": "come", "cost": "cost", "cut": "cut", "do": "done", "draw": "drawn",
    "drive": "driven", "eat": "eaten", "fall": "fallen", "feed": "fed", "fight": "fought",
    "find": "found", "flee": "fled", "fly": "flown", "forbid": "forbidden",
    "forget": "forgotten", "freeze": "frozen", "get": "got", "give": "given", "go": "gone",
    "grow": "grown", "hang": "hung", "have": "had", "hear": "heard", "hide": "hidden",
    "hit": "hit", "hold": "held", "hurt": "hurt", "keep": "kept", "know": "known",
    "lay": "laid", "lead": "led", "leave": "left", "lend": "lent", "let": "let",
    "lose": "lost", "make": "made", "mean": "meant", "meet": "met", "overrun": "overrun",
    "pay": "paid", "put": "put", "read": "read", "ride": "ridden", "rise": "risen",
    "run": "run", "say": "said", "see": "seen", "seek": "sought", "sell": "sold",
    "send": "sent", "set": "set", "shake": "shaken", "shoot": "shot", "shut": "shut",
    "sink": "sunk", "sit": "sat", "slay": "slain", "speak": "spoken", "spend": "spent",
    "split": "split", "spread": "spread", "stand": "stood", "steal": "stolen",
    "strike": "struck", "swear": "sworn", "take": "taken", "teach": "taught",
    "tear": "torn", "tell": "told", "think": "thought", "throw": "thrown",
    "undertake": "undertaken", "wake": "woken", "wear": "worn", "win": "won",
    "withdraw": "withdrawn", "write": "written", "arise": "arisen", "lie": "lain",
    "mistake": "mistaken", "overtake": "overtaken", "redo": "redone", "rebuild": "rebuilt",
}
_DOUBLING = {"admit", "commit", "occur", "refer", "prefer", "transfer", "regret", "control",
             "patrol", "compel", "expel", "propel", "rebel", "omit", "permit", "submit",
             "equip", "acquit", "outnumber"}


# ---------------------------------------------------------------------------
# Small pure helpers


def past_participle(lemma: str) -> str:
    """The past participle of a verb lemma (``capture`` -> ``captured``).

    Example:
        >>> [past_participle(v) for v in ("kill", "capture", "drive", "ban", "carry")]
        ['killed', 'captured', 'driven', 'banned', 'carried']
    """
    v = lemma.lower()
    if v in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[v]
    if v.endswith("e"):
        return v + "d"
    if len(v) > 1 and v.endswith("y") and v[-2] not in "aeiou":
        return v[:-1] + "ied"
    vowels = "aeiou"
    if v in _DOUBLING or (len(v) <= 4 and len(v) >= 3 and v[-1] not in vowels + "wxy"
                          and v[-2] in vowels and v[-3] not in vowels):
        return v + v[-1] + "ed"
    return v + "ed"


def words_to_number(text: str) -> float | None:
    """The value of an English number-word expression, or ``None``.

    Example:
        >>> words_to_number("two hundred and fifty thousand"), words_to_number("a dozen")
        (250000.0, 12.0)
    """
    words = re.split(r"[\s-]+", text.lower().strip())
    if not words or not words[0]:
        return None
    if words[-1] == "dozen":
        head = " ".join(words[:-1])
        factor = {"a": 1, "an": 1, "half a": 0.5, "half an": 0.5}.get(head)
        if factor is None:
            factor = words_to_number(head)
        return None if factor is None else float(factor * 12)
    total, current, seen = 0.0, 0.0, False
    for w in words:
        if w == "and":
            continue
        if w in ("a", "an"):
            current, seen = current or 1.0, True
        elif w in _UNIT_WORDS:
            current, seen = current + _UNIT_WORDS[w], True
        elif w in _TENS_WORDS:
            current, seen = current + _TENS_WORDS[w], True
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in _SCALE_WORDS:
            total += (current or 1.0) * _SCALE_WORDS[w]
            current = 0.0
        else:
            return None
    return float(total + current) if seen or total else None


def _currency(cur: str | None, unit: str | None) -> str:
    if cur:
        c = cur.strip()
        return _CURRENCY_SYMBOLS.get(c, c.upper())
    if unit:
        u = " ".join(unit.lower().split())
        if u.startswith("us "):
            return "USD"
        if u in _CURRENCY_NAMES_LOWER:
            return _CURRENCY_NAMES_LOWER[u]
        if u.upper() in _CURRENCY_CODES:
            return u.upper()
    return ""


def parse_number(text: str) -> tuple[float | None, str, str]:
    """Value, unit and scale abbreviation of one number expression.

    Example:
        >>> parse_number("$3.5bn"), parse_number("76%"), parse_number("1.2 million")
        ((3500000000.0, 'USD', 'bn'), (76.0, 'percent', ''), (1200000.0, '', ''))
    """
    m = _NUMEXPR_PARSE.fullmatch(text.strip())
    if not m:
        return None, "", ""
    unit_text = (m.group("unit") or "").strip().lower()
    if re.fullmatch(r"%|per\s?cent", unit_text):
        unit = "percent"
    elif unit_text.startswith("percentage"):
        unit = "percentage points"
    else:
        unit = _currency(m.group("cur"), unit_text)
    abbr = (m.group("abbr") or "").lower()
    if m.group("digits"):
        try:
            value = float(m.group("digits").replace(",", ""))
        except ValueError:
            return None, unit, abbr
        if abbr:
            value *= _SCALE_ABBRS.get(abbr, 1)
        for s in (m.group("scales") or "").lower().split():
            value *= _SCALE_WORDS.get(s, 1)
    else:
        value = words_to_number(m.group("words"))
    return value, unit, abbr


def _scale_of(expr: str) -> float:
    """The scale factor written in a number expression (``7 million`` -> 1e6)."""
    m = _NUMEXPR_PARSE.fullmatch(expr.strip())
    if not m or not m.group("digits"):
        return 1.0
    factor = _SCALE_ABBRS.get((m.group("abbr") or "").lower(), 1.0)
    for w in (m.group("scales") or "").lower().split():
        factor *= _SCALE_WORDS.get(w, 1.0)
    return factor


def _glued(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is stuck to a word or code."""
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


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# ---------------------------------------------------------------------------
# Dependency-parse helpers


def _noun_phrase(noun: Token, skip: set[int]) -> str:
    """The counted noun with its adjectives and compounds, plus bare conjuncts."""
    keep = {noun.i}

    def left_mods(tok: Token) -> None:
        for child in tok.lefts:
            if child.i in skip or child.like_num:
                continue
            if child.dep_ in ("amod", "compound", "nmod", "npadvmod") and child.pos_ != "NUM":
                keep.update(t.i for t in child.subtree if t.i not in skip
                            and not t.like_num and t.dep_ not in ("det", "punct"))
    left_mods(noun)
    for child in noun.rights:
        # "brigades and battalions": a conjunct without a number of its own
        if child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ == "nummod" or c.like_num for c in child.children):
            keep.add(child.i)
            keep.update(c.i for c in noun.rights if c.dep_ == "cc" and c.i < child.i)
            left_mods(child)
    doc = noun.doc
    return " ".join(doc[i].text for i in sorted(keep)
                    if any(c.isalnum() for c in doc[i].text))


def _phrase(tok: Token, *, max_tokens: int = 6) -> str:
    """A short prepositional phrase headed by ``tok`` ("from their homes") or ``""``."""
    sub = list(tok.subtree)
    if len(sub) > max_tokens or any(t.like_num or t.ent_type_ in ("DATE", "TIME")
                                    or t.is_punct for t in sub):
        return ""
    return tok.doc[sub[0].i: sub[-1].i + 1].text


def _verb_event(verb: Token, after: int, *, participle: bool) -> str:
    """``killed``/``driven from their homes``: the verb and a short phrase after ``after``."""
    if verb.pos_ == "AUX" and not participle:
        comp = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > after]
        return comp[0].text if comp else ""
    word = past_participle(verb.lemma_) if participle else verb.text.lower()
    if participle and verb.tag_ in ("VBN", "VBD") and verb.text.lower().endswith("ed"):
        word = verb.text.lower()
    parts = [word]
    parts += [c.text for c in verb.children if c.dep_ == "prt"]
    for child in verb.children:
        if child.dep_ == "prep" and child.i > after and child.lower_ not in _EVENT_PREP_SKIP:
            phrase = _phrase(child)
            if phrase:
                parts.append(phrase)
            break
    return " ".join(parts)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _event(role: Token, noun: Token | None, skip: set[int]) -> str:
    """The event the counted thing takes part in, from ``role``'s place in the parse."""
    tok = role
    for _ in range(4):  # "tanks and vehicles": conjuncts share the first one's role
        if tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN", "NUM"):
            tok = tok.head
        else:
            break
    after = max(role.i, noun.i if noun is not None else role.i)
    head = tok.head
    if tok.dep_ == "pobj" and head.i in skip and head.head.pos_ == "VERB":
        # "destroyed under 40 cabins": the qualifier was parsed as a preposition
        return _verb_event(head.head, after, participle=True)
    if tok.dep_ == "pobj" and head.lower_ in ("with", "including", "plus"):
        # "destroyed, along with 700 tanks": the list joins the verb's own object
        up = head.head
        if up.lower_ in ("along", "together") and up.dep_ == "prep":
            up = up.head
        if up.pos_ == "VERB":
            obj = _is_passive(up) or any(c.dep_ == "dobj" for c in up.children)
            return _verb_event(up, after, participle=obj)
        return ""
    if tok.dep_ in ("dobj", "nsubjpass", "oprd") and head.pos_ in ("VERB", "AUX"):
        return _verb_event(head, after, participle=True)
    if tok.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ not in REPORTING_VERBS:
        return _verb_event(head, after, participle=False)
    target = noun if noun is not None else tok
    for child in target.rights:
        if child.dep_ == "acl" and child.pos_ == "VERB":
            return _verb_event(child, child.i, participle=child.tag_ == "VBN")
        if child.dep_ == "relcl" and child.pos_ == "VERB":
            return _verb_event(child, child.i, participle=_is_passive(child))
    return ""


def _what(span: Span, skip: set[int]) -> tuple[str, bool]:
    """``(what, is_duration)`` for a figure's tokens."""
    root = span.root
    noun = None
    role = root
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") \
            and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in skip:
        noun = role = root.head
    else:
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj"]
                if objs and objs[0].pos_ in ("NOUN", "PROPN", "PRON"):
                    noun = objs[0]
                break
    if noun is not None and noun.lemma_.lower() in _TIME_NOUNS:
        return "", True
    words = _noun_phrase(noun, skip) if noun is not None and noun.pos_ != "PRON" else ""
    event = _event(role, noun, skip)
    return " ".join(p for p in (words, event) if p), False


def _source_text(tok: Token) -> str:
    """The noun phrase of a source, without appositions, clauses or punctuation."""
    drop: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("appos", "relcl", "acl", "advcl", "punct", "parataxis"):
            drop.update(t.i for t in child.subtree)
    idx = [t.i for t in tok.subtree if t.i not in drop]
    # keep the contiguous stretch around the head
    lo = hi = tok.i
    while lo - 1 in idx:
        lo -= 1
    while hi + 1 in idx:
        hi += 1
    return tok.doc[lo: hi + 1].text.strip(" ,")


def _sentence_sources(sent: Span) -> tuple[list[tuple[Token, Token]], str]:
    """Reporting verbs with their subjects, and an "according to X" source."""
    verbs = []
    according = ""
    for tok in sent:
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    objs = [c for c in to.children if c.dep_ == "pobj"]
                    if objs and not according:
                        according = _source_text(objs[0])
        elif tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                verbs.append((tok, subj[0]))
    return verbs, according


def _is_pronoun(text: str) -> bool:
    return text.lower() in _PRONOUNS


# ---------------------------------------------------------------------------
# Figures


def _candidates(text: str):
    """``(start, end, core_start, core_end, value, low, high, qualifier, unit, abbrs)``."""
    if not _MAYBE_FIGURE_RE.search(text):
        return
    for m in _FIGURE_RE.finditer(text):
        try:
            if m.group("between"):
                v1, u1, a1 = parse_number(m.group("b1"))
                v2, u2, a2 = parse_number(m.group("b2"))
                if v1 is None or v2 is None:
                    continue
                yield (m.start(), m.end(), m.start("b1"), m.end(), v1, v1, v2, "range",
                       u1 or u2, (a1, a2))
            elif m.group("vague"):
                key = " ".join(m.group("vague").lower().split())
                yield (m.start(), m.end(), m.start(), m.end(), None, VAGUE_LOW.get(key),
                       None, "vague", "", ())
            else:
                v1, u1, a1 = parse_number(m.group("n1"))
                if v1 is None:
                    continue
                qual = _QUAL_OF.get(" ".join((m.group("qual") or "").lower().split()),
                                    "exact")
                if m.group("n2"):
                    v2, u2, a2 = parse_number(m.group("n2"))
                    sep = m.group("sep").lower()
                    gap = text[m.end("n1"):m.start("n2")]
                    s1, s2 = _scale_of(m.group("n1")), _scale_of(m.group("n2"))
                    if v2 is not None and s1 == 1 and s2 > 1:
                        v1 *= s2  # "$5-7 million": the first number shares the scale
                    before = text[:m.start()].rstrip().lower()
                    if (v2 is not None and v2 > v1 and qual == "exact"
                            and not before.endswith("from")
                            and not (sep in "-–—" and gap.strip() != gap)):
                        yield (m.start(), m.end(), m.start("n1"), m.end(), v1, v1, v2,
                               "range", u1 or u2, (a1, a2))
                        continue
                    v1, u1, a1 = parse_number(m.group("n1"))
                    # not a range: each number on its own
                    yield (m.start(), m.end("n1"), m.start("n1"), m.end("n1"), v1, v1, v1,
                           qual, u1, (a1,))
                    if v2 is not None:
                        yield (m.start("n2"), m.end(), m.start("n2"), m.end(), v2, v2, v2,
                               "exact", u2, (a2,))
                    continue
                yield (m.start(), m.end(), m.start("n1"), m.end(), v1, v1, v1, qual, u1,
                       (a1,))
        except Exception:  # never raise on odd input
            continue


def _date_ent_spans(doc: Doc) -> list[tuple[int, int]]:
    """DATE/TIME entities that really are dates or durations (not "Between 5")."""
    spans = []
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        words = {t.lemma_.lower() for t in ent} | {t.lower_ for t in ent}
        if (words & _DATE_ENT_WORDS or _DATE_RE.search(ent.text) and not
                re.fullmatch(r"\W*\d{1,3}\W*", ent.text) or _TIME_RE.search(ent.text)):
            spans.append((ent.start_char, ent.end_char))
    return spans


def _in_sentence(spans: list, starts: list[int], sent: Span) -> list:
    """The (start-sorted) ``spans`` starting inside ``sent``, found by bisection."""
    lo = bisect_left(starts, sent.start_char)
    hi = bisect_left(starts, sent.end_char)
    return spans[lo:hi]


def _excluded_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans = [(m.start() + offset, m.end() + offset) for m in _NOT_FIGURE_RE.finditer(text)]
    spans += [(m.start() + offset, m.end() + offset) for m in _TIME_RE.finditer(text)]
    # dates ("March 3", "3 March 2021", "two weeks ago"); bare years are judged
    # later from the parse ("in 2019" vs "2000 people")
    spans += [(m.start() + offset, m.end() + offset) for m in _DATE_RE.finditer(text)
              if not m.group("year")]
    return spans


def _is_year(value: float, surface: str, qual: str, unit: str, root: Token) -> bool:
    if qual != "exact" or unit or not re.fullmatch(r"\d{4}", surface):
        return False
    if not 1800 <= value <= 2100:
        return False
    # "2000 people" counts people; "in 2019" is a year
    head = root.head
    return not (root.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS")
                and head.lemma_.lower() not in _TIME_NOUNS)


def _is_identifier(span: Span, qual: str, unit: str) -> bool:
    """"Resolution 1701", "Flight 370", "No. 10": a number naming the thing before it."""
    if qual != "exact" or unit or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.text in ("No.", "no.", "Nos.", "#"):
        return True
    if prev.i < span.sent.start or not (prev.pos_ == "PROPN" or prev.is_title):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    # "Flight 370" (the number hangs off the name) or "Boeing 737 Max" (inside a name)
    return span.root.head.i == prev.i or (nxt is not None and nxt.is_title
                                          and nxt.pos_ == "PROPN" and prev.pos_ == "PROPN")


def extract_figures(doc: Doc, *, quotes=None, disable: Collection[str] = ()) -> list[Figure]:
    """Every figure in the body sentences of ``doc``, in text order.

    Args:
        doc: a parsed ``Doc`` (``toolkit.nlp.parse``); headings are skipped.
        quotes: optional :class:`toolkit.quotes.Quote` objects; a figure inside a
            quote's ``start_char``/``end_char`` takes its ``speaker`` as source.

    Returns:
        :class:`Figure` objects; see the module docstring for the conventions.

    Example:
        >>> figs = extract_figures(doc)  # "The army freed 312 prisoners."  # doctest: +SKIP
        >>> [(f.text, f.value, f.what) for f in figs]  # doctest: +SKIP
        [('312', 312.0, 'prisoners freed')]
    """
    try:
        sents = list(body_sentences(doc))
    except Exception:
        return []
    try:
        date_ents = sorted(_date_ent_spans(doc))
    except Exception:
        date_ents = []
    date_ents = (date_ents, [s for s, _ in date_ents])
    quote_spans = []
    for q in quotes or []:
        try:
            quote_spans.append((int(q.start_char), int(q.end_char), str(q.speaker or "")))
        except Exception:
            continue
    quote_spans.sort(key=lambda q: (q[0], q[1]))
    quote_starts = [q[0] for q in quote_spans]

    full = doc.text  # a property that joins every token: read it once
    figures: list[Figure] = []
    sources = _Sources(dict(sents), quote_spans, quote_starts)
    for si, sent in sents:
        try:
            figures.extend(_sentence_figures(doc, full, si, sent, date_ents, quote_spans,
                                             quote_starts, sources))
        except Exception:  # never raise on odd input: skip the sentence
            continue
    return figures


class _Sources:
    """Reporting verbs, "according to" and named sources per sentence, found on demand.

    Most sentences hold no figure: their sources are only looked at when a
    later sentence's figure has a pronoun source ("they said").
    """

    def __init__(self, sents: dict[int, Span], quote_spans: list, quote_starts: list[int]):
        self.sents, self.quote_spans, self.quote_starts = sents, quote_spans, quote_starts
        self._found: dict[int, tuple] = {}
        self._named: dict[int, list[str]] = {}

    def of(self, si: int) -> tuple[list, str]:
        """``(verbs, according)`` of sentence ``si``."""
        if si not in self._found:
            sent = self.sents.get(si)
            self._found[si] = _sentence_sources(sent) if sent is not None else ([], "")
        return self._found[si]

    def named(self, si: int) -> list[str]:
        """The named (non-pronoun) sources of sentence ``si``, in text order."""
        if si not in self._named:
            sent = self.sents.get(si)
            names: list[str] = []
            if sent is not None:
                verbs, according = self.of(si)
                names = [according] if according else []
                names += [_source_text(s) for _, s in verbs if not _is_pronoun(s.text)]
                lo = bisect_left(self.quote_starts, sent.start_char)
                hi = bisect_right(self.quote_starts, sent.end_char)
                names += [q[2] for q in self.quote_spans[lo:hi] if not _is_pronoun(q[2])]
            self._named[si] = [n for n in names if n]
        return self._named[si]

    def resolve(self, text: str, si: int) -> str:
        """A pronoun source becomes the latest named source of the two sentences before."""
        if _is_pronoun(text):
            for sj in (si - 1, si - 2):
                names = self.named(sj)
                if names:
                    return names[-1]
        return text


def _sentence_figures(doc, full, si, sent, date_ents, quote_spans, quote_starts, sources):
    text = full[sent.start_char:sent.end_char]  # = sent.text, without a walk over its tokens
    cands = list(_candidates(text))
    if not cands:
        return []
    offset = sent.start_char
    excluded = _excluded_spans(text, offset) + _in_sentence(*date_ents, sent)
    verbs, according = sources.of(si)
    out = []
    taken: list[tuple[int, int]] = []
    for (start, end, core, _core_end, value, low, high, qual, unit, abbrs) in cands:
        start, end, core = start + offset, end + offset, core + offset
        if _overlaps(core, end, excluded) or _overlaps(start, end, taken):
            continue
        if _glued(full, core, end):
            continue
        if any(a.lower() in _MONEY_ONLY_ABBRS for a in abbrs if a) and unit in (
                "", "percent", "percentage points"):
            continue  # "100m", "5k": a length or a race, not money
        span = doc.char_span(core, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        surface = full[core:end]
        first = span[0]
        if (first.is_alpha and first.is_title and not first.is_sent_start
                and not doc[first.i - 1].is_punct and full[start:core].strip() == ""):
            continue  # "Formula One", "the Big Three": part of a name
        if re.fullmatch(r"(?i)one", surface) and span.root.dep_ != "nummod":
            continue  # "one of them", "no one"
        if value is not None and qual != "range" and _is_year(value, surface, qual, unit,
                                                              span.root):
            continue
        if _is_identifier(span, qual, unit):
            continue
        skip = {t.i for t in doc.char_span(start, end, alignment_mode="expand") or span}
        what, duration = _what(span, skip)
        if duration:
            continue
        source = _figure_source(start, end, span.root, verbs, according, quote_spans,
                                quote_starts)
        source = sources.resolve(source, si)
        taken.append((start, end))
        out.append(Figure(value=value, text=full[start:end], qualifier=qual, unit=unit,
                          what=what, source=source, sentence=si, start_char=start,
                          end_char=end, low=low, high=high))
    return out


def _figure_source(start, end, root, verbs, according, quote_spans, quote_starts) -> str:
    i = bisect_right(quote_starts, start)
    for qs, qe, speaker in reversed(quote_spans[max(0, i - 3):i]):
        if qs <= start and end <= qe and speaker:
            return speaker
    if according:
        return according
    best = None
    for verb, subj in verbs:
        if root.i in {t.i for t in subj.subtree}:
            continue  # "three officials said": the figure is the source itself
        inside = verb.left_edge.i <= root.i <= verb.right_edge.i and any(
            t.i == root.i for t in verb.subtree)
        size = verb.right_edge.i - verb.left_edge.i
        key = (0 if inside else 1, size, abs(verb.i - root.i))
        if best is None or key < best[0]:
            best = (key, subj)
    return _source_text(best[1]) if best else ""


# ---------------------------------------------------------------------------
# Dates and the timeline


def _parse_published(published) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except Exception:
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


def _month_start(d: date, months: int) -> str:
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return f"{y:04d}-{m + 1:02d}"


def _resolve(m: re.Match, pub: date | None, future: bool) -> tuple[str, str]:
    """``(ISO date, precision)`` of one date match, ``("", "")`` if unresolvable."""
    g = m.group
    if g("iso"):
        try:
            return date.fromisoformat(g("iso")).isoformat(), "day"
        except ValueError:
            return "", ""
    for kind in ("md", "dm"):
        if g(kind):
            month = _MONTHS[g(f"{kind}_mon").rstrip(".")]
            day = int(g(f"{kind}_day"))
            year, rel = g(f"{kind}_year"), g(f"{kind}_rel")
            try:
                if year:
                    return date(int(year), month, day).isoformat(), "day"
                if pub is None:
                    return "", ""
                if rel:
                    y = pub.year + {"last": -1, "this": 0, "next": 1}[rel.lower()]
                    return date(y, month, day).isoformat(), "day"
                d = _nearest_year(pub, month, day)
                return (d.isoformat(), "day") if d else ("", "")
            except ValueError:
                return "", ""
    if g("my"):
        month = _MONTHS[g("my_mon").rstrip(".")]
        if g("my_year"):
            return f"{int(g('my_year')):04d}-{month:02d}", "month"
        if pub is None:
            return "", ""
        rel = (g("my_rel") or "").lower()
        if rel == "last":
            y = pub.year if month < pub.month else pub.year - 1
        elif rel == "next":
            y = pub.year if month > pub.month else pub.year + 1
        else:
            y = _nearest_year(pub, month, 1).year
        return f"{y:04d}-{month:02d}", "month"
    if g("wd"):
        if pub is None:
            return "", ""
        wd = _WEEKDAYS.index(g("wd"))
        rel = (g("wd_rel") or "").lower()
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
    if g("rel"):
        if pub is None:
            return "", ""
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g("rel").lower()]
        return (pub + timedelta(days=shift)).isoformat(), "day"
    if g("per"):
        if pub is None:
            return "", ""
        rel = " ".join(g("per_rel").lower().split())
        unit = g("per_unit")
        step = {"last": -1, "next": 1}.get(rel, 0)
        if unit == "week":
            monday = pub - timedelta(days=pub.weekday())
            return (monday + timedelta(weeks=step)).isoformat(), "week"
        if unit == "weekend":
            sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
            if step == 0 and sat < pub - timedelta(days=1):
                sat += timedelta(days=7)
            return (sat + timedelta(weeks=step if step > 0 else 0)).isoformat(), "week"
        if unit == "month":
            return _month_start(pub, step), "month"
        return f"{pub.year + step:04d}", "year"
    if g("ago"):
        if pub is None:
            return "", ""
        n = g("ago_n").lower()
        k = 1 if n in ("a", "an") else int(n) if n.isdigit() else _UNIT_WORDS.get(n, 0)
        unit = g("ago_unit")
        if unit == "day":
            return (pub - timedelta(days=k)).isoformat(), "day"
        if unit == "week":
            return (pub - timedelta(weeks=k)).isoformat(), "week"
        if unit == "month":
            return _month_start(pub, -k), "month"
        return f"{pub.year - k:04d}", "year"
    if g("year"):
        return g("year"), "year"
    return "", ""


def _date_mentions(doc: Doc, full: str, si: int, sent: Span, pub: date | None,
                   date_ents: tuple[list, list[int]]) -> list[DateMention]:
    offset = sent.start_char
    text = full[offset:sent.end_char]  # = sent.text, without a walk over its tokens
    event = text.strip()
    date_ents = _in_sentence(*date_ents, sent)
    found: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        start, end = m.start() + offset, m.end() + offset
        before = text[:m.start()].split()
        prev = before[-1].lower().strip("(,") if before else ""
        in_ent = any(s <= start and end <= e for s, e, _ in date_ents)
        if m.group("year") and not (in_ent or prev in _YEAR_CUES) or m.group("year") and \
                _glued(full, start, end):
            continue
        if m.group("my") and not m.group("my_year") and not m.group("my_rel"):
            mon = m.group("my_mon")
            if not re.fullmatch(_FULL_MON, mon) or not (prev in _BARE_MONTH_CUES or in_ent):
                continue
        if m.group("dm") and _glued(full, start, start + 1):
            continue
        future = bool(m.group("wd")) and _future_tense(doc, start, end)
        try:
            iso, precision = _resolve(m, pub, future)
        except Exception:
            iso, precision = "", ""
        found.append(DateMention(text=full[start:end], date=iso, sentence=si,
                                 start_char=start, end_char=end, event=event,
                                 precision=precision))
    for m in _TIME_RE.finditer(text):
        start, end = m.start() + offset, m.end() + offset
        if _overlaps(start, end, [(d.start_char, d.end_char) for d in found]):
            continue
        found.append(DateMention(text=full[start:end], date="", sentence=si,
                                 start_char=start, end_char=end, event=event,
                                 precision="time"))
    # spaCy dates the patterns missed, when they point at a time ("the past month")
    for s, e, _label in date_ents:
        if not (offset <= s and e <= sent.end_char):
            continue
        if _overlaps(s, e, [(d.start_char, d.end_char) for d in found]):
            continue
        words = set(full[s:e].lower().split())
        if words & {"ago", "last", "past", "recent", "earlier", "later", "coming", "next",
                    "this"}:
            found.append(DateMention(text=full[s:e], date="", sentence=si,
                                     start_char=s, end_char=e, event=event))
    found.sort(key=lambda d: (d.start_char, d.end_char))
    return found


def extract_dates(doc: Doc, *, published: str | None = None,
                  disable: Collection[str] = ()) -> list[DateMention]:
    """Date and time expressions in the body of ``doc``, resolved where possible.

    Args:
        doc: a parsed ``Doc``; headings are skipped.
        published: the article's ISO publication date (``"2019-06-20"``), used
            to resolve weekdays, month-days without a year and relative dates.

    Returns:
        :class:`DateMention` objects in text order (see the module docstring
        for the resolution rules).

    Example:
        >>> # "The dam failed on Saturday." published on Thursday 20 June 2019
        >>> [(d.text, d.date) for d in extract_dates(doc, published="2019-06-20")]  # doctest: +SKIP
        [('Saturday', '2019-06-15')]
    """
    pub = _parse_published(published)
    try:
        sents = list(body_sentences(doc))
        ents = sorted((e.start_char, e.end_char, e.label_) for e in doc.ents
                      if e.label_ in ("DATE", "TIME"))
        date_ents = (ents, [e[0] for e in ents])
    except Exception:
        return []
    full = doc.text  # a property that joins every token: read it once
    out: list[DateMention] = []
    for si, sent in sents:
        try:
            out.extend(_date_mentions(doc, full, si, sent, pub, date_ents))
        except Exception:  # never raise on odd input
            continue
    return out


# ---------------------------------------------------------------------------
# Tables


def figures_table(figures: list[Figure]) -> pd.DataFrame:
    """The ``figures`` contract table."""
    return contract.frame("figures", contract.rows_from("figures", figures))


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
        >>> result = toolkit.analyze(path)  # doctest: +SKIP
        >>> timeline(result)[["text", "date", "precision"]]  # doctest: +SKIP
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
