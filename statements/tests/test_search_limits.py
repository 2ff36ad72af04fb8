"""Broad searches stay fast at scale: a page ranks, counts and facets a window of the newest matches,
found by walking the date index or gathering from the GIN index (statements/search/window.py)."""

import datetime

import pytest

from statements.models import Quote
from statements.search import search_quotes, window


@pytest.fixture
def six_ransomware_quotes(make_article, putin, biden):
    article = make_article("x" * 400)
    for n in range(6):
        Quote.objects.create(article=article, text=f"Les rançongiciels menacent les hôpitaux, numéro {n}.",
                             start=n * 50, end=n * 50 + 40, language="fr", speaker=putin if n % 2 else biden,
                             statement_date=datetime.date(2021, 1, n + 1))
    Quote.objects.create(article=article, text="Nous parlons d'autre chose.", start=350, end=380, language="fr")
    return article


def test_beyond_the_window_the_count_says_more_than_and_the_page_holds_the_newest(settings, six_ransomware_quotes):
    settings.SEARCH_WINDOW = 4

    result = search_quotes("rançongiciels", sort="date")

    assert (result.count, result.count_is_exact) == (5, False)
    assert [quote.statement_date.day for quote in result.queryset] == [6, 5, 4, 3]
    assert sum(row["count"] for row in result.facets["speakers"]) == 4
    assert result.all_matches().count() == 6  # exports are never capped


def test_sorted_oldest_first_the_window_holds_the_oldest(settings, six_ransomware_quotes):
    settings.SEARCH_WINDOW = 2

    result = search_quotes("rançongiciels", sort="oldest")

    assert [quote.statement_date.day for quote in result.queryset] == [1, 2]


def test_within_the_window_the_count_is_exact(settings, six_ransomware_quotes):
    settings.SEARCH_WINDOW = 10

    result = search_quotes("rançongiciels")

    assert (result.count, result.count_is_exact) == (6, True)
    assert result.queryset.count() == 6


@pytest.mark.parametrize("probe_rows", [1, 3, 4000])
def test_walking_and_gathering_find_the_same_window(monkeypatch, settings, six_ransomware_quotes, probe_rows):
    """A probe shorter than the candidates forces the walk-or-gather decision; the answer is the same."""
    settings.SEARCH_WINDOW = 3
    monkeypatch.setattr(window, "PROBE_ROWS", probe_rows)

    result = search_quotes("rançongiciels", sort="date")

    assert [quote.statement_date.day for quote in result.queryset] == [6, 5, 4]
    assert result.count == 4


def test_dateless_quotes_come_after_dated_ones(settings, six_ransomware_quotes):
    Quote.objects.create(article=six_ransomware_quotes, text="Les rançongiciels encore.", start=390, end=399,
                         language="fr")
    result = search_quotes("rançongiciels", sort="date")

    assert [quote.statement_date for quote in result.queryset][-1] is None
    assert result.queryset[0].statement_date == datetime.date(2021, 1, 6)


def test_a_period_too_short_for_the_window_falls_back_to_every_match(monkeypatch, settings, make_article):
    """Matches years apart: the probe's hit rate predicts a few days, which hold one match; the
    window must still hold the three newest matches."""
    article = make_article("x" * 400)
    for n, year in enumerate([2015, 2017, 2019, 2021]):
        Quote.objects.create(article=article, text="Les rançongiciels menacent.", start=n * 50, end=n * 50 + 30,
                             language="fr", statement_date=datetime.date(year, 3, 1))
    settings.SEARCH_WINDOW = 2
    monkeypatch.setattr(window, "PROBE_ROWS", 1)

    result = search_quotes("rançongiciels", sort="date")

    assert [quote.statement_date.year for quote in result.queryset] == [2021, 2019]
    assert result.count == 3

    oldest = search_quotes("rançongiciels", sort="oldest")
    assert [quote.statement_date.year for quote in oldest.queryset] == [2015, 2017]


def test_a_filter_that_matches_nothing_finds_nothing(six_ransomware_quotes):
    result = search_quotes("rançongiciels actor:0")

    assert (result.count, list(result.queryset), result.facets["speakers"]) == (0, [], [])
