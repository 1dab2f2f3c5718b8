import pytest

from ..store.sample_docs import make_doc


@pytest.fixture
def make():
    return make_doc
