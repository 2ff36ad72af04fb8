"""Merged actors' old addresses: a 404 under /actors/<slug>/ or /api/v1/actors/<slug>/ whose slug was merged
into another actor answers 301 to the same address with the kept actor's slug (pages, feeds, API)."""

import re

from django.http import HttpResponsePermanentRedirect

from actors.models import ActorRedirect

_ACTOR_PATH = re.compile(r"^(?P<prefix>/(?:api/v1/)?actors/)(?P<slug>[-\w]+)(?P<rest>/.*)$")


class MergedActorRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or not (match := _ACTOR_PATH.match(request.path_info)):
            return response
        redirect = ActorRedirect.objects.filter(old_slug=match["slug"]).select_related("actor").first()
        if redirect is None:
            return response
        target = f"{match['prefix']}{redirect.actor.slug}{match['rest']}"
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
