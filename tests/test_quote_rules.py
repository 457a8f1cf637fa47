"""Quote rules one at a time: each finds its own case, and switching it off
changes only the rows it produced."""

from __future__ import annotations

import doctest

import pytest

import toolkit.quotes as quotes_mod
from toolkit.quotes import RULE_GROUPS, extract_quotes
from toolkit.rules import describe, list_rules

#: rule name -> (a text written for the test, the quoted content that rule finds).
CASES = {
    "direct-after": ('"The pool will stay shut all winter," the manager said. '
                     "Swimmers said the water was cold.", "The pool will stay shut all winter,"),
    "direct-before": ('The keeper said it was a fair result. The manager told reporters: '
                      '"The pool will stay shut all winter."', "The pool will stay shut all winter."),
    "direct-dash": ("The depot said the buses were late.\n\n"
                    '"We never gave up on this little town." — Olwen Tregarth',
                    "We never gave up on this little town."),
    "direct-floating": ('"The pool will stay shut all winter," the manager said. '
                        '"Nobody wanted this to happen to us."', "Nobody wanted this to happen to us."),
    "indirect-ccomp": ("The county council said on Monday that the coast road would reopen "
                       "in May.", "the coast road would reopen in May"),
    "indirect-final": ("The coast road will reopen in May, the county council said.",
                       "The coast road will reopen in May"),
    "indirect-embedded": ("The navy said the sea was calm. Sirens sounded after the navy fired "
                          "shells at what it said were smuggling boats near the coast.",
                          "were smuggling boats near the coast"),
    "indirect-listener": ("The judge reminded jurors that gossip was not evidence.",
                          "gossip was not evidence"),
    "indirect-in-statement": ("The ministry said in a statement that the tunnel was safe.",
                              "the tunnel was safe"),
    "indirect-xcomp": ("The union urged ministers to raise wages quickly.",
                       "ministers to raise wages quickly"),
    "indirect-prep": ("Farmers called for an inquiry into the flooding.",
                      "an inquiry into the flooding"),
    "indirect-dobj": ("The rebels claimed responsibility for the blast at the depot.",
                      "responsibility for the blast"),
    "indirect-parataxis": ("The tunnel, the ministry said, would close for a week.",
                           "The tunnel, the ministry said, would close for a week"),
    "according-to": ("Fares will rise by a tenth next year, according to the operator.",
                     "Fares will rise by a tenth next year"),
    "speaker-pronoun": ("The coach arrived late. He said the team had trained well.",
                        "the team had trained well"),
    "speaker-floating": ('"The pool will stay shut all winter," the manager said. '
                         '"Nobody wanted this to happen to us."', "Nobody wanted this to happen to us."),
}


def rows(quotes):
    return [(q.kind, q.rule, q.speaker, q.quote, q.start_char) for q in quotes]


def test_every_rule_has_a_case_and_a_description():
    names = [f.rule_name for funcs in RULE_GROUPS.values() for f in funcs]
    assert sorted(names) == sorted(CASES)
    table = list_rules()
    assert set(names) <= set(table.loc[table["stage"] == "quotes", "rule"])
    for funcs in RULE_GROUPS.values():
        for f in funcs:
            assert describe(f) and f.rule_stage == "quotes"


@pytest.mark.parametrize("name", sorted(CASES))
def test_rule_finds_its_case(parse, name):
    text, content = CASES[name]
    found = [q for q in extract_quotes(parse(text)) if q.quote == content]
    assert len(found) == 1, rows(extract_quotes(parse(text)))
    q = found[0]
    if name.startswith("speaker-"):
        assert q.resolved and q.speaker
        assert q.rule.endswith("+pronoun") == (name == "speaker-pronoun")
    else:
        assert q.rule.split("+")[0] == name


@pytest.mark.parametrize("name", sorted(CASES))
def test_disabling_a_rule_changes_only_its_rows(parse, name):
    doc = parse(CASES[name][0])
    full = rows(extract_quotes(doc))
    without = rows(extract_quotes(doc, disable={name}))
    if name.startswith("speaker-"):
        mine = [r for r in full if r[3] == CASES[name][1]]
    else:
        mine = [r for r in full if r[1].split("+")[0] == name]
    assert mine
    assert all(r not in without for r in mine)
    # Rows elsewhere in the text are untouched (another rule may take over the
    # span a disabled rule leaves: '"…," X said' becomes reported speech).
    spans = [(r[4], r[4] + len(r[3])) for r in mine]

    def elsewhere(table):
        return [r for r in table
                if not any(s < r[4] + len(r[3]) and r[4] < e for s, e in spans)]
    assert elsewhere(full) == elsewhere(without)


def test_disabled_pronoun_rule_keeps_the_pronoun(parse):
    doc = parse(CASES["speaker-pronoun"][0])
    q, = extract_quotes(doc, disable={"speaker-pronoun"})
    assert (q.speaker, q.resolved, q.rule) == ("He", False, "indirect-ccomp")


def test_disabled_floating_rule_leaves_the_quote_unattributed(parse):
    doc = parse(CASES["speaker-floating"][0])
    q = extract_quotes(doc, disable={"speaker-floating"})[1]
    assert (q.speaker, q.rule) == ("", "direct-unattributed")


def test_a_failing_rule_raises(parse, monkeypatch):
    def broken(ctx, verb):
        raise RuntimeError("rule broke")
    broken.rule_name = "indirect-ccomp"
    groups = dict(RULE_GROUPS, indirect=(broken,))
    monkeypatch.setattr(quotes_mod, "RULE_GROUPS", groups)
    with pytest.raises(RuntimeError, match="rule broke"):
        extract_quotes(parse("The council said the road would reopen."))


def test_docstring_examples_run():
    result = doctest.testmod(quotes_mod, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 4 and result.failed == 0
