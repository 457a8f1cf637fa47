"""One call from an article to every table of the output contract.

:func:`analyze` chains the stages: parse the cleaned text once with spaCy, then
extract actors, quotes (linked to actors), figures (sourced from quotes),
the timeline, co-occurrence and terms. Every table is a DataFrame with the
contract's columns (see :mod:`toolkit.contract`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

from . import actors as actors_mod
from . import contract
from . import cooccurrence as cooc_mod
from . import dates as dates_mod
from . import figures as figures_mod
from . import frequency as freq_mod
from . import quotes as quotes_mod
from .article import Article
from .limits import ArticleTimeout
from .nlp import doc_text, load_model, paragraph_of, parse, sentences
from .rules import check_disable

T = TypeVar("T")


class StageError(RuntimeError):
    """A stage of the analysis raised; ``stage`` names it, ``__cause__`` is the original.

    Example:
        >>> err = StageError("quotes", KeyError("speaker"))
        >>> err.stage, str(err)
        ('quotes', "stage quotes failed: KeyError: 'speaker'")
    """

    def __init__(self, stage: str, error: BaseException):
        super().__init__(f"stage {stage} failed: {one_line(error)}")
        self.stage = stage


def one_line(error: BaseException, *, limit: int = 300) -> str:
    """``Type: message`` of an exception, on one line and at most ``limit`` characters.

    Example:
        >>> one_line(ValueError("bad\\nvalue"))
        'ValueError: bad value'
    """
    text = " ".join(str(error).split())
    summary = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return summary if len(summary) <= limit else summary[: limit - 3] + "..."


def run_stage(name: str, func: Callable[..., T], *args, **kwargs) -> T:
    """Run one stage; an exception comes out as a :class:`StageError` naming it.

    A time limit reached inside the stage (:class:`~toolkit.limits.ArticleTimeout`)
    goes on unwrapped, with the stage noted on it. Nothing is swallowed.

    Example:
        >>> run_stage("terms", len, "abc")
        3
    """
    try:
        return func(*args, **kwargs)
    except ArticleTimeout as timeout:
        timeout.stage = timeout.stage or name
        raise
    except StageError:
        raise
    except Exception as exc:  # re-raised at once, with the stage named
        raise StageError(name, exc) from exc


@dataclass
class Analysis:
    """Everything the toolkit found in one article.

    The contract tables are attributes (``analysis.actors``,
    ``analysis.quotes``, ...), built as DataFrames when first used from the
    rows in :attr:`rows`; the extracted objects behind them stay available
    for plots and reports (``actor_list``, ``quote_list``, ...).
    """

    article: Article
    doc: Doc
    rows: dict[str, list[dict]]
    actor_list: list = field(default_factory=list)
    quote_list: list = field(default_factory=list)
    figure_list: list = field(default_factory=list)
    date_list: list = field(default_factory=list)
    options: dict = field(default_factory=dict)
    corrections: list = field(default_factory=list)  # Outcome of each correction applied

    @classmethod
    def from_tables(cls, article: Article, doc: Doc, tables: dict[str, pd.DataFrame],
                    **kwargs) -> Analysis:
        """An analysis from ready-made tables (missing ones are empty), e.g. for tests."""
        frames = {name: tables.get(name, contract.empty(name)) for name in contract.TABLES}
        rows = {name: df.to_dict("records") for name, df in frames.items()}
        analysis = cls(article=article, doc=doc, rows=rows, **kwargs)
        analysis.__dict__["_frames"] = frames
        return analysis

    @property
    def tables(self) -> dict[str, pd.DataFrame]:
        """Every contract table, by name (built once, on first use)."""
        return {name: self.table(name) for name in contract.TABLES}

    def table(self, name: str) -> pd.DataFrame:
        """The contract table ``name`` as a DataFrame (cached)."""
        cache = self.__dict__.setdefault("_frames", {})
        if name not in cache:
            cache[name] = contract.frame(name, self.rows[name], article_id=self.article.id)
        return cache[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name in contract.TABLES and "rows" in self.__dict__:
            return self.table(name)
        raise AttributeError(name)

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(contract.TABLES))

    def __repr__(self) -> str:
        sizes = ", ".join(f"{k}={len(v)}" for k, v in self.rows.items())
        return f"<Analysis {self.article.id!r}: {sizes}>"


def _as_article(obj, disable_rules: Iterable[str] = ()) -> Article:
    if isinstance(obj, Article):
        return obj
    from .read import read_article
    return read_article(obj, disable_rules=disable_rules)


def analyze(article: Article | str | Path, *, nlp: Language | None = None,
            window: str | int = "sentence", disable_rules: Iterable[str] = (),
            corrections=None) -> Analysis:
    """Analyse one article: an :class:`Article`, or the path of a file to read.

    A string is always a path (see :func:`~toolkit.read.read_article`); for
    text you already have, pass ``toolkit.read_text(text)`` (cleaned) or
    ``toolkit.article_from_text(text)`` (as given).

    A stage that fails raises :class:`StageError` (``.stage`` names it; the
    original exception is its ``__cause__``): nothing is silently left out.
    ``disable_rules`` switches rules off by name (see
    :func:`toolkit.rules.list_rules`): cleaning rules (stage ``clean``) when
    ``article`` is a path read here, extraction rules always.

    ``corrections`` (a file path or :class:`~toolkit.corrections.Corrections`)
    are applied to the tables after extraction (see :func:`analyze_doc`).

    Example:
        >>> result = analyze(ARTICLE)  # the path of an article, e.g. "story.txt"
        >>> list(result.actors.columns)
        ['article_id', 'actor', 'type', 'mentions', 'aliases', 'description', 'source']
    """
    disable_rules = check_disable(disable_rules)
    article = _as_article(article, disable_rules)
    doc = run_stage("parse", parse, article, nlp or load_model())
    return analyze_doc(article, doc, window=window, disable_rules=disable_rules,
                       corrections=corrections)


def analyze_doc(article: Article, doc: Doc, *, window: str | int = "sentence",
                disable_rules: Iterable[str] = (), corrections=None) -> Analysis:
    """Run the extraction stages over an already parsed ``doc`` of ``article``.

    Each stage runs through :func:`run_stage`, so an exception in one raises
    a :class:`StageError` naming the stage (the original is its ``__cause__``).

    Args:
        article: The cleaned article ``doc`` was parsed from.
        doc: Its spaCy ``Doc``.
        window: Co-occurrence window (``sentence``, ``paragraph`` or a number
            of tokens).
        disable_rules: Names of extraction rules to switch off (see
            :func:`toolkit.rules.list_rules`); an unknown name raises
            ``ValueError``. Cleaning rules (stage ``clean``) are switched
            off when the article is read (``read_article(path, disable_rules=...)``).
        corrections: A corrections file or loaded
            :class:`~toolkit.corrections.Corrections` (see
            :mod:`toolkit.corrections`): this article's corrections are
            applied to the table rows in a last stage, ``"corrections"``;
            ``Analysis.corrections`` holds what each did. The extracted
            objects (``actor_list``, ...) stay as extracted.
    """
    disable = frozenset(check_disable(disable_rules))
    actors = run_stage("actors", actors_mod.extract_actors, doc, disable=disable)
    quotes = run_stage("quotes", quotes_mod.extract_quotes, doc, actors=actors,
                       disable=disable)
    figures = run_stage("figures", figures_mod.extract_figures, doc, quotes=quotes,
                        disable=disable)
    dates = run_stage("timeline", dates_mod.extract_dates, doc, published=article.published,
                      disable=disable)
    # Rows, not DataFrames: a corpus run builds one frame per table per chunk.
    rows = {
        "articles": article_rows([article]),
        "removed": removed_rows(article),
        "sentences": run_stage("sentences", sentence_rows, doc),
        "actors": run_stage("actors", actors_mod.actor_rows, actors),
        "mentions": run_stage("actors", actors_mod.mention_rows, actors),
        "quotes": contract.rows_from("quotes", quotes),
        "figures": contract.rows_from("figures", figures),
        "timeline": contract.rows_from("timeline", dates),
        "cooccurrence": run_stage("cooccurrence", cooc_mod.cooccurrence_rows, doc, actors,
                                  window=window),
        "terms": run_stage("terms", freq_mod.term_rows, doc),
    }
    for table in rows.values():
        for row in table:
            row["article_id"] = article.id
    outcomes = []
    if corrections is not None:
        rows, outcomes = run_stage("corrections", _corrected, rows, corrections, article,
                                   doc, window)
    return Analysis(article=article, doc=doc, rows=rows, actor_list=actors,
                    quote_list=quotes, figure_list=figures, date_list=dates,
                    options={"window": window, "disable_rules": sorted(disable)},
                    corrections=outcomes)


def _corrected(rows: dict, corrections, article: Article, doc: Doc, window):
    """``rows`` with the article's corrections applied, and their outcomes."""
    from .corrections import Corrections, apply_corrections, read_corrections

    if isinstance(corrections, str | Path):
        corrections = read_corrections(corrections)
    items = corrections.for_article(article.id) if isinstance(corrections, Corrections) \
        else [c for c in corrections if c.article_id == article.id]
    return apply_corrections(rows, items, article_id=article.id, text=article.text, doc=doc,
                             window=window)


def articles_table(articles: list[Article]) -> pd.DataFrame:
    """One row per article: metadata and size."""
    return contract.frame("articles", article_rows(articles))


def article_rows(articles: list[Article]) -> list[dict]:
    """The rows of :func:`articles_table`, as dicts.

    ``author_roles`` joins ``name: role`` pairs (``"Ann Lee: Health Reporter"``);
    ``dateline`` is the place of the story's dateline as written.
    """
    return [{"article_id": a.id, "source_path": a.source_path, "source_id": a.source_id,
             "title": a.title,
             "authors": contract.LIST_SEP.join(a.authors),
             "author_roles": contract.LIST_SEP.join(f"{name}: {role}" for name, role
                                                    in a.author_roles.items()),
             "published": a.published, "dateline": a.dateline,
             "paragraphs": len(a.paragraphs), "words": a.words, "removed_lines": len(a.removed),
             "outlet": a.outlet, "section": a.section, "length_words": a.length_words,
             "archive_id": a.archive_id}
            for a in articles]


def removed_table(article: Article) -> pd.DataFrame:
    """Every input line that is not body text, with the reason."""
    return contract.frame("removed", removed_rows(article), article_id=article.id)


def removed_rows(article: Article) -> list[dict]:
    """The rows of :func:`removed_table`, as dicts."""
    return [{"line": r.line, "text": r.text, "reason": r.reason} for r in article.removed]


def sentences_table(doc: Doc, article_id: str) -> pd.DataFrame:
    """Sentences with their paragraph, kind and offsets (the join key for ``sentence``)."""
    return contract.frame("sentences", sentence_rows(doc), article_id=article_id)


def sentence_rows(doc: Doc) -> list[dict]:
    """The rows of :func:`sentences_table`, as dicts: text stripped, offsets to match."""
    rows = []
    full = doc_text(doc)
    for i, sent in enumerate(sentences(doc)):
        para, kind = paragraph_of(doc, sent.start_char)
        raw = full[sent.start_char:sent.end_char]  # = sent.text, without a token walk
        text = raw.strip()
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        rows.append({"sentence": i, "paragraph": para, "kind": kind, "start_char": start,
                     "end_char": start + len(text), "text": text})
    return rows
