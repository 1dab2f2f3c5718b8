"""One test group per family of expressions, on a blank tokenizer (no model, so no tense: the
defaults apply). The publication date is Monday 13 January 2014 unless a test says otherwise."""
from __future__ import annotations

import pytest


# ---- explicit and partial calendar dates ------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("Published January 13, 2014 in Bonn.", "January 13, 2014", "2014-01-13"),
    ("It ended on Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", "1998-08-07"),
    ("The vote on 22 January 2014 was close.", "22 January 2014", "2014-01-22"),
    ("The talks open on January 22.", "January 22", "2014-01-22"),
    ("He was arrested on Dec. 20 in Rome.", "Dec. 20", "2013-12-20"),
    ("The editorial of Saturday, Jan. 11 said so.", "Saturday, Jan. 11", "2014-01-11"),
    ("It began in March 1998.", "March 1998", "1998-03"),
    ("It began in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ("In June last year, talks failed.", "June last year", "2013-06"),
    ("The file is dated 2014-01-02.", "2014-01-02", "2014-01-02"),
    ("The file is dated 1/2/2014.", "1/2/2014", "2014-01-02"),
    ("The file is dated 22/1/2014.", "22/1/2014", "2014-01-22"),
])
def test_dates(value_of, text, span, value):
    assert value_of(text, span) == value


@pytest.mark.parametrize("text,span,value", [
    ("It happened in 1998.", "1998", "1998"),
    ("In fiscal 1989 it earned more.", "fiscal 1989", "1989"),
    ("Elected in nineteen ninety-six, he stayed.", "nineteen ninety-six", "1996"),
    ("by the year two thousand", "the year two thousand", "2000"),
    ("Prices fell in the 1990s.", "the 1990s", "199"),
    ("Music of the '60s is back.", "the '60s", "196"),
    ("Music of the 60s is back.", "the 60s", "196"),
    ("It was built in the 11th century.", "the 11th century", "10"),
])
def test_years_decades_centuries(value_of, text, span, value):
    assert value_of(text, span) == value


# ---- parts of periods --------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value,mod", [
    ("a previous conference in mid-2012", "mid-2012", "2012", "MID"),
    ("protests in early March", "early March", "2014-03", "START"),  # no tense: the nearest
    ("in late November", "late November", "2013-11", "END"),
    ("It came late on Sunday.", "late on Sunday", "2014-01-12", "END"),
    ("in the late 1970s", "the late 1970s", "197", "END"),
    ("by the end of 1990", "the end of 1990", "1990", "END"),
    ("earlier this year", "earlier this year", "2014", "START"),
    ("in the middle of October", "the middle of October", "2013-10", "MID"),
    ("in the first half of 2013", "the first half of 2013", "2013-H1", None),
])
def test_parts_of_periods(times, text, span, value, mod):
    found = {t[0]: (t[1], t[3]) for t in times(text)}
    assert found[span] == (value, mod)


@pytest.mark.parametrize("text,span,value", [
    ("Profit rose in the third quarter.", "the third quarter", "2013-Q3"),
    ("results for its fourth-quarter", "its fourth-quarter", "2013-Q4"),
    ("in the first quarter of 1990", "the first quarter of 1990", "1990-Q1"),
    ("next year's first quarter", "next year's first quarter", "2015-Q1"),
    ("the first quarter", "the first quarter", "2014-Q1"),
])
def test_quarters(value_of, text, span, value):
    assert value_of(text, span) == value


def test_the_quarter_and_a_year_ago_follow_the_quarter_spoken_of(times):
    found = times("Net fell in the third quarter. Sales in the quarter rose from a year ago.",
                  published="1989-11-02")
    assert ("the quarter", "1989-Q3") in [(t[0], t[1]) for t in found]
    assert ("a year ago", "1988-Q3") in [(t[0], t[1]) for t in found]


@pytest.mark.parametrize("text,span,value", [
    ("this summer", "this summer", "2014-SU"),
    ("last fall", "last fall", "2013-FA"),
    ("in the winter of 1994", "the winter of 1994", "1994-WI"),
])
def test_seasons(value_of, text, span, value):
    assert value_of(text, span) == value


# ---- deictic and relative expressions ----------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("He spoke today.", "today", "2014-01-13"),
    ("He spoke yesterday.", "yesterday", "2014-01-12"),
    ("He speaks tomorrow.", "tomorrow", "2014-01-14"),
    ("They met last week.", "last week", "2014-W02"),
    ("They meet this week.", "this week", "2014-W03"),
    ("They meet next month.", "next month", "2014-02"),
    ("It grew this year.", "this year", "2014"),
    ("It fell last year.", "last year", "2013"),
    ("It rained two days ago.", "two days ago", "2014-01-11"),
    ("It began three years ago.", "three years ago", "2011"),
    ("It began six months ago.", "six months ago", "2013-07"),
    ("It happened over the weekend.", "the weekend", "2014-W02-WE"),
    ("It happened late yesterday.", "late yesterday", "2014-01-12"),
    ("Cave art made 40,000 years ago.", "40,000 years ago", "PAST_REF"),
])
def test_deictic(value_of, text, span, value):
    assert value_of(text, span) == value


def test_anaphoric_period_counts_from_the_date_spoken_of(value_of):
    assert value_of("He arrived in 1996, and the following year he left.", "the following year") == "1997"


@pytest.mark.parametrize("text,span,value", [
    ("He left on Sunday.", "Sunday", "2014-01-12"),
    ("He left on Monday.", "Monday", "2014-01-13"),    # the same day: no tense, news reports the past
    ("He left on Friday.", "Friday", "2014-01-10"),
    ("They meet next Monday.", "next Monday", "2014-01-20"),
    ("They met last Monday.", "last Monday", "2014-01-06"),
    ("Wednesday's ruling stands.", "Wednesday", "2014-01-08"),
    ("He could leave as soon as Tuesday.", "Tuesday", "2014-01-14"),
])
def test_weekdays_without_tense(value_of, text, span, value):
    assert value_of(text, span) == value


# ---- times of day ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("The meeting starts at 3 p.m.", "3 p.m.", "2014-01-13T15:00"),
    ("It exploded at about 10:35 a.m. local time.", "about 10:35 a.m.", "2014-01-13T10:35"),
    ("It expires at midnight Friday.", "midnight Friday", "2014-01-10T24:00"),
    ("Bombs went off at 10 p.m. Sunday.", "10 p.m. Sunday", "2014-01-12T22:00"),
    ("We met this morning.", "this morning", "2014-01-13TMO"),
    ("The curfew starts at 1500 GMT.", "1500 GMT", "2014-01-13T15:00"),
    ("We met last night.", "last night", "2014-01-12TNI"),
])
def test_times(value_of, text, span, value):
    assert value_of(text, span) == value


def test_weekday_with_part_of_day_is_that_day(times):
    # TempEval-3 newswire annotates "Sunday night" mostly as the DATE of that Sunday.
    assert times("They spoke on Sunday night.") == [("Sunday night", "2014-01-12", "DATE", None)]


def test_times_are_typed_time(times):
    assert times("at 3 p.m.") == [("3 p.m.", "2014-01-13T15:00", "TIME", None)]


# ---- durations ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value,mod", [
    ("It lasted three years.", "three years", "P3Y", None),
    ("a two-week trip", "two-week", "P2W", None),
    ("a 10-hour tour", "10-hour", "PT10H", None),
    ("over the past three months", "the past three months", "P3M", None),
    ("for the first nine months", "the first nine months", "P9M", None),
    ("for nearly forty years", "nearly forty years", "P40Y", "APPROX"),
    ("for more than four hours", "more than four hours", "PT4H", "MORE_THAN"),
    ("for at least 20 more years", "at least 20 more years", "P20Y", "EQUAL_OR_MORE"),
    ("for 2 1/2 years", "2 1/2 years", "P2Y6M", None),
    ("for a couple of years", "a couple of years", "P2Y", "APPROX"),
    ("for several years", "several years", "PXY", None),
    ("for weeks", "weeks", "PXW", None),
    ("for a minute and a half", "a minute and a half", "PT1M30S", None),
    ("three days later", "three days later", "P3D", None),
])
def test_durations(times, text, span, value, mod):
    found = {t[0]: (t[1], t[2], t[3]) for t in times(text)}
    assert found[span] == (value, "DURATION", mod)


# ---- sets --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("They meet every week.", "every week", "P1W"),
    ("The council meets weekly.", "weekly", "P1W"),
    ("It rains daily.", "daily", "P1D"),
    ("each Thursday", "each Thursday", "XXXX-WXX-4"),
    ("every July", "every July", "XXXX-07"),
    ("twice a month", "twice a month", "P1M"),
    ("every other year", "every other year", "P2Y"),
    ("The shop opens on Mondays.", "Mondays", "XXXX-WXX-1"),
    ("flights on Tuesday nights", "Tuesday nights", "XXXX-WXX-2TNI"),
])
def test_sets(times, text, span, value):
    found = {t[0]: (t[1], t[2]) for t in times(text)}
    assert found[span] == (value, "SET")


# ---- reference words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("The town is now calm.", "now", "PRESENT_REF"),
    ("Rebels currently hold it.", "currently", "PRESENT_REF"),
    ("He recently resigned.", "recently", "PAST_REF"),
    ("as in the past", "the past", "PAST_REF"),
    ("peace in the future", "the future", "FUTURE_REF"),
    ("in the near future", "the near future", "FUTURE_REF"),
])
def test_reference_words(value_of, text, span, value):
    assert value_of(text, span) == value


# ---- what is not a time expression ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The army may attack.",                         # the modal
    "Thousands march in the streets.",             # the verb
    "It has 2014 members and 1990 shares.",        # counts
    "He is 45 years old.",                         # an age
    "The 48-year-old man was freed.",              # an age
    "It costs $500 million a year.",               # a rate
    "Watch ABC's This Week tonight.",              # a programme (tonight is kept)
    "Prices fall and rise.",                       # a verb, not the season
    "Iraq imports about three-quarters of its food.",
    "He made a second attempt.",
    "Future Group said so.",
])
def test_vetoes(times, text):
    found = [t[0] for t in times(text)]
    assert found in ([], ["tonight"])


# ---- without a publication date ---------------------------------------------------------------

@pytest.mark.parametrize("text,span,value", [
    ("They meet on January 22.", "January 22", "XXXX-01-22"),
    ("He left on Monday.", "Monday", "XXXX-WXX-1"),
    ("They met last week.", "last week", "XXXX-WXX"),
    ("He spoke yesterday.", "yesterday", "XXXX-XX-XX"),
    ("Profit rose in the third quarter.", "the third quarter", "XXXX-Q3"),
    ("It happened in 1998.", "1998", "1998"),
    ("It lasted three years.", "three years", "P3Y"),
])
def test_unanchored(value_of, text, span, value):
    assert value_of(text, span, published=None) == value


def test_unreadable_publication_date_counts_as_none(value_of):
    assert value_of("He spoke yesterday.", "yesterday", published="not a date") == "XXXX-XX-XX"
