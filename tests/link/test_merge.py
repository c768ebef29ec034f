"""Event merging and propagation within a story."""
from marsad.doc import Actor, Doc, Entity, Event
from marsad.link import merge_events, propagate


def ev(date, src="JOR", tgt="JPN"):
    return Event(type="CONSULT", cameo="042", goldstein=1.9, source=Actor(country=src), target=Actor(country=tgt),
                 date=date, location=None, evidence_start=0, evidence_end=5, cue="التقى")


def test_reports_of_one_event_merge_and_count_outlets_not_copies():
    a = Doc(id="1", text="x", outlet="okaz", events=[ev("2020-03-10")])
    b = Doc(id="2", text="x", outlet="sabq", events=[ev("2020-03-11")])
    c = Doc(id="3", text="x", outlet="sabq", events=[ev("2020-03-10")], duplicate_of="2")
    [m] = merge_events([a, b, c])
    assert m["counts"] == {"mentions": 3, "reports": 2, "outlets": 2, "copies": 1}
    assert m["sources"] == ["okaz", "sabq"]


def test_events_far_apart_in_time_stay_apart():
    a = Doc(id="1", text="x", events=[ev("2020-03-10")])
    b = Doc(id="2", text="x", events=[ev("2020-04-20")])
    assert len(merge_events([a, b])) == 2


def test_other_actors_are_other_events():
    a = Doc(id="1", text="x", events=[ev("2020-03-10")])
    b = Doc(id="2", text="x", events=[ev("2020-03-10", tgt="KOR")])
    assert len(merge_events([a, b])) == 2


def test_undated_report_takes_the_story_date():
    a = Doc(id="1", text="x", published="2020-03-10")
    b = Doc(id="2", text="x")
    propagate([a, b])
    assert (b.published, b.published_source) == ("2020-03-10", "story")


def test_surname_takes_the_identity_resolved_elsewhere():
    full = Entity(id="per:q1", name_en="Ayman Safadi", name_ar="أيمن الصفدي", type="PER", wikidata="Q1")
    bare = Entity(id="new:per:الصفدي", name_en="الصفدي", name_ar="الصفدي", type="PER")
    propagate([Doc(id="1", text="x", entities=[full]), Doc(id="2", text="x", entities=[bare])])
    assert (bare.id, bare.wikidata) == ("per:q1", "Q1")
