"""Quotes: who said what, in quote marks or not, with speakers linked to actors.

Three kinds of attribution are found in the body sentences of a parsed ``Doc``
(headings never count):

``direct``
    Text in quote marks. Marks are paired by :func:`pair_quote_marks` (straight
    and curly, an odd count tolerated, a paragraph that opens with a quote mark
    continuing an unclosed quote). The speaker comes from the speech verb next
    to the quote in either order (``"…," said X`` / ``"…," X said`` /
    ``X said: "…"``), from a dash sign-off (``"…" — X``), or, for a quote that
    is a sentence on its own, from the quote just before it ("floating" quotes).
    Short quoted phrases with no speech verb next to them (scare quotes, titles,
    names: ``their "Axis of Unity"``) are not quotes.
``indirect``
    Reported speech: a speech verb from :data:`SPEECH_VERBS` with its clausal
    complement (``X said on Monday there would be…``, ``X told Y that…``), the
    same with the reporting clause after or inside the content (``…, the
    statement said`` / ``The forces, the statement said, are…``), infinitive
    complements of verbs of urging and promising (``urged residents to stay
    indoors``), ``called for``/``accused … of``/``warned of`` phrases,
    ``said in a statement that…`` and the embedded hedge ``at what it said
    were …`` (rule ``indirect-embedded``: a weak, low-priority claim kept
    because it is still an attribution).
``according_to``
    Source phrases: ``according to X`` with the clause it qualifies as content.

The ``speaker`` is the source span as written, cut before appositions and
relative clauses ("Director Jane Roe", "a senior Treasury official"); pronoun
speakers ("they said") are resolved to the nearest compatible earlier speaker or
named entity, and the quote records it (``resolved=True``, ``source_text`` is the
pronoun, ``rule`` ends in ``+pronoun``). ``speaker_actor`` is the canonical name
of the actor whose mention overlaps the speaker span (or whose name or alias
occurs in it). Each reporting verb yields at most one quote, and an indirect
clause already inside a direct quote is not reported twice.

Extraction is a single pass over tokens and quote marks; it never calls the
pipeline again and never raises on odd input.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import pandas as pd
from spacy.tokens import Doc, Span, Token

from . import contract
from .nlp import body_sentences, sentences

# -- vocabulary ---------------------------------------------------------------

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

#: Verbs whose infinitive complement is the reported content
#: ("vowed to fight on", "urged residents to stay", "called on X to …").
XCOMP_VERBS: frozenset[str] = frozenset({
    "ask", "call", "demand", "pledge", "promise", "swear", "tell", "threaten", "urge",
    "vow", "warn",
})

#: (verb lemma, preposition) pairs whose object is the content
#: ("called for a truce", "accused the council of wasting money", "warned of …").
PREP_CONTENT: frozenset[tuple[str, str]] = frozenset({
    ("call", "for"), ("accuse", "of"), ("warn", "of"), ("warn", "against"),
    ("warn", "about"), ("caution", "against"), ("appeal", "for"),
})

#: Verbs whose direct object is the content when there is no clause
#: ("claimed responsibility for …", "denied the allegations").
DOBJ_VERBS: frozenset[str] = frozenset({"claim", "deny", "confirm", "announce"})

#: Verbs that need one of the complements above to count as speech: "call" is
#: naming ("called it a disgrace") unless "call for/on"; "point" needs "out".
_RESTRICTED = frozenset({"call", "point"})

#: Nouns of a statement: "said in a statement that …" attaches the content
#: clause to the noun.
STATEMENT_NOUNS: frozenset[str] = frozenset({
    "statement", "interview", "speech", "post", "letter", "briefing", "conference",
    "communique", "message", "video", "address", "release", "tweet", "report",
})

#: "according to X" objects that are not sources ("according to plan").
_NOT_SOURCES = frozenset({"plan", "schedule", "law", "rule", "tradition", "custom",
                          "script", "design", "procedure", "protocol", "agreement"})

_PRONOUNS = {"he": "he", "she": "she", "it": "it", "they": "they", "we": "we", "i": "i",
             "him": "he", "her": "she", "them": "they", "us": "we"}
_PERSON_NOUNS = frozenset({
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

# Quote marks: which open, which close, which could be either.
_OPEN_MARKS = "“„«‟"
_CLOSE_MARKS = "”»"
_AMBIGUOUS_MARKS = '"″'
_MARK_RE = re.compile(r'["“”„«»‟″]|\n')
_DASHES = ("—", "–", "-", "--")
_STOP_PUNCT = {",", "(", ")", "-", "—", "–", "--", ";", ":", "[", "]"}
_QUOTE_CHARS = set(_OPEN_MARKS + _CLOSE_MARKS + _AMBIGUOUS_MARKS + "'‘’`")


@dataclass
class Quote:
    """One attribution: who (``speaker``) said what (``quote``).

    ``doc.text[start_char:end_char] == quote``; ``sentence`` is the index in
    ``list(doc.sents)`` of the sentence where the quote starts. When the speaker
    is written in the text, ``doc.text[speaker_start:speaker_end] == speaker``
    (for a resolved pronoun or a floating quote that is the antecedent's span);
    both are ``None`` when there is no speaker.
    """

    speaker: str
    speaker_actor: str
    cue: str
    quote: str
    kind: str
    sentence: int
    start_char: int
    end_char: int
    rule: str
    speaker_start: int | None = None
    speaker_end: int | None = None
    resolved: bool = False
    source_text: str = ""


# -- quote marks ---------------------------------------------------------------

def _mark_role(text: str, i: int) -> str:
    """``open``, ``close`` or ``either`` for the quote mark at ``text[i]``."""
    ch = text[i]
    if ch in _OPEN_MARKS:
        return "open"
    if ch in _CLOSE_MARKS:
        return "close"
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    left_open = prev.isspace() or prev in "([{—–-/:"
    right_open = nxt.isspace() or nxt in ".,;:!?)]}—–-"
    if left_open and not right_open:
        return "open"
    if right_open and not left_open:
        return "close"
    return "either"


def pair_quote_marks(text: str) -> list[tuple[int, int]]:
    """Pair the double quote marks in ``text``.

    Straight (``"``) and curly (``“ ”``, ``„``, ``« »``) marks are paired by
    position and context; a straight mark is an opening one after a space and a
    closing one before a space or punctuation. A quote still open at a line
    break continues when the next line (paragraph) starts with an opening mark
    (the news convention for quotes running over several paragraphs) unless it
    opened in the middle of a phrase (after a letter or digit); otherwise
    the quote is taken to end with its paragraph (a forgotten closing mark).
    Stray closing marks are dropped. Never raises.

    Args:
        text: any string.

    Returns:
        ``(start, end)`` offsets, sorted and non-overlapping, with
        ``text[start]`` the opening mark and ``text[end - 1]`` the closing one
        (or, for a quote never closed, ``end`` the end of its paragraph's
        last non-space character).

    Example:
        >>> pair_quote_marks('He said: "Go home." Then "stay".')
        [(9, 19), (25, 31)]
    """
    text = text or ""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    break_at: int | None = None  # where an open quote met a line break

    def close_at_break() -> None:
        end = len(text[:break_at].rstrip())
        if end > open_at + 1:
            pairs.append((open_at, end))

    for m in _MARK_RE.finditer(text):
        i = m.start()
        if m.group() == "\n":
            if open_at is not None and break_at is None:
                break_at = i
            continue
        role = _mark_role(text, i)
        if break_at is not None:
            # A paragraph opening with a quote mark continues the open quote,
            # unless that quote opened mid-phrase ('the sirens "did not work').
            opened_clause = not text[:open_at].rstrip()[-1:].isalnum()
            if role != "close" and not text[break_at:i].strip() and opened_clause:
                break_at = None
                continue
            close_at_break()
            open_at, break_at = None, None
        if open_at is None:
            if role != "close":
                open_at = i
        elif role == "open":
            open_at = i  # the earlier mark was never closed
        else:
            pairs.append((open_at, i + 1))
            open_at = None
    if open_at is not None:
        if break_at is None:
            break_at = len(text)
        close_at_break()
    return pairs


# -- small helpers over tokens -----------------------------------------------------

def _is_quote_tok(tok: Token) -> bool:
    return bool(tok.text) and all(c in _QUOTE_CHARS for c in tok.text)


def _trimmed(doc: Doc, i: int, j: int, *, drop_mark: bool = True) -> tuple[int, int] | None:
    """Token range ``[i, j)`` without edge punctuation, spaces or a leading "that"."""
    while i < j and (doc[i].is_punct or doc[i].is_space or _is_quote_tok(doc[i])
                     or (drop_mark and doc[i].lower_ == "that"
                         and doc[i].dep_ not in ("nsubj", "nsubjpass", "dobj", "det"))
                     or doc[i].dep_ == "cc"):
        i += 1
    while j > i and (doc[j - 1].is_punct or doc[j - 1].is_space or _is_quote_tok(doc[j - 1])
                     or doc[j - 1].dep_ == "cc"):
        j -= 1
    if j <= i or not any(t.is_alpha or t.like_num for t in doc[i:j]):
        return None
    # Keep the closing mark of a quoted phrase that ends the span.
    if j < len(doc) and _is_quote_tok(doc[j]) and \
            sum(_is_quote_tok(t) for t in doc[i:j]) % 2 == 1:
        j += 1
    return i, j


def _chars(doc: Doc, i: int, j: int) -> tuple[int, int]:
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _noun_span(tok: Token) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, cut before appositions,
    relative clauses and anything set off by commas or dashes."""
    doc = tok.doc
    start = tok.left_edge.i
    while start < tok.i and (doc[start].is_punct or _is_quote_tok(doc[start])):
        start += 1
    end = tok.i + 1
    right = tok.right_edge.i
    excluded = set()
    named = False  # "Her lawyer, Nadia Chowdhury": keep the name after a role noun
    for child in tok.rights:
        if child.dep_ == "appos" and tok.pos_ != "PROPN" and child.pos_ == "PROPN" \
                and not named:
            named = True
            continue
        if child.dep_ in ("appos", "relcl", "acl", "advcl", "parataxis"):
            excluded.update(range(child.left_edge.i, child.right_edge.i + 1))
    k = tok.i + 1
    while k <= right:
        t = doc[k]
        if k in excluded or _is_quote_tok(t) or (t.text in _STOP_PUNCT and not (
                named and t.text == "," and k == tok.i + 1)):
            break
        end = k + 1
        k += 1
    while end - 1 > tok.i and doc[end - 1].dep_ in ("cc", "punct"):
        end -= 1
    return start, end


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The token naming who speaks for ``verb``: its subject, passive agent, the
    noun a relative/participial clause hangs on, or the subject inherited from
    the verb it is coordinated with ("said … and added …")."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "which", "that") and verb.dep_ in ("relcl", "acl"):
                return verb.head
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i \
            and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head, depth + 1)
    return None


def _is_speech_verb(tok: Token) -> bool:
    return tok.pos_ == "VERB" and tok.lemma_.lower() in SPEECH_VERBS


def _hypothetical(tok: Token) -> bool:
    """Speech verbs that attribute nothing: an infinitive ("easier for X to
    assert that …", "declined to say") or a passive participle with no agent
    ("went on trial accused of fraud", "a fee reported to be …")."""
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl", "amod") and not any(
        c.dep_ in ("nsubj", "agent", "aux") for c in tok.children)


def _restricted(tok: Token) -> bool:
    """Speech verbs that need a particular complement: "call" only reports
    speech as "call for/on", "point" only as "point out"."""
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return lemma in _RESTRICTED


# -- pronoun features ----------------------------------------------------------------

@dataclass
class _Candidate:
    text: str
    start: int
    end: int
    person: bool
    plural: bool
    org: bool
    sentence: int
    name: bool = False  # headed by (or in apposition to) a proper noun


def _features(span: Span, ent_label: str = "") -> tuple[bool, bool, bool]:
    """(person, plural, organisation) guesses for a speaker or mention span."""
    root = span.root
    # Token entity types, not span.ents: that walks every entity of the doc.
    labels = {t.ent_type_ for t in span if t.ent_type_} | ({ent_label} if ent_label else set())
    label_text = " ".join(labels).upper()
    has_conj = any(t.dep_ == "conj" for t in span)
    plural = (root.tag_ in ("NNS", "NNPS") or has_conj
              or (root.pos_ == "PROPN" and root.text.endswith("s")
                  and any(t.lower_ == "the" for t in span)))
    # A person's name as the head or in apposition to it ("her rival, Jo Park");
    # not a name inside a modifier ("the Park administration").
    person = (("PER" in ent_label.upper() and root.pos_ == "PROPN")
              or root.ent_type_ == "PERSON"
              or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.children)
              or root.lemma_.lower() in _PERSON_NOUNS)
    org = any(x in label_text for x in ("ORG", "GPE", "NORP", "FAC")) or \
        (not person and root.pos_ in ("NOUN", "PROPN"))
    return person, plural, org


def _is_name(span: Span) -> bool:
    """A proper-noun head or apposition: the small model often labels people ORG,
    so "he"/"she" may fall back to any such name."""
    root = span.root
    return root.pos_ == "PROPN" or any(c.dep_ == "appos" and c.pos_ == "PROPN"
                                        for c in root.children)


def _compatible(pronoun: str, cand: _Candidate, relaxed: bool = False) -> bool:
    if pronoun in ("he", "she", "i"):
        return (cand.person or (relaxed and cand.name)) and not cand.plural
    if pronoun == "it":
        return not cand.person and not cand.plural
    if pronoun == "they":
        return cand.plural or (cand.org and not cand.person)
    if pronoun == "we":
        return cand.plural or cand.org
    return False


# -- the extraction pass -------------------------------------------------------------

@dataclass
class _Draft:
    kind: str
    rule: str
    start: int  # content chars
    end: int
    cue: str = ""
    cue_i: int | None = None
    speaker_tok: Token | None = None
    speaker_range: tuple[int, int] | None = None  # chars, for spans not from a token
    floating: bool = False


def _direct_drafts(doc: Doc, text: str, tok_starts: list[int], masked: str,
                   used_verbs: set[int], sent_at: list[Span]) -> list[_Draft]:
    drafts = []
    for s, e in pair_quote_marks(masked):
        cs, ce = s + 1, (e - 1 if text[e - 1] in _CLOSE_MARKS + _AMBIGUOUS_MARKS else e)
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce <= cs:
            continue
        open_i = _tok_at(tok_starts, s)
        close_i = _tok_at(tok_starts, e - 1)
        if open_i is None or close_i is None or close_i < open_i:
            continue
        content = text[cs:ce]
        ends_punct = content[-1] in ",.!?…;:—–-"
        d = _Draft("direct", "", cs, ce)
        verb = _cue_after(doc, open_i, close_i, ends_punct, sent_at)
        if verb is not None:
            d.rule = "direct-after"
        else:
            verb = _cue_before(doc, open_i, close_i, ends_punct, sent_at)
            if verb is not None:
                d.rule = "direct-before"
        if verb is not None:
            d.cue, d.cue_i = verb.text, verb.i
            d.speaker_tok = _subject(verb)
            used_verbs.add(verb.i)
            drafts.append(d)
            continue
        dash = _dash_speaker(doc, close_i)
        if dash is not None:
            d.rule, d.cue, d.speaker_range = "direct-dash", "—", _chars(doc, *dash)
            drafts.append(d)
            continue
        # No cue: a quote that is a sentence of its own inherits the previous
        # speaker later; short phrases inside a sentence are scare quotes/titles.
        if _stands_alone(doc, open_i, close_i, sent_at) and _clause_like(doc, open_i, close_i):
            d.rule, d.floating = "direct-floating", True
            drafts.append(d)
    return drafts


def _tok_at(tok_starts: list[int], char: int) -> int | None:
    if not tok_starts:
        return None
    k = bisect_left(tok_starts, char + 1) - 1
    return max(k, 0)


def _cue_after(doc: Doc, open_i: int, close_i: int, ends_punct: bool,
               sent_at: list[Span]) -> Token | None:
    """A speech verb right after the closing mark: ``"…," said X`` / ``"…," X said``."""
    if _partial(doc, open_i, close_i, sent_at[open_i].start, open_i):
        return None
    sent = sent_at[close_i]
    gap_has_comma = False
    for k in range(close_i + 1, min(sent.end, close_i + 12)):
        t = doc[k]
        if _is_quote_tok(t):
            return None
        if t.text == ",":
            gap_has_comma = True
            continue
        if t.is_punct:
            if k == close_i + 1 and t.text in ".!?":
                return None  # the sentence ends right after the quote
            continue
        if _is_speech_verb(t) and not _restricted(t):
            # Everything between the mark and the verb must belong to its subject
            # (or be an adverb of it): "…," the mayor told reporters.
            subj = _subject(t)
            if subj is not None and subj.left_edge.i < open_i:
                return None  # 'The manifesto, "A Fresh Start", promises': a title
            subj_range = range(subj.left_edge.i, subj.right_edge.i + 1) if subj is not None \
                else range(0)
            ok = all(doc[x].is_punct or x in subj_range or doc[x].dep_ in ("advmod", "neg")
                     or _is_quote_tok(doc[x]) for x in range(close_i + 1, k))
            if ok and (ends_punct or gap_has_comma or k == close_i + 1):
                return t
            return None
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return None
    return None


def _cue_before(doc: Doc, open_i: int, close_i: int, ends_punct: bool,
                sent_at: list[Span]) -> Token | None:
    """A speech verb just before the opening mark: ``X said: "…"``."""
    sent = sent_at[open_i]
    # The quote must end its sentence (or end with punctuation itself):
    # 'said the plan was "dead" and left' is not a direct quote.
    rest = doc[close_i + 1:sent.end]
    if not ends_punct and not all(t.is_punct or t.is_space for t in rest):
        return None
    for k in range(open_i - 1, max(sent.start, open_i - 12) - 1, -1):
        t = doc[k]
        if _is_quote_tok(t):
            return None
        if _is_speech_verb(t) and not _restricted(t):
            if _partial(doc, open_i, close_i, k + 1, open_i):
                return None
            between = doc[k + 1:open_i]
            ok = all(x.is_punct or x.lower_ == "that" or x.dep_ in (
                "dobj", "dative", "prep", "pobj", "det", "amod", "compound", "npadvmod",
                "advmod", "nummod", "poss", "case") for x in between)
            return t if ok else None
        if t.pos_ == "VERB" and t.dep_ not in ("amod", "compound"):
            return None
    return None


def _partial(doc: Doc, open_i: int, close_i: int, i: int, j: int) -> bool:
    """Whether a token in ``doc[i:j]`` (before the opening mark) belongs to the
    quoted clause: 'Inflation remains "too high", she said' quotes a fragment
    of reported speech, not a sentence of its own."""
    if any(open_i < t.head.i < close_i and not t.is_punct for t in doc[i:j]):
        return True
    return any(i <= t.head.i < j for t in doc[open_i + 1:close_i] if not t.is_punct)


def _dash_speaker(doc: Doc, close_i: int) -> tuple[int, int] | None:
    """``"…" — Jane Roe, Residents' Trust``: a name after a dash that ends the
    paragraph. The speaker is the name, up to the first comma."""
    k = close_i + 1
    if k >= len(doc) or doc[k].text not in _DASHES:
        return None
    j = k + 1
    while j < len(doc) and "\n" not in doc[j].text:
        j += 1
        if j - k > 15:
            return None  # too long for a sign-off
    span = _trimmed(doc, k + 1, j)
    if span is None or any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN"
                           for t in doc[span[0]:span[1]]):
        return None
    end = next((x for x in range(span[0], span[1]) if doc[x].text == ","), span[1])
    name = _trimmed(doc, span[0], end)
    if name is None or not all(t.pos_ == "PROPN" or t.is_punct for t in doc[name[0]:name[1]]):
        return None
    return name


def _stands_alone(doc: Doc, open_i: int, close_i: int, sent_at: list[Span]) -> bool:
    """The quote fills its sentence(s): nothing but punctuation around it."""
    sent0 = sent_at[open_i]
    sent1 = sent_at[close_i]
    before = doc[sent0.start:open_i]
    after = doc[close_i + 1:sent1.end]
    return all(t.is_punct or t.is_space for t in before) and \
        all(t.is_punct or t.is_space for t in after)


def _clause_like(doc: Doc, open_i: int, close_i: int) -> bool:
    inner = doc[open_i + 1:close_i]
    words = [t for t in inner if t.is_alpha]
    return len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in inner)


def _content_span(doc: Doc, head: Token, verb: Token) -> tuple[int, int] | None:
    """Token range of a complement clause, without the reporting verb and
    without a coordinated reporting clause of its own ("… and it claimed …")."""
    i, j = head.left_edge.i, head.right_edge.i + 1
    if i <= verb.i < j:  # "at what it said were …": content starts after the verb
        i = verb.i + 1
    # "said on Monday the plan …": a leading time phrase belongs to the saying.
    subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is not None and i < subj.left_edge.i and all(
            t.dep_ in ("prep", "pobj", "det", "compound", "nummod", "npadvmod", "punct")
            or t.ent_type_ in ("DATE", "TIME") for t in doc[i:subj.left_edge.i]) and \
            doc[i].dep_ in ("prep", "npadvmod"):
        i = subj.left_edge.i
    for child in head.rights:
        if child.dep_ == "conj" and _is_speech_verb(child) and \
                any(c.dep_ == "nsubj" for c in child.children):
            cut = child.left_edge.i
            if head.i < cut < j:
                j = cut
            break
    return _trimmed(doc, i, j)


def _indirect_draft(doc: Doc, verb: Token) -> _Draft | None:
    """The reported content of a speech verb, by the first rule that applies."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    # 1. Clausal complement (skipping a complement that is itself in quote marks).
    for child in children:
        if child.dep_ == "ccomp" and not _restricted(verb):
            span = _content_span(doc, child, verb)
            if span is None:
                continue
            if verb.dep_ in ("pcomp", "relcl") and any(
                    t.tag_ in ("WP", "WDT") for t in doc[child.left_edge.i:verb.i]):
                rule = "indirect-embedded"
            elif child.i < verb.i:
                rule = "indirect-final"
            else:
                rule = "indirect-ccomp"
            return _Draft("indirect", rule, *_chars(doc, *span), cue=verb.text, cue_i=verb.i)
    # 2. "said in a statement that …" / "reminded jurors that …": the parser
    #    hangs the that-clause on the noun.
    nouns = [(c, "indirect-listener") for c in children
             if c.dep_ in ("dobj", "dative") and c.i > verb.i]
    for child in children:
        if child.dep_ == "prep" and child.lower_ == "in":
            nouns += [(p, "indirect-in-statement") for p in child.children
                      if p.dep_ == "pobj" and p.lemma_.lower() in STATEMENT_NOUNS]
    for noun, rule in nouns if not _restricted(verb) else []:
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                span = _content_span(doc, clause, verb)
                if span:
                    return _Draft("indirect", rule, *_chars(doc, *span), cue=verb.text,
                                  cue_i=verb.i)
    # 3. Infinitive complement of urging/promising verbs.
    if lemma in XCOMP_VERBS:
        for child in children:
            if child.dep_ == "xcomp" and child.i > verb.i:
                start = child.left_edge.i
                for other in children:
                    if other.dep_ in ("dobj", "dative") and verb.i < other.i < child.i:
                        start = min(start, other.left_edge.i)
                    if other.dep_ == "prep" and other.lower_ == "on" and \
                            verb.i < other.i < child.i:
                        start = min(start, other.i + 1)
                span = _trimmed(doc, start, child.right_edge.i + 1)
                if span:
                    return _Draft("indirect", "indirect-xcomp", *_chars(doc, *span),
                                  cue=verb.text, cue_i=verb.i)
    # 4. "called for …", "accused X of …", "warned of …".
    for child in children:
        if child.dep_ == "prep" and (lemma, child.lower_) in PREP_CONTENT:
            start = child.i + 1
            if lemma == "accuse":
                for other in children:
                    if other.dep_ == "dobj" and verb.i < other.i < child.i:
                        start = other.left_edge.i
            end = child.right_edge.i + 1
            # "called for aid to be released": the infinitive belongs to the content.
            for other in children:
                if other.dep_ in ("advcl", "xcomp") and other.left_edge.i == end and \
                        any(c.tag_ == "TO" for c in other.children):
                    end = other.right_edge.i + 1
            span = _trimmed(doc, start, end)
            if span:
                return _Draft("indirect", "indirect-prep", *_chars(doc, *span),
                              cue=f"{verb.text} {child.text}", cue_i=verb.i)
    # 5. A direct object as content: "claimed responsibility for the raid".
    if lemma in DOBJ_VERBS:
        for child in children:
            if child.dep_ == "dobj" and child.i > verb.i:
                span = _trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
                if span and span[1] - span[0] >= 2:
                    return _Draft("indirect", "indirect-dobj", *_chars(doc, *span),
                                  cue=verb.text, cue_i=verb.i)
    # 6. The reporting clause interrupts or follows its content:
    #    "The forces, the statement said, are in control."
    if not _restricted(verb) and verb.dep_ in ("parataxis", "ccomp", "advcl") and \
            verb.head.i != verb.i and verb.head.i < verb.i + 50:
        head = verb.head
        vi = verb.left_edge.i
        hi, hj = head.left_edge.i, head.right_edge.i + 1
        if (vi > 0 and doc[vi - 1].text == ",") or doc[vi].text == ",":
            if head.i < vi:
                span = _trimmed(doc, hi, vi)  # the content is complete before it
            else:
                span = _trimmed(doc, hi, hj)  # it interrupts: keep the whole clause
            if span:
                return _Draft("indirect", "indirect-parataxis", *_chars(doc, *span),
                              cue=verb.text, cue_i=verb.i)
    return None


def _according_draft(doc: Doc, tok: Token, sent_at: list[Span]) -> _Draft | None:
    """``according to X``: X is the source, the clause it qualifies the content."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() in _NOT_SOURCES:
        return None
    sent = sent_at[tok.i]
    pi, pj = tok.i, tok.right_edge.i + 1
    at_end = all(t.is_punct or t.is_space for t in doc[pj:sent.end])
    at_start = all(t.is_punct or t.is_space for t in doc[sent.start:pi])
    if at_end or at_start:
        head = sent.root
    else:
        head = tok.head
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
    hi, hj = head.left_edge.i, head.right_edge.i + 1
    if at_end or pj >= hj:
        span = _trimmed(doc, hi, pi)
    elif at_start or pi <= hi:
        span = _trimmed(doc, pj, hj)
    else:
        span = _trimmed(doc, hi, hj)
    if span is None:
        return None
    d = _Draft("according_to", "according-to", *_chars(doc, *span),
               cue=f"{tok.text} {to.text}", cue_i=tok.i)
    d.speaker_tok = pobj
    return d


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One attribution per clause: direct beats indirect beats according-to."""
    priority = {"direct": 0, "indirect": 1, "according_to": 2}
    kept: list[_Draft] = []
    buckets: dict[int, list[_Draft]] = {}  # kept drafts by 256-char block: no n² scan
    seen_cues: set[int] = set()
    for d in sorted(drafts, key=lambda d: (priority[d.kind], d.start, d.end)):
        if d.cue_i is not None and d.kind != "direct" and d.cue_i in seen_cues:
            continue
        span = (d.start, d.end)
        clash = False
        near = {id(k): k for b in range(d.start >> 8, (d.end >> 8) + 1)
                for k in buckets.get(b, [])}
        for k in near.values():
            ov = _overlap(span, (k.start, k.end))
            if not ov:
                continue
            if k.kind == "direct" and d.kind != "direct" and ov >= 0.5 * (d.end - d.start):
                clash = True  # the clause is the direct quote itself
            elif k.kind == d.kind and (k.start, k.end) == span:
                clash = True
            elif k.kind != d.kind and d.kind == "according_to" and \
                    ov >= 0.8 * (d.end - d.start) and k.speaker_tok is not None and \
                    d.speaker_tok is not None and k.speaker_tok.i == d.speaker_tok.i:
                clash = True
        if clash:
            continue
        kept.append(d)
        for b in range(d.start >> 8, (d.end >> 8) + 1):
            buckets.setdefault(b, []).append(d)
        if d.cue_i is not None:
            seen_cues.add(d.cue_i)
    return sorted(kept, key=lambda d: (d.start, d.end))


def _masked_text(doc: Doc, text: str) -> str:
    """``doc.text`` with heading paragraphs blanked (same length, same offsets)."""
    paras = doc._.paragraphs if Doc.has_extension("paragraphs") else None
    if not paras:
        return text
    chars = list(text)
    for start, end, kind in paras:
        if kind == "heading":
            for k in range(max(start, 0), min(end, len(chars))):
                if chars[k] != "\n":
                    chars[k] = " "
    return "".join(chars)


class _ActorIndex:
    """Overlap and alias look-ups from speaker spans to actors."""

    def __init__(self, actors: Iterable | None):
        self.mentions = []  # (start, end, actor)
        self.names = []  # (lowercased name, actor)
        for actor in actors or []:
            for m in getattr(actor, "mentions", []) or []:
                self.mentions.append((m.start_char, m.end_char, actor))
            for name in [actor.name, *(getattr(actor, "aliases", []) or [])]:
                if name and name.strip():
                    self.names.append((name.strip().lower(), actor))
        self.mentions.sort(key=lambda m: (m[0], m[1]))
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((m[1] - m[0] for m in self.mentions), default=0)
        self.names.sort(key=lambda n: -len(n[0]))

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, object]]:
        k = bisect_left(self.starts, start - self.longest)
        out = []
        while k < len(self.mentions) and self.mentions[k][0] < end:
            m = self.mentions[k]
            if m[1] > start:
                out.append(m)
            k += 1
        return out

    def names_person(self, actor_name: str, start: int, end: int) -> bool:
        """Whether the PERSON actor ``actor_name`` is mentioned between ``start`` and ``end``.

        A floating quote that names the previous speaker is about that person,
        not by them: people rarely speak of themselves by name.
        """
        return bool(actor_name) and any(
            getattr(a, "name", None) == actor_name and getattr(a, "type", "") == "PERSON"
            for s, e, a in self.overlapping(start, end) if start <= s and e <= end)

    def link(self, text: str, start: int | None, end: int | None,
             head: tuple[int, int] | None) -> str:
        if start is not None and end is not None and self.mentions:
            found = self.overlapping(start, end)
            if head is not None:
                on_head = [m for m in found if _overlap((m[0], m[1]), head)]
                if on_head:
                    return on_head[0][2].name
            if found:
                best = max(found, key=lambda m: (_overlap((m[0], m[1]), (start, end)), -m[0]))
                return best[2].name
        low = text.lower()
        for name, actor in self.names:
            if re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", low):
                return actor.name
        return ""

    def candidates(self, doc: Doc, text: str, sent_of: dict[int, int]) -> list[_Candidate]:
        out = []
        for start, end, actor in self.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            person, plural, org = _features(span, "PERSON" if "PER" in str(
                getattr(actor, "type", "")).upper() else str(getattr(actor, "type", "")))
            out.append(_Candidate(text[start:end], start, end, person, plural, org,
                                  sent_of.get(span.start, -1), _is_name(span)))
        return out


def extract_quotes(doc: Doc, *, actors=None, disable: Collection[str] = ()) -> list[Quote]:
    """Find who said what in the body sentences of a parsed ``doc``.

    Args:
        doc: a parsed Doc (see :func:`toolkit.nlp.parse`).
        actors: :class:`toolkit.actors.Actor` objects from the actors step; the
            speaker of each quote is linked to one of them when a mention
            overlaps the speaker or a name or alias occurs in it. Their
            mentions also serve as antecedents for pronoun speakers.

    Returns:
        Quotes ordered by position (see the module docstring for the rules).

    Example:
        >>> doc = parse(article_from_text('"We will reopen," the mayor said.'))
        >>> [(q.speaker, q.quote, q.kind) for q in extract_quotes(doc)]
        [('the mayor', 'We will reopen,', 'direct')]
    """
    try:
        return _extract(doc, actors)
    except Exception:  # noqa: BLE001 - extraction must never break the pipeline
        return []


def _extract(doc: Doc, actors) -> list[Quote]:
    if doc is None or not len(doc):
        return []
    text = doc.text  # Doc.text rebuilds the string on every access
    sents = sentences(doc)
    sent_of: dict[int, int] = {}
    sent_at: list[Span] = [doc[:]] * len(doc)  # Token.sent is slow: look it up here
    for si, sent in enumerate(sents):
        for k in range(sent.start, sent.end):
            sent_of[k] = si
            sent_at[k] = sent
    body = {si for si, _ in body_sentences(doc)}
    tok_starts = [t.idx for t in doc]

    used_verbs: set[int] = set()
    drafts = [d for d in _direct_drafts(doc, text, tok_starts, _masked_text(doc, text), used_verbs,
                                   sent_at)
              if sent_of.get(_tok_at(tok_starts, d.start), -1) in body]
    inside_direct = [(d.start, d.end) for d in drafts]
    inside_direct.sort()
    direct_starts = [s for s, _ in inside_direct]

    def in_direct(char: int) -> bool:
        k = bisect_left(direct_starts, char + 1) - 1
        return k >= 0 and inside_direct[k][0] <= char < inside_direct[k][1]

    for _, sent in body_sentences(doc):
        for tok in sent:
            if tok.i in used_verbs or in_direct(tok.idx):
                continue
            if _is_speech_verb(tok) and not _hypothetical(tok):
                d = _indirect_draft(doc, tok)
                if d is not None:
                    d.speaker_tok = _subject(tok)
                    drafts.append(d)
            elif tok.lower_ == "according" and tok.dep_ in ("prep", "advcl", "advmod"):
                d = _according_draft(doc, tok, sent_at)
                if d is not None:
                    drafts.append(d)

    drafts = _dedupe(drafts)
    index = _ActorIndex(actors)
    cands = index.candidates(doc, text, sent_of) if index.mentions else [
        _Candidate(e.text, e.start_char, e.end_char, *_features(e, e.label_), sent_of[e.start],
                   _is_name(e))
        for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
    # Subject noun phrases are antecedents too ("the company … what it said").
    for si, sent in body_sentences(doc):
        for tok in sent:
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN"):
                i, j = _noun_span(tok)
                start, end = _chars(doc, i, j)
                cands.append(_Candidate(text[start:end], start, end,
                                        *_features(doc[i:j]), si, _is_name(doc[i:j])))
    # Names inside a direct quote are the speaker's words, not antecedents.
    # Of nested candidates keep the widest ("Her rival, Jorge Pinto").
    mention_cands: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if in_direct(c.start) or (mention_cands and c.end <= mention_cands[-1].end):
            continue
        mention_cands.append(c)
    return _resolve(doc, text, drafts, sent_of, tok_starts, index, mention_cands)


def _resolve(doc: Doc, text: str, drafts: list[_Draft], sent_of: dict[int, int], tok_starts: list[int],
             index: _ActorIndex, mention_cands: list[_Candidate]) -> list[Quote]:
    """Turn drafts into quotes in text order, resolving pronouns and floating quotes."""
    quotes: list[Quote] = []
    speakers: list[_Candidate] = []  # earlier explicit speakers, in order
    mention_starts = [c.start for c in mention_cands]
    for d in drafts:
        sentence = sent_of.get(_tok_at(tok_starts, d.start), 0)
        speaker, s_start, s_end, head = "", None, None, None
        resolved, source_text, rule = False, "", d.rule
        cand: _Candidate | None = None
        if d.speaker_tok is not None:
            tok = d.speaker_tok
            pron = _PRONOUNS.get(tok.lower_) if tok.pos_ == "PRON" else None
            if pron:
                source_text = tok.text
                cand = _antecedent(pron, tok, speakers, mention_cands, mention_starts,
                                   sent_of, (d.start, d.end))
                if cand is not None:
                    speaker, s_start, s_end = cand.text, cand.start, cand.end
                    resolved, rule = True, rule + "+pronoun"
                else:
                    speaker, s_start, s_end = tok.text, tok.idx, tok.idx + len(tok.text)
            else:
                i, j = _noun_span(tok)
                s_start, s_end = _chars(doc, i, j)
                speaker = text[s_start:s_end]
                head = (tok.idx, tok.idx + len(tok.text))
                person, plural, org = _features(doc[i:j])
                cand = _Candidate(speaker, s_start, s_end, person, plural, org, sentence,
                                  _is_name(doc[i:j]))
        elif d.speaker_range is not None:
            s_start, s_end = d.speaker_range
            speaker = text[s_start:s_end]
            span = doc.char_span(s_start, s_end, alignment_mode="expand")
            if span is not None and len(span):
                cand = _Candidate(speaker, s_start, s_end, *_features(span), sentence,
                                  _is_name(span))
        elif d.floating:
            prev = quotes[-1] if quotes else None
            if prev is not None and prev.speaker and prev.speaker_start is not None and \
                    sentence - _last_sentence(prev, sent_of, tok_starts) <= 2 and \
                    not index.names_person(prev.speaker_actor, d.start, d.end):
                speaker, s_start, s_end = prev.speaker, prev.speaker_start, prev.speaker_end
                resolved, source_text = True, ""
            else:
                rule = "direct-unattributed"
        if cand is not None and not resolved:
            speakers.append(cand)
        actor = index.link(speaker, s_start, s_end, head) if speaker else ""
        if resolved and not actor and quotes and d.floating:
            actor = quotes[-1].speaker_actor
        quotes.append(Quote(
            speaker=speaker, speaker_actor=actor, cue=d.cue, quote=text[d.start:d.end],
            kind=d.kind, sentence=sentence, start_char=d.start, end_char=d.end, rule=rule,
            speaker_start=s_start, speaker_end=s_end, resolved=resolved,
            source_text=source_text))
    return quotes


def _last_sentence(q: Quote, sent_of: dict[int, int], tok_starts: list[int]) -> int:
    return sent_of.get(_tok_at(tok_starts, max(q.end_char - 1, q.start_char)), q.sentence)


def _antecedent(pron: str, tok: Token, speakers: list[_Candidate],
                mentions: list[_Candidate], mention_starts: list[int],
                sent_of: dict[int, int], content: tuple[int, int]) -> _Candidate | None:
    """Nearest compatible antecedent for a pronoun speaker.

    Sentences are searched from the pronoun's own backwards (four at most);
    within one, an earlier speaker comes first, then a mention in subject
    position, then any other mention, the latest first: the subject of the
    sentence before is the usual referent of "he said". Gender is not known,
    so "he" and "she" only require a singular person.
    """
    doc = tok.doc
    here = sent_of.get(tok.i, 0)
    pos = tok.idx
    k = bisect_left(mention_starts, pos)
    by_sentence: dict[int, list[_Candidate]] = {}
    while k > 0 and mentions[k - 1].sentence >= here - 4:
        k -= 1
        c = mentions[k]
        if c.end <= pos and not content[0] <= c.start < content[1]:
            by_sentence.setdefault(c.sentence, []).append(c)  # latest first
    recent = []  # speakers of the last five sentences, latest first
    for c in reversed(speakers):
        if c.sentence < here - 4:
            break
        recent.append(c)
    for sent in range(here, max(here - 4, -1) - 1, -1):
        said = [c for c in recent if c.sentence == sent and c.end <= pos]
        found = by_sentence.get(sent, [])
        subjects = [c for c in found if _is_subject_at(doc, c.start)]
        groups = (said, subjects, found if sent != here else [])
        for group in groups:
            # The relaxed test lets "he"/"she" take a name not known to be a person.
            for relaxed in (False, True):
                match = next((c for c in group if _compatible(pron, c, relaxed)), None)
                if match is not None:
                    return match
    return None


def _is_subject_at(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    for t in (tok, *tok.ancestors):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ not in ("compound", "poss", "amod", "case", "det", "flat"):
            return False
    return False


# -- tables --------------------------------------------------------------------------

def quotes_table(quotes: list[Quote]) -> pd.DataFrame:
    """The ``quotes`` table of the output contract (one row per quote)."""
    return contract.frame("quotes", contract.rows_from("quotes", quotes))


SUMMARY_COLUMNS = ("source", "speaker_actor", "speaker", "direct", "indirect",
                   "according_to", "total")


def speaker_summary(quotes: list[Quote]) -> pd.DataFrame:
    """Who is quoted how often, directly, indirectly and as a source.

    Quotes are grouped by ``speaker_actor`` when linked, else by the speaker
    text (case-insensitive); quotes with no speaker form the group
    ``"(no speaker)"``. ``speaker`` lists the distinct spans in order of first
    appearance. Rows are sorted by ``total``, most quoted first.

    Example:
        >>> speaker_summary(extract_quotes(doc))[["source", "direct", "total"]]  # doctest: +SKIP
               source  direct  total
        0   the mayor       2      3
    """
    groups: dict[str, dict] = {}
    for q in quotes:
        key = q.speaker_actor or (q.speaker.strip().lower() if q.speaker else "")
        label = q.speaker_actor or q.speaker.strip() or "(no speaker)"
        g = groups.setdefault(key, {"source": label, "speaker_actor": q.speaker_actor,
                                    "spans": [], "direct": 0, "indirect": 0,
                                    "according_to": 0})
        if q.speaker and q.speaker not in g["spans"]:
            g["spans"].append(q.speaker)
        if q.kind in ("direct", "indirect", "according_to"):
            g[q.kind] += 1
    rows = []
    for g in groups.values():
        rows.append({"source": g["source"], "speaker_actor": g["speaker_actor"],
                     "speaker": contract.LIST_SEP.join(g["spans"]), "direct": g["direct"],
                     "indirect": g["indirect"], "according_to": g["according_to"],
                     "total": g["direct"] + g["indirect"] + g["according_to"]})
    rows.sort(key=lambda r: -r["total"])  # stable: ties keep first-seen order
    df = pd.DataFrame(rows, columns=list(SUMMARY_COLUMNS))
    for c in ("direct", "indirect", "according_to", "total"):
        df[c] = df[c].astype("int64")
    return df
