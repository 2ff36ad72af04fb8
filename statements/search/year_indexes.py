"""One full-text index per year of quotes, beside the index of every quote: a recent period's matches
are read from its years' indexes, not from the whole table's.

A search that gathers its newest matches over a recent period (statements/search/window.py) reads
the GIN index entries of every quote the words match, in every year, and then a date index to keep
those of the period: at a million quotes, "Biden sanctions" reads 12,000 matches and 53,000 dates to
keep 600. A partial GIN index per year (`WHERE statement_date >= 'Y-01-01' AND statement_date <
'Y+1-01-01'`) holds a tenth of the entries; a query whose dates are exactly one year's bounds is read
from it (PostgreSQL proves the index's condition from the query's), with no date index to intersect.

The main index stays: it serves every other query, and a year without its own index is searched
through it as before. Which years have an index is read from the catalogue with each search, so
an index built or dropped takes effect at once, and an index that failed to build (invalid) is
never counted on.

ensure_year_indexes() builds the missing ones: a migration runs it, and Celery beat every day
(statements.tasks.ensure_search_year_indexes), so next year's index exists before its quotes arrive.
"""

from __future__ import annotations

import datetime

from django.db import connection
from django.utils import timezone

from statements.models import Quote
from statements.search import costs

INDEX_PREFIX = "quote_search_year_"
YEARS_AHEAD = 1  # next year's index is built before its first quote is written

DateRange = tuple[datetime.date | None, datetime.date | None]  # [start, end), None for no bound


def index_name(year: int) -> str:
    return f"{INDEX_PREFIX}{int(year)}"


def indexed_years_sql() -> tuple[str, list]:
    """SQL (a scalar subquery) for the years whose index is built and valid, as an integer array."""
    sql = ("(SELECT coalesce(array_agg(substr(class.relname, %s)::int), '{}') FROM pg_index "
           "JOIN pg_class AS class ON class.oid = pg_index.indexrelid "
           "WHERE pg_index.indrelid = %s::regclass AND pg_index.indisvalid AND class.relname ~ %s)")
    return sql, [len(INDEX_PREFIX) + 1, Quote._meta.db_table, f"^{INDEX_PREFIX}[0-9]+$"]


def years_wanted(min_quotes: int = costs.YEAR_INDEX_MIN_QUOTES) -> list[int]:
    """The years with at least `min_quotes` quotes, this year and the next YEARS_AHEAD."""
    this_year = timezone.localdate().year
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT extract(year FROM statement_date)::int FROM {Quote._meta.db_table} "
                       "WHERE statement_date IS NOT NULL GROUP BY 1 HAVING count(*) >= %s", [min_quotes])
        years = {year for (year,) in cursor.fetchall() if year < datetime.MAXYEAR}
    return sorted(years | set(range(this_year, this_year + YEARS_AHEAD + 1)))


def ensure_year_indexes(min_quotes: int = costs.YEAR_INDEX_MIN_QUOTES) -> list[int]:
    """Build the index of each year of years_wanted() that has none (or an invalid one, left by a
    build that failed); return the years built. Outside a transaction the build lets quotes be
    written meanwhile (CREATE INDEX CONCURRENTLY)."""
    table = connection.ops.quote_name(Quote._meta.db_table)
    concurrently = "" if connection.in_atomic_block else " CONCURRENTLY"
    with connection.cursor() as cursor:
        sql, params = indexed_years_sql()
        cursor.execute(f"SELECT {sql}", params)
        valid = set(cursor.fetchone()[0])
        built = []
        for year in years_wanted(min_quotes):
            if year in valid:
                continue
            name = connection.ops.quote_name(index_name(year))
            cursor.execute(f"DROP INDEX{concurrently} IF EXISTS {name}")  # an invalid leftover
            cursor.execute(
                f"CREATE INDEX{concurrently} {name} ON {table} USING gin (search_vector) "
                f"WHERE statement_date >= '{year:04d}-01-01'::date AND statement_date < '{year + 1:04d}-01-01'::date")
            built.append(year)
    return built


def drop_year_indexes() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'i' AND relname ~ %s",
                       [f"^{INDEX_PREFIX}[0-9]+$"])
        for (name,) in cursor.fetchall():
            cursor.execute(f"DROP INDEX IF EXISTS {connection.ops.quote_name(name)}")


def year_ranges(bound: datetime.date, *, oldest_first: bool, indexed_years) -> list[DateRange]:
    """The period from `bound` on (newest first: [bound, ∞); oldest first: up to `bound` included), cut
    so that each indexed year it touches is a range of its own with exactly that year's bounds (the
    period grows to the whole of the year `bound` falls in when that year is indexed); the stretches
    between are ranges too. In date order."""
    ranges: list[DateRange] = []
    if oldest_first:
        end = bound + datetime.timedelta(days=1)
        cursor = None
        for year in sorted(year for year in set(indexed_years) if year <= bound.year):
            start = datetime.date(year, 1, 1)
            if cursor is None or cursor < start:
                ranges.append((cursor, start))
            cursor = datetime.date(year + 1, 1, 1)
            ranges.append((start, cursor))
        if cursor is None or cursor < end:
            ranges.append((cursor, end))
        return ranges
    cursor = bound
    for year in sorted(year for year in set(indexed_years) if year >= bound.year):
        start = datetime.date(year, 1, 1)
        if cursor < start:
            ranges.append((cursor, start))
        cursor = datetime.date(year + 1, 1, 1)
        ranges.append((start, cursor))
    ranges.append((cursor, None))
    return ranges
