"""The Doc and its annotations.

One `Doc` per article flows through the pipeline. `doc.text` is the cleaned body; every annotation holds
character offsets into it (end exclusive). Normalised Arabic for matching is computed on demand
(`doc.norm`), never written over the text.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from marsad.arabic.normalize import NormText


@dataclass(slots=True)
class Span:
    """A stretch of `doc.text`: a sentence, a paragraph or a token."""

    start: int
    end: int


@dataclass(slots=True)
class Mention:
    """One place in the text where an entity is named (or referred to by an office, a nisba, a surname)."""

    start: int
    end: int
    text: str
    how: str = "name"  # name | alias | surname | office | nisba | model | reference (a head noun: "الجبهة")


@dataclass(slots=True)
class Entity:
    """A resolved identity with all its mentions in one document."""

    id: str
    name_en: str
    name_ar: str
    type: str  # PER | ORG | GPE | LOC | MISC
    wikidata: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3 the entity belongs to (a person's country, a city's country)
    sector: str | None = None  # CAMEO-style sector of the role held on the article's date: GOV, MIL, ...
    role: str | None = None  # the dated role in English, e.g. "Minister of Foreign Affairs"
    org: str | None = None  # an international official's organisation (catalogue id), which they act for
    org_en: str | None = None  # that organisation's English name
    lat: float | None = None
    lon: float | None = None
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Speaker:
    """Who a quotation is attributed to: the surface form, and the entity when resolved."""

    text: str
    entity: str | None = None
    name_en: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class Quote:
    """A quotation: `text` excludes the quotation marks; `start`/`end` cover exactly `text`."""

    text: str
    start: int
    end: int
    cue: str
    speaker: Speaker | None
    kind: str = "direct"  # direct | indirect
    date: str | None = None


@dataclass(slots=True)
class DateMention:
    """A temporal expression resolved to the calendar: a day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY)."""

    text: str
    start: int
    end: int
    value: str | None
    end_value: str | None = None
    kind: str = "absolute"  # absolute | relative | range | hijri


@dataclass(slots=True)
class Actor:
    """An event's source or target: an entity when known, coded as country plus sector."""

    entity: str | None = None
    name_en: str | None = None
    country: str | None = None
    sector: str | None = None
    text: str | None = None
    agent: str | None = None  # the official (English name) when the actor is coded as the organisation they serve


@dataclass(slots=True)
class Place:
    name_en: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    entity: str | None = None


@dataclass(slots=True)
class Event:
    """Who did what to whom, when and where, with the evidence in the text."""

    type: str  # PLOVER event type
    cameo: str
    goldstein: float | None
    source: Actor | None
    target: Actor | None
    date: str | None
    location: Place | None
    evidence_start: int
    evidence_end: int
    cue: str = ""
    mode: str | None = None  # PLOVER mode when not a plain happening: negated, intended, hypothetical, reported


@dataclass(slots=True)
class Failure:
    """An input that could not be read or analysed, with the reason kept for the user."""

    source_path: str
    reason: str
    stage: str = "ingest"
    doc_id: str | None = None


@dataclass(slots=True)
class Doc:
    """One article: metadata, cleaned text, and the annotations the stages add."""

    id: str
    text: str
    source_path: str = ""
    part: int = 1
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_source: str | None = None  # input | page | text | story
    published_confidence: float | None = None
    language: str = "ar"
    raw_text: str = ""
    raw_offsets: list[tuple[int, int, int]] = field(default_factory=list)  # (text_start, raw_start, length)
    credits: list[str] = field(default_factory=list)
    dateline: str | None = None
    dateline_place: str | None = None
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story: str | None = None
    duplicate_of: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    _norm: NormText | None = None

    @property
    def norm(self) -> NormText:
        """The normalised text for matching, with a map back to offsets in `text` (computed once)."""
        if self._norm is None:
            self._norm = NormText(self.text)
        return self._norm

    def raw_offset(self, i: int) -> int | None:
        """Maps an offset in `text` back to the decoded source (`raw_text`), or None if it lies in no kept segment."""
        for t_start, r_start, length in self.raw_offsets:
            if t_start <= i <= t_start + length:
                return r_start + (i - t_start)
        return None

    def sentence_at(self, i: int) -> Span | None:
        """The sentence holding offset `i`."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if i < s.start:
                hi = mid
            elif i >= s.end:
                lo = mid + 1
            else:
                return s
        return None

    def entity(self, entity_id: str) -> Entity | None:
        for e in self.entities:
            if e.id == entity_id:
                return e
        return None
