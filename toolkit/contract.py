"""The output contract: table names and their columns, in order.

These names and columns are public API (documented in the README). Every table
starts with ``article_id``. The CLI writes each as ``<name>.csv`` (or Parquet);
``toolkit.analyze(...)`` returns the same columns as pandas DataFrames.
Change this deliberately, never by accident: ``tests/test_contract.py`` pins it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "source_path", "source_id", "title", "authors", "author_roles",
                 "published", "dateline", "paragraphs", "words", "removed_lines", "outlet",
                 "section", "length_words", "archive_id"),
    "removed": ("article_id", "line", "text", "reason"),
    "sentences": ("article_id", "sentence", "paragraph", "kind", "start_char",
                  "end_char", "text"),
    "actors": ("article_id", "actor", "type", "mentions", "aliases", "description",
               "source"),
    "mentions": ("article_id", "actor", "text", "start_char", "end_char", "sentence"),
    "quotes": ("article_id", "speaker", "speaker_actor", "cue", "quote", "kind",
               "sentence", "start_char", "end_char", "rule"),
    "figures": ("article_id", "value", "text", "qualifier", "unit", "what", "source",
                "sentence", "start_char", "end_char", "rule"),
    "timeline": ("article_id", "text", "date", "sentence", "start_char", "end_char",
                 "event"),
    "cooccurrence": ("article_id", "actor_a", "actor_b", "weight"),
    "terms": ("article_id", "term", "count"),
}

# Columns holding integers; missing values stay empty instead of becoming floats.
INT_COLUMNS = {"paragraphs", "words", "removed_lines", "length_words", "line", "sentence", "paragraph",
               "start_char", "end_char", "mentions", "weight", "count"}

# Joined lists inside one cell (authors, aliases).
LIST_SEP = "; "


def rows_from(name: str, objects: Iterable) -> list[dict]:
    """Row dicts of table ``name`` from objects whose attributes are its columns.

    Example:
        >>> from types import SimpleNamespace
        >>> rows_from("terms", [SimpleNamespace(term="tide", count=2)])
        [{'article_id': None, 'term': 'tide', 'count': 2}]
    """
    columns = TABLES[name]
    return [{c: getattr(o, c, None) for c in columns} for o in objects]


def empty(name: str) -> pd.DataFrame:
    """An empty table with the contract's columns for ``name``."""
    return frame(name, [])


def frame(name: str, rows: Iterable[Mapping], *, article_id: str | None = None) -> pd.DataFrame:
    """Build the contract table ``name`` from row mappings.

    Keys not in the contract are ignored, missing keys become empty; when
    ``article_id`` is given it fills that column.

    Example:
        >>> frame("terms", [{"term": "harbour", "count": 3}], article_id="a1")
          article_id     term  count
        0         a1  harbour      3
    """
    columns = TABLES[name]
    rows = rows if isinstance(rows, list) else list(rows)
    n = len(rows)
    data = {}
    for c in columns:
        # Columns are built with their final dtype at once: this runs ten times per
        # article, so per-column astype() copies would dominate small articles.
        values = [article_id] * n if c == "article_id" and article_id is not None \
            else [r.get(c) for r in rows]
        if c in INT_COLUMNS:
            data[c] = pd.array(values, dtype="Int64")
        elif c == "value":
            data[c] = pd.Series(values, dtype="float64")
        else:
            data[c] = pd.Series(values, dtype="object")
    return pd.DataFrame(data, columns=list(columns), copy=False)
