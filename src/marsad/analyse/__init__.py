"""Per-document analysis stages: sentences, datelines, dates, entities, quotations, events.

Each stage is a small class with `name`, `requires`, `assigns`, a `default(settings)` constructor that loads its
resources, and `__call__(doc) -> doc` that does no I/O.
"""
from __future__ import annotations

import importlib

# (module, class) in pipeline order. Dates come before entities: dated roles need the article's date.
STAGES = [
    ("marsad.analyse.sentences", "SentenceSplitter"),
    ("marsad.analyse.datelines", "DatelineResolver"),
    ("marsad.analyse.dates", "DateResolver"),
    ("marsad.analyse.entities", "EntityRecognizer"),
    ("marsad.analyse.quotes", "QuoteFinder"),
    ("marsad.analyse.events", "EventCoder"),
]


def build_stages(settings=None) -> list:
    """The default stages, each built with its packaged resources."""
    return [getattr(importlib.import_module(mod), cls).default(settings) for mod, cls in STAGES]
