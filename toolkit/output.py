"""Writing results: contract tables, cleaned texts and the manifest, safely.

Every file is written under a temporary name inside the output folder and
renamed into place when complete, so an interrupted run never leaves a
truncated table. The output folder must be new or empty unless ``overwrite``
is set, and even then only files of the contract are replaced: nothing the
toolkit did not create is deleted or overwritten. Names derived from article
ids are sanitised and checked to stay inside the folder.

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

from . import contract

FLOAT_FORMAT = "%.15g"
EXTRA_TABLES = ("errors", "duplicates")
ERRORS_COLUMNS = ("article_id", "source", "line", "error")


class OutputError(RuntimeError):
    """The output folder cannot be used; the message is one line."""


def contract_files(fmt: str = "csv") -> set[str]:
    """File names the toolkit owns at the top of an output folder."""
    ext = "parquet" if fmt == "parquet" else "csv"
    names = {f"{t}.{ext}" for t in (*contract.TABLES, *EXTRA_TABLES)}
    return names | {"manifest.json", "report.html", "network.gexf", "network.graphml",
                    "cleaned", "parts"}


def prepare_out_dir(out: str | Path, *, overwrite: bool = False, resume: bool = False) -> Path:
    """Create ``out`` or check that it may be written to.

    Raises:
        OutputError: ``out`` is a file, or a non-empty folder without
            ``overwrite``/``resume``, or holds files the toolkit did not write.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: output path exists and is not a directory")
    if out.is_dir():
        existing = sorted(p.name for p in out.iterdir())
        if existing and not (overwrite or resume):
            raise OutputError(f"{out}: output directory is not empty "
                              "(use --overwrite to replace earlier results)")
        foreign = [n for n in existing if n not in contract_files("csv") | contract_files("parquet")
                   and not n.startswith(".")]
        if foreign and overwrite:
            raise OutputError(f"{out}: output directory holds files the toolkit did not write "
                              f"({', '.join(foreign[:3])}); choose another --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create output directory ({exc.strerror or exc})") from None
    return out


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
