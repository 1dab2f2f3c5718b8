import pytest

from communique.clean import clean, load_language_identifier
from communique.clean.dates import parse_date, parse_date_line
from communique.errors import DocumentError
from communique.schema import InputRecord


@pytest.fixture(scope="module")
def langid():
    return load_language_identifier()


def test_reference_article_metadata(reference_article, langid):
    doc = clean(InputRecord(id="dw", text=reference_article.read_text()), langid=langid)
    assert doc.title == "Lavrov, Kerry in Syria talks"
    assert doc.published == "2014-01-13"
    assert doc.agencies == ["AFP", "Reuters"]
    assert doc.authors == ["pfd", "hc"]
    assert "Skip to" not in doc.text and "Image:" not in doc.text and "[No title]" not in doc.text
    assert doc.text.rstrip().endswith("give up power.")


def test_given_metadata_wins(langid):
    doc = clean(InputRecord(id="x", text="Talks\n\nMay 2, 2020\n\nThe talks began.", published="2020-05-03",
                            title="Given"), langid=langid)
    assert doc.published == "2020-05-03" and doc.title == "Given"


def test_html_goes_through_trafilatura(langid):
    body = " ".join(["The prime minister of Norway visited Sweden on Monday to discuss energy."] * 4)
    html = (f"<html><head><title>Norway visit</title></head><body><nav>Home | World</nav>"
            f"<article><h1>Norway visit</h1><p>{body}</p><p>{body}</p></article></body></html>")
    doc = clean(InputRecord(id="h", html=html), langid=langid)
    assert "prime minister of Norway" in doc.text
    assert "Home | World" not in doc.text
    assert doc.title == "Norway visit"


def test_html_paragraphs_are_separated_by_a_blank_line(langid):
    lead = "The prime minister of Norway visited Sweden on Monday to discuss energy prices and grids."
    rest = "Talks are to continue in Oslo next month, officials in both capitals said after the visit."
    html = (f"<html><body><article><h1>Norway and Sweden agree grid talks</h1><p>{lead}</p>"
            f"<p>{rest}</p><p>{rest}</p></article></body></html>")
    doc = clean(InputRecord(id="h", html=html), langid=langid)
    assert "grid talks\n\nThe prime minister" in doc.text
    assert f"{lead}\n\n" in doc.text


def test_non_english_is_refused_with_reason(langid):
    de = ("Die Außenminister der Vereinigten Staaten und Russlands haben sich am Montag in Paris "
          "getroffen und über einen Waffenstillstand in Syrien gesprochen, bevor die Konferenz beginnt.")
    with pytest.raises(DocumentError) as e:
        clean(InputRecord(id="de", text=de, origin="de.txt"), langid=langid)
    assert "de.txt" in str(e.value) and "not in English" in str(e.value) and e.value.stage == "clean"


def test_short_strings_count_as_english(langid):
    assert clean(InputRecord(id="s", text="Bundeswehr"), langid=langid).language == "en"


@pytest.mark.parametrize("line,iso", [
    ("January 13, 2014", "2014-01-13"), ("13 January 2014", "2014-01-13"), ("2014-01-13T10:00:00Z", "2014-01-13"),
    ("Published: Monday, Jan. 13, 2014, 10:15 GMT", "2014-01-13"), ("13.01.2014", "2014-01-13"),
])
def test_date_lines(line, iso):
    assert parse_date_line(line) == iso


def test_not_date_lines():
    assert parse_date_line("On January 13, 2014 the talks began.") is None
    assert parse_date("no date here") is None
