"""Runs that cannot hurt the user's data: the output store, resume after a hard kill,
overwrite, locks, links, time limits and memory bounds (issue reproductions)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, TEXTS, write_texts
from toolkit import contract
from toolkit.cli import main
from toolkit.output import OutputError
from toolkit.runner import run
from toolkit.store import LOCK, MARKER, OutputStore


def table_bytes(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in (*contract.TABLES, "errors")}


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    return write_texts(tmp_path_factory.mktemp("src") / "in", TEXTS[:5])


@pytest.fixture(scope="module")
def reference(src, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "out"
    run([src], out, chunk_size=2, report=False)
    return out


# ------------------------------------------------------------ 1. hard kill, then resume

KILLER = textwrap.dedent("""
    import os, signal, sys
    target, when = sys.argv[1], int(sys.argv[2])
    import toolkit.runner as runner, toolkit.store as store, toolkit.tablefiles as tables
    owner = {"fsync": os, "replace": os, "commit": store.Journal,
             "append": tables.CsvTables, "chunk": runner}[target]
    name = {"chunk": "analyze_chunk"}.get(target, target)
    real, calls = getattr(owner, name), [0]
    def dying(*args, **kwargs):
        calls[0] += 1
        if calls[0] == when:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    setattr(owner, name, dying)
    runner.run([sys.argv[3]], sys.argv[4], chunk_size=2, report=False, fmt=sys.argv[5])
""")


def killed_run(target: str, when: int, src: Path, out: Path, fmt: str = "csv") -> int:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-c", KILLER, target, str(when), str(src), str(out),
                           fmt], env=env, capture_output=True, text=True, timeout=120)
    return proc.returncode


@pytest.mark.parametrize("target,when", [("chunk", 1), ("append", 1), ("commit", 2),
                                         ("fsync", 3), ("fsync", 12), ("replace", 5),
                                         ("replace", 14)])
def test_resume_after_a_hard_kill_gives_identical_tables(src, reference, tmp_path, target,
                                                         when):
    out = tmp_path / "out"
    assert killed_run(target, when, src, out) == -9
    for part in out.glob(".*.csv.part"):  # never NUL padding or a journal ahead of the data
        assert b"\x00" not in part.read_bytes()
    run([src], out, resume=True, chunk_size=2, report=False)
    assert table_bytes(out) == table_bytes(reference)
    # and a second resume of the finished run changes nothing
    run([src], out, resume=True, chunk_size=2, report=False)
    assert table_bytes(out) == table_bytes(reference)


@pytest.mark.parametrize("target,when", [("chunk", 2), ("fsync", 9), ("replace", 12)])
def test_parquet_resume_after_a_hard_kill(src, tmp_path, target, when):
    full, out = tmp_path / "full", tmp_path / "out"
    run([src], full, chunk_size=2, report=False, fmt="parquet")
    assert killed_run(target, when, src, out, "parquet") == -9
    run([src], out, resume=True, chunk_size=2, report=False, fmt="parquet")
    for name in contract.TABLES:
        parts = sorted(p.name for p in (out / f"{name}.parquet").iterdir())
        assert parts == sorted(p.name for p in (full / f"{name}.parquet").iterdir())
        for part in parts:
            assert (out / f"{name}.parquet" / part).read_bytes() == \
                (full / f"{name}.parquet" / part).read_bytes(), (name, part)


def test_resume_refuses_a_table_shorter_than_the_journal(src, tmp_path):
    out = tmp_path / "out"
    assert killed_run("chunk", 2, src, out) == -9
    (out / ".actors.csv.part").write_bytes(b"")
    with pytest.raises(OutputError, match="shorter than the journal"):
        run([src], out, resume=True, chunk_size=2, report=False)


# ------------------------------------------------------------ 3./4. the folder is owned


def test_overwrite_and_resume_touch_only_what_the_toolkit_wrote(src, tmp_path):
    out = tmp_path / "out"
    run([src], out, report=False)
    (out / "notes.txt").write_text("mine")
    (out / "parts").mkdir()
    (out / "parts" / "keep.txt").write_text("mine too")
    run([src], out, overwrite=True, report=False)
    run([src], out, resume=True, report=False)
    assert (out / "notes.txt").read_text() == "mine"
    assert (out / "parts" / "keep.txt").read_text() == "mine too"


def test_overwrite_refuses_to_replace_a_file_it_did_not_write(src, tmp_path):
    out = tmp_path / "out"
    run([src], out, report=False)  # no report.html in this run
    (out / "report.html").write_text("my own report")
    with pytest.raises(OutputError, match="report.html, which the toolkit did not write"):
        run([src], out, overwrite=True)
    assert (out / "report.html").read_text() == "my own report"


def test_an_input_inside_the_output_folder_is_refused(tmp_path):
    out = tmp_path / "out"
    write_texts(out, TEXTS[:1])
    (out / "articles.csv").write_text("id,text\nx,Ann Lee said it rained on Monday.\n")
    with pytest.raises(Exception, match="inside the output folder"):
        run([out / "articles.csv"], out, overwrite=True, report=False)
    assert (out / "articles.csv").exists()


def test_resume_refuses_a_folder_without_an_earlier_run(src, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("precious")
    (out / "parts").mkdir()
    code = main(["analyze", str(src), "--out", str(out), "--resume", "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "no earlier run" in err and err.count("\n") == 1
    assert (out / "report.html").read_text() == "precious" and (out / "parts").is_dir()
    assert sorted(p.name for p in out.iterdir()) == ["parts", "report.html"]


def test_resume_refuses_other_inputs_and_changed_inputs(src, tmp_path):
    out = tmp_path / "out"
    run([src], out, report=False)
    other = write_texts(tmp_path / "other", TEXTS[:2])
    with pytest.raises(OutputError, match="other inputs"):
        run([other], out, resume=True, report=False)
    changed = write_texts(tmp_path / "changed", TEXTS[:2])
    out2 = tmp_path / "out2"
    run([changed], out2, report=False)
    (changed / "art0.txt").write_text("Someone else said something else on Friday.\n")
    with pytest.raises(OutputError, match="changed"):
        run([changed], out2, resume=True, report=False)


def test_a_second_concurrent_run_fails_at_once(src, tmp_path, capsys):
    out = tmp_path / "out"
    run([src], out, report=False)
    holder = OutputStore.open(out, identity={}, inputs=[], names=set(), resume=False,
                              overwrite=True)
    try:
        code = main(["analyze", str(src), "--out", str(out), "--overwrite", "--quiet"])
        err = capsys.readouterr().err
        assert code == 2 and "another run is writing to this folder" in err
    finally:
        holder.close()


def test_links_planted_in_the_output_folder_are_never_followed(src, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("do not touch")
    out = tmp_path / "out"
    run([src], out, chunk_size=2, report=False)
    # links where the toolkit writes: a finished file, a temporary name, the cleaned folder
    (out / "errors.csv").unlink()
    (out / "errors.csv").symlink_to(victim)
    (out / ".manifest.json.tmp").symlink_to(victim)
    run([src], out, chunk_size=2, resume=True, report=False)
    assert victim.read_text() == "do not touch"
    assert not (out / "errors.csv").is_symlink()
    # a link in place of a folder the toolkit writes into is refused
    target = tmp_path / "elsewhere"
    target.mkdir()
    out2 = tmp_path / "out2"
    run([src], out2, report=False)
    import shutil

    shutil.rmtree(out2 / "cleaned")
    (out2 / "cleaned").symlink_to(target)
    with pytest.raises(OutputError, match="symbolic link"):
        run([src], out2, resume=True, report=False)
    assert list(target.iterdir()) == []


def test_marker_records_identity_and_every_name_written(src, reference):
    import json

    marker = json.loads((reference / MARKER).read_text())
    assert marker["options"]["format"] == "csv"
    assert marker["inputs"] == [os.path.abspath(src)]
    on_disk = {p.name for p in reference.iterdir()}
    assert on_disk <= set(marker["entries"]) and LOCK in on_disk


# ------------------------------------------------------------ 2. time limits are limits


def test_a_timeout_is_never_swallowed_by_a_stage(monkeypatch, tmp_path):
    from toolkit import figures as figures_mod

    def stage_that_swallows(doc, **kwargs):
        try:
            while True:
                pass
        except Exception:  # noqa: BLE001 - as extraction code once did
            return []

    monkeypatch.setattr(figures_mod, "extract_figures", stage_that_swallows)
    src = write_texts(tmp_path / "in", TEXTS[:2])
    summary = run([src], tmp_path / "out", timeout=0.3, report=False)
    assert (summary.succeeded, summary.failed) == (0, 2)
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert errors.stage.tolist() == ["timeout", "timeout"]
    assert "stopped after 0.3 s in stage figures" in errors.error[0]


def test_the_time_limit_covers_cleaning(monkeypatch, tmp_path):
    from toolkit import read as read_mod

    def endless_rule(lines, **kwargs):
        while True:
            pass

    monkeypatch.setattr(read_mod, "clean_lines", endless_rule)
    src = write_texts(tmp_path / "in", TEXTS[:2])
    summary = run([src], tmp_path / "out", timeout=0.2, report=False)
    assert summary.failed == 2
    errors = pd.read_csv(tmp_path / "out" / "errors.csv")
    assert errors.stage.tolist() == ["timeout", "timeout"]
    assert "in stage clean" in errors.error[0]


@pytest.mark.parametrize("value", ["inf", "1e300", "1e-9", "-1", "nan", "ten"])
def test_bad_timeouts_are_one_line_errors(value, src, tmp_path, capsys):
    with pytest.raises(SystemExit) as info:
        main(["analyze", str(src), "--out", str(tmp_path / "o"), f"--timeout={value}"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "--timeout" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


# ------------------------------------------------------------ 5. memory bounded by design


def test_long_text_is_parsed_one_piece_at_a_time(monkeypatch, nlp):
    from toolkit import nlp as nlp_mod
    from toolkit.read import article_from_text

    monkeypatch.setattr(nlp_mod, "MAX_CHUNK_CHARS", 500)
    para = "Maria Lopez said on Monday that the council in Springfield would vote again."
    art = article_from_text("\n\n".join([para] * 30))

    class OnePieceAtATime:
        def __init__(self, real):
            self.real, self.calls = real, []

        def __call__(self, text):
            self.calls.append(len(text) if isinstance(text, str) else len(text.text))
            return self.real(text)

        def pipe(self, *args, **kwargs):
            raise AssertionError("pieces of one article must not be parsed as a batch")

    spy = OnePieceAtATime(nlp)
    doc = nlp_mod.parse(art, spy)
    assert len(spy.calls) >= 4 and max(spy.calls) <= 500
    assert doc.text == art.text


def test_an_article_over_the_maximum_size_is_refused_clearly(monkeypatch, tmp_path, capsys):
    from toolkit import limits

    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 100)
    f = tmp_path / "long.txt"
    f.write_text("The council said the harbour would reopen soon after repairs. " * 2 + "\n")
    code = main(["analyze", str(f), "--out", str(tmp_path / "o"), "--quiet"])
    err = capsys.readouterr().err
    assert code == 2 and "the most the toolkit analyses is 100" in err
    assert err.count("\n") == 1


def test_n_process_is_capped_at_the_cores_unless_forced(monkeypatch):
    from toolkit import options
    from toolkit.options import RunOptions

    monkeypatch.setattr(options, "available_cores", lambda: 2)
    n, warning = RunOptions(n_process=64).workers()
    assert n == 2 and "--force-n-process" in warning
    assert RunOptions(n_process=64, force_n_process=True).workers() == (64, None)


def test_a_plain_text_far_over_the_maximum_is_refused_before_cleaning(monkeypatch, tmp_path):
    from toolkit import limits
    from toolkit import read as read_mod

    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 100)

    def never(*args, **kwargs):
        raise AssertionError("cleaning must not start")

    monkeypatch.setattr(read_mod, "clean_lines", never)
    f = tmp_path / "huge.txt"
    f.write_text("Rain fell on the harbour all day. " * 10 + "\n")
    with pytest.raises(read_mod.InputError, match="far more than the 100"):
        read_mod.read_article(f)


def test_cleaned_texts_are_put_in_place_only_for_analysed_articles(tmp_path):
    from toolkit.store import CleanedTexts

    texts = CleanedTexts(tmp_path, [("a1", "First story."), ("a2", "Second story."),
                                    ("a3", "Third story.")])
    texts.finish({"a1", "a3"})
    cleaned = tmp_path / "cleaned"
    assert sorted(os.listdir(cleaned)) == ["a1.txt", "a3.txt"]  # no temporary file left
    assert (cleaned / "a3.txt").read_text(encoding="utf-8") == "Third story."


def test_a_discarded_chunk_leaves_no_cleaned_text(tmp_path):
    from toolkit.store import CleanedTexts

    texts = CleanedTexts(tmp_path, [("a1", "First story.")])
    texts.discard()
    assert os.listdir(tmp_path / "cleaned") == []


def test_a_failed_rename_is_raised_and_leaves_no_temporary_file(tmp_path):
    from toolkit.store import CleanedTexts

    (tmp_path / "cleaned").mkdir()
    (tmp_path / "cleaned" / "a2.txt").mkdir()  # a folder where a text should go
    texts = CleanedTexts(tmp_path, [("a1", "One."), ("a2", "Two."), ("a3", "Three.")])
    with pytest.raises(OSError):
        texts.finish({"a1", "a2", "a3"})
    assert sorted(os.listdir(tmp_path / "cleaned")) == ["a1.txt", "a2.txt"]
    assert (tmp_path / "cleaned" / "a2.txt").is_dir()


def test_a_failed_write_is_raised_and_nothing_is_put_in_place(tmp_path, monkeypatch):
    import toolkit.store as store

    calls = []
    real = store.open_new

    def fail_second(path, mode="wb"):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(path, mode)

    monkeypatch.setattr(store, "open_new", fail_second)
    texts = store.CleanedTexts(tmp_path, [("a1", "One."), ("a2", "Two."), ("a3", "Three.")])
    with pytest.raises(OSError, match="No space left"):
        texts.finish({"a1", "a2", "a3"})
    assert os.listdir(tmp_path / "cleaned") == []


def test_cleaned_texts_refuse_a_planted_link_to_the_folder(tmp_path):
    from toolkit.output import OutputError
    from toolkit.store import CleanedTexts

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "cleaned").symlink_to(elsewhere)
    with pytest.raises(OutputError):
        CleanedTexts(out, [("a1", "One.")])
    assert os.listdir(elsewhere) == []


def test_the_csv_tables_are_claimed_with_one_marker_write_on_opening_and_one_on_finishing(
        tmp_path, monkeypatch):
    from toolkit.store import OutputStore
    from toolkit.tablefiles import CsvTables

    store = OutputStore.open(tmp_path / "out", identity={"k": 1}, names=[], overwrite=False,
                             resume=False, inputs=[])
    writes = []
    real = OutputStore._write_marker
    monkeypatch.setattr(OutputStore, "_write_marker", lambda self: writes.append(1) or real(self))
    tables = CsvTables(store, None)
    assert len(writes) == 1
    tables.close(finish=True)
    assert len(writes) == 2
    assert {f"{name}.csv" for name in contract.TABLES} <= set(store.marker["entries"])
    assert all((tmp_path / "out" / f"{name}.csv").is_file() for name in contract.TABLES)
    store.close()


def test_parquet_tables_are_claimed_with_one_marker_write_on_finishing(tmp_path, monkeypatch):
    from toolkit.store import OutputStore
    from toolkit.tablefiles import parquet_finish

    store = OutputStore.open(tmp_path / "out", identity={"k": 1}, names=[], overwrite=False,
                             resume=False, inputs=[])
    writes = []
    real = OutputStore._write_marker
    monkeypatch.setattr(OutputStore, "_write_marker", lambda self: writes.append(1) or real(self))
    parquet_finish(store)
    assert len(writes) == 1
    assert {f"{name}.parquet" for name in contract.TABLES} <= set(store.marker["entries"])
    assert all((tmp_path / "out" / f"{name}.parquet").is_dir() for name in contract.TABLES)
    store.close()
