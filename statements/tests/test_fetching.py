"""The guarded client against hostile servers and URLs, all on 127.0.0.0/8 (never the internet).

The allow-list (FETCH_ALLOWED_HOSTS = 127.0.0.1) lets the tests reach their own site on 127.0.0.1;
the "internal service" that must stay out of reach listens on 127.0.0.2.
"""

import io
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from statements.ingest import fetching
from statements.ingest.fetching import FetchError, fetch
from statements.models import Article, Feed, ImportItem

SECRET = b"metadata-service-secret-token"
PAGE = ("<html><body><article><h1>Dépêche {n}</h1><p>Le ministre a annoncé l'arrestation de {n} suspects "
        "liés à une campagne de rançongiciels.</p><p>« Nous publierons le rapport {n} », a déclaré un porte-parole."
        "</p></article></body></html>")


class Server:
    """A threaded HTTP server on `host` whose answers the test writes: path -> handler(request)."""

    def __init__(self, host: str):
        self.routes, self.requests = {}, []
        routes, requests = self.routes, self.requests

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                requests.append(self.path)
                route = routes.get(self.path.split("?")[0])
                if route is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                route(self)

        self.httpd = ThreadingHTTPServer((host, 0), Handler)
        self.httpd.daemon_threads = True
        self.base = f"http://{host}:{self.httpd.server_address[1]}"
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def answer(body: bytes, status: int = 200, **headers):
    def route(request):
        request.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            request.send_header(name.replace("_", "-"), value)
        request.end_headers()
        request.wfile.write(body)
    return route


def redirect(location: str):
    return answer(b"", 302, Location=location)


def drip(request):
    request.send_response(200)
    request.end_headers()
    try:
        for _ in range(200):
            request.wfile.write(b"<p>drip</p>")
            request.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass


def not_http(request):
    request.wfile.write(b"\x00\x01SSH-2.0-OpenSSH_9.6\r\n" + bytes(range(256)))


@pytest.fixture
def site(settings):
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.FETCH_DEADLINE_SECONDS = 1.5
    settings.FETCH_MAX_BYTES = 100_000
    server = Server("127.0.0.1")
    yield server
    server.close()


@pytest.fixture
def internal():
    """An internal service (a cloud metadata endpoint, an admin port) the fetcher must never reach."""
    server = Server("127.0.0.2")
    server.routes["/secret"] = answer(SECRET)
    yield server
    server.close()


@pytest.mark.parametrize("host", [
    "127.0.0.2", "0x7f000002", "2130706434", "0177.0.0.2", "127.2", "[::ffff:127.0.0.2]", "[::ffff:7f00:2]",
])
def test_loopback_in_any_encoding_is_refused_before_any_request(site, internal, host):
    with pytest.raises(FetchError, match="private or reserved"):
        fetch(f"http://{host}:{internal.port}/secret")
    assert internal.requests == []


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/", "http://192.168.1.1/", "http://172.16.0.1/",
    "http://100.64.0.1/", "http://224.0.0.1/", "http://0.0.0.0/", "http://[::1]/", "http://[fe80::1]/",
    "http://[fc00::1]/", "http://[ff02::1]/", "http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/",
    "http://localhost/", "http://240.0.0.1/",
])
def test_private_link_local_multicast_and_reserved_addresses_are_refused(settings, url):
    settings.FETCH_ALLOWED_HOSTS = []
    with pytest.raises(FetchError, match="private or reserved"):
        fetch(url)


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/", "file:///etc/passwd", "gopher://127.0.0.1:70/", "http:///x"])
def test_only_http_and_https(site, url):
    with pytest.raises(FetchError, match="not an http"):
        fetch(url)


def test_an_allowed_host_is_fetched(site):
    site.routes["/page"] = answer(b"hello", ETag='"e1"')
    fetched = fetch(f"{site.base}/page")
    assert (fetched.status, fetched.body, fetched.etag) == (200, b"hello", '"e1"')


def test_the_allow_list_takes_networks_and_host_names(settings, internal):
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.0/30"]
    assert fetch(f"{internal.base}/secret").body == SECRET
    settings.FETCH_ALLOWED_HOSTS = ["127.0.0.2"]
    assert fetch(f"{internal.base}/secret").body == SECRET


def test_every_redirect_is_checked_again(site, internal):
    site.routes["/to-internal"] = redirect(f"http://0x7f000002:{internal.port}/secret")
    site.routes["/to-ftp"] = redirect("ftp://127.0.0.1/")
    with pytest.raises(FetchError, match="private or reserved"):
        fetch(f"{site.base}/to-internal")
    with pytest.raises(FetchError, match="not an http"):
        fetch(f"{site.base}/to-ftp")
    assert internal.requests == []


def test_redirects_are_limited(site):
    site.routes["/loop"] = redirect("/loop")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(f"{site.base}/loop")
    assert len(site.requests) == 6


def test_a_redirect_to_an_allowed_page_is_followed(site):
    site.routes["/old"] = redirect("/new")
    site.routes["/new"] = answer(b"moved here")
    fetched = fetch(f"{site.base}/old")
    assert (fetched.body, fetched.url) == (b"moved here", f"{site.base}/new")


def test_dns_rebinding_cannot_pass_the_connection_goes_to_the_checked_address(site, monkeypatch):
    """The name resolves to a public address at the check, to loopback afterwards: only one resolution
    happens, and the connection is made to the address that was checked."""
    answers = iter(["93.184.215.14", "127.0.0.1"])
    resolved, connected = [], []

    def getaddrinfo(host, port, *args, **kwargs):
        resolved.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    def create_connection(address, *args, **kwargs):
        connected.append(address[0])
        raise ConnectionRefusedError("test: no connection to the outside")

    monkeypatch.setattr(fetching.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(fetching.socket, "create_connection", create_connection)
    with pytest.raises(FetchError):
        fetch("http://rebinding.example/")
    assert resolved == ["rebinding.example"] and connected == ["93.184.215.14"]


def test_a_slowly_dripping_page_is_cut_at_the_deadline(site):
    site.routes["/drip"] = drip
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer than 1.5 s"):
        fetch(f"{site.base}/drip")
    assert time.monotonic() - started < 3


def test_dripping_headers_are_cut_at_the_deadline_too(site):
    def slow_headers(request):
        try:
            request.wfile.write(b"HTTP/1.1 200 OK\r\n")
            for n in range(100):
                request.wfile.write(f"X-Slow-{n}: yes\r\n".encode())
                request.wfile.flush()
                time.sleep(0.3)
        except OSError:
            pass

    site.routes["/slow-headers"] = slow_headers
    started = time.monotonic()
    with pytest.raises(FetchError, match="took longer"):
        fetch(f"{site.base}/slow-headers")
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("declared", [True, False])
def test_a_page_over_the_size_cap_is_refused(site, declared):
    body = b"x" * 150_000
    if declared:
        site.routes["/big"] = answer(body, Content_Length=str(len(body)))
    else:
        site.routes["/big"] = answer(body)
    with pytest.raises(FetchError, match="page too large"):
        fetch(f"{site.base}/big")


def test_non_http_bytes_are_a_fetch_error(site):
    site.routes["/binary"] = not_http
    with pytest.raises(FetchError, match="not an HTTP answer"):
        fetch(f"{site.base}/binary")


def rss(base: str, paths: list[str]) -> bytes:
    items = "".join(f"<item><title>{path}</title><link>{base}{path}</link><guid>{path}</guid></item>"
                    for path in paths)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}</channel></rss>'.encode()


def test_a_hostile_feed_cannot_read_internal_services_and_bad_entries_fail_on_their_own(
        db, site, internal, eager_celery, client, django_user_model):
    """One good entry among a redirect to an internal service, a direct link to it, non-HTTP bytes, a
    slow drip and an oversized page: the good one is imported, each other fails with its reason, and
    the second feed is polled all the same."""
    links = [f"http://127.0.0.2:{internal.port}/secret", f"http://0x7f000002:{internal.port}/secret",
             "http://169.254.169.254/latest/meta-data/iam"]
    site.routes.update({
        "/good": answer(PAGE.format(n=1).encode()), "/redirect": redirect(links[0]), "/binary": not_http,
        "/drip": drip, "/big": answer(b"<p>" + b"x" * 150_000 + b"</p>"),
        "/other-good": answer(PAGE.format(n=2).encode()),
    })
    hostile = "".join(f"<item><title>x</title><link>{link}</link><guid>{link}</guid></item>" for link in links)
    site.routes["/feed.xml"] = answer(rss(site.base, ["/good", "/redirect", "/binary", "/drip", "/big"])
                                      .replace(b"</channel>", hostile.encode() + b"</channel>"))
    site.routes["/other.xml"] = answer(rss(site.base, ["/other-good"]))
    Feed.objects.create(url=f"{site.base}/feed.xml")
    Feed.objects.create(url=f"{site.base}/other.xml")

    call_command("poll_feeds", stdout=io.StringIO())

    items = {item.name: item for item in ImportItem.objects.all()}
    assert items[f"{site.base}/good"].status == ImportItem.Status.IMPORTED
    assert items[f"{site.base}/other-good"].status == ImportItem.Status.IMPORTED
    reasons = {name.removeprefix(site.base): item.error for name, item in items.items()
               if item.status == ImportItem.Status.FAILED}
    assert set(reasons) == {"/redirect", "/binary", "/drip", "/big", *links}
    assert "private or reserved" in reasons["/redirect"] and "not an HTTP answer" in reasons["/binary"]
    assert "took longer" in reasons["/drip"] and "too large" in reasons["/big"]
    assert all("private or reserved" in reasons[link] for link in links)
    assert internal.requests == []
    assert not any(SECRET.decode() in article.text for article in Article.objects.all())
    assert not ImportItem.objects.filter(status=ImportItem.Status.FAILED, payload__isnull=False).exists()
    client.force_login(django_user_model.objects.create_user("reader", password="pw-reader"))  # not staff
    for url in ("/imports/", "/api/v1/imports/"):
        response = client.get(url)
        shown = response.content.decode()
        assert "private or reserved" not in shown and "took longer" not in shown and "HTTP answer" not in shown


def test_staff_see_why_a_fetch_failed(db, site, eager_celery, admin_client):
    site.routes["/feed.xml"] = answer(rss(site.base, ["/missing"]))
    Feed.objects.create(url=f"{site.base}/feed.xml")
    call_command("poll_feeds", stdout=io.StringIO())
    assert "HTTP 404" in admin_client.get("/imports/").content.decode()
    assert "HTTP 404" in admin_client.get("/api/v1/imports/").content.decode()


def test_entries_per_poll_are_capped_the_rest_wait_for_the_next_poll(db, site, eager_celery, settings):
    settings.FEED_MAX_ENTRIES = 2
    paths = [f"/e{n}" for n in range(5)]
    for n, path in enumerate(paths):
        site.routes[path] = answer(PAGE.format(n=n + 10).encode())
    site.routes["/feed.xml"] = answer(rss(site.base, paths))
    Feed.objects.create(url=f"{site.base}/feed.xml")
    counts = []
    for _ in range(3):
        call_command("poll_feeds", stdout=io.StringIO())
        counts.append(ImportItem.objects.count())
    assert counts == [2, 4, 5]
    assert Article.objects.count() == 5
