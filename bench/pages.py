"""Timeline page latency over HTTP (gunicorn) on the 1M-quote corpus of bench.search.

    python -m bench.pages [--requests 40]

Load the corpus first with `python -m bench.search` (it stays in the demarche_bench database).
Goal (issue #6): timeline p95 ≤ 100 ms with 1M quotes.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.common import django_setup, percentiles, write_results

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[float, str]:
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (loopback)
        body = response.read().decode()
    return (time.perf_counter() - started) * 1000, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=40)
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
    port = free_port()
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1", "API_ANON_RATE": "1000000/minute"}
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "config.wsgi", "--bind", f"127.0.0.1:{port}",
                               "--workers", "2", "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                get(base + "/health/")
                break
            except OSError:
                time.sleep(0.2)
        _, first_page = get(base + "/timeline/")
        cursor = re.search(r'href="\?cursor=([^"&]+)"', first_page)
        urls = {
            "timeline": "/timeline/",
            "timeline_page_2": f"/timeline/?cursor={cursor.group(1)}" if cursor else "/timeline/",
            "timeline_by_speaker": f"/timeline/?speaker={speaker.slug}",
            "timeline_by_topic": f"/timeline/?topic={topic.slug}" if topic else "/timeline/",
            "timeline_by_incident_and_date": f"/timeline/?incident={incident.slug}&date_after=2021"
            if incident else "/timeline/",
            "actor_page": f"/actors/{speaker.slug}/",
        }
        results = {}
        for name, path in urls.items():
            get(base + path)  # warm
            results[name] = {"url": path, **percentiles([get(base + path)[0] for _ in range(args.requests)])}
        every = [value for result in results.values() for value in [result["p95_ms"]]]
        write_results("pages", {"quotes": quotes, "server": "gunicorn, 2 workers, loopback, sequential requests",
                                "goal": {"timeline_p95_ms": 100}, "pages": results,
                                "worst_p95_ms": max(every)})
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
