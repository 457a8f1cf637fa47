"""Datelines over a whole wire corpus: none left in a body, none made a speaker or an actor.

Usage::

    python benchmarks/sources/wire_datelines.py [WIRE_DIR] [--limit N] [--no-analysis]

``WIRE_DIR`` defaults to ``../shared/corpora/reuters-wire`` (409 Reuters
stories from 1987; not shipped). For every story the script checks that

* the cleaner found a title and a dateline;
* the dateline as written ("LONDON, Feb 26 -") is not in the cleaned body,
  and the body does not start with its place;
* (with the analysis) no actor, speaker or quote contains the dateline, and
  no actor or speaker is the dateline's place as written unless the body
  itself writes it that way.

It prints the counts and every failing story; the exit status is 1 when any
story fails. The test suite cannot read the shared corpora: its fixture-based
version is ``tests/test_clean.py::test_pasted_stories_lose_nothing_and_keep_no_dateline``
and the dateline tests next to it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
DEFAULT_DIR = next((p / "shared" / "corpora" / "reuters-wire" for p in (ROOT.parent,
                    ROOT.parent.parent) if (p / "shared" / "corpora").is_dir()),
                   ROOT.parent / "shared" / "corpora" / "reuters-wire")


def dateline_text(article) -> str | None:
    """The dateline as written, from the article's removed lines."""
    return next((r.text for r in article.removed if r.reason == "dateline"), None)


def check_clean(article) -> list[str]:
    """Problems with one cleaned story's title and dateline."""
    problems = []
    written = dateline_text(article)
    if not article.title:
        problems.append("no title")
    if not article.dateline or not written:
        problems.append("no dateline")
        return problems
    if written in article.text:
        problems.append(f"dateline {written!r} in the body")
    if article.text.startswith(article.dateline):
        problems.append(f"body starts with the dateline place {article.dateline!r}")
    return problems


def check_analysis(article, analysis) -> list[str]:
    """Problems with actors, speakers and quotes made from the dateline."""
    written, place = dateline_text(article), article.dateline
    if not written:
        return []
    problems = []
    names = [*analysis.actors.actor.dropna(), *analysis.quotes.speaker.dropna()]
    for name in names:
        if written in name or (name == place and place not in article.text):
            problems.append(f"actor or speaker {name!r} from the dateline")
    for quote in analysis.quotes.quote.dropna():
        if written in quote:
            problems.append(f"quote holding the dateline: {quote[:60]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--limit", type=int, default=0, help="only the first N stories")
    parser.add_argument("--no-analysis", action="store_true",
                        help="check the cleaning only (seconds instead of a minute)")
    args = parser.parse_args(argv)
    from toolkit.analysis import analyze
    from toolkit.nlp import load_model
    from toolkit.read import read_article

    files = sorted(args.folder.glob("reut-*.txt"))
    if args.limit:
        files = files[:args.limit]
    nlp = None if args.no_analysis else load_model()
    failed = 0
    for path in files:
        article = read_article(path)
        problems = check_clean(article)
        if nlp is not None:
            problems += check_analysis(article, analyze(article, nlp=nlp))
        if problems:
            failed += 1
            print(f"  {path.name}: {'; '.join(problems)}")
    print(f"{len(files)} stories, {failed} with a problem"
          + (" (cleaning only)" if nlp is None else " (cleaning, actors, quotes)"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
