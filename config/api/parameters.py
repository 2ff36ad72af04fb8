"""Every API view's query parameters: aliases renamed to the one vocabulary, unknown ones refused.

A view takes the filters of its filter set (when a django-filter backend applies them), the ordering
parameter (when it can be ordered), what it names in `extra_parameters`, and what every endpoint takes
(statements.vocabulary.EVERYWHERE). Anything else is a 400 that names it.
"""

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions
from rest_framework.filters import OrderingFilter
from rest_framework.settings import api_settings

from statements import vocabulary


class KnownParametersMixin:
    extra_parameters: tuple[str, ...] = ()

    def initial(self, request, *args, **kwargs):
        request._request.GET = vocabulary.canonical(request._request.GET)  # query_params reads it
        super().initial(request, *args, **kwargs)  # authentication and throttling first
        allowed = self.known_parameters()
        unknown = vocabulary.unknown(request.query_params, allowed)
        if unknown:
            raise exceptions.ValidationError(vocabulary.unknown_errors(unknown, allowed))

    def known_parameters(self) -> set[str]:
        names = set(self.extra_parameters)
        backends = getattr(self, "filter_backends", None) or []
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None and any(issubclass(backend, DjangoFilterBackend) for backend in backends):
            names |= filterset_class.base_filters.keys()
        if any(issubclass(backend, OrderingFilter) for backend in backends):
            names.add(api_settings.ORDERING_PARAM)
        return names
