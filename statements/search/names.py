"""Names in a query, resolved to actors, incidents and topics: exactly first, then by trigram similarity.

Actors are resolved in actors/resolution.py (the pages' and the API's filters use it too);
incidents and topics here.
"""

from __future__ import annotations

from django.db.models import Q
from django.utils.text import slugify

from actors.names import fold
from actors.resolution import FIELD_THRESHOLD, WORD_THRESHOLD, resolve_actors, similar_actors
from statements.models import Incident, IncidentAlias, Topic

__all__ = ["FIELD_THRESHOLD", "WORD_THRESHOLD", "resolve_actors", "resolve_incidents", "resolve_topics",
           "similar_actors"]

def resolve_incidents(name: str) -> list[int]:
    key = fold(name)
    exact = Incident.objects.filter(
        Q(slug=slugify(name)) | Q(name__unaccent__iexact=name)
        | Q(pk__in=IncidentAlias.objects.filter(normalized=key).values("incident_id"))
    )
    ids = list(exact.values_list("pk", flat=True))
    if not ids:
        ids = list(Incident.objects.filter(
            Q(name__unaccent__icontains=name) | Q(aliases__name__unaccent__icontains=name)
        ).values_list("pk", flat=True).distinct())
    if not ids and len(key) >= 3:
        ids = list(Incident.objects.filter(name__unaccent__trigram_similar=name).values_list("pk", flat=True))
    return ids


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
    return ids
