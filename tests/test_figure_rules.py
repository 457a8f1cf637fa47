"""Each figures and dates rule on its own, and what switching one off changes."""

from __future__ import annotations

import pytest

from toolkit import dates, figures, rules
from toolkit.figures import extract_figures


def texts(doc, **kw):
    return [f.text for f in extract_figures(doc, **kw)]


def test_every_rule_is_registered_with_a_description():
    table = rules.list_rules()
    for stage in ("figures", "dates"):
        mine = table[table["stage"] == stage]
        assert len(mine) >= 8
        assert (mine["description"].str.len() > 20).all()
    names = set(table["rule"])
    for group in (*figures.RULE_GROUPS.values(), *dates.RULE_GROUPS.values()):
        assert {r.rule_name for r in group} <= names


# --- detect rules: each skips one kind of non-figure; off, the number comes back ------------

@pytest.mark.parametrize("name,also,sentence,number", [
    ("skip-date-time-code", (), "The claim was disputed [3] by many.", "3"),
    ("skip-glued", (), "Delegates of the G8 met the miners.", "8"),
    ("skip-length", (), "She won the 400m at the county games.", "400m"),
    ("skip-name-word", ("skip-pronoun-one",), "He raced in Formula One last season.", "One"),
    ("skip-pronoun-one", (), "Not one of the vans was insured.", "one"),
    ("skip-year", ("skip-date-time-code",), "The mill closed in 1987 after a fire.", "1987"),
    ("skip-identifier", (), "The ferry left from Pier 39 at dawn.", "39"),
    ("skip-duration", ("skip-date-time-code",), "The hearing lasted nine hours.", "nine"),
    ("skip-one-article", (), "At one point the crowd went quiet.", "one"),
    ("skip-referential", (), "The three bakers denied the charge.", "three"),
    ("skip-fraction-period", (), "Output was flat in the last two quarters.",
     "two quarters"),
])
def test_skip_rule_alone(parse, name, also, sentence, number):
    """Off, the number comes back; with only the other rules off, it stays out."""
    doc = parse(sentence)
    assert number not in texts(doc)
    assert number not in texts(doc, disable=set(also))
    assert number in texts(doc, disable={name, *also})


# --- what rules ---------------------------------------------------------------------------

@pytest.mark.parametrize("name,sentence,number,what", [
    ("what-age", "The skipper, Joan Marsh, 58, steered the boat home.", "58", "age"),
    ("what-score", "Harbour Town won a tense match 3-1 at home.", "3-1", "tense match"),
    ("what-same-as-previous", "The mill sold for £40m ($52m) in spring.", "$52m", "mill"),
    ("what-change-noun", "Ferry operators reported a 7% rise in bookings.", "7%", "bookings"),
    ("what-counted-noun", "Keepers weighed 14 penguins at the zoo.", "14",
     "penguins weighed at the zoo"),
    ("what-of-object", "Hundreds of ducks landed on the pond.", "Hundreds",
     "ducks landed on the pond"),
    ("what-measured-noun", "The dairy made a profit of £3.1m last year.", "£3.1m", "profit"),
    ("what-change-subject", "Cheese exports were down 4.5% in the autumn.", "4.5%",
     "Cheese exports"),
    ("what-money-in", "The mill owners won £2m in damages.", "£2m", "damages"),
    ("what-share-noun", "One in six ferries ran late.", "One in six", "ferries"),
    ("what-partitive", "The club sold all but 12 of its 40 racing boats.", "12",
     "racing boats"),
    ("what-partitive", "Of the new ferries ordered by the council, two remain in the yard.",
     "two", "new ferries"),
    ("what-stake", "The dairy co-op already owns 28% and wants more.", "28%", "stake"),
    ("what-money-object", "The skipper earned £40,000 for the voyage.", "£40,000",
     "earned for the voyage"),
    ("what-money-object", "The ferry firm booked $3m as a repair charge.", "$3m",
     "booked as a repair charge"),
    ("what-score-series", "Lina Park won a 5-7 6-2 7-5 victory over Ruth Dale.", "5-7",
     "victory"),
    ("what-score-series", "The champion beat Ruth Dale 7-6 (7-2) 3-6 6-2.", "6-2",
     "Ruth Dale beaten"),
])
def test_what_rule_alone(parse, name, sentence, number, what):
    doc = parse(sentence)
    f = next(f for f in extract_figures(doc) if f.text == number)
    assert (f.what, f.rule) == (what, name)
    off = next(f for f in extract_figures(doc, disable={name}) if f.text == number)
    assert off.rule != name


# --- source rules -------------------------------------------------------------------------

def test_source_according_to_rule(parse):
    doc = parse("The gale toppled 30 pylons, according to the grid operator.")
    assert extract_figures(doc)[0].source == "the grid operator"
    assert extract_figures(doc, disable={"source-according-to"})[0].source == ""


def test_source_speech_verb_rule_takes_any_speech_verb(parse):
    doc = parse("Officials argued that 40 miners died in the blast.")
    assert extract_figures(doc)[0].source == "Officials"
    assert extract_figures(doc, disable={"source-speech-verb"})[0].source == ""


def test_source_in_quote_rule(parse):
    from toolkit.quotes import Quote
    text = "A warden said the count was done. 12 otters live here, she added."
    doc = parse(text)
    q = Quote(speaker="the warden", speaker_actor="", cue="added", quote="",
              kind="indirect", sentence=1, start_char=text.index("12"), end_char=len(text),
              rule="test")
    assert extract_figures(doc, quotes=[q])[0].source == "the warden"
    off = extract_figures(doc, quotes=[q], disable={"source-in-quote"})[0].source
    assert off != "the warden"


def test_source_pronoun_rule(parse):
    doc = parse("Park rangers said 5 bears were tagged. 3 cubs were seen, they added.")
    assert extract_figures(doc)[1].source == "Park rangers"
    assert extract_figures(doc, disable={"source-pronoun"})[1].source == "they"


# --- switching a rule off changes only the rows it produced -------------------------------

TEXT = ("Villagers said 40 goats were lost in the flood. Dozens of sheep drowned too. "
        "About 300 families fled, according to the county council. Farm income was down "
        "12% on the year, and the board's grant of £2m ($2.6m) barely helped. Wool traders "
        "reported a 9% rise in exports. Farmer Tom Hale, 62, said the village team still "
        "won its match 3-1. One in four barns flooded. The vets won £3m in damages. "
        "Of the boats moored there, two sank. The co-op now owns 30%. The ferryman "
        "earned £4,000 for the crossings. The village side won a 5-7 6-2 6-4 victory.")


@pytest.mark.parametrize("name", [r.rule_name for r in figures.WHAT_RULES])
def test_disabling_a_what_rule_changes_only_its_rows(parse, name):
    """Rows named by another rule stay the same; a row that restates the figure before
    it follows that figure's ``what``."""
    doc = parse(TEXT)
    before = extract_figures(doc)
    after = extract_figures(doc, disable={name})
    assert any(f.rule == name for f in before)
    assert [f.text for f in before] == [f.text for f in after]
    for i, (b, a) in enumerate(zip(before, after, strict=True)):
        if b.rule == "what-same-as-previous" and name != b.rule:
            assert a.what == after[i - 1].what
        elif b.rule != name:
            assert b == a


@pytest.mark.parametrize("name", [r.rule_name for r in figures.SKIP_RULES])
def test_disabling_a_skip_rule_only_adds_rows(parse, name):
    doc = parse(TEXT)
    before = {(f.start_char, f.end_char): f for f in extract_figures(doc)}
    after = {(f.start_char, f.end_char): f for f in extract_figures(doc, disable={name})}
    for key, f in before.items():
        assert after[key] == f


# --- dates rules --------------------------------------------------------------------------

@pytest.mark.parametrize("name,sentence,text,date", [
    ("date-iso", "The audit ended on 2022-04-11.", "2022-04-11", "2022-04-11"),
    ("date-month-day", "The pier reopened on May 9.", "May 9", "2024-05-09"),
    ("date-month", "The pier reopened in March 2020.", "March 2020", "2020-03"),
    ("date-weekday", "The pier reopened on Friday.", "Friday", "2024-10-18"),
    ("date-relative-day", "The pier reopened yesterday.", "yesterday", "2024-10-21"),
    ("date-relative-period", "The pier reopened last month.", "last month", "2024-09"),
    ("date-ago", "The pier reopened three days ago.", "three days ago", "2024-10-19"),
    ("date-year", "The pier reopened in 2011.", "2011", "2011"),
])
def test_date_resolve_rule_alone(parse, name, sentence, text, date):
    doc = parse(sentence)
    found = {d.text: d.date for d in dates.extract_dates(doc, published="2024-10-22")}
    assert found[text] == date
    off = {d.text: d.date for d in dates.extract_dates(doc, published="2024-10-22",
                                                        disable={name})}
    assert off[text] == ""


@pytest.mark.parametrize("name,sentence,text", [
    ("find-date-pattern", "The vote was held on Monday.", "Monday"),
    ("find-clock-time", "The vote closed at 22:00.", "22:00"),
    ("find-date-entity", "The vote was prepared over the past weeks.", "the past weeks"),
])
def test_date_finder_rule_alone(parse, name, sentence, text):
    doc = parse(sentence)
    assert text in [d.text for d in dates.extract_dates(doc, published="2024-10-22")]
    assert text not in [d.text for d in dates.extract_dates(doc, published="2024-10-22",
                                                             disable={name})]


def test_qualifier_preposition_rule(parse):
    doc = parse("Under four headings of the plan, towns may bid for grants.")
    f = extract_figures(doc)[0]
    assert (f.text, f.qualifier) == ("four", "exact")
    off = extract_figures(doc, disable={"qualifier-preposition"})[0]
    assert (off.text, off.qualifier) == ("Under four", "less_than")


def test_a_failing_rule_raises(parse, monkeypatch):
    def broken(c, ctx):
        raise RuntimeError("rule broke")
    broken.rule_name = "skip-broken"
    monkeypatch.setitem(figures.RULE_GROUPS, "detect", (broken,))
    with pytest.raises(RuntimeError, match="rule broke"):
        extract_figures(parse("The flood displaced 4,000 families."))


# --- sixth round: patterns of unseen text ---------------------------------------------------

def _one(doc, text, **kw):
    return next(f for f in extract_figures(doc, **kw) if f.text == text)


def test_change_subject_reads_a_relative_pronoun_as_its_noun(parse):
    doc = parse("Ticket income, which rose to 5.2 mln dlrs, helped the club.")
    f = _one(doc, "5.2 mln dlrs")
    assert (f.what, f.rule) == ("Ticket income", "what-change-subject")
    assert _one(doc, "5.2 mln dlrs", disable={"what-change-subject"}).what == ""


def test_change_subject_follows_by_parsed_as_an_agent(parse):
    doc = parse("Payout on shares was increased by three cts to 44 cts per share.")
    assert next(t for t in doc if t.text == "by").dep_ == "agent"
    f = _one(doc, "three cts")
    assert (f.what, f.rule) == ("Payout", "what-change-subject")


def test_passive_reporting_verb_has_no_source_but_its_agent(parse):
    doc = parse("The council's new plan is reported to have shortened the waiting list by 300 names.")
    assert _one(doc, "300").source == ""
    doc = parse("Some 40 homes were flooded, it was reported by the county council.")
    assert _one(doc, "Some 40").source == "the county council"


def test_a_figure_someone_reckons_or_expects_is_theirs(parse):
    doc = parse("The ferry firm reckons 2,000 cars will cross next week.")
    assert _one(doc, "2,000").source == "The ferry firm"
    assert _one(doc, "2,000", disable={"source-speech-verb"}).source == ""
    doc = parse("The bank expects a profit of 40 mln dlrs.")
    assert _one(doc, "40 mln dlrs").source == "The bank"


def test_skip_year_inside_an_event_name(parse):
    doc = parse("She ran at the 2008 Olympics in Beijing.")
    assert "2008" not in texts(doc)
    assert "2008" in texts(doc, disable={"skip-year", "skip-date-time-code"})


@pytest.mark.parametrize("sentence,text,value,unit", [
    ("The parcel weighed 12kg on the scales.", "12kg", 12.0, "kg"),
    ("The spread was trimmed to 7/8 pct above the base rate.", "7/8 pct", 0.875, "percent"),
    ("Spreads of 3/8 to 1/2 pct were quoted.", "3/8 to 1/2 pct", 0.375, "percent"),
])
def test_glued_units_and_wire_fractions_are_figures(parse, sentence, text, value, unit):
    f = _one(parse(sentence), text)
    assert (f.value, f.unit) == (value, unit)


def test_a_bare_slash_pair_is_not_a_wire_fraction(parse):
    assert "7/8" not in texts(parse("The 7/8 split of the vote was close."))


@pytest.mark.parametrize("sentence,text,unit", [
    ("Deposits rose to 946 mln dlrs from 148 mln a week earlier.", "148 mln", "USD"),
    ("Coal exports were 3.2 mln tonnes, against 2.9 mln a year earlier.", "2.9 mln", "tonnes"),
])
def test_unit_elided_rule_alone(parse, sentence, text, unit):
    doc = parse(sentence)
    assert _one(doc, text).unit == unit
    assert _one(doc, text, disable={"unit-elided"}).unit == ""


def test_unit_elided_carries_no_percentage(parse):
    doc = parse("Sales fell three pct to 3.69 billion from 3.81 billion.")
    assert _one(doc, "3.69 billion").unit == ""


def test_change_noun_skips_a_time_object(parse):
    doc = parse("Ferry operators reported a 7% rise in March.")
    f = _one(doc, "7%")
    assert "March" not in f.what and f.rule != "what-change-noun"


@pytest.mark.parametrize("sentence,text", [
    ("The museum is to show the film on all 12 of its screens.", "12"),
    ("Analysts have put the bid at 250p a share, which would make the brewer worth "
     "about £900m.", "about £900m"),
])
def test_a_verb_of_finding_sources_only_what_it_reports(parse, sentence, text):
    assert _one(parse(sentence), text).source == ""


def test_a_verb_of_finding_still_sources_its_object_and_clause(parse):
    doc = parse("Analysts have put the bid at 250p a share, which would make the brewer worth "
                "about £900m.")
    assert _one(doc, "250p").source == "Analysts"
    assert _one(parse("A survey found that 40% of drivers speed."), "40%").source == "A survey"


# --- seventh round: what unseen text counts ---------------------------------------------------

@pytest.mark.parametrize("sentence,scores", [
    ("The champion beat Ruth Dale 6-4 3-6 7-5 on Sunday.", ["6-4", "3-6", "7-5"]),
    ("Lina Park won 2-6 6-2 7-6 (9-7) in the final.", ["2-6", "6-2", "7-6", "9-7"]),
])
def test_a_pair_in_a_run_of_set_scores_is_a_score(parse, sentence, scores):
    found = extract_figures(parse(sentence))
    assert [(f.text, f.unit) for f in found] == [(s, "score") for s in scores]


def test_a_lone_rising_pair_stays_a_range(parse):
    found = extract_figures(parse("Classes for ages 4-6 and 7-9 were full."))
    assert [(f.text, f.unit, f.qualifier) for f in found] == [
        ("4-6", "", "range"), ("7-9", "", "range")]


def test_money_object_reaches_the_verb_through_its_qualifier(parse):
    doc = parse("The quay owners collected up to £9,000 for the berths.")
    f = _one(doc, "up to £9,000")
    assert (f.what, f.rule) == ("collected for the berths", "what-money-object")
    doc = parse("The fund handed over between £7,001 and £8,000 for each berth.")
    f = _one(doc, "between £7,001 and £8,000")
    assert (f.what, f.rule) == ("handed over for each berth", "what-money-object")


def test_money_object_keeps_the_subject_of_a_verb_of_amount_or_change(parse):
    doc = parse("The new pier cost £4m.")
    assert _one(doc, "£4m").rule != "what-money-object"
    doc = parse("Dock shares touched 4.10 euros before easing.")
    assert (_one(doc, "4.10 euros").what, _one(doc, "4.10 euros").rule) == (
        "Dock shares", "what-change-subject")
    doc = parse("Ticket sales added $2m in the spring.")
    assert _one(doc, "$2m").rule != "what-money-object"


def test_money_object_names_no_event_for_a_count(parse):
    doc = parse("The co-op hired 40 pickers for the harvest.")
    assert _one(doc, "40").rule != "what-money-object"


def test_money_object_leaves_an_amount_that_sizes_the_noun_after_it(parse):
    doc = parse("The mayor is planning £3bn cuts to the harbour budget.")
    assert _one(doc, "£3bn").rule != "what-money-object"


def test_a_share_with_its_own_of_object_does_not_restate_the_amount_before_it(parse):
    doc = parse("Few bakers earn over £40,000, compared with 20% of millers.")
    assert (_one(doc, "over £40,000").what, _one(doc, "over £40,000").rule) == (
        "earn", "what-money-object")
    f = _one(doc, "20%")
    assert f.rule != "what-same-as-previous" and "millers" in f.what
