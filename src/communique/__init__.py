"""communique: news in, event data out (PLOVER/CAMEO events, actors, quotes, times, places).

    >>> from communique import Pipeline, InputRecord
    >>> doc = Pipeline().run(InputRecord(id="x", text="Russia and China signed a trade deal on Monday."))

The names below are imported on first use, so that ``communique serve`` or ``communique query``
start without loading spaCy.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_LAZY = {
    "Pipeline": "pipeline", "Resources": "pipeline", "load_resources": "pipeline",
    "Document": "schema", "InputRecord": "schema",
    "CommuniqueError": "errors", "DocumentError": "errors", "InputError": "errors",
}
__all__ = [*_LAZY, "__version__"]


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'communique' has no attribute {name!r}")
