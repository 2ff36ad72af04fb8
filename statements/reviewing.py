"""Human review of quotes: a curator's verdict is recorded with who and when.

Every way to review (the admin form, its list actions, the API) comes through `quote_review`, which
also writes an entry of Django's admin log (LogEntry): the quote's history page in the admin shows
every verdict, whoever gave it and however. Django's own log rather than django-simple-history:
a review is one field changing, and the admin already reads and shows this log.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from actors.models import Actor
from actors.resolution import resolve_actors
from statements.models import CONTEXT_REACH, Quote, Statement, StatementCandidate

# The review queue's one-key actions (statements/review_views.py): each is a verdict through quote_review
QUEUE_VERDICTS = {"verify": Quote.Review.VERIFIED, "reject": Quote.Review.REJECTED,
                  "speaker": Quote.Review.VERIFIED}  # a curator who names the speaker vouches for the quote
QUEUE_COUNT_CAP = 10_000  # the queue counts this far: "more than 10,000" is all a curator needs to know


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


# --- Uncertain statement matches (statements/matching.py leaves them as StatementCandidate) -------------

STATEMENT_VERDICTS = ("accept", "apart")  # the quote reports that statement; it reports another one


@transaction.atomic
def statement_candidate_decide(*, candidate: StatementCandidate, user, verdict: str) -> Quote:
    """A curator's decision on an uncertain match: `accept` makes the quote a report of the candidate's
    statement (the statement it reported alone is deleted when no other quote reports it; a statement
    whose speaker was unknown takes the quote's, as matching does); `apart` keeps them separate. Either way
    the quote's candidates are decided and leave the queue (matching never proposes them again: it only
    matches quotes with no statement). Logged in the quote's admin history, as a review verdict is."""
    if verdict not in STATEMENT_VERDICTS:
        raise ValueError(f"unknown statement verdict {verdict!r}")
    quote = candidate.quote
    if verdict == "accept":
        previous = quote.statement_id
        quote.statement_id = candidate.statement_id
        quote.save(update_fields=["statement"])
        if previous and not Quote.objects.filter(statement_id=previous).exists():
            Statement.objects.filter(pk=previous).delete()
        if quote.speaker_id:
            Statement.objects.filter(pk=candidate.statement_id, speaker__isnull=True).update(
                speaker_id=quote.speaker_id)
        StatementCandidate.objects.filter(quote=quote).delete()
    else:
        candidate.delete()
    if user is not None and user.pk:
        message = (f"Statement: reports statement #{candidate.statement_id}" if verdict == "accept"
                   else f"Statement: not statement #{candidate.statement_id}")
        LogEntry.objects.log_actions(user_id=user.pk, queryset=[quote], action_flag=CHANGE, change_message=message,
                                     single_object=True)
    return quote


@transaction.atomic
def statement_report_split(*, quote: Quote, user) -> Quote:
    """A curator's correction of a merge made wrongly: the quote no longer reports its statement but one of
    its own (its speaker and date). The statement keeps its other reports. Logged as statement_candidate_decide."""
    previous = quote.statement_id
    if previous is None or not Quote.objects.filter(statement_id=previous).exclude(pk=quote.pk).exists():
        return quote  # already alone
    quote.statement = Statement.objects.create(speaker_id=quote.speaker_id, statement_date=quote.statement_date,
                                               statement_precision=quote.statement_precision)
    quote.save(update_fields=["statement"])
    if user is not None and user.pk:
        LogEntry.objects.log_actions(user_id=user.pk, queryset=[quote], action_flag=CHANGE, single_object=True,
                                     change_message=f"Statement: split from statement #{previous}")
    return quote


def statement_candidate_queue():
    """The uncertain matches, the most alike first, each with its quote (speaker, article) and, as
    `statement_words` and `statement_report_id`, the words of the statement's earliest visible report other
    than the quote: what a curator compares, read in the same query."""
    lead = (Quote.objects.published().filter(statement_id=OuterRef("statement_id")).exclude(pk=OuterRef("quote_id"))
            .order_by("statement_date", "pk"))
    return (StatementCandidate.objects.select_related("quote__speaker", "quote__article", "statement__speaker")
            .defer("quote__article__text", "quote__article__fingerprints", "quote__search_vector")
            .annotate(statement_words=Subquery(lead.values("text")[:1]),
                      statement_report_id=Subquery(lead.values("pk")[:1]))
            .order_by("-score", "pk"))


def speaker_find(value: str) -> list[Actor]:
    """The actors a curator's speaker box names: a slug (what the autocomplete puts there), else any
    name, alias or misspelling of one, as the API's `?q=` finds them (the box works without JavaScript)."""
    value = value.strip()
    if not value:
        return []
    by_slug = list(Actor.objects.filter(slug=value))
    return by_slug or list(Actor.objects.filter(pk__in=resolve_actors(value)).order_by("name")[:10])


def review_paragraph(quote: Quote) -> tuple[str, str, str]:
    """The paragraph around a quote of `Quote.objects.review_queue()`, as (before, the words, after), from
    the window of its article that query read (`review_context`), not from the whole article."""
    window = quote.review_context or ""
    a = min(quote.start, CONTEXT_REACH)
    b = a + quote.end - quote.start
    before, after = window[:a], window[b:]
    return before[before.rfind("\n") + 1:], window[a:b], after.split("\n", 1)[0]


def quote_history(quote: Quote):
    """Every change of the quote in Django's admin log, newest first: verdicts from any path, and the
    admin form's own edits."""
    return (LogEntry.objects.filter(content_type=ContentType.objects.get_for_model(Quote), object_id=str(quote.pk))
            .select_related("user").order_by("-action_time", "-pk"))


class QueuePaginator(Paginator):
    """Pages of `Quote.objects.review_queue()` that read the queue's index alone until the page's quotes.

    The count stops at QUEUE_COUNT_CAP + 1, from the quotes alone: an exact count of a million unreviewed
    quotes, joined to their articles for the paragraph windows, took over a second (bench.review). A page
    finds its ids in the index (ORDER BY confidence, id OFFSET ...), then reads those quotes with their
    windows: with OFFSET over the whole query, every skipped quote read its article's window too."""

    @staticmethod
    def _unreviewed():
        return Quote.objects.filter(review_status=Quote.Review.MACHINE)

    @cached_property
    def count(self) -> int:
        return self._unreviewed().order_by()[:QUEUE_COUNT_CAP + 1].count()

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(self._unreviewed().order_by("confidence", "id").values_list("pk", flat=True)
                   [bottom:bottom + self.per_page])
        return self._get_page(list(self.object_list.filter(pk__in=ids)), number, self)
