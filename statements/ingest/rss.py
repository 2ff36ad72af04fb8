"""Incoming RSS/Atom feeds, polled by Celery beat: each new entry's page is fetched and submitted as a job.

Polite polling: the feed is requested with the ETag and Last-Modified it last answered, so an
unchanged feed costs a 304. An entry is remembered by its id (or link) once submitted, so a
feed that keeps old entries never imports them twice; the content hash catches the rest.
"""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from dataclasses import dataclass

import feedparser
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from statements.ingest.jobs import job_status_refresh, job_submit
from statements.models import Feed, FeedEntry, ImportItem, ImportJob

logger = logging.getLogger(__name__)

USER_AGENT = "Demarche/1 (+https://github.com/demarche; cyber-diplomacy statements)"


@dataclass
class Fetched:
    status: int
    body: bytes
    etag: str = ""
    last_modified: str = ""


def fetch(url: str, *, etag: str = "", last_modified: str = "", timeout: float = 20.0) -> Fetched:
    """GET `url` with conditional headers; 304 comes back as status 304 with no body."""
    if not url.lower().startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {url!r}")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310 (scheme checked above)
    if etag:
        request.add_header("If-None-Match", etag)
    if last_modified:
        request.add_header("If-Modified-Since", last_modified)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(settings.IMPORT_MAX_BYTES + 1)
            return Fetched(response.status, body, response.headers.get("ETag", ""),
                           response.headers.get("Last-Modified", ""))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(304, b"", etag, last_modified)
        raise


def feed_poll(feed: Feed) -> ImportJob | None:
    """Fetch a feed, submit its new entries' pages as one import job, and remember what was seen.

    The job's pending items are for the caller to queue (`statements.tasks.poll_feed` does)."""
    feed.last_polled_at = timezone.now()
    try:
        fetched = fetch(feed.url, etag=feed.etag, last_modified=feed.last_modified)
    except (OSError, ValueError) as error:
        feed.last_error = f"could not fetch the feed: {error}"
        feed.save(update_fields=["last_polled_at", "last_error"])
        return None
    if fetched.status == 304:
        feed.last_error = ""
        feed.save(update_fields=["last_polled_at", "last_error"])
        return None
    parsed = feedparser.parse(fetched.body)
    seen = set(feed.entries.values_list("key", flat=True))
    new_entries = [entry for entry in parsed.entries if _entry_key(entry) and _entry_key(entry) not in seen]
    files, unreachable = [], {}
    for entry in new_entries:
        link = entry.get("link", "")
        try:
            files.append((link, fetch(link).body))
        except (OSError, ValueError) as error:
            logger.warning("feed %s: entry %s not fetched: %s", feed.pk, link, error)
            files.append((link, b""))
            unreachable[link] = f"could not fetch the page: {error}"
    with transaction.atomic():
        job = job_submit(origin=ImportJob.Origin.FEED, files=files, submitted=feed.url) if files else None
        for item in job.items.filter(name__in=unreachable) if job else ():
            # recorded with its reason on the job, never silently dropped
            item.status, item.error = ImportItem.Status.FAILED, unreachable[item.name]
            item.save(update_fields=["status", "error"])
        if unreachable:
            job_status_refresh(job)
        FeedEntry.objects.bulk_create([FeedEntry(feed=feed, key=_entry_key(entry)) for entry in new_entries],
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
