"""OpenAPI generation: every operation documents the error answers it can give, in the one error shape."""

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse

from config.api.exceptions import ErrorSerializer

ERRORS = {
    "400": "Invalid parameters or body: `error.fields` names each offending parameter with the reason.",
    "401": "Authentication required: send `Authorization: Token <key>` or log in (session + CSRF token).",
    "403": "Authenticated, but not allowed (staff only), or a session request without its CSRF token.",
    "404": "No such object, or no such page (past the last one).",
    "429": "Too many requests: `Retry-After` says how long to wait.",
}


class ApiAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction)
        codes = ["400", "429"]
        if "{" in self.path or self._is_page_numbered():  # no such object, or a page past the last
            codes.append("404")
        if self.method not in ("GET", "HEAD", "OPTIONS"):
            codes += ["401", "403"]
        for code in sorted(codes):
            if code not in bodies:
                response = OpenApiResponse(response=ErrorSerializer, description=ERRORS[code])
                bodies[code] = self._get_response_for_code(response, code, direction=direction)
        if self.method == "GET" and "{" in self.path and self._is_conditional():
            bodies.setdefault("304", {"description": "Not modified: the `If-None-Match` ETag still matches; no body."})
        return bodies

    def _is_page_numbered(self) -> bool:
        from config.api.pagination import NumberedPagination

        return self._is_list_view() and isinstance(getattr(self.view, "paginator", None), NumberedPagination)

    def _is_conditional(self) -> bool:
        from config.api.conditional import ConditionalRetrieveMixin

        return isinstance(self.view, ConditionalRetrieveMixin) and getattr(self.view, "action", None) == "retrieve"


LINK_OR_WHOLE = {"QuoteSpeaker": True, "QuoteArticle": False}  # component: may it be null?


def link_or_whole_any_of(result, generator, request, public):
    """drf-spectacular postprocessing hook: a quote's speaker and article are a link or, with ?expand=,
    the whole object, which also satisfies the link's schema; so anyOf, not oneOf, and the speaker
    may be null."""
    schemas = result.get("components", {}).get("schemas", {})
    for name, nullable in LINK_OR_WHOLE.items():
        if name in schemas and "oneOf" in schemas[name]:
            schemas[name]["anyOf"] = schemas[name].pop("oneOf")
            if nullable:
                schemas[name]["nullable"] = True
    return result
