"""Links all SaudiNewsNet articles and prints 30 random multi-report stories (seeded) for a person to judge.

Each printed story shows, per report: outlet, date, whether it is a copy, headline and the opening of the text,
then the story's title and summary (marsad.link.summarise). A story is sampled when it holds at least two reports
that are not copies (a story of copies only is trivially right and says nothing about story linking).

    .venv/bin/python scripts/eval_stories_saudinewsnet.py ../shared/data/saudinewsnet --seed 7 > /tmp/snn30.txt
"""
from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

from marsad.clean import split_articles
from marsad.doc import Doc, Failure
from marsad.link import Linker, summarise
from marsad.pipeline import default_pipeline

CACHE = Path("/tmp/marsad_snn_analysed.pkl")


def read_articles(folder: Path) -> list[dict]:
    """Every article of the 18 zip files, in arrival order (extraction time, then outlet and URL)."""
    rows = []
    for z in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    rows.extend(json.loads(zf.read(name)))
    rows.sort(key=lambda r: (r.get("date_extracted") or "", r.get("source") or "", r.get("url") or ""))
    return rows


def build_docs(folder: Path, use_cache: bool = True) -> list[Doc]:
    """Cleaned and analysed Docs of the collection (entities, dates, events: what the linker reads), cached in
    /tmp since the per-document work is not linking. A document whose analysis fails is left out."""
    if use_cache and CACHE.exists():
        with open(CACHE, "rb") as fh:
            return pickle.load(fh)
    pipe = default_pipeline()
    docs = []
    for n, r in enumerate(read_articles(folder)):
        arts = split_articles(r.get("content") or "", title=r.get("title") or None)
        if not arts:
            continue
        a = arts[0]
        published = (r.get("date_extracted") or "")[:10] or None
        d = Doc(id=f"snn{n:05d}", text=a.text, title=a.title, url=r.get("url"), outlet=r.get("source"),
                published=published, published_source="input" if published else None, credits=a.credits)
        d = next(iter(pipe.pipe([d])))
        if not isinstance(d, Failure):
            docs.append(d)
    if use_cache:
        with open(CACHE, "wb") as fh:
            pickle.dump(docs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    return docs


def link(docs: list[Doc], settings=None) -> Linker:
    linker = Linker(settings)
    for d in docs:
        linker.add(d)
    return linker


def stories_of(docs: list[Doc]) -> dict[str, list[Doc]]:
    out: dict[str, list[Doc]] = defaultdict(list)
    for d in docs:
        out[d.story].append(d)
    return out


def show(sid: str, members: list[Doc], k: int) -> None:
    title, summary = summarise(members)
    print(f"=== [{k}] {sid}  ({len(members)} reports, {len({d.outlet for d in members})} outlets)")
    print(f"    title:   {title}")
    print(f"    summary: {summary[:300]}")
    for d in members:
        copy = f" copy of {d.duplicate_of}" if d.duplicate_of else ""
        lead = d.text[:160].replace("\n", " ")
        print(f"  - {d.id} {d.outlet} {d.published}{copy}\n      {d.title}\n      {lead}")
    print()


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-n", type=int, default=30)
    ap.add_argument("--no-cache", action="store_true")
    a = ap.parse_args(argv)
    docs = build_docs(a.folder, use_cache=not a.no_cache)
    linker = link(docs)
    groups = stories_of(docs)
    multi = sorted(s for s, m in groups.items() if sum(d.duplicate_of is None for d in m) >= 2)
    dup_groups = len({d.duplicate_of for d in docs if d.duplicate_of})
    print(f"{len(docs)} articles; {dup_groups} duplicate groups ({linker.duplicates} copies); "
          f"{len(groups)} stories, {sum(len(m) >= 2 for m in groups.values())} with 2+ reports, "
          f"{len(multi)} with 2+ reports that are not copies; sample seed {a.seed}\n", file=sys.stderr)
    for k, sid in enumerate(random.Random(a.seed).sample(multi, min(a.n, len(multi))), 1):
        show(sid, groups[sid], k)


if __name__ == "__main__":
    main()
