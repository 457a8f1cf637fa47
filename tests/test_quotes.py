"""Quotes: each rule on short texts written for the test, plus the bundled article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.actors import Actor, Mention
from toolkit.article import Article, Paragraph
from toolkit.contract import TABLES
from toolkit.nlp import make_doc
from toolkit.quotes import (
    SPEECH_VERBS,
    Quote,
    extract_quotes,
    pair_quote_marks,
    quotes_table,
    speaker_summary,
)


@pytest.fixture(scope="module")
def quotes_of(parse):
    def _quotes(text, actors=None):
        doc = parse(text)
        quotes = extract_quotes(doc, actors=actors)
        check_offsets(doc, quotes)
        return quotes
    return _quotes


def check_offsets(doc, quotes):
    sents = list(doc.sents)
    for q in quotes:
        assert doc.text[q.start_char:q.end_char] == q.quote
        assert sents[q.sentence].start_char <= q.start_char < sents[q.sentence].end_char
        if q.speaker_start is not None:
            assert doc.text[q.speaker_start:q.speaker_end] == q.speaker


def one(quotes, **want):
    found = [q for q in quotes if all(getattr(q, k) == v for k, v in want.items())]
    assert len(found) == 1, (want, quotes)
    return found[0]


# -- pairing quote marks -------------------------------------------------------------

def test_pair_straight_and_curly():
    text = 'He said: "Go home." She said “stay”.'
    assert [text[s:e] for s, e in pair_quote_marks(text)] == ['"Go home."', "“stay”"]


def test_pair_odd_count_never_raises_and_drops_stray_close():
    text = 'Stray" close then "an open one'
    pairs = pair_quote_marks(text)
    assert [text[s:e] for s, e in pairs] == ['"an open one']


def test_pair_multi_paragraph_continuation():
    text = 'She said: "First part.\n\n"Second part," she added.'
    (s, e), = pair_quote_marks(text)
    assert text[s:e] == '"First part.\n\n"Second part,"'


def test_pair_unclosed_mid_phrase_does_not_swallow_next_paragraph():
    text = 'Locals said the pumps "never worked.\n\n"We were lucky," one man said.'
    spans = [text[s:e] for s, e in pair_quote_marks(text)]
    assert spans == ['"never worked.', '"We were lucky,"']


def test_pair_mismatched_types_and_inches():
    assert pair_quote_marks('a 12" pipe') == []
    text = "“Open ” and «fermé»"
    assert [text[s:e] for s, e in pair_quote_marks(text)] == ["“Open ”", "«fermé»"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='ab "“”«»\n.,', max_size=60))
def test_pair_quote_marks_fuzz(text):
    pairs = pair_quote_marks(text)
    last = -1
    for s, e in pairs:
        assert last <= s < e <= len(text)
        assert text[s] in '"“„«‟″'
        last = e


# -- vocabulary -------------------------------------------------------------------

def test_speech_verb_list_is_documented_and_complete():
    for lemma in ("say", "tell", "add", "warn", "claim", "insist", "announce", "call", "deny",
                  "accuse", "state", "report", "confirm", "urge", "argue", "explain", "note",
                  "vow", "pledge", "threaten", "acknowledge", "admit", "allege", "estimate"):
        assert lemma in SPEECH_VERBS
    for lemma in ("believe", "hope", "think", "fear"):  # thoughts, not speech
        assert lemma not in SPEECH_VERBS


# -- indirect speech, checked against real parses ---------------------------------------

def test_said_on_day_there_would_be(quotes_of):
    q, = quotes_of("The rail union said on Friday there would be no talks while the dispute continues.")
    assert (q.kind, q.rule, q.speaker, q.cue) == ("indirect", "indirect-ccomp", "The rail union", "said")
    assert q.quote == "there would be no talks while the dispute continues"


def test_officials_say_he_is(quotes_of):
    q, = quotes_of("Canadian officials say he is weighing plans for a new port in the north.")
    assert q.speaker == "Canadian officials"
    assert q.quote.startswith("he is weighing plans")


def test_reporting_clause_at_the_end(quotes_of):
    q, = quotes_of("The storm has destroyed 3,400 homes, the island's emergency authorities say.")
    assert (q.kind, q.rule) == ("indirect", "indirect-final")
    assert q.speaker == "the island's emergency authorities"
    assert q.quote == "The storm has destroyed 3,400 homes"


def test_interrupting_reporting_clause(quotes_of):
    q, = quotes_of("The rebels, the statement said, are in control of the port.")
    assert (q.rule, q.speaker) == ("indirect-parataxis", "the statement")
    assert q.quote == "The rebels, the statement said, are in control of the port"


def test_according_to(quotes_of):
    q, = quotes_of("The flood displaced about 8,000 people, according to provincial tallies.")
    assert (q.kind, q.cue, q.speaker) == ("according_to", "according to", "provincial tallies")
    assert q.quote == "The flood displaced about 8,000 people"
    q, = quotes_of("According to the coastguard, two boats sank overnight.")
    assert (q.speaker, q.quote) == ("the coastguard", "two boats sank overnight")
    assert quotes_of("The trains ran according to plan.") == []


def test_told_listener_that_and_in_a_statement(quotes_of):
    q, = quotes_of("The mayor told reporters that the bridge would reopen in May.")
    assert (q.speaker, q.cue, q.quote) == ("The mayor", "told", "the bridge would reopen in May")
    q, = quotes_of("The ministry said in a statement that 13 people were killed.")
    assert (q.rule, q.speaker, q.quote) == ("indirect-in-statement", "The ministry",
                                            "13 people were killed")
    q, = quotes_of("The judge, Lady Justice Harper, reminded jurors that newspaper coverage "
                   "was not evidence.")
    assert (q.rule, q.quote) == ("indirect-listener", "newspaper coverage was not evidence")


def test_call_for_urge_accuse_claim(quotes_of):
    qs = quotes_of("The nurses' union called for a pay review. It urged ministers to act "
                   "quickly. The mayor accused the council of wasting money. A militant "
                   "group claimed responsibility for the blast.")
    assert one(qs, cue="called for").quote == "a pay review"
    urged = one(qs, cue="urged")
    assert (urged.quote, urged.rule) == ("ministers to act quickly", "indirect-xcomp+pronoun")
    assert urged.speaker == "The nurses' union" and urged.resolved
    assert one(qs, cue="accused of").quote == "the council of wasting money"
    claim = one(qs, cue="claimed")
    assert (claim.speaker, claim.quote) == ("A militant group", "responsibility for the blast")


def test_coordinated_verb_inherits_subject(quotes_of):
    qs = quotes_of("The agency urged farmers to stay indoors and warned that the river could "
                   "burst its banks.")
    warned = one(qs, cue="warned")
    assert warned.speaker == "The agency"
    assert warned.quote == "the river could burst its banks"


def test_no_attribution_in_hypotheticals_titles_or_naming(quotes_of):
    assert quotes_of("The agent declined to comment.") == []
    assert quotes_of("The deal made it easier for the board to claim that costs had fallen.") == []
    assert quotes_of("She was charged on Monday, accused of stealing a painting.") == []
    assert quotes_of("Critics called the plan a betrayal.") == []


def test_embedded_claim_is_low_priority_indirect(quotes_of):
    qs = quotes_of("Sirens sounded after the navy fired shells at what it said were "
                   "smuggling boats near the coast.")
    q = one(qs, rule="indirect-embedded+pronoun")
    assert q.quote == "were smuggling boats near the coast"
    assert (q.speaker, q.source_text, q.resolved) == ("the navy", "it", True)


def test_conjoined_claim_is_a_separate_quote(quotes_of):
    qs = quotes_of("The rebel group said on Monday there would be no ceasefire and it claimed "
                   "responsibility for an attack on a police station.")
    said = one(qs, cue="said")
    assert said.quote == "there would be no ceasefire"
    claimed = one(qs, cue="claimed")
    assert claimed.speaker == "The rebel group" and claimed.rule.endswith("+pronoun")


# -- direct quotes --------------------------------------------------------------------

def test_direct_quote_in_both_orders(quotes_of):
    q, = quotes_of('"We will not give up," said Maria Lopez, the union leader.')
    assert (q.kind, q.rule, q.speaker, q.quote) == ("direct", "direct-after", "Maria Lopez",
                                                    "We will not give up,")
    q, = quotes_of('"We will not give up," the union leader told reporters.')
    assert (q.speaker, q.cue) == ("the union leader", "told")
    q, = quotes_of('Lopez said: "We will not give up."')
    assert (q.rule, q.speaker, q.quote) == ("direct-before", "Lopez", "We will not give up.")


def test_direct_quote_is_not_also_reported_as_indirect(quotes_of):
    qs = quotes_of('"The water is rising. We need help," said Tom Reed, a farmer.')
    assert len(qs) == 1 and qs[0].kind == "direct"
    assert qs[0].quote == "The water is rising. We need help,"


def test_split_quote_and_floating_sentence(quotes_of):
    qs = quotes_of('"We asked for barriers for years," the mayor said, "and we were told to '
                   'wait."\n\n"Now the whole street is under water."')
    assert [q.speaker for q in qs] == ["the mayor"] * 3
    assert qs[1].rule == "direct-before"
    floating = qs[2]
    assert (floating.rule, floating.resolved) == ("direct-floating", True)
    assert floating.quote == "Now the whole street is under water."


def test_floating_quote_naming_the_previous_speaker_is_not_theirs(parse):
    # A quote sentence about a person is not by that person: people rarely name
    # themselves, so the previous speaker is not inherited.
    from toolkit.actors import extract_actors

    doc = parse('"We rebuilt the harbour in a year," said Mr Hale.\n\n'
                '"Without Tom Hale the town would have given up."')
    quotes = extract_quotes(doc, actors=extract_actors(doc))
    check_offsets(doc, quotes)
    assert [(q.speaker, q.rule) for q in quotes] == [
        ("Mr Hale", "direct-after"), ("", "direct-unattributed")]


def test_multi_paragraph_quote(quotes_of):
    qs = quotes_of('Reed said: "The water came fast.\n\n"By dawn the ground floor was gone."')
    q, = qs
    assert q.quote == 'The water came fast.\n\n"By dawn the ground floor was gone.'
    assert q.speaker == "Reed"


def test_dash_sign_off(quotes_of):
    q, = quotes_of('"We lost everything and nobody has called us back." - Marie Dupont, resident')
    assert (q.rule, q.speaker) == ("direct-dash", "Marie Dupont")


def test_scare_quotes_and_titles_are_not_quotes(quotes_of):
    qs = quotes_of('The groups have said that their "Unity Front" will prevail. The report, '
                   'titled "Roads at Risk", lists ten bridges. The manifesto, "A Fresh Start", '
                   'promises free buses.')
    assert [q.kind for q in qs] == ["indirect"]
    assert qs[0].quote == 'their "Unity Front" will prevail'


def test_unattributed_quote_has_empty_speaker(quotes_of):
    q, = quotes_of('"Nobody here has seen a flood like this before in living memory."')
    assert (q.speaker, q.speaker_actor, q.rule) == ("", "", "direct-unattributed")
    assert q.speaker_start is None


def test_bad_input_never_raises(quotes_of, parse):
    long_quote = '"' + " ".join(["The levee held for another night."] * 200)
    texts = ['"', '""', '" " "', 'He said "', '"Nested "inner" quote," she said.',
             long_quote, 'x ” y “ z " w', "”Backwards“ quotes, she said."]
    for text in texts:
        quotes_of(text)
    assert extract_quotes(parse("")) == []


# -- speakers ----------------------------------------------------------------------

def test_pronoun_resolved_to_previous_speaker(quotes_of):
    qs = quotes_of("Hospital officials said 20 patients had been moved. Dozens more were "
                   "waiting in corridors, they said.")
    q = qs[1]
    assert (q.speaker, q.source_text, q.resolved) == ("Hospital officials", "they", True)
    assert q.rule == "indirect-final+pronoun"


def test_pronoun_prefers_subject_of_previous_sentence(quotes_of):
    qs = quotes_of('Ana Ruiz said the vote was fair. Her rival, Jorge Pinto, dismissed the '
                   'polls. "Only election day matters," he told a newspaper.')
    assert qs[-1].speaker == "Her rival, Jorge Pinto"


def test_pronoun_ignores_names_inside_the_quote(quotes_of):
    qs = quotes_of('Luca Bianchi said he had other offers. "When Westfield called, I did not '
                   'need long," he told the club website.')
    assert qs[-1].speaker == "Luca Bianchi"


def test_unresolvable_pronoun_keeps_the_pronoun(quotes_of):
    q, = quotes_of("They said the road was closed.")
    assert (q.speaker, q.resolved) == ("They", False)


def test_speaker_span_cut_before_apposition_and_relative_clause(quotes_of):
    qs = quotes_of("Tom Ruiz, who voted against the plan, argued that it was too costly. "
                   "A spokesman for the port authority said ships were delayed.")
    assert [q.speaker for q in qs] == ["Tom Ruiz", "A spokesman for the port authority"]


def test_speaker_linked_to_actor_by_overlap_and_alias(parse):
    text = ("Director Jane Roe said the clinic was full. The Harbour Trust said ships were "
            "delayed. The trust's chairman said fees would rise.")
    doc = parse(text)
    start = text.index("Jane Roe")
    roe = Actor(name="Jane Roe", type="PERSON",
                mentions=[Mention("Jane Roe", start, start + 8, 0)])
    trust = Actor(name="Harbour Trust", type="ORG", aliases=["the trust"])
    quotes = extract_quotes(doc, actors=[roe, trust])
    assert [(q.speaker, q.speaker_actor) for q in quotes] == [
        ("Director Jane Roe", "Jane Roe"), ("The Harbour Trust", "Harbour Trust"),
        ("The trust's chairman", "Harbour Trust")]


def test_headings_are_skipped(nlp):
    article = Article(id="h", paragraphs=[
        Paragraph('MAYOR SAYS "NO MORE DELAYS"', "heading"),
        Paragraph("The mayor said the works would finish in June.", "body")])
    doc = nlp(make_doc(article, nlp))
    quotes = extract_quotes(doc)
    assert [q.quote for q in quotes] == ["the works would finish in June"]
    assert quotes[0].sentence == 1


# -- tables --------------------------------------------------------------------------

def test_quotes_table_has_contract_columns(quotes_of):
    df = quotes_table(quotes_of('"We are ready," said Ann Lee. Officials said prices rose.'))
    assert tuple(df.columns) == TABLES["quotes"]
    assert list(df["kind"]) == ["direct", "indirect"]
    assert tuple(quotes_table([]).columns) == TABLES["quotes"]


def test_speaker_summary_counts_by_actor_then_speaker():
    def q(speaker, actor, kind):
        return Quote(speaker, actor, "said", "x", kind, 0, 0, 1, "r")
    df = speaker_summary([q("Ann Lee", "Ann Lee", "direct"), q("Lee", "Ann Lee", "indirect"),
                          q("officials", "", "indirect"), q("", "", "direct"),
                          q("the poll", "", "according_to")])
    assert list(df.columns) == ["source", "speaker_actor", "speaker", "direct", "indirect",
                                "according_to", "total"]
    first = df.iloc[0]
    assert (first.source, first.speaker, first.direct, first.indirect, first.total) == (
        "Ann Lee", "Ann Lee; Lee", 1, 1, 2)
    assert "(no speaker)" in set(df["source"])
    assert speaker_summary([]).empty


# -- the bundled article (demonstration, not specification) ---------------------------

def test_bundled_article_attributions(bundled_analysis):
    quotes = bundled_analysis.quote_list
    check_offsets(bundled_analysis.doc, quotes)
    by_speaker = {}
    for q in quotes:
        by_speaker.setdefault(q.speaker, []).append(q)
    for speaker in ("Hezbollah", "Gaza health officials", "Munir Al-Bursh", "U.S. officials",
                    "The Houthis", "Lebanese authorities", "The Israeli military",
                    "Director Jihad Saadeh", "Israel", "diplomats and other sources",
                    "State Department officials", "Washington",
                    "a senior State Department official", "Israeli tallies",
                    "the enclave's health authorities"):
        assert speaker in by_speaker, speaker
    assert [q.kind for q in by_speaker["Munir Al-Bursh"]] == ["direct"]
    assert by_speaker["Israeli tallies"][0].kind == "according_to"
    assert not any("Axis of Resistance" == q.quote for q in quotes)
    they = [q for q in quotes if q.source_text == "they"]
    assert they and they[0].speaker == "Gaza health officials"


def test_extraction_time_grows_linearly(parse):
    import time

    para = ('"We will rebuild," said Ana Ruiz, the mayor. Officials said 40 homes were lost. '
            "Dozens were damaged, they said, according to early counts.")
    small, big = parse("\n\n".join([para] * 20)), parse("\n\n".join([para] * 160))
    timings = []
    for doc in (small, big):
        start = time.process_time()
        quotes = extract_quotes(doc)
        timings.append(time.process_time() - start)
    assert len(quotes) >= 3 * 160
    assert timings[1] < 8 * timings[0] * 3 + 0.05  # 8x the text: well under quadratic


def test_according_to_under_a_noun_root_terminates(parse):
    # The parser makes a noun the root here; walking up its heads once looped forever.
    import signal

    def hang(*_):
        raise TimeoutError("quote extraction did not terminate")

    doc = parse("The problem, according to Mr Hale, is not continuing divisions over Peru, "
                "foundation schools or tuition fees, or even voter apathy, but Mr Grant himself.")
    assert [t.pos_ for t in doc if t.dep_ == "ROOT"] == ["NOUN"]
    old = signal.signal(signal.SIGALRM, hang)
    signal.alarm(20)
    try:
        quotes = extract_quotes(doc)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert [(q.kind, q.speaker) for q in quotes] == [("according_to", "Mr Hale")]


# -- antecedents found on demand -----------------------------------------------------

def test_antecedents_are_found_only_for_a_pronoun_speaker(parse, monkeypatch):
    import toolkit.quotes as quotes_mod

    calls = []
    found = quotes_mod._antecedents

    def counted(*args):
        calls.append(1)
        return found(*args)

    monkeypatch.setattr(quotes_mod, "_antecedents", counted)
    named = extract_quotes(parse('"The ferry leaves at noon," Captain Ines Ferro said.'))
    assert [q.speaker for q in named] == ["Captain Ines Ferro"] and not calls
    text = 'Captain Ines Ferro spoke first. "The ferry leaves at noon," she said.'
    pronoun = extract_quotes(parse(text))
    assert [(q.speaker, q.resolved) for q in pronoun] == [("Captain Ines Ferro", True)]
    assert calls == [1]


def test_candidate_features_are_read_on_first_use():
    from toolkit.quotes import _Candidate, _LazyCandidate

    built = []

    def build():
        built.append(1)
        return _Candidate("the crew", 4, 12, False, True, True, 2, gender="")

    lazy = _LazyCandidate("the crew", 4, 12, 2, build)
    other = _LazyCandidate("the mayor", 20, 29, 3, build)
    assert (lazy.start, lazy.end, lazy.sentence) == (4, 12, 2) and not built
    assert lazy != other and not built  # other places: unequal without reading features
    assert lazy.plural and lazy.name is False and built == [1]
    assert lazy == _Candidate("the crew", 4, 12, False, True, True, 2)
    assert type(lazy) is _Candidate
