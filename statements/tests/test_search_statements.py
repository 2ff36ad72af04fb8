"""Each SQL statement of one search, named in the order it runs (statements/search/query.py, then
result.py's page: window, quotes, facets): a statement added, dropped or moved fails here, so the
order stays written down."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from statements.models import Quote

# What each statement is, by a fragment only it holds, in the order the search page runs them.
STATEMENTS_OF_A_SEARCH_WITH_WORDS = [
    ("the actors whose names the words may be (names.similar_actors)", "similarity(names.name, candidate.key)"),
    ("the words' readings in every configuration (query.evaluate_tsqueries)", "websearch_to_tsquery("),
    ("which lexemes no quote holds (query.lexemes_in_no_quote)", "SELECT EXISTS (SELECT 1 FROM statements_quote"),
    ("the probe, which fills the window (window._walk)", "WITH walked AS MATERIALIZED"),
    ("the page of quotes, with their headlines (result.SearchResult._read)", "ts_headline("),
    ("the facets: speakers' names and incidents (result._speakers_and_incidents)", "SELECT 'speaker' AS facet"),
    ("the page's own: is there a demo article (base template)", '"statements_article"."demo"'),
]


def test_a_search_page_runs_these_statements_in_this_order(client, make_article, putin):
    article = make_article("x" * 200)
    for n in range(3):
        Quote.objects.create(article=article, start=n * 50, end=n * 50 + 30, text=f"Les rançongiciels, numéro {n}.",
                             language="fr", speaker=putin, statement_date=datetime.date(2021, 1, 1 + n))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("search"), {"q": "rançongiciels"})

    assert response.status_code == 200
    statements = [entry["sql"] for entry in queries.captured_queries]
    named = []
    for sql in statements:
        names = [name for name, fragment in STATEMENTS_OF_A_SEARCH_WITH_WORDS if fragment in sql]
        named.append(names[0] if len(names) == 1 else f"unknown or ambiguous: {sql[:200]}")
    assert named == [name for name, _ in STATEMENTS_OF_A_SEARCH_WITH_WORDS]
