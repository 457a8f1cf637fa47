"""The output folder of a run: the toolkit writes only what it records as its own.

An output folder holds a marker file, ``.article-toolkit-run.json``, with the
run's identity (the options that decide the tables, and the inputs) and the
list of every top-level file and folder the toolkit created there. From that:

* a fresh run needs a new or empty folder;
* ``--overwrite`` removes exactly the entries the marker lists, nothing else,
  and refuses to write over a file the toolkit did not create;
* ``--resume`` needs a marker (an earlier run) whose options and inputs match;
* a lock file (``.article-toolkit.lock``, held with ``flock`` for the whole
  run) makes a second run into the same folder fail at once;
* no file is created by following a symbolic link: new files are opened with
  ``O_CREAT | O_EXCL | O_NOFOLLOW`` (or written in a private temporary folder)
  and renamed into place, and every folder on the way must be a real folder.

The journal (``.progress``) records a chunk only after the rows it describes
have been flushed and synced to disk, so a run killed at any moment can be
resumed to byte-identical tables.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile
import threading
from pathlib import Path

from .output import OutputError, inside

MARKER = ".article-toolkit-run.json"
LOCK = ".article-toolkit.lock"
PROGRESS = ".progress"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_MARKER_KIND = "article-toolkit run"


# --------------------------------------------------------------------------- safe files


def safe_dir(root: Path, relative: str = "") -> Path:
    """``root / relative`` as a real folder (created as needed), never through a link.

    Raises:
        OutputError: a part of the path is a symbolic link or a file.
    """
    path = root
    for part in Path(relative).parts:
        path = path / part
        try:
            os.mkdir(path)
        except FileExistsError:
            pass
        if path.is_symlink() or not path.is_dir():
            raise OutputError(f"{path}: is a symbolic link or a file, not a folder the "
                              "toolkit created; remove it or choose another --out")
    return path


def open_new(path: Path, mode: str = "wb"):
    """Create ``path`` for writing; fails if anything (a file, a link) is already there."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o644)
    except FileExistsError:
        raise OutputError(f"{path}: already exists (a file or link the toolkit did not "
                          "expect); remove it or choose another --out") from None
    return os.fdopen(fd, mode)


def open_existing(path: Path, mode: str = "r+b"):
    """Open a file the run created earlier, refusing a symbolic link."""
    flags = os.O_RDWR if "+" in mode else os.O_RDONLY
    try:
        fd = os.open(path, flags | _NOFOLLOW)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise OutputError(f"{path}: is a symbolic link; the toolkit does not follow "
                              "links in its output folder") from None
        raise
    return os.fdopen(fd, mode)


def write_file(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write ``data`` to ``path`` atomically: a new temporary file, then a rename.

    The temporary file is created with ``O_EXCL | O_NOFOLLOW`` next to the
    target, so a planted link is never followed, and a link at ``path``
    itself is replaced, not written through.
    """
    tmp = _temp_path(path)
    with open_new(tmp) as fh:
        fh.write(data)
        if sync:
            fh.flush()
            os.fsync(fh.fileno())
    os.replace(tmp, path)


def _temp_path(path: Path) -> Path:
    """A new hidden name next to ``path`` for writing it before the rename."""
    return path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")


class CleanedTexts:
    """A chunk's cleaned texts, written and synced in the background while it is analysed.

    Each text goes to a temporary file next to ``cleaned/<article_id>.txt``
    (``O_EXCL | O_NOFOLLOW``, then ``fsync``) on a thread of its own, since
    waiting for the disk needs no CPU; :meth:`finish` waits for the thread,
    renames the texts of the articles that were analysed into place and
    removes the others, so the result is what :func:`write_file` per analysed
    article gives, without the run waiting for each sync.

    Example:
        >>> import tempfile
        >>> out = Path(tempfile.mkdtemp())
        >>> texts = CleanedTexts(out, [("a1", "One."), ("a2", "Two.")])
        >>> texts.finish({"a1"})
        >>> sorted(p.name for p in (out / "cleaned").iterdir())
        ['a1.txt']
    """

    def __init__(self, out: Path, items: list[tuple[str, str]]):
        safe_dir(out, "cleaned")
        self._targets = [(aid, inside(out, f"cleaned/{aid}.txt"), text) for aid, text in items]
        self._written: list[tuple[str, Path, Path]] = []
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._write, daemon=True)
        self._thread.start()

    def _write(self) -> None:
        try:
            for aid, path, text in self._targets:
                tmp = _temp_path(path)
                with open_new(tmp) as fh:
                    self._written.append((aid, tmp, path))
                    fh.write(text.encode("utf-8"))
                    fh.flush()
                    os.fsync(fh.fileno())
        except BaseException as exc:  # noqa: BLE001 - raised again by finish()
            self._error = exc

    def finish(self, done: set[str] | frozenset[str]) -> None:
        """Wait for the writes; put the texts of ``done`` in place, remove the rest.

        Raises:
            OSError, OutputError: what writing or renaming a text raised; no
                temporary file is left behind.
        """
        self._thread.join()
        try:
            for aid, tmp, path in self._written:
                if self._error is None and aid in done:
                    os.replace(tmp, path)
        finally:
            for _, tmp, _ in self._written:
                tmp.unlink(missing_ok=True)  # what was not renamed (or was left by a failure)
        if self._error is not None:
            raise self._error

    def discard(self) -> None:
        """Wait for the writes and remove every temporary file (a chunk that stopped)."""
        self._thread.join()
        for _, tmp, _ in self._written:
            tmp.unlink(missing_ok=True)


def _remove(path: Path) -> None:
    """Remove a file, a link (not its target) or a folder the toolkit created."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)
    elif os.path.lexists(path):
        path.unlink()


# --------------------------------------------------------------------------- the store


class OutputStore:
    """An output folder opened for one run: locked, owned, written safely.

    Use :meth:`open`; then :meth:`claim` every top-level name before writing
    it, :meth:`write` finished files, and :meth:`close` at the end.
    """

    def __init__(self, root: Path, marker: dict):
        self.root = root
        self.marker = marker
        self._lock = None
        self._tmp: Path | None = None

    # -- opening

    @classmethod
    def open(cls, out: str | Path, *, identity: dict, inputs: list[str], names: set[str],
             overwrite: bool = False, resume: bool = False) -> OutputStore:
        """Check, lock and prepare ``out`` for a run.

        Args:
            identity: the options that decide the tables (a resumed run must match).
            inputs: the run's inputs as absolute paths (a resumed run must match).
            names: the top-level names this run may write (checked up front
                against files the toolkit did not write).

        Raises:
            OutputError: the folder cannot be used; the message says why.
        """
        root = Path(out)
        earlier = _check_folder(root, overwrite=overwrite, resume=resume)
        _make_root(root)
        store = cls(root, earlier or _new_marker(identity, inputs))
        store._acquire_lock()
        try:
            store._prepare(earlier, identity, inputs, names, resume=resume)
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, earlier: dict | None, identity: dict, inputs: list[str],
                 names: set[str], *, resume: bool) -> None:
        if resume and earlier:
            _check_same_run(self.root, earlier, identity, inputs)
            stale = [e for e in self.marker["entries"] if e.startswith(".tmp-")]
            for entry in stale:  # the private folder of a run that was killed
                _remove(self.root / entry)
            self.marker["entries"] = [e for e in self.marker["entries"] if e not in stale]
        elif earlier:
            self.reset(identity, inputs)
        foreign = sorted(n for n in names if os.path.lexists(self.root / n)
                         and n not in self.marker["entries"])
        if foreign:
            raise OutputError(f"{self.root}: holds {', '.join(foreign[:3])}, which the toolkit "
                              "did not write; move it away or choose another --out")
        self.claim(LOCK, MARKER)

    def reset(self, identity: dict | None = None, inputs: list[str] | None = None) -> None:
        """Remove everything the toolkit wrote here (nothing else), for a fresh run."""
        for entry in self.marker.get("entries", []):
            if entry not in (MARKER, LOCK):
                _remove(self.root / entry)
        self.marker = _new_marker(identity if identity is not None else self.marker["options"],
                                  inputs if inputs is not None else self.marker["inputs"])
        self.claim(LOCK, MARKER)

    def _acquire_lock(self) -> None:
        import fcntl

        path = self.root / LOCK
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
        except OSError as exc:
            raise OutputError(f"{path}: cannot create the lock file "
                              f"({exc.strerror or exc})") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(f"{self.root}: another run is writing to this folder; wait "
                              "for it to finish or choose another --out") from None
        os.truncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._lock = fd

    # -- writing

    def claim(self, *names: str) -> None:
        """Record top-level names as the toolkit's own (in the marker) before writing them."""
        new = [n for n in names if n not in self.marker["entries"]]
        if not new:
            return
        self.marker["entries"] = sorted({*self.marker["entries"], *new})
        self._write_marker()

    def path(self, name: str) -> Path:
        """The path of a claimed top-level name."""
        if name not in self.marker["entries"]:
            self.claim(name)
        return self.root / name

    def write(self, name: str, data: bytes) -> Path:
        """Write a finished top-level file atomically (claimed first)."""
        def put(tmp: Path) -> None:
            with open_new(tmp) as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())

        return self.write_with(name, put)

    def temp_dir(self) -> Path:
        """A private folder (mode 0700, new) for files that libraries write by path."""
        if self._tmp is None:
            self._tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.root))
            self.claim(self._tmp.name)
        return self._tmp

    def write_with(self, name: str, write) -> Path:
        """Let ``write(path)`` write a file in the private folder, then move it into place."""
        tmp = self.temp_dir() / name
        write(tmp)
        path = self.path(name)
        os.replace(tmp, path)
        return path

    def close(self) -> None:
        """Remove the private folder and release the lock."""
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self.marker["entries"] = [e for e in self.marker["entries"] if e != self._tmp.name]
            self._tmp = None
            self._write_marker()
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def _write_marker(self) -> None:
        data = json.dumps(self.marker, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        write_file(self.root / MARKER, data.encode("utf-8"))


def _new_marker(identity: dict, inputs: list[str]) -> dict:
    return {"kind": _MARKER_KIND, "options": identity, "inputs": inputs, "entries": []}


def read_marker(root: Path) -> dict | None:
    """The marker of an earlier run in ``root``, or None."""
    path = root / MARKER
    if not path.is_file() or path.is_symlink():
        return None
    try:
        marker = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return marker if isinstance(marker, dict) and marker.get("kind") == _MARKER_KIND else None


def _check_folder(root: Path, *, overwrite: bool, resume: bool) -> dict | None:
    """Refuse a folder the run may not use; returns the earlier run's marker, if any."""
    if os.path.lexists(root) and not root.is_dir():
        raise OutputError(f"{root}: output path exists and is not a directory")
    existing = sorted(p.name for p in root.iterdir() if not _is_ours_anyway(p.name)) \
        if root.is_dir() else []
    marker = read_marker(root) if existing else None
    if resume and marker is None and existing:
        raise OutputError(f"{root}: holds no earlier run of the toolkit to resume; choose "
                          "the folder of an earlier run, or run again without --resume")
    if existing and marker is None:
        if overwrite:
            raise OutputError(f"{root}: holds files the toolkit did not write "
                              f"({', '.join(existing[:3])}) and no earlier run; choose "
                              "another --out")
        raise OutputError(f"{root}: output directory is not empty; choose a new or empty "
                          "folder (--overwrite replaces an earlier run of the toolkit)")
    if marker is not None and not (overwrite or resume):
        raise OutputError(f"{root}: output directory is not empty: it holds an earlier "
                          "run (use --overwrite to replace it or --resume to continue it)")
    return marker


def _is_ours_anyway(name: str) -> bool:
    """The lock file (and a marker cut short) of a run killed before its marker was written."""
    return name == LOCK or (name.startswith(f".{MARKER}.") and name.endswith(".tmp"))


def _make_root(root: Path) -> None:
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{root}: cannot create output directory "
                          f"({exc.strerror or exc})") from None


def _check_same_run(root: Path, earlier: dict, identity: dict, inputs: list[str]) -> None:
    """A resumed run must have the earlier run's options and inputs."""
    if earlier.get("options") != json.loads(json.dumps(identity)):
        raise OutputError(f"{root}: the earlier run used other options "
                          f"({earlier.get('options')}); resume with the same ones or start "
                          "again with --overwrite")
    if earlier.get("inputs") != inputs:
        raise OutputError(f"{root}: the earlier run had other inputs "
                          f"({', '.join(earlier.get('inputs') or [])}); resume with the same "
                          "ones or start again with --overwrite")


# --------------------------------------------------------------------------- the journal


class Journal:
    """The ``.progress`` journal: one JSON line per finished chunk.

    The first line holds the run's options; a chunk line holds its article
    ids, failures, input hashes and (CSV) the table sizes after the chunk.
    A line is written only after the data it describes is flushed and
    synced, and a line cut short by a crash is ignored, so the journal never
    claims work that is not on disk.
    """

    def __init__(self, out: Path):
        self.path = out / PROGRESS
        self.options: dict | None = None
        self.base_sizes: dict[str, int] | None = None  # CSV tables holding only headers
        self.chunks: list[dict] = []

    def load(self) -> bool:
        """Read an earlier journal; False if there is none (or it has no options line)."""
        if not os.path.lexists(self.path):
            return False
        with open_existing(self.path, "rb") as fh:
            for raw in fh:
                try:
                    rec = json.loads(raw.decode("utf-8"))
                except (UnicodeDecodeError, json.JSONDecodeError):
                    break  # a line cut short by a crash; nothing after it counts
                if "options" in rec:
                    self.options, self.base_sizes = rec["options"], rec.get("sizes")
                else:
                    self.chunks.append(rec)
        return self.options is not None

    def start(self, options: dict, sizes: dict[str, int] | None = None) -> None:
        """Begin a new journal (the run's options, and the CSV header sizes)."""
        self.options, self.base_sizes = options, sizes
        self._append({"options": options, **({"sizes": sizes} if sizes else {})})

    def commit(self, record: dict) -> None:
        """Record a finished chunk (after its rows are on disk)."""
        self._append(record)
        self.chunks.append(record)

    def _append(self, record: dict) -> None:
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW, 0o644)
        with os.fdopen(fd, "ab") as fh:
            line = json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n"
            fh.write(line.encode("utf-8", "surrogateescape"))
            fh.flush()
            os.fsync(fh.fileno())

    def done_ids(self) -> set[str]:
        """Ids of every article the journal records (succeeded or failed)."""
        return {i for c in self.chunks for i in (*c["ids"], *(f[0] for f in c["failed"]))}

    def next_chunk(self) -> int:
        """The number of the next chunk."""
        return max((c["chunk"] for c in self.chunks), default=-1) + 1


__all__ = ["LOCK", "MARKER", "PROGRESS", "Journal", "OutputStore", "open_existing", "open_new",
           "read_marker", "safe_dir", "write_file", "CleanedTexts"]
