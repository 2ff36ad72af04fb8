import pytest
from django.db import IntegrityError, transaction

from actors.models import Actor, Affiliation, Alias


def test_actor_slug_is_unique(db):
    Actor.objects.create(name="Joe Biden", slug="joe-biden", kind="person")
    with pytest.raises(IntegrityError):
        Actor.objects.create(name="Joseph R. Biden", slug="joe-biden", kind="person")


def test_actor_wikidata_id_must_look_like_a_qid(db):
    with pytest.raises(IntegrityError):
        Actor.objects.create(name="Kremlin", slug="kremlin", kind="agency", wikidata_id="kremlin")


def test_alias_is_unique_per_language_ignoring_case_and_accents(putin, biden):
    with pytest.raises(IntegrityError), transaction.atomic():
        Alias.objects.create(actor=biden, name="POUTINE", language="fr")
    # the same spelling in another language is a different alias
    Alias.objects.create(actor=putin, name="Poutine", language="de")
    assert Actor.objects.by_alias("poutine").get() == putin


def test_actor_found_by_any_alias_in_any_script(putin):
    assert Actor.objects.by_alias("Путин").get() == putin
    assert Actor.objects.by_alias("vladimir poutine", language="fr").get() == putin


def test_affiliation_cannot_end_before_it_starts(putin):
    with pytest.raises(IntegrityError):
        Affiliation.objects.create(actor=putin, title="Prime Minister of Russia", start_date="2012-05-08",
                                   end_date="2008-05-08")


def test_affiliation_knows_when_it_was_held(biden):
    import datetime

    role = biden.affiliations.get()
    assert role.held_on(datetime.date(2021, 7, 9))
    assert not role.held_on(datetime.date(2026, 1, 1))
