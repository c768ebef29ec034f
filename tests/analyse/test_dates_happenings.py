"""Dating articles from the happenings they refer to, and the tense of year-less dates. Sentences are our own."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from marsad.analyse.dates import DateResolver
from marsad.analyse.dates.happenings import catalogue
from marsad.analyse.sentences import SentenceSplitter
from marsad.arabic.normalize import normalize
from marsad.doc import Doc
from marsad.resources import load_tsv

TODAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def resolver() -> DateResolver:
    return DateResolver.default(SimpleNamespace(today=TODAY))


def run(resolver, text: str, published: str | None = None) -> Doc:
    doc = Doc(id="t", text=text, published=published)
    if published:
        doc.published_source = "input"
    return resolver(SentenceSplitter()(doc))


def value_of(doc: Doc, surface: str) -> str | None:
    hits = [m for m in doc.dates if normalize(surface) in normalize(m.text)]
    assert hits, [(m.text, m.value) for m in doc.dates]
    return hits[0].value


def test_catalogue_is_broad_and_well_formed():
    rows = load_tsv("catalogue/happenings.tsv", ("id", "start", "end", "kind"))
    assert len(rows) >= 300
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["start"] <= r["end"] and "2010" <= r["start"][:4] <= "2026", r["id"]
        assert r["names_ar"] or r["cues_ar"], r["id"]
    assert len(catalogue().happenings) == len(rows)


def test_past_day_is_not_the_day_of_writing(resolver):
    # 14 May 2024 is a Tuesday; a day told in the past cannot be the Tuesday "today".
    doc = run(resolver, "قال الوزير اليوم الثلاثاء إن الاتفاق الذي وقع في 14 مايو من العام الحالي ما زال صامدا.")
    pub = date.fromisoformat(doc.published)
    assert pub.weekday() == 1
    assert pub > date(pub.year, 5, 14)


@pytest.mark.parametrize("text, surface, value", [
    ("قال المتحدث إن الرئيس سيزور القاهرة في مايو لبحث ملف المياه.", "مايو", "2025-05"),
    ("نالت القائمة أغلبية المقاعد في الانتخابات التي جرت في أغسطس.", "أغسطس", "2023-08"),
    ("أكد الوزير أن المؤتمر سيعقد في يناير بمشاركة واسعة.", "يناير", "2025-01"),
])
def test_year_less_month_takes_the_tense_of_its_clause(resolver, text, surface, value):
    assert value_of(run(resolver, text, published="2024-06-11"), surface) == value


def test_named_attack_last_month_dates_the_article(resolver):
    doc = run(resolver, "أدان الوزير اليوم الأحد مجددا الهجوم على قاعة كروكوس سيتي الشهر الماضي، وتعهد بملاحقة "
                        "المسؤولين عنه.")
    assert doc.published.startswith("2024-04")
    assert date.fromisoformat(doc.published).weekday() == 6
    # Four Sundays of April fit equally: the confidence says so.
    assert doc.published_confidence < 0.3


def test_described_attack_with_its_day_gets_its_year(resolver):
    # Written in June 2025, "22 مارس" alone would be 2025's; the attack near Moscow on that day was in 2024.
    doc = run(resolver, "وذكّر المتحدث بالهجوم الإرهابي الذي استهدف حفلا في ضواحي موسكو في 22 مارس، وقال إن "
                        "التحقيق مستمر.", published="2025-06-10")
    assert value_of(doc, "22 مارس") == "2024-03-22"


def test_place_alone_without_matching_day_dates_nothing(resolver):
    doc = run(resolver, "وصل الوفد إلى ضواحي موسكو في 5 مارس لعقد اجتماع.", published="2025-06-10")
    assert value_of(doc, "5 مارس") == "2025-03-05"


def test_summit_under_way_pins_the_day(resolver):
    doc = run(resolver, "التقى الرئيسان اليوم الاثنين على هامش قمة مجموعة العشرين في ريو دي جانيرو.")
    assert doc.published == "2024-11-18"


def test_host_city_picks_the_instance_of_a_series(resolver):
    # Without the city the G20 summit is any year's; with Osaka it is 2019's, and the article is just before it.
    doc = run(resolver, "يصل الرئيس اليوم الأربعاء إلى اليابان للمشاركة في قمة مجموعة العشرين المقبلة في أوساكا.")
    pub = date.fromisoformat(doc.published)
    assert pub.weekday() == 2
    assert date(2018, 6, 28) <= pub < date(2019, 6, 28)


def test_sentence_with_a_year_does_not_bound_the_article(resolver):
    doc = run(resolver, "وأشار اليوم الخميس إلى أن قمة مجموعة العشرين في أوساكا عام 2019 كانت نقطة تحول.")
    assert date.fromisoformat(doc.published).year >= 2024


def test_name_inside_a_longer_word_is_not_a_reference(resolver):
    doc = run(resolver, "قال المدير اليوم الجمعة إن شركة الكروكوسيتيه الجديدة توسع أعمالها.")
    assert date.fromisoformat(doc.published).year >= 2024
