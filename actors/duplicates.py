"""Likely duplicate actors, for curators to merge: pairs whose names are close (pg_trgm similarity,
through the trigram indexes of actors 0003 and the `%` operator, never a loop over all pairs) or
that share a name (one's alias is the other's name or alias, in another language)."""

from dataclasses import dataclass

from django.db import connection

from actors.models import Actor

# Two names this similar are worth a curator's look; pg_trgm's default (0.3) lists too many pairs.
SIMILARITY_THRESHOLD = 0.5

_SQL = """
WITH names AS (
    SELECT id AS actor_id, normalized_name AS name FROM actors_actor
    UNION
    SELECT actor_id, normalized FROM actors_alias
), pairs AS (
    SELECT a.actor_id AS first, b.actor_id AS second,
           CASE WHEN a.name = b.name THEN 'shared name' ELSE 'similar names' END AS reason,
           similarity(a.name, b.name) AS score
    FROM names a JOIN names b ON a.name %% b.name AND a.actor_id < b.actor_id
    WHERE similarity(a.name, b.name) >= %s
)
SELECT DISTINCT ON (first, second) first, second, reason, score
FROM pairs ORDER BY first, second, score DESC
"""


@dataclass(frozen=True)
class DuplicatePair:
    first: Actor
    second: Actor
    reason: str
    score: float


def likely_duplicates(limit: int = 100) -> list[DuplicatePair]:
    """The likeliest duplicate pairs, best score first."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(SIMILARITY_THRESHOLD)])
        cursor.execute(_SQL, [SIMILARITY_THRESHOLD])
        rows = sorted(cursor.fetchall(), key=lambda row: -row[3])[:limit]
    actors = Actor.objects.in_bulk({pk for row in rows for pk in row[:2]})
    return [DuplicatePair(actors[a], actors[b], reason, round(score, 2)) for a, b, reason, score in rows]
