import pytest

from .sample_docs import make_doc


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "test.duckdb"


@pytest.fixture
def make():
    return make_doc
