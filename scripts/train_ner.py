#!/usr/bin/env python3
"""Trains Marsad's CRF entity recognizer on ANERcorp and writes the model and its held-out scores.

# source: ANERcorp and its ANERGazet name lists (Benajiba, Rosso & Benedi 2007; redistributed by CAMeL Lab under CC BY-SA 4.0), read from
# ../shared/data/anercorp/ANERCorp.txt; the corpus itself is never copied into the repository, only the weights
# of the model trained on its first 125,000 tokens.

usage: python scripts/train_ner.py [--anercorp PATH] [--c1 X] [--c2 X] [--iterations N] [--minfreq N]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from marsad.analyse.entities import ner
from marsad.arabic.normalize import normalize


def build_gazetteer(folder: Path, out: Path) -> int:
    """Writes the model's name lists (folded, one name per row with its type) from the ANERGazet files."""
    rows: dict[str, str] = {}
    for fname, typ in (("ANERGazet_Pers.txt", "PER"), ("ANERGazet_Loc.txt", "LOC"), ("ANERGazet_Org.txt", "ORG")):
        with open(folder / fname, encoding="utf-8") as fh:
            for line in fh:
                name = " ".join(normalize(line).split())
                if len(name) >= 2 and name[0].isalpha():  # skips the ==== and **** section rules
                    rows.setdefault(name, typ)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: ANERGazet name lists of ANERcorp (Benajiba et al. 2007), folded by scripts/train_ner.py\n")
        fh.write("name\ttype\n")
        for name, typ in sorted(rows.items()):
            fh.write(f"{name}\t{typ}\n")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """Trains, writes src/marsad/resources/ner/crf.model and scores.json, and prints the held-out scores."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--anercorp", default=str(ner.DEFAULT_ANERCORP))
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--minfreq", type=int, default=2)
    args = ap.parse_args(argv)
    n = build_gazetteer(Path(args.anercorp).parent, ner.GAZETTEER)
    ner.aux_matcher.cache_clear()
    print(f"name lists: {n} names -> {ner.GAZETTEER}")
    scores = ner.train(args.anercorp, c1=args.c1, c2=args.c2, iterations=args.iterations, minfreq=args.minfreq)
    scores["model_bytes"] = ner.MODEL.stat().st_size
    with open(ner.SCORES, "w", encoding="utf-8") as fh:
        json.dump(scores, fh, indent=2)
        fh.write("\n")
    print(ner.format_scores(scores))
    print(f"model: {ner.MODEL} ({scores['model_bytes'] / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
