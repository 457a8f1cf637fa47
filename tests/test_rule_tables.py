"""The lessons' rule tables (notebooks/README.md) list every rule the code runs."""

import importlib.util
from pathlib import Path

import pytest

from toolkit.rules import list_rules

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("rule_tables", ROOT / "scripts" / "rule_tables.py")
rule_tables = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rule_tables)


def test_readme_tables_are_written_from_the_code():
    text = (ROOT / "notebooks" / "README.md").read_text(encoding="utf-8")
    assert rule_tables.render(text) == text, "run: python scripts/rule_tables.py"


def test_every_rule_has_a_row_in_its_stage_table():
    rules = list_rules()
    assert set(rules["stage"]) == {"clean", "quotes", "figures", "actors", "dates"}
    for stage in sorted(set(rules["stage"])):
        rows = rule_tables.table(stage, rules).splitlines()[2:]
        assert [r.split("`")[1] for r in rows] == rules[rules["stage"] == stage]["rule"].tolist()


def test_cleaning_rows_give_the_removed_csv_reason():
    rows = rule_tables.table("clean").splitlines()
    assert any(r.startswith("| blocks | `clean-skip-link` | `page_chrome` |") for r in rows)
    assert any("| (none: tidies the text) |" in r for r in rows)


def test_a_readme_without_a_stage_marker_is_refused():
    with pytest.raises(ValueError, match="no rule-table markers for: actors, dates"):
        rule_tables.render("<!-- rule-table: clean -->\n<!-- /rule-table -->\n"
                           "<!-- rule-table: quotes -->\n<!-- /rule-table -->\n"
                           "<!-- rule-table: figures -->\n<!-- /rule-table -->\n")


def test_check_mode_fails_on_a_stale_table(tmp_path):
    readme = tmp_path / "README.md"
    text = (ROOT / "notebooks" / "README.md").read_text(encoding="utf-8")
    readme.write_text(text.replace("| `clean-skip-link` |", "| `clean-skip-links` |"),
                      encoding="utf-8")
    assert rule_tables.main(["--check", "--readme", str(readme)]) == 1
    assert rule_tables.main(["--readme", str(readme)]) == 0
    assert readme.read_text(encoding="utf-8") == text
