"""Actors the filters and the type evidence lost although the text names
them: a country whose name is also a common word before a title ("Turkey
Trade Minister Ann Lee"), and an organisation written as an acronym that
owns a programme ("the ARC's Morning programme"). Each rule on sentences written for
the test (invented names)."""

from __future__ import annotations

from conftest import actor_rows, counted_actor_rows, with_ents
from toolkit import actors as act

rows = actor_rows


# --------------------------------------------------------------- drop-title-fragment


def _ent(doc, word):
    i = next(t.i for t in doc if t.text == word)
    return next(e for e in doc.ents if e.start == i)


def test_a_country_before_a_title_is_no_title_fragment(parse):
    doc = with_ents(parse("Turkey Trade Minister Ola Brenn visited Oslo on Monday."),
                    ("Turkey", 1, "GPE"), ("Ola", 2, "PERSON"), ("Oslo", 1, "GPE"))
    sent = next(doc.sents)
    assert not act.drop_title_fragment(_ent(doc, "Turkey"), "GPE", sent)
    assert ("Turkey", "GPE") in rows(doc)


def test_common_words_before_a_title_are_still_a_title_fragment(parse):
    doc = with_ents(parse("The Regional Planning Adviser met Tove Ide in Oslo."),
                    ("Regional", 2, "ORG"), ("Tove", 2, "PERSON"), ("Oslo", 1, "GPE"))
    sent = next(doc.sents)
    assert act.drop_title_fragment(_ent(doc, "Regional"), "ORG", sent)
    assert not any(name == "Regional Planning" for name, _ in rows(doc))


# --------------------------------------------------------------- _title_possessive


def test_an_acronym_owns_its_programme(parse):
    doc = with_ents(parse("Ann Velk told the ARC's Morning programme that sales would rise."),
                    ("Ann", 2, "PERSON"), ("ARC", 1, "ORG"))
    assert not act._title_possessive(_ent(doc, "ARC"))
    assert ("ARC", "ORG") in rows(doc)


def test_everyday_words_before_a_possessive_title_are_still_a_title(parse):
    doc = with_ents(parse("Lost Boy's Song won a prize."), ("Lost", 2, "PERSON"))
    assert act._title_possessive(doc[0:2])


# --------------------------------------------------------------- split-at-initial-stop


def test_a_person_run_over_a_stop_after_an_initial_is_cut(parse):
    doc = with_ents(parse("Ruth Lind sang at the weddings of Ola Brenn and Tove Q. Besides Lind, "
                          "she leaves two sons."),
                    ("Ruth", 2, "PERSON"), ("Ola", 2, "PERSON"), ("Tove", 4, "PERSON"))
    sent = next(doc.sents)
    tove = next(e for e in doc.ents if e.text.startswith("Tove"))
    assert [e.text for e in act.split_at_initial_stop([tove], sent)] == ["Tove Q."]
    assert {("Tove Q", "PERSON", 1), ("Ruth Lind", "PERSON", 1)} <= counted_actor_rows(doc)
    assert ("Tove Q. Besides Lind", "PERSON") in rows(doc, disable={"split-at-initial-stop",
                                                                    "name-initial-no-period"})


def test_two_names_after_an_initial_and_a_stop_are_a_second_person(parse):
    doc = with_ents(parse("He starred in Arlo Q. Vena Morrow, his daughter, spoke."),
                    ("Arlo", 4, "PERSON"))
    sent = next(doc.sents)
    assert [e.text for e in act.split_at_initial_stop(list(doc.ents), sent)] == [
        "Arlo Q.", "Vena Morrow"]


def test_a_middle_initial_before_one_surname_stays_whole(parse):
    doc = with_ents(parse("Later Arlo Q. Morrow spoke in Oslo."), ("Arlo", 3, "PERSON"))
    sent = next(doc.sents)
    assert [e.text for e in act.split_at_initial_stop(list(doc.ents), sent)] == ["Arlo Q. Morrow"]


# --------------------------------------------------------------- name-initial-no-period


def test_a_name_ending_in_an_initial_drops_the_stop():
    assert act.name_initial_no_period("Arlo Q.") == "Arlo Q"
    assert act.name_initial_no_period("Arlo Q. Morrow") == "Arlo Q. Morrow"
    assert act.name_initial_no_period("U.S.") == "U.S."
    assert act.name_initial_no_period("Lane Bros.") == "Lane Bros."
