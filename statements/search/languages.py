"""Which PostgreSQL text-search configuration reads which language.

Each configuration is the stock one with `unaccent` before the stemmer (migration
statements/0002), so accents never matter. `demarche_ts_config()` in the database mirrors
CONFIGURATIONS; a test checks that they agree. Adding a language: a configuration in a
migration, a line here and in the SQL function.
"""

CONFIGURATIONS = {"fr": "demarche_fr", "en": "demarche_en"}
FALLBACK = "demarche_simple"

# Every query is read in each of these, OR-ed: a French quote matches French stems, an English
# one English stems, anything else its words as written.
QUERY_CONFIGURATIONS = ("demarche_fr", "demarche_en", "demarche_simple")


def configuration(language: str) -> str:
    return CONFIGURATIONS.get((language or "").lower().split("-")[0], FALLBACK)
