#!/usr/bin/env python3
"""Builds the CAMEO/PLOVER/Goldstein table for the event coder and checks the Arabic event lexicon against the data.

usage: build_event_lexicon.py [--shared ../shared] [--review FILE]

1. Reads ../shared/data/plover_cameo/CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type, mode, context) and
   CAMEO.goldsteinscale.tsv (CAMEO code -> Goldstein score) and writes src/marsad/resources/events/cameo.tsv.
   CAMEO's "make an appeal" family (02x) is absent from the 2021 conversion table; PLOVER folds it into REQUEST, so
   those codes are added as REQUEST here. CAMEO's "make public statement" family (01x) has no PLOVER type and is left
   out, so the coder never emits it.
2. Checks src/marsad/resources/events/lexicon.tsv (hand-curated): every CAMEO code must exist in cameo.tsv.
3. Reads the UniversalPetrarch Arabic verb dictionary (../shared/data/upetrarch_arabic/CAMEO.ar.0.5.txt), folds its
   verb lemmas and verb+object patterns, and lists those whose code maps to a PLOVER type and whose words the lexicon
   does not cover yet (--review FILE, TSV), for a person to check and copy into lexicon.tsv by hand. The dictionary is
   noisy (machine-made glosses, wrong block codes), which is why nothing is imported without review.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from marsad.arabic.normalize import normalize  # noqa: E402
from marsad.resources import read_tsv  # noqa: E402

OUT_DIR = ROOT / "src" / "marsad" / "resources" / "events"
_LINE = re.compile(r"^(\d{2,4}):\s*([A-Z]+)\s*,([^,#]*),?([^#]*)#\s*(.*)$")


def read_plover(p: Path) -> dict[str, dict[str, str]]:
    """CAMEO code -> PLOVER type, mode, context and the English label, from the conversion table."""
    table: dict[str, dict[str, str]] = {}
    for line in p.read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line.strip())
        if not m:
            continue
        code, typ, mode, ctx, label = (g.strip() for g in m.groups())
        table.setdefault(code, {"plover": typ, "mode": mode, "context": ctx.replace(" ", ""), "label": label})
    return table


def read_goldstein(p: Path) -> dict[str, str]:
    rows = [ln.split("\t") for ln in p.read_text(encoding="utf-8").splitlines()[1:] if ln.strip()]
    return {c.strip(): s.strip() for c, s in rows}


def build_cameo(shared: Path) -> list[dict[str, str]]:
    """Rows of cameo.tsv: every CAMEO code with a PLOVER type, with its Goldstein score."""
    plover = read_plover(shared / "data/plover_cameo/CAMEO2PLOVER-2021.txt")
    gold = read_goldstein(shared / "data/plover_cameo/CAMEO.goldsteinscale.tsv")
    for code in gold:
        if code.startswith("02") and code not in plover:  # appeals: PLOVER REQUEST
            plover[code] = {"plover": "REQUEST", "mode": "", "context": "", "label": "Make an appeal or request"}
    rows = []
    for code in sorted(plover):
        if len(code) == 2:  # family headers; the 3-digit "x0" code stands for the family
            continue
        g = gold.get(code) or gold.get(code[:3]) or gold.get(code[:2], "")
        rows.append({"cameo": code, **plover[code], "goldstein": g})
    return rows


def write_cameo(rows: list[dict[str, str]]) -> Path:
    out = OUT_DIR / "cameo.tsv"
    cols = ["cameo", "plover", "mode", "context", "goldstein", "label"]
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# source: openeventdata/PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0) and the GDELT CAMEO Goldstein "
                 "table (facts: codes and scores); built by scripts/build_event_lexicon.py, do not edit by hand\n")
        fh.write("\t".join(cols) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in cols) + "\n")
    return out


def check_lexicon(codes: set[str]) -> list[dict[str, str]]:
    """The hand lexicon's rows; exits with file:line when a row names a CAMEO code the table lacks."""
    rows = read_tsv(OUT_DIR / "lexicon.tsv", ("id", "cameo", "forms"))
    bad = [f"lexicon.tsv:{r['_line']}: unknown CAMEO code {r['cameo']!r}" for r in rows if r["cameo"] not in codes]
    bad += [f"lexicon.tsv:{r['_line']}: unknown intent code {r['intent']!r}" for r in rows
            if r.get("intent") and r["intent"] not in codes]
    if bad:
        sys.exit("\n".join(bad))
    return rows


def read_upetrarch(p: Path) -> list[tuple[str, str, str]]:
    """(verb lemma, object words or '', CAMEO code) from the verb blocks of the UniversalPetrarch dictionary."""
    out: list[tuple[str, str, str]] = []
    verbs: list[str] = []
    block_code = ""
    in_verbs = False
    for line in p.read_text(encoding="utf-8").splitlines():
        if line.startswith("####### VERB"):
            in_verbs = True
            continue
        if not in_verbs:
            continue
        if line.startswith("---"):
            m = re.match(r"---\s*(\S+)\s*\[([\d-]+)\]", line)
            verbs, block_code = [], (m.group(2) if m and m.group(2)[0].isdigit() else "")
            continue
        if line.startswith("-"):
            m = re.match(r"-\s*\*\s*(.*?)\s*\[(\d+)\]", line)
            if m:
                obj = re.sub(r"[(){}&A-Z_]", " ", m.group(1))
                for v in verbs:
                    out.append((v, " ".join(obj.split()), m.group(2)))
            continue
        m = re.match(r"^(\S+)\s*(?:\[(\d+)\])?", line)
        if m and not line.startswith((" ", "#")):
            verbs.append(m.group(1).replace("+", " "))
            code = m.group(2) or block_code
            if code:
                out.append((m.group(1).replace("+", " "), "", code))
    return out


def review(upetrarch: list[tuple[str, str, str]], lexicon: list[dict[str, str]], plover: dict[str, dict]) -> list:
    """UniversalPetrarch verbs and object nouns with a PLOVER type that the lexicon's forms do not cover."""
    covered = set()
    for r in lexicon:
        covered.update(normalize(f) for f in r["forms"].split())
        covered.update(normalize(w) for w in r.get("with", "").replace("|", " ").split())
    seen, rows = set(), []
    for verb, obj, code in upetrarch:
        typ = plover.get(code, {}).get("plover")
        # an object pattern is reviewed once for its noun (the block's verbs are generic: put, make, do)
        word = normalize(obj).split()[0] if obj else normalize(verb).split()[0]
        key = (word, code)
        if not typ or key in seen or word in covered or len(word) < 3:
            continue
        seen.add(key)
        rows.append((word, "object" if obj else "verb", code, typ))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--review", type=Path, help="write UniversalPetrarch candidates not in the lexicon to this TSV")
    a = ap.parse_args()
    rows = build_cameo(a.shared)
    out = write_cameo(rows)
    print(f"wrote {out} ({len(rows)} CAMEO codes)")
    plover = {r["cameo"]: r for r in rows}
    lexicon = check_lexicon(set(plover))
    print(f"lexicon.tsv: {len(lexicon)} entries, all codes known")
    cand = review(read_upetrarch(a.shared / "data/upetrarch_arabic/CAMEO.ar.0.5.txt"), lexicon, plover)
    print(f"UniversalPetrarch entries with a PLOVER type whose verb the lexicon lacks: {len(cand)}")
    if a.review:
        with open(a.review, "w", encoding="utf-8") as fh:
            fh.write("word\trole\tcameo\tplover\n")
            for c in cand:
                fh.write("\t".join(c) + "\n")
        print(f"wrote {a.review}")


if __name__ == "__main__":
    main()
