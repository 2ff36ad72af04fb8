"""Feeds polled from a local HTTP server (never the internet): new entries only, ETag honoured."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from statements.models import Article, Feed, FeedEntry, ImportItem, ImportJob
from statements.tasks import poll_feed

PAGE = """<html><head><title>{title}</title><script>track()</script></head><body><nav>Menu</nav>
<article><h1>{title}</h1>{body}</article></body></html>"""
STORIES = {
    "1": "Le ministre de l'Intérieur a annoncé l'arrestation de trois suspects liés à une campagne de rançongiciels.",
    "2": "La banque centrale a signalé une tentative d'intrusion visant son système de paiement interbancaire.",
    "3": "Un opérateur de télécommunications a subi une panne de plusieurs heures après une attaque destructrice.",
}


def page_body(n: str) -> str:
    quote = f"<p>« Nous publierons le rapport numéro {n} dès que possible », a déclaré un porte-parole.</p>"
    return f"<p>{STORIES[n]}</p>{quote}<p>{STORIES[n]} Les détails restent confidentiels.</p>"


def rss(links):
    items = "".join(f"<item><title>{link}</title><link>{{base}}{link}</link><guid>{link}</guid></item>"
                    for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Agence test</title>{items}</channel></rss>'


class Site:
    def __init__(self):
        self.feed_links = ["/a1", "/a2"]
        self.etag = '"v1"'
        self.requests = []


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            state.requests.append(self.path)
            if self.path == "/feed.xml":
                if self.headers.get("If-None-Match") == state.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                body = rss(state.feed_links).replace("{base}", base).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", state.etag)
            elif self.path.startswith("/a"):
                n = self.path.strip("/a")
                body = PAGE.format(title=f"Dépêche {n}", body=page_body(n)).encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
            else:
                self.send_response(404)
                self.end_headers()
                return
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    state.base = base
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()


def poll(feed):
    """Poll the feed as beat does: the task polls it, then queues what it submitted (in-process here)."""
    job_id = poll_feed(feed.pk)
    return ImportJob.objects.get(pk=job_id) if job_id else None


@pytest.fixture
def feed(db, site, settings):
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]  # the test site; what is refused is in test_fetching.py
    return Feed.objects.create(url=f"{site.base}/feed.xml")


def test_new_entries_are_fetched_imported_and_remembered(feed, site, eager_celery):
    job = poll(feed)
    assert job is not None and job.items.count() == 2
    assert Article.objects.count() == 2
    article = Article.objects.get(url=f"{site.base}/a1")
    assert article.title == "Dépêche 1"
    assert "track()" not in article.text and "Menu" not in article.text
    assert FeedEntry.objects.filter(feed=feed).count() == 2
    feed.refresh_from_db()
    assert (feed.title, feed.etag, feed.last_error) == ("Agence test", '"v1"', "")


def test_unchanged_feed_costs_one_conditional_request(feed, site, eager_celery):
    poll(feed)
    site.requests.clear()
    assert poll(feed) is None
    assert site.requests == ["/feed.xml"]


def test_only_entries_not_seen_before_are_fetched(feed, site, eager_celery):
    poll(feed)
    site.feed_links = ["/a1", "/a2", "/a3", "/missing"]
    site.etag = '"v2"'
    site.requests.clear()
    job = poll(feed)
    assert sorted(site.requests) == ["/a3", "/feed.xml", "/missing"]
    assert Article.objects.count() == 3
    failed = job.items.get(status=ImportItem.Status.FAILED)
    assert failed.name.endswith("/missing") and failed.error.startswith("could not fetch the page: HTTP 404")


def test_unreachable_feed_records_the_error_and_loses_nothing(db, eager_celery):
    feed = Feed.objects.create(url="http://127.0.0.1:9/feed.xml")
    assert poll(feed) is None
    feed.refresh_from_db()
    assert feed.last_error.startswith("could not fetch the feed")
