"""The embedded store: one SQLite file in WAL mode.

Each document is written with its entities, quotations and events in one transaction, keyed by the document id, so
re-ingesting an article replaces it instead of duplicating it, and a process killed midway leaves every committed
document whole. Failures are kept with their reason until the file is read successfully.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.doc import Doc, Failure
from marsad.errors import StoreError
from marsad.record import to_record

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source_path TEXT, part INTEGER, url TEXT, outlet TEXT, title TEXT, published TEXT,
    story TEXT, duplicate_of TEXT, record TEXT NOT NULL, ingested_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_story ON documents(story);
CREATE INDEX IF NOT EXISTS documents_published ON documents(published);
CREATE INDEX IF NOT EXISTS documents_url ON documents(url);
CREATE TABLE IF NOT EXISTS entities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity_id TEXT NOT NULL, name_en TEXT, name_ar TEXT, type TEXT, wikidata TEXT, mentions INTEGER,
    PRIMARY KEY (doc_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_entity ON entities(entity_id);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,
    speaker_entity TEXT, speaker_name_en TEXT, speaker_text TEXT, text TEXT, cue TEXT, kind TEXT, date TEXT,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_name_en);
CREATE TABLE IF NOT EXISTS events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, n INTEGER NOT NULL,
    type TEXT, cameo TEXT, goldstein REAL, source_name TEXT, source_country TEXT, source_sector TEXT,
    target_name TEXT, target_country TEXT, target_sector TEXT, date TEXT, location TEXT, lat REAL, lon REAL,
    mode TEXT, evidence TEXT,
    PRIMARY KEY (doc_id, n)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE TABLE IF NOT EXISTS failures (
    source_path TEXT NOT NULL, stage TEXT NOT NULL, reason TEXT NOT NULL, doc_id TEXT NOT NULL DEFAULT '',
    at TEXT NOT NULL,
    PRIMARY KEY (source_path, stage, doc_id)
);
CREATE TABLE IF NOT EXISTS state (name TEXT PRIMARY KEY, value BLOB);
"""


class Store:
    """The SQLite store. Use as a context manager, or call `close()`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=30)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store {self.path}: {e}") from e
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path} is not a Marsad store (SQLite said: {e})") from e

    def _migrate(self) -> None:
        with self.conn:
            self.conn.executescript(_SCHEMA)
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
            if row is None:
                self.conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(row[0]) > SCHEMA_VERSION:
                raise StoreError(f"{self.path} was written by a newer Marsad (schema {row[0]} > {SCHEMA_VERSION})")

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # --- writing -------------------------------------------------------------------------------------------
    def write_batch(self, items: Iterable[Doc | Failure], state: dict[str, bytes] | None = None) -> None:
        """Writes documents and failures in one transaction, with optional state blobs (e.g. the linker's)."""
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
        with self.conn:
            for it in items:
                if isinstance(it, Failure):
                    self._put_failure(it, now)
                else:
                    self._put_doc(it, now)
            for name, blob in (state or {}).items():
                self.conn.execute("INSERT OR REPLACE INTO state VALUES (?, ?)", (name, blob))

    def _put_doc(self, doc: Doc, now: str) -> None:
        rec = to_record(doc)
        c = self.conn
        c.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
        c.execute(
            "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.source_path, doc.part, doc.url, doc.outlet, doc.title, doc.published, doc.story,
             doc.duplicate_of, json.dumps(rec, ensure_ascii=False), now),
        )
        c.executemany(
            "INSERT INTO entities VALUES (?,?,?,?,?,?,?)",
            [(doc.id, e.id, e.name_en, e.name_ar, e.type, e.wikidata, len(e.mentions)) for e in doc.entities],
        )
        c.executemany(
            "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?)",
            [(doc.id, n, q.speaker and q.speaker.entity, q.speaker and q.speaker.name_en, q.speaker and q.speaker.text,
              q.text, q.cue, q.kind, q.date) for n, q in enumerate(doc.quotes)],
        )
        c.executemany(
            "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [(doc.id, n, ev.type, ev.cameo, ev.goldstein,
              ev.source and (ev.source.name_en or ev.source.text), ev.source and ev.source.country,
              ev.source and ev.source.sector,
              ev.target and (ev.target.name_en or ev.target.text), ev.target and ev.target.country,
              ev.target and ev.target.sector, ev.date,
              ev.location and ev.location.name_en, ev.location and ev.location.lat, ev.location and ev.location.lon,
              ev.mode, doc.text[ev.evidence_start:ev.evidence_end]) for n, ev in enumerate(doc.events)],
        )
        # This document is fine now: forget its own failure, and a failure to read its file at all.
        c.execute("DELETE FROM failures WHERE source_path = ? AND doc_id IN ('', ?)", (doc.source_path, doc.id))

    def _put_failure(self, f: Failure, now: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?)",
                          (f.source_path, f.stage, f.reason, f.doc_id or "", now))

    # --- reading -------------------------------------------------------------------------------------------
    def has(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def state(self, name: str) -> bytes | None:
        row = self.conn.execute("SELECT value FROM state WHERE name = ?", (name,)).fetchone()
        return None if row is None else row[0]

    def records(self, where: str = "", params: tuple = ()) -> Iterator[dict[str, Any]]:
        """Stored records (CONTRACT.md), in ingestion order; `where` is an SQL condition on `documents`."""
        sql = "SELECT record FROM documents" + (f" WHERE {where}" if where else "") + " ORDER BY rowid"
        for (rec,) in self.conn.execute(sql, params):
            yield json.loads(rec)

    def query(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def count(self, table: str) -> int:
        if table not in ("documents", "entities", "quotes", "events", "failures"):
            raise ValueError(f"no table {table!r}")
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
