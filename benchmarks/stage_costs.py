"""CPU milliseconds per article of each extraction stage, over already parsed docs.

Usage::

    python benchmarks/stage_costs.py [CORPUS_DIR] [--sample N] [--repeat R] [--profile]

Parses every seventh file of the corpus (``--sample`` of them, 100 by
default) once with ``nlp.pipe``, then runs :func:`toolkit.analysis.analyze_doc`
over the docs ``--repeat`` times, timing each stage as it goes through
:func:`toolkit.analysis.run_stage` (CPU time, ``time.process_time``).
Before each repeat every doc's ``user_data`` is put back as the parse left
it, so the per-doc caches are rebuilt as in a real run, and the caches keyed
by text are emptied. ``--profile`` adds
the cProfile listing of the extraction (top 40 functions by own time)
and the callers of ``Doc.__getitem__`` / ``Doc.__iter__`` (building Tokens).
The 1-minute load average is printed: on a shared machine, compare runs
with similar loads only.
"""

from __future__ import annotations

import argparse
import copy
import cProfile
import os
import pstats
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_CORPUS = next((p for p in (ROOT.parent / "shared" / "corpora" / "bbc" / "bbc",
                                   ROOT.parent.parent / "shared" / "corpora" / "bbc" / "bbc")
                       if p.is_dir()), ROOT.parent / "shared" / "corpora" / "bbc" / "bbc")

from toolkit import analysis  # noqa: E402
from toolkit.nlp import load_model, parse_many  # noqa: E402
from toolkit.read import read_article  # noqa: E402


def sample_files(folder: Path, n: int, step: int = 7) -> list[Path]:
    files = sorted(p for p in folder.rglob("*.txt") if not p.name.lower().startswith("readme"))
    return files[::step][:n]


def timed_stages(totals: dict[str, float]):
    """A stand-in for ``run_stage`` that adds each stage's CPU time to ``totals``."""
    original = analysis.run_stage

    def run_stage(name, func, *args, **kwargs):
        start = time.process_time()
        try:
            return original(name, func, *args, **kwargs)
        finally:
            totals[name] += time.process_time() - start
    return run_stage


def clear_text_caches() -> None:
    """Empty the caches keyed by text (name keys, speaker-name patterns), so
    that a pass gains from them only what one article gives another."""
    from toolkit import actors, quotes

    for cached in (getattr(actors, "_name_key", None), getattr(quotes, "_name_pattern", None)):
        if cached is not None:
            cached.cache_clear()


def run_all(pairs, snapshots, totals) -> float:
    """One pass of ``analyze_doc`` over every doc; returns its CPU seconds."""
    clear_text_caches()
    start = time.process_time()
    for (article, doc), data in zip(pairs, snapshots, strict=True):
        doc.user_data.clear()
        doc.user_data.update(copy.copy(data))
        analysis.analyze_doc(article, doc)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args(argv)
    files = sample_files(args.corpus, args.sample)
    if not files:
        print(f"no .txt files under {args.corpus}", file=sys.stderr)
        return 2
    articles = [read_article(p) for p in files]
    nlp = load_model()
    docs = list(parse_many(articles, nlp))
    pairs = list(zip(articles, docs, strict=True))
    snapshots = [dict(doc.user_data) for doc in docs]
    totals: dict[str, float] = defaultdict(float)
    analysis.run_stage = timed_stages(totals)
    run_all(pairs, snapshots, totals)  # warm caches of word lists, regexes
    totals.clear()  # the warm-up pass is not one of the timed passes
    total = sum(run_all(pairs, snapshots, totals) for _ in range(args.repeat))
    n = len(pairs) * args.repeat
    print(f"{len(pairs)} articles x {args.repeat} repeats; load average "
          f"{os.getloadavg()[0]:.2f}; CPU ms per article:")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<14}{1000 * seconds / n:7.2f}")
    print(f"  {'analyze_doc':<14}{1000 * total / n:7.2f}")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        run_all(pairs, snapshots, defaultdict(float))
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("tottime")
        stats.print_stats(40)
        stats.print_callers("__getitem__|__iter__")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
