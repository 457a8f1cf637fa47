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


# ------------------------------------------------ never less than trafilatura (invented pages)

HTML = FIXTURES / "html"


def _key(line: str) -> str:
    return " ".join(line.lstrip("-\u2022 ").split())


@pytest.mark.parametrize("name", ["form-wrapped", "share-wrapper", "byline-after-lead",
                                  "short-lines-only", "year-only-dates"])
def test_every_line_trafilatura_keeps_is_in_body_or_removed(name):
    # Shapes that once lost the whole body (a "share" wrapper around the story, lines the
    # rules all dropped) or whole paragraphs (everything after a byline below the lead).
    import trafilatura

    html = (HTML / f"{name}.html").read_text(encoding="utf-8")
    art = read_html(html)
    assert art.paragraphs
    body = _key(art.text)
    removed = {_key(r.text) for r in art.removed}
    for line in (trafilatura.extract(html) or "").splitlines():
        if line.strip():
            assert _key(line) in body or _key(line) in removed, line


@pytest.mark.parametrize("name,sentences", [
    ("share-wrapper", ["The central library in Marrow will open", "open on Sunday afternoons"]),
    ("byline-after-lead", ["Trains will run again", "Engineers removed about 4,000 tonnes",
                           "Replacement buses", "thank them for their patience"]),
    ("form-wrapped", ["Repairs to the old harbour wall", "Traders said they hoped"]),
    ("short-lines-only", ["Ashby Town 3 Hollin Vale 1", "Northfield 1 Southfield 0"]),
])
def test_whole_story_is_kept(name, sentences):
    art = read_html((HTML / f"{name}.html").read_text(encoding="utf-8"))
    for sentence in sentences:
        assert sentence in art.text
    assert "Home" not in art.text.split()


def test_rules_that_would_drop_every_line_keep_trafilaturas_text_with_a_warning():
    art = read_html((HTML / "short-lines-only.html").read_text(encoding="utf-8"),
                    source_path="cup.html")
    assert any("would remove every line" in w for w in art.warnings)


def test_byline_below_the_lead_does_not_end_the_story():
    art = read_html((HTML / "byline-after-lead.html").read_text(encoding="utf-8"))
    assert art.authors == ["Ann Lee"] and len(art.paragraphs) == 4
    assert {r.reason for r in art.removed} == {"title", "byline"}


def test_page_with_only_navigation_is_refused():
    with pytest.raises(InputError, match="only navigation links"):
        read_html((HTML / "navigation-only.html").read_text(encoding="utf-8"), source_path="nav.html")


def test_no_invented_publication_date():
    # "March 2024" and "(c) 2024" give trafilatura a guessed day; the page never states one.
    art = read_html((HTML / "year-only-dates.html").read_text(encoding="utf-8"))
    assert art.published is None
    assert {r.text: r.reason for r in art.removed}["March 2024"] == "date_line"


def test_metadata_date_stated_on_the_page_is_kept():
    html = ('<html><head><meta property="article:published_time" content="2024-03-14T09:00:00Z">'
            '</head><body><article><p>The ferry service to the island resumed on Thursday after '
            'a week of storms, the operator said, and extra sailings were added.</p></article>'
            '</body></html>')
    assert (read_html(html).published, read_html(html).published_from) == ("2024-03-14",
                                                                          "html_metadata")


STORY_P = "".join(f"<p>Paragraph {i} of the story says the harbour reopened after repairs "
                  f"that took the crews most of the winter to finish.</p>" for i in range(6))


def test_short_marked_furniture_is_removed_with_its_reason():
    import trafilatura

    promo = "<div class='promo-box'><p>Crews at work on the harbour wall in January</p></div>"
    html = f"<html><body><article>{STORY_P[:300]}{promo}{STORY_P[300:]}</article></body></html>"
    assert "Crews at work" in trafilatura.extract(html)
    art = read_html(html)
    assert "Crews at work" not in art.text
    assert {r.text: r.reason for r in art.removed} == {
        "Crews at work on the harbour wall in January": "html_furniture"}
    assert all(f"Paragraph {i} of" in art.text for i in range(6))


def test_marked_furniture_holding_much_of_the_story_is_not_trusted():
    html = (f"<html><body><article><div class='promo-box'>{STORY_P[:600]}</div>{STORY_P[600:]}"
            "</article></body></html>")
    art = read_html(html)
    assert all(f"Paragraph {i} of" in art.text for i in range(6))
    assert not art.removed
