"""The bundled demo corpus, checked against what its authors wrote down in demo/expected.json."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.clean.rules import fold_line
from marsad.doc import Doc, Failure
from marsad.ingest import read_paths

DEMO = Path(__file__).resolve().parent.parent / "src" / "marsad" / "demo"
EXPECTED = json.loads((DEMO / "expected.json").read_text(encoding="utf-8"))


def key(d) -> tuple[str, int]:
    return (d["id"] if "id" in d else d["file"], d["part"])


@pytest.fixture(scope="module")
def read():
    """Every demo input, read and cleaned (no analysis): {key: Doc}, [Failure]."""
    docs, fails = {}, []
    for item in read_paths([DEMO / "corpus"]):
        if isinstance(item, Failure):
            fails.append(item)
            continue
        name = Path(item.source_path).name
        k = (item.id.rsplit("-", 1)[0] if item.part > 1 else item.id, item.part) if name.endswith(".jsonl") \
            else (name, item.part)
        docs[k] = item
    return docs, fails


def test_every_described_article_is_read_and_only_the_broken_upload_fails(read):
    docs, fails = read
    assert sorted(docs) == sorted(key(d) for d in EXPECTED["documents"])
    assert [Path(f.source_path).name for f in fails] == ["broken_upload.html"]
    assert "binary" in fails[0].reason


@pytest.mark.parametrize("exp", EXPECTED["documents"], ids=lambda d: f"{key(d)[0]}#{key(d)[1]}")
def test_cleaning(read, exp):
    doc: Doc = read[0][key(exp)]
    text = fold_line(doc.text)
    for phrase in exp["must_keep"]:
        assert fold_line(phrase) in text, f"lost: {phrase}"
    for phrase in exp["must_drop"]:
        assert fold_line(phrase) not in text, f"kept: {phrase}"
    assert fold_line(doc.title or "") == fold_line(exp["title"] or "")
    assert set(exp["credits"]) <= set(doc.credits)


@pytest.fixture(scope="module")
def analysed():
    """Every demo article analysed and linked, by key."""
    from marsad.runner import run
    from marsad.settings import Settings

    out = {}

    def keep(doc):
        name = Path(doc.source_path).name
        k = ((doc.id.rsplit("-", 1)[0] if doc.part > 1 else doc.id), doc.part) if name.endswith(".jsonl") \
            else (name, doc.part)
        out[k] = doc

    run([DEMO / "corpus"], Settings(progress=False), sink=keep, force=True, on_failure=lambda f: None)
    return out


# Floors measured when the demo corpus landed (rounded down); raise them as Marsad improves.
DEMO_FLOORS = {"story_pair_f1": 0.6, "dates": 0.8, "entities": 0.65, "published": 0.9}


def _story_f1(docs) -> float:
    gold = {tuple(r): s["id"] for s in EXPECTED["stories"] for r in s["reports"]}
    keys = sorted(gold)
    tp = out = want = 0
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            same_gold, same_out = gold[a] == gold[b], docs[a].story == docs[b].story
            tp, out, want = tp + (same_gold and same_out), out + same_out, want + same_gold
    p, r = tp / out if out else 0.0, tp / want
    return 2 * p * r / (p + r) if p + r else 0.0


def test_demo_scores_stay_above_their_floors(analysed):
    dates = ents = pub = n_dates = n_ents = n_pub = 0
    for exp in EXPECTED["documents"]:
        doc = analysed[key(exp)]
        for want in exp["dates"]:
            n_dates += 1
            dates += any(fold_line(want["text"]) in fold_line(m.text) and m.value == want["value"] for m in doc.dates)
        names = {e.name_en for e in doc.entities}
        n_ents += len(exp["entities_en"])
        ents += sum(name in names for name in exp["entities_en"])
        if exp["published"]:
            n_pub += 1
            pub += doc.published == exp["published"]
    scores = {"story_pair_f1": _story_f1(analysed), "dates": dates / n_dates, "entities": ents / n_ents,
              "published": pub / n_pub}
    low = {k: round(v, 3) for k, v in scores.items() if v < DEMO_FLOORS[k]}
    assert not low, f"below the floor: {low} (floors {DEMO_FLOORS})"


def test_demo_duplicates_are_marked(analysed):
    for pair in EXPECTED["duplicates"]:
        a, b = (analysed[tuple(x)] for x in pair)
        assert b.duplicate_of == a.id or a.duplicate_of == b.id
