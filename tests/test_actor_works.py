"""Works and products are no actors: titles of films, shows and games, and made
things, named like people or companies; the people who star in them and the
companies that make them stay. Each case is a sentence written for the test
(invented names), with the entities set by hand where the model must not
decide."""

from __future__ import annotations

from spacy.tokens import Span

from conftest import actor_rows, with_ents

rows = actor_rows


def test_a_name_after_a_part_or_copy_of_a_work_is_a_title(parse):
    doc = with_ents(parse("Two new episodes of Harrow Lane will be shown in Oslo."),
                    ("Harrow", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("The game is the sequel to Harrow Lane and sold well in Oslo."),
                    ("Harrow", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    assert rows(doc, disable={"type-work-unopposed"}) == {("Harrow Lane", "ORG"), ("Oslo", "GPE")}


def test_copies_of_a_newspaper_are_no_title(parse):
    doc = with_ents(parse("He bought three copies of the Courier in Oslo."),
                    ("Courier", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Courier", "ORG"), ("Oslo", "GPE")}


def test_what_a_person_stars_in_is_a_work_and_the_star_a_person(parse):
    doc = with_ents(parse("Tove Brakspeare will star in Harrow Lane, a drama set in Oslo."),
                    ("Tove", 2, "ORG"), ("Harrow", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Tove Brakspeare", "PERSON"), ("Oslo", "GPE")}
    assert rows(doc, disable={"vote-stars", "type-given-name-unopposed"}) == {
        ("Tove Brakspeare", "ORG"), ("Oslo", "GPE")}
    doc = with_ents(parse("Her role in Harrow Lane won praise in Oslo."),
                    ("Harrow", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("Critics in Oslo praised Harrow Lane, starring Tove Brakspeare."),
                    ("Oslo", 1, "GPE"), ("Harrow", 2, "PERSON"), ("Tove", 2, "ORG"))
    assert rows(doc) == {("Tove Brakspeare", "PERSON"), ("Oslo", "GPE")}


def test_a_role_in_a_known_place_keeps_the_place(parse):
    doc = with_ents(parse("Her role in Kettering won praise from Ann Brodie."),
                    ("Kettering", 1, "GPE"), ("Ann", 2, "PERSON"))
    assert rows(doc) == {("Kettering", "GPE"), ("Ann Brodie", "PERSON")}


def test_a_persons_named_thing_is_a_work_unless_it_names_a_person_or_party(parse):
    doc = with_ents(parse("Critics in Oslo praised Tove Brakspeare's Harrow Lane."),
                    ("Oslo", 1, "GPE"), ("Tove", 2, "PERSON"), ("Harrow", 2, "PERSON"))
    assert rows(doc) == {("Tove Brakspeare", "PERSON"), ("Oslo", "GPE")}
    doc = with_ents(parse("Critics in Oslo praised Tove Brakspeare's Paul Rowe."),
                    ("Oslo", 1, "GPE"), ("Tove", 2, "PERSON"), ("Paul", 2, "PERSON"))
    assert ("Paul Rowe", "PERSON") in rows(doc)


def test_a_name_listed_with_a_work_is_a_work(parse):
    doc = with_ents(parse("Viewers in Oslo will see new episodes of Harrow Lane and the final "
                          "Glass Harbour."),
                    ("Oslo", 1, "GPE"), ("Harrow", 2, "ORG"), ("Glass", 2, "PERSON"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_title_said_to_be_a_work_where_the_model_missed_it_counts(parse):
    doc = parse("Harrow Lane, a new drama, opens in Oslo. Viewers loved Harrow Lane.")
    second = [t.i for t in doc if t.text == "Harrow"][1]  # the model tags only the second
    oslo = next(t.i for t in doc if t.text == "Oslo")
    doc.ents = [Span(doc, oslo, oslo + 1, label="GPE"),
                Span(doc, second, second + 2, label="PERSON")]
    assert rows(doc) == {("Oslo", "GPE")}
    assert rows(doc, disable={"type-work-unopposed"}) == {("Harrow Lane", "PERSON"), ("Oslo", "GPE")}


def test_a_name_that_acts_is_kept_whatever_the_work_context(parse):
    doc = with_ents(parse("Harrow Lane will star in a film in Oslo. Harrow Lane said she was "
                          "delighted."),
                    ("Harrow", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Harrow", 2, "PERSON"))
    assert ("Harrow Lane", "PERSON") in rows(doc)


def test_a_name_used_as_a_kind_of_product_is_no_actor(parse):
    doc = with_ents(parse("Sales of Lumo games rose in Oslo."), ("Lumo", 1, "ORG"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    assert rows(doc, disable={"type-product-use"}) == {("Lumo", "ORG"), ("Oslo", "GPE")}
    doc = with_ents(parse("Lumo and MP3 players sold well in Oslo."), ("Lumo", 1, "ORG"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_the_maker_and_a_place_named_with_products_stay(parse):
    doc = with_ents(parse("The console was developed by Brindle in Oslo. Brindle games sold well."),
                    ("Brindle", 1, "ORG"), ("Oslo", 1, "GPE"), ("Brindle", 1, "ORG"))
    assert rows(doc) == {("Brindle", "ORG"), ("Oslo", "GPE")}
    doc = with_ents(parse("The majority of Kent players stayed in Oslo."), ("Kent", 1, "GPE"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Kent", "GPE"), ("Oslo", "GPE")}


def test_a_work_noun_before_a_titles_own_article_marks_the_title(parse):
    doc = with_ents(parse("He played the lead in the new biopic The Glass Harbour in Oslo."),
                    ("Glass", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_list_hanging_off_a_work_noun_by_of_is_a_list_of_works(parse):
    doc = with_ents(parse("She has made many of the best games of the last ten years such as "
                          "Lumo and Harrow Lane."), ("Lumo", 1, "GPE"), ("Harrow", 2, "PERSON"))
    assert rows(doc) == set()


def test_a_title_owned_by_an_untagged_name_is_a_work(parse):
    doc = with_ents(parse("Fans in Oslo bought Bluefrost's Glass Harbour."),
                    ("Oslo", 1, "GPE"), ("Glass", 2, "PERSON"))  # "Bluefrost" untagged
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_film_named_after_its_heroine_and_never_read_as_a_person_is_a_film(parse):
    text = "Two new episodes of Vera Lund were shown in Oslo."
    doc = with_ents(parse(text), ("Vera", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse(text), ("Vera", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Vera Lund", "PERSON"), ("Oslo", "GPE")}  # a person's, once


def test_one_of_a_kind_is_a_product_but_not_before_a_noun(parse):
    doc = with_ents(parse("Customers in Oslo who bought a Lumo were pleased."),
                    ("Oslo", 1, "GPE"), ("Lumo", 1, "ORG"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("A Kentford shot went wide in Oslo."),
                    ("Kentford", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Kentford", "ORG"), ("Oslo", "GPE")}


def test_a_name_of_everyday_words_also_written_in_lower_case_is_no_actor(parse):
    text = "Urban is a broad term in Oslo, and urban music is popular."
    doc = with_ents(parse(text), ("Urban", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    # the filter of sentence-start words written in lower case elsewhere drops it first
    assert rows(doc, disable={"drop-word-written-lowercase"}) == {("Oslo", "GPE")}
    assert rows(doc, disable={"type-everyday-words", "drop-word-written-lowercase"}) == {
        ("Urban", "ORG"), ("Oslo", "GPE")}


def test_everyday_words_that_name_an_actor_stay(parse):
    doc = with_ents(parse("Fans in Oslo cheered The Streets, and the streets were full."),
                    ("Oslo", 1, "GPE"), ("Streets", 1, "ORG"))
    assert rows(doc) == {("Oslo", "GPE"), ("Streets", "ORG")}  # a band's capital "The"
    doc = with_ents(parse("Shares fell on Wall Street in Oslo, where the wall by the street fell."),
                    ("Wall", 2, "LOC"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Wall Street", "FAC"), ("Oslo", "GPE")}  # a place word
    doc = with_ents(parse("Urban said in Oslo that urban music is popular."),
                    ("Urban", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Urban", "ORG"), ("Oslo", "GPE")}  # it speaks


def test_a_possessive_inside_a_title_of_everyday_words_is_no_owner(parse):
    doc = with_ents(parse("Critics in Oslo loved Old Town's Secret, a tale of two sisters."),
                    ("Oslo", 1, "GPE"), ("Old", 2, "PERSON"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("Fans in Oslo bought Bluefrost's New Song on Monday."),
                    ("Oslo", 1, "GPE"), ("Bluefrost", 1, "ORG"))
    assert rows(doc) == {("Bluefrost", "ORG"), ("Oslo", "GPE")}  # a band owns its song


def test_a_name_after_a_title_and_a_colon_is_its_subtitle(parse):
    doc = with_ents(parse("The best seller was Road Rage: Harrow Lane, which sold a million "
                          "copies in Oslo."), ("Harrow", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("Blair said: Harrow Lane is closed in Oslo."),
                    ("Blair", 1, "PERSON"), ("Harrow", 2, "FAC"), ("Oslo", 1, "GPE"))
    assert ("Harrow Lane", "FAC") in rows(doc)  # after a verb and a colon: a quote, no subtitle


def test_names_in_a_list_of_brands_are_products(parse):
    doc = with_ents(parse("Its other brands include Lumo soap, Vell cough medicine and Brindle "
                          "socks, sold in Oslo."),
                    ("Lumo", 1, "ORG"), ("Vell", 1, "ORG"), ("Brindle", 1, "PERSON"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_technology_noun_with_its_own_determiner_makes_a_standard(parse):
    doc = with_ents(parse("Brindle showed the latest, low-cost Lumo technology in Oslo."),
                    ("Brindle", 1, "ORG"), ("Lumo", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Brindle", "ORG"), ("Oslo", "GPE")}  # the maker acts


def test_a_maker_before_a_device_or_a_title_stays(parse):
    doc = with_ents(parse("The prize in Oslo went to the Lumo title, a racing game."),
                    ("Oslo", 1, "GPE"), ("Lumo", 1, "ORG"))
    assert ("Lumo", "ORG") in rows(doc)
    doc = with_ents(parse("Fans in Oslo saw the new, low-cost Lumo console."),
                    ("Oslo", 1, "GPE"), ("Lumo", 1, "ORG"))
    assert ("Lumo", "ORG") in rows(doc)


def test_an_organisation_is_not_judged_by_the_works_listed_with_it(parse):
    doc = with_ents(parse("She acted in Harrow Lane for the Oslo Playhouse, Glass Harbour and "
                          "Lumo."),
                    ("Harrow", 2, "WORK_OF_ART"), ("Oslo", 2, "ORG"), ("Glass", 2, "WORK_OF_ART"))
    assert ("Oslo Playhouse", "ORG") in rows(doc)


def test_a_name_modifying_technical_schemes_is_a_standard(parse):
    doc = with_ents(parse("Prices of Lumo schemes fell in Oslo."),
                    ("Lumo", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_party_or_a_title_after_a_possessive_keeps_the_owner(parse):
    doc = with_ents(parse("The panel in Oslo may bar Labour's Mr Osei from office."),
                    ("Oslo", 1, "GPE"), ("Labour", 1, "ORG"), ("Osei", 1, "PERSON"))
    assert ("Labour", "ORG") in rows(doc)
    doc = with_ents(parse("In Oslo, the Green Day's President Ann Brodie spoke."),
                    ("Oslo", 1, "GPE"), ("Green", 2, "ORG"), ("Ann", 2, "PERSON"))
    assert ("Green Day", "ORG") in rows(doc)


def _gone_only_with_the_rule(doc, name, label):
    """``name`` is no actor, and is one when type-work-unopposed is off."""
    assert name not in {n for n, _ in rows(doc)}
    assert (name, label) in rows(doc, disable={"type-work-unopposed"})


def test_the_tail_of_a_title_after_of_the_is_a_work(parse):
    doc = with_ents(parse("The effects used in Lord of the Harbours were praised in Oslo."),
                    ("Harbours", 1, "ORG"), ("Oslo", 1, "GPE"))
    _gone_only_with_the_rule(doc, "Harbours", "ORG")
    doc = with_ents(parse("The Secretary of the Fleet spoke in Oslo."),
                    ("Fleet", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Fleet", "ORG") in rows(doc)  # after an office, no title


def test_a_name_dated_by_a_single_year_in_brackets_is_a_work(parse):
    doc = with_ents(parse("Glass Harbour (1975) and Tarn (1979) followed in Oslo."),
                    ("Glass", 2, "PERSON"), ("Tarn", 1, "GPE"), ("Oslo", 1, "GPE"))
    _gone_only_with_the_rule(doc, "Glass Harbour", "PERSON")


def test_the_rest_of_a_title_tagged_in_part_is_a_work(parse):
    doc = with_ents(parse("He watched The World According to Brakspeare in Oslo."),
                    ("The", 2, "WORK_OF_ART"), ("Brakspeare", 1, "ORG"), ("Oslo", 1, "GPE"))
    _gone_only_with_the_rule(doc, "Brakspeare", "ORG")
    doc = with_ents(parse("He watched Pure Soap on Lumo Three in Oslo."),
                    ("Pure", 2, "WORK_OF_ART"), ("Lumo", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Lumo Three", "ORG") in rows(doc)  # the channel it is on


def test_a_name_ending_in_a_sequels_number_is_a_work_unless_an_organisation(parse):
    doc = with_ents(parse("Fans in Oslo queued for Harrow Lane 2 on Monday."),
                    ("Oslo", 1, "GPE"), ("Harrow", 3, "PERSON"))
    _gone_only_with_the_rule(doc, "Harrow Lane 2", "PERSON")
    doc = with_ents(parse("Fans in Oslo watched Lumo 4 on Monday."),
                    ("Oslo", 1, "GPE"), ("Lumo", 2, "ORG"))
    assert ("Lumo 4", "ORG") in rows(doc)


def test_a_virus_and_a_thing_known_by_a_name_are_no_actors(parse):
    doc = with_ents(parse("Many computers in Oslo were infected with the Lumo virus."),
                    ("Oslo", 1, "GPE"), ("Lumo", 1, "ORG"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("Brindle uses the latest copy protection technology known as Janvo."),
                    ("Brindle", 1, "ORG"), ("Janvo", 1, "LOC"))
    assert rows(doc) == {("Brindle", "ORG")}
    doc = with_ents(parse("He joined a company known as Janvo in Oslo."),
                    ("Janvo", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Janvo", "ORG") in rows(doc)


def test_more_kinds_of_work_name_a_title(parse):
    doc = with_ents(parse("Harrow Lane, a film biography of a pilot, opened in Oslo."),
                    ("Harrow", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Oslo", "GPE")}
    doc = with_ents(parse("Fans in Oslo queued for the ballet Glass Harbour."),
                    ("Oslo", 1, "GPE"), ("Glass", 2, "PERSON"))
    assert rows(doc) == {("Oslo", "GPE")}


def test_a_thing_made_by_someone_is_no_actor(parse):
    doc = with_ents(parse("The Lumo was developed by Brindle in Oslo."),
                    ("Lumo", 1, "ORG"), ("Brindle", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Brindle", "ORG"), ("Oslo", "GPE")}
    doc = with_ents(parse("It is the most important Lumo made by Brindle in Oslo."),
                    ("Lumo", 1, "ORG"), ("Brindle", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Brindle", "ORG"), ("Oslo", "GPE")}
    doc = with_ents(parse("Tove Brakspeare was made captain by the coach in Oslo."),
                    ("Tove", 2, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Tove Brakspeare", "ORG") in rows(doc, disable={"type-given-name-unopposed"})
    assert ("Tove Brakspeare", "PERSON") in rows(doc)  # kept: a captain is a person


def test_an_institution_named_in_everyday_words_stays(parse):
    doc = with_ents(parse("Help for small business would go, and so would the Small Business "
                          "Administration in Oslo."),
                    ("Small", 3, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Small Business Administration", "ORG") in rows(doc)


def test_a_law_word_cut_from_its_title_is_no_person(parse):
    doc = with_ents(parse("MPs in Oslo said the full Finance Bill would be rushed through."),
                    ("Oslo", 1, "GPE"), ("Bill", 1, "PERSON"))
    _gone_only_with_the_rule(doc, "Bill", "PERSON")
    doc = with_ents(parse("In Oslo, Mr Bill said the plan would work."),
                    ("Oslo", 1, "GPE"), ("Bill", 1, "PERSON"))
    assert ("Bill", "PERSON") in rows(doc)


def test_an_institution_named_by_a_common_word_stays(parse):
    doc = with_ents(parse("In Oslo the shadow Cabinet weighed the cabinet makers' plea."),
                    ("Oslo", 1, "GPE"), ("Cabinet", 1, "ORG"))
    assert ("Cabinet", "ORG") in rows(doc)


def test_a_place_owns_its_mp_not_a_work(parse):
    doc = with_ents(parse("Later Kettering's Sion Tomas went further in Oslo."),
                    ("Sion", 2, "PERSON"), ("Oslo", 1, "GPE"))  # "Kettering" untagged
    assert ("Sion Tomas", "PERSON") in rows(doc)


def test_a_numbered_facility_stays(parse):
    doc = with_ents(parse("Flights from Oslo will use Terminal 5 next year."),
                    ("Oslo", 1, "GPE"), ("Terminal", 2, "FAC"))
    assert ("Terminal 5", "FAC") in rows(doc)


def test_a_label_opening_a_line_is_no_title(parse):
    doc = with_ents(parse("The match was in Oslo.\n\nRovers: Brakspeare, Lumo, Tarn."),
                    ("Oslo", 1, "GPE"), ("Brakspeare", 1, "PERSON"), ("Lumo", 1, "PERSON"),
                    ("Tarn", 1, "PERSON"))
    assert ("Brakspeare", "PERSON") in rows(doc)
    doc = with_ents(parse("Subs in Oslo: none.\n\nSubs: Brakspeare."),
                    ("Oslo", 1, "GPE"), ("Brakspeare", 1, "PERSON"))
    assert ("Brakspeare", "PERSON") in rows(doc)


def test_an_organisation_one_has_a_role_in_stays(parse):
    doc = with_ents(parse("Norway wants a bigger role in the Nordic Grain Board, said Oslo."),
                    ("Norway", 1, "GPE"), ("Nordic", 3, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Nordic Grain Board", "ORG") in rows(doc)
    doc = with_ents(parse("Norway wants a bigger role in NGB talks, officials in Oslo said."),
                    ("Norway", 1, "GPE"), ("NGB", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert ("NGB", "ORG") in rows(doc)
