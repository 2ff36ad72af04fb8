"""Page latency over HTTP (gunicorn) on the 1M-quote corpus of bench.search: timelines, lists, detail pages.

    python -m bench.pages [--requests 40]

Load the corpus first with `python -m bench.search` (it stays in the demarche_bench database).
Goal (issue #6): timeline p95 ≤ 100 ms with 1M quotes.
"""

from __future__ import annotations

import argparse
import re
import sys

from bench.common import django_setup, get, gunicorn, percentiles, write_results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100)
    args = parser.parse_args()
    django_setup("demarche_bench")
    from actors.models import Actor
    from statements.models import Incident, Quote, Topic

    quotes = Quote.objects.count()
    if quotes < 1000:
        sys.exit("load the corpus first: python -m bench.search")
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
        write_results("pages", {"quotes": quotes, "server": "gunicorn, 2 workers, loopback, sequential requests",
                                "goal": {"timeline_p95_ms": 100}, "pages": results,
                                "worst_timeline_p95_ms": max(timelines)})


if __name__ == "__main__":
    main()
