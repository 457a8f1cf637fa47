"""The actor scorer: matching by name and alias, types, optional names, splits."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

from toolkit.actors import ACTOR_TYPES

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "actors"
spec = importlib.util.spec_from_file_location("actor_score", BENCH / "score.py")
score_mod = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = score_mod
spec.loader.exec_module(score_mod)
Row = score_mod.Row

GOLD = [{"doc": "a", "optional": ["Harvest Cup"], "actors": [
    {"name": "Ann Lee", "type": "PERSON", "aliases": ["Lee", "Ms Lee"]},
    {"name": "Oslo", "type": "GPE", "aliases": []},
    {"name": "Fjord Arena", "type": ["FAC", "LOC"], "aliases": []}]}]


def test_right_rows_wrong_types_and_misses():
    rows = [Row("a", "Ann Lee", "PERSON", ["Ann Lee", "Ms Lee"]), Row("a", "Oslo", "PERSON"),
            Row("a", "Fjord Arena", "LOC"), Row("a", "Harvest Cup", "ORG"),
            Row("a", "Lee", "PERSON"), Row("b", "Oslo", "GPE")]
    r = score_mod.score(GOLD, rows)
    assert (r["rows"], r["right"], r["splits"]) == (4, 3, 1)  # optional row not counted
    assert r["found"] == 2 and r["missed"] == ["a: 'Oslo' GPE"]  # wrong type, other doc
    assert r["wrong"] == ["a: 'Oslo' PERSON"]


def test_recall_matches_by_alias():
    r = score_mod.score(GOLD, [Row("a", "Lee A.", "PERSON", ["Ms Lee"])])
    assert r["found"] == 1 and r["right"] == 0


def test_annotations_are_well_formed():
    files = sorted(BENCH.glob("*/*.json"))
    assert {f.parent.name for f in files} == set(score_mod.SPLITS)
    counts = Counter(f.parent.name for f in files)
    assert counts["heldout3"] == 17 and counts["heldout4"] == 22 and counts["heldout5"] == 25
    assert counts["heldout6"] == 27
    assert counts["heldout7"] == 29
    assert all(counts[s] >= 7 for s in score_mod.DEV_SPLITS)
    for split in score_mod.HELD_OUT:  # each held-out article annotated for both tasks
        quotes = BENCH.parent / "quotes" / split
        for path in BENCH.glob(f"{split}/*.json"):
            twin = json.loads((quotes / path.name).read_text(encoding="utf-8"))
            assert twin["path"] == json.loads(path.read_text(encoding="utf-8"))["path"], path
    assert set(score_mod.DEV_SPLITS) == set(score_mod.SPLITS) - set(score_mod.HELD_OUT)
    assert score_mod.HELD_OUT == ("heldout7",)
    assert {"heldout5", "heldout6"} <= set(score_mod.DEV_SPLITS)
    paths = Counter()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {"path", "actors", "optional"}, path
        assert "text" not in data and data["actors"], path
        paths[data["path"]] += 1
        for a in data["actors"]:
            types = [a["type"]] if isinstance(a["type"], str) else a["type"]
            assert set(types) <= set(ACTOR_TYPES), (path, a)
            assert a["name"].strip() and all(f.strip() for f in a["aliases"]), (path, a)
    assert max(paths.values()) == 1, [p for p, n in paths.items() if n > 1]  # no article in two splits
