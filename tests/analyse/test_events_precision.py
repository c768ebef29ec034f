"""Event precision on news that is not politics (session 6, precision): sport articles, two-sided events with
nobody on the other side, standing control and control of a fire. Sentences written for these tests."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import default_pipeline


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def coded(nlp, text: str, published: str = "2024-05-02") -> list[tuple]:
    d = nlp(Doc(id="t", text=text, published=published))
    return [(ev.type, ev.cameo, ev.source and ev.source.name_en, ev.target and ev.target.name_en) for ev in d.events]


SPORT = ("فاز فريق الوحدة على ضيفه بهدفين مقابل هدف في المباراة التي جمعتهما أمس على الملعب البلدي. "
         "وشكر المدرب اللاعبين على أدائهم، والتقى رئيس النادي بالجماهير بعد نهاية المباراة. "
         "وهاجم المهاجم الحكم بسبب ركلة الجزاء، فيما يستعد المنتخب للدوري الجديد.")


def test_a_sport_article_codes_no_event(nlp):
    assert coded(nlp, SPORT) == []


def test_a_political_article_naming_one_game_still_codes(nlp):
    text = ("استقبل الرئيس المصري عبد الفتاح السيسي في القاهرة أمس وزير الخارجية الفرنسي، "
            "وبحثا العلاقات بين البلدين. وفي المساء حضر الضيف مباراة ودية في كرة القدم.")
    assert any(t == "CONSULT" for t, *_ in coded(nlp, text))


@pytest.mark.parametrize("text, typ", [
    ("وحرص زوار المهرجان أمس على زيارة المزرعة النموذجية في المنتزه.", "CONSULT"),
    ("وفي ختام الحفل شكر مدير المدرسة الجميع على جهودهم أمس.", "SUPPORT"),
    ("وقال السكان إن المحافظ رفض الخروج من المدينة طوال أيام الحصار.", "REJECT"),
])
def test_a_two_sided_event_with_nobody_on_the_other_side_is_not_coded(nlp, text, typ):
    assert all(t != typ for t, *_ in coded(nlp, text))


def test_thanks_to_a_named_party_is_still_coded(nlp):
    evs = coded(nlp, "شكر الرئيس الفرنسي إيمانويل ماكرون أمس المملكة العربية السعودية على دعمها.")
    assert any(t == "SUPPORT" and tg == "Saudi Arabia" for t, _, _, tg in evs)


@pytest.mark.parametrize("text", [
    "وقصفت الطائرات أمس مواقع في المدينة التي يسيطر عليها تنظيم داعش منذ عامين.",
    "وتمكنت فرق الدفاع المدني أمس من السيطرة على حريق شب في مستودع بالمنطقة الصناعية.",
    "واحتلت الشركة مرتبة متقدمة في قائمة أكبر المصدرين هذا العام.",
])
def test_standing_control_a_fire_or_a_rank_is_not_an_occupation(nlp, text):
    assert all(c != "192" for _, c, *_ in coded(nlp, text))


def test_taking_control_is_an_occupation(nlp):
    evs = coded(nlp, "وأعلن الجيش أنه سيطر على مدينة تدمر أمس بعد معارك عنيفة.")
    assert any(c == "192" for _, c, *_ in evs)
