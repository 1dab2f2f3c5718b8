"""Stage *store*: documents into a DuckDB database (schema in docs/schema.md).

``Store`` is the one writer (whole articles per transaction, idempotent by content hash, one
canonical event per real-world event with a mention per report); ``ingest`` drives a whole run
from input paths; ``connect(path, read_only=True)`` is for everything that only reads.
"""
from .db import Store, StoreUnavailable, connect
from .ingest import IngestStats, count_inputs, expand_paths, ingest

__all__ = ["Store", "StoreUnavailable", "connect", "ingest", "IngestStats", "count_inputs", "expand_paths"]
