"""Celery tasks of the actors app."""

from celery import shared_task
from django.db import OperationalError

from actors.duplicates import likely_duplicates


@shared_task(autoretry_for=(OperationalError, ConnectionError), retry_backoff=True, max_retries=3)
def refresh_likely_duplicates() -> None:
    """Find the likely duplicates again if names, aliases or roles changed (a merge, an import), so that the
    admin page reads them from the cache instead of waiting seconds for them; a no-op otherwise."""
    likely_duplicates()
