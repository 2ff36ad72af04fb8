from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("statements", "0016_incident_redirects"),
    ]

    operations = [
        migrations.AddField(
            model_name="quote",
            name="speaker_candidates",
            field=models.JSONField(
                blank=True, default=list,
                help_text="The speakers the extractor weighed, best first: {name, score, cue, actor (its slug or null)}."),
        ),
        migrations.AddIndex(
            model_name="quote",
            index=models.Index(models.F("confidence"), models.F("id"), condition=models.Q(review_status="machine"),
                               name="quote_review_queue"),
        ),
    ]
