"""The first matches of a search in date order, fetched by the plan that suits the query's breadth.

A search pages through, ranks and counts facets over a window of at most SEARCH_WINDOW matches: the
newest ones (the oldest when sorted oldest first). At a million quotes, finding them is cheap only
when the plan suits the query:

- a broad query ("ransomware", in a tenth of the quotes) fills the window within the first few
  thousand quotes walked in date order (the quote_newest_first index), while gathering all its
  matches from the GIN index would read a hundred thousand rows;
- a narrow query (a phrase, a rare name) is cheap to gather from the GIN index, while walking the
  date index would read most of the table before finding enough matches.

PostgreSQL estimates the share of quotes a full-text query matches badly when its words go together
("election interference": estimated under 1 %, really 11 %), and then picks the wrong plan. So the
share is measured: a probe walks the newest PROBE_ROWS quotes that pass the other filters and tests
the query on them. If the window fills, that is the answer. Otherwise the probe's hit rate predicts
the cost of walking further against that of gathering every match, and the cheaper query runs, in
a shape (a LIMIT inside, or a materialised CTE) that leaves the planner no other choice.
"""

from __future__ import annotations

import json
import math

from django.db import connection
from django.db.models import F, QuerySet

PROBE_ROWS = 4000
# One row read by walking the date index (random heap access, the query tested on it) costs about
# twice one match gathered through the GIN index (heap read in physical order), measured at 1M quotes.
WALK_ROW_COST = 2.0
GATHER_ROW_COST = 1.0
WINDOW_FIELDS = ("id", "speaker_id", "language", "claim_type", "statement_date")


def date_order(*, oldest_first: bool) -> list:
    """Newest first (dateless quotes last), or oldest first; the id breaks ties the same way."""
    if oldest_first:
        return [F("statement_date").asc(nulls_last=True), F("id").asc()]
    return [F("statement_date").desc(nulls_last=True), F("id").desc()]


def first_matches(candidates: QuerySet, tsquery: str, size: int, *, oldest_first: bool = False) -> list[dict]:
    """Up to `size` quotes of `candidates` matching `tsquery` (all of them when it is ''), as dicts of
    WINDOW_FIELDS, newest first (or oldest first)."""
    order = date_order(oldest_first=oldest_first)
    if not tsquery:
        # Ids first, then their rows: the walk reads only indexes (the date index, an incident's or a
        # topic's links) and the table only for the rows kept, not for every quote walked past.
        first_ids = candidates.order_by(*order).values("id")[:size]
        return list(candidates.model.objects.filter(id__in=first_ids).order_by(*order).values(*WINDOW_FIELDS))
    found, walked = _walk(candidates, tsquery, size, order, PROBE_ROWS)
    if len(found) >= size or walked < PROBE_ROWS:  # the window is full, or every candidate was tested
        return found
    hit_rate = len(found) / PROBE_ROWS
    if hit_rate:
        rows_to_walk = math.ceil(2 * size / hit_rate)  # twice the expected need: hit rates vary
        gather_cost = hit_rate * _estimated_rows(candidates) * GATHER_ROW_COST
        if rows_to_walk * WALK_ROW_COST < gather_cost:
            found, _ = _walk(candidates, tsquery, size, order, rows_to_walk)
            if len(found) >= size:
                return found
    return _gather(candidates, tsquery, size, order)


def _walk(candidates: QuerySet, tsquery: str, size: int, order: list, rows: int) -> tuple[list[dict], int]:
    """Test the query on the first `rows` candidates in date order: (the first `size` matches, rows tested)."""
    newest = candidates.order_by(*order).values(*WINDOW_FIELDS, "search_vector")[:rows]
    inner_sql, params = newest.query.sql_with_params()
    columns = ", ".join(f"hits.{name}" for name in WINDOW_FIELDS)
    sql = (f"WITH newest AS MATERIALIZED ({inner_sql}), "
           f"hits AS (SELECT * FROM newest WHERE search_vector @@ %s::tsquery ORDER BY {_order_sql(order)} LIMIT %s) "
           f"SELECT (SELECT count(*) FROM newest) AS walked, {columns} FROM (SELECT 1) AS one "
           f"LEFT JOIN hits ON true ORDER BY {_order_sql(order, table='hits')}")
    rows_found = _fetch(sql, [*params, tsquery, size])
    walked = rows_found[0]["walked"]
    found = [{name: row[name] for name in WINDOW_FIELDS} for row in rows_found if row["id"] is not None]
    return found, walked


def _gather(candidates: QuerySet, tsquery: str, size: int, order: list) -> list[dict]:
    """Every match, from the GIN index, then the first `size` of them in date order."""
    every = candidates.order_by().values(*WINDOW_FIELDS, "search_vector")
    inner_sql, params = every.query.sql_with_params()
    columns = ", ".join(WINDOW_FIELDS)
    sql = (f"WITH matches AS MATERIALIZED (SELECT {columns} FROM ({inner_sql}) AS candidates "
           f"WHERE candidates.search_vector @@ %s::tsquery) "
           f"SELECT {columns} FROM matches ORDER BY {_order_sql(order)} LIMIT %s")
    return _fetch(sql, [*params, tsquery, size])


def _order_sql(order: list, table: str = "") -> str:
    direction = "DESC" if order[0].descending else "ASC"
    prefix = f"{table}." if table else ""
    return f"{prefix}statement_date {direction} NULLS LAST, {prefix}id {direction}"


def _estimated_rows(candidates: QuerySet) -> float:
    """The planner's estimate of the candidates (no text condition: estimates of plain filters are sound)."""
    plan = json.loads(candidates.order_by().explain(format="json"))
    return float(plan[0]["Plan"]["Plan Rows"])


def _fetch(sql: str, params: list) -> list[dict]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        names = [column.name for column in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

