"""Indexes that only cost an import's writes: each is the first columns of another index, which serves the same
lookups (an article's quotes: quote_unique_span; a speaker's quotes: (speaker, statement_date); quotes by date:
(statement_date, id); a speaker's statements: statement_speaker_date; a quote's candidates:
statement_candidate_unique), or the pattern-matching twin of review_status's, which no query uses.

Dropped by name rather than by Django's AlterField, which would drop and re-add (re-validate over the whole
table) each foreign key; review_status's equality index is kept, under the name the model gives it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

REDUNDANT = {  # index -> its definition, to build it again when the migration is reversed
    "statements_quote_article_id_2ffd455d": "statements_quote (article_id)",
    "statements_quote_speaker_id_a9d2ff30": "statements_quote (speaker_id)",
    "statements_quote_statement_date_a48a5d14": "statements_quote (statement_date)",
    "statements_quote_review_status_41ad5d2b_like": "statements_quote (review_status varchar_pattern_ops)",
    "statements_statement_speaker_id_4f9a3901": "statements_statement (speaker_id)",
    "statements_statementcandidate_quote_id_1e907f0d": "statements_statementcandidate (quote_id)",
}

FORWARD = [f'DROP INDEX IF EXISTS "{name}";' for name in REDUNDANT] + [
    'ALTER INDEX "statements_quote_review_status_41ad5d2b" RENAME TO "quote_review_status";']
BACKWARD = ['ALTER INDEX "quote_review_status" RENAME TO "statements_quote_review_status_41ad5d2b";'] + [
    f'CREATE INDEX "{name}" ON {definition};' for name, definition in REDUNDANT.items()]


class Migration(migrations.Migration):

    dependencies = [
        ('actors', '0004_actor_redirects'),
        ('statements', '0023_quote_statement_indexes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.AlterField(
                    model_name='quote',
                    name='article',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                            related_name='quotes', to='statements.article'),
                ),
                migrations.AlterField(
                    model_name='quote',
                    name='review_status',
                    field=models.CharField(choices=[('machine', 'machine (not reviewed)'), ('verified', 'verified'),
                                                    ('rejected', 'rejected'),
                                                    ('withdrawn', 'withdrawn (no longer found by the extractor)')],
                                           default='machine', max_length=10),
                ),
                migrations.AlterField(
                    model_name='quote',
                    name='speaker',
                    field=models.ForeignKey(blank=True, db_index=False, null=True,
                                            on_delete=django.db.models.deletion.SET_NULL, related_name='quotes',
                                            to='actors.actor'),
                ),
                migrations.AlterField(
                    model_name='quote',
                    name='statement_date',
                    field=models.DateField(blank=True, null=True),
                ),
                migrations.AlterField(
                    model_name='statement',
                    name='speaker',
                    field=models.ForeignKey(blank=True, db_index=False, null=True,
                                            on_delete=django.db.models.deletion.SET_NULL, related_name='statements',
                                            to='actors.actor'),
                ),
                migrations.AlterField(
                    model_name='statementcandidate',
                    name='quote',
                    field=models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE,
                                            related_name='statement_candidates', to='statements.quote'),
                ),
                migrations.AddIndex(
                    model_name='quote',
                    index=models.Index(fields=['review_status'], name='quote_review_status'),
                ),
            ],
        ),
    ]
