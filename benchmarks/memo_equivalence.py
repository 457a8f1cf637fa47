"""Do ``memo_attribute_ruler`` and ``cached_lemmatizer`` annotate exactly as spaCy's components?

Usage::

    python benchmarks/memo_equivalence.py [SOURCE ...] [--start I] [--stop J]
                                          [--results FILE] [--gemm]

Reads every article of the sources (default: ``../shared/corpora/bbc``,
``../shared/corpora/reuters-wire`` and ``data/``: its ``.txt`` articles and
its news-archive exports) as the toolkit reads them, parses each with two
pipelines loaded side by side (:func:`toolkit.nlp.load_model` with and
without ``memo``, each with its own vocabulary) and compares, for
every token, TAG, POS, MORPH, LEMMA, DEP, HEAD and the entity (IOB and type).
Prints the tokens compared and every difference (there must be none).

``--gemm`` compares instead the toolkit's matrix products through NumPy's
BLAS (:func:`toolkit.nlp.use_numpy_gemm`, the default) with thinc's ``blis``
(``gemm="blis"``), both with the memoised components.

``--start``/``--stop`` take a slice of the sorted article list, so the check
can run in pieces; ``--results FILE`` appends each piece's counts as one
JSON line, and ``--total FILE`` sums such a file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SHARED = next((p for p in (ROOT.parent / "shared", ROOT.parent.parent / "shared") if p.is_dir()),
              ROOT.parent / "shared")
SOURCES = (SHARED / "corpora" / "bbc" / "bbc", SHARED / "corpora" / "reuters-wire", ROOT / "data")
ARCHIVE_SUFFIXES = (".docx", ".rtf", ".pdf")

from toolkit.archives import iter_archive, open_export  # noqa: E402
from toolkit.nlp import gemm_of, load_model, parse_many  # noqa: E402
from toolkit.read import read_article  # noqa: E402

FIELDS = ("tag_", "pos_", "morph", "lemma_", "dep_", "head", "ent_iob_", "ent_type_")


def article_files(sources: list[Path]) -> list[Path]:
    """Every ``.txt`` file and document export under the sources, sorted (READMEs left out)."""
    files = []
    for source in sources:
        found = [source] if source.is_file() else source.rglob("*")
        files += [p for p in found if p.is_file() and (p.suffix == ".txt" or p.suffix in ARCHIVE_SUFFIXES)
                  and not p.name.lower().startswith("readme") and "validation" not in p.parts]
    return sorted(files)


def read_all(path: Path) -> list:
    """The articles of one file: an archive export's articles, else the file as one article."""
    if path.suffix in ARCHIVE_SUFFIXES or open_export(path) is not None:
        return list(iter_archive(path))
    return [read_article(path)]


def token_rows(doc) -> list[tuple]:
    """One row per token: text and the compared fields (HEAD as a token index)."""
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


def compare(articles: list, memo, spacy_ruler) -> tuple[int, list[str]]:
    """Tokens compared and one line per token that differs."""
    tokens, diffs = 0, []
    pairs = zip(parse_many(articles, memo), parse_many(articles, spacy_ruler), strict=True)
    for article, (a, b) in zip(articles, pairs, strict=True):
        rows_a, rows_b = token_rows(a), token_rows(b)
        if len(rows_a) != len(rows_b):
            diffs.append(f"{article.id}: {len(rows_a)} tokens against {len(rows_b)}")
            continue
        tokens += len(rows_a)
        diffs += [f"{article.id} token {i}: {ra} != {rb}" for i, (ra, rb) in enumerate(zip(rows_a, rows_b, strict=True))
                  if ra != rb]
    return tokens, diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sources", nargs="*", type=Path, default=list(SOURCES))
    ap.add_argument("--start", type=int, default=0)
    ap.add_argument("--stop", type=int, default=None)
    ap.add_argument("--results", type=Path, help="append this piece's counts as a JSON line")
    ap.add_argument("--total", type=Path, help="only sum the JSON lines of an earlier --results file")
    ap.add_argument("--gemm", action="store_true",
                    help="compare NumPy-BLAS matrix products with blis instead of the memo components")
    args = ap.parse_args(argv)
    if args.total:
        rows = [json.loads(line) for line in args.total.read_text().splitlines() if line.strip()]
        print(f"pieces {len(rows)}, files {sum(r['files'] for r in rows)}, articles "
              f"{sum(r['articles'] for r in rows)}, tokens compared {sum(r['tokens'] for r in rows)}, "
              f"differences {sum(r['differences'] for r in rows)}")
        return 0
    files = article_files(args.sources)[args.start:args.stop]
    if args.gemm:
        memo, spacy_ruler = load_model(memo=True, gemm="numpy"), load_model(memo=True, gemm="blis")
        assert (gemm_of(memo), gemm_of(spacy_ruler)) == ("numpy", "blis")
    else:
        memo, spacy_ruler = load_model(memo=True), load_model(memo=False)
        assert {"memo_attribute_ruler", "cached_lemmatizer"} <= set(memo.pipe_names)
        assert {"attribute_ruler", "lemmatizer"} <= set(spacy_ruler.pipe_names)
    start = time.process_time()
    articles = [a for path in files for a in read_all(path)]
    tokens, diffs = compare(articles, memo, spacy_ruler)
    for line in diffs[:50]:
        print(line)
    row = {"compared": "gemm" if args.gemm else "memo", "start": args.start, "stop": args.stop, "files": len(files), "articles": len(articles),
           "tokens": tokens, "differences": len(diffs), "cpu_s": round(time.process_time() - start, 1),
           "load": os.getloadavg()[0]}
    print(json.dumps(row))
    if args.results:
        with args.results.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row) + "\n")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
