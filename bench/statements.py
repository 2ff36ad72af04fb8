"""One statement, many reports at scale: matching a new report against a million stored quotes.

    python -m bench.statements [--quotes 1000000] [--repeat 30] [--keep]

The corpus is bench.search's (Zipf speakers, ten years of dates, a third of the quotes tied to an incident),
loaded into its own database (demarche_bench_statements), each quote given a statement of its own as an
import would. Then a new article's quotes are matched (statements.matching.quotes_assign_statements: the
candidate queries, the signatures, the choice, the writes) inside a transaction rolled back after each run,
for the shapes that read the most candidates: the most quoted speaker about an incident, an unattributed
quote about an incident (any speaker's reports of it), an undated quote of the most quoted speaker (all its
statements, newest first), a rarely quoted speaker, and an article of ten quotes.
"""

from __future__ import annotations

import argparse
import datetime
import random
import time

from bench.common import corpus_statements_give, django_setup, percentiles, write_results

DATABASE = "demarche_bench_statements"
TEXT_EN = "Russia must stop the ransomware attacks against our hospitals, and we will hold the criminals to account."
TEXT_FR = "La Russie doit cesser les attaques de rançongiciels contre nos hôpitaux ; nous demanderons des comptes."


def corpus_ready(quotes: int, keep: bool) -> dict:
    from bench.search import load_corpus
    from statements.models import Quote

    if keep and Quote.objects.count() == quotes and not Quote.objects.filter(statement__isnull=True).exists():
        return {"quotes": quotes, "reused": True}
    corpus = load_corpus(quotes)
    corpus["statements_seconds"] = corpus_statements_give()  # load_corpus emptied the statements already
    return corpus


def match_once(shape: dict, rng: random.Random, day: datetime.date | None = None) -> float:
    """Store a new article's quotes of one shape, said on `day` (else a random day of the ten years), then time
    their matching; everything rolled back."""
    from django.db import transaction

    from statements.matching import quotes_assign_statements
    from statements.models import Article, Quote

    with transaction.atomic():
        day = day or datetime.date(2014, 1, 1) + datetime.timedelta(days=rng.randrange(3650))
        article = Article.objects.create(title="Bench", text="x" * 1000, language="fr", published_date=day,
                                         content_hash=f"bench-{rng.random()}")
        quotes = []
        for n in range(shape.get("quotes", 1)):
            language = rng.choice(["fr", "en"])
            quotes.append(Quote(article=article, text=TEXT_FR if language == "fr" else TEXT_EN, start=n * 200,
                                end=n * 200 + 150, speaker_id=shape["speaker"],
                                statement_date=None if shape.get("undated") else day, language=language))
        Quote.objects.bulk_create(quotes)
        if shape.get("incident"):
            Quote.incidents.through.objects.bulk_create(
                [Quote.incidents.through(quote_id=quote.pk, incident_id=shape["incident"]) for quote in quotes])
        started = time.perf_counter()
        quotes_assign_statements(quotes)
        elapsed = (time.perf_counter() - started) * 1000
        transaction.set_rollback(True)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="reuse the corpus already loaded if its size matches")
    options = parser.parse_args()
    django_setup(DATABASE)
    corpus = corpus_ready(options.quotes, options.keep)
    from django.db.models import Count

    from statements.models import Quote

    by_count = list(Quote.objects.values("speaker_id").exclude(speaker_id=None).annotate(n=Count("pk"))
                    .order_by("-n").values_list("speaker_id", "n"))
    top, top_quotes = by_count[0]
    rare, rare_quotes = by_count[-1]
    shapes = {
        "most_quoted_speaker_with_incident": {"speaker": top, "incident": 1},
        "unattributed_with_incident": {"speaker": None, "incident": 1},
        "most_quoted_speaker_undated": {"speaker": top, "undated": True},
        "rarely_quoted_speaker": {"speaker": rare},
        "article_of_10_quotes_most_quoted_speaker": {"speaker": top, "incident": 1, "quotes": 10},
    }
    rng = random.Random(5)  # noqa: S311 (dates to try, not a secret)
    for shape in shapes.values():
        match_once(shape, rng)  # warm the caches (signatures' data, the plans)
    # A random day of ten years: the week's statements mostly read from disk. The same week again: how a
    # story's reports arrive, days apart, its statements in the database's cache.
    results = {name: percentiles([match_once(shape, rng) for _ in range(options.repeat)])
               for name, shape in shapes.items()}
    week = datetime.date(2021, 7, 9)
    for shape in shapes.values():
        match_once(shape, rng, week)
    results |= {f"{name}_same_week_again": percentiles([match_once(shape, rng, week) for _ in range(options.repeat)])
                for name, shape in shapes.items()}
    write_results("statements", {
        "corpus": {**corpus, "most_quoted_speaker_quotes": top_quotes, "rarely_quoted_speaker_quotes": rare_quotes},
        "method": "statements.matching.quotes_assign_statements on a new article's quotes (candidate queries, "
                  "signatures, choice, writes), each run in a transaction rolled back; one process, one connection; "
                  "a random day of ten years (cold), then one week again and again (*_same_week_again, warm)",
        "goal": {"one_new_report_p95_ms": 50},
        "matching_ms": results,
    })


if __name__ == "__main__":
    main()
