import json

import pytest

from communique.errors import DataError
from communique.extract.quotes.lexicon import parse_lexicon


def test_packaged_lexicon_has_the_reporting_verbs(lexicon):
    assert {"clause", "quote"} <= lexicon.frames("say")
    assert "xcomp" in lexicon.frames("urge")
    assert "predicate" in lexicon.frames("call")
    assert lexicon.forms["said"] == "say" and lexicon.forms["told"] == "tell"
    # The tagger lemmatises "hoped" as "hop"; the form table knows better.
    assert lexicon.forms["hoped"] == "hope"
    assert ("according", "to") in lexicon.phrases
    assert "claim" in lexicon.nouns and "bill" not in lexicon.nouns
    # Verbs of choice and necessity are not cues.
    assert "need" not in lexicon.verbs and "decide" not in lexicon.verbs


def test_quote_only_verbs_take_no_clause(lexicon):
    assert lexicon.frames("continue") == frozenset({"quote"})


@pytest.mark.parametrize("raw", [
    "not json",
    json.dumps({"version": 2}),
    json.dumps({"version": 1, "verbs": {}}),
    json.dumps({"version": 1, "verbs": {"say": {"frames": ["shout"]}}, "forms": {}, "particles": {},
                "cue_preps": {}, "phrases": [["according", "to"]], "nouns": []}),
    json.dumps({"version": 1, "verbs": {"say": {"frames": ["clause"]}}, "forms": {"told": "tell"},
                "particles": {}, "cue_preps": {}, "phrases": [["according", "to"]], "nouns": []}),
])
def test_invalid_data_is_refused(raw):
    with pytest.raises(DataError) as e:
        parse_lexicon(raw)
    assert e.value.code == "E040"


def test_minimal_valid_data_loads():
    lex = parse_lexicon(json.dumps({
        "version": 1, "verbs": {"say": {"frames": ["clause", "quote"]}}, "forms": {"said": "say"},
        "particles": {}, "cue_preps": {}, "phrases": [["according", "to"]], "nouns": ["claim"]}))
    assert lex.frames("say") == frozenset({"clause", "quote"})


def test_particle_verbs_need_their_particle(lexicon, make_doc):
    doc = make_doc([("She", 1, "nsubj", "PRON", "PRP", "she"), ("pointed", 1, "ROOT", "VERB", "VBD", "point"),
                    ("out", 1, "prt", "ADP", "RP", "out"), ("errors", 1, "dobj", "NOUN", "NNS", "error")])
    assert lexicon.verb_lemma(doc[1]) == "point"
    doc = make_doc([("She", 1, "nsubj", "PRON", "PRP", "she"), ("pointed", 1, "ROOT", "VERB", "VBD", "point"),
                    ("home", 1, "advmod", "ADV", "RB", "home")])
    assert lexicon.verb_lemma(doc[1]) is None


def test_nouns_are_not_verb_cues(lexicon, make_doc):
    doc = make_doc([("the", 1, "det", "DET", "DT", "the"), ("report", 1, "ROOT", "NOUN", "NN", "report")])
    assert lexicon.verb_lemma(doc[1]) is None


@pytest.mark.shared
def test_packaged_data_is_what_the_build_script_makes(shared):
    """cues.json is generated: rebuilding it from shared/reference gives the same data."""
    import importlib.util
    from importlib import resources
    from pathlib import Path

    script = Path(__file__).resolve().parents[3] / "scripts" / "build_quote_lexicon.py"
    spec = importlib.util.spec_from_file_location("build_quote_lexicon", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(shared / "reference" / "quote-lexicons")
    packaged = json.loads(resources.files("communique").joinpath("data", "quotes", "cues.json").read_text("utf-8"))
    assert built == packaged
