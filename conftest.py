"""Fixtures shared by every app's tests. The database is always real PostgreSQL."""

import os
from pathlib import Path

import pytest

from actors.models import Actor, Affiliation, Alias, ReviewStatus
from statements.models import Article


@pytest.fixture(autouse=True)
def fresh_caches():
    """Each test sees the data it created, not a gazetteer or figures cached by an earlier test, nor the
    API throttle's counts of earlier requests (the shared cache, in memory for the tests)."""
    from django.core.cache import caches

    from statements.ingest.quotes import gazetteer_cache_clear

    gazetteer_cache_clear()
    caches["default"].clear()
    caches["shared"].clear()


@pytest.fixture
def staff_user(django_user_model):
    return django_user_model.objects.create_user("curator", password="pw-curator", is_staff=True, is_superuser=True)


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client


@pytest.fixture
def putin(db):
    actor = Actor.objects.create(name="Vladimir Putin", slug="vladimir-putin", kind="person", country="RU",
                                 gender="male", review_status=ReviewStatus.REVIEWED)
    for name, language in [("Putin", "en"), ("Poutine", "fr"), ("Vladimir Poutine", "fr"), ("Путин", "ru")]:
        Alias.objects.create(actor=actor, name=name, language=language)
    Affiliation.objects.create(actor=actor, title="President of Russia", start_date="2012-05-07",
                               descriptors={"fr": ["le président russe"], "en": ["the Russian president"]})
    return actor


@pytest.fixture
def biden(db):
    actor = Actor.objects.create(name="Joe Biden", slug="joe-biden", kind="person", country="US", gender="male",
                                 review_status=ReviewStatus.REVIEWED)
    Alias.objects.create(actor=actor, name="Biden", language="")
    Affiliation.objects.create(actor=actor, title="President of the United States", start_date="2021-01-20",
                               end_date="2025-01-20",
                               descriptors={"fr": ["le président américain"], "en": ["the US president"]})
    return actor


@pytest.fixture
def make_article(db):
    counter = iter(range(1, 10_000))

    def make(text="Un texte.", **fields):
        n = next(counter)
        fields.setdefault("title", f"Article {n}")
        fields.setdefault("language", "fr")
        fields.setdefault("content_hash", f"{n:064x}")
        return Article.objects.create(text=text, **fields)

    return make


@pytest.fixture
def eager_celery():
    """Run tasks in-process, for unit tests of code that queues them (the worker has its own tests)."""
    from config.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


# Browser tests (marked `browser`) drive Debian's chromium: Playwright never downloads a browser here.
CHROMIUM = Path("/usr/bin/chromium")


def pytest_collection_modifyitems(items):
    if CHROMIUM.exists():
        return
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (.ci/run installs it)")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls in browser tests are plain and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh English page; `page.dialogs` collects any alert() (an escaped page never raises one)."""
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()
