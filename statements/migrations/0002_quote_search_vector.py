"""Full-text search on quotes: accent-blind text search configurations, a stored vector, a trigger.

The vector is written by a trigger rather than a GENERATED column so that every way rows arrive
(save(), bulk_create(), COPY, raw SQL) gets one, and so that the expression can change with a
plain CREATE OR REPLACE FUNCTION. Accents are folded by the configurations themselves
(unaccent before stemming), so to_tsvector, websearch_to_tsquery and ts_headline all agree:
"rancongiciel" finds and highlights "rançongiciel".

Language → configuration lives in statements/search/languages.py; demarche_ts_config() mirrors it
(a test checks that they agree).
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

CONFIGURATIONS = [("demarche_fr", "french", "french_stem"), ("demarche_en", "english", "english_stem"),
                  ("demarche_simple", "simple", "simple")]

CREATE_CONFIGURATIONS = "\n".join(
    f"""
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base});
    ALTER TEXT SEARCH CONFIGURATION {name}
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stem};
  END IF;
END $$;"""
    for name, base, stem in CONFIGURATIONS
)

DROP_CONFIGURATIONS = "\n".join(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};" for name, _, _ in CONFIGURATIONS)

FUNCTIONS = """
CREATE OR REPLACE FUNCTION demarche_ts_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE split_part(lower(coalesce(language, '')), '-', 1)
    WHEN 'fr' THEN 'demarche_fr'::regconfig
    WHEN 'en' THEN 'demarche_en'::regconfig
    ELSE 'demarche_simple'::regconfig
  END
$$;

-- The quote's words in its language (weight A), the speaker as written (B), and a token naming the
-- resolved speaker (B) so that a word which is an actor's name also finds what that actor said.
CREATE OR REPLACE FUNCTION demarche_quote_vector(body text, language text, speaker_as_written text, speaker_id bigint)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(demarche_ts_config(language), coalesce(body, '')), 'A')
      || setweight(to_tsvector(demarche_ts_config(language), coalesce(speaker_as_written, '')), 'B')
      || CASE WHEN speaker_id IS NULL THEN ''::tsvector
              ELSE setweight(array_to_tsvector(ARRAY['zzspeaker' || speaker_id::text]), 'B') END
$$;

CREATE OR REPLACE FUNCTION statements_quote_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := demarche_quote_vector(NEW.text, NEW.language, NEW.speaker_as_written, NEW.speaker_id);
  RETURN NEW;
END
$$;
"""

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS statements_quote_search_vector();
DROP FUNCTION IF EXISTS demarche_quote_vector(text, text, text, bigint);
DROP FUNCTION IF EXISTS demarche_ts_config(text);
"""

TRIGGER = """
CREATE TRIGGER statements_quote_search_vector
BEFORE INSERT OR UPDATE OF text, language, speaker_as_written, speaker_id, search_vector ON statements_quote
FOR EACH ROW EXECUTE FUNCTION statements_quote_search_vector();
UPDATE statements_quote SET search_vector = NULL;
"""

DROP_TRIGGER = "DROP TRIGGER IF EXISTS statements_quote_search_vector ON statements_quote;"


class Migration(migrations.Migration):

    dependencies = [
        ('statements', '0001_initial'),
    ]

    operations = [
        migrations.RunSQL(CREATE_CONFIGURATIONS, DROP_CONFIGURATIONS),
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        migrations.AddField(
            model_name='quote',
            name='search_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddIndex(
            model_name='quote',
            index=django.contrib.postgres.indexes.GinIndex(fields=['search_vector'], name='quote_search_vector_gin'),
        ),
        migrations.RunSQL(TRIGGER, DROP_TRIGGER),
    ]
