"""Writing results: contract tables, cleaned texts and the manifest, safely.

Every file is written under a temporary name and renamed into place when
complete, so an interrupted run never leaves a truncated table. Which folder
a run may write to, and what it may replace there, is decided by
:mod:`toolkit.store`. Names derived from article ids are sanitised and
checked to stay inside the folder.

Tables are written byte-for-byte reproducibly: UTF-8, ``\\n`` line ends,
fixed float formatting, rows in the order the stages produce them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from pathlib import Path

import pandas as pd

FLOAT_FORMAT = "%.15g"
EXTRA_TABLES = ("errors", "duplicates")
# The errors table (``errors.csv``): one row per article that failed. ``stage``
# is where: ``read``, ``clean``, ``parse``, an analysis stage (``actors``,
# ``quotes``, ``figures``...) or ``timeout``.
ERRORS_COLUMNS = ("article_id", "source", "line", "stage", "error")


class OutputError(RuntimeError):
    """The output folder cannot be used; the message is one line."""


def inside(out: Path, relative: str) -> Path:
    """``out / relative``, refusing any path that would leave ``out``."""
    target = (out / relative).resolve()
    if not target.is_relative_to(out.resolve()):
        raise OutputError(f"{relative}: output name would leave the output directory")
    return target


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)


def csv_bytes(df: pd.DataFrame, *, header: bool = True) -> bytes:
    """A table as reproducible CSV bytes."""
    buf = io.StringIO()
    df.to_csv(buf, index=False, header=header, lineterminator="\n", float_format=FLOAT_FORMAT)
    return buf.getvalue().encode("utf-8")


def sha256_file(path: str | Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_json(path: Path, data: dict) -> None:
    """Write JSON with sorted keys, so the same data gives the same bytes."""
    text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    atomic_write_bytes(path, text.encode("utf-8"))
