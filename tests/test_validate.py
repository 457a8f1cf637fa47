"""Validation: sample -> coding sheet -> fill (as a coder would) -> score, checked by hand."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from conftest import BUNDLED, ROOT
from toolkit import cli
from toolkit.corpus import run
from toolkit.sheets import read_coding, sheet_corrections, write_sheet
from toolkit.validate import ValidationError, allocate, sample, score, wilson, write_scores

BBC = ROOT / "data" / "corpus" / "bbc-sample"
INPUTS = [BUNDLED, BBC / "politics" / "001.txt", BBC / "business" / "002.txt"]
# Coder A says "no" to these items and "yes" to the rest; coder B also to Q001 and A001.
NO_A = {"Q003", "F002", "F005", "A004", "A006"}
NO_B = NO_A | {"Q001", "A001"}


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("validate") / "out"
    run([str(p) for p in INPUTS], out, report=False)
    return out


@pytest.fixture(scope="module")
def drawn(out_dir):
    return sample(out_dir, n=20, seed=7)


@pytest.fixture()
def coding_dir(drawn, tmp_path):
    return write_sheet(drawn, tmp_path / "coding")


def codes_for(items, no: set[str]) -> dict[str, str]:
    return {i: ("no" if i in no else "yes") for i in items}


def fill_workbook(path: Path, codes: dict[str, str], coder: str | None, *, fixes=None,
                  missed=(), checked="yes") -> None:
    """Fill coding.xlsx as a coder would: codes, fixes, checked articles, missed rows."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        header = [c.value for c in ws[1]]
        if "correct" not in header or ws.title == "articles":
            continue
        col = {h: i + 1 for i, h in enumerate(header)}
        for r in range(2, ws.max_row + 1):
            item = ws.cell(r, col["item"]).value
            if item in codes:
                ws.cell(r, col["correct"], codes[item])
                ws.cell(r, col["coder"], coder)
                if fixes and item in fixes:
                    ws.cell(r, col["fix"], fixes[item])
    ws = wb["articles"]
    header = [c.value for c in ws[1]]
    for r in range(2, ws.max_row + 1):
        ws.cell(r, header.index("checked") + 1, checked)
        ws.cell(r, header.index("coder") + 1, coder)
    for i, row in enumerate(missed, start=2):
        for j, value in enumerate(row, start=1):
            wb["missed"].cell(i, j, value)
    wb.save(path)


def fill_csv(folder: Path, codes: dict[str, str], coder: str) -> None:
    for file in folder.glob("*.csv"):
        df = pd.read_csv(file, dtype=str, keep_default_na=False)
        if "correct" in df:
            df["correct"] = df["item"].map(codes).fillna("")
            df["coder"] = coder
        elif "checked" in df:
            df["checked"], df["coder"] = "yes", coder
        df.to_csv(file, index=False)


# --------------------------------------------------------------------------- sampling


def test_allocation_is_proportional_by_largest_remainder():
    assert allocate({"x": 7, "y": 2, "z": 1}, 5) == {"x": 4, "y": 1, "z": 0}  # 3.5, 1.0, 0.5
    assert allocate({"a": 3, "b": 3}, 3) == {"a": 2, "b": 1}


def test_sample_is_stratified_and_reproducible(out_dir, drawn):
    items = drawn.items
    assert items.groupby("table").size().to_dict() == {"actors": 6, "figures": 7, "quotes": 7}
    quotes = pd.read_csv(out_dir / "quotes.csv")
    expected = allocate(quotes["rule"].value_counts().to_dict(), 7)
    got = items[items["table"] == "quotes"]["stratum"].value_counts().to_dict()
    assert got == {k: v for k, v in expected.items() if v}
    again = sample(out_dir, n=20, seed=7)
    assert again.to_json() == drawn.to_json()
    assert sample(out_dir, n=20, seed=8).meta["sample_id"] != drawn.meta["sample_id"]
    meta = drawn.meta
    assert (meta["seed"], meta["toolkit"], len(meta["output_sha256"])) == (7, "0.1.0", 64)
    q = items[items["item"] == "Q001"].iloc[0]
    assert q["span"] == q["item_text"] and "\u27e6" + q["span"] + "\u27e7" in q["context"]


def test_sheet_layout(coding_dir, drawn):
    assert sorted(p.name for p in (coding_dir / "csv").iterdir()) == [
        "README.txt", "actors.csv", "articles.csv", "figures.csv", "missed.csv", "quotes.csv"]
    wb = load_workbook(coding_dir / "coding.xlsx", rich_text=True)
    assert wb.sheetnames == ["instructions", "quotes", "figures", "actors", "articles",
                             "missed", "_sample"]
    assert wb["_sample"].sheet_state == "hidden"
    ws = wb["quotes"]
    header = [c.value for c in ws[1]]
    assert header[-5:] == ["correct", "fix", "note", "coder", "sample"]
    assert ws.freeze_panes == "C2"
    rules = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    col = ws.cell(1, header.index("correct") + 1).column_letter
    assert rules == {f"{col}2:{col}8": '"yes,no,partly"'}
    context = ws.cell(2, header.index("context") + 1).value
    red = [b for b in context if not isinstance(b, str)]
    assert [(b.text, b.font.color.rgb) for b in red] == [
        (drawn.items.iloc[0]["span"], "00C00000")]
    assert "sample " + drawn.meta["sample_id"] in "\n".join(
        str(c.value) for c in wb["instructions"]["A"])


def test_coding_folder_is_not_overwritten(coding_dir, drawn):
    with pytest.raises(ValidationError, match="not empty"):
        write_sheet(drawn, coding_dir)


def test_workbook_is_byte_identical_on_every_run(coding_dir, drawn, tmp_path, monkeypatch):
    import time
    import zipfile
    from datetime import datetime

    later = time.time() + 3 * 86400  # as if written three days later
    monkeypatch.setattr(time, "time", lambda: later)
    again = write_sheet(drawn, tmp_path / "again")
    assert (again / "coding.xlsx").read_bytes() == (coding_dir / "coding.xlsx").read_bytes()
    with zipfile.ZipFile(again / "coding.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = load_workbook(again / "coding.xlsx").properties
    assert props.created == props.modified == datetime(1980, 1, 1)
    assert props.identifier == drawn.meta["sample_id"]


# --------------------------------------------------------------------------- scoring


def wilson_by_hand(k, n):
    # p = k/n; centre = (p + z²/2n) / (1 + z²/n); half = z sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n)
    z = 1.959963984540054
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_wilson_matches_published_values():
    assert [round(x, 3) for x in wilson(8, 10)] == [0.490, 0.943]  # the textbook example
    assert [round(x, 4) for x in wilson(6, 7)] == [round(x, 4) for x in wilson_by_hand(6, 7)]
    assert wilson(0, 5)[0] == 0.0 and math.isnan(wilson(0, 0)[0])


def test_score_one_coder_equals_hand_calculation(coding_dir, drawn):
    codes = codes_for(drawn.items["item"], NO_A)
    fill_workbook(coding_dir / "coding.xlsx", codes, "ann",
                  missed=[("001", "quotes", "a quote the toolkit missed", "Someone", "", "ann"),
                          ("001", "quotes", "another one", "", "", "ann"),
                          (drawn.articles["article_id"][0], "figures", "two", "", "", "ann")])
    scores = score([coding_dir])
    p = scores.precision.set_index(["table", "stratum"])
    # quotes 6 of 7 yes, figures 5 of 7, actors 4 of 6
    for table, k, n in (("quotes", 6, 7), ("figures", 5, 7), ("actors", 4, 6)):
        row = p.loc[(table, "all")]
        assert (row["n"], row["yes"], row["no"], row["partly"]) == (n, k, n - k, 0)
        assert row["precision"] == pytest.approx(k / n)
        assert (row["low"], row["high"]) == pytest.approx(wilson_by_hand(k, n))
    assert round(p.loc[("quotes", "all"), "low"], 4) == 0.4869
    q3 = drawn.items.set_index("item").loc["Q003", "stratum"]
    in_q3 = drawn.items[(drawn.items["stratum"] == q3) & (drawn.items["table"] == "quotes")]
    assert p.loc[("quotes", q3), "precision"] == pytest.approx((len(in_q3) - 1) / len(in_q3))
    # recall: items found in the articles read ~ lenient precision x rows found there
    recall = scores.recall.set_index("table")
    found = int(drawn.articles["quotes"].sum())
    right = 6 / 7 * found
    assert recall.loc["quotes", "missed"] == 2
    assert recall.loc["quotes", "recall"] == pytest.approx(right / (right + 2))
    assert recall.loc["figures", "missed"] == 1 and recall.loc["actors", "missed"] == 0
    assert recall.loc["actors", "recall"] == pytest.approx(1.0)
    assert scores.agreement.empty
    json_path, png = write_scores(scores, coding_dir)
    data = json.loads(json_path.read_text())
    assert data["meta"]["sample_id"] == drawn.meta["sample_id"]
    assert data["meta"]["output_checked"] is True
    assert png.stat().st_size > 1000


def test_partly_counts_only_as_lenient(coding_dir, drawn):
    codes = codes_for(drawn.items["item"], set())
    codes.update({"Q002": "partly", "Q004": "no"})
    fill_csv(coding_dir / "csv", codes, "bo")
    row = score(coding_dir).precision.set_index(["table", "stratum"]).loc[("quotes", "all")]
    assert (row["yes"], row["partly"], row["no"]) == (5, 1, 1)
    assert row["precision"] == pytest.approx(5 / 7)
    assert row["lenient"] == pytest.approx(6 / 7)
    assert (row["lenient_low"], row["lenient_high"]) == pytest.approx(wilson_by_hand(6, 7))


def test_two_coders_give_alpha(coding_dir, drawn, tmp_path):
    second = tmp_path / "second"
    shutil.copytree(coding_dir, second)
    fill_workbook(coding_dir / "coding.xlsx", codes_for(drawn.items["item"], NO_A), "ann")
    fill_csv(second / "csv", codes_for(drawn.items["item"], NO_B), "bo")
    scores = score([coding_dir, second])
    agreement = scores.agreement.set_index("table")
    # 20 items, 2 coders: 13 yes/yes, 5 no/no, 2 yes/no. Coincidences: o(yes,yes)=26,
    # o(no,no)=10, o(yes,no)=o(no,yes)=2; n_yes=28, n_no=12, n=40.
    # alpha = 1 - (n-1) * (o(yes,no)+o(no,yes)) / (2 n_yes n_no) = 1 - 39*4/672 = 0.767857...
    assert agreement.loc["all", "alpha"] == pytest.approx(1 - 39 * 4 / 672)
    assert agreement.loc["all", "percent"] == pytest.approx(18 / 20)
    assert agreement.loc["all", "items"] == 20 and agreement.loc["all", "coders"] == 2
    # figures: both coders agree on every item (two codes used): alpha 1
    assert agreement.loc["figures", "alpha"] == pytest.approx(1.0)
    assert scores.meta["coders"] == ["ann", "bo"]
    first = scores.precision[scores.precision["coder"] == "bo"].set_index("table")
    assert first.loc["quotes"].query("stratum == 'all'")["precision"].item() == \
        pytest.approx(5 / 7)
    with pytest.raises(ValidationError, match="coder 'ann' appears in"):
        score([coding_dir, coding_dir / "coding.xlsx"])


def test_a_sheet_shared_by_two_coders_scores_as_one(coding_dir, drawn):
    items = list(drawn.items["item"])
    codes = codes_for(items, NO_A)
    fill_workbook(coding_dir / "coding.xlsx", {i: codes[i] for i in items[:10]}, "ann")
    fill_workbook(coding_dir / "coding.xlsx", {i: codes[i] for i in items[10:]}, "bo")
    scores = score(coding_dir)
    assert scores.meta["coders"] == ["ann", "bo"] and scores.meta["sheet_coders"] == ["ann+bo"]
    p = scores.precision.set_index(["table", "stratum"])
    assert p.loc[("figures", "all"), "precision"] == pytest.approx(5 / 7)
    assert set(scores.precision["coder"]) == {"ann+bo"}
    assert scores.agreement.empty  # no item coded twice


# --------------------------------------------------------------------------- bad sheets


def test_excel_touched_sheet_scores_the_same(coding_dir, drawn):
    path = coding_dir / "coding.xlsx"
    fill_workbook(path, codes_for(drawn.items["item"], NO_A), "ann")
    clean = score(coding_dir).precision
    wb = load_workbook(path)
    for name in ("quotes", "figures", "actors"):
        ws = wb[name]
        ws.insert_cols(3)  # a column of the coder's own
        ws.cell(1, 3, "my remarks")
        header = [c.value for c in ws[1]]
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        rows.reverse()  # sorted the other way
        for r, values in enumerate(rows, start=2):
            for c, v in enumerate(values, start=1):
                if header[c - 1] == "article_id" and v in ("001", "002"):
                    v = int(v)  # the spreadsheet dropped the leading zeros
                if header[c - 1] == "correct":
                    v = {"yes": "Yes ", "no": " NO"}[v]
                ws.cell(r, c, v)
    wb.save(path)
    assert score(coding_dir).precision.equals(clean)


def test_cells_retyped_by_a_spreadsheet_read_as_written():
    from datetime import date, datetime

    from toolkit.sheets import text

    assert [text(v) for v in (1.0, 12, " Yes ", None, float("nan"), True,
                              datetime(2024, 10, 22), datetime(2024, 10, 22, 9, 30),
                              date(2024, 10, 22))] == [
        "1", "12", "Yes", "", "", "yes", "2024-10-22", "2024-10-22T09:30:00", "2024-10-22"]


def test_half_filled_deleted_and_coderless_rows_are_named(coding_dir, drawn):
    path = coding_dir / "coding.xlsx"
    codes = codes_for(drawn.items["item"], NO_A)
    for item in ("Q002", "F003", "A005"):
        del codes[item]
    fill_workbook(path, codes, "ann")
    with pytest.raises(ValidationError, match=r"3 of 20 rows uncoded \(Q002, F003, A005\); "
                                              "finish coding before scoring"):
        score(coding_dir)
    fill_workbook(path, codes_for(drawn.items["item"], NO_A), "ann")
    wb = load_workbook(path)
    wb["quotes"].delete_rows(4)  # Q003 deleted
    wb["quotes"].cell(2, 13).value = None  # Q001's coder removed
    wb.save(path)
    with pytest.raises(ValidationError, match="coding.xlsx sheet quotes row 2: item Q001 is "
                                              "coded but has no coder name"):
        score(coding_dir)
    wb["quotes"].cell(2, 13, "ann")
    wb.save(path)
    with pytest.raises(ValidationError, match=r"1 of 20 rows uncoded \(Q003\)"):
        score(coding_dir)


@pytest.mark.parametrize("column, value, message", [
    ("correct", "maybe", "sheet figures row 2: 'maybe' is not a code"),
    ("item", "F999", "sheet figures row 2: item 'F999' is not a figures item"),
    ("article_id", "other", "sheet figures row 2: item F001 is from article"),
    ("sample", "s-000000000000", "sheet figures row 2: row of sample s-000000000000"),
])
def test_edited_rows_are_refused(coding_dir, drawn, column, value, message):
    path = coding_dir / "coding.xlsx"
    fill_workbook(path, codes_for(drawn.items["item"], NO_A), "ann")
    wb = load_workbook(path)
    ws = wb["figures"]
    ws.cell(2, [c.value for c in ws[1]].index(column) + 1, value)
    wb.save(path)
    with pytest.raises(ValidationError, match=message):
        score(coding_dir)


def test_sheet_of_another_sample_or_changed_output_is_refused(out_dir, drawn, tmp_path):
    other = write_sheet(sample(out_dir, n=20, seed=8), tmp_path / "other")
    mine = write_sheet(drawn, tmp_path / "mine")
    shutil.copy(other / "coding.xlsx", mine / "coding.xlsx")
    with pytest.raises(ValidationError, match="this sheet belongs to sample s-"):
        read_coding(mine)
    copy = tmp_path / "out-copy"
    shutil.copytree(out_dir, copy)
    elsewhere = sample(copy, n=20, seed=7)
    assert elsewhere.meta["sample_id"] == drawn.meta["sample_id"]  # same content, same id
    moved = write_sheet(elsewhere, tmp_path / "moved")
    fill_csv(moved / "csv", codes_for(drawn.items["item"], set()), "ann")
    assert score(moved).meta["output_checked"]
    (copy / "figures.csv").write_text((copy / "figures.csv").read_text() + "\n")
    with pytest.raises(ValidationError, match=r"has changed since the sample was drawn "
                                              r"\(figures differ\)"):
        score(moved)
    manifest = json.loads((copy / "manifest.json").read_text())
    (copy / "manifest.json").write_text(json.dumps({**manifest, "toolkit": "9.9"}))
    with pytest.raises(ValidationError, match="analysed again with toolkit 9.9"):
        score(moved)
    moved_out = tmp_path / "moved-out"
    copy.rename(moved_out)
    assert not score(moved).meta["output_checked"]  # recorded folder gone: not checked
    with pytest.raises(ValidationError, match="not an analysis output folder"):
        score(moved, output=tmp_path / "nowhere")
    with pytest.raises(ValidationError, match="analysed again with toolkit 9.9"):
        score(moved, output=moved_out)


def test_csv_saved_by_a_spreadsheet_program(coding_dir, drawn):
    folder = coding_dir / "csv"
    fill_csv(folder, codes_for(drawn.items["item"], NO_A), "ann")
    clean = score(coding_dir).precision
    for file in folder.glob("*.csv"):
        df = pd.read_csv(file, dtype=str, keep_default_na=False)
        df = df.iloc[::-1].drop(columns=["sample"], errors="ignore")
        df.to_csv(file, index=False, sep=";", encoding="cp1252", errors="replace")
    assert score(coding_dir).precision.equals(clean)


def test_damaged_sample_record_is_named(coding_dir, capsys):
    (coding_dir / "sample.json").write_text('{"meta": {"seed": 7}', encoding="utf-8")
    assert cli.main(["validate", "score", str(coding_dir)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"article-toolkit: error: {coding_dir / 'sample.json'}: damaged "
                          "sample record (JSONDecodeError") and err.count("\n") == 1
    assert cli.main(["validate", "score", str(coding_dir / "nothing")]) == 2
    assert "not a coding folder or .xlsx sheet" in capsys.readouterr().err


def test_both_workbook_and_csv_filled_is_refused(coding_dir, drawn):
    fill_workbook(coding_dir / "coding.xlsx", codes_for(drawn.items["item"], NO_A), "ann")
    fill_csv(coding_dir / "csv", codes_for(drawn.items["item"], NO_A), "ann")
    with pytest.raises(ValidationError, match="both coding.xlsx and csv/ hold codes"):
        score(coding_dir)
    assert len(score(coding_dir / "coding.xlsx").precision)


# --------------------------------------------------------------------------- fixes and CLI


def test_fix_column_becomes_corrections(coding_dir, drawn):
    items = drawn.items.set_index("item")
    fill_workbook(coding_dir / "coding.xlsx", codes_for(drawn.items["item"], NO_A), "ann",
                  fixes={"Q003": "speaker: Someone Else", "F002": "drop",
                         "A004": "type: GPE\nrename: Whitehall"},
                  missed=[("001", "quotes", "a quote the toolkit missed", "Someone", "", "ann")])
    fixes = sheet_corrections(read_coding(coding_dir))
    assert [(c.action, c.article_id, c.target, c.start_char, c.value) for c in fixes] == [
        ("set_speaker", items.loc["Q003", "article_id"], items.loc["Q003", "item_text"],
         items.loc["Q003", "start_char"], "Someone Else"),
        ("drop_figure", items.loc["F002", "article_id"], items.loc["F002", "item_text"],
         items.loc["F002", "start_char"], ""),
        ("retype_actor", items.loc["A004", "article_id"], items.loc["A004", "item_text"],
         None, "GPE"),
        ("rename_actor", items.loc["A004", "article_id"], items.loc["A004", "item_text"],
         None, "Whitehall")]
    fill_workbook(coding_dir / "coding.xlsx", {"Q001": "no"}, "ann",
                  fixes={"Q001": "speeker: typo"})
    with pytest.raises(ValidationError, match=r"sheet quotes row 2: fix 'speeker: typo' is not "
                                              r"an instruction for quotes \(drop, speaker: "):
        sheet_corrections(read_coding(coding_dir))


def test_cli_sample_score_and_corrections(out_dir, tmp_path, capsys):
    coding = tmp_path / "c"
    assert cli.main(["validate", "sample", str(out_dir), "--out", str(coding), "--n", "20",
                     "--seed", "7"]) == 0
    assert json.loads((coding / "sample.json").read_text())["meta"]["n"] == 20
    assert "sample s-" in capsys.readouterr().err
    assert cli.main(["validate", "score", str(coding)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"article-toolkit: error: {coding / 'coding.xlsx'}: 20 of 20 rows uncoded "
                   "(Q001, Q002, Q003, Q004, Q005, ...) and 3 of 3 articles not checked for "
                   "missed items (reuters-blinken-ceasefire-push-2024-10-22, 001, 002); "
                   "finish coding before scoring"]
    drawn = read_coding(coding).sample
    fill_workbook(coding / "coding.xlsx", codes_for(drawn.items["item"], NO_A), "ann",
                  fixes={"F002": "drop"})
    assert cli.main(["validate", "score", str(coding)]) == 0
    out = capsys.readouterr().out
    assert "quotes   all" in out and "0.857  [0.487, 0.974]" in out
    assert (coding / "validation.json").is_file() and (coding / "validation.png").is_file()
    assert cli.main(["validate", "corrections", str(coding)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "article_id,action,target,start_char,value,detail,note"
    assert lines[1].split(",")[1] == "drop_figure"
    assert cli.main(["validate", "sample", str(tmp_path / "nothing"), "--out",
                     str(tmp_path / "d")]) == 2
    assert "not an analysis output folder" in capsys.readouterr().err
    assert cli.main(["validate", "sample", str(out_dir), "--out", str(tmp_path / "d"),
                     "--tables", "quotes,terms"]) == 2
    assert "not terms" in capsys.readouterr().err


def test_parquet_output_gives_the_same_items(out_dir, drawn, tmp_path):
    pq = tmp_path / "pq"
    run([str(p) for p in INPUTS], pq, fmt="parquet", report=False)
    again = sample(pq, n=20, seed=7)
    cols = ["item", "table", "stratum", "article_id", "start_char", "item_text", "context"]
    assert again.items[cols].equals(drawn.items[cols])
    assert again.meta["output_sha256"] != drawn.meta["output_sha256"]  # other files
    with pytest.raises(ValidationError, match="n must be at least 1"):
        sample(pq, n=0)
