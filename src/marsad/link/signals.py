"""What the analysed content says about which happening a report is about: its entities, its core events, the
names and towns in its headline and opening sentence, its quotations and its figures.

Text similarity alone cannot tell two meetings of the same ministers apart, nor join two rewrites of one meeting
that share few words. These signals can: the same core event (type, pair of actors, place, day) or the same
figures (a closing index of 8820.65) is the same happening; headlines that each name a firm or a town the other
report never mentions are two.
"""
from __future__ import annotations

import functools
import zlib
import math
import re
from dataclasses import dataclass
from datetime import date

from marsad.arabic.normalize import normalize
from marsad.doc import Doc, Event

_COUNTRY_ID = re.compile(r"^gpe:[A-Z]{3}$")
# How much a shared entity of each type says "same happening": a named person far more than a region.
TYPE_WEIGHT = {"PER": 1.0, "ORG": 0.7, "GPE": 0.6, "LOC": 0.6, "MISC": 0.4}


def day_ordinal(value: str | None) -> int | None:
    """Day ordinal of a "YYYY-MM-DD" value (None for a month, a year or nothing)."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def is_country(entity_id: str) -> bool:
    """True for a country-level id (gpe:SAU): too broad to tell happenings apart."""
    return bool(_COUNTRY_ID.match(entity_id))


@dataclass(frozen=True, slots=True)
class CoreEvent:
    """An event reduced to what identifies a happening: type, the unordered pair of actors, place and day."""

    type: str
    actors: frozenset
    place: str | None
    day: int | None


def _actor_key(a) -> str | None:
    """A country when the actor has one (Lavrov and "Russia" meet), else the entity id."""
    if a is None:
        return None
    return a.country or a.entity


def core_events(doc: Doc, day: int | None, tolerance: int = 2) -> frozenset[CoreEvent]:
    """The report's events that happened around its own day (background events of other days left out) and have
    two known actors."""
    out = set()
    for ev in doc.events:
        if ev.mode in ("negated", "hypothetical"):
            continue
        k = _core(ev, day, tolerance)
        if k is not None:
            out.add(k)
    return frozenset(out)


def _core(ev: Event, day: int | None, tolerance: int) -> CoreEvent | None:
    a, b = _actor_key(ev.source), _actor_key(ev.target)
    if not a or not b or a == b:
        return None
    d = day_ordinal(ev.date)
    if day is not None and d is not None and abs(d - day) > tolerance:
        return None
    place = ev.location.entity if ev.location is not None and ev.location.entity else None
    if place is not None and is_country(place):
        place = None  # a country names where the story is, not which happening it is
    return CoreEvent(ev.type, frozenset((a, b)), place, d)


def same_core(a: frozenset[CoreEvent], b, day_tolerance: int = 1) -> bool:
    """True when some core event of `a` and some of `b` are one happening: same type and actors, the same known
    place, and known days within the tolerance (an undated event could be any meeting of the same pair)."""
    for x in a:
        for y in b:
            if x.type != y.type or x.actors != y.actors or x.place is None or x.place != y.place:
                continue
            if x.day is not None and y.day is not None and abs(x.day - y.day) <= day_tolerance:
                return True
    return False


def place_conflict(a: frozenset[CoreEvent], b) -> bool:
    """True when both sides report the same kind of event between the same actors, each with a known place, and
    never in the same place: the same pair of ministers meeting in Beijing and in Moscow are two meetings."""
    placed = {(y.type, y.actors): set() for y in b if y.place is not None}
    for y in b:
        if y.place is not None:
            placed[(y.type, y.actors)].add(y.place)
    conflict = False
    for x in a:
        where = placed.get((x.type, x.actors)) if x.place is not None else None
        if where:
            if x.place in where:
                return False
            conflict = True
    return conflict


def entity_weights(doc: Doc) -> dict[str, float]:
    """Entity id -> weight: by type, growing with the number of mentions; countries left out."""
    out: dict[str, float] = {}
    for e in doc.entities:
        if is_country(e.id) or not e.mentions:  # a credited agency or the dateline's city says nothing of the story
            continue
        w = TYPE_WEIGHT.get(e.type, 0.4) * (1.0 + math.log(max(1, len(e.mentions))))
        out[e.id] = max(out.get(e.id, 0.0), w)
    return out


@functools.lru_cache(maxsize=100_000)
def _folded(s: str) -> str:
    return normalize(s)


def headline_entities(doc: Doc) -> frozenset[str]:
    """Ids of the entities (not countries) named in the headline or the first sentence: what the report is about."""
    limit = doc.sentences[0].end if doc.sentences else min(len(doc.text), 300)
    title = _folded(doc.title or "")
    out = set()
    for e in doc.entities:
        if is_country(e.id):
            continue
        for m in e.mentions:
            if m.start < limit or (title and len(m.text) > 2 and _folded(m.text) in title):
                out.add(e.id)
                break
    return frozenset(out)


MARKED = re.compile(r'[«"“]\s*([^«»"“”]{2,40}?)\s*[»"”]')
MARK = "mark:"  # prefix of a headline's marked name among its named entities


def marked_names(title: str | None) -> frozenset[str]:
    """Short names a headline puts in quotation marks ('«موبايلي» تخسر ...'), folded, each as "mark:<name>": in
    Arabic headlines the marks set off the firm, club or body the news is about. Longer marked stretches are
    quotations, not names."""
    return frozenset(MARK + _folded(m.group(1)) for m in MARKED.finditer(title or "") if len(m.group(1).split()) <= 2)


def marks_conflict(a: frozenset[str], b) -> bool:
    """Both headlines set off names in marks and share no word of them («موبايلي» and «الغاز»; «قاعدة العند» and
    «العند» share one): the same kind of news about two subjects."""
    wa = {w for n in a if n.startswith(MARK) for w in n[len(MARK):].split()}
    wb = {w for n in b if n.startswith(MARK) for w in n[len(MARK):].split()}
    return bool(wa) and bool(wb) and wa.isdisjoint(wb)


def headline_places(doc: Doc) -> frozenset[str]:
    """The known towns and regions (catalogue places, not countries) the headline itself names: where the
    happening is. The first sentence is left out: it often names the outlet's or the official's town, not the
    happening's. Places the catalogue lacks are left out too: outlets spell them differently (سروج, سوروج,
    سوروتش), and two spellings of one town must not look like two towns."""
    title = _folded(doc.title or "")
    if not title:
        return frozenset()
    return frozenset(e.id for e in doc.entities
                     if e.type in ("GPE", "LOC") and not is_country(e.id) and not e.id.startswith("new:")
                     and any(len(m.text) > 2 and _folded(m.text) in title for m in e.mentions))


QUOTE_SHINGLE = 4  # words per shingle of a quotation
MAX_QUOTE_PRINTS = 300


def quote_prints(doc: Doc) -> frozenset[int]:
    """Fingerprints of the report's direct quotations: hashed runs of four folded words. Outlets rewrite the
    story around a quotation but keep its words, so two reports sharing runs of them quote the same statement."""
    out: set[int] = set()
    for q in doc.quotes:
        if q.kind != "direct":
            continue
        words = re.findall(r"\w+", normalize(q.text))
        for i in range(len(words) - QUOTE_SHINGLE + 1):
            out.add(zlib.crc32(" ".join(words[i:i + QUOTE_SHINGLE]).encode("utf-8")))
            if len(out) >= MAX_QUOTE_PRINTS:
                return frozenset(out)
    return frozenset(out)


# A figure as written in a report: digits with an optional decimal part, not part of a clock time (20:46) or of a
# longer run of digits and letters.
FIGURE = re.compile(r"(?<![\d:.,\u066b])\d+(?:[.,\u066b]\d+)?(?![\d:])")  # \d: Eastern digits too
# Every decimal sign to "." (normalize has already made Eastern Arabic and Persian digits ASCII).
_DECIMAL_SIGNS = str.maketrans({",": ".", "\u066b": "."})
FIGURE_SPAN = 800  # characters of the text (after the headline) searched for figures
MAX_FIGURES = 60


def _distinctive(figure: str) -> bool:
    """True for a figure that identifies a happening: with decimals (8820.65, 3.2), or a whole number of three or
    four digits that is not round (291, 8807). Small and round numbers (2, 24, 100, 5000) and years (2015, 1436)
    recur in unrelated news; longer runs of digits are mostly phone numbers and codes (a column's SMS footer)."""
    if "." in figure:
        return True
    if not 3 <= len(figure) <= 4 or figure.endswith("00"):
        return False
    value = int(figure)
    return not (1900 <= value <= 2100 or 1400 <= value <= 1500)


def figures(doc: Doc) -> frozenset[str]:
    """The distinctive figures of the headline and the opening of the text (ASCII digits, "." as decimal sign): reports
    of one happening repeat its figures (a closing index of 8820.65, a fall of 291 points, 3.2 %), reports of
    two happenings rarely share three of them."""
    out = []
    for m in FIGURE.finditer((doc.title or "") + "\n" + doc.text[:FIGURE_SPAN]):
        f = normalize(m.group()).translate(_DECIMAL_SIGNS)
        if _distinctive(f) and f not in out:
            out.append(f)
            if len(out) >= MAX_FIGURES:
                break
    return frozenset(out)


def repeats_figures(report: frozenset[str], story, count: int = 3) -> bool:
    """True when a report repeats the figures of a story: at least `count` of them, and at least half of its own.
    A report of the next session quotes the previous close as background, but most of its figures are new."""
    shared = len(report & story)
    return shared >= count and 2 * shared >= len(report)
