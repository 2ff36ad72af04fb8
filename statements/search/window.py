"""The first matches of a search in date order, fetched by the plan that suits the query's breadth.

A search pages through, ranks and counts facets over a window of at most SEARCH_WINDOW matches: the
newest ones (the oldest when sorted oldest first). At a million quotes, finding them is cheap only
when the plan suits the query:

- a broad query ("ransomware", in a tenth of the quotes) fills the window within the first few
  thousand quotes walked in date order (the quote_newest_first index), while gathering all its
  matches from the GIN index would read a hundred thousand rows;
- a narrower one is cheap to gather from the GIN index, within a recent enough period, while
  walking the date index would read most of the table before finding enough matches.

PostgreSQL estimates the share of quotes a full-text query matches badly when its words go together
("election interference": estimated under 1 %, really 11 %), and then picks the wrong plan. So the
share is measured: a probe walks the newest costs.PROBE_ROWS quotes that pass the other filters and tests
the query on them. If the window fills, that is the answer. Otherwise the probe's hit rate predicts
what walking further would cost against reading the query's entries in the GIN index, and the
dates it walked through tell how far back the window should reach: the cheapest runs (by the
measured costs of statements/search/costs.py), a walk, a
gathering of the matches of that period (year by year from each year's own index, see
statements/search/year_indexes; where a year has none, when the period is short enough for its
dates to cost less than the matches outside it), or of every period. Each query has a shape (a LIMIT inside, a
materialised CTE) that leaves the planner no other choice.

Without words, a narrow filter (an incident's quotes) is gathered over the period its share of all
quotes predicts, rather than walked (see _first_candidates).
"""

from __future__ import annotations

import datetime
import json
import math
from collections.abc import Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import F, Q, QuerySet

from statements.models import Quote
from statements.search import costs
from statements.search.year_indexes import DateRange, indexed_years_sql, year_ranges

WINDOW_FIELDS = ("id", "speaker_id", "language", "claim_type", "statement_date", "statement_id")


def date_order(*, oldest_first: bool) -> list:
    """Newest first (dateless quotes last), or oldest first; the id breaks ties the same way."""
    if oldest_first:
        return [F("statement_date").asc(nulls_last=True), F("id").asc()]
    return [F("statement_date").desc(nulls_last=True), F("id").desc()]


def first_matches(candidates: QuerySet, tsquery: str, size: int, *, oldest_first: bool = False,
                  rank_by: Sequence[tuple[str, float]] = ()) -> list[dict]:
    """Up to `size` quotes of `candidates` matching `tsquery` (all of them when it is ''), as dicts of
    WINDOW_FIELDS and `rank`, newest first (or oldest first).

    `rank` is the sum of weight * ts_rank(quote, tsquery) over `rank_by`'s (tsquery, weight) pairs,
    computed for the rows kept only (0 without `rank_by`).
    """
    rank = _Rank(rank_by)
    try:
        if not tsquery:
            return _first_candidates(candidates, size, date_order(oldest_first=oldest_first), rank)
        return _first_matches(candidates, tsquery, size, date_order(oldest_first=oldest_first), rank)
    except EmptyResultSet:  # a filter that can match nothing (no such actor) compiles to no SQL at all
        return []


def _first_matches(candidates: QuerySet, tsquery: str, size: int, order: list, rank: _Rank) -> list[dict]:
    probe = _walk(candidates, tsquery, size, order, costs.PROBE_ROWS, rank)
    if len(probe.found) >= size or probe.walked < costs.PROBE_ROWS:  # the window is full, or every candidate tested
        return probe.found
    hit_rate = len(probe.found) / costs.PROBE_ROWS
    if hit_rate:
        # The GIN index reads the query's entries for every quote, whatever the other filters keep.
        index_entries = hit_rate * probe.table_rows
        # The walk goes on from the probe's last quote, for what the window still lacks.
        more_rows = math.ceil(costs.PERIOD_MARGIN * (size - len(probe.found)) / hit_rate)
        if more_rows * costs.WALK_ROW_MICROSECONDS < index_entries * costs.GIN_ENTRY_MICROSECONDS:
            rest = candidates.filter(_after(probe.last_walked, order))
            found = probe.found + _walk_on(rest, tsquery, size - len(probe.found), order, more_rows, rank)
            if len(found) >= size:
                return found
        oldest_first = not order[0].descending
        bound = probe.period_bound(size, oldest_first=oldest_first)
        rows_to_walk = math.ceil(costs.PERIOD_MARGIN * size / hit_rate)  # also what the period predicted holds
        matches = hit_rate * _estimated_rows(candidates)
        # Narrowing to the period saves reading the matches outside it. It costs reading the period's
        # dates, unless the year it begins in has an index of its own: then the period is read from its
        # years' indexes (the years without one hold few quotes, see year_indexes).
        saved = (matches - costs.PERIOD_MARGIN * size) * costs.MATCH_ROW_MICROSECONDS
        indexed = bound is not None and bound.year in probe.indexed_years
        dates_cost = 0 if indexed else rows_to_walk * costs.DATE_ENTRY_MICROSECONDS
        if bound is not None and dates_cost < saved:
            ranges = year_ranges(bound, oldest_first=oldest_first, indexed_years=probe.indexed_years)
            found = _gather(candidates, tsquery, size, order, rank, ranges)
            if len(found) >= size:  # every match of the period is in: these are the first ones overall
                return found
    return _gather(candidates, tsquery, size, order, rank)


def _first_candidates(candidates: QuerySet, size: int, order: list, rank: _Rank) -> list[dict]:
    """The first `size` candidates, with no words to test.

    When the filters keep most quotes, walking the date index finds them at once. When they keep few
    (an incident's quotes), the walk would test most of the index one quote at a time; instead, the
    filters' share of all quotes (the planner's estimates are sound for filters) tells how far back
    `size` of them likely reach, and the candidates of that period are gathered at once.
    """
    share = _estimated_rows(candidates) / max(1.0, _estimated_rows(Quote.objects.all()))
    if share and size / share > costs.PROBE_ROWS:
        reach = math.ceil(costs.PERIOD_MARGIN * size / share)
        bounds = Quote.objects.published().order_by(*order).values_list("statement_date", flat=True)
        bound = next(iter(bounds[reach : reach + 1]), None)  # the date index alone, up to `reach`
        if bound is not None:
            period = {"statement_date__gte": bound} if order[0].descending else {"statement_date__lte": bound}
            found = _gather(candidates.filter(**period), "", size, order, rank)
            if len(found) >= size:
                return found
    # Ids first, then their rows: the walk reads only indexes (the date index, an incident's or a
    # topic's links) and the table only for the rows kept, not for every quote walked past.
    first_ids = candidates.order_by(*order).values("id")[:size]
    return _rows_of(*first_ids.query.sql_with_params(), order, rank)


class _Rank:
    """The rank of a quote, as SQL over its search vector: the weighted sum of ts_rank for each tsquery."""

    def __init__(self, rank_by: Sequence[tuple[str, float]]):
        self.rank_by = [(tsquery, weight) for tsquery, weight in rank_by if tsquery]

    def sql(self, vector: str) -> tuple[str, list]:
        if not self.rank_by:
            return "0.0::float8", []
        terms = " + ".join(f"%s::float8 * ts_rank({vector}, %s::tsquery)" for _ in self.rank_by)
        return f"({terms})", [value for tsquery, weight in self.rank_by for value in (weight, tsquery)]


class _Probe:
    def __init__(self, found: list[dict], walked: int, first_date: datetime.date | None,
                 last_date: datetime.date | None, last_walked: tuple, table_rows: float, indexed_years: list[int]):
        self.found, self.walked, self.first_date, self.last_date = found, walked, first_date, last_date
        self.last_walked = last_walked  # (date, id) of the last quote walked
        self.table_rows = table_rows  # the planner's count of quotes (0 before the table is first analysed)
        self.indexed_years = indexed_years  # the years with an index of their own (year_indexes)

    def period_bound(self, size: int, *, oldest_first: bool) -> datetime.date | None:
        """Where the period likely to hold `size` matches begins (ends, oldest first), judging by the
        probe; None when the probe cannot tell (no match in it, or no dates)."""
        if not self.found or self.first_date is None or self.last_date is None:
            return None
        days_walked = max(1, abs((self.last_date - self.first_date).days))
        days = days_walked * size / len(self.found) * costs.PERIOD_MARGIN
        reach = datetime.timedelta(days=min(days, 1_000_000))
        try:
            bound = self.first_date + reach if oldest_first else self.first_date - reach
            return bound if bound < datetime.date.max else None  # a range ends the day after its last
        except OverflowError:
            return None


def _walk(candidates: QuerySet, tsquery: str, size: int, order: list, rows: int, rank: _Rank) -> _Probe:
    """Test the query on the first `rows` candidates in date order; in the same round trip, the size
    of the table as the planner knows it and the years indexed on their own."""
    walked_rows = candidates.order_by(*order).values(*WINDOW_FIELDS, "search_vector")[:rows]
    inner_sql, params = walked_rows.query.sql_with_params()
    rank_sql, rank_params = rank.sql("first.search_vector")
    columns = ", ".join(f"hits.{name}" for name in (*WINDOW_FIELDS, "rank"))
    direction = "DESC" if order[0].descending else "ASC"
    years_sql, years_params = indexed_years_sql()
    sql = (f"WITH walked AS MATERIALIZED ({inner_sql}), "
           f"hits AS (SELECT first.*, {rank_sql} AS rank FROM (SELECT * FROM walked "
           f"WHERE search_vector @@ %s::tsquery ORDER BY {_order_sql(order)} LIMIT %s) AS first),"
           f" span AS (SELECT count(*) AS walked, min(statement_date) AS oldest, max(statement_date) AS newest, "
           f"(SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = %s::regclass) AS table_rows, "
           f"{years_sql} AS indexed_years FROM walked), "
           f"last AS (SELECT statement_date AS last_date, id AS last_id FROM walked "
           f"ORDER BY {_order_sql(order, reverse=True)} LIMIT 1) "
           f"SELECT span.*, last.*, {columns} FROM span LEFT JOIN last ON true LEFT JOIN hits ON true "
           f"ORDER BY {_order_sql(order, table='hits')}")
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *rank_params, tsquery, size, Quote._meta.db_table, *years_params])
        rows = cursor.fetchall()
        names = [column.name for column in cursor.description]
    hits_from = names.index("id")  # each row: the span's columns, the last walked, then a hit's (if any)
    span = dict(zip(names[:hits_from], rows[0][:hits_from], strict=True))
    found = [dict(zip(names[hits_from:], row[hits_from:], strict=True)) for row in rows if row[hits_from] is not None]
    first, last = (span["newest"], span["oldest"]) if direction == "DESC" else (span["oldest"], span["newest"])
    return _Probe(found, span["walked"], first, last, (span["last_date"], span["last_id"]), span["table_rows"],
                  span["indexed_years"])


def _walk_on(candidates: QuerySet, tsquery: str, size: int, order: list, rows: int, rank: _Rank) -> list[dict]:
    """The first `size` matches among the first `rows` candidates in date order: the walk stops as soon
    as it has them, and goes no further than `rows` if it does not."""
    walked_rows = candidates.order_by(*order).values(*WINDOW_FIELDS, "search_vector")[:rows]
    inner_sql, params = walked_rows.query.sql_with_params()
    rank_sql, rank_params = rank.sql("first.search_vector")
    columns = ", ".join(f"first.{name}" for name in WINDOW_FIELDS)
    sql = (f"SELECT {columns}, {rank_sql} AS rank FROM (SELECT * FROM ({inner_sql}) AS walked "
           f"WHERE search_vector @@ %s::tsquery ORDER BY {_order_sql(order)} LIMIT %s) AS first "
           f"ORDER BY {_order_sql(order, table='first')}")
    return _fetch(sql, [*rank_params, *params, tsquery, size])


def _after(last_walked: tuple, order: list) -> Q:
    """The candidates after the last one walked, in date order, except the dateless ones (they come
    last: if the walk goes on that far without filling the window, the matches are gathered)."""
    date, pk = last_walked
    if order[0].descending:
        if date is None:
            return Q(statement_date__isnull=True, id__lt=pk)
        return Q(statement_date__lte=date) & ~Q(statement_date=date, id__gte=pk)
    if date is None:
        return Q(statement_date__isnull=True, id__gt=pk)
    return Q(statement_date__gte=date) & ~Q(statement_date=date, id__lte=pk)


def _estimated_rows(candidates: QuerySet) -> float:
    """The planner's estimate of the candidates (plain filters, no words: its estimates are sound)."""
    plan = candidates.order_by().values("id").explain(format="json")  # one column: less to compile
    if not plan:  # a filter that can match nothing: Django runs no query
        return 0.0
    return float(json.loads(plan)[0]["Plan"]["Plan Rows"])


def _gather(candidates: QuerySet, tsquery: str, size: int, order: list, rank: _Rank,
            ranges: Sequence[DateRange] = ((None, None),)) -> list[dict]:
    """Every match within `ranges` of dates (from the GIN index, or, without words, the indexes of the
    filters), then the first `size` of them in date order, then their rows.

    Each range is a query of its own: one with a year's exact bounds is read from that year's index
    (statements.search.year_indexes)."""
    parts, params = [], []
    for start, end in ranges:
        dates = {key: value for key, value in (("statement_date__gte", start), ("statement_date__lt", end)) if value}
        every = (candidates.filter(**dates).order_by()
                 .values("id", "statement_date", *(["search_vector"] if tsquery else [])))
        inner_sql, inner_params = every.query.sql_with_params()
        words = ""
        if tsquery:
            words, inner_params = " WHERE candidates.search_vector @@ %s::tsquery", [*inner_params, tsquery]
        parts.append(f"SELECT id, statement_date FROM ({inner_sql}) AS candidates{words}")
        params += inner_params
    first_sql = (f"WITH matches AS MATERIALIZED ({' UNION ALL '.join(parts)}) "
                 f"SELECT id FROM matches ORDER BY {_order_sql(order)} LIMIT %s")
    return _rows_of(first_sql, [*params, size], order, rank)


def _rows_of(ids_sql: str, ids_params: list, order: list, rank: _Rank) -> list[dict]:
    """The window's rows of the quotes whose ids `ids_sql` selects, in date order."""
    table = Quote._meta.db_table
    rank_sql, rank_params = rank.sql(f"{table}.search_vector")
    columns = ", ".join(f"{table}.{name}" for name in WINDOW_FIELDS)
    return _fetch(f"SELECT {columns}, {rank_sql} AS rank FROM {table} WHERE {table}.id IN ({ids_sql}) "
                  f"ORDER BY {_order_sql(order, table=table)}", [*rank_params, *ids_params])


def _order_sql(order: list, table: str = "", *, reverse: bool = False) -> str:
    prefix = f"{table}." if table else ""
    if order[0].descending != reverse:
        return f"{prefix}statement_date DESC {'NULLS FIRST' if reverse else 'NULLS LAST'}, {prefix}id DESC"
    return f"{prefix}statement_date ASC {'NULLS FIRST' if reverse else 'NULLS LAST'}, {prefix}id ASC"


def _fetch(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
