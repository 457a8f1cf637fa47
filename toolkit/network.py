"""The actor network: actors as nodes, co-occurrence as weighted edges.

Nodes carry ``type``, ``mentions`` and ``quoted`` (how many quotes are
attributed to the actor, ``quoted_direct`` / ``quoted_indirect`` split by
kind); edges carry ``weight`` (windows shared, see
:mod:`toolkit.cooccurrence`). Export with :func:`to_gexf` (Gephi) or
:func:`to_graphml`; draw with :func:`toolkit.plots.plot_network`.

Example:
    >>> g = actor_graph(result.actors, result.cooccurrence, quotes=result.quotes)
    >>> g.number_of_nodes() > 0
    True
    >>> to_gexf(g, "out/network.gexf")  # doctest: +SKIP
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from .networkfiles import ActorNetwork, gexf_text, graphml_bytes

if TYPE_CHECKING:
    import networkx as nx


def _actor_rows(actors) -> list[dict]:
    """``{actor, type, mentions}`` rows from an actors table or Actor objects, merged by name."""
    rows: dict[str, dict] = {}
    if actors is None:
        return []
    if isinstance(actors, pd.DataFrame):
        records = [{"actor": a, "type": t, "mentions": m}
                   for a, t, m in zip(actors["actor"], actors["type"], actors["mentions"], strict=False)]
    else:
        records = [{"actor": a.name, "type": a.type, "mentions": len(a.mentions)}
                   for a in actors]
    for r in records:
        name = r["actor"]
        if not isinstance(name, str) or not name:
            continue
        m = int(r["mentions"]) if pd.notna(r["mentions"]) else 0
        if name in rows:
            rows[name]["mentions"] += m
        else:
            rows[name] = {"actor": name, "type": r["type"] if isinstance(r["type"], str) else "",
                          "mentions": m}
    return list(rows.values())


def quote_counts(quotes) -> dict[str, Counter]:
    """Quotes per speaker actor, by kind: ``{actor: Counter({"direct": 2, ...})}``."""
    out: dict[str, Counter] = {}
    if quotes is None:
        return out
    if isinstance(quotes, pd.DataFrame):
        if not {"speaker_actor", "kind"} <= set(quotes.columns):
            return out
        pairs = zip(quotes["speaker_actor"], quotes["kind"], strict=False)
    else:
        pairs = ((q.speaker_actor, q.kind) for q in quotes)
    for actor, kind in pairs:
        if isinstance(actor, str) and actor:
            out.setdefault(actor, Counter())[kind if isinstance(kind, str) and kind else "unknown"] += 1
    return out


def actor_graph(actors, cooccurrence: pd.DataFrame, *, quotes=None, min_weight: int = 1,
                isolates: bool = False) -> nx.Graph:
    """Build the actor network.

    Args:
        actors: the ``actors`` table (or a list of :class:`~toolkit.actors.Actor`);
            rows for the same actor (several articles) are summed.
        cooccurrence: the ``cooccurrence`` table (one article or many; weights of
            the same pair are summed).
        quotes: the ``quotes`` table or list; a quote counts for the node named in
            its ``speaker_actor``.
        min_weight: drop edges lighter than this.
        isolates: also keep actors that co-occur with nobody. Off by default, so
            the graph has exactly the nodes and edges of the co-occurrence table.

    Returns:
        An undirected ``networkx.Graph``; nodes are actor names with attributes
        ``label, type, mentions, quoted, quoted_direct, quoted_indirect``,
        edges have an int ``weight``. Nodes and edges are inserted in a fixed
        order (most mentioned first; heaviest edges first).

    Example:
        >>> a = toolkit.analyze(toolkit.article_from_text(
        ...     "Mayor John Smith met the City Council on Monday. John Smith left early."))
        >>> g = actor_graph(a.actors, a.cooccurrence)
        >>> g.nodes["John Smith"]["mentions"], g.edges["John Smith", "City Council"]["weight"]
        (2, 1)
    """
    return actor_network(actors, cooccurrence, quotes=quotes, min_weight=min_weight,
                         isolates=isolates).graph()


def actor_network(actors, cooccurrence: pd.DataFrame, *, quotes=None, min_weight: int = 1,
                  isolates: bool = False) -> ActorNetwork:
    """The rows of :func:`actor_graph` (same arguments), without networkx."""
    info = {r["actor"]: r for r in _actor_rows(actors)}
    said = quote_counts(quotes)
    weights: Counter[tuple[str, str]] = Counter()
    if cooccurrence is not None and len(cooccurrence):
        for a, b, w in zip(cooccurrence["actor_a"], cooccurrence["actor_b"],
                           cooccurrence["weight"], strict=False):
            if isinstance(a, str) and isinstance(b, str) and a != b and pd.notna(w):
                weights[(a, b) if a < b else (b, a)] += int(w)
    edges = sorted(((a, b, int(w)) for (a, b), w in weights.items() if w >= min_weight),
                   key=lambda e: (-e[2], e[0], e[1]))
    names = {n for a, b, _ in edges for n in (a, b)}
    if isolates:
        names |= set(info)

    def node_key(n: str):
        return (-info.get(n, {}).get("mentions", 0), n)

    nodes = []
    for n in sorted(names, key=node_key):
        kinds = said.get(n, Counter())
        nodes.append((n, {"label": n, "type": info.get(n, {}).get("type", ""),
                          "mentions": int(info.get(n, {}).get("mentions", 0)),
                          "quoted": int(sum(kinds.values())),
                          "quoted_direct": int(kinds.get("direct", 0)),
                          "quoted_indirect": int(kinds.get("indirect", 0))}))
    return ActorNetwork(nodes, edges)


def graph_from_analysis(analysis, *, min_weight: int = 1, isolates: bool = False) -> nx.Graph:
    """:func:`actor_graph` from an :class:`~toolkit.analysis.Analysis` (or a list of them)."""
    items = analysis if isinstance(analysis, (list, tuple)) else [analysis]
    actors = pd.concat([a.actors for a in items], ignore_index=True) if items else None
    cooc = pd.concat([a.cooccurrence for a in items], ignore_index=True) if items else None
    quotes = pd.concat([a.quotes for a in items], ignore_index=True) if items else None
    return actor_graph(actors, cooc, quotes=quotes, min_weight=min_weight, isolates=isolates)


def _clean_for_export(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes GEXF/GraphML writers accept (no None, plain types)."""
    import networkx as nx

    def fix(v):
        if v is None or (isinstance(v, float) and math.isnan(v)):
            return ""
        if hasattr(v, "item"):  # numpy / pandas scalars
            v = v.item()
        return v if isinstance(v, (str, int, float, bool)) else str(v)

    g = nx.Graph()
    g.graph.update({k: fix(v) for k, v in graph.graph.items()})
    for n, d in graph.nodes(data=True):
        g.add_node(str(n), **{k: fix(v) for k, v in d.items()})
    for a, b, d in graph.edges(data=True):
        g.add_edge(str(a), str(b), **{k: fix(v) for k, v in d.items()})
    return g


def to_gexf(graph: nx.Graph | ActorNetwork, path: str | Path) -> Path:
    """Write ``graph`` as GEXF (opens in Gephi). Returns the path.

    Read back with ``networkx.read_gexf(path)``; node ids are actor names.
    An :class:`ActorNetwork` is written without networkx where it can be.
    """
    path = Path(path)
    if isinstance(graph, ActorNetwork):
        text = gexf_text(graph)
        if text is not None:
            path.write_text(text, encoding="utf-8")
            return path
        graph = graph.graph()
    import networkx as nx

    text = "\n".join(nx.generate_gexf(_clean_for_export(graph)))
    # networkx stamps today's date into <meta>; the attribute is optional, and
    # without it the same graph always gives the same bytes.
    text = re.sub(r'<meta lastmodifieddate="[^"]*">', "<meta>", text, count=1)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def to_graphml(graph: nx.Graph | ActorNetwork, path: str | Path) -> Path:
    """Write ``graph`` as GraphML (Gephi, yEd, igraph). Returns the path.

    An :class:`ActorNetwork` is written without networkx where it can be.
    """
    path = Path(path)
    if isinstance(graph, ActorNetwork):
        data = graphml_bytes(graph)
        if data is not None:
            path.write_bytes(data)
            return path
        graph = graph.graph()
    import networkx as nx

    nx.write_graphml(_clean_for_export(graph), path)
    return path


def preload() -> None:
    """Load networkx and the layout's optimiser (scipy, about a quarter of a second) ahead of time.

    A corpus run with worker processes calls it once every chunk is sent,
    so that the report drawn after the last chunk does not wait for it.
    """
    import networkx  # noqa: F401
    import scipy.optimize  # noqa: F401
    import threadpoolctl  # noqa: F401


def _kamada_kawai(graph: nx.Graph, init: dict) -> dict:
    """networkx's Kamada-Kawai layout, its optimiser's linear algebra on one thread.

    The optimiser makes hundreds of tiny BLAS calls; with a thread pool per
    call (OpenBLAS's default: one thread per core) they cost several times
    more CPU time, and the result could depend on the machine's core count.
    """
    import networkx as nx
    import scipy.optimize  # noqa: F401 - loaded first, so that the limit below covers its BLAS
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        return nx.kamada_kawai_layout(graph, weight="dist", pos=init)


def layout(graph: nx.Graph, *, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Node positions in the unit square, the same on every run.

    Each connected component is laid out with Kamada-Kawai (distances shrink
    as weights grow, so close allies sit together); components are then packed
    side by side, largest first, in rows, so small groups do not pile up in
    the middle of the big one.
    """
    import networkx as nx

    if graph.number_of_nodes() == 0:
        return {}
    comps = sorted((sorted(c) for c in nx.connected_components(graph)),
                   key=lambda c: (-len(c), c[0]))
    boxes = []
    for comp in comps:
        members = set(comp)
        if len(comp) == 1:
            pos = {comp[0]: (0.0, 0.0)}
        elif len(comp) == 2:
            pos = {comp[0]: (-0.5, 0.0), comp[1]: (0.5, 0.0)}
        else:
            h = nx.Graph()
            h.add_nodes_from(comp)
            # The graph's own edge order: a subgraph view of a few nodes iterates a set.
            for a, b, d in graph.edges(data=True):
                if a not in members or b not in members:
                    continue
                h.add_edge(a, b, dist=1.0 / math.sqrt(max(d.get("weight", 1), 1)))
            init = nx.circular_layout(h)
            pos = _kamada_kawai(h, init)
            pos = {n: (float(x), float(y)) for n, (x, y) in pos.items()}
        boxes.append(pos)
    # Scale each component by the square root of its size, then place in rows.
    placed: dict[str, tuple[float, float]] = {}
    cols = max(1, math.ceil(math.sqrt(len(boxes))))
    x_off, y_off, row_h, col = 0.0, 0.0, 0.0, 0
    for i, pos in enumerate(boxes):
        xs = [p[0] for p in pos.values()]
        ys = [p[1] for p in pos.values()]
        size = math.sqrt(len(pos)) if i else math.sqrt(len(pos)) * 1.2
        w = max(xs) - min(xs) or 1.0
        h = max(ys) - min(ys) or 1.0
        scale = size / max(w, h)
        for n, (x, y) in pos.items():
            placed[n] = ((x - min(xs)) * scale + x_off, -((y - min(ys)) * scale) + y_off)
        x_off += max(w * scale, 0.6) + 0.8
        row_h = max(row_h, h * scale)
        col += 1
        if col >= cols and i + 1 < len(boxes):
            x_off, col = 0.0, 0
            y_off -= row_h + 0.8
            row_h = 0.0
    xs = [p[0] for p in placed.values()]
    ys = [p[1] for p in placed.values()]
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    return {n: ((x - min(xs)) / span, (y - min(ys)) / span) for n, (x, y) in placed.items()}
