"""The cleaning rules in the registry: each named, tested alone, and switched off by name.

Every text here is written for the test. A case gives a story, the line one
rule removes, the reason it gives, and what becomes of that line with the rule
switched off: ``"body"``, or the reason of the next rule that removes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from toolkit import clean, read
from toolkit.clean import Block, State, clean_lines
from toolkit.cli import main
from toolkit.rules import list_rules

HEAD = "Rain stops play at the cup final"
BODY1 = "Rain stopped play at the cup final on Sunday, officials said, and fans went home early."
BODY2 = "The match will be played again next week, the league said in a statement."


def after_body(line: str) -> list[str]:
    return [HEAD, "", BODY1, "", line, "", BODY2]


def at_end(*lines: str) -> list[str]:
    return [HEAD, "", BODY1, "", BODY2, *(x for line in lines for x in ("", line))]


def before_body(*lines: str) -> list[str]:
    return [HEAD, *(x for line in lines for x in ("", line)), "", BODY1, "", BODY2]


@dataclass
class Case:
    rule: str
    lines: list[str]
    target: str
    reason: str
    when_off: str = "body"
    state: dict = field(default_factory=dict)  # what the rule needs to know when asked alone


CASES = [
    Case("clean-skip-link", after_body("Skip to main content"), "Skip to main content",
         "page_chrome"),
    Case("clean-read-time", after_body("5 min read"), "5 min read", "read_time"),
    Case("clean-share", after_body("Share this article"), "Share this article", "page_chrome"),
    Case("clean-follow", after_body("Follow us on Facebook and Instagram"),
         "Follow us on Facebook and Instagram", "follow_prompt"),
    Case("clean-copyright", after_body("\u00a9 2024 Example News"), "\u00a9 2024 Example News",
         "copyright"),
    Case("clean-related-inline", after_body("Read more: Ferry crews vote on night shifts"),
         "Read more: Ferry crews vote on night shifts", "related"),
    Case("clean-related", after_body("Related stories"), "Related stories", "related"),
    Case("clean-newsletter", after_body("Sign up for our free newsletter"),
         "Sign up for our free newsletter", "newsletter"),
    Case("clean-cookie", after_body("We use cookies to improve your experience"),
         "We use cookies to improve your experience", "cookie_notice"),
    Case("clean-banner", after_body("Leaderboard ad slot"), "Leaderboard ad slot", "banner"),
    Case("clean-wire-signature", at_end("Reuters"), "Reuters", "wire_signature",
         state={"body_started": True}),
    Case("clean-credits", at_end("Editing by Bo Diaz"), "Editing by Bo Diaz", "credits",
         state={"body_started": True}),
    Case("clean-byline", at_end("By Ann Lee, Sports Reporter"), "By Ann Lee, Sports Reporter",
         "byline"),
    Case("clean-pipe-byline", before_body("Ann Lee | Sports Correspondent"),
         "Ann Lee | Sports Correspondent", "byline", "page_chrome"),
    Case("clean-byline-role", before_body("By Ann Lee", "Sports Editor"), "Sports Editor",
         "byline", "page_chrome", state={"last_reason": "byline", "byline_names": ["Ann Lee"]}),
    Case("clean-date-line", after_body("Published 3 March 2024"), "Published 3 March 2024",
         "date_line"),
    Case("clean-caption", after_body("Fans wait in the rain. Photo: Ann Lee"),
         "Fans wait in the rain. Photo: Ann Lee", "caption"),
    Case("clean-caps-headline", ["RAIN STOPS PLAY AT THE FINAL", "", BODY1, "", BODY2],
         "RAIN STOPS PLAY AT THE FINAL", "title", "page_chrome"),
    Case("clean-title", [HEAD, "", BODY1, "", BODY2], HEAD, "title", "page_chrome"),
    Case("clean-after-story", at_end("Reuters", "Contact the newsroom"), "Contact the newsroom",
         "after_story_end", state={"story_ended": True}),
    Case("clean-dateline-only", before_body("LEEDS, March 3 -"), "LEEDS, March 3 -", "dateline",
         "page_chrome"),
    Case("clean-pre-body", before_body("Local sport"), "Local sport", "page_chrome"),
    Case("clean-duplicate", at_end(BODY1), BODY1, "duplicate", state={"seen": {BODY1.lower()}}),
]


def _rule(name: str):
    return next(f for f in clean.RULE_GROUPS["blocks"] if f.rule_name == name)


def _body(article) -> list[str]:
    return [p.text for p in article.paragraphs]


def _removed(article) -> list[tuple[str, str]]:
    return [(r.text, r.reason) for r in article.removed]


def test_every_classifier_has_a_case_here():
    assert [c.rule for c in CASES] == [f.rule_name for f in clean.RULES]


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_each_classifier_alone(case):
    block = Block(case.target, [1], [case.target], blank_after=True)
    state = State(**case.state)
    assert _rule(case.rule)(block, state) == case.reason
    assert _rule(case.rule)(Block(BODY2, [1], [BODY2], blank_after=True),
                            State(body_started=True)) is None


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_switching_a_classifier_off_changes_only_its_line(case):
    full = clean_lines(case.lines)
    off = clean_lines(case.lines, disable={case.rule})
    assert (case.target, case.reason) in _removed(full)
    if case.when_off == "body":
        assert case.target in _body(off)
        assert case.target not in [text for text, _ in _removed(off)]
    else:
        assert (case.target, case.when_off) in _removed(off)
    # Nothing else moves: the other removed lines and the other paragraphs stay as they were.
    assert [r for r in _removed(full) if r[0] != case.target] == \
        [r for r in _removed(off) if r[0] != case.target]
    if case.when_off == "body":  # its last paragraph (a duplicate repeats an earlier one)
        kept = _body(off)
        del kept[len(kept) - 1 - kept[::-1].index(case.target)]
        assert kept == _body(full)
    else:
        assert _body(off) == _body(full)


def test_switching_a_classifier_off_leaves_the_others_on():
    lines = after_body("Share this article") + ["", "Skip to main content"]
    off = clean_lines(lines, disable={"clean-share", "not-a-cleaning-rule"})
    assert ("Skip to main content", "page_chrome") in _removed(off)
    assert "Share this article" in _body(off)


def test_caps_chrome_alone_and_switched_off():
    assert clean.rule_caps_chrome(Block("SPORT", [1], ["SPORT"]), State()) == "page_chrome"
    assert clean.rule_caps_chrome(Block("SPORT", [1], ["SPORT"]), State(body_started=True)) is None
    lines = ["SPORT", "", HEAD, "", BODY1]
    on = clean_lines(lines, disable={"clean-pre-body"})
    off = clean_lines(lines, disable={"clean-pre-body", "clean-caps-chrome"})
    assert ("SPORT", "page_chrome") in _removed(on)
    assert [(p.text, p.kind) for p in off.paragraphs][0] == ("SPORT", "heading")
    assert _removed(off) == [r for r in _removed(on) if r[0] != "SPORT"]


# ------------------------------------------------------------------ the paragraph steps


def test_strip_wire_tags_alone_and_switched_off():
    assert clean.strip_wire_tags("<Acme Corp> said it grew.") == "Acme Corp said it grew."
    lines = [HEAD, "", "<Acme Corp> said profits rose in the year to March, the firm said."]
    assert _body(clean_lines(lines))[0].startswith("Acme Corp said")
    assert _body(clean_lines(lines, disable={"clean-strip-wire-tags"}))[0].startswith(
        "<Acme Corp> said")


def test_space_glued_quote_alone_and_switched_off():
    assert clean.space_glued_quote('She said,"No."') == 'She said, "No."'
    lines = [HEAD, "", 'The coach said,"We will be back next week for the final," and left.']
    assert 'said, "We' in _body(clean_lines(lines))[0]
    assert 'said,"We' in _body(clean_lines(lines, disable={"clean-space-glued-quote"}))[0]


def test_rejoin_splits_alone_and_switched_off():
    split = [clean.Paragraph("Talks went on until", "body", (1,)),
             clean.Paragraph("late at night.", "body", (2,))]
    assert [p.text for p in clean.rejoin_splits(split)] == ["Talks went on until late at night."]
    unnumbered = [clean.Paragraph("Talks went on until"), clean.Paragraph("late at night.")]
    assert [p.text for p in clean.rejoin_splits(unnumbered)] == ["Talks went on until late at night."]
    lines = [HEAD, "", BODY1, "", "The council said the new bridge", "", "would open in May."]
    assert _body(clean_lines(lines))[1:] == ["The council said the new bridge would open in May."]
    assert _body(clean_lines(lines, disable={"clean-rejoin-splits"}))[1:] == [
        "The council said the new bridge", "would open in May."]


def test_cut_dateline_alone_and_switched_off():
    lines = [HEAD, "", "LEEDS, March 3 (Reuters) - Rain stopped play at the final on Sunday."]
    full = clean_lines(lines)
    off = clean_lines(lines, disable={"clean-cut-dateline"})
    assert (full.dateline, _body(full)) == ("LEEDS", ["Rain stopped play at the final on Sunday."])
    assert ("LEEDS, March 3 (Reuters) -", "dateline") in _removed(full)
    assert (off.dateline, _body(off)) == (None, [lines[2]])
    assert _removed(off) == [r for r in _removed(full) if r[1] != "dateline"]


# ------------------------------------------------------------------ web pages

PAGE_BODY = ("<p>Rain stopped play at the cup final on Sunday, officials said, and fans went "
             "home early after a long wait in the stands of the old ground by the river.</p>"
             "<div class='promo-box'><p>Ferry crews vote on new night shifts</p></div>"
             "<p>The match will be played again next week, the league said in a statement on "
             "Monday evening, and tickets bought for Sunday will be valid.</p>")
PAGE = (f"<html><head><title>{HEAD}</title></head><body><article><h1>{HEAD}</h1>{PAGE_BODY}"
        "</article></body></html>")


def test_page_rules_alone():
    block = Block(HEAD, [1], [HEAD])
    assert read.rule_page_title(block, State(), title=HEAD) == "title"
    assert read.rule_page_title(block, State(body_started=True), title=HEAD) is None
    furniture = {"Ferry crews vote on new night shifts"}
    teaser = Block("Ferry crews vote on new night shifts", [1], [""])
    assert read.rule_html_furniture(teaser, State(), furniture=furniture) == "html_furniture"
    assert read.rule_html_furniture(block, State(), furniture=furniture) is None


@pytest.mark.parametrize("rule, line, reason", [
    ("clean-page-title", HEAD, "title"),
    ("clean-html-furniture", "Ferry crews vote on new night shifts", "html_furniture"),
])
def test_switching_a_page_rule_off(rule, line, reason):
    full = read.read_html(PAGE)
    off = read.read_html(PAGE, disable_rules=[rule])
    assert (line, reason) in _removed(full)
    assert line in _body(off) and line not in _body(full)
    assert [t for t in _body(off) if t != line] == _body(full)


def test_page_forms_of_a_rule_bear_its_name():
    names = [r.rule_name for r in read._html_rules("A title", {"x"})]
    assert set(names) <= set(list_rules().query("stage == 'clean'")["rule"])
    assert names.count("clean-newsletter") == 1 and names.count("clean-related") == 1
    lines = [HEAD, "", BODY1, "", "Sign up for our free newsletter", "", BODY2]
    rules = read._html_rules(None)
    kept = clean_lines(lines, rules=rules, caps_chrome=False, disable={"clean-newsletter"})
    assert "Sign up for our free newsletter" in _body(kept)


# ------------------------------------------------------------------ the registry


def test_the_registry_lists_the_cleaning_rules_first_in_order():
    table = list_rules()
    clean_rows = table[table["stage"] == "clean"]
    assert list(clean_rows.index) == list(range(len(clean_rows)))  # first
    blocks = clean_rows[clean_rows["group"] == "blocks"]
    assert list(blocks["rule"]) == [f.rule_name for f in clean.RULES]
    assert list(blocks["order"]) == list(range(1, len(clean.RULES) + 1))
    assert list(clean_rows["group"].unique()) == ["blocks", "fallback", "paragraphs", "html"]
    assert all(name.startswith("clean-") for name in clean_rows["rule"])


def test_each_cleaning_rule_names_its_reasons():
    names = list(list_rules().query("stage == 'clean'")["rule"])
    assert sorted(clean.REASONS) == sorted(names)
    for case in CASES:
        assert case.reason in clean.REASONS[case.rule]


# ------------------------------------------------------------------ readers and runs


def test_readers_check_the_names():
    with pytest.raises(ValueError, match="clean-no-such-rule"):
        read.read_text(BODY1, disable_rules=["clean-no-such-rule"])


def test_every_reader_passes_the_names_on(tmp_path):
    from toolkit.inputs import iter_articles

    text = "\n".join(after_body("Share this article"))
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    (tmp_path / "rows.jsonl").write_text(json.dumps({"id": "r1", "text": text}) + "\n",
                                         encoding="utf-8")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    kept = {"story": "Share this article", "r1": "Share this article",
            "page": "Ferry crews vote on new night shifts"}
    for off in ((), ("clean-share", "clean-html-furniture")):
        articles = {a.id: a for a in iter_articles([tmp_path], disable_rules=off)}
        assert sorted(articles) == ["page", "r1", "story"]
        for aid, article in articles.items():
            assert (kept[aid] in _body(article)) == bool(off), aid
    story = read.read_article(tmp_path / "story.txt", disable_rules=["clean-share"])
    assert "Share this article" in _body(story)


def test_archive_readers_pass_the_names_on(monkeypatch):
    from conftest import FIXTURES
    from toolkit.archives import iter_archive, read_document

    seen = []
    original = clean.clean_lines

    def spy(lines, **options):
        seen.append(options.get("disable"))
        return original(lines, **options)

    monkeypatch.setattr(clean, "clean_lines", spy)
    monkeypatch.setattr(read, "clean_lines", spy)
    list(iter_archive(FIXTURES / "archives" / "lexisnexis.txt", disable_rules=["clean-title"]))
    read_document(FIXTURES / "archives" / "memo.docx", disable_rules=["clean-duplicate"])
    assert seen and seen[:-1] == [frozenset({"clean-title"})] * (len(seen) - 1)
    assert seen[-1] == frozenset({"clean-duplicate"})


def test_clean_command_switches_a_rule_off(tmp_path, capsys):
    path = tmp_path / "story.txt"
    path.write_text("\n".join(after_body("Share this article")), encoding="utf-8")
    assert main(["clean", str(path)]) == 0
    assert capsys.readouterr().out == f"{BODY1}\n\n{BODY2}\n"
    assert main(["clean", str(path), "--disable-rule", "clean-share"]) == 0
    assert capsys.readouterr().out == f"{BODY1}\n\nShare this article\n\n{BODY2}\n"
    assert main(["clean", str(path), "--disable-rule", "clean-no-such-rule"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "clean-no-such-rule" in err


def test_analyze_with_a_cleaning_rule_off_records_it(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "story.txt").write_text("\n".join([HEAD, "", BODY1, "", "Share this article", "",
                                              BODY2, ""]), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--out", str(out), "--quiet", "--no-report",
                 "--n-process", "1", "--disable-rule", "clean-share"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["options"]["disable_rules"] == ["clean-share"]
    cleaned = (out / "cleaned" / "story.txt").read_text(encoding="utf-8")
    assert "Share this article" in cleaned
    removed = (out / "removed.csv").read_text(encoding="utf-8")
    assert "Share this article" not in removed and "title" in removed


def test_analyze_reads_a_path_with_a_cleaning_rule_off(tmp_path, nlp):
    import toolkit

    path = tmp_path / "story.txt"
    path.write_text("\n".join(after_body("Share this article")), encoding="utf-8")
    result = toolkit.analyze(path, nlp=nlp, disable_rules=["clean-share"])
    assert _body(result.article) == [BODY1, "Share this article", BODY2]
    assert result.options["disable_rules"] == ["clean-share"]


@pytest.mark.parametrize("pattern, words, cased", [
    ("_NEWSLETTER", "_NEWSLETTER_WORDS", ()),
    ("_BANNER", "_BANNER_WORDS", ()),
    ("_CREDIT_SUFFIX", "_CREDIT_WORDS", "_CREDIT_AGENCIES"),
])
def test_the_quick_word_test_never_hides_a_match(pattern, words, cased):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from toolkit import clean

    regex, words = getattr(clean, pattern), getattr(clean, words)
    cased = getattr(clean, cased) if cased else ()

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(regex))
    def check(text):
        assert regex.search(text)
        assert clean._may_mention(text, words, cased)

    check()
    for text in ("Pı\u0307cture: the harbour", "Shutter\u017ftock", "AD SLOT", "Photo Credit: Ann Lee"):
        assert clean._may_mention(text, words, cased) or not regex.search(text)
