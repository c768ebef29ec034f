"""The learned detector as the average of a grid of logistic regressions (events/learn.py, detector.json)."""
from __future__ import annotations

import numpy as np
import pytest

from marsad.analyse.events.classify import load_detectors

pytest.importorskip("sklearn")

from marsad.analyse.events.learn import Record, Settings, averaged, evaluate, fit, select  # noqa: E402

# Toy records of my own: protests told as happening against calls, plans and a court case.
YES = ["تظاهر آلاف العمال امس امام الوزارة", "اعتصم مئات الطلاب في ساحة الجامعة", "احتشد المحتجون امام البرلمان امس",
       "خرج الاف المتظاهرين الى شوارع المدينة", "تجمع عشرات المعلمين امام مقر النقابة"]
NO = ["دعت النقابة الى التظاهر الاسبوع المقبل", "تنوي الاحزاب تنظيم مسيرة الشهر القادم",
      "نظرت المحكمة في قضية المتظاهرين امس", "حذر الوزير من الدعوات الى الاعتصام", "ناقش النواب قانون التظاهر",
      "اجلت اللجنة البت في طلب تنظيم مسيرة", "يرى محللون ان الاحتجاجات لن تغير شيئا"]


def toy_records(copies: int = 3) -> list[Record]:
    out = []
    for k in range(copies):
        for i, t in enumerate(YES):
            out.append(Record(f"y{k}{i}", "a", "yes", 3, 3, [(["R:any", "R:rep"], t.split())]))
        for i, t in enumerate(NO):
            out.append(Record(f"n{k}{i}", "a", "easy no", 0, 3, [(["R:any"], t.split())]))
    return out


GRID = [("RLW", "strict", 0.1), ("RLWX", "soft", 0.3), ("RW", "strict", 1.0)]


def test_averaged_settings_score_on_the_union_of_groups():
    s = averaged(GRID)
    assert s.groups == "RXLW" and s.members == tuple(GRID) and s.mode == "average"


def test_fit_of_an_average_is_the_mean_of_its_members():
    recs = toy_records(1)
    fits = [fit(recs, Settings(g, m, c), 10) for g, m, c in GRID]
    w, b = fit(recs, averaged(GRID), 10)
    assert np.allclose(w, np.mean([x for x, _ in fits], axis=0), atol=1e-6)
    assert b == pytest.approx(np.mean([y for _, y in fits]))


def test_select_averages_by_default_and_separates_toy_records():
    recs = toy_records()
    s = select(recs, seeds=(0,), grid=GRID, bits=10)
    assert s.members == tuple(GRID) and 0.0 < s.threshold < 1.0
    w, b = fit(recs, s, 10)
    assert evaluate(recs, w, b, s, 10)["f1"] == pytest.approx(1.0)


def test_select_can_still_pick_one_cell():
    s = select(toy_records(), seeds=(0,), grid=GRID, bits=10, average=False)
    assert not s.members and (s.groups, s.mode, s.C) in GRID


def test_shipped_model_records_its_members():
    for d in load_detectors().values():
        assert d.meta["mode"] == "average" and len(d.meta["members"]) >= 2
        assert set(d.hasher.groups) == {ch for g, _, _ in d.meta["members"] for ch in g}


def test_the_average_of_one_cell_is_that_cell():
    s = averaged([("RW", "strict", 1.0)])
    assert (s.groups, s.mode, s.C, s.members) == ("RW", "strict", 1.0, ())


def test_hasher_keeps_only_chosen_groups_when_it_reuses_a_slot():
    from marsad.analyse.events.classify import Hasher, hash_feature

    h = Hasher(18, "RW")
    feats = ["R:any", "X:1=مسلحون", "R:id=bombing", "R:any"]
    first, second = h.slots(feats, ["انفجار"]), h.slots(feats, ["انفجار"])
    want = sorted({hash_feature(s, 18) for s in ("R:any", "R:id=bombing", "W:انفجار")})
    assert first.tolist() == second.tolist() == want
