"""Inferring the publication date of an undated article from its own temporal expressions.

Every day from a few years back up to "today" is a candidate. Clues that are written relative to the day of
writing constrain it: "اليوم الثلاثاء" (a Tuesday), "أمس الأحد" (the day after a Sunday), "أبريل الجاري" (an April),
"العام الحالي 2024" (in 2024), "اليوم ... 3 أغسطس 2015" (that very day). The candidates that satisfy the most
weight of clues are kept; among them, the one nearest to what the article dates relative to itself ("8 و9 أبريل
الجاري", "مارس الماضي") and to the latest year it names wins, then the most recent. The confidence says how much
was pinned (weekday, month, year) and how many candidates were equally good.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from marsad.analyse.dates.find import Expr
from marsad.analyse.dates.happenings import Window
from marsad.analyse.dates.resolve import resolve, valid_day, year_for

YEARS_BACK = 3  # candidate window before "today" when the text names no year
_DAYS_PER_YEAR_GAP = 365  # how far a year after the latest year the text names weighs, in days of distance
NEAR_MODS = ("current", "past")
USE_TOP_YEAR = True
_RIVAL_DAYS = 7  # a candidate within this many days of cost of the best is an equal rival
_NEAR = 4  # normalised characters between "اليوم الاثنين" and a full date that dates it: " (", "، "


@dataclass(slots=True)
class Clue:
    """One constraint on the publication day, with its weight and what it pins (weekday, month, year, day)."""

    test: Callable[[date], bool]
    weight: float
    pins: str
    why: str
    # The same test over all candidates at once (a boolean array from a `_Cal`); scoring a thousand days per
    # article one call at a time would halve the stage's speed.
    vec: Callable[["_Cal"], np.ndarray] | None = None

    def over(self, cal: "_Cal") -> np.ndarray:
        if self.vec is not None:
            return self.vec(cal)
        return np.fromiter((self.test(d) for d in cal.days), dtype=bool, count=len(cal.days))


@dataclass(frozen=True, slots=True)
class _Cal:
    """The candidate days as arrays: ordinal, year, month, weekday."""

    days: tuple[date, ...]
    ord: np.ndarray
    year: np.ndarray
    month: np.ndarray
    wd: np.ndarray


@functools.cache
def _cal(days: tuple[date, ...]) -> _Cal:
    ords = np.fromiter((d.toordinal() for d in days), dtype=np.int64, count=len(days))
    return _Cal(days, ords, np.fromiter((d.year for d in days), dtype=np.int64, count=len(days)),
                np.fromiter((d.month for d in days), dtype=np.int64, count=len(days)), (ords + 6) % 7)


@dataclass(slots=True)
class Inference:
    published: date
    confidence: float
    clues: list[str] = field(default_factory=list)


def _full_date(e: Expr) -> date | None:
    if e.family in ("date", "numeric") and e.year:
        v, _ = resolve(e, None)
        return date.fromisoformat(v) if v else None
    return None


def clues_of(exprs: list[Expr]) -> list[Clue]:
    """The constraints on the publication day that the expressions carry."""
    out: list[Clue] = []
    for i, e in enumerate(exprs):
        today_off = e.offset if e.family in ("weekday", "dayword") else None
        if today_off is not None and i + 1 < len(exprs) and exprs[i + 1].start - e.end <= _NEAR:
            full = _full_date(exprs[i + 1])
            if full is not None:
                day = full - timedelta(days=today_off)
                out.append(Clue(lambda d, day=day: d == day, 6, "day", f"dated {day}",
                                lambda c, o=day.toordinal(): c.ord == o))
        if e.family == "weekday" and e.offset is not None and e.weekday is not None:
            out.append(Clue(lambda d, o=e.offset, w=e.weekday: (d + timedelta(days=o)).weekday() == w,
                            3, "weekday", f"weekday {e.weekday} at offset {e.offset}",
                            lambda c, o=e.offset, w=e.weekday: (c.wd + o) % 7 == w))
        if e.family in ("date", "range", "month") and e.mod == "current" and not e.hijri:
            out.append(Clue(lambda d, m=e.month: d.month == m, 2, "month", f"month {e.month} is current",
                            lambda c, m=e.month: c.month == m))
            if e.year:
                out.append(Clue(lambda d, y=e.year: d.year == y, 2, "year", f"year {e.year} is current",
                                lambda c, y=e.year: c.year == y))
        if e.family == "period" and e.unit == "year" and e.offset == 0 and e.year:
            out.append(Clue(lambda d, y=e.year: d.year == y, 3, "year", f"this year is {e.year}",
                            lambda c, y=e.year: c.year == y))
        if e.family in ("date", "range", "month") and e.year and e.year_rel is not None and not e.hijri:
            # "22 مارس من العام الحالي" whose year a happening gave: the article's year follows.
            y = e.year - e.year_rel
            out.append(Clue(lambda d, y=y: d.year == y, 3, "year", f"year {y} from a dated day",
                            lambda c, y=y: c.year == y))
        if e.tense == "past" and e.family in ("date", "range") and not e.year and not e.hijri:
            # A day told in the past ("الهجوم الذي وقع في 22 مارس") is before the day of writing, not on it.
            out.append(Clue(lambda d, e=e: _before(e, d), 2, "", f"{e.day}/{e.month} is past"))
    return out


def _before(e: Expr, d: date) -> bool:
    """Whether the year-less day `e`, placed nearest to `d` (or by its "من العام ..."), falls before `d`."""
    y = year_for(e.month, e.day, d.year, d.month, d.day, None, e.year_rel)
    return valid_day(y, e.month, e.day) and date(y, e.month, e.day) < d


def named_years(exprs: list[Expr], today: date) -> list[int]:
    """Gregorian years the text names as facts (not targets), up to today's year."""
    out = []
    for e in exprs:
        if e.hijri or e.mod == "future" or not e.year:
            continue
        if e.family in ("date", "range", "month", "numeric", "year", "yrange", "period") and e.year <= today.year:
            out.append(e.year)
    return out


def _candidates(today: date, years: list[int], back: int, windows=()) -> tuple[date, ...]:
    # The years of a happening the text refers to (one instance only) are candidates too: an old article.
    extra = frozenset(y for w in windows if w.pins for lo, hi in w.spans for y in range(lo.year, hi.year + 1))
    return _days(today, max(years) if years else None, back, extra)


@functools.cache
def _days(today: date, top: int | None, back: int, extra: frozenset[int] = frozenset()) -> tuple[date, ...]:
    """Every day of the candidate years up to today: the last `back` years, the latest named year and the next,
    and the years of the happenings referred to."""
    span = {today.year - i for i in range(back)} | {y for y in extra if y <= today.year}
    if top is not None:
        span |= {top, top + 1}
    out = []
    for y in sorted(span):
        d = date(y, 1, 1)
        end = min(date(y, 12, 31), today)
        while d <= end:
            out.append(d)
            d += timedelta(days=1)
    return tuple(out)


def _gap(d: date, e: Expr) -> int:
    """Days between `d` and what `e` means when written on `d` (0 when `d` falls inside it)."""
    v, end = resolve(e, d)
    if v is None:
        return 0
    lo, hi = _bounds(v), _bounds(end or v, last=True)
    if d < lo:
        return (lo - d).days
    return max(0, (d - hi).days)


def _bounds(v: str, last: bool = False) -> date:
    y = int(v[:4])
    if len(v) == 10:
        return date.fromisoformat(v)
    if len(v) == 7:
        m = int(v[5:7])
        if not last:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return nxt - timedelta(days=1)
    return date(y, 12, 31) if last else date(y, 1, 1)


def infer_published(exprs: list[Expr], today: date, years_back: int = YEARS_BACK,
                    windows: list[Window] = ()) -> Inference | None:
    """The most likely publication day, or None when nothing in the text is dated relative to its writing.
    `windows` are the spans of days that the happenings the text refers to allow (happenings.read)."""
    clues = clues_of(exprs)
    clues += [Clue(w.test, w.weight, w.pins, w.why, functools.partial(_in_spans, w.spans)) for w in windows]
    if not any(c.pins for c in clues):
        return None  # only bounds (a past day, a past happening): nothing dates the text relative to its writing
    years = named_years(exprs, today)
    cal = _cal(_candidates(today, years, years_back, windows))
    score = np.zeros(len(cal.days))
    for c in clues:
        score += c.weight * c.over(cal)
    for y in years:  # a text rarely names a year after its own: each such year costs a clue's weight
        score -= cal.year < y
    pool = [cal.days[i] for i in np.flatnonzero(score == score.max())]
    # Expressions placed relative to the day of writing: the day should lie near what they name.
    # ("22 مارس من العام الحالي" stays one when a happening gave it its year.)
    near = [e for e in exprs if e.family in ("date", "range", "month") and not e.hijri
            and (not e.year or e.year_rel is not None) and (e.mod in NEAR_MODS or e.year_rel == 0)]
    # The latest year the text names is a good guess for its own year only when it also speaks of "this year"
    # (هذا العام, العام الحالي, "من السنة الجارية"): otherwise a named year is background and only bounds the day
    # from below, and the most recent candidate is the better bet (a crawler's "today" is close to publication).
    top = max(years) if years and USE_TOP_YEAR and _speaks_of_this_year(exprs) else None

    def cost(d: date) -> int:
        # A day dated "الجاري" says more about the day of writing than a month called "الماضي".
        c = sum(_gap(d, e) * (2 if e.mod == "current" else 1) for e in near)
        if top is not None:
            c += _DAYS_PER_YEAR_GAP * (d.year - top if d.year >= top else 10 * (top - d.year))
        return c

    costs = [(cost(d), d) for d in pool]
    low = min(c for c, _ in costs)
    pick = max(d for c, d in costs if c == low)
    # Candidates almost as near count as rivals: the confidence shares out between them.
    tied = [d for c, d in costs if c <= low + _RIVAL_DAYS]
    pinned = {p for c in clues if c.test(pick) for p in c.pins.split("+")}
    conf = _confidence(pinned, top is not None and pick.year == top, len(tied))
    return Inference(pick, conf, [c.why for c in clues if c.test(pick)])


def _in_spans(spans, cal: _Cal) -> np.ndarray:
    hit = np.zeros(len(cal.days), dtype=bool)
    for lo, hi in spans:
        hit |= (cal.ord >= lo.toordinal()) & (cal.ord <= hi.toordinal())
    return hit


def _speaks_of_this_year(exprs: list[Expr]) -> bool:
    return any((e.family == "period" and e.unit == "year" and e.offset == 0) or e.year_rel == 0 for e in exprs)


def _confidence(pinned: set[str], year_named: bool, n_tied: int) -> float:
    if "day" in pinned:
        base = 0.9
    else:
        base = 0.3 * ("weekday" in pinned) + 0.25 * ("month" in pinned) + 0.3 * ("year" in pinned)
        base += 0.15 * (year_named and "year" not in pinned)
    return round(max(0.05, min(0.95, base) / n_tied), 2)
