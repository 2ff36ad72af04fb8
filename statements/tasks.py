"""Celery tasks, and the functions that queue them.

Tasks are thin: each loads ids, calls one function of the ingest package (or search), and queues
what that function submitted. Queueing lives here, beside the tasks, so that no service imports a
task: the services return what they created and the caller (a task, a view, a command) queues it.
"""

import logging
from datetime import timedelta

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.signals import worker_init
from django.conf import settings
from django.db import OperationalError, transaction

from statements.extraction import ner
from statements.ingest import jobs, quotes, rss
from statements.models import Feed, ImportItem, ImportJob
from statements.search import year_indexes

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
    soft_time_limit=settings.IMPORT_TIME_LIMIT_SECONDS,
    time_limit=settings.IMPORT_TIME_LIMIT_SECONDS + 30,
)
def import_item(item_id: int) -> None:
    try:
        jobs.item_process(item_id)
    except SoftTimeLimitExceeded:
        jobs.item_fail(item_id, f"took longer than the time limit of {settings.IMPORT_TIME_LIMIT_SECONDS} s")


@shared_task
def import_inbox() -> None:
    job = jobs.inbox_collect(settings.INBOX_DIR)
    if job:
        items_enqueue(_pending_ids(job))


@shared_task
def requeue_stale_items(older_than_seconds: int = 300) -> int:
    return items_enqueue(jobs.stale_item_ids(timedelta(seconds=older_than_seconds)))


@shared_task
def purge_failed_payloads() -> int:
    return jobs.failed_payloads_purge(timedelta(days=settings.IMPORT_FAILED_KEEP_DAYS))


@shared_task(acks_late=True)
def reextract_articles(article_ids: list[int]) -> None:
    quotes.articles_reextract(article_ids)


@shared_task
def poll_feeds() -> None:
    for feed_id in rss.active_feed_ids():
        poll_feed.delay(feed_id)


@shared_task
def poll_feed(feed_id: int) -> int | None:
    """Poll one feed and queue the pages it submitted; the job's id, or None when nothing was new."""
    feed = Feed.objects.filter(pk=feed_id).first()
    job = rss.feed_poll(feed) if feed else None
    if job is None:
        return None
    items_enqueue(_pending_ids(job))
    return job.pk


@shared_task
def ensure_search_year_indexes() -> None:
    year_indexes.ensure_year_indexes()


def job_enqueue(job: ImportJob) -> None:
    """Queue one task per pending item of the job once its rows are committed (views, commands)."""
    item_ids = _pending_ids(job)
    transaction.on_commit(lambda: items_enqueue(item_ids))


def _pending_ids(job: ImportJob) -> list[int]:
    return list(job.items.filter(status=ImportItem.Status.PENDING).values_list("pk", flat=True))


def items_enqueue(item_ids: list[int]) -> int:
    """Send the items to the worker; with the broker down they stay pending for `requeue_stale_items`."""
    sent = 0
    try:
        for item_id in item_ids:
            import_item.delay(item_id)
            sent += 1
    except Exception as error:  # kombu raises several types; the items are safe in the database
        logger.warning("broker unavailable (%s): %d item(s) wait for the next sweep", error, len(item_ids) - sent)
    return sent


@worker_init.connect
def preload_models(**kwargs) -> None:
    """Load the NLP models in the worker's parent process, so its forked children share them."""
    ner.preload()
