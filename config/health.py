"""GET /health/: is the database answering, is the broker reachable, is a worker alive?

The web process is healthy when its database answers (503 otherwise); broker and worker
states are reported so that monitoring can tell "imports are waiting" from "site is down".

Anyone may ask, so asking is cheap: the checks (a query, a broker connection, a worker ping of
up to half a second) run at most once every HEALTH_CACHE_SECONDS in a process, by one request;
every other request meanwhile answers the last status at once, with its age in `checked_seconds_ago`.
"""

import threading
import time

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from config.celery import app

_lock = threading.Lock()
_last: dict = {"status": None, "at": 0.0}


def health(request):
    checks, checked_at = current_status()
    status = 200 if checks["database"] == "ok" else 503
    body = {"status": "ok" if status == 200 else "error", **checks,
            "checked_seconds_ago": round(time.monotonic() - checked_at, 1)}
    return JsonResponse(body, status=status)


def current_status() -> tuple[dict, float]:
    """The last checks and when they ran; run them again if they are stale and nobody else is."""
    fresh = time.monotonic() - _last["at"] < settings.HEALTH_CACHE_SECONDS
    if _last["status"] is not None and (fresh or not _lock.acquire(blocking=False)):
        return _last["status"], _last["at"]
    if _last["status"] is None:
        _lock.acquire()  # the very first request of the process waits for the first checks
    try:
        if _last["status"] is None or time.monotonic() - _last["at"] >= settings.HEALTH_CACHE_SECONDS:
            _last["status"], _last["at"] = run_checks(), time.monotonic()
        return _last["status"], _last["at"]
    finally:
        _lock.release()


def run_checks() -> dict:
    checks = {"database": _check_database(), "broker": _check_broker()}
    checks["worker"] = _check_worker() if checks["broker"] == "ok" else "unknown"
    return checks


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
