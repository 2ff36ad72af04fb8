"""Views of /api/v1/statements/ (one utterance and its reports) and /api/v1/attributions/ (attribution claims
and denials). Thin: a queryset, a filter set, a serializer."""

from __future__ import annotations

from django.db.models import F, Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.filters import OrderingFilter

from config.api.conditional import ConditionalRetrieveMixin
from config.api.filters import StrictFilterBackend
from config.api.pagination import IdCursorPagination
from config.api.parameters import KnownParametersMixin
from statements import filters
from statements.api import serializers
from statements.models import AttributionClaim, Quote, Statement


def statements_with_reports():
    """Statements with a visible report, each with its visible reports (earliest published first) in one query."""
    reports = (Quote.objects.published().select_related("article")
               .only("text", "language", "kind", "statement_date", "statement_precision", "statement_id",
                     "article__title", "article__publisher", "article__published_date",
                     "article__published_precision")
               .order_by(F("article__published_date").asc(nulls_last=True), "pk"))
    return (Statement.objects.with_reports_visible().select_related("speaker")
            .prefetch_related(Prefetch("reports", queryset=reports, to_attr="visible_reports")))


@extend_schema_view(
    list=extend_schema(summary="List statements",
                       description="One utterance reported by one or several articles, outlets and languages, with "
                                   "its reports. Newest first by id; cursor-paginated."),
    retrieve=extend_schema(summary="One statement", description="Supports ETag conditional requests."),
)
class StatementViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.StatementSerializer
    pagination_class = IdCursorPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.StatementFilter
    ordering_fields = ["id"]
    ordering = ["-id"]

    def get_queryset(self):
        return statements_with_reports()


@extend_schema_view(
    list=extend_schema(summary="List attribution claims",
                       description="Who attributes an incident to whom, or denies it, how sure, when and in which "
                                   "words: claims found in articles (`origin=text`) and the gazetteer's reference "
                                   "data (`origin=reference`). Newest first by id; cursor-paginated."),
    retrieve=extend_schema(summary="One attribution claim"),
)
class AttributionViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    queryset = (AttributionClaim.objects.select_related("incident", "claimant", "attributed_to", "article")
                .defer("article__text", "article__fingerprints"))
    serializer_class = serializers.AttributionClaimSerializer
    pagination_class = IdCursorPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = filters.AttributionFilter
    ordering_fields = ["id"]
    ordering = ["-id"]
