"""A story's view from stored records."""
from marsad.link import records_story_view


def record(i: str, outlet: str, source: dict, published: str | None) -> dict:
    text = "استقبل وزير الخارجية الأردني نظيره الياباني في عمّان اليوم وبحثا تمويل محطة تحلية المياه في العقبة."
    return {"id": i, "text": text, "title": "لقاء أردني ياباني في عمّان", "outlet": outlet, "published": published,
            "duplicate_of": None, "entities": [],
            "events": [{"type": "CONSULT", "cameo": "040", "source": source,
                        "target": {"entity": None, "name_en": "Japan", "country": "JPN"}, "date": published,
                        "location": {"name_en": "Amman", "country": "JOR", "entity": "gpe:amman"},
                        "evidence": {"start": 0, "end": 6}}]}


def test_one_meeting_named_two_ways_is_one_event_of_two_outlets():
    minister = {"entity": "per:jordan_fm", "name_en": "Jordan's foreign minister", "country": "JOR"}
    jordan = {"entity": "gpe:JOR", "name_en": "Jordan", "country": "JOR"}
    view = records_story_view([record("1", "a", minister, "2020-03-10"), record("2", "b", jordan, None)])
    assert view["events"] == ["CONSULT: Jordan's foreign minister -> Japan in Amman (2020-03-10) - 2 outlets, 2 reports"]


def test_title_and_summary_come_from_the_reports():
    view = records_story_view([record("1", "a", None, "2020-03-10")])
    assert view["title"] == "لقاء أردني ياباني في عمّان" and "تحلية" in view["summary"]
