"""Incoming RSS/Atom feeds, polled by Celery beat: each new entry's page is fetched and submitted as a job.

Polite polling: the feed is requested with the ETag and Last-Modified it last answered, so an
unchanged feed costs a 304. An entry is remembered by its id (or link) once submitted, so a
feed that keeps old entries never imports them twice; the content hash catches the rest.
"""

from __future__ import annotations

import logging

import feedparser
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from statements.ingest.fetching import FetchError, fetch
from statements.ingest.jobs import job_status_refresh, job_submit
from statements.models import Feed, FeedEntry, ImportItem, ImportJob

logger = logging.getLogger(__name__)


def feed_poll(feed: Feed) -> ImportJob | None:
    """Fetch a feed, submit its new entries' pages as one import job, and remember what was seen.

    Every fetch goes through the guarded client (statements/ingest/fetching.py). At most
    FEED_MAX_ENTRIES new entries are fetched per poll, the oldest first; the others wait for the
    next poll. An entry whose page is not fetched fails on its own item, with the reason, and is
    remembered like the others; it never stops the poll. The job's pending items are for the
    caller to queue (`statements.tasks.poll_feed` does)."""
    feed.last_polled_at = timezone.now()
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except FetchError as error:
        feed.last_error = f"could not fetch the feed: {error}"
        feed.save(update_fields=["last_polled_at", "last_error"])
        return None
    if fetched.status == 304:
        feed.last_error = ""
        feed.save(update_fields=["last_polled_at", "last_error"])
        return None
    parsed = feedparser.parse(fetched.body)
    seen = set(feed.entries.values_list("key", flat=True))
    new_entries = list({_entry_key(entry): entry for entry in reversed(parsed.entries)
                        if _entry_key(entry) and _entry_key(entry) not in seen}.items())
    new_entries = new_entries[:settings.FEED_MAX_ENTRIES]
    files, unreachable = [], {}
    for key, entry in new_entries:
        link = entry.get("link", "") or key
        try:
            files.append((link, fetch(link).body))
        except FetchError as error:
            logger.warning("feed %s: entry %s not fetched: %s", feed.pk, link, error)
            files.append((link, b""))
            unreachable[link[:500]] = f"could not fetch the page: {error}"
    with transaction.atomic():
        job = job_submit(origin=ImportJob.Origin.FEED, files=files, submitted=feed.url) if files else None
        for item in job.items.filter(name__in=unreachable) if job else ():
            # recorded with its reason on the job, never silently dropped
            item.status, item.error, item.payload = ImportItem.Status.FAILED, unreachable[item.name], None
            item.save(update_fields=["status", "error", "payload"])
        if unreachable:
            job_status_refresh(job)
        FeedEntry.objects.bulk_create([FeedEntry(feed=feed, key=key) for key, _entry in new_entries],
                                      ignore_conflicts=True)
        feed.etag, feed.last_modified, feed.last_error = fetched.etag, fetched.last_modified, ""
        if parsed.get("feed", {}).get("title") and not feed.title:
            feed.title = parsed.feed.title[:200]
        feed.save()
    return job


def active_feed_ids() -> list[int]:
    """Every active feed: beat polls them all at each FEED_POLL_SECONDS, one task each."""
    return list(Feed.objects.filter(active=True).order_by("pk").values_list("pk", flat=True))


def _entry_key(entry) -> str:
    return (entry.get("id") or entry.get("link") or "")[:500]
