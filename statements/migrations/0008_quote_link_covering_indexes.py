"""Each quote link table indexed from the linked side with the quote id included.

A search filtered by an incident, a topic or a named actor reads every quote id of that incident
(topic, actor) from this index alone, without the table (statements.search.window). The tables are
Django's own many-to-many tables, which take no Meta.indexes: the indexes are plain SQL.
"""

from django.db import migrations

LINKS = [
    ("statements_quote_incidents", "incident_id"),
    ("statements_quote_topics", "topic_id"),
    ("statements_quote_mentioned_actors", "actor_id"),
]


class Migration(migrations.Migration):

    dependencies = [
        ("statements", "0007_quote_kind_known"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX {table}_by_link ON {table} ({column}, quote_id);",
            f"DROP INDEX IF EXISTS {table}_by_link;",
        )
        for table, column in LINKS
    ]
