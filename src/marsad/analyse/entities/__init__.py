"""Entity recognition and resolution: who and where an article is about.

`EntityRecognizer` finds catalogue names through Arabic orthography (clitics, letter variants, nisba adjectives,
offices), resolves offices and titles to people through dated roles, and adds names the catalogue lacks from a
small CRF trained on ANERcorp (see ner.py). Sets `doc.entities`; offsets are into `doc.text`.
"""
from __future__ import annotations

import functools
import re

from marsad.analyse.entities.catalogue import Catalogue, load_catalogue, today
from marsad.analyse.entities.clitics import Lexicon, lexicon
from marsad.analyse.entities.matcher import Match, Matcher
from marsad.analyse.entities.resolve import (
    DocEntities, ModelSpan, capital_metonyms, head_references, national_references, nisba_countries,
    repeat_aliases, repeat_surnames, resolve_matches, resolve_model, to_original, towns_as_surnames,
)
from marsad.doc import Doc


@functools.cache
def _matcher(directory: str | None, user_path: str | None) -> tuple[Catalogue, Matcher]:
    cat = load_catalogue(directory, user_path)
    return cat, Matcher(cat, lexicon())


class EntityRecognizer:
    """Sets `doc.entities`: catalogue matches, resolved offices and titles, and model-found names."""

    name = "entities"
    requires = ("text", "sentences")
    assigns = ("entities",)

    def __init__(self, catalogue: Catalogue, matcher: Matcher, lex: Lexicon, tagger=None,
                 common: frozenset[str] = frozenset(), names: dict[str, str] | None = None):
        self.catalogue = catalogue
        self.matcher = matcher
        self.lex = lex
        self.tagger = tagger  # a marsad.analyse.entities.ner.NerTagger, or None for catalogue-only recognition
        self.common = common  # frequent words that are rarely names: a catalogue match on one needs the model
        self.names = names or {}  # one-word names of the model's name lists (ANERGazet): word -> type

    @classmethod
    def default(cls, settings=None, *, catalogue_dir: str | None = None, use_model: bool = True) -> "EntityRecognizer":
        """The recognizer with the shipped catalogue (plus the user's entities file) and the shipped model."""
        user = getattr(settings, "user_entities", None)
        cat, matcher = _matcher(catalogue_dir, str(user) if user else None)
        from marsad.analyse.entities.ner import common_words, load_tagger, name_lists

        tagger = load_tagger(matcher) if use_model else None
        _lemmas()  # loaded with the other resources, not inside the first article
        return cls(cat, matcher, lexicon(), tagger, common_words(), name_lists() if use_model else None)

    def __call__(self, doc: Doc) -> Doc:
        norm = doc.norm
        text = norm.text
        matches = self.matcher.find(text)
        marked = self.matcher.marked_names(text, matches)
        told = self.matcher.papers_told(text)
        if told:  # the paper wins over the place its name also is
            matches = [m for m in matches if not any(t.start < m.end and m.start < t.end for t in told)]
            marked = [m for m in marked if not any(t.start < m.end and m.start < t.end for t in told)] + told
        if marked:
            matches = sorted(matches + marked, key=lambda m: (m.start, -m.end))
        spans = self.tagger.spans(text, _folded_sentences(doc), matches) if self.tagger is not None else []
        kept = self._confirmed(text, matches, spans, norm)
        if len(kept) < len(matches):
            # the model read the dropped word as a name only because the catalogue offered it ("وكيل": Kiel)
            ids = {id(m) for m in kept}
            dropped = [(m.start, m.end) for m in matches if id(m) not in ids]
            spans = [sp for sp in spans if not any(sp[0] < b and a < sp[1] and sp[1] - sp[0] <= b - a + 3
                                                    for a, b in dropped)]
        matches = kept
        not_a_name = self._not_a_name
        spans = [sp for sp in spans if not not_a_name(text[sp[0]:sp[1]])]
        de = DocEntities(self.catalogue, self.lex, text, doc.published or today())
        resolve_matches(de, matches)
        repeat_surnames(de)  # before the model: a catalogue person's surname is theirs, whatever the model guesses
        resolve_model(de, [ModelSpan(s, e, t) for s, e, t in spans], self.common, self.names)
        repeat_aliases(de)
        towns_as_surnames(de)
        head_references(de)
        national_references(de)
        nisba_countries(de)
        capital_metonyms(de)
        doc.entities = to_original(list(de.by_id.values()), norm, doc.text)
        self._named_outside_text(de, doc)
        return doc

    def _named_outside_text(self, de: DocEntities, doc: Doc) -> None:
        """The dateline's place and the credited agencies, which cleaning moved out of the text: entities of the
        article with no mention in it."""
        place = doc.meta.get("dateline_place")
        ids = [place.entity] if place is not None and place.entity else []
        ids += [self.catalogue.by_en.get(c.lower()) for c in doc.credits]
        have = {e.id for e in doc.entities}
        for eid in ids:
            if eid in self.catalogue.entities and eid not in have:
                doc.entities.append(de.from_catalogue(eid))
                have.add(eid)


    def _confirmed(self, text: str, matches: list[Match], spans: list[tuple[int, int, str]], norm=None
                   ) -> list[Match]:
        """Drops place and organisation names that are also common words (إطار, الجديدة) unless the model, reading
        the context, sees a name there too, or a place word stands before a town ("بمحافظة الحديدة"); and towns
        written with tanween ("صبياً" is "as a boy") or read by the model as the end of a person's name ("اللواء علي
        الأحمدي")."""
        out = []
        # towns as words or family names need tanween somewhere in the text, or a person read by the model
        tanween = norm is not None and any(ch in norm.original for ch in TANWEEN)
        people = [(s, e) for s, e, t in spans if t == "PER"]
        heads = self.lex.idiom_heads
        nouns = self._everyday_nouns(text)  # names used in this text as the everyday noun they also are (القاعدة)
        constructs = self.lex.construct_names
        # a text that writes final ي as ى ("فى", "التى") writes its nisbas so too: "اليمنى" is then Yemeni
        ya_as_maqsura = norm is not None and any(w in norm.original for w in self.lex.maqsura_markers)
        for m in matches:
            if m.kind == "name" and (nouns and self._as_noun(m, text, nouns) or
                                     constructs and text[m.start:m.end] in constructs and self._in_construct(m, text)):
                continue
            if m.kind == "nisba" and (self._first_name(m, text, people) or not ya_as_maqsura and _other_word(m, norm)):
                continue
            inside = [s for s, e in people if s < m.start and m.end <= e]  # person spans holding the match
            if m.kind == "name" and (tanween or inside) and self._town(m, text) and (
                    tanween and _tanween(m, norm) or self._surname(m, text, inside)):
                continue
            if m.how == "surname" and inside:
                continue  # "المهندس فهد الجبير": another person of the same family, not the catalogue's al-Jubeir
            if m.kind == "name" and text.endswith(heads, m.start, m.end) and self._in_idiom(m, text):
                continue
            if m.kind == "name" and self._doubtful(m, text):
                seen = any(s < m.end and m.start < e for s, e, _ in spans) and not self._plain_word(m, text)
                if not (seen or self._after_place_word(m, text)):
                    alt = self._clitic_reading(m, text, norm)
                    if alt is not None:
                        out.append(alt)
                    continue
            out.append(m)
        return out

    def _first_name(self, m: Match, text: str, people: list[tuple[int, int]]) -> bool:
        """Whether a nisba without the article is a name inside a longer person's name the model reads: its first
        word ("تركي المانع"), after بن/أبو ("فيصل بن تركي"), or last after a listed first name ("إسماعيل مغربي"; not
        "فيتو روسي", a Russian veto). A nisba with the article is an adjective ("الرئيس التركي")."""
        if text.startswith(self.lex.article, m.start) or m.start > 0 and text[m.start - 1].isalpha() and \
                text[m.start - 1] not in self.lex.conjunctions:
            return False
        for s, e in people:
            if s <= m.start and m.end <= e and e - s > m.end - m.start + 2:
                before = text[s:m.start].split()
                if not before or text[s:m.start] in self.lex.conjunctions:
                    return True
                prev = before[-1][1:] if before[-1][0] in self.lex.conjunctions else before[-1]  # والأمير
                if prev in self.lex.name_joiners or prev in self.lex.person_titles or \
                        m.end == e and self.names.get(prev) == "PER":
                    return True
        return False

    def _everyday_nouns(self, text: str) -> dict[str, frozenset[str]]:
        """The names of `noun_names` that this text also uses as the everyday noun ("قاعدة العند الجوية": a base),
        each with the words that keep a bare use of it a name."""
        out = {}
        for (noun, pattern), (_, _, keep) in zip(self.lex.noun_senses, self.lex.noun_names):
            if noun in text and pattern.search(text) is not None:
                out[noun] = keep
        return out

    def _as_noun(self, m: Match, text: str, nouns: dict[str, frozenset[str]]) -> bool:
        """Whether a bare name ("القاعدة", "للقاعدة") is the everyday noun: no word that makes it the name stands
        before it, and it is not in quotation marks."""
        surface = text[m.start:m.end]
        bare = surface[len(self.lex.article):] if surface.startswith(self.lex.article) else surface[1:]
        keep = nouns.get(bare)
        if keep is None or not surface.endswith(bare):
            return False
        start = m.start
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if start > 0 and text[start - 1] in _QUOTES:
            return False
        words = text[max(0, start - 30):start].split()
        return not words or words[-1] not in keep

    def _in_construct(self, m: Match, text: str) -> bool:
        """Whether a town's name that is also a plural noun stands in construct before a definite noun ("حماة
        الوطن" = the protectors of the homeland): not after a place word, and not before a word that follows towns
        (a point of the compass, a day) or a nationality adjective ("حماة السورية")."""
        nxt = text[m.end:m.end + 30].split(maxsplit=1)
        if m.end >= len(text) or text[m.end] != " " or not nxt or not nxt[0].startswith(self.lex.article):
            return False
        if nxt[0] in self.lex.place_followers or any(x.kind == "nisba" for x in self.matcher.find(nxt[0])):
            return False
        start = m.start
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        words = text[max(0, start - 30):start].split()
        prev = words[-1] if words else ""
        forms = {prev} | {prev[len(c):] for c in self.lex.clitics if prev.startswith(c)}
        return not any(f in self.lex.place_heads or self.lex.triggers.get(f) == "LOC" for f in forms)

    def _clitic_reading(self, m: Match, text: str, norm=None) -> Match | None:
        """The other reading of a dropped one-word name that opens with a clitic letter: "وجدة" is not Oujda here
        but "and Jeddah". Kept only when that name is itself not doubtful."""
        word = text[m.start:m.end]
        if len(word) < 4 or word[0] not in self.lex.clitics or " " in word:
            return None
        sub = self.matcher.find(word[1:])
        if len(sub) != 1 or sub[0].kind != "name" or sub[0].start != 0 or sub[0].end != len(word) - 1:
            return None
        alt = Match(m.start + 1, m.end, sub[0].kind, sub[0].target, sub[0].how)
        return None if self._doubtful(alt, text) or not self._spelt_as_named(alt, norm) else alt

    def _spelt_as_named(self, m: Match, norm) -> bool:
        """Whether the original word ends with the same letter as the catalogue name: folding ة and ه together
        makes "وجده" ("he found it") look like "وجدة" ("and Jeddah")."""
        ent = self.catalogue.entities.get(m.target)
        if norm is None or ent is None or not ent.name_ar:
            return True
        s, e = norm.span(m.start, m.end)
        word = norm.original[s:e].rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
        return not word or ent.name_ar[-1] not in "ةه" or word[-1] == ent.name_ar[-1]

    def _surname(self, m: Match, text: str, inside: list[int]) -> bool:
        """Whether a town's name stands as a family name: the model reads it as the end or the middle of a longer
        person name ("اللواء علي الأحمدي", "محمد القصير"; `inside` holds the starts of those person spans), with no
        clitic on it ("بالرياض" is "in Riyadh") and no title or place word before it ("أمين الأحساء" is the mayor of
        al-Ahsa)."""
        if m.start < 2 or text[m.start - 1] != " ":
            return False
        words = text[max(0, m.start - 30):m.start].split()
        if not words or words[-1] in self.lex.triggers or words[-1] in self.lex.titles or \
                words[-1] in self.lex.place_prepositions:
            return False
        return any(all(ch.isalpha() or ch == " " for ch in text[s:m.start]) for s in inside)

    def _town(self, m: Match, text: str) -> bool:
        """Whether the match names a one-word town or region (not a country, whose names are not surnames)."""
        ent = self.catalogue.entities.get(m.target)
        return ent is not None and ent.type in ("GPE", "LOC") and self.catalogue.by_country.get(
            ent.country or "") != ent.id and " " not in text[m.start:m.end]

    def _not_a_name(self, span: str) -> bool:
        """A model span that is no name: a currency or month ("مليار ريال"), or a formula of praise of God ("الله
        تعالى", "ولله الحمد", "بحمد الله"): it holds such a word or opens with God's name."""
        return span in self.lex.not_names or self.lex.formula.search(span) is not None

    def _in_idiom(self, m: Match, text: str) -> bool:
        """Whether the match opens a phrase in which the name is an ordinary word ("النيل من أمن البلاد",
        "للقاعدة البحرية"): the words after it are the idiom's, and the match ends like the idiom's first word
        (whatever clitic or article it carries)."""
        if m.end >= len(text) or text[m.end] != " ":
            return False
        k = m.end + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        nxt = text[m.end + 1:k]
        surface = text[m.start:m.end]
        for head, tail in self.lex.idioms_by_next.get(nxt, ()):
            stop = m.end + len(tail)
            if text.startswith(tail, m.end) and (stop == len(text) or not text[stop].isalpha()) and \
                    surface.endswith(head):
                return True
        return False

    def _plain_word(self, m: Match, text: str) -> bool:
        """A place name that is first of all a word (جامعة "university", معسكر "camp", آب "August"), or a short one
        glued to a clitic ("وكيل" is not "و + Kiel"): the model's reading is not enough, a place word must say so."""
        surface = text[m.start:m.end]
        if surface in self.lex.everyday_places:
            return True
        if len(surface) > 3 or m.start == 0 or not text[m.start - 1].isalpha() or surface in self.lex.towns_as_names:
            return False
        word_start = m.start
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        return text[word_start:m.end] in _lemmas()  # the whole word is a word of its own: وكيل, وليل, بابا

    def _doubtful(self, m: Match, text: str) -> bool:
        ent = self.catalogue.entities.get(m.target)
        if ent is None or ent.type == "PER":
            return False
        surface = text[m.start:m.end]
        if self.catalogue.by_country.get(ent.country or "") == ent.id:
            return surface in self.lex.countries_as_words  # "دعم مالي" is financial support, "في مالي" the country
        if " " in surface:
            return False
        if surface in self.common or (ent.type in ("GPE", "LOC") and self._plain_word(m, text)):
            return True
        # A one-word town whose name is an inflected everyday word (الجديدة "the new", الخبر "the news", القصر
        # "the palace"): the dictionary gives it a lemma other than itself.
        if ent.type not in ("GPE", "LOC"):
            return False
        forms = {surface, "ا" + surface} if surface.startswith("ل") else {surface}  # للحراك: the article lost its alef
        return not forms & self.lex.towns_as_names and any(_everyday(f) for f in forms)

    def _after_place_word(self, m: Match, text: str) -> bool:
        """Whether a place word of the lexicon's triggers heads the match as its first term: "مدينة الخبر",
        "بمحافظة الحديدة", "شمال الطائف" (the place word has no article; the name has no clitic)."""
        if m.start == 0 or not text[m.start - 1].isspace():
            return False
        triggers = self.lex.triggers
        if triggers.get(text[m.start:m.end]) == "LOC" or triggers.get(text[m.start + 2:m.end]) == "LOC":
            return False  # the match is itself a place word (مدينة)
        words = text[max(0, m.start - 30):m.start].split()
        if not words:
            return False
        w = words[-1]
        forms = {w} | {w[len(c):] for c in self.lex.clitics if w.startswith(c)}
        if text[m.start:m.end] in self.lex.countries_as_words and forms & self.lex.place_prepositions:
            return True  # "في مالي"
        return any(triggers.get(f) == "LOC" for f in forms)


_QUOTES = frozenset('"«“”\'')
TANWEEN = frozenset("\u064b\u064c\u064d")


def _tanween(m: Match, norm) -> bool:
    """Whether the original text writes the matched word with tanween: an indefinite noun or adverb, no name."""
    if norm is None:
        return False
    s, e = norm.span(m.start, m.end)
    return any(ch in TANWEEN for ch in norm.original[s:e])


_HARAKAT = re.compile("[\u064b-\u0652\u0640]")


def _other_word(m: Match, norm) -> bool:
    """Whether a nisba written with a final ى is another word the dictionary knows ("مجرى" = a course, not مجري
    Hungarian; "اليمنى" = the right one): the dictionary gives the spelling a lemma that is no nisba. A real nisba in
    Egyptian spelling ("المصرى", "السعودى") has its nisba as lemma, or is not in the dictionary."""
    if norm is None:
        return False
    s, e = norm.span(m.start, m.end)
    word = _HARAKAT.sub("", norm.original[s:e])
    if not word.endswith("ى"):
        return False
    from marsad.analyse.entities.ner import lemma_table

    table = lemma_table()
    for form in (word, "ال" + word, word[2:]):
        lemma = table.get(form)
        if lemma is not None:
            return not _HARAKAT.sub("", lemma).endswith("ي")
    return False


def _lemmas() -> dict[str, str]:
    from marsad.analyse.entities.ner import dictionary_lemmas

    return dictionary_lemmas()


def _everyday(word: str) -> bool:
    """Whether a word (or it without its article) is an inflected dictionary word: its lemma is another form."""
    lemmas = _lemmas()
    bare = word[2:] if word.startswith("ال") and len(word) > 4 else word
    return any(w in lemmas and lemmas[w] != w for w in {word, bare})


def _folded_sentences(doc: Doc) -> list[tuple[int, int]]:
    norm = doc.norm
    if not doc.sentences:
        return [(0, len(norm.text))]
    return [(norm.from_original(s.start), norm.from_original(s.end)) for s in doc.sentences]


__all__ = ["EntityRecognizer"]
