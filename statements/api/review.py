"""The review queue's API twin: `GET /api/v1/review/`, what `/review/` lists, in the same order.

A verdict is given through `PATCH /api/v1/quotes/<id>/review/` (statements/api/views.py), which records
who and when through `quote_review`, as the page does.
"""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, serializers

from config.api.exceptions import ErrorSerializer
from config.api.pagination import NumberedPagination
from config.api.parameters import KnownParametersMixin
from config.api.permissions import IsStaff
from statements.api.serializers import QuoteSerializer
from statements.models import Quote
from statements.reviewing import QUEUE_COUNT_CAP, QueuePaginator, review_paragraph


class SpeakerCandidateSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The actor's name, or the name as written when it is no actor yet.")
    score = serializers.FloatField(help_text="Its weight, comparable between the candidates of one quote.")
    cue = serializers.CharField(help_text="What proposed it: \"said-verb subject\", \"previous sentence\"...")
    actor = serializers.CharField(allow_null=True, help_text="The actor's slug, if the name is an actor's.")


class ReviewContextSerializer(serializers.Serializer):
    before = serializers.CharField(help_text="The paragraph before the quote's words.")
    words = serializers.CharField(help_text="The quote's words as the article gives them.")
    after = serializers.CharField(help_text="The paragraph after them.")


class ReviewItemSerializer(QuoteSerializer):
    """A quote to review: the quote, its paragraph, and the speakers the extractor weighed, best first."""

    speaker_candidates = SpeakerCandidateSerializer(many=True, read_only=True)
    context = serializers.SerializerMethodField()

    class Meta(QuoteSerializer.Meta):
        fields = [*QuoteSerializer.Meta.fields, "speaker_candidates", "context"]

    @extend_schema_field(ReviewContextSerializer)
    def get_context(self, quote):
        before, words, after = review_paragraph(quote)
        return {"before": before, "words": words, "after": after}


class QueuePagination(NumberedPagination):
    django_paginator_class = QueuePaginator


@extend_schema(
    summary="The review queue (staff)",
    description="Quotes nobody has reviewed yet (not withdrawn ones), the least sure first, each with its paragraph "
                "and the speakers the extractor weighed, as `/review/` shows them. Give a verdict with "
                f"`PATCH /api/v1/quotes/{{id}}/review/`. `count` stops at {QUEUE_COUNT_CAP + 1:,}: beyond "
                f"{QUEUE_COUNT_CAP:,} it says only that there are more.",
    responses={200: ReviewItemSerializer(many=True),
               401: OpenApiResponse(ErrorSerializer, description="Authentication required."),
               403: OpenApiResponse(ErrorSerializer, description="Staff only.")},
)
class ReviewQueueView(KnownParametersMixin, generics.ListAPIView):
    serializer_class = ReviewItemSerializer
    pagination_class = QueuePagination
    permission_classes = [IsStaff]
    filter_backends = []

    def get_queryset(self):
        return Quote.objects.review_queue().select_related("addressee").defer("search_vector").with_links()
