"""The parse helpers the figures rules share: the object of a preposition and the
event a verb names (one helper each, with options where the rules differ)."""

from __future__ import annotations

import pytest

from toolkit.figures import _pobj, _prep_object, _verb_event
from toolkit.lexicon import MONEY_EVENT_PREPOSITIONS, TIME_NOUNS


@pytest.fixture(scope="module")
def doc(nlp):
    return lambda text: nlp(text)


def _word(d, text):
    return next(t for t in d if t.text == text)


def test_pobj_takes_the_first_object_of_the_part_of_speech_asked(doc):
    d = doc("The clinic was sued by a former nurse for negligence.")
    assert _pobj(_word(d, "by"), pos=None).text == "nurse"
    assert _pobj(_word(d, "for")).text == "negligence"
    assert _pobj(_word(d, "for"), pos=("PROPN",)) is None
    assert _pobj(_word(d, "for"), accept=lambda o: o.lower_ != "negligence") is None


def test_prep_object_stops_at_the_first_preposition_unless_told_to_go_on(doc):
    d = doc("Dozens of them of all ages waited outside.")
    dozens = _word(d, "Dozens")
    assert _prep_object(dozens) is None  # the first "of" holds a pronoun only
    assert _prep_object(dozens, pos=("NOUN", "PROPN", "PRON")).text == "them"
    assert _prep_object(dozens, first_only=False).text == "ages"


def _not_time(tok):
    return tok.ent_type_ not in ("DATE", "TIME") and tok.lemma_ not in TIME_NOUNS


def test_prep_object_passes_over_an_object_it_does_not_accept(doc):
    d = doc("Sales showed a sharp rise in March in every region.")
    rise = _word(d, "rise")
    not_time = _not_time
    assert _prep_object(rise, preps=("in",), accept=not_time) is None
    found = _prep_object(rise, preps=("in",), accept=not_time, first_only=False)
    assert found.text == "region"
    assert _prep_object(rise, preps=("of",)) is None


def test_verb_event_writes_the_participle_and_a_short_phrase_after_the_count(doc):
    d = doc("The floods drove 300 families from their homes.")
    assert _verb_event(_word(d, "drove"), 4, participle=True) == "driven from their homes"
    assert _verb_event(_word(d, "drove"), 4) == "drove from their homes"
    assert _verb_event(_word(d, "drove"), 7, participle=True) == "driven"  # nothing after


def test_verb_event_shortens_a_long_phrase_only_when_asked(doc):
    d = doc("The floods drove 300 families from their homes near the old river bank in 1987.")
    drove = _word(d, "drove")
    assert _verb_event(drove, 4, participle=True) == "driven"
    assert _verb_event(drove, 4, participle=True, shorten=True) == "driven from homes"


def test_verb_event_of_money_reads_the_amounts_prepositions_from_a_list(doc):
    d = doc("The ferryman earned 4,000 pounds for the crossings.")
    earned, pounds = _word(d, "earned"), _word(d, "pounds")
    assert _verb_event(earned, pounds.i, also=pounds) == "earned"  # "for": no event by default
    assert _verb_event(earned, pounds.i, preps=MONEY_EVENT_PREPOSITIONS) == "earned"
    assert _verb_event(earned, pounds.i, preps=MONEY_EVENT_PREPOSITIONS,
                       also=pounds) == "earned for the crossings"


def test_verb_event_keeps_particles_outside_the_skipped_qualifier(doc):
    d = doc("The mill picked up 900 workers.")
    picked, up = _word(d, "picked"), _word(d, "up")
    assert _verb_event(picked, 5) == "picked up"
    assert _verb_event(picked, 5, skip={up.i}) == "picked"


def test_a_particle_before_to_stays_in_a_counted_event_but_a_qualifiers_goes(parse):
    from toolkit.figures import extract_figures

    counted = extract_figures(parse("About 300 families moved out to the hills after the flood."))
    assert [(f.text, f.what) for f in counted] == [
        ("About 300", "families moved out to the hills")]
    paid = extract_figures(parse("The firm was earning up to £5m a year from the mill."))
    assert [(f.text, f.what) for f in paid] == [("up to £5m", "earning from the mill")]


def test_money_event_keeps_a_particle_before_to_unless_it_is_the_qualifier(nlp):
    from toolkit.figures import extract_figures

    def what(text):
        return [(f.text, f.what) for f in extract_figures(nlp(text))]

    # "over" is the verb's own particle: the event is "handed over" (the
    # money rule once dropped every particle followed by "to").
    assert what("The firm handed over to the council £5m for the repairs.") == [
        ("£5m", "handed over for the repairs")]
    # "up to" is the amount's qualifier: neither word is part of the event.
    assert what("The ferryman was earning up to £5,000 for the crossings.") == [
        ("up to £5,000", "earning for the crossings")]
