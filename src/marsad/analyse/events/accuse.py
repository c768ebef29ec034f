"""Accusations told in someone's words: ACCUSE events from quotations.

A statement such as «صالح هو الذي دمر اليمن» or "قال قطان إن الإيرانيين يحاولون العبث بأمن المنطقة" codes no event of
its own verbs as today's happening (the destruction is the speaker's claim), but the speaker accuses the actor it
names. A quotation (direct or reported) with a known speaker yields ACCUSE (CAMEO 112) from the speaker to an actor
named next to a wrong (resources/events/accusations.yaml): as its subject, within a few words before it, or as its
genitive right after it. A wrong the speaker fights ("مكافحة الإرهاب") accuses nobody.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.analyse.events import actors as A
from marsad.analyse.events.lexicon import folded_words, load_codes
from marsad.arabic.normalize import normalize
from marsad.doc import Doc, Event
from marsad.resources import load_yaml

WORD = re.compile(r"\w+")
CLITICS = ("", "و", "ف", "ب", "ل", "ال", "وال", "فال", "بال", "لل", "ولل", "وب", "ول")
ARMED = frozenset({"REB"})  # sectors of armed non-state groups: backing one is a wrong
PREPOSITIONS = folded_words(("في", "من", "على", "إلى", "الى", "عن", "مع", "لدى", "داخل", "بين"))


@dataclass(frozen=True)
class Accusations:
    code: str
    wrongs: dict[str, tuple[tuple[str, ...], ...]]  # first word -> the phrases starting with it (rest of words)
    agentive: frozenset[str]  # wrongs whose next name is the wrongdoer
    adjectives: frozenset[str]  # wrongs that qualify the noun right before them
    linking: frozenset[str]  # pronouns that may stand between a name and its adjective ("هي متطرفة")
    bare_heads: frozenset[str]  # heads that count only without a clitic but و ("سبب الأزمة", not "بسبب الأزمة")
    sponsors: frozenset[str]  # backing words: a wrong only when an armed group is named right after them
    against: frozenset[str]
    before: int
    after: int


@functools.cache
def load_accusations() -> Accusations:
    """The packaged word lists of resources/events/accusations.yaml, folded."""
    y = load_yaml("events/accusations.yaml")
    wrongs: dict[str, list[tuple[str, ...]]] = {}
    causes = y.get("causes") or {}
    phrases = [str(p) for p in y["wrongs"]] + [f"{h} {t}" for h in causes.get("heads", ()) for t in causes.get("troubles", ())]
    phrases += [str(p) for p in y.get("sponsors") or ()]
    for phrase in phrases:
        words = normalize(phrase).split()
        wrongs.setdefault(words[0], []).append(tuple(words[1:]))
    return Accusations(str(y["code"]), {k: tuple(v) for k, v in wrongs.items()}, folded_words(y["agentive"]),
                       folded_words(y["adjectives"]), folded_words(y["linking"]),
                       folded_words(causes.get("heads", ())), folded_words(y.get("sponsors") or ()),
                       folded_words(y["against"]),
                       int(y["before"]), int(y["after"]))


def _bare(word: str, known) -> str | None:
    """`word` without the clitic that makes it one of `known` (a dict or set of folded words), or None."""
    for c in CLITICS:
        if word.startswith(c) and word[len(c):] in known:
            return word[len(c):]
    return None


def accusation_events(doc: Doc, news_day: str | None) -> list[Event]:
    """ACCUSE events from the quotations of `doc` (the quotes and entities stages have run)."""
    acc = load_accusations()
    code = load_codes().get(acc.code)
    if code is None or not doc.quotes:
        return []
    mentions = [(s, e, ent) for s, e, ent, _ in A.all_mentions(doc) if ent.type in A.ACTOR_TYPES]
    out = []
    for q in doc.quotes:
        speaker = doc.entity(q.speaker.entity) if q.speaker is not None and q.speaker.entity else None
        if speaker is None or speaker.type not in A.ACTOR_TYPES:
            continue
        inside = sorted(((s, e, ent) for s, e, ent in mentions if q.start <= s and e <= q.end and ent.id != speaker.id),
                        key=lambda t: (t[0], t[1]))
        if not inside:
            continue
        for start, end, word, head in _wrongs(doc, q.start, q.end, acc):
            if head in acc.sponsors and not _backs_armed_group(doc, inside, end, acc):
                continue  # "تدعم الحل السياسي": backing a cause, not an armed group
            accused = _accused(doc, inside, start, end, acc, head)
            if accused is None:
                continue
            s, e, ent = accused
            if ent.country == speaker.country and (ent.type == "GPE" or ent.sector == "GOV" == speaker.sector):
                continue  # "أمن المملكة", "الحكومة اليمنية تنظر": a speaker does not accuse their own state
            out.append(Event(type=code.plover, cameo=code.cameo, goldstein=code.goldstein,
                             source=A.entity_actor(speaker), target=A.entity_actor(ent), date=_said_on(doc, q, news_day), location=None,
                             evidence_start=min(s, start), evidence_end=max(e, end), cue=word))
    return out


def _said_on(doc: Doc, q, news_day: str | None) -> str | None:
    """The quotation's own date; one that is only the publication date (no date in its sentence) gives way to the
    day the article reports on, as for every other event."""
    return q.date if q.date and q.date != doc.published else (news_day or q.date)


def _wrongs(doc: Doc, a: int, b: int, acc: Accusations) -> list[tuple[int, int, str, str]]:
    """(start, end, text, folded head) of each wrong in doc.text[a:b] that the words before it do not turn against
    itself."""
    nt = doc.norm
    found = list(WORD.finditer(nt.text, nt.from_original(a), nt.from_original(b)))
    words = [m.group() for m in found]
    out = []
    for k, w in enumerate(words):
        if w.startswith("ل") and w[1:2] != "ا":
            continue  # "لجرائم الحرب", "للإرهاب": what something is for, not a wrong pinned on anyone
        head = _bare(w, acc.wrongs)
        if head is None or (head in acc.bare_heads and w not in (head, "و" + head)):
            continue
        for rest in acc.wrongs[head]:
            if tuple(words[k + 1:k + 1 + len(rest)]) != rest:
                continue
            if any(_bare(p, acc.against) for p in words[max(0, k - 2):k]):
                break
            s, e = nt.span(found[k].start(), found[k + len(rest)].end())
            out.append((s, e, doc.text[s:e], head))
            break
    return out


def _accused(doc: Doc, inside, start: int, end: int, acc: Accusations, head: str):
    """The actor a wrong is pinned on: after an agentive wrong, a nisba or an organisation right after it ("التدخل
    الإيراني", "عدوان الحوثيين"; a country's name there is more often the victim); else the nearest actor named
    within `before` words before it, its subject ("صالح هو الذي دمر"), unless a preposition makes that a place or an
    object ("انتهاكات في الهند"). An adjective accuses only the name it qualifies ("داعش الإرهابي")."""
    before = None
    for s, e, ent in inside:
        if _governed(doc, s):
            continue
        if e <= start:
            gap = A.gap_words(doc, e, start)
            if head in acc.adjectives:  # the noun it qualifies, not a nisba qualifying it too ("الصومالية المتطرفة")
                near = not set(gap) - acc.linking and _how(ent, s) != "nisba"
            else:
                near = len(gap) < acc.before
            before = (s, e, ent) if near else before  # the nearest before wins: later ones overwrite
        elif len(A.gap_words(doc, end, s)) < acc.after:
            if head in acc.agentive and (_how(ent, s) == "nisba" or ent.type == "ORG"):
                return s, e, ent
            if head in acc.sponsors and ent.sector not in ARMED and not _governed(doc, s):
                return s, e, ent  # "دعم إيران للحوثيين": the backer is the genitive
            break
    return before


def _backs_armed_group(doc: Doc, inside, end: int, acc: Accusations) -> bool:
    """An armed non-state group is named within a few words after the backing word ("تدعم حزب الله", "دعم إيران
    للحوثيين")."""
    return any(s >= end and ent.sector in ARMED and len(A.gap_words(doc, end, s)) <= acc.after for s, _, ent in inside)


def _governed(doc: Doc, s: int) -> bool:
    """A preposition before the name, glued or not, makes it a place or an object ("في الجيش", "بالعراق")."""
    prev = A.gap_words(doc, max(0, s - 12), s)[-1:]
    return (bool(prev) and prev[0] in PREPOSITIONS) or (s > 0 and doc.text[s - 1].isalpha())


def _how(ent, start: int) -> str:
    return next((m.how for m in ent.mentions if m.start == start), "")
