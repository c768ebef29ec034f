"""Fast exact decoding of the trained CRF.

crfsuite's own tagger rebuilds every attribute string of every token; here the weights are compiled once into
per-word score vectors (a word's own attributes, and what it contributes as a neighbour at each offset), so a
token's emission score is a sum of cached rows. Tokens whose best label is O whatever their neighbours are fixed
to O up front, and Viterbi runs only over the stretches between them, over the labels each token makes plausible.
"""
from __future__ import annotations

import numpy as np
import pycrfsuite

from marsad.analyse.entities.features import OFFSETS, Featurizer

_GROW = 4096
# Labels scoring more than this below O at a token are not considered there (see FastCRF.decode).
BEAM = 10.0


class FastCRF:
    """The CRF's weights as score tables, with a Viterbi decoder over whole documents."""

    def __init__(self, model_path: str, feat: Featurizer):
        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        info = tagger.info()
        self.labels = list(tagger.labels())
        n = len(self.labels)
        idx = {lab: i for i, lab in enumerate(self.labels)}
        self.O = idx["O"]
        self.T = np.zeros((n, n))
        for (a, b), w in info.transitions.items():
            self.T[idx[a], idx[b]] = w
        self.W: dict[str, np.ndarray] = {}
        for (attr, lab), w in info.state_features.items():
            self.W.setdefault(attr, np.zeros(n))[idx[lab]] += w
        self.feat = feat
        self.zero = np.zeros(n)
        self.Tl = self.T.tolist()
        self._rows: dict[str, int] = {}
        self.own = np.zeros((_GROW, n))
        self.nb = {d: np.zeros((_GROW, n)) for d in OFFSETS}
        # Row 0 is the padding outside a sentence: it gives its neighbour the boundary attribute only.
        for d in OFFSETS:
            self.nb[d][0] = self.W.get(f"w{d}=<s>", self.zero)
        self._next = 1

    def _sum(self, attrs: list[str]) -> np.ndarray:
        v = self.zero.copy()
        for a in attrs:
            w = self.W.get(a)
            if w is not None:
                v += w
        return v

    def row(self, w: str) -> int:
        """The cached score row of word `w`, computed on first sight."""
        r = self._rows.get(w)
        if r is not None:
            return r
        if self._next >= len(self.own):
            self.own = np.vstack([self.own, np.zeros_like(self.own)])
            self.nb = {d: np.vstack([m, np.zeros_like(m)]) for d, m in self.nb.items()}
        r = self._next
        self._next += 1
        own, ctx = self.feat.word(w)
        self.own[r] = self._sum(own)
        for d in OFFSETS:
            self.nb[d][r] = self._sum(ctx[d])
        self._rows[w] = r
        return r

    def emissions(self, sents: list[list[str]], gaz: list[list[str]], aux: list[list[str]] | None) -> list[np.ndarray]:
        """Per sentence, a (tokens x labels) matrix of state scores."""
        ids = [0, 0]
        pos = []
        for toks in sents:
            start = len(ids)
            ids += [self.row(t) for t in toks]
            pos.append((start, len(ids)))
            ids += [0, 0]
        ids = np.asarray(ids)
        out = []
        for k, (s, e) in enumerate(pos):
            E = self.own[ids[s:e]].copy()
            for d in OFFSETS:
                E += self.nb[d][ids[s + d:e + d]]
            self._add_tokens(E, sents[k], gaz[k], "g")
            if aux is not None:
                self._add_tokens(E, sents[k], aux[k], "a")
            self._add_bigrams(E, sents[k])
            out.append(E)
        return out

    def _add_tokens(self, E: np.ndarray, toks: list[str], tags: list[str], name: str) -> None:
        W = self.W
        for i, t in enumerate(tags):
            if not t:
                continue
            for key, j in ((f"{name}={t}", i), (f"{name}1={t}", i - 1), (f"{name}-1={t}", i + 1)):
                if 0 <= j < len(toks):
                    w = W.get(key)
                    if w is not None:
                        E[j] += w

    def _add_bigrams(self, E: np.ndarray, toks: list[str]) -> None:
        W = self.W
        for i in range(1, len(toks)):
            w = W.get("bi=" + toks[i - 1] + "|" + toks[i])
            if w is not None:
                E[i] += w

    def decode(self, E: np.ndarray) -> list[int]:
        """The best label index per token: Viterbi over the labels each token makes plausible.

        A label more than BEAM below O in a token's own score is left out there; tokens left with O alone are O,
        and Viterbi runs only over the stretches between them. On ANERcorp's held-out part this gives the same
        labels as crfsuite's full Viterbi (checked by tests/analyse/test_entities_ner.py).
        """
        O = self.O
        alive = (E[:, [O]] - E) < BEAM
        multi = np.flatnonzero(alive.sum(axis=1) > 1).tolist()
        path = [O] * len(E)
        k = 0
        while k < len(multi):
            i = j = multi[k]
            while k < len(multi) and multi[k] == j:
                j += 1
                k += 1
            labels = [np.flatnonzero(alive[t]).tolist() for t in range(i, j)]
            path[i:j] = self._viterbi(E[i:j].tolist(), labels, i > 0, j < len(E))
        return path

    def _viterbi(self, E: list[list[float]], labels: list[list[int]], after_o: bool, before_o: bool) -> list[int]:
        T, O = self.Tl, self.O
        prev = {y: E[0][y] + (T[O][y] if after_o else 0.0) for y in labels[0]}
        backs = []
        for t in range(1, len(E)):
            cur, back = {}, {}
            for y in labels[t]:
                best_a, best = O, -1e18
                for a, v in prev.items():
                    sc = v + T[a][y]
                    if sc > best:
                        best_a, best = a, sc
                cur[y] = best + E[t][y]
                back[y] = best_a
            backs.append(back)
            prev = cur
        if before_o:
            prev = {y: v + T[y][O] for y, v in prev.items()}
        y = max(prev, key=prev.get)
        path = [y]
        for back in reversed(backs):
            y = back[y]
            path.append(y)
        return path[::-1]

    def tag(self, sents: list[list[str]], gaz: list[list[str]], aux: list[list[str]] | None) -> list[list[str]]:
        """Labels for every token of every sentence."""
        labs = self.labels
        return [[labs[k] for k in self.decode(E)] for E in self.emissions(sents, gaz, aux)]
