"""Throughput of the full analysis against bare ``nlp.pipe``, and of the Dask engine.

Usage::

    python benchmarks/throughput.py [CORPUS_DIR] [--limit N] [--processes 1,2]
                                    [--dask-workers 1,2] [--batch-size 32]

Every measurement runs in a fresh subprocess, so each peak memory figure
(``ru_maxrss`` of the process; for worker pools, of the largest worker too)
belongs to that measurement alone. Timings exclude loading the model (it is
loaded, and Dask workers are warmed up, before the clock starts).

* ``bare``: ``spacy.load(model).pipe(texts, n_process=N)`` over the raw file
  texts, nothing else.
* ``toolkit``: :func:`toolkit.corpus.run` over the same files: read, clean,
  parse, actors, quotes, figures, timeline, co-occurrence, terms, and writing
  every table as CSV (the report is not written: it is a one-off per run).
* ``dask``: the same run with ``engine="dask"`` on a LocalCluster of N workers.

Words are whitespace-separated words of the raw input files, the same count
for every mode, so the words/s of the modes compare directly.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "bbc" / "bbc"


def corpus_files(folder: Path, limit: int | None) -> list[Path]:
    files = sorted(p for p in folder.rglob("*.txt") if not p.name.lower().startswith("readme"))
    return files[:limit] if limit else files


def peak_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def measure(mode: str, n: int, files: list[Path], batch_size: int, chunk_size: int) -> dict:
    """One measurement, in this process."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    words = sum(len(t.split()) for t in texts)
    extra = {}
    if mode == "bare":
        import spacy

        from toolkit.nlp import model_name

        nlp = spacy.load(model_name())
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n):
            pass
        seconds = time.perf_counter() - start
    else:
        from toolkit.corpus import run
        from toolkit.nlp import load_model

        load_model()
        client = cluster = None
        if mode == "dask":
            from distributed import Client, LocalCluster

            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                   dashboard_address=":0")
            client = Client(cluster)
            client.run(load_model)  # warm the workers: the model loads once per worker
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            summary = run(files, Path(tmp) / "out", n_process=n, batch_size=batch_size,
                          chunk_size=chunk_size, engine="dask" if mode == "dask" else "local",
                          client=client, report=False)
            seconds = time.perf_counter() - start
        extra["failed"] = summary.failed
        if client is not None:
            rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            extra["worker_peak_mb"] = round(max(rss.values()), 1)
            client.close()
            cluster.close()
    return {"mode": mode, "n": n, "articles": len(files), "words": words,
            "seconds": round(seconds, 2), "words_per_s": round(words / seconds),
            "articles_per_s": round(len(files) / seconds, 2), "peak_mb": round(peak_mb(), 1),
            "children_peak_mb": round(peak_mb(resource.RUSAGE_CHILDREN), 1), **extra}


def in_subprocess(mode: str, n: int, args) -> dict:
    cmd = [sys.executable, __file__, str(args.corpus), "--one", f"{mode}:{n}",
           "--batch-size", str(args.batch_size), "--chunk-size", str(args.chunk_size)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{mode}:{n} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="first N files only")
    parser.add_argument("--processes", default="1,2", help="process counts (default 1,2)")
    parser.add_argument("--dask-workers", default="1,2",
                        help="Dask worker counts (default 1,2; 'none' to skip)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--chunk-size", type=int, default=50)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # internal: MODE:N in this process
    args = parser.parse_args(argv)
    files = corpus_files(args.corpus, args.limit)
    if not files:
        raise SystemExit(f"{args.corpus}: no .txt files")
    if args.one:
        mode, n = args.one.split(":")
        print(json.dumps(measure(mode, int(n), files, args.batch_size, args.chunk_size)))
        return 0

    procs = [int(x) for x in args.processes.split(",")]
    workers = [] if args.dask_workers == "none" else [int(x) for x in
                                                       args.dask_workers.split(",")]
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown")
    print(f"corpus: {args.corpus} ({len(files)} articles); machine: {os.cpu_count()} cores, "
          f"{cpu}; batch size {args.batch_size}, chunk size {args.chunk_size}")
    results = []
    for n in procs:
        for mode in ("bare", "toolkit"):
            results.append(in_subprocess(mode, n, args))
            print(json.dumps(results[-1]), file=sys.stderr, flush=True)
    for n in workers:
        results.append(in_subprocess("dask", n, args))
        print(json.dumps(results[-1]), file=sys.stderr, flush=True)

    bare = {r["n"]: r for r in results if r["mode"] == "bare"}
    print(f"{'mode':<8} {'procs':>5} {'articles':>8} {'seconds':>8} {'words/s':>8} "
          f"{'arts/s':>7} {'vs bare':>7} {'peak MB':>8} {'workers MB':>10}")
    for r in results:
        ratio = r["words_per_s"] / bare[r["n"]]["words_per_s"] if r["n"] in bare else None
        worker = r.get("worker_peak_mb") or (r["children_peak_mb"] if r["n"] > 1 else None)
        print(f"{r['mode']:<8} {r['n']:>5} {r['articles']:>8} {r['seconds']:>8} "
              f"{r['words_per_s']:>8} {r['articles_per_s']:>7} "
              f"{(f'{ratio:.0%}' if ratio else '-'):>7} {r['peak_mb']:>8} "
              f"{(worker if worker else '-'):>10}")
    dask = {r["n"]: r for r in results if r["mode"] == "dask"}
    if 1 in dask and 2 in dask:
        print(f"dask 2 workers / 1 worker: "
              f"{dask[2]['words_per_s'] / dask[1]['words_per_s']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
