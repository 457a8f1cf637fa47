"""Patterns of the third round of actor rules: general evidence (word lists of
given names and places, plural verbs, works named as such), each on a sentence
written for the test (invented names), with the entities set by hand where the
model must not decide."""

from __future__ import annotations

from conftest import actor_rows, with_ents
from toolkit import actors as act
from toolkit import lexicon

rows = actor_rows


def test_the_word_lists_load_with_their_sources_named():
    assert {"paul", "martha", "ann"} <= lexicon.given_names()
    assert {"kettering", "lancashire", "ohio", "europe", "ulster"} <= lexicon.place_names()
    for name in ("given_names.txt", "places.txt"):
        head = (lexicon.DATA / name).read_text(encoding="utf-8").splitlines()[:6]
        assert any("licence" in line.lower() for line in head)
        assert any("scripts/build_name_lists.py" in line for line in
                   (lexicon.DATA / name).read_text(encoding="utf-8").splitlines()[:10])


def test_ambiguous_places_are_left_out_of_the_place_list():
    places = lexicon.place_names()
    assert "jackson" not in places  # a common surname
    assert "reading" not in places  # an everyday word
    assert "florence" not in places  # a common given name
    assert "london" in places  # a city of over a million keeps its name


def test_a_given_name_first_makes_a_person_however_the_surname_voted(parse):
    doc = with_ents(parse("Paul Rowe spoke in Oslo. Rowe said costs rose. Rowe said they fell."),
                    ("Paul", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Rowe", 1, "GPE"),
                    ("Rowe", 1, "GPE"))
    assert rows(doc) == {("Paul Rowe", "PERSON"), ("Oslo", "GPE")}


def test_a_given_name_before_an_everyday_word_is_no_person_by_itself():
    assert act._given_name_first("martha quillfeather")
    assert not act._given_name_first("joy station")
    assert not act._given_name_first("grace bank")


def test_a_name_with_a_plural_verb_is_a_group(parse):
    doc = with_ents(parse("Velvetine have been linked with a new label in Oslo."),
                    ("Velvetine", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Velvetine", "ORG"), ("Oslo", "GPE")}


def test_the_first_of_a_list_of_people_with_a_plural_verb_stays_a_person(parse):
    doc = with_ents(parse("Nia Brannock, Tom Ide and Ann Lee have been rested in Oslo."),
                    ("Nia", 2, "PERSON"), ("Tom", 2, "PERSON"), ("Ann", 2, "PERSON"),
                    ("Oslo", 1, "GPE"))
    assert ("Nia Brannock", "PERSON") in rows(doc)


def test_a_town_read_as_a_person_is_a_place_without_person_cues(parse):
    doc = with_ents(parse("Jobs will move to Kettering and Oslo."),
                    ("Kettering", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Kettering", "GPE"), ("Oslo", "GPE")}


def test_a_place_name_with_an_honorific_stays_a_person(parse):
    doc = with_ents(parse("Mr Kettering said prices rose in Oslo."),
                    ("Kettering", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Kettering", "PERSON") in rows(doc)


def test_every_item_of_a_list_of_works_is_no_actor(parse):
    doc = with_ents(parse("She made TV shows such as Harbour Lights, Marlow and Dunmore in Oslo."),
                    ("Harbour", 2, "ORG"), ("Marlow", 1, "PERSON"), ("Dunmore", 1, "PERSON"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_what_film_credits_include_are_works(parse):
    doc = with_ents(parse("Her film roles include Grey Tide and Marlow, shot in Oslo."),
                    ("Grey", 2, "ORG"), ("Marlow", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Grey Tide", "ORG") not in rows(doc) and ("Marlow", "PERSON") not in rows(doc)


def test_a_name_said_to_be_a_work_is_no_actor(parse):
    doc = with_ents(parse("Grey Tide was a fine film. Critics in Oslo loved it."),
                    ("Grey", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("Grey Tide, her first novel, sold well in Oslo."),
                    ("Grey", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_one_stray_title_tag_does_not_hide_a_person(parse):
    doc = with_ents(parse("Nia Brannock won in Oslo. Nia said it was hard. Nia smiled. Nia left."),
                    ("Nia", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Nia", 1, "PERSON"),
                    ("Nia", 1, "WORK_OF_ART"), ("Nia", 1, "PERSON"))
    assert ("Nia Brannock", "PERSON") in rows(doc)


def test_an_organisation_noun_in_apposition_after_a_name_makes_an_organisation(parse):
    doc = with_ents(parse("Fans of Harwick Rovers, the city's oldest rugby club, met in Oslo."),
                    ("Harwick", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Harwick Rovers", "ORG") in rows(doc)


def test_a_family_noun_before_a_name_makes_a_person(parse):
    doc = with_ents(parse("She spoke of her sister Tamsin Hollow in Oslo."),
                    ("Tamsin", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Tamsin Hollow", "PERSON") in rows(doc)


def test_a_regional_parliament_title_is_cut_from_the_name(parse):
    doc = with_ents(parse("MSP Nia Brannock asked shops in Oslo to close."),
                    ("MSP", 3, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Nia Brannock", "PERSON") in rows(doc)


def test_a_sentence_initial_word_the_text_also_writes_in_lower_case_is_no_name(parse):
    doc = with_ents(parse("Wayfarer permits are rare in Oslo. A wayfarer permit costs a lot."),
                    ("Wayfarer", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_sentence_initial_plural_common_noun_is_no_name(parse):
    doc = with_ents(parse("Shortfalls in Oslo could hurt exports."),
                    ("Shortfalls", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_common_word_that_opens_two_sentences_and_modifies_a_noun_is_no_name(parse):
    doc = with_ents(parse("Online ticket sales rose in Oslo. Online sales now count."),
                    ("Online", 1, "ORG"), ("Oslo", 1, "GPE"), ("Online", 1, "ORG"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_name_the_text_also_writes_inside_a_sentence_is_kept(parse):
    doc = with_ents(parse("Brindle shares rose in Oslo. Investors like Brindle."),
                    ("Brindle", 1, "ORG"), ("Oslo", 1, "GPE"), ("Brindle", 1, "ORG"))
    assert ("Brindle", "ORG") in rows(doc)


def test_a_nationality_in_a_list_of_adjectives_or_as_a_predicate_is_no_actor(parse):
    doc = with_ents(parse("Dutch and Danish clubs met in Oslo. Most of the firms are Danish."),
                    ("Dutch", 1, "NORP"), ("Danish", 1, "NORP"), ("Oslo", 1, "GPE"),
                    ("Danish", 1, "NORP"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_name_whose_clause_goes_on_with_its_is_an_organisation(parse):
    doc = with_ents(parse("Velmont Brakspeare has closed its oldest factory in Oslo."),
                    ("Velmont", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Velmont Brakspeare", "ORG") in rows(doc)


def test_a_speaker_who_mentions_its_sales_stays_a_person(parse):
    doc = with_ents(parse("Ann Lee said its sales rose in Oslo."),
                    ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Ann Lee", "PERSON") in rows(doc)


def test_a_name_coordinated_with_an_organisation_noun_is_an_organisation(parse):
    doc = with_ents(parse("The rugby club and twice winner Velmont Brakspeare lost money in Oslo."),
                    ("Velmont", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Velmont Brakspeare", "ORG") in rows(doc)


def test_an_untagged_repeat_with_a_plural_verb_makes_the_name_a_group(parse):
    doc = with_ents(parse("Fans in Oslo love Marlow Vance. Marlow Vance were signed by a label."),
                    ("Oslo", 1, "GPE"), ("Marlow", 2, "PERSON"))
    assert ("Marlow Vance", "ORG") in rows(doc)
    assert ("Marlow Vance", "PERSON") in rows(doc, disable={"recall-repeats"})


def test_names_listed_after_an_organisation_noun_are_organisations(parse):
    doc = with_ents(parse("He likes bands such as Grey Lanterns and Velvetine, who play in Oslo."),
                    ("Grey", 2, "PERSON"), ("Velvetine", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert {("Grey Lanterns", "ORG"), ("Velvetine", "ORG")} <= rows(doc)


def test_an_untagged_name_between_the_and_an_organisation_noun_is_recalled(parse):
    doc = with_ents(parse("The Friends Beyond Walls group said prisons in Oslo were full."),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Friends Beyond Walls", "ORG"), ("Oslo", "GPE")}


def test_an_organisation_before_a_title_is_kept(parse):
    doc = with_ents(parse("Federal Grain Board Governor Ann Lee spoke in Oslo."),
                    ("Federal", 3, "ORG"), ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Federal Grain Board", "ORG") in rows(doc)


def test_a_leading_adverb_is_cut_from_a_name(parse):
    doc = with_ents(parse("Nevertheless Grey Lanterns played in Oslo."),
                    ("Nevertheless", 3, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Grey Lanterns", "ORG") in rows(doc)


def test_a_short_name_defined_in_brackets_joins_the_full_name(parse):
    doc = with_ents(parse("The Nordic Coal Cooperative (Norcol) met in Oslo. Norcol said prices fell."),
                    ("Nordic", 3, "ORG"), ("Norcol", 1, "PERSON"), ("Oslo", 1, "GPE"),
                    ("Norcol", 1, "PERSON"))
    assert ("Nordic Coal Cooperative", "ORG") in rows(doc)
    assert not any(name == "Norcol" for name, _ in rows(doc))


def test_a_capitalised_person_noun_before_a_name_is_cut_off(parse):
    doc = with_ents(parse("Novelist Ann Brodie is tipped to win in Oslo."),
                    ("Novelist", 3, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Ann Brodie", "PERSON") in rows(doc)


def test_what_a_work_noun_is_said_to_be_is_a_work(parse):
    doc = with_ents(parse("The last film on the list is Harrow, a story set in Oslo."),
                    ("Harrow", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_name_before_a_plural_work_noun_after_the_is_a_series(parse):
    doc = with_ents(parse("The Oslo company made the Tam Brodie games."),
                    ("Oslo", 1, "GPE"), ("Tam", 2, "PERSON"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_verb_spelt_like_a_work_noun_makes_no_title(parse):
    doc = with_ents(parse("Fans in Oslo cheered when they play Harwick on Sunday."),
                    ("Oslo", 1, "GPE"), ("Harwick", 1, "ORG"))
    assert ("Harwick", "ORG") in rows(doc)


def test_a_one_word_name_the_text_reads_as_a_team_is_a_club_however_tagged(parse):
    doc = with_ents(parse("Fans in Oslo expect Harwick to beat Dunmore."),
                    ("Oslo", 1, "GPE"), ("Harwick", 1, "PERSON"), ("Dunmore", 1, "PERSON"))
    assert {("Harwick", "ORG"), ("Dunmore", "ORG")} <= rows(doc)


def test_a_person_named_in_full_who_beats_someone_stays_a_person(parse):
    doc = with_ents(parse("Ann Brodie beat Tam Lee in Oslo."),
                    ("Ann", 2, "PERSON"), ("Tam", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert {("Ann Brodie", "PERSON"), ("Tam Lee", "PERSON")} <= rows(doc)


def test_the_states_is_the_united_states(parse):
    doc = with_ents(parse("The album sold well in the States and in Oslo."),
                    ("States", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("United States", "GPE"), ("Oslo", "GPE")}


def test_a_speaker_recalled_is_never_the_first_word_of_a_longer_name(parse):
    doc = with_ents(parse("Union of Harbour Pilots president Tam Lee said fees in Oslo rose."),
                    ("Tam", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert not any(name == "Union" for name, _ in rows(doc))


def test_a_ministry_named_by_a_list_of_portfolios_stays_whole(parse):
    doc = with_ents(parse("Jobs at the Ministry of Farming, Fisheries and Food in Oslo will go."),
                    ("Ministry", 7, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Ministry of Farming, Fisheries and Food", "ORG"), ("Oslo", "GPE")}


def test_a_common_word_and_a_union_cut_apart_are_one_organisation(parse):
    doc = with_ents(parse("Tam Lee, leader of the Civil and Harbour Services Union, spoke in Oslo."),
                    ("Tam", 2, "PERSON"), ("Civil", 1, "ORG"), ("Harbour", 3, "ORG"),
                    ("Oslo", 1, "GPE"))
    assert ("Civil and Harbour Services Union", "ORG") in rows(doc)


def test_a_country_acronym_that_opens_a_sentence_is_kept(parse):
    doc = with_ents(parse("UK shoe maker Brindle Group said sales rose in Oslo."),
                    ("UK", 1, "GPE"), ("Brindle", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert ("United Kingdom", "GPE") in rows(doc)


def test_a_surname_read_as_a_speaking_place_stays_the_persons(parse):
    doc = with_ents(parse("Chairman Tove-Lin Brakspeare spoke in Oslo. Brakspeare said sales rose. "
                          "Brakspeare said costs fell."),
                    ("Tove", 4, "PERSON"), ("Oslo", 1, "GPE"), ("Brakspeare", 1, "GPE"),
                    ("Brakspeare", 1, "GPE"))
    assert ("Tove-Lin Brakspeare", "PERSON") in rows(doc)


def test_a_date_glued_to_a_name_is_cut_off(parse):
    doc = with_ents(parse("He spoke to the Harbour Board on Thursday in Oslo."),
                    ("Harbour", 4, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Harbour Board", "ORG") in rows(doc)


def test_a_sentence_initial_verb_form_is_no_name(parse):
    doc = with_ents(parse("Grappling with debts, the city of Oslo cut jobs."),
                    ("Grappling", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_brand_is_no_actor(parse):
    doc = with_ents(parse("Brindle sold its Lumo brand in Oslo."),
                    ("Brindle", 1, "ORG"), ("Lumo", 1, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Brindle", "ORG"), ("Oslo", "GPE")}


def test_a_company_named_twice_around_an_ampersand_stays_whole(parse):
    doc = with_ents(parse("Bidders include Brindle & Brindle, based in Oslo."),
                    ("Brindle", 3, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Brindle & Brindle", "ORG") in rows(doc)


def test_an_acronym_made_of_word_beginnings_joins_the_full_name(parse):
    doc = with_ents(parse("The Oslo Mercantile Exchange grew. OSMEX said volume rose in Oslo."),
                    ("Oslo", 3, "ORG"), ("OSMEX", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Oslo Mercantile Exchange", "ORG") in rows(doc)
    assert not any(name == "OSMEX" for name, _ in rows(doc))
    assert act._spelled_by_prefixes("ft", "financial times")


def test_a_possessive_inside_a_name_does_not_make_it_a_product(parse):
    doc = with_ents(parse("In Oslo the Drivers' Road Lobby blocked traffic."),
                    ("Oslo", 1, "GPE"), ("Drivers", 4, "ORG"))
    assert ("Drivers' Road Lobby", "ORG") in rows(doc)


def test_a_council_of_something_is_an_organisation(parse):
    doc = with_ents(parse("NORDA, the Council of Nordic Harbour Registries, agrees with Oslo."),
                    ("NORDA", 1, "PERSON"), ("Council", 5, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Council of Nordic Harbour Registries", "ORG") in rows(doc)


def test_a_plural_person_noun_before_a_list_of_names_makes_people(parse):
    doc = with_ents(parse("The cast includes actresses Tamsin Hollow and Ann Brodie from Oslo."),
                    ("Tamsin", 2, "ORG"), ("Ann", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Tamsin Hollow", "PERSON") in rows(doc)


def test_a_plural_person_noun_before_one_name_is_a_firm_of_them(parse):
    doc = with_ents(parse("Sales rose in Oslo, said city analysts Chartwell."),
                    ("Oslo", 1, "GPE"), ("Chartwell", 1, "ORG"))
    assert ("Chartwell", "ORG") in rows(doc)


def test_a_title_before_its_creator_is_a_work(parse):
    doc = with_ents(parse("The panel in Oslo is led by Cold River director Tam Roe."),
                    ("Oslo", 1, "GPE"), ("Cold", 2, "ORG"), ("Tam", 2, "PERSON"))
    assert rows(doc) == {("Oslo", "GPE"), ("Tam Roe", "PERSON")}


def test_a_company_before_its_director_stays_a_company(parse):
    doc = with_ents(parse("The panel in Oslo is led by Brindlecorp director Tam Roe."),
                    ("Oslo", 1, "GPE"), ("Brindlecorp", 1, "ORG"), ("Tam", 2, "PERSON"))
    assert ("Brindlecorp", "ORG") in rows(doc)


def test_a_given_name_first_tagged_org_but_called_his_is_a_person(parse):
    doc = with_ents(parse("Stan Brakspeare scored in Oslo. Stan Brakspeare got his second."),
                    ("Stan", 2, "ORG"), ("Oslo", 1, "GPE"), ("Stan", 2, "ORG"))
    assert ("Stan Brakspeare", "PERSON") in rows(doc)


def test_a_given_name_first_tagged_org_among_people_is_a_person(parse):
    doc = with_ents(parse("Nominees include Ann Lee, Tam Roe and Eve Hartwell from Oslo."),
                    ("Ann", 2, "PERSON"), ("Tam", 2, "PERSON"), ("Eve", 2, "ORG"),
                    ("Oslo", 1, "GPE"))
    assert ("Eve Hartwell", "PERSON") in rows(doc)


def test_the_name_after_a_drama_noun_is_a_work(parse):
    doc = with_ents(parse("The period drama Grey Tide was shot in Oslo."),
                    ("Grey", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_company_and_co_with_a_possessive_is_one_company(parse):
    doc = with_ents(parse("Brindle said Tam Hollis and Co's new drug sold well in Oslo."),
                    ("Brindle", 1, "ORG"), ("Tam", 2, "ORG"), ("Co", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Tam Hollis and Co", "ORG") in rows(doc)


def test_a_party_whose_first_word_is_also_a_town_stays_one_party(parse):
    doc = with_ents(parse("The Liberal Democrat leader spoke in Oslo."),
                    ("Liberal", 2, "NORP"), ("Oslo", 1, "GPE"))
    assert "liberal" in lexicon.place_names()  # a town's name too: the trap
    assert ("Liberal Democrat", "ORG") in rows(doc)
    assert ("Liberal", "GPE") not in rows(doc)
