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
