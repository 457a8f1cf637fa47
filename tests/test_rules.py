"""The rule registry: naming, describing, switching rules off."""

from __future__ import annotations

import pytest

from toolkit import rules
from toolkit.cli import main


def test_rule_marks_name_and_stage():
    @rules.rule("demo-rule", stage="demo")
    def demo(x):
        """Double a number.

        Longer explanation that the listing leaves out."""
        return 2 * x

    assert (demo.rule_name, demo.rule_stage) == ("demo-rule", "demo")
    assert rules.describe(demo) == "Double a number."
    assert demo(2) == 4


def test_active_keeps_order_and_drops_disabled():
    funcs = []
    for name in ("a-one", "b-two", "c-three"):
        funcs.append(rules.rule(name, stage="demo")(lambda: None))
    kept = rules.active(funcs, disable={"b-two"})
    assert [f.rule_name for f in kept] == ["a-one", "c-three"]


def test_unknown_rule_name_is_an_error():
    with pytest.raises(ValueError, match="no-such-rule"):
        rules.check_disable(["no-such-rule"])
    assert rules.check_disable([]) == ()


def test_every_registered_rule_has_a_unique_name_and_a_description():
    table = rules.list_rules()
    assert list(table.columns) == list(rules.RULE_COLUMNS)
    assert not table["rule"].duplicated().any()
    assert (table["description"].str.len() > 0).all()


def test_rules_command_lists_the_registry(capsys):
    assert main(["rules"]) == 0
    out = capsys.readouterr().out
    for name in rules.list_rules()["rule"]:
        assert name in out


def test_compare_keeps_only_the_rows_that_differ_in_text_order():
    import pandas as pd

    before = pd.DataFrame({"article_id": "x", "speaker": ["Kim Ora", "Kim Ora", None],
                           "start_char": [40, 10, 70], "rule": ["r1", "r1", "r2"]})
    after = pd.DataFrame({"article_id": "x", "speaker": ["she", "Kim Ora", None],
                          "start_char": [40, 10, 70], "rule": ["r1", "r1", "r2"]})
    diff = rules.compare(before, after, "quotes", labels=("all", "off"))
    assert list(diff.columns) == ["only_in", "speaker", "start_char", "rule"]
    assert diff.to_dict("records") == [
        {"only_in": "all", "speaker": "Kim Ora", "start_char": 40, "rule": "r1"},
        {"only_in": "off", "speaker": "she", "start_char": 40, "rule": "r1"},
    ]
    assert rules.compare(before, before, "quotes").empty


def test_compare_counts_repeated_rows():
    import pandas as pd

    once = pd.DataFrame({"actor": ["Ilo"], "mentions": [1]})
    twice = pd.DataFrame({"actor": ["Ilo", "Ilo"], "mentions": [1, 1]})
    diff = rules.compare(once, twice, "actors")
    assert diff.to_dict("records") == [{"only_in": "b", "actor": "Ilo", "mentions": 1}]
    with pytest.raises(ValueError, match="different columns"):
        rules.compare(once, twice.assign(type="ORG"), "actors")


def test_module_examples_run():
    import doctest

    result = doctest.testmod(rules, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0
