"""Corrections: read, check, apply exactly what they name, report what is stale."""

from __future__ import annotations

import json

import pytest

import toolkit
from toolkit.corrections import (
    Correction,
    CorrectionError,
    apply_corrections,
    corrections_from_records,
    read_corrections,
    summarize,
    write_corrections,
)
from toolkit.read import article_from_text

TEXT = ("Maria Lopez, the mayor of Harbourton, said the bridge would reopen in May.\n\n"
        "\u201cWe have spent 40 million dollars on repairs,\u201d Lopez told reporters on Monday.\n\n"
        "The Westbay Council said 12 workers were injured during the work. "
        "Greenvale Transport, a bus company, said it would run 30 extra buses.\n\n"
        "Residents said the delays had cost local shops dearly. Lopez said the council would "
        "appeal.")
HEADER = "article_id,action,target,start_char,value,detail,note\n"


@pytest.fixture(scope="module")
def town():
    return toolkit.analyze(article_from_text(TEXT, article_id="town"))


def fix(action, target, value="", detail="", start_char=None, article_id="town"):
    return Correction(article_id, action, target, start_char=start_char, value=value,
                      detail=detail, where=f"test {action}")


def apply(analysis, *corrections):
    return apply_corrections(analysis.rows, corrections, article_id="town",
                             text=analysis.article.text, doc=analysis.doc)


def changed_rows(before: list[dict], after: list[dict]) -> list[tuple[int, dict]]:
    return [(i, b) for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]


# --------------------------------------------------------------------------- reading


def test_read_csv_checks_every_row(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text(HEADER + "town,retype_actor,Harbourton,,gpe,,a town\n"
                 "town,drop_quote,the delays,308,,,\n\n", encoding="utf-8")
    loaded = read_corrections(p)
    assert [(c.action, c.value, c.start_char, c.where) for c in loaded.items] == [
        ("retype_actor", "gpe", None, "c.csv line 2"), ("drop_quote", "", 308, "c.csv line 3")]
    assert len(loaded.sha256) == 64


@pytest.mark.parametrize("row, message", [
    ("town,rename_speaker,Lopez,,Ann,,", "c.csv line 2: unknown action 'rename_speaker'"),
    ("town,retype_actor,Harbourton,,CITY,,", "c.csv line 2: type 'CITY' is not one of"),
    ("town,set_speaker,the delays,,,,", "c.csv line 2: set_speaker needs a value"),
    (",drop_actor,Lopez,,,,", "c.csv line 2: article_id is empty"),
    ("town,fix_figure,12,,13,count,", "c.csv line 2: fix_figure needs detail"),
    ("town,fix_figure,12,,twelve,value,", "c.csv line 2: value 'twelve' is not a number"),
    ("town,drop_figure,12,12.5,,,", "c.csv line 2: start_char '12.5' is not a character"),
    ("town,add_quote,we will,,Lopez,quoted,", "c.csv line 2: quote kind 'quoted'"),
])
def test_bad_rows_are_named(tmp_path, row, message):
    p = tmp_path / "c.csv"
    p.write_text(HEADER + row + "\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match=message.replace("(", r"\(")):
        read_corrections(p)


def test_unknown_column_and_missing_column(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text("article_id,action,target,row\ntown,drop_actor,Lopez,4\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="line 2: unknown column.*row"):
        read_corrections(p)
    p.write_text("article_id,target\ntown,Lopez\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="missing column.*action"):
        read_corrections(p)


def test_yaml_reads_like_csv(tmp_path):
    pytest.importorskip("yaml")
    p = tmp_path / "c.yaml"
    p.write_text("- {article_id: town, action: drop_actor, target: Harbourton}\n"
                 "- {article_id: town, action: unknown_thing, target: x}\n", encoding="utf-8")
    with pytest.raises(CorrectionError, match="c.yaml item 2: unknown action"):
        read_corrections(p)


def test_csv_round_trip(tmp_path):
    items = [fix("fix_figure", "12", value="14", detail="value", start_char=181),
             fix("add_quote", 'a "quoted", text', value="Ann Lee")]
    p = tmp_path / "c.csv"
    p.write_bytes(write_corrections(items))
    back = read_corrections(p).items
    assert [(c.action, c.target, c.start_char, c.value, c.detail) for c in back] == \
        [(c.action, c.target, c.start_char, c.value, c.detail) for c in items]


# --------------------------------------------------------------------------- applying


def test_retype_changes_one_row_only(town):
    new, [out] = apply(town, fix("retype_actor", "Harbourton", value="gpe"))
    assert out.changed == 1
    diff = changed_rows(town.rows["actors"], new["actors"])
    assert [(i, r["actor"], r["type"]) for i, r in diff] == [(2, "Harbourton", "GPE")]
    for name in ("mentions", "quotes", "figures", "cooccurrence"):
        assert new[name] == town.rows[name]
    assert town.rows["actors"][2]["type"] == "ORG"  # the input is not changed


def test_merge_moves_mentions_quotes_and_cooccurrence(town):
    new, [out] = apply(town, fix("merge_actors", "Westbay Council", value="Harbourton"))
    actors = {r["actor"]: r for r in new["actors"]}
    assert "Westbay Council" not in actors
    assert actors["Harbourton"]["mentions"] == 2
    assert actors["Harbourton"]["aliases"] == "Harbourton; Westbay Council"
    assert [m["actor"] for m in new["mentions"]].count("Harbourton") == 2
    assert new["quotes"][2]["speaker_actor"] == "Harbourton"
    assert new["quotes"][2]["speaker"] == "The Westbay Council"  # the text stays
    assert out.changed == 2 + 1 + 1  # two actor rows, one mention, one quote
    assert new["cooccurrence"] == town.rows["cooccurrence"]  # no new shared sentence


def test_rename_and_drop(town):
    new, outs = apply(town, fix("rename_actor", "Maria Lopez", value="Mayor Lopez"),
                      fix("drop_actor", "Greenvale Transport"))
    assert [o.changed for o in outs] == [1 + 3 + 3, 1 + 1 + 1]
    assert [r["actor"] for r in new["actors"]] == ["Mayor Lopez", "Harbourton",
                                                   "Westbay Council"]
    assert {q["speaker_actor"] for q in new["quotes"]} == {"Mayor Lopez", "Westbay Council",
                                                           ""}
    assert new["cooccurrence"][0]["actor_b"] == "Mayor Lopez"
    assert len(new["mentions"]) == len(town.rows["mentions"]) - 1


def test_split_one_mention_off(town):
    new, [out] = apply(town, fix("split_actor", "Maria Lopez", value="Carla Lopez",
                                 start_char=348))
    actors = {r["actor"]: r for r in new["actors"]}
    assert actors["Maria Lopez"]["mentions"] == 2 and actors["Carla Lopez"]["mentions"] == 1
    assert actors["Carla Lopez"]["type"] == "PERSON"
    assert [r["actor"] for r in new["actors"]][:2] == ["Maria Lopez", "Carla Lopez"]
    assert [m["actor"] for m in new["mentions"] if m["start_char"] == 348] == ["Carla Lopez"]
    assert out.changed == 3
    with pytest.raises(CorrectionError, match="every mention"):
        apply(town, fix("split_actor", "Harbourton", value="Harbour Town", detail="Harbourton"))


def test_split_or_rename_into_an_existing_actor_is_refused(town):
    for action in ("split_actor", "rename_actor"):
        with pytest.raises(CorrectionError, match=r"^test " + action + r": actor 'Harbourton' "
                           r"already exists in town; use merge_actors$"):
            apply(town, fix(action, "Maria Lopez", value="Harbourton", start_char=348))


def test_quote_corrections(town):
    new, outs = apply(town,
                      fix("set_speaker", "the delays had cost", value="Greenvale Transport"),
                      fix("drop_quote", "council would appeal"),
                      fix("add_quote", "the bridge would reopen in May", value="Maria Lopez"),
                      fix("add_quote", "Residents said the delays", value="Residents",
                          detail="indirect"))
    assert [o.changed for o in outs] == [1, 1, 0, 1]
    assert outs[2].reason == "the quote at 43 is already extracted"
    quotes = new["quotes"]
    assert len(quotes) == len(town.rows["quotes"])  # one dropped, one added
    start = town.article.text.index("Residents said")
    assert (quotes[4]["speaker"], quotes[4]["rule"], quotes[4]["start_char"]) == \
        ("Residents", "correction", start)
    assert quotes[4]["sentence"] == 4 and quotes[4]["kind"] == "indirect"
    assert town.article.text[start:quotes[4]["end_char"]] == "Residents said the delays"
    assert (quotes[5]["speaker"], quotes[5]["speaker_actor"]) == \
        ("Greenvale Transport", "Greenvale Transport")
    assert all("appeal" not in q["quote"] for q in quotes)


def test_figure_corrections(town):
    new, outs = apply(town, fix("fix_figure", "12", value="14", detail="value"),
                      fix("fix_figure", "30", value="buses added", detail="what"),
                      fix("drop_figure", "40 million dollars"))
    assert [o.changed for o in outs] == [1, 1, 1]
    assert [(f["text"], f["value"], f["what"]) for f in new["figures"]] == [
        ("12", 14.0, "workers injured"), ("30", 30.0, "buses added")]


def test_stale_corrections_are_reported(town):
    new, outs = apply(town, fix("drop_actor", "Nobody"), fix("drop_quote", "not said"),
                      fix("fix_figure", "99", value="x", detail="what"),
                      fix("add_quote", "never written", value="Ann"))
    assert new == town.rows
    assert [o.reason for o in outs] == [
        "no actor 'Nobody' in town", "no quote containing 'not said' in town",
        "no figure '99' in town", "'never written' not found in the text of town"]
    loaded = corrections_from_records([
        {"article_id": "town", "action": "drop_actor", "target": "Nobody"},
        {"article_id": "elsewhere", "action": "drop_actor", "target": "Lopez"},
        {"article_id": "town", "action": "drop_actor", "target": "Harbourton"}])
    _, outs = apply(town, *loaded.items)
    summary = summarize(loaded, outs, seen_articles=["town"])
    assert (summary["corrections"], summary["applied"], summary["rows_changed"]) == (3, 1, 2)
    assert summary["by_action"] == {"drop_actor": 1}
    assert [(s["where"], s["reason"]) for s in summary["stale"]] == [
        ("corrections row 1", "no actor 'Nobody' in town"),
        ("corrections row 2", "article 'elsewhere' is not in this run")]


def test_ambiguous_target_names_the_row_and_changes_nothing(town):
    rows_before = json.dumps(town.rows, sort_keys=True, default=str)
    with pytest.raises(CorrectionError, match=r"^test drop_quote: 'the' matches 4 quotes in "
                       r"town \(start_char 43, 181, 308, 359\); add start_char"):
        apply(town, fix("retype_actor", "Harbourton", value="GPE"), fix("drop_quote", "the"))
    with pytest.raises(CorrectionError,
                       match=r"occurs 3 times in town \(start_char 6, 123, 348\); add start_char"):
        apply(town, fix("add_quote", "Lopez", value="x"))
    assert json.dumps(town.rows, sort_keys=True, default=str) == rows_before
    new, [out] = apply(town, fix("drop_quote", "the", start_char=187))
    assert out.changed == 1 and len(new["quotes"]) == len(town.rows["quotes"]) - 1


def test_analyze_applies_a_corrections_file(tmp_path):
    p = tmp_path / "c.csv"
    p.write_text(HEADER + "town,retype_actor,Harbourton,,GPE,,\n"
                 "other,drop_actor,Lopez,,,,\n", encoding="utf-8")
    result = toolkit.analyze(article_from_text(TEXT, article_id="town"), corrections=p)
    assert result.actors.set_index("actor").loc["Harbourton", "type"] == "GPE"
    assert [o.changed for o in result.corrections] == [1]


def test_corpus_run_applies_records_and_reruns_identically(tmp_path, capsys):
    from toolkit import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "town.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "port.txt").write_text(
        "Peter Grant, the harbour master, said 200 ships docked in March.", encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(HEADER + "town,retype_actor,Harbourton,,GPE,,a town\n"
                     "town,drop_quote,council would appeal,,,,\n"
                     "port,drop_actor,Nobody,,,,\n"
                     "gone,drop_actor,Somebody,,,,\n", encoding="utf-8")
    plain, fixed = tmp_path / "plain", tmp_path / "fixed"
    args = [str(tmp_path / "in"), "--quiet", "--no-report"]
    assert cli.main(["analyze", *args, "--out", str(plain)]) == 0
    assert cli.main(["analyze", *args, "--out", str(fixed), "--corrections", str(fixes)]) == 0
    err = capsys.readouterr().err
    assert "fixes.csv line 4: stale correction (drop_actor 'Nobody'): no actor 'Nobody' in " \
           "port" in err
    assert "fixes.csv line 5: stale correction (drop_actor 'Somebody'): article 'gone' is " \
           "not in this run" in err

    def lines(folder, name):
        return (folder / f"{name}.csv").read_text(encoding="utf-8").splitlines()

    for name in ("mentions", "figures", "cooccurrence", "sentences", "terms"):
        assert lines(plain, name) == lines(fixed, name)
    actors = [(a, b) for a, b in zip(lines(plain, "actors"), lines(fixed, "actors"),
                                      strict=True) if a != b]
    assert actors == [("town,Harbourton,ORG,1,Harbourton,,model",
                       "town,Harbourton,GPE,1,Harbourton,,model")]
    dropped = set(lines(plain, "quotes")) - set(lines(fixed, "quotes"))
    assert len(dropped) == 1 and "council would appeal" in dropped.pop()
    assert set(lines(fixed, "quotes")) < set(lines(plain, "quotes"))
    manifest = json.loads((fixed / "manifest.json").read_text())["corrections"]
    assert {k: manifest[k] for k in ("corrections", "applied", "rows_changed", "by_action")} == \
        {"corrections": 4, "applied": 2, "rows_changed": 2,
         "by_action": {"drop_quote": 1, "retype_actor": 1}}
    assert manifest["file"] == str(fixes) and len(manifest["sha256"]) == 64
    assert [s["where"] for s in manifest["stale"]] == ["fixes.csv line 4", "fixes.csv line 5"]
    before = {p.name: p.read_bytes() for p in fixed.iterdir() if p.is_file()}
    assert cli.main(["analyze", str(tmp_path / "in"), "--no-report", "--out", str(fixed),
                     "--overwrite", "--corrections", str(fixes)]) == 0
    assert "corrections: 2 of 4 applied (1 drop_quote, 1 retype_actor), 2 row(s) changed, " \
        "2 stale" in capsys.readouterr().err
    after = {p.name: p.read_bytes() for p in fixed.iterdir() if p.is_file()}
    assert after == before  # the corrections survive a re-run, byte for byte


def test_bad_corrections_file_stops_the_run_before_writing(tmp_path, capsys):
    from toolkit import cli

    (tmp_path / "town.txt").write_text(TEXT, encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(HEADER + "town,merge_actor,Lopez,,Maria Lopez,,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["analyze", str(tmp_path / "town.txt"), "--out", str(out), "--quiet",
                     "--corrections", str(fixes)]) == 2
    assert capsys.readouterr().err.strip() == (
        "article-toolkit: error: fixes.csv line 2: unknown action 'merge_actor' (one of "
        "merge_actors, split_actor, retype_actor, rename_actor, drop_actor, set_speaker, "
        "drop_quote, add_quote, fix_figure, drop_figure)")
    assert not out.exists()


def test_ambiguous_correction_fails_only_its_article(tmp_path, capsys):
    from toolkit import cli

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "town.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "port.txt").write_text(
        "Peter Grant, the harbour master, said 200 ships docked in March.", encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(HEADER + "town,drop_quote,the,,,,\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli.main(["analyze", str(tmp_path / "in"), "--out", str(out), "--quiet",
                     "--no-report", "--corrections", str(fixes)]) == 1
    errors = (out / "errors.csv").read_text(encoding="utf-8")
    assert "fixes.csv line 2: 'the' matches 4 quotes in town" in errors
    assert "town" not in (out / "quotes.csv").read_text(encoding="utf-8")
    assert "port,Peter Grant" in (out / "actors.csv").read_text(encoding="utf-8")
    stale = json.loads((out / "manifest.json").read_text())["corrections"]["stale"]
    assert stale[0]["reason"] == "not applied: its article failed (see errors.csv)"


def test_resumed_run_counts_corrections_of_every_chunk(tmp_path, monkeypatch):
    from toolkit import corpus as corpus_mod
    from toolkit import runner
    from toolkit.output import OutputError

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a-town.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "in" / "b-port.txt").write_text(
        "Peter Grant, the harbour master, said 200 ships docked in March.", encoding="utf-8")
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(HEADER + "a-town,retype_actor,Harbourton,,GPE,,\n"
                     "b-port,fix_figure,200,,ships docked,what,\n", encoding="utf-8")
    whole, part = tmp_path / "whole", tmp_path / "part"
    opts = {"chunk_size": 1, "report": False, "corrections": fixes}
    corpus_mod.run([tmp_path / "in"], whole, **opts)
    real = runner.analyze_chunk

    def dies_on_second_chunk(task, **kw):
        if task.chunk == 1:
            raise KeyboardInterrupt
        return real(task, **kw)

    monkeypatch.setattr(runner, "analyze_chunk", dies_on_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        corpus_mod.run([tmp_path / "in"], part, **opts)
    monkeypatch.setattr(runner, "analyze_chunk", real)
    other = tmp_path / "other.csv"
    other.write_text(HEADER + "a-town,drop_actor,Harbourton,,,,\n", encoding="utf-8")
    with pytest.raises(OutputError, match="earlier run used other options"):
        corpus_mod.run([tmp_path / "in"], part, resume=True, **{**opts, "corrections": other})
    kept = fixes.read_bytes()
    fixes.write_bytes(kept + b"a-town,drop_actor,Harbourton,,,,\n")  # same file, changed
    with pytest.raises(OutputError, match="earlier run used other options"):
        corpus_mod.run([tmp_path / "in"], part, resume=True, **opts)
    fixes.write_bytes(kept)
    corpus_mod.run([tmp_path / "in"], part, resume=True, **opts)

    def counts(folder):
        return json.loads((folder / "manifest.json").read_text())["corrections"]

    assert counts(part) == counts(whole)
    assert counts(whole)["applied"] == 2 and counts(whole)["stale"] == []
    assert (part / "figures.csv").read_bytes() == (whole / "figures.csv").read_bytes()
    assert "ships docked" in (whole / "figures.csv").read_text(encoding="utf-8")
