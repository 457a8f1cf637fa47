"""Would parsing only candidate sentences pay? The ceiling, measured before building it.

Usage::

    python benchmarks/parse_candidates.py [CORPUS_DIR] [--sample 200] [--every 3]

The dependency parser is needed only for sentences that can hold an
attribution or a figure: a speech or source verb (``toolkit.lexicon``), a
quote mark, a digit or a number word. This script measures, over BBC
articles (every third file, the first ``--sample``):

* the CPU seconds each pipeline component takes (``component.pipe`` over
  the same docs, one component at a time, in pipeline order; CPU time, as
  the machine is shared), and what
  ``senter`` (the model's cheaper sentence segmenter, disabled by default;
  sentences would have to come from it once the parser skips sentences)
  costs beside it;
* the share of sentences, and of tokens, that are candidates;

and from them the best case: every component as now, the parser over the
candidate tokens only, plus ``senter`` for the sentence boundaries. Entity
recognition and lemmas still run on everything. Scattering the parses back
into whole documents would cost more on top of this ceiling.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whole_command import CANDIDATES, corpus_files  # noqa: E402

QUOTES = set('"“”‘’«»')


def candidate(sent, *, figures: bool = True) -> bool:
    """A sentence that can hold an attribution (a speech or source verb, a quote
    mark) or, with ``figures``, a figure (a digit or a number word)."""
    from toolkit import lexicon

    words = set(lexicon.UNIT_WORDS) | set(lexicon.TENS_WORDS) | set(lexicon.SCALE_WORDS)
    verbs = lexicon.SOURCE_VERBS | lexicon.SPEECH_VERBS
    for tok in sent:
        if tok.lemma_.lower() in verbs or QUOTES & set(tok.text):
            return True
        if figures and (tok.lower_ in words or tok.like_num or re.search(r"\d", tok.text)):
            return True
    return False


def timed_components(nlp, texts: list[str]) -> tuple[dict[str, float], list]:
    """Seconds per component over the same docs, and the finished docs."""
    from toolkit.nlp import make_doc
    from toolkit.read import article_from_text

    docs = [make_doc(article_from_text(t, article_id=str(i)), nlp)
            for i, t in enumerate(texts)]
    seconds = {}
    for name, proc in nlp.pipeline:
        start = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else \
            [proc(d) for d in docs]
        seconds[name] = time.process_time() - start
    senter = nlp.get_pipe("senter")
    copies = [nlp.make_doc(d.text) for d in docs]
    tok2vec = nlp.get_pipe("tok2vec")
    copies = list(tok2vec.pipe(copies, batch_size=32))
    start = time.process_time()
    list(senter.pipe(copies, batch_size=32))
    seconds["senter (not in the pipeline now)"] = time.process_time() - start
    return seconds, docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=next((c for c in CANDIDATES if c.is_dir()), CANDIDATES[0]))
    parser.add_argument("--every", type=int, default=3)
    parser.add_argument("--sample", type=int, default=200)
    args = parser.parse_args(argv)
    from toolkit.nlp import load_model, sentences
    from toolkit.read import read_article

    files = corpus_files(args.corpus, args.every, args.sample)
    texts = [read_article(f).text for f in files]
    nlp = load_model()
    timed_components(nlp, texts[:20])  # warm up
    seconds, docs = timed_components(nlp, texts)
    total = sum(v for k, v in seconds.items() if not k.startswith("senter"))
    print(f"{len(docs)} articles; pipeline {total:.2f} s")
    for name, s in seconds.items():
        print(f"  {name:<34} {s:7.2f} s  {s / total:6.1%} of the pipeline")
    for label, figures in (("attributions or figures", True), ("attributions only", False)):
        sents = tokens = cand_sents = cand_tokens = 0
        for doc in docs:
            for sent in sentences(doc):
                sents += 1
                tokens += len(sent)
                if candidate(sent, figures=figures):
                    cand_sents += 1
                    cand_tokens += len(sent)
        share = cand_tokens / tokens
        best = total - seconds["parser"] * (1 - share) + \
            seconds["senter (not in the pipeline now)"]
        print(f"candidates ({label}): {cand_sents / sents:.1%} of {sents} sentences, "
              f"{share:.1%} of {tokens} tokens; best case {best:.2f} s "
              f"({total / best:.3f}x the pipeline's speed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
