"""The model's matrix products through NumPy's BLAS (toolkit.nlp.use_numpy_gemm)."""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_info

from toolkit.nlp import ModelError, gemm_of, load_model, model_info

SENTENCES = (
    "The harbour board said on Tuesday that ferry fares would rise by 4% in April.",
    "\"We were not consulted,\" said Ms Okafor, who chairs the tenants' association in Leeds.",
    "Shares in Norvale Mining fell 12 cents after the company cut its forecast.",
    "According to the council, 1,200 homes lost power when the storm hit Cork and Galway.",
)


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_)
            for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    return load_model(gemm="numpy"), load_model(gemm="blis")


def test_numpy_gemm_is_the_default_and_the_manifest_says_so(monkeypatch):
    monkeypatch.delenv("TOOLKIT_GEMM", raising=False)
    nlp = load_model()
    assert gemm_of(nlp) == "numpy"
    assert model_info(nlp)["gemm"] == "numpy"
    layers = [layer for _, c in nlp.pipeline if hasattr(getattr(c, "model", None), "walk")
              for layer in c.model.walk()]
    assert layers and all(layer.ops.use_blis is False for layer in layers)


def test_numpys_blas_runs_on_one_thread_once_the_model_is_loaded(pipelines):
    # NumPy's own BLAS does the products; another library's (scipy's) loaded
    # later is not held, and the model does not use it.
    blas = [pool for pool in threadpool_info()
            if pool["user_api"] == "blas" and "numpy" in pool["filepath"]]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


def test_environment_switch_keeps_blis(monkeypatch):
    monkeypatch.setenv("TOOLKIT_GEMM", "blis")
    assert gemm_of(load_model()) == "blis"
    assert model_info(load_model())["gemm"] == "blis"


def test_an_unknown_setting_is_refused_with_one_clear_error(monkeypatch):
    monkeypatch.setenv("TOOLKIT_GEMM", "fastest")
    with pytest.raises(ModelError, match="TOOLKIT_GEMM must be"):
        load_model()
    with pytest.raises(ValueError, match="gemm must be"):
        load_model(gemm="gpu")


@pytest.mark.parametrize("text", SENTENCES)
def test_same_annotations_as_blis_on_written_sentences(pipelines, text):
    numpy_gemm, blis = pipelines
    assert annotations(numpy_gemm(text)) == annotations(blis(text))
