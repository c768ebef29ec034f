"""Articles that are not news reports: columns, essays, reviews, sermons, biographies, stories.

Events coded in such articles are mostly background, history, figures of speech or the writer's commentary, dated to
the publication day, so the coder codes none there (like sport articles). The test scans the folded text: it
counts the marks of these kinds of writing (the writer's first person outside attributed quotations, vocatives,
question marks, religious formulas, words of books and films, words of a life told) and the anchors of a news report
(a dateline, a news agency near the start, a day named), and flags an article whose marks are dense enough, the bar
rising with each anchor; the anchors are scanned only when the marks pass the lowest bar. Words:
resources/events/genre.yaml.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import ahocorasick

from marsad.arabic.normalize import normalize
from marsad.doc import Doc
from marsad.resources import load_yaml

__all__ = ["Genre", "load_genre", "is_not_news"]

# A dateline at the head of an uncleaned text: "سبق- الرياض:", "عين اليوم – جدة /", "واس – جدة:" (the cleaning stage
# moves most datelines to doc.dateline; this catches the rest).
_DATELINE = re.compile(r"^[-\s]*[^\W\d][^\n/:]{0,40}?\s?[-–ـ]+\s?[^\n–-]{2,30}?[:/\n]")
_PREFIXES = ("", "و", "ف", "ب", "ل")
# A word is looked up with the space or line break before it, so that the scan stops at word starts only ("يا" is
# inside thousands of words); the text is scanned with a space in front.
_BEFORE = (" ", "\n")
_DAY, _AGENCY, _REPORT = "days", "agencies", "reporting"


@dataclass(frozen=True)
class Genre:
    marks: object  # ahocorasick.Automaton: folded word -> (class, weight, length)
    anchors: object  # the same for news anchors (weight 0)
    questions: tuple[str, ...]
    min_words: int
    min_marks: float
    share: float
    per_anchor: float
    max_anchors: int
    agency_reach: int


def _automaton(entries):
    """An automaton of (class, weight, words) entries, each word folded, also after و/ف/ب/ل, after a space or a
    line break."""
    a = ahocorasick.Automaton()
    for cls, weight, words in entries:
        for w in words:
            w = normalize(str(w))
            for p in _PREFIXES:
                for b in _BEFORE:
                    a.add_word(b + p + w, (cls, weight, len(p + w)))
    a.make_automaton()
    return a


@functools.cache
def load_genre() -> Genre:
    """The marks and anchors of resources/events/genre.yaml."""
    y = load_yaml("events/genre.yaml")
    marks = [(k, float(c.get("weight", 1)), c.get("words") or ()) for k, c in (y.get("classes") or {}).items()]
    anchors = [(k, 0.0, y.get(k) or ()) for k in (_AGENCY, _DAY, _REPORT)]
    return Genre(_automaton(marks), _automaton(anchors), tuple(y.get("question_marks") or ()),
                 int(y.get("min_words", 80)), float(y.get("min_marks", 0)), float(y.get("share", 1.0)),
                 float(y.get("per_anchor", 0.0)), int(y.get("max_anchors", 0)), int(y.get("agency_reach", 0)))


def _attributed(doc: Doc) -> list[tuple[int, int]]:
    """Spans of quotations with a known speaker: a first person there is the speaker's, not the writer's."""
    return [(q.start, q.end) for q in doc.quotes or () if q.speaker is not None]


def _count(doc: Doc, automaton, out: dict[str, float], agency_reach: int) -> None:
    """Add the whole-word hits of `automaton` in the folded text to `out`, by class."""
    t = doc.norm.text
    n = len(t)
    quoted = None
    for end, (cls, weight, size) in automaton.iter(" " + t):
        start = end - size  # in t: the padded text is one longer, and its hit ends at t[end - 1]
        if end < n and "\u0621" <= t[end] <= "\u064a":
            continue  # whole words only
        if cls == _AGENCY and start > agency_reach:
            continue
        if cls == "first_person":
            quoted = _attributed(doc) if quoted is None else quoted
            if quoted:
                o = doc.norm.span(start, end)[0]
                if any(a <= o < b for a, b in quoted):
                    continue
        out[cls] = out.get(cls, 0.0) + (weight or 1.0)


def is_not_news(doc: Doc, g: Genre | None = None) -> bool:
    """True when the article reads as a column, review, sermon, biography or story rather than a news report."""
    g = g or load_genre()
    t = doc.norm.text
    words = t.count(" ") + 1
    if words < g.min_words:
        return False
    c: dict[str, float] = {"questions": float(sum(t.count(q) for q in g.questions))}
    _count(doc, g.marks, c, g.agency_reach)
    marks = sum(c.values())
    if marks < g.min_marks or marks < g.share * words:
        return False  # below the bar of an article with no anchor: most news ends here, its anchors unread
    _count(doc, g.anchors, c, g.agency_reach)
    dateline = bool(doc.dateline or _DATELINE.match(doc.text[:90]))
    anchors = min(g.max_anchors, 2 * (dateline or bool(c.get(_AGENCY))) + c.get(_DAY, 0) + c.get(_REPORT, 0))
    return marks >= (g.share + g.per_anchor * anchors) * words
