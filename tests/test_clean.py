"""Each cleaning rule on small inputs of its own, then the bundled article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit.clean import (
    blocks_from_lines,
    clean_lines,
    find_date,
    join_wrapped,
    space_glued_quote,
    split_authors,
    split_dateline,
    split_lines,
)


def clean(text: str):
    return clean_lines(text.splitlines(), article_id="t")


def reasons(article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


STORY = "Flood waters rose across the valley overnight, forcing hundreds of families to leave."
STORY2 = "The regional council said the river had burst its banks in three places on Sunday."


def test_skip_link_and_read_time_are_page_chrome():
    art = clean(f"Skip to main content\n\nRiver bursts its banks in valley\n\n4 min read\n\n{STORY}")
    assert reasons(art) == {"Skip to main content": "page_chrome",
                            "River bursts its banks in valley": "title", "4 min read": "read_time"}
    assert art.title == "River bursts its banks in valley"
    assert [p.text for p in art.paragraphs] == [STORY]


def test_related_block_after_the_story_drops_marker_titles_and_one_teaser_paragraph():
    teaser = ("The minister, speaking in the capital, said new rules on water use would follow "
              "after a long review of the drought.")
    art = clean(f"{STORY}\n\n{STORY2}\n\nBy Ann Lee\n\nRelated\n\nEnvironment\n\nMinister hints "
                f"at new water rules\n\n{teaser}\n\nSubscribe to our newsletter")
    r = reasons(art)
    assert r["Related"] == "related"
    assert r["Environment"] == "related"
    assert r["Minister hints at new water rules"] == "related"
    assert r[teaser] == "related"
    assert r["Subscribe to our newsletter"] == "newsletter"
    assert [p.text for p in art.paragraphs] == [STORY, STORY2]


def test_prose_after_related_titles_inside_the_story_is_kept():
    # Not sure to be a teaser: the story may go on after the link list.
    art = clean(f"{STORY}\n\nRead more:\n\nDam warnings ignored for years\n\n{STORY2}\n\n"
                "Officials said the water would recede by Friday, and schools would reopen.")
    assert reasons(art) == {"Read more:": "related", "Dam warnings ignored for years": "related"}
    assert [p.text for p in art.paragraphs][:2] == [STORY, STORY2]


@pytest.mark.parametrize("marker", ["Read more", "Read more:", "More on this story",
                                    "You may also like"])
def test_related_markers_start_a_link_block(marker):
    art = clean(f"{STORY}\n\n{marker}\n\nDam warnings ignored for years\n\n{STORY2}")
    assert reasons(art)[marker] == "related"
    assert reasons(art)["Dam warnings ignored for years"] == "related"
    assert [p.text for p in art.paragraphs] == [STORY, STORY2]


def test_cookie_banner_and_newsletter_notices():
    art = clean(f"{STORY}\n\nSign up for our daily newsletter\n\nLeaderboard ad 2\n\n"
                "We use cookies to improve your experience. See our cookie policy.\n\n"
                "  \u2022 Necessary cookies enable core functionality of the site.")
    assert set(reasons(art).values()) == {"newsletter", "banner", "cookie_notice"}
    assert len(art.paragraphs) == 1


def test_wire_signature_and_credits_close_the_story():
    art = clean(f"{STORY}\n\n{STORY2}\n\n(Reporting by Ann Lee; Editing by Bo Diaz)\n\nReuter")
    assert reasons(art) == {"(Reporting by Ann Lee; Editing by Bo Diaz)": "credits",
                            "Reuter": "wire_signature"}


def test_trailing_byline_splits_authors_and_ends_story():
    art = clean(f"{STORY}\n\nBy Ann Lee, Bo Diaz and Cy Young\n\nSome footer line here")
    assert art.authors == ["Ann Lee", "Bo Diaz", "Cy Young"]
    assert reasons(art)["Some footer line here"] == "after_story_end"


def test_leading_byline_and_date_line_go_to_metadata():
    art = clean("Valley flood forces hundreds from homes\n\nBy Dana Wu\n\n"
                f"Published March 3, 2021 10:15 GMT\n\n{STORY}")
    assert art.authors == ["Dana Wu"]
    assert art.published == "2021-03-03" and art.published_from == "date_line"
    assert [p.text for p in art.paragraphs] == [STORY]


def test_photo_caption_and_credit_moved_to_captions():
    caption = "Residents wade through water in Valleytown, March 3, 2021. Reuters/Jo Smith"
    art = clean(f"{STORY}\n\n{caption}\n\n{STORY2}")
    assert art.captions == [caption]
    assert reasons(art)[caption] == "caption"
    # without a date line the caption's date is a documented fallback
    assert art.published == "2021-03-03" and art.published_from == "caption"


@pytest.mark.parametrize("caption", [
    "A man walks past the damaged bridge. Photo: Jane Doe/AFP",
    "Rescue boats on the river (AP Photo/Sam Hill)",
    "The flooded market square. Getty Images",
])
def test_caption_credit_forms(caption):
    assert reasons(clean(f"{STORY}\n\n{caption}\n\n{STORY2}"))[caption] == "caption"


def test_repeated_lead_kept_once():
    art = clean(f"{STORY}\n\nA photo caption here. REUTERS/Ann Lee\n\n{STORY}\n\n{STORY2}")
    assert [p.text for p in art.paragraphs] == [STORY, STORY2]
    assert [r.reason for r in art.removed] == ["caption", "duplicate"]


def test_caps_heading_is_heading_paragraph():
    art = clean(f"{STORY}\n\nRESCUE EFFORTS\n\n{STORY2}")
    assert [p.kind for p in art.paragraphs] == ["body", "heading", "body"]


def test_word_split_across_blank_line_is_rejoined():
    art = clean(f"{STORY}\n\nHours before the mayor la\n\nnded, the sirens sounded across town.")
    assert art.paragraphs[1].text == "Hours before the mayor landed, the sirens sounded across town."
    assert art.paragraphs[1].lines == (3, 5)


def test_split_between_words_joined_with_space():
    art = clean(f"{STORY}\n\nOfficials expect the water to recede following\n\nthe end of the storm on Friday.")
    assert art.paragraphs[1].text == ("Officials expect the water to recede following the end of "
                                      "the storm on Friday.")


@pytest.mark.parametrize("left,right,joined", [
    ("before she la", "nded, sirens", "before she landed, sirens"),
    ("following t", "he vote", "following the vote"),
    ("went in", "to the house", "went in to the house"),
    ("an anti-", "aircraft gun", "an anti-aircraft gun"),
    ("a well-", "known figure", "a well-known figure"),
    ("the govern-", "ment said", "the government said"),
    ("a cease-", "fire deal", "a cease-fire deal"),
])
def test_join_wrapped(left, right, joined):
    assert join_wrapped(left, right) == joined


WIRE = """\
  BAGHDAD, Feb 24 - Iraq said today its forces had repelled a
major offensive along the southern front and destroyed an anti-
aircraft battery and dozens of enemy positions near the border
in heavy fighting overnight, the official news agency reported.
  It said 81 Iraqi brigades and battalions were totally des-
troyed, along with 700 tanks and 1,500 other vehicles, in a
statement read on state radio and television early this morning.
  The claims could not be independently verified by reporters.
 REUTER
"""


def test_hard_wrapped_wire_text_is_unwrapped():
    art = clean(WIRE)
    texts = [p.text for p in art.paragraphs]
    assert len(texts) == 3
    assert "destroyed an anti-aircraft battery" in texts[0]
    assert "were totally destroyed, along with 700 tanks" in texts[1]
    assert texts[1].startswith("It said 81 Iraqi brigades")
    assert reasons(art) == {"BAGHDAD, Feb 24 -": "dateline", "REUTER": "wire_signature"}
    assert art.paragraphs[1].lines == (5, 6, 7)
    assert (art.dateline, art.published) == ("BAGHDAD", None)  # no year: no date


def test_blocks_from_unwrapped_lines_are_one_per_line():
    blocks = blocks_from_lines(["Short line one.", "Short line two.", "", "Three."])
    assert [b.text for b in blocks] == ["Short line one.", "Short line two.", "Three."]


def test_dateline_split_off_first_paragraph():
    assert split_dateline("LIMA, March 2 (Reuters) - Rain fell.") == (
        "LIMA, March 2 (Reuters) -", "Rain fell.")
    art = clean(f"NAIROBI, May 3 (Reuters) - {STORY}\n\n{STORY2}")
    assert art.dateline == "NAIROBI"
    assert art.paragraphs[0].text == STORY
    assert reasons(art) == {"NAIROBI, May 3 (Reuters) -": "dateline"}


def test_find_date_forms():
    assert find_date("October 22, 2024. Reuters/X") == "2024-10-22"
    assert find_date("on 5 Nov 2023") == "2023-11-05"
    assert find_date("2020-02-29T10:00") == "2020-02-29"
    assert find_date("Feb 30, 2021") is None
    assert find_date("no date here") is None


def test_split_authors():
    assert split_authors("Ann Lee & Bo Diaz") == ["Ann Lee", "Bo Diaz"]
    assert split_authors("Ann Lee in Paris") == ["Ann Lee"]


def test_every_nonblank_line_accounted_for():
    text = (f"Skip to content\n\nHeadline about the flood here\n\n{STORY}\n\nPhoto. Reuters/Al B\n\n"
            f"{STORY}\n\nFLOOD\n\n{STORY2} and la\n\nter more.\n\nBy Ann Lee\n\nRelated\n\nX")
    art = clean(text)
    body_lines = {n for p in art.paragraphs for n in p.lines}
    removed_lines = {r.line for r in art.removed}
    nonblank = {n for n, line in enumerate(text.splitlines(), 1) if line.strip()}
    assert body_lines | removed_lines == nonblank
    assert not body_lines & removed_lines


# --------------------------------------------------------------- the bundled article


@pytest.fixture(scope="module")
def bundled():
    from conftest import BUNDLED
    from toolkit.read import read_article

    return read_article(BUNDLED)


def test_bundled_metadata(bundled):
    assert bundled.title.startswith("Blinken in Israel")
    assert bundled.authors == ["Humeyra Pamuk", "Maayan Lubell", "Nidal al-Mughrabi"]
    assert bundled.published == "2024-10-22"
    assert len(bundled.captions) == 1 and bundled.captions[0].endswith("Reuters/Nathan Howard")


def test_bundled_body(bundled):
    text = bundled.text
    assert text.count("Secretary of State Antony Blinken met") == 1  # lead kept once
    assert "Hours before Blinken landed, air raid sirens" in text
    assert "takes over following the Nov. 5 election" in text
    for chrome in ("Skip to main content", "3 min", "Related", "al-Shibani", "Subscribe",
                   "banner", "cookies", "Reuters/Nathan Howard", "By Humeyra"):
        assert chrome not in text
    assert [p.text for p in bundled.paragraphs if p.kind == "heading"] == [
        "SIRENS IN TEL AVIV", "ISRAELI RETALIATION AGAINST IRAN"]
    assert bundled.text.rstrip().endswith("the enclave's health authorities say.")


def test_bundled_every_story_sentence_once(bundled):
    from conftest import BUNDLED

    raw = BUNDLED.read_text(encoding="utf-8")
    story = raw[raw.index("Blinken began"):raw.index("By Humeyra")]
    for line in story.splitlines():
        line = line.strip()
        if len(line) > 40:  # whole story paragraphs (split words are checked above)
            assert bundled.text.count(line) == 1, line


def test_bundled_removed_reasons(bundled):
    by_reason = {}
    for r in bundled.removed:
        by_reason.setdefault(r.reason, []).append(r.line)
    assert by_reason == {"page_chrome": [1], "title": [3], "read_time": [5], "caption": [9],
                         "duplicate": [11], "byline": [73], "related": [75, 77, 79, 81],
                         "newsletter": [83], "banner": [85], "cookie_notice": [87, 89]}


# --------------------------------------------------------------- headlines, datelines, bylines


def accounted(text: str, art) -> bool:
    """Every non-blank input line is in the body or in removed (metadata lines are in removed)."""
    body_lines = {n for p in art.paragraphs for n in p.lines}
    removed_lines = {r.line for r in art.removed}
    return body_lines | removed_lines == {n for n, line in enumerate(text.splitlines(), 1)
                                          if line.strip()}


def test_caps_first_line_before_a_blank_line_is_the_title():
    text = f"RIVER BURSTS ITS BANKS IN VALLEY <VLY>\n\n{STORY}\n\n{STORY2}"
    art = clean(text)
    assert art.title == "RIVER BURSTS ITS BANKS IN VALLEY (VLY)"
    assert reasons(art) == {"RIVER BURSTS ITS BANKS IN VALLEY <VLY>": "title"}


def test_caps_headline_may_end_with_an_abbreviation():
    art = clean(f"VALLEY SEEKS FLOOD AID FROM U.S.\n\n    OSLO, Feb 3 - {STORY}")
    assert (art.title, art.dateline) == ("VALLEY SEEKS FLOOD AID FROM U.S.", "OSLO")


def test_caps_line_inside_the_story_stays_a_heading():
    art = clean(f"{STORY}\n\nRESCUE EFFORTS GO ON\n\n{STORY2}")
    assert art.title is None
    assert [p.kind for p in art.paragraphs] == ["body", "heading", "body"]


@pytest.mark.parametrize("dateline,place,published", [
    ("OSLO, Feb 3 -", "OSLO", None),
    ("OSLO, Feb. 3, 2023 -", "OSLO", "2023-02-03"),
    ("SAN JOSE, Calif., March 9 -", "SAN JOSE, Calif.", None),
    ("OSLO (Reuters) -", "OSLO", None),
    ("OSLO, 3 February 2023 (AFP) \u2013", "OSLO", "2023-02-03"),
    ("OSLO \u2014", "OSLO", None),
    ("OSLO -", "OSLO", None),
    ("Oslo, Feb 3 -", "Oslo", None),
    ("Oslo (dpa) -", "Oslo", None),
    ("OSLO, Norway, Jan. 12, 2024 /PRNewswire/ --", "OSLO, Norway", "2024-01-12"),
    ("Oslo, feb 3 -", "Oslo", None),
    ("OSLO, FEBRUARY 3 -", "OSLO", None),
    ("Santa cruz, Feb 3 -", "Santa cruz", None),
    ("OSLO, Feb 3, -", "OSLO", None),
    ("***OSLO, Feb 3 -", "OSLO", None),
])
def test_dateline_forms(dateline, place, published):
    art = clean(f"Valley flood forces hundreds from homes\n\n{dateline} {STORY}\n\n{STORY2}")
    assert (art.dateline, art.published) == (place, published)
    assert art.paragraphs[0].text == STORY
    assert reasons(art)[dateline] == "dateline"
    assert art.published_from == ("dateline" if published else None)


@pytest.mark.parametrize("opening", [
    "Officials - not all of them - said the river was rising.",
    "On Monday, March 3 - a cold day - the river rose.",
    "US \u2014 and other nations",
    "EXCLUSIVE \u2014 The council will vote again.",
    "Oslo (they said) - more rain.",
])
def test_sentence_openings_are_not_datelines(opening):
    art = clean(f"{opening} {STORY}\n\n{STORY2}")
    assert art.dateline is None
    assert art.paragraphs[0].text.startswith(opening)


def test_dateline_date_never_overrides_a_fuller_date():
    art = clean(f"Published 4 March 2023\n\nOSLO, March 3, 2023 - {STORY}")
    assert (art.published, art.published_from) == ("2023-03-04", "date_line")


def test_dateline_offsets_are_exact():
    art = clean(f"OSLO, Feb 3 - {STORY}\n\n{STORY2}")
    start, end, _ = art.paragraph_spans()[0]
    assert art.text[start:end] == STORY
    assert "OSLO" not in art.text


def test_dateline_without_body_loses_nothing():
    text = "RIVER BURSTS ITS BANKS\n\nOSLO, Feb 3 -"
    art = clean(text)
    assert (art.title, art.dateline, art.paragraphs) == ("RIVER BURSTS ITS BANKS", "OSLO", [])
    assert reasons(art) == {"RIVER BURSTS ITS BANKS": "title", "OSLO, Feb 3 -": "dateline"}


def test_one_line_headline_is_kept_as_the_body():
    art = clean("RIVER BURSTS ITS BANKS IN VALLEY")
    assert art.text == "RIVER BURSTS ITS BANKS IN VALLEY"
    assert art.title == "RIVER BURSTS ITS BANKS IN VALLEY"
    art = clean("River bursts its banks in valley")
    assert art.text == "River bursts its banks in valley"


@pytest.mark.parametrize("byline,authors,roles", [
    ("By Ann Lee, Health Reporter", ["Ann Lee"], {"Ann Lee": "Health Reporter"}),
    ("By Ann Lee and Bo Diaz in Leeds", ["Ann Lee", "Bo Diaz"], {}),
    ("By Ann Lee, Health Reporter, and Bo Diaz", ["Ann Lee", "Bo Diaz"],
     {"Ann Lee": "Health Reporter"}),
    ("By ANN LEE and BO DIAZ, Associated Press", ["ANN LEE", "BO DIAZ"],
     {"ANN LEE": "Associated Press", "BO DIAZ": "Associated Press"}),
    ("By Ann Lee | Local Democracy Reporting Service", ["Ann Lee"],
     {"Ann Lee": "Local Democracy Reporting Service"}),
    ("Ann Lee | Health Correspondent", ["Ann Lee"], {"Ann Lee": "Health Correspondent"}),
    ("By Nadia al-Rashid and Luc de Vries", ["Nadia al-Rashid", "Luc de Vries"], {}),
])
def test_bylines_with_roles(byline, authors, roles):
    art = clean(f"Valley flood forces hundreds from homes\n\n{byline}\n\n{STORY}")
    assert (art.authors, art.author_roles) == (authors, roles)
    assert reasons(art)[byline] == "byline"


@pytest.mark.parametrize("byline", ["By Staff Reporter", "By PA Reporter", "By Our Correspondent"])
def test_byline_without_a_name_gives_no_author_and_loses_nothing(byline):
    text = f"Valley flood forces hundreds from homes\n\n{byline}\n\n{STORY}"
    art = clean(text)
    assert art.authors == [] and art.author_roles == {}
    assert reasons(art)[byline] == "byline"
    assert accounted(text, art)


def test_role_on_the_line_after_the_byline():
    art = clean(f"Valley flood forces hundreds from homes\n\nBy Ann Lee\nBusiness Editor\n\n{STORY}")
    assert art.author_roles == {"Ann Lee": "Business Editor"}
    assert reasons(art)["Business Editor"] == "byline"


def test_wire_trailer_names_and_roles():
    art = clean(f"{STORY}\n\n{STORY2}\n\nReporting by Ann Lee in Oslo; Additional reporting by "
                "Bo Diaz; Editing by Cy Young and Di Park\n\nSome footer")
    assert art.authors == ["Ann Lee", "Bo Diaz", "Cy Young", "Di Park"]
    assert art.author_roles == {"Ann Lee": "Reporting", "Bo Diaz": "Additional reporting",
                                "Cy Young": "Editing", "Di Park": "Editing"}
    assert reasons(art)["Some footer"] == "after_story_end"


def test_trailer_role_does_not_replace_a_byline_role():
    art = clean(f"By Ann Lee, Health Reporter\n\n{STORY}\n\n(Reporting by Ann Lee; Editing by Bo Diaz)")
    assert art.author_roles == {"Ann Lee": "Health Reporter", "Bo Diaz": "Editing"}


@pytest.mark.parametrize("line,reason", [
    ("Read more: Council to vote on 5% rise", "related"),
    ("READ MORE: Parents protest at school plan", "related"),
    ("Also read: Bridge to close for repairs", "related"),
    ("Related: Storm leaves homes without power", "related"),
    ("See also - Rail strike dates", "related"),
    ("Sign up for breaking news alerts", "newsletter"),
    ("Share this article", "page_chrome"),
    ("Share on WhatsApp", "page_chrome"),
    ("Advertisement", "page_chrome"),
    ("Image: Flood water in the square", "caption"),
    ("Getty Images", "caption"),
    ("Follow us on Facebook, Instagram and X", "follow_prompt"),
    ("Follow Valley News on X for live updates", "follow_prompt"),
    ("\u00a9 2024 Valley News Ltd", "copyright"),
    ("Copyright 2024 Valley News. All rights reserved.", "copyright"),
    ("dpa/AFP", "wire_signature"),
    ("REUTER...", "wire_signature"),
])
def test_furniture_lines(line, reason):
    art = clean(f"{STORY}\n\n{line}\n\n{STORY2}")
    assert reasons(art)[line] == reason
    # A signature ends the story; other furniture does not.
    assert (STORY2 in art.text) == (reason != "wire_signature")


@pytest.mark.parametrize("prose", [
    "Read more about the scheme on the council website, the spokesman said on Monday.",
    "Follow the river path and you will reach the flooded farms within an hour, he said.",
    "Related charges were dropped against two other men at the hearing last week.",
])
def test_prose_that_starts_like_furniture_is_kept(prose):
    assert prose in clean(f"{STORY}\n\n{prose}\n\n{STORY2}").text


def test_wire_tags_lose_their_brackets():
    art = clean(f"{STORY}\n\n<Valley Water Co> said shares of Hill Corp <HILL> fell.")
    assert art.paragraphs[1].text == "Valley Water Co said shares of Hill Corp (HILL) fell."


def test_long_prose_about_cookies_is_kept():
    prose = ("Bakers in the valley say demand for cookies has doubled, and shops accept orders "
             "weeks ahead. " * 8).strip()
    assert prose in clean(f"{STORY}\n\n{prose}").text


def test_month_and_year_is_not_a_publication_date():
    art = clean(f"Valley flood forces hundreds from homes\n\nMarch 2024\n\n{STORY}")
    assert art.published is None
    assert reasons(art)["March 2024"] == "date_line"


def test_form_feed_does_not_shift_line_numbers():
    text = f"By Ann Lee\n\n{STORY}\f{STORY2}\n\nAdvertisement"
    art = clean_lines(split_lines(text))
    assert {r.text: r.line for r in art.removed} == {"By Ann Lee": 1, "Advertisement": 5}


def test_cleaning_is_linear_in_the_number_of_short_lines():
    import time

    first = ("The council met on Monday and agreed the plan for the new road, and residents "
             "who live along the old road said they were happy with it and then")
    def timed(n):
        lines = [STORY, first] + [f"and people on street {i} said" for i in range(n)]
        start = time.process_time()
        art = clean_lines(lines)
        return time.process_time() - start, art

    small, _ = timed(25_000)
    large, art = timed(100_000)
    # Four times the lines: about four times the work when linear, sixteen when
    # quadratic (which took minutes at 100k lines). CPU time, so a busy machine
    # does not count against it.
    assert large < 8 * small + 1.0, (small, large)
    assert len(art.paragraphs) == 2 and art.text.endswith("street 99999 said")


SOURCES = __import__("pathlib").Path(__file__).parent / "fixtures" / "sources"


@pytest.mark.parametrize("path", sorted(SOURCES.glob("pasted-*.txt")), ids=lambda p: p.stem)
def test_pasted_stories_lose_nothing_and_keep_no_dateline(path):
    text = path.read_text(encoding="utf-8")
    art = clean(text)
    assert accounted(text, art)
    if art.dateline:
        assert not art.text.startswith(art.dateline)
        assert [r.reason for r in art.removed].count("dateline") == 1


SHAPES = ["RIVER BURSTS ITS BANKS", "OSLO, Feb 3 -", "OSLO (Reuters) -", "OSLO \u2014", "By",
          "By Staff Reporter", "Ann Lee | Health Correspondent", "Business Editor",
          "Reporting by Ann Lee; Editing by", "Read more:", "Follow us on X", "\u00a9 2024",
          "<Acme Corp>", "<ACM>", "March 2024", STORY, STORY2, "", "", ""]


@given(st.lists(st.one_of(st.sampled_from(SHAPES), st.text(max_size=40)), max_size=12))
@settings(max_examples=200, deadline=None, derandomize=True)
def test_property_every_line_in_body_or_removed(lines):
    text = "\n".join(lines)
    art = clean_lines(split_lines(text))
    body_lines = {n for p in art.paragraphs for n in p.lines}
    removed_lines = {r.line for r in art.removed}
    nonblank = {n for n, line in enumerate(split_lines(text), 1) if line.strip()}
    assert body_lines | removed_lines == nonblank
    if art.dateline:
        assert not (art.text.startswith(art.dateline + ",") or art.text.startswith(art.dateline
                                                                                   + " ("))


@pytest.mark.parametrize("line", ["3 May 2023 | 9 June 2023", "\u2014 Valley News (@valley) May 4, 2023",
                                  "From 3 May 2023 to 9 June 2023"])
def test_lines_with_dates_that_are_not_date_lines(line):
    art = clean(f"{STORY}\n\n{line}\n\n{STORY2}")
    assert line in art.text and art.published is None


def test_published_and_updated_on_one_line_is_a_date_line():
    art = clean(f"Published 3 May 2023, updated 4 May 2023\n\n{STORY}")
    assert (art.published, reasons(art)) == ("2023-05-03", {
        "Published 3 May 2023, updated 4 May 2023": "date_line"})


def test_no_speaker_or_actor_from_a_dateline(nlp):
    # The fixture-based version of benchmarks/sources/wire_datelines.py (which runs over the
    # whole wire corpus): a wire story in that format, written for this test.
    from toolkit.analysis import analyze

    text = ("HARBOUR BOARD SEES HIGHER CARGO VOLUMES\n\n"
            "    ROTTERDAM, March 4 - The harbour board said cargo volumes would rise by\n"
            "about five pct this year, helped by new container berths.\n"
            "    \"We expect a strong year,\" the board's chairman, Jan de Wit, told reporters.\n"
            "    ATHENS, the board's partner port, said it would add berths too.\n"
            " Reuter\n")
    art = clean(text)
    assert (art.title, art.dateline) == ("HARBOUR BOARD SEES HIGHER CARGO VOLUMES", "ROTTERDAM")
    result = analyze(art, nlp=nlp)
    names = [*result.actors.actor.dropna(), *result.quotes.speaker.dropna()]
    assert not any("ROTTERDAM" in name or "March 4" in name for name in names)
    assert not any("ROTTERDAM" in q for q in result.quotes.quote.dropna())


def test_one_line_article_of_a_megabyte_about_cookies_is_kept_quickly():
    import time

    line = ("The bakery said we use butter in the cookies and accept orders, and the policy on "
            "prices will change, the owner said. ") * 9000
    start = time.process_time()
    art = clean_lines([line])
    assert time.process_time() - start < 10
    assert art.text == line.strip() and not art.removed


@pytest.mark.parametrize("raw,clean", [
    ('The mayor said,"From June the ferry runs hourly."',
     'The mayor said, "From June the ferry runs hourly."'),
    ("The mayor said:\u201cWe will build it.\u201d", "The mayor said: \u201cWe will build it.\u201d"),
    ('"We won."The crowd sang.', '"We won."The crowd sang.'),  # a closing mark: left alone
    ("Prices rose 3.5% in May.", "Prices rose 3.5% in May."),
])
def test_space_glued_quote(raw, clean):
    assert space_glued_quote(raw) == clean


def test_glued_quote_is_spaced_in_the_article_text():
    art = clean_lines(['The mayor told reporters,"From June the ferry runs hourly."'])
    assert art.text == 'The mayor told reporters, "From June the ferry runs hourly."'
