"""The unit of a corpus run: a chunk of articles, analysed wherever it is sent.

:func:`analyze_chunk` parses a chunk's articles with ``nlp.pipe``, runs every
stage over each, and gathers their table rows. It runs in this process, in a
pool worker or on a Dask worker; the model is loaded once per process. An
article that fails (in any stage, or past its time limit) becomes a
:class:`~toolkit.read.Failure` naming the stage, and the others go on: this
module holds the corpus run's one per-article capture (:func:`attempt`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import contract
from .analysis import Analysis, StageError, analyze_doc, one_line
from .article import Article
from .limits import ArticleTimeout, time_limit
from .nlp import load_model, parse_many
from .options import RunOptions
from .read import Failure, InputError
from .store import CleanedTexts
from .tablefiles import part_path, write_parquet


@dataclass
class ChunkTask:
    """A chunk of articles to analyse, the run's options, and where its rows go.

    Attributes:
        chunk: the chunk's number (its place in the run).
        articles: the cleaned articles.
        options: the run's options (model, window, time limit, format...).
        out: the output folder: cleaned texts (and Parquet parts) are written
            there by whoever analyses the chunk; None writes nothing.
        keep: how many full analyses to send back (for the report).
        corrections: the run's :class:`~toolkit.corrections.Corrections`,
            loaded once from ``options.corrections`` (None: none).
    """

    chunk: int
    articles: list[Article]
    options: RunOptions = field(default_factory=RunOptions)
    out: str | None = None
    keep: int = 0
    corrections: object = None


@dataclass
class ChunkResult:
    """What analysing a chunk gave: ids, failures and (for CSV) the rows."""

    chunk: int
    done: list[tuple[str, str | None]]  # (article_id, source_path) of each success
    failures: list[Failure]
    frames: dict[str, pd.DataFrame] | None
    kept: list[Analysis]
    words: int = 0
    corrections: list = field(default_factory=list)  # [where, rows changed, reason] each


def attempt(article_id: str, source: str, func: Callable, /, *args, stage: str,
            timeout: float | None = None, line: int | None = None, **kwargs):
    """``func(*args, **kwargs)`` under the time limit; a failure comes back as a Failure.

    This is the corpus run's per-article capture: whatever one article
    raises (in any stage, or a time limit) is recorded, never swallowed, and
    the run goes on with the next article.

    Example:
        >>> attempt("a1", "a1.txt", int, "x", stage="read").error
        "a1.txt: read failed (ValueError: invalid literal for int() with base 10: 'x')"
    """
    try:
        with time_limit(timeout, stage=stage):
            return func(*args, **kwargs)
    except (Exception, ArticleTimeout) as exc:  # noqa: BLE001 - recorded in errors.csv
        return failure_from(article_id, source, exc, stage=stage, line=line)


def failure_from(article_id: str, source: str, exc: BaseException, *, stage: str,
                 line: int | None = None) -> Failure:
    """The :class:`~toolkit.read.Failure` for an exception raised while handling one article."""
    where = source or article_id
    if isinstance(exc, ArticleTimeout):
        return Failure(article_id, source, f"{where}: {exc}", line, stage="timeout")
    if isinstance(exc, InputError):  # the input itself cannot be used
        return Failure(article_id, source, str(exc), line, stage="read")
    if isinstance(exc, StageError):
        stage, exc = exc.stage, exc.__cause__ or exc
    return Failure(article_id, source, f"{where}: {stage} failed ({one_line(exc)})", line,
                   stage=stage)


def analyze_chunk(task: ChunkTask, *, nlp=None) -> ChunkResult:
    """Analyse one chunk: parse with ``nlp.pipe``, run the stages, gather the rows.

    With ``task.out`` set, cleaned texts are written there, and with Parquet
    the chunk's rows go straight to ``parts/<table>/part-<chunk>.parquet``.
    """
    nlp = nlp or load_model(task.options.model)
    if task.keep:  # analyses go back whole (for the report): their Docs must outlive us
        return _analyze_chunk(task, nlp)
    # Otherwise only rows of plain Python values leave the chunk, so the strings
    # spaCy adds to its vocabulary while parsing can be freed afterwards: memory
    # stays flat over a long corpus instead of growing with every new word.
    with nlp.memory_zone():
        return _analyze_chunk(task, nlp)


def _analyze_chunk(task: ChunkTask, nlp) -> ChunkResult:
    opts = task.options
    # Cleaned texts are known before the parse: they are written while it runs.
    cleaned = CleanedTexts(Path(task.out), [(a.id, a.text) for a in task.articles]) \
        if task.out else None
    results = []
    try:
        for article, doc in zip(task.articles, _parse(task.articles, nlp, opts), strict=True):
            if isinstance(doc, Failure):
                results.append((article, doc))
                continue
            results.append((article, attempt(article.id, article.source_path or "", _analyze_one,
                                             article, doc, opts, task.corrections,
                                             stage="analysis",
                                             timeout=opts.timeout)))
    except BaseException:  # an interrupted chunk leaves no text behind
        if cleaned is not None:
            cleaned.discard()
        raise
    if cleaned is not None:
        cleaned.finish({a.id for a, r in results if not isinstance(r, Failure)})
    return _gather(task, results)


def _analyze_one(article: Article, doc, opts: RunOptions, corrections=None) -> Analysis:
    extra = {"disable_rules": opts.disable_rules} if opts.disable_rules else {}
    if corrections is not None:
        extra["corrections"] = corrections
    return analyze_doc(article, doc, window=opts.window, **extra)


def _parse(articles: list[Article], nlp, opts: RunOptions) -> list:
    """Each article's Doc, or its Failure: a batch that fails is parsed article by article."""
    try:
        with time_limit(opts.timeout and opts.timeout * max(len(articles), 1), stage="parse"):
            return list(parse_many(articles, nlp, batch_size=opts.batch_size))
    except (Exception, ArticleTimeout):  # noqa: BLE001 - find the article that failed
        return [attempt(a.id, a.source_path or "", _parse_alone, a, nlp, stage="parse",
                        timeout=opts.timeout) for a in articles]


def _parse_alone(article: Article, nlp):
    return next(iter(parse_many([article], nlp)))


def _gather(task: ChunkTask, results: list) -> ChunkResult:
    """Rows of every analysed article, one DataFrame per table."""
    rows: dict[str, list[dict]] = {name: [] for name in contract.TABLES}
    done, failures, kept, words, corrected = [], [], [], 0, []
    out = Path(task.out) if task.out else None
    for article, result in results:
        if isinstance(result, Failure):
            failures.append(result)
            continue
        for name in rows:
            rows[name].extend(result.rows[name])
        done.append((article.id, article.source_path))
        words += article.words
        corrected.extend([o.correction.where, o.changed, o.reason] for o in result.corrections)
        if len(kept) < task.keep:
            kept.append(result)
    frames = {name: contract.frame(name, table) for name, table in rows.items()}
    if task.options.fmt == "parquet" and out is not None:
        for name, df in frames.items():
            if len(df):
                write_parquet(df, name, part_path(out, name, task.chunk))
        frames = None
    return ChunkResult(task.chunk, done, failures, frames, kept, words, corrected)


__all__ = ["ChunkResult", "ChunkTask", "analyze_chunk", "attempt", "failure_from"]
