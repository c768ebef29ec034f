"""The REST API and the dashboard, on a small store built from articles written for these tests."""
from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from marsad.doc import Actor, Doc, Entity, Event, Failure, Mention, Place, Quote, Speaker
from marsad.serve.api import create_app
from marsad.serve.dashboard import timeline
from marsad.store import Store

# Four articles written for these tests, annotated by hand so that the API is tested on known answers, whatever
# the analysis stages find.
ARTICLES = [
    {"id": "t-1", "outlet": "صحيفة الأفق", "published": "2025-03-10", "url": "https://alofoq.example/1",
     "title": "لافروف ووانغ يي يبحثان في بكين تنسيق المواقف في الأمم المتحدة", "story": "story-t-1",
     "text": "التقى وزير الخارجية الروسي سيرغي لافروف نظيره الصيني وانغ يي في بكين اليوم الاثنين، وبحث "
             "الجانبان تنسيق مواقف البلدين في الأمم المتحدة.\n"
             "وقال لافروف في مؤتمر صحفي مشترك: «نحن متفقون على ضرورة تعزيز التنسيق بين بلدينا».\n"
             "من جهته، أكد وانغ يي أن العلاقات بين الصين وروسيا تشهد مرحلة جيدة من التعاون في مجالات الطاقة والتجارة."},
    {"id": "t-2", "outlet": "شبكة المدار", "published": "2025-03-10", "url": "https://almadar.example/2",
     "title": "مباحثات روسية صينية في بكين بين لافروف ووانغ يي", "story": "story-t-1",
     "text": "عقد سيرغي لافروف ووانغ يي جولة مباحثات في العاصمة الصينية بكين اليوم الاثنين تناولت تنسيق مواقف "
             "البلدين في الأمم المتحدة.\n"
             "وقال وزير الخارجية الروسي للصحفيين عقب اللقاء: «نحن متفقون على ضرورة تعزيز التنسيق بين بلدينا».\n"
             "وأشار وانغ يي إلى أن التعاون في مجالي الطاقة والتجارة يتقدم بخطى ثابتة."},
    {"id": "t-3", "outlet": "صحيفة الأفق", "published": "2025-03-12", "url": "https://alofoq.example/3",
     "title": "معلمون يتظاهرون في تونس احتجاجا على تأخر الرواتب", "story": "story-t-3",
     "text": "تظاهر مئات المعلمين أمام مقر وزارة التربية في تونس العاصمة اليوم الأربعاء احتجاجا على تأخّر صرف "
             "رواتبهم منذ شهرين.\nورفع المحتجون لافتات تطالب الحكومة بصرف المستحقات المتأخرة في أقرب وقت."},
    {"id": "t-4", "outlet": "وكالة النهر", "published": "2025-03-11", "url": "https://alnahr.example/4",
     "title": "قصف مدفعي يستهدف سوقا في مدينة الفاشر السودانية", "story": "story-t-4",
     "text": "قتل خمسة مدنيين وأصيب عشرات آخرون أمس الاثنين في قصف مدفعي استهدف سوقا شعبيا في مدينة الفاشر "
             "غرب السودان.\nوطالبت الأمم المتحدة بوقف فوري للهجمات على المدنيين في السودان."},
]
LAVROV = ("per:sergey_lavrov", "Sergey Lavrov", "سيرغي لافروف", "PER", "RUS", ["سيرغي لافروف", "لافروف"])
WANG = ("per:wang_yi", "Wang Yi", "وانغ يي", "PER", "CHN", ["وانغ يي"])
BEIJING = ("gpe:beijing", "Beijing", "بكين", "GPE", "CHN", ["بكين"])
UN = ("org:un", "United Nations", "الأمم المتحدة", "ORG", None, ["الأمم المتحدة"])
TUNISIA = ("gpe:TUN", "Tunisia", "تونس", "GPE", "TUN", ["تونس"])
SUDAN = ("gpe:SDN", "Sudan", "السودان", "GPE", "SDN", ["السودان"])
ENTITIES = {"t-1": [LAVROV, WANG, BEIJING, UN], "t-2": [LAVROV, WANG, BEIJING, UN], "t-3": [TUNISIA],
            "t-4": [SUDAN, UN]}
# (doc, speaker entity, speaker words, quoted words, kind, cue)
QUOTES = [
    ("t-1", LAVROV, "لافروف", "نحن متفقون على ضرورة تعزيز التنسيق بين بلدينا", "direct", "قال"),
    ("t-1", WANG, "وانغ يي", "العلاقات بين الصين وروسيا تشهد مرحلة جيدة من التعاون", "indirect", "أكد"),
    ("t-2", LAVROV, "وزير الخارجية الروسي", "نحن متفقون على ضرورة تعزيز التنسيق بين بلدينا", "direct", "قال"),
    ("t-2", WANG, "وانغ يي", "التعاون في مجالي الطاقة والتجارة يتقدم بخطى ثابتة", "indirect", "أشار"),
]
# (doc, type, cameo, goldstein, source, target, date, place, evidence)
BEIJING_PLACE = Place("Beijing", "CHN", 39.9, 116.4, "gpe:beijing")
EVENTS = [
    ("t-1", "CONSULT", "040", 1.0, Actor("per:sergey_lavrov", "Sergey Lavrov", "RUS", "GOV"),
     Actor("per:wang_yi", "Wang Yi", "CHN", "GOV"), "2025-03-10", BEIJING_PLACE, "التقى وزير الخارجية الروسي"),
    ("t-2", "CONSULT", "040", 1.0, Actor("per:sergey_lavrov", "Sergey Lavrov", "RUS", "GOV"),
     Actor("per:wang_yi", "Wang Yi", "CHN", "GOV"), "2025-03-10", BEIJING_PLACE, "عقد سيرغي لافروف ووانغ يي"),
    ("t-3", "PROTEST", "141", -6.5, Actor(None, None, "TUN", "EDU", "مئات المعلمين"), None, "2025-03-12",
     Place("Tunis", "TUN", 36.8, 10.18), "تظاهر مئات المعلمين"),
    ("t-4", "ASSAULT", "190", -10.0, None, Actor(None, None, "SDN", "CVL", "مدنيين"), "2025-03-10",
     Place("El Fasher", "SDN", 13.63, 25.35), "قصف مدفعي استهدف سوقا شعبيا"),
    ("t-4", "REQUEST", "100", -5.0, Actor("org:un", "United Nations", None, "IGO"), None, None, None,
     "وطالبت الأمم المتحدة بوقف فوري"),
]
ERROR_KEYS = {"code", "message"}


def _mentions(text, surfaces):
    taken, out = set(), []
    for s in sorted(surfaces, key=len, reverse=True):  # the longest name first; its parts are not mentions again
        for i in [i for i in range(len(text)) if text.startswith(s, i)]:
            if not taken & set(range(i, i + len(s))):
                taken |= set(range(i, i + len(s)))
                out.append(Mention(i, i + len(s), s))
    return sorted(out, key=lambda m: m.start)


def _doc(a):
    text = a["text"]
    doc = Doc(id=a["id"], text=text, source_path="/in/articles.jsonl", url=a["url"], outlet=a["outlet"],
              title=a["title"], published=a["published"], story=a["story"])
    doc.entities = [Entity(i, en, ar, t, country=c, mentions=_mentions(text, surf))
                    for i, en, ar, t, c, surf in ENTITIES[a["id"]]]
    for d, ent, who, said, kind, cue in QUOTES:
        if d == a["id"]:
            at, w = text.index(said), text.index(who)
            doc.quotes.append(Quote(said, at, at + len(said), cue, Speaker(who, ent[0], ent[1], w, w + len(who)),
                                    kind=kind, date=a["published"]))
    for d, typ, cameo, g, src, tgt, day, place, evidence in EVENTS:
        if d == a["id"]:
            at = text.index(evidence)
            doc.events.append(Event(typ, cameo, g, src, tgt, day, place, at, at + len(evidence)))
    return doc


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("api") / "s.sqlite"
    with Store(path) as st:
        st.write_batch([_doc(a) for a in ARTICLES] + [Failure("/in/blank.txt", "empty file")])
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def get(client, url, **params):
    res = client.get(url, params=params)
    assert res.status_code == 200, res.text
    return res.json()


def ids(page):
    return {d["id"] for d in page["items"]}


def test_summary_counts_documents_and_failures(client):
    s = get(client, "/api/v1/summary")
    assert s["counts"]["documents"] == 4 and s["failures"] == 1 and s["counts"]["failures"] == 1
    assert s["published"] == {"first": "2025-03-10", "last": "2025-03-12"}
    assert all({"id", "name_en", "name_ar", "type", "documents"} <= e.keys() for e in s["top_entities"])
    assert sum(t["count"] for t in s["events_by_type"]) == s["counts"]["events"]


def test_documents_list_leaves_out_the_text_unless_asked(client):
    page = get(client, "/api/v1/documents")
    assert page["total"] == 4 and ids(page) == {"t-1", "t-2", "t-3", "t-4"}
    assert all("text" not in d and d["snippet"] for d in page["items"])
    full = get(client, "/api/v1/documents", fields="full")
    assert all(d["text"] and "snippet" not in d for d in full["items"])


def test_documents_are_newest_first_and_paged(client):
    page = get(client, "/api/v1/documents", limit=2, offset=1)
    assert page["total"] == 4 and page["limit"] == 2 and page["offset"] == 1
    assert [d["published"] for d in page["items"]] == ["2025-03-11", "2025-03-10"]


@pytest.mark.parametrize("params, expected", [
    ({"outlet": "صحيفة الأفق"}, {"t-1", "t-3"}),
    ({"from": "2025-03-11"}, {"t-3", "t-4"}),
    ({"to": "2025-03-10"}, {"t-1", "t-2"}),
    ({"from": "2025-03", "to": "2025-03-11"}, {"t-1", "t-2", "t-4"}),
    ({"q": "المعلمين"}, {"t-3"}),
    ({"q": "تاخر صرف"}, {"t-3"}),  # without the hamza, as people type it
    ({"q": "الفاشر", "outlet": "صحيفة الأفق"}, set()),
    ({"entity": "per:sergey_lavrov"}, {"t-1", "t-2"}),
])
def test_documents_filters(client, params, expected):
    assert ids(get(client, "/api/v1/documents", **params)) == expected


def test_documents_filter_by_story(client):
    story = get(client, "/api/v1/documents/t-1")["story"]
    page = get(client, "/api/v1/documents", story=story)
    assert "t-1" in ids(page) and all(d["story"] == story for d in page["items"])


def test_document_is_the_whole_record(client):
    rec = get(client, "/api/v1/documents/t-3")
    assert {"id", "text", "entities", "quotes", "dates", "events", "story", "duplicate_of"} <= rec.keys()
    assert rec["title"] == ARTICLES[2]["title"] and "تظاهر مئات المعلمين" in rec["text"]


def test_stories_list_reports_and_titles(client):
    page = get(client, "/api/v1/stories")
    assert sum(len(s["reports"]) for s in page["items"]) == 4
    for s in page["items"]:
        assert s["title"] and s["story"] and {"summary", "first", "last", "events"} <= s.keys()
    sizes = [len(s["reports"]) for s in page["items"]]
    assert sizes == sorted(sizes, reverse=True)


def test_stories_min_reports(client):
    page = get(client, "/api/v1/stories", min_reports=2)
    assert [(s["story"], len(s["reports"])) for s in page["items"]] == [("story-t-1", 2)]


def test_story_detail(client):
    story = get(client, "/api/v1/documents/t-3")["story"]
    s = get(client, f"/api/v1/stories/{story}")
    assert s["story"] == story and "t-3" in {r["id"] for r in s["reports"]} and s["first"] == "2025-03-12"


def test_entities_by_type(client):
    page = get(client, "/api/v1/entities", type="per")
    assert page["total"] == 2 and {e["id"] for e in page["items"]} == {"per:sergey_lavrov", "per:wang_yi"}


@pytest.mark.parametrize("q", ["لافروف", "LAVROV", "per:sergey_lavrov"])
def test_entities_search_by_name_or_id(client, q):
    page = get(client, "/api/v1/entities", q=q)
    assert "per:sergey_lavrov" in {e["id"] for e in page["items"]}


def test_entity_detail_has_documents_quotes_and_events(client):
    e = get(client, "/api/v1/entities/per:sergey_lavrov")
    assert e["name_en"] == "Sergey Lavrov" and e["documents"] == 2
    assert {d["id"] for d in e["documents_list"]} == {"t-1", "t-2"}
    assert len(e["quotes"]) == 2 and all(q["entity"] == "per:sergey_lavrov" for q in e["quotes"])
    assert {(ev["doc_id"], ev["type"]) for ev in e["events"]} == {("t-1", "CONSULT"), ("t-2", "CONSULT")}
    assert e["country"] == "RUS"


def test_quotes_by_speaker_and_kind(client):
    page = get(client, "/api/v1/quotes", speaker="lavrov", kind="direct")
    assert len(page["items"]) == 2
    assert all(q["speaker"] == "Sergey Lavrov" and q["kind"] == "direct" for q in page["items"])
    assert all(q["kind"] == "indirect" for q in get(client, "/api/v1/quotes", kind="indirect")["items"])


def test_quotes_by_arabic_speaker_name_also_when_the_text_gives_a_title(client):
    page = get(client, "/api/v1/quotes", speaker="لافروف")
    assert {q["doc_id"] for q in page["items"]} == {"t-1", "t-2"}
    assert all(q["entity"] == "per:sergey_lavrov" for q in page["items"])


def test_quotes_by_entity(client):
    page = get(client, "/api/v1/quotes", entity="per:wang_yi")
    assert len(page["items"]) == 2 and all(q["kind"] == "indirect" for q in page["items"])


def test_events_have_evidence_and_places(client):
    page = get(client, "/api/v1/events")
    assert page["total"] == len(page["items"]) == len(EVENTS)
    protest = next(ev for ev in page["items"] if ev["type"] == "PROTEST")
    assert protest["evidence"] == "تظاهر مئات المعلمين" and protest["location"] == {"name": "Tunis", "lat": 36.8,
                                                                                    "lon": 10.18}
    for ev in page["items"]:
        assert ev["type"] and ev["evidence"] and ev["doc_id"] in {"t-1", "t-2", "t-3", "t-4"}
        assert ev["location"] is None or {"name", "lat", "lon"} <= ev["location"].keys()


@pytest.mark.parametrize("params, expected", [
    ({"type": "consult"}, {("t-1", 0), ("t-2", 0)}),
    ({"country": "sdn"}, {("t-4", 0)}),
    ({"from": "2025-03-11"}, {("t-3", 0), ("t-4", 1)}),  # the undated request takes its report's date
    ({"to": "2025-03-10"}, {("t-1", 0), ("t-2", 0), ("t-4", 0)}),
    ({"from": "2025-03", "to": "2025"}, {("t-1", 0), ("t-2", 0), ("t-3", 0), ("t-4", 0), ("t-4", 1)}),
])
def test_events_filters(client, params, expected):
    page = get(client, "/api/v1/events", **params)
    assert page["total"] == len(expected) and {(e["doc_id"], e["n"]) for e in page["items"]} == expected


def test_failures(client):
    page = get(client, "/api/v1/failures")
    assert page["total"] == 1 and page["items"][0]["source_path"].endswith("blank.txt")
    assert page["items"][0]["reason"] == "empty file"


@pytest.mark.parametrize("method, url, status, code", [
    ("GET", "/api/v1/nothing-here", 404, "not_found"),
    ("GET", "/no/such/page", 404, "not_found"),
    ("GET", "/api/v1/documents/no-such-doc", 404, "not_found"),
    ("GET", "/api/v1/stories/no-such-story", 404, "not_found"),
    ("GET", "/api/v1/entities/per:nobody", 404, "not_found"),
    ("GET", "/api/v1/documents?limit=0", 422, "validation_error"),
    ("GET", "/api/v1/documents?limit=many", 422, "validation_error"),
    ("GET", "/api/v1/documents?from=10/03/2025", 422, "validation_error"),
    ("GET", "/api/v1/documents?fields=everything", 422, "validation_error"),
    ("GET", "/api/v1/quotes?kind=shouted", 422, "validation_error"),
    ("POST", "/api/v1/summary", 405, "method_not_allowed"),
])
def test_errors_have_one_shape(client, method, url, status, code):
    res = client.request(method, url)
    assert res.status_code == status
    body = res.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    assert body["error"]["code"] == code and body["error"]["message"]


def test_validation_error_names_the_parameter(client):
    msg = client.get("/api/v1/events", params={"limit": 100000}).json()["error"]["message"]
    assert msg.startswith("limit:")


def test_missing_store_is_a_503_in_the_same_shape(tmp_path):
    with TestClient(create_app(tmp_path / "none.sqlite")) as c:
        res = c.get("/api/v1/summary")
    assert res.status_code == 503
    assert res.json()["error"]["code"] == "store_unavailable" and "no store at" in res.json()["error"]["message"]


def test_the_store_is_not_written_by_the_server(db, client):
    before = db.stat().st_mtime_ns
    get(client, "/api/v1/summary")
    client.get("/")
    assert db.stat().st_mtime_ns == before


def test_dashboard_shows_counts_and_story_titles(client):
    res = client.get("/")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    html = res.text
    for s in get(client, "/api/v1/stories")["items"]:
        assert s["title"] in html
    assert 'dir="rtl"' in html and "<svg" in html and 'id="event-type"' in html


def test_dashboard_links_top_entities_to_their_pages(client):
    assert 'href="http://testserver/entities/per:sergey_lavrov"' in client.get("/").text


def test_dashboard_loads_nothing_from_other_hosts(client):
    html = client.get("/").text
    assets = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("http://testserver/static/") for a in assets)
    for a in assets:
        assert client.get(a).status_code == 200


def test_entity_page_renders(client):
    res = client.get("/entities/per:sergey_lavrov")
    assert res.status_code == 200 and "Sergey Lavrov" in res.text and "نحن متفقون" in res.text


def test_unknown_entity_page_is_404(client):
    assert client.get("/entities/per:nobody").status_code == 404


def test_api_reference_is_served_without_a_cdn(client):
    html = client.get("/api/docs").text
    assert "/api/v1/events" in html and "cdn" not in html.lower()
    assert "/api/v1/documents" in client.get("/api/openapi.json").json()["paths"]


def test_timeline_counts_far_dates_apart():
    by_day = [{"date": "2025-03-10", "count": 3, "cooperative": 2, "conflictual": 1},
              {"date": "1999-01-01", "count": 2, "cooperative": 0, "conflictual": 2}]
    chart = timeline(by_day, "2025-03-09", "2025-03-12")
    assert [b["date"] for b in chart["bars"]] == ["2025-03-10"] and chart["outside"] == 2 and chart["max"] == 3


def test_cli_serve_starts_uvicorn_on_localhost(db, monkeypatch):
    import uvicorn

    from marsad.serve.cli import app

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda application, **kw: seen.update(kw, app=application))
    res = CliRunner().invoke(app, ["serve", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8321 and seen["app"].state.db == db


def test_cli_serve_without_a_store_says_so(tmp_path):
    from marsad.serve.cli import app

    res = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "no store at" in res.stderr
