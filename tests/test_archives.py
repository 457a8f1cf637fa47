"""News-archive exports: each format splits into its articles with the archive's metadata.

The fixtures in ``fixtures/archives/`` are built by ``make_fixtures.py`` from
the invented stories in ``stories.py``; the tests compare what is read with
those stories.
"""

from __future__ import annotations

import doctest
import os
import shutil
import sys

import pytest

from conftest import FIXTURES
from toolkit import archives, duplicates, inputs
from toolkit.archives import factiva, lexisnexis, nexis_uni, records, sources
from toolkit.read import InputError

ARCHIVES = FIXTURES / "archives"
sys.path.insert(0, str(ARCHIVES))
import stories  # noqa: E402

EXPECTED = {
    "lexisnexis.txt": ("LexisNexis .txt", [stories.FERRY, stories.HOUSING, stories.FROST,
                                           stories.FERRY_LATE]),
    "nexis_uni.docx": ("Nexis Uni .docx", stories.NEXIS),
    "nexis_uni_single.docx": ("Nexis Uni .docx", [stories.LIBRARY]),
    "nexis_uni.rtf": ("Nexis Uni .rtf", stories.NEXIS[:2]),
    "nexis_uni.pdf": ("Nexis Uni .pdf", stories.NEXIS[1:]),
    "factiva.txt": ("Factiva .txt", stories.FACTIVA),
    "factiva.html": ("Factiva .html", stories.FACTIVA),
    "factiva.rtf": ("Factiva .rtf", stories.FACTIVA),
    "factiva_display.txt": ("Factiva .txt", stories.FACTIVA),
}
FURNITURE = ("BYLINE:", "LENGTH:", "SECTION:", "LOAD-DATE", "Load-Date", "End of Document",
             "Copyright", "DOCUMENTS", "Classification", "Publication-Type", "Document ARDLED",
             "Document CSTWIR", "Page 1 of", "brtplt", "User Name", "Job Number")


def plain(text: str) -> str:
    """Quotes straightened (the PDF fixture's font has no curly quotes)."""
    return text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')


def read(name: str) -> list:
    return list(archives.iter_archive(ARCHIVES / name))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_splits_into_its_stories_with_metadata(name):
    label, expected = EXPECTED[name]
    assert archives.open_export(ARCHIVES / name).label == label
    arts = read(name)
    assert len(arts) == len(expected)
    for art, story in zip(arts, expected, strict=True):
        assert art.title == story["title"]
        assert art.outlet == story["outlet"]
        assert art.published == story["date"]
        assert art.authors == records.authors_from(story["byline"])
        assert art.length_words == story["length"]
        assert plain(art.text) == plain("\n\n".join(story["paragraphs"]))
        assert not any(f in art.text for f in FURNITURE), art.text
        assert art.source_path.endswith(name) and not art.warnings
        if name != "factiva_display.txt":  # the display form prints no section
            assert art.section == story["section"]
        if name.startswith("factiva"):
            assert art.archive_id == story["archive_id"]
        if name.startswith(("lexisnexis", "nexis")):
            assert art.dateline == story["dateline"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_line_is_in_one_body_or_removed(name):
    export = archives.open_export(ARCHIVES / name)
    assert_lines_accounted(export.lines, list(export.articles()))


def assert_lines_accounted(lines: list[str], arts: list) -> None:
    places: dict[int, list[str]] = {}
    for art in arts:
        for p in art.paragraphs:
            for n in p.lines:
                places.setdefault(n, []).append(art.id)
        for r in art.removed:
            places.setdefault(r.line, []).append(r.reason)
    nonblank = {i for i, line in enumerate(lines, 1) if line.strip()}
    assert set(places) == nonblank
    assert all(len(v) == 1 for v in places.values()), {k: v for k, v in places.items()
                                                        if len(v) > 1}


def test_archive_lines_are_removed_with_reasons():
    ferry = read("lexisnexis.txt")[0]
    reasons = {r.text: r.reason for r in ferry.removed}
    assert reasons["1 of 4 DOCUMENTS"] == "archive_separator"
    assert reasons["The Harbour Gazette"] == "archive_outlet"
    assert reasons["BYLINE: Lena Marsh"] == "archive_byline"
    assert reasons["LOAD-DATE: March 7, 2023"] == "archive_load_date"
    assert reasons["All Rights Reserved"] == "archive_copyright"
    assert reasons["Project ID: None"] == "archive_cover"  # the cover page goes with article 1
    library = read("nexis_uni.docx")[0]
    reasons = {r.text: r.reason for r in library.removed}
    assert reasons["Job Number: 190233551"] == "archive_cover"
    assert reasons["Body"] == "archive_label" and reasons["End of Document"] == "archive_separator"
    school = read("factiva.txt")[0]
    reasons = {r.text.split()[0]: r.reason for r in school.removed}
    assert reasons["NS"] == "archive_index" and reasons["AN"] == "archive_id"


def test_ids_are_outlet_date_and_title_and_unique():
    ids = [a.id for a in read("lexisnexis.txt")]
    assert ids[0] == "harbour-gazette-2023-03-06-ferry-crews-vote-to-strike-over-night-shifts"
    assert len(set(ids)) == len(ids)
    same = [(1, "   1 of 2 DOCUMENTS"), (2, "   2 of 2 DOCUMENTS")]
    text = "\n".join(f"{sep}\n\n   Daily Example\n   May 2, 2023 Tuesday\n\nRain again\n\n"
                     f"LENGTH: 9 words\n\nRain fell for the {n}th day in a row on Tuesday.\n\n"
                     "LOAD-DATE: May 3, 2023\n" for n, sep in same)
    export = archives.Export(ARCHIVES / "x.txt", "text", "lexisnexis", text.splitlines())
    assert [a.id for a in export.articles()] == ["daily-example-2023-05-02-rain-again",
                                                 "daily-example-2023-05-02-rain-again-2"]


LEXIS_VARIANT = """\
                               1 of 1 DOCUMENT

                               The Daily Example

                            January 8, 2010
                                   Edition 1;
                                National Edition

Tide gauges fail along the coast;
storm warnings late
as sensors freeze

SECTION: NEWS; Pg. 8

LENGTH: 48 words


Tide gauges along the north coast stopped sending readings on Thursday night,
the coastguard said, and storm warnings reached harbours two hours late.

Engineers blamed ice in the sensor housings.

LOAD-DATE: January 9, 2010

GRAPHIC: A gauge on the harbour wall at
dawn on Friday
PHOTO: ANN LEE

PUBLICATION-TYPE: Newspaper


                    Copyright 2010 Example Newspapers Limited
                              All Rights Reserved
"""


def test_lexisnexis_title_over_lines_and_fields_that_wrap():
    lines = LEXIS_VARIANT.splitlines()
    export = archives.Export(ARCHIVES / "v.txt", "text", "lexisnexis", lines)
    [art] = export.articles()
    assert art.title == "Tide gauges fail along the coast; storm warnings late as sensors freeze"
    assert (art.outlet, art.published, art.section) == ("The Daily Example", "2010-01-08",
                                                        "NEWS; Pg. 8")
    assert art.authors == [] and len(art.paragraphs) == 2
    reasons = {r.text: r.reason for r in art.removed}
    assert reasons["National Edition"] == "archive_edition"
    assert reasons["dawn on Friday"] == reasons["PHOTO: ANN LEE"] == "archive_graphic"
    assert_lines_accounted(lines, [art])


def test_layout_found_by_content_not_name(tmp_path):
    copy = tmp_path / "saved-results.txt"
    shutil.copy(ARCHIVES / "factiva.html", copy)
    assert archives.open_export(copy).label == "Factiva .txt"
    assert len(list(archives.iter_archive(copy))) == 2
    ordinary = tmp_path / "note.txt"
    ordinary.write_text("Two DOCUMENTS were signed on Monday, the ministry said.\n")
    assert archives.open_export(ordinary) is None
    with pytest.raises(InputError, match="not a news-archive export"):
        list(archives.iter_archive(ordinary))


def test_factiva_display_form_saved_as_a_web_page(tmp_path):
    s = stories.BRIDGE
    divs = [s["title"], s["byline"], f"{s['length']} words", "16 May 2023", "10:42 GMT",
            s["outlet"], s["source_code"], "English", "Copyright 2023 Coastline Wire Group"]
    page = ('<html><body><div class="article enArticle">'
            + "".join(f"<div>{d}</div>" for d in divs)
            + "".join(f'<p class="articleParagraph">{p}</p>' for p in s["paragraphs"])
            + f"<div>Document {s['archive_id']}</div></div></body></html>")
    (tmp_path / "results.htm").write_text(page, encoding="utf-8")
    [art] = archives.iter_archive(tmp_path / "results.htm")
    assert (art.title, art.outlet, art.published, art.archive_id) == (
        s["title"], s["outlet"], s["date"], s["archive_id"])
    assert art.paragraphs[0].text == s["paragraphs"][0] and len(art.paragraphs) == 3
    assert {r.reason for r in art.removed} >= {"archive_time", "archive_copyright",
                                                "archive_header", "archive_id"}


def test_a_word_document_that_is_not_an_export_is_one_article():
    [memo] = read("memo.docx")
    assert archives.open_export(ARCHIVES / "memo.docx").label == "document .docx"
    assert memo.id == "memo" and memo.title == "Harbour board meeting notes"
    assert memo.authors == ["Wen Oduya"] and memo.outlet is None
    assert len(memo.paragraphs) == 2


def test_image_only_pdf_says_it_needs_ocr():
    with pytest.raises(InputError, match="scanned.pdf: the PDF has no text layer.*needs OCR"):
        archives.open_export(ARCHIVES / "scanned.pdf")


def test_cut_off_export_keeps_what_it_has_and_says_so():
    arts = read("lexisnexis_cut.txt")
    assert [a.title for a in arts] == [stories.HOUSING["title"], stories.FROST["title"]]
    assert not arts[0].warnings
    assert plain(arts[1].paragraphs[0].text) == plain(stories.FROST["paragraphs"][0])
    joined = " ".join(arts[1].warnings)
    assert "may be cut off" in joined and "announces 1 more article" in joined


def test_nexis_export_cut_inside_the_header_gives_an_article_without_text(tmp_path):
    lines = (ARCHIVES / "nexis_uni.rtf").read_text().splitlines()
    cut = tmp_path / "cut.rtf"
    # Keep the first article whole and the second up to its "Body" line.
    body_at = [i for i, line in enumerate(lines) if line.startswith(r"\pard Body")][1]
    cut.write_text("\n".join(lines[:body_at + 1]) + "\n}\n", encoding="ascii")
    arts = list(archives.iter_archive(cut))
    assert len(arts) == 2 and arts[1].title == stories.RAIL["title"]
    assert not arts[1].paragraphs and "cut off" in arts[1].warnings[0]


def test_articles_are_streamed_one_at_a_time():
    import tracemalloc

    long = ["The harbour board said the ferry would run again on the island route. " * 8] * 4
    lines = render_lexis([story_dict(i, long) for i in range(200)]).splitlines()
    export = archives.Export(ARCHIVES / "big.txt", "text", "lexisnexis", lines)
    stream = export.articles()
    assert next(stream).title == "Story 0 about the harbour"
    assert sum(1 for _ in stream) == 199

    def peak(consume) -> int:
        tracemalloc.start()
        consume(export.articles())
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return peak

    # Taking the articles one at a time holds one article, not the file's 200.
    assert peak(lambda arts: sum(1 for _ in arts)) < peak(list) / 4


# --------------------------------------------------------------------------- property tests

hypothesis = pytest.importorskip("hypothesis")
st = hypothesis.strategies
WORDS = ("harbour", "council", "ferry", "vote", "rain", "strike", "talks", "said", "board",
         "river", "plan", "night", "pay", "crew", "island", "report", "members", "town")


def story_dict(i: int, paragraphs: list[str] | None = None) -> dict:
    return {"outlet": f"Outlet {i % 7}", "date": f"2023-0{1 + i % 9}-1{i % 10}",
            "title": f"Story {i} about the harbour", "byline": "Ann Lee",
            "section": "NEWS", "length": 40 + i,
            "paragraphs": paragraphs or [f"The harbour board said on day {i} that the ferry "
                                         "would run again.", "Crews welcomed the news."]}


def render_lexis(items: list[dict]) -> str:
    """A LexisNexis text export of ``items`` (the layout of lexisnexis.txt)."""
    import datetime as dt

    out = ["Download Request: Selected Items", ""]
    for i, s in enumerate(items, 1):
        d = dt.date.fromisoformat(s["date"])
        out += [f"   {i} of {len(items)} DOCUMENTS", "", f"   {s['outlet']}",
                f"   {d:%B} {d.day}, {d.year} {d:%A}", "", s["title"], "",
                f"BYLINE: {s['byline']}", "", f"SECTION: {s['section']}", "",
                f"LENGTH: {s['length']} words", ""]
        for p in s["paragraphs"]:
            out += [p, ""]
        out += ["LOAD-DATE: May 1, 2023", "", "LANGUAGE: ENGLISH", "",
                "   Copyright 2023 Example", ""]
    return "\n".join(out)


def render_nexis(items: list[dict]) -> list[str]:
    """A Nexis Uni export's paragraphs (the layout of nexis_uni.docx)."""
    out = ["User Name: =", f"Documents ({len(items)})"]
    for s in items:
        out += [s["title"], s["outlet"], "May 2, 2023 Tuesday", "Copyright 2023 Example",
                f"Length:\u00a0{s['length']} words", f"Byline:\u00a0{s['byline']}", "Body",
                *s["paragraphs"], "Classification", "Load-Date:\u00a0May 3, 2023",
                "End of Document"]
    return out


def render_factiva(items: list[dict]) -> list[str]:
    out = []
    for i, s in enumerate(items):
        out += [f"HD {s['title']}", f"WC {s['length']} words", "PD 2 May 2023",
                f"SN {s['outlet']}", "LP", *s["paragraphs"][:1], "TD", *s["paragraphs"][1:],
                "NS gcat : News", f"AN Document EXAMPL00202305{i:04d}ej52000aa", ""]
    return out


sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=14).map(
    lambda ws: " ".join(ws).capitalize() + ".")
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
story = st.builds(lambda i, ps: story_dict(i, ps), st.integers(0, 99),
                  st.lists(paragraph, min_size=1, max_size=5, unique_by=str.lower))


@hypothesis.settings(max_examples=int(os.environ.get("TOOLKIT_FUZZ_EXAMPLES", "125")) // 5,
                     deadline=None, derandomize="TOOLKIT_FUZZ_EXAMPLES" not in os.environ)
@hypothesis.given(st.lists(story, min_size=1, max_size=4),
                  st.sampled_from(["lexisnexis", "nexis_uni", "factiva"]))
def test_property_every_line_lands_once_and_stories_survive(items, layout):
    lines = {"lexisnexis": lambda: render_lexis(items).splitlines(),
             "nexis_uni": lambda: render_nexis(items),
             "factiva": lambda: render_factiva(items)}[layout]()
    assert archives.detect_layout(lines) == layout
    container = "text" if layout == "lexisnexis" else "docx"
    export = archives.Export(ARCHIVES / "gen.txt", container, layout, lines)
    arts = list(export.articles())
    assert [a.title for a in arts] == [s["title"] for s in items]
    assert [a.outlet for a in arts] == [s["outlet"] for s in items]
    for art, s in zip(arts, items, strict=True):  # (repeated paragraphs would be dropped)
        assert art.text.split() == " ".join(s["paragraphs"]).split()
    assert_lines_accounted(lines, arts)


# --------------------------------------------------------------------------- helpers alone


def test_detectors_tell_the_layouts_apart():
    lexis = (ARCHIVES / "lexisnexis.txt").read_text().splitlines()
    display = (ARCHIVES / "factiva_display.txt").read_text().splitlines()
    assert lexisnexis.looks_like(lexis) and not factiva.looks_like(lexis)
    assert factiva.looks_like_display(display) and not factiva.looks_like_coded(display)
    assert not nexis_uni.looks_like(lexis) and not lexisnexis.looks_like(display)


def test_html_lines_keep_field_codes_apart_from_values():
    lines = sources.html_lines((ARCHIVES / "factiva.html").read_text())
    assert lines[lines.index("HD") + 1] == stories.SCHOOL["title"]


def test_slug_and_words_stated():
    assert records.slug("Élan: 3 new   ferries!") == "elan-3-new-ferries"
    assert records.words_stated("LENGTH: 2,048 words") == 2048
    assert records.article_id({}, "fallback-1") == "fallback-1"


def test_doctests_of_the_archive_modules_run():
    import toolkit.archives
    import toolkit.inputs

    for module in (toolkit.archives, records, sources, lexisnexis, nexis_uni, factiva,
                   duplicates, toolkit.inputs):
        result = doctest.testmod(module)
        assert result.failed == 0, module.__name__


# --------------------------------------------------------------------------- choosing inputs


def test_include_and_exclude_choose_files_in_folders(tmp_path):
    (tmp_path / "2023").mkdir()
    for name in ("README.TXT", "2023/a.txt", "2023/b.docx", "notes.md"):
        (tmp_path / name).write_text("x")
    found = lambda **kw: sorted(p.relative_to(tmp_path).as_posix()  # noqa: E731
                                for p in inputs.expand_inputs([tmp_path], **kw))
    assert found() == ["2023/a.txt", "2023/b.docx", "README.TXT"]
    assert found(exclude=["readme*"]) == ["2023/a.txt", "2023/b.docx"]
    assert found(include=["*.docx"]) == ["2023/b.docx"]
    with pytest.raises(InputError, match="no article files after --include/--exclude"):
        found(include=["*.pdf"])


def test_the_export_check_on_a_plain_file_leaves_ftfy_to_the_reader(tmp_path, monkeypatch):
    import toolkit.read as read
    from toolkit.inputs import iter_articles

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}\n\nThe harbour board met on Monday.\n",
                                           encoding="utf-8")
    calls = []
    real = read.fix_text
    monkeypatch.setattr(read, "fix_text", lambda text: calls.append(1) or real(text))
    articles = list(iter_articles([tmp_path]))
    assert len(articles) == 3 and len(calls) == 3  # once per file, not once more for the check


def test_the_export_check_reads_a_utf16_export_without_ftfy():
    from toolkit.read import decode_plain

    head = "   1 of 2 DOCUMENTS\r\n\r\n   The Daily Example\r\n".encode("utf-16")
    from toolkit.archives import sources

    assert sources.looks_like_export_text(decode_plain(head))


def test_the_export_check_finds_every_head_its_whole_pattern_finds():
    import re

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from toolkit.archives import sources

    whole = re.compile(r"\bof\s+\d+\s+DOCUMENTS?\s*($|<)|(^|>)\s*End of Document\s*($|<)|"
                       r"(^|>)\s*(HD|AN)\b|(^|>)\s*Document\s+[A-Za-z0-9]{16,}", re.M | re.I)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.from_regex(whole), st.text()))
    def check(head):
        assert sources.looks_like_export_text(head) == bool(whole.search(head))

    check()
