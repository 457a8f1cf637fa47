"""Term frequencies (stub, see issue 6)."""

from __future__ import annotations

import pandas as pd
from spacy.tokens import Doc

from . import contract


def terms_table(doc: Doc) -> pd.DataFrame:
    return contract.empty("terms").drop(columns=[])
