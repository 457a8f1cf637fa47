"""Name boundaries on text no rule was written for: a party named by its
adjective before a title, a party word cut off a person's name. Each rule on
sentences written for the test (invented names), with the model's entities
set by hand where the model must not decide."""

from __future__ import annotations

from conftest import actor_rows, with_ents

rows = actor_rows


# --------------------------------------------------------------- parties before a title


def test_second_word_of_a_party_takes_in_the_first(parse):
    doc = with_ents(parse("Lib Dem leader Ann Brodie met Tom Ide in Oslo."),
                    ("Dem", 1, "NORP"), ("Ann", 2, "PERSON"), ("Tom", 2, "PERSON"),
                    ("Oslo", 1, "GPE"))
    assert ("Lib Dem", "ORG") in rows(doc)


def test_word_before_a_party_that_makes_no_party_stays_out(parse):
    doc = with_ents(parse("Harwick Democrat voters met Tom Ide in Oslo."),
                    ("Democrat", 1, "NORP"), ("Tom", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert not any(name.startswith("Harwick") for name, _ in rows(doc))


def test_party_before_a_tagged_title_and_person_is_recalled(parse):
    doc = with_ents(parse("Green MEP Ann Brodie welcomed the vote in Oslo."),
                    ("MEP", 3, "PERSON"), ("Oslo", 1, "GPE"))
    assert {("Green", "ORG"), ("Ann Brodie", "PERSON")} <= rows(doc)


def test_two_word_party_and_party_with_its_noun_are_recalled(parse):
    doc = with_ents(parse("Liberal Democrat spokesman Tom Ide and Labour Party chairman "
                          "Ann Brodie spoke in Oslo."),
                    ("Tom", 2, "PERSON"), ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert {("Liberal Democrat", "ORG"), ("Labour Party", "ORG")} <= rows(doc)


def test_party_word_as_a_surname_or_inside_a_name_is_not_recalled(parse):
    doc = with_ents(parse("Sir Tom Green, chairman of Velmar, said Young Conservative leader "
                          "Ann Brodie was wrong in Oslo."),
                    ("Tom", 2, "PERSON"), ("Velmar", 1, "ORG"), ("Ann", 2, "PERSON"),
                    ("Oslo", 1, "GPE"))
    found = rows(doc)
    assert ("Green", "ORG") not in found and ("Conservative", "ORG") not in found


def test_party_word_without_a_title_after_it_is_not_recalled(parse):
    doc = with_ents(parse("Conservative voters met Tom Ide in Oslo."),
                    ("Tom", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Conservative", "ORG") not in rows(doc)


def test_party_cut_off_a_person_stays_the_party(parse):
    doc = with_ents(parse("Crowds in Oslo cheered Republican Tom Ide."),
                    ("Oslo", 1, "GPE"), ("Republican", 3, "PERSON"))
    assert {("Republican", "ORG"), ("Tom Ide", "PERSON")} <= rows(doc)


# --------------------------------------------------------------- recall-mislabelled-speaker


def test_speakers_tagged_as_a_title_are_actors_each_one(parse):
    doc = with_ents(parse("The Harriers and Rovers say they will play. Lefroy said so in Oslo."),
                    ("The", 4, "WORK_OF_ART"), ("Lefroy", 1, "PRODUCT"), ("Oslo", 1, "GPE"))
    found = rows(doc)
    assert {("Harriers", "ORG"), ("Rovers", "ORG")} <= found
    assert any(name == "Lefroy" for name, _ in found)


def test_title_that_does_not_speak_is_not_recalled(parse):
    doc = with_ents(parse("Tom Ide praised Harrow Lane in Oslo."),
                    ("Tom", 2, "PERSON"), ("Harrow", 2, "WORK_OF_ART"), ("Oslo", 1, "GPE"))
    assert not any(name == "Harrow Lane" for name, _ in rows(doc))


# --------------------------------------------------------------- merge-name-head, a town


def test_town_stays_apart_from_an_organisation_named_after_it(parse):
    doc = with_ents(parse("Rain fell in Harrogate. The Harrogate Police Department said roads "
                          "in Harrogate were shut."),
                    ("Harrogate", 1, "GPE"), ("Harrogate", 3, "ORG"), ("Harrogate", 1, "GPE"))
    found = rows(doc)
    assert {("Harrogate", "GPE"), ("Harrogate Police Department", "ORG")} <= found


def test_short_form_of_a_company_still_joins_it(parse):
    doc = with_ents(parse("Velmar Corp said profits rose. Velmar also hired Tom Ide."),
                    ("Velmar", 2, "ORG"), ("Velmar", 1, "ORG"), ("Tom", 2, "PERSON"))
    assert ("Velmar Corp", "ORG") in rows(doc) and ("Velmar", "ORG") not in rows(doc)
