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
        n_process: worker processes (local) or LocalCluster workers (Dask).
        force_n_process: allow more worker processes than the machine has cores.
        batch_size: articles per ``nlp.pipe`` batch.
        chunk_size: articles per chunk (the unit written to disk and resumed).
        scheduler: a ``dask.distributed`` scheduler address (Dask engine).
        text_column, id_column, title_column: columns of corpus files.
        report: write ``report.html``.
        timeout: seconds one article may take, cleaning included (None: no limit).
        progress: show a progress bar on stderr.
        disable_rules: names of extraction rules switched off for this run.
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
    n_process: int | None = None
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
        try:
            disable = check_disable(self.disable_rules)
        except ValueError as exc:
            raise OptionsError(str(exc)) from None
        object.__setattr__(self, "disable_rules", disable)
        for name in ("include", "exclude"):
            object.__setattr__(self, name, _check_patterns(name, getattr(self, name)))
        for name in ("batch_size", "chunk_size"):
            _check_count(name, getattr(self, name))
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

    def workers(self) -> tuple[int, str | None]:
        """Worker processes to start, and a warning when the request was capped.

        More processes than cores only slow a run down (each loads the model
        and they compete for the same cores), so ``n_process`` is capped at the
        number of cores unless ``force_n_process`` is set.
        """
        wanted = self.n_process or 1
        cores = os.cpu_count() or 1
        if wanted <= cores or self.force_n_process:
            return wanted, None
        return cores, (f"--n-process {wanted} is more than the {cores} core(s) of this "
                       f"machine: using {cores} (--force-n-process to insist)")


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


__all__ = ["DEFAULT_CHUNK_SIZE", "DEFAULT_TIMEOUT", "ENGINES", "FORMATS", "OptionsError",
           "RunOptions", "check_timeout"]
