#!/usr/bin/env python3
"""Trains Marsad's CRF entity recognizer and derives the small resources it reads.

# source: ANERcorp and its ANERGazet name lists (Benajiba, Rosso & Benedi 2007; CAMeL Lab redistributes ANERcorp
# under CC BY-SA 4.0) from ../shared/data/anercorp. Only the TRAINING part of ANERcorp (the first 125,000 tokens,
# cut at a sentence end) feeds the model and the word lists; the rest is held out for scoring. The corpus is not
# copied into the repository: only the model weights and word lists derived from it.

Steps (all written under src/marsad/resources/ner/):
  1. gazetteer.tsv  the ANERGazet person, place and organisation names, folded
  2. clusters.tsv   distributional word clusters from the ANERcorp training part (PPMI of neighbour counts, SVD,
                    k-means), with each word's simplemma lemma
  3. common.tsv     words seen often in the ANERcorp training part and never inside a gold name
  4. namelike.tsv   letter n-gram weights telling name-like words from dictionary words: a logistic regression
                    (scikit-learn, the `build` extra) on the words of the catalogue's and ANERGazet's names against
                    simplemma's Arabic dictionary forms (no ANERcorp text)
  5. crf.model      the model, trained on the ANERcorp training part; scores.json, its held-out scores
The model also reads wordclasses.tsv and wordpieces.tsv, built beforehand by scripts/build_word_classes.py (for
`--dev`, build them from the fit part alone, `build_word_classes.py --fit-tokens 100000 --out DIR`, and pass
`--word-classes DIR`: the shipped ones have seen the labels of the dev part).

Choosing features and parameters: `--dev 100000` fits on the first 100,000 tokens of the training part and scores
on the rest of it (about 25,000 tokens), rebuilding step 2's clusters from the fit part alone; the held-out part is
read only by the full run, for the final number.

usage: python scripts/train_ner.py [--anercorp PATH] [--c1 X] [--c2 X] [--cv K | --dev TOKENS] ...
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse
from scipy.sparse.linalg import svds

from marsad.analyse.entities import ner
from marsad.analyse.entities.features import lemma
from marsad.arabic.normalize import normalize



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
        fh.write("# source: ANERGazet name lists distributed with ANERcorp (Benajiba et al. 2007; ANERcorp is redistributed "
                 "under CC BY-SA 4.0, the lists carry no licence of their own), folded by scripts/train_ner.py\n")
        fh.write("name\ttype\n")
        for name, typ in sorted(rows.items()):
            fh.write(f"{name}\t{typ}\n")
    return len(rows)


def build_clusters(seqs: list[list[str]], out: Path, *, min_count: int = 3, contexts: int = 1000,
                   dims: int = 50, k: tuple[int, int] = (32, 128)) -> int:
    """Clusters words by their neighbours: PPMI of (word, neighbour at -2..2) counts, SVD, spherical k-means."""
    cnt = Counter(w for s in seqs for w in s)
    words = [w for w, c in cnt.most_common() if c >= min_count]
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
            for j, d in enumerate((-2, -1, 1, 2)):
                if 0 <= i + d < len(toks) and cids[i + d] >= 0:
                    rows.append(w)
                    cols.append(cids[i + d] + j * len(ctx))
    m = sparse.coo_matrix((np.ones(len(rows), np.float32), (rows, cols)), shape=(len(words), 4 * len(ctx))).tocsr()
    m.sum_duplicates()
    m = m.tocoo()
    total, rs, cs = m.sum(), np.asarray(m.sum(1)).ravel(), np.asarray(m.sum(0)).ravel()
    # Context counts smoothed by ^0.75, as is usual for PPMI, so rare contexts do not dominate.
    pmi = np.log((m.data * total) / (rs[m.row] * cs[m.col] ** 0.75 * cs.sum() ** 0.25))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _ = svds(ppmi, k=dims, random_state=0)
    x = u * np.sqrt(s)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    coarse, fine = _kmeans(x, k[0]), _kmeans(x, k[1])
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: word clusters learnt from the training part of ANERcorp (CC BY-SA 4.0) by scripts/train_ner.py\n")
        fh.write("word\tc64\tc512\tlemma\n")
        for w, a, b in zip(words, coarse, fine):
            # simplemma's lemma, stored so the recognizer need not call it for frequent words
            lem = lemma(w) if w.isalpha() else ""
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


def build_common(train_s, out: Path, *, min_seen: int = 3) -> int:
    """Writes the words seen at least `min_seen` times in the training part and never inside a gold name."""
    seen, named = Counter(), Counter()
    for toks, labs in train_s:
        for t, lab in zip(toks, labs):
            w = normalize(t)
            seen[w] += 1
            named[w] += lab != "O"
    rows = sorted(w for w, c in seen.items() if c >= min_seen and w.isalpha() and len(w) >= 2 and not named[w])
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: frequent words of the ANERcorp training part (CC BY-SA 4.0) never inside a gold name, "
                 "by scripts/train_ner.py\n")
        fh.write("word\tseen\n")
        for w in rows:
            fh.write(f"{w}\t{seen[w]}\n")
    return len(rows)


def name_words() -> set[str]:
    """Folded Arabic words (3+ letters) of every catalogue name and every ANERGazet name."""
    from marsad.resources import read_tsv, path

    words: set[str] = set()
    for r in read_tsv(path("catalogue/entities.tsv"), ("id",)):
        for name in [r.get("name_ar", ""), *r.get("names_ar", "").split("|")]:
            words.update(normalize(name).split())
    for r in read_tsv(ner.GAZETTEER, ("name",)):
        words.update(r["name"].split())
    return {w for w in words if len(w) >= 3 and w.isalpha() and not w.isascii()}


def build_namelike(out: Path, *, min_df: int = 3, c: float = 3.0) -> tuple[int, int, int]:
    """Fits the letter model of name-like words and writes its n-gram weights; returns (names, words, n-grams)."""
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.linear_model import LogisticRegression

    names = name_words()
    words = {w for w in ner.dictionary_words() if len(w) >= 3 and w.isalpha() and not w.isascii()} - names
    texts = [f"<{w}>" for w in sorted(names)] + [f"<{w}>" for w in sorted(words)]
    y = np.array([1] * len(names) + [0] * len(words))
    vec = CountVectorizer(analyzer="char", ngram_range=(2, 4), binary=True, min_df=min_df, lowercase=False)
    x = vec.fit_transform(texts)
    # Balanced classes: names are a few thousand words against a quarter of a million dictionary forms.
    clf = LogisticRegression(C=c, max_iter=1000, class_weight="balanced").fit(x, y)
    grams = vec.get_feature_names_out()
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: fitted by scripts/train_ner.py on the words of Marsad's catalogue names and ANERGazet "
                 "(CC BY-SA 4.0) against simplemma's Arabic dictionary forms (MIT)\n")
        fh.write("ngram\tweight\n")
        fh.write(f"<bias>\t{clf.intercept_[0]:.4f}\n")
        kept = 0
        for g, w in zip(grams, clf.coef_[0]):
            if abs(w) >= 0.01:
                fh.write(f"{g}\t{w:.4f}\n")
                kept += 1
    return len(names), len(words), kept


def _reset_caches() -> None:
    for f in (ner.name_lists, ner.word_clusters, ner.word_lemmas, ner.common_words, ner.load_tagger,
              ner.name_likeness, ner.word_classes):
        f.cache_clear()


def cross_validate(train_s, folds: int, params: dict, model: Path) -> dict:
    """Mean micro F1 over `folds` contiguous folds of the TRAINING part (the held-out part is never read)."""
    bl = ner.blocks(train_s)
    f1s = []
    for k in range(folds):
        lo, hi = k * len(bl) // folds, (k + 1) * len(bl) // folds
        fit = [s for b in bl[:lo] + bl[hi:] for s in b]
        dev = [s for b in bl[lo:hi] for s in b]
        f1s.append(ner.fit(fit, dev, model, **params)["micro"]["f1"])
    return {"folds": f1s, "mean": round(sum(f1s) / len(f1s), 4)}


def main(argv: list[str] | None = None) -> int:
    """Runs the steps above and prints the held-out scores of the final model."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anercorp", default=str(ner.DEFAULT_ANERCORP))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=300)
    ap.add_argument("--minfreq", type=int, default=1)
    ap.add_argument("--cv", type=int, default=0, help="only cross-validate on the training part with K folds")
    ap.add_argument("--dev", type=int, default=0, metavar="TOKENS",
                    help="only score an inner split: fit on the first TOKENS tokens of the training part, score on "
                         "the rest of it (100000 leaves its last ~25k tokens as dev; the held-out part is not read)")
    ap.add_argument("--model-out", default="", help="with --dev: where the scratch model goes")
    ap.add_argument("--word-classes", default="", metavar="DIR",
                    help="read wordclasses.tsv and wordpieces.tsv from DIR instead of the shipped ones")
    args = ap.parse_args(argv)
    if args.word_classes:
        ner.WORD_CLASSES = Path(args.word_classes) / "wordclasses.tsv"
        ner.WORD_PIECES = Path(args.word_classes) / "wordpieces.tsv"
    params = dict(c1=args.c1, c2=args.c2, iterations=args.iterations, minfreq=args.minfreq)
    t0 = time.perf_counter()
    train_s, _ = ner.split_corpus(ner.read_anercorp(args.anercorp))
    if args.cv:
        # Cross-validation only: the shipped resources are left as they are, and a scratch model is written.
        res = cross_validate(train_s, args.cv, params, Path(f"/tmp/marsad-ner-cv-{args.c1}-{args.c2}.model"))
        print(json.dumps({"params": params, "cv_micro_f1": res}))
        return 0
    if args.dev:
        # Inner split only: the shipped resources are left as they are.
        fit_s, dev_s = ner.split_corpus(train_s, args.dev)
        # The ANERcorp clusters are rebuilt from the fit part alone, as the shipped ones come from the training
        # part alone: clusters that had seen the dev text would flatter the dev score.
        scratch = Path(args.model_out or f"/tmp/marsad-ner-dev-{args.dev}.model")
        ner.CLUSTERS = scratch.with_suffix(".clusters.tsv")
        build_clusters([[normalize(t) or t for t in toks] for toks, _ in fit_s], ner.CLUSTERS)
        _reset_caches()
        res = ner.fit(fit_s, dev_s, scratch, **params)
        print(ner.format_scores(res).replace("ANERcorp held-out", "inner dev (training part)"))
        print(json.dumps({"params": params, "dev_micro_f1": res["micro"]["f1"],
                          **{t: res[t]["f1"] for t in ner.EVAL_TYPES}, "seconds": round(time.perf_counter() - t0)}))
        return 0
    n = build_gazetteer(Path(args.anercorp).parent, ner.GAZETTEER)
    print(f"1. name lists: {n} names -> {ner.GAZETTEER}")
    seqs = [[normalize(t) or t for t in toks] for toks, _ in train_s]
    print(f"2. clusters: {build_clusters(seqs, ner.CLUSTERS)} words -> {ner.CLUSTERS}")
    print(f"3. common words: {build_common(train_s, ner.COMMON)} -> {ner.COMMON}")
    print("4. name-likeness: %d name words, %d dictionary words, %d n-grams -> %s"
          % (*build_namelike(ner.NAMELIKE), ner.NAMELIKE))
    _reset_caches()
    scores = ner.train(args.anercorp, **params)
    scores["model_bytes"] = ner.MODEL.stat().st_size
    scores["params_chosen_by"] = "3-fold cross-validation on the training part (python scripts/train_ner.py --cv 3)"
    with open(ner.SCORES, "w", encoding="utf-8") as fh:
        json.dump(scores, fh, indent=2)
        fh.write("\n")
    print("5. model")
    print(ner.format_scores(scores))
    print(f"model: {ner.MODEL} ({scores['model_bytes'] / 1e6:.2f} MB); {time.perf_counter() - t0:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
