"""The docstring examples of the figures and dates modules run, so they cannot rot."""

from __future__ import annotations

import doctest

import pytest

import toolkit.dates
import toolkit.figures


@pytest.mark.parametrize("module", [toolkit.figures, toolkit.dates])
def test_docstring_examples_run(module, nlp):
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
