"""Server errors under /api/ in the API's one JSON error shape; Django's page elsewhere.

DRF answers the errors raised in its views, and unknown /api/ URLs have their own route
(statements.api.exceptions.api_not_found); this covers a failure no view could answer.
"""

from django.http import JsonResponse
from django.views import defaults

from statements.api.exceptions import error_body


def server_error(request):
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(500, "server_error", "The server failed; the error is logged."), status=500)
    return defaults.server_error(request)
