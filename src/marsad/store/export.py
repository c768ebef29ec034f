"""Exports of the store: analysis records as JSON Lines; events and quotations as JSON Lines or CSV."""
from __future__ import annotations

import csv
import json
from typing import TextIO

from marsad.store.sqlite import Store

_TABLES = {
    "events": "SELECT e.*, d.url, d.outlet, d.published FROM events e JOIN documents d ON d.id = e.doc_id "
              "ORDER BY e.date, e.doc_id, e.n",
    "quotes": "SELECT q.*, d.url, d.outlet, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id "
              "ORDER BY q.date, q.doc_id, q.n",
}


def export(st: Store, what: str, fmt: str, out: TextIO) -> int:
    """Writes `what` (records, events, quotes) in `fmt` (jsonl, csv) to `out`; returns the number of rows.

    Raises:
        ValueError: an unknown kind or format, or records asked as CSV.
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown format {fmt!r}; use jsonl or csv")
    if what == "records":
        if fmt != "jsonl":
            raise ValueError("records are nested: export them as jsonl")
        n = 0
        for rec in st.records():
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
        return n
    if what not in _TABLES:
        raise ValueError(f"unknown export {what!r}; use records, events or quotes")
    rows = st.query(_TABLES[what])
    if fmt == "jsonl":
        for r in rows:
            out.write(json.dumps(dict(r), ensure_ascii=False) + "\n")
    else:
        w = csv.writer(out)
        if rows:
            w.writerow(rows[0].keys())
        w.writerows(tuple(r) for r in rows)
    return len(rows)
