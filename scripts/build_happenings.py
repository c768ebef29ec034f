"""Builds src/marsad/resources/catalogue/happenings.tsv from scripts/catalogue_sources/happenings.yaml.

Run from the repository root:  .venv/bin/python scripts/build_happenings.py
The YAML is hand-written (dates of public happenings); entries of a series inherit its names, and the sessions of
the UN General Assembly get their names from their number. The TSV it writes is committed.
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "scripts" / "catalogue_sources" / "happenings.yaml"
OUT = ROOT / "src" / "marsad" / "resources" / "catalogue" / "happenings.tsv"
COLS = ["id", "name_en", "start", "end", "kind", "country", "series", "names_ar", "cues_ar"]
SOURCE = ("# source: curated by the Marsad team from public knowledge (dates of public happenings; "
          "scripts/catalogue_sources/happenings.yaml, built by scripts/build_happenings.py); CC0")
FIRST_YEAR, LAST_YEAR = 2010, 2026
# Arabic ordinal words of session numbers, for "الدورة الثامنة والسبعين".
_UNITS = {0: "", 1: "الحادية", 2: "الثانية", 3: "الثالثة", 4: "الرابعة", 5: "الخامسة", 6: "السادسة", 7: "السابعة",
          8: "الثامنة", 9: "التاسعة"}
_TENS = {6: "الستين", 7: "السبعين", 8: "الثمانين"}


def _day(v, where: str) -> date:
    d = v if isinstance(v, date) else date.fromisoformat(str(v))
    if not FIRST_YEAR <= d.year <= LAST_YEAR:
        raise SystemExit(f"{where}: {d} is outside {FIRST_YEAR}-{LAST_YEAR}")
    return d


def _clean(words) -> list[str]:
    out = []
    for w in words or ():
        w = " ".join(str(w).split())
        if w and w not in out:
            out.append(w)
    return out


def happening_rows(src: dict) -> list[dict[str, str]]:
    """One row per happening, with its series' names folded in."""
    series = src.get("series") or {}
    rows, seen = [], set()
    for h in src.get("happenings") or ():
        hid = h["id"]
        if hid in seen:
            raise SystemExit(f"duplicate id {hid}")
        seen.add(hid)
        start = _day(h["start"], hid)
        end = _day(h["end"], hid) if h.get("end") else start
        if end < start:
            raise SystemExit(f"{hid}: end {end} before start {start}")
        ser = h.get("series") or ""
        if ser and ser not in series:
            raise SystemExit(f"{hid}: unknown series {ser}")
        names = _clean([*(h.get("names") or ()), *((series.get(ser) or {}).get("names") or ())])
        cues = _clean(h.get("cues"))
        if not names and not cues:
            raise SystemExit(f"{hid}: neither names nor cues")
        rows.append(_row(hid, h["en"], start, end, h["kind"], h["country"], ser, names, cues))
    rows.extend(_unga_rows(src.get("unga_sessions") or {}, series.get("unga", {}).get("names") or ()))
    return rows


def _row(hid, en, start, end, kind, country, ser, names, cues) -> dict[str, str]:
    for w in [*names, *cues]:
        if "|" in w or "\t" in w:
            raise SystemExit(f"{hid}: bad character in {w!r}")
    return {"id": hid, "name_en": en, "start": start.isoformat(), "end": end.isoformat(), "kind": kind,
            "country": country, "series": ser, "names_ar": "|".join(names), "cues_ar": "|".join(cues)}


def _unga_rows(sessions: dict, series_names) -> list[dict[str, str]]:
    out = []
    for n, day in sorted(sessions.items()):
        n = int(n)
        start = _day(day, f"UNGA {n}")
        ordinal = (_UNITS[n % 10] + " و" + _TENS[n // 10]) if n % 10 else _TENS[n // 10]
        names = []
        for form in (f"{n}", f"ال{n}", ordinal):
            names += [f"الدورة {form} للجمعية العامة", f"الدورة {form} للجمعية العامة للأمم المتحدة",
                      f"دورتها {form}"]
        cues = _clean(series_names)
        out.append(_row(f"unga_{n}", f"UN General Assembly session {n}, general debate", start,
                        start + (date(2000, 1, 7) - date(2000, 1, 1)), "summit", "INT", "unga",
                        _clean(names), cues))
    return out


def main(argv: list[str] | None = None) -> int:
    """Writes the TSV and prints how many happenings of each kind it holds."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=SRC)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    src = yaml.safe_load(args.src.read_text(encoding="utf-8"))
    rows = happening_rows(src)
    with open(args.out, "w", encoding="utf-8") as fh:
        fh.write(SOURCE + "\n")
        fh.write("\t".join(COLS) + "\n")
        for r in sorted(rows, key=lambda r: (r["start"], r["id"])):
            fh.write("\t".join(r[c] for c in COLS) + "\n")
    kinds: dict[str, int] = {}
    for r in rows:
        kinds[r["kind"]] = kinds.get(r["kind"], 0) + 1
    print(f"{len(rows)} happenings -> {args.out}")
    print("  " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items(), key=lambda kv: -kv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
