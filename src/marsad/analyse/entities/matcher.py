"""Finding catalogue names, offices, titles and nisba adjectives in folded text.

One Aho-Corasick automaton holds every folded variant. A hit counts only when it ends at a token end and starts at
a token start or after a proclitic (وبكين, لروسيا); a name that begins with the article may also be met with its
alef swallowed by ل (للصين). Overlaps are settled longest-leftmost.
"""
from __future__ import annotations

import re

from dataclasses import dataclass

import ahocorasick

from marsad.analyse.entities.catalogue import Catalogue
from marsad.analyse.entities.clitics import Lexicon, g_variants

# How a pattern may be preceded inside its token.
PLAIN, LIL, DEFINITE, ACCUSATIVE = 0, 1, 2, 3
# Longest proclitic stack we look back over (e.g. فبال).
_MAX_PREFIX = 4


@dataclass(slots=True)
class Match:
    """A hit in the folded text: [start, end) without any clitic; `kind` is name, office, nisba or title."""

    start: int
    end: int
    kind: str
    target: str  # entity id, office slug, ISO3 country, or the role word of a title
    how: str  # name | alias | surname | office | nisba | title


class Matcher:
    """Compiled patterns of a catalogue; `find(text)` returns non-overlapping matches left to right."""

    def __init__(self, cat: Catalogue, lex: Lexicon):
        self.lex = lex
        self.types = {eid: e.type for eid, e in cat.entities.items()}
        # a word in the accusative takes no preposition: only و or ف may stand before it ("بنيويا" is not ب + نيويا)
        self._prefixes = {PLAIN: lex.plain_prefixes, LIL: lex.lil_prefixes, DEFINITE: lex.definite_prefixes,
                          ACCUSATIVE: lex.conjunction_prefixes}
        self._pats: dict[str, list[tuple[int, str, str, str]]] = {}
        self._add_entities(cat)
        self._add_offices(cat)
        self._add_nisba(cat)
        for title, role in lex.titles.items():
            self._add(title, PLAIN, "title", role, "title", article=True)
        self.automaton = ahocorasick.Automaton()
        for key, payloads in self._pats.items():
            self.automaton.add_word(key, (len(key), tuple(payloads)))
        if self._pats:
            self.automaton.make_automaton()
        self.names = frozenset(k for k, v in self._pats.items() if any(p[1] == "name" for p in v))
        heads = "|".join(sorted(map(re.escape, lex.media_heads), key=len, reverse=True))
        self._marked = re.compile(
            rf"(?<!\w)[وفبل]{{0,2}}(?P<head>{heads})\s*[«“\"]\s*(?P<name>\w+(?: \w+){{0,3}}?)\s*[»”“\"]"
        ) if heads else None
        # "قال لـ«الشرق الأوسط»": words told to a name in marks; the name is a paper's when the catalogue knows one
        self._told = re.compile(r"(?<!\w)ل\s?[«“\"]\s*(?P<name>\w+(?: \w+){0,3}?)\s*[»”“\"]")
        self._paper_heads = tuple(sorted(lex.media_heads))

    def _add(self, key: str, mode: int, kind: str, target: str, how: str, *, article: bool = False) -> None:
        if len(key) < 2:
            return
        self._pats.setdefault(key, []).append((mode, kind, target, how))
        art = self.lex.article
        if article and key.startswith(art) and len(key) > len(art) + 1:
            # ل + ال -> لل: the pattern without its alef, valid only after a clitic ending in ل.
            self._pats.setdefault(key[1:], []).append((LIL, kind, target, how))

    def _add_entities(self, cat: Catalogue) -> None:
        for e in cat.entities.values():
            full = e.names_ar[0] if e.names_ar else ""
            foreign = e.type == "PER" and e.country not in self.lex.arab_countries
            for v in e.names_ar:
                how = "name" if v == full else "alias"
                if e.type == "PER" and " " not in v and " " in full:
                    how = "surname"
                spellings = g_variants(v, self.lex.foreign_g) if foreign else [v]
                for s in spellings:
                    self._add(s, PLAIN, "name", e.id, how if s == v or how != "name" else "alias", article=True)

    def _add_offices(self, cat: Catalogue) -> None:
        for o in cat.offices.values():
            for v in o.names_ar:
                self._add(v, PLAIN, "office", o.office, "office", article=True)

    def _add_nisba(self, cat: Catalogue) -> None:
        art, lex = self.lex.article, self.lex
        for iso, forms in cat.nisba.items():
            # every masculine spelling takes the plural endings ("الأمريكيين" and "الاميركيين")
            extra = [f + suf for f in forms if f.endswith("ي") for suf in lex.nisba_suffixes]
            for f in (*forms, *extra):
                f = f[len(art):] if f.startswith(art) else f
                self._add(f, DEFINITE, "nisba", iso, "nisba")
            # the indefinite accusative ("جنديا لبنانيا"), unless that spelling is a name (روسيا is Russia)
            for f in forms:
                if f.endswith("ي") and " " not in f and not f.startswith(art):
                    for suf in lex.nisba_accusative:
                        if f + suf not in self._pats and f + suf not in lex.nisba_accusative_not:
                            self._add(f + suf, ACCUSATIVE, "nisba", iso, "nisba")

    def find(self, text: str) -> list[Match]:
        """Matches in folded `text`, non-overlapping, longest-leftmost."""
        if not self._pats:
            return []
        found: list[Match] = []
        n = len(text)
        for end_idx, (length, payloads) in self.automaton.iter(text):
            e = end_idx + 1
            if e < n and text[e].isalnum():
                continue
            s = e - length
            prefix = _prefix(text, s)
            if prefix is None:
                continue
            for mode, kind, target, how in payloads:
                if prefix in self._prefixes[mode] and (not prefix or length >= 3):
                    found.append(Match(s - self._article_len(mode, prefix), e, kind, target, how))
                    break
        return _longest_leftmost(found)


    def marked_names(self, text: str, taken: list[Match]) -> list[Match]:
        """Names a paper wrote in quotation marks after their head word ('لصحيفة "الحياة"', 'لقناة “العالم “'):
        the head and the marked words together are a catalogue name; the mention is the marked words."""
        if self._marked is None or not any(q in text for q in '«“"'):
            return []
        out = []
        for m in self._marked.finditer(text):
            s, e = m.span("name")
            if any(t.start < e and s < t.end for t in taken):
                continue
            whole = self.find(m.group("head") + " " + m.group("name"))
            if len(whole) == 1 and whole[0].kind == "name" and whole[0].start == 0:
                out.append(Match(s, e, "name", whole[0].target, "alias"))
        return out

    def papers_told(self, text: str) -> list[Match]:
        """Names in quotation marks right after لـ ('قال لـ«الشرق الأوسط»', 'صرح لـ"الرياض"') that the catalogue
        knows as a paper or channel with its head word (صحيفة الشرق الأوسط): the mention is the outlet, not the region
        or the city its name also is."""
        if _TOLD_MARK.search(text) is None:
            return []
        out = []
        for m in self._told.finditer(text):
            s, e = m.span("name")
            for head in self._paper_heads:
                target = next((p[2] for p in self._pats.get(head + " " + m.group("name"), ()) if p[1] == "name"), None)
                if target is not None:
                    out.append(Match(s, e, "name", target, "alias"))
                    break
        return out

    def _article_len(self, mode: int, prefix: str) -> int:
        """How much of `prefix` is the article of an adjective (الروسي, للروسي): it belongs to the mention."""
        if mode != DEFINITE or not prefix:
            return 0
        if prefix.endswith(self.lex.article):
            return len(self.lex.article)
        return 1 if prefix in self.lex.lil_clitics else 0


_TOLD_MARK = re.compile("ل ?[«“\"]")  # a quick test before the fuller pattern of papers_told


def _prefix(text: str, s: int) -> str | None:
    """The characters between the token start and `s`, or None when the token starts too far back."""
    for k in range(_MAX_PREFIX + 1):
        i = s - k
        if i == 0 or not text[i - 1].isalnum():
            return text[i:s]
        if i - 1 < 0:
            break
    return None


def _longest_leftmost(found: list[Match]) -> list[Match]:
    """Non-overlapping matches, leftmost first and longest at a start; a country named inside an office phrase
    (the nisba of وزير الخارجية الروسي, the name in وزير خارجية روسيا) is kept as well, marked kind="inner"."""
    found.sort(key=lambda m: (m.start, m.start - m.end))
    out: list[Match] = []
    last_end = -1
    for m in found:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
        elif m.kind == out[-1].kind == "name" and m.target == out[-1].target and m.end > last_end:
            # two variants of one name overlapping ("الشيخ محمد المبارك" + "محمد المبارك الصباح"): one mention
            out[-1] = Match(out[-1].start, m.end, "name", m.target, "name")
            last_end = m.end
        elif out[-1].kind == "office" and m.end <= out[-1].end and m.kind in ("nisba", "name"):
            out.append(Match(m.start, m.end, "inner", m.target if m.kind == "name" else "=" + m.target, m.how))
    return out
