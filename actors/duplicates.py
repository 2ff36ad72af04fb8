"""Likely duplicate actors, for curators to merge: pairs whose names are close (pg_trgm similarity,
through the trigram indexes of actors 0003 and the `%` operator, never a loop over all pairs) or
that share a name (one's alias is the other's name or alias, in another language)."""

from dataclasses import dataclass

from django.db import connection, transaction

from actors.models import Actor

# Two names this similar are worth a curator's look; pg_trgm's default (0.3) lists too many pairs.
SIMILARITY_THRESHOLD = 0.5

# Each side joins a table directly (not a UNION of names) so that `%` probes its trigram index.
_SQL = """
WITH pairs AS (
    SELECT a.id AS first, b.id AS second, a.normalized_name AS x, b.normalized_name AS y
    FROM actors_actor a JOIN actors_actor b ON b.normalized_name %% a.normalized_name AND a.id < b.id
    UNION ALL
    SELECT LEAST(a.id, l.actor_id), GREATEST(a.id, l.actor_id), a.normalized_name, l.normalized
    FROM actors_actor a JOIN actors_alias l ON l.normalized %% a.normalized_name AND l.actor_id <> a.id
    UNION ALL
    SELECT LEAST(k.actor_id, l.actor_id), GREATEST(k.actor_id, l.actor_id), k.normalized, l.normalized
    FROM actors_alias k JOIN actors_alias l ON l.normalized %% k.normalized AND k.actor_id < l.actor_id
)
SELECT * FROM (
    SELECT DISTINCT ON (first, second) first, second,
           CASE WHEN x = y THEN 'shared name' ELSE 'similar names' END, similarity(x, y) AS score
    FROM pairs WHERE similarity(x, y) >= %s ORDER BY first, second, score DESC
) best ORDER BY score DESC LIMIT %s
"""


@dataclass(frozen=True)
class DuplicatePair:
    first: Actor
    second: Actor
    reason: str
    score: float


def likely_duplicates(limit: int = 100) -> list[DuplicatePair]:
    """The likeliest duplicate pairs, best score first."""
    with transaction.atomic(), connection.cursor() as cursor:  # the threshold is set for this transaction only
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(SIMILARITY_THRESHOLD)])
        cursor.execute(_SQL, [SIMILARITY_THRESHOLD, limit])
        rows = cursor.fetchall()
    actors = Actor.objects.in_bulk({pk for row in rows for pk in row[:2]})
    return [DuplicatePair(actors[a], actors[b], reason, round(score, 2)) for a, b, reason, score in rows]
