"""A month named without a year and without a verb to read: news looks back unless the month is
just ahead or follows a deadline word. Publication date: Monday 13 January 2014 unless given."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,span,published,value", [
    # Six months either way: the one already past, not the coming one.
    ("Shares at $30 in July against $41 now.", "July", "2014-01-13", "2013-07"),
    ("Profit rose from $2 in March.", "March", "1989-10-30", "1989-03"),
    ("Sales since April were flat.", "April", "1989-10-26", "1989-04"),
    # Just ahead: the coming one.
    ("Protests in March are likely.", "March", "2014-01-13", "2014-03"),
    # A deadline word: the nearest, here the coming one.
    ("A $6 billion loan repaid by May.", "May", "2014-01-13", "2014-05"),
    ("Revolving loans through June.", "June", "2014-01-13", "2014-06"),
])
def test_untensed_month(value_of, text, span, published, value):
    assert value_of(text, span, published=published) == value


def test_vague_centuries_use_the_century_letter(value_of):
    assert value_of("The city was ruled for centuries by others.", "centuries") == "PXC"


def test_untensed_day_of_month_far_ahead_looks_back(value_of):
    # Five months ahead or seven back: with no verb to read, the one already past.
    assert value_of("Police sought him after the Oct. 23 shooting.", "Oct. 23",
                    published="1999-05-06") == "1998-10-23"


def test_untensed_day_of_month_just_ahead_is_the_coming_one(value_of):
    assert value_of("The Feb. 20 summit, with Merkel.", "Feb. 20") == "2014-02-20"


@pytest.mark.parametrize("text", [
    "Net fell 59% in the latest quarter.",
    # A fiscal "fourth quarter" spoken of before does not move the latest one.
    "Its fiscal fourth quarter was weak. Sales fell in the latest quarter.",
])
def test_latest_quarter_is_the_last_one_reported(value_of, text):
    assert value_of(text, "the latest quarter", published="1989-11-02") == "1989-Q3"
