"""Types of names the model tags wrongly and nothing in the text corrects:
organisations listed after a plural organisation noun, sides named by a
match's result, single words the article also writes in lower case, and the
address test near the doc's start. Each rule on sentences written for the
test (invented names)."""

from __future__ import annotations

from conftest import actor_rows, with_ents
from toolkit import actors as act

rows = actor_rows


# --------------------------------------------------------------- _in_address


def test_in_address_near_the_doc_start_never_reads_the_last_token(parse):
    # The capitals before the comma reach the doc's first token; the word
    # before them must not wrap round to the doc's last token ("in").
    doc = parse("Ann Lee, Lancashire, is the county she grew up in")
    assert doc[-1].lower_ == "in" and doc[3].text == "Lancashire"
    assert not act._in_address(doc[3:4])


# --------------------------------------------------------------- type-listed-org


def test_names_listed_after_a_plural_organisation_noun_are_organisations(parse):
    doc = with_ents(parse("A study by security firms Vantoro and Quellix found the flaw."),
                    ("Vantoro", 1, "PERSON"), ("Quellix", 1, "PERSON"))
    assert {("Vantoro", "ORG"), ("Quellix", "ORG")} <= rows(doc)
    assert ("Vantoro", "PERSON") in rows(doc, disable={"type-listed-org"})
    vantoro = next(t.i for t in doc if t.text == "Vantoro")
    assert act._listed_after_org_noun(doc[vantoro:vantoro + 1], "PERSON")


def test_names_listed_after_such_as_are_organisations_by_the_org_noun(parse):
    # "such as" lists are read by type-org-noun (_org_clue), before
    # type-listed-org, which reads only a list right after the noun.
    doc = with_ents(parse("Record labels such as Morvane, Tesquil and Brandor signed the deal."),
                    ("Morvane", 1, "PERSON"), ("Tesquil", 1, "PERSON"), ("Brandor", 1, "PERSON"))
    assert ("Tesquil", "ORG") in rows(doc)
    assert ("Tesquil", "PERSON") in rows(doc, disable={"type-org-noun"})
    tesquil = next(t.i for t in doc if t.text == "Tesquil")
    assert not act._listed_after_org_noun(doc[tesquil:tesquil + 1], "PERSON")


def test_a_listed_name_marked_as_a_person_stays_a_person(parse):
    doc = with_ents(parse("Security firms Vantoro and Quellix were hired. Vantoro said he was "
                          "pleased. Mr Quellix, 52, agreed."),
                    ("Vantoro", 1, "PERSON"), ("Quellix", 1, "PERSON"), ("Vantoro", 1, "PERSON"),
                    ("Quellix", 1, "PERSON"))
    assert ("Quellix", "PERSON") in rows(doc)  # an honorific and an age
    assert ("Vantoro", "PERSON") in rows(doc)  # "said he"


def test_a_single_name_or_people_nouns_make_no_list(parse):
    doc = with_ents(parse("The rivals Vantoro and Quellix met in the final."),
                    ("Vantoro", 1, "PERSON"), ("Quellix", 1, "PERSON"))
    vantoro = next(t.i for t in doc if t.text == "Vantoro")
    assert not act._listed_after_org_noun(doc[vantoro:vantoro + 1], "PERSON")
    doc = with_ents(parse("It hired firms to help Vantoro with the work."), ("Vantoro", 1, "PERSON"))
    vantoro = next(t.i for t in doc if t.text == "Vantoro")
    assert not act._listed_after_org_noun(doc[vantoro:vantoro + 1], "PERSON")


# --------------------------------------------------------------- side cues (type-club)


def _name(doc, word):
    i = next(t.i for t in doc if t.text == word)
    return doc[i:i + 1]


def test_appearances_for_a_name_make_it_a_side(parse):
    doc = with_ents(parse("Lomax made 90 appearances for Dunmore before he retired."),
                    ("Lomax", 1, "PERSON"), ("Dunmore", 1, "PERSON"))
    assert act._side_cue(_name(doc, "Dunmore"))
    assert ("Dunmore", "ORG") in rows(doc)
    assert ("Dunmore", "PERSON") in rows(doc, disable={"type-club"})


def test_a_scored_result_over_or_owned_by_a_name_makes_it_a_side(parse):
    doc = with_ents(parse("Harwick reached the semi-final after a 4-1 win over Dunmore in Tarvel."),
                    ("Harwick", 1, "ORG"), ("Dunmore", 1, "PERSON"), ("Tarvel", 1, "GPE"))
    assert act._side_cue(_name(doc, "Dunmore"))
    assert ("Dunmore", "ORG") in rows(doc)
    doc = parse("By half-time Dunmore took a 2-0 lead at home.")
    assert act._side_cue(_name(doc, "Dunmore"))


def test_a_result_without_a_score_or_with_set_scores_is_no_side(parse):
    doc = parse("Her win over Dunmore was a surprise to everyone.")
    assert not act._side_cue(_name(doc, "Dunmore"))  # no score, no report of team sport
    doc = parse("She earned a 6-2 7-5 victory over Dunmore in the final.")
    assert not act._side_cue(_name(doc, "Dunmore"))  # set scores: a player


# --------------------------------------------------------------- drop-word-written-lowercase


def test_sentence_start_word_written_lowercase_elsewhere_is_no_name(parse):
    doc = with_ents(parse("Users want cheap fibrewave at home. Fibrewave will grow next year, "
                          "Velmar said."),
                    ("Fibrewave", 1, "GPE"), ("Velmar", 1, "ORG"))
    assert ("Fibrewave", "GPE") not in rows(doc)
    assert ("Fibrewave", "GPE") in rows(doc, disable={"drop-word-written-lowercase"})


def test_sentence_start_word_capitalised_inside_a_sentence_is_kept(parse):
    doc = with_ents(parse("Fibrewave sells cheap fibrewave links. Users like Fibrewave a lot."),
                    ("Fibrewave", 1, "ORG"), ("Fibrewave", 1, "ORG"))
    assert ("Fibrewave", "ORG") in rows(doc)


def test_sentence_start_word_that_speaks_is_kept(parse):
    doc = with_ents(parse("Fibrewave said on Monday that fibrewave links would grow."),
                    ("Fibrewave", 1, "ORG"))
    assert ("Fibrewave", "ORG") in rows(doc)
