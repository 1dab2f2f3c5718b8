"""The front-end files: valid JavaScript, no way to load anything from another origin."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "src" / "communique" / "serve" / "static"
TEMPLATES = STATIC.parent / "templates"


@pytest.mark.parametrize("script", sorted(p.name for p in STATIC.glob("*.js")))
def test_scripts_parse(script):
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed; the browser tests run these scripts anyway")
    result = subprocess.run([node, "--check", str(STATIC / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_no_markup_is_built_from_strings_in_scripts():
    for script in STATIC.glob("*.js"):
        source = script.read_text(encoding="utf-8")
        for risky in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
            assert risky not in source, f"{script.name} uses {risky}"


def test_nothing_is_loaded_from_elsewhere():
    for path in list(STATIC.iterdir()) + list(TEMPLATES.iterdir()):
        source = path.read_text(encoding="utf-8")
        urls = re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?(https?:)?//""", source)
        assert not urls, f"{path.name} loads from another origin"
        assert "cdn" not in source.lower(), path.name


def test_templates_never_switch_escaping_off():
    for template in TEMPLATES.glob("*.html"):
        source = template.read_text(encoding="utf-8")
        assert not re.search(r"\|\s*safe\b", source) and "autoescape false" not in source, template.name
