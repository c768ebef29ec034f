"""The dates stage: temporal expressions resolved to the calendar, and the article's publication date.

Arabic news dates things relative to the day it is published ("اليوم الثلاثاء", "أول أمس الأحد", "الشهر الماضي",
"يومي 8 و9 أبريل الجاري"), so the publication date comes first: from the input metadata when given, else from the
page ("تاريخ النشر" lines), else inferred from the text itself. Then every expression is resolved against it.
See docs/dates.md.
"""
from __future__ import annotations

from datetime import date

from marsad.analyse.dates.find import Expr, find
from marsad.analyse.dates.happenings import Window, mark_tense
from marsad.analyse.dates.happenings import read as read_happenings
from marsad.analyse.dates.infer import YEARS_BACK, Inference, infer_published
from marsad.analyse.dates.lexicon import Lexicon, lexicon
from marsad.analyse.dates.page import parse_page_date
from marsad.analyse.dates.resolve import kind_of, resolve
from marsad.arabic.normalize import NormText
from marsad.doc import DateMention, Doc

PAGE_CONFIDENCE = 0.95
# Lines cleaning removed (doc.meta["dropped"]) that may be a dateline carrying the date, and their longest length.
_DATELINE_REASONS = frozenset({"above_first_paragraph", "dateline_prefix"})
_DATELINE_MAX = 120  # a page's own date line can still be a "last updated" stamp


class DateResolver:
    """Sets `doc.dates`, and `doc.published` (with its source and confidence) when the input gave none."""

    name = "dates"
    requires = ("text", "sentences")
    assigns = ("dates", "published")

    def __init__(self, lex: Lexicon, today: date | None = None, years_back: int = YEARS_BACK):
        self.lex = lex
        self._today = today
        self.years_back = years_back

    @classmethod
    def default(cls, settings=None) -> "DateResolver":
        """The resolver with the packaged lexicon; `settings.today` (date or "YYYY-MM-DD") bounds inference."""
        today = getattr(settings, "today", None)
        if isinstance(today, str):
            today = date.fromisoformat(today)
        return cls(lexicon(), today, getattr(settings, "date_years_back", None) or YEARS_BACK)

    @property
    def today(self) -> date:
        return self._today or date.today()

    def __call__(self, doc: Doc) -> Doc:
        exprs = find(doc.norm.text, self.lex)
        page = self._page_dates(doc)
        mark_tense(doc.norm.text, exprs)
        # Happenings the text refers to date its year-less days, and bound its own day when it must be inferred.
        windows = read_happenings(doc.norm.text, exprs, _as_date(doc.published))
        if doc.published is None:
            self._set_published(doc, exprs, page, windows)
        anchor = _as_date(doc.published)
        doc.dates = page + [m for m in (self._mention(doc, e, anchor) for e in exprs) if m is not None]
        return doc

    def _page_dates(self, doc: Doc) -> list[DateMention]:
        """Dates the page states outside the body: "تاريخ النشر" lines, and full dates in a dateline that
        cleaning removed above the first paragraph ("نيويورك 26 شوال 1436 هـ الموافق 11 اغسطس 2015 م واس")."""
        out = []
        for s in doc.meta.get("page_dates") or ():
            d = parse_page_date(s)
            if d is not None:
                out.append(DateMention(s, -1, -1, d.isoformat(), None, "page"))
        for line, why in doc.meta.get("dropped") or ():
            if why in _DATELINE_REASONS and len(line) <= _DATELINE_MAX:
                out.extend(self._full_dates(line))
        return out

    def _full_dates(self, line: str) -> list[DateMention]:
        norm = NormText(line)
        out = []
        for e in find(norm.text, self.lex):
            if e.family in ("date", "numeric") and e.year:
                value, _ = resolve(e, None)
                if value:
                    a, b = norm.span(e.start, e.end)
                    out.append(DateMention(line[a:b], -1, -1, value, None, "page"))
        return out

    def _set_published(self, doc: Doc, exprs: list[Expr], page: list[DateMention], windows: list[Window]) -> None:
        if page:
            doc.published, doc.published_source, doc.published_confidence = page[0].value, "page", PAGE_CONFIDENCE
            return
        inf: Inference | None = infer_published(exprs, self.today, self.years_back, windows)
        if inf is not None:
            doc.published, doc.published_source = inf.published.isoformat(), "text"
            doc.published_confidence = inf.confidence
            doc.meta["published_clues"] = inf.clues

    def _mention(self, doc: Doc, e: Expr, anchor: date | None) -> DateMention | None:
        value, end_value = resolve(e, anchor)
        if value is None and not e.relative:
            return None  # an impossible calendar date (31 فبراير): nothing to report
        start, end = doc.norm.span(e.start, e.end)
        return DateMention(doc.text[start:end], start, end, value, end_value, kind_of(e, end_value))


def _as_date(s: str | None) -> date | None:
    """The day of a "YYYY-MM-DD..." publication string, or None when it is not one."""
    if not s or len(s) < 10:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def date_of_span(doc: Doc, start: int, end: int, *, outside: bool = False) -> str | None:
    """The date of the sentence holding a span: its own date expression nearest before the span, else the
    nearest after it in the same sentence, else the publication date.

    With `outside`, date expressions within the span itself do not count: a quotation is dated by when it was
    said ("قال أمس: «...»"), not by the days it speaks of.
    """
    sent = doc.sentence_at(start)
    if sent is not None:
        inside = [m for m in doc.dates if m.start >= sent.start and m.end <= sent.end and m.value and m.start >= 0
                  and not (outside and start <= m.start < end)]
        before = [m for m in inside if m.end <= start]
        if before:
            return max(before, key=lambda m: m.end).value
        after = [m for m in inside if m.start >= start]
        if after:
            return min(after, key=lambda m: m.start).value
        if inside:
            return inside[0].value
    return doc.published


__all__ = ["DateResolver", "date_of_span", "find", "resolve", "infer_published", "parse_page_date"]
