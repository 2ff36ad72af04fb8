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
