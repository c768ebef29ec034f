"""Entity recognition and resolution on the fixture catalogue (no model): orthography, nisbas, offices, roles."""
from __future__ import annotations

from pathlib import Path

import pytest

from marsad.analyse.entities import EntityRecognizer
from marsad.analyse.sentences import SentenceSplitter
from marsad.doc import Doc

FIXTURE = str(Path(__file__).parent / "fixtures" / "catalogue")


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer.default(catalogue_dir=FIXTURE, use_model=False)


def run(rec: EntityRecognizer, text: str, published: str | None = "2024-04-09") -> Doc:
    doc = SentenceSplitter()(Doc(id="t", text=text, published=published))
    return rec(doc)


def mentions_of(doc: Doc, eid: str) -> list[tuple[str, str]]:
    ent = doc.entity(eid)
    return [(m.text, m.how) for m in ent.mentions] if ent else []


@pytest.mark.parametrize("text, eid, surface", [
    ("وصل الوفد إلى موسكو وبكين مساء أمس", "beijing", "بكين"),
    ("وقالت الحكومة إن دعمها لروسيا ثابت", "russia", "روسيا"),
    ("فبكين لن تقبل بهذا الشرط", "beijing", "بكين"),
    ("ووصل المبعوث بموسكو قبل الظهر", "moscow", "موسكو"),
    ("تعاون وثيق كروسيا مع جيرانها", "russia", "روسيا"),
    ("وبروسيا تمر أنابيب الغاز", "russia", "روسيا"),
])
def test_clitics_glued_to_a_name(recognizer, text, eid, surface):
    assert (surface, "name") in mentions_of(run(recognizer, text), eid)


@pytest.mark.parametrize("text", ["أعلنت الوزارة دعمها للصين في المفاوضات", "وللصين مصالح في المنطقة"])
def test_article_merged_with_lam(recognizer, text):
    assert mentions_of(run(recognizer, text), "china")


@pytest.mark.parametrize("text, eid", [
    ("وصل مبعوث من امريكا", "usa"),  # no hamza on the alef
    ("وصل مبعوث من أمريكا", "usa"),
    ("أقر مجلس الشوري القانون", "shura"),  # ya for alef maqsura
    ("تأسست جمهورية الصين الشعبيه عام 1949", "china"),  # ha for ta marbuta
    ("التقى الرئيس بُوتِين بالوفد", "putin"),  # diacritics
    ("أعلنت الخارجيـــة الروسية", "mfa_ru"),  # tatweel
])
def test_letter_variants(recognizer, text, eid):
    assert mentions_of(run(recognizer, text), eid)


def test_mention_offsets_cover_the_original_text_with_its_diacritics(recognizer):
    doc = run(recognizer, "التقى الرئيس بُوتِين بالوفد")
    m = doc.entity("putin").mentions[0]
    assert doc.text[m.start:m.end] == m.text == "بُوتِين"


@pytest.mark.parametrize("spelling", ["وانغ يي", "وانج يي", "وانق يي"])
def test_foreign_g_spellings(recognizer, spelling):
    assert mentions_of(run(recognizer, f"اجتمع {spelling} مع السفراء"), "wangyi")


@pytest.mark.parametrize("text, country, surface", [
    ("قال مسؤول روسي إن المحادثات بناءة", "russia", "روسي"),
    ("نقلت الصحف الصينية الخبر", "china", "الصينية"),
    ("تحدث للتلفزيون الروسي مساء الأحد", "russia", "الروسي"),
    ("استقبل المسؤولون الصينيين في المطار", "china", "الصينيين"),
])
def test_nisba_adjectives_mention_the_country(recognizer, text, country, surface):
    assert (surface, "nisba") in mentions_of(run(recognizer, text), country)


def test_nisba_needs_a_whole_word(recognizer):
    doc = run(recognizer, "حضر الطلاب دروس المساء")
    assert doc.entity("russia") is None


def test_office_resolves_to_the_holder_on_the_article_date(recognizer):
    doc = run(recognizer, "قال وزير الخارجية الروسي إن الاجتماع كان مثمرا")
    assert ("وزير الخارجية الروسي", "office") in mentions_of(doc, "lavrov")


@pytest.mark.parametrize("text, surface, how", [
    ("قال وزير الخارجية الروسي إن الاجتماع كان مثمرا", "الروسي", "nisba"),
    ("قال وزير خارجية روسيا إن الاجتماع كان مثمرا", "روسيا", "name"),
])
def test_country_inside_an_office_phrase_is_a_nested_mention(recognizer, text, surface, how):
    assert mentions_of(run(recognizer, text), "russia") == [(surface, how)]


def test_office_without_holder_on_that_date_keeps_country_and_sector(recognizer):
    doc = run(recognizer, "قال وزير الخارجية الصيني إن الاجتماع كان مثمرا", published="2023-03-01")
    assert doc.entity("wangyi") is None
    ent = doc.entity("office:CHN:foreign_minister")
    assert (ent.type, ent.country, ent.sector) == ("PER", "CHN", "GOV")


def test_person_gets_role_of_the_date(recognizer):
    ent = run(recognizer, "وصل فلاديمير بوتين إلى العاصمة").entity("putin")
    assert (ent.country, ent.sector, ent.role) == ("RUS", "GOV", "President")


def test_minister_title_fits_a_secretary(recognizer):
    doc = run(recognizer, "وصل أنتوني بلينكن إلى القاهرة. وقال الوزير الأمريكي إن الزيارة مهمة.")
    assert ("الوزير الأمريكي", "office") in mentions_of(doc, "blinken")


def test_title_and_nisba_after_the_person_was_named(recognizer):
    doc = run(recognizer, "التقى سيرغي لافروف مع وانغ يي في موسكو. وقال الوزير الصيني إن اللقاء مفيد.")
    assert ("الوزير الصيني", "office") in mentions_of(doc, "wangyi")


def test_counterpart_resolves_through_the_same_office(recognizer):
    doc = run(recognizer, "استقبل الرئيس الروسي نظيره الصيني في الكرملين")
    assert ("نظيره الصيني", "office") in mentions_of(doc, "xi")
    assert ("الرئيس الروسي", "office") in mentions_of(doc, "putin")


@pytest.mark.parametrize("text, eid, alias", [
    ("والتقى وزير الخارجية الصيني فان يي بالصحفيين", "wangyi", "فان يي"),
    ("ورحب الرئيس الروسي بدعوة نظيره الصيني تشي جينغ بين لزيارة بكين", "xi", "تشي جينغ بين"),
])
def test_misspelt_name_after_an_office(recognizer, text, eid, alias):
    assert (alias, "alias") in mentions_of(run(recognizer, text), eid)


def test_misspelling_learnt_once_is_found_again(recognizer):
    doc = run(recognizer, "التقى وزير الخارجية الصيني فان يي بالوفد. وأكد فان يي أن بلاده مستعدة.")
    assert [t for t, how in mentions_of(doc, "wangyi") if t == "فان يي"] == ["فان يي", "فان يي"]


def test_surname_alone(recognizer):
    assert ("لافروف", "surname") in mentions_of(run(recognizer, "وأضاف لافروف أن الحوار مستمر"), "lavrov")


def test_longest_match_wins(recognizer):
    doc = run(recognizer, "أصدرت وزارة الخارجية الروسية بيانا")
    assert mentions_of(doc, "mfa_ru") == [("وزارة الخارجية الروسية", "name")]
    assert doc.entity("russia") is None


def test_title_before_a_name_leaves_the_name(recognizer):
    doc = run(recognizer, "وقال الرئيس فلاديمير بوتين إن العلاقات جيدة")
    assert ("فلاديمير بوتين", "name") in mentions_of(doc, "putin")


def test_places_carry_country_and_coordinates(recognizer):
    ent = run(recognizer, "وصل الوفد إلى بكين").entity("beijing")
    assert (ent.type, ent.country, ent.wikidata) == ("GPE", "CHN", "Q956")
    assert ent.lat == pytest.approx(39.9) and ent.lon == pytest.approx(116.4)


def test_every_mention_maps_back_to_the_text(recognizer):
    text = "قال وزير الخارجية الروسي سيرجي لافروف في بكين إن روسيا والصين شريكان، وأكد الرئيس الصيني ذلك."
    doc = run(recognizer, text)
    assert doc.entities
    for ent in doc.entities:
        assert ent.mentions
        for m in ent.mentions:
            assert doc.text[m.start:m.end] == m.text


def test_no_entities_in_text_without_names(recognizer):
    assert run(recognizer, "كان الطقس معتدلا طوال اليوم").entities == []


@pytest.mark.parametrize("name, common, n", [
    ("لمنظمه شنغهاي", {"منظمه"}, 1),
    ("والمحيط الهادي", set(), 1),
    ("وبالمدينه المنوره", set(), 2),
    ("وليد خالد", set(), 0),
    ("بكر صدقي", {"كر"}, 0),
])
def test_model_names_lose_a_glued_clitic_only_before_a_word(name, common, n):
    from marsad.analyse.entities.clitics import lexicon
    from marsad.analyse.entities.resolve import clitic_length

    assert clitic_length(name, lexicon(), frozenset(common)) == n


NAME_LIST = {"محمد": "PER", "ريم": "PER", "فيصل": "PER", "وزان": "PER", "كاليفورنيا": "LOC"}


@pytest.mark.parametrize("name, n", [
    ("ومحمد الحربي", 1),  # "and" before a listed first name in a list of names
    ("وجامعه الملك سعود", 1),  # before a word that heads a name
    ("بجامعه الملك سعود", 1),
    ("فيصل المطيري", 0),  # a listed name whole, not ف + يصل
    ("بريم", 0),  # a foreign name whose first letter is not a clitic before ريم
    ("لوزان", 0),
    ("كاليفورنيا", 0),  # a listed name whose first letter and article read like ك + ال
    ("وليد خالد", 0),
])
def test_model_names_lose_a_conjunction_before_a_listed_name_and_keep_listed_names_whole(name, n):
    from marsad.analyse.entities.clitics import lexicon
    from marsad.analyse.entities.resolve import clitic_length

    assert clitic_length(name, lexicon(), frozenset({"يصل"}), NAME_LIST) == n


def test_model_spans_become_entities_named_as_written(recognizer):
    from marsad.analyse.entities.resolve import DocEntities, ModelSpan, resolve_model, to_original

    doc = Doc(id="t", text="قال أحمد الراشد إن الراشد سيعود")
    text = doc.norm.text
    de = DocEntities(recognizer.catalogue, recognizer.lex, text, "2024-01-01")
    resolve_model(de, [ModelSpan(4, 15, "PER"), ModelSpan(19, 25, "PER")])
    ents = to_original(list(de.by_id.values()), doc.norm, doc.text)
    assert len(ents) == 1 and ents[0].name_ar == "أحمد الراشد"
    assert [m.text for m in ents[0].mentions] == ["أحمد الراشد", "الراشد"]


def test_user_entities_file_extends_the_catalogue(tmp_path):
    from types import SimpleNamespace

    user = tmp_path / "entities.yaml"
    user.write_text(
        "- id: per:salma_nour\n  type: PER\n  name_en: Salma Nour\n  name_ar: سلمى نور\n  country: EGY\n"
        "  roles: [{office: EGY:culture_minister, country: EGY, sector: GOV, role_en: Minister of Culture,"
        " start: '2020'}]\n",
        encoding="utf-8")
    rec = EntityRecognizer.default(SimpleNamespace(user_entities=user), catalogue_dir=FIXTURE, use_model=False)
    ent = run(rec, "افتتحت سلمى نور المعرض").entity("per:salma_nour")
    assert (ent.name_en, ent.role) == ("Salma Nour", "Minister of Culture")


def test_a_surname_found_by_the_model_joins_a_catalogue_person_named_earlier():
    from types import SimpleNamespace

    from marsad.analyse.entities.resolve import _similar_person
    from marsad.doc import Entity

    cat = SimpleNamespace(entities={"per:x": SimpleNamespace(names_ar=("سالم بن راشد القحطاني", "سالم القحطاني"))})
    person = Entity("per:x", "Salem Al Qahtani", "سالم بن راشد القحطاني", "PER")
    assert _similar_person("القحطاني", [person], cat) == "per:x"
    assert _similar_person("الشمري", [person], cat) is None


@pytest.mark.parametrize("surface", ["الأمريكيين", "الأميركيين", "الاميركيين", "أميركيون"])
def test_plural_nisba_of_every_spelling(recognizer, surface):
    assert (surface, "nisba") in mentions_of(run(recognizer, f"التقى {surface} في المطار"), "usa")


def test_head_noun_refers_to_the_organisation_named_last(recognizer):
    doc = run(recognizer, "أعلنت حركة حماس موافقتها على الهدنة، ورفضت حركة الجهاد الإسلامي الشروط. "
                          "وقالت الحركة في بيان إنها ستواصل القتال، فيما التزمت حماس الصمت.")
    assert ("الحركة", "reference") in mentions_of(doc, "jihad")
    assert ("الحركة", "reference") not in mentions_of(doc, "hamas")


def test_head_noun_before_any_organisation_is_no_mention(recognizer):
    doc = run(recognizer, "قالت الحركة في بيان إن حركة حماس لن تشارك.")
    assert ("الحركة", "reference") not in mentions_of(doc, "hamas")


def test_ministry_named_by_its_field_alone(recognizer):
    doc = run(recognizer, "ذكرت وزارة الخارجية الروسية أن الوفد وصل. وأضافت الخارجية أن المحادثات بدأت.")
    assert ("الخارجية", "reference") in mentions_of(doc, "mfa_ru")


def test_overlapping_variants_of_one_name_make_one_mention(recognizer):
    doc = run(recognizer, "استقبل الشيخ صباح الخالد الصباح الوفد")
    assert mentions_of(doc, "sabah") == [("الشيخ صباح الخالد الصباح", "name")]


@pytest.mark.parametrize("text, surface, named", [
    ("قال السيسي إن الحل قريب. وأكد عبد الفتاح السيسي ذلك. ثم قال السيسي إنه متفائل", "السيسي", True),
    # an everyday word ("the morning") as a surname needs a word of saying before it, or quotation marks
    ("وصل الشيخ صباح الخالد الصباح أمس. وقال الصباح إن الزيارة ناجحة", "الصباح", True),
    ('وصل الشيخ صباح الخالد الصباح أمس. وأكد "الصباح" أهمية الزيارة', "الصباح", True),
    ("وصل الشيخ صباح الخالد الصباح أمس. وفي الصباح عقد اجتماعا", "الصباح", False),
])
def test_surname_alone_after_the_full_name(recognizer, text, surface, named):
    eid = "sisi" if surface == "السيسي" else "sabah"
    last = text.rindex(surface)
    doc = run(recognizer, text)
    assert any(m.start == last for m in doc.entity(eid).mentions) is named


def test_dateline_place_and_credited_agency_are_entities_without_mentions(recognizer):
    from marsad.doc import Place

    # credits hold English names (here one the fixture catalogue knows, in another case)
    doc = SentenceSplitter()(Doc(id="t", text="التقى الرئيس الوفد.", published="2024-04-09", credits=["Brics"]))
    doc.meta["dateline_place"] = Place("Beijing", "CHN", 39.9, 116.4, entity="beijing")
    doc = recognizer(doc)
    assert [(e.id, e.mentions) for e in doc.entities] == [("beijing", []), ("brics", [])]


@pytest.mark.parametrize("text", ['وقال في تصريحات لصحيفة "الحياة" أمس', "وقال لجريدة «الحياة» اللندنية"])
def test_name_in_quotation_marks_after_its_head(recognizer, text):
    assert ("الحياة", "alias") in mentions_of(run(recognizer, text), "hayat")


def test_everyday_word_in_marks_without_a_head_is_no_name(recognizer):
    assert mentions_of(run(recognizer, 'وقال إن "الحياة" صعبة'), "hayat") == []


def test_a_new_name_followed_by_a_nisba_takes_its_country(recognizer):
    from marsad.analyse.entities.resolve import DocEntities, nisba_countries

    text = "وقال معهد بحثي أمريكي إن التقرير دقيق"
    de = DocEntities(recognizer.catalogue, recognizer.lex, text, "2024-04-09")
    org = de.new_entity("معهد بحثي", "ORG")
    de.mention(org, text.index("معهد"), text.index("معهد") + len("معهد بحثي"), "model")
    de.mention(de.from_catalogue("usa"), text.index("أمريكي"), text.index("أمريكي") + len("أمريكي"), "nisba")
    nisba_countries(de)
    assert org.country == "USA"


@pytest.mark.parametrize("text", ["وقال الباحث حسن أبو السيسي إن الأمر معقد", "وقال عبد الفتاح السيسي كلمته. ثم قال حسن أبو السيسي إن الأمر معقد"])
def test_a_surname_after_abu_is_someone_elses_name(recognizer, text):
    doc = run(recognizer, text)
    after_abu = text.index("أبو السيسي") + len("أبو ")
    assert all(m.start != after_abu for m in (doc.entity("sisi").mentions if doc.entity("sisi") else []))


def test_an_international_official_acts_for_no_country(recognizer):
    ent = run(recognizer, "دعا أنطونيو غوتيريش إلى وقف إطلاق النار", published="2024-04-09").entity("guterres")
    assert (ent.country, ent.sector) == (None, "IGO")


def test_head_noun_after_a_leading_word_of_the_name(recognizer):
    # "دول مجلس التعاون": the head is the second word
    doc = run(recognizer, "اجتمع وزراء خارجية دول مجلس التعاون أمس. وقال بيان المجلس إن الاجتماع كان مثمرا")
    assert ("المجلس", "reference") in mentions_of(doc, "gcc")


def _model_people(text: str, names: list[str]):
    """Resolves model-found person names (given as the strings the model would mark) in folded `text`."""
    from marsad.analyse.entities import _matcher
    from marsad.analyse.entities.clitics import lexicon
    from marsad.analyse.entities.resolve import DocEntities, ModelSpan, resolve_matches, resolve_model
    from marsad.arabic.normalize import normalize

    cat, matcher = _matcher(FIXTURE, None)
    text = normalize(text)
    de = DocEntities(cat, lexicon(), text, "2024-04-09")
    resolve_matches(de, matcher.find(text))
    spans, pos = [], 0
    for name in names:
        s = text.index(normalize(name), pos)
        spans.append(ModelSpan(s, s + len(normalize(name)), "PER"))
        pos = s + len(normalize(name))
    resolve_model(de, spans)
    return [(e.name_ar, [text[m.start:m.end] for m in e.mentions]) for e in de.by_id.values() if e.type == "PER"]


def test_rank_before_a_model_found_name_is_not_part_of_it():
    people = _model_people("وأعلن اللواء سمير حداد أن الطريق فتحت.", ["اللواء سمير حداد"])
    assert people == [("سمير حداد", ["سمير حداد"])]


def test_rank_and_surname_alone_is_the_person_named_in_full():
    people = _model_people("أعلن يوسف الخطيب أن الطريق فتحت. وقال العميد الخطيب إن الوضع هادئ.",
                           ["يوسف الخطيب", "العميد الخطيب"])
    assert people == [("يوسف الخطيب", ["يوسف الخطيب", "الخطيب"])]


def test_surname_shared_by_two_people_is_the_one_named_first():
    people = _model_people("التقى يوسف الخطيب بسامر الخطيب. وقال العميد الخطيب إن الوضع هادئ.",
                           ["يوسف الخطيب", "سامر الخطيب", "العميد الخطيب"])
    assert people == [("يوسف الخطيب", ["يوسف الخطيب", "الخطيب"]), ("سامر الخطيب", ["سامر الخطيب"])]


def test_a_fathers_name_is_not_a_surname():
    people = _model_people("استقبل محمد بن سلمان الوفد. وقال سلمان إن الزيارة مهمة.", ["محمد بن سلمان", "سلمان"])
    assert ("سلمان", ["سلمان"]) in people

