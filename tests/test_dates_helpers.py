"""The pattern pieces of the dates stage: the words a date can start with come
from the same lists the patterns are built from, and periods move by one helper."""

from __future__ import annotations

import re
from datetime import date

import pytest

from toolkit import dates
from toolkit.lexicon import MONTHS, RELATIVE_DAYS, WEEKDAYS


def test_either_case_adds_a_capital_once():
    assert dates._either_case(["this", "May", "mid"]) == ("this", "This", "May", "mid", "Mid")


def test_cased_alternation_matches_both_first_letters_only():
    pattern = re.compile(rf"(?:{dates._cased(['tonight', 'mid-?'])})$")
    assert [bool(pattern.match(w)) for w in ("tonight", "Tonight", "mid-", "TONIGHT")] == [
        True, True, True, False]


@pytest.mark.parametrize("word", [*dates._RELS, *dates._MONTH_PARTS, *dates._PERIOD_THIS,
                                  *RELATIVE_DAYS, *MONTHS, *WEEKDAYS])
def test_every_word_a_date_pattern_starts_with_passes_the_look_ahead(word):
    starts = re.compile(dates._DATE_STARTS)
    assert starts.match(word)
    assert starts.match(word[0].upper() + word[1:])


def test_the_look_ahead_refuses_other_words():
    starts = re.compile(dates._DATE_STARTS)
    assert not any(starts.match(w) for w in ("river", "Harbour", "season", "weekly"))


def test_each_relative_day_is_found_and_resolved():
    for word, shift in RELATIVE_DAYS.items():
        for written in (word, word.capitalize()):
            m = dates.DATE_RE.search(f"The ferry sails {written}.")
            assert m and m.group("rel") == written
            iso, precision = dates.resolve(m, date(2019, 6, 20), False)
            assert (iso, precision) == (date(2019, 6, 20 + shift).isoformat(), "day")


def test_moved_keeps_the_precision_of_its_unit():
    start = date(2021, 1, 31)
    assert dates._moved(start, "day", 1) == ("2021-02-01", "day")
    assert dates._moved(start, "week", -1) == ("2021-01-24", "week")
    assert dates._moved(start, "month", -1) == ("2020-12", "month")
    assert dates._moved(start, "year", 3) == ("2024", "year")
