"""Conditional GET on detail endpoints: an ETag over the payload, Last-Modified where the row keeps one."""

from __future__ import annotations

import hashlib
import json

from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag
from rest_framework.response import Response


def payload_etag(data) -> str:
    body = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8")
    return quote_etag(hashlib.sha256(body).hexdigest()[:32])


class ConditionalRetrieveMixin:
    """`retrieve` answering 304 to If-None-Match / If-Modified-Since when nothing changed.

    The ETag is a hash of the serialized object, so it changes with anything shown, related rows
    included, and it alone decides a 304. `last_modified_field` names a timestamp kept on the row
    (Actor.updated_at), sent as Last-Modified for information: it does not move when only a related
    row (an alias, a role) changes, so If-Modified-Since alone never earns a 304.
    """

    last_modified_field: str | None = None

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        data = self.get_serializer(instance).data
        etag = payload_etag(data)
        modified = getattr(instance, self.last_modified_field) if self.last_modified_field else None
        last_modified = int(modified.timestamp()) if modified else None
        headers = {"ETag": etag}
        if last_modified is not None:
            headers["Last-Modified"] = http_date(last_modified)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            for key, value in headers.items():
                not_modified[key] = value
            return not_modified
        return Response(data, headers=headers)
