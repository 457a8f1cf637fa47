"""Write the rule tables of ``notebooks/README.md`` from the code's own rule list.

Every extractor is an ordered list of named rules whose docstrings say what they
do (:func:`toolkit.rules.list_rules`). The lessons' README shows them as one
Markdown table per stage; this script writes those tables between the markers
``<!-- rule-table: STAGE -->`` and ``<!-- /rule-table -->``, so that they list
every rule in the order it runs and never drift from the code.
``tests/test_rule_tables.py`` checks that the README is up to date.

Usage::

    python scripts/rule_tables.py            # rewrite the tables in notebooks/README.md
    python scripts/rule_tables.py --check    # exit 1 if they are out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "notebooks" / "README.md"
_BLOCK = re.compile(r"(<!-- rule-table: (\w+) -->\n)(.*?)(<!-- /rule-table -->)", re.S)


def markdown(text: str) -> str:
    """A docstring sentence as a Markdown table cell: reST literals become code
    spans and a pipe is escaped.

    >>> markdown('Cuts ``A | B`` short')
    'Cuts `A \\\\| B` short'
    """
    return text.replace("``", "`").replace("|", "\\|").strip()


def _reasons(rule: str) -> str:
    from toolkit.clean import REASONS

    reasons = REASONS.get(rule, ())
    return ", ".join(f"`{r}`" for r in reasons) if reasons else "(none: tidies the text)"


def table(stage: str, rules=None) -> str:
    """The Markdown table of one stage's rules, in the order they run
    (``rules``: :func:`toolkit.rules.list_rules`, read when not given)."""
    if rules is None:
        from toolkit.rules import list_rules

        rules = list_rules()
    rows = rules[rules["stage"] == stage]
    if rows.empty:
        raise ValueError(f"no rules for stage {stage!r}")
    clean = stage == "clean"
    head = ("| group | rule | reason | what it does |\n|---|---|---|---|\n" if clean
            else "| group | rule | what it does |\n|---|---|---|\n")
    lines = []
    for r in rows.itertuples():
        reason = f" {_reasons(r.rule)} |" if clean else ""
        lines.append(f"| {r.group} | `{r.rule}` |{reason} {markdown(r.description)} |")
    return head + "\n".join(lines) + "\n"


def render(text: str) -> str:
    """``text`` with every marked rule table written anew from the code: one
    table for each stage of the rule registry."""
    from toolkit.rules import list_rules

    rules = list_rules()
    found = {m.group(2) for m in _BLOCK.finditer(text)}
    missing = sorted(set(rules["stage"]) - found)
    if missing:
        raise ValueError(f"no rule-table markers for: {', '.join(missing)}")
    return _BLOCK.sub(lambda m: m.group(1) + table(m.group(2), rules) + m.group(4), text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the tables are out of date")
    ap.add_argument("--readme", type=Path, default=README)
    args = ap.parse_args(argv)
    text = args.readme.read_text(encoding="utf-8")
    new = render(text)
    if args.check:
        if new != text:
            print(f"{args.readme}: rule tables are out of date; run scripts/rule_tables.py",
                  file=sys.stderr)
            return 1
        return 0
    if new != text:
        args.readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
