"""Actors: named-entity mentions merged into real-world actors (stub, see issue 3)."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
from spacy.tokens import Doc

from . import contract


@dataclass
class Mention:
    text: str
    start_char: int
    end_char: int
    sentence: int
    label: str = ""


@dataclass
class Actor:
    name: str
    type: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def extract_actors(doc: Doc) -> list[Actor]:
    return []


def actors_table(actors: list[Actor]) -> pd.DataFrame:
    return contract.frame("actors", [
        {"actor": a.name, "type": a.type, "mentions": len(a.mentions),
         "aliases": contract.LIST_SEP.join(a.aliases), "description": a.description}
        for a in actors])


def mentions_table(actors: list[Actor]) -> pd.DataFrame:
    return contract.frame("mentions", [
        {"actor": a.name, "text": m.text, "start_char": m.start_char,
         "end_char": m.end_char, "sentence": m.sentence}
        for a in actors for m in a.mentions])
