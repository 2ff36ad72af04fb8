"""One vocabulary of filter names, unknown parameters refused, and the filter boxes' autocomplete."""

import pytest

from statements.models import Event, EventAlias, Incident, IncidentAlias, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def kaseya(db):
    incident = Incident.objects.create(name="Kaseya VSA ransomware attack", slug="kaseya", kind="ransomware")
    IncidentAlias.objects.create(incident=incident, name="Kaseya", language="")
    return incident


@pytest.fixture
def geneva(db):
    event = Event.objects.create(name="Biden-Putin summit in Geneva", slug="geneva-summit-2021", kind="summit")
    EventAlias.objects.create(event=event, name="sommet de Genève", language="fr")
    return event


@pytest.fixture
def ransomware(db):
    return Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciel")


def suggested(client, endpoint, typed):
    response = client.get(f"/api/v1/{endpoint}/", {"q": typed, "page_size": 10})
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def test_q_finds_incidents_events_and_topics_with_a_name_and_a_slug(client, kaseya, geneva, ransomware):
    assert suggested(client, "incidents", "Kaseya") == ["kaseya"]
    assert suggested(client, "incidents", "Kaseia") == ["kaseya"]
    assert suggested(client, "incidents", "kas") == ["kaseya"]
    assert suggested(client, "events", "sommet de geneve") == ["geneva-summit-2021"]
    assert suggested(client, "events", "Genva summit") == ["geneva-summit-2021"]
    assert suggested(client, "topics", "rancongiciel") == ["ransomware"]
    assert suggested(client, "topics", "Ransomwere") == ["ransomware"]
    first = client.get("/api/v1/incidents/", {"q": "kas"}).json()["results"][0]
    assert (first["slug"], first["name"]) == ("kaseya", "Kaseya VSA ransomware attack")


@pytest.fixture
def putin_quote(make_article, putin, biden):
    from statements.models import Quote

    text = "« Nous n'avons reçu aucune demande », a déclaré Vladimir Poutine. « Agissez », a dit Joe Biden."
    article = make_article(text, published_date="2021-07-09")

    def quote(words, speaker):
        start = text.index(words)
        return Quote.objects.create(article=article, text=words, start=start, end=start + len(words), speaker=speaker,
                                    language="fr", statement_date="2021-07-09")

    return quote("Nous n'avons reçu aucune demande", putin), quote("Agissez", biden)


@pytest.mark.browser
def test_the_timeline_speaker_box_suggests_by_misspelling_and_filters_by_the_slug(live_server, page, putin_quote):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if "Content Security Policy" in message.text
            else None)
    page.goto(f"{live_server.url}/timeline/")
    box = page.locator("input[name=speaker]")
    assert box.get_attribute("role") == "combobox"
    box.press_sequentially("Putine", delay=30)
    option = page.get_by_role("option", name="Vladimir Putin")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Enter")  # chooses; the list closes and the box holds the slug
    assert box.input_value() == "vladimir-putin"
    assert box.get_attribute("aria-expanded") == "false"
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**speaker=vladimir-putin**")
    assert page.locator(".entry-quote").count() == 1
    assert "Nous n'avons reçu aucune demande" in page.locator(".entry-quote").inner_text()
    assert errors == []  # nothing refused by the CSP, no script error


# --- One vocabulary ----------------------------------------------------------------------------------------------

def test_the_filter_names_are_defined_once():
    from statements import vocabulary
    from statements.filters import QuoteFilter
    from statements.search.forms import SearchForm
    from statements.search.parser import FIELD_ALIASES, FIELDS

    assert set(QuoteFilter.base_filters) - {"review_status"} == set(vocabulary.FILTERS)
    assert set(SearchForm.base_fields) - {"q", "sort"} <= set(vocabulary.FILTERS)
    assert not set(vocabulary.ALIASES) & set(vocabulary.FILTERS)
    for canonical in ("claim_type", "language"):  # the box knows the URLs' names as aliases of its fields
        assert FIELD_ALIASES[canonical] in FIELDS


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"] if "id" in row)


def body(response) -> str:
    """A response's text, an empty feed's <updated> (the time of the request) aside."""
    import re

    content = b"".join(response.streaming_content) if response.streaming else response.content
    return re.sub(r"<updated>[^<]*</updated>", "", content.decode())


@pytest.mark.parametrize(("canonical", "alias", "value"), [
    ("claim_type", "claim", "denial"), ("language", "lang", "fr"),
    ("date_after", "date_from", "2021-07"), ("date_before", "date_to", "2021-06"),
])
def test_every_endpoint_takes_the_old_names_as_aliases(client, putin_quote, canonical, alias, value):
    denial, demand = putin_quote
    Quote = type(denial)
    Quote.objects.filter(pk=denial.pk).update(claim_type="denial")
    for path in ("/api/v1/quotes/", "/api/v1/search/", "/api/v1/timeline/"):
        assert ids(client.get(path, {alias: value})) == ids(client.get(path, {canonical: value})), path
    for path in ("/api/v1/quotes/export.csv", "/search/export.csv", "/search/feed/"):
        by_alias, by_name = client.get(path, {alias: value}), client.get(path, {canonical: value})
        assert by_alias.status_code == by_name.status_code == 200
        assert body(by_alias) == body(by_name), path
    for path in ("/timeline/", "/search/"):
        by_alias, by_name = client.get(path, {alias: value}), client.get(path, {canonical: value})
        assert by_alias.status_code == by_name.status_code == 200


def test_the_search_box_takes_the_urls_names_too(client, putin_quote):
    denial, _ = putin_quote
    type(denial).objects.filter(pk=denial.pk).update(claim_type="denial")
    for query in ("claim:denial", "claim_type:denial", "type:denial"):
        assert ids(client.get("/api/v1/search/", {"q": query})) == [denial.pk], query
    assert len(ids(client.get("/api/v1/search/", {"q": "language:fr"}))) == 2


def test_search_facets_link_with_the_canonical_names(client, putin_quote):
    text = client.get("/search/", {"lang": "fr"}).text
    assert 'href="?language=fr' in text and 'href="?lang=' not in text
    assert "date_after=2021&amp;date_before=2021" in text


@pytest.mark.parametrize("params", [
    {"claim_type": "nonsense"}, {"kind": "sideways"}, {"date_after": "2021-13"}, {"sort": "sideways"},
    {"speaker": "x" * 201},
])
def test_the_search_page_and_api_refuse_the_same_things(client, putin_quote, params):
    page = client.get("/search/", params)
    api = client.get("/api/v1/search/", params)
    assert (page.status_code, api.status_code) == (400, 400)
    name = next(iter(params))
    assert name in api.json()["error"]["fields"]


def test_the_search_page_and_api_accept_repeated_filters(client, putin_quote, biden):
    both = {"speaker": ["vladimir-putin", "joe-biden"]}
    assert len(ids(client.get("/api/v1/search/", both))) == 2
    assert client.get("/search/", both).context["result"].count == 2


# --- Unknown parameters ------------------------------------------------------------------------------------------

def api_list_paths() -> list[str]:
    """Every API address that takes no argument, from the URL conf (lists, exports, statistics, search...)."""
    from django.urls import URLPattern, get_resolver

    def walk(patterns, prefix=""):
        for pattern in patterns:
            if isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)
            else:
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))

    paths = []
    for route in walk(get_resolver().url_patterns):
        plain = route.replace("^", "").replace("$", "").replace("\\.", ".")
        if plain.startswith("api/v1/") and "(" not in plain and "<" not in plain and ".*" not in plain:
            paths.append("/" + plain)
    return sorted(set(paths))


def test_the_probe_walks_every_api_list():
    paths = api_list_paths()
    for expected in ("/api/v1/", "/api/v1/actors/", "/api/v1/quotes/", "/api/v1/quotes/export.csv",
                     "/api/v1/incidents/", "/api/v1/events/", "/api/v1/topics/", "/api/v1/imports/",
                     "/api/v1/search/", "/api/v1/timeline/", "/api/v1/stats/monthly/"):
        assert expected in paths


def test_every_api_endpoint_answers_an_unknown_parameter_with_a_400_naming_it(staff_client, putin_quote):
    refused = {}
    for path in api_list_paths():
        response = staff_client.get(path, {"bogus": "1"})
        body = response.json() if response.status_code == 400 else {}
        if not (response.status_code == 400 and "bogus" in body["error"]["fields"]
                and "bogus" in body["error"]["message"]):
            refused[path] = response.status_code
    assert refused == {}  # the addresses that took ?bogus=1


def test_a_detail_endpoint_refuses_an_unknown_parameter_too(client, putin_quote):
    response = client.get(f"/api/v1/quotes/{putin_quote[0].pk}/", {"expnad": "speaker"})
    assert response.status_code == 400
    assert "expnad" in response.json()["error"]["message"]
    assert client.get(f"/api/v1/quotes/{putin_quote[0].pk}/", {"expand": "speaker"}).status_code == 200


@pytest.mark.parametrize("path", ["/timeline/", "/timeline/overview/", "/timeline/compare/", "/search/",
                                  "/incidents/", "/events/"])
def test_a_page_with_filters_shows_an_unknown_parameter_in_its_form_with_a_400(client, putin_quote, path):
    response = client.get(path, {"bogus": "1", "speaker": "vladimir-putin"} if "incidents" not in path
                          and "events" not in path else {"bogus": "1"})
    assert response.status_code == 400
    assert "unknown parameter “bogus”" in response.text
    assert 'role="alert"' in response.text  # in the page's styled error box


@pytest.mark.parametrize("path", ["/search/export.csv", "/search/export.jsonl", "/search/feed/"])
def test_the_search_exports_and_feed_refuse_an_unknown_parameter(client, putin_quote, path):
    response = client.get(path, {"q": "demande", "bogus": "1"})
    assert response.status_code == 400
    assert "bogus" in response.content.decode()


def test_campaign_tags_and_paging_are_taken_everywhere(client, putin_quote):
    tags = {"utm_source": "newsletter", "utm_campaign": "july"}
    for path in ("/timeline/", "/search/", "/api/v1/quotes/", "/api/v1/search/", "/api/v1/actors/"):
        assert client.get(path, tags).status_code == 200, path
    assert client.get("/api/v1/actors/", {"page": 1, "page_size": 5, "ordering": "name"}).status_code == 200


def test_compare_takes_actors_by_name_or_misspelling_and_names_an_unknown_one(client, putin_quote, putin, biden):
    response = client.get("/timeline/compare/", {"a": "Biden", "b": "Putine"})
    assert response.status_code == 200
    assert [actor for actor, _entries in response.context["columns"]] == [biden, putin]
    assert 'name="a" value="Biden" data-autocomplete="/api/v1/actors/"' in response.text
    response = client.get("/timeline/compare/", {"a": "zq-nobody-xw", "b": "joe-biden"})
    assert response.status_code == 400
    assert "zq-nobody-xw" in response.text
