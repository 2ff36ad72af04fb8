"""Pagination: keyset cursors for the big collections (quotes, articles), page numbers for the rest.

A malformed cursor, page or page size is the client's mistake: 400 with the reason, never 500; a page
past the last one does not exist: 404.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.pagination import CursorPagination, PageNumberPagination

MAX_PAGE_SIZE = 500
INVALID_CURSOR = "invalid cursor: use the `next` or `previous` link of a page."


def _page_size(request, param: str, default: int) -> int:
    raw = request.query_params.get(param)
    if raw is None:
        return default
    try:
        size = int(raw)
    except ValueError:
        size = 0
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise exceptions.ValidationError({param: [f"must be a whole number from 1 to {MAX_PAGE_SIZE}."]})
    return size


class IdCursorPagination(CursorPagination):
    """Newest first by id; `?ordering=id` walks from the oldest. Stable under inserts."""

    ordering = "-id"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_size(self, request):
        return _page_size(request, self.page_size_query_param, self.page_size)

    def get_schema_operation_parameters(self, view):
        return _bounded(super().get_schema_operation_parameters(view),
                        {self.page_size_query_param: {"minimum": 1, "maximum": MAX_PAGE_SIZE}})

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except exceptions.NotFound:
            raise exceptions.ValidationError(
                {self.cursor_query_param: [INVALID_CURSOR]}
            ) from None

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except (ValueError, TypeError, DjangoValidationError):  # a decodable cursor holding a bad position
            raise exceptions.ValidationError({self.cursor_query_param: [INVALID_CURSOR]}) from None


def _bounded(parameters: list[dict], bounds: dict[str, dict]) -> list[dict]:
    """The pagination parameters of the schema, with the bounds the server enforces."""
    for parameter in parameters:
        parameter["schema"].update(bounds.get(parameter["name"], {}))
    return parameters


class NumberedPagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_schema_operation_parameters(self, view):
        return _bounded(super().get_schema_operation_parameters(view), {
            self.page_query_param: {"minimum": 1},
            self.page_size_query_param: {"minimum": 1, "maximum": MAX_PAGE_SIZE},
        })

    def get_page_size(self, request):
        return _page_size(request, self.page_size_query_param, self.page_size)

    def paginate_queryset(self, queryset, request, view=None):
        if request.query_params.get(self.page_query_param) == "":
            raise exceptions.ValidationError({self.page_query_param: ["empty: leave it out for the first page."]})
        try:
            return super().paginate_queryset(queryset, request, view)
        except exceptions.NotFound as error:
            page = request.query_params.get(self.page_query_param, "")
            if page.isdigit() and int(page) >= 1:  # a page past the last: 404
                raise
            raise exceptions.ValidationError({self.page_query_param: [str(error.detail)]}) from None
