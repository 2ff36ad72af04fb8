"""Broad searches stay fast at scale: a page ranks, counts and facets a window of the newest matches,
found by walking the date index or gathering from the GIN index (statements/search/window.py)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Quote
from statements.search import costs, search_quotes, window


def analyse_quotes():
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Quote._meta.db_table}")


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
    assert [quote.statement_date.day for quote in result.quotes()] == [6, 5, 4, 3]
    assert sum(row["count"] for row in result.facets["speakers"]) == 4
    assert result.all_matches().count() == 6  # exports are never capped


def test_sorted_oldest_first_the_window_holds_the_oldest(settings, six_ransomware_quotes):
    settings.SEARCH_WINDOW = 2

    result = search_quotes("rançongiciels", sort="oldest")

    assert [quote.statement_date.day for quote in result.quotes()] == [1, 2]


def test_within_the_window_the_count_is_exact(settings, six_ransomware_quotes):
    settings.SEARCH_WINDOW = 10

    result = search_quotes("rançongiciels")

    assert (result.count, result.count_is_exact) == (6, True)
    assert len(result.quotes()) == 6


@pytest.mark.parametrize("gin_entry_cost", [costs.GIN_ENTRY_MICROSECONDS, 1e9])  # 1e9: the walk goes on
@pytest.mark.parametrize("probe_rows", [1, 3, 4000])
def test_walking_and_gathering_find_the_same_window(monkeypatch, settings, six_ransomware_quotes, probe_rows,
                                                    gin_entry_cost):
    """A probe shorter than the candidates forces the walk-or-gather decision; the answer is the same."""
    settings.SEARCH_WINDOW = 3
    monkeypatch.setattr(costs, "PROBE_ROWS", probe_rows)
    monkeypatch.setattr(costs, "GIN_ENTRY_MICROSECONDS", gin_entry_cost)
    analyse_quotes()  # the walk-or-gather decision weighs the table's size, as the planner knows it

    newest = search_quotes("rançongiciels", sort="date")
    oldest = search_quotes("rançongiciels", sort="oldest")

    assert [quote.statement_date.day for quote in newest.quotes()] == [6, 5, 4]
    assert [quote.statement_date.day for quote in oldest.quotes()] == [1, 2, 3]
    assert newest.count == oldest.count == 4


def test_the_walk_goes_on_past_quotes_of_the_same_day(monkeypatch, settings, make_article):
    """The walk resumes after the probe's last quote, which shares its day with the next ones."""
    article = make_article("x" * 2000)
    for n in range(8):
        Quote.objects.create(article=article, text=f"Les rançongiciels, encore {n}.", start=n * 50, end=n * 50 + 30,
                             language="fr", statement_date=datetime.date(2021, 1, 1 + n // 4))
    settings.SEARCH_WINDOW = 5
    monkeypatch.setattr(costs, "PROBE_ROWS", 2)
    monkeypatch.setattr(costs, "GIN_ENTRY_MICROSECONDS", 1e9)
    monkeypatch.setattr(window, "_gather", lambda *args: pytest.fail("the walk should have filled the window"))
    analyse_quotes()
    ids = list(Quote.objects.order_by("-statement_date", "-id").values_list("id", flat=True))

    result = search_quotes("rançongiciels", sort="date")

    assert [quote.pk for quote in result.quotes()] == ids[:5]
    assert result.count == 6


def test_dateless_quotes_come_after_dated_ones(settings, six_ransomware_quotes):
    Quote.objects.create(article=six_ransomware_quotes, text="Les rançongiciels encore.", start=390, end=399,
                         language="fr")
    result = search_quotes("rançongiciels", sort="date")

    assert [quote.statement_date for quote in result.quotes()][-1] is None
    assert result.quotes()[0].statement_date == datetime.date(2021, 1, 6)


def test_a_period_too_short_for_the_window_falls_back_to_every_match(monkeypatch, settings, make_article):
    """Matches years apart: the probe's hit rate predicts a few days, which hold one match; the
    window must still hold the three newest matches."""
    article = make_article("x" * 400)
    for n, year in enumerate([2015, 2017, 2019, 2021]):
        Quote.objects.create(article=article, text="Les rançongiciels menacent.", start=n * 50, end=n * 50 + 30,
                             language="fr", statement_date=datetime.date(year, 3, 1))
    settings.SEARCH_WINDOW = 2
    monkeypatch.setattr(costs, "PROBE_ROWS", 1)

    result = search_quotes("rançongiciels", sort="date")

    assert [quote.statement_date.year for quote in result.quotes()] == [2021, 2019]
    assert result.count == 3

    oldest = search_quotes("rançongiciels", sort="oldest")
    assert [quote.statement_date.year for quote in oldest.quotes()] == [2015, 2017]


def test_a_filter_that_matches_nothing_finds_nothing(six_ransomware_quotes):
    result = search_quotes("rançongiciels actor:0")

    assert (result.count, list(result.quotes()), result.facets["speakers"]) == (0, [], [])


@pytest.mark.parametrize("margin", [0.5, 0.9, 2])
@pytest.mark.parametrize("sort", ["date", "oldest"])
def test_a_narrow_filter_without_words_finds_the_same_window_by_period(monkeypatch, settings, make_article, putin,
                                                                       biden, margin, sort):
    """Three quotes of twenty by Putin: the filter's share predicts how far back the window reaches.
    A period too short (margin 0.5) falls back to the walk, one past the oldest quote (margin 2) is not
    gathered at all; the window is the same either way."""
    article = make_article("x" * 2000)
    for day in range(1, 21):
        Quote.objects.create(article=article, text=f"Déclaration du jour {day}.", start=day * 50, end=day * 50 + 30,
                             language="fr", speaker=putin if day in (3, 10, 17) else biden,
                             statement_date=datetime.date(2021, 1, day))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_quote")  # the planner's share of the filter: 3 in 20
    settings.SEARCH_WINDOW = 2
    monkeypatch.setattr(costs, "PROBE_ROWS", 1)
    monkeypatch.setattr(costs, "PERIOD_MARGIN", margin)

    with CaptureQueriesContext(connection) as queries:
        result = search_quotes("speaker:Poutine", sort=sort)
        days = [quote.statement_date.day for quote in result.quotes()]

    assert days == ([17, 10] if sort == "date" else [3, 10])
    assert result.count == 3
    gathered = any("matches AS MATERIALIZED" in query["sql"] for query in queries.captured_queries)
    assert gathered == (margin < 1)
