"""Actors: named-entity mentions merged into the real-world actors of an article.

The small English model tags entities one sentence at a time and makes
predictable mistakes: the same surname is a person in one sentence and a place
in the next, a title is glued onto a name, two names joined by a dash become
one entity, a capitalised adjective at the start of a sentence becomes a
nationality. :func:`extract_actors` turns the model's entities into **actors**
(one per real-world person, organisation or place, with every mention) by a
chain of small general rules that look at the whole article:

1. **Mentions** (:func:`candidate_mentions`): entities labelled PERSON, ORG,
   GPE, NORP, LOC or FAC in body sentences only (headings never count, and
   the cleaner has already moved headline, byline and captions out of the
   body). Each entity is repaired before it counts:

   - it is split at a spaced dash or a comma ("Maria Lopez - Spain" gives
     two mentions; "Al-Amin" stays whole);
   - a leading determiner and a trailing possessive or punctuation are
     dropped ("the Red Cross's" -> "Red Cross");
   - a title at the front of a PERSON is cut off and kept as the role
     ("Foreign Minister Jane Roe" -> "Jane Roe"); an entity made only of
     title words ("State" out of a title) is dropped;
   - a person's name followed by a facility noun is a facility
     ("<Name> hospital", FAC);
   - entities without a capital letter ("unity") are dropped, and so is
     a single sentence-initial word that is a common English word the
     tagger did not read as a proper noun ("Renewed");
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
   - an acronym joins the multiword name whose capitalised initials it
     spells, when both are in the text ("European Union" + "EU"), or a name
     that the text defines it for: "Full Name (ACR)" or an apposition
     "ACR, the Full Name";
   - a surname or other short form joins the **one** longer PERSON name it
     ends ("Roe" -> "Jane Roe"), whatever the model tagged the short form
     (a surname tagged GPE is still the person); never when two people share
     it, and never for a country name.

3. **Type by consensus**: every mention votes with its (repaired) label; the
   whole article decides, and these rules override the vote:

   - a name in ``data/countries.tsv`` is a GPE;
   - a short form that joined a person is a PERSON;
   - "the Xs" / "Country's Xs" tagged PERSON is a group, not a person: an ORG
     when the group is the subject of a verb of acting or speaking anywhere
     ("said", "launched", "fired", "claimed" ...; :data:`AGENT_VERBS`),
     otherwise NORP;
   - a name tagged both ORG and GPE that is not a country and acts as the
     subject of such a verb is an ORG (an armed group or movement the model
     took for a place once);
   - a name in apposition to an organisation noun ("the armed group X",
     ``data/org_nouns.txt``), or tagged PERSON and followed by one ("the X
     militia"), is an ORG; so is a PERSON-tagged name the text goes on to
     call "it" ("X said it would ...");
   - otherwise the majority label; ties go PERSON, GPE, ORG, LOC, NORP, FAC.

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

5. **Canonical name**: the fullest form, i.e. the most words, preferring mixed
   case to all capitals, then the most frequent, then the first seen.
   ``aliases`` lists every surface form in order of first appearance.

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

import re
from collections import Counter
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import contract
from .nlp import body_sentences

DATA = Path(__file__).resolve().parent / "data"

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
"""Entity labels that make actors."""

TIE_ORDER = ("PERSON", "GPE", "ORG", "LOC", "NORP", "FAC")
"""Which type wins a tied vote (a group that acts is settled before the vote)."""

AGENT_VERBS = frozenset({
    "say", "claim", "launch", "fire", "attack", "announce", "deny", "warn", "accuse",
    "target", "strike", "vow", "threaten", "demand", "reject", "confirm", "state",
    "kill", "shell", "bomb", "seize", "capture", "release", "order", "urge", "call",
    "tell", "add", "insist", "pledge", "agree", "refuse", "issue",
})
"""Lemmas of verbs whose subject acts or speaks: used to tell a group from a place."""

DASHES = frozenset({"-", "–", "—", "--"})
CONNECTORS = frozenset({"of", "for", "the", "-", "'s", "’s"})
ACRONYM_STOPWORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "la", "du", "&"})
NAME_PARTICLES = ("al-", "el-", "ul-", "bin-", "ibn-")
ADJECTIVAL_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod"})
COMMON_WORD_ZIPF = 4.0  # wordfreq Zipf frequency above which a lowercase word is common


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
    """

    name: str
    type: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    descriptions: list[str] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)


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


# --------------------------------------------------------------------------- data files


def _data_lines(name: str) -> Iterator[list[str]]:
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=1)
def roles() -> dict[str, str]:
    """Title words and their kind (``role``, ``honorific``, ``modifier``), from ``data/roles.txt``."""
    return {row[0]: (row[1] if len(row) > 1 else "role") for row in _data_lines("roles.txt")}


@lru_cache(maxsize=1)
def facility_nouns() -> frozenset[str]:
    """Nouns that turn a preceding person's name into a facility, from ``data/facilities.txt``."""
    return frozenset(row[0] for row in _data_lines("facilities.txt"))


@lru_cache(maxsize=1)
def org_nouns() -> frozenset[str]:
    """Common nouns for organisations ("group", "militia"), from ``data/org_nouns.txt``."""
    return frozenset(row[0] for row in _data_lines("org_nouns.txt"))


@lru_cache(maxsize=1)
def country_keys() -> dict[str, str]:
    """Normalised country name or variant -> ISO code, from ``data/countries.tsv``."""
    out = {}
    for row in _data_lines("countries.tsv"):
        for name in row[1:]:
            out[name_key(name)] = row[0]
    return out


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code -> preferred English name (the first name in ``data/countries.tsv``)."""
    return {row[0]: row[1] for row in _data_lines("countries.tsv")}


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
    text = text.replace("’", "'").replace("‘", "'")
    words = []
    for w in text.split():
        if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?(?:'s)?", w):
            w = w.replace(".", "")
        words.append(w.casefold())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


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


def _split_glued(ent: Span) -> list[tuple[int, int]]:
    """Token ranges of an entity split at spaced dashes and commas."""
    doc = ent.doc
    parts, start = [], ent.start
    for tok in ent:
        spaced_dash = (tok.text in DASHES and tok.i > ent.start
                       and doc[tok.i - 1].whitespace_ and tok.whitespace_)
        if spaced_dash or tok.text in {",", ";", "(", ")", "[", "]"}:
            parts.append((start, tok.i))
            start = tok.i + 1
    parts.append((start, ent.end))
    return [(s, e) for s, e in parts if e > s]


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Drop determiners, possessives, punctuation and (for people) leading titles."""
    while start < end and (doc[start].tag_ in {"DT", "PRP$"} or doc[start].is_punct
                           or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].is_space or doc[end - 1].lower_ in {"'s", "’s"}
                           or doc[end - 1].pos_ in {"ADP", "CCONJ", "DET"}):
        end -= 1
    if label == "PERSON":
        i = start
        while i < end - 1 and (_role_kind(doc[i]) or _is_connector(doc[i])):
            i += 1
        start = i
    return start, end


def _only_titles(span: Span) -> bool:
    return all(_role_kind(t) or _is_connector(t) for t in span)


def _looks_common(span: Span, sent: Span) -> bool:
    """A single capitalised sentence-initial common word not tagged as a proper noun."""
    if len(span) != 1:
        return False
    tok = span[0]
    first = sent.start
    while first < sent.end and (sent.doc[first].is_punct or sent.doc[first].is_space):
        first += 1
    if tok.i != first or tok.tag_ in {"NNP", "NNPS"} or _is_acronym(tok.text):
        return False
    from wordfreq import zipf_frequency  # only reached for rare cases

    return zipf_frequency(tok.lower_, "en") >= COMMON_WORD_ZIPF


def _is_adjectival(span: Span) -> bool:
    root = span.root
    return root.dep_ in ADJECTIVAL_DEPS and root.head.i >= span.end


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
    """In apposition to an organisation noun ("the armed group X"), or a
    person-tagged name followed by one ("the X militia")."""
    root, nouns = span.root, org_nouns()
    head = root.head
    if root.dep_ == "appos" and head.i < span.start and head.lower_ in nouns:
        return True
    return (label == "PERSON" and root.dep_ == "compound" and head.i == span.end
            and head.is_lower and head.lower_ in nouns)


def _is_neuter(span: Span) -> bool:
    """The subject of a verb whose clause goes on with "it": "X said it would ..."."""
    root = span.root
    if root.dep_ != "nsubj":
        return False
    for clause in root.head.children:
        if clause.dep_ in {"ccomp", "conj", "xcomp"}:
            if any(c.dep_ == "nsubj" and c.lower_ == "it" for c in clause.children):
                return True
    return False


# --------------------------------------------------------------------------- roles


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
    phrase = doc[j:start]
    kinds = [_role_kind(t) for t in phrase]
    has_role = "role" in kinds or any(t.pos_ == "NOUN" and t.is_lower for t in phrase)
    if not has_role:
        return ""
    # The phrase must belong to the name: its head attaches into the entity,
    # or the name is in apposition to it.
    inside = range(j, start)
    attached = any(t.head.i in ent_range for t in phrase if t.head.i not in inside)
    name_root = doc[start:ent_range.stop].root
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
    span = doc[start:end]
    return (_left_title(doc, start, sent, range(ent.start, ent.end)) or _appos_role(span))


# --------------------------------------------------------------------------- mentions


def candidate_mentions(doc: Doc, *, sentences: list[tuple[int, Span]] | None = None
                       ) -> Iterator[_Candidate]:
    """Repaired actor-type entities of the body sentences, in text order.

    Args:
        doc: the parsed article.
        sentences: ``body_sentences(doc)``, when already computed.
    """
    facilities = facility_nouns()
    for sent_i, sent in (body_sentences(doc) if sentences is None else sentences):
        for ent in sent.ents:
            if ent.label_ not in ACTOR_TYPES:
                continue
            for n, (s, e) in enumerate(_split_glued(ent)):
                label = ent.label_ if n == 0 else ""
                s, e = _trim(doc, s, e, label)
                if e <= s:
                    continue
                span = doc[s:e]
                if not any(c.isupper() for c in span.text) or _only_titles(span):
                    continue
                if _looks_common(span, sent):
                    continue
                forced = ""
                if (label == "PERSON" and e < sent.end and doc[e].lower_ in facilities
                        and span.root.head.i == e):
                    e, forced = e + 1, "FAC"
                    span = doc[s:e]
                if label == "NORP" and _is_adjectival(span):
                    continue
                desc = _describe(doc, s, e, sent, ent) if label not in {"GPE", "LOC"} else ""
                yield _Candidate(start=s, end=e, label=label, sentence=sent_i,
                                 key=name_key(span.text), description=desc,
                                 group_plural=label == "PERSON" and _is_plural_group(span),
                                 agent=_is_agent(span), org_clue=_org_clue(span, label),
                                 neuter=_is_neuter(span), forced=forced)


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


def _definitions(doc: Doc, cands: list[_Candidate]) -> Iterator[tuple[str, str]]:
    """Pairs of keys the text defines as the same actor: "Name (ACR)", "ACR, the Name"."""
    by_cand = {doc[c.start:c.end].root.i: c for c in cands}
    by_root = {i: c.key for i, c in by_cand.items()}
    for c in cands:
        span = doc[c.start:c.end]
        # Full Name (ACR)
        if (c.end + 2 < len(doc) and doc[c.end].text == "(" and doc[c.end + 2].text == ")"
                and _is_acronym(doc[c.end + 1].text) and len(span) > 1):
            yield c.key, name_key(doc[c.end + 1].text)
        # ACR, the Full Name  /  Full Name, ACR: in apposition and side by side
        for child in span.root.children:
            if child.dep_ == "appos" and child.i in by_root:
                other = by_root[child.i]
                o = by_cand[child.i]
                gap = doc[min(c.end, o.end):max(c.start, o.start)]
                if (_is_acronym(span.text) != _is_acronym(doc[o.start:o.end].text)
                        and 0 < len(gap) <= 3 and all(t.is_punct or t.tag_ == "DT" for t in gap)):
                    yield c.key, other


def _merge(doc: Doc, cands: list[_Candidate]) -> tuple[_Groups, set[str]]:
    """Group keys into actors; returns the groups and the keys that joined a person."""
    uniq = list(dict.fromkeys(c.key for c in cands))
    groups = _Groups(uniq)
    countries = country_keys()
    surface: dict[str, str] = {}
    votes: dict[str, Counter] = {}
    for c in cands:
        surface.setdefault(c.key, doc[c.start:c.end].text)
        votes.setdefault(c.key, Counter())[c.label] += 1
    # Country variants.
    by_code: dict[str, str] = {}
    for k in uniq:
        code = countries.get(k)
        if code:
            groups.union(by_code.setdefault(code, k), k)
    # Acronyms spelled by a multiword name's initials, when the name is unique.
    initials: dict[str, list[str]] = {}
    for k in uniq:
        ini = _initials(surface[k])
        if ini:
            initials.setdefault(ini, []).append(k)
    for k in uniq:
        if _is_acronym(surface[k]):
            matches = [m for m in initials.get(k, []) if m != k]
            if len({groups.find(m) for m in matches}) == 1:
                groups.union(matches[0], k)
    # Acronyms the text defines.
    for a, b in _definitions(doc, cands):
        if a in groups.parent and b in groups.parent:
            groups.union(a, b)
    # Surnames and short forms join the one longer PERSON name they end.
    people = [k for k in uniq if len(_words(k)) > 1
              and votes[k]["PERSON"] * 2 > sum(votes[k].values())]
    joined: set[str] = set()
    for k in uniq:
        if k in countries or _is_acronym(surface[k]) or votes[k]["NORP"] + votes[k]["FAC"]:
            continue
        words = _words(k)
        hosts = {groups.find(p) for p in people if p != k and _ends_with(_words(p), words)}
        if len(hosts) == 1 and groups.find(k) not in hosts:
            groups.union(hosts.pop(), k)
            joined.add(k)
    return groups, joined


def _ends_with(full: list[str], short: list[str]) -> bool:
    if len(short) >= len(full):
        return False
    tail = full[-len(short):]
    return tail == short or [_strip_particle(w) for w in tail] == [_strip_particle(w) for w in short]


# --------------------------------------------------------------------------- typing


def _decide_type(cands: list[_Candidate], joined: set[str]) -> str:
    """One type for a group of mentions (the rules in the module docs, in order)."""
    countries = country_keys()
    if any(c.forced == "FAC" for c in cands):
        return "FAC"
    if any(c.key in countries for c in cands):
        return "GPE"
    if any(c.key in joined for c in cands):
        return "PERSON"
    if any(c.org_clue for c in cands):
        return "ORG"
    agent = any(c.agent for c in cands)
    neuter = any(c.neuter for c in cands)
    votes: Counter = Counter()
    for c in cands:
        if c.group_plural:
            votes["ORG" if agent else "NORP"] += 1
        elif c.label == "PERSON" and neuter:
            votes["ORG"] += 1
        elif c.label:
            votes[c.label] += 1
    if not votes:
        return "ORG" if agent else "GPE"
    if votes["ORG"] and votes["GPE"] and agent:
        return "ORG"
    best = max(votes.values())
    return next(t for t in TIE_ORDER if votes[t] == best)


def _canonical(forms: list[str], counts: Counter) -> str:
    def rank(item):
        i, form = item
        return (-len(form.split()), form.replace(".", "").isupper(), -counts[form], i)

    return min(enumerate(forms), key=rank)[1]


# --------------------------------------------------------------------------- recall


def _recall(doc: Doc, sentences: list[tuple[int, Span]], groups: list[list[_Candidate]],
            types: list[str]) -> Iterator[
        tuple[int, _Candidate]]:
    """Untagged repeats of a known name: ``(group index, candidate)``.

    The model often tags a name once and misses it later ("Roe said ..."). A
    token sequence equal to a form already found for a PERSON, ORG, GPE, LOC
    or FAC actor (or to a person's surname, when no other person shares it)
    counts as a mention when it lies outside every entity and, for a single
    word, is tagged as a proper noun.
    """
    forms: dict[tuple[str, ...], set[int]] = {}
    for gi, (cands, atype) in enumerate(zip(groups, types, strict=True)):
        if atype == "NORP":
            continue
        for c in cands:
            words = tuple(t.text for t in doc[c.start:c.end])
            forms.setdefault(words, set()).add(gi)
            if atype == "PERSON" and len(words) > 1 and not doc[c.end - 1].is_punct:
                forms.setdefault((words[-1],), set()).add(gi)
    forms = {w: g for w, g in forms.items() if len(g) == 1}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for words in sorted(forms, key=len, reverse=True):  # longest match first
        by_first.setdefault(words[0], []).append(words)
    covered = {i for cands in groups for c in cands for i in range(c.start, c.end)}
    for sent_i, sent in sentences:
        i = sent.start
        while i < sent.end:
            tok = doc[i]
            match = None
            if tok.ent_type_ == "" and i not in covered and tok.text in by_first:
                for words in by_first[tok.text]:
                    end = i + len(words)
                    if (end <= sent.end and tuple(t.text for t in doc[i:end]) == words
                            and all(t.ent_type_ == "" and t.i not in covered for t in doc[i:end])
                            and (len(words) > 1 or tok.tag_ in {"NNP", "NNPS"})):
                        match = words
                        break
            if match is None:
                i += 1
                continue
            (gi,) = forms[match]
            yield gi, _Candidate(start=i, end=i + len(match), label="", sentence=sent_i,
                                 key=name_key(doc[i:i + len(match)].text))
            i += len(match)


# --------------------------------------------------------------------------- public API


def extract_actors(doc: Doc, *, disable: Collection[str] = (), types: tuple[str, ...] = ACTOR_TYPES,
                   recall: bool = True) -> list[Actor]:
    """The actors of a parsed article, each with all its body mentions.

    Args:
        doc: the parsed article (``doc._.paragraphs`` marks headings, which
            are skipped).
        types: actor types to return (all six by default).
        recall: also count untagged repeats of names the model tagged
            elsewhere (see :func:`_recall`).

    Returns:
        Actors sorted by number of mentions (descending), then name; mentions
        sorted by position.

    Example:
        >>> actors = extract_actors(doc)  # doctest: +SKIP
        >>> actors[0].name, actors[0].type, len(actors[0].mentions)  # doctest: +SKIP
        ('Jane Roe', 'PERSON', 4)
    """
    try:
        sentences = list(body_sentences(doc))
        cands = list(candidate_mentions(doc, sentences=sentences))
        if not cands:
            return []
        union, joined = _merge(doc, cands)
        by_root: dict[str, list[_Candidate]] = {}
        for c in cands:
            by_root.setdefault(union.find(c.key), []).append(c)
        groups = list(by_root.values())
        group_types = [_decide_type(g, joined) for g in groups]
        if recall:
            for gi, c in list(_recall(doc, sentences, groups, group_types)):
                groups[gi].append(c)
    except Exception:  # an odd parse must never fail the whole analysis
        return []
    actors = [_make_actor(doc, g, t) for g, t in zip(groups, group_types, strict=True)
              if t in types]
    actors.sort(key=lambda a: (-len(a.mentions), a.name.casefold(), a.name))
    return actors


def _make_actor(doc: Doc, cands: list[_Candidate], atype: str) -> Actor:
    mentions = []
    for c in cands:
        span = doc[c.start:c.end]
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
    return Actor(name=name, type=atype,
                 description=descriptions[0] if descriptions else "", aliases=forms,
                 mentions=mentions, descriptions=descriptions,
                 labels=dict(sorted(labels.items())))


def actors_table(actors: list[Actor]) -> pd.DataFrame:
    """One row per actor: name, type, mention count, aliases and role.

    Example:
        >>> actors_table([Actor("Jane Roe", "PERSON", "Mayor", ["Jane Roe", "Roe"])]).actor[0]
        'Jane Roe'
    """
    return contract.frame("actors", actor_rows(actors))


def actor_rows(actors: list[Actor]) -> list[dict]:
    """The rows of :func:`actors_table`, as dicts."""
    return [{"actor": a.name, "type": a.type, "mentions": len(a.mentions),
             "aliases": contract.LIST_SEP.join(a.aliases), "description": a.description}
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
        >>> html = show_actors(toolkit.analyze(path), jupyter=False)  # doctest: +SKIP
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
