"""Training and honest measurement of the sentence detector of classify.py on the Arabic event GSR.

Needs scikit-learn (the `build` extra); nothing at run time imports this module. A record of the GSR becomes the
sentences of it that hold a cue of the type (classify.candidates, loose gate included), each with its feature
strings and folded words; a record with no such sentence is never detected. Each sentence carries its record's
label. The record's score is its best sentence's probability.

The model is the average of the logistic regressions of a small grid (`GROUPS` x `MODES` x `CS`): the feature groups
(rules, word classes and words, with or without the words and classes near the cue), how labels are weighted
("strict": yes against easy/difficult no; "soft": every record, ambiguous ones included, counts as accepted with
weight accept/total and as rejected with the rest, so that a 1-of-3 "difficult no" is not taught as firmly as a
0-of-3 "easy no") and the regularisation C. Averaging their weights gives one linear model over the union of the
groups (a feature's slot does not depend on the groups asked for), so run time is unchanged. Averaging replaced
picking one grid cell by inner cross-validation: with ~50 positives that pick was mostly noise, and the average
scored higher on both honest measures (docs/events.md). The decision threshold is still chosen by cross-validation
inside the records a model is trained on (`select`: the best-F1 cut of the out-of-fold scores); `select(...,
average=False)` is the former single-cell choice. Two honest measures:
`cross_half` trains on half a and scores half b, then the reverse; `k_fold` is repeated stratified k-fold over all
dev records with the same choice nested inside each training part (its models see 80% of the records, closer to
the shipped model, which sees all of them). `train_all` fits the shipped model on every dev record.
"""
from __future__ import annotations

import csv
import itertools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from marsad.analyse.events.classify import LOOSE, TYPES, Hasher, candidates, features
from marsad.analyse.events.detect import load_frames
from marsad.eval_events import NEGATIVE, POSITIVE
from marsad.eval_events import prf as _prf_counts
GROUPS = ("RLW", "RLWX")
MODES = ("strict", "soft")
CS = (0.01, 0.03, 0.1, 0.3)
BITS = 18
FOLDS = 5


@dataclass(slots=True)
class Record:
    """One GSR record: its label and the (rule features, folded words) of its sentences that hold a cue."""

    id: str
    half: str
    label: str
    accept: int
    total: int
    sents: list[tuple[list[str], list[str]]]
    _slots: dict = field(default_factory=dict)

    @property
    def scored(self) -> bool:
        return self.label in POSITIVE or self.label in NEGATIVE

    @property
    def gold(self) -> bool:
        return self.label in POSITIVE

    def slots(self, hasher: Hasher) -> list[np.ndarray]:
        got = self._slots.get(hasher.groups)
        if got is None:
            got = [hasher.slots(r, w) for r, w in self.sents]
            self._slots[hasher.groups] = got
        return got


@dataclass(slots=True)
class Settings:
    """One model: a single (groups, mode, C) cell, or with `members` the average of those cells' models."""

    groups: str
    mode: str
    C: float
    threshold: float = 0.5
    cv_f1: float = 0.0
    members: tuple[tuple[str, str, float], ...] = ()


def averaged(grid) -> Settings:
    """The settings of the average of the models of `grid` ((groups, mode, C) cells), scored on the union of groups."""
    grid = tuple((g, m, float(c)) for g, m, c in grid)
    if len(grid) == 1:  # the average of one model is that model
        return Settings(*grid[0])
    groups = "".join(sorted({ch for g, _, _ in grid for ch in g}, key="RXFSLWC".index))
    return Settings(groups, "average", 0.0, members=grid)


def read_gsr(data_dir: str | Path, typ: str, stages=None, loose: bool = LOOSE) -> list[Record]:
    """The records of one GSR file with their candidate sentences, through the same stages as the evaluation."""
    from marsad.eval_events import FILES, _stages, half_of, sentence_doc

    stages = stages or _stages()
    coder, g, f = stages[-1], stages[-1].g, load_frames()
    out = []
    with open(Path(data_dir) / FILES[typ], encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            doc = sentence_doc(row["text"], stages[:-1])
            sents = [(features(typ, c, g, f), c.words) for c in candidates(coder, doc, (typ,), loose=loose)]
            out.append(Record(row["id"], half_of(row["id"]), row["label"].strip(), int(row["accept"] or 0),
                              int(row["total"] or 0), sents))
    return out


def target(r: Record, mode: str) -> tuple[float, float] | None:
    """(weight as accepted, weight as rejected) of a record for training; None leaves it out."""
    if mode == "strict":
        return (1.0, 0.0) if r.gold else (0.0, 1.0) if r.scored else None
    return (r.accept / r.total, 1 - r.accept / r.total) if r.total else None


def _design(recs: list[Record], hasher: Hasher):
    """Sparse rows (one per candidate sentence) and the index of each row's record in `recs`."""
    import scipy.sparse as sp

    ind, ptr, owner = [], [0], []
    for k, r in enumerate(recs):
        for s in r.slots(hasher):
            ind.append(s)
            ptr.append(ptr[-1] + len(s))
            owner.append(k)
    ind = np.concatenate(ind) if ind else np.zeros(0, dtype=np.int64)
    x = sp.csr_matrix((np.ones(len(ind)), ind, np.array(ptr)), shape=(len(owner), 1 << hasher.bits))
    return x, np.array(owner, dtype=np.int64)


def fit(recs: list[Record], s: Settings, bits: int = BITS) -> tuple[np.ndarray, float]:
    """Weights (dense, 2**bits) and bias of a logistic regression on the records' candidate sentences, or the mean
    weights and bias of the members' regressions."""
    if s.members:
        fits = [fit(recs, Settings(g, m, c), bits) for g, m, c in s.members]
        return np.mean([w for w, _ in fits], axis=0).astype(np.float32), float(np.mean([b for _, b in fits]))
    import scipy.sparse as sp
    from sklearn.linear_model import LogisticRegression

    recs = [r for r in recs if r.sents and target(r, s.mode) is not None]
    x, owner = _design(recs, Hasher(bits, s.groups))
    tw = np.array([target(recs[k], s.mode) for k in owner])
    xx = sp.vstack([x, x]).tocsr()
    y = np.r_[np.ones(len(owner)), np.zeros(len(owner))]
    w = np.r_[tw[:, 0], tw[:, 1]]
    pos, neg = w[y == 1].sum(), w[y == 0].sum()
    w = np.where(y == 1, w * (pos + neg) / (2 * pos), w * (pos + neg) / (2 * neg))  # balanced classes
    keep = w > 0
    m = LogisticRegression(C=s.C, solver="liblinear", max_iter=5000, random_state=0)
    m.fit(xx[keep], y[keep], sample_weight=w[keep])
    return m.coef_[0].astype(np.float32), float(m.intercept_[0])


def record_scores(recs: list[Record], weights: np.ndarray, bias: float, groups: str, bits: int = BITS) -> np.ndarray:
    """Each record's best sentence probability (-1 when it has no candidate sentence)."""
    h = Hasher(bits, groups)
    out = np.full(len(recs), -1.0)
    for k, r in enumerate(recs):
        for s in r.slots(h):
            out[k] = max(out[k], 1.0 / (1.0 + np.exp(-(bias + float(weights[s].sum())))))
    return out


def prf(pred, gold) -> dict:
    """Precision, recall, F1 and counts of boolean predictions against boolean gold labels."""
    pred, gold = np.asarray(pred, bool), np.asarray(gold, bool)
    return _prf_counts(int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum()))


def best_threshold(scores: np.ndarray, gold: np.ndarray) -> tuple[float, float]:
    """(F1, threshold) of the best cut of the scores; the threshold lies halfway to the next lower score."""
    order = np.argsort(-scores, kind="stable")
    s, g = scores[order], gold[order].astype(float)
    tp, fp = np.cumsum(g), np.cumsum(1 - g)
    f1 = 2 * tp / (2 * tp + fp + (g.sum() - tp))
    last = np.r_[s[1:] != s[:-1], True] & (s >= 0)  # cut only after the last of tied scores, never at "no cue"
    if not last.any():
        return 0.0, 0.5
    k = int(np.argmax(np.where(last, f1, -1)))
    nxt = s[k + 1] if k + 1 < len(s) and s[k + 1] >= 0 else 0.0
    return float(f1[k]), float((s[k] + nxt) / 2)


def _folds(recs: list[Record], k: int, seed: int) -> np.ndarray:
    """Fold number of each record, stratified by the gold label."""
    rng = np.random.default_rng(seed)
    fold = np.zeros(len(recs), dtype=np.int64)
    for lab in (True, False):
        idx = np.array([i for i, r in enumerate(recs) if r.gold == lab], dtype=np.int64)
        rng.shuffle(idx)
        fold[idx] = np.arange(len(idx)) % k
    return fold


def _out_of_fold(recs: list[Record], s: Settings, fold: np.ndarray, scored: np.ndarray, bits: int) -> np.ndarray:
    oof = np.full(len(recs), -1.0)
    for k in range(FOLDS):
        train = [r for r, fk in zip(recs, fold) if fk != k]
        test = [i for i in range(len(recs)) if fold[i] == k and scored[i]]
        w, b = fit(train, s, bits)
        oof[test] = record_scores([recs[i] for i in test], w, b, s.groups, bits)
    return oof


def select(recs: list[Record], seeds=(0, 1), grid=None, bits: int = BITS, average: bool = True) -> Settings:
    """The average of the grid's models (or, with average=False, the grid cell whose out-of-fold F1 inside `recs` is
    best), with the median over `seeds` of the best threshold of its out-of-fold scores."""
    grid = grid or list(itertools.product(GROUPS, MODES, CS))
    folds = [_folds(recs, FOLDS, sd) for sd in seeds]
    scored = np.array([r.scored for r in recs])
    gold = np.array([r.gold for r in recs])
    best = None
    for s in [averaged(grid)] if average else [Settings(g, m, c) for g, m, c in grid]:
        cuts = [best_threshold(_out_of_fold(recs, s, fold, scored, bits)[scored], gold[scored]) for fold in folds]
        s.cv_f1, s.threshold = float(np.mean([f for f, _ in cuts])), float(np.median([t for _, t in cuts]))
        if best is None or s.cv_f1 > best.cv_f1:
            best = s
    return best


def evaluate(recs: list[Record], weights, bias, s: Settings, bits: int = BITS) -> dict:
    """Scores of a trained model on the scored records of `recs` at the settings' threshold."""
    test = [r for r in recs if r.scored]
    sc = record_scores(test, weights, bias, s.groups, bits)
    return {**prf(sc >= s.threshold, [r.gold for r in test]), "n": len(test)}


def _one_thread():
    """Keeps numerical libraries on one core: many small fits gain nothing from threads, and the machine is shared."""
    import scipy.sparse  # noqa: F401 - load the numerical libraries first: only loaded ones can be limited
    import sklearn.linear_model  # noqa: F401
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1)


def cross_half(data_dir, types=TYPES, seeds=(0, 1), log=None) -> dict:
    """Train on half a (choosing everything inside it), score half b, and the reverse, per type."""
    out = {}
    with _one_thread():
        for typ in types:
            recs = read_gsr(data_dir, typ)
            res = {}
            for tr, te in (("a", "b"), ("b", "a")):
                train = [r for r in recs if r.half == tr]
                s = select(train, seeds)
                w, b = fit(train, s)
                way = f"{tr}->{te}"
                res[way] = {**evaluate([r for r in recs if r.half == te], w, b, s),
                            "settings": {"groups": s.groups, "mode": s.mode, "C": s.C,
                                         "threshold": round(s.threshold, 4), "cv_f1": round(s.cv_f1, 4)}}
                if log:
                    log(typ, way, res[way])
            res["mean_f1"] = float(np.mean([res["a->b"]["f1"], res["b->a"]["f1"]]))
            out[typ] = res
    return out


def _settings_name(s: Settings) -> str:
    return f"average of {len(s.members)} on {s.groups}" if s.members else f"{s.groups} {s.mode} C={s.C}"


def _kfold_run(recs: list[Record], k: int, seed: int, seeds) -> dict:
    """One repetition of k-fold: each fold scored by a model chosen and fitted on the other folds; pooled counts."""
    fold = _folds(recs, k, seed)
    tp = fp = fn = 0
    chosen: dict[str, int] = {}
    for j in range(k):
        train = [r for r, f in zip(recs, fold) if f != j]
        s = select(train, seeds)
        w, b = fit(train, s)
        m = evaluate([r for r, f in zip(recs, fold) if f == j], w, b, s)
        tp, fp, fn = tp + m["tp"], fp + m["fp"], fn + m["fn"]
        chosen[_settings_name(s)] = chosen.get(_settings_name(s), 0) + 1
    return {**_prf_counts(tp, fp, fn), "chosen": chosen}


def k_fold(data_dir, types=TYPES, k: int = FOLDS, repeats: int = 2, seeds=(0, 1), log=None) -> dict:
    """Repeated stratified k-fold over all dev records, everything chosen inside each training part (nested).
    Closer than cross_half to what a model trained on all dev records scores on unseen records."""
    out = {}
    with _one_thread():
        for typ in types:
            recs = read_gsr(data_dir, typ)
            runs = []
            for rep in range(repeats):
                runs.append(_kfold_run(recs, k, 1000 + rep, seeds))
                if log:
                    log(typ, f"k={k} run {rep + 1}/{repeats}", runs[-1])
            out[typ] = {"runs": runs, "mean_f1": float(np.mean([r["f1"] for r in runs])),
                        "sd_f1": float(np.std([r["f1"] for r in runs]))}
    return out


def train_all(data_dir, types=TYPES, seeds=(0, 1, 2)) -> dict:
    """The shipped detectors: settings chosen by cross-validation over all dev records, then fitted on them."""
    out = {}
    with _one_thread():
        for typ in types:
            recs = read_gsr(data_dir, typ)
            s = select(recs, seeds)
            w, b = fit(recs, s)
            out[typ] = (w, b, s, len([r for r in recs if r.scored]))
    return out


__all__ = ["Record", "Settings", "averaged", "read_gsr", "fit", "select", "evaluate", "cross_half", "k_fold", "train_all", "prf",
           "best_threshold", "record_scores"]
