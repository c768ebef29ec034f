"""Read-only views over the store, shared by the CLI (and later the API and dashboard)."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import Any

from marsad.store import Store


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


def quote_rows(st: Store, *, speaker: str | None = None, kind: str | None = None, limit: int = 50) -> list[dict]:
    """Quotations with their speaker, date and source, newest first."""
    cond, params = [], []
    if speaker:
        cond.append("(lower(q.speaker_name_en) = lower(?) OR q.speaker_text = ?)")
        params += [speaker, speaker]
    if kind:
        cond.append("q.kind = ?")
        params.append(kind)
    sql = ("SELECT q.*, d.outlet, d.source_path, d.url, d.published, d.record FROM quotes q JOIN documents d "
           "ON d.id = q.doc_id" + (" WHERE " + " AND ".join(cond) if cond else "") +
           " ORDER BY COALESCE(q.date, d.published) DESC, q.doc_id, q.n LIMIT ?")
    out = []
    for r in st.query(sql, (*params, limit)):
        credits = json.loads(r["record"]).get("credits") or []
        out.append({"speaker": r["speaker_name_en"] or r["speaker_text"], "entity": r["speaker_entity"],
                    "text": r["text"], "kind": r["kind"], "cue": r["cue"], "date": r["date"] or r["published"],
                    "doc_id": r["doc_id"], "outlet": r["outlet"], "url": r["url"], "source_path": r["source_path"],
                    "credits": ", ".join(credits)})
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
                         "published": r.get("published"), "url": r.get("url")} for r in recs]}
