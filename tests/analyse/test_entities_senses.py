"""Words that look like catalogue names but are something else here (accusative nisbas, "protectors of", a military
base, a first name, a surname), with the shipped catalogue and model."""
from __future__ import annotations

import pytest

from marsad.analyse.entities import EntityRecognizer
from marsad.analyse.sentences import SentenceSplitter
from marsad.doc import Doc


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer.default()


def owners(rec: EntityRecognizer, text: str, word: str) -> set[str]:
    """The English names of the entities holding a mention whose text is `word`."""
    doc = rec(SentenceSplitter()(Doc(id="t", text=text, published="2015-08-10")))
    return {e.name_en for e in doc.entities for m in e.mentions if m.text == word}


@pytest.mark.parametrize("text, word, country", [
    ("أطلق قناص النار فأصاب جندياً لبنانياً قرب الحدود.", "لبنانياً", "Lebanon"),
    ("أوقفت الشرطة طالبا مصريا في المطار.", "مصريا", "Egypt"),
    ("كرمت البلدية مواطنا سعوديا أنقذ غريقا.", "سعوديا", "Saudi Arabia"),
    ("وسلمت السلطات صياداً يمنياً إلى سفارة بلاده.", "يمنياً", "Yemen"),
])
def test_an_accusative_nisba_is_its_country(recognizer, text, word, country):
    assert owners(recognizer, text, word) == {country}


@pytest.mark.parametrize("text, word, country", [
    ("وصل الوفد إلى سوريا قادما من عمان.", "سوريا", "Syria"),
    ("زار الوزير روسيا الأسبوع الماضي.", "روسيا", "Russia"),
])
def test_a_country_spelt_like_an_accusative_nisba_stays_the_country(recognizer, text, word, country):
    assert owners(recognizer, text, word) == {country}


@pytest.mark.parametrize("text, word", [
    ("وأكد أن الحل يجب أن يكون سياسيا ودوليا لا عسكريا.", "دوليا"),
    ("وقد صدر القرار رسميا وبات نهائيا.", "رسميا"),
    ("وتبين أن للمشكلة جذرا بنيويا في الاقتصاد.", "بنيويا"),
])
def test_an_adverb_ending_like_a_nisba_is_no_country(recognizer, text, word):
    assert owners(recognizer, text, word) == set()


@pytest.mark.parametrize("text, word", [
    ("وحيا المتحدث حماة الوطن الساهرين على أمنه.", "حماة"),
    ("وقال إن رجال الأمن هم حماة الديار.", "حماة"),
    ("وسقط في حمأة الفوضى من لا يعرف طريقه.", "حمأة"),
])
def test_protectors_of_are_not_hama(recognizer, text, word):
    assert "Ḩamāh" not in owners(recognizer, text, word)


@pytest.mark.parametrize("text", [
    "قصفت الطائرات مواقع في حماة صباح اليوم.",
    "تقدمت القوات في ريف حماة الشمالي.",
    "وصلت تعزيزات إلى مدينة حماة.",
    "وامتدت الاحتجاجات إلى حماة وحمص.",
])
def test_hama_the_city_is_found(recognizer, text):
    assert "Ḩamāh" in owners(recognizer, text, "حماة")


def test_the_base_of_an_article_about_an_air_base_is_not_al_qaeda(recognizer):
    text = ("استعادت القوات قاعدة الوادي الجوية بعد معارك عنيفة. وقال ضابط إن القاعدة باتت تحت السيطرة الكاملة، "
            "وإن عناصر القاعدة فروا منها.")
    doc = recognizer(SentenceSplitter()(Doc(id="t", text=text, published="2015-08-10")))
    qaeda = [m for e in doc.entities if e.name_en == "al-Qaeda" for m in e.mentions]
    assert [text[m.start - 6:m.end] for m in qaeda] == ["عناصر القاعدة"]


def test_al_qaeda_stays_al_qaeda_without_a_base(recognizer):
    text = "أعلن تنظيم القاعدة مسؤوليته عن الهجوم، وقال إن القاعدة ستواصل عملياتها."
    assert owners(recognizer, text, "القاعدة") == {"al-Qaeda"}


@pytest.mark.parametrize("text, word, country", [
    ("وجرى تغيير مجرى السيل قبل موسم الأمطار.", "مجرى", "Hungary"),
    ("وأصيب اللاعب في قدمه اليمنى خلال التمرين.", "اليمنى", "Yemen"),
])
def test_a_word_spelt_with_alif_maqsura_is_no_nisba(recognizer, text, word, country):
    assert country not in owners(recognizer, text, word)


def test_an_egyptian_spelt_nisba_is_its_country(recognizer):
    text = "وقال الوزير المصرى فى مؤتمر صحفى إن التعاون مستمر."
    assert owners(recognizer, text, "المصرى") == {"Egypt"}


def test_a_first_name_like_a_nisba_is_no_country(recognizer):
    text = "وأوضح الأستاذ تركي المانع أن البرنامج يبدأ الأسبوع المقبل."
    assert "Türkiye" not in owners(recognizer, text, "تركي")


def test_a_town_that_ends_a_persons_name_is_their_surname(recognizer):
    text = "التقى المبعوث برناردينو ليون بالوفود في جنيف. وقال ليون إن الحوار سيستمر."
    assert owners(recognizer, text, "ليون") == {"Bernardino León"}


def test_civilians_spelt_madanin_are_not_medenine(recognizer):
    # "مدنين" is also a common spelling of "civilians"; only a place word before it makes it the Tunisian town
    assert owners(recognizer, "قتل أربعة مدنين وأصيب آخرون في قصف عشوائي.", "مدنين") == set()
    assert owners(recognizer, "اندلعت مواجهات في مدينة مدنين جنوب البلاد.", "مدنين") == {"Medenine"}
