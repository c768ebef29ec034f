"""Throughput of the quotes stage over SaudiNewsNet articles, on one core.

usage: python benchmarks/bench_quotes.py [--data ../shared/data/saudinewsnet] [--limit 20000] [--entities]

Prints articles/s of quotation finding (with the folded text cached, and with folding included), peak memory, and the ratio to a baseline
measured in the same run over the same articles: the sentence splitter, one regex pass per article.
With --entities the entities stage runs first (untimed) so speakers are resolved as in the real pipeline.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SAUDINEWSNET  # noqa: E402
from corpus import articles as read_articles  # noqa: E402

from marsad.analyse.quotes import QuoteFinder  # noqa: E402
from marsad.analyse.sentences import SentenceSplitter  # noqa: E402
from marsad.doc import Doc  # noqa: E402

DEFAULT_DATA = SAUDINEWSNET


def articles(data: Path, limit: int) -> list[Doc]:
    """Docs made from the first `limit` SaudiNewsNet articles."""
    return [Doc(id=str(i), text=a.get("content") or "") for i, a in enumerate(read_articles(limit, data))]


def timed(stage, docs: list[Doc]) -> float:
    t0 = time.perf_counter()
    for d in docs:
        stage(d)
    return time.perf_counter() - t0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--entities", action="store_true", help="run the entities stage first (untimed)")
    a = ap.parse_args(argv)
    docs = articles(a.data, a.limit)
    if not docs:
        raise SystemExit(f"no articles under {a.data}")
    splitter = SentenceSplitter.default()
    base = timed(splitter, docs)
    if a.entities:
        from marsad.analyse.entities import EntityRecognizer
        er = EntityRecognizer.default()
        for d in docs:
            er(d)
    finder = QuoteFinder.default()
    finder(docs[0])
    for d in docs:
        d._norm = None  # fold the text inside the first timed run, as if quotes were the first stage needing it
    spent_fold = timed(finder, docs)
    spent = timed(finder, docs)  # the folded text is now cached, as it is after the entities stage
    n_quotes = sum(len(d.quotes) for d in docs)
    n_direct = sum(q.kind == "direct" for d in docs for q in d.quotes)
    base_rate = len(docs) / base
    print(f"articles            {len(docs)}")
    print(f"quotes found        {n_quotes} ({n_direct} direct)")
    print(f"quotes articles/s   {len(docs) / spent:,.0f} (text already folded by an earlier stage)")
    print(f"  with folding      {len(docs) / spent_fold:,.0f} (doc.norm built inside the timed run)")
    print(f"baseline articles/s {base_rate:,.0f} (sentence splitting)")
    print(f"ratio to baseline   {len(docs) / spent / base_rate:.2f}")
    print(f"peak memory (RSS)   {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
