"""Actor co-occurrence: which actors appear together, and how often.

Two actors co-occur in a *window* when mentions of both fall inside it. The
window is a sentence (default), a paragraph, or ``N`` tokens. The table lists
each pair once (``actor_a`` < ``actor_b``, by name) with ``weight`` = the number
of windows holding both; an actor never pairs with itself.

For many articles, :func:`corpus_cooccurrence` sums weights (and counts the
articles a pair occurs in); :func:`association` adds pointwise mutual
information, which corrects raw counts for how often each actor is mentioned
at all (two actors mentioned everywhere co-occur often by chance).

Example:
    >>> a = toolkit.analyze(toolkit.article_from_text(
    ...     "Mayor John Smith met the City Council on Monday. John Smith left early."))
    >>> cooccurrence_table(a.doc, a.actor_list).to_dict("records")
    [{'article_id': None, 'actor_a': 'City Council', 'actor_b': 'John Smith', 'weight': 1}]
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable

import pandas as pd
from spacy.tokens import Doc

from . import contract
from .nlp import paragraph_of, sentences

WINDOWS = ("sentence", "paragraph")


def window_name(window: str | int) -> str:
    """How a window is recorded (``manifest.json``): ``"sentence"``, ``"paragraph"``, ``"12 tokens"``."""
    if isinstance(window, int) and not isinstance(window, bool):
        return f"{window} tokens"
    return str(window)


def check_window(window: str | int) -> str | int:
    """Validate a window option; digit strings ("12") become token counts."""
    if isinstance(window, str) and window.strip().isdigit():
        window = int(window.strip())
    if isinstance(window, int) and not isinstance(window, bool):
        if window < 2:  # one token cannot hold two actors
            raise ValueError(f"a token window must be at least 2, not {window}")
        return window
    if window in WINDOWS:
        return window
    raise ValueError(f"window must be 'sentence', 'paragraph' or a number of tokens, not {window!r}")


def _mentions(actors) -> list[tuple[str, object]]:
    """``(actor name, mention)`` for every mention, in text order."""
    pairs = [(a.name, m) for a in actors or [] for m in (getattr(a, "mentions", None) or [])
             if getattr(a, "name", None)]
    pairs.sort(key=lambda p: (p[1].start_char, p[1].end_char, p[0]))
    return pairs


def actor_windows(doc: Doc, actors, *, window: str | int = "sentence") -> list[list[str]]:
    """The actors present in each window that holds at least one mention.

    Sentence windows use the mention's ``sentence``; paragraph windows the
    paragraph its first character lies in. A token window of ``N`` is opened by
    every mention and covers the ``N`` tokens from its first token on (the
    mention included), so each window is anchored to one mention and two
    mentions up to ``N - 1`` tokens apart share a window.

    Returns:
        One sorted list of distinct actor names per window, in text order.
    """
    window = check_window(window)
    mentions = _mentions(actors)
    if not mentions:
        return []
    groups: dict[object, set[str]] = defaultdict(set)
    if window == "sentence":
        starts = [s.start_char for s in sentences(doc)] if doc is not None else []
        for name, m in mentions:
            key = m.sentence if isinstance(m.sentence, int) else bisect_right(starts, m.start_char) - 1
            groups[key].add(name)
    elif window == "paragraph":
        for name, m in mentions:
            groups[paragraph_of(doc, m.start_char)[0]].add(name)
    else:
        tok_starts = [t.idx for t in doc]
        positions = [(max(bisect_right(tok_starts, m.start_char) - 1, 0), name)
                     for name, m in mentions]
        for k, (pos, _) in enumerate(positions):
            members = {name for p, name in positions[k:] if p < pos + window}
            groups[k] = members
    return [sorted(groups[k]) for k in sorted(groups)]


def cooccurrence_table(doc: Doc, actors, *, window: str | int = "sentence") -> pd.DataFrame:
    """The contract's ``cooccurrence`` table: actor pairs and how many windows hold both.

    Args:
        doc: the parsed article the actors were found in.
        actors: :class:`~toolkit.actors.Actor` objects with their mentions.
        window: ``"sentence"`` (default), ``"paragraph"`` or an int number of tokens
            (see :func:`actor_windows`).

    Returns:
        DataFrame ``article_id, actor_a, actor_b, weight`` with ``actor_a`` <
        ``actor_b``; heaviest pairs first, then by names. ``article_id`` is empty
        (the analysis fills it).

    Example:
        >>> a = toolkit.analyze(toolkit.article_from_text(
        ...     "Mayor John Smith met the City Council on Monday. John Smith left early."))
        >>> cooccurrence_table(a.doc, a.actor_list)[["actor_a", "actor_b", "weight"]]
                actor_a     actor_b  weight
        0  City Council  John Smith       1
    """
    return contract.frame("cooccurrence", cooccurrence_rows(doc, actors, window=window))


def cooccurrence_rows(doc: Doc, actors, *, window: str | int = "sentence") -> list[dict]:
    """The rows of :func:`cooccurrence_table`, as dicts: heaviest pairs first, then by names."""
    weights: Counter[tuple[str, str]] = Counter()
    for names in actor_windows(doc, actors, window=window):
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                weights[(a, b)] += 1
    return [{"actor_a": a, "actor_b": b, "weight": w}
            for (a, b), w in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]


def _actor_mentions(actors_df: pd.DataFrame | Iterable) -> Counter[str]:
    freq: Counter[str] = Counter()
    if isinstance(actors_df, pd.DataFrame):
        for name, n in zip(actors_df["actor"], actors_df["mentions"], strict=False):
            if isinstance(name, str) and pd.notna(n):
                freq[name] += int(n)
    else:
        for a in actors_df:
            freq[a.name] += len(a.mentions)
    return freq


MIN_COUNT = 3


def association(cooc_df: pd.DataFrame, actors_df, *, total: int | None = None,
                min_count: int = MIN_COUNT) -> pd.DataFrame:
    """Add association scores (pointwise mutual information) to a co-occurrence table.

    Scores of pairs seen together fewer than ``min_count`` times (default 3) are
    left empty: from one or two co-occurrences PMI is mostly noise, and rare
    pairs would top a ranking by it. The threshold is stated in the output's
    ``min_count`` column.

    With ``f(a)`` an actor's mentions, ``N`` all mentions of all actors (or
    ``total``) and ``w`` the pair's weight:

    - ``expected`` = ``f(a) * f(b) / N``, the weight if mentions fell at random;
    - ``pmi`` = ``log2(w / expected)``: above 0, more often together than chance;
    - ``npmi`` = ``pmi / -log2(w / N)``, clipped to [-1, 1]: comparable across pairs
      and corpora (1 = always together).

    Args:
        cooc_df: a ``cooccurrence`` table (one article or summed over many).
        actors_df: the matching ``actors`` table(s) (``actor``, ``mentions``), or
            a list of actors; mentions are summed by actor name.
        total: ``N``; defaults to the sum of mentions.
        min_count: score only pairs with at least this weight.

    Returns:
        A copy of ``cooc_df`` with ``expected``, ``pmi``, ``npmi`` and
        ``min_count`` columns (scores empty where an actor's mentions are unknown
        or the pair's weight is below ``min_count``).

    Example:
        >>> a = toolkit.analyze(toolkit.article_from_text(
        ...     "Mayor John Smith met the City Council on Monday. John Smith left early."))
        >>> scored = association(a.cooccurrence, a.actors, min_count=1)
        >>> scored[["actor_a", "actor_b", "weight", "expected", "pmi"]].round(2)
                actor_a     actor_b  weight  expected   pmi
        0  City Council  John Smith       1      0.67  0.58
    """
    freq = _actor_mentions(actors_df)
    n = total or sum(freq.values())
    out = cooc_df.copy()
    scores = [_pair_scores(freq.get(a, 0), freq.get(b, 0), w, n=n, min_count=min_count)
              for a, b, w in zip(out["actor_a"], out["actor_b"], out["weight"], strict=False)]
    expected, pmi, npmi = ([s[i] for s in scores] for i in range(3))
    out["expected"] = pd.Series(expected, index=out.index, dtype="float64")
    out["pmi"] = pd.Series(pmi, index=out.index, dtype="float64")
    out["npmi"] = pd.Series(npmi, index=out.index, dtype="float64")
    out["min_count"] = pd.Series(min_count, index=out.index, dtype="Int64")
    return out


def _cooc_of(item) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    if isinstance(item, pd.DataFrame):
        return item, None
    tables = getattr(item, "tables", None)
    if isinstance(tables, dict) and "cooccurrence" in tables:
        return tables["cooccurrence"], tables.get("actors")
    raise TypeError(f"expected a cooccurrence DataFrame or an Analysis, not {type(item).__name__}")


def corpus_cooccurrence(items, *, how: str = "sum", actors=None,
                        min_articles: int = 1, min_count: int = MIN_COUNT) -> pd.DataFrame:
    """Aggregate co-occurrence over many articles (actors matched by name).

    Args:
        items: :class:`~toolkit.analysis.Analysis` objects or ``cooccurrence``
            tables (any mix), or one concatenated table with ``article_id``.
        how: ``"sum"`` ranks pairs by summed weight; ``"df"`` by the number of
            articles in which the pair co-occurs.
        actors: ``actors`` tables for the association scores when ``items`` are
            plain tables (taken from the analyses otherwise).
        min_articles: keep pairs found in at least this many articles.
        min_count: score (PMI) only pairs with at least this summed weight.

    Returns:
        DataFrame ``actor_a, actor_b, weight, articles`` plus ``expected, pmi,
        npmi, min_count`` when actor mention counts are known (see :func:`association`).

    Example:
        >>> one = toolkit.analyze(toolkit.article_from_text(
        ...     "Mayor John Smith met the City Council on Monday. John Smith left early."))
        >>> two = toolkit.analyze(toolkit.article_from_text(
        ...     "The City Council said John Smith was late. The City Council voted."))
        >>> corpus_cooccurrence([one, two], how="df")[["actor_a", "actor_b", "weight", "articles"]]
                actor_a     actor_b  weight  articles
        0  City Council  John Smith       2         2
    """
    if how not in ("sum", "df"):
        raise ValueError(f"how must be 'sum' or 'df', not {how!r}")
    frames, actor_frames = _split_items(items)
    if actors is not None:
        actor_frames = list(actors) if isinstance(actors, (list, tuple)) else [actors]
    weight, articles = _pair_totals(frames)
    out = _ranked_pairs(weight, articles, how=how, min_articles=min_articles)
    if actor_frames:
        out = association(out, pd.concat(actor_frames, ignore_index=True),
                          min_count=min_count)
    return out


def _pair_scores(fa: int, fb: int, w, *, n: int, min_count: int) -> tuple[float, float, float]:
    """``(expected, pmi, npmi)`` of a pair seen ``w`` times whose actors are mentioned
    ``fa`` and ``fb`` times out of ``n``; NaN where a count is missing, and for the
    scores where ``w`` is below ``min_count``."""
    if not (n and fa and fb and pd.notna(w) and w > 0):
        return math.nan, math.nan, math.nan
    e = fa * fb / n
    if w < min_count:
        return e, math.nan, math.nan
    p = math.log2(w / e)
    p_ab = min(w / n, 1.0)
    return e, p, 1.0 if p_ab >= 1.0 else max(-1.0, min(1.0, p / -math.log2(p_ab)))

def _split_items(items) -> tuple[list[pd.DataFrame], list[pd.DataFrame]]:
    """Per-article ``cooccurrence`` tables and the ``actors`` tables that came with them."""
    if isinstance(items, pd.DataFrame):
        frames = ([g for _, g in items.groupby(items["article_id"].astype(str), sort=True)]
                  if "article_id" in items.columns else [items])
        return frames, []
    frames, actor_frames = [], []
    for item in items:
        df, act = _cooc_of(item)
        frames.append(df)
        if act is not None:
            actor_frames.append(act)
    return frames, actor_frames


def _pair_totals(frames) -> tuple[Counter, Counter]:
    """Summed weight and number of articles per unordered actor pair (self-pairs dropped)."""
    weight: Counter[tuple[str, str]] = Counter()
    articles: Counter[tuple[str, str]] = Counter()
    for df in frames:
        seen = set()
        for a, b, w in zip(df["actor_a"], df["actor_b"], df["weight"], strict=False):
            if not (isinstance(a, str) and isinstance(b, str)) or a == b or pd.isna(w):
                continue
            key = (a, b) if a < b else (b, a)
            weight[key] += int(w)
            seen.add(key)
        for key in seen:
            articles[key] += 1
    return weight, articles


def _ranked_pairs(weight: Counter, articles: Counter, *, how: str,
                  min_articles: int) -> pd.DataFrame:
    """The ``actor_a, actor_b, weight, articles`` table, ranked by ``how``."""
    rows = [{"actor_a": a, "actor_b": b, "weight": weight[(a, b)], "articles": articles[(a, b)]}
            for (a, b) in weight if articles[(a, b)] >= min_articles]
    if how == "sum":
        rows.sort(key=lambda r: (-r["weight"], -r["articles"], r["actor_a"], r["actor_b"]))
    else:
        rows.sort(key=lambda r: (-r["articles"], -r["weight"], r["actor_a"], r["actor_b"]))
    out = pd.DataFrame(rows, columns=["actor_a", "actor_b", "weight", "articles"])
    for c in ("weight", "articles"):
        out[c] = out[c].astype("Int64")
    return out
