"""The HTML report: one self-contained page showing a whole analysis.

One file, nothing fetched: CSS is inline, plots are embedded PNGs
(``data:`` URLs), there is no script. For each article it shows the metadata,
the cleaned text with actor mentions highlighted by type (displaCy style) and
quotes underlined, the plots, and tables of actors, quotes, figures, the
timeline, top and distinctive terms, co-occurring pairs and removed lines.
Several analyses give one page with a corpus overview first.

All text is HTML-escaped. The same input gives the same bytes (fixed plot
settings, PNG metadata stripped, no timestamps except those in ``manifest``).

Example:
    >>> result = toolkit.analyze("article.txt")  # doctest: +SKIP
    >>> write_report([result], "out/report.html")  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path

import pandas as pd

from . import contract, plots
from .cooccurrence import corpus_cooccurrence
from .frequency import corpus_terms, distinctive_terms, word_count
from .network import actor_graph

CSS = """
:root { --ink: #1d1d1f; --muted: #5f6368; --rule: #e3e3e3; --bg: #ffffff; --band: #f6f7f9;
        --accent: #2f5d8a; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--band); color: var(--ink);
       font: 15px/1.55 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
header.page { background: #1f2a37; color: #fff; padding: 22px 32px; }
header.page h1 { margin: 0 0 4px; font-size: 22px; font-weight: 600; }
header.page p { margin: 0; color: #c9d1d9; font-size: 13px; }
main { max-width: 1180px; margin: 0 auto; padding: 16px 24px 48px; }
article.doc, section.corpus { background: var(--bg); border: 1px solid var(--rule);
       border-radius: 8px; padding: 24px 32px; margin: 20px 0; }
h2 { font-size: 24px; line-height: 1.25; margin: 0 0 12px; }
h3 { font-size: 17px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--rule); }
h3 .n { color: var(--muted); font-weight: 400; font-size: 14px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0 0 12px;
          font-size: 14px; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; }
ul.counts { display: flex; flex-wrap: wrap; gap: 10px; list-style: none; padding: 0; margin: 12px 0; }
ul.counts li { background: var(--band); border: 1px solid var(--rule); border-radius: 6px;
               padding: 6px 12px; font-size: 13px; color: var(--muted); }
ul.counts b { display: block; font-size: 20px; color: var(--ink); }
nav.toc ol { margin: 0; padding-left: 20px; }
.plots { display: grid; grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); gap: 16px; }
figure { margin: 0; border: 1px solid var(--rule); border-radius: 6px; padding: 8px; background: #fff; }
figure.wide { grid-column: 1 / -1; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
.text { max-width: 760px; font-family: Georgia, "Times New Roman", serif; font-size: 16px; line-height: 1.75; }
.text p { margin: 0 0 14px; }
.text h4 { font-family: -apple-system, "Segoe UI", Roboto, Arial, sans-serif; font-size: 13px;
           letter-spacing: .06em; text-transform: uppercase; color: var(--muted); margin: 22px 0 8px; }
mark.ent { padding: 1px 3px; border-radius: 4px; color: inherit; border-bottom: 2px solid; }
mark.ent .lbl { font: 600 9px/1 -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin-left: 4px;
                vertical-align: middle; letter-spacing: .03em; opacity: .8; }
span.q { background: #fff6d6; box-shadow: 0 1px 0 #e0b400; }
.legend { display: flex; flex-wrap: wrap; gap: 8px; font-size: 12px; margin: 0 0 12px; }
.legend span { padding: 2px 8px; border-radius: 4px; border-bottom: 2px solid; }
.scroll { max-height: 520px; overflow: auto; border: 1px solid var(--rule); border-radius: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13px; background: #fff; }
th, td { text-align: left; vertical-align: top; padding: 5px 9px; border-bottom: 1px solid var(--rule); }
th { background: #eef1f5; position: sticky; top: 0; font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #fafbfc; }
td.long { min-width: 280px; }
.two { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; }
.two h4 { margin: 0 0 6px; font-size: 14px; }
p.none { color: var(--muted); font-style: italic; }
p.note { color: var(--muted); font-size: 13px; margin: 4px 0 10px; }
details { margin: 12px 0; }
summary { cursor: pointer; color: var(--accent); }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 16px; }
@media (max-width: 800px) { .two { grid-template-columns: 1fr; } article.doc { padding: 16px; } }
@media print { body { background: #fff; } .scroll { max-height: none; overflow: visible; }
               article.doc { border: 0; page-break-after: always; } }
"""

TOP_TERMS = 25
TOP_PAIRS = 30


def esc(value) -> str:
    """Escape any cell value for HTML; missing values become empty text."""
    if value is None:
        return ""
    try:
        if pd.isna(value):
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, float):
        value = f"{value:.3g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return html.escape(str(value), quote=True)


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r}, {g}, {b}, {alpha})"


# ---------------------------------------------------------------- tables

def table_html(df: pd.DataFrame | None, *, columns: Sequence[str] | None = None,
               headers: dict[str, str] | None = None, limit: int | None = None,
               long: Iterable[str] = (), empty: str = "None found.",
               css_class: str = "") -> str:
    """An escaped HTML table of ``df`` (selected ``columns``, first ``limit`` rows)."""
    if df is None or len(df) == 0:
        return f'<p class="none">{esc(empty)}</p>'
    cols = [c for c in (columns or list(df.columns)) if c in df.columns]
    headers = headers or {}
    long = set(long)
    num = {c for c in cols if pd.api.types.is_numeric_dtype(df[c])}
    out = [f'<div class="scroll"><table class="{esc(css_class)}"><thead><tr>']
    for c in cols:
        out.append(f'<th class="num">{esc(headers.get(c, c))}</th>' if c in num
                   else f"<th>{esc(headers.get(c, c))}</th>")
    out.append("</tr></thead><tbody>")
    for row in _rows(df, cols, limit):
        out.append("<tr>")
        for c, v in zip(cols, row, strict=True):
            cls = ' class="num"' if c in num else (' class="long"' if c in long else "")
            out.append(f"<td{cls}>{esc(v)}</td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    if limit is not None and len(df) > limit:
        out.append(f'<p class="note">First {limit} of {len(df)} rows.</p>')
    return "".join(out)


def _rows(df: pd.DataFrame, cols: Sequence[str], limit: int | None = None) -> Iterator[tuple]:
    """The first ``limit`` rows of ``df[cols]`` as tuples, the values ``itertuples`` gives.

    Read column by column (iterating a column boxes its values as
    ``itertuples`` does), without building the selected frame first:
    pandas' selection and ``head`` cost more than the rows of a small table.
    """
    if not df.columns.is_unique:  # a name may then select several columns
        shown = df if limit is None else df.head(limit)
        return shown[list(cols)].itertuples(index=False, name=None)
    n = len(df) if limit is None else min(limit, len(df))
    return zip(*(list(df[c])[:n] for c in cols), strict=True) if cols else iter([()] * n)


class _Tables(Mapping):
    """An analysis's contract tables by name, each built when first read (``Analysis.table``).

    A section reads eight of the ten tables; ``Analysis.tables`` would build all of them.
    """

    def __init__(self, analysis):
        self.analysis = analysis

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in contract.TABLES:
            raise KeyError(name)
        return self.analysis.table(name)

    def __iter__(self) -> Iterator[str]:
        return iter(contract.TABLES)

    def __len__(self) -> int:
        return len(contract.TABLES)


def _tables(a) -> Mapping:
    """``a.tables``, built table by table where ``a`` can (an :class:`~toolkit.analysis.Analysis`)."""
    return _Tables(a) if callable(getattr(a, "table", None)) and hasattr(a, "rows") else a.tables


# ---------------------------------------------------------------- plots

def _img(ax, alt: str, caption: str, *, wide: bool = False) -> str:
    data = base64.b64encode(plots.figure_png(ax)).decode("ascii")
    cls = ' class="wide"' if wide else ""
    return (f'<figure{cls}><img alt="{esc(alt)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{esc(caption)}</figcaption></figure>")


def _plots_html(a, *, graph=None) -> str:
    tables = _tables(a)
    parts = []
    with plots.offscreen():
        parts.append(_img(plots.plot_actors(tables.get("actors")), "Bar chart of actors",
                          "Actors by number of mentions, coloured by type."))
        parts.append(_img(plots.plot_quoted(tables.get("quotes")), "Bar chart of quoted speakers",
                          "Quotes per speaker, direct and indirect."))
        cooc = tables.get("cooccurrence")
        if graph is None:
            graph = actor_graph(tables.get("actors"), cooc, quotes=tables.get("quotes"))
        parts.append(_img(plots.plot_network(graph), "Actor network",
                          "Actors linked when they appear in the same window; "
                          "node size = mentions, line width = shared windows.", wide=True))
        parts.append(_img(plots.plot_cooccurrence_heatmap(cooc), "Co-occurrence heatmap",
                          "Number of windows in which both actors are mentioned.", wide=True))
        parts.append(_img(plots.plot_figures(tables.get("figures")), "Bar chart of figures",
                          "Numbers in the text, what they count and who gives them.", wide=True))
        parts.append(_img(plots.plot_timeline(tables.get("timeline")), "Timeline",
                          "Dates mentioned in the text, resolved where possible.", wide=True))
    return '<div class="plots">' + "".join(parts) + "</div>"


# ---------------------------------------------------------------- highlighted text

def _spans(df: pd.DataFrame | None, *cols: str) -> list[tuple]:
    if df is None or len(df) == 0 or not {"start_char", "end_char"} <= set(df.columns):
        return []
    out = []
    for row in _rows(df, ["start_char", "end_char", *cols]):
        s, e = row[0], row[1]
        if pd.isna(s) or pd.isna(e) or int(e) <= int(s):
            continue
        out.append((int(s), int(e), *row[2:]))
    return sorted(out, key=lambda r: (r[0], -r[1]))


def highlight_text(text: str, paragraphs: Sequence[tuple[int, int, str]],
                   mentions: Sequence[tuple[int, int, str, str]],
                   quotes: Sequence[tuple[int, int]] = ()) -> str:
    """The text as HTML paragraphs, mentions marked by type and quotes underlined.

    Args:
        text: the analysed text (offsets refer to it).
        paragraphs: ``(start_char, end_char, kind)``; headings become ``<h4>``.
        mentions: ``(start_char, end_char, actor, type)``; overlapping ones after
            the first are skipped.
        quotes: ``(start_char, end_char)`` of quoted passages.

    Example:
        >>> highlight_text("Ana spoke.", [(0, 10, "body")], [(0, 3, "Ana", "PERSON")])[:20]
        '<p><mark class="ent"'
    """
    marks, last_end = [], -1
    for s, e, actor, kind in sorted(mentions, key=lambda m: (m[0], -m[1])):
        if s >= last_end:
            marks.append((s, e, actor, kind))
            last_end = e
    out = []
    for p_start, p_end, kind in paragraphs or [(0, len(text), "body")]:
        cuts = {p_start, p_end}
        ms = [m for m in marks if m[0] >= p_start and m[1] <= p_end]
        qs = [(max(s, p_start), min(e, p_end)) for s, e in quotes if s < p_end and e > p_start]
        for s, e, *_ in ms:
            cuts |= {s, e}
        for s, e in qs:
            cuts |= {s, e}
        bounds = sorted(cuts)
        pieces, k = [], 0
        for a, b in zip(bounds, bounds[1:], strict=False):
            seg = html.escape(text[a:b])
            if any(s <= a and b <= e for s, e in qs):
                seg = f'<span class="q">{seg}</span>'
            while k < len(ms) and ms[k][1] <= a:
                k += 1
            m = ms[k] if k < len(ms) and ms[k][0] <= a < ms[k][1] else None
            pieces.append((m, seg))
        html_p, i = [], 0
        while i < len(pieces):
            m, seg = pieces[i]
            if m is None:
                html_p.append(seg)
                i += 1
                continue
            group = []
            while i < len(pieces) and pieces[i][0] is m:
                group.append(pieces[i][1])
                i += 1
            _, _, actor, typ = m
            color = plots.type_color(typ)
            html_p.append(f'<mark class="ent" style="background: {_rgba(color, 0.16)}; '
                          f'border-color: {color}" title="{esc(actor)} ({esc(typ)})">'
                          f'{"".join(group)}<span class="lbl" style="color: {color}">'
                          f"{esc(typ)}</span></mark>")
        tag = "h4" if kind == "heading" else "p"
        out.append(f"<{tag}>{''.join(html_p)}</{tag}>")
    return "\n".join(out)


def _legend(types: Iterable[str]) -> str:
    items = []
    for t in sorted({t for t in types if isinstance(t, str)}):
        c = plots.type_color(t)
        items.append(f'<span style="background: {_rgba(c, 0.16)}; border-color: {c}">'
                     f"{esc(t or 'unknown')}</span>")
    items.append('<span class="q" style="border: 0">quoted passage</span>')
    return '<div class="legend">' + "".join(items) + "</div>"


def _text_html(a) -> str:
    text = a.doc.text if a.doc is not None else a.article.text
    try:
        paragraphs = a.article.paragraph_spans()
    except AttributeError:
        paragraphs = getattr(a.doc._, "paragraphs", None) or [(0, len(text), "body")]
    tables = _tables(a)
    actors = tables.get("actors")
    types = {}
    if actors is not None and len(actors):
        types = dict(zip(actors["actor"], actors["type"].fillna(""), strict=False))
    mentions = [(s, e, actor, types.get(actor, "")) for s, e, actor in
                _spans(tables.get("mentions"), "actor")]
    quotes = [(s, e) for s, e, *_ in _spans(tables.get("quotes"))]
    return _legend(types.values()) + '<div class="text">' + highlight_text(
        text, paragraphs, mentions, quotes) + "</div>"


# ---------------------------------------------------------------- sections

def _meta_html(a) -> str:
    art = a.article
    rows = [("Article id", art.id), ("Title", art.title), ("Authors", "; ".join(art.authors)),
            ("Published", art.published), ("Dateline", getattr(art, "dateline", None)),
            ("Source", art.source_path), ("Language", getattr(art, "language", None)),
            ("Paragraphs", len(art.paragraphs)), ("Words", art.words),
            ("Removed lines", len(art.removed))]
    dl = "".join(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in rows
                 if v not in (None, ""))
    warnings = getattr(art, "warnings", None) or []
    warn = "".join(f'<p class="note">⚠ {esc(w)}</p>' for w in warnings)
    return f'<dl class="meta">{dl}</dl>{warn}'


def _counts_html(a) -> str:
    t = _tables(a)

    def n(name):
        df = t.get(name)
        return 0 if df is None else len(df)

    items = [("actors", n("actors")), ("mentions", n("mentions")), ("quotes", n("quotes")),
             ("figures", n("figures")), ("dates", n("timeline")),
             ("actor pairs", n("cooccurrence"))]
    return '<ul class="counts">' + "".join(f"<li><b>{v}</b>{esc(k)}</li>" for k, v in items) + "</ul>"


def _section(title: str, body: str, count: int | None = None, anchor: str = "") -> str:
    n = f' <span class="n">({count})</span>' if count is not None else ""
    ident = f' id="{esc(anchor)}"' if anchor else ""
    return f"<h3{ident}>{esc(title)}{n}</h3>\n{body}\n"


def _terms_html(a) -> str:
    terms = _tables(a).get("terms")
    left = table_html(terms, columns=["term", "count"], limit=TOP_TERMS,
                      empty="No terms counted.")
    right = '<p class="none">No terms counted.</p>'
    if a.doc is not None:
        words = word_count(a.doc)
        dist = distinctive_terms(a.doc, min_count=2 if words >= 200 else 1, topn=TOP_TERMS)
        dist = dist.assign(log10_ratio=dist["log10_ratio"].round(2))
        right = table_html(dist, columns=["term", "count", "log10_ratio"],
                           headers={"log10_ratio": "log10 (rate here / in general English)"},
                           empty="No terms counted.")
    return ('<div class="two"><div><h4>Most frequent (lemmas)</h4>' + left +
            '</div><div><h4>Distinctive (vs. general English)</h4>' + right + "</div></div>")


def _article_html(a, index: int, *, with_plots: bool = True) -> str:
    t = _tables(a)
    title = a.article.title or a.article.id
    anchor = f"article-{index + 1}"
    parts = [f'<article class="doc" id="{anchor}"><h2>{esc(title)}</h2>',
             _meta_html(a), _counts_html(a)]
    if with_plots:
        parts.append(_section("Plots", _plots_html(a)))
    parts.append(_section("Text", _text_html(a)))
    actors = t.get("actors")
    if actors is not None and len(actors):
        actors = actors.sort_values(["mentions", "actor"], ascending=[False, True],
                                    kind="stable", na_position="last")
    parts.append(_section("Actors", table_html(
        actors, columns=["actor", "type", "mentions", "aliases", "description"],
        long=["description"], empty="No actors found."), len(t.get("actors", []))))
    parts.append(_section("Quotes", table_html(
        t.get("quotes"), columns=["speaker", "speaker_actor", "kind", "cue", "quote", "sentence"],
        headers={"speaker_actor": "actor"}, long=["quote"], empty="No quotes found."),
        len(t.get("quotes", []))))
    parts.append(_section("Figures", table_html(
        t.get("figures"), columns=["text", "value", "unit", "qualifier", "what", "source",
                                   "sentence"],
        empty="No figures found."), len(t.get("figures", []))))
    parts.append(_section("Timeline", table_html(
        t.get("timeline"), columns=["date", "text", "event", "sentence"], long=["event"],
        empty="No dates found."), len(t.get("timeline", []))))
    parts.append(_section("Terms", _terms_html(a)))
    window = (getattr(a, "options", None) or {}).get("window", "sentence")
    parts.append(_section("Co-occurring actors", f'<p class="note">Window: {esc(window)}.</p>' +
                          table_html(t.get("cooccurrence"), columns=["actor_a", "actor_b", "weight"],
                                     limit=TOP_PAIRS, empty="No actors co-occur."),
                          len(t.get("cooccurrence", []))))
    removed = t.get("removed")
    if removed is not None and len(removed):
        parts.append(f"<details><summary>Removed lines ({len(removed)})</summary>" +
                     table_html(removed, columns=["line", "text", "reason"], long=["text"]) +
                     "</details>")
    parts.append("</article>")
    return "\n".join(parts)


def _corpus_plots(analyses: Sequence, corpus: dict | None) -> str:
    """The corpus plots, each drawn once: from the whole run's tables when given.

    ``corpus`` may hold ``actors`` (the run's actors table) and ``graph`` (the
    run's actor network); the network plot keeps its most mentioned actors,
    so its layout costs the same whatever the size of the run.
    """
    corpus = corpus or {}
    actors = corpus.get("actors")
    if actors is None:
        actors = pd.concat([t["actors"] for t in map(_tables, analyses) if "actors" in t],
                           ignore_index=True)
        scope = "the articles below"
    else:
        scope = "every article of the run"
    with plots.offscreen():
        parts = [_img(plots.plot_actors(actors, title="Most mentioned actors, all articles"),
                      "Bar chart of actors in all articles", f"Mentions summed over {scope}.")]
        if corpus.get("graph") is not None:
            parts.append(_img(plots.plot_network(corpus["graph"], title="Actor network, all "
                                                 "articles"), "Actor network of the run",
                              "The most mentioned actors of every article of the run, linked "
                              "when they appear in the same window.", wide=True))
    return '<div class="plots">' + "".join(parts) + "</div>"


def _corpus_html(analyses: Sequence, corpus: dict | None = None) -> str:
    rows = []
    for i, a in enumerate(analyses):
        t = _tables(a)
        rows.append(f'<tr><td><a href="#article-{i + 1}">{esc(a.article.title or a.article.id)}'
                    f"</a></td><td>{esc(a.article.published)}</td>"
                    + "".join(f'<td class="num">{len(t.get(k, []))}</td>'
                              for k in ("actors", "quotes", "figures")) + "</tr>")
    overview = ('<div class="scroll"><table><thead><tr><th>Article</th><th>Published</th>'
                '<th class="num">actors</th><th class="num">quotes</th>'
                '<th class="num">figures</th></tr></thead><tbody>' + "".join(rows) +
                "</tbody></table></div>")
    # The tables these read, passed as tables: an analysis would build all ten.
    tables = [_tables(a) for a in analyses]
    terms = corpus_terms([t["terms"] for t in tables], how="df")
    pairs = corpus_cooccurrence([t["cooccurrence"] for t in tables], how="sum",
                                actors=[t["actors"] for t in tables if t.get("actors") is not None])
    body = (overview + _corpus_plots(analyses, corpus) +
            '<div class="two"><div><h4>Terms by number of articles</h4>' +
            table_html(terms, columns=["term", "articles", "count"], limit=TOP_TERMS) +
            "</div><div><h4>Actor pairs, summed</h4>" +
            table_html(pairs, columns=["actor_a", "actor_b", "weight", "articles"],
                       limit=TOP_PAIRS, empty="No actors co-occur.") + "</div></div>")
    return f'<section class="corpus"><h2>Corpus: {len(analyses)} articles</h2>{body}</section>'


def _manifest_html(manifest: dict | None) -> str:
    if not manifest:
        return ""
    rows = []
    for k in sorted(manifest):
        v = manifest[k]
        v = json.dumps(v, sort_keys=True, ensure_ascii=False, default=str) \
            if isinstance(v, (dict, list, tuple)) else v
        rows.append(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>")
    return ("<details><summary>Run details (manifest)</summary><div class=\"scroll\"><table>"
            + "".join(rows) + "</table></div></details>")


def _subtitle(analyses: Sequence, manifest: dict | None) -> str:
    from . import __version__

    bits = [f"{len(analyses)} article{'s' if len(analyses) != 1 else ''}",
            f"article-toolkit {(manifest or {}).get('toolkit', __version__)}"]
    model = (manifest or {}).get("model")
    if isinstance(model, dict):
        model = " ".join(str(model.get(k, "")) for k in ("name", "version")).strip()
    if model:
        bits.append(f"model {model}")
    windows = sorted({str((getattr(a, "options", None) or {}).get("window", "sentence"))
                      for a in analyses})
    bits.append("co-occurrence window: " + ", ".join(windows))
    return " · ".join(bits)


# ---------------------------------------------------------------- public

def article_section(analysis, index: int = 0, *, with_plots: bool = False) -> str:
    """The report's section for one analysis (the ``index``-th article), as HTML.

    A corpus run renders each section as soon as its chunk comes back and
    hands them to :func:`render_report` (``sections``), so the report's
    per-article work overlaps the analysis instead of following it.

    Example:
        >>> article_section(toolkit.analyze("article.txt")).startswith("<article")  # doctest: +SKIP
        True
    """
    return _article_html(analysis, index, with_plots=with_plots)


def render_report(analyses, *, manifest: dict | None = None, max_plotted: int = 10,
                  corpus: dict | None = None, sections: Sequence[str] | None = None) -> str:
    """The report for one or many analyses, as an HTML string.

    Args:
        analyses: :class:`~toolkit.analysis.Analysis` objects (or one).
        manifest: the run's manifest (shown under "Run details"; its
            ``model`` is named in the header).
        max_plotted: draw the plots of the first this many articles only
            (plots are the slow part, about a second per article); the rest
            get text and tables.
        corpus: tables of a whole run for the corpus plots, drawn once:
            ``actors`` (the actors table) and ``graph`` (the actor network);
            without it the corpus plots use ``analyses``.
        sections: the articles' sections already rendered by
            :func:`article_section` without plots, in the order of
            ``analyses`` (fewer is fine: the rest are rendered here); the
            first ``max_plotted`` articles are rendered again with plots.

    Returns:
        A complete, self-contained HTML document.

    Example:
        >>> page = render_report([toolkit.analyze("article.txt")])  # doctest: +SKIP
        >>> page.startswith("<!DOCTYPE html>")  # doctest: +SKIP
        True
    """
    if not isinstance(analyses, (list, tuple)):
        analyses = [analyses]
    analyses = list(analyses)
    if len(analyses) == 1:
        a = analyses[0]
        heading = a.article.title or a.article.id
    else:
        heading = "Article analysis"
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{esc(heading)} · article-toolkit report</title>",
             f"<style>{CSS}</style></head><body>",
             f'<header class="page"><h1>{esc(heading)}</h1>'
             f"<p>{esc(_subtitle(analyses, manifest))}</p></header><main>"]
    if len(analyses) > 1:
        toc = "".join(f'<li><a href="#article-{i + 1}">{esc(a.article.title or a.article.id)}</a></li>'
                      for i, a in enumerate(analyses))
        parts.append(f'<nav class="toc"><ol>{toc}</ol></nav>')
        parts.append(_corpus_html(analyses, corpus))
    if not analyses:
        parts.append('<p class="none">No articles.</p>')
    sections = list(sections or [])
    for i, a in enumerate(analyses):
        if i < len(sections) and i >= max_plotted:
            parts.append(sections[i])
        else:
            parts.append(_article_html(a, i, with_plots=i < max_plotted))
    parts.append(_manifest_html(manifest))
    parts.append("</main><footer>Made with article-toolkit. Automatic analysis: check "
                 "every actor, quote and figure against the text.</footer></body></html>")
    return "\n".join(p for p in parts if p) + "\n"


def write_report(analyses, path: str | Path, *, manifest: dict | None = None,
                 max_plotted: int = 10, corpus: dict | None = None,
                 sections: Sequence[str] | None = None) -> Path:
    """Write :func:`render_report` to ``path`` (UTF-8); returns the path.

    Example:
        >>> write_report([result], "out/report.html")  # doctest: +SKIP
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(analyses, manifest=manifest, max_plotted=max_plotted,
                                  corpus=corpus, sections=sections),
                    encoding="utf-8")
    return path
