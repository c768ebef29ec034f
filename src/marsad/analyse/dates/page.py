"""Reading a publication date from page metadata ("تاريخ النشر: 20th, September 2023 GMT", ISO stamps)."""
from __future__ import annotations

import re
from datetime import date

from marsad.analyse.dates.find import find
from marsad.analyse.dates.resolve import resolve
from marsad.arabic.normalize import normalize

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d\d)-(\d\d)(?!\d)")


def parse_page_date(s: str) -> date | None:
    """The calendar day a page metadata string gives, or None when it names no full day.

    Marsad's own grammar reads Arabic and English day-month-year forms and numeric dates; dateparser is the
    fallback for anything else (a page has few such strings, so its cost does not matter here).
    """
    text = normalize(s)
    m = _ISO.search(text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            pass  # not a calendar day: let the grammar and dateparser try the rest of the string
    for e in find(text):
        if e.family in ("date", "numeric") and e.year:
            v, _ = resolve(e, None)
            if v:
                return date.fromisoformat(v)
    return _dateparser(s)


def _dateparser(s: str) -> date | None:
    import dateparser  # imported late: it takes about a second to load

    # Only absolute forms: "منذ 3 ساعات" on an archived page would be read against the wrong clock.
    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
    got = dateparser.parse(s, languages=["ar", "en"], settings=settings)
    return got.date() if got else None
