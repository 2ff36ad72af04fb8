"""One vocabulary of parameter names for the pages, the exports, the feeds and the API.

Quotes are filtered under the timeline's names (FILTERS). The names the search used to have (ALIASES:
claim, lang, date_from, date_to) are accepted everywhere and renamed at the door (canonical()), so the
filter sets, the search form and the search box's parser only ever see one name for one thing, and every
link the site builds uses it.

A parameter an endpoint does not take is refused with a 400 that names it (unknown()): `speakr=putin`
silently filtering nothing would be believed. Allowed everywhere, because they never change what is
selected: the paging and format parameters (EVERYWHERE), and the campaign tags that newsletters and social
sites append to any link they carry (`utm_source`, ...), so that a shared link keeps working; a misspelt
`utm_` tag cannot hide a filter, since no filter starts with `utm_`.
"""

from __future__ import annotations

from django.http import QueryDict
from django.urls import reverse_lazy

FILTERS = ("speaker", "actor", "country", "incident", "event", "topic", "claim_type", "kind", "language",
           "date_after", "date_before")
ALIASES = {"claim": "claim_type", "lang": "language", "date_from": "date_after", "date_to": "date_before"}

# The search box keeps its short field names, made for typing (`claim:denial`, `lang:fr`): there the canonical
# names are the aliases, beside a few words of its own.
QUERY_FIELD_ALIASES = {"claim_type": "claim", "language": "lang", "from": "speaker", "by": "speaker", "type": "claim"}

# What search_quotes() calls the canonical names it takes under another name.
SEARCH_ARGUMENTS = {"claim_type": "claim", "language": "lang", "date_after": "date_from", "date_before": "date_to"}

# The API list whose `?q=` suggests values for a filter's box (static/js/autocomplete.js).
SUGGESTED_BY = {"speaker": "api-actor-list", "actor": "api-actor-list", "incident": "api-incident-list",
                "event": "api-event-list", "topic": "api-topic-list"}

EVERYWHERE = frozenset({"page", "page_size", "cursor", "format", "ordering"})
IGNORED_PREFIXES = ("utm_",)


def canonical(params: QueryDict) -> QueryDict:
    """`params` with each alias renamed to its canonical name. Given under both names, the canonical one's
    values come last, so it wins where one value is read."""
    if not params.keys() & ALIASES.keys():
        return params
    if not isinstance(params, QueryDict):
        return {ALIASES.get(key, key): value for key, value in params.items()}
    values: dict[str, list[str]] = {}
    for key, given in params.lists():
        name = ALIASES.get(key, key)
        values[name] = given + values.get(name, []) if key in ALIASES else values.get(name, []) + given
    renamed = QueryDict(mutable=True)
    for name, given in values.items():
        renamed.setlist(name, given)
    renamed._mutable = False
    return renamed


def unknown(params, allowed) -> list[str]:
    """The parameters of `params` that are neither in `allowed` nor allowed everywhere, in order."""
    return [name for name in params
            if name not in allowed and name not in EVERYWHERE and not name.startswith(IGNORED_PREFIXES)]


def unknown_errors(names: list[str], allowed) -> dict[str, list[str]]:
    """One message per unknown parameter, naming it and what the endpoint takes instead."""
    taken = ", ".join(sorted(set(allowed) | EVERYWHERE))
    return {name: [f"unknown parameter “{name}”; this address takes {taken}."] for name in names}


def autocomplete_attrs(name: str) -> dict:
    """A filter box's attributes for the autocomplete (a <select> or <datalist> of every actor would weigh
    more than the whole timeline)."""
    return {"data-autocomplete": reverse_lazy(SUGGESTED_BY[name]), "autocomplete": "off"}


def refuse_unknown(form, allowed) -> list[str]:
    """Give a page's bound form an error under each parameter it does not take (the page shows them in the
    form, and answers 400); `allowed` beside the form's own fields. Returns their names."""
    names = unknown(form.data, {*form.fields, *allowed})
    for name, messages in unknown_errors(names, {*form.fields, *allowed}).items():
        form.errors[name] = form.error_class(messages)
    return names
