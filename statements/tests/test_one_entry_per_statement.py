"""A statement reported by several quotes (articles, languages) is one entry of the timeline, the search, the
lists and the charts, saying "reported by N sources (en, fr)"; filters apply to its reports; pages read a
constant number of queries however many statements they show."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from statements.models import Incident, Quote, Statement, Topic
from statements.overview import monthly_statements, most_quoted_actors, site_counts
from statements.timeline import monthly_counts, overview_points

READOUT_EN = "The United States expects Russia to act against the ransomware groups operating from its soil"
READOUT_FR = "Les Etats-Unis attendent de la Russie qu'elle agisse contre les groupes de rançongiciel sur son sol"


@pytest.fixture
def make_statement(make_article, biden):
    """A statement of Biden's reported twice: in English by Reuters on its day, in French by AFP a day later."""

    def make(day=datetime.date(2021, 7, 9), suffix=""):
        statement = Statement.objects.create(speaker=biden, statement_date=day)
        reports = []
        for text, language, publisher, said in ((READOUT_EN, "en", "Reuters", day),
                                                (READOUT_FR, "fr", "AFP", day + datetime.timedelta(days=1))):
            text = f"{text}{suffix}"
            article = make_article(f"« {text} »", language=language, publisher=publisher, published_date=said)
            reports.append(Quote.objects.create(article=article, text=text, start=2, end=2 + len(text),
                                                speaker=biden, language=language, statement_date=said,
                                                statement=statement))
        return reports

    return make


@pytest.fixture
def reported(make_statement):
    return make_statement()


def quote_entries(page):
    return [entry.item for entry in page.entries if entry.kind == "quote"]


def test_the_timeline_shows_a_statement_once_with_its_sources(client, reported):
    english, french = reported
    response = client.get("/timeline/", headers={"accept-language": "en"})
    assert [quote.pk for quote in quote_entries(response.context["page"])] == [english.pk]  # the earliest report
    html = response.content.decode()
    assert html.count('class="quote"') == 1
    assert "reported by 2 sources (en, fr)" in html and f'href="/statements/{english.statement_id}/"' in html


def test_a_filter_matching_only_the_second_report_still_finds_the_statement(client, reported):
    english, french = reported
    page = client.get("/timeline/", {"language": "fr"}).context["page"]
    assert [quote.pk for quote in quote_entries(page)] == [french.pk]
    assert "reported by 2 sources (en, fr)" in client.get("/timeline/", {"language": "fr"}).content.decode()
    result = APIClient().get("/api/v1/search/", {"q": "lang:fr"}).json()
    assert result["count"] == 1 and [row["id"] for row in result["results"]] == [french.pk]


def test_a_quote_of_no_statement_is_its_own_entry(client, reported, make_article, putin):
    article = make_article("« Nous ne sommes pas impliqués »")
    alone = Quote.objects.create(article=article, text="Nous ne sommes pas impliqués", start=2, end=30,
                                 speaker=putin, language="fr", statement_date=datetime.date(2021, 7, 12))
    entries = quote_entries(client.get("/timeline/").context["page"])
    assert [quote.pk for quote in entries] == [alone.pk, reported[0].pk]


def test_the_timeline_api_gives_one_entry_with_its_sources_and_languages(reported):
    english, _ = reported
    entries = APIClient().get("/api/v1/timeline/").json()["results"]
    [entry] = [entry for entry in entries if entry["kind"] == "quote"]
    assert entry["id"] == english.pk and entry["statement"] == english.statement_id
    assert entry["sources"] == 2 and entry["languages"] == ["en", "fr"]
    assert entry["statement_url"].endswith(f"/statements/{english.statement_id}/")


def test_keyset_pages_show_each_statement_once(make_statement):
    from statements.timeline import timeline_page

    for n in range(5):
        make_statement(datetime.date(2021, 7, 1 + 2 * n), suffix=f" {n}")
    seen, cursor = [], None
    while True:
        page = timeline_page(Quote.objects.all(), cursor=cursor, size=2)
        seen += [quote.statement_id for quote in quote_entries(page)]
        if not (cursor := page.next_cursor):
            break
    assert sorted(seen) == sorted(Statement.objects.values_list("pk", flat=True))


def test_the_search_shows_a_statement_once_and_counts_statements(client, reported):
    english, french = reported
    response = client.get("/search/", {"q": "ransomware"}, headers={"accept-language": "en"})
    html = response.content.decode()
    assert len(response.context["quotes"]) == 1 and "1 statement found" in html
    assert "reported by 2 sources (en, fr)" in html
    assert [count for _, count in response.context["monthly"]] == [1]
    facets = response.context["facets"]
    assert [(row["code"], row["count"]) for row in facets["languages"]] == [("en", 1), ("fr", 1)]
    assert [row["count"] for row in facets["speakers"]] == [1] and [row["count"] for row in facets["years"]] == [1]


def test_the_search_api_gives_one_result_with_its_sources(reported):
    body = APIClient().get("/api/v1/search/", {"q": "ransomware"}).json()
    assert body["count"] == 1 and body["count_is_exact"] is True
    [row] = body["results"]
    assert row["statement"] == reported[0].statement_id and row["sources"] == 2 and row["languages"] == ["en", "fr"]


def test_feeds_give_one_item_per_statement(client, reported, biden):
    for url in (f"/actors/{biden.slug}/feed/", "/search/feed/?q=ransomware"):
        assert client.get(url).content.decode().count("<entry>") == 1


def test_the_exports_keep_one_row_per_report(client, reported):
    lines = b"".join(client.get("/search/export.jsonl", {"q": "ransomware"}).streaming_content).splitlines()
    assert len(lines) == 2


def test_counts_and_charts_count_statements(client, reported, biden):
    cache.clear()  # the overview's figures are cached
    assert [count for _, count in monthly_counts(Quote.objects.all())] == [1]
    assert [count for _, count in monthly_counts(Quote.objects.all(), reports=True)] == [2]
    assert site_counts()["statements"] == 1
    assert [(actor, actor.quote_count) for actor in most_quoted_actors()] == [(biden, 1)]
    assert [point.kind for point in overview_points(Quote.objects.all(), context=None)] == ["quote"]
    assert APIClient().get("/api/v1/stats/monthly/").json() == [{"month": "2021-07", "statements": 1, "quotes": 2}]
    actor_page = client.get(f"/actors/{biden.slug}/")
    assert len(actor_page.context["statements"]) == 1 and [n for _, n in actor_page.context["monthly"]] == [1]
    cache.clear()


def test_the_home_chart_and_count_read_the_leads_of_one_query_as_the_charts_do(make_statement, make_article, biden):
    """A statement with an undated report counts in the month of its dated one; one reported only undated counts
    in the site's statements and in no month; a quote of no statement counts once."""
    english, _ = make_statement()
    undated_statement = Statement.objects.create(speaker=biden)
    for statement, day in ((english.statement, None), (undated_statement, None), (None, datetime.date(2021, 9, 1))):
        article = make_article("« Nous agirons contre les rançongiciels »", language="fr")
        Quote.objects.create(article=article, text="Nous agirons contre les rançongiciels", start=2, end=39,
                             speaker=biden, language="fr", statement_date=day, statement=statement)
    cache.clear()
    with CaptureQueriesContext(connection) as counted:
        chart, counts = monthly_statements(), site_counts()
    assert chart == monthly_counts(Quote.objects.all()) and [n for _, n in chart] == [1, 1]
    assert counts["statements"] == Quote.objects.published().one_per_statement().count() == 3
    assert sum("NOT EXISTS" in query["sql"] for query in counted.captured_queries) == 1
    cache.clear()


def test_incident_and_topic_pages_and_lists_count_statements(client, reported):
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    ransomware = Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    for quote in reported:
        quote.incidents.add(kaseya)
        quote.topics.add(ransomware)
    [listed] = client.get("/incidents/").context["object_list"]
    assert listed.statement_count == 1
    assert [n for _, n in client.get("/incidents/kaseya/").context["monthly"]] == [1]
    [topic] = client.get("/topics/").context["object_list"]
    assert topic.statement_count == 1
    topic_page = client.get("/topics/ransomware/")
    assert len(topic_page.context["statements"]) == 1 and [n for _, n in topic_page.context["monthly"]] == [1]
    statements = [step for step in client.get("/incidents/kaseya/").context["chain"] if step.kind == "statement"]
    assert [step.item.pk for step in statements] == [reported[0].pk]


def queries_of(client, url: str, params: dict) -> int:
    client.get(url, params)  # warm: the first request of a test reads sessions, vocabularies, caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, params).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("url", "params"), [
    ("/timeline/", {}), ("/timeline/", {"language": "fr"}), ("/search/", {"q": "ransomware"}),
    ("/api/v1/timeline/", {}), ("/api/v1/search/", {"q": "ransomware"}), ("/", {}),
])
def test_pages_read_as_many_queries_for_twenty_statements_as_for_one(client, make_statement, url, params):
    make_statement(suffix=" 0")
    cache.clear()
    one = queries_of(client, url, params)
    for n in range(1, 20):
        make_statement(datetime.date(2021, 6, 1) + datetime.timedelta(days=n), suffix=f" {n}")
    cache.clear()
    assert queries_of(client, url, params) == one
