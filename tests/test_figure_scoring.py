"""The figures benchmark: annotation files well formed, split lists, which splits run.

Reads only the annotation files under ``benchmarks/figures``, never the corpora
they name.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from toolkit.lexicon import MEASURE_UNITS

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "figures"
spec = importlib.util.spec_from_file_location("figure_score", BENCH / "score.py")
score_mod = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = score_mod
spec.loader.exec_module(score_mod)

FILES = sorted(BENCH.glob("*/*.json"))
UNITS = {"", "percent", "percentage points", "share", "times", "score",
         *MEASURE_UNITS.values()}
CURRENCY = re.compile(r"[A-Z]{3}")
FIGURE_KEYS = {"text", "value", "unit", "what", "source"}
PREFIX = "../shared/corpora/"

# The articles of the splits annotated before the sixth round's figure rules
# (dev2, heldout2: scored before and after that round, development data since)
# and before the seventh round's (heldout3, held out).
SPLIT_ARTICLES = {
    "dev2": """bbc/bbc/business/242.txt bbc/bbc/business/226.txt bbc/bbc/business/119.txt
        bbc/bbc/entertainment/129.txt bbc/bbc/politics/109.txt bbc/bbc/politics/117.txt
        bbc/bbc/sport/094.txt bbc/bbc/tech/339.txt reuters-wire/reut-02203.txt
        reuters-wire/reut-01731.txt reuters-wire/reut-00563.txt
        reuters-wire/reut-01472.txt""".split(),
    "heldout2": """bbc/bbc/business/052.txt bbc/bbc/business/151.txt bbc/bbc/business/452.txt
        bbc/bbc/entertainment/269.txt bbc/bbc/politics/259.txt bbc/bbc/politics/320.txt
        bbc/bbc/sport/477.txt bbc/bbc/tech/041.txt reuters-wire/reut-02596.txt
        reuters-wire/reut-02190.txt reuters-wire/reut-02052.txt
        reuters-wire/reut-00637.txt""".split(),
    "heldout3": """bbc/bbc/business/065.txt bbc/bbc/business/315.txt bbc/bbc/business/048.txt
        bbc/bbc/entertainment/016.txt bbc/bbc/politics/361.txt bbc/bbc/politics/181.txt
        bbc/bbc/sport/451.txt bbc/bbc/tech/219.txt reuters-wire/reut-02799.txt
        reuters-wire/reut-00717.txt reuters-wire/reut-01634.txt
        reuters-wire/reut-01443.txt""".split(),
}


def file_name(article: str) -> str:
    """The annotation file name of a corpus path (``bbc-business-242.json``)."""
    bbc = re.fullmatch(r"bbc/bbc/(\w+)/(\d{3})\.txt", article)
    if bbc:
        return f"bbc-{bbc[1]}-{bbc[2]}.json"
    wire = re.fullmatch(r"reuters-wire/(reut-\d{5})\.txt", article)
    assert wire, article
    return f"{wire[1]}.json"


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _check_what(what, where) -> None:
    assert isinstance(what, list) and what, where
    assert all(isinstance(w, str) for w in what), where
    if what == [""]:  # nothing is counted ("Thousands" gathered): the one empty form
        return
    assert all(w.strip() for w in what), where
    assert "*" not in what or what == ["*"], where


def _check_source(source, where) -> None:
    if isinstance(source, str):
        assert source == source.strip(), where
        return
    assert isinstance(source, list) and source, where
    assert all(isinstance(s, str) and s.strip() for s in source), where


def _check_figure(fig: dict, where) -> None:
    assert FIGURE_KEYS <= set(fig) <= FIGURE_KEYS | {"occurrence"}, where
    assert isinstance(fig["text"], str) and fig["text"].strip() == fig["text"] != "", where
    occurrence = fig.get("occurrence", 1)
    assert type(occurrence) is int and occurrence >= 1, where
    value = fig["value"]
    assert value is None or (type(value) in (int, float) and value == value), where
    unit = fig["unit"]
    assert isinstance(unit, str) and (unit in UNITS or CURRENCY.fullmatch(unit)), where
    if unit == "share" and value is not None:
        assert 0 < value <= 1, where
    _check_what(fig["what"], where)
    _check_source(fig["source"], where)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_annotation_file_is_well_formed(path):
    data = load(path)
    assert set(data) in ({"article", "figures", "not_scored"},
                         {"paragraphs", "figures", "not_scored"}), path
    if "article" in data:
        assert data["article"].startswith(PREFIX), path
        assert file_name(data["article"].removeprefix(PREFIX)) == path.name, path
    else:
        assert data["paragraphs"] and all(isinstance(p, str) and p.strip()
                                          for p in data["paragraphs"]), path
    assert isinstance(data["figures"], list), path
    for i, fig in enumerate(data["figures"]):
        _check_figure(fig, (path.name, i, fig.get("text")))
    places = Counter((f["text"], f.get("occurrence", 1)) for f in data["figures"])
    assert max(places.values(), default=1) == 1, (path, places.most_common(1))
    ns = data["not_scored"]
    assert isinstance(ns, list) and all(isinstance(t, str) and t.strip() for t in ns), path
    assert not {f["text"] for f in data["figures"]} & set(ns), path


def test_written_texts_are_in_their_articles():
    for path in BENCH.glob("written/*.json"):
        data = load(path)
        text = "\n\n".join(data["paragraphs"])
        for fig in data["figures"]:
            assert text.count(fig["text"]) >= fig.get("occurrence", 1), (path, fig["text"])
        assert all(t in text for t in data["not_scored"]), path


def test_split_folders_and_lists():
    assert {f.parent.name for f in FILES} <= set(score_mod.SPLITS)
    assert score_mod.SPLITS == ("dev", "heldout", "written", "dev2", "heldout2", "heldout3")
    counts = Counter(f.parent.name for f in FILES)
    assert (counts["dev"], counts["heldout"], counts["written"]) == (20, 10, 4)
    for split, articles in SPLIT_ARTICLES.items():
        assert len(articles) == len(set(articles)) == 12
        assert sum(a.startswith("bbc/") for a in articles) == 8
        present = sorted(p.name for p in BENCH.glob(f"{split}/*.json"))
        assert set(present) == {file_name(a) for a in articles}, (split, present)
    listed = Counter(a for articles in SPLIT_ARTICLES.values() for a in articles)
    assert max(listed.values()) == 1, [a for a, n in listed.items() if n > 1]


def test_no_article_in_two_splits():
    seen = Counter(load(f)["article"] for f in FILES if "article" in load(f))
    assert max(seen.values()) == 1, [a for a, n in seen.items() if n > 1]


def test_heldout3_is_scored_only_when_named(monkeypatch, capsys):
    assert score_mod.HELD_OUT == ("heldout3",)
    assert score_mod.DEV_SPLITS == ("dev", "heldout", "written", "dev2", "heldout2")
    scored = []

    def fake_score(split, *, spacy_only=False):
        scored.append(split)
        return score_mod.Tally()

    monkeypatch.setattr(score_mod, "score", fake_score)
    assert score_mod.main([]) == 0
    assert scored == ["dev", "heldout", "written", "dev2", "heldout2"]
    scored.clear()
    assert score_mod.main(["heldout3"]) == 0 and scored == ["heldout3"]
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["split"] for r in rows] == ["dev", "heldout", "written", "dev2", "heldout2",
                                          "heldout3"]


def test_unknown_split_is_one_line_and_exit_2(capsys):
    assert score_mod.main(["heldout4"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown split: heldout4" in err and "heldout3" in err


def test_scorer_docstring_examples_run():
    result = doctest.testmod(score_mod)
    assert result.attempted >= 3 and result.failed == 0
