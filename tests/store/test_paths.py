"""Globs and counting, before any analysis."""
from __future__ import annotations

from communique.ingest.files import list_files
from communique.store import count_inputs, expand_paths


def test_globs_expand_in_order_and_a_glob_matching_nothing_is_kept(tmp_path):
    (tmp_path / "b.txt").write_text("B.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("C.")
    assert expand_paths([str(tmp_path / "*.txt")]) == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert expand_paths([str(tmp_path / "**" / "*.txt")]) == \
        [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), str(tmp_path / "sub" / "c.txt")]
    assert expand_paths([str(tmp_path / "*.warc.gz"), "-"]) == [str(tmp_path / "*.warc.gz"), "-"]


def test_count_and_list_see_what_reading_sees(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "docs.jsonl").write_text('{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n')
    (tmp_path / "notes.md").write_text("not an input")
    assert count_inputs([str(tmp_path)]) == 4  # a, empty (an error), two JSONL records
    assert [p.rsplit("/", 1)[-1] for p in list_files([tmp_path, tmp_path / "missing.txt"])] == \
        ["a.txt", "docs.jsonl", "empty.txt", "missing.txt"]
