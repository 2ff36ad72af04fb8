"""Names in a query, resolved to actors, incidents and topics: exactly first, then by trigram similarity.

Actors are resolved in actors/resolution.py (the pages' and the API's filters use it too);
incidents and topics here.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.text import slugify

from actors.models import slug_q
from actors.names import fold
from actors.resolution import FIELD_THRESHOLD, WORD_THRESHOLD, resolve_actors, similar_actors
from statements.models import Event, EventAlias, Incident, IncidentAlias, Topic

__all__ = ["FIELD_THRESHOLD", "WORD_THRESHOLD", "resolve_actors", "resolve_events", "resolve_incidents",
           "resolve_topics", "similar_actors"]


def _resolve_happening(model, alias_model, name: str) -> list[int]:
    """An incident or an event: by slug (a merged incident's names the one kept), name or alias exactly,
    else a part of one, else a close spelling."""
    key = fold(name)
    owner = model._meta.model_name
    exact = model.objects.filter(
        slug_q(model, slugify(name)) | Q(name__unaccent__iexact=name)
        | Q(pk__in=alias_model.objects.filter(normalized=key).values(f"{owner}_id"))
    )
    ids = list(exact.values_list("pk", flat=True).distinct())
    if not ids:
        ids = list(model.objects.filter(
            Q(name__unaccent__icontains=name) | Q(aliases__name__unaccent__icontains=name)
        ).values_list("pk", flat=True).distinct())
    if not ids and len(key) >= 3:
        ids = list(model.objects.filter(Q(name__unaccent__trigram_similar=name)
                                        | Q(aliases__normalized__trigram_similar=key))
                   .values_list("pk", flat=True).distinct())
    return ids


def resolve_incidents(name: str) -> list[int]:
    return _resolve_happening(Incident, IncidentAlias, name)


def resolve_events(name: str) -> list[int]:
    return _resolve_happening(Event, EventAlias, name)


def resolve_topics(name: str) -> list[int]:
    topics = Topic.objects.filter(
        Q(slug=slugify(name)) | Q(name_en__unaccent__iexact=name) | Q(name_fr__unaccent__iexact=name)
    )
    ids = list(topics.values_list("pk", flat=True))
    if not ids:
        ids = list(Topic.objects.filter(
            Q(slug__icontains=slugify(name)) | Q(name_en__unaccent__icontains=name)
            | Q(name_fr__unaccent__icontains=name)
        ).values_list("pk", flat=True))
    if not ids and len(fold(name)) >= 3:
        ids = list(Topic.objects.filter(Q(name_en__unaccent__trigram_similar=name)
                                        | Q(name_fr__unaccent__trigram_similar=name)).values_list("pk", flat=True))
    return ids
