"""Quotes: who said what, in quote marks or not, with speakers linked to actors.

Three kinds of attribution are found in the body sentences of a parsed ``Doc``
(headings never count):

``direct``
    Text in quote marks. Marks are paired by :func:`pair_quote_marks` (straight
    and curly, an odd count tolerated, a paragraph that opens with a quote mark
    continuing an unclosed quote). The speaker comes from the speech verb next
    to the quote in either order (``"…," said X`` / ``"…," X said`` /
    ``X said: "…"``), from a dash sign-off (``"…" — X``), or, for a quote that
    is a sentence on its own, from the quote just before it ("floating" quotes);
    the second half of a quote split by its reporting clause (``"…," said X,
    "…"``) is X's too (rule ``direct-resumed``).
    Short quoted phrases with no speech verb next to them (scare quotes, titles,
    names: ``their "Axis of Unity"``) are not quotes.
``indirect``
    Reported speech: a speech verb from :data:`toolkit.lexicon.SPEECH_VERBS`
    with its clausal complement (``X said on Monday there would be…``, ``X told
    Y that…``), the same with the reporting clause after or inside the content
    (``…, the statement said`` / ``The forces, the statement said, are…``),
    infinitive complements of verbs of urging and promising (``urged residents
    to stay indoors``), ``called for``/``accused … of``/``warned of`` phrases,
    ``said in a statement that…`` and the embedded hedge ``at what it said
    were …`` (rule ``indirect-embedded``: a weak, low-priority claim kept
    because it is still an attribution), a reported clause the parser
    read as the verb's object or cut off from it (``X said the report
    reinforced trust``: rule ``indirect-clause-object``), and verdicts spoken
    about something (``X branded the plan a "waste"``: rule
    ``indirect-branded``).
``according_to``
    Source phrases: ``according to X`` with the clause it qualifies as content.

The ``speaker`` is the source span as written, cut before appositions and
relative clauses ("Director Jane Roe", "a senior Treasury official"), never a
wire dateline, a number or a date; pronoun speakers ("they said") are resolved
to the nearest compatible earlier speaker or named entity (number and gender
agreement, people before names not known to be people), and the quote records
it (``resolved=True``, ``source_text`` is the pronoun, ``rule`` ends in
``+pronoun``); a definite description of a person right after a named
speaker ("Mr Hale said … The MP for Eastwick said …") speaks for that person
(``rule`` ends in ``+description``, ``source_text`` keeps the description),
as does a description whose head word was written earlier as one person's
title ("Chancellor Ann Roe … the chancellor said") or, for an organisation
noun ("The firm said"), the organisation an "it" there would stand for;
a participle of speech that the parser hung on a reported clause ("X said
sales fell, adding that …") speaks for X (rule ``speaker-participle``), and
"He added …" right after an attribution goes on with its speaker when the
pronoun agrees (rule ``speaker-added``);
floating quotes and subject-less reporting clauses continue the
previous speaker, a quote paragraph continues the speaker of the paragraph
before, and a floating quote right after a sentence about someone who spoke
earlier is theirs. A speaker the parse leaves off its verb is read from the
words around it ('"…," warned Richards', "…, Jo Park, head of policy,
said": rule ``speaker-unparsed``). The speaker of a first-person direct quote is a person
for later pronouns, whatever the model typed the name, and "he"/"she" never
stands for a person named in the direct quote it introduces. ``speaker_actor`` is the canonical name
of the actor whose mention overlaps the speaker span (or whose name or alias
occurs in it). Each reporting verb yields at most one quote, and an indirect
clause already inside a direct quote is not reported twice.

Each step is an ordered tuple of small named rules (:data:`RULE_GROUPS`, named
as in the ``rule`` column); ``extract_quotes(doc, disable={...})`` switches
rules off by name. Extraction is a single pass over tokens and quote marks; it
never calls the pipeline again. A rule that fails raises: the article fails
visibly, it never yields a silently empty table.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache, partial

import pandas as pd
from spacy.attrs import IDX, LIKE_NUM
from spacy.tokens import Doc, Span, Token

from . import contract
from .lexicon import (
    BELIEF_VERBS,
    CLAUSE_SPEECH_VERBS,
    CONTINUING_VERBS,
    DOBJ_SPEECH_VERBS,
    ESTIMATE_PREPOSITIONS,
    EVIDENCE_NOUNS,
    EVIDENCE_VERBS,
    EXPRESSING_VERBS,
    FORECAST_VERBS,
    GENDERED_WORDS,
    GERUND_SPEECH_VERBS,
    JUDGING_VERBS,
    MEDIA_NOUNS,
    MODALS,
    MONTHS,
    NOT_SOURCES,
    ORG_HEAD_WORDS,
    PEOPLE_NOUN_ENDINGS,
    PERSON_NOUNS,
    PREP_SPEECH,
    PRONOUN_GENDER,
    PRONOUNS,
    QUOTE_CUE_VERBS,
    QUOTING_VERBS,
    RESTRICTED_SPEECH_VERBS,
    SOURCE_NOUNS,
    SPEECH_VERBS,
    STATEMENT_NOUNS,
    TIME_CLAUSE_MARKS,
    TIME_PHRASE_PREPOSITIONS,
    WEEKDAYS,
    XCOMP_SPEECH_VERBS,
    honorifics,
    org_nouns,
    title_words,
)
from .nlp import body_sentences, doc_text, sentences, token_columns
from .rules import active, rule

__all__ = ["RULE_GROUPS", "SPEECH_VERBS", "Quote", "extract_quotes", "pair_quote_marks",
           "quotes_table", "speaker_summary"]

# Quote marks: which open, which close, which could be either.
_OPEN_MARKS = "“„«‟"
_CLOSE_MARKS = "”»"
_AMBIGUOUS_MARKS = '"″'
_DOUBLE_MARKS = frozenset(_OPEN_MARKS + _CLOSE_MARKS + _AMBIGUOUS_MARKS)
_MARK_RE = re.compile(r'["“”„«»‟″]|\n')
_DOUBLE_MARK_RE = re.compile(r'["“”„«»‟″]')
_DASHES = ("—", "–", "-", "--")
_STOP_PUNCT = {",", "(", ")", "-", "—", "–", "--", ";", ":", "[", "]"}
_OPENERS = set(':;("“‘\'—–-')
_QUOTE_CHARS = set(_OPEN_MARKS + _CLOSE_MARKS + _AMBIGUOUS_MARKS + "'‘’`")
_QUOTE_STRIP = "".join(sorted(_QUOTE_CHARS))
#: Entity labels of numbers, amounts and dates: never a speaker.
_NUMERIC_LABELS = frozenset({"CARDINAL", "PERCENT", "QUANTITY", "MONEY", "DATE", "TIME",
                             "ORDINAL"})
_PLACE_LABELS = ("GPE", "LOC", "FAC")
#: "the 27-year-old": a person described by age (never a number speaker).
_AGE_NOUN = re.compile(r"(?i)^the\s+(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old$")
#: A wire dateline opening a paragraph: "MOSCOW, March 4 - ", "SAO PAULO,
#: Brazil, March 5 (Reuters) - ".
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z.'\- ]{1,40}(?:,\s*[A-Z][\w.' ]{1,30})?,\s*(?:"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\.?\s+\d{1,2}(?:\s*\([^)]{1,30}\))?\s*[-–—]+\s*", re.MULTILINE)


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
    An opening mark met while a quote that ends a sentence is still open
    starts a new quote and the earlier one ends with its sentence (writers
    reopen a quote sentence by sentence and forget the closing mark:
    ``"We won. "Now we rest."``). Stray closing marks are dropped. Never raises.

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
    state = _Pairing(text or "")
    for m in _MARK_RE.finditer(state.text):
        if m.group() == "\n":
            state.line_break(m.start())
        else:
            state.mark(m.start())
    state.finish()
    return state.pairs


@dataclass
class _Pairing:
    """The state of :func:`pair_quote_marks` as it walks the marks of ``text``:
    the pairs so far, the quote open (if any) and where it met a line break."""

    text: str
    pairs: list[tuple[int, int]] = field(default_factory=list)
    open_at: int | None = None
    break_at: int | None = None  # where an open quote met a line break

    def line_break(self, i: int) -> None:
        if self.open_at is not None and self.break_at is None:
            self.break_at = i

    def mark(self, i: int) -> None:
        role = _mark_role(self.text, i)
        if self.break_at is not None:
            if _continues(self.text, self.open_at, self.break_at, i, role):
                self.break_at = None
                return
            self.close_at_break()
        if self.open_at is None:
            if role != "close":
                self.open_at = i
        elif role == "open":
            self.pairs.extend(_reopened(self.text, self.open_at, i))
            self.open_at = i
        else:
            self.pairs.append((self.open_at, i + 1))
            self.open_at = None

    def close_at_break(self) -> None:
        """End the open quote at its paragraph's last non-space character."""
        end = len(self.text[:self.break_at].rstrip())
        if end > self.open_at + 1:
            self.pairs.append((self.open_at, end))
        self.open_at = self.break_at = None

    def finish(self) -> None:
        if self.open_at is not None:
            if self.break_at is None:
                self.break_at = len(self.text)
            self.close_at_break()


def _continues(text: str, open_at: int, break_at: int, i: int, role: str) -> bool:
    """A paragraph opening with a quote mark continues the quote still open at
    the break, unless that quote opened mid-phrase ('the sirens "did not work')."""
    opened_clause = not text[:open_at].rstrip()[-1:].isalnum()
    return role != "close" and not text[break_at:i].strip() and opened_clause


def _reopened(text: str, open_at: int, i: int) -> list[tuple[int, int]]:
    """The quote left open at ``open_at`` when a new one opens at ``i``: after
    the end of a sentence ('… me. "As captain …') the writer reopened the quote
    for the next sentence, so the earlier one ends with its sentence; otherwise
    it is dropped."""
    end = len(text[:i].rstrip())
    if text[open_at + 1:end].rstrip("'’").endswith((".", "?", "!")):
        return [(open_at, end)]
    return []


# -- small helpers over tokens -----------------------------------------------------

def _is_quote_tok(tok: Token) -> bool:
    text = tok.text  # only quote marks: nothing is left once they are stripped
    return bool(text) and not text.strip(_QUOTE_STRIP)


def _trimmed(doc: Doc, i: int, j: int, *, drop_mark: bool = True) -> tuple[int, int] | None:
    """Token range ``[i, j)`` without edge punctuation, spaces or a leading "that"."""
    # one Token per step (``doc[i]`` builds a new one on every access)
    while i < j and ((t := doc[i]).is_punct or t.is_space or _is_quote_tok(t)
                     or (drop_mark and t.lower_ == "that"
                         and t.dep_ not in ("nsubj", "nsubjpass", "dobj", "det"))
                     or t.dep_ == "cc"):
        i += 1
    while j > i and ((t := doc[j - 1]).is_punct or t.is_space or _is_quote_tok(t)
                     or t.dep_ == "cc"):
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
    # Never a leading date ("Monday Judge Roe" from "sent on Monday Judge Roe said").
    while start < tok.i and ((t := doc[start]).is_punct or _is_quote_tok(t) or (
            _date_word(t) and tok.ent_type_ not in ("DATE", "TIME"))):
        start += 1
    end = tok.i + 1
    right = tok.right_edge.i
    excluded = set()
    named = False  # "Her lawyer, Nadia Chowdhury": keep the name after a role noun
    comma_at = tok.i + 1  # the comma before that name ("The head of the board, Ann Roe")
    for child in tok.rights:
        if child.dep_ == "appos" and (tok.pos_ != "PROPN" or _role_word(tok)) \
                and child.pos_ == "PROPN" and not named:
            named = True
            comma_at = child.left_edge.i - 1
            continue
        if child.dep_ == "prep" and child.lower_ == "of" and tok.pos_ == "NOUN" and not named:
            # "The head of the port board, Ann Roe": the name hangs on "board".
            name = _person_appos_of(child)
            if name is not None:
                named, comma_at = True, name.left_edge.i - 1
        if child.dep_ in ("appos", "relcl", "acl", "advcl", "parataxis"):
            excluded.update(range(child.left_edge.i, child.right_edge.i + 1))
    k = tok.i + 1
    while k <= right:
        t = doc[k]
        if k in excluded or _is_quote_tok(t) or (t.text in _STOP_PUNCT and not (
                named and t.text == "," and k == comma_at) and not _infix_hyphen(t)):
            break
        end = k + 1
        k += 1
    while end - 1 > tok.i and doc[end - 1].dep_ in ("cc", "punct", "prep"):
        end -= 1
    return start, _before_dashed_aside(doc, start, tok.i) or end


def _before_dashed_aside(doc: Doc, start: int, head: int) -> int | None:
    """Where a person's name ends when the parser took a description set off
    by dashes for the head of its phrase ("Ann Roe - the firm's chief
    backer - said"): the spaced dash after the name, or None."""
    for k in range(start + 1, head):
        if doc[k].text in _DASHES and not _infix_hyphen(doc[k]) and any(
                t.ent_type_ == "PERSON" and t.pos_ == "PROPN" for t in doc[start:k]):
            return k
    return None


def _person_appos_of(prep: Token) -> Token | None:
    """A person's name in apposition to the object of "of" ("the head of the
    board, Ann Roe"): the parser hangs it on the organisation (as an
    apposition or, after a comma, an adverbial noun), a reader on the role
    noun before it."""
    for pobj in prep.children:
        if pobj.dep_ != "pobj" or pobj.ent_type_ == "PERSON":
            continue
        for c in pobj.rights:
            if c.dep_ in ("appos", "npadvmod") and c.ent_type_ == "PERSON" and \
                    c.pos_ == "PROPN" and c.left_edge.i > 0 and \
                    c.doc[c.left_edge.i - 1].text == ",":
                return c
        for c in pobj.children:  # "the head of the Friends of the Park, Ann Roe"
            if c.dep_ == "prep" and c.lower_ == "of" and _person_appos_of(c) is not None:
                return _person_appos_of(c)
    return None


def _date_word(tok: Token) -> bool:
    """A weekday, month or number inside a date entity ("Wednesday", "4")."""
    return tok.ent_type_ in ("DATE", "TIME") and (
        tok.like_num or tok.text in WEEKDAYS or tok.text in MONTHS)


def _role_word(tok: Token) -> bool:
    """A role or title word, even capitalised ("Inspector of
    Mines, Ann Roe"): a name in apposition to it is the person."""
    return title_words().get(tok.lower_) == "role" or tok.lemma_.lower() in PERSON_NOUNS


def _infix_hyphen(tok: Token) -> bool:
    """A hyphen inside a word ("think-tank"), not a dash between phrases."""
    return tok.text == "-" and tok.i > 0 and not tok.doc[tok.i - 1].whitespace_ \
        and not tok.whitespace_


def _quoted_person(verb: Token) -> Token | None:
    """Who is quoted by a quoting verb: "X quoted Y as saying" (Y), "Y was quoted
    as saying" (Y)."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The token naming who speaks for ``verb``: its subject, passive agent, the
    noun a relative/participial clause hangs on, or the subject inherited from
    the verb it is coordinated with ("said … and added …"), or the person
    quoted by "quoted … as saying"."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "as" and \
            head.head.lemma_.lower() in QUOTING_VERBS:
        return _quoted_person(head.head)
    hearsay = _hearsay_subject(verb)
    if hearsay is not None:
        return hearsay
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and depth < 3 and \
            _is_speech_verb(verb.head.head) and (_asks_question(verb) or (
                _is_speech_verb(verb) and not _speaking_subject(verb.head)
                and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))):
        # "X said ministers had erred and asked how …", "X said there was no
        # deal and stressed that …": X asked, X stressed (the parser hung the
        # verb on the reported clause, whose subject cannot speak).
        return _subject(verb.head.head, depth + 1)
    if verb.pos_ == "NOUN":  # "The chain predicts that …": the subject became a compound
        return next((c for c in reversed(list(verb.lefts)) if c.dep_ == "compound"), None)
    subjects = _speaking_subjects(verb, depth)
    for k, child in enumerate(subjects):
        if child.lower_ in ("who", "which", "that") and verb.dep_ in ("relcl", "acl"):
            return verb.head
        return _name_before_aside(verb, child) or _person_subject_after(child, subjects[k + 1:])
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    if verb.dep_ == "conj" and (inverted := _name_after(verb)) is not None:
        return inverted  # "Officers were ignored, claimed the union."
    if verb.dep_ == "advcl" and head.pos_ == "NOUN" and head.dep_ == "ROOT":
        # "The leader brands [NOUN] it "rubbish", arguing that …": the root
        # verb tagged as a noun keeps its subject.
        return next((c for c in head.children if c.dep_ == "nsubj"), None) or next(
            (c for c in reversed(list(head.lefts)) if c.dep_ == "compound"), None)
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i \
            and (verb.head.pos_ in ("VERB", "AUX") or (verb.dep_ == "conj" and verb.head.tag_ == "VBN")) \
            and not _across_quote(verb):
        outer = _clause_after_relative(verb)
        return _subject(outer if outer is not None else verb.head, depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") \
            and depth < 3:
        # "The firm dropped the plan after declaring …": the firm declared.
        return _subject(head.head, depth + 1)
    return _name_before(verb)


def _speaking_subjects(verb: Token, depth: int) -> list[Token]:
    """The subjects of ``verb`` that may speak, in text order (see :func:`_subject`)."""
    # A verb coordinated with a passive shares its subject ("He was advised
    # to … and said …"); a date the parser took for a second subject ("But
    # this year, he said …") never speaks.
    subjects = [c for c in verb.children
                if c.dep_ == "nsubj" or (depth and c.dep_ == "nsubjpass")]
    subjects = [c for c in subjects if c.ent_type_ not in ("DATE", "TIME")] or subjects
    # "reporters who she claims followed her": she claims, not the reporters.
    subjects = _unquoted_subjects(subjects, verb)
    if any(c.i < verb.i for c in subjects) and any(c.i > verb.i for c in subjects):
        # "The aim, says Acme, is …": the subject after the inverted verb
        # speaks, unless a verb inside it shows it is the reported clause,
        # garbled ("the mayor said [Monday's vote reinforced] trust").
        after = [c for c in subjects if c.i > verb.i]
        garbled = any(t.pos_ == "VERB" for c in after for t in c.subtree)
        subjects = [c for c in subjects if (c.i < verb.i) == garbled]
    if _content_as_first_subject(subjects, verb):
        subjects = subjects[1:]
    return subjects


def _content_as_first_subject(subjects: list[Token], verb: Token) -> bool:
    """Whether the first of two subjects before the verb is the reported
    clause, garbled: "Officers targeted [rules] travellers, the judges have
    ruled" (a verb inside the first; the second after a comma speaks)."""
    if len(subjects) != 2:
        return False
    first, second = subjects
    return first.i < second.i < verb.i and verb.doc[second.left_edge.i - 1].text == "," and \
        any(t.pos_ == "VERB" for t in first.subtree if t.i > first.i)


def _name_before_aside(verb: Token, subj: Token) -> Token | None:
    """The person's name before a dashed aside that ends right before the
    verb, when the parser took a noun inside the aside for the subject:
    "Jo Park - who runs her own campaign - said …" has Jo Park speak, not
    the campaign."""
    doc = verb.doc
    k = verb.i - 1
    cols = token_columns(doc)  # read from the columns: most verbs have no dash before
    while k > 0 and cols["tag"][k] == "RB":
        k -= 1
    if k < 0 or cols["text"][k] not in _DASHES or not subj.i < k:
        return None
    sent = verb.sent
    opening = next((x for x in range(subj.i - 1, sent.start, -1) if doc[x].text in _DASHES), None)
    if opening is None:
        return None
    name = doc[opening - 1]
    # A name heading its own phrase (not a compound the parser joined to
    # the aside's words: "Ivo Renn - Acme's main backer - said").
    if name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and name.dep_ != "compound":
        return name
    return None


def _across_quote(verb: Token) -> bool:
    """Whether a quote closes between a verb and the head the parser hung it
    on (an odd number of double quote marks between them; apostrophes do
    not count): '"We are working on it," Jo
    Park told …' makes "told" a conjunct of the quoted "working", whose
    subject is not the speaker."""
    head = verb.head
    if head.i >= verb.i:
        return False
    between = verb.doc[head.i + 1:verb.i]
    marks = [t.i for t in between if t.text in _DOUBLE_MARKS]
    if len(marks) % 2 == 0:
        return False
    # 'it was "honoured" and promised …': coordinated after the mark, same subject.
    return not any(t.dep_ == "cc" for t in verb.doc[marks[-1] + 1:verb.i])


def _speaking_subject(clause: Token) -> bool:
    """Whether a clause has a subject that could speak: not an expletive
    ("there was no deal") and present at all."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "there"
               for c in clause.children)


def _phrase_before(verb: Token) -> Token | None:
    """The speaker of a main-clause speech verb with no subject in the parse,
    written as the noun phrase right before it: "When asked if …, the
    carmaker's chief Ann Roe said:" (the parser hung the name inside the
    opening clause), "…," Jo Park, head of policy at Acme, said.".

    The words back from the verb (adverbs skipped) to a comma, quote mark
    or the sentence's start must be a noun phrase with no verb; a phrase
    set off by commas right after a person's name ("Jo Park, head of …,")
    gives that name. The person's name in the phrase, else its last noun,
    speaks."""
    doc, sent = verb.doc, verb.sent
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or (
        verb.tag_ == "VBN" and any(c.dep_ == "aux" for c in verb.children))
    if not (verb.dep_ == "ROOT" or _across_quote(verb)) or not finite:
        return None
    k = verb.i - 1
    while k >= sent.start and doc[k].pos_ in ("ADV", "AUX") and not doc[k].ent_type_:
        k -= 1  # "Ann Roe also had said": adverbs and auxiliaries
    if k > sent.start and doc[k].text in _DASHES:
        # "Ann Roe - keen to reassure investors - had said": skip the aside.
        k = next((x for x in range(k - 1, sent.start, -1) if doc[x].text in _DASHES), k) - 1
    elif k > sent.start and doc[k].text == ",":
        k -= 1  # the comma closing an apposition: "Jo Park, head of policy, said"
    run = _phrase_back(doc, k, sent.start)
    if not run:
        return None
    first = run[0].i
    if first - 1 > sent.start and doc[first - 1].text == ",":
        name = _phrase_back(doc, first - 2, sent.start)
        people = [t for t in name if t.ent_type_ == "PERSON"]
        if not people and any(_role_noun(t) for t in run):
            # "Ann Roe, chief executive of Acme, said": a role set off by
            # commas names the person before it, whatever label the name got.
            people = [t for t in name if t.pos_ == "PROPN"]
        if people and (name[0].i == sent.start or not doc[name[0].i - 1].is_alpha):
            return people[-1]
    people = [t for t in run if t.ent_type_ == "PERSON"]
    if people:
        return people[-1]
    nouns = [t for t in run if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else None


#: Tags of the words of a speaker's noun phrase read backwards from its verb.
_PHRASE_POS = ("PROPN", "NOUN", "DET", "ADJ", "PART", "NUM", "ADP", "CCONJ")


def _phrase_back(doc: Doc, k: int, start: int) -> list[Token]:
    """The noun-phrase words ending at ``k``, read back to a comma, quote
    mark or ``start``: none when a verb, pronoun or other punctuation comes
    first, or when the phrase opens with a preposition or "and"."""
    run = []
    while k >= start and not (doc[k].text == "," or _is_quote_tok(doc[k])):
        tok = doc[k]
        # A name counts whatever the tagger made of it ("Reade" a verb,
        # "Says" in "the Town Says No campaign").
        if tok.pos_ not in _PHRASE_POS and tok.text not in ("'s", "’s") and \
                tok.ent_type_ not in ("PERSON", "ORG") and not _word_of_name(tok):
            return []
        run.append(tok)
        k -= 1
    run.reverse()
    if not run or run[0].pos_ in ("ADP", "CCONJ", "PART") or \
            not any(t.pos_ in ("NOUN", "PROPN") or t.ent_type_ in ("PERSON", "ORG") for t in run):
        return []
    return run


def _role_noun(tok: Token) -> bool:
    """A common noun for a person or a role ("spokesman", "executive", "head")."""
    return tok.pos_ == "NOUN" and _role_word(tok)


def _word_of_name(tok: Token) -> bool:
    """A capitalised word inside a name, whatever its tag: after another
    word of the sentence (not its start, not after an opening mark) and
    next to a proper noun ("Town Says No")."""
    doc = tok.doc
    if not tok.text[:1].isupper() or tok.i == 0 or tok.is_sent_start or \
            doc[tok.i - 1].text in _OPENERS:
        return False
    return doc[tok.i - 1].pos_ == "PROPN" and tok.i + 1 < len(doc) and \
        doc[tok.i + 1].pos_ == "PROPN"


def _name_before(verb: Token) -> Token | None:
    """A name written right before a subject-less speech verb, which the
    parser swallowed into an opening phrase ("In a letter sent on
    Monday Ann Roe said: …"): a person's or organisation's name, or a
    surname read as a modal (:func:`_modal_name`)."""
    if verb.i == 0 or verb.dep_ != "ROOT":
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ == "PROPN" and prev.ent_type_ in ("PERSON", "ORG") and \
            prev.dep_ in ("pobj", "compound", "dobj", "npadvmod"):
        return prev
    return _modal_name(prev)


def _modal_name(prev: Token) -> Token | None:
    """A surname the parser read as a modal ("May said: …", '"…," May
    wrote.'): a capitalised modal right before a subject-less speech verb,
    opening the sentence or after a comma or quote mark, is the speaker."""
    if prev.tag_ != "MD" or prev.dep_ != "aux" or not prev.text[:1].isupper():
        return None
    doc = prev.doc
    if prev.i == 0 or prev.is_sent_start or doc[prev.i - 1].text == "," or \
            _is_quote_tok(doc[prev.i - 1]):
        return prev
    return None


def _name_after(verb: Token) -> Token | None:
    """The speaker written right after an inverted, subject-less reporting
    verb that the parser took for its object or hung elsewhere: '"…,"
    warned Richards.', "By contrast, says Mr Cox, the …", "…, claimed the
    union." The verb must open the sentence or follow a comma or quote
    mark, and the words after it, with no verb among them, must run to a
    comma, colon or the sentence's end; of them the person's name, else
    the first word hung outside them, speaks."""
    doc, sent = verb.doc, verb.sent
    if verb.lemma_.lower() in ("tell", "inform") or verb.i > sent.start and not (
            doc[verb.i - 1].text == "," or _is_quote_tok(doc[verb.i - 1])):
        return None  # "…, told reporters": the listener
    run = []
    for k in range(verb.i + 1, min(sent.end, verb.i + 12)):
        tok = doc[k]
        if (tok.is_punct and tok.text not in ("'s", "&", "-")) or tok.is_space:
            break
        if tok.pos_ in ("VERB", "AUX", "SCONJ") or tok.tag_ in ("WP", "WDT"):
            return None
        run.append(tok)
    else:
        return None
    end = verb.i + 1 + len(run)
    if not run or run[0].pos_ not in ("PROPN", "DET", "NOUN", "ADJ", "PRON") or \
            (end < sent.end and doc[end].text not in (",", ".", ":", ";", "!", "?")):
        return None
    people = [t for t in run if t.ent_type_ == "PERSON"]
    if people:
        return people[-1]
    inside = {t.i for t in run}
    return next((t for t in run if t.head.i not in inside), None)


def _person_subject_after(first: Token, others: list[Token]) -> Token:
    """The subject a garbled parse hangs twice: "Acme branch organiser Jo
    Park added" makes "Acme" and "Park" both subjects; the person's name
    right after the first (no punctuation between) is the speaker. A comma
    between ("Jo Park, Acme Association, said") keeps the first, unless the
    first is a role noun and the name ends right before the verb ("The
    charity's head of policy, Jo Park said"): the name is the role's
    apposition, and the speaker is named."""
    if not others or first.ent_type_ == "PERSON":
        return first
    nxt = others[0]
    between = first.doc[first.right_edge.i + 1:nxt.left_edge.i]
    if nxt.ent_type_ != "PERSON" or nxt.pos_ != "PROPN" or nxt.left_edge.i <= first.i:
        return first
    if not any(t.is_punct for t in between):
        return nxt
    if _role_noun(first) and [t.text for t in between] == [","] and nxt.i + 1 == nxt.head.i:
        return nxt
    return first


def _clause_after_relative(verb: Token) -> Token | None:
    """The verb of the main clause when ``verb`` is coordinated with a relative
    clause that was closed before it: "Ann tried to save the mill - which
    ran for a decade - but admitted …" has Ann admit, not the mill. The
    relative clause must end in a dash, comma or bracket before the
    conjunction; the main clause's verb is the first verb above the noun the
    relative clause describes."""
    rel = verb.head
    if verb.dep_ != "conj" or rel.dep_ != "relcl":
        return None
    if not any(t.text in (",", ")", *_DASHES) for t in verb.doc[rel.i + 1:verb.i]):
        return None
    return next((t for t in rel.head.ancestors if t.pos_ in ("VERB", "AUX")), None)


def _is_speech_verb(tok: Token) -> bool:
    """A speech verb, or one the tagger took for a noun at the root of a
    reporting sentence ("The chain predicts that sales will double")."""
    if tok.lemma_.lower() not in SPEECH_VERBS:
        return False
    return tok.pos_ == "VERB" or (
        tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_ == "NNS"
        and any(c.dep_ == "ccomp" for c in tok.children)
        and any(c.dep_ == "compound" for c in tok.lefts))


def _is_cue_verb(tok: Token) -> bool:
    """A verb that may introduce a direct quote next to it: a speech verb or
    one of :data:`toolkit.lexicon.QUOTE_CUE_VERBS` ('"…," she continued')."""
    return _is_speech_verb(tok) or (tok.pos_ == "VERB" and tok.lemma_.lower() in QUOTE_CUE_VERBS)


def _asks_question(verb: Token) -> bool:
    """A subject-less "asked how/whether/why …": a reported question whose
    complement opens with a question word."""
    if verb.lemma_.lower() != "ask" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "ccomp" and c.left_edge.tag_ in ("WRB", "WP", "WDT", "IN")
               and c.left_edge.lower_ in ("how", "why", "what", "when", "where", "who",
                                          "which", "whether", "if")
               for c in verb.children)


def _hypothetical(tok: Token) -> bool:
    """Speech verbs that attribute nothing: an infinitive ("easier for X to
    assert that …", "declined to say"), a negated or modal one ("did not say
    how many", "will ask the court to …"), a noun the tagger took for a verb
    ("its bluntest warning about …", "discuss reports that …"), a capitalised
    word inside a name ("the Says No campaign"), evidence rather than a speaker ("the
    figures suggest …") or a passive participle with no agent ("went on trial
    accused of fraud", "a fee reported to be …"); a question put to the
    speaker of the verb it opens ("When asked about …, X said",
    :func:`_question_put`), and a request not to be named ("an official, who
    asked not to be identified", :func:`_asked_anonymity`)."""
    children = list(tok.children)
    if _passive_without_teller(tok) or _question_put(tok) or _asked_anonymity(tok):
        return True
    if _hearsay_subject(tok) is not None:
        return False  # "X is alleged to have said that …": X spoke
    if tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass"):
        return True  # a noun tagged as a verb: "discuss newspaper reports that …"
    if _gerund_as_noun(tok):
        return True
    if tok.text[:1].isupper() and tok.i > 0 and not tok.is_sent_start and \
            tok.doc[tok.i - 1].text not in _OPENERS:
        return True  # part of a name: "the Town Says No campaign"
    if any(c.dep_ == "neg" or (c.dep_ in ("det", "poss") and tok.pos_ == "VERB")
           or (c.dep_ == "aux" and (c.tag_ == "TO" or c.lower_ in MODALS)) for c in children):
        return True
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "as" and head.head.tag_ == "VBN" and \
            head.head.lemma_.lower() not in QUOTING_VERBS and \
            not any(c.dep_ == "agent" for c in head.head.children):
        return True  # hearsay with no source: "was reported as having asked …"
    if tok.lemma_.lower() in EVIDENCE_VERBS and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in EVIDENCE_NOUNS for c in children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "advcl", "amod") and not any(
        c.dep_ in ("nsubj", "agent", "aux") for c in tok.children) and not _main_verb_of_name(tok)


def _question_put(tok: Token) -> bool:
    """An "asked" with no subject opening the clause of another verb: "But
    asked if he was hopeful, Jo Park replied …" is the question someone put
    to Jo Park, not speech of Jo Park's (the tagger may read "asked" as a
    past tense)."""
    return tok.lemma_.lower() == "ask" and tok.dep_ == "advcl" and tok.i < tok.head.i and \
        not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "aux") for c in tok.children)


def _asked_anonymity(tok: Token) -> bool:
    """A request to stay unnamed: "asked not to be identified" is all that
    the verb's complement says (a negated passive infinitive with nothing
    else hung on it), which reports nothing about the story."""
    if tok.lemma_.lower() != "ask":
        return False
    xcomp = next((c for c in tok.children if c.dep_ == "xcomp" and c.i > tok.i), None)
    return xcomp is not None and xcomp.tag_ == "VBN" and \
        {c.dep_ for c in xcomp.children} <= {"neg", "aux", "auxpass"} and \
        any(c.dep_ == "neg" for c in xcomp.children) and \
        any(c.dep_ == "auxpass" for c in xcomp.children)


def _main_verb_of_name(tok: Token) -> bool:
    """A past-tense verb the parser hung as a participle on the sentence's
    root name: "Jo Park, for the Greens, called on the mayor to …" has no
    verb but "called", so it is the main verb and Jo Park speaks. Only after
    a comma, on a proper-noun root, with no auxiliary anywhere before it."""
    head = tok.head
    if tok.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ != "PROPN" or \
            tok.i == 0 or tok.doc[tok.i - 1].text != ",":
        return False
    return not any(t.pos_ in ("VERB", "AUX") for t in tok.doc[head.sent.start:tok.i])


def _gerund_as_noun(tok: Token) -> bool:
    """A speech noun the tagger took for a gerund: "in its bluntest ever
    warning about …" (after a possessive, determiner or adjective, skipping
    adverbs) names a warning, it does not report one being given."""
    if tok.tag_ != "VBG" or tok.dep_ in ("acl", "relcl") or \
            any(c.dep_ in ("nsubj", "aux", "ccomp") for c in tok.children):
        return False  # a clause of its own: "reluctant saying he hated it" reports
    k = tok.i - 1
    while k >= 0 and tok.doc[k].dep_ == "advmod" and tok.doc[k].head.i == tok.i:
        k -= 1
    if k < 0:
        return False
    before = tok.doc[k]
    # "her new album saying she was tired" is a participle; "its bluntest (NN)
    # ever warning" is a noun: a noun before it counts only across an adverb.
    return before.tag_ in ("PRP$", "DT", "JJ", "JJS", "JJR", "POS") or \
        (k < tok.i - 1 and before.tag_ in ("NN", "NNS"))


def _passive_without_teller(tok: Token) -> bool:
    """A passive speech verb with no agent names the listener, never the
    speaker: "Ann Lee had been told she could stay", "the paper was told"
    attribute what was said to nobody, so they are no attribution. With an
    agent ("was told by the landlord that …") the agent speaks; the passive
    of a quoting verb ("was quoted as saying") is left to the quoting rules."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() in QUOTING_VERBS:
        return False
    children = list(tok.children)
    return any(c.dep_ == "auxpass" for c in children) and \
        not any(c.dep_ == "agent" for c in children)


def _hearsay_subject(tok: Token) -> Token | None:
    """Who is said to have spoken in "X is alleged to have said that …" (X).

    A perfect infinitive speech verb ("to have said", "to have told") under a
    passive verb of reporting with no agent ("is alleged", "was reported",
    "is said") reports words X is claimed to have spoken: X, the passive's
    subject, is the speaker."""
    if tok.dep_ != "xcomp":
        return None  # the cheap test first: most verbs are no infinitive complement
    head = tok.head
    if head.i == tok.i or head.tag_ != "VBN" or \
            head.lemma_.lower() not in SPEECH_VERBS | {"believe", "understand", "think"}:
        return None
    kids = list(tok.children)
    if not (any(c.tag_ == "TO" for c in kids) and any(c.lower_ == "have" for c in kids)):
        return None
    if any(c.dep_ == "agent" for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def _restricted(tok: Token) -> bool:
    """Speech verbs that need a particular complement: "call" only reports
    speech as "call for/on", "point" only as "point out"."""
    lemma = tok.lemma_.lower()
    if lemma == "point":
        return not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)
    return lemma in RESTRICTED_SPEECH_VERBS


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
    gender: str = ""  # "m", "f" or unknown, from an honorific or a gendered noun
    place: bool = False  # a country, city or place: never "he" or "she"
    institution: bool = False  # a name headed by an organisation noun ("… Commission")


def _candidate(text: str, start: int, end: int, span: Span, sentence: int,
               label: str = "") -> _Candidate:
    """An antecedent or speaker candidate with its agreement features."""
    person, plural, org = _features(span, label)
    labels = {label} | {t.ent_type_ for t in span if t.ent_type_}
    place = any(lab.startswith(_PLACE_LABELS) for lab in labels if lab) and not person
    root = span.root.lower_
    institution = not person and span.root.pos_ == "PROPN" and (
        root in ORG_HEAD_WORDS or root in org_nouns())
    return _Candidate(text, start, end, person, plural, org, sentence, _is_name(span),
                      _gender(span), place, institution)


def _lazy_candidate(text: str, start: int, end: int, span: Span, sentence: int,
                    label: str = "") -> _Candidate:
    """:func:`_candidate`'s answer, its features read only when first asked
    for (a :class:`_LazyCandidate`)."""
    return _LazyCandidate(text, start, end, sentence,
                          partial(_candidate, text, start, end, span, sentence, label))


class _Unread:
    """A class attribute that reads as missing, so that a
    :class:`_LazyCandidate` field with a default still asks ``__getattr__``."""

    def __get__(self, obj, owner=None):
        raise AttributeError


class _LazyCandidate(_Candidate):
    """A :class:`_Candidate` whose agreement features are read from the parse
    only when a rule first asks for one: most antecedent candidates are never
    weighed against a pronoun. ``text``, ``start``, ``end`` and ``sentence``
    are there from the start; the first other field read calls ``build`` (a
    :func:`_candidate` call) and the object becomes that plain candidate.

    Example:
        >>> lazy = _LazyCandidate("Ann", 0, 3, 0, lambda: _Candidate("Ann", 0, 3, True,
        ...                       False, False, 0, name=True))
        >>> lazy.start, "_build" in vars(lazy), lazy.name, type(lazy).__name__
        (0, True, True, '_Candidate')
    """

    name = gender = place = institution = _Unread()

    def __init__(self, text: str, start: int, end: int, sentence: int, build):
        self.text, self.start, self.end, self.sentence = text, start, end, sentence
        self._build = build

    def __getattr__(self, name: str):
        build = self.__dict__.get("_build")
        if build is None or name.startswith("__"):
            raise AttributeError(name)
        built = build()
        self.__class__ = _Candidate
        self.__dict__.clear()
        self.__dict__.update(vars(built))
        return getattr(self, name)

    def __eq__(self, other):
        # Candidates at other places differ without reading their features.
        if isinstance(other, _Candidate) and (self.start, self.end) != (other.start, other.end):
            return False
        self.person  # noqa: B018 (read, so self is a plain _Candidate from here on)
        return self == other


def _gender(span: Span) -> str:
    """"m" or "f" from an honorific ("Mrs Lee") or a gendered noun ("the
    spokeswoman"); "" when the span does not say."""
    for tok in (span[0], span.root):
        found = GENDERED_WORDS.get(tok.lower_.rstrip("."))
        if found:
            return found
    return ""


#: Actor types that are never a person (see :func:`_features`).
_NOT_PERSON_TYPES = ("ORG", "GPE", "NORP", "FAC", "LOC")


def _features(span: Span, ent_label: str = "") -> tuple[bool, bool, bool]:
    """(person, plural, organisation) guesses for a speaker or mention span."""
    root = span.root
    # Token entity types, not span.ents: that walks every entity of the doc.
    labels = {t.ent_type_ for t in span if t.ent_type_} | ({ent_label} if ent_label else set())
    label_text = " ".join(labels).upper()
    # "Ann and Bo" (not "the MP for Kent and Sussex": a conjunction inside a modifier)
    has_conj = any(c.dep_ == "conj" for c in root.children)
    # A company's name is singular even when it ends in "s" ("Barclays").
    # Not a common noun the model labels ORG for its capital ("Taxes should
    # …") unless the actors step names an organisation there.
    named_org = root.text[:1].isupper() and "ORG" in label_text and (
        "ORG" in ent_label.upper() or any(t.pos_ == "PROPN" for t in span)) and \
        not any(t.lower_ == "the" for t in span)
    plural = has_conj or (not named_org and not _misread_name(span) and (
        root.tag_ in ("NNS", "NNPS")
        or (root.pos_ == "PROPN" and root.text.endswith("s")
            and any(t.lower_ == "the" for t in span))))
    # A person's name as the head or in apposition to it ("her rival, Jo Park");
    # not a name inside a modifier ("the Park administration").
    # The model's PERSON on one mention does not make a person of a name
    # the actors step typed otherwise from all its mentions ("Labour … he").
    person = (("PER" in ent_label.upper() and root.pos_ == "PROPN")
              or (root.ent_type_ == "PERSON" and ent_label.upper() not in _NOT_PERSON_TYPES)
              or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in root.children)
              or root.lemma_.lower() in PERSON_NOUNS
              or (title_words().get(root.lower_) == "role" and root.pos_ in ("NOUN", "PROPN")
                  and any(c.dep_ == "det" for c in root.children))
              or span[0].lower_.rstrip(".") in honorifics()
              or GENDERED_WORDS.get(span[0].lower_.rstrip(".")) is not None)
    org = any(x in label_text for x in ("ORG", "GPE", "NORP", "FAC")) or \
        (not person and root.pos_ in ("NOUN", "PROPN"))
    return person, plural, org


def _misread_name(span: Span) -> bool:
    """A lone capitalised word inside a sentence that the tagger read as a
    plural noun ('"…," Harkins said'): a name, no plural; a plural noun
    is capitalised only where a sentence starts ("Officials said")."""
    root = span.root
    if len(span) != 1 or root.tag_ != "NNS" or not root.text[:1].isupper() or \
            not root.text[1:].islower() or root.i == 0 or root.is_sent_start:
        return False
    prev = root.doc[root.i - 1]
    return prev.is_alpha or prev.text == "," or (
        _is_quote_tok(prev) and root.i > 1 and root.doc[root.i - 2].text in (",", "?", "!"))


def _is_name(span: Span) -> bool:
    """A proper-noun head or apposition: the small model often labels people ORG,
    so "he"/"she" may fall back to any such name."""
    root = span.root
    if span[-1].pos_ == "PROPN" and span[-1].ent_type_ == "PERSON":
        return True  # "Fund manager Ann Roe", whatever the parser made its root
    if _misread_name(span):
        return True
    return root.pos_ == "PROPN" or any(
        (c.dep_ == "appos" and c.pos_ == "PROPN")
        or (c.dep_ == "prep" and c.lower_ == "of" and _person_appos_of(c) is not None
            and span.start <= _person_appos_of(c).i < span.end)
        for c in root.children)


def _compatible(pronoun: str, cand: _Candidate, relaxed: bool = False,
                gender: str = "") -> bool:
    """Number and gender agreement of a pronoun with a candidate. ``relaxed``
    lets "he"/"she" take a proper name not known to be a person (the small
    model often labels people ORG), never a place nor a name headed by an
    organisation noun ("the Fair Pay Commission"); ``gender`` is the one
    learnt for the candidate from earlier pronouns."""
    if pronoun in ("he", "she"):
        known = cand.gender or gender
        if known and known != PRONOUN_GENDER[pronoun]:
            return False
    if pronoun in ("he", "she", "i"):
        return (cand.person or (relaxed and cand.name and not cand.place
                                and not cand.institution)) and not cand.plural
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


@dataclass
class _Context:
    """What the rules of one document share: the parse and its look-up tables."""

    doc: Doc
    text: str  # doc.text, built once (Doc.text rebuilds the string on every access)
    tok_starts: list[int]
    sent_at: list[Span]  # token index -> its sentence (Token.sent is slow)
    sent_of: dict[int, int]  # token index -> sentence number
    body: set[int]  # numbers of body sentences (headings never count)
    datelines: list[tuple[int, int]]  # chars of wire datelines ("MOSCOW, March 4 - ")
    # verb index -> _first_ccomp's answer, which three rules of one verb ask for
    ccomps: dict[int, tuple[str, tuple[int, int]] | None] = field(default_factory=dict)
    # (test, token index) -> a content test's answer (see :func:`_content_of`)
    contents: dict[tuple, Token | None] = field(default_factory=dict)

    def in_dateline(self, start: int, end: int) -> tuple[int, int] | None:
        """The dateline overlapping chars ``[start, end)``, if any."""
        return next(((s, e) for s, e in self.datelines if s < end and start < e), None)


def _content_of(ctx: _Context, test, tok: Token) -> Token | None:
    """``test(tok)`` (:func:`_quoted_belief`, :func:`_made_clear`,
    :func:`_branded` or :func:`_expressed`), computed once per verb: the
    gate of :func:`_reported_drafts` asks first, the rule asks again. A
    verb whose lemma the test does not read (:data:`_CONTENT_TESTS`) gets
    None at once."""
    if test not in _CONTENT_TESTS.get(tok.lemma_.lower(), ()):
        return None
    key = (test, tok.i)
    if key not in ctx.contents:
        ctx.contents[key] = test(tok)
    return ctx.contents[key]


@dataclass
class _Marks:
    """A pair of quote marks: token indices of the marks and the content's chars."""

    open_i: int
    close_i: int
    start: int
    end: int
    ends_punct: bool  # the quoted text ends with punctuation ("…," / "….")


def _context(doc: Doc) -> _Context:
    sents = sentences(doc)
    sent_of: dict[int, int] = {}
    sent_at: list[Span] = [doc[:]] * len(doc)
    for si, sent in enumerate(sents):  # slices: no step per token in Python
        sent_of.update(dict.fromkeys(range(sent.start, sent.end), si))
        sent_at[sent.start:sent.end] = [sent] * (sent.end - sent.start)
    text = doc_text(doc)
    # the offsets read in one array: iterating the doc builds a Token per word
    return _Context(doc, text, doc.to_array(IDX).tolist(), sent_at, sent_of,
                    {si for si, _ in body_sentences(doc)},
                    [m.span() for m in _DATELINE_RE.finditer(text)])


def _tok_at(tok_starts: list[int], char: int) -> int | None:
    if not tok_starts:
        return None
    k = bisect_left(tok_starts, char + 1) - 1
    return max(k, 0)


def _quote_marks(ctx: _Context) -> Iterable[_Marks]:
    """Every pair of quote marks outside headings with some text between them."""
    text = ctx.text
    for s, e in pair_quote_marks(_masked_text(ctx.doc, text)):
        cs, ce = s + 1, (e - 1 if text[e - 1] in _CLOSE_MARKS + _AMBIGUOUS_MARKS else e)
        while cs < ce and text[cs].isspace():
            cs += 1
        while ce > cs and text[ce - 1].isspace():
            ce -= 1
        if ce <= cs:
            continue
        open_i = _tok_at(ctx.tok_starts, s)
        close_i = _tok_at(ctx.tok_starts, e - 1)
        if open_i is None or close_i is None or close_i < open_i:
            continue
        yield _Marks(open_i, close_i, cs, ce, text[ce - 1] in ",.!?…;:—–-")


def _verb_draft(marks: _Marks, verb: Token | None, rule_name: str) -> _Draft | None:
    if verb is None:
        return None
    return _Draft("direct", rule_name, marks.start, marks.end, cue=verb.text, cue_i=verb.i,
                  speaker_tok=_subject(verb))


@rule("direct-after", stage="quotes")
def direct_after(ctx: _Context, marks: _Marks) -> _Draft | None:
    """Quoted text followed by its reporting clause: ``"…," said X`` / ``"…," X said``.

    Only the speaker's noun phrase, adverbs and punctuation may stand between
    the closing mark and the speech verb, and the quote must end in punctuation
    (or be followed by a comma).
    """
    return _verb_draft(marks, _cue_after(ctx.doc, marks.open_i, marks.close_i,
                                         marks.ends_punct, ctx.sent_at), "direct-after")


@rule("direct-before", stage="quotes")
def direct_before(ctx: _Context, marks: _Marks) -> _Draft | None:
    """Quoted text after its reporting clause: ``X said: "…"`` / ``X told Y: "…"``.

    The quote must close its sentence; a quoted fragment inside reported speech
    ('said the plan was "dead"') is part of that indirect quote instead.
    """
    return _verb_draft(marks, _cue_before(ctx.doc, marks.open_i, marks.close_i,
                                          marks.ends_punct, ctx.sent_at), "direct-before")


@rule("direct-dash", stage="quotes")
def direct_dash(ctx: _Context, marks: _Marks) -> _Draft | None:
    """A quote signed off after a dash at the end of its paragraph: ``"…" — Jane Roe``.

    The speaker is the proper name after the dash, up to the first comma.
    """
    dash = _dash_speaker(ctx.doc, marks.close_i)
    if dash is None:
        return None
    return _Draft("direct", "direct-dash", marks.start, marks.end, cue="—",
                  speaker_range=_chars(ctx.doc, *dash))


@rule("direct-floating", stage="quotes")
def direct_floating(ctx: _Context, marks: _Marks) -> _Draft | None:
    """A quoted clause that fills its sentence with no speech verb: a floating quote.

    Its speaker is decided later (rule ``speaker-floating``); short quoted
    phrases inside a sentence (scare quotes, titles, nicknames) are not quotes.
    """
    if _stands_alone(ctx.doc, marks.open_i, marks.close_i, ctx.sent_at) and \
            _clause_like(ctx.doc, marks.open_i, marks.close_i):
        return _Draft("direct", "direct-floating", marks.start, marks.end, floating=True)
    return None


def _direct_drafts(ctx: _Context, rules: tuple) -> tuple[list[_Draft], set[int]]:
    """Direct quotes in body sentences, each by the first rule that applies, and
    the speech verbs they use (which then report nothing else)."""
    drafts, used_verbs = [], set()
    for marks in _quote_marks(ctx):
        d = next((d for r in rules if (d := r(ctx, marks)) is not None), None)
        if d is None:
            continue
        if d.cue_i is not None:
            used_verbs.add(d.cue_i)
        if ctx.sent_of.get(_tok_at(ctx.tok_starts, d.start), -1) in ctx.body:
            drafts.append(d)
    return drafts, used_verbs


def _cue_after(doc: Doc, open_i: int, close_i: int, ends_punct: bool,
               sent_at: list[Span]) -> Token | None:
    """A speech verb right after the closing mark: ``"…," said X`` / ``"…," X said``.

    A verb that hangs on a word inside the quote continues the quoted clause
    ('"We expect to file today" asking the court to …') and reports nothing.
    """
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
        if _continues_quote(t, open_i, close_i):
            return None  # '"We will appeal" asking the court to …': the quote's own clause
        if _is_cue_verb(t) and not _restricted(t) and t.dep_ not in ("amod", "compound"):
            # A verb that modifies a noun ('"…," ruling party deputy Jo Park
            # said') is part of the speaker's phrase, not the cue.
            # '"… team" Roe continued.': no comma, but the reporting clause
            # is all that follows the quote.
            alone = all(x.is_punct for x in doc[k + 1:sent.end])
            between = _only_subject_between(doc, t, open_i, close_i, k) or (
                _across_quote(t) and _phrase_before(t) is not None)
            return t if between and (
                ends_punct or gap_has_comma or k == close_i + 1 or alone) else None
        if t.lemma_.lower() in QUOTING_VERBS and (ends_punct or gap_has_comma):
            return _as_saying(t)  # '"…," the agency quoted one broker as saying.'
        if t.dep_ in ("aux", "auxpass") and t.head.lemma_.lower() in QUOTING_VERBS:
            continue  # '"…," he is quoted as saying'
        if t.head.i > k and _modal_name(t) is not None:
            continue  # '"…," May wrote': a surname read as a modal
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound"):
            return None
    return None


def _continues_quote(tok: Token, open_i: int, close_i: int) -> bool:
    """A participle after the closing mark that hangs on a word inside the
    quote ('"We expect to file today" asking the court to …') continues the
    quoted clause: it is no reporting verb and reports nothing itself."""
    return tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl", "xcomp") and \
        open_i < tok.head.i < close_i


def _after_quote_of_its_head(tok: Token) -> bool:
    """:func:`_continues_quote` for a participle whose head is in the quote
    just before it (a quote mark lies between them); not a speech participle
    with a clause of its own after an even number of marks ('sounded
    "fair," adding it would …': the head is outside the marks)."""
    head = tok.head
    # The cheap test on the token first: few tokens are such participles.
    if not (head.i < tok.i and tok.i - head.i < 40 and _continues_quote(tok, head.i - 1, tok.i)):
        return False
    marks = sum(_is_quote_tok(t) for t in tok.doc[head.i + 1:tok.i])
    if marks and marks % 2 == 0 and _speech_participle(head) == tok and \
            any(c.dep_ == "ccomp" for c in tok.children):
        return False
    return marks > 0


def _as_saying(verb: Token) -> Token | None:
    """The speech verb of "quoted X as saying" hanging on the quoting verb."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            return next((c for c in prep.children
                         if c.dep_ == "pcomp" and _is_speech_verb(c)), None)
    return None


def _only_subject_between(doc: Doc, verb: Token, open_i: int, close_i: int, k: int) -> bool:
    """Everything between the closing mark and the verb belongs to its subject
    (or is an adverb of it): '"…," the mayor told reporters'."""
    subj = _subject(verb)
    if subj is not None and subj.left_edge.i < open_i:
        return False  # 'The manifesto, "A Fresh Start", promises': a title
    subj_range = range(subj.left_edge.i, subj.right_edge.i + 1) if subj is not None \
        else range(0)
    return all(doc[x].is_punct or x in subj_range or doc[x].dep_ in ("advmod", "neg")
               or _is_quote_tok(doc[x]) for x in range(close_i + 1, k))
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
        if _opening_said(t) and all(x.pos_ != "VERB" for x in doc[k + 1:open_i]):
            return t  # 'Said Williams: "…"'
        if _is_cue_verb(t) and not _restricted(t):
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


def _opening_said(tok: Token) -> bool:
    """An inverted "Said X:" opening its sentence, which the tagger often
    reads as part of a name ("Said" a proper noun before "Williams"): the
    first word of the sentence, a past or present form of "say" or "add",
    a name or noun phrase after it and a colon before the quote."""
    if tok.text not in ("Said", "Says", "Added", "Adds"):
        return False  # the cheap test first: Token.sent looks for the sentence
    sent = tok.sent
    if tok.i != sent.start or tok.i + 1 >= sent.end or tok.doc[tok.i + 1].pos_ not in ("PROPN", "DET", "NOUN"):
        return False
    return any(t.text == ":" for t in tok.doc[tok.i + 1:min(sent.end, tok.i + 10)])


def _partial(doc: Doc, open_i: int, close_i: int, i: int, j: int) -> bool:
    """Whether a token in ``doc[i:j]`` (before the opening mark) belongs to the
    quoted clause: 'Inflation remains "too high", she said' quotes a fragment
    of reported speech, not a sentence of its own."""
    head = token_columns(doc)["head"]  # a Token built only where a head matches
    if any(open_i < head[x] < close_i and not doc[x].is_punct for x in range(i, j)):
        return True
    return any(i <= head[x] < j and not doc[x].is_punct for x in range(open_i + 1, close_i))


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
    if subj is None:
        # "said around eight members were …": the parser took the subject for
        # a phrase of the verb; it opens the content.
        lead = next((c for c in verb.children if c.dep_ == "prep" and verb.i < c.i < i
                     and c.right_edge.i + 1 == i and c.ent_type_ == "CARDINAL"), None)
        if lead is not None:
            i = lead.i
    if subj is not None and verb.i < i < subj.left_edge.i and all(
            t.dep_ in ("prep", "pobj", "det", "compound", "nummod", "npadvmod", "punct")
            or t.ent_type_ in ("DATE", "TIME") for t in doc[i:subj.left_edge.i]) and \
            doc[i].dep_ in ("prep", "npadvmod"):
        i = subj.left_edge.i
    for child in head.rights:
        if child.dep_ == "conj" and _is_speech_verb(child) and (
                any(c.dep_ == "nsubj" for c in child.children) or _asks_question(child)):
            cut = child.left_edge.i
            if head.i < cut < j:
                j = cut
            break
    adding = _speech_participle(head)
    if adding is not None and head.i < adding.left_edge.i < j:
        j = adding.left_edge.i
    return _trimmed(doc, i, j)



def _indirect(rule_name: str, doc: Doc, span: tuple[int, int] | None, verb: Token,
              cue: str | None = None) -> _Draft | None:
    if span is None:
        return None
    return _Draft("indirect", rule_name, *_chars(doc, *span), cue=cue or verb.text,
                  cue_i=verb.i)


def _first_ccomp(doc: Doc, verb: Token) -> tuple[str, tuple[int, int]] | None:
    """The kind (rule name) and token range of a speech verb's first clausal
    complement that has content."""
    if _restricted(verb):
        return None
    # A clause after the verb with a subject of its own comes first: "Despite
    # the fall, it said the total would be higher" reports the second.
    after = [c for c in verb.rights if c.dep_ == "ccomp" and any(
        g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    for child in after + [c for c in verb.children if c not in after]:
        if child.dep_ != "ccomp":
            continue
        if _subjectless_fragment(child):
            if _relative_speech(verb):  # "which she denied was cocaine": "which" is its subject
                span = _trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
                if span is not None:
                    return "indirect-embedded", span
            span = _object_as_subject(doc, verb, child)
            if span is not None:
                return "indirect-ccomp", span
            continue
        span = _headless_clause_object(doc, verb, child) or _content_span(doc, child, verb)
        if span is None:
            continue
        if verb.dep_ in ("pcomp", "relcl") and any(
                t.tag_ in ("WP", "WDT") for t in doc[child.left_edge.i:verb.i]):
            return "indirect-embedded", span
        span = _with_sibling_clauses(doc, verb, child, span)
        if child.i < verb.i:
            return "indirect-final", span
        return "indirect-ccomp", _with_but_clause(doc, verb, span)
    return None


def _object_as_subject(doc: Doc, verb: Token, clause: Token) -> tuple[int, int] | None:
    """The content when the parser made the reported clause's subject the
    speech verb's object: "said processors for consoles had to be made …"
    ("processors" the object, "for consoles" a phrase of "said", "had" a
    subject-less clause). Only when nothing but that object and phrases of
    the verb lie between the verb and the clause."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1:
        return None
    inside = {t.i for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "prep")
              for t in c.subtree}
    if any(k not in inside and not doc[k].is_punct for k in range(verb.i + 1, clause.left_edge.i)):
        return None
    return _trimmed(doc, obj.left_edge.i, clause.right_edge.i + 1)


def _with_sibling_clauses(doc: Doc, verb: Token, first: Token,
                          span: tuple[int, int]) -> tuple[int, int]:
    """The content extended by the reported clauses the parser hung on the
    same speech verb next to the first one: "The plan was dropped after a
    report came out and the board felt it should wait, X said" and "X
    said that he had no objection and "the board is not opposed"" each
    report both clauses. Only a clause on the same side of the verb, with a
    subject of its own, joined to the content by "and" or "but" or, when it
    starts in lower case, by punctuation alone ('she wanted to say that of
    all the plans, "none is more urgent"'), and not itself a speech verb."""
    for sib in sorted((c for c in verb.children if c.dep_ == "ccomp" and c.i > first.i),
                      key=lambda c: c.i):
        if (sib.i < verb.i) != (first.i < verb.i) or _is_speech_verb(sib) or \
                not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in sib.children):
            break
        gap = doc[span[1]:sib.left_edge.i]
        word = next((t for t in sib.subtree if t.is_alpha), sib)
        joined = any(t.lower_ in ("and", "but") for t in gap) or word.is_lower
        if not joined or not all(t.is_punct or _is_quote_tok(t) or t.lower_ in ("and", "but")
                                 for t in gap):
            break
        nxt = _content_span(doc, sib, verb)
        if nxt is None:
            break
        span = (span[0], max(span[1], nxt[1]))
    return span


def _subjectless_fragment(clause: Token) -> bool:
    """A "clause" with no subject that starts with its own verb ("… - after a
    plea that … - was turned down - and asked for …"): a fragment of a long
    sentence the parser hung on the speech verb, not what was said."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")
           for c in clause.children):
        return False
    first = clause.left_edge
    return clause.tag_ in ("VBD", "VBZ", "VBP", "VBN") and first.pos_ in ("VERB", "AUX") \
        and (first.i == clause.i or first.head.i == clause.i)


def _with_but_clause(doc: Doc, verb: Token, span: tuple[int, int]) -> tuple[int, int]:
    """The content extended by a "but" clause the parser hung on the speech
    verb instead of the reported clause: "X said the ferries had stopped,
    but it helped that the trains ran" reports both halves.

    Only a clause right after the content, with a subject of its own that is
    a common noun or "it"/"there"/"this" (not a name or a person pronoun,
    which usually start the reporter's own sentence: "but he declined to
    say"), and that reports no speech of its own. A clause in the past
    modal joined by a bare "and" or "but" ("… were fair and she could
    see no reason to wait") is kept whatever its subject
    (:func:`_backshifted_conjunct`)."""
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i < span[1]:
            continue
        cc = [t for t in doc[span[1]:conj.left_edge.i] if not t.is_punct]
        subj = next((c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if _backshifted_conjunct(doc, span, conj, cc, subj):
            return _trimmed(doc, span[0], conj.right_edge.i + 1) or span
        if len(cc) != 1 or cc[0].lower_ != "but" or subj is None or _is_speech_verb(conj) or \
                not (subj.lower_ in ("it", "there", "this") or
                     (subj.pos_ == "NOUN" and not subj.ent_type_)) or \
                subj.lemma_.lower() in PERSON_NOUNS:  # "but an aide would not say …": the reporter's
            return span
        if any(_is_speech_verb(t) for t in conj.subtree):
            return span
        end = _trimmed(doc, span[0], conj.right_edge.i + 1)
        return end or span
    return span


#: Modals of reported speech in the past: "X said the plan was sound and he
#: could afford it" reports the second clause too.
_BACKSHIFT_MODALS = frozenset({"would", "could", "might", "should"})


def _backshifted_conjunct(doc: Doc, span: tuple[int, int], conj: Token, cc: list[Token],
                          subj: Token | None) -> bool:
    """Whether a clause hung on the speech verb after its content continues
    what was said: joined by a bare "and" or "but" (no comma), with a
    subject of its own and a past modal ("would", "could"), and no speech
    verb in it."""
    if len(cc) != 1 or cc[0].lower_ not in ("and", "but") or subj is None or \
            any(t.text == "," for t in doc[span[1]:conj.left_edge.i]):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in _BACKSHIFT_MODALS for c in conj.children):
        return False
    return not any(_is_speech_verb(t) for t in conj.subtree)


def _ccomp_rule(rule_name: str, ctx: _Context, verb: Token) -> _Draft | None:
    if verb.i not in ctx.ccomps:
        ctx.ccomps[verb.i] = _first_ccomp(ctx.doc, verb)
    found = ctx.ccomps[verb.i]
    if found is None or found[0] != rule_name:
        return None
    return _indirect(rule_name, ctx.doc, found[1], verb)


@rule("indirect-ccomp", stage="quotes")
def indirect_ccomp(ctx: _Context, verb: Token) -> _Draft | None:
    """A speech verb and the clause it reports: ``X said (on Monday) (that) …``.

    The content is the complement clause without "that"; a leading time
    phrase ("said on Friday the plan …") belongs to the saying, a coordinated
    reporting clause of its own ("… and it claimed …") is cut off, and a "but"
    clause the parser hung on the verb is kept (:func:`_with_but_clause`).
    """
    return _ccomp_rule("indirect-ccomp", ctx, verb)


@rule("indirect-final", stage="quotes")
def indirect_final(ctx: _Context, verb: Token) -> _Draft | None:
    """The reported clause before its reporting clause: ``The storm hit 300 homes, officials said``.

    Also when the parser coordinates the reporting clause with the content
    (no "and"/"but" between, a comma before its subject, nothing after it):
    ``Ticket sales doubled, the league reported on Friday``, or inverts it
    with the speaker after the verb: ``Sales doubled, claimed the league``,
    or hangs nothing on an inverted verb at the end
    (:func:`_final_inverted_content`), or makes the content's subject a
    second subject of the verb (:func:`_final_second_subject_content`).
    """
    found = _ccomp_rule("indirect-final", ctx, verb)
    if found is not None:
        return found
    span = _final_conj_content(ctx.doc, verb)
    if span is None:
        span = _final_inverted_content(ctx.doc, verb)
    if span is None:
        span = _final_second_subject_content(ctx.doc, verb)
    return _indirect("indirect-final", ctx.doc, span, verb)


def _final_second_subject_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The content before a reporting clause that ends the sentence when the
    parser made the content's subject a second subject of the verb and its
    verb a modifier of that subject: "Officers unfairly targeted [rules]
    travellers from the east, the judges have ruled." Two subjects before
    the verb, the second right after a comma, the first opening the
    sentence with a verb in its words; nothing but punctuation after the
    verb."""
    if _restricted(verb) or verb.dep_ != "ROOT" or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    subjects = [c for c in verb.lefts if c.dep_ == "nsubj"]
    if len(subjects) != 2:
        return None
    first, second = subjects
    comma = second.left_edge.i - 1
    sent = verb.sent  # only now: Token.sent looks for the sentence
    if comma <= sent.start or doc[comma].text != "," or first.left_edge.i != sent.start or \
            not any(t.pos_ == "VERB" for t in doc[first.i + 1:comma]) or \
            not all(t.is_punct or t.is_space for t in doc[verb.i + 1:sent.end]):
        return None
    return _trimmed(doc, sent.start, comma)


def _final_inverted_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The content before an inverted reporting clause that ends the
    sentence when the parser hung nothing on the verb as a clause: "The
    department suffered from high turnover, which had interfered with its
    work, said the committee." The verb is the root, follows a comma, has
    no clausal complement, and its subject comes after it and ends the
    sentence; the words before the comma must hold a verb."""
    if _restricted(verb) or verb.dep_ != "ROOT" or verb.i < 1 or \
            doc[verb.i - 1].text != "," or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    sent = verb.sent  # only now: Token.sent looks for the sentence
    if verb.i <= sent.start + 2:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i), None)
    if subj is None or subj.left_edge.i != verb.i + 1 or \
            not all(t.is_punct or t.is_space for t in doc[subj.right_edge.i + 1:sent.end]):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:verb.i - 1]):
        return None
    return _trimmed(doc, sent.start, verb.i - 1)


def _final_conj_content(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The content of a reporting clause the parser hung as the last conjunct
    of the sentence root: the root's clause up to the comma before it."""
    head = verb.head
    if _restricted(verb) or verb.dep_ != "conj" or head.dep_ != "ROOT" or head.i > verb.i:
        return None
    subj = next((c for c in verb.lefts if c.dep_ == "nsubj"), None)
    if subj is None and doc[verb.i - 1].text == "," and _name_after(verb) is not None:
        # "Officers were ignored, claimed the union.": the speaker follows the verb.
        return _trimmed(doc, head.left_edge.i, verb.i - 1)
    if subj is None or doc[subj.left_edge.i - 1].text != "," or \
            verb.right_edge.i + 1 < verb.sent.end - 1 or any(
                t.dep_ == "cc" and t.head in (head, verb) for t in doc[head.i:verb.i]):
        return None
    return _trimmed(doc, head.left_edge.i, subj.left_edge.i - 1)


def _quoted_belief(tok: Token) -> Token | None:
    """The clause of a verb of thinking (:data:`toolkit.lexicon.BELIEF_VERBS`)
    that quotes words in quote marks, or None."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in BELIEF_VERBS:
        return None
    return next((c for c in tok.children if c.dep_ == "ccomp" and any(
        _is_quote_tok(t) for t in c.subtree)), None)


@rule("indirect-belief-quoted", stage="quotes")
def indirect_belief_quoted(ctx: _Context, verb: Token) -> _Draft | None:
    """A verb of thinking whose clause quotes words: ``Ann believes the plan
    will "change everything"``. Quote marks show the words were said; without
    them ("Ann believes the plan will work") nothing is reported.
    """
    clause = _content_of(ctx, _quoted_belief, verb)
    if clause is None or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return _indirect("indirect-belief-quoted", ctx.doc, _content_span(ctx.doc, clause, verb), verb)


def _made_clear(tok: Token) -> Token | None:
    """The that-clause of "made (it) clear that …", or None: the parser hangs
    it on "clear" or on "made"."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() != "make":
        return None
    clear = next((c for c in tok.children if c.lower_ == "clear" and c.i > tok.i), None)
    if clear is None:
        clear = _clear_after(tok)
    if clear is None:
        return None
    for head in (clear, tok):
        for c in head.children:
            if c.i > clear.i and c.dep_ in ("ccomp", "advcl") and any(
                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return c
    return _clear_clause(tok, clear)


@rule("indirect-made-clear", stage="quotes")
def indirect_made_clear(ctx: _Context, verb: Token) -> _Draft | None:
    """``X made (it) clear that …``: the that-clause is what X said; also
    without "that" (``X made clear the fares would not rise``) when the
    clause has a subject of its own.
    """
    clause = _content_of(ctx, _made_clear, verb)
    if clause is None or _subject(verb) is None:
        return None
    span = _content_span(ctx.doc, clause, verb)
    clear = _clear_after(verb)
    if span is not None and clear is not None and span[0] <= clear.i:
        span = _trimmed(ctx.doc, clear.i + 1, span[1])  # "clear" hung inside the clause
    return _indirect("indirect-made-clear", ctx.doc, span, verb)


@rule("indirect-embedded", stage="quotes")
def indirect_embedded(ctx: _Context, verb: Token) -> _Draft | None:
    """An attribution embedded in a noun phrase: ``… at what it said were …``,
    ``a substance which she denied was cocaine``, ``reporters who she claims
    followed her``.

    A weak, low-priority claim, kept because it is still an attribution.
    When the parser hangs the verb after a relative speech verb elsewhere
    ("who she claims [followed] her"), the content runs from that verb to
    the end of its phrase.
    """
    found = _ccomp_rule("indirect-embedded", ctx, verb)
    if found is not None or not _relative_speech(verb) or \
            any(c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > verb.i for c in verb.children):
        return found
    doc = ctx.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is None or nxt.tag_ not in ("VBD", "VBZ", "VBP") or nxt.pos_ not in ("VERB", "AUX"):
        return None
    return _indirect("indirect-embedded", doc, _trimmed(doc, nxt.i, nxt.right_edge.i + 1), verb)


def _relative_speech(verb: Token) -> bool:
    """A speech verb in a relative clause whose relative pronoun is the
    subject of what was said: "which she denied was …", "who she claims
    followed …" (the pronoun and a subject of its own both before it)."""
    if verb.dep_ != "relcl":
        return False
    kids = [c for c in verb.children if c.i < verb.i]
    return any(c.tag_ in ("WP", "WDT") for c in kids) and \
        any(c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT") for c in kids)


def _noun_clause(ctx: _Context, verb: Token, nouns: Iterable[Token], rule_name: str
                 ) -> _Draft | None:
    """A that-clause the parser hung on a noun after the verb."""
    if _restricted(verb):
        return None
    for noun in nouns:
        for clause in noun.children:
            if clause.dep_ in ("acl", "relcl", "ccomp") and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
                span = _content_span(ctx.doc, clause, verb)
                if span:
                    return _indirect(rule_name, ctx.doc, span, verb)
    return None


@rule("indirect-listener", stage="quotes")
def indirect_listener(ctx: _Context, verb: Token) -> _Draft | None:
    """A speech verb with a listener and a that-clause: ``X reminded jurors that …``.
    """
    return _noun_clause(ctx, verb, [c for c in verb.children
                                    if c.dep_ in ("dobj", "dative") and c.i > verb.i],
                        "indirect-listener")


@rule("indirect-in-statement", stage="quotes")
def indirect_in_statement(ctx: _Context, verb: Token) -> _Draft | None:
    """``X said in a statement that …``: the clause hangs on the statement noun.

    The nouns are :data:`toolkit.lexicon.STATEMENT_NOUNS` (statement,
    interview, letter, briefing, website, ...), after "in" or "on"; failing
    those, any noun of the occasion ("at a rally in the market square that …") whose that-clause has a subject of its own.
    """
    nouns = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on")
             for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in STATEMENT_NOUNS]
    found = _noun_clause(ctx, verb, nouns, "indirect-in-statement")
    return found if found is not None else _noun_clause(
        ctx, verb, _setting_nouns(verb), "indirect-in-statement")


def _setting_nouns(verb: Token) -> list[Token]:
    """Nouns of the place or occasion after a speech verb, one "in" deep, whose
    that-clause (with its own subject) is the content: "said at a rally in
    the market square that she was …"."""
    nouns = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "at")
             for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    nouns += [q for n in nouns for c in n.children if c.dep_ == "prep" and c.lower_ == "in"
              for q in c.children if q.dep_ == "pobj" and q.pos_ == "NOUN"]
    return [n for n in nouns if any(
        c.dep_ in ("acl", "relcl", "ccomp") and any(m.dep_ == "nsubj" for m in c.children)
        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in n.children)]


@rule("indirect-xcomp", stage="quotes")
def indirect_xcomp(ctx: _Context, verb: Token) -> _Draft | None:
    """The infinitive complement of urging and promising: ``urged residents to stay indoors``.

    The verbs are :data:`toolkit.lexicon.XCOMP_SPEECH_VERBS`; the person urged
    ("residents", "called on the council to …") belongs to the content, also
    when the parser hangs the infinitive as an adverbial clause after it.
    """
    if verb.lemma_.lower() not in XCOMP_SPEECH_VERBS:
        return None
    children = list(verb.children)
    urged = [c for c in children if c.i > verb.i and (
        c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "on"))]
    for child in children:
        if child.i > verb.i and (child.dep_ == "xcomp" or _urged_to(child, urged)):
            start = child.left_edge.i
            for other in children:
                if other.dep_ in ("dobj", "dative") and verb.i < other.i < child.i:
                    start = min(start, other.left_edge.i)
                if other.dep_ == "prep" and other.lower_ == "on" and verb.i < other.i < child.i:
                    start = min(start, other.i + 1)
            span = _trimmed(ctx.doc, start, child.right_edge.i + 1)
            if span:
                return _indirect("indirect-xcomp", ctx.doc, span, verb)
    return None


def _urged_to(child: Token, urged: list[Token]) -> bool:
    """An infinitive the parser hung as an adverbial clause after the person
    urged: "called on the mayor to resign" (``advcl`` "resign")."""
    return child.dep_ == "advcl" and any(c.tag_ == "TO" for c in child.children) and \
        any(u.i < child.i for u in urged)


@rule("indirect-gerund", stage="quotes")
def indirect_gerund(ctx: _Context, verb: Token) -> _Draft | None:
    """A gerund complement as content: ``denied taking the money``, ``admitted
    having lied``, ``said having a long campaign "turned off voters"``.

    Only for :data:`toolkit.lexicon.GERUND_SPEECH_VERBS`.
    """
    if verb.lemma_.lower() not in GERUND_SPEECH_VERBS:
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and child.tag_ == "VBG" and child.i > verb.i:
            end = child.right_edge.i + 1
            head = verb.head
            if verb.dep_ == "ccomp" and head.i > end and ctx.doc[end].text == ",":
                # "X said taking rents into account, the valuers found …": the
                # parser made the reported clause the head of the saying.
                end = head.right_edge.i + 1
            span = _trimmed(ctx.doc, child.left_edge.i, end)
            if span:
                return _indirect("indirect-gerund", ctx.doc, span, verb)
    return None


@rule("indirect-prep", stage="quotes")
def indirect_prep(ctx: _Context, verb: Token) -> _Draft | None:
    """The object of a reporting preposition: ``called for a truce``, ``accused X of …``.

    The pairs are :data:`toolkit.lexicon.PREP_SPEECH`, the preposition hung
    on the verb or ending its object ("warned [both firms against …]"); an infinitive after the
    object ("called for aid to be released") belongs to the content, also
    when the parser makes the preposition the mark of that infinitive
    clause ("called for the festival to be …").
    """
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    for child in children:
        if child.dep_ == "advcl" and child.i > verb.i:
            # "called for the festival to be …": the parser made "for" the
            # mark of an infinitive clause with its own subject.
            mark = next((c for c in child.children if c.dep_ == "mark"), None)
            if mark is not None and (lemma, mark.lower_) in PREP_SPEECH and \
                    mark.i == child.left_edge.i and \
                    any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                d = _prep_draft(ctx, verb, mark, mark.i + 1, child.right_edge.i + 1)
                if d is not None:
                    return d
        if child.dep_ == "dobj" and child.i > verb.i:
            # "warned both parties against …": the parser hung the preposition
            # on the person warned, its phrase ending the object.
            prep = next((c for c in child.rights if c.dep_ == "prep" and
                         (lemma, c.lower_) in PREP_SPEECH and
                         c.right_edge.i == child.right_edge.i), None)
            if prep is not None:
                start = child.left_edge.i if lemma == "accuse" else prep.i + 1
                d = _prep_draft(ctx, verb, prep, start, prep.right_edge.i + 1)
                if d is not None:
                    return d
        if child.dep_ != "prep" or (lemma, child.lower_) not in PREP_SPEECH:
            continue
        start = child.i + 1
        if lemma == "accuse":
            for other in children:
                if other.dep_ == "dobj" and verb.i < other.i < child.i:
                    start = other.left_edge.i
        end = child.right_edge.i + 1
        for other in children:
            if other.dep_ in ("advcl", "xcomp") and other.left_edge.i == end and \
                    any(c.tag_ == "TO" for c in other.children):
                end = other.right_edge.i + 1
        d = _prep_draft(ctx, verb, child, start, end)
        if d is not None:
            return d
    return None


def _prep_draft(ctx: _Context, verb: Token, prep: Token, start: int, end: int) -> _Draft | None:
    """An ``indirect-prep`` draft of tokens ``start:end`` (trimmed), its cue the
    verb and its preposition ("called for"); None when nothing is left."""
    span = _trimmed(ctx.doc, start, end)
    return _indirect("indirect-prep", ctx.doc, span, verb, f"{verb.text} {prep.text}") if span \
        else None


@rule("indirect-dobj", stage="quotes")
def indirect_dobj(ctx: _Context, verb: Token) -> _Draft | None:
    """A direct object as content when there is no clause: ``claimed responsibility for the raid``,
    ``forecasts a rise of 3%``, ``estimated the loss at 5 mln dlrs`` (a
    verb of :data:`toolkit.lexicon.FORECAST_VERBS` reports a figure, with
    the value after "at": :func:`_forecast_end`).

    Only for :data:`toolkit.lexicon.DOBJ_SPEECH_VERBS`, and only objects of two
    words or more; not in a clause or phrase that sets the time of another
    ("As the minister announced the date, …", "After claiming the title, …").
    """
    lemma = verb.lemma_.lower()
    if lemma not in DOBJ_SPEECH_VERBS or _time_clause(verb) or _time_phrase(verb):
        return None
    for child in verb.children:
        if child.dep_ == "dobj" and child.i > verb.i:
            end = child.right_edge.i + 1
            if lemma in FORECAST_VERBS:
                end = _forecast_end(verb, child)
                if end is None:
                    return None
            span = _trimmed(ctx.doc, child.left_edge.i, end)
            if span and span[1] - span[0] >= 2:
                return _indirect("indirect-dobj", ctx.doc, span, verb)
    return None


def _forecast_end(verb: Token, obj: Token) -> int | None:
    """The end of what a verb of :data:`toolkit.lexicon.FORECAST_VERBS` forecast,
    its direct object ``obj``: with the value after "at" when
    one follows ("estimated the loss at 5 mln dlrs"). None unless a figure
    (a number that is no date) is forecast, or when the verb is a gerund
    under a preposition: "surprised analysts by forecasting growth of 3%"
    tells how the main clause came about."""
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp":
        return None
    end = obj.right_edge.i + 1
    value = next((c for c in verb.children if c.dep_ == "prep" and c.i == end
                  and c.lower_ in ESTIMATE_PREPOSITIONS), None)
    end = end if value is None else value.right_edge.i + 1
    if not any(t.like_num and not _date_word(t) for t in verb.doc[obj.left_edge.i:end]):
        return None
    return end


def _time_clause(verb: Token) -> bool:
    """A verb in a clause that only sets the time of the main one ("As the
    minister announced the date, the firm urged …"): background, not what
    was said."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in TIME_CLAUSE_MARKS
        for c in verb.children)


@rule("indirect-clause-object", stage="quotes")
def indirect_clause_object(ctx: _Context, verb: Token) -> _Draft | None:
    """A reported clause the parser read as the verb's object: ``X said the
    report reinforced stability`` parsed as "said [the report reinforced]
    stability", or ``X said its policy simplifies the rules`` with
    "simplifies" tagged as a plural noun.

    The object counts as a clause when it opens with a subject of a verb
    inside it (:func:`_object_clause`) or is itself a "noun" that takes an
    object of its own; a verb the parser coordinated with the speech verb
    right after the object, with no subject and in the present tense after a
    past-tense speech verb ("Digital said its plan simplifies … and includes
    …"), continues the clause. Relative clauses inside an object ("told the
    story of a man who …") do not count.
    """
    if _restricted(verb) or any(c.dep_ == "ccomp" for c in verb.children):
        return None
    doc = ctx.doc
    words = _clause_after(doc, verb)
    if words is not None:
        return _indirect("indirect-clause-object", doc, words, verb)
    for child in verb.children:
        if child.dep_ != "dobj" or child.i < verb.i or not _object_clause(child):
            continue
        end = child.right_edge.i + 1
        for conj in verb.rights:
            if conj.dep_ == "conj" and conj.i > end - 1 and verb.tag_ == "VBD" and \
                    conj.tag_ in ("VBZ", "VBP") and not _is_speech_verb(conj) and \
                    not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) and \
                    all(t.dep_ == "cc" or t.is_punct for t in doc[end:conj.left_edge.i]):
                end = conj.right_edge.i + 1
        return _indirect("indirect-clause-object", doc,
                         _trimmed(doc, child.left_edge.i, end), verb)
    return None


#: Tags of the words that may run from a speech verb to the verb of the
#: clause it reports ("said [Monday's new vote] reinforced …").
_CLAUSE_LEAD_POS = ("DET", "PRON", "PROPN", "NOUN", "ADJ", "NUM", "PART", "ADP")


def _clause_after(doc: Doc, verb: Token) -> tuple[int, int] | None:
    """The rest of the sentence after a main-clause "said"
    (:data:`toolkit.lexicon.CLAUSE_SPEECH_VERBS`) when it is a clause the
    parser did not hang on the verb: a noun phrase with no punctuation (not
    opening with a preposition; prepositions, gerunds and infinitives inside
    it: "said the cost of changing cars to conform to the rules cut …") runs
    into a finite verb within fifteen words, and no other speech verb
    follows in the sentence."""
    if verb.lemma_.lower() not in CLAUSE_SPEECH_VERBS or verb.dep_ not in ("ROOT", "conj") or \
            verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    sent = verb.sent
    k = verb.i + 1
    if k >= sent.end or doc[k].pos_ not in _CLAUSE_LEAD_POS or doc[k].pos_ == "ADP":
        return None
    while k < min(sent.end, verb.i + 16) and (
            (doc[k].pos_ in _CLAUSE_LEAD_POS and doc[k].tag_ not in ("WP", "WDT"))
            or (doc[k].pos_ == "VERB" and doc[k].tag_ in ("VBG", "VB"))):
        k += 1
    if k >= sent.end or k == verb.i + 1 or doc[k].tag_ not in ("VBD", "VBZ", "VBP", "VBN") or \
            doc[k].pos_ not in ("VERB", "AUX"):
        return None
    if any(_is_speech_verb(t) for t in doc[k:sent.end]):
        return None
    return _trimmed(doc, verb.i + 1, sent.end)


def _object_clause(obj: Token) -> bool:
    """Whether a direct object is a clause in disguise: a subject opens it
    and belongs to a verb inside it ("[the report reinforced] stability"), or
    the object is a noun with an object of its own ("its policy simplifies
    the transfer"). Three words at least; who/which/that never count."""
    tokens = list(obj.subtree)
    if len(tokens) < 3:
        return False
    if obj.pos_ == "NOUN" and obj.tag_ == "NNS" and \
            any(c.dep_ == "dobj" and c.i > obj.i for c in obj.children) and \
            any(c.i < obj.i for c in obj.children):
        return True
    first = obj.left_edge
    for tok in tokens:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.left_edge.i == first.i and \
                tok.tag_ not in ("WP", "WDT") and tok.lower_ != "that" and \
                tok.head.dep_ != "relcl" and tok.head.pos_ in ("VERB", "AUX"):
            return True
    return False


@rule("indirect-parataxis", stage="quotes")
def indirect_parataxis(ctx: _Context, verb: Token) -> _Draft | None:
    """A reporting clause set off by commas inside or after its content:
    ``The forces, the statement said, are in control.``

    When the clause interrupts the content the whole clause is the content.
    A subordinate clause (", after he had written to …") is no reporting clause.
    """
    doc = ctx.doc
    if _restricted(verb) or verb.dep_ not in ("parataxis", "ccomp", "advcl") or \
            verb.head.i == verb.i or verb.head.i >= verb.i + 50:
        return None
    head = verb.head
    vi = verb.left_edge.i
    # "At stake, said Acme, is whether …": the parser hangs the opening phrase on
    # the verb; the reporting clause starts at its own comma.
    commas = [c.i for c in verb.lefts if c.text == ","]
    if commas and not ((vi > 0 and doc[vi - 1].text == ",") or doc[vi].text == ","):
        vi = commas[-1]
    if not ((vi > 0 and doc[vi - 1].text == ",") or doc[vi].text == ","):
        return None
    if any(c.dep_ == "mark" for c in verb.children):
        return None  # a subordinate clause: ", after he had written to the ministry"
    if head.i < vi:
        span = _trimmed(doc, head.left_edge.i, vi)  # the content is complete before it
    else:
        span = _trimmed(doc, head.left_edge.i, head.right_edge.i + 1)  # it interrupts
    return _indirect("indirect-parataxis", doc, span, verb)


@rule("indirect-aside", stage="quotes")
def indirect_aside(ctx: _Context, verb: Token) -> _Draft | None:
    """A reporting aside set off by commas inside its content, however the
    parser hung it: ``The levy would hit farmers including, he claims, the
    minister's own brother`` or ``Not least, said Ann Roe, because the
    roads are full``. The aside is a personal pronoun and the verb (", he
    claims,") or the verb and the name after it (", said Ann Roe, head of
    the port,"), with a comma on each side and words of the sentence before
    and after it, the words after not opening a new coordinated clause
    ("…, he said, and …") nor starting with a verb (", he added, saying
    …": the content ends before the aside), and no relative pronoun right
    before it ("which, he claimed, …" is inside a clause that a parataxis
    reading takes): the content is the whole sentence.
    """
    doc, i = ctx.doc, verb.i
    text = token_columns(doc)["text"]  # the commas first: most verbs have none
    if i < 2 or (text[i - 1] != "," and text[i - 2] != ",") or \
            verb.tag_ not in ("VBD", "VBZ", "VBP") or _restricted(verb) or \
            verb.dep_ == "parataxis":  # read as such: indirect-parataxis takes it
        return None
    subj = doc[i - 1]
    if subj.dep_ == "nsubj" and subj.head.i == i and PRONOUNS.get(subj.lower_) in PRONOUN_GENDER \
            and doc[i - 2].text == ",":
        first, last = i - 2, i + 1
    else:
        subj = next((c for c in verb.rights if c.dep_ == "nsubj"), None)
        if subj is None or subj.left_edge.i != i + 1 or doc[i - 1].text != "," or \
                subj.pos_ != "PROPN":
            return None
        last = subj.right_edge.i  # the comma closing an apposition may hang on the name
        first, last = i - 1, last if doc[last].text == "," else last + 1
    sent = ctx.sent_at[i]
    if first <= sent.start or last + 2 >= sent.end or doc[last].text != "," or \
            doc[last + 1].dep_ == "cc" or doc[last + 1].pos_ in ("VERB", "AUX") or \
            doc[first - 1].tag_ in ("WDT", "WP"):
        return None
    return _indirect("indirect-aside", doc, _trimmed(doc, sent.start, sent.end), verb)


#: Dependents a bare "as" reporting clause may have ("As the minister
#: said last week, …", "… said in a speech, …"): nothing that would be
#: content of its own.
_AS_CLAUSE_DEPS = frozenset({"mark", "nsubj", "aux", "advmod", "npadvmod", "punct", "neg", "prep"})


@rule("indirect-as-clause", stage="quotes")
def indirect_as_clause(ctx: _Context, verb: Token) -> _Draft | None:
    """A bare "as" clause that vouches for its main clause: ``As the mayor
    said, the bridge will reopen in May`` or ``The bridge will reopen, as
    the mayor said`` report the main clause. The reporting clause is an
    adverbial clause marked "as" whose verb has a subject and nothing else
    that could be content (no object or clause: "As the mayor announced the
    date, …" only sets the time); the content is the rest of its main
    clause, after the comma that closes it or before the comma that opens it.
    A writer recalling their own words ("As I said, …", "as we reported")
    attributes nothing.
    """
    doc, head = ctx.doc, verb.head
    if verb.dep_ != "advcl" or head.i == verb.i:
        return None
    # The clause ends at its first comma after the verb: the parser may hang
    # the main clause's opening phrase on the verb ("As X said, for most …").
    comma = next((c.i for c in verb.rights if c.text == ","), None)
    if comma is None and verb.right_edge.i + 1 < len(doc) and \
            doc[verb.right_edge.i + 1].text == "," and verb.i < head.i:
        comma = verb.right_edge.i + 1
    kids = [c for c in verb.children if comma is None or c.i < comma]
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is None or PRONOUNS.get(subj.lower_) in ("i", "we") or \
            not any(c.dep_ == "mark" and c.lower_ == "as" and c.i == verb.left_edge.i
                    for c in kids) or any(c.dep_ not in _AS_CLAUSE_DEPS for c in kids):
        return None
    first = verb.left_edge.i
    if verb.i < head.i and comma is not None:
        span = _trimmed(doc, comma + 1, head.right_edge.i + 1)
    elif verb.i > head.i and comma is None and first > 0 and doc[first - 1].text == "," and \
            verb.right_edge.i + 1 >= head.right_edge.i:
        span = _trimmed(doc, head.left_edge.i, first - 1)
    else:
        return None
    return _indirect("indirect-as-clause", doc, span, verb)


@rule("according-to", stage="quotes")
def according_to(ctx: _Context, tok: Token) -> _Draft | None:
    """``according to X``: X is the source, the clause it qualifies the content.

    Objects that are not sources ("according to plan", "according to its
    size": :func:`_is_source`) are skipped; the content is the clause before the
    phrase, after it, or around it.
    """
    doc = ctx.doc
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None or not _is_source(pobj):
        return None
    span = _qualified_clause(doc, tok, ctx.sent_at[tok.i])
    if span is None:
        return None
    return _Draft("according_to", "according-to", *_chars(doc, *span),
                  cue=f"{tok.text} {to.text}", cue_i=tok.i, speaker_tok=pobj)


def _is_source(pobj: Token) -> bool:
    """Whether the object of "according to" names a source: not a measure or
    plan (:data:`toolkit.lexicon.NOT_SOURCES`), and not a common noun after a
    possessive pronoun ("according to its quality") unless a person or a
    document ("according to its survey"); a plural noun of people, told by
    its ending, is people ("according to its backers", "… its opponents")."""
    lemma = pobj.lemma_.lower()
    if lemma in NOT_SOURCES:
        return False
    if pobj.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in pobj.children):
        return lemma in PERSON_NOUNS or lemma in SOURCE_NOUNS or lemma in STATEMENT_NOUNS \
            or title_words().get(lemma) == "role" or (
                pobj.tag_ == "NNS" and lemma.endswith(PEOPLE_NOUN_ENDINGS))
    return True


def _qualified_clause(doc: Doc, tok: Token, sent: Span) -> tuple[int, int] | None:
    """Token range of the clause an "according to" phrase at ``tok`` qualifies."""
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
        return _trimmed(doc, hi, pi)
    if at_start or pi <= hi or all(t.dep_ in ("mark", "cc", "punct") for t in doc[hi:pi]):
        return _trimmed(doc, pj, hj)  # "… that according to X the rule …": after it
    return _trimmed(doc, hi, hj)


def _first(rules: tuple, ctx: _Context, tok: Token) -> _Draft | None:
    return next((d for r in rules if (d := r(ctx, tok)) is not None), None)


def _reported_drafts(ctx: _Context, groups: dict, used_verbs: set[int],
                     in_direct) -> list[_Draft]:
    """Indirect and according-to attributions of the body sentences, each
    reporting verb by the first rule that applies."""
    drafts, cols = [], token_columns(ctx.doc)
    # Only a reporting lemma or "according" can start a rule: the columns are
    # read in one pass, in text order, and a Token is built for these alone.
    for i in [i for i, (lem, low) in enumerate(zip(cols["lemma"], cols["lower"], strict=True))
              if lem.lower() in _REPORTING_LEMMAS or low == "according"]:
        if ctx.sent_of[i] not in ctx.body:
            continue  # a heading
        tok = ctx.doc[i]
        if tok.i in used_verbs or in_direct(tok.idx) or _after_quote_of_its_head(tok):
            continue  # inside a quote, or a participle continuing one
        speech = _is_speech_verb(tok)
        if (speech or any(_content_of(ctx, test, tok) is not None
                          for test in _CONTENT_TESTS.get(tok.lemma_.lower(), ()))) \
                and not _hypothetical(tok):
            rules = groups["indirect"] if speech else tuple(
                r for r in groups["indirect"] if r in _CONTENT_ONLY_RULES)
            d = _first(rules, ctx, tok)
            if d is not None:
                d.speaker_tok = _subject(tok)
                drafts.append(_through_open_quote(ctx, d))
        elif tok.lower_ == "according" and tok.dep_ in ("prep", "advcl", "advmod"):
            d = _first(groups["according_to"], ctx, tok)
            if d is not None:
                drafts.append(d)
    return drafts


def _through_open_quote(ctx: _Context, d: _Draft) -> _Draft:
    """An indirect content that opens a quote closed only in a later
    sentence runs on to the end of that sentence: 'He noted the port "is
    not as busy as it was. Nor should it be," given the new bridge.'
    reports all of it, the quoted words being the speaker's. Only when the
    content holds an odd number of double quote marks (the cheap test)."""
    text = ctx.text
    if len(_DOUBLE_MARK_RE.findall(text, d.start, d.end)) % 2 == 0:
        return d
    # The marks are paired within the content's paragraph only.
    start = text.rfind("\n", 0, d.start) + 1
    end = text.find("\n", d.end)
    end = len(text) if end < 0 else end
    pair = next(((start + a, start + b) for a, b in pair_quote_marks(text[start:end])
                 if d.start <= start + a < d.end < start + b), None)
    if pair is None:
        return d
    k = _tok_at(ctx.tok_starts, pair[1] - 1)
    if ctx.sent_of[k] <= ctx.sent_of[_tok_at(ctx.tok_starts, d.end - 1)]:
        return d  # the quote closes in the content's own sentence
    sent = ctx.sent_at[k]
    span = _trimmed(ctx.doc, ctx.doc[_tok_at(ctx.tok_starts, d.start)].i, sent.end)
    if span is None:
        return d
    return replace(d, end=_chars(ctx.doc, *span)[1])


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One attribution per clause: direct beats indirect beats according-to, and
    speech reported inside reported speech ("X insisted that Y had promised
    him …") belongs to the outer attribution."""
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
            elif k.kind == d.kind == "indirect" and k.start <= d.start and d.end <= k.end and \
                    _reported_within(d, k):
                clash = True  # reported within reported speech: part of the outer claim
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


def _reported_within(inner: _Draft, outer: _Draft) -> bool:
    """Whether ``inner``'s speaker and speech verb belong to ``outer``'s reported
    clause itself (a chain of complements), not to a relative or adverbial
    clause inside it ("critics argue the cuts hurt the families his government
    says it wants to help" reports both)."""
    tok = inner.speaker_tok
    if tok is None or inner.cue_i is None or outer.cue_i is None or \
            not outer.start <= tok.idx < outer.end:
        return False
    verb = tok.doc[inner.cue_i]
    for anc in (verb, *verb.ancestors):
        if anc.i == outer.cue_i:
            return True
        if anc.dep_ not in ("ccomp", "conj", "xcomp"):
            return False
    return False


def _masked_text(doc: Doc, text: str) -> str:
    """``doc.text`` with heading paragraphs blanked (same length, same offsets)."""
    paras = doc._.paragraphs if Doc.has_extension("paragraphs") else None
    if not paras:
        return text
    for start, end, kind in paras:
        start, end = max(start, 0), min(end, len(text))
        if kind == "heading" and start < end:  # blanked by slices, not char by char
            text = text[:start] + _NOT_NEWLINE.sub(" ", text[start:end]) + text[end:]
    return text


_NOT_NEWLINE = re.compile(r"[^\n]")


@lru_cache(maxsize=8192)
def _name_pattern(name: str) -> re.Pattern:
    """``name`` as a whole word (compiled once: names recur across articles)."""
    return re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")


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
             head: tuple[int, int] | None, *, person_head: bool = False) -> str:
        """The actor a speaker span names: the mention on its head word; for a
        head that is a person noun ("the party's leader, Ann Roe") a person's
        mention; else the mention that overlaps it most; else a name or alias
        found in its text."""
        if start is not None and end is not None and self.mentions:
            found = self.overlapping(start, end)
            if head is not None:
                on_head = [m for m in found if _overlap((m[0], m[1]), head)]
                if on_head:
                    return on_head[0][2].name
            people = [m for m in found if getattr(m[2], "type", "") == "PERSON"]
            if person_head and people:
                found = people
            if found:
                best = max(found, key=lambda m: (_overlap((m[0], m[1]), (start, end)), -m[0]))
                return best[2].name
        low = text.lower()
        # A name not in the text at all needs no pattern; a pattern is compiled
        # once per name (re's own cache holds 512, fewer than a long article's
        # names: recompiling them for every speaker is quadratic).
        for name, actor in self.names:
            if name in low and _name_pattern(name).search(low):
                return actor.name
        return ""

    def candidates(self, doc: Doc, text: str, sent_of: dict[int, int]) -> list[_Candidate]:
        out = []
        for start, end, actor in self.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            label = str(getattr(actor, "type", ""))
            sentence = sent_of.get(span.start, -1)
            out.append(_lazy_candidate(text[start:end], start, end, span, sentence,
                                       "PERSON" if "PER" in label.upper() else label))
        return out



@dataclass
class _Speaker:
    """The speaker decided for one draft, as the speaker rules refine it."""

    text: str = ""
    start: int | None = None
    end: int | None = None
    head: tuple[int, int] | None = None  # chars of the head word, for actor links
    cand: _Candidate | None = None  # an explicit speaker, antecedent for later pronouns
    resolved: bool = False
    source_text: str = ""
    suffix: str = ""  # added to the rule name ("+pronoun")
    actor: str = ""  # the actor, when known already (a continued speaker's)
    pronoun: str = ""  # the nominative pronoun when the written speaker is one


@dataclass
class _Resolver:
    """What the speaker rules see: the document, the quotes so far, antecedents."""

    ctx: _Context
    index: _ActorIndex
    find_mentions: Callable[[], list[_Candidate]]  # what finds the antecedents (:attr:`mentions`)
    quotes: list[Quote]
    speakers: list[_Candidate]  # earlier speakers (pronouns resolved), in order
    contents: list[tuple[int, int]] = None  # chars of every draft's content, sorted
    genders: dict[str, str] = None  # gender learnt from "he"/"she", by actor or name
    people: set[str] = None  # actors or names known to be people (see speaker_first_person)

    def __post_init__(self):
        self.contents = sorted(self.contents or [])
        self.genders = {}
        self.people = set()
        self._keys: dict[tuple[int, int], str] = {}
        self.contents_in: dict[int, list[tuple[int, int]]] = {}  # by sentence
        for c in self.contents:
            self.contents_in.setdefault(self.sentence_of(c[0]), []).append(c)

    @cached_property
    def mentions(self) -> list[_Candidate]:
        """Antecedent candidates, in text order, found only when a pronoun or
        description speaker first needs them: about half the articles have none."""
        return self.find_mentions()

    @cached_property
    def mention_starts(self) -> list[int]:
        """The first char of each of :attr:`mentions`."""
        return [c.start for c in self.mentions]

    def in_content(self, char: int) -> tuple[int, int] | None:
        """The content span of an attribution containing ``char``, if any."""
        k = bisect_left(self.contents, (char + 1,)) - 1
        while k >= 0 and self.contents[k][0] <= char:
            if char < self.contents[k][1]:
                return self.contents[k]
            k -= 1
            if k >= 0 and char - self.contents[k][0] > 4000:
                break
        return None

    def key(self, cand: _Candidate) -> str:
        """The actor a candidate names (or its text), for learnt genders."""
        where = (cand.start, cand.end)
        if where not in self._keys:
            self._keys[where] = self.index.link(cand.text, cand.start, cand.end, None) \
                or cand.text.lower()
        return self._keys[where]

    def as_known(self, cand: _Candidate) -> _Candidate:
        """``cand`` as a person when its actor or name is known to be one."""
        if cand.person or self.key(cand) not in self.people:
            return cand
        return replace(cand, person=True, place=False)

    def sentence_of(self, char: int) -> int:
        return self.ctx.sent_of.get(_tok_at(self.ctx.tok_starts, char), 0)


def _speaker_span(tok: Token, cue_i: int | None) -> tuple[int, int]:
    """The token range of the speaker's noun phrase around ``tok``, never
    holding the reporting verb itself ("Said Williams:" read as one name)."""
    i, j = _noun_span(tok)
    if cue_i is not None and i <= cue_i < tok.i:
        i = cue_i + 1
    return i, j


def _written_speaker(ctx: _Context, d: _Draft, sentence: int) -> _Speaker:
    """The speaker as written next to the cue: the subject's noun phrase, a
    pronoun, or a dash sign-off's name."""
    doc, text = ctx.doc, ctx.text
    if d.speaker_tok is not None:
        tok = d.speaker_tok
        pron = PRONOUNS.get(tok.lower_) if tok.pos_ == "PRON" else None
        if pron:
            return _Speaker(tok.text, tok.idx, tok.idx + len(tok.text), source_text=tok.text,
                            pronoun=pron)
        i, j = _speaker_span(tok, d.cue_i)
        s_start, s_end = _chars(doc, i, j)
        speaker = text[s_start:s_end]
        cand = _candidate(speaker, s_start, s_end, doc[i:j], sentence)
        return _Speaker(speaker, s_start, s_end, head=(tok.idx, tok.idx + len(tok.text)),
                        cand=cand)
    if d.speaker_range is not None:
        s_start, s_end = d.speaker_range
        speaker = text[s_start:s_end]
        span = doc.char_span(s_start, s_end, alignment_mode="expand")
        cand = _candidate(speaker, s_start, s_end, span, sentence) \
            if span is not None and len(span) else None
        return _Speaker(speaker, s_start, s_end, cand=cand)
    return _Speaker()


@rule("speaker-dateline", stage="quotes")
def speaker_dateline(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A wire dateline is never a speaker: "MOSCOW, March 4 - The daily Pravda
    said …" names Pravda.

    A speaker span that overlaps a dateline keeps only what follows it; when
    the parser made the dateline's place the subject, the speaker is the noun
    phrase between the dateline and the speech verb.
    """
    if sp.start is None or sp.resolved or res.ctx.in_dateline(sp.start, sp.end) is None:
        return None
    _, line_end = res.ctx.in_dateline(sp.start, sp.end)
    doc, text = res.ctx.doc, res.ctx.text
    if sp.end > line_end and (sp.head is None or sp.head[0] >= line_end):
        start = line_end + len(text[line_end:sp.end]) - len(text[line_end:sp.end].lstrip())
        span = doc.char_span(start, sp.end, alignment_mode="expand")
        return replace(sp, text=text[start:sp.end], start=start,
                       cand=_candidate(text[start:sp.end], start, sp.end, span,
                                       res.sentence_of(start)) if span else None)
    head = _head_after(doc, line_end, d.cue_i)
    if head is None:
        return _Speaker()
    i, j = _noun_span(head)
    i = max(i, _tok_at(res.ctx.tok_starts, line_end))
    start, end = _chars(doc, i, j)
    return _Speaker(text[start:end], start, end, head=(head.idx, head.idx + len(head)),
                    cand=_candidate(text[start:end], start, end, doc[i:j],
                                    res.sentence_of(start)))


def _head_after(doc: Doc, char: int, verb_i: int | None) -> Token | None:
    """The head noun of the phrase between a dateline ending at ``char`` and the
    speech verb: the first noun or name there whose head lies outside it."""
    if verb_i is None:
        return None
    first = next((t.i for t in doc if t.idx >= char), None)
    if first is None or first >= verb_i:
        return None
    for t in doc[first:verb_i]:
        if t.pos_ in ("NOUN", "PROPN") and not first <= t.head.i < verb_i:
            return t
    return None


@rule("speaker-unparsed", stage="quotes")
def speaker_unparsed(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A speaker the parse does not link to its verb, read from the words
    around the verb: '"…," warned Richards.' and "By contrast, says Mr Cox,
    …" (the name after an inverted verb, taken for its object;
    :func:`_name_after`), "When asked if …, the firm's chief Ann Roe said:"
    and '"…," Jo Park, head of policy at Acme, said.' (the noun phrase
    before a subject-less verb, or the name before an apposition;
    :func:`_phrase_before`).

    Applies only when no speaker was written for the verb in the parse.
    """
    if sp.start is not None or sp.pronoun or sp.resolved or d.cue_i is None:
        return None
    verb = res.ctx.doc[d.cue_i]
    tok = _name_after(verb)
    if tok is None:
        tok = _phrase_before(verb)
    if tok is None:
        return None
    d.speaker_tok = tok  # the later rules read the speaker's token ("the firm" …)
    i, j = _speaker_span(tok, d.cue_i)
    start, end = _chars(res.ctx.doc, i, j)
    return _Speaker(res.ctx.text[start:end], start, end, head=(tok.idx, tok.idx + len(tok)),
                    cand=_candidate(res.ctx.text[start:end], start, end, res.ctx.doc[i:j],
                                    res.sentence_of(start)))


@rule("speaker-apposition", stage="quotes")
def speaker_apposition(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A common noun that is no speaker, with a name in apposition, speaks
    through that name: "…, a five-fold rise, Jo Park, a manager, told …",
    "one of the four accused, Jo Park, said …".

    Applies when the subject's head is a common noun that names no person
    (not "spokesman", "official") and the name of a person or organisation
    stands in apposition to it, with no relative clause between them.
    """
    tok = d.speaker_tok
    member = tok is not None and tok.pos_ == "NUM" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)  # "one of the four, Jo Park,"
    if tok is None or sp.pronoun or sp.resolved or (tok.pos_ != "NOUN" and not member) or \
            tok.lemma_.lower() in PERSON_NOUNS:
        return None
    # The parser may also hang the name as a conjunct: "a rise, Jo Park, told …".
    name = next((c for c in tok.children if c.pos_ == "PROPN" and (
        c.dep_ == "appos" or (c.dep_ == "conj" and not any(x.dep_ == "cc" for x in tok.children)))),
        None)
    if name is None and d.cue_i is not None and tok.head.i == d.cue_i:
        # ... or hang it on the verb: "one of the four, Jo Park - who … - said".
        name = next((c for c in tok.head.children if c.dep_ in ("npadvmod", "appos")
                     and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"
                     and tok.right_edge.i < c.i < d.cue_i
                     and res.ctx.doc[c.left_edge.i - 1].text == ","), None)
    # Only a name of a person or organisation right after the noun's own phrase
    # (not after a relative clause: "the actor, whose films include …, X").
    if name is None or name.ent_type_ not in ("PERSON", "ORG") or any(
            c.dep_ in ("relcl", "acl") and tok.i < c.i < name.i for c in tok.children):
        return None
    i, j = _noun_span(name)
    start, end = _chars(res.ctx.doc, i, j)
    return _Speaker(res.ctx.text[start:end], start, end, head=(name.idx, name.idx + len(name)),
                    cand=_candidate(res.ctx.text[start:end], start, end, res.ctx.doc[i:j],
                                    res.sentence_of(start)))


@rule("speaker-not-number", stage="quotes")
def speaker_not_number(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A number, amount, share or date is never a speaker: "Forty per cent
    said they would …" keeps the quote with no speaker.

    The speaker's head word is a number or a numeric or date entity, or the
    whole span is numbers and function words.
    """
    if sp.start is None or sp.pronoun or sp.resolved or \
            not _numeric(res.ctx.doc, sp.start, sp.end):
        return None
    return _Speaker()


@rule("speaker-description", stage="quotes")
def speaker_description(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A definite description of a person ("The MP for Kent said", "the
    veteran coach says") names the person who spoke just before: news
    style names someone, then refers back to them by role.

    Applies when the written speaker starts with "the", is headed by a
    singular person noun or role ("the club's lawyers" are not one
    person), has no name of its own, no possessive and no name before its
    head ("the Acme spokesman", "the trust's chairman" may be someone else),
    not headed by a media or organisation noun ("the magazine", "the firm"),
    and a named person spoke in the
    same sentence or one of the two before (gender agreeing when the
    description has one, and a role written with the name being the
    description's own: "Councillor Ann Vale … the mayor" are two people;
    :func:`_same_role`). The quote then speaks for that person, keeps the
    description in ``source_text`` and its rule gets ``+description``.
    """
    c = sp.cand
    if c is None or sp.pronoun or sp.resolved or sp.start is None:
        return None
    span = res.ctx.doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or span[0].lower_ != "the" or any(
            t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in span[1:] if t.i < span.root.i):
        return None
    role = span.root.lemma_.lower() in PERSON_NOUNS or title_words().get(span.root.lower_) == "role"
    root = span.root
    if not role and (root.lemma_.lower() in MEDIA_NOUNS or root.lower_ in org_nouns()):
        return None  # "the magazine", "the firm": never a person
    named = any(t.ent_type_ == "PERSON" for t in span if t.i <= root.i) or _qualified(root) \
        or any(c.dep_ == "prep" and c.lower_ == "of" and _person_appos_of(c)
               for c in root.children) or (root.pos_ == "PROPN" and not role)
    if named or c.plural or not (_AGE_NOUN.match(sp.text) or role or c.person):
        return None
    here = res.sentence_of(sp.start)
    for prev in reversed(res.speakers):
        if prev.sentence < here - 2:
            break
        prev = res.as_known(prev)
        if prev.name and prev.person and prev.end <= sp.start and \
                not prev.text.lower().startswith("the "):  # a name, not the same description
            if (c.gender and prev.gender and c.gender != prev.gender) or not (
                    _AGE_NOUN.match(sp.text) or _same_role(res.ctx.doc, prev, root)):
                return None
            return _Speaker(prev.text, prev.start, prev.end, cand=replace(prev, sentence=here),
                            resolved=True, source_text=sp.text, suffix="+description")
    return None


def _of_a(prep: Token) -> bool:
    """Whether an "of" phrase names a body first written with "a"/"an" ("the
    chairman of a House committee"): the description brings in someone new,
    as "a judge" does (:func:`_new_person`), not another way of naming the
    person who spoke before."""
    return any(o.dep_ == "pobj" and any(d.dep_ == "det" and d.lower_ in ("a", "an")
                                        for d in o.children) for o in prep.children)


def _bare_description(res: _Resolver, sp: _Speaker) -> Span | None:
    """The written speaker as a span when it is a bare definite description:
    "the" first, no name, no possessive, no apposition and no body brought
    in with "a" (:func:`_of_a`): "the veteran coach", "The firm"; None
    otherwise."""
    if sp.cand is None or sp.pronoun or sp.resolved or sp.start is None:
        return None
    span = res.ctx.doc.char_span(sp.start, sp.end, alignment_mode="expand")
    if span is None or len(span) < 2 or span[0].lower_ != "the" or sp.cand.plural:
        return None
    root = span.root
    if any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in span if t.i <= root.i) \
            or root.pos_ != "NOUN" or _qualified(root):
        return None
    return span


def _qualified(root: Token) -> bool:
    """Whether a description's head has a name or owner in apposition or as
    possessive, or an "of" phrase bringing in a body with "a"
    (:func:`_of_a`): "the chairman, Ann Roe", "the firm's chairman", "the
    chairman of a rival board" say who is meant without an earlier name."""
    return any(c.dep_ in ("appos", "poss") or (c.dep_ == "prep" and c.lower_ == "of" and _of_a(c))
               for c in root.children)


def _titled_people(doc: Doc, word: Token, before: int) -> dict[str, Token]:
    """People written with ``word`` as their title before ``before``: "Chancellor
    Ann Roe", "boat builder Bo Park", "Ann Roe, the chancellor", by name."""
    found = {}
    cols, low, lemma = token_columns(doc), word.lower_, word.lemma_.lower()
    for k in range(min(before, len(doc))):
        if cols["lower"][k] != low and cols["lemma"][k].lower() != lemma:
            continue  # tested on the columns: no Token built
        t = doc[k]
        name = t.head
        if not (name.pos_ == "PROPN" and name.ent_type_ == "PERSON" and (
                (t.dep_ == "compound" and t.i < name.i) or t.dep_ == "appos")):
            continue
        words = [c for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"
                 and c.i > t.i] + [name]
        found.setdefault(" ".join(w.text for w in words), words[0])
    return found


@rule("speaker-role-title", stage="quotes")
def speaker_role_title(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A definite description whose head word was written earlier as one
    person's title names that person, however far back: "Chancellor Ann Roe
    … In his speech, the chancellor said …" is Ann Roe.

    The title counts before the name ("President Roe", "boat builder Ann
    Roe") or in apposition ("Ann Roe, the chancellor"); exactly one person
    may carry it, and every capitalised modifier of the description must be
    written with the title ("the Tory leader" is not "Labour leader Ann
    Roe"). The quote keeps the description in ``source_text`` and its rule
    gets ``+description``.
    """
    span = _bare_description(res, sp)
    if span is None:
        return None
    people = _titled_people(res.ctx.doc, span.root, span.start)
    if len(people) != 1:
        return None
    (text, first), = people.items()
    mods = {t.lower_ for t in span if t.i < span.root.i and t.text[:1].isupper() and t.i > span.start}
    near = {t.lower_ for t in res.ctx.doc[max(first.i - 4, 0):first.i]}
    if not mods <= near:
        return None
    start = first.idx
    end = start + len(text)
    cand = _candidate(text, start, end, res.ctx.doc.char_span(start, end, alignment_mode="expand"),
                      res.sentence_of(sp.start))
    return _Speaker(text, start, end, cand=replace(cand, person=True), resolved=True,
                    source_text=sp.text, suffix="+description")


@rule("speaker-org-description", stage="quotes")
def speaker_org_description(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A definite description of an organisation ("The firm said", "the
    engineering concern said") names the organisation an "it" there would
    stand for: the nearest earlier named organisation, by the order of
    :func:`speaker_pronoun`.

    Applies when the written speaker is "the" + a singular organisation noun
    (:func:`toolkit.lexicon.org_nouns`, :data:`toolkit.lexicon.ORG_HEAD_WORDS`)
    with no name of its own; only a proper name that is no person and no
    place, an earlier speaker or subject outside reported content and not
    named in the quote's own content ("The company said Acme's sales rose"
    is not Acme), qualifies, and an earlier name that ends in the noun
    itself ("the trust" … "Lakeside Housing Trust") comes first, then a
    recent speaker written with more words before the noun ("the Harbury
    institute said … The institute said": :func:`_fuller_speaker`). The
    quote keeps the description in ``source_text`` and
    its rule gets ``+description``.
    """
    span = _bare_description(res, sp)
    if span is None or d.speaker_tok is None:
        return None
    word = span.root.lemma_.lower()
    if span.root.tag_ != "NN" or (word not in org_nouns() and word not in ORG_HEAD_WORDS):
        return None
    cand = _named_after(res, word, sp.start) or _fuller_speaker(res, word, sp.start) or \
        _antecedent("it", d.speaker_tok, res, (d.start, d.end), names=True)
    if cand is None:
        return None
    here = replace(cand, sentence=res.sentence_of(sp.start))
    return _Speaker(cand.text, cand.start, cand.end, cand=here, resolved=True,
                    source_text=sp.text, suffix="+description")


def _org_name(res: _Resolver, c: _Candidate) -> bool:
    """An organisation's proper name outside reported content: what an
    organisation description may stand for; not a part of another one
    written as such ("Acme Europe, the group's European arm": "the group"
    is another organisation)."""
    return c.name and c.org and not c.person and not c.place and \
        not res.in_content(c.start) and not _PART_OF.match(res.ctx.text, c.end)


#: The apposition of an organisation that belongs to another one: ", the
#: company's …", ", its …".
_PART_OF = re.compile(r",\s+(?:the\s+\w+['’]s|its)\s")


def _named_after(res: _Resolver, word: str, before: int) -> _Candidate | None:
    """The nearest organisation named before ``before`` whose name ends in
    ``word`` ("the trust" … "Lakeside Housing Trust") or follows it ("the
    magazine" … "US magazine Gadget World")."""
    text = res.ctx.text
    for c in reversed(res.mentions[:bisect_left(res.mention_starts, before)]):
        words = c.text.split()
        last = words[-1].lower() if words else ""
        lead = text[max(0, c.start - len(word) - 1):c.start].lower()
        if (last in (word, word + "s") or lead == word + " ") and _org_name(res, c):
            return c
    return None


def _fuller_speaker(res: _Resolver, word: str, before: int) -> _Candidate | None:
    """The latest speaker of the four sentences before ``before`` written
    with more words before the same organisation noun ("the Harbury institute
    said … The institute said"): the shorter description names it again."""
    here = res.sentence_of(before)
    for prev in reversed(res.speakers):
        if prev.sentence < here - 4:
            break
        words = prev.text.lower().split()
        if prev.end <= before and len(words) > 1 and words[-1] == word and \
                any(w != "the" for w in words[:-1]) and not prev.person:
            return prev
    return None


def _same_role(doc: Doc, prev: _Candidate, root: Token) -> bool:
    """Whether a named speaker may be the person a description names: the
    name carries no role word ("Mr Hale"), or the description's own
    ("Chancellor Ann Roe … the chancellor"); "Councillor Ann Vale … the
    mayor" are two people."""
    span = doc.char_span(prev.start, prev.end, alignment_mode="expand")
    roles = {t.lower_ for t in span or []
             if title_words().get(t.lower_) == "role" or t.lemma_.lower() in PERSON_NOUNS}
    return not roles or root.lower_ in roles or root.lemma_.lower() in roles


@rule("speaker-continuation", stage="quotes")
def speaker_continuation(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A reporting clause with no subject of its own continues the previous
    speaker: '"…," it said. Adding that the practice was unacceptable.'

    Applies to indirect quotes whose speech verb has no subject and begins its
    sentence, when the previous quote ended in the sentence before or in the
    same one.
    """
    if sp.text or d.floating or d.kind != "indirect" or d.cue_i is None or not res.quotes:
        return None
    verb = res.ctx.doc[d.cue_i]
    sent = res.ctx.sent_at[verb.i]
    if any(not (t.is_punct or t.dep_ in ("cc", "advmod")) for t in res.ctx.doc[sent.start:verb.i]):
        return None
    prev = res.quotes[-1]
    last = res.sentence_of(max(prev.end_char - 1, prev.start_char))
    if not prev.speaker or prev.speaker_start is None or \
            res.sentence_of(verb.idx) - last > 1:
        return None
    return _Speaker(prev.speaker, prev.speaker_start, prev.speaker_end, resolved=True,
                    actor=prev.speaker_actor)


@rule("speaker-pronoun", stage="quotes")
def speaker_pronoun(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A pronoun speaker ("he said") stands for the nearest compatible earlier
    speaker or mention; the quote's rule gets ``+pronoun``.

    Compatible means number and gender agreement: gender comes from an
    honorific or gendered noun ("Mrs", "spokeswoman") or from earlier pronouns
    resolved to the same actor. A name the actors step types as an
    organisation, place or group is no person, even where the model labels
    one of its mentions PERSON ("Labour was seen as … He insists …" passes
    the party by); a subject owned by a person's name ("Ann Roe's plan
    comes …") stands as that name (:func:`_owned_by_name`). Sentences are searched from the pronoun's own
    backwards (four at most); within one, an earlier speaker comes first, then
    a mention in subject position, then other mentions, then names inside
    reported content; a known person anywhere in that window beats a name not
    known to be one, unless that name has already spoken, and for "he" and
    "she" a compatible name beats a description ("Mr Hart … The player … He
    said" is Mr Hart, the description being another way of naming him),
    except an earlier speaker brought in with "a"/"an" ("… when a judge said
    … He ruled" is the judge: :func:`_new_person`). When the sentence before
    has the same pronoun as its subject and reports nothing ("And he hit back
    at Ann Roe's claim. "…," he said"), the search starts from that pronoun
    (:func:`_same_pronoun_before`). The quote keeps the
    pronoun in ``source_text`` and sets ``resolved``; it then counts as that
    speaker's quote.
    """
    if not sp.pronoun:
        return None
    cand = _antecedent(sp.pronoun, d.speaker_tok, res, (d.start, d.end),
                       direct=d.kind == "direct")
    if cand is None:
        return None
    if sp.pronoun in PRONOUN_GENDER:
        res.genders.setdefault(res.key(cand), PRONOUN_GENDER[sp.pronoun])
    here = replace(cand, sentence=res.sentence_of(d.speaker_tok.idx))
    return _Speaker(cand.text, cand.start, cand.end, cand=here, resolved=True,
                    source_text=sp.source_text, suffix="+pronoun")


@rule("speaker-introduced", stage="quotes")
def speaker_introduced(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A floating quote right after a sentence about someone who has already
    spoken is theirs: '"…," Ann Roe said. Bo Park, however, wants to wait.
    "We have time."' gives the last quote to Bo Park, not Ann Roe.

    Applies when the sentence just before the quote, in the same paragraph,
    reports nothing itself, and its main clause's subject is a name whose
    actor (or words) spoke earlier in the article, or "he"/"she" agreeing
    with the last speaker's known gender (an honorific, or a pronoun that
    already stood for them), who spoke within the three sentences before
    ("And she won't commit yet. "I'm in the middle of it."").
    """
    if not d.floating or sp.text:
        return None
    doc, ctx = res.ctx.doc, res.ctx
    first = _tok_at(ctx.tok_starts, d.start)
    sent = ctx.sent_at[first] if first is not None else None
    if sent is None or sent.start == 0:
        return None
    before = ctx.sent_at[sent.start - 1]
    if "\n" in ctx.text[before.end_char:d.start] or any(
            res.in_content(t.idx) for t in before) or any(_is_quote_tok(t) for t in before):
        return None
    pron = next((c for c in before.root.children if c.dep_ == "nsubj" and
                 c.lower_ in PRONOUN_GENDER), None)
    if pron is not None and res.speakers:
        # "And she won't commit yet. "I'm just in the middle of it."": the
        # last speaker, when "he"/"she" agrees with that person.
        last = res.as_known(res.speakers[-1])
        gender = last.gender or res.genders.get(res.key(last), "")
        if last.sentence >= res.sentence_of(d.start) - 3 and gender and _compatible(
                pron.lower_, last, gender=gender):
            return _Speaker(last.text, last.start, last.end, cand=last, resolved=True,
                            suffix="+pronoun", source_text=pron.text)
        return None
    subj = next((c for c in before.root.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"),
                None)
    if subj is None:
        return None
    i, j = _noun_span(subj)
    start, end = _chars(doc, i, j)
    cand = _candidate(ctx.text[start:end], start, end, doc[i:j], res.sentence_of(start))
    if not any(_same_name(res, cand, c) for c in res.speakers):
        return None
    return _Speaker(cand.text, start, end, head=(subj.idx, subj.idx + len(subj)),
                    cand=cand, resolved=True)


def _same_name(res: _Resolver, a: _Candidate, b: _Candidate) -> bool:
    """Whether two candidates name the same actor, or, without actors, the
    capitalised words of ``a`` are among those of ``b`` ("Renn", "Coach Ivo Renn")."""
    if res.key(a) == res.key(b):
        return True
    words = {w for w in a.text.split() if w[:1].isupper()}
    return bool(words) and words <= set(b.text.split())


@rule("speaker-floating", stage="quotes")
def speaker_floating(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A floating quote inherits the speaker of the quote just before it, when
    that quote ended at most two sentences earlier, or when the floating
    quote is a paragraph of its own right after the paragraph of that quote
    (a continuation paragraph).

    A floating quote that names the previous speaker (a person) is about them,
    not by them. Floating quotes with no speaker to inherit are
    ``direct-unattributed``.
    """
    prev = res.quotes[-1] if res.quotes else None
    if not d.floating or sp.resolved or prev is None or not prev.speaker or \
            prev.speaker_start is None:
        return None
    last = res.ctx.sent_of.get(_tok_at(res.ctx.tok_starts, max(prev.end_char - 1,
                                                               prev.start_char)), prev.sentence)
    if (res.sentence_of(d.start) - last > 2 and not _continuation_paragraph(res.ctx.text, d, prev)) \
            or res.index.names_person(prev.speaker_actor, d.start, d.end):
        return None
    # The speaker spoke again here: later pronouns and descriptions count from this quote.
    cand = next((c for c in reversed(res.speakers) if c.start == prev.speaker_start), None)
    return _Speaker(prev.speaker, prev.speaker_start, prev.speaker_end, resolved=True,
                    actor=prev.speaker_actor, cand=cand and replace(
                        cand, sentence=res.sentence_of(max(d.end - 1, d.start))))


def _continuation_paragraph(text: str, d: _Draft, prev: Quote) -> bool:
    """Whether the quote ``d`` is a whole paragraph right after the paragraph
    of the attributed quote ``prev``: news continues a speaker's words that
    way, however many sentences the previous paragraph has."""
    para_start = text.rfind("\n\n", 0, d.start)
    para_end = text.find("\n\n", d.end)
    para_end = len(text) if para_end < 0 else para_end
    if para_start < 0 or text[para_start:d.start].strip(" \n\"“‘'") or \
            text[d.end:para_end].strip(" \n\"”’'.,!?"):
        return False
    return text.rfind("\n\n", 0, para_start) < prev.end_char <= para_start


_FIRST_PERSON = re.compile(r"(?<!\w)(?:I|[Mm]y|[Mm]e|[Mm]yself)(?!\w)")


@rule("speaker-first-person", stage="quotes")
def speaker_first_person(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """The speaker of a direct quote in the first person singular ("I", "my")
    is a person, whatever the model typed the name: '"I am ready," Voss
    told reporters' makes Voss someone a later "he" can stand for.

    Records the speaker's actor (or name) as a person for the rest of the
    article (pronouns and descriptions then accept it) and returns the
    speaker marked as one; the speaker's words do not change.
    """
    if d.kind != "direct" or sp.cand is None or sp.cand.plural or \
            not _FIRST_PERSON.search(res.ctx.text[d.start:d.end]):
        return None
    res.people.add(res.key(sp.cand))
    return replace(sp, cand=replace(sp.cand, person=True, place=False))


def _resolve(res: _Resolver, drafts: list[_Draft], rules: tuple) -> list[Quote]:
    """Turn drafts into quotes in text order, each speaker refined by the rules."""
    text = res.ctx.text
    for d in drafts:
        sentence = res.sentence_of(d.start)
        sp = _written_speaker(res.ctx, d, sentence)
        for r in rules:
            sp = r(res, d, sp) or sp
        rule_name = d.rule + sp.suffix
        if d.floating and not sp.resolved:
            rule_name = "direct-unattributed"
        if sp.cand is not None:
            res.speakers.append(sp.cand)
        actor = sp.actor or (res.index.link(
            sp.text, sp.start, sp.end, sp.head, person_head=sp.cand is not None and sp.cand.person)
            if sp.text else "")
        res.quotes.append(Quote(
            speaker=sp.text, speaker_actor=actor, cue=d.cue,
            quote=text[d.start:d.end], kind=d.kind, sentence=sentence, start_char=d.start,
            end_char=d.end, rule=rule_name, speaker_start=sp.start, speaker_end=sp.end,
            resolved=sp.resolved, source_text=sp.source_text))
    return res.quotes


def _antecedent(pron: str, tok: Token, res: _Resolver, content: tuple[int, int], *,
                direct: bool = False, names: bool = False) -> _Candidate | None:
    """Nearest compatible antecedent for a pronoun speaker (see
    :func:`speaker_pronoun` for the order of preference); ``names`` takes
    only earlier speakers and subjects that are proper names, neither people
    nor places, and not named in the content."""
    said = res.ctx.text[content[0]:content[1]] if direct or names else ""
    if not names:
        tok = _same_pronoun_before(tok, res) or tok
    here = res.ctx.sent_of.get(tok.i, 0)
    groups = _antecedent_groups(tok, res, content, here)
    for relaxed in (False, True):
        for names_only in ((True, False) if pron in ("he", "she") else (False,)):
            for n, group in enumerate(groups):
                if names and n % _GROUPS_PER_SENTENCE > 2:
                    continue  # an organisation description: speakers and subjects only
                # An earlier speaker is taken as a person even when not known to be one.
                loose = relaxed or n % _GROUPS_PER_SENTENCE == 0
                for c in group:
                    if names_only and not c.name and _new_person(c, n):
                        c = res.as_known(c)
                        if _compatible(pron, c, loose, res.genders.get(res.key(c), "")):
                            return c
                    if (names_only and not c.name) or _named_in(res, c, said) or (
                            names and not _org_name(res, c)):
                        continue
                    c = res.as_known(c)
                    if _compatible(pron, c, loose, res.genders.get(res.key(c), "")):
                        return c
    return None


def _same_pronoun_before(tok: Token, res: _Resolver) -> Token | None:
    """The same pronoun as subject of the sentence before, outside any
    quote, when it reports nothing there: "Bo Lee said … He also rejected
    Ann Roe's claim. "…," he said" has both "he" stand for Bo Lee, so the
    second is resolved from where the first stands (Ann Roe, after it, is
    no candidate)."""
    here, doc = res.ctx.sent_of.get(tok.i, 0), res.ctx.doc
    k = res.ctx.sent_at[tok.i].start - 1
    while k >= 0 and (doc[k].is_space or doc[k].is_punct):
        k -= 1
    if k < 0 or res.ctx.sent_of.get(k, -1) != here - 1:
        return None
    prev_sent = res.ctx.sent_at[k]
    root = prev_sent.root
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ != tok.lower_ or _is_speech_verb(root) or \
            res.in_content(subj.idx) or any(_is_quote_tok(t) for t in prev_sent):
        return None
    return subj


def _new_person(cand: _Candidate, group: int) -> bool:
    """Whether an earlier speaker is a person first written with "a"/"an"
    ("a judge said …"): an indefinite description brings in someone new, not
    another way of naming a person already named, so a name further back
    does not beat it ("Acme said … when a judge said … He ruled" is the
    judge)."""
    return group % _GROUPS_PER_SENTENCE == 0 and cand.person and \
        cand.text.split(maxsplit=1)[0].lower() in ("a", "an")


def _named_in(res: _Resolver, cand: _Candidate, said: str) -> bool:
    """Whether a person's name is written in the direct quote a pronoun
    introduces: '"Sam's knee is fine now," he said' is not Sam speaking of
    himself. A word of the candidate's actor's name (for a person, their
    own actor, not an organisation in their title; without an actor, of
    the candidate) counts, capitalised and not joined by a hyphen
    ("the Lee-Park talks"), honorifics and titles aside."""
    if not cand.name or not said:
        return False
    # A person's own actor, not an organisation in their title ("Acme
    # chairman Ann Roe" is not named by a quote that speaks of Acme).
    name = res.index.link(cand.text, cand.start, cand.end, None,
                          person_head=cand.person) or cand.text
    words = {w for w in name.split() if w[:1].isupper() and len(w) > 2
             and w.lower().rstrip(".") not in honorifics() and w.lower() not in title_words()}
    return any(said[m.end():m.end() + 1] != "-" and said[max(m.start() - 1, 0):m.start()] != "-"
               for w in words for m in _name_pattern(w).finditer(said))


#: Antecedent groups per sentence: speakers, main-clause subjects, other
#: subjects, other mentions, names inside reported content.
_GROUPS_PER_SENTENCE = 5


def _antecedent_groups(tok: Token, res: _Resolver, content: tuple[int, int],
                       here: int) -> list[list[_Candidate]]:
    """Candidates before the pronoun ``tok`` in preference order, one list per
    (sentence, kind): earlier speakers, main-clause subjects, subjects of
    relative or subordinate clauses, other mentions, names inside reported
    content. Mentions in the content of a quote of the pronoun's own
    sentence are left out: "it said, adding that the storm …" is not the storm."""
    doc, mentions, pos = tok.doc, res.mentions, tok.idx
    own = res.contents_in.get(here, []) + [content]
    k = bisect_left(res.mention_starts, pos)
    by_sentence: dict[int, list[_Candidate]] = {}
    while k > 0 and mentions[k - 1].sentence >= here - 4:
        k -= 1
        c = mentions[k]
        if c.end <= pos and not any(s <= c.start < e for s, e in own):
            by_sentence.setdefault(c.sentence, []).append(c)  # latest first
    recent = []  # speakers of the last five sentences, latest first
    for c in reversed(res.speakers):
        if c.sentence < here - 4:
            break
        recent.append(c)
    groups = []
    for sent in range(here, max(here - 4, -1) - 1, -1):
        found = by_sentence.get(sent, [])
        reported = [c for c in found if res.in_content(c.start)]
        free = [c for c in found if c not in reported]
        subjects = [c for c in free if _is_subject_at(doc, c.start)]
        main = [c for c in subjects if _main_clause_at(doc, c.start)]
        groups += [[c for c in recent if c.sentence == sent and c.end <= pos],
                   main, [c for c in subjects if c not in main],
                   [c for c in free if c not in subjects] if sent != here else [],
                   reported if sent != here else []]
    return _speakers_first(doc, groups)


def _speakers_first(doc: Doc, groups: list[list[_Candidate]]) -> list[list[_Candidate]]:
    """The groups with names inside a prepositional phrase ("a plan backed
    by Bo Park", "a grant from Acme") moved after every sentence's speakers,
    subjects and other mentions: "Ann Roe said … a plan backed by Bo Park …
    She said" is Ann Roe. Group positions (their kind, by
    :data:`_GROUPS_PER_SENTENCE`) are kept: the moved names go to copies of
    their groups at the end."""
    n = _GROUPS_PER_SENTENCE
    front, back = [], []
    for k, g in enumerate(groups):
        late = [c for c in g if k % n == 3 and _in_prep_phrase(doc, c.start)]
        front.append([c for c in g if c not in late])
        back.append(late)
    return front + back


def _in_prep_phrase(doc: Doc, char: int) -> bool:
    """Whether the name at ``char`` is (in) the object of a preposition."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    while tok.dep_ in ("compound", "flat", "amod") and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj"


def _main_clause_at(doc: Doc, char: int) -> bool:
    """Whether the word at ``char`` is outside relative and subordinate
    clauses: "Ann Lee was put in contact with the group, of which Bo Park is a
    member, after …" has Ann Lee as its main subject; a later "he" means her
    rather than Bo Park."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return not any(t.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in span[0].ancestors)


def _verb_as_noun(tok: Token) -> bool:
    """A sentence root tagged as a plural noun that still takes an object
    ("Lee issues a statement"): a verb, and the capitalised word that opens
    the sentence before it (tagged a compound or adjective) its subject."""
    return tok.dep_ == "ROOT" and tok.tag_ == "NNS" and \
        any(c.dep_ == "dobj" for c in tok.children)


def _is_subject_at(doc: Doc, char: int) -> bool:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or not len(span):
        return False
    tok = span[0]
    for t in (tok, *tok.ancestors):
        if t.dep_ in ("nsubj", "nsubjpass"):
            return True
        if t.dep_ in ("compound", "amod") and t.text[:1].isupper() and t.i == t.sent.start \
                and _verb_as_noun(t.head):
            return True  # "Lee issues a statement": the verb was tagged a noun
        if t.dep_ not in ("compound", "poss", "amod", "case", "det", "flat"):
            return False
    return False




# -- rules of the fifth round: constructions the rules above missed ------------------

def _unquoted_subjects(subjects: list[Token], verb: Token) -> list[Token]:
    """The subjects of a verb without relative pronouns ("who she claims
    followed her") and, of several, without those inside a quote that
    closes before the verb (:func:`_quoted_subject`); a filter that would
    leave none keeps them all."""
    subjects = [c for c in subjects if c.tag_ not in ("WP", "WDT")] or subjects
    if len(subjects) < 2:
        return subjects
    return [c for c in subjects if not _quoted_subject(c, verb)] or subjects


def _quoted_subject(subj: Token, verb: Token) -> bool:
    """Whether a subject lies inside a quote that closes before its verb (an
    odd number of double quote marks between them): in '"The plan, despite
    all, will work," he said' the parser may hang "plan" on "said" as well
    as "he"; the quoted subject never speaks."""
    if subj.i > verb.i:
        return False
    marks = sum(t.text in _DOUBLE_MARKS for t in verb.doc[subj.i + 1:verb.i])
    return marks % 2 == 1


def _headless_clause_object(doc: Doc, verb: Token, clause: Token) -> tuple[int, int] | None:
    """The content when a reported clause lost its subject to the speech
    verb's object: "X added a deal with the lenders could help" parsed as
    "added [a deal …]" with "could help" a subject-less clause. Only for
    the verbs whose words after them are what was said
    (:data:`toolkit.lexicon.CLAUSE_SPEECH_VERBS`, never "told reporters"),
    a clause after the object, and only the object's phrase (and commas)
    between the verb and the clause (:func:`_object_as_subject`)."""
    if verb.lemma_.lower() not in CLAUSE_SPEECH_VERBS or clause.i < verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass") for c in clause.children):
        return None
    return _object_as_subject(doc, verb, clause)


def _speech_participle(head: Token) -> Token | None:
    """A speech verb as a participle after a comma, hung on the verb of a
    reported clause: in "X said sales fell, adding that …" the parser hangs
    "adding" on "fell"; it is X's next statement, not part of the first."""
    return next((c for c in head.rights if c.dep_ in ("advcl", "conj") and c.tag_ == "VBG"
                 and _is_speech_verb(c) and _after_comma(c)), None)


def _after_comma(tok: Token) -> bool:
    """Whether a comma comes right before ``tok``, or a closing quote mark
    right after a comma: in 'sounded "balanced," adding …' the comma sits
    inside the quoted words."""
    doc, k = tok.doc, tok.i - 1
    if k >= 1 and _is_quote_tok(doc[k]) and doc[k].idx + len(doc[k]) == tok.idx - 1:
        k -= 1
    return k >= 0 and doc[k].text == ","


def _clear_after(verb: Token) -> Token | None:
    """The word "clear" right after "made" ("made clear …", "made it clear
    …") when the parser hung it elsewhere (as an adjective of the next noun)."""
    doc = verb.doc
    k = verb.i + 1
    if k < len(doc) and doc[k].lower_ == "it":
        k += 1
    return doc[k] if k < len(doc) and doc[k].lower_ == "clear" else None


def _clear_clause(verb: Token, clear: Token) -> Token | None:
    """The clause of "made (it) clear" written without "that" ("made clear
    the fares would not rise"): a clause after "clear", hung on "made"
    or "clear", with a subject of its own that is no question word ("makes
    clear who runs the port" shows, it reports nothing); the parser may
    hang it as an adverbial clause with no conjunction ("made it clear the
    plan would be put to a vote")."""
    for head in (clear, verb):
        for c in head.children:
            if c.i > clear.i and (c.dep_ == "ccomp" or (
                    c.dep_ == "advcl" and not any(g.dep_ == "mark" for g in c.children))) and \
                    any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and \
                    c.left_edge.tag_ not in ("WP", "WDT", "WRB", "IN"):
                return c
    return None


def _branded(tok: Token) -> Token | None:
    """The object of an active verb of judging aloud
    (:data:`toolkit.lexicon.JUDGING_VERBS`: "X branded the plan a waste"),
    or None: the verb has a subject and an object after it and is not
    passive ("was branded … by" names the judge as an agent, left alone)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in JUDGING_VERBS:
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("auxpass", "prt") for c in kids) or not any(c.dep_ == "nsubj" for c in kids):
        return None
    obj = next((c for c in kids if c.dep_ == "dobj" and c.i > tok.i), None)
    return obj if obj is not None and _verdict_said(tok, obj) else None


def _verdict_said(verb: Token, obj: Token) -> bool:
    """Whether a verb of judging says what its verdict is, not only what it
    is about: a verdict word ("branded the plan a waste", "… as a joke"),
    quoted words ('welcomed the mayor's "courage"') or a clause in the
    object ("welcomed the fact that the vote was held"); "welcomed the
    decision" alone reports no words."""
    if any(c.dep_ in ("oprd", "xcomp", "acomp", "attr") or (c.dep_ == "prep" and c.lower_ == "as")
           for c in verb.children if c.i > obj.i):
        return True
    end = _verdict_end(verb)
    if any(t.text in _DOUBLE_MARKS for t in verb.doc[obj.left_edge.i:end]):
        return True
    return any(c.dep_ in ("acl", "relcl", "ccomp") and any(
        g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children) for c in obj.children)


#: Dependents of a verb of judging that belong to its verdict.
_VERDICT_DEPS = ("dobj", "oprd", "xcomp", "ccomp", "prep", "acomp", "attr", "dative", "npadvmod")


def _verdict_end(verb: Token) -> int:
    """The token after the last word of a verb of judging's verdict (its :data:`_VERDICT_DEPS`)."""
    return max(c.right_edge.i for c in verb.rights if c.dep_ in _VERDICT_DEPS) + 1


@rule("indirect-branded", stage="quotes")
def indirect_branded(ctx: _Context, verb: Token) -> _Draft | None:
    """A verdict spoken about something: ``Ann Roe branded the plan a
    "waste of money"``, ``X branded the timetable as "a joke"``, ``X
    welcomed the fact that the vote was held``. The content is the object
    and what it is called, up to a participle of the reporting clause (",
    saying: …"); the verdict must be said (:func:`_verdict_said`).
    """
    obj = _content_of(ctx, _branded, verb)
    if obj is None:
        return None
    end = _verdict_end(verb)
    return _indirect("indirect-branded", ctx.doc, _trimmed(ctx.doc, obj.left_edge.i, end), verb)


def _expressed(tok: Token) -> Token | None:
    """The that-clause on the object of an active verb of expressing
    (:data:`toolkit.lexicon.EXPRESSING_VERBS`: "expressed fears that …"),
    with a subject of its own; None otherwise."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in EXPRESSING_VERBS or \
            any(c.dep_ == "auxpass" for c in tok.children):
        return None
    for obj in tok.children:
        if obj.dep_ != "dobj" or obj.i < tok.i:
            continue
        for clause in obj.children:
            if clause.dep_ in ("acl", "ccomp", "relcl") and clause.i > obj.i and any(
                    c.dep_ == "mark" and c.lower_ == "that" for c in clause.children) and any(
                    c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
                return clause
    return None


@rule("indirect-expressed", stage="quotes")
def indirect_expressed(ctx: _Context, verb: Token) -> _Draft | None:
    """A state of mind put into words with its content: ``X expressed fears
    that the plan would fail`` reports the clause (without "that"), as "X
    said they feared …" would. The noun alone ("expressed doubts about
    …") is no attribution.
    """
    clause = _content_of(ctx, _expressed, verb)
    if clause is None:
        return None
    return _indirect("indirect-expressed", ctx.doc, _content_span(ctx.doc, clause, verb), verb)


def _resumed_cue(doc: Doc, open_i: int, sent_at: list[Span]) -> Token | None:
    """The reporting verb between the two halves of a split quote, for the
    second half: in '"If you ask," said Ann Roe, "we will help."' the words
    between the first half's closing mark and the comma before the second
    opening mark are a speech verb and its subject (and adverbs)."""
    if open_i < 3 or doc[open_i - 1].text != ",":
        return None
    start = sent_at[doc[open_i - 2].i].start
    k = open_i - 2
    while k >= max(start, open_i - 12) and not _is_quote_tok(doc[k]):
        k -= 1
    if k < start or k == open_i - 2 or not _is_quote_tok(doc[k]) or \
            k == 0 or doc[k - 1].text not in (",", "?", "!", "…", "-", "—", "–"):
        return None
    run = doc[k + 1:open_i - 1]
    verbs = [t for t in run if _is_cue_verb(t) and not _restricted(t)]
    if len(verbs) != 1:
        return None
    verb = verbs[0]
    subj = _subject(verb)
    if subj is None:
        return None
    inside = {t.i for t in subj.subtree} | {verb.i}
    if not all(t.i in inside or t.is_punct or t.dep_ in ("advmod", "neg") for t in run):
        return None
    return verb


@rule("direct-resumed", stage="quotes")
def direct_resumed(ctx: _Context, marks: _Marks) -> _Draft | None:
    """The second half of a quote split by its reporting clause: in ``"If
    you ask," said Ann Roe, "we will help."`` the second half is Ann Roe's
    too. The reporting clause (verb, subject, adverbs) lies between the
    first half's closing mark and a comma right before the second half.
    """
    return _verb_draft(marks, _resumed_cue(ctx.doc, marks.open_i, ctx.sent_at), "direct-resumed")


def _time_phrase(verb: Token) -> bool:
    """A gerund in a phrase that only sets the time of the main clause
    ("After claiming the title last year, the club …", "since announcing
    the deal"): an event in the background, not what was said."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and \
        verb.head.lower_ in TIME_PHRASE_PREPOSITIONS


@rule("speaker-participle", stage="quotes")
def speaker_participle(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """A participle of speech hung on a reported clause speaks for the
    reporting verb's speaker: in "Jo Park said sales fell, adding that …"
    the parser hangs "adding" on "fell", whose subject ("sales") cannot be
    the one adding; Jo Park adds.

    Applies when the draft's verb is such a participle (after a comma, on
    the verb of a clause that a speech verb reports) and the written
    speaker is that clause's subject.
    """
    if d.cue_i is None or sp.resolved or d.kind != "indirect":
        return None
    verb = res.ctx.doc[d.cue_i]
    if verb.tag_ != "VBG":
        return None
    clause = verb.head
    outer = clause.head
    participle = _speech_participle(clause)
    if participle is None or participle.i != verb.i or clause.dep_ != "ccomp" or \
            outer.i == clause.i or not _is_speech_verb(outer) or outer.i > verb.i:
        return None
    if d.speaker_tok is not None and d.speaker_tok.head.i != clause.i:
        return None
    tok = _subject(outer)
    if tok is None:
        return None
    d.speaker_tok = tok
    return _written_speaker(res.ctx, d, res.sentence_of(d.start))


@rule("speaker-added", stage="quotes")
def speaker_added(res: _Resolver, d: _Draft, sp: _Speaker) -> _Speaker | None:
    """"He added …" opening the sentence right after an attribution goes on
    with that attribution's speaker: in "The spokesman said the minister had
    met Jo Park. He added talks would go on." the spokesman adds, though Jo
    Park is the nearer name; the quote's rule gets ``+pronoun``.

    Applies when the pronoun opens its sentence (after "and"/"but" or an
    adverb), its verb goes on with speech
    (:data:`toolkit.lexicon.CONTINUING_VERBS`), the previous quote ends in
    the sentence before, and its speaker agrees with the pronoun.
    """
    if not sp.pronoun or d.cue_i is None or d.speaker_tok is None or not res.quotes or \
            not res.speakers:
        return None
    doc = res.ctx.doc
    verb = doc[d.cue_i]
    if verb.lemma_.lower() not in CONTINUING_VERBS or d.speaker_tok.i > verb.i:
        return None
    sent = res.ctx.sent_at[verb.i]
    if any(not (t.is_punct or t.dep_ in ("cc", "advmod")) for t in doc[sent.start:d.speaker_tok.i]):
        return None
    prev, cand = res.quotes[-1], res.speakers[-1]
    if not prev.speaker or prev.speaker_start != cand.start or prev.kind == "according_to":
        return None
    last = res.sentence_of(max(prev.end_char - 1, prev.start_char))
    if res.sentence_of(verb.idx) - last != 1:
        return None
    cand = res.as_known(cand)
    if not _compatible(sp.pronoun, cand, gender=res.genders.get(res.key(cand), "")):
        return None
    if sp.pronoun in PRONOUN_GENDER:
        res.genders.setdefault(res.key(cand), PRONOUN_GENDER[sp.pronoun])
    here = replace(cand, sentence=res.sentence_of(d.speaker_tok.idx))
    return _Speaker(prev.speaker, prev.speaker_start, prev.speaker_end, cand=here,
                    resolved=True, source_text=sp.source_text, suffix="+pronoun",
                    actor=prev.speaker_actor)


#: The rules of each extractor step, in the order they are tried. A direct
#: quote, a reporting verb or an "according to" phrase gets its draft from the
#: first rule of its group that applies; the speaker rules then refine the
#: speaker of every draft, in order.
_CONTENT_RULES: tuple = (
    (indirect_belief_quoted, _quoted_belief, BELIEF_VERBS),
    (indirect_made_clear, _made_clear, frozenset({"make"})),
    (indirect_branded, _branded, JUDGING_VERBS),
    (indirect_expressed, _expressed, EXPRESSING_VERBS),
)
"""The rules through which a verb that is no speech verb reports, in rule
order, each with the test that finds its content and the lemmas that test
reads (a verb of thinking, "make" of "made clear", a verb of judging, of
expressing)."""

_CONTENT_ONLY_RULES = tuple(r for r, _, _ in _CONTENT_RULES)

_CONTENT_TESTS: dict[str, tuple] = {}
"""By lemma, the tests of :data:`_CONTENT_RULES` that read it, in rule order."""
for _rule, _test, _lemmas in _CONTENT_RULES:
    for _lemma in _lemmas:
        _CONTENT_TESTS[_lemma] = (*_CONTENT_TESTS.get(_lemma, ()), _test)
del _rule, _test, _lemmas, _lemma

_REPORTING_LEMMAS = SPEECH_VERBS | frozenset(_CONTENT_TESTS)
"""Lemmas of every verb that :func:`_reported_drafts` can read as reporting:
a speech verb, or one of :data:`_CONTENT_TESTS`."""


RULE_GROUPS: dict[str, tuple] = {
    "direct": (direct_after, direct_before, direct_resumed, direct_dash, direct_floating),
    "indirect": (indirect_belief_quoted, indirect_made_clear, indirect_aside, indirect_ccomp,
                 indirect_final,
                 indirect_embedded, indirect_listener, indirect_in_statement, indirect_xcomp,
                 indirect_gerund, indirect_prep, indirect_dobj, indirect_clause_object,
                 indirect_parataxis, indirect_branded, indirect_expressed, indirect_as_clause),
    "according_to": (according_to,),
    "speaker": (speaker_dateline, speaker_participle, speaker_unparsed, speaker_apposition, speaker_description,
                speaker_role_title, speaker_org_description, speaker_not_number, speaker_added,
                speaker_pronoun,
                speaker_introduced, speaker_floating, speaker_continuation,
                speaker_first_person),
}


def extract_quotes(doc: Doc, *, actors=None, disable: Collection[str] = ()) -> list[Quote]:
    """Find who said what in the body sentences of a parsed ``doc``.

    Args:
        doc: a parsed Doc (see :func:`toolkit.nlp.parse`).
        actors: :class:`toolkit.actors.Actor` objects from the actors step; the
            speaker of each quote is linked to one of them when a mention
            overlaps the speaker or a name or alias occurs in it. Their
            mentions also serve as antecedents for pronoun speakers.
        disable: names of rules (see :data:`RULE_GROUPS`) to switch off.

    Returns:
        Quotes ordered by position (see the module docstring for the rules).

    Raises:
        Any error of a rule: a failing rule fails the article, never silently.

    Example:
        >>> from toolkit.nlp import parse
        >>> from toolkit.read import article_from_text
        >>> doc = parse(article_from_text('"We will reopen," the mayor said.'))
        >>> [(q.speaker, q.quote, q.kind) for q in extract_quotes(doc)]
        [('the mayor', 'We will reopen,', 'direct')]
        >>> [(q.kind, q.rule) for q in extract_quotes(doc, disable={"direct-after"})]
        [('indirect', 'indirect-final')]
    """
    if doc is None or not len(doc):
        return []
    groups = {g: active(funcs, disable=disable) for g, funcs in RULE_GROUPS.items()}
    ctx = _context(doc)
    drafts, used_verbs = _direct_drafts(ctx, groups["direct"])
    inside_direct = sorted((d.start, d.end) for d in drafts)
    direct_starts = [s for s, _ in inside_direct]

    def in_direct(char: int) -> bool:
        k = bisect_left(direct_starts, char + 1) - 1
        return k >= 0 and inside_direct[k][0] <= char < inside_direct[k][1]

    drafts = _dedupe([_without_dateline(ctx, d) for d in drafts +
                      _reported_drafts(ctx, groups, used_verbs, in_direct)])
    index = _ActorIndex(actors)
    res = _Resolver(ctx, index, partial(_antecedents, ctx, index, in_direct), [], [],
                    [(d.start, d.end) for d in drafts])
    return _resolve(res, drafts, groups["speaker"])


def _without_dateline(ctx: _Context, d: _Draft) -> _Draft:
    """A reported clause never starts with the wire dateline before it
    ("OTTAWA, March 2 - The yard will …, the minister said")."""
    line = ctx.in_dateline(d.start, d.start + 1)
    if line is None or d.kind == "direct" or line[1] >= d.end:
        return d
    return replace(d, start=line[1])


def _antecedents(ctx: _Context, index: _ActorIndex, in_direct) -> list[_Candidate]:
    """Antecedent candidates for pronoun speakers, in text order: actor mentions
    (or, without actors, the model's entities) and subject noun phrases ("the
    company … what it said"). Names inside a direct quote are the speaker's
    words, not antecedents; of nested candidates the widest is kept ("Her
    rival, Jorge Pinto")."""
    doc, text = ctx.doc, ctx.text
    cands = index.candidates(doc, text, ctx.sent_of) if index.mentions else [
        _lazy_candidate(e.text, e.start_char, e.end_char, e, ctx.sent_of[e.start], e.label_)
        for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC")]
    cands += _unmarked_names(ctx, index)
    dep = token_columns(doc)["dep"]
    for k in [k for k, d in enumerate(dep) if d in ("nsubj", "nsubjpass")]:  # in text order
        si = ctx.sent_of[k]
        if si in ctx.body and (tok := doc[k]).pos_ in ("NOUN", "PROPN") and \
                not _owned_by_name(tok):
            i, j = _noun_span(tok)
            start, end = _chars(doc, i, j)
            cands.append(_lazy_candidate(text[start:end], start, end, doc[i:j], si))
    kept: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, -c.end)):
        if in_direct(c.start) or (kept and c.end <= kept[-1].end) or \
                ctx.in_dateline(c.start, c.end) or _numeric(doc, c.start, c.end):
            continue
        kept.append(c)
    return kept


def _owned_by_name(tok: Token) -> bool:
    """A thing owned by a person's name as subject ("Ann Roe's proposal comes
    …"): the person, not the thing, is what a later "he" refers back to, so
    the wider phrase is no candidate and leaves the name's own in place. Not
    a person or role noun ("Ruritania's finance minister"), which is the
    candidate itself."""
    if tok.pos_ != "NOUN" or not tok.n_lefts:
        return False
    for c in tok.lefts:  # a possessor stands before its noun
        if c.dep_ == "poss" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON":
            return not _role_word(tok)
    return False


def _unmarked_names(ctx: _Context, index: _ActorIndex) -> list[_Candidate]:
    """A known person's name or alias written where the model tagged nothing
    ("Ann Lee … Lee issues a statement …") is still an antecedent: each such
    occurrence, capitalised and as a whole word, outside the actors' mentions."""
    people = {name: actor for name, actor in index.names
              if str(getattr(actor, "type", "")).upper().startswith("PER") and len(name) > 2}
    if not people:
        return []
    doc, text = ctx.doc, ctx.text
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(
        re.escape(n) for n in sorted(people, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)
    out = []
    for m in pattern.finditer(text):
        if not m.group(0)[:1].isupper() or index.overlapping(m.start(), m.end()):
            continue
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is not None and len(span):
            cand = _candidate(m.group(0), m.start(), m.end(), span,
                              ctx.sent_of.get(span.start, -1), "PERSON")
            # The actor is a known person even where the tagger saw no name.
            out.append(replace(cand, person=True, name=True, place=False))
    return out


def _numeric(doc: Doc, start: int, end: int) -> bool:
    """Whether chars ``[start, end)`` name a number, amount or date ("Forty per
    cent", "2004", "a five-fold rise"), which never speaks; an age
    description ("the 34-year-old") is a person."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not _has_numeric_token(doc, span.start, span.end):
        return False  # no number nor numeric entity: the tests below all fail
    if _AGE_NOUN.match(span.text):
        return False  # "the 34-year-old": a person, though tagged a date
    if len(span) == 1 and span[0].tag_ == "MD":
        return False  # a surname read as a modal ("May wrote"), though tagged a date
    root = span.root
    if root.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False  # "one of the families", "two of the officers": people
    numeric = [t.like_num or t.ent_type_ in _NUMERIC_LABELS for t in span]
    return root.like_num or root.ent_type_ in _NUMERIC_LABELS or (any(numeric) and all(
        n or t.is_punct or t.is_stop for n, t in zip(numeric, span, strict=True)))


def _has_numeric_token(doc: Doc, i: int, j: int) -> bool:
    """Whether a token of ``doc[i:j]`` is like a number or in a numeric entity
    (the token test of :func:`_numeric`), read from the token columns."""
    cols = token_columns(doc)
    like_num = cols.get("like_num")
    if like_num is None:
        like_num = cols["like_num"] = doc.to_array(LIKE_NUM).tolist()
    ent = cols["ent"]
    return any(like_num[k] or ent[k] in _NUMERIC_LABELS for k in range(i, j))


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
        >>> from toolkit.nlp import parse
        >>> from toolkit.read import article_from_text
        >>> doc = parse(article_from_text(
        ...     '"We will reopen," the mayor said. She said the bridge was safe.'))
        >>> speaker_summary(extract_quotes(doc))[["source", "direct", "total"]]
              source  direct  total
        0  the mayor       1      2
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

