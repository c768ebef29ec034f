"""The pipeline: stage order is checked when it is built; a failing stage fails one document, not the batch."""
from __future__ import annotations

import pytest

from marsad.doc import Doc, Failure
from marsad.errors import PipelineError
from marsad.pipeline import Pipeline


class Stage:
    def __init__(self, name, requires=(), assigns=(), fail=False):
        self.name, self.requires, self.assigns, self.fail = name, requires, assigns, fail

    def __call__(self, doc):
        if self.fail and "بوم" in doc.text:
            raise ValueError("cannot read this one")
        doc.meta.setdefault("ran", []).append(self.name)
        return doc


def test_misordered_stages_fail_at_build_time():
    with pytest.raises(PipelineError, match="stage 'quotes' needs entities"):
        Pipeline([Stage("quotes", requires=("entities",)), Stage("entities", assigns=("entities",))])


def test_stages_run_in_order():
    p = Pipeline([Stage("a", assigns=("x",)), Stage("b", requires=("x",))])
    assert p(Doc(id="1", text="نص")).meta["ran"] == ["a", "b"]


def test_a_failing_stage_becomes_a_failure_naming_the_stage_and_the_batch_goes_on():
    p = Pipeline([Stage("ok"), Stage("fragile", fail=True)])
    docs = [Doc(id="1", text="نص", source_path="a.txt"), Doc(id="2", text="بوم", source_path="b.txt"),
            Doc(id="3", text="نص", source_path="c.txt")]
    out = list(p.pipe(docs))
    assert [type(o).__name__ for o in out] == ["Doc", "Failure", "Doc"]
    f = out[1]
    assert isinstance(f, Failure) and f.stage == "fragile" and f.doc_id == "2"
    assert f.reason == "ValueError: cannot read this one"
