"""The batch runner: undated reports wait for the dated reports of their story."""
from __future__ import annotations

import json

from marsad.runner import run
from marsad.settings import Settings

BODY = ("التقى وزير الخارجية الأردني نظيره الياباني في عمّان اليوم الثلاثاء وبحثا مشروع محطة تحلية المياه في "
        "العقبة وتمويل الجسر البحري الجديد، واتفقا على توقيع مذكرة تفاهم للتعاون في الطاقة الشمسية.\n"
        "وقال الوزير الأردني في مؤتمر صحفي: «مشروع تحلية المياه في العقبة أولوية وطنية ونشكر اليابان على دعمها».")


def test_an_undated_report_read_first_takes_the_date_of_its_story_and_its_dates_are_resolved(tmp_path):
    feed = tmp_path / "feed.jsonl"
    rows = [{"id": "undated", "title": "الأردن واليابان يبحثان تحلية مياه العقبة", "text": BODY},
            {"id": "dated", "title": "مذكرة تفاهم أردنية يابانية في الطاقة الشمسية", "published": "2026-03-10",
             "text": BODY.replace("وبحثا", "وناقشا")}]
    feed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = []
    run([str(feed)], Settings(progress=False), sink=out.append, force=True)
    by_id = {d.id: d for d in out}
    assert [d.id for d in out] == ["dated", "undated"]
    u = by_id["undated"]
    assert (u.story, u.published, u.published_source) == (by_id["dated"].story, "2026-03-10", "story")
    assert any(m.text == "اليوم الثلاثاء" and m.value == "2026-03-10" for m in u.dates)
