"""Derives src/marsad/resources/link/df.tsv: how many news reports use each common matching term.

The story linker weighs terms by inverse document frequency counted as reports arrive; on a small batch (a handful
of seeds, one day of news) those counts say little, so they start from this prior. Only counts of common terms
(words and adjacent-word pairs) are kept (df >= --min-df), as the linker sees them (title plus lead, folded and stemmed): no text is stored.
The day held out for story evaluation (2015-08-03, snn-stories-dev) is left out of the counts.

    .venv/bin/python scripts/derive_link_df.py ../shared/data/saudinewsnet
"""
from __future__ import annotations

import argparse
import json
import zipfile
from collections import Counter
from pathlib import Path

from marsad.link.features import terms
from marsad.resources import path as resource_path

HELD_OUT = {"2015-08-03.zip"}


def _matching_terms(title: str, body: str, lead_terms: int) -> set[str]:
    """Distinct unigrams and adjacent-pair bigrams of title and lead, as the linker forms them."""
    out: set[str] = set()
    for seq in (terms(title), terms(body, limit=lead_terms)):
        out.update(seq)
        out.update(f"{a} {b}" for a, b in zip(seq, seq[1:]))
    return out


def count(folder: Path, lead_terms: int) -> tuple[Counter, int]:
    df: Counter = Counter()
    n = 0
    for z in sorted(folder.glob("*.zip")):
        if z.name in HELD_OUT:
            continue
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for art in json.loads(zf.read(name)):
                    df.update(_matching_terms(art.get("title") or "", art.get("content") or "", lead_terms))
                    n += 1
    return df, n


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--min-df", type=int, default=30)
    ap.add_argument("--lead-terms", type=int, default=120)
    a = ap.parse_args(argv)
    df, n = count(a.folder, a.lead_terms)
    out = resource_path("link/df.tsv")
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: document frequencies of matching terms in SaudiNewsNet (M. Alhagri 2015, CC BY-NC-SA 4.0;"
                 " github parallelfold/SaudiNewsNet), all days but 2015-08-03; derived by scripts/derive_link_df.py\n")
        fh.write(f"# documents: {n}\n")
        fh.write("term\tdf\n")
        for t, c in sorted(df.items(), key=lambda kv: (-kv[1], kv[0])):
            if c >= a.min_df:
                fh.write(f"{t}\t{c}\n")
    print(f"{n} documents, {sum(1 for c in df.values() if c >= a.min_df)} terms written to {out}")


if __name__ == "__main__":
    main()
