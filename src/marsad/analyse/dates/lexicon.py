"""The date vocabulary (from resources/dates/) and the regular expressions compiled from it.

All patterns run on normalised text (`doc.norm.text`). One scanner pattern finds every temporal expression in a
single pass; each of its alternatives is a *family* (a day range, a day of a month, a weekday, ...). The scanner
has no capturing groups, so it stays fast; a matched stretch is then re-read by the family's own pattern, which
names its parts. Both are built from the same templates, where `{name:...}` marks a named part.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.errors import ResourceFormatError
from marsad.resources import load_tsv, load_yaml, path

_WORDS = "dates/words.yaml"
_MONTHS = "dates/months.tsv"
_WEEKDAYS = "dates/weekdays.tsv"

# A word may carry one proclitic (و ف ب ل: وقبل يومين, لعام 2010); the expression starts after it. A plain \b
# costs a third of a lookbehind test at every position, and the scan runs over every character of every article.
START = r"\b[وفبل]?"
END = r"(?!\w)"
_NAMED = re.compile(r"\{(\w+):")


def _alt(words) -> str:
    """An alternation of normalised words as a prefix tree (the regex engine then tests each shared prefix once,
    which makes the scan several times faster than a flat list); a space inside a word matches any run of spaces."""
    trie: dict = {}
    forms = set()
    for w in words:
        w = normalize(w) if w else ""
        if w:
            # The scanner runs without IGNORECASE (it costs a third of its speed): Latin names get their cases.
            forms |= {w, w.lower(), w.capitalize(), w.upper()} if w.isascii() else {w}
    for w in forms:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(c for c in node if c):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # Longest first: the optional end comes after the longer branches (greedy `?`).
    return f"(?:{body})?" if ends else body


def key(s: str) -> str:
    """The lookup key of a resource word: normalised, lower case, single spaces."""
    return " ".join(normalize(s).lower().split())


def mkey(s: str) -> str:
    """The lookup key of a stretch of already normalised text (a match): lower case, single spaces."""
    return " ".join(s.lower().split())


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Word tables (normalised keys) and the compiled patterns."""

    months: dict[str, tuple[int, bool]]  # name -> (month number, is_hijri)
    weekdays: dict[str, int]
    weekday_needs_cue: frozenset[str]
    modifiers: dict[str, str]  # word -> past | current | future
    day_words: dict[str, int]
    units: dict[str, tuple[str, int]]  # word -> (unit, count); count 0 for a counted form needing a number
    numbers: dict[str, int]
    ordinals: dict[str, int]
    this_words: frozenset[str]
    ago: frozenset[str]
    month_cues: frozenset[str]
    year_cues: frozenset[str]
    future_year_cues: frozenset[str]
    not_year_before: frozenset[str]
    hijri_era: frozenset[str]
    today_not_after: frozenset[str]
    today_not_before: frozenset[str]
    weekday_not_before: frozenset[str]
    date_not_after: frozenset[str]
    first_day_leads: frozenset[str]
    scanner: re.Pattern
    families: dict[str, re.Pattern]


def _templates(w: dict, months, weekdays) -> dict[str, str]:
    """The pattern of each family, in scanner priority order (earlier wins at the same start)."""
    mod = _alt([x for ws in w["modifiers"].values() for x in ws])
    month = _alt(months) + END
    monx = rf"{month}(?:\s*(?:\(\s*{month}\s*\)|[/\-–]\s*{month}|{month}))?"
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
    ordinal = _alt(w["ordinals"]) + END
    era = _alt([x for ws in w["era"].values() for x in ws]) + END
    year = rf"(?:19|20|13|14)\d\d(?!\d)(?:\s*{{era:{era}}})?"
    year_plain = rf"(?:19|20|13|14)\d\d(?!\d)(?:\s*{era})?"
    units_def = _alt([x for u in w["units"].values() for x in u["definite"]]) + END
    this = _alt(w["this"])
    year_of = rf"{_alt(w['year_of'])}\s+(?:{units_def}\s+{mod}|{this}\s+{units_def})" + END
    tail = (rf"(?:\s*[,،]?\s*{{year:{year}}})?(?:\s+{{mod:{mod}}}{END})?(?:\s+{{yof:{year_of}}})?")
    link = r"\s*" + _alt(w["range_links"]) + r"\s*"
    day_word = _alt(w["day_words"]) + END
    day_lead = _alt(w["day_leads"])
    weekday = _alt(weekdays) + END
    num = _alt(w["numbers"]) + END
    one_two = _alt([x for u in w["units"].values() for x in u["one"] + u["two"]]) + END
    counted = _alt([x for u in w["units"].values() for x in u["counted"]]) + END
    ago = _alt(w["ago"] + w["after"]) + END
    return {
        "range": (rf"(?:{_alt(w['range_leads'])}\s+)?{{d1:{day}}}(?:\s+{{m1:{monx}}}(?:\s+{{y1:{year_plain}}})?)?"
                  rf"{link}{{d2:{day}}}\s*(?:من\s+)?{{m2:{monx}}}{tail}"),
        "yrange": rf"{_alt(w['year_range_leads'])}\s+{{y1:(?:19|20)\d\d}}{link}{{y2:(?:19|20)\d\d}}(?!\d)",
        "date": rf"(?:يوم\s+)?{{d:{day}|{ordinal}}}\s*[,،]?\s*(?:من\s+)?{{m:{monx}}}{tail}",
        "numeric": (rf"{{num:\d{{4}}[-/.]\d\d?[-/.]\d\d?|\d\d?[-/.]\d\d?[-/.]\d{{4}}}}(?!\d)"
                    rf"(?:\s*{{era:{era}}})?"),
        "weekday": (rf"(?:{day_lead}\s+)?(?:{{anchor:{day_word}}}\s*\(?\s*)?(?:{day_lead}\s+)?\(?\s*"
                    rf"{{wd:{weekday}}}(?:\s*\))?(?:\s+{{mod:{mod}}}{END})?"),
        "period": rf"(?:{{unit:{units_def}}}\s+{{mod:{mod}}}{END}|{this}\s+{{unit2:{units_def}}})(?:\s+{{year:{year}}})?",
        "ago": rf"{{dir:{ago}}}\s+(?:{{n:\d{{1,3}}|{num}}}\s+{{cu:{counted}}}|{{u:{one_two}}})(?!\s*\d)",
        "year": rf"{{cue:{_alt(w['year_cues'])}}}\s+{{year:{year}}}",
        "month": rf"(?:{{lead:{_alt(w['month_leads'])}}}\s+)?{{m:{monx}}}{tail}",
        "dayword": rf"(?:{day_lead}\s+)?{{anchor:{day_word}}}",
    }


def _first_words(w: dict, months, weekdays) -> str:
    """A gate for the scanner: every expression starts with a digit, a word that is itself temporal (a month, a
    weekday, أمس, العام), or a lead word (في, من, قبل, منتصف) followed by one of those within two words. Testing it
    once at each word start is much cheaper than trying every family there, and most words fail it."""
    strong = list(months) + list(weekdays) + ["يوم"] + list(w["day_words"])
    strong += [x for u in w["units"].values() for x in u["definite"] + u["one"] + u["two"] + u["counted"]]
    weak = w["this"] + list(w["ordinals"]) + list(w["numbers"])
    for k in ("range_leads", "year_range_leads", "day_leads", "ago", "after", "year_cues", "month_leads"):
        weak += w[k]
    core = rf"(?:\d|{_alt(strong)}{END})"
    lead = rf"{_alt(weak)}{END}\s+"
    return rf"(?={core}|{lead}(?:{core}|{lead}{core}))"


def _compile(templates: dict[str, str], gate: str = "") -> tuple[re.Pattern, dict[str, re.Pattern]]:
    def named(t: str) -> str:
        return _NAMED.sub(lambda m: f"(?P<{m.group(1)}>", t).replace("}", ")")

    def bare(t: str) -> str:
        return _NAMED.sub("(?:", t).replace("}", ")")

    # Quantifier braces ({4}, {1,3}) must survive the `}` -> `)` rewrite: protect them first.
    def protect(t: str) -> str:
        return re.sub(r"\{(\d+(?:,\d+)?)\}", lambda m: "\x00" + m.group(1) + "\x01", t)

    def restore(t: str) -> str:
        return t.replace("\x00", "{").replace("\x01", "}")

    fams = {k: re.compile(restore(named(protect(t))), re.I) for k, t in templates.items()}
    scanner = START + gate + "(?:" + "|".join(f"(?P<{k}>{restore(bare(protect(t)))})" for k, t in templates.items()) + ")"
    return re.compile(scanner), fams


def _words(rows, col: str) -> list[str]:
    return [r[col] for r in rows]


@functools.cache
def lexicon() -> Lexicon:
    """The date lexicon and patterns, loaded once per process."""
    w = load_yaml(_WORDS)
    for section in ("modifiers", "day_words", "units", "numbers", "ordinals", "month_leads", "range_links"):
        if section not in (w or {}):
            raise ResourceFormatError(str(path(_WORDS)), 1, f"missing section {section!r}")
    month_rows = load_tsv(_MONTHS, ("name", "month", "calendar"))
    day_rows = load_tsv(_WEEKDAYS, ("name", "weekday"))
    months = {}
    for r in month_rows:
        if not r["month"].isdigit() or not 1 <= int(r["month"]) <= 12:
            raise ResourceFormatError(str(path(_MONTHS)), int(r["_line"]), f"month {r['month']!r} is not 1..12")
        months[key(r["name"])] = (int(r["month"]), r["calendar"] == "hijri")
    units = {}
    for unit, forms in w["units"].items():
        for f in forms["definite"] + forms["one"]:
            units.setdefault(key(f), (unit, 1))
        for f in forms["two"]:
            units.setdefault(key(f), (unit, 2))
        for f in forms["counted"]:
            units.setdefault(key(f), (unit, 0))
    month_names, day_names = _words(month_rows, "name"), _words(day_rows, "name")
    scanner, fams = _compile(_templates(w, month_names, day_names), _first_words(w, month_names, day_names))
    return Lexicon(
        months=months,
        weekdays={key(r["name"]): int(r["weekday"]) for r in day_rows},
        weekday_needs_cue=frozenset(key(r["name"]) for r in day_rows if r.get("needs_cue") == "1"),
        modifiers={key(x): kind for kind, ws in w["modifiers"].items() for x in ws},
        day_words={key(k): int(v) for k, v in w["day_words"].items()},
        units=units,
        numbers={key(k): int(v) for k, v in w["numbers"].items()},
        ordinals={key(k): int(v) for k, v in w["ordinals"].items()},
        this_words=frozenset(key(x) for x in w["this"]),
        ago=frozenset(key(x) for x in w["ago"]),
        month_cues=frozenset(key(x) for x in w["month_cues"]),
        year_cues=frozenset(key(x) for x in w["year_cues"]),
        future_year_cues=frozenset(key(x) for x in w.get("future_year_cues", [])),
        not_year_before=frozenset(key(x) for x in w["not_year_before"]),
        hijri_era=frozenset(key(x) for x in w["era"]["hijri"]),
        today_not_after=frozenset(key(x) for x in w.get("today_not_after", [])),
        today_not_before=frozenset(key(x) for x in w.get("today_not_before", [])),
        weekday_not_before=frozenset(key(x) for x in w.get("weekday_not_before", [])),
        date_not_after=frozenset(key(x) for x in w.get("date_not_after", [])),
        first_day_leads=frozenset(key(x) for x in w.get("first_day_leads", [])),
        scanner=scanner,
        families=fams,
    )
