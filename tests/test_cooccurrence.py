"""Co-occurrence counts on hand-made texts with hand-made actors."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from toolkit import contract
from toolkit.actors import Actor, Mention
from toolkit.cooccurrence import (
    actor_windows,
    association,
    check_window,
    cooccurrence_table,
    corpus_cooccurrence,
    window_name,
)

TEXT = ("Ana Ruiz met the City Council. Ana Ruiz thanked Tom Ode. "
        "Ana Ruiz called the City Council again.\n\n"
        "Tom Ode and the City Council argued.")


def make_actors(doc, forms: dict[str, tuple[str, list[str]]]) -> list[Actor]:
    """Actors whose mentions are every occurrence of the given surface forms."""
    starts = [s.start_char for s in doc.sents]
    actors = []
    for name, (kind, surfaces) in forms.items():
        mentions = []
        for form in surfaces:
            pos = doc.text.find(form)
            while pos >= 0:
                sent = max(i for i, s in enumerate(starts) if s <= pos)
                mentions.append(Mention(form, pos, pos + len(form), sent))
                pos = doc.text.find(form, pos + 1)
        actors.append(Actor(name, kind, mentions=sorted(mentions, key=lambda m: m.start_char)))
    return actors


@pytest.fixture
def council(parse):
    doc = parse(TEXT)
    actors = make_actors(doc, {"Tom Ode": ("PERSON", ["Tom Ode"]),
                               "City Council": ("ORG", ["City Council"]),
                               "Ana Ruiz": ("PERSON", ["Ana Ruiz"])})
    return doc, actors


def weights(df: pd.DataFrame) -> dict[tuple[str, str], int]:
    return {(a, b): int(w) for a, b, w in zip(df["actor_a"], df["actor_b"], df["weight"],
                                              strict=True)}


def test_sentence_window_counts(council):
    doc, actors = council
    assert len(list(doc.sents)) == 4
    df = cooccurrence_table(doc, actors)
    assert list(df.columns) == list(contract.TABLES["cooccurrence"])
    assert weights(df) == {("Ana Ruiz", "City Council"): 2, ("Ana Ruiz", "Tom Ode"): 1,
                           ("City Council", "Tom Ode"): 1}
    # heaviest first, then by names; names ordered within the pair
    assert list(df["actor_a"]) == ["Ana Ruiz", "Ana Ruiz", "City Council"]
    assert (df["actor_a"] < df["actor_b"]).all()
    assert df["article_id"].isna().all()


def test_paragraph_window_counts(council):
    doc, actors = council
    df = cooccurrence_table(doc, actors, window="paragraph")
    # paragraph 1 holds all three, paragraph 2 Tom Ode and the council
    assert weights(df) == {("Ana Ruiz", "City Council"): 1, ("Ana Ruiz", "Tom Ode"): 1,
                           ("City Council", "Tom Ode"): 2}


def test_repeated_mentions_in_one_window_count_once(parse):
    doc = parse("Kim Lee and Kim Lee's aide met Bo Dahl and Bo Dahl's aide.")
    actors = make_actors(doc, {"Kim Lee": ("PERSON", ["Kim Lee"]),
                               "Bo Dahl": ("PERSON", ["Bo Dahl"])})
    assert weights(cooccurrence_table(doc, actors)) == {("Bo Dahl", "Kim Lee"): 1}


def test_token_window_boundary(parse):
    # tokens: Kim(0) Lee(1) met(2) Bo(3) Dahl(4) .(5)
    doc = parse("Kim Lee met Bo Dahl. Later Kim Lee left.")
    actors = make_actors(doc, {"Kim Lee": ("PERSON", ["Kim Lee"]),
                               "Bo Dahl": ("PERSON", ["Bo Dahl"])})
    assert cooccurrence_table(doc, actors, window=3).empty  # Bo Dahl starts 3 tokens on
    assert weights(cooccurrence_table(doc, actors, window=4)) == {("Bo Dahl", "Kim Lee"): 1}
    # Bo Dahl(3) -> Kim Lee(7): a window of 5 from Bo Dahl reaches token 7
    assert weights(cooccurrence_table(doc, actors, window=5)) == {("Bo Dahl", "Kim Lee"): 2}
    assert weights(cooccurrence_table(doc, actors, window="5")) == {("Bo Dahl", "Kim Lee"): 2}


def test_windows_listing(council):
    doc, actors = council
    assert actor_windows(doc, actors) == [["Ana Ruiz", "City Council"], ["Ana Ruiz", "Tom Ode"],
                                          ["Ana Ruiz", "City Council"],
                                          ["City Council", "Tom Ode"]]


def test_no_actors_or_single_actor_gives_empty_table(parse):
    doc = parse("Nobody came. Kim Lee waited.")
    assert cooccurrence_table(doc, []).empty
    alone = make_actors(doc, {"Kim Lee": ("PERSON", ["Kim Lee"])})
    df = cooccurrence_table(doc, alone)
    assert df.empty and list(df.columns) == list(contract.TABLES["cooccurrence"])


def test_window_option_checks():
    assert check_window("sentence") == "sentence"
    assert check_window("12") == 12
    assert window_name(12) == "12 tokens" and window_name("paragraph") == "paragraph"
    for bad in ("page", 0, 1, -3, True):
        with pytest.raises(ValueError):
            check_window(bad)


def test_association_known_values():
    cooc = pd.DataFrame({"actor_a": ["A", "A"], "actor_b": ["B", "C"], "weight": [2, 1]})
    actors = pd.DataFrame({"actor": ["A", "B", "C"], "type": "ORG", "mentions": [2, 2, 1]})
    df = association(cooc, actors, min_count=1)
    # N = 5 mentions; A-B: expected 2*2/5 = 0.8, pmi = log2(2/0.8), npmi = pmi / -log2(2/5) = 1
    ab = df.iloc[0]
    assert ab["expected"] == pytest.approx(0.8)
    assert ab["pmi"] == pytest.approx(math.log2(2.5))
    assert ab["npmi"] == pytest.approx(1.0)
    ac = df.iloc[1]
    assert ac["pmi"] == pytest.approx(math.log2(1 / 0.4))
    assert list(df.columns[:3]) == ["actor_a", "actor_b", "weight"]
    unknown = association(pd.DataFrame({"actor_a": ["X"], "actor_b": ["Y"], "weight": [1]}),
                          actors, min_count=1)
    assert unknown["pmi"].isna().all()


def test_association_scores_only_pairs_seen_at_least_min_count_times():
    cooc = pd.DataFrame({"actor_a": ["A", "A"], "actor_b": ["B", "C"], "weight": [3, 2]})
    actors = pd.DataFrame({"actor": ["A", "B", "C"], "type": "ORG", "mentions": [6, 4, 2]})
    df = association(cooc, actors)  # default: at least 3 co-occurrences
    assert df["min_count"].tolist() == [3, 3]  # the threshold is stated in the output
    assert pd.notna(df.loc[0, "pmi"]) and pd.notna(df.loc[0, "npmi"])
    assert pd.isna(df.loc[1, "pmi"]) and pd.isna(df.loc[1, "npmi"])
    assert df.loc[1, "expected"] == pytest.approx(6 * 2 / 12)  # still shown: it is a count
    assert association(cooc, actors, min_count=2)["pmi"].notna().all()


def test_corpus_cooccurrence_sum_df_and_association():
    one = pd.DataFrame({"article_id": "1", "actor_a": ["A", "A"], "actor_b": ["B", "C"],
                        "weight": [2, 1]})
    two = pd.DataFrame({"article_id": "2", "actor_a": ["A"], "actor_b": ["B"], "weight": [1]})
    three = pd.DataFrame({"article_id": "3", "actor_a": ["C"], "actor_b": ["A"], "weight": [5]})
    summed = corpus_cooccurrence([one, two, three])
    assert weights(summed) == {("A", "C"): 6, ("A", "B"): 3}
    assert list(summed["actor_a"] + summed["actor_b"]) == ["AC", "AB"]
    four = pd.DataFrame({"article_id": "4", "actor_a": ["B"], "actor_b": ["C"], "weight": [9]})
    by_df = corpus_cooccurrence(pd.concat([one, two, three, four]), how="df")
    # in two articles each (ties by weight), then the heavier pair found once
    assert list(by_df["articles"]) == [2, 2, 1]
    assert list(by_df["actor_a"] + by_df["actor_b"]) == ["AC", "AB", "BC"]
    common = corpus_cooccurrence([one, two, three, four], min_articles=2)
    assert weights(common) == {("A", "C"): 6, ("A", "B"): 3}
    actors = pd.DataFrame({"actor": ["A", "B", "C", "A"], "type": "ORG",
                           "mentions": [5, 3, 4, 2]})
    scored = corpus_cooccurrence([one, two, three], actors=actors)
    assert {"expected", "pmi", "npmi"} <= set(scored.columns)
    assert scored["npmi"].between(-1, 1).all()


def test_corpus_cooccurrence_from_analyses(nlp, parse):
    from toolkit.analysis import Analysis
    from toolkit.read import article_from_text

    doc = parse(TEXT)
    actors = make_actors(doc, {"Tom Ode": ("PERSON", ["Tom Ode"]),
                               "City Council": ("ORG", ["City Council"]),
                               "Ana Ruiz": ("PERSON", ["Ana Ruiz"])})
    from toolkit.actors import actors_table

    tables = {"cooccurrence": cooccurrence_table(doc, actors), "actors": actors_table(actors)}
    a = Analysis.from_tables(article=article_from_text(TEXT), doc=doc, tables=tables)
    df = corpus_cooccurrence([a, a], min_count=1)
    assert weights(df)[("Ana Ruiz", "City Council")] == 4
    assert set(df["articles"]) == {2}
    assert df["pmi"].notna().all()
    default = corpus_cooccurrence([a, a])  # scores only pairs seen together 3+ times
    assert (default["pmi"].notna() == (default["weight"] >= 3)).all()
