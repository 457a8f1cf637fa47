"""Score actor extraction against articles annotated by reading them.

Each annotation is a JSON file in one of :data:`SPLITS`: ``path`` (the
article, relative to the corpora folder, ``../shared/corpora`` by default; the
text itself is not copied into the repository), ``actors`` (every actor a
careful reader lists in the body: ``name``, ``type`` (one type, or a list of
acceptable ones for a name that is fairly read two ways, e.g. a stadium as FAC
or LOC) and ``aliases``, the other forms the text uses) and ``optional``
(names that are neither required nor wrong: events, awards, a dateline city,
the wire's sign-off).

Measures, per split:

* **precision**: the share of actor rows whose name is a form of an annotated
  actor *and* whose type is one the annotation accepts (rows named by an
  optional form are left out);
* **recall**: the share of annotated actors that some row of an accepted type
  names, by its name or one of its aliases;
* **splits**: rows that name an actor another row already names (one actor cut
  in two); they count as right in precision, as in the issue's definition.

``--spacy`` scores the raw model entities (one row per distinct text and label
in the body sentences) in the same way, for comparison. Run::

    .venv/bin/python benchmarks/actors/score.py [--split SPLIT] [--spacy] [--verbose]

``SPLIT`` is one of :data:`SPLITS` (dev, dev2, heldout2, dev3 to dev9, heldout3
to heldout7).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE.parent.parent.parent / "shared" / "corpora"
SPLITS = ("dev", "dev2", "heldout2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8",
          "dev9", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")
"""``dev``; ``dev2`` and ``heldout2``, the first two held-out sets, read since
they were scored; ``dev3`` to ``dev6``, annotated by reading in the third
round, and ``dev7`` to ``dev9``, in the fourth, each scored once before any rule was
checked on it: development data. ``heldout3`` (annotated before the third
round) and ``heldout4`` (before the fourth) were each scored as totals before
and after their round and are development data since. ``heldout5``
(annotated by reading before the fifth round's rule changes) was scored as
totals before and after that round and is development data since, as is
``heldout6`` (annotated by reading before the sixth round's rule changes,
scored as totals before and after that round). ``heldout7`` (annotated by
reading before the seventh round's rule changes) is scored as totals only,
once, at the end of that round."""
HELD_OUT = ("heldout7",)
"""Splits scored only when named with ``--split``."""
DEV_SPLITS = tuple(s for s in SPLITS if s not in HELD_OUT)


@dataclass
class Row:
    """One predicted actor row: its name, type and every surface form."""

    doc: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)


def norm(text: str) -> str:
    """The form under which a name is compared: case, curly quotes, a leading
    "the" and a trailing possessive do not count.

    Example:
        >>> norm("the Bank’s"), norm("BANK")
        ('bank', 'bank')
    """
    text = " ".join(text.replace("’", "'").split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


def _types(actor: Mapping) -> set[str]:
    t = actor["type"]
    return {t} if isinstance(t, str) else set(t)


def _forms(actor: Mapping) -> set[str]:
    return {norm(actor["name"])} | {norm(a) for a in actor.get("aliases", [])}


def load(split_dir: Path) -> list[dict]:
    """The annotations of one split, each with its ``doc`` id (the file stem)."""
    out = []
    for path in sorted(Path(split_dir).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        out.append({**data, "doc": path.stem})
    return out


def score(gold: list[dict], rows: list[Row]) -> dict:
    """Precision, recall and splits of ``rows`` against the annotated articles.

    Example:
        >>> g = [{"doc": "a", "actors": [{"name": "Ann Lee", "type": "PERSON",
        ...       "aliases": ["Lee"]}], "optional": []}]
        >>> r = score(g, [Row("a", "Ann Lee", "PERSON"), Row("a", "Oslo", "GPE")])
        >>> r["precision"], r["recall"]
        (0.5, 1.0)
    """
    right = counted = splits = found = total = 0
    wrong, missed, split_rows = [], [], []
    for art in gold:
        doc_rows = [r for r in rows if r.doc == art["doc"]]
        optional = {norm(o) for o in art.get("optional", [])}
        named: set[int] = set()
        for r in doc_rows:
            hit = next((i for i, a in enumerate(art["actors"]) if norm(r.name) in _forms(a)), None)
            if hit is None and norm(r.name) in optional:
                continue
            counted += 1
            if hit is not None and r.type in _types(art["actors"][hit]):
                right += 1
                if hit in named:
                    splits += 1
                    split_rows.append(f"{art['doc']}: {r.name!r} {r.type}")
                named.add(hit)
            else:
                wrong.append(f"{art['doc']}: {r.name!r} {r.type}")
        for a in art["actors"]:
            total += 1
            forms, types = _forms(a), _types(a)
            if any(r.type in types and {norm(f) for f in [r.name, *r.aliases]} & forms
                   for r in doc_rows):
                found += 1
            else:
                missed.append(f"{art['doc']}: {a['name']!r} {'/'.join(sorted(types))}")
    return {"articles": len(gold), "gold": total, "rows": counted, "right": right,
            "found": found, "splits": splits,
            "precision": right / counted if counted else 1.0,
            "recall": found / total if total else 1.0, "wrong": wrong, "missed": missed,
            "split_rows": split_rows}


def toolkit_rows(gold: Iterable[dict], *, corpora: Path = CORPORA, nlp=None,
                 disable: Iterable[str] = ()) -> tuple[list[Row], list[Row]]:
    """``(actor rows, raw model entity rows)`` for every annotated article."""
    from toolkit.actors import ACTOR_TYPES, extract_actors
    from toolkit.nlp import body_sentences, load_model, parse
    from toolkit.read import read_article

    nlp = nlp or load_model()
    actors, raw = [], []
    for art in gold:
        doc = parse(read_article(Path(corpora) / art["path"]), nlp)
        for a in extract_actors(doc, disable=frozenset(disable)):
            actors.append(Row(art["doc"], a.name, a.type, list(a.aliases)))
        seen = set()
        for _, sent in body_sentences(doc):
            for ent in sent.ents:
                if ent.label_ in ACTOR_TYPES and (ent.text, ent.label_) not in seen:
                    seen.add((ent.text, ent.label_))
                    raw.append(Row(art["doc"], ent.text, ent.label_))
    return actors, raw


def format_line(label: str, r: Mapping) -> str:
    return (f"{label:<16} {r['articles']:>8} {r['gold']:>5} {r['rows']:>5} "
            f"{r['precision']:>9.3f} {r['recall']:>7.3f} {r['splits']:>6}")


HEADER = f"{'set':<16} {'articles':>8} {'gold':>5} {'rows':>5} {'precision':>9} {'recall':>7} {'splits':>6}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, action="append",
                        help="split(s) to score (default: every development split; "
                             "heldout7 only when named, at the end of a round)")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--spacy", action="store_true", help="also score raw model entities")
    parser.add_argument("--disable-rule", action="append", default=[], metavar="NAME")
    parser.add_argument("--verbose", action="store_true", help="list wrong rows and misses")
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"error: corpora folder not found: {args.corpora} (use --corpora)", file=sys.stderr)
        return 2
    print(HEADER)
    for split in args.split or list(DEV_SPLITS):
        gold = load(HERE / split)
        actors, raw = toolkit_rows(gold, corpora=args.corpora, disable=args.disable_rule)
        result = score(gold, actors)
        print(format_line(f"{split} toolkit", result))
        if args.spacy:
            print(format_line(f"{split} spaCy", score(gold, raw)))
        if args.verbose:
            print("\n".join([*(f"  WRONG {w}" for w in result["wrong"]),
                             *(f"  MISS  {m}" for m in result["missed"]),
                             *(f"  SPLIT {m}" for m in result["split_rows"])]))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main())
