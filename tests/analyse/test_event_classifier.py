"""The learned PROTEST/ASSAULT sentence detector: model file, features, decisions, and its training helpers."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

from marsad.analyse.events import EventCoder
from marsad.analyse.events.classify import (
    TYPES, Hasher, candidates, context_features, features, lead_features, load_detectors,
    model_types, rule_features, shape_features, word_classes,
)
from marsad.analyse.events.detect import reported_types
from marsad.arabic.normalize import normalize
from marsad.arabic.tokens import sentences
from marsad.doc import Doc


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder.default()


def make_doc(text: str) -> Doc:
    d = Doc(id="t", text=text, published="2024-05-02")
    d.sentences = sentences(text)
    return d


def slots_of(coder, text: str, groups: str = "RLWC") -> list[list[int]]:
    h = Hasher(18, groups)
    d = make_doc(text)
    return [h.slots(features(typ, c, coder.g), c.words).tolist()
            for c in candidates(coder, d) for typ in sorted(c.types)]


# --- the shipped model ----------------------------------------------------------------------------------------

def test_model_file_loads_with_both_types():
    dets = load_detectors()
    assert set(dets) == set(TYPES)
    for d in dets.values():
        assert 0.0 < d.threshold < 1.0 and np.isfinite(d.weights).all() and np.count_nonzero(d.weights) > 100
        assert set(d.hasher.groups) <= set("RXYFSLKWC") and "R" in d.hasher.groups


def test_model_file_names_its_source_and_honest_scores():
    meta = next(iter(load_detectors().values())).meta
    assert "arabic_event_gsr" in meta["source"] and "MIT" in meta["source"]
    assert set(meta["cross_half"]) >= {"a->b", "b->a", "mean_f1"}


# --- features ---------------------------------------------------------------------------------------------------

SENTENCE = "وانفجرت عبوة ناسفة صباح اليوم قرب دورية للشرطة في المدينة."


def test_features_are_the_same_from_two_hashers(coder):
    assert slots_of(coder, SENTENCE) == slots_of(coder, SENTENCE) and slots_of(coder, SENTENCE)[0]


def test_features_do_not_depend_on_python_string_hashing(coder):
    code = ("from marsad.analyse.events.classify import hash_feature; "
            "print([hash_feature(s, 18) for s in ('W:هجوم', 'C:مظا', 'L:crowd', 'R:id=bombing')])")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and runs[0].strip()


@pytest.mark.parametrize("word,cls", [
    ("والمسلحين", "unconventional"),
    ("بالجيش", "military"),
    ("احتجاجا", "purpose"),
    ("وقال", "say"),
    ("واحتشدوا", "gather"),
    ("وهتفوا", "express"),
    ("المباراة", "sport"),
    ("ودعت", "call"),
    ("وهددت", "threat"),
])
def test_word_classes_see_through_clitics(word, cls):
    assert cls in word_classes(normalize(word))


def test_rule_features_name_the_cue_and_its_report(coder):
    d = make_doc(SENTENCE)
    (c,) = candidates(coder, d)
    feats = rule_features("ASSAULT", c.cues, c.words, c.anchor, coder.g)
    assert "R:rep" in feats and "R:anc" in feats and any(f.startswith("R:id=") for f in feats)


# --- decisions --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,typ", [
    ("وفجر انتحاري نفسه في سوق مزدحم وسط بغداد أمس، مما أسفر عن مقتل عشرين شخصا.", "ASSAULT"),
    ("وانفجرت سيارة مفخخة صباح اليوم قرب مركز للشرطة في كركوك، ما أدى إلى مقتل ثلاثة أشخاص.", "ASSAULT"),
    ("وقتل مسلحون مجهولون أمس ثلاثة من رجال الشرطة عند حاجز تفتيش جنوب العاصمة.", "ASSAULT"),
    ("وتظاهر آلاف الطلاب أمس أمام مقر البرلمان احتجاجا على رفع الرسوم الجامعية.", "PROTEST"),
    ("وتجمع مئات العمال صباح اليوم في ساحة المدينة مطالبين بصرف رواتبهم المتأخرة.", "PROTEST"),
])
def test_clear_reports_are_detected_by_the_model(coder, text, typ):
    assert typ in model_types(coder, make_doc(text))


@pytest.mark.parametrize("text,typ", [
    ("وأرجأت المحكمة أمس النظر في قضية المتهمين بخطف الصحفي إلى الشهر المقبل.", "ASSAULT"),
    ("ودعت النقابة أعضاءها إلى التظاهر الأسبوع المقبل.", "PROTEST"),
    ("ويرى محللون أن ظاهرة الاغتيالات تهدد السلم الأهلي في البلاد.", "ASSAULT"),
])
def test_cases_calls_and_commentary_are_not_detected_by_the_model(coder, text, typ):
    assert typ not in model_types(coder, make_doc(text))


# --- the loose gate and the new feature groups -----------------------------------------------------------------

DROPPED = "ونزل المتظاهرون الى الشوارع في عدة مدن وسط غضب متزايد."


def test_loose_gate_lets_in_a_cue_the_coder_dropped(coder):
    (c,) = candidates(coder, make_doc(DROPPED), loose=True)
    assert "PROTEST" in c.loose and "PROTEST" not in c.found and "PROTEST" in c.types


def test_without_the_loose_gate_the_dropped_cue_is_not_scored(coder):
    assert candidates(coder, make_doc(DROPPED), loose=False) == []


def test_loose_candidate_says_so_in_its_features(coder):
    (c,) = candidates(coder, make_doc(DROPPED), loose=True)
    feats = features("PROTEST", c, coder.g)
    assert "R:loose" in feats and "R:lid=protesters" in feats and "R:rep" not in feats


def test_context_features_name_the_cue_neighbours():
    words = [normalize(w) for w in "وقتل مسلحون مجهولون ثلاثة جنود".split()]
    feats = context_features([0], words)
    assert "X:1=مسلحون" in feats and "X:n=unconventional" in feats and "X:first" in feats


def test_lead_features_take_the_first_word_without_its_clitic():
    feats = lead_features([normalize(w) for w in "وتظاهر آلاف الطلاب".split()])
    assert "F:0=تظاهر" in feats and "F:0c=gather" in feats and "F:1c=crowd" in feats


@pytest.mark.parametrize("text,feat", [
    ("وقال المتحدث «إن الهجوم استهدف دورية».", "S:quote"),
    ("هل يخرج الناس إلى الشوارع؟", "S:ask"),
    ("12 مايو: انفجار في السوق.", "S:head"),
])
def test_shape_features(text, feat):
    assert feat in shape_features(text)


def test_a_plain_sentence_has_no_shape_features():
    assert shape_features("وانفجرت عبوة ناسفة قرب الجسر امس.") == []


def test_a_sentence_without_a_cue_is_never_scored(coder):
    assert candidates(coder, make_doc("وبحث الوزير مع نظيره سبل التعاون الاقتصادي.")) == []


def test_model_path_keeps_rule_detection_for_other_types(coder):
    text = "واعتقلت الشرطة أمس خمسة أشخاص في العاصمة."
    rules = reported_types(coder, make_doc(text), "report")
    model = reported_types(coder, make_doc(text), "model")
    assert rules - set(TYPES) == model - set(TYPES)


def test_unknown_detection_is_refused(coder):
    with pytest.raises(ValueError):
        reported_types(coder, make_doc(SENTENCE), "guess")


# --- training helpers -----------------------------------------------------------------------------------------

def test_best_threshold_separates_toy_scores():
    from marsad.analyse.events.learn import best_threshold

    f1, th = best_threshold(np.array([0.9, 0.8, 0.3, 0.2, -1.0]), np.array([True, True, False, False, True]))
    assert 0.3 < th < 0.8 and f1 == pytest.approx(0.8)


def test_soft_labels_weigh_by_the_share_of_annotators():
    from marsad.analyse.events.learn import Record, target

    r = Record("x", "a", "difficult no", 1, 3, [])
    assert target(r, "strict") == (0.0, 1.0) and target(r, "soft") == pytest.approx((1 / 3, 2 / 3))
    assert target(Record("y", "a", "ambiguous", 2, 3, []), "strict") is None


def test_folds_are_stratified():
    from marsad.analyse.events.learn import Record, _folds

    recs = [Record(str(i), "a", "yes" if i < 10 else "easy no", 0, 3, []) for i in range(50)]
    fold = _folds(recs, 5, 0)
    assert [int(sum(fold[:10] == k)) for k in range(5)] == [2] * 5
    assert [int(sum(fold[10:] == k)) for k in range(5)] == [8] * 5


def test_kfold_run_pools_counts_over_the_folds(monkeypatch):
    pytest.importorskip("sklearn")
    from marsad.analyse.events import learn

    monkeypatch.setattr(learn, "GROUPS", ("RW",))
    monkeypatch.setattr(learn, "MODES", ("strict",))
    monkeypatch.setattr(learn, "CS", (1.0,))
    recs = [learn.Record(str(i), "a", "yes" if i % 4 == 0 else "easy no", 3 * (i % 4 == 0), 3,
                         [(["R:any"], ["انفجار" if i % 4 == 0 else "معرض", "امس"])]) for i in range(60)]
    run = learn._kfold_run(recs, 3, 0, (0,))
    assert run["tp"] + run["fn"] == 15 and run["f1"] > 0.9 and run["chosen"] == {"RW strict C=1.0": 3}


def test_fit_learns_a_telling_word():
    pytest.importorskip("sklearn")
    from marsad.analyse.events.learn import Record, Settings, fit, record_scores

    recs = [Record(str(i), "a", "yes" if i % 2 else "easy no", 3 * (i % 2), 3,
                   [(["R:any"], ["انفجار" if i % 2 else "معرض", "امس"])]) for i in range(40)]
    w, b = fit(recs, Settings("RW", "strict", 1.0))
    sc = record_scores(recs, w, b, "RW")
    assert sc[1::2].min() > 0.5 > sc[0::2].max()
