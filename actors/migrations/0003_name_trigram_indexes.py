"""Trigram indexes for fuzzy actor-name look-ups in search ("Poutin", "Putine").

Plain SQL so that the models stay as they are; pg_trgm is created by statements 0001.
"""

from django.db import migrations

INDEXES = [
    ("actors_actor_normalized_name_trgm", "actors_actor", "normalized_name"),
    ("actors_alias_normalized_trgm", "actors_alias", "normalized"),
]


class Migration(migrations.Migration):

    dependencies = [
        ('actors', '0002_initial'),
        ('statements', '0001_initial'),
    ]

    operations = [
        migrations.RunSQL(
            [f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin ({column} gin_trgm_ops);"
             for name, table, column in INDEXES],
            [f"DROP INDEX IF EXISTS {name};" for name, _, _ in INDEXES],
        ),
    ]
