"""--n-process auto: how many worker processes a run starts, and that it changes no table."""

from __future__ import annotations

import json

import pytest

from conftest import TEXTS, write_texts
from toolkit import options
from toolkit.cli import build_parser, run_options
from toolkit.inputs import count_articles
from toolkit.options import AUTO_MIN_ARTICLES, MAX_AUTO_PROCESSES, RunOptions, auto_processes


def test_auto_is_one_process_for_a_small_input():
    assert auto_processes(AUTO_MIN_ARTICLES - 1, cores=16) == 1


def test_auto_uses_the_cores_but_no_more_than_the_cap_or_the_chunks():
    assert auto_processes(10_000, cores=2) == 2
    assert auto_processes(10_000, cores=64) == MAX_AUTO_PROCESSES
    assert auto_processes(120, chunk_size=50, cores=16) == 3  # three chunks to share
    assert auto_processes(None, cores=3) == 3  # unknown size: the cores decide


def test_auto_reads_the_available_cores(monkeypatch):
    monkeypatch.setattr(options, "available_cores", lambda: 5)
    assert RunOptions().workers(10_000) == (5, None)
    assert RunOptions(n_process="auto").n_process is None


def test_the_command_line_takes_auto_or_a_number():
    parser = build_parser()
    for given, want in ((["--n-process", "auto"], None), ([], None), (["--n-process", "3"], 3)):
        args = parser.parse_args(["analyze", "x", "--out", "o", *given])
        assert run_options(args).n_process == want
    with pytest.raises(SystemExit):
        parser.parse_args(["analyze", "x", "--out", "o", "--n-process", "some"])


def test_count_articles_counts_files_and_corpus_rows(tmp_path):
    (tmp_path / "a.txt").write_text("One story.")
    rows = [{"id": str(i), "text": "A story."} for i in range(3)]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert count_articles([tmp_path / "a.txt", tmp_path / "c.jsonl"]) == 4
    assert count_articles([tmp_path / "c.jsonl", tmp_path / "a.txt"], enough=2) == 3


def _tables(out):
    """The tables and the network files (written by a child process when the run forks)."""
    return {p.name: p.read_bytes() for p in sorted([*out.glob("*.csv"), *out.glob("network.*")])}


def test_tables_are_the_same_whatever_the_process_count(tmp_path, monkeypatch):
    from toolkit.runner import run

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(6):
        (folder / f"{i}.txt").write_text(
            f"Story {i}\n\nMayor Ana Ruiz said on Monday that the bridge cost {i + 2} million "
            f'pounds. "It is open," Tom Ode told reporters.\n')
    import toolkit.runner as runner

    forked = []

    class Recorded(runner.FilesInChild):
        def __init__(self, store, writers):
            forked.append(sorted(writers))
            super().__init__(store, writers)

    monkeypatch.setattr(runner, "FilesInChild", Recorded)
    # Threads left by other tests would make the run write the files here instead.
    monkeypatch.setattr(runner, "_may_fork", lambda: True)
    run([folder], tmp_path / "one", n_process=1, chunk_size=2, report=False)
    assert forked == []  # one process: the network files are written here
    monkeypatch.setattr(options, "AUTO_MIN_ARTICLES", 1)  # auto forks even for six articles
    monkeypatch.setattr(options, "available_cores", lambda: 2)
    assert RunOptions(chunk_size=2).workers(6) == (2, None)
    run([folder], tmp_path / "auto", chunk_size=2, report=False)
    run([folder], tmp_path / "three", n_process=3, force_n_process=True, chunk_size=2,
        report=False)
    one = _tables(tmp_path / "one")
    assert len(one) >= 10 and _tables(tmp_path / "auto") == one == _tables(tmp_path / "three")
    assert forked == [["network.gexf", "network.graphml"]] * 2


def _store(tmp_path):
    from toolkit.store import OutputStore

    return OutputStore.open(tmp_path / "out", identity={"test": 1}, inputs=[], names=set())


def test_files_written_by_a_child_are_put_in_place_when_it_is_done(tmp_path):
    from toolkit.runner import FilesInChild

    store = _store(tmp_path)
    files = FilesInChild(store, {"a.txt": lambda p: p.write_text("alpha"),
                                 "b.txt": lambda p: p.write_text("beta")})
    files.finish()
    assert (tmp_path / "out" / "a.txt").read_text() == "alpha"
    assert (tmp_path / "out" / "b.txt").read_text() == "beta"
    store.close()
    assert {"a.txt", "b.txt"} <= set(json.loads((tmp_path / "out" / ".article-toolkit-run.json")
                                                .read_text())["entries"])


def test_a_child_that_fails_gives_one_clear_error_and_no_file(tmp_path):
    from toolkit.output import OutputError
    from toolkit.runner import FilesInChild

    def broken(path):
        raise ValueError("graph has a node with no name\nsecond line")

    store = _store(tmp_path)
    files = FilesInChild(store, {"a.txt": lambda p: p.write_text("alpha"), "b.txt": broken})
    with pytest.raises(OutputError, match=r"^b.txt: ValueError: graph has a node with no name$"):
        files.finish()
    store.close()
    assert not (tmp_path / "out" / "a.txt").exists() and not (tmp_path / "out" / "b.txt").exists()


def test_a_child_that_dies_is_reported_with_its_exit_code(tmp_path):
    import os

    from toolkit.output import OutputError
    from toolkit.runner import FilesInChild

    store = _store(tmp_path)
    files = FilesInChild(store, {"a.txt": lambda p: os._exit(3)})
    with pytest.raises(OutputError, match="stopped \\(exit code 3\\)"):
        files.finish()
    store.close()


def test_an_interruption_while_the_child_writes_leaves_nothing_half_done(tmp_path, monkeypatch):
    import multiprocessing as mp

    import toolkit.report as report
    import toolkit.runner as runner

    folder = write_texts(tmp_path / "in", TEXTS[:4])
    monkeypatch.setattr(runner, "_may_fork", lambda: True)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt  # Ctrl-C while the report is drawn, the child writing

    monkeypatch.setattr(report, "write_report", interrupted)
    with pytest.raises(KeyboardInterrupt):
        runner.run([folder], tmp_path / "out", n_process=2, force_n_process=True, chunk_size=2)
    assert mp.active_children() == []  # the child was stopped
    assert not list((tmp_path / "out").glob("network.*"))  # nothing put in place half-done
    monkeypatch.undo()
    runner.run([folder], tmp_path / "out", resume=True, n_process=2, force_n_process=True,
               chunk_size=2)
    assert {"network.gexf", "network.graphml", "report.html"} <= {
        p.name for p in (tmp_path / "out").iterdir()}


def test_chunks_shrink_near_the_end_so_the_workers_finish_together():
    from toolkit.runner import _chunks, _tapering

    items = list(range(742))
    chunks = list(_chunks(items, 50, 3, [].append, sizes=_tapering(50, 742, 2)))
    assert [len(b) for _, b in chunks] == [50] * 13 + [46, 23, 12, 11]
    assert [n for n, _ in chunks] == list(range(3, 3 + len(chunks)))
    assert [i for _, b in chunks for i in b] == items  # every article once, in order


def test_read_failures_count_as_taken_when_chunks_shrink():
    from toolkit.read import Failure
    from toolkit.runner import _chunks, _tapering

    failed = []
    items = [Failure("x", "x.txt", "x.txt: unreadable"), *range(7)]
    chunks = list(_chunks(items, 4, 0, failed.append, sizes=_tapering(4, 8, 2)))
    assert [b for _, b in chunks] == [[0, 1, 2, 3], [4, 5], [6]] and len(failed) == 1


def test_one_worker_or_an_unknown_count_keeps_equal_chunks():
    from toolkit.runner import _chunks, _tapering

    assert _tapering(50, 742, 1) is None and _tapering(50, None, 2) is None
    assert [len(b) for _, b in _chunks(range(120), 50, 0, [].append)] == [50, 50, 20]


def test_a_run_collects_young_objects_less_often_and_restores_the_collector(tmp_path, monkeypatch):
    import gc

    from toolkit import runner

    seen = []
    real_open_run = runner.open_run

    def open_run(*args, **kwargs):
        seen.append(gc.get_threshold())
        return real_open_run(*args, **kwargs)

    monkeypatch.setattr(runner, "open_run", open_run)
    write_texts(tmp_path / "in", TEXTS[:1])
    before = gc.get_threshold()
    runner.run([tmp_path / "in"], tmp_path / "out", n_process=1, report=False)
    assert seen[0][0] == max(before[0], runner.RUN_GC_THRESHOLD) and seen[0][1:] == before[1:]
    assert gc.get_threshold() == before


def test_the_collector_is_restored_when_a_run_fails_and_left_off_when_switched_off(
        tmp_path, monkeypatch):
    import gc

    from toolkit import runner

    def failing_open_run(*args, **kwargs):
        assert gc.get_threshold()[0] == seen_threshold
        raise RuntimeError("no run")

    monkeypatch.setattr(runner, "open_run", failing_open_run)
    before = gc.get_threshold()
    seen_threshold = max(before[0], runner.RUN_GC_THRESHOLD)
    with pytest.raises(RuntimeError, match="no run"):
        runner.run([tmp_path], tmp_path / "out", n_process=1, report=False)
    assert gc.get_threshold() == before
    # A caller who switched automatic collection off keeps it off.
    gc.set_threshold(0, *before[1:])
    try:
        seen_threshold = 0
        with pytest.raises(RuntimeError, match="no run"):
            runner.run([tmp_path], tmp_path / "out", n_process=1, report=False)
        assert gc.get_threshold()[0] == 0
    finally:
        gc.set_threshold(*before)
