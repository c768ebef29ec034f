"""Every cleaning rule, with Arabic examples written for these tests."""
from __future__ import annotations

import pytest

from marsad.clean import split_articles
from marsad.clean.rules import fold_line, rules

BODY1 = ("قال وزير الخارجية المصري في مؤتمر صحفي عقده في القاهرة اليوم إن بلاده تتابع باهتمام تطورات الأوضاع "
         "في المنطقة وتدعو جميع الأطراف إلى ضبط النفس.")
BODY2 = ("وأضاف الوزير أن الاتصالات مستمرة مع الشركاء الإقليميين والدوليين من أجل التوصل إلى تهدئة شاملة "
         "تحفظ أرواح المدنيين وتعيد الاستقرار.")
BODY3 = ("وكانت الحكومة قد أعلنت الأسبوع الماضي عن خطة لإعادة إعمار المناطق المتضررة بتمويل من عدة دول "
         "عربية وصناديق تنمية دولية.")


def clean(text: str, **kw):
    arts = split_articles(text, **kw)
    assert arts, "no article found"
    return arts


def kept(text: str) -> str:
    return clean(text)[0].text


# One example line for every drop_line rule; each must be dropped when it sits inside an article.
DROP_EXAMPLES = [
    "فيديو قد يعجبك:",
    "شاهد أيضاً بالفيديو",
    "مشاهدة الفيديو",
    "شارك المقال",
    "فيسبوك تويتر واتساب",
    "أضف تعليقك",
    "التعليقات (3)",
    "تابعونا على تيليجرام للمزيد من الأخبار",
    "اقرأ أيضاً: الحكومة تعلن موعد الانتخابات البلدية",
    "كلمات مفتاحية: مصر، السودان، النيل",
    "الوسوم: اقتصاد",
    "إعلان",
    "صورة أرشيفية",
    "جميع الحقوق محفوظة لموقع الخبر 2026",
    "14:05",
    "- - -",
    "يتم قراءة الآن",
    "تاريخ التحديث: 12/10/2026",
    "آخر تحديث: 2026-10-12 14:30",
    "الآراء الواردة أدناه لا تعبر عن رأي الموقع بل عن أصحابها",
    "يرحب موقعنا بالنقاش البناء ويحتفظ بحق حذف التعليقات المسيئة.",
    "جميع التعليقات تخضع للمراجعة قبل نشرها",
    "(إعداد منى سالم للنشرة العربية - تحرير أحمد يوسف)",
]


@pytest.mark.parametrize("line", DROP_EXAMPLES)
def test_furniture_line_is_dropped(line):
    text = kept(f"{BODY1}\n{line}\n{BODY2}")
    assert text == f"{BODY1}\n{BODY2}"


def test_every_drop_rule_has_an_example():
    r = rules()
    unused = [p.pattern for p in r.drop_line if not any(p.fullmatch(fold_line(x)) for x in DROP_EXAMPLES)]
    assert not unused, f"drop_line rules without a test example: {unused}"


@pytest.mark.parametrize("marker", ["الأكثر قراءة", "عاجل", "آخر الأخبار", "أخبار عاجلة", "قد يهمك أيضاً"])
def test_end_block_drops_the_rest(marker):
    ticker = "13:40\nالرئاسة تعلن الحداد ثلاثة أيام\n-\n12:15\nارتفاع أسعار الذهب في الأسواق المحلية"
    text = kept(f"{BODY1}\n{BODY2}\n{marker}\n{ticker}")
    assert text == f"{BODY1}\n{BODY2}"


def test_every_end_block_rule_has_an_example():
    examples = ["الأكثر قراءة", "الأكثر قراءة الآن", "عاجل 24/7", "أخبار عاجلة", "شريط الأخبار", "آخر الأخبار",
                "مقالات ذات صلة", "قد يهمك", "المزيد من الأخبار"]
    unused = [p.pattern for p in rules().end_block if not any(p.fullmatch(fold_line(x)) for x in examples)]
    assert not unused


def test_appended_article_becomes_part_two():
    raw = (f"عنوان الخبر الأول عن زيارة الوزير\n{BODY1}\n{BODY2}\nالمصدر: رويترز\nإقرأ أيضاً:\n"
           f"البرلمان يقر الموازنة العامة للعام المقبل\n{BODY3}\nالمصدر: سانا")
    arts = clean(raw)
    assert len(arts) == 2
    assert arts[0].title == "عنوان الخبر الأول عن زيارة الوزير"
    assert arts[0].text == f"{BODY1}\n{BODY2}" and arts[0].credits == ["Reuters"]
    assert arts[1].title == "البرلمان يقر الموازنة العامة للعام المقبل"
    assert arts[1].text == BODY3 and arts[1].credits == ["SANA"]


def test_read_also_list_of_links_is_dropped_not_split():
    raw = (f"{BODY1}\n{BODY2}\nاقرأ أيضاً\nالحكومة تعلن موعد الانتخابات\nارتفاع أسعار النفط عالمياً\n"
           "منتخب مصر يتأهل إلى النهائي")
    arts = clean(raw)
    assert len(arts) == 1 and arts[0].text == f"{BODY1}\n{BODY2}"


@pytest.mark.parametrize("line,credit", [
    ("المصدر: وكالة الأنباء السعودية", "SPA"),
    ("المصدر : رويترز", "Reuters"),
    ("نقلا عن: الأناضول", "Anadolu Agency"),
    ("سبوتنيك", "Sputnik"),
    ("(أ ف ب)", "AFP"),
    ("(سونا + وكالات)", "SUNA"),
])
def test_source_and_signature_lines_become_credits(line, credit):
    art = clean(f"{BODY1}\n{BODY2}\n{line}")[0]
    assert credit in art.credits
    assert fold_line(line) not in fold_line(art.text)


@pytest.mark.parametrize("line,place,credit", [
    ("القاهرة - (أ ش أ)", "القاهرة", "MENA"),
    ("دمشق-سانا", "دمشق", "SANA"),
    ("عمان – بترا", "عمان", "Petra"),
])
def test_dateline_line(line, place, credit):
    art = clean(f"العنوان هنا عن الخبر\n{line}\n{BODY1}\n{BODY2}")[0]
    assert art.dateline == place and credit in art.credits
    assert art.text.startswith(BODY1[:20])


@pytest.mark.parametrize("prefix,place", [("الرياض – ", "الرياض"), ("بيروت، لبنان (CNN) -- ", "بيروت، لبنان")])
def test_dateline_prefix_of_first_paragraph(prefix, place):
    art = clean(f"{prefix}{BODY1}\n{BODY2}", detect_title=False)[0]
    assert art.dateline == place
    assert art.text.startswith(BODY1[:20])


def test_agency_prefix_is_a_credit():
    art = clean(f"(د ب أ) - {BODY1}\n{BODY2}", detect_title=False)[0]
    assert art.credits == ["dpa"] and art.text.startswith(BODY1[:20])


def test_bulleted_list_of_links_is_dropped_even_with_quotation_marks():
    text = kept(f"{BODY1}\n- الوزير يصف المحادثات بأنها «بناءة»\n- منتخب مصر يتأهل إلى النهائي\n{BODY2}")
    assert text == f"{BODY1}\n{BODY2}"


def test_kicker_and_outlet_lines_above_the_first_paragraph_are_dropped():
    art = clean(f"عنوان الخبر عن الوزير المصري\nالخبر اليوم - الأخبار الدولية\n{BODY1}\n{BODY2}")[0]
    assert art.text == f"{BODY1}\n{BODY2}"


@pytest.mark.parametrize("line,place,credits,date", [
    ("موسكو - (رويترز) | الاثنين 19 أكتوبر 2026 - 15:20", "موسكو", ["Reuters"], "الاثنين 19 أكتوبر 2026 - 15:20"),
    ("القاهرة - «الخبر اليوم»، واس", "القاهرة", ["SPA"], None),
    # a wire dateline with no dash: place, Hijri and Gregorian date, agency
    ("جدة 12 ربيع الأول 1446 هـ الموافق 15 سبتمبر 2024 م واس", "جدة", ["SPA"],
     "12 ربيع الأول 1446 هـ الموافق 15 سبتمبر 2024 م"),
])
def test_dateline_line_with_date_or_several_credits(line, place, credits, date):
    art = clean(f"{line}\n{BODY1}\n{BODY2}", detect_title=False)[0]
    assert (art.dateline, art.credits) == (place, credits)
    assert art.page_dates == ([date] if date else [])


def test_inserted_related_headline_is_dropped_but_short_body_line_kept():
    headline = "وزير الداخلية: لا تهاون مع المخالفين في موسم الحج"
    short_body = "وأضاف أن الوضع تحت السيطرة."
    text = kept(f"{BODY1}\n{headline}\n{short_body}\n{BODY2}\nارتفاع أسعار الذهب في الأسواق المحلية")
    assert headline not in text and "ارتفاع أسعار الذهب" not in text
    assert short_body in text and BODY2 in text


@pytest.mark.parametrize("first,title", [
    ("وزير الخارجية يصل إلى بغداد في زيارة رسمية", "وزير الخارجية يصل إلى بغداد في زيارة رسمية"),
    ("موسكو وأنقرة تتفقان على «هدنة إنسانية»", "موسكو وأنقرة تتفقان على «هدنة إنسانية»"),
    (BODY3, None),
])
def test_title_on_first_line_only_when_it_looks_like_one(first, title):
    art = clean(f"{first}\n{BODY1}\n{BODY2}")[0]
    assert art.title == title


def test_credit_inside_the_text():
    body = BODY1[:-1] + "، حسبما ذكرت وكالة رويترز.\n" + "وأشار إلى أن الاجتماع المقبل سيعقد في عمان، وفق ما نشرت «الأناضول»."
    assert clean(body, detect_title=False)[0].credits == ["Reuters", "Anadolu Agency"]


def test_mention_of_the_middle_east_is_not_a_credit():
    body = "وقال الوزير إن الشرق الأوسط يمر بمرحلة حساسة تتطلب تعاونا إقليميا واسعا بين الدول."
    assert clean(body, detect_title=False)[0].credits == []


def test_published_line_is_kept_for_the_dates_stage():
    art = clean(f"العنوان هنا عن الخبر\nتاريخ النشر: 12 أكتوبر 2026\n{BODY1}")[0]
    assert art.page_dates == ["تاريخ النشر: 12 أكتوبر 2026"] and "تاريخ النشر" not in art.text


def test_published_line_keeps_a_date_written_before_the_marker():
    art = clean(f"العنوان هنا عن الخبر\nالخبر اليوم - الثلاثاء 15 سبتمبر 2026 | آخر تحديث: 16:05\n{BODY1}")[0]
    assert art.page_dates == ["الخبر اليوم - الثلاثاء 15 سبتمبر 2026 | آخر تحديث: 16:05"]


def test_offsets_lead_back_to_the_raw_text():
    raw = f"عنوان قصير للخبر\nموسكو - (رويترز)\n  {BODY1}\nشارك المقال\n{BODY2}\n"
    art = clean(raw)[0]
    for t_start, r_start, length in art.raw_offsets:
        assert art.text[t_start:t_start + length] == raw[r_start:r_start + length]


def test_text_of_furniture_only_gives_no_article():
    assert split_articles("شارك المقال\nفيسبوك تويتر\nالأكثر قراءة\nخبر أول", detect_title=False) == []
