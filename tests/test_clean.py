"""Each cleaning rule on small inputs of its own, then the bundled article."""

from __future__ import annotations

import pytest

from toolkit.clean import (
    blocks_from_lines,
    clean_lines,
    find_date,
    join_wrapped,
    split_authors,
    split_dateline,
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


def test_related_block_drops_marker_titles_and_one_teaser_paragraph():
    teaser = ("The minister, speaking in the capital, said new rules on water use would follow "
              "after a long review of the drought.")
    art = clean(f"{STORY}\n\n{STORY2}\n\nRelated\n\nEnvironment\n\nMinister hints at new water "
                f"rules\n\n{teaser}\n\nSubscribe to our newsletter")
    r = reasons(art)
    assert r["Related"] == "related"
    assert r["Environment"] == "related"
    assert r["Minister hints at new water rules"] == "related"
    assert r[teaser] == "related"
    assert r["Subscribe to our newsletter"] == "newsletter"
    assert [p.text for p in art.paragraphs] == [STORY, STORY2]


def test_related_block_ends_before_second_paragraph_of_story():
    art = clean(f"{STORY}\n\nRead more:\n\nDam warnings ignored for years\n\n{STORY2}\n\n"
                "Officials said the water would recede by Friday, and schools would reopen.")
    assert reasons(art)["Dam warnings ignored for years"] == "related"
    assert reasons(art)[STORY2] == "related"  # the teaser paragraph right after the titles
    assert art.paragraphs[-1].text.startswith("Officials said")


@pytest.mark.parametrize("marker", ["Read more", "Read more:", "More on this story",
                                    "You may also like"])
def test_related_markers_start_a_teaser_block(marker):
    art = clean(f"{STORY}\n\n{marker}\n\nDam warnings ignored for years\n\n{STORY2}\n\n"
                "Officials said the water would recede by Friday, and schools would reopen.")
    assert reasons(art)[marker] == "related"
    assert reasons(art)["Dam warnings ignored for years"] == "related"
    assert art.paragraphs[0].text == STORY and len(art.paragraphs) == 2


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
    assert reasons(art) == {"REUTER": "wire_signature"}
    assert art.paragraphs[1].lines == (5, 6, 7)


def test_blocks_from_unwrapped_lines_are_one_per_line():
    blocks = blocks_from_lines(["Short line one.", "Short line two.", "", "Three."])
    assert [b.text for b in blocks] == ["Short line one.", "Short line two.", "Three."]


def test_dateline_split_off_first_paragraph():
    assert split_dateline("LIMA, March 2 (Reuters) - Rain fell.") == (
        "LIMA, March 2 (Reuters) -", "Rain fell.")
    art = clean(f"NAIROBI, May 3 (Reuters) - {STORY}\n\n{STORY2}")
    assert art.dateline == "NAIROBI, May 3 (Reuters) -"
    assert art.paragraphs[0].text == STORY


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
