"""Merging two incidents that are one: everything moves to the one kept and the old addresses answer 301."""

import pytest

from actors.merging import actors_merge
from actors.models import Actor
from statements.merging import incidents_merge
from statements.models import AttributionClaim, Event, Incident, IncidentAlias, IncidentRedirect, Quote


@pytest.fixture
def revil(db):
    return Actor.objects.create(name="REvil", slug="revil", kind="group")


@pytest.fixture
def kaseya(db):
    return Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware")


@pytest.fixture
def duplicate(db):
    """The same attack, created again under another name, with what the kept one lacks."""
    incident = Incident.objects.create(name="Kaseya VSA attack", slug="kaseya-vsa-attack",
                                       summary="A supply-chain ransomware attack.", start_date="2021-07-02",
                                       start_precision="day")
    IncidentAlias.objects.create(incident=incident, name="REvil Kaseya", language="en")
    IncidentAlias.objects.create(incident=incident, name="attaque Kaseya", language="fr")
    return incident


def _quote(make_article, incident, speaker=None, words="Nous agirons"):
    article = make_article(f"« {words} », a déclaré Joe Biden.")
    quote = Quote.objects.create(article=article, text=words, start=2, end=2 + len(words), language="fr",
                                 speaker=speaker, statement_date="2021-07-09")
    quote.incidents.add(incident)
    return quote


def test_merging_moves_quotes_claims_events_victims_and_names_to_the_kept_incident(
        kaseya, duplicate, revil, biden, make_article):
    quote = _quote(make_article, duplicate)
    both = _quote(make_article, duplicate)
    both.incidents.add(kaseya)
    call = Event.objects.create(name="Biden-Putin call", slug="biden-putin-call")
    call.incidents.add(duplicate)
    victim = Actor.objects.create(name="Coop", slug="coop", kind="company")
    duplicate.victims.add(victim)
    AttributionClaim.objects.create(incident=kaseya, claimant=biden, attributed_to=revil, claimed_date="2021-07-06")
    AttributionClaim.objects.create(incident=duplicate, claimant=biden, attributed_to=revil,
                                    claimed_date="2021-07-06")  # the same claim twice: kept once
    denial = AttributionClaim.objects.create(incident=duplicate, claimant=revil, attributed_to=revil,
                                             stance="denial")

    incidents_merge(keep=kaseya, merge=duplicate)

    assert not Incident.objects.filter(pk=duplicate.pk).exists()
    assert list(quote.incidents.all()) == [kaseya]
    assert list(both.incidents.all()) == [kaseya]
    assert list(call.incidents.all()) == [kaseya]
    assert list(kaseya.victims.all()) == [victim]
    assert set(kaseya.attributions.values_list("stance", flat=True)) == {"attribution", "denial"}
    assert kaseya.attributions.count() == 2 and AttributionClaim.objects.get(pk=denial.pk).incident == kaseya
    assert set(kaseya.aliases.values_list("name", "language")) == {
        ("Kaseya VSA attack", ""), ("REvil Kaseya", "en"), ("attaque Kaseya", "fr")}
    kaseya.refresh_from_db()
    assert (kaseya.name, kaseya.kind) == ("Kaseya", "ransomware")  # what the kept one says stays
    assert kaseya.summary == "A supply-chain ransomware attack."  # what it lacked is taken from the merged one
    assert str(kaseya.start) == "2021-07-02"


def test_an_incident_cannot_be_merged_into_itself(kaseya):
    with pytest.raises(ValueError):
        incidents_merge(keep=kaseya, merge=kaseya)


def test_a_merged_incidents_old_slug_answers_301_on_the_page_the_feed_and_the_api(client, kaseya, duplicate):
    older = Incident.objects.create(name="Kaseya hack", slug="kaseya-hack")
    incidents_merge(keep=duplicate, merge=older)
    incidents_merge(keep=kaseya, merge=duplicate)  # a slug that led to the merged one now leads to the one kept
    assert set(IncidentRedirect.objects.values_list("old_slug", "incident")) == {
        ("kaseya-hack", kaseya.pk), ("kaseya-vsa-attack", kaseya.pk)}
    for old in ("kaseya-vsa-attack", "kaseya-hack"):
        for path, kept in ((f"/incidents/{old}/", "/incidents/kaseya/"),
                           (f"/incidents/{old}/feed/", "/incidents/kaseya/feed/"),
                           (f"/api/v1/incidents/{old}/?format=json", "/api/v1/incidents/kaseya/?format=json")):
            response = client.get(path)
            assert (response.status_code, response["Location"]) == (301, kept), path
            assert client.get(kept).status_code == 200
    assert client.get("/incidents/no-such-incident/").status_code == 404


def test_filters_given_a_merged_slug_filter_by_the_one_kept(client, kaseya, putin, make_article):
    # Slugs unlike any name, as an import may make them: no name resolution can find these.
    duplicate = Incident.objects.create(name="Kaseya VSA attack", slug="incident-17")
    old_putin = Actor.objects.create(name="V. V. Putin", slug="actor-4711", kind="person")
    quote = _quote(make_article, duplicate, speaker=old_putin)
    _quote(make_article, Incident.objects.create(name="SolarWinds", slug="solarwinds"), words="Autre chose")
    incidents_merge(keep=kaseya, merge=duplicate)
    actors_merge(keep=putin, merge=old_putin)

    for query in ("incident=incident-17", "speaker=actor-4711", "incident=incident-17&speaker=actor-4711"):
        rows = client.get(f"/api/v1/quotes/?{query}").json()["results"]
        assert [row["id"] for row in rows] == [quote.pk], query
    page = client.get("/timeline/?incident=incident-17").text
    assert "Nous agirons" in page and "Autre chose" not in page
    for query in ("incident:incident-17", "speaker:actor-4711"):  # the search box's language
        rows = client.get("/api/v1/search/", {"q": query}).json()["results"]
        assert [row["id"] for row in rows] == [quote.pk], query


def test_the_admin_action_asks_which_to_keep_then_merges(staff_client, kaseya, duplicate):
    selected = {"action": "merge_incidents", "_selected_action": [kaseya.pk, duplicate.pk]}
    confirmation = staff_client.post("/admin/statements/incident/", selected)
    assert confirmation.status_code == 200
    assert "Kaseya VSA attack" in confirmation.text and 'name="keep"' in confirmation.text
    assert Incident.objects.count() == 2

    response = staff_client.post("/admin/statements/incident/", {**selected, "keep": kaseya.pk})
    assert response.status_code == 302 and response["Location"] == f"/admin/statements/incident/{kaseya.pk}/change/"
    assert list(Incident.objects.all()) == [kaseya]
    assert staff_client.get("/incidents/kaseya-vsa-attack/").status_code == 301
