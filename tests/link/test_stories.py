"""Incremental story linking."""
import pytest

from marsad.doc import Doc, Entity, Mention
from marsad.link import Linker

MEETING = ("التقى وزير الخارجية الأردني نظيره الياباني في عمّان وبحثا مشروع محطة تحلية المياه في العقبة "
           "وتمويل الجسر البحري الجديد، واتفقا على توقيع مذكرة تفاهم للتعاون في الطاقة الشمسية.")
MEETING_2 = ("بحث وزير الخارجية الأردني مع نظيره الياباني في عمّان تمويل محطة تحلية المياه في العقبة والجسر "
             "البحري، وأعلن الجانبان توقيع مذكرة تفاهم في مجال الطاقة الشمسية.")
FLOOD = ("غمرت السيول عددا من الأحياء في مدينة أبها بعد أمطار غزيرة، وأعلن الدفاع المدني إنقاذ أربعين شخصا "
         "احتجزتهم المياه في سياراتهم على طريق الملك فهد.")


def doc(i, text, title, published="2020-03-10", outlet="a"):
    return Doc(id=i, text=text, title=title, published=published, outlet=outlet)


def test_two_reports_of_one_meeting_share_a_story():
    lk = Linker()
    a = lk.add(doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية"))
    b = lk.add(doc("2", MEETING_2, "مذكرة تفاهم أردنية يابانية للطاقة الشمسية وتحلية العقبة", outlet="b"))
    assert a.story == b.story == "story-1"


def test_unrelated_report_starts_its_own_story():
    lk = Linker()
    lk.add(doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية"))
    c = lk.add(doc("3", FLOOD, "سيول أبها"))
    assert c.story == "story-3"


@pytest.mark.parametrize("later", ["2020-03-20", "2020-02-01"])
def test_same_words_on_distant_dates_are_two_stories(later):
    lk = Linker()
    lk.add(doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية"))
    b = lk.add(doc("2", MEETING_2, "مذكرة تفاهم أردنية يابانية للطاقة الشمسية وتحلية العقبة", published=later))
    assert b.story == "story-2"


def test_undated_report_takes_the_story_date():
    lk = Linker()
    lk.add(doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية"))
    b = lk.add(doc("2", MEETING_2, "مذكرة تفاهم أردنية يابانية للطاقة الشمسية وتحلية العقبة", published=None))
    assert (b.published, b.published_source) == ("2020-03-10", "story")


def test_copy_joins_the_story_of_its_original():
    lk = Linker()
    text = MEETING + " " + MEETING_2
    lk.add(doc("1", text, "لقاء أردني ياباني"))
    b = lk.add(doc("2", text, "عنوان آخر تماما", outlet="b"))
    assert (b.duplicate_of, b.story) == ("1", "story-1")


def test_earlier_reports_are_not_relabelled():
    lk = Linker()
    a = lk.add(doc("1", FLOOD, "سيول أبها"))
    lk.add(doc("2", MEETING, "الأردن واليابان"))
    assert a.story == "story-1"


def test_works_with_entities():
    ent = Entity(id="per:x", name_en="X", name_ar="س", type="PER", mentions=[Mention(0, 3, "التقى")])
    lk = Linker()
    a = doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية")
    a.entities = [ent]
    b = doc("2", MEETING_2, "مذكرة تفاهم أردنية يابانية للطاقة الشمسية وتحلية العقبة")
    b.entities = [ent]
    assert lk.add(a).story == lk.add(b).story


def weak(d, confidence=0.2):
    d.published_source, d.published_confidence = "text", confidence
    return d


@pytest.mark.parametrize("guess,joins", [("2019-03-12", True), ("2019-03-13", False)])
def test_a_weakly_dated_report_trusts_only_its_weekday(guess, joins):
    # 2020-03-10 and 2019-03-12 are both Tuesdays ("اليوم الثلاثاء" of an unknown year); 2019-03-13 is not.
    lk = Linker()
    lk.add(doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية"))
    b = lk.add(weak(doc("2", MEETING_2, "مذكرة تفاهم أردنية يابانية للطاقة الشمسية وتحلية العقبة", published=guess)))
    assert (b.story == "story-1") is joins
    if joins:
        assert (b.published, b.published_source, b.meta["redate"]) == ("2020-03-10", "story", True)


def test_a_weak_date_does_not_date_the_story_but_dates_an_undated_report_with_low_confidence():
    lk = Linker()
    lk.add(weak(doc("1", MEETING, "الأردن واليابان: تحلية العقبة والطاقة الشمسية", published="2019-03-12")))
    b = lk.add(doc("2", MEETING_2, "مذكرة تفاهم أردنية يابانية للطاقة الشمسية وتحلية العقبة", published=None))
    assert lk.stories[0].day_min is None
    assert (b.story, b.published, b.published_source) == ("story-1", "2019-03-12", "story")
    assert b.published_confidence < 0.5


RESULTS = ("أعلنت شركة {name} نتائجها المالية للنصف الأول من العام، وسجلت صافي ربح قدره 120 مليون ريال مقابل "
           "95 مليون ريال للفترة المماثلة من العام الماضي، وعزت الشركة الارتفاع إلى نمو المبيعات وانخفاض التكاليف "
           "التشغيلية وارتفاع هامش الربح الإجمالي.")


OTHER = ("أعلنت شركة الأسمنت الشرقية نتائجها المالية للنصف الأول من العام، وسجلت صافي ربح قدره 64 مليون ريال "
         "مقابل 70 مليون ريال للفترة المماثلة من العام الماضي، وعزت الشركة التراجع إلى انخفاض أسعار البيع.")


@pytest.mark.parametrize("title,same", [
    ("«الألبان» تربح 120 مليون ريال في النصف الأول", True),  # the same firm set off in marks
    ("تراجع أرباح الشركات في النصف الأول", True),  # no marks on one side: the words decide
    ("«الأسمنت الشرقية» تربح 64 مليون ريال في النصف الأول", False),  # another firm in marks: other news
])
def test_headlines_marking_two_names_are_two_stories(title, same):
    lk = Linker()
    a = lk.add(doc("1", RESULTS.format(name="الألبان"), "«الألبان» تربح 120 مليون ريال في النصف الأول"))
    body = OTHER if "الأسمنت" in title else RESULTS.format(name="الألبان")
    b = lk.add(doc("2", body, title, outlet="b"))
    assert (a.story == b.story) is same


COMMITTEE = ("جهزت اللجنة المحلية للانتخابات البلدية في {town} واحدا وثلاثين مركزا لقيد الناخبين، وقال رئيس "
             "اللجنة إن المراكز تستقبل المواطنين من الرابعة عصرا حتى التاسعة مساء طوال أيام القيد.")
COMMITTEE_2 = ("أنهت لجنة الانتخابات البلدية في {town} تجهيز واحد وثلاثين مركزا لقيد الناخبين تستقبل المواطنين "
               "من الرابعة عصرا حتى التاسعة مساء، ودعت اللجنة الأهالي إلى المبادرة بالقيد.")


def _committee(i, body, title, town, eid, outlet):
    d = doc(i, body.format(town=town), title, published="2021-09-14", outlet=outlet)
    at = d.text.index(town)
    d.entities = [Entity(id=eid, name_en=eid, name_ar=town, type="GPE", mentions=[Mention(at, at + len(town), town)])]
    return d


@pytest.mark.parametrize("town_a,id_a,town_b,id_b,same", [
    ("تبوك", "gpe:tabuk", "تبوك", "gpe:tabuk", True),  # one town's committee, reported twice
    ("تبوك", "gpe:tabuk", "حائل", "gpe:hail", False),  # the same kind of news from two known towns
    ("سوروج", "new:loc:سوروج", "سروج", "new:loc:سروج", True),  # a place outside the catalogue, spelt two ways
])
def test_headlines_naming_two_towns_are_two_stories(town_a, id_a, town_b, id_b, same):
    lk = Linker()
    a = lk.add(_committee("1", COMMITTEE, f"تجهيز 31 مركزا انتخابيا في {town_a}", town_a, id_a, "a"))
    b = lk.add(_committee("2", COMMITTEE_2, f"لجنة الانتخابات في {town_b} تجهز 31 مركزا", town_b, id_b, "b"))
    assert (a.story == b.story) is same


MARKET = ("أنهى مؤشر بورصة عمّان تعاملات الأسبوع عند {close} نقطة مرتفعا {gain} نقطة، وبلغ حجم التداول {volume} "
          "مليون دينار، وقادت أسهم البنوك والتعدين موجة الصعود وسط تفاؤل المستثمرين بنتائج الربع الثاني.")
MARKET_2 = ("واصلت أسهم بورصة عمّان مكاسبها للجلسة الثالثة على التوالي ليستقر مؤشرها عند {close} نقطة بزيادة {gain} "
            "نقطة، فيما جرى تبادل أوراق مالية قيمتها {volume} مليون دينار، وتصدر قطاع الفوسفات قائمة الرابحين.")
SESSION = {"close": "2134.67", "gain": "11.42", "volume": "8.35"}


@pytest.mark.parametrize("figures,same", [
    (SESSION, True),  # a rewrite that shares few words but repeats the session's figures
    ({"close": "2098.12", "gain": "6.05", "volume": "5.71"}, False),  # the same wording about another session
])
def test_a_report_repeating_the_figures_of_a_story_joins_it(figures, same):
    lk = Linker()
    a = lk.add(doc("1", MARKET.format(**SESSION), "مؤشر بورصة عمان يرتفع في ختام الأسبوع"))
    b = lk.add(doc("2", MARKET_2.format(**figures), "أسهم بورصة عمان تربح للجلسة الثالثة", outlet="b"))
    assert (a.story == b.story) is same
