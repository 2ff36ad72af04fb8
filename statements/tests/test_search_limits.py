"""Broad searches stay fast at scale: the count stops at a limit and facets sample the matches."""

from statements.models import Quote
from statements.search import engine, search_quotes


def test_count_stops_at_the_limit_and_facets_count_a_sample(monkeypatch, make_article, putin):
    article = make_article("x" * 400)
    for n in range(6):
        Quote.objects.create(article=article, text=f"Les rançongiciels menacent les hôpitaux, numéro {n}.",
                             start=n * 50, end=n * 50 + 40, language="fr", speaker=putin)
    monkeypatch.setattr(engine, "COUNT_LIMIT", 3)
    monkeypatch.setattr(engine, "FACET_SAMPLE", 2)

    result = search_quotes("rançongiciels")

    assert (result.count, result.count_is_exact) == (4, False)
    assert result.facets["speakers"][0]["count"] == 2
    assert result.queryset.count() == 6  # the results and exports themselves are never capped
