"""Quotations and who said them: the `quotes` stage.

One pass of one compiled pattern over the folded text finds every quotation mark and every reporting cue
(verbs such as قال/أضاف/أكد, participles such as مضيفاً, speech nouns such as قوله). Marks are paired into quoted
stretches (marks.py); each cue reads its subject and what it introduces: a colon, a quotation mark or a
complementiser (إن/أن). A quoted stretch is a direct quotation when a cue introduces it, when a verb names its
speaker right after it («...»، قال لافروف), or when it continues an open quotation of the previous paragraph;
other quoted stretches (names, titles, scare quotes) are left alone. Reported speech introduced by إن/أن without
quotation marks is kept as an indirect quotation. A cue without a subject (وأضاف:, مضيفاً) takes the speaker of
the previous cue that had one, except a bare "وقال:" opening a sentence right after a sentence that reports no speech
("وندد الوزير فلان بالهجوم. وقال: ..."): that sentence's subject speaks.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from marsad.analyse.dates import date_of_span
from marsad.analyse.quotes.lexicon import Lexicon, lexicon
from marsad.analyse.quotes.marks import MARKS, Quoted, pair_marks
from marsad.analyse.quotes.speakers import TOKEN_RE, SubjectReader, Who, norm_mentions
from marsad.arabic.tokens import paragraphs as split_paragraphs
from marsad.arabic.tokens import sentences as split_sentences
from marsad.doc import Doc, Quote, Speaker, Span

__all__ = ["QuoteFinder"]

# A bare quotation mark right after a subject introduces a quotation only when the subject is short.
MAX_BARE_SUBJECT_WORDS = 8
# A quoted stretch that closes the reported clause still counts as the quotation when it starts this close to
# the complementiser (أن الطرفين «سيواصلان ...»).
MAX_LEAD_WORDS = 2
# ... or at any distance when it is at least this long (ان السعودية تؤمن ان «الأسد فقد شرعيته ...»).
MIN_QUOTATION_WORDS = 4
WORD_RE = re.compile(r"\w+")
_PUNCT_TAIL = " \t\u00a0.,،:;؛!?؟…-–—)" + MARKS


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    lemma: str
    kind: str  # verbs | transmit | participles | nouns
    attach: str | None = None  # colon | mark | comp
    attach_start: int = 0
    attach_end: int = 0
    who: Who | None = None
    bare_ok: bool = False


class QuoteFinder:
    """Sets `doc.quotes`: direct quotations (quoted words) and indirect ones (reported إن/أن clauses)."""

    name = "quotes"
    requires = ("text", "sentences", "entities")
    assigns = ("quotes",)

    def __init__(self, lex: Lexicon, *, indirect: bool = True):
        self.lex = lex
        self.indirect = indirect

    @classmethod
    def default(cls, settings=None) -> "QuoteFinder":
        """The stage with the packaged lexicon; the setting `quotes_indirect` (default true) keeps indirect speech."""
        indirect = getattr(settings, "quotes_indirect", None)
        if indirect is None and isinstance(settings, dict):
            indirect = settings.get("quotes_indirect")
        return cls(lexicon(), indirect=True if indirect is None else bool(indirect))

    def __call__(self, doc: Doc) -> Doc:
        doc.quotes = [self._to_quote(doc, *q) for q in self.find(doc)]
        return doc

    # -- finding, in folded-text offsets -------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[tuple[int, int, str, Who | None, str]]:
        """(start, end, cue lemma, speaker, kind) of each quotation, in folded-text offsets, in text order."""
        t = doc.norm.text
        paras = _norm_spans(doc, doc.paragraphs or split_paragraphs(doc.text))
        sents = _norm_spans(doc, doc.sentences or split_sentences(doc.text))
        marks, cues = [], []
        for m in self.lex.pattern.finditer(t):
            if m.lastgroup == "m":
                marks.append(m.start())
            else:
                j = m.start() - 1
                if j > 0 and t[j] == " " and t[t.rfind(" ", 0, j) + 1:j] in self.lex.noun_markers:
                    continue  # "تم نقل خطابه": a verbal noun, not a verb with a subject
                lemma, kind = self.lex.cue(m.group("c"))
                cues.append(Cue(m.start(), m.end(), lemma, kind))
        if not cues:
            return []
        quoted = pair_marks(t, paras, marks)
        cues = _outside(cues, quoted)
        reader = SubjectReader(doc, self.lex, norm_mentions(doc))
        sent_starts = [s.start for s in sents]
        self._reader = reader
        self._read_cues(t, cues, quoted, sents, sent_starts, reader)
        return self._assign(t, cues, quoted, sents, sent_starts)

    def _read_cues(self, t: str, cues: list[Cue], quoted: list[Quoted], sents, sent_starts,
                   reader: SubjectReader) -> None:
        """Finds what each cue introduces and who its speaker is (carrying the last speaker over)."""
        by_open = {q.open: q for q in quoted}
        self._sents, self._sent_starts = sents, sent_starts
        last: Who | None = None
        for n, c in enumerate(cues):
            s = _sentence(sents, sent_starts, c.start)
            nxt = cues[n + 1].start if n + 1 < len(cues) else len(t)
            w_end = min(s.end if s else len(t), nxt)
            subj_a, subj_b, words = self._find_attach(t, c, w_end, by_open)
            if c.attach == "mark":
                before = t[:c.attach_start].rstrip()
                c.bare_ok = c.attach_start in by_open and (
                    before.endswith(("،", ",")) or words <= MAX_BARE_SUBJECT_WORDS)
                if not c.bare_ok:
                    c.attach = None
            if c.kind in ("participles", "nouns"):
                c.who = last
                if c.kind == "participles" and s is not None and (last is None or last.start < s.start):
                    # "ومضى الفيصل قائلا:": no speaker yet in this sentence, so the participle's subject is the
                    # sentence's own (the person opening it), not a speaker of an earlier sentence
                    c.who = _subject_earlier_in_sentence(reader, t, c.start, s) or last
                continue
            if c.kind == "documents":
                c.who = self._document_author(reader, t, c, s, last)
                if c.who is None:
                    c.attach = None  # "جاء ذلك خلال": not a quoted text
                continue
            if _word_before(t, c.start) in self.lex.pronoun_subjects:
                c.who = _named_before_cue(reader, c.start) or last  # "لكنه دعا إيران إلى أن ..."
                continue
            who, points_back = reader.subject(subj_a, subj_b, _clause_initial(t, c.start))
            if who is None and not points_back:
                continue
            if who is None:
                who = _named_before(reader, t, c.start) or self._previous_subject(
                    t, c, s, cues[n - 1] if n else None, quoted, subj_a, subj_b)
            c.who = who or last or _person_earlier_in_sentence(reader, c.start, s)
            # A named person or organisation becomes the speaker later cues carry over; anonymous words only
            # when the cue reports something.
            if who is not None and (who.entity is not None and who.entity.type in ("PER", "ORG") or c.attach
                                    or w_end == nxt or _quote_before(t, quoted, c.start, self.lex)):
                last = who

    def _previous_subject(self, t: str, c: Cue, s: Span | None, before: Cue | None, quoted: list[Quoted],
                          a: int, b: int) -> Who | None:
        """The speaker of a bare "وقال:" opening a sentence right after a sentence that reports no speech ("وندد
        الوزير فلان بالهجوم. وقال: «...»"): the person or body that sentence opens with as its verb's subject."""
        if c.kind != "verbs" or s is None or t[s.start:c.start].strip() or s.start == 0:
            return None
        toks = TOKEN_RE.findall(t, a, b)
        if toks and not self._reader._is_stop(toks[0]):
            return None  # "وأضاف الوزير": an anaphoric title, the earlier speaker
        k = bisect_right(self._sent_starts, s.start) - 2
        prev = self._sents[k] if k >= 0 else None
        if prev is None or (before is not None and before.start >= prev.start) or _inside(quoted, prev.start):
            return None
        start = prev.start
        opener = next((op for op in self.lex.sentence_openers if t.startswith(op, start)), None)
        if opener is not None:  # "من جانبه، انتقد ..."
            start += len(opener)
        verb = WORD_RE.search(t, start, prev.end)
        if verb is None or verb.group().startswith(("ال", "وال")) or verb.group() in MARKS or _bare(
                verb.group()) in self.lex.non_verb_openers:
            return None  # a sentence opening with a noun, a quotation mark or a circumstance, not with a verb
        nxt = TOKEN_RE.search(t, verb.end(), prev.end)
        if nxt is None or nxt.group() in self.lex.complementisers or nxt.group() in MARKS or nxt.group() == ":":
            return None  # "وبين أن ...", 'وزاد "...': a report whose verb the lexicon lacks; its speaker is the last one
        return self._reader.first_phrase_speaker(verb.end(), prev.end)

    def _document_author(self, reader: SubjectReader, t: str, c: Cue, s, last: Who | None) -> Who | None:
        """Who wrote the text a "جاء في" cue quotes, or None when the cue quotes no text."""
        if c.attach is None:
            return None
        toks = list(TOKEN_RE.finditer(t, c.end, c.attach_start))
        words = [m.group() for m in toks]
        if words[:1] and words[0] in self.lex.document_self:  # "أصدرت الوزارة بيانا جاء فيه:"
            noun = self._text_noun_before(t, c.start, s.start if s else 0)
            if noun is None:
                return None
            return (self._author_after(reader, t, noun[1], c.start)
                    or _first_named_in(reader, s.start if s else 0, noun[0]))
        if len(words) < 2 or words[0] != "في" or words[1] not in self.lex.document_nouns:
            return None
        author = self._author_after(reader, t, toks[1].end(), c.attach_start)
        if author is None and words[1].startswith("ال"):  # "وجاء في البيان": the text named before
            author = self._earlier_text_author(reader, t, words[1][2:], c.start)
        return author or last or _named_before_cue(reader, c.start)

    def _text_noun_before(self, t: str, i: int, floor: int) -> tuple[int, int] | None:
        """(start, end) of the text's noun a few words before "جاء فيه" ("بيانا صادرا عن الوزارة جاء فيه")."""
        toks = list(TOKEN_RE.finditer(t, max(floor, i - 80), i))[-6:]
        for m in reversed(toks):
            if _bare_text_noun(m.group(), self.lex.document_nouns):
                return m.start(), m.end()
        return None

    def _author_after(self, reader: SubjectReader, t: str, a: int, b: int) -> Who | None:
        """The author named right after a text's noun: a person or body after nothing but links ("بيان لوزارة
        الخارجية", "بيان صادر عن الجيش"), else an unnamed body in the genitive ("بيان النادي": anonymous)."""
        for m in reader._mentions_in(a, b):
            if m.entity.type in ("PER", "ORG") and all(w in self.lex.document_links for w in t[a:m.start].split()):
                return Who(m.start, m.end, m.entity)
            break
        toks = [m for m in TOKEN_RE.finditer(t, a, min(b, a + 60))]
        k = 0
        while k < len(toks) and toks[k].group() in self.lex.document_links:
            k += 1
        if k < len(toks) and toks[k].group().startswith("ال") and not reader._is_stop(toks[k].group()):
            return Who(toks[k].start(), toks[k].end(), None)
        return None

    def _earlier_text_author(self, reader: SubjectReader, t: str, stem: str, i: int) -> Who | None:
        """The author of the text last named with the same noun before `i` ("مقالا لوزير الخارجية ... وجاء في
        المقال")."""
        pat = re.compile(r"(?<!\w)[وفبل]?" + re.escape(stem) + r"(?:ا|ه|ها)?(?!\w)")
        hits = list(pat.finditer(t, max(0, i - 2000), i))
        if not hits:
            return None
        m = hits[-1]
        s = _sentence(self._sents, self._sent_starts, m.start())
        return self._author_after(reader, t, m.end(), min(m.end() + 80, s.end if s else i)) or _first_named_in(
            reader, s.start if s else 0, m.start())

    def _introduces(self, t: str, q: Quoted) -> bool:
        """Whether a quoted stretch met after a cue can be what the cue reports (not a name or an object)."""
        before = t[:q.open].rstrip()
        prev_word = before.rsplit(None, 1)[-1] if before else ""
        if any(m.start <= q.start and m.end >= q.end for m in self._reader._mentions_in(q.open, q.end + 1)):
            return False  # the marks hold a name ("وشددت «الشركة الكويتية لنفط الخليج»")
        return prev_word not in self.lex.prepositions and _quotation_like(t, q, self._sents, self._sent_starts)

    def _object_quotation(self, t: str, q: Quoted, w_end: int) -> bool:
        """A long quoted stretch right after the verb that the sentence runs on after ('وأضاف "سنحاسبهم إن خدعونا"
        في إشارة إلى ...') is what the verb reports, unless a colon, mark or complementiser further on introduces the
        words and the stretch is the quoted name of the speaker ('وأكد "مركز الأبحاث الوطني" في بيان أن ...')."""
        if _words(t, q) < MIN_QUOTATION_WORDS or any(
                m.start <= q.start and m.end >= q.end for m in self._reader._mentions_in(q.open, q.end + 1)):
            return False
        for tk in TOKEN_RE.finditer(t, q.close + 1, w_end):
            g = tk.group()
            if g == ":" or g in MARKS or g in self.lex.complementisers:
                return False
        return True

    def _find_attach(self, t: str, c: Cue, w_end: int, by_open: dict[int, Quoted]) -> tuple[int, int, int]:
        """Sets what the cue introduces (colon, quotation mark, complementiser); returns its subject span and
        the number of words in it. A quoted name inside the subject («ريا نوفوستي») is stepped over."""
        subj_a = c.end
        toks = list(TOKEN_RE.finditer(t, c.end, w_end))
        if c.kind == "transmit":
            # عن before what is reported; one inside the reported clause is not the source's
            stop = next((i for i, tk in enumerate(toks) if tk.group() == ":" or tk.group() in self.lex.complementisers),
                        len(toks))
            k = next((i for i, tk in enumerate(toks[:stop]) if tk.group() in self.lex.transmit_from
                      or tk.group() in self.lex.transmit_from_pronouns), None)
            if k is None:
                return self._relayed_by_named(t, c, toks, by_open, w_end)
            subj_a = toks[k].end()
            if toks[k].group() in self.lex.transmit_from_pronouns:
                # "ونقلت عنه الصحيفة:": the source is the one named before; what stands before the words is the relay
                self._attach_after(t, c, toks[k + 1:], by_open, w_end)
                return subj_a, subj_a, 0
            toks = toks[k + 1:]
        return self._attach_after(t, c, toks, by_open, w_end, subj_a)

    def _relayed_by_named(self, t: str, c: Cue, toks: list[re.Match], by_open: dict[int, Quoted],
                          w_end: int) -> tuple[int, int, int]:
        """A transmission verb without عن reports words only when a named body or person relays them ("ونقلت وكالة
        الأناضول أن ..."); otherwise it moves things ("ونقل إلى المستشفى حيث تبين أن ...")."""
        a, b, words = self._attach_after(t, c, toks, by_open, w_end, c.end)
        who = self._reader.subject(a, b)[0] if c.attach else None
        if who is None or who.entity is None or who.entity.type not in ("PER", "ORG"):
            c.attach = None
            return a, a, 0
        return a, b, words

    def _attach_after(self, t: str, c: Cue, toks: list[re.Match], by_open: dict[int, Quoted], w_end: int,
                      subj_a: int = 0) -> tuple[int, int, int]:
        """Sets the first colon, quotation or complementiser among `toks` as what the cue introduces."""
        words, skip_to = 0, -1
        for tk in toks:
            if tk.start() < skip_to:
                continue
            g = tk.group()
            if g in MARKS:
                q = by_open.get(tk.start())
                if q is not None and q.close is not None and not self._introduces(t, q) and not (
                        words == 0 and self._object_quotation(t, q, w_end)):
                    skip_to, words = q.close + 1, words + 1  # a quoted name or phrase, not what is reported
                    continue
            kind = "colon" if g == ":" else "mark" if g in MARKS else "comp" if g in self.lex.complementisers else None
            if kind:
                c.attach, c.attach_start, c.attach_end = kind, tk.start(), tk.end()
                return subj_a, tk.start(), words
            words += g not in "،,"
        return subj_a, w_end, words

    def _assign(self, t: str, cues: list[Cue], quoted: list[Quoted], sents, sent_starts):
        by_open = {q.open: q for q in quoted}
        taken: dict[int, tuple[str, Who | None]] = {}  # quoted.open -> (lemma, speaker)
        indirect = []
        for c in cues:
            if c.attach is None:
                q = _quote_before(t, quoted, c.start, self.lex)
                if q is not None and q.open not in taken and c.kind in ("verbs",):
                    taken[q.open] = (c.lemma, self._unless_relayed(c.who, q, sents, sent_starts))
                continue
            if c.attach == "mark":
                q = by_open.get(c.attach_start)
                if q is not None and c.bare_ok:
                    taken.setdefault(q.open, (c.lemma, c.who))
                continue
            content = _skip_links(t, c.attach_end, self.lex)
            q = by_open.get(content)
            if q is not None and (not _followed_by_word(t, q) or _words(t, q) >= MIN_QUOTATION_WORDS):
                taken.setdefault(q.open, (c.lemma, c.who))
                continue
            if c.attach != "comp":
                continue
            s = _sentence(sents, sent_starts, c.start)
            end = _clause_end(t, cues, c, s.end if s else len(t))
            q = _closing_fragment(t, quoted, content, end)
            if q is not None:
                taken.setdefault(q.open, (c.lemma, c.who))
                continue
            for q in self._long_in_clause(t, quoted, content, end):
                taken.setdefault(q.open, (c.lemma, c.who))
            if self.indirect and len(t[content:end].split()) >= 2:
                indirect.append((content, end, c.lemma, c.who, "indirect"))
        out = []
        prev: tuple[str, Who | None] | None = None
        for q in quoted:
            hit = taken.get(q.open)
            if hit is None and q.continues and prev is not None:
                hit = prev
            if hit is not None:
                out.append((q.start, q.end, hit[0], hit[1], "direct"))
                prev = hit
        direct_spans = [(a, b) for a, b, *_ in out]
        out += [x for x in indirect if not any(a <= x[0] < b for a, b in direct_spans)]
        out.sort(key=lambda x: x[0])
        return out

    def _long_in_clause(self, t: str, quoted: list[Quoted], content: int, end: int) -> list[Quoted]:
        """Whole quoted sentences inside a reported clause ('حذر من أن الرفض يهدد "مصداقية" البلاد، كما أن من شأنه
        أن "لا يترك للحكومة مالا فقط"'): the speaker's own words, though the clause does not open with them. A
        short stretch there is a word or title the clause picks out ("مصداقية"), and one holding a name is a name."""
        out = []
        for q in quoted:
            if q.open < content or q.close is None:
                continue
            if q.open >= end:
                break
            lead = [tk.group() for tk in TOKEN_RE.finditer(t, max(content, q.open - 60), q.open)][-(MAX_LEAD_WORDS + 1):]
            if _words(t, q) >= MIN_QUOTATION_WORDS and any(w in self.lex.complementisers for w in lead) and not any(
                    m.start <= q.start and m.end >= q.end for m in self._reader._mentions_in(q.open, q.end + 1)):
                out.append(q)
        return out

    def _unless_relayed(self, who: Who | None, q: Quoted, sents, sent_starts) -> Who | None:
        """A news agency named after a quotation ("«...»، حسبما ذكرت وكالة تاس") relays the words; the speaker
        is the person or body the sentence is about, named before the quotation, when there is one."""
        if who is None or who.entity is None or who.entity.sector != "MED":
            return who
        s = _sentence(sents, sent_starts, q.open)
        for m in self._reader._mentions_in(s.start if s else 0, q.open):
            if m.entity.type in ("PER", "ORG") and m.entity.sector != "MED":
                return Who(m.start, m.end, m.entity)
        return who

    def _to_quote(self, doc: Doc, start: int, end: int, lemma: str, who: Who | None, kind: str) -> Quote:
        nt = doc.norm
        s, e = nt.span(start, end)
        speaker = None
        if who is not None:
            ss, se = nt.span(who.start, who.end)
            ent = who.entity
            speaker = Speaker(doc.text[ss:se], ent.id if ent else None, ent.name_en if ent else None, ss, se)
        date = date_of_span(doc, s, e, outside=True)
        return Quote(doc.text[s:e], s, e, lemma, speaker, kind, date or doc.published)


def _norm_spans(doc: Doc, spans: list[Span]) -> list[Span]:
    nt = doc.norm
    return [Span(nt.from_original(s.start), nt.from_original(s.end)) for s in spans]


def _sentence(sents: list[Span], starts: list[int], i: int) -> Span | None:
    k = bisect_right(starts, i) - 1
    return sents[k] if k >= 0 and i < sents[k].end else None


def _clause_initial(t: str, i: int) -> bool:
    """Whether the word at folded offset `i` opens a clause: it carries و/ف or follows punctuation or nothing."""
    if t[i] in "وف":
        return True
    j = i - 1
    while j >= 0 and t[j] in " \t\u00a0":
        j -= 1
    return j < 0 or not t[j].isalnum()


def _bare(word: str) -> str:
    """A word without a leading و or ف."""
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def _inside(quoted: list[Quoted], i: int) -> bool:
    """Whether folded offset `i` falls inside a quoted stretch (marks included)."""
    k = bisect_right([q.open for q in quoted], i) - 1
    return k >= 0 and i <= (quoted[k].close if quoted[k].close is not None else quoted[k].end)


def _outside(cues: list[Cue], quoted: list[Quoted]) -> list[Cue]:
    """Cues that are not inside a quotation (a quoted قال is the speaker's own word)."""
    out, k = [], 0
    for c in cues:
        while k < len(quoted) and quoted[k].end <= c.start:
            k += 1
        if k < len(quoted) and quoted[k].start <= c.start < quoted[k].end:
            continue
        out.append(c)
    return out


def _skip_links(t: str, i: int, lex: Lexicon) -> int:
    """Past spaces, colons and complementisers: where the reported words begin."""
    while True:
        while i < len(t) and t[i] in " \t\u00a0:":
            i += 1
        m = TOKEN_RE.match(t, i)
        if m is None or m.group() not in lex.complementisers:
            return i
        i = m.end()


def _followed_by_word(t: str, q: Quoted, colon: bool = False) -> bool:
    """Whether the sentence goes on right after the closing mark (a name or a title, not a quotation)."""
    if q.close is None:
        return False
    i = q.close + 1
    while i < len(t) and t[i] in " \t\u00a0":
        i += 1
    return i < len(t) and (t[i].isalnum() or colon and t[i] == ":")


def _words(t: str, q: Quoted) -> int:
    return len(t[q.start:q.end].split())


def _quotation_like(t: str, q: Quoted, sents, sent_starts) -> bool:
    """A quoted stretch after a bare subject is a quotation when it is long or ends its sentence; short ones
    that the sentence runs on after are names and titles («داعش» مسؤوليته)."""
    if _followed_by_word(t, q, colon=True):
        return False
    if _words(t, q) >= MIN_QUOTATION_WORDS or q.close is None:
        return True
    s = _sentence(sents, sent_starts, q.start)
    tail = t[q.close + 1:s.end if s else len(t)]
    return all(ch in _PUNCT_TAIL for ch in tail)


def _named_before(reader: SubjectReader, t: str, i: int) -> Who | None:
    """A subject named before its verb ("روسيا تقول إن", "وكانت موسكو قد قالت إن")."""
    head = t[max(0, i - 40):i].rstrip()
    for aux in reader.lex.pre_verb:
        if head.endswith(" " + aux):
            head = head[: -len(aux)].rstrip()
    m = reader.mention_ending(len(head) + max(0, i - 40))
    if m is None or m.entity.type not in ("PER", "ORG", "GPE"):
        return None
    before = t[max(0, m.start - 12):m.start]
    if before[-1:].isalpha() or before.split()[-1:] and before.split()[-1] in reader.lex.prepositions:
        return None  # "السياسي في العراق، وقال": a place after a preposition is no subject
    return Who(m.start, m.end, m.entity)


def _bare_text_noun(word: str, nouns: frozenset[str]) -> bool:
    """Whether a word is a text's noun with a clitic or the accusative ending ("بيانا", "وبيان", "رسالة")."""
    forms = {word, word[1:]} if len(word) > 3 and word[0] in "وفبل" else {word}
    return any(w in nouns or (w.endswith("ا") and w[:-1] in nouns) for w in forms)


def _first_named_in(reader: SubjectReader, a: int, b: int) -> Who | None:
    """The first person or organisation named in folded [a, b): the subject of the sentence's first verb."""
    for m in reader._mentions_in(a, b):
        if m.entity.type in ("PER", "ORG"):
            return Who(m.start, m.end, m.entity)
    return None


def _word_before(t: str, i: int) -> str:
    words = t[max(0, i - 16):i].split()
    return words[-1] if words else ""


def _named_before_cue(reader: SubjectReader, i: int) -> Who | None:
    """The person (else organisation) named last before folded offset `i`."""
    k = bisect_left(reader.starts, i)
    best = None
    for m in reversed(reader.mentions[max(0, k - 40):k]):
        if m.end > i or m.entity.type not in ("PER", "ORG"):
            continue
        if m.entity.type == "PER":
            return Who(m.start, m.end, m.entity)
        best = best or Who(m.start, m.end, m.entity)
    return best


def _person_earlier_in_sentence(reader: SubjectReader, i: int, sent: Span | None) -> Who | None:
    """A verb with no subject after it and no speaker before, coordinated with an earlier clause of its sentence
    ("وفيما أطلق أوباما حملة ...، واعتبر أن"): the first person named in the sentence, its main subject."""
    if sent is None:
        return None
    people = [m for m in reader._mentions_in(sent.start, i) if m.entity.type == "PER" and m.how in ("name", "alias",
                                                                                                    "surname", "office")]
    return Who(people[0].start, people[0].end, people[0].entity) if people else None


SUBJECT_OPENING_WORDS = 4  # words before a sentence's subject: the verb, a title or two ("ويرد الدكتور")


def _subject_earlier_in_sentence(reader: SubjectReader, t: str, i: int, sent: Span) -> Who | None:
    """The person who opens the sentence as its subject ("ومضى الفيصل قائلا", "ويرد الدكتور جيكسون على ... قائلا"):
    named within its first words, not after a preposition or glued to one (a person thanked or praised further
    on, "رفع الشكر لخادم الحرمين الشريفين، داعيا", is not the one who speaks)."""
    for m in reader._mentions_in(sent.start, i):
        if len(t[sent.start:m.start].split()) > SUBJECT_OPENING_WORDS:
            return None
        if m.entity.type != "PER" or m.how not in ("name", "alias", "surname", "office"):
            continue
        glued = m.start > 0 and t[m.start - 1].isalpha()
        before = t[max(sent.start, m.start - 12):m.start].split()
        prev = before[-1] if before and not glued else ""
        if glued or prev in reader.lex.prepositions or prev[1:] in reader.lex.prepositions:
            continue
        return Who(m.start, m.end, m.entity)
    return None


def _clause_end(t: str, cues: list[Cue], c: Cue, limit: int) -> int:
    """End of a reported clause: the sentence end, or the next cue opening a new clause after a comma."""
    for d in cues:
        if d.start <= c.attach_end:
            continue
        if d.start >= limit:
            break
        before = t[c.attach_end:d.start].rstrip()
        if before.endswith(("،", ",")) or d.kind == "participles" or before.endswith((" و", " ف")):
            limit = d.start
            break
    end = limit
    while end > c.attach_end and (t[end - 1] in _PUNCT_TAIL or t[end - 1] in "وف" and t[end - 2] == " "):
        end -= 1
    return end


def _closing_fragment(t: str, quoted: list[Quoted], content: int, end: int) -> Quoted | None:
    """A quoted stretch that opens within a few words of the reported clause and closes it."""
    for q in quoted:
        if q.open < content:
            continue
        if q.open >= end:
            return None
        lead = len(TOKEN_RE.findall(t, content, q.open))
        tail = t[(q.close + 1) if q.close is not None else q.end:end + 1]
        long = _words(t, q) >= MIN_QUOTATION_WORDS
        if (lead <= MAX_LEAD_WORDS or long) and all(ch in _PUNCT_TAIL for ch in tail):
            return q
        return None
    return None


def _quote_before(t: str, quoted: list[Quoted], i: int, lex: Lexicon) -> Quoted | None:
    """The quotation that closes just before offset `i`, with only a comma or an attribution word between."""
    for q in reversed(quoted):
        if q.close is None or q.close >= i:
            if q.open < i:
                return None
            continue
        gap = t[q.close + 1:i].replace("،", " ").replace(",", " ").split()
        if not gap or tuple(gap) in lex.after_quote:
            return q
        return None
    return None
