"""Calendar arithmetic and TIMEX3 value formatting."""
from __future__ import annotations

from datetime import date

import pytest

from communique.extract.times.calendar import (Period, containing, duration_value, holiday_date,
                                              nearest_year, season_near, weekday_near)
from communique.extract.times.lexicon import number_value, spelled_year

MONDAY = date(2014, 1, 13)


@pytest.mark.parametrize("gran,value", [
    ("day", "2014-01-13"), ("week", "2014-W03"), ("month", "2014-01"), ("quarter", "2014-Q1"),
    ("half", "2014-H1"), ("year", "2014"), ("decade", "201"), ("century", "20"),
    ("season", "2013-WI"),
])
def test_period_values(gran, value):
    assert containing(MONDAY, gran).value == value


def test_iso_week_year_differs_from_calendar_year():
    assert containing(date(2014, 12, 29), "week").value == "2015-W01"


@pytest.mark.parametrize("gran,n,value", [
    ("week", -1, "2014-W02"), ("month", 1, "2014-02"), ("month", -1, "2013-12"),
    ("quarter", -1, "2013-Q4"), ("year", -3, "2011"), ("day", -2, "2014-01-11"),
    ("decade", -1, "200"),
])
def test_shift(gran, n, value):
    assert containing(MONDAY, gran).shift(n).value == value


def test_a_year_earlier_than_a_quarter_is_a_quarter():
    assert Period("quarter", date(1989, 7, 1)).shift_by("year", -1).value == "1988-Q3"


@pytest.mark.parametrize("weekday,direction,expected", [
    (1, -1, date(2014, 1, 13)),   # on or before: the same Monday
    (1, -2, date(2014, 1, 6)),    # strictly before
    (1, 2, date(2014, 1, 20)),    # strictly after
    (7, -1, date(2014, 1, 12)),   # the Sunday just past
    (5, 1, date(2014, 1, 17)),    # the coming Friday
    (3, 0, date(2014, 1, 15)),    # same ISO week
])
def test_weekday_near(weekday, direction, expected):
    assert weekday_near(MONDAY, weekday, direction) == expected


@pytest.mark.parametrize("month,day,direction,year", [
    (1, 22, 0, 2014), (12, 20, 0, 2013), (3, None, -1, 2013), (3, None, 1, 2014),
    (1, None, -1, 2014),
    # the tense loses against the calendar only for a date a few days ahead
    (1, 22, -1, 2014), (2, None, -1, 2014), (6, 1, -1, 2013),
])
def test_nearest_year(month, day, direction, year):
    assert nearest_year(MONDAY, month, day, direction) == year


@pytest.mark.parametrize("anchor,season,direction,value", [
    (date(1998, 2, 6), "FA", -1, "1997-FA"),
    (date(1999, 4, 10), "FA", -1, "1998-FA"),
    (date(1998, 3, 22), "SU", 0, "1998-SU"),
    (date(1989, 10, 30), "SP", -1, "1989-SP"),
    (date(1989, 10, 30), "SU", 1, "1990-SU"),
])
def test_season_near(anchor, season, direction, value):
    assert season_near(anchor, season, direction).value == value


def test_movable_holidays():
    assert holiday_date("thanksgiving", 1999) == date(1999, 11, 25)
    assert holiday_date("easter", 2014) == date(2014, 4, 20)
    assert holiday_date("memorial day", 2014) == date(2014, 5, 26)


@pytest.mark.parametrize("count,unit,value", [
    (3, "year", "P3Y"), (2, "week", "P2W"), (None, "month", "PXM"), (4, "hour", "PT4H"),
    (2.5, "year", "P2Y6M"), (1.5, "minute", "PT1M30S"), (2, "decade", "P20Y"),
    (1, "fortnight", "P2W"), (1, "quarter", "P1Q"), (None, "minute", "PTXM"),
])
def test_duration_value(count, unit, value):
    assert duration_value(count, unit) == value


@pytest.mark.parametrize("text,value", [
    ("twenty-four", 24), ("a hundred", 100), ("180", 180), ("2 1/2", 2.5), ("several", None),
    ("two thousand", 2000), ("a couple of", 2), ("1,000", 1000),
])
def test_number_value(text, value):
    assert number_value(text) == value


@pytest.mark.parametrize("text,year", [
    ("nineteen ninety-six", 1996), ("nineteen eighty", 1980), ("two thousand", 2000),
    ("twenty fourteen", 2014), ("nineteen oh five", 1905), ("twelve", None),
])
def test_spelled_year(text, year):
    assert spelled_year(text) == year
