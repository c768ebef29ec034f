"""Who speaks: the subject of a reporting verb, resolved to an entity mention found by the entities stage.

All offsets here are in the folded text (`doc.norm.text`); the finder maps them back to `doc.text`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from marsad.analyse.quotes.lexicon import Lexicon
from marsad.doc import Doc, Entity

TOKEN_RE = re.compile(r"\w+|[،,:«»“”„\"]")
_WORD_RE = re.compile(r"\w+")
# Preference among mention kinds: a person or an organisation speaks; a place or a nisba only when nothing else.
_TYPE_RANK = {"PER": 0, "ORG": 1, "GPE": 2, "LOC": 3, "MISC": 3}
_NAMED = ("name", "alias", "surname", "model")
MAX_SUBJECT_WORDS = 14
MAX_ANONYMOUS_WORDS = 5
MAX_FURTHER_WORDS = 20  # how far past the first phrase of a subject a person's name may still be its head


@dataclass(slots=True)
class Who:
    """A speaker in folded-text offsets: an entity mention, or anonymous words (entity None)."""

    start: int
    end: int
    entity: Entity | None


@dataclass(slots=True)
class NormMention:
    start: int
    end: int
    entity: Entity
    how: str


def norm_mentions(doc: Doc) -> list[NormMention]:
    """Every entity mention of the document in folded-text offsets, by start."""
    nt = doc.norm
    out = [NormMention(nt.from_original(m.start), nt.from_original(m.end), e, m.how)
           for e in doc.entities for m in e.mentions if m.how != "capital"]  # the city's own mention speaks
    out.sort(key=lambda m: (m.start, -m.end))
    return out


class SubjectReader:
    """Reads the subject of reporting verbs in one document."""

    def __init__(self, doc: Doc, lex: Lexicon, mentions: list[NormMention]):
        self.text = doc.norm.text
        self.lex = lex
        self.mentions = mentions
        self.starts = [m.start for m in mentions]
        self._named = frozenset(m.start for m in mentions if m.how in _NAMED)

    def _mentions_in(self, a: int, b: int) -> list[NormMention]:
        i = bisect_left(self.starts, a)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            if self.mentions[i].end <= b:
                out.append(self.mentions[i])
            i += 1
        return out

    def mention_ending(self, i: int) -> NormMention | None:
        """A mention that ends exactly at folded offset `i`."""
        k = bisect_left(self.starts, i - 60)
        for m in self.mentions[k:]:
            if m.start >= i:
                break
            if m.end == i:
                return m
        return None

    def _is_stop(self, word: str) -> bool:
        stops = self.lex.subject_stops
        return word in stops or (len(word) > 2 and word[0] in "وف" and word[1:] in stops) or word.startswith("لل")

    def _segment(self, toks: list[re.Match], k: int) -> tuple[int, int, int]:
        """(start, end, next k) of the noun phrase opening at token k, cut at a stop word or a comma."""
        start = end = toks[k].start() if k < len(toks) else -1
        n = 0
        while k < len(toks):
            w = toks[k].group()
            # a name is never a stop word, though folding can make it one ("علي" and "على")
            if w in "،,:" or (self._is_stop(w) and toks[k].start() not in self._named) or n >= MAX_SUBJECT_WORDS:
                break
            end = toks[k].end()
            n += 1
            k += 1
        while k < len(toks) and toks[k].group() not in "،,":
            k += 1
        return start, end, k + 1

    def _named_further(self, a: int, b: int) -> NormMention | None:
        """A person named later in the subject clause, after an office and its qualifiers ("وقال وزير الدولة
        الكويتي لشؤون مجلس الوزراء ... الشيخ محمد المبارك الصباح:"); one after a preposition is an object."""
        for m in self._mentions_in(a, b):
            if m.entity.type != "PER" or m.how not in _NAMED:
                continue
            if len(self.text[a:m.start].split()) > MAX_FURTHER_WORDS:
                return None
            before = self.text[max(0, m.start - 12):m.start].split()
            prev = before[-1] if before else ""
            if prev not in self.lex.prepositions and prev[1:] not in self.lex.prepositions:
                return m
        return None

    def _not_related(self, cands: list[NormMention]) -> list[NormMention]:
        """Mentions that are not named only as the relative of the one who speaks ("نائب خادم الحرمين الشريفين",
        "نجل الرئيس", "الناطقة باسم دي ميستورا جيسي شاهين"): a relation word right before a mention rules it out,
        and a spokesman's body gives way to a person named with the spokesman."""
        out = []
        for m in cands:
            words = self.text[max(0, m.start - 12):m.start].split()
            prev = words[-1] if words and not self.text[m.start - 1].isalpha() else ""
            if prev in self.lex.relation_words:
                continue
            if prev in self.lex.spokesman_links and any(o.entity.type == "PER" and o.start > m.start for o in cands):
                continue
            out.append(m)
        return out

    def first_phrase_speaker(self, a: int, b: int) -> Who | None:
        """A person or organisation named in the noun phrase opening at `a` (none when the phrase is an object
        or a circumstance, as after a verb whose subject is a pronoun: "وكرر رفض التعاون مع الأسد")."""
        toks = list(TOKEN_RE.finditer(self.text, a, b))
        if not toks:
            return None
        s, e, _ = self._segment(toks, 0)
        # a person anywhere in the phrase (after titles and offices); a body only at its head or after one word
        # ("تنظيم داعش", "صحيفة الإندبندنت"; "برنامج قادة المستقبل" names a programme, not the body المستقبل)
        cands = [m for m in self._not_related(self._mentions_in(s, e))
                 if m.entity.type == "PER" or len(_WORD_RE.findall(self.text, s, m.start)) <= 1]
        best = _best(cands, s)
        if best is None or best.entity.type not in ("PER", "ORG") or _rank(best, s)[0] >= 3:
            return None
        return Who(best.start, best.end, best.entity)

    def subject(self, a: int, b: int, adverbs: bool = False) -> tuple[Who | None, bool]:
        """The speaker named in [a, b), and whether the words there point back to an earlier speaker
        (nothing but circumstances, or an anaphoric title such as الوزير). With `adverbs`, adverbs opening the
        words are stepped over (only after a clause-initial verb: "وقالت أيضا الوزارة", not "البرنامج يؤكد أيضا
        اهتمام الوزير")."""
        toks = [m for m in TOKEN_RE.finditer(self.text, a, b)]
        while adverbs and toks and toks[0].group() in self.lex.subject_adverbs:
            del toks[0]  # "وقالت أيضا القوات الجوية": an adverb before the subject
        if not toks:
            return None, True
        if self._oblique_object(toks):
            return None, True
        ranges = []
        s, e, k = self._segment(toks, 0)
        if e > s:
            ranges.append((s, e))
        # Appositions after a comma: "وزير الخارجية الصيني، وانغ يي، اليوم" -> keep "وانغ يي".
        while k < len(toks):
            s2, e2, k2 = self._segment(toks, k)
            if e2 <= s2 or not any(m.start == s2 and m.entity.type == "PER" for m in self._mentions_in(s2, e2)):
                break
            ranges.append((s2, e2))
            k = k2
        if not ranges:
            return None, True
        cands = self._not_related([m for r in ranges for m in self._mentions_in(*r)])
        best = _best(cands, ranges[0][0])
        if best is not None and best.how == "nisba" and best.start == ranges[0][0] and best.end == ranges[0][1]:
            return self._surname_speaker(best), False
        if best is not None and _rank(best, ranges[0][0])[0] < 3:
            return Who(best.start, best.end, best.entity), False
        named = self._named_further(ranges[0][1], b)
        if named is not None:
            return Who(named.start, named.end, named.entity), False
        first = self.text[ranges[0][0]:ranges[0][1]].split()
        if first[0] in self.lex.anaphors or first[0][1:] in self.lex.anaphors:
            return None, True
        if best is not None:
            return Who(best.start, best.end, best.entity), False
        words = list(TOKEN_RE.finditer(self.text, ranges[0][0], ranges[0][1]))[:MAX_ANONYMOUS_WORDS]
        return Who(words[0].start(), words[-1].end(), None), False


    def _surname_speaker(self, m: NormMention) -> Who:
        """A nationality adjective standing alone as the subject ("وقال التركي"): no adjective speaks without its
        noun, so it is a family name (اللواء منصور التركي), the person of the document whose name ends with it."""
        word = self.text[m.start:m.end]
        for p in self.mentions:
            if p.entity.type == "PER" and p.end <= m.start and p.how in _NAMED and \
                    self.text[p.start:p.end].endswith(" " + word):
                return Who(m.start, m.end, p.entity)
        return Who(m.start, m.end, None)

    def _oblique_object(self, toks: list[re.Match]) -> bool:
        """Whether the words after the verb open with a definite plural in the oblique case that is no name,
        with a plural nisba in it or after it ("المشرعين الأمريكيين", "الفلسطينيين"): the verb's object."""
        first = toks[0].group()
        if not first.startswith("ال") or len(first) < 6 or not first.endswith(tuple(self.lex.oblique_plural)):
            return False
        if any(m.start == toks[0].start() and m.how != "nisba" for m in self._mentions_in(toks[0].start(),
                                                                                          toks[0].end())):
            return False  # البحرين, الحسين: a name
        nisba = tuple(self.lex.oblique_nisba)
        return first.endswith(nisba) or len(toks) > 1 and toks[1].group().startswith("ال") and \
            toks[1].group().endswith(nisba)


def _rank(m: NormMention, head: int) -> tuple[int, int]:
    """Lower is more speaker-like: a named person, a person by office, an organisation, a place at the head,
    a nisba; a place further in is never the speaker."""
    r = _TYPE_RANK.get(m.entity.type, 3)
    if m.how == "nisba":
        r = 4
    elif m.entity.type in ("GPE", "LOC"):
        r = 3 if m.start == head else 5
    elif m.entity.type == "PER" and m.how not in _NAMED:
        r = 0.5
    return r, m.start


def _best(cands: list[NormMention], head: int) -> NormMention | None:
    """The most speaker-like mention among `cands`."""
    ok = [m for m in cands if _rank(m, head)[0] < 5]
    return min(ok, key=lambda m: _rank(m, head)) if ok else None
