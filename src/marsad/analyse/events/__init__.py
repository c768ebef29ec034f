"""Political events coded from Arabic text: PLOVER type, CAMEO code, Goldstein score, actors, date, place, evidence.

`EventCoder` finds event words of the Arabic lexicon in each sentence (resources/events/), marks their mode
(negated, intended, hypothetical, reported), takes the source and target from the sentence's entities (actors.py),
the date from the sentence's own date expression or the publication date, and the place from the sentence or the
dateline. Duplicates within a document (same type, actors, date and mode) are merged, keeping the first evidence.
"""
from __future__ import annotations

from bisect import bisect_left
from datetime import date

from marsad.arabic.tokens import sentences as split_sentences
from marsad.doc import Actor, Doc, Event, Span
from marsad.analyse.entities.features import lemma
from marsad.analyse.events import actors as A
from marsad.analyse.events import agency, history, patient
from marsad.analyse.events.genre import is_not_news
from marsad.analyse.events.accuse import accusation_events
from marsad.analyse.events.lexicon import (
    WORD, Code, Cue, Grammar, automaton, is_farewell, is_nisba, is_sport_article, load_entries, load_grammar, load_modes,
    match_forms, word_in, word_is,
)

__all__ = ["EventCoder", "detect_types"]

UNLESS_FAR = 6  # tokens after a cue searched for its far cancelling words (lexicon.tsv ">>word")
INHERIT_WINDOW = 8  # tokens: a verbal noun right after an intended verb ("سيسافر ... لاجراء محادثات") shares its mode
# Nunation marks ("شكراً", "طلباً") end only nouns and participles ("داعياً"): a verb form written with one is a
# verbal noun, not a verb.
TANWEEN = frozenset("\u064b\u064c\u064d")
TA_MARBUTA = "\u0629"
MAIN_MIN = 3  # mentions that make an actor the article's subject, from whose side a two-sided event is told
LABEL_BREAKS = "،,:؛"  # a label past a comma belongs to another phrase ("وصفتها الصحافة بـ...، من تفكيك خلية ارهابية")
EXCHANGE_REACH = 5  # words after a bare "لقاء" searched for its parties ("لقاء وزير خارجية مصر مع ...")
VISIT = "042"  # CAMEO's "make a visit"
ASKED_VISIT = 6  # tokens after a call or a demand within which a visit noun is the thing asked for
ASKED_REACH = 14  # the same for a visit after إلى or li-, past the request's subject and addressee
REFER_BACK = 2  # sentences: how far back an undated verbal noun looks for the dated event it refers to


# Acts told in the passive with their doer after a marker ("قتل ... برصاص", "اعتقل على يد", "مقتل ... من قبل").
PASSIVE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "THREATEN"})
# Acts a blame in the same sentence attributes ("... في هجوم بسيارة مفخخة، محملا تنظيم القاعدة المسؤولية").
BLAMEABLE = frozenset({"ASSAULT", "COERCE"})
# Events that news reports without knowing who acted: a bombing, a protest, a raid somewhere.
_ACTORLESS_TYPES = frozenset({"ASSAULT", "PROTEST", "MOBILIZE", "COERCE"})
# Events between two parties: a meeting, a visit, praise, thanks or a rejection with nobody named on the other side
# is a festival tour, a greeting or a refusal in passing ("زار المزرعة", "شكر الجميع", "رفض الخروج"), not a dyad.
_DYADIC_TYPES = frozenset({"CONSULT", "SUPPORT", "REJECT"})


def _says_something(ev: Event) -> bool:
    """An event names an actor, or is violence or unrest, which is news even when nobody knows who acted. Any other
    cue with no actor ("وقف إطلاق النار" in passing) says nothing about who did what to whom."""
    if ev.target is None and ev.type in _DYADIC_TYPES:
        return False
    return ev.source is not None or ev.target is not None or ev.type in _ACTORLESS_TYPES


class EventCoder:
    """Stage "events": sets doc.events from the sentences, entities and dates."""

    name = "events"
    requires = ("text", "sentences", "entities", "dates")
    assigns = ("events",)
    both_ways = False  # a symmetric event (meeting, talks, clash) is coded once, in the order the text gives

    def __init__(self, grammar: Grammar, modes):
        self.g = grammar
        self.modes = modes
        # mode phrases indexed by their first word, for a lookup per nearby token
        self._before: dict[str, list] = {}
        self._after: dict[str, list] = {}
        for phrase, mode, side, window in modes:
            (self._before if side == "before" else self._after).setdefault(phrase[0], []).append((phrase, mode, window))
        self._reach = max((w + len(p) for p, _, side, w in modes if side == "before"), default=0)
        self._after_reach = max((w for _, _, side, w in modes if side == "after"), default=0)

    @classmethod
    def default(cls, settings=None) -> "EventCoder":
        """The coder with the packaged lexicon (loaded once per process)."""
        load_entries()
        automaton()
        return cls(load_grammar(), load_modes())

    def __call__(self, doc: Doc) -> Doc:
        doc.events = [ev for ev in self.code(doc) if _says_something(ev)]
        return doc

    def cues(self, doc: Doc, sport: bool | None = None) -> list[tuple[Span, list[Cue]]]:
        """Event cues per sentence, with their modes, after complements, cancellations and blockers; none in a
        sport article (`sport`, when the caller has already told)."""
        g = self.g
        nt = doc.norm
        hits = match_forms(nt.text, g)
        if not hits:
            return []
        if sport if sport is not None else is_sport_article(nt.text, g):  # a match report codes no politics
            return []
        sents = doc.sentences or split_sentences(doc.text)
        by_sent: dict[int, list] = {}
        starts = [s.start for s in sents]
        cited = scripture_spans(doc, sents, g)
        for h in hits:
            o_start, _ = nt.span(h[0], h[1])
            if cited and any(a <= o_start < b for a, b in cited):
                continue  # a verse quoted in a sermon or a column tells of no event of the day
            i = bisect_left(starts, o_start + 1) - 1
            if i >= 0 and o_start < sents[i].end:
                by_sent.setdefault(i, []).append(h)
        out = []
        marked = any(t in doc.text for t in TANWEEN)  # most texts carry no nunation at all
        for i, hs in by_sent.items():
            cs = self._sentence_cues(doc, sents[i], hs, marked)
            if cs:
                out.append((sents[i], cs))
        return out

    def _sentence_cues(self, doc: Doc, sent: Span, hits, marked: bool = True) -> list[Cue]:
        g, nt = self.g, doc.norm
        ns = nt.from_original(sent.start)
        found_words = list(WORD.finditer(nt.text, ns, nt.from_original(sent.end)))
        words = [m.group() for m in found_words]
        starts = [m.start() for m in found_words]
        cues: list[Cue] = []
        for ws, we, prefix, form, entries in sorted(hits, key=lambda h: h[0]):
            k = bisect_left(starts, ws)  # index of the hit's word
            if k >= len(words) or not words[k].startswith(nt.text[ws:we]):
                continue
            o_s, o_e = nt.span(ws, we)
            nunated = marked and not TANWEEN.isdisjoint(doc.text[o_s:o_e])
            # a verb never ends in ta marbuta: "طلبة" (students) and "حملة" (a campaign) fold like "طلبه", "حمله"
            tied = doc.text[o_e - 1:o_e] == TA_MARBUTA
            if words[k] in g.farewell_forms and is_farewell(doc.text[o_s:o_e], words, k, g):
                continue
            found = [Cue(e, ws, we, o_s, o_e, words[k], prefix, tok=k) for e in entries
                     if not ((nunated or tied) and e.kind == "v" and "hal" not in e.flags)
                     and self._fits(e, words, k, prefix, form)]
            if any(c.entry.with_ for c in found):  # the specific reading wins ("اضراب عن الطعام" over "اضراب")
                found = [c for c in found if c.entry.with_]
            for c in found:
                if "label" in c.entry.flags:  # where the label stands: the one named comes before it
                    j = self._complement_at(c.entry, words, k)
                    c.extra["label_at"] = nt.span(starts[j], starts[j] + len(words[j]))[0]
            cues.extend(found)
        if not cues:
            return cues
        wset = set(words)
        blocked = {t for t, bl in g.blockers.items() if not bl.isdisjoint(wset)} if not g.any_blocker.isdisjoint(wset) \
            else ()
        if "*" in blocked:  # a sentence about a match: no event of any type
            return []
        cues = [c for c in cues if c.entry.code.plover not in blocked]
        if not _anchored(doc, sent, wset, g):
            cues = [c for c in cues if not _definite_noun(c, g) or "after_passive" in c.entry.flags]
        cues.sort(key=lambda c: c.tok)
        for c in cues:
            c.mode = self._mode(c, words)
        self._inherit_modes(cues)
        history.mark(doc, sent, cues, words, starts, g, wset)  # "في ذكرى ... مقتل", "كان ... يطلق", "انتفاضة 2011"
        return _drop_requested_visits(cues, words, g)

    def _fits(self, e, words: list[str], k: int, prefix: str = "", form: str = "") -> bool:
        g = self.g
        # a verb form after the article or a preposition is its verbal noun: kept only where that noun means the same
        # ("بخطف" abducting, but "الطلب" demand, "بثمن" at a price); a two-letter one is always another word ("بحثي")
        if e.kind == "v" and prefix in g.noun_prefixes and (len(form) <= 2 or "masdar" not in e.flags):
            return False
        if e.kind == "n" and is_nisba(words[k], form, g):
            return False
        if "after_passive" in e.flags and not (k and words[k - 1] in g.passives):
            return False
        if "not_public" in e.flags and any(_bare(w) in g.public or w[:2] == "لل" and "ال" + w[2:] in g.public
                                           for w in words[k + 1:k + 1 + UNLESS_FAR]):
            return False  # "ودعا المتحدث المواطنين الى ...": advice to the public, not a political request
        if "no_pronoun" in e.flags and words[k][len(prefix) + len(form):] in g.object_pronouns:
            return False  # "ثمنها باهظ": its price
        if e.with_ and not self._has_complement(e, words, k):
            return False
        if "must" in e.flags and not self._obliged(words, k):
            return False
        if e.unless_before and any(word_in(w, e.unless_before, g) for w in words[max(0, k - 2):k]):
            return False
        if e.unless_after and any(word_in(w, e.unless_after, g) for w in words[k + 1:k + 3]):
            return False
        # "ودعا سموه في اتصال هاتفي المولى أن": the subject may stand between; "عبد الله", "حزب الله" are names
        if e.unless_far and any(words[j - 1] not in g.theophoric and word_in(words[j], e.unless_far, g)
                                for j in range(k + 1, min(len(words), k + 1 + UNLESS_FAR))):
            return False
        return True

    def _in_return(self, doc: Doc, sent: Span, c: Cue, sl) -> bool:
        """A bare "لقاء" means "in return for" ("رفع العقوبات لقاء ضمانات") unless it follows a preposition or a word
        of time ("خلال لقاء", "غداة لقاء"), names a party right after it ("لقاء شكري بالصفدي", "لقاء رئيس الدولة"),
        or has one of `exchange_meeting` a few words after it ("لقاء وزير خارجية مصر مع ...", "لقاء جمعهما")."""
        g = self.g
        if c.prefix or c.word not in g.exchange:
            return False
        before = self._word_before(doc, sent, c)
        if not before or before in g.prepositions or before in g.exchange_meeting:
            return False
        after = A.gap_words(doc, c.end, min(sent.end, c.end + 80))[:EXCHANGE_REACH]
        if after[:1] and after[0] in g.title_heads or any(w in g.exchange_meeting for w in after):
            return False
        return not any(s.start >= c.end and s.is_actor and not A.gap_words(doc, c.end, s.start) for s in sl)

    def _obliged(self, words: list[str], k: int) -> bool:
        """The verb at `k` follows أن with a word of obligation before it ("يجب أن يرحل", "على الأسد أن يرحل")."""
        g = self.g
        if k < 2 or _bare(words[k - 1]) not in g.obligation_that:
            return False
        # "على" needs the one obliged between it and أن: "وافق على أن يتنحى" is consent
        return any(_bare(words[j]) in g.obligations and not (j == k - 2 and words[j] in g.target_markers)
                   for j in range(max(0, k - 5), k - 1))

    def _has_complement(self, e, words: list[str], k: int) -> bool:
        j = self._complement_at(e, words, k)
        if j is None:
            return False
        # "اعتبر الوزير أن الهجوم الإرهابي ...": a label after أن/إن judges an act, not the one named
        return "label" not in e.flags or not any(w in self.g.complementizers or w in self.g.clause_breaks
                                                 for w in words[k + 1:j])

    def _complement_at(self, e, words: list[str], k: int) -> int | None:
        """The index of the first word after `k` (within the entry's window) that starts one of its complements."""
        for j in range(k + 1, min(len(words), k + 1 + e.window)):
            w = words[j]
            # cheap substring test first: most words contain none of the complements
            if any(p[0] in w and _phrase_at(words, j, p, self.g) for p in e.with_):
                return j
        return None

    def _mode(self, c: Cue, words: list[str]) -> str | None:
        if self.g.future in c.prefix and c.entry.kind == "v":
            return "intended"
        if c.entry.kind == "n" and c.prefix.lstrip("وف") in ("ل", "لل") and c.entry.intent is not None:
            return "intended"  # purpose: "لزيارة الصين", "in order to visit"
        k = c.tok
        # nearest first: the closest mode word decides ("لم ... سوف" is rare; "لن يلتقي" is not)
        for j in range(k - 1, max(-1, k - 1 - self._reach), -1):
            for phrase, mode, window in self._before.get(_bare(words[j]), ()):
                if k - j - len(phrase) + 1 <= window and _phrase_at(words, j, phrase, self.g, exact=True) \
                        and self._modal_fits(phrase, words, j):
                    return mode
        # a past verb tells what happened, whatever period is named after it ("اتفقا على اللقاء الأسبوع المقبل")
        past = c.entry.kind == "v" and c.word[len(c.prefix):][:1] not in self.g.narrative_present
        for j in range(k + 1, min(len(words), k + 1 + (2 if past else self._after_reach))):
            for phrase, mode, window in self._after.get(_bare(words[j]), ()):
                if j - k <= window and _phrase_at(words, j, phrase, self.g, exact=True):
                    return mode
        return None

    def _modal_fits(self, phrase: tuple[str, ...], words: list[str], j: int) -> bool:
        """A particle of possibility ("قد") makes only a present-tense verb after it a possibility ("قد يشمل");
        before a past verb it stresses that the thing happened ("وقد أعلن")."""
        if phrase[0] not in self.g.possibility:
            return True
        nxt = words[j + len(phrase)] if j + len(phrase) < len(words) else ""
        if nxt[:1] in self.g.possibility_letters:
            return True
        return (nxt[:1] in self.g.possibility_inflected_letters and len(nxt) > 3 and not nxt.endswith("ت")
                and lemma(nxt) != nxt)

    def _nominal(self, doc: Doc, sent: Span, c: Cue) -> bool:
        """The cue is used as a noun: a verbal noun, or a verb entry's masdar right after a preposition
        ("مسؤوليته عن إطلاق النار")."""
        if c.entry.kind == "n":
            return True
        prev = A.gap_words(doc, max(sent.start, c.start - 16), c.start)
        return bool(prev) and prev[-1] in self.g.prepositions

    def _first_person(self, c: Cue) -> bool:
        """A first-person form, present ("اشكر", "نرفض") or past ("ناقشنا", "رفضنا"): its subject is whoever speaks."""
        f = c.word[len(c.prefix):]
        if f[:1] in ("ا", "ن") and ("ي" + f[1:]) in c.entry.forms:
            return True
        return f.endswith("نا") and f[:-2] in c.entry.forms and not f[:-2].startswith(("ي", "ت"))

    @staticmethod
    def _word_before(doc: Doc, sent: Span, c: Cue) -> str:
        """The folded word right before the cue's word in its sentence, or ""."""
        prev = A.gap_words(doc, max(sent.start, c.start - 16), c.start)
        return prev[-1] if prev else ""

    @staticmethod
    def _inherit_modes(cues: list[Cue]) -> None:
        for a, b in zip(cues, cues[1:]):
            if b.mode is None and a.mode == "intended" and b.entry.kind == "n" and b.tok - a.tok <= INHERIT_WINDOW:
                b.mode = "intended"

    def code(self, doc: Doc) -> list[Event]:
        """The document's events, duplicates merged."""
        per_sent = self.cues(doc)  # none in a sport article (asked only when the text holds a cue)
        day = news_day(doc)
        # a column, a review, a sermon or a life story codes no events of the day either (genre.py); both tests are
        # asked only of an article with something to code, the genre test only once it has events
        if not per_sent:  # no cue, or a sport article, which accuses nobody either ("هاجم المدرب الحكم")
            told = accusation_events(doc, day)
            return merge(told) if told and not is_sport_article(doc.norm.text, self.g) and not is_not_news(doc) else []
        main = A.main_actor(doc)
        dateline = A.dateline_place(doc)
        events: list[Event] = []
        mentions = A.all_mentions(doc)
        dated: dict[str, tuple[int, str]] = {}  # PLOVER type -> (sentence index, own date) of its last dated event
        for sent, cues in per_sent:
            # a dateline ("واس - الرياض:") or a newspaper named after a place ("لـ«الرياض»") is outside the clause
            sl = [s for s in A.slots(doc, sent, mentions) if not agency.outside_clause(doc, s)]
            si = bisect_left(doc.sentences, sent.start, key=lambda s: s.start) if doc.sentences else 0
            for c in cues:
                if any(s.start <= c.start and c.end <= s.end for s in sl):
                    continue  # the word is part of a name ("شكري" is a surname, not "thanks")
                own = own_date(doc, sent, c, cues)
                plover = c.entry.code.plover
                date = own or (_earlier_date(c, plover, si, dated) if self._nominal(doc, sent, c) else None) or day
                date = history.dated(c, date, own, doc.published)
                if own:
                    dated[plover] = (si, own)
                events.extend(self._events(doc, sent, c, sl, date, main, dateline, events))
        out = merge(events + accusation_events(doc, day))
        return [] if out and is_not_news(doc) else out

    def _parties(self, doc: Doc, sent: Span, c: Cue, sl) -> tuple:
        """(source, target) Slots of a cue, and whether the source found was a place that cannot act."""
        g, e = self.g, c.entry
        plover = e.code.plover
        blamed = patient.blame(doc, sent, c, sl, g) if plover in BLAMEABLE else None
        if blamed is not None:  # "... محملا تنظيم القاعدة المسؤولية": no party of the cue stands past the blame
            sl = [s for s in sl if s.start < blamed[0]]
        src_s, _ = A.pick_source(doc, c, sl, g, plover) if e.kind != "p" else (None, False)
        if e.kind == "v" and self._first_person(c):
            src_s = A.quote_speaker(doc, c) or src_s
        elif e.kind == "v" and self._word_before(doc, sent, c) in g.pronoun_subjects:
            src_s = A.antecedent(doc, c.start) or src_s  # "لكنه دعا ايران": the agent was named before
        elif src_s is None and e.kind != "p" and plover in A.SPEECH_TYPES:
            src_s = A.quote_speaker(doc, c)  # said inside a quotation: the speaker is the agent
        tgt_s = A.pick_target(doc, c, sl, src_s, g)
        if e.id in g.harm_entries and self._word_before(doc, sent, c) not in g.pronoun_subjects:
            # "قتل مبتعث سعودي", "جنديا تركيا قتل": a passive, the one named underwent it
            src_s, tgt_s = patient.harm_parties(doc, sent, c, sl, g, src_s, tgt_s) or (src_s, tgt_s)
        if blamed is not None and blamed[1] is not None and (src_s is None or e.kind == "n" and src_s.end <= c.start):
            src_s = blamed[1]  # the blamed is the alleged doer (an attack noun's name before it is a weak guess)
        marked = agency.marked_agent(doc, c, sl, g) if plover in PASSIVE_TYPES and e.kind != "p" else None
        if marked is not None:  # "قتل فتى فلسطيني برصاص الجيش الإسرائيلي": the army acted, the boy it befell
            src_s, tgt_s = marked
        placed = src_s is not None and agency.never_agent(doc, src_s)
        # "تفجيرات مكة", "أمير منطقة تبوك": a town or region does nothing; its unnamed holder did
        return (None if placed else src_s), tgt_s, placed

    def _events(self, doc, sent, c: Cue, sl, date, main, dateline, earlier: list[Event] = ()) -> list[Event]:
        g, e = self.g, c.entry
        plover = e.code.plover
        if self._in_return(doc, sent, c, sl):
            return []
        src_s, tgt_s, placed = self._parties(doc, sent, c, sl)
        if tgt_s is None and "must" in e.flags:  # "وأضاف: «إما أن يرحل»": the one named before must leave
            src_e = (src_s.entity.id if src_s else None) or (main.id if main else None)
            tgt_s = A.antecedent(doc, c.start, exclude=src_e)
        if ("needs_target" in e.flags or "gpe_target" in e.flags) and tgt_s is None:
            return []
        if "label" in e.flags and (tgt_s.start >= c.extra["label_at"]
                                   or any(ch in doc.text[c.end:c.extra["label_at"]] for ch in LABEL_BREAKS)):
            return []  # "وصف الوزير الهجوم الإرهابي على السعودية": the name after the label is no one labelled
        if "weak" in e.flags and src_s is None and tgt_s is None:
            return []
        src = A.actor_of(src_s)
        meeting = None
        if e.kind == "n" and not g.passives.isdisjoint(A.gap_words(doc, max(sent.start, c.start - 24), c.start)[-2:]):
            meeting = _meeting(earlier)
        implicit = meeting is not None
        if implicit:  # "تم الاتفاق خلال الاجتماع على ...": the parties are those of the meeting reported
            src, tgt_s = meeting.source, None
        if e.kind == "p":
            src = Actor(text=doc.text[c.start:c.end])
        elif (src is None and not placed and plover in A.SPEECH_TYPES and main is not None
              and (tgt_s is None or tgt_s.entity is not main)
              and (e.kind == "v" or A.carries_pronoun(c)) and not (e.kind == "v" and A.plural_subject(c, g))):
            src = A.entity_actor(main)
        if plover == "CONSULT" and agency.condolence_call(doc, sent, src, A.actor_of(tgt_s), g):
            return []  # "أجرى الوزير اتصالا لتقديم واجب العزاء لوالد المعلم": a condolence call, not diplomacy
        code = _code_for(c, src_s)
        place_s = tgt_s if (e.code.cameo == "042" and tgt_s and tgt_s.entity.type == "GPE") else A.pick_place(doc, c, sl, g)
        place = A.place_of(place_s.entity if place_s else dateline)
        tgt = meeting.target if implicit else A.actor_of(tgt_s)
        if "sym" in e.flags and not implicit and src is not None and tgt is not None and _main_side(doc, tgt, src, main):
            src, tgt = tgt, src  # a two-sided event is told from the article's main actor's side
        if tgt is None and plover in ("ASSAULT", "COERCE") and place_s is not None and place_s.entity.type == "GPE":
            tgt = A.actor_of(place_s)
        spans = [(c.start, c.end)] + [(s.start, s.end) for s in (src_s, tgt_s) if s is not None]
        ev = Event(type=code.plover, cameo=code.cameo, goldstein=code.goldstein, source=src, target=tgt, date=date,
                   location=place, evidence_start=min(a for a, _ in spans), evidence_end=max(b for _, b in spans),
                   cue=doc.text[c.start:c.end], mode=c.mode)
        out = [ev]
        if self.both_ways and "sym" in e.flags and src is not None and tgt is not None and src.entity != tgt.entity:
            out.append(Event(type=ev.type, cameo=ev.cameo, goldstein=ev.goldstein, source=tgt, target=src,
                             date=date, location=place, evidence_start=ev.evidence_start,
                             evidence_end=ev.evidence_end, cue=ev.cue, mode=ev.mode))
        return out


# Brackets that hold a quoted verse: ornate parentheses always, doubled ones in the press's usual typing.
_VERSE_BRACKETS = (("\ufd3f", "\ufd3e"), ("((", "))"))
MAX_VERSE = 800  # characters: the longest bracketed quotation taken for one verse or passage
# Openers of a quotation right after a verse's introduction ("قال تعالى: (...)"), with their closing marks.
_QUOTE_PAIRS = {"(": ")", "«": "»", "\u201c": "\u201d", '"': '"'}


def scripture_spans(doc: Doc, sents: list[Span], g: Grammar) -> list[tuple[int, int]]:
    """Spans of doc.text quoting scripture: text in verse brackets, and the quotation an introduction such as
    "قال تعالى:" opens (up to its closing mark; after a bare colon, to the end of the sentence)."""
    t = doc.text
    out = []
    for op, cl in _VERSE_BRACKETS:
        i = t.find(op)
        while i >= 0:
            j = t.find(cl, i + len(op))
            if j < 0:
                break
            if j - i <= MAX_VERSE:  # a bracket left open would otherwise swallow the article
                out.append((i, j + len(cl)))
            i = t.find(op, j + len(cl))
    nt = doc.norm
    if not any(w in nt.text for w in g.scripture_intros):
        return out
    for m in WORD.finditer(nt.text):
        if m.group() not in g.scripture_intros:
            continue
        _, end = nt.span(m.start(), m.end())
        k = bisect_left(sents, end, key=lambda s: s.end)
        stop = sents[k].end if k < len(sents) else len(t)
        rest = t[end:stop].lstrip(" :")
        opener = rest[:1]
        if opener in _QUOTE_PAIRS:
            start = stop - len(rest)
            close = t.find(_QUOTE_PAIRS[opener], start + 1)
            out.append((end, close + 1 if close >= 0 else stop))
        elif t[end:stop].lstrip(" ")[:1] == ":":  # "لقوله تعالى: ولا تقتلوا ..." unbracketed, to the sentence's end
            out.append((end, stop))
    return out


def _main_side(doc: Doc, a: Actor, b: Actor, main) -> bool:
    """Whether `a`, and not `b`, is the article's main actor, named clearly more often: "اجتماع بين وزراء الخليج
    وكيري" in an article about Kerry is Kerry's meeting with them. (Only the person or body itself: a country's other
    actors may stand on either side.)"""
    if main is None or a.entity is None or a.entity != main.id or b.entity == main.id or len(main.mentions) < MAIN_MIN:
        return False
    other = doc.entity(b.entity) if b.entity else None
    return other is None or len(other.mentions) < len(main.mentions)


def _meeting(events: list[Event]) -> Event | None:
    """The meeting or talks the article reports: the first coded so far with both parties named."""
    for ev in events:
        if ev.type == "CONSULT" and ev.source is not None and ev.target is not None and ev.mode is None:
            return ev
    return None


def _drop_requested_visits(cues: list[Cue], words: list[str], g: Grammar) -> list[Cue]:
    """A visit asked for by a call or a demand before it is not a visit made: right after إلى or with li- ("دعا
    الرئيس المبعوث إلى زيارة عدن", "سيدعو أمانو لزيارة طهران"), or a few words after the request ("دعا المنظمات
    بسرعة زيارة عدن"). The request is the event."""
    asks = [c.tok for c in cues if c.entry.code.plover == "REQUEST"]
    if not asks:
        return cues

    def asked(c: Cue) -> bool:
        if c.entry.kind != "n" or c.entry.code.cameo != VISIT:
            return False
        led = c.prefix.lstrip("وف") == "ل" or (c.tok and words[c.tok - 1] in g.request_preps)
        return any(0 < c.tok - t <= (ASKED_REACH if led else ASKED_VISIT) for t in asks)

    return [c for c in cues if not asked(c)]


def _definite_noun(c: Cue, g: Grammar) -> bool:
    """A verbal noun with the article ("الهجوم", "للاغتيالات"): a reference to events, not a report of one."""
    return c.prefix.endswith(("ال", "لل"))


def _anchored(doc: Doc, sent: Span, words: set[str], g: Grammar) -> bool:
    """The sentence names a time, a date, or a count: it reports a happening."""
    if not g.anchors.isdisjoint(words) or any(w.isdigit() for w in words):
        return True
    return any(sent.start <= d.start < sent.end for d in doc.dates)


def _code_for(c: Cue, src_s) -> Code:
    e = c.entry
    if c.mode == "intended" and e.intent is not None:
        return e.intent
    if e.verbal is not None and src_s is not None and src_s.entity.type == "PER":
        return e.verbal
    return e.code


def _bare(w: str) -> str:
    """A word without a leading conjunction (wa-, fa-), for looking up function words."""
    return w[1:] if len(w) > 2 and w[0] in ("و", "ف") else w


def _phrase_at(words: list[str], j: int, phrase: tuple[str, ...], g: Grammar, exact: bool = False) -> bool:
    if j < 0 or j + len(phrase) > len(words):
        return False
    for n, p in enumerate(phrase):
        w = words[j + n]
        if w == p:
            continue
        # the first word of a phrase may carry a clitic ("وسوف", "بالقبض"); function words in mode cues must match
        # whole, except for a leading conjunction
        if exact and not (n == 0 and w[:1] in ("و", "ف") and w[1:] == p):
            return False
        if not exact and (not word_is(w, p, g) or is_nisba(w, p, g)):
            return False
    return True


def own_date(doc: Doc, sent: Span, c: Cue, cues: list[Cue]) -> str | None:
    """The sentence's own date that belongs to the cue: the nearest before it, else the nearest after it unless
    an event word of another type stands between ("أشكر الصين على تعازيها بالهجوم الذي وقع في 22 مارس": the date is the
    attack's, not the thanks')."""
    inside = [d for d in doc.dates if sent.start <= d.start < sent.end and d.value]
    if not inside:
        return None
    before = [d for d in inside if d.end <= c.start]
    if before:
        return max(before, key=lambda d: d.end).value
    after = [d for d in inside if d.start >= c.end]
    if after:
        d = min(after, key=lambda d: d.start)
        plover = c.entry.code.plover  # words of the same happening ("انفجرت سيارة مفخخة") do not compete
        if not any(c.end <= o.start and o.end <= d.start for o in cues if o.entry.code.plover != plover):
            return d.value
        return None
    return inside[0].value


def _earlier_date(c: Cue, plover: str, si: int, dated: dict[str, tuple[int, str]]) -> str | None:
    """A verbal noun with no date of its own ("أعلن التنظيم مسؤوليته عن إطلاق النار") that follows, within two
    sentences, a dated event of the same type refers back to that event and takes its date."""
    if plover not in dated:
        return None
    j, d = dated[plover]
    return d if 0 < si - j <= REFER_BACK else None


def news_day(doc: Doc) -> str | None:
    """The day the article reports on: the first day it names up to three days before publication ("أمس", "اليوم
    الثلاثاء"), else the publication date. Sentences without a date of their own report on that day. The whole text
    is searched, not only the lead: papers that publish the next morning often name the day only further down
    ("في مؤتمر صحافي ظهر الأربعاء").
    """
    pub = doc.published
    if not pub or len(pub) != 10:
        return pub
    for d in sorted(doc.dates, key=lambda d: d.start):
        if d.end_value:
            continue  # a span of days ("من 31 مارس إلى 2 أبريل") frames a visit; it does not name the day reported on
        v = d.value or ""
        if len(v) == 10 and v <= pub and _days_between(v, pub) <= 3:
            return v
    return pub


def _days_between(a: str, b: str) -> int:
    try:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days
    except ValueError:  # a malformed value from upstream is simply not a usable news day
        return 10**6


# CAMEO sectors of groups that challenge their country's state: an event with them is not one with that state
# ("بحاح يتهم صالح" and "الحكومة تنظر إلى الحوثيين على أنها جماعة إرهابية" are two accusations).
CHALLENGER_SECTORS = frozenset({"REB", "OPP", "INS", "SEP"})


def _actor_key(a: Actor | None):
    if a is None:
        return None
    if a.country and a.sector in CHALLENGER_SECTORS:
        return a.country + "/" + a.sector
    return a.country or a.name_en or a.text


def merge(events: list[Event]) -> list[Event]:
    """Drops repeats of an event within one document (same type, actors, date and mode), keeping the first,
    and an event missing an actor when the same event is also reported with it."""
    seen = set()
    out = []
    for ev in events:
        k = (ev.type, _actor_key(ev.source), _actor_key(ev.target), ev.date, ev.mode)
        if k in seen:
            continue
        seen.add(k)
        out.append(ev)
    full_src = {(t, s, d, m) for t, s, g, d, m in seen if g is not None}
    full_tgt = {(t, g, d, m) for t, s, g, d, m in seen if s is not None}
    return [ev for ev in out if not (
        (ev.target is None and (ev.type, _actor_key(ev.source), ev.date, ev.mode) in full_src)
        or (ev.source is None and (ev.type, _actor_key(ev.target), ev.date, ev.mode) in full_tgt))]


def detect_types(coder: EventCoder, doc: Doc, counted_modes=(None,)) -> set[str]:
    """PLOVER types with at least one event in `doc` whose mode is among `counted_modes` (sentence detection)."""
    return {ev.type for ev in coder.code(doc) if ev.mode in counted_modes}
