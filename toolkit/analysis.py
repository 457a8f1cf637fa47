"""One call from an article to every table of the output contract.

:func:`analyze` chains the stages: parse the cleaned text once with spaCy, then
extract actors, quotes (linked to actors), figures (sourced from quotes),
the timeline, co-occurrence and terms. Every table is a DataFrame with the
contract's columns (see :mod:`toolkit.contract`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from . import actors as actors_mod
from . import contract
from . import cooccurrence as cooc_mod
from . import figures as figures_mod
from . import frequency as freq_mod
from . import quotes as quotes_mod
from .article import Article
from .nlp import load_model, paragraph_of, parse

DEFAULT_OPTIONS = {"window": "sentence"}


@dataclass
class Analysis:
    """Everything the toolkit found in one article.

    The contract tables are attributes (``analysis.actors``,
    ``analysis.quotes``, ...); the extracted objects behind them stay
    available for plots and reports (``actor_list``, ``quote_list``, ...).
    """

    article: Article
    doc: Doc
    tables: dict[str, pd.DataFrame]
    actor_list: list = field(default_factory=list)
    quote_list: list = field(default_factory=list)
    figure_list: list = field(default_factory=list)
    date_list: list = field(default_factory=list)
    options: dict = field(default_factory=dict)

    def __getattr__(self, name: str) -> pd.DataFrame:
        tables = self.__dict__.get("tables", {})
        if name in tables:
            return tables[name]
        raise AttributeError(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.tables))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.tables.items())
        return f"<Analysis {self.article.id!r}: {sizes}>"


def _as_article(obj) -> Article:
    if isinstance(obj, Article):
        return obj
    from .read import read_article
    return read_article(obj)


def analyze(article: Article | str | Path, *, nlp: Language | None = None,
            window: str | int = "sentence") -> Analysis:
    """Analyse one article (an :class:`Article`, a path, or raw text).

    Example:
        >>> result = analyze("data/articles/<article>.txt")
        >>> list(result.actors.columns)
        ['article_id', 'actor', 'type', 'mentions', 'aliases', 'description']
    """
    article = _as_article(article)
    doc = parse(article, nlp or load_model())
    return analyze_doc(article, doc, window=window)


def analyze_doc(article: Article, doc: Doc, *, window: str | int = "sentence") -> Analysis:
    """Run the extraction stages over an already parsed ``doc`` of ``article``."""
    aid = article.id
    actors = actors_mod.extract_actors(doc)
    quotes = quotes_mod.extract_quotes(doc, actors=actors)
    figures = figures_mod.extract_figures(doc, quotes=quotes)
    dates = figures_mod.extract_dates(doc, published=article.published)

    def with_id(df: pd.DataFrame) -> pd.DataFrame:
        # Stage tables are fresh frames: fill the id in place rather than copying.
        df["article_id"] = pd.Series([aid] * len(df), index=df.index, dtype="object")
        return df

    tables = {
        "articles": articles_table([article]),
        "removed": removed_table(article),
        "sentences": sentences_table(doc, aid),
        "actors": with_id(actors_mod.actors_table(actors)),
        "mentions": with_id(actors_mod.mentions_table(actors)),
        "quotes": with_id(quotes_mod.quotes_table(quotes)),
        "figures": with_id(figures_mod.figures_table(figures)),
        "timeline": with_id(figures_mod.timeline_table(dates)),
        "cooccurrence": with_id(cooc_mod.cooccurrence_table(doc, actors, window=window)),
        "terms": with_id(freq_mod.terms_table(doc)),
    }
    return Analysis(article=article, doc=doc, tables=tables, actor_list=actors,
                    quote_list=quotes, figure_list=figures, date_list=dates,
                    options={"window": window})


def articles_table(articles: list[Article]) -> pd.DataFrame:
    """One row per article: metadata and size."""
    return contract.frame("articles", [
        {"article_id": a.id, "source_path": a.source_path, "title": a.title,
         "authors": contract.LIST_SEP.join(a.authors), "published": a.published,
         "paragraphs": len(a.paragraphs), "words": a.words, "removed_lines": len(a.removed)}
        for a in articles])


def removed_table(article: Article) -> pd.DataFrame:
    """Every input line that is not body text, with the reason."""
    return contract.frame("removed", [
        {"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed],
        article_id=article.id)


def sentences_table(doc: Doc, article_id: str) -> pd.DataFrame:
    """Sentences with their paragraph, kind and offsets (the join key for ``sentence``)."""
    rows = []
    for i, sent in enumerate(doc.sents):
        para, kind = paragraph_of(doc, sent.start_char)
        text = sent.text.strip()
        start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
        rows.append({"sentence": i, "paragraph": para, "kind": kind, "start_char": start,
                     "end_char": start + len(text), "text": text})
    return contract.frame("sentences", rows, article_id=article_id)
