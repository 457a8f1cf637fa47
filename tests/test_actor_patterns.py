"""Patterns of the second round of actor rules, each on a sentence written for
the test (invented names), with the entities set by hand where the model must
not decide: works and products, speakers and places, clubs, parties and places
used as modifiers."""

from __future__ import annotations

from conftest import actor_rows, with_ents
from toolkit import actors as act

rows = actor_rows


def test_a_word_of_a_title_after_a_capitalised_preposition_is_no_actor(parse):
    doc = with_ents(parse("Crowds saw the film, Beyond the Harbour, in Oslo."),
                    ("Harbour", 1, "LOC"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_title_set_off_after_a_work_noun_is_no_actor(parse):
    doc = with_ents(parse("Her new album, Quiet Marlow, sold well in Oslo."),
                    ("Quiet", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_product_owned_by_a_company_is_no_actor_but_the_company_is(parse):
    doc = with_ents(parse("Brindle said Brindle's Lumo sold well in Oslo."),
                    ("Brindle", 1, "ORG"), ("Brindle", 1, "ORG"), ("Lumo", 1, "ORG"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Brindle", "ORG"), ("Oslo", "GPE")}


def test_a_company_that_speaks_is_kept_even_when_written_as_a_maker(parse):
    doc = with_ents(parse("Brindle said its sales rose. Shops sold the Brindle computer."),
                    ("Brindle", 1, "ORG"), ("Brindle", 1, "ORG"))
    assert rows(doc) == {("Brindle", "ORG")}


def test_a_quoted_it_does_not_make_the_speaker_an_organisation(parse):
    doc = with_ents(parse('Ann Brodie, of the Marsh League, said: "There is no doubt, it is over."'),
                    ("Ann", 2, "PERSON"), ("Marsh", 2, "ORG"))
    assert ("Ann Brodie", "PERSON") in rows(doc)


def test_a_state_that_speaks_stays_a_place(parse):
    doc = with_ents(parse("The Nordic Union said the harvest had failed."),
                    ("Nordic", 2, "GPE"))
    assert rows(doc) == {("Nordic Union", "GPE")}


def test_a_town_the_text_puts_people_in_stays_a_place_when_it_speaks(parse):
    doc = with_ents(parse("Fog closed roads in Brentel. Brentel said the roads were open again."),
                    ("Brentel", 1, "GPE"), ("Brentel", 1, "GPE"))
    assert rows(doc) == {("Brentel", "GPE")}


def test_a_team_with_a_score_or_a_match_verb_is_a_club(parse):
    doc = with_ents(parse("Harwick beat Dunmore 2-1 in Oslo."),
                    ("Harwick", 1, "GPE"), ("Dunmore", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Harwick", "ORG"), ("Dunmore", "ORG"), ("Oslo", "GPE")}


def test_a_country_team_stays_a_country(parse):
    doc = with_ents(parse("The Norway coach praised his players."), ("Norway", 1, "GPE"))
    assert rows(doc) == {("Norway", "GPE")}


def test_a_publication_spelt_like_a_place_is_an_organisation(parse):
    doc = with_ents(parse("He wrote for the Progressor magazine in Oslo."),
                    ("Progressor", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Progressor", "ORG"), ("Oslo", "GPE")}


def test_a_plural_nationality_that_acts_stays_a_group(parse):
    doc = with_ents(parse("The Velans announced a strike."), ("Velans", 1, "NORP"))
    assert rows(doc) == {("Velans", "NORP")}


def test_a_place_and_a_person_in_one_phrase_stay_apart(parse):
    doc = with_ents(parse("East Kentford landowner Ann Brodie sued. A Kentford man agreed."),
                    ("East", 2, "PERSON"), ("Ann", 2, "PERSON"), ("Kentford", 1, "PERSON"))
    assert rows(doc) == {("East Kentford", "GPE"), ("Kentford", "GPE"), ("Ann Brodie", "PERSON")}


def test_a_two_word_party_is_split_from_a_member_s_name(parse):
    doc = with_ents(parse("Lib Dem MP Ann Brodie said the bill was unfair."),
                    ("Lib", 5, "PERSON"))
    assert rows(doc) == {("Lib Dem", "ORG"), ("Ann Brodie", "PERSON")}


def test_a_company_named_alone_elsewhere_is_not_joined_to_the_next(parse):
    doc = with_ents(parse("Lake Tele grew. He said Lake Tele and Cable Co cut prices."),
                    ("Lake", 2, "ORG"), ("Lake", 2, "ORG"), ("Cable", 2, "ORG"))
    assert rows(doc) == {("Lake Tele", "ORG"), ("Cable Co", "ORG")}


def test_source_says_whether_the_model_or_a_recall_rule_found_the_actor(parse):
    doc = with_ents(parse("Prices rose in Oslo. Brindlewood said it would cut jobs."),
                    ("Oslo", 1, "GPE"))
    table = act.actors_table(act.extract_actors(doc))
    assert dict(zip(table.actor, table.source, strict=True)) == {
        "Oslo": "model", "Brindlewood": "recall-speaker"}


def test_a_capital_that_speaks_is_its_government(parse):
    doc = with_ents(parse("Washington said it wants the talks to go on."), ("Washington", 1, "GPE"))
    assert rows(doc) == {("Washington", "GPE")}


def test_a_name_capitalised_like_a_title_is_no_actor(parse):
    doc = with_ents(parse("Meet The Brannocks topped the box office in Oslo."),
                    ("Meet", 3, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_company_with_a_single_capital_letter_is_kept(parse):
    doc = with_ents(parse("Vell Group A said profits rose."), ("Vell", 3, "ORG"))
    assert rows(doc) == {("Vell Group A", "ORG")}


def test_a_country_s_department_stays_one_name(parse):
    doc = with_ents(parse("The Norway Department of Fisheries said catches fell."),
                    ("Norway", 4, "ORG"))
    assert rows(doc) == {("Norway Department of Fisheries", "ORG")}


def test_a_name_after_a_preposition_opening_a_quoted_sentence_is_kept(parse):
    doc = parse('"Without Tom Brannock the town would have given up," she said.')
    assert ("Tom Brannock", "PERSON") in rows(doc)
