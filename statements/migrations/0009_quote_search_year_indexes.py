"""A full-text index per year of quotes (statements/search/year_indexes.py): built here for the years
already holding quotes, then every day by Celery beat. Without a transaction, so that the indexes
are built while quotes are still written (CREATE INDEX CONCURRENTLY)."""

from django.db import migrations


def build(apps, schema_editor):
    from statements.search.year_indexes import ensure_year_indexes

    ensure_year_indexes()


def drop(apps, schema_editor):
    from statements.search.year_indexes import drop_year_indexes

    drop_year_indexes()


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("statements", "0008_quote_link_covering_indexes"),
    ]

    operations = [migrations.RunPython(build, drop)]
