"""Server errors: under /api/ in the API's one JSON error shape, elsewhere a page.

DRF answers the errors raised in its views, and unknown /api/ URLs have their own route
(config.api.exceptions.api_not_found); this covers a failure no view could answer. A database
that cannot be reached (restarting, failing over) is a 503 with Retry-After, not a 500: the request
was fine, it is worth repeating in a moment, and monitoring can tell the two apart.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.views import defaults

from config.api.exceptions import error_body

RETRY_AFTER_SECONDS = 10


def server_error(request):
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return _database_unavailable(request)
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(500, "server_error", "The server failed; the error is logged."), status=500)
    return defaults.server_error(request)


def _database_unavailable(request):
    if request.path.startswith("/api/"):
        response = JsonResponse(error_body(503, "database_unavailable", "The database cannot be reached; "
                                           f"retry in {RETRY_AFTER_SECONDS} seconds."), status=503)
    else:
        # Rendered without a request: context processors would query the database that is away.
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
