"""Curation: every way of reviewing a quote records who and when, and the quote's history shows it."""

import pytest
from django.contrib.admin.models import LogEntry

from statements.models import Quote


@pytest.fixture
def machine_quote(make_article, putin):
    article = make_article("« Nous sommes prêts », a déclaré Vladimir Poutine.")
    return Quote.objects.create(article=article, text="Nous sommes prêts", start=2, end=19, speaker=putin,
                                language="fr")


def admin_form(quote, **changes):
    data = {"article": quote.article_id, "text": quote.text, "start": quote.start, "end": quote.end,
            "speaker": quote.speaker_id or "", "speaker_as_written": "", "kind": quote.kind,
            "statement_date": "", "statement_precision": "day", "language": quote.language, "claim_type": "",
            "addressee": "", "confidence": quote.confidence, "review_status": quote.review_status,
            "withdrawn_reason": "", "topics": []}
    return {**data, **changes}


@pytest.mark.django_db
def test_verifying_from_the_admin_form_records_the_reviewer_the_time_and_the_history(staff_client, staff_user,
                                                                                     machine_quote):
    response = staff_client.post(f"/admin/statements/quote/{machine_quote.pk}/change/",
                                 admin_form(machine_quote, review_status="verified"))
    assert response.status_code == 302, response.content[:2000]
    machine_quote.refresh_from_db()
    assert (machine_quote.review_status, machine_quote.reviewed_by) == ("verified", staff_user)
    assert machine_quote.reviewed_at is not None
    history = staff_client.get(f"/admin/statements/quote/{machine_quote.pk}/history/").content.decode()
    assert "Review: verified" in history


@pytest.mark.django_db
def test_a_list_action_leaves_a_history_entry_per_quote(staff_client, staff_user, machine_quote):
    staff_client.post("/admin/statements/quote/", {"action": "reject", "_selected_action": [machine_quote.pk]})
    machine_quote.refresh_from_db()
    assert (machine_quote.review_status, machine_quote.reviewed_by) == ("rejected", staff_user)
    assert LogEntry.objects.filter(object_id=str(machine_quote.pk), change_message="Review: rejected").count() == 1
