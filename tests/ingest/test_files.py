import io

from communique.errors import InputError
from communique.ingest import read_inputs
from communique.schema import InputRecord


def _split(results):
    ok = [r for r in results if isinstance(r, InputRecord)]
    bad = [r for r in results if isinstance(r, InputError)]
    return ok, bad


def test_bad_inputs_are_named_and_others_still_read(tmp_path):
    (tmp_path / "good.txt").write_text("Kenya and Uganda signed a trade pact.")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "docs.jsonl").write_text('{"id": "a", "text": "One."}\n{not json\n{"id": "b"}\n'
                                         '{"id": "c", "html": "<p>Two.</p>"}\n')
    ok, bad = _split(list(read_inputs([tmp_path])))
    assert sorted(r.id for r in ok) == ["a", "c", "good"]
    messages = {e.origin: e.message for e in bad}
    assert "binary data" in messages[str(tmp_path / "binary.txt")]
    assert "empty" in messages[str(tmp_path / "empty.txt")]
    assert "not valid JSON" in messages[f"{tmp_path / 'docs.jsonl'}:2"]
    assert "neither text nor html" in messages[f"{tmp_path / 'docs.jsonl'}:3"]


def test_latin1_file_is_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le président français a rencontré le chancelier à Genève hier.".encode("latin-1"))
    (rec,) = read_inputs([p])
    assert "président" in rec.text and "Genève" in rec.text


def test_missing_path_and_stdin():
    (err,) = read_inputs(["/nonexistent/file.txt"])
    assert isinstance(err, InputError) and "no such file" in err.message
    recs = list(read_inputs(["-"], stdin=io.BytesIO(b'{"id": "s1", "text": "Hi."}\n{"id": "s2", "text": "Yo."}\n')))
    assert [r.id for r in recs] == ["s1", "s2"]
    (plain,) = read_inputs(["-"], stdin=io.BytesIO(b"Just some text about Peru."))
    assert plain.text == "Just some text about Peru."


def test_jsonl_line_with_unicode_line_separator_inside_a_string(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text('{"id": "u", "text": "First\u2028second\u0085third"}\n', encoding="utf-8")
    (rec,) = read_inputs([p])
    assert isinstance(rec, InputRecord) and rec.text == "First\u2028second\u0085third"


def test_jsonl_is_streamed_and_a_binary_jsonl_is_one_error(tmp_path):
    big = tmp_path / "big.jsonl"
    with big.open("w") as f:
        for i in range(2000):
            f.write(f'{{"id": "d{i}", "text": "Report number {i} from Lima."}}\n')
    recs = read_inputs([big])
    assert next(recs).id == "d0"  # a generator: nothing forces the whole file into memory first
    assert sum(1 for _ in recs) == 1999
    junk = tmp_path / "junk.jsonl"
    junk.write_bytes(b"\x00\x01\x02" * 1000 + b"\n" + b"\x00\xff" * 500 + b"\n")
    (err,) = read_inputs([junk])
    assert isinstance(err, InputError) and "binary" in err.message


def test_jsonl_line_in_a_legacy_encoding_is_still_read(tmp_path):
    p = tmp_path / "latin.jsonl"
    p.write_bytes('{"id": "l1", "text": "Le président est à Genève."}\n'.encode("latin-1"))
    (rec,) = read_inputs([p])
    assert isinstance(rec, InputRecord) and rec.text == "Le président est à Genève."
