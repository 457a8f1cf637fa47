"""Finding the project's data wherever a notebook or script runs.

A lesson may run from ``notebooks/``, ``notebooks/workbooks/``, the project
root, a copy in Colab (the repository cloned into ``./article-toolkit``) or
anywhere else with ``TOOLKIT_DATA`` set. :func:`data_dir` looks in that order:

1. the folder named by the ``TOOLKIT_DATA`` environment variable;
2. ``data/`` in the working directory or any folder above it;
3. ``article-toolkit/data/`` in the working directory (a clone next to the notebook);
4. ``data/`` beside the installed package (an editable install of the repository).

A folder counts as the data folder when it holds ``articles/``.

Example:
    >>> data_path("articles").name
    'articles'
"""

from __future__ import annotations

import os
from pathlib import Path

ENV = "TOOLKIT_DATA"


class DataNotFound(FileNotFoundError):
    """The project's ``data/`` folder is nowhere to be found."""


def _is_data(folder: Path) -> bool:
    return (folder / "articles").is_dir()


def _candidates(cwd: Path) -> list[Path]:
    found = [Path(os.environ[ENV])] if os.environ.get(ENV) else []
    found += [base / "data" for base in (cwd, *cwd.parents)]
    found.append(cwd / "article-toolkit" / "data")
    found.append(Path(__file__).resolve().parent.parent / "data")
    return found


def data_dir(cwd: str | Path | None = None) -> Path:
    """The project's ``data/`` folder (see the module docstring for where it looks).

    Raises:
        DataNotFound: with the places searched and how to point at the folder.
    """
    here = Path(cwd or Path.cwd()).resolve()
    for folder in _candidates(here):
        if _is_data(folder):
            return folder.resolve()
    raise DataNotFound(f"no data/ folder with articles/ found from {here}: run from inside "
                       f"the repository, or set {ENV} to the folder's path")


def data_path(*parts: str, cwd: str | Path | None = None) -> Path:
    """A path inside the data folder, e.g. ``data_path("corpus", "bbc-sample")``."""
    return data_dir(cwd).joinpath(*parts)
