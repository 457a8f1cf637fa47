"""Score quote extraction against the annotated articles in ``articles/``.

Each article is a JSON file: ``paragraphs`` (the clean body, joined by blank
lines as :class:`toolkit.article.Article` does) and ``quotes``, the gold
attributions a careful reader lists: ``quote`` (the exact content text, found in
the body; ``occurrence`` picks the n-th match when it repeats), ``speaker`` (the
source as written, or a list of acceptable forms; the antecedent for a pronoun)
and ``kind`` (``direct``, ``indirect`` or ``according_to``).

Matching is by word-token coverage, as in the Gender Gap Tracker evaluation: a
prediction matches a gold quote when their shared word tokens cover at least
``coverage`` of *both* spans (so an over-long prediction cannot match at 80%).
Pairs are matched one to one, best overlap first. Speaker accuracy is over the
matched pairs: the predicted speaker (or its linked actor) and one gold form
match when the word tokens of one, ignoring case and articles, contain the
other's.

An annotation file may instead name a corpus article by ``path`` (relative to
the corpora folder, ``--corpora``): the article is read and cleaned as the
toolkit reads any file, and the gold quotes are located in its clean text, so
no article text is copied into the repository. Run::

    .venv/bin/python benchmarks/quotes/score.py [--articles DIR [DIR ...]] [--corpora DIR] [--verbose]

Sets: ``articles/`` (short invented articles), ``dev/``, ``dev-heldout/``,
``dev3/``, ``dev4/``, ``heldout2/``, ``heldout3/``, ``heldout4/``,
``heldout5/`` and ``heldout6/`` (real news; all development data now: the
held-out ones were looked at, item by item, in later rounds, or, for
``heldout5/``, scored before and after the fifth round and read item by item
in the sixth, and, for ``heldout6/``, scored as totals before and after the
sixth round) are for tuning; ``heldout/`` (short
invented articles) is held out. The real-news sets are scored only when named
with ``--articles``; :data:`HELD_OUT` names the one kept for the end of the
current round, ``heldout7/`` (annotated by reading before the seventh round's
rule changes, scored as totals only, once, at the end of that round).
Several folders are scored as one set.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
REPO = HERE.parent.parent
#: Where ``path`` annotations are looked up when no ``--corpora`` is given.
CORPORA_CANDIDATES = (REPO / "shared" / "corpora", REPO.parent / "shared" / "corpora")
COVERAGES = (0.3, 0.8)
HELD_OUT = ("heldout7",)
"""Real-news sets annotated before the current round's rule changes and scored
once, at its end (as ``HELD_OUT`` in ``benchmarks/actors/score.py``)."""
KINDS = ("direct", "indirect", "according_to")

_WORD = re.compile(r"\w+")
_SKIP = {"the", "a", "an", "s", "dr", "mr", "mrs", "ms"}


def _get(item, key, default=None):
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def _tokens(item) -> set[tuple[int, int]]:
    """Absolute offsets of the word tokens of an item's quote text."""
    start = _get(item, "start_char", 0) or 0
    return {(start + m.start(), start + m.end()) for m in _WORD.finditer(_get(item, "quote", "") or "")}


def _speaker_words(text: str) -> set[str]:
    text = (text or "").replace("’", "'").lower()
    return {w for w in _WORD.findall(text) if w not in _SKIP}


def speaker_matches(gold_speaker, predicted: Iterable[str]) -> bool:
    """Whether any predicted form names one of the gold speaker forms.

    Example:
        >>> speaker_matches("Mayor Clara Jensen", ["Jensen"])
        True
    """
    golds = gold_speaker if isinstance(gold_speaker, (list, tuple)) else [gold_speaker]
    preds = [p for p in predicted if p is not None]
    for g in golds:
        gw = _speaker_words(g)
        if not gw:
            if all(not _speaker_words(p) for p in preds):
                return True
            continue
        for p in preds:
            pw = _speaker_words(p)
            if pw and (gw <= pw or pw <= gw):
                return True
    return False


def score(gold: list, predicted: list, *, coverage: float) -> dict:
    """Precision, recall, F1 and speaker accuracy of ``predicted`` against ``gold``.

    Items are mappings or objects (e.g. :class:`toolkit.quotes.Quote`) with
    ``quote``, ``start_char``, ``speaker``, ``kind`` and optionally ``doc`` (the
    article id; items only match within one article) and ``speaker_actor``.

    Args:
        gold: the annotated quotes.
        predicted: the extracted quotes.
        coverage: the share (0-1] of each span's word tokens the other must cover.

    Returns:
        A dict with ``precision``, ``recall``, ``f1``, ``speaker_accuracy``,
        ``kind_accuracy``, the counts ``gold``, ``predicted``, ``matched``,
        ``recall_by_kind`` and ``pairs`` (index pairs into gold and predicted).

    Example:
        >>> g = [{"quote": "we will win", "start_char": 0, "speaker": "Ann"}]
        >>> score(g, g, coverage=0.8)["f1"]
        1.0
    """
    gtoks = [_tokens(g) for g in gold]
    ptoks = [_tokens(p) for p in predicted]
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if _get(g, "doc", "") != _get(p, "doc", ""):
                continue
            if not gtoks[gi] or not ptoks[pi]:
                continue
            shared = len(gtoks[gi] & ptoks[pi])
            if not shared:
                continue
            ratio = min(shared / len(gtoks[gi]), shared / len(ptoks[pi]))
            if ratio >= coverage:
                candidates.append((-ratio, gi, pi))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    pairs.sort()
    matched = len(pairs)
    precision = matched / len(predicted) if predicted else (1.0 if not gold else 0.0)
    recall = matched / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    right_speaker = sum(
        speaker_matches(_get(gold[gi], "speaker", ""),
                        [_get(predicted[pi], "speaker", ""), _get(predicted[pi], "speaker_actor", "")])
        for gi, pi in pairs)
    right_kind = sum(_get(gold[gi], "kind") == _get(predicted[pi], "kind") for gi, pi in pairs)
    by_kind = {}
    for kind in KINDS:
        total = [gi for gi, g in enumerate(gold) if _get(g, "kind") == kind]
        if total:
            by_kind[kind] = sum(gi in used_g for gi in total) / len(total)
    return {"coverage": coverage, "gold": len(gold), "predicted": len(predicted),
            "matched": matched, "precision": precision, "recall": recall, "f1": f1,
            "speaker_accuracy": right_speaker / matched if matched else 0.0,
            "kind_accuracy": right_kind / matched if matched else 0.0,
            "recall_by_kind": by_kind, "pairs": pairs}


def default_corpora() -> Path:
    """The first existing corpora folder of :data:`CORPORA_CANDIDATES`."""
    return next((c for c in CORPORA_CANDIDATES if c.is_dir()), CORPORA_CANDIDATES[-1])


def article_text(data: Mapping, *, corpora: Path | None = None):
    """``(body text, Article or None)`` of one annotation: its own paragraphs,
    or the clean text of the corpus article it names by ``path``."""
    if "path" in data:
        from toolkit.read import read_article

        source = Path(corpora or default_corpora()) / data["path"]
        if not source.is_file():
            raise FileNotFoundError(f"annotated article not found: {source} (see --corpora)")
        article = read_article(source)
        return article.text, article
    return (data["text"] if "text" in data else "\n\n".join(data["paragraphs"])), None


def load_article(path: Path, *, corpora: Path | None = None) -> tuple[str, str, list[dict]]:
    """``(article id, body text, gold quotes with offsets)`` from one JSON file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    text, _ = article_text(data, corpora=corpora)
    doc_id = data.get("id", Path(path).stem)
    gold = []
    for q in data["quotes"]:
        start, n = -1, q.get("occurrence", 0)
        for _ in range(n + 1):
            start = text.find(q["quote"], start + 1)
        if start < 0:
            raise ValueError(f"{path}: gold quote not in text: {q['quote']!r}")
        gold.append({**q, "doc": doc_id, "start_char": start,
                     "end_char": start + len(q["quote"])})
    return doc_id, text, gold


def _article(path: Path, text: str, doc_id: str, corpora: Path | None):
    from toolkit.read import article_from_text

    data = json.loads(Path(path).read_text(encoding="utf-8"))
    _, article = article_text(data, corpora=corpora)
    if article is None:
        article = article_from_text(text, article_id=doc_id)
        if article.text != text:
            raise ValueError(f"{path}: paragraphs must be single clean lines")
    return article


def run(articles_dir: Path = ARTICLES, *, nlp=None, corpora: Path | None = None,
        disable: Iterable[str] = ()) -> tuple[list[dict], list[dict]]:
    """Extract quotes from every annotated article: ``(gold, predicted)`` items."""
    from toolkit.actors import extract_actors
    from toolkit.nlp import load_model, make_doc
    from toolkit.quotes import extract_quotes

    nlp = nlp or load_model()
    gold, predicted = [], []
    for path in sorted(Path(articles_dir).glob("*.json")):
        doc_id, text, items = load_article(path, corpora=corpora)
        doc = nlp(make_doc(_article(path, text, doc_id, corpora), nlp))
        gold.extend(items)
        for q in extract_quotes(doc, actors=extract_actors(doc), disable=disable):
            predicted.append({"doc": doc_id, "quote": q.quote, "start_char": q.start_char,
                              "end_char": q.end_char, "speaker": q.speaker,
                              "speaker_actor": q.speaker_actor, "kind": q.kind,
                              "rule": q.rule})
    return gold, predicted


def evaluate(articles_dir: Path = ARTICLES, *, nlp=None, corpora: Path | None = None,
             coverages: Iterable[float] = COVERAGES) -> dict[float, dict]:
    """Scores at each coverage over all annotated articles."""
    gold, predicted = run(articles_dir, nlp=nlp, corpora=corpora)
    return {c: score(gold, predicted, coverage=c) for c in coverages}


def format_table(results: Mapping[float, dict]) -> str:
    head = (f"{'coverage':>8}  {'gold':>4}  {'pred':>4}  {'match':>5}  {'P':>5}  {'R':>5}  "
            f"{'F1':>5}  {'speaker':>7}  {'kind':>5}  "
            + "  ".join(f"R[{k}]" for k in KINDS))
    lines = [head]
    for c, r in results.items():
        by_kind = "  ".join(f"{r['recall_by_kind'].get(k, float('nan')):>{len(k) + 3}.3f}"
                            for k in KINDS)
        lines.append(f"{c:>8.0%}  {r['gold']:>4}  {r['predicted']:>4}  {r['matched']:>5}  "
                     f"{r['precision']:>5.3f}  {r['recall']:>5.3f}  {r['f1']:>5.3f}  "
                     f"{r['speaker_accuracy']:>7.3f}  {r['kind_accuracy']:>5.3f}  {by_kind}")
    return "\n".join(lines)


def _details(gold, predicted, result) -> str:
    pairs = dict(result["pairs"])
    matched_p = set(pairs.values())
    out = []
    for gi, g in enumerate(gold):
        if gi not in pairs:
            out.append(f"MISS  {g['doc']}: [{g['kind']}] {g['speaker']!r}: {g['quote'][:90]!r}")
        else:
            p = predicted[pairs[gi]]
            if not speaker_matches(g["speaker"], [p["speaker"], p["speaker_actor"]]):
                out.append(f"WHO   {g['doc']}: gold {g['speaker']!r} got {p['speaker']!r} "
                           f"({p['rule']}): {g['quote'][:60]!r}")
    for pi, p in enumerate(predicted):
        if pi not in matched_p:
            out.append(f"EXTRA {p['doc']}: [{p['rule']}] {p['speaker']!r}: {p['quote'][:90]!r}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, nargs="+", default=[ARTICLES],
                        help="annotation folders, scored together")
    parser.add_argument("--corpora", type=Path, default=None,
                        help="folder that annotation files' `path` is relative to "
                             "(default: shared/corpora beside or inside the repository)")
    parser.add_argument("--disable-rule", action="append", default=[], metavar="NAME",
                        help="switch a quote rule off, to see what it contributes")
    parser.add_argument("--verbose", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    try:
        gold, predicted = [], []
        for folder in args.articles:
            if not any(Path(folder).glob("*.json")):
                raise FileNotFoundError(f"no annotation files (*.json) in {folder}")
            g, p = run(folder, corpora=args.corpora, disable=args.disable_rule)
            gold += g
            predicted += p
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results = {c: score(gold, predicted, coverage=c) for c in COVERAGES}
    print(format_table(results))
    if args.verbose:
        print()
        print(_details(gold, predicted, results[COVERAGES[0]]))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main())
