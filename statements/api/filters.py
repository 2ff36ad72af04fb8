"""FilterSets of the API; the quote filters are the timeline pages' own (statements/filters.py).

Every value is checked while the form is validated, so a bad one is a 400 naming the parameter:
an unknown slug, a date that is not YYYY, YYYY-MM or YYYY-MM-DD, a choice that does not exist.
"""

from __future__ import annotations

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from actors.models import Actor
from statements import filters as page_filters
from statements.filters import DATE_HELP, PartialDateFilter, TextFilter
from statements.models import Article, AttributionClaim, Event, ImportJob, Incident, Quote


def slug_filter(model, field_name: str, help_text: str, **kwargs):
    return page_filters.slug_filter(model, field_name, model._meta.verbose_name, help_text, **kwargs)


class QuoteFilter(page_filters.QuoteFilter):
    """The pages' quote filters, plus what only the API offers."""

    event = slug_filter(Event, "events", "Slug of an event the quote is about.")
    review_status = django_filters.ChoiceFilter(
        choices=Quote.Review.choices, help_text="Curation state (rejected quotes are shown to staff only).")

    class Meta(page_filters.QuoteFilter.Meta):
        pass


class MonthlyFilter(django_filters.FilterSet):
    speaker = QuoteFilter.base_filters["speaker"]
    incident = QuoteFilter.base_filters["incident"]
    topic = QuoteFilter.base_filters["topic"]

    class Meta:
        model = Quote
        fields = []


class ArticleFilter(django_filters.FilterSet):
    language = TextFilter(lookup_expr="iexact", help_text="Language of the article, ISO 639-1.")
    publisher = TextFilter(lookup_expr="icontains", help_text="Part of the publisher's name.")
    published_after = PartialDateFilter(field_name="published_date", lookup_expr="gte",
                                        help_text=f"Published on or after ({DATE_HELP}).")
    published_before = PartialDateFilter(field_name="published_date", lookup_expr="lte",
                                         help_text=f"Published on or before ({DATE_HELP}).")

    class Meta:
        model = Article
        fields = []


class IncidentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Incident.Kind.choices, help_text="Kind of incident.")
    victim = slug_filter(Actor, "victims", "Slug of a victim.")
    attributed_to = slug_filter(Actor, "attributions", "Slug of an actor it was attributed to.",
                                method="filter_attributed_to")
    started_after = PartialDateFilter(field_name="start_date", lookup_expr="gte",
                                      help_text=f"Started on or after ({DATE_HELP}).")
    started_before = PartialDateFilter(field_name="start_date", lookup_expr="lte",
                                       help_text=f"Started on or before ({DATE_HELP}).")

    class Meta:
        model = Incident
        fields = []

    @extend_schema_field(OpenApiTypes.STR)
    def filter_attributed_to(self, queryset, name, value):
        return queryset.filter(pk__in=AttributionClaim.objects.filter(attributed_to=value).values("incident_id"))


class EventFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Event.Kind.choices, help_text="Kind of event.")
    participant = slug_filter(Actor, "participants", "Slug of a participant.")
    incident = slug_filter(Incident, "incidents", "Slug of an incident the event concerns.")
    started_after = PartialDateFilter(field_name="start_date", lookup_expr="gte",
                                      help_text=f"Started on or after ({DATE_HELP}).")
    started_before = PartialDateFilter(field_name="start_date", lookup_expr="lte",
                                       help_text=f"Started on or before ({DATE_HELP}).")

    class Meta:
        model = Event
        fields = []


class ImportJobFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ImportJob.Status.choices, help_text="State of the job.")
    origin = django_filters.ChoiceFilter(choices=ImportJob.Origin.choices, help_text="How it was submitted.")

    class Meta:
        model = ImportJob
        fields = []



def reject_empty_values(filterset: django_filters.FilterSet, params) -> None:
    """`?speaker=` filters nothing on a web form, but from a script it is most likely a bug: a 400."""
    empty = [name for name in filterset.filters if name in params and params.get(name) == ""]
    if empty:
        raise exceptions.ValidationError({name: ["empty: leave the parameter out to apply no filter."]
                                          for name in empty})


class StrictFilterBackend(DjangoFilterBackend):
    """django-filter for the API: every value is checked (a 400 naming the parameter), empty ones included."""

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        if filterset is not None:
            reject_empty_values(filterset, request.query_params)
        return filterset

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not request.query_params.keys() & filterset_class.base_filters.keys():
            return queryset  # no filter asked for: building the filter form would cost more than a page of rows
        return super().filter_queryset(request, queryset, view)
