"""Normalise a notebook's editor metadata, so opening it in JupyterLab changes nothing.

JupyterLab writes what the running kernel reports into a notebook it saves
(``language_info.version``, the patch version of Python, differs from laptop to
laptop) and may add display state to cells. None of it is a result. This filter
writes the one normal form the repository stores:

* notebook metadata: the ``python3`` kernelspec and the IPython kernel's
  ``language_info`` as JupyterLab writes it, with ``version`` set to the reference
  Python's (:data:`REFERENCE_PYTHON`, which rendered the stored outputs): a kernel
  with that version writes the same bytes, and a kernel with a version string of
  the same length writes a file of the same size, which git re-reads through this
  filter and finds unchanged;
* cell metadata: only ``tags`` (nbval reads them); no timing, no collapsed or
  scrolled state;
* JSON laid out as nbformat and JupyterLab write it (indent 1, sorted keys).

It is a git "clean" filter (``.gitattributes``; ``make dev`` configures it), so
``git status`` stays clean after a notebook is opened, autosaved or run without
changes, and ``scripts/run_notebooks.py`` stores notebooks in the same form:

    python scripts/notebook_filter.py < notebook.ipynb > normalised.ipynb

Standard library only: it must run before anything is installed.
"""

from __future__ import annotations

import json
import sys

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
REFERENCE_PYTHON = "3.11.7"  # the Python of constraints.txt's reference environment
LANGUAGE_INFO = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                 "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                 "pygments_lexer": "ipython3", "version": REFERENCE_PYTHON}
CELL_METADATA = ("tags",)


def normalise(nb: dict) -> dict:
    """``nb`` (a notebook as a plain dict) in the stored normal form, changed in place."""
    nb["metadata"] = {"kernelspec": dict(KERNELSPEC),
                      "language_info": json.loads(json.dumps(LANGUAGE_INFO))}
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        cell["metadata"] = {k: meta[k] for k in CELL_METADATA if k in meta}
    return nb


def dumps(nb: dict) -> str:
    """JSON text as nbformat (and so JupyterLab) writes a notebook."""
    return json.dumps(nb, indent=1, sort_keys=True, ensure_ascii=False,
                      separators=(",", ": ")) + "\n"


def main() -> int:
    text = sys.stdin.buffer.read().decode("utf-8")
    try:
        nb = json.loads(text)
    except ValueError:  # not a notebook (a merge conflict, say): leave it for git to show
        sys.stdout.buffer.write(text.encode("utf-8"))
        return 0
    sys.stdout.buffer.write(dumps(normalise(nb)).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
