"""One error shape for the whole API: {"error": {"status", "code", "message", "fields"}}.

Every 4xx answer, whether raised by DRF (validation, authentication, permissions, throttling,
not found), by django-filter (an invalid filter value) or by Django (Http404, PermissionDenied,
a ValidationError from a domain function), goes through `api_exception_handler`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, serializers
from rest_framework.views import exception_handler


def _messages(detail) -> list[str]:
    if isinstance(detail, dict):
        return [f"{key}: {message}" for key, value in detail.items() for message in _messages(value)]
    if isinstance(detail, list | tuple):
        return [message for item in detail for message in _messages(item)]
    return [str(detail)]


def _fields(detail) -> dict[str, list[str]]:
    if not isinstance(detail, dict):
        return {}
    return {str(key): _messages(value) for key, value in detail.items()}


def _code(exc, status: int) -> str:
    if isinstance(exc, exceptions.ValidationError):
        return "invalid"
    if isinstance(exc, exceptions.APIException):
        return exc.default_code
    return {400: "invalid", 401: "not_authenticated", 403: "permission_denied", 404: "not_found"}.get(status, "error")


def error_body(status: int, code: str, message: str, fields: dict | None = None) -> dict:
    return {"error": {"status": status, "code": code, "message": message, "fields": fields or {}}}


def _sentence(text: str) -> str:
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def api_exception_handler(exc, context):
    if isinstance(exc, DataError):  # a value the database cannot hold or compare, such as a NUL character
        exc = exceptions.ValidationError({"non_field_errors": ["a value holds characters that cannot be stored "
                                                               "or searched (NUL)."]})
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    response = exception_handler(exc, context)
    if response is None or response.status_code < 400 or response.status_code >= 500:
        return response
    detail = response.data
    if isinstance(exc, exceptions.ValidationError):
        fields = _fields(detail) if isinstance(detail, dict) else {"non_field_errors": _messages(detail)}
        messages = _messages(detail)
        message = "Invalid request: " + "; ".join(messages) if messages else "Invalid request."
    else:
        fields = {}
        message = " ".join(_messages(detail.get("detail", detail) if isinstance(detail, dict) else detail))
    response.data = error_body(response.status_code, _code(exc, response.status_code), _sentence(message), fields)
    return response


@csrf_exempt  # nothing is written: a PATCH to a wrong URL is a 404, not a CSRF failure
def api_not_found(request, *args, **kwargs):
    """Unknown URL under /api/: the same JSON error as everywhere else, not Django's HTML page."""
    return JsonResponse(error_body(404, "not_found", f"No API endpoint at {request.path}."), status=404)


class ErrorDetailSerializer(serializers.Serializer):
    status = serializers.IntegerField(help_text="The HTTP status code, repeated.")
    code = serializers.CharField(help_text="Machine-readable reason: invalid, not_found, not_authenticated, "
                                           "authentication_failed, permission_denied, throttled, ...")
    message = serializers.CharField(help_text="A sentence for humans.")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="For invalid input: the messages per field or query parameter (empty otherwise).",
    )


class ErrorSerializer(serializers.Serializer):
    """Every 4xx answer of the API."""

    error = ErrorDetailSerializer()
