"""Main-text extraction from saved pages: our ``read_html`` against plain trafilatura.

Usage::

    python benchmarks/html_extraction.py [BENCHMARK_DIR] [--show-worst N]

``BENCHMARK_DIR`` (default ``../shared/corpora/extraction-benchmark``) holds
Scrapinghub's article-extraction-benchmark: ``html/<id>.html.gz`` pages and
``ground-truth.json`` with each page's expected ``articleBody``.

Scoring follows that benchmark's definition: texts are split into word
tokens (``\\w+``, here lowercased), each text becomes the multiset of its
4-token shingles, and per page TP/FP/FN are the shingles shared, only
predicted, only expected (normalised by their sum so long pages do not weigh
more). Precision is the mean over pages with TP+FP > 0, recall the mean over
pages with TP+FN > 0, and F1 is computed from those two means.

``ours`` is the cleaned body of :func:`toolkit.read.read_html` (paragraphs
joined by blank lines), ``trafilatura`` is ``trafilatura.extract(html,
include_comments=False)``, as the benchmark runs it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "corpora" / "extraction-benchmark"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of ``n``-token shingles of lowercased word tokens."""
    tokens = _TOKEN.findall((text or "").lower())
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1))
                   if tokens[i:i + n])


def tp_fp_fn(expected: str, predicted: str) -> tuple[float, float, float]:
    """Shared, extra and missing shingles of one page, normalised to sum to 1."""
    want, got = shingles(expected), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum(got.values()) - tp
    fn = sum(want.values()) - tp
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp, fp, fn):
    return 1.0 if fp == fn == 0 else 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp, fp, fn):
    return 1.0 if fp == fn == 0 else 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(per_page: list[tuple[float, float, float]]) -> dict[str, float]:
    p = statistics.mean(_precision(*x) for x in per_page if x[0] + x[1] > 0)
    r = statistics.mean(_recall(*x) for x in per_page if x[0] + x[2] > 0)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r)}


def ours(html: str) -> str:
    from toolkit.read import InputError, read_html

    try:
        article = read_html(html)
    except InputError:
        return ""
    # The dateline is kept as metadata (Article.dateline, and as written in removed.csv):
    # the benchmark's bodies start with it, so it is scored as kept.
    dateline = next((r.text for r in article.removed if r.reason == "dateline"), "")
    return f"{dateline} {article.text}".strip()


def plain_trafilatura(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--show-worst", type=int, default=0, metavar="N",
                        help="list the N pages where ours loses most F1 to trafilatura")
    args = parser.parse_args(argv)
    truth = json.loads((args.folder / "ground-truth.json").read_text(encoding="utf-8"))
    extractors = {"trafilatura": plain_trafilatura, "ours (read_html)": ours}
    per_page = {name: [] for name in extractors}
    texts = {name: [] for name in extractors}
    seconds = dict.fromkeys(extractors, 0.0)
    for key in sorted(truth):
        with gzip.open(args.folder / "html" / f"{key}.html.gz", "rt", encoding="utf-8") as fh:
            html = fh.read()
        expected = truth[key].get("articleBody", "")
        for name, extract in extractors.items():
            start = time.perf_counter()
            text = extract(html)
            seconds[name] += time.perf_counter() - start
            per_page[name].append(tp_fp_fn(expected, text))
            texts[name].append(text)
    lost = [k for k, t, o in zip(sorted(truth), texts["trafilatura"], texts["ours (read_html)"],
                                 strict=True) if t.strip() and not o.strip()]
    print(f"{len(truth)} pages from {args.folder}")
    print(f"{'extractor':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'seconds':>8}")
    for name, rows in per_page.items():
        s = scores(rows)
        print(f"{name:<18} {s['precision']:>9.4f} {s['recall']:>7.4f} {s['f1']:>6.4f} "
              f"{seconds[name]:>8.1f}")
    print(f"pages where ours is empty and trafilatura's is not: {len(lost)}"
          + "".join(f"\n  {k}" for k in lost))
    if args.show_worst:
        keys = sorted(truth)
        pairs = zip(keys, per_page["trafilatura"], per_page["ours (read_html)"], strict=True)
        diffs = sorted(((o[0] - t[0], k) for k, t, o in pairs))
        for d, k in diffs[:args.show_worst]:
            print(f"  {k}  shared-shingle share {d:+.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
