"""Serializer fields shared by the API's serializers."""

from collections.abc import Mapping

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from statements.dates import PartialDate


@extend_schema_field({
    "type": "string", "nullable": True, "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "As precise as the source: YYYY, YYYY-MM or YYYY-MM-DD (see the matching *_precision).",
    "example": "2021-07",
})
class PartialDateField(serializers.Field):
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
