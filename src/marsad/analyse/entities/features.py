"""Token features for the CRF: the word, its affixes and clitic-free stem, its shape, catalogue membership, and
the same for its neighbours.

Features that depend only on the word are computed once per word form and cached, which keeps tagging fast
enough to run over every sentence.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
import functools
import itertools
import math
import re

import numpy as np
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from marsad.analyse.entities.clitics import Lexicon
from marsad.analyse.entities.matcher import Match
from marsad.analyse.entities.wordclasses import WordClasses

# A token for the model: a word, or one punctuation mark (ANERcorp separates punctuation the same way).
TOKEN = re.compile(r"\w+|[^\w\s]")
_PIECE = re.compile(r"\w+|[^\w\s]|\s+")  # TOKEN's matches and the space between them
_CACHE_MAX = 200_000
_ZEROS = itertools.repeat(0.0)  # the default of every weight lookup in NameLikeness.score


@functools.cache
def lemma_table() -> dict[str, str]:
    """simplemma's Arabic dictionary (word form -> lemma) as a plain dict (about 300,000 forms, ~0.6 s to build).

    Only the dictionary, without simplemma's affix-guessing fallbacks: a word outside it keeps its own form. For
    Arabic a lookup in this dict gives what simplemma's dictionary strategy gives (no letter case, no apostrophes),
    some twenty times faster than simplemma's front-coded store.
    """
    return dict(DefaultDictionaryFactory().get_dictionary("ar").items())


def lemma(w: str) -> str:
    """simplemma's dictionary lemma of a folded Arabic word, or the word itself."""
    return lemma_table().get(w, w)


# Neighbour offsets seen by a token, and the attribute families each neighbour contributes.
OFFSETS = (-2, -1, 1, 2)
# Attribute name prefixes per offset: word, stem, and for the immediate neighbours cluster, bare ending, word class,
# name list, dictionary and name-likeness (None: the family is not used at that offset).
_LENGTHS = [f"len={n}" for n in range(9)]
_NB = {d: (f"w{d}=", f"st{d}=", *((f"c{d}=", f"bs{d}=", f"e{d}=", f"a{d}=", f"dict{d}=", f"nl{d}=") if abs(d) == 1
                                  else (None,) * 6)) for d in OFFSETS}


class Featurizer:
    """Builds CRF attributes for the tokens of a sentence.

    Every attribute is either a property of one word (its own, or as a neighbour at offset -2..2), a catalogue
    tag of a token, or a word bigram; `word` caches the word parts, which is what lets decode.py score a token
    from a few cached vectors.
    """

    def __init__(self, lex: Lexicon, known: frozenset[str] = frozenset(),
                 clusters: dict[str, tuple[str, str]] | None = None,
                 lemmas: dict[str, str] | None = None, names: dict[str, str] | None = None,
                 dictionary: frozenset[str] = frozenset(), namelike: NameLikeness | None = None,
                 classes: WordClasses | None = None):
        self.lex = lex
        # word -> (type, type + band) read off a multilingual encoder's vectors (wordclasses.py)
        self.classes = classes
        # Folded word forms of simplemma's Arabic dictionary: a word outside it is often a name (foreign ones above all).
        self.dictionary = dictionary
        self.namelike = namelike  # how much a word's letters look like a name's (resources/ner/namelike.tsv)
        self.names = names or {}  # one-word entries of the model's name lists (ANERGazet): word -> type
        self.lemmas = lemmas or {}  # simplemma's lemma of frequent words, computed once when the clusters were
        self.clusters = clusters or {}  # word -> (coarse, fine) distributional cluster (ANERcorp training part)
        self.known = known  # folded single-word catalogue names: a clitic is split off only before one of them
        self._cache: dict[str, tuple[list[str], dict[int, list[str]]]] = {}
        self._table = lemma_table()
        # What `_bare` strips: the article with any proclitic before it (ال, وال, بال, لل); a bare clitic letter is
        # left alone, being too often the first letter of the word itself.
        self._prefixes = frozenset(p for p in lex.definite_prefixes if p.endswith(lex.article) or p in lex.lil_clitics)

    def word(self, w: str) -> tuple[list[str], dict[int, list[str]]]:
        """(attributes of the word at its own position, {offset: attributes it gives a token at that offset})."""
        hit = self._cache.get(w)
        if hit is None:
            if len(self._cache) > _CACHE_MAX:
                self._cache.clear()
            hit = self._cache[w] = self.compute(w)
        return hit

    def compute(self, w: str) -> tuple[list[str], dict[int, list[str]]]:
        """`word` without the cache (the fast decoder keeps its own cache of score rows instead)."""
        stem = self._stem(w)
        bare = self._bare(w)
        f = [
            "w=" + w, "stem=" + stem, "p2=" + w[:2], "p3=" + w[:3], "s2=" + w[-2:], "s3=" + w[-3:],
            "ss2=" + stem[-2:], "sp2=" + stem[:2], _LENGTHS[min(len(w), 8)], "shape=" + _shape(w),
            "bp3=" + bare[:3], "bs3=" + bare[-3:], "bs1=" + bare[-1:],
        ]
        if w.startswith(self.lex.article):
            f.append("al")
        if w in self.lex.honorifics or stem in self.lex.honorifics:
            f.append("hon")
        if stem in self.known or bare in self.known:
            f.append("known")
        cl = self.clusters.get(w) or self.clusters.get(stem) or self.clusters.get(bare)
        if cl:
            f += ["c1=" + cl[0], "c2=" + cl[1]]
        wc = self.classes.get(w, bare, stem) if self.classes else None
        if wc:
            f += ["e0=" + wc[0], "e1=" + wc[1]]
        listed = self._listed(w, stem)
        if listed:
            f.append("a=" + listed)
        trig = self.lex.triggers.get(w) or self.lex.triggers.get(bare)
        if trig:
            f.append("tr=" + trig)
        if w.endswith(("ي", "يه", "يين", "يون")) and len(w) > 4:
            f.append("nisba_like")
        arabic = w.isalpha() and not w.isascii()
        known = None
        if arabic and self.dictionary:
            known = "kn" if (w in self.dictionary or bare in self.dictionary or stem in self.dictionary) else "oov"
            f.append("dict=" + known)
        looks = self.namelike.bucket(bare) if arabic and self.namelike else None
        if looks is not None:
            f.append("nl=" + looks)
        fine = cl[1] if cl else "?"
        # As a neighbour, the word is seen from the other side: offset d here means "I am at i+d". (The attribute
        # names are built once, in _NB: this runs for every word not seen before.)
        ctx = {}
        for d, (wn, stn, cn, bsn, en, an, dn, nln) in _NB.items():
            if cn is None:
                ctx[d] = [wn + w, stn + stem]
                continue
            c = [wn + w, stn + stem, cn + fine, bsn + bare[-2:]]
            if wc:
                c.append(en + wc[1])
            if listed:
                c.append(an + listed)
            if known:
                c.append(dn + known)
            if looks is not None:
                c.append(nln + looks)
            ctx[d] = c
        if trig:
            ctx[-1].append("tr-1=" + trig)
            ctx[-2].append("tr-2=" + trig)
        return f, ctx

    def _listed(self, w: str, stem: str) -> str | None:
        """The name-list type of a word, also under a glued proclitic (ومحمد, لأحمد, وللقاهرة)."""
        hit = self.names.get(w) or self.names.get(stem)
        if hit or not self.names:
            return hit
        for n in (3, 2, 1):
            pre, rest = w[:n], w[n:]
            if len(rest) >= 3 and (pre in self.lex.clitics or pre in self.lex.lil_clitics):
                hit = self.names.get(rest) or (self.names.get(self.lex.article[0] + rest) if pre[-1] == "ل" else None)
                if hit:
                    return hit
        return None

    def _stem(self, w: str) -> str:
        """The word without proclitics and article, checked against known names so foreign names stay whole."""
        if not w.isalpha() or len(w) < 3 or w in self.known:
            return w
        for n in (3, 2, 1):
            pre, rest = w[:n], w[n:]
            if len(rest) >= 2 and pre in self.lex.clitics and rest in self.known:
                return rest
        lem = self.lemmas.get(w)
        if lem is None:
            lem = self._table.get(w, w)
        return lem if lem and len(lem) >= 2 else w

    def _bare(self, w: str) -> str:
        """The word without the article and a proclitic before it (والوزاره -> وزاره), if three letters are left."""
        if not w.isalpha():
            return w
        for n in (4, 3, 2, 1):
            pre, rest = w[:n], w[n:]
            if len(rest) >= 3 and pre in self._prefixes:
                return rest
        return w

    def _strip(self, w: str) -> str:
        """A rare word's stem without calling simplemma: proclitics and article off when a frequent word is left."""
        for n in (4, 3, 2, 1):
            pre, rest = w[:n], w[n:]
            if len(rest) >= 3 and pre in self.lex.definite_prefixes and rest in self.lemmas:
                return self.lemmas[rest] or rest
        return w

    def sentence(self, toks: list[str], gaz: list[str]) -> list[list[str]]:
        """Attribute lists for one sentence; `gaz` holds a catalogue tag per token ('' or B-PER, I-GPE, ...)."""
        words = [self.word(t) for t in toks]
        n = len(toks)
        out = []
        for i in range(n):
            f = list(words[i][0])
            for d in OFFSETS:
                j = i + d
                f += words[j][1][d] if 0 <= j < n else [f"w{d}=<s>"]
            f += tag_attrs(gaz, i, "g")
            if i > 0:
                f.append("bi=" + toks[i - 1] + "|" + toks[i])
            out.append(f)
        return out


class NameLikeness:
    """A logistic score of how much a word's letters look like a name's rather than a dictionary word's.

    The weights are per character n-gram (2 to 4 letters, the word framed by < and >), learnt by
    scripts/train_ner.py from catalogue and ANERGazet name words against simplemma's dictionary words. Foreign names
    written in Arabic letters (ستودهام, فيرهوف) have letter sequences native words rarely have.
    """

    BUCKETS = 5

    def __init__(self, weights: dict[str, float], bias: float):
        self.weights = weights
        self.bias = bias
        self._bands: dict[str, str] = {}  # bare word -> band: the clitic forms of one word share it

    def score(self, w: str) -> float:
        """Probability-like score in [0, 1]."""
        framed = f"<{w}>"
        grams = {framed[i:i + n] for n in (2, 3, 4) for i in range(len(framed) - n + 1)}
        z = self.bias + sum(map(self.weights.get, grams, _ZEROS))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def bucket(self, w: str) -> str | None:
        """The score in five bands ("0".."4"), or None for words too short to judge."""
        if len(w) < 3:
            return None
        band = self._bands.get(w)
        if band is None:
            if len(self._bands) > _CACHE_MAX:
                self._bands.clear()
            band = self._bands[w] = str(min(int(self.score(w) * self.BUCKETS), self.BUCKETS - 1))
        return band


def tag_attrs(tags: list[str], i: int, name: str) -> list[str]:
    """Attributes of token i from a per-token tag list: its own tag and its immediate neighbours' tags."""
    out = []
    if tags[i]:
        out.append(f"{name}=" + tags[i])
    if i > 0 and tags[i - 1]:
        out.append(f"{name}-1=" + tags[i - 1])
    if i + 1 < len(tags) and tags[i + 1]:
        out.append(f"{name}1=" + tags[i + 1])
    return out


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if w.isascii() and w.isalpha():
        return "lat"
    if not w.isalnum():
        return "p"
    return "a"


def tokenize_flat(text: str) -> tuple[list[str], np.ndarray, np.ndarray]:
    """The model's tokens of a text (TOKEN's matches) as (words, start offsets, end offsets).

    The text is cut into word runs, single marks and space runs, which cover it without gaps, so offsets are
    running sums of piece lengths: several times faster than a Match object per token.
    """
    pieces = _PIECE.findall(text)
    ends = np.cumsum(np.fromiter(map(len, pieces), dtype=np.intp, count=len(pieces)))
    keep = np.fromiter(map(str.isspace, pieces), dtype=bool, count=len(pieces))
    np.logical_not(keep, out=keep)
    words = list(itertools.compress(pieces, keep))
    ends = ends[keep]
    return words, ends - np.fromiter(map(len, words), dtype=np.intp, count=len(words)), ends


_TYPE_OF_KIND = {"office": "PER", "nisba": "NIS", "title": "TTL"}


def catalogue_tags(starts, ends, matches: list[Match], types: dict[str, str], first=None) -> list[tuple[int, str]]:
    """(token, B-/I- tag) for the tokens each matcher hit covers (entity type, or office / nisba / title), in token
    order. `starts` and `ends` are the tokens' offsets (sorted); `first`, if given, marks tokens that open a
    sentence, where a tag starts afresh."""
    tags: dict[int, str] = {}
    for m in matches:
        if m.kind == "inner":
            continue  # a country nested in an office phrase: the office tag covers those tokens
        typ = types.get(m.target, "MISC") if m.kind == "name" else _TYPE_OF_KIND[m.kind]
        j, k = bisect_right(ends, m.start), bisect_left(starts, m.end)  # the tokens overlapping the hit
        for i in range(j, k):
            tags[i] = ("B-" if i == j or (first is not None and first[i]) else "I-") + typ
    return sorted(tags.items())


def gazetteer_tags(spans: list[tuple[int, int]], matches: list[Match], types: dict[str, str]) -> list[str]:
    """A catalogue tag per token span ('' outside the hits): `catalogue_tags` for one sentence."""
    tags = [""] * len(spans)
    for i, t in catalogue_tags([a for a, _ in spans], [b for _, b in spans], matches, types):
        tags[i] = t
    return tags


def doc_cues(sents: list[list[str]], gaz: list[list[str]], aux: list[list[str]] | None,
             honorifics: frozenset[str]) -> list[list[list[str]]]:
    """Document-level attributes: for each word, the name cues seen around any of its uses in the document.

    A surname written alone (رامسفيلد) is hard to tell from a common word; the same surname after a title or a
    known first name elsewhere in the article gives it away.
    """
    seen: dict[str, set[str]] = {}
    for k, toks in enumerate(sents):
        g = gaz[k]
        a = aux[k] if aux else g
        n = len(toks)
        found = [(i, "t" + (g[i] or a[i])[2:]) for i in range(n) if g[i] or a[i]]
        found += [(i + d, cue) for i, c in list(found) if c == "tPER" for d, cue in ((1, "pper"), (-1, "nper"))]
        found += [(i + 1, "hon") for i, w in enumerate(toks) if w in honorifics]
        for i, cue in found:
            if 0 <= i < n:
                w = toks[i]
                if len(w) >= 3 and w.isalpha():
                    seen.setdefault(w, set()).add(cue)
    attrs = {w: ["d:" + c for c in sorted(cues)] for w, cues in seen.items()}
    empty: list[str] = []
    return [[attrs.get(w, empty) for w in toks] for toks in sents]

