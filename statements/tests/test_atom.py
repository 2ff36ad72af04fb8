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
    assert client.get(reverse("search-feed"), {"q": "date:2021-13"}).text.count("<entry>") == 0
