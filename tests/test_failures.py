"""Failures speak: a stage that raises is visible in the Python API and in a corpus run."""

from __future__ import annotations

import pandas as pd
import pytest

import toolkit
from toolkit import quotes as quotes_mod
from toolkit.analysis import StageError, one_line, run_stage
from toolkit.cli import main
from toolkit.limits import ArticleTimeout, time_limit
from toolkit.read import article_from_text

STORY = "Ana Ruiz said on Monday that the bridge would reopen in May.\n"


def broken_quotes(doc, **kwargs):
    raise KeyError("speaker")


def test_run_stage_names_the_stage_and_keeps_the_cause():
    with pytest.raises(StageError) as info:
        run_stage("quotes", broken_quotes, None)
    assert info.value.stage == "quotes"
    assert isinstance(info.value.__cause__, KeyError)
    assert str(info.value) == "stage quotes failed: KeyError: 'speaker'"


def test_run_stage_lets_a_timeout_through_with_its_stage():
    def slow():
        raise ArticleTimeout(1.0)

    with pytest.raises(ArticleTimeout) as info:
        run_stage("figures", slow)
    assert info.value.stage == "figures" and "in stage figures" in str(info.value)


def test_a_timeout_cannot_be_swallowed_by_except_exception():
    def swallowing_stage():
        try:
            with time_limit(0.05):
                while True:
                    pass
        except Exception:  # noqa: BLE001 - the kind of handler a stage might have
            return []

    with pytest.raises(ArticleTimeout):
        swallowing_stage()


def test_one_line_summary():
    assert one_line(ValueError("two\nlines")) == "ValueError: two lines"
    assert len(one_line(ValueError("x" * 1000))) == 300


def test_api_raises_when_a_stage_fails(monkeypatch, nlp):
    monkeypatch.setattr(quotes_mod, "extract_quotes", broken_quotes)
    with pytest.raises(StageError, match="stage quotes failed: KeyError") as info:
        toolkit.analyze(article_from_text(STORY), nlp=nlp)
    assert info.value.stage == "quotes"


def test_cli_records_a_failing_stage_in_errors_csv(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(quotes_mod, "extract_quotes", broken_quotes)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(STORY, encoding="utf-8")
    (src / "b.txt").write_text("This one is empty of quotes: rain fell on Tuesday.\n",
                               encoding="utf-8")
    out = tmp_path / "out"
    code = main(["analyze", str(src), "--out", str(out), "--quiet", "--no-report"])
    assert code == 1
    err = capsys.readouterr().err
    assert "quotes failed (KeyError: 'speaker')" in err and "Traceback" not in err
    errors = pd.read_csv(out / "errors.csv")
    assert errors.article_id.tolist() == ["a", "b"]
    assert errors.stage.tolist() == ["quotes", "quotes"]
    assert errors.error[0].endswith("a.txt: quotes failed (KeyError: 'speaker')")
    assert len(pd.read_csv(out / "articles.csv")) == 0  # no half-analysed article


def test_cli_records_a_failing_cleaning_rule(monkeypatch, tmp_path, capsys):
    from toolkit import read as read_mod

    def broken_clean(lines, **kwargs):
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(read_mod, "clean_lines", broken_clean)
    src = tmp_path / "in"
    src.mkdir()
    for name in "ab":
        (src / f"{name}.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet", "--no-report"]) == 1
    errors = pd.read_csv(out / "errors.csv")
    assert errors.stage.tolist() == ["clean", "clean"]
    assert "clean failed (RuntimeError: rule exploded)" in errors.error[0]


def test_one_input_whose_cleaning_fails_is_recorded_not_a_traceback(monkeypatch, tmp_path,
                                                                      capsys):
    from toolkit import read as read_mod

    def broken_clean(lines, **kwargs):
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(read_mod, "clean_lines", broken_clean)
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(tmp_path / "a.txt"), "--out", str(out), "--quiet"]) == 1
    assert pd.read_csv(out / "errors.csv").stage.tolist() == ["clean"]


def test_the_time_limit_works_in_a_worker_thread_too():
    import threading

    seen = []

    def stage_in_a_thread():
        try:
            with time_limit(0.2, stage="figures"):
                try:
                    while True:
                        pass
                except Exception:  # noqa: BLE001 - a stage's own handler cannot swallow it
                    seen.append("swallowed")
        except ArticleTimeout as timeout:
            seen.append(str(timeout))
        seen.append("went on")

    worker = threading.Thread(target=stage_in_a_thread)
    worker.start()
    worker.join(10)
    assert seen == ["stopped after 0.2 s in stage figures", "went on"]
