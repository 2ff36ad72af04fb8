"""The demo knowledge base: short news briefs (fixtures/demo) that show a newcomer the product working.

They go through the real import pipeline, as one import job of origin "demo"; the articles it
creates are marked `demo`, shown as such on every page, and `demo_remove` deletes them again.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from statements.ingest.jobs import job_submit
from statements.models import Article, ImportJob


def demo_submit() -> ImportJob | None:
    """Submit the demo briefs as one import job, unless a demo job was submitted before (None then)."""
    if ImportJob.objects.filter(origin=ImportJob.Origin.DEMO).exists():
        return None
    files = sorted(settings.DEMO_ARTICLES_DIR.glob("*.txt"))
    return job_submit(origin=ImportJob.Origin.DEMO, files=((path.name, path.read_bytes()) for path in files),
                      submitted=str(settings.DEMO_ARTICLES_DIR.relative_to(settings.BASE_DIR)))


@transaction.atomic
def demo_remove() -> int:
    """Delete the demo articles (their quotes and links go with them) and the demo import jobs."""
    deleted = Article.objects.filter(demo=True).count()
    Article.objects.filter(demo=True).delete()
    ImportJob.objects.filter(origin=ImportJob.Origin.DEMO).delete()
    cache.delete(PRESENT_CACHE_KEY)
    return deleted


PRESENT_CACHE_KEY, PRESENT_CHECK_SECONDS = "demo-data-present", 60


def demo_present() -> bool:
    """Whether demo articles are stored, asked of the database at most once a minute (each page shows it)."""
    return cache.get_or_set(PRESENT_CACHE_KEY, Article.objects.filter(demo=True).exists, PRESENT_CHECK_SECONDS)
