"""The batch runner: inputs -> Docs -> pipeline -> cross-document linking -> store and/or a record sink.

Only this module decides to skip a document: every unreadable input or failing stage becomes a Failure that is
reported on one line, counted, and kept in the store with its reason; the batch goes on.
"""
from __future__ import annotations

import sys
import time
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
        sink: called with each analysed Doc (e.g. to write JSON Lines): in input order, except that reports
            with no date of their own come after the dated ones they may take a date from (see `_Run.add`).
        force: re-analyse documents the store already holds (by default they are skipped: same input, same id).
        on_failure: called with each Failure as it happens (default: one line on standard error).
    """
    paths = list(expand_paths(specs))  # names only: cheap, and gives the progress bar its total
    r = _Run(settings, pipeline or default_pipeline(settings), _linker(settings, store) if link else None,
             store, sink, on_failure or _print_failure)
    r.report.files = len(paths)
    with _progress(settings.progress and len(paths) > 1, len(paths)) as advance:
        for p in paths:
            for item in read_path(p):
                if isinstance(item, Doc) and store is not None and not force and store.has(item.id):
                    r.report.skipped_known += 1
                    continue
                r.add(item)
            advance()
    r.finish()
    return r.report


class _Run:
    """One run's moving parts: analyse, link, emit, and write in batches."""

    MAX_PENDING = 500  # undated reports held back at most before they are linked anyway
    STATE_EVERY_S = 60.0  # the linker's state is saved with a batch at most this often (and at the end)

    def __init__(self, settings: Settings, pipe: Pipeline, linker, store: Store | None, sink, on_failure):
        self.settings, self.pipe, self.linker, self.store = settings, pipe, linker, store
        self.sink, self.on_failure = sink, on_failure
        self.report = RunReport()
        self.batch: list[Doc | Failure] = []
        self.pending: list[Doc] = []
        self.state_saved = time.monotonic()

    def add(self, item: Doc | Failure) -> None:
        item = next(iter(self.pipe.pipe([item])))
        if isinstance(item, Doc) and self.linker is not None and self.linker.defer(item):
            # A report without a (trustworthy) date of its own is linked after the dated reports read with it,
            # so that it can take its story's date from them ("an undated report takes the story's date").
            self.pending.append(item)
            if len(self.pending) >= self.MAX_PENDING:
                self._link_pending()
            return
        self._emit(self._link(item))

    def finish(self) -> None:
        self._link_pending()
        self._flush(final=True)

    def _link_pending(self) -> None:
        pending, self.pending = self.pending, []
        pending.sort(key=lambda d: d.published is None)  # a weak guess is still more to go by than no date
        for doc in pending:
            self._emit(self._link(doc))

    def _link(self, item: Doc | Failure) -> Doc | Failure:
        if isinstance(item, Doc) and self.linker is not None:
            item = self.linker.add(item)
            if item.meta.pop("redate", False):
                # The story gave it a date: resolve its relative dates, roles and events again.
                item = next(iter(self.pipe.pipe([item])))
        return item

    def _emit(self, item: Doc | Failure) -> None:
        _account(self.report, item, self.on_failure)
        if isinstance(item, Doc) and self.sink is not None:
            self.sink(item)
        if self.store is not None:
            self.batch.append(item)
            if len(self.batch) >= self.settings.batch_size:
                self._flush()

    def _flush(self, final: bool = False) -> None:
        if self.store is None or not (self.batch or final):
            return
        state = {}
        now = time.monotonic()
        if self.linker is not None and hasattr(self.linker, "state") and (
                final or now - self.state_saved >= self.STATE_EVERY_S):
            state["linker"] = self.linker.state()
            self.state_saved = now
        self.store.write_batch(self.batch, state=state)
        self.batch.clear()


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
