"""Quotes: who said what (stub, see issue 4)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd
from spacy.tokens import Doc

from . import contract


@dataclass
class Quote:
    speaker: str
    speaker_actor: str
    cue: str
    quote: str
    kind: str
    sentence: int
    start_char: int
    end_char: int
    rule: str


def extract_quotes(doc: Doc, *, actors=None) -> list[Quote]:
    return []


def quotes_table(quotes: list[Quote]) -> pd.DataFrame:
    return contract.frame("quotes", [asdict(q) for q in quotes])
