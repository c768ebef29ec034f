"""Incremental story clustering: each arriving report joins the story of the same happening, or starts one.

A story keeps a compact state: the TF-IDF vectors (60 terms) of its first few reports, its entities, its date
range, event days, core events, headline names and outlets. A new report is compared only with stories
that share one of its heaviest terms or one of its specific entities (inverted indexes). The score is the text
similarity to the nearest kept report, plus the similarity of the entities (weighted by their rarity), plus bonuses
when both hold the same core event, a repeated quotation or the same figures (marsad.link.signals); guards keep
same-topic reports of different happenings apart: the report's date against the story's dates, the stated day of
the core event, the known towns named in the headlines, and headlines marking different names.
"""
from __future__ import annotations

import dataclasses

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from marsad.doc import Doc
from marsad.link.dedup import Deduper
from marsad.link.features import DocFreq, cosine, terms, tfidf, weighted_ids
from marsad.link.signals import (core_events, day_ordinal, entity_weights, figures, headline_entities,
                                 headline_places, marked_names, marks_conflict, place_conflict, quote_prints,
                                 repeats_figures, same_core)

DEFAULTS = {
    "threshold": 0.35,  # score needed to join a story (tuned on half A of the dev stories; see docs/stories.md)
    "date_tolerance": 3,  # days between a report's date and the story's date range
    "weak_date": 0.5,  # a publication date inferred from the text with less confidence is not trusted for linking
    "event_day_tolerance": 1,  # days between core-event dates stated in the text
    "entity_bonus": 0.2,  # weight of the entity similarity
    "core_bonus": 0.15,  # added when the report and the story hold the same core event
    "quote_bonus": 0.15,  # added when the report repeats a quotation the story holds (a few runs of its words)
    "quote_runs": 2,  # shared four-word runs that make a repeated quotation
    "figure_bonus": 0.15,  # added when the report repeats the figures of the story (session 6; as quote_bonus)
    "figure_count": 3,  # shared distinctive figures (8820.65, 291, 3.2) that make repeated figures
    "place_factor": 0.3,  # the same kind of event between the same actors, placed in different towns
    # Headlines naming different towns, neither mentioned by the other side: the same kind of news in two places
    # (two towns' election committees). Towns are taken from the headline itself (session 6): with the first
    # sentence as well, the guard split reports that name the outlet's or the official's town there.
    "town_factor": 0.5,
    # Headlines naming different subjects, neither mentioned by the other side; 1.0 = off: on half A of the dev
    # day it cost as much recall as it saved precision.
    "contradiction": 1.0,
    "marks_factor": 0.5,  # both headlines set off a short name in quotation marks, and not the same one
    "lead_terms": 120,
    "keep_terms": 60,
    "members_kept": 8,
    "dedup_threshold": 0.8,
    "query_terms": 20,
    "max_candidates": 200,
}
MAX_STORY_ENTITIES = 400  # names remembered per story for the guards (a long story keeps its first ones)
MAX_STORY_QUOTE_PRINTS = 1500  # quotation fingerprints remembered per story
MAX_STORY_FIGURES = 300  # distinctive figures remembered per story




@dataclass(slots=True)
class Story:
    """The compact running state of one story."""

    id: str
    first: str
    size: int = 0
    members: list[dict[int, float]] = field(default_factory=list)  # TF-IDF vectors of the first reports
    raw: list[dict[int, float]] = field(default_factory=list)  # their raw counts, to weigh them again later
    weighted_at: int = 0  # reports counted online when `members` were weighed
    day_min: int | None = None
    day_max: int | None = None
    weak_day: int | None = None  # a weakly dated report's day, for undated reports when nothing better is known
    event_days: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)  # summed entity weights of the reports
    named: set = field(default_factory=set)  # entities named in the reports' headlines and first sentences
    towns: set = field(default_factory=set)  # the places among them
    core: set = field(default_factory=set)  # core events (signals.CoreEvent)
    quotes: set = field(default_factory=set)  # fingerprints of the reports' quotations (signals.quote_prints)
    figures: set = field(default_factory=set)  # distinctive figures of the reports' openings (signals.figures)
    outlets: set = field(default_factory=set)
    indexed: set = field(default_factory=set)

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
    raw: dict[int, float]
    day: int | None
    event_day: int | None
    entities: dict[str, float]
    named: frozenset = frozenset()
    towns: frozenset = frozenset()
    core: frozenset = frozenset()
    quotes: frozenset = frozenset()  # signals.quote_prints
    figures: frozenset = frozenset()  # signals.figures
    weak: bool = False  # the day is a low-confidence guess from the text: only its weekday is trusted


def shifted(rep: Report, delta: int) -> Report:
    """The report as if it were published `delta` days later: its own day, event days and core events move too."""
    def move(d: int | None) -> int | None:
        return None if d is None else d + delta

    core = frozenset(dataclasses.replace(c, day=move(c.day)) for c in rep.core)
    return dataclasses.replace(rep, day=move(rep.day), event_day=move(rep.event_day), core=core, weak=False)


def _setting(settings, name: str):
    key = "link_" + name
    if isinstance(settings, dict):
        return settings.get(key, DEFAULTS[name])
    return getattr(settings, key, DEFAULTS[name]) if settings is not None else DEFAULTS[name]


def event_day(doc: Doc, day: int | None) -> int | None:
    """The day of the report's core event when the text states it: the first dated event, else the first
    day-precise date in the first two sentences (not later than the report, not more than a week before)."""
    for ev in doc.events:
        d = day_ordinal(ev.date)
        if d is not None and (day is None or day - 7 <= d <= day):
            return d
    limit = doc.sentences[1].end if len(doc.sentences) > 1 else len(doc.text) if doc.sentences else 400
    for dm in doc.dates:
        if dm.start >= limit:
            break
        d = day_ordinal(dm.value)
        if d is not None and dm.end_value is None and (day is None or day - 7 <= d <= day):
            return d
    return None


class EntityFreq:
    """How many reports named each entity, for weighting shared entities by their rarity."""

    def __init__(self):
        self.counts: Counter = Counter()
        self.n = 0

    def add(self, ids) -> None:
        self.counts.update(ids)
        self.n += 1

    def idf(self, entity_id: str) -> float:
        return math.log((self.n + 2) / (self.counts.get(entity_id, 0) + 1.0))


def entity_similarity(a: dict[str, float], b: Counter, ef: EntityFreq) -> float:
    """Cosine of two entity-weight dicts, each weight scaled by the entity's rarity; 0 when either is empty."""
    if not a or not b:
        return 0.0
    dot = na = 0.0
    for k, w in a.items():
        x = w * ef.idf(k)
        na += x * x
        if k in b:
            dot += x * b[k] * ef.idf(k)
    nb = sum((w * ef.idf(k)) ** 2 for k, w in b.items())
    return dot / math.sqrt(na * nb) if na and nb else 0.0


def weakly_dated(doc: Doc, threshold: float) -> bool:
    """True when the publication date is only a guess from the text, below `threshold` confidence."""
    return (doc.published is not None and doc.published_source == "text"
            and (doc.published_confidence or 0.0) < threshold)


class StoryIndex:
    """Stories with an inverted index from heavy terms to the stories whose kept reports hold them."""

    def __init__(self, settings=None, ef: EntityFreq | None = None, df: DocFreq | None = None):
        self.settings = settings
        self.ef = ef or EntityFreq()
        self.df = df
        self.stories: list[Story] = []
        self.postings: dict[int, list[int]] = {}

    def candidates(self, vec: dict[int, float]) -> list[int]:
        """Stories sharing one of the report's heaviest terms, most shared first."""
        top = sorted(vec, key=vec.get, reverse=True)[: _setting(self.settings, "query_terms")]
        hits: Counter = Counter()
        for t in top:
            for s in self.postings.get(t, ()):
                hits[s] += 1
        return [s for s, _ in hits.most_common(_setting(self.settings, "max_candidates"))]

    def guard(self, st: Story, rep: Report) -> bool:
        """False when the dates say another happening: the report's date or its stated event day too far off."""
        if rep.day is not None:
            gap = st.day_gap(rep.day)
            if gap is not None and gap > _setting(self.settings, "date_tolerance"):
                return False
        if rep.event_day is not None and st.event_days:
            etol = _setting(self.settings, "event_day_tolerance")
            if all(abs(rep.event_day - d) > etol for d in st.event_days):
                return False
        return True

    def score(self, st: Story, rep: Report, need: float = 0.0) -> float:
        """How strongly a report belongs to a story; 0 when a guard says it is another happening or when the score
        cannot reach `need` whatever the entities and events say (they are dearer to compare than words)."""
        if not self.guard(st, rep):
            return 0.0
        if self.df is not None and self.df.seen > 1.25 * st.weighted_at + 5:
            # The first reports of a batch were weighed when few documents had been counted: weigh them again.
            keep = _setting(self.settings, "keep_terms")
            st.members = [tfidf(r, self.df, keep=keep) for r in st.raw]
            st.weighted_at = self.df.seen
        # The nearest kept report, not the centroid: reports of one story often pair up by what they quote.
        s = max((cosine(rep.vec, m) for m in st.members), default=0.0)
        if repeats_figures(rep.figures, st.figures, _setting(self.settings, "figure_count")):
            s += _setting(self.settings, "figure_bonus")  # cheap: decided before the dearer signals
        if s + _setting(self.settings, "entity_bonus") + _setting(self.settings, "core_bonus") \
                + _setting(self.settings, "quote_bonus") < need:
            return 0.0
        s += _setting(self.settings, "entity_bonus") * entity_similarity(rep.entities, st.entities, self.ef)
        if same_core(rep.core, st.core, _setting(self.settings, "event_day_tolerance")):
            s += _setting(self.settings, "core_bonus")
        if len(rep.quotes & st.quotes) >= _setting(self.settings, "quote_runs"):
            s += _setting(self.settings, "quote_bonus")
        if place_conflict(rep.core, st.core):
            s *= _setting(self.settings, "place_factor")
        if rep.towns and st.towns and not rep.towns & st.entities.keys() and not st.towns & rep.entities.keys():
            s *= _setting(self.settings, "town_factor")  # the headlines name two towns, each foreign to the other
        if rep.named and st.named and not rep.named & st.entities.keys() and not st.named & rep.entities.keys():
            # Each headline names someone or something the other side never mentions: the same kind of news
            # about two different subjects (two firms' results, two families' condolences).
            s *= _setting(self.settings, "contradiction")
        if marks_conflict(rep.named, st.named):
            s *= _setting(self.settings, "marks_factor")  # «موبايلي» and «الغاز»: two firms' results
        return s

    def add_to(self, st_i: int, rep: Report, doc: Doc) -> Story:
        """Adds a report to story `st_i` and indexes the story's new heavy terms."""
        st = self.stories[st_i]
        st.size += 1
        if len(st.members) < _setting(self.settings, "members_kept"):
            st.members.append(rep.vec)
            st.raw.append(rep.raw)
            if len(st.members) == 1 and self.df is not None:
                st.weighted_at = self.df.seen
        if rep.day is not None and not rep.weak:
            st.day_min = rep.day if st.day_min is None else min(st.day_min, rep.day)
            st.day_max = rep.day if st.day_max is None else max(st.day_max, rep.day)
        if rep.weak and rep.day is not None and st.weak_day is None:
            st.weak_day = rep.day
        if rep.event_day is not None and not rep.weak:
            st.event_days[rep.event_day] += 1
        for k, w in rep.entities.items():
            if k in st.entities or len(st.entities) < MAX_STORY_ENTITIES:
                st.entities[k] += w
        st.named |= rep.named
        st.towns |= rep.towns
        st.core |= rep.core
        if len(st.quotes) < MAX_STORY_QUOTE_PRINTS:
            st.quotes |= rep.quotes
        if len(st.figures) < MAX_STORY_FIGURES:
            st.figures |= rep.figures
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

    Earlier reports are never re-labelled: a report joins an existing story or starts its own. `state()` and
    `load()` save and restore everything needed to go on linking later in another process.
    """

    def __init__(self, settings=None):
        self.settings = settings
        self.df = DocFreq()
        self.ef = EntityFreq()
        self.dedup = Deduper(threshold=_setting(settings, "dedup_threshold"))
        self.index = StoryIndex(settings, self.ef, self.df)
        self.story_of: dict[str, int] = {}
        self.duplicates = 0

    def defer(self, doc: Doc) -> bool:
        """True for a report best linked after the dated reports read with it: it has no date of its own, or only
        a weak guess from the text."""
        return doc.published is None or weakly_dated(doc, _setting(self.settings, "weak_date"))

    def report(self, doc: Doc) -> Report:
        """Reads the linking features of a Doc, counting its terms and entities into the frequencies."""
        title_terms = terms(doc.title or "")
        body_terms = terms(doc.text[:3000], limit=_setting(self.settings, "lead_terms"))
        tf = weighted_ids(title_terms, body_terms)
        self.df.add(tf)
        keep = _setting(self.settings, "keep_terms")
        vec = tfidf(tf, self.df, keep=keep)
        raw = {k: tf[k] for k in tfidf(tf, self.df, keep=2 * keep)}  # room for terms that turn out rarer
        day = day_ordinal(doc.published)
        ents = entity_weights(doc)
        self.ef.add(ents)
        named = headline_entities(doc)
        eday = event_day(doc, day)
        return Report(vec, raw, day, eday, ents, named | marked_names(doc.title), headline_places(doc),
                      core_events(doc, eday if eday is not None else day),
                      quotes=quote_prints(doc), figures=figures(doc),
                      weak=weakly_dated(doc, _setting(self.settings, "weak_date")))

    def add(self, doc: Doc) -> Doc:
        """Sets `doc.duplicate_of` and `doc.story` (and an undated report's date from its story); returns the doc."""
        doc.duplicate_of = self.dedup.add(doc.id, doc.text)
        rep = self.report(doc)
        if doc.duplicate_of is not None and doc.duplicate_of in self.story_of:
            self.duplicates += 1
            best = self.story_of[doc.duplicate_of]
        else:
            best, rep = self._best_story(rep)
        if best is None:
            best = self.index.new(doc)
        st = self.index.add_to(best, rep, doc)
        self.story_of[doc.id] = best
        doc.story = st.id
        if (rep.day is None or rep.weak or doc.published_source == "text" and rep.day != day_ordinal(doc.published)) \
                and st.day_min is not None:
            self._date_from_story(doc, date.fromordinal(st.day_min))
        elif doc.published is None and st.weak_day is not None:
            # Only a guess to go by: take it, with the guess's low confidence.
            self._date_from_story(doc, date.fromordinal(st.weak_day))
            doc.published_confidence = _setting(self.settings, "weak_date") / 2
        return doc

    @staticmethod
    def _date_from_story(doc: Doc, day: date) -> None:
        """An undated report takes its story's date; so does a weakly dated one whose own clue (the weekday of
        "اليوم الثلاثاء") agrees with it. `doc.meta["redate"]` asks the runner to resolve its dates again."""
        if doc.published is not None and date.fromisoformat(doc.published).weekday() != day.weekday():
            return
        if doc.published != day.isoformat():
            doc.meta["redate"] = True
        doc.published, doc.published_source = day.isoformat(), "story"
        doc.published_confidence = None

    def _best_story(self, rep: Report) -> tuple[int | None, Report]:
        """The story the report joins (None: a new one), and the report as it joins it.

        A weakly dated report ("اليوم الثلاثاء" of an unknown year) trusts only its weekday: it may join a dated
        story whose day falls on the same weekday, scored as if it were published that day; it never joins a
        dated story of another weekday; against an undated story it is judged by content, as a dated report is.
        """
        # One threshold, dated or not: a stricter one for undated reports was tried without data to support it.
        need = _setting(self.settings, "threshold")
        best, best_s, best_rep = None, need, rep
        for i in self.index.candidates(rep.vec):
            st = self.index.stories[i]
            cand = rep
            if rep.weak:
                if st.day_min is None:
                    cand = dataclasses.replace(rep, day=None, event_day=None)
                elif (st.day_min - rep.day) % 7 == 0:
                    cand = shifted(rep, st.day_min - rep.day)
                else:
                    continue
            s = self.index.score(st, cand, best_s)
            if s >= best_s:
                best, best_s, best_rep = i, s, cand
        return best, best_rep

    def _threshold(self) -> float:
        return _setting(self.settings, "threshold")

    @property
    def stories(self) -> list[Story]:
        return self.index.stories

    def state(self) -> bytes:
        """The linker's whole running state as a compact blob (see marsad.link.state)."""
        from marsad.link.state import dump

        return dump(self)

    def load(self, blob: bytes) -> None:
        """Restores a state saved by `state()`, replacing this linker's."""
        from marsad.link.state import restore

        restore(self, blob)
