"""Filter machinery shared by both apps' API and the pages' filter sets (django-filter).

Every value is checked while the filter form is validated, so a bad one is an error naming the
parameter (a 400 in the API): an unknown slug, a date that is not YYYY, YYYY-MM or YYYY-MM-DD.
"""

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from actors.models import slug_q
from statements.dates import PartialDate


class PartialDateFormField(forms.CharField):
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

    field_class = PartialDateFormField

    def filter(self, qs, value):
        if value is None:
            return qs
        bound = value.date if self.lookup_expr == "gte" else value.last_day
        return qs.filter(**{f"{self.field_name}__{self.lookup_expr}": bound})


DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"


class SlugOrNameField(forms.ModelChoiceField):
    """A model given by its slug, the slug of one merged into it (config/merging.py), or, when `resolve` is
    given, by a name, an alias or a misspelling of one (`resolve(value)` answers the matching ids, best
    first): `speaker=Putin`, `incident=Kaseya`."""

    def __init__(self, *args, resolve=None, **kwargs):
        self.resolve = resolve
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            found = self._merged_into(value) or self._resolved(value)
            if found is None:
                raise
            return found

    def _merged_into(self, value):
        return self.queryset.filter(slug_q(self.queryset.model, value)).first()

    def _resolved(self, value):
        ids = self.resolve(value) if self.resolve and value not in self.empty_values else []
        return self.queryset.filter(pk__in=ids[:1]).first()


@extend_schema_field({"type": "string", "minLength": 1})
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A model chosen by its slug (to_field_name="slug"), or by a name when the filter has a resolver."""

    field_class = SlugOrNameField


@extend_schema_field({"type": "string", "minLength": 1})
class TextFilter(django_filters.CharFilter):
    """Free text; in the API an empty value is an error, not an absent filter (StrictFilterBackend)."""


def slug_filter(model, field_name: str, help_text: str, *, label=None, resolve=None, **kwargs):
    """An actor, incident, event or topic given by its slug, or by any of its names with `resolve` (see
    SlugOrNameField); one that names nothing is an error naming it. A page gives it a text box with
    suggestions (`widget=`, statements/filters.py autocomplete()) rather than a <select>: rendering
    hundreds of options would cost more than the whole timeline query.
    """
    unknown = f"no {model._meta.verbose_name} with the slug{' or name' if resolve else ''} “%(value)s”."
    if resolve:
        kwargs["resolve"] = resolve
    return SlugChoiceFilter(field_name=field_name, queryset=model.objects.all(), to_field_name="slug",
                            label=label or model._meta.verbose_name, help_text=help_text,
                            error_messages={"invalid_choice": unknown}, **kwargs)


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
