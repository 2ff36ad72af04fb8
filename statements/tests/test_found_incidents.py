"""Incidents the gazetteer lacks, found in articles (statements/extraction/found_incidents.py), created
unreviewed at import (statements/ingest/quotes.py) and reused by the next article about them."""

import datetime

import pytest

from actors.models import ReviewStatus
from statements.dates import PartialDate
from statements.extraction import Gazetteer, extract
from statements.ingest.quotes import article_analyse
from statements.models import Incident

GAZETTEER = Gazetteer.from_entries(
    actors=[{"name": "Costa Rica", "kind": "state", "country": "CR", "aliases": {}},
            {"name": "Conti", "kind": "group", "aliases": {}}],
    incidents=[{"name": "Conti attack on Costa Rica", "kind": "ransomware", "start": "2022-04-17",
                "victims": ["Costa Rica"], "aliases": {"fr": ["cyberattaque contre le Costa Rica"]}}],
)

HOSPITAL = (
    "La cyberattaque contre l'hôpital de Montauban, survenue le 3 décembre, a paralysé les urgences.\n\n"
    "« Nous sommes revenus au papier et au crayon », a déclaré le directeur de l'établissement, Jean Dupont.\n\n"
    "Les patients les plus graves ont été transférés vers d'autres hôpitaux."
)
HOSPITAL_AGAIN = (
    "Une semaine après l'attaque de l'hôpital de Montauban, les urgences rouvrent peu à peu.\n\n"
    "« Il faudra des semaines pour tout reconstruire », a déclaré Marie Martin, infirmière."
)


def found(text, language="fr", published="2022-12-05"):
    return extract(text, gazetteer=GAZETTEER, published=PartialDate.parse(published), language=language)


def test_an_attack_on_a_victim_the_gazetteer_lacks_is_an_incident_with_the_date_its_sentence_states():
    result = found(HOSPITAL)
    [incident] = result.new_incidents
    assert incident.name == "Cyberattaque contre l'hôpital de Montauban"
    assert incident.date == PartialDate(datetime.date(2022, 12, 3), "day")
    assert result.quotes[0].incidents == [incident.name]


def test_an_attack_dated_only_by_a_weekday_takes_the_month_of_the_article():
    [incident] = found("Lundi, le piratage de la mairie de Sartrouville a bloqué l'état civil.").new_incidents
    assert incident.date == PartialDate(datetime.date(2022, 12, 1), "month")


def test_one_victim_named_in_two_ways_is_one_incident():
    text = ("The ransomware attack on the hospital in Springfield has lasted a week. The Springfield hospital attack "
            "is the worst the state has seen.")
    names = [incident.name for incident in found(text, language="en").new_incidents]
    assert names == ["Ransomware attack on the hospital in Springfield"]


def test_an_attack_that_crippled_its_victim_names_it_as_one_on_it_does():
    [french] = found("La cyberattaque qui a paralysé l'hôpital de Dax a duré des semaines.").new_incidents
    assert french.victim == "hôpital de Dax"
    [english] = found("The ransomware attack that crippled the city of Baltimore cost millions.",
                      language="en").new_incidents
    assert (english.victim, english.kind) == ("city of Baltimore", "ransomware")


def test_where_a_victim_is_is_not_part_of_its_name():
    [incident] = found("The intrusion at Bowman Avenue Dam in Rye Brook went unnoticed.", language="en").new_incidents
    assert (incident.name, incident.victim) == ("Intrusion at Bowman Avenue Dam", "Bowman Avenue Dam")
    [of_city] = found("The breach of University of Maryland servers was worse.", language="en").new_incidents
    assert of_city.victim == "University of Maryland"  # "of" belongs to names


def test_an_incident_named_before_its_attack_word_is_named_from_its_victim_to_that_word():
    names = [incident.name for incident in found("The Springfield hospital attack has lasted a week.",
                                                  language="en").new_incidents]
    assert names == ["Springfield hospital attack"]


def test_no_incident_from_a_bare_word_a_known_actor_a_date_or_whose_hackers_they_were():
    text = ("L'attaque a surpris tout le monde. L'attaque contre le Costa Rica continue. L'attaque de Conti aussi. "
            "Une attaque de grande ampleur. L'attaque de Mars.")
    assert found(text).new_incidents == []
    english = found("The attack on Monday, a Russian hack: the attack on the Irish State. A breach of U.S. "
                    "government computers.", language="en")
    assert english.new_incidents == []


def test_an_incident_the_gazetteer_names_is_not_found_again():
    result = found("La cyberattaque contre le Costa Rica paralyse le pays.", published="2022-05-09")
    assert result.new_incidents == [] and "Conti attack on Costa Rica" in result.incidents


@pytest.mark.django_db
def test_an_imported_article_creates_one_unreviewed_incident_that_the_next_article_reuses(make_article, settings):
    from statements.gazetteer_loading import gazetteer_load

    gazetteer_load(directory=settings.GAZETTEER_DIR)
    reference = {incident.pk: (incident.name, incident.start_date, incident.review_status)
                 for incident in Incident.objects.all()}
    first = make_article(HOSPITAL, published_date=datetime.date(2022, 12, 5))
    [quote] = article_analyse(first)
    incident = Incident.objects.exclude(pk__in=reference).get()
    assert (incident.name, incident.review_status) == ("Cyberattaque contre l'hôpital de Montauban",
                                                       ReviewStatus.UNREVIEWED)
    assert (incident.start_date, incident.start_precision, incident.found_in) == (datetime.date(2022, 12, 3), "day",
                                                                                  first)
    assert list(quote.incidents.all()) == [incident]

    second = make_article(HOSPITAL_AGAIN, published_date=datetime.date(2022, 12, 10))
    [later] = article_analyse(second)
    assert list(later.incidents.all()) == [incident]  # the same victim: the same incident, not a second one
    assert Incident.objects.exclude(pk__in=reference).count() == 1
    assert {incident.pk: (incident.name, incident.start_date, incident.review_status)
            for incident in Incident.objects.filter(pk__in=reference)} == reference


@pytest.mark.django_db
def test_an_unreviewed_incident_says_so_on_its_page_and_curators_filter_on_it(make_article, client, admin_client):
    article = make_article(HOSPITAL, published_date=datetime.date(2022, 12, 5))
    article_analyse(article, gazetteer=GAZETTEER)
    incident = Incident.objects.get(review_status=ReviewStatus.UNREVIEWED)
    page = client.get(incident.get_absolute_url()).content.decode()
    assert "Unreviewed" in page and article.get_absolute_url() in page
    listing = admin_client.get("/admin/statements/incident/?review_status__exact=unreviewed").content.decode()
    assert incident.name.replace("'", "&#x27;") in listing
    Incident.objects.filter(pk=incident.pk).update(review_status=ReviewStatus.REVIEWED)
    assert "Unreviewed" not in client.get(incident.get_absolute_url()).content.decode()


def test_a_victim_named_before_what_it_suffered_is_an_incident_named_from_the_attack_word():
    [english] = found("Acme Corp was hit by a ransomware attack last week.", language="en").new_incidents
    assert (english.name, english.victim, english.kind) == ("Ransomware attack on Acme Corp", "Acme Corp", "ransomware")
    [dated] = found("The Springfield hospital was hit by a cyberattack on 3 December.", language="en").new_incidents
    assert (dated.name, dated.victim) == ("Cyberattack on the Springfield hospital", "Springfield hospital")
    assert dated.date == PartialDate(datetime.date(2022, 12, 3), "day")
    assert found("It was hit by a ransomware attack.", language="en").new_incidents == []  # a pronoun is no name
    [whose] = found("Le piratage dont a été victime Acme Industries a duré.").new_incidents
    assert whose.victim == "Acme Industries"


def test_a_victim_is_the_whole_subject_not_the_tail_of_a_longer_phrase():
    text = "The head of the Springfield police said the city of Baltimore was hit by a cyberattack."
    assert found(text, language="en").new_incidents == []


def test_a_word_of_nationality_before_a_common_noun_is_no_victim():
    assert found("The cyberattack on Georgian websites was condemned.", language="en").new_incidents == []


WITH_A_HOSPITAL = Gazetteer.from_entries(
    incidents=[{"name": "Düsseldorf University Hospital attack", "kind": "ransomware", "start": "2020-09-10",
                "victims": ["Düsseldorf University Hospital"]},
               {"name": "Düsseldorf city hall attack", "kind": "ransomware", "start": "2020-06-01",
                "victims": ["City of Düsseldorf"]}],
)


@pytest.mark.parametrize("text, language", [
    ("Allemagne : une patiente meurt après une cyberattaque contre un hôpital de Düsseldorf\n\n"
     "Une patiente n'a pas pu être admise. « Nous avons dû fermer les urgences », a déclaré le directeur.", "fr"),
    ("Patient dies after a ransomware attack on a hospital in Düsseldorf\n\n"
     "Emergency care was closed. \"We had to close the emergency room,\" the director said.", "en"),
])
def test_a_victim_named_by_its_kind_and_place_is_the_gazetteers_incident_of_that_victim(text, language):
    result = extract(text, gazetteer=WITH_A_HOSPITAL, published=PartialDate.parse("2020-09-18"), language=language)
    assert result.new_incidents == []
    assert result.quotes[0].incidents == ["Düsseldorf University Hospital attack"]


def test_a_victim_of_another_kind_in_the_same_place_is_not_that_incident():
    text = "La cyberattaque contre l'aéroport de Düsseldorf a bloqué les vols lundi."
    result = extract(text, gazetteer=WITH_A_HOSPITAL, published=PartialDate.parse("2020-09-18"), language="fr")
    assert [incident.name for incident in result.new_incidents] == ["Cyberattaque contre l'aéroport de Düsseldorf"]
