"""Event actors and modes across clause structure (session 6, round 2), read through the whole pipeline on sentences
written for these tests: fronted subordinate clauses, agents named after an attack noun, nominative plurals,
demands that someone leave, and possibilities."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import default_pipeline


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def coded(nlp, text: str, published: str = "2024-05-02") -> list[tuple]:
    d = nlp(Doc(id="t", text=text, published=published))
    return [(ev.type, ev.cameo, ev.mode, ev.source and ev.source.name_en, ev.target and ev.target.name_en)
            for ev in d.events]


def pairs(evs, typ: str) -> set[tuple]:
    return {(s, t) for ty, _, _, s, t in evs if ty == typ}


@pytest.mark.parametrize("text, typ, source, target", [
    ("وبينما رحب الرئيس الفرنسي إيمانويل ماكرون بمشاركة ألمانيا في المؤتمر، رفض أي حوار مع إيران في الوقت الحالي.",
     "REJECT", "Emmanuel Macron", "Iran"),
    ("وبعد أن استقبل الرئيس المصري عبد الفتاح السيسي وفدا من الكويت، دعا إلى استئناف المفاوضات مع إثيوبيا.",
     "REQUEST", "Abdel Fattah el-Sisi", "Ethiopia"),
])
def test_a_main_verb_after_a_fronted_clause_shares_its_subject(nlp, text, typ, source, target):
    assert (source, target) in pairs(coded(nlp, text), typ)


def test_a_main_verb_after_a_fronted_clause_keeps_its_own_named_subject(nlp):
    evs = coded(nlp, "وبينما رحبت فرنسا بالمبادرة، انتقدت روسيا موقف بريطانيا.")
    assert ("Russia", "United Kingdom") in pairs(evs, "ACCUSE")


@pytest.mark.parametrize("text, agent", [
    ("وأصيب خمسة جنود في هجوم نفذه مسلحو حركة الشباب على ثكنة قرب مقديشو مساء أمس.", "Al-Shabaab"),
    ("وأحصت المنظمة عشرات القتلى في الغارات التي شنتها إسرائيل على غزة الأسبوع الماضي.", "Israel"),
])
def test_the_verb_that_carries_out_an_attack_names_its_agent(nlp, text, agent):
    evs = coded(nlp, text)
    assert agent in {s for ty, _, _, s, _ in evs if ty == "ASSAULT"}
    assert agent not in {t for ty, _, _, _, t in evs if ty == "ASSAULT"}


def test_a_nominative_plural_is_never_the_target(nlp):
    evs = coded(nlp, "وتضررت منازل كثيرة جراء قصف الحوثيون أحياء مدينة الحديدة أمس.")
    assert "Houthis" not in {t for ty, _, _, _, t in evs if ty == "ASSAULT"}


@pytest.mark.parametrize("text, source, target", [
    ("وقال الرئيس التركي رجب طيب أردوغان إن بشار الأسد يجب أن يرحل.", "Recep Tayyip Erdoğan", "Bashar al-Assad"),
    ("وصرح وزير الخارجية البريطاني أن على نيكولاس مادورو أن يتنحى فورا.", None, "Nicolás Maduro"),
])
def test_must_leave_is_a_demand_for_a_change_of_leader(nlp, text, source, target):
    evs = [e for e in coded(nlp, text) if e[0] == "REQUEST"]
    assert evs and evs[0][1] == "1041" and evs[0][4] == target
    if source:
        assert evs[0][3] == source


def test_agreeing_to_step_down_is_no_demand(nlp):
    evs = coded(nlp, "ووافق الرئيس السوداني عمر البشير على أن يتنحى بعد الانتخابات.")
    assert "REQUEST" not in {e[0] for e in evs}


@pytest.mark.parametrize("text", [
    "وناقش الخبراء احتمال أن تشن إسرائيل هجوما على لبنان.",
    "وتحدث المحلل عن إمكانية فرض عقوبات على إيران.",
])
def test_a_possibility_is_hypothetical(nlp, text):
    evs = coded(nlp, text)
    assert evs and all(mode == "hypothetical" for _, _, mode, _, _ in evs)
