"""A learned check of whether a sentence reports a PROTEST or an ASSAULT, on top of the rules of detect.py.

Only sentences that hold a cue of the type are scored, so the cost is paid where the lexicon already fired. A
logistic regression per type weighs binary features of the sentence:

- rule signals (R): which lexicon entries and CAMEO codes fired, their kind and mode, whether detect.is_report
  accepts them, whether the sentence is anchored to a time, count or source, where the cue stands, the other event
  types in the sentence, the sentence's length;
- word classes (L): which classes of resources/events/classify.yaml the sentence's words fall in (perpetrators
  and weapons of unconventional violence, armies, casualties, a protest's manner, crowds, background, attribution,
  courts, commentary), so that a class is learned once rather than word by word;
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
from dataclasses import dataclass, field

import numpy as np

from marsad.analyse.events.detect import anchored, is_report, load_frames
from marsad.analyse.events.lexicon import WORD, Cue
from marsad.arabic.normalize import normalize
from marsad.doc import Doc, Span
from marsad.errors import ResourceFormatError
from marsad.resources import load_yaml
from marsad.resources import path as resource_path

TYPES = ("PROTEST", "ASSAULT")
MODEL = "events/detector"  # .npz (weights) and .json (settings, scores, source)
CHAR_NS = (3, 4, 5)
_WORD_CACHE_MAX = 200_000  # distinct words kept with their hashed features; news reuses its words


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


def word_classes(word: str) -> set[str]:
    """The classes of a folded word: looked up as it is, without one leading clitic, and with the article."""
    prefixes, table = load_classes()
    out = set(table.get(word, ()))
    bare = next((word[len(p):] for p in prefixes if word.startswith(p) and len(word) - len(p) >= 3), word)
    out.update(table.get(bare, ()), table.get("ال" + bare, ()))
    return out


def word_features(word: str, groups: str) -> list[str]:
    """The features one folded word contributes: its classes (L), itself (W) and its letter n-grams (C)."""
    out = ["L:" + c for c in sorted(word_classes(word))] if "L" in groups else []
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
    """Turns a sentence into the sorted slots of its binary features; a word's slots are computed once."""

    bits: int
    groups: str
    _words: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def word_slots(self, word: str) -> tuple[int, ...]:
        got = self._words.get(word)
        if got is None:
            if len(self._words) >= _WORD_CACHE_MAX:
                self._words.clear()
            got = tuple(hash_feature(s, self.bits) for s in word_features(word, self.groups))
            self._words[word] = got
        return got

    def slots(self, rule_feats: list[str], words: list[str]) -> np.ndarray:
        """Sorted distinct slots of the rule features (when the R group is on) and the words' features."""
        out: set[int] = set()
        if "R" in self.groups:
            out.update(hash_feature(s, self.bits) for s in rule_feats)
        if "L" in self.groups or "W" in self.groups or "C" in self.groups:
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

    def score(self, cues: list[Cue], words: list[str], anchor: bool, g, f=None) -> float:
        """Probability that the sentence reports an event of this type."""
        return self.probability(self.hasher.slots(rule_features(self.typ, cues, words, anchor, g, f), words))


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


def candidates(coder, doc: Doc, types=TYPES, per_sent=None) -> list[tuple[Span, list[Cue], list[str], bool, set[str]]]:
    """Sentences holding a cue of one of `types`: (span, all cues, folded words, anchored, those types).
    `per_sent` is coder.cues(doc) when the caller has it already."""
    g, f = coder.g, load_frames()
    nt = doc.norm
    out = []
    for sent, cues in coder.cues(doc) if per_sent is None else per_sent:
        found = {c.entry.code.plover for c in cues}.intersection(types)
        if not found:
            continue
        words = WORD.findall(nt.text, nt.from_original(sent.start), nt.from_original(sent.end))
        out.append((sent, cues, words, anchored(doc, sent, words, g, f), found))
    return out


def model_types(coder, doc: Doc, detectors: dict[str, Detector] | None = None, per_sent=None) -> set[str]:
    """The types of `detectors` (default: the shipped ones) that some sentence of `doc` reports, by the model."""
    dets = load_detectors() if detectors is None else detectors
    g, f = coder.g, load_frames()
    out: set[str] = set()
    for _, cues, words, anchor, found in candidates(coder, doc, tuple(dets), per_sent):
        for typ in found - out:
            d = dets[typ]
            if d.score(cues, words, anchor, g, f) >= d.threshold:
                out.add(typ)
    return out


__all__ = ["TYPES", "Detector", "Hasher", "candidates", "load_detectors", "model_types", "rule_features",
           "word_features", "word_classes", "hash_feature"]
