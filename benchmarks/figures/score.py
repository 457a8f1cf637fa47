"""Score figure extraction against hand-annotated articles.

Each JSON file under one of :data:`SPLITS` (``dev/``, ``heldout/``,
``written/``, ``dev2/``, ``heldout2/``, ``heldout3/``) names one article,
either by path (``article``, relative to the repository root: the BBC and
Reuters texts under ``../shared/corpora``) or by its own text (``paragraphs``,
for the short articles written for this benchmark), and lists every quantity
a careful reader finds in its body under ``figures``:

* ``text``: the figure as written (``occurrence`` picks the n-th match when
  the same text repeats);
* ``value``: the number with its scale applied (``695 mln dlrs`` ->
  695000000; a share as 0-1), ``null`` where no single number is meant
  (scores, vague amounts);
* ``unit``: ``percent``, an ISO currency code, ``share``, a measure
  (``tonnes``, ``bpd``, ...) or ``""`` for a count;
* ``what``: acceptable names of what is counted, best first (``["*"]``:
  anything non-empty; ``["age"]`` for an apposed age);
* ``source``: who the text attributes the figure to (or a list of acceptable
  names), ``""`` when no one.

``not_scored`` lists texts that are debatable as figures (a referential
"the two firms", a duration): a prediction on them is neither right nor wrong.

Measures, per split:

* **recall**: gold figures overlapped by a predicted row (one to one);
* **precision**: predicted rows that overlap a gold figure, among those that
  do not fall on a ``not_scored`` text;
* **what**: matched figures whose predicted ``what`` holds every word of one
  of the gold forms (case, plural ``s`` and possessives ignored; ``*``
  accepts any non-empty ``what``);
* **source**: matched figures with a gold source whose predicted source
  names it (the words of one contain all the other's); **spurious
  sources** counts predicted sources where the text gives none;
* **value** and **unit**: matched figures whose value (within 0.1%) and unit
  agree, where the gold gives them.

Splits: ``dev`` (tuned on); ``heldout``, scored once before and once after
the round whose rules were tuned on ``dev``, is development data now;
``written`` (short articles written for this benchmark); ``dev2`` (new
development articles); ``heldout2`` (annotated by reading before the sixth
round's figure rules), scored once before and once after the sixth round,
is development data now; ``heldout3`` (annotated by reading before the
seventh round's figure rules) is the held-out split: it is scored only when
named, once, at the end of the round. With no split named, every split but
``heldout3`` is scored (:data:`DEV_SPLITS`).

Run from the repository root::

    python benchmarks/figures/score.py [dev heldout written dev2 heldout2 heldout3] \
        [--verbose] [--spacy]

``--spacy`` scores raw spaCy number entities (CARDINAL, MONEY, PERCENT,
QUANTITY in body sentences) for comparison; they carry no ``what`` or source.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SPLITS = ("dev", "heldout", "written", "dev2", "heldout2", "heldout3")
HELD_OUT = ("heldout3",)
"""Splits scored only when named: held out until the end of a round."""
DEV_SPLITS = tuple(s for s in SPLITS if s not in HELD_OUT)
"""The splits scored by default: development data (``heldout`` and ``heldout2``
are, each since its round)."""
_WORD = re.compile(r"[\w'-]+")
_SKIP = {"the", "a", "an", "of", "mr", "mrs", "ms", "dr"}
_SPACY_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_PREFIX = "../shared/corpora/"


def corpus_path(ref: str) -> Path:
    """The file an ``article`` reference names: ``../shared/corpora/...`` from the
    repository root, or from the folder above it (a checkout one level deeper)."""
    rest = ref.removeprefix(_PREFIX)
    for base in (ROOT.parent / "shared" / "corpora", ROOT.parent.parent / "shared" / "corpora"):
        if (base / rest).is_file():
            return base / rest
    raise FileNotFoundError(f"{ref}: not found next to {ROOT} (is ../shared there?)")


def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


def words(text: str) -> set[str]:
    """Normalised content words.

    Example:
        >>> sorted(words("The firm's shares"))
        ['firm', 'share']
    """
    return {_norm(w) for w in _WORD.findall(text or "") if w.lower() not in _SKIP}


def what_matches(gold: list[str], predicted: str) -> bool:
    """Whether ``predicted`` names one of the gold forms of what is counted.

    Example:
        >>> what_matches(["pre-tax profits", "profits"], "pre-tax profits rose")
        True
        >>> what_matches(["shares"], "rose"), what_matches(["*"], "rose")
        (False, True)
    """
    got = words(predicted)
    for form in gold:
        if form == "*":
            if got:
                return True
        elif form == "":
            if not got:
                return True
        elif words(form) and words(form) <= got:
            return True
    return False


def source_matches(gold: str, predicted: str) -> bool:
    """Whether a predicted source names the gold one.

    Example:
        >>> source_matches("Oliver Letwin", "Mr Letwin"), source_matches("MCI", "he")
        (True, False)
    """
    g, p = words(gold), words(predicted)
    return bool(g and p) and (g <= p or p <= g)


@dataclass
class Tally:
    articles: int = 0
    gold: int = 0
    predicted: int = 0
    ignored: int = 0
    matched: int = 0
    what_ok: int = 0
    source_n: int = 0
    source_ok: int = 0
    spurious_source: int = 0
    value_n: int = 0
    value_ok: int = 0
    unit_ok: int = 0
    misses: list[str] = field(default_factory=list)

    def row(self, name: str) -> dict:
        def r(a: int, b: int) -> float | None:
            return round(a / b, 3) if b else None
        scored = self.predicted - self.ignored
        return {"split": name, "articles": self.articles, "gold": self.gold,
                "predicted": scored, "recall": r(self.matched, self.gold),
                "precision": r(self.matched, scored), "what": r(self.what_ok, self.matched),
                "source": r(self.source_ok, self.source_n),
                "spurious_sources": self.spurious_source,
                "value": r(self.value_ok, self.value_n), "unit": r(self.unit_ok, self.matched)}


def _occurrence(text: str, needle: str, n: int) -> tuple[int, int]:
    start = -1
    for _ in range(n):
        start = text.find(needle, start + 1)
        if start < 0:
            raise ValueError(f"annotation text not in the article: {needle!r} (#{n})")
    return start, start + len(needle)


def _all_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)]


def _analyse(item: dict, *, spacy_only: bool):
    import toolkit
    from toolkit.nlp import body_sentences
    if "article" in item:
        article = toolkit.read_article(corpus_path(item["article"]))
    else:
        article = toolkit.article_from_text("\n\n".join(item["paragraphs"]))
    result = toolkit.analyze(article)
    if not spacy_only:
        return article.text, result.figures.to_dict("records")
    rows = []
    for _, sent in body_sentences(result.doc):
        for ent in sent.ents:
            if ent.label_ in _SPACY_LABELS:
                rows.append({"start_char": ent.start_char, "end_char": ent.end_char,
                             "text": ent.text, "what": "", "source": "", "value": None,
                             "unit": ""})
    return article.text, rows


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score_item(item: dict, tally: Tally, *, spacy_only: bool = False, label: str = "") -> None:
    text, rows = _analyse(item, spacy_only=spacy_only)
    tally.articles += 1
    preds = [((int(r["start_char"]), int(r["end_char"])), r) for r in rows]
    taken: set[int] = set()
    for g in item["figures"]:
        span = _occurrence(text, g["text"], g.get("occurrence", 1))
        tally.gold += 1
        best = max(((_overlap(span, p[0]), i) for i, p in enumerate(preds) if i not in taken),
                   default=(0, -1))
        if best[0] == 0:
            tally.misses.append(f"{label}: MISSED {g['text']!r}")
            continue
        taken.add(best[1])
        _score_pair(g, preds[best[1]][1], tally, label)
    ignore = [s for t in item.get("not_scored", []) for s in _all_occurrences(text, t)]
    tally.predicted += len(preds)
    for i, (span, row) in enumerate(preds):
        if i in taken:
            continue
        if any(_overlap(span, s) for s in ignore):
            tally.ignored += 1
        else:
            tally.misses.append(f"{label}: FALSE {row['text']!r}")


def _score_pair(g: dict, row: dict, tally: Tally, label: str) -> None:
    tally.matched += 1
    what = row.get("what") or ""
    if what_matches(g["what"], what):
        tally.what_ok += 1
    else:
        tally.misses.append(f"{label}: WHAT {g['text']!r} gold {g['what'][0]!r} got {what!r}")
    source = row.get("source") or ""
    forms = g["source"] if isinstance(g["source"], list) else [g["source"]]
    if any(forms):
        tally.source_n += 1
        if any(source_matches(f, source) for f in forms):
            tally.source_ok += 1
        else:
            tally.misses.append(f"{label}: SOURCE {g['text']!r} gold {g['source']!r} "
                                f"got {source!r}")
    elif source:
        tally.spurious_source += 1
        tally.misses.append(f"{label}: SPURIOUS SOURCE {g['text']!r} got {source!r}")
    value = row.get("value")
    if g["value"] is not None:
        tally.value_n += 1
        if value is not None and value == value and abs(value - g["value"]) <= 1e-3 * max(
                1.0, abs(g["value"])):
            tally.value_ok += 1
        else:
            tally.misses.append(f"{label}: VALUE {g['text']!r} gold {g['value']} got {value}")
    if (row.get("unit") or "") == g["unit"]:
        tally.unit_ok += 1
    else:
        tally.misses.append(f"{label}: UNIT {g['text']!r} gold {g['unit']!r} "
                            f"got {row.get('unit')!r}")


def score(split: str, *, spacy_only: bool = False) -> Tally:
    """Score every annotated article of ``split``."""
    tally = Tally()
    for path in sorted((HERE / split).glob("*.json")):
        item = json.loads(path.read_text(encoding="utf-8"))
        score_item(item, tally, spacy_only=spacy_only, label=f"{split}/{path.stem}")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("splits", nargs="*", default=list(DEV_SPLITS),
                        help=f"any of {', '.join(SPLITS)} (default: {' '.join(DEV_SPLITS)}; "
                             f"{', '.join(HELD_OUT)} only when named, at the end of a round)")
    parser.add_argument("--verbose", action="store_true", help="list every miss")
    parser.add_argument("--spacy", action="store_true",
                        help="score raw spaCy number entities instead")
    args = parser.parse_args(argv)
    for split in args.splits:
        if split not in SPLITS:
            print(f"unknown split: {split} (choose from {', '.join(SPLITS)})", file=sys.stderr)
            return 2
    for split in args.splits:
        tally = score(split, spacy_only=args.spacy)
        print(json.dumps(tally.row(split)))
        if args.verbose:
            print("\n".join(tally.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
