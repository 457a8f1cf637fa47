"""Term counting on short texts whose right counts are known by hand."""

from __future__ import annotations

import time

import pandas as pd
import pytest

from toolkit import contract
from toolkit.actors import Actor, Mention
from toolkit.article import Article, Paragraph
from toolkit.frequency import (
    UNSEEN_ZIPF,
    baseline_zipf,
    corpus_terms,
    distinctive_terms,
    keyterms,
    kwic,
    term_counts,
    terms_table,
    word_count,
)
from toolkit.nlp import make_doc

MARKET = ("The farmers sold apples at the market.\n\n"
          "Apples were cheap. The farmer said 3 apples cost 2 dollars!")


def counts(df: pd.DataFrame) -> dict[str, int]:
    return {t: int(c) for t, c in zip(df["term"], df["count"], strict=True)}


def test_lemma_counts_drop_stop_words_punctuation_and_numbers(parse):
    got = counts(term_counts(parse(MARKET)))
    assert got == {"apple": 3, "farmer": 2, "sell": 1, "market": 1, "cheap": 1, "say": 1,
                   "cost": 1, "dollar": 1}


def test_counts_sorted_by_count_then_term(parse):
    df = term_counts(parse(MARKET))
    assert list(df["term"][:2]) == ["apple", "farmer"]
    tail = list(df["term"][2:])
    assert tail == sorted(tail)  # all count 1: alphabetical


def test_terms_table_has_contract_columns_and_empty_article_id(parse):
    df = terms_table(parse(MARKET))
    assert list(df.columns) == list(contract.TABLES["terms"])
    assert df["article_id"].isna().all()
    assert counts(df)["apple"] == 3
    assert str(df["count"].dtype) == "Int64"


def test_headings_are_not_counted(nlp):
    art = Article(id="h", paragraphs=[Paragraph("ORCHARD HARVEST", "heading"),
                                      Paragraph("Workers gathered pears.", "body")])
    doc = nlp(make_doc(art, nlp))
    got = counts(terms_table(doc))
    assert got == {"worker": 1, "gather": 1, "pear": 1}
    assert word_count(doc) == 3


def test_lowercase_and_verbatim_counts(parse):
    doc = parse("Apples and apples. APPLES!")
    assert counts(term_counts(doc, by="lower")) == {"apples": 3}
    assert counts(term_counts(doc, by="orth")) == {"Apples": 1, "apples": 1, "APPLES": 1}


def _is_content(tok):
    """The content test written over Tokens, as the flag array must answer it."""
    if tok.is_space or tok.is_punct or tok.like_num or tok.is_stop:
        return False
    if tok.pos_ in ("PUNCT", "SYM", "NUM", "SPACE"):
        return False
    return any(ch.isalpha() for ch in tok.text)


def test_content_words_from_the_flag_array_match_the_token_test(parse):
    from toolkit.frequency import _content_words

    doc = parse("On 3 May the 2 farmers -- and   their dogs -- said: \"Sell 10% more!\" It's $4.")
    assert _content_words(doc) == tuple(_is_content(t) for t in doc)
    assert any(_content_words(doc)) and not all(_content_words(doc))


def test_bigrams_skip_stop_word_edges_punctuation_and_numbers(parse):
    doc = parse("Solar panels and solar panels. The 3 solar panels shone.")
    got = counts(term_counts(doc, ngrams=2))
    assert got["solar panel"] == 3
    assert not any(" and" in t or "and " in t or "3" in t for t in got)
    both = counts(term_counts(doc, ngrams=(1, 2)))
    assert both["solar"] == 3 and both["solar panel"] == 3


def test_min_count_and_bad_options(parse):
    doc = parse(MARKET)
    assert set(counts(term_counts(doc, min_count=2))) == {"apple", "farmer"}
    with pytest.raises(ValueError):
        term_counts(doc, by="stem")
    with pytest.raises(ValueError):
        term_counts(doc, ngrams=0)


def test_empty_doc_gives_empty_tables(parse):
    doc = parse("")
    assert term_counts(doc).empty
    assert terms_table(doc).empty
    assert kwic(doc, "x").empty
    assert distinctive_terms(doc).empty


def _needs_textacy():
    """Key terms need textacy, installed on Python 3.10-3.12 only (floret has no 3.13 wheel)."""
    pytest.importorskip("textacy.extract", reason="textacy is not installed (Python 3.13)")


def test_keyterms_of_an_empty_doc_is_empty(parse):
    _needs_textacy()
    assert keyterms(parse("")).empty


def test_keyterms_without_textacy_says_how_to_get_it(parse, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "textacy.extract", None)
    with pytest.raises(ImportError, match="Python 3.12"):
        keyterms(parse("Solar panels cover the roof."))


@pytest.mark.parametrize("method", ["sgrank", "textrank"])
def test_keyterms_ranked_frame(parse, method):
    _needs_textacy()
    doc = parse("Solar panels cover the roof of the town hall. The town hall now sells power. "
                "Residents like the solar panels on the town hall.")
    df = keyterms(doc, method=method, topn=3)
    assert list(df.columns) == ["rank", "term", "score"]
    assert 1 <= len(df) <= 3
    assert list(df["rank"]) == list(range(1, len(df) + 1))
    assert df["score"].is_monotonic_decreasing
    assert any("town hall" in t or "solar panel" in t for t in df["term"])
    with pytest.raises(ValueError):
        keyterms(doc, method="magic")


def test_kwic_whole_words_offsets_and_sentences(parse):
    doc = parse("Bees make honey. A beekeeper sells honey.\n\nHoney is sweet.")
    df = kwic(doc, "honey", window=10)
    assert list(df["keyword"]) == ["honey", "honey", "Honey"]
    assert list(df["sentence"]) == [0, 1, 2]
    for s, e, kw in zip(df["start_char"], df["end_char"], df["keyword"], strict=True):
        assert doc.text[s:e] == kw
    assert df["left"][0] == "Bees make "
    assert all(len(x) <= 10 for x in df["left"]) and all("\n" not in x for x in df["right"])
    assert len(kwic(doc, "bee")) == 0  # "Bees" and "beekeeper" are other words
    assert len(kwic(doc, r"[Bb]ee\w*")) == 2  # a regex matches both


def test_kwic_for_an_actor_uses_names_and_aliases(parse):
    doc = parse("Mayor Lena Ortiz opened the bridge. Ortiz thanked the builders.")
    ortiz = Actor("Lena Ortiz", "PERSON", aliases=["Ortiz"],
                  mentions=[Mention("Lena Ortiz", 6, 16, 0)])
    df = kwic(doc, ortiz, window=15)
    assert list(df["keyword"]) == ["Lena Ortiz", "Ortiz"]
    assert list(df["sentence"]) == [0, 1]


def test_distinctive_terms_topic_word_beats_said(parse):
    doc = parse("The volcano erupted, officials said. The volcano smoked, scientists said. "
                "Nobody said the volcano would sleep.")
    df = distinctive_terms(doc)
    rank = {t: i for i, t in enumerate(df["term"])}
    assert rank["volcano"] < rank["say"]
    row = df.set_index("term").loc["volcano"]
    assert row["count"] == 3
    assert row["zipf_baseline"] < 4 < row["zipf_doc"]
    assert row["log10_ratio"] == pytest.approx(row["zipf_doc"] - row["zipf_baseline"])


def test_distinctive_terms_from_counts_known_values():
    df = distinctive_terms({"glacier": 4, "say": 5}, total=400)
    assert list(df["term"]) == ["glacier", "say"]
    # 4 of 400 words = 10,000 per million = zipf 7.
    assert df["zipf_doc"][0] == pytest.approx(7.0)
    assert df["per_million"][1] == pytest.approx(12_500)
    unseen = distinctive_terms({"qzxvbn": 1}, total=10)
    assert unseen["zipf_baseline"][0] == 1.0  # words wordfreq never saw get the floor


@pytest.mark.parametrize("odd", ["", "%%%", "\u200b", "a" * 500, "\ud800"])
def test_baseline_of_a_string_with_no_known_word_is_unseen(odd):
    assert baseline_zipf(odd) == UNSEEN_ZIPF


def test_an_unknown_language_raises_instead_of_scoring_every_term_unseen():
    with pytest.raises(LookupError, match="xx"):
        baseline_zipf("river", lang="xx")
    with pytest.raises(LookupError):
        distinctive_terms({"river": 3}, lang="xx")


def test_corpus_terms_sum_and_document_frequency():
    a = pd.DataFrame({"article_id": "a", "term": ["rain", "wind"], "count": [3, 1]})
    b = pd.DataFrame({"article_id": "b", "term": ["rain", "snow"], "count": [2, 4]})
    c = pd.DataFrame({"article_id": "c", "term": ["snow"], "count": [1]})
    total = corpus_terms([a, b, c], how="sum")
    assert list(total["term"]) == ["rain", "snow", "wind"]
    assert counts(total) == {"rain": 5, "snow": 5, "wind": 1}
    assert list(total["articles"]) == [2, 2, 1]
    df = corpus_terms(pd.concat([a, b, c]), how="df")
    assert df.to_dict("records")[0] == {"term": "rain", "count": 5, "articles": 2,
                                        "share": pytest.approx(2 / 3)}
    assert list(corpus_terms([a, b, c], how="df", min_articles=2)["term"]) == ["rain", "snow"]
    with pytest.raises(ValueError):
        corpus_terms([a], how="mean")


def test_corpus_terms_from_analyses(nlp):
    import toolkit

    one = toolkit.analyze(toolkit.article_from_text("Rain fell. Rain stopped.", article_id="1"),
                          nlp=nlp)
    two = toolkit.analyze(toolkit.article_from_text("Rain and snow.", article_id="2"), nlp=nlp)
    df = corpus_terms([one, two])
    assert counts(df)["rain"] == 3
    assert df.set_index("term").loc["rain", "articles"] == 2


def test_counting_is_cheap(parse):
    text = "\n\n".join(f"Farmers in valley {i} sold apples and pears at the market. "
                       "Traders said prices rose." for i in range(150))
    doc = parse(text)
    t0 = time.process_time()
    df = terms_table(doc)
    elapsed = time.process_time() - t0
    assert counts(df)["apple"] == 150
    assert elapsed < 1.0
