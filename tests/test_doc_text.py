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
