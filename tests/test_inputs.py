"""Ids and text you can trust, and an API as strict as the command line (issue reproductions)."""

from __future__ import annotations

import os
import sys

import pandas as pd
import pytest

import toolkit
from toolkit.cli import main
from toolkit.inputs import file_ids, iter_articles
from toolkit.output import OutputError
from toolkit.read import InputError, iter_input_files, iter_table_articles, read_article
from toolkit.runner import run

STORY = "Harbour master Ines Vidal said on Monday that the port would reopen after repairs.\n"


# ------------------------------------------------------------ ids


def test_ids_keep_the_folder_when_stems_collide(tmp_path):
    for folder in ("tech", "sport"):
        (tmp_path / "c" / folder).mkdir(parents=True)
        (tmp_path / "c" / folder / "009.txt").write_text(STORY)
    (tmp_path / "c" / "alone.txt").write_text(STORY)
    ids = [a.id for a in iter_articles([tmp_path / "c"])]
    assert ids == ["alone", "sport-009", "tech-009"]
    arts = {a.id: a for a in iter_articles([tmp_path / "c"])}
    assert arts["tech-009"].source_id == "009"


def test_files_given_directly_keep_their_parent_folder(tmp_path):
    files = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        files.append(tmp_path / folder / "x.txt")
        files[-1].write_text(STORY)
    assert sorted(file_ids(files, files).values()) == ["a-x", "b-x"]


def test_explicit_ids_never_collide_with_numbered_ones(tmp_path):
    f = tmp_path / "rows.jsonl"
    f.write_text("\n".join(f'{{"id": "{i}", "text": "{STORY.strip()}"}}'
                           for i in ("dup", "dup", "dup-2")) + "\n")
    arts = list(iter_articles([f]))
    assert [a.id for a in arts] == ["dup", "dup-2", "dup-2-2"]
    assert [a.source_id for a in arts] == ["dup", "dup", "dup-2"]


def test_source_id_column_in_articles_csv(tmp_path):
    f = tmp_path / "rows.csv"
    f.write_text(f'id,text\n"a/1","{STORY.strip()}"\n', encoding="utf-8")
    run([f], tmp_path / "out", report=False)
    articles = pd.read_csv(tmp_path / "out" / "articles.csv", dtype=str)
    assert articles[["article_id", "source_id"]].values.tolist() == [["a_1", "a/1"]]


def test_resume_refuses_when_a_new_file_would_rename_an_id(tmp_path):
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "a" / "x.txt").write_text(STORY)
    run([src], tmp_path / "out", report=False)
    (src / "b").mkdir()
    (src / "b" / "x.txt").write_text(STORY)
    with pytest.raises(OutputError, match="its id would now be 'a-x'"):
        run([src], tmp_path / "out", resume=True, report=False)


# ------------------------------------------------------------ text you can trust


def test_csv_corpus_in_cp1252_is_decoded_like_a_text_file(tmp_path):
    f = tmp_path / "rows.csv"
    f.write_bytes('id,text\nr1,"The café in Liège reopened on Monday, its owner said."\n'
                  .encode("cp1252"))
    (art,) = list(iter_table_articles(f))
    assert "café in Liège" in art.text and "\ufffd" not in art.text


def test_jsonl_corpus_in_latin1_is_decoded(tmp_path):
    f = tmp_path / "rows.jsonl"
    f.write_bytes('{"id": "r1", "text": "The café reopened on Monday, its owner said."}\n'
                  .encode("latin-1"))
    (art,) = list(iter_table_articles(f))
    assert "café" in art.text


def test_non_string_parquet_text_cells_are_refused_per_row(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    f = tmp_path / "rows.parquet"
    table = pa.table({"id": ["a", "b"], "text": pa.array([STORY.encode(), STORY.encode()])})
    pq.write_table(table, f)
    items = list(iter_table_articles(f))
    assert [type(x).__name__ for x in items] == ["Failure", "Failure"]
    assert "non-text value in column 'text' (bytes)" in items[0].error


def test_xml_incompatible_characters_never_reach_the_outputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a\ufffeb.txt").write_text("Ana\ufffe Ruiz met Olaf\x0b Strand in Brennet on Monday, "
                                      "the council said.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet"]) == 0
    import networkx as nx

    nx.read_gexf(out / "network.gexf")  # valid XML
    nx.read_graphml(out / "network.graphml")
    for name in ("network.gexf", "network.graphml", "report.html", "actors.csv"):
        assert "\ufffe" not in (out / name).read_text(encoding="utf-8"), name


@pytest.mark.skipif(sys.platform != "linux", reason="bytes file names")
def test_file_names_that_are_not_utf8(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    with open(os.path.join(os.fsencode(src), b"caf\xe9.txt"), "w") as fh:
        fh.write(STORY)
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet"]) == 0
    articles = pd.read_csv(out / "articles.csv", dtype=str)
    assert articles.source_path[0].endswith("caf\ufffd.txt")
    assert (out / "manifest.json").read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_reported(tmp_path):
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "ok.txt").write_text(STORY)
    (src / "locked").chmod(0)
    try:
        with pytest.raises(InputError, match="locked: cannot read folder"):
            list(iter_input_files([src]))
    finally:
        (src / "locked").chmod(0o755)


def test_an_unreadable_subfolder_is_reported_even_for_root(tmp_path, monkeypatch):
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    (src / "ok.txt").write_text(STORY)
    real = os.scandir

    def scandir(path):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(InputError, match="locked: cannot read folder"):
        list(iter_input_files([src]))


def test_the_same_file_given_twice_is_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(STORY)
    with pytest.raises(InputError, match="given twice"):
        list(iter_input_files([f, tmp_path]))


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_article(fifo)


def test_utf16_without_bom_is_text():
    from toolkit.read import decode

    assert decode(STORY.encode("utf-16-le"))[1] == "utf-16-le"


def test_form_feed_does_not_shift_line_numbers(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Share this\x0cpage\n\n" + STORY + "\nRead more\n", encoding="utf-8")
    art = read_article(f)
    assert [r.line for r in art.removed] == [1, 5]  # the lines an editor shows


# ------------------------------------------------------------ the API is strict


def test_api_missing_path_raises_file_not_found():
    with pytest.raises(FileNotFoundError, match="no such file"):
        read_article("/no/such/file")
    with pytest.raises(FileNotFoundError):
        toolkit.analyze("/no/such/file.txt")


def test_api_text_is_not_silently_taken_for_a_path():
    with pytest.raises(FileNotFoundError, match="Ann Lee said it rained."):
        toolkit.analyze("Ann Lee said it rained.")
    with pytest.raises(ValueError, match="looks like article text"):
        read_article("Ann Lee said it rained.\nThen it stopped.")
    art = toolkit.read_text("Ann Lee said on Monday that it rained all day in the town.\n")
    assert toolkit.analyze(art).article.text


@pytest.mark.parametrize("bad,error", [("", ValueError), ("   ", ValueError),
                                       (None, TypeError), (b"a.txt", TypeError),
                                       (3, TypeError)])
def test_api_wrong_values_get_a_clear_message(bad, error):
    with pytest.raises(error, match="read_article"):
        read_article(bad)


def test_clean_refuses_a_corpus_file(tmp_path, capsys):
    f = tmp_path / "rows.jsonl"
    f.write_text('{"id": "a", "text": "x"}\n')
    assert main(["clean", str(f)]) == 2
    assert "use `analyze` for a corpus" in capsys.readouterr().err



# ------------------------------------------------------------ every low item, one clear line


def one_line_error(capsys, *args) -> tuple[int, str]:
    code = main(list(map(str, args)))
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return code, err


def test_scheduler_with_the_local_engine_is_an_error(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(STORY)
    code, err = one_line_error(capsys, "analyze", tmp_path / "a.txt", "--out", tmp_path / "o",
                               "--scheduler", "tcp://127.0.0.1:8786")
    assert code == 2 and "--engine dask" in err


@pytest.mark.parametrize("flag", ["--id-column", "--title-column"])
def test_a_misspelt_column_is_an_error(flag, tmp_path, capsys):
    f = tmp_path / "rows.csv"
    f.write_text(f'id,text,title\nr1,"{STORY.strip()}",Port\n')
    code, err = one_line_error(capsys, "analyze", f, "--out", tmp_path / "o", flag, "titel")
    assert code == 2 and f"no column 'titel' for {flag}" in err
    assert not (tmp_path / "o").exists()


@pytest.mark.parametrize("name,content", [("rows.jsonl", ""), ("rows.csv", ""),
                                          ("rows.csv", "id,text\n"), ("rows.jsonl", "\n\n")])
def test_empty_corpus_files_all_exit_2(name, content, tmp_path, capsys):
    f = tmp_path / name
    f.write_text(content)
    code, err = one_line_error(capsys, "analyze", f, "--out", tmp_path / "o")
    assert code == 2 and ("holds no rows" in err or "is empty" in err)


def test_dev_zero_is_refused(tmp_path, capsys):
    code, err = one_line_error(capsys, "analyze", "/dev/zero", "--out", tmp_path / "o")
    assert code == 2 and "not a regular file" in err


def test_overwrite_leaves_no_stale_cleaned_texts(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "old.txt").write_text(STORY)
    run([src], tmp_path / "out", report=False)
    (src / "old.txt").rename(src / "new.txt")
    run([src], tmp_path / "out", overwrite=True, report=False)
    assert [p.name for p in (tmp_path / "out" / "cleaned").iterdir()] == ["new.txt"]


def test_report_after_resume_covers_the_whole_run(tmp_path, monkeypatch):
    from toolkit import runner as runner_mod

    src = tmp_path / "in"
    src.mkdir()
    for i, name in enumerate(("Ana Ruiz", "Olaf Strand", "Marta Pol")):
        (src / f"a{i}.txt").write_text(f"{name} said on Monday that the port would reopen.\n")
    real = runner_mod.analyze_chunk

    def dies_on_third(task, **kw):
        if task.chunk == 2:
            raise KeyboardInterrupt
        return real(task, **kw)

    monkeypatch.setattr(runner_mod, "analyze_chunk", dies_on_third)
    with pytest.raises(KeyboardInterrupt):
        run([src], tmp_path / "out", chunk_size=1)
    monkeypatch.setattr(runner_mod, "analyze_chunk", real)
    run([src], tmp_path / "out", chunk_size=1, resume=True)
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert all(name in html for name in ("Ana Ruiz", "Olaf Strand", "Marta Pol"))


def test_a_dask_scheduler_that_cannot_be_reached_is_one_line(tmp_path, capsys, monkeypatch):
    distributed = pytest.importorskip("distributed")

    def refuse(*args, **kwargs):
        raise OSError("Timed out trying to connect to tcp://127.0.0.1:1 after 15 s")

    monkeypatch.setattr(distributed, "Client", refuse)
    (tmp_path / "a.txt").write_text(STORY)
    code, err = one_line_error(capsys, "analyze", tmp_path / "a.txt", "--out", tmp_path / "o",
                               "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--quiet")
    assert code == 2 and "cannot connect to the Dask scheduler" in err


def test_a_full_disk_is_one_line(tmp_path, capsys, monkeypatch):
    import errno

    from toolkit import tablefiles as tables

    def full(self, frames):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tables.CsvTables, "append", full)
    (tmp_path / "a.txt").write_text(STORY)
    code, err = one_line_error(capsys, "analyze", tmp_path / "a.txt", "--out", tmp_path / "o",
                               "--quiet")
    assert code == 2 and "No space left on device" in err and "--resume" in err


def test_ctrl_c_with_worker_processes_prints_one_line(tmp_path):
    import signal
    import subprocess
    import time

    from conftest import ROOT

    src = tmp_path / "in"
    src.mkdir()
    for i in range(40):
        (src / f"a{i}.txt").write_text(STORY * 3)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "toolkit", "analyze", str(src), "--out",
                             str(out), "--n-process", "2", "--force-n-process", "--quiet",
                             "--chunk-size", "2"], env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not (out / ".progress").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal's Ctrl-C does
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().count("\n") == 0, err


def test_an_interrupted_run_does_not_wait_for_a_pool_that_never_stops():
    import threading
    import time

    from toolkit import runner

    release = threading.Event()

    class StuckPool:  # Pool.terminate blocks for good on a half-sent result
        def terminate(self):
            release.wait()

    start = time.monotonic()
    runner._stop_pool(StuckPool(), wait=0.2)
    assert time.monotonic() - start < 2
    release.set()


def test_a_broken_csv_quote_names_the_lines_it_swallowed(tmp_path):
    f = tmp_path / "rows.csv"
    f.write_text('id,text\nr1,"Ana Ruiz said it rained.\nr2,Olaf Strand said it snowed.\n'
                 'r3,Marta Pol said it was "dry".\nr4,"Ines Vidal said it cleared."\n')
    items = list(iter_table_articles(f))
    bad = [x for x in items if not hasattr(x, "id")]
    assert bad and "unclosed quote made lines 2-4 one row" in bad[0].error


@pytest.mark.parametrize("command", [["analyze", "", "--out", "o"], ["clean", ""]])
def test_an_empty_path_on_the_command_line_is_one_line(command, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, err = one_line_error(capsys, *command)
    assert code == 2 and "empty path" in err
