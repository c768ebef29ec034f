"""Finding temporal expressions: one scan of the normalised text, each match read into an `Expr`.

An `Expr` says what the text states (a day and a month, a weekday said to be today, "last month"), not yet a
calendar value: that needs the publication date, which may itself be inferred from these expressions.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.analyse.dates.lexicon import Lexicon, lexicon
from marsad.analyse.dates.lexicon import mkey as key

_PREV_WORD = re.compile(r"(\w+)\W*$")
_NEXT_WORD = re.compile(r"\W*(\w+)")
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Expr:
    """A temporal expression as written, with its span in the normalised text."""

    start: int
    end: int
    family: str  # range | yrange | date | numeric | weekday | period | ago | year | month | dayword
    day: int | None = None
    month: int | None = None
    year: int | None = None
    hijri: bool = False
    mod: str | None = None  # past | current | future: الماضي, الجاري, المقبل
    year_rel: int | None = None  # "من العام الماضي" -> -1 (year relative to publication)
    day1: int | None = None  # range start
    month1: int | None = None
    year1: int | None = None
    weekday: int | None = None
    offset: int | None = None  # days from publication (اليوم 0, أمس -1); or a signed count of `unit`
    unit: str | None = None  # day | week | month | year
    lead: bool = False  # a lead word (منتصف, شهر) or a second month name makes a bare month safe
    paired: bool = False
    tense: str | None = None  # past | future, read from the verb before a date without a modifier (happenings.py)

    @property
    def relative(self) -> bool:
        """Whether the value depends on the publication date."""
        if self.family in ("weekday", "dayword", "period", "ago"):
            return self.year is None
        if self.family in ("numeric", "yrange", "year"):
            return False
        return self.year is None


def find(text: str, lex: Lexicon | None = None) -> list[Expr]:
    """All temporal expressions in normalised `text`, in order, without overlaps."""
    lex = lex or lexicon()
    out = []
    for m in lex.scanner.finditer(text):
        fam = m.lastgroup
        g = lex.families[fam].fullmatch(m.group(fam))
        if g is None:  # the family pattern reads the stretch the scanner found; a mismatch would be a bug
            continue
        e = _READERS[fam](g, lex, text, m.start(fam), m.end())
        if e is not None:
            e.start, e.end = m.start(fam), m.end()
            _trim(e, text)
            out.append(e)
    return out


def _trim(e: Expr, text: str) -> None:
    # The patterns may swallow spaces or an unmatched bracket at the edges.
    while e.end > e.start and (text[e.end - 1].isspace() or text[e.end - 1] in "(،,"):
        e.end -= 1
    if e.end > e.start and text[e.end - 1] == ")" and "(" not in text[e.start:e.end - 1]:
        e.end -= 1
    while e.end > e.start and text[e.end - 1].isspace():
        e.end -= 1


def _prev_word(text: str, i: int) -> str:
    m = _PREV_WORD.search(text, max(0, i - 30), i)
    return key(m.group(1)) if m else ""


def _next_word(text: str, i: int) -> str:
    m = _NEXT_WORD.match(text, i, i + 30)
    return key(m.group(1)) if m else ""


def _cued(text: str, i: int, cues: frozenset[str]) -> bool:
    """Whether the word before offset `i` is a cue, with or without a proclitic (وخلال, وفي)."""
    w = _prev_word(text, i)
    return w in cues or (len(w) > 2 and w[0] in "وفبل" and w[1:] in cues)


def _month(lex: Lexicon, s: str | None) -> tuple[int | None, bool, bool]:
    """(month, is_hijri, paired) of a month group that may hold two names (مارس (آذار), آذار/مارس)."""
    if not s:
        return None, False, False
    k = key(s)
    if k in lex.months:
        mo, hj = lex.months[k]
        return mo, hj, False
    # Two names: the first one decides (both name the same month).
    for name in sorted(lex.months, key=len, reverse=True):
        if k.startswith(name):
            mo, hj = lex.months[name]
            return mo, hj, True
    return None, False, False


def _day(lex: Lexicon, s: str | None) -> int | None:
    if not s:
        return None
    d = _DIGITS.match(s)
    return int(d.group()) if d else lex.ordinals.get(key(s))


def _year(g: re.Match, name: str = "year") -> tuple[int | None, bool]:
    y = g.group(name) if name in g.re.groupindex else None
    if not y:
        return None, False
    era = g.group("era") if "era" in g.re.groupindex else None
    return int(y[:4]), bool(era and key(era) in lexicon().hijri_era)


def _tail(e: Expr, g: re.Match, lex: Lexicon) -> None:
    """The year, the modifier and "من العام ..." after a month."""
    e.year, hj_era = _year(g)
    e.hijri = e.hijri or hj_era
    if g.group("mod"):
        e.mod = lex.modifiers.get(key(g.group("mod")))
    yof = g.group("yof")
    if yof:
        words = key(yof).split()
        rel = {"past": -1, "current": 0, "future": 1}
        e.year_rel = rel.get(lex.modifiers.get(words[-1], "current"), 0)
        if words[1] in lex.this_words:
            e.year_rel = 0


def _read_date(g, lex, text, at, end) -> Expr | None:
    mo, hj, paired = _month(lex, g.group("m"))
    e = Expr(0, 0, "date", day=_day(lex, g.group("d")), month=mo, hijri=hj, paired=paired)
    _tail(e, g, lex)
    if e.year is None and e.year_rel is None and _prev_word(text, at + g.start("d")) in lex.date_not_after:
        return None  # فريق «8 مارس»: a bloc named after a day
    return e if e.day and e.month else None


def _read_range(g, lex, text, at, end) -> Expr | None:
    mo, hj, paired = _month(lex, g.group("m2"))
    e = Expr(0, 0, "range", day=_day(lex, g.group("d2")), month=mo, hijri=hj, paired=paired)
    _tail(e, g, lex)
    e.day1 = _day(lex, g.group("d1"))
    e.month1 = _month(lex, g.group("m1"))[0] or e.month
    if g.group("y1"):
        e.year1 = int(g.group("y1")[:4])
    return e if e.day and e.day1 and e.month else None


def _read_yrange(g, lex, text, at, end) -> Expr | None:
    return Expr(0, 0, "yrange", year1=int(g.group("y1")), year=int(g.group("y2")))


def _read_numeric(g, lex, text, at, end) -> Expr | None:
    parts = [int(p) for p in re.split(r"[-/.]", g.group("num"))]
    y, mo, d = parts if parts[0] > 31 else parts[::-1]
    era = g.group("era")
    hj = bool(era and key(era) in lex.hijri_era) or 1300 <= y < 1500
    if not 1 <= mo <= 12 or not 1 <= d <= 31:
        return None
    return Expr(0, 0, "numeric", day=d, month=mo, year=y, hijri=hj)


def _read_weekday(g, lex, text, at, end) -> Expr | None:
    wd = key(g.group("wd"))
    e = Expr(0, 0, "weekday", weekday=lex.weekdays.get(wd))
    if g.group("anchor"):
        e.offset = lex.day_words.get(key(g.group("anchor")))
    if g.group("mod"):
        e.mod = lex.modifiers.get(key(g.group("mod")))
    whole = key(g.group())
    cued = e.offset is not None or e.mod is not None or whole != wd
    if wd in lex.weekday_needs_cue and not cued:
        return None
    if not cued and _next_word(text, end) in lex.weekday_not_before:
        return None  # الأحد عشر: eleven
    return e


def _read_dayword(g, lex, text, at, end) -> Expr | None:
    word = key(g.group("anchor"))
    if word == key(g.group()) and lex.day_words.get(word) == 0 and (
            _prev_word(text, at) in lex.today_not_after or _next_word(text, end) in lex.today_not_before):
        return None  # في اليوم (per day), اليوم الأول (the first day), روسيا اليوم (an outlet): not today
    return Expr(0, 0, "dayword", offset=lex.day_words.get(word))


def _read_period(g, lex, text, at, end) -> Expr | None:
    unit_word = key(g.group("unit") or g.group("unit2"))
    unit = lex.units[unit_word][0]
    if unit == "year" and _prev_word(text, at) in lex.not_year_before:
        return None  # الأمين العام السابق: an office, not last year
    rel = {"past": -1, "current": 0, "future": 1}
    n = rel[lex.modifiers[key(g.group("mod"))]] if g.group("mod") else 0
    e = Expr(0, 0, "period", unit=unit, offset=n)
    y, hijri_era = _year(g)
    if y and unit == "year" and not hijri_era and 1900 <= y <= 2100:
        e.year = y
    return e


def _read_ago(g, lex, text, at, end) -> Expr | None:
    sign = -1 if key(g.group("dir")) in lex.ago else 1
    if g.group("u"):
        unit, n = lex.units[key(g.group("u"))]
    else:
        unit = lex.units[key(g.group("cu"))][0]
        raw = g.group("n")
        n = int(raw) if raw.isdigit() else lex.numbers.get(key(raw), 0)
    if not n:
        return None
    return Expr(0, 0, "ago", unit=unit, offset=sign * n)


def _read_year(g, lex, text, at, end) -> Expr | None:
    y, hj = _year(g)
    if hj or not 1900 <= y <= 2100:
        return None  # a Hijri year alone spans two Gregorian years: not a value of its own
    e = Expr(0, 0, "year", year=y)
    if key(g.group("cue")) in lex.future_year_cues:
        e.mod = "future"  # a target year (بحلول 2030) says nothing about when the text was written
    return e


def _read_month(g, lex, text, at, end) -> Expr | None:
    mo, hj, paired = _month(lex, g.group("m"))
    e = Expr(0, 0, "month", month=mo, hijri=hj, paired=paired, lead=bool(g.group("lead")))
    _tail(e, g, lex)
    if e.lead and key(g.group("lead")) in lex.first_day_leads:
        e.family, e.day = "date", 1  # غرة رمضان: the first day of the month
    safe = e.lead or paired or e.year or e.mod or e.year_rel is not None
    cued = _cued(text, at, lex.month_cues)
    if not safe and not cued:
        return None  # مارس the verb, آب the father
    if hj and not e.year and not (e.lead or cued):
        return None
    return e if mo else None


_READERS = {
    "range": _read_range, "yrange": _read_yrange, "date": _read_date, "numeric": _read_numeric,
    "weekday": _read_weekday, "period": _read_period, "ago": _read_ago, "year": _read_year,
    "month": _read_month, "dayword": _read_dayword,
}
