"""Dated happenings an article refers to, and what they say about the day it was written.

A careful reader dates "the attack on Crocus City Hall last month" to April 2024. The catalogue
(resources/catalogue/happenings.tsv) holds summits, elections, attacks, wars, disasters and deaths with their days;
one Aho-Corasick automaton over the folded text finds their names. A reference is narrowed by what its sentence
says (the host city of a summit, a year, a day-month that fits only one instance) and read for tense ("الماضي",
"المقبل", "على هامش", "الشهر الماضي"); each becomes a window of days in which the article was written. A year-less
day-month in the same sentence that falls on the happening takes its year ("في 22 مارس" -> 2024-03-22).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, timedelta

import ahocorasick

from marsad.analyse.dates.find import Expr
from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv, load_yaml

_TSV = "catalogue/happenings.tsv"
_WORDS = "dates/happening_words.yaml"
_PROCLITICS = "وفبل"
_SENT_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")
_BEFORE, _AFTER = 30, 60  # characters around a reference read for its tense
_RECENT = 365  # a past happening named without a year is usually less than a year old
_AHEAD = 365  # and a coming one less than a year ahead
_MAX_ALTERNATIVES = 3  # a reference fitting more instances than this says too little to date anything


@dataclass(frozen=True, slots=True)
class Happening:
    id: str
    start: date
    end: date
    kind: str
    series: str


@dataclass(slots=True)
class Window:
    """The article was written between `lo` and `hi` (inclusive) for one of the alternatives."""

    spans: tuple[tuple[date, date], ...]
    weight: float
    pins: str  # what a day inside pins: "year" or "month"
    why: str

    def test(self, d: date) -> bool:
        return any(lo <= d <= hi for lo, hi in self.spans)


@dataclass(frozen=True, slots=True)
class Catalogue:
    happenings: tuple[Happening, ...]
    automaton: ahocorasick.Automaton | None
    tense: tuple[tuple[str, re.Pattern], ...]  # (tense, pattern) in order of precedence
    past_before: frozenset[str]
    kinds: dict[str, tuple[str, ...]]
    unscheduled: frozenset[str]


def _words(ws) -> list[str]:
    return [" ".join(normalize(w).split()) for w in ws or () if w]


def _pattern(ws) -> re.Pattern:
    alts = sorted(set(_words(ws)), key=len, reverse=True)
    return re.compile(r"(?<!\w)[وفبل]?(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alts) + r")(?!\w)")


@functools.cache
def catalogue() -> Catalogue:
    """The packaged catalogue of happenings with its automaton, compiled once per process."""
    rows = load_tsv(_TSV, ("id", "start", "end", "kind"))
    words = load_yaml(_WORDS)
    haps, keys = [], {}
    for i, r in enumerate(rows):
        haps.append(Happening(r["id"], date.fromisoformat(r["start"]), date.fromisoformat(r["end"]), r["kind"],
                              r.get("series", "")))
        for col, how in (("names_ar", 0), ("cues_ar", 1)):
            for w in _words((r.get(col) or "").split("|")):
                if len(w) > 2:
                    keys.setdefault(w, ([], []))[how].append(i)
    auto = None
    if keys:
        auto = ahocorasick.Automaton()
        for k, (names, cues) in keys.items():
            auto.add_word(k, (len(k), tuple(names), tuple(cues)))
        auto.make_automaton()
    tense = tuple((t, _pattern(words["tense"][t])) for t in ("past", "future", "current"))
    kinds = {k: tuple(_words(v)) for k, v in (words.get("kinds") or {}).items()}
    return Catalogue(tuple(haps), auto, tense, frozenset(_words(words["past_before"])), kinds,
                     frozenset(words.get("unscheduled") or ()))


def _hits(text: str, cat: Catalogue) -> list[tuple[int, int, tuple[int, ...], tuple[int, ...]]]:
    """(start, end, name ids, cue ids) of whole-word matches, longest-leftmost, without overlaps."""
    out = []
    for last, (n, names, cues) in cat.automaton.iter(text):
        s, e = last - n + 1, last + 1
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            continue
        if s > 0 and text[s - 1].isalnum():
            if not (text[s - 1] in _PROCLITICS and (s == 1 or not text[s - 2].isalnum())):
                continue
        out.append((s, e, names, cues))
    out.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, reach = [], -1
    for h in out:
        if h[0] >= reach:
            kept.append(h)
            reach = h[1]
    return kept


def _sentence(text: str, i: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, i) for c in ".!?؟\n") + 1
    m = _SENT_END.search(text, i)
    return a, (m.start() if m else len(text))


def _fits_day(h: Happening, month: int, day: int | None) -> bool:
    """Whether a day-month (or a month) falls within the happening, in any of its years."""
    d, y = h.start, h.start.year
    while d <= h.end:
        if d.month == month and (day is None or d.day == day):
            return True
        d = date(y + 1, 1, 1) if (d.month, d.day) == (12, 31) else d + timedelta(days=1)
        if (d - h.start).days > 200:  # a long happening (a war) is not dated by its months
            return False
    return False


def _narrow(ids: list[int], sent_exprs: list[Expr], cat: Catalogue) -> tuple[list[int], list[Expr]]:
    """The instances the sentence's dates allow, and the year-less day-months that fall on them."""
    haps = cat.happenings
    years = {e.year for e in sent_exprs if e.year and not e.hijri and e.family != "period"}
    if years:
        fit = [i for i in ids if haps[i].start.year in years or haps[i].end.year in years]
        return fit, []
    days = [e for e in sent_exprs if e.family in ("date", "range") and not e.year and not e.hijri and e.month]
    on = [e for e in days if any(_fits_day(haps[i], e.month, e.day) for i in ids)]
    if on:
        ids = [i for i in ids if any(_fits_day(haps[i], e.month, e.day) for e in on)]
        return ids, on
    months = [e for e in sent_exprs if e.family == "month" and not e.year and not e.hijri and e.month]
    fit = [i for i in ids if any(_fits_day(haps[i], e.month, None) for e in months)]
    return (fit or ids), []


def _tense(text: str, s: int, e: int, sent: tuple[int, int], sent_exprs: list[Expr], cat: Catalogue) -> str:
    """past | future | current | month_after | week_after | "" for a reference at [s, e)."""
    for x in sent_exprs:
        if x.family == "period" and x.offset == -1 and x.unit in ("month", "week") and abs(x.start - e) < 80:
            return f"{x.unit}_after"
    prev = _WORD.findall(text, max(sent[0], s - 12), s)
    if prev and prev[-1].lstrip("وف") in cat.past_before | {prev[-1]} & cat.past_before:
        return "past"
    window = text[max(sent[0], s - _BEFORE):s] + " " + text[e:min(sent[1], e + _AFTER)]
    for t, pat in cat.tense:
        if pat.search(window):
            return t
    return ""


def _window(alts: list[Happening], tense: str, cat: Catalogue) -> tuple[tuple[tuple[date, date], ...], float]:
    """The days the article may have been written on, and how much that weighs."""
    one = len(alts) == 1
    if tense == "month_after":
        spans = tuple(_month_after(h.start) for h in alts)
        return spans, 3.0 if one else 1.5
    if tense == "week_after":
        return tuple((h.start + timedelta(days=1), h.end + timedelta(days=14)) for h in alts), 3.0 if one else 1.5
    if tense == "current":
        return tuple((h.start - timedelta(days=1), h.end + timedelta(days=1)) for h in alts), 3.0 if one else 1.5
    if tense == "future":
        return tuple((h.start - timedelta(days=_AHEAD), h.start - timedelta(days=1)) for h in alts), 2.0 if one else 1.0
    if tense == "past" or alts[0].kind in cat.unscheduled:
        w = 2.0 if tense == "past" else 1.5
        return tuple((h.start + timedelta(days=1), h.end + timedelta(days=_RECENT)) for h in alts), w if one else 1.0
    return tuple((h.start - timedelta(days=_AHEAD), h.end + timedelta(days=_RECENT)) for h in alts), 1.0


def _month_after(d: date) -> tuple[date, date]:
    first = date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def _cue_ids(cues: tuple[int, ...], sent_text: str, sent_exprs: list[Expr], cat: Catalogue) -> list[int]:
    """A cue (a place) names a happening only with a day-month that falls on it and a word of its kind."""
    days = [e for e in sent_exprs if e.family in ("date", "range") and e.month and not e.hijri]
    out = []
    for i in cues:
        h = cat.happenings[i]
        if not any((e.year in (None, h.start.year)) and _fits_day(h, e.month, e.day) for e in days):
            continue
        if any(w in sent_text for w in cat.kinds.get(h.kind, ())):
            out.append(i)
    return out


def read(text: str, exprs: list[Expr], published: date | None = None,
         cat: Catalogue | None = None) -> list[Window]:
    """Windows for the publication day from the happenings `text` refers to. Year-less day-months that fall on a
    referred happening get its year (not one after `published`, when that is known)."""
    cat = cat or catalogue()
    if cat.automaton is None:
        return []
    hits = _hits(text, cat)
    if not hits:
        return []
    out, seen = [], set()
    for s, e, names, cues in hits:
        sent = _sentence(text, s)
        sx = [x for x in exprs if sent[0] <= x.start < sent[1]]
        if names:
            ids = list(names)
            near = {i for s2, e2, _, c2 in hits if sent[0] <= s2 < sent[1] for i in c2}
            ids = [i for i in ids if i in near] or ids
        else:
            ids = _cue_ids(cues, text[sent[0]:sent[1]], sx, cat)
        if not ids:
            continue
        ids, on = _narrow(ids, sx, cat)
        if not ids or len(ids) > _MAX_ALTERNATIVES:
            continue
        alts = [cat.happenings[i] for i in ids]
        _give_year(on, alts, published)
        if any(x.year and not x.hijri for x in sx if x.family != "period"):
            continue  # the sentence dates it: the article's own day is not constrained by it
        key = (tuple(ids), s)
        if key in seen:
            continue
        seen.add(key)
        tense = _tense(text, s, e, sent, sx, cat)
        spans, weight = _window(alts, tense, cat)
        pins = "month" if tense in ("month_after", "week_after", "current") and len(alts) == 1 else "year"
        out.append(Window(spans, weight, pins if len(alts) == 1 else "", f"{'/'.join(h.id for h in alts)} {tense}"))
    return out


def _give_year(on: list[Expr], alts: list[Happening], published: date | None) -> None:
    years = {h.start.year for h in alts}
    if len(years) != 1:
        return
    y = years.pop()
    if published is not None and (y > published.year or min(h.start for h in alts) > published):
        return
    for x in on:
        x.year = y
        x.year_rel = None
        x.mod = None
