#!/usr/bin/env python3
"""Trains the learned PROTEST/ASSAULT sentence detector (src/marsad/analyse/events/classify.py).

# source: the Arabic event gold standard records of openeventdata/arabic_event_gsr (MIT licence), development half
# in ../shared/data/arabic_event_gsr ({protest,assault}_gsr.dev.csv). The sentences are not copied into the
# repository: only the hashed feature weights derived from them (resources/events/detector.npz) and the settings and
# scores (resources/events/detector.json).

Steps (events/learn.py does the work; it needs scikit-learn, the `build` extra):
  1. unless --no-cross: the honest number. For each type, train on half a (the average of the models of the grid
     of feature groups, label weightings and C, with its threshold chosen by cross-validation inside half a), score
     half b; then the reverse.
  2. choose the threshold the same way over all dev records, fit on all of them, write the model.
  3. --folds K: repeated stratified K-fold over all dev records, with the same choice nested in each training part
     (closer to what the shipped model, trained on every record, scores on unseen ones).
  4. --reference: what one annotator would score against the unanimous label, as a yardstick.

usage: python scripts/train_detector.py [DATA_DIR] [--no-cross] [--folds K] [--reference] [--out NAME]
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

import numpy as np

from marsad.analyse.events.classify import CHAR_NS, LOOSE, MODEL, TYPES
from marsad.analyse.events.learn import BITS, cross_half, k_fold, train_all
from marsad.eval_events import DEFAULT_DIR, FILES
from marsad.resources import path as resource_path

SOURCE = ("openeventdata/arabic_event_gsr, development half ({protest,assault}_gsr.dev.csv in "
          "../shared/data/arabic_event_gsr); MIT licence; trained by scripts/train_detector.py")


def annotator_reference(data_dir: Path) -> dict:
    """Expected F1 of one annotator's vote against the unanimous "yes" (optimistic: that vote is part of the label)."""
    out = {}
    for typ, name in FILES.items():
        tp = fp = 0.0
        with open(data_dir / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                lab, a, t = row["label"].strip(), int(row["accept"] or 0), int(row["total"] or 0)
                if lab == "yes":
                    tp += 1
                elif lab in ("easy no", "difficult no") and t:
                    fp += a / t
        p = tp / (tp + fp)
        out[typ] = {"precision": round(p, 3), "recall": 1.0, "f1": round(2 * p / (p + 1), 3)}
    return out


def _rounded(x):
    if isinstance(x, dict):
        return {k: _rounded(v) for k, v in x.items()}
    return round(x, 4) if isinstance(x, float) else x


def export(models: dict, cross: dict | None, name: str, folds: dict | None = None) -> tuple[Path, Path]:
    """Writes the weights (nonzero slots only) to NAME.npz and settings, scores and source to NAME.json."""
    arrays, meta = {}, {"source": SOURCE, "licence": "MIT (data); weights derived by Marsad", "bits": BITS,
                        "char_ns": list(CHAR_NS), "types": {}}
    for typ, (w, b, s, n) in models.items():
        nz = np.flatnonzero(np.abs(w) > 1e-6)
        arrays[typ + ".idx"] = nz.astype(np.int32)
        arrays[typ + ".val"] = w[nz].astype(np.float32)
        meta["types"][typ] = {"bits": BITS, "groups": s.groups, "mode": s.mode, "C": s.C,
                              "threshold": round(s.threshold, 6), "bias": b, "cv_f1": round(s.cv_f1, 4),
                              "records": n, "weights": int(len(nz)), "loose": LOOSE}
        if s.members:  # the averaged models: (groups, label weighting, C)
            meta["types"][typ]["members"] = [list(m) for m in s.members]
        if cross and typ in cross:
            meta["types"][typ]["cross_half"] = _rounded(cross[typ])
        if folds and typ in folds:
            meta["types"][typ]["k_fold"] = _rounded(folds[typ])
    npz, js = resource_path(name + ".npz"), resource_path(name + ".json")
    np.savez_compressed(npz, **arrays)
    js.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return npz, js


def _name(st: dict) -> str:
    return f"{st['groups']} {st['mode']}" + (f" C={st['C']}" if st["mode"] != "average" else "")


def _log(typ, way, m):
    if "chosen" in m:
        print(f"  {typ:<8} {way}: P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
              f"(tp={m['tp']} fp={m['fp']} fn={m['fn']}; chosen per fold: {m['chosen']})", flush=True)
        return
    st = m["settings"]
    print(f"  {typ:<8} {way}: P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
          f"(tp={m['tp']} fp={m['fp']} fn={m['fn']}; {_name(st)} "
          f"threshold={st['threshold']:.3f} inner cv F1={st['cv_f1']:.3f})", flush=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    ap.add_argument("--no-cross", action="store_true", help="skip the cross-half measurement")
    ap.add_argument("--folds", type=int, default=0, metavar="K", help="also measure by repeated K-fold (nested)")
    ap.add_argument("--repeats", type=int, default=2, help="repetitions of --folds (default %(default)s)")
    ap.add_argument("--reference", action="store_true", help="print the one-annotator yardstick")
    ap.add_argument("--out", default=MODEL, help="resource name without extension (default %(default)s)")
    a = ap.parse_args(argv)
    if not (a.data_dir / FILES["PROTEST"]).is_file():
        print(f"no GSR files in {a.data_dir}", file=sys.stderr)
        return 2
    if a.reference:
        print("one annotator against the unanimous label:", json.dumps(annotator_reference(a.data_dir)))
    cross = None
    t = time.time()
    if not a.no_cross:
        print("cross-half (train on one half, score the other):")
        cross = cross_half(a.data_dir, log=_log)
        for typ in TYPES:
            print(f"  {typ:<8} mean F1 {cross[typ]['mean_f1']:.3f}")
    folds = None
    if a.folds:
        print(f"repeated {a.folds}-fold over all dev records ({a.repeats} repeats):")
        folds = k_fold(a.data_dir, k=a.folds, repeats=a.repeats, log=_log)
        for typ in TYPES:
            print(f"  {typ:<8} mean F1 {folds[typ]['mean_f1']:.3f} (sd {folds[typ]['sd_f1']:.3f})")
    models = train_all(a.data_dir)
    for typ, (_, _, s, n) in models.items():
        print(f"shipped {typ}: {_name({'groups': s.groups, 'mode': s.mode, 'C': s.C})} threshold={s.threshold:.3f} cv F1={s.cv_f1:.3f} "
              f"({n} records)")
    npz, js = export(models, cross, a.out, folds)
    print(f"wrote {npz} ({npz.stat().st_size // 1024} KiB) and {js} in {time.time() - t:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
