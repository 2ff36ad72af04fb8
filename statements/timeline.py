"""The merged timeline: statements, incidents and events in one chronological stream.

Pages are cut by keyset (statement date, id), so the thousandth page costs what the first
does, even with a million quotes. Incidents and events are merged in as context: those the
filters concern (`TimelineContext`, built by `QuoteFilter.timeline_context()`), within the requested
period and the span the page covers. Quotes without any date cannot be placed and stay on their
articles' pages.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from statements.dates import DatePrecision, PartialDate
from statements.models import Event, Incident, Quote
from statements.strip import Point

PAGE_SIZE = 50


@dataclass(frozen=True)
class Entry:
    kind: str  # "quote", "incident" or "event"
    date: datetime.date
    precision: str
    item: Quote | Incident | Event
    sort_id: int = 0

    @property
    def month(self) -> datetime.date:
        """The heading it is grouped under; a year-precise entry goes under its year only."""
        return self.date.replace(month=1, day=1) if self.precision == DatePrecision.YEAR else self.date.replace(day=1)


@dataclass
class TimelineContext:
    """What a timeline shows beside its statements: these incidents and events, started within the period."""

    incidents: QuerySet[Incident]
    events: QuerySet[Event]
    start: datetime.date | None = None  # the period asked for, either end open
    end: datetime.date | None = None

    @classmethod
    def none(cls) -> TimelineContext:
        return cls(Incident.objects.none(), Event.objects.none())

    def within(self, oldest: datetime.date | None, newest: datetime.date | None) -> list[Entry]:
        """The incidents and events started in the period and between `oldest` and `newest` (None: open)."""
        window = Q(start_date__isnull=False)
        for bound, lookup in ((self.start, "gte"), (oldest, "gte"), (self.end, "lte"), (newest, "lte")):
            if bound:
                window &= Q(**{f"start_date__{lookup}": bound})
        entries = [Entry("incident", i.start_date, i.start_precision, i, i.pk)
                   for i in self.incidents.filter(window).order_by("-start_date")[:200]]
        entries += [Entry("event", e.start_date, e.start_precision, e, e.pk)
                    for e in self.events.filter(window).order_by("-start_date")[:200]]
        return entries


@dataclass
class TimelinePage:
    entries: list[Entry]
    next_cursor: str | None


def cursor_parse(value: str | None) -> tuple[datetime.date, int] | None:
    """`2021-07-09.1234` → (date, id); anything malformed means the first page."""
    if not value:
        return None
    try:
        day, _, pk = value.partition(".")
        return datetime.date.fromisoformat(day), int(pk)
    except ValueError:
        return None


def timeline_page(quotes: QuerySet[Quote], *, cursor: str | None = None, context: TimelineContext | None = None,
                  size: int = PAGE_SIZE) -> TimelinePage:
    """One page of statements, newest first, with the context's incidents and events of the span it covers
    (the first page: everything newer too; the last: everything older; no statement at all: the period).
    A statement reported by several quotes is one entry, its lead report among those `quotes` passing the
    filters (`Quote.objects.one_per_statement()`), which says how many sources reported it."""
    quotes = quotes.published().filter(statement_date__isnull=False).one_per_statement()
    position = cursor_parse(cursor)
    if position:
        day, pk = position
        quotes = quotes.filter(Q(statement_date__lt=day) | Q(statement_date=day, pk__lt=pk))
    rows = list(
        quotes.with_source().with_statement_reports().order_by("-statement_date", "-pk")[: size + 1]
    )
    more = len(rows) > size
    rows = rows[:size]
    entries = [Entry("quote", q.statement_date, q.statement_precision, q, q.pk) for q in rows]
    if context is not None and (rows or position is None):
        newest = None if position is None else position[0]
        oldest = rows[-1].statement_date if more else None
        entries += context.within(oldest, newest)
    entries.sort(key=lambda entry: (entry.date, entry.kind == "quote", entry.sort_id), reverse=True)
    next_cursor = f"{rows[-1].statement_date.isoformat()}.{rows[-1].pk}" if more else None
    return TimelinePage(entries, next_cursor)


def monthly_counts(quotes: QuerySet[Quote], *, reports: bool = False) -> list[tuple[PartialDate, int]]:
    """Statements per month, for the bar charts on actor, incident and topic pages: a statement reported by
    several of `quotes` counts once, in the month of its lead report (`Quote.objects.one_per_statement()`).
    With `reports`, every quote counts (the API gives both)."""
    from django.db.models import Count
    from django.db.models.functions import TruncMonth

    quotes = quotes.published().filter(statement_date__isnull=False)
    rows = (
        (quotes if reports else quotes.one_per_statement())
        .annotate(month=TruncMonth("statement_date")).values("month")
        .annotate(n=Count("statement_date")).order_by("month")
    )
    return [(PartialDate(row["month"], DatePrecision.MONTH), row["n"]) for row in rows]


def months_counted(days: Iterable[datetime.date | None]) -> list[tuple[PartialDate, int]]:
    """How many of `days` fall in each month, in date order (a search's window, already read, for its chart)."""
    counted = Counter(day.replace(day=1) for day in days if day)
    return [(PartialDate(month, DatePrecision.MONTH), n) for month, n in sorted(counted.items())]


OVERVIEW_LIMIT = 5000


def overview_points(quotes: QuerySet[Quote], *, context: TimelineContext | None,
                    limit: int = OVERVIEW_LIMIT) -> list[Point]:
    """The latest `limit` statements (one point per statement, its lead report: see timeline_page), and the
    context's incidents and events of the period asked for (of the statements' span when there are `limit`
    of them), for the visual timeline (statements.strip)."""
    from django.urls import reverse

    rows = list(
        quotes.published().filter(statement_date__isnull=False).one_per_statement()
        .order_by("-statement_date", "-pk")
        .values_list("pk", "statement_date", "statement_precision", "speaker__name", "speaker_as_written")[:limit]
    )
    quote_url = reverse("quote-detail", args=[0]).replace("/0/", "/{}/")  # one reverse() for 5,000 links
    points = [Point("quote", day, precision, name or written or "?", quote_url.format(pk))
              for pk, day, precision, name, written in rows]
    if context is not None:
        oldest = rows[-1][1] if len(rows) == limit else None
        for entry in context.within(oldest, None):
            end = PartialDate(entry.item.end_date, entry.item.end_precision).last_day if entry.item.end_date else None
            points.append(Point(entry.kind, entry.date, entry.precision, entry.item.name,
                                reverse(f"{entry.kind}-detail", args=[entry.item.slug]), end=end))
    return points
