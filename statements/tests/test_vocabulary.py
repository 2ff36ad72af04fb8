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


def test_q_finds_actors_by_alias_misspelling_or_start_of_a_name(client, putin, biden):
    assert suggested(client, "actors", "Poutine") == ["vladimir-putin"]
    assert suggested(client, "actors", "Putine") == ["vladimir-putin"]
    assert suggested(client, "actors", "vlad") == ["vladimir-putin"]
    assert suggested(client, "actors", "Путин") == ["vladimir-putin"]
    assert suggested(client, "actors", "zzzz") == []


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
