"""Page latency over HTTP (gunicorn) on the 1M-quote corpus of bench.search: timelines, lists, detail pages.

    python -m bench.pages [--requests 40]

Load the corpus first with `python -m bench.search` (it stays in the demarche_bench database). Every stored
quote reports a statement, and a page shows each statement once (Quote.objects.one_per_statement()); so
the quotes are first given statements, if they have none, two in three reports of their own statement and
the third a later report of the one before's (1.5 reports per statement).
Goal (issue #6): timeline p95 ≤ 100 ms with 1M quotes.

The home page's figures (site counts, the all-months chart, the most quoted) are cached for
OVERVIEW_SECONDS, so its requests read the cache; what a request pays each time that cache expires is
timed apart, in-process: `overview_uncached`.
"""

from __future__ import annotations

import argparse
import re
import sys
import time

from bench.common import corpus_statements_give, django_setup, get, gunicorn, percentiles, write_results

OVERVIEW_REPEAT = 5


def give_statements() -> float | None:
    """Give the corpus's quotes statements unless they have some: quote n reports its own when n is not a
    multiple of 3, else the statement of quote n - 1 (1.5 reports per statement). None if there was nothing
    to do, else the seconds it took."""
    from statements.models import Quote

    if Quote.objects.filter(statement__isnull=False).exists():
        return None
    return corpus_statements_give(join_every=3)


def overview_uncached() -> dict:
    """What the home page's cached figures cost to compute, all of them (what a request pays when their
    cache has expired) and the two passes over every quote each on its own, OVERVIEW_REPEAT times."""
    from django.core.cache import cache

    from statements import overview

    def home_figures():
        cache.clear()
        overview.site_counts(), overview.monthly_statements(), overview.most_quoted_actors()

    figures = {"home_figures": home_figures, "statements_by_month": overview._statements_by_month,
               "quote_counts_by_speaker": overview._quote_counts_by_speaker}
    timings = {}
    for name, compute in figures.items():
        samples = []
        for _ in range(OVERVIEW_REPEAT):
            started = time.perf_counter()
            compute()
            samples.append((time.perf_counter() - started) * 1000)
        timings[name] = percentiles(samples)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    django_setup("demarche_bench")
    from actors.models import Actor
    from statements.models import Incident, Quote, Statement, Topic

    quotes = Quote.objects.count()
    if quotes < 1000:
        sys.exit("load the corpus first: python -m bench.search")
    statements_seconds = give_statements()
    speaker = Actor.objects.filter(quotes__isnull=False).order_by("pk").first()
    topic = Topic.objects.order_by("pk").first()
    incident = Incident.objects.order_by("pk").first()
    with gunicorn() as base:
        _, first_page = get(base + "/timeline/")
        cursor = re.search(r'href="\?cursor=([^"&]+)"', first_page)
        urls = {
            "timeline": "/timeline/",
            "timeline_page_2": f"/timeline/?cursor={cursor.group(1)}" if cursor else None,
            "timeline_by_speaker": f"/timeline/?speaker={speaker.slug}",
            "timeline_by_topic": f"/timeline/?topic={topic.slug}" if topic else None,
            "timeline_by_incident_and_date": f"/timeline/?incident={incident.slug}&date_after=2021"
            if incident else None,
            # The visual strip (5,000 dots), fetched by the browser after the timeline has rendered.
            "timeline_overview": "/timeline/overview/",
            "timeline_overview_by_incident_and_date": f"/timeline/overview/?incident={incident.slug}&date_after=2021"
            if incident else None,
            "actor_page": f"/actors/{speaker.slug}/",
            "incident_page": f"/incidents/{incident.slug}/" if incident else None,
            "home": "/",
            "article_list": "/articles/",
            "actor_list": "/actors/",
            "incident_list": "/incidents/",
        }
        urls = {name: path for name, path in urls.items() if path}
        results = {}
        for name, path in urls.items():
            get(base + path)  # warm
            results[name] = {"url": path, **percentiles([get(base + path)[0] for _ in range(args.requests)])}
        timelines = [result["p95_ms"] for name, result in results.items()
                     if name.startswith("timeline") and "overview" not in name]
    write_results("pages", {"quotes": quotes, "statements": Statement.objects.count(),
                            "statements_seconds": statements_seconds,
                            "server": "gunicorn, 2 workers, loopback, sequential requests",
                            "goal": {"timeline_p95_ms": 100}, "pages": results,
                            "worst_timeline_p95_ms": max(timelines), "overview_uncached": overview_uncached()})


if __name__ == "__main__":
    main()
