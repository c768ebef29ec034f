"""Who did it, to whom, and where: source, target and place of an event cue, from the entities of its sentence.

Arabic news is mostly verb-first ("التقى وزير الخارجية الروسي نظيره الصيني"), so a verb's subject is looked for right
after it, then before it (subject-first clauses, "قال X إن Y التقى"). A verbal noun takes its agent from the genitive
right after it ("محادثات لافروف") or from the clause's subject before it ("قال X خلال اجتماعه مع Y"). The target is
the next actor after the cue, preferring one introduced by a marker (مع، على، ضد، نظيره، بـ، لـ). A place is a GPE or
LOC introduced by في or glued بـ; it is not an actor.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.doc import Actor, Doc, Entity, Mention, Place, Span
from marsad.analyse.events.lexicon import WORD, Cue, Grammar
from marsad.analyse.events import patient
from marsad.analyse.events.agency import is_country, is_venue, succeeded_by

ACTOR_TYPES = frozenset({"PER", "ORG", "GPE"})
PLACE_TYPES = frozenset({"GPE", "LOC"})
# Event nouns of these types name no agent by themselves ("الهجوم على ..."): no agent is borrowed from the clause.
AGENTLESS_NOUN_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT", "SANCTION", "AID"})
# Speech-like events whose unnamed agent is the article's main actor ("وأضاف: ...").
SPEECH_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT", "REQUEST", "THREATEN", "AGREE", "CONSULT"})
PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")
QUOTE_MARKS = ":«»"  # a colon or guillemets open a statement; plain quotes often only cite a phrase
MAX_GAP = 12
# Gatherings, signings and ceremonies, whose attendees ("بحضور X") are no party; "قيام المستوطنين بمشاركة وزير
# باقتحام": one who takes part in an attack is its co-agent.
ATTENDED_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT"})  # words between a cue and its target


@dataclass(slots=True)
class Slot:
    """One entity mention in a sentence, with what stands just before it."""

    start: int
    end: int
    entity: Entity
    mention: Mention
    glue: str  # clitic letters glued before the mention in its word (folded)
    prev: tuple[str, ...]  # up to three folded words before the mention's word

    @property
    def is_actor(self) -> bool:
        return self.entity.type in ACTOR_TYPES


def all_mentions(doc: Doc) -> list[tuple[int, int, Entity, Mention]]:
    """Every entity mention of the document, in text order (longer first at the same start)."""
    # a capital's words also stand for its country ("capital" mentions): the city's own mention is the one to read,
    # and "الجيش"/"الحكومة" read as the article's own country's body ("national") is too loose a guess to make an
    # actor of: half the time the noun after a verb is its object ("وحث الحكومة على")
    out = [(m.start, m.end, e, m) for e in doc.entities for m in e.mentions if m.how not in ("capital", "national")]
    out.sort(key=lambda t: (t[0], -t[1]))
    return out


def slots(doc: Doc, sent: Span, mentions: list | None = None) -> list[Slot]:
    """The sentence's entity mentions in text order, with their left context."""
    if mentions is None:
        mentions = all_mentions(doc)
    i = bisect_left(mentions, sent.start, key=lambda t: t[0])
    out = []
    while i < len(mentions) and mentions[i][0] < sent.end:
        out.append(mentions[i])
        i += 1
    res: list[Slot] = []
    last_end = -1
    nt = doc.norm
    n_start = nt.from_original(sent.start)
    for s, e_, ent, m in out:
        if s < last_end:  # nested or overlapping mention: the longer, earlier one stands
            continue
        last_end = e_
        ns = nt.from_original(s)
        words = WORD.findall(nt.text, max(n_start, ns - 40), ns)
        glue = ""
        if s > 0 and doc.text[s - 1].isalpha() and words:
            glue = words.pop()
        res.append(Slot(s, e_, ent, m, glue, tuple(words[-3:])))
    return res


def gap_words(doc: Doc, a: int, b: int) -> list[str]:
    """Folded words of doc.text[a:b]."""
    if b <= a:
        return []
    nt = doc.norm
    return WORD.findall(nt.text, nt.from_original(a), nt.from_original(b))


def is_place(s: Slot, g: Grammar) -> bool:
    if s.entity.type not in PLACE_TYPES:
        return False
    if s.entity.type == "LOC" or is_venue(s, g):
        return True
    bare = s.glue.lstrip("وف")
    if bare in g.place_prefixes or (s.prev and s.prev[-1] in g.place_markers):
        return True
    if s.prev and not s.prev[-1].startswith("ال") and s.prev[-1] not in g.place_nouns:
        return False  # "في تفسير إيران": the name is the genitive of a noun, not a place
    return any(w in g.place_markers for w in s.prev[-3:])


def is_marked(s: Slot, g: Grammar) -> bool:
    bare = s.glue.lstrip("وف")
    if bare in g.place_prefixes and s.entity.type == "GPE" and not is_country(s.entity.id):
        return False  # "في قصره بجدة": bi- before a town says where, not whom
    return bare in g.target_prefixes or (bool(s.prev) and s.prev[-1] in g.target_markers)


def _clause_clear(doc: Doc, a: int, b: int, g: Grammar) -> bool:
    """No clause break between a and b, except a relative pronoun within a few words after the name at a: "وزير
    الدولة الكويتي لشؤون مجلس الوزراء الذي يترأس وفد بلاده في مفاوضات": the name's phrase is the relative clause's
    subject."""
    gap = gap_words(doc, a, b)
    rel = next((i for i, w in enumerate(gap[:4]) if w in g.relatives), None)
    if rel is not None:
        gap = gap[rel + 1:]
    return not any(w in g.clause_breaks for w in gap)


def pick_source(doc: Doc, cue: Cue, sl: list[Slot], g: Grammar, plover: str) -> tuple[Slot | None, bool]:
    """The agent's mention, and whether it stands after the cue (verb-first order or a genitive)."""
    e = cue.entry
    before = [s for s in sl if s.end <= cue.start and s.is_actor and not is_place(s, g) and not is_marked(s, g)
              and not _attributive(doc, s, sl)]
    after = [s for s in sl if s.start >= cue.end and s.is_actor and not is_venue(s, g)]  # "مباحثات القاهرة بين"
    if e.kind == "v" and plural_subject(cue, g):
        after = []  # "واتهموا الحكومة": the verb holds its subject; the name after it is the object
        # ... and that subject stands in the verb's own clause: "قال المرصد إن 12 شخصا قتلوا" is not the Observatory
        # killing anyone (a speaker before إن/أن is outside the reported clause)
        before = [s for s in before if not g.complementizers.intersection(gap_words(doc, s.end, cue.start))]
    if "rev" in e.flags:
        return (before[-2] if len(before) > 1 else None), False
    if "must" in e.flags:  # "وقال الجبير إن الأسد يجب أن يرحل": the speaker, before the one who must leave
        leaver = _leaver(doc, cue, sl, g)
        if leaver is None:
            return None, False  # "... ويجب أن ترحل": the last name before may be the one who must go
        edge = min(leaver.start, cue.start)
        said = [s for s in before if s.end <= edge and s.entity.id != leaver.entity.id]
        return (said[-1] if said else None), False
    if "hal" in e.flags:  # "قال أوباما ...، داعيا المشرعين": the clause's subject, a person first
        people = [s for s in before if s.entity.type == "PER"]
        return (people or before or [None])[0], False
    shared = _shared_subject(doc, cue, before, after, g) if e.kind == "v" else None
    if shared is not None:
        return shared, False
    titled = _titled_subject(doc, cue, after, g) if e.kind == "v" else None
    if titled is not None:
        return titled, True
    first_after = after[0] if after and not is_marked(after[0], g) and not is_place(after[0], g) else None
    if e.kind == "v" and first_after is not None and _oblique_plural(doc, cue, first_after, g):
        first_after = None
    gap_after = gap_words(doc, cue.end, after[0].start) if after else []
    if first_after is not None and not gap_after and patient.underwent(doc, cue, first_after, g):
        first_after = None  # "مقتل مايكل براون": the one killed
    if e.kind == "n" and g.between in gap_after[:2] and after:
        return after[0], True  # "محادثات بين X و Y", "الاجتماع المشترك بين X و Y"
    own_subject = first_after is not None and len(gap_after) <= 4 and not any(w in g.target_markers for w in gap_after)
    fronted = _fronted_subject(doc, cue, sl, g) if e.kind == "v" and not plural_subject(cue, g) else None
    if fronted is not None and not own_subject:
        return fronted, False
    # (after a fronted clause, the name closing it is no subject-first subject: "بعد أن التقى X وفدا من الكويت، دعا")
    if e.kind == "v" and before and fronted is None and not gap_words(doc, before[-1].end, cue.start) \
            and before[-1].mention.how != "nisba":
        if "sym" in e.flags:  # "موسكو والرياض اتفقتا": the first of the pair acts, the other is its partner
            return _chain_start(doc, before), False
        return before[-1], False  # subject-first: "الوزير لافروف، التقى ..." (a nisba qualifies the noun before it)
    if first_after is not None and not any(w in g.target_markers for w in gap_after):
        limit = 4 if e.kind == "v" else 0
        destination = e.kind == "n" and e.code.plover == "CONSULT" and first_after.entity.type == "GPE"
        if len(gap_after) <= limit and not destination:
            return first_after, True
    if e.kind == "n":
        if plover in AGENTLESS_NOUN_TYPES:
            done = _done_by(doc, cue, sl, g) or _light_verb_subject(doc, cue, sl, g) or succeeded_by(doc, cue, sl, g)
            if done is not None:
                return done, done.start > cue.start
        # "اجتماعه": the agent was named before. A meeting or call noun in ta marbuta ("زيارة", "تهنئة") also takes
        # the clause's subject ("قام X بزيارة", "بعث X برقية تهنئة"); an attack or protest noun ("مفخخة", "مظاهرة")
        # only when it carries a real pronoun
        own = carries_pronoun(cue) if plover in AGENTLESS_NOUN_TYPES else cue.word.endswith(PRONOUN_ENDINGS)
        if own and before:
            return before[0], False
        if plover in AGENTLESS_NOUN_TYPES and not _claimed(doc, cue, g):
            return None, False
    for s in reversed(before):
        if _clause_clear(doc, s.end, cue.start, g):
            return s, False
        break
    return None, False


def carries_pronoun(cue: Cue) -> bool:
    """A noun cue with an attached pronoun ("اجتماعه", "محادثاتهم"): its agent was named before. A word that is itself
    a lexicon form ends in its own letter, not a pronoun: "مفخخة", "زيارة" fold to "مفخخه", "زياره" (ta marbuta read
    as ha), and the matcher finds no form + pronoun where the form ends in ta marbuta ("زيارته" is not matched)."""
    return cue.word.endswith(PRONOUN_ENDINGS) and cue.word[len(cue.prefix):] not in cue.entry.forms


FRONT_SPAN = 5  # words between a fronted clause's opener and its subject ("وبينما رحب الناطق باسم الخارجية ...")


def _fronted_subject(doc: Doc, cue: Cue, sl: list[Slot], g: Grammar) -> Slot | None:
    """The subject of a subordinate clause that opens the sentence and ends with a comma right before the verb
    ("وبينما رحب الناطق مارك تونر باشتراك روسيا في الحرب، رفض أي تعاون مع الأسد": Toner refuses, not Russia)."""
    if not sl or not g.subordinators:
        return None
    k = bisect_left(doc.sentences, cue.start + 1, key=lambda s: s.start) - 1
    if k < 0:
        return None
    s_start = doc.sentences[k].start
    head = doc.text[s_start:cue.start].rstrip()
    if not head.endswith(("،", ",")):
        return None
    words = gap_words(doc, s_start, cue.start)
    opener = next((p for p in g.subordinators if tuple(words[:len(p)]) == p), None)
    if opener is None or len(words) < len(opener) + 2:
        return None
    nt = doc.norm
    found = list(WORD.finditer(nt.text, nt.from_original(s_start), nt.from_original(cue.start)))
    verb_end = nt.span(found[len(opener)].start(), found[len(opener)].end())[1]  # the clause's first word: its verb
    inside = [s for s in sl if verb_end <= s.start and s.end <= cue.start and s.is_actor]
    if not inside:
        return None
    titled = _titled_subject(doc, _At(verb_end), inside, g)
    if titled is not None:
        return titled
    first = inside[0]
    if is_marked(first, g) or is_place(first, g) or len(gap_words(doc, verb_end, first.start)) > FRONT_SPAN - 1:
        return None
    return first


@dataclass(slots=True)
class _At:
    """A stand-in for a cue ending at `end`, for helpers that read only where the verb ends."""

    end: int


def _leaver(doc: Doc, cue: Cue, sl: list[Slot], g: Grammar) -> Slot | None:
    """Who must leave: the name right after the verb ("أن يرحل الأسد"), else the one named just before أن or its word
    of obligation ("على الأسد أن يرحل", "الأسد يجب أن يرحل")."""
    for s in sl:
        if s.start >= cue.end and s.is_actor:
            if len(gap_words(doc, cue.end, s.start)) <= 1 and not is_place(s, g):
                return s
            break
    near = [s for s in sl if s.end <= cue.start and s.is_actor and not is_place(s, g)]
    if near and len(gap_words(doc, near[-1].end, cue.start)) <= 3:
        return near[-1]
    return None


def plural_subject(cue: Cue, g: Grammar) -> bool:
    """The verb carries a plural or dual subject ("اتهموا", "يطالبون", "اتفقا", "اتهموها"): a named subject would
    follow a singular verb, so no name after this one is its subject."""
    bare = cue.word[len(cue.prefix):]
    forms = cue.entry.forms
    stems = [(bare, g.subject_endings)]
    for p in g.object_pronouns:
        if bare.endswith(p) and len(bare) - len(p) >= 3:
            stems.append((bare[:-len(p)], g.subject_endings + ("و",)))  # "اتهمو" + "ها"
            break
    for stem, endings in stems:
        for end in endings:
            if not stem.endswith(end) or len(stem) - len(end) < 2:
                continue
            # a long ending is always one; a one- or two-letter "ا", "ان", "و" only beside the bare verb ("اتفقا"
            # beside "اتفق"), else it is the verb's own letter ("دعا", "يدعو")
            if len(end) == 2 and end[0] == "و" or stem[:-len(end)] in forms:
                return True
    return False


def _shared_subject(doc: Doc, cue: Cue, before: list[Slot], after: list[Slot], g: Grammar) -> Slot | None:
    """A request verb joined by و to an earlier clause of its sentence, with a name and then the request's
    preposition after it ("وصف كيري الانتخابات بأنها معيبة وحث الرئيس نكورونزيزا على الحوار"): the name is whom it
    addresses, and the subject is the earlier clause's."""
    if "addressee" not in cue.entry.flags or cue.prefix[:1] != "و" or cue.tok < 3 or not before or not after:
        return None
    end = after[0].end
    for t in after[1:]:  # "الرئيس الفنزويلي نيكولاس مادورو": the nisba and the name form one phrase
        if gap_words(doc, end, t.start):
            break
        end = t.end
    nxt = gap_words(doc, end, end + 12)[:1]  # the word right after the name
    if not nxt or nxt[0] not in g.request_preps:
        return None
    subj = before[-1]
    if any(ch in doc.text[subj.end:cue.start] for ch in QUOTE_MARKS):
        return None  # "قالت حماس: «...»..ودعا": a quotation between closes the earlier clause
    return subj if _clause_clear(doc, subj.end, cue.start, g) else None


def _oblique_plural(doc: Doc, cue: Cue, s: Slot, g: Grammar) -> bool:
    """A plural nisba in the oblique case right after a verb, alone or after the noun it qualifies ("حذر المشرعين
    الأمريكيين"): a subject there would be nominative ("حذر المشرعون الأمريكيون"), so this is the verb's object."""
    if s.mention.how != "nisba":
        return False
    gap = gap_words(doc, cue.end, s.start)
    if not all(w.endswith(g.oblique_plural) for w in gap_words(doc, s.start, s.end)):
        return False
    before = gap_words(doc, max(0, cue.start - 20), cue.start)[-1:]
    if before and before[0] in g.prepositions:
        return False  # "بعد توصل الخصوم الليبيين لاتفاق": a verbal noun, whose genitive is its agent
    # "ودعت الجوازات الأشقاء اليمنيين": a whole definite subject may stand first; a title or a partitive makes the
    # plural its genitive instead ("رئيس الحجاج الإيرانيين", "عدد من المسؤولين اليمنيين" are subjects)
    return len(gap) <= 2 and all((w.endswith(g.oblique_plural) or w.startswith("ال")) and w not in g.title_heads
                                 and w not in g.subject_partitives for w in gap)


def _nominative_plural(doc: Doc, s: Slot, g: Grammar) -> bool:
    """A definite plural (a nisba or a group's name) in the nominative case ("الحوثيون", "المتمردون الحوثيون"): the subject of its clause,
    which an object would not be ("قصف الحوثيون الأحياء"; the object reads "الحوثيين")."""
    if not g.nominative_plural or s.entity.type == "PER":  # "السعدون" is a family name
        return False
    words = gap_words(doc, s.start, s.end)
    return bool(words) and all(w.startswith("ال") and w.endswith(g.nominative_plural) and len(w) > 5 for w in words)


def _coordinated(doc: Doc, s: Slot, sl: list[Slot]) -> Slot | None:
    """The actor joined to `s` by "و" right after it ("موسكو والرياض"), if any."""
    k = sl.index(s) if s in sl else -1
    if 0 <= k < len(sl) - 1:
        t = sl[k + 1]
        if t.is_actor and t.glue[:1] == "و" and not gap_words(doc, s.end, t.start - len(t.glue)):
            return t
    return None


def _chain_start(doc: Doc, before: list[Slot]) -> Slot:
    """The first member of the "X وY وZ" chain that ends with before[-1]."""
    k = len(before) - 1
    while k > 0 and before[k].glue[:1] == "و" and not gap_words(doc, before[k - 1].end,
                                                                 before[k].start - len(before[k].glue)):
        k -= 1
    return before[k]


TITLE_SPAN = 12  # words a title may take between the verb and the person it names


def _titled_subject(doc: Doc, cue: Cue, after: list[Slot], g: Grammar) -> Slot | None:
    """The person a title right after the verb names ("استقبل الأمين العام للأمم المتحدة أنطونيو غوتيريش"): the
    organisation and nisba inside the title describe that person and are neither subject nor target."""
    if not after:
        return None
    head = gap_words(doc, cue.end, after[0].start)[:1]
    if not head or head[0] not in g.title_heads:
        return None
    for s in after:
        if s.entity.type == "PER":
            gap = gap_words(doc, cue.end, s.start)
            if len(gap) > TITLE_SPAN or any(w in g.target_markers or w in g.clause_breaks for w in gap):
                return None
            return s
    return None


def _attributive(doc: Doc, s: Slot, sl: list[Slot]) -> bool:
    """A nisba right after another actor's name describes it ("جبهة التحرير ... اليسارية التركية"): not an actor."""
    if s.mention.how != "nisba":
        return False
    prev = [t for t in sl if t.end <= s.start and t.is_actor]
    if not prev or any(ch in doc.text[prev[-1].end:s.start] for ch in ":«»\"“”،,"):
        return False
    gap = gap_words(doc, prev[-1].end, s.start)
    # only definite adjectives of the nisba and feminine shapes between (اليسارية، المتطرفة): the nisba qualifies
    # the same name
    return len(gap) <= 3 and all(w.startswith("ال") and w.endswith(("ي", "ه")) for w in gap)


LIGHT_SPAN = 5  # words a light verb may stand before its attack noun ("شنت طائرات التحالف العربي غارات")


def _light_verb_subject(doc: Doc, cue: Cue, sl: list[Slot], g: Grammar) -> Slot | None:
    """The subject of a verb that carries out the attack the noun names ("شنت طائرات التحالف غارات", "حركة طالبان
    التي تشن هجمات"): the actor between the verb and the noun, else, for a bare verb, the one before it in its
    clause (not a speaker before إن/أن, nor a name after a preposition)."""
    nt = doc.norm
    n_end = nt.from_original(cue.start)
    near = list(WORD.finditer(nt.text, max(0, n_end - 80), n_end))[-(LIGHT_SPAN + 1):]
    lv = next((m for m in reversed(near) if _bare_word(m.group()) in g.light_verbs), None)
    if lv is None:
        return None
    v_start, v_end = nt.span(lv.start(), lv.end())
    inside = [s for s in sl if v_end <= s.start and s.end <= cue.start and s.is_actor and not is_marked(s, g)]
    if inside:
        return inside[0]
    before = [s for s in sl if s.end <= v_start and s.is_actor and not is_place(s, g) and not is_marked(s, g)
              and not _attributive(doc, s, sl)]
    if not before or any(w in g.complementizers for w in gap_words(doc, before[-1].end, v_start)):
        return None
    return before[-1] if _clause_clear(doc, before[-1].end, v_start, g) else None


DONE_BY_SPAN = 4  # words between an attack noun and the verb that says who carried it out ("الهجمات التي شنها")


def _carried_out(w: str, g: Grammar) -> bool:
    """A light verb carrying an object pronoun for the attack it carries out ("شنه", "نفذها", "ينفذها")."""
    for p in g.object_pronouns:
        if w.endswith(p) and _bare_word(w[:-len(p)]) in g.light_verbs:
            return True
    return False


def _done_by(doc: Doc, cue: Cue, sl: list[Slot], g: Grammar) -> Slot | None:
    """The agent named after an attack noun by a verb that carries it out and points back to it with a pronoun
    ("في هجوم نفذه مسلحون", "القصف والهجمات التي شنها الانفصاليون", "قصف عشوائي نفذه الحوثيون")."""
    after = gap_words(doc, cue.end, cue.end + 60)[:DONE_BY_SPAN]
    j = next((i for i, w in enumerate(after) if _carried_out(w, g)), None)
    if j is None or any(w in g.clause_breaks and w not in g.relatives for w in after[:j]):
        return None
    for s in sl:
        if s.start < cue.end or not s.is_actor:
            continue
        gap = gap_words(doc, cue.end, s.start)
        if len(gap) <= j or not _carried_out(gap[j], g):
            return None  # the first actor after the noun stands before the verb: it is no agent of it
        governed = s.glue or (s.prev and s.prev[-1] in g.prepositions)  # "شنته تلك القوات من عدن": a place
        return s if len(gap) - j - 1 <= 3 and not governed and not is_marked(s, g) and not is_place(s, g) else None
    return None


def _bare_word(w: str) -> str:
    """A folded word without a leading wa-/fa-."""
    return w[1:] if len(w) > 3 and w[0] in "وف" else w


def _claimed(doc: Doc, cue: Cue, g: Grammar) -> bool:
    """"أعلن التنظيم مسؤوليته عن إطلاق النار", "أعلنت الجبهة تنفيذ الهجوم": whoever claims the attack is its agent."""
    prev = gap_words(doc, max(0, cue.start - 40), cue.start)
    if len(prev) >= 2 and prev[-2] in g.claims and prev[-1] == "عن":
        return True
    return not g.executions.isdisjoint(prev[-4:])  # "أعلنت الجبهة تنفيذ أحد أعضائها الهجوم"


def pick_target(doc: Doc, cue: Cue, sl: list[Slot], src: Slot | None, g: Grammar) -> Slot | None:
    """The other party: the next actor after the cue (and after a following subject), within the clause."""
    flags = cue.entry.flags
    if "must" in flags:
        return _leaver(doc, cue, sl, g)
    if "rev" in flags:
        before = [s for s in sl if s.end <= cue.start and s.is_actor and not is_place(s, g)]
        return before[-1] if before else None
    if "sym" in flags and src is not None and src.end <= cue.start:
        partner = _coordinated(doc, src, sl)
        if partner is not None and partner.end <= cue.start:
            return partner  # "موسكو والرياض اتفقتا"
    start = cue.end if src is None or src.start < cue.start else src.end
    joined = src  # the last member of the subject: "وتتهم واشنطن ولندن وباريس الجيش" has three
    partner = None  # "اتفقت مصر والسعودية": the second of a pair that does a two-sided thing
    for s in sl:
        if s.start < start or s is src or (src is not None and s.entity.id == src.entity.id):
            continue
        if joined is not None and _conjoined(doc, joined, s, g):
            if "sym" in flags and joined is src and s.is_actor:
                partner = s
            joined = s  # "ولندن": coordinated with the subject, not its object
            continue
        if partner is not None and not (s.prev and s.prev[-1] in g.target_markers):
            return partner  # no "مع X" after the pair: the relation is between the two
        gap = gap_words(doc, cue.end, s.start)
        # counted from the subject when it follows the verb: a long title there is no distance from the object
        if len(gap if start == cue.end else gap_words(doc, start, s.start)) > MAX_GAP:
            return partner
        if any(w in g.clause_breaks for w in gap):
            return s if _maker_of_object(cue, gap_words(doc, start, s.start), s, g) else partner
        if cue.entry.code.plover in ATTENDED_TYPES and not g.attendance.isdisjoint(gap):
            return partner  # "اجتماع اللجنة بحضور الدكتور ...": whoever attended is no party to it
        if "gpe_target" in flags:  # "توجه الى موسكو": the place right after the preposition
            return s if s.entity.type == "GPE" and len(gap) <= 3 else None
        if "notarget" in flags:
            return s if s.prev and s.prev[-1] == g.against else None
        if not s.is_actor or (is_place(s, g) and not is_marked(s, g)) or _attributive(doc, s, sl):
            continue  # a nisba describing the name before it ("معهد بحثي أمريكي") is not the other party
        if _nominative_plural(doc, s, g):
            continue  # "جراء قصف الحوثيون ...": a subject, never an object
        if any(_carried_out(w, g) for w in s.prev[-2:]):
            continue  # "قتل مدنيون في قصف نفذه الحوثيون": the agent of the shelling, not a victim
        return s
    return partner


def _conjoined(doc: Doc, a: Slot, b: Slot, g: Grammar) -> bool:
    """`b` is joined to `a` by "و", glued to it ("ولندن") or to one head noun before it ("الحوثيون وقوات صالح")."""
    if b.glue[:1] == "و":
        return not gap_words(doc, a.end, b.start - len(b.glue))
    gap = gap_words(doc, a.end, b.start)
    if len(gap) != 1 or gap[0][:1] != "و" or len(gap[0]) < 4 or any(ch in doc.text[a.end:b.start] for ch in "،,:؛"):
        return False
    if a.prev and a.prev[-1] == g.between:
        return False  # "الهدنة بين أنقرة ومسلحي الحزب": the two sides, not one
    head = gap[0][1:]
    return head not in g.prepositions and head not in g.target_markers and head[:1] not in "بل"


JUDGED_TYPES = frozenset({"SUPPORT", "ACCUSE", "REJECT"})


def _maker_of_object(cue: Cue, gap: list[str], s: Slot, g: Grammar) -> bool:
    """Whether `s` made the thing the cue judges, named by a relative clause right after it: "رحبت البعثة بحزمة
    الإصلاحات التي قدمها رئيس الوزراء", "أدان الهجوم الذي نفذه التنظيم" (the verb carries a pronoun standing for
    the thing; without one, as in "الهجوم الذي استهدف المسجد", the name is the victim, not the maker)."""
    if cue.entry.code.plover not in JUDGED_TYPES or not s.is_actor:
        return False
    rel = next((i for i, w in enumerate(gap) if w in g.relatives), None)
    # the object takes one to three words; after the verb, perhaps a title ("رئيس الوزراء"), no preposition
    if rel is None or not 1 <= rel <= 3 or not 2 <= len(gap) - rel <= 4 or s.glue:
        return False
    title = gap[rel + 2:]
    if any(w in g.clause_breaks or w[:1] in "بل" and w not in g.title_heads for w in title):
        return False
    return gap[rel + 1].endswith(PRONOUN_ENDINGS) and not any(w in g.clause_breaks for w in gap[:rel])


def quote_speaker(doc: Doc, cue: Cue) -> Slot | None:
    """The speaker of the quotation holding the cue, as a Slot, when the quotes stage resolved one."""
    for q in doc.quotes:
        if q.start <= cue.start < q.end and q.speaker is not None and q.speaker.entity:
            e = doc.entity(q.speaker.entity)
            if e is not None and e.mentions:
                m = e.mentions[0]
                return Slot(m.start, m.end, e, m, "", ())
    return None


def antecedent(doc: Doc, pos: int, exclude: str | None = None) -> Slot | None:
    """Whom an attached pronoun before `pos` refers to: the last person named before it, else the last
    organisation ("وحاول أوباما ... لكنه دعا": Obama); never the entity `exclude` (the speaker)."""
    best: tuple[int, int, Entity, Mention] | None = None
    best_org = None
    for e in doc.entities:
        if e.type not in ("PER", "ORG") or (exclude is not None and e.id == exclude):
            continue
        for m in e.mentions:
            if m.end <= pos:
                if e.type == "PER" and (best is None or m.start > best[0]):
                    best = (m.start, m.end, e, m)
                elif e.type == "ORG" and (best_org is None or m.start > best_org[0]):
                    best_org = (m.start, m.end, e, m)
    hit = best or best_org
    return Slot(hit[0], hit[1], hit[2], hit[3], "", ()) if hit else None


def pick_place(doc: Doc, cue: Cue, sl: list[Slot], g: Grammar) -> Slot | None:
    """The place of the event: a GPE/LOC introduced as a place in the sentence, the nearest to the cue."""
    places = [s for s in sl if is_place(s, g)]
    if not places:
        return None
    return min(places, key=lambda s: abs(s.start - cue.start) + (0 if s.start >= cue.end else 5))


def entity_actor(e: Entity, text: str | None = None) -> Actor:
    """An entity coded as an actor: country plus sector (a state keeps sector empty). An international official
    acts for their organisation (CAMEO codes the IAEA's director as the IAEA): the actor is the organisation and
    `agent` names the official."""
    if e.org:
        return Actor(entity=e.org, name_en=e.org_en, country=None, sector="IGO", text=text, agent=e.name_en)
    sector = None if e.type == "GPE" else e.sector
    return Actor(entity=e.id, name_en=e.name_en, country=e.country, sector=sector, text=text)


def actor_of(s: Slot | None) -> Actor | None:
    """An entity mention coded as an actor, with the words that name it."""
    return None if s is None else entity_actor(s.entity, s.mention.text)


def place_of(e: Entity | None) -> Place | None:
    if e is None:
        return None
    return Place(name_en=e.name_en, country=e.country, lat=e.lat, lon=e.lon, entity=e.id)


def main_actor(doc: Doc) -> Entity | None:
    """The article's main actor: the person (else organisation) mentioned most, earliest on ties."""
    best, key = None, None
    for i, e in enumerate(doc.entities):
        if e.type not in ("PER", "ORG") or not e.mentions:
            continue
        k = (e.type == "PER", len(e.mentions), -min(m.start for m in e.mentions))
        if key is None or k > key:
            best, key = e, k
    return best


def dateline_place(doc: Doc) -> Entity | None:
    """The entity the dateline names (doc.dateline_place or doc.dateline), if the entities stage found it."""
    want = normalize(doc.dateline_place or doc.dateline or "").strip()
    if not want:
        return None
    for e in doc.entities:
        if e.type in PLACE_TYPES and (normalize(e.name_ar or "") in want or e.name_en == doc.dateline_place):
            return e
    place = doc.meta.get("dateline_place")  # resolved by the datelines stage; the text no longer holds it
    if place is None:
        return None
    return Entity(place.entity or "", place.name_en, doc.dateline or "", "GPE", country=place.country,
                  lat=place.lat, lon=place.lon)
