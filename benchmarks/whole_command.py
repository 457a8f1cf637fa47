"""Speed as a user sees it: whole commands, start-up included, against a bare spaCy script.

Usage::

    python benchmarks/whole_command.py [CORPUS_DIR] [--sample N] [--every 3]
                                       [--modes bare,report,no-report,default]

Input: every third ``.txt`` file of the corpus (sorted paths; 742 of the 2,225
BBC News articles), copied into a temporary folder with their category
folders; ``--sample N`` keeps the first N of those for a quick run. Each mode
is one whole process, timed from its start to its exit (interpreter start,
imports, model loading, the run and, for the toolkit, every output file):

* ``bare``: a script doing ``spacy.load(model)`` and
  ``for doc in nlp.pipe(texts, batch_size=32): pass`` over the raw file texts,
  one process: what one would write instead of the toolkit;
* ``report``: ``python -m toolkit analyze DIR --out OUT --n-process 1`` (every
  table, the network files and ``report.html``), one process;
* ``no-report``: the same with ``--no-report``;
* ``default``: ``python -m toolkit analyze DIR --out OUT`` with every default
  (the default process count included);
* ``bare2`` (not run unless named): the bare script with ``n_process=2``;
* any toolkit mode with ``+spacy`` (not run unless named, e.g.
  ``no-report+spacy``): the same command with ``TOOLKIT_MEMO_COMPONENTS=off``,
  i.e. with spaCy's own attribute ruler and lemmatizer, for an A/B of the
  toolkit's memoised components in the same invocation.

CPU seconds (user + system, of the process and every worker it waited for)
are printed beside the wall-clock seconds: on a machine shared with other
jobs they move much less than the wall clock, and for one-process modes
their ratio is the fairer comparison.

Memory: the peak resident set of the largest single process (``ru_maxrss``
from ``wait4``, which covers the process and the workers it waited for) and
the peak of the whole process tree summed (sampled every 0.1 s with psutil),
both as resident sets (a page shared by the forked workers and their parent
counted in each) and as proportional set sizes (PSS: a shared page split
between the processes that share it, so the sum is the memory the run
takes from the machine).
The machine (cores, CPU model) and the load average before and after are
printed, since other jobs on the same cores slow every mode.

The toolkit's bytecode is compiled first (``compileall``, into
``toolkit/__pycache__``), as installing a package does and as spaCy's is in
``site-packages``: where ``PYTHONDONTWRITEBYTECODE`` is set, every toolkit
command would otherwise compile its own source again (about 0.1 s).
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CANDIDATES = (ROOT.parent / "shared" / "corpora" / "bbc" / "bbc",
              ROOT.parent.parent / "shared" / "corpora" / "bbc" / "bbc")
MODES = ("bare", "report", "no-report", "default")

BARE = """
import sys, spacy
from pathlib import Path
files = [Path(line) for line in Path(sys.argv[1]).read_text().splitlines()]
texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
nlp = spacy.load(sys.argv[2])
for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[3])):
    pass
"""


def corpus_files(folder: Path, every: int, sample: int | None) -> list[Path]:
    """Every ``every``-th .txt file of ``folder`` (sorted), the first ``sample`` of them."""
    files = sorted(p for p in folder.rglob("*.txt") if not p.name.lower().startswith("readme"))
    files = files[::every]
    return files[:sample] if sample else files


def copy_inputs(files: list[Path], root: Path, dest: Path) -> list[Path]:
    """Copy the files under ``dest`` keeping their folders below ``root``."""
    out = []
    for f in files:
        target = dest / f.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(f, target)
        out.append(target)
    return out


def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in
                Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), "unknown")
    return {"cores": os.cpu_count(), "available": len(os.sched_getaffinity(0)), "cpu": cpu}


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def _pss(p) -> int:
    """A process's proportional set size: its private pages plus its share of
    the pages it shares (a forked worker shares the model's pages with its
    parent); its RSS where the system does not say (not Linux)."""
    import psutil

    try:
        return p.memory_full_info().pss
    except (AttributeError, psutil.AccessDenied):
        return p.memory_info().rss


def _sample_tree(pid: int, peak: list[float], stop: threading.Event) -> None:
    """Keep the largest summed RSS (MB) of ``pid`` and its descendants in
    ``peak[0]``, and their largest summed PSS (MB) in ``peak[1]``."""
    import psutil

    try:
        proc = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not stop.is_set():
        rss = pss = 0
        try:
            for p in [proc, *proc.children(recursive=True)]:
                try:
                    rss += p.memory_info().rss
                    pss += _pss(p)
                except psutil.NoSuchProcess:
                    continue
        except psutil.NoSuchProcess:
            return
        peak[0] = max(peak[0], rss / 2**20)
        peak[1] = max(peak[1], pss / 2**20)
        stop.wait(0.1)


def timed(cmd: list[str], cwd: Path, env: dict) -> dict:
    """Run ``cmd`` to its end: wall seconds, peak RSS of one process and of the tree."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak, stop = [0.0, 0.0], threading.Event()
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, peak, stop), daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if proc.returncode not in (0, 2):  # 2: some articles failed (they are in errors.csv)
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    cpu = usage.ru_utime + usage.ru_stime  # the process and the workers it waited for
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
            "peak_process_mb": round(usage.ru_maxrss / 1024),
            "peak_tree_mb": round(peak[0]), "peak_tree_pss_mb": round(peak[1]),
            "exit": proc.returncode}


def command(mode: str, inputs: Path, listing: Path, out: Path, model: str) -> list[str]:
    mode = mode.removesuffix("+spacy")
    py = sys.executable
    if mode in ("bare", "bare2"):
        return [py, "-c", BARE, str(listing), model, "2" if mode == "bare2" else "1"]
    cli = [py, "-m", "toolkit", "analyze", str(inputs), "--out", str(out), "--quiet"]
    return cli + {"report": ["--n-process", "1"],
                  "no-report": ["--n-process", "1", "--no-report"],
                  "default": []}[mode]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path,
                        default=next((c for c in CANDIDATES if c.is_dir()), CANDIDATES[0]))
    parser.add_argument("--every", type=int, default=3, help="every Nth file (default 3)")
    parser.add_argument("--sample", type=int, default=None, help="the first N files only")
    parser.add_argument("--modes", default=",".join(MODES),
                        help=f"comma-separated, in order (default {','.join(MODES)}; "
                             "also bare2)")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    args = parser.parse_args(argv)
    files = corpus_files(args.corpus, args.every, args.sample)
    if not files:
        raise SystemExit(f"{args.corpus}: no .txt files")
    from toolkit.nlp import model_name  # the toolkit's default model, for the bare script

    model = model_name()
    compileall.compile_dir(ROOT / "toolkit", quiet=1)  # as an installed package has it
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)}
    info = {"corpus": str(args.corpus), "articles": len(files), "model": model, **machine(),
            "load_start": loadavg()}
    print(json.dumps(info), flush=True)
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        copied = copy_inputs(files, args.corpus, inputs)
        listing = Path(tmp) / "files.txt"
        listing.write_text("\n".join(str(p) for p in copied) + "\n")
        words = sum(len(p.read_text(encoding="utf-8", errors="replace").split())
                    for p in copied)
        for mode in args.modes.split(","):
            out = Path(tmp) / f"out-{mode}"
            mode_env = {**env, "TOOLKIT_MEMO_COMPONENTS": "off"} if mode.endswith("+spacy") else env
            r = {"mode": mode, **timed(command(mode, inputs, listing, out, model), ROOT, mode_env)}
            results.append(r)
            print(json.dumps(r), flush=True)
    info["load_end"] = loadavg()
    info["words"] = words
    bare = next((r["seconds"] for r in results if r["mode"] == "bare"), None)
    print(f"\n{info['articles']} articles ({words:,} words); {info['cores']} cores "
          f"({info['available']} available), {info['cpu']}; load average "
          f"{info['load_start']} at start, {info['load_end']} at end")
    bare_cpu = next((r["cpu_seconds"] for r in results if r["mode"] == "bare"), None)
    print(f"{'mode':<16} {'seconds':>8} {'bare/this':>9} {'CPU s':>7} {'bare/this':>9} "
          f"{'peak MB (process)':>18} {'peak MB (tree)':>15} {'(tree, PSS)':>12}")
    for r in results:
        ratio = f"{bare / r['seconds']:.2f}" if bare else "-"
        cpu_ratio = f"{bare_cpu / r['cpu_seconds']:.2f}" if bare_cpu else "-"
        print(f"{r['mode']:<16} {r['seconds']:>8} {ratio:>9} {r['cpu_seconds']:>7} "
              f"{cpu_ratio:>9} {r['peak_process_mb']:>18} {r['peak_tree_mb']:>15} "
              f"{r['peak_tree_pss_mb']:>12}")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "results": results}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
