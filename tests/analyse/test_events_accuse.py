"""Accusations told in someone's words: ACCUSE from a quotation's speaker to the actor it pins a wrong on."""
from __future__ import annotations

import pytest

from marsad.doc import Doc
from marsad.pipeline import default_pipeline

SPEAKER = 'وقال وزير الخارجية السعودي فيصل بن فرحان في مؤتمر صحافي أمس: "{}".'


@pytest.fixture(scope="module")
def nlp():
    return default_pipeline()


def accused(nlp, text: str) -> set[tuple]:
    d = nlp(Doc(id="t", text=text, published="2024-05-02"))
    return {(ev.source and ev.source.name_en, ev.target and ev.target.name_en) for ev in d.events
            if ev.type == "ACCUSE"}


@pytest.mark.parametrize("said,target", [
    ("إيران تواصل العبث بأمن المنطقة", "Iran"),  # the subject of the wrong
    ("التدخل الإيراني في شؤون المنطقة مرفوض", "Iran"),  # a nisba after an agentive wrong
    ("تنظيم داعش الإرهابي يهدد شعوب المنطقة", "Islamic State"),  # the noun an adjective qualifies
])
def test_speaker_accuses_the_actor_a_wrong_is_pinned_on(nlp, said, target):
    assert ("Faisal bin Farhan Al Saud", target) in accused(nlp, SPEAKER.format(said))


@pytest.mark.parametrize("said,cleared", [
    ("نتعاون مع مصر في مكافحة الإرهاب", "Egypt"),  # a wrong the speaker fights
    ("نذكر جميعا غزو العراق قبل عشرين عاما", "Iraq"),  # the victim after a transitive wrong
    ("أمن المملكة خط أحمر ولن نسمح بالعبث به", "Saudi Arabia"),  # the speaker's own state
    ("التقينا السفير المتجول لجرائم الحرب في واشنطن", "Washington, D.C."),  # a field, not a wrong
])
def test_no_accusation_where_the_wrong_is_not_pinned_on_the_actor(nlp, said, cleared):
    assert cleared not in {t for _, t in accused(nlp, SPEAKER.format(said))}


def test_no_accusation_without_a_speaker(nlp):
    assert accused(nlp, "ويستمر التدخل الإيراني في شؤون المنطقة منذ سنوات.") == set()


@pytest.mark.parametrize("said,target", [
    ("إيران هي أساس المشكلات في المنطقة", "Iran"),  # naming someone the cause of the troubles
    ("إيران تدعم حزب الله والميليشيات في المنطقة", "Iran"),  # backing an armed group, its subject
    ("يستمر دعم إيران للحوثيين بالسلاح والمال", "Iran"),  # backing an armed group, its genitive
])
def test_evaluations_that_pin_a_wrong_are_accusations(nlp, said, target):
    assert ("Faisal bin Farhan Al Saud", target) in accused(nlp, SPEAKER.format(said))


@pytest.mark.parametrize("said,cleared", [
    ("مصر تعاني بسبب الأزمة الاقتصادية العالمية", "Egypt"),  # "because of", not "the cause of"
    ("مصر تدعم الحل السياسي في ليبيا", "Egypt"),  # backing a cause, not an armed group
])
def test_no_accusation_from_a_look_alike_evaluation(nlp, said, cleared):
    assert cleared not in {t for _, t in accused(nlp, SPEAKER.format(said))}


def test_an_undated_quotation_takes_the_day_the_article_reports_on(nlp):
    text = ('التقى وزير الخارجية السعودي فيصل بن فرحان نظيره المصري أمس في الرياض. '
            'وقال فيصل بن فرحان: "إيران تواصل العبث بأمن المنطقة".')
    d = nlp(Doc(id="t", text=text, published="2024-05-02"))
    assert {ev.date for ev in d.events if ev.type == "ACCUSE" and ev.target.name_en == "Iran"} == {"2024-05-01"}
