"""Quote search at scale: the search page, its SQL alone, and a naive icontains search, on a generated corpus.

    python -m bench.search [--quotes 1000000] [--repeat 20] [--keep]

The corpus goes into its own database (demarche_bench, never the one `make run` serves): actors with a
Zipf distribution of quotes (a few speak a lot), French, English and other-language quotes built from
the search glossary and real cyber-diplomacy phrasing, dates over ten years, a third of the quotes tied
to an incident. Rows are loaded with COPY, so the search vectors are written by the database trigger,
as in production; the GIN index is dropped during the load and rebuilt after it.

The search page is timed over HTTP (gunicorn on loopback). Beside it: every SQL statement that page
runs, replayed on one connection (what the database alone costs), timed in turn with the page so that
the machine's speed of the moment weighs on both alike; and a naive `text__icontains` search (every
word, AND-ed, newest first, top 20 and a count), which ignores fields, stems, accents and languages.
`--keep` reuses a corpus of the same size already loaded.
"""

from __future__ import annotations

import argparse
import random
import time

from bench.common import django_setup, gunicorn, percentiles, write_results

QUERIES = [
    "rançongiciel",
    "ransomware",
    "rancongiciel",
    "cyberattack",
    "attaques hôpitaux",
    '"infrastructures critiques"',
    "sanctions OR extradition",
    "ransomware -russie",
    "speaker:Poutin",
    "speaker:Putine ransomware",
    "Biden sanctions",
    "espionage lang:fr",
    "incident:Kaseya",
    "claim:denial date:2021-06..2021-07",
    "election interference",
    "cybercriminal extradition date:2020..",
]

NAIVE_REPEAT = 3

PEOPLE = [
    ("Vladimir Putin", "RU", ["Putin", "Poutine", "Vladimir Poutine"]),
    ("Joe Biden", "US", ["Biden"]),
    ("Emmanuel Macron", "FR", ["Macron"]),
    ("Sergei Lavrov", "RU", ["Lavrov", "Sergueï Lavrov"]),
    ("Antony Blinken", "US", ["Blinken"]),
    ("Xi Jinping", "CN", ["Xi"]),
    ("Volodymyr Zelensky", "UA", ["Zelensky", "Zelenski"]),
    ("Dmitry Peskov", "RU", ["Peskov", "Dmitri Peskov"]),
    ("Jean-Yves Le Drian", "FR", ["Le Drian"]),
    ("Ursula von der Leyen", "BE", ["von der Leyen"]),
    ("Jake Sullivan", "US", ["Sullivan"]),
    ("Maria Zakharova", "RU", ["Zakharova", "Maria Zakharova"]),
]
FIRST = ["Anna", "Marc", "Olga", "Pierre", "John", "Li", "Sofia", "Ahmed", "Elena", "Tomas", "Claire", "Ivan",
         "Yuki", "Paolo", "Nadia", "Kofi", "Ines", "Lars", "Mei", "Omar"]
LAST = ["Dupont", "Ivanov", "Smith", "Wang", "Novak", "Garcia", "Kowalski", "Müller", "Rossi", "Haddad",
        "Tanaka", "Petrov", "Martin", "Silva", "Nielsen", "Okafor", "Moreau", "Schmidt", "Kim", "Laurent"]
INCIDENTS = ["Kaseya", "SolarWinds", "Colonial Pipeline", "NotPetya", "WannaCry", "Microsoft Exchange",
             "Bundestag hack", "TV5Monde", "JBS", "Log4Shell", "Viasat", "MOVEit"]

FR = {
    "subject": ["La France", "Le gouvernement", "Nos services", "L'Union européenne", "La Russie", "Paris",
                "Le ministère", "Moscou", "Les alliés", "Washington"],
    "verb": ["condamne", "dénonce", "ne tolérera pas", "réfute toute implication dans", "appelle à mettre fin à",
             "s'inquiète de", "n'a rien à voir avec", "prépare une riposte à", "attribue à Moscou",
             "exige des comptes pour"],
    "object": ["les attaques de rançongiciels", "la cyberattaque contre nos hôpitaux", "l'ingérence électorale",
               "l'espionnage de nos infrastructures critiques", "les cybercriminels opérant depuis son territoire",
               "le piratage des infrastructures essentielles", "la désinformation", "les logiciels malveillants",
               "les attaques contre la chaîne d'approvisionnement", "l'extradition des pirates informatiques"],
    "tail": ["", " et promet des sanctions.", ", a-t-il souligné.", " dans le respect du droit international.",
             " et réclame l'extradition des responsables.", " sans la moindre preuve.", " avec la plus grande fermeté.",
             " au nom de la coopération internationale."],
}
EN = {
    "subject": ["The United States", "We", "Our government", "The Kremlin", "NATO", "The administration",
                "Britain", "Our allies", "Beijing", "This country"],
    "verb": ["condemns", "will not tolerate", "denies any role in", "calls for an end to", "is deeply concerned by",
             "has nothing to do with", "will respond to", "attributes to Russia", "demands accountability for",
             "imposes sanctions over"],
    "object": ["ransomware attacks", "the cyberattack on our hospitals", "election interference",
               "espionage against critical infrastructure", "cybercriminals operating from its territory",
               "hacking of critical infrastructure", "disinformation campaigns", "malware",
               "supply chain attacks", "the extradition of hackers"],
    "tail": ["", " and will impose sanctions.", ", he said.", " under international law.",
             " and seeks the extradition of those responsible.", " without any evidence.", " in the strongest terms.",
             " in the name of international cooperation."],
}
OTHER = {
    "de": ["Die Bundesregierung verurteilt den Cyberangriff auf kritische Infrastruktur.",
           "Wir weisen jede Beteiligung an Ransomware-Angriffen zurück.",
           "Die Sanktionen gegen die Verantwortlichen treten heute in Kraft."],
    "es": ["El gobierno condena el ciberataque contra los hospitales.",
           "Rechazamos cualquier injerencia electoral.",
           "Pedimos la extradición de los ciberdelincuentes."],
    "ru": ["Россия не имеет никакого отношения к атакам программ-вымогателей.",
           "Мы осуждаем санкции против наших граждан.",
           "Обвинения в кибершпионаже беспочвенны."],
}
CLAIMS = ["demand", "accusation", "denial", "warning", "commitment", "assessment", ""]
KINDS = ["direct", "direct", "direct", "partial", "indirect", "readout"]


def sentence(rng: random.Random, language: str) -> str:
    if language in OTHER:
        return rng.choice(OTHER[language])
    parts = FR if language == "fr" else EN
    text = f"{rng.choice(parts['subject'])} {rng.choice(parts['verb'])} {rng.choice(parts['object'])}"
    text += rng.choice(parts["tail"]) or "."
    if rng.random() < 0.3:  # a second sentence: quotes vary in length
        second = f" {rng.choice(parts['subject'])} {rng.choice(parts['verb'])} {rng.choice(parts['object'])}."
        text += second
    return text


def load_corpus(count: int, seed: int = 11) -> dict:
    """Empty the benchmark database and COPY a corpus of `count` quotes into it."""
    from django.db import connection

    from actors.names import fold
    from statements.search.year_indexes import drop_year_indexes, ensure_year_indexes, indexed_years_sql

    assert connection.settings_dict["NAME"].startswith("demarche_bench"), "the bench writes only its own database"
    rng = random.Random(seed)  # noqa: S311 (a corpus, not a secret)
    started = time.perf_counter()
    actors = [(name, country, aliases) for name, country, aliases in PEOPLE]
    actors += [(f"{first} {last}", "", []) for first in FIRST for last in LAST]  # 400 more, fewer quotes
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE statements_quote, statements_article, actors_actor, statements_incident, "
                       "actors_alias RESTART IDENTITY CASCADE")
        cursor.execute("DROP INDEX IF EXISTS quote_search_vector_gin")
        drop_year_indexes()
        raw = cursor.cursor
        with raw.copy("COPY actors_actor (id, name, normalized_name, slug, kind, country, gender, description, "
                      "wikidata_id, descriptors, review_status, created_at, updated_at) FROM STDIN") as copy:
            for n, (name, country, _) in enumerate(actors, 1):
                copy.write_row([n, name, fold(name), f"actor-{n}", "person", country, "", "", "", "{}",
                                "reviewed", "now", "now"])
        with raw.copy("COPY actors_alias (name, normalized, language, actor_id) FROM STDIN") as copy:
            for n, (_, _, aliases) in enumerate(actors, 1):
                for alias in aliases:
                    copy.write_row([alias, fold(alias), "", n])
        with raw.copy("COPY statements_incident (id, name, slug, kind, summary, start_precision, end_precision, "
                      "victims_text, review_status, found_as) FROM STDIN") as copy:
            for n, name in enumerate(INCIDENTS, 1):
                copy.write_row([n, name, name.lower().replace(" ", "-"), "other", "", "day", "day", "", "reviewed",
                                ""])
        articles = count // 4 + 1
        with raw.copy("COPY statements_article (id, title, text, language, published_date, published_precision, "
                      "publisher, url, content_hash, fingerprints, created_at, demo, published_source) FROM STDIN"
                      ) as copy:
            for n in range(1, articles + 1):
                copy.write_row([n, f"Dépêche {n}", f"Dépêche n° {n}.", "fr", None, "day", "Agence", "",
                                f"{n:064x}", "{}", "now", False, ""])
        weights = [1 / (rank ** 1.1) for rank in range(1, len(actors) + 1)]  # Zipf: a few speak a lot
        speakers = rng.choices(range(1, len(actors) + 1), weights=weights, k=count)
        day0 = 16071  # 2014-01-01 as days since 1970-01-01
        with raw.copy("COPY statements_quote (id, article_id, text, start, \"end\", speaker_id, speaker_as_written, "
                      "kind, statement_date, statement_precision, language, claim_type, confidence, review_status, "
                      "created_at, withdrawn_reason) FROM STDIN") as copy:
            incident_links = []
            for n in range(1, count + 1):
                language = rng.choices(["fr", "en", "de", "es", "ru"], weights=[45, 45, 4, 3, 3])[0]
                text = sentence(rng, language)
                speaker = speakers[n - 1] if rng.random() < 0.8 else None
                written = actors[speaker - 1][0] if speaker else rng.choice(["un porte-parole", "a spokesperson",
                                                                             "une source diplomatique"])
                day = day0 + rng.randrange(3650)
                start = (n % 4) * 1000
                copy.write_row([n, (n - 1) // 4 + 1, text, start, start + len(text), speaker, written,
                                rng.choice(KINDS), _date(day), "day", language, rng.choice(CLAIMS), 0.9,
                                "machine", "now", ""])
                if rng.random() < 0.33:
                    incident_links.append((n, rng.randrange(len(INCIDENTS)) + 1))
        with raw.copy("COPY statements_quote_incidents (quote_id, incident_id) FROM STDIN") as copy:
            for link in incident_links:
                copy.write_row(link)
        loaded = time.perf_counter()
        cursor.execute("CREATE INDEX quote_search_vector_gin ON statements_quote USING gin (search_vector)")
        ensure_year_indexes()
        for table in ("actors_actor", "actors_alias", "statements_incident", "statements_article"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        cursor.execute("SELECT setval(pg_get_serial_sequence('statements_quote', 'id'), %s)", [count])
        # What autovacuum does to a settled table: statistics, and the visibility map that lets
        # index-only scans skip the heap. A freshly COPYed table measures slower than it will run.
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("SELECT count(*) FROM statements_quote WHERE search_vector IS NULL")
        missing = cursor.fetchone()[0]
        years_sql, years_params = indexed_years_sql()
        cursor.execute(f"SELECT cardinality({years_sql})", years_params)
        year_count = cursor.fetchone()[0]
    indexed = time.perf_counter()
    return {"quotes": count, "articles": articles, "actors": len(actors), "incident_links": len(incident_links),
            "copy_seconds": round(loaded - started, 1), "index_and_vacuum_seconds": round(indexed - loaded, 1),
            "year_indexes": year_count,
            "quotes_without_vector": missing}


def _date(days: int) -> str:
    import datetime

    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=days)).isoformat()


def timed(function, repeat: int) -> list[float]:
    return alternately([function], repeat)[0]


def alternately(functions: list, repeat: int) -> list[list[float]]:
    """Each function's timings (ms), `repeat` times, one function after the other in turn: the machine's
    speed of the moment (seen to change by 2x within minutes) weighs on every one of them alike."""
    for function in functions:
        function()  # warm up: plans, caches
    samples = [[] for _ in functions]
    for _ in range(repeat):
        for function, timings in zip(functions, samples, strict=True):
            started = time.perf_counter()
            function()
            timings.append((time.perf_counter() - started) * 1000)
    return samples


def page_statements(query: str) -> list[str]:
    """The SQL statements the search page runs for a query (captured in-process, parameters inlined)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = Client(HTTP_HOST="localhost").get("/search/", {"q": query})
    assert response.status_code == 200, (query, response.status_code)
    return [entry["sql"] for entry in captured.captured_queries]


def measure(base: str, repeat: int) -> dict:
    from urllib.parse import urlencode

    from django.db import connection

    from bench.common import get
    from statements.models import Quote
    from statements.search import search_quotes

    for _ in range(8):  # every gunicorn worker connects to the database and compiles its templates first
        get(f"{base}/search/?{urlencode({'q': 'diplomatie'})}")
    page, sql, naive, per_query = [], [], [], {}
    for query in QUERIES:
        url = f"{base}/search/?{urlencode({'q': query})}"
        statements = page_statements(query)

        def replay(statements=statements):
            with connection.cursor() as cursor:
                for statement in statements:
                    cursor.execute(statement)
                    cursor.fetchall()

        result = search_quotes(query)
        words = [term.text for clause in result.query.clauses for term in clause[:1]]

        def icontains(words=words):
            quotes = Quote.objects.published()
            for word in words:
                quotes = quotes.filter(text__icontains=word)
            list(quotes.order_by("-statement_date", "-pk").values_list("pk", flat=True)[:20])
            quotes.count()

        samples = dict(zip(("page", "page_sql"), alternately([lambda url=url: get(url), replay], repeat), strict=True))
        if words:  # hundreds of times slower than the page: a few timings tell
            samples["naive_icontains"] = timed(icontains, NAIVE_REPEAT)
            naive += samples["naive_icontains"]
        page += samples["page"]
        sql += samples["page_sql"]
        per_query[query] = {"matches": result.count, "statements": len(statements),
                            **{name: percentiles(values)["p50_ms"] for name, values in samples.items()}}
    page_p, sql_p, naive_p = percentiles(page), percentiles(sql), percentiles(naive)
    return {"search_page_http": page_p, "page_sql_replayed": sql_p, "naive_icontains_top20_and_count": naive_p,
            "page_p95_over_sql_p95": round(page_p["p95_ms"] / sql_p["p95_ms"], 2),
            "naive_p95_over_page_p95": round(naive_p["p95_ms"] / page_p["p95_ms"], 1),
            "per_query_p50_ms": per_query}


def corpus_ready(quotes: int, *, keep: bool = True) -> dict:
    """The corpus of the database django_setup chose: reused if `keep` and it has `quotes` quotes, else loaded."""
    from statements.models import Quote

    if keep and Quote.objects.count() == quotes:
        return {"quotes": quotes, "reused": True}
    return load_corpus(quotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="reuse the corpus already loaded if its size matches")
    options = parser.parse_args()
    django_setup("demarche_bench")
    corpus = corpus_ready(options.quotes, keep=options.keep)
    from django.conf import settings

    with gunicorn() as base:
        results = measure(base, options.repeat)
    write_results("search", {
        "corpus": corpus,
        "method": "search page over HTTP (gunicorn, 2 workers, loopback, sequential requests); page_sql = every "
                  "SQL statement the page runs, replayed on one connection, timed in turn with the page; "
                  f"naive = text__icontains on every word, AND-ed, newest 20 and a count ({NAIVE_REPEAT} per query)",
        "search_window": settings.SEARCH_WINDOW,
        "goal": {"page_p95_ms": 50, "page_over_sql": 2, "naive_over_page": 20},
        "queries": QUERIES,
        **results,
    })


if __name__ == "__main__":
    main()
