"""/api/v1/actors/: lookup by slug, aliases and roles, name search, conditional GET, staff merge."""

import pytest
from django.core.cache import cache
from django.utils.http import http_date
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from actors.models import Actor, Affiliation, Alias
from statements.models import Quote

API = "/api/v1/actors"


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


def client_for(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def staff_api(staff_user):
    return client_for(staff_user)


@pytest.fixture
def token_client(django_user_model):
    return client_for(django_user_model.objects.create_user("reader"))


@pytest.fixture
def actors(putin, biden):
    russia = Actor.objects.create(name="Russie", slug="russia", kind="state", country="RU")
    Affiliation.objects.create(actor=putin, title="Prime Minister", organisation=russia, start_date="1999-08-01",
                               start_precision="month", end_date="2000-01-01", end_precision="year")
    Actor.objects.create(name="Sergueï Lavrov", slug="sergey-lavrov", kind="person", country="RU")
    return {"putin": putin, "biden": biden, "russia": russia}


def slugs(response):
    assert response.status_code == 200, response.content
    return [row["slug"] for row in response.json()["results"]]


def test_actor_detail_has_aliases_and_dated_roles(api, actors):
    row = api.get(f"{API}/vladimir-putin/").json()
    assert row["name"] == "Vladimir Putin" and row["kind"] == "person" and row["country"] == "RU"
    assert row["url"] == "http://testserver/api/v1/actors/vladimir-putin/"
    assert {"name": "Poutine", "language": "fr"} in row["aliases"]
    assert {"name": "Путин", "language": "ru"} in row["aliases"]
    roles = {role["title"]: role for role in row["affiliations"]}
    prime = roles["Prime Minister"]
    assert (prime["start_date"], prime["start_precision"], prime["end_date"], prime["end_precision"]) == (
        "1999-08", "month", "2000", "year")
    assert prime["organisation"]["slug"] == "russia"
    president = roles["President of Russia"]
    assert president["start_date"] == "2012-05-07" and president["end_date"] is None
    assert president["descriptors"]["fr"] == ["le président russe"]


@pytest.mark.parametrize(("params", "expected"), [
    ("", ["joe-biden", "russia", "sergey-lavrov", "vladimir-putin"]),
    ("name=poutine", ["vladimir-putin"]),
    ("name=POUTÏNE", ["vladimir-putin"]),
    ("name=путин", ["vladimir-putin"]),
    ("name=serguei", ["sergey-lavrov"]),
    ("name=biden", ["joe-biden"]),
    ("kind=state", ["russia"]),
    ("country=ru&kind=person", ["sergey-lavrov", "vladimir-putin"]),
    ("review_status=reviewed", ["joe-biden", "vladimir-putin"]),
    ("ordering=-name", ["vladimir-putin", "sergey-lavrov", "russia", "joe-biden"]),
])
def test_actor_filters(api, actors, params, expected):
    assert slugs(api.get(f"{API}/?{params}")) == expected


@pytest.mark.parametrize(("params", "field"), [
    ("kind=wizard", "kind"), ("review_status=done", "review_status"), ("page=x", "page"), ("page_size=0", "page_size"),
    ("ordering=wikidata_id", None),
])
def test_bad_actor_parameters(api, actors, params, field):
    response = api.get(f"{API}/?{params}")
    if field is None:  # DRF ignores an ordering it does not offer
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert field in response.json()["error"]["fields"]


def test_actor_list_query_count_is_bounded(api, actors, django_assert_max_num_queries):
    for n in range(30):
        actor = Actor.objects.create(name=f"Actor {n}", slug=f"actor-{n}")
        Alias.objects.create(actor=actor, name=f"Alias {n}", language="en")
    with django_assert_max_num_queries(5):
        assert len(slugs(api.get(f"{API}/?page_size=100"))) == 34


def test_unknown_actor_is_404_in_the_error_shape(api, db):
    response = api.get(f"{API}/nobody/")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_actor_detail_conditional_get(api, actors):
    url = f"{API}/joe-biden/"
    response = api.get(url)
    assert response["ETag"] and response["Last-Modified"]
    assert api.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304
    assert response["Last-Modified"] == http_date(int(actors["biden"].updated_at.timestamp()))
    Alias.objects.create(actor=actors["biden"], name="Joseph Biden", language="en")  # changes the payload only
    assert api.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 200
    # updated_at did not move with the new alias, so the date alone must not claim "not modified".
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 200


# --- Merge (staff) ----------------------------------------------------------------------------------------------------

@pytest.fixture
def duplicate(putin, make_article):
    actor = Actor.objects.create(name="V. Poutine", slug="v-poutine", kind="person")
    Alias.objects.create(actor=actor, name="Vladimir Vladimirovitch Poutine", language="fr")
    article = make_article("« Nous sommes prêts », a déclaré V. Poutine.")
    quote = Quote.objects.create(article=article, text="Nous sommes prêts", start=2, end=19, speaker=actor,
                                 language="fr")
    quote.mentioned_actors.add(actor)
    return actor, quote


def test_merge_permission_matrix(api, token_client, staff_api, putin, duplicate):
    actor, quote = duplicate
    url = f"{API}/vladimir-putin/merge/"
    response = api.post(url, {"merge": "v-poutine"}, format="json")
    assert response.status_code == 401 and response.json()["error"]["code"] == "not_authenticated"
    response = token_client.post(url, {"merge": "v-poutine"}, format="json")
    assert response.status_code == 403 and response.json()["error"]["code"] == "permission_denied"
    assert Actor.objects.filter(pk=actor.pk).exists()

    response = staff_api.post(url, {"merge": "v-poutine"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["slug"] == "vladimir-putin"
    assert {"name": "V. Poutine", "language": ""} in response.json()["aliases"]
    assert not Actor.objects.filter(pk=actor.pk).exists()
    quote.refresh_from_db()
    assert quote.speaker == putin and list(quote.mentioned_actors.all()) == [putin]


@pytest.mark.parametrize(("body", "status"), [
    ({"merge": "vladimir-putin"}, 400), ({"merge": "nobody"}, 400), ({}, 400),
])
def test_merge_rejects_bad_targets(staff_api, putin, body, status):
    response = staff_api.post(f"{API}/vladimir-putin/merge/", body, format="json")
    assert response.status_code == status
    assert "merge" in response.json()["error"]["fields"]
    assert Actor.objects.filter(slug="vladimir-putin").exists()


def test_merge_into_unknown_actor_is_404(staff_api, db):
    assert staff_api.post(f"{API}/nobody/merge/", {"merge": "x"}, format="json").status_code == 404


def test_actors_are_found_by_any_name_or_a_misspelling(client, putin, biden):
    for query in ("Putin", "Poutine", "Vladimir Putine", "путин"):
        response = client.get("/api/v1/actors/", {"q": query})
        assert [actor["slug"] for actor in response.json()["results"]] == [putin.slug], query
    assert client.get("/api/v1/actors/", {"q": "zzqx"}).json()["results"] == []


def test_the_autocomplete_finds_actors_by_the_start_of_a_name_too(client, putin, biden):
    for query in ("vlad", "Vladimir Pou", "bid"):
        response = client.get("/api/v1/actors/", {"q": query, "page_size": 10})
        assert [actor["slug"] for actor in response.json()["results"]] == [
            biden.slug if query == "bid" else putin.slug], query
    first = client.get("/api/v1/actors/", {"q": "Putine"}).json()["results"][0]
    assert (first["slug"], first["name"]) == ("vladimir-putin", "Vladimir Putin")  # what a suggestion shows


def test_an_unknown_parameter_is_a_400_naming_it(client, db):
    response = client.get("/api/v1/actors/", {"nmae": "Putin"})
    assert response.status_code == 400
    assert "nmae" in response.json()["error"]["fields"]
