"""Site-wide figures: how many statements, articles, actors and incidents, who is quoted most, and when.

At a million quotes, counting them and ranking every speaker takes longer than the rest of the page
put together, and the figures move slowly; so they are computed at most once every OVERVIEW_SECONDS
per cache (Django's cache: each process's memory unless CACHES says otherwise).
"""

import datetime

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import TruncMonth

from actors.models import Actor
from statements.dates import DatePrecision, PartialDate
from statements.models import Article, Incident, Quote

OVERVIEW_SECONDS = 300
TOP_SPEAKERS = 10


def site_counts() -> dict[str, int]:
    return cache.get_or_set("overview:counts", _counts, OVERVIEW_SECONDS)


def most_quoted_actors() -> list[Actor]:
    """The most quoted actors, each with `quote_count`: how many statements they made (however many
    articles reported each)."""
    counts = quote_counts_by_speaker()
    top = sorted(counts, key=lambda pk: (-counts[pk], pk))[:TOP_SPEAKERS]
    actors = Actor.objects.in_bulk(top)
    return [_with_count(actors[pk], counts[pk]) for pk in top if pk in actors]


def actors_by_quote_count() -> list[Actor]:
    """Every actor, each with `quote_count`, the most quoted first, then by name."""
    counts = quote_counts_by_speaker()
    actors = [_with_count(actor, counts.get(actor.pk, 0)) for actor in Actor.objects.all()]
    return sorted(actors, key=lambda actor: (-actor.quote_count, actor.name))


def monthly_statements() -> list:
    """Statements per month over the whole base, for the home page's chart (what
    timeline.monthly_counts(Quote.objects.all()) gives)."""
    return [(PartialDate(month, DatePrecision.MONTH), n) for month, n in statements_by_month() if month]


def statements_by_month() -> list[tuple[datetime.date | None, int]]:
    """[(month, statements whose lead report was said in it)], the undated last (month None): the home page's
    chart and its statement count from one anti-join over every quote, where each took one (a second or so
    at a million quotes). The same lead as among the dated reports alone, which the chart counts: an undated
    report leads only a statement with no dated one."""
    return cache.get_or_set("overview:statements-by-month", _statements_by_month, OVERVIEW_SECONDS)


def quote_counts_by_speaker() -> dict[int, int]:
    """{actor id: statements they made}, for actors with any: a statement reported by three articles
    counts once (Quote.objects.one_per_statement())."""
    return cache.get_or_set("overview:quotes-by-speaker", _quote_counts_by_speaker, OVERVIEW_SECONDS)


def _counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "statements": sum(n for _, n in statements_by_month()),
        "actors": Actor.objects.count(),
        "incidents": Incident.objects.count(),
    }


def _statements_by_month() -> list[tuple[datetime.date | None, int]]:
    return list(Quote.objects.published().one_per_statement().annotate(month=TruncMonth("statement_date"))
                .values_list("month").annotate(n=Count("*")).order_by("month"))


def _quote_counts_by_speaker() -> dict[int, int]:
    # Grouping quotes by speaker; grouping actors by their quotes would join every row. A statement whose
    # reports credit two speakers (the White House, the president) counts for its lead report's.
    rows = (Quote.objects.published().filter(speaker__isnull=False).one_per_statement().values_list("speaker")
            .annotate(n=Count("*")))
    return dict(rows.order_by())


def _with_count(actor: Actor, count: int) -> Actor:
    actor.quote_count = count
    return actor
