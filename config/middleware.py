"""Merged actors' and incidents' old addresses: a 404 under /actors/<slug>/, /incidents/<slug>/ or their
/api/v1/ twins whose slug was merged into another (config/merging.py) answers 301 to the same address with
the kept one's slug (pages, feeds, API)."""

import re

from django.apps import apps
from django.http import HttpResponsePermanentRedirect

# The first segment of a path, and the model whose merged slugs it redirects.
MERGEABLE = {"actors": "actors.Actor", "incidents": "statements.Incident"}

_PATH = re.compile(rf"^(?P<prefix>/(?:api/v1/)?(?P<segment>{'|'.join(MERGEABLE)})/)(?P<slug>[-\w]+)(?P<rest>/.*)$")


class MergedRedirectMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or not (match := _PATH.match(request.path_info)):
            return response
        model = apps.get_model(MERGEABLE[match["segment"]])
        slug = model.objects.filter(redirects__old_slug=match["slug"]).values_list("slug", flat=True).first()
        if slug is None:
            return response
        target = f"{match['prefix']}{slug}{match['rest']}"
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
