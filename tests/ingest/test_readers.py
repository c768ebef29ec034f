"""Readers: every input kind, every encoding found in the wild, and every kind of bad input."""
from __future__ import annotations

import codecs
import json
import random

import pytest

from marsad.doc import Doc, Failure
from marsad.ingest import expand_paths, read_path, read_paths
from marsad.ingest import readers

TITLE = "الأمم المتحدة تدعو إلى هدنة في السودان"
BODY = ("دعا الأمين العام للأمم المتحدة اليوم الاثنين طرفي النزاع في السودان إلى وقف فوري لإطلاق النار "
        "والسماح بدخول المساعدات الإنسانية إلى المناطق المحاصرة.\n"
        "وقال المتحدث باسم المنظمة إن ملايين المدنيين يواجهون خطر المجاعة في ظل استمرار القتال.")
ARTICLE = f"{TITLE}\n{BODY}\n"


def read_one(path):
    items = list(read_path(path))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("encoding,prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16", b""), ("cp1256", b""),
])
def test_encodings_found_in_the_wild(tmp_path, encoding, prefix):
    p = tmp_path / "a.txt"
    p.write_bytes(prefix + ARTICLE.encode(encoding))
    doc = read_one(p)
    assert isinstance(doc, Doc)
    assert doc.title == TITLE and doc.text == BODY


def test_utf16_without_bom(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.encode("utf-16-le"))
    assert read_one(p).text == BODY


def test_bidi_and_zero_width_marks_are_removed(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE.replace("السودان", "السودان\u200f\u200b"), encoding="utf-8")
    doc = read_one(p)
    assert "\u200f" not in doc.text and "\u200b" not in doc.text


def test_windows_line_endings(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    assert read_one(p).text == BODY


@pytest.mark.parametrize("content,reason", [
    (b"", "empty file"),
    (b"   \n\n  ", "empty file"),
    (random.Random(3).randbytes(4096), "binary data"),
    (b"\x89PNG\r\n\x1a\n" + bytes(600), "binary data"),
])
def test_bad_files_fail_with_a_reason(tmp_path, content, reason):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    f = read_one(p)
    assert isinstance(f, Failure) and reason in f.reason and f.source_path == str(p)


def test_huge_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text(ARTICLE * 20, encoding="utf-8")
    f = read_one(p)
    assert isinstance(f, Failure) and "too large" in f.reason


def test_missing_file_is_a_failure_not_a_crash(tmp_path):
    f = read_one(tmp_path / "nowhere.txt")
    assert isinstance(f, Failure) and "no such file" in f.reason


def test_furniture_only_file_is_a_failure(tmp_path):
    p = tmp_path / "f.txt"
    p.write_text("شارك المقال\nفيسبوك تويتر\n", encoding="utf-8")
    f = read_one(p)
    assert isinstance(f, Failure) and "no article text" in f.reason


HTML = f"""<html><head><title>{TITLE} | موقع الخبر</title>
<meta property="article:published_time" content="2026-10-12T09:30:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<article><h1>{TITLE}</h1>{''.join(f'<p>{p}</p>' for p in BODY.split(chr(10)))}
<p>شارك المقال</p></article>
<aside><h3>الأكثر قراءة</h3><ul><li>ارتفاع أسعار الذهب</li><li>منتخب مصر يفوز</li></ul></aside>
<footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_html_page(tmp_path):
    p = tmp_path / "page.html"
    p.write_text(HTML, encoding="utf-8")
    doc = read_one(p)
    assert isinstance(doc, Doc)
    assert "ملايين المدنيين" in doc.text and "الأكثر قراءة" not in doc.text and "شارك المقال" not in doc.text
    assert doc.title.startswith(TITLE)
    assert doc.meta["page_dates"] == ["2026-10-12"]


@pytest.mark.parametrize("content,reason", [
    ("مجرد نص بلا وسوم", "not HTML"),
    ("<html><body><div></div></body></html>", "no article text"),
])
def test_bad_html(tmp_path, content, reason):
    p = tmp_path / "bad.html"
    p.write_text(content, encoding="utf-8")
    f = read_one(p)
    assert isinstance(f, Failure) and reason in f.reason


def test_jsonl_keeps_metadata_and_goes_on_after_bad_lines(tmp_path):
    good = {"id": "a1", "url": "https://example.org/news/1?x=«1»", "outlet": "الخبر", "title": TITLE,
            "published": "2026-10-12", "text": BODY}
    html_rec = {"id": "a2", "html": HTML}
    lines = [json.dumps(good, ensure_ascii=False), "{broken json", json.dumps({"id": "a3"}), "[1, 2]",
             json.dumps(html_rec, ensure_ascii=False), ""]
    p = tmp_path / "feed.jsonl"
    p.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_path(p))
    docs = [i for i in items if isinstance(i, Doc)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert [d.id for d in docs] == ["a1", "a2"]
    d = docs[0]
    assert (d.url, d.outlet, d.title, d.published, d.published_source) == (
        good["url"], "الخبر", TITLE, "2026-10-12", "input")
    assert d.text == BODY
    assert [f.source_path for f in fails] == [f"{p}:2", f"{p}:3", f"{p}:4"]
    assert "not JSON" in fails[0].reason and "neither 'text' nor 'html'" in fails[1].reason
    assert "not an object" in fails[2].reason


def test_jsonl_not_utf8_line(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_bytes(json.dumps({"text": BODY}, ensure_ascii=False).encode("cp1256") + b"\n")
    f = read_one(p)
    assert isinstance(f, Failure) and "not UTF-8" in f.reason


def test_same_input_same_ids(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE + "إقرأ أيضاً:\nالبرلمان يناقش قانون الانتخابات الجديد\n" + BODY.replace("الاثنين", "الأحد"),
                 encoding="utf-8")
    first = [d.id for d in read_path(p)]
    second = [d.id for d in read_path(p)]
    assert first == second and len(first) == 2 and first[1] == first[0] + "-2"


def test_folders_and_globs_expand_once_in_order(tmp_path):
    for name in ("b.txt", "a.html", "c.jsonl", "skip.pdf", "sub/d.txt"):
        q = tmp_path / name
        q.parent.mkdir(parents=True, exist_ok=True)
        q.write_text("x", encoding="utf-8")
    names = [p.name for p in expand_paths([tmp_path, str(tmp_path / "*.txt")])]
    assert names == ["a.html", "b.txt", "c.jsonl", "d.txt"]


def test_read_paths_streams_documents_and_failures(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    kinds = [type(i).__name__ for i in read_paths([tmp_path])]
    assert kinds == ["Doc", "Failure"]
