"""People typed as organisations or places, and products, formats and works
kept as actors: the seventh round's third part. Each rule or repaired test
on sentences written for the test (invented names)."""

from __future__ import annotations

from conftest import actor_rows, with_ents
from toolkit import actors as act

rows = actor_rows


# --------------------------------------------------------------- _is_work_noun


def test_a_plural_work_noun_whose_singular_ends_in_ie_is_a_work_noun(parse):
    # "movies" is no "movy": the model's lemma gives the singular.
    doc = parse("She starred in three movies and two plays.")
    movies = next(t for t in doc if t.text == "movies")
    assert act._is_work_noun(movies)
    assert not act._is_work_noun(next(t for t in doc if t.text == "She"))


def test_a_title_listed_after_movies_is_no_actor(parse):
    doc = with_ents(parse("Ann Lee appeared in four movies, including Glass Harbour Nights, "
                          "before she retired."),
                    ("Ann", 2, "PERSON"), ("Glass", 3, "ORG"))
    assert ("Ann Lee", "PERSON") in rows(doc)
    assert not any(name == "Glass Harbour Nights" for name, _ in rows(doc))
    # the list test reads the plural noun through its lemma
    glass = next(t.i for t in doc if t.text == "Glass")
    assert act._listed_as_work(doc[glass:glass + 3])


# --------------------------------------------------------------- type-product, type-product-use


def test_a_name_before_a_car_body_noun_is_a_product(parse):
    doc = with_ents(parse("Dealers showed the Trevano Zephyr hatchback to buyers in May."),
                    ("Trevano", 2, "LOC"))
    assert not any(name == "Trevano Zephyr" for name, _ in rows(doc))
    assert ("Trevano Zephyr", "LOC") in rows(doc, disable={"type-product"})


def test_a_name_before_plural_missiles_is_a_product(parse):
    doc = with_ents(parse("The army may buy some Kestrin missiles this year."),
                    ("Kestrin", 1, "PERSON"))
    assert not any(name == "Kestrin" for name, _ in rows(doc))
    assert ("Kestrin", "PERSON") in rows(doc, disable={"type-product-use"})


def test_a_maker_that_acts_keeps_its_row_beside_its_product(parse):
    # "[X] sold its [X] desktop": the company speaks and acts, so it stays.
    doc = with_ents(parse("Quorvex said sales rose. Shops sold the Quorvex desktop for less."),
                    ("Quorvex", 1, "ORG"), ("Quorvex", 1, "ORG"))
    assert ("Quorvex", "ORG") in rows(doc)


# --------------------------------------------------------------- _org_clue: a noun for a few people


def test_a_duo_before_two_coordinated_names_names_two_people(parse):
    doc = with_ents(parse("Rowing duo Tomas Vrbanek and Ann Lee won gold in the final."),
                    ("Tomas", 2, "PERSON"), ("Ann", 2, "PERSON"))
    vrbanek = next(t.i for t in doc if t.text == "Vrbanek")
    assert not act._org_clue(doc[vrbanek - 1:vrbanek + 1], "PERSON")
    assert ("Tomas Vrbanek", "PERSON") in rows(doc)


def test_a_duo_before_one_name_still_names_a_band(parse):
    doc = parse("The pop duo Velvane Drift released a single.")
    velvane = next(t.i for t in doc if t.text == "Velvane")
    assert act._org_clue(doc[velvane:velvane + 2], "PERSON")
