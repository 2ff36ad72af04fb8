"""/api/v1/timeline/: the merged stream for scripts, and as TimelineJS JSON."""

from rest_framework.test import APIClient

from statements.models import Event, Incident, Quote


def test_timeline_merges_filters_pages_and_exports_timelinejs(make_article, putin, biden):
    article = make_article("x" * 500)
    for n in range(3):
        Quote.objects.create(article=article, text=f"Déclaration {n}", start=n * 50, end=n * 50 + 15,
                             speaker=putin if n else biden, language="fr", statement_date=f"2021-0{n + 5}-01",
                             statement_precision="month")
    Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    Event.objects.create(name="Geneva summit", slug="geneva", kind="summit", start_date="2021-06-16")
    client = APIClient()

    body = client.get("/api/v1/timeline/").json()
    assert [(e["kind"], e["date"]) for e in body["results"]] == [
        ("incident", "2021-07-02"), ("quote", "2021-07"), ("event", "2021-06-16"), ("quote", "2021-06"),
        ("quote", "2021-05")]

    by_putin = client.get("/api/v1/timeline/", {"speaker": putin.slug}).json()["results"]
    assert {e["title"] for e in by_putin} == {"Vladimir Putin"}

    timelinejs = client.get("/api/v1/timeline/", {"output": "timelinejs"}).json()
    assert timelinejs["events"][0]["start_date"] == {"year": 2021, "month": 7, "day": 2}
    assert timelinejs["events"][1]["start_date"] == {"year": 2021, "month": 7}  # no made-up day

    assert client.get("/api/v1/timeline/", {"date_after": "2021-13"}).status_code == 400
