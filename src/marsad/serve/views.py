"""Read-only views over the store, shared by the CLI (and later the API and dashboard)."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from marsad.arabic.normalize import normalize
from marsad.errors import StoreError
from marsad.store import Store
from marsad.store.sqlite import SCHEMA_VERSION


def summary_text(st: Store) -> str:
    """A short report of what the store holds."""
    n_docs = st.count("documents")
    stories = st.query("SELECT story, COUNT(*) n FROM documents WHERE story IS NOT NULL GROUP BY story")
    multi = sum(1 for r in stories if r["n"] > 1)
    dups = st.query("SELECT COUNT(*) n FROM documents WHERE duplicate_of IS NOT NULL")[0]["n"]
    lines = [f"Documents: {n_docs}   stories: {len(stories)} ({multi} reported by 2+ articles)   "
             f"near-duplicates: {dups}   quotations: {st.count('quotes')}   events: {st.count('events')}   "
             f"failures: {st.count('failures')}"]
    top = st.query("SELECT name_en, name_ar, type, COUNT(*) docs, SUM(mentions) m FROM entities "
                   "GROUP BY entity_id ORDER BY docs DESC, m DESC LIMIT 12")
    if top:
        lines.append("Top entities (documents, mentions):")
        lines += [f"  {r['name_en'] or r['name_ar']} [{r['type']}]: {r['docs']} docs, {r['m']} mentions" for r in top]
    ev = st.query("SELECT type, COUNT(*) n FROM events GROUP BY type ORDER BY n DESC")
    if ev:
        lines.append("Events by type: " + ", ".join(f"{r['type']} {r['n']}" for r in ev))
    big = st.query("SELECT story, COUNT(*) n, MIN(title) t FROM documents WHERE story IS NOT NULL "
                   "GROUP BY story HAVING n > 1 ORDER BY n DESC LIMIT 8")
    if big:
        lines.append("Largest stories:")
        lines += [f"  {r['n']} reports: {r['t']}" for r in big]
    fails = st.query("SELECT source_path, reason FROM failures LIMIT 10")
    if fails:
        lines.append("Failures:")
        lines += [f"  {r['source_path']}: {r['reason']}" for r in fails]
    return "\n".join(lines)


def quote_rows(st: Store, *, speaker: str | None = None, kind: str | None = None, limit: int = 50,
               partial: bool = False, entity: str | None = None, offset: int = 0) -> list[dict]:
    """Quotations with their speaker, date and source, newest first.

    `speaker` is matched whole (English name, any case, or the speaker's words in the text), or, with `partial`,
    as a piece of either, Arabic folded; `entity` is a catalogue id.
    """
    cond, params = [], []
    if speaker and partial:
        _register_fold(st)
        # The Arabic name is matched on the catalogue's name too: the speaker's words may be a title ("the minister").
        cond.append("(instr(marsad_fold(q.speaker_name_en), ?) > 0 OR instr(marsad_fold(q.speaker_text), ?) > 0 "
                    "OR q.speaker_entity IN (SELECT DISTINCT entity_id FROM entities "
                    "WHERE instr(marsad_fold(name_ar), ?) > 0))")
        params += [_fold(speaker)] * 3
    elif speaker:
        cond.append("(lower(q.speaker_name_en) = lower(?) OR q.speaker_text = ?)")
        params += [speaker, speaker]
    if entity:
        cond.append("q.speaker_entity = ?")
        params.append(entity)
    if kind:
        cond.append("q.kind = ?")
        params.append(kind)
    sql = ("SELECT q.*, d.outlet, d.source_path, d.url, d.published, d.title, d.story, d.record FROM quotes q "
           "JOIN documents d ON d.id = q.doc_id" + (" WHERE " + " AND ".join(cond) if cond else "") +
           " ORDER BY COALESCE(q.date, d.published) DESC, q.doc_id, q.n LIMIT ? OFFSET ?")
    out = []
    for r in st.query(sql, (*params, limit, offset)):
        credits = json.loads(r["record"]).get("credits") or []
        out.append({"speaker": r["speaker_name_en"] or r["speaker_text"], "entity": r["speaker_entity"],
                    "text": r["text"], "kind": r["kind"], "cue": r["cue"], "date": r["date"] or r["published"],
                    "doc_id": r["doc_id"], "outlet": r["outlet"], "url": r["url"], "source_path": r["source_path"],
                    "credits": ", ".join(credits), "title": r["title"], "story": r["story"]})
    return out


def story_rows(st: Store, *, limit: int = 20, min_reports: int = 1) -> list[dict[str, Any]]:
    """Stories with their reports, dates, title, summary and merged events, largest first."""
    ids = st.query("SELECT story, COUNT(*) n FROM documents WHERE story IS NOT NULL GROUP BY story "
                   "HAVING n >= ? ORDER BY n DESC, MIN(published) LIMIT ?", (min_reports, limit))
    out = []
    for row in ids:
        recs = list(st.records("story = ?", (row["story"],)))
        out.append(_story(row["story"], recs))
    return out


def story_detail(st: Store, story_id: str) -> dict[str, Any] | None:
    """One story as `story_rows` gives it, or None when no document carries this story id."""
    recs = list(st.records("story = ?", (story_id,)))
    return _story(story_id, recs) if recs else None


def _story(story_id: str, recs: list[dict]) -> dict[str, Any]:
    dates = sorted(r["published"] for r in recs if r.get("published"))
    title, summary, events = None, None, []
    try:
        from marsad.link import records_story_view  # the linker's own title, summary and event merge
    except ImportError:
        records_story_view = None
    if records_story_view is not None:
        view = records_story_view(recs)
        title, summary, events = view.get("title"), view.get("summary"), view.get("events", [])
    if not title:
        title = Counter(r["title"] for r in recs if r.get("title")).most_common(1)
        title = title[0][0] if title else recs[0]["text"][:80]
    if not events:
        merged: dict[tuple, set] = defaultdict(set)
        for r in recs:
            for e in r.get("events", []):
                key = (e["type"], (e.get("source") or {}).get("name_en"), (e.get("target") or {}).get("name_en"),
                       e.get("date"))
                merged[key].add(r.get("outlet") or r["id"])
        events = [f"{t}: {s or '?'} -> {g or '?'} ({d or '?'}), {len(src)} source(s)"
                  for (t, s, g, d), src in sorted(merged.items(), key=lambda kv: -len(kv[1]))]
    return {"story": story_id, "title": title, "summary": summary, "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None, "events": events,
            "reports": [{"id": r["id"], "title": r.get("title"), "outlet": r.get("outlet"),
                         "published": r.get("published"), "url": r.get("url"), "credits": r.get("credits") or []}
                        for r in recs]}


# --- the API's queries ---------------------------------------------------------------------------------------

class ReadOnlyStore(Store):
    """A store opened for reading only: no migration, no writes, and usable from one thread at a time whichever
    thread that is (web servers hand a request's work from thread to thread)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if not self.path.is_file():
            raise StoreError(f"no store at {self.path}; run `marsad ingest PATH` or `marsad demo` first")
        try:
            self.conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30,
                                        check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store {self.path}: {e}") from e
        self.conn.row_factory = sqlite3.Row
        try:
            row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"{self.path} is not a Marsad store (SQLite said: {e})") from e
        if row is not None and int(row[0]) > SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(f"{self.path} was written by a newer Marsad (schema {row[0]} > {SCHEMA_VERSION})")


def _fold(s: str | None) -> str | None:
    # Searches ignore case, diacritics and the spelling variants of alef, ya and ta marbuta.
    return normalize(s).lower() if s else s


def _register_fold(st: Store) -> None:
    st.conn.create_function("marsad_fold", 1, _fold, deterministic=True)


def _date_bounds(expr: str, date_from: str | None, date_to: str | None, cond: list, params: list) -> None:
    # Dates may be a day, a month or a year: a partial date is kept when it overlaps the range.
    if date_from:
        cond.append(f"{expr} >= substr(?, 1, length({expr}))")
        params.append(date_from)
    if date_to:
        cond.append(f"substr({expr}, 1, length(?)) <= ?")
        params += [date_to, date_to]


def _where(cond: list[str]) -> str:
    return " WHERE " + " AND ".join(cond) if cond else ""


def summary_data(st: Store, *, top: int = 12) -> dict[str, Any]:
    """What the store holds, as data: counts, top entities, events by type and by day, the dates covered."""
    def one(sql: str) -> int:
        return st.query(sql)[0][0]

    stories = st.query("SELECT COUNT(*) n, COALESCE(SUM(c > 1), 0) multi FROM "
                       "(SELECT COUNT(*) c FROM documents WHERE story IS NOT NULL GROUP BY story)")[0]
    counts = {
        "documents": st.count("documents"), "stories": stories["n"], "stories_multi": stories["multi"],
        "duplicates": one("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"),
        "outlets": one("SELECT COUNT(DISTINCT outlet) FROM documents"),
        "entities": one("SELECT COUNT(DISTINCT entity_id) FROM entities"),
        "quotes": st.count("quotes"), "quotes_direct": one("SELECT COUNT(*) FROM quotes WHERE kind = 'direct'"),
        "events": st.count("events"), "failures": st.count("failures"),
    }
    span = st.query("SELECT MIN(published) a, MAX(published) b FROM documents")[0]
    by_day = st.query("SELECT date, COUNT(*) n, SUM(goldstein > 0) coop, SUM(goldstein < 0) conflict FROM events "
                      "WHERE length(date) = 10 GROUP BY date ORDER BY date")
    return {
        "counts": counts, "failures": counts["failures"],
        "published": {"first": span["a"], "last": span["b"]},
        "top_entities": entity_rows(st, limit=top)[1],
        "events_by_type": [{"type": r["type"], "count": r["n"]} for r in
                           st.query("SELECT type, COUNT(*) n FROM events GROUP BY type ORDER BY n DESC, type")],
        "events_by_day": [{"date": r["date"], "count": r["n"], "cooperative": r["coop"] or 0,
                           "conflictual": r["conflict"] or 0} for r in by_day],
    }


def document_rows(st: Store, *, q: str | None = None, outlet: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, entity: str | None = None, story: str | None = None,
                  limit: int = 50, offset: int = 0, full: bool = False) -> tuple[int, list[dict]]:
    """(how many match, one page of their records, newest first); without `full`, the text becomes a snippet."""
    cond, params = [], []
    if q:
        _register_fold(st)
        cond.append("instr(marsad_fold(COALESCE(d.title, '') || ' ' || json_extract(d.record, '$.text')), ?) > 0")
        params.append(_fold(q))
    if outlet:
        cond.append("d.outlet = ?")
        params.append(outlet)
    if entity:
        cond.append("EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id AND e.entity_id = ?)")
        params.append(entity)
    if story:
        cond.append("d.story = ?")
        params.append(story)
    _date_bounds("d.published", date_from, date_to, cond, params)
    total = st.query("SELECT COUNT(*) FROM documents d" + _where(cond), tuple(params))[0][0]
    rows = st.query("SELECT d.record FROM documents d" + _where(cond) +
                    " ORDER BY d.published IS NULL, d.published DESC, d.rowid LIMIT ? OFFSET ?",
                    (*params, limit, offset))
    items = []
    for (raw,) in rows:
        rec = json.loads(raw)
        if not full:
            text = rec.pop("text", "") or ""
            rec["snippet"] = text[:280]
        items.append(rec)
    return total, items


def entity_rows(st: Store, *, type: str | None = None, q: str | None = None, entity: str | None = None,
                limit: int = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """(how many match, one page of entities with the documents and mentions that name them, most named first)."""
    cond, params = [], []
    if type:
        cond.append("upper(type) = upper(?)")
        params.append(type)
    if entity:
        cond.append("entity_id = ?")
        params.append(entity)
    if q:
        _register_fold(st)
        cond.append("(entity_id = ? OR instr(marsad_fold(name_en), ?) > 0 OR instr(marsad_fold(name_ar), ?) > 0)")
        params += [q, _fold(q), _fold(q)]
    total = st.query("SELECT COUNT(DISTINCT entity_id) FROM entities" + _where(cond), tuple(params))[0][0]
    rows = st.query("SELECT entity_id, MAX(name_en) name_en, MAX(name_ar) name_ar, MAX(type) type, "
                    "MAX(wikidata) wikidata, COUNT(*) docs, SUM(mentions) m FROM entities" + _where(cond) +
                    " GROUP BY entity_id ORDER BY docs DESC, m DESC, entity_id LIMIT ? OFFSET ?",
                    (*params, limit, offset))
    return total, [{"id": r["entity_id"], "name_en": r["name_en"], "name_ar": r["name_ar"], "type": r["type"],
                    "wikidata": r["wikidata"], "documents": r["docs"], "mentions": r["m"]} for r in rows]


def entity_detail(st: Store, entity_id: str, *, limit: int = 100) -> dict[str, Any] | None:
    """One entity: its documents (newest first), its quotations as speaker and the events it takes part in."""
    found = entity_rows(st, entity=entity_id, limit=1)[1]
    if not found:
        return None
    ent = found[0]
    docs = st.query("SELECT d.id, d.title, d.outlet, d.published, d.url, d.story, d.record, e.mentions "
                    "FROM entities e JOIN documents d ON d.id = e.doc_id WHERE e.entity_id = ? "
                    "ORDER BY d.published IS NULL, d.published DESC, d.rowid LIMIT ?", (entity_id, limit))
    keys = []
    for r in docs:
        rec = json.loads(r["record"])
        ent.update({k: v for e in rec.get("entities", []) if e["id"] == entity_id
                    for k, v in e.items() if k in ("country", "sector", "role", "lat", "lon") and v is not None})
        keys += [(r["id"], n) for n, ev in enumerate(rec.get("events", []))
                 if entity_id in {(ev.get(k) or {}).get("entity") for k in ("source", "target", "location")}]
    ent["documents_list"] = [{**{k: r[k] for k in ("id", "title", "outlet", "published", "url", "story", "mentions")},
                              "credits": json.loads(r["record"]).get("credits") or []} for r in docs]
    ent["quotes"] = quote_rows(st, entity=entity_id, limit=limit)
    ent["events"] = event_rows(st, keys=keys[:limit], limit=limit)[1] if keys else []
    return ent


def event_rows(st: Store, *, type: str | None = None, country: str | None = None, date_from: str | None = None,
               date_to: str | None = None, keys: list[tuple[str, int]] | None = None, limit: int = 50,
               offset: int = 0) -> tuple[int, list[dict]]:
    """(how many match, one page of coded events with their evidence, place and report), the latest reports first.

    Events are ordered by their report's publication date, not by their own date: articles also speak of plans
    and of the past, and those should not push the news off the top. `country` matches the source's or the
    target's; in the date bounds an undated event takes its report's publication date.
    """
    cond, params = [], []
    if type:
        cond.append("upper(e.type) = upper(?)")
        params.append(type)
    if country:
        cond.append("(upper(e.source_country) = upper(?) OR upper(e.target_country) = upper(?))")
        params += [country, country]
    if keys:
        cond.append("(" + " OR ".join("(e.doc_id = ? AND e.n = ?)" for _ in keys) + ")")
        params += [x for k in keys for x in k]
    _date_bounds("COALESCE(e.date, d.published)", date_from, date_to, cond, params)
    base = " FROM events e JOIN documents d ON d.id = e.doc_id" + _where(cond)
    total = st.query("SELECT COUNT(*)" + base, tuple(params))[0][0]
    rows = st.query("SELECT e.*, d.title, d.outlet, d.published, d.story, d.url, COALESCE(e.date, d.published) day, "
                    "json_extract(d.record, '$.credits') credits" + base +
                    " ORDER BY d.published IS NULL, d.published DESC, d.rowid, e.n LIMIT ? OFFSET ?",
                    (*params, limit, offset))
    return total, [_event_item(r) for r in rows]


def _event_item(r: sqlite3.Row) -> dict[str, Any]:
    def actor(side):
        name, country, sector = r[f"{side}_name"], r[f"{side}_country"], r[f"{side}_sector"]
        return {"name": name, "country": country, "sector": sector} if (name or country) else None

    place = {"name": r["location"], "lat": r["lat"], "lon": r["lon"]} if r["location"] else None
    return {"doc_id": r["doc_id"], "n": r["n"], "type": r["type"], "cameo": r["cameo"], "goldstein": r["goldstein"],
            "source": actor("source"), "target": actor("target"), "date": r["date"], "date_or_published": r["day"],
            "location": place, "mode": r["mode"], "evidence": r["evidence"], "title": r["title"],
            "outlet": r["outlet"], "credits": json.loads(r["credits"] or "[]"), "published": r["published"],
            "story": r["story"], "url": r["url"]}


def failure_rows(st: Store) -> list[dict[str, Any]]:
    """Inputs that could not be read or analysed, oldest first."""
    return [dict(r) for r in st.query("SELECT source_path, stage, reason, doc_id, at FROM failures ORDER BY at")]
