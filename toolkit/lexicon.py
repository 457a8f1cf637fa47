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

#: Lemmas of verbs whose subject acts or speaks: a name that is their subject is
#: a group or a person, not a place ("the Front said", "the Front fired").
ACTING_VERBS: frozenset[str] = frozenset({
    "say", "claim", "launch", "fire", "attack", "announce", "deny", "warn", "accuse",
    "target", "strike", "vow", "threaten", "demand", "reject", "confirm", "state",
    "kill", "shell", "bomb", "seize", "capture", "release", "order", "urge", "call",
    "tell", "add", "insist", "pledge", "agree", "refuse", "issue",
})

#: Nouns that, next to a name, say it is a person's ("presenter X", "X, a
#: member of ...", "rap star X"): the person nouns that never stand for a
#: company, and words for people in sport and entertainment news.
PERSON_CUE_NOUNS: frozenset[str] = (
    PERSON_NOUNS - {"rival", "source", "head", "owner", "police", "chief"}) | frozenset({
        "member", "fan", "husband", "wife", "son", "daughter", "presenter", "actor",
        "actress", "singer", "rapper", "producer", "keeper", "goalkeeper", "striker",
        "defender", "winger", "midfielder", "co-star", "star", "veteran", "novelist",
        "writer", "poet", "composer"})

#: Person titles that, capitalised, also start names of other things
#: ("General Motors", "Premier League", "State Street"): never read as a title
#: before a name the model missed.
AMBIGUOUS_TITLES: frozenset[str] = frozenset({
    "general", "premier", "chief", "head", "deputy", "state", "source", "police", "father"})

#: Compass and position words that start place names ("West Bank", "North Sea").
COMPASS_WORDS: frozenset[str] = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "central", "upper", "lower"})

#: Generic words for natural places that end their names ("Aegean Sea").
GENERIC_PLACE_WORDS: frozenset[str] = frozenset({
    "sea", "ocean", "river", "lake", "island", "islands", "mountains", "valley", "desert",
    "strait", "bay"})

#: Dashes that split two names glued into one entity when spaced ("A - B").
DASHES: frozenset[str] = frozenset({"-", "–", "—", "--"})

#: Words that join the parts of a title or name ("Minister of State",
#: "Secretary-General", "Bank's").
NAME_CONNECTORS: frozenset[str] = frozenset({"of", "for", "the", "-", "'s", "’s"})

#: Small words that an acronym skips ("EU" = "European Union", "BoE").
ACRONYM_STOPWORDS: frozenset[str] = frozenset({
    "of", "the", "and", "for", "on", "in", "de", "la", "du", "&"})

#: Arabic name particles written with a hyphen ("al-Amin" ends "Amin").
NAME_PARTICLES: tuple[str, ...] = ("al-", "el-", "ul-", "bin-", "ibn-")

#: Company forms written after a name ("Acme Corp", "Acme plc"): the name is an
#: organisation, and a following one belongs to it.
ORG_SUFFIXES: frozenset[str] = frozenset({
    "plc", "ltd", "ltd.", "inc", "inc.", "corp", "corp.", "co", "co.", "llc", "llp", "ag",
    "gmbh", "nv", "sa", "spa", "bhd", "pty", "corporation", "incorporated", "limited",
})

#: Last words that make a name an organisation ("... Bank", "... Council", "... FC").
ORG_HEAD_WORDS: frozenset[str] = frozenset({
    "bank", "association", "council", "party", "fc", "united", "group",
    "commission", "committee", "authority", "agency", "ministry", "department",
    "institute", "foundation", "society", "federation", "league", "club", "company",
    "board", "trust", "organisation", "organization", "airlines", "airways", "motors",
    "holdings", "industries", "securities", "partners", "university", "college",
    "bureau", "office", "service", "services", "assembly", "parliament", "congress",
    "senate", "court", "police", "army", "navy", "network", "records", "studios",
    "pictures", "magazine", "newspaper", "times", "journal", "gazette", "herald",
    "exchange", "fund", "library", "news", "brothers", "alliance", "coalition", "front", "movement", "brigade",
    "brigades", "concern", "team", "orchestra", "band", "choir", "railroad", "railway",
})

#: Nouns of creative works and titles: a name right after one ("the film X",
#: "her album X") or before one after a possessive ("his X single") is a title,
#: not an actor.
WORK_NOUNS: frozenset[str] = frozenset({
    "film", "movie", "album", "single", "song", "book", "novel", "play", "musical",
    "show", "series", "sitcom", "documentary", "game", "opera", "track", "record",
    "painting", "poem", "programme", "program", "biopic", "sequel", "soundtrack",
    "machine", "computer", "console", "handset", "phone", "software",
})

#: Time-zone abbreviations the tagger takes for organisations ("12:00 GMT"): no actor.
TIME_ZONES: frozenset[str] = frozenset({
    "gmt", "bst", "utc", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
    "pdt", "jst", "ist", "aest", "aedt",
})

#: Political-party words (singular, lower case) -> the party they name. A party is
#: an organisation whether written singular or plural ("Democrat", "Democrats").
PARTY_WORDS: dict[str, str] = {
    "conservative": "conservative", "tory": "conservative", "labour": "labour",
    "democrat": "democrat", "republican": "republican", "liberal": "liberal",
    "liberal democrat": "liberal democrat", "lib dem": "liberal democrat",
    "socialist": "socialist", "communist": "communist", "green": "green",
    "nationalist": "nationalist", "unionist": "unionist",
}

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


@cache
def facility_nouns() -> frozenset[str]:
    """Nouns that turn a preceding person's name into a facility ("<Name> hospital"),
    from ``data/facilities.txt``."""
    return frozenset(row[0] for row in _tsv("facilities.txt"))


@cache
def org_nouns() -> frozenset[str]:
    """Common nouns for organisations ("group", "militia"), from ``data/org_nouns.txt``.

    Example:
        >>> "militia" in org_nouns()
        True
    """
    return frozenset(row[0] for row in _tsv("org_nouns.txt"))


@cache
def countries() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(ISO code, names)`` of every country in ``data/countries.tsv``; the
    first name is the preferred English one."""
    return tuple((row[0], tuple(row[1:])) for row in _tsv("countries.tsv"))
