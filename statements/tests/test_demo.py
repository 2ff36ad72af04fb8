"""The demo knowledge base `make run` loads: enough content to see the product working, every README
example answering with results on it, marked as demo data wherever it shows, removed by one command."""

import re
from collections import Counter
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import escape

from statements.demo import demo_remove, demo_submit
from statements.gazetteer_loading import gazetteer_load
from statements.ingest.documents import read_documents
from statements.ingest.jobs import job_run_sync
from statements.ingest.quotes import gazetteer_cache_clear
from statements.models import Article, Event, ImportItem, Incident, Quote
from statements.views import HomeView

README = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The gazetteer and the demo, imported once for the module (then everything is flushed)."""
    with django_db_blocker.unblock():
        gazetteer_load(directory=settings.GAZETTEER_DIR)
        gazetteer_cache_clear()  # the per-test clearing runs after this module's fixture: no earlier test's copy
        job = demo_submit()
        job_run_sync(job)
        yield job
        call_command("flush", interactive=False, verbosity=0)


def test_every_brief_names_its_original_source_and_address():
    for path in sorted(settings.DEMO_ARTICLES_DIR.glob("*.txt")):
        document = read_documents(path.name, path.read_bytes(), max_bytes=settings.IMPORT_MAX_BYTES)[0]
        assert document.publisher and document.url.startswith(("https://", "http://")), path.name
        assert document.published and 2014 <= document.published.date.year <= 2025, path.name
        assert document.language in {"fr", "en"}, path.name


@pytest.mark.django_db
def test_the_demo_holds_statements_from_many_briefs_in_both_languages_about_many_incidents(demo):
    assert demo.items.filter(status=ImportItem.Status.FAILED).count() == 0
    articles = Article.objects.filter(demo=True)
    assert articles.count() >= 60
    assert set(articles.values_list("language", flat=True)) == {"fr", "en"}
    quotes = Quote.objects.filter(article__demo=True)
    assert quotes.count() >= 150
    assert quotes.filter(speaker__isnull=False).count() >= 0.8 * quotes.count()
    linked = Counter(quotes.values_list("incidents__name", flat=True)) + Counter(
        quotes.values_list("events__name", flat=True))
    linked.pop(None, None)
    assert len(linked) >= 15, linked
    for name in ("Kaseya", "Colonial Pipeline", "SolarWinds", "Biden-Putin Geneva summit"):
        assert linked[name] >= 2, (name, linked)


def readme_examples() -> list[str]:
    """The URLs the README shows as examples, and a search for each query of its search table."""
    urls = re.findall(r"`(/(?:timeline|search|api/v1)/[^`<>\s]*\?[^`<>\s]*)`", README)
    urls += re.findall(r"curl '(?:http://127\.0\.0\.1:8000)(/api/v1/[^']+)'", README)
    section = README[README.index("## Searching quotes"):]
    table = section[section.index("| write |"):].split("\n\n", 1)[0]
    for row in table.splitlines()[2:]:
        for example in re.findall(r"`([^`]+)`", row.split("|")[1]):
            if not example.endswith(":"):  # "actor:" names a field, not a query
                urls.append(f"/search/?q={quote(example)}")
    return [url for url in urls if "..." not in url and not url.endswith("=")]


def test_the_readme_shows_examples_to_try():
    assert len(readme_examples()) >= 15


@pytest.mark.django_db
@pytest.mark.parametrize("url", readme_examples())
def test_every_readme_example_returns_results_on_the_demo(demo, client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    body = b"".join(response.streaming_content if response.streaming else [response.content]).decode()
    if url.startswith("/api/v1/") and "export.csv" in url:
        assert len(body.strip().splitlines()) > 1  # a header and at least one quote
    elif url.startswith("/api/v1/"):
        assert response.json()["results"], body[:300]
    else:
        assert re.search(r'href="/quotes/\d+/', body), f"no statement on {url}"


@pytest.mark.django_db
@pytest.mark.parametrize("example", HomeView.search_examples)
def test_every_search_example_of_the_home_page_finds_statements_in_the_demo(demo, client, example):
    home = client.get("/").content.decode()
    url = f"/search/?q={quote(example)}"
    assert f'href="{escape(url)}"' in home
    assert re.search(r'href="/quotes/\d+/', client.get(url).content.decode()), f"nothing found for {example}"


@pytest.mark.django_db
@pytest.mark.parametrize("model, name", [
    (Incident, "Kaseya"), (Incident, "Colonial Pipeline"), (Incident, "JBS"),
    (Event, "Biden-Putin call of 9 July 2021"), (Event, "Biden-Putin Geneva summit"),
])
def test_the_pages_of_the_best_known_stories_show_their_statements(demo, client, model, name):
    page = client.get(model.objects.get(name=name).get_absolute_url()).content.decode()
    assert "No statements yet" not in page
    assert len(set(re.findall(r'href="/quotes/(\d+)/', page))) >= 2, f"fewer than two statements on {name}"


@pytest.mark.django_db
def test_demo_data_is_marked_on_every_page_it_shows(demo, client):
    article = Article.objects.filter(demo=True, quotes__isnull=False).first()
    for url in ("/", "/timeline/", article.get_absolute_url(), article.quotes.first().get_absolute_url()):
        assert 'class="demo-notice"' in client.get(url).content.decode(), url
    assert 'class="demo-badge"' in client.get(article.get_absolute_url()).content.decode()
    assert 'class="demo-badge"' in client.get(article.quotes.first().get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_one_command_removes_the_demo_and_its_notice(demo, client, make_article):
    own = make_article("Un article à garder.")
    kept = set(Article.objects.filter(demo=False).values_list("pk", flat=True))
    assert Article.objects.filter(demo=True).exists() and 'demo-notice' in client.get("/").content.decode()
    call_command("remove_demo")
    assert set(Article.objects.values_list("pk", flat=True)) == kept and own.pk in kept
    assert not Quote.objects.filter(article__demo=True).exists()
    assert "demo-notice" not in client.get("/").content.decode()
    assert demo_remove() == 0
