#!/usr/bin/env python3
"""Throughput of the entity stage over SaudiNewsNet articles, with a baseline measured in the same run.

usage: python benchmarks/bench_entities.py [--n 2000] [--data ../shared/data/saudinewsnet] [--no-model]

Prints articles per second for the whole entity stage (catalogue matching, resolution and the CRF), peak memory,
and the ratio to a baseline pass (the project's word tokenizer over the same texts). Each document is built and split
into sentences outside the clock: the stage alone is timed.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SAUDINEWSNET, spread  # noqa: E402

from marsad.analyse.entities import EntityRecognizer  # noqa: E402
from marsad.analyse.sentences import SentenceSplitter  # noqa: E402
from marsad.arabic.tokens import tokens  # noqa: E402
from marsad.doc import Doc  # noqa: E402

DEFAULT_DATA = SAUDINEWSNET


def load_articles(folder: Path, n: int) -> list[dict]:
    """`n` articles spread evenly over all SaudiNewsNet files, so every outlet and day count."""
    return spread(n, folder)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--no-model", action="store_true", help="catalogue only, without the CRF")
    args = ap.parse_args()
    arts = load_articles(Path(args.data), args.n)
    split = SentenceSplitter()
    t0 = time.perf_counter()
    rec = EntityRecognizer.default(use_model=not args.no_model)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_tok = sum(len(tokens(a["content"])) for a in arts)
    base_s = time.perf_counter() - t0

    # Streamed as the pipeline streams: each document is built and split (untimed) right before the stage reads
    # it, and dropped after, so the process does not hold thousands of analysed documents the collector must walk.
    stage_s = 0.0
    n_ent = n_men = 0
    for i, a in enumerate(arts):
        d = split(Doc(id=str(i), text=a["content"], published=a["date_extracted"][:10]))
        t0 = time.perf_counter()
        rec(d)
        stage_s += time.perf_counter() - t0
        n_ent += len(d.entities)
        n_men += sum(len(e.mentions) for e in d.entities)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(arts)
    print(f"articles: {n}  words: {n_tok}  model: {'no' if args.no_model else 'yes'}")
    print(f"load (catalogue, patterns, model): {load_s:.2f} s")
    print(f"baseline (word tokenizer): {n / base_s:,.0f} articles/s")
    print(f"entity stage: {n / stage_s:,.0f} articles/s ({n_tok / stage_s:,.0f} words/s), "
          f"{n_ent / n:.1f} entities and {n_men / n:.1f} mentions per article")
    print(f"ratio to baseline: {base_s / stage_s:.3f}  (stage is {stage_s / base_s:.1f}x slower than tokenizing)")
    print(f"peak memory (max RSS of the process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
