"""The HTML report: self-contained, escaped, deterministic, and it renders in a browser."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from conftest import TEXTS, write_texts  # noqa: E402
from toolkit import contract  # noqa: E402
from toolkit.actors import Actor, Mention, actors_table, mentions_table  # noqa: E402
from toolkit.analysis import Analysis, removed_table, sentences_table  # noqa: E402
from toolkit.cooccurrence import cooccurrence_table  # noqa: E402
from toolkit.frequency import terms_table  # noqa: E402
from toolkit.read import article_from_text  # noqa: E402
from toolkit.report import highlight_text, render_report, write_report  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
TEXT = ('Mayor Ana Ruiz opened the <new> bridge on May 2, 2023. "It cost 40 million soles," '
        "Ruiz said.\n\nThe City Council & Tom Ode praised Ruiz.")


def _mention(text: str, form: str, nth: int, sentence: int) -> Mention:
    pos = -1
    for _ in range(nth + 1):
        pos = text.find(form, pos + 1)
    return Mention(form, pos, pos + len(form), sentence)


@pytest.fixture(scope="module")
def analysis(nlp):
    from toolkit.nlp import make_doc

    article = article_from_text(TEXT, article_id="bridge")
    article.title = "Bridge <opens> & city cheers"
    article.authors = ["Jo Park"]
    article.published = "2023-05-02"
    doc = nlp(make_doc(article, nlp))
    t = doc.text
    actors = [Actor("Ana Ruiz", "PERSON", "Mayor", ["Ruiz"],
                    [_mention(t, "Ana Ruiz", 0, 0), _mention(t, "Ruiz", 1, 2),
                     _mention(t, "Ruiz", 2, 3)]),
              Actor("City Council", "ORG", mentions=[_mention(t, "City Council", 0, 3)]),
              Actor("Tom Ode", "PERSON", mentions=[_mention(t, "Tom Ode", 0, 3)])]
    q_start = t.index('"It')
    q_end = t.index('," ') + 2
    quotes = contract.frame("quotes", [
        {"speaker": "Ruiz", "speaker_actor": "Ana Ruiz", "cue": "said",
         "quote": "It cost 40 million soles,", "kind": "direct", "sentence": 1,
         "start_char": q_start, "end_char": q_end, "rule": "test"}])
    figures = contract.frame("figures", [
        {"value": 40e6, "text": "40 million soles", "unit": "PEN", "what": "bridge cost",
         "source": "Ana Ruiz", "sentence": 1, "start_char": t.index("40"),
         "end_char": t.index("40") + 16}])
    timeline = contract.frame("timeline", [
        {"text": "May 2, 2023", "date": "2023-05-02", "sentence": 0,
         "start_char": t.index("May"), "end_char": t.index("May") + 11,
         "event": "Mayor Ana Ruiz opened the bridge"}])
    tables = {"articles": contract.frame("articles", [{"article_id": "bridge"}]),
              "removed": removed_table(article), "sentences": sentences_table(doc, "bridge"),
              "actors": actors_table(actors), "mentions": mentions_table(actors),
              "quotes": quotes, "figures": figures, "timeline": timeline,
              "cooccurrence": cooccurrence_table(doc, actors), "terms": terms_table(doc)}
    return Analysis.from_tables(article=article, doc=doc, tables=tables, actor_list=actors,
                    options={"window": "sentence"})


@pytest.fixture(scope="module")
def page(analysis) -> str:
    return render_report([analysis], manifest={"toolkit": "0.1.0",
                                               "model": {"name": "en_core_web_sm",
                                                         "version": "3.8.0"}})


def test_page_is_self_contained(page):
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "<link" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert "url(" not in page  # no fonts or images fetched from CSS
    srcs = re.findall(r'<img [^>]*src="([^"]+)"', page)
    assert len(srcs) == 6 and all(s.startswith("data:image/png;base64,") for s in srcs)


def test_all_text_is_escaped(page):
    assert "Bridge &lt;opens&gt; &amp; city cheers" in page
    assert "<opens>" not in page and "<new>" not in page
    assert "the &lt;new&gt; bridge" in page
    assert "The City Council</mark>" not in page  # label span sits inside the mark
    assert "&amp; " in page


def test_metadata_tables_and_highlights(page):
    for text in ("Jo Park", "2023-05-02", "en_core_web_sm 3.8.0", "co-occurrence window: sentence"):
        assert text in page
    assert page.count("<table") >= 7  # actors, quotes, figures, timeline, 2 terms, pairs
    assert page.count('<mark class="ent"') == 5
    assert 'title="Ana Ruiz (PERSON)"' in page
    assert '<span class="q">' in page and "40 million soles" in page
    assert "bridge cost" in page and "Mayor" in page


def test_output_is_deterministic(analysis, page, tmp_path):
    manifest = {"toolkit": "0.1.0", "model": {"name": "en_core_web_sm", "version": "3.8.0"}}
    path = write_report(analysis, tmp_path / "sub" / "report.html", manifest=manifest)
    assert path.read_text(encoding="utf-8") == page


def test_several_articles_get_a_corpus_overview(analysis):
    page = render_report([analysis, analysis], max_plotted=1)
    assert "Corpus: 2 articles" in page
    assert page.count("<img") == 1 + 6  # corpus actors, then the first article's plots
    assert 'href="#article-2"' in page and 'id="article-2"' in page


def test_empty_analysis_still_renders(nlp):
    import toolkit

    a = toolkit.analyze(article_from_text("Nothing happened.", article_id="quiet"), nlp=nlp)
    page = render_report([a])
    assert "quiet" in page and page.count("<img") == 6


def test_highlight_nests_quotes_and_skips_overlaps():
    text = "HEAD\n\nAna said: yes Ana."
    paragraphs = [(0, 4, "heading"), (6, 24, "body")]
    mentions = [(6, 9, "Ana", "PERSON"), (6, 14, "Ana said", "ORG"),  # overlap: skipped
                (20, 23, "Ana", "PERSON")]
    out = highlight_text(text, paragraphs, mentions, quotes=[(16, 23)])
    assert out.startswith("<h4>HEAD</h4>")
    # the longer of two overlapping mentions wins
    assert out.count("<mark") == 2 and 'title="Ana (PERSON)">Ana<' not in out
    assert 'title="Ana said (ORG)">Ana said<' in out
    # a mention inside a quote: the quote span is inside the mark
    assert '<span class="q">Ana</span><span class="lbl"' in out
    assert '<span class="q">yes </span>' in out


def _chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    profile = tempfile.mkdtemp(dir=tmp)
    cmd = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
           "--no-first-run", "--disable-background-networking", "--disable-component-update",
           "--disable-sync", f"--user-data-dir={profile}", "--hide-scrollbars", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(not CHROMIUM.exists(),
                    reason="headless check needs Debian's chromium at /usr/bin/chromium "
                           "(apt-get install chromium)")
def test_report_renders_in_headless_chromium(page, tmp_path):
    # A copy with a probe script: the report itself has none.
    probe = ("<script>addEventListener('load', () => { for (const i of document.images) "
             "{ i.setAttribute('data-loaded', i.complete && i.naturalWidth > 0 ? 'yes' : 'no'); }"
             " document.body.setAttribute('data-tables', document.querySelectorAll('table').length);"
             " });</script>")
    path = tmp_path / "report.html"
    path.write_text(page.replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = _chromium("--virtual-time-budget=10000", "--dump-dom", path.as_uri(), tmp=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    html = dom.stdout
    assert html.count('data-loaded="yes"') == 6, "every embedded PNG decodes"
    assert 'data-loaded="no"' not in html
    tables = int(re.search(r'data-tables="(\d+)"', html).group(1))
    assert tables >= 7
    assert "Bridge &lt;opens&gt; &amp; city cheers" in html

    shot = tmp_path / "report.png"
    plain = tmp_path / "plain.html"
    plain.write_text(page, encoding="utf-8")
    out = _chromium("--window-size=1280,2400", f"--screenshot={shot}", plain.as_uri(),
                    tmp=tmp_path)
    assert out.returncode == 0 and shot.exists()
    from PIL import Image

    with Image.open(shot) as im:
        assert im.size == (1280, 2400)
        colours = im.convert("RGB").getcolors(maxcolors=1_000_000)
        assert colours is None or len(colours) > 50  # not a blank page


def test_bundled_article_report(bundled_analysis, tmp_path):
    """The bundled article (demonstration only): the page has every part."""
    page = render_report([bundled_analysis])
    assert page.count("<img") == 6
    assert page.count('<mark class="ent"') >= len(bundled_analysis.actors)
    assert page.count("<table") >= 6
    write_report([bundled_analysis], tmp_path / "report.html")


def test_corpus_plots_come_from_the_run_tables_and_are_drawn_once(analysis):
    from toolkit.network import actor_graph

    actors = contract.frame("actors", [
        {"article_id": "x", "actor": "Zed Vale", "type": "PERSON", "mentions": 9}])
    graph = actor_graph(analysis.tables["actors"], analysis.tables["cooccurrence"])
    page = render_report([analysis, analysis], max_plotted=0,
                         corpus={"actors": actors, "graph": graph})
    assert page.count("<img") == 2  # the run's actors and its network; no article plots
    assert "every article of the run" in page


def test_a_corpus_run_report_draws_no_plot_per_article(tmp_path, nlp):
    from toolkit.runner import run

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"Story {i}\n\nMayor Ana Ruiz said the bridge cost "
                                         f"{i + 2} million pounds. Tom Ode agreed with Ruiz.\n")
    run([folder], tmp_path / "out", n_process=1)
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert page.count("<img") == 2 and "Actor network of the run" in page


def test_sections_rendered_ahead_give_the_same_page(analysis):
    from toolkit.report import article_section

    sections = [article_section(analysis, 0), article_section(analysis, 1)]
    assert render_report([analysis, analysis], max_plotted=0, sections=sections) == \
        render_report([analysis, analysis], max_plotted=0)
    # Fewer sections than analyses: the rest are rendered on the spot.
    assert render_report([analysis, analysis], max_plotted=0, sections=sections[:1]) == \
        render_report([analysis, analysis], max_plotted=0)


def test_an_article_drawn_with_plots_is_rendered_again_not_taken_from_sections(analysis):
    page = render_report([analysis], max_plotted=1, sections=["<article>stale</article>"])
    assert "stale" not in page
    assert page.count("<img") >= 1


def test_a_corpus_run_report_is_the_page_rendered_from_its_analyses(tmp_path, nlp, monkeypatch):
    import toolkit.runner as runner

    folder = write_texts(tmp_path / "in", TEXTS[:3])
    seen: dict = {}
    finish = runner.finish_run

    def finish_and_keep(state):
        seen["kept"], seen["sections"] = list(state.kept), list(state.sections)
        return finish(state)

    monkeypatch.setattr(runner, "finish_run", finish_and_keep)
    runner.run([folder], tmp_path / "out", n_process=1)
    assert len(seen["sections"]) == len(seen["kept"]) == 3
    page = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert all(section in page for section in seen["sections"])
    assert page.count("<article") == 3 and runner.REPORT_PLOTTED == 0


def test_table_rows_are_read_column_by_column_as_itertuples_gives_them():
    import pandas as pd

    from toolkit.report import _rows, table_html

    df = pd.DataFrame({"name": ["tide", None, "moon"], "n": pd.array([3, None, 1000000], dtype="Int64"),
                       "value": [2.5, float("nan"), 1e7]})
    for cols, limit in ((["name", "n", "value"], None), (["value", "name"], 2), ([], 1), (["n"], 9)):
        shown = df if limit is None else df.head(limit)
        expected = list(shown[cols].itertuples(index=False, name=None))
        got = list(_rows(df, cols, limit))
        assert [tuple(map(repr, r)) for r in got] == [tuple(map(repr, r)) for r in expected]
    twice = pd.DataFrame([[1, "a"], [2, "b"]], columns=["x", "x"])
    assert list(_rows(twice, ["x"])) == [(1, "a"), (2, "b")]
    assert "<td>" in table_html(df, limit=2) and "First 2 of 3 rows." in table_html(df, limit=2)


def test_a_section_builds_only_the_tables_it_shows(analysis):
    from dataclasses import replace

    from toolkit.report import article_section

    fresh = replace(analysis)
    fresh.__dict__.pop("_frames", None)
    html = article_section(fresh, 0)
    assert html.startswith("<article") and "articles" not in fresh.__dict__["_frames"]
    assert "sentences" not in fresh.__dict__["_frames"] and "actors" in fresh.__dict__["_frames"]
    assert html == article_section(analysis, 0)
