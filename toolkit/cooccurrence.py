"""Actor co-occurrence (stub, see issue 6)."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from . import contract

WINDOWS = ("sentence", "paragraph")


def cooccurrence_table(doc: Doc, actors, *, window: str | int = "sentence") -> pd.DataFrame:
    return contract.empty("cooccurrence")
