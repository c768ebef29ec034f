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
MAX_ROWS = 250_000  # cached words before the cache is emptied (each row set is about 360 bytes)
# A token whose O score leads every other label by this much is fixed to O before Viterbi (see FastCRF.decode).
FORCE_O = 0.0


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
        # Weights as a matrix, one row per attribute (row 0: unknown attributes, all zeros), and by name.
        self.attr_row: dict[str, int] = {}
        for attr, _ in info.state_features:
            self.attr_row.setdefault(attr, len(self.attr_row) + 1)
        self.Wm = np.zeros((len(self.attr_row) + 1, n))
        for (attr, lab), w in info.state_features.items():
            self.Wm[self.attr_row[attr], idx[lab]] += w
        self.W = {a: self.Wm[r] for a, r in self.attr_row.items()}
        # word bigram attributes ("bi=A|B") by their pair, so a document's pairs are looked up without building strings
        self.bi_row = {tuple(a[3:].split("|", 1)): r for a, r in self.attr_row.items()
                       if a.startswith("bi=") and a.count("|") == 1}
        self.feat = feat
        # How far O must lead each label for the token to be fixed to O: FORCE_O, plus for a label the best extra
        # score a neighbour's label can give it by transition (B-PER -> I-PER), so continuations are not cut.
        gain = np.maximum(0, (self.T - self.T[:, [self.O]]).max(axis=0))
        self._need = FORCE_O + gain
        self._need[self.O] = -np.inf
        self.zero = np.zeros(n)
        self._rows: dict[str, int] = {}
        self.own = np.zeros((_GROW, n))
        self.nb = {d: np.zeros((_GROW, n)) for d in OFFSETS}
        # Row 0 is the padding outside a sentence: it gives its neighbour the boundary attribute only.
        for d in OFFSETS:
            self.nb[d][0] = self.W.get(f"w{d}=<s>", self.zero)
        self._next = 1
        # The frequent words of the training text keep their rows for good; only the rest is dropped when the
        # cache fills, so a long stream does not recompute its commonest words each time.
        if feat.clusters:
            self._add_words(sorted(feat.clusters))
        self._pinned = self._next

    def _add_words(self, words: list[str]) -> None:
        """Computes the score rows of words not seen before, all at once."""
        need = self._next + len(words)
        while need > len(self.own):
            self.own = np.vstack([self.own, np.zeros_like(self.own)])
            self.nb = {d: np.vstack([m, np.zeros_like(m)]) for d, m in self.nb.items()}
        get = self.attr_row.get
        flat: list[int] = []
        starts: list[int] = []
        for w in words:
            own, ctx = self.feat.compute(w)
            for attrs in (own, *(ctx[d] for d in OFFSETS)):
                starts.append(len(flat))
                flat.append(0)  # the zero row keeps every group non-empty for reduceat
                flat += [get(a, 0) for a in attrs]
        sums = np.add.reduceat(self.Wm[flat], starts, axis=0).reshape(len(words), 1 + len(OFFSETS), -1)
        rows = np.arange(self._next, need)
        self.own[rows] = sums[:, 0]
        for k, d in enumerate(OFFSETS):
            self.nb[d][rows] = sums[:, k + 1]
        for w, r in zip(words, rows.tolist()):
            self._rows[w] = r
        self._next = need

    def emissions(self, sents: list[list[str]], gaz: list[list[str]],
                  cues: list[list[list[str]]] | None = None) -> np.ndarray:
        """A (tokens x labels) matrix of state scores for all sentences, one after the other."""
        if self._next > MAX_ROWS:  # bounded memory on a long stream: start the cache afresh
            self._rows = {w: r for w, r in self._rows.items() if r < self._pinned}
            self._next = self._pinned
        rows = self._rows
        new = [t for t in set().union(*sents) if t not in rows]
        if new:
            self._add_words(new)
        ids = [0, 0]
        real = []
        for toks in sents:
            start = len(ids)
            ids += [rows[t] for t in toks]
            real += range(start, len(ids))
            ids += [0, 0]  # padding: a neighbour beyond the sentence gives the boundary attribute
        ids_a = np.asarray(ids)
        pos = np.asarray(real)
        E = self.own[ids_a[pos]]
        for d in OFFSETS:
            E += self.nb[d][ids_a[pos + d]]
        # Tag, bigram and document-cue weights, gathered over the whole document and added in the order a
        # token-by-token loop would add them (np.add.at adds repeated indices one after the other).
        at: list[int] = []
        vec: list[int] = []
        base = 0
        for k, toks in enumerate(sents):
            self._tokens_at(at, vec, base, len(toks), gaz[k], "g")
            self._bigrams_at(at, vec, base, toks)
            if cues is not None:
                self._attrs_at(at, vec, base, cues[k])
            base += len(toks)
        if at:
            np.add.at(E, np.asarray(at), self.Wm[vec])
        return E

    def _tokens_at(self, at: list[int], vec: list[int], base: int, n: int, tags: list[str], name: str) -> None:
        get = self.attr_row.get
        for i, t in enumerate(tags):
            if not t:
                continue
            for key, j in ((f"{name}={t}", i), (f"{name}1={t}", i - 1), (f"{name}-1={t}", i + 1)):
                if 0 <= j < n:
                    r = get(key)
                    if r is not None:
                        at.append(base + j)
                        vec.append(r)

    def _attrs_at(self, at: list[int], vec: list[int], base: int, attrs: list[list[str]]) -> None:
        get = self.attr_row.get
        for i in [i for i, lst in enumerate(attrs) if lst]:
            for a in attrs[i]:
                r = get(a)
                if r is not None:
                    at.append(base + i)
                    vec.append(r)

    def _bigrams_at(self, at: list[int], vec: list[int], base: int, toks: list[str]) -> None:
        get = self.bi_row.get
        hits = [get(p) if "|" not in p[0] + p[1] else self.attr_row.get("bi=" + p[0] + "|" + p[1])
                for p in zip(toks, toks[1:])]
        for i in [i for i, r in enumerate(hits) if r is not None]:
            at.append(base + i + 1)
            vec.append(hits[i])

    def decode(self, E: np.ndarray, lengths: list[int]) -> np.ndarray:
        """The best label index of every token (sentences of `lengths` tokens, one after the other).

        A token where O leads every label by enough (FORCE_O, plus what a neighbour's label could add by
        transition) is taken as O; the stretches between such tokens are decoded exactly, all at once in one
        batched Viterbi. On ANERcorp's held-out part this gives crfsuite's labels (tests/analyse/test_entities_ner.py).
        """
        n = len(E)
        out = np.full(n, self.O)
        open_ = ((E[:, [self.O]] - E) < self._need).any(axis=1)
        if not open_.any():
            return out
        sent_start = np.zeros(n, dtype=bool)
        sent_start[np.cumsum([0, *lengths[:-1]])] = True
        sent_end = np.zeros(n, dtype=bool)
        sent_end[np.cumsum(lengths) - 1] = True
        idx = np.flatnonzero(open_)
        # A stretch starts at an open token whose predecessor is closed or in another sentence.
        new = np.ones(len(idx), dtype=bool)
        new[1:] = (np.diff(idx) > 1) | sent_start[idx[1:]]
        starts = idx[new]
        ends = np.append(idx[np.flatnonzero(new)[1:] - 1], idx[-1]) + 1
        paths = self._batch(E, starts, ends, ~sent_start[starts], ~sent_end[ends - 1])
        for s, e, p in zip(starts.tolist(), ends.tolist(), paths):
            out[s:e] = p
        return out

    def _batch(self, E, starts, ends, after_o, before_o) -> list[np.ndarray]:
        """Viterbi over many stretches at once; a stretch inside a sentence has O on its open side(s).

        Stretches are sorted longest first, so at step t the ones still running are a prefix of the batch.
        """
        T, O = self.T, self.O
        order = np.argsort(starts - ends, kind="stable")
        starts, ends, after_o, before_o = starts[order], ends[order], after_o[order], before_o[order]
        lens = ends - starts
        m = int(lens[0])
        live = np.searchsorted(-lens, -np.arange(m), side="left")  # live[t]: stretches longer than t
        gather = np.minimum(starts[:, None] + np.arange(m), len(E) - 1)
        Eb = E[gather]
        score = Eb[:, 0] + np.where(after_o[:, None], T[O], 0.0)
        backs = []
        for t in range(1, m):
            k = live[t]
            cand = score[:k, :, None] + T
            backs.append(cand.argmax(axis=1))
            score[:k] = cand.max(axis=1) + Eb[:k, t]
        cur = (score + np.where(before_o[:, None], T[:, O], 0.0)).argmax(axis=1)
        path = np.empty((len(lens), m), dtype=int)
        for t in range(m - 1, -1, -1):
            k = live[t]
            path[:k, t] = cur[:k]
            if t:
                cur[:k] = backs[t - 1][np.arange(k), cur[:k]]
        out: list[np.ndarray] = [None] * len(lens)  # type: ignore[list-item]
        for k, i in enumerate(order.tolist()):
            out[i] = path[k, : lens[k]]
        return out

    def tag(self, sents: list[list[str]], gaz: list[list[str]],
            cues: list[list[list[str]]] | None = None) -> list[list[str]]:
        """Labels for every token of every sentence (one document)."""
        lengths = [len(t) for t in sents]
        if not sum(lengths):
            return [[] for _ in sents]
        flat = self.decode(self.emissions(sents, gaz, cues), lengths).tolist()
        labs = self.labels
        out, pos = [], 0
        for n in lengths:
            out.append([labs[k] for k in flat[pos:pos + n]])
            pos += n
        return out
