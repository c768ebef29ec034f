"""Who underwent an act of harm, and who is blamed for an attack.

Unvocalised news tells killings, arrests and kidnappings in the passive without naming the doer ("قتل مبتعث سعودي في
...", "اعتقل أكثر من 200 مدرس إيراني", "أن جنديا تركيا قتل وأصيب آخر"): the verb looks active, so the name after it
(or the subject-first name before it) was read as the doer. Here a person noun of `victim_nouns`, a count, or an
indefinite nationality right after the verb marks the passive: the one named is the target and no source is taken
(an agent marker, read by agency.py, may still name the doer). The accusative ("قتلت جنديا") marks an active verb
whose object is the one named, its doer standing before it. Before the verb, a victim description followed by no
object ("جنديا تركيا قتل وأصيب آخر", "أبو فلان قتل في الهجوم") is the subject of a passive.

A blame ("محملا تنظيم القاعدة المسؤولية") names the alleged doer of the attack told before it: the blamed is never that
attack's target, and is its source when no other is named.
"""
from __future__ import annotations

from marsad.doc import Doc, Span
from marsad.analyse.events import actors as A
from marsad.analyse.events.lexicon import Cue, Grammar

DAMMA = "\u064f"
HARAKAT = frozenset("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
VICTIM_SPAN = 7  # words after a verb of harm within which the victim's description names an actor
BEFORE_GAP = 2  # words (auxiliaries: قد، كانت) between a subject-first victim and the verb
BLAME_REACH = 6  # words after a verb of blame within which the responsibility word stands
PUNCT = "،,.:؛;!?"
PRESENT = frozenset("يتن")


def harm_parties(doc: Doc, sent: Span, c: Cue, sl: list, g: Grammar, src, tgt):
    """(source, target) Slots for a verb of harm read as a passive or with its object named, or None to keep
    the parties found by the general rules."""
    bare = c.word[len(c.prefix):]
    if bare not in c.entry.forms or A.plural_subject(c, g):
        return None  # "اعتقلتهم", "قتلوا 20 شخصا": the verb holds its doer or its object as a pronoun
    words = A.gap_words(doc, c.end, min(sent.end, c.end + 160))
    i = 0
    while i < len(words) and i < 3 and words[i] in g.harm_time_words:
        i += 1
    kind = victim_kind(words[i], g) if i < len(words) else None
    after = [s for s in sl if s.start >= c.end and s.is_actor]
    if kind is None and after and not A.gap_words(doc, c.end, after[0].start)[i:] and _nationality(doc, after[0]):
        kind = "nom"  # "قتل سعودي في ...": a nationality standing for a person
    before = A.gap_words(doc, max(sent.start, c.start - 40), c.start)[-1:]
    if kind is not None and (c.prefix in g.noun_prefixes or before and before[0] in g.prepositions):
        kind = "acc"  # a verbal noun ("قام مقاتلو التنظيم بخطف نحو 230 مدنيا"): the count is its object
    if kind is not None and before and (before[0] in g.complementizers or before[0] in g.obligation_that) \
            and src is not None and src.end <= c.start:
        kind = "acc"  # "بعد أن قتل أكثر من 300 ألف": a hidden pronoun for the one named before is the subject
    if kind is not None:
        victim = _victim_after(doc, c, after, g)
        if kind == "acc":  # active: the doer stands before the verb, or nowhere
            if src is not None and src.start >= c.end:
                src = A.pick_source(doc, c, [s for s in sl if s.end <= c.start], g, c.entry.code.plover)[0]
            return src, victim or tgt
        return None, victim or (tgt if tgt is not None and tgt is not src else None)
    if src is not None and src.end <= c.start and _no_object(doc, c, words, g) and _victim_before(doc, c, src, g):
        return None, src
    if _written_passive(doc, c, bare, g):
        if src is None or src.end <= c.start:
            return None, src or tgt  # "أن رجلا قُتل": the one named before underwent it
        if g.prepositions.isdisjoint(A.gap_words(doc, c.end, src.start)):
            return None, src  # "قُتل مسلح": the one named after it
        return src, tgt  # "قُتل جراء قصف القوات الأوكرانية": the doer of the cause
    return None


def victim_kind(w: str, g: Grammar) -> str | None:
    """"count" ("12", "عشرات"), "nom" (a person noun, bare: the subject of a passive), "acc" (the same noun in the
    accusative or oblique: "جنديا", "مواطنين", the object of an active verb), or None."""
    if w[:1] in "وف" and len(w) > 3 and (w[1:] in g.victim_nouns or w[1:] in g.victim_counts):
        w = w[1:]
    if w.isdigit() or w in g.victim_counts:
        return "count"
    if w in g.victim_nouns:
        return "nom"
    if w.endswith("ا") and w[:-1] in g.victim_nouns:
        return "acc"
    if w.endswith("ين") and (w[:-2] in g.victim_nouns or w[:-2] + "ون" in g.victim_nouns):
        return "acc"
    return None


def _nationality(doc: Doc, s) -> bool:
    """An indefinite nationality mention ("سعودي", "فرنسية"): a person of that country."""
    return s.mention.how == "nisba" and not doc.norm.text[doc.norm.from_original(s.start):][:2] == "ال"


def _victim_after(doc: Doc, c: Cue, after: list, g: Grammar):
    """The first actor within the victim's description after the verb ("مبتعث سعودي", "4 من مرافقي المسؤولين
    اليمنيين"), before any comma or clause break."""
    for s in after:
        gap = A.gap_words(doc, c.end, s.start)
        if len(gap) > VICTIM_SPAN or any(w in g.clause_breaks for w in gap) \
                or any(ch in doc.text[c.end:s.start] for ch in PUNCT) or _leaves_phrase(gap, g):
            return None
        if A.is_place(s, g) or A.is_marked(s, g):
            continue
        return s
    return None


def _leaves_phrase(gap: list[str], g: Grammar) -> bool:
    """A preposition ends the victim's description, except "من" (some of a group) and "في" naming the group, not a
    place ("قيادي في تنظيم القاعدة", but "شرطيين في مدينة ...")."""
    for i, w in enumerate(gap):
        if w in g.group_prepositions:
            if i + 1 < len(gap) and gap[i + 1] in g.place_nouns:
                return True
        elif w in g.prepositions:
            return True
    return False


def _no_object(doc: Doc, c: Cue, words: list[str], g: Grammar) -> bool:
    """Nothing the verb could act on follows it: a preposition, a time, another verb of suffering, or the end."""
    rest = doc.text[c.end:c.end + 3].lstrip()
    if not words or rest[:1] in PUNCT:
        return True
    w = words[0]
    return w in g.prepositions or w in g.harm_no_object or w in g.harm_time_words


def _victim_before(doc: Doc, c: Cue, s, g: Grammar) -> bool:
    """`s`, right before the verb (auxiliaries aside), is described as one harmed: after a victim noun or a count
    ("جنديا تركيا", "خمسة أفراد من قوات الأمن"), a nationality standing for a person ("فرنسية كانت خطفت"), or a person."""
    gap = A.gap_words(doc, s.end, c.start)
    if len(gap) > BEFORE_GAP or any(w not in g.harm_auxiliaries for w in gap):
        return False
    if s.entity.type == "PER" or _nationality(doc, s):
        return True
    prev = list(s.prev)
    if prev and prev[-1] in g.group_prepositions:
        return any(victim_kind(w, g) for w in prev[:-1])
    return bool(prev) and victim_kind(prev[-1], g) is not None


def _written_passive(doc: Doc, c: Cue, bare: str, g: Grammar) -> bool:
    """The verb is passive as written: a passive form ("اغتيل") or a damma on its first letters ("قُتل", "اُعتقل")."""
    if bare in g.harm_passive_forms:
        return True
    if bare[:1] in PRESENT:
        return False  # "يُعذّب" is active (form II)
    raw = doc.text[c.start:c.end]
    k = -1
    for ch in raw:
        if ch in HARAKAT:
            if ch == DAMMA and len(c.prefix) <= k < len(c.prefix) + 3:
                return True
            continue
        k += 1
    return False


def blame(doc: Doc, sent: Span, c: Cue, sl: list, g: Grammar):
    """(where the blame starts, the blamed Slot or None) for a blame after the cue in its sentence, else None."""
    if not g.blame_verbs:
        return None
    nt = doc.norm
    seg = nt.text[nt.from_original(c.end):nt.from_original(sent.end)]
    if not any(w in seg for w in g.responsibility):  # most sentences blame nobody: skip the word split
        return None
    words = A.gap_words(doc, c.end, sent.end)
    k = next((i for i, w in enumerate(words) if w in g.blame_verbs
              and not g.responsibility.isdisjoint(words[i + 1:i + 1 + BLAME_REACH])), None)
    if k is None:
        return None
    r = next(j for j in range(k + 1, k + 1 + BLAME_REACH) if words[j] in g.responsibility)
    found = list(A.WORD.finditer(nt.text, nt.from_original(c.end), nt.from_original(sent.end)))
    pos = nt.span(found[k].start(), found[k].end())[0]
    resp = nt.span(found[r].start(), found[r].end())[0]
    # "محملا تنظيم القاعدة المسؤولية", "وحملت الحكومة مسلحي التنظيم مسؤوليته": the last name before the word of
    # responsibility is the one blamed (a name right after a finite verb is the one who blames)
    inside = [s for s in sl if pos < s.start and s.end <= resp and s.is_actor and not A.is_place(s, g)]
    blamed = inside[-1] if inside else None
    return pos, blamed


def underwent(doc: Doc, cue: Cue, s, g: Grammar) -> bool:
    """`s` is the genitive of a verbal noun of harm that names who underwent it ("مقتل مايكل براون", "بخطف العقيد"),
    not an agent whose object follows with li- ("غزو العراق للكويت")."""
    e = cue.entry
    if e.id not in g.patient_genitive or not (e.kind == "n" or cue.prefix in g.noun_prefixes):
        return False
    if s.mention.how == "nisba":
        return False  # "الغارات التركية": an adjective names the doer
    nxt = A.gap_words(doc, s.end, s.end + 30)[:1]  # the word right after the name: an object with li- or not
    return not (nxt and nxt[0][:1] == "ل" and len(nxt[0]) > 3)
