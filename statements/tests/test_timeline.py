"""The merged timeline: filters in the URL, months as headings, keyset pages, bounded queries."""

import pytest
from django.urls import reverse

from statements.models import Event, Incident, Quote, Topic
from statements.timeline import timeline_page


@pytest.fixture
def stream(make_article, putin, biden):
    article = make_article("x" * 2000)
    ransomware = Topic.objects.create(slug="ransomware", name_en="Ransomware", name_fr="Rançongiciels")
    rows = []
    for n in range(7):
        speaker = putin if n % 2 else biden
        quote = Quote.objects.create(article=article, text=f"Déclaration {n}", start=n * 100, end=n * 100 + 20,
                                     speaker=speaker, language="fr", statement_date=f"2021-0{n + 1}-01",
                                     statement_precision="month" if n == 6 else "day")
        if n >= 4:
            quote.topics.add(ransomware)
        rows.append(quote)
    Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware", start_date="2021-07-02")
    Event.objects.create(name="Geneva summit", slug="geneva", kind="summit", start_date="2021-06-16")
    return rows


def test_timeline_merges_quotes_incidents_and_events_by_month(client, stream, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get(reverse("timeline"), headers={"accept-language": "en"})
    text = response.text[response.text.index('class="month"'):]
    assert text.index("July 2021") < text.index("Kaseya") < text.index("June 2021") < text.index("Geneva summit") \
        < text.index("Déclaration 5")
    assert "1 July 2021" not in text  # a month-precise statement never gets a made-up day


def test_filters_combine_and_live_in_the_url(client, stream, putin):
    response = client.get(reverse("timeline"), {"speaker": putin.slug, "topic": "ransomware"})
    quotes = [entry.item for entry in response.context["page"].entries]
    assert {q.statement_date.month for q in quotes} == {6}  # n=5: Putin and ransomware
    assert {entry.kind for entry in response.context["page"].entries} == {"quote"}  # narrowed: statements only


def test_unknown_slug_finds_nothing_rather_than_everything(client, stream):
    response = client.get(reverse("timeline"), {"speaker": "nobody"})
    assert response.status_code == 400  # shown in the filter form, as the search page does
    assert response.context["page"].entries == []


def test_keyset_pages_cover_every_quote_once(stream):
    seen, cursor = [], None
    while True:
        page = timeline_page(Quote.objects.all(), cursor=cursor, size=3)
        seen += [entry.item.pk for entry in page.entries]
        if not page.next_cursor:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(q.pk for q in stream)


def test_compare_shows_two_actors_side_by_side(client, stream, putin, biden):
    response = client.get(reverse("compare"), {"a": biden.slug, "b": putin.slug, "topic": "ransomware"})
    (left, left_entries), (right, right_entries) = response.context["columns"]
    assert (left, right) == (biden, putin)
    assert {e.item.speaker for e in left_entries} == {biden} and {e.item.speaker for e in right_entries} == {putin}
    assert len(left_entries) + len(right_entries) == 3


def test_visual_strip_draws_every_item_as_an_escaped_linked_mark(client, stream, putin):
    stream[0].speaker_as_written, stream[0].speaker = '<script>alert("x")</script>', None
    stream[0].save()
    response = client.get(reverse("timeline-overview"))
    strip = response.text[response.text.index('<figure class="strip">'):]
    strip = strip[: strip.index("</figure>")]
    assert strip.count("<a href") == 7 + 2  # seven statements, one incident, one event
    assert f'href="{stream[3].get_absolute_url()}"' in strip
    assert "<script>" not in strip and "&lt;script&gt;" in strip


def test_an_invalid_date_filter_is_shown_as_an_error_not_a_crash(client, stream):
    response = client.get(reverse("timeline"), {"date_after": "2021-13"})
    assert response.status_code == 400
    assert response.context["page"].entries == []


def test_the_timeline_links_to_the_overview_of_the_same_filters(client, stream, putin):
    response = client.get(reverse("timeline"), {"speaker": putin.slug})
    assert f'href="{reverse("timeline-overview")}?speaker={putin.slug}"' in response.text
    assert '<figure class="strip">' not in response.text  # drawn by its own request, after the page

    overview = client.get(reverse("timeline-overview"), {"speaker": putin.slug})
    assert {point.label for point in overview.context["points"]} == {putin.name}


def test_an_unknown_slug_is_named_in_an_error_on_the_page_as_in_the_api(client, stream):
    response = client.get(reverse("timeline"), {"speaker": "zq-nobody-xw"})
    assert response.status_code == 400
    assert "zq-nobody-xw" in response.context["filter"].errors["speaker"][0]
    assert response.context["page"].entries == []

    api = client.get("/api/v1/timeline/", {"speaker": "zq-nobody-xw"})
    assert api.status_code == 400
    assert "zq-nobody-xw" in api.json()["error"]["fields"]["speaker"][0]


def test_the_date_range_applies_to_incidents_and_events_too(client, stream):
    Incident.objects.create(name="NotPetya", slug="notpetya", kind="sabotage", start_date="2017-06-27")
    Incident.objects.create(name="Log4Shell", slug="log4shell", kind="other", start_date="2021-12-09")
    response = client.get(reverse("timeline"), {"date_after": "2021-06", "date_before": "2021-07"})
    names = {entry.item.name for entry in response.context["page"].entries if entry.kind != "quote"}
    assert names == {"Kaseya", "Geneva summit"}  # not NotPetya (2017) nor Log4Shell (December)
    quiet = client.get(reverse("timeline"), {"date_after": "2021-08", "date_before": "2021-12"})
    assert [entry.item.name for entry in quiet.context["page"].entries] == ["Log4Shell"]  # no statement, context
    api = client.get("/api/v1/timeline/", {"date_after": "2021-08", "date_before": "2021-12"}).json()
    assert [entry["kind"] for entry in api["results"]] == ["incident"]


def test_a_timeline_of_an_incident_shows_it_and_its_events_as_context(client, stream, putin):
    kaseya, geneva = Incident.objects.get(slug="kaseya"), Event.objects.get(slug="geneva")
    call = Event.objects.create(name="Biden-Putin call", slug="call", kind="call", start_date="2021-07-09")
    call.incidents.add(kaseya)
    call.participants.add(putin)
    stream[5].incidents.add(kaseya)  # a statement of Putin's about Kaseya
    response = client.get(reverse("timeline"), {"incident": "kaseya"})
    context = {entry.item for entry in response.context["page"].entries if entry.kind != "quote"}
    assert context == {kaseya, call}  # not the summit, which is not about Kaseya
    by_speaker = client.get(reverse("timeline"), {"speaker": putin.slug})
    assert {entry.item for entry in by_speaker.context["page"].entries if entry.kind != "quote"} == {kaseya, call}
    assert geneva not in {entry.item for entry in by_speaker.context["page"].entries}


def test_filters_take_a_name_an_alias_or_a_misspelling_as_search_does(client, stream, putin):
    by_slug = client.get(reverse("timeline"), {"speaker": putin.slug}).context["page"].entries
    for name in ("Putin", "Poutine", "Vladimir Putine"):
        response = client.get(reverse("timeline"), {"speaker": name})
        assert response.context["page"].entries == by_slug, name
        api = client.get("/api/v1/timeline/", {"speaker": name})
        assert api.status_code == 200 and len(api.json()["results"]) == len(by_slug), name
    kaseya = client.get(reverse("timeline"), {"incident": "Kaseya"})
    assert not kaseya.context["filter"].errors
