"""``nlp.doc_text``: ``Doc.text`` joined once per doc, never stale."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from toolkit.dates import DATE_RE, TIME_RE
from toolkit.nlp import doc_text


def make(words, spaces=None):
    return Doc(Vocab(), words=words, spaces=spaces)


def test_doc_text_equals_doc_text_and_is_kept():
    doc = make(["Rain", "fell", "."], [True, False, False])
    assert doc_text(doc) == doc.text == "Rain fell."
    assert doc.user_data["toolkit_text"] == "Rain fell."


def test_doc_text_of_an_empty_doc():
    assert doc_text(make([])) == ""


def test_doc_text_recomputed_when_user_data_holds_another_docs_text():
    first, second = make(["Short"]), make(["A", "longer", "one"])
    doc_text(first)
    second.user_data.update(first.user_data)  # as Doc.copy or a careless merge would
    assert doc_text(second) == "A longer one "


def test_date_and_time_patterns_start_at_a_word_only():
    text = "On 3 March, at 10:30 GMT, and again last week (x2020 is no year)."
    assert [m.group(0) for m in DATE_RE.finditer(text)] == ["3 March", "last week"]
    assert [m.group(0) for m in TIME_RE.finditer(text)] == ["10:30 GMT"]


DATE_TEXTS = (
    "On 3 March, 2020-01-02, March 4th, 2019 last year and the 5th of May.",
    "Last Monday morning, next week, earlier this month, Later this year, mid-June.",
    "Yesterday, tonight, tomorrow and today; two weeks ago, a year ago, 3 days ago.",
    "In Sept. 2004, late May, Early March, this Friday and by 1998 the Mayor's Aug plan.",
    "Their nine lives, an era, the Marchers and Monday-ish notes hold no dates, 1750 neither.",
)


def test_the_date_start_look_ahead_drops_no_match():
    """The look-ahead on the words a date can start with only skips positions:
    the pattern without it finds the same matches with the same groups."""
    import re

    from toolkit import dates

    prefix = rf"(?=\b\w)(?=\d|{dates._DATE_STARTS})"
    assert DATE_RE.pattern.startswith(prefix)
    bare = re.compile(DATE_RE.pattern[len(prefix):])
    for text in DATE_TEXTS:
        found = [(m.span(), m.groups()) for m in DATE_RE.finditer(text)]
        assert found == [(m.span(), m.groups()) for m in bare.finditer(text)]
        assert found, text


def test_a_parsed_article_carries_its_text():
    from toolkit.nlp import load_model, parse
    from toolkit.read import article_from_text

    art = article_from_text("Rain fell on Tuesday.\n\nThe river rose.")
    doc = parse(art, load_model())
    assert doc.user_data["toolkit_text"] == art.text == doc.text
    assert doc_text(doc) is doc.user_data["toolkit_text"]


def test_text_parsed_in_pieces_carries_its_text(monkeypatch):
    from toolkit import nlp
    from toolkit.read import article_from_text

    monkeypatch.setattr(nlp, "MAX_CHUNK_CHARS", 300)
    art = article_from_text("\n\n".join(["The council met again and voted."] * 30))
    doc = nlp.parse(art, nlp.load_model())
    assert len(art.text) > 300
    assert doc.user_data["toolkit_text"] == art.text == doc.text


def test_token_columns_of_an_empty_doc():
    from toolkit.nlp import token_columns

    assert token_columns(make([]))["head"] == []
