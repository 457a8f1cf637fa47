"""Term frequencies: what a story is about, counted.

Counting is cheap and runs inside :func:`toolkit.analyze` (:func:`terms_table`):
lowercased lemmas of body sentences, without stop words, punctuation, numbers
and whitespace. Everything else is opt-in and takes the parsed ``Doc`` first:

- :func:`term_counts` -- lemma / lowercase / verbatim counts, unigrams or n-grams;
- :func:`keyterms` -- ranked key terms (textacy's SGRank, TextRank, YAKE, sCAKE);
  slower, so never part of the default analysis;
- :func:`kwic` -- keyword in context for a term, a regex or an actor;
- :func:`distinctive_terms` -- terms used far more often than in general
  English (the ``wordfreq`` baseline), so topic words rise and "said" sinks;
- :func:`corpus_terms` -- sum or document frequency over many articles.

Example:
    >>> doc = nlp("Farmers sold apples. The apples were sold at dawn.")
    >>> term_counts(doc).head(2).to_dict("records")
    [{'term': 'apple', 'count': 2}, {'term': 'sell', 'count': 2}]
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator

import pandas as pd
from spacy.attrs import IS_PUNCT, IS_SPACE, IS_STOP, LIKE_NUM, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from . import contract
from .nlp import body_sentences, sentences, token_columns

BY = ("lemma", "lower", "orth")
KEYTERM_METHODS = ("sgrank", "textrank", "yake", "scake")

# wordfreq gives 0 for words it has never seen; treat them as rarer than
# anything it lists (zipf 1 = once per 100 million words) so log ratios stay finite.
UNSEEN_ZIPF = 1.0


# ---------------------------------------------------------------- helpers

_CONTENT_ATTRS = [IS_SPACE, IS_PUNCT, LIKE_NUM, IS_STOP, POS]
_NOT_CONTENT_POS = frozenset(POS_IDS[p] for p in ("PUNCT", "SYM", "NUM", "SPACE"))


def _content_words(doc: Doc) -> tuple[bool, ...]:
    """Whether each token of ``doc`` is worth counting, computed once per doc: a
    word, not a space, punctuation, number, symbol or stop word, with a letter
    in it. spaCy's stop list has the forms ("was", "were"), so the test is on
    the form: a reporting verb like "said" counts, as researchers expect.

    Read from one array of the tokens' flags and parts of speech and the
    ``text`` token column, so no spaCy ``Token`` is built; kept beside the
    token columns (:func:`toolkit.nlp.token_columns`) as a tuple of bools.
    """
    cols = token_columns(doc)
    content = cols.get("content")
    if content is None:
        flags = doc.to_array(_CONTENT_ATTRS).tolist() if len(doc) else []
        content = tuple(
            not (space or punct or num or stop) and pos not in _NOT_CONTENT_POS
            and any(ch.isalpha() for ch in word)
            for (space, punct, num, stop, pos), word in zip(flags, cols["text"], strict=True))
        cols["content"] = content
    return content


def _unigram_terms(sent: Span, by: str) -> Iterator[str]:
    """The content words of ``sent`` as terms (:func:`_content_words`, :func:`_term`),
    read from the doc's token columns."""
    doc = sent.doc
    content, cols = _content_words(doc), token_columns(doc)
    words, lemmas = cols["text"], cols["lemma"]
    forms = cols["lower"] if by == "lower" else words
    for i in range(sent.start, sent.end):
        if content[i]:
            term = _term(words[i], forms[i], lemmas[i], by)
            if term:
                yield term


def _term(text: str, form: str, lemma: str, by: str) -> str:
    """A token as a term: its lemma in lower case (``by="lemma"``), else
    ``form`` (its lower-case form or its text, as ``by`` asks)."""
    return (lemma or text).lower().strip() if by == "lemma" else form


def _norm(tok: Token, by: str) -> str:
    return _term(tok.text, tok.lower_ if by == "lower" else tok.text, tok.lemma_, by)


def _body_spans(doc: Doc) -> Iterator[Span]:
    for _, sent in body_sentences(doc):
        yield sent


def _ngram_terms(sent: Span, n: int, by: str) -> Iterator[str]:
    if n == 1:
        yield from _unigram_terms(sent, by)
        return
    for ng in _ngrams(sent, n):
        if any(not any(ch.isalpha() for ch in t.text) for t in (ng[0], ng[-1])):
            continue
        yield " ".join(_norm(t, by) for t in ng)


def _ngrams(sent: Span, n: int) -> Iterator[Span]:
    """``n`` consecutive tokens with no space, punctuation or number inside and no
    stop word at either end (as textacy's ``extract.ngrams`` with those filters)."""
    for i in range(len(sent) - n + 1):
        ng = sent[i:i + n]
        if ng[0].is_stop or ng[-1].is_stop:
            continue
        if any(t.is_space or t.is_punct or t.like_num for t in ng):
            continue
        yield ng


def _as_ns(ngrams: int | Iterable[int]) -> tuple[int, ...]:
    if isinstance(ngrams, int):
        return (ngrams,)
    return tuple(sorted({int(n) for n in ngrams}))


def _ranked(doc: Doc, ns: tuple[int, ...], by: str, min_count: int = 1
            ) -> list[tuple[str, int]]:
    """``(term, count)`` over the body sentences, most frequent first, ties alphabetical
    (so the order never depends on the text order)."""
    counts: Counter[str] = Counter()
    for sent in _body_spans(doc):
        for n in ns:
            counts.update(_ngram_terms(sent, n, by))
    rows = [(t, c) for t, c in counts.items() if c >= min_count]
    rows.sort(key=lambda r: (-r[1], r[0]))
    return rows


def _count_frame(rows: list[tuple[str, int]]) -> pd.DataFrame:
    df = pd.DataFrame(rows, columns=["term", "count"])
    df["term"] = df["term"].astype("object")
    df["count"] = df["count"].astype("Int64")
    return df


def word_count(doc: Doc) -> int:
    """Words (tokens with a letter) in body sentences, stop words included.

    The denominator for relative frequencies: general-English baselines count
    every word, so the document's rate must too.
    """
    return sum(1 for sent in _body_spans(doc) for tok in sent
               if not tok.is_space and any(ch.isalpha() for ch in tok.text))


# ---------------------------------------------------------------- counts

def term_counts(doc: Doc, *, by: str = "lemma", ngrams: int | Iterable[int] = 1,
                min_count: int = 1) -> pd.DataFrame:
    """Count terms in the body sentences of ``doc`` (headings are left out).

    Args:
        doc: a parsed article.
        by: ``"lemma"`` (lowercased lemma, the default), ``"lower"`` (lowercased
            form) or ``"orth"`` (verbatim).
        ngrams: ``1`` for single words, ``2`` for bigrams, or several (``(1, 2)``).
            Unigrams drop stop words, punctuation, numbers and symbols; n-grams
            drop any with punctuation or numbers inside or a stop word at either end.
        min_count: keep terms seen at least this often.

    Returns:
        DataFrame ``term, count``, most frequent first, ties alphabetical.

    Example:
        >>> term_counts(nlp("Wind farms and solar farms."), ngrams=2)
                  term  count
        0    solar farm      1
        1     wind farm      1
    """
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    ns = _as_ns(ngrams)
    if not ns or min(ns) < 1:
        raise ValueError(f"ngrams must be positive, not {ngrams!r}")
    return _count_frame(_ranked(doc, ns, by, min_count))


def terms_table(doc: Doc) -> pd.DataFrame:
    """The contract's ``terms`` table: lemma counts of the body, stop words removed.

    ``article_id`` is left empty; :func:`toolkit.analyze` fills it.

    Example:
        >>> terms_table(nlp("Bees make honey. Bees sleep."))[["term", "count"]].head(1)
          term  count
        0  bee      2
    """
    return contract.frame("terms", term_rows(doc))


def term_rows(doc: Doc) -> list[dict]:
    """The rows of :func:`terms_table`, as dicts: most frequent first, ties alphabetical."""
    return [{"term": t, "count": c} for t, c in _ranked(doc, (1,), "lemma")]


# ---------------------------------------------------------------- key terms

def keyterms(doc: Doc, *, method: str = "sgrank", topn: int | float = 10,
             **kwargs) -> pd.DataFrame:
    """Key terms ranked by one of textacy's algorithms.

    Slower than counting (SGRank especially), so it is not part of
    :func:`toolkit.analyze`; call it when you want it.

    Args:
        doc: a parsed article.
        method: ``"sgrank"`` (default), ``"textrank"``, ``"yake"`` or ``"scake"``.
        topn: how many terms (an int) or what share of candidates (a float < 1).
        **kwargs: passed to the textacy function (``ngrams=``, ``window_size=`` ...).

    Returns:
        DataFrame ``rank, term, score`` (rank 1 = most key). Empty when the
        document is too short to rank.

    Example:
        >>> keyterms(doc, method="textrank", topn=3)  # doctest: +SKIP
           rank             term     score
        0     1    solar panel   0.081...
    """
    if method not in KEYTERM_METHODS:
        raise ValueError(f"method must be one of {KEYTERM_METHODS}, not {method!r}")
    kt = _textacy_keyterms()
    func = getattr(kt, method)
    try:
        pairs = func(doc, topn=topn, **kwargs) if len(doc) else []
    except (ValueError, ZeroDivisionError, IndexError, KeyError):
        pairs = []
    rows = [{"rank": i + 1, "term": str(term).lower() if method != "yake" else str(term),
             "score": float(score)} for i, (term, score) in enumerate(pairs)]
    return pd.DataFrame(rows, columns=["rank", "term", "score"])


def _textacy_keyterms():
    """textacy's key-term module, or an ImportError that says how to get it.

    textacy is the only dependency that needs ``floret``, which has no wheel for
    Python 3.13; so it is installed on 3.10-3.12 only, and key terms are the one
    feature it is used for.
    """
    try:
        from textacy.extract import keyterms as kt
    except ImportError as exc:
        raise ImportError(
            "key terms need textacy, which is installed with the toolkit on Python "
            "3.10-3.12 only (its dependency floret has no wheel for 3.13); use Python "
            "3.12, or count terms with term_counts() and distinctive_terms()") from exc
    return kt


# ---------------------------------------------------------------- kwic

def _keyword_pattern(keyword) -> re.Pattern | str:
    """A regex for a term, a compiled pattern, or an actor (name, aliases, mentions)."""
    if isinstance(keyword, re.Pattern):
        return keyword
    if isinstance(keyword, str):
        # Plain words match as whole words; anything else is taken as a regex.
        if re.fullmatch(r"[\w .'\-]+", keyword):
            return re.compile(r"(?<!\w)" + re.escape(keyword) + r"(?!\w)", re.IGNORECASE)
        return re.compile(keyword, re.IGNORECASE)
    names = [getattr(keyword, "name", "")] + list(getattr(keyword, "aliases", []) or [])
    names += [m.text for m in getattr(keyword, "mentions", []) or []]
    names = sorted({n for n in names if n}, key=lambda s: (-len(s), s))
    if not names:
        return re.compile(r"(?!x)x")
    alts = "|".join(re.escape(n) for n in names)
    return re.compile(r"(?<!\w)(?:" + alts + r")(?!\w)")


def kwic(doc: Doc, keyword, *, window: int = 40) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``keyword`` with the text around it.

    Args:
        doc: a parsed article (or any ``Doc``).
        keyword: a word or phrase (whole-word, case-insensitive), a regex string
            or compiled pattern, or an :class:`~toolkit.actors.Actor` (any of its
            names, aliases or mention texts, case-sensitive).
        window: characters of context on each side.

    Returns:
        DataFrame ``left, keyword, right, start_char, end_char, sentence``; line
        breaks in the context are shown as spaces.

    Example:
        >>> kwic(nlp("Bees make honey. Honey is sweet."), "honey", window=10)["left"].tolist()
        ['Bees make ', 'ke honey. ']
    """
    pattern = _keyword_pattern(keyword)
    text = doc.text
    starts = [s.start_char for s in sentences(doc)]
    rows = []
    for m in pattern.finditer(text):
        sent = _bisect_right(starts, m.start()) - 1
        pre = text[max(0, m.start() - window):m.start()]
        post = text[m.end():m.end() + window]
        rows.append({"left": pre.replace("\n", " "), "keyword": m.group(),
                     "right": post.replace("\n", " "), "start_char": m.start(),
                     "end_char": m.end(), "sentence": max(sent, 0)})
    df = pd.DataFrame(rows, columns=["left", "keyword", "right", "start_char", "end_char",
                                     "sentence"])
    for c in ("start_char", "end_char", "sentence"):
        df[c] = df[c].astype("Int64")
    return df


def _bisect_right(values: list[int], x: int) -> int:
    from bisect import bisect_right

    return bisect_right(values, x)


# ---------------------------------------------------------------- distinctive terms

def baseline_zipf(term: str, *, lang: str = "en") -> float:
    """General-language frequency of ``term`` on the Zipf scale (wordfreq).

    Zipf = log10 of occurrences per billion words: "the" is about 7.7, a
    word seen once per million words is 3. A term wordfreq has never seen
    (including strings with no word in them, such as ``"%%%"``) gets
    ``UNSEEN_ZIPF``.

    Raises:
        LookupError: wordfreq has no word list for ``lang``.

    Example:
        >>> baseline_zipf("the") > 7 > baseline_zipf("glacier") > 2
        True
        >>> baseline_zipf("%%%") == UNSEEN_ZIPF
        True
    """
    from wordfreq import zipf_frequency

    # wordfreq's tokenizer takes any string (an odd one has no word and scores 0);
    # what it raises is a language it has no list for, and that must be seen.
    z = zipf_frequency(term, lang)
    return z if z > 0 else UNSEEN_ZIPF


def distinctive_terms(doc_or_counts, *, baseline: str = "wordfreq", lang: str = "en",
                      by: str = "lemma", min_count: int = 1, total: int | None = None,
                      topn: int | None = None) -> pd.DataFrame:
    """Terms used far more often here than in general English.

    Relative frequency on the Zipf scale: ``zipf_doc`` is the term's rate in the
    text (log10 per billion words), ``zipf_baseline`` its rate in wordfreq's
    general English; ``log10_ratio`` is their difference, the log10 of how many
    times more frequent the term is here than usual (``log10_ratio`` 2 = a
    hundred times more frequent, 0 = as usual, below 0 = rarer). A topic word
    ("vaccine", "drought") gets a high value; "said" is common everywhere
    and sinks. (``log10_ratio`` was called ``ratio`` before 0.2, a name that
    read as a plain ratio: code that read ``ratio`` reads ``log10_ratio`` now.)

    Args:
        doc_or_counts: a parsed ``Doc``, a ``term, count`` DataFrame (``terms``
            table, :func:`term_counts`, :func:`corpus_terms`) or a mapping.
        baseline: only ``"wordfreq"`` for now.
        lang: the wordfreq language code.
        by: how to count when a ``Doc`` is given (see :func:`term_counts`).
        min_count: ignore terms seen fewer times (one-off words are noisy).
        total: words in the text, the rate's denominator. Defaults to every
            word of the doc (stop words included); for counts, their sum.
        topn: keep only the first ``topn`` rows.

    Returns:
        DataFrame ``term, count, per_million, zipf_doc, zipf_baseline, log10_ratio``,
        most distinctive first (ties: more frequent, then alphabetical).

    Example:
        >>> df = distinctive_terms({"glacier": 4, "say": 5}, total=400)
        >>> df[["term", "log10_ratio"]].round(2).values.tolist()
        [['glacier', 3.42], ['say', 1.21]]
    """
    if baseline != "wordfreq":
        raise ValueError(f"unknown baseline {baseline!r}; only 'wordfreq' is available")
    if isinstance(doc_or_counts, Doc):
        total = total or word_count(doc_or_counts)
    pairs = _term_pairs(doc_or_counts, by=by)
    total = total or sum(c for _, c in pairs)
    rows = [_distinctive_row(term, count, total=total, lang=lang)
            for term, count in pairs if count >= min_count and total > 0]
    rows.sort(key=lambda r: (-round(r["log10_ratio"], 9), -r["count"], r["term"]))
    if topn is not None:
        rows = rows[:topn]
    df = pd.DataFrame(rows, columns=["term", "count", "per_million", "zipf_doc",
                                     "zipf_baseline", "log10_ratio"])
    df["count"] = df["count"].astype("Int64")
    return df


def _term_pairs(doc_or_counts, *, by: str) -> list[tuple[str, int]]:
    """``(term, count)`` pairs with a positive count, from a Doc, a table or a mapping.

    A table with ``article_id`` (a corpus ``terms`` table) is summed per term first.
    """
    if isinstance(doc_or_counts, Doc):
        counts = term_counts(doc_or_counts, by=by)
        pairs = list(zip(counts["term"], counts["count"], strict=False))
    elif isinstance(doc_or_counts, pd.DataFrame):
        df = doc_or_counts
        if "article_id" in df.columns and df["term"].duplicated().any():
            df = df.groupby("term", sort=True, as_index=False)["count"].sum()
        pairs = list(zip(df["term"], df["count"], strict=False))
    else:
        pairs = list(dict(doc_or_counts).items())
    return [(str(t), int(c)) for t, c in pairs if t is not None and pd.notna(c) and int(c) > 0]


def _distinctive_row(term: str, count: int, *, total: int, lang: str) -> dict:
    """One ``distinctive_terms`` row: the term's rate here against wordfreq's."""
    per_million = count / total * 1e6
    zdoc = math.log10(per_million) + 3
    zbase = baseline_zipf(term, lang=lang)
    return {"term": term, "count": count, "per_million": per_million,
            "zipf_doc": zdoc, "zipf_baseline": zbase, "log10_ratio": zdoc - zbase}


# ---------------------------------------------------------------- corpus

def _terms_of(item) -> pd.DataFrame:
    if isinstance(item, pd.DataFrame):
        return item
    if isinstance(item, Doc):
        return terms_table(item)
    tables = getattr(item, "tables", None)
    if isinstance(tables, dict) and "terms" in tables:
        df = tables["terms"]
        return df
    raise TypeError(f"expected a terms DataFrame, an Analysis or a Doc, not {type(item).__name__}")


def corpus_terms(items, *, how: str = "sum", min_articles: int = 1) -> pd.DataFrame:
    """Aggregate term counts over many articles.

    Args:
        items: terms tables, :class:`~toolkit.analysis.Analysis` objects or docs
            (any mix), or one concatenated terms table with ``article_id``.
        how: ``"sum"`` ranks by total count; ``"df"`` by document frequency
            (in how many articles the term occurs).
        min_articles: keep terms found in at least this many articles.

    Returns:
        DataFrame ``term, count, articles, share`` (``share`` = ``articles`` /
        number of articles), sorted by ``how`` then the other measure, then term.

    Example:
        >>> a = pd.DataFrame({"term": ["rain", "wind"], "count": [3, 1]})
        >>> b = pd.DataFrame({"term": ["rain"], "count": [2]})
        >>> corpus_terms([a, b], how="df").to_dict("records")[0]
        {'term': 'rain', 'count': 5, 'articles': 2, 'share': 1.0}
    """
    if how not in ("sum", "df"):
        raise ValueError(f"how must be 'sum' or 'df', not {how!r}")
    if isinstance(items, pd.DataFrame):
        if "article_id" in items.columns:
            frames = [g for _, g in items.groupby(items["article_id"].astype(str), sort=True)]
        else:
            frames = [items]
    else:
        frames = [_terms_of(i) for i in items]
    count: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for df in frames:
        sub = df.groupby("term", sort=False)["count"].sum()
        for term, c in sub.items():
            if pd.isna(c) or int(c) <= 0:
                continue
            count[term] += int(c)
            articles[term] += 1
    n = max(len(frames), 1)
    rows = [{"term": t, "count": count[t], "articles": articles[t], "share": articles[t] / n}
            for t in count if articles[t] >= min_articles]
    if how == "sum":
        rows.sort(key=lambda r: (-r["count"], -r["articles"], r["term"]))
    else:
        rows.sort(key=lambda r: (-r["articles"], -r["count"], r["term"]))
    df = pd.DataFrame(rows, columns=["term", "count", "articles", "share"])
    df["count"] = df["count"].astype("Int64")
    df["articles"] = df["articles"].astype("Int64")
    return df
