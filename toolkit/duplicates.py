"""Near-duplicate articles: the same story returned twice by a news archive.

Archives return one story several times: print and web editions, an update,
the same agency copy in several papers. :func:`find_duplicates` flags each
article whose text is nearly the same as an earlier one, by shingled text
similarity: the Jaccard similarity of the two texts' sets of 5-word
shingles, estimated with MinHash (128 hash functions, so within about
±0.04 of the exact value near the threshold) and indexed with
locality-sensitive hashing, so each new text is compared only with the
earlier texts that share shingles with it. Memory grows by about half a
kilobyte per article; texts are not kept.

It works on a stream of ``(article_id, text)`` pairs and never drops
anything itself: the corpus run writes what it finds to ``duplicates.csv``
(``article_id``, ``duplicate_of``, ``similarity``) and leaves the articles
in unless asked to drop them (``--drop-duplicates``).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import numpy as np

COLUMNS = ("article_id", "duplicate_of", "similarity")
"""The columns of ``duplicates.csv``."""

THRESHOLD = 0.8
SHINGLE_WORDS = 5
_HASHES, _BANDS = 128, 32  # 32 bands of 4 rows: pairs from about 0.4 similarity are compared
# Multiply-shift hash functions (a odd): fixed, so the same input always gives the same result.
_rng = np.random.RandomState(20230306)
_A = _rng.randint(0, 1 << 63, size=_HASHES, dtype=np.int64).astype(np.uint64) * np.uint64(2) \
    + np.uint64(1)
_B = _rng.randint(0, 1 << 63, size=_HASHES, dtype=np.int64).astype(np.uint64)
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Duplicate:
    """``article_id`` repeats ``duplicate_of`` (an earlier article) at ``similarity``."""

    article_id: str
    duplicate_of: str
    similarity: float


def shingles(text: str, *, k: int = SHINGLE_WORDS) -> set[str]:
    """The text's word ``k``-grams, lower-cased (the whole text if shorter).

    Example:
        >>> sorted(shingles("The tide turned. The tide", k=3))
        ['the tide turned', 'tide turned the', 'turned the tide']
    """
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


def jaccard(a: set, b: set) -> float:
    """Exact Jaccard similarity of two shingle sets.

    Example:
        >>> jaccard({"a", "b", "c"}, {"b", "c", "d"})
        0.5
    """
    return len(a & b) / len(a | b) if a or b else 0.0


def signature(text: str, *, k: int = SHINGLE_WORDS) -> np.ndarray | None:
    """The MinHash signature of the text's shingles (None for a text without words)."""
    grams = shingles(text, k=k)
    if not grams:
        return None
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest(), "little")
         for g in grams), dtype=np.uint64, count=len(grams))
    # (a*h + b) mod 2**64, top 32 bits, for every hash function (numpy wraps uint64 products);
    # the shift is monotonic, so the minimum is taken first, and the sum is made in place.
    products = np.multiply(_A[:, None], hashes[None, :])
    products += _B[:, None]
    return products.min(axis=1) >> np.uint64(32)


@dataclass
class DuplicateIndex:
    """The signatures seen so far, for :meth:`check` to compare new texts with.

    Attributes:
        threshold: the similarity from which a text counts as a duplicate.
        found: every duplicate flagged so far, in input order.
    """

    threshold: float = THRESHOLD
    found: list[Duplicate] = field(default_factory=list)
    _ids: list[str] = field(default_factory=list)
    _sigs: list[np.ndarray] = field(default_factory=list)
    _bands: dict = field(default_factory=dict)

    def check(self, article_id: str, text: str) -> Duplicate | None:
        """Compare one text with all earlier ones, then remember it.

        Returns the :class:`Duplicate` when the text repeats an earlier one
        (the most similar; the earliest among equals), else None.
        """
        sig = signature(text)
        if sig is None:
            return None
        rows = _HASHES // _BANDS
        keys = [(b, sig[b * rows:(b + 1) * rows].tobytes()) for b in range(_BANDS)]
        candidates = sorted({j for key in keys for j in self._bands.get(key, ())})
        best = None
        for j in candidates:
            sim = float(np.mean(self._sigs[j] == sig))
            if sim >= self.threshold and (best is None or sim > best[1]):
                best = (j, sim)
        n = len(self._ids)
        self._ids.append(article_id)
        self._sigs.append(sig)
        for key in keys:
            self._bands.setdefault(key, []).append(n)
        if best is None:
            return None
        dup = Duplicate(article_id, self._ids[best[0]], round(best[1], 3))
        self.found.append(dup)
        return dup


def find_duplicates(items: Iterable[tuple[str, str]], *,
                    threshold: float = THRESHOLD) -> Iterator[Duplicate]:
    """Yield a :class:`Duplicate` for each text that nearly repeats an earlier one.

    Example:
        >>> story = ("The ferry crews voted on Sunday to strike for two days next month "
        ...          "after talks on night shift pay broke down, the union said.")
        >>> texts = [("a", story), ("b", "Rain is expected across the valley on Tuesday."),
        ...          ("c", story + " Talks resume soon.")]
        >>> [(d.article_id, d.duplicate_of) for d in find_duplicates(texts)]
        [('c', 'a')]
    """
    index = DuplicateIndex(threshold=threshold)
    for article_id, text in items:
        dup = index.check(article_id, text)
        if dup is not None:
            yield dup


def duplicates_table(found: Iterable[Duplicate]):
    """The ``duplicates`` table (a pandas DataFrame with :data:`COLUMNS`)."""
    import pandas as pd

    return pd.DataFrame([(d.article_id, d.duplicate_of, d.similarity) for d in found],
                        columns=list(COLUMNS))
