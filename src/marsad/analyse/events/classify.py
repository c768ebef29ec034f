"""A learned check of whether a sentence reports a PROTEST or an ASSAULT, on top of the rules of detect.py.

The candidates are the sentences that hold a cue of the type: a cue the event coder kept, or (the "loose" gate) a
word of the type's lexicon that the coder dropped (a definite noun in a sentence without an anchor, a verb whose
complement stands too far away: "نزل المتظاهرون الى الشوارع", "أطلقت طائرة ... صواريخ على"). A linear model per
type (the average of a small grid of logistic regressions, events/learn.py) weighs binary features of a candidate,
by group:

- rule signals (R): which lexicon entries and CAMEO codes fired, their kind and mode, whether detect.is_report
  accepts them, whether the sentence is anchored to a time, count or source, where the cue stands, the other event
  types in the sentence, the sentence's length, or that only the loose gate let the sentence in;
- the cue's neighbourhood (X): the words next to each cue and the word classes within a few words of it;
- the sentence's shape (S): quotation marks, a question, a heading before a colon, brackets;
- word classes (L): which classes of resources/events/classify.yaml the sentence's words fall in (perpetrators
  and weapons, casualties, a protest's manner, crowds, background, attribution, courts, commentary, calls, plans,
  threats, denials, sport), so that a class is learned once rather than word by word;
- words (W): the folded words of the sentence;
- letters (C): the letter 3- to 5-grams of each folded word, with word boundaries.

Feature strings are hashed with crc32 into 2**bits slots (stable across runs and machines). Weights, bias and
threshold are read from resources/events/detector.npz and detector.json, written by scripts/train_detector.py from
the Arabic event GSR (openeventdata/arabic_event_gsr, MIT). Run time needs numpy only.
"""
from __future__ import annotations

import functools
import json
import math
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import ahocorasick
import numpy as np

from marsad.analyse.events.detect import anchored, is_report, load_frames
from marsad.analyse.events.lexicon import WORD, Cue, Entry, load_entries
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import sentences as split_sentences
from marsad.doc import Doc, Span
from marsad.errors import ResourceFormatError
from marsad.resources import load_yaml
from marsad.resources import path as resource_path

TYPES = ("PROTEST", "ASSAULT")
MODEL = "events/detector"  # .npz (weights) and .json (settings, scores, source)
CHAR_NS = (3, 4, 5)
SENT_GROUPS = "RXFS"  # groups made from the whole candidate; the others are made word by word
WORD_GROUPS = "LWC"
NEAR = 4  # words either side of a cue whose classes count as its neighbourhood
LOOSE = True  # also score sentences whose only cue of the type is one the coder dropped
_WORD_CACHE_MAX = 200_000  # distinct words kept with their hashed features; news reuses its words
QUOTES = "«»\"“”"


@dataclass(slots=True)
class Candidate:
    """A sentence that may report PROTEST or ASSAULT: its cues, folded words and what let it in."""

    sent: Span
    text: str  # the sentence as written
    cues: list[Cue]  # every cue the coder kept in the sentence, of any type
    words: list[str]
    anchor: bool
    found: set[str]  # types with a kept cue
    loose: dict[str, tuple[tuple[int, Entry], ...]] = field(default_factory=dict)  # type -> (token, entry)

    @property
    def types(self) -> set[str]:
        return self.found | set(self.loose)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for i, e in enumerate(edges):
        if n <= e:
            return str(i)
    return str(len(edges))


def rule_features(typ: str, cues: list[Cue], words: list[str], anchor: bool, g, f=None) -> list[str]:
    """The rule signals of a sentence for one type, as feature strings."""
    f = f or load_frames()
    own = [c for c in cues if c.entry.code.plover == typ]
    reports = [is_report(c, words, g, f) for c in own]
    out = ["R:any", "R:n=" + _bucket(len(own), (1, 2, 3)), "R:len=" + _bucket(len(words), (8, 15, 25, 40, 60))]
    if anchor:
        out.append("R:anc")
    if any(reports):
        out.append("R:rep")
        if anchor:
            out.append("R:repanc")
    for c, rep in zip(own, reports):
        e, mode = c.entry, c.mode or "plain"
        out += ["R:id=" + e.id, "R:cam=" + e.code.cameo, "R:km=" + e.kind + mode, "R:m=" + mode,
                "R:pos=" + _bucket(c.tok, (0, 2, 5, 10, 20))]
        if rep:
            out.append("R:rep=" + e.id)
        p = c.prefix.lstrip("وف")
        if p.endswith(("ال", "لل")):
            out.append("R:def")
        elif p:
            out.append("R:pre=" + p)
    out += ["R:o=" + c.entry.code.plover for c in cues if c.entry.code.plover != typ]
    return out


def loose_features(typ: str, hits: tuple[tuple[int, Entry], ...], cues: list[Cue], words: list[str],
                   anchor: bool) -> list[str]:
    """The rule signals of a sentence that only the loose gate let in for `typ`."""
    out = ["R:loose", "R:len=" + _bucket(len(words), (8, 15, 25, 40, 60))]
    if anchor:
        out.append("R:anc")
    for k, e in hits:
        out += ["R:lid=" + e.id, "R:lk=" + e.kind, "R:pos=" + _bucket(k, (0, 2, 5, 10, 20))]
    out += ["R:o=" + c.entry.code.plover for c in cues if c.entry.code.plover != typ]
    return out


def context_features(toks: list[int], words: list[str]) -> list[str]:
    """The cue's neighbourhood (X): the words right before and after each cue token and the classes near it."""
    out = []
    n = len(words)
    for k in toks:
        out += [f"X:{d}={bare(words[k + d])}" for d in (-2, -1, 1, 2) if 0 <= k + d < n]
        if k == 0:
            out.append("X:first")
        for j in range(max(0, k - NEAR), min(n, k + NEAR + 1)):
            if j != k:
                out += ["X:n=" + c for c in word_classes(words[j])]
    return out


def lead_features(words: list[str]) -> list[str]:
    """The sentence's first words, where an Arabic news sentence puts its main verb ("وقتل", "وتظاهر", "وقال")."""
    out = []
    for i, w in enumerate(words[:2]):
        b = bare(w)
        out += [f"F:{i}={b}"] + [f"F:{i}c={c}" for c in word_classes(w)]
    return out


def shape_features(text: str) -> list[str]:
    """The sentence's shape: quoted speech, a question, a heading or list item before a colon, brackets."""
    out = []
    if any(q in text for q in QUOTES):
        out.append("S:quote")
    if "؟" in text or "?" in text:
        out.append("S:ask")
    head = text.find(":")
    if 0 <= head < 40:
        out.append("S:head")
    if "(" in text:
        out.append("S:paren")
    return out


def features(typ: str, cand: Candidate, g, f=None, groups: str = SENT_GROUPS) -> list[str]:
    """The feature strings of a candidate for one type in the sentence-level `groups` (the word-level ones are made
    by Hasher); only the groups asked for are computed."""
    if typ in cand.found:
        out = rule_features(typ, cand.cues, cand.words, cand.anchor, g, f) if "R" in groups else []
        toks = [c.tok for c in cand.cues if c.entry.code.plover == typ]
    else:
        hits = cand.loose.get(typ, ())
        out = loose_features(typ, hits, cand.cues, cand.words, cand.anchor) if "R" in groups else []
        toks = [k for k, _ in hits]
    if "X" in groups:
        out += context_features(sorted(set(toks)), cand.words)
    if "F" in groups:
        out += lead_features(cand.words)
    if "S" in groups:
        out += shape_features(cand.text)
    return out


@functools.cache
def load_classes() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    """(prefixes to strip, folded word -> its classes) from resources/events/classify.yaml."""
    y = load_yaml("events/classify.yaml")
    table: dict[str, set[str]] = {}
    for name, words in y["classes"].items():
        for w in words:
            table.setdefault(normalize(str(w)), set()).add(name)
    prefixes = tuple(sorted((normalize(p) for p in y["strip_prefixes"]), key=len, reverse=True))
    return prefixes, {w: tuple(sorted(c)) for w, c in table.items()}


@functools.lru_cache(maxsize=65536)  # called for every word near a cue (X group): news reuses its words
def bare(word: str) -> str:
    """A folded word without one leading clitic of classify.yaml's strip_prefixes (when 3 letters remain)."""
    prefixes, _ = load_classes()
    return next((word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 3), word)


@functools.lru_cache(maxsize=65536)
def word_classes(word: str) -> tuple[str, ...]:
    """The classes of a folded word: looked up as it is, without one leading clitic, and with the article."""
    _, table = load_classes()
    b = bare(word)
    return tuple(sorted(set(table.get(word, ())) | set(table.get(b, ())) | set(table.get("ال" + b, ()))))


def word_features(word: str, groups: str) -> list[str]:
    """The features one folded word contributes: classes (L), itself (W), letter n-grams (C)."""
    out = ["L:" + c for c in word_classes(word)] if "L" in groups else []
    if "W" in groups:
        out.append("W:" + word)
    if "C" in groups:
        x = " " + word + " "
        for n in CHAR_NS:
            out += ["C:" + x[i:i + n] for i in range(len(x) - n + 1)]
    return out


def hash_feature(s: str, bits: int) -> int:
    """A feature string's slot: crc32 of its UTF-8 bytes, cut to `bits` bits (the same on every machine)."""
    return zlib.crc32(s.encode("utf-8")) & ((1 << bits) - 1)


@dataclass(slots=True)
class Hasher:
    """Turns a sentence into the sorted slots of its binary features; a word's slots, and the slot of a sentence
    feature of a chosen group (None for the others), are computed once."""

    bits: int
    groups: str
    _words: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _feats: dict[str, int | None] = field(default_factory=dict)

    def word_slots(self, word: str) -> tuple[int, ...]:
        got = self._words.get(word)
        if got is None:
            if len(self._words) >= _WORD_CACHE_MAX:
                self._words.clear()
            got = tuple(hash_feature(s, self.bits) for s in word_features(word, self.groups))
            self._words[word] = got
        return got

    def slots(self, sent_feats: list[str], words: list[str]) -> np.ndarray:
        """Sorted distinct slots of the sentence features of the chosen groups and of the words' features."""
        cache, out = self._feats, set()
        for s in sent_feats:
            slot = cache.get(s, -1)
            if slot == -1:
                if len(cache) >= _WORD_CACHE_MAX:
                    cache.clear()
                slot = cache[s] = hash_feature(s, self.bits) if s[0] in self.groups else None
            if slot is not None:
                out.add(slot)
        if any(gr in self.groups for gr in WORD_GROUPS):
            for w in words:
                out.update(self.word_slots(w))
        return np.fromiter(sorted(out), dtype=np.int64, count=len(out))


@dataclass(slots=True)
class Detector:
    """One type's logistic regression over hashed features, with its decision threshold."""

    typ: str
    weights: np.ndarray
    bias: float
    threshold: float
    hasher: Hasher
    meta: dict = field(default_factory=dict)

    def probability(self, slots: np.ndarray) -> float:
        z = self.bias + float(self.weights[slots].sum())
        return 1.0 / (1.0 + math.exp(-z)) if z > -30 else 0.0

    def score(self, cand: Candidate, g, f=None) -> float:
        """Probability that the candidate sentence reports an event of this type."""
        return self.probability(self.hasher.slots(features(self.typ, cand, g, f, self.hasher.groups), cand.words))


@functools.cache
def load_detectors(name: str = MODEL) -> dict[str, Detector]:
    """The shipped detectors by type (resources/events/detector.npz and .json), loaded once per process."""
    jp, npz = resource_path(name + ".json"), resource_path(name + ".npz")
    try:
        meta = json.loads(jp.read_text(encoding="utf-8"))
        arrays = np.load(npz, allow_pickle=False)
        out = {}
        for typ, m in meta["types"].items():
            bits = int(m["bits"])
            w = np.zeros(1 << bits, dtype=np.float32)
            w[arrays[typ + ".idx"]] = arrays[typ + ".val"]
            out[typ] = Detector(typ, w, float(m["bias"]), float(m["threshold"]), Hasher(bits, m["groups"]),
                                {**m, "source": meta["source"]})
    except (OSError, ValueError, KeyError, IndexError) as e:
        raise ResourceFormatError(str(jp), 1, f"cannot read the event detector: {e!r}") from e
    return out


@functools.cache
def _type_automaton(types: tuple[str, ...]):
    """An Aho-Corasick automaton over the forms of the lexicon entries of `types` only (few hits to check)."""
    by_form: dict[str, list[Entry]] = {}
    for e in load_entries():
        if e.code.plover in types:
            for form in e.forms:
                by_form.setdefault(form, []).append(e)
    a = ahocorasick.Automaton()
    for form, es in by_form.items():
        a.add_word(form, (form, tuple(es)))
    a.make_automaton()
    return a


def _type_hits(ntext: str, g, types: tuple[str, ...]) -> list[tuple[int, int, Entry]]:
    """Whole-word occurrences of the forms of `types` (clitics as the lexicon allows): (start, end, entry)."""
    out = []
    n = len(ntext)
    for last, (form, entries) in _type_automaton(types).iter(ntext):
        ws = last - len(form) + 1
        while ws > 0 and ntext[ws - 1].isalpha() and last - len(form) + 1 - ws <= 4:
            ws -= 1
        we = last + 1
        while we < n and ntext[we].isalpha() and we - last <= 6:
            we += 1
        if ntext[ws:last - len(form) + 1] in g.prefixes and ntext[last + 1:we] in g.suffixes \
                and ntext[ws:we] not in g.never:
            out += [(ws, we, e) for e in entries]
    return out


def _has_complement(e: Entry, words: list[str]) -> bool:
    """An entry that needs a complement ("اطلق" + "النار") has one somewhere in the sentence."""
    return not e.with_ or any(w.endswith(p[0]) for p in e.with_ for w in words)


def _dropped(coder, doc: Doc, sents: list[Span], types) -> dict[int, list[tuple[int, Entry]]]:
    """Lexicon hits of `types` by sentence index: (folded start of the word, entry), whatever the coder kept."""
    nt = doc.norm
    starts = [s.start for s in sents]
    out: dict[int, list[tuple[int, Entry]]] = {}
    for ws, we, e in _type_hits(nt.text, coder.g, tuple(sorted(types))):
        o_start = nt.span(ws, we)[0]
        i = bisect_right(starts, o_start) - 1
        if i >= 0 and o_start < sents[i].end:
            out.setdefault(i, []).append((ws, e))
    return out


def iter_candidates(coder, doc: Doc, types=TYPES, per_sent=None, loose: bool = LOOSE):
    """The candidates of `candidates`, one at a time (a caller may stop early)."""
    g, f, nt = coder.g, load_frames(), doc.norm
    kept = {(s.start, s.end): cues for s, cues in (coder.cues(doc) if per_sent is None else per_sent)}
    sents = doc.sentences or split_sentences(doc.text)
    dropped = _dropped(coder, doc, sents, types) if loose else {}
    for i, sent in enumerate(sents):
        cues = kept.get((sent.start, sent.end), [])
        found = {c.entry.code.plover for c in cues}.intersection(types)
        if not found and i not in dropped:
            continue
        ms = list(WORD.finditer(nt.text, nt.from_original(sent.start), nt.from_original(sent.end)))
        words, wstarts = [m.group() for m in ms], [m.start() for m in ms]
        extra: dict[str, list[tuple[int, Entry]]] = {}
        for ws, e in dropped.get(i, ()):
            if e.code.plover not in found and _has_complement(e, words):
                extra.setdefault(e.code.plover, []).append((bisect_left(wstarts, ws), e))
        if found or extra:
            yield Candidate(sent, doc.text[sent.start:sent.end], cues, words, anchored(doc, sent, words, g, f),
                            found, {t: tuple(h) for t, h in extra.items()})


def candidates(coder, doc: Doc, types=TYPES, per_sent=None, loose: bool = LOOSE) -> list[Candidate]:
    """Sentences holding a cue of one of `types`: a cue the coder kept, or with `loose` a lexicon word of the type
    that the coder dropped (with its complement somewhere in the sentence when it needs one). `per_sent` is
    coder.cues(doc) when the caller has it already."""
    return list(iter_candidates(coder, doc, types, per_sent, loose))


def model_types(coder, doc: Doc, detectors: dict[str, Detector] | None = None, per_sent=None) -> set[str]:
    """The types of `detectors` (default: the shipped ones) that some sentence of `doc` reports, by the model."""
    dets = load_detectors() if detectors is None else detectors
    g, f = coder.g, load_frames()
    out: set[str] = set()
    loose = all(d.meta.get("loose", False) for d in dets.values())
    for cand in iter_candidates(coder, doc, tuple(dets), per_sent, loose):
        for typ in cand.types - out:
            d = dets[typ]
            if d.score(cand, g, f) >= d.threshold:
                out.add(typ)
        if len(out) == len(dets):
            break  # every type is found: the other sentences cannot add one
    return out


__all__ = ["TYPES", "Candidate", "Detector", "Hasher", "candidates", "features", "load_detectors", "model_types",
           "rule_features", "word_features", "word_classes", "hash_feature"]
