"""The review queue at scale: `/review/` and `GET /api/v1/review/` over a million unreviewed quotes.

    python -m bench.review [--quotes 1000000] [--repeat 20] [--keep]

The corpus is bench.search's (its own database, demarche_bench_review), every quote unreviewed with a
random confidence, and one article in a hundred 1 MB long with its quotes spread through it: the queue
reads each quote's paragraph from a window of its article, never the article. Each page is timed in
process (Django's test client, a staff session), first page and a deep one, with its number of queries
and the plan of its main query (it should walk the partial index quote_review_queue).
"""

from __future__ import annotations

import argparse
import os
import time

from bench.common import django_setup, percentiles, write_results

LONG_ARTICLE_BYTES = 1_000_000


def prepare(count: int, keep: bool) -> dict:
    from django.db import connection

    from bench.search import load_corpus

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM statements_quote")
        loaded = cursor.fetchone()[0]
    if keep and loaded == count:
        return {"quotes": count, "reused": True}
    started = time.perf_counter()
    corpus = load_corpus(count)
    with connection.cursor() as cursor:
        cursor.execute("UPDATE statements_quote SET confidence = random()")
        # one article in a hundred is 1 MB long, its four quotes at the start, 1/3, 2/3 and the end
        cursor.execute("UPDATE statements_article SET text = repeat('Un paragraphe de contexte. ', %s) "
                       "|| E'\\n' || title || '.' WHERE id %% 100 = 0", [LONG_ARTICLE_BYTES // 27])
        cursor.execute("UPDATE statements_quote q SET start = (q.id %% 4) * (length(a.text) / 4), "
                       "\"end\" = (q.id %% 4) * (length(a.text) / 4) + 20 "
                       "FROM statements_article a WHERE a.id = q.article_id AND a.id %% 100 = 0", [])
        cursor.execute("VACUUM ANALYZE statements_quote")
        cursor.execute("VACUUM ANALYZE statements_article")
    corpus["confidence_and_long_articles_seconds"] = round(time.perf_counter() - started, 1)
    return corpus


def measure(repeat: int) -> dict:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from statements.models import Quote

    staff, _ = get_user_model().objects.get_or_create(username="bench-curator", defaults={"is_staff": True})
    client = Client()
    client.force_login(staff)
    results = {}
    for name, url in [("page_first", "/review/"), ("page_deep", "/review/?page=500"),
                      ("api_first", "/api/v1/review/"), ("api_deep", "/api/v1/review/?page=200")]:
        samples = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url, HTTP_ACCEPT="application/json" if "api" in url else "text/html")
            samples.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        results[name] = {"url": url, **percentiles(samples), "queries": len(queries), "bytes": len(response.content)}
    with connection.cursor() as cursor:
        sql, params = Quote.objects.review_queue()[:20].query.sql_with_params()
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        results["plan_first_page"] = [row[0] for row in cursor.fetchall()]
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse a corpus of the same size already loaded")
    args = parser.parse_args()
    os.environ["ALLOWED_HOSTS"] = "testserver"  # Django's test client
    django_setup("demarche_bench_review")
    corpus = prepare(args.quotes, args.keep)
    write_results("review", {"corpus": corpus, **measure(args.repeat)})


if __name__ == "__main__":
    main()
