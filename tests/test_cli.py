"""The command line: exit codes, error reporting, and every command documented with an example."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from communique.cli import main

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_bad_inputs_each_get_one_named_error_and_the_rest_is_written(runner, tmp_path, reference_article):
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "empty.txt").write_text("")
    jsonl = tmp_path / "mixed.jsonl"
    jsonl.write_text('{"id": "ok-1", "text": "Kenya and Uganda signed a trade pact in Nairobi on Friday."}\n'
                     '{"id": "broken", "text": "unterminated\n')
    out = tmp_path / "out.jsonl"
    res = runner.invoke(main, ["extract", str(tmp_path / "binary.txt"), str(tmp_path / "empty.txt"),
                               str(jsonl), str(reference_article), "-o", str(out)])
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3
    assert any("binary.txt" in e and "not text" in e for e in errors)
    assert any("empty.txt" in e and "empty" in e for e in errors)
    assert any("mixed.jsonl:2" in e and "not valid JSON" in e for e in errors)
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == ["ok-1", reference_article.stem]


def test_all_good_exits_zero_and_records_follow_the_contract(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Kenya and Uganda signed a trade pact in Nairobi on Friday.")
    res = runner.invoke(main, ["extract", str(src)])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.splitlines()[0])
    for key in ("id", "text", "title", "published", "actors", "events", "quotes", "times", "places"):
        assert key in rec


def test_an_output_that_cannot_be_written_is_a_clear_error(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Kenya and Uganda signed a trade pact in Nairobi on Friday.")
    out = tmp_path / "no-such-folder" / "out.jsonl"
    res = runner.invoke(main, ["extract", str(src), "-o", str(out)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit), res.output
    assert f"cannot write {out}: No such file or directory" in res.output


def test_usage_error_exits_two(runner):
    assert runner.invoke(main, ["extract"]).exit_code == 2
    assert runner.invoke(main, ["extract", "x.txt", "--stages", "nonsense"]).exit_code == 2


def _commands(group):
    for name, cmd in group.commands.items():
        yield name, cmd
        if hasattr(cmd, "commands"):
            yield from _commands(cmd)


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_help_with_an_example(runner, name):
    res = runner.invoke(main, [name, "--help"])
    assert res.exit_code == 0
    assert "Example" in res.output, f"`communique {name} --help` shows no example"


def test_explain_shows_sentence_rule_and_how_each_actor_was_resolved(runner, tmp_path):
    src = tmp_path / "a.txt"
    src.write_text("Russian Foreign Minister Sergei Lavrov met Iranian officials in Tehran on Monday.")
    res = runner.invoke(main, ["extract", str(src), "--pretty", "--explain"], terminal_width=200)
    assert res.exit_code == 0, res.output
    out = res.output
    assert "Why these events" in out and "sentence:" in out and "rule:" in out
    assert "actor:" in out and "Sergei Lavrov" in out and "RUS" in out
