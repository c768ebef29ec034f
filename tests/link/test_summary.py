"""Story titles and summaries."""
from marsad.arabic.tokens import sentences
from marsad.doc import Doc
from marsad.link import summarise

AGREED = "أعلنت وزارة النقل افتتاح الطريق الدائري الجديد في مدينة حائل أمام حركة السير."


def d(i, title, text, dup=None):
    return Doc(id=i, title=title, text=text, sentences=sentences(text), duplicate_of=dup)


def test_summary_is_the_sentence_reports_agree_on():
    docs = [
        d("1", "افتتاح دائري حائل", AGREED + "\nوقال المتحدث إن الطريق يخفف الزحام."),
        d("2", "طريق حائل الدائري يفتح", "افتتحت وزارة النقل الطريق الدائري الجديد في حائل أمام حركة السير.\n"
                                         "وشهد الحفل حضور عدد من المسؤولين والأهالي في الموقع."),
        d("3", "دائري حائل أمام السيارات", "فتحت وزارة النقل الطريق الدائري الجديد بمدينة حائل لحركة السير."),
    ]
    title, summary = summarise(docs)
    assert "حائل" in title
    assert "الطريق الدائري الجديد" in summary


def test_copies_do_not_vote():
    docs = [d("1", "عنوان أول عن حائل", AGREED), d("2", "عنوان ثان", AGREED, dup="1")]
    assert summarise(docs)[0] == "عنوان أول عن حائل"
