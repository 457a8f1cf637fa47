"""Many articles: corpus files, batch analysis, chunked and resumable runs, engines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURES, TEXTS, write_texts
from toolkit import chunks as chunks_mod
from toolkit import contract
from toolkit import runner as runner_mod
from toolkit.analysis import analyze
from toolkit.corpus import analyze_corpus, iter_articles, run
from toolkit.output import OutputError
from toolkit.read import Failure, InputError, article_from_text, iter_table_articles

CORPUS = FIXTURES / "corpus"
GOOD_IDS = ["alpha", "beta", "page", "c1", "c3", "j1", "j2", "j4"]

def read_tables(out: Path, fmt: str = "csv") -> dict[str, pd.DataFrame]:
    if fmt == "csv":
        return {t: pd.read_csv(out / f"{t}.csv", dtype=str, keep_default_na=False)
                for t in contract.TABLES}
    return {t: pd.read_parquet(out / f"{t}.parquet") for t in contract.TABLES}


def table_bytes(out: Path) -> dict[str, bytes]:
    return {t: (out / f"{t}.csv").read_bytes() for t in contract.TABLES}


# --------------------------------------------------------------------------- corpus files


def test_jsonl_rows_and_malformed_line():
    items = list(iter_table_articles(CORPUS / "rows.jsonl", title_column="title"))
    assert [type(x).__name__ for x in items] == ["Article", "Article", "Failure", "Article"]
    bad = items[2]
    assert (bad.line, bad.article_id) == (3, "rows-3")
    assert "rows.jsonl:3: malformed JSON" in bad.error
    assert items[0].id == "j1" and items[0].title == "Bridge closed for repairs"
    assert items[3].title is None
    assert items[1].paragraphs[1].text.startswith('"They built the fastest robot')


def test_csv_rows_with_multiline_fields_and_a_bad_row():
    items = list(iter_table_articles(CORPUS / "rows.csv", title_column="headline"))
    assert [getattr(x, "id", None) for x in items] == ["c1", None, "c3"]
    bad = items[1]
    assert isinstance(bad, Failure)
    # c1's text spans lines 2-4, so the bad row starts on line 5.
    assert bad.line == 5 and "4 fields, the header has 3" in bad.error
    assert items[0].title == "Rail strike called off"
    assert len(items[0].paragraphs) == 2


def test_csv_custom_columns_and_missing_ids(tmp_path):
    path = tmp_path / "export.csv"
    pd.DataFrame({"body": ["Ann Lee said the dam was safe.", "Bo Diaz said rain was due."],
                  "key": ["k-1", ""]}).to_csv(path, index=False)
    items = list(iter_table_articles(path, text_column="body", id_column="key"))
    assert [a.id for a in items] == ["k-1", "export-3"]  # no id: <file stem>-<line>
    with pytest.raises(InputError, match="no column 'text'"):
        list(iter_table_articles(path))


def test_parquet_rows(tmp_path):
    path = tmp_path / "export.parquet"
    pd.DataFrame({"id": [7, 8, 9], "text": ["Ann Lee said the dam was safe.", None,
                                            "Bo Diaz said rain was due."]}).to_parquet(path)
    items = list(iter_table_articles(path))
    assert [getattr(x, "id", None) for x in items] == ["7", None, "9"]
    assert items[1].line == 2 and "empty or non-text value" in items[1].error


def test_iter_articles_folder_ids_and_skip():
    items = list(iter_articles([CORPUS]))
    good = [x.id for x in items if not isinstance(x, Failure)]
    assert good == GOOD_IDS
    assert sorted(f.line for f in items if isinstance(f, Failure)) == [3, 5]
    skipped = [x.id for x in iter_articles([CORPUS], skip={"alpha", "j2"})
               if not isinstance(x, Failure)]
    assert skipped == [i for i in GOOD_IDS if i not in ("alpha", "j2")]


def test_duplicate_stems_keep_their_folder(tmp_path):
    for sub in ("a", "b"):
        write_texts(tmp_path / sub, TEXTS[:1])
    assert [x.id for x in iter_articles([tmp_path])] == ["a-art0", "b-art0"]
    # the same folder given twice as two inputs holds each file once
    with pytest.raises(InputError, match="given twice"):
        list(iter_articles([tmp_path, tmp_path / "a"]))


# --------------------------------------------------------------------------- analysis


def test_analyze_corpus_matches_single_analysis(nlp):
    arts = [article_from_text(t, article_id=f"a{i}") for i, t in enumerate(TEXTS[:3])]
    batch = list(analyze_corpus(iter(arts), nlp=nlp, batch_size=2))
    assert [a.article.id for a in batch] == ["a0", "a1", "a2"]
    for art, got in zip(arts, batch, strict=True):
        want = analyze(art, nlp=nlp)
        for name in contract.TABLES:
            pd.testing.assert_frame_equal(got.tables[name], want.tables[name])


def test_ordered_takes_tasks_only_as_results_come_back():
    taken = []

    def tasks():
        for i in range(10):
            taken.append(i)
            yield i

    results = runner_mod._ordered(lambda t: (lambda: t * 2), tasks(), window=3)
    assert next(results) == 0
    assert len(taken) == 3  # never more than the window read ahead
    assert list(results) == [2 * i for i in range(1, 10)]


# --------------------------------------------------------------------------- runs


@pytest.fixture(scope="module")
def folder_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    summary = run([CORPUS], out, chunk_size=3, title_column="title", report=False)
    return out, summary


def test_run_writes_tables_errors_and_manifest(folder_run):
    out, summary = folder_run
    assert (summary.succeeded, summary.failed) == (8, 2)
    tables = read_tables(out)
    assert tables["articles"]["article_id"].tolist() == GOOD_IDS
    for name, cols in contract.TABLES.items():
        assert list(tables[name].columns) == list(cols)
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors.columns) == ["article_id", "source", "line", "stage", "error"]
    assert sorted(errors["line"].tolist()) == [3, 5]
    assert errors["stage"].tolist() == ["read", "read"]
    manifest = json.loads((out / "manifest.json").read_text())
    assert [i["article_id"] for i in manifest["inputs"]] == GOOD_IDS
    rows = {i["article_id"]: i for i in manifest["inputs"]}
    assert rows["j1"]["sha256"] == rows["j2"]["sha256"]  # one corpus file, one hash
    assert len(rows["alpha"]["sha256"]) == 64
    assert (out / "cleaned" / "page.txt").read_text(encoding="utf-8").startswith("Orchard")
    assert not list(out.glob(".*.part")) and not (out / "parts").exists()


def test_csv_and_parquet_hold_the_same_rows(folder_run, tmp_path):
    out, _ = folder_run
    pq_out = tmp_path / "pq"
    run([CORPUS], pq_out, fmt="parquet", chunk_size=3, title_column="title", report=False)
    csv_tables = read_tables(out)
    for name in contract.TABLES:
        parts = sorted(p.name for p in (pq_out / f"{name}.parquet").iterdir())
        assert parts and all(p.startswith("part-") for p in parts)
        got = pd.read_parquet(pq_out / f"{name}.parquet")
        assert list(got.columns) == list(contract.TABLES[name])
        got = got.astype(object).where(got.notna(), "")
        want = csv_tables[name]
        assert len(got) == len(want), name
        for col in got.columns:
            if col == "value":
                continue
            assert got[col].astype(str).tolist() == want[col].tolist(), (name, col)
    assert (pq_out / "errors.csv").exists()


def test_worker_pool_gives_identical_tables(folder_run, tmp_path):
    out, _ = folder_run
    pooled = tmp_path / "pool"
    run([CORPUS], pooled, chunk_size=3, n_process=2, title_column="title", report=False)
    assert table_bytes(pooled) == table_bytes(out)


def test_worker_pool_started_cleanly_when_threads_run(folder_run, tmp_path):
    # With another thread alive (as in a notebook kernel) workers must not be
    # forked from this process: they start clean and load the model themselves.
    import threading

    stop = threading.Event()
    thread = threading.Thread(target=stop.wait, daemon=True)
    thread.start()
    try:
        out, _ = folder_run
        pooled = tmp_path / "pool"
        run([CORPUS], pooled, chunk_size=3, n_process=2, title_column="title", report=False)
    finally:
        stop.set()
        thread.join()
    assert table_bytes(pooled) == table_bytes(out)


def test_chunk_size_does_not_change_tables(folder_run, tmp_path):
    out, _ = folder_run
    other = tmp_path / "one-chunk"
    run([CORPUS], other, chunk_size=100, title_column="title", report=False)
    assert table_bytes(other) == table_bytes(out)


class Interrupt(KeyboardInterrupt):
    pass


def test_resume_after_interrupt_between_chunks(folder_run, tmp_path, monkeypatch):
    out, _ = folder_run
    part = tmp_path / "part"
    real = runner_mod.analyze_chunk

    def dies_on_second_chunk(task, **kw):
        if task.chunk == 1:
            raise Interrupt()
        return real(task, **kw)

    monkeypatch.setattr(runner_mod, "analyze_chunk", dies_on_second_chunk)
    with pytest.raises(KeyboardInterrupt):
        run([CORPUS], part, chunk_size=3, title_column="title", report=False)
    assert not (part / "articles.csv").exists()  # tables appear only when complete
    monkeypatch.setattr(runner_mod, "analyze_chunk", real)
    summary = run([CORPUS], part, resume=True, chunk_size=3, title_column="title",
                  report=False)
    assert summary.skipped == 3 and summary.succeeded == 5
    assert table_bytes(part) == table_bytes(out)
    assert pd.read_csv(part / "errors.csv")["line"].tolist() == \
        pd.read_csv(out / "errors.csv")["line"].tolist()


def test_resume_drops_rows_of_a_chunk_cut_short(folder_run, tmp_path, monkeypatch):
    """Killed after a chunk's rows were written but before the journal said so."""
    out, _ = folder_run
    part = tmp_path / "part"
    real_commit = runner_mod.Journal.commit
    calls = []

    def dies_on_second_commit(self, record):
        calls.append(record["chunk"])
        if len(calls) == 2:
            raise Interrupt()
        return real_commit(self, record)

    monkeypatch.setattr(runner_mod.Journal, "commit", dies_on_second_commit)
    with pytest.raises(KeyboardInterrupt):
        run([CORPUS], part, chunk_size=3, title_column="title", report=False)
    # The second chunk's rows are in the unfinished table, but not in the journal.
    partial = (part / ".articles.csv.part").read_text(encoding="utf-8")
    assert "c1," in partial
    monkeypatch.setattr(runner_mod.Journal, "commit", real_commit)
    run([CORPUS], part, resume=True, chunk_size=3, title_column="title", report=False)
    assert table_bytes(part) == table_bytes(out)


def test_resume_parquet_after_interrupt(tmp_path, monkeypatch):
    full, part = tmp_path / "full", tmp_path / "part"
    run([CORPUS], full, fmt="parquet", chunk_size=3, report=False)
    real = runner_mod.analyze_chunk

    def writes_then_dies(task, **kw):
        result = real(task, **kw)  # chunk 2's parts are written, never journalled
        if task.chunk == 2:
            raise Interrupt()
        return result

    monkeypatch.setattr(runner_mod, "analyze_chunk", writes_then_dies)
    with pytest.raises(KeyboardInterrupt):
        run([CORPUS], part, fmt="parquet", chunk_size=3, report=False)
    assert (part / "parts" / "articles" / "part-000002.parquet").exists()
    monkeypatch.setattr(runner_mod, "analyze_chunk", real)
    run([CORPUS], part, fmt="parquet", resume=True, chunk_size=3, report=False)
    for name in contract.TABLES:
        pd.testing.assert_frame_equal(pd.read_parquet(part / f"{name}.parquet"),
                                      pd.read_parquet(full / f"{name}.parquet"))


def test_resume_of_a_finished_run_changes_nothing(folder_run, tmp_path):
    out, _ = folder_run
    again = tmp_path / "again"
    run([CORPUS], again, chunk_size=3, title_column="title", report=False)
    summary = run([CORPUS], again, resume=True, chunk_size=3, title_column="title",
                  report=False)
    assert (summary.succeeded, summary.skipped, summary.failed) == (0, 8, 2)
    assert table_bytes(again) == table_bytes(out)


def test_resume_with_new_inputs_appends_them(tmp_path):
    src = write_texts(tmp_path / "src", TEXTS[:2])
    out = tmp_path / "out"
    run([src], out, report=False)
    (src / "art9.txt").write_text(TEXTS[5] + "\n", encoding="utf-8")
    summary = run([src], out, resume=True, report=False)
    assert summary.succeeded == 1
    assert pd.read_csv(out / "articles.csv")["article_id"].tolist() == ["art0", "art1", "art9"]


def test_resume_refuses_other_options(tmp_path):
    src = write_texts(tmp_path / "src", TEXTS[:1])
    run([src], tmp_path / "out", report=False)
    with pytest.raises(OutputError, match="other options"):
        run([src], tmp_path / "out", resume=True, window="paragraph", report=False)


def test_overwrite_clears_an_earlier_run(tmp_path):
    src = write_texts(tmp_path / "src", TEXTS[:3])
    out = tmp_path / "out"
    run([src], out, fmt="parquet", chunk_size=1, report=False)
    small = write_texts(tmp_path / "small", TEXTS[:1])
    run([small], out, fmt="parquet", overwrite=True, report=False)
    assert len(pd.read_parquet(out / "articles.parquet")) == 1


# --------------------------------------------------------------------------- command line


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "toolkit", *args], capture_output=True,
                          text=True, timeout=120)


def test_cli_corpus_run_exits_1_when_rows_fail(tmp_path):
    out = tmp_path / "out"
    proc = cli("analyze", str(CORPUS), "--out", str(out), "--no-report", "--quiet",
               "--format", "parquet", "--chunk-size", "4")
    assert proc.returncode == 1, proc.stderr
    assert "rows.jsonl:3: malformed JSON" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (out / "actors.parquet").is_dir()
    assert len(pd.read_parquet(out / "articles.parquet")) == 8


def test_cli_missing_text_column_is_one_line_exit_2(tmp_path):
    proc = cli("analyze", str(CORPUS / "rows.csv"), "--out", str(tmp_path / "o"),
               "--text-column", "body")
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "no column 'body'" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists()


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def dask_client():
    pytest.importorskip("distributed")
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=":0")
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_engine_gives_the_local_tables(tmp_path, dask_client):
    src = write_texts(tmp_path / "src", TEXTS)
    local, dask = tmp_path / "local", tmp_path / "dask"
    run([src], local, fmt="parquet", chunk_size=2, report=False)
    summary = run([src], dask, fmt="parquet", chunk_size=2, engine="dask",
                  client=dask_client, report=False)
    assert summary.succeeded == 6
    for name in contract.TABLES:
        # One part per partition, written by the workers.
        assert len(list((dask / f"{name}.parquet").glob("part-*.parquet"))) in (1, 3)
        pd.testing.assert_frame_equal(pd.read_parquet(dask / f"{name}.parquet"),
                                      pd.read_parquet(local / f"{name}.parquet"))
    assert len(list((dask / "articles.parquet").glob("part-*.parquet"))) == 3
    # CSV through Dask: the rows come back to this process and are appended in order.
    run([src], tmp_path / "dask-csv", chunk_size=4, engine="dask", client=dask_client,
        report=False)
    run([src], tmp_path / "local-csv", chunk_size=4, report=False)
    assert table_bytes(tmp_path / "dask-csv") == table_bytes(tmp_path / "local-csv")


def test_analyze_corpus_on_dask(dask_client, nlp):
    arts = [article_from_text(t, article_id=f"d{i}") for i, t in enumerate(TEXTS)]
    local = list(analyze_corpus(arts, nlp=nlp))
    remote = list(analyze_corpus(iter(arts), engine="dask", client=dask_client, chunk_size=2))
    assert [a.article.id for a in remote] == [f"d{i}" for i in range(6)]
    for a, b in zip(local, remote, strict=True):
        for name in contract.TABLES:
            pd.testing.assert_frame_equal(a.tables[name], b.tables[name])


def test_an_article_that_hangs_is_stopped_and_recorded(tmp_path, monkeypatch):
    # A stage that never returns on one article costs that article, not the run.
    real = chunks_mod.analyze_doc

    def stuck_on_b(article, doc, **kwargs):
        while article.id == "b":
            pass
        return real(article, doc, **kwargs)

    monkeypatch.setattr(chunks_mod, "analyze_doc", stuck_on_b)
    src = tmp_path / "in"
    src.mkdir()
    for name in "abc":
        (src / f"{name}.txt").write_text(f"Ana Ruiz said on Monday that plan {name} would go ahead.\n")
    out = tmp_path / "out"
    summary = run([src], out, timeout=0.5, report=False)
    assert (summary.succeeded, summary.failed) == (2, 1)
    errors = pd.read_csv(out / "errors.csv")
    assert errors.article_id.tolist() == ["b"]
    assert "stopped after 0.5 s" in errors.error[0]
    assert errors.stage.tolist() == ["timeout"]
    assert sorted(pd.read_csv(out / "articles.csv").article_id) == ["a", "c"]
