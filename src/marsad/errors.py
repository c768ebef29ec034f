"""Marsad's errors. Library code raises these; only the batch runner decides to skip a document and records why."""
from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""


class BadInput(MarsadError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, path: str, reason: str, *, line: int | None = None):
        self.path = str(path)
        self.reason = reason
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {reason}")


class ResourceFormatError(MarsadError):
    """A bad row in a shipped or user resource file (gazetteer, lexicon, rules)."""

    def __init__(self, path: str, line: int, reason: str):
        self.path = str(path)
        self.line = line
        self.reason = reason
        super().__init__(f"{self.path}:{line}: {reason}")


class PipelineError(MarsadError):
    """Stages that cannot run in the order given, or a stage that failed on a document."""


class StageFailed(PipelineError):
    def __init__(self, doc_id: str, stage: str, cause: BaseException):
        self.doc_id = doc_id
        self.stage = stage
        self.cause = cause
        super().__init__(f"document {doc_id}: stage {stage!r} failed: {type(cause).__name__}: {cause}")


class StoreError(MarsadError):
    """The store cannot be opened or written."""


class LinkerStateError(MarsadError):
    """A saved linker state that cannot be read (another format, or damaged)."""
