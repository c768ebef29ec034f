"""A story as people read it, from the stored records of its reports: title, summary and merged events.

The store keeps CONTRACT records (marsad.record), not Docs; this rebuilds light Docs from them (text, title,
outlet, dates, entities, events) so that the same `summarise` and `merge_events` serve the linker and the CLI.
"""
from __future__ import annotations

from typing import Any

from marsad.arabic.tokens import sentences
from marsad.doc import Actor, Doc, Entity, Event, Mention, Place
from marsad.link.merge import merge_events, propagate
from marsad.link.summary import summarise


def _actor(d: dict | None) -> Actor | None:
    if not d:
        return None
    return Actor(entity=d.get("entity"), name_en=d.get("name_en"), country=d.get("country"),
                 sector=d.get("sector"), text=d.get("text"), agent=d.get("agent"))


def _place(d: dict | None) -> Place | None:
    if not d or not d.get("name_en"):
        return None
    return Place(name_en=d["name_en"], country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                 entity=d.get("entity"))


def _event(e: dict) -> Event:
    ev = e.get("evidence") or {}
    return Event(type=e["type"], cameo=e.get("cameo") or "", goldstein=e.get("goldstein"), source=_actor(e.get("source")),
                 target=_actor(e.get("target")), date=e.get("date"), location=_place(e.get("location")),
                 evidence_start=ev.get("start") or 0, evidence_end=ev.get("end") or 0, cue=e.get("cue") or "",
                 mode=e.get("mode"))


def _entity(e: dict) -> Entity:
    return Entity(id=e["id"], name_en=e.get("name_en") or "", name_ar=e.get("name_ar") or "", type=e.get("type") or "",
                  wikidata=e.get("wikidata"), country=e.get("country"), sector=e.get("sector"), role=e.get("role"),
                  org=e.get("org"),
                  mentions=[Mention(m["start"], m["end"], m.get("text", ""), m.get("how", "name"))
                            for m in e.get("mentions", [])])


def doc_from_record(r: dict[str, Any]) -> Doc:
    """A light Doc from a stored record: enough for summaries, event merging and propagation."""
    text = r.get("text") or ""
    return Doc(id=r["id"], text=text, source_path=r.get("source_path") or "", part=r.get("part") or 1,
               url=r.get("url"), outlet=r.get("outlet"), title=r.get("title"), published=r.get("published"),
               published_source=r.get("published_source"), credits=list(r.get("credits") or []),
               sentences=sentences(text), entities=[_entity(e) for e in r.get("entities", [])],
               events=[_event(e) for e in r.get("events", [])], story=r.get("story"),
               duplicate_of=r.get("duplicate_of"))


def event_line(m: dict) -> str:
    """One merged event in words, with how many outlets and reports carry it."""
    def who(a):
        return (a or {}).get("name_en") or (a or {}).get("country") or "?"

    where = (m.get("location") or {}).get("name_en")
    c = m["counts"]
    parts = [f"{m['type']}: {who(m['source'])} -> {who(m['target'])}"]
    if where:
        parts.append(f"in {where}")
    parts.append(f"({m['date'] or 'undated'})")
    copies = f", {c['copies']} copies" if c["copies"] else ""
    outlets = f"{c['outlets']} outlet" + ("s" if c["outlets"] != 1 else "")
    return " ".join(parts) + f" - {outlets}, {c['reports']} reports{copies}"


def records_story_view(records: list[dict]) -> dict:
    """{"title", "summary", "events"} of one story from its stored records; events are readable lines, the
    most widely reported first."""
    docs = [doc_from_record(r) for r in records if r.get("text") is not None]
    if not docs:
        return {"title": None, "summary": None, "events": []}
    propagate(docs)
    title, summary = summarise(docs)
    return {"title": title or None, "summary": summary or None,
            "events": [event_line(m) for m in merge_events(docs)]}
