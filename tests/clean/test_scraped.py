from communique.clean.furniture import credit_line, dateline_agencies, furniture_kind
from communique.clean.scraped import clean_scraped

SCRAPED = """  1. Skip to content
  2. Skip to main menu

Ministers meet in Vienna

March 3, 2021

The foreign ministers of Austria and Hungary met in Vienna on Tuesday.

Two ministers shaking hands
Photo: Picture Alliance/Jane Doe

[No title]

They agreed to open a new border crossing.

ab/cd (dpa, AP)
"""


def test_furniture_removed_and_metadata_found():
    p = clean_scraped(SCRAPED)
    assert p.title == "Ministers meet in Vienna"
    assert p.published == "2021-03-03"
    assert p.authors == ["ab", "cd"]
    assert p.agencies == ["dpa", "AP"]
    for gone in ("Skip to content", "Photo:", "[No title]", "ab/cd", "shaking hands"):
        assert gone not in p.text
    assert "They agreed to open a new border crossing." in p.text
    assert "\n\n\n" not in p.text


def test_removed_spans_point_into_raw_text():
    p = clean_scraped(SCRAPED)
    assert p.removed
    for span in p.removed:
        assert SCRAPED[span.start:span.end] == span.text


def test_clean_text_passes_through_unchanged():
    text = "Kenya and Uganda signed a trade pact on Friday.\n\nThe deal covers rail freight."
    assert clean_scraped(text).text == text


def test_credit_lines():
    assert credit_line("pfd/hc (AFP, Reuters)") == (["pfd", "hc"], ["AFP", "Reuters"])
    assert credit_line("(Reuters)") == ([], ["Reuters"])
    assert credit_line("He said (AFP) was wrong.") is None
    assert furniture_kind("Image: Reuters/Someone") == "image-credit"
    assert furniture_kind("3. Skip to more DW sites") == "navigation"
    assert furniture_kind("The minister said the talks would resume.") is None


def test_dateline_agencies():
    assert dateline_agencies("NAIROBI (Reuters) - Kenya's president said...") == ["Reuters"]
    assert dateline_agencies("Nothing here (AFP) - no") == []


def test_a_text_that_is_only_furniture_like_is_kept_as_content():
    assert clean_scraped("LinkedIn").text == "LinkedIn"
    assert clean_scraped("Share\n\nPrint").text == "Share\n\nPrint"
