"""Command line: ``article-toolkit analyze INPUT... --out DIR``.

Bad input gets one line on stderr and exit status 2; nothing is written
half-way. A run over many inputs records articles that fail in
``errors.csv``, goes on, and exits with status 1 if any failed.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from . import __version__

if TYPE_CHECKING:
    from .options import RunOptions

EXIT_OK, EXIT_FAILED_ARTICLES, EXIT_USAGE = 0, 1, 2


def _window(value: str) -> str | int:
    from .cooccurrence import check_window

    try:
        return check_window(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _processes(value: str) -> int | None:
    """``auto`` (None: chosen from the cores and the input) or a whole number."""
    return None if value.strip().lower() == "auto" else _positive(value)


def _seconds(value: str) -> float:
    from .options import OptionsError, check_timeout

    try:
        return check_timeout(float(value)) or 0.0
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, not {value!r}") from None
    except OptionsError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The command line: ``analyze``, ``clean``, ``doctor``, ``rules`` and ``validate``."""
    parser = argparse.ArgumentParser(
        prog="article-toolkit",
        description="Clean news articles and find their actors, quotes, figures and terms.")
    parser.add_argument("--version", action="version", version=f"article-toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    an = sub.add_parser("analyze", help="analyse articles and write the contract tables",
                        description="Analyse articles (files or folders) into tidy tables.")
    _add_analyze_inputs(an)
    _add_analyze_run(an)
    _add_analyze_results(an)
    cl = sub.add_parser("clean", help="print the cleaned text of one article",
                        description="Print an article's cleaned body (and, with --removed, "
                                    "every removed line with its reason); for a news-archive "
                                    "export, each article's after a '# <article_id>' line.")
    cl.add_argument("input", metavar="INPUT")
    cl.add_argument("--removed", action="store_true", help="list removed lines on stderr")
    cl.add_argument("--disable-rule", action="append", metavar="NAME", default=None,
                    help="switch a cleaning rule off by name (repeatable; see "
                         "`article-toolkit rules`, stage clean)")
    sub.add_parser("doctor", help="check Python, the model, a parse and the data",
                   description="Check the set-up and print what to do about each problem.")
    sub.add_parser("rules", help="list every cleaning and extraction rule with what it does",
                   description="List the cleaning and extraction rules in the order they "
                               "apply; any of them can be switched off by name with "
                               "--disable-rule.")
    _add_validate(sub)
    return parser


def _add_analyze_inputs(an: argparse.ArgumentParser) -> None:
    """What ``analyze`` reads: inputs, corpus columns, folder patterns, duplicates."""
    an.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="article files (.txt, .html, .docx, .rtf, .pdf), news-archive "
                         "exports (LexisNexis, Nexis Uni, Factiva: one article per story), "
                         "corpus files (.jsonl, .csv, .parquet: one article per row) or folders")
    an.add_argument("--text-column", default="text", metavar="NAME",
                    help="column holding the article text in corpus files (default: text)")
    an.add_argument("--id-column", default="id", metavar="NAME",
                    help="column holding the article id in corpus files (default: id; "
                         "rows without one get <file>-<line>)")
    an.add_argument("--title-column", default=None, metavar="NAME",
                    help="column holding the headline in corpus files")
    an.add_argument("--include", action="append", default=[], metavar="GLOB",
                    help="in folders, read only files matching this pattern (path or name, "
                         "any case; repeatable)")
    an.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                    help="in folders, skip files matching this pattern, e.g. 'README*' "
                         "(repeatable)")
    an.add_argument("--drop-duplicates", action="store_true",
                    help="leave near-duplicate articles out of the analysis (they are "
                         "listed in duplicates.csv either way)")


def _add_analyze_run(an: argparse.ArgumentParser) -> None:
    """How ``analyze`` runs: model, processes, chunks, time limits, resuming."""
    an.add_argument("--overwrite", action="store_true",
                    help="replace an earlier run in --out (only the files the toolkit wrote "
                         "there are removed)")
    an.add_argument("--model", default=None,
                    help="spaCy model name (default: TOOLKIT_MODEL, else en_core_web_sm)")
    an.add_argument("--resume", action="store_true",
                    help="continue an interrupted run in --out (same inputs and options), "
                         "skipping finished articles")
    an.add_argument("--engine", choices=("local", "dask"), default="local",
                    help="local worker processes (default) or a Dask cluster")
    an.add_argument("--scheduler", metavar="ADDRESS", default=None,
                    help="dask.distributed scheduler address (Dask engine; default: a "
                         "LocalCluster on this machine)")
    an.add_argument("--n-process", type=_processes, default=None, metavar="N|auto",
                    help="worker processes (default auto: one per available core, at most "
                         "8, and 1 for fewer than 100 articles; Dask LocalCluster: one per "
                         "core); a number is capped at the cores; the tables are the same "
                         "whatever the count")
    an.add_argument("--force-n-process", action="store_true",
                    help="start --n-process workers even if that is more than the cores")
    an.add_argument("--batch-size", type=_positive, default=32, help="articles per spaCy batch")
    an.add_argument("--chunk-size", type=_positive, default=50,
                    help="articles per chunk written to disk (the unit --resume restarts from)")
    an.add_argument("--timeout", type=_seconds, default=120.0, metavar="SECONDS",
                    help="time one article's cleaning, and then its analysis, may take "
                         "before it goes to errors.csv and the run goes on (default 120; "
                         "0: no limit; at most one day)")
    an.add_argument("--quiet", action="store_true", help="no progress bar or summary")


def _add_analyze_results(an: argparse.ArgumentParser) -> None:
    """What ``analyze`` writes: the folder, format, window, rules, corrections, report."""
    an.add_argument("--out", required=True, metavar="DIR", help="output folder")
    an.add_argument("--window", type=_window, default="sentence",
                    help="co-occurrence window: sentence (default), paragraph or N tokens")
    an.add_argument("--format", choices=("csv", "parquet"), default="csv",
                    help="table format: csv (one file per table, default) or parquet "
                         "(a folder of parts per table)")
    an.add_argument("--no-report", action="store_true", help="do not write report.html")
    an.add_argument("--corrections", metavar="FILE", default=None,
                    help="corrections file (.csv or .yaml) applied after extraction; counted "
                         "in manifest.json, stale ones reported")
    an.add_argument("--disable-rule", action="append", metavar="NAME", default=None,
                    help="switch a cleaning or extraction rule off by name (repeatable; see "
                         "`article-toolkit rules`); recorded in manifest.json")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from .nlp import ModelError
    from .output import OutputError
    from .read import InputError
    from .validate import ValidationError

    try:
        if args.command == "clean":
            return _clean(args)
        if args.command == "doctor":
            from .doctor import main as doctor

            return doctor()
        if args.command == "rules":
            return _rules()
        if args.command == "validate":
            return _validate(args)
        return _analyze(args)
    except (InputError, OutputError, ModelError, ValidationError) as exc:
        print(f"article-toolkit: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # writing failed: a full disk, a read-only folder...
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"article-toolkit: error: cannot write: {where}{exc.strerror or exc}; finished "
              "chunks are kept (rerun with --resume)", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        if getattr(args, "command", None) == "analyze":
            print("article-toolkit: interrupted; finished chunks are kept: rerun with "
                  "--resume to continue", file=sys.stderr)
        else:
            print("article-toolkit: interrupted", file=sys.stderr)
        return 130


def _clean(args) -> int:
    from pathlib import Path

    from .archives import open_export
    from .options import OptionsError
    from .read import TABLE_SUFFIXES, InputError, read_article
    from .rules import check_disable

    try:
        disable = check_disable(args.disable_rule or ())
    except ValueError as exc:
        raise OptionsError(str(exc)) from None
    if str(args.input).lower().endswith(tuple(TABLE_SUFFIXES)):
        raise InputError(f"{args.input}: a corpus file holds many articles; `clean` prints "
                         "one article file (use `analyze` for a corpus)")
    path = Path(args.input)
    export = open_export(path) if path.is_file() else None
    if export is None or export.layout is None:
        articles = [read_article(args.input, disable_rules=disable)]
    else:  # a news-archive export: each article under a "# <article_id>" line
        articles = export.articles(disable_rules=disable)
    for article in articles:
        if export is not None and export.layout is not None:
            sys.stdout.write(f"# {article.id}\n")
        sys.stdout.write(article.text + "\n")
        if args.removed:
            for r in article.removed:
                print(f"{r.line}\t{r.reason}\t{r.text}", file=sys.stderr)
    return EXIT_OK


def _rules() -> int:
    from .rules import list_rules

    table = list_rules()
    for stage, rows in table.groupby("stage", sort=False):
        print(f"{stage}:")
        for row in rows.itertuples():
            print(f"  {row.group:<10} {row.rule:<28} {row.description}")
    return EXIT_OK


def run_options(args) -> RunOptions:
    """The :class:`~toolkit.options.RunOptions` of an ``analyze`` command line."""
    from .options import RunOptions

    return RunOptions(fmt=args.format, engine=args.engine, model=args.model,
                      window=args.window, n_process=args.n_process,
                      force_n_process=args.force_n_process, batch_size=args.batch_size,
                      chunk_size=args.chunk_size, scheduler=args.scheduler,
                      text_column=args.text_column, id_column=args.id_column,
                      title_column=args.title_column, report=not args.no_report,
                      timeout=args.timeout or None, progress=not args.quiet,
                      disable_rules=tuple(getattr(args, "disable_rule", None) or ()),
                      corrections=getattr(args, "corrections", None),
                      include=tuple(args.include), exclude=tuple(args.exclude),
                      drop_duplicates=args.drop_duplicates)


def _analyze(args) -> int:
    from .runner import run

    summary = run(args.inputs, args.out, overwrite=args.overwrite, resume=args.resume,
                  options=run_options(args))
    for warning in summary.warnings[:20]:
        print(f"article-toolkit: warning: {warning}", file=sys.stderr)
    if len(summary.warnings) > 20:
        print(f"article-toolkit: ... and {len(summary.warnings) - 20} more warnings",
              file=sys.stderr)
    if summary.corrections is not None and not args.quiet:
        print(_corrections_line(summary.corrections), file=sys.stderr)
    for failure in summary.failures[:20]:
        print(f"article-toolkit: failed: {failure.error}", file=sys.stderr)
    if len(summary.failures) > 20:
        print(f"article-toolkit: ... and {len(summary.failures) - 20} more (see errors.csv)",
              file=sys.stderr)
    if not args.quiet:
        for line in summary.read.lines():
            print(line, file=sys.stderr)
        print(str(summary), file=sys.stderr)
    return EXIT_FAILED_ARTICLES if summary.failed else EXIT_OK


def _corrections_line(counts: dict) -> str:
    """One line: what a corrections file did over the whole run (as in manifest.json)."""
    actions = ", ".join(f"{n} {action}" for action, n in counts["by_action"].items())
    return (f"corrections: {counts['applied']} of {counts['corrections']} applied"
            f"{f' ({actions})' if actions else ''}, {counts['rows_changed']} row(s) changed, "
            f"{len(counts['stale'])} stale")


# --------------------------------------------------------------------------- validate


def _add_validate(sub) -> None:
    va = sub.add_parser("validate", help="measure the output against hand coding; corrections",
                        description="Draw a coding sample, score coded sheets, or turn a "
                                    "sheet's fix column into corrections.")
    vs = va.add_subparsers(dest="step", required=True)
    sa = vs.add_parser("sample", help="draw a stratified sample and write a coding sheet")
    sa.add_argument("out_dir", metavar="OUT_DIR", help="an analysis output folder")
    sa.add_argument("--out", required=True, metavar="CODING_DIR", help="new coding folder")
    sa.add_argument("--n", type=_positive, default=100, help="items to code (default 100)")
    sa.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    sa.add_argument("--tables", default="quotes,figures,actors",
                    help="tables to sample, comma-separated (default quotes,figures,actors)")
    sa.add_argument("--articles", type=_positive, default=5,
                    help="sampled articles to read whole for missed items (default 5)")
    sc = vs.add_parser("score", help="precision, recall and agreement from coded sheets")
    sc.add_argument("sheets", nargs="+", metavar="CODING_DIR",
                    help="coded folders or .xlsx sheets, one per coder (first: headline)")
    sc.add_argument("--output", metavar="OUT_DIR", default=None,
                    help="the analysis folder the sample was drawn from, if it has moved "
                         "(default: the folder recorded in the sample)")
    co = vs.add_parser("corrections", help="print a coded sheet's fixes as corrections CSV")
    co.add_argument("sheet", metavar="CODING_DIR", help="a coded folder or .xlsx sheet")


def _validate(args) -> int:
    from pathlib import Path

    from .corrections import write_corrections
    from .sheets import read_coding, sheet_corrections, write_sheet
    from .validate import sample, score, write_scores

    if args.step == "sample":
        drawn = sample(args.out_dir, n=args.n, seed=args.seed, tables=args.tables,
                       articles=args.articles)
        folder = write_sheet(drawn, args.out)
        print(f"sample {drawn.meta['sample_id']}: {len(drawn.items)} items, "
              f"{len(drawn.articles)} articles to read; sheet in {folder}", file=sys.stderr)
        return EXIT_OK
    if args.step == "corrections":
        sys.stdout.buffer.write(write_corrections(sheet_corrections(read_coding(args.sheet))))
        return EXIT_OK
    scores = score(args.sheets, output=args.output)
    first = Path(args.sheets[0])
    json_path, _ = write_scores(scores, first if first.is_dir() else first.parent)
    sys.stdout.write(_score_text(scores))
    print(f"written {json_path} and validation.png", file=sys.stderr)
    return EXIT_OK


def _score_text(scores) -> str:
    p = scores.precision
    lines = [f"{'coder':<12} {'table':<8} {'stratum':<26} {'n':>4} {'precision':>9}  95% CI"]
    for r in p.to_dict("records"):
        lines.append(f"{r['coder']:<12} {r['table']:<8} {r['stratum']:<26} {r['n']:>4} "
                     f"{r['precision']:>9.3f}  [{r['low']:.3f}, {r['high']:.3f}]")
    for r in scores.recall.to_dict("records"):
        if r["recall"] == r["recall"]:
            lines.append(f"recall {r['table']:<8} {r['recall']:.3f}  [{r['low']:.3f}, "
                         f"{r['high']:.3f}]  ({r['missed']} missed in {r['articles']} articles)")
    for r in scores.agreement.to_dict("records"):
        alpha = "n/a" if r["alpha"] != r["alpha"] else f"{r['alpha']:.3f}"
        lines.append(f"agreement {r['table']:<8} alpha {alpha}  percent {r['percent']:.3f}  "
                     f"({r['items']} items, {r['coders']} coders)")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
