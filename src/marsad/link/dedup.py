"""Near-duplicate detection: MinHash signatures of word shingles, looked up in a datasketch LSH index.

Signatures are computed with numpy (one multiply-shift hash per permutation over all shingles at once), which is
some hundred times faster than hashing shingle by shingle, and handed to datasketch's `MinHashLSH` for the banded
lookup. Only originals are indexed: a copy points at the first report of its text, never at another copy.
"""
from __future__ import annotations

import zlib

import numpy as np
from datasketch import MinHash, MinHashLSH

from marsad.link.features import words

NUM_PERM = 64
SHINGLE = 3  # words per shingle
MAX_WORDS = 600  # a copy is recognised from its first few hundred words; long reports cost no more
_MASK32 = np.uint64(0xFFFFFFFF)


def _permutations(num_perm: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63 - 1, size=num_perm, dtype=np.int64).astype(np.uint64)
    return a, b


_A, _B = _permutations(NUM_PERM)


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of the distinct word shingles of a text (folded words, so spelling variants still match)."""
    ws = words(text)[:MAX_WORDS]
    if not ws:
        return np.zeros(0, dtype=np.uint64)
    h = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in ws), dtype=np.uint64, count=len(ws))
    if len(h) >= SHINGLE:
        # Combine neighbouring word hashes into one shingle hash (order-sensitive).
        s = h[: len(h) - SHINGLE + 1].copy()
        for j in range(1, SHINGLE):
            s = s * np.uint64(1000003) ^ h[j: len(h) - SHINGLE + 1 + j]
        h = s
    return np.unique(h & _MASK32)


def signature(text: str) -> np.ndarray | None:
    """The MinHash signature (NUM_PERM uint64 values) of a text, or None for a text with no words."""
    h = shingle_hashes(text)
    return _signature(h) if len(h) else None


def _signature(h: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        v = (h[None, :] * _A[:, None] + _B[:, None]) >> np.uint64(32)
    return v.min(axis=1)


class Deduper:
    """Finds, for each new text, an earlier near-identical one (estimated Jaccard of shingles >= threshold)."""

    def __init__(self, threshold: float = 0.8, min_words: int = 25):
        self.threshold = threshold
        self.min_words = min_words
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.sigs: dict[str, np.ndarray] = {}

    def _minhash(self, sig: np.ndarray) -> MinHash:
        return MinHash(num_perm=NUM_PERM, hashvalues=sig, scheme="affine32")

    def add(self, doc_id: str, text: str) -> str | None:
        """Indexes a text; returns the id of the earlier original it copies, or None if it is an original."""
        h = shingle_hashes(text)
        if len(h) < self.min_words:
            return None  # too short to call a copy: two one-line briefs may share every shingle by chance
        sig = _signature(h)
        m = self._minhash(sig)
        best, best_j = None, self.threshold
        for key in sorted(self.lsh.query(m)):  # sorted: ties go the same way in every run
            j = float((self.sigs[key] == sig).mean())
            if j >= best_j:
                best, best_j = key, j
        if best is not None:
            return best
        self.insert(doc_id, sig, m)
        return None

    def insert(self, doc_id: str, sig: np.ndarray, m: MinHash | None = None) -> None:
        """Indexes an original by its signature (also how a saved state is restored)."""
        self.lsh.insert(doc_id, m if m is not None else self._minhash(sig))
        self.sigs[doc_id] = sig

    def groups(self) -> int:
        """Number of originals indexed."""
        return len(self.sigs)
