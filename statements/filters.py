"""Filters shared by the timeline pages (and mirrored by the API): actor, country, incident, topic, ..."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from statements.dates import PartialDate
from statements.models import Incident, Quote, Topic


class PartialDateFilter(django_filters.CharFilter):
    """Accepts 2021, 2021-07 or 2021-07-09; `lookup_expr` gte takes the period's start, lte its end."""

    def filter(self, qs, value):
        if not value:
            return qs
        try:
            date = PartialDate.parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error
        bound = date.date if self.lookup_expr == "gte" else date.last_day
        return qs.filter(**{f"{self.field_name}__{self.lookup_expr}": bound})


class QuoteFilter(django_filters.FilterSet):
    speaker = django_filters.ModelChoiceFilter(
        queryset=Actor.objects.all(), to_field_name="slug", label=_("Speaker"))
    actor = django_filters.ModelChoiceFilter(
        field_name="mentioned_actors", queryset=Actor.objects.all(), to_field_name="slug", label=_("Mentions"))
    country = django_filters.CharFilter(field_name="speaker__country", lookup_expr="iexact", label=_("Country"))
    incident = django_filters.ModelChoiceFilter(
        field_name="incidents", queryset=Incident.objects.all(), to_field_name="slug", label=_("Incident"))
    topic = django_filters.ModelChoiceFilter(
        field_name="topics", queryset=Topic.objects.all(), to_field_name="slug", label=_("Topic"))
    claim_type = django_filters.ChoiceFilter(choices=Quote.Claim.choices, label=_("Claim"))
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices, label=_("Kind"))
    language = django_filters.CharFilter(lookup_expr="iexact", label=_("Language"))
    date_after = PartialDateFilter(field_name="statement_date", lookup_expr="gte", label=_("From"))
    date_before = PartialDateFilter(field_name="statement_date", lookup_expr="lte", label=_("To"))

    class Meta:
        model = Quote
        fields = []
