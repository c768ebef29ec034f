"""The Arabic event lexicon and its matcher: where in a text an event word (a cue) stands, and in which mode.

The lexicon (resources/events/lexicon.tsv) lists word forms with their CAMEO code; the PLOVER type and the Goldstein
score come from resources/events/cameo.tsv, derived from the PLOVER data by scripts/build_event_lexicon.py. Forms are
matched on the folded text with one Aho-Corasick automaton, then checked as whole words with the clitics of
resources/events/grammar.yaml around them. A few cues need a complement ("اطلق" + "النار") or are cancelled by a
neighbour ("وقف" before "اطلاق النار").
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import ahocorasick

from marsad.arabic.normalize import normalize
from marsad.errors import ResourceFormatError
from marsad.resources import load_tsv, load_yaml, path

WORD = re.compile(r"\w+")
MODES = ("negated", "intended", "hypothetical", "reported")


@dataclass(slots=True, frozen=True)
class Code:
    """A CAMEO code with its PLOVER type and Goldstein score."""

    cameo: str
    plover: str
    goldstein: float | None
    label: str


@dataclass(slots=True)
class Entry:
    """One lexicon row: the forms of an event word and how to code it."""

    id: str
    code: Code
    intent: Code | None
    kind: str  # v | n | p
    forms: tuple[str, ...]
    with_: tuple[tuple[str, ...], ...]
    window: int
    unless_before: frozenset[str]
    unless_after: frozenset[str]
    flags: frozenset[str]
    verbal: Code | None
    unless_far: frozenset[str] = frozenset()  # words that cancel the cue anywhere in the few words after it


@dataclass(slots=True)
class Cue:
    """An event word found in the text: folded and original offsets, its entry, its mode."""

    entry: Entry
    nstart: int  # folded-text offsets of the whole word (clitics included)
    nend: int
    start: int  # offsets in doc.text
    end: int
    word: str  # the folded word
    prefix: str
    mode: str | None = None
    tok: int = 0  # index of the word among its sentence's tokens
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Grammar:
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    future: str
    present: frozenset[str]
    target_markers: frozenset[str]
    target_prefixes: frozenset[str]
    place_markers: frozenset[str]
    place_prefixes: frozenset[str]
    clause_breaks: frozenset[str]
    blockers: dict[str, frozenset[str]]
    never: frozenset[str]
    between: str
    anchors: frozenset[str]
    against: str
    prepositions: frozenset[str]
    claims: frozenset[str]
    pronoun_subjects: frozenset[str] = frozenset()
    passives: frozenset[str] = frozenset()
    executions: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    subject_endings: tuple[str, ...] = ()
    object_pronouns: tuple[str, ...] = ()
    oblique_plural: str = ""
    subject_partitives: frozenset[str] = frozenset()  # "بعض", "عدد": the plural after them belongs to the subject
    nominative_plural: str = ""
    request_preps: frozenset[str] = frozenset()
    noun_prefixes: frozenset[str] = frozenset()
    nisba_endings: frozenset[str] = frozenset()
    nisba_article_endings: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    scripture_intros: frozenset[str] = frozenset()
    possibility: frozenset[str] = frozenset()
    theophoric: frozenset[str] = frozenset()
    narrative_present: frozenset[str] = frozenset()
    possibility_letters: frozenset[str] = frozenset()
    possibility_inflected_letters: frozenset[str] = frozenset()
    relatives: frozenset[str] = frozenset()
    light_verbs: frozenset[str] = frozenset()
    public: frozenset[str] = frozenset()
    subordinators: tuple[tuple[str, ...], ...] = ()
    obligations: frozenset[str] = frozenset()
    obligation_that: frozenset[str] = frozenset()
    agent_markers: tuple[tuple[str, ...], ...] = ()
    exchange: frozenset[str] = frozenset()
    exchange_meeting: frozenset[str] = frozenset()
    sport: object = None  # an ahocorasick.Automaton of the words of a sport article
    sport_min: int = 0
    sport_share: float = 1.0
    # round 3 (actors): harm told in the passive, blame, meeting venues (events/patient.py)
    harm_entries: frozenset[str] = frozenset()
    harm_passive_forms: frozenset[str] = frozenset()
    victim_nouns: frozenset[str] = frozenset()
    victim_counts: frozenset[str] = frozenset()
    harm_time_words: frozenset[str] = frozenset()
    harm_no_object: frozenset[str] = frozenset()
    # round 4: verbs of success whose subject did the act named after them; attendance (events/agency.py)
    success_verbs: frozenset[str] = frozenset()
    success_links: frozenset[str] = frozenset()
    attendance: frozenset[str] = frozenset()
    condolence: frozenset[str] = frozenset()
    farewell_forms: frozenset[str] = frozenset()
    patient_genitive: frozenset[str] = frozenset()
    call_complements: frozenset[str] = frozenset()
    blame_verbs: frozenset[str] = frozenset()
    responsibility: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()
    harm_auxiliaries: frozenset[str] = frozenset()
    group_prepositions: frozenset[str] = frozenset()
    # history told today (history.py)
    history_reach: int = 0
    remembrance: frozenset[str] = frozenset()
    elapsed_on: str = ""
    year_units: dict = field(default_factory=dict)
    year_fractions: dict = field(default_factory=dict)
    ordinals: dict = field(default_factory=dict)
    past_auxiliaries: frozenset[str] = frozenset()
    past_reach: int = 0
    year_dashes: tuple[str, ...] = ()
    any_blocker: frozenset[str] = frozenset()  # every word of `blockers`: most sentences hold none of them


def folded_words(words) -> frozenset[str]:
    """A word list folded for matching, as a set."""
    return frozenset(normalize(str(w)) for w in words)


@functools.cache
def load_grammar() -> Grammar:
    """The function words of resources/events/grammar.yaml, folded."""
    y = load_yaml("events/grammar.yaml")
    blockers = _blockers(y)
    return Grammar(
        prefixes=folded_words(y["prefixes"]) | {""}, suffixes=folded_words(y["suffixes"]) | {""},
        future=normalize(y["future_prefix"]), present=folded_words(y["present_letters"]),
        target_markers=folded_words(y["target_markers"]), target_prefixes=folded_words(y["target_prefixes"]),
        place_markers=folded_words(y["place_markers"]), place_prefixes=folded_words(y["place_prefixes"]),
        clause_breaks=folded_words(y["clause_breaks"]),
        blockers=blockers, any_blocker=frozenset().union(*blockers.values()),
        never=folded_words(y.get("never_cues") or ()) | folded_words(y.get("never_senses") or ()),
        between=normalize(y.get("between", "")),
        anchors=folded_words(y.get("anchors") or ()), against=normalize(y.get("against", "")),
        prepositions=folded_words(y.get("prepositions") or ()), claims=folded_words(y.get("claims") or ()),
        pronoun_subjects=folded_words(y.get("pronoun_subjects") or ()), passives=folded_words(y.get("passives") or ()),
        executions=folded_words(y.get("executions") or ()), place_nouns=folded_words(y.get("place_nouns") or ()),
        title_heads=folded_words(y.get("title_heads") or ()),
        # longest first, so that "هما" is stripped whole rather than as "ا"
        subject_endings=tuple(sorted(folded_words(y.get("subject_endings") or ()), key=len, reverse=True)),
        object_pronouns=tuple(sorted(folded_words(y.get("object_pronouns") or ()), key=len, reverse=True)),
        oblique_plural=normalize(y.get("oblique_plural", "")) or "\0",
        subject_partitives=folded_words(y.get("subject_partitives") or ()),
        nominative_plural=normalize(y.get("nominative_plural", "")),
        request_preps=folded_words(y.get("request_preps") or ()),
        noun_prefixes=folded_words(y.get("noun_prefixes") or ()),
        nisba_endings=folded_words(y.get("nisba_endings") or ()),
        nisba_article_endings=folded_words(y.get("nisba_article_endings") or ()),
        complementizers=folded_words(y.get("complementizers") or ()),
        scripture_intros=folded_words(y.get("scripture_intros") or ()),
        possibility=folded_words(y.get("possibility_particles") or ()),
        theophoric=folded_words(y.get("theophoric") or ()),
        narrative_present=folded_words(y.get("narrative_present") or ()),
        possibility_letters=folded_words(y.get("possibility_letters") or ()),
        possibility_inflected_letters=folded_words(y.get("possibility_inflected_letters") or ()),
        relatives=folded_words(y.get("relatives") or ()),
        light_verbs=folded_words(y.get("light_verbs") or ()),
        public=folded_words(y.get("public") or ()),
        obligations=folded_words(y.get("obligations") or ()),
        obligation_that=folded_words(y.get("obligation_that") or ()),
        subordinators=tuple(tuple(normalize(p).split()) for p in y.get("subordinators") or ()),
        exchange=folded_words(y.get("exchange") or ()),
        exchange_meeting=folded_words(y.get("exchange_meeting") or ()),
        agent_markers=tuple(tuple(normalize(p).split()) for p in y.get("agent_markers") or ()),
        sport=_word_automaton(folded_words((y.get("sport_article") or {}).get("words") or ())),
        sport_min=int((y.get("sport_article") or {}).get("min", 0)),
        sport_share=float((y.get("sport_article") or {}).get("share", 1.0)),
        # lexicon ids, not Arabic: not folded
        harm_entries=frozenset(y.get("harm_entries") or ()),
        patient_genitive=frozenset(y.get("patient_genitive") or ()),
        **{k: folded_words(y.get(k) or ()) for k in (
            "harm_passive_forms", "victim_nouns", "victim_counts", "harm_time_words", "harm_no_object", "blame_verbs",
            "responsibility", "venue_nouns", "harm_auxiliaries", "group_prepositions", "success_verbs",
            "success_links", "attendance", "condolence",
            "farewell_forms", "call_complements")},
        history_reach=int(y.get("history_reach", 0)), remembrance=folded_words(y.get("remembrance") or ()),
        elapsed_on=normalize(y.get("elapsed_on", "")), year_units=_folded_map(y.get("year_units")),
        year_fractions=_folded_map(y.get("year_fractions")), ordinals=_folded_map(y.get("ordinals")),
        past_auxiliaries=folded_words(y.get("past_auxiliaries") or ()), past_reach=int(y.get("past_reach", 0)),
        year_dashes=tuple(y.get("year_dashes") or ()),
    )


def _blockers(y: dict) -> dict[str, frozenset[str]]:
    """The words that keep a sentence from coding events of each type: `blockers` and `social_blockers`."""
    out: dict[str, frozenset[str]] = {}
    for key in ("blockers", "social_blockers"):
        for k, v in (y.get(key) or {}).items():
            out[k] = out.get(k, frozenset()) | folded_words(v)
    return out


def _folded_map(m) -> dict:
    """A YAML mapping of words to numbers, its keys folded."""
    return {normalize(str(k)): v for k, v in (m or {}).items()}


def _word_automaton(words: frozenset[str]):
    """An Aho-Corasick automaton over `words` (folded), each also after wa-, fa-, bi- or li-; None when empty."""
    if not words:
        return None
    a = ahocorasick.Automaton()
    for w in words:
        for p in ("", "و", "ف", "ب", "ل"):
            a.add_word(p + w, len(p + w))
    a.make_automaton()
    return a


def _is_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a"


def is_sport_article(ntext: str, g: Grammar) -> bool:
    """True when the folded text is mostly about a game: its sport words are many and dense."""
    if g.sport is None:
        return False
    n = 0
    for end, size in g.sport.iter(ntext):  # C-speed scan; whole words only
        start = end - size + 1
        if not (start and _is_letter(ntext[start - 1])) and not (end + 1 < len(ntext) and _is_letter(ntext[end + 1])):
            n += 1
    return n >= g.sport_min and n >= g.sport_share * (ntext.count(" ") + 1)


@functools.cache
def load_codes() -> dict[str, Code]:
    """CAMEO code -> Code, from resources/events/cameo.tsv."""
    out = {}
    for r in load_tsv("events/cameo.tsv", ("cameo", "plover")):
        g = r["goldstein"].strip()
        out[r["cameo"]] = Code(r["cameo"], r["plover"], float(g) if g else None, r["label"])
    return out


@functools.cache
def load_modes() -> tuple[tuple[tuple[str, ...], str, str, int], ...]:
    """(folded words, mode, side, window) rows of resources/events/modes.tsv."""
    out = []
    for r in load_tsv("events/modes.tsv", ("cue", "mode", "side", "window")):
        if r["mode"] not in MODES or r["side"] not in ("before", "after"):
            raise ResourceFormatError(str(path("events/modes.tsv")), int(r["_line"]), f"bad mode/side {r['mode']}/{r['side']}")
        out.append((tuple(normalize(r["cue"]).split()), r["mode"], r["side"], int(r["window"])))
    return tuple(out)


def _code(codes: dict[str, Code], c: str, line: str) -> Code:
    if c not in codes:
        raise ResourceFormatError(str(path("events/lexicon.tsv")), int(line), f"unknown CAMEO code {c!r}")
    return codes[c]


@functools.cache
def load_entries() -> tuple[Entry, ...]:
    """The lexicon rows, folded and checked against the CAMEO table."""
    codes = load_codes()
    out = []
    for r in load_tsv("events/lexicon.tsv", ("id", "cameo", "kind", "forms")):
        flags = r["flags"].split()
        verbal = next((f.split("=", 1)[1] for f in flags if f.startswith("verbal=")), None)
        unless = [normalize(u) for u in r["unless"].split("|") if u.strip()]
        out.append(Entry(
            id=r["id"], code=_code(codes, r["cameo"], r["_line"]),
            intent=_code(codes, r["intent"], r["_line"]) if r["intent"].strip() else None,
            kind=r["kind"], forms=tuple(dict.fromkeys(normalize(f) for f in r["forms"].split())),
            with_=tuple(tuple(normalize(w).split("_")) for w in r["with"].split()),
            window=int(r["window"] or 3),
            unless_before=frozenset(u[1:] for u in unless if u.startswith("<")),
            unless_after=frozenset(u[1:] for u in unless if u.startswith(">") and not u.startswith(">>")),
            flags=frozenset(f for f in flags if not f.startswith("verbal=")),
            verbal=_code(codes, verbal, r["_line"]) if verbal else None,
            unless_far=frozenset(u[2:] for u in unless if u.startswith(">>")),
        ))
    return tuple(out)


@functools.cache
def automaton():
    """Aho-Corasick automaton over every folded form, value = (form, entries)."""
    by_form: dict[str, list[Entry]] = {}
    for e in load_entries():
        for f in e.forms:
            by_form.setdefault(f, []).append(e)
    a = ahocorasick.Automaton()
    for f, es in by_form.items():
        a.add_word(f, (f, tuple(es)))
    a.make_automaton()
    return a


def word_is(token: str, stem: str, g: Grammar) -> bool:
    """True when `token` is `stem` with allowed clitics around it."""
    if token == stem:
        return True
    i = token.find(stem)
    if i < 0:
        return False
    return token[:i] in g.prefixes and token[i + len(stem):] in g.suffixes


def word_in(token: str, stems: frozenset[str], g: Grammar) -> bool:
    """`any(word_is(token, s, g) for s in stems)`, by looking up the token's few clitic splits in the set instead of
    searching the token for every stem (the lists of words that cancel a cue run to a hundred)."""
    if not stems:
        return False
    if token in stems:
        return True
    n = len(token)
    for a in _lengths(g.prefixes):
        if a > n or token[:a] not in g.prefixes:
            continue
        for b in _lengths(g.suffixes):
            if a + b >= n:
                break
            if token[n - b:] in g.suffixes:
                mid = token[a:n - b]
                if mid in stems and token.find(mid) == a:  # word_is reads the stem's first occurrence only
                    return True
    return False


@functools.cache
def _lengths(affixes: frozenset[str]) -> tuple[int, ...]:
    """The lengths of a set of affixes, shortest first."""
    return tuple(sorted({len(x) for x in affixes}))


def is_nisba(token: str, stem: str, g: Grammar) -> bool:
    """True when `token` is the adjective made from `stem` ("اجتماعية", "الاجتماعي" from "اجتماع")."""
    i = token.find(stem)
    if i < 0:
        return False
    rest = token[i + len(stem):]
    if rest in g.nisba_endings:
        return True
    return rest in g.nisba_article_endings and token[:i].endswith(("ال", "لل"))


def find_words(ntext: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """Folded word tokens (start, end, text) of ntext[start:end]."""
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(ntext, start, len(ntext) if end is None else end)]


def match_forms(ntext: str, g: Grammar) -> list[tuple[int, int, str, str, tuple[Entry, ...]]]:
    """Whole-word occurrences of lexicon forms: (word start, word end, prefix, form, entries), folded offsets."""
    out = []
    n = len(ntext)
    for last, (form, entries) in automaton().iter(ntext):
        fs = last - len(form) + 1
        ws = fs
        while ws > 0 and ntext[ws - 1].isalpha():
            ws -= 1
            if fs - ws > 4:
                break
        prefix = ntext[ws:fs]
        if prefix not in g.prefixes:
            continue
        we = last + 1
        while we < n and ntext[we].isalpha():
            we += 1
            if we - last > 6:
                break
        if ntext[last + 1:we] not in g.suffixes:
            continue
        if g.future in prefix and form[:1] not in g.present:
            continue  # sa- only goes on a present-tense verb
        if ntext[ws:we] in g.never:
            continue
        out.append((ws, we, prefix, form, entries))
    return out


SHADDA = "\u0651"
CALL_REACH = 20  # words after "ودعت" searched for a call's complement ("... الاثنين جميع العملاء الى الهدوء")


def is_farewell(written: str, words: list[str], k: int, g: Grammar) -> bool:
    """"ودعت" read as "bade farewell" (ودّعت): a shadda written on it, or no call's complement (إلى, أن, a word with
    li-) after it in its sentence."""
    if SHADDA in written:
        return True
    return not any(w in g.call_complements or w[:1] == "ل" and len(w) > 3 for w in words[k + 1:k + 1 + CALL_REACH])
