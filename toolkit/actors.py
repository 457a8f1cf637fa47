"""Actors: named-entity mentions merged into the real-world actors of an article.

The small English model tags entities one sentence at a time and makes
predictable mistakes: the same surname is a person in one sentence and a place
in the next, a title is glued onto a name, two names joined by a dash become
one entity, a capitalised adjective at the start of a sentence becomes a
nationality. :func:`extract_actors` turns the model's entities into **actors**
(one per real-world person, organisation or place, with every mention) by a
chain of small general rules that look at the whole article.

The rules are data: ordered tuples of small named functions, one tuple per
step (:data:`RULE_GROUPS`: ``repair``, ``filter``, ``merge``, ``vote``,
``type``, ``recall``, ``name``), each documented by its docstring. ``article-toolkit
rules`` (or :func:`toolkit.rules.list_rules`) lists them, and
``--disable-rule NAME`` (``disable=`` here) switches one off to show what it
contributes. A rule that fails raises: the article fails visibly, it never
comes back with no actors. The steps:

1. **Mentions** (:func:`candidate_mentions`): entities labelled PERSON, ORG,
   GPE, NORP, LOC or FAC in body sentences only (headings never count, and
   the cleaner has already moved headline, byline and captions out of the
   body). Each entity is repaired before it counts:

   - it is split at a spaced dash or a comma ("Maria Lopez - Spain" gives
     two mentions; "Al-Amin" stays whole);
   - a leading determiner and a trailing possessive or punctuation are
     dropped ("the Red Cross's" -> "Red Cross");
   - repair rules join a name the model cut in two ("[Lake] [Vale] Corp"),
     add a company form that follows it ("Acme Corp"), split "X and Y" when
     X is used alone elsewhere, join "Parents and <Org>", and cut a
     nationality or party word ("Kenyan", "Democrat") or a title off the
     front of a person's name ("Keeper Ann Lee" tagged ORG -> "Ann Lee");
   - wire stock codes ("<ACME>") and stray brackets, a score glued to a team
     ("Rovers 2-1") and a leading honorific ("Mr", "Col", "Sen.") leave the
     name; the honorific makes it a person's;
   - a title at the front of a PERSON is cut off and kept as the role
     ("Foreign Minister Jane Roe" -> "Jane Roe"); an entity made only of
     title words ("State" out of a title) or of common words before a
     title ("[Regional Planning] Adviser") is dropped, but a country or
     place before a title is named, however common the word its letters
     spell ("[Turkey] Trade Minister Ann Lee");
   - a party before a title and a name is a mention of the party ("[Green
     MP Ann Lee]" -> "Green", ORG, and "Ann Lee"), and a party tagged as a
     nationality ("[Tory] MP") is kept as the party; a person-tagged name
     before a word for a person after "a" or led by a compass word is a
     place ("a [Kentford] man", "[East Kentford] landowner Ann Lee"); a
     country glued to a company by a capitalised trade noun is split
     ("Norway Carmaker Vell Motors"); "[X] and [Y Co]" is one company when
     X is never named alone;
   - a person's name followed by a facility noun is a facility
     ("<Name> hospital", FAC);
   - a given name tagged alone takes the untagged surname after it ("[Ann]
     Lefroy"), a person's possessive is cut off the club after it ("[Lee's
     Harwick] team-mate"), set scores glued to a name are cut ("[Ann Lee
     7-6 6-3]"), and a nationality is cut off a "Given Surname" tagged ORG
     ("[Frenchman Ann Lee]");
   - organisations are mended at their edges: a person's name glued after
     one is cut off ("[Harbour Bank Ann Lee]"), a country before a common
     word the wire capitalised is the country ("[U.K. Insurers]"), "KT and [R
     Harbour Trust]", "Den [Nordvik]" (when "Den Nordvik Bank" is named
     elsewhere), "[J.K. Lane] and Co Inc" and "law firm [Hale] and Dorr" are
     extended to the whole firm, organisation nouns glued to the end are cut
     ("[Acme Press news agency]"; a lone "committee" or "board" stays, it is
     the body's name), and "[Velmar] analyst Ann Lee" is the
     employer, not a person; a one-word organisation written as the plural
     of a name tagged elsewhere ("the Levies") is a common noun;
   - a name the model cut in the middle is joined to the name tagged
     elsewhere that it starts with ("Velmar [Brooke Rail Services]" when
     "Velmar Brooke" is tagged), an untagged given name before a person
     joins it ("Ann [Velez Moreno]"), and an everyday word glued to the
     front of a person's name is cut ("[Bar Ann Lee], who is injured"), and a
     person's name run over the full stop after a one-letter name into the
     next sentence is cut there ("[Tom Q. Besides Lee], she ..." -> "Tom
     Q", the stop left out of the name; "[Tom Q. Bell]" stays whole);
   - entities without a capital letter ("unity") are dropped, and so is
     a single sentence-initial word that is a common English word the
     tagger did not read as a proper noun ("Renewed") or that the article
     writes in lower case elsewhere and never capitalised inside a sentence
     ("Recycling will grow" after "household recycling");
   - **nationality words (NORP) count only when used as nouns**, for a group
     of people: "the Kurds", "two million Syrians". A nationality
     adjective modifying a noun ("French forces", "Maoist rebel
     group", "Peruvian authorities") names no actor of its own and is not a
     mention: the actor there is the unnamed noun, and folding the
     adjective into the country would inflate the country's count with
     "<Country>i territory" and the like. Proper names used as modifiers
     ("U.S. officials", "Lima health officials") do count as mentions of
     that place: the name itself is in the text.

2. **Merging** (aliases of one actor):

   - spelling variants share a key: case, curly vs straight apostrophes,
     dots in initialisms ("U.S." = "US"), a leading "the";
   - country names and their common variants join (``data/countries.tsv``:
     "United States" = "USA" = "America"), and a country actor takes the
     file's preferred name ("U.S." -> "United States"), the same in every
     article;
   - an acronym joins the multiword name whose capitalised initials (or word
     beginnings: "NYMEX") it spells, when both are in the text ("European
     Union" + "EU"), or a name that the text defines it for: "Full Name
     (ACR)", "Full Name (Short)" with the short name made of its letters, or
     an apposition "ACR, the Full Name"; a name joins the name the text says
     it is "now known as";
   - a surname or other short form joins the **one** longer PERSON name it
     ends ("Roe" -> "Jane Roe"), whatever the model tagged the short form
     (a surname tagged GPE is still the person); never when two people share
     it, and never for a country name; a first name used alone joins the one
     person it starts ("Jane" -> "Jane Roe"); a one-word name joins the one
     person-shaped full name it ends even when the model read neither as a
     person's ("Lefroy" -> "Tomas Lefroy", a PERSON; also when the full name
     is one the model missed and a recall rule found), and a one-word name
     read as an organisation or a place joins the one person whose full
     name it starts ("Tinho" -> "Tinho Arlanza");
   - the forms of one party join ("Democrat", "Democrats", "Tory", "Tories",
     "Conservatives"), a head form joins its full name ("Bank" -> "Bank of
     England", "Acme" -> "Acme Corp", "Aegean" -> "Aegean Sea"), and an
     organisation's last words join it ("Commission" -> "Executive
     Commission"); the first words alone do not ("Acme" is not "Acme Prize").
     A company written with a company form is also known by its first word
     when that is an acronym, or the part before "and" ("TKX" -> "TKX
     Harbour Systems Corp", "Hollis" -> "Jem Hollis and Co"), a clipped name
     by its beginnings ("Nat", "Imex"), an acronym written after a name and a
     comma by its initials in any order ("the Grain Institute of Norland,
     IGN,"; "H&T"), and an acronym two names spell joins the one it is used
     like ("NC farmers" as "Nordic Council farmers");

3. **Type by consensus**: every mention votes with its (repaired) label; the
   whole article decides, and these rules override the vote:

   - a name written as the title of a work ("the film X", "his X single",
     quoted, tagged WORK_OF_ART more often than as an actor, after a
     capitalised preposition of a title "Beyond the X", capitalised like a
     title "Meet The X", in a list after "films such as", called a work "X
     was a fine film", before its creator "X author Ann Lee", a series "the
     X films") in at least half its mentions is no actor; so is a product
     ("its first X console", "Acme's X", "its X brand") that never speaks,
     acts or owns anything, and a law or formal text ("... Act", "...
     Treaty");
   - a name written as a work even once ("new episodes of X", "the sequel
     to X", "star in X", "her role in X", "X, starring Ann Lee", "Ann Lee's
     X", "X is set in Rome", "a X spin-off", "X, by author Ann Lee", listed
     with a work, or said to be one in a mention the model missed) or used
     as a kind of product ("X games", "X and MP3 players", "PCs running X")
     is no actor when no mention shows it acting as one (speaking, acting,
     owning, making "developed by X", called "it", "he" or "she", a title,
     an organisation noun) and it is no "Given Surname" or known place;
   - a name after an honorific is a PERSON;
   - a name in ``data/countries.tsv`` is a GPE;
   - a name the model read as a person's once and written "Given Surname"
     (``data/given_names.txt``: US census first names and the first names
     of Faker's European, Turkish and Latin American locales) is a PERSON;
   - a name read as a music act ("X frontman Ann Lee", "X and Y, the two
     biggest bands", "the rock band the X") is an ORG; a name read as a
     person's with a person's title ("singer X") is a PERSON before the
     group evidence of the names around it;
   - a singular name with a plural verb ("X were", "X have") is a group, an
     ORG: a person never takes one (the last of a list of names, "Ann Lee
     and X were", is not read so);
   - a name read as a sports team ("X striker", "the X fans", "X beat ...",
     "they play X", "signed for X", "X 2-1", "X's 2-0 win", "a 4-1 win over
     X", "90 appearances for X") is an ORG (the club) unless a
     mention says it is a person's ("he", set scores "6-4 6-3" or a "Given
     Surname" make a singles player), and a one-word team name joins the one
     longer club name it ends ("Real X") unless the text puts things "in X";
     in a report of team sport a town's name never written as a place is
     its club;
   - a place that speaks ("X said") is an ORG unless it is a state ("...
     Union"), a capital (``data/capitals.txt``: "Washington said" is the
     government) or used as a place ("in X"); a singular NORP-tagged name
     that acts is an ORG (a band, a movement);
   - a short form that joined a person is a PERSON, unless the full name
     ends in an organisation word ("Harwick United");
   - a name ending in a place word ("... Stadium", "... Square") is a FAC and
     one ending in an organisation word ("... Bank", "... plc", "... FC") an
     ORG; a political party, singular or plural, is an ORG;
   - a name with a person's title, apposition or age ("presenter X",
     "X, a member of ...", "X, 27,") is a PERSON;
   - "the Xs" / "Country's Xs" tagged PERSON is a group, not a person: an ORG
     when the group is the subject of a verb of acting or speaking anywhere
     ("said", "launched", "fired", "claimed" ...; :data:`AGENT_VERBS`) or the
     article reports team sport (a side), otherwise NORP;
   - a name tagged both ORG and GPE that is not a country and acts as the
     subject of such a verb is an ORG (an armed group or movement the model
     took for a place once);
   - a name in apposition to an organisation noun ("the armed group X", "X,
     the city's oldest club", ``data/org_nouns.txt``), listed after one
     ("labels such as X and Y"), or tagged PERSON and followed by one ("the X
     militia"), is an ORG; so is a PERSON-tagged name the text goes on to
     call "it" ("X said it would ...", "X closed its factory");
   - a name voted PERSON whose every form is a place name
     (``data/places.txt``: GeoNames towns, US states, UK and Irish counties)
     and that nothing marks as a person's is a GPE;
   - organisations named with no obvious cue are read from the words around
     them: a plural noun before one name ("auditors X"), shares or a stake
     held in it ("shares in X", "X shares rose"), someone working for it
     ("an analyst at X"), "a firm called X", "X, the Danish company",
     "the X newspaper" or "the Courier" (a newspaper word), an acronym read as a
     person ("NTB said") and a unit of an organisation's acronym ("NBC Harbour
     Sport") make an ORG; a single person-tagged word after "the" ("the
     Louvre said") votes ORG; a town or state read as a region ("the
     [Ohio] senator" as LOC) is a GPE, a continent stays LOC;
   - a name voted ORG, NORP or PERSON that the text writes only as a place
     is a GPE: written in an address ("Ann Lee, of [Kettleby], Lancashire")
     or a known town after "in", "at" or "near", when no mention acts,
     speaks, owns or has a title or an organisation's cue (not in a report
     of team sport); a "Given Surname" the model tagged only ORG or FAC
     with nothing tying it to an organisation is a PERSON ("directed by
     [Tove Velkoran]"); what an award is given for ("the best debut prize
     for [X]", "best actors are Ann Lee for [X]") is a work, no actor; a
     name voted a place that someone works at or owns a part of ("a
     consultant at [X]", "owns 15 pct of [X]") and is no known place, and a one-word name of letters and digits voted a
     person or a place ("[V4] is trialling ..."), are ORGs; so is a name
     tagged mostly PERSON listed after a plural organisation noun
     ("software firms [X] and Y") that nothing marks as a person's;
   - otherwise the majority vote; ties go PERSON, GPE, ORG, LOC, NORP, FAC.
     Vote rules adjust single votes first: "X, which ..." and a one-word name
     listed with companies vote ORG, so does a chart's owner ("X's singles
     chart"), a person-shaped name listed only with people votes PERSON,
     a one-word name after "in" and a name
     before a word for a place ("X province") vote GPE, and a name the text
     goes on to call "he" or "she" or whose clause says "his" or "her" votes
     PERSON (a plural nationality does not: "[Norlanders] hope his ..."); the one who stars in a work ("starring X", "X will star in")
     votes PERSON.

   Types: ``PERSON`` people; ``ORG`` organisations, companies, agencies,
   ministries, parties, armed groups; ``GPE`` countries, cities, states;
   ``NORP`` nationalities or religious/political groups of people named as a
   group; ``LOC`` non-political places (regions, seas); ``FAC`` buildings,
   airports, hospitals and other facilities.

4. **Role** (``description``): the first title or apposition that describes a
   PERSON or ORG in the text: a title before the name ("Health Minister",
   "Acme chief executive"), a noun phrase the name is in apposition to
   ("the local charity Help Now" -> "local charity"), or one after it
   ("Jane Roe, director of the city's museum").

5. **Recall**: names the model missed count when the text treats them as
   actors: a name next to an organisation noun ("the band X", "the X
   group"), the untagged subject of a speech verb ("Edu said"), a name with
   an age ("Edu, 27,"), a name after an honorific or title ("Coach Edu"), a
   name after "a company called", an untagged "Given Surname", a place name
   after "in", "from" or "to", a country name, a newspaper ("the Sunday
   Courier", whose weekday the model reads as a date; "the Courier on Sunday"),
   and untagged repeats of names already found (a repeat with a plural verb
   retypes a person as a group).
   Each actor says how it was found (``source``): ``model`` when the model
   tagged a mention, else the recall rule of its first mention.

6. **Canonical name**: the fullest form, i.e. the most words, preferring mixed
   case to all capitals, then the most frequent, then the first seen; the
   name rules (:data:`NAME_RULES`) then drop a final company form's full
   stop ("Acme Corp." -> "Acme Corp") and a final initial's ("Tom Q." ->
   "Tom Q"). ``aliases`` lists every surface form
   in order of first appearance.

Everything is computed from the parsed ``Doc``: no re-parsing, and each rule is
a single pass over the entities (linear in the length of the article).

Example:
    >>> from toolkit.nlp import load_model, make_doc
    >>> from toolkit.read import article_from_text
    >>> nlp = load_model()
    >>> doc = nlp(make_doc(article_from_text(
    ...     "Mayor Jane Roe opened the bridge. Roe said it cost too much."), nlp))
    >>> [(a.name, a.type, len(a.mentions), a.description) for a in extract_actors(doc)]
    [('Jane Roe', 'PERSON', 2, 'Mayor')]
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import contract, lexicon
from .lexicon import (
    ACRONYM_STOPWORDS,
    BAND_MEMBER_NOUNS,
    CHART_NOUNS,
    CLUB_CONTEXT_NOUNS,
    COMPASS_WORDS,
    CREATOR_NOUNS,
    DASHES,
    GENERIC_PLACE_WORDS,
    LAW_WORDS,
    MATCH_RESULT_NOUNS,
    MATCH_VERBS,
    MEDIA_NOUNS,
    MUSIC_ACT_NOUNS,
    NAME_CONNECTORS,
    NAME_PARTICLES,
    ORG_HEAD_WORDS,
    ORG_SUFFIXES,
    PARTY_WORDS,
    PERSON_CUE_NOUNS,
    PERSON_NOUNS,
    PLACE_NOUNS,
    PLACE_PREPOSITIONS,
    PLAYED_FOR_NOUNS,
    PRODUCT_NOUNS,
    RENAME_VERBS,
    RESULT_PREPOSITIONS,
    SPEECH_VERBS,
    STATE_NAME_WORDS,
    TIME_ZONES,
    TITLE_SMALL_WORDS,
    WORK_NOUNS,
)
from .nlp import body_sentences, doc_text, sentences, token_columns
from .rules import active, rule

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
"""Entity labels that make actors."""

DATE_WORDS = frozenset(w.casefold() for w in (*lexicon.WEEKDAYS, *lexicon.MONTH_NAMES))
"""Weekday and month names: "on Thursday" glued to a name is cut off."""

TIE_ORDER = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC")
"""Which type wins a tied vote (a group that acts is settled before the vote)."""

AGENT_VERBS = lexicon.ACTING_VERBS
"""Lemmas of verbs whose subject acts or speaks: used to tell a group from a place."""

CONNECTORS = NAME_CONNECTORS
ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})
COMMON_WORD_ZIPF = 4.0  # wordfreq Zipf frequency above which a lowercase word is common


@lru_cache(maxsize=1 << 16)
def _everyday(word: str) -> bool:
    """A frequent English word (Zipf frequency of ``word`` at least
    :data:`COMMON_WORD_ZIPF`); ``word`` is given in lower case. Kept per word:
    several evidence tests ask for the same words of every mention.

    Example:
        >>> _everyday("house"), _everyday("zanzibar")
        (True, False)
    """
    from wordfreq import zipf_frequency  # imported when first needed: it is slow to load

    return zipf_frequency(word, "en") >= COMMON_WORD_ZIPF


# --------------------------------------------------------------------------- data model


@dataclass
class Mention:
    """One mention of an actor in the body text.

    Attributes:
        text: the mention as written; always ``doc.text[start_char:end_char]``.
        start_char: offset of the first character in ``doc.text``.
        end_char: offset after the last character.
        sentence: index of the sentence in ``list(doc.sents)``.
        label: the model's label after boundary repair ("" for the second part
            of a split entity, which gets no vote of its own).
    """

    text: str
    start_char: int
    end_char: int
    sentence: int
    label: str = ""


@dataclass
class Actor:
    """A real-world actor: every mention of one person, organisation or place.

    Attributes:
        name: the canonical name: the fullest form in the text, or for a known
            country its preferred English name (``data/countries.tsv``), so
            that the same country has one name across articles.
        type: one of PERSON, ORG, GPE, NORP, LOC, FAC (see the module docs).
        description: the role, from the first title or apposition found.
        aliases: every surface form, in order of first appearance.
        mentions: the mentions in the body, sorted by ``start_char``.
        descriptions: every distinct role found, in text order.
        labels: how often the model gave each label to the mentions.
        source: how the actor was found: ``model`` when the model tagged some
            mention, else the recall rule that found its first mention
            (``recall-speaker``, ``recall-age`` ...), so that a reader can
            keep or drop the names the model missed.
    """

    name: str
    type: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)
    source: str = "model"


@dataclass
class _Candidate:
    """A repaired entity span with what the rules need to know about it."""

    start: int  # token offsets in the doc
    end: int
    label: str
    sentence: int
    description: str = ""
    group_plural: bool = False
    agent: bool = False
    org_clue: bool = False
    neuter: bool = False
    forced: str = ""  # a type fixed by a boundary rule (FAC)
    key: str = ""  # name_key of the text
    titled: bool = False  # right after an honorific ("Mr", "Dr", "Col")
    person_cue: bool = False  # a person's title, apposition or age goes with it
    work: bool = False  # written as the title of a work ("the film X")
    conj_label: str = ""  # the one label of the entities it is coordinated with
    which: bool = False  # followed by ", which"
    guess: str = ""  # for a recalled name, the type its evidence suggests
    place_prep: bool = False  # "in [X]", "Ann Lee, from [X]"
    speaker: bool = False  # the subject of a speech verb ("[X] said")
    club: bool = False  # read as a sports team ("[X] striker", "beat [X]", "[X] 2-1")
    product: bool = False  # written as a made thing ("its [X] console", "Acme's [X]")
    possessor: bool = False  # owns something ("[X]'s chief")
    source: str = "model"  # "model", or the recall rule that added it
    place_noun: bool = False  # modifies a word for a place ("[X] province")
    plural_subject: bool = False  # a singular name with a plural verb ("[X] were", "[X] have")
    gendered: bool = False  # its clause goes on with "he" or "she" ("[X] said he ...")
    people_list: bool = False  # person-shaped, listed only with people ("Ann Lee and [X Y]")
    band: bool = False  # read as a music act ("[X] frontman", "[X], the two biggest bands")
    chart_owner: bool = False  # owns a chart ("[X]'s singles chart"): its publisher
    set_score: bool = False  # two set scores follow it ("[X] 6-4 6-3"): a player
    match_report: bool = False  # the article reports team sport (club words and a score)
    in_place: bool = False  # after "in", "at", "near", "outside" ("in [X]")
    work_cue: bool = False  # a work's part, star or owner names it ("episodes of [X]")
    product_use: bool = False  # a kind of made thing ("[X] games", "[X] and MP3 players")
    maker: bool = False  # the doer after a passive verb ("made by [X]")
    stars: bool = False  # acts in a work ("starring [X]")
    everyday: bool = False  # made only of everyday words ("Gold Dust")
    title_possessive: bool = False  # "[X]'s Shoes": its "'s" is part of a title
    group_noun: bool = False  # one name right after a plural noun ("auditors [X]")
    org_prefix: bool = False  # begins with an acronym tagged as an organisation ("[NBC Harbour] Sport")
    org_named: bool = False  # "a firm called [X]", "the [X] newspaper" (a person-tagged modifier)
    traded: bool = False  # what shares or a stake are held in ("shares in [X]", "a unit of [X]")
    acronym: bool = False  # written as capitals only, no full stops ("KNA", "NTB")
    after_the: bool = False  # one singular person-tagged word after "the" ("the [Louvre] said")
    employer: bool = False  # "an analyst at [X]", "a spokesman for [X]"
    newspaper: bool = False  # "the [Sunday Courier]": "the" and a name ending in a newspaper word
    address: bool = False  # "of [X], <known place>": the first part of a written address
    award_for: bool = False  # what an award is given for ("the prize for [X]")
    org_list: bool = False  # "Given Surname" listed after organisation nouns ("studios such as [X]")
    owned_part: bool = False  # a percentage of it is owned ("owns 15 pct of [X]")
    listed_org: bool = False  # in a list after a plural organisation noun ("firms [X] and Y")


# --------------------------------------------------------------------------- word lists


def roles() -> dict[str, str]:
    """Title words and their kind (``role``, ``honorific``, ``modifier``): :func:`lexicon.title_words`."""
    return lexicon.title_words()


facility_nouns = lexicon.facility_nouns
org_nouns = lexicon.org_nouns


@cache
def country_keys() -> dict[str, str]:
    """Normalised country name or variant -> ISO code, from ``data/countries.tsv``."""
    return {name_key(name): code for code, names in lexicon.countries() for name in names}


@cache
def _country_prefixes() -> frozenset[str]:
    """Every beginning of a country key without its dots, and of "the": a
    word starts a country's name only if its own folded, dotless form is one.

    Example:
        >>> "u" in _country_prefixes(), "us" in _country_prefixes(), "usx" in _country_prefixes()
        (True, True, False)
    """
    keys = [k.replace(".", "") for k in country_keys()] + ["the"]
    return frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


def _may_start_country(word: str) -> bool:
    """Whether a token's text can begin a country name (:func:`_country_prefixes`)."""
    first = word.split()[0] if word.strip() else word
    return first.replace("’", "'").replace("‘", "'").casefold().replace(".", "") in _country_prefixes()


@cache
def country_names() -> dict[str, str]:
    """ISO code -> preferred English name (the first name in ``data/countries.tsv``)."""
    return {code: names[0] for code, names in lexicon.countries()}


def country_name(forms: list[str]) -> str | None:
    """The preferred name of the one country all ``forms`` name, else None.

    Example:
        >>> country_name(["U.K.", "Britain"])
        'United Kingdom'
    """
    keys = country_keys()
    codes = {keys.get(name_key(f)) for f in forms}
    if len(codes) == 1 and None not in codes:
        return country_names()[codes.pop()]
    return None


# --------------------------------------------------------------------------- small helpers


def name_key(text: str) -> str:
    """The key under which spelling variants of a name meet.

    Case, curly apostrophes, dots in initialisms and a leading "the" do not count.

    Example:
        >>> name_key("the U.K.’s"), name_key("UK's")
        ("uk's", "uk's")
    """
    return _name_key(text)


_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?(?:'s)?")


@lru_cache(maxsize=1 << 16)
def _name_key(text: str) -> str:
    """:func:`name_key`, computed once per distinct text (names recur)."""
    text = text.replace("’", "'").replace("‘", "'")
    words = []
    for w in text.split():
        if _INITIALISM_RE.fullmatch(w):
            w = w.replace(".", "")
        words.append(w.casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]  # "actresses", "businesses"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _party(key: str) -> str:
    """The party a name key stands for ("tories" -> "conservative"), or "".

    Example:
        >>> _party("tories"), _party("labour party"), _party("acme")
        ('conservative', 'labour', '')
    """
    words = key.split()
    if len(words) > 1 and words[-1] == "party":
        words = words[:-1]
    words = words[:-1] + [_singular(words[-1])] if words else words
    return PARTY_WORDS.get(" ".join(words), "")


@cache
def _party_first_words() -> frozenset[str]:
    """The first words of the party names ``lexicon.PARTY_WORDS`` knows, or of
    their singular: a name of a party starts with one."""
    return frozenset(key.split()[0] for key in PARTY_WORDS)


def _is_ticker(text: str) -> bool:
    """A wire stock code: a few capitals, maybe with an exchange suffix ("AXP", "BRN.N")."""
    return re.fullmatch(r"[A-Z]{1,6}(?:\.[A-Z]{1,2})?>?", text) is not None


def _is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w]
    caps = [w for w in words if w.casefold() not in ACRONYM_STOPWORDS]
    if len(caps) < 2 or not all(w[:1].isupper() for w in caps):
        return ""
    return "".join(w[0] for w in caps).casefold()


def _role_kind(tok: Token) -> str:
    return roles().get(tok.lower_, "")


def _is_connector(tok: Token) -> bool:
    return tok.lower_ in CONNECTORS or tok.text in DASHES or tok.dep_ == "case"


def _words(key: str) -> list[str]:
    return key.split()


def _strip_particle(word: str) -> str:
    for p in NAME_PARTICLES:
        if word.startswith(p) and len(word) > len(p):
            return word[len(p):]
    return word


# --------------------------------------------------------------------------- boundary repair


def _listed_portfolio(ent: Span) -> bool:
    """An organisation named by a list of portfolios: "Ministry of Farming,
    Fisheries and Food" (a comma after "of ...", then "and"): its commas do not
    separate names."""
    words = [t.lower_ for t in ent]
    if ent.label_ != "ORG" or "of" not in words and "for" not in words or "," not in words:
        return False
    comma = words.index(",")
    return any(w in {"of", "for"} for w in words[:comma]) and "and" in words[comma:]


def _split_glued(ent: Span) -> list[tuple[int, int]]:
    """Token ranges of an entity split at spaced dashes and commas (not the
    commas of a list of portfolios, :func:`_listed_portfolio`)."""
    doc = ent.doc
    words = token_columns(doc)["text"][ent.start:ent.end]
    if not any(w in DASHES or w in {",", ";", "(", ")", "[", "]"} for w in words):
        return [(ent.start, ent.end)] if ent.end > ent.start else []  # nothing to split at
    parts, start = [], ent.start
    portfolio = _listed_portfolio(ent)
    for tok in ent:
        spaced_dash = (tok.text in DASHES and tok.i > ent.start
                       and doc[tok.i - 1].whitespace_ and tok.whitespace_)
        if spaced_dash or (tok.text == "," and not portfolio) or tok.text in {";", "(", ")", "[", "]"}:
            parts.append((start, tok.i))
            start = tok.i + 1
    parts.append((start, ent.end))
    return [(s, e) for s, e in parts if e > s]


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop determiners, possessives, a leading adverb or conjunction,
    punctuation, wire ticker codes ("<ACME>"), leading honorifics and (for
    people) leading titles."""
    cols = token_columns(doc)
    text, lower, tag = cols["text"], cols["lower"], cols["tag"]  # fewer Tokens built
    bracketed = start > 0 and text[start - 1].endswith("<")
    for i in range(start, end):
        if "<" in text[i] or ">" in text[i]:
            bracketed = bracketed or ">" in text[i]
            if i > start:
                end = i
                break
            start = i + 1
    if bracketed and end - start == 1 and _is_ticker(doc[start].text):
        return start, start  # a stock code ("<ACME>"), not a name
    while start < end and (tag[start] in {"DT", "PRP$"} or doc[start].is_punct
                           or doc[start].is_space or (tag[start] in {"RB", "CC", "UH"}
                                                      and doc[start].is_alpha and end - start > 1)):
        start += 1  # "the", "its", and an adverb glued on: "[Nevertheless Acme] said"
    for i in range(start + 1, end - 1):
        if lower[i] in {"on", "in", "at", "last", "next", "this"} and lower[i + 1] in DATE_WORDS:
            end = i  # "[Harbour Board on Monday]": a date glued on
            break
    if end > start + 1 and (re.fullmatch(r"\d+-\d+", text[end - 1]) or (
            doc[end - 1].is_digit and end + 1 < len(doc) and doc[end].text in DASHES
            and doc[end + 1].is_digit)):
        end -= 1  # a score glued to a team: "Rovers 2-1"
    while end > start and (tag[end - 1] == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].is_space or lower[end - 1] in {"'s", "’s"}
                           or doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}):
        end -= 1
    i = start
    if label == "PERSON":
        while i < end - 1 and (_role_kind(doc[i]) or _is_connector(doc[i])
                               or (doc[i].lower_ in PERSON_CUE_NOUNS and doc[i].text[:1].isupper()
                                   and doc[i + 1].text[:1].isupper())):
            i += 1  # "Foreign Minister Jane Roe", "Novelist Jane Roe"
    while i < end - 1 and _role_kind(doc[i]) == "honorific":
        i += 1
    return i, end


def _only_titles(span: Span) -> bool:
    """Every word a title word (:func:`_role_kind`) or a connector
    (:func:`_is_connector`), read from the token columns: no Token is built."""
    cols, kinds = token_columns(span.doc), roles()
    text, lower, dep = cols["text"], cols["lower"], cols["dep"]
    return all(kinds.get(lower[i], "") or lower[i] in CONNECTORS or text[i] in DASHES
               or dep[i] == "case" for i in range(span.start, span.end))


def _sent_of(doc: Doc, i: int) -> Span:
    """The sentence that holds token ``i``, as ``Span.sent`` and ``Token.sent``
    give it, from sentence starts kept once per doc (plain ints): spaCy's own
    lookup checks the whole doc for sentence annotation on every call."""
    starts = doc.user_data.get("actor_sentence_starts")
    if starts is None or starts[-1] != len(doc):
        starts = [sent.start for sent in sentences(doc)] + [len(doc)]
        doc.user_data["actor_sentence_starts"] = starts
    k = bisect.bisect_right(starts, i) - 1
    return Span(doc, starts[k], starts[k + 1])


def _first_word(sent: Span) -> int:
    first = sent.start
    while first < sent.end and (sent.doc[first].is_punct or sent.doc[first].is_space):
        first += 1
    return first


def _lowercase_words(doc: Doc) -> dict[str, int]:
    """Every word the text writes in lower case, with the singular of plurals
    (cached on the doc): a capitalised word also used so is a common word here.

    A dict used as a set (words to 1, sorted), so the Doc still serialises.
    """
    cached = doc.user_data.get("actor_lowercase_words")
    if cached is None:
        words = {text for text in set(token_columns(doc)["text"]) if text.islower() and text.isalpha()}
        cached = dict.fromkeys(sorted(words | {_singular(w) for w in words}), 1)
        doc.user_data["actor_lowercase_words"] = cached
    return cached


def _common_here(tok: Token) -> bool:
    """A common word: frequent in English, or written in lower case elsewhere
    in the same text ("Wayfarer permits are ..." after "a wayfarer permit")."""
    if _is_acronym(tok.text):
        return False  # "UK", "BBC": written in capitals, a name
    lower = _lowercase_words(tok.doc)
    if tok.lower_ in lower or _singular(tok.lower_) in lower:
        return True
    return _everyday(tok.lower_)


def _looks_common(span: Span, sent: Span) -> bool:
    """A single capitalised sentence-initial common word not tagged as a proper
    noun: frequent in English, written in lower case elsewhere in the text, or
    tagged as a plural common noun, a verb form or an adverb ("Shortfalls in
    ...", "Struggling with ...")."""
    if len(span) != 1:
        return False
    tok = span[0]
    first = sent.start
    while first < sent.end and (sent.doc[first].is_punct or sent.doc[first].is_space):
        first += 1
    if tok.i != first or tok.tag_ in {"NNP", "NNPS"} or _is_acronym(tok.text):
        return False
    return tok.tag_ in {"NNS", "VBG", "VBN", "VBD", "RB"} or _common_here(tok)


def _is_adjectival(span: Span) -> bool:
    """Used as an adjective: it modifies a noun after it, also as a later item of
    a list ("French and [English] clubs"), or is a predicate ("they are [Italian]")."""
    root = span.root
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ in ADJECTIVAL_DEPS and first.head.i > first.i:
        return True
    return root.dep_ == "acomp" or (root.dep_ == "attr" and root.tag_ == "JJ")


def _is_plural_group(span: Span) -> bool:
    """'the Xs' or "Country's Xs": a plural name read as a person."""
    if len(span) != 1:
        return False
    tok = span[0]
    word = tok.text
    if not (word.endswith("s") and not word.endswith("ss")) and tok.tag_ != "NNPS":
        return False
    if tok.i == 0:
        return tok.tag_ == "NNPS"
    prev = tok.doc[tok.i - 1]
    return prev.lower_ == "the" or prev.tag_ == "POS" or tok.tag_ == "NNPS"


def _is_agent(span: Span) -> bool:
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in AGENT_VERBS


def _org_clue(span: Span, label: str) -> bool:
    """In apposition to an organisation noun ("the armed group X"), right after
    one that modifies it ("software giant X"), a person-tagged name followed
    by one ("the X militia"), or "the X magazine" / "the X band" whatever the
    tag (a place or nationality word naming a publication or a band). A
    noun for a few people before names coordinated with a person's ("the duo
    [Ann Lee] and Tom Ide") is no clue: it is the people together."""
    root, nouns = span.root, org_nouns()
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.is_lower and head.lower_ in nouns:
        return True
    if _has_child(span.doc, root.i, "appos") and any(
            c.dep_ == "appos" and c.i >= span.end and c.is_lower and c.lower_ in nouns
            for c in root.rights):
        return True  # "[X], the city's oldest rugby club"
    if any(t.is_lower and _singular(t.lower_) in nouns for t in _list_nouns(span)):
        return True  # "labels such as [X]", "firms like X and [Y]"
    if (root.dep_ == "conj" and head.i < span.start and head.is_lower and head.tag_ == "NN"
            and head.lower_ in nouns and label != "NORP"):
        return True  # "the rugby club and twice winner [X]" (one thing, two descriptions)
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if (prev.is_lower and prev.lower_ in nouns and prev.head.i in range(span.start, span.end)
                and not _few_people_before_names(prev, root)):
            return True
    if not (root.dep_ == "compound" and head.i == span.end and head.is_lower):
        return False
    if label == "PERSON":
        return head.lower_ in nouns
    return (label in {"GPE", "NORP"} and head.lower_ in MEDIA_NOUNS
            and span.start > 0 and span.doc[span.start - 1].lower_ == "the")


def _few_people_before_names(noun: Token, root: Token) -> bool:
    """A noun for a few people ("duo", "trio"; ``lexicon.FEW_PEOPLE_NOUNS``)
    before a name coordinated with another name the model read as a person's:
    "the duo [Ann Lee] and Tom Ide" names two people, not two bands.

    Example:
        >>> from toolkit.nlp import load_model
        >>> doc = load_model()("Rowing duo Tomas Vrbanek and Ann Lee won gold.")
        >>> _few_people_before_names(doc[1], doc[3])
        True
    """
    return noun.lower_ in lexicon.FEW_PEOPLE_NOUNS and any(
        c.ent_type_ == "PERSON" for c in root.conjuncts)


def _given_name_listed_as_org(span: Span, label: str) -> bool:
    """A person-tagged name written "Given Surname" in a list introduced by a
    plural organisation noun: "major studios, such as Acme Films and [Dora
    Lane]", "firms like Velmar and [Ann Lefroy]" (:func:`_list_nouns`)."""
    if label != "PERSON":
        return False
    nouns = _list_nouns(span)  # kept per doc, and mostly none: asked before the name's form
    return bool(nouns) and _given_name_first(name_key(span.text)) and any(
        t.is_lower and t.tag_ == "NNS" and _singular(t.lower_) in org_nouns() for t in nouns)


def _is_neuter(span: Span) -> bool:
    """The subject of a verb whose clause goes on with "it" ("X said it would
    ...") or, for a verb other than one of speech, whose clause goes on with
    "its" with no other name or organisation noun between ("X closed
    its oldest factory")."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    verb, doc = root.head, span.doc
    if not _words_under(verb, {"it", "its"}):
        return False  # no "it" or "its" anywhere in the verb's clause
    its = _first_under(verb, {"its"}, start=span.end)
    if its is not None and verb.lemma_ not in SPEECH_VERBS and not any(
            t.ent_type_ in ACTOR_TYPES or t.is_quote or t.lower_ in org_nouns()
            for t in doc[span.end:its.i]):
        return True  # not "X said its ...": a spokesman speaks of the company
    for clause in verb.children:
        if clause.dep_ in {"ccomp", "conj", "xcomp"}:
            between = doc[min(verb.i, clause.i):max(verb.i, clause.i)]
            if any(t.is_quote or t.text == ":" for t in between):
                continue  # "X said: 'it is ...'" quotes someone, it does not refer back
            if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children):
                return True
    return False


def _words_under(head: Token, words: Collection[str]) -> bool:
    """Some word of ``words`` (lower case) lies between the edges of ``head``'s
    subtree: a test on the doc's token columns that can rule out a walk of
    the subtree's Tokens."""
    lower = token_columns(head.doc)["lower"]
    return any(w in words for w in lower[head.left_edge.i:head.right_edge.i + 1])


def _first_under(head: Token, words: Collection[str], *, start: int, dep: str = "") -> Token | None:
    """The first token of ``head``'s subtree (in ``Token.subtree`` order) at
    ``start`` or after whose lower form is one of ``words`` (and whose
    dependency is ``dep``, if given), found on the doc's token columns: only
    the tokens between the subtree's edges that match are followed up their
    heads, and the subtree's Tokens are walked only when two or more match.
    """
    cols = token_columns(head.doc)
    lower, deps, heads = cols["lower"], cols["dep"], cols["head"]
    hits = []
    for i in range(max(start, head.left_edge.i), head.right_edge.i + 1):
        if lower[i] in words and (not dep or deps[i] == dep):
            j = i
            while j != head.i and heads[j] != j:
                j = heads[j]
            if j == head.i:
                hits.append(i)
    if len(hits) > 1:  # the order of a subtree whose arcs cross is not the text's
        return next(t for t in head.subtree if t.i in hits)
    return head.doc[hits[0]] if hits else None


def _entities(doc: Doc) -> list[list]:
    """``[start, end, label, text]`` of every entity of the doc, read once per
    doc: ``doc.ents`` builds every entity Span on each access. Plain ints and
    strings, so the Doc still serialises."""
    cached = doc.user_data.get("actor_entities")
    if cached is None:
        text = doc_text(doc)
        cached = [[e.start, e.end, e.label_, text[e.start_char:e.end_char]] for e in doc.ents]
        doc.user_data["actor_entities"] = cached
    return cached


def _known_names(doc: Doc) -> dict[str, int]:
    """Keys of the actor-type entities of the whole doc (cached on the doc as a
    dict used as a set, so the Doc still serialises)."""
    cached = doc.user_data.get("actor_known_names")
    if cached is None:
        cached = dict.fromkeys(sorted({name_key(text) for _, _, label, text in _entities(doc)
                                       if label in ACTOR_TYPES}), 1)
        doc.user_data["actor_known_names"] = cached
    return cached


def _work_names(doc: Doc) -> dict[str, int]:
    """Keys of the names the model tagged as titles of works anywhere in the doc,
    at least as often as it tagged them as actors (one stray WORK_OF_ART tag on
    a person named five times does not make a title)."""
    cached = doc.user_data.get("actor_work_names")
    if cached is None:
        tags = Counter((name_key(text), label == "WORK_OF_ART")
                       for _, _, label, text in _entities(doc)
                       if label == "WORK_OF_ART" or label in ACTOR_TYPES)
        cached = dict.fromkeys(sorted({k for k, work in tags
                                       if work and tags[k, True] >= tags[k, False]}), 1)
        doc.user_data["actor_work_names"] = cached
    return cached


def _nationality_word(tok: Token) -> bool:
    """Tagged NORP somewhere in the doc, or an adjective (as "Kenyan" is)."""
    if tok.tag_ == "JJ":
        return True
    # doc.ents builds every entity span on each call: the NORP texts are kept
    # once per doc (a tuple of strings, so the Doc still serialises).
    norp = tok.doc.user_data.get("actor_norp_texts")
    if norp is None:
        norp = tuple(sorted({text for _, _, label, text in _entities(tok.doc) if label == "NORP"}))
        tok.doc.user_data["actor_norp_texts"] = norp
    return tok.text in norp


def _is_titled(span: Span) -> bool:
    """Right after an honorific: "Mr [Hague]", "Col [North]"."""
    return span.start > 0 and _role_kind(span.doc[span.start - 1]) == "honorific"


def _is_person_noun(tok: Token) -> bool:
    return tok.lower_ in PERSON_CUE_NOUNS


def _has_person_cue(span: Span) -> bool:
    """A person's title or apposition goes with the name, or an age follows it.

    "presenter [Tess Daly]", "[Ann Lee], an early team member", "[Ann Lee], 27,".
    """
    doc, root = span.doc, span.root
    if span.start > 0:
        prev = doc[span.start - 1]
        if _is_person_noun(prev) and (prev.head.i in range(span.start, span.end)
                                      or root.head.i == prev.i):
            return True
        if (prev.tag_ == "NNS" and _singular(prev.lower_) in PERSON_CUE_NOUNS
                and any(c.dep_ == "conj" for c in root.children)):
            return True  # "actresses [Ann Lee] and Tam Roe" ("analysts [Acme]" is a firm)
    for child in root.rights if _has_child(doc, root.i, "appos") else ():
        if child.dep_ == "appos" and child.i >= span.end and _is_person_noun(child):
            return True
    return (span.end + 2 < len(doc) and doc[span.end].text == ","
            and doc[span.end + 1].like_num and len(doc[span.end + 1].text) <= 2
            and doc[span.end + 2].text in {",", ")"})


def _is_work_title(span: Span) -> bool:
    """Written as the title of a work: "the film [X]", "his [X] single", quoted,
    tagged as one (WORK_OF_ART) elsewhere in the article, part of a title
    phrase ("Beyond the [X]") or capitalised like one ("Meet The Neighbours")."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    works = _work_names(doc)  # mostly none: the name's text is read only when there are some
    if works and name_key(span.text) in works or _in_title_phrase(span) or _title_shaped(span):
        return True
    if _listed_as_work(span) or _called_a_work(span) or _names_a_creators_work(span):
        return True
    if prev is not None and prev.is_lower and prev.lower_ in WORK_NOUNS and prev.pos_ == "NOUN":
        return True  # "the film [X]", not "they play [X]"
    if (prev is not None and prev.lower_ in {"like", "as"} and span.start > 1
            and _singular(doc[span.start - 2].lower_) in WORK_NOUNS):
        return True  # "films like [X]", "games such as [X]"
    if (after is not None and after.is_lower and after.lower_ in WORK_NOUNS
            and prev is not None and (prev.tag_ in {"PRP$", "POS"})):
        return True
    if (after is not None and after.tag_ == "NNS" and _is_work_noun(after)
            and prev is not None and prev.lower_ == "the" and span.root.head.i == after.i):
        return True  # a series: "the [X] films", "the [X] games"
    return (prev is not None and after is not None and prev.is_quote and after.is_quote
            and not prev.whitespace_)


def _is_work_noun(tok: Token) -> bool:
    return tok.is_lower and tok.pos_ == "NOUN" and (
        tok.lower_ in WORK_NOUNS or _singular(tok.lower_) in WORK_NOUNS
        or tok.lemma_ in WORK_NOUNS)  # "movies": the model's lemma, not "movy"


def _list_nouns(span: Span) -> list[Token]:
    """The common nouns that introduce the list a name is in: the noun before
    "such as", "like" or "including" ("TV shows such as X, Y and [Z]"), or
    the subject of "include" and its compounds ("her film roles include X
    and [Y]"). Every item of the list has them, not only the first. Five
    evidence tests ask for each mention: the answer is kept per doc, by the
    name's bounds (its root is found once), as token indices."""
    doc = span.doc
    found = token_columns(doc).setdefault("list_nouns", {})
    key = f"{span.start}:{span.end}"
    if key not in found:
        found[key] = [t.i for t in _find_list_nouns(span.root)]
    return [doc[i] for i in found[key]] if found[key] else []


def _find_list_nouns(root: Token) -> list[Token]:
    """:func:`_list_nouns` of the name whose root is ``root``, found in the parse."""
    first = root
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    head = first.head
    if first.dep_ == "pobj" and head.lower_ in {"as", "like", "including"}:
        owner = head.head.head if head.head.lower_ == "such" else head.head
        return [owner, owner.head] if owner.lower_ == "such" else [owner]
    if first.dep_ == "dobj" and head.lemma_ == "include":
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return [subj, *(c for c in subj.children if c.dep_ == "compound")]
    return []


def _listed_as_work(span: Span) -> bool:
    """In a list of works: "TV shows such as X, Y and [Z]", "her film roles
    include X and [Y]" (see :func:`_list_nouns`)."""
    return any(_is_work_noun(t) for t in _list_nouns(span))


def _names_a_creators_work(span: Span) -> bool:
    """Written before a creator noun and a person's name: "[X] author Ann Lee",
    "[Cold River] director Tam Roe". As "director" also follows companies,
    there the title must be made of everyday words ("Cold River", not
    "Acme")."""
    doc = span.doc
    if span.end + 1 >= len(doc):
        return False
    noun, after = doc[span.end], doc[span.end + 1]
    if not (noun.is_lower and noun.lower_ in CREATOR_NOUNS and after.ent_type_ == "PERSON"):
        return False
    if noun.lower_ != "director":
        return True
    return all(_everyday(t.lower_) for t in span if t.is_alpha)


def _called_a_work(span: Span) -> bool:
    """Said to be a work: in apposition to a work noun ("[X], her debut
    book, ..."), its subject with "be" ("[X] was a fine film") or what a work
    noun is ("the last film on the list is [X]")."""
    root = span.root
    for child in root.children if _has_child(span.doc, root.i, "appos") else ():
        if child.dep_ == "appos" and child.i >= span.end and _is_work_noun(child):
            return True
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        return any(c.dep_ == "attr" and _is_work_noun(c) for c in root.head.children)
    if root.dep_ == "attr" and root.head.lemma_ == "be":  # "the fourth book is [X]"
        return any(c.dep_ == "nsubj" and _is_work_noun(c) for c in root.head.children)
    return False


def _conjunct_label(span: Span) -> str:
    """ORG for a one-word person name coordinated only with organisations
    ("Aiwa, Sharp and [X]"), PERSON for a "Given Surname" tagged ORG and
    coordinated only with people ("Ann Lee, Tam Roe and [Eve Hart]"), else ""."""
    root = span.root
    kind = token_columns(span.doc)["ent"][root.i]
    if kind not in {"PERSON", "ORG"}:
        return ""  # the root's own type first: conjuncts are looked for only for these two
    if not _has_conjuncts(span.doc, root.i):
        return ""
    labels = {t.ent_type_ for t in root.conjuncts if t.ent_type_}
    if len(span) == 1 and labels == {"ORG"} and kind == "PERSON":
        return "ORG"
    if (labels == {"PERSON"} and kind == "ORG"
            and _given_name_first(name_key(span.text))):
        return "PERSON"
    return ""


def _person_shaped(key: str) -> bool:
    """Two or three words of letters, none an everyday English word, an
    organisation word or a place name, the whole no country: shaped like a
    person's full name ("kelani vesterby"; not "grain board", "real harwick").

    Example:
        >>> _person_shaped("tomas lefroy"), _person_shaped("harbour forum")
        (True, False)
    """
    words = key.split()
    if not 2 <= len(words) <= 3 or key in country_keys():
        return False
    places = lexicon.place_names()
    return all(w.replace("-", "").replace("'", "").isalpha() and w not in ORG_HEAD_WORDS
               and w not in ORG_SUFFIXES and w not in places and not _everyday(w)
               for w in words) and key not in places


def _listed_with_people(span: Span, label: str) -> bool:
    """A person-shaped name tagged ORG or GPE coordinated only with names the
    model tagged as people's ("Ann Lee and [Kelani Vesterby]")."""
    if label not in {"ORG", "GPE"} or not 2 <= len(span) <= 3:
        return False
    if not _has_conjuncts(span.doc, span.root.i):
        return False  # coordinated with nothing
    labels = {t.ent_type_ for t in span.root.conjuncts if t.ent_type_}
    return labels == {"PERSON"} and _person_shaped(name_key(span.text))


def _after_place_preposition(span: Span) -> bool:
    """The object of "in", "near" or "outside", or of a "from" set off after a
    person's name ("Ann Lee, from [X], said")."""
    root, doc = span.root, span.doc
    prep = root.head
    if root.dep_ != "pobj" or prep.i != span.start - 1:
        return False
    if prep.lower_ in {"in", "near", "outside"}:
        return True
    return (prep.lower_ == "from" and prep.i >= 2 and doc[prep.i - 1].text == ","
            and doc[prep.i - 2].ent_type_ == "PERSON")


def _before_which(span: Span) -> bool:
    doc = span.doc
    return (span.end + 1 < len(doc) and doc[span.end].text == ","
            and doc[span.end + 1].lower_ == "which")


PLURAL_VERB_TAGS = frozenset({"VBP"})
"""Tags of a present-tense verb that agrees with a plural subject ("are", "have", "say")."""


def _is_plural_subject(span: Span) -> bool:
    """A singular-looking name that is the subject of a plural verb: "[X] were
    signed", "[X] have been linked", "[X] are top". A person never takes a
    plural verb; a band, a team or a company in British usage does.

    Coordinated subjects ("X and Y were") and names that look plural ("the
    Kurds are") do not count.
    """
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"} or _has_child(span.doc, root.i, "conj"):
        return False
    if span[-1].lower_.endswith("s") and not span[-1].lower_.endswith("ss"):
        return False
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and (nxt.text == "," and span.end + 1 < len(span.doc)
                            and span.doc[span.end + 1].ent_type_ == "PERSON" or nxt.pos_ == "CCONJ"):
        return False  # the first of a list of names ("[X], Ann Lee and Tom Ide were")
    if _last_of_name_list(span):
        return False  # "Ann Lee and [X] were": the parser may hang the verb on the last name
    verb = root.head
    words = [verb] + [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return any(w.tag_ in PLURAL_VERB_TAGS or w.lower_ == "were" for w in words)


def _last_of_name_list(span: Span) -> bool:
    """The last of coordinated names: "and" or "&" right before it and a
    capitalised name word (a proper noun, a word the model tagged) before
    that ("Ann Lee and [Tom Ide]", "Acme & [Velmar]")."""
    doc, i = span.doc, span.start
    if i < 2 or doc[i - 1].lower_ not in {"and", "&"}:
        return False
    prev = doc[i - 2]
    return prev.text[:1].isupper() and (prev.tag_ in {"NNP", "NNPS"} or bool(prev.ent_type_))


def _is_speaker(span: Span) -> bool:
    """The subject of a speech verb: "[X] said", "[X] told reporters"."""
    root = span.root
    return root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ in SPEECH_VERBS


SCORE_RE = re.compile(r"\d+-\d+")
"""A score written as one word: "2-1"."""


def _is_club(span: Span) -> bool:
    """Read as a sports team: it modifies a word of team sport ("[X] striker",
    "the [X] fans"), is the subject or object of a match verb ("[X] beat ...",
    "... drew with [X]", "they play [X]"; not a place that hosts an event,
    "[X] hosted the race"), a score follows it ("[X] 2-1"), or
    a player moves to or from it ("signed for [X]", "joined [X] from [Y]")."""
    root, doc = span.root, span.doc
    head = root.head
    if (root.dep_ in {"compound", "nmod", "poss"} and head.i >= span.end and head.is_lower
            and head.lower_ in CLUB_CONTEXT_NOUNS):
        return True
    verb = head.head if root.dep_ == "pobj" and head.lower_ == "with" else head
    if root.dep_ in {"nsubj", "dobj", "pobj"} and verb.lemma_ in MATCH_VERBS:
        return not _hosts_an_event(root, verb)
    return span.end < len(doc) and _score_at(doc, span.end, len(doc)) or _transfer_club(span)


def _score_at(doc: Doc, i: int, end: int) -> bool:
    """A score starts at token ``i``, within tokens before ``end``: one token
    ("2-1") or a digit, a dash and a digit ("2 - 1")."""
    return bool(SCORE_RE.fullmatch(token_columns(doc)["text"][i])) or (
        i + 2 < end and doc[i].is_digit and doc[i + 1].text in DASHES and doc[i + 2].is_digit)


def _hosts_an_event(root: Token, verb: Token) -> bool:
    """The subject of "host" whose object is a common noun: "[X] hosted the
    race", "[X] will host the summit". A place hosts an event; a club hosts
    another side, a name ("[X] host Harwick on Saturday")."""
    if verb.lemma_ != "host" or root.dep_ != "nsubj":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.pos_ == "NOUN" and o.is_lower for o in objects)


SET_SCORES_RE = re.compile(r"\s*\d{1,2}-\d{1,2}(?:\s*\(\d{1,2}-\d{1,2}\))?\s+\d{1,2}-\d{1,2}")
"""Two scores in a row, the first perhaps with a tie-break: "6-4 6-3", "7-6 (7-4) 6-3"."""


def _set_scores_after(span: Span) -> bool:
    """Two or more scores follow the name, as the sets of a match between two
    players do ("[X] 6-4 6-3", "beat [X] 7-6 (7-4) 7-5"), or the name beat
    someone by them ("[X] beat Ann Lee 6-4 6-3"); a team's result is one
    score ("[X] 2-1").

    Example:
        >>> bool(SET_SCORES_RE.match(" 7-6 (7-4) 6-3")), bool(SET_SCORES_RE.match(" 2-1 win"))
        (True, False)
    """
    doc, root = span.doc, span.root
    if SET_SCORES_RE.match(doc_text(doc), span.end_char, span.end_char + 40) is not None:
        return True
    # the winner: "[X] beat Ann Lee 6-4 6-3"
    return (root.dep_ == "nsubj" and root.head.lemma_ in MATCH_VERBS
            and SET_SCORES_RE.search(doc_text(doc), span.end_char,
                                     _sent_of(doc, root.i).end_char) is not None)


MATCH_REPORT_CLUB_WORDS = 3
"""Distinct words of team sport (``CLUB_CONTEXT_NOUNS``) an article uses when
it reports team sport."""


def _match_report(doc: Doc) -> bool:
    """The article reports team sport: it uses at least three distinct words of
    team sport ("striker", "fans", "side", ...) and gives a score ("2-1").
    Cached on the doc."""
    cached = doc.user_data.get("actor_match_report")
    if cached is None:
        cols = token_columns(doc)
        words = {lower for text, lower in zip(cols["text"], cols["lower"], strict=True)
                 if lower in CLUB_CONTEXT_NOUNS and text.islower()}
        # the text is searched for a score only when the words are there
        cached = len(words) >= MATCH_REPORT_CLUB_WORDS and re.search(
            r"\b\d{1,2}\s?-\s?\d{1,2}\b", doc_text(doc)) is not None
        doc.user_data["actor_match_report"] = cached
    return cached


def _transfer_club(span: Span) -> bool:
    """Named as a club a player moves to or from: "signed for [X]", "joined
    [X] from [Y]" (both clubs)."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ == "sign":
        return True
    if root.dep_ == "dobj" and head.lemma_ == "join":
        return any(c.dep_ == "prep" and c.lower_ == "from" for c in head.children)
    return (root.dep_ == "pobj" and head.lower_ == "from" and head.head.lemma_ == "join"
            and any(c.dep_ == "dobj" for c in head.head.children))


def _is_band(span: Span) -> bool:
    """Read as a music act: it modifies a word for a band member ("[X]
    frontman Ann Lee", "[X]'s drummer"; ``BAND_MEMBER_NOUNS``) or is in
    apposition to a word for an act ("[X] and [Y] - the two biggest bands",
    "the rock band the [X]"; ``MUSIC_ACT_NOUNS``). A place or country name before "singer" ("a
    Harwick singer") names a home, not a band, and is left out."""
    root, doc = span.root, span.doc
    head = root.head
    if (head.i >= span.end and root.dep_ in {"compound", "nmod", "poss"} and head.is_lower
            and head.lower_ in BAND_MEMBER_NOUNS
            and all(t.tag_ == "POS" for t in doc[span.end:head.i])):
        key = name_key(span.text)
        return key not in lexicon.place_names() and key not in country_keys()
    if (span.start > 1 and doc[span.start - 1].lower_ == "the" and doc[span.start - 2].is_lower
            and doc[span.start - 2].lower_ in MUSIC_ACT_NOUNS):
        return True  # "rock band the [X]"
    return any(c.dep_ == "appos" and c.i >= span.end and c.is_lower and c.lower_ in MUSIC_ACT_NOUNS
               for c in root.rights)


def _owns_chart(span: Span) -> bool:
    """Owns a chart: "[X]'s singles chart", "[X]'s album chart" (``CHART_NOUNS``)."""
    root = span.root
    return root.dep_ == "poss" and root.head.is_lower and root.head.lower_ in CHART_NOUNS


def _is_place_modifier(span: Span) -> bool:
    """A name before a common word for a person (or any common word that is a
    title before a person's name), after "a" or led by a compass word: "a
    [Kentford] man", "[East Kentford] landowner Ann Lee" name a place."""
    root, doc = span.root, span.doc
    head = root.head
    if not (root.dep_ == "compound" and head.i == span.end and head.is_lower
            and (head.lower_ in PERSON_NOUNS
                 or (head.i + 1 < len(doc) and doc[head.i + 1].ent_type_ == "PERSON"))):
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    return (prev is not None and prev.lower_ in {"a", "an"}) or span[0].lower_ in COMPASS_WORDS


def _has_child(doc: Doc, i: int, dep: str) -> bool:
    """Whether token ``i`` has a child of relation ``dep`` ("poss": "Acme's"
    in "Acme's [X]"; "conj"), from a list per relation kept with the doc's
    token columns (plain bools): most names have none, and no Token is built
    to say so."""
    cols = token_columns(doc)
    found = cols.get(f"has_{dep}")
    if found is None:
        found = cols[f"has_{dep}"] = [False] * len(cols["dep"])
        for j, (relation, head) in enumerate(zip(cols["dep"], cols["head"], strict=True)):
            if relation == dep and head != j:
                found[head] = True
    return found[i]


def _has_conjuncts(doc: Doc, i: int) -> bool:
    """Whether token ``i`` can have conjuncts: it is one or has one
    (``Token.conjuncts`` walks the parse to say so)."""
    return token_columns(doc)["dep"][i] == "conj" or _has_child(doc, i, "conj")


def _possessed_by_org(span: Span) -> bool:
    """Owned by an organisation and named like a thing: "Acme's [X]"."""
    if not _has_child(span.doc, span.root.i, "poss"):
        return False  # no owner at all: the cheapest test first
    return (any(c.dep_ == "poss" and c.ent_type_ == "ORG" and not span.start <= c.i < span.end
                for c in span.root.children)
            and span[-1].lower_ not in ORG_HEAD_WORDS | ORG_SUFFIXES)


def _is_product(span: Span) -> bool:
    """Written as a made thing: it modifies a product noun after a determiner, a
    possessive or an adjective ("the first [X] computer", "its [X] console"), or
    an organisation owns it ("Acme's [X]")."""
    doc, root = span.doc, span.root
    after = doc[span.end] if span.end < len(doc) else None
    prev = doc[span.start - 1] if span.start > 0 else None
    if (after is not None and after.is_lower and after.lower_ in PRODUCT_NOUNS
            and root.head.i == after.i and prev is not None
            and prev.tag_ in {"DT", "PRP$", "POS", "JJ", "VBG", "VBN", "CD"}
            and span.root.ent_type_ != "PERSON"):
        return True
    return span.root.ent_type_ != "PERSON" and _possessed_by_org(span)


def _title_shaped(span: Span) -> bool:
    """Capitalised like a title: a small word after the first is capitalised
    ("Meet The Neighbours", "Back To Harwick", "Drift Away"), as no person's
    or company's name is written."""
    if len(span) < 2:
        return False  # one word has no small word after the first
    cols = token_columns(span.doc)
    return any(text[:1].isupper() and len(text) > 1 and lower in TITLE_SMALL_WORDS
               for text, lower in zip(cols["text"][span.start + 1:span.end],
                                      cols["lower"][span.start + 1:span.end], strict=True))


def _in_title_phrase(span: Span) -> bool:
    """Part of a title: after a capitalised small word inside the sentence
    ("Beyond the [X]"), or set off by commas after a work noun ("the film,
    Under the [X],")."""
    i, sent = span.start - 1, _sent_of(span.doc, span.start)
    cols = token_columns(span.doc)
    text, lower = cols["text"], cols["lower"]
    while i >= sent.start and lower[i] in {"the", "a", "an", "of"}:
        i -= 1
    if (text[i][:1].isupper() and cols["tag"][i] in {"IN", "TO", "CC"}
            and lower[i] not in {"and", "of"} and i > _first_word(sent)):
        return True
    j = span.start - 1
    while j >= sent.start and span.start - j <= 4 and text[j] != ",":
        if not (text[j][:1].isupper() or lower[j] in {"the", "a", "an", "of"}):
            return False
        j -= 1
    return (j > sent.start and text[j] == "," and text[j - 1].islower()
            and lower[j - 1] in WORK_NOUNS)


def _before_place_noun(span: Span) -> bool:
    """Modifies a common noun for an administrative place: "[X] province", "the [X] region"."""
    root, doc = span.root, span.doc
    return (root.dep_ in {"compound", "nmod"} and root.head.i == span.end
            and doc[span.end].is_lower and doc[span.end].lower_ in PLACE_NOUNS)


# --------------------------------------------------------------------------- roles


# --------------------------------------------------------------------------- works and products


def _ent_span(tok: Token) -> Span | None:
    """The entity ``tok`` is part of, or None."""
    if not tok.ent_type_:
        return None
    doc, s, e = tok.doc, tok.i, tok.i + 1
    while s > 0 and doc[s].ent_iob_ == "I":
        s -= 1
    while e < len(doc) and doc[e].ent_iob_ == "I":
        e += 1
    return doc[s:e]


def _part_of_work(span: Span) -> bool:
    """After a noun for a part, copy or reworking of a work and "of" or "to":
    "new episodes of [X]", "the sequel to [X]", "a remake of [X]"
    (``WORK_PART_NOUNS``). A newspaper has copies and editions too ("an
    edition of the Courier"), so after those two a name led by "the" does not
    count."""
    root, doc = span.root, span.doc
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in {"of", "to"} or prep.i >= span.start:
        return False
    noun = prep.head
    if not (noun.is_lower and noun.i < prep.i and _singular(noun.lower_) in lexicon.WORK_PART_NOUNS):
        return False
    if _singular(noun.lower_) in {"copy", "edition"}:
        return not (span.start > 0 and doc[span.start - 1].lower_ == "the")
    return True


def _is_place_key(key: str) -> bool:
    return key in lexicon.place_names() or key in country_keys()


def _stars_in(span: Span) -> bool:
    """What a person acts in: after "star in", "role in" or "cameo in" ("will
    star in [X]", "her role in [X]"; ``STARRING_WORDS``), or followed by
    "starring" and a name ("[X], starring Ann Lee"). A known place is where
    one stars, not what in ("a role in [Oslo]"), and does not count; nor
    does an organisation's acronym or name with an organisation word after
    "role in" ("a bigger role in [NATO]", "her role in [Acme Bank]")."""
    root, doc = span.root, span.doc
    prep = root.head
    if (root.dep_ == "pobj" and prep.lower_ == "in" and prep.i == span.start - 1
            and prep.head.lemma_ in lexicon.STARRING_WORDS and prep.head.i < prep.i):
        if prep.head.lemma_ != "star" and (_is_acronym(span.text) or any(
                t.lower_ in ORG_HEAD_WORDS | ORG_SUFFIXES for t in span)):
            return False
        return not _is_place_key(name_key(span.text))
    if "starring" not in token_columns(doc)["lower"][span.end:span.end + 2]:
        return False
    nxt = next((t for t in doc[span.end:span.end + 2] if t.lower_ == "starring"), None)
    return nxt is not None and (nxt.head.i in range(span.start, span.end) or nxt.head == root.head
                                ) and any(c.dep_ == "dobj" and c.tag_ == "NNP" for c in nxt.children)


def _creators_work(span: Span) -> bool:
    """Owned by a person and named like no person, place, party or
    organisation: "Ann Lee's [X]" is her film, book or show. "Ann Lee's
    [Tom Ide]" (a given name first), "Ann Lee's [Norway]" and "Ann Lee's
    [Labour]" do not count, and a place's is no creator's ("Kettering's
    [Sion Tomas]" is the town's MP, even with "Kettering" untagged)."""
    root = span.root
    if not _has_child(span.doc, root.i, "poss"):
        return False  # no owner at all: the cheapest test first
    if not any(c.dep_ == "poss" and not span.start <= c.i < span.end and (
            c.ent_type_ == "PERSON" or c.tag_ == "NNP" and c.ent_type_ not in ACTOR_TYPES
            and not _is_place_key(name_key(c.text)))
               for c in root.children):
        return False  # a person's, or a band's the model did not tag ("[Day]'s")
    key = name_key(span.text)
    return not (_given_name_first(key) or _is_place_key(key) or _party(key)
                or span[-1].lower_ in ORG_HEAD_WORDS | ORG_SUFFIXES)


def _after_work_noun(span: Span) -> bool:
    """Right after a work noun and a title's own capitalised "The" or "A": "the
    recent biopic The [X]" (the article is cut off the name)."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].lower_ not in {"the", "a", "an"}:
        return False
    det, noun = doc[span.start - 1], doc[span.start - 2]
    return det.text[:1].isupper() and _is_work_noun(noun)


def _listed_after_work_noun(span: Span) -> bool:
    """In a list whose noun hangs off a work noun by "of": "the films of the
    past ten years such as [X]" (the parser puts "such as" on "years")."""
    return any(t.dep_ == "pobj" and t.head.lower_ == "of" and _is_work_noun(t.head.head)
               for t in _list_nouns(span))


def _title_possessive(span: Span) -> bool:
    """Made of everyday words and followed by "'s" and a capitalised everyday
    noun the model left out of every entity, as a title is written ("[Lost
    Boy]'s Song", "[Old Town]'s Secret"): the possessive is part of the
    title, not an owner's. A band or a person owns its work ("[Bluefrost]'s
    New Song" keeps Bluefrost: not an everyday word), and so does a name
    written as an acronym, whatever word its letters spell ("the [ARC]'s
    Morning programme")."""
    doc, i = span.doc, span.end
    if i + 1 >= len(doc) or token_columns(doc)["tag"][i] != "POS":
        return False
    word = doc[i + 1]
    if not (word.text[:1].isupper() and word.is_alpha and not word.ent_type_):
        return False  # the word after "'s" first: it rules out most names
    words = [t.lower_ for t in span]
    if _is_acronym(span.text) or words[0] in lexicon.given_names() or not all(
            t.is_alpha and _everyday(w) and w not in ORG_HEAD_WORDS
            for t, w in zip(span, words, strict=True)):
        return False
    return (word.pos_ in {"NOUN", "PROPN"} and word.lower_ not in TITLE_SMALL_WORDS
            and not _role_kind(word) and not _party(name_key(span.text))
            and _everyday(word.lower_) and word.lower_ not in ORG_HEAD_WORDS
            and word.lower_ not in facility_nouns())


def _subtitle(span: Span) -> bool:
    """Right after a capitalised name and a colon inside a sentence, as a
    title's second part is written ("the top game, Grand Theft Auto: [X]").
    A label that opens the line ("Subs: [X]", "Man Utd: [X], Y, Z") is
    followed by a list of names, not a subtitle."""
    doc = span.doc
    colon = doc[span.start - 1] if span.start >= 2 else None
    if not (colon is not None and colon.text == ":" and bool(colon.whitespace_)
            and doc[span.start - 2].pos_ in {"PROPN", "NOUN", "NUM"}
            and (doc[span.start - 2].text[:1].isupper() or doc[span.start - 2].is_digit)
            and not doc[span.start].is_quote):
        return False
    i = span.start - 2
    while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha:
        i -= 1
    opens_line = i == 0 or doc[i - 1].is_space or doc[i - 1].text in {".", "!", "?"}
    listed = (span.end + 1 < len(doc) and doc[span.end].text in {",", ";"}
              and doc[span.end + 1].text[:1].isupper())
    return not opens_line and not listed


def _title_tail(span: Span) -> bool:
    """The end of a longer capitalised title the model cut: "Lord of the
    [Rings]", "Return of the [Hero]" (a capitalised word that is no entity
    and no office before "of the"; "Minister of the [Interior]" is an office)."""
    doc, i = span.doc, span.start
    if i < 3 or doc[i - 1].lower_ != "the" or doc[i - 2].lower_ != "of":
        return False
    word = doc[i - 3]
    return (word.text[:1].isupper() and word.is_alpha and not word.ent_type_
            and word.i > _first_word(_sent_of(doc, span.start)) and _role_kind(word) != "role"
            and not _is_place_key(name_key(span.text)))


def _dated_work(span: Span) -> bool:
    """Followed by a single year in brackets, as a list of works dates each
    title ("[X] (1975) and Y (1979)"); a person's dates are a range."""
    doc, i = span.doc, span.end
    return (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")"
            and re.fullmatch(r"(1[89]|20)\d\d", doc[i + 1].text) is not None)


def _after_work_entity(span: Span) -> bool:
    """The rest of a title the model tagged in part as a work: "[The World]
    According to [X]", "[Flight] into [X]" (up to three small words
    between). A channel, a place or a maker after "on", "at", "in", "by",
    "from" or "for" stays ("[Soap] on [X]"), and so does an acronym or a
    known place."""
    cols, i = token_columns(span.doc), span.start - 1
    steps, tag = 0, cols["tag"]
    while i > 0 and steps < 3 and tag[i] in {"IN", "TO", "DT", "VBG"}:
        i, steps = i - 1, steps + 1
    if any(w in {"on", "at", "by", "from", "for", "in"} for w in cols["lower"][i + 1:span.start]):
        return False  # where or by whom a work is shown: "[Soap] on [X]"
    return (steps > 0 and cols["ent"][i] == "WORK_OF_ART" and not _is_acronym(span.text)
            and not _is_place_key(name_key(span.text)))


def _numbered_sequel(span: Span) -> bool:
    """A name read as a person's or a place's that ends in a number from 2 to
    9, as a sequel or a model does ("[Harrow Lane 2]", "[Lumo 3]"); people's
    names take none, "[Channel 4]" is read as an organisation and
    "[Terminal 5]" as a facility."""
    return (len(span) > 1 and span[-1].text in set("23456789")
            and span.root.ent_type_ in {"PERSON", "GPE", "LOC", "NORP"}
            and span[0].text[:1].isupper())


def _law_tail(span: Span) -> bool:
    """A law word the model tagged without the capitalised word before it:
    "the full Finance [Bill]", "the Water [Act]" (``LAW_WORDS``; after an
    honorific, "Mr [Bill]", it is a name)."""
    doc = span.doc
    if len(span) != 1 or span[0].lower_ not in LAW_WORDS or span.start == 0:
        return False
    prev = doc[span.start - 1]
    return (prev.text[:1].isupper() and prev.is_alpha and not prev.ent_type_
            and prev.head.i == span.start and _role_kind(prev) != "honorific"
            and prev.i > _first_word(_sent_of(doc, span.start)))


def _direct_work_cue(span: Span) -> bool:
    """Work evidence next to the name itself: :func:`_part_of_work`,
    :func:`_stars_in`, :func:`_creators_work`, :func:`_after_work_noun`,
    :func:`_listed_after_work_noun`, :func:`_title_possessive`,
    :func:`_subtitle`, :func:`_title_tail`, :func:`_dated_work`,
    :func:`_after_work_entity`, :func:`_numbered_sequel`,
    :func:`_law_tail` or :func:`_told_as_a_work`."""
    return (_part_of_work(span) or _stars_in(span) or _creators_work(span)
            or _after_work_noun(span) or _listed_after_work_noun(span)
            or _title_possessive(span) or _subtitle(span) or _title_tail(span)
            or _dated_work(span) or _after_work_entity(span) or _numbered_sequel(span)
            or _law_tail(span) or _told_as_a_work(span))


def _told_as_a_work(span: Span) -> bool:
    """Written as a story or a book: the subject of "is set in" ("[X] is set
    mainly in Rome"; not "was set up in"), the name a sequel noun modifies
    ("a [X] spin-off sitcom", "the [X] sequel"), or followed by "by" and an author ("[X], by
    US author Ann Lee"; ``CREATOR_NOUNS``). Companies and people are not set
    anywhere, spun off as shows or written by authors. A name that is the
    last word of a title joined by "and" ("Castles and [Crowns]") is read
    from the title's first word."""
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i and root.head.i >= span.start - 2:
        root = root.head
    head = root.head
    if (root.dep_ == "nsubjpass" and head.lemma_ == "set" and head.tag_ == "VBN"
            and any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children)
            and not any(c.dep_ == "prt" for c in head.children)):
        return True  # "[X] is set in Rome"; a firm "was set up in Oslo"
    lower = token_columns(span.doc)["lower"]
    if root.dep_ in {"compound", "nmod"} and head.i >= span.end and (
            " ".join(lower[span.end:span.end + 3]).replace(" - ", "-").split(" ")[0]
            in lexicon.SEQUEL_NOUNS):
        return True  # "a [X] spin-off sitcom", "the [X] sequel"
    if "by" not in lower[root.i + 1:span.end + 2]:
        return False  # no "by" where the one read below could be
    for prep in root.rights:
        if prep.dep_ == "prep" and prep.lower_ == "by" and prep.i <= span.end + 1:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None and any(t.is_lower and t.lower_ in CREATOR_NOUNS
                                       for t in obj.subtree):
                return True
    return False


def _work_cue(span: Span) -> bool:
    """Work evidence of :func:`_direct_work_cue`, or coordinated with a name
    that has it or that is written as a title (:func:`_is_work_title`): "new
    episodes of X and the final [Y]". A name the model read as an
    organisation's is not judged by its conjuncts ("... for the [National
    Theatre], Private Lives and ..." lists unlike things)."""
    if _direct_work_cue(span):
        return True
    if span.root.ent_type_ == "ORG":
        return False  # a list of works and companies is often misparsed as one
    if not _has_conjuncts(span.doc, span.root.i):
        return False  # coordinated with nothing
    for tok in span.root.conjuncts:
        other = _ent_span(tok)
        if other is None or other.start < span.end and span.start < other.end:
            continue
        if other.label_ == "WORK_OF_ART" or _written_as_work(other):
            return True
    return False


def _written_as_work(other: Span) -> bool:
    """:func:`_is_work_title` or :func:`_direct_work_cue` of another span than
    the mention judged (a conjunct, another occurrence of its words), kept per
    doc by the span's bounds: every mention of a name asks it of the same
    spans."""
    found = token_columns(other.doc).setdefault("written_as_work", {})
    key = f"{other.start}:{other.end}"
    if key not in found:
        found[key] = _is_work_title(other) or _direct_work_cue(other)
    return found[key]


def _product_use(span: Span) -> bool:
    """Named as a kind of made thing: it modifies a plural product noun ("sales
    of [X] games", "[X] consoles", "[X] schemes"), is coordinated with one
    ("[X] and MP3 players"; ``PRODUCT_NOUNS``, ``PRODUCT_USE_NOUNS``), is one
    of a kind ("bought an [X]"), modifies a product noun with its own
    determiner ("the latest [X] technology"), is listed as a brand, is the
    name a thing is given ("a technology known as [X]"), is made by
    someone ("[X] was developed by Acme") or is run by machines ("PCs
    running [X]"). A maker is named so too ("[Acme] phones"),
    so the type rule keeps a name that acts anywhere."""
    root = span.root
    head = root.head
    nouns = PRODUCT_NOUNS | lexicon.PRODUCT_USE_NOUNS
    if (root.dep_ in {"compound", "nmod", "amod"} and head.i >= span.end and head.tag_ == "NNS"
            and head.is_lower and _singular(head.lower_) in nouns):
        return True
    if _has_conjuncts(span.doc, root.i) and any(
            t.is_lower and t.tag_ == "NNS" and _singular(t.lower_) in nouns for t in root.conjuncts):
        return True
    return (_one_of_a_kind(span) or _one_made_thing(span) or _listed_brand(span)
            or _named_thing(span) or _made_by(span) or _run_by_machines(span))


def _run_by_machines(span: Span) -> bool:
    """Software that machines run: the object of "running" after a word for
    computers or devices ("PCs running [X]", "phones running [X]";
    ``PRODUCT_NOUNS``). A firm is run by people, not by machines."""
    cols = token_columns(span.doc)
    running = cols.get("running_acl")
    if running is None:  # the tokens that may be "running": kept per doc, as indices
        lemmas, deps = cols["lemma"], cols["dep"]
        running = cols["running_acl"] = [i for i, lemma in enumerate(lemmas) if lemma == "run"
                                         and deps[i] == "acl"] if "run" in lemmas else []
    if not running:
        return False
    root = span.root
    verb = root.head
    if root.dep_ != "dobj" or verb.lemma_ != "run" or verb.dep_ != "acl":
        return False
    noun = verb.head.lower_
    return _singular(noun) in lexicon.MACHINE_NOUNS


def _one_made_thing(span: Span) -> bool:
    """Modifies a singular noun of a technical standard that has its own
    determiner or possessive somewhere before the name: "the latest [X]
    technology" (``TECHNOLOGY_NOUNS``). Before a device or a title the name
    is as often its maker's ("the [Acme] console", "the [Acme] title") and
    is left to ``type-product``."""
    root, head = span.root, span.root.head
    return (root.dep_ in {"compound", "nmod"} and head.i == span.end and head.is_lower
            and head.lower_ in lexicon.TECHNOLOGY_NOUNS
            and any(c.dep_ in {"det", "poss"} and c.i < span.start for c in head.children))


def _made_by(span: Span) -> bool:
    """A thing someone made: the subject of a passive verb of making with its
    maker ("[X] was developed by Acme"), or followed by such a participle and
    its maker ("the most important [X] made by Acme"; ``MAKING_VERBS``). A
    person "made captain by" someone has a second object and stays."""
    root = span.root

    def made(verb: Token) -> bool:
        if verb.lemma_ not in lexicon.MAKING_VERBS or verb.tag_ != "VBN":
            return False
        kids = list(verb.children)
        return (any(c.dep_ == "agent" for c in kids)
                and not any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in kids))
    if root.dep_ == "nsubjpass" and made(root.head):
        return True
    if "acl" not in token_columns(span.doc)["dep"][span.end:root.right_edge.i + 1]:
        return False  # no clause after the name that could be its participle
    return any(c.dep_ == "acl" and c.i >= span.end and made(c) for c in root.children)


def _named_thing(span: Span) -> bool:
    """The name a made thing or a work is given: "a technology known as [X]",
    "a console codenamed [X]", "a game called [X]" (a company or a person
    "called X" is named after an organisation or person noun, and stays)."""
    root = span.root
    verb = root.head
    if root.dep_ == "pobj" and verb.lower_ == "as":
        verb = verb.head
        if verb.lower_ != "known":
            return False
    elif not (root.dep_ in {"oprd", "dobj", "attr", "npadvmod"}
              and verb.lemma_ in {"call", "name", "dub", "codename"}):
        return False
    noun = verb.head
    return (verb.dep_ == "acl" and noun.is_lower and noun.pos_ == "NOUN"
            and (_is_work_noun(noun) or _singular(noun.lower_) in PRODUCT_NOUNS
                 | lexicon.PRODUCT_USE_NOUNS))


def _listed_brand(span: Span) -> bool:
    """Names a thing in a list of brands or works whose item is a common noun
    the name modifies: "its brands include [X] analgesic, [Y] cough medicine
    and ..." (the list noun is found as :func:`_list_nouns` finds it)."""
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in {"compound", "nmod", "appos", "conj"} or tok.head == tok:
            break
        tok = tok.head
    if tok == span.root:
        return False
    return any(_is_work_noun(t) for t in _list_nouns(Span(tok.doc, tok.i, tok.i + 1)))


def _one_of_a_kind(span: Span) -> bool:
    """A one-word name counted as one of many after "a" or "an" and heading its
    phrase: "customers who bought an [X]", "she owns a [X]". An organisation
    or a person is not counted so ("an [Acme] spokesman", "a [Lee] shot"
    modify a noun; a name the model read as a person's, a nationality, "a
    [Briton]", and a party member, "a [Democrat]", are left to other rules)."""
    doc, root = span.doc, span.root
    return (len(span) == 1 and span.start > 0 and doc[span.start - 1].lower_ in {"a", "an"}
            and root.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "conj"}
            and root.tag_ in {"NNP", "NN"} and root.ent_type_ not in {"NORP", "PERSON"}
            and not (span.end < len(doc) and doc[span.end].pos_ == "NOUN")
            and not _party(name_key(span.text)))


def _is_maker(span: Span) -> bool:
    """The doer after a passive verb: "developed by [X]", "made by [X]"."""
    root = span.root
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


def _stars(span: Span) -> bool:
    """A person acting in a work: the object of "starring" or "stars" ("[X]
    stars Ann Lee", "starring [Ann Lee]"), or the subject of "star" with no
    object ("[Ann Lee] will star in ...")."""
    root = span.root
    verb = root.head
    if verb.lemma_ != "star" or verb.pos_ != "VERB":
        return False
    if root.dep_ == "dobj":
        return True
    return root.dep_ == "nsubj" and not any(c.dep_ == "dobj" for c in verb.children)


def _work_elsewhere(span: Span) -> bool:
    """Another, untagged occurrence of the same words in the article is written
    as a work ("[X], a new drama, ..." before the model tags "[X]" alone):
    the model often misses the mention that says what a name is."""
    doc = span.doc
    cols = token_columns(doc)
    text, ent = cols["text"], cols["ent"]
    words = text[span.start:span.end]
    starts = cols.get("untagged_starts")
    if starts is None:  # word -> where it occurs outside entities, once per doc
        starts = cols["untagged_starts"] = {}
        for i, (word, label) in enumerate(zip(text, ent, strict=True)):
            if not label:
                starts.setdefault(word, []).append(i)
    for i in starts.get(words[0], ()):
        if i != span.start and text[i:i + len(words)] == words and not any(
                ent[i:i + len(words)]):
            other = Span(doc, i, i + len(words))
            if _written_as_work(other):
                return True
    return False


def _capital_the(span: Span) -> bool:
    """After a capitalised "The" inside the sentence: "and [The] Streets", as a
    band or a newspaper writes its name."""
    doc = span.doc
    return (span.start > 0 and doc[span.start - 1].text == "The"
            and span.start - 1 > _first_word(_sent_of(doc, span.start)))


def _everyday_name(span: Span) -> bool:
    """One everyday English word that the text also writes in lower case, as
    a capitalised word of a phrase or a title is and a name seldom: "[Urban]
    is a broad term" beside "urban music". Names of two words or more are
    left alone: institutions are named so ("the Small Business
    Administration" beside "small business"), and so is an institution
    with a determiner or an owner ("the [House]", "the shadow [Cabinet]",
    "the chancellor's [Budget]"). A word for an
    organisation, a place or a compass point names an actor ("Parliament",
    "West"), and so do an acronym, a given name and a name after a
    capitalised "The" inside the sentence ("and The Streets")."""
    if len(span) != 1:
        return False
    lower = _lowercase_words(span.doc)
    word = token_columns(span.doc)["lower"][span.start]
    if word not in lower and _singular(word) not in lower:
        return False  # the cheapest test first: most names are never written in lower case
    words = [t.lower_ for t in span if t.is_alpha]
    if len(words) != 1 or _is_acronym(span.text):
        return False
    doc, i = span.doc, span.start - 1
    while i > span.start - 3 and i >= 0 and doc[i].is_lower and doc[i].pos_ in {"NOUN", "ADJ"}:
        i -= 1  # "the shadow [Cabinet]"
    if (i >= 0 and doc[i].lower_ == "the"
            or any(c.dep_ in {"det", "poss"} for c in span.root.children)):
        return False  # an institution: "the [House]", "the shadow [Cabinet]", "his [Budget]"
    if not all(w in lower or _singular(w) in lower for w in words) or _capital_the(span):
        return False
    names = ORG_HEAD_WORDS | ORG_SUFFIXES | GENERIC_PLACE_WORDS | PLACE_NOUNS | COMPASS_WORDS
    if any(w in names or w in facility_nouns() or w in lexicon.given_names() for w in words):
        return False
    return all(_everyday(w) for w in words)


def _left_title(doc: Doc, start: int, sent: Span, ent_range: range) -> str:
    """A title written right before the name: "Health Minister", "Acme chief"."""
    if start == sent.start or _is_connector(doc[start - 1]):
        return ""
    j = start
    while j > sent.start:
        tok = doc[j - 1]
        if _role_kind(tok):
            j -= 1
        elif _is_connector(tok) and j - 1 > sent.start and (
                _role_kind(doc[j - 2]) or tok.dep_ == "case"):
            j -= 1
        elif (tok.pos_ in {"NOUN", "PROPN"} or tok.ent_type_ in {"NORP", "GPE", "ORG", "LOC"}) \
                and j <= tok.head.i < ent_range.stop and not tok.is_punct:
            j -= 1
        else:
            break
    while j < start and _is_connector(doc[j]):
        j += 1
    if j >= start:
        return ""
    phrase = Span(doc, j, start)
    kinds = [_role_kind(t) for t in phrase]
    has_role = "role" in kinds or any(t.pos_ == "NOUN" and t.is_lower for t in phrase)
    if not has_role:
        return ""
    # The phrase must belong to the name: its head attaches into the entity,
    # or the name is in apposition to it.
    inside = range(j, start)
    attached = any(t.head.i in ent_range for t in phrase if t.head.i not in inside)
    name_root = Span(doc, start, ent_range.stop).root
    if not attached and name_root.head.i not in inside:
        return ""
    return phrase.text


def _appos_role(span: Span) -> str:
    """A common-noun apposition: "the local charity <Name>" or "<Name>, director of ..."."""
    doc, root = span.doc, span.root
    head = root.head
    if (root.dep_ == "appos" and head.i == span.start - 1 and head.tag_ == "NN"
            and head.is_lower):
        left = head.left_edge.i
        while left < head.i and (doc[left].tag_ in {"DT", "PRP$"} or doc[left].is_punct):
            left += 1
        return doc[left:head.i + 1].text
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= span.end and child.tag_ == "NN" and child.is_lower:
            end = child.i + 1
            while end <= child.right_edge.i and not doc[end].is_punct:
                end += 1
            return doc[child.i:end].text
    return ""


def _describe(doc: Doc, start: int, end: int, sent: Span, ent: Span) -> str:
    span = Span(doc, start, end)
    return (_left_title(doc, start, sent, range(ent.start, ent.end)) or _appos_role(span))


# --------------------------------------------------------------------------- mentions


# Repair rules: each takes the sentence's actor-type entities (in order) and
# returns them with boundaries mended.


def _join_with_previous(ents: list[Span], one_name: Callable[[Span, Span], bool], *,
                        label: str | None = None) -> list[Span]:
    """Fold each entity into the one before it (as already folded) when
    ``one_name(prev, ent)`` says the two are one name cut in two; the joined
    span takes ``label``, else the second entity's label."""
    out: list[Span] = []
    for ent in ents:
        if out and one_name(out[-1], ent):
            out[-1] = Span(ent.doc, out[-1].start, ent.end, label=label or ent.label_)
        else:
            out.append(ent)
    return out


@rule("join-compound-names", stage="actors")
def join_compound_names(ents: list[Span], sent: Span) -> list[Span]:
    """Join two entities written side by side when the first modifies the second.

    The model sometimes cuts one name in two ("[Lake] [Vale] Corp" as two
    places); the parse still attaches the first as a compound of the second
    (or of the word both modify).
    """
    def one_name(prev: Span, ent: Span) -> bool:
        return (prev.end == ent.start and prev.root.dep_ == "compound"
                and (prev.root.head.i in range(ent.start, ent.end)
                     or prev.root.head.i == ent.root.head.i == ent.end)
                and prev.text[:1].isupper())
    return _join_with_previous(ents, one_name)


@rule("extend-company-suffix", stage="actors")
def extend_company_suffix(ents: list[Span], sent: Span) -> list[Span]:
    """A company form right after a name belongs to it: "[Acme] Corp" -> "Acme Corp", an ORG."""
    doc, out = sent.doc, []
    for ent in ents:
        nxt = doc[ent.end] if ent.end < sent.end else None
        if nxt is not None and nxt.lower_ in ORG_SUFFIXES and nxt.text[:1].isupper():
            ent = Span(doc, ent.start, ent.end + 1, label="ORG")
        out.append(ent)
    return out


@rule("extend-to-defined-name", stage="actors")
def extend_to_defined_name(ents: list[Span], sent: Span) -> list[Span]:
    """Extend an entity to the whole name an acronym in brackets defines: in
    "the [Nordic] Harbour Forum (NHF)" the model tagged only part of the name;
    the capitalised words before "(NHF)" that the acronym spells are one
    organisation (ORG), and entities inside it are dropped."""
    doc, out = sent.doc, []
    for ent in ents:
        start, end = _defined_name(ent, sent)
        if (start, end) != (ent.start, ent.end):
            out = [e for e in out if e.end <= start]
            ent = Span(doc, start, end, label="ORG")
        elif out and out[-1].end > ent.start:
            continue  # inside a name already extended
        out.append(ent)
    return out


def _defined_name(ent: Span, sent: Span) -> tuple[int, int]:
    """``(start, end)`` of the capitalised name around ``ent`` that an acronym in
    brackets right after it spells, or the entity's own bounds."""
    doc, end, cols = sent.doc, ent.end, token_columns(sent.doc)
    text, lower = cols["text"], cols["lower"]
    while end < sent.end and text[end] != "(" and (
            text[end][:1].isupper() or lower[end] in {"of", "for", "and", "&"}):
        end += 1
    if not (end + 2 < sent.end and text[end] == "(" and text[end + 2] == ")"
            and _is_acronym(text[end + 1])):
        return ent.start, ent.end
    start = ent.start
    while start > sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ != "the":
        start -= 1
    acronym = doc[end + 1].text
    for first in range(start, ent.start + 1):
        words = doc[first:end].text
        if (_initials(words) == acronym.replace(".", "").casefold()
                or _spelled_by_prefixes(acronym, words)):
            return first, end
    return ent.start, ent.end


@rule("split-coordinated-names", stage="actors")
def split_coordinated_names(ents: list[Span], sent: Span) -> list[Span]:
    """Split "X and Y" into two names when X is a name the article uses on its own.

    "[Film Board and Channel 9]" after "the Film Board" was named alone is two
    organisations; "[Food and Drug Administration]" stays whole.
    """
    doc, out, lower = sent.doc, [], token_columns(sent.doc)["lower"]
    for ent in ents:
        cut = next((i for i in range(ent.start + 1, ent.end) if lower[i] in {"and", "&"}), None)
        if (cut is not None and cut + 1 < ent.end and doc[cut + 1].text[:1].isupper()
                and any(k != name_key(ent.text) and (
                    k == name_key(doc[ent.start:cut].text)
                    or k.endswith(" " + name_key(doc[ent.start:cut].text)))
                    for k in _known_names(doc))):
            out += [Span(doc, ent.start, cut, label=ent.label_),
                    Span(doc, cut + 1, ent.end, label=ent.label_)]
        else:
            out.append(ent)
    return out


@rule("join-plural-and-org", stage="actors")
def join_plural_and_org(ents: list[Span], sent: Span) -> list[Span]:
    """Join "Xs and <Org>" when Xs is a capitalised plural common noun, or
    "X and <Org Union>" when X is a capitalised common word the text names
    nowhere else and the organisation ends in an organisation word: the model
    cut one organisation's name in two ("[Parents] and [Teachers United]",
    "[Civil] and [Harbour Workers Union]")."""
    doc, out = sent.doc, []
    for ent in ents:
        amp = ent.start - 1
        first = amp - 1
        inside = bool(out) and out[-1].start < first < out[-1].end  # "[Grand Stores] and [X]"
        if (ent.label_ == "ORG" and first > sent.start and doc[amp].lower_ in {"and", "&"}
                and not inside and (_plural_common_word(doc[first]) or (
                    ent[-1].lower_ in ORG_HEAD_WORDS | {"union"} and _lone_common_word(doc[first])))):
            start = first
            if out and out[-1].start == first and out[-1].end == amp:
                out.pop()
            ent = Span(doc, start, ent.end, label="ORG")
        out.append(ent)
    return out


def _lone_common_word(tok: Token) -> bool:
    """A capitalised frequent English word inside the sentence that the text
    writes capitalised only here."""
    if not (tok.text[:1].isupper() and tok.text[1:].islower()
            and tok.i > _sent_of(tok.doc, tok.i).start):
        return False
    return (_everyday(tok.lower_)
            and sum(t.text == tok.text for t in tok.doc) == 1)


def _plural_common_word(tok: Token) -> bool:
    if not (tok.text[:1].isupper() and tok.text[1:].islower() and tok.lower_.endswith("s")
            and tok.i > _sent_of(tok.doc, tok.i).start and tok.tag_ in {"NNS", "NNPS", "NNP"}):
        return False
    return _everyday(tok.lower_)


def _last_word(ent: Span) -> Token:
    """The last token of an entity before a possessive ("[Acme Co's]" -> "Co")."""
    i = ent.end - 1
    while i > ent.start and (ent.doc[i].tag_ == "POS" or ent.doc[i].lower_ in {"'s", "’s"}):
        i -= 1
    return ent.doc[i]


@rule("join-company-and", stage="actors")
def join_company_and(ents: list[Span], sent: Span) -> list[Span]:
    """Join "[X] and [Y Co]" into one company when the second part ends in a
    company form and the first is never named alone: "[Lake Tele] and [Cable
    Co]" is one company, "Lake Tele and Cable Co" two only if the text also
    names "Lake Tele" on its own."""
    doc = sent.doc

    def one_name(prev: Span, ent: Span) -> bool:
        return (ent.label_ == "ORG" and prev.label_ == "ORG"
                and ent.start == prev.end + 1 and doc[prev.end].lower_ in {"and", "&"}
                and _last_word(ent).lower_.rstrip(".") in ORG_SUFFIXES
                and sum(name_key(e.text) == name_key(prev.text) for e in doc.ents) == 1)
    return _join_with_previous(ents, one_name, label="ORG")


@rule("split-party-from-name", stage="actors")
def split_party_from_name(ents: list[Span], sent: Span) -> list[Span]:
    """A party written before a title and a person's name is a mention of the
    party: "[Green MP Ann Lee]" gives the party "Green" (ORG) and the person
    "MP Ann Lee" (the title then becomes the role)."""
    doc, out = sent.doc, []
    for ent in ents:
        # only a person's name of three words or more can hold a party and a title
        cut = next((n for n in (2, 1) if _party(name_key(ent[:n].text))), 0) \
            if ent.label_ == "PERSON" and len(ent) >= 3 else 0
        if (ent.label_ == "PERSON" and cut and len(ent) >= cut + 2
                and _role_kind(ent[cut]) == "role"):
            out += [Span(doc, ent.start, ent.start + cut, label="ORG"),
                    Span(doc, ent.start + cut, ent.end, label="PERSON")]
        else:
            out.append(ent)
    return out


@rule("split-place-party", stage="actors")
def split_place_party(ents: list[Span], sent: Span) -> list[Span]:
    """A place before a party word is two mentions: "the [Ohio Democrat]" is the
    state (GPE) and the party (ORG), as the wire writes a politician's home
    and party. A name that is itself a party ("[Liberal Democrat]") is left
    whole, even where its first word is also some town's name."""
    doc, out, places, countries = sent.doc, [], lexicon.place_names(), country_keys()
    for ent in ents:
        head = name_key(Span(doc, ent.start, ent.end - 1).text) if len(ent) > 1 else ""
        if (head and (head in places or head in countries) and _party(name_key(ent[-1].text))
                and not _party(name_key(ent.text)) and not _party(head)):
            out += [Span(doc, ent.start, ent.end - 1, label="GPE"),
                    Span(doc, ent.end - 1, ent.end, label="ORG")]
        else:
            out.append(ent)
    return out


@rule("keep-party-modifier", stage="actors")
def keep_party_modifier(ents: list[Span], sent: Span) -> list[Span]:
    """A party named as a modifier ("[Tory] MP", "the [Green] vote") tagged as a
    nationality is still the party: it is relabelled ORG, so that the filter
    for nationality adjectives keeps it."""
    return [Span(sent.doc, e.start, e.end, label="ORG")
            if e.label_ == "NORP" and _party(name_key(e.text)) else e for e in ents]


@rule("relabel-place-modifier", stage="actors")
def relabel_place_modifier(ents: list[Span], sent: Span) -> list[Span]:
    """A PERSON-tagged name before a common word for a person, after "a" or led
    by a compass word, is a place: "a [Kentford] man", "[East Kentford]
    landowner Ann Lee" (relabelled GPE, so it never joins a person's name)."""
    return [Span(sent.doc, e.start, e.end, label="GPE")
            if e.label_ == "PERSON" and _is_place_modifier(e) else e for e in ents]


@rule("split-country-prefix", stage="actors")
def split_country_prefix(ents: list[Span], sent: Span) -> list[Span]:
    """Split "[Country] [Org noun] [Name]" written as one entity: "[Norland
    Carmaker Vell Motors]" is the country (GPE) and the company "Vell Motors"
    (the capitalised organisation noun between them is dropped). A noun that
    heads the name ("Norland Department of Health") leaves it whole."""
    doc, out, nouns, countries = sent.doc, [], org_nouns(), country_keys()
    cols = token_columns(doc)  # words tested in the columns: no Token built, no set made per sentence
    text, lower = cols["text"], cols["lower"]
    for ent in ents:
        cut = None if ent.label_ != "ORG" else next(
            (i for i in range(ent.start + 1, ent.end - 1)
             if lower[i] in nouns and lower[i] not in ORG_HEAD_WORDS and text[i][:1].isupper()
             and text[i + 1][:1].isupper() and lower[i + 1] not in CONNECTORS
             and name_key(doc[ent.start:i].text) in countries), None)
        if cut is not None:
            out += [Span(doc, ent.start, cut, label="GPE"), Span(doc, cut + 1, ent.end, label="ORG")]
        else:
            out.append(ent)
    return out


@rule("strip-affiliation", stage="actors")
def strip_affiliation(ents: list[Span], sent: Span) -> list[Span]:
    """Cut a nationality or party word off the front of a person's name:
    "Kenyan Ann Lee", "Democrat Ann Lee" -> "Ann Lee". A party word cut off
    stays a mention of the party ("Democrat", ORG), as a party before a
    title does (``split-party-from-name``)."""
    doc, out = sent.doc, []
    for ent in ents:
        if ent.label_ != "PERSON" or len(ent) < 3:
            out.append(ent)
            continue
        first = ent[0]
        nationality = (first.tag_ in {"JJ", "NNP"} and _nationality_word(first)
                       and first.lower_.endswith(("an", "ian", "ese", "ish", "i", "ch")))
        if nationality or _party(first.lower_):
            if _party(first.lower_) and first.text[:1].isupper():
                out.append(Span(doc, ent.start, ent.start + 1, label="ORG"))
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        out.append(ent)
    return out


@rule("strip-title-from-name", stage="actors")
def strip_title_from_name(ents: list[Span], sent: Span) -> list[Span]:
    """A title at the front of a name the model did not tag PERSON makes it a person's.

    "[Keeper Tomas Vrba]" tagged ORG is the person "Tomas Vrba" (the title
    becomes the role): a capitalised title word followed by two or more
    capitalised words that end in no organisation word.
    """
    doc, out = sent.doc, []
    for ent in ents:
        i = ent.start
        while i < ent.end and doc[i].text[:1].isupper() and _role_kind(doc[i]) in {"role", "honorific"}:
            i += 1
        if (ent.label_ != "PERSON" and i > ent.start and ent.end - i >= 2
                and all(t.tag_ == "NNP" and t.text[:1].isupper() for t in Span(doc, i, ent.end))
                and doc[ent.end - 1].lower_ not in ORG_HEAD_WORDS | ORG_SUFFIXES):
            ent = Span(doc, i, ent.end, label="PERSON")
        out.append(ent)
    return out


def _surname_word(tok: Token) -> bool:
    """A capitalised word that may be a surname: a proper noun of letters (inner
    dash or apostrophe allowed) outside every entity, no title word, no
    organisation word and no everyday English word ("Lefroy", not "Street")."""
    return (tok.tag_ in {"NNP", "NNPS"} and tok.text[:1].isupper() and len(tok.text) > 1
            and tok.text.replace("-", "").replace("'", "").isalpha() and not tok.ent_type_
            and not _role_kind(tok) and tok.lower_ not in ORG_HEAD_WORDS | ORG_SUFFIXES
            and not _everyday(tok.lower_))


@rule("extend-given-name", stage="actors")
def extend_given_name(ents: list[Span], sent: Span) -> list[Span]:
    """A given name tagged PERSON alone and followed by an untagged surname
    is the whole name: "[Ann] Lefroy" -> "Ann Lefroy".

    The model sometimes stops at the first name of a person it does not know;
    the next word is the surname when it is a capitalised proper noun outside
    every entity, no title, no organisation word and no everyday English word
    (``data/given_names.txt`` for the first name).
    """
    doc, out, given = sent.doc, [], lexicon.given_names()
    for ent in ents:
        if (ent.label_ == "PERSON" and len(ent) == 1 and ent.end < sent.end
                and ent[0].lower_ in given and _surname_word(doc[ent.end])
                and not (ent.end + 1 < sent.end and _surname_word(doc[ent.end + 1]))):
            ent = Span(doc, ent.start, ent.end + 1, label="PERSON")
        out.append(ent)
    return out


def _person_form(doc: Doc, text: str) -> bool:
    """``text`` is what the model tagged a PERSON somewhere in ``doc``, or the
    last word of such a name (a surname)."""
    return any(label == "PERSON" and (name == text or name.endswith(" " + text))
               for _, _, label, name in _entities(doc))


@rule("split-person-possessor", stage="actors")
def split_person_possessor(ents: list[Span], sent: Span) -> list[Span]:
    """Cut a person's possessive off the front of an organisation or place:
    "[Lee's Harwick] team-mate" is the person "Lee" and the club "Harwick".

    The model glues "Name's" onto the name after it; the cut is made only
    when the part before "'s" is a name the model tagged as a person's in the
    article (or that name's surname), so "People's Party" stays whole.
    """
    doc, out = sent.doc, []
    for ent in ents:
        cut = next((i for i in range(ent.start + 1, ent.end - 1) if doc[i].tag_ == "POS"), None)
        if (cut is not None and ent.label_ in {"ORG", "GPE", "FAC", "LOC"}
                and doc[cut + 1].text[:1].isupper() and _person_form(doc, doc[ent.start:cut].text)):
            out += [Span(doc, ent.start, cut, label="PERSON"),
                    Span(doc, cut + 1, ent.end, label=ent.label_)]
        else:
            out.append(ent)
    return out


def _org_words(words: list[str]) -> bool:
    """Whether some word of a name (lower case) is an organisation word or a company form."""
    return any(w in ORG_HEAD_WORDS | ORG_SUFFIXES for w in words)


@rule("split-org-from-person", stage="actors")
def split_org_from_person(ents: list[Span], sent: Span) -> list[Span]:
    """Split a person's name off the end of an organisation's: "Governor of the
    [Harbour Bank of Norland Ann Lee]" is the bank (ORG) and the person
    "Ann Lee" (PERSON), as a title is written before both.

    The cut is at a given name (``data/given_names.txt``) that starts a
    "Given Surname" ending the entity, when the words before it hold an
    organisation word or a company form ("Bank", "Corp").
    """
    doc, out, given = sent.doc, [], lexicon.given_names()
    for ent in ents:
        cut = next((i for i in range(ent.start + 2, ent.end - 1)
                    if doc[i].lower_ in given and doc[i].text[:1].isupper()
                    and _given_name_first(name_key(doc[i:ent.end].text))
                    and _org_words(name_key(doc[ent.start:i].text).split())), None)
        if ent.label_ != "PERSON" and cut is not None:
            out += [Span(doc, ent.start, cut, label="ORG"), Span(doc, cut, ent.end, label="PERSON")]
        else:
            out.append(ent)
    return out


TRAILING_SCORES_RE = re.compile(r"(?:\s*\(?\d{1,2}\s*-\s*\d{1,2}\)?){2,}")
"""Two or more scores, tie-breaks in brackets included: " 7-6 (7-4) 6-3"."""


@rule("cut-trailing-scores", stage="actors")
def cut_trailing_scores(ents: list[Span], sent: Span) -> list[Span]:
    """Cut set scores the model glued onto the end of a name: "[Ann Lee 7-6
    6-3]" is "Ann Lee" (two or more scores of one or two digits a side, as
    the sets of a match are written, so "747-400" stays; a team's one score
    is cut later, when the name's span is trimmed)."""
    doc, out, text = sent.doc, [], token_columns(sent.doc)["text"]
    for ent in ents:
        end = ent.end
        while end > ent.start + 1 and (text[end - 1].isdigit() or text[end - 1] in DASHES
                                       or text[end - 1] in {"(", ")"}
                                       or re.fullmatch(r"\d{1,2}-\d{1,2}", text[end - 1])):
            end -= 1
        if (end < ent.end and doc[end - 1].text[:1].isalpha() and TRAILING_SCORES_RE.fullmatch(
                doc_text(doc)[doc[end - 1].idx + len(doc[end - 1].text):ent.end_char])):
            ent = Span(doc, ent.start, end, label=ent.label_)
        out.append(ent)
    return out


@rule("split-country-from-common-word", stage="actors")
def split_country_from_common_word(ents: list[Span], sent: Span) -> list[Span]:
    """Cut a capitalised common word off a country's name: "[U.K. Insurers] have
    half the seats", "[U.K. Lenders] said" (the wire capitalises the word
    after an abbreviation's full stop) name the country, a GPE, and a common
    noun. The country must be written with full stops, and the word must be
    written in lower case elsewhere in the text ("the U.S. Proposal" after "the
    proposal"; not when the name acts or owns on its own, "U.S. Cable said"),
    or be a plural or an adjective frequent in English; an organisation word,
    a stock code or acronym after it and a name that goes on ("U.S. Cable (X)",
    "U.S. Airways", "UK Athletics", "U.S. Agency for ...") keep it whole."""
    doc, out, countries = sent.doc, [], country_keys()
    for ent in ents:
        word = ent[-1]
        nxt = doc[ent.end] if ent.end < sent.end else None
        if (len(ent) == 2 and ent[0].text.endswith(".") and name_key(ent[0].text) in countries
                and word.text[:1].isupper()
                and word.text[1:].islower() and word.lower_ not in ORG_HEAD_WORDS | ORG_SUFFIXES
                and not (nxt is not None and (nxt.lower_ in {"of", "for", "and", "&"}
                                              or nxt.text[:1].isupper() or nxt.text[:1] in {"<", "("}))
                and ((word.tag_ in {"NNS", "NNPS", "JJ"} or word.lower_.endswith("s")) and _common_here(word)
                     or word.lower_ in _lowercase_words(doc)
                     and ent.root.dep_ not in {"nsubj", "nsubjpass", "poss"})):
            ent = Span(doc, ent.start, ent.start + 1, label="GPE")
        out.append(ent)
    return out


@rule("extend-initials-and", stage="actors")
def extend_initials_and(ents: list[Span], sent: Span) -> list[Span]:
    """Extend an organisation that starts with an initial over "<Initials> and"
    before it: the model tags "[R Harbour Trust]" in "KT and R Harbour Trust",
    as the wire writes "AT and T": the whole is one name (ORG)."""
    doc, out = sent.doc, []
    for ent in ents:
        first = ent.start
        if (ent.label_ == "ORG" and first - 2 >= sent.start and _short_capitals(doc[first])
                and doc[first - 1].lower_ in {"and", "&"} and _short_capitals(doc[first - 2])
                and not doc[first - 2].ent_type_ and not (out and out[-1].end > first - 2)):
            ent = Span(doc, first - 2, ent.end, label="ORG")
        out.append(ent)
    return out


def _short_capitals(tok: Token) -> bool:
    """One to four capital letters: an initial or a short acronym ("E", "LL", "AT")."""
    return 1 <= len(tok.text) <= 4 and tok.text.isalpha() and tok.text.isupper()


@rule("extend-and-company", stage="actors")
def extend_and_company(ents: list[Span], sent: Span) -> list[Span]:
    """Extend a name over "and Co" or "& Co" after it, with a company form that
    may follow: "retained [J.K. Lane] and Co Inc" is the firm "J.K. Lane and Co
    Inc" (ORG), not a person, as the wire writes partnerships."""
    doc, out = sent.doc, []
    for ent in ents:
        end = ent.end
        if (end + 1 < sent.end and doc[end].lower_ in {"and", "&"}
                and doc[end + 1].lower_.rstrip(".") in {"co", "company"} and doc[end + 1].text[:1].isupper()):
            end += 2
            if end < sent.end and doc[end].lower_ in ORG_SUFFIXES and doc[end].text[:1].isupper():
                end += 1
            ent = Span(doc, ent.start, end, label="ORG")
        out.append(ent)
    return out


def _nationality_prefix(tok: Token) -> bool:
    """A nationality word: a word with a nationality's ending that is an
    adjective, tagged NORP in the article or a country's name plus "n"
    ("American", "Danish", "Kenyan"), or a nationality noun in "-man"
    ("Frenchman", "Dutchman", "Welshman").

    Example:
        >>> from toolkit.nlp import load_model
        >>> doc = load_model()("Frenchman Eli Roe met American Tam Roe.")
        >>> [t.text for t in doc if _nationality_prefix(t)]
        ['Frenchman', 'American']
    """
    word = tok.lower_
    if word.endswith(("man", "woman")) and tok.is_alpha:
        return word.rsplit("man", 1)[0].rstrip("wo").endswith(("ch", "sh", "s"))
    return word.endswith(("an", "ian", "ese", "ish", "i", "ch")) and (
        _nationality_word(tok) or word[:-1] in country_keys())  # "American" from "America"


@rule("strip-nationality-from-unread-name", stage="actors")
def strip_nationality_from_unread_name(ents: list[Span], sent: Span) -> list[Span]:
    """Cut a nationality off the front of a name the model did not read as a
    person's: "[American Tam Roe]" or "[Frenchman Tam Roe]" tagged ORG is
    the person "Tam Roe" when the rest is written "Given Surname"
    (``data/given_names.txt``); ``strip-affiliation`` does this for names
    tagged PERSON."""
    doc, out = sent.doc, []
    for ent in ents:
        first = ent[0]
        if (ent.label_ != "PERSON" and len(ent) >= 3 and first.text[:1].isupper()
                and _nationality_prefix(first)
                and _given_name_first(name_key(doc[ent.start + 1:ent.end].text))):
            ent = Span(doc, ent.start + 1, ent.end, label="PERSON")
        out.append(ent)
    return out


@rule("join-firm-and", stage="actors")
def join_firm_and(ents: list[Span], sent: Span) -> list[Span]:
    """Join "<org noun> [X] and Y" into one firm when Y is one capitalised word
    the model tagged as no actor and the name ends there: "law firm [Hale]
    and [May]" (the second word read as a month) is the firm "Hale and May"
    (ORG), as partnerships are named."""
    doc, out, nouns = sent.doc, [], org_nouns()
    for ent in ents:
        end = ent.end
        prev = doc[ent.start - 1] if ent.start > sent.start else None
        if (prev is not None and prev.is_lower and prev.lower_ in nouns and end + 1 < sent.end
                and doc[end].lower_ in {"and", "&"} and doc[end + 1].text[:1].isupper()
                and doc[end + 1].is_alpha and doc[end + 1].ent_type_ not in ACTOR_TYPES
                and not (end + 2 < sent.end and doc[end + 2].text[:1].isupper())):
            ent = Span(doc, ent.start, end + 2, label="ORG")
        out.append(ent)
    return out


@rule("join-dangling-name", stage="actors")
def join_dangling_name(ents: list[Span], sent: Span) -> list[Span]:
    """Join an entity that ends in "of" or "for", or in "and" after an "of" or
    "for" of its own, to the one right after it: the model cut one name in
    two, "[the Council for Harbour Pilots and] [Tugs]" is one
    organisation (ORG). "[the Harbour and] [Vale Railroads]" stays two."""
    doc = sent.doc

    def one_name(prev: Span, ent: Span) -> bool:
        return (prev.end == ent.start and len(prev) > 1 and ent.text[:1].isupper()
                and (doc[prev.end - 1].lower_ in {"of", "for"}
                     or doc[prev.end - 1].lower_ in {"and", "&"}
                     and any(t.lower_ in {"of", "for"} for t in prev[1:-1])))
    return _join_with_previous(ents, one_name, label="ORG")


@rule("relabel-employer", stage="actors")
def relabel_employer(ents: list[Span], sent: Span) -> list[Span]:
    """A PERSON-tagged name written before a word for someone who works for a
    firm and a person's name is the firm: "said [Velmar] analyst Ann Lee"
    (relabelled ORG; a town or country there is a GPE). A spokesman is left
    out ("Blair spokesman Tom Ide" speaks for a person), and so is a name
    written "Given Surname"."""
    doc, out = sent.doc, []
    places, countries = lexicon.place_names(), country_keys()
    for ent in ents:
        nxt = doc[ent.end] if ent.end + 1 < sent.end else None
        if (ent.label_ == "PERSON" and nxt is not None and nxt.is_lower
                and nxt.lower_ in lexicon.EMPLOYEE_NOUNS and not nxt.lower_.startswith("spokes")
                and doc[ent.end + 1].ent_type_ == "PERSON"
                and not _given_name_first(name_key(ent.text))):
            key = name_key(ent.text)
            ent = Span(doc, ent.start, ent.end, label="GPE" if key in places or key in countries else "ORG")
        out.append(ent)
    return out


@rule("cut-org-noun-tail", stage="actors")
def cut_org_noun_tail(ents: list[Span], sent: Span) -> list[Span]:
    """Cut lower-case organisation nouns off the end of a name: "the [Norland
    Press news agency] reported" names "Norland Press", an ORG; the nouns
    say what it is, they are not part of its name. One organisation word
    alone after the capitals stays ("the [Harbour Grain committee]"): a
    committee, council or board is named so, and the capitals alone name
    nothing."""
    doc, out, nouns = sent.doc, [], org_nouns()
    for ent in ents:
        end = ent.end
        while end - 1 > ent.start and doc[end - 1].is_lower and (
                doc[end - 1].lower_ in nouns or doc[end - 1].lower_ in MEDIA_NOUNS
                or doc[end - 1].lower_ in {"news"} and end < ent.end):
            end -= 1
        if (end == ent.end - 1 and doc[end].lower_ in ORG_HEAD_WORDS
                and doc[end].lower_ not in MEDIA_NOUNS):
            end = ent.end  # "the [Harbour Grain committee]": the body's own name
        if end < ent.end and doc[end - 1].text[:1].isupper():
            ent = Span(doc, ent.start, end, label="ORG")
        out.append(ent)
    return out


@rule("extend-to-known-name", stage="actors")
def extend_to_known_name(ents: list[Span], sent: Span) -> list[Span]:
    """Extend an entity over the untagged capitalised words before it when
    together they begin a longer name the model tagged elsewhere in the
    article: "[Norland] Handelsbank" tagged once as "Den Norland Handelsbank"
    ... "Den [Norland]'s bonds" gives "Den Norland", which then joins the bank
    (a name is not cut in the middle)."""
    doc, out, known = sent.doc, [], _known_names(sent.doc)
    for ent in ents:
        start = ent.start
        while (start > sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
               and not doc[start - 1].ent_type_ and not _role_kind(doc[start - 1])
               and not (out and out[-1].end > start - 1)):
            start -= 1
        extended = None
        for s in range(start, ent.start):
            key = name_key(doc[s:ent.end].text)
            if any(k.startswith(key + " ") for k in known):
                extended = Span(doc, s, ent.end, label=ent.label_)
                break
        out.append(extended if extended is not None else ent)
    return out


def _untagged_capitals_before(ent: Span, sent: Span, out: list[Span], *, most: int = 3) -> int:
    """Where a run of at most ``most`` untagged capitalised words (no title)
    right before ``ent`` starts, not reaching back into an entity already kept."""
    doc, start = sent.doc, ent.start
    while (start > sent.start and start > ent.start - most and doc[start - 1].text[:1].isupper()
           and doc[start - 1].is_alpha and not doc[start - 1].ent_type_
           and not _role_kind(doc[start - 1]) and not (out and out[-1].end > start - 1)):
        start -= 1
    return start


@rule("extend-to-known-start", stage="actors")
def extend_to_known_start(ents: list[Span], sent: Span) -> list[Span]:
    """Extend an entity over the untagged capitalised words before it when
    they and the entity's first words are a name of two or more words the
    model tagged elsewhere in the article: with "[Velmar Brooke]" tagged
    elsewhere, "Velmar [Brooke Rail Services] faces a charge" names "Velmar
    Brooke Rail Services", a unit named after the firm (the model cut the
    name in the middle, and its tail alone names nobody)."""
    doc, out, known = sent.doc, [], _known_names(sent.doc)
    text = token_columns(doc)["text"]
    for ent in ents:
        if ent.start <= sent.start or not text[ent.start - 1][:1].isupper():
            out.append(ent)
            continue
        start = _untagged_capitals_before(ent, sent, out)
        extended = None
        for s in range(start, ent.start):
            if any(name_key(doc[s:e].text) in known for e in range(ent.start + 1, ent.end + 1)):
                extended = Span(doc, s, ent.end, label=ent.label_)
                break
        out.append(extended if extended is not None else ent)
    return out


@rule("extend-over-given-name", stage="actors")
def extend_over_given_name(ents: list[Span], sent: Span) -> list[Span]:
    """A PERSON entity right after an untagged capitalised given name
    (``data/given_names.txt``, not the sentence's first word) takes it in when
    its own first word is no given name: "winners included Ann [Velez
    Moreno]" is "Ann Velez Moreno" (the model left out a first name it did
    not know with a surname it did)."""
    doc, out, given = sent.doc, [], lexicon.given_names()
    for ent in ents:
        i = ent.start - 1
        if (ent.label_ == "PERSON" and i > sent.start and ent[0].lower_ not in given
                and doc[i].lower_ in given and doc[i].text[:1].isupper() and doc[i].is_alpha
                and doc[i].tag_ == "NNP" and not doc[i].ent_type_ and not _role_kind(doc[i])
                and not (out and out[-1].end > i)):
            ent = Span(doc, i, ent.end, label="PERSON")
        out.append(ent)
    return out


@rule("cut-leading-common-word", stage="actors")
def cut_leading_common_word(ents: list[Span], sent: Span) -> list[Span]:
    """Cut an everyday English word off the front of a PERSON entity of three
    or more words whose next word is a given name: "[Bar Ann Lefroy], who is
    back from injury" (the preposition "bar", capitalised at the sentence's
    start) is "Ann Lefroy". A title ("Keeper", "Coach") is left to
    ``strip-title-from-name``, a given name that is also a word ("Will",
    "Mark") stays, and so does a title's possessive ("[Lost Boy's] Song")."""
    out, given = [], lexicon.given_names()
    for ent in ents:
        if len(ent) < 3:
            out.append(ent)
            continue
        first = ent[0]
        if (ent.label_ == "PERSON" and first.is_alpha
                and first.lower_ not in given and _everyday(first.lower_)
                and not _role_kind(first) and ent[1].lower_ in given
                and all(t.text[:1].isupper() and t.is_alpha for t in ent[1:3])):
            ent = Span(sent.doc, ent.start + 1, ent.end, label="PERSON")
        out.append(ent)
    return out


@rule("extend-party-name", stage="actors")
def extend_party_name(ents: list[Span], sent: Span) -> list[Span]:
    """A party's word takes in the untagged capitalised word before it when the
    two are the name of another party (``lexicon.PARTY_WORDS``): in "Liberal
    [Democrat] leader Ann Lee" the model tagged only the second word, and the
    party is the "Liberal Democrat" one (ORG), not the "Democrat" one; "Lib
    [Dem]" is the same party."""
    doc, out = sent.doc, []
    cols, firsts = token_columns(doc), _party_first_words()
    text, ent_type = cols["text"], cols["ent"]
    for ent in ents:
        i = ent.start - 1
        if (i >= sent.start and text[i][:1].isupper() and text[i].isalpha()
                and not ent_type[i] and not (out and out[-1].end > i)
                and (text[i].casefold() in firsts or _singular(text[i].casefold()) in firsts)
                and _party(name_key(doc[i:ent.end].text)) not in {"", _party(name_key(ent.text))}):
            ent = Span(doc, i, ent.end, label="ORG")
        out.append(ent)
    return out


def _initial_stop(ent: Span) -> int:
    """Index of the token after a one-letter initial with a full stop inside a
    person's entity ("Tom [Q.] Bell") when more than one proper noun, or a
    word that is no proper noun, follows it: there the stop ends a sentence
    the model read on; -1 if there is none."""
    for tok in ent[1:-1]:
        if _is_initial(tok.text):
            rest = ent.doc[tok.i + 1:ent.end]
            if len(rest) > 1 or rest[0].tag_ not in {"NNP", "NNPS"}:
                return tok.i + 1
    return -1


@rule("split-at-initial-stop", stage="actors")
def split_at_initial_stop(ents: list[Span], sent: Span) -> list[Span]:
    """Cut a person's entity that runs over a full stop after a one-letter
    name into the next sentence: "... and Tom Q. Besides Lee, she ..." tagged
    as one PERSON gives "Tom Q.", "... the film Tom Q. Ann Lee, his
    daughter, ..." gives "Tom Q." and "Ann Lee". A middle initial before one
    surname ("Tom Q. Bell") is left whole. A second part that opens with a
    word that is no proper noun ("Besides Lee") is dropped: read after that
    capitalised word, the name would look like part of a title."""
    out: list[Span] = []
    for ent in ents:
        cut = _initial_stop(ent) if ent.label_ == "PERSON" else -1
        if cut < 0:
            out.append(ent)
            continue
        out.append(Span(ent.doc, ent.start, cut, label="PERSON"))
        if all(t.tag_ in {"NNP", "NNPS"} for t in ent.doc[cut:ent.end]):
            out.append(Span(ent.doc, cut, ent.end, label="PERSON"))
    return out


REPAIR_RULES: tuple[Callable[[list[Span], Span], list[Span]], ...] = (
    join_compound_names, extend_company_suffix, extend_to_defined_name, split_coordinated_names,
    join_company_and, join_plural_and_org, split_party_from_name, split_place_party,
    keep_party_modifier, relabel_place_modifier, split_country_prefix, strip_affiliation,
    strip_title_from_name, extend_given_name, split_person_possessor, cut_trailing_scores,
    strip_nationality_from_unread_name,
    split_org_from_person, split_country_from_common_word, extend_initials_and, extend_to_known_name,
    extend_and_company, cut_org_noun_tail, relabel_employer, join_firm_and, join_dangling_name,
    extend_to_known_start, extend_over_given_name, cut_leading_common_word, extend_party_name,
    split_at_initial_stop)
"""Repair rules, in order (see :func:`candidate_mentions`)."""


# Filter rules: each says whether a repaired entity span is NOT an actor
# mention (True drops it). They run in order on every entity of the body.


@rule("drop-lowercase", stage="actors")
def drop_lowercase(span: Span, label: str, sent: Span) -> bool:
    """Drop an entity without a capital letter ("unity", "the council").

    The small model sometimes tags common nouns; a name always has a capital.
    """
    words = token_columns(span.doc)["text"][span.start:span.end]  # no span text joined
    return not any(map(str.isupper, "".join(words)))


@rule("drop-title-words", stage="actors")
def drop_title_words(span: Span, label: str, sent: Span) -> bool:
    """Drop an entity made only of title words ("State" out of "Secretary of State").

    The words are those of ``data/roles.txt`` and the connectors between them.
    """
    return _only_titles(span)


@rule("drop-common-word", stage="actors")
def drop_common_word(span: Span, label: str, sent: Span) -> bool:
    """Drop a single sentence-initial common English word not read as a proper noun.

    "Renewed fighting ..." gives an entity "Renewed": capitalised only because
    it starts the sentence, tagged as an adjective, and frequent in English.
    """
    return _looks_common(span, sent)


@rule("drop-nationality-adjective", stage="actors")
def drop_nationality_adjective(span: Span, label: str, sent: Span) -> bool:
    """Drop a nationality used as an adjective ("French forces"); keep it as a noun ("the Kurds").

    A nationality adjective modifying a noun names no actor of its own: the
    actor is the unnamed noun.
    """
    return label == "NORP" and _is_adjectival(span)


@rule("drop-title-fragment", stage="actors")
def drop_title_fragment(span: Span, label: str, sent: Span) -> bool:
    """Drop common words cut out of a title: "[National Security] Adviser".

    An entity of common English words right before a capitalised title word
    it modifies is part of the title, not a name, unless it ends in an
    organisation word ("[Grain Board] Governor" names the board) or is a
    known country or place, however common the word it spells ("[US]
    President Ann Lee" names the country).
    """
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    if not (nxt.text[:1].isupper() and _role_kind(nxt) == "role"
            and span.root.head.i >= span.end) or _party(name_key(span.text)):
        return False  # a party before a title ("Green MP") is the party
    if len(span) > 1 and span[-1].lower_ in ORG_HEAD_WORDS:
        return False  # an organisation before a title ("Grain Board Governor") is named
    return all(_everyday(t.lower_) for t in span) and not _is_place_key(name_key(span.text))


@rule("drop-time-zone", stage="actors")
def drop_time_zone(span: Span, label: str, sent: Span) -> bool:
    """Drop a time-zone abbreviation ("GMT", "EST") the model tagged as a name."""
    # the words without spaces first: a span text with a space in it is no time zone
    words = "".join(token_columns(span.doc)["text"][span.start:span.end])
    return (words.casefold().rstrip(".") in TIME_ZONES
            and span.text.casefold().rstrip(".") in TIME_ZONES)


@rule("drop-sentence-start-modifier", stage="actors")
def drop_sentence_start_modifier(span: Span, label: str, sent: Span) -> bool:
    """Drop a common word that starts the sentence and modifies a noun after it:
    "[House] prices rose", "[Online] ticket sales", when the article never
    writes it capitalised inside a sentence.

    Capitalised only because it opens the sentence, the word (frequent in
    English, or written in lower case elsewhere in the text) is part of a
    common noun phrase; a name the article uses inside a sentence ("Apple
    shares rose", with "... at Apple" later) is kept, and so are a known place
    or country and an owner ("[Norland]'s largest bank").
    """
    doc = span.doc
    if len(span) != 1 or span.start != _first_word(sent) or span.end >= sent.end:
        return False
    head = span.root.head
    if not (head.i > span.start and head.i < sent.end and head.is_lower and head.pos_ == "NOUN"
            and all(t.is_lower for t in doc[span.end:head.i])):
        return False
    if not _common_here(span[0]):
        return False
    if span.root.dep_ == "poss" or _is_place_key(name_key(span.text)):
        return False  # "[Norland]'s largest bank": an owner, a country or a town
    return not any(t.text == span[0].text and t.i != span.start
                   and t.i != _first_word(_sent_of(doc, t.i))
                   for t in doc)


@rule("drop-verb-or-adjective", stage="actors")
def drop_verb_or_adjective(span: Span, label: str, sent: Span) -> bool:
    """Drop a one-word person, organisation or place the tagger read as a verb
    form, an adverb or an adjective made from a verb ("an [Anglicised]
    hero"): a name is a noun. The tagger also reads rare names as adjectives,
    so other adjectives stay; nationality words (NORP) are left to the rule
    for them."""
    tok = span[0]
    verbal = tok.tag_ in {"VBN", "VBD", "VBG", "RB"} or (
        tok.tag_ == "JJ" and tok.lower_.endswith(("ised", "ized", "ed", "ing")))
    return (len(span) == 1 and label in {"PERSON", "ORG", "GPE", "LOC", "FAC"} and verbal
            and not _is_acronym(span.text) and not _after_org_noun(span))


def _after_org_noun(span: Span) -> bool:
    """Right after a lowercase organisation noun: "the band [X]", "rock band [X]"
    (``data/org_nouns.txt``); a name there is the organisation's, even one
    spelt like a verb."""
    prev = span.doc[span.start - 1] if span.start > 0 else None
    return prev is not None and prev.is_lower and prev.lower_ in org_nouns()


@rule("drop-plural-of-name", stage="actors")
def drop_plural_of_name(span: Span, label: str, sent: Span) -> bool:
    """Drop a one-word organisation written as the plural of a name the model
    tags alone elsewhere in the article: "in the [Levies] before each vote"
    after "the Levy" counts several levies, a common noun; a
    name is not put in the plural. Parties ("Democrats"), teams read as such
    ("the [Saints] fans") and countries are kept."""
    if label != "ORG" or len(span) != 1:
        return False
    word = span[0].text
    if not (word[:1].isupper() and word[1:].islower() and word.endswith("s") and not word.endswith("ss")):
        return False
    single = _singular(word.casefold())
    if single == word.casefold() or _party(name_key(word)) or name_key(word) in country_keys() or _is_club(span):
        return False
    return any(end - start == 1 and label in ACTOR_TYPES and text.casefold() == single
               for start, end, label, text in _entities(span.doc))


@rule("drop-word-written-lowercase", stage="actors")
def drop_word_written_lowercase(span: Span, label: str, sent: Span) -> bool:
    """Drop a single word that starts its sentence when the article writes
    the same word in lower case elsewhere and never capitalised inside a
    sentence: "[Recycling] will grow" after "household recycling" is a common
    word capitalised by its place, not a name (a name is never written in
    lower case). Countries, known places and a word that speaks or acts
    ("[Urban] said ...") are kept."""
    if len(span) != 1 or not (span.text[:1].isupper() and span.text[1:].islower()):
        return False
    doc = span.doc
    first = sent.start + 1 if doc[sent.start].is_quote or doc[sent.start].is_punct else sent.start
    if span.start != first:
        return False
    word = span[0].lower_
    if not word.isalpha() or _is_place_key(word):
        return False
    if _is_speaker(span) or _is_agent(span):
        return False  # "[Urban] said ...": it speaks, so it names someone
    cols = token_columns(doc)
    text, lower = cols["text"], cols["lower"]
    written_lower = False
    for i, low in enumerate(lower):
        if low != word or i == span.start:
            continue
        if text[i].islower():
            written_lower = True
        elif not (doc[i].is_sent_start or i > 0 and (doc[i - 1].is_quote or doc[i - 1].is_punct)):
            return False  # capitalised inside a sentence: a name
    return written_lower


MENTION_FILTERS: tuple[Callable[[Span, str, Span], bool], ...] = (
    drop_lowercase, drop_title_words, drop_common_word, drop_nationality_adjective,
    drop_title_fragment, drop_time_zone, drop_sentence_start_modifier, drop_verb_or_adjective,
    drop_plural_of_name, drop_word_written_lowercase)
"""Filter rules, in order (see :func:`candidate_mentions`)."""


def candidate_mentions(doc: Doc, *, sentences: list[tuple[int, Span]] | None = None,
                       disable: Collection[str] = ()) -> Iterator[_Candidate]:
    """Repaired actor-type entities of the body sentences, in text order.

    Args:
        doc: the parsed article.
        sentences: ``body_sentences(doc)``, when already computed.
        disable: names of filter rules to switch off.
    """
    filters = active(MENTION_FILTERS, disable=disable)
    repairs = active(REPAIR_RULES, disable=disable)
    # ``sent.ents`` walks every entity of the doc for each sentence: the doc's
    # entities (in text order) are read once, and each sentence's found by bisection.
    doc_ents = [(start, end, label) for start, end, label, _ in _entities(doc) if label in ACTOR_TYPES]
    starts = [start for start, _, _ in doc_ents]
    for sent_i, sent in (body_sentences(doc) if sentences is None else sentences):
        first, stop = sent.start, sent.end
        ents = [Span(doc, start, end, label=label) for start, end, label
                in doc_ents[bisect.bisect_left(starts, first):bisect.bisect_left(starts, stop)]
                if end <= stop]
        for repair in repairs:
            ents = repair(ents, sent)
        for ent in ents:
            for n, (s, e) in enumerate(_split_glued(ent)):
                label = ent.label_ if n == 0 else ""
                s, e = _trim(doc, s, e, label)
                if e <= s:
                    continue
                span = Span(doc, s, e)  # ``doc[s:e]``, less the slice's normalisation
                if any(f(span, label, sent) for f in filters):
                    continue
                yield _candidate(doc, s, e, label, sent_i, sent, ent)


def _candidate(doc: Doc, s: int, e: int, label: str, sent_i: int, sent: Span,
               ent: Span) -> _Candidate:
    """A kept entity span with its evidence (a facility noun after a person extends it)."""
    forced = ""
    if (label == "PERSON" and e < sent.end and doc[e].lower_ in facility_nouns()
            and doc[s:e].root.head.i == e):
        e, forced = e + 1, "FAC"
    span = Span(doc, s, e)
    text = span.text  # joined once: the key and the acronym test read it
    desc = _describe(doc, s, e, sent, ent) if label not in {"GPE", "LOC"} else ""
    return _Candidate(start=s, end=e, label=label, sentence=sent_i,
                      key=name_key(text), description=desc,
                      group_plural=label == "PERSON" and _is_plural_group(span),
                      agent=_is_agent(span), org_clue=_org_clue(span, label),
                      neuter=_is_neuter(span), forced=forced, titled=_is_titled(span),
                      person_cue=_has_person_cue(span), work=_is_work_title(span),
                      conj_label=_conjunct_label(span), which=_before_which(span),
                      place_prep=_after_place_preposition(span), speaker=_is_speaker(span),
                      club=_is_club(span) or _side_cue(span), product=_is_product(span),
                      possessor=span.root.dep_ == "poss", place_noun=_before_place_noun(span),
                      plural_subject=_is_plural_subject(span), gendered=_is_gendered(span),
                      people_list=_listed_with_people(span, label), band=_is_band(span),
                      chart_owner=_owns_chart(span), set_score=_set_scores_after(span),
                      match_report=_match_report(doc),
                      in_place=span.start > 0 and doc[span.start - 1].lower_ in {
                          "in", "at", "near", "outside"},
                      work_cue=_work_cue(span) or _work_elsewhere(span),
                      product_use=_product_use(span), maker=_is_maker(span), stars=_stars(span),
                      everyday=_everyday_name(span), title_possessive=_title_possessive(span),
                      group_noun=_after_group_noun(span), org_prefix=_has_org_prefix(span),
                      org_named=_named_as_org(span, label) or _set_beside_org_noun(span),
                      traded=_is_traded(span),
                      acronym=_is_acronym(text) and "." not in text,
                      after_the=_person_after_the(span, label), employer=_works_for(span),
                      newspaper=_is_newspaper(span), address=_in_address(span),
                      award_for=_award_for(span),
                      org_list=_given_name_listed_as_org(span, label),
                      owned_part=_owned_part(span),
                      listed_org=_listed_after_org_noun(span, label))


def _after_group_noun(span: Span) -> bool:
    """A single name right after a plural common noun that describes it:
    "auditors [X]", "footwear specialists [X]": a plural says the name is a
    firm or a group, not one person. A list ("rivals Ann Lee and Tom Ide") and
    a plural of a word for people in a role ("members", "ministers") do not
    count ("spokeswoman for women [Ann Lee]"), nor does a name that is the
    subject of a clause after the noun ("the problems [Ann Lee] had")."""
    doc = span.doc
    if span.start == 0 or span.root.dep_ in {"nsubj", "nsubjpass"}:
        return False  # "the same problems [X] had": the subject of a clause of its own
    prev = doc[span.start - 1]
    if not (prev.is_lower and prev.tag_ == "NNS" and not prev.lower_.endswith("ss")):
        return False
    people = PERSON_CUE_NOUNS | PERSON_NOUNS
    if _singular(prev.lower_) in people or prev.lemma_ in people:
        return False
    return not _list_follows(span)


def _list_follows(span: Span) -> bool:
    """A list separator and a capitalised word follow the name: "[X] and Y",
    "[X], Y"."""
    cols = token_columns(span.doc)
    return (span.end + 1 < len(cols["text"]) and cols["lower"][span.end] in lexicon.LIST_SEPARATORS
            and cols["text"][span.end + 1][:1].isupper())


def _named_as_org(span: Span, label: str) -> bool:
    """The name an organisation noun is given ("a little-known firm called
    [X]", "a company named [X]"), or a person-tagged name the parser reads as
    an adjective of one after "the" ("the [X] newspaper")."""
    root, doc = span.root, span.doc
    head = root.head
    if root.dep_ in {"oprd", "attr", "dobj"} and head.lemma_ in {"call", "name"} and head.tag_ == "VBN":
        noun = head.head
        return head.dep_ == "acl" and noun.is_lower and noun.lower_ in org_nouns()
    return (label == "PERSON" and root.dep_ == "amod" and head.i == span.end and head.is_lower
            and head.lower_ in org_nouns() and span.start > 0
            and doc[span.start - 1].lower_ == "the")


def _set_beside_org_noun(span: Span) -> bool:
    """Followed by a comma and a noun phrase headed by an organisation noun:
    "[X], the Danish company founded by ...", "[X], a Kettering oil company,"
    (read from the words, as the parser often misses such an apposition). A
    noun that goes on ("the company chairman") or owns something ("the
    company's founder") describes a person instead, and one followed by its
    verb starts a clause ("In [X], the company is ...")."""
    doc, i = span.doc, span.end
    if not (i + 2 < len(doc) and doc[i].text == "," and doc[i + 1].tag_ == "DT"):
        return False
    for j in range(i + 2, min(i + 7, len(doc))):
        tok = doc[j]
        if tok.tag_ in {"NN", "NNS"} and tok.is_lower:
            nxt = doc[j + 1] if j + 1 < len(doc) else None
            if nxt is not None and (nxt.tag_ in {"NN", "NNS", "POS", "VBZ", "VBP", "VBD", "MD"}
                                    or nxt.lower_ in {"'s", "’s"}):
                return False  # "In [X], the company is fighting ...": a clause, no apposition
            return _singular(tok.lower_) in org_nouns()
        if not (tok.tag_ in {"JJ", "NNP", "VBN", "HYPH", "CD"} or tok.text == "-"):
            return False
    return False


def _is_traded(span: Span) -> bool:
    """What shares, a stake or a unit belong to: "shares in [X]", "a stake in
    [X]", "a subsidiary of [X]", "[X] shares rose" (:data:`lexicon.HOLDING_NOUNS`)."""
    root = span.root
    prep = root.head
    if (root.dep_ in {"compound", "nmod"} and prep.i == span.end and prep.tag_ in {"NN", "NNS"}
            and prep.is_lower and _singular(prep.lower_) in lexicon.HOLDING_NOUNS):
        return True  # "[X] shares rose"
    return (root.dep_ == "pobj" and prep.lower_ in {"in", "of"} and prep.i == span.start - 1
            and _singular(prep.head.lower_) in lexicon.HOLDING_NOUNS)


def _owned_part(span: Span) -> bool:
    """A percentage of it is owned, bought or sold: "Acme owns 31 pct of
    Velmar Motors and 12 pct of [X]", "agreed to buy 40% of [X]"
    (``lexicon.PERCENT_WORDS``, ``lexicon.STAKE_VERBS``)."""
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.i != span.start - 1:
        return False
    amount = prep.head
    if amount.lower_ not in lexicon.PERCENT_WORDS or not any(
            c.dep_ == "nummod" for c in amount.children):
        return False
    while amount.dep_ in {"conj", "appos"}:
        amount = amount.head
    return amount.dep_ == "dobj" and amount.head.lemma_ in lexicon.STAKE_VERBS


def _person_after_the(span: Span, label: str) -> bool:
    """A single person-tagged word after "the" that is no plural and no title
    and does not modify a name or noun after it: "the [Louvre] said", "the
    [Velmar] found". People are not written with "the" before their name. A
    word listed with places or after "on", "along" or "across the" is a
    place, not an organisation ("Lancashire and the Wyre")."""
    doc = span.doc
    if label != "PERSON" or len(span) != 1 or span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    tok = span[0]
    if tok.tag_ == "NNPS" or tok.lower_.endswith("s") or _role_kind(tok):
        return False
    places = lexicon.place_names()
    if any(t.ent_type_ in {"GPE", "LOC"} or t.lower_ in places for t in tok.conjuncts) or (
            span.start > 1 and doc[span.start - 2].lower_ in {"on", "along", "across", "up", "down"}):
        return False  # "Lancashire and the [Wyre]", "a bridge across the [Tamar]": a place
    nxt = doc[span.end] if span.end < len(doc) else None
    return nxt is None or not (nxt.is_alpha and (nxt.text[:1].isupper() or nxt.pos_ in {"NOUN", "PROPN"}))


def _works_for(span: Span) -> bool:
    """What someone works for: "an analyst at [X]", "a spokesman for [X]",
    "forecaster with [X]" (:data:`lexicon.EMPLOYEE_NOUNS`). A name written
    "Given Surname" is left out: "a spokesman for Ann Lee" speaks for a
    person."""
    root = span.root
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in {"for", "at", "with"} and prep.i == span.start - 1
            and prep.head.is_lower and prep.head.lower_ in lexicon.EMPLOYEE_NOUNS
            and not _given_name_first(name_key(span.text)))


def _is_newspaper(span: Span) -> bool:
    """Written "the <Name>" with a last word of a newspaper title ("the Courier",
    "the Evening Courier", :data:`lexicon.NEWSPAPER_WORDS`)."""
    doc = span.doc
    return (span.start > 0 and doc[span.start - 1].lower_ == "the" and span[-1].text[:1].isupper()
            and span[-1].lower_ in lexicon.NEWSPAPER_WORDS)


def _has_org_prefix(span: Span) -> bool:
    """A name of two or more words whose first word is an acronym the model
    tags as an organisation on its own in the article: "[BBC] Wales Sport" is
    a unit of the BBC."""
    if len(span) < 2 or not _is_acronym(span[0].text):
        return False
    doc = span.doc
    cached = doc.user_data.get("actor_org_acronyms")
    if cached is None:
        cached = dict.fromkeys(sorted({text for start, end, label, text in _entities(doc)
                                       if label == "ORG" and end - start == 1
                                       and _is_acronym(text)}), 1)
        doc.user_data["actor_org_acronyms"] = cached
    return span[0].text in cached


# --------------------------------------------------------------------------- merging


class _Groups:
    """Union-find over name keys; the root is the key seen first."""

    def __init__(self, keys: list[str]):
        self.order = {k: i for i, k in enumerate(keys)}
        self.parent = {k: k for k in keys}

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if self.order[rb] < self.order[ra]:
                ra, rb = rb, ra
            self.parent[rb] = ra

    def members(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for k in self.parent:  # insertion order = first appearance
            out.setdefault(self.find(k), []).append(k)
        return out


def _abbreviates(short: str, full: str) -> bool:
    """A short name made of letters of the full name, in order, from its first
    letter: "Norcol" for "Nordic Coal Limited", as a text defines it in brackets.

    Example:
        >>> _abbreviates("Norcol", "Nordic Coal Limited"), _abbreviates("Labour", "Ann Lee")
        (True, False)
    """
    short, full = short.casefold(), full.casefold()
    if not short.isalpha() or len(short) < 3 or short[0] != full[:1]:
        return False
    rest = iter(full)
    return all(ch in rest for ch in short)


def _definitions(doc: Doc, cands: list[_Candidate]) -> Iterator[tuple[str, str]]:
    """Pairs of keys the text defines as the same actor: "Name (ACR)", "ACR, the Name"."""
    roots = [Span(doc, c.start, c.end).root.i for c in cands]
    by_cand = dict(zip(roots, cands, strict=True))
    by_root = {i: c.key for i, c in by_cand.items()}
    cols = token_columns(doc)
    text, n_tokens = cols["text"], len(cols["text"])
    # only a root with an appositive candidate root below it is defined by apposition
    appos_heads = {cols["head"][i] for i in by_root if cols["dep"][i] == "appos"}
    for c, root in zip(cands, roots, strict=True):
        # Full Name (ACR), also after a wire bracket: "Full Name> (ACR)"
        e = c.end
        while e < n_tokens and text[e] in {">", "'s", "’s"}:
            e += 1
        if (e + 2 < n_tokens and text[e] == "(" and text[e + 2] == ")" and c.end - c.start > 1
                and (_is_acronym(text[e + 1])
                     or _abbreviates(text[e + 1], Span(doc, c.start, c.end).text))):
            yield c.key, name_key(text[e + 1])
        if root not in appos_heads:
            continue
        span = Span(doc, c.start, c.end)
        # ACR, the Full Name  /  Full Name, ACR: in apposition and side by side
        for child in span.root.children:
            if child.dep_ == "appos" and child.i in by_root:
                other = by_root[child.i]
                o = by_cand[child.i]
                gap = doc[min(c.end, o.end):max(c.start, o.start)]
                if (_is_acronym(span.text) != _is_acronym(doc[o.start:o.end].text)
                        and 0 < len(gap) <= 3 and all(t.is_punct or t.tag_ == "DT" for t in gap)):
                    yield c.key, other


@dataclass
class _MergeState:
    """What the merge rules read (the article's candidates) and change (the groups)."""

    doc: Doc
    cands: list[_Candidate]
    uniq: list[str]  # name keys in order of first appearance
    surface: dict[str, str]  # key -> first surface form
    votes: dict[str, Counter]  # key -> the model's labels
    groups: _Groups
    joined: set[str] = field(default_factory=set)  # short forms that joined a person


@rule("merge-country-variants", stage="actors")
def merge_country_variants(state: _MergeState) -> None:
    """Join the variants of one country ("U.K.", "Britain"), from ``data/countries.tsv``."""
    countries = country_keys()
    by_code: dict[str, str] = {}
    for k in state.uniq:
        code = countries.get(k)
        if code:
            state.groups.union(by_code.setdefault(code, k), k)


@rule("merge-acronym-initials", stage="actors")
def merge_acronym_initials(state: _MergeState) -> None:
    """Join an acronym to the one multiword name whose capitalised initials it spells.

    "EU" joins "European Union" when both are in the text (a final company
    form may be left out: "GTB" for "Gulf Trade Bank BSC"); an acronym that
    two names spell stays apart, and a country's ("U.S.") is left to the
    country rules: it never joins "U.S. Cable".
    """
    groups, initials = state.groups, {}
    for k in state.uniq:
        words = state.surface[k].split()
        forms = [state.surface[k]]
        if len(words) > 2 and (words[-1].lower() in ORG_SUFFIXES or words[-1].isupper()):
            forms.append(" ".join(words[:-1]))  # "Acme Trading Co" also spells "AT"
        for ini in dict.fromkeys(_initials(f) for f in forms):
            if ini:
                initials.setdefault(ini, []).append(k)
    countries = country_keys()
    for k in state.uniq:
        if _is_acronym(state.surface[k]) and k not in countries:  # "U.S." is not "U.S. Cable"
            matches = [m for m in initials.get(k, []) if m != k]
            if not matches:  # "NYMEX" for "New York Mercantile Exchange"
                matches = [m for m in state.uniq if " " in m and _spelled_by_prefixes(k, m)]
            if len({groups.find(m) for m in matches}) == 1:
                groups.union(matches[0], k)


def _spelled_by_prefixes(acronym: str, name: str) -> bool:
    """The acronym is the beginnings of the name's words in order, every main
    word giving at least its first letter: "nymex" spells "new york mercantile
    exchange", "ft" spells "financial times".

    Example:
        >>> _spelled_by_prefixes("nymex", "new york mercantile exchange")
        True
        >>> _spelled_by_prefixes("nyc", "new york mercantile exchange")
        False
    """
    acronym = acronym.replace(".", "").casefold()
    if not 2 <= len(acronym) <= 8:
        return False
    words = [w for w in re.split(r"[\s-]+", name.casefold()) if w]
    if not _may_spell(acronym, words):
        return False

    @cache
    def fits(a: int, w: int) -> bool:
        if w == len(words):
            return a == len(acronym)
        word, optional = words[w], words[w] in ACRONYM_STOPWORDS
        if optional and fits(a, w + 1):
            return True
        return any(fits(a + n, w + 1) for n in range(1, len(word) + 1)
                   if acronym[a:a + n] == word[:n])

    return fits(0, 0)


def _may_spell(acronym: str, words: list[str]) -> bool:
    """What :func:`_spelled_by_prefixes` needs before it searches: no more main
    words than letters, and the first letter is the start of the first main
    word or of an optional word before it."""
    main = [w for w in words if w not in ACRONYM_STOPWORDS]
    if len(main) > len(acronym):
        return False
    lead = words[:words.index(main[0]) + 1] if main else words
    return any(w[0] == acronym[0] for w in lead)


@rule("merge-acronym-defined", stage="actors")
def merge_acronym_defined(state: _MergeState) -> None:
    """Join an acronym to the name the text defines it for: "Full Name (ACR)", "ACR, the Full Name"."""
    for a, b in _definitions(state.doc, state.cands):
        if a in state.groups.parent and b in state.groups.parent:
            state.groups.union(a, b)


@rule("merge-surname", stage="actors")
def merge_surname(state: _MergeState) -> None:
    """Join a surname or other short form to the one longer PERSON name it ends.

    "Roe" joins "Jane Roe" whatever the model tagged it; never when two people
    share it, and never a country name, an acronym or a nationality (a
    plural or a "-ese"/"-ish" word the model tagged NORP: "Kurds", "Danish";
    but a singular one that ends a full name written "Given Surname" is that
    person's surname: "Ann Velese" ... "[Velese] said"),
    or a short form the model read mostly as a facility (one stray FAC tag
    among person or organisation tags does not keep a surname apart).
    """
    countries, votes, groups = country_keys(), state.votes, state.groups
    people = [k for k in state.uniq if len(_words(k)) > 1
              and votes[k]["PERSON"] * 2 > sum(votes[k].values())]
    for k in state.uniq:
        nationality = votes[k]["NORP"] and (k.endswith(("s", "ese", "ish")) or " " in k) and not (
            " " not in k and not k.endswith("s")
            and any(_given_name_first(p) and _words(p)[-1] == k for p in people))
        if (k in countries or _is_acronym(state.surface[k]) or nationality
                or votes[k]["FAC"] * 2 > sum(votes[k].values())):
            continue
        words = _words(k)
        hosts = {groups.find(p) for p in people if p != k and _ends_with(_words(p), words)}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)
            state.joined.add(k)


@rule("merge-party-forms", stage="actors")
def merge_party_forms(state: _MergeState) -> None:
    """Join the forms of one political party: singular and plural, with or without
    "Party", and its common other name ("Democrat", "Democrats", "Democrat Party")."""
    by_party: dict[str, str] = {}
    for k in state.uniq:
        party = _party(k)
        if party:
            state.groups.union(by_party.setdefault(party, k), k)


@rule("merge-name-head", stage="actors")
def merge_name_head(state: _MergeState) -> None:
    """Join a short form to the one longer name it is the head of.

    "Bank" is "Bank of England" (the words before "of"), "Acme" is "Acme Corp"
    and "Aegean" the "Aegean Sea" (a name less its company form, organisation
    word or sea, river or island): when exactly one longer name has that head,
    and the short form is not a country or a person. A known town the model
    tags as a place is not an organisation named after it: "Kettleby" stays
    apart from the "Kettleby Police Department".
    """
    heads: dict[str, set[str]] = {}
    for k in state.uniq:
        for head in _name_heads(k):
            heads.setdefault(head, set()).add(k)
    countries, groups = country_keys(), state.groups
    for k in state.uniq:
        hosts = {groups.find(h) for h in heads.get(k, ()) if h != k}
        votes = state.votes[k]
        if (len(hosts) == 1 and k not in countries and groups.find(k) not in hosts
                and votes["PERSON"] * 2 <= sum(votes.values())
                and not _place_apart_from_org(state, k, heads.get(k, ()))):
            groups.union(hosts.pop(), k)


def _place_apart_from_org(state: _MergeState, key: str, longer: Collection[str]) -> bool:
    """``key`` is a known town the model tagged GPE or LOC in most of its
    mentions, and every longer name it heads was tagged ORG in most of
    theirs: a place and an organisation named after it."""
    def mostly(k: str, labels: set[str]) -> bool:
        votes = state.votes[k]
        return sum(votes[x] for x in labels) * 2 > sum(votes.values())
    return (key in lexicon.place_names() and mostly(key, {"GPE", "LOC"})
            and all(mostly(k, {"ORG"}) for k in longer if k != key))


@rule("merge-org-short-form", stage="actors")
def merge_org_short_form(state: _MergeState) -> None:
    """Join the last words of an organisation's name to it ("Commission" ->
    "Executive Commission") when only one organisation ends that way and the
    short form was itself tagged an organisation.

    The first words are not enough: "Acme" and "Acme Prize" are two actors.
    """
    votes, groups, countries = state.votes, state.groups, country_keys()
    orgs = [k for k in state.uniq if len(_words(k)) > 1
            and votes[k]["ORG"] * 2 > sum(votes[k].values())]
    for k in state.uniq:
        if k in countries or votes[k]["ORG"] * 2 <= sum(votes[k].values()):
            continue
        short = _words(k)
        hosts = {groups.find(o) for o in orgs if o != k and _ends_with(_words(o), short)}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)


@rule("merge-club-short-form", stage="actors")
def merge_club_short_form(state: _MergeState) -> None:
    """Join a one-word place name read as a team ("[Harwick] beat ...", "the
    [Harwick] fans") to the one longer organisation it ends ("Real Harwick"),
    when the text never uses it as a place ("in [Harwick]")."""
    votes, groups = state.votes, state.groups
    club = {c.key for c in state.cands if c.club}
    placed = {c.key for c in state.cands if c.place_prep}
    orgs = [k for k in state.uniq if len(_words(k)) > 1
            and votes[k]["ORG"] * 2 > sum(votes[k].values())]
    for k in state.uniq:
        if " " in k or k not in club or k in placed or k in country_keys():
            continue
        hosts = {groups.find(o) for o in orgs if _words(o)[-1] == k}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)


@rule("merge-given-name", stage="actors")
def merge_given_name(state: _MergeState) -> None:
    """Join a first name used alone to the one person whose full name it starts
    ("Ann" -> "Ann Lee"), when it was tagged a person and no other person shares it."""
    votes, groups = state.votes, state.groups
    people = [k for k in state.uniq if len(_words(k)) > 1
              and votes[k]["PERSON"] * 2 > sum(votes[k].values())]
    for k in state.uniq:
        if " " in k or votes[k]["PERSON"] * 2 <= sum(votes[k].values()):
            continue
        hosts = {groups.find(p) for p in people if _words(p)[0] == k}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)


def _clause_subject(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with ("X emerged
    ... and is now known as Y")."""
    while True:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None or verb.dep_ != "conj":
            return subj
        verb = verb.head


@rule("merge-known-as", stage="actors")
def merge_known_as(state: _MergeState) -> None:
    """Join a name to the new or other name the text gives it: "[X] is now
    known as [Y]", "[X] was renamed [Y]", "[X], formerly known as [Y]"."""
    doc, by_root = state.doc, {}
    cols = token_columns(doc)  # the verb is found in the columns: a Token only for a renaming
    head, dep, lower, lemma, tag = (cols[k] for k in ("head", "dep", "lower", "lemma", "tag"))
    roots = [Span(doc, c.start, c.end).root.i for c in state.cands]
    for c, root in zip(state.cands, roots, strict=True):
        by_root.setdefault(root, c.key)
    for c, root in zip(state.cands, roots, strict=True):
        v = head[head[root]] if dep[root] == "pobj" and lower[head[root]] == "as" else head[root]
        if lemma[v] not in RENAME_VERBS or tag[v] != "VBN":
            continue
        verb = doc[v]
        subj = _clause_subject(verb)
        if subj is None and verb.dep_ in {"acl", "relcl"}:
            subj = verb.head  # "[X], formerly known as [Y]"
        if subj is not None and subj.i in by_root and by_root[subj.i] != c.key:
            state.groups.union(by_root[subj.i], c.key)


@rule("merge-surname-of-unread-name", stage="actors")
def merge_surname_of_unread_name(state: _MergeState) -> None:
    """Join a one-word name to the one person-shaped full name it ends, even
    when the model read neither as a person's: "[Tomas Vrbanek] headed
    wide" tagged ORG and "[Vrbanek]" tagged GPE are one player, a PERSON.

    A reader takes a name used in full and then by its last word alone for a
    person (a company or a club is shortened to its first words, "Acme" for
    "Acme Corp"). The full name is two or three capitalised words, none an
    everyday English word, an organisation word or a place name, and neither
    form is read as a team ("[X] striker") or an organisation ("the firm
    [X]"); the short form is no country, acronym or nationality and the model
    did not tag it an ORG in most mentions; no other longer name ends in it.
    """
    votes, groups = state.votes, state.groups
    teams = {c.key for c in state.cands if c.club or c.org_clue}
    ending_in: dict[str, list[str]] = {}  # last word -> the longer names that end in it
    for p in state.uniq:
        if " " in p:
            ending_in.setdefault(_words(p)[-1], []).append(p)
    places, countries = lexicon.place_names(), country_keys()
    for k in state.uniq:
        ends = ending_in.get(k, [])
        if not ends:
            continue  # no longer name ends in it: the cheapest test first
        n = sum(votes[k].values())
        if (" " in k or k in teams or k in countries or k in places
                or _is_acronym(state.surface[k]) or votes[k]["NORP"] or votes[k]["ORG"] * 2 > n
                or _everyday(k)):  # the word-frequency look-up last
            continue
        hosts = {groups.find(p) for p in ends}
        if (len(hosts) == 1 and groups.find(k) not in hosts
                and any(p not in teams and _person_shaped(p) for p in ends)):
            groups.union(hosts.pop(), k)
            state.joined.add(k)


@rule("merge-single-name-of-player", stage="actors")
def merge_single_name_of_player(state: _MergeState) -> None:
    """Join a one-word name to the one person whose full name it starts when
    the model read it as an organisation or a place: "[Tinho Arlanza]"
    and "[Tinho] shot wide" tagged ORG are one player, as players and
    artists from abroad often go by their first name.

    The one word must be no place or country name, no acronym, no everyday
    English word and not read as a team or an organisation anywhere ("[X]
    striker", "the club [X]"); the full name must be the model's PERSON in
    most mentions, and no other name, person or not, may start with it.
    """
    votes, groups = state.votes, state.groups
    teams = {c.key for c in state.cands if c.club or c.org_clue or c.plural_subject}
    places, countries = lexicon.place_names(), country_keys()
    starting: dict[str, list[str]] = {}  # first word -> the longer names that start with it
    for p in state.uniq:
        if " " in p:
            starting.setdefault(_words(p)[0], []).append(p)
    for k in state.uniq:
        starts = starting.get(k, [])
        if not starts:
            continue  # no longer name starts with it: the cheapest test first
        if (" " in k or k in teams or k in places or k in countries
                or _is_acronym(state.surface[k]) or votes[k]["PERSON"] * 2 > sum(votes[k].values())
                or _everyday(k)):  # the word-frequency look-up last
            continue
        hosts = {groups.find(p) for p in starts}
        if (len(hosts) == 1 and groups.find(k) not in hosts and all(
                votes[p]["PERSON"] * 2 > sum(votes[p].values()) for p in starts)):
            groups.union(hosts.pop(), k)
            state.joined.add(k)


def _company_short_forms(key: str, *, first_is_acronym: bool = False) -> list[str]:
    """The short forms a company written with a company form is known by: its
    first word when that is an acronym (``first_is_acronym``: "tkx" for "TKX
    Harbour Systems Corp", a name of three words or more; a first word in
    letters may be the parent of a unit, "Volta" of "Volta Finance North
    America Inc") or before a company tail word ("velta" for "velta
    international", :data:`lexicon.COMPANY_TAIL_WORDS`) and, for "X and Y
    Co", the part before "and" and its last word ("jem hollis", "hollis" for
    "jem hollis and co"), or its first when the last is an everyday word
    ("bryce" for "bryce oil and gas plc").

    Example:
        >>> _company_short_forms("jem hollis and co")
        ['jem hollis', 'hollis']
        >>> _company_short_forms("tkx harbour systems corp", first_is_acronym=True)
        ['tkx']
        >>> _company_short_forms("acme corp")
        []
    """
    words = key.split()
    if words[-1] in lexicon.COMPANY_TAIL_WORDS and len(words) == 2:
        return [words[0]]  # "velta international"
    if len(words) < 3 or words[-1] not in ORG_SUFFIXES | lexicon.COMPANY_TAIL_WORDS:
        return []
    out = []
    cut = next((i for i, w in enumerate(words[1:-1], 1) if w in {"and", "&"}), 0)
    if cut:  # its last word, or its first when the last is an everyday word ("bryce oil")
        out += [" ".join(words[:cut]), words[0] if _everyday(words[cut - 1]) else words[cut - 1]]
    if first_is_acronym:
        out.append(words[0])  # "tkx"; not "volta" for "volta finance north america inc", a unit
    return list(dict.fromkeys(out))


@rule("merge-company-short-form", stage="actors")
def merge_company_short_form(state: _MergeState) -> None:
    """Join a short form to the one company written with a company form that
    is known by it: "TKX" and "TKX Harbour Systems Corp", "Velta" and "Velta
    International", "Hollis" and "Jem Hollis and Co" (see
    :func:`_company_short_forms`). The short form must be voted mostly ORG, or
    be called "it" or followed by ", which" ("Bryce said it ..."), and be no
    country or town: "Chicago" is not "Chicago Harbour Corp"."""
    votes, groups, countries, places = state.votes, state.groups, country_keys(), lexicon.place_names()
    hosts_of: dict[str, set[str]] = {}
    for k in state.uniq:
        if votes[k]["ORG"] * 2 > sum(votes[k].values()):
            first = state.surface[k].split()[0]
            for short in _company_short_forms(k, first_is_acronym=_is_acronym(first)):
                hosts_of.setdefault(short, set()).add(k)
    neuter = {c.key for c in state.cands if c.neuter or c.which}
    for k in state.uniq:
        if k in countries or k in places or (votes[k]["ORG"] * 2 <= sum(votes[k].values())
                                             and k not in neuter):
            continue
        if any(" " in o and o != k and groups.find(o) == groups.find(k) for o in state.uniq):
            continue  # "Velta" is already "Velta Co": not also "Velta Commercial Jet Co"
        hosts = {groups.find(h) for h in hosts_of.get(k, ()) if h != k}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)


def _clips(short: str, name: str) -> bool:
    """``short`` is a clipped form of ``name``: the beginning of its first word
    ("nat" for "national harbour board", three or four letters) or the
    beginnings of each of its words ("imex", "im-ex" for "import export").

    Example:
        >>> _clips("nat", "national harbour board"), _clips("im-ex", "import export")
        (True, True)
        >>> _clips("na", "national harbour"), _clips("imex", "import"), _clips("harbour", "harbour holdings")
        (False, False, False)
        >>> _clips("nation", "national harbour board")
        False
    """
    words = name.split()
    bare = short.replace("-", "")
    if len(words) < 2 or not bare.isalpha() or len(bare) < 3:
        return False
    if words[0].startswith(short) and len(short) < len(words[0]) and len(short) <= 4:
        return True  # "nat"; not "nation" for "national harbour board"
    return (all(w[:1] in bare for w in words) and not bare.startswith(words[0])
            and _spelled_by_prefixes(bare, name))


@rule("merge-clipped-name", stage="actors")
def merge_clipped_name(state: _MergeState) -> None:
    """Join a clipped one-word form to the one organisation it shortens: "Nat"
    for "National Harbour Board", "Imex" or "Im-Ex" for "Import Export Fund" (the
    name or the name less its organisation word, :func:`_clips`). An acronym
    written in capitals is left to the acronym rules, a place ("Europe" is not
    "European Central Bank") never joins, and a name the model read as a
    person's mostly joins only when every word gives its beginning."""
    votes, groups, countries = state.votes, state.groups, country_keys()
    orgs = [k for k in state.uniq if " " in k and votes[k]["ORG"] * 2 > sum(votes[k].values())]
    places = lexicon.place_names()
    for k in state.uniq:
        surface, v = state.surface[k], votes[k]
        if (" " in k or k in countries or k in places or v["GPE"] or v["LOC"] or v["NORP"]
                or surface.isupper() or not surface[:1].isupper()):
            continue  # "Europe" is no clipped "European Central Bank"
        person = votes[k]["PERSON"] * 2 > sum(votes[k].values())
        hosts = {groups.find(o) for o in orgs for form in [o, *_name_heads(o)]
                 if _clips(k, form) and not (person and form.split()[0].startswith(k))}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)


def _initials_any_order(acronym: str, name: str) -> bool:
    """The acronym's letters are the initials of the name's main words, in any
    order: "IGN" for "Norland Grain Institute" (a name's initials in its own
    language), "H&T" for "Harwick & Tann".

    Example:
        >>> _initials_any_order("IGN", "Norland Grain Institute")
        True
        >>> _initials_any_order("IGB", "Norland Grain Institute")
        False
    """
    letters = acronym.replace("&", "").replace(".", "")
    ini = _initials(name)
    return len(letters) >= 2 and letters.isalpha() and sorted(letters.casefold()) == sorted(ini)


@rule("merge-acronym-any-order", stage="actors")
def merge_acronym_any_order(state: _MergeState) -> None:
    """Join an acronym written right after a name and a comma ("the Harbour
    Grain Board, IHG, said") or with an ampersand ("H&T" for "Harwick &
    Tann") to that name when its letters are the name's initials in any order
    (:func:`_initials_any_order`): a name given in English with the acronym
    of its own language, or initials joined by "&"."""
    doc, groups = state.doc, state.groups
    for c in state.cands:
        e = c.end
        if not (e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].text.isupper()):
            continue
        acr = name_key(doc[e + 1].text)
        if acr in groups.parent and acr != c.key and _initials_any_order(doc[e + 1].text, doc[c.start:c.end].text):
            groups.union(c.key, acr)
    for k in state.uniq:
        surface = state.surface[k]
        if "&" not in surface or " " in surface:
            continue
        hosts = {groups.find(o) for o in state.uniq
                 if " " in o and _initials_any_order(surface, state.surface[o])}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)


def _modified_nouns(state: _MergeState) -> dict[str, set[str]]:
    """Name key -> lemmas of the lower-case nouns its mentions modify ("[NC]
    farmers", "[Acme]'s plants"), and of the names they modify, prefixed
    "name:" ("the [NC]'s Nordic Commission")."""
    doc, out = state.doc, {}
    by_token = {i: c.key for c in state.cands for i in range(c.start, c.end)}
    for c in state.cands:
        root = doc[c.start:c.end].root
        head = root.head
        if root.dep_ in {"compound", "poss", "nmod", "amod"} and not c.start <= head.i < c.end:
            if head.i in by_token:
                out.setdefault(c.key, set()).add("name:" + by_token[head.i])
            elif head.is_lower and head.pos_ == "NOUN":
                out.setdefault(c.key, set()).add(head.lemma_)
    return out


@rule("merge-acronym-by-use", stage="actors")
def merge_acronym_by_use(state: _MergeState) -> None:
    """Join an acronym that several names spell to the one it is used like.

    "NC" spells both "Nordic Council" and "Nordic Commission"; a name the
    acronym is part of ("NC Commission") or that it owns or modifies ("the
    NC's Nordic Commission") is not what it stands for, and when more than
    one is left, the one that modifies the same nouns ("[NC] farmers",
    "[Nordic Council] farmers") is.
    """
    groups, uses = state.groups, None
    for k in state.uniq:
        surface = state.surface[k]
        if not _is_acronym(surface) or any(groups.find(o) == groups.find(k) for o in state.uniq
                                           if o != k and " " in o):
            continue
        acr = surface.replace(".", "").casefold()
        hosts = [o for o in state.uniq if " " in o and _initials(state.surface[o]) == acr]
        if len(hosts) < 2:
            continue  # none, or one: the acronym rules before this one decide
        uses = _modified_nouns(state) if uses is None else uses
        mine = uses.get(k, set())
        hosts = [h for h in hosts if "name:" + h not in mine and k not in h.split()]
        if len(hosts) > 1:
            hosts = [h for h in hosts if uses.get(h, set()) & mine]
        if len({groups.find(h) for h in hosts}) == 1:
            groups.union(hosts[0], k)


MERGE_RULES: tuple[Callable[[_MergeState], None], ...] = (
    merge_country_variants, merge_acronym_initials, merge_acronym_defined, merge_surname,
    merge_party_forms, merge_name_head, merge_org_short_form, merge_club_short_form,
    merge_given_name, merge_known_as, merge_surname_of_unread_name, merge_single_name_of_player,
    merge_company_short_form, merge_clipped_name, merge_acronym_any_order, merge_acronym_by_use)
"""Merge rules, in order: each unions the name keys of one actor."""


def _merge(doc: Doc, cands: list[_Candidate], *, disable: Collection[str] = ()
           ) -> tuple[_Groups, set[str]]:
    """Group keys into actors; returns the groups and the keys that joined a person."""
    uniq = list(dict.fromkeys(c.key for c in cands))
    state = _MergeState(doc=doc, cands=cands, uniq=uniq, surface={}, votes={},
                        groups=_Groups(uniq))
    for c in cands:
        state.surface.setdefault(c.key, Span(doc, c.start, c.end).text)
        state.votes.setdefault(c.key, Counter())[c.label] += 1
    for merge in active(MERGE_RULES, disable=disable):
        merge(state)
    return state.groups, state.joined


def _name_heads(key: str) -> list[str]:
    """The short forms a name is known by: the words before "of", or the name
    less a final company form, organisation word or generic place word."""
    words, out = key.split(), []
    if "of" in words[1:]:
        out.append(" ".join(words[:words.index("of")]))
    while len(words) > 1 and words[-1] in ORG_SUFFIXES | ORG_HEAD_WORDS | GENERIC_PLACE_WORDS:
        words = words[:-1]
        out.append(" ".join(words))
    return out


def _ends_with(full: list[str], short: list[str]) -> bool:
    if len(short) >= len(full):
        return False
    tail = full[-len(short):]
    return tail == short or [_strip_particle(w) for w in tail] == [_strip_particle(w) for w in short]


# --------------------------------------------------------------------------- typing


@dataclass
class _TypeEvidence:
    """What the type rules read about one group of mentions."""

    joined: set[str]  # keys that joined a person (merge-surname)
    votes: Counter  # type -> votes of the mentions (the vote rules)
    agent: bool  # some mention is the subject of an acting verb
    neuter: bool  # some mention is called "it" later in its clause


# Vote rules: each may give one mention's vote; the first that answers wins.


@rule("vote-plural-group", stage="actors")
def vote_plural_group(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """"The Xs" tagged PERSON is a group: ORG if it acts anywhere or the
    article reports team sport ("limped off against the [Harriers]": a
    side), else NORP."""
    if c.group_plural:
        return "ORG" if ev.agent or c.match_report else "NORP"
    return None


@rule("vote-called-it", stage="actors")
def vote_called_it(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A PERSON-tagged name the text goes on to call "it" ("X said it would") votes ORG."""
    return "ORG" if c.label == "PERSON" and ev.neuter else None


@rule("vote-relative-which", stage="actors")
def vote_relative_which(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A PERSON-tagged name followed by ", which" ("X, which makes games") votes ORG."""
    return "ORG" if c.label == "PERSON" and c.which else None


@rule("vote-conjunct", stage="actors")
def vote_conjunct(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A one-word name coordinated only with organisations is an organisation.

    In "Aiwa, Sharp and Hollis showed their players", three companies are
    listed; a tag of PERSON on the last one is outvoted by the list.
    """
    return c.conj_label or None


@rule("vote-place-preposition", stage="actors")
def vote_place_preposition(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A one-word PERSON-tagged name after "in" or "near", or after a "from" that
    gives a person's home ("Ann Lee, from Hythe"), votes GPE."""
    return "GPE" if c.label == "PERSON" and c.place_prep and c.end - c.start == 1 else None


@rule("vote-place-noun", stage="actors")
def vote_place_noun(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A name that modifies a word for an administrative place ("[X] province",
    "the [X] region") votes GPE, whatever the model tagged it."""
    return "GPE" if c.place_noun else None


@rule("vote-gendered", stage="actors")
def vote_gendered(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A name the text goes on to call "he" or "she" or whose clause says "his"
    or "her" ("X scored his third try") votes PERSON, whatever the tag. A
    plural the model read as a nationality ("[Norlanders] hope that his
    visit ...") names a people, not the one the pronoun is about."""
    if c.label == "NORP" and c.key.endswith("s"):
        return None
    return "PERSON" if c.gendered else None


@rule("vote-listed-with-people", stage="actors")
def vote_listed_with_people(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A person-shaped name tagged ORG or GPE and listed only with people
    ("Ann Lee and [Kelani Vesterby]") votes PERSON, even when its first name is
    not in the given-name list (``vote-conjunct`` asks for one there)."""
    return "PERSON" if c.people_list else None


@rule("vote-chart-owner", stage="actors")
def vote_chart_owner(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A name that owns a chart ("[X]'s singles chart", "[X]'s album chart")
    votes ORG: a chart is compiled by a publisher or an industry body, not
    by a person."""
    return "ORG" if c.chart_owner else None


@rule("vote-stars", stage="actors")
def vote_stars(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A name that acts in a work ("starring [X]", "[X] will star in ...") votes PERSON.

    Names of works and people share the same sentences in reviews and
    schedules; the one who stars is the person, whatever the model tagged.
    """
    return "PERSON" if c.stars else None


@rule("vote-the-name", stage="actors")
def vote_the_name(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """A single PERSON-tagged word after "the" ("the [Louvre] said", "the
    [Velmar] found") votes ORG: a person's name takes no article. Plurals ("the
    Kurds") are left to ``vote-plural-group``, titles ("the Pope") and a name
    before a noun ("the Smith family") are not read."""
    return "ORG" if c.after_the else None


@rule("vote-model-label", stage="actors")
def vote_model_label(c: _Candidate, ev: _TypeEvidence) -> str | None:
    """Otherwise a mention votes with the model's (repaired) label; a split-off part has
    none, and a recalled name votes with the type its evidence suggests."""
    return c.label or c.guess or None


VOTE_RULES: tuple[Callable[[_Candidate, _TypeEvidence], str | None], ...] = (
    vote_plural_group, vote_called_it, vote_relative_which, vote_conjunct,
    vote_place_preposition, vote_place_noun, vote_gendered, vote_listed_with_people,
    vote_chart_owner, vote_stars, vote_the_name, vote_model_label)
"""Vote rules, in order (the first that answers gives the mention's vote)."""

# Type rules: each may settle a group's type; the first that answers wins.


@rule("type-work-title", stage="actors")
def type_work_title(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name written as the title of a work in at least half its mentions is no actor.

    "The film [X]", "her album [X]", "his [X] single", or a quoted title: the
    name is a work (type ``WORK``, which :func:`extract_actors` leaves out).
    A country's name is never one.
    """
    works = sum(c.work for c in cands)
    if all(c.key in country_keys() for c in cands):
        return None  # "by [US] author Ann Lee": a country is no title
    return "WORK" if works and works * 2 >= len(cands) else None


@rule("type-product", stage="actors")
def type_product(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name written as a product ("the first [X] computer", "its [X] console",
    "Acme's [X]") that never speaks, acts or owns anything is no actor (type
    ``WORK``, left out): a company would be the subject of "said" or own
    something ("[X]'s chief") somewhere in the article."""
    if any(c.product for c in cands) and not any(
            c.speaker or c.agent or c.possessor for c in cands):
        return "WORK"
    return None


@rule("type-law-title", stage="actors")
def type_law_title(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name of two or more words ending in a word for a law or formal text
    ("... Practices Act", "... Treaty", "... Protocol"; ``LAW_WORDS``) is a
    document, no actor (type ``WORK``, left out)."""
    for c in cands:
        words = c.key.split()
        if len(words) > 1 and words[-1] in LAW_WORDS:
            return "WORK"
    return None


def _acts_as_actor(c: _Candidate) -> bool:
    """Some evidence that the mention names a person or an organisation: it
    speaks or acts, owns something, makes something, is called "it", "he" or
    "she", takes a plural verb, has a title, an honorific or an organisation
    noun, or is read as a team."""
    owner = (c.possessor or c.club) and not c.title_possessive
    return (c.speaker or c.agent or owner or c.maker or c.neuter or c.gendered
            or c.plural_subject or c.titled or c.person_cue or c.org_clue)


@rule("type-work-unopposed", stage="actors")
def type_work_unopposed(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name written as a work once that no mention shows to be an actor is no actor.

    Besides the title evidence of ``type-work-title`` ("the film [X]"), a name
    after a part or copy of a work ("new episodes of [X]", "the sequel to
    [X]"), after "star in" or "role in", followed by "starring Ann Lee",
    owned by a person ("Ann Lee's [X]"), coordinated with a work, or written
    as a work in an untagged mention elsewhere counts. A mention that speaks,
    acts, owns, makes, is called "it", "he" or "she", or has a title or an
    organisation noun keeps the name an actor, and so does a "Given Surname"
    or a known place or country.
    """
    if not any(c.work or c.work_cue for c in cands) or any(_acts_as_actor(c) for c in cands):
        return None
    return None if _person_or_place(cands) else "WORK"


def _person_or_place(cands: list[_Candidate]) -> bool:
    """A known place or country name, a political party, or "Given Surname"
    read as a person's by the model at least once (as ``type-given-name``
    asks: a film named after its heroine and tagged ORG is still a film)."""
    return any(_is_place_key(c.key) or _party(c.key) for c in cands) or (
        any(c.label == "PERSON" for c in cands) and any(_given_name_first(c.key) for c in cands))


@rule("type-product-use", stage="actors")
def type_product_use(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name used as a kind of made thing ("sales of [X] games", "[X] and MP3
    players") that never acts as an actor (see ``type-work-unopposed``) is a
    product, no actor (type ``WORK``, left out). A maker named so ("[Acme]
    phones") speaks, acts or owns something elsewhere and stays; so do a
    place ("[Kent] players") and a "Given Surname"."""
    if (any(c.product_use for c in cands) and not any(_acts_as_actor(c) for c in cands)
            and not _person_or_place(cands)):
        return "WORK"
    return None


@rule("type-everyday-words", stage="actors")
def type_everyday_words(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A one-word name that is an everyday English word the text also writes in
    lower case, in every mention ("[Urban] is a broad term" beside "urban
    music"), and that no mention shows to be an actor (see
    ``type-work-unopposed``) is a capitalised word of a phrase or a title,
    no actor (type ``WORK``, left out). Longer names (institutions: "the
    Small Business Administration"), words for an organisation, a place or
    a compass point, acronyms, parties and known places stay."""
    if not all(c.everyday for c in cands) or any(_acts_as_actor(c) for c in cands):
        return None
    return None if _person_or_place(cands) else "WORK"


@rule("type-facility", stage="actors")
def type_facility(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A person's name followed by a facility noun ("<Name> hospital") is a FAC."""
    return "FAC" if any(c.forced == "FAC" for c in cands) else None


@rule("type-honorific", stage="actors")
def type_honorific(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name written after an honorific ("Mr", "Dr", "Sir", "Col", "Sen.") is a PERSON."""
    return "PERSON" if any(c.titled for c in cands) else None


@rule("type-country", stage="actors")
def type_country(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name in ``data/countries.tsv`` is a GPE."""
    countries = country_keys()
    return "GPE" if any(c.key in countries for c in cands) else None


def _marked_as_person(cands: list[_Candidate]) -> bool:
    """Some mention says the name is a person's: an honorific, a title, a
    person cue or "he"/"she" after it."""
    return any(c.titled or c.person_cue or c.gendered for c in cands)


def _org_not_person(cands: list[_Candidate], cue: bool) -> str | None:
    """ORG for a name the model tagged mostly PERSON when ``cue`` (evidence of
    a company) holds, no mention marks it as a person's and it is no known
    place; else no answer."""
    if not cue:
        return None  # the cue first: no labels counted for most names
    labels = Counter(c.label for c in cands if c.label)
    places = lexicon.place_names()
    if (labels and labels["PERSON"] == max(labels.values()) and cue
            and not _marked_as_person(cands) and not any(c.key in places for c in cands)):
        return "ORG"
    return None


@rule("type-group-noun", stage="actors")
def type_group_noun(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A single name right after a plural common noun ("it has gone after
    auditors [X]", "footwear specialists [X]") is an ORG, even when written
    like "Given Surname": a plural describes a firm or a group, never one
    person. A name some mention marks as a person's (an honorific, a title,
    "he") is left to the later rules."""
    if any(c.group_noun for c in cands) and not _marked_as_person(cands):
        return "ORG"
    return None


@rule("type-traded", stage="actors")
def type_traded(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name the model tagged mostly PERSON that shares, a stake or a unit
    belong to ("shares in [X] fell", "a 5% stake in [X]", "a subsidiary of
    [X]") is an ORG, a company: people hold shares, they are not held. A
    place ("shares in [Tokyo]", tagged GPE or in ``data/places.txt``) is left
    alone, and so is a name some mention marks as a person's."""
    return _org_not_person(cands, any(c.traded for c in cands))


@rule("type-employer", stage="actors")
def type_employer(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name the model tagged mostly PERSON that someone works for ("an
    analyst at [X]", "a forecaster for [X]") is an ORG, unless a mention says
    it is a person's (an honorific, a title, "he") or it is a place."""
    return _org_not_person(cands, any(c.employer for c in cands))


@rule("type-acronym-not-person", stage="actors")
def type_acronym_not_person(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted mostly PERSON written only as an acronym in capitals ("KNA
    said", "[NTB] reported"), or as an acronym and the name it spells
    ("Norland Press" and "NP"), or with a clipped form of its name ("Harbour
    Funding Council" and "Hafuco"), is an ORG: people are not named by acronyms
    (initials with full stops, "J.R.", are left alone), unless a mention says
    it is a person's (an honorific, a title). A "he" in what it said ("[KNA]
    said he was released") is someone else."""
    best = max(ev.votes.values(), default=0)
    if not (best and ev.votes["PERSON"] == best):
        return None
    acronyms = {c.key for c in cands if c.acronym}
    spelled = any("".join(w[0] for w in c.key.split() if w not in ACRONYM_STOPWORDS) in acronyms
                  for c in cands if " " in c.key)
    clipped = any(_clips(c.key, o.key) for c in cands if " " not in c.key for o in cands if " " in o.key)
    if ((acronyms and (spelled or all(c.acronym for c in cands))) or clipped) and not any(
            c.titled or c.person_cue for c in cands):
        return "ORG"
    return None


@rule("type-org-unit", stage="actors")
def type_org_unit(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name that begins with an acronym the article tags as an organisation
    on its own ("[BBC] Wales Sport", "[NBC] News") is an ORG, a unit of that
    organisation, whatever the model tagged the rest."""
    if any(c.org_prefix for c in cands) and not any(c.titled or c.gendered for c in cands):
        return "ORG"
    return None


@rule("type-town-not-region", stage="actors")
def type_town_not_region(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted mostly LOC whose every form is a town, state or county
    (``data/places.txt``) and no continent is a GPE: "the [Ohio] senator"
    names a state, a political place."""
    best = max(ev.votes.values(), default=0)
    if not best or ev.votes["LOC"] != best:
        return None
    places = lexicon.place_names()
    if all(c.key in places and c.key not in lexicon.CONTINENTS for c in cands):
        return "GPE"
    return None


def _given_name_first(key: str) -> bool:
    """Written "Given Surname": two to four words, the first a given name
    (``data/given_names.txt``), the last neither an organisation word nor an
    everyday English word, and the whole no place name ("Paul Rowe" yes;
    "Joy Division", "Grace Bank" no).

    Example:
        >>> _given_name_first("paul rowe"), _given_name_first("joy division")
        (True, False)
    """
    words = key.split()
    if not 2 <= len(words) <= 4 or words[0] not in lexicon.given_names():
        return False
    if words[-1] in ORG_HEAD_WORDS | ORG_SUFFIXES or key in lexicon.place_names():
        return False
    if not all(w.replace("-", "").replace("'", "").isalpha() for w in words):
        return False
    return not _everyday(words[-1])


@rule("type-band", stage="actors")
def type_band(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name read as a music act ("[X] frontman Ann Lee", "[X] and [Y], the
    two biggest bands") is an ORG, even when written like a person's name
    ("Given Surname"), unless an honorific or "he"/"she" says it is a
    person's."""
    if any(c.band for c in cands) and not any(c.titled or c.gendered for c in cands):
        return "ORG"
    return None


@rule("type-given-name", stage="actors")
def type_given_name(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name the model read as a person's at least once and written "Given
    Surname" (a given name from the US census lists first) is a PERSON, however
    the short forms voted: "[Paul Rowe]" PERSON once and "[Rowe] said" GPE five
    times is one person, not a place that speaks. Companies named after a
    person ("[Hollis Tarrant]" tagged ORG) keep the model's reading unless it
    read them as a person's somewhere, the text calls them "he" or "his", or
    lists them with people only. A name listed after a plural organisation
    noun ("studios such as Acme and [Dora Lane]") is left to the later
    rules, unless a mention marks it as a person's."""
    if any(c.label == "PERSON" or c.gendered or c.conj_label == "PERSON" for c in cands) and any(
            _given_name_first(c.key) for c in cands):  # the mentions' flags before the name's form
        if any(c.org_list for c in cands) and not _marked_as_person(cands):
            return None  # "studios such as Acme and [Dora Lane]": the list says what it is
        return "PERSON"
    return None


@rule("type-cued-person", stage="actors")
def type_cued_person(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name the model read as a person's in most mentions that has a
    person's title or apposition ("singer [X]", "[X], 27,") is a PERSON
    before any evidence of a group: in "bands such as A and singer [X]" the
    list and in "Ann Lee and star [X] have released" the plural verb belong
    to the others, not to [X]."""
    total = sum(ev.votes.values())
    if total and ev.votes["PERSON"] * 2 > total and any(c.person_cue for c in cands):
        return "PERSON"
    return None


@rule("type-plural-verb", stage="actors")
def type_plural_verb(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A singular name that is the subject of a plural verb ("[X] were dropped
    by their label", "[X] have agreed a deal") is a group, an ORG (a band,
    a team, a company): a person never takes a plural verb. A name voted mostly
    NORP (a people) is left to the later rules."""
    best = max(ev.votes.values(), default=0)
    if any(c.plural_subject for c in cands) and not (best and ev.votes["NORP"] == best):
        return "ORG"
    return None


@rule("type-player-not-club", stage="actors")
def type_player_not_club(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name read as a side ("[X] beat ...", "lost to [X]") that the text
    calls "he" or "she" ("[X] ... his form"), that is followed by set scores
    ("beat [X] 6-4 6-3": a singles match), or that is written "Given Surname"
    (``data/given_names.txt``; a first word that is also a place name, as in
    a club named after its town, does not count) is a player, a PERSON: in
    tennis, golf or snooker the side is one person."""
    if not any(c.club for c in cands):
        return None
    places, countries = lexicon.place_names(), country_keys()
    if any(c.key in places or c.key in countries
           or set(c.key.split()) & (STATE_NAME_WORDS | ORG_HEAD_WORDS) for c in cands):
        return None  # a country's or a club's side ("Republic of X 6-4 6-3")
    if any(c.gendered or c.set_score
           or _given_name_first(c.key) and c.key.split()[0] not in places for c in cands):
        return "PERSON"
    return None


@rule("type-town-club", stage="actors")
def type_town_club(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """In a report of team sport (three words of team sport and a score), a
    town's name (``data/places.txt``; not a country or a capital) voted a
    place and never written as one ("in [X]", "at [X]", "[X] province") is
    its club, an ORG: "Harwick have signed ...", "a move to Harwick" names
    the club."""
    if not all(c.match_report for c in cands):
        return None
    best = max(ev.votes.values(), default=0)
    if not best or ev.votes["GPE"] != best:
        return None
    places, capitals, countries = lexicon.place_names(), capital_cities(), country_keys()
    if any(c.key not in places or c.key in capitals or c.key in countries
           or c.in_place or c.place_noun or c.place_prep for c in cands):
        return None
    return "ORG"


@rule("type-club", stage="actors")
def type_club(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name read as a sports team ("[X] striker", "the [X] fans", "[X] beat
    ...", "[X] 2-1") is an ORG (the club), unless the model read it as a
    person's name in most mentions and some mention says it is a person's (a
    multiword name, an honorific, a person's title or apposition: "Ann Lee
    beat ..."); a country's name stays a GPE (the rule before this one)."""
    if not any(c.club for c in cands):
        return None
    personal = any(" " in c.key or c.titled or c.person_cue or c.key in ev.joined for c in cands)
    if not personal or ev.votes["PERSON"] * 2 <= sum(ev.votes.values()):
        return "ORG"
    return None


@cache
def capital_cities() -> frozenset[str]:
    """Name keys of capitals and seats of government, from ``data/capitals.txt``."""
    return frozenset(name_key(row[0]) for row in lexicon._tsv("capitals.txt"))


@rule("type-speaker-not-place", stage="actors")
def type_speaker_not_place(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted mostly GPE that is the subject of a speech verb ("[X] said")
    is an ORG: places do not speak. A country's name (a government) is settled
    by an earlier rule, and a state's name ("... Union", "... Republic"), a
    capital (``data/capitals.txt``: "Washington said") or a name the text also
    uses as a place ("in [X]") stays a GPE: there the place stands for its
    government. A surname that joined a person's full name is left to
    ``type-joined-person``."""
    best = max(ev.votes.values(), default=0)
    if (best and ev.votes["GPE"] == best and any(c.speaker for c in cands)
            and not any(c.key in ev.joined for c in cands)
            and not any(c.place_prep or c.key.split()[-1] in STATE_NAME_WORDS
                        or c.key in capital_cities() for c in cands)):
        return "ORG"
    return None


@rule("type-acting-name-not-nationality", stage="actors")
def type_acting_name_not_nationality(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A singular name voted mostly NORP that acts or speaks is an ORG (a band,
    a movement): nationalities act as plurals ("the Kurds said", "the Chinese
    said"), and a singular word that is not a demonym names a group."""
    best = max(ev.votes.values(), default=0)
    if not (best and ev.votes["NORP"] == best and any(c.agent or c.speaker for c in cands)):
        return None
    endings = ("s", "an", "ese", "ish", "ch", "i")
    return None if any(c.key.endswith(endings) for c in cands) else "ORG"


@rule("type-joined-person", stage="actors")
def type_joined_person(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """An actor whose short form joined a person's full name is a PERSON.

    Not when a longer form ends in an organisation word or company form
    ("[Harwick United]" tagged PERSON and "United" joined to it): that is a
    club's or a firm's name, left to ``type-org-word``.
    """
    if any(" " in c.key and (_words(c.key)[-1] in ORG_HEAD_WORDS or _words(c.key)[-1] in ORG_SUFFIXES)
           for c in cands):
        return None
    return "PERSON" if any(c.key in ev.joined for c in cands) else None


@rule("type-org-noun", stage="actors")
def type_org_noun(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name in apposition to an organisation noun ("the armed group X"), right
    after one ("software giant X"), or a PERSON-tagged name followed by one
    ("the X militia"), is an ORG."""
    return "ORG" if any(c.org_clue for c in cands) else None


@rule("type-org-named", stage="actors")
def type_org_named(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name an organisation noun is given ("a previously unknown firm called
    [X]", "a company named [X]") or a person-tagged name read as an adjective
    of one ("the [X] newspaper") is an ORG: the text says what it is."""
    return "ORG" if any(c.org_named for c in cands) else None


@rule("type-newspaper", stage="actors")
def type_newspaper(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name written "the <Name>" ending in a newspaper word ("the Courier", "the
    Evening Courier", "the Harbour Times") is an ORG, a newspaper, whatever
    the model tagged it (a place, a nationality), unless a mention says it is
    a person's."""
    if any(c.newspaper for c in cands) and not _marked_as_person(cands):
        return "ORG"
    return None


@rule("type-place-word", stage="actors")
def type_place_word(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name that ends in a word for a building or public place ("... Stadium",
    "... Square", "... Bridge", "... Park") is a FAC, unless the model read it as a
    person's name ("Ann Hall")."""
    if ev.votes["PERSON"]:
        return None
    places = facility_nouns() - ORG_HEAD_WORDS - {"center", "centre"}
    for c in cands:
        words = c.key.split()
        if len(words) > 1 and words[-1] in places:
            return "FAC"
    return None


@rule("type-org-word", stage="actors")
def type_org_word(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name that ends in an organisation word ("... Bank", "... plc", "... FC",
    "... Council", "... United") or starts with one before "of" or "for"
    ("Council of ...", "Bank of ...") is an ORG; a compass name ("West Bank")
    is not."""
    for c in cands:
        words = c.key.split()
        if (len(words) > 1 and words[-1] in ORG_HEAD_WORDS | ORG_SUFFIXES
                and words[0] not in COMPASS_WORDS):
            return "ORG"
        if len(words) > 2 and words[0] in ORG_HEAD_WORDS and words[1] in {"of", "for"}:
            return "ORG"
    return None


@rule("type-party", stage="actors")
def type_party(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A political party, singular or plural ("Democrat", "the Democrats", "Tories"), is an ORG."""
    return "ORG" if any(_party(c.key) for c in cands) else None


@rule("type-person-cue", stage="actors")
def type_person_cue(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name with a person's title, apposition or age is a PERSON, whatever the tag.

    "presenter [X Y]", "[X Y], an early team member", "[X Y], 27,": the text
    itself says the name is a person's.
    """
    return "PERSON" if any(c.person_cue for c in cands) else None


@rule("type-place-name", stage="actors")
def type_place_name(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted mostly PERSON whose every form is a place name
    (``data/places.txt``: towns of 15,000 people or more, states, counties,
    provinces) is a GPE when nothing says it is a person's: no honorific, title,
    apposition or age, no "he"/"she" after it, and no full name it is the
    surname of ("two hundred jobs will move to [Kettering]")."""
    best = max(ev.votes.values(), default=0)
    if not best or ev.votes["PERSON"] != best:
        return None
    places = lexicon.place_names()
    if all(c.key in places and not (c.titled or c.person_cue or c.gendered or c.key in ev.joined)
           for c in cands):
        return "GPE"
    return None


@rule("type-acting-place", stage="actors")
def type_acting_place(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted both ORG and GPE that acts (subject of "said", "fired" ...) is an ORG."""
    return "ORG" if ev.votes["ORG"] and ev.votes["GPE"] and ev.agent else None


@rule("type-majority", stage="actors")
def type_majority(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """Otherwise the majority vote; ties go PERSON, GPE, ORG, LOC, NORP, FAC.

    Without any vote, a name that acts is an ORG and any other a GPE.
    """
    if not ev.votes:
        return "ORG" if ev.agent else "GPE"
    best = max(ev.votes.values())
    return next(t for t in TIE_ORDER if ev.votes[t] == best)


def _in_address(span: Span) -> bool:
    """Written as a place in an address: after a place preposition and
    followed by a comma and a known place or country ("a man from [Kettleby],
    Westshire", "died at [Lowmoor], Norland"), or the known place after such a
    name and its comma ("of Kettleby, [Westshire]").

    Example:
        >>> from toolkit.nlp import load_model
        >>> doc = load_model()("Ann Lee, 40, of Kettleby, Lancashire, was hurt.")
        >>> _in_address(doc[6:7]), _in_address(doc[8:9]), _in_address(doc[0:2])
        (True, True, False)
    """
    start, end = span.start, span.end
    if start == 0:
        return False
    cols = token_columns(span.doc)
    text, lower = cols["text"], cols["lower"]
    comma_before, prep_before = text[start - 1] == ",", lower[start - 1] in lexicon.ADDRESS_PREPOSITIONS
    if not comma_before and not (prep_before and end + 1 < len(text) and text[end] == ","):
        return False
    if comma_before and start >= 3:
        i = start - 2
        # the lower bound 1 keeps i - 1 a token before the name, never the doc's last
        while i > max(start - 5, 1) and text[i - 1][:1].isupper():
            i -= 1
        if (text[i][:1].isupper() and lower[i - 1] in lexicon.ADDRESS_PREPOSITIONS
                and _is_place_key(name_key(span.text))):
            return True
    if not prep_before or end + 1 >= len(text) or text[end] != ",":
        return False
    for n in (3, 2, 1):
        if end + 1 + n <= len(text) and text[end + 1][:1].isupper():
            if _is_place_key(name_key(span.doc[end + 1:end + 1 + n].text)):
                return True
    return False


def _acts_as_org_or_person(c: _Candidate) -> bool:
    """Evidence in one mention that the name is an organisation's or a
    person's, not a place's: it acts or speaks, owns something, is called
    "it", is traded, employs, plays, is written with a title, a role, an
    organisation noun or a work's cue."""
    return (c.agent or c.speaker or c.possessor or c.neuter or c.which or c.org_clue
            or c.traded or c.employer or c.group_noun or c.org_named or c.org_prefix
            or c.band or c.club or c.set_score or c.chart_owner or c.newspaper
            or c.plural_subject or c.titled or c.person_cue or c.gendered or c.stars
            or c.maker or c.product or c.product_use or c.work or c.work_cue
            or c.acronym or c.after_the or bool(c.description) or bool(c.forced))


@rule("type-place-unopposed", stage="actors")
def type_place_unopposed(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted mostly ORG, NORP or PERSON that the text only writes as a
    place is a GPE: some mention is written as an address ("a man from
    [Kettleby], Westshire"), or every form is a known town, county or state
    (``data/places.txt``) and it was voted NORP or follows "in", "at" or
    "near" ("the fair in [Lowmoor]"), and no mention shows it acting,
    speaking, owning, playing or named with a title, a role or an
    organisation's cue. Not in a report of team sport, where a town's name is
    often its club's; a company named after a town ("shares of [Lowmoor]")
    keeps the model's reading."""
    best = max(ev.votes.values(), default=0)
    if not best or not any(ev.votes[t] == best for t in ("ORG", "NORP", "PERSON")):
        return None
    if any(c.match_report or c.key in ev.joined or _acts_as_org_or_person(c) for c in cands):
        return None
    places = lexicon.place_names()
    if any(c.address for c in cands) or (
            ev.votes["PERSON"] != best and all(c.key in places for c in cands)
            and (ev.votes["NORP"] == best or any(c.in_place or c.place_prep for c in cands))):
        return "GPE"
    return None


def _award_for(span: Span) -> bool:
    """What an award is given for: the object of "for" after an award noun
    (``lexicon.AWARD_NOUNS``: "the best debut prize for [X]"), after a
    category ("best first feature for [X]"), after a person listed as a
    winner ("best actors are Ann Lee for [X]"), or after a verb of winning
    ("took the award for [X]"), in a sentence that names an award or says
    "best"; "the" may come between ("for The [X]")."""
    lower = token_columns(span.doc)["lower"]
    if not (span.start >= 1 and lower[span.start - 1] == "for" or span.start >= 2
            and lower[span.start - 2] == "for" and lower[span.start - 1] == "the"):
        return False
    root = span.root
    prep = root.head
    if (root.dep_ != "pobj" or prep.lower_ != "for" or not 1 <= span.start - prep.i <= 2
            or (span.start - prep.i == 2 and span.doc[prep.i + 1].lower_ != "the")):
        return False
    sent = _sent_of(span.doc, span.start)
    if not any(w in lexicon.AWARD_NOUNS or w == "best" for w in lower[sent.start:sent.end]):
        return False
    head = prep.head
    return (head.lower_ in lexicon.AWARD_NOUNS or head.ent_type_ == "PERSON"
            or any(c.lower_ == "best" for c in head.children)
            or (head.pos_ == "VERB" and head.lemma_ in lexicon.AWARD_VERBS))


@rule("type-award-work", stage="actors")
def type_award_work(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name an award is given for ("Ann Lee took the best debut prize for
    [Harrow Lane]", "best actors are Ann Lee for [Harrow Lane]") is a work, no
    actor (type ``WORK``, left out), when no mention shows it acting, owning or
    named like a person, a place or a party (the prize "for [Norland]" is a
    country's; "for [Ann Lee]" a person's)."""
    if (any(c.award_for for c in cands) and not any(_acts_as_actor(c) for c in cands)
            and not _person_or_place(cands)
            and not any(_given_first_hyphenated(c.key) for c in cands)):
        return "WORK"
    return None


def _given_first_hyphenated(key: str) -> bool:
    """:func:`_given_name_first`, or the same with a hyphenated given name each
    of whose parts is a given name ("ann-marie lefroy")."""
    head, _, rest = key.partition(" ")
    if "-" in head and rest and all(p in lexicon.given_names() for p in head.split("-")):
        key = f"{head.split('-')[0]} {rest}"
    return _given_name_first(key)


@rule("type-given-name-unopposed", stage="actors")
def type_given_name_unopposed(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name written "Given Surname" (a given name first that is no town's
    name and no everyday word, the last word, or its singular, no everyday or
    organisation word) that the model tagged only ORG or FAC is a
    PERSON when no mention ties it to an organisation: no organisation noun,
    company form, "it", "which", shares, employees, band or team words
    ("directed by [Ann-Marie Lefroy]", "[Tomas Vrbanek] and Ann Lee for best
    actor"). Companies named after a person keep the model's reading when
    the text says what they are ("investment bank [X]", "[X] said it") or
    where they are ("an economist at [X]"); a club's name ("[Tove Bulls]",
    a plural) and a name beginning with a word ("[Star Lane]") are left
    alone, and a name a recall rule found keeps the type its own evidence
    gave it."""
    if (ev.votes["PERSON"] or any(c.label not in {"", "ORG", "FAC"} or c.guess not in {"", "PERSON"}
                                  for c in cands) or not any(c.label for c in cands)):
        return None
    full = [c for c in cands if " " in c.key]
    places = lexicon.place_names()
    if not full or not all(_given_first_hyphenated(c.key) and c.key not in country_keys()
                           and c.key.split()[0] not in places and not _everyday(c.key.split()[0])
                           and not _everyday(_singular(c.key.split()[-1])) for c in full):
        return None
    if any(c.in_place or c.place_prep or c.address for c in cands):
        return None  # "an economist at [X]": people are not where one works
    if any(c.org_clue or c.neuter or c.which or c.traded or c.employer or c.group_noun
           or c.org_named or c.org_prefix or c.band or c.club or c.chart_owner
           or c.newspaper or c.plural_subject or c.acronym or c.product or c.work
           or c.after_the or c.forced for c in cands):
        return None
    return "PERSON"


@rule("type-firm-not-place", stage="actors")
def type_firm_not_place(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name voted mostly GPE that someone works for ("a consultant at [X]",
    "an analyst with [X]") or a part of which someone owns ("owns 15 pct of
    [X]", "shares in [X]") is an ORG when it is no known town, state,
    county, country or capital (``data/places.txt``, ``data/countries.tsv``,
    ``data/capitals.txt``) and no other mention puts anything "in" or "at"
    it: people work at a firm and own parts of it, they live in a place.
    ``type-employer`` and ``type-traded`` read the same cues for names voted
    PERSON."""
    best = max(ev.votes.values(), default=0)
    if not (best and ev.votes["GPE"] == best
            and any(c.employer or c.traded or c.owned_part for c in cands)):
        return None
    capitals = capital_cities()
    if any(_is_place_key(c.key) or c.key in capitals
           or (c.in_place or c.place_prep) and not (c.employer or c.traded) or c.place_noun
           or c.address
           for c in cands):
        return None
    return "ORG"


def _letters_and_digits(key: str) -> bool:
    """One word of letters and digits ("o2", "x1", "3com").

    Example:
        >>> _letters_and_digits("o2"), _letters_and_digits("ann"), _letters_and_digits("1990")
        (True, False, False)
    """
    return (" " not in key and key.isalnum() and any(ch.isdigit() for ch in key)
            and any(ch.isalpha() for ch in key))


@rule("type-digit-name", stage="actors")
def type_digit_name(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A one-word name written with letters and digits ("[O2] is trialling a
    service", "[X1] said") voted mostly PERSON, GPE or LOC is an ORG: no
    person's or place's name has a digit; a company's or a group's may. A
    mention with an honorific or "he"/"she" keeps the model's reading."""
    best = max(ev.votes.values(), default=0)
    if not best or not any(ev.votes[t] == best for t in ("PERSON", "GPE", "LOC")):
        return None
    if all(_letters_and_digits(c.key) for c in cands) and not any(
            c.titled or c.gendered for c in cands):
        return "ORG"
    return None


def _side_cue(span: Span) -> bool:
    """Written as a side in a match's result or a player's record: it owns
    a result ("[X]'s 2-0 win"), a result is won over, against, by or to it
    ("a 4-1 win over [X]", "defeat to [X]"), it takes one ("[X] took a 2-0
    lead"), or a player makes appearances, goals or a debut for it ("90
    appearances for [X]"). A result counts only with a score in it or in a
    report of team sport, and never with set scores: "a 6-2 7-5 win over
    Ann Lee" names a player."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "for" and head.head.lemma_ in PLAYED_FOR_NOUNS:
        return True
    if root.dep_ == "pobj" and head.lower_ in RESULT_PREPOSITIONS:
        result = head.head
    elif root.dep_ == "poss":
        result = head
    elif root.dep_ in {"nsubj", "dobj"}:  # "[X] took ...", "saw [X] take ..."
        verb = head if root.dep_ == "nsubj" else span.doc[span.end] if span.end < len(span.doc) else head
        if verb.pos_ != "VERB":
            return False
        result = next((c for c in verb.children if c.dep_ == "dobj"), None)
    else:
        return False
    if result is None or result.pos_ != "NOUN" or result.lemma_ not in MATCH_RESULT_NOUNS:
        return False
    phrase = span.doc[result.left_edge.i:result.right_edge.i + 1]
    if SET_SCORES_RE.search(phrase.text):
        return False  # "a 6-2 7-5 victory over [X]": sets, a match between two players
    return _match_report(span.doc) or _has_score(phrase)


def _has_score(phrase: Span) -> bool:
    """A score is written in the phrase: "a 2-0 win", "a 4 - 1 victory"."""
    return any(_score_at(phrase.doc, i, phrase.end) for i in range(phrase.start, phrase.end))


def _listed_after_org_noun(span: Span, label: str) -> bool:
    """A person-tagged name in a list of two or more names right after a
    plural organisation noun: "software firms [X] and Y", "record labels X,
    [Y] and Z". (A list after "such as", "like" or "including" is read by
    ``type-org-noun``, :func:`_org_clue`.)"""
    if label != "PERSON":
        return False
    cols = token_columns(span.doc)
    text, lower = cols["text"], cols["lower"]
    i, separated = span.start - 1, False
    while i >= max(span.start - 12, 0) and (text[i][:1].isupper() or lower[i] in lexicon.LIST_SEPARATORS):
        separated = separated or lower[i] in lexicon.LIST_SEPARATORS
        i -= 1
    if not separated:  # the list's first name: a separator and a name must follow it
        separated = _list_follows(span)
    return separated and i >= 0 and _plural_org_noun(text[i], lower[i])


def _plural_org_noun(text: str, lower: str) -> bool:
    """A lower-case plural of an organisation noun (``data/org_nouns.txt``).

    Example:
        >>> _plural_org_noun("firms", "firms"), _plural_org_noun("Firms", "firms"), _plural_org_noun("firm", "firm")
        (True, False, False)
    """
    return (text.islower() and lower.endswith("s") and not lower.endswith("ss")
            and _singular(lower) in org_nouns())


@rule("type-listed-org", stage="actors")
def type_listed_org(cands: list[_Candidate], ev: _TypeEvidence) -> str | None:
    """A name the model tagged mostly PERSON that is listed right after a
    plural organisation noun ("software firms [X] and Y") is an ORG when no mention marks it as a person's (an honorific, a
    title or apposition, an age, "he"/"she") and it is no known place: the
    list says what its names are. A "Given Surname" is settled earlier by
    ``type-given-name``."""
    return _org_not_person(cands, any(c.listed_org for c in cands))


TYPE_RULES: tuple[Callable[[list[_Candidate], _TypeEvidence], str | None], ...] = (
    type_work_title, type_product, type_law_title,
    type_work_unopposed, type_product_use, type_everyday_words,
    type_facility, type_honorific, type_country, type_group_noun, type_traded,
    type_band, type_given_name, type_org_unit, type_employer, type_acronym_not_person,
    type_cued_person, type_plural_verb, type_player_not_club, type_club,
    type_town_club, type_speaker_not_place, type_acting_name_not_nationality, type_joined_person,
    type_org_noun, type_org_named, type_newspaper, type_place_word, type_org_word, type_party,
    type_person_cue, type_place_name, type_town_not_region, type_acting_place,
    type_place_unopposed, type_given_name_unopposed, type_award_work, type_firm_not_place,
    type_digit_name, type_listed_org, type_majority)
"""Type rules, in order (the first that answers gives the actor's type)."""


def _decide_type(cands: list[_Candidate], joined: set[str], *,
                 disable: Collection[str] = ()) -> str:
    """One type for a group of mentions: the first type rule that answers.

    Returns "" when no active rule answers (only with ``type-majority``
    switched off): such a group makes no actor.
    """
    ev = _TypeEvidence(joined=joined, votes=Counter(), agent=any(c.agent for c in cands),
                       neuter=any(c.neuter for c in cands))
    voters = active(VOTE_RULES, disable=disable)
    for c in cands:
        for vote_rule in voters:  # the first rule that votes gives the mention's vote
            vote = vote_rule(c, ev)
            if vote:
                ev.votes[vote] += 1
                break
    for decide in active(TYPE_RULES, disable=disable):
        atype = decide(cands, ev)
        if atype:
            return atype
    return ""


def _canonical(forms: list[str], counts: Counter) -> str:
    def rank(item):
        i, form = item
        return (-len(form.split()), form.replace(".", "").isupper(), -counts[form], i)

    return min(enumerate(forms), key=rank)[1]


# --------------------------------------------------------------------------- recall


# Recall rules: each yields ``(group index or None, candidate)`` for names the
# model did not tag; None means a name not yet known (it joins the group with
# its key or the person whose surname it is, else it starts a new actor).

TITLE_NOUNS = frozenset(w for w in PERSON_NOUNS if lexicon.title_words().get(w) == "role"
                        ) - lexicon.AMBIGUOUS_TITLES
"""Person titles that, capitalised, introduce a name ("Coach Edu", "Mayor Ruiz")."""


def _untagged_name(tok: Token, sent: Span) -> Span | None:
    """The proper name headed by ``tok`` (with its compound proper nouns), when the
    model tagged none of it, every word is capitalised and the name does not
    go on ("[Union] of Harbour Pilots" is part of a longer name)."""
    doc, start = tok.doc, tok.i
    if (tok.i + 2 < sent.end and doc[tok.i + 1].lower_ in {"of", "for", "and", "&"}
            and doc[tok.i + 2].text[:1].isupper()):
        return None
    while (start > sent.start and doc[start - 1].dep_ == "compound"
           and doc[start - 1].head.i in range(start, tok.i + 1) and doc[start - 1].tag_ == "NNP"):
        start -= 1
    span = Span(doc, start, tok.i + 1)
    if all(t.tag_ in {"NNP", "NNPS"} and t.text[:1].isupper() and not t.ent_type_
           and not _role_kind(t) and t.text.replace("-", "").isalpha() and len(t.text) > 1
           for t in span):
        return span
    return None


def _is_gendered(span: Span) -> bool:
    """The subject of a verb whose clause goes on with "he" or "she" ("X said he
    ...") or with "his" or "her" and no other name between ("X scored his
    third try")."""
    root = span.root
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if not _words_under(root.head, {"he", "she", "his", "her"}):
        return False  # none of the four words anywhere in the verb's clause
    if any(c.dep_ in {"ccomp", "conj", "xcomp"} and any(
            g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in {"he", "she"} for g in c.children)
           for c in root.head.children):
        return True
    doc = span.doc
    own = _first_under(root.head, {"his", "her"}, start=span.end, dep="poss")
    return own is not None and not any(t.ent_type_ in ACTOR_TYPES or t.is_quote
                                       for t in doc[span.end:own.i])


def _guess_label(span: Span) -> str:
    """The type a recalled name most likely has, from the evidence around it: a
    person's cue, a given name first or "he"/"his" make a PERSON; an
    organisation word, "it" or a last word that is an everyday English word an
    ORG; otherwise two or more words a PERSON, one an ORG."""
    words = name_key(span.text).split()
    if _is_titled(span) or _has_person_cue(span):
        return "PERSON"
    if words[-1] in ORG_SUFFIXES | ORG_HEAD_WORDS or _is_neuter(span):
        return "ORG"
    if _is_gendered(span) or _given_name_first(" ".join(words)):
        return "PERSON"
    if len(words) > 1:
        # "Harbour Forum": a name ending in an everyday word is an organisation's
        return "ORG" if _everyday(words[-1]) else "PERSON"
    return "ORG"


def _recalled(span: Span, sent_i: int, label: str) -> _Candidate:
    return _Candidate(start=span.start, end=span.end, label="", guess=label, sentence=sent_i,
                      key=name_key(span.text), titled=_is_titled(span),
                      person_cue=_has_person_cue(span), agent=_is_agent(span),
                      neuter=_is_neuter(span), plural_subject=_is_plural_subject(span),
                      gendered=_is_gendered(span))


@rule("recall-speaker", stage="actors")
def recall_speaker(doc: Doc, sentences: list[tuple[int, Span]], groups: list[list[_Candidate]],
                   types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged proper name that is the subject of a speech verb ("Edu said").

    The text treats whoever speaks as an actor. Its type comes from the
    evidence: an honorific, title, apposition or age makes a PERSON; a company
    form or "it said" an ORG; otherwise as :func:`_guess_label` reads it.
    """
    cols = token_columns(doc)
    dep, tag, lemma, head = cols["dep"], cols["tag"], cols["lemma"], cols["head"]
    for sent_i, sent in sentences:
        for i in range(sent.start, sent.end):
            if (dep[i] in {"nsubj", "nsubjpass"} and lemma[head[i]] in SPEECH_VERBS
                    and tag[i] in {"NNP", "NNPS"}):
                span = _untagged_name(doc[i], sent)
                if span is not None and not _looks_common(span, sent):
                    yield None, _recalled(span, sent_i, _guess_label(span))


@rule("recall-age", stage="actors")
def recall_age(doc: Doc, sentences: list[tuple[int, Span]], groups: list[list[_Candidate]],
               types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged proper name followed by an age ("Edu, 27, scored"): a PERSON."""
    cols = token_columns(doc)
    tag, text = cols["tag"], cols["text"]
    for sent_i, sent in sentences:
        for i in range(sent.start, sent.end):
            if tag[i] in {"NNP", "NNPS"} and (i + 1 == sent.end or text[i + 1] == ","):
                span = _untagged_name(doc[i], sent)
                if span is not None and _has_person_cue(span) and not _is_titled(span):
                    yield None, _recalled(span, sent_i, "PERSON")


@rule("recall-titled-name", stage="actors")
def recall_titled_name(doc: Doc, sentences: list[tuple[int, Span]],
                       groups: list[list[_Candidate]],
                       types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged capitalised name after an honorific or a capitalised person
    title ("Mr Edu", "Coach Edu"): a PERSON."""
    cols, kinds = token_columns(doc), roles()
    text, lower, tag, ent = cols["text"], cols["lower"], cols["tag"], cols["ent"]
    for sent_i, sent in sentences:
        for i in range(sent.start, sent.end - 1):
            if not text[i][:1].isupper():
                continue
            if kinds.get(lower[i], "") != "honorific" and lower[i] not in TITLE_NOUNS:
                continue
            end = i + 1
            while end < sent.end and tag[end] == "NNP" and text[end][:1].isupper() \
                    and not ent[end] and not kinds.get(lower[end], "") \
                    and text[end].isalpha() and len(text[end]) > 1:
                end += 1
            if end > i + 1 and name_key(text[end - 1]) not in ORG_HEAD_WORDS:
                yield None, _recalled(doc[i + 1:end], sent_i, "PERSON")


@rule("recall-called-name", stage="actors")
def recall_called_name(doc: Doc, sentences: list[tuple[int, Span]],
                       groups: list[list[_Candidate]],
                       types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add the name after "a company called" or "a man named": an ORG after an
    organisation noun, a PERSON after a person noun, whatever the model tagged it."""
    cols = token_columns(doc)
    text, lower, ent = cols["text"], cols["lower"], cols["ent"]
    for sent_i, sent in sentences:
        for i in range(max(sent.start, 1), sent.end - 1):
            if lower[i] not in {"called", "named"}:
                continue
            noun = lower[i - 1]
            label = ("ORG" if noun in org_nouns() else
                     "PERSON" if noun in PERSON_CUE_NOUNS else "")
            end = i + 1
            while (end < sent.end and text[end][:1].isupper()
                   and ent[end] not in ACTOR_TYPES and text[end].isalpha()):
                end += 1
            if label and end > i + 1:
                yield None, _recalled(doc[i + 1:end], sent_i, label)


def _proper_run(cols: dict[str, list], start: int, sent: Span, first: int) -> int:
    """The end of the run of capitalised, untagged proper nouns from ``start``
    (no title words; letters, digits and inner dashes only). A capitalised
    word inside the sentence (after ``first``, its first word) tagged as a
    common noun counts: the tagger often reads a rare name so. ``cols`` are the
    doc's :func:`toolkit.nlp.token_columns`."""
    kinds, end = roles(), start
    text, tag, ent, lower = cols["text"], cols["tag"], cols["ent"], cols["lower"]
    while (end < sent.end and (tag[end] in {"NNP", "NNPS"} or tag[end] == "NN" and end != first)
           and text[end][:1].isupper()
           and not ent[end] and not kinds.get(lower[end], "")
           and text[end].replace("-", "").isalnum()):
        end += 1
    return end


def _run_starts(doc: Doc, sent: Span) -> list[list[int]]:
    """``[start, end]`` of every run of capitalised untagged proper nouns in the
    sentence, kept with the doc's token columns as plain ints (three recall
    rules ask)."""
    cols = token_columns(doc)
    cache = cols.setdefault("proper_runs", {})
    key = f"{sent.start}:{sent.end}"
    if key not in cache:
        runs, i, first, text = [], sent.start, _first_word(sent), cols["text"]
        stop = sent.end
        while i < stop:
            end = _proper_run(cols, i, sent, first) if text[i][:1].isupper() else i
            if end > i:
                runs.append([i, end])
                i = end
            else:
                i += 1
        cache[key] = runs
    return cache[key]


@rule("recall-given-name", stage="actors")
def recall_given_name(doc: Doc, sentences: list[tuple[int, Span]],
                      groups: list[list[_Candidate]],
                      types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged "Given Surname" (two or three capitalised proper nouns,
    the first a given name from ``data/given_names.txt``, the last no everyday
    word): a PERSON. The model misses people named in full only once."""
    for sent_i, sent in sentences:
        for start, end in _run_starts(doc, sent):
            if 2 <= end - start <= 3 and _given_name_first(name_key(doc[start:end].text)):
                yield None, _recalled(doc[start:end], sent_i, "PERSON")


@rule("recall-org-noun-name", stage="actors")
def recall_org_noun_name(doc: Doc, sentences: list[tuple[int, Span]],
                         groups: list[list[_Candidate]],
                         types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged proper name right after an organisation noun ("the band
    [X]", "the firm [X Y]", "rival club [X]"), or between "the" and one ("the
    [X Without Y] group", "the [Friends of X] charity"): an ORG
    (``data/org_nouns.txt``)."""
    nouns, lower = org_nouns(), token_columns(doc)["lower"]
    for sent_i, sent in sentences:
        for start, end in _run_starts(doc, sent):
            prev = doc[start - 1] if start > sent.start else None
            if prev is not None and prev.is_lower and prev.lower_ in nouns:
                yield None, _recalled(doc[start:end], sent_i, "ORG")
        for i in range(sent.start + 1, sent.end):
            if lower[i] in nouns and (tok := doc[i]).is_lower:
                start = _name_before(tok, sent)
                if start is not None:
                    yield None, _recalled(doc[start:tok.i], sent_i, "ORG")


def _name_before(noun: Token, sent: Span) -> int | None:
    """Start of a capitalised untagged name between "the" and ``noun``: "the
    [Friends Beyond Walls] group"; None if there is none."""
    doc, i = noun.doc, noun.i
    while (i > sent.start and not doc[i - 1].ent_type_ and not _role_kind(doc[i - 1])
           and (doc[i - 1].text[:1].isupper() or doc[i - 1].lower_ in {"of", "for", "and", "&"})
           and doc[i - 1].lower_ != "the"):
        i -= 1
    if (i == noun.i or i == sent.start or doc[i - 1].lower_ != "the"
            or not doc[i].text[:1].isupper() or not doc[noun.i - 1].text[:1].isupper()):
        return None
    return i


@rule("recall-place-name", stage="actors")
def recall_place_name(doc: Doc, sentences: list[tuple[int, Span]],
                      groups: list[list[_Candidate]],
                      types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged place name (``data/places.txt``) after "in", "near",
    "outside", "from", "to" or "at": "a club in [X]" names a place, a GPE."""
    places = lexicon.place_names()
    for sent_i, sent in sentences:
        for start, end in _run_starts(doc, sent):
            if (start > sent.start and doc[start - 1].lower_ in PLACE_PREPOSITIONS
                    and name_key(doc[start:end].text) in places):
                yield None, _recalled(doc[start:end], sent_i, "GPE")


@rule("recall-country-name", stage="actors")
def recall_country_name(doc: Doc, sentences: list[tuple[int, Span]],
                        groups: list[list[_Candidate]],
                        types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged country name (``data/countries.tsv``: "the USA", "the
    U.S.") that is not part of a longer name: a GPE."""
    countries, cols = country_keys(), token_columns(doc)
    text, lower, tag, ent = cols["text"], cols["lower"], cols["tag"], cols["ent"]
    for sent_i, sent in sentences:
        for i in range(sent.start, sent.end):
            if ent[i] or not text[i][:1].isupper() or i > sent.start and (
                    lower[i - 1] in {"of", "for"}
                    or tag[i - 1] in {"NNP", "NNPS"} and text[i - 1][:1].isupper()):
                continue
            if not _may_start_country(text[i]):
                continue  # no country's name begins so: no span built
            start_char = doc[i].idx
            for end in range(min(i + 4, sent.end), i, -1):
                # the span's text, sliced from the doc's: no Span is built for a miss
                words = doc_text(doc)[start_char:doc[end - 1].idx + len(text[end - 1])]
                if (name_key(words) in countries and not any(ent[i:end])
                        and (end == sent.end or not _capitalised_name_word(doc[end]))):
                    yield None, _recalled(doc[i:end], sent_i, "GPE")
                    break


def _capitalised_name_word(tok: Token) -> bool:
    return tok.tag_ in {"NNP", "NNPS"} and tok.text[:1].isupper()


@rule("recall-repeats", stage="actors")
def recall_repeats(doc: Doc, sentences: list[tuple[int, Span]], groups: list[list[_Candidate]],
                   types: list[str]) -> Iterator[tuple[int, _Candidate]]:
    """Count untagged repeats of a name the model tagged elsewhere ("Roe said ...").

    The model often tags a name once and misses it later ("Roe said ..."). A
    token sequence equal to a form already found for a PERSON, ORG, GPE, LOC
    or FAC actor (or to a person's surname, when no other person shares it)
    counts as a mention when it lies outside every entity and, for a single
    word, is tagged as a proper noun.
    """
    cols = token_columns(doc)
    text, tag, ent = cols["text"], cols["tag"], cols["ent"]
    forms: dict[tuple[str, ...], set[int]] = {}
    for gi, (cands, atype) in enumerate(zip(groups, types, strict=True)):
        if atype in {"NORP", ""}:
            continue
        for c in cands:
            words = tuple(text[c.start:c.end])
            forms.setdefault(words, set()).add(gi)
            if atype == "PERSON" and len(words) > 1 and not doc[c.end - 1].is_punct:
                forms.setdefault((words[-1],), set()).add(gi)
    forms = {w: g for w, g in forms.items() if len(g) == 1}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(forms, key=len, reverse=True):  # longest match first
        by_first.setdefault(words[0], []).append(words)
    covered = {i for cands in groups for c in cands for i in range(c.start, c.end)}
    hits = [i for i, word in enumerate(text) if word in by_first]  # where a form may start
    for sent_i, sent in sentences:
        after = sent.start  # where the next match may start
        for i in hits[bisect.bisect_left(hits, sent.start):bisect.bisect_left(hits, sent.end)]:
            if i < after:
                continue  # inside the last match
            match = None
            if ent[i] == "" and i not in covered and text[i] in by_first:
                for words in by_first[text[i]]:
                    end = i + len(words)
                    if (end <= sent.end and tuple(text[i:end]) == words
                            and all(ent[j] == "" and j not in covered for j in range(i, end))
                            and (len(words) > 1 or tag[i] in {"NNP", "NNPS"})):
                        match = words
                        break
            if match is None:
                continue
            (gi,) = forms[match]
            span = doc[i:i + len(match)]
            yield gi, _Candidate(start=i, end=i + len(match), label="", sentence=sent_i,
                                 key=name_key(span.text), plural_subject=_is_plural_subject(span))
            after = i + len(match)


@rule("recall-newspaper", stage="actors")
def recall_newspaper(doc: Doc, sentences: list[tuple[int, Span]],
                     groups: list[list[_Candidate]],
                     types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add a newspaper the model missed: "the" and capitalised words ending in
    a newspaper word (:data:`lexicon.NEWSPAPER_WORDS`), maybe followed by "on
    Sunday": "the Sunday Courier" (its weekday read as a date), "the Courier on
    Sunday", "the Observer" (ORG). No word may be tagged as another actor."""
    cols = token_columns(doc)
    text, lower, ent = cols["text"], cols["lower"], cols["ent"]
    for sent_i, sent in sentences:
        for i in range(sent.start, sent.end - 1):
            if lower[i] != "the":
                continue
            end = i + 1
            while (end < sent.end and text[end][:1].isupper() and text[end].isalpha()
                   and ent[end] not in ACTOR_TYPES and end - i <= 3):
                end += 1
            if end == i + 1 or lower[end - 1] not in lexicon.NEWSPAPER_WORDS:
                continue
            if end + 1 < sent.end and (text[end][:1].isupper() or text[end] in {"'s", "’s"} or (
                    lower[end] in {"and", "&", "of"} and text[end + 1][:1].isupper())):
                continue  # the name goes on: "the Standard and Harbour index"
            if end + 1 < sent.end and lower[end] == "on" and lower[end + 1] == "sunday":
                end += 2
            yield None, _recalled(doc[i + 1:end], sent_i, "ORG")


@rule("recall-party-before-title", stage="actors")
def recall_party_before_title(doc: Doc, sentences: list[tuple[int, Span]],
                              groups: list[list[_Candidate]],
                              types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add an untagged party name written before a title and a person:
    "Conservative shadow chancellor Ann Lee", "Green MEP Ann Lee", "Lib Dem
    leader Ann Lee" name the party (ORG) as well as the person, as
    ``split-party-from-name`` reads it when the model tags all of it as one
    name. The party is one to three capitalised words that
    ``lexicon.PARTY_WORDS`` knows ("Liberal Democrat", "Labour Party"), not
    the end of a longer name, and the title words after it end at a person
    the model tagged or at a capitalised name."""
    cols, kinds = token_columns(doc), roles()
    text, lower, ent, tag = cols["text"], cols["lower"], cols["ent"], cols["tag"]
    firsts = _party_first_words()
    for sent_i, sent in sentences:
        for i in range(sent.start, sent.end - 2):
            if (ent[i] or not text[i][:1].isupper()
                    or lower[i] not in firsts and _singular(lower[i]) not in firsts or (
                        i > sent.start and text[i - 1][:1].isupper()
                        and (i - 1 > sent.start or tag[i - 1] in {"NNP", "NNPS"}))):
                continue
            end = next((i + n for n in (3, 2, 1) if i + n < sent.end
                        and not any(ent[i:i + n]) and all(w[:1].isupper() for w in text[i:i + n])
                        and _party(name_key(" ".join(text[i:i + n])))), None)
            if end is None or kinds.get(lower[end], "") != "role":
                continue
            j = end
            while j < sent.end and kinds.get(lower[j], "") == "role" and ent[j] != "PERSON":
                j += 1
            if j < sent.end and j - end <= 4 and (ent[j] == "PERSON" or (
                    tag[j] == "NNP" and text[j][:1].isupper() and not ent[j])):
                yield None, _recalled(doc[i:end], sent_i, "ORG")


@rule("recall-mislabelled-speaker", stage="actors")
def recall_mislabelled_speaker(doc: Doc, sentences: list[tuple[int, Span]],
                               groups: list[list[_Candidate]],
                               types: list[str]) -> Iterator[tuple[int | None, _Candidate]]:
    """Add a name the model tagged as a title, a product, an event, a law or
    a language when it is the subject of a speech verb: "Ann Lefroy, an
    analyst at Velmar, said" with the name read as a WORK_OF_ART, or "Lefroy
    said" read as a PRODUCT. Whoever speaks is an actor (``recall-speaker``
    does this for names left untagged). Names joined by "and" are each one
    ("[The Harriers and Rovers] say" names two clubs); the type comes from
    the evidence, as :func:`_guess_label` reads it."""
    starts = [sent.start for _, sent in sentences]
    for start, end, label, _ in _entities(doc):
        if label not in {"WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "LANGUAGE"}:
            continue
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or end > sentences[k][1].end:
            continue  # not in a body sentence
        root = Span(doc, start, end).root
        if root.dep_ not in {"nsubj", "nsubjpass"} or root.head.lemma_ not in SPEECH_VERBS:
            continue
        a = start + (doc[start].lower_ == "the")
        for b in [i for i in range(a, end) if doc[i].lower_ in {"and", "&"}] + [end]:
            if b > a and all(t.text[:1].isupper() and t.text.replace("-", "").isalpha()
                             for t in doc[a:b]):
                yield None, _recalled(doc[a:b], sentences[k][0], _guess_label(doc[a:b]))
            a = b + 1


RECALL_RULES: tuple[Callable[..., Iterator[tuple[int | None, _Candidate]]], ...] = (
    recall_org_noun_name, recall_speaker, recall_age, recall_titled_name, recall_called_name,
    recall_given_name, recall_place_name, recall_country_name, recall_repeats, recall_newspaper,
    recall_party_before_title, recall_mislabelled_speaker)
"""Recall rules, in order: each adds mentions the model did not tag."""

# Name rules: each takes an actor's name and returns the name it is known by.


@rule("name-company-no-period", stage="actors")
def name_company_no_period(name: str) -> str:
    """A name that ends in an abbreviated company form drops the form's full
    stop: "Harwick Freight Corp." -> "Harwick Freight Corp", "Lane Bros." ->
    "Lane Bros" (``ORG_SUFFIXES``). The stop only marks the abbreviation (and
    at a sentence's end the sentence too): the name is the same company's
    whether the text writes it or not. Initials ("U.S.", "J.B.") keep theirs.

    Example:
        >>> name_company_no_period("Harwick Freight Corp."), name_company_no_period("Ann B.")
        ('Harwick Freight Corp', 'Ann B.')
    """
    head, _, last = name.rpartition(" ")
    if head and last.endswith(".") and last.count(".") == 1 and last.casefold() in ORG_SUFFIXES:
        return name[:-1]
    return name


@rule("name-initial-no-period", stage="actors")
def name_initial_no_period(name: str) -> str:
    """A name of two words or more that ends in a one-letter initial drops
    the initial's full stop: "Tom Q." -> "Tom Q", as the same name is written
    inside a sentence; the stop only marks the abbreviation, and at a
    sentence's end the sentence too (see ``split-at-initial-stop``).
    Initials written as one word ("U.S.", "J.B.") keep theirs.

    Example:
        >>> name_initial_no_period("Tom Q."), name_initial_no_period("Tom Q. Bell")
        ('Tom Q', 'Tom Q. Bell')
    """
    head, _, last = name.rpartition(" ")
    return name[:-1] if head and _is_initial(last) else name


def _is_initial(word: str) -> bool:
    """A one-letter initial with its full stop: "Q."."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


NAME_RULES: tuple[Callable[[str], str], ...] = (name_company_no_period, name_initial_no_period)
"""Name rules, in order: each rewrites an actor's canonical name."""


def _named(actor: Actor, disable: Collection[str]) -> Actor:
    """``actor`` with the active name rules applied to its name."""
    for rename in active(NAME_RULES, disable=disable):
        actor.name = rename(actor.name)
    return actor


RULE_GROUPS = {"repair": REPAIR_RULES, "filter": MENTION_FILTERS, "merge": MERGE_RULES, "vote": VOTE_RULES,
               "type": TYPE_RULES, "recall": RECALL_RULES, "name": NAME_RULES}
"""The actor rules by group, in the order :func:`extract_actors` applies them."""


# --------------------------------------------------------------------------- public API


def extract_actors(doc: Doc, *, disable: Collection[str] = (), types: tuple[str, ...] = ACTOR_TYPES,
                   recall: bool = True) -> list[Actor]:
    """The actors of a parsed article, each with all its body mentions.

    Args:
        doc: the parsed article (``doc._.paragraphs`` marks headings, which
            are skipped).
        disable: names of actor rules to switch off (see :data:`RULE_GROUPS`).
        types: actor types to return (all six by default).
        recall: also count untagged repeats of names the model tagged
            elsewhere (see :func:`recall_repeats`).

    Returns:
        Actors sorted by number of mentions (descending), then name; mentions
        sorted by position.

    Example:
        >>> from toolkit.nlp import load_model, make_doc
        >>> from toolkit.read import article_from_text
        >>> nlp = load_model()
        >>> doc = nlp(make_doc(article_from_text(
        ...     "Dr Jane Roe met Tom Ide in Oslo. Roe said the talks went well."), nlp))
        >>> [(a.name, a.type, len(a.mentions)) for a in extract_actors(doc)]
        [('Jane Roe', 'PERSON', 2), ('Oslo', 'GPE', 1), ('Tom Ide', 'PERSON', 1)]
    """
    sentences = list(body_sentences(doc))
    cands = list(candidate_mentions(doc, sentences=sentences, disable=disable))
    if not cands:
        return []
    union, joined = _merge(doc, cands, disable=disable)
    by_root: dict[str, list[_Candidate]] = {}
    for c in cands:
        by_root.setdefault(union.find(c.key), []).append(c)
    groups = list(by_root.values())
    group_types = [_decide_type(g, joined, disable=disable) for g in groups]
    if recall:
        _recall(doc, sentences, groups, group_types, joined, disable=disable)
    actors = [_make_actor(doc, g, t) for g, t in zip(groups, group_types, strict=True)
              if t and t in types]
    actors = [_named(a, disable) for a in actors]
    actors.sort(key=lambda a: (-len(a.mentions), a.name.casefold(), a.name))
    return actors


def _recall(doc: Doc, sentences: list[tuple[int, Span]], groups: list[list[_Candidate]],
            group_types: list[str], joined: set[str], *, disable: Collection[str]) -> None:
    """Run the recall rules, adding their mentions to ``groups``; a group whose
    new mentions bring evidence of their own (a plural verb) is typed again."""
    # the tokens of every mention in the groups: kept up to date as mentions are added
    covered = {i for g in groups for c in g for i in range(c.start, c.end)}
    for find in active(RECALL_RULES, disable=disable):
        for gi, c in list(find(doc, sentences, groups, group_types)):
            c.source = find.rule_name
            if covered.isdisjoint(range(c.start, c.end)):
                covered.update(range(c.start, c.end))
                _add_recalled(groups, group_types, gi, c, disable=disable,
                              acronym=_is_acronym(doc[c.start:c.end].text))
                if gi is not None and c.plural_subject and group_types[gi] == "PERSON":
                    group_types[gi] = _decide_type(groups[gi], joined, disable=disable)


def _add_recalled(groups: list[list[_Candidate]], types: list[str], gi: int | None,
                  cand: _Candidate, *, disable: Collection[str], acronym: bool = False) -> None:
    """Put a recalled mention in its group: the one given, the group with its key,
    the one person whose surname it is, the one organisation or place an
    ``acronym`` spells, or a new group typed by the type rules (which takes
    in the group named by its head, or by its surname: :func:`_recalled_surname`)."""
    party = _party(cand.key) if "merge-party-forms" not in disable else ""
    if gi is None:
        gi = next((i for i, g in enumerate(groups) if any(
            c.key == cand.key or (party and _party(c.key) == party) for c in g)), None)
    if gi is None and " " not in cand.key:
        hosts = {i for i, (g, t) in enumerate(zip(groups, types, strict=True)) if t == "PERSON"
                 and any(_ends_with(_words(c.key), [cand.key]) for c in g)}
        gi = hosts.pop() if len(hosts) == 1 else None
    if gi is None and acronym and "merge-acronym-initials" not in disable:
        spelled = {i for i, (g, t) in enumerate(zip(groups, types, strict=True)) if t != "PERSON"
                   and any(" " in c.key and _spelled_by_prefixes(cand.key, c.key) for c in g)}
        gi = spelled.pop() if len(spelled) == 1 else None  # a recalled "FT" for "Financial Times"
    if gi is None:
        # A recalled full name takes in a group named by its head ("Acme" for
        # "Acme Corp") when merge-name-head is on.
        heads = set(_name_heads(cand.key)) if "merge-name-head" not in disable else set()
        surname = _recalled_surname(groups, types, cand) if "merge-surname" not in disable else ""
        absorbed = [i for i, g in enumerate(groups) if any(c.key in heads or c.key == surname
                                                           for c in g)]
        group = [cand] + [c for i in absorbed for c in groups[i]]
        for i in reversed(absorbed):
            del groups[i], types[i]
        groups.append(group)
        types.append(_decide_type(group, {surname} - {""}, disable=disable))
    else:
        groups[gi].append(cand)


def _recalled_surname(groups: list[list[_Candidate]], types: list[str], cand: _Candidate) -> str:
    """The surname a recalled person's full name takes in, as ``merge-surname``
    joins a surname to a tagged full name: the last word of a recalled
    "Given Surname" (guessed a person's) when one group is named by that
    word alone, whatever the model typed it ("[Lunetti]" ORG and the untagged
    "Dario Lunetti"), and no person of the article ends in it; else ""."""
    if cand.guess != "PERSON" or not _given_name_first(cand.key):
        return ""
    last = _words(cand.key)[-1]
    if last in country_keys() or any(t == "PERSON" and any(
            " " in c.key and _words(c.key)[-1] == last for c in g)
            for g, t in zip(groups, types, strict=True)):
        return ""
    alone = [i for i, g in enumerate(groups) if any(c.key == last for c in g)]
    return last if len(alone) == 1 else ""


def _make_actor(doc: Doc, cands: list[_Candidate], atype: str) -> Actor:
    mentions = []
    for c in cands:
        span = Span(doc, c.start, c.end)
        mentions.append(Mention(text=span.text, start_char=span.start_char,
                                end_char=span.end_char, sentence=c.sentence, label=c.label))
    mentions.sort(key=lambda m: (m.start_char, m.end_char))
    forms = list(dict.fromkeys(m.text for m in mentions))
    counts = Counter(m.text for m in mentions)
    descriptions = []
    if atype in {"PERSON", "ORG"}:
        ordered = sorted(cands, key=lambda c: c.start)
        descriptions = list(dict.fromkeys(c.description for c in ordered if c.description))
    labels = Counter(c.label for c in cands if c.label)
    # A country is named by its preferred name, so it joins across articles
    # ("UK" in one story, "Britain" in the next); aliases keep the text's forms.
    name = (atype == "GPE" and country_name(forms)) or _canonical(forms, counts)
    found = [c.source for c in sorted(cands, key=lambda c: c.start)]
    source = "model" if "model" in found else found[0]
    return Actor(name=name, type=atype,
                 description=descriptions[0] if descriptions else "", aliases=forms,
                 mentions=mentions, descriptions=descriptions,
                 labels=dict(sorted(labels.items())), source=source)


def actors_table(actors: list[Actor]) -> pd.DataFrame:
    """One row per actor: name, type, mention count, aliases, role and how it was found.

    Example:
        >>> actors_table([Actor("Jane Roe", "PERSON", "Mayor", ["Jane Roe", "Roe"])]).actor[0]
        'Jane Roe'
    """
    return contract.frame("actors", actor_rows(actors))


def actor_rows(actors: list[Actor]) -> list[dict]:
    """The rows of :func:`actors_table`, as dicts."""
    return [{"actor": a.name, "type": a.type, "mentions": len(a.mentions),
             "aliases": contract.LIST_SEP.join(a.aliases), "description": a.description,
             "source": a.source}
            for a in actors]


def mentions_table(actors: list[Actor]) -> pd.DataFrame:
    """One row per mention, in text order, with the actor it belongs to."""
    return contract.frame("mentions", mention_rows(actors))


def mention_rows(actors: list[Actor]) -> list[dict]:
    """The rows of :func:`mentions_table`, as dicts in text order."""
    rows = [{"actor": a.name, "text": m.text, "start_char": m.start_char,
             "end_char": m.end_char, "sentence": m.sentence}
            for a in actors for m in a.mentions]
    rows.sort(key=lambda r: (r["start_char"], r["end_char"]))
    return rows


from .colors import TYPE_COLORS  # noqa: E402 - the one colour table (plots, report, displaCy)


def show_actors(obj, *, jupyter: bool | None = None, label: str = "type") -> str | None:
    """Render the article with its actors highlighted by type (displaCy "ent" style).

    Args:
        obj: an :class:`~toolkit.analysis.Analysis` or a parsed ``Doc``.
        jupyter: display inline in a notebook (``None``: detect).
        label: ``"type"`` to label each mention with its actor's type, or
            ``"actor"`` to label it with the actor's canonical name.

    Returns:
        The HTML markup when not displayed in a notebook, else ``None``.

    Example:
        >>> from toolkit.nlp import load_model, make_doc
        >>> from toolkit.read import article_from_text
        >>> nlp = load_model()
        >>> doc = nlp(make_doc(article_from_text("Jane Roe visited Oslo."), nlp))
        >>> "Jane Roe" in show_actors(doc, jupyter=False)
        True
    """
    from spacy import displacy

    if isinstance(obj, Doc):
        doc, actors = obj, extract_actors(obj)
    else:
        doc, actors = obj.doc, obj.actor_list
    ents = []
    colors = dict(TYPE_COLORS)
    for a in actors:
        tag = a.type if label == "type" else a.name
        colors.setdefault(tag, TYPE_COLORS.get(a.type, "#ddd"))
        ents.extend({"start": m.start_char, "end": m.end_char, "label": tag} for m in a.mentions)
    ents.sort(key=lambda e: (e["start"], e["end"]))
    data = {"text": doc.text, "ents": ents, "title": None}
    return displacy.render(data, style="ent", manual=True, jupyter=jupyter,
                           options={"colors": colors})
