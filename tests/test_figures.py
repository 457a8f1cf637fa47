"""Figures (numbers, what they count, who says so) and the timeline of dates."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toolkit import contract
from toolkit.figures import (
    DateMention,
    Figure,
    extract_dates,
    extract_figures,
    figures_table,
    parse_number,
    past_participle,
    timeline,
    timeline_table,
    words_to_number,
)
from toolkit.quotes import Quote


@pytest.fixture(scope="module")
def figs(parse):
    """Figures of one text, checked for offset consistency on the way."""
    def _figs(text: str, **kw) -> list[Figure]:
        doc = parse(text)
        out = extract_figures(doc, **kw)
        for f in out:
            assert doc.text[f.start_char:f.end_char] == f.text
        return out
    return _figs


def one(figures: list[Figure], text: str) -> Figure:
    found = [f for f in figures if f.text == text]
    assert len(found) == 1, [f.text for f in figures]
    return found[0]


# --- number forms -----------------------------------------------------------

@pytest.mark.parametrize("sentence,text,value,unit", [
    ("The flood destroyed 42,718 homes across the valley.", "42,718", 42718, ""),
    ("The drought left 1.2 million farmers without water.", "1.2 million", 1_200_000, ""),
    ("The utility raised $3.5bn from investors.", "$3.5bn", 3.5e9, "USD"),
    ("The council borrowed £600m for new trams.", "£600m", 6e8, "GBP"),
    ("The bank lent €2 million to the port.", "€2 million", 2e6, "EUR"),
    ("The fund paid US$40 to each member.", "US$40", 40, "USD"),
    ("The club spent 300 dollars on kit.", "300 dollars", 300, "USD"),
    ("The float raised 88 billion Hong Kong dollars.", "88 billion Hong Kong dollars", 8.8e10,
     "HKD"),
    ("Turnout reached 76% in the capital.", "76%", 76, "percent"),
    ("Prices rose 12 per cent in March.", "12 per cent", 12, "percent"),
    ("Support fell 3 percentage points among farmers.", "3 percentage points", 3,
     "percentage points"),
    ("The storm felled thirteen trees in the park.", "thirteen", 13, ""),
    ("Volunteers rescued a dozen sheep from the river.", "a dozen", 12, ""),
    ("The ferry carried two hundred passengers.", "two hundred", 200, ""),
    ("Inspectors found twenty-five faulty boilers.", "twenty-five", 25, ""),
    ("The co-op sold 2.5 tonnes of honey.", "2.5 tonnes", 2.5, "tonnes"),
    # wire style: units and scales after the number
    ("The mill earned 410 mln dlrs last year.", "410 mln dlrs", 4.1e8, "USD"),
    ("The field pumped 3.2 mln bpd in May.", "3.2 mln bpd", 3.2e6, "bpd"),
    ("The stock rose 45 cts on the day.", "45 cts", 0.45, "USD"),
    ("Tickets cost 80p at the gate.", "80p", 0.8, "GBP"),
    ("Output rose 12 pct in the quarter.", "12 pct", 12, "percent"),
    ("The fund held 3 bln stg in bonds.", "3 bln stg", 3e9, "GBP"),
    ("Shares closed up 3-3/4 at the bell.", "3-3/4", 3.75, ""),
    ("The co-op sold six mln eggs.", "six mln", 6e6, ""),
])
def test_number_forms(figs, sentence, text, value, unit):
    f = one(figs(sentence), text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit
    assert f.qualifier == "exact"


@pytest.mark.parametrize("sentence,text,low,high", [
    ("The strike closed 10 to 15 schools.", "10 to 15", 10, 15),
    ("Between 5 and 7 ferries were cancelled.", "Between 5 and 7", 5, 7),
    ("The repairs will cost $5-7 million.", "$5-7 million", 5e6, 7e6),
    ("The survey counted 40-60 nests.", "40-60", 40, 60),
])
def test_ranges(figs, sentence, text, low, high):
    f = one(figs(sentence), text)
    assert f.qualifier == "range"
    assert (f.value, f.low, f.high) == (pytest.approx(low), pytest.approx(low),
                                        pytest.approx(high))


@pytest.mark.parametrize("sentence,text,low", [
    ("Dozens of seals were stranded on the beach.", "Dozens", 24),
    ("The rebels still hold scores of villages.", "scores", 40),
    ("Hundreds of workers marched to the mill.", "Hundreds", 200),
    ("Tens of thousands of fans filled the square.", "Tens of thousands", 20000),
])
def test_vague_amounts_have_no_value(figs, sentence, text, low):
    f = one(figs(sentence), text)
    assert f.value is None
    assert f.qualifier == "vague"
    assert f.low == low


def test_from_to_is_two_numbers_not_a_range(figs):
    out = figs("The price of bread rose from 2 to 3 pounds sterling.")
    assert [f.qualifier for f in out] == ["exact", "exact"]


# --- qualifiers ---------------------------------------------------------------

@pytest.mark.parametrize("phrase,qualifier", [
    ("more than 40", "more_than"), ("over 40", "more_than"), ("at least 40", "more_than"),
    ("about 40", "around"), ("around 40", "around"), ("nearly 40", "around"),
    ("some 40", "around"), ("an estimated 40", "around"),
    ("fewer than 40", "less_than"), ("up to 40", "less_than"), ("under 40", "less_than"),
    ("40", "exact"),
])
def test_qualifiers_and_text_include_them(figs, phrase, qualifier):
    f = one(figs(f"The blaze destroyed {phrase} cabins near the lake."), phrase)
    assert f.qualifier == qualifier
    assert f.value == 40
    assert f.what.startswith("cabins destroyed")


# --- what is counted ------------------------------------------------------------

def test_what_object_of_verb_becomes_participle(figs):
    out = figs("The army has freed 312 prisoners from the old fortress.")
    assert one(out, "312").what == "prisoners freed from the old fortress"


def test_what_gerund_and_coordination(figs):
    out = figs("Rebels stormed the town, seizing about 90 trucks and taking more than "
               "300 soldiers.")
    assert one(out, "about 90").what == "trucks seized"
    assert one(out, "more than 300").what == "soldiers taken"


def test_what_passive_subject(figs):
    f = one(figs("Officials said 27 miners were rescued on the second day."), "27")
    assert f.what == "miners rescued"


def test_what_of_phrase_and_subject_verb(figs):
    f = one(figs("Dozens of whales swam into the bay."), "Dozens")
    assert f.what == "whales swam into the bay"


def test_what_reduced_relative(figs):
    f = one(figs("There were 14 cyclists injured in the crash."), "14")
    assert f.what.startswith("cyclists injured")


def test_wire_style_sentence(figs):
    out = figs("The ministry issued a statement. It said 81 Iraqi brigades and battalions "
               "were totally destroyed, along with 700 tanks and 1,500 other vehicles.")
    assert [(f.value, f.qualifier) for f in out] == [(81, "exact"), (700, "exact"),
                                                     (1500, "exact")]
    assert one(out, "81").what == "Iraqi brigades and battalions destroyed"
    assert one(out, "700").what == "tanks destroyed"
    assert one(out, "1,500").what == "other vehicles destroyed"
    # "It" points back at the previous sentence's subject only via a reporting verb
    assert {f.source for f in out} == {"It"}


def test_percent_of_a_group(figs):
    f = one(figs("A poll found that 58% of nurses backed the strike."), "58%")
    assert f.what == "nurses backed"
    assert f.source == "A poll"


# --- sources --------------------------------------------------------------------

def test_source_according_to(figs):
    out = figs("The quake flattened about 500 houses and injured 60 people, according "
               "to the regional fire service.")
    assert {f.source for f in out} == {"the regional fire service"}


def test_source_says_after_the_claim(figs):
    f = one(figs("The outbreak has sickened 2,310 children, the province's health "
                 "department says."), "2,310")
    assert f.source == "the province's health department"
    assert f.what == "children sickened"


def test_source_said_before_the_claim(figs):
    f = one(figs("Port authorities said 19 containers fell overboard."), "19")
    assert f.source == "Port authorities"


def test_pronoun_source_points_back(figs):
    out = figs("Coastguard officials said 8 sailors were missing. Three boats were "
               "still searching, they said.")
    assert one(out, "Three").source == "Coastguard officials"


def test_capitalised_number_after_a_quote_mark(figs):
    f = one(figs('"Thirteen ponies escaped," the farmer said.'), "Thirteen")
    assert (f.value, f.source) == (13, "the farmer")


def test_figure_inside_the_speaker_is_not_self_sourced(figs):
    f = one(figs("Three engineers said the bridge was safe."), "Three")
    assert f.source == ""


def test_no_source_when_the_article_says_it(figs):
    assert one(figs("The flood displaced 4,000 families."), "4,000").source == ""


def test_source_from_quotes(parse):
    text = 'The mayor said: "We lost 35 buses in the fire." The depot burned for hours.'
    doc = parse(text)
    start = text.index("We lost")
    end = text.index('."') + 1
    q = Quote(speaker="The mayor", speaker_actor="", cue="said", quote=text[start:end],
              kind="direct", sentence=0, start_char=start, end_char=end, rule="test")
    f = one(extract_figures(doc, quotes=[q]), "35")
    assert f.source == "The mayor"
    # without quotes, the reporting verb still gives the source
    assert one(extract_figures(doc), "35").source == "The mayor"


def test_quote_speaker_wins_over_fallback(parse):
    text = "Analysts at the bank said 15 mills would close."
    doc = parse(text)
    s = text.index("15")
    q = Quote(speaker="the bank's analysts", speaker_actor="", cue="said", quote="",
              kind="indirect", sentence=0, start_char=s, end_char=len(text), rule="test")
    assert extract_figures(doc, quotes=[q])[0].source == "the bank's analysts"


# --- not figures ------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The minister made her 11th trip to the region.",                     # ordinal
    "The treaty was signed in 2019 after long talks.",                    # year
    "The raid on Oct. 7 shocked the town.",                               # date
    "The strike began on Sept. 27 and ended on 3 November 2021.",         # dates
    "The alarm sounded at 15:38 and again at 6 p.m.",                     # times
    "Call the desk on +44 20 7946 0958 for details.",                     # phone
    "Call the desk on (555) 123-4567 for details.",                       # phone
    "The guide has ISBN 978-3-16-148410-0 on its cover.",                 # ISBN
    "The claim was disputed.[1] Later reports agreed.[12]",               # footnotes
    "COVID19 spread fast, and the G7 met about F-16 jets.",               # glued
    "A 45-year-old man ran the 100m race.",                               # glued
    "The shop opens 24/7 on weekdays.",                                   # slash
    "The council cited Resolution 1701 and Flight 370.",                  # identifiers
    "The airline grounded its Boeing 737 Max fleet.",                     # inside a name
    "He drove in Formula One for a season.",                              # names
    "One of them stayed, and no one left.",                               # pronoun one
    "The talks lasted three days.",                                       # duration
])
def test_not_figures(figs, sentence):
    assert figs(sentence) == []


def test_count_that_looks_like_a_year_is_kept(figs):
    assert one(figs("The march drew 2000 protesters."), "2000").value == 2000


def test_odd_text_is_read_without_error(parse):
    odd = ("x" * 5 + " 12abc 3.4.5 $ % -- 1e9 ½ ١٢٣ [ ] () 10-- to to 5 between 3 and "
           "\u00a0\u200b 9,99,999 .5 0.0.0 ,,, 2nd 1,000,000,000,000,000 million")
    for text in (odd, "", " ", "42", "Dozens.", "between 1 and", "$", "£m", "15:38"):
        doc = parse(text) if text.strip() else parse("x")
        assert all(f.text for f in extract_figures(doc))
        assert all(d.date == "" for d in extract_dates(doc, published="not-a-date"))
        assert all(d.date == "" for d in extract_dates(doc, published=None))


def test_a_bad_quote_object_raises_instead_of_being_dropped(parse):
    doc = parse("The flood displaced 4,000 families.")
    with pytest.raises(AttributeError, match="start_char"):
        extract_figures(doc, quotes=[object()])


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-$£%:/+[]abmkth")), max_size=40))
def test_parse_number_never_raises(s):
    value, unit, _ = parse_number(s)
    assert value is None or value >= 0


def test_small_helpers():
    assert words_to_number("half a dozen") == 6
    assert words_to_number("two hundred and fifty thousand") == 250000
    assert words_to_number("banana") is None
    assert [past_participle(v) for v in ("seize", "hold", "stop", "carry", "admit")] == [
        "seized", "held", "stopped", "carried", "admitted"]


# --- dates and the timeline ---------------------------------------------------------

PUB = "2024-10-22"  # a Tuesday


@pytest.fixture(scope="module")
def dates(parse):
    def _dates(text: str, published: str | None = PUB) -> dict[str, DateMention]:
        doc = parse(text)
        out = extract_dates(doc, published=published)
        for d in out:
            assert doc.text[d.start_char:d.end_char] == d.text
        return {d.text: d for d in out}
    return _dates


@pytest.mark.parametrize("sentence,text,expected", [
    ("The union met on Tuesday.", "Tuesday", "2024-10-22"),
    ("The dam failed on Saturday.", "Saturday", "2024-10-19"),
    ("The board will vote on Thursday.", "Thursday", "2024-10-24"),
    ("The fair closed last Tuesday.", "last Tuesday", "2024-10-15"),
    ("The fair reopens next Monday.", "next Monday", "2024-10-28"),
    ("The siege began on Oct. 7 last year.", "Oct. 7 last year", "2023-10-07"),
    ("The fire started on Oct. 1.", "Oct. 1", "2024-10-01"),
    ("The vote is due on Nov. 5.", "Nov. 5", "2024-11-05"),
    ("The ship sank on 3 March 2021.", "3 March 2021", "2021-03-03"),
    ("The report came out on 2023-06-30.", "2023-06-30", "2023-06-30"),
    ("The mine reopened yesterday.", "yesterday", "2024-10-21"),
    ("The strike ends tomorrow.", "tomorrow", "2024-10-23"),
    ("The bridge closed two weeks ago.", "two weeks ago", "2024-10-08"),
    ("The mayor resigned last week.", "last week", "2024-10-14"),
    ("Prices fell last month.", "last month", "2024-09"),
    ("The plant opened in March 2023.", "March 2023", "2023-03"),
    ("The law changed in 2019.", "2019", "2019"),
])
def test_dates_resolved_against_publication(dates, sentence, text, expected):
    assert dates(sentence)[text].date == expected


def test_month_day_near_new_year_takes_previous_year(dates):
    assert dates("The flood came on Dec. 30.", "2025-01-05")["Dec. 30"].date == "2024-12-30"


def test_dates_without_publication_date(dates):
    found = dates("The dam failed on Saturday, and on Oct. 7, 2023.", None)
    assert found["Saturday"].date == ""
    assert found["Oct. 7, 2023"].date == "2023-10-07"


def test_times_and_events(dates):
    found = dates("The alarm sounded at 15:38. Crews arrived on Friday.")
    assert found["15:38"].date == "" and found["15:38"].precision == "time"
    assert found["Friday"].event == "Crews arrived on Friday."
    assert found["Friday"].sentence == 1


def test_durations_are_not_on_the_timeline(dates):
    assert dates("The year-long feud and decades of rivalry ended after a week.") == {}


def test_dates_are_not_figures_but_timeline_entries(parse):
    doc = parse("The storm hit on Sept. 27, 2022, killing 14 people; the Nov. 5 vote "
                "was delayed.")
    assert [f.text for f in extract_figures(doc)] == ["14"]
    assert [d.text for d in extract_dates(doc, published=PUB)] == ["Sept. 27, 2022", "Nov. 5"]


def test_headings_are_skipped(parse):
    doc = parse("Miners trapped since Tuesday\n\nRescuers freed 12 miners on Monday.")
    doc._.paragraphs = [(0, 28, "heading"), (30, len(doc.text), "body")]
    assert [f.text for f in extract_figures(doc)] == ["12"]
    assert [d.text for d in extract_dates(doc, published=PUB)] == ["Monday"]


def test_timeline_function_from_doc(parse):
    doc = parse("The ferry sank on Saturday. Divers searched on Monday.")
    df = timeline(doc, published=PUB)
    assert list(df.columns[:len(contract.TABLES["timeline"])]) == list(
        contract.TABLES["timeline"])
    assert list(df["date"]) == ["2024-10-19", "2024-10-21"]
    with pytest.raises(TypeError):
        timeline("not a doc")


def test_tables_follow_the_contract(parse):
    doc = parse("The flood displaced 4,000 families on Friday.")
    assert list(figures_table(extract_figures(doc)).columns) == list(contract.TABLES["figures"])
    assert list(timeline_table(extract_dates(doc)).columns) == list(
        contract.TABLES["timeline"])


def test_extraction_is_fast_on_a_long_article(parse):
    para = ("Officials said more than 40 miners were trapped on Monday. About 300 "
            "families fled the valley, according to the fire service.")
    doc = parse("\n\n".join([para] * 80))
    t = time.process_time()
    out = extract_figures(doc)
    extract_dates(doc, published=PUB)
    assert len(out) == 160
    assert time.process_time() - t < 2.0


# --- the bundled article (demonstration, not specification) -------------------------

BUNDLED_FIGURES = [
    # text, value, qualifier, what, source
    ("more than 20", 20, "more_than", "people killed", "Gaza health officials"),
    ("Dozens", None, "vague", "corpses lay on roadsides and under rubble",
     "Gaza health officials"),
    ("1.2 million", 1_200_000, "exact", "Lebanese driven from their homes", ""),
    ("13", 13, "exact", "people killed", "Lebanese authorities"),
    ("scores", None, "vague", "hostages held", ""),
    ("around 1,200", 1200, "around", "people killed", "Israeli tallies"),
    ("more than 250", 250, "more_than", "hostages captured", "Israeli tallies"),
    ("42,718", 42718, "exact", "Palestinians killed", "the enclave's health authorities"),
]


def test_bundled_article_figures(bundled_analysis):
    df = bundled_analysis.figures
    text = bundled_analysis.article.text
    assert list(df.columns) == list(contract.TABLES["figures"])
    for t, value, qual, what, source in BUNDLED_FIGURES:
        rows = df[df["text"] == t]
        assert len(rows) == 1, t
        row = rows.iloc[0]
        assert (value is None and row["value"] != row["value"]) or row["value"] == value
        assert (row["qualifier"], row["what"], row["source"]) == (qual, what, source)
        assert text[row["start_char"]:row["end_char"]] == t
    # no dates, ordinals or years among the figures
    assert not df["text"].str.contains(r"Oct|Sept|Nov|2023|11th").any()
    assert len(df) == len(BUNDLED_FIGURES)


def test_bundled_article_timeline(bundled_analysis):
    df = timeline(bundled_analysis)
    got = set(zip(df["text"], df["date"], strict=True))
    assert {("Tuesday", "2024-10-22"), ("Saturday", "2024-10-19"),
            ("Oct. 7 last year", "2023-10-07"), ("Sept. 27", "2024-09-27"),
            ("Oct. 7, 2023", "2023-10-07"), ("Nov. 5", "2024-11-05"),
            ("Oct. 1", "2024-10-01")} <= got
    assert (df["article_id"] == bundled_analysis.article.id).all()
    assert len(bundled_analysis.timeline) == len(df)
