from hypothesis import given, strategies as st

from communique.serve.highlight import Mark, Segment, article_marks, segments


def test_overlapping_marks_cut_the_text_and_each_piece_knows_its_records():
    text = "Kerry met Lavrov in Paris."
    marks = [Mark(0, 5, "actor", "A1", "actor: John Kerry"), Mark(6, 9, "trigger", "E1", "event: CONSULT"),
             Mark(0, 26, "sentence", "E1"), Mark(10, 16, "actor", "A2"), Mark(20, 25, "place", "P1")]
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    kerry = segs[0]
    assert kerry.text == "Kerry" and kerry.classes == "hl-actor"
    assert kerry.data == {"sentence": "E1", "actor": "A1"}
    met = next(s for s in segs if s.text == "met")
    assert met.classes == "hl-trigger" and met.data["trigger"] == "E1"
    assert met.title == "event: CONSULT"
    plain = next(s for s in segs if s.text == " in ")
    assert plain.classes == "" and plain.data == {"sentence": "E1"}


def test_marks_that_do_not_fit_the_text_are_dropped_not_fatal():
    segs = segments("short", [Mark(3, 99, "actor", "A1"), Mark(4, 4, "time", "T0"), Mark(-1, 2, "place", "P")])
    assert [s.text for s in segs] == ["short"] and segs[0].marks == []


def test_article_marks_cover_every_record_kind():
    article = {
        "actors": [{"actor_id": "A1", "entity_text": "Kerry", "identifier_text": "John Kerry", "code": "USA",
                    "code_detail": "USAGOV", "mentions": [{"start": 0, "end": 5, "text": "Kerry"}]}],
        "places": [{"place_id": "P1", "extracted_place": "Paris", "resolved_place": "Paris", "country_code": "FRA",
                    "mentions": [{"start": 20, "end": 25, "text": "Paris"}]}],
        "times": [{"time_n": 0, "text": "Monday", "value": "2014-01-13", "type": "DATE", "start": 30, "end": 36}],
        "quotes": [{"quote_id": "Q1", "kind": "direct", "start": 40, "end": 50, "spans": [], "cue_start": 52,
                    "cue_end": 56, "cue": "said", "speaker_start": 57, "speaker_end": 59,
                    "speaker_identifier_text": "John Kerry", "speaker_entity_text": "he"}],
        "events": [{"local_id": "E1", "event": ["CONSULT"], "cameo": "040", "status": "reported",
                    "sentence_start": 0, "sentence_end": 26, "trigger": {"start": 6, "end": 9, "text": "met"}}],
    }
    kinds = {(m.kind, m.ref) for m in article_marks(article)}
    assert kinds == {("actor", "A1"), ("place", "P1"), ("time", "T0"), ("quote", "Q1"), ("cue", "Q1"),
                     ("speaker", "Q1"), ("sentence", "E1"), ("trigger", "E1")}


def test_a_quote_in_pieces_is_marked_piece_by_piece():
    article = {"quotes": [{"quote_id": "Q1", "kind": "direct", "start": 1, "end": 30, "speaker_start": None,
                           "spans": [{"start": 1, "end": 5, "text": "abcd"}, {"start": 20, "end": 30, "text": "x"}]}]}
    assert [(m.start, m.end) for m in article_marks(article)] == [(1, 5), (20, 30)]


spans = st.tuples(st.integers(-3, 60), st.integers(-3, 60), st.sampled_from(["actor", "trigger", "sentence", "quote"]))


@given(text=st.text(max_size=50), raw=st.lists(spans, max_size=12))
def test_segments_rebuild_the_text_and_each_mark_covers_exactly_its_span(text, raw):
    marks = [Mark(a, b, kind, f"{kind}{i}") for i, (a, b, kind) in enumerate(raw)]
    segs: list[Segment] = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    for s in segs:
        assert text[s.start:s.end] == s.text and s.start < s.end
    for m in marks:
        covered = "".join(s.text for s in segs if m in s.marks)
        fits = 0 <= m.start < m.end <= len(text)
        assert covered == (text[m.start:m.end] if fits else "")
