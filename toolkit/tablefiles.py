"""The contract tables of a corpus run on disk: CSV files appended chunk by chunk, or Parquet parts.

* CSV: while a run goes on, rows are appended to ``.<table>.csv.part``; every
  append is flushed and synced before the journal records it, and the files
  are renamed to ``<table>.csv`` when the run finishes.
* Parquet: each chunk's rows go to ``parts/<table>/part-NNNNNN.parquet``
  (written by whoever analysed the chunk); at the end every table's parts
  move to the folder ``<table>.parquet/``, which pandas reads as one table.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd

from . import contract
from .output import ERRORS_COLUMNS, OutputError, csv_bytes
from .read import Failure
from .store import OutputStore, open_existing, open_new, safe_dir


class CsvTables:
    """The CSV tables of a run, appended chunk by chunk by this process."""

    def __init__(self, store: OutputStore, sizes: dict[str, int] | None):
        self.store = store
        self.handles = {}
        if sizes is None:  # a fresh run: one marker write (and sync) for every table's file
            store.claim(*(f".{name}.csv.part" for name in contract.TABLES))
        try:
            for name in contract.TABLES:
                self.handles[name] = self._open(name, sizes)
        except BaseException:
            self.close(finish=False)
            raise
        if sizes is None:  # the headers are on disk before the journal records them
            self.sync()

    def _open(self, name: str, sizes: dict[str, int] | None):
        part = self.store.path(f".{name}.csv.part")
        if sizes is None:  # a fresh run
            fh = open_new(part)
            fh.write(csv_bytes(pd.DataFrame(columns=list(contract.TABLES[name]))))
            return fh
        final = self.store.path(f"{name}.csv")
        if not os.path.lexists(part) and final.is_file() and not final.is_symlink():
            os.replace(final, part)  # resuming a finished run
        if not os.path.lexists(part):
            raise OutputError(f"{part}: missing; cannot resume (start again with --overwrite)")
        fh = open_existing(part, "r+b")
        if os.fstat(fh.fileno()).st_size < sizes[name]:
            fh.close()
            raise OutputError(f"{part}: shorter than the journal records; cannot resume "
                              "(start again with --overwrite)")
        fh.truncate(sizes[name])  # drop rows of a chunk that was cut short
        fh.seek(0, os.SEEK_END)
        return fh

    def append(self, frames: dict[str, pd.DataFrame]) -> dict[str, int]:
        """Append a chunk's rows, flushed and synced; returns every table's size afterwards."""
        for name, fh in self.handles.items():
            df = frames.get(name)
            if df is not None and len(df):
                fh.write(csv_bytes(df, header=False))
        return self.sync()

    def sync(self) -> dict[str, int]:
        """Flush and sync every table; returns their sizes."""
        for fh in self.handles.values():
            fh.flush()
            os.fsync(fh.fileno())
        return self.sizes()

    def sizes(self) -> dict[str, int]:
        """Every table's size in bytes (as written so far)."""
        return {name: fh.tell() for name, fh in self.handles.items()}

    def close(self, *, finish: bool) -> None:
        """Close the files; with ``finish``, rename them to ``<table>.csv``."""
        if finish:  # one marker write (and sync) for every table's final name
            self.store.claim(*(f"{name}.csv" for name in self.handles))
        for name, fh in self.handles.items():
            fh.close()
            if finish:
                os.replace(self.store.path(f".{name}.csv.part"), self.store.path(f"{name}.csv"))
        self.handles = {}


# --------------------------------------------------------------------------- Parquet


def arrow_schema(name: str):
    """The fixed Parquet schema of a contract table, so every part has the same one."""
    import pyarrow as pa

    def kind(col: str):
        if col in contract.INT_COLUMNS:
            return pa.int64()
        if col == "value":
            return pa.float64()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in contract.TABLES[name]])


def write_parquet(df: pd.DataFrame, name: str, path: Path) -> None:
    """Write one part of table ``name`` atomically, with the table's fixed schema.

    The part is written to a new temporary file (never through a link), synced,
    and renamed into place.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema(name)
    arrays = [pa.array(_column(df, fld), type=fld.type, from_pandas=True) for fld in schema]
    table = pa.Table.from_arrays(arrays, schema=schema)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    if os.path.lexists(tmp):
        tmp.unlink()
    with open_new(tmp) as fh:
        pq.write_table(table, fh, compression="zstd")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _column(df: pd.DataFrame, fld) -> pd.Series:
    import pyarrow as pa

    col = df[fld.name] if fld.name in df else pd.Series([None] * len(df), dtype="object")
    if pa.types.is_string(fld.type):
        return col.astype("object").map(lambda v: None if _missing(v) else str(v))
    if pa.types.is_int64(fld.type):
        return pd.to_numeric(col, errors="coerce").astype("Int64")
    return pd.to_numeric(col, errors="coerce").astype("float64")


def _missing(v) -> bool:
    return v is None or v is pd.NA or (isinstance(v, float) and v != v)


def part_path(out: Path, name: str, chunk: int) -> Path:
    """Where a chunk's part of table ``name`` goes while the run goes on."""
    return safe_dir(Path(out), f"parts/{name}") / f"part-{chunk:06d}.parquet"


def parquet_resume(store: OutputStore, committed: set[int]) -> None:
    """Put a Parquet run back in its running layout, dropping uncommitted parts."""
    out = store.root
    for name in contract.TABLES:
        final, parts = store.path(f"{name}.parquet"), out / "parts" / name
        if final.is_dir() and not final.is_symlink() and not parts.exists():
            safe_dir(out, "parts")
            os.replace(final, parts)
        if parts.is_dir():
            for p in parts.iterdir():
                if _chunk_of(p) not in committed:
                    p.unlink()


def _chunk_of(path: Path) -> int | None:
    stem = path.name.split(".")[0]
    if path.name.startswith("part-") and path.suffix == ".parquet" and stem[5:].isdigit():
        return int(stem[5:])
    return None


def parquet_finish(store: OutputStore) -> None:
    """Move every table's parts to ``<table>.parquet/`` (an empty part if it has no rows)."""
    out = store.root
    store.claim(*(f"{name}.parquet" for name in contract.TABLES))  # one marker write
    for name in contract.TABLES:
        parts = out / "parts" / name
        if not parts.is_dir() or not any(parts.glob("part-*.parquet")):
            write_parquet(contract.empty(name), name, part_path(out, name, 0))
        final = store.path(f"{name}.parquet")
        if os.path.lexists(final):
            shutil.rmtree(final) if final.is_dir() and not final.is_symlink() else final.unlink()
        os.replace(parts, final)
    shutil.rmtree(out / "parts", ignore_errors=True)


# --------------------------------------------------------------------------- reading back


def read_table(out: str | Path, name: str, fmt: str = "csv") -> pd.DataFrame:
    """Read a finished contract table back from an output folder (CSV or Parquet)."""
    out = Path(out)
    if fmt == "parquet":
        return pd.read_parquet(out / f"{name}.parquet")
    return pd.read_csv(out / f"{name}.csv", dtype={c: "object" for c in contract.TABLES[name]
                                                  if c not in contract.INT_COLUMNS},
                       keep_default_na=False, na_values=[""])


def contract_errors(failures: list[Failure]) -> pd.DataFrame:
    """The ``errors`` table: one row per failed article."""
    df = pd.DataFrame([{"article_id": f.article_id, "source": f.source, "line": f.line,
                        "stage": f.stage, "error": f.error} for f in failures],
                      columns=list(ERRORS_COLUMNS))
    df["line"] = df["line"].astype("Int64")
    return df


__all__ = ["CsvTables", "arrow_schema", "contract_errors", "parquet_finish", "parquet_resume",
           "part_path", "read_table", "write_parquet"]
