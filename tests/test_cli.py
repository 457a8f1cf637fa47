"""The analyze command writes every file of the output contract, reproducibly."""

from __future__ import annotations

import json
import shutil

import pandas as pd
import pytest

from conftest import BUNDLED
from toolkit import contract
from toolkit.cli import main

ARTICLE_ID = BUNDLED.stem


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("run") / "out"
    assert main(["analyze", str(BUNDLED), "--out", str(out), "--quiet"]) == 0
    return out


def read(out, name):
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False, dtype=str)


def test_every_contract_file_written(run_dir):
    for name, columns in contract.TABLES.items():
        df = read(run_dir, name)
        assert tuple(df.columns) == columns, name
    assert (run_dir / "cleaned" / f"{ARTICLE_ID}.txt").is_file()
    assert (run_dir / "manifest.json").is_file()
    assert not list(run_dir.glob(".*.part")) and not list(run_dir.glob(".*.tmp"))


def test_articles_row(run_dir):
    row = read(run_dir, "articles").iloc[0]
    assert row.article_id == ARTICLE_ID
    assert row.authors == "Humeyra Pamuk; Maayan Lubell; Nidal al-Mughrabi"
    assert row.published == "2024-10-22"
    assert int(row.removed_lines) == len(read(run_dir, "removed"))
    assert int(row.paragraphs) == 28


def test_cleaned_text_is_the_analysed_text(run_dir):
    from toolkit.read import read_article

    cleaned = (run_dir / "cleaned" / f"{ARTICLE_ID}.txt").read_bytes().decode("utf-8")
    assert cleaned == read_article(BUNDLED).text
    sentences = read(run_dir, "sentences")
    for row in sentences.itertuples():
        assert cleaned[int(row.start_char):int(row.end_char)] == row.text


def test_offsets_slice_their_text(run_dir):
    cleaned = (run_dir / "cleaned" / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8")
    for name, column in (("mentions", "text"), ("quotes", "quote"), ("figures", "text"),
                         ("timeline", "text")):
        for row in read(run_dir, name).itertuples():
            assert cleaned[int(row.start_char):int(row.end_char)] == getattr(row, column), name


def test_manifest_records_versions_inputs_and_options(run_dir):
    from toolkit.output import sha256_file

    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert manifest["toolkit"]
    assert manifest["model"]["version"] == "3.8.0"
    assert manifest["model"]["spacy_version"].startswith("3.8")
    assert manifest["options"]["window"] == "sentence"
    assert manifest["inputs"] == [{"article_id": ARTICLE_ID, "source_path": str(BUNDLED),
                                   "sha256": sha256_file(BUNDLED)}]


def test_two_runs_are_byte_identical(run_dir, tmp_path):
    out = tmp_path / "again"
    assert main(["analyze", str(BUNDLED), "--out", str(out), "--quiet"]) == 0
    for name in [*contract.TABLES, "errors"]:
        assert (out / f"{name}.csv").read_bytes() == (run_dir / f"{name}.csv").read_bytes(), name
    for name in ("manifest.json", "network.gexf", "network.graphml", "report.html"):
        assert (out / name).read_bytes() == (run_dir / name).read_bytes(), name
    assert b"lastmodifieddate" not in (out / "network.gexf").read_bytes()  # no date stamp


def test_overwrite_replaces_only_own_files(run_dir, tmp_path):
    out = tmp_path / "o"
    shutil.copytree(run_dir, out)
    assert main(["analyze", str(BUNDLED), "--out", str(out), "--quiet", "--overwrite"]) == 0
    assert (out / "actors.csv").read_bytes() == (run_dir / "actors.csv").read_bytes()


def test_many_inputs_with_a_failure(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(BUNDLED, src / "good.txt")
    (src / "empty.txt").write_text("")
    (src / "sub").mkdir()
    shutil.copy(BUNDLED, src / "sub" / "good.txt")  # same stem: ids must stay unique
    out = tmp_path / "out"
    code = main(["analyze", str(src), "--out", str(out), "--quiet", "--no-report"])
    assert code == 1
    err = capsys.readouterr().err
    assert "empty.txt: file is empty" in err
    errors = read(out, "errors")
    assert list(errors.article_id) == ["empty"]
    ids = sorted(read(out, "articles").article_id)
    assert ids == ["good", "sub-good"]  # the folder below the input tells them apart
    assert sorted(p.name for p in (out / "cleaned").iterdir()) == ["good.txt", "sub-good.txt"]


def test_unsafe_article_id_cannot_escape(tmp_path):
    from toolkit.output import OutputError, inside
    from toolkit.read import safe_id

    assert safe_id("../../etc/x") == "etc_x"
    assert "/" not in safe_id("a/b\\c") and not safe_id("..").startswith(".")
    with pytest.raises(OutputError):
        inside(tmp_path, "../escape.txt")


def test_clean_command_prints_body(capsys):
    assert main(["clean", str(BUNDLED), "--removed"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("Secretary of State Antony Blinken met")
    assert "\tcookie_notice\t" in captured.err


def test_python_api_returns_contract_columns(bundled_analysis):
    for name, columns in contract.TABLES.items():
        assert tuple(getattr(bundled_analysis, name).columns) == columns


def test_network_files_match_cooccurrence(run_dir):
    import networkx as nx

    graph = nx.read_gexf(run_dir / "network.gexf")
    cooc = read(run_dir, "cooccurrence")
    edges = {tuple(sorted((a, b))): int(d["weight"]) for a, b, d in graph.edges(data=True)}
    assert edges == {(r.actor_a, r.actor_b): int(r.weight) for r in cooc.itertuples()}
    assert set(graph.nodes) == set(cooc.actor_a) | set(cooc.actor_b)
    assert nx.read_graphml(run_dir / "network.graphml").number_of_edges() == len(cooc)


def test_non_english_input_warns_on_stderr(tmp_path, capsys):
    f = tmp_path / "es.txt"
    f.write_text("El ayuntamiento anunció el lunes que el nuevo puerto abrirá en primavera, "
                 "después de dos años de retrasos y una larga disputa sobre los costes.\n")
    assert main(["analyze", str(f), "--out", str(tmp_path / "o"), "--no-report"]) == 0
    err = capsys.readouterr().err
    assert "article-toolkit: warning:" in err and "'es'" in err
