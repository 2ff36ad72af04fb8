"""Who is asking: the client's address, for the login lock-out (django-axes) and the API throttle.

Behind a proxy (BEHIND_PROXY), the last X-Forwarded-For entry, which the proxy appended; an entry
the client wrote itself comes before it and is ignored. Otherwise the connection's address, and
the header is not read at all. DRF's throttle does the same with NUM_PROXIES (config/settings.py).
"""

from django.conf import settings


def client_address(request) -> str:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.BEHIND_PROXY and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")
