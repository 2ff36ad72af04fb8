"""API list throughput under load (wrk against gunicorn), beside bare Django JSON views of the same rows.

    python -m bench.api [--quotes 100000] [--seconds 20] [--connections 16]

Each list endpoint's first page (50 rows) and a bare Django view reading the same rows and columns
(bench/urls.py: `.values()` and a JsonResponse) are loaded in turn, in the same run, by the same
gunicorn (bench/wsgi.py). Goal (issue #8): every API list at least 0.5× the bare view's requests/s.
Needs wrk (apt-get install wrk). The corpus is bench.search's generator, in its own database.
"""

from __future__ import annotations

import argparse
import json
import sys

from bench.common import django_setup, get, gunicorn, write_results, wrk, wrk_installed
from bench.search import corpus_ready

DATABASE = "demarche_bench_100k"
WORKERS = 2
PAIRS = {  # API list → the bare view reading the same rows
    "quotes": ("/api/v1/quotes/", "/bench/bare/quotes/"),
    "articles": ("/api/v1/articles/", "/bench/bare/articles/"),
}
GOAL = 0.5


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=100_000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    options = parser.parse_args()
    wrk_installed()
    django_setup(DATABASE)
    corpus = corpus_ready(options.quotes)

    endpoints = {}
    with gunicorn(workers=WORKERS, app="bench.wsgi") as base:
        for name, (api_path, bare_path) in PAIRS.items():
            if json.loads(get(base + api_path)[1])["results"] != json.loads(get(base + bare_path)[1])["results"]:
                sys.exit(f"{bare_path} does not answer what {api_path} does: the comparison would be unfair")
            load = {"seconds": options.seconds, "connections": options.connections}
            wrk(base + api_path, seconds=2, connections=options.connections)  # warm every worker
            api = wrk(base + api_path, **load)
            bare = wrk(base + bare_path, **load)
            endpoints[name] = {"api": {"url": api_path, **api}, "bare": {"url": bare_path, **bare},
                               "api_over_bare": round(api["requests_per_s"] / bare["requests_per_s"], 2)}
    write_results("api", {
        "corpus": corpus,
        "method": f"wrk, {options.connections} connections, {options.seconds} s per URL, against gunicorn "
                  f"({WORKERS} sync workers) on loopback; each API list's first page beside a bare Django view "
                  "(.values() + JsonResponse) of the same rows and columns",
        "goal": {"api_over_bare": GOAL},
        "endpoints": endpoints,
        "worst_api_over_bare": min(result["api_over_bare"] for result in endpoints.values()),
    })


if __name__ == "__main__":
    main()
