"""Rule audit: what each actor rule does to the scores, one rule off at a time.

Parses the annotated articles of the named splits once (kept in a cache
folder, ``--cache``, as pickled docs so later pieces of the audit skip the
parse), then scores :func:`toolkit.actors.extract_actors` with nothing
switched off and with each actor rule switched off in turn, pooling the
splits of each named group. Run it in pieces (``--rules`` takes names, or
``--from``/``--to`` slice the rule list), under ``nice``::

    nice python benchmarks/actors/audit.py --group new=heldout3,heldout4 \\
        --group old=dev,dev2,heldout2,dev3,dev4,dev5,dev6,dev7,dev8,dev9 --from 0 --to 20

Each line: the rule, then per group the change in precision and recall when
the rule is OFF (a positive change: the scores are better without it) and
the number of rows. ``--splits`` prints per split numbers with nothing off.
"""

from __future__ import annotations

import argparse
import copy
import pickle
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

import score as scoring  # noqa: E402


def parsed(split: str, *, corpora: Path, cache: Path, nlp=None) -> list[tuple[dict, object]]:
    """``(annotation, doc)`` of every article of ``split``, parsed once and cached."""
    from toolkit.nlp import load_model, parse
    from toolkit.read import read_article

    path = cache / f"{split}.pkl"
    gold = scoring.load(HERE / split)
    if path.exists():
        docs = pickle.loads(path.read_bytes())
    else:
        nlp = nlp or load_model()
        docs = [parse(read_article(Path(corpora) / art["path"]), nlp) for art in gold]
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(docs))
    return list(zip(gold, docs, strict=True))


def rows_for(pairs, disable=frozenset()) -> list:
    """Actor rows of every doc with the rules in ``disable`` off; each doc's
    ``user_data`` is put back as the parse left it first."""
    from toolkit.actors import extract_actors

    out = []
    for art, doc in pairs:
        saved = copy.copy(doc.user_data)
        for a in extract_actors(doc, disable=frozenset(disable)):
            out.append(scoring.Row(art["doc"], a.name, a.type, list(a.aliases)))
        doc.user_data.clear()
        doc.user_data.update(saved)
    return out


def raw_rows(pairs) -> list:
    """The raw model entity rows, as ``score.py --spacy`` makes them."""
    from toolkit.actors import ACTOR_TYPES
    from toolkit.nlp import body_sentences

    out = []
    for art, doc in pairs:
        seen = set()
        for _, sent in body_sentences(doc):
            for ent in sent.ents:
                if ent.label_ in ACTOR_TYPES and (ent.text, ent.label_) not in seen:
                    seen.add((ent.text, ent.label_))
                    out.append(scoring.Row(art["doc"], ent.text, ent.label_))
    return out


def main(argv: list[str] | None = None) -> int:
    from toolkit.actors import RULE_GROUPS

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--group", action="append", required=True, metavar="NAME=SPLIT,SPLIT")
    p.add_argument("--corpora", type=Path, default=scoring.CORPORA)
    p.add_argument("--cache", type=Path, default=Path("/tmp/actor-audit-docs"))
    p.add_argument("--rules", nargs="*", default=None)
    p.add_argument("--from", dest="start", type=int, default=0)
    p.add_argument("--to", dest="stop", type=int, default=None)
    p.add_argument("--splits", action="store_true", help="per split numbers, nothing off")
    p.add_argument("--verbose", action="store_true", help="wrong rows and misses, nothing off")
    p.add_argument("--spacy", action="store_true", help="with --splits: raw model entities too")
    args = p.parse_args(argv)
    groups = {}
    for g in args.group:
        name, _, splits = g.partition("=")
        groups[name] = [(s, parsed(s, corpora=args.corpora, cache=args.cache))
                        for s in splits.split(",")]
    if args.splits or args.verbose:
        for name, items in groups.items():
            pooled_gold, pooled_rows, pooled_raw = [], [], []
            for split, pairs in items:
                rows = rows_for(pairs)
                gold = [a for a, _ in pairs]
                r = scoring.score(gold, rows)
                print(scoring.format_line(split, r))
                if args.verbose:
                    print("\n".join([*(f"  WRONG {w}" for w in r["wrong"]),
                                     *(f"  MISS  {m}" for m in r["missed"]),
                                     *(f"  SPLIT {m}" for m in r["split_rows"])]))
                if args.spacy:
                    raw = raw_rows(pairs)
                    print(scoring.format_line(f"{split} spaCy", scoring.score(gold, raw)))
                    pooled_raw += raw
                pooled_gold += gold
                pooled_rows += rows
            print(scoring.format_line(f"{name} pooled", scoring.score(pooled_gold, pooled_rows)))
            if args.spacy:
                print(scoring.format_line(f"{name} spaCy", scoring.score(pooled_gold, pooled_raw)))
        return 0
    names = [f.rule_name for group in RULE_GROUPS.values() for f in group]
    chosen = args.rules if args.rules is not None else names[args.start:args.stop]
    pooled = {name: [pair for _, pairs in items for pair in pairs] for name, items in groups.items()}
    base = {name: scoring.score([a for a, _ in pairs], rows_for(pairs))
            for name, pairs in pooled.items()}
    print("base " + " ".join(f"{n}: P {r['precision']:.3f} R {r['recall']:.3f} rows {r['rows']}"
                             for n, r in base.items()), flush=True)
    for rule_name in chosen:
        cells = []
        for n, pairs in pooled.items():
            r = scoring.score([a for a, _ in pairs], rows_for(pairs, {rule_name}))
            cells.append(f"{n} {r['precision'] - base[n]['precision']:+.3f} "
                         f"{r['recall'] - base[n]['recall']:+.3f} {r['rows'] - base[n]['rows']:+d}")
        print(f"{rule_name:<34} " + "  ".join(cells), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
