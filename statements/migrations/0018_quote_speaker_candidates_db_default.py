"""Quote.speaker_candidates gets a default in the database too, so that rows written without Django
(bench.search's COPY of a million quotes, any bulk load) need not name it. Django's `default=list`
alone leaves the column NOT NULL without a default."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("statements", "0017_quote_speaker_candidates"),
    ]

    operations = [
        migrations.RunSQL(
            "ALTER TABLE statements_quote ALTER COLUMN speaker_candidates SET DEFAULT '[]'::jsonb",
            reverse_sql="ALTER TABLE statements_quote ALTER COLUMN speaker_candidates DROP DEFAULT",
        ),
    ]
