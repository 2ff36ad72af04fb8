from django.test import Client

from actors.duplicates import likely_duplicates
from actors.models import Actor, Affiliation, Alias


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


def test_people_with_the_same_surname_and_overlapping_roles_are_listed(db):
    white_house = Actor.objects.create(name="White House", slug="white-house", kind="agency", country="US")
    thomas = Actor.objects.create(name="Thomas P. Bossert", slug="thomas-p-bossert", kind="person", country="US")
    tom = Actor.objects.create(name="Tom Bossert", slug="tom-bossert", kind="person")
    Affiliation.objects.create(actor=thomas, title="Homeland Security Adviser", organisation=white_house,
                               start_date="2017-01-20", end_date="2018-04-10")
    Affiliation.objects.create(actor=tom, title="Adviser", organisation=white_house, start_date="2017-06-01")
    # The same surname, but their roles at the same place never overlap in time: not listed.
    senior = Actor.objects.create(name="Prescott Bush", slug="prescott-bush", kind="person")
    junior = Actor.objects.create(name="George W. Bush", slug="george-w-bush", kind="person")
    Affiliation.objects.create(actor=senior, title="Adviser", organisation=white_house, start_date="1952-01-20",
                               end_date="1963-01-03")
    Affiliation.objects.create(actor=junior, title="President", organisation=white_house, start_date="2001-01-20",
                               end_date="2009-01-20")
    assert _pairs() == {("thomas-p-bossert", "tom-bossert"): "same surname, overlapping roles"}


def test_a_role_without_organisation_overlaps_one_of_the_same_title(db):
    first = Actor.objects.create(name="Anne Neuberger", slug="anne-neuberger", kind="person")
    second = Actor.objects.create(name="A. Neuberger", slug="a-neuberger", kind="person")
    Affiliation.objects.create(actor=first, title="Deputy National Security Adviser", start_date="2021-01-20")
    Affiliation.objects.create(actor=second, title="deputy national security adviser")
    assert "same surname, overlapping roles" in _pairs()[("anne-neuberger", "a-neuberger")]


def test_the_pairs_are_found_again_when_a_name_an_alias_or_a_role_changes(db):
    first = Actor.objects.create(name="ANSSI", slug="anssi", kind="agency")
    second = Actor.objects.create(name="Agence nationale", slug="agence-nationale", kind="agency")
    alias = Alias.objects.create(actor=first, name="Cyber agency", language="en")
    other = Alias.objects.create(actor=second, name="Digital office", language="fr")
    assert _pairs() == {}
    other.name = "Cyber agency"  # an alias edited in place, as the admin's inline form does
    other.save()
    assert _pairs() == {("anssi", "agence-nationale"): "shared name"}
    alias.delete()
    assert _pairs() == {}


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


def test_the_refresh_task_finds_the_pairs_so_the_page_only_reads_them(db, django_assert_max_num_queries):
    from actors.tasks import refresh_likely_duplicates

    Actor.objects.create(name="Vladimir Poutine", slug="vladimir-poutine", kind="person")
    Actor.objects.create(name="Vladimir Putine", slug="vladimir-putine", kind="person")
    refresh_likely_duplicates()
    with django_assert_max_num_queries(2):  # the fingerprint and the actors: no similarity join
        assert _pairs() == {("vladimir-poutine", "vladimir-putine"): "similar names"}


def _whole_joins(queries) -> int:
    return sum("CREATE TEMP TABLE duplicate_grams" in query["sql"] for query in queries.captured_queries)


def test_after_a_change_only_the_changed_actors_are_looked_up_again(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from actors.duplicates import find_pairs

    poutine = Actor.objects.create(name="Vladimir Poutine", slug="vladimir-poutine", kind="person")
    Actor.objects.create(name="Vladimir Putine", slug="vladimir-putine", kind="person")
    lavrov = Actor.objects.create(name="Sergei Lavrov", slug="sergei-lavrov", kind="person")
    Actor.objects.create(name="Joe Biden", slug="joe-biden", kind="person")
    assert set(_pairs()) == {("vladimir-poutine", "vladimir-putine")}

    lavrov.name = "Serguei Lavrov"
    lavrov.save()
    Actor.objects.create(name="Sergueï Lavrov", slug="serguei-lavrov", kind="person")  # an import brings him again
    Alias.objects.create(actor=poutine, name="Joe Biden", language="fr")  # a wrong alias, to be noticed
    with CaptureQueriesContext(connection) as queries:
        pairs = _pairs()
    assert _whole_joins(queries) == 0
    assert pairs == {("vladimir-poutine", "vladimir-putine"): "similar names",
                     ("sergei-lavrov", "serguei-lavrov"): "shared name",
                     ("vladimir-poutine", "joe-biden"): "shared name"}
    assert find_pairs(100) == [(pair.first.pk, pair.second.pk, pair.reason, pair.score)  # what a whole join finds
                               for pair in likely_duplicates()]


def test_the_whole_join_runs_again_when_a_merge_leaves_too_few_pairs_known(db):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Actor.objects.create(name="Vladimir Poutine", slug="vladimir-poutine", kind="person")
    Actor.objects.create(name="Vladimir Putine", slug="vladimir-putine", kind="person")
    Actor.objects.create(name="Sergei Lavrov", slug="sergei-lavrov", kind="person")
    lavrova = Actor.objects.create(name="Sergei Lavrova", slug="sergei-lavrova", kind="person")
    assert [(pair.first.slug, pair.second.slug) for pair in likely_duplicates(limit=1)] == [
        ("sergei-lavrov", "sergei-lavrova")]  # the closest: the pairs known stop above the Putin pair's score
    lavrova.delete()  # merged into "Sergei Lavrov"
    with CaptureQueriesContext(connection) as queries:
        pairs = likely_duplicates(limit=1)
    assert _whole_joins(queries) == 1
    assert [(pair.first.slug, pair.second.slug) for pair in pairs] == [("vladimir-poutine", "vladimir-putine")]
