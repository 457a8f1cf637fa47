"""Actors: each merging, boundary and typing rule on text written for the test.

Most tests use the model's real output on the fixture articles
(``fixtures/actors_*.txt``); where a model error cannot be provoked reliably,
the entities are set by hand on a parsed doc so that the rule itself is tested.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import with_ents
from toolkit import contract
from toolkit.actors import (
    Actor,
    actors_table,
    country_name,
    extract_actors,
    mentions_table,
    name_key,
    show_actors,
)
from toolkit.article import Article, Paragraph
from toolkit.nlp import body_sentences, make_doc

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def by_name(actors: list[Actor]) -> dict[str, Actor]:
    return {a.name: a for a in actors}


def check_offsets(doc, actors):
    body = {i: (s.start_char, s.end_char) for i, s in body_sentences(doc)}
    for a in actors:
        assert a.mentions == sorted(a.mentions, key=lambda m: (m.start_char, m.end_char))
        for m in a.mentions:
            assert doc.text[m.start_char:m.end_char] == m.text
            start, end = body[m.sentence]
            assert start <= m.start_char < m.end_char <= end


@pytest.fixture(scope="module")
def sahel(parse):
    doc = parse((FIXTURES / "actors_sahel_talks.txt").read_text(encoding="utf-8"))
    return doc, extract_actors(doc)


@pytest.fixture(scope="module")
def port(parse):
    doc = parse((FIXTURES / "actors_port_strike.txt").read_text(encoding="utf-8"))
    return doc, extract_actors(doc)


# --------------------------------------------------------------------------- offsets, order


def test_every_offset_slices_the_text(sahel, port):
    for doc, actors in (sahel, port):
        check_offsets(doc, actors)


def test_actors_sorted_by_mentions_then_name(sahel):
    _, actors = sahel
    keys = [(-len(a.mentions), a.name.casefold()) for a in actors]
    assert keys == sorted(keys)


def test_output_is_deterministic(parse):
    text = (FIXTURES / "actors_sahel_talks.txt").read_text(encoding="utf-8")
    assert extract_actors(parse(text)) == extract_actors(parse(text))


def test_headings_do_not_count(nlp):
    art = Article(id="h", paragraphs=[Paragraph("TALKS WITH OSCAR NILSSON", "heading"),
                                      Paragraph("Oscar Nilsson met Greta Holm in Oslo.", "body")])
    doc = nlp(make_doc(art, nlp))
    actors = by_name(extract_actors(doc))
    assert len(actors["Oscar Nilsson"].mentions) == 1
    check_offsets(doc, list(actors.values()))


# --------------------------------------------------------------------------- merging


def test_surname_tagged_as_place_joins_the_person(sahel):
    actors = by_name(sahel[1])
    ferreira = actors["Ines Ferreira"]
    assert ferreira.type == "PERSON"
    assert ferreira.labels.get("GPE") == 1  # the model's mistake, outvoted
    assert len(ferreira.mentions) == 3
    assert ferreira.aliases == ["Ines Ferreira", "Ferreira"]
    assert "Ferreira" not in actors


def test_surname_tagged_as_org_joins_the_person(port):
    actors = by_name(port[1])
    assert actors["Elena Marquez"].type == "PERSON"
    assert len(actors["Elena Marquez"].mentions) == 3
    assert len(actors["Tomas Varga"].mentions) == 3  # includes "Varga's union"
    assert "Marquez" not in actors and "Varga" not in actors


def test_untagged_surname_is_recalled(parse):
    doc = parse("Lopez said the talks failed. Senator Maria Lopez spoke later. Lopez left.")
    actors = extract_actors(doc)
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [("Maria Lopez", "PERSON", 3)]
    assert [m.label for m in actors[0].mentions] == ["", "PERSON", ""]
    check_offsets(doc, actors)


def test_shared_surname_stays_apart(parse):
    doc = parse("Anna Berg met Lars Berg in Bergen. Berg said the meeting went well.")
    doc = with_ents(doc, ("Anna", 2, "PERSON"), ("Lars", 2, "PERSON"), ("Bergen", 1, "GPE"),
                    ("Berg", 1, "PERSON"))
    actors = by_name(extract_actors(doc, recall=False))
    assert len(actors["Anna Berg"].mentions) == 1
    assert len(actors["Lars Berg"].mentions) == 1
    assert "Berg" in actors  # ambiguous: not given to either


def test_country_name_never_joins_a_person(parse):
    doc = parse("Michael Jordan visited Jordan on Monday. Jordan welcomed the visit.")
    doc = with_ents(doc, ("Michael", 2, "PERSON"), ("Jordan", 1, "GPE"), ("Jordan", 1, "PERSON"))
    actors = by_name(extract_actors(doc, recall=False))
    assert len(actors["Michael Jordan"].mentions) == 1
    assert actors["Jordan"].type == "GPE" and len(actors["Jordan"].mentions) == 2


def test_initials_join_the_expansion(sahel):
    actors = by_name(sahel[1])
    assert actors["European Union"].aliases == ["European Union", "EU"]
    assert actors["United States"].aliases == ["United States", "U.S."]
    assert actors["United States"].type == "GPE"


def test_parenthesised_acronym_joins_its_name(port):
    actors = by_name(port[1])
    itf = actors["International Transport Workers' Federation"]
    assert itf.type == "ORG"
    assert itf.aliases == ["International Transport Workers' Federation", "ITF"]
    assert len(itf.mentions) == 3  # the name, "(ITF)" and "The ITF"


def test_acronym_defined_by_apposition_joins(parse):
    doc = parse("WHO, the World Health Organization, said the outbreak was over. "
                "WHO thanked donors.")
    doc = with_ents(doc, ("WHO", 1, "ORG"), ("World", 3, "ORG"), ("WHO", 1, "ORG"))
    actors = extract_actors(doc)
    assert [(a.name, len(a.mentions)) for a in actors] == [("World Health Organization", 3)]


def test_acronym_after_a_descriptor_gets_it_as_role(sahel):
    actors = by_name(sahel[1])
    assert actors["UNICEF"].description == "U.N. children's agency"
    assert len(actors["UNICEF"].mentions) == 2
    assert actors["U.N."].type == "ORG"  # the descriptor's own name is a separate actor


def test_spelling_variants_share_a_key():
    assert name_key("U.S.") == name_key("US") == "us"
    assert name_key("the Red Cross") == name_key("RED CROSS")
    assert name_key("O’Neill") == name_key("O'Neill")


def test_variants_merge_and_canonical_is_fullest(parse):
    doc = parse("Britain and the United Kingdom are one. The U.K. said so, and the UK agreed.")
    doc = with_ents(doc, ("Britain", 1, "GPE"), ("United", 2, "GPE"), ("U.K.", 1, "GPE"),
                    ("UK", 1, "GPE"))
    actors = extract_actors(doc)
    assert [(a.name, a.type, len(a.mentions)) for a in actors] == [("United Kingdom", "GPE", 4)]
    assert actors[0].aliases == ["Britain", "United Kingdom", "U.K.", "UK"]


def test_country_takes_its_preferred_name_in_every_article(parse):
    # Two stories naming one country differently: the actor is the same in both.
    one = parse("Britain said it would send aid. Britain later doubled it.")
    two = parse("The U.K. said it would send aid, officials in London said.")
    one = with_ents(one, ("Britain", 1, "GPE"), ("Britain", 1, "GPE"))
    two = with_ents(two, ("U.K.", 1, "GPE"), ("London", 1, "GPE"))
    names_one = {a.name: a.aliases for a in extract_actors(one)}
    names_two = {a.name: a.aliases for a in extract_actors(two)}
    assert names_one == {"United Kingdom": ["Britain"]}
    assert names_two["United Kingdom"] == ["U.K."]
    assert "London" in names_two  # a city keeps its own name
    assert country_name(["Ivory Coast", "Côte d’Ivoire"]) == "Ivory Coast"
    assert country_name(["UK", "USA"]) is None


# --------------------------------------------------------------------------- boundaries


def test_dash_glued_entity_is_split(sahel):
    doc, actors = sahel
    actors = by_name(actors)
    assert "Samuel Adeyemi" in actors and actors["Samuel Adeyemi"].type == "PERSON"
    assert not any(" - " in a.name or a.name.endswith("'s") for a in actors.values())
    chad = actors["Chad"]  # split off the person, and tagged PERSON elsewhere
    assert chad.type == "GPE" and len(chad.mentions) == 2


def test_hyphenated_name_is_not_split(parse):
    doc = parse("Karim Al-Amin met Sara Lund. Al-Amin said it went well.")
    doc = with_ents(doc, ("Karim", 4, "PERSON"), ("Sara", 2, "PERSON"), ("Al", 3, "PERSON"))
    actors = by_name(extract_actors(doc))
    assert len(actors["Karim Al-Amin"].mentions) == 2


def test_title_is_a_role_not_part_of_the_name(sahel, port):
    actors = by_name(sahel[1] + port[1])
    assert actors["Ines Ferreira"].description == "Foreign Minister"
    assert actors["Samuel Adeyemi"].description == "rebel commander"
    assert actors["Elena Marquez"].description == "Transport Minister"
    assert actors["Tomas Varga"].description == "union leader"


def test_title_inside_the_entity_is_cut_off(parse):
    doc = parse("Health Minister Jane Roe opened the clinic. Roe said it was overdue.")
    doc = with_ents(doc, ("Health", 4, "PERSON"), ("Roe", 1, "PERSON"))
    actors = extract_actors(doc)
    assert [(a.name, a.description, len(a.mentions)) for a in actors] == [
        ("Jane Roe", "Health Minister", 2)]
    check_offsets(doc, actors)


def test_apposition_after_the_name_is_a_role(parse):
    doc = parse('"We are ready," said Nora Quist, director of the city museum.')
    actors = by_name(extract_actors(doc))
    assert actors["Nora Quist"].description == "director of the city museum"


def test_entity_of_title_words_only_is_dropped(parse):
    doc = parse("Minister of Finance Paul Osei resigned.")
    doc = with_ents(doc, ("Finance", 1, "ORG"), ("Paul", 2, "PERSON"))
    actors = extract_actors(doc)
    assert [(a.name, a.description) for a in actors] == [("Paul Osei", "Minister of Finance")]


def test_possessive_and_determiner_are_trimmed(parse):
    doc = parse("The Red Cross's trucks arrived. The Red Cross said more would come.")
    doc = with_ents(doc, ("The", 4, "ORG"), ("The", 3, "ORG"))
    actors = extract_actors(doc)
    assert [(a.name, [m.text for m in a.mentions]) for a in actors] == [
        ("Red Cross", ["Red Cross", "Red Cross"])]


def test_person_name_before_a_facility_noun_is_a_facility(sahel):
    actors = by_name(sahel[1])
    assert actors["Amadou Kourouma hospital"].type == "FAC"


def test_lowercase_entity_is_rejected(parse):
    doc = parse("They marched in solidarity with Nova Union.")
    doc = with_ents(doc, ("solidarity", 1, "ORG"), ("Nova", 2, "ORG"))
    assert [a.name for a in extract_actors(doc)] == ["Nova Union"]


def test_sentence_initial_common_word_is_rejected(parse):
    doc = parse("Repeated talks failed in Lima.")
    doc = with_ents(doc, ("Repeated", 1, "ORG"), ("Lima", 1, "GPE"))
    assert [a.name for a in extract_actors(doc)] == ["Lima"]


# --------------------------------------------------------------------------- NORP


def test_nationality_adjectives_are_not_actors(sahel, port):
    names = {a.name for a in sahel[1] + port[1]}
    assert not {"Islamist", "Catholic"} & names  # "Islamist militants", "Catholic charities"


def test_nationality_used_as_a_noun_is_a_group(sahel, port):
    malians = by_name(sahel[1])["Malians"]
    assert malians.type == "NORP" and len(malians.mentions) == 1
    portuguese = by_name(port[1])["Portuguese"]
    # "Portuguese dockworkers" (adjective) does not count; "the Portuguese" does
    assert len(portuguese.mentions) == 1
    assert port[0].text[portuguese.mentions[0].start_char - 4:].startswith("the Portuguese")


# --------------------------------------------------------------------------- typing


def test_plural_group_tagged_person_is_an_org(sahel):
    tupamaros = by_name(sahel[1])["Tupamaros"]
    assert tupamaros.labels == {"PERSON": 2}
    assert tupamaros.type == "ORG"  # "the Xs said/claimed"


def test_plural_group_that_never_acts_is_norp(parse):
    doc = parse("Aid reached the Ovimbas in the valley.")
    doc = with_ents(doc, ("Ovimbas", 1, "PERSON"))
    assert [(a.name, a.type) for a in extract_actors(doc)] == [("Ovimbas", "NORP")]


def test_group_in_apposition_to_an_org_noun_is_an_org(sahel):
    polisario = by_name(sahel[1])["Polisario"]
    assert polisario.labels == {"PERSON": 2}
    assert (polisario.type, polisario.description) == ("ORG", "armed group")


def test_group_tagged_as_place_that_acts_is_an_org(parse):
    doc = parse("Zintul fired rockets at the port. Fighters from Zintul crossed the river.")
    doc = with_ents(doc, ("Zintul", 1, "ORG"), ("Zintul", 1, "GPE"))
    assert [(a.name, a.type) for a in extract_actors(doc)] == [("Zintul", "ORG")]


def test_person_tagged_name_called_it_is_an_org(parse):
    doc = parse("Harmattan said it would keep fighting.")
    doc = with_ents(doc, ("Harmattan", 1, "PERSON"))
    assert [(a.name, a.type) for a in extract_actors(doc)] == [("Harmattan", "ORG")]


def test_tie_without_action_goes_to_place(sahel):
    assert by_name(sahel[1])["Niamey"].type == "GPE"


def test_no_actors_on_empty_or_odd_input(parse):
    assert extract_actors(parse("")) == []
    assert extract_actors(parse("... 42 ... !!")) == []


# --------------------------------------------------------------------------- tables, view


def test_tables_have_contract_columns(sahel):
    _, actors = sahel
    a = actors_table(actors)
    m = mentions_table(actors)
    assert list(a.columns) == [c for c in contract.TABLES["actors"]]
    assert list(m.columns) == [c for c in contract.TABLES["mentions"]]
    assert a["mentions"].sum() == len(m)
    assert list(m.start_char) == sorted(m.start_char)
    row = a.set_index("actor").loc["Ines Ferreira"]
    assert row.aliases == "Ines Ferreira; Ferreira" and row.type == "PERSON"


def test_show_actors_returns_html(sahel):
    doc, _ = sahel
    html = show_actors(doc, jupyter=False)
    assert "Ines Ferreira" in html and "PERSON" in html and "ORG" in html
    assert "Samuel Adeyemi" in show_actors(doc, jupyter=False, label="actor")


# --------------------------------------------------------------------------- bundled article



def test_bundled_article_main_actors(bundled_analysis):
    """The demonstration article, after cleaning: main actors once, right types and counts."""
    doc = bundled_analysis.doc
    actors = bundled_analysis.actor_list
    assert doc.text == bundled_analysis.article.text  # = cleaned/<id>.txt
    check_offsets(doc, actors)
    table = bundled_analysis.actors
    assert table.actor.is_unique
    types = dict(zip(table.actor, table.type, strict=True))
    counts = dict(zip(table.actor, table.mentions, strict=True))
    expected = {"Antony Blinken": "PERSON", "Benjamin Netanyahu": "PERSON",
                "Yahya Sinwar": "PERSON", "Hezbollah": "ORG", "Hamas": "ORG",
                "Houthis": "ORG", "Israel": "GPE", "Gaza": "GPE", "United States": "GPE",
                "UNRWA": "ORG", "Palestinians": "NORP"}
    for name, typ in expected.items():
        assert types.get(name) == typ, name
    assert counts["Antony Blinken"] == 7
    assert counts["Hezbollah"] == 9
    assert counts["Hamas"] == 8
    assert counts["Benjamin Netanyahu"] == 4
    assert counts["Yahya Sinwar"] == 2
    assert 15 <= counts["Israel"] <= 18
    by = by_name(actors)
    assert by["Benjamin Netanyahu"].description == "Israeli Prime Minister"
    assert by["Antony Blinken"].description == "Secretary of State"
    names = set(table.actor)
    # no fragments, glued pairs, titles, adjectives or boilerplate
    for bad in ("Blinken", "Netanyahu", "Sinwar", "State", "Repeated", "Islamist", "Israeli",
                "solidarity", "Reuters"):
        assert bad not in names, bad
    assert not any(" - " in n or n.endswith("'s") for n in names)
    # the related-story teaser and the byline are not body text
    assert not any(word in n for n in names for word in ("Shibani", "Syria", "Pamuk"))
