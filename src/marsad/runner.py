"""The batch runner: inputs -> Docs -> pipeline -> cross-document linking -> store and/or a record sink.

Only this module decides to skip a document: every unreadable input or failing stage becomes a Failure that is
reported on one line, counted, and kept in the store with its reason; the batch goes on.
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from marsad.doc import Doc, Failure
from marsad.ingest import expand_paths, read_path
from marsad.pipeline import Pipeline, default_pipeline
from marsad.settings import Settings
from marsad.store import Store


@dataclass
class RunReport:
    """What a run did: counts, and the failures with their reasons."""

    files: int = 0
    documents: int = 0
    skipped_known: int = 0
    failures: list[Failure] = field(default_factory=list)
    stories: set[str] = field(default_factory=set)
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    entities: Counter = field(default_factory=Counter)


def _linker(settings: Settings, store: Store | None):
    try:
        from marsad.link import Linker
    except ImportError:
        return None
    linker = Linker(settings)
    blob = store.state("linker") if store is not None else None
    if blob is not None and hasattr(linker, "load"):
        linker.load(blob)
    return linker


def run(specs: Iterable[str], settings: Settings, *, store: Store | None = None,
        sink: Callable[[Doc], None] | None = None, pipeline: Pipeline | None = None, link: bool = True,
        force: bool = False, on_failure: Callable[[Failure], None] | None = None) -> RunReport:
    """Analyses every input named by `specs`.

    Args:
        specs: files, folders or glob patterns.
        store: where documents and failures are kept (None: nothing stored).
        sink: called with each analysed Doc, in input order (e.g. to write JSON Lines).
        force: re-analyse documents the store already holds (by default they are skipped: same input, same id).
        on_failure: called with each Failure as it happens (default: one line on standard error).
    """
    pipe = pipeline or default_pipeline(settings)
    linker = _linker(settings, store) if link else None
    report = RunReport()
    batch: list[Doc | Failure] = []
    paths = list(expand_paths(specs))  # names only: cheap, and gives the progress bar its total
    report.files = len(paths)
    on_failure = on_failure or _print_failure
    with _progress(settings.progress and len(paths) > 1, len(paths)) as advance:
        for p in paths:
            for item in read_path(p):
                if isinstance(item, Doc) and store is not None and not force and store.has(item.id):
                    report.skipped_known += 1
                    continue
                item = next(iter(pipe.pipe([item])))
                if isinstance(item, Doc) and linker is not None:
                    item = linker.add(item)
                _account(report, item, on_failure)
                if isinstance(item, Doc) and sink is not None:
                    sink(item)
                if store is not None:
                    batch.append(item)
                    if len(batch) >= settings.batch_size:
                        _flush(store, batch, linker)
            advance()
    if store is not None:
        _flush(store, batch, linker)
    return report


def _account(report: RunReport, item: Doc | Failure, on_failure: Callable[[Failure], None]) -> None:
    if isinstance(item, Failure):
        report.failures.append(item)
        on_failure(item)
        return
    report.documents += 1
    if item.story:
        report.stories.add(item.story)
    report.duplicates += item.duplicate_of is not None
    report.events += len(item.events)
    report.quotes += len(item.quotes)
    for e in item.entities:
        report.entities[(e.name_en or e.name_ar, e.type)] += 1


def _flush(store: Store, batch: list, linker) -> None:
    if not batch:
        return
    state = {}
    if linker is not None and hasattr(linker, "state"):
        state["linker"] = linker.state()
    store.write_batch(batch, state=state)
    batch.clear()


def _print_failure(f: Failure) -> None:
    where = f" (stage {f.stage})" if f.stage != "ingest" else ""
    print(f"marsad: skipped {f.source_path}{where}: {f.reason}", file=sys.stderr)


class _progress:
    """A rich progress bar on standard error when it is a terminal and there is more than one file."""

    def __init__(self, enabled: bool, total: int):
        self.enabled = enabled and sys.stderr.isatty()
        self.total = total
        self._p = None

    def __enter__(self):
        if not self.enabled:
            return lambda: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._p = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                           transient=True)
        self._p.__enter__()
        task = self._p.add_task("files", total=self.total)
        return lambda: self._p.advance(task)

    def __exit__(self, *exc):
        if self._p is not None:
            self._p.__exit__(*exc)
