"""/api/v1/search/: the search page's query language, for scripts."""

import pytest
from rest_framework.test import APIClient

from statements.models import Quote


@pytest.fixture
def quotes(make_article, putin, biden):
    text = "x" * 300
    article = make_article(text)
    rows = [
        ("Les rançongiciels venus de Russie menacent nos hôpitaux", biden, "fr"),
        ("We will not tolerate ransomware attacks on our pipelines", biden, "en"),
        ("La Russie n'a rien à voir avec ces attaques <script>", putin, "fr"),
    ]
    return [Quote.objects.create(article=article, text=words, start=n * 80, end=n * 80 + 60, speaker=speaker,
                                 language=language, statement_date="2021-07-09")
            for n, (words, speaker, language) in enumerate(rows)]


def test_search_finds_across_languages_with_highlights_and_facets(quotes):
    response = APIClient().get("/api/v1/search/", {"q": "ransomware"})
    assert response.status_code == 200
    body = response.json()
    assert {row["id"] for row in body["results"]} == {quotes[0].pk, quotes[1].pk}
    assert (body["count"], body["count_is_exact"]) == (2, True)
    assert all("<mark>" in row["headline"] for row in body["results"])
    assert body["facets"]["speakers"][0]["name"] == "Joe Biden"


def test_search_fields_and_parameters_filter_the_same_way(quotes):
    by_field = APIClient().get("/api/v1/search/", {"q": "speaker:Poutine"}).json()
    by_parameter = APIClient().get("/api/v1/search/", {"speaker": "Putine"}).json()
    assert [row["id"] for row in by_field["results"]] == [row["id"] for row in by_parameter["results"]] \
        == [quotes[2].pk]
    assert "&lt;script&gt;" in by_field["results"][0]["headline"]


@pytest.mark.parametrize("params", [{"q": "date:2021-13"}, {"date_from": "2021-13"}, {"sort": "sideways"}])
def test_bad_queries_are_a_400_with_the_reason(db, params):
    response = APIClient().get("/api/v1/search/", params)
    assert response.status_code == 400
    assert response.json()["error"]["message"]
