"""What the analysed content says about the happening: figures, and the towns a headline names."""
import pytest

from marsad.doc import Doc, Entity, Mention
from marsad.link.signals import figures, headline_places, repeats_figures


def _doc(title: str, text: str = "نص الخبر.") -> Doc:
    return Doc(id="1", text=text, title=title, published="2021-05-04")


@pytest.mark.parametrize("title,expected", [
    ("المؤشر يغلق عند 7412.38 نقطة بتراجع 1.7 %", {"7412.38", "1.7"}),  # decimals identify a session
    ("الشركة تربح 487 مليون ريال", {"487"}),  # a whole number of three digits that is not round
    ("المؤشر يغلق عند ٧٤١٢٫٣٨ نقطة", {"7412.38"}),  # Eastern digits and the Arabic decimal sign
    ("مقتل 12 شخصا وإصابة 40 في انفجار", set()),  # small numbers recur in unrelated news
    ("500 مليون ريال لمشاريع الطرق", set()),  # round amounts too
    ("خطة 2030 وميزانية عام 1443", set()),  # years, Gregorian and Hijri
    ("آخر تحديث 21:47 لنتائج الجلسة", set()),  # a clock time is not a figure of the news
])
def test_figures_keep_only_distinctive_numbers(title, expected):
    assert figures(_doc(title)) == expected


def test_figures_are_read_from_the_opening_of_the_text():
    text = "أغلق المؤشر العام عند 6318.54 نقطة. " + "كلام عام عن السوق. " * 60 + "وبلغت القيمة 913 مليونا."
    assert figures(_doc("السوق تغلق على تراجع", text)) == {"6318.54"}


def _place(eid: str, name: str, text: str) -> Entity:
    i = text.index(name)
    return Entity(id=eid, name_en=eid, name_ar=name, type="GPE", mentions=[Mention(i, i + len(name), name)])


TEXT = "تبوك - أعلنت بلدية العلا افتتاح ثلاث حدائق جديدة في أحياء المحافظة، بحضور مسؤولين من تبوك."


@pytest.mark.parametrize("title,expected", [
    ("افتتاح ثلاث حدائق في العلا", {"gpe:alula"}),  # the headline's town
    ("افتتاح ثلاث حدائق جديدة", set()),  # the dateline's town is the outlet's, not the headline's
])
def test_headline_places_come_from_the_headline(title, expected):
    d = _doc(title, TEXT)
    d.entities = [_place("gpe:alula", "العلا", TEXT), _place("gpe:tabuk", "تبوك", TEXT)]
    assert headline_places(d) == expected


def test_a_place_the_catalogue_lacks_is_not_a_headline_town():
    # Outlets spell such places differently (سروج, سوروج): two spellings must not look like two towns.
    text = "انفجرت عبوة في بلدة سوروج الحدودية."
    d = _doc("انفجار في سوروج", text)
    d.entities = [_place("new:loc:سوروج", "سوروج", text)]
    assert headline_places(d) == frozenset()


@pytest.mark.parametrize("report,repeats", [
    ({"7412.38", "38.6", "0.52"}, True),  # the story's session told again
    ({"7412.38", "38.6"}, False),  # two figures are not enough
    # The next session's report quotes the earlier close as background, but most of its figures are its own.
    ({"7412.38", "38.6", "0.52", "7388.01", "24.37", "0.33", "4.81", "213"}, False),
])
def test_a_report_repeats_a_story_s_figures_when_most_of_its_own_are_shared(report, repeats):
    story = {"7412.38", "38.6", "0.52", "6.9", "177"}
    assert repeats_figures(frozenset(report), story) is repeats


def test_long_runs_of_digits_are_codes_not_figures():
    assert figures(_doc("للتواصل أرسل رسالة إلى 88591 أو 635031")) == frozenset()
