"""The statements app; `migrate` also creates the shared database cache's table (config/settings.py CACHES)."""

from django.apps import AppConfig
from django.core.management import call_command
from django.db.models.signals import post_migrate


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = "Statements"

    def ready(self):
        post_migrate.connect(_create_cache_table, sender=self)


def _create_cache_table(using, **kwargs):
    call_command("createcachetable", database=using, verbosity=0)
