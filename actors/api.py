"""The actors part of the REST API: read by slug with aliases and roles; staff merge two actors."""

from __future__ import annotations

import django_filters
from django.db.models import Prefetch, Q
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.filters import OrderingFilter
from rest_framework.parsers import JSONParser
from rest_framework.response import Response

from actors.merging import actors_merge
from actors.models import Actor, ActorKind, Affiliation, Alias, ReviewStatus
from actors.names import fold
from actors.resolution import resolve_actors
from config.api.conditional import ConditionalRetrieveMixin
from config.api.fields import ClosedSerializer, IdentityLinkField, LinkSerializer, PartialDateSerializerField
from config.api.filters import StrictFilterBackend, TextFilter
from config.api.pagination import NumberedPagination
from config.api.parameters import KnownParametersMixin
from config.api.permissions import IsStaff

ACTOR_LOOKUP = "[^/]+"


# --- Serializers -------------------------------------------------------------------------------------------------

class ActorLinkSerializer(LinkSerializer):
    """An actor named by its slug, with the URL of its full record."""

    url = IdentityLinkField(view_name="api-actor-detail", lookup_field="slug")

    class Meta:
        model = Actor
        fields = ["slug", "name", "url"]


class AliasSerializer(serializers.ModelSerializer):
    language = serializers.CharField(help_text='ISO 639-1 code; "" when the name is used in every language.')

    class Meta:
        model = Alias
        fields = ["name", "language"]


class AffiliationSerializer(serializers.ModelSerializer):
    organisation = ActorLinkSerializer(read_only=True, allow_null=True)
    start_date = PartialDateSerializerField("start_date", "start_precision", allow_null=True)
    end_date = PartialDateSerializerField("end_date", "end_precision", allow_null=True)

    class Meta:
        model = Affiliation
        fields = ["title", "organisation", "start_date", "start_precision", "end_date", "end_precision",
                  "descriptors", "review_status"]


class ActorSerializer(serializers.ModelSerializer):
    url = IdentityLinkField(view_name="api-actor-detail", lookup_field="slug")
    aliases = AliasSerializer(many=True, read_only=True)
    affiliations = AffiliationSerializer(many=True, read_only=True)

    class Meta:
        model = Actor
        fields = ["slug", "name", "url", "kind", "country", "gender", "description", "wikidata_id", "descriptors",
                  "review_status", "aliases", "affiliations", "created_at", "updated_at"]


class ActorMergeSerializer(ClosedSerializer):
    merge = serializers.SlugRelatedField(
        slug_field="slug", queryset=Actor.objects.all(),
        help_text="Slug of the duplicate actor: its quotes, mentions, roles and names move to this one, "
                  "then it is deleted.",
    )


# --- Filters -----------------------------------------------------------------------------------------------------

class ActorFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=ActorKind.choices, help_text="Kind of actor.")
    country = TextFilter(lookup_expr="iexact", help_text="ISO 3166-1 alpha-2 code, e.g. RU.")
    review_status = django_filters.ChoiceFilter(choices=ReviewStatus.choices, help_text="Curation state.")
    name = TextFilter(
        method="filter_name",
        help_text="Part of the canonical name or of any alias, ignoring case and accents (\"poutine\" finds "
                  "Vladimir Putin).",
    )

    q = TextFilter(method="filter_q", help_text="A name, an alias or a misspelling of one (\"Putine\"), as search "
                                                "resolves speaker:Putine, or the start of one (\"Vlad\"): what the "
                                                "filter boxes' autocomplete asks.")

    class Meta:
        model = Actor
        fields = ["kind", "country", "review_status", "name", "q"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(Q(pk__in=resolve_actors(value)) | named(value))

    def filter_name(self, queryset, name, value):
        return queryset.filter(named(value)) if fold(value) else queryset


def named(value: str) -> Q:
    """Actors whose canonical name or an alias holds `value`, ignoring case and accents."""
    key = fold(value)
    aliases = Alias.objects.filter(normalized__contains=key).values("actor_id")
    return Q(normalized_name__contains=key) | Q(pk__in=aliases)


# --- Views -------------------------------------------------------------------------------------------------------

@extend_schema_view(
    list=extend_schema(summary="List actors", description="People, states, agencies, groups... by name."),
    retrieve=extend_schema(summary="One actor", description="With its aliases and its roles over time. "
                                                            "Supports ETag / Last-Modified conditional requests."),
)
class ActorViewSet(KnownParametersMixin, ConditionalRetrieveMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Actor.objects.prefetch_related(
        "aliases", Prefetch("affiliations", queryset=Affiliation.objects.select_related("organisation"))
    )
    serializer_class = ActorSerializer
    lookup_field = "slug"
    lookup_value_regex = ACTOR_LOOKUP
    pagination_class = NumberedPagination
    filter_backends = [StrictFilterBackend, OrderingFilter]
    filterset_class = ActorFilter
    ordering_fields = ["name", "created_at", "updated_at"]
    ordering = ["name"]
    last_modified_field = "updated_at"

    @extend_schema(
        summary="Merge a duplicate into this actor (staff)",
        description="Everything that points at the actor named in `merge` moves to this one, its names become "
                    "aliases of this one, and it is deleted. Answers with the merged actor.",
        request=ActorMergeSerializer,
        responses={200: ActorSerializer},
        examples=[OpenApiExample("Merge", value={"merge": "poutine"}, request_only=True)],
        parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The actor to keep.")],
    )
    @action(detail=True, methods=["post"], permission_classes=[IsStaff], filter_backends=[], pagination_class=None,
            parser_classes=[JSONParser])
    def merge(self, request, slug=None):
        keep = self.get_object()
        body = ActorMergeSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        other = body.validated_data["merge"]
        if other.pk == keep.pk:
            raise serializers.ValidationError({"merge": ["cannot merge an actor into itself."]})
        actors_merge(keep=keep, merge=other)
        return Response(ActorSerializer(self.get_queryset().get(pk=keep.pk), context={"request": request}).data)
