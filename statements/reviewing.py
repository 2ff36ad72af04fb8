"""Human review of quotes: a curator's verdict is recorded with who and when."""

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
    return quote
