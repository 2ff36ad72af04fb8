"""Human review of quotes: a curator's verdict is recorded with who and when.

Every way to review (the admin form, its list actions, the API) comes through `quote_review`, which
also writes an entry of Django's admin log (LogEntry): the quote's history page in the admin shows
every verdict, whoever gave it and however. Django's own log rather than django-simple-history:
a review is one field changing, and the admin already reads and shows this log.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.db import transaction
from django.utils import timezone

from statements.models import Quote


@transaction.atomic
def quote_review(*, quote: Quote, user, verdict: str, speaker=None) -> Quote:
    """Record a curator's verdict (and optionally the right speaker) on a quote.

    A verified or rejected quote is never touched by re-extraction again.
    """
    if verdict not in Quote.Review.values:
        raise ValueError(f"unknown review verdict {verdict!r}")
    quote.review_status = verdict
    quote.reviewed_by = user
    quote.reviewed_at = timezone.now()
    fields = ["review_status", "reviewed_by", "reviewed_at"]
    if speaker is not None:
        quote.speaker = speaker
        fields.append("speaker")
    quote.save(update_fields=fields)
    if user is not None and user.pk:
        message = f"Review: {verdict}" + (f", speaker {speaker}" if speaker is not None else "")
        LogEntry.objects.log_actions(user_id=user.pk, queryset=[quote], action_flag=CHANGE, change_message=message,
                                     single_object=True)
    return quote
