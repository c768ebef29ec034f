"""Event coding: lexicon, actors, modes, places, dates, merging, and the GSR evaluation entry point."""
from __future__ import annotations

import pytest

from marsad.analyse.events import EventCoder, merge
from marsad.analyse.events.lexicon import load_codes, load_entries
from marsad.arabic.tokens import sentences
from marsad.doc import Doc, Entity, Mention
from marsad.eval_events import evaluate_gsr, half_of


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder.default()


def make_doc(text: str, *ents, published: str = "2024-05-02") -> Doc:
    """A Doc with sentences and hand-set entities: (id, name_en, type, country, sector, surface, ...)."""
    d = Doc(id="t", text=text, published=published)
    d.sentences = sentences(text)
    for eid, name, typ, country, sector, *surfaces in ents:
        e = Entity(id=eid, name_en=name, name_ar=surfaces[0], type=typ, country=country, sector=sector,
                   lat=1.0 if typ == "GPE" else None, lon=2.0 if typ == "GPE" else None)
        for s in surfaces:
            i = 0
            while (i := text.find(s, i)) >= 0:
                e.mentions.append(Mention(i, i + len(s), s))
                i += len(s)
        d.entities.append(e)
    return d


SHOUKRY = ("Q1", "Sameh Shoukry", "PER", "EGY", "GOV", "وزير الخارجية المصري سامح شكري", "شكري")
SAFADI = ("Q2", "Ayman Safadi", "PER", "JOR", "GOV", "نظيره الأردني أيمن الصفدي", "الصفدي")
AMMAN = ("Q3", "Amman", "GPE", "JOR", None, "عمان")
PARIS = ("Q4", "Paris", "GPE", "FRA", None, "باريس")


def test_every_lexicon_code_has_a_plover_type():
    codes = load_codes()
    assert all(e.code.cameo in codes and e.code.plover for e in load_entries())


def test_appeals_map_to_request():
    assert load_codes()["020"].plover == "REQUEST"


@pytest.mark.parametrize("text,typ", [
    ("وتظاهر مئات الطلاب أمس أمام مبنى البلدية.", "PROTEST"),
    ("اعتصم عشرات العمال اليوم للمطالبة برواتبهم.", "PROTEST"),
    ("وأطلق مسلحون النار على حافلة صباح اليوم.", "ASSAULT"),
    ("وخطف مجهولون أمس مهندسا أجنبيا.", "ASSAULT"),
    ("وقتل ثلاثة أشخاص في انفجار عبوة ناسفة أمس.", "ASSAULT"),
    ("واعتقلت الشرطة أمس خمسة أشخاص.", "COERCE"),
])
def test_cue_types_without_entities(coder, text, typ):
    assert typ in {ev.type for ev in coder(make_doc(text)).events}


@pytest.mark.parametrize("text", [
    "ودعت الأطراف إلى احترام وقف إطلاق النار أمس.",
    "وحضر مدير الوزارة الاجتماع.",
    "وسجل المهاجم هدفا في المباراة بعد هجوم سريع أمس.",
])
def test_no_assault_or_visit_in_look_alikes(coder, text):
    types = {(ev.type, ev.cameo) for ev in coder(make_doc(text)).events}
    assert not any(t == "ASSAULT" or c == "042" for t, c in types)


def test_verb_first_sentence_gives_source_and_target(coder):
    d = coder(make_doc("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان اليوم.",
                       SHOUKRY, SAFADI, AMMAN))
    pairs = {(ev.type, ev.source.country, ev.target.country) for ev in d.events}
    assert ("CONSULT", "EGY", "JOR") in pairs


def test_meeting_is_coded_once_in_text_order(coder):
    # PLOVER codes a meeting as one event (CAMEO's reciprocal pairs inflated consult counts)
    d = coder(make_doc("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي اليوم.", SHOUKRY, SAFADI))
    assert [(ev.source.country, ev.target.country) for ev in d.events if ev.type == "CONSULT"] == [("EGY", "JOR")]


def test_place_from_the_sentence_with_coordinates(coder):
    d = coder(make_doc("التقى وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي في عمان اليوم.",
                       SHOUKRY, SAFADI, AMMAN))
    loc = d.events[0].location
    assert (loc.name_en, loc.country, loc.lat, loc.lon) == ("Amman", "JOR", 1.0, 2.0)


def test_surname_is_not_a_cue(coder):
    d = coder(make_doc("وصل شكري إلى المطار.", SHOUKRY))
    assert not any(ev.type == "SUPPORT" for ev in d.events)


def test_intended_visit_becomes_intent_to_meet(coder):
    d = coder(make_doc("وسيزور شكري باريس الأسبوع المقبل.", SHOUKRY, PARIS))
    ev = next(ev for ev in d.events if ev.source and ev.source.country == "EGY")
    assert (ev.type, ev.cameo, ev.mode, ev.target.country) == ("AGREE", "036", "intended", "FRA")


@pytest.mark.parametrize("text,mode", [
    ("ولم يلتق شكري بالصفدي خلال الزيارة.", "negated"),
    ("ومن المقرر أن يلتقي شكري بالصفدي.", "intended"),
    ("وإذا التقى شكري بالصفدي فسيبحثان الأزمة.", "hypothetical"),
    ("وكان شكري قد التقى بالصفدي في العام الماضي.", None),
    ("وكان قد التقى شكري الصفدي في العام الماضي.", "reported"),
    ("وقد يلتقي شكري بالصفدي على هامش القمة.", "hypothetical"),
    ("وقد التقى شكري بالصفدي على هامش القمة.", None),
    ("وقال المتحدث إن الجولة قد تشمل لقاء شكري بالصفدي.", "hypothetical"),
    ("وقد تعهد شكري للصفدي بدعم المبادرة.", None),
    ("وربما يلتقي شكري بالصفدي على هامش القمة.", "hypothetical"),
    ("ويمكن أن يلتقي شكري بالصفدي على هامش القمة.", "hypothetical"),
    ("ويلتقي شكري بالصفدي خلال الأيام المقبلة.", "intended"),
    ("والتقى شكري بالصفدي لبحث خطط الأيام المقبلة.", None),
])
def test_modes(coder, text, mode):
    d = coder(make_doc(text, SHOUKRY, SAFADI))
    first = min((ev for ev in d.events if ev.cue and ev.type in ("CONSULT", "AGREE")), key=lambda e: e.evidence_start)
    assert first.mode == mode


@pytest.mark.parametrize("text", [
    "وختم الخطيب بقوله تعالى: ((ولا تقتلوا أنفسكم)) داعيا إلى الرحمة.",
    "واستشهد الكاتب بالآية \ufd3fولا تقتلوا أنفسكم\ufd3e في مقاله.",
    "وذكر الإمام المصلين بقوله تعالى: ولا تقتلوا أنفسكم.",
])
def test_a_quoted_verse_codes_no_event(coder, text):
    assert not [ev for ev in coder(make_doc(text)).events if ev.type == "ASSAULT"]


def test_praising_god_does_not_hide_the_rest_of_the_sentence(coder):
    d = coder(make_doc("ونحمد الله تعالى على أن رجال الأمن قتلوا المسلحين أمس."))
    assert [ev for ev in d.events if ev.type == "ASSAULT"]


@pytest.mark.parametrize("text", ["وزاد ثمن الوقود في عمان هذا الشهر.", "ويحصل شكري على الخدمة بدون ثمن."])
def test_a_price_is_not_praise(coder, text):
    assert not [ev for ev in coder(make_doc(text, SHOUKRY, AMMAN)).events if ev.type == "SUPPORT"]


def test_praise_by_a_minister_is_still_praise(coder):
    d = coder(make_doc("وثمن شكري جهود الأردن في الوساطة.", SHOUKRY, ("Q5", "Jordan", "GPE", "JOR", None, "الأردن")))
    assert any(ev.type == "SUPPORT" and ev.source.country == "EGY" for ev in d.events)


def test_a_prayer_with_words_before_the_name_of_god_is_no_call(coder):
    d = coder(make_doc("ودعا شكري في كلمته المولى عز وجل أن يحفظ الأردن.", SHOUKRY))
    assert not [ev for ev in d.events if ev.type == "REQUEST"]


def test_a_call_on_a_party_named_after_god_is_a_call(coder):
    hzb = ("Q5", "Hezbollah", "ORG", "LBN", "REB", "حزب الله")
    d = coder(make_doc("ودعا شكري حزب الله إلى الانسحاب من الحدود.", SHOUKRY, hzb))
    assert any(ev.type == "REQUEST" and ev.source.country == "EGY" for ev in d.events)


def test_evidence_covers_the_cue(coder):
    text = "أدان وزير الخارجية المصري سامح شكري الهجوم على السفارة."
    d = coder(make_doc(text, SHOUKRY))
    ev = next(ev for ev in d.events if ev.type == "ACCUSE")
    assert ev.cue in text[ev.evidence_start:ev.evidence_end]


def test_person_attacking_is_a_verbal_attack(coder):
    d = coder(make_doc("هاجم وزير الخارجية المصري سامح شكري نظيره الأردني أيمن الصفدي.", SHOUKRY, SAFADI))
    assert {(ev.type, ev.cameo) for ev in d.events} == {("ACCUSE", "111")}


def test_date_falls_back_to_publication(coder):
    d = coder(make_doc("وتظاهر مئات الطلاب أمام مبنى البلدية.", published="2023-01-05"))
    assert d.events[0].date == "2023-01-05"


def test_generic_definite_noun_is_not_an_event(coder):
    d = coder(make_doc("ويرى الكاتب أن الاغتيالات لا تحل المشكلات السياسية."))
    assert d.events == []


def test_merge_keeps_first_of_repeats(coder):
    d = coder(make_doc("التقى شكري الصفدي اليوم. والتقى شكري الصفدي اليوم مجددا.", SHOUKRY, SAFADI))
    evs = d.events
    assert merge(evs + evs) == evs


def test_stage_declares_its_fields():
    assert (EventCoder.name, EventCoder.assigns) == ("events", ("events",))
    assert {"sentences", "entities", "dates"} <= set(EventCoder.requires)


def test_gsr_half_split_is_stable():
    assert half_of("abc_1") == half_of("abc_1") and {half_of(f"x{i}") for i in range(20)} == {"a", "b"}


def test_evaluate_gsr_on_own_sentences(tmp_path):
    rows = {"protest_gsr.dev.csv": [("p1", "yes", "وتظاهر مئات الطلاب أمس أمام مبنى البلدية."),
                                    ("p2", "easy no", "وارتفعت أسعار الذهب اليوم.")],
            "assault_gsr.dev.csv": [("a1", "yes", "وخطف مجهولون أمس مهندسا أجنبيا."),
                                    ("a2", "difficult no", "وافتتح الوزير معرضا للكتاب أمس.")]}
    for name, rs in rows.items():
        lines = ["id,event_type,label,accept,reject,total,text"] + [f"{i},X,{lab},0,0,0,{t}" for i, lab, t in rs]
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = evaluate_gsr(tmp_path)
    assert res["PROTEST"]["f1"] == 1.0 and res["ASSAULT"]["f1"] == 1.0


def test_evaluate_gsr_on_shared_data(shared_dir):
    res = evaluate_gsr(shared_dir / "data" / "arabic_event_gsr", half="b")
    assert res["PROTEST"]["n"] > 100 and 0.0 <= res["ASSAULT"]["f1"] <= 1.0


# --- dates of events -------------------------------------------------------------------------------------------

def test_date_after_another_event_word_belongs_to_that_event(coder):
    text = "وشكر الصفدي مصر على تضامنها بعد الهجوم الذي وقع في عمان يوم 3 مارس الماضي."
    d = make_doc(text, SAFADI, ("Q5", "Egypt", "GPE", "EGY", None, "مصر"),
                 ("gpe:amman", "Amman", "GPE", "JOR", None, "عمان"), published="2024-05-02")
    from marsad.doc import DateMention
    i = text.index("3 مارس")
    d.dates = [DateMention("3 مارس", i, i + len("3 مارس"), "2024-03-03", None, "date")]
    dates = {ev.type: ev.date for ev in coder(d).events}
    assert dates["SUPPORT"] == "2024-05-02" and dates["ASSAULT"] == "2024-03-03"


def test_undated_verbal_noun_refers_back_to_dated_event(coder):
    text = "وانفجرت سيارة مفخخة في سوق الحلة يوم 3 مارس. وأعلنت جماعة مسلحة مسؤوليتها عن التفجير."
    d = make_doc(text, ("gpe:hilla", "Hillah", "GPE", "IRQ", None, "الحلة"), published="2024-05-02")
    from marsad.doc import DateMention
    i = text.index("3 مارس")
    d.dates = [DateMention("3 مارس", i, i + len("3 مارس"), "2024-03-03", None, "date")]
    evs = [ev for ev in coder(d).events if ev.type == "ASSAULT"]
    assert evs and all(ev.date == "2024-03-03" for ev in evs)


def test_claim_of_responsibility_names_the_attacker(coder):
    group = ("Q6", "Islamic State", "ORG", None, "REB", "تنظيم داعش")
    d = coder(make_doc("وأعلن تنظيم داعش مسؤوليته عن إطلاق النار على الحافلة أمس.", group))
    assert any(ev.type == "ASSAULT" and ev.source and ev.source.name_en == "Islamic State" for ev in d.events)


# --- detection: does the sentence report the event? ------------------------------------------------------------

def detected(coder, text: str) -> set[str]:
    from marsad.analyse.events.detect import reported_types
    return reported_types(coder, make_doc(text))


@pytest.mark.parametrize("text,typ", [
    ("خرجت أمس مظاهرات حاشدة في وسط المدينة.", "PROTEST"),
    ("ونزل آلاف المتظاهرين إلى الشوارع مساء الجمعة.", "PROTEST"),
    ("وأغلق المحتجون الطريق الرئيسي صباح اليوم.", "PROTEST"),
    ("واعتصم عشرات الموظفين أمس أمام الوزارة.", "PROTEST"),
    ("وفجر انتحاري سيارته أمس قرب نقطة تفتيش.", "ASSAULT"),
    ("وقتل خمسة جنود في هجوم على قافلتهم أمس.", "ASSAULT"),
    ("وأطلق مسلحون صواريخ على البلدة فجر اليوم.", "ASSAULT"),
    ("وتعرضت قافلة الوزير صباح أمس لهجوم مسلح.", "ASSAULT"),
    ("وفتحت دورية النار على سيارة مسرعة أمس.", "ASSAULT"),
])
def test_reported_happenings_are_detected(coder, text, typ):
    assert typ in detected(coder, text)


@pytest.mark.parametrize("text,typ", [
    ("وهتف المتظاهرون بشعارات ضد الحكومة.", "PROTEST"),
    ("ودعا الحزب أنصاره إلى التظاهر يوم الجمعة المقبل.", "PROTEST"),
    ("وبدأت أمس محاكمة ثلاثة متهمين في قضية خطف مهندس.", "ASSAULT"),
    ("وصنعت الجماعة طائرة صغيرة لمهاجمة أهداف عسكرية.", "ASSAULT"),
    ("وخشي السكان أن يقصف الطيران القرية.", "ASSAULT"),
    ("ويرى الكاتب أن الاغتيال السياسي لا يحل أي خلاف.", "ASSAULT"),
])
def test_mentions_are_not_detected(coder, text, typ):
    assert typ not in detected(coder, text)


@pytest.mark.parametrize("text,cue", [
    ("وقتل ثلاثة أشخاص في انفجار سيارة مفخخة أمس.", "انفجار"),
    ("واندلعت أمس احتجاجات في العاصمة.", "احتجاجات"),
])
def test_verbal_nouns_reported_through_their_frame(coder, text, cue):
    from marsad.analyse.events.detect import is_report
    from marsad.analyse.events.lexicon import WORD
    d = make_doc(text)
    for sent, cues in coder.cues(d):
        words = WORD.findall(d.norm.text, d.norm.from_original(sent.start), d.norm.from_original(sent.end))
        assert any(c.word.endswith(cue) and is_report(c, words, coder.g) for c in cues)


def test_a_cue_with_no_actor_and_no_place_is_not_an_event_but_violence_at_a_place_is(coder):
    text = "ودعا البيان إلى وقف إطلاق النار. وانفجرت عبوة ناسفة في سوق الحلة أمس."
    d = make_doc(text, ("gpe:hilla", "Hillah", "GPE", "IRQ", None, "الحلة"))
    types = [ev.type for ev in coder(d).events]
    assert "RETREAT" not in types and "ASSAULT" in types
