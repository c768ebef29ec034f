"""Near-duplicate detection."""
from marsad.link.dedup import Deduper

BODY = ("افتتح وزير الصحة اليوم مستشفى جديدا في مدينة تبوك بسعة مئتي سرير، وقال إن المستشفى سيخدم سكان المنطقة "
        "والمحافظات المجاورة، وإن العمل جار على إنشاء ثلاثة مراكز صحية أخرى قبل نهاية العام، مضيفا أن الوزارة "
        "خصصت ميزانية كبيرة لتطوير الخدمات الطبية في شمال المملكة وتدريب الكوادر الوطنية على أحدث الأجهزة.")
OTHER = ("أعلنت هيئة الأرصاد أن موجة حر ستضرب المنطقة الشرقية خلال الأيام المقبلة، ودعت السكان إلى تجنب التعرض "
         "لأشعة الشمس في ساعات الظهيرة، وأوضحت أن درجات الحرارة قد تتجاوز الخمسين درجة في بعض المحافظات، "
         "وأن الرياح ستكون نشطة على السواحل مع ارتفاع نسبة الرطوبة ليلا في المدن الساحلية.")


def test_copy_points_at_the_first_report():
    d = Deduper()
    assert d.add("a", BODY) is None
    assert d.add("b", BODY.replace("اليوم", "أمس")) == "a"


def test_different_texts_are_not_copies():
    d = Deduper()
    d.add("a", BODY)
    assert d.add("b", OTHER) is None


def test_short_texts_are_never_copies():
    d = Deduper()
    d.add("a", "وصل الوفد إلى الرياض")
    assert d.add("b", "وصل الوفد إلى الرياض") is None
