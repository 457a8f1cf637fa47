"""The network files written straight from the actor network's rows.

networkx writes ``network.gexf`` and ``network.graphml`` through a graph
object and an XML tree, about half a millisecond per article of a corpus run,
after about 0.06 s importing it. The texts here are the same bytes
(``tests/test_networkfiles.py`` compares them with networkx's on generated
names) for the networks a run builds: nodes with the attributes of
:func:`toolkit.network.actor_network`, edges with an int ``weight``. A name
or value with a character these writers do not spell as networkx does (a
control character, a surrogate) gives ``None``, and the caller lets networkx
write the file. The GraphML is what networkx writes through lxml, which it
uses whenever lxml is installed (always here: ``lxml_html_clean`` needs it).

Example:
    >>> net = ActorNetwork([("A & B", {"label": "A & B", "type": "ORG", "mentions": 2}),
    ...                     ("Lima", {"label": "Lima", "type": "GPE", "mentions": 1})],
    ...                    [("A & B", "Lima", 1)])
    >>> print(next(line.strip() for line in gexf_text(net).splitlines() if "<node " in line))
    <node id="A &amp; B" label="A &amp; B">
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib.metadata import version
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx

# Characters both writers spell the same way as networkx's (ElementTree for
# GEXF, lxml for GraphML): no control character, surrogate or non-character.
_ODD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_XML_TYPES = {str: "string", int: "long"}  # networkx's names for the attribute types
_GEXF_HEAD = ('<gexf xmlns="http://www.gexf.net/1.2draft" '
              'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
              'xsi:schemaLocation="http://www.gexf.net/1.2draft '
              'http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">')
_GRAPHML_HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
                 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
                 'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')


@dataclass(frozen=True)
class ActorNetwork:
    """The actor network as rows, in the order :func:`toolkit.network.actor_graph` inserts them.

    ``nodes`` are ``(name, attributes)``, most mentioned first; ``edges`` are
    ``(a, b, weight)``, heaviest first. A corpus run writes its network files
    from these rows (the functions below) without building a graph.
    """
    nodes: list[tuple[str, dict]]
    edges: list[tuple[str, str, int]]

    def graph(self) -> nx.Graph:
        """The undirected ``networkx.Graph`` of these rows."""
        import networkx as nx

        g = nx.Graph()
        for name, attrs in self.nodes:
            g.add_node(name, **attrs)
        for a, b, w in self.edges:
            g.add_edge(a, b, weight=w)
        return g


def _text(value: str) -> str:
    """XML character data: ``&``, ``<`` and ``>`` escaped."""
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    """An XML attribute value between double quotes."""
    return _text(value).replace('"', "&quot;")


def _writable(net: ActorNetwork) -> list[tuple[str, type]] | None:
    """The node attributes and their types, or None where networkx must write the files.

    The fast texts cover networks with at least one edge, node attributes of
    the same names in the same order on every node, str or int values (not
    bool) and no character in :data:`_ODD`.
    """
    if not net.edges:
        return None
    keys = [(k, type(v)) for k, v in net.nodes[0][1].items()]
    if "label" not in dict(keys) or any(t not in _XML_TYPES for _, t in keys):
        return None
    for name, attrs in net.nodes:
        if [(k, type(v)) for k, v in attrs.items()] != keys:
            return None
        if _ODD.search(name) or any(_ODD.search(v) for v in attrs.values() if type(v) is str):
            return None
    if any(type(w) is not int for _, _, w in net.edges):
        return None
    return keys


def graph_edges(net: ActorNetwork) -> list[tuple[str, str, int]]:
    """The edges in the order, and with the ends, a ``networkx.Graph`` gives them.

    networkx walks the nodes in order and, for each, its neighbours in the
    order they were joined, skipping nodes already walked.
    """
    near: dict[str, dict[str, int]] = {name: {} for name, _ in net.nodes}
    for a, b, w in net.edges:
        near[a][b] = w
        near[b][a] = w
    walked: set[str] = set()
    out = []
    for name, _ in net.nodes:
        out.extend((name, other, w) for other, w in near[name].items() if other not in walked)
        walked.add(name)
    return out


def gexf_text(net: ActorNetwork) -> str | None:
    """``network.gexf`` as networkx writes it (less the date), or None (see :func:`_writable`)."""
    keys = _writable(net)
    if keys is None:
        return None
    declared = [(str(i), k, t) for i, (k, t) in enumerate(kt for kt in keys if kt[0] != "label")]
    lines = [_GEXF_HEAD, "  <meta>", f"    <creator>NetworkX {version('networkx')}</creator>",
             "  </meta>", '  <graph defaultedgetype="undirected" mode="static" name="">',
             '    <attributes mode="static" class="node">']
    lines += [f'      <attribute id="{i}" title="{_attr(k)}" type="{_XML_TYPES[t]}" />'
              for i, k, t in declared]
    lines += ["    </attributes>", "    <nodes>"]
    for name, attrs in net.nodes:
        lines.append(f'      <node id="{_attr(name)}" label="{_attr(attrs["label"])}">')
        lines.append("        <attvalues>")
        lines += [f'          <attvalue for="{i}" value="{_attr(str(attrs[k]))}" />'
                  for i, k, _ in declared]
        lines += ["        </attvalues>", "      </node>"]
    lines += ["    </nodes>", "    <edges>"]
    lines += [f'      <edge source="{_attr(a)}" target="{_attr(b)}" id="{i}" weight="{w}" />'
              for i, (a, b, w) in enumerate(graph_edges(net))]
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    # ElementTree writes US-ASCII: other characters as decimal references
    return "\n".join(lines).encode("ascii", "xmlcharrefreplace").decode("ascii") + "\n"


def graphml_bytes(net: ActorNetwork) -> bytes | None:
    """``network.graphml`` as networkx writes it with lxml, or None (see :func:`_writable`)."""
    keys = _writable(net)
    if keys is None:
        return None
    ids = {k: f"d{i}" for i, (k, _) in enumerate(keys)}
    declared = [f'<key id="{ids[k]}" for="node" attr.name="{_attr(k)}" '
                f'attr.type="{_XML_TYPES[t]}"/>' for k, t in keys]
    weight = f"d{len(keys)}"
    declared.append(f'<key id="{weight}" for="edge" attr.name="weight" attr.type="long"/>')
    parts = [_GRAPHML_HEAD, "\n".join(reversed(declared)), '\n<graph edgedefault="undirected">']
    for name, attrs in net.nodes:
        parts.append(f'<node id="{_attr(name)}">\n')
        parts += [f'  <data key="{ids[k]}">{_text(str(v))}</data>\n' for k, v in attrs.items()]
        parts.append("</node>\n")
    for a, b, w in graph_edges(net):
        parts.append(f'<edge source="{_attr(a)}" target="{_attr(b)}">\n'
                     f'  <data key="{weight}">{w}</data>\n</edge>\n')
    parts.append("</graph></graphml>")
    return "".join(parts).encode("utf-8")
