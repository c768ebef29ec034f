"""Arabic orthography around names: proclitics, the article, nisba forms and foreign-g spellings.

The words come from resources/ner/lexicon.yaml; everything here works on folded text (see arabic.normalize).
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.resources import load_yaml


@dataclass(frozen=True)
class Lexicon:
    """The folded word lists the recognizer uses around names."""

    clitics: frozenset[str]  # prefixes that may glue to a name: و ب ل وب ...
    article: str  # ال
    lil_clitics: frozenset[str]  # ل + ال merged: لل ولل فلل
    nisba_suffixes: tuple[str, ...]
    foreign_g: tuple[str, ...]
    arab_countries: frozenset[str]
    titles: dict[str, str]  # folded title -> role word it implies ("" any, "=counterpart")
    honorifics: frozenset[str]
    triggers: dict[str, str]  # folded word that often precedes a name -> the type it hints at (PER, ORG, LOC)
    org_heads: frozenset[str] = frozenset()  # head nouns that refer back to an organisation (الجبهة, الحركة)
    org_short_heads: frozenset[str] = frozenset()  # heads whose next word alone refers back too (وزارة -> الخارجية)
    surname_contexts: frozenset[str] = frozenset()  # words after which an everyday-word surname still names a person
    media_heads: frozenset[str] = frozenset()  # صحيفة, قناة ...: may stand before a name written in quotation marks
    name_joiners: frozenset[str] = frozenset()  # أبو, بن, آل: join the next word to a longer name
    towns_as_names: frozenset[str] = frozenset()  # everyday-word towns read as the town without context (الموصل)
    place_prepositions: frozenset[str] = frozenset()  # words that make a capital a place ("في واشنطن")
    national_heads: tuple[tuple[str, str], ...] = ()  # (head noun, body kind): "الجيش" -> the country's army
    countries_as_words: frozenset[str] = frozenset()  # مالي: a country name that is also an everyday word
    everyday_places: frozenset[str] = frozenset()  # جامعة, معسكر: towns read only after a place word
    not_names: frozenset[str] = frozenset()  # ريال, نيسان, الله: never a name found by the model
    not_name_words: frozenset[str] = frozenset()  # تعالى, الحمد: a model span holding one is a formula, not a name
    not_name_openers: frozenset[str] = frozenset()  # الله, ولله: a model span opening with one is not a name
    title_words: frozenset[str] = frozenset()  # "رئيس الحكومة": a title before a national body's head noun
    person_titles: frozenset[str] = frozenset()  # العماد, اللواء, الشيخ: before a name, not part of it
    idioms: tuple[tuple[str, str], ...] = ()  # "النيل من": (name without its article, " من"): the name is a word
    construct_names: frozenset[str] = frozenset()  # حماة: before a definite noun, "protectors of", not the town
    place_followers: frozenset[str] = frozenset()  # الشمالي, اليوم: definite words that follow a town's name
    place_heads: frozenset[str] = frozenset()  # ريف, مدينة: words before a town's name that make it the town
    # names that are also an everyday noun (القاعدة): (the noun without its article, words after it that show the
    # everyday sense, words before the name that keep it a name)
    noun_names: tuple[tuple[str, frozenset[str], frozenset[str]], ...] = ()
    maqsura_markers: tuple[str, ...] = ()  # " فى ": words showing that a text writes final ي as ى (not folded)
    conjunctions: frozenset[str] = frozenset()  # و ف: the clitics that are no preposition
    nisba_accusative: tuple[str, ...] = ()  # ending of a masculine nisba in the indefinite accusative (لبنانيا)
    nisba_accusative_not: frozenset[str] = frozenset()  # such forms that are names or words of another kind

    @functools.cached_property
    def idiom_heads(self) -> tuple[str, ...]:
        """The names' words the idioms open with, for one endswith test per match."""
        return tuple(sorted({head for head, _ in self.idioms}))

    @functools.cached_property
    def noun_senses(self) -> tuple[tuple[str, re.Pattern], ...]:
        """(noun, a pattern finding it in its everyday sense: one of its sense words within three words after it)."""
        out = []
        for noun, senses, _ in self.noun_names:
            alts = "|".join(map(re.escape, sorted(senses))) or "(?!)"
            out.append((noun, re.compile(rf"(?<!\w)\w{{0,4}}{re.escape(noun)}(?: \w+){{0,2}} (?:{alts})(?!\w)")))
        return tuple(out)

    @functools.cached_property
    def formula(self) -> re.Pattern:
        """A model span that opens with one of `not_name_openers` or holds one of `not_name_words`."""
        openers = "|".join(map(re.escape, sorted(self.not_name_openers))) or "(?!)"
        words = "|".join(map(re.escape, sorted(self.not_name_words))) or "(?!)"
        return re.compile(rf"^(?:{openers})(?!\S)|(?<!\S)(?:{words})(?!\S)")

    @functools.cached_property
    def idioms_by_next(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """The idioms by the first word after the name (" من" -> من), for a lookup per match."""
        out: dict[str, list[tuple[str, str]]] = {}
        for head, tail in self.idioms:
            out.setdefault(tail.split()[0], []).append((head, tail))
        return {k: tuple(v) for k, v in out.items()}

    @property
    def plain_prefixes(self) -> frozenset[str]:
        """What may stand before a name inside its token: nothing or a clitic."""
        return self.clitics | {""}

    @property
    def conjunction_prefixes(self) -> frozenset[str]:
        """What may stand before a word in the accusative inside its token: nothing, و or ف (no preposition)."""
        return self.conjunctions | {""}

    @property
    def lil_prefixes(self) -> frozenset[str]:
        """What may stand before a name whose article lost its alef (للصين): a clitic ending in ل."""
        return frozenset(c for c in self.clitics if c.endswith("ل"))

    @property
    def definite_prefixes(self) -> frozenset[str]:
        """What may stand before an adjective that takes the article: ال, وال, بال, لل, ولل ..."""
        art = self.article
        return self.plain_prefixes | {c + art for c in self.plain_prefixes} | self.lil_clitics


@functools.cache
def lexicon() -> Lexicon:
    """The packaged lexicon, folded."""
    y = load_yaml("ner/lexicon.yaml")
    f = lambda xs: frozenset(normalize(x) for x in xs)  # noqa: E731
    return Lexicon(
        clitics=f(y["clitics"]), article=normalize(y["article"]), lil_clitics=f(y["lil_clitics"]),
        nisba_suffixes=tuple(normalize(x) for x in y["nisba_plural_suffixes"]),
        foreign_g=tuple(normalize(x) for x in y["foreign_g"]),
        arab_countries=frozenset(y["arab_countries"]),
        titles={" ".join(normalize(k).split()): v for k, v in y["titles"].items()},
        honorifics=f(y["honorifics"]),
        triggers={normalize(w): typ for typ, ws in y.get("triggers", {}).items() for w in ws},
        org_heads=f(y.get("org_heads") or ()), org_short_heads=f(y.get("org_short_heads") or ()),
        surname_contexts=f(y.get("surname_contexts") or ()), media_heads=f(y.get("media_heads") or ()),
        name_joiners=f(y.get("name_joiners") or ()), towns_as_names=f(y.get("towns_as_names") or ()),
        place_prepositions=f(y.get("place_prepositions") or ()),
        national_heads=tuple((normalize(k), v) for k, v in (y.get("national_heads") or {}).items()),
        title_words=f(y.get("national_title_words") or ()), person_titles=f(y.get("person_titles") or ()),
        countries_as_words=f(y.get("countries_as_words") or ()),
        everyday_places=f(y.get("everyday_places") or ()), not_names=f(y.get("not_names") or ()),
        not_name_words=f(y.get("not_name_words") or ()), not_name_openers=f(y.get("not_name_openers") or ()),
        conjunctions=f(y.get("conjunctions") or ()),
        maqsura_markers=tuple(f" {w} " for w in y.get("maqsura_markers") or ()),
        noun_names=tuple((normalize(k).removeprefix(normalize(y["article"])), f(v.get("sense") or ()),
                          f(v.get("keep_after") or ())) for k, v in (y.get("noun_names") or {}).items()),
        construct_names=f(y.get("construct_names") or ()), place_followers=f(y.get("place_followers") or ()),
        place_heads=f(y.get("place_heads") or ()),
        nisba_accusative=tuple(normalize(x) for x in y.get("nisba_accusative_suffixes") or ()),
        nisba_accusative_not=f(y.get("nisba_accusative_not") or ()),
        idioms=tuple(_idiom(i, normalize(y["article"])) for i in sorted(f(y.get("idioms") or ()))),
    )


def _idiom(phrase: str, article: str) -> tuple[str, str]:
    """(the name's word without its article, the rest of the phrase with its leading space)."""
    head, _, tail = phrase.partition(" ")
    return (head[len(article):] if head.startswith(article) else head), " " + tail


def g_variants(name: str, letters: tuple[str, ...], limit: int = 27) -> list[str]:
    """Every spelling of `name` with its foreign-g letters (ج غ ق) interchanged, `name` first; at most `limit`."""
    slots = [i for i, c in enumerate(name) if c in letters]
    if not slots:
        return [name]
    out = [name]
    for combo in itertools.product(letters, repeat=len(slots)):
        chars = list(name)
        for i, c in zip(slots, combo):
            chars[i] = c
        v = "".join(chars)
        if v not in out:
            out.append(v)
        if len(out) >= limit:
            break
    return out


def split_clitic(token: str, known: frozenset[str] | set[str], lex: Lexicon | None = None) -> tuple[str, str]:
    """(prefix, stem) of a folded token: a proclitic is split off only when the rest is a known word.

    Foreign names that start with a clitic letter (لافروف, بوتين) stay whole unless the whole token is unknown
    and the remainder is known.
    """
    lex = lex or lexicon()
    if token in known:
        return "", token
    for n in (3, 2, 1):
        pre, rest = token[:n], token[n:]
        if len(rest) < 2:
            continue
        if pre in lex.clitics and rest in known:
            return pre, rest
        if pre in lex.lil_prefixes and lex.article[0] + rest in known:
            return pre, lex.article[0] + rest
    return "", token
