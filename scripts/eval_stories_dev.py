"""Links the story dev set (or the seeds) and writes CONTRACT records (id, url, part, story) for score.py.

Until `marsad analyze` writes full records this builds the Docs itself: cleaning (marsad.clean.split_articles),
whatever per-document stages exist (marsad.analyse.build_stages), then marsad.link.Linker.

    .venv/bin/python scripts/eval_stories_dev.py dev /tmp/dev.jsonl
    python3 ../shared/eval/score.py ../shared/gold/snn-stories-dev.json /tmp/dev.jsonl
    .venv/bin/python scripts/eval_stories_dev.py seeds /tmp/seeds.jsonl
    python3 ../shared/eval/score.py ../shared/gold/seeds.json /tmp/seeds.jsonl

`--half a|b` writes a gold file with every other story (a: even, b: odd) to /tmp/snn-stories-dev.<half>.json,
so that a threshold tuned on one half can be reported on the other.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import sys
from pathlib import Path

from marsad.analyse import STAGES
from marsad.clean import split_articles
from marsad.doc import Doc
from marsad.link import Linker

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _doc(art, *, id_: str, part: int, source_path: str, url=None, outlet=None, published=None) -> Doc:
    return Doc(id=id_, text=art.text, title=art.title, part=part, source_path=source_path, url=url,
               outlet=outlet, published=published, published_source="input" if published else None,
               raw_offsets=art.raw_offsets, credits=art.credits, dateline=art.dateline,
               meta={"page_dates": art.page_dates})


def dev_docs(path: Path) -> list[Doc]:
    """Docs of a JSON Lines input (id, url, outlet, published, title, text), main article only."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        arts = split_articles(r["text"], title=r.get("title"))
        if arts:
            out.append(_doc(arts[0], id_=r["id"], part=1, source_path=str(path), url=r.get("url"),
                            outlet=r.get("outlet"), published=r.get("published")))
    return out


def seed_docs(folder: Path) -> list[Doc]:
    """Docs of the scraped seed files (no metadata), every article of each file."""
    out = []
    for p in sorted(folder.glob("*.txt")):
        for n, art in enumerate(split_articles(p.read_text(encoding="utf-8")), 1):
            id_ = hashlib.sha1(f"{p.name}:{n}".encode()).hexdigest()[:12]
            out.append(_doc(art, id_=id_, part=n, source_path=str(p)))
    return out


def stages() -> list:
    """The per-document stages that build now (others are being written): a failing one is left out, said so."""
    out = []
    for mod_name, cls_name in STAGES:
        try:
            out.append(getattr(importlib.import_module(mod_name), cls_name).default(None))
        except Exception as e:  # noqa: BLE001 - an unfinished stage must not stop the evaluation of linking
            print(f"stage {cls_name} left out: {type(e).__name__}: {e}", file=sys.stderr)
    return out


def analyse(docs: list[Doc]) -> list[Doc]:
    sts = stages()
    for d in docs:
        for st in sts:
            try:
                d = st(d)
            except Exception as e:  # noqa: BLE001
                print(f"{d.id}: stage {st.name} failed: {type(e).__name__}: {e}", file=sys.stderr)
    return docs


def write_half(half: str) -> None:
    gold = json.loads((SHARED / "gold/snn-stories-dev.json").read_text(encoding="utf-8"))
    keep = 0 if half == "a" else 1
    gold["stories"] = [s for i, s in enumerate(gold["stories"]) if i % 2 == keep]
    Path(f"/tmp/snn-stories-dev.{half}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("which", choices=["dev", "seeds"])
    ap.add_argument("out")
    ap.add_argument("--half", choices=["a", "b"])
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a link_ setting")
    a = ap.parse_args(argv)
    settings = {"link_" + k: float(v) for k, v in (s.split("=", 1) for s in a.set)}
    if a.half:
        write_half(a.half)
    docs = dev_docs(SHARED / "gold/snn-stories-dev.input.jsonl") if a.which == "dev" else seed_docs(SHARED / "seeds")
    linker = Linker(settings)
    with open(a.out, "w", encoding="utf-8") as fh:
        for d in analyse(docs):
            linker.add(d)
            rec = {"id": d.id, "url": d.url, "source_path": d.source_path, "part": d.part, "title": d.title,
                   "published": d.published, "text": d.text, "credits": d.credits, "entities": [], "quotes": [],
                   "dates": [], "events": [], "story": d.story, "duplicate_of": d.duplicate_of}
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(docs)} docs, {len(linker.stories)} stories, {linker.duplicates} duplicates", file=sys.stderr)


if __name__ == "__main__":
    main()
