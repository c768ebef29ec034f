"""Within one story: merge the reports of one event, and share dates and resolved names between reports.

Pure functions over the stored Docs of one story, so that the CLI, the store or a batch job can call them at any
time; copies (`duplicate_of` set) add mentions but never inflate the number of reports or outlets.
"""
from __future__ import annotations

from collections import Counter

from marsad.arabic.normalize import normalize
from marsad.doc import Actor, Doc, Event
from marsad.link.signals import day_ordinal

DATE_TOLERANCE = 2  # days between two reports' dates of the same event


def _actor_key(a: Actor | None) -> str | None:
    if a is None:
        return None
    return a.entity or a.name_en or a.country or (normalize(a.text) if a.text else None)




def _same_actor(a: Actor | None, b: Actor | None) -> bool:
    """One actor named two ways: the same entity, or a person and the country they act for ("Lavrov", "Russia")."""
    if a is None or b is None:
        return a is b
    if _actor_key(a) == _actor_key(b):
        return True
    a_country = a.entity is None or a.entity == f"gpe:{a.country}"
    b_country = b.entity is None or b.entity == f"gpe:{b.country}"
    return bool(a.country) and a.country == b.country and (a_country or b_country)


def _compatible(group: dict, ev: Event) -> bool:
    """Same type and actors, same place (or one unknown) and dates within the tolerance (or one unknown)."""
    first = group["events"][0][1]
    if first.type != ev.type or not (_same_actor(first.source, ev.source) and _same_actor(first.target, ev.target)):
        return False
    place = ev.location.name_en if ev.location else None
    if place and group["places"] and place not in group["places"]:
        return False
    d = day_ordinal(ev.date)
    days = group["days"]
    return d is None or not days or min(abs(d - x) for x in days) <= DATE_TOLERANCE


def _outlet(doc: Doc) -> str:
    return doc.outlet or (doc.credits[0] if doc.credits else doc.id)


def merge_events(docs: list[Doc]) -> list[dict]:
    """Merged events of one story: reports of the same type, actors, date and place become one event.

    Returns dicts with type, cameo, source, target, date, location, mentions (doc, start, end, cue), doc_ids,
    sources (distinct outlets) and counts (mentions, reports, outlets, copies), most reported first.
    """
    groups: list[dict] = []
    for doc in docs:
        for ev in doc.events:
            g = next((g for g in groups if _compatible(g, ev)), None)
            if g is None:
                g = {"events": [], "days": [], "places": set()}
                groups.append(g)
            g["events"].append((doc, ev))
            if day_ordinal(ev.date) is not None:
                g["days"].append(day_ordinal(ev.date))
            if ev.location and ev.location.name_en:
                g["places"].add(ev.location.name_en)
    merged = [_merged(g) for g in groups]
    merged.sort(key=lambda m: (-m["counts"]["outlets"], -m["counts"]["mentions"]))
    return merged


def _merged(g: dict) -> dict:
    pairs = g["events"]
    first = pairs[0][1]
    originals = {d.id for d, _ in pairs if d.duplicate_of is None}
    copies = {d.id for d, _ in pairs if d.duplicate_of is not None}
    outlets = sorted({_outlet(d) for d, _ in pairs})
    dates = Counter(ev.date for _, ev in pairs if ev.date)
    loc = next((ev.location for _, ev in pairs if ev.location), None)
    return {
        "type": first.type,
        "cameo": Counter(ev.cameo for _, ev in pairs).most_common(1)[0][0],
        "source": _actor_dict(_specific([ev.source for _, ev in pairs])),
        "target": _actor_dict(_specific([ev.target for _, ev in pairs])),
        "date": dates.most_common(1)[0][0] if dates else None,
        "location": None if loc is None else {"name_en": loc.name_en, "country": loc.country,
                                              "lat": loc.lat, "lon": loc.lon},
        "mentions": [{"doc": d.id, "start": ev.evidence_start, "end": ev.evidence_end, "cue": ev.cue}
                     for d, ev in pairs],
        "doc_ids": sorted({d.id for d, _ in pairs}),
        "sources": outlets,
        "counts": {"mentions": len(pairs), "reports": len(originals), "outlets": len(outlets),
                   "copies": len(copies)},
    }


def _specific(actors: list[Actor | None]) -> Actor | None:
    """The most specific naming of one actor across reports: a person or body before a country."""
    named = [a for a in actors if a is not None]
    return next((a for a in named if a.entity and not a.entity.startswith("gpe:")), named[0] if named else None)


def _actor_dict(a: Actor | None) -> dict | None:
    if a is None:
        return None
    return {"entity": a.entity, "name_en": a.name_en, "country": a.country, "sector": a.sector}


def propagate(docs: list[Doc]) -> list[Doc]:
    """Shares what one report of a story knows with the others; returns the docs.

    An undated report takes the story's most common date (published_source="story"); an entity left unresolved
    in one report (no wikidata) takes the identity of a resolved entity of the same type whose Arabic name is the
    same or ends with it (a surname) in another report of the story.
    """
    dated = Counter(d.published for d in docs if d.published and d.published_source != "story")
    if dated:
        day = dated.most_common(1)[0][0]
        for d in docs:
            if d.published is None:
                d.published, d.published_source = day, "story"
    resolved = [e for d in docs for e in d.entities if e.wikidata]
    for d in docs:
        for e in d.entities:
            if e.wikidata:
                continue
            match = _resolved_for(e, resolved)
            if match is not None:
                e.id, e.name_en, e.wikidata = match.id, match.name_en, match.wikidata
                e.country = e.country or match.country
    return docs


def _resolved_for(e, resolved):
    name = normalize(e.name_ar or "").strip()
    if not name:
        return None
    hits = {r.id: r for r in resolved
            if r.type == e.type and (normalize(r.name_ar) == name or normalize(r.name_ar).endswith(" " + name))}
    return next(iter(hits.values())) if len(hits) == 1 else None  # two candidates: still ambiguous
