#!/usr/bin/env python3
"""Throughput of event coding (given entities) over SaudiNewsNet articles, on one core.

usage: bench_events.py [--n 2000] [--data ../shared/data/saudinewsnet] [--no-entities]

Articles are read from the SaudiNewsNet zips, cleaned and run through sentences, dates and entities first (not timed);
then only the event coder is timed over all of them, three times, and the best run is reported in articles/s. The
baseline printed beside it is a bare pass over the same Docs that folds each text once (NormText), the floor any
Arabic matcher pays. Also prints peak memory.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SAUDINEWSNET, articles, peak_rss_mib  # noqa: E402

from marsad.analyse.events import EventCoder  # noqa: E402
from marsad.arabic.normalize import NormText  # noqa: E402
from marsad.doc import Doc  # noqa: E402

DEFAULT = SAUDINEWSNET


def read_articles(data: Path, n: int) -> list[dict]:
    return list(articles(n, data))


def prepare(arts: list[dict], entities: bool) -> list[Doc]:
    """Docs with sentences, dates and (unless told not to) entities, as the pipeline hands them to the coder."""
    from marsad.analyse import build_stages

    stages = [s for s in build_stages() if s.name in ("sentences", "dates") or (entities and s.name == "entities")]
    docs = []
    failed: dict[str, int] = {}
    for i, a in enumerate(arts):
        d = Doc(id=str(i), text=(a.get("content") or "").strip(), published=(a.get("date_extracted") or "")[:10] or None)
        for st in stages:
            try:
                d = st(d)
            except Exception:  # noqa: BLE001 - a stage still in development must not stop the benchmark
                failed[st.name] = failed.get(st.name, 0) + 1
        docs.append(d)
    if failed:
        print(f"stage failures while preparing (those Docs go on without that stage): {failed}")
    return docs


def best_of(fn, docs, runs=3) -> float:
    best = float("inf")
    for _ in range(runs):
        for d in docs:  # the folded text is built by earlier stages in the pipeline; keep it out of the timing
            _ = d.norm
        t = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--no-entities", action="store_true")
    a = ap.parse_args()
    arts = read_articles(a.data, a.n)
    t = time.perf_counter()
    docs = prepare(arts, not a.no_entities)
    prep = time.perf_counter() - t
    coder = EventCoder.default()
    t_base = best_of(lambda d: NormText(d.text), docs)
    t_ev = best_of(coder, docs)
    n_ev = sum(len(d.events) for d in docs)
    chars = sum(len(d.text) for d in docs)
    print(f"articles: {len(docs)} ({chars / len(docs):.0f} chars on average), prepared in {prep:.1f}s")
    print(f"entities per article: {sum(len(d.entities) for d in docs) / len(docs):.1f}; events coded: {n_ev}")
    print(f"baseline (fold each text once): {len(docs) / max(t_base, 1e-9):,.0f} articles/s")
    print(f"event coding: {len(docs) / t_ev:,.0f} articles/s ({t_ev / len(docs) * 1e3:.3f} ms per article)")
    print(f"ratio to baseline: {t_base / t_ev:.2f}")
    print(f"peak memory: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
