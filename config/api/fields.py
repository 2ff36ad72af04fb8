"""Serializer fields shared by the API's serializers."""

import re
from collections.abc import Mapping
from urllib.parse import quote

from django.utils.http import RFC3986_SUBDELIMS
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from statements.dates import PartialDate


@extend_schema_field({
    "type": "string", "nullable": True, "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD (see the matching *_precision).",
    "example": "2021-07",
})
class PartialDateSerializerField(serializers.Field):
    """A date printed at its precision: "2021-07" for a month-precise date, never a made-up day."""

    def __init__(self, date_field: str, precision_field: str, **kwargs):
        self.date_field, self.precision_field = date_field, precision_field
        kwargs.setdefault("read_only", True)
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance):
        date = PartialDate.from_fields(getattr(instance, self.date_field), getattr(instance, self.precision_field))
        return date.isoformat() if date else None


class ClosedSerializer(serializers.Serializer):
    """A request body with the fields it declares and no other: a misspelt key is a 400 naming it,
    not a silently ignored field."""

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError({key: ["unknown field."] for key in unknown})
        return super().to_internal_value(data)


_URL_SAFE = re.compile(r"[A-Za-z0-9_.~-]+")


class IdentityLinkField(serializers.HyperlinkedIdentityField):
    """The object's API URL, reversed once per serializer and filled in for each object (a model
    instance, or a mapping such as a link of `Quote.objects.with_links()`).

    `reverse()` for every row of a list page costs more than the rest of the row; the URL differs
    between objects only by the lookup value, quoted as `reverse()` quotes it. A serializer lives for
    one request, so the cached template always carries that request's host.
    """

    PLACEHOLDER = "lookup-value-placeholder"

    def get_url(self, obj, view_name, request, format):
        if format:
            return super().get_url(obj, view_name, request, format)
        template = self.__dict__.get("_url_template")
        if template is None:
            template = self._url_template = self.reverse(
                view_name, kwargs={self.lookup_url_kwarg: self.PLACEHOLDER}, request=request)
        value = str(obj[self.lookup_field] if isinstance(obj, Mapping) else getattr(obj, self.lookup_field))
        if not _URL_SAFE.fullmatch(value):  # ids and ASCII slugs, nearly all, need no quoting
            value = quote(value, safe=RFC3986_SUBDELIMS + "~:@")
        return template.replace(self.PLACEHOLDER, value)



class LinkSerializer(serializers.ModelSerializer):
    """A link to another object: a few plain columns and its `url`, read straight from the instance
    (or mapping). Links recur several times in every row of a list, where DRF's machinery per field
    costs more than the values; the declared fields still describe the link in the schema."""

    def to_representation(self, instance):
        url = self.fields["url"]
        if isinstance(instance, Mapping):
            return {name: url.to_representation(instance) if name == "url" else instance[name]
                    for name in self.Meta.fields}
        return {name: url.to_representation(instance) if name == "url" else getattr(instance, name)
                for name in self.Meta.fields}
