"""``memo_attribute_ruler`` and ``cached_lemmatizer`` annotate exactly as spaCy's components."""

import itertools

import pytest
import spacy
from spacy.tokens import Doc

from toolkit.nlp import (
    IndexList,
    MemoAttributeRuler,
    cache_supported,
    load_model,
    memo_supported,
    model_info,
    use_memo_components,
)

FIELDS = ("tag_", "pos_", "morph", "lemma_", "dep_", "norm_")

# Written to meet each kind of pattern of en_core_web_sm's ruler: two-token
# patterns ("gon na", "let 's", "c'm on", "y' all", "ai n't", expletive "there"
# + "is"), the space-token pattern (IS_SPACE with a dependency) and the
# patterns conditioned on DEP (pronoun objects, auxiliaries, "do"/"have" as
# main verbs, determiners that stand alone).
SENTENCES = (
    "We're gonna need a bigger boat, and you gotta believe it.\n\nLet's go, y'all.",
    "C'mon, that ain't true.  There is a reason and there are two more.",
    "She gave it to me and then handed you the keys; they have done that before.",
    "He did his homework.   Those were the days, and this is what I had.",
    "I'm not sure it is nothin' but the rain.\nYou've been told.",
)


def annotations(doc) -> list[tuple]:
    return [(t.text, *(str(getattr(t, f)) for f in FIELDS), t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    return load_model(memo=True), load_model(memo=False)


def test_the_model_gets_the_memo_components_and_the_manifest_says_so(pipelines):
    memo, plain = pipelines
    assert model_info(memo)["pipeline"][-3:] == ["memo_attribute_ruler", "cached_lemmatizer", "ner"]
    assert model_info(plain)["pipeline"][-3:] == ["attribute_ruler", "lemmatizer", "ner"]


def test_environment_switch_keeps_spacys_components(monkeypatch):
    monkeypatch.setenv("TOOLKIT_MEMO_COMPONENTS", "off")
    assert {"attribute_ruler", "lemmatizer"} <= set(load_model().pipe_names)
    monkeypatch.delenv("TOOLKIT_MEMO_COMPONENTS")
    assert {"memo_attribute_ruler", "cached_lemmatizer"} <= set(load_model().pipe_names)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_spacy_on_written_sentences(pipelines, text):
    memo, plain = pipelines
    assert annotations(memo(text)) == annotations(plain(text))


def test_each_kind_of_pattern_takes_effect(pipelines):
    memo, _ = pipelines
    doc = memo(" ".join(SENTENCES))
    by_text = {}
    for t in doc:
        by_text.setdefault(t.lower_, []).append(t)
    # two-token patterns: the rule's index picks the second token
    assert [t.lemma_ for t in by_text["na"]] == ["to"]
    assert [t.lemma_ for t in by_text["'s"] if t.nbor(-1).lower_ == "let"] == ["us"]
    assert [t.lemma_ for t in by_text["ai"]] == ["be"]
    # the expletive pattern sets the verb after "there"
    assert {t.nbor(1).pos_ for t in doc if t.dep_ == "expl"} == {"VERB"}
    # IS_SPACE with a dependency: the space token's label becomes "dep"
    assert {t.dep_ for t in doc if t.is_space and t.dep_} == {"dep"}
    # DEP-conditioned: a pronoun object is accusative
    assert any("Case=Acc" in str(t.morph) for t in by_text["it"] if t.dep_ in ("dobj", "pobj"))


def _blank_with_ruler(rules):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    for patterns, attrs, index in rules:
        ruler.add(patterns, attrs, index=index)
    return nlp, ruler


# Overlapping rules on an invented vocabulary: later rules overwrite earlier
# ones, a two-token rule sits between one-token rules, a negative index, a
# regular expression, a set of values, a NOT_IN on a dependency, a space token,
# an empty spec (any token).
RULES = [
    ([[{}]], {"MORPH": "Foo=Bar"}, 0),
    ([[{"TAG": "NN"}]], {"POS": "NOUN", "LEMMA": "first"}, 0),
    ([[{"LOWER": "zib"}, {"LOWER": "zab"}]], {"LEMMA": "pair"}, -1),
    ([[{"LOWER": "zab"}]], {"POS": "VERB"}, 0),
    ([[{"LOWER": {"REGEX": "^qu+x$"}, "TAG": "NN"}]], {"LEMMA": "quux", "MORPH": "Number=Sing"}, 0),
    ([[{"LOWER": {"IN": ["zib", "zob"]}, "DEP": {"NOT_IN": ["nsubj", ""]}}]], {"POS": "ADV"}, 0),
    ([[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], {"DEP": "dep"}, 0),
    ([[{"TAG": "NN"}, {"TAG": "NN"}], [{"ORTH": "Zob"}]], {"LEMMA": "late", "TAG": "XX"}, 0),
    ([[{"LOWER": "zab", "TAG": "NN"}]], {"NORM": "zb"}, 0),
]
WORDS = ["zib", "zab", "quux", "quuux", "Zob", "zob", "  ", "pet"]
TAGS = ["NN", "VB", "DT"]
DEPS = ["nsubj", "dobj", "ROOT", "dep"]


def _docs(vocab, n=60):
    combos = itertools.product(WORDS, TAGS, DEPS)
    pool = list(combos)
    for k in range(n):
        picks = [pool[(k * 7 + j * 13) % len(pool)] for j in range(6 + k % 5)]
        words = [w for w, _, _ in picks]
        yield Doc(vocab, words=words, tags=[t for _, t, _ in picks],
                  deps=[d if j else "ROOT" for j, (_, _, d) in enumerate(picks)],
                  heads=[0] * len(words))


def test_order_and_overwrites_match_spacy_on_invented_rules():
    nlp, ruler = _blank_with_ruler(RULES)
    assert memo_supported(ruler)
    memo = MemoAttributeRuler(ruler)
    compared = changed = 0
    for doc in _docs(nlp.vocab):
        a, b = ruler(doc.copy()), memo(doc.copy())
        assert annotations(a) == annotations(b)
        compared += len(doc)
        changed += sum(x != y for x, y in zip(annotations(doc), annotations(a), strict=True))
    assert compared > 300 and changed > 100


def test_patterns_the_memo_cannot_reproduce_keep_spacys_ruler():
    nlp, ruler = _blank_with_ruler([([[{"LOWER": "a", "OP": "+"}]], {"LEMMA": "b"}, 0)])
    assert not memo_supported(ruler)
    use_memo_components(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]
    _, lexical = _blank_with_ruler([([[{"LOWER": "a"}]], {"SHAPE": "x"}, 0)])
    assert not memo_supported(lexical)
    _, extension = _blank_with_ruler([([[{"_": {"x": 1}}]], {"LEMMA": "b"}, 0)])
    assert not memo_supported(extension)


def test_cached_lemmatizer_gives_the_same_lemmas_and_fills_the_same_cache(pipelines):
    memo, plain = pipelines
    text = " ".join(SENTENCES) + " The geese were running faster; better days lay ahead of us."
    assert [t.lemma_ for t in memo(text)] == [t.lemma_ for t in plain(text)]
    cache, plain_cache = memo.get_pipe("cached_lemmatizer").lemmatizer.cache, plain.get_pipe("lemmatizer").cache
    shared = cache.keys() & plain_cache.keys()
    assert len(shared) > 10 and all(cache[k] == plain_cache[k] for k in shared)


def test_the_lemmatizers_word_index_holds_the_same_words_and_gives_the_same_answers(pipelines):
    memo, plain = pipelines
    index = memo.get_pipe("cached_lemmatizer").lemmatizer.lookups.get_table("lemma_index")
    plain_index = plain.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    assert list(index) == list(plain_index) and len(index) > 1
    for key, words in index.items():
        assert isinstance(words, IndexList) and words == plain_index[key]
        probes = [words[0], words[-1], words[0].upper(), "qqzx", "", 7]
        assert [p in words for p in probes] == [p in plain_index[key] for p in probes]


def test_lookup_lemmatizers_are_left_to_spacy():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert not cache_supported(nlp.get_pipe("lemmatizer"))
    use_memo_components(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
