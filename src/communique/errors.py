"""Errors: one base class, a few subclasses, coded message templates in one place.

A document-level error names the input (``origin``), the document id and the stage, so the runner
can record it and go on (the default) or stop (``--strict``). Library code raises; only the CLI
turns these into exit codes and messages.
"""
from __future__ import annotations


class Messages:
    """Every user-facing error text, with a stable code (grep for the code to find the raise)."""

    E001 = "input is not text: {detail}"
    E002 = "input is empty"
    E003 = "not valid JSON: {detail}"
    E004 = "record {detail}"
    E005 = "cannot read input: {detail}"
    E006 = "unsupported input type {detail!r} (expected .txt, .html, .jsonl, a folder or -)"
    E007 = "no such file or folder"
    E008 = "input is too large: {detail}"
    E009 = "not a readable web archive: {detail}"
    E010 = "not a readable feed: {detail}"
    E020 = "no article text left after cleaning"
    E021 = "article is not in English (detected {detail!r}); only English is analysed"
    E030 = "stage failed: {detail}"
    E040 = "data file {detail} is missing or invalid; reinstall communique or rebuild it with scripts/"
    E090 = "cannot open the database: {detail}"


class CommuniqueError(Exception):
    """Base of every error communique raises on purpose."""

    code = "E000"

    def __init__(self, code: str, *, origin: str | None = None, doc_id: str | None = None,
                 stage: str | None = None, **fields: object) -> None:
        self.code = code
        self.origin = origin
        self.doc_id = doc_id
        self.stage = stage
        self.reason = getattr(Messages, code).format(**fields)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        where = self.origin or self.doc_id or "<input>"
        if self.doc_id and self.origin and self.doc_id not in self.origin:
            where = f"{self.origin} ({self.doc_id})"
        stage = f" [{self.stage}]" if self.stage else ""
        return f"{where}{stage}: {self.reason} ({self.code})"


class InputError(CommuniqueError):
    """An input could not be read as an article (binary, empty, malformed JSONL...)."""


class DocumentError(CommuniqueError):
    """A readable article failed in one of the pipeline stages."""


class DataError(CommuniqueError):
    """A packaged data file is missing or does not validate."""
