"""The `marsad` command, end to end on articles written for these tests."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from marsad.serve.cli import app

ARTICLE = (
    "وزير الخارجية المصري يلتقي نظيره الأردني في عمان\n"
    "عمان - (بترا)\n"
    "التقى وزير الخارجية المصري نظيره الأردني في عمان اليوم الأحد، وبحث الجانبان تطورات الأوضاع في المنطقة "
    "وسبل تعزيز التعاون الثنائي بين البلدين.\n"
    "وقال الوزير المصري في مؤتمر صحفي: «علاقاتنا مع الأردن راسخة ونعمل معا من أجل استقرار المنطقة».\n"
    "شارك المقال\n"
)
CONTRACT_KEYS = {"id", "source_path", "part", "url", "outlet", "title", "published", "language", "text", "credits",
                 "entities", "quotes", "dates", "events", "story", "duplicate_of"}


@pytest.fixture()
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    return d


def invoke(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def test_analyze_writes_contract_records_and_reports_bad_files(corpus):
    res = invoke("analyze", corpus, "--format", "jsonl")
    assert res.exit_code == 0
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("{")]
    assert len(lines) == 1
    rec = json.loads(lines[0])
    assert CONTRACT_KEYS <= rec.keys()
    assert rec["title"].startswith("وزير الخارجية المصري") and "شارك المقال" not in rec["text"]
    assert rec["credits"] == ["Petra"] and rec["dateline_ar"] == "عمان"
    assert "empty.txt: empty file" in res.stderr


def test_analyze_same_input_same_ids(corpus):
    ids = [json.loads(invoke("analyze", corpus).stdout.splitlines()[0])["id"] for _ in range(2)]
    assert ids[0] == ids[1]


def test_ingest_twice_does_not_duplicate_and_keeps_failures(corpus, tmp_path):
    db = tmp_path / "s.sqlite"
    first = invoke("ingest", corpus, "--db", db)
    assert "1 document(s) analysed" in first.stdout and "1 failure(s)" in first.stdout
    second = invoke("ingest", corpus, "--db", db)
    assert "0 document(s) analysed, 1 already stored" in second.stdout
    summary = invoke("summary", "--db", db).stdout
    assert summary.startswith("Documents: 1 ")
    fails = invoke("failures", "--db", db).stdout
    assert "empty.txt: empty file" in fails


def test_export_records(corpus, tmp_path):
    db = tmp_path / "s.sqlite"
    invoke("ingest", corpus, "--db", db)
    out = tmp_path / "out.jsonl"
    invoke("export", "records", "--db", db, "-o", out)
    recs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1 and CONTRACT_KEYS <= recs[0].keys()
    bad = CliRunner().invoke(app, ["export", "records", "--format", "csv", "--db", str(db)])
    assert bad.exit_code == 2 and "export them as jsonl" in bad.stderr


def test_commands_on_a_missing_store_say_so(tmp_path):
    res = CliRunner().invoke(app, ["summary", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "no store at" in res.stderr


def test_python_dash_m_runs_the_same_command_line():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "marsad", "--help"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0
    assert "analyze" in out.stdout
