"""Types of names the model tags wrongly and nothing in the text corrects:
organisations listed after a plural organisation noun, groups named with
letters, a dash and digits, and the address test near the doc's start. Each
rule on sentences written for the test (invented names)."""

from __future__ import annotations

from conftest import actor_rows, with_ents
from toolkit import actors as act

rows = actor_rows


# --------------------------------------------------------------- _in_address


def test_in_address_near_the_doc_start_never_reads_the_last_token(parse):
    # The capitals before the comma reach the doc's first token; the word
    # before them must not wrap round to the doc's last token ("in").
    doc = parse("Ann Lee, Lancashire, is the county she grew up in")
    assert doc[-1].lower_ == "in" and doc[3].text == "Lancashire"
    assert not act._in_address(doc[3:4])
