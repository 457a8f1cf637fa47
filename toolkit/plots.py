"""Publication-ready plots of an analysis (matplotlib).

Every function takes a table (or graph) first, options keyword-only, draws on
``ax`` (a new figure when omitted) and returns the ``Axes``, so plots can be
combined, restyled and saved by the caller. Empty input gives an empty,
labelled plot saying so instead of an error. Colours for actor types come from
the one table in :mod:`toolkit.colors`, so a type has the same colour in every
plot, in the HTML report and in the displaCy view. Axes are linear unless a
log scale is asked for, and then the axis label says so.

Example:
    >>> import matplotlib.pyplot as plt
    >>> ax = plot_actors(result.actors, top=10)  # doctest: +SKIP
    >>> ax.figure.savefig("actors.png", dpi=300, bbox_inches="tight")  # doctest: +SKIP
"""

from __future__ import annotations

import textwrap
from contextlib import contextmanager
from contextvars import ContextVar

import matplotlib as mpl
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .colors import GREY, PALETTE, TYPE_COLORS, type_color  # noqa: F401 (re-exported)

# Fixed settings: same look on every machine, and byte-identical SVG/PNG output.
RC = {
    "font.family": "DejaVu Sans",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#444444",
    "axes.axisbelow": True,
    "xtick.labelsize": 9,
    "ytick.labelsize": 9,
    "legend.frameon": False,
    "legend.fontsize": 9,
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "figure.facecolor": "white",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.hashsalt": "article-toolkit",
    "svg.fonttype": "path",
    "path.simplify": True,
}

KIND_COLORS = {"direct": "#4C72B0", "indirect": "#A1C9F4", "mixed": "#8172B3"}
BAR = "#4C72B0"  # one-colour charts (figures)


@contextmanager
def style():
    """Context manager with the toolkit's plot settings (Agg-safe, deterministic)."""
    with mpl.rc_context(RC):
        yield


# While set, new figures are made without pyplot (no GUI backend, nothing left open).
_OFFSCREEN: ContextVar[bool] = ContextVar("offscreen", default=False)


@contextmanager
def offscreen():
    """Within this block, plots made without ``ax`` use standalone Agg figures.

    For batch rendering (the HTML report): no backend is switched, pyplot
    keeps no reference, and the figures are freed when dropped.
    """
    token = _OFFSCREEN.set(True)
    try:
        yield
    finally:
        _OFFSCREEN.reset(token)


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    with style():
        if _OFFSCREEN.get():
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure

            # No layout engine: savefig's tight bbox does the fitting, at a third of the cost.
            fig = Figure(figsize=size)
            FigureCanvasAgg(fig)
            return fig.add_subplot()
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


def _empty(ax: Axes, title: str, message: str) -> Axes:
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            color=GREY, fontsize=11)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    return ax


def _short(text, width: int = 40) -> str:
    text = " ".join(str(text).split()) if text is not None and not _isna(text) else ""
    return textwrap.shorten(text, width=width, placeholder="…") if text else ""


def _isna(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


# ---------------------------------------------------------------- actors

def plot_actors(actors_df: pd.DataFrame, *, top: int = 15, ax: Axes | None = None,
                title: str = "Most mentioned actors") -> Axes:
    """Horizontal bars of the most mentioned actors, coloured by type.

    Rows for the same actor (several articles) are summed, so the bar is
    stacked by article share of the same type colour.

    Args:
        actors_df: the ``actors`` table (``actor``, ``type``, ``mentions``).
        top: how many actors to show.
        ax: draw here instead of on a new figure.
        title: the plot title.

    Example:
        >>> plot_actors(result.actors, top=10)  # doctest: +SKIP
    """
    with style():
        n = 0 if actors_df is None else len(actors_df)
        ax = _axes(ax, (5.5, max(2.5, 0.3 * min(top, n or 1) + 1.2)))
        if not n:
            return _empty(ax, title, "No actors found")
        df = actors_df.assign(type=actors_df["type"].fillna("").astype(str),
                              mentions=pd.to_numeric(actors_df["mentions"], errors="coerce")
                              .fillna(0))
        agg = (df.groupby(["actor", "type"], sort=True, as_index=False)["mentions"].sum()
               .sort_values(["mentions", "actor"], ascending=[False, True], kind="stable"))
        # One bar per actor: an actor typed differently in two articles stacks both.
        order = list(dict.fromkeys(agg["actor"]))[:top]
        agg = agg[agg["actor"].isin(order)]
        y = {name: i for i, name in enumerate(order)}
        left = dict.fromkeys(order, 0.0)
        for kind in sorted(agg["type"].unique()):
            sub = agg[agg["type"] == kind]
            ys = [y[a] for a in sub["actor"]]
            lefts = [left[a] for a in sub["actor"]]
            ax.barh(ys, sub["mentions"], left=lefts, color=type_color(kind), height=0.7,
                    label=kind or "unknown")
            for a, m in zip(sub["actor"], sub["mentions"], strict=False):
                left[a] += m
        for a, total in left.items():
            ax.text(total, y[a], f" {int(total)}", va="center", fontsize=8, color="#333333")
        return _finish_counts(ax, range(len(order)), order, xlabel="Mentions", ylabel="Actor",
                              title=title, legend="Type")


def _finish_counts(ax: Axes, ys, labels, *, xlabel: str, ylabel: str, title: str,
                   legend: str) -> Axes:
    """Labels, integer ticks and an outside legend for a horizontal stacked count chart."""
    ax.set_yticks(ys, [_short(label, 32) for label in labels])
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.margins(x=0.08)
    ax.legend(title=legend, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return ax


def plot_quoted(quotes_df: pd.DataFrame, *, top: int = 15, ax: Axes | None = None,
                title: str = "Who is quoted") -> Axes:
    """Quotes per speaker, stacked by kind (direct, indirect, ...).

    The speaker is the resolved actor (``speaker_actor``) when there is one,
    else the speaker text as written.

    Example:
        >>> plot_quoted(result.quotes)  # doctest: +SKIP
    """
    with style():
        n = 0 if quotes_df is None else len(quotes_df)
        ax = _axes(ax, (5.5, max(2.5, 0.3 * min(top, n or 1) + 1.2)))
        if not n:
            return _empty(ax, title, "No quotes found")
        actor = quotes_df["speaker_actor"].where(quotes_df["speaker_actor"].notna()
                                                 & (quotes_df["speaker_actor"] != ""),
                                                 quotes_df["speaker"])
        df = pd.DataFrame({"who": actor.fillna("(unattributed)").replace("", "(unattributed)")
                           .astype(str),
                           "kind": quotes_df["kind"].fillna("unknown").astype(str)})
        table = df.groupby(["who", "kind"]).size().unstack(fill_value=0)
        table["_total"] = table.sum(axis=1)
        table = table.reset_index().sort_values(["_total", "who"], ascending=[False, True],
                                                kind="stable").head(top)
        known = [k for k in ("direct", "indirect", "mixed") if k in table.columns]
        kinds = known + sorted(c for c in table.columns if c not in known + ["who", "_total"])
        left = np.zeros(len(table))
        ys = np.arange(len(table))
        for i, kind in enumerate(kinds):
            vals = table[kind].to_numpy(dtype=float)
            ax.barh(ys, vals, left=left, height=0.7, label=kind,
                    color=KIND_COLORS.get(kind, PALETTE[i % len(PALETTE)]))
            left += vals
        for yv, total in zip(ys, left, strict=False):
            ax.text(total, yv, f" {int(total)}", va="center", fontsize=8, color="#333333")
        return _finish_counts(ax, ys, table["who"], xlabel="Quotes", ylabel="Speaker",
                              title=title, legend="Kind")


HEATMAP_LABELS = {
    "weight": "Sentences (windows) shared",
    "pmi": "Pointwise mutual information (bits)\ngrey: seen together too rarely to score",
    "npmi": "Normalised pointwise mutual information\ngrey: seen together too rarely to score",
}


def plot_cooccurrence_heatmap(cooc_df: pd.DataFrame, *, top: int = 20, value: str = "weight",
                              ax: Axes | None = None,
                              title: str = "Actor co-occurrence") -> Axes:
    """A symmetric heatmap of the actors with the most co-occurrence.

    Args:
        cooc_df: the ``cooccurrence`` table (or :func:`~toolkit.cooccurrence.association`
            output, with ``value="npmi"``).
        top: actors to show, ranked by their summed weight.
        value: the column to show in the cells: ``weight`` (zero, white, where a
            pair never shares a window) or ``pmi``/``npmi`` (blank where the pair
            was too rare to score).

    Example:
        >>> plot_cooccurrence_heatmap(result.cooccurrence, top=12)  # doctest: +SKIP
    """
    with style():
        n = 0 if cooc_df is None else len(cooc_df)
        k = min(top, 2 * n) if n else 1
        ax = _axes(ax, (max(5, 0.42 * k + 2.5), max(4, 0.42 * k + 2)))
        if not n:
            return _empty(ax, title, "No actors co-occur")
        order, mat = _heatmap_matrix(cooc_df, value=value, top=top)
        scored = value in ("pmi", "npmi")
        # Blank (light grey): the diagonal, and for association scores the pairs too
        # rare to score (see toolkit.cooccurrence.association's min_count).
        cmap = mpl.colormaps["RdBu_r" if scored else "Blues"].with_extremes(bad="#EEEEEE")
        vmin, vmax = _heatmap_limits(mat, scored=scored)
        im = ax.imshow(np.ma.masked_invalid(mat), cmap=cmap, vmin=vmin, vmax=vmax,
                       aspect="equal")
        if len(order) <= 25:
            _heatmap_cells(ax, mat, value=value, vmin=vmin, vmax=vmax)
        _heatmap_frame(ax, order, title=title)
        cbar = ax.figure.colorbar(im, ax=ax, shrink=0.8, pad=0.02)
        cbar.set_label(HEATMAP_LABELS.get(value, value))
        cbar.outline.set_visible(False)
        return ax


def _heatmap_matrix(cooc_df: pd.DataFrame, *, value: str,
                    top: int) -> tuple[list[str], np.ndarray]:
    """The ``top`` actors by summed weight and their symmetric matrix of ``value``.

    For ``weight`` a pair that never shares a window is 0 (white, as on the colour
    bar) and only the diagonal is NaN (blank); for scores, unscored pairs stay NaN.
    """
    df = cooc_df[["actor_a", "actor_b", value]].copy()
    df[value] = pd.to_numeric(df[value], errors="coerce")
    w = pd.to_numeric(cooc_df["weight"], errors="coerce").fillna(0)
    strength = (pd.concat([pd.Series(w.values, index=df["actor_a"]),
                           pd.Series(w.values, index=df["actor_b"])])
                .groupby(level=0).sum())
    order = sorted(strength.index, key=lambda a: (-strength[a], a))[:top]
    idx = {a: i for i, a in enumerate(order)}
    mat = np.full((len(order), len(order)), np.nan)
    for a, b, v in zip(df["actor_a"], df["actor_b"], df[value], strict=False):
        if a in idx and b in idx and not _isna(v):
            cur = mat[idx[a], idx[b]]
            v = v + (0 if np.isnan(cur) else cur) if value == "weight" else v
            mat[idx[a], idx[b]] = mat[idx[b], idx[a]] = v
    if value not in ("pmi", "npmi"):
        mat = np.where(np.isnan(mat), 0.0, mat)
        np.fill_diagonal(mat, np.nan)
    return order, mat


def _heatmap_limits(mat: np.ndarray, *, scored: bool) -> tuple[float, float]:
    """Colour limits: symmetric around 0 for scores, from 0 for weights."""
    finite = mat[np.isfinite(mat)]
    if scored:
        lim = float(np.nanmax(np.abs(finite))) if finite.size else 1.0
        return -lim, lim
    return 0.0, float(finite.max()) if finite.size else 1.0


def _heatmap_cells(ax: Axes, mat: np.ndarray, *, value: str, vmin: float,
                   vmax: float) -> None:
    """Write each cell's value (weights as integers, scores to two decimals)."""
    scored = value in ("pmi", "npmi")
    n = mat.shape[0]
    for i in range(n):
        for j in range(n):
            v = mat[i, j]
            if np.isfinite(v) and not (v == 0 and not scored):
                txt = f"{int(v)}" if value == "weight" else f"{v:.2f}"
                dark = (v - vmin) / ((vmax - vmin) or 1) > 0.6
                ax.text(j, i, txt, ha="center", va="center", fontsize=7,
                        color="white" if dark else "#222222")


def _heatmap_frame(ax: Axes, order: list[str], *, title: str) -> None:
    """Actor names on both axes, no spines or ticks, and the title."""
    labels = [_short(a, 24) for a in order]
    ax.set_xticks(range(len(order)), labels, rotation=45, ha="right",
                  rotation_mode="anchor")
    ax.set_yticks(range(len(order)), labels)
    ax.set_xlabel("Actor")
    ax.set_ylabel("Actor")
    for side in ("left", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(length=0)
    ax.set_title(title)


# ---------------------------------------------------------------- network

def declutter_labels(ax: Axes, texts, *, iterations: int = 500, pad: float = 2.0) -> int:
    """Move text labels apart until their boxes no longer overlap.

    Works in display space: each overlapping pair is pushed apart along the
    axis where they overlap least, labels stay inside the axes. Call after
    the axis limits are final.

    Returns:
        The number of overlapping pairs left (0 when all are clear).
    """
    texts = list(texts)
    if len(texts) < 2:
        return 0
    fig = ax.figure
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    # Unitless positions: dates and categories are plain numbers here.
    anchors = np.array([t.get_transform().transform(t.get_unitless_position())
                        for t in texts], dtype=float)
    sizes, offsets = [], []
    for t, a in zip(texts, anchors, strict=False):
        bb = t.get_window_extent(renderer)
        sizes.append((bb.width + 2 * pad, bb.height + 2 * pad))
        # The anchor is not the box centre for left/bottom-aligned text.
        offsets.append(((bb.x0 + bb.x1) / 2 - a[0], (bb.y0 + bb.y1) / 2 - a[1]))
    sizes = np.array(sizes)
    offsets = np.array(offsets)
    centres = anchors + offsets
    axbb = ax.get_window_extent(renderer)
    n = len(texts)
    half = (sizes[:, None, :] + sizes[None, :, :]) / 2
    # Ties (labels on the same spot) part by index, so runs repeat exactly.
    tie = np.where(np.arange(n)[None, :] > np.arange(n)[:, None], 1.0, -1.0)
    left = 0
    for _ in range(iterations):
        d = centres[None, :, :] - centres[:, None, :]  # d[i, j] = centre j - centre i
        over = half - np.abs(d)
        hit = (over[..., 0] > 0) & (over[..., 1] > 0)
        np.fill_diagonal(hit, False)
        left = int(hit.sum()) // 2
        if not left:
            break
        # Each overlapping pair is pushed apart along the axis where it overlaps least.
        along_y = over[..., 1] <= over[..., 0]
        for axis, use in ((0, hit & ~along_y), (1, hit & along_y)):
            sign = np.where(d[..., axis] == 0, tie, np.sign(d[..., axis]))
            step = np.where(use, (over[..., axis] / 2 + 0.5) * sign, 0.0)
            centres[:, axis] -= 0.6 * step.sum(axis=1)  # damped: moves are simultaneous
        # Keep every label inside the axes.
        centres[:, 0] = np.clip(centres[:, 0], axbb.x0 + sizes[:, 0] / 2,
                                axbb.x1 - sizes[:, 0] / 2)
        centres[:, 1] = np.clip(centres[:, 1], axbb.y0 + sizes[:, 1] / 2,
                                axbb.y1 - sizes[:, 1] / 2)
    for t, c in zip(texts, centres - offsets, strict=False):
        t.set_position(tuple(to_data.transform(c)))
    return left


def plot_network(graph: nx.Graph, *, ax: Axes | None = None, pos: dict | None = None,
                 top: int | None = 30, seed: int = 0,
                 title: str = "Actor network") -> Axes:
    """Draw the actor network: node size = mentions, colour = type, edge width = weight.

    Labels are moved apart so they do not overlap (about 30 nodes stay
    readable); larger networks keep the ``top`` most mentioned actors.

    Args:
        graph: from :func:`toolkit.network.actor_graph`.
        ax: draw here instead of on a new figure.
        pos: node positions; default :func:`toolkit.network.layout`.
        top: keep at most this many nodes (``None`` keeps all).
        seed: layout seed.

    Example:
        >>> plot_network(actor_graph(result.actors, result.cooccurrence))  # doctest: +SKIP
    """
    from .network import layout

    with style():
        ax = _axes(ax, (9, 7))
        if graph is None or graph.number_of_nodes() == 0:
            return _empty(ax, title, "No co-occurring actors")
        g = _top_nodes(graph, top)
        pos = pos or layout(g, seed=seed)
        nodes = list(g.nodes)
        mentions = np.array([float(g.nodes[n].get("mentions", 0) or 0) for n in nodes])
        size = 80 + 520 * np.sqrt(mentions / (mentions.max() or 1))
        colors = [type_color(g.nodes[n].get("type")) for n in nodes]
        _draw_edges(ax, g, pos)
        xs = np.array([pos[n][0] for n in nodes])
        ys = np.array([pos[n][1] for n in nodes])
        ax.scatter(xs, ys, s=size, c=colors, edgecolors="white", linewidths=1.2, zorder=2)
        ax.set_xlim(xs.min() - 0.12, xs.max() + 0.12)
        ax.set_ylim(ys.min() - 0.1, ys.max() + 0.1)
        ax.set_axis_off()
        _type_legend(ax, sorted({g.nodes[n].get("type") or "" for n in nodes}))
        ax.set_title(title)
        if ax.figure.get_layout_engine() is not None:
            ax.figure.canvas.draw()  # let the layout engine place the axes first
        texts = _node_labels(ax, nodes, xs, ys, size)
        _settle_labels(ax, texts)
        return ax


def _top_nodes(graph: nx.Graph, top: int | None) -> nx.Graph:
    """The graph, cut to its ``top`` most mentioned nodes (ties by name).

    Nodes and edges keep the graph's order (``Graph.subgraph`` iterates a set
    when it keeps few nodes, so its order would change from run to run).
    """
    if top is None or graph.number_of_nodes() <= top:
        return graph
    keep = set(sorted(graph.nodes,
                      key=lambda n: (-graph.nodes[n].get("mentions", 0), str(n)))[:top])
    cut = graph.__class__()
    cut.graph.update(graph.graph)
    cut.add_nodes_from((n, d) for n, d in graph.nodes(data=True) if n in keep)
    cut.add_edges_from((a, b, d) for a, b, d in graph.edges(data=True)
                       if a in keep and b in keep)
    return cut


def _draw_edges(ax: Axes, g: nx.Graph, pos: dict) -> None:
    """Grey edges, wider and darker with their weight."""
    weights = [float(d.get("weight", 1)) for _, _, d in g.edges(data=True)]
    wmax = max(weights) if weights else 1.0
    for (a, b, d) in g.edges(data=True):
        w = float(d.get("weight", 1))
        xa, ya = pos[a]
        xb, yb = pos[b]
        ax.plot([xa, xb], [ya, yb], color="#7F7F7F", alpha=0.25 + 0.5 * w / wmax,
                linewidth=0.6 + 4.0 * w / wmax, zorder=1, solid_capstyle="round")


def _type_legend(ax: Axes, kinds: list[str]) -> None:
    """One legend marker per actor type, in the fixed type colours."""
    handles = [mpl.lines.Line2D([], [], marker="o", linestyle="", markersize=8,
                                markerfacecolor=type_color(k), markeredgecolor="white",
                                label=k or "unknown") for k in kinds]
    ax.legend(handles=handles, title="Type", loc="upper left", bbox_to_anchor=(1.0, 1.0))


def _node_labels(ax: Axes, nodes, xs, ys, size) -> list:
    """Labels just above their node (radius from the marker area, in points)."""
    to_disp, to_data = ax.transData, ax.transData.inverted()
    px = ax.figure.dpi / 72.0
    texts = []
    for n, x, y, s in zip(nodes, xs, ys, size, strict=True):
        dx, dy = to_disp.transform((x, y))
        lx, ly = to_data.transform((dx, dy + (np.sqrt(s) / 2 + 2) * px))
        texts.append(ax.text(lx, ly, _short(n, 28), ha="center", va="bottom",
                             fontsize=8.5, zorder=3, color="#111111",
                             bbox={"boxstyle": "round,pad=0.15", "fc": "white",
                                   "ec": "none", "alpha": 0.7}))
    return texts


def _settle_labels(ax: Axes, texts, *, rounds: int = 4) -> None:
    """Declutter, redraw, repeat: a layout engine may resize the axes on each draw."""
    if ax.figure.get_layout_engine() is None:
        declutter_labels(ax, texts)  # the axes stay put: once is enough
        return
    for _ in range(rounds):
        ax.figure.canvas.draw()
        before = [t.get_position() for t in texts]
        left = declutter_labels(ax, texts)
        if not left and before == [t.get_position() for t in texts]:
            break


# ---------------------------------------------------------------- figures and timeline

def _fmt_value(v: float) -> str:
    if v == int(v) and abs(v) < 1e15:
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def plot_figures(figures_df: pd.DataFrame, *, top: int = 20, ax: Axes | None = None,
                 log: bool = False, title: str = "Figures in the text") -> Axes:
    """A labelled bar chart of the figures: each bar is one number as stated.

    The label says what is counted; the annotation gives the number as written
    and its source ("officials", a quoted actor) so a reader sees on whose
    authority each number stands. Figures without a numeric value are left out.
    The axis is linear, so bar lengths compare as the numbers do; pass
    ``log=True`` for values spanning orders of magnitude, and the axis label
    then says "log scale" (bar lengths no longer compare as ratios of the values).

    Args:
        figures_df: the ``figures`` table.
        top: at most this many figures, in text order.
        log: a logarithmic value axis (labelled as such).

    Example:
        >>> plot_figures(result.figures)  # doctest: +SKIP
    """
    with style():
        n = 0 if figures_df is None else len(figures_df)
        df = pd.DataFrame()
        if n:
            df = figures_df.assign(v=pd.to_numeric(figures_df["value"], errors="coerce"))
            df = df[df["v"].notna() & (df["v"] > 0)]
            if "start_char" in df.columns:
                df = df.sort_values("start_char", kind="stable")
            df = df.head(top)
        ax = _axes(ax, (9, max(2.5, 0.38 * len(df) + 1.3)))
        if df.empty:
            return _empty(ax, title, "No figures with a numeric value")
        vals = df["v"].to_numpy(dtype=float)
        labels = []
        for _, r in df.iterrows():
            what = _short(r.get("what"), 40) or _short(r.get("text"), 40)
            unit = _short(r.get("unit"), 12)
            labels.append(f"{what} ({unit})" if unit and unit not in what else what)
        ys = np.arange(len(df))
        ax.barh(ys, vals, color=BAR, height=0.65)
        for yv, (_, r), v in zip(ys, df.iterrows(), vals, strict=False):
            ax.text(v, yv, _figure_note(r, v), va="center", fontsize=8, color="#333333",
                    clip_on=False)
        ax.set_yticks(ys, labels)
        ax.invert_yaxis()
        if log:
            ax.set_xscale("log")
            ax.set_xlim(vals.min() / 2, vals.max() * 2)
        else:
            ax.set_xlim(0, vals.max() * 1.05)
        ax.set_xlabel("Value (log scale)" if log else "Value")
        ax.set_ylabel("What is counted")
        ax.set_title(title)
        return ax


def _figure_note(r, v: float) -> str:
    """`` more than 20 · officials``: the figure as written, its qualifier, its source.

    Drawn beyond the bar's end without clipping: the saved and inline figure grow to
    fit it (``bbox_inches="tight"``), so a long source is never cut.
    """
    src = _short(r.get("source"), 60)
    text = _short(r.get("text"), 30) or _fmt_value(v)
    qual = _short(r.get("qualifier"), 14).replace("_", " ")
    # Say the qualifier only when the figure's own words do not ("more than 20").
    if qual in ("", "exact") or qual.lower() in text.lower():
        qual = ""
    note = f" {qual + ' ' if qual else ''}{text}"
    return note + (f" · {src}" if src else "")


PRECISION_DAYS = {"week": 7}  # a span drawn from the date; months and years from the calendar


def event_phrase(event, text, *, words: int = 6, width: int = 44) -> str:
    """The words of ``event`` (a sentence) that say what happened at date ``text``.

    The words just before the date ("the minister *arrived in Oslo* on Tuesday"),
    or after it when the date opens the sentence ("On Tuesday, *the council
    voted to ...*"): at most ``words`` words and ``width`` characters, counted
    from the date outwards, so the date itself is never cut and the words
    nearest to it (usually the verb and its object) are kept.

    Example:
        >>> event_phrase("Officials said the bridge reopened on Monday after repairs.", "Monday")
        'said the bridge reopened on Monday'
        >>> event_phrase("On Monday, the council voted to close the pool.", "Monday", words=4)
        'On Monday, the council voted to'
    """
    sent = " ".join(str(event or "").split())
    date = " ".join(str(text or "").split())
    at = sent.find(date) if date else -1
    if at < 0:
        return _short(sent, width)
    before = sent[:at].split()
    after = sent[at + len(date):].split()
    if len(before) >= 2:
        phrase = date
        for word in reversed(before[-(words - 1):]):
            if len(word) + 1 + len(phrase) > width:
                break
            phrase = f"{word} {phrase}"
        return phrase
    phrase = " ".join(before + [date]) + ("," if after[:1] == [","] else "")
    for word in [w for w in after if w not in (",", ".")][:words]:
        if len(phrase) + 1 + len(word) > width:
            break
        phrase = f"{phrase} {word}"
    return phrase


def _span_end(start: pd.Timestamp, precision: str) -> pd.Timestamp:
    """The end of the period a date of this precision stands for (exclusive)."""
    if precision == "week":
        return start + pd.Timedelta(days=7)
    if precision == "month":
        return start + pd.offsets.MonthBegin(1)
    if precision == "year":
        return start + pd.offsets.YearBegin(1)
    return start


def _date_head(day: pd.Timestamp, precision: str) -> str:
    """The date as precise as the text is: ``week of 2024-10-14``, ``2024-10``, ``2024``."""
    if precision == "week":
        return f"week of {day:%Y-%m-%d}"
    if precision == "month":
        return f"{day:%Y-%m}"
    if precision == "year":
        return f"{day:%Y}"
    return f"{day:%Y-%m-%d}"


def _precision(row) -> str:
    p = row.get("precision") if hasattr(row, "get") else None
    if isinstance(p, str) and p:
        return p
    iso = str(row.get("date") or "")
    return {4: "year", 7: "month"}.get(len(iso), "day")


def plot_timeline(timeline_df: pd.DataFrame, *, ax: Axes | None = None, top: int = 25,
                  title: str = "Timeline") -> Axes:
    """Dated events on a time axis, each labelled with its date and what happened.

    A date is drawn as precisely as the text gives it: a day as a point, "last
    week" as a seven-day bar labelled "week of ...", a month or year as a bar
    over that period (the ``precision`` column of :func:`toolkit.timeline`; for
    the plain ``timeline`` table, a ``YYYY-MM`` date is a month and ``YYYY`` a
    year). The label is the event phrase (:func:`event_phrase`), not the
    sentence's first words. Labels sit on white boxes above the leader lines, so
    a line never runs across a label's text. Rows whose ``date`` is empty or not
    ISO are left out; the title says how many.

    Example:
        >>> plot_timeline(toolkit.timeline(result))  # doctest: +SKIP
    """
    with style():
        n = 0 if timeline_df is None else len(timeline_df)
        ax = _axes(ax, (10, 4.5))
        if not n:
            return _empty(ax, title, "No dates found")
        df, undated = _dated_rows(timeline_df, top=top)
        if df.empty:
            return _empty(ax, title, f"No ISO dates ({undated} undated mentions)")
        ax.axhline(0, color="#444444", linewidth=1, zorder=1)
        texts, xs = _draw_marks(ax, _timeline_marks(df))
        _date_axis(ax, xs)
        sub = f" ({undated} undated mention{'s' if undated != 1 else ''} not shown)" if undated else ""
        ax.set_title(title + sub)
        _settle_labels(ax, texts)
        return ax


def _dated_rows(timeline_df: pd.DataFrame, *, top: int) -> tuple[pd.DataFrame, int]:
    """The first ``top`` rows with an ISO date (column ``_d``), in date order, and
    how many rows had none."""
    dates = pd.to_datetime(timeline_df["date"].astype("string").str.strip(),
                           errors="coerce", format="mixed")
    df = timeline_df.assign(_d=dates)
    undated = int(df["_d"].isna().sum())
    df = df[df["_d"].notna()].sort_values(["_d", "start_char"] if "start_char" in df
                                          else ["_d"], kind="stable").head(top)
    return df, undated


def _timeline_marks(df: pd.DataFrame) -> list[tuple]:
    """``(day, precision, date head, event label)`` per date and precision, in order.

    Several events on one day share a mark; the head says how many.
    """
    marks = []
    df = df.assign(_p=[_precision(r) for _, r in df.iterrows()])
    for (day, prec), group in df.groupby([df["_d"].dt.normalize(), "_p"], sort=True):
        first = group.iloc[0]
        label = event_phrase(first.get("event"), first.get("text"))
        more = f" ({len(group)} mentions)" if len(group) > 1 else ""
        marks.append((day, prec, _date_head(day, prec) + more, label))
    marks.sort(key=lambda m: (m[0], m[1]))
    return marks


TIMELINE_LEVELS = (1.0, -1.0, 2.0, -2.0, 3.0, -3.0)  # label heights, alternating sides


def _draw_marks(ax: Axes, marks: list[tuple]) -> tuple[list, list[float]]:
    """A point (a day) or a bar (a period) per mark, with a leader line and a boxed
    label; returns the labels and the x positions used."""
    import matplotlib.dates as mdates

    texts, xs = [], []
    for i, (day, prec, head, label) in enumerate(marks):
        x0 = float(mdates.date2num(day.to_pydatetime()))
        x1 = float(mdates.date2num(_span_end(day, prec).to_pydatetime()))
        xs += [x0, x1]
        level = TIMELINE_LEVELS[i % len(TIMELINE_LEVELS)]
        if x1 > x0:  # a week, month or year: a bar over the period
            ax.hlines(0, x0, x1, color="#C44E52", linewidth=6, alpha=0.6, zorder=2)
        else:
            ax.scatter([x0], [0], s=30, color="#C44E52", zorder=2)
        mid = (x0 + x1) / 2
        ax.vlines(mid, 0, level * 0.9, color="#BBBBBB", linewidth=0.8, zorder=1)
        texts.append(ax.text(mid, level, f"{head}\n{label}", ha="center",
                             va="bottom" if level > 0 else "top", fontsize=7.5, zorder=3,
                             bbox={"boxstyle": "round,pad=0.2", "fc": "white",
                                   "ec": "#DDDDDD", "lw": 0.5}))
    return texts, xs


def _date_axis(ax: Axes, xs: list[float]) -> None:
    """A date x axis with a margin around the marks, and no y axis."""
    import matplotlib.dates as mdates

    span = (max(xs) - min(xs)) or 2.0
    ax.set_xlim(min(xs) - span * 0.15, max(xs) + span * 0.15)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylim(-4.2, 4.2)
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set_xlabel("Date")


def figure_png(ax_or_fig, *, dpi: int = 110) -> bytes:
    """The figure as PNG bytes, without metadata, so equal input gives equal bytes."""
    import io

    import matplotlib.pyplot as plt

    fig = getattr(ax_or_fig, "figure", ax_or_fig)
    buf = io.BytesIO()
    with style():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None},
                    bbox_inches="tight", facecolor="white")
    plt.close(fig)
    return buf.getvalue()

