"""Likely duplicate actors, for curators to merge: pairs whose names are close (pg_trgm similarity of
their canonical names or aliases), that share a name (one's alias is the other's name or alias, in
another language), or people with the same surname who held roles at the same place at the same time
("Thomas P. Bossert" / "Tom Bossert", both at the White House in 2017).

Close names are found by a similarity join in the database, without comparing every pair and without
one trigram-index probe per actor (each probe of a common trigram reads thousands of rows: at 10,000
actors either took minutes, bench/duplicates.py). Every name's trigrams are ranked rarest first; two
names whose similarity (the Jaccard index of their trigram sets) reaches t must share one of their
first |x| - ceil(t·|x|) + 1 trigrams ("prefix filtering"), and the shared trigram's positions bound how
many more they can share; only the pairs that survive are scored by similarity(). As the page shows the
best pairs, the join starts at a high threshold, where prefixes are short and the join small, and
lowers it only while too few pairs are found. That still takes seconds at 10,000 actors: the pairs are
kept in the shared cache until the names, aliases or roles change.

After a change (a merge, an edit, an import of a few actors) the close names are not joined again: the
cache also keeps every name as it was and the close pairs found, all of them above a floor score; the
actors whose names differ since are looked up alone, one trigram-index probe (`%`) per name, their old
pairs replaced by what the probes find above the floor. The whole join runs again only when there is no
such state, when many actors changed, or when too few pairs are left above the floor.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import caches
from django.db import connection, transaction

from actors.models import Actor

# Two names this similar (in hundredths) are worth a curator's look; pg_trgm's default (30) lists too many.
SIMILARITY_THRESHOLD = 50
# The thresholds tried in turn, until enough pairs are found.
_THRESHOLDS = (90, 75, 60, SIMILARITY_THRESHOLD)

SAME_SURNAME = "same surname, overlapping roles"

# Every name (canonical or alias) with its trigrams, each with its rank from rarest to most common.
_GRAMS = """
DROP TABLE IF EXISTS duplicate_names, duplicate_grams;
CREATE TEMP TABLE duplicate_names ON COMMIT DROP AS
SELECT row_number() OVER () AS id, actor, name, show_trgm(name) AS grams FROM (
    SELECT id AS actor, normalized_name AS name FROM actors_actor
    UNION SELECT actor_id, normalized FROM actors_alias
) named;
CREATE TEMP TABLE duplicate_grams ON COMMIT DROP AS
WITH grams AS (
    SELECT n.id, n.actor, g.gram, cardinality(n.grams) AS size FROM duplicate_names n, unnest(n.grams) AS g(gram)
), ranks AS (  -- each trigram as a number, the rarest first
    SELECT gram, row_number() OVER (ORDER BY count(*), gram COLLATE "C") AS rank FROM grams GROUP BY gram
)
SELECT g.id, g.actor, r.rank AS gram, g.size, row_number() OVER (PARTITION BY g.id ORDER BY r.rank) AS position
FROM grams g JOIN ranks r USING (gram);
ANALYZE duplicate_names; ANALYZE duplicate_grams;
"""

# The best pairs of actors whose names reach the similarity %(t)s / 100, in integer arithmetic (exact, and
# much faster than numeric): a prefix of |x| - ceil(t·|x|) + 1 trigrams, sizes within a factor t of each
# other, and an overlap (1 for the shared trigram, at most the fewer of the rest on either side) of at
# least t / (1 + t) · (|x| + |y|).
SQL = """
WITH prefixes AS (
    SELECT id, actor, gram, size, position FROM duplicate_grams
    WHERE position <= size - (%(t)s * size + 99) / 100 + 1
), candidates AS (
    SELECT DISTINCT x.id AS x, y.id AS y
    FROM prefixes x JOIN prefixes y ON y.gram = x.gram AND x.id < y.id AND x.actor <> y.actor
    WHERE 100 * y.size >= %(t)s * x.size AND 100 * x.size >= %(t)s * y.size
      AND (100 + %(t)s) * (1 + least(x.size - x.position, y.size - y.position)) >= %(t)s * (x.size + y.size)
)
SELECT * FROM (
    SELECT DISTINCT ON (first, second) least(x.actor, y.actor) AS first, greatest(x.actor, y.actor) AS second,
           CASE WHEN x.name = y.name THEN 'shared name' ELSE 'similar names' END, similarity(x.name, y.name) AS score
    FROM candidates c JOIN duplicate_names x ON x.id = c.x JOIN duplicate_names y ON y.id = c.y
    WHERE similarity(x.name, y.name) >= %(t)s / 100.0
    ORDER BY first, second, score DESC
) best ORDER BY score DESC, first, second LIMIT %(limit)s
"""

# The pairs of the actors %(actors)s whose names reach a similarity above %(floor)s, by the trigram indexes of
# the canonical names and the aliases (pg_trgm's threshold is set just below the floor): a few probes, for a
# few changed actors.
CHANGED_SQL = """
WITH changed AS (
    SELECT id AS actor, normalized_name AS name FROM actors_actor WHERE id = ANY(%(actors)s)
    UNION SELECT actor_id, normalized FROM actors_alias WHERE actor_id = ANY(%(actors)s)
)
SELECT DISTINCT ON (first, second) least(c.actor, o.actor) AS first, greatest(c.actor, o.actor) AS second,
       CASE WHEN c.name = o.name THEN 'shared name' ELSE 'similar names' END, similarity(c.name, o.name) AS score
FROM changed c CROSS JOIN LATERAL (
    SELECT id AS actor, normalized_name AS name FROM actors_actor WHERE normalized_name %% c.name
    UNION ALL SELECT actor_id, normalized FROM actors_alias WHERE normalized %% c.name
) o
WHERE o.actor <> c.actor AND similarity(c.name, o.name) > %(floor)s
ORDER BY first, second, score DESC
"""

# People with the same last word of their name, each with a role at the same organisation (or, when one
# of them has none, under the same title) over periods that overlap (an unknown bound is open). Two
# signals at once: ranked above their names' similarity alone.
SAME_SURNAME_SQL = """
WITH roles AS MATERIALIZED (
    SELECT a.id AS actor, a.normalized_name AS name, f.organisation_id AS organisation, lower(f.title) AS title,
           f.start_date, f.end_date, substring(a.normalized_name FROM '([^ .]{2,})[ .]*$') AS surname
    FROM actors_actor a JOIN actors_affiliation f ON f.actor_id = a.id WHERE a.kind = 'person'
)
SELECT p.actor, q.actor, %(reason)s, max(0.5 + similarity(p.name, q.name) / 2) AS score
FROM roles p JOIN roles q ON q.surname = p.surname AND p.actor < q.actor
WHERE coalesce(q.organisation = p.organisation, q.title = p.title)
  AND (p.start_date IS NULL OR q.end_date IS NULL OR p.start_date <= q.end_date)
  AND (q.start_date IS NULL OR p.end_date IS NULL OR q.start_date <= p.end_date)
GROUP BY p.actor, q.actor ORDER BY score DESC, p.actor, q.actor LIMIT %(limit)s
"""


@dataclass(frozen=True)
class DuplicatePair:
    first: Actor
    second: Actor
    reason: str
    score: float


# What the pairs depend on, summed row by row (order-free, one pass over each table): any change to a name,
# an alias, a kind or a role changes it.
_FINGERPRINT = """
SELECT (SELECT concat_ws(':', count(*), sum(hashtext(concat_ws('|', id, normalized_name, kind)))) FROM actors_actor),
       (SELECT concat_ws(':', count(*), sum(hashtext(concat_ws('|', actor_id, normalized)))) FROM actors_alias),
       (SELECT concat_ws(':', count(*), sum(hashtext(concat_ws('|', actor_id, organisation_id, lower(title),
                                                              start_date, end_date)))) FROM actors_affiliation)
"""
CACHE_SECONDS = 24 * 3600


def likely_duplicates(limit: int = 100) -> list[DuplicatePair]:
    """The likeliest duplicate pairs, best score first; a pair found for several reasons names them all.

    Finding them all takes seconds at 10,000 actors (bench/duplicates.py), checking that nothing they depend
    on changed takes milliseconds: the pairs are kept in the shared cache under the data's fingerprint, and
    found again only when a name, an alias or a role changed (a merge, an import, an edit), then from the
    close names found the time before (see the module's docstring).
    """
    with connection.cursor() as cursor:
        cursor.execute(_FINGERPRINT)
        key = f"likely-duplicates:{limit}:{hashlib.sha256(repr(cursor.fetchone()).encode()).hexdigest()}"
    pairs = caches["shared"].get(key)
    if pairs is None:
        pairs = find_pairs(limit, caches["shared"].get(f"{_STATE_KEY}:{limit}"))
        caches["shared"].set(key, pairs, CACHE_SECONDS)
    actors = Actor.objects.in_bulk({pk for pair in pairs for pk in pair[:2]})
    return [DuplicatePair(actors[a], actors[b], reason, score) for a, b, reason, score in pairs
            if a in actors and b in actors]  # an actor deleted since the fingerprint was read is left out


_STATE_KEY = "likely-duplicates:close-names"
RESERVE = 10  # close pairs kept per pair shown: a merge removes some, and the next ones are known
MAX_CHANGED = 50  # actors looked up one by one after a change; past that, the whole join is cheaper
_EPSILON = 1e-6


@dataclass
class CloseNames:
    """The close names found at one moment: every (actor, name) then, and the close pairs (first, second,
    reason, score) found among them, each one above `floor` (all those above it, none missed)."""

    names: frozenset[tuple[int, str]]
    pairs: list[tuple[int, int, str, float]] = field(default_factory=list)
    floor: float = 0.0


def find_pairs(limit: int, previous: CloseNames | None = None) -> list[tuple[int, int, str, float]]:
    """(first id, second id, reasons, score) of the best pairs, computed now, from `previous` close names when
    few actors changed since (its state is then kept in the shared cache for the next change)."""
    with transaction.atomic(), connection.cursor() as cursor:  # the temporary tables live for this transaction
        close = _close_names(cursor, limit, previous)
        cursor.execute(SAME_SURNAME_SQL, {"reason": SAME_SURNAME, "limit": limit})
        rows = close.pairs[:limit] + cursor.fetchall()
    caches["shared"].set(f"{_STATE_KEY}:{limit}", close, CACHE_SECONDS)
    found: dict[tuple[int, int], tuple[list[str], float]] = {}
    for first, second, reason, score in rows:
        reasons, best = found.get((first, second), ([], 0.0))
        found[first, second] = ([*reasons, reason], max(best, float(score)))
    best_pairs = sorted(found.items(), key=lambda item: (-item[1][1], item[0]))[:limit]
    return [(a, b, ", ".join(reasons), round(score, 2)) for (a, b), (reasons, score) in best_pairs]


def _close_names(cursor, limit: int, previous: CloseNames | None) -> CloseNames:
    cursor.execute("SELECT id, normalized_name FROM actors_actor UNION SELECT actor_id, normalized FROM actors_alias")
    names = frozenset(cursor.fetchall())
    if previous is not None:
        changed = sorted({actor for actor, _ in names ^ previous.names})
        if len(changed) <= MAX_CHANGED:
            updated = _changed_pairs(cursor, previous, names, changed)
            if sum(score > updated.floor for *_, score in updated.pairs) >= limit:
                return updated
            if updated.floor <= SIMILARITY_THRESHOLD / 100 and len(updated.pairs) < limit:
                return updated  # every pair down to the lowest threshold: there are no more
    return _similar_names(cursor, limit, names)


def _changed_pairs(cursor, previous: CloseNames, names: frozenset, changed: list[int]) -> CloseNames:
    """`previous` with the pairs of the `changed` actors found again, above the same floor."""
    if not changed:
        return CloseNames(names, previous.pairs, previous.floor)
    cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(previous.floor - _EPSILON)])
    cursor.execute(CHANGED_SQL, {"actors": changed, "floor": previous.floor})
    gone = set(changed)
    pairs = [pair for pair in previous.pairs if pair[0] not in gone and pair[1] not in gone] + cursor.fetchall()
    return CloseNames(names, sorted(pairs, key=lambda pair: (-pair[3], pair[0], pair[1])), previous.floor)


def _similar_names(cursor, limit: int, names: frozenset) -> CloseNames:
    """The whole join, from the highest threshold down until `limit` pairs are found; up to RESERVE times as
    many kept, above a floor under which none is known."""
    prepare(cursor)
    for threshold in _THRESHOLDS:
        cursor.execute(SQL, sql_parameters(RESERVE * limit, threshold))
        rows = cursor.fetchall()
        if len(rows) >= limit:
            break
    if len(rows) < RESERVE * limit:
        return CloseNames(names, rows, threshold / 100 - _EPSILON)
    floor = rows[-1][3]  # pairs of this score may have been cut: only those above it are all known
    return CloseNames(names, [row for row in rows if row[3] > floor], floor)


def prepare(cursor) -> None:
    """What SQL needs in the current transaction: the names' trigrams (measured alone by bench/duplicates.py)."""
    cursor.execute("SET LOCAL jit = off")  # compiling these plans took longer than running them
    cursor.execute(_GRAMS)


def sql_parameters(limit: int, threshold: int = SIMILARITY_THRESHOLD) -> dict:
    return {"t": threshold, "limit": limit}
