"""Kill a corpus run at random moments, resume it, and check the tables are byte-identical.

The output folder's promise: a run killed at any moment (``kill -9``) leaves a
folder that ``--resume`` completes to exactly the tables of an uninterrupted
run. This script tests it the hard way: it writes a corpus of short articles
of its own, runs it once undisturbed for reference, then starts the same run
again and again, killing it with SIGKILL after a random delay and resuming,
until the run finishes; the finished tables must equal the reference. It
repeats until it has killed the run ``--kills`` times.

Usage (``make stress`` runs the full loop; it takes several minutes)::

    python scripts/stress_resume.py --articles 200 --kills 50
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLES = ("articles", "removed", "sentences", "actors", "mentions", "quotes", "figures",
          "timeline", "cooccurrence", "terms", "errors")
NAMES = ("Ines Vidal", "Olaf Strand", "Marta Pol", "Jonas Weber", "Ana Ruiz", "Tomas Berg")
PLACES = ("Brennet", "Arlow", "Kessel", "the Tarn valley", "Lisbon", "Oslo")


def write_corpus(folder: Path, n: int, seed: int) -> None:
    """``n`` short articles of invented sentences (and one empty file, which must fail)."""
    rnd = random.Random(seed)
    folder.mkdir(parents=True)
    for i in range(n):
        sentences = [f"{rnd.choice(NAMES)} said on Monday that {rnd.randint(2, 900)} homes in "
                     f"{rnd.choice(PLACES)} would be rebuilt." for _ in range(rnd.randint(2, 6))]
        quote = f'"We are ready," {rnd.choice(NAMES)} told reporters in {rnd.choice(PLACES)}.'
        (folder / f"a{i:04d}.txt").write_text(" ".join(sentences) + "\n\n" + quote + "\n")
    (folder / "empty.txt").write_text("")


def command(src: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "toolkit", "analyze", str(src), "--out", str(out),
            "--chunk-size", "10", "--quiet", "--no-report", *extra]


def run_to_end(cmd: list[str]) -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(cmd, env=env, capture_output=True, text=True).returncode


def killed_after(cmd: list[str], delay: float) -> bool:
    """Run ``cmd``, SIGKILL it after ``delay`` seconds; True if it was killed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True
    if proc.returncode not in (0, 1):
        raise SystemExit(f"run failed (exit {proc.returncode}): {proc.stderr.read().decode()}")
    return False


def tables(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in TABLES}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    rnd = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="toolkit-stress-"))
    failed = False
    try:
        src, ref, out = work / "in", work / "ref", work / "out"
        write_corpus(src, args.articles, args.seed)
        start = time.monotonic()
        assert run_to_end(command(src, ref)) == 1  # the empty file fails
        span = time.monotonic() - start
        kills = rounds = 0
        while kills < args.kills:
            rounds += 1
            extra = ("--overwrite",) if out.exists() else ()
            while killed_after(command(src, out, *extra), rnd.uniform(0, span)):
                kills += 1
                extra = ("--resume",)
                print(f"kill {kills}: resuming", file=sys.stderr)
            if tables(out) != tables(ref):
                failed = True
                print(f"FAIL: tables differ after {kills} kills (kept in {work})",
                      file=sys.stderr)
                return 1
            print(f"round {rounds}: identical tables after {kills} kills in all",
                  file=sys.stderr)
        print(f"ok: {kills} kills, {rounds} rounds, tables identical every time")
    finally:
        if not failed:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
