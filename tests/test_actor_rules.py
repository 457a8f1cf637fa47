"""Actor rules as data: every rule is listed, documented, and switched off alone.

Each case is a sentence written for the test, with the model's entities set by
hand where the rule must be reached reliably. Switching a rule off changes only
the rows that rule decided: the other actor of each sentence (the bystander)
stays exactly as it was.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from toolkit import actors as act
from toolkit import rules


def with_ents(doc, *ents):
    """Replace the model's entities by (first token text, length, label) triples."""
    spans = []
    for word, length, label in ents:
        i = next(t.i for t in doc if t.text == word and not any(
            s.start <= t.i < s.end for s in spans))
        spans.append(Span(doc, i, i + length, label=label))
    doc.ents = spans
    return doc


def rows(doc, **kw):
    return {(a.name, a.type, len(a.mentions)) for a in act.extract_actors(doc, **kw)}


def test_every_actor_rule_is_registered_with_a_description():
    table = rules.list_rules()
    mine = table[table.stage == "actors"]
    names = [f.rule_name for group in act.RULE_GROUPS.values() for f in group]
    assert list(mine.rule) == names
    assert list(dict.fromkeys(mine.group)) == list(act.RULE_GROUPS)
    assert (mine.description.str.len() > 10).all()


# (rule, text, entities, rows with the rule, rows without it). "Oslo" or "Accra"
# is the bystander every case keeps.
CASES = [
    ("drop-lowercase", "They marched in solidarity with Nova Union in Oslo.",
     [("solidarity", 1, "ORG"), ("Nova", 2, "ORG"), ("Oslo", 1, "GPE")],
     {("Nova Union", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Nova Union", "ORG", 1), ("Oslo", "GPE", 1), ("solidarity", "ORG", 1)}),
    ("drop-title-words", "Minister of Finance Paul Osei resigned in Accra.",
     [("Finance", 1, "ORG"), ("Paul", 2, "PERSON"), ("Accra", 1, "GPE")],
     {("Paul Osei", "PERSON", 1), ("Accra", "GPE", 1)},
     {("Paul Osei", "PERSON", 1), ("Accra", "GPE", 1), ("Finance", "ORG", 1)}),
    ("drop-common-word", "Repeated talks failed in Oslo.",
     [("Repeated", 1, "ORG"), ("Oslo", 1, "GPE")],
     {("Oslo", "GPE", 1)}, {("Oslo", "GPE", 1), ("Repeated", "ORG", 1)}),
    ("drop-nationality-adjective", "Aid reached French forces and the Kurds in Oslo.",
     [("French", 1, "NORP"), ("Kurds", 1, "NORP"), ("Oslo", 1, "GPE")],
     {("Kurds", "NORP", 1), ("Oslo", "GPE", 1)},
     {("Kurds", "NORP", 1), ("Oslo", "GPE", 1), ("French", "NORP", 1)}),
    ("merge-acronym-initials", "The Nordic Grain Board met in Oslo. The NGB said prices fell.",
     [("Nordic", 3, "ORG"), ("Oslo", 1, "GPE"), ("NGB", 1, "ORG")],
     {("Nordic Grain Board", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Nordic Grain Board", "ORG", 1), ("NGB", "ORG", 1), ("Oslo", "GPE", 1)}),
    ("merge-acronym-defined", "The Bureau of Tallies (ABT) met in Oslo. ABT said prices fell.",
     [("Bureau", 3, "ORG"), ("ABT", 1, "ORG"), ("Oslo", 1, "GPE"), ("ABT", 1, "ORG")],
     {("Bureau of Tallies", "ORG", 3), ("Oslo", "GPE", 1)},
     {("Bureau of Tallies", "ORG", 1), ("ABT", "ORG", 2), ("Oslo", "GPE", 1)}),
    ("merge-surname", "Maria Lopez spoke in Oslo. Lopez left early.",
     [("Maria", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Lopez", 1, "PERSON")],
     {("Maria Lopez", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Maria Lopez", "PERSON", 1), ("Lopez", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-plural-group", "Aid reached the Ovimbas in Oslo.",
     [("Ovimbas", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Ovimbas", "NORP", 1), ("Oslo", "GPE", 1)},
     {("Ovimbas", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("vote-called-it", "Harmattan said it would keep fighting near Oslo.",
     [("Harmattan", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Harmattan", "ORG", 1), ("Oslo", "GPE", 1)},
     {("Harmattan", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-country", "Troops left Chad for Oslo.",
     [("Chad", 1, "PERSON"), ("Oslo", 1, "GPE")],
     {("Chad", "GPE", 1), ("Oslo", "GPE", 1)},
     {("Chad", "PERSON", 1), ("Oslo", "GPE", 1)}),
    ("type-joined-person", "Maria Lopez spoke in Oslo. Lopez left. Lopez returned.",
     [("Maria", 2, "PERSON"), ("Oslo", 1, "GPE"), ("Lopez", 1, "GPE"), ("Lopez", 1, "GPE")],
     {("Maria Lopez", "PERSON", 3), ("Oslo", "GPE", 1)},
     {("Maria Lopez", "GPE", 3), ("Oslo", "GPE", 1)}),
    ("type-acting-place", "Zintul fired rockets at Oslo. Fighters from Zintul crossed the river.",
     [("Zintul", 1, "ORG"), ("Oslo", 1, "GPE"), ("Zintul", 1, "GPE")],
     {("Zintul", "ORG", 2), ("Oslo", "GPE", 1)},
     {("Zintul", "GPE", 2), ("Oslo", "GPE", 1)}),
    ("recall-repeats", "Senator Maria Lopez spoke in Oslo. Lopez left.",
     [("Maria", 2, "PERSON"), ("Oslo", 1, "GPE")],
     {("Maria Lopez", "PERSON", 2), ("Oslo", "GPE", 1)},
     {("Maria Lopez", "PERSON", 1), ("Oslo", "GPE", 1)}),
]


@pytest.mark.parametrize("name,text,ents,on,off", CASES, ids=[c[0] for c in CASES])
def test_switching_a_rule_off_changes_only_its_rows(parse, name, text, ents, on, off):
    doc = with_ents(parse(text), *ents)
    assert rows(doc) == on
    assert rows(doc, disable={name}) == off


def test_every_actor_rule_has_a_switch_off_case():
    tested = {c[0] for c in CASES} | {"type-facility", "type-org-noun", "type-majority",
                                      "vote-model-label", "merge-country-variants"}
    names = {f.rule_name for group in act.RULE_GROUPS.values() for f in group}
    assert names <= tested


def test_country_variants_merge_only_with_the_rule(parse):
    doc = with_ents(parse("Britain sent aid. The UK also sent doctors to Oslo."),
                    ("Britain", 1, "GPE"), ("UK", 1, "GPE"), ("Oslo", 1, "GPE"))
    assert rows(doc) == {("United Kingdom", "GPE", 2), ("Oslo", "GPE", 1)}
    off = act.extract_actors(doc, disable={"merge-country-variants"})
    assert sorted(len(a.mentions) for a in off if a.name == "United Kingdom") == [1, 1]


def test_facility_noun_after_a_person_makes_a_facility(parse):
    doc = with_ents(parse("Patients left the Amadou Kourouma hospital in Oslo."),
                    ("Amadou", 2, "PERSON"), ("Oslo", 1, "GPE"))
    assert ("Amadou Kourouma hospital", "FAC", 1) in rows(doc)
    assert ("Amadou Kourouma hospital", "PERSON", 1) in rows(doc, disable={"type-facility"})


def test_org_noun_clue_makes_an_org():
    cands = [act._Candidate(0, 1, "PERSON", 0, org_clue=True, key="tarkan")]
    ev = act._TypeEvidence(joined=set(), votes={"PERSON": 1}, agent=False, neuter=False)
    assert act.type_org_noun(cands, ev) == "ORG"
    cands[0].org_clue = False
    assert act.type_org_noun(cands, ev) is None


def test_without_the_majority_rule_undecided_groups_make_no_actor(parse):
    doc = with_ents(parse("Troops left Chad for Oslo."), ("Chad", 1, "PERSON"),
                    ("Oslo", 1, "GPE"))
    assert rows(doc, disable={"type-majority"}) == {("Chad", "GPE", 1)}


def test_model_label_vote():
    ev = act._TypeEvidence(joined=set(), votes={}, agent=False, neuter=False)
    assert act.vote_model_label(act._Candidate(0, 1, "LOC", 0), ev) == "LOC"
    assert act.vote_model_label(act._Candidate(0, 1, "", 0), ev) is None


def test_a_failing_rule_raises(parse, monkeypatch):
    def broken(span, label, sent):
        raise RuntimeError("broken filter")

    monkeypatch.setattr(act, "MENTION_FILTERS", (broken,))
    doc = with_ents(parse("Troops left Chad for Oslo."), ("Oslo", 1, "GPE"))
    with pytest.raises(RuntimeError, match="broken filter"):
        act.extract_actors(doc)
