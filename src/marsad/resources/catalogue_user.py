"""Entities that users add in their own YAML file, validated into the same row shape as the shipped catalogue.

The file is a list of entries (see docs/catalogue.md and docs/examples/entities.yaml):
    - id: per:jane_doe            # optional; made from type and name_en when absent
      type: PER                   # PER, ORG, GPE or LOC
      name_en: Jane Doe
      name_ar: جين دو
      names_ar: [دو]
      wikidata: Q123              # optional
      country: GBR                # optional ISO 3166-1 alpha-3
      sector: GOV                 # optional CAMEO sector (organisations)
      lat: 51.5                   # optional, places
      lon: -0.12
      roles: [{office: GBR:minister, country: GBR, sector: GOV, role_en: Minister, start: 2024-07, end: ""}]
"""
from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

from marsad.errors import ResourceFormatError
from marsad.resources import read_yaml

TYPES = {"PER": "per", "ORG": "org", "GPE": "gpe", "LOC": "loc"}
_ISO3 = re.compile(r"^[A-Z]{3}$")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_WIKIDATA = re.compile(r"^Q\d+$")
_KEYS = {"id", "type", "name_en", "name_ar", "names_ar", "names_en", "wikidata", "country", "sector", "lat", "lon",
         "roles"}
_ROLE_KEYS = {"office", "country", "sector", "role_en", "start", "end"}


def load_user_entities(path: str | Path) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Entity rows and role rows of a user's YAML file; raises ResourceFormatError on a bad entry."""
    p = Path(path).expanduser()
    try:
        data = read_yaml(p)
    except ValueError as e:  # PyYAML raises ValueError, not YAMLError, on an impossible date such as 2020-13-45
        raise ResourceFormatError(str(p), 1, f"unreadable value (a bad date?): {e}") from e
    if data is None:
        return [], []
    if not isinstance(data, list):
        raise ResourceFormatError(str(p), 1, "the file must be a YAML list of entries")
    entities, roles, seen = [], [], set()
    for n, entry in enumerate(data, 1):
        row = _entity(entry, p, n)
        if row["id"] in seen:
            raise ResourceFormatError(str(p), n, f"entry {n}: id {row['id']} appears twice")
        seen.add(row["id"])
        entities.append(row)
        roles += [_role(row["id"], r, p, n) for r in entry.get("roles") or []]
    return entities, roles


def _fail(p: Path, n: int, reason: str):
    # The YAML loader gives no line per list item, so the entry number stands in for it and is named in the text.
    raise ResourceFormatError(str(p), n, f"entry {n}: {reason}")


def _entity(entry, p: Path, n: int) -> dict[str, str]:
    if not isinstance(entry, dict):
        _fail(p, n, "an entry must be a mapping")
    unknown = set(entry) - _KEYS
    if unknown:
        _fail(p, n, f"unknown key(s) {', '.join(sorted(unknown))}")
    etype = str(entry.get("type", "")).upper()
    if etype not in TYPES:
        _fail(p, n, f"type must be one of {', '.join(TYPES)}")
    name_en, name_ar = _text(entry.get("name_en")), _text(entry.get("name_ar"))
    if not name_en or not name_ar:
        _fail(p, n, "name_en and name_ar are required")
    names_ar = _names(entry.get("names_ar"), p, n, "names_ar")
    names_en = _names(entry.get("names_en"), p, n, "names_en")
    country, wikidata = _text(entry.get("country")), _text(entry.get("wikidata"))
    if country and not _ISO3.match(country):
        _fail(p, n, f"country {country!r} is not an ISO 3166-1 alpha-3 code")
    if wikidata and not _WIKIDATA.match(wikidata):
        _fail(p, n, f"wikidata {wikidata!r} is not a Q-identifier")
    lat, lon = _coord(entry.get("lat"), 90, p, n, "lat"), _coord(entry.get("lon"), 180, p, n, "lon")
    return {
        "id": _text(entry.get("id")) or f"{TYPES[etype]}:{_slug(name_en)}", "type": etype, "name_en": name_en,
        "name_ar": name_ar, "wikidata": wikidata, "country": country, "sector": _text(entry.get("sector")).upper(),
        "lat": lat, "lon": lon, "names_ar": "|".join(dict.fromkeys([name_ar, *names_ar])),
        "names_en": "|".join(dict.fromkeys([name_en, *names_en])),
    }


def _role(entity: str, spec, p: Path, n: int) -> dict[str, str]:
    if not isinstance(spec, dict) or not _text(spec.get("office")):
        _fail(p, n, "each role must be a mapping with an office")
    unknown = set(spec) - _ROLE_KEYS
    if unknown:
        _fail(p, n, f"unknown role key(s) {', '.join(sorted(unknown))}")
    start, end = _text(spec.get("start")), _text(spec.get("end"))
    for d in (start, end):
        if d and not _valid_date(d):
            _fail(p, n, f"role date {d!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    if start and end and end < start:
        _fail(p, n, f"role {spec['office']} ends before it starts")
    country = _text(spec.get("country"))
    if country and not _ISO3.match(country):
        _fail(p, n, f"role country {country!r} is not an ISO 3166-1 alpha-3 code")
    return {"entity": entity, "office": _text(spec["office"]), "country": country,
            "sector": _text(spec.get("sector")).upper(), "role_en": _text(spec.get("role_en")),
            "start": start, "end": end}


def _valid_date(d: str) -> bool:
    if not _DATE.match(d):
        return False
    parts = [int(x) for x in d.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _text(value) -> str:
    # YAML reads 2015 and 2015-04-29 as int and date: dates and years are text here.
    return "" if value is None else str(value).strip()


def _names(value, p: Path, n: int, key: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(p, n, f"{key} must be a list of non-empty names")
    if any("|" in v or "\t" in v for v in value):
        _fail(p, n, f"{key} may not contain | or tab")
    return [v.strip() for v in value]


def _coord(value, limit: float, p: Path, n: int, key: str) -> str:
    if value is None or value == "":
        return ""
    try:
        x = float(value)
    except (TypeError, ValueError):
        _fail(p, n, f"{key} {value!r} is not a number")
    if not -limit <= x <= limit:
        _fail(p, n, f"{key} {x} is out of range")
    return f"{x:.4f}"


def _slug(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", flat.lower()).strip("_")
