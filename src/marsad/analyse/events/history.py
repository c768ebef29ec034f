"""History told today: past events that a news article recalls, marked `reported` and dated to their year.

The signs are words of resources/events/grammar.yaml:
- remembrance: an event noun a few words after "ذكرى" or "مرور" ("في ذكرى مرور عام على مقتل شاب", "الذكرى العاشرة
  لهجمات لندن"), or right after a count of years and "على" at the head of its sentence ("ربع قرن على غزو العراق
  للكويت"), is a past event recalled; the count of years, when named, dates it;
- a past auxiliary a few words before a present-tense verb ("حيث كان النظام يطلق النار") tells what used to happen;
- a year: a chronicle line ("1945 - الحرب العالمية الثانية: ...") is dated to its year, and so is an event noun with
  a bare year after it ("قبل انتفاضة 2011", "غزو الكويت 1990").
"""
from __future__ import annotations

import re

from marsad.analyse.events.lexicon import Cue, Grammar
from marsad.doc import Doc, Span

__all__ = ["mark", "dated"]

YEAR = re.compile(r"(?:19|20)\d\d")
DIGITS = re.compile(r"(?:ال)?(\d{1,3})")  # "الـ25" folds to "ال25"
PAUSES = "،,؛;:.!?"  # a remembrance word past one of these belongs to another phrase
HEAD = 4  # words: how near the start of its sentence a count of years opens a recalled event ("ربع قرن على غزو")


def mark(doc: Doc, sent: Span, cues: list[Cue], words: list[str], starts: list[int], g: Grammar,
         wset: set[str] | None = None) -> None:
    """Marks recalled and habitual past cues `reported` (when they have no mode yet) and records in `c.extra` the
    years before publication ("ago") or the year ("year") that the text gives them. `wset`, the sentence's words,
    lets most sentences (no remembrance, no past auxiliary, no year) be passed over at once."""
    if not g.history_reach:
        return
    line_year = _line_year(doc, sent, g)
    if wset is not None and not line_year and g.remembrance.isdisjoint(wset) and g.elapsed_on not in wset \
            and g.past_auxiliaries.isdisjoint(wset) and not any(YEAR.fullmatch(w) for w in wset if len(w) == 4):
        return
    for c in cues:
        if line_year:
            c.extra["year"] = line_year
        ago = _recalled(doc, c, words, starts, g)
        if ago is not None:
            c.mode = c.mode or "reported"
            if ago:
                c.extra["ago"] = ago
        elif c.mode is None and c.entry.kind == "v" and _habitual(c, words, g):
            c.mode = "reported"
        if c.entry.kind == "n" and "year" not in c.extra:
            year = _year_after(words, c.tok, g)
            if year:
                c.extra["year"] = year


def dated(c: Cue, date: str | None, own: str | None, published: str | None) -> str | None:
    """The cue's date once its history is known: a year the text names, or the publication year less the years
    recalled. A date of another year that the sentence gives itself is kept; one read in the publication year is
    dropped for the year alone, since its month may belong to another phrase ("ربع قرن على غزو العراق للكويت ... في
    مارس عام 1973")."""
    year, ago = c.extra.get("year"), c.extra.get("ago")
    if (year is None and not ago) or not published or len(published) < 4 or not published[:4].isdigit():
        return date
    pub = int(published[:4])
    if own and own[:4] != published[:4]:
        return date
    if year is not None:
        return str(year) if year <= pub else date
    return str(pub - ago)


def _recalled(doc: Doc, c: Cue, words: list[str], starts: list[int], g: Grammar) -> int | None:
    """None when the cue is not recalled; else the years it lies back (0 when the text does not say)."""
    k = c.tok
    if c.entry.kind != "n" and not (k and words[k - 1] in g.relatives):
        return None  # a verb after "ذكرى" opens a clause of its own ("في ذكرى الثورة خرج الآلاف"), unless relative
    for a in range(k - 1, max(-1, k - 1 - g.history_reach), -1):
        if words[a] in g.clause_breaks and words[a] not in g.relatives:
            return None
        if words[a] in g.remembrance:
            if any(ch in doc.norm.text[starts[a]:c.nstart] for ch in PAUSES):
                return None
            return _count(words[a + 1:k], g)
    if 2 <= k <= HEAD and words[k - 1] == g.elapsed_on and words[k - 2] in g.year_units:
        return _count(words[:k], g)  # "ربع قرن على غزو العراق للكويت"
    return None


def _count(toks: list[str], g: Grammar) -> int:
    """Years named by the words between a remembrance word and the event: an ordinal or a number right after it
    ("العاشرة", "الرابعة والعشرين", "ال25"), or a count of a unit of years ("عام", "25 عاما", "ربع قرن")."""
    n = 0
    for i, t in enumerate(toks):
        bare = t[1:] if t[:1] == "و" and t[1:] in g.ordinals else t
        if bare in g.ordinals and (i == 0 or n):
            n += g.ordinals[bare]
            continue
        m = DIGITS.fullmatch(t)
        if m and i == 0:
            n = int(m.group(1))
            continue
        if t in g.year_units:
            before = toks[i - 1] if i else ""
            m = DIGITS.fullmatch(before)
            times = int(m.group(1)) if m else g.year_fractions.get(before) or n or 1
            return int(round(times * g.year_units[t]))
    return n


def _habitual(c: Cue, words: list[str], g: Grammar) -> bool:
    """A present-tense verb with a past auxiliary a few words before it ("كان الحوثيون يقصفون")."""
    if c.word[len(c.prefix):][:1] not in g.narrative_present:
        return False
    return any(words[j] in g.past_auxiliaries for j in range(max(0, c.tok - g.past_reach), c.tok))


def _line_year(doc: Doc, sent: Span, g: Grammar) -> int | None:
    """The year that opens a chronicle line ("1945 - ..."), or None."""
    head = doc.text[sent.start:sent.start + 12].lstrip()
    m = YEAR.match(head)
    if not m or m.end() < len(head) and head[m.end()].isdigit():
        return None
    rest = head[m.end():].lstrip()
    return int(m.group()) if rest[:1] and rest[0] in g.year_dashes else None


def _year_after(words: list[str], k: int, g: Grammar) -> int | None:
    """A bare year right after an event noun or its genitive ("انتفاضة 2011", "غزو الكويت 1990"), not a count of
    people after it ("اعتقال 2000 شخص": a noun follows)."""
    for j in (k + 1, k + 2):
        if j >= len(words) or not YEAR.fullmatch(words[j]):
            continue
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if not nxt or nxt in g.prepositions or nxt in g.target_markers or nxt in g.clause_breaks or nxt[:1] in "وف":
            return int(words[j])
    return None
