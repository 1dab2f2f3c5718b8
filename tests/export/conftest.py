import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from sample_docs import make_doc  # noqa: E402


@pytest.fixture
def make():
    return make_doc
