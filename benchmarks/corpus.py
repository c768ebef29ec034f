"""The benchmark corpus: SaudiNewsNet (31,030 real articles, ../shared/data/saudinewsnet), read from its zips.

Shared by every benchmark script so they all measure the same articles the same way.
"""
from __future__ import annotations

import json
import resource
import sys
import zipfile
from collections.abc import Iterator
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


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
