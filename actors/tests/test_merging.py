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
