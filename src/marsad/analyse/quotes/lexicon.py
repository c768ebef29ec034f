"""The reporting-verb lexicon and the one compiled pattern that finds quotation marks and cues in a text."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.errors import ResourceFormatError
from marsad.resources import load_yaml, path

CUES_FILE = "quotes/cues.yaml"
ATTRIBUTION_FILE = "quotes/attribution.yaml"
CUE_KINDS = ("verbs", "transmit", "participles", "nouns", "documents")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded cue forms with their lemma and kind, and the word lists that shape an attribution."""

    forms: dict[str, tuple[str, str]]  # folded form -> (lemma, kind)
    pattern: re.Pattern  # group "m": a quotation mark; group "c": a cue word with an optional و/ف
    complementisers: frozenset[str]
    transmit_from: frozenset[str]
    subject_stops: frozenset[str]
    after_quote: tuple[tuple[str, ...], ...]  # word sequences
    anaphors: frozenset[str]
    pre_verb: tuple[str, ...]
    prepositions: frozenset[str]  # a mark right after one opens a quoted phrase, not a quotation
    pronoun_subjects: frozenset[str] = frozenset()  # "لكنه قال": the subject is someone named before
    document_nouns: frozenset[str] = frozenset()  # "جاء في البيان": texts that may be quoted
    document_self: frozenset[str] = frozenset()  # "بيانا جاء فيه"
    document_links: frozenset[str] = frozenset()  # "بيان صادر عن"
    transmit_from_pronouns: frozenset[str] = frozenset()  # "نقلت عنه": the source was named before
    noun_markers: frozenset[str] = frozenset()  # "تم نقل": the cue word after one is a verbal noun
    subject_adverbs: frozenset[str] = frozenset()  # "وقالت أيضا الوزارة": words before the subject
    non_verb_openers: frozenset[str] = frozenset()  # "وفي", "لكنها": a sentence not opening with its verb
    sentence_openers: tuple[str, ...] = ()  # "من جانبه": before a sentence's verb, longest first
    relation_words: frozenset[str] = frozenset()  # "نائب الرئيس": the one named after is not the speaker
    spokesman_links: frozenset[str] = frozenset()  # "المتحدث باسم": the body speaks unless its man is named
    oblique_plural: frozenset[str] = frozenset()  # "المشرعين": an object after the verb, not its subject
    oblique_nisba: frozenset[str] = frozenset()  # "الأمريكيين"

    def cue(self, word: str) -> tuple[str, str] | None:
        """(lemma, kind) of a folded word, with or without a leading و/ف."""
        hit = self.forms.get(word)
        if hit is None and len(word) > 2 and word[0] in "وف":
            hit = self.forms.get(word[1:])
        return hit


def _words(data: dict, key: str, where: str) -> list[str]:
    items = data.get(key)
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise ResourceFormatError(where, 1, f"{key!r} must be a list of words")
    return [normalize(x).strip() for x in items if x.strip()]


@functools.cache
def lexicon() -> Lexicon:
    """The packaged lexicon (loaded once per process)."""
    cues = load_yaml(CUES_FILE)
    where = str(path(CUES_FILE))
    forms: dict[str, tuple[str, str]] = {}
    for kind in CUE_KINDS:
        table = cues.get(kind)
        if not isinstance(table, dict):
            raise ResourceFormatError(where, 1, f"section {kind!r} must map a lemma to its forms")
        for lemma, lemma_forms in table.items():
            if not isinstance(lemma_forms, list):
                raise ResourceFormatError(where, 1, f"{kind}.{lemma}: forms must be a list")
            for f in lemma_forms:
                forms.setdefault(normalize(str(f)), (str(lemma), kind))
    att = load_yaml(ATTRIBUTION_FILE)
    awhere = str(path(ATTRIBUTION_FILE))
    # A trie-shaped alternation: the regex engine then tries one branch per letter instead of every form.
    pattern = re.compile(r'(?P<m>[«»“”„"])|(?<!\w)(?P<c>[وف]?' + _trie_regex(sorted(forms)) + r')(?!\w)')
    sets = {k: frozenset(_words(att, k, awhere)) for k in _WORD_SETS}
    return Lexicon(
        forms=forms,
        pattern=pattern,
        after_quote=tuple(tuple(w.split()) for w in _words(att, "after_quote", awhere)),
        pre_verb=tuple(_words(att, "pre_verb", awhere)),
        sentence_openers=tuple(sorted(_words(att, "sentence_openers", awhere), key=len, reverse=True)),
        **sets,
    )


# Fields of Lexicon read from attribution.yaml as plain word sets.
_WORD_SETS = ("complementisers", "transmit_from", "subject_stops", "anaphors", "prepositions", "pronoun_subjects",
              "document_nouns", "document_self", "document_links", "transmit_from_pronouns", "noun_markers",
              "subject_adverbs", "non_verb_openers", "relation_words", "spokesman_links",
              "oblique_plural", "oblique_nisba")


def _trie_regex(words: list[str]) -> str:
    """One regex alternation for `words`, shaped as a trie of their letters."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _node_regex(trie)


def _node_regex(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _node_regex(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if ends else body
