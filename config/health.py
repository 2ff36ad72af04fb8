"""GET /health/: is the database answering, is the broker reachable, is a worker alive?

The web process is healthy when its database answers (503 otherwise); broker and worker
states are reported so that monitoring can tell "imports are waiting" from "site is down".
"""

from django.db import connection
from django.http import JsonResponse

from config.celery import app


def health(request):
    checks = {"database": _check_database(), "broker": _check_broker()}
    checks["worker"] = _check_worker() if checks["broker"] == "ok" else "unknown"
    status = 200 if checks["database"] == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "error", **checks}, status=status)


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception as error:  # any failure is reported, never raised
        return f"error: {type(error).__name__}"


def _check_broker() -> str:
    try:
        with app.connection_for_write() as broker:
            broker.ensure_connection(max_retries=1, timeout=1)
        return "ok"
    except Exception as error:
        return f"error: {type(error).__name__}"


def _check_worker() -> str:
    try:
        replies = app.control.ping(timeout=0.5)
    except Exception as error:
        return f"error: {type(error).__name__}"
    return f"ok ({len(replies)} alive)" if replies else "none alive"
