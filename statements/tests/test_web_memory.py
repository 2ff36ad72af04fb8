"""List pages and feeds never read article bodies: with a 5 MB article and 20 of its quotes present,
a page reads a few hundred KB at most, not 5 MB per quote (issue: 220 MB per /timeline/ request)."""

import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Incident, Quote, Topic

BODY = 5 * 1024 * 1024
BOUND = 2 * 1024 * 1024  # what a page may allocate at its peak, well under one article body


@pytest.fixture
def big_article(make_article, putin):
    article = make_article("Le président a parlé. " * (BODY // 22), publisher="Agence", url="https://example.org/a")
    incident = Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    topic = Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    for n in range(20):
        quote = Quote.objects.create(article=article, text=f"Déclaration {n}", start=n * 22, end=n * 22 + 20,
                                     speaker=putin, language="fr", statement_date=f"2021-07-{n + 1:02d}")
        quote.incidents.add(incident)
        quote.topics.add(topic)
    return article


PAGES = ["/", "/timeline/", "/timeline/?speaker=vladimir-putin", "/incidents/kaseya/", "/topics/ransomware/",
         "/actors/vladimir-putin/", "/actors/vladimir-putin/feed/", "/incidents/kaseya/feed/", "/timeline/overview/",
         "/articles/", "/api/v1/timeline/", "/api/v1/quotes/", "/search/?q=d%C3%A9claration",
         "/api/v1/search/?q=d%C3%A9claration", "/api/v1/quotes/export.csv",
         "/search/export.csv?q=d%C3%A9claration"]


@pytest.mark.parametrize("url", PAGES)
def test_a_list_page_or_feed_reads_no_article_body(client, big_article, url):
    client.get(url)  # warm: templates compiled, caches filled
    tracemalloc.start()
    try:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            content = b"".join(response.streaming_content) if response.streaming else response.content
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert response.status_code == 200
    assert b"Le pr\xc3\xa9sident a parl\xc3\xa9. Le pr" not in content
    assert not [query["sql"] for query in queries if '"statements_article"."text"' in query["sql"]]
    assert peak < BOUND, f"{url} allocated {peak:,} bytes at its peak"
