"""Shared fixtures: the spaCy pipeline is loaded once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

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
