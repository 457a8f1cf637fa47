"""Figures: every number, what it counts and who says so (stub, see issue 5)."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import pandas as pd
from spacy.tokens import Doc

from . import contract


@dataclass
class Figure:
    value: float | None
    text: str
    qualifier: str
    unit: str
    what: str
    source: str
    sentence: int
    start_char: int
    end_char: int


@dataclass
class DateMention:
    text: str
    date: str
    sentence: int
    start_char: int
    end_char: int
    event: str


def extract_figures(doc: Doc, *, quotes=None) -> list[Figure]:
    return []


def extract_dates(doc: Doc, *, published: str | None = None) -> list[DateMention]:
    return []


def figures_table(figures: list[Figure]) -> pd.DataFrame:
    return contract.frame("figures", [asdict(f) for f in figures])


def timeline_table(dates: list[DateMention]) -> pd.DataFrame:
    return contract.frame("timeline", [asdict(d) for d in dates])
