from django.test import Client

from actors.duplicates import likely_duplicates
from actors.models import Actor, Alias


def _pairs():
    return {(p.first.slug, p.second.slug): p.reason for p in likely_duplicates()}


def test_similar_names_are_listed_and_different_ones_not(db):
    Actor.objects.create(name="Vladimir Poutine", slug="vladimir-poutine", kind="person")
    Actor.objects.create(name="Vladimir Putine", slug="vladimir-putine", kind="person")
    Actor.objects.create(name="Joe Biden", slug="joe-biden", kind="person")
    assert _pairs() == {("vladimir-poutine", "vladimir-putine"): "similar names"}


def test_a_shared_alias_is_listed(db):
    first = Actor.objects.create(name="ANSSI", slug="anssi", kind="agency")
    second = Actor.objects.create(name="Agence nationale", slug="agence-nationale", kind="agency")
    Alias.objects.create(actor=first, name="Cyber agency", language="en")
    Alias.objects.create(actor=second, name="Cyber agency", language="fr")
    assert _pairs() == {("anssi", "agence-nationale"): "shared name"}


def test_the_admin_view_lists_pairs_with_a_merge_form_for_staff_only(staff_client, db):
    first = Actor.objects.create(name="Vladimir Poutine", slug="vladimir-poutine", kind="person")
    second = Actor.objects.create(name="Vladimir Putine", slug="vladimir-putine", kind="person")
    assert Client().get("/admin/actors/actor/duplicates/").status_code == 302  # to the login page

    page = staff_client.get("/admin/actors/actor/duplicates/").content.decode()
    assert "Vladimir Putine" in page and "similar names" in page
    assert f'name="_selected_action" value="{first.pk}"' in page
    assert f'name="_selected_action" value="{second.pk}"' in page
    assert "/admin/actors/actor/duplicates/" in staff_client.get("/admin/actors/actor/").content.decode()

    confirmation = staff_client.post("/admin/actors/actor/", {
        "action": "merge_actors", "_selected_action": [first.pk, second.pk]}).content.decode()
    assert "Vladimir Poutine" in confirmation and "Vladimir Putine" in confirmation
