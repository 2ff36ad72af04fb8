"""Filters shared by the timeline pages (and mirrored by the API): actor, country, incident, topic, ..."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from actors.models import Actor
from statements.dates import PartialDate
from statements.models import Incident, Quote, Topic


class PartialDateField(forms.CharField):
    """2021, 2021-07 or 2021-07-09, cleaned into a PartialDate (a clear form error otherwise)."""

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        try:
            return PartialDate.parse(value)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from error


@extend_schema_field({"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$", "example": "2021-07"})
class PartialDateFilter(django_filters.Filter):
    """`gte` takes the first day of the period given, `lte` its last: date_before=2021-07 includes July 31."""

    field_class = PartialDateField

    def filter(self, qs, value):
        if value is None:
            return qs
        bound = value.date if self.lookup_expr == "gte" else value.last_day
        return qs.filter(**{f"{self.field_name}__{self.lookup_expr}": bound})


class SlugFilter(django_filters.CharFilter):
    """An actor, incident or topic given by its slug, typed or picked from a datalist.

    A text box with suggestions instead of a <select>: rendering hundreds of options as form
    widgets would cost more than the whole timeline query.
    """

    def __init__(self, *args, model, datalist, **kwargs):
        self.target_model = model
        kwargs.setdefault("widget", forms.TextInput(attrs={"list": datalist, "autocomplete": "off"}))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        target = self.target_model.objects.filter(slug=value.strip()).first()
        return qs.filter(**{self.field_name: target}) if target else qs.none()


class QuoteFilter(django_filters.FilterSet):
    speaker = SlugFilter(field_name="speaker", model=Actor, datalist="actor-slugs", label=_("Speaker"))
    actor = SlugFilter(field_name="mentioned_actors", model=Actor, datalist="actor-slugs", label=_("Mentions"))
    country = django_filters.CharFilter(field_name="speaker__country", lookup_expr="iexact", label=_("Country"))
    incident = SlugFilter(field_name="incidents", model=Incident, datalist="incident-slugs", label=_("Incident"))
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

    def narrows_beyond_dates(self) -> bool:
        """Filtered on more than dates: the timeline then shows statements only, no incidents or events."""
        return any(value for key, value in self.data.items() if key in self.filters and key not in DATE_FILTERS)


DATE_FILTERS = {"date_after", "date_before"}


def filter_suggestions() -> dict[str, list[tuple[str, str]]]:
    """(slug, name) pairs for the filter boxes' datalists."""
    return {
        "actor_slugs": list(Actor.objects.order_by("name").values_list("slug", "name")),
        "incident_slugs": list(Incident.objects.order_by("name").values_list("slug", "name")),
    }
