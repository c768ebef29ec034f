"""The quotes stage: quotation marks, reporting verbs, speakers, carry-over and indirect speech."""
from __future__ import annotations

import pytest

from marsad.analyse.quotes import QuoteFinder
from marsad.analyse.sentences import SentenceSplitter
from marsad.doc import Doc, Entity, Mention

# Entities of the made-up sentences below: (id, name_en, type, surface forms as they appear, how).
PEOPLE = [
    ("p:hamdan", "Karim Hamdan", "PER", [("كريم حمدان", "name"), ("حمدان", "surname"),
                                         ("وزير المالية الأردني", "office")]),
    ("p:saleh", "Mona Saleh", "PER", [("منى صالح", "name"), ("صالح", "surname")]),
    ("o:health", "Ministry of Health of Egypt", "ORG", [("وزارة الصحة المصرية", "name"),
                                                         ("الصحة المصرية", "alias")]),
    ("o:agency", "Petra", "ORG", [("وكالة بترا", "name")], "MED"),
    ("g:jor", "Jordan", "GPE", [("الأردن", "name"), ("الأردني", "nisba")]),
    ("p:ali", "Ali Nasser", "PER", [("علي ناصر", "name")]),
    ("o:union", "Jordanian Teachers Union", "ORG", [("نقابة المعلمين الأردنيين", "name")]),
    ("g:isr", "Israel", "GPE", [("إسرائيل", "name")]),
]


def make_doc(text: str) -> Doc:
    """A Doc with sentences and hand-made entity mentions for every surface form found in `text`."""
    doc = SentenceSplitter()(Doc(id="t", text=text, published="2024-05-01"))
    for eid, name, typ, forms, *sector in PEOPLE:
        ent = Entity(eid, name, forms[0][0], typ, sector=sector[0] if sector else None)
        taken: list[tuple[int, int]] = []
        for surface, how in sorted(forms, key=lambda f: -len(f[0])):
            i = text.find(surface)
            while i >= 0:
                if not any(a <= i < b for a, b in taken):
                    ent.mentions.append(Mention(i, i + len(surface), surface, how))
                    taken.append((i, i + len(surface)))
                i = text.find(surface, i + 1)
        if ent.mentions:
            doc.entities.append(ent)
    return doc


@pytest.fixture(scope="module")
def finder() -> QuoteFinder:
    return QuoteFinder.default()


def direct(finder, text):
    return [q for q in finder(make_doc(text)).quotes if q.kind == "direct"]


@pytest.mark.parametrize("text, said", [
    ("وقال كريم حمدان: «نحن ماضون في الإصلاح».", "نحن ماضون في الإصلاح"),
    ("وقال كريم حمدان: “نحن ماضون في الإصلاح”.", "نحن ماضون في الإصلاح"),
    ('وقال كريم حمدان: "نحن ماضون في الإصلاح".', "نحن ماضون في الإصلاح"),
    ('وقال كريم حمدان "نحن ماضون في الإصلاح".', "نحن ماضون في الإصلاح"),
    ("وقال كريم حمدان:» نحن ماضون في الإصلاح».", "نحن ماضون في الإصلاح"),
])
def test_every_quotation_mark_style(finder, text, said):
    qs = direct(finder, text)
    assert [q.text for q in qs] == [said]
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_text_excludes_marks_and_offsets_hold(finder):
    doc = finder(make_doc("وأكدت منى صالح: «الموازنة جاهزة للتصويت»."))
    q = doc.quotes[0]
    assert doc.text[q.start:q.end] == q.text == "الموازنة جاهزة للتصويت"
    assert q.cue == "أكد" and q.date == "2024-05-01"


def test_quotation_spanning_sentences(finder):
    qs = direct(finder, "وقالت منى صالح: «الموازنة جاهزة. وسنرسلها إلى البرلمان غدا».")
    assert qs[0].text == "الموازنة جاهزة. وسنرسلها إلى البرلمان غدا"


def test_missing_closing_mark_ends_at_paragraph(finder):
    qs = direct(finder, "وقالت منى صالح: «الموازنة جاهزة للتصويت\nوفي شأن آخر، افتتح المعرض.")
    assert qs[0].text == "الموازنة جاهزة للتصويت"


def test_quotation_over_two_paragraphs_keeps_its_speaker(finder):
    qs = direct(finder, "وقالت منى صالح: «الموازنة جاهزة للتصويت.\n«وسنرسلها إلى البرلمان غدا».")
    assert [q.text for q in qs] == ["الموازنة جاهزة للتصويت.", "وسنرسلها إلى البرلمان غدا"]
    assert all(q.speaker.name_en == "Mona Saleh" for q in qs)


@pytest.mark.parametrize("verb", ["قال", "أضاف", "أكد", "تابع", "أوضح", "شدد", "اعتبر"])
def test_reporting_verbs(finder, verb):
    qs = direct(finder, f"و{verb} كريم حمدان: «الضرائب لن ترتفع هذا العام».")
    assert qs and qs[0].speaker.name_en == "Karim Hamdan"


def test_subject_is_first_noun_phrase_not_circumstance(finder):
    text = "وقال وزير المالية الأردني، خلال لقائه مع منى صالح في عمان، «الضرائب لن ترتفع هذا العام»."
    assert direct(finder, text)[0].speaker.name_en == "Karim Hamdan"


def test_transmitted_speech_names_the_speaker_not_the_agency(finder):
    text = "ونقلت وكالة بترا عن كريم حمدان قوله إن «الضرائب لن ترتفع هذا العام»."
    assert direct(finder, text)[0].speaker.name_en == "Karim Hamdan"


@pytest.mark.parametrize("follow", ["وأضاف: «والأسعار مستقرة منذ شهرين».", "وتابع: «والأسعار مستقرة منذ شهرين».",
                                    "وأضاف أن «الأسعار مستقرة منذ شهرين»."])
def test_speaker_carried_over_to_verb_without_subject(finder, follow):
    qs = direct(finder, "وقال كريم حمدان: «الضرائب لن ترتفع». " + follow)
    assert len(qs) == 2 and qs[1].speaker.name_en == "Karim Hamdan"


def test_participle_carries_the_speaker(finder):
    qs = finder(make_doc("وأكدت منى صالح أن الموازنة جاهزة، مشيرة إلى أن «التصويت سيجري الأحد المقبل»."))
    q = [q for q in qs.quotes if q.kind == "direct"][0]
    assert q.text.startswith("التصويت") and q.speaker.name_en == "Mona Saleh"


def test_speaker_named_after_the_quotation(finder):
    qs = direct(finder, "«الضرائب لن ترتفع هذا العام»، قال كريم حمدان.")
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_ministry_is_a_speaker(finder):
    qs = direct(finder, "وقالت وزارة الصحة المصرية في بيان: «اللقاح متوفر في كل المحافظات».")
    assert qs[0].speaker.name_en == "Ministry of Health of Egypt"


def test_nisba_alone_is_not_preferred_over_a_person(finder):
    qs = direct(finder, "وقال كريم حمدان الأردني: «الضرائب لن ترتفع هذا العام».")
    assert qs[0].speaker.name_en == "Karim Hamdan"


@pytest.mark.parametrize("text", ["وقال كريم حمدان إن الضرائب لن ترتفع هذا العام.",
                                  "وأكدت منى صالح أن الموازنة جاهزة للتصويت."])
def test_indirect_speech_is_its_own_kind(finder, text):
    qs = finder(make_doc(text)).quotes
    assert [q.kind for q in qs] == ["indirect"]
    assert qs[0].text.split()[0] in ("الضرائب", "الموازنة")


def test_indirect_speech_can_be_switched_off():
    qf = QuoteFinder.default({"quotes_indirect": False})
    assert qf(make_doc("وقال كريم حمدان إن الضرائب لن ترتفع هذا العام.")).quotes == []


@pytest.mark.parametrize("text", ["وأعلن تنظيم «داعش» مسؤوليته عن الهجوم.",
                                  "وزار الوزير معرض «الكتاب العربي» في عمان.",
                                  "وقال كريم حمدان إن «التحالف» ضعيف."])
def test_names_and_scare_quotes_are_not_direct_quotations(finder, text):
    assert direct(finder, text) == []


def test_anonymous_source_has_no_entity(finder):
    qs = direct(finder, "وقالت مصادر مطلعة: «الاتفاق سيوقع قريبا جدا».")
    assert qs[0].speaker.entity is None and qs[0].speaker.text.startswith("مصادر")


def test_reporting_verb_inside_a_quotation_is_not_a_cue(finder):
    qs = direct(finder, "وقال كريم حمدان: «قال لي صديق إن الأسعار سترتفع، ولم أصدقه».")
    assert len(qs) == 1 and finder(make_doc("وقال كريم حمدان: «قال لي صديق إن الأسعار سترتفع».")).quotes[0].kind == "direct"


def test_quoted_phrase_after_a_preposition_is_not_a_quotation(finder):
    assert direct(finder, "وأكد الجانبان خلاله مجددا حرصهما على «تعزيز التعاون بين البلدين الشقيقين».") == []


def test_an_agency_named_after_a_quotation_relays_it_and_the_sentence_subject_speaks(finder):
    text = "وهنأ كريم حمدان الفريق على فوزه الذي وصفه بأنه \"إنجاز تاريخي للأردن\"، حسبما ذكرت وكالة بترا."
    qs = direct(finder, text)
    assert [q.text for q in qs] == ["إنجاز تاريخي للأردن"]
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_a_quotation_is_dated_by_when_it_was_said_not_by_the_days_it_speaks_of(finder):
    from marsad.analyse.dates import DateResolver

    doc = make_doc("وقال كريم حمدان أمس: «سنعقد المؤتمر يومي 8 و9 نوفمبر المقبل في عمّان».")
    doc.published = "2026-10-12"
    [q] = [q for q in finder(DateResolver.default()(doc)).quotes if q.kind == "direct"]
    assert q.date == "2026-10-11"


def test_a_name_after_an_office_and_its_qualifiers_is_the_speaker(finder):
    text = ("وقال نائب رئيس الوفد الأردني الذي يشارك في المفاوضات التجارية منى صالح في تصريحات أمس: "
            "«لن نوقع قبل حماية صغار المزارعين».")
    qs = direct(finder, text)
    assert [q.speaker.name_en for q in qs] == ["Mona Saleh"]


def test_a_person_after_a_preposition_in_the_subject_is_not_the_speaker(finder):
    text = "وقال مسؤول في الوفد الأردني بعد لقائه مع منى صالح: «المحادثات كانت صريحة ومفيدة»."
    qs = direct(finder, text)
    assert qs and all(q.speaker is None or q.speaker.name_en != "Mona Saleh" for q in qs)


def test_bi_qawlihi_points_back_to_the_last_speaker(finder):
    text = ("وأكد كريم حمدان أن الموازنة ستقر قريبا. واستطرد بقوله: «لن نرفع الضرائب على الخبز».")
    qs = direct(finder, text)
    assert [q.speaker.name_en for q in qs] == ["Karim Hamdan"]


def speakers(finder, text):
    return [(q.text, q.speaker.name_en if q.speaker else None) for q in finder(make_doc(text)).quotes
            if q.kind == "direct"]


def test_a_name_that_folds_like_a_preposition_is_the_speaker(finder):
    # "علي" folds like "على", which ends a subject; a name is never a stop word
    assert speakers(finder, "وقال علي ناصر في رسالته إلى الوزارة: «القرار كان خاطئا».") == [
        ("القرار كان خاطئا", "Ali Nasser")]


def test_pronoun_subject_before_the_verb_is_the_person_named_before(finder):
    got = speakers(finder, "وقال كريم حمدان إن الوضع صعب. لكنه دعا إسرائيل إلى أن «تنسحب فورا من المنطقة».")
    assert got == [("تنسحب فورا من المنطقة", "Karim Hamdan")]


@pytest.mark.parametrize("text", [
    "وقالت منى صالح إن الوضع صعب. ودعت «كل الأطراف إلى ضبط النفس».",
    "وقالت منى صالح: «الوضع صعب». ثم ردت صالح بقولها: «كل الأطراف إلى ضبط النفس».",
])
def test_appeals_and_replies_introduce_quotations(finder, text):
    assert ("كل الأطراف إلى ضبط النفس", "Mona Saleh") in speakers(finder, text)


def test_a_name_in_quotation_marks_is_not_a_quotation(finder):
    got = speakers(finder, "وشددت «نقابة المعلمين الأردنيين»، بعد ساعات من الاجتماع، على مطالبها.")
    assert got == []


def test_verb_coordinated_with_an_earlier_clause_takes_its_subject(finder):
    got = speakers(finder, "وفيما أطلق كريم حمدان حملة واسعة لإقناع النواب، واعتبر أن «رفض الخطة سيكون خطأ كبيرا».")
    assert got == [("رفض الخطة سيكون خطأ كبيرا", "Karim Hamdan")]


def test_a_pronoun_after_a_preposition_is_not_the_speaker(finder):
    # "قالت فيه": the statement's author, named earlier in the sentence, speaks
    got = speakers(finder, "وأصدرت منى صالح بيانا قالت فيه: «أشعر بالصدمة من القرار».")
    assert got == [("أشعر بالصدمة من القرار", "Mona Saleh")]


def test_a_second_straight_quotation_ends_one_left_open(finder):
    qs = direct(finder, 'وقال كريم حمدان إن الخطة "ستخفض الأسعار في الأسواق الشعبية، مضيفا أن '
                        '"الرواتب سترتفع مع بداية العام المقبل في كل الوزارات".')
    assert [q.text for q in qs] == ["ستخفض الأسعار في الأسواق الشعبية", "الرواتب سترتفع مع بداية العام المقبل في كل الوزارات"]
    assert all(q.speaker.name_en == "Karim Hamdan" for q in qs)


def test_a_short_name_in_straight_marks_inside_a_straight_quotation_stays_inside(finder):
    qs = direct(finder, 'وقال كريم حمدان: "نعمل مع شركائنا في مجموعة "أوبك" على استقرار السوق".')
    assert [q.text for q in qs] == ['نعمل مع شركائنا في مجموعة "أوبك" على استقرار السوق']


def test_a_guillemet_left_open_does_not_swallow_the_next_quotation(finder):
    qs = direct(finder, 'وأعلنت الوزارة «تشكيل لجنة للتحقيق في الحادث. وقال كريم حمدان في رسالته: '
                        '"اللجنة ستنهي عملها خلال أسبوع".')
    assert qs[-1].text == "اللجنة ستنهي عملها خلال أسبوع"
    assert qs[-1].speaker.name_en == "Karim Hamdan"


def test_a_quotation_quoted_after_a_colon_inside_another_stays_nested(finder):
    qs = direct(finder, 'وقال كريم حمدان: «قال لي السفير: "لا نقبل ذلك" ثم غادر القاعة».')
    assert [q.text for q in qs] == ['قال لي السفير: "لا نقبل ذلك" ثم غادر القاعة']


@pytest.mark.parametrize("text, speaker", [
    ("وجاء في بيان لوزارة الصحة المصرية: «لا إصابات جديدة اليوم».", "Ministry of Health of Egypt"),
    ("وجاء في بيان صادر عن نقابة المعلمين الأردنيين: «لا إصابات جديدة اليوم».", "Jordanian Teachers Union"),
    ("وأصدرت نقابة المعلمين الأردنيين بيانا جاء فيه: «لا إصابات جديدة اليوم».", "Jordanian Teachers Union"),
    ("ونشرت الصحيفة مقالا لكريم حمدان عن الموازنة. وقالت منى صالح إن المقال مهم. "
     "وجاء في المقال: «لا إصابات جديدة اليوم».", "Karim Hamdan"),
])
def test_a_quoted_text_speaks_for_its_author(finder, text, speaker):
    qs = direct(finder, text)
    assert [q.text for q in qs] == ["لا إصابات جديدة اليوم"]
    assert qs[0].speaker.name_en == speaker


def test_an_unnamed_author_of_a_text_is_anonymous(finder):
    qs = direct(finder, 'وجدد كريم حمدان عقده. وجاء في بيان النادي: "نحن سعداء بالاتفاق".')
    assert qs[0].speaker.entity is None and qs[0].speaker.text == "النادي"


@pytest.mark.parametrize("text", ["وجاء ذلك خلال لقائه بالسفير: «نحن هنا».", "وجاء في المرتبة الثانية: «فريق الأمل»."])
def test_ja_a_without_a_text_introduces_nothing(finder, text):
    assert all(q.cue != "جاء" for q in finder(make_doc(text)).quotes)


def test_a_participle_takes_the_subject_that_opens_its_sentence(finder):
    qs = direct(finder, 'وأشار التقرير إلى تحسن الأداء. ومضى كريم حمدان قائلا: "النمو سيستمر".')
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_a_participle_does_not_take_a_person_thanked_further_on(finder):
    qs = direct(finder, 'وتحدث المشاركون عن المؤتمر. ورفع الحضور الشكر إلى كريم حمدان على دعمه، داعين الله "أن يوفقه".')
    assert qs == [] or qs[0].speaker is None or qs[0].speaker.name_en != "Karim Hamdan"


def test_a_closing_form_after_a_colon_opens_the_next_quotation(finder):
    qs = direct(finder, "وقال كريم حمدان:» لا عودة إلى الوراء ونعمل للجميع وقال:» الحكومة مسؤولة عن الأزمة».")
    assert [q.text for q in qs] == ["لا عودة إلى الوراء ونعمل للجميع", "الحكومة مسؤولة عن الأزمة"]


def test_an_opening_form_a_word_after_its_pair_closes_a_name(finder):
    qs = direct(finder, "وأكد كريم حمدان في تصريحات لقناة “الرافدين “المحلية نشرت اليوم استعداد بلاده للحوار.")
    assert qs == []


def test_a_name_marked_inside_a_quotation_a_word_in_stays_nested(finder):
    qs = direct(finder, "وأضاف كريم حمدان: «إن «نقابة المعلمين الأردنيين» لن تتراجع عن مطالبها».")
    assert [q.text for q in qs] == ["إن «نقابة المعلمين الأردنيين» لن تتراجع عن مطالبها"]


def test_a_long_quotation_right_after_the_verb_is_reported_though_the_sentence_goes_on(finder):
    qs = direct(finder, 'وقال كريم حمدان إن الإصلاح ماض. وأضاف "سنحاسب كل من يعبث بالمال العام" في إشارة إلى المسؤولين.')
    assert [q.text for q in qs] == ["سنحاسب كل من يعبث بالمال العام"]
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_a_quoted_name_right_after_the_verb_is_its_subject_when_a_clause_follows(finder):
    qs = direct(finder, 'وأكد "مركز الدراسات الاقتصادية في عمان" في بيانه أن الأسعار سترتفع.')
    assert qs == []


def test_a_cue_word_after_tamma_is_a_verbal_noun(finder):
    qs = direct(finder, 'وقال كريم حمدان الذي تم نقل كلمته عبر التلفزيون إن "الحكومة لن تتراجع عن خطتها".')
    assert qs[0].speaker.name_en == "Karim Hamdan"


@pytest.mark.parametrize("text", ["ونقلت فرق الإسعاف المصابين إلى المستشفى، إلا أن أحدهم توفي لاحقا.",
                                  "وسيؤدي المشروع إلى نقل الركاب بسرعة، علما أن كلفته مرتفعة."])
def test_naql_without_a_source_moves_things_and_reports_nothing(finder, text):
    assert finder(make_doc(text)).quotes == []


def test_naql_by_a_named_agency_without_a_source_reports(finder):
    qs = finder(make_doc("ونقلت وكالة بترا أن الوفد وصل إلى عمان.")).quotes
    assert [q.speaker.name_en for q in qs] == ["Petra"]


def test_naql_anhu_takes_the_source_named_before(finder):
    qs = direct(finder, "وقال كريم حمدان إن الخطة جاهزة. ونقلت عنه وكالة بترا قوله: «سنبدأ التنفيذ الشهر المقبل».")
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_an_an_inside_the_reported_clause_is_not_the_source(finder):
    qs = direct(finder, 'ونقلت وكالة بترا أن "المواطنين عبروا عن ارتياحهم لقرارات منى صالح".')
    assert [q.speaker.name_en for q in qs] == ["Petra"]


@pytest.mark.parametrize("first", [
    "وندد كريم حمدان بالهجوم على المدرسة.",
    "من جانبه، انتقد وزير المالية الأردني كريم حمدان قرار البرلمان.",
])
def test_a_bare_qala_after_a_sentence_reporting_no_speech_takes_that_sentence_subject(finder, first):
    qs = direct(finder, "وقالت منى صالح: «الموازنة جاهزة». " + first + " وقال: «لن نسمح بتكرار ذلك».")
    assert qs[-1].text == "لن نسمح بتكرار ذلك" and qs[-1].speaker.name_en == "Karim Hamdan"


def test_the_subject_taken_for_a_bare_qala_carries_on(finder):
    text = "وقالت منى صالح: «الموازنة جاهزة». وندد كريم حمدان بالهجوم. وقال: «لن نسمح بذلك». وأضاف: «سنحاسب الفاعلين»."
    assert [q.speaker.name_en for q in direct(finder, text)] == ["Mona Saleh", "Karim Hamdan", "Karim Hamdan"]


@pytest.mark.parametrize("first", [
    "وكرر رفض التعاون مع كريم حمدان.",  # the verb's subject is a pronoun; the person named is its object
    "وفي ما يتعلق بكريم حمدان، يرى المراقبون أن الوضع صعب.",  # the sentence opens with a circumstance
    "وبين أن كريم حمدان سيزور عمان.",  # itself a report: its speaker is the last one
    '"سيزور كريم حمدان عمان قريبا".',  # the end of a quotation
])
def test_a_bare_qala_keeps_the_last_speaker_when_the_sentence_before_has_no_subject_of_its_own(finder, first):
    qs = direct(finder, "وقالت منى صالح: «الموازنة جاهزة». " + first + " وقال: «لن نسمح بتكرار ذلك».")
    assert qs[-1].speaker.name_en == "Mona Saleh"


def test_a_bare_qala_after_a_sentence_with_a_speech_cue_keeps_that_cue_speaker(finder):
    text = "وقالت منى صالح إن الموازنة جاهزة. واستقبل كريم حمدان الوفد. وأكدت منى صالح أن التصويت قريب. وقال: «نحن مستعدون»."
    assert direct(finder, text)[-1].speaker.name_en == "Mona Saleh"


def test_an_adverb_between_a_clause_initial_verb_and_its_subject_is_stepped_over(finder):
    qs = direct(finder, "وقالت منى صالح: «الموازنة جاهزة». وقال أيضا كريم حمدان: «سنصوت عليها غدا».")
    assert qs[-1].speaker.name_en == "Karim Hamdan"


def test_an_adverb_after_a_verb_inside_a_clause_is_not_stepped_over(finder):
    text = "وقالت منى صالح إن البرنامج يؤكد أيضا اهتمام كريم حمدان بالتعليم. وأضافت: «سنوسع البرنامج»."
    assert direct(finder, text)[-1].speaker.name_en == "Mona Saleh"


@pytest.mark.parametrize("relation", ["نائب", "نجل", "مستشار"])
def test_a_person_named_as_the_relative_of_the_speaker_is_not_the_speaker(finder, relation):
    qs = direct(finder, f"وقال {relation} كريم حمدان للصحفيين: «الوضع مستقر».")
    assert qs[0].speaker is not None and qs[0].speaker.name_en != "Karim Hamdan"


def test_a_spokesman_named_with_the_body_he_speaks_for_is_the_speaker(finder):
    qs = direct(finder, "وقال المتحدث باسم كريم حمدان علي ناصر: «الوزير في صحة جيدة».")
    assert qs[0].speaker.name_en == "Ali Nasser"


def test_an_unnamed_spokesman_speaks_for_his_body(finder):
    qs = direct(finder, "وقال المتحدث باسم وزارة الصحة المصرية: «اللقاح متوفر».")
    assert qs[0].speaker.name_en == "Ministry of Health of Egypt"


def test_a_whole_quoted_sentence_after_a_later_complementiser_of_a_reported_clause_is_quoted(finder):
    text = ('حذر كريم حمدان النواب من أن رفض الموازنة يمس "ثقة" المستثمرين، كما أن من شأن الرفض أن '
            '"يوقف رواتب الموظفين في الشهر المقبل".')
    qs = direct(finder, text)
    assert [q.text for q in qs] == ["يوقف رواتب الموظفين في الشهر المقبل"]
    assert qs[0].speaker.name_en == "Karim Hamdan"


@pytest.mark.parametrize("quoted", ["ثقة", "نقابة المعلمين الأردنيين"])
def test_a_word_or_a_name_in_marks_inside_a_reported_clause_is_not_a_quotation(finder, quoted):
    text = f'وأكد كريم حمدان أن الحكومة تقدر، كما أنها ترى أن "{quoted}" شريك في القرار.'
    assert direct(finder, text) == []


def test_a_definite_oblique_plural_after_the_verb_is_its_object_not_the_speaker(finder):
    text = ('وفيما بدأ كريم حمدان جولة في المحافظات، حذر المزارعين الأردنيين من أن '
            '"المياه لن تكفي كل القرى في الموسم المقبل".')
    qs = direct(finder, text)
    assert qs[0].speaker.name_en == "Karim Hamdan"


def test_a_person_addressed_after_mukhatiban_is_not_the_speaker(finder):
    text = "وقال كريم حمدان إن الحوار مستمر. وأضاف مخاطبا علي ناصر: «الباب ما زال مفتوحا أمام الجميع»."
    assert direct(finder, text)[0].speaker.name_en == "Karim Hamdan"


def test_a_place_after_a_preposition_before_a_bare_verb_is_not_its_subject(finder):
    text = "وقال كريم حمدان إن الحوار مستمر. والوضع في الأردن يؤكد أن «الإصلاح طريقنا الوحيد إلى المستقبل»."
    assert direct(finder, text)[0].speaker.name_en != "Jordan"


def test_a_nationality_adjective_alone_after_the_verb_is_a_family_name_not_the_country(finder):
    text = "وقال الأردني: «سنعود إلى الملعب أقوى من قبل»."
    qs = direct(finder, text)
    assert qs[0].speaker.name_en is None and qs[0].speaker.text == "الأردني"
