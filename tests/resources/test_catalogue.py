"""Schema and spot checks of the shipped entity catalogue, and the user-entity loader."""
from __future__ import annotations

import collections
import re

import pytest

from marsad.arabic.normalize import normalize
from marsad.errors import ResourceFormatError
from marsad.resources import catalogue_load as cat
from marsad.resources.catalogue_user import load_user_entities

TYPES = {"PER", "ORG", "GPE", "LOC"}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


@pytest.fixture(scope="module")
def by_id():
    return {e["id"]: e for e in cat.entities()}


def test_every_entity_has_core_fields():
    bad = [e["id"] for e in cat.entities() if not all(e[k].strip() for k in ("id", "type", "name_en", "name_ar"))]
    assert bad == []


def test_types_are_known():
    assert {e["type"] for e in cat.entities()} <= TYPES


def test_ids_are_unique():
    counts = collections.Counter(e["id"] for e in cat.entities())
    assert [i for i, n in counts.items() if n > 1] == []


def test_country_codes_are_catalogued_iso3():
    countries = {e["country"] for e in cat.entities() if e["id"].startswith("gpe:") and e["id"][4:].isupper()}
    used = {e["country"] for e in cat.entities() if e["country"]} | {r["country"] for r in cat.roles() if r["country"]}
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in used)
    assert used <= countries


def test_coordinates_in_range():
    for e in cat.entities():
        if e["lat"] or e["lon"]:
            assert -90 <= float(e["lat"]) <= 90 and -180 <= float(e["lon"]) <= 180, e["id"]


def test_places_mostly_have_coordinates():
    places = [e for e in cat.entities() if e["type"] in ("GPE", "LOC")]
    assert sum(1 for e in places if e["lat"]) / len(places) > 0.95


def test_role_dates_parse_and_are_ordered():
    for r in cat.roles():
        for d in (r["start"], r["end"]):
            assert not d or DATE.match(d), r
        if r["start"] and r["end"]:
            assert r["start"] <= r["end"], r


def test_every_role_belongs_to_an_entity(by_id):
    assert {r["entity"] for r in cat.roles()} - set(by_id) == set()


def test_no_arabic_name_shared_across_types_unless_listed(by_id):
    allowed = {normalize(a["name_ar"]) for a in cat.ambiguous()}
    types = collections.defaultdict(set)
    for e in cat.entities():
        for name in cat.split_names(e["names_ar"]):
            types[normalize(name)].add(e["type"])
    clashes = [n for n, ts in types.items() if len(ts) > 1 and n not in allowed]
    assert clashes == []


def test_main_arabic_name_is_among_names(by_id):
    assert all(e["name_ar"] in cat.split_names(e["names_ar"]) for e in cat.entities())


def test_names_carry_no_diacritics():
    marks = re.compile("[\u064b-\u0652]")
    assert [e["id"] for e in cat.entities() if marks.search(e["names_ar"])] == []


@pytest.mark.parametrize("entity_id, name", [
    ("per:sergey_lavrov", "سيرغي لافروف"),
    ("per:sergey_lavrov", "لافروف"),
    ("per:wang_yi", "وانج يي"),
    ("per:xi_jinping", "شي جين بينغ"),
    ("per:antonio_guterres", "غوتيريش"),
    ("gpe:USA", "أمريكا"),
    ("gpe:USA", "الولايات المتحدة"),
    ("gpe:RUS", "روسيا"),
    ("gpe:moscow", "موسكو"),
    ("org:isis", "داعش"),
    ("org:unsc", "مجلس الأمن"),
    ("org:sco", "منظمة شنغهاي للتعاون"),
    ("org:g20", "مجموعة العشرين"),
    ("org:mfa_rus", "الخارجية الروسية"),
    ("loc:gaza_strip", "قطاع غزة"),
])
def test_known_names(by_id, entity_id, name):
    assert name in cat.split_names(by_id[entity_id]["names_ar"])


@pytest.mark.parametrize("entity_id", [
    "per:mark_toner", "per:jeff_davis", "per:staffan_de_mistura", "loc:incirlik", "per:adel_al_jubeir",
    "per:mohammed_bin_salman", "per:salman_bin_abdulaziz_al_saud", "org:brics", "gpe:riyadh",
    "gpe:crimea", "loc:donbas", "loc:nagorno_karabakh", "org:houthis", "org:hezbollah",
])
def test_newsworthy_entities_present(by_id, entity_id):
    assert entity_id in by_id


def _roles_of(entity):
    return [r for r in cat.roles() if r["entity"] == entity]


def test_lavrov_role():
    (role,) = _roles_of("per:sergey_lavrov")
    assert (role["office"], role["country"], role["sector"], role["start"], role["end"]) == (
        "RUS:foreign_minister", "RUS", "GOV", "2004-03-09", "")


@pytest.mark.parametrize("entity, office, start, end", [
    ("per:saud_al_faisal", "SAU:foreign_minister", "1975-10-13", "2015-04-29"),
    ("per:adel_al_jubeir", "SAU:foreign_minister", "2015-04-29", "2018-12-27"),
    ("per:john_kerry", "USA:secretary_of_state", "2013-02-01", "2017-01-20"),
    ("per:marco_rubio", "USA:secretary_of_state", "2025-01-21", ""),
])
def test_dated_roles(entity, office, start, end):
    assert any((r["office"], r["start"], r["end"]) == (office, start, end) for r in _roles_of(entity))


def test_one_foreign_minister_of_saudi_arabia_at_a_time():
    spans = sorted((r["start"], r["end"] or "9999") for r in cat.roles() if r["office"] == "SAU:foreign_minister")
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))


@pytest.mark.parametrize("office, phrase", [
    ("RUS:foreign_minister", "وزير الخارجية الروسي"),
    ("RUS:foreign_minister", "وزير خارجية روسيا"),
    ("CHN:president", "الزعيم الصيني"),
    ("SAU:king", "العاهل السعودي"),
    ("USA:secretary_of_state", "وزير الخارجية الأمريكي"),
])
def test_office_phrases(office, phrase):
    rows = {o["office"]: o for o in cat.offices()}
    assert phrase in cat.split_names(rows[office]["names_ar"])


def test_every_office_is_held_by_someone():
    held = {r["office"] for r in cat.roles()}
    assert {o["office"] for o in cat.offices()} <= held


@pytest.mark.parametrize("country, masc, fem", [
    ("RUS", "روسي", "روسية"), ("CHN", "صيني", "صينية"), ("LBN", "لبناني", "لبنانية"), ("ITA", "إيطالي", "إيطالية"),
])
def test_nisba(country, masc, fem):
    row = {n["country"]: n for n in cat.nisba()}[country]
    assert masc in row["masc"].split("|") and fem in row["fem"].split("|")


def test_nisba_rows_are_indefinite():
    assert not [n for n in cat.nisba() if n["masc"].startswith("ال")]


def test_user_file_loads(tmp_path):
    f = tmp_path / "entities.yaml"
    f.write_text("- type: PER\n  name_en: Sami Nour\n  name_ar: سامي نور\n  names_ar: [نور]\n  country: LBN\n"
                 "  roles:\n    - {office: LBN:minister, sector: GOV, start: 2024-02, end: 2025}\n", encoding="utf-8")
    ents, roles = load_user_entities(f)
    assert ents[0]["id"] == "per:sami_nour" and ents[0]["names_ar"] == "سامي نور|نور"
    assert roles[0]["start"] == "2024-02" and roles[0]["end"] == "2025"


def test_sample_user_file_loads():
    from pathlib import Path
    ents, roles = load_user_entities(Path(__file__).resolve().parents[2] / "docs" / "examples" / "entities.yaml")
    assert len(ents) == 3 and len(roles) == 1


@pytest.mark.parametrize("body, reason", [
    ("- type: XYZ\n  name_en: A\n  name_ar: أ\n", "type"),
    ("- type: ORG\n  name_en: A\n", "name_ar"),
    ("- type: ORG\n  name_en: A\n  name_ar: أ\n  country: Russia\n", "alpha-3"),
    ("- type: GPE\n  name_en: A\n  name_ar: أ\n  lat: 120\n  lon: 3\n", "out of range"),
    ("- type: PER\n  name_en: A\n  name_ar: أ\n  roles: [{office: X:y, start: 2020-13-45}]\n", "date"),
    ("- type: PER\n  name_en: A\n  name_ar: أ\n  colour: red\n", "unknown key"),
    ("type: PER\n", "list"),
])
def test_user_file_errors(tmp_path, body, reason):
    f = tmp_path / "bad.yaml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(ResourceFormatError, match=reason) as exc:
        load_user_entities(f)
    assert str(f) in str(exc.value)


def test_curated_sources_define_each_explicit_id_once():
    # the build stops on a repeated id (a later entry used to replace an earlier one silently: org:stc)
    from pathlib import Path

    import yaml

    sources = Path(__file__).resolve().parents[2] / "scripts" / "catalogue_sources"
    ids = collections.Counter()
    for path in sorted(sources.glob("*.yaml")):
        if path.stem.split("_")[0] not in ("people", "orgs", "places"):
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if isinstance(entry, dict) and entry.get("id"):
                ids[entry["id"]] += 1
    assert ids and [i for i, n in ids.items() if n > 1] == []


def test_companies_and_platforms_are_organisations(by_id):
    assert by_id["org:twitter"]["type"] == "ORG" and by_id["org:twitter"]["wikidata"] == "Q918"
    assert by_id["org:stc"]["name_en"] == "Southern Transitional Council"
    assert by_id["org:saudi_telecom"]["name_en"] == "Saudi Telecom Company"
