"""From matches to entities: offices to their holders on the article's date, titles with nisbas to people already
named, appositive names after an office to the office holder, model-found names to their own entities.

Everything works on folded offsets; `DocEntities.finish` maps mentions back to offsets in `doc.text`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from marsad.analyse.entities.catalogue import Catalogue, CatEntity
from marsad.analyse.entities.clitics import Lexicon
from marsad.analyse.entities.matcher import Match
from marsad.arabic.normalize import NormText, normalize
from marsad.doc import Entity, Mention

# Similarity (rapidfuzz ratio, 0-100) for a name right after an office to count as the office holder (فان يي after
# وزير الخارجية الصيني is Wang Yi), and for a model-found name to join a person already named in the document.
APPOSITIVE_MIN = 70.0
MERGE_MIN = 85.0
_WORD = re.compile(r"\w+")
_GAP = re.compile(r"[\s،,]*")
# What may stand before a word inside its token: clitics and the article ("والجيش", "بالحكومة", "للجيش": the
# groups hold where the article starts), or a single clitic before a surname ("وللصباح" is not one).
_DEFINITE = re.compile(r"[وف]?(?:[بك]?(ال)|ل(ل))")
_CLITIC = re.compile(r"[وفلب]?")
_NOTHING = re.compile("")
_MAX_PREFIX = 4


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"  # the regular-expression \w


def _uses(text: str, word: str, prefix: re.Pattern) -> list[tuple[re.Match, int, int]]:
    """(prefix match, start, end) of each whole token made of `prefix` and then `word`, left to right.

    A plain substring search for the word with the token's edges checked by hand: a pattern that starts with
    optional clitics and a look-behind would be tried at every character of the text.
    """
    out = []
    n, size = len(word), len(text)
    i = text.find(word) if word else -1
    while i >= 0:
        e = i + n
        if e == size or not _is_word(text[e]):
            ws = i
            while ws > 0 and i - ws <= _MAX_PREFIX and _is_word(text[ws - 1]):
                ws -= 1
            p = prefix.fullmatch(text, ws, i) if ws == 0 or not _is_word(text[ws - 1]) else None
            if p is not None:
                out.append((p, ws, e))
                i = text.find(word, e)
                continue
        i = text.find(word, i + 1)
    return out


def _definite_uses(text: str, head: str) -> list[tuple[int, int]]:
    """(start, end) of each use of `head` with the article, after optional clitics (الجبهة, والجبهة, بالجبهة,
    للجبهة); the mention starts at the article (the second lam of "لل")."""
    return [(p.start(1) if p.start(1) >= 0 else p.start(2), e) for p, _, e in _uses(text, head, _DEFINITE)]


@dataclass(slots=True)
class ModelSpan:
    """A name the statistical model found where the catalogue has nothing: folded offsets and PER/ORG/LOC."""

    start: int
    end: int
    type: str


class DocEntities:
    """Entities of one document under construction, in order of first mention."""

    def __init__(self, cat: Catalogue, lex: Lexicon, text: str, day: str):
        self.cat, self.lex, self.text, self.day = cat, lex, text, day
        self.by_id: dict[str, Entity] = {}
        self.aliases: dict[str, str] = {}  # folded surface form -> entity id, learnt in this document
        self.last_person: str | None = None
        self.taken = bytearray(len(text))  # 1 where a mention already covers the character

    # -- entities -------------------------------------------------------------------------------------------
    def from_catalogue(self, eid: str) -> Entity:
        """The document's entity for catalogue id `eid`, with the role held on the article's date."""
        ent = self.by_id.get(eid)
        if ent is not None:
            return ent
        c: CatEntity = self.cat.entities[eid]
        ent = Entity(id=c.id, name_en=c.name_en, name_ar=c.name_ar, type=c.type, wikidata=c.wikidata,
                     country=c.country, sector=c.sector, lat=c.lat, lon=c.lon)
        if c.type == "PER":
            role = self.cat.role_of(eid, self.day)
            if role is not None:
                # an international official acts for the organisation, not for the country of their passport
                ent.country = None if role.sector == "IGO" and not role.country else role.country or ent.country
                org = self.cat.office_org(role.office) if role.sector == "IGO" and not role.country else None
                if org is not None:
                    ent.org, ent.org_en = org, self.cat.entities[org].name_en
                ent.sector = role.sector or ent.sector
                ent.role = role.role_en or None
        self.by_id[eid] = ent
        return ent

    def new_entity(self, name: str, typ: str) -> Entity:
        """An entity the catalogue lacks, keyed by its folded name within the document."""
        eid = f"new:{typ.lower()}:{name}"
        ent = self.by_id.get(eid)
        if ent is None:
            ent = Entity(id=eid, name_en=name, name_ar=name, type=typ)
            self.by_id[eid] = ent
        return ent

    def office_entity(self, slug: str) -> Entity:
        """A stand-in person for an office whose holder on the date is unknown (keeps country and sector)."""
        eid = f"office:{slug}"
        ent = self.by_id.get(eid)
        if ent is None:
            o = self.cat.offices.get(slug)
            role = o.role_en if o else slug
            country = o.country if o else None
            ent = Entity(id=eid, name_en=f"{role} ({country})" if country else role, name_ar="", type="PER",
                         country=country, sector=o.sector if o else None, role=role)
            self.by_id[eid] = ent
        return ent

    def mention(self, ent: Entity, s: int, e: int, how: str) -> None:
        ent.mentions.append(Mention(s, e, self.text[s:e], how))
        self.taken[s:e] = b"\x01" * (e - s)
        if ent.type == "PER":
            self.last_person = ent.id
            if ent.name_ar == "" and how != "office":
                ent.name_ar = self.text[s:e]

    # -- offices and titles -------------------------------------------------------------------------------------
    def office_holder(self, slug: str) -> str | None:
        role = self.cat.holder(slug, self.day)
        return role.entity if role and role.entity in self.cat.entities else None

    def counterpart(self, country: str) -> str | None:
        """The holder, in `country`, of the office the last-named person holds (نظيره الصيني)."""
        if self.last_person is None:
            return None
        role = self.cat.role_of(self.last_person, self.day)
        if role is None or ":" not in role.office:
            return None
        return self.office_holder(f"{country}:{role.office.split(':', 1)[1]}")

    def titled_person(self, role_word: str, country: str) -> str | None:
        """The latest person named in the document from `country` whose role contains `role_word` (or one of its
        "|"-separated alternatives: a minister may be a "secretary")."""
        words = role_word.split("|") if role_word else []
        for ent in reversed(list(self.by_id.values())):
            if ent.type != "PER" or ent.country != country:
                continue
            if not words or any(w in (ent.role or "").lower() for w in words):
                return ent.id
        return None

    def appositive(self, end: int, country: str | None, holder: str | None) -> tuple[int, int, str] | None:
        """A name written right after an office that is (a misspelling of) the holder or a person of `country`."""
        gap = _GAP.match(self.text, end)
        pos = gap.end() if gap else end
        words = []
        for m in _WORD.finditer(self.text, pos):
            if words and self.text[words[-1].end():m.start()].strip():
                break
            words.append(m)
            if len(words) == 3:
                break
        if not words or words[0].start() != pos:
            return None
        cands = self._candidates(country, holder)
        best = None
        for k in range(len(words), 0, -1):
            phrase = self.text[words[0].start():words[k - 1].end()]
            for eid in cands:
                for v in self.cat.entities[eid].names_ar:
                    if v.count(" ") + 1 != k:
                        continue
                    score = fuzz.ratio(phrase, v)
                    if score >= APPOSITIVE_MIN and (best is None or score > best[0]):
                        best = (score, words[0].start(), words[k - 1].end(), eid)
        return best[1:] if best else None

    def _candidates(self, country: str | None, holder: str | None) -> list[str]:
        out = [holder] if holder in self.cat.entities else []
        if country:
            out += [p for p in self.cat.persons_of(country) if p != holder]
        return out


def overlaps(a: tuple[int, int], taken: bytearray) -> bool:
    """True when a mention already covers part of span `a`."""
    return any(taken[a[0]:a[1]])


def to_original(ents: list[Entity], norm: NormText, original: str) -> list[Entity]:
    """Maps every mention to offsets in the original text; drops entities left without a mention."""
    out = []
    for ent in ents:
        if not ent.mentions:
            continue
        for m in ent.mentions:
            m.start, m.end = norm.span(m.start, m.end)
            m.text = original[m.start:m.end]
        ent.mentions.sort(key=lambda m: m.start)
        if ent.id.startswith("new:"):
            # Named as first written (with its hamzas), not in the folded form the id uses.
            first = next((m.text for m in ent.mentions if m.how == "model"), ent.mentions[0].text)
            ent.name_ar = ent.name_en = first
        out.append(ent)
    return out


def is_adjacent(text: str, end: int, start: int) -> bool:
    """True when only spaces lie between `end` and `start`."""
    return end <= start and not text[end:start].strip()


def resolve_matches(de: DocEntities, matches: list[Match]) -> set[int]:
    """Turns matches into mentions in text order; returns the indexes of matches absorbed by an earlier one."""
    used: set[int] = set()
    text = de.text
    for i, m in enumerate(matches):
        if i in used:
            continue
        nxt = _next_outer(matches, i)
        if m.kind == "inner":
            _inner(de, m)
        elif m.kind == "name":
            if m.how == "surname" and _joined_name(text, m.start, de.lex):
                continue  # "حسن أبو هنية" is not Haniyeh: the surname belongs to a longer name
            ent = de.from_catalogue(m.target)
            de.mention(ent, m.start, m.end, m.how)
        elif m.kind == "office":
            if not _subordinate(text, m.start, de.lex):
                _office(de, m, nxt)
        elif m.kind == "title":
            if nxt is not None and nxt.kind == "nisba" and is_adjacent(text, m.end, nxt.start):
                if _titled(de, m, nxt, _next_outer(matches, matches.index(nxt))):
                    used.add(matches.index(nxt))
        elif m.kind == "nisba":
            eid = de.cat.by_country.get(m.target)
            if eid:
                de.mention(de.from_catalogue(eid), m.start, m.end, "nisba")
    return used


def _subordinate(text: str, start: int, lex: Lexicon) -> bool:
    """An office or a body's head noun after a title word ("نائب خادم الحرمين الشريفين", "مستشار الرئيس الأمريكي",
    "رئيس الحكومة", "المتحدث باسم الجيش"): the phrase names another person, not the office's holder or the body."""
    return _spaced_word_before(text, start).lstrip("وف") in lex.title_words


def _joined_name(text: str, start: int, lex: Lexicon) -> bool:
    """The word before a surname joins it to another name (أبو, بن, آل): "أبو هنية" is someone else's name."""
    return _spaced_word_before(text, start) in lex.name_joiners


def _spaced_word_before(text: str, start: int) -> str:
    """The word before offset `start` when a space separates them, else "" (a glued clitic is no word)."""
    if start == 0 or text[start - 1] != " ":
        return ""
    prev = text[max(0, start - 20):start].split()
    return prev[-1] if prev else ""


def _next_outer(matches: list[Match], i: int) -> Match | None:
    for m in matches[i + 1:]:
        if m.kind != "inner":
            return m
    return None


def _inner(de: DocEntities, m: Match) -> None:
    """A country named inside an office phrase: a mention of the country, nested in the office's mention."""
    if m.target.startswith("="):
        eid = de.cat.by_country.get(m.target[1:])
    else:
        c = de.cat.entities.get(m.target)
        eid = m.target if c is not None and de.cat.by_country.get(c.country or "") == c.id else None
    if eid:
        ent = de.from_catalogue(eid)
        ent.mentions.append(Mention(m.start, m.end, de.text[m.start:m.end], "nisba" if m.how == "nisba" else "name"))


def _office(de: DocEntities, m: Match, nxt: Match | None) -> None:
    office = de.cat.offices.get(m.target)
    country = office.country if office else None
    if nxt is not None and nxt.kind == "name" and is_adjacent(de.text, m.end, nxt.start) and \
            de.cat.entities[nxt.target].type == "PER":
        # The text names the holder: it wins over the catalogue's dates.
        de.mention(de.from_catalogue(nxt.target), m.start, m.end, "office")
        return
    holder = de.office_holder(m.target)
    app = de.appositive(m.end, country, holder) if nxt is None or nxt.start > m.end + 1 else None
    if app is not None:
        ent = de.from_catalogue(app[2])
        de.mention(ent, m.start, m.end, "office")
        de.mention(ent, app[0], app[1], "alias")
        de.aliases[de.text[app[0]:app[1]]] = ent.id
        return
    ent = de.from_catalogue(holder) if holder else de.office_entity(m.target)
    de.mention(ent, m.start, m.end, "office")


def _titled(de: DocEntities, title: Match, nisba: Match, after: Match | None) -> bool:
    """A title with a nationality adjective (الوزير الصيني, نظيره الصيني): resolves to a person if it can."""
    country = nisba.target
    if after is not None and after.kind == "name" and is_adjacent(de.text, nisba.end, after.start) and \
            de.cat.entities[after.target].type == "PER":
        return False  # الزعيم الصيني شي جين بينغ: the name is there; the nisba stays a mention of the country
    if title.target == "=counterpart":
        pid = de.counterpart(country)
    else:
        pid = de.titled_person(title.target, country)
    app = de.appositive(nisba.end, country, pid)
    if app is not None:
        pid = app[2]
    if pid is None:
        return False
    ent = de.from_catalogue(pid) if pid in de.cat.entities else de.by_id[pid]
    de.mention(ent, title.start, nisba.end, "office")
    if app is not None:
        de.mention(ent, app[0], app[1], "alias")
        de.aliases[de.text[app[0]:app[1]]] = ent.id
    return True


def resolve_model(de: DocEntities, spans: list[ModelSpan], common: frozenset[str] = frozenset(),
                  names: dict[str, str] | None = None) -> None:
    """Adds model-found names that no catalogue mention covers, merging them with people already named."""
    people = [e for e in de.by_id.values() if e.type == "PER"]
    for sp in spans:
        if overlaps((sp.start, sp.end), de.taken):
            continue
        start = sp.start + clitic_length(de.text[sp.start:sp.end], de.lex, common, names)
        if sp.type == "PER":
            start += _title_length(de.text[start:sp.end], de.lex)
        name = de.text[start:sp.end]
        if sp.type == "PER" and _rest_of_name(de, start):
            continue
        eid = de.aliases.get(name)
        if eid is None and sp.type == "PER":
            eid = _similar_person(name, people, de.cat, de.lex.name_joiners)
        if eid is not None:
            de.mention(de.by_id[eid], start, sp.end, "alias")
            continue
        ent = de.new_entity(name, sp.type)
        de.mention(ent, start, sp.end, "model")
        if sp.type == "PER":
            people.append(ent)


def _rest_of_name(de: DocEntities, start: int) -> bool:
    """Whether a model-found person name goes on a name already read, after بن/آل ("محمد بن نايف بن عبدالعزيز آل
    سعود": the catalogue read محمد بن نايف; عبدالعزيز and سعود are his father's and family's names, not people)."""
    words = de.text[max(0, start - 40):start].split()
    if not words or words[-1] not in de.lex.name_joiners or words[-1] in ("أبو", "ابو", "أبي", "ابي"):
        return False
    k = start - len(words[-1]) - 1  # the character before the joiner's space
    while k > 0 and de.text[k - 1] == " ":
        k -= 1
    # the word before the joiner belongs to a name already read, or is itself a father's name after another بن
    return any(de.taken[max(0, k - 2):k]) or len(words) > 2 and words[-3] in de.lex.name_joiners and any(
        de.taken[max(0, start - 40):k])


def clitic_length(name: str, lex: Lexicon, common: frozenset[str], names: dict[str, str] | None = None) -> int:
    """Length of a proclitic glued to the first word of a model-found name (لمنظمه -> ل, ومحمد -> و), or 0.

    The split is made only when what is left is clearly a word of its own: it starts with the article, it is a
    frequent word, a word that heads a name (بجامعة) or, after و, a whole name of the model's name lists
    (ومحمد, وخالد: "and" before a name in a list); a listed name (فيصل, وليد, كاليفورنيا) or a name like بكر stays
    whole, and so do foreign names whose first letter reads like a clitic before a listed name (بريم, كريم, لوزان).
    """
    first = name.split(" ", 1)[0]
    names = names or {}
    if names.get(first, "part")[:4] != "part":
        return 0  # فيصل is a name, not ف + يصل; كاليفورنيا not ك + اليفورنيا
    splits = [(n, first[n:]) for n in (2, 1) if first[:n] in lex.clitics and len(first) - n >= 3]
    for n, rest in splits:
        if rest.startswith(lex.article):
            return n
    for n, rest in splits:
        if rest in common or rest in lex.triggers or first[:n] == "و" and names.get(rest, "part")[:4] != "part":
            return n
    return 0


def _title_length(name: str, lex: Lexicon) -> int:
    """Length of a rank or honorific before a model-found person name, with the space after it ("العماد عون" -> 7),
    or 0 when the name has no such word first or nothing after it."""
    first, _, rest = name.partition(" ")
    if first in lex.person_titles and rest.strip():
        return len(name) - len(rest.lstrip())
    return 0


def _similar_person(name: str, people: list[Entity], cat: Catalogue, joiners: frozenset[str] = frozenset()
                    ) -> str | None:
    """The first person of the document (catalogue people first) with a spelling close to `name` and as many words,
    or, for one word, whose name ends with it: a surname alone after the full name ("عون" -> ميشال عون). A last word
    after بن/أبو/آل is a father's or a family's name that others share ("سعود" is not سلمان بن عبدالعزيز آل سعود)."""
    k = name.count(" ") + 1
    for ent in people:
        c = cat.entities.get(ent.id)
        forms = c.names_ar if c else (ent.name_ar,)
        for v in forms:
            if v.count(" ") + 1 == k and fuzz.ratio(name, v) >= MERGE_MIN:
                return ent.id
        if k == 1 and any(_ends_with_surname(v, name, joiners) for v in (*forms, ent.name_ar)):
            return ent.id
    return None


def _ends_with_surname(full: str, word: str, joiners: frozenset[str]) -> bool:
    words = full.split()
    return len(words) > 1 and words[-1] == word and words[-2] not in joiners


def repeat_aliases(de: DocEntities) -> None:
    """Finds later uses of names learnt in this document (an appositive misspelling used again alone)."""
    for alias, eid in de.aliases.items():
        for _, start, end in _uses(de.text, alias, _NOTHING):
            if not overlaps((start, end), de.taken):
                de.mention(de.by_id[eid], start, end, "alias")


def head_references(de: DocEntities) -> None:
    """An organisation's head noun used alone after its full name ("وكانت الجبهة أعلنت", "أفادت الوزارة") is a
    mention of it, of the organisation with that head named last before it; so is the word after a ministry's head
    ("وزارة الخارجية الروسية" ... "وذكرت الخارجية")."""
    art = de.lex.article
    named: dict[str, list[tuple[int, Entity]]] = {}  # reference word -> (end of a mention, organisation)
    for ent in de.by_id.values():
        if ent.type != "ORG":
            continue
        for m in ent.mentions:
            words = de.text[m.start:m.end].split()
            # the head may follow one word ("دول مجلس التعاون": the council)
            k = next((i for i, w in enumerate(words[:2]) if w.removeprefix(art) in de.lex.org_heads), None)
            if k is None or k + 1 >= len(words):
                continue
            head = words[k].removeprefix(art)
            named.setdefault(head, []).append((m.end, ent))
            if head in de.lex.org_short_heads and words[k + 1].startswith(art):
                named.setdefault(words[k + 1].removeprefix(art), []).append((m.end, ent))
    for head, ends in named.items():
        ends.sort(key=lambda t: t[0])
        # the word with the article, after optional clitics: الجبهة, والجبهة, بالجبهة, للجبهة
        for start, end in _definite_uses(de.text, head):
            if overlaps((start, end), de.taken):
                continue
            before = [ent for e, ent in ends if e <= start]
            if before:
                de.mention(before[-1], start, end, "reference")


def repeat_surnames(de: DocEntities) -> None:
    """A person named in full and later by the last word of that name alone ("محمد المبارك الصباح" ... "قال
    الصباح"): the later word is a surname mention of the person with that surname named last before it. A surname
    that is also an everyday word counts only after a word of saying or doing, or inside quotation marks."""
    from marsad.analyse.entities.ner import dictionary_words

    everyday = dictionary_words()
    named: dict[str, list[tuple[int, Entity]]] = {}
    for ent in de.by_id.values():
        if ent.type != "PER":
            continue
        for m in ent.mentions:
            words = de.text[m.start:m.end].split()
            if len(words) > 1 and m.how in ("name", "alias") and len(words[-1].removeprefix(de.lex.article)) >= 3:
                named.setdefault(words[-1], []).append((m.end, ent))
    for surname, ends in named.items():
        ends.sort(key=lambda t: t[0])
        for _, token_start, end in _uses(de.text, surname, _CLITIC):
            start = end - len(surname)
            if overlaps((start, end), de.taken):
                continue
            before = [ent for e, ent in ends if e <= start]
            if _joined_name(de.text, start, de.lex):
                continue
            if before and (surname not in everyday or _named_by_context(de, token_start, end)):
                de.mention(before[-1], start, end, "surname")


def _named_by_context(de: DocEntities, start: int, end: int) -> bool:
    prev = de.text[max(0, start - 20):start].split()
    quoted = start > 0 and de.text[start - 1] in "\"«“'" and end < len(de.text) and de.text[end] in "\"»”'"
    return quoted or (bool(prev) and prev[-1] in de.lex.surname_contexts)


def towns_as_surnames(de: DocEntities) -> None:
    """A one-word town that is the last word of a person named in full before it ("برناردينو ليون" ... "وكان ليون
    قد لفت") is that person's surname, unless it is used as a place ("في ليون", "بليون")."""
    last: dict[str, list[tuple[int, Entity]]] = {}  # surname -> (end of a full mention, person)
    for ent in de.by_id.values():
        if ent.type == "PER":
            for m in ent.mentions:
                words = de.text[m.start:m.end].split()
                if len(words) > 1 and m.how in ("name", "alias", "model"):
                    last.setdefault(words[-1], []).append((m.end, ent))
    for town in [e for e in de.by_id.values() if e.type in ("GPE", "LOC") and e.country]:
        if de.cat.by_country.get(town.country) == town.id or normalize(town.name_ar) in de.lex.towns_as_names:
            continue  # a country or a town news names far more often than anyone (دبي)
        for m in list(town.mentions):
            before = sorted(t for t in last.get(de.text[m.start:m.end], ()) if t[0] <= m.start)
            if m.how in ("name", "alias") and before and not _place_use(de, m.start):
                town.mentions.remove(m)
                before[-1][1].mentions.append(Mention(m.start, m.end, m.text, "surname"))


def nisba_countries(de: DocEntities) -> None:
    """A name the catalogue lacks, followed right away by a nisba ("معهد بحثي أمريكي", "أحمد اكاي التركي"), belongs to
    that nisba's country."""
    after: dict[int, str] = {}  # start of a nisba mention -> its country
    for ent in de.by_id.values():
        if ent.country:
            for m in ent.mentions:
                if m.how == "nisba":
                    after[m.start] = ent.country
    for ent in de.by_id.values():
        if not ent.id.startswith("new:") or ent.country:
            continue
        for m in ent.mentions:
            gap = len(de.text) - len(de.text[m.end:].lstrip(" ")) - m.end
            if 0 < gap <= 2 and after.get(m.end + gap):
                ent.country = after[m.end + gap]
                break


def capital_metonyms(de: DocEntities) -> None:
    """A capital named as an actor ("وتتهم واشنطن ولندن وباريس", "أن موسكو ترفض") stands for its country too: the
    country gets the same words as a mention with `how` "capital" (the city keeps them: it is what the text names).
    A capital used as a place ("في واشنطن", "إلى موسكو", "لواشنطن", "مطار بغداد") is only the city."""
    for ent in list(de.by_id.values()):
        if ent.type != "GPE" or not ent.country or not de.cat.is_capital(ent.id):
            continue
        moved = [m for m in ent.mentions if m.how in ("name", "alias") and not _place_use(de, m.start)]
        if not moved:
            continue
        state = de.from_catalogue(de.cat.by_country[ent.country])
        state.mentions += [Mention(m.start, m.end, m.text, "capital") for m in moved]


def _place_use(de: DocEntities, start: int) -> bool:
    """Whether the name at folded offset `start` is used as a place: a preposition or place word before it, or
    a preposition glued to it."""
    head = de.text[max(0, start - 30):start]
    word_start = len(head) - len(head.split()[-1]) if head and not head[-1].isspace() else len(head)
    glue = head[word_start:].lstrip("وف")
    if glue and glue[0] in "بلك":
        return True
    before = head[:word_start].split()
    if not before:
        return True  # the text opens with it: a dateline or a heading
    prev = before[-1].strip("،,:()«»\"")
    lex = de.lex
    forms = {prev, prev[1:] if prev[:1] in "وف" else prev}
    return any(f in lex.place_prepositions or lex.triggers.get(f) == "LOC" for f in forms)


HOME_MARGIN = 1.5  # how much more often than any other country the article's own country is named


def national_references(de: DocEntities) -> None:
    """"الجيش" or "الحكومة" alone, where no such body was named, is the body of the article's own country: the
    country named most (at least twice, and half as often again as any other). Runs after head_references, which gives
    such words to a body named in full before them."""
    home = _home_country(de)
    if home is None:
        return
    for head, kind in de.lex.national_heads:
        eid = f"org:{kind}_{home.lower()}"
        if eid not in de.cat.entities:
            continue
        for start, end in _definite_uses(de.text, head):
            if not (overlaps((start, end), de.taken) or _qualified(de, end) or _subordinate(de.text, start, de.lex)):
                de.mention(de.from_catalogue(eid), start, end, "national")


def _qualified(de: DocEntities, end: int) -> bool:
    """Whether the word after a head noun makes it another body ("الجيش الحر", "الحكومة المؤقتة")."""
    nxt = de.text[end:end + 20].split()
    return bool(nxt) and nxt[0].startswith(de.lex.article)


def _home_country(de: DocEntities) -> str | None:
    counts = sorted(((len(e.mentions), e.country) for e in de.by_id.values()
                     if e.type == "GPE" and e.country and de.cat.by_country.get(e.country) == e.id), reverse=True)
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[0][0] < HOME_MARGIN * counts[1][0]):
        return None
    return counts[0][1]
