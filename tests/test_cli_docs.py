"""The command reference is generated from --help; it must be current and cover every option."""
import importlib.util
from pathlib import Path

from communique.cli import main

ROOT = Path(__file__).resolve().parents[1]


def _builder():
    spec = importlib.util.spec_from_file_location("build_cli_docs", ROOT / "scripts" / "build_cli_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_docs_cli_md_is_current():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == _builder().render(), "docs/cli.md is stale: run python scripts/build_cli_docs.py"


def test_every_command_and_option_is_documented():
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name, cmd in main.commands.items():
        assert f"## communique {name}" in text
        for param in cmd.params:
            for opt in getattr(param, "opts", []):
                if opt.startswith("-"):
                    assert opt in text, f"communique {name} {opt} is undocumented"
            assert param.help or not getattr(param, "opts", [""])[0].startswith("-"), \
                f"communique {name} {param.opts} has no help text"
