"""The actor network: attributes, exports that round-trip, a stable layout."""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from toolkit import contract
from toolkit.actors import Actor, Mention, actors_table
from toolkit.cooccurrence import cooccurrence_table
from toolkit.network import actor_graph, graph_from_analysis, layout, to_gexf, to_graphml

TEXT = ("Ana Ruiz met the City Council. Ana Ruiz thanked Tom Ode. "
        "Ana Ruiz called the City Council again.\n\n"
        "Tom Ode and the City Council argued. Lima was quiet.")


def _actors(doc) -> list[Actor]:
    out = []
    for name, kind in (("Ana Ruiz", "PERSON"), ("City Council", "ORG"), ("Tom Ode", "PERSON"),
                       ("Lima", "GPE")):
        ms, pos = [], doc.text.find(name)
        while pos >= 0:
            sent = max(i for i, s in enumerate(doc.sents) if s.start_char <= pos)
            ms.append(Mention(name, pos, pos + len(name), sent))
            pos = doc.text.find(name, pos + 1)
        out.append(Actor(name, kind, mentions=ms))
    return out


@pytest.fixture
def tables(parse):
    doc = parse(TEXT)
    actors = _actors(doc)
    quotes = contract.frame("quotes", [
        {"speaker": "Ruiz", "speaker_actor": "Ana Ruiz", "kind": "direct"},
        {"speaker": "Ruiz", "speaker_actor": "Ana Ruiz", "kind": "indirect"},
        {"speaker": "she", "speaker_actor": "Ana Ruiz", "kind": "direct"},
        {"speaker": "a clerk", "speaker_actor": None, "kind": "direct"},
        {"speaker": "Ode", "speaker_actor": "Tom Ode", "kind": "indirect"}])
    return actors_table(actors), cooccurrence_table(doc, actors), quotes


def test_node_and_edge_attributes(tables):
    actors, cooc, quotes = tables
    g = actor_graph(actors, cooc, quotes=quotes)
    assert list(g.nodes) == ["Ana Ruiz", "City Council", "Tom Ode"]  # most mentioned first
    ana = g.nodes["Ana Ruiz"]
    assert ana == {"label": "Ana Ruiz", "type": "PERSON", "mentions": 3, "quoted": 3,
                   "quoted_direct": 2, "quoted_indirect": 1}
    assert g.nodes["Tom Ode"]["quoted"] == 1 and g.nodes["City Council"]["quoted"] == 0
    assert g["Ana Ruiz"]["City Council"]["weight"] == 2
    assert g["City Council"]["Tom Ode"]["weight"] == 1
    assert "Lima" not in g  # co-occurs with nobody


def test_isolates_and_min_weight(tables):
    actors, cooc, quotes = tables
    g = actor_graph(actors, cooc, isolates=True)
    assert "Lima" in g and g.degree("Lima") == 0 and g.nodes["Lima"]["type"] == "GPE"
    heavy = actor_graph(actors, cooc, min_weight=2)
    assert sorted(heavy.edges) == [("Ana Ruiz", "City Council")]


def test_actor_objects_and_empty_input(parse):
    doc = parse(TEXT)
    actors = _actors(doc)
    g = actor_graph(actors, cooccurrence_table(doc, actors))
    assert g.nodes["Ana Ruiz"]["mentions"] == 3
    assert actor_graph(None, contract.empty("cooccurrence")).number_of_nodes() == 0


def test_gexf_round_trip_matches_cooccurrence(tables, tmp_path):
    actors, cooc, quotes = tables
    path = to_gexf(actor_graph(actors, cooc, quotes=quotes), tmp_path / "network.gexf")
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(cooc["actor_a"]) | set(cooc["actor_b"])
    got = {tuple(sorted(e)): d["weight"] for *e, d in back.edges(data=True)}
    want = {(a, b): float(w) for a, b, w in zip(cooc["actor_a"], cooc["actor_b"],
                                                cooc["weight"], strict=True)}
    assert got == want
    assert back.nodes["Ana Ruiz"]["type"] == "PERSON"
    assert int(back.nodes["Ana Ruiz"]["quoted"]) == 3


def test_graphml_round_trip(tables, tmp_path):
    actors, cooc, quotes = tables
    g = actor_graph(actors, cooc, quotes=quotes)
    g.nodes["Tom Ode"]["type"] = None  # None must not break the writers
    back = nx.read_graphml(to_graphml(g, tmp_path / "network.graphml"))
    assert set(back.nodes) == set(g.nodes)
    assert back["Ana Ruiz"]["City Council"]["weight"] == 2
    assert back.nodes["Tom Ode"]["type"] == ""


def test_layout_is_stable_and_in_unit_square():
    g = nx.Graph()
    g.add_weighted_edges_from([("a", "b", 3), ("b", "c", 1), ("c", "a", 1), ("d", "e", 1)])
    g.add_node("f")
    one, two = layout(g), layout(g)
    assert one == two
    assert set(one) == set(g.nodes)
    assert all(0 <= x <= 1 and 0 <= y <= 1 for x, y in one.values())
    points = sorted(one.values())
    assert len(set(points)) == len(points)  # no two nodes on the same spot


def test_graph_from_analyses_sums_articles(tables, parse):
    from toolkit.analysis import Analysis
    from toolkit.read import article_from_text

    actors, cooc, quotes = tables
    a = Analysis.from_tables(article=article_from_text(TEXT), doc=parse(TEXT),
                 tables={"actors": actors, "cooccurrence": cooc, "quotes": quotes})
    g = graph_from_analysis([a, a])
    assert g["Ana Ruiz"]["City Council"]["weight"] == 4
    assert g.nodes["Ana Ruiz"]["mentions"] == 6 and g.nodes["Ana Ruiz"]["quoted"] == 6


def test_bundled_article_gexf_matches_cooccurrence_csv(bundled_analysis, tmp_path):
    """The bundled article (demonstration): network.gexf agrees with cooccurrence.csv."""
    a = bundled_analysis
    csv = tmp_path / "cooccurrence.csv"
    a.cooccurrence.to_csv(csv, index=False)
    cooc = pd.read_csv(csv)
    back = nx.read_gexf(to_gexf(graph_from_analysis(a), tmp_path / "network.gexf"))
    assert set(back.nodes) == set(cooc["actor_a"]) | set(cooc["actor_b"])
    got = {tuple(sorted(e)): d["weight"] for *e, d in back.edges(data=True)}
    want = {(a_, b): float(w) for a_, b, w in zip(cooc["actor_a"], cooc["actor_b"],
                                                  cooc["weight"], strict=True)}
    assert got == want


def test_the_layout_optimiser_runs_its_linear_algebra_on_one_thread(monkeypatch):
    import networkx as nx
    from threadpoolctl import threadpool_info

    from toolkit.network import layout

    seen = []
    real = nx.kamada_kawai_layout

    def recording(*args, **kwargs):
        seen.extend(p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas")
        return real(*args, **kwargs)

    monkeypatch.setattr(nx, "kamada_kawai_layout", recording)
    g = nx.Graph()
    g.add_edges_from([("Ana Ruiz", "Tom Ode", {"weight": 2}), ("Tom Ode", "City Council", {"weight": 1}),
                      ("City Council", "Ana Ruiz", {"weight": 3})])
    pos = layout(g)
    assert set(pos) == set(g.nodes)
    assert seen and set(seen) == {1}


def test_preload_loads_the_layout_optimiser():
    import sys

    from toolkit.network import preload

    preload()
    assert "scipy.optimize" in sys.modules and "threadpoolctl" in sys.modules
