"""`manage.py poll_feeds`: poll every active feed once, as Celery beat does, and queue what is new."""

from django.core.management.base import BaseCommand

from statements.ingest.rss import active_feed_ids
from statements.models import Feed
from statements.tasks import poll_feed


class Command(BaseCommand):
    help = "Poll every active feed once (as beat does); new entries' pages are queued for the worker."

    def handle(self, *args, **options):
        for feed_id in active_feed_ids():
            job_id = poll_feed(feed_id)
            feed = Feed.objects.get(pk=feed_id)
            outcome = f"job #{job_id}" if job_id else (feed.last_error or "nothing new")
            self.stdout.write(f"{feed.url}: {outcome}")
