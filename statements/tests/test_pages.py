import pytest
from django.urls import reverse

from statements.models import Event, ImportItem, ImportJob, Incident, Quote, Topic

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def hostile_quote(make_article, putin):
    text = f"Le président russe a déclaré : « {HOSTILE} » selon l'agence."
    start = text.index(HOSTILE)
    article = make_article(text, title=f"Titre {HOSTILE}", publisher=HOSTILE, published_date="2021-07-01",
                           published_precision="month")
    quote = Quote.objects.create(article=article, text=HOSTILE, start=start, end=start + len(HOSTILE),
                                 speaker=putin, speaker_as_written=HOSTILE, language="fr",
                                 statement_date="2021-07-01", statement_precision="month")
    incident = Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", summary=HOSTILE)
    topic = Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    quote.incidents.add(incident)
    quote.topics.add(topic)
    Event.objects.create(name="Geneva summit", slug="geneva-summit", kind="summit", description=HOSTILE)
    job = ImportJob.objects.create(origin=ImportJob.Origin.COMMAND, submitted="x")
    ImportItem.objects.create(job=job, name=HOSTILE, status=ImportItem.Status.FAILED, error=HOSTILE)
    return quote


def page_urls(quote):
    return [
        reverse("home"),
        reverse("article-list"),
        reverse("article-detail", args=[quote.article.pk]),
        reverse("quote-detail", args=[quote.pk]),
        reverse("incident-list"),
        reverse("incident-detail", args=["kaseya"]),
        reverse("event-detail", args=["geneva-summit"]),
        reverse("topic-detail", args=["ransomware"]),
        reverse("import-list"),
        reverse("actor-list"),
        reverse("actor-detail", args=[quote.speaker.slug]),
    ]


def test_every_page_escapes_imported_text(client, staff_user, hostile_quote, django_assert_max_num_queries):
    client.force_login(staff_user)  # staff see every page, the import list included
    for url in page_urls(hostile_quote):
        with django_assert_max_num_queries(15):
            response = client.get(url)
        assert response.status_code == 200, url
        assert "<script>alert" not in response.text, url
        assert "<img src=x" not in response.text, url


def test_partial_dates_are_shown_no_more_precisely_than_known(client, hostile_quote):
    response = client.get(reverse("quote-detail", args=[hostile_quote.pk]), headers={"accept-language": "fr"})
    assert "juillet 2021" in response.text
    assert "1 juillet 2021" not in response.text
    response = client.get(reverse("quote-detail", args=[hostile_quote.pk]), headers={"accept-language": "en"})
    assert "July 2021" in response.text


def test_article_page_highlights_each_quote_with_a_link(client, hostile_quote):
    response = client.get(reverse("article-detail", args=[hostile_quote.article.pk]))
    assert f'<mark id="quote-{hostile_quote.pk}"' in response.text
    assert hostile_quote.get_absolute_url() in response.text


def test_rejected_quote_has_no_page(client, hostile_quote):
    hostile_quote.review_status = Quote.Review.REJECTED
    hostile_quote.save()
    assert client.get(reverse("quote-detail", args=[hostile_quote.pk])).status_code == 404


def test_quote_page_shows_its_paragraph_and_how_to_cite_it(client, hostile_quote):
    response = client.get(reverse("quote-detail", args=[hostile_quote.pk]), headers={"accept-language": "en"})
    context = response.context
    before, words, after = context["paragraph"]
    assert words == hostile_quote.text and before.startswith("Le président russe")
    assert "Vladimir Putin (2021-07)" in context["citation"]
    assert '"event-date": {\n      "date-parts": [\n        [\n          2021,\n          7' in context["csl_json"]
    assert context["bibtex"].startswith(f"@article{{demarche-quote-{hostile_quote.pk},")
    assert "<script>alert" not in response.text


@pytest.mark.django_db
def test_events_and_topics_have_index_pages_in_the_navigation_filterable_as_their_api_twins(client):
    Event.objects.create(name="Geneva summit", slug="geneva-summit", kind="summit", start_date="2021-06-16")
    Event.objects.create(name="Biden-Putin call", slug="call", kind="call", start_date="2021-07-09")
    Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    Incident.objects.create(name="NotPetya", slug="notpetya", kind="sabotage", start_date="2017-06-27")
    Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    home = client.get(reverse("home"), headers={"accept-language": "en"}).content.decode()
    assert f'href="{reverse("event-list")}"' in home and f'href="{reverse("topic-list")}"' in home
    summits = client.get(reverse("event-list"), {"kind": "summit"}).content.decode()
    assert "Geneva summit" in summits and "Biden-Putin call" not in summits
    recent = client.get(reverse("incident-list"), {"started_after": "2020"}).content.decode()
    assert "Kaseya" in recent and "NotPetya" not in recent
    assert "Ransomware" in client.get(reverse("topic-list"), headers={"accept-language": "en"}).content.decode()
    api = client.get("/api/v1/events/", {"kind": "summit"}).json()
    assert [event["slug"] for event in api["results"]] == ["geneva-summit"]


@pytest.mark.django_db
def test_imports_are_internals_that_only_staff_see(client, django_user_model):
    response = client.get(reverse("import-list"))
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert 'href="/imports/"' not in client.get(reverse("home")).content.decode()
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader"))
    assert client.get(reverse("import-list")).status_code == 403
