from actors.models import Actor, Alias
from statements.models import Quote


def test_admin_merge_moves_quotes_and_names_onto_the_kept_actor(staff_client, putin, make_article):
    duplicate = Actor.objects.create(name="V. Poutine", slug="v-poutine", kind="person")
    Alias.objects.create(actor=duplicate, name="Vladimir Vladimirovitch Poutine", language="fr")
    article = make_article("« Nous sommes prêts », a déclaré V. Poutine.")
    quote = Quote.objects.create(article=article, text="Nous sommes prêts", start=2, end=19, speaker=duplicate,
                                 language="fr")
    quote.mentioned_actors.add(duplicate)

    response = staff_client.post("/admin/actors/actor/", {
        "action": "merge_actors", "_selected_action": [putin.pk, duplicate.pk],
        "keep": putin.pk, "confirm": "yes",
    })

    assert response.status_code == 302
    assert not Actor.objects.filter(pk=duplicate.pk).exists()
    quote.refresh_from_db()
    assert quote.speaker == putin
    assert list(quote.mentioned_actors.all()) == [putin]
    assert Actor.objects.by_alias("V. Poutine").get() == putin
    assert Actor.objects.by_alias("Vladimir Vladimirovitch Poutine").get() == putin


def test_admin_merge_asks_for_confirmation_first(staff_client, putin, biden):
    response = staff_client.post("/admin/actors/actor/", {
        "action": "merge_actors", "_selected_action": [putin.pk, biden.pk],
    })
    assert response.status_code == 200
    assert "Vladimir Putin" in response.text and "Joe Biden" in response.text
    assert Actor.objects.count() == 2


def test_a_merged_actors_old_slug_answers_301_on_pages_feeds_and_the_api(client, putin):
    from actors.merging import actors_merge

    duplicate = Actor.objects.create(name="V. Poutine", slug="v-poutine", kind="person")
    older = Actor.objects.create(name="Poutine V.", slug="poutine-v", kind="person")
    actors_merge(keep=duplicate, merge=older)
    actors_merge(keep=putin, merge=duplicate)  # a slug that led to the merged one now leads to the one kept
    for old in ("v-poutine", "poutine-v"):
        for path, kept in ((f"/actors/{old}/", f"/actors/{putin.slug}/"),
                           (f"/actors/{old}/feed/", f"/actors/{putin.slug}/feed/"),
                           (f"/api/v1/actors/{old}/?format=json", f"/api/v1/actors/{putin.slug}/?format=json")):
            response = client.get(path)
            assert (response.status_code, response["Location"]) == (301, kept), path
    assert client.get("/actors/nobody-at-all/").status_code == 404


def test_merging_keeps_names_as_aliases_and_role_titles_as_roles(putin):
    from actors.merging import actors_merge
    from actors.models import Affiliation

    Affiliation.objects.create(actor=putin, title="High Representative")  # a title some actor holds
    role_actor = Actor.objects.create(name="High Representative", slug="high-representative", kind="person")
    Alias.objects.create(actor=role_actor, name="le haut représentant", language="fr")
    Alias.objects.create(actor=role_actor, name="Josep Borrell Fontelles", language="")
    borrell = Actor.objects.create(name="Josep Borrell", slug="josep-borrell", kind="person")
    actors_merge(keep=borrell, merge=role_actor)
    assert not Actor.objects.by_alias("High Representative").exists()
    assert not Actor.objects.by_alias("le haut représentant").exists()
    assert Actor.objects.by_alias("Josep Borrell Fontelles").get() == borrell
    assert set(borrell.affiliations.values_list("title", flat=True)) == {"High Representative", "le haut représentant"}
