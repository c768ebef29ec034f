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


def test_reports_repeating_a_quotation_share_fingerprints():
    from marsad.doc import Doc, Quote
    from marsad.link.signals import quote_prints

    said = "إن التعاون بين البلدين سيستمر في كل المجالات دون استثناء"

    def with_quote(text):
        d = Doc(id="x", text=text)
        d.quotes = [Quote(text=text, start=0, end=len(text), cue="قال", speaker=None)]
        return quote_prints(d)

    a = with_quote(said)
    b = with_quote("وإن التعاونَ بين البلدين سيستمر في كل المجالات")
    c = with_quote("الطقس حار جدا في الصيف هذا العام في معظم المناطق")
    assert len(a & b) >= 2 and not a & c
