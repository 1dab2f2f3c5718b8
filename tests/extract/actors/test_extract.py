"""The stage on real parses (model) and the reference article (shared)."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.extract.actors import actor_at, extract_actors

pytestmark = pytest.mark.model


def by_name(actors, name):
    return next(a for a in actors if any(name in m.text for m in a.mentions))


def test_mentions_merge_and_offsets_hold(parsed, actor_kb):
    text = ("German Foreign Minister Frank-Walter Steinmeier met Russian officials in Moscow. "
            "Steinmeier said the talks were useful. He added that Moscow had agreed.")
    p = parsed(text, published="2014-05-01")
    actors = extract_actors(p, kb=actor_kb)
    st_ = by_name(actors, "Steinmeier")
    assert (st_.code, st_.sector, st_.kind) == ("DEU", "GOV", "person")
    assert {m.text for m in st_.mentions} >= {"Frank-Walter Steinmeier", "Steinmeier"}
    assert [r.text for r in st_.references] == ["He"]
    assert st_.entity_text == "German Foreign Minister Frank-Walter Steinmeier"
    for a in actors:
        for m in (*a.mentions, *a.references):
            assert text[m.start:m.end] == m.text
    he = text.index("He added")
    assert actor_at(actors, he, he + 2) is st_


def test_same_name_coded_by_the_article_date(parsed, actor_kb):
    text = "Angela Merkel spoke in Berlin on Monday."
    before = extract_actors(parsed(text, published="2003-06-01"), kb=actor_kb)
    during = extract_actors(parsed(text, published="2012-06-01"), kb=actor_kb)
    after = extract_actors(parsed(text, published="2022-06-01"), kb=actor_kb)
    sectors = [by_name(a, "Merkel").sector for a in (before, during, after)]
    assert sectors == ["ELI", "GOV", "ELI"]


def test_role_phrases_are_actors(parsed, actor_kb):
    actors = extract_actors(parsed("Israeli soldiers fired at protesters near the border."), kb=actor_kb)
    soldiers = by_name(actors, "soldiers")
    assert (soldiers.code, soldiers.sector, soldiers.kind) == ("ISR", "MIL", "group")
    assert by_name(actors, "protesters").sector == "CVL"


@pytest.mark.shared
def test_reference_article(reference_article, parsed, actor_kb):
    p = parsed(reference_article.read_text(encoding="utf-8"), published="2014-01-13")
    actors = extract_actors(p, kb=actor_kb)
    want = {"Kerry": ("USA", "GOV"), "Lavrov": ("RUS", "GOV"), "Brahimi": ("IGO", "IGO"),
            "Steinmeier": ("DEU", "GOV"), "Syrian National Coalition": ("SYR", "OPP"),
            "Syrian National Council": ("SYR", "OPP"), "Assad": ("SYR", "GOV"),
            "Iran": ("IRN", None), "Tehran": ("IRN", "GOV")}
    for name, (code, sector) in want.items():
        a = by_name(actors, name)
        assert (a.code, a.sector) == (code, sector), (name, a.resolution)
    assert by_name(actors, "Kerry").office == "Secretary of State"
    assert by_name(actors, "Brahimi").code_detail == "IGOUNO"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.sampled_from(list("ab Cd.,'-\nJohnKerryUS")), max_size=80))
def test_any_text_gives_valid_offsets(parsed, actor_kb, text):
    p = parsed(text or "x")
    for a in extract_actors(p, kb=actor_kb):
        for m in (*a.mentions, *a.references):
            assert p.text[m.start:m.end] == m.text
