"""Property-based tests: nothing is lost, offsets always slice their text, nothing raises.

The suite runs a few hundred generated examples per property (seconds);
``make fuzz`` runs many more (``TOOLKIT_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toolkit.clean import clean_lines, join_wrapped
from toolkit.read import InputError, decode

EXAMPLES = int(os.environ.get("TOOLKIT_FUZZ_EXAMPLES", "150"))
# The test suite replays the same examples every run; `make fuzz` explores new ones.
DERANDOMIZE = "TOOLKIT_FUZZ_EXAMPLES" not in os.environ
fuzz = settings(max_examples=EXAMPLES, deadline=None, derandomize=DERANDOMIZE,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Lines that look like the parts of a scraped article.
WORDS = st.sampled_from(["the", "council", "said", "Ann", "Lee", "rose", "by", "Reuters", "3",
                         "min", "Related", "cookies", "we", "use", "newsletter", "Subscribe",
                         "RIVER", "FLOOD", "la", "nded", "anti-", "aircraft", "\u201c", "\u201d",
                         '"', "42,718", "Photo:", "/", "Jo", "Smith", "October", "22,", "2024."])
LINE = st.one_of(
    st.lists(WORDS, min_size=1, max_size=25).map(" ".join),
    st.text(min_size=0, max_size=80),
    st.just(""), st.just("   "), st.just("\u00a0"),
)
ARTICLE_LINES = st.lists(LINE, min_size=0, max_size=40)


@fuzz
@given(ARTICLE_LINES)
def test_every_nonblank_line_is_body_or_removed(lines):
    lines = [ln.replace("\n", " ").replace("\r", " ") for ln in lines]
    article = clean_lines(lines, article_id="f")
    body = [n for p in article.paragraphs for n in p.lines]
    removed = [r.line for r in article.removed]
    nonblank = {n for n, ln in enumerate(lines, 1) if ln.strip()}
    assert set(body) | set(removed) == nonblank
    assert len(body) == len(set(body)) and not set(body) & set(removed)
    for r in article.removed:  # the removed text is the line itself
        assert r.text == lines[r.line - 1].strip()
    assert all(p.text.strip() and "\n" not in p.text for p in article.paragraphs)


@fuzz
@given(st.text(max_size=40), st.text(max_size=40))
def test_join_wrapped_never_raises(left, right):
    joined = join_wrapped(left, right)
    assert isinstance(joined, str)


@fuzz
@given(st.binary(max_size=400))
def test_decode_gives_text_or_a_clear_error(data):
    try:
        text, encoding = decode(data, name="f.txt")
    except InputError as exc:
        assert str(exc).startswith("f.txt: ") and "\n" not in str(exc)
    else:
        assert text.strip() and "\x00" not in text


@fuzz
@given(st.text(max_size=300))
def test_clean_arbitrary_unicode_never_raises(text):
    article = clean_lines(text.splitlines(), article_id="u")
    assert article.text == "\n\n".join(p.text for p in article.paragraphs)


@fuzz
@given(st.text(alphabet=st.sampled_from('ab "\u201c\u201d\u2018\u2019\'\n.,'), max_size=200))
def test_quote_pairing_never_raises(text):
    from toolkit.quotes import pair_quote_marks

    for start, end in pair_quote_marks(text):
        assert 0 <= start < end <= len(text)


SENTENCE = st.builds(
    lambda who, verb, what, num: f"{who} {verb} {num} {what}.",
    st.sampled_from(["Ann Lee", "The council", "Officials in Springfield", "He", "The Acme Corp",
                     "Maria Lopez, the mayor,"]),
    st.sampled_from(["said", "told reporters that", "warned", "claimed"]),
    st.sampled_from(["people had left", "homes were damaged", "boats sank, police said"]),
    st.sampled_from(["more than 20", "about 1,200", "3.5 million", "dozens of", "13"]))
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map(" ".join)
QUOTED = PARAGRAPH.map(lambda p: f"\u201c{p}\u201d said Ann Lee.")
TEXT = st.lists(st.one_of(PARAGRAPH, QUOTED), min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=max(EXAMPLES // 10, 10), deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_offsets_slice_exactly_their_text(text):
    import toolkit
    from toolkit.read import article_from_text

    result = toolkit.analyze(article_from_text(text, article_id="g"))
    body = result.article.text
    for row in result.mentions.itertuples():
        assert body[row.start_char:row.end_char] == row.text
    for row in result.quotes.itertuples():
        assert body[row.start_char:row.end_char] == row.quote
    for row in result.figures.itertuples():
        assert body[row.start_char:row.end_char] == row.text
