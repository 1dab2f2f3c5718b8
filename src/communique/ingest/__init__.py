"""Stage *ingest*: files, folders, JSONL, stdin (and archives, feeds) -> ``InputRecord``s."""
from .files import read_inputs

__all__ = ["read_inputs"]
