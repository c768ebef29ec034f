"""The statistical recognizer: a CRF (python-crfsuite) trained on ANERcorp with catalogue and morphology features.

Training uses the first 125,000 tokens of ANERcorp, cut at the next sentence end; the rest is held out. Scores are
entity-level, exact span, for PER, ORG and LOC.

    python -m marsad.analyse.entities.ner evaluate [--anercorp PATH]   # prints held-out F1
    python scripts/train_ner.py                                        # retrains and writes the model + scores
"""
from __future__ import annotations

import argparse
import functools
import json
import sys
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pycrfsuite

from marsad.analyse.entities.clitics import lexicon
from marsad.analyse.entities.decode import FastCRF
from marsad.analyse.entities.features import (
    Featurizer, NameLikeness, catalogue_tags, doc_cues, gazetteer_tags, lemma_table, tokenize_flat,
)
from marsad.analyse.entities.matcher import Matcher
from marsad.analyse.entities.wordclasses import WordClasses
from marsad.analyse.entities.wordclasses import load as load_word_classes
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import sentences as split_sentences
from marsad.errors import BadInput
from marsad.resources import path as resource_path
from marsad.resources import read_tsv

MODEL = resource_path("ner/crf.model")
GAZETTEER = resource_path("ner/gazetteer.tsv")
CLUSTERS = resource_path("ner/clusters.tsv")
COMMON = resource_path("ner/common.tsv")
SCORES = resource_path("ner/scores.json")
NAMELIKE = resource_path("ner/namelike.tsv")
WORD_CLASSES = resource_path("ner/wordclasses.tsv")
WORD_PIECES = resource_path("ner/wordpieces.tsv")
TRAIN_TOKENS = 125_000
BLOCK = 20  # sentences per pseudo-document for document-level cues (a news article has about as many)
EVAL_TYPES = ("PER", "ORG", "LOC")
_LABELS = {"PERS": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
_SENT_END = {".", "!", "؟", "?"}
DEFAULT_ANERCORP = Path(__file__).resolve().parents[4].parent / "shared" / "data" / "anercorp" / "ANERCorp.txt"


# -- data ---------------------------------------------------------------------------------------------------------
def read_anercorp(path: str | Path) -> list[tuple[list[str], list[str]]]:
    """ANERcorp as sentences of (tokens, IOB2 labels with PER/ORG/LOC/MISC); sentences end at . ! ?"""
    sents: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    labs: list[str] = []
    try:
        fh = open(path, encoding="utf-8")
    except OSError as e:
        raise BadInput(str(path), f"cannot read ANERcorp: {e.strerror}") from e
    with fh:
        for n, line in enumerate(fh, 1):
            parts = line.split()
            if len(parts) != 2:
                continue  # a stray mark without a label
            tok, tag = parts
            toks.append(tok)
            labs.append(_label(tag, labs[-1] if labs else "O", path, n))
            if tok in _SENT_END:
                sents.append((toks, labs))
                toks, labs = [], []
    if toks:
        sents.append((toks, labs))
    return sents


def _label(tag: str, prev: str, path, n: int) -> str:
    if tag == "O":
        return "O"
    bio, _, typ = tag.partition("-")
    if typ not in _LABELS or bio not in ("B", "I"):
        raise BadInput(str(path), f"unknown tag {tag!r}", line=n)
    typ = _LABELS[typ]
    # The corpus is IOB1-like in places: an I- that follows nothing of its type starts an entity.
    if bio == "I" and prev[2:] != typ:
        bio = "B"
    return f"{bio}-{typ}"


def split_corpus(sents, train_tokens: int = TRAIN_TOKENS):
    """(train, test): sentences up to and including the one holding token number `train_tokens`, and the rest."""
    total = 0
    for i, (toks, _) in enumerate(sents):
        total += len(toks)
        if total >= train_tokens:
            return sents[: i + 1], sents[i + 1:]
    return sents, []


# -- features ------------------------------------------------------------------------------------------------------
@functools.cache
def word_clusters() -> dict[str, tuple[str, str]]:
    """Distributional word clusters learnt from ANERcorp's training part (resources/ner/clusters.tsv): word -> ids."""
    if not CLUSTERS.is_file():
        return {}
    return {r["word"]: (r["c64"], r["c512"]) for r in read_tsv(CLUSTERS, ("word",))}


@functools.cache
def word_lemmas() -> dict[str, str]:
    """simplemma lemmas of the clustered (frequent) words, stored beside their clusters to save time at run time."""
    if not CLUSTERS.is_file():
        return {}
    return {r["word"]: r["lemma"] for r in read_tsv(CLUSTERS, ("word",)) if r.get("lemma")}


@functools.cache
def common_words() -> frozenset[str]:
    """Frequent words that are almost never names (resources/ner/common.tsv)."""
    if not COMMON.is_file():
        return frozenset()
    return frozenset(r["word"] for r in read_tsv(COMMON, ("word",)))


@functools.cache
def name_lists() -> dict[str, str]:
    """Words of the model's own name lists (resources/ner/gazetteer.tsv): word -> PER, LOC, ORG, or partPER ..."""
    if not GAZETTEER.is_file():
        return {}
    rows = read_tsv(GAZETTEER, ("name", "type"))
    # A word of a longer listed name (وكالة in وكالة الانباء السعودية) is marked as such; a whole name wins.
    out = {w: "part" + r["type"] for r in rows if " " in r["name"] for w in r["name"].split() if len(w) > 2}
    out.update({r["name"]: r["type"] for r in rows if " " not in r["name"]})
    return out


@functools.cache
def dictionary_lemmas() -> dict[str, str]:
    """Folded word form -> folded lemma, from simplemma's Arabic dictionary (about 260,000; built once, ~1 s)."""
    return {normalize(k): normalize(v) for k, v in lemma_table().items()}


@functools.cache
def dictionary_words() -> frozenset[str]:
    """Folded word forms of simplemma's Arabic dictionary."""
    return frozenset(dictionary_lemmas())


@functools.cache
def name_likeness() -> NameLikeness | None:
    """The letter model of name-like words (resources/ner/namelike.tsv), or None when it is not built."""
    if not NAMELIKE.is_file():
        return None
    rows = read_tsv(NAMELIKE, ("ngram", "weight"))
    weights = {r["ngram"]: float(r["weight"]) for r in rows}
    return NameLikeness(weights, weights.pop("<bias>", 0.0))


@functools.cache
def word_classes() -> WordClasses:
    """Encoder-derived word classes (resources/ner/wordclasses.tsv and wordpieces.tsv; empty when not built)."""
    return load_word_classes(WORD_CLASSES, WORD_PIECES)


class NerTagger:
    """The trained CRF with its featurizer; `spans` tags a document's sentences."""

    def __init__(self, matcher: Matcher, model: Path | None = None):
        self.matcher = matcher
        self.types = matcher.types
        self.feat = Featurizer(lexicon(), frozenset(k for k in matcher.names if " " not in k), word_clusters(),
                               word_lemmas(), name_lists(), dictionary_words(), name_likeness(),
                               word_classes())
        self.crf = FastCRF(str(model), self.feat) if model is not None else None

    def _prepare(self, tokens: list[str]) -> tuple[list[str], list[str]]:
        """Folded tokens of a pre-tokenised sentence with their catalogue tags."""
        folded = [normalize(t) or t for t in tokens]
        spans, pos = [], 0
        for t in folded:
            spans.append((pos, pos + len(t)))
            pos += len(t) + 1
        return folded, gazetteer_tags(spans, self.matcher.find(" ".join(folded)), self.types)

    def _cues(self, words, gaz):
        names = self.feat.names
        listed = [["B-" + names[w] if names.get(w, "p")[0] != "p" else "" for w in ws] for ws in words]
        return doc_cues(words, gaz, listed, self.feat.lex.honorifics)

    def block_features(self, sents: list[list[str]]) -> list[list[list[str]]]:
        """CRF attributes of pre-tokenised sentences that form one document (or block of a corpus)."""
        words, gaz = zip(*[self._prepare(t) for t in sents]) if sents else ((), ())
        cues = self._cues(words, gaz)
        return [[f + c for f, c in zip(self.feat.sentence(words[k], gaz[k]), cues[k])] for k in range(len(sents))]

    def tag_block(self, sents: list[list[str]]) -> list[list[str]]:
        """Labels of pre-tokenised sentences that form one document, from the fast decoder."""
        words, gaz = (list(x) for x in zip(*[self._prepare(t) for t in sents])) if sents else ([], [])
        return self.crf.tag(words, gaz)

    def _doc_inputs(self, text: str, sentences, matches) -> _DocTokens:
        """The model's tokens of a folded text's sentences, with the catalogue tags of tokens inside matches."""
        words, starts, ends = tokenize_flat(text)
        bounds = np.asarray(sentences, dtype=np.intp).reshape(-1, 2)
        k = np.searchsorted(bounds[:, 0], starts, "right") - 1
        inside = (k >= 0) & (starts < bounds[np.maximum(k, 0), 1])
        if not inside.all():
            keep = np.flatnonzero(inside)
            words = [words[i] for i in keep.tolist()]
            starts, ends, k = starts[keep], ends[keep], k[keep]
        first = np.ones(len(k), dtype=bool)  # a sentence's first token starts a tag afresh
        first[1:] = k[1:] != k[:-1]
        return _DocTokens(words, starts, ends, k, first, catalogue_tags(starts, ends, matches, self.types, first))

    def spans(self, text: str, sentences: list[tuple[int, int]], matches) -> list[tuple[int, int, str]]:
        """Entity spans (folded offsets, type PER/ORG/LOC) the model finds in folded `text`."""
        dt = self._doc_inputs(text, sentences, matches)
        labels = self._labels(dt)
        return [(int(dt.starts[a]), int(dt.ends[b - 1]), typ) for a, b, typ in entity_spans(labels, dt.first)
                if typ in EVAL_TYPES]

    def _labels(self, dt: _DocTokens) -> list[str]:
        if not dt.words:
            return []
        lengths = np.diff(np.flatnonzero(np.append(dt.first, True))).tolist()
        labs = self.crf.labels
        return [labs[i] for i in self.crf.tag_tokens(dt.words, lengths, dt.gaz).tolist()]

    def label_text(self, text: str) -> list[tuple[str, str]]:
        """(folded word, label) for every token of a raw text."""
        folded = normalize(text)
        sents = [(s.start, s.end) for s in split_sentences(folded)]
        dt = self._doc_inputs(folded, sents, self.matcher.find(folded))
        return list(zip(dt.words, self._labels(dt)))


class _DocTokens(NamedTuple):
    """A document's tokens for the model: words, offsets, sentence number, sentence-first flags, catalogue tags."""

    words: list[str]
    starts: np.ndarray
    ends: np.ndarray
    sentence: np.ndarray
    first: np.ndarray
    gaz: list[tuple[int, str]]


def blocks(sents, size: int = BLOCK):
    """Consecutive groups of `size` sentences: ANERcorp has no article boundaries, so blocks stand in for them."""
    return [sents[i:i + size] for i in range(0, len(sents), size)]


def entity_spans(labels: list[str], first=None) -> list[tuple[int, int, str]]:
    """(first token, end token exclusive, type) of each entity in an IOB2 label sequence; `first`, if given, marks
    tokens that open a sentence (a document's sentences one after the other), where no entity continues."""
    out = []
    start, typ, end = None, None, 0
    for i in [i for i, lab in enumerate(labels) if lab != "O"]:
        lab = labels[i]
        goes_on = end == i and lab[0] == "I" and lab[2:] == typ and (first is None or not first[i])
        if start is not None and not goes_on:
            out.append((start, end, typ))
            start = None
        if start is None:
            start, typ = i, lab[2:]
        end = i + 1
    if start is not None:
        out.append((start, end, typ))
    return out


@functools.cache
def load_tagger(matcher: Matcher) -> NerTagger | None:
    """The shipped model bound to `matcher`, or None when no model is installed (catalogue-only recognition)."""
    return NerTagger(matcher, MODEL) if MODEL.is_file() else None


# -- training and evaluation ------------------------------------------------------------------------------------------
def train(anercorp: str | Path, model: Path = MODEL, **params) -> dict:
    """Trains the CRF on the training part of ANERcorp, writes `model`, and returns held-out scores."""
    train_s, test_s = split_corpus(read_anercorp(anercorp))
    scores = fit(train_s, test_s, model, **params)
    scores["train_sentences"], scores["train_tokens"] = len(train_s), sum(len(t) for t, _ in train_s)
    return scores


def fit(train_s, test_s, model: Path, *, c1: float = 0.05, c2: float = 0.05, iterations: int = 300,
        minfreq: int = 1) -> dict:
    """Trains the CRF on sentences `train_s`, writes `model`, and returns its scores on `test_s`."""
    from marsad.analyse.entities import _matcher

    _, matcher = _matcher(None, None)
    nt = NerTagger(matcher)
    trainer = pycrfsuite.Trainer(verbose=False)
    for block in blocks(train_s):
        for feats, (_, labs) in zip(nt.block_features([t for t, _ in block]), block):
            trainer.append(feats, labs)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.minfreq": minfreq,
                        "feature.possible_transitions": True})
    model.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(model))
    scores = score(NerTagger(matcher, model), test_s)
    scores["params"] = {"c1": c1, "c2": c2, "max_iterations": iterations, "feature.minfreq": minfreq}
    return scores


def score(nt: NerTagger, sents) -> dict:
    """Entity-level exact-span precision, recall and F1 per type (PER, ORG, LOC) and micro-averaged."""
    counts = {t: [0, 0, 0] for t in EVAL_TYPES}  # tp, predicted, gold
    tagged = [lab for block in blocks(sents) for lab in nt.tag_block([t for t, _ in block])]
    for (toks, labs), predicted in zip(sents, tagged):
        gold = {s for s in entity_spans(labs) if s[2] in EVAL_TYPES}
        pred = {s for s in entity_spans(predicted) if s[2] in EVAL_TYPES}
        for t in EVAL_TYPES:
            g = {s for s in gold if s[2] == t}
            p = {s for s in pred if s[2] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p)
            counts[t][2] += len(g)
    out: dict = {"test_sentences": len(sents), "test_tokens": sum(len(t) for t, _ in sents)}
    tot = [0, 0, 0]
    for t, c in counts.items():
        out[t] = _prf(*c)
        tot = [a + b for a, b in zip(tot, c)]
    out["micro"] = _prf(*tot)
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "gold": n_gold, "predicted": n_pred}


def evaluate_anercorp(path: str | Path = DEFAULT_ANERCORP) -> dict:
    """Scores the shipped model on the held-out part of ANERcorp at `path`."""
    from marsad.analyse.entities import _matcher

    _, matcher = _matcher(None, None)
    if not MODEL.is_file():
        raise FileNotFoundError(f"no NER model at {MODEL}; run scripts/train_ner.py")
    _, test_s = split_corpus(read_anercorp(path))
    return score(NerTagger(matcher, MODEL), test_s)


def format_scores(s: dict) -> str:
    """The scores as a small table."""
    lines = [f"ANERcorp held-out: {s['test_sentences']} sentences, {s['test_tokens']} tokens (entity-level, exact span)"]
    for t in (*EVAL_TYPES, "micro"):
        v = s[t]
        lines.append(f"{t:6} P={v['precision']:.3f} R={v['recall']:.3f} F1={v['f1']:.3f} (gold {v['gold']})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """`evaluate`: prints held-out F1 of the shipped model."""
    ap = argparse.ArgumentParser(prog="python -m marsad.analyse.entities.ner")
    ap.add_argument("command", choices=["evaluate"])
    ap.add_argument("--anercorp", default=str(DEFAULT_ANERCORP), help="path of ANERCorp.txt")
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args(argv)
    s = evaluate_anercorp(args.anercorp)
    print(json.dumps(s, indent=2) if args.json else format_scores(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
