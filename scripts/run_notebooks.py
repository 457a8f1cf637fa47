"""Re-execute the notebooks in place and strip volatile metadata (``make notebooks``).

After an intended change in the toolkit or a pinned dependency, this is the one
command that refreshes the stored outputs that ``make test`` compares with nbval:

    .venv/bin/python scripts/run_notebooks.py                 # every notebook
    .venv/bin/python scripts/run_notebooks.py notebooks/02-actors.ipynb

Each notebook runs top to bottom in a fresh ``python3`` kernel (the kernelspec
that ``make dev`` installs into ``.venv``), with its own folder as the working
directory, as nbval runs it. Then the stored file is made reproducible:

* the metadata in the normal form of ``scripts/notebook_filter.py`` (what
  JupyterLab writes, without the Python patch version; cells keep only tags);
* execution counts 1, 2, 3 ... in cell order;
* stream outputs of one cell merged per stream, and carriage-return
  rewrites (progress bars) collapsed to their final state, as nbval compares them;
* progress widgets (``tqdm.auto`` in Jupyter) kept as their plain text only: the
  widget view holds a random model id, and nbval skips it anyway.

Before running, a notebook without the set-up cell (:data:`SETUP`, which installs
the toolkit only where it is missing, as in Colab) gets it as its first code cell,
and a code cell that reads a path relative to the notebook's folder is reported:
lessons find their data with ``toolkit.paths.data_dir()``.

A cell that raises stops the run with the error, unless it is tagged
``raises-exception``.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from notebook_filter import KERNELSPEC, normalise  # noqa: E402, F401 (KERNELSPEC: tests)

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "python3"
WIDGET = "application/vnd.jupyter.widget-view+json"
SETUP = """\
# Set-up. Where the toolkit is installed (make dev, uv sync, pip, Binder) this cell does
# nothing. Where it is missing (Colab, a bare Python) it fetches the project, code and
# data, and installs it: REPO is the address of the project's repository.
import importlib.util

if importlib.util.find_spec("toolkit") is None:
    import os
    import subprocess
    import sys

    REPO = os.environ.get("ARTICLE_TOOLKIT_REPO", "https://github.com/YOUR-ACCOUNT/article-toolkit")
    subprocess.run(["git", "clone", "--depth=1", REPO, "article-toolkit"], check=True)
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "./article-toolkit"], check=True)
    importlib.invalidate_caches()"""


# As nbval compares streams: a line's text before a carriage return that is not followed
# by a newline is dropped (a progress bar redrawn in place); so is a character before a
# backspace ("\x08", written out: in a regex, \b would be a word boundary).
BACKSPACE = re.compile("[^\n]\x08")
CARRIAGE_RETURN = re.compile(r"^.*\r(?=[^\n])", re.MULTILINE)


def find_notebooks(paths: list[str]) -> list[Path]:
    """The notebooks to run: the given files or folders, else all under ``notebooks/``."""
    roots = [Path(p) for p in paths] or [NOTEBOOKS]
    found = []
    for root in roots:
        if root.is_dir():
            found.extend(p for p in sorted(root.rglob("*.ipynb"))
                         if ".ipynb_checkpoints" not in p.parts)
        elif root.suffix == ".ipynb" and root.exists():
            found.append(root)
        else:
            raise SystemExit(f"run_notebooks: no notebook at {root}")
    return found


def check_kernel() -> None:
    """Warn when the ``python3`` kernel would not run this interpreter (outputs could differ)."""
    try:
        spec = KernelSpecManager().get_kernel_spec(KERNEL)
    except Exception as exc:  # noqa: BLE001 - any failure means the kernel is missing
        raise SystemExit(f"run_notebooks: no '{KERNEL}' kernel ({exc}); run `make dev`") from exc
    exe = spec.argv[0]
    if exe not in ("python", "python3", "{python}") and Path(exe).resolve() != Path(sys.executable).resolve():
        print(f"warning: the '{KERNEL}' kernel runs {exe}, not {sys.executable}", file=sys.stderr)


def collapse_stream(text: str) -> str:
    old = None
    while old != text:
        old, text = text, BACKSPACE.sub("", text)
    return CARRIAGE_RETURN.sub("", text)


def clean_outputs(outputs: list) -> list:
    """Merge a cell's stream outputs per stream name and collapse progress-bar rewrites."""
    merged, streams = [], {}
    for out in outputs:
        if out.get("output_type") == "stream":
            if out["name"] in streams:
                streams[out["name"]]["text"] += out["text"]
                continue
            streams[out["name"]] = out
        merged.append(out)
    for out in streams.values():
        out["text"] = collapse_stream(out["text"])
    for out in merged:
        # A widget (a tqdm.auto progress bar) stores a random model id and no state
        # worth keeping: its plain-text form stays, as nbval compares it.
        out.get("data", {}).pop(WIDGET, None)
    return merged


def strip_volatile(nb) -> None:
    """Metadata in the stored normal form; number the executed cells 1, 2, 3 ..."""
    normalise(nb)
    nb.metadata = nbformat.from_dict(nb["metadata"])
    count = 0
    for cell in nb.cells:
        cell.metadata = nbformat.from_dict(cell["metadata"])
        if cell.cell_type != "code":
            continue
        count += 1
        cell.execution_count = count
        cell.outputs = clean_outputs(cell.outputs)
        for out in cell.outputs:
            if out.get("output_type") == "execute_result":
                out["execution_count"] = count


def ensure_setup_cell(nb) -> bool:
    """Make :data:`SETUP` the first code cell (inserted if missing); True if inserted."""
    codes = [i for i, c in enumerate(nb.cells) if c.cell_type == "code"]
    if codes and nb.cells[codes[0]].source == SETUP:
        return False
    cell = nbformat.v4.new_code_cell(SETUP)
    cell["id"] = "setup"
    nb.cells.insert(codes[0] if codes else len(nb.cells), cell)
    return True


def relative_paths(nb) -> list[str]:
    """Code lines that read a path relative to the notebook's folder."""
    return [line.strip() for c in nb.cells if c.cell_type == "code"
            for line in c.source.splitlines() if 'Path("..")' in line or "../" in line]


def run_notebook(path: Path, *, timeout: int = 600) -> float:
    """Execute ``path`` in place; returns the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    if ensure_setup_cell(nb):
        print(f"{path.name}: set-up cell added", file=sys.stderr)
    for line in relative_paths(nb):
        print(f"warning: {path.name} reads a relative path (use toolkit.paths.data_dir()): "
              f"{line}", file=sys.stderr)
    start = time.perf_counter()
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=timeout, record_timing=False,
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    strip_volatile(nb)
    nbformat.validate(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="notebooks or folders (default: notebooks/)")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell")
    args = parser.parse_args(argv)
    check_kernel()
    total = 0.0
    for path in find_notebooks(args.paths):
        seconds = run_notebook(path.resolve(), timeout=args.timeout)
        total += seconds
        print(f"{seconds:6.1f}s  {path.resolve().relative_to(ROOT)}")
    print(f"{total:6.1f}s  in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
