"""Town names that are also everyday words, with the shipped catalogue and model."""
from __future__ import annotations

import pytest

from marsad.analyse.entities import EntityRecognizer
from marsad.analyse.sentences import SentenceSplitter
from marsad.doc import Doc


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer.default()


def places(rec: EntityRecognizer, text: str) -> set[str]:
    doc = rec(SentenceSplitter()(Doc(id="t", text=text, published="2024-04-09")))
    return {e.name_en for e in doc.entities if e.type in ("GPE", "LOC")}


@pytest.mark.parametrize("text, word", [
    ("وقدمت الحكومة الجديدة برنامجها إلى البرلمان أمس.", "El Jadida"),
    ("ونشرت الصحيفة الخبر على صفحتها الأولى.", "Khobar"),
    ("وعقد الاجتماع في القصر بحضور عدد من الوزراء.", "El Kseur"),
    ("وشارك سكان الحي في حملة تنظيف الشوارع.", "Al Ḩayy"),
    ("وأصيب الطفل بجرح في العين نقل على إثره إلى المستشفى.", "Al Ain City"),
])
def test_an_everyday_word_is_not_a_town(recognizer, text, word):
    assert word not in places(recognizer, text)


@pytest.mark.parametrize("text, town", [
    ("وسقطت قذيفة على منزل في مديرية حيس بمحافظة الحديدة صباح اليوم.", "Al Ḩudaydah"),
    ("وقال شهود إن الاشتباكات تجددت في الموصل ليلا.", "Mosul"),
    ("افتتح المحافظ حديقة جديدة شمال الطائف.", "Ta’if"),
    ("وصل الوفد إلى مدينة الخبر قادما من الدمام.", "Khobar"),
])
def test_a_town_named_by_an_everyday_word_is_found_in_its_context(recognizer, text, town):
    assert town in places(recognizer, text)


def test_a_place_word_with_the_article_does_not_make_an_adjective_a_town(recognizer):
    assert "Al Jadīd" not in places(recognizer, "وانتقلت الإدارة إلى مبنى المحافظة الجديد في وسط البلد.")
