"""Matching terms and weighted term vectors of a report, for duplicate detection and story linking.

Words are folded (marsad.arabic.normalize), stripped of common clitics and suffixes so that بكين/وبكين or
الروسي/الروسية meet, and hashed to integers (crc32, stable across processes so that saved state can be resumed).
Term weights are TF-IDF with document frequencies counted online as reports arrive: no background corpus is needed,
and the weights sharpen as the collection grows.
"""
from __future__ import annotations

import functools
import math
import re
import zlib

import numpy as np

from marsad.arabic.normalize import normalize
from marsad.resources import load_yaml

_WORD = re.compile(r"\w+")
HASH_BITS = 22  # document-frequency table of 4M slots (16 MB); collisions are rare and harmless
HASH_MASK = (1 << HASH_BITS) - 1


@functools.cache
def _rules() -> tuple[tuple[str, ...], tuple[str, ...], int, frozenset[str]]:
    data = load_yaml("link/terms.yaml")
    prefixes = tuple(sorted(data["prefixes"], key=len, reverse=True))
    suffixes = tuple(sorted(data["suffixes"], key=len, reverse=True))
    return prefixes, suffixes, int(data["min_stem"]), frozenset(data["stopwords"])


@functools.lru_cache(maxsize=400_000)
def stem(word: str) -> str:
    """A folded word without its clitic prefix and inflectional suffix ("" when it is a stopword)."""
    prefixes, suffixes, min_stem, stop = _rules()
    if word in stop or len(word) < 2:
        return ""
    w = word
    article = False
    for p in prefixes:
        if w.startswith(p) and len(w) - len(p) >= min_stem:
            w, article = w[len(p):], True
            break
    for s in suffixes:
        if w.endswith(s) and len(w) - len(s) >= min_stem:
            w = w[: -len(s)]
            break
    # A word that took the article is a noun even when its rest spells a particle: العند (an air base) is not عند,
    # الامام (the imam) is not امام. Stopwords listed with their article (العام) stay out.
    return "" if w in stop and (not article or "ال" + w in stop) else w


def words(text: str) -> list[str]:
    """Folded word tokens of a text (digits kept: casualty counts and scores tell happenings apart)."""
    return _WORD.findall(normalize(text))


def terms(text: str, limit: int | None = None) -> list[str]:
    """Content terms of a text in order: stemmed, stopwords and one-letter words dropped."""
    out = []
    for w in words(text):
        s = stem(w)
        if s:
            out.append(s)
            if limit and len(out) >= limit:
                break
    return out


def term_id(term: str) -> int:
    """The stable hashed id of a term."""
    return zlib.crc32(term.encode("utf-8")) & HASH_MASK


@functools.cache
def prior() -> tuple[np.ndarray, int]:
    """Pseudo document frequencies of words common in any news (resources/link/common.yaml) and the size of the
    background collection they assume."""
    data = load_yaml("link/common.yaml")
    n = int(data["collection"])
    counts = np.zeros(1 << HASH_BITS, dtype=np.int32)
    for level, share in data["shares"].items():
        for word in data[level]:
            for t in terms(str(word)):
                k = term_id(t)
                counts[k] = max(counts[k], int(share * n))
    counts.setflags(write=False)
    return counts, n


class DocFreq:
    """Document frequencies over hashed terms: a prior for common news words plus the reports seen so far.

    The prior gives sensible weights from the first report on (a batch of five articles cannot tell that
    "وزير" is common); the online counts add the vocabulary of the current news (names, places).
    """

    def __init__(self, counts: np.ndarray | None = None, n: int = 0, use_prior: bool = True):
        base, base_n = prior() if use_prior else (None, 0)
        if counts is None:
            counts = base.copy() if base is not None else np.zeros(1 << HASH_BITS, dtype=np.int32)
            n = base_n
        self.counts = counts
        self.n = n
        self.base_n = base_n  # the background part of n: n - base_n reports were counted online

    @property
    def seen(self) -> int:
        """Reports counted online."""
        return self.n - self.base_n

    def add(self, ids) -> None:
        """Counts one document's distinct term ids."""
        self.counts[np.fromiter(set(ids), dtype=np.int64)] += 1
        self.n += 1

    def idf(self, ids: list[int]) -> np.ndarray:
        """Smoothed inverse document frequency of each id."""
        df = self.counts[np.asarray(ids, dtype=np.int64)]
        return np.log((self.n + 2) / (df + 1.0))

    def rare(self, words: list[str], share: float) -> frozenset[int]:
        """Ids of the words (not numbers) held by less than `share` of the documents: names, places, firms."""
        ids = [term_id(w) for w in words if not w.isdigit()]
        if not ids:
            return frozenset()
        df = self.counts[np.asarray(ids, dtype=np.int64)]
        return frozenset(i for i, c in zip(ids, df) if c < share * self.n)


def weighted_ids(title_terms: list[str], body_terms: list[str], title_weight: float = 2.0) -> dict[int, float]:
    """Raw term counts of title (counted `title_weight` times) and body, unigrams plus adjacent-pair bigrams."""
    tf: dict[int, float] = {}
    for seq, w in ((title_terms, title_weight), (body_terms, 1.0)):
        for i, t in enumerate(seq):
            k = term_id(t)
            tf[k] = tf.get(k, 0.0) + w
            if i:
                k2 = term_id(seq[i - 1] + " " + t)
                tf[k2] = tf.get(k2, 0.0) + 0.5 * w
    return tf


def tfidf(tf: dict[int, float], df: DocFreq, keep: int = 60) -> dict[int, float]:
    """Log-scaled TF-IDF of raw counts, cut to the `keep` heaviest terms, L2-normalised."""
    if not tf:
        return {}
    ids = list(tf)
    idf = df.idf(ids)
    w = (1.0 + np.log(np.fromiter(tf.values(), dtype=np.float64, count=len(ids)))) * idf
    if len(ids) > keep:
        top = np.argpartition(-w, keep)[:keep]
    else:
        top = np.arange(len(ids))
    norm = math.sqrt(float((w[top] ** 2).sum())) or 1.0
    return {ids[i]: float(w[i] / norm) for i in top}


def cosine(a: dict[int, float], b: dict[int, float]) -> float:
    """Dot product of two sparse vectors (both already L2-normalised)."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())
