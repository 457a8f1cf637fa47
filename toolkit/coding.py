"""A coding sample's record and the words its sheets share.

:func:`toolkit.validate.sample` draws a :class:`Sample`;
:mod:`toolkit.sheets` writes it as sheets to code and reads them back;
:func:`toolkit.validate.score` scores them. All three use the tables a sample
draws from, the columns a coder sees, the three codes and
:class:`ValidationError`, which live here so that neither of the other two
modules has to import the other to know them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

TABLES = ("quotes", "figures", "actors")
SHOW = {  # the columns a coder sees for each table, after item and article_id
    "quotes": ("speaker", "speaker_actor", "cue", "quote", "kind", "rule"),
    "figures": ("text", "value", "qualifier", "unit", "what", "source"),
    "actors": ("actor", "type", "mentions", "aliases", "description"),
}
CODES = ("yes", "no", "partly")


class ValidationError(ValueError):
    """A sample or a coded sheet cannot be used; the message says why (and which row)."""


@dataclass
class Sample:
    """A drawn sample: the items to code, the articles to read whole, and its record.

    ``items`` has one row per sampled item (``item``, ``table``, ``stratum``,
    ``article_id``, ``start_char``, ``end_char``, the shown columns,
    ``context``); ``articles`` one row per article to read for missed items,
    with the toolkit's row count per table; ``meta`` the seed, toolkit
    version, output hashes and ``sample_id``.
    """

    items: pd.DataFrame
    articles: pd.DataFrame
    meta: dict

    def to_json(self) -> dict:
        """Everything needed to check and score a coded sheet later."""
        items = self.items[["item", "table", "stratum", "article_id", "start_char", "end_char",
                            "item_text"]]
        return {"meta": self.meta, "items": _records(items),
                "articles": _records(self.articles.drop(columns=["title"]))}

    @classmethod
    def from_json(cls, data: dict) -> Sample:
        return cls(pd.DataFrame(data["items"]), pd.DataFrame(data["articles"]), data["meta"])


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: _plain(v) for k, v in row.items()} for row in df.to_dict("records")]


def _plain(v):
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return None
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, np.floating):
        return float(v)
    return v


__all__ = ["CODES", "SHOW", "TABLES", "Sample", "ValidationError"]
