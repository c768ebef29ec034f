"""Saving and restoring the linker's state."""
import pytest

from marsad.doc import Doc, Entity, Event, Actor, Mention, Place
from marsad.errors import LinkerStateError
from marsad.link import Linker

MEETING = ("التقى وزير الخارجية الأردني نظيره الياباني في عمّان وبحثا مشروع محطة تحلية المياه في العقبة "
           "وتمويل الجسر البحري الجديد، واتفقا على توقيع مذكرة تفاهم للتعاون في الطاقة الشمسية. "
           "وقال الوزير الأردني إن المشروع سيوفر المياه لسكان الجنوب خلال ثلاث سنوات من بدء العمل فيه.")
MEETING_2 = ("بحث وزير الخارجية الأردني مع نظيره الياباني في عمّان تمويل محطة تحلية المياه في العقبة والجسر "
             "البحري، وأعلن الجانبان توقيع مذكرة تفاهم في مجال الطاقة الشمسية.")
FLOOD = ("غمرت السيول عددا من الأحياء في مدينة أبها بعد أمطار غزيرة، وأعلن الدفاع المدني إنقاذ أربعين شخصا "
         "احتجزتهم المياه في سياراتهم على طريق الملك فهد.")
FLOOD_2 = "أنقذت فرق الدفاع المدني في أبها أربعين شخصا حاصرتهم السيول في سياراتهم بعد الأمطار الغزيرة."


def _amman(doc: Doc) -> Doc:
    doc.entities = [Entity(id="gpe:amman", name_en="Amman", name_ar="عمان", type="GPE",
                           mentions=[Mention(55, 59, "عمّان")])]
    doc.events = [Event(type="CONSULT", cameo="040", goldstein=1.0, source=Actor(country="JOR"),
                        target=Actor(country="JPN"), date=doc.published,
                        location=Place(name_en="Amman", entity="gpe:amman"), evidence_start=0, evidence_end=5)]
    return doc


def batch(prefix: str) -> list[Doc]:
    """Four reports: a meeting, its copy, a rewrite of it, a flood and a report of the flood."""
    rows = [(MEETING, "لقاء أردني ياباني في عمان", "2020-03-10"), (MEETING, "لقاء أردني ياباني", "2020-03-10"),
            (MEETING_2, "مذكرة تفاهم أردنية يابانية", "2020-03-11"), (FLOOD, "سيول أبها", "2020-03-11"),
            (FLOOD_2, "إنقاذ أربعين في أبها", None)]
    docs = [Doc(id=f"{prefix}{i}", text=t, title=h, published=p, outlet=f"o{i}") for i, (t, h, p) in enumerate(rows)]
    return [_amman(d) if i < 3 else d for i, d in enumerate(docs)]


def labels(docs: list[Doc]) -> list[tuple]:
    return [(d.story, d.duplicate_of, d.published) for d in docs]


def test_resumed_linker_links_like_one_that_never_stopped():
    one = Linker()
    for d in batch("a") + batch("b"):
        one.add(d)
    expected = labels([one.add(d) for d in batch("c")])
    first = Linker()
    for d in batch("a") + batch("b"):
        first.add(d)
    resumed = Linker()
    resumed.load(first.state())
    assert labels([resumed.add(d) for d in batch("c")]) == expected


def test_state_is_compact():
    lk = Linker()
    for d in batch("a"):
        lk.add(d)
    assert len(lk.state()) < 20_000


def test_damaged_state_is_refused():
    with pytest.raises(LinkerStateError):
        Linker().load(b"not a state")


def test_saved_state_keeps_the_figures_of_stories():
    lk = Linker()
    lk.add(Doc(id="m1", text="أغلق المؤشر عند 7412.38 نقطة مرتفعا 38.6 نقطة بنسبة 0.52 في المئة.",
               title="المؤشر يرتفع", published="2021-05-04", outlet="a"))
    resumed = Linker()
    resumed.load(lk.state())
    assert resumed.stories[0].figures == {"7412.38", "38.6", "0.52"}
