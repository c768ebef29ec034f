"""Incremental story clustering: each arriving report joins the story of the same happening, or starts one.

A story keeps a compact state: the TF-IDF vectors (60 terms) of its first few reports, an entity-count dict, its
date range, event days, places, outlets and a set of its rare words. A new report is compared only with stories
that share one of its heaviest terms (an inverted index). The score is the text similarity to the nearest kept
report plus a bonus for shared entities (people weigh most, countries least); guards keep same-topic reports of
different happenings apart: the report's date against the story's dates, the stated day of the core event, and
the place of its events.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from marsad.doc import Doc
from marsad.link.dedup import Deduper
from marsad.link.features import DocFreq, cosine, terms, tfidf, weighted_ids

# Entity types by how much a shared one says "same happening": a named person far more than a country.
ENTITY_WEIGHT = {"PER": 1.0, "ORG": 0.5, "LOC": 0.5, "GPE": 0.1, "MISC": 0.2}
DEFAULTS = {
    "threshold": 0.25,  # score needed to join a story (tuned on half of the dev stories; see docs/stories.md)
    "undated_threshold": 0.3,  # stricter when the report has no date to check
    "date_tolerance": 3,  # days between a report's date and the story's date range
    "event_day_tolerance": 1,  # days between core-event dates stated in the text
    "entity_bonus": 0.0,  # 0.3 helped on an earlier entity stage, hurts on the current one: re-tune when it settles
    "lead_terms": 120,
    "keep_terms": 60,
    "members_kept": 8,
    "dedup_threshold": 0.8,
    "query_terms": 20,
    "contradiction": 1.0,  # factor for mutually foreign headline names; 1.0 = off (it cost more recall than it saved)
    "rare_share": 0.01,
    "max_candidates": 200,
}


def _day(value: str | None) -> int | None:
    """Day ordinal of a "YYYY-MM-DD" value (None for a month, a year or nothing)."""
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value).toordinal()
    except ValueError:
        return None


@dataclass(slots=True)
class Story:
    """The compact running state of one story."""

    id: str
    first: str
    size: int = 0
    members: list[dict[int, float]] = field(default_factory=list)
    day_min: int | None = None
    day_max: int | None = None
    event_days: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    places: set = field(default_factory=set)
    outlets: set = field(default_factory=set)
    indexed: set = field(default_factory=set)
    rare: set = field(default_factory=set)  # rare words anywhere in the reports' titles and leads
    title_rare: set = field(default_factory=set)  # rare words of the reports' titles

    def day_gap(self, day: int) -> int | None:
        """Days from `day` to the story's date range (0 inside it), or None when the story is undated."""
        if self.day_min is None:
            return None
        if day < self.day_min:
            return self.day_min - day
        return max(0, day - self.day_max)


@dataclass(slots=True)
class Report:
    """What the linker reads from a Doc once."""

    vec: dict[int, float]
    day: int | None
    event_day: int | None
    entities: dict[str, float]
    places: frozenset
    rare: frozenset = frozenset()
    title_rare: frozenset = frozenset()


def _setting(settings, name: str):
    key = "link_" + name
    if isinstance(settings, dict):
        return settings.get(key, DEFAULTS[name])
    return getattr(settings, key, DEFAULTS[name]) if settings is not None else DEFAULTS[name]


def doc_entities(doc: Doc) -> dict[str, float]:
    """Entity id -> weight for a report: by type, more for entities named often, capped."""
    out: dict[str, float] = {}
    for e in doc.entities:
        w = ENTITY_WEIGHT.get(e.type, 0.4) * min(1.0, 0.5 + 0.25 * len(e.mentions))
        out[e.id] = max(out.get(e.id, 0.0), w)
    return out


def event_day(doc: Doc, day: int | None) -> int | None:
    """The day of the report's core event when the text states it: the first dated event, else the first
    day-precise date in the first two sentences (not later than the report, not more than a week before)."""
    for ev in doc.events:
        d = _day(ev.date)
        if d is not None and (day is None or day - 7 <= d <= day):
            return d
    limit = doc.sentences[1].end if len(doc.sentences) > 1 else len(doc.text) if doc.sentences else 400
    for dm in doc.dates:
        if dm.start >= limit:
            break
        d = _day(dm.value)
        if d is not None and dm.end_value is None and (day is None or day - 7 <= d <= day):
            return d
    return None


def doc_places(doc: Doc) -> frozenset:
    """Where the report's events happened (their locations' names)."""
    return frozenset(ev.location.name_en for ev in doc.events if ev.location is not None and ev.location.name_en)


def entity_overlap(a: dict[str, float], b: Counter) -> float:
    """Weighted Jaccard of the report's entities and the story's (per report on average); 0 when either has none."""
    if not a or not b:
        return 0.0
    inter = sum(min(w, b[k]) for k, w in a.items() if k in b)
    union = sum(a.values()) + sum(b.values()) - inter
    return inter / union if union else 0.0


class StoryIndex:
    """Stories with an inverted index from heavy terms to the stories whose kept reports hold them."""

    def __init__(self, settings=None):
        self.settings = settings
        self.stories: list[Story] = []
        self.postings: dict[int, list[int]] = {}

    def candidates(self, vec: dict[int, float], df: DocFreq) -> list[int]:
        """Stories sharing one of the report's heaviest terms, most shared first."""
        top = sorted(vec, key=vec.get, reverse=True)[: _setting(self.settings, "query_terms")]
        hits: Counter = Counter()
        for t in top:
            for s in self.postings.get(t, ()):
                hits[s] += 1
        return [s for s, _ in hits.most_common(_setting(self.settings, "max_candidates"))]

    def score(self, st: Story, rep: Report) -> float:
        """How strongly a report belongs to a story; 0 when a guard says it is another happening."""
        tol = _setting(self.settings, "date_tolerance")
        if rep.day is not None:
            gap = st.day_gap(rep.day)
            if gap is not None and gap > tol:
                return 0.0
        if rep.event_day is not None and st.event_days:
            etol = _setting(self.settings, "event_day_tolerance")
            if all(abs(rep.event_day - d) > etol for d in st.event_days):
                return 0.0
        # The nearest kept report, not the centroid: reports of one story often pair up by what they quote.
        text = max((cosine(rep.vec, m) for m in st.members), default=0.0)
        ents = Counter({k: v / st.size for k, v in st.entities.items()}) if st.size else st.entities
        s = text + _setting(self.settings, "entity_bonus") * entity_overlap(rep.entities, ents)
        if rep.places and st.places and not rep.places & st.places:
            s *= 0.6  # events placed in different cities: most likely two happenings
        if rep.title_rare - st.rare and st.title_rare - rep.rare:
            # Each headline names something (a town, a person, a firm) the other side never mentions: the same
            # kind of news about two different subjects.
            s *= _setting(self.settings, "contradiction")
        return s

    def add_to(self, st_i: int, rep: Report, doc: Doc) -> Story:
        """Adds a report to story `st_i` and indexes the story's new heavy terms."""
        st = self.stories[st_i]
        st.size += 1
        if len(st.members) < _setting(self.settings, "members_kept"):
            st.members.append(rep.vec)
        if rep.day is not None:
            st.day_min = rep.day if st.day_min is None else min(st.day_min, rep.day)
            st.day_max = rep.day if st.day_max is None else max(st.day_max, rep.day)
        if rep.event_day is not None:
            st.event_days[rep.event_day] += 1
        for k, w in rep.entities.items():
            st.entities[k] += w
        st.places |= rep.places
        st.title_rare |= rep.title_rare
        if len(st.rare) < 600:
            st.rare |= rep.rare
        st.outlets.add(doc.outlet or doc.id)
        top = sorted(rep.vec, key=rep.vec.get, reverse=True)[: _setting(self.settings, "query_terms")]
        for t in top:
            if t not in st.indexed:
                st.indexed.add(t)
                self.postings.setdefault(t, []).append(st_i)
        return st

    def new(self, doc: Doc) -> int:
        """Starts a story whose id derives from its first report."""
        self.stories.append(Story(id="story-" + doc.id, first=doc.id))
        return len(self.stories) - 1


class Linker:
    """Links analysed reports as they arrive: marks near-duplicates and assigns each report a story.

    Earlier reports are never re-labelled: a report joins an existing story or starts its own.
    """

    def __init__(self, settings=None):
        self.settings = settings
        self.df = DocFreq()
        self.dedup = Deduper(threshold=_setting(settings, "dedup_threshold"))
        self.index = StoryIndex(settings)
        self.story_of: dict[str, int] = {}
        self.duplicates = 0

    def report(self, doc: Doc) -> Report:
        """Reads the linking features of a Doc, counting its terms into the document frequencies."""
        title_terms = terms(doc.title or "")
        body_terms = terms(doc.text[:3000], limit=_setting(self.settings, "lead_terms"))
        tf = weighted_ids(title_terms, body_terms)
        self.df.add(tf)
        vec = tfidf(tf, self.df, keep=_setting(self.settings, "keep_terms"))
        day = _day(doc.published)
        share = _setting(self.settings, "rare_share")
        title_rare = self.df.rare(title_terms, share)
        rare = title_rare | self.df.rare(body_terms, share)
        return Report(vec, day, event_day(doc, day), doc_entities(doc), doc_places(doc), rare, title_rare)

    def add(self, doc: Doc) -> Doc:
        """Sets `doc.duplicate_of` and `doc.story` (and an undated report's date from its story); returns the doc."""
        doc.duplicate_of = self.dedup.add(doc.id, doc.text)
        rep = self.report(doc)
        if doc.duplicate_of is not None and doc.duplicate_of in self.story_of:
            self.duplicates += 1
            best = self.story_of[doc.duplicate_of]
        else:
            best = self._best_story(rep)
        if best is None:
            best = self.index.new(doc)
        st = self.index.add_to(best, rep, doc)
        self.story_of[doc.id] = best
        doc.story = st.id
        if doc.published is None and st.day_min is not None:
            doc.published = date.fromordinal(st.day_min).isoformat()
            doc.published_source = "story"
        return doc

    def _best_story(self, rep: Report) -> int | None:
        need = _setting(self.settings, "threshold" if rep.day is not None else "undated_threshold")
        best, best_s = None, need
        for i in self.index.candidates(rep.vec, self.df):
            s = self.index.score(self.index.stories[i], rep)
            if s >= best_s:
                best, best_s = i, s
        return best

    @property
    def stories(self) -> list[Story]:
        return self.index.stories
