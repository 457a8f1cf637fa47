"""The quote scoring harness, and a floor on the annotated evaluation sets."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "quotes"


def _load_score():
    spec = importlib.util.spec_from_file_location("quote_score", BENCH / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


score_mod = _load_score()


def item(quote, start, speaker="", doc="d", kind="indirect"):
    return {"quote": quote, "start_char": start, "speaker": speaker, "doc": doc, "kind": kind}


def test_score_perfect_and_empty():
    gold = [item("we will win the vote", 0, "Ann Lee")]
    r = score_mod.score(gold, gold, coverage=0.8)
    assert (r["precision"], r["recall"], r["f1"], r["speaker_accuracy"]) == (1.0, 1.0, 1.0, 1.0)
    r = score_mod.score(gold, [], coverage=0.3)
    assert (r["recall"], r["f1"], r["matched"]) == (0.0, 0.0, 0)


def test_score_coverage_is_two_sided():
    gold = [item("prices will rise next year", 10)]
    short = [item("prices will", 10)]  # 2 of 5 gold tokens
    long = [item("prices will rise next year and the year after that too", 10)]  # 5 of 11
    assert score_mod.score(gold, short, coverage=0.3)["matched"] == 1
    assert score_mod.score(gold, short, coverage=0.8)["matched"] == 0
    assert score_mod.score(gold, long, coverage=0.3)["matched"] == 1
    assert score_mod.score(gold, long, coverage=0.8)["matched"] == 0


def test_score_matches_within_one_article_one_to_one():
    gold = [item("the bridge will close", 0, doc="a")]
    pred = [item("the bridge will close", 0, doc="b"), item("the bridge will close", 0, doc="a"),
            item("the bridge will close", 0, doc="a")]
    r = score_mod.score(gold, pred, coverage=0.8)
    assert r["matched"] == 1 and r["precision"] == pytest.approx(1 / 3)


def test_speaker_matching_forms():
    assert score_mod.speaker_matches("Mayor Clara Jensen", ["Jensen"])
    assert score_mod.speaker_matches(["Nadia Chowdhury", "Her lawyer"], ["Her lawyer", ""])
    assert score_mod.speaker_matches("the company", ["The company"])
    assert not score_mod.speaker_matches("the company", ["Orbital"])
    assert score_mod.speaker_matches("", [""])
    assert not score_mod.speaker_matches("Ann", [""])


def test_gold_quotes_are_in_their_texts():
    for path in sorted(BENCH.glob("*/*.json")):
        if "path" in json.loads(path.read_text(encoding="utf-8")):
            continue  # a corpus article, checked by test_corpus_annotations_are_well_formed
        doc_id, text, gold = score_mod.load_article(path)
        assert gold, path
        for g in gold:
            assert text[g["start_char"]:g["end_char"]] == g["quote"]
            assert g["kind"] in score_mod.KINDS


@pytest.mark.parametrize("subset,floors", [
    # (coverage: (F1, speaker accuracy)); measured values are in benchmarks/quotes/README.md
    ("articles", {0.3: (0.97, 0.97), 0.8: (0.95, 0.97)}),
    ("heldout", {0.3: (0.96, 0.94), 0.8: (0.93, 0.94)}),
])
def test_evaluation_floor(nlp, subset, floors):
    results = score_mod.evaluate(BENCH / subset, nlp=nlp, coverages=tuple(floors))
    for coverage, (f1, speaker) in floors.items():
        r = results[coverage]
        assert r["f1"] >= f1, score_mod.format_table(results)
        assert r["speaker_accuracy"] >= speaker, score_mod.format_table(results)


def test_corpus_annotations_are_well_formed():
    files = sorted(BENCH.glob("dev*/*.json")) + sorted(BENCH.glob("heldout[234567]/*.json"))
    assert len(files) >= 67 and sum(f.parent.name == "heldout3" for f in files) == 17
    assert any(f.parent.name == "heldout4" for f in files)
    assert sum(f.parent.name == "heldout5" for f in files) == 25
    assert sum(f.parent.name == "heldout6" for f in files) == 27
    assert sum(f.parent.name == "heldout7" for f in files) == 29
    assert score_mod.HELD_OUT == ("heldout7",)  # as in benchmarks/actors/score.py
    assert all(any(f.parent.name == s for f in files) for s in score_mod.HELD_OUT)
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"path", "quotes"} and data["path"].endswith(".txt"), path
        for q in data["quotes"]:
            assert q["kind"] in score_mod.KINDS and q["quote"].strip(), (path, q)
            forms = q["speaker"] if isinstance(q["speaker"], list) else [q["speaker"]]
            assert all(isinstance(f, str) and f.strip() for f in forms), (path, q)



@pytest.mark.parametrize("split", ["heldout2", "heldout3", "heldout4", "heldout5", "heldout6",
                                   "heldout7"])
def test_held_out_quotes_and_actors_annotate_the_same_articles(split):
    def paths(folder):
        return {f.stem: json.loads(f.read_text(encoding="utf-8"))["path"] for f in folder.glob("*.json")}

    quotes, actors = paths(BENCH / split), paths(BENCH.parent / "actors" / split)
    assert quotes and quotes == actors

def test_path_annotation_reads_the_named_article(tmp_path):
    corpora = tmp_path / "corpora"
    (corpora / "wire").mkdir(parents=True)
    (corpora / "wire" / "a.txt").write_text(
        "Ferry fares will rise in June, the operator said.\n", encoding="utf-8")
    ann = tmp_path / "a.json"
    ann.write_text(json.dumps({"path": "wire/a.txt", "quotes": [
        {"quote": "Ferry fares will rise in June", "speaker": "the operator",
         "kind": "indirect"}]}), encoding="utf-8")
    doc_id, text, gold = score_mod.load_article(ann, corpora=corpora)
    assert gold[0]["start_char"] == text.index("Ferry")
    with pytest.raises(FileNotFoundError, match="--corpora"):
        score_mod.load_article(ann, corpora=tmp_path / "nowhere")


def test_cli_scores_several_folders_and_rejects_an_empty_one(tmp_path, capsys):
    assert score_mod.main(["--articles", str(tmp_path)]) == 2
    assert "no annotation files" in capsys.readouterr().err
