"""The primer's views of the parse: tokens, the dependency picture, the label glossary."""

from __future__ import annotations

from toolkit import concepts


def test_token_table_shows_lemma_part_of_speech_and_head(parse):
    doc = parse("The farmers sold 200 apples.")
    df = concepts.token_table(doc)
    row = df.set_index("text").loc["farmers"]
    assert row["lemma"] == "farmer" and row["pos"] == "NOUN" and row["head"] == "sold"
    assert row["pos_means"] == "noun"
    assert bool(df.set_index("text").loc["200", "like_num"])
    assert df.set_index("text").loc["sold", "dep"] == "ROOT"


def test_show_parse_is_reproducible_and_draws_every_word(parse):
    doc = parse("Officials said the bridge reopened.")
    one = concepts.show_parse(doc, jupyter=False)
    assert one == concepts.show_parse(doc, jupyter=False)  # no random id
    assert 'id="parse-0"' in one
    for word in ("Officials", "said", "bridge", "reopened"):
        assert word in one
    assert "ccomp" in one  # the reported clause hangs from the speech verb


def test_entity_glossary_explains_every_label_and_takes_examples_from_the_text(parse):
    doc = parse("Maria Lopez of the Green Party visited Paris on Monday.")
    df = concepts.entity_glossary(doc).set_index("label")
    assert {"GPE", "NORP", "FAC", "PERSON", "ORG", "LOC"} <= set(df.index)
    assert df.loc["GPE", "means"].startswith("Countries, cities")
    assert "Paris" in df.loc["GPE", "examples"] and df.loc["GPE", "in_this_text"] == 1
    assert df.loc["DATE", "toolkit"] == "timeline"
    assert (df["means"] != "").all()


def test_dependency_glossary_names_the_labels_rules_use():
    assert "ccomp" in concepts.DEPENDENCY_GLOSSARY and "indirect-ccomp" in concepts.DEPENDENCY_GLOSSARY["ccomp"]
