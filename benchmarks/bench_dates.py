"""Throughput of the dates stage over SaudiNewsNet articles, on one core.

usage: .venv/bin/python benchmarks/bench_dates.py [--limit 20000] [--dateparser-sentences 200]

Prints, over the same articles in the same run:
- articles/s of date finding and resolution (folding the text included), with the publication date given
  (SaudiNewsNet's extraction day, as a JSON Lines input would give it);
- articles/s when the publication date must be inferred from the text (the same articles with no date);
- a baseline: one plain regex pass per article (digits and a few day words), and the ratio to it;
- dateparser's `search_dates` on a sample of sentences (ms per sentence), the cost Marsad keeps off its hot path;
- expressions found per article and peak memory.

With --inference-check it also measures how well the publication date inferred from the text agrees with
SaudiNewsNet's extraction day, on articles extracted after 2015-08-01 (when that day ~= publication), taking the
extraction day as "today" (what a crawler knows).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import articles, peak_rss_mib  # noqa: E402

from marsad.analyse.dates import DateResolver  # noqa: E402
from marsad.analyse.dates.lexicon import lexicon  # noqa: E402
from marsad.arabic.tokens import sentences  # noqa: E402
from marsad.doc import Doc  # noqa: E402

_BASELINE = re.compile(r"\d+|اليوم|أمس|الماضي|الجاري|المقبل")


def _load(limit: int) -> list[tuple[str, str, list]]:
    out = []
    for a in articles(limit):
        text = a.get("content") or ""
        out.append((text, (a.get("date_extracted") or "")[:10], sentences(text)))
    return out


def _run(resolver: DateResolver, items, with_date: bool) -> tuple[float, int]:
    found = 0
    t0 = time.perf_counter()
    for i, (text, pub, sents) in enumerate(items):
        d = Doc(id=str(i), text=text, published=pub if with_date else None, sentences=sents)
        resolver(d)
        found += len(d.dates)
    return time.perf_counter() - t0, found


def _baseline(items) -> float:
    t0 = time.perf_counter()
    for text, _, _ in items:
        for _m in _BASELINE.finditer(text):
            pass
    return time.perf_counter() - t0


def _dateparser_ms(items, n: int) -> float | None:
    if n <= 0:
        return None
    from dateparser.search import search_dates

    sample = [text[s.start:s.end] for text, _, sents in items for s in sents[:2]][:n]
    search_dates(sample[0], languages=["ar"])  # warm-up: loading the language data is not per-sentence cost
    t0 = time.perf_counter()
    for s in sample:
        search_dates(s, languages=["ar"])
    return (time.perf_counter() - t0) * 1000 / len(sample)


def _inference_check(items) -> str:
    lex = lexicon()
    n = got = exact = near = 0
    for i, (text, pub, sents) in enumerate(items):
        if pub < "2015-08-02":
            continue
        n += 1
        d = DateResolver(lex, today=date.fromisoformat(pub))(Doc(id=str(i), text=text, sentences=sents))
        if d.published:
            got += 1
            gap = abs((date.fromisoformat(pub) - date.fromisoformat(d.published)).days)
            exact += gap == 0
            near += gap <= 1
    if not got:
        return "no article after 2015-08-01 in the sample (raise --limit)"
    return (f"{got}/{n} articles dated from their text; same day {exact / got:.3f}, "
            f"within one day {near / got:.3f}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=20000)
    ap.add_argument("--dateparser-sentences", type=int, default=200)
    ap.add_argument("--inference-check", action="store_true")
    args = ap.parse_args(argv)
    items = _load(args.limit)
    n = len(items)
    # SaudiNewsNet is from summer 2015: inference searches back from the end of the crawl.
    resolver = DateResolver(lexicon(), today=date(2015, 8, 31))
    _run(resolver, items[:200], True)  # warm-up: the lexicon is compiled once per process
    t_given, found = _run(resolver, items, True)
    t_infer, _ = _run(resolver, items, False)
    t_base = _baseline(items)
    ms = _dateparser_ms(items, args.dateparser_sentences)
    print(f"articles                         {n}")
    print(f"dates stage, published given     {n / t_given:10.0f} articles/s")
    print(f"dates stage, published inferred  {n / t_infer:10.0f} articles/s")
    print(f"baseline: one plain regex pass   {n / t_base:10.0f} articles/s  (stage is {t_given / t_base:.1f}x slower)")
    print(f"expressions found per article    {found / n:10.2f}")
    if ms is not None:
        print(f"dateparser search_dates          {ms:10.2f} ms/sentence ({args.dateparser_sentences} sentences)")
    print(f"peak memory                      {peak_rss_mib():10.0f} MiB")
    if args.inference_check:
        print(f"inference vs extraction day      {_inference_check(items)}")


if __name__ == "__main__":
    main()
