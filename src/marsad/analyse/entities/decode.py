"""Fast decoding of the trained CRF.

crfsuite's own tagger rebuilds every attribute string of every token; here the weights are compiled once into
per-word score vectors (a word's own attributes, and what it contributes as a neighbour at each offset), so a
token's emission score is a sum of cached rows. Tokens where O leads every label by a margin are fixed to O up
front, and Viterbi runs only over the stretches between them (see FastCRF.decode for how close this is to crfsuite).
"""
from __future__ import annotations

import itertools

import numpy as np
import pycrfsuite

from marsad.analyse.entities.features import OFFSETS, Featurizer

_GROW = 4096
MAX_ROWS = 250_000  # cached words before the cache is thinned (each word's rows take about 360 bytes)
KEEP = 0.5  # the share of MAX_ROWS kept when thinning: the words used in the most documents
# A token whose O score leads every other label by this much is fixed to O before Viterbi (see FastCRF.decode).
FORCE_O = 0.0
# Word properties kept per cache row (FastCRF.flags): an honorific, a word long enough to carry document cues, and
# a word that is first / second of some bigram the model has weights for.
_HON, _CUEABLE, _FIRST, _SECOND = 1, 2, 4, 8
_ZERO = itertools.repeat(0)  # the row of an attribute the model does not know


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
        self.TT = np.ascontiguousarray(self.T.T)  # [label, previous label]
        # Weights as a matrix, one row per attribute (row 0: unknown attributes, all zeros).
        self.attr_row: dict[str, int] = {}
        for attr, _ in info.state_features:
            self.attr_row.setdefault(attr, len(self.attr_row) + 1)
        self.Wm = np.zeros((len(self.attr_row) + 1, n))
        for (attr, lab), w in info.state_features.items():
            self.Wm[self.attr_row[attr], idx[lab]] += w
        # word bigram attributes ("bi=A|B") by their pair, so a document's pairs are looked up without building strings
        self.bi_row = {tuple(a[3:].split("|", 1)): r for a, r in self.attr_row.items()
                       if a.startswith("bi=") and a.count("|") == 1}
        self.feat = feat
        self._firsts = frozenset(a for a, _ in self.bi_row)
        self._seconds = frozenset(b for _, b in self.bi_row)
        # one-word entries of the name lists, as codes: a listed name is a document cue like a catalogue tag
        self.listed_types = ["", *sorted({t for t in feat.names.values() if not t.startswith("p")})]
        self._listed_code = {t: k for k, t in enumerate(self.listed_types)}
        self._cue_cache: dict[tuple[str, ...], list[int]] = {}
        # How far O must lead each label for the token to be fixed to O: FORCE_O, plus for a label the best extra
        # score the previous label can give it by transition (B-PER -> I-PER), so continuations are not cut. The
        # bound ignores what the label gives the next token: adding that too makes decoding exact but several times
        # slower (stretches grow from ~13 to ~70 tokens), for 2 of ANERcorp's 972 held-out sentences.
        gain = np.maximum(0, (self.T - self.T[:, [self.O]]).max(axis=0))
        self._need = FORCE_O + gain
        self._need[self.O] = -np.inf
        self._rows: dict[str, int] = {}
        # Score rows per cached word: [own, as neighbour at OFFSETS[0], ...], kept together so that reading a word
        # touches one stretch of memory.
        self.table = np.zeros((_GROW, 1 + len(OFFSETS), n))
        self.flags = np.zeros(_GROW, dtype=np.uint8)
        self.listed = np.zeros(_GROW, dtype=np.int8)
        self._slot = np.full(_GROW, -1, dtype=np.intp)  # scratch: row -> its place in a list of rows, else -1
        self._uses = np.zeros(_GROW, dtype=np.int64)  # documents each cached word was seen in
        # Row 0 is the padding outside a sentence: it gives its neighbour the boundary attribute only.
        for k, d in enumerate(OFFSETS, 1):
            self.table[0, k] = self.Wm[self.attr_row.get(f"w{d}=<s>", 0)]
        self._next = 1
        # The frequent words of the training text keep their rows for good; only the rest is dropped when the
        # cache fills, so a long stream does not recompute its commonest words each time.
        if feat.clusters:
            self._add_words(sorted(feat.clusters))
        self._pinned = self._next

    def _add_words(self, words: list[str]) -> None:
        """Computes the score rows of words not seen before, all at once."""
        need = self._next + len(words)
        while need > len(self.table):
            self.table = np.concatenate([self.table, np.zeros_like(self.table)])
            self.flags = np.concatenate([self.flags, np.zeros_like(self.flags)])
            self.listed = np.concatenate([self.listed, np.zeros_like(self.listed)])
            self._slot = np.concatenate([self._slot, np.full_like(self._slot, -1)])
            self._uses = np.concatenate([self._uses, np.zeros_like(self._uses)])
        get = self.attr_row.get
        flat: list[int] = []
        starts: list[int] = []
        for w in words:
            own, ctx = self.feat.compute(w)
            for attrs in (own, *(ctx[d] for d in OFFSETS)):
                starts.append(len(flat))
                flat.append(0)  # the zero row keeps every group non-empty for reduceat
                flat.extend(map(get, attrs, _ZERO))
        sums = np.add.reduceat(self.Wm[flat], starts, axis=0).reshape(len(words), 1 + len(OFFSETS), -1)
        rows = np.arange(self._next, need)
        self.table[rows] = sums
        hon, names, code = self.feat.lex.honorifics, self.feat.names, self._listed_code
        for w, r in zip(words, rows.tolist()):
            self._rows[w] = r
            self.flags[r] = ((_HON if w in hon else 0) | (_CUEABLE if len(w) >= 3 and w.isalpha() else 0)
                             | (_FIRST if w in self._firsts or "|" in w else 0)
                             | (_SECOND if w in self._seconds or "|" in w else 0))
            self.listed[r] = code.get(names.get(w, ""), 0)
        self._next = need

    def _row_ids(self, words: list[str]) -> np.ndarray:
        """The cache row of every word, computing the rows of words not seen before."""
        if self._next > MAX_ROWS:  # bounded memory on a long stream
            self._thin()
        ids = list(map(self._rows.get, words))
        if None in ids:
            self._add_words(list({w for w, r in zip(words, ids) if r is None}))
            ids = list(map(self._rows.__getitem__, words))
        rows = np.asarray(ids, dtype=np.intp)
        self._uses[rows] += 1  # a repeated index is incremented once: this counts documents
        return rows

    def _thin(self) -> None:
        """Keeps the pinned words and the words used in the most documents, moved to the front of the tables."""
        others = [(w, r) for w, r in self._rows.items() if r >= self._pinned]
        keep = int(MAX_ROWS * KEEP)
        if len(others) > keep:
            rows = np.fromiter((r for _, r in others), dtype=np.intp, count=len(others))
            best = np.argpartition(-self._uses[rows], keep)[:keep]
            others = [others[i] for i in np.sort(best).tolist()]
        old = np.fromiter((r for _, r in others), dtype=np.intp, count=len(others))
        new = np.arange(self._pinned, self._pinned + len(others))
        for arr in (self.table, self.flags, self.listed):
            arr[new] = arr[old]  # the right side is a copy, so overlapping moves are safe
        self._uses[new] = self._uses[old] // 2  # older uses count less against words coming in
        self._uses[self._pinned + len(others):] = 0
        self._rows = {w: r for w, r in self._rows.items() if r < self._pinned}
        self._rows.update(zip((w for w, _ in others), new.tolist()))
        self._next = self._pinned + len(others)

    def emissions(self, words: list[str], sid: np.ndarray, gaz: list[tuple[int, str]]) -> np.ndarray:
        """A (tokens x labels) matrix of state scores for a document's tokens.

        `words` are the tokens of all sentences one after the other, `sid` the sentence number of each, `gaz` the
        (token, catalogue tag) pairs of tokens inside a catalogue match, in token order. Scores are added in the
        order crfsuite's attribute lists would add them (own word, neighbours, tags, bigram, document cues), so the
        sums are the same to the last bit.
        """
        rows = self._row_ids(words)
        # Sentences laid out with two padding rows (row 0) around each: a neighbour across a sentence end reads
        # the padding, which gives the boundary attribute.
        at = np.arange(len(rows)) + 2 * sid + 2
        padded = np.zeros(at[-1] + 3, dtype=np.intp)
        padded[at] = rows
        G = self.table[padded]
        E = G[at, 0]
        for k, d in enumerate(OFFSETS, 1):
            E += G[at + d, k]
        # One sequential add for the sparse attributes: per token, tags come before the bigram and the cues.
        sl = sid.tolist()
        at, vec = self._tag_scores(gaz, sl)
        for a, v in (self._bigram_scores(words, rows, sid), self._cue_scores(rows, sid, sl, gaz)):
            at += a
            vec += v
        if at:
            np.add.at(E, at, self.Wm[vec])
        return E

    def _tag_scores(self, gaz: list[tuple[int, str]], sid: list[int]) -> tuple[list[int], list[int]]:
        """Catalogue-tag attributes: a tagged token's own tag, and its tag as seen by its neighbours."""
        get = self.attr_row.get
        at: list[int] = []
        vec: list[int] = []
        n = len(sid)
        for i, t in gaz:
            si = sid[i]
            for key, j in (("g=" + t, i), ("g1=" + t, i - 1), ("g-1=" + t, i + 1)):
                if 0 <= j < n and sid[j] == si:
                    r = get(key)
                    if r is not None:
                        at.append(j)
                        vec.append(r)
        return at, vec

    def _bigram_scores(self, words: list[str], rows: np.ndarray, sid: np.ndarray) -> tuple[list[int], list[int]]:
        """Word-bigram attributes ("bi=A|B" on B), looked up only where both words occur in some trained bigram."""
        flags = self.flags[rows]
        cand = np.flatnonzero((flags[:-1] & _FIRST).astype(bool) & (flags[1:] & _SECOND).astype(bool)
                              & (sid[:-1] == sid[1:])) + 1
        get, attr = self.bi_row.get, self.attr_row.get
        at: list[int] = []
        vec: list[int] = []
        for i in cand.tolist():
            a, b = words[i - 1], words[i]
            r = get((a, b)) if "|" not in a + b else attr("bi=" + a + "|" + b)
            if r is not None:
                at.append(i)
                vec.append(r)
        return at, vec

    def _cue_scores(self, rows: np.ndarray, sid: np.ndarray, sl: list[int], gaz: list[tuple[int, str]]
                    ) -> tuple[list, list]:
        """Document cues (features.doc_cues): every use of a word gets the name cues seen around any of its uses."""
        n = len(rows)
        typ = {i: t[2:] for i, t in gaz}
        listed = self.listed[rows]
        nz = np.flatnonzero(listed)
        for i, code in zip(nz.tolist(), listed[nz].tolist()):
            typ.setdefault(i, self.listed_types[code])
        hon = np.flatnonzero(self.flags[rows] & _HON).tolist()
        if not typ and not hon:
            return [], []
        rl = rows.tolist()
        ok = (self.flags[rows] & _CUEABLE).tolist()
        seen: dict[int, set[str]] = {}
        # (token given the cue, token it is read from, cue): a tag's own type, the words after and before a person
        # name, the word after an honorific
        found = [(i, i, "t" + t) for i, t in typ.items()]
        found += [(i + d, i, cue) for i, t in typ.items() if t == "PER" for d, cue in ((1, "pper"), (-1, "nper"))]
        found += [(i + 1, i, "hon") for i in hon]
        for i, j, cue in found:
            if 0 <= i < n and ok[i] and sl[i] == sl[j]:
                seen.setdefault(rl[i], set()).add(cue)
        if not seen:
            return [], []
        # Every use of a cue word gets the attribute rows of its cues, in sorted cue order.
        words = list(seen)
        lists = [self._cue_rows(tuple(sorted(c))) for c in seen.values()]
        ks = np.fromiter(map(len, lists), dtype=np.intp, count=len(lists))
        slot = self._slot
        slot[words] = np.arange(len(words))
        w_all = slot[rows]
        slot[words] = -1
        pos = np.flatnonzero(w_all >= 0)
        w = w_all[pos]
        counts = ks[w]
        at = np.repeat(pos, counts)
        first = np.cumsum(ks) - ks  # where each word's rows start in the concatenated lists
        idx = np.repeat(first[w] - (np.cumsum(counts) - counts), counts) + np.arange(len(at))
        vec = np.fromiter(itertools.chain.from_iterable(lists), dtype=np.intp, count=int(ks.sum()))[idx]
        return at.tolist(), vec.tolist()

    def _cue_rows(self, cues: tuple[str, ...]) -> list[int]:
        """The weight rows of a sorted set of document cues ("d:" attributes the model knows)."""
        hit = self._cue_cache.get(cues)
        if hit is None:
            hit = self._cue_cache[cues] = [r for r in map(self.attr_row.get, ["d:" + c for c in cues]) if r is not None]
        return hit

    def decode(self, E: np.ndarray, lengths: list[int]) -> np.ndarray:
        """The best label index of every token (sentences of `lengths` tokens, one after the other).

        A token where O leads every label by enough (FORCE_O, plus what the previous label could add by
        transition) is taken as O; the stretches between such tokens are decoded exactly, all at once in one
        batched Viterbi. On ANERcorp's held-out part this gives crfsuite's labels for 970 of the 972 sentences
        (tests/analyse/test_entities_ner.py).
        """
        n = len(E)
        out = np.full(n, self.O)
        idx = np.flatnonzero(((E[:, [self.O]] - E) < self._need).any(axis=1))
        if not len(idx):
            return out
        ends_at = np.cumsum(lengths)
        sent_start = np.zeros(n, dtype=bool)
        sent_start[ends_at - lengths] = True
        sent_end = np.zeros(n, dtype=bool)
        sent_end[ends_at - 1] = True
        # A stretch starts at an open token whose predecessor is closed or in another sentence.
        new = np.ones(len(idx), dtype=bool)
        new[1:] = (np.diff(idx) > 1) | sent_start[idx[1:]]
        firsts = np.flatnonzero(new)
        starts = idx[firsts]
        ends = idx[np.append(firsts[1:] - 1, len(idx) - 1)] + 1
        pos, labels = self._batch(E, starts, ends, ~sent_start[starts], ~sent_end[ends - 1])
        out[pos] = labels
        return out

    def _batch(self, E, starts, ends, after_o, before_o) -> tuple[np.ndarray, np.ndarray]:
        """Viterbi over many stretches at once; a stretch inside a sentence has O on its open side(s).

        Returns (token positions, their labels). Stretches are sorted longest first, so at step t the ones still
        running are a prefix of the batch.
        """
        T, TT, O = self.T, self.TT, self.O
        order = np.argsort(starts - ends, kind="stable")
        starts, after_o, before_o = starts[order], after_o[order], before_o[order]
        lens = (ends[order] - starts)
        m = int(lens[0])
        steps = np.arange(m)
        live = np.searchsorted(-lens, -steps, side="left")  # live[t]: stretches longer than t
        gather = starts[:, None] + steps
        valid = steps < lens[:, None]
        Eb = E[np.minimum(gather, len(E) - 1)]
        score = Eb[:, 0] + np.where(after_o[:, None], T[O], 0.0)
        backs = []
        nl = len(T)
        flat = np.arange(len(lens) * nl)
        for t in range(1, m):
            k = live[t]
            cand = (score[:k, None, :] + TT).reshape(-1, nl)  # (stretch x label, previous label)
            best = cand.argmax(axis=1)
            backs.append(best.reshape(k, nl))
            np.add(cand[flat[:k * nl], best].reshape(k, nl), Eb[:k, t], out=score[:k])
        cur = (score + np.where(before_o[:, None], T[:, O], 0.0)).argmax(axis=1)
        path = np.empty((len(lens), m), dtype=np.intp)
        ar = np.arange(len(lens))
        for t in range(m - 1, -1, -1):
            k = live[t]
            path[:k, t] = cur[:k]
            if t:
                cur[:k] = backs[t - 1][ar[:k], cur[:k]]
        return gather[valid], path[valid]

    def tag_tokens(self, words: list[str], lengths: list[int], gaz: list[tuple[int, str]]) -> np.ndarray:
        """The label index of every token of a document (sentences of `lengths` tokens, one after the other)."""
        if not words:
            return np.zeros(0, dtype=int)
        sid = np.repeat(np.arange(len(lengths)), lengths)
        return self.decode(self.emissions(words, sid, gaz), lengths)

    def tag(self, sents: list[list[str]], gaz: list[list[str]]) -> list[list[str]]:
        """Labels for every token of every sentence (one document); `gaz` holds a catalogue tag per token or ''."""
        lengths = [len(t) for t in sents if t]
        words = [w for toks in sents for w in toks]
        flat_gaz = [(i, t) for i, t in enumerate(t for g, toks in zip(gaz, sents) if toks for t in g) if t]
        flat = self.tag_tokens(words, lengths, flat_gaz).tolist()
        labs = self.labels
        out, pos = [], 0
        for toks in sents:
            out.append([labs[k] for k in flat[pos:pos + len(toks)]])
            pos += len(toks)
        return out
