"""Name resolution: which actors a name means, by canonical name or alias, else by close spelling.

Names are compared folded (actors.names.fold), against Actor.normalized_name and Alias.normalized,
which carry trigram GIN indexes (actors migration 0003). Search (`speaker:Putine`), the filters of
the pages and the API (`speaker=Poutine`) and `/api/v1/actors/?q=` all resolve names here.
"""

from __future__ import annotations

from django.db import connection

from actors.models import Actor, slug_q
from actors.names import fold

FIELD_THRESHOLD = 0.4  # speaker:/actor: values, where a name is expected
WORD_THRESHOLD = 0.5  # bare query words, which may well be ordinary words
CLOSE_TO_BEST = 0.1  # keep every candidate this close to the best one

_SIMILAR_ACTORS = """
SELECT candidate.key, names.actor_id, max(similarity(names.name, candidate.key)) AS score
FROM unnest(%s::text[]) AS candidate(key)
JOIN (SELECT id AS actor_id, normalized_name AS name FROM actors_actor
      UNION ALL SELECT actor_id, normalized FROM actors_alias) AS names
  ON names.name %% candidate.key
WHERE similarity(names.name, candidate.key) >= %s
GROUP BY candidate.key, names.actor_id
"""


def similar_actors(names: list[str], threshold: float) -> dict[str, list[tuple[int, float]]]:
    """For each name, the actors whose canonical name or an alias is similar enough, best first.

    One query for all names; keys of the answer are the folded names. The `%` operator (index-assisted)
    uses pg_trgm's default threshold, 0.3, below ours; the WHERE clause applies ours.
    """
    keys = sorted({fold(name) for name in names if len(fold(name)) >= 3})
    found: dict[str, list[tuple[int, float]]] = {}
    if not keys:
        return found
    with connection.cursor() as cursor:
        cursor.execute(_SIMILAR_ACTORS, [keys, threshold])
        for key, actor_id, score in cursor.fetchall():
            found.setdefault(key, []).append((actor_id, float(score)))
    for key, matches in found.items():
        matches.sort(key=lambda match: -match[1])
        best = matches[0][1]
        found[key] = [match for match in matches if match[1] >= best - CLOSE_TO_BEST]
    return found


def resolve_actors(name: str) -> list[int]:
    """Actors a speaker:/actor: value names: by slug (what the autocomplete puts in a box; a merged actor's
    names the one kept), canonical name or alias, else the closest spellings."""
    exact = (list(Actor.objects.filter(slug_q(Actor, name)).values_list("pk", flat=True).distinct())
             or list(Actor.objects.by_alias(name).values_list("pk", flat=True)))
    if exact:
        return exact
    return [actor_id for actor_id, _ in similar_actors([name], FIELD_THRESHOLD).get(fold(name), [])]
