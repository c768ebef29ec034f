"""A long title between a verb and a person's name: the person is the subject, not the other party."""
from __future__ import annotations

import pytest

from marsad.analyse import build_stages
from marsad.doc import Doc


@pytest.fixture(scope="module")
def stages():
    return build_stages()


def _events(stages, text):
    d = Doc(id="t", text=text, published="2015-08-10")
    for s in stages:
        d = s(d)
    return d.events


def _name(actor):
    return "" if actor is None else (actor.text or "")


def test_the_person_after_a_long_title_is_the_subject(stages):
    # eight words of title, no other name, before the person's
    evs = _events(stages, "ودعا مدير الإدارة العامة للمرور والسلامة المرورية المكلف العقيد سالم الفهيد السائقين إلى "
                          "الحذر من السيول.")
    assert any("سالم الفهيد" in _name(e.source) for e in evs)
    assert all("سالم الفهيد" not in _name(e.target) for e in evs)


def test_a_title_opened_by_wakil_names_no_target(stages):
    # "وكيل" opens a title too: the undersecretary demands, nobody named is demanded of
    evs = _events(stages, "وطالب وكيل الوزارة للشؤون البلدية الدكتور خالد السبيعي المقاولين بإنجاز المشروعات في موعدها.")
    assert all("خالد السبيعي" not in _name(e.target) for e in evs)


def test_the_thanked_one_after_the_titled_subject_is_the_target(stages):
    evs = _events(stages, "وشكر وكيل إمارة منطقة الرياض للشؤون الأمنية اللواء ناصر العتيبي الأمير فيصل بن بندر على دعمه "
                          "المتواصل لأعمال الأمن.")
    support = [e for e in evs if e.type == "SUPPORT"]
    assert support and "ناصر العتيبي" in _name(support[0].source)
    assert support[0].target is not None and "ناصر العتيبي" not in _name(support[0].target)


def test_a_name_right_after_the_verb_still_acts(stages):
    evs = _events(stages, "استقبل الرئيس عبدالفتاح السيسي في القاهرة أمس وزير الخارجية الأمريكي جون كيري.")
    consult = [e for e in evs if e.type == "CONSULT"]
    assert consult and "السيسي" in _name(consult[0].source)


def test_a_town_after_bi_is_where_not_whom(stages):
    evs = _events(stages, "استقبل الأمير فيصل بن بندر في مكتبه بجدة أمس السفير الأمريكي جوزيف وستفال.")
    assert all("جدة" not in _name(e.target) and "Jeddah" not in (e.target.name_en or "")
               for e in evs if e.target is not None)


def test_a_country_after_bi_is_still_the_target(stages):
    evs = _events(stages, "ندد وزير الخارجية بإسرائيل بسبب الغارة على القرية.")
    assert any(e.type == "ACCUSE" and e.target is not None and e.target.name_en == "Israel" for e in evs)


def test_an_honorific_opens_the_title_of_the_subject(stages):
    # "معالي" before the title: the title holder acts, the body inside the title is not the other party
    evs = _events(stages, "استنكر معالي الأمين العام لجامعة الدول العربية الدكتور نبيل العربي تصريحات وزير الخارجية "
                          "الإيراني محمد جواد ظريف.")
    accuse = [e for e in evs if e.type == "ACCUSE"]
    assert accuse and accuse[0].source is not None and accuse[0].source.name_en == "Arab League"
    assert accuse[0].target is not None and accuse[0].target.name_en == "Mohammad Javad Zarif"


@pytest.mark.parametrize("text", [
    "ودعت المديرية الأشقاء اليمنيين إلى تسوية أوضاعهم.",
    "وحذر الجيش المسلحين الليبيين من الاقتراب من المنشآت النفطية.",
])
def test_an_oblique_plural_after_a_definite_subject_is_the_object(stages, text):
    evs = _events(stages, text)
    assert evs and all(e.source is None or e.source.country not in ("YEM", "LBY") for e in evs)


def test_an_oblique_plural_after_a_partitive_belongs_to_the_subject(stages):
    evs = _events(stages, "ودعا عدد من المسؤولين اليمنيين الأمم المتحدة إلى التدخل.")
    assert any(e.source is not None and e.source.country == "YEM" for e in evs)
