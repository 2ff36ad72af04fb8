"""Atom feeds of an actor's statements, an incident's, and a saved search."""

from django.urls import reverse

from statements.models import Incident, Quote


def test_actor_incident_and_search_feeds_list_their_statements(client, make_article, putin, biden):
    article = make_article("x" * 200, publisher="Agence")
    kaseya = Incident.objects.create(name="Kaseya", slug="kaseya", kind="ransomware")
    said = Quote.objects.create(article=article, text="Les rançongiciels <b>viennent</b> d'ailleurs", start=0, end=40,
                                speaker=putin, language="fr", statement_date="2021-07-09")
    said.incidents.add(kaseya)
    Quote.objects.create(article=article, text="We expect action", start=50, end=66, speaker=biden, language="en")

    actor_feed = client.get(reverse("actor-feed", args=[putin.slug]))
    assert actor_feed["Content-Type"].startswith("application/atom+xml")
    assert actor_feed.text.count("<entry>") == 1 and "&lt;b&gt;viennent" in actor_feed.text
    assert client.get(reverse("incident-feed", args=["kaseya"])).text.count("<entry>") == 1
    search_feed = client.get(reverse("search-feed"), {"q": "ransomware"})
    assert search_feed.text.count("<entry>") == 1


def test_a_search_feed_follows_the_search_with_its_filters_and_refuses_what_the_page_refuses(
        client, make_article, putin, biden):
    article = make_article("x" * 200, publisher="Agence")
    for n, speaker in enumerate([putin, biden, biden]):
        Quote.objects.create(article=article, text=f"Les rançongiciels, encore ({n})", start=n * 50, end=n * 50 + 30,
                             speaker=speaker, language="fr", statement_date=f"2021-07-0{n + 1}")

    page = client.get(reverse("search"), {"q": "rançongiciels", "speaker": "Biden", "page": "1"}).text
    feed_url = next(line for line in page.split('href="') if line.startswith(reverse("search-feed"))).split('"')[0]
    feed = client.get(feed_url.replace("&amp;", "&")).text

    assert feed.count("<entry>") == 2 and "Joe Biden" in feed and "Vladimir Putin" not in feed
    assert "<title>Démarche: rançongiciels · speaker: Biden</title>" in feed
    assert feed.index("(2)") < feed.index("(1)")  # newest first
    refused = client.get(reverse("search-feed"), {"q": "date:2021-13"})
    assert refused.status_code == 400 and "2021-13" in refused.text
    assert client.get(reverse("search-feed"), {"claim": "nonsense"}).status_code == 400
