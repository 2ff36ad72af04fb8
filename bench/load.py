"""Sustained load (issue #9): wrk at 64 connections for 60 s on the timeline, the search page and the API,
with 100k quotes; every error counted, p99 recorded.

    python -m bench.load [--seconds 60] [--connections 64] [--workers 4]

Each group's requests rotate through its paths (filters, pages, queries of bench.search). A request
that fails, answers anything but 2xx/3xx, or takes over 10 s is an error; the goal is zero.
Needs wrk (apt-get install wrk). The corpus is bench.search's generator, in its own database.
"""

from __future__ import annotations

import argparse
from urllib.parse import quote

from bench.common import django_setup, gunicorn, write_results, wrk, wrk_installed
from bench.search import QUERIES, corpus_ready

DATABASE = "demarche_bench_100k"


def groups() -> dict[str, list[str]]:
    from actors.models import Actor
    from statements.models import Incident, Topic

    speakers = list(Actor.objects.filter(quotes__isnull=False).distinct().order_by("pk")
                    .values_list("slug", flat=True)[:5])
    topic = Topic.objects.order_by("pk").values_list("slug", flat=True).first()
    incident = Incident.objects.order_by("pk").values_list("slug", flat=True).first()
    searches = [f"q={quote(query)}" for query in QUERIES]
    return {
        "timeline": ["/timeline/", f"/timeline/?topic={topic}", f"/timeline/?incident={incident}&date_after=2021",
                     *(f"/timeline/?speaker={slug}" for slug in speakers)],
        "search": [f"/search/?{query}" for query in searches],
        "api": ["/api/v1/quotes/", f"/api/v1/quotes/?speaker={speakers[0]}", "/api/v1/articles/",
                "/api/v1/timeline/", *(f"/api/v1/search/?{query}" for query in searches[:4])],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    options = parser.parse_args()
    wrk_installed()
    django_setup(DATABASE)
    corpus = corpus_ready(options.quotes)

    results = {}
    with gunicorn(workers=options.workers) as base:
        for name, paths in groups().items():
            wrk(base + "/", seconds=3, connections=options.connections, paths=paths)  # warm every worker
            results[name] = {"paths": paths, **wrk(base + "/", seconds=options.seconds,
                                                    connections=options.connections, paths=paths)}
    write_results("load", {
        "corpus": corpus,
        "method": f"wrk, {options.connections} connections for {options.seconds} s per group, requests rotating "
                  f"through the group's paths, against gunicorn ({options.workers} sync workers) on loopback; "
                  "errors = failed connections, reads, writes, non-2xx/3xx answers and requests over 10 s",
        "goal": {"errors": 0},
        "groups": results,
        "errors": sum(result["errors"] for result in results.values()),
    })


if __name__ == "__main__":
    main()
