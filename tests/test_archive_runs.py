"""Corpus runs over news-archive exports: mixed folders, duplicates, bad input."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from conftest import FIXTURES
from toolkit.cli import main
from toolkit.duplicates import COLUMNS, find_duplicates, jaccard, shingles

ARCHIVES = FIXTURES / "archives"
FERRY = "harbour-gazette-2023-03-06-ferry-crews-vote-to-strike-over-night-shifts"
FERRY_LATE = "harbour-gazette-2023-03-06-ferry-strike-set-for-holiday-weekend-as-pay"


@pytest.fixture
def mixed(tmp_path):
    """A folder as a study might hold it: three exports, a plain article, a README."""
    folder = tmp_path / "in"
    (folder / "nexis").mkdir(parents=True)
    for name in ("lexisnexis.txt", "factiva.html"):
        shutil.copy(ARCHIVES / name, folder / name)
    shutil.copy(ARCHIVES / "nexis_uni.docx", folder / "nexis" / "batch-1.docx")
    shutil.copy(FIXTURES / "corpus" / "alpha.txt", folder / "alpha.txt")
    (folder / "README.TXT").write_text("These files were downloaded in April 2023 for a study "
                                       "of how regional papers reported the ferry strike.\n")
    return folder


def run(capsys, *args) -> tuple[int, str]:
    code = main(["analyze", *map(str, args), "--no-report"])
    return code, capsys.readouterr().err


def table(out, name: str) -> pd.DataFrame:
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False, na_values=[""])


def test_mixed_folder_in_one_call(mixed, tmp_path, capsys):
    out = tmp_path / "out"
    code, err = run(capsys, mixed, "--out", out, "--exclude", "readme*")
    assert code == 0, err
    arts = table(out, "articles")
    assert len(arts) == 1 + 4 + 2 + 3
    by_id = arts.set_index("article_id")
    assert by_id.loc[FERRY, "outlet"] == "The Harbour Gazette"
    assert by_id.loc[FERRY, "section"] == "NEWS; Pg. 4"
    assert by_id.loc[FERRY, "length_words"] == 156
    assert by_id.loc[FERRY, "published"] == "2023-03-06"
    assert pd.isna(by_id.loc["alpha", "outlet"])
    assert set(arts.outlet.dropna()) == {"The Harbour Gazette", "Northfield Evening Post",
                                         "Valley Courier", "Lakeside Times",
                                         "Ardmore Daily Ledger", "Coastline Wire"}
    assert by_id.archive_id.notna().sum() == 2
    removed = table(out, "removed")
    assert "archive_copyright" in set(removed.reason)
    assert (out / "cleaned" / f"{FERRY}.txt").read_text().startswith("Crews on the Ellin")
    dups = table(out, "duplicates")
    assert tuple(dups.columns) == COLUMNS
    assert dups[["article_id", "duplicate_of"]].values.tolist() == [[FERRY_LATE, FERRY]]
    assert dups.similarity[0] >= 0.8
    assert "read 4 file(s), 10 article(s)" in err and "1 LexisNexis .txt" in err
    assert "batch-1.docx: Nexis Uni .docx, 3 article(s)" in err
    assert "1 near-duplicate article(s) listed in duplicates.csv, all kept" in err


def test_drop_duplicates_leaves_them_out_but_lists_them(mixed, tmp_path, capsys):
    out = tmp_path / "out"
    code, err = run(capsys, mixed / "lexisnexis.txt", "--out", out, "--drop-duplicates")
    assert code == 0, err
    assert FERRY_LATE not in set(table(out, "articles").article_id)
    assert table(out, "duplicates").article_id.tolist() == [FERRY_LATE]
    assert "1 dropped" in err


def test_readme_is_read_unless_excluded(mixed, tmp_path, capsys):
    code, err = run(capsys, mixed, "--out", tmp_path / "out", "--include", "*.txt")
    assert code == 0, err
    ids = set(table(tmp_path / "out", "articles").article_id)
    assert "README" in ids and not any(i.startswith("lakeside") for i in ids)


def test_image_only_pdf_alone_is_one_clear_error(tmp_path, capsys):
    out = tmp_path / "out"
    code, err = run(capsys, ARCHIVES / "scanned.pdf", "--out", out)
    assert code == 2 and not out.exists()
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "no text layer" in lines[0] and "OCR" in lines[0]


def test_image_only_pdf_in_a_folder_goes_to_errors(mixed, tmp_path, capsys):
    shutil.copy(ARCHIVES / "scanned.pdf", mixed / "scanned.pdf")
    out = tmp_path / "out"
    code, err = run(capsys, mixed, "--out", out, "--exclude", "readme*", "--quiet")
    assert code == 1
    errors = table(out, "errors")
    assert errors.article_id.tolist() == ["scanned"] and "needs OCR" in errors.error[0]
    assert len(table(out, "articles")) == 10


def test_cut_off_export_is_analysed_with_a_warning(tmp_path, capsys):
    code, err = run(capsys, ARCHIVES / "lexisnexis_cut.txt", "--out", tmp_path / "out")
    assert code == 0
    assert "warning" in err and "may be cut off" in err
    assert len(table(tmp_path / "out", "articles")) == 2


def test_word_document_that_is_not_an_export(tmp_path, capsys):
    code, err = run(capsys, ARCHIVES / "memo.docx", "--out", tmp_path / "out", "--quiet")
    assert code == 0, err
    arts = table(tmp_path / "out", "articles")
    assert arts.article_id.tolist() == ["memo"] and arts.title[0] == "Harbour board meeting notes"


# --------------------------------------------------------------------------- duplicates alone

STORY = ("The harbour board voted on Monday to dredge the inner basin before the summer, "
         "after two ferries ran aground there in one month, its chair told reporters. "
         "The work will close the north quay for six weeks, and fishing crews will moor at "
         "the old pier while the dredgers are in, the board said in a statement.")


def test_near_duplicates_are_found_and_others_are_not():
    texts = [("a", STORY), ("b", "Rain is expected across the valley on Tuesday and Wednesday."),
             ("c", STORY + " Talks go on."), ("d", STORY)]
    found = list(find_duplicates(texts))
    assert [(d.article_id, d.duplicate_of) for d in found] == [("c", "a"), ("d", "a")]
    assert found[1].similarity == 1.0 and 0.8 <= found[0].similarity < 1.0
    assert list(find_duplicates(texts)) == found  # the same input, the same answer


def test_threshold_decides():
    changed = STORY.replace("Monday", "Tuesday")  # 5 of 49 shingles change
    assert 0.7 < jaccard(shingles(STORY), shingles(changed)) < 0.9
    assert not list(find_duplicates([("a", STORY), ("b", changed)], threshold=0.95))
    assert list(find_duplicates([("a", STORY), ("b", changed)], threshold=0.5))


def test_texts_without_words_are_never_duplicates():
    assert not list(find_duplicates([("a", ""), ("b", ""), ("c", "...")]))


def test_clean_prints_each_article_of_an_export(capsys):
    assert main(["clean", str(ARCHIVES / "factiva.txt"), "--removed"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("# ardmore-daily-ledger-2023-05-15-school-meals-supplier-fined")
    assert out.count("\n# ") == 1 and "A catering firm" in out and "HD" not in out
    assert "archive_title\tHD School meals" in err


# --------------------------------------------------------------------------- with the run's store


def test_duplicates_csv_is_owned_and_an_export_run_resumes(tmp_path):
    import json

    from toolkit.output import OutputError
    from toolkit.runner import run as run_corpus
    from toolkit.store import MARKER

    export = tmp_path / "in" / "lexisnexis.txt"
    export.parent.mkdir()
    shutil.copy(ARCHIVES / "lexisnexis.txt", export)
    out = tmp_path / "out"
    run_corpus([export], out, report=False, chunk_size=2)
    assert "duplicates.csv" in json.loads((out / MARKER).read_text())["entries"]
    before = (out / "articles.csv").read_bytes()
    arts = table(out, "articles")
    assert FERRY in set(arts.article_id) and FERRY in set(arts.source_id)
    # The export's stories have ids of their own, not the file's: resuming is allowed...
    summary = run_corpus([export], out, resume=True, report=False, chunk_size=2)
    assert summary.succeeded == 0 and summary.skipped == len(arts)
    assert (out / "articles.csv").read_bytes() == before
    assert table(out, "duplicates").article_id.tolist() == [FERRY_LATE]
    # ... and an export changed since is refused.
    export.write_text(export.read_text().replace("Crews on the", "Staff on the", 1))
    with pytest.raises(OutputError, match="changed"):
        run_corpus([export], out, resume=True, report=False, chunk_size=2)


def test_resume_refuses_other_include_patterns(mixed, tmp_path):
    from toolkit.output import OutputError
    from toolkit.runner import run as run_corpus

    out = tmp_path / "out"
    run_corpus([mixed], out, report=False, exclude=["readme*"])
    with pytest.raises(OutputError):
        run_corpus([mixed], out, resume=True, report=False)


def test_run_options_carry_the_input_choices():
    from toolkit.options import OptionsError, RunOptions

    opts = RunOptions(include=["*.docx"], exclude="readme*", drop_duplicates=True)
    assert opts.include == ("*.docx",) and opts.exclude == ("readme*",)
    ident = opts.identity("en_core_web_sm")
    assert ident["include"] == ["*.docx"] and ident["drop_duplicates"] is True
    assert "include" not in RunOptions().identity("en_core_web_sm")  # older runs stay equal
    with pytest.raises(OptionsError, match="patterns"):
        RunOptions(include=[""])


def test_read_article_reads_one_document_and_refuses_an_export_of_many():
    import toolkit

    single = toolkit.read_article(ARCHIVES / "nexis_uni_single.docx")
    assert single.outlet and single.published and single.paragraphs
    memo = toolkit.read_article(str(ARCHIVES / "memo.docx"))
    assert memo.id == "memo" and memo.outlet is None and memo.paragraphs
    assert toolkit.read_article(ARCHIVES / "memo.docx", article_id="m1").id == "m1"
    for name in ("nexis_uni.docx", "nexis_uni.rtf", "nexis_uni.pdf", "factiva.rtf"):
        with pytest.raises(ValueError, match=r"holding \d+ articles.*toolkit\.iter_archive"):
            toolkit.read_article(ARCHIVES / name)
    with pytest.raises(ValueError, match="OCR"):
        toolkit.read_article(ARCHIVES / "scanned.pdf")
