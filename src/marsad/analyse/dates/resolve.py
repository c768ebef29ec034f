"""Resolving an `Expr` to the calendar, given the publication date it is relative to.

A value is as precise as the text: "YYYY-MM-DD", "YYYY-MM" or "YYYY"; ranges also get an end value. Hijri dates
are converted with hijridate (Umm al-Qura tables).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

from marsad.analyse.dates.find import Expr

# The news week of most Arab countries starts on Sunday ("الأسبوع الماضي" = Sunday..Saturday before this week).
WEEK_START = 6  # Python weekday numbering: Monday = 0
# Hijri years hijridate can convert (its Umm al-Qura table).
_HIJRI_YEARS = range(1343, 1501)

Value = tuple[str | None, str | None]


def iso_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def valid_day(y: int, m: int, d: int) -> bool:
    """Whether the Gregorian date exists."""
    return 1 <= m <= 12 and 1 <= y <= 9999 and 1 <= d <= calendar.monthrange(y, m)[1]


def hijri_to_date(y: int, m: int, d: int) -> date | None:
    """The Gregorian date of a Hijri date, or None when it is outside the table or does not exist."""
    if y not in _HIJRI_YEARS or not 1 <= m <= 12 or not 1 <= d <= 30:
        return None
    h = Hijri(y, m, 1)
    if d > h.month_length():
        return None
    return Hijri(y, m, d).to_gregorian()


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def year_for(month: int, day: int | None, anchor_y: int, anchor_m: int, anchor_d: int,
             mod: str | None, year_rel: int | None) -> int:
    """The year of a month (and day) written without one, from how it is placed relative to the anchor."""
    if year_rel is not None:
        return anchor_y + year_rel
    here, there = (anchor_m, anchor_d if day else 0), (month, day or 0)
    if mod == "current":
        return anchor_y
    if mod == "past":
        return anchor_y if there < here else anchor_y - 1
    if mod == "future":
        return anchor_y if there > here else anchor_y + 1
    # No word to place it: the nearest occurrence, leaning to the anchor's own year.
    if month - anchor_m > 6:
        return anchor_y - 1
    if anchor_m - month > 9:
        return anchor_y + 1
    return anchor_y


def _day_value(e: Expr, day: int, month: int, year: int) -> str | None:
    if e.hijri:
        g = hijri_to_date(year, month, day)
        return g.isoformat() if g else None
    return date(year, month, day).isoformat() if valid_day(year, month, day) else None


def _hijri_anchor(anchor: date) -> tuple[int, int, int]:
    h = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri()
    return h.year, h.month, h.day


def _anchor_parts(e: Expr, anchor: date | None) -> tuple[int, int, int] | None:
    if anchor is None:
        return None
    if e.hijri:
        if not 1924 <= anchor.year <= 2076:
            return None
        return _hijri_anchor(anchor)
    return anchor.year, anchor.month, anchor.day


def _calendar_year(e: Expr, day: int | None, anchor: date | None) -> int | None:
    if e.year is not None:
        return e.year
    parts = _anchor_parts(e, anchor)
    if parts is None:
        return None
    # A date with no modifier takes the tense of its clause ("التي جرت في مارس": the last March, which may be
    # the current one, unlike "مارس الماضي").
    if e.mod is None and e.tense == "past" and e.year_rel is None and e.month == parts[1] and (day or 0) <= parts[2]:
        return parts[0]
    return year_for(e.month, day, *parts, e.mod or e.tense, e.year_rel)


def _resolve_date(e: Expr, anchor: date | None) -> Value:
    y = _calendar_year(e, e.day, anchor)
    return (_day_value(e, e.day, e.month, y), None) if y else (None, None)


def _resolve_range(e: Expr, anchor: date | None) -> Value:
    y = _calendar_year(e, e.day, anchor)
    if y is None:
        return None, None
    y1 = e.year1 or (y - 1 if e.month1 > e.month else y)
    end = _day_value(e, e.day, e.month, y)
    start = _day_value(e, e.day1, e.month1, y1)
    if not start or not end or start > end:
        return None, None
    return start, end


def _resolve_month(e: Expr, anchor: date | None) -> Value:
    y = _calendar_year(e, None, anchor)
    if y is None:
        return None, None
    if e.hijri:
        first = hijri_to_date(y, e.month, 1)
        if first is None:
            return None, None
        last = first + timedelta(days=Hijri(y, e.month, 1).month_length() - 1)
        return first.isoformat(), last.isoformat()
    return iso_month(y, e.month), None


def _resolve_weekday(e: Expr, anchor: date) -> Value:
    if e.offset is not None:
        day = anchor + timedelta(days=e.offset)
        if e.weekday is not None and day.weekday() != e.weekday:
            # The named weekday outweighs a metadata date a day or two off (a story filed late at night):
            # the nearest day with that weekday, the earlier one on a tie.
            back, fwd = (day.weekday() - e.weekday) % 7, (e.weekday - day.weekday()) % 7
            day = day - timedelta(days=back) if back <= fwd else day + timedelta(days=fwd)
        return day.isoformat(), None
    back = (anchor.weekday() - e.weekday) % 7
    if e.mod == "past":
        back = back or 7
    elif e.mod == "future":
        fwd = (e.weekday - anchor.weekday()) % 7 or 7
        return (anchor + timedelta(days=fwd)).isoformat(), None
    return (anchor - timedelta(days=back)).isoformat(), None


def _resolve_span(unit: str, n: int, anchor: date, as_range: bool) -> Value:
    """A unit `n` steps from the anchor: a day, a week (Sunday..Saturday when `as_range`), a month or a year."""
    if unit == "day":
        return (anchor + timedelta(days=n)).isoformat(), None
    if unit == "week":
        if not as_range:
            return (anchor + timedelta(weeks=n)).isoformat(), None
        start = anchor - timedelta(days=(anchor.weekday() - WEEK_START) % 7) + timedelta(weeks=n)
        return start.isoformat(), (start + timedelta(days=6)).isoformat()
    if unit == "month":
        return iso_month(*_shift_month(anchor.year, anchor.month, n)), None
    return f"{anchor.year + n:04d}", None


def resolve(e: Expr, anchor: date | None) -> Value:
    """(value, end_value) of an expression; (None, None) when it needs an anchor that is unknown."""
    fam = e.family
    if fam == "numeric":
        return _day_value(e, e.day, e.month, e.year), None
    if fam == "year":
        return f"{e.year:04d}", None
    if fam == "yrange":
        return (f"{e.year1:04d}", f"{e.year:04d}") if e.year1 < e.year else (None, None)
    if fam == "date":
        return _resolve_date(e, anchor)
    if fam == "range":
        return _resolve_range(e, anchor)
    if fam == "month":
        return _resolve_month(e, anchor)
    if fam == "period" and e.year is not None:
        return f"{e.year:04d}", None
    if anchor is None:
        return None, None
    if fam == "weekday":
        return _resolve_weekday(e, anchor)
    if fam == "dayword":
        return (anchor + timedelta(days=e.offset)).isoformat(), None
    if fam == "period":
        return _resolve_span(e.unit, e.offset, anchor, as_range=True)
    if fam == "ago":
        return _resolve_span(e.unit, e.offset, anchor, as_range=False)
    return None, None


def kind_of(e: Expr, end_value: str | None) -> str:
    """The DateMention kind: hijri, range, relative or absolute."""
    if e.hijri:
        return "hijri"
    if end_value is not None:
        return "range"
    return "relative" if e.relative else "absolute"
