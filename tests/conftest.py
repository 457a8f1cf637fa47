"""Shared fixtures: the spaCy pipeline is loaded once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Span

from toolkit.nlp import load_model
from toolkit.read import article_from_text

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "data" / "articles" / "reuters-blinken-ceasefire-push-2024-10-22.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse text you write (already clean; paragraphs split by blank lines) into a Doc."""
    from toolkit.nlp import make_doc

    def _parse(text: str):
        return nlp(make_doc(article_from_text(text), nlp))

    return _parse


@pytest.fixture(scope="session")
def bundled_analysis():
    import toolkit

    return toolkit.analyze(BUNDLED)


# Six short articles of our own, for runs over several files.
TEXTS = [
    "Harbour master Ines Vidal said on Monday that the port would reopen.\n\n"
    "\"We are ready,\" she said.",
    "The city council of Brennet voted to build 300 homes, the mayor Olaf Strand said.",
    "Farmers in the Tarn valley lost about 40 percent of their crop, the union said.",
    "Coach Marta Pol told reporters that her team would play in Lisbon on Sunday.",
    "The museum in Arlow received 1,200 letters from Jonas Weber, its director said.",
    "Rain closed the Kessel road on Friday. Police said no one was hurt.",
]


def write_texts(folder: Path, texts=TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(texts):
        (folder / f"art{i}.txt").write_text(text + "\n", encoding="utf-8")
    return folder


def with_ents(doc, *ents):
    """Replace the model's entities by (first token text, length, label) triples."""
    spans = []
    for word, length, label in ents:
        i = next(t.i for t in doc if t.text == word and not any(
            s.start <= t.i < s.end for s in spans))
        spans.append(Span(doc, i, i + length, label=label))
    doc.ents = spans
    return doc


def actor_rows(doc, **kw):
    """The ``(name, type)`` of every actor ``extract_actors`` finds in ``doc``."""
    from toolkit.actors import extract_actors
    return {(a.name, a.type) for a in extract_actors(doc, **kw)}


def counted_actor_rows(doc, **kw):
    """The ``(name, type, number of mentions)`` of every actor in ``doc``."""
    from toolkit.actors import extract_actors
    return {(a.name, a.type, len(a.mentions)) for a in extract_actors(doc, **kw)}
