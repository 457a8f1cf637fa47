"""Figures: every number in the body, what it counts and on whose authority.

A *figure* is a number expression in a body sentence: digits with separators
and decimals (``31,406``, ``2.4 million``), money (``$3.5bn``, ``£600m``),
percentages (``76%``, ``12 per cent``), number words (``thirteen``,
``a dozen``, ``two hundred``), ranges (``10 to 15``, ``between 5 and 7``,
``5-7``) and vague amounts (``dozens``, ``scores of``, ``hundreds``,
``tens of thousands``). Each becomes a :class:`Figure`:

* ``text`` is exactly ``doc.text[start_char:end_char]`` and *includes* the
  qualifier words (``"more than 250"``) and currency/percent signs.
* ``value`` is the normalised number with its scale applied (``1.2 million``
  -> ``1200000.0``, ``410 mln dlrs`` -> ``410000000.0``, ``45 cts`` ->
  ``0.45``); for a range it is the lower bound (the upper one is in
  ``high``); for a vague amount it is empty (``None``) and ``qualifier`` is
  ``"vague"``, with a conventional lower bound in ``low`` (dozens 24, scores
  40, hundreds 200, thousands 2000, tens of thousands 20000, ...).
* ``qualifier``: ``exact``, ``more_than`` (more than, over, at least, ...),
  ``around`` (about, around, nearly, some, an estimated, ...), ``less_than``
  (fewer than, under, up to, ...), ``range`` or ``vague``. "under" or "over"
  heading a phrase away from a verb is a preposition, not a bound
  (``qualifier-preposition``).
* ``unit``, one of a documented set: ``""`` for a count; ``percent`` (``%``,
  ``per cent``, ``pct``) and ``percentage points``; an ISO 4217 currency code
  (``USD`` for ``$``/``dlrs``, ``GBP`` for ``£``/``stg``, ``EUR``, ``JPY``,
  ``XEU`` for European Currency Units, ...; cents and pence are converted to
  the major unit); ``share`` for a fraction or proportion, ``value`` between 0
  and 1 (``a quarter``, ``nearly a third``, ``half of``, ``one in five``,
  ``two-thirds``); ``times`` for a ratio (``five-fold``, ``three times
  more``); ``score`` for a result (``2-1``: ``value`` 2, ``high`` 1; a pair in a
  run of set scores too: ``5-7 6-2``); or a
  unit of measure from :data:`toolkit.lexicon.MEASURE_UNITS` (``tonnes``,
  ``bpd``, ``hectares``, ``km``, ``metres``, ``celsius``, ...; ``91kg``, with
  a unit of :data:`toolkit.lexicon.GLUED_UNITS` written on). An amount that
  leaves its unit out takes the one of the amount before it (``unit-elided``:
  ``rose to 946 mln dlrs from 148 mln``); wire fractions before a percent word
  (``7/8 pct``) are numbers.
* ``what``: a short noun phrase naming what is counted or measured, by the
  first ``what`` rule that applies (:data:`WHAT_RULES`, named in ``rule``):
  an age apposed to a name (``"Ann Lee, 43,"`` -> ``age``); the game of a
  score (a set score in a run of them: the noun after the run, ``a 5-7 6-2
  victory``, else what the score before it names); the ``what`` of the figure
  before when this one restates it (a currency conversion ``£5m (€7m)``,
  ``5p, or 2.4%``, ``up from 4%``); the noun after ``one in five``; what a
  change noun changes (``a 12% rise in profits`` -> ``profits``); the noun the number modifies, with its event
  (``"miners rescued"``, ``"prisoners freed from the old fortress"``); the
  ``of``-object (``dozens of whales``, ``58% of nurses``); the measured noun
  (``a profit of £23m`` -> ``profit``); the set a bare number picks from
  (``all but 12 of the boats``, ``Of the ferries, two remain``); a stake
  (``the family owns 28%``); for money that is the object of a verb of
  earning, paying or booking, that event (``earned £4,000 for the crossings``
  -> ``earned for the crossings``); the subject of a verb of change or
  level (``sales were down 8%`` -> ``sales``; a relative pronoun stands for
  its noun: ``fees, which rose to $5m`` -> ``fees``), or its object when the
  figure says by how much (``lifted output by 5%`` -> ``output``). ``what``
  is never a bare unit, nor a bare verb but the event of money paid or
  earned (``collected £8,000`` -> ``collected``): when no rule applies it
  stays empty.
* ``source``: who the figure is attributed to, by the first ``source`` rule
  that applies (:data:`SOURCE_RULES`). A figure inside a quote's content
  span (``quotes``: :class:`toolkit.quotes.Quote` objects) gets that quote's
  speaker; otherwise "according to X" in the same sentence, otherwise the
  subject of any speech or source verb of the shared lexicon
  (:data:`toolkit.lexicon.SOURCE_VERBS`: "X said/argued/estimated/found
  ..."; also "X reckons/expects"), the one governing the figure first; the
  subject of a passive one ("the offer is reported to ...") is none, its
  agent ("by X") is. A pronoun source ("it said") is
  replaced by the latest named source before it in the same sentence, else in
  the two sentences before; empty when the article states the figure on its
  own authority.

Not figures (the ``detect`` rules, :data:`SKIP_RULES`, each skip one kind):
ordinals (``11th``), years (``2023``, unless a plural noun is counted:
``2000 people``; always in a name: ``the 2031 Harbour Games``), dates (``March 3``, ``3 March 2021``), clock times
(``15:38``, ``1400 GMT``, ``10.30am``), durations (``three days``), phone
numbers, ISBNs and other codes, footnote markers (``[1]``), numbers glued to
letters or joined by a hyphen or slash to a word (``COVID19``, ``G20``,
``4G``, ``45-year-old``, ``24/7``, ``100m`` without a currency), identifiers
(``Resolution 1701``, ``Flight 370``, ``Channel 4``, ``FTSE 100``, ``number
one``), capitalised number words inside names (``Formula One``), ``one`` as a
pronoun (``one of them``, ``one another``) or an article (``at one point``,
``one premise``), and a small number word pointing back at things already
named (``the two firms``).

Dates are the timeline's (:mod:`toolkit.dates`); :func:`extract_dates`,
:func:`timeline`, :class:`DateMention` and :func:`timeline_table` are
re-exported here for one release.

Example:
    >>> from toolkit.nlp import parse
    >>> from toolkit.read import article_from_text
    >>> doc = parse(article_from_text(
    ...     "Officials said more than 40 miners were trapped on Monday."))
    >>> f = extract_figures(doc)[0]
    >>> (f.text, f.value, f.qualifier, f.what, f.source)
    ('more than 40', 40.0, 'more_than', 'miners trapped', 'Officials')
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import contract
from .dates import (  # noqa: F401 (re-export)
    DATE_ENT_WORDS,
    DATE_RE,
    TIME_RE,
    DateMention,
    extract_dates,
    glued,
    grouped_starts,
    in_sentence,
    overlaps,
    timeline,
    timeline_table,
)
from .lexicon import (
    AMOUNT_VERBS,
    CHANGE_ADVERBS,
    CHANGE_NOUNS,
    CHANGE_PAST,
    CHANGE_VERBS,
    CURRENCY_CODES,
    CURRENCY_NAMES,
    CURRENCY_SYMBOLS,
    DEMONSTRATIVES,
    ELIDED_UNIT_LINKS,
    FRACTION_WORDS,
    GLUED_UNITS,
    MEASURE_UNITS,
    MINOR_CURRENCY,
    MONEY_EVENT_PREPOSITIONS,
    PERCENT_WORDS,
    PRONOUNS,
    QUOTING_VERBS,
    RATIO_COMPARATIVES,
    RATIO_SUFFIX,
    SCALE_ABBRS,
    SCALE_WORDS,
    SCORE_WORDS,
    SOURCE_VERBS,
    SPEECH_VERBS,
    STAKE_VERBS,
    TENS_WORDS,
    TIME_NOUNS,
    UNIT_WORDS,
)
from .nlp import body_sentences, doc_text, token_columns
from .rules import active, rule

__all__ = ["DateMention", "Figure", "extract_dates", "extract_figures", "figures_table",
           "parse_number", "past_participle", "timeline", "timeline_table",
           "words_to_number"]

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
        rule: the name of the ``what`` rule that named what is counted, ``""``
            when ``what`` is empty.
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
    rule: str = ""




# ---------------------------------------------------------------------------
# Number grammar (regular expressions over sentence text)

# Abbreviations that are units of length/size unless money is meant ("100m").
_MONEY_ONLY_ABBRS = {"k", "m", "b"}

_UNITS_RE = "|".join(sorted(UNIT_WORDS, key=len, reverse=True))
_TENS_RE = "|".join(TENS_WORDS)
_ATOM = rf"(?:(?:{_TENS_RE})(?:-(?:{_UNITS_RE}))?|{_UNITS_RE})"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_WORDNUM = (rf"(?:(?:half\s+an?|an?|{_ATOM})\s+dozen|half\s+an?\s+{_SCALE_WORD}\b"
            rf"|(?:{_ATOM}|an?(?=\s+{_SCALE_WORD}\b))"
            rf"(?:\s+{_SCALE_WORD}(?:\s+(?:and\s+)?{_ATOM}(?!\w))?)*)\b")

#: Unit names written after a number (lower case) -> (unit, factor to apply).
_UNIT_OF: dict[str, tuple[str, float]] = {
    **{k.lower(): (v, 1.0) for k, v in PERCENT_WORDS.items()},
    **{k.lower(): (v, 1.0) for k, v in CURRENCY_NAMES.items()},
    **{k.lower(): v for k, v in MINOR_CURRENCY.items() if len(k) > 1},
    **{k.lower(): (v, 1.0) for k, v in MEASURE_UNITS.items()},
}


def _alternatives(names) -> str:
    return "|".join(re.escape(n).replace(r"\ ", r"\s+")
                    for n in sorted(names, key=len, reverse=True))


_CUR_PRE = ("(?:" + "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len,
                                                          reverse=True))
            + "|(?:" + "|".join(CURRENCY_CODES) + r")\s?)")
# A wire fraction ("7/8 pct", "3/8 to 1/2 pct") is a number only before a percent word.
_PCT_AHEAD = (r"(?=\s+(?:to\s+(?:\d+-)?\d{1,2}/\d{1,2}\s+)?(?:"
              + _alternatives(w for w in PERCENT_WORDS if w != "%") + r")\b)")
_DIGITS = (r"(?:\d+-\d{1,2}/\d{1,2}(?!\d)|\d/\d{1,2}" + _PCT_AHEAD
           + r"|(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)")
_SCALE_ABBR = r"(?:bn|mln|bln|mn|trn|tn|m|k|b)(?![\w])"
_SPACED_ABBR = r"(?:mln|bln|bn|mn|trn)\b"
_RATIO_AHEAD = rf"(?=\s+(?:{_alternatives(RATIO_COMPARATIVES)})\b)"
_UNIT_POST = (rf"(?:{re.escape(RATIO_SUFFIX)}\b|\s+times{_RATIO_AHEAD}"
              rf"|\s?%|p(?![\w])|(?:{_alternatives(GLUED_UNITS)})(?![\w])"
              r"|\s+(?:US\s+|U\.S\.\s+)?(?:"
              + _alternatives(k for k in _UNIT_OF if k != "%") + r")(?![\w])"
              r"|\s+(?:" + "|".join(CURRENCY_CODES) + r")\b)")
_NUMBER = (rf"(?:{_DIGITS}(?:{_SCALE_ABBR}|\s+{_SPACED_ABBR}"
           rf"|\s+{_SCALE_WORD}\b(?:\s+{_SCALE_WORD}\b)*)?"
           rf"|{_WORDNUM}(?:\s+{_SPACED_ABBR})?)")
_NUMEXPR = rf"(?:{_CUR_PRE}\s?)?{_NUMBER}(?:{_UNIT_POST})?"

_NUMEXPR_PARSE = re.compile(
    rf"(?P<cur>{_CUR_PRE})?\s?(?:(?P<digits>{_DIGITS.replace(_PCT_AHEAD, '')})"
    rf"(?:(?P<abbr>{_SCALE_ABBR})"
    rf"|\s+(?P<sabbr>{_SPACED_ABBR})"
    rf"|\s+(?P<scales>{_SCALE_WORD}(?:\s+{_SCALE_WORD})*))?"
    rf"|(?P<words>{_WORDNUM})(?:\s+(?P<wabbr>{_SPACED_ABBR}))?)"
    rf"(?P<unit>{_UNIT_POST.replace(_RATIO_AHEAD, '')})?", re.I)

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

_FRACTION_RE = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))
_FRACTION = (rf"(?:(?:an?|one|{_ATOM}|\d+)[\s-]+(?:{_FRACTION_RE})"
             rf"|half(?=\s+(?:of|the|its|their|his|her|our|all)\b))\b")
_ONE_IN = rf"(?:one|\d+)\s+in\s+(?:every\s+)?(?:{_ATOM}|\d+)\b"

# Every figure starts with a word character, "." (".5") or a currency sign:
# the look-ahead skips the other positions (spaces, punctuation) at once.
_FIGURE_START = "(?=[\\w.]|" + "|".join(sorted({re.escape(s[0]) for s in CURRENCY_SYMBOLS})) + ")"


def _mid_word_starts() -> str:
    """A look-ahead that holds wherever a figure can start.

    Every branch of the grammar below starts at a word boundary except a
    number expression, which can also start inside a word: at a digit or
    ".", a currency sign or code, a number word ("one", "twenty"), "half"
    and a space, or "a"/"an" before a scale word, "dozen" or a fraction
    ("a million", "a third"). At a word boundary a figure can also start
    with "between", a vague amount ("dozens", "tens of") or a qualifier
    ("more than", "at least"). The words are grouped by their first letter,
    so that at an ordinary word the regex engine gives up after one
    comparison per letter instead of trying every branch; where a figure
    can start it changes nothing.

    Example:
        >>> starts = re.compile(_mid_word_starts(), re.I)
        >>> bool(starts.match("someone", 4)), bool(starts.match("someone", 1))
        (True, False)
        >>> [bool(starts.match(w)) for w in ("at least 5", "at home", "a third", "a day")]
        [True, False, True, False]
    """
    after_a = "|".join(sorted({*SCALE_WORDS, "dozen", *FRACTION_WORDS}, key=len, reverse=True))
    at_word = ["between\\s", *(f"{w.split()[0]}(?!\\w)" for w in VAGUE_LOW),
               *(re.escape(q).replace(r"\ ", r"\s+") + r"\s" for q in _QUAL_OF)]
    return (r"(?=[\d.]|\b" + grouped_starts((), at_word, ignore_case=True) + "|"
            + grouped_starts((*CURRENCY_SYMBOLS, *CURRENCY_CODES, *UNIT_WORDS, *TENS_WORDS),
                             (rf"an?[\s-]+(?:{after_a})", r"half\s"), ignore_case=True) + ")")


_FIGURE_RE = re.compile(
    rf"{_FIGURE_START}{_mid_word_starts()}(?:"
    rf"(?P<between>\bbetween\s+(?P<b1>{_NUMEXPR})\s+and\s+(?P<b2>{_NUMEXPR}))"
    rf"|(?P<vague>{_VAGUE_RE})"
    rf"|(?:(?P<fqual>\b(?:{_QUAL_RE}))\s+)?(?P<share>\b(?:{_ONE_IN}|{_FRACTION}))"
    rf"|(?:(?P<qual>\b(?:{_QUAL_RE}))\s+)?(?P<n1>{_NUMEXPR})"
    rf"(?:\s*(?P<sep>-|–|—|\bto\b|\bor\b)\s*(?P<n2>{_NUMEXPR}))?)",
    re.I)

# Every figure holds a digit or a number word: sentences without one skip the
# (much slower) grammar above.
_MAYBE_FIGURE_RE = re.compile(
    r"\d|\b(?:" + "|".join(sorted({*UNIT_WORDS, *TENS_WORDS, *SCALE_WORDS, "dozen", "score",
                                  "half", "an? "},
                                 key=len, reverse=True)) + ")", re.I)


_NOT_FIGURE_RE = re.compile(
    r"(?=[\[+(\dI])(?:"  # the first characters below: other positions are skipped at once
    r"\[\s*\d{1,3}\s*\]"                                   # footnote markers
    r"|\bISBN(?:-1[03])?:?\s*[\dXx][\dXx -]{8,}[\dXx]"     # ISBNs
    r"|\+\d[\d ().-]{6,}\d"                                # international phone numbers
    r"|\(\d{3}\)\s*\d{3}[-. ]\d{4}"                        # (555) 123-4567
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b"        # 555-123-4567, 555-1234
    r"|\b(?!\d+-\d{1,2}/\d{1,2}\b)\d+(?:[-./]\d+){2,}\b)")  # codes, dotted/slashed dates

#: Verbs whose subject is the source of the figures in their clause (the
#: lexicon's, shared with quotes). Kept under this name for one release.
REPORTING_VERBS = SOURCE_VERBS
_PRONOUNS = frozenset(PRONOUNS) | DEMONSTRATIVES
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
    if words[0] == "half" and len(words) > 1 and words[1] in ("a", "an"):
        rest = words_to_number(" ".join(words[1:]))
        return None if rest is None else rest / 2
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
        elif w in UNIT_WORDS:
            current, seen = current + UNIT_WORDS[w], True
        elif w in TENS_WORDS:
            current, seen = current + TENS_WORDS[w], True
        elif w == "hundred":
            current = (current or 1.0) * 100
        elif w in SCALE_WORDS:
            total += (current or 1.0) * SCALE_WORDS[w]
            current = 0.0
        else:
            return None
    return float(total + current) if seen or total else None


def _unit(cur: str | None, unit_text: str) -> tuple[str, float]:
    """``(unit, factor)`` of a currency sign before and a unit name after a number."""
    u = " ".join(unit_text.lower().split())
    if u in (RATIO_SUFFIX, "times"):
        return "times", 1.0
    if u in ("%", "p"):
        return ("percent", 1.0) if u == "%" else MINOR_CURRENCY["p"]
    for prefix in ("us ", "u.s. "):
        if u.startswith(prefix):
            return _UNIT_OF.get(u[len(prefix):], ("USD", 1.0))
    if u in _UNIT_OF:
        unit, factor = _UNIT_OF[u]
        if cur and unit in CURRENCY_CODES + tuple(CURRENCY_NAMES.values()):
            return _currency_sign(cur), factor  # "$5 dollars": the sign decides
        if not cur or unit not in ("percent", "percentage points"):
            return unit, factor
    if u.upper() in CURRENCY_CODES:
        return u.upper(), 1.0
    return (_currency_sign(cur), 1.0) if cur else ("", 1.0)


def _currency_sign(cur: str) -> str:
    c = cur.strip()
    return CURRENCY_SYMBOLS.get(c, c.upper())


def _digits_value(digits: str) -> float:
    """``"1,250.5"`` -> 1250.5; a wire price ``"2-1/8"`` -> 2.125, ``"7/8"`` -> 0.875."""
    if "/" in digits:
        whole, frac = digits.split("-", 1) if "-" in digits else ("0", digits)
        num, den = frac.split("/")
        return float(whole) + (float(num) / float(den) if float(den) else 0.0)
    return float(digits.replace(",", ""))


def parse_number(text: str) -> tuple[float | None, str, str]:
    """Value, unit and scale abbreviation of one number expression.

    The value has the scale applied ("410 mln dlrs" -> 410000000, "45 cts"
    -> 0.45 USD); the unit is a currency code, ``percent``, ``percentage
    points``, a unit of measure (:data:`toolkit.lexicon.MEASURE_UNITS`) or
    ``""`` for a count.

    Example:
        >>> parse_number("$3.5bn"), parse_number("76%"), parse_number("1.2 million")
        ((3500000000.0, 'USD', 'bn'), (76.0, 'percent', ''), (1200000.0, '', ''))
        >>> parse_number("410 mln dlrs"), parse_number("3.2 mln bpd")
        ((410000000.0, 'USD', 'mln'), (3200000.0, 'bpd', 'mln'))
    """
    m = _NUMEXPR_PARSE.fullmatch(text.strip())
    if not m:
        return None, "", ""
    unit, factor = _unit(m.group("cur"), m.group("unit") or "")
    abbr = (m.group("abbr") or m.group("sabbr") or m.group("wabbr") or "").lower()
    if m.group("digits"):
        value = _digits_value(m.group("digits"))
        for s in (m.group("scales") or "").lower().split():
            value *= SCALE_WORDS.get(s, 1)
    else:
        value = words_to_number(m.group("words"))
        if value is None:
            return None, unit, abbr
    value *= SCALE_ABBRS.get(abbr, 1) * factor
    return value, unit, abbr


def share_value(text: str) -> float | None:
    """The proportion (0-1) a fraction or "N in M" expression names.

    Example:
        >>> [round(share_value(t), 3) for t in ("a third", "two-thirds", "one in five", "half")]
        [0.333, 0.667, 0.2, 0.5]
    """
    words = re.split(r"[\s-]+", text.lower().strip())
    if words == ["half"]:
        return 0.5
    if "in" in words:
        parts = " ".join(words).split(" in ")
        top = words_to_number(parts[0]) if not parts[0].isdigit() else float(parts[0])
        bottom_text = parts[1].removeprefix("every ").strip()
        bottom = float(bottom_text) if bottom_text.isdigit() else words_to_number(bottom_text)
        return top / bottom if top is not None and bottom else None
    count = 1.0 if words[0] in ("a", "an") else (
        float(words[0]) if words[0].isdigit() else words_to_number(words[0]))
    fraction = FRACTION_WORDS.get(words[-1])
    return None if count is None or fraction is None else count * fraction


def _change_forms() -> frozenset[str]:
    forms = {*CHANGE_ADVERBS, "by", "from", *CHANGE_PAST.values()}
    for lemma in CHANGE_VERBS:
        forms |= {lemma, lemma + "s", past_participle(lemma)}
    return frozenset(forms)


_CHANGE_WORDS: frozenset[str] = frozenset()
_CURRENCIES = frozenset({*CURRENCY_SYMBOLS.values(), *CURRENCY_CODES, *CURRENCY_NAMES.values()})
_FUNCTION_WORDS = frozenset({"in", "on", "at", "by", "from", "after", "before", "a", "an",
                             "the", "and", "or", "but", "as", "with", "for", "since", "last",
                             "this", "over", "during", "per", "each", "when", "while"})


_SCORE_PAIR = r"\d{1,2}[-–]\d{1,2}"
_SCORE_NEXT = re.compile(rf"\)?\s+\(?{_SCORE_PAIR}(?![\w/.-])")
_SCORE_BEFORE = re.compile(rf"(?<![\w/.-]){_SCORE_PAIR}\)?\s+\(?$")


def _is_score(m: re.Match, text: str, v1: float | None, v2: float | None) -> bool:
    """A pair like "2-1" is a score, not a range, when the first number is not the
    smaller one ("3-1", "2-2"), when it is nil ("0-30"), when a score word follows
    ("a 1-2 defeat") or when it stands in a run of such pairs, the set scores of
    a match ("won 5-7 6-2 7-6 (7-4)")."""
    if v1 is None or v2 is None or m.group("qual") or not re.fullmatch(
            _SCORE_PAIR, text[m.start("n1"):m.end()]):
        return False
    after = text[m.end():].split()
    return (v1 >= v2 or v1 == 0 or bool(after) and after[0].lower().strip(",.") in SCORE_WORDS
            or bool(_SCORE_NEXT.match(text, m.end()) or _SCORE_BEFORE.search(
                text[max(0, m.start("n1") - 12):m.start("n1")])))


def _scale_of(expr: str) -> float:
    """The scale factor written in a number expression (``7 million`` -> 1e6)."""
    m = _NUMEXPR_PARSE.fullmatch(expr.strip())
    if not m or not m.group("digits"):
        return 1.0
    factor = SCALE_ABBRS.get((m.group("abbr") or m.group("sabbr") or "").lower(), 1.0)
    for w in (m.group("scales") or "").lower().split():
        factor *= SCALE_WORDS.get(w, 1.0)
    return factor



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


_NOUNS = ("NOUN", "PROPN")


def _pobj(prep: Token, *, pos: Collection[str] | None = _NOUNS,
          accept: Callable[[Token], bool] | None = None) -> Token | None:
    """The first object of the preposition ``prep`` whose part of speech is in ``pos``
    (any with ``None``) and that ``accept`` takes, or ``None``.

    Example:
        >>> from toolkit.nlp import load_model
        >>> doc = load_model()("Dozens of whales swam into the bay.")
        >>> _pobj(doc[1]).text, _pobj(doc[4], pos=None).text
        ('whales', 'bay')
    """
    return next((o for o in prep.children if o.dep_ == "pobj" and (pos is None or o.pos_ in pos)
                 and (accept is None or accept(o))), None)


def _prep_object(tok: Token, *, preps: Collection[str] = ("of",),
                 pos: Collection[str] | None = _NOUNS,
                 accept: Callable[[Token], bool] | None = None,
                 first_only: bool = True) -> Token | None:
    """The object of ``tok``'s first preposition after it among ``preps`` (see
    :func:`_pobj` for ``pos`` and ``accept``): "dozens of whales" -> "whales".
    With ``first_only=False`` a preposition without such an object is passed over
    for the next one: "a rise in March in sales", ``preps=("in",)`` and an
    ``accept`` that refuses a month -> "sales".

    Example:
        >>> from toolkit.nlp import load_model
        >>> doc = load_model()("Dozens of whales swam into the bay.")
        >>> _prep_object(doc[0]).text, _prep_object(doc[3]), _prep_object(doc[3], preps=("into",)).text
        ('whales', None, 'bay')
    """
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in preps:
            found = _pobj(child, pos=pos, accept=accept)
            if found is not None or first_only:
                return found
    return None


def _phrase(tok: Token, *, max_tokens: int = 6) -> str:
    """A short prepositional phrase headed by ``tok`` ("from their homes") or ``""``."""
    sub = list(tok.subtree)
    if len(sub) > max_tokens or any(t.like_num or t.ent_type_ in ("DATE", "TIME")
                                    or t.is_punct for t in sub):
        return ""
    return tok.doc[sub[0].i: sub[-1].i + 1].text


def _verb_event(verb: Token, after: int, *, participle: bool = False,
                skip: Collection[int] = (), preps: Collection[str] | None = None,
                also: Token | None = None, shorten: bool = False) -> str:
    """The event a verb names: the verb, its particles and the first prepositional
    phrase after token ``after`` that describes it ("driven from their homes",
    "earned for the crossings").

    Args:
        verb: the verb.
        after: the index of the last token of the counted thing or amount.
        participle: write the verb as a past participle ("312 prisoners were
            freed" -> "freed"); otherwise as written, and an auxiliary ("they
            are 40") gives its complement after ``after``, if any.
        skip: the token indices of an amount's qualifier ("earning up to £5m":
            "up to"): no particle or preposition among them is part of the event.
        preps: the prepositions that may say what the event is; by default any
            but those of time, company and attribution (``_EVENT_PREP_SKIP``).
        also: a token whose prepositions count as the verb's (the amount:
            "earned £5m for the crossings" parsed with "for" under "£5m").
        shorten: write a phrase too long or holding a number or a date as its
            preposition and noun ("for crossings") instead of leaving it out.

    Example:
        >>> from toolkit.nlp import load_model
        >>> doc = load_model()("The floods drove 300 families from their homes.")
        >>> _verb_event(doc[2], 4, participle=True)
        'driven from their homes'
    """
    if verb.pos_ == "AUX" and not participle:
        comp = [c for c in verb.children if c.dep_ in ("acomp", "attr") and c.i > after]
        return comp[0].text if comp else ""
    word = past_participle(verb.lemma_) if participle else verb.text.lower()
    if participle and verb.tag_ in ("VBN", "VBD") and verb.text.lower().endswith("ed"):
        word = verb.text.lower()
    parts = [word, *(t.text for t in verb.children if t.dep_ == "prt" and t.i not in skip)]
    prep = min((t for t in (*verb.children, *(also.children if also is not None else ()))
                if t.dep_ == "prep" and t.i > after and t.i not in skip
                and (t.lower_ in preps if preps is not None else t.lower_ not in _EVENT_PREP_SKIP)),
               key=lambda t: t.i, default=None)
    if prep is not None:
        parts.append(_phrase(prep) or (_short_phrase(prep, skip) if shorten else ""))
    return _join(*parts)


def _short_phrase(prep: Token, skip: Collection[int]) -> str:
    """A preposition and the noun phrase of its noun object ("for crossings"), or ``""``."""
    obj = _pobj(prep, pos=("NOUN",))
    noun = _noun_phrase(obj, skip) if obj is not None else ""
    return _join(prep.lower_, noun) if noun else ""


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
        return _verb_event(head, after)
    target = noun if noun is not None else tok
    for child in target.rights:
        if child.dep_ == "acl" and child.pos_ == "VERB":
            return _verb_event(child, child.i, participle=child.tag_ == "VBN")
        if child.dep_ == "relcl" and child.pos_ == "VERB":
            return _verb_event(child, child.i, participle=_is_passive(child))
    return ""


def _source_text(tok: Token) -> str:
    """The noun phrase of a source, without appositions, clauses, punctuation or a wire
    dateline before it ("LONDON, March 6 - The agency" -> "The agency"). A
    relative pronoun stands for the noun its clause describes ("the analysts,
    who said ..." -> "the analysts")."""
    if tok.tag_ in ("WP", "WDT") and tok.head.dep_ == "relcl":
        tok = tok.head.head
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
    text = tok.doc[lo: hi + 1].text
    if _DATELINE.match(text):
        text = _DATELINE.sub("", text, count=1)
    return text.strip().strip(" ,")


_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^-–]{0,40}?\b\d{1,2}\s*[-–]\s+")


def _sentence_sources(sent: Span) -> tuple[list[tuple[Token, Token]], str]:
    """Reporting verbs with their subjects, and an "according to X" source."""
    verbs = []
    according = ""
    cols = token_columns(sent.doc)
    lemma, lower = cols["lemma"], cols["lower"]
    for i in range(sent.start, sent.end):
        if lower[i] != "according" and lemma[i].lower() not in REPORTING_VERBS:
            continue  # neither test below holds: no Token built
        tok = sent.doc[i]
        if tok.lower_ == "according":
            for to in tok.children:
                if to.lower_ == "to":
                    obj = _pobj(to, pos=None)
                    if obj is not None and not according:
                        according = _source_text(obj)
        elif tok.lemma_.lower() in REPORTING_VERBS and tok.pos_ in ("VERB", "AUX"):
            subj = _reporting_subject(tok)
            if subj is not None:
                verbs.append((tok, subj))
    return verbs, according


def _reporting_subject(verb: Token) -> Token | None:
    """The subject of a reporting verb: the one nearest before it ("OSLO, May 2 -
    The daily said": the daily), or, for a participle without one ("..., adding
    that"), the subject of the verb it depends on."""
    if verb.lemma_.lower() in CHANGE_VERBS and any(
            c.dep_ in ("dobj", "npadvmod") and (c.like_num or c.text == "%" or any(
                t.like_num for t in c.children)) for c in verb.children):
        return None  # "shares added 5%": a verb of change, not of saying
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and subj[0].dep_ == "nsubjpass" and verb.lemma_.lower() not in QUOTING_VERBS:
        return _passive_agent(verb)  # "the offer is reported to ...": said by whom?
    if subj:
        before = [c for c in subj if c.i < verb.i]
        found = before[-1] if before else subj[0]
        names = [c for c in found.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
        # "a rise, Ann Lee told ...", "OSLO, May 2 - The board said"
        return names[-1] if names and (found.pos_ == "NOUN" or found.is_upper) else found
    if verb.dep_ in ("advcl", "xcomp", "conj") and verb.tag_ in ("VBG", "VB") \
            and verb.head.pos_ in ("VERB", "AUX"):
        up = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return up[-1] if up else None
    return None


def _passive_agent(verb: Token) -> Token | None:
    """The agent of a passive reporting verb ("was reported by the agency"), else
    ``None``: the subject of "the plan is said to have saved ..." or "he was
    told that ..." is what is reported on or to, not who reports it."""
    for child in verb.children:
        if child.dep_ == "agent":
            agent = _pobj(child, pos=None)
            if agent is not None:
                return agent
    return None


def _is_pronoun(text: str) -> bool:
    return text.lower() in _PRONOUNS

# ---------------------------------------------------------------------------
# Figures


def _candidates(text: str):
    """``(start, end, core_start, core_end, value, low, high, qualifier, unit, abbrs)``."""
    if not _MAYBE_FIGURE_RE.search(text):
        return
    for m in _FIGURE_RE.finditer(text):
        if m.group("between"):
            v1, u1, a1 = parse_number(m.group("b1"))
            v2, u2, a2 = parse_number(m.group("b2"))
            if v1 is not None and v2 is not None:
                yield (m.start(), m.end(), m.start("b1"), m.end(), v1, v1, v2, "range",
                       u1 or u2, (a1, a2))
        elif m.group("share"):
            value = share_value(m.group("share"))
            if value is not None:
                qual = _QUAL_OF.get(" ".join((m.group("fqual") or "").lower().split()), "exact")
                yield (m.start(), m.end(), m.start("share"), m.end(), value, value, value, qual,
                       "share", ())
        elif m.group("vague"):
            key = " ".join(m.group("vague").lower().split())
            yield (m.start(), m.end(), m.start(), m.end(), None, VAGUE_LOW.get(key),
                   None, "vague", "", ())
        else:
            yield from _number_candidates(text, m)


def _number_candidates(text: str, m: re.Match):
    """One number, a range "N to M" or two numbers that only look like a range."""
    v1, u1, a1 = parse_number(m.group("n1"))
    if v1 is None:
        return
    qual = _QUAL_OF.get(" ".join((m.group("qual") or "").lower().split()), "exact")
    if not m.group("n2"):
        yield (m.start(), m.end(), m.start("n1"), m.end(), v1, v1, v1, qual, u1, (a1,))
        return
    v2, u2, a2 = parse_number(m.group("n2"))
    sep = m.group("sep").lower()
    gap = text[m.end("n1"):m.start("n2")]
    if _is_score(m, text, v1, v2):
        yield (m.start(), m.end(), m.start("n1"), m.end(), v1, v1, v2, "exact", "score", ())
        return
    low = v1
    if v2 is not None and _scale_of(m.group("n1")) == 1 and _scale_of(m.group("n2")) > 1:
        low = v1 * _scale_of(m.group("n2"))  # "$5-7 million": the first number shares the scale
    before = text[:m.start()].rstrip().lower()
    nxt = (re.findall(r"\S+?(?=[,.;:]?(?:\s|$))|\S+", text[m.end():]) or ["."])[0].lower()
    after_change = before.split()[-1:] in ([w] for w in _CHANGE_WORDS) and (
        not nxt.isalpha() or nxt in _FUNCTION_WORDS)  # "rose 5 to 96", not "cut 5 to 9 jobs"
    if v2 is not None and v2 < low and text[m.end():].split()[:1] == ["range"]:
        low, v2 = v2, low  # "a 210 to 185 range"
    if (v2 is not None and v2 > low and qual == "exact" and not after_change
            and not (sep in "-–—" and gap.strip() != gap) and (not u1 or not u2 or u1 == u2)):
        yield (m.start(), m.end(), m.start("n1"), m.end(), low, low, v2, "range", u1 or u2,
               (a1, a2))
        return
    # not a range: each number on its own
    yield (m.start(), m.end("n1"), m.start("n1"), m.end("n1"), v1, v1, v1, qual, u1, (a1,))
    if v2 is not None:
        yield (m.start("n2"), m.end(), m.start("n2"), m.end(), v2, v2, v2, "exact", u2, (a2,))


def _date_ent_spans(doc: Doc) -> list[tuple[int, int]]:
    """DATE/TIME entities that really are dates or durations (not "Between 5")."""
    spans = []
    cols, full = token_columns(doc), doc_text(doc)  # no Token built, no token join
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        words = {cols["lemma"][k].lower() for k in range(ent.start, ent.end)} | \
            {cols["lower"][k] for k in range(ent.start, ent.end)}
        text = full[ent.start_char:ent.end_char]  # = ent.text
        if (words & DATE_ENT_WORDS or DATE_RE.search(text) and not
                re.fullmatch(r"\W*\d{1,3}\W*", text) or TIME_RE.search(text)):
            spans.append((ent.start_char, ent.end_char))
    return spans


def _excluded_spans(text: str, offset: int) -> list[tuple[int, int]]:
    spans = [(m.start() + offset, m.end() + offset) for m in _NOT_FIGURE_RE.finditer(text)]
    spans += [(m.start() + offset, m.end() + offset) for m in TIME_RE.finditer(text)]
    # dates ("March 3", "3 March 2021", "two weeks ago"); bare years are judged
    # later from the parse ("in 2019" vs "2000 people")
    spans += [(m.start() + offset, m.end() + offset) for m in DATE_RE.finditer(text)
              if not m.group("year")]
    return spans


def _is_year(value: float, surface: str, qual: str, unit: str, root: Token) -> bool:
    if qual != "exact" or unit or not re.fullmatch(r"\d{4}", surface):
        return False
    if not 1800 <= value <= 2100:
        return False
    # "2000 people" counts people; "in 2019" is a year, and so is the number
    # inside a name ("the 2031 Harbour Games")
    head = root.head
    return root.ent_type_ in _NAME_ENTS or not (
        root.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS")
        and head.lemma_.lower() not in TIME_NOUNS)


_NAME_ENTS = frozenset({"EVENT", "WORK_OF_ART", "LAW", "FAC", "ORG", "PRODUCT"})


def _is_identifier(span: Span, qual: str, unit: str) -> bool:
    """"Resolution 1701", "Flight 370", "No. 10": a number naming the thing before it."""
    if qual != "exact" or unit or span.start == 0:
        return False
    prev = span.doc[span.start - 1]
    if prev.text in ("No.", "no.", "Nos.", "#") or prev.lower_ == "number":
        return True  # "No. 10", "the number one spot", "world number 14"
    if prev.i < span.sent.start or not (prev.pos_ == "PROPN" or prev.is_title):
        return False
    counts = span.root.dep_ == "nummod" and span.root.head.tag_ in ("NNS", "NNPS")
    if prev.is_upper and len(prev.text) > 1 and prev.is_alpha and not counts:
        return True  # "FTSE 100", "UEFA 2": a number after an acronym names it
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    # "Flight 370" (the number hangs off the name) or "Boeing 737 Max" (inside a name)
    return span.root.head.i == prev.i or (nxt is not None and nxt.is_title
                                          and nxt.pos_ == "PROPN" and prev.pos_ == "PROPN")




# ---------------------------------------------------------------------------
# The rules: one candidate number at a time


@dataclass
class Candidate:
    """One number expression found by the grammar, with what the rules read.

    Offsets are in ``doc.text``; ``span`` holds the number's tokens and
    ``surface`` their text (both without the qualifier words); ``skip`` holds
    the token indices of the whole expression, qualifier included, which are
    never part of ``what``. ``previous`` is the figure before it in the same
    sentence and ``gap`` the text between the two.
    """

    doc: Doc
    sentence: int
    start: int
    end: int
    core: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    abbrs: tuple
    span: Span
    surface: str
    skip: set[int] = field(default_factory=set)
    previous: Figure | None = None
    gap: str = ""


@dataclass
class _SentenceContext:
    """What the rules read about the sentence a candidate sits in."""

    full: str
    si: int
    excluded: list[tuple[int, int]]
    verbs: list[tuple[Token, Token]]
    according: str
    quote_spans: list[tuple[int, int, str, bool]]
    quote_starts: list[int]
    sources: _Sources


def _counted_noun(span: Span, skip: set[int]) -> tuple[Token | None, Token]:
    """``(noun, role)``: the noun a number counts and the token whose place in the parse
    gives the event (the noun itself, or the number for "dozens of X")."""
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod") \
            and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in skip:
        return root.head, root.head
    noun = _prep_object(root, pos=(*_NOUNS, "PRON"))
    return noun, root


# --- detect: skip what only looks like a figure -----------------------------------


@rule("skip-date-time-code", stage="figures")
def skip_date_time_code(c: Candidate, ctx: _SentenceContext) -> bool:
    """Dates, clock times, phone numbers, ISBNs, codes and footnote markers are not figures.

    Bare years are judged by ``skip-year`` from the parse instead.
    """
    return overlaps(c.core, c.end, ctx.excluded)


@rule("skip-glued", stage="figures")
def skip_glued(c: Candidate, ctx: _SentenceContext) -> bool:
    """A number glued to letters or joined to a word by a hyphen or slash ("G7", "24/7",
    "45-year-old") is part of a name or a compound, not a figure."""
    return glued(ctx.full, c.core, c.end)


@rule("skip-length", stage="figures")
def skip_length(c: Candidate, ctx: _SentenceContext) -> bool:
    """"100m" or "5k" without a currency is a length or a race, not money."""
    return any(a.lower() in _MONEY_ONLY_ABBRS for a in c.abbrs if a) and c.unit in (
        "", "percent", "percentage points")


@rule("skip-name-word", stage="figures")
def skip_name_word(c: Candidate, ctx: _SentenceContext) -> bool:
    """A capitalised number word inside a sentence ("Formula One") is part of a name."""
    first = c.span[0]
    return (first.is_alpha and first.is_title and not first.is_sent_start
            and not c.doc[first.i - 1].is_punct and ctx.full[c.start:c.core].strip() == "")


@rule("skip-pronoun-one", stage="figures")
def skip_pronoun_one(c: Candidate, ctx: _SentenceContext) -> bool:
    """"one" that does not modify a noun ("one of them", "no one", "one another") is
    a pronoun."""
    if not re.fullmatch(r"(?i)one", c.surface):
        return False
    nxt = c.doc[c.span.end] if c.span.end < len(c.doc) else None
    return c.span.root.dep_ != "nummod" or (nxt is not None and nxt.lower_ == "another")


@rule("skip-year", stage="figures")
def skip_year(c: Candidate, ctx: _SentenceContext) -> bool:
    """A four-digit number from 1800 to 2100 is a year unless it counts a plural noun
    ("in 2019" is a year; "2000 people" a figure), and always inside a name the
    parse marks as an event, a work or an organisation ("the 2031 Harbour Games")."""
    return (c.value is not None and c.qualifier != "range"
            and _is_year(c.value, c.surface, c.qualifier, c.unit, c.span.root))


@rule("skip-identifier", stage="figures")
def skip_identifier(c: Candidate, ctx: _SentenceContext) -> bool:
    """A number naming the thing before it ("Resolution 1701", "Flight 370", "No. 10",
    "Boeing 737 Max") is an identifier."""
    return _is_identifier(c.span, c.qualifier, c.unit)


@rule("skip-duration", stage="figures")
def skip_duration(c: Candidate, ctx: _SentenceContext) -> bool:
    """A number of time units ("three days", "two years") is a duration, not a figure."""
    noun, _role = _counted_noun(c.span, c.skip)
    return noun is not None and noun.lemma_.lower() in TIME_NOUNS


@rule("skip-one-article", stage="figures")
def skip_one_article(c: Candidate, ctx: _SentenceContext) -> bool:
    """"one" before a singular noun works as an article ("at one point", "one
    premise", "one trader said"): nothing is counted."""
    root = c.span.root
    return (c.surface.lower() == "one" and root.dep_ == "nummod" and root.head.tag_ == "NN")


@rule("skip-referential", stage="figures")
def skip_referential(c: Candidate, ctx: _SentenceContext) -> bool:
    """A small number word after "the", "these", "those" or "both" points back at
    things already named ("the two firms denied it"): no count is reported."""
    first = c.span[0]
    if not first.is_alpha or c.value is None or c.value > 10 or first.i == 0:
        return False
    return c.doc[first.i - 1].lower_ in ("the", "these", "those", "both")


@rule("skip-fraction-period", stage="figures")
def skip_fraction_period(c: Candidate, ctx: _SentenceContext) -> bool:
    """Fraction words after "the", "preceding", "last", "first" and the like name
    periods or parts already known ("the last two quarters"), not a share."""
    if c.unit != "share" or " in " in f" {c.surface.lower()} " or c.span[0].i == 0:
        return False
    return c.doc[c.span[0].i - 1].lower_ in _PERIOD_WORDS


_PERIOD_WORDS = frozenset({"the", "preceding", "previous", "last", "next", "past", "first",
                           "final", "coming", "these", "those", "its", "their"})

SKIP_RULES: tuple[Callable[[Candidate, _SentenceContext], bool], ...] = (
    skip_date_time_code, skip_glued, skip_length, skip_name_word, skip_pronoun_one,
    skip_year, skip_identifier, skip_duration, skip_one_article, skip_referential,
    skip_fraction_period)


# --- qualifier: words before the number that are not a qualifier -------------------


@rule("qualifier-preposition", stage="figures")
def qualifier_preposition(c: Candidate, ctx: _SentenceContext) -> bool:
    """"under", "over", "above" or "below" that heads a phrase away from a verb is a
    preposition, not a bound: "Under three categories of the rules, ..." counts
    three exactly (while "destroyed under 40 cabins" keeps ``less_than``).

    Returns True when the qualifier word is to be dropped.
    """
    if c.start == c.core:
        return False
    word = c.doc.char_span(c.start, c.core, alignment_mode="expand")
    if word is None or len(word) != 1 or word[0].lower_ not in ("under", "over", "above",
                                                                  "below"):
        return False
    tok = word[0]
    return tok.dep_ == "prep" and tok.head.i != tok.i - 1 and (
        tok.is_sent_start or tok.i == tok.head.i or tok.head.i > tok.i or tok.head.pos_ != "VERB")


QUALIFIER_RULES: tuple[Callable[[Candidate, _SentenceContext], bool], ...] = (
    qualifier_preposition,)


# --- unit: a unit the text leaves out ------------------------------------------------


@rule("unit-elided", stage="figures")
def unit_elided(c: Candidate) -> str | None:
    """An amount with a scale but no unit, joined to the amount before it by "from",
    "and", "or", "to", "compared with" ..., has that amount's currency or measure:
    "rose to 946 mln dlrs from 148 mln" -> 148 mln USD. A percentage is not carried
    over ("up three pct to 3.69 billion" says nothing of the billions' unit).

    Returns the unit, or ``None`` when the rule does not apply.
    """
    prev = c.previous
    if (c.unit or prev is None or not prev.unit or prev.unit in _NOT_CARRIED
            or c.value is None or _scale_of(c.surface) == 1):
        return None
    gap = c.gap.replace(",", " ").lower().split()
    if len(gap) > 4 or not gap or any(w not in ELIDED_UNIT_LINKS for w in gap):
        return None
    return prev.unit


_NOT_CARRIED = frozenset({"percent", "percentage points", "share", "times", "score"})

UNIT_RULES: tuple[Callable[[Candidate], str | None], ...] = (unit_elided,)


# --- what: the first rule that applies names what is counted ---------------------------


def _join(*parts: str) -> str:
    return " ".join(p for p in parts if p)


_AGE_AFTER = {",", ".", ";", ")", "and"}
_CONVERSION_GAP = re.compile(
    r"\s*(?:\(\s*|[;,/]\s*|,?\s*or\s+|,?\s*(?:up|down)\s+from\s+"
    r"|,?\s*compared\s+with\s+|\s+to\s+)$", re.I)


@rule("what-age", stage="figures")
def what_age(c: Candidate) -> str | None:
    """A number set off by commas after a person's name is their age ("Ann Lee, 43,
    said"), as is the number after "aged"."""
    if c.unit or c.qualifier != "exact" or c.value is None or not 0 < c.value < 125:
        return None
    doc, first, last = c.doc, c.span[0], c.span[-1]
    before = doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.lower_ == "aged":
        return "age"
    after = doc[last.i + 1].lower_ if last.i + 1 < len(doc) else "."
    if before is None or before.text != "," or first.i < 2 or after not in _AGE_AFTER:
        return None
    name = doc[first.i - 2]
    return "age" if name.ent_type_ == "PERSON" or (name.pos_ == "PROPN"
                                                 and name.ent_type_ not in ("GPE", "ORG")) \
        else None


@rule("what-score", stage="figures")
def what_score(c: Candidate) -> str | None:
    """A score names the game it belongs to: the noun it modifies ("a 2-2 draw"), the
    object of "in" after it ("6-2 in the second set") or the beaten side."""
    if c.unit != "score":
        return None
    root = c.span.root
    if root.head.pos_ == "NOUN" and root.head.i not in c.skip:
        return _noun_phrase(root.head, c.skip)
    if root.head.pos_ == "PRON" or root.head.tag_ in ("WDT", "WP"):
        return None
    path = [root, *list(root.ancestors)[:3]]
    for tok in path:
        game = _prep_object(tok, preps=("in",), pos=("NOUN",), first_only=False)
        if game is not None:
            return _noun_phrase(game, c.skip)
    objs = [o for o in root.head.children if o.dep_ == "dobj" and o.i not in c.skip
            and o.pos_ in ("NOUN", "PROPN")]
    return _noun_phrase(objs[0], c.skip) if objs else None


_SCORE_RUN = re.compile(rf"(?:\(?{_SCORE_PAIR}\)?\s+)+")
_SCORE_GAP = re.compile(r"\)?\s+\(?|\s*\(")


@rule("what-score-series", stage="figures")
def what_score_series(c: Candidate) -> str | None:
    """A set score in a run of scores names what the run is: the noun after the run
    ("a 5-7 6-2 7-5 victory" -> "victory" for each score), else what the score
    before it in the run names ("beat Lee 7-6 (7-2) 6-2": each score, like the
    first, names the beaten side)."""
    if c.unit != "score":
        return None
    doc, end = c.doc, c.span.end
    window = doc[end:min(len(doc), end + 16)]
    run = _SCORE_RUN.match(window.text) if len(window) else None
    if run:  # the noun after the scores that follow this one
        at = window.start_char + run.end()
        tok = next((t for t in window if t.idx == at), None)
        if tok is not None and tok.pos_ == "NOUN":
            return _noun_phrase(tok, c.skip)
    prev = c.previous
    if prev is not None and prev.unit == "score" and prev.what and _SCORE_GAP.fullmatch(c.gap):
        return prev.what
    return None


@rule("what-same-as-previous", stage="figures")
def what_same_as_previous(c: Candidate) -> str | None:
    """A figure restating the one before it measures the same thing: a currency
    conversion ("$10m (£5.3m)"), an alternative ("5p, or 2.4%"), the end of a change
    ("rose 5% to £4m") or its starting point ("up from 4%"). A figure with an
    ``of``-object of its own counts that ("earn over £40,000, compared with 20% of
    men": the share counts men)."""
    prev = c.previous
    if prev is None or not prev.what or not _CONVERSION_GAP.fullmatch(c.gap):
        return None
    if _prep_object(c.span.root) is not None:
        return None
    if c.gap.strip().startswith("(") or c.gap.strip() in (";", "/"):
        return prev.what if c.unit and prev.unit and c.unit != prev.unit else None
    return prev.what


@rule("what-share-noun", stage="figures")
def what_share_noun(c: Candidate) -> str | None:
    """A proportion "N in M" counts the noun after it ("one in five adults" ->
    "adults"); nothing is counted when none follows."""
    if c.unit != "share" or " in " not in f" {c.surface.lower()} ":
        return None
    last = c.span[-1]
    head = last.head
    if last.dep_ == "nummod" and head.pos_ in ("NOUN", "PROPN") and head.i not in c.skip:
        return _noun_phrase(head, c.skip)
    return ""


@rule("what-change-noun", stage="figures")
def what_change_noun(c: Candidate) -> str | None:
    """A figure sizing a change, or where it ends, measures what changes: "a 12% rise
    in profits to £2.1bn" -> "profits" for both figures ("a 5% rise in January"
    says when, not what)."""
    root = c.span.root
    noun = root.head
    if root.dep_ == "pobj" and root.head.lower_ in ("to", "from"):
        noun = root.head.head  # "a 12% rise in profits to £2.1bn": the end of the change
        objs = [o for o in noun.children if o.dep_ == "dobj"] if noun.pos_ == "VERB" else []
        noun = objs[0] if objs else noun  # "posted a 12% rise in profits to £2.1bn"
    elif root.dep_ not in ("nummod", "compound", "amod", "quantmod", "nmod"):
        return None
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CHANGE_NOUNS:
        return None
    changed = _prep_object(noun, preps=("in", "of"), accept=lambda o: not _is_time(o),
                           first_only=False)
    return _noun_phrase(changed, c.skip) if changed is not None else None


def _is_time(tok: Token) -> bool:
    """A month, a date or a time noun: "a 5% rise in January" says when, not what."""
    return tok.ent_type_ in ("DATE", "TIME") or tok.lemma_.lower() in TIME_NOUNS


@rule("what-counted-noun", stage="figures")
def what_counted_noun(c: Candidate) -> str | None:
    """The noun the number modifies, with its adjectives and compounds, and its event
    ("312 prisoners were freed" -> "prisoners freed")."""
    root = c.span.root
    if not (root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod",
                          "predet")
            and root.head.pos_ in ("NOUN", "PROPN") and root.head.i not in c.skip):
        return None
    noun = root.head
    return _join(_noun_phrase(noun, c.skip), _event(noun, noun, c.skip))


@rule("what-of-object", stage="figures")
def what_of_object(c: Candidate) -> str | None:
    """The ``of``-object of a number used as a noun ("dozens of whales swam" ->
    "whales swam into the bay", "58% of nurses" -> "nurses")."""
    noun, role = _counted_noun(c.span, c.skip)
    if noun is None or role.i != c.span.root.i or noun.pos_ == "PRON":
        return None
    return _join(_noun_phrase(noun, c.skip), _event(role, noun, c.skip))


@rule("what-measured-noun", stage="figures")
def what_measured_noun(c: Candidate) -> str | None:
    """The noun an amount is "of": "a profit of £23m" -> "profit", "growth of 5%" ->
    "growth", "reserves of over $2bn" -> "reserves"."""
    tok = c.span.root
    if tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return None
    noun = tok.head.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i in c.skip:
        return None
    return _noun_phrase(noun, c.skip)


@rule("what-money-in", stage="figures")
def what_money_in(c: Candidate) -> str | None:
    """An amount of money followed by "in" names what it is paid or counted in:
    "£5m in compensation", "$2bn in loans" (not a place or a time: "£3m in May")."""
    root = c.span.root
    if c.unit not in _CURRENCIES or root.dep_ == "pobj" and root.head.lower_ == "for":
        return None  # "bought it for $5m in cash": the thing bought is what
    nxt = c.doc[c.span.end] if c.span.end < len(c.doc) else None
    if nxt is None or nxt.lower_ != "in" or nxt.dep_ != "prep":
        return None
    paid_in = _pobj(nxt, pos=("NOUN",), accept=lambda o: o.lemma_.lower() not in TIME_NOUNS
                    and not o.ent_type_)
    return _noun_phrase(paid_in, c.skip) if paid_in is not None else None


@rule("what-partitive", stage="figures")
def what_partitive(c: Candidate) -> str | None:
    """A bare number that picks some of a set counts the set's noun: "all but 12 of
    the boats" -> "boats", "Of the new ferries, two remain" -> "new ferries"."""
    root = c.span.root
    if root.pos_ != "NUM" or any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in root.rights):
        return None
    if root.dep_ == "conj":
        found = _prep_object(root.head)
        if found is not None:
            return _noun_phrase(found, c.skip)
    if root.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return None
    sent = root.sent
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    if first is None or first.lower_ != "of" or first.dep_ != "prep" or first.i >= root.i:
        return None
    whole = _pobj(first)
    return _noun_phrase(whole, c.skip) if whole is not None else None


@rule("what-stake", stage="figures")
def what_stake(c: Candidate) -> str | None:
    """A percentage that is the object of a verb of owning or dealing is a stake:
    "the family owns 28%" -> "stake" (the subject owns it; it does not measure
    the subject)."""
    root = c.span.root
    if c.unit != "percent" or root.dep_ != "dobj" or root.head.pos_ != "VERB" \
            or root.head.lemma_.lower() not in STAKE_VERBS or _prep_object(root) is not None:
        return None
    return "stake"


def _money_object_verb(c: Candidate) -> Token | None:
    """The verb whose direct object the amount is, through its qualifier ("collected
    up to £9m", "handed over between £7,001 and £8,000"), or that joins it to such
    an object ("earned £5m for X, and £2m for Y")."""
    tok = c.span.root
    for _ in range(3):
        head = tok.head
        if head.i == tok.i:
            return None
        if tok.dep_ in ("dobj", "dative") and head.pos_ == "VERB":
            return head
        if tok.dep_ == "conj" and head.pos_ == "VERB":
            # "and between £2,000 and £3,000 for Y": a second amount of the verb's object
            objs = [o for o in head.children if o.dep_ == "dobj"]
            return head if objs and any(t.like_num for t in objs[0].subtree) else None
        if tok.i in c.skip and head.pos_ == "VERB" and tok.dep_ in ("prt", "prep", "advmod"):
            return head  # "earning up to £5m": the qualifier hangs off the verb
        if head.i not in c.skip:
            return None
        tok = head  # "up to", "between": the qualifier the parse put above the number
    return None


@rule("what-money-object", stage="figures")
def what_money_object(c: Candidate) -> str | None:
    """An amount of money that is the object of a verb of earning, paying, spending or
    booking names that event, not the verb's subject: "the ferryman earned £4,000
    for the crossings" -> "earned for the crossings", "booked $3m as a repair
    charge" -> "booked as a repair charge". Not for a verb of change ("sales
    added $5m", "raised $5m"), of saying, or one whose amount measures its
    subject ("the scheme cost £5m": see :data:`toolkit.lexicon.AMOUNT_VERBS`),
    nor for an amount that sizes the noun after it ("planning £3bn cuts")."""
    if c.unit not in _CURRENCIES:
        return None
    verb = _money_object_verb(c)
    nxt = c.doc[c.span.end] if c.span.end < len(c.doc) else None
    if verb is None or nxt is not None and nxt.pos_ == "NOUN":
        return None  # "planning £3bn cuts": the amount sizes the noun after it
    lemma = verb.lemma_.lower()
    if lemma in CHANGE_VERBS or lemma in SOURCE_VERBS or lemma in AMOUNT_VERBS:
        return None
    return _verb_event(verb, c.span.end - 1, skip=c.skip, preps=MONEY_EVENT_PREPOSITIONS,
                       also=c.span.root, shorten=True)


_PATH_DEPS = {"pobj", "prep", "npadvmod", "dobj", "advmod", "quantmod", "attr", "acomp",
              "oprd", "nummod", "appos", "conj", "dative", "agent"}


def _governing_verb(root: Token) -> tuple[Token | None, str, Token]:
    """``(verb, preposition, top)``: the verb a figure hangs off through prepositions
    and adverbs ("fell by 5%", "was down 8%", "priced at £80"), the preposition on
    the way, and the verb's child the path ends in."""
    tok, prep = root, ""
    for _ in range(6):
        head = tok.head
        if head.i == tok.i or tok.dep_ not in _PATH_DEPS:
            return None, prep, tok
        if tok.dep_ == "pobj" and not prep:
            prep = head.lower_
        if head.pos_ in ("VERB", "AUX"):
            return head, prep, tok
        if prep and head.pos_ == "NOUN" and head.dep_ == "dobj":
            return head.head, prep, head  # "lifts capacity by 9%": the object it measures
        tok = head
    return None, prep, tok


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb`` (or of the verb it hangs off); a relative pronoun
    stands for the noun its clause describes ("its fees, which rose to $5m")."""
    for _ in range(3):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj:
            if subj[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl" \
                    and verb.head.pos_ in ("NOUN", "PROPN"):
                return verb.head
            return subj[0]
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
        if verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


@rule("what-change-subject", stage="figures")
def what_change_subject(c: Candidate) -> str | None:
    """What changes or stands at a level: the subject of a verb of change ("takings
    were down 8%", "the shares edged up 3 to 71"), or of a verb stating an amount
    ("the set is priced at £80"); the object when the figure says by how much or
    for what ("lifted output by 5%", "bought a mill for $5m")."""
    verb, prep, top = _governing_verb(c.span.root)
    if verb is None:
        return None
    change = verb.lemma_.lower() in CHANGE_VERBS or (verb.lemma_ == "be" and any(
        ch.lower_ in CHANGE_ADVERBS for ch in verb.children))
    if not change and (not c.unit or c.unit == "score" or verb.lemma_.lower() in SPEECH_VERBS):
        return None
    noun = None
    if prep in ("by", "to", "at", "for", "from", "in"):
        objs = [o for o in verb.children if o.dep_ == "dobj" and (
            o.i != top.i or top.pos_ == "NOUN" and top.i not in c.skip)]
        noun = objs[0] if objs else None
    if noun is None:
        noun = _subject(verb)
    if noun is None or noun.pos_ in ("PRON", "NUM") or noun.i in c.skip or noun.like_num:
        return None
    return _noun_phrase(noun, c.skip) or None


WHAT_RULES: tuple[Callable[[Candidate], str | None], ...] = (
    what_age, what_score_series, what_score, what_same_as_previous, what_share_noun,
    what_change_noun, what_counted_noun, what_money_in, what_of_object, what_measured_noun,
    what_partitive, what_stake, what_money_object, what_change_subject)


# --- source: on whose authority ----------------------------------------------------------


@rule("source-in-quote", stage="figures")
def source_in_quote(c: Candidate, ctx: _SentenceContext) -> str | None:
    """A figure inside a quote's span takes the quote's speaker.

    When the quote's speaker was itself a pronoun resolved by the quotes stage
    (its rule ends in ``+pronoun``), a source verb of the figure's own sentence
    (``source-speech-verb``, then ``source-pronoun``) is asked first; the
    quote's speaker is kept when they find none.
    """
    i = bisect_right(ctx.quote_starts, c.start)
    for qs, qe, speaker, via_pronoun in reversed(ctx.quote_spans[max(0, i - 3):i]):
        if qs <= c.start and c.end <= qe and speaker:
            if via_pronoun:
                own = source_speech_verb(c, ctx)
                own = source_pronoun(own, c, ctx) if own else own
                if own and not _is_pronoun(own):
                    return own
            return speaker
    return None


@rule("source-according-to", stage="figures")
def source_according_to(c: Candidate, ctx: _SentenceContext) -> str | None:
    """"according to X" in the same sentence makes X the source."""
    return ctx.according or None


@rule("source-speech-verb", stage="figures")
def source_speech_verb(c: Candidate, ctx: _SentenceContext) -> str | None:
    """The subject of a reporting verb of the sentence ("X said ...", "..., X estimated").

    The verb whose clause holds the figure wins, then the closest; a figure
    inside the subject itself ("three officials said") is not self-sourced,
    nor one that a verb of counting or finding ("show", "put") does not
    report: in a relative clause below it, or beside an object without a number.
    """
    root = c.span.root
    best = None
    for verb, subj in ctx.verbs:
        if root.i in {t.i for t in subj.subtree}:
            continue  # "three officials said": the figure is the source itself
        if _changed_by(verb, root):
            continue  # "the bank added 5%": a verb of change, not of saying
        if _outside_finding(verb, root):
            continue  # "MTV is to show the film on all 25 channels": no finding
        inside = verb.left_edge.i <= root.i <= verb.right_edge.i and any(
            t.i == root.i for t in verb.subtree)
        key = (0 if inside else 1, verb.right_edge.i - verb.left_edge.i, abs(verb.i - root.i))
        if best is None or key < best[0]:
            best = (key, subj)
    return _source_text(best[1]) if best else None


def _outside_finding(verb: Token, root: Token) -> bool:
    """Whether ``root`` hangs off a verb of counting or finding ("show", "put",
    "find", ...: not a verb of saying) outside what that verb reports: in a
    relative clause below it ("put the bid at 120p, which would make the firm
    worth £90m"), or in a phrase beside an object that holds no number ("is to
    show the film on all 25 channels"). A figure outside the verb's subtree is
    not judged here."""
    if verb.lemma_.lower() in SPEECH_VERBS or verb.lemma_.lower() in QUOTING_VERBS:
        return False
    tok = root
    for _ in range(12):
        head = tok.head
        if head.i == tok.i:
            return False  # not under the verb at all
        if tok.dep_ == "relcl" and any(t.i == verb.i for t in tok.ancestors):
            return True
        if head.i == verb.i:
            return tok.dep_ == "prep" and tok.lower_ not in ("at", "to") and any(
                ch.dep_ == "dobj" and not any(t.like_num for t in ch.subtree)
                for ch in verb.children)
        tok = head
    return False


def _changed_by(verb: Token, root: Token) -> bool:
    """Whether ``root`` is the amount of ``verb`` used as a verb of change ("shares
    added 5%"), not a figure in what it reports ("added that 40 died")."""
    if verb.lemma_.lower() not in CHANGE_VERBS:
        return False
    tok = root
    for _ in range(6):
        if tok.head.i == verb.i:
            return tok.dep_ not in ("ccomp", "xcomp", "advcl", "parataxis", "conj", "csubj")
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


SOURCE_RULES: tuple[Callable[[Candidate, _SentenceContext], str | None], ...] = (
    source_in_quote, source_according_to, source_speech_verb)


@rule("source-pronoun", stage="figures")
def source_pronoun(source: str, c: Candidate, ctx: _SentenceContext) -> str:
    """A pronoun source ("it said", "they added") becomes the latest named source
    before it: earlier in the same sentence, else in the two sentences before."""
    if not _is_pronoun(source):
        return source
    same = [_source_text(subj) for verb, subj in ctx.verbs
            if subj.idx < c.start and not _is_pronoun(subj.text) and _source_text(subj)]
    return same[-1] if same else ctx.sources.resolve(source, ctx.si)


PRONOUN_RULES: tuple[Callable[[str, Candidate, _SentenceContext], str], ...] = (
    source_pronoun,)

#: The rule groups of this stage, in the order they apply (see :mod:`toolkit.rules`).
RULE_GROUPS = {"detect": SKIP_RULES, "qualifier": QUALIFIER_RULES, "unit": UNIT_RULES,
               "what": WHAT_RULES, "source": SOURCE_RULES, "pronoun": PRONOUN_RULES}


# ---------------------------------------------------------------------------
# Extraction


@dataclass(frozen=True)
class _Active:
    """The rules switched on for one extraction."""

    skip: tuple
    qualifier: tuple
    unit: tuple
    what: tuple
    source: tuple
    pronoun: tuple

    @classmethod
    def of(cls, disable: Collection[str]) -> _Active:
        return cls(*(active(RULE_GROUPS[g], disable=disable)
                     for g in ("detect", "qualifier", "unit", "what", "source", "pronoun")))


def _first(rules: tuple, *args) -> tuple[str, str]:
    """``(result, rule name)`` of the first rule that applies, ``("", "")`` if none."""
    for r in rules:
        found = r(*args)
        if found is not None:
            return found, (r.rule_name if found else "")
    return "", ""


def extract_figures(doc: Doc, *, quotes=None, disable: Collection[str] = ()) -> list[Figure]:
    """Every figure in the body sentences of ``doc``, in text order.

    Args:
        doc: a parsed ``Doc`` (``toolkit.nlp.parse``); headings are skipped.
        quotes: optional :class:`toolkit.quotes.Quote` objects; a figure inside a
            quote's ``start_char``/``end_char`` takes its ``speaker`` as source.
        disable: rule names to switch off (see :data:`RULE_GROUPS`).

    Returns:
        :class:`Figure` objects; see the module docstring for the conventions.

    Raises:
        AttributeError: when a quote lacks ``start_char``, ``end_char`` or ``speaker``.

    Example:
        >>> from toolkit.nlp import parse
        >>> from toolkit.read import article_from_text
        >>> doc = parse(article_from_text("The army freed 312 prisoners."))
        >>> [(f.text, f.value, f.what) for f in extract_figures(doc)]
        [('312', 312.0, 'prisoners freed')]
    """
    sents = list(body_sentences(doc))
    date_ents = sorted(_date_ent_spans(doc))
    date_ents = (date_ents, [s for s, _ in date_ents])
    quote_spans = sorted(((int(q.start_char), int(q.end_char), str(q.speaker or ""),
                           str(getattr(q, "rule", "") or "").endswith("+pronoun"))
                          for q in quotes or []), key=lambda q: (q[0], q[1]))
    quote_starts = [q[0] for q in quote_spans]
    rules = _Active.of(disable)
    full = doc_text(doc)  # Doc.text joins every token: read it once per doc
    sources = _Sources(dict(sents), quote_spans, quote_starts)
    figures: list[Figure] = []
    for si, sent in sents:
        text = full[sent.start_char:sent.end_char]  # = sent.text, without a token walk
        cands = list(_candidates(text))
        if not cands:
            continue
        verbs, according = sources.of(si)
        ctx = _SentenceContext(full, si, _excluded_spans(text, sent.start_char)
                               + in_sentence(*date_ents, sent), verbs, according,
                               quote_spans, quote_starts, sources)
        figures.extend(_sentence_figures(doc, sent.start_char, cands, ctx, rules))
    return figures


def _sentence_figures(doc: Doc, offset: int, cands: list, ctx: _SentenceContext,
                      rules: _Active) -> list[Figure]:
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for (start, end, core, _core_end, value, low, high, qual, unit, abbrs) in cands:
        start, end, core = start + offset, end + offset, core + offset
        if overlaps(start, end, taken):
            continue
        span = doc.char_span(core, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        whole = doc.char_span(start, end, alignment_mode="expand") or span
        skip = set(range(whole.start, whole.end))  # the token indices, no Token built
        previous = out[-1] if out else None
        gap = ctx.full[previous.end_char:start] if previous else ""
        c = Candidate(doc, ctx.si, start, end, core, value, low, high, qual, unit, abbrs,
                      span, ctx.full[core:end], skip, previous, gap)
        if any(r(c, ctx) for r in rules.skip):
            continue
        if any(r(c, ctx) for r in rules.qualifier):
            start, c.start, c.qualifier = core, core, "exact"
            qual = "exact"
        for r in rules.unit:
            found = r(c)
            if found is not None:
                unit = c.unit = found
                break
        what, what_rule = _first(rules.what, c)
        source, _source_rule = _first(rules.source, c, ctx)
        for r in rules.pronoun:
            source = r(source, c, ctx)
        taken.append((start, end))
        out.append(Figure(value=value, text=ctx.full[start:end], qualifier=qual, unit=unit,
                          what=what, source=source, sentence=ctx.si, start_char=start,
                          end_char=end, low=low, high=high, rule=what_rule))
    return out


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


def figures_table(figures: list[Figure]) -> pd.DataFrame:
    """The ``figures`` contract table."""
    return contract.frame("figures", contract.rows_from("figures", figures))


_CHANGE_WORDS = _change_forms()
