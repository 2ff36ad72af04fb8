"""The admin's likely duplicate actors (actors/duplicates.py) at 10,000 actors: the query, its plan, the page.

    python -m bench.duplicates [--actors 10000] [--repeat 5] [--keep]

The actors go into their own database (demarche_bench_duplicates, never the one `make run` serves, nor
the quote corpus of bench.search): people with names drawn from several languages' first names and
surnames (so that many unrelated people share a surname or have close names, as in real data), most with
a role at an agency of their country and an alias or two ("T. Bossert", "Bossert"), agencies and groups;
and planted duplicates of three kinds, whose recall is reported: a misspelling ("Vladimir Poutine" /
"Vladimir Putine"), a shared alias, and a short first name at the same agency at the same time ("Thomas
P. Bossert" / "Tom Bossert"). Timed: finding the pairs (`find_pairs`, the whole join), the whole admin page
(in-process, a logged-in curator) with nothing cached (the whole join), right after a change (a name edited
and an alias added: the changed actor looked up again from the close names cached) and unchanged (the
pairs from the shared cache), and each step's EXPLAIN ANALYZE. Goal (issue #22): the page under 1 s.
`--keep` reuses actors already generated.
"""

from __future__ import annotations

import argparse
import datetime
import random
import time

from bench.common import django_setup, percentiles, write_results

DATABASE = "demarche_bench_duplicates"
GOAL_MS = 1000

COUNTRIES = ["US", "GB", "FR", "DE", "RU", "CN", "UA", "IT", "ES", "NL", "PL", "JP", "IN", "BR", "IR", "KP", "IL",
             "CA", "AU", "BE"]
FIRST_NAMES = (  # noqa: SIM905 (hundreds of names read better as prose)
    "James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony "
    "Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan "
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret Sandra "
    "Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia "
    "Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Frédéric Sébastien Olivier François Éric "
    "Marie Nathalie Isabelle Sylvie Catherine Françoise Valérie Sandrine Stéphanie Céline Aurélie Hélène "
    "Hans Peter Klaus Wolfgang Jürgen Dieter Uwe Stefan Andreas Thorsten Ursula Monika Petra Sabine Birgit "
    "Sergei Dmitry Alexei Andrei Nikolai Ivan Mikhail Vladimir Yuri Oleg Igor Anna Olga Tatiana Elena Natalia "
    "Wei Jing Li Ming Hui Yan Lei Jun Hao Xin Hiroshi Takashi Kenji Yuki Akira Giuseppe Marco Luca Giovanni "
    "Alessandro Francesca Chiara Javier Carlos Miguel José Lucía Carmen Pieter Jan Sanne Piotr Krzysztof "
    "Agnieszka Rahul Amit Priya Anil João Ana Paulo Reza Ali Maryam Avi Yosef Noa Oleksandr Olena Taras"
).split()
SURNAMES = (  # noqa: SIM905
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
    "Anderson Taylor Moore Jackson Martin Lee Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker "
    "Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell "
    "Mitchell Carter Roberts Turner Phillips Parker Evans Edwards Collins Stewart Morris Murphy Cook Rogers "
    "Bossert Sullivan Blinken Kennedy Sherman Neuberger Krebs Easterly Wray Mayorkas Nakasone Haines "
    "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel "
    "Garnier Faure Rousseau Blanc Guerin Muller Lambert Fontaine Chevalier Robin Masson Girard Bonnet Mercier "
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein Wolf "
    "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov Morozov Volkov Lavrov "
    "Peskov Zakharova Shoigu Patrushev Naryshkin Bortnikov Wang Zhang Liu Chen Yang Huang Zhao Zhou Wu Xu "
    "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Rossi Russo Ferrari Esposito Bianchi Romano "
    "Colombo Ricci Fernandez Gomez Diaz Moreno Alvarez Romero Jansen Visser Bakker Nowak Kowalski Wisniewski "
    "Sharma Patel Singh Kumar Silva Santos Oliveira Souza Hosseini Rezaei Cohen Levi Mizrahi Shevchenko "
    "Bondarenko Kovalenko Tkachenko Kravchenko Melnyk Zelensky Kuleba Reznikov Borrell Breton Vestager"
).split()
SHORT_NAMES = {"Thomas": "Tom", "William": "Bill", "Robert": "Bob", "Elizabeth": "Liz", "Richard": "Dick",
               "Michael": "Mike", "Christopher": "Chris", "Daniel": "Dan", "Anthony": "Tony", "Joseph": "Joe",
               "Alexei": "Alyosha", "Dmitry": "Dima", "Nikolai": "Kolya", "Andrew": "Andy", "Kenneth": "Ken"}
TITLES = ["Minister", "Deputy Minister", "Director", "Deputy Director", "Spokesperson", "Ambassador",
          "Adviser", "Head of cyber", "Secretary", "Commissioner"]
AGENCIES = ["Ministry of Foreign Affairs", "Ministry of Defence", "Ministry of the Interior", "Cyber Agency",
            "Intelligence Service", "National Security Council", "Embassy in Geneva", "Mission to the UN",
            "Computer Emergency Response Team", "Police"]
GROUPS = ["APT", "Bear", "Panda", "Kitten", "Spider", "Typhoon", "Blizzard", "Sandstorm", "Sleet", "Tempest"]
PLANTED_PER_KIND = 40


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="reuse the actors already generated")
    args = parser.parse_args()
    django_setup(DATABASE)
    from actors.models import Actor, Alias

    planted = {} if args.keep and Actor.objects.count() >= args.actors else generate(args.actors)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE actors_actor; ANALYZE actors_alias; ANALYZE actors_affiliation")
    results = {"actors": Actor.objects.count(), "aliases": Alias.objects.count(), "goal": {"page_ms": GOAL_MS}}
    results |= measure(args.repeat, planted)
    write_results("duplicates", results)


def generate(count: int) -> dict[str, list[tuple[str, str]]]:
    """Fill the database with `count` actors, among them planted duplicate pairs (their names, by kind)."""
    from django.db import transaction

    from actors.models import Actor, Affiliation, Alias
    from actors.names import fold
    from statements.models import Quote

    rng = random.Random(22)  # noqa: S311 (names, not secrets)
    Quote.objects.all().delete()
    Actor.objects.all().delete()
    names: set[str] = set()  # folded canonical names and aliases: both are unique (aliases per language)
    actors: list[Actor] = []
    roles: dict[tuple, tuple] = {}  # (actor, title, start): (organisation, end), unique as the model wants
    aliases: list[tuple[int, str, str]] = []

    def add(name: str, kind: str, country: str = "") -> int | None:
        if fold(name) in names:
            return None
        names.add(fold(name))
        actors.append(Actor(name=name, normalized_name=fold(name), slug=f"actor-{len(actors)}", kind=kind,
                            country=country))
        return len(actors) - 1

    def alias(actor: int, name: str, language: str = "") -> None:
        if fold(name) not in names:
            names.add(fold(name))
            aliases.append((actor, name, language))

    def period() -> tuple[datetime.date, datetime.date | None]:
        start = datetime.date(rng.randint(2000, 2023), rng.randint(1, 12), 1)
        end = None if rng.random() < 0.3 else start + datetime.timedelta(days=rng.randint(200, 2500))
        return start, end

    agencies = {}
    for country in COUNTRIES:
        for agency in AGENCIES:
            agencies[country, agency] = add(f"{agency} ({country})", "agency", country)
    for number in range(count // 20):
        add(f"{rng.choice(GROUPS)} {number}", "group")
    planted: dict[str, list[tuple[str, str]]] = {"similar names": [], "shared name": [], "same surname": []}
    while len(actors) < count - 3 * 2 * PLANTED_PER_KIND:
        first, last, country = rng.choice(FIRST_NAMES), rng.choice(SURNAMES), rng.choice(COUNTRIES)
        middle = f" {rng.choice('ABCDEFGHJKLMNPRSTW')}." if rng.random() < 0.15 else ""
        person = add(f"{first}{middle} {last}", "person", country)
        if person is None:
            continue
        for _ in range(rng.choice([0, 1, 1, 2])):
            start, end = period()
            roles[person, rng.choice(TITLES), start] = (agencies[country, rng.choice(AGENCIES)], end)
        if rng.random() < 0.5:
            alias(person, f"{first[0]}. {last}")
        if rng.random() < 0.3:
            alias(person, last, rng.choice(["en", "fr"]))
        if rng.random() < 0.3:  # surname first, as many sources write Chinese, Japanese or Hungarian names
            alias(person, f"{last} {first}")
    while len(planted["similar names"]) < PLANTED_PER_KIND:  # a letter dropped, doubled or changed
        first, last, country = rng.choice(FIRST_NAMES), rng.choice(SURNAMES) + rng.choice(["ov", "ski", "son"]), \
            rng.choice(COUNTRIES)
        at = rng.randrange(1, len(last) - 1)
        misspelt = last[:at] + rng.choice(["", last[at], "e", "i"]) + last[at + 1:]
        pair = (f"{first} {last}", f"{first} {misspelt}")
        if misspelt != last and None not in (add(pair[0], "person", country), add(pair[1], "person", country)):
            planted["similar names"].append(pair)
    while len(planted["shared name"]) < PLANTED_PER_KIND:  # an agency created twice, under two names
        country, number = rng.choice(COUNTRIES), len(planted["shared name"])
        pair = (f"Office {number} for Digital Affairs", f"Bureau {number} du numérique")
        first, second = add(pair[0], "agency", country), add(pair[1], "agency", country)
        shared = f"ODA-{number}"
        names.add(fold(shared))
        aliases.extend([(first, shared, "en"), (second, shared, "fr")])
        planted["shared name"].append(pair)
    while len(planted["same surname"]) < PLANTED_PER_KIND:  # "Thomas P. Bossert" / "Tom Bossert"
        first = rng.choice(list(SHORT_NAMES))
        last, country = rng.choice(SURNAMES) + rng.choice(["berg", "field", "ova", "elli"]), rng.choice(COUNTRIES)
        pair = (f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}. {last}", f"{SHORT_NAMES[first]} {last}")
        ids = add(pair[0], "person", country), add(pair[1], "person", country)
        if None in ids:
            continue
        agency, (start, end) = agencies[country, rng.choice(AGENCIES)], period()
        roles[ids[0], rng.choice(TITLES), start] = (agency, end)
        roles[ids[1], rng.choice(TITLES), start + datetime.timedelta(days=90)] = (agency, None)
        planted["same surname"].append(pair)

    with transaction.atomic():
        Actor.objects.bulk_create(actors, batch_size=2000)
        Alias.objects.bulk_create([Alias(actor=actors[actor], name=name, normalized=fold(name), language=language)
                                   for actor, name, language in aliases], batch_size=2000)
        Affiliation.objects.bulk_create([
            Affiliation(actor=actors[actor], title=title, organisation=actors[org], start_date=start, end_date=end)
            for (actor, title, start), (org, end) in roles.items()], batch_size=2000)
    return planted


def measure(repeat: int, planted: dict[str, list[tuple[str, str]]]) -> dict:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import caches
    from django.db import connection, transaction
    from django.test import Client

    from actors import duplicates
    from actors.models import Actor, Alias

    plans = {}
    with transaction.atomic(), connection.cursor() as cursor:
        started = time.perf_counter()
        duplicates.prepare(cursor)
        prepare_ms = (time.perf_counter() - started) * 1000
        for threshold in (90, 75, 60, 50):  # each step of the descent, the last one the slowest
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) " + duplicates.SQL,
                           duplicates.sql_parameters(100, threshold))
            plan = cursor.fetchone()[0][0]
            plans[f"similarity_{threshold}"] = {"execution_ms": round(plan["Execution Time"], 1),
                                                "rows": plan["Plan"]["Actual Rows"]}
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + duplicates.SAME_SURNAME_SQL,
                       {"reason": duplicates.SAME_SURNAME, "limit": 100})
        plans["same_surname"] = {"execution_ms": round(cursor.fetchone()[0][0]["Execution Time"], 1)}

    query_ms = []  # finding the pairs: what the first page view after a change waits for
    for _ in range(repeat):
        started = time.perf_counter()
        duplicates.find_pairs(100)
        query_ms.append((time.perf_counter() - started) * 1000)

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    user, _ = get_user_model().objects.get_or_create(username="bench-curator", defaults={"is_staff": True,
                                                                                         "is_superuser": True})
    client = Client()
    client.force_login(user)
    page_ms = {"nothing_cached": [], "after_a_change": [], "unchanged": []}
    edited = Actor.objects.filter(kind="person").order_by("pk").first()  # generated first: not a planted pair
    original = edited.name

    def page(case: str) -> None:
        started = time.perf_counter()
        response = client.get("/admin/actors/actor/duplicates/")
        page_ms[case].append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.status_code

    for n in range(repeat):
        caches["shared"].clear()  # nothing known: the whole join (a new cache, or many actors changed)
        page("nothing_cached")
        # A curator's edit: a name corrected and an alias added (a merge or a small import looks the same).
        edited.name = f"{original} {'Jr' if n % 2 else 'Sr'}"
        edited.save()
        Alias.objects.create(actor=edited, name=f"{original} ({n})")
        page("after_a_change")
        page("unchanged")
    edited.name = original
    edited.save()
    Alias.objects.filter(actor=edited, name__endswith=")").delete()

    started = time.perf_counter()
    everything = {frozenset((pair.first.name, pair.second.name)): pair.reason
                  for pair in duplicates.likely_duplicates(limit=100_000)}  # all, down to the threshold
    everything_ms = (time.perf_counter() - started) * 1000
    recall = {kind: {"planted": len(pairs), "found": sum(frozenset(pair) in everything for pair in pairs)}
              for kind, pairs in planted.items()}
    return {
        "find_pairs": percentiles(query_ms),
        "admin_page_nothing_cached": percentiles(page_ms["nothing_cached"]),
        "admin_page_after_a_change": percentiles(page_ms["after_a_change"]),
        "admin_page_unchanged": percentiles(page_ms["unchanged"]),
        "explain_analyze": {"prepare_trigrams_ms": round(prepare_ms, 1), **plans},
        "every_pair_ms": round(everything_ms, 1),
        "pairs_found_all": len(everything),
        "pairs_by_reason": {reason: list(everything.values()).count(reason) for reason in set(everything.values())},
        "planted_recall": recall or "not measured (--keep reused actors generated before)",
        "page_under_goal": {case: percentiles(samples)["p95_ms"] < GOAL_MS for case, samples in page_ms.items()},
    }


if __name__ == "__main__":
    main()
