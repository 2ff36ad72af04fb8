"""Quote search against real PostgreSQL: relevance, filters, page, exports."""

import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import Actor, Alias, ReviewStatus
from statements.dates import DatePrecision
from statements.models import Incident, Quote, Topic
from statements.search import SearchQueryError, search_quotes
from statements.search.languages import CONFIGURATIONS, FALLBACK
from statements.search.query import Alternative, lexemes_in_no_quote, needs_unheld_lexeme, read_alternatives

HOSTILE = '<script>alert("x")</script> rançongiciel <img src=x onerror=alert(1)>'


@pytest.fixture
def macron(db):
    actor = Actor.objects.create(name="Emmanuel Macron", slug="emmanuel-macron", kind="person", country="FR",
                                 review_status=ReviewStatus.REVIEWED)
    Alias.objects.create(actor=actor, name="Macron", language="")
    return actor


@pytest.fixture
def corpus(make_article, putin, biden, macron):
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware")
    solarwinds = Incident.objects.create(name="SolarWinds", slug="solarwinds", kind="espionage")
    ransomware = Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    rows = {
        "putin_denial": dict(
            text="La Russie n'a rien à voir avec les attaques de rançongiciels contre les entreprises américaines.",
            language="fr", speaker=putin, statement_date="2021-07-09", claim_type="denial", kind="direct",
            incidents=[kaseya], topics=[ransomware]),
        "biden_accountable": dict(
            text="We will hold Russia accountable for ransomware attacks launched from its territory.",
            language="en", speaker=biden, statement_date="2021-07-10", claim_type="warning", kind="direct",
            incidents=[kaseya]),
        "macron_hospitals": dict(
            text="Une cyberattaque contre nos hôpitaux est une attaque contre la Nation tout entière.",
            language="fr", speaker=macron, statement_date="2021-02-16", claim_type="assessment", kind="direct"),
        "biden_infrastructure": dict(
            text="Critical infrastructure should be off limits to attack, period.",
            language="en", speaker=biden, statement_date="2021-06-16", claim_type="demand", kind="partial"),
        "putin_extradition": dict(
            text="Nous sommes prêts à discuter de l'extradition des cybercriminels sur une base réciproque.",
            language="fr", speaker=putin, statement_date="2021-06-13", claim_type="commitment", kind="indirect"),
        "biden_sanctions": dict(
            text="The United States will impose sanctions on those responsible for the SolarWinds espionage campaign.",
            language="en", speaker=biden, statement_date="2021-04-15", claim_type="warning", kind="readout",
            incidents=[solarwinds]),
        "quai_interference": dict(
            text="La France condamne l'ingérence électorale et l'espionnage visant ses infrastructures essentielles.",
            language="fr", speaker=None, speaker_as_written="un porte-parole du Quai d'Orsay",
            statement_date="2020-12-01", statement_precision="month", claim_type="accusation", kind="direct"),
        "bundestag": dict(
            text="Die Bundesregierung verurteilt den Cyberangriff auf den Bundestag.",
            language="de", speaker=None, speaker_as_written="Regierungssprecher", statement_date="2020-05-13",
            kind="direct"),
        "putin_hacking": dict(
            text="Russia has never been involved in hacking elections in other countries.",
            language="en", speaker=putin, statement_date="2018-07-16", claim_type="denial", kind="direct"),
    }
    quotes = {}
    for key, fields in rows.items():
        incidents, topics = fields.pop("incidents", []), fields.pop("topics", [])
        article = make_article(f"« {fields['text']} »", publisher=f"Agence {key}", language=fields["language"])
        quote = Quote.objects.create(article=article, start=2, end=2 + len(fields["text"]), **fields)
        quote.incidents.set(incidents)
        quote.topics.set(topics)
        quotes[key] = quote
    return quotes


def keys(result, corpus):
    by_pk = {quote.pk: key for key, quote in corpus.items()}
    return [by_pk[pk] for pk in [quote.pk for quote in result.quotes()]]


RELEVANCE = [
    # accents and stems
    ("rancongiciel", "putin_denial"),
    ("RANÇONGICIELS", "putin_denial"),
    ("attaques rançongiciel", "putin_denial"),
    ("attaque hopitaux", "macron_hospitals"),
    ("ingerence electorale", "quai_interference"),
    # across languages, through the glossary
    ("ransomware lang:fr", "putin_denial"),
    ("cyberattack", "macron_hospitals"),
    ("cyberattacks hospitals", "macron_hospitals"),
    ("critical infrastructure lang:fr", "quai_interference"),
    ("election interference", "quai_interference"),
    ("espionage lang:fr", "quai_interference"),
    ("extradition cybercriminal", "putin_extradition"),
    ("cyberangriff", "bundestag"),
    # speakers, also misspelled, also as bare words
    ("speaker:Poutin", "putin_denial"),
    ("speaker:Putine extradition", "putin_extradition"),
    ('speaker:"Joe Biden" sanctions', "biden_sanctions"),
    ("speaker:poutine date:..2019", "putin_hacking"),
    ("Poutin extradition", "putin_extradition"),
    ("Biden sanctions", "biden_sanctions"),
    ("joe biden limits", "biden_infrastructure"),
    ("speaker:orsay", "quai_interference"),
    # phrase, OR, exclusion
    ('"hold Russia accountable"', "biden_accountable"),
    ("solarwinds OR kaseya espionage", "biden_sanctions"),
    ("sanctions OR extradition -cybercriminels", "biden_sanctions"),
    ("ransomware -accountable", "putin_denial"),
    # fields
    ("incident:Kaseya lang:en", "biden_accountable"),
    ("incident:kaseya", "biden_accountable"),
    ("topic:ransomware", "putin_denial"),
    ("topic:Rançongiciels", "putin_denial"),
    ("claim:denial", "putin_denial"),
    ("claim:denial russia", "putin_hacking"),
    ("lang:de", "bundestag"),
    ("kind:readout", "biden_sanctions"),
    ("kind:indirect", "putin_extradition"),
    ("actor:Macron", "macron_hospitals"),
    ("-speaker:Biden lang:en", "putin_hacking"),
    # dates: a day, a month, a year, open ranges, partial dates overlapping
    ("date:2018", "putin_hacking"),
    ("date:2021-06..2021-06", "biden_infrastructure"),
    ("date:2021-06-13", "putin_extradition"),
    ("date:..2020-06", "bundestag"),
    ("date:2020-12-15", "quai_interference"),
    ("date:2021-07..", "biden_accountable"),
    ("date:2021-01..2021-03 attaque", "macron_hospitals"),
]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_relevance(corpus, query, expected):
    found = keys(search_quotes(query), corpus)
    assert found, f"{query!r} found nothing"
    assert found[0] == expected, f"{query!r} → {found}"


@pytest.mark.parametrize(("query", "expected"), [
    ("ransomware", {"putin_denial", "biden_accountable"}),
    ("extradition OR sanctions", {"putin_extradition", "biden_sanctions"}),
    ("speaker:Putine", {"putin_denial", "putin_extradition", "putin_hacking"}),
    ("date:2021-06..2021-07", {"putin_denial", "biden_accountable", "biden_infrastructure", "putin_extradition"}),
    ("-ransomware -rançongiciel -attack lang:en", {"biden_sanctions", "putin_hacking"}),
    ('"accountable Russia hold"', set()),
    ("the", set()),
    ("rançongiciel zzqxw", set()),  # a word no quote holds still matches nothing
    ("zzqxw OR ransomware", {"putin_denial", "biden_accountable"}),
])
def test_matching_sets(corpus, query, expected):
    assert set(keys(search_quotes(query), corpus)) == expected


def test_readings_no_quote_holds_are_left_out_of_the_tsquery(corpus):
    """"cybercriminal" is also read as French ('cybercriminal') and through the glossary as English
    'cybercriminel': readings that index nothing here, and would only slow the search down."""
    readings = read_alternatives([Alternative("cybercriminal"), Alternative("cybercriminels")])
    every_reading = {text for texts in readings.values() for text in texts if text}
    unheld = lexemes_in_no_quote(every_reading)  # single words: each reading is one lexeme

    result = search_quotes("extradition cybercriminal")

    assert unheld and unheld < every_reading
    assert not any(lexeme in result.tsquery for lexeme in unheld)
    assert keys(result, corpus) == ["putin_extradition"]


def test_a_phrase_or_words_needing_a_lexeme_no_quote_holds_match_nothing():
    unheld = {"'interference'"}

    assert needs_unheld_lexeme("'election' & 'interference'", unheld)
    assert needs_unheld_lexeme("'ingerence' <-> 'dans' <2> 'interference'", unheld)
    assert not needs_unheld_lexeme("'election' | 'interference'", unheld)
    assert not needs_unheld_lexeme("'election' & !'interference'", unheld)
    assert not needs_unheld_lexeme("'election' & 'interfer'", unheld)
    assert needs_unheld_lexeme("'a|b' & 'interference'", unheld)  # a | inside a lexeme is text


def test_keyword_filters_mean_what_the_fields_mean(corpus):
    assert keys(search_quotes("", speaker="Poutin", lang="fr", sort="oldest"), corpus) == [
        "putin_extradition", "putin_denial"]
    assert keys(search_quotes("ransomware", incident=["kaseya"], claim="warning"), corpus) == ["biden_accountable"]
    assert keys(search_quotes(date_from="2021-06", date_to="2021-06"), corpus) == [
        "biden_infrastructure", "putin_extradition"]
    assert set(keys(search_quotes(kind="readout", topic=None), corpus)) == {"biden_sanctions"}


def test_rejected_quotes_are_never_found(corpus):
    Quote.objects.filter(pk=corpus["putin_denial"].pk).update(review_status=Quote.Review.REJECTED)
    assert "putin_denial" not in keys(search_quotes("rançongiciel"), corpus)


def test_vector_follows_edits_and_bulk_inserts(corpus, make_article):
    quote = corpus["bundestag"]
    quote.text = "Ein neuer Text über Desinformation."
    quote.save()
    assert keys(search_quotes("desinformation"), corpus) == ["bundestag"]
    article = make_article("x" * 200)
    Quote.objects.bulk_create([Quote(article=article, start=0, end=10, text="Un pirate informatique russe.",
                                     language="fr")])
    [new] = Quote.objects.filter(text__startswith="Un pirate")
    assert new.pk in [quote.pk for quote in search_quotes("hacker").quotes()]


@pytest.mark.parametrize("query", [
    "date:2021-13", "date:2021-02-30", "date:2022..2021", "date:..", "date:yesterday", "claim:gossip",
    "kind:rumour", "lang:français!", "speaker:", 'speaker:""', "-date:2021", "x" * 1001,
])
def test_bad_queries_are_reported(db, query):
    with pytest.raises(SearchQueryError) as error:
        search_quotes(query)
    assert str(error.value)


def test_bad_sort_and_dates_are_reported(db):
    with pytest.raises(SearchQueryError):
        search_quotes("x", sort="random")
    with pytest.raises(SearchQueryError):
        search_quotes("x", date_from="2022", date_to="2021")


def test_speaker_and_incident_facets_list_the_most_frequent_first_then_by_name(make_article, putin, biden, macron):
    incident = {letter: Incident.objects.create(name=f"Incident {letter}", slug=f"incident-{letter.lower()}",
                                                kind="ransomware") for letter in "LKJIHGFEDCBA"}
    article = make_article("x" * 2000)
    # K is about three quotes, J about two, every other incident about one; Biden says two, the others one each.
    about = ["KJABCD", "KJEFGH", "KIL", ""]
    for n, (speaker, letters) in enumerate(zip([putin, biden, macron, biden], about, strict=True)):
        quote = Quote.objects.create(article=article, start=n * 100, end=n * 100 + 50, language="fr",
                                     text=f"Le rançongiciel numéro {n}.", speaker=speaker)
        quote.incidents.set([incident[letter] for letter in letters])

    facets = search_quotes("rançongiciel").facets

    assert [(row["name"], row["count"]) for row in facets["speakers"]] == [
        ("Joe Biden", 2), ("Emmanuel Macron", 1), ("Vladimir Putin", 1)]
    assert facets["speakers"][0]["slug"] == biden.slug
    assert [(row["name"], row["count"]) for row in facets["incidents"]] == [
        ("Incident K", 3), ("Incident J", 2), *((f"Incident {letter}", 1) for letter in "ABCDEFGH")]
    assert facets["incidents"][0]["slug"] == "incident-k"


def test_unknown_fields_are_words(corpus):
    assert keys(search_quotes("solarwinds:espionage"), corpus) == ["biden_sanctions"]


def test_facets_count_the_whole_matching_set(corpus):
    facets = search_quotes("speaker:Poutine").facets
    assert facets["speakers"] == [{"id": corpus["putin_denial"].speaker_id, "name": "Vladimir Putin",
                                   "slug": "vladimir-putin", "count": 3}]
    assert {row["year"]: row["count"] for row in facets["years"]} == {2021: 2, 2018: 1}
    assert {row["code"]: row["count"] for row in facets["languages"]} == {"fr": 2, "en": 1}
    assert {row["code"]: row["count"] for row in facets["claims"]} == {"denial": 2, "commitment": 1}
    assert facets["incidents"][0]["slug"] == "kaseya"


def test_headlines_escape_the_text_and_mark_the_matches(corpus, make_article):
    article = make_article(HOSTILE)
    quote = Quote.objects.create(article=article, start=0, end=len(HOSTILE), text=HOSTILE, language="fr")
    result = search_quotes("rancongiciel -russie")
    [found] = result.quotes()
    assert found.pk == quote.pk
    assert "<script>" not in found.headline
    assert "&lt;script&gt;" in found.headline
    assert "<mark>rançongiciel</mark>" in found.headline
    result = search_quotes("attaques rançongiciel")
    assert "<mark>attaques</mark>" in result.quotes()[0].headline


def test_a_long_quote_is_shown_as_fragments_around_its_matches_and_a_short_one_whole(corpus, make_article):
    filler = "Les diplomates ont longuement discuté de la coopération économique entre les deux pays. " * 8
    long_text = f"{filler}Le rançongiciel a paralysé les hôpitaux. {filler}"
    short_text = "Ce rançongiciel visait une mairie."
    article = make_article(f"{long_text}\n\n{short_text}")
    long_quote = Quote.objects.create(article=article, start=0, end=len(long_text), text=long_text, language="fr")
    short_quote = Quote.objects.create(article=article, start=len(long_text) + 2,
                                       end=len(long_text) + 2 + len(short_text), text=short_text, language="fr")

    headlines = {quote.pk: quote.headline for quote in search_quotes("rançongiciel").quotes()}

    assert "<mark>rançongiciel</mark>" in headlines[long_quote.pk]
    assert len(headlines[long_quote.pk]) < len(long_text) / 2
    assert headlines[short_quote.pk] == "Ce <mark>rançongiciel</mark> visait une mairie."


def test_language_configurations_match_the_database(db):
    with connection.cursor() as cursor:
        for language, config in [*CONFIGURATIONS.items(), ("de", FALLBACK), ("", FALLBACK), ("fr-CA", "demarche_fr")]:
            cursor.execute("SELECT demarche_ts_config(%s)::text", [language])
            assert cursor.fetchone()[0] == config


# --- the page and the exports -------------------------------------------------------------------------


def test_search_page_renders_results_escaped(client, corpus, make_article, django_assert_max_num_queries):
    article = make_article(HOSTILE, publisher=HOSTILE)
    Quote.objects.create(article=article, start=0, end=len(HOSTILE), text=HOSTILE, language="fr",
                         speaker_as_written=HOSTILE)
    hostile_actor = Actor.objects.create(name=HOSTILE, slug="hostile", kind="person")
    Quote.objects.create(article=article, start=1, end=len(HOSTILE), text=HOSTILE, language='x"><b>',
                         speaker=hostile_actor)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("search"), {"q": "rançongiciel"})
    assert response.status_code == 200
    text = response.text
    assert "<script>alert" not in text and "<img src=x" not in text and '"><b>' not in text
    assert "&lt;script&gt;" in text
    assert corpus["putin_denial"].get_absolute_url() in text
    assert f'{corpus["putin_denial"].article.get_absolute_url()}#quote-{corpus["putin_denial"].pk}' in text
    assert "<mark>" in text
    assert "export.csv?q=" in text and "export.jsonl?q=" in text


def test_search_page_reads_its_results_in_as_many_queries_whatever_their_number(client, make_article, putin):
    def queries_for_a_page_of(count):
        Quote.objects.all().delete()
        for n in range(count):
            article = make_article("x" * 100, publisher=f"Agence {n}")
            Quote.objects.create(article=article, start=0, end=40, text=f"Les rançongiciels, numéro {n}.",
                                 language="fr", speaker=putin, statement_date=datetime.date(2021, 1, 1 + n),
                                 claim_type=Quote.Claim.DENIAL)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("search"), {"q": "rançongiciels"})
        assert response.text.count('class="quote"') == count
        assert "Agence 0" in response.text and putin.name in response.text
        return len(queries)

    client.get(reverse("search"))  # pages ask once a minute whether demo data is stored (statements/demo.py)
    assert queries_for_a_page_of(20) == queries_for_a_page_of(2)


def test_a_line_of_results_says_who_said_it_when_what_kind_of_claim_and_where(client, make_article, putin):
    article = make_article("x" * 100, publisher="Le Monde")
    by_putin = Quote.objects.create(
        article=article, start=0, end=40, text="Le rançongiciel ne vient pas de Russie.", language="fr",
        speaker=putin, statement_date=datetime.date(2021, 7, 1), statement_precision=DatePrecision.MONTH,
        claim_type=Quote.Claim.DENIAL)
    Quote.objects.create(article=article, start=50, end=90, text="Un rançongiciel a frappé la mairie.",
                         language="fr", speaker_as_written="un porte-parole")
    Quote.objects.create(article=article, start=0, end=30, text="Le rançongiciel était annoncé.", language="fr")

    page = client.get(reverse("search"), {"q": "rançongiciel", "sort": "date"}).text
    lines = page.split('<article class="quote"')[1:]

    assert len(lines) == 3
    by_putin_line = next(line for line in lines if f'id="result-{by_putin.pk}"' in line)
    words = "Le <mark>rançongiciel</mark> ne vient pas de Russie."
    assert f'<a href="{by_putin.get_absolute_url()}">{words}</a>' in by_putin_line
    assert f'<a href="{putin.get_absolute_url()}">Vladimir Putin</a>' in by_putin_line
    assert '<time datetime="2021-07-01">July 2021</time>' in by_putin_line
    assert "denial" in by_putin_line
    assert f'<a href="{article.get_absolute_url()}#quote-{by_putin.pk}">Le Monde</a>' in by_putin_line
    assert sum("un porte-parole" in line for line in lines) == 1
    assert sum("<em>unattributed</em>" in line for line in lines) == 1
    assert sum("<time" in line for line in lines) == 1  # a quote without a date shows none


def test_search_page_filters_facets_and_sort(client, corpus):
    response = client.get(reverse("search"), {"speaker": "Poutin", "sort": "oldest"})
    assert response.status_code == 200
    assert response.text.index("hacking elections") < response.text.index("extradition")
    assert "speaker=Vladimir+Putin" in response.text  # a facet link
    response = client.get(reverse("search"), {"q": "attaque", "sort": "oldest", "page": "1"})
    assert '<a href="?q=attaque&amp;sort=oldest&amp;language=fr">' in response.text  # keeps the search, page 1
    response = client.get(reverse("search"), {"q": "date:2021-13"})
    assert response.status_code == 400
    assert "not a valid date" in response.text
    assert client.get(reverse("search")).status_code == 200  # the empty form


def test_search_page_filter_fields_show_the_values_given_and_only_those(client, corpus):
    blank = client.get(reverse("search"), {"q": "attaque"}).text
    given = client.get(reverse("search"), {"q": "attaque", "speaker": "Poutine", "kind": "direct"}).text
    blank_again = client.get(reverse("search"), {"q": "sanctions"}).text
    client.cookies["django_language"] = "fr"
    french = client.get(reverse("search"), {"q": "attaque"}).text

    assert 'name="speaker" value="Poutine" data-autocomplete="/api/v1/actors/"' in given and "<details open>" in given
    assert '<option value="direct" selected>' in given
    for page in (blank, blank_again, french):
        assert 'name="speaker" data-autocomplete="/api/v1/actors/"' in page and 'value="Poutine"' not in page
        assert "<details>" in page and '<option value="direct" selected>' not in page
    assert "Kind of quote" in blank and "Genre de citation" in french


def test_search_page_paginates_by_20(client, make_article):
    article = make_article("y" * 10_000)
    Quote.objects.bulk_create([Quote(article=article, start=n * 10, end=n * 10 + 5, language="en",
                                     text=f"Sanctions statement number {n}.") for n in range(45)])
    response = client.get(reverse("search"), {"q": "sanctions", "page": 3})
    assert response.status_code == 200
    assert response.context["page_obj"].number == 3
    assert len(response.context["quotes"]) == 5


@pytest.mark.parametrize("query", ["ransomware", "speaker:Poutine", "date:2021", "lang:fr -russie", ""])
def test_exports_hold_exactly_the_matching_set(client, corpus, query):
    params = {"q": query} if query else {"lang": "en"}
    expected = search_quotes(query, **({} if query else {"lang": "en"})).count
    response = client.get(reverse("search-export-csv"), params)
    assert response.status_code == 200 and response.streaming
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert len(rows) == expected
    response = client.get(reverse("search-export-jsonl"), params)
    lines = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert len(lines) == expected
    assert all(line["url"].startswith("http://testserver/quotes/") for line in lines)


def test_export_reports_bad_queries(client, db):
    response = client.get(reverse("search-export-csv"), {"q": "claim:gossip"})
    assert response.status_code == 400
    assert "gossip" in response.text


def test_csv_export_defuses_formulas(client, make_article):
    article = make_article("=HYPERLINK(1) sanctions")
    Quote.objects.create(article=article, start=0, end=20, text="=HYPERLINK(1) sanctions", language="en")
    response = client.get(reverse("search-export-csv"), {"q": "sanctions"})
    [row] = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    assert row["text"] == "'=HYPERLINK(1) sanctions"
