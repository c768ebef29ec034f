"""The dateline's place ("موسكو - (د ب أ)") resolved to the catalogue: English name, country, coordinates."""
from __future__ import annotations

import functools

from marsad.arabic.normalize import normalize
from marsad.doc import Doc, Place
from marsad.resources.catalogue_load import entities, split_names

_PLACE_TYPES = ("GPE", "LOC")


@functools.cache
def _places() -> dict[str, dict[str, str]]:
    """Folded Arabic names of places -> catalogue row; a city wins over a country of the same name."""
    out: dict[str, dict[str, str]] = {}
    for row in entities():
        if row["type"] not in _PLACE_TYPES:
            continue
        for name in [row["name_ar"], *split_names(row.get("names_ar", ""))]:
            key = normalize(name).strip()
            if key and (key not in out or out[key]["id"].startswith("gpe:") and len(out[key]["id"]) == 7):
                out[key] = row
    return out


def resolve_place(text: str) -> Place | None:
    """The catalogue place a dateline names: its first part ("دمشق، سوريا" -> Damascus), else the whole."""
    places = _places()
    for part in (text.split("،")[0], text):
        row = places.get(normalize(part).strip())
        if row is not None:
            lat, lon = row.get("lat"), row.get("lon")
            return Place(row["name_en"], row.get("country") or None, float(lat) if lat else None,
                         float(lon) if lon else None, row["id"])
    return None


class DatelineResolver:
    """Sets `doc.dateline_place` (English name) and `doc.meta["dateline_place"]` (the Place) from `doc.dateline`."""

    name = "datelines"
    requires = ("dateline",)
    assigns = ("dateline_place",)

    @classmethod
    def default(cls, settings=None) -> "DatelineResolver":
        _places()
        return cls()

    def __call__(self, doc: Doc) -> Doc:
        if doc.dateline:
            place = resolve_place(doc.dateline)
            if place is not None:
                doc.dateline_place = place.name_en
                doc.meta["dateline_place"] = place
        return doc
