"""The benchmark corpus: SaudiNewsNet (31,030 real articles, ../shared/data/saudinewsnet), read from its zips.

Shared by every benchmark script so they all measure the same articles the same way.
"""
from __future__ import annotations

import json
import resource
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAUDINEWSNET = ROOT.parent / "shared" / "data" / "saudinewsnet"


def articles(limit: int | None = None, folder: Path = SAUDINEWSNET) -> Iterator[dict]:
    """SaudiNewsNet articles as dicts (source, url, date_extracted, title, content), in file order."""
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        sys.exit(f"no SaudiNewsNet zips in {folder}: this benchmark needs ../shared beside the project")
    n = 0
    for z in zips:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for art in json.loads(zf.read(name)):
                    yield art
                    n += 1
                    if limit is not None and n >= limit:
                        return


def spread(n: int, folder: Path = SAUDINEWSNET) -> list[dict]:
    """`n` articles spread evenly over the whole corpus (every k-th), so that every outlet and day count."""
    every = list(articles(None, folder))
    step = max(1, len(every) // n)
    return every[::step][:n]


def docs(limit: int | None = None) -> list:
    """Cleaned Docs of SaudiNewsNet articles (metadata as a JSON Lines input would give it)."""
    from marsad.ingest.readers import docs_from_text

    out = []
    for i, a in enumerate(articles(limit)):
        try:
            out.extend(docs_from_text(a["content"], path="saudinewsnet", base_id=f"snn{i}", detect_title=False,
                                      title=a.get("title"), url=a.get("url"), outlet=a.get("source"),
                                      published=(a.get("date_extracted") or "")[:10] or None))
        except Exception:  # noqa: BLE001 - a benchmark skips what the reader refuses
            continue
    return out


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rate(fn: Callable[[object], object], items: list, repeat: int = 1) -> float:
    """Items per second of `fn` over `items` (best of `repeat` runs)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for it in items:
            fn(it)
        best = min(best, time.perf_counter() - t)
    return len(items) / best if best > 0 else float("inf")
