"""The page of one statement: the utterance and every article that reported it."""

from django.db.models import F, Prefetch
from django.http import Http404
from django.views.generic import DetailView

from statements.models import Quote, Statement


class StatementDetailView(DetailView):
    """/statements/<id>/: each report (a quote) with its outlet, language and date, the earliest marked."""

    template_name = "statements/statement_detail.html"
    context_object_name = "statement"

    def get_queryset(self):
        reports = (Quote.objects.published().select_related("article").defer("article__text", "article__fingerprints")
                   .prefetch_related("article__copies")
                   .order_by(F("article__published_date").asc(nulls_last=True), "pk"))
        return Statement.objects.select_related("speaker").prefetch_related(
            Prefetch("reports", queryset=reports, to_attr="visible_reports"))

    def get_object(self, queryset=None):
        statement = super().get_object(queryset)
        if not statement.visible_reports:  # every report rejected or withdrawn: nothing a reader may see
            raise Http404("No such statement.")
        return statement

    def get_context_data(self, **kwargs):
        reports = self.object.visible_reports
        return super().get_context_data(
            reports=reports, earliest=reports[0],
            languages=sorted({report.language for report in reports}),
            sources=len({report.article_id for report in reports}), **kwargs)
