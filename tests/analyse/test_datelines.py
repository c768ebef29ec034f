"""Datelines resolved to catalogue places."""
import pytest

from marsad.analyse.datelines import DatelineResolver, resolve_place
from marsad.doc import Doc


@pytest.mark.parametrize("text,name,country", [
    ("موسكو", "Moscow", "RUS"), ("القاهرة", "Cairo", "EGY"), ("دمشق، سوريا", "Damascus", "SYR"),
])
def test_dateline_places(text, name, country):
    p = resolve_place(text)
    assert (p.name_en, p.country) == (name, country) and p.lat is not None


def test_unknown_dateline_stays_arabic():
    doc = DatelineResolver.default()(Doc(id="x", text="نص", dateline="مكان لا يعرفه أحد"))
    assert doc.dateline_place is None
