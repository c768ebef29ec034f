"""The embedded store: round trips, no duplicates on re-ingest, failures kept, nothing lost when killed midway."""
from __future__ import annotations

import pytest

from marsad.doc import Doc, Entity, Failure, Mention, Quote, Speaker
from marsad.errors import StoreError
from marsad.pipeline import Pipeline
from marsad.runner import run
from marsad.settings import Settings
from marsad.store import Store

BODY = ("أعلنت وزارة الصحة اليوم الأحد عن افتتاح مستشفى جديد في مدينة الموصل بطاقة استيعابية تبلغ مئتي سرير، "
        "في إطار خطة لإعادة تأهيل القطاع الصحي في المحافظة.\n"
        "وقال وزير الصحة إن المستشفى سيخدم أكثر من نصف مليون نسمة في المدينة والقرى المحيطة بها.")


def make_doc(i: int) -> Doc:
    d = Doc(id=f"d{i}", text=BODY, source_path=f"/in/{i}.txt", title=f"خبر {i}", published="2026-10-11")
    d.entities = [Entity(id="gpe:mosul", name_en="Mosul", name_ar="الموصل", type="GPE",
                         mentions=[Mention(90, 96, "الموصل")])]
    d.quotes = [Quote(text="سيخدم", start=0, end=5, cue="قال", speaker=Speaker(text="وزير الصحة", name_en="X"))]
    return d


def test_round_trip(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.write_batch([make_doc(1)])
        recs = list(st.records())
    assert len(recs) == 1
    r = recs[0]
    assert r["id"] == "d1" and r["text"] == BODY and r["entities"][0]["name_en"] == "Mosul"
    assert r["quotes"][0]["speaker"]["name_en"] == "X"


def test_rewriting_a_document_replaces_it(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.write_batch([make_doc(1), make_doc(2)])
        st.write_batch([make_doc(1)])
        assert st.count("documents") == 2 and st.count("entities") == 2 and st.count("quotes") == 2


def test_failures_are_kept_and_cleared_when_the_file_is_read(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        st.write_batch([Failure("/in/1.txt", "empty file")])
        assert st.query("SELECT reason FROM failures")[0]["reason"] == "empty file"
        st.write_batch([make_doc(1)])
        assert st.count("failures") == 0


def test_not_a_store(tmp_path):
    p = tmp_path / "x.sqlite"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a Marsad store"):
        Store(p)


class Explode:
    """A stage that kills the run (as Ctrl-C or a crash would) at the n-th document."""

    name, requires, assigns = "explode", (), ()

    def __init__(self, at: int):
        self.at, self.seen = at, 0

    def __call__(self, doc):
        self.seen += 1
        if self.seen == self.at:
            raise KeyboardInterrupt
        return doc


def write_corpus(folder, n):
    for i in range(n):
        (folder / f"{i:02}.txt").write_text(f"عنوان الخبر رقم {i}\n{BODY.replace('مئتي', str(100 + i))}",
                                            encoding="utf-8")


def test_killed_midway_keeps_committed_documents_whole_and_resumes_without_duplicates(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    write_corpus(corpus, 12)
    s = Settings(db=tmp_path / "s.sqlite", batch_size=5, progress=False)
    with Store(s.db) as st:
        with pytest.raises(KeyboardInterrupt):
            run([str(corpus)], s, store=st, pipeline=Pipeline([Explode(at=8)]), link=False)
        stored = st.count("documents")
        assert stored == 5  # the first batch was committed; the second never was
        for rec in st.records():
            assert rec["text"].startswith("أعلنت") and rec["title"].startswith("عنوان")
        report = run([str(corpus)], s, store=st, pipeline=Pipeline([]), link=False)
        assert report.skipped_known == 5 and report.documents == 7
        assert st.count("documents") == 12
        again = run([str(corpus)], s, store=st, pipeline=Pipeline([]), link=False)
        assert again.documents == 0 and st.count("documents") == 12


def test_a_failing_part_is_kept_when_another_part_of_the_same_file_is_stored(tmp_path):
    with Store(tmp_path / "s.sqlite") as st:
        part2 = Failure("/in/1.txt", "ValueError: bad", stage="entities", doc_id="d1-2")
        st.write_batch([part2, make_doc(1)])
        rows = st.query("SELECT doc_id, stage FROM failures")
        assert [(r["doc_id"], r["stage"]) for r in rows] == [("d1-2", "entities")]
