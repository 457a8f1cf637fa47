"""Find text the package or its tests share with the annotated benchmark articles.

Rules must fix patterns, not examples: no name, number or phrase of an
annotated article belongs in ``toolkit/`` (its code, docstrings, comments and
data files) or in the sentences the tests are written on. This script reads
every article a benchmark annotation names (``path`` or ``article`` in the
JSON files under ``benchmarks/``; the texts stay in ``../shared/corpora``) and
lists each run of ``N`` words (lower-cased letters and digits, default 5) that
a file under the given folders shares with one of them::

    python benchmarks/echoes.py [toolkit tests] [--words N] [--corpora DIR]

Each line gives the file and line, the shared words and the article. Stock
phrases ("who asked not to be identified") will show up too: read the list,
and rewrite what echoes one article's wording. Exit status 1 when anything is
listed, 0 when nothing is, 2 when the corpora are missing.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPORA = next((base / "shared" / "corpora" for base in (ROOT.parent, ROOT.parent.parent)
                if (base / "shared" / "corpora").is_dir()), ROOT.parent / "shared" / "corpora")
"""``../shared/corpora`` beside the repository, or one level up (a checkout one level deeper)."""
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-cased runs of letters and digits.

    Example:
        >>> words("Ann Lee's 7/8 pct rise")
        ['ann', 'lee', 's', '7', '8', 'pct', 'rise']
    """
    return _WORD.findall(text.lower())


def annotated_articles(bench: Path = HERE) -> set[str]:
    """The corpus paths (relative to the corpora folder) every annotation names."""
    paths = set()
    for path in sorted(bench.rglob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue
        if not isinstance(data, dict):
            continue
        for key in ("path", "article"):
            ref = data.get(key)
            if isinstance(ref, str) and ref.endswith(".txt"):
                paths.add(ref.split("corpora/")[-1])
    return paths


def runs_of(tokens: list[str], n: int):
    """Every run of ``n`` consecutive tokens, as tuples."""
    return (tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def index_articles(corpora: Path, paths: set[str], n: int) -> dict[tuple, str]:
    """Map each run of ``n`` words to the first article (path) it occurs in."""
    index: dict[tuple, str] = {}
    for ref in sorted(paths):
        file = corpora / ref
        if file.is_file():
            text = file.read_bytes().decode("utf-8", errors="replace")
            for run in runs_of(words(text), n):
                index.setdefault(run, ref)
    return index


def echoes(folders: list[Path], index: dict[tuple, str], n: int):
    """Yield ``(file, line number, shared words, article)`` once per shared run."""
    seen = set()
    for folder in folders:
        files = [folder] if folder.is_file() else sorted(
            p for p in folder.rglob("*") if p.is_file() and p.suffix in (".py", ".txt", ".tsv"))
        for file in files:
            lines = file.read_text(encoding="utf-8", errors="replace").splitlines()
            for number, line in enumerate(lines, 1):
                for run in runs_of(words(line), n):
                    if run in index and run not in seen:
                        seen.add(run)
                        yield file, number, " ".join(run), index[run]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path,
                        default=[ROOT / "toolkit", ROOT / "tests"])
    parser.add_argument("--words", type=int, default=5, help="run length (default 5)")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"error: {args.corpora}: no corpora folder (is ../shared there?)", file=sys.stderr)
        return 2
    index = index_articles(args.corpora, annotated_articles(), args.words)
    found = 0
    for file, number, shared, article in echoes(args.folders, index, args.words):
        found += 1
        where = file.relative_to(ROOT) if file.is_relative_to(ROOT) else file
        print(f"{where}:{number}: {shared!r}  ({article})")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
