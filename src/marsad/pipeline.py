"""The pipeline: an ordered list of named stages, each taking a Doc and returning it.

A stage declares what it needs (`requires`) and what it sets (`assigns`); `Pipeline` checks the order when it is
built, so a misordered pipeline fails at start-up rather than on the ten-thousandth article.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol

from marsad.doc import Doc, Failure
from marsad.errors import PipelineError, StageFailed

# What every Doc has after ingestion and cleaning, before any stage runs.
BASE_FIELDS = frozenset({"text", "title", "published", "credits", "dateline", "paragraphs"})


class Stage(Protocol):
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    """Runs stages in order over Docs; `pipe` records a failing document instead of stopping the batch."""

    def __init__(self, stages: Iterable[Stage]):
        self.stages: list[Stage] = list(stages)
        have = set(BASE_FIELDS)
        for st in self.stages:
            missing = [r for r in st.requires if r not in have]
            if missing:
                raise PipelineError(
                    f"stage {st.name!r} needs {', '.join(missing)}, which no earlier stage sets; "
                    f"order is {', '.join(s.name for s in self.stages)}"
                )
            have.update(st.assigns)

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def __call__(self, doc: Doc) -> Doc:
        for st in self.stages:
            try:
                doc = st(doc)
            except Exception as e:  # noqa: BLE001 - re-raised with the stage and document named
                raise StageFailed(doc.id, st.name, e) from e
        return doc

    def pipe(self, docs: Iterable[Doc | Failure]) -> Iterator[Doc | Failure]:
        """Runs every Doc through the stages; passes Failures on, and turns a failing Doc into a Failure."""
        for d in docs:
            if isinstance(d, Failure):
                yield d
                continue
            try:
                yield self(d)
            except StageFailed as e:
                yield Failure(d.source_path, f"{type(e.cause).__name__}: {e.cause}", stage=e.stage, doc_id=d.id)


def default_pipeline(settings=None) -> Pipeline:
    """The standard per-document analysis: sentences, dates, entities, quotes, events."""
    from marsad.analyse import build_stages

    return Pipeline(build_stages(settings))
