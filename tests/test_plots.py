"""Plots: each returns its Axes, is titled and labelled, and survives empty input."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from toolkit import contract, plots  # noqa: E402

ACTORS = contract.frame("actors", [
    {"actor": "Ana Ruiz", "type": "PERSON", "mentions": 5},
    {"actor": "City Council", "type": "ORG", "mentions": 3},
    {"actor": "Lima", "type": "GPE", "mentions": 7},
    {"actor": "Tom Ode", "type": "PERSON", "mentions": 1}])
QUOTES = contract.frame("quotes", [
    {"speaker": "Ruiz", "speaker_actor": "Ana Ruiz", "kind": "direct"},
    {"speaker": "Ruiz", "speaker_actor": "Ana Ruiz", "kind": "indirect"},
    {"speaker": "she", "speaker_actor": "Ana Ruiz", "kind": "direct"},
    {"speaker": "a clerk", "speaker_actor": "", "kind": "indirect"}])
COOC = contract.frame("cooccurrence", [
    {"actor_a": "Ana Ruiz", "actor_b": "City Council", "weight": 4},
    {"actor_a": "Ana Ruiz", "actor_b": "Lima", "weight": 1}])
FIGURES = contract.frame("figures", [
    {"value": 20.0, "text": "20", "unit": "", "what": "people", "source": "officials",
     "start_char": 10},
    {"value": 1.5e9, "text": "$1.5 billion", "unit": "USD", "what": "aid",
     "source": "Ana Ruiz", "start_char": 50},
    {"value": None, "text": "dozens", "what": "houses", "start_char": 90}])
TIMELINE = contract.frame("timeline", [
    {"text": "Tuesday", "date": "2023-05-02", "event": "The council met", "start_char": 5},
    {"text": "last year", "date": "", "event": "A flood", "start_char": 40},
    {"text": "May 9", "date": "2023-05-09", "event": "Ruiz left", "start_char": 70}])


def _tiny_analysis():
    import toolkit

    return toolkit.analyze(toolkit.article_from_text("Ana Ruiz visited Lima on Monday.",
                                                     article_id="tiny"))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _labels(ax: Axes) -> tuple[str, str, str]:
    return ax.get_title(), ax.get_xlabel(), ax.get_ylabel()


def test_plot_actors_orders_colours_and_labels():
    ax = plots.plot_actors(ACTORS, top=3)
    assert isinstance(ax, Axes)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Lima", "Ana Ruiz", "City Council"]
    bars = {round(p.get_y() + p.get_height() / 2): p for p in ax.patches}
    assert bars[0].get_width() == 7
    assert matplotlib.colors.to_hex(bars[1].get_facecolor()) == plots.type_color("PERSON").lower()
    title, xlabel, ylabel = _labels(ax)
    assert title and xlabel == "Mentions" and ylabel == "Actor"
    assert ax.get_legend() is not None


def test_plot_actors_sums_articles_and_draws_on_given_axes():
    two = pd.concat([ACTORS, ACTORS], ignore_index=True)
    fig, ax = plt.subplots()
    out = plots.plot_actors(two, top=1, ax=ax)
    assert out is ax
    assert [p.get_width() for p in ax.patches] == [14]


def test_plot_quoted_stacks_kinds_per_speaker():
    ax = plots.plot_quoted(QUOTES)
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == ["Ana Ruiz", "a clerk"]  # empty speaker_actor falls back to the speaker
    kinds = [t.get_text() for t in ax.get_legend().get_texts()]
    assert kinds == ["direct", "indirect"]
    assert sum(p.get_width() for p in ax.patches) == 4
    assert ax.get_xlabel() == "Quotes"


def test_heatmap_is_symmetric_with_weights():
    ax = plots.plot_cooccurrence_heatmap(COOC)
    img = ax.images[0].get_array()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "Ana Ruiz"
    i, j = labels.index("Ana Ruiz"), labels.index("City Council")
    assert img[i, j] == img[j, i] == 4
    assert ax.get_title() and ax.get_xlabel() == "Actor"


def _overlaps(ax: Axes) -> int:
    r = ax.figure.canvas.get_renderer()
    boxes = [t.get_window_extent(r) for t in ax.texts]
    return sum(1 for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b))


def test_network_of_thirty_nodes_has_no_overlapping_labels():
    g = nx.Graph()
    for i in range(30):
        g.add_node(f"Actor number {i}", type=["PERSON", "ORG", "GPE"][i % 3], mentions=1 + i % 7)
    names = list(g.nodes)
    for i in range(30):  # a dense core and a ring
        g.add_edge(names[i], names[(i + 1) % 30], weight=1 + i % 3)
        if i < 10:
            for j in range(i + 1, 10):
                g.add_edge(names[i], names[j], weight=2)
    ax = plots.plot_network(g)
    assert isinstance(ax, Axes) and ax.get_title() == "Actor network"
    assert len(ax.texts) == 30
    ax.figure.canvas.draw()
    assert _overlaps(ax) == 0


def test_network_keeps_top_nodes():
    g = nx.Graph()
    for i in range(40):
        g.add_node(f"n{i:02d}", type="ORG", mentions=i)
    g.add_edge("n00", "n39", weight=1)
    ax = plots.plot_network(g, top=10)
    assert len(ax.texts) == 10
    assert "n39" in {t.get_text() for t in ax.texts} and "n00" not in {t.get_text() for t in ax.texts}


def test_cutting_a_network_keeps_the_graph_order_whatever_the_hash_seed():
    # A subgraph view of a few nodes iterates a set, whose order changes with
    # PYTHONHASHSEED; the cut graph must keep the original order instead.
    g = nx.Graph()
    for i in range(40):
        g.add_node(f"actor {i:02d}", type="ORG", mentions=i % 8)
    for i in range(39):
        g.add_edge(f"actor {i:02d}", f"actor {39 - i:02d}", weight=1 + i % 4)
    cut = plots._top_nodes(g, 6)
    kept = set(cut.nodes)
    assert len(kept) == 6
    assert list(cut.nodes) == [n for n in g.nodes if n in kept]
    assert list(cut.edges) == [(a, b) for a, b in g.edges if a in kept and b in kept]
    assert cut.nodes["actor 07"] == g.nodes["actor 07"]
    assert plots._top_nodes(g, None) is g


def test_plot_figures_labels_values_and_sources():
    ax = plots.plot_figures(FIGURES)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["people", "aid (USD)"]
    notes = " ".join(t.get_text() for t in ax.texts)
    assert "officials" in notes and "Ana Ruiz" in notes and "$1.5 billion" in notes
    # Linear unless asked: bar lengths compare as the numbers do.
    assert ax.get_xscale() == "linear" and ax.get_xlabel() == "Value"
    logged = plots.plot_figures(FIGURES, log=True)
    assert logged.get_xscale() == "log" and logged.get_xlabel() == "Value (log scale)"
    assert ax.get_ylabel() == "What is counted"


def test_plot_figures_never_cuts_a_source_that_fits():
    source = "the regional health ministry's weekly bulletin"  # 47 characters
    df = FIGURES.assign(source=[source, "Ana Ruiz", ""])
    ax = plots.plot_figures(df)
    assert any(source in t.get_text() for t in ax.texts)
    assert all(not t.get_clip_on() for t in ax.texts)  # drawn beyond the axes, never clipped


def test_heatmap_zero_cells_are_white_like_zero_on_the_colour_bar():
    ax = plots.plot_cooccurrence_heatmap(COOC)
    image = ax.images[0]
    mat = image.get_array()
    order = [t.get_text() for t in ax.get_yticklabels()]
    i, j = order.index("City Council"), order.index("Lima")  # never together
    assert mat[i, j] == 0 and not mat.mask[i, j]
    assert matplotlib.colors.to_hex(image.cmap(image.norm(0.0))) == "#f7fbff"  # Blues at 0
    assert mat.mask[i, i]  # the diagonal (an actor with itself) is blank, not zero
    cbar = ax.figure.axes[-1]
    assert cbar.get_ylabel() == "Sentences (windows) shared"


def test_heatmap_of_scores_names_the_measure_and_the_blank_cells():
    scored = COOC.assign(npmi=[0.5, float("nan")])
    ax = plots.plot_cooccurrence_heatmap(scored, value="npmi")
    label = ax.figure.axes[-1].get_ylabel()
    assert label.startswith("Normalised pointwise mutual information") and "too rarely" in label


def test_plot_timeline_leaves_out_undated():
    ax = plots.plot_timeline(TIMELINE)
    assert "1 undated mention not shown" in ax.get_title()
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 2
    assert texts[0].startswith("2023-05-02") and "The council met" in texts[0]
    assert ax.get_xlabel() == "Date"


def test_timeline_labels_say_what_happened_with_the_date_precision():
    df = contract.frame("timeline", [
        {"text": "on Tuesday", "date": "2023-05-02", "start_char": 5,
         "event": "After a long debate the council approved the budget on Tuesday."},
        {"text": "last week", "date": "2023-04-24", "start_char": 80,
         "event": "Protesters blocked the bridge last week, police said."}])
    ax = plots.plot_timeline(df.assign(precision=["day", "week"]))
    texts = sorted(t.get_text() for t in ax.texts)
    assert texts[0] == "2023-05-02\nthe council approved the budget on Tuesday"
    assert texts[1] == "week of 2023-04-24\nProtesters blocked the bridge last week"
    spans = [c for c in ax.collections if c.get_linewidth()[0] == 6]
    assert len(spans) == 1  # the week is a seven-day bar, the day a point
    (x0, _), (x1, _) = spans[0].get_segments()[0]
    assert x1 - x0 == 7
    # Labels are drawn on opaque boxes above the leader lines.
    assert all(t.get_bbox_patch() is not None and t.zorder > 1 for t in ax.texts)


def test_event_phrase_takes_the_words_around_the_date():
    assert plots.event_phrase("Officials said the bridge reopened on Monday after repairs.",
                              "on Monday") == "Officials said the bridge reopened on Monday"
    assert plots.event_phrase("In May, voters rejected the plan.", "May",
                              words=3) == "In May, voters rejected the"
    # Too long: words far from the date go first, the date is never cut.
    long = "Rebels led by a former colonel of the national army seized the airport on 3 May."
    assert plots.event_phrase(long, "on 3 May", width=30) == "seized the airport on 3 May"


@pytest.mark.parametrize("func,name", [
    (plots.plot_actors, "actors"), (plots.plot_quoted, "quotes"),
    (plots.plot_cooccurrence_heatmap, "cooccurrence"), (plots.plot_figures, "figures"),
    (plots.plot_timeline, "timeline")])
def test_empty_tables_give_labelled_empty_plots(func, name):
    ax = func(contract.empty(name))
    assert isinstance(ax, Axes) and ax.get_title()
    assert any("No " in t.get_text() for t in ax.texts)
    assert isinstance(func(None), Axes)


def test_empty_network():
    ax = plots.plot_network(nx.Graph())
    assert isinstance(ax, Axes) and ax.texts


def test_type_colours_are_fixed():
    from toolkit import actors, colors

    # One table: the displaCy view, the plots and the report read the same colours.
    assert actors.TYPE_COLORS is colors.TYPE_COLORS is plots.TYPE_COLORS
    result = _tiny_analysis()
    html = actors.show_actors(result, jupyter=False).lower()
    assert len(result.actors)
    for kind in result.actors["type"]:
        assert f"background: {colors.TYPE_COLORS[kind].lower()}" in html
    assert plots.type_color("PERSON") == plots.type_color("person")
    assert plots.type_color("SOMETHING_NEW") == plots.type_color("SOMETHING_NEW")
    assert plots.type_color("") == plots.GREY


def test_png_bytes_are_reproducible():
    with plots.offscreen():
        one = plots.figure_png(plots.plot_actors(ACTORS))
        two = plots.figure_png(plots.plot_actors(ACTORS))
    assert one == two and one.startswith(b"\x89PNG")
    assert b"Software" not in one[:200]
    assert plt.get_fignums() == []  # offscreen figures are not kept by pyplot
