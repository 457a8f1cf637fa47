"""corpus_table: per-article tables joined into one, with a grouping column."""

from __future__ import annotations

import pytest

from toolkit import contract
from toolkit.analysis import Analysis
from toolkit.read import article_from_text
from toolkit.tables import corpus_table, voices


def _analysis(aid: str, quotes: list[dict]) -> Analysis:
    tables = {"quotes": contract.frame("quotes", quotes, article_id=aid)}
    return Analysis.from_tables(article=article_from_text("x", article_id=aid), doc=None,
                                tables=tables)


def test_rows_of_all_articles_in_input_order_with_their_group():
    one = _analysis("bbc-001", [{"speaker": "Ana", "kind": "direct"},
                                {"speaker": "Tom", "kind": "indirect"}])
    two = _analysis("guardian-001", [{"speaker": "Ana", "kind": "indirect"}])
    df = corpus_table([one, two], "quotes", groups={"bbc-001": "bbc", "guardian-001": "guardian"},
                      group_column="outlet")
    assert list(df.columns) == list(contract.TABLES["quotes"]) + ["outlet"]
    assert df["article_id"].tolist() == ["bbc-001", "bbc-001", "guardian-001"]
    assert df["outlet"].tolist() == ["bbc", "bbc", "guardian"]
    assert df.index.tolist() == [0, 1, 2]


def test_tables_and_analyses_mix_and_no_rows_gives_the_contract_columns():
    table = contract.frame("quotes", [{"speaker": "Ana"}], article_id="a")
    df = corpus_table([table, _analysis("b", [])], "quotes", groups=str.upper)
    assert df["group"].tolist() == ["A"]
    empty = corpus_table([_analysis("b", [])], "quotes")
    assert empty.empty and list(empty.columns) == list(contract.TABLES["quotes"])


def test_unknown_table_or_item_is_refused():
    with pytest.raises(KeyError, match="no contract table"):
        corpus_table([], "speakers")
    with pytest.raises(TypeError):
        corpus_table(["not a table"], "quotes")


def test_voices_puts_mentions_beside_quotes_for_one_article_or_a_corpus():
    actors = contract.frame("actors", [
        {"article_id": "a", "actor": "Ana", "type": "PERSON", "mentions": 3},
        {"article_id": "a", "actor": "City Council", "type": "ORG", "mentions": 2},
        {"article_id": "b", "actor": "Ana", "type": "PERSON", "mentions": 1},
        {"article_id": "b", "actor": "Tom", "type": "PERSON", "mentions": 4}])
    quotes = contract.frame("quotes", [
        {"article_id": "a", "speaker": "she", "speaker_actor": "Ana"},
        {"article_id": "a", "speaker": "Ana", "speaker_actor": "Ana"},
        {"article_id": "b", "speaker": "a clerk", "speaker_actor": ""}])
    df = voices(actors, quotes).set_index("actor")
    assert list(df.index) == ["Ana", "Tom", "City Council"]  # most mentioned first
    assert df.loc["Ana"].tolist() == ["PERSON", 2, 4, 2, 1]
    assert df.loc["Tom", "quotes"] == 0  # talked about, never heard
    people = voices(actors, quotes, types=["PERSON"])
    assert "City Council" not in set(people["actor"])
