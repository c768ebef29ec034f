"""The entity catalogue as the recognizer sees it: entities with their Arabic variants, dated roles, offices, nisbas.

The catalogue files (resources/catalogue/*.tsv) are built elsewhere; this module only reads them, in the shared
schema, plus an optional user YAML extension, and answers the questions resolution asks: who held an office on a
day, which role a person held on a day.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from marsad.arabic.normalize import normalize
from marsad.resources import path as resource_path
from marsad.resources import read_tsv


@dataclass(slots=True)
class CatEntity:
    """One catalogue entity with its folded Arabic names."""

    id: str
    type: str
    name_en: str
    name_ar: str
    wikidata: str | None = None
    country: str | None = None
    sector: str | None = None
    lat: float | None = None
    lon: float | None = None
    names_ar: tuple[str, ...] = ()
    names_en: tuple[str, ...] = ()


@dataclass(slots=True)
class Role:
    """A dated role: `entity` held `office` from `start` to `end` (ISO strings padded to days; end '' = ongoing)."""

    entity: str
    office: str
    country: str | None
    sector: str | None
    role_en: str
    start: str
    end: str


@dataclass(slots=True)
class Office:
    office: str
    country: str | None
    sector: str | None
    role_en: str
    names_ar: tuple[str, ...] = ()


@dataclass
class Catalogue:
    """Everything the recognizer knows before reading a text."""

    entities: dict[str, CatEntity] = field(default_factory=dict)
    offices: dict[str, Office] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    nisba: dict[str, tuple[str, ...]] = field(default_factory=dict)  # ISO3 -> folded forms (masc, fem, plural)
    by_country: dict[str, str] = field(default_factory=dict)  # ISO3 -> the GPE entity id of that country
    by_en: dict[str, str] = field(default_factory=dict)  # lower-cased English name or alias -> entity id

    def persons_of(self, country: str) -> list[str]:
        """Ids of people tied to `country` by their own row or by a role."""
        idx = self.__dict__.get("_persons")
        if idx is None:
            idx = {}
            for e in self.entities.values():
                if e.type == "PER" and e.country:
                    idx.setdefault(e.country, []).append(e.id)
            for r in self.roles:
                if r.country and r.entity in self.entities and r.entity not in idx.get(r.country, []):
                    idx.setdefault(r.country, []).append(r.entity)
            self.__dict__["_persons"] = idx
        return idx.get(country, [])

    def is_capital(self, eid: str) -> bool:
        """Whether a city is its country's capital (the build gives a country its capital's coordinates)."""
        city = self.entities.get(eid)
        if city is None or city.type != "GPE" or city.lat is None or not city.country:
            return False
        state = self.entities.get(self.by_country.get(city.country, ""))
        return state is not None and state.id != eid and (state.lat, state.lon) == (city.lat, city.lon)

    def office_org(self, office: str) -> str | None:
        """The organisation entity an office belongs to ("IAEA:igo_head" -> org:iaea), if the catalogue has it."""
        eid = "org:" + office.split(":", 1)[0].lower()
        return eid if eid in self.entities else None

    def holder(self, office: str, day: str) -> Role | None:
        """The role row of whoever held `office` on `day` (latest start wins when rows overlap)."""
        best = None
        for r in self.roles:
            if r.office == office and r.start <= day and (not r.end or day <= r.end):
                if best is None or r.start > best.start:
                    best = r
        return best

    def role_of(self, entity: str, day: str) -> Role | None:
        """The role `entity` held on `day` (the most recently started one)."""
        best = None
        for r in self.roles:
            if r.entity == entity and r.start <= day and (not r.end or day <= r.end):
                if best is None or r.start > best.start:
                    best = r
        return best


def _pad(d: str, *, end: bool) -> str:
    """Pads YYYY or YYYY-MM to a day, to the first day for a start and the last for an end."""
    d = d.strip()
    if not d:
        return ""
    parts = d.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{d}-31" if end else f"{d}-01"
    return d


def _float(s: str) -> float | None:
    try:
        return float(s) if s.strip() else None
    except ValueError:
        return None


def _variants(*cells: str) -> tuple[str, ...]:
    out: list[str] = []
    for cell in cells:
        for v in cell.split("|"):
            v = " ".join(normalize(v).split())
            if v and v not in out:
                out.append(v)
    return tuple(out)


def entity_from_row(row: dict) -> CatEntity:
    """A CatEntity from a row of entities.tsv (or a user YAML entry of the same shape)."""
    get = lambda k: str(row.get(k) or "").strip()  # noqa: E731 - a short accessor for optional cells
    return CatEntity(
        id=get("id"), type=get("type").upper() or "MISC", name_en=get("name_en") or get("name_ar"),
        name_ar=get("name_ar"), wikidata=get("wikidata") or None, country=get("country") or None,
        sector=get("sector") or None, lat=_float(get("lat")), lon=_float(get("lon")),
        names_ar=_variants(get("name_ar"), get("names_ar")),
        names_en=tuple(n.strip() for n in get("names_en").split("|") if n.strip()),
    )


def build_catalogue(entities, roles=(), offices=(), nisba=()) -> Catalogue:
    """A Catalogue from rows in the shared TSV schema."""
    cat = Catalogue()
    for row in entities:
        e = entity_from_row(row)
        cat.entities[e.id] = e
        for n in (e.name_en, *e.names_en):  # the first entity with a name keeps it (countries come first)
            cat.by_en.setdefault(n.lower(), e.id)
    for row in roles:
        cat.roles.append(Role(row["entity"], row["office"], row.get("country") or None, row.get("sector") or None,
                              row.get("role_en", ""), _pad(row.get("start", ""), end=False) or "0000-01-01",
                              _pad(row.get("end", ""), end=True)))
    for row in offices:
        cat.offices[row["office"]] = Office(row["office"], row.get("country") or None, row.get("sector") or None,
                                            row.get("role_en", ""), _variants(row.get("names_ar", "")))
    for row in nisba:
        forms = _variants(row.get("masc", ""), row.get("fem", ""), row.get("plural", ""))
        if forms:
            cat.nisba[row["country"]] = forms
    _link_countries(cat)
    return cat


def _link_countries(cat: Catalogue) -> None:
    """Maps each ISO3 code to the GPE entity that is the country (not a city in it)."""
    for e in cat.entities.values():
        if e.type != "GPE" or not e.country:
            continue
        cur = cat.by_country.get(e.country)
        if cur is None or _country_rank(e) > _country_rank(cat.entities[cur]):
            cat.by_country[e.country] = e.id


def _country_rank(e: CatEntity) -> int:
    # The schema has no "is a country" column, so rank the hints it leaves: an id that is the code (RUS, gpe:RUS) or holds
    # the word country, a "country" sector; otherwise the first GPE row of that country (catalogues list countries first).
    ident, iso = e.id.lower(), (e.country or "").lower()
    return int(ident == iso or ident.endswith(":" + iso) or "country" in ident or (e.sector or "").lower() == "country")


def catalogue_dir() -> Path:
    """Where the shipped catalogue lives."""
    return resource_path("catalogue")


@functools.cache
def load_catalogue(directory: str | None = None, user_path: str | None = None) -> Catalogue:
    """Reads the catalogue TSVs from `directory` (default: the shipped one) plus a user YAML; cached per arguments.

    A missing catalogue gives an empty one, so the recognizer still runs (model-only).
    """
    d = Path(directory) if directory else catalogue_dir()
    read = lambda name: read_tsv(d / name) if (d / name).is_file() else []  # noqa: E731
    ents, roles = list(read("entities.tsv")), list(read("roles.tsv"))
    if user_path:
        from marsad.resources.catalogue_user import load_user_entities

        # The user's rows come last, so an entry with a shipped id replaces the shipped one.
        user_ents, user_roles = load_user_entities(user_path)
        ents += user_ents
        roles += user_roles
    return build_catalogue(ents, roles, read("offices.tsv"), read("nisba.tsv"))


def today() -> str:
    return date.today().isoformat()
