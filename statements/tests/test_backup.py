"""A documented backup and restore (pg_dump / pg_restore) exercised on the test database."""

import pytest
from django.core.management import call_command

from statements.models import Article, Quote


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_brings_back_every_row(tmp_path, make_article):
    article = make_article("« Nous agirons », a déclaré le ministre.")
    Quote.objects.create(article=article, text="Nous agirons", start=2, end=14, language="fr",
                         review_status=Quote.Review.VERIFIED)
    backup = tmp_path / "demarche.dump"
    call_command("backup", str(backup), stdout=open(tmp_path / "out", "w"))  # noqa: SIM115
    Article.objects.all().delete()
    assert not Quote.objects.exists()

    call_command("restore", str(backup), stdout=open(tmp_path / "out", "w"))  # noqa: SIM115

    restored = Quote.objects.get()
    assert (restored.text, restored.review_status) == ("Nous agirons", Quote.Review.VERIFIED)
    assert Article.objects.get().text.startswith("« Nous agirons »")
