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
            # The message quotes the input, which may hold '%': pass it as a parameter, never as a format.
            raise forms.ValidationError("%(error)s", code="invalid", params={"error": str(error)}) from error


PARTIAL_DATE_SCHEMA = {"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$", "example": "2021-07"}


@extend_schema_field(PARTIAL_DATE_SCHEMA)
class PartialDateFilter(django_filters.Filter):
    """`gte` takes the first day of the period given, `lte` its last: date_before=2021-07 includes July 31."""

    field_class = PartialDateField

    def filter(self, qs, value):
        if value is None:
            return qs
        bound = value.date if self.lookup_expr == "gte" else value.last_day
        return qs.filter(**{f"{self.field_name}__{self.lookup_expr}": bound})


DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"


@extend_schema_field({"type": "string", "minLength": 1})
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A model chosen by its slug (to_field_name="slug")."""


@extend_schema_field({"type": "string", "minLength": 1})
class TextFilter(django_filters.CharFilter):
    """Free text; in the API an empty value is an error, not an absent filter (api.filters.StrictFilterBackend)."""


def slug_filter(model, field_name: str, label, help_text: str, *, datalist: str = "", **kwargs):
    """An actor, incident, event or topic given by its slug; an unknown slug is an error naming it.

    With `datalist`, a text box with suggestions rather than a <select>: rendering hundreds of
    options as form widgets would cost more than the whole timeline query.
    """
    if datalist:
        kwargs["widget"] = forms.TextInput(attrs={"list": datalist, "autocomplete": "off"})
    unknown = f"no {model._meta.verbose_name} with the slug “%(value)s”."
    return SlugChoiceFilter(field_name=field_name, queryset=model.objects.all(), to_field_name="slug", label=label,
                            help_text=help_text, error_messages={"invalid_choice": unknown}, **kwargs)


class QuoteFilter(django_filters.FilterSet):
    """The quote filters of the timeline, the compare page and the API, under the same names."""

    speaker = slug_filter(Actor, "speaker", _("Speaker"), "Slug of the actor who speaks.", datalist="actor-slugs")
    actor = slug_filter(Actor, "mentioned_actors", _("Mentions"), "Slug of an actor the quote mentions.",
                        datalist="actor-slugs")
    country = TextFilter(field_name="speaker__country", lookup_expr="iexact", label=_("Country"),
                                        help_text="The speaker's country, ISO 3166-1 alpha-2 (US, RU, FR...).")
    incident = slug_filter(Incident, "incidents", _("Incident"), "Slug of an incident the quote is about.",
                           datalist="incident-slugs")
    topic = slug_filter(Topic, "topics", _("Topic"), "Slug of a topic.")
    claim_type = django_filters.ChoiceFilter(choices=Quote.Claim.choices, label=_("Claim"),
                                             help_text="What the statement does.")
    kind = django_filters.ChoiceFilter(choices=Quote.Kind.choices, label=_("Kind"),
                                       help_text="Direct, partial, indirect, readout.")
    language = TextFilter(lookup_expr="iexact", label=_("Language"),
                                         help_text="Language of the quote, ISO 639-1.")
    date_after = PartialDateFilter(field_name="statement_date", lookup_expr="gte", label=_("From"),
                                   help_text=f"Said on or after ({DATE_HELP}; 2021-07 means from July 1st).")
    date_before = PartialDateFilter(field_name="statement_date", lookup_expr="lte", label=_("To"),
                                    help_text=f"Said on or before ({DATE_HELP}; 2021-07 means up to July 31st).")

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
