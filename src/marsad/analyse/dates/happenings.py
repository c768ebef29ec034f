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
from marsad.analyse.dates.resolve import valid_day
from marsad.arabic.normalize import normalize
from marsad.resources import load_tsv, load_yaml

_TSV = "catalogue/happenings.tsv"
_WORDS = "dates/happening_words.yaml"
_PROCLITICS = "وفبل"
_SENT_END = re.compile(r"[.!?؟\n]")
_WORD = re.compile(r"\w+")
_BEFORE, _AFTER = 30, 60  # characters around a reference read for its tense
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
    names: ahocorasick.Automaton | None  # names that alone refer to a happening (or to a series)
    cues: ahocorasick.Automaton | None  # places that refer to one only next to its day, or narrow a series
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
    names = _automaton({k: v[0] for k, v in keys.items() if v[0]})
    cues = _automaton({k: v[1] for k, v in keys.items() if v[1]})
    tense = tuple((t, _pattern(words["tense"][t])) for t in ("past", "future", "current"))
    kinds = {k: tuple(_words(v)) for k, v in (words.get("kinds") or {}).items()}
    return Catalogue(tuple(haps), names, cues, tense, frozenset(_words(words["past_before"])), kinds,
                     frozenset(words.get("unscheduled") or ()))


def _automaton(keys: dict[str, list[int]]) -> ahocorasick.Automaton | None:
    if not keys:
        return None
    auto = ahocorasick.Automaton()
    for k, ids in keys.items():
        auto.add_word(k, (len(k), tuple(ids)))
    auto.make_automaton()
    return auto


def _hits(text: str, auto, lo: int = 0, hi: int | None = None) -> list[tuple[int, int, tuple[int, ...]]]:
    """(start, end, ids) of whole-word matches in text[lo:hi], longest-leftmost, without overlaps."""
    if auto is None:
        return []
    out = []
    for last, (n, ids) in auto.iter(text, lo, len(text) if hi is None else hi):
        s, e = last - n + 1, last + 1
        if e < len(text) and (text[e].isalnum() or text[e] == "_"):
            continue
        if s > 0 and text[s - 1].isalnum():
            if not (text[s - 1] in _PROCLITICS and (s == 1 or not text[s - 2].isalnum())):
                continue
        out.append((s, e, ids))
    out.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    kept, reach = [], -1
    for h in out:
        if h[0] >= reach:
            kept.append(h)
            reach = h[1]
    return kept


def _sentence(text: str, i: int) -> tuple[int, int]:
    a = max(text.rfind(c, max(0, i - 600), i) for c in ".!?؟\n") + 1
    m = _SENT_END.search(text, i)
    return a, (m.start() if m else len(text))


def _fits_day(h: Happening, month: int, day: int | None) -> bool:
    """Whether a day-month (or a month) falls within the happening's first 200 days (a war is not dated by its
    later months)."""
    last = min(h.end, h.start + timedelta(days=200))
    for y in range(h.start.year, last.year + 1):
        if day is None:
            lo, hi = date(y, month, 1), date(y + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
            if lo <= last and hi >= h.start:
                return True
        elif valid_day(y, month, day) and h.start <= date(y, month, day) <= last:
            return True
    return False


def _narrow(ids: list[int], sent_exprs: list[Expr], years: set[int],
            cat: Catalogue) -> tuple[list[int], list[Expr]]:
    """The instances the sentence's dates allow (`years`: the years it names), and the year-less day-months that
    fall on them."""
    haps = cat.happenings
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
    prev = _WORD.findall(text[max(sent[0], s - 12):s])
    if prev and _is_word(prev[-1], cat.past_before):
        return "past"
    window = text[max(sent[0], s - _BEFORE):s] + " " + text[e:min(sent[1], e + _AFTER)]
    for t, pat in cat.tense:
        if pat.search(window):
            return t
    return ""


def _is_word(w: str, words: frozenset[str]) -> bool:
    """Whether `w` is one of `words`, alone or after a proclitic."""
    return w in words or (len(w) > 3 and w[0] in _PROCLITICS and w[1:] in words)


def _window(alts: list[Happening], tense: str, cat: Catalogue) -> tuple[tuple[tuple[date, date], ...], float]:
    """The days the article may have been written on, and how much that weighs. A past happening only bounds the
    day from below: articles recall old happenings as readily as last week's."""
    one = len(alts) == 1
    far = date(9999, 12, 31)
    if tense == "month_after":
        return tuple(_month_after(h.start) for h in alts), 3.0 if one else 1.5
    if tense == "week_after":
        return tuple((h.start + timedelta(days=1), h.end + timedelta(days=14)) for h in alts), 3.0 if one else 1.5
    if tense == "current":
        return tuple((h.start - timedelta(days=1), h.end + timedelta(days=1)) for h in alts), 3.0 if one else 1.5
    if tense == "future":
        return tuple((h.start - timedelta(days=_AHEAD), h.start - timedelta(days=1)) for h in alts), 2.0 if one else 1.0
    if tense == "past" or alts[0].kind in cat.unscheduled:
        return ((min(h.start for h in alts) + timedelta(days=1), far),), 1.5 if tense == "past" else 1.0
    return (), 0.0


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
    name_hits = _hits(text, cat.names)
    # Places are looked for only where they can count: next to a name, or in a sentence with a day-month.
    day_sents = {_sentence(text, x.start) for x in exprs if x.family in ("date", "range") and x.month and not x.hijri}
    if not name_hits and not day_sents:
        return []
    sents = {_sentence(text, h[0]) for h in name_hits} | day_sents
    cue_hits = {sent: _hits(text, cat.cues, *sent) for sent in sents}
    named = {id(x): x.year for x in exprs if x.year and not x.hijri and x.family != "period"}
    refs = [(h, True) for h in name_hits] + [(h, False) for sent in day_sents for h in cue_hits[sent]]
    out, seen = [], set()
    for (s, e, ids), is_name in refs:
        sent = _sentence(text, s)
        sx = [x for x in exprs if sent[0] <= x.start < sent[1]]
        if is_name:
            near = {i for _, _, c in cue_hits[sent] for i in c}
            ids = [i for i in ids if i in near] or list(ids)
        else:
            ids = _cue_ids(ids, text[sent[0]:sent[1]], sx, cat)
        years = {named[id(x)] for x in sx if id(x) in named}
        ids, on = _narrow(ids, sx, years, cat) if ids else ([], [])
        if not ids or len(ids) > _MAX_ALTERNATIVES or (tuple(ids), s) in seen:
            continue
        seen.add((tuple(ids), s))
        alts = [cat.happenings[i] for i in ids]
        _give_year(on, alts, published)
        if not years:  # a sentence that names the year dates the happening, not the article
            w = _reference_window(alts, _tense(text, s, e, sent, sx, cat), cat)
            if w is not None:
                out.append(w)
    return out


def _reference_window(alts: list[Happening], tense: str, cat: Catalogue) -> Window | None:
    if tense in ("current", "future") and (alts[0].kind in cat.unscheduled or alts[0].kind == "treaty"):
        # "الجاري" or "المقبل" near an attack or a treaty speaks of something else (its trial, its enforcement).
        tense = ""
    spans, weight = _window(alts, tense, cat)
    if not weight:
        return None
    # Only a window of a few days or weeks pins anything (and brings its year among the candidates).
    pins = "month+year" if tense in ("month_after", "week_after", "current") and len(alts) == 1 else ""
    pins = "year" if tense == "future" and len(alts) == 1 else pins
    return Window(spans, weight, pins, f"{'/'.join(h.id for h in alts)} {tense}".strip())


def _give_year(on: list[Expr], alts: list[Happening], published: date | None) -> None:
    years = {h.start.year for h in alts}
    if len(years) != 1:
        return
    y = years.pop()
    if published is not None and (y > published.year or min(h.start for h in alts) > published):
        return
    for x in on:
        x.year = y  # its modifier and "من العام الحالي" stay: they now date the article (infer.clues_of)


@functools.cache
def _date_tense() -> tuple[frozenset[str], frozenset[str], int]:
    w = load_yaml(_WORDS)["date_tense"]
    return frozenset(_words(w["past"])), frozenset(_words(w["future"])), int(w.get("window", 5))


def mark_tense(text: str, exprs: list[Expr]) -> None:
    """Sets `tense` on year-less dates and months without a modifier from the verb just before them: "التي جرت
    في مارس" is past, "سيسافر إلى الصين في مايو" is ahead."""
    past, future, n = _date_tense()
    for x in exprs:
        if x.family not in ("date", "month", "range") or x.year or x.mod or x.hijri:
            continue
        a = max(text.rfind(c, max(0, x.start - 200), x.start) for c in ".!?؟\n") + 1
        for w in reversed(_WORD.findall(text[max(a, x.start - 12 * n):x.start])[-n:]):
            if _is_word(w, past):
                x.tense = "past"
                break
            if _is_word(w, future):
                x.tense = "future"
                break
