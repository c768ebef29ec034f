"""Who acted when the text says so with an agent marker, and which names can never act.

A passive act in Arabic news names its doer after a marker ("قتل فتى فلسطيني برصاص الجيش الإسرائيلي", "اعتقل على يد
أفراد من الشرطة", "مقتل عقيد من قبل ..."): the name after the marker is the source, and the one the act befell, named
between the cue and the marker, is the target. Unvocalised text cannot show the passive itself, but an active verb
keeps its doer before the marker, so a marker followed by a name is enough.

Some names are never the doer: a town, governorate or region (not a country and not a capital, which stands for its
government: "موسكو والرياض اتفقتا"), a place opening a dateline ("سبق- أبها:") and a newspaper titled with a place
name ("قالت مصادر لـ«الرياض»"). A city in construct after a noun of a meeting ("مباحثات القاهرة", "مؤتمر جنيف") is
where it happened: a place, never a party.
"""
from __future__ import annotations

from marsad.doc import Doc
from marsad.analyse.events.lexicon import WORD, Cue, Grammar

AGENT_REACH = 10  # words after the cue the marker may stand ("قتل فتى فلسطيني وأصيب آخر في وقت سابق برصاص")
AGENT_SPAN = 7  # words after the marker the doer's name may start ("على يد أفراد من قوة شرطة حرس الحدود")
PATIENT_GAP = 4  # words between a verb and the name it befell ("قتل أمس السبت فتى")
DATELINE_WORDS = 4  # words before a colon that a dateline takes ("عيسى الحربي- سبق- الرياض:")
TITLE_MARKS = "«»\"“”'"  # a place name in these is a title (a newspaper, a programme), not the place


def marked_agent(doc: Doc, cue: Cue, sl: list, g: Grammar):
    """(doer, befallen) Slots when an agent marker after the cue names its doer; the befallen may be None."""
    from marsad.analyse.events.actors import gap_words, is_place

    if not g.agent_markers:
        return None
    nt = doc.norm
    a = nt.from_original(cue.end)
    window = nt.text[a:nt.from_original(min(len(doc.text), cue.end + 200))]
    if not any(m in window for m in _marker_texts(g)):  # most cues have none: skip the word split
        return None
    after = gap_words(doc, cue.end, cue.end + 200)[:AGENT_REACH + 2]
    at = _marker_at(after, g)
    if at is None:
        return None
    k, n = at
    if any(w in g.clause_breaks for w in after[:k]):
        return None
    doer = None
    for s in sl:
        if s.start < cue.end or not s.is_actor:
            continue
        gap = gap_words(doc, cue.end, s.start)
        if len(gap) < k + n:
            continue  # before the marker: a candidate for the one befallen
        if len(gap) - k - n >= AGENT_SPAN or is_place(s, g) or any(w in g.clause_breaks for w in gap[k + n:]):
            return None
        if _punctuated(doc, cue.end, k + n, s.start):
            return None  # "لم يرني من قبل، ولم يستطع": "before", then another clause
        doer = s
        break
    if doer is None:
        return None
    befallen = None
    for s in sl:
        if s.start < cue.end or s.start >= doer.start or not s.is_actor or is_place(s, g):
            continue
        gap = gap_words(doc, cue.end, s.start)
        if len(gap) < k and (cue.entry.kind != "v" or len(gap) <= PATIENT_GAP) and s.entity.id != doer.entity.id:
            befallen = s
        break
    return doer, befallen


def _punctuated(doc: Doc, start: int, n_words: int, end: int) -> bool:
    """A comma or semicolon between the end of the `n_words`-th word after `start` and `end`."""
    nt = doc.norm
    a, b = nt.from_original(start), nt.from_original(end)
    found = list(WORD.finditer(nt.text, a, b))
    if len(found) < n_words:
        return False
    return any(ch in "،,;؛" for ch in nt.text[found[n_words - 1].end():b])


_MARKER_TEXTS: dict[int, tuple[str, ...]] = {}  # id(grammar) -> its markers as text


def _marker_texts(g: Grammar) -> tuple[str, ...]:
    """The agent markers as folded text, for a substring test before the words are split."""
    got = _MARKER_TEXTS.get(id(g))
    if got is None:
        got = _MARKER_TEXTS[id(g)] = tuple(" ".join(p) for p in g.agent_markers)
    return got


def _marker_at(words: list[str], g: Grammar) -> tuple[int, int] | None:
    """(index, length) of the first agent marker among `words`, within AGENT_REACH words."""
    for i, w in enumerate(words[:AGENT_REACH]):
        for p in g.agent_markers:
            if w == p[0] and tuple(words[i:i + len(p)]) == p:
                return i, len(p)
    return None


def never_agent(doc: Doc, s) -> bool:
    """A name that cannot act: a town or region, a dateline's place, a newspaper named after a place."""
    e = s.entity
    if e.type == "LOC":
        return True
    if e.type != "GPE":
        return False
    return not is_country(e.id) and s.start not in capital_starts(doc)


def outside_clause(doc: Doc, s) -> bool:
    """A place name that is no part of its sentence's clause: a dateline's, or a newspaper's title."""
    return s.entity.type == "GPE" and (_titled(doc, s) or _dateline(doc, s))


def capital_starts(doc: Doc) -> frozenset[int]:
    """Where a capital's name stands for its country (the entities stage's "capital" mentions)."""
    return frozenset(m.start for e in doc.entities if e.type == "GPE" for m in e.mentions if m.how == "capital")


def is_country(entity_id: str) -> bool:
    """Whether an entity id is a country's ("gpe:SAU"), not a town's or a region's."""
    code = entity_id.removeprefix("gpe:")
    return len(code) == 3 and code.isupper()


def _titled(doc: Doc, s) -> bool:
    t = doc.text
    return s.start > 0 and t[s.start - 1] in TITLE_MARKS and t[s.end:s.end + 1] in tuple(TITLE_MARKS)


def _dateline(doc: Doc, s) -> bool:
    """The name ends a dateline: a colon right after it, a dash or the paragraph's start a few words before it."""
    t = doc.text
    if t[s.end:s.end + 2].strip()[:1] != ":":
        return False
    line_start = t.rfind("\n", 0, s.start) + 1
    head = t[line_start:s.start]
    return len(head.split()) <= DATELINE_WORDS


def is_venue(s, g: Grammar) -> bool:
    """A city in construct after a noun of a meeting or its outcome ("مباحثات القاهرة", "بإعلان القاهرة"): where it
    happened, not a party."""
    if s.glue or not s.prev or s.entity.type != "GPE" or not g.venue_nouns:
        return False
    w = s.prev[-1]
    if not (w in g.venue_nouns or w[:1] in "وبلفك" and w[1:] in g.venue_nouns
            or w[:2] in ("وب", "ول", "فب") and w[2:] in g.venue_nouns):
        return False
    return not is_country(s.entity.id)


SUCCESS_REST = 3  # words other than links between the subject and the act ("والمقاومة الشعبية، امس، في")
SUCCESS_SPAN = 8  # words between a verb of success and the act it governs ("نجحت قوات من الجيش اليمني، امس، في")


def succeeded_by(doc: Doc, cue: Cue, sl: list, g: Grammar):
    """The subject of a verb of success or seizing that governs the act ("انتزع تنظيم داعش السيطرة على تدمر",
    "نجحت قوات من الجيش في السيطرة"): right after the verb, else right before it and not after an agent marker."""
    from marsad.analyse.events.actors import gap_words, is_marked, is_place

    if not g.success_verbs:
        return None
    nt = doc.norm
    n_end = nt.from_original(cue.start)
    near = list(WORD.finditer(nt.text, max(0, n_end - 120), n_end))[-(SUCCESS_SPAN + 1):]
    k = next((i for i in range(len(near) - 1, -1, -1) if _bare(near[i].group()) in g.success_verbs), None)
    if k is None:
        return None
    v_start, v_end = nt.span(near[k].start(), near[k].end())
    inside = [s for s in sl if v_end <= s.start and s.end <= cue.start and s.is_actor]
    if inside:
        subj = inside[0]
        head = gap_words(doc, v_end, subj.start)  # "نجحت قوات من الجيش": a head noun before the name
        if is_marked(subj, g) or is_place(subj, g) or never_agent(doc, subj) or len(head) > 2 \
                or head[:1] and head[0] in g.prepositions:
            return None
        # "... والمقاومة الشعبية، امس، في السيطرة": a co-subject and a time may stand before the act
        rest = [w for w in gap_words(doc, inside[-1].end, cue.start) if w not in g.success_links]
        return None if len(rest) > SUCCESS_REST or any(w in g.clause_breaks for w in rest) else subj
    if [w for w in gap_words(doc, v_end, cue.start) if w not in g.success_links]:
        return None
    prev = [s for s in sl if s.end <= v_start and s.is_actor]
    if not prev or gap_words(doc, prev[-1].end, v_start) or is_place(prev[-1], g) or never_agent(doc, prev[-1]):
        return None
    words = prev[-1].prev
    if any(words[i:i + len(p)] == p for p in g.agent_markers for i in range(len(words))):
        return None  # "مدعومة بغطاء جوي من قبل طيران التحالف تمكنت": the supporter, not the subject
    return prev[-1]


def _bare(w: str) -> str:
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def condolence_call(doc: Doc, sent, a, b, g: Grammar) -> bool:
    """A meeting, call or visit in a sentence naming condolences (grammar.yaml `condolence`) that is not between two
    states or with an international body: "أجرى الوزير اتصالا لتقديم واجب العزاء لوالد المعلم" is no diplomacy,
    "تلقى ولي العهد اتصالا من ملك المغرب ... عبر عن عزائه" is."""
    from marsad.analyse.events.actors import gap_words

    if not g.condolence or _between_states(a, b):
        return False
    return not g.condolence.isdisjoint(gap_words(doc, sent.start, sent.end))


def _between_states(a, b) -> bool:
    """Both parties are known and belong to different countries, or one is an international body."""
    if a is None or b is None:
        return False
    return "IGO" in (a.sector, b.sector) or bool(a.country and b.country and a.country != b.country)
