from hypothesis import given
from hypothesis import strategies as st

from communique.extract.quotes.marks import find_quotations, is_quotation, paragraphs


def contents(text):
    return [text[q.start:q.end] for q in find_quotations(text)]


def test_straight_and_curly_pairs():
    assert contents('He said "we will go" today.') == ["we will go"]
    assert contents("He said “we will go” today.") == ["we will go"]
    assert contents("He said ''we will go'' today.") == ["we will go"]


def test_nested_curly_quotes_stay_inside_the_outer_one():
    text = '"Read the question: “Do you agree?” Then vote," she said.'
    assert contents(text) == ["Read the question: “Do you agree?” Then vote,"]
    text = "“I would rather live in what he calls “hell” than here.” ― Ana Ruiz"
    assert contents(text) == ["I would rather live in what he calls “hell” than here."]


def test_direction_comes_from_position_not_glyph():
    # A typo'd closing glyph used as an opener still opens.
    assert contents("”Fear. I am afraid,” she wrote.") == ["Fear. I am afraid,"]


def test_unclosed_quotation_stops_at_its_paragraph():
    text = 'He said: "The first part goes on\n\n"And on in the next one."\n\nA plain paragraph.'
    qs = find_quotations(text)
    assert [q.closed for q in qs] == [False, True]
    assert text[qs[0].start:qs[0].end] == "The first part goes on"
    assert all("\n" not in text[q.open_at:q.close_end] for q in qs)


def test_stray_closing_mark_is_ignored():
    assert contents("It was 12” wide and “very heavy,” she said.") == ["very heavy,"]


def test_single_marks_only_when_unambiguous():
    assert contents("Clinton’s aides said the dogs' bowls were full.") == []
    assert contents("Democrats Worried About Her Health; It’s ‘in Their Heads.’") == ["in Their Heads."]


def test_scare_quotes_and_titles_are_not_speech():
    text = 'Talks dubbed "Geneva II" began. He spoke on "Fox and Friends." "We are ready to go," she said.'
    qs = find_quotations(text)
    assert [is_quotation(q, text) for q in qs] == [False, False, True]


def test_paragraphs_are_lines():
    text = "One.\n\n  Two two.\nThree"
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two two.", "Three"]


def test_a_double_quotation_inside_a_single_one_is_part_of_it():
    # hypothesis found "'a\"“'": the single and the double quotations overlapped
    text = "‘We said “no” to them,’ she said."
    qs = find_quotations(text)
    assert [(text[q.start:q.end], q.single) for q in qs] == [("We said “no” to them,", True)]
    assert len(find_quotations("'a\"“'")) == 1


@given(st.text(alphabet=st.sampled_from(list('ab ."“”‘’\'\n,:')), max_size=80))
def test_quotations_are_well_formed(text):
    qs = find_quotations(text)
    assert qs == sorted(qs, key=lambda q: q.open_at)
    for q in qs:
        assert q.open_at < q.start <= q.end <= q.close_end <= len(text)
        assert "\n" not in text[q.open_at:q.close_end]
    for a, b in zip(qs, qs[1:]):
        assert a.close_end <= b.open_at
