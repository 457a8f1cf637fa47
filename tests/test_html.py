"""Saved web pages: trafilatura finds the body, our rules remove what it leaves."""

from __future__ import annotations

import pytest
from conftest import FIXTURES

from toolkit.read import InputError, read_article, read_html

PAGE = FIXTURES / "corpus" / "page.html"


@pytest.fixture(scope="module")
def page():
    return read_html(PAGE.read_text(encoding="utf-8"), article_id="page")


def test_body_paragraphs_in_order(page):
    texts = [p.text for p in page.paragraphs]
    assert len(texts) == 4
    assert texts[0].startswith("Orchard growers in the Marrow Valley picked a record")
    assert texts[1].startswith("The association said members had picked about 48,000")
    # The paragraph after a "Read more" link list is the story going on, not a teaser.
    assert texts[2].startswith('"Everyone wanted to pick at once')
    assert texts[3].startswith("Some smaller farms warned")


def test_metadata_from_the_page(page):
    assert page.title == "Orchard growers report record apple harvest"
    assert page.authors == ["Lena Fischer"]
    assert (page.published, page.published_from) == ("2024-09-14", "html_metadata")


@pytest.mark.parametrize("leftover", [
    "Home", "Weather", "Copyright 2024", "Privacy policy",  # navigation and footer
    "Photo: Sam Ortiz", "Sam Ortiz/Valley Gazette",  # captions
    "Read more", "Cider makers expect", "Frost warning",  # related teasers
    "newsletter", "Subscribe",  # newsletter prompts
])
def test_furniture_is_not_body(page, leftover):
    assert leftover not in page.text


def test_removed_lines_say_why(page):
    reasons = {r.text: r.reason for r in page.removed}
    assert reasons["Orchard growers report record apple harvest"] == "title"
    assert reasons["Read more:"] == "related"
    assert reasons["Cider makers expect a busy season"] == "related"
    assert reasons["Get the harvest news in your inbox: sign up for our farming newsletter."] \
        == "newsletter"
    caption = "Pickers sort apples at a farm near Kestrel Bridge on September 12. Photo: Sam Ortiz"
    assert reasons[caption] == "caption"
    assert page.captions == [caption]


def test_rules_remove_what_plain_trafilatura_keeps():
    import trafilatura

    html = PAGE.read_text(encoding="utf-8")
    plain = trafilatura.extract(html)
    ours = read_html(html).text
    for leftover in ("Photo: Sam Ortiz", "Cider makers expect a busy season",
                     "sign up for our farming newsletter"):
        assert leftover in plain
        assert leftover not in ours


def test_html_file_is_read_by_suffix():
    art = read_article(PAGE)
    assert art.id == "page"
    assert art.source_path == str(PAGE)
    assert art.title == "Orchard growers report record apple harvest"


def test_non_english_page_keeps_its_body():
    # The raw-scrape rule "short non-prose lines before the story are chrome"
    # must not run on trafilatura's output: it would drop every line here.
    html = ("<html><head><title>Neue Brücke</title></head><body><article>"
            "<p>Die neue Brücke über den Fluss wurde am Montag eröffnet.</p>"
            "<p>Der Bürgermeister sagte, sie verbinde zwei Stadtteile.</p>"
            "<p>Rund dreitausend Menschen kamen zur Eröffnung.</p>"
            "</article></body></html>")
    art = read_html(html)
    assert len(art.paragraphs) == 3
    assert art.paragraphs[0].text.startswith("Die neue Brücke")


def test_list_items_repeated_on_a_page_are_kept():
    items = "".join(f"<li>Add one cup of water, then stir step {i}</li><li>Wait five minutes</li>"
                    for i in range(3))
    html = (f"<html><body><article><h1>Bread at home</h1><p>Baking bread at home is "
            f"easier than most people think, a baker told us this week.</p><ul>{items}</ul>"
            f"</article></body></html>")
    art = read_html(html)
    assert art.text.count("Wait five minutes") == 3


def test_page_without_text_is_refused():
    with pytest.raises(InputError, match="no article text"):
        read_html("<html><body><script>var a = 1;</script><div> </div></body></html>",
                  source_path="empty.html")
