"""The options of a corpus run: one frozen object from the command line to the workers.

The command line builds a :class:`RunOptions`, :func:`toolkit.runner.run` takes
it (or builds it from its keyword arguments), the resume journal stores the
part that decides the tables (:meth:`RunOptions.identity`), the manifest
records :meth:`RunOptions.manifest`, and every worker's chunk task carries it.
No option is copied by hand from one place to the next.
"""

from __future__ import annotations

import dataclasses
import math
import os
from dataclasses import dataclass

from .output import OutputError
from .rules import check_disable

FORMATS = ("csv", "parquet")
ENGINES = ("local", "dask")
# Seconds one article may take from cleaning to its table rows: a rule that
# loops on an odd text must cost one article, not the run.
DEFAULT_TIMEOUT = 120.0
MAX_TIMEOUT = 86_400.0  # one day: a larger limit is a typo, not a wish
DEFAULT_CHUNK_SIZE = 50
AUTO = "auto"
# --n-process auto: at most this many workers (each holds a model, 0.5-0.7 GB) ...
MAX_AUTO_PROCESSES = 8
# ... and one process for fewer articles than this: starting a pool and
# splitting the work costs more than it saves (measured: benchmarks/README.md).
AUTO_MIN_ARTICLES = 100


class OptionsError(OutputError, ValueError):
    """A run option has a value the toolkit cannot use; the message is one line."""


@dataclass(frozen=True)
class RunOptions:
    """Everything that shapes a corpus run, validated once.

    Attributes:
        fmt: table format, ``"csv"`` or ``"parquet"``.
        engine: ``"local"`` (this process or a worker pool) or ``"dask"``.
        model: the spaCy model name (None: the default model).
        window: the co-occurrence window (``"sentence"``, ``"paragraph"`` or N tokens).
        n_process: worker processes (local) or LocalCluster workers (Dask);
            None or ``"auto"``: see :func:`auto_processes` (Dask: one per core).
        force_n_process: allow more worker processes than the machine has cores.
        batch_size: articles per ``nlp.pipe`` batch.
        chunk_size: articles per chunk (the unit written to disk and resumed).
        scheduler: a ``dask.distributed`` scheduler address (Dask engine).
        text_column, id_column, title_column: columns of corpus files.
        report: write ``report.html``.
        timeout: seconds one article may take, cleaning included (None: no limit).
        progress: show a progress bar on stderr.
        disable_rules: names of cleaning and extraction rules switched off for this run.
        corrections: a corrections file applied to the results (None: none).
        include, exclude: glob patterns choosing the files inside folder inputs
            (see :func:`toolkit.inputs.expand_inputs`).
        drop_duplicates: leave near-duplicate articles out of the analysis
            (they are listed in ``duplicates.csv`` either way).

    Example:
        >>> RunOptions(window="paragraph").identity("en_core_web_sm")["window"]
        'paragraph'
        >>> RunOptions(timeout=0).timeout is None
        True
    """

    fmt: str = "csv"
    engine: str = "local"
    model: str | None = None
    window: str | int = "sentence"
    n_process: int | str | None = None
    force_n_process: bool = False
    batch_size: int = 32
    chunk_size: int = DEFAULT_CHUNK_SIZE
    scheduler: str | None = None
    text_column: str = "text"
    id_column: str = "id"
    title_column: str | None = None
    report: bool = True
    timeout: float | None = DEFAULT_TIMEOUT
    progress: bool = False
    disable_rules: tuple[str, ...] = ()
    corrections: str | None = None
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    drop_duplicates: bool = False

    def __post_init__(self) -> None:
        if self.fmt not in FORMATS:
            raise OptionsError(f"format must be one of {', '.join(FORMATS)}, not {self.fmt!r}")
        if self.engine not in ENGINES:
            raise OptionsError(f"engine must be one of {', '.join(ENGINES)}, not {self.engine!r}")
        if self.scheduler and self.engine != "dask":
            raise OptionsError("a scheduler address (--scheduler) needs the Dask engine "
                               "(--engine dask)")
        object.__setattr__(self, "timeout", check_timeout(self.timeout))
        if self.corrections is not None:  # a Path given in Python is recorded as text
            object.__setattr__(self, "corrections", str(self.corrections))
        try:
            disable = check_disable(self.disable_rules)
        except ValueError as exc:
            raise OptionsError(str(exc)) from None
        object.__setattr__(self, "disable_rules", disable)
        for name in ("include", "exclude"):
            object.__setattr__(self, name, _check_patterns(name, getattr(self, name)))
        for name in ("batch_size", "chunk_size"):
            _check_count(name, getattr(self, name))
        if self.n_process == AUTO:
            object.__setattr__(self, "n_process", None)
        if self.n_process is not None:
            _check_count("n_process", self.n_process)

    def replace(self, **changes) -> RunOptions:
        """A copy with some options changed (validated again)."""
        return dataclasses.replace(self, **changes)

    def read_options(self) -> dict:
        """The options of :func:`toolkit.read.iter_table_articles`."""
        return {"text_column": self.text_column, "id_column": self.id_column,
                "title_column": self.title_column}

    def input_options(self) -> dict:
        """The options of :func:`toolkit.inputs.iter_articles` that choose the files."""
        return {"include": self.include, "exclude": self.exclude}

    def identity(self, model_name: str) -> dict:
        """The options that decide the tables: a resumed run must use the same ones."""
        ident = {"format": self.fmt, "window": self.window, "model": model_name,
                 **self.read_options()}
        return {**ident, **self._plugins()}

    def manifest(self) -> dict:
        """The options recorded in ``manifest.json``."""
        return {"window": self.window, "format": self.fmt, "engine": self.engine,
                **self.read_options(), **self._plugins()}

    def _plugins(self) -> dict:
        """Options of optional features, recorded only when used (older runs stay equal)."""
        out: dict = {}
        if self.disable_rules:
            out["disable_rules"] = list(self.disable_rules)
        if self.corrections:
            out["corrections"] = self.corrections
        for name in ("include", "exclude"):
            if getattr(self, name):
                out[name] = list(getattr(self, name))
        if self.drop_duplicates:
            out["drop_duplicates"] = True
        return out

    def workers(self, articles: int | None = None) -> tuple[int, str | None]:
        """Worker processes to start, and a warning when the request was capped.

        Without ``n_process`` the count is :func:`auto_processes` of ``articles``
        (the number of articles to analyse, or an estimate; None: unknown).
        More processes than cores only slow a run down (each loads the model
        and they compete for the same cores), so ``n_process`` is capped at the
        number of cores unless ``force_n_process`` is set.
        """
        if self.n_process is None:
            return auto_processes(articles, chunk_size=self.chunk_size), None
        wanted = self.n_process
        cores = available_cores()
        if wanted <= cores or self.force_n_process:
            return wanted, None
        return cores, (f"--n-process {wanted} is more than the {cores} core(s) of this "
                       f"machine: using {cores} (--force-n-process to insist)")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), else the machine's count."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def auto_processes(articles: int | None, *, chunk_size: int = DEFAULT_CHUNK_SIZE,
                   cores: int | None = None) -> int:
    """The process count of ``--n-process auto`` for a run of ``articles`` articles.

    One process for fewer than :data:`AUTO_MIN_ARTICLES` articles (a pool
    costs more than it saves there); otherwise one per available core, at
    most :data:`MAX_AUTO_PROCESSES`, and no more than there are chunks to share.

    Example:
        >>> auto_processes(20, cores=4), auto_processes(150, cores=4), auto_processes(5000, cores=4)
        (1, 3, 4)
    """
    if articles is not None and articles < AUTO_MIN_ARTICLES:
        return 1
    n = min(cores or available_cores(), MAX_AUTO_PROCESSES)
    if articles is not None:
        n = min(n, math.ceil(articles / chunk_size))
    return max(1, n)


def check_timeout(value: float | None) -> float | None:
    """A validated per-article time limit in seconds (None or 0: no limit).

    Raises:
        OptionsError: a negative, infinite, NaN, tiny or huge value.

    Example:
        >>> check_timeout(2)
        2.0
    """
    if value is None or value == 0:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise OptionsError(f"timeout must be a number of seconds, not {value!r}") from None
    if not math.isfinite(seconds) or seconds < 0:
        raise OptionsError(f"timeout must be a finite number of seconds, not {value!r}")
    if seconds < 0.001 or seconds > MAX_TIMEOUT:
        raise OptionsError(f"timeout must be between 0.001 and {MAX_TIMEOUT:g} seconds "
                           f"(0: no limit), not {value!r}")
    return seconds


def _check_patterns(name: str, value) -> tuple[str, ...]:
    """Glob patterns as a tuple of non-empty strings (one string is one pattern)."""
    patterns = (value,) if isinstance(value, str) else tuple(value or ())
    if not all(isinstance(p, str) and p.strip() for p in patterns):
        raise OptionsError(f"{name} patterns must be non-empty strings, not {value!r}")
    return patterns


def _check_count(name: str, value) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise OptionsError(f"{name} must be a whole number of at least 1, not {value!r}")


__all__ = ["AUTO", "DEFAULT_CHUNK_SIZE", "DEFAULT_TIMEOUT", "ENGINES", "FORMATS", "OptionsError",
           "RunOptions", "auto_processes", "available_cores", "check_timeout"]
