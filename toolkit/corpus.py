"""Many articles: batch analysis with ``nlp.pipe``, and the corpus run.

:func:`analyze_corpus` parses articles in batches (the model loaded once per
process) and yields one :class:`~toolkit.analysis.Analysis` per article, in
input order. :func:`run` is what ``article-toolkit analyze`` does: read every
input (text and HTML files, folders, JSONL/CSV/Parquet corpus files), analyse
the articles in chunks, and write each chunk's rows to disk before taking the
next, so memory stays flat however large the corpus.

The run lives in small modules, re-exported here:

* :mod:`toolkit.options` -- :class:`RunOptions`, the one frozen set of options;
* :mod:`toolkit.inputs` -- :func:`iter_articles`, every input read and cleaned;
* :mod:`toolkit.chunks` -- :class:`ChunkTask`, :func:`analyze_chunk`: the unit
  a worker analyses;
* :mod:`toolkit.store` -- the output folder (owned, locked, never through a
  link) and the resume journal;
* :mod:`toolkit.tablefiles` -- CSV tables appended chunk by chunk, Parquet parts;
* :mod:`toolkit.runner` -- :func:`run`: open, commit each chunk, finish.

Layout of an output folder (``--out``):

* ``<table>.csv`` (``--format csv``, the default): one file per contract table.
  While the run goes on the rows are appended to ``.<table>.csv.part``; the
  files are renamed into place when the run finishes.
* ``<table>.parquet/part-NNNNNN.parquet`` (``--format parquet``): each table
  is a *folder* of Parquet parts, one part per chunk of articles (or per Dask
  partition), numbered in input order; ``pandas.read_parquet("out/actors.parquet")``
  reads it as one table. While the run goes on the parts live under
  ``parts/<table>/``.
* ``errors.csv``: one row per article that failed (``article_id``, ``source``,
  ``line``, ``stage``, ``error``); ``line`` is the line of a malformed row in a
  JSONL/CSV corpus file (the row number in a Parquet file).
* ``duplicates.csv``: near-duplicate articles (``article_id``, ``duplicate_of``,
  ``similarity``), see :mod:`toolkit.duplicates`.
* ``cleaned/<article_id>.txt``, ``manifest.json``, ``report.html``,
  ``network.gexf``, ``network.graphml``.
* ``.article-toolkit-run.json``: the marker (the run's options, its inputs and
  every name the toolkit wrote there); ``.article-toolkit.lock``: held while a
  run writes.
* ``.progress``: the run's journal, one JSON line per finished chunk (its
  article ids, failures, input hashes and, for CSV, the table sizes after the
  chunk). A chunk counts as done only once its line is written, after its
  rows are synced to disk. ``--resume`` reads the journal, cuts the tables
  back to the last finished chunk (dropping rows of a chunk that was cut
  short), skips the articles already done and carries on, so rows are never
  duplicated or lost.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from .analysis import Analysis, analyze_doc
from .article import Article
from .chunks import ChunkResult, ChunkTask, analyze_chunk
from .inputs import iter_articles
from .nlp import load_model, model_info, parse_many
from .options import DEFAULT_CHUNK_SIZE, DEFAULT_TIMEOUT, ENGINES, FORMATS, RunOptions
from .read import Failure
from .runner import REPORT_LIMIT, RunSummary, build_manifest, package_versions, run
from .store import PROGRESS, Journal
from .tablefiles import arrow_schema, contract_errors, read_table, write_parquet


def analyze_corpus(articles: Iterable[Article], *, nlp=None, n_process: int = 1,
                   batch_size: int = 32, window: str | int = "sentence",
                   engine: str = "local", client=None,
                   chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[Analysis]:
    """Analyse many articles with ``nlp.pipe``; yields analyses in input order.

    An article whose analysis fails raises (a
    :class:`~toolkit.analysis.StageError` naming the stage); use :func:`run`
    to record failures and go on.

    Args:
        articles: :class:`~toolkit.article.Article` objects (a generator is
            fine: it is consumed as the analyses are taken).
        nlp: a loaded pipeline (default :func:`~toolkit.nlp.load_model`).
        n_process: parser processes for ``nlp.pipe`` (local engine).
        batch_size: articles per ``nlp.pipe`` batch.
        window: the co-occurrence window (``"sentence"``, ``"paragraph"`` or N tokens).
        engine: ``"local"`` or ``"dask"`` (analyses on the cluster of ``client``,
            or on a new ``LocalCluster`` when ``client`` is None).
        chunk_size: articles per Dask partition.

    Example:
        >>> from toolkit.read import article_from_text
        >>> arts = [article_from_text("Ann Lee said it rained.", article_id=f"a{i}")
        ...         for i in range(3)]
        >>> [a.article.id for a in analyze_corpus(arts)]
        ['a0', 'a1', 'a2']
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if engine == "dask":
        from .dask_engine import analyze_corpus_dask

        yield from analyze_corpus_dask(articles, client=client, model=_model_arg(nlp),
                                       window=window, batch_size=batch_size,
                                       chunk_size=chunk_size)
        return
    nlp = nlp or load_model()
    pending: deque[Article] = deque()

    def feed() -> Iterator[Article]:
        for article in articles:
            pending.append(article)
            yield article

    for doc in parse_many(feed(), nlp, batch_size=batch_size, n_process=n_process):
        yield analyze_doc(pending.popleft(), doc, window=window)


def _model_arg(nlp) -> str | None:
    """The name to load ``nlp`` again in another process (None: the default model)."""
    return None if nlp is None else model_info(nlp)["name"]


__all__ = ["DEFAULT_CHUNK_SIZE", "DEFAULT_TIMEOUT", "ENGINES", "FORMATS", "PROGRESS",
           "REPORT_LIMIT", "ChunkResult", "ChunkTask", "Failure", "Journal", "RunOptions",
           "RunSummary", "analyze_chunk", "analyze_corpus", "arrow_schema", "build_manifest",
           "contract_errors", "iter_articles", "package_versions", "read_table", "run",
           "write_parquet"]
