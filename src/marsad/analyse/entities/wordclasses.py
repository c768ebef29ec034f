"""Word classes for the CRF from a multilingual encoder (multilingual-e5-small), computed at build time.

Each class is the entity type (PER, LOC, ORG, MISC or O) a linear probe reads off the encoder's vector of the word,
with a confidence band. Two sources, both written by scripts/build_word_classes.py into resources/ner/:

- `wordclasses.tsv`: words whose whole-encoder vector was computed at build time (the ANERcorp training words,
  the words of catalogue and ANERGazet names, and the encoder's whole-word Arabic pieces) -> type and band.
- `wordpieces.tsv`: for any other word, the encoder's own sentencepiece vocabulary (Arabic pieces, folded) with the
  pieces' unigram scores and, per piece, the probe's logits on its static input embedding. A word is segmented
  as the encoder would segment it (best-scoring split) and the pieces' logits are averaged, so every word gets a
  class without the encoder being needed at run time.
"""
from __future__ import annotations

import math
from pathlib import Path

_CACHE_MAX = 200_000
_BOUNDARY = "\u2581"  # sentencepiece's word-start mark


class PieceProbe:
    """The static-embedding probe: a word's class from the mean of its pieces' logits."""

    def __init__(self, types: list[str], bias: list[float], pieces: dict[str, tuple[float, tuple[float, ...]]]):
        self.types = types
        self.bias = bias
        self.pieces = pieces  # folded piece (word-initial ones start with ▁) -> (unigram score, logits per type)
        self.longest = max((len(p) for p in pieces), default=1)

    def segment(self, w: str) -> list[str]:
        """The best-scoring split of a word into known pieces (an unknown letter is its own, unscored piece)."""
        s = _BOUNDARY + w
        n = len(s)
        best = [0.0] + [-math.inf] * n
        back = [0] * (n + 1)
        get = self.pieces.get
        for i in range(n):
            if best[i] == -math.inf:
                continue
            for j in range(i + 1, min(n, i + self.longest) + 1):
                hit = get(s[i:j])
                if hit is None and j > i + 1:
                    continue
                sc = best[i] + (hit[0] if hit is not None else -100.0)
                if sc > best[j]:
                    best[j], back[j] = sc, i
        out = []
        j = n
        while j > 0:
            out.append(s[back[j]:j])
            j = back[j]
        out.reverse()
        # The bare word-start mark carries no meaning of its own when the word follows it as a separate piece.
        return [p for p in out if p != _BOUNDARY] or out

    def classify(self, w: str) -> tuple[str, str] | None:
        """(type, type + band) for a word, or None when none of its pieces is known."""
        rows = [hit[1] for hit in map(self.pieces.get, self.segment(w)) if hit is not None]
        if not rows:
            return None
        k = len(rows)
        z = [b + sum(r[t] for r in rows) / k for t, b in enumerate(self.bias)]
        return _label(self.types, z)


def _label(types: list[str], z: list[float]) -> tuple[str, str]:
    top = max(range(len(z)), key=z.__getitem__)
    m = z[top]
    p = 1.0 / sum(math.exp(v - m) for v in z)
    return types[top], types[top] + str(min(int(p * 4), 3))


class WordClasses:
    """word -> (type, type + band): the table first, then the piece probe; cached per word form."""

    def __init__(self, table: dict[str, tuple[str, ...]], probe: PieceProbe | None = None):
        self.table = table
        self.probe = probe
        self._cache: dict[str, tuple[str, ...] | None] = {}

    def __bool__(self) -> bool:
        return bool(self.table) or self.probe is not None

    def get(self, w: str, *alts: str) -> tuple[str, ...] | None:
        """Classes of `w` in the table, else of an alternative form there (its bare form, its stem), else the probe's."""
        hit = self.table.get(w)
        if hit is not None:
            return hit
        for a in alts:
            hit = self.table.get(a)
            if hit is not None:
                return hit
        if self.probe is None or not w.isalpha() or w.isascii():
            return None
        if w in self._cache:
            return self._cache[w]
        if len(self._cache) > _CACHE_MAX:
            self._cache.clear()
        hit = self._cache[w] = self.probe.classify(w)
        return hit


def load(table_path: Path, pieces_path: Path) -> WordClasses:
    """Reads the two resource files (either may be missing: then that source is empty)."""
    table: dict[str, tuple[str, ...]] = {}
    if table_path.is_file():
        for cells in _rows(table_path):
            table[cells[0]] = tuple(cells[1:])
    probe = None
    if pieces_path.is_file():
        rows = list(_rows(pieces_path))
        types = rows[0][2:]
        pieces = {c[0]: (float(c[1]), tuple(float(x) for x in c[2:])) for c in rows[2:]}
        probe = PieceProbe(types, [float(x) for x in rows[1][2:]], pieces)
    return WordClasses(table, probe)


def _rows(p: Path):
    """Data rows of a TSV file (comments skipped; for wordpieces.tsv the header row is kept: it names the types)."""
    with open(p, encoding="utf-8") as fh:
        first = True
        for line in fh:
            if line.startswith("#"):
                continue
            cells = line.rstrip("\n").split("\t")
            if first and cells[0] == "word":
                first = False
                continue
            first = False
            yield cells
