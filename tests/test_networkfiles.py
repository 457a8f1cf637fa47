"""The network files written from the network's rows are networkx's bytes."""

from __future__ import annotations

import random
import subprocess
import sys

import networkx as nx
import pytest

from toolkit import networkfiles
from toolkit.network import ActorNetwork, _clean_for_export, to_gexf, to_graphml

# names mix what XML escapes, quotes, accents and other scripts
PIECES = ["Ana", "Ruiz", "&", "<b>", '"Q"', "O'Neil", "Société", "Zoë", "東京", "a>b", "-", "Ödön"]


def _network(rng: random.Random, *, nodes: int = 12, edges: int = 20) -> ActorNetwork:
    names = sorted({" ".join(rng.sample(PIECES, rng.randint(1, 3))) for _ in range(nodes)})
    rows = [(n, {"label": n, "type": rng.choice(["PERSON", "ORG", "", "G&P"]),
                 "mentions": rng.randint(0, 300), "quoted": rng.randint(0, 9),
                 "quoted_direct": rng.randint(0, 5), "quoted_indirect": rng.randint(0, 5)})
            for n in names]
    pairs = {tuple(sorted(rng.sample(names, 2))) for _ in range(edges)}
    weighted = sorted(((a, b, rng.randint(1, 15)) for a, b in pairs), key=lambda e: (-e[2], e))
    return ActorNetwork(rows, weighted)


def _networkx_gexf(net: ActorNetwork) -> str:
    text = "\n".join(nx.generate_gexf(_clean_for_export(net.graph())))
    start = text.index("<meta lastmodifieddate=")
    return text[:start] + "<meta>" + text[text.index(">", start) + 1:] + "\n"


def _networkx_graphml(net: ActorNetwork, tmp_path) -> bytes:
    path = tmp_path / "nx.graphml"
    nx.write_graphml(_clean_for_export(net.graph()), path)
    return path.read_bytes()


@pytest.mark.parametrize("seed", range(8))
def test_same_bytes_as_networkx(seed, tmp_path):
    net = _network(random.Random(seed))
    assert networkfiles.gexf_text(net) == _networkx_gexf(net)
    assert networkfiles.graphml_bytes(net) == _networkx_graphml(net, tmp_path)


def test_edges_come_in_networkx_order():
    net = _network(random.Random(42), nodes=20, edges=40)
    assert networkfiles.graph_edges(net) == [(a, b, d["weight"])
                                             for a, b, d in net.graph().edges(data=True)]


@pytest.mark.parametrize("odd", ["Ana\tRuiz", "Ana\x0bRuiz", "Ana\ud800"])
def test_odd_characters_are_left_to_networkx(odd, tmp_path):
    net = ActorNetwork([(odd, {"label": odd, "type": "PERSON", "mentions": 1}),
                        ("Lima", {"label": "Lima", "type": "GPE", "mentions": 1})],
                       [(odd, "Lima", 1)])
    assert networkfiles.gexf_text(net) is None and networkfiles.graphml_bytes(net) is None
    if odd.isprintable() or "\t" in odd:  # networkx writes what XML can hold
        assert to_gexf(net, tmp_path / "n.gexf").read_text(encoding="utf-8") == _networkx_gexf(net)
        assert to_graphml(net, tmp_path / "n.graphml").read_bytes() == \
            _networkx_graphml(net, tmp_path)


def test_a_network_without_edges_is_written_by_networkx(tmp_path):
    net = ActorNetwork([("Lima", {"label": "Lima", "type": "GPE", "mentions": 1})], [])
    assert networkfiles.gexf_text(net) is None
    assert to_gexf(net, tmp_path / "n.gexf").read_text(encoding="utf-8") == _networkx_gexf(net)
    assert to_graphml(net, tmp_path / "n.graphml").read_bytes() == _networkx_graphml(net, tmp_path)


def test_the_run_path_does_not_import_networkx():
    code = ("import sys, toolkit, toolkit.runner, toolkit.network, toolkit.networkfiles, "
            "toolkit.cli; print('networkx' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
