"""A recent period's matches are read from the full-text index of each year it spans
(statements/search/year_indexes.py); the window found is the same with or without them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from statements.models import Quote
from statements.search import costs, search_quotes
from statements.search.year_indexes import drop_year_indexes, ensure_year_indexes, indexed_years_sql, year_ranges

D = datetime.date


def build_year_indexes(min_quotes: int) -> list[int]:
    """ensure_year_indexes() inside the test's transaction: the foreign keys of the quotes just written
    are checked first (PostgreSQL builds no index on a table with checks pending)."""
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    return ensure_year_indexes(min_quotes=min_quotes)


def indexed_years() -> set[int]:
    sql, params = indexed_years_sql()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        return set(cursor.fetchone()[0])


@pytest.mark.parametrize(("bound", "indexed", "expected"), [
    (D(2021, 6, 1), [], [(D(2021, 6, 1), None)]),
    (D(2021, 6, 1), [2021, 2023, 2019],
     [(D(2021, 1, 1), D(2022, 1, 1)), (D(2022, 1, 1), D(2023, 1, 1)), (D(2023, 1, 1), D(2024, 1, 1)),
      (D(2024, 1, 1), None)]),
    (D(2020, 3, 5), [2021], [(D(2020, 3, 5), D(2021, 1, 1)), (D(2021, 1, 1), D(2022, 1, 1)), (D(2022, 1, 1), None)]),
])
def test_a_period_newest_first_is_cut_at_the_bounds_of_its_indexed_years(bound, indexed, expected):
    assert year_ranges(bound, oldest_first=False, indexed_years=indexed) == expected


@pytest.mark.parametrize(("bound", "indexed", "expected"), [
    (D(2021, 6, 1), [], [(None, D(2021, 6, 2))]),
    (D(2021, 6, 1), [2019, 2021, 2023],
     [(None, D(2019, 1, 1)), (D(2019, 1, 1), D(2020, 1, 1)), (D(2020, 1, 1), D(2021, 1, 1)),
      (D(2021, 1, 1), D(2022, 1, 1))]),
    (D(2021, 6, 1), [2020], [(None, D(2020, 1, 1)), (D(2020, 1, 1), D(2021, 1, 1)), (D(2021, 1, 1), D(2021, 6, 2))]),
])
def test_a_period_oldest_first_is_cut_at_the_bounds_of_its_indexed_years(bound, indexed, expected):
    assert year_ranges(bound, oldest_first=True, indexed_years=indexed) == expected


@pytest.fixture
def quotes_over_six_years(make_article):
    """Two quotes about ransomware a year from 2015 to 2020 (March and September), and one about
    something else."""
    article = make_article("x" * 1000)
    for n, year in enumerate(year for year in range(2015, 2021) for _ in range(2)):
        Quote.objects.create(article=article, text=f"Les rançongiciels menacent, numéro {n}.", start=n * 60,
                             end=n * 60 + 40, language="fr", statement_date=D(year, 3 + 6 * (n % 2), 1))
    Quote.objects.create(article=article, text="Nous parlons d'autre chose.", start=900, end=930, language="fr",
                         statement_date=D(2019, 5, 1))
    return article


def test_each_year_with_enough_quotes_gets_its_index_and_so_do_this_year_and_the_next(quotes_over_six_years):
    Quote.objects.filter(statement_date__year=2016).delete()
    Quote.objects.filter(statement_date__year=2017).first().delete()
    drop_year_indexes()
    this_year = timezone.localdate().year

    built = build_year_indexes(2)

    assert built == [2015, 2018, 2019, 2020, this_year, this_year + 1]
    assert indexed_years() == set(built)
    assert build_year_indexes(2) == []  # already there


def past_the_probe(monkeypatch, settings, with_year_indexes):
    """A window of 3 that a probe of the 2 newest quotes cannot fill, and a walk too costly to go on:
    the matches are gathered, over a period or all of them; with or without year indexes."""
    drop_year_indexes()
    if with_year_indexes:
        build_year_indexes(1)
    settings.SEARCH_WINDOW = 3
    monkeypatch.setattr(costs, "PROBE_ROWS", 2)
    monkeypatch.setattr(costs, "WALK_ROW_MICROSECONDS", 1e9)


@pytest.mark.parametrize("with_year_indexes", [True, False])
def test_a_period_gathered_year_by_year_finds_the_same_window(monkeypatch, settings, quotes_over_six_years,
                                                             with_year_indexes):
    """The probe (the two quotes of 2020) predicts a period of about two years, from 2018; the walk is
    made too costly to go on, so the period's matches are gathered: with the year indexes, 2019 is
    read as a range of its own."""
    past_the_probe(monkeypatch, settings, with_year_indexes)
    monkeypatch.setattr(costs, "MATCH_ROW_MICROSECONDS", 1e9)
    matching = Quote.objects.filter(text__contains="rançongiciels")
    newest = list(matching.order_by("-statement_date", "-id").values_list("id", flat=True))
    oldest = list(matching.order_by("statement_date", "id").values_list("id", flat=True))

    with CaptureQueriesContext(connection) as queries:
        by_date = search_quotes("rançongiciels", sort="date")
        assert [quote.pk for quote in by_date.quotes()] == newest[:3]
    by_oldest = search_quotes("rançongiciels", sort="oldest")

    assert [quote.pk for quote in by_oldest.quotes()] == oldest[:3]
    assert (by_date.count, by_oldest.count) == (4, 4)
    gathers = [query["sql"] for query in queries if "WITH matches AS MATERIALIZED" in query["sql"]]
    assert len(gathers) == 1  # one gather, of the period's ranges
    assert ("'2019-01-01'::date" in gathers[0]) == with_year_indexes
    assert ("'2018-01-01'::date" in gathers[0]) == with_year_indexes  # the period begins with 2018's range


@pytest.mark.parametrize("with_year_indexes", [True, False])
def test_reading_dates_costs_nothing_more_when_the_period_begins_in_an_indexed_year(
        monkeypatch, settings, quotes_over_six_years, with_year_indexes):
    """Dates made too costly to read: without year indexes every match is gathered; with them the
    period still is, from its years' indexes."""
    past_the_probe(monkeypatch, settings, with_year_indexes)
    monkeypatch.setattr(costs, "DATE_ENTRY_MICROSECONDS", 1e9)
    newest = list(Quote.objects.filter(text__contains="rançongiciels").order_by("-statement_date", "-id")
                  .values_list("id", flat=True))

    with CaptureQueriesContext(connection) as queries:
        result = search_quotes("rançongiciels", sort="date")
        assert [quote.pk for quote in result.quotes()] == newest[:3]

    gathers = [query["sql"] for query in queries if "WITH matches AS MATERIALIZED" in query["sql"]]
    assert len(gathers) == 1
    assert ('"statements_quote"."statement_date" >= \'' in gathers[0]) == with_year_indexes  # a period, or all
