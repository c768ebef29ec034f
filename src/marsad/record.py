"""The analysis record: a Doc as the public JSON object of eval/CONTRACT.md (one per article)."""
from __future__ import annotations

from typing import Any

from marsad.doc import Actor, Doc, Place, Quote


def _off(v: int | None) -> int | None:
    return None if v is None or v < 0 else v


def _actor(a: Actor | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"entity": a.entity, "name_en": a.name_en, "country": a.country, "sector": a.sector, "text": a.text,
            "agent": a.agent}


def _place(p: Place | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"name_en": p.name_en, "country": p.country, "lat": p.lat, "lon": p.lon, "entity": p.entity}


def _quote(q: Quote) -> dict[str, Any]:
    speaker = None if q.speaker is None else {
        "entity": q.speaker.entity, "name_en": q.speaker.name_en, "text": q.speaker.text,
        "start": q.speaker.start, "end": q.speaker.end}
    return {"speaker": speaker, "text": q.text, "start": q.start, "end": q.end, "cue": q.cue, "kind": q.kind,
            "date": q.date}


def to_record(doc: Doc) -> dict[str, Any]:
    """The contract record of an analysed Doc (fields may be added; existing ones keep names and meaning)."""
    return {
        "id": doc.id,
        "source_path": doc.source_path,
        "part": doc.part,
        "url": doc.url,
        "outlet": doc.outlet,
        "title": doc.title,
        "published": doc.published,
        "published_source": doc.published_source,
        "published_confidence": doc.published_confidence,
        "language": doc.language,
        "text": doc.text,
        "credits": list(doc.credits),
        "dateline": doc.dateline_place or doc.dateline,
        "dateline_ar": doc.dateline,
        "entities": [
            {"id": e.id, "name_en": e.name_en, "name_ar": e.name_ar, "type": e.type, "wikidata": e.wikidata,
             "country": e.country, "sector": e.sector, "role": e.role, "org": e.org, "lat": e.lat, "lon": e.lon,
             "mentions": [{"start": m.start, "end": m.end, "text": m.text, "how": m.how} for m in e.mentions]}
            for e in doc.entities
        ],
        # Direct quotations (the exact words) and indirect speech ("قال إن ...") are kept apart, so that nobody
        # reading `quotes` takes a paraphrase for someone's words.
        "quotes": [_quote(q) for q in doc.quotes if q.kind == "direct"],
        "indirect_quotes": [_quote(q) for q in doc.quotes if q.kind != "direct"],
        "dates": [
            {"text": d.text, "start": _off(d.start), "end": _off(d.end), "value": d.value, "end_value": d.end_value,
             "kind": d.kind}
            for d in doc.dates
        ],
        "events": [
            {"type": ev.type, "cameo": ev.cameo, "goldstein": ev.goldstein, "source": _actor(ev.source),
             "target": _actor(ev.target), "date": ev.date, "location": _place(ev.location),
             "evidence": {"start": ev.evidence_start, "end": ev.evidence_end,
                          "text": doc.text[ev.evidence_start:ev.evidence_end]},
             "cue": ev.cue, "mode": ev.mode}
            for ev in doc.events
        ],
        "story": doc.story,
        "duplicate_of": doc.duplicate_of,
    }
