"""Celery tasks: thin wrappers that load ids and call the import functions."""

from celery import shared_task
from celery.signals import worker_init
from django.conf import settings
from django.db import OperationalError

from statements import analysis, feeds, importing
from statements.extraction import ner
from statements.models import Feed
from statements.search import year_indexes


@shared_task(
    acks_late=True,
    autoretry_for=(OperationalError, ConnectionError),
    retry_backoff=True,
    retry_backoff_max=300,
    max_retries=8,
)
def import_item(item_id: int) -> None:
    importing.item_process(item_id)


@shared_task
def import_inbox() -> None:
    importing.inbox_collect(settings.INBOX_DIR)


@shared_task
def requeue_stale_items() -> None:
    importing.stale_items_requeue()


@shared_task(acks_late=True)
def reextract_articles(article_ids: list[int]) -> None:
    analysis.articles_reextract(article_ids)


@shared_task
def poll_feeds() -> None:
    feeds.feeds_poll_due()


@shared_task
def poll_feed(feed_id: int) -> None:
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed:
        feeds.feed_poll(feed)


@shared_task
def ensure_search_year_indexes() -> None:
    year_indexes.ensure_year_indexes()


@worker_init.connect
def preload_models(**kwargs) -> None:
    """Load the NLP models in the worker's parent process, so its forked children share them."""
    ner.preload()
