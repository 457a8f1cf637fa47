"""Teams, bands and people: evidence for names of sports teams, music acts and
players, each on sentences written for the test (invented names), with the
model's entities set by hand where the model must not decide."""

from __future__ import annotations

from conftest import counted_actor_rows, with_ents
from toolkit import actors as act

rows = counted_actor_rows


def test_band_named_like_a_verb_is_kept_after_band(parse):
    doc = with_ents(parse("Fans in Oslo cheered the boy band Wrecked."),
                    ("Oslo", 1, "GPE"), ("Wrecked", 1, "ORG"))
    assert doc[-2].tag_ in {"VBN", "VBD"}  # the filter's own case: a verb form
    assert rows(doc) == {("Wrecked", "ORG", 1), ("Oslo", "GPE", 1)}


def test_verb_form_without_an_org_noun_is_still_dropped(parse):
    doc = with_ents(parse("Fans in Oslo cheered and Wrecked the stage."),
                    ("Oslo", 1, "GPE"), ("Wrecked", 1, "ORG"))
    if next(t for t in doc if t.text == "Wrecked").tag_ in {"VBN", "VBD"}:
        assert rows(doc) == {("Oslo", "GPE", 1)}


def test_given_name_is_not_extended_over_an_everyday_word(parse):
    doc = with_ents(parse("Reporters in Oslo met Ann Summer on Monday."),
                    ("Oslo", 1, "GPE"), ("Ann", 1, "PERSON"))
    sent = next(doc.sents)
    assert [e.text for e in act.extend_given_name(list(doc.ents), sent)] == ["Oslo", "Ann"]
    doc = with_ents(parse("Reporters in Oslo met Ann Velkoran on Monday."),
                    ("Oslo", 1, "GPE"), ("Ann", 1, "PERSON"))
    sent = next(doc.sents)
    assert [e.text for e in act.extend_given_name(list(doc.ents), sent)] == ["Oslo", "Ann Velkoran"]


def test_possessive_of_a_name_no_person_has_stays_whole(parse):
    doc = with_ents(parse("The People's Harbour Party met in Oslo."),
                    ("People", 4, "ORG"), ("Oslo", 1, "GPE"))
    assert ("People's Harbour Party", "ORG", 1) in rows(doc)


def test_person_shape_excludes_organisation_place_and_everyday_words():
    assert act._person_shaped("stefan lowczek")
    assert not act._person_shaped("harbour forum")  # everyday words
    assert not act._person_shaped("lowczek bank")  # an organisation word
    assert not act._person_shaped("stefan")  # one word
    assert not act._person_shaped("sierra leone")  # a country


def test_short_form_of_a_team_does_not_make_a_person(parse):
    doc = with_ents(parse("Stefan Lowczek headed wide in Oslo. Fans cheered the Lowczek striker."),
                    ("Stefan", 2, "ORG"), ("Oslo", 1, "GPE"), ("Lowczek", 1, "GPE"))
    off = {"type-player-not-club"}
    on = rows(doc, disable=off)
    assert on == rows(doc, disable=off | {"merge-surname-of-unread-name"})
    assert not any(t == "PERSON" for _, t, _ in on)


def test_act_in_apposition_to_plural_bands_is_a_band(parse):
    doc = with_ents(parse("He said Ann Velkoran and Bluefrost - the two biggest bands "
                          "of the decade - played in Oslo."),
                    ("Ann", 2, "PERSON"), ("Bluefrost", 1, "ORG"), ("Oslo", 1, "GPE"))
    assert ("Ann Velkoran", "ORG", 1) in rows(doc)
    assert ("Ann Velkoran", "PERSON", 1) in rows(doc, disable={"type-band"})


def test_place_before_singer_is_a_home_not_a_band(parse):
    doc = with_ents(parse("Fans cheered the Oslo singer Tam Roe."),
                    ("Oslo", 1, "GPE"), ("Tam", 2, "PERSON"))
    assert ("Oslo", "GPE", 1) in rows(doc)


def test_name_after_a_music_act_noun_is_recalled_as_an_org(parse):
    doc = with_ents(parse("Fans in Oslo cheered the rap act Velkor Tam."), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("Velkor Tam", "ORG", 1), ("Oslo", "GPE", 1)}


def test_club_a_player_signs_for_or_joins_from_is_a_team(parse):
    doc = with_ents(parse("Fans in Oslo cheered as Velkor joined Harwick from Brindle."),
                    ("Oslo", 1, "GPE"), ("Velkor", 1, "PERSON"), ("Harwick", 1, "GPE"),
                    ("Brindle", 1, "PERSON"))
    assert {("Harwick", "ORG", 1), ("Brindle", "ORG", 1)} <= rows(doc)
    assert ("Brindle", "PERSON", 1) in rows(doc, disable={"type-club"})
    doc = with_ents(parse("Fans in Oslo cheered as Velkor signed for Harwick."),
                    ("Oslo", 1, "GPE"), ("Velkor", 1, "PERSON"), ("Harwick", 1, "GPE"))
    assert ("Harwick", "ORG", 1) in rows(doc)


def test_side_a_team_plays_is_a_team(parse):
    doc = with_ents(parse("Fans in Oslo cheered as they play Harwick on Sunday."),
                    ("Oslo", 1, "GPE"), ("Harwick", 1, "PERSON"))
    assert ("Harwick", "ORG", 1) in rows(doc)
    assert ("Harwick", "PERSON", 1) in rows(doc, disable={"type-club"})


def test_one_score_after_a_team_is_no_singles_match(parse):
    doc = with_ents(parse("Fans in Oslo cheered as Harwick beat Brindle 2-1."),
                    ("Oslo", 1, "GPE"), ("Harwick", 1, "GPE"), ("Brindle", 1, "PERSON"))
    assert {("Harwick", "ORG", 1), ("Brindle", "ORG", 1)} <= rows(doc)


def test_player_written_given_surname_beaten_is_a_person(parse):
    doc = with_ents(parse("Fans in Oslo cheered as Harwick beat Stefan Tarnowsky."),
                    ("Oslo", 1, "GPE"), ("Harwick", 1, "ORG"), ("Stefan", 2, "ORG"))
    assert ("Stefan Tarnowsky", "PERSON", 1) in rows(doc)
    assert ("Stefan Tarnowsky", "ORG", 1) in rows(doc, disable={"type-player-not-club"})


def test_given_names_from_abroad_are_listed_without_everyday_words():
    from toolkit import lexicon

    names = lexicon.given_names()
    assert {"sebastien", "joachim", "ingrid", "paul"} <= names
    assert not {"said", "over", "can"} & names  # first names elsewhere, words here


def test_club_named_after_its_town_is_no_player(parse):
    doc = with_ents(parse("Fans in Oslo cheered as Paris Harwick beat Brindle 2-1."),
                    ("Oslo", 1, "GPE"), ("Paris", 2, "ORG"), ("Brindle", 1, "ORG"))
    assert ("Paris Harwick", "ORG", 1) in rows(doc)


def test_nationality_adjective_is_cut_off_a_name_tagged_org(parse):
    doc = with_ents(parse("Fans in Oslo cheered American Tam Brannick on Monday."),
                    ("Oslo", 1, "GPE"), ("American", 3, "ORG"))
    assert rows(doc) == {("Tam Brannick", "PERSON", 1), ("Oslo", "GPE", 1)}


def test_word_that_only_ends_like_a_nationality_is_kept(parse):
    doc = with_ents(parse("Shares of Eli Tam Brannick rose in Oslo."),
                    ("Eli", 3, "ORG"), ("Oslo", 1, "GPE"))
    sent = next(doc.sents)
    assert [e.text for e in act.strip_nationality_from_unread_name(list(doc.ents), sent)] == [
        "Eli Tam Brannick", "Oslo"]


def test_one_score_and_a_model_number_are_not_cut(parse):
    doc = with_ents(parse("Fans in Oslo saw the Boeing 747-400 land."),
                    ("Oslo", 1, "GPE"), ("Boeing", 4, "ORG"))
    sent = next(doc.sents)
    assert [e.text for e in act.cut_trailing_scores(list(doc.ents), sent)] == ["Oslo", "Boeing 747-400"]


def test_a_country_followed_by_set_scores_stays_a_country(parse):
    doc = with_ents(parse("Fans in Oslo cheered as the Republic of Tarnow beat Velkor 6-4 6-3."),
                    ("Oslo", 1, "GPE"), ("Republic", 3, "GPE"), ("Velkor", 1, "PERSON"))
    assert ("Republic of Tarnow", "PERSON", 1) not in rows(doc)


def test_surname_with_one_stray_facility_tag_joins_the_person(parse):
    doc = with_ents(parse("Tam Brannick-Vey spoke in Oslo. Later Brannick-Vey left. "
                          "Brannick-Vey returned. Brannick-Vey's party won."),
                    ("Tam", 4, "PERSON"), ("Oslo", 1, "GPE"), ("Brannick", 3, "ORG"),
                    ("Brannick", 3, "ORG"), ("Brannick", 3, "FAC"))
    assert ("Tam Brannick-Vey", "PERSON", 4) in rows(doc)


def test_town_outside_a_sports_report_stays_a_place(parse):
    doc = with_ents(parse("The win over Kettering lifted spirits in Oslo."),
                    ("Kettering", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert ("Kettering", "GPE", 1) in rows(doc)


def test_town_written_as_a_place_in_a_sports_report_stays_a_place(parse):
    doc = with_ents(parse("The striker scored twice as his side won 2-1 and the fans cheered. "
                          "The squad flew home to Oslo from a hotel in Kettering."),
                    ("Oslo", 1, "GPE"), ("Kettering", 1, "GPE"))
    assert ("Kettering", "GPE", 1) in rows(doc)


def test_name_after_band_and_the_is_a_band(parse):
    doc = with_ents(parse("Hits in Oslo came from the boy band the Harrow Lads."),
                    ("Oslo", 1, "GPE"), ("Harrow", 2, "LOC"))
    assert ("Harrow Lads", "ORG", 1) in rows(doc)
    assert ("Harrow Lads", "LOC", 1) in rows(doc, disable={"type-band"})


def test_single_name_read_as_a_team_stays_apart_from_the_player(parse):
    doc = with_ents(parse("Tinho Tarrow scored in Oslo. Fans cheered the Tinho striker."),
                    ("Tinho", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Tinho", 1, "ORG"))
    assert ("Tinho", "ORG", 1) in rows(doc)
