"""A curator finds a duplicate actor and merges it, in headless Chromium."""

import pytest

from actors.models import Actor, Affiliation

pytestmark = pytest.mark.browser


def test_staff_find_a_likely_duplicate_merge_it_and_its_old_address_answers_301(live_server, page, staff_user,
                                                                                 eager_celery):
    white_house = Actor.objects.create(name="White House", slug="white-house", kind="agency", country="US")
    kept = Actor.objects.create(name="Thomas P. Bossert", slug="thomas-p-bossert", kind="person", country="US")
    duplicate = Actor.objects.create(name="Tom Bossert", slug="tom-bossert", kind="person")
    Affiliation.objects.create(actor=kept, title="Homeland Security Adviser", organisation=white_house,
                               start_date="2017-01-20", end_date="2018-04-10")
    Affiliation.objects.create(actor=duplicate, title="Adviser", organisation=white_house, start_date="2017-06-01")

    page.goto(f"{live_server.url}/admin/login/?next=/admin/actors/actor/")
    page.fill("input[name=username]", "curator")
    page.fill("input[name=password]", "pw-curator")
    page.locator("input[type=submit]").click()
    page.get_by_role("link", name="Likely duplicates").click()

    row = page.locator("tr", has_text="Tom Bossert")
    assert row.is_visible()
    assert "Thomas P. Bossert" in row.inner_text() and "same surname, overlapping roles" in row.inner_text()
    row.get_by_role("button", name="Merge…").click()

    page.get_by_label("Thomas P. Bossert").check()
    page.get_by_role("button", name="Merge").click()
    assert page.url.endswith(f"/admin/actors/actor/{kept.pk}/change/")
    assert not Actor.objects.filter(pk=duplicate.pk).exists()
    page.goto(f"{live_server.url}/admin/actors/actor/duplicates/")
    assert page.get_by_text("No likely duplicates.").is_visible()  # found again after the merge

    old = page.request.get(f"{live_server.url}/actors/tom-bossert/", max_redirects=0)
    assert (old.status, old.headers["location"]) == (301, "/actors/thomas-p-bossert/")
    page.goto(f"{live_server.url}/actors/tom-bossert/")
    assert page.url.endswith("/actors/thomas-p-bossert/")
    assert page.get_by_role("heading", name="Thomas P. Bossert").first.is_visible()
