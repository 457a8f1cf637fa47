"""Per-doc caches of the extraction stages: plain data, right for their doc."""

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from toolkit.actors import extract_actors
from toolkit.figures import extract_figures
from toolkit.nlp import token_columns
from toolkit.quotes import extract_quotes


def test_token_columns_hold_each_tokens_attributes(parse):
    doc = parse("Mayor Ines Vidal said the port of Brennet would reopen.")
    cols = token_columns(doc)
    assert cols["text"] == [t.text for t in doc]
    assert cols["lower"] == [t.lower_ for t in doc]
    assert cols["tag"] == [t.tag_ for t in doc]
    assert cols["dep"] == [t.dep_ for t in doc]
    assert cols["ent"] == [t.ent_type_ for t in doc]
    assert cols["lemma"] == [t.lemma_ for t in doc]
    assert cols["head"] == [t.head.i for t in doc]
    assert any(h < i for i, h in enumerate(cols["head"]))  # heads before and after
    assert any(h > i for i, h in enumerate(cols["head"]))
    assert any(cols["ent"]) and "" in cols["ent"]  # entity types and empty ones


def test_token_columns_recomputed_when_user_data_holds_another_docs():
    first, second = Doc(Vocab(), words=["Short"]), Doc(Vocab(), words=["A", "longer", "one"])
    token_columns(first)
    second.user_data.update(first.user_data)  # as Doc.copy or a careless merge would
    assert token_columns(second)["text"] == ["A", "longer", "one"]


def test_a_doc_still_serialises_after_every_extraction_stage(nlp, parse):
    doc = parse("Coach Marta Pol of the Kessel Rovers said her team won 3-1 in Lisbon.\n\n"
                "\"We were ready,\" Pol said. Rovers fans spent 200 euros each, the club said.")
    actors = extract_actors(doc)
    quotes = extract_quotes(doc, actors=actors)
    extract_figures(doc, quotes=quotes)
    assert "toolkit_token_columns" in doc.user_data
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (back,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    # msgpack gives lists back as tuples: the rules only index and slice them
    assert list(back.user_data["toolkit_token_columns"]["text"]) == [t.text for t in doc]
    assert [a.name for a in extract_actors(back)] == [a.name for a in actors]


def test_children_by_relation_kept_per_doc_match_the_parse(parse):
    from toolkit.actors import _has_child, _has_conjuncts

    doc = parse("Tarn Motors' new truck and his old bike were sold by the firm's owner.")
    for dep in ("poss", "conj"):
        expected = [any(c.dep_ == dep for c in t.children) for t in doc]
        assert any(expected)  # the sentence has owners and a list
        assert [_has_child(doc, i, dep) for i in range(len(doc))] == expected
        assert token_columns(doc)[f"has_{dep}"] == expected  # plain bools beside the columns
    # a token without this answer has no conjuncts
    assert all(_has_conjuncts(doc, t.i) for t in doc if list(t.conjuncts))
