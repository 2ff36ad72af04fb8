"""The API throttle, counted in the cache every process shares (`caches["shared"]`, config/settings.py).

DRF's throttles count in the process's default cache: with several web processes each one counted on
its own, so the rate multiplied by their number. These count in the shared cache (Redis, or the
database). Should that cache not answer, a request is let through rather than refused: the throttle
is a guard against abuse, never a reason for the API to fail.
"""

import logging

from django.core.cache import caches
from django.utils.connection import ConnectionProxy
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)


class SharedCountMixin:
    cache = ConnectionProxy(caches, "shared")

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except Exception as error:  # the cache server unreachable: its client's errors have no common base
            logger.warning("API throttle not counted, the shared cache failed: %s", type(error).__name__)
            return True


class SharedAnonRateThrottle(SharedCountMixin, AnonRateThrottle):
    pass


class SharedUserRateThrottle(SharedCountMixin, UserRateThrottle):
    pass
