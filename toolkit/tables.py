"""Per-article tables joined into corpus tables.

Every analysis holds one table per kind of finding (the output contract);
:func:`corpus_table` puts one kind of all analyses into one DataFrame, with an
optional column grouping the articles (an outlet, a section, a period), so a
corpus question ("who is quoted about the economy, in which outlet?") is a
``groupby`` away. The rows are those the command line writes for the same
articles. :func:`voices` answers the question the quotes lessons keep asking,
for one article or a corpus: who is talked about, and who is heard?

Example:
    >>> import pandas as pd
    >>> from toolkit import contract
    >>> one = contract.frame("actors", [{"actor": "Ana", "type": "PERSON", "mentions": 2}],
    ...                      article_id="bbc-001")
    >>> two = contract.frame("actors", [{"actor": "Ana", "type": "PERSON", "mentions": 1}],
    ...                      article_id="cnn-004")
    >>> corpus_table([one, two], "actors", groups=lambda aid: aid.split("-")[0],
    ...              group_column="outlet")[["article_id", "actor", "mentions", "outlet"]]
      article_id actor  mentions outlet
    0    bbc-001   Ana         2    bbc
    1    cnn-004   Ana         1    cnn
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import pandas as pd

from . import contract


def _table_of(item, name: str) -> pd.DataFrame:
    if isinstance(item, pd.DataFrame):
        return item
    tables = getattr(item, "tables", None)
    if isinstance(tables, dict) and name in tables:
        return tables[name]
    raise TypeError(f"expected an Analysis or a {name!r} DataFrame, not {type(item).__name__}")


def corpus_table(items: Iterable, name: str, *,
                 groups: Mapping[str, str] | Callable[[str], str] | None = None,
                 group_column: str = "group") -> pd.DataFrame:
    """One contract table of many articles, concatenated in input order.

    Args:
        items: :class:`~toolkit.analysis.Analysis` objects, or tables of kind
            ``name`` (any mix).
        name: the contract table (``"actors"``, ``"quotes"``, ``"figures"`` ...).
        groups: a mapping or function from ``article_id`` to a group label; adds
            ``group_column``. An article the mapping lacks gets an empty group.
        group_column: the name of the added column.

    Returns:
        The contract's columns (plus ``group_column``), index 0..n-1; an empty
        table with those columns when there are no rows.

    Raises:
        KeyError: ``name`` is not a contract table.
    """
    if name not in contract.TABLES:
        raise KeyError(f"no contract table {name!r}; one of {', '.join(contract.TABLES)}")
    frames = [_table_of(item, name) for item in items]
    frames = [f for f in frames if len(f)]
    df = pd.concat(frames, ignore_index=True) if frames else contract.empty(name)
    if groups is not None:
        ids = df["article_id"].astype("string")
        label = groups if callable(groups) else (lambda aid: groups.get(aid, ""))
        df[group_column] = pd.Series([label(str(a)) if pd.notna(a) else "" for a in ids],
                                     index=df.index, dtype="object")
    return df


def voices(actors: pd.DataFrame, quotes: pd.DataFrame, *,
           types: Iterable[str] | None = None) -> pd.DataFrame:
    """Who is mentioned and who is quoted: one row per actor.

    Works on the tables of one article or on corpus tables (:func:`corpus_table`).
    An actor is quoted when a quote's ``speaker_actor`` is its name.

    Args:
        actors: an ``actors`` table (``article_id``, ``actor``, ``type``, ``mentions``).
        quotes: the matching ``quotes`` table.
        types: keep only these actor types (``["PERSON"]``); default all.

    Returns:
        DataFrame ``actor, type, articles, mentions, quotes, quoted_in``: the
        articles mentioning the actor, its mentions, the quotes it speaks and the
        articles it is quoted in; most mentioned first, ties by name. An actor
        with ``quotes`` 0 is talked about but never heard.

    Example:
        >>> from toolkit import contract
        >>> acts = contract.frame("actors", [
        ...     {"actor": "Ana", "type": "PERSON", "mentions": 3},
        ...     {"actor": "Tom", "type": "PERSON", "mentions": 2}], article_id="a1")
        >>> qs = contract.frame("quotes", [{"speaker": "she", "speaker_actor": "Ana"}],
        ...                     article_id="a1")
        >>> voices(acts, qs)[["actor", "mentions", "quotes"]]
          actor  mentions  quotes
        0   Ana         3       1
        1   Tom         2       0
    """
    acts = actors if types is None else actors[actors["type"].isin(list(types))]
    mentioned = (acts.assign(mentions=pd.to_numeric(acts["mentions"], errors="coerce").fillna(0))
                 .groupby("actor", sort=True)
                 .agg(type=("type", "first"), articles=("article_id", "nunique"),
                      mentions=("mentions", "sum")))
    spoken = quotes[quotes["speaker_actor"].fillna("").astype(str) != ""]
    heard = spoken.groupby("speaker_actor").agg(quotes=("speaker_actor", "size"),
                                                quoted_in=("article_id", "nunique"))
    out = mentioned.join(heard, how="left").fillna({"quotes": 0, "quoted_in": 0})
    for col in ("articles", "mentions", "quotes", "quoted_in"):
        out[col] = out[col].astype("int64")
    out = out.reset_index().sort_values(["mentions", "actor"], ascending=[False, True],
                                        kind="stable")
    return out.reset_index(drop=True)[["actor", "type", "articles", "mentions", "quotes",
                                       "quoted_in"]]
