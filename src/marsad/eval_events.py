"""Sentence-level event detection measured on the Arabic event gold standard (PROTEST and ASSAULT).

usage: python -m marsad.eval_events [DATA_DIR] [--half all|a|b|each] [--detect model|report|any] [--modes plain|all]
       [--cross] [--folds K [--repeats R]] [--json]

DATA_DIR holds protest_gsr.dev.csv and assault_gsr.dev.csv (openeventdata/arabic_event_gsr). Each sentence is a Doc
of its own: sentences, the entities stage when it is installed, then the event coder. A sentence is detected for a
type when it reports an event of that type: with --detect model (the default), the learned detector of
events/classify.py decides for PROTEST and ASSAULT; with --detect report, the rules of events/detect.py (the event
is the main predicate of an anchored sentence); with --detect any, when at least one event of that type is coded in
it. Label "yes" is positive; "easy no" and "difficult no" are negative; "ambiguous" is left out. The records are
split in two halves by a hash of their id (half "a" was used to develop the lexicon, half "b" was not looked at
while writing it), so both halves are reported.

The shipped model was trained on every dev record, so its scores here are in-sample. --cross prints the honest
number instead: the detector (an average of a small grid of logistic regressions) retrained in memory on half a,
its threshold chosen by cross-validation inside a, and scored on half b, and the reverse (needs scikit-learn, the
`build` extra; takes a few minutes). --folds K gives
repeated stratified K-fold over all dev records, with everything chosen inside each training part (nested): its
models see (K-1)/K of the records, so it is closer to what the shipped model scores on unseen records.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

from marsad.analyse.events.detect import DETECT
from marsad.arabic.tokens import paragraphs, sentences
from marsad.doc import Doc

FILES = {"PROTEST": "protest_gsr.dev.csv", "ASSAULT": "assault_gsr.dev.csv"}
POSITIVE = {"yes"}
NEGATIVE = {"easy no", "difficult no"}
DEFAULT_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "arabic_event_gsr"


def half_of(record_id: str) -> str:
    """"a" or "b": a stable split of the records by a hash of their id."""
    return "a" if hashlib.sha1(record_id.encode("utf-8")).digest()[0] % 2 == 0 else "b"


def _stages():
    """The entities stage when it is installed (it lets actors be found), then the event coder."""
    from marsad.analyse.events import EventCoder

    out = []
    try:
        from marsad.analyse.entities import EntityRecognizer
        out.append(EntityRecognizer.default())
    except ImportError:
        pass
    out.append(EventCoder.default())
    return out


def sentence_doc(text: str, stages) -> Doc:
    """A Doc of one bare GSR sentence, run through `stages` (those before the event coder)."""
    doc = Doc(id="gsr", text=text)
    doc.paragraphs = paragraphs(text)
    doc.sentences = sentences(text)
    for st in stages:
        doc = st(doc)
    return doc


def detect(text: str, stages, counted_modes=(None,), how: str = DETECT) -> set[str]:
    """PLOVER types detected in one bare sentence: "model" or "report" = the sentence reports the event as happening
    (events.detect.reported_types, learned or by rule); "any" = any coded event whose mode is in `counted_modes`."""
    doc = sentence_doc(text, stages[:-1])
    if how in ("model", "report"):
        from marsad.analyse.events.detect import reported_types
        return reported_types(stages[-1], doc, how)
    doc = stages[-1](doc)
    return {ev.type for ev in doc.events if ev.mode in counted_modes}


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def evaluate_gsr(data_dir: str | Path = DEFAULT_DIR, half: str = "all", modes: str = "plain",
                 how: str = DETECT) -> dict:
    """Precision, recall and F1 of sentence detection per type: {type: {precision, recall, f1, tp, fp, fn, n}}."""
    data_dir = Path(data_dir)
    stages = _stages()
    counted = (None,) if modes == "plain" else (None, "negated", "intended", "hypothetical", "reported")
    out = {}
    for typ, name in FILES.items():
        tp = fp = fn = n = 0
        with open(data_dir / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                label = row["label"].strip()
                if label not in POSITIVE | NEGATIVE or (half != "all" and half_of(row["id"]) != half):
                    continue
                n += 1
                hit = typ in detect(row["text"], stages, counted, how)
                gold = label in POSITIVE
                tp += hit and gold
                fp += hit and not gold
                fn += gold and not hit
        out[typ] = {**prf(tp, fp, fn), "n": n}
    return out


def main(argv: list[str] | None = None) -> int:
    """Prints precision/recall/F1 per type for each half and for all records."""
    ap = argparse.ArgumentParser(prog="marsad eval events", description="event detection on the Arabic event GSR")
    ap.add_argument("data_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--half", choices=["all", "a", "b", "each"], default="each")
    ap.add_argument("--modes", choices=["plain", "all"], default="plain",
                    help="plain: count only events that happened as reported; all: count every mode")
    ap.add_argument("--detect", choices=["model", "report", "any"], default=DETECT,
                    help="model: the learned detector; report: the rules (the event is the sentence's main "
                         "predicate); any: any coded event counts")
    ap.add_argument("--cross", action="store_true",
                    help="retrain the detector on half a and score half b, and the reverse (the honest number)")
    ap.add_argument("--folds", type=int, default=0, metavar="K",
                    help="repeated stratified K-fold over all dev records, everything chosen inside each training part")
    ap.add_argument("--repeats", type=int, default=2, help="repetitions of --folds (default %(default)s)")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    if not Path(a.data_dir, FILES["PROTEST"]).is_file():
        print(f"no GSR files in {a.data_dir}", file=sys.stderr)
        return 2
    if a.cross or a.folds:
        return _print_learned(a.data_dir, a.json, a.folds, a.repeats)
    halves = ["a", "b", "all"] if a.half == "each" else [a.half]
    res = {h: evaluate_gsr(a.data_dir, h, a.modes, a.detect) for h in halves}
    if a.json:
        print(json.dumps(res, indent=1))
        return 0
    for h in halves:
        for typ, m in res[h].items():
            print(f"{h:>4} {typ:<8} n={m['n']:<5} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} "
                  f"(tp={m['tp']} fp={m['fp']} fn={m['fn']})")
    if a.detect == "model":
        print("note: the shipped detector was trained on these dev records, so the scores above are in-sample; "
              "`--cross` gives the honest number (train on one half, score the other)")
    return 0


def _print_learned(data_dir: str, as_json: bool, folds: int = 0, repeats: int = 2) -> int:
    """Cross-half (folds=0) or repeated k-fold scores of the learned detector, retrained in memory (events/learn.py)."""
    try:
        from marsad.analyse.events.learn import cross_half, k_fold
    except ImportError as e:  # scikit-learn is only in the `build` extra
        print(f"--cross and --folds need scikit-learn (pip install 'marsad[build]'): {e}", file=sys.stderr)
        return 2

    def log(typ, way, m):
        if as_json:
            return
        head = f"{way} {typ:<8} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f} " \
               f"(tp={m['tp']} fp={m['fp']} fn={m['fn']}"
        if "settings" in m:
            st = m["settings"]
            cell = f"{st['groups']} {st['mode']}" + (f" C={st['C']}" if st["mode"] != "average" else "")
            print(f"{head}; n={m['n']}; chosen inside half {way[0]}: {cell} "
                  f"threshold={st['threshold']:.3f} cv F1={st['cv_f1']:.3f})", flush=True)
        else:
            print(f"{head}; chosen per fold: {m['chosen']})", flush=True)

    res = k_fold(data_dir, k=folds, repeats=repeats, log=log) if folds else cross_half(data_dir, log=log)
    if as_json:
        print(json.dumps(res, indent=1))
    else:
        for typ, r in res.items():
            extra = f" (sd {r['sd_f1']:.3f} over {len(r['runs'])} repeats)" if "runs" in r else ""
            print(f"mean {typ:<8} F1={r['mean_f1']:.3f}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
