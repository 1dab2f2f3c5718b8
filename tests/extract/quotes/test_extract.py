"""The quotes stage on real parses (en_core_web_sm); sentences written for these tests."""
import importlib.util

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.extract.quotes import extract_quotes
from communique.schema import Actor, Span

pytestmark = pytest.mark.model


@pytest.fixture
def quotes(parsed, lexicon):
    def run(text, actors=()):
        p = parsed(text)
        return p, extract_quotes(p, actors=list(actors), lexicon=lexicon)

    return run


def check_offsets(text, qs):
    for q in qs:
        if q.spans:
            assert q.text == " ".join(s.text for s in q.spans)
            assert (q.start, q.end) == (q.spans[0].start, q.spans[-1].end)
            for s in q.spans:
                assert text[s.start:s.end] == s.text
        else:
            assert text[q.start:q.end] == q.text
        if q.cue_span:
            assert text[q.cue_span.start:q.cue_span.end] == q.cue_span.text == q.cue
        if q.speaker and q.speaker.start is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.entity_text


def only(qs, **want):
    hits = [q for q in qs if all(getattr(q, k) == v for k, v in want.items())]
    assert len(hits) == 1, [(q.kind, q.text) for q in qs]
    return hits[0]


def test_direct_quote_with_trailing_attribution(quotes):
    text = '"We will not attend the talks in Vienna," the minister told reporters on Monday.'
    _, qs = quotes(text)
    q = only(qs, kind="direct")
    assert q.text == "We will not attend the talks in Vienna"
    assert q.cue == "told" and q.speaker.entity_text == "the minister"
    check_offsets(text, qs)


@pytest.mark.parametrize("open_, close", [('"', '"'), ("“", "”")])
def test_quote_interrupted_by_its_attribution_is_one_quote(quotes, open_, close):
    text = f"{open_}We are ready to sign the deal,{close} Maria Gomez said. {open_}The vote will go ahead next week.{close}"
    _, qs = quotes(text)
    q = only(qs, kind="direct")
    assert q.text == "We are ready to sign the deal The vote will go ahead next week"
    assert len(q.spans) == 2 and q.speaker.identifier_text == "Maria Gomez"
    check_offsets(text, qs)


def test_pronoun_resolves_to_the_last_speaker(quotes):
    text = ('Finance Minister Anna Berg said that prices would fall by the end of the year. '
            '"This is only the start of a long recovery," she said.')
    _, qs = quotes(text)
    q = only(qs, kind="direct")
    assert q.speaker.entity_text == "she" and q.speaker.identifier_text == "Anna Berg"
    indirect = only(qs, kind="indirect")
    assert indirect.text == "that prices would fall by the end of the year"


def test_compound_speaker_keeps_both_names(quotes):
    text = ("Foreign Minister Jan Novak and Prime Minister Eva Dvorak said they hoped the border "
            "would reopen before the winter.")
    _, qs = quotes(text)
    q = only(qs, cue="said")
    assert q.kind == "indirect" and q.text.startswith("they hoped the border would reopen")
    assert "Jan Novak" in q.speaker.entity_text and "Eva Dvorak" in q.speaker.entity_text
    assert q.speaker.identifier_text == "Jan Novak and Eva Dvorak"


def test_mixed_quote_keeps_the_fragment_with_the_reported_clause(quotes):
    text = 'Novak agreed with the plan, saying they intended "to reopen the crossing before the first snow."'
    _, qs = quotes(text)
    q = only(qs, kind="mixed")
    assert "to reopen the crossing before the first snow" in q.text
    assert q.speaker.entity_text == "Novak" and q.cue == "saying"


def test_according_to(quotes):
    text = "The ceasefire collapsed overnight in the northern province, according to local officials."
    _, qs = quotes(text)
    q = only(qs, cue="according to")
    assert q.text == "The ceasefire collapsed overnight in the northern province"
    assert q.speaker.entity_text == "local officials"


def test_quote_running_over_paragraphs(quotes):
    text = ('The mayor said: "We have cleared the main roads and opened three shelters.\n\n'
            '"Schools will stay closed until the power is back."\n\nThe storm moved east.')
    _, qs = quotes(text)
    q = only(qs, kind="direct")
    assert q.text.endswith("Schools will stay closed until the power is back")
    assert len(q.spans) == 2 and q.speaker.entity_text == "The mayor"
    check_offsets(text, qs)


def test_unbalanced_mark_never_swallows_the_next_paragraph(quotes):
    text = ('The spokesman said "the meeting was a waste of everyone\'s time\n\n'
            'Officials said later that the meeting would resume on Friday.')
    p, qs = quotes(text)
    first_para_end = text.index("\n")
    assert any(q.cue == "said" and q.start > first_para_end for q in qs)
    for q in qs:
        assert q.end <= first_para_end or q.start > first_para_end
    check_offsets(text, qs)


def test_dash_attribution_and_headline(quotes):
    text = "Novak: Border Will Reopen Before Winter\n\n“We deserve better than this campaign.” ― Maria Lopez"
    _, qs = quotes(text)
    head = only(qs, cue=":")
    assert head.speaker.entity_text == "Novak" and head.text == "Border Will Reopen Before Winter"
    dash = only(qs, cue="―")
    assert dash.speaker.entity_text == "Maria Lopez" and dash.kind == "direct"


def test_scare_quotes_alone_are_not_quotes(quotes):
    _, qs = quotes('Delegates met in Geneva for talks dubbed "Geneva III" on Monday.')
    assert qs == []


def test_speakers_resolve_to_actors(quotes):
    text = ('Foreign Minister Jan Novak arrived in Vienna on Monday. Novak said the talks were useful. '
            '"We made progress on the border," he added.')
    second = text.index("Novak said")
    novak = Actor(id="A1", entity_text="Foreign Minister Jan Novak", identifier_text="Jan Novak", kind="person",
                  mentions=[Span(start=17, end=26, text="Jan Novak"), Span(start=second, end=second + 5, text="Novak")])
    assert text[17:26] == "Jan Novak"
    _, qs = quotes(text, [novak])
    said = only(qs, cue="said")
    added = only(qs, cue="added")
    assert said.speaker.ref == "A1" and said.speaker.identifier_text == "Jan Novak"
    assert added.speaker.entity_text == "he" and added.speaker.ref == "A1" and added.speaker.refs == ["A1"]


_PIECES = ['"We will go,"', "he said.", "“Not now”", "she said that it was over.", '"', "“", "”",
           "according to officials,", "\n\n", "The talks failed.", "Novak:", "’", "''"]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=10))
def test_any_mix_of_marks_keeps_the_offsets(quotes, pieces):
    text = " ".join(pieces).strip() or "x"
    _, qs = quotes(text)
    check_offsets(text, qs)
    assert all(q.kind in ("direct", "indirect", "mixed") for q in qs)


@pytest.mark.shared
def test_reference_article_quotes(shared, reference_article, resources):
    """Every required quote of the reference article, with its speaker (the article scorer)."""
    import json

    from communique import Pipeline
    from communique.ingest import read_inputs
    from communique.schema import to_builtins

    spec = importlib.util.spec_from_file_location("article_scorer", shared / "eval" / "scorers" / "article.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    gold = json.loads((shared / "eval" / "data" / "article" / "seed" / "gold.jsonl").read_text().splitlines()[0])
    pipe = Pipeline(resources, stages=("quotes",))
    record = next(iter(read_inputs([reference_article])))
    doc = to_builtins(pipe.run(record))
    recall, precision, _ = scorer.score_quotes(gold, doc)
    assert recall == 1.0
    he = [q for q in doc["quotes"] if q["speaker"] and q["speaker"]["entity_text"] == "he"]
    assert he and "Lavrov" in he[0]["speaker"]["identifier_text"]
