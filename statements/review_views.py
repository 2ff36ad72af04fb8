"""The review queue (`/review/`): staff review the extractor's least sure quotes, one key per verdict.

Every action is a plain POST form (CSRF-protected, usable without JavaScript); static/js/review.js adds
the keys and sends the same forms with fetch, asking for JSON. All go through `quote_review`.
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.generic import ListView, View

from statements.models import Quote, StatementCandidate
from statements.reviewing import (
    QUEUE_COUNT_CAP,
    QUEUE_VERDICTS,
    STATEMENT_VERDICTS,
    QueuePaginator,
    quote_review,
    review_paragraph,
    speaker_find,
    statement_candidate_decide,
    statement_candidate_queue,
    statement_report_split,
)
from statements.views import StaffOnlyMixin


class ReviewQueueView(StaffOnlyMixin, ListView):
    template_name = "statements/review_queue.html"
    paginate_by = 20
    paginator_class = QueuePaginator
    queryset = Quote.objects.review_queue()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items"] = [(quote, review_paragraph(quote)) for quote in context["object_list"]]
        context["count_cap"] = QUEUE_COUNT_CAP
        context["statement_candidates"] = StatementCandidate.objects.count()
        return context


class ReviewActionView(StaffOnlyMixin, View):
    """POST /review/<id>/: `action` verify, reject or speaker (with `speaker`: a slug, or any name or alias)."""

    def post(self, request, pk: int):
        quote = get_object_or_404(Quote.objects.exclude(review_status=Quote.Review.WITHDRAWN), pk=pk)
        action = request.POST.get("action", "")
        if action not in QUEUE_VERDICTS:
            return self._answer(quote, error=_("Unknown action."))
        speaker = None
        if action == "speaker":
            found = speaker_find(request.POST.get("speaker", ""))
            if len(found) != 1:
                error = (_("Several actors have this name: %(names)s. Choose one.")
                         % {"names": ", ".join(f"{actor.name} ({actor.slug})" for actor in found)}
                         if found else _("No actor has this name."))
                return self._answer(quote, error=error)
            speaker = found[0]
        quote_review(quote=quote, user=request.user, verdict=QUEUE_VERDICTS[action], speaker=speaker)
        return self._answer(quote)

    def _answer(self, quote: Quote, error: str = ""):
        """JSON for the page's script (it asks for nothing else), else back to the queue with a message."""
        if not self.request.accepts("text/html"):
            if error:
                return JsonResponse({"error": error}, status=400)
            return JsonResponse({"id": quote.pk, "review_status": quote.review_status,
                                 "review_status_label": quote.get_review_status_display(),
                                 "speaker": quote.speaker.name if quote.speaker else None,
                                 "reviewed_at": quote.reviewed_at.isoformat()})
        if error:
            messages.error(self.request, error)
        else:
            messages.success(self.request, _("“%(words)s”: %(status)s.") % {
                "words": quote.text[:60], "status": quote.get_review_status_display()})
        target = self.request.POST.get("next", "")
        if not url_has_allowed_host_and_scheme(target, {self.request.get_host()}, self.request.is_secure()):
            target = "review-queue"
        return redirect(target)


class StatementCandidateQueueView(StaffOnlyMixin, ListView):
    """/review/statements/: the uncertain matches of a quote to a statement of other articles, which matching
    did not make (statements/matching.py), each beside the statement's words: accept or keep apart."""

    template_name = "statements/review_statements.html"
    paginate_by = 20
    queryset = statement_candidate_queue()


class StatementCandidateActionView(StaffOnlyMixin, View):
    """POST /review/statements/<id>/: `action` accept (the quote reports that statement) or apart."""

    def post(self, request, pk: int):
        candidate = get_object_or_404(StatementCandidate.objects.select_related("quote"), pk=pk)
        action = request.POST.get("action", "")
        if action not in STATEMENT_VERDICTS:
            messages.error(request, _("Unknown action."))
        else:
            quote = statement_candidate_decide(candidate=candidate, user=request.user, verdict=action)
            done = (_("“%(words)s” now reports statement #%(statement)s.") if action == "accept"
                    else _("“%(words)s” stays apart from statement #%(statement)s."))
            messages.success(request, done % {"words": quote.text[:60], "statement": candidate.statement_id})
        return redirect("review-statements")


class StatementReportSplitView(StaffOnlyMixin, View):
    """POST /review/statements/split/<quote id>/: the quote does not report its statement (a wrong merge);
    back to the statement's page, which keeps its other reports."""

    def post(self, request, pk: int):
        quote = get_object_or_404(Quote.objects.filter(statement__isnull=False), pk=pk)
        previous = quote.statement_id
        statement_report_split(quote=quote, user=request.user)
        messages.success(request, _("“%(words)s” now reports a statement of its own.") % {"words": quote.text[:60]})
        return redirect("statement-detail", pk=previous)
