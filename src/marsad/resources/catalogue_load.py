"""Cached access to the entity catalogue shipped in marsad/resources/catalogue/ (built by scripts/build_catalogue.py).

Rows are dicts keyed by the TSV header. List-valued cells (names_ar, names_en) stay `|`-joined strings, as in the
files; `split_names` turns one into a list.
"""
from __future__ import annotations

import functools

from marsad.resources import load_tsv

ENTITY_COLUMNS = ("id", "type", "name_en", "name_ar", "wikidata", "country", "sector", "lat", "lon", "names_ar",
                  "names_en")
ROLE_COLUMNS = ("entity", "office", "country", "sector", "role_en", "start", "end")
OFFICE_COLUMNS = ("office", "country", "sector", "role_en", "names_ar")
NISBA_COLUMNS = ("country", "masc", "fem", "plural")


@functools.cache
def entities() -> tuple[dict[str, str], ...]:
    """Every catalogue entity (people, organisations, countries, cities, regions)."""
    return load_tsv("catalogue/entities.tsv", ("id", "type", "name_en", "name_ar"))


@functools.cache
def roles() -> tuple[dict[str, str], ...]:
    """Dated roles of people: entity, office, country, sector, role_en, start, end (blank end: still in office)."""
    return load_tsv("catalogue/roles.tsv", ("entity", "office"))


@functools.cache
def offices() -> tuple[dict[str, str], ...]:
    """Arabic phrases that name an office without naming its holder (وزير الخارجية الروسي)."""
    return load_tsv("catalogue/offices.tsv", ("office", "names_ar"))


@functools.cache
def nisba() -> tuple[dict[str, str], ...]:
    """Nationality adjectives per country: masculine, feminine, plural (indefinite; `|` between variants)."""
    return load_tsv("catalogue/nisba.tsv", ("country", "masc"))


@functools.cache
def ambiguous() -> tuple[dict[str, str], ...]:
    """Arabic names knowingly shared by entities of different types, with the ids that share them."""
    return load_tsv("catalogue/ambiguous.tsv", ("name_ar", "ids"))


def split_names(cell: str) -> list[str]:
    """The names of a `|`-joined cell, without empties."""
    return [n for n in cell.split("|") if n]
