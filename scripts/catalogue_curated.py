"""Hand-curated catalogue entries (people, organisations, places) and office phrases (build time only).

Reads the YAML files under scripts/catalogue_sources/: people_*.yaml, orgs_*.yaml, places*.yaml. Each is a list of
entries; see docs/catalogue.md for the keys. Roles are written `OFFICE START [END]`, e.g. `RUS:foreign_minister
2004-03-09`, where OFFICE is `PREFIX:kind`: PREFIX an ISO3 country code or an organisation token (UN, ARAB_LEAGUE, ...),
kind one of offices.yaml's kinds.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from catalogue_geo import clean_ar, slug

SOURCES = Path(__file__).resolve().parent / "catalogue_sources"
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
DEFAULT_TYPE = {"people": "PER", "orgs": "ORG", "places": "LOC"}
PREFIX = {"PER": "per", "ORG": "org", "GPE": "gpe", "LOC": "loc"}


class CatalogueSourceError(Exception):
    """A curated entry that cannot be compiled."""


def load(name: str):
    """A YAML file of catalogue_sources."""
    with open(SOURCES / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def curated_entries(iso3: set[str], kinds: dict) -> tuple[list[dict], list[dict]]:
    """Entity rows and role rows of every curated YAML file, in file order."""
    entities, roles = [], []
    seen: dict[str, str] = {}  # id -> where it was first defined: a second entry with the same id is an error
    for path in sorted(SOURCES.glob("*.yaml")):
        group = path.stem.split("_")[0]
        if group not in DEFAULT_TYPE:
            continue
        for n, entry in enumerate(load(path.name) or [], 1):
            where = f"{path.name} entry {n} ({entry.get('name_en', '?')})"
            row = entity_row(entry, DEFAULT_TYPE[group], iso3, where)
            if row["id"] in seen:
                raise CatalogueSourceError(f"{where}: id {row['id']} is already used by {seen[row['id']]}")
            seen[row["id"]] = where
            entities.append(row)
            roles += [role_row(row["id"], r, iso3, kinds, where) for r in entry.get("roles") or []]
    return entities, roles


def entity_row(entry: dict, default_type: str, iso3: set[str], where: str) -> dict:
    """A catalogue row from one curated entry."""
    etype = entry.get("type", default_type)
    if etype not in PREFIX or not entry.get("name_en"):
        raise CatalogueSourceError(f"{where}: needs name_en and a type among {sorted(PREFIX)}")
    names_ar = [clean_ar(a) for a in ([entry["name_ar"]] if entry.get("name_ar") else []) + list(entry.get("ar") or [])]
    if not names_ar:
        raise CatalogueSourceError(f"{where}: no Arabic name")
    country = entry.get("country", "") or ""
    if country and country not in iso3:
        raise CatalogueSourceError(f"{where}: unknown country {country!r}")
    return {
        "id": entry.get("id") or f"{PREFIX[etype]}:{slug(entry['name_en'])}",
        "type": etype, "name_en": entry["name_en"], "name_ar": names_ar[0],
        "wikidata": entry.get("wikidata", "") or "", "country": country, "sector": entry.get("sector", "") or "",
        "lat": _coord(entry.get("lat")), "lon": _coord(entry.get("lon")),
        "names_ar": list(dict.fromkeys(names_ar)),
        "names_en": list(dict.fromkeys([entry["name_en"], *(entry.get("en") or [])])),
    }


def _coord(value) -> str:
    return "" if value is None else f"{float(value):.4f}"


def role_row(entity: str, spec, iso3: set[str], kinds: dict, where: str) -> dict:
    """A role row from `OFFICE START [END]` or a mapping with office/start/end (and optional role_en/sector)."""
    if isinstance(spec, str):
        parts = spec.split()
        spec = {"office": parts[0], "start": parts[1] if len(parts) > 1 else "", "end": parts[2] if len(parts) > 2 else ""}
    office = spec["office"]
    prefix, _, kind = office.partition(":")
    if kind not in kinds:
        raise CatalogueSourceError(f"{where}: unknown office kind in {office!r}")
    start, end = str(spec.get("start", "") or ""), str(spec.get("end", "") or "")
    for d in (start, end):
        if d and not DATE.match(d):
            raise CatalogueSourceError(f"{where}: bad date {d!r} in role {office}")
    if start and end and end < start:
        raise CatalogueSourceError(f"{where}: role {office} ends before it starts")
    return {
        "entity": entity, "office": office, "country": prefix if prefix in iso3 else "",
        "sector": spec.get("sector") or kinds[kind]["sector"], "role_en": spec.get("role_en") or kinds[kind]["role_en"],
        "start": start, "end": end,
    }


def office_rows(roles: list[dict], kinds: dict, templates: dict, countries: dict, nisba: dict,
                extra: dict | None = None) -> list[dict]:
    """Arabic phrases naming each office held in `roles`, from the templates x the country's names and adjectives,
    plus the office's own phrases in `extra` (office -> phrases: "خادم الحرمين الشريفين" is the Saudi king)."""
    extra = extra or {}
    out, seen = [], set()
    for r in roles:
        prefix, _, kind = r["office"].partition(":")
        if r["office"] in seen or prefix not in countries:
            continue
        seen.add(r["office"])
        phrases = _phrases(templates[kinds[kind]["templates"]], countries[prefix], nisba.get(prefix))
        phrases += [p for p in extra.get(r["office"], []) if p not in phrases]
        if not phrases:
            continue  # an office kind the news names only with its holder (ambassador, adviser)
        out.append({"office": r["office"], "country": prefix, "sector": kinds[kind]["sector"],
                    "role_en": kinds[kind]["role_en"], "names_ar": phrases})
    return out


def body_rows(bodies: dict, countries: list[dict], nisba: dict, wanted: set[str]) -> list[dict]:
    """Ministries, armies and governments of the `wanted` countries, named from the templates."""
    out = []
    for c in countries:
        if c["country"] not in wanted:
            continue
        for spec in bodies.values():
            names = _phrases(spec["templates"], c, nisba.get(c["country"]))
            if not names:
                continue
            out.append({
                "id": spec["id"].format(iso=c["country"].lower()), "type": "ORG",
                "name_en": spec["name_en"].format(en=c["name_en"]), "name_ar": names[0], "wikidata": "",
                "country": c["country"], "sector": spec["sector"], "lat": "", "lon": "",
                "names_ar": names, "names_en": [spec["name_en"].format(en=c["name_en"])],
            })
    return out


def _phrases(templates: list[str], country: dict, nisba: dict | None) -> list[str]:
    shorts = country["_short"]
    masc = nisba["masc"].split("|") if nisba else []
    fem = nisba["fem"].split("|") if nisba else []
    out = []
    for t in templates:
        if "{m}" in t:
            out += [t.replace("{m}", _definite(m)) for m in masc]
        elif "{f}" in t:
            out += [t.replace("{f}", _definite(f)) for f in fem]
        elif "{c}" in t:
            out += [t.replace("{c}", c) for c in shorts]
    return list(dict.fromkeys(out))


def _definite(adjective: str) -> str:
    # Two-word adjectives (كوري جنوبي) take the article on each word.
    return " ".join("ال" + w for w in adjective.split())
