"""Score the cleaner's metadata and furniture removal on the sources development set.

Usage::

    python benchmarks/sources/score.py [--split dev|held-out|all] [--wire-dir DIR] [-v]

Two annotated sets, written by reading each story before any rule was changed:

* ``benchmarks/sources/wire.json``: 42 Reuters wire stories from
  ``../shared/corpora/reuters-wire/`` (chosen with ``random.Random(13)``; the
  annotation refers to the file, the text is not shipped);
* ``tests/fixtures/sources/expected.json``: 20 pasted-style stories written
  for this set (invented text in the styles of UK local news, US wire, agency
  rewrites and press releases), shipped as ``tests/fixtures/sources/*.txt``.

A third of each set is held out (``"split": "held-out"``) and scored only
with ``--split held-out``.

Per article: ``title``, ``authors`` (list, in order), ``dateline`` (the place as
written), ``published`` and ``author_roles`` must equal the annotation exactly.
``drop``: every must-drop line is out of the body. ``keep`` (pasted set): every
other non-blank line of the story (not the title, not an ``ignore`` line) is in
the body. ``leak``: the dateline (the place followed by its date or agency) is
not at the start of the body.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
WIRE = ROOT / "benchmarks" / "sources" / "wire.json"
PASTED = ROOT / "tests" / "fixtures" / "sources"
# ../shared next to the repository (or next to the folder of worktrees).
DEFAULT_WIRE_DIR = next((p / "shared" / "corpora" for p in (ROOT.parent, ROOT.parent.parent)
                         if (p / "shared" / "corpora").is_dir()), ROOT.parent / "shared" / "corpora")
FIELDS = ("title", "authors", "dateline", "published", "author_roles")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _in_body(line: str, article) -> bool:
    line = _norm(line)
    paragraphs = [_norm(p.text) for p in article.paragraphs]
    return line in paragraphs or (len(line) > 25 and line in _norm(article.text))


def score_article(article, want: dict, raw_lines: list[str] | None) -> dict[str, bool]:
    """Which checks one cleaned article passes."""
    got = {"title": article.title, "authors": list(article.authors),
           "dateline": article.dateline, "published": article.published,
           "author_roles": dict(getattr(article, "author_roles", {}) or {})}
    result = {f: got[f] == want[f] for f in FIELDS}
    result["drop"] = not any(_in_body(line, article) for line in want["drop"])
    body = article.text
    place = want["dateline"]
    result["leak"] = not (place and re.match(re.escape(place) + r"\W", body))
    if want.get("dateline_text"):
        result["leak"] = result["leak"] and want["dateline_text"] not in body
    if raw_lines is not None:
        skip = {_norm(x) for x in [want["title"], *want["drop"], *want.get("ignore", [])]}
        keep = [_norm(ln) for ln in raw_lines if ln.strip() and _norm(ln) not in skip]
        # The first paragraph loses its dateline: compare the end of each line.
        result["keep"] = all(ln[-60:] in _norm(body) for ln in keep)
    return result


def load(split: str, wire_dir: Path):
    """``(name, article, expectation, raw lines or None)`` for the chosen split."""
    from toolkit.read import read_article

    wire = json.loads(WIRE.read_text(encoding="utf-8"))["stories"]
    pasted = json.loads((PASTED / "expected.json").read_text(encoding="utf-8"))
    for name, want in sorted(wire.items()):
        if split in ("all", want["split"]):
            yield "wire", name, read_article(wire_dir / want["path"]), want, None
    for name, want in sorted(pasted.items()):
        if split in ("all", want["split"]):
            path = PASTED / f"{name}.txt"
            yield ("pasted", name, read_article(path), want,
                   path.read_text(encoding="utf-8").splitlines())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "held-out", "all"), default="dev")
    parser.add_argument("--wire-dir", type=Path, default=DEFAULT_WIRE_DIR)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every failed check")
    args = parser.parse_args(argv)
    totals: dict[str, dict[str, list[bool]]] = {}
    for kind, name, article, want, raw in load(args.split, args.wire_dir):
        result = score_article(article, want, raw)
        for key, ok in result.items():
            totals.setdefault(kind, {}).setdefault(key, []).append(ok)
            if not ok and args.verbose:
                value = getattr(article, key, None) if key in FIELDS else ""
                print(f"  {name}: {key} wrong {value!r}"
                      + (f" (want {want[key]!r})" if key in FIELDS else ""))
        totals.setdefault(kind, {}).setdefault("all_three", []).append(
            result["title"] and result["authors"] and result["dateline"])
    print(f"split: {args.split}")
    for kind, checks in totals.items():
        n = len(checks["title"])
        line = ", ".join(f"{k} {sum(v) / len(v):.2f}" for k, v in checks.items())
        print(f"{kind:>6} ({n:>2} stories): {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
