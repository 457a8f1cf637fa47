"""The toolkit's one lexicon: every word list the stages share.

Speech and reporting verbs, pronouns, person nouns, months and weekdays,
number words and scales: each list lives here once, and the cleaner and the
extractors import it, so a verb added for quotes also gives figures a source.
Longer vocabularies (titles and honorifics, countries, organisation nouns,
facilities) are data files under ``toolkit/data/``, loaded by the functions at
the end of this module.

Every list is general English news vocabulary, never words taken from one
article.

Example:
    >>> "say" in SPEECH_VERBS and "say" in SOURCE_VERBS
    True
    >>> MONTHS["Sept"], MONTHS["December"]
    (9, 12)
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# =========================================================================== speech
# Verbs of saying and reporting (quotes, figure sources, actor evidence).

#: Lemmas of verbs that report speech when they take a clausal complement
#: (``ccomp``): "X said (that) …". Verbs of thinking (believe, hope, fear) are
#: left out on purpose: they report a state of mind, not something said.
SPEECH_VERBS: frozenset[str] = frozenset({
    "acknowledge", "add", "admit", "affirm", "agree", "allege", "announce", "argue",
    "assert", "boast", "caution", "charge", "claim", "comment", "complain", "concede",
    "conclude", "confirm", "contend", "declare", "deny", "disclose", "emphasise",
    "emphasize", "estimate", "explain", "indicate", "inform", "insist", "maintain",
    "note", "observe", "post", "predict", "proclaim", "promise", "propose", "recall",
    "reiterate", "remark", "remind", "repeat", "reply", "report", "respond", "reveal", "say",
    "signal", "state", "stress", "suggest", "swear", "tell", "testify", "threaten",
    "tweet", "underline", "urge", "vow", "warn", "write", "pledge", "accuse", "ask",
    "demand", "call", "point",
})

#: Verbs whose subject is the source of the figures in their clause: every
#: speech verb, and verbs of counting and finding ("the survey found 40%").
SOURCE_VERBS: frozenset[str] = SPEECH_VERBS | frozenset({
    "count", "record", "show", "find", "calculate", "put", "tally", "quote", "cite",
})

# =========================================================================== pronouns

#: Personal pronouns (any case) and the nominative form they stand for.
PRONOUNS: dict[str, str] = {
    "he": "he", "she": "she", "it": "it", "they": "they", "we": "we", "i": "i",
    "you": "you", "him": "he", "her": "she", "them": "they", "us": "we", "me": "i",
}

#: Pronouns that can stand for a source without naming it ("this showed …").
DEMONSTRATIVES: frozenset[str] = frozenset({"this", "that", "these", "those"})

# =========================================================================== people

#: Common nouns that denote a person or a group of people acting as a source
#: ("a spokesman said", "officials told …").
PERSON_NOUNS: frozenset[str] = frozenset({
    "official", "spokesman", "spokeswoman", "spokesperson", "minister", "director",
    "president", "leader", "chief", "head", "mayor", "governor", "secretary", "officer",
    "commander", "doctor", "resident", "witness", "source", "diplomat", "analyst",
    "expert", "lawyer", "aide", "adviser", "advisor", "envoy", "ambassador", "senator",
    "lawmaker", "chairman", "chairwoman", "ceo", "founder", "professor", "researcher",
    "scientist", "economist", "man", "woman", "mother", "father", "farmer", "teacher",
    "worker", "student", "nurse", "manager", "owner", "coach", "captain", "player",
    "judge", "prosecutor", "police", "investigator", "engineer", "historian", "author",
    "activist", "candidate", "politician", "representative", "negotiator", "medic",
    "rival", "prefect", "chancellor", "premier", "deputy", "general", "colonel",
    "inspector", "detective", "attorney", "counsel", "barrister", "solicitor", "priest",
    "bishop", "imam", "rabbi", "pastor", "king", "queen", "prince", "princess", "boss",
})

# =========================================================================== bylines

#: Words that make a byline part a role or a desk, not a name ("Health
#: Correspondent", "Local Democracy Reporter", "Staff Reporter", "Associated
#: Press"), in lower case.
BYLINE_ROLE_WORDS: frozenset[str] = frozenset({
    "reporter", "reporters", "reporting", "correspondent", "correspondents", "editor",
    "editors", "editing", "writer", "writers", "writing", "columnist", "journalist",
    "contributor", "critic", "producer", "photographer", "presenter", "analyst", "staff",
    "desk", "bureau", "team", "service", "agency", "agencies", "press", "news", "newswire",
    "wire", "wires", "media", "association", "associated",
})

#: News agencies that sign, credit or date wire copy, in lower case.
NEWS_AGENCIES: frozenset[str] = frozenset({
    "reuter", "reuters", "ap", "afp", "dpa", "upi", "pa", "xinhua", "bloomberg", "ians",
    "pti", "ansa", "efe", "kyodo", "tass", "aap", "cp", "ani", "anadolu", "epa",
})

#: Labels printed before a story's first words in capitals ("EXCLUSIVE — ..."):
#: never the place of a dateline, in lower case.
KICKER_WORDS: frozenset[str] = frozenset({
    "breaking", "exclusive", "update", "updated", "watch", "live", "analysis", "opinion",
    "editorial", "comment", "video", "photos", "pictures", "explainer", "review", "interview",
    "factbox", "preview", "correction", "urgent", "flash", "bulletin", "advisory",
})

# =========================================================================== calendar

#: Month names and their common abbreviations -> month number.
MONTHS: dict[str, int] = {
    "January": 1, "February": 2, "March": 3, "April": 4, "May": 5, "June": 6,
    "July": 7, "August": 8, "September": 9, "October": 10, "November": 11,
    "December": 12, "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7,
    "Aug": 8, "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}

#: Full month names, in calendar order.
MONTH_NAMES: tuple[str, ...] = tuple(m for m, _ in sorted(
    ((m, n) for m, n in MONTHS.items() if len(m) > 4 or m in ("May", "June", "July")),
    key=lambda item: item[1]))

WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                             "Saturday", "Sunday")

#: Nouns of time spans ("three weeks", "two years ago").
TIME_NOUNS: frozenset[str] = frozenset({
    "second", "minute", "hour", "day", "night", "week", "weekend", "month", "year",
    "decade", "century", "fortnight", "millennium",
})

# =========================================================================== numbers

#: Number words below twenty -> value.
UNIT_WORDS: dict[str, int] = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen".split())}

#: Tens -> value.
TENS_WORDS: dict[str, int] = {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}

#: Scale words -> multiplier.
SCALE_WORDS: dict[str, float] = {"hundred": 100, "thousand": 1e3, "million": 1e6,
                                 "billion": 1e9, "trillion": 1e12}

#: Scale abbreviations written after a number ("£5m", "695 mln") -> multiplier.
SCALE_ABBRS: dict[str, float] = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9,
                                 "bn": 1e9, "bln": 1e9, "tn": 1e12, "trn": 1e12}

# =========================================================================== data files


def _tsv(name: str) -> list[list[str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.rstrip("\n").split("\t"))
    return rows


@cache
def title_words() -> dict[str, str]:
    """Words of titles written before a name -> their kind (``role``, ``honorific``,
    ``modifier``), from ``data/roles.txt``.

    Example:
        >>> title_words()["president"]
        'role'
    """
    return {row[0]: (row[1] if len(row) > 1 else "role") for row in _tsv("roles.txt")}


@cache
def honorifics() -> frozenset[str]:
    """Honorifics (Mr, Dr, Sir, ...) in lower case, without a final dot."""
    return frozenset(w.rstrip(".") for w, kind in title_words().items() if kind == "honorific")
