#!/usr/bin/env python3
"""Trains Marsad's CRF entity recognizer and derives the small resources it reads.

# source: ANERcorp and its ANERGazet name lists (Benajiba, Rosso & Benedi 2007; CAMeL Lab redistributes ANERcorp
# under CC BY-SA 4.0) from ../shared/data/anercorp; SaudiNewsNet (Alhagri 2015, CC BY-NC-SA 4.0) from
# ../shared/data/saudinewsnet, unlabelled, for word clusters and harvested names. Neither corpus is copied into the
# repository: only the model weights and word lists derived from them.

Steps (all written under src/marsad/resources/ner/):
  1. gazetteer.tsv  the ANERGazet person, place and organisation names, folded
  2. clusters.tsv   distributional word clusters from SaudiNewsNet (PPMI of neighbour counts, SVD, k-means)
  3. crf.model      a first model, trained on the first 125,000 tokens of ANERcorp (cut at a sentence end)
  4. harvested.tsv  words that first model mostly tags as names in SaudiNewsNet; common.tsv, words it never does
  5. crf.model      the final model, with the harvested names as a feature; scores.json, its held-out scores

usage: python scripts/train_ner.py [--anercorp PATH] [--news DIR] [--reuse-clusters] [--c1 X] [--c2 X] ...
"""
from __future__ import annotations

import argparse
import glob
import json
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import simplemma
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.analyse.entities import _matcher, ner
from marsad.arabic.normalize import normalize

NEWS = ner.DEFAULT_ANERCORP.parents[1] / "saudinewsnet"
_TOKEN = re.compile(r"\w+|[^\w\s]")


def build_gazetteer(folder: Path, out: Path) -> int:
    """Writes the model's name lists (folded, one name per row with its type) from the ANERGazet files."""
    rows: dict[str, str] = {}
    for fname, typ in (("ANERGazet_Pers.txt", "PER"), ("ANERGazet_Loc.txt", "LOC"), ("ANERGazet_Org.txt", "ORG")):
        with open(folder / fname, encoding="utf-8") as fh:
            for line in fh:
                name = " ".join(normalize(line).split())
                if len(name) >= 2 and name[0].isalpha():  # skips the ==== and **** section rules
                    rows.setdefault(name, typ)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: ANERGazet name lists of ANERcorp (Benajiba et al. 2007), folded by scripts/train_ner.py\n")
        fh.write("name\ttype\n")
        for name, typ in sorted(rows.items()):
            fh.write(f"{name}\t{typ}\n")
    return len(rows)


def news_texts(folder: Path) -> list[str]:
    """Bodies of every SaudiNewsNet article."""
    out: list[str] = []
    for z in sorted(glob.glob(str(folder / "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                out += [a["content"] for a in json.loads(zf.read(name))]
    return out


def build_clusters(texts: list[str], out: Path, *, vocab: int = 60_000, contexts: int = 3000, dims: int = 100) -> int:
    """Clusters words by their neighbours: PPMI of (word, neighbour at -2..2) counts, SVD, spherical k-means."""
    seqs = [_TOKEN.findall(normalize(t)) for t in texts]
    cnt = Counter(w for s in seqs for w in s)
    words = [w for w, c in cnt.most_common(vocab) if c >= 5]
    ctx = [w for w, _ in cnt.most_common(contexts)]
    wi = {w: i for i, w in enumerate(words)}
    ci = {w: i for i, w in enumerate(ctx)}
    rows, cols = [], []
    for toks in seqs:
        ids = [wi.get(t, -1) for t in toks]
        cids = [ci.get(t, -1) for t in toks]
        for i, w in enumerate(ids):
            if w < 0:
                continue
            for k, d in enumerate((-2, -1, 1, 2)):
                j = i + d
                if 0 <= j < len(toks) and cids[j] >= 0:
                    rows.append(w)
                    cols.append(cids[j] + k * len(ctx))
    m = sparse.coo_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(words), 4 * len(ctx))).tocsr()
    m.sum_duplicates()
    m = m.tocoo()
    total, rs, cs = m.sum(), np.asarray(m.sum(1)).ravel(), np.asarray(m.sum(0)).ravel()
    # Context counts smoothed by ^0.75, as is usual for PPMI, so rare contexts do not dominate.
    pmi = np.log((m.data * total) / (rs[m.row] * cs[m.col] ** 0.75 * cs.sum() ** 0.25))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=dims)
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    coarse, fine = _kmeans(x, 64), _kmeans(x, 512)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: word clusters derived from SaudiNewsNet (CC BY-NC-SA 4.0) by scripts/train_ner.py\n")
        fh.write("word\tc64\tc512\tlemma\n")
        for w, a, b in zip(words, coarse, fine):
            # simplemma's lemma, stored so the recognizer need not call it for frequent words
            lem = simplemma.lemmatize(w, lang="ar") if w.isalpha() else ""
            fh.write(f"{w}\t{a}\t{b}\t{lem}\n")
    return len(words)


def _kmeans(x: np.ndarray, k: int, iterations: int = 15, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = x[rng.choice(len(x), k, replace=False)]
    for _ in range(iterations):
        lab = np.argmax(x @ centres.T, axis=1)
        for j in range(k):
            members = x[lab == j]
            if len(members):
                v = members.mean(axis=0)
                centres[j] = v / (np.linalg.norm(v) + 1e-9)
    return np.argmax(x @ centres.T, axis=1)


def harvest(texts: list[str], names_out: Path, common_out: Path, *, min_named: int = 3, min_seen: int = 20) -> tuple[int, int]:
    """Tags unlabelled news with the current model; keeps words mostly tagged as names, and words never tagged."""
    _, matcher = _matcher(None, None)
    nt = ner.NerTagger(matcher, ner.MODEL)
    seen, named = Counter(), defaultdict(Counter)
    for t in texts:
        for w, lab in nt.label_text(t):
            seen[w] += 1
            if lab != "O":
                named[w][lab[2:]] += 1
    n_names = n_common = 0
    with open(names_out, "w", encoding="utf-8") as fh:
        fh.write("# source: words the Marsad CRF tagged as names in SaudiNewsNet (CC BY-NC-SA 4.0), by scripts/train_ner.py\n")
        fh.write("word\ttype\tnamed\tseen\n")
        for w in sorted(named):
            typ, k = named[w].most_common(1)[0]
            if k >= min_named and k / seen[w] >= 0.5:
                fh.write(f"{w}\t{typ}\t{k}\t{seen[w]}\n")
                n_names += 1
    with open(common_out, "w", encoding="utf-8") as fh:
        fh.write("# source: frequent SaudiNewsNet words (CC BY-NC-SA 4.0) the Marsad CRF almost never tags as names, by scripts/train_ner.py\n")
        fh.write("word\tseen\n")
        for w, c in sorted(seen.items()):
            if c >= min_seen and w.isalpha() and sum(named[w].values()) <= 0.02 * c:
                fh.write(f"{w}\t{c}\n")
                n_common += 1
    return n_names, n_common


def _reset_caches() -> None:
    for f in (ner.name_lists, ner.word_clusters, ner.harvested_names, ner.word_lemmas, ner.common_words,
              ner.load_tagger):
        f.cache_clear()


def main(argv: list[str] | None = None) -> int:
    """Runs the steps above and prints the held-out scores of the final model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anercorp", default=str(ner.DEFAULT_ANERCORP))
    ap.add_argument("--news", default=str(NEWS), help="folder of the SaudiNewsNet zip files")
    ap.add_argument("--reuse-clusters", action="store_true", help="keep clusters.tsv if it exists")
    ap.add_argument("--c1", type=float, default=0.2)
    ap.add_argument("--c2", type=float, default=0.1)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--minfreq", type=int, default=1)
    args = ap.parse_args(argv)
    params = dict(c1=args.c1, c2=args.c2, iterations=args.iterations, minfreq=args.minfreq)
    t0 = time.perf_counter()
    n = build_gazetteer(Path(args.anercorp).parent, ner.GAZETTEER)
    print(f"1. name lists: {n} names -> {ner.GAZETTEER}")
    texts = news_texts(Path(args.news))
    if not (args.reuse_clusters and ner.CLUSTERS.is_file()):
        print(f"2. clusters: {build_clusters(texts, ner.CLUSTERS)} words -> {ner.CLUSTERS}")
    ner.HARVESTED.unlink(missing_ok=True)
    _reset_caches()
    first = ner.train(args.anercorp, **params)
    print(f"3. first model: micro F1 {first['micro']['f1']:.3f}")
    _reset_caches()
    n_names, n_common = harvest(texts, ner.HARVESTED, ner.COMMON)
    print(f"4. harvested {n_names} names -> {ner.HARVESTED}; {n_common} common words -> {ner.COMMON}")
    _reset_caches()
    scores = ner.train(args.anercorp, **params)
    scores["model_bytes"] = ner.MODEL.stat().st_size
    with open(ner.SCORES, "w", encoding="utf-8") as fh:
        json.dump(scores, fh, indent=2)
        fh.write("\n")
    print("5. final model")
    print(ner.format_scores(scores))
    print(f"model: {ner.MODEL} ({scores['model_bytes'] / 1e6:.2f} MB); {time.perf_counter() - t0:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
