"""The one guarded HTTP client every outgoing fetch goes through (feeds and their entries' pages).

A feed's publisher chooses the URLs we fetch, so a URL is hostile until proven otherwise:

- http and https only, on every hop; at most FETCH_MAX_REDIRECTS redirects, each checked again;
- the host is resolved once and every address it resolves to must be public (not loopback,
  private, link-local, multicast, reserved or unspecified, IPv4 or IPv6, IPv4-mapped included);
  the connection is made to that checked address, so a DNS answer that changes between the check
  and the connection (rebinding) cannot reach an internal service. Numeric hosts in any
  encoding (`0x7f000001`, `2130706433`, `0177.0.0.1`) are resolved to the address they denote;
- FETCH_ALLOWED_HOSTS names the private hosts or networks an operator really wants reached;
- one deadline for the whole fetch, redirects and a slowly dripping body included, and a size cap.

Every failure is a `FetchError` with its reason.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

USER_AGENT = "Demarche/1 (+https://github.com/demarche; cyber-diplomacy statements)"
READ_CHUNK = 64 * 1024
REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL that was not fetched, with the reason in plain words."""


@dataclass
class Fetched:
    status: int
    body: bytes
    url: str
    etag: str = ""
    last_modified: str = ""


def fetch(url: str, *, etag: str = "", last_modified: str = "") -> Fetched:
    """GET `url` with conditional headers; a 304 comes back as status 304 with no body.

    Any other status but 200 is a FetchError, as is a body over FETCH_MAX_BYTES."""
    deadline = time.monotonic() + settings.FETCH_DEADLINE_SECONDS
    headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    for _hop in range(settings.FETCH_MAX_REDIRECTS + 1):
        try:
            response, connection = _request(url, headers, deadline)
        except (OSError, http.client.HTTPException, ssl.SSLError) as error:
            raise FetchError(_describe(error, deadline)) from None
        try:
            _remaining(deadline)  # the watchdog's cut reads as the end of the headers
            if response.status in REDIRECTS and response.getheader("Location"):
                url = urljoin(url, response.getheader("Location"))
                continue
            if response.status == 304:
                return Fetched(304, b"", url, etag, last_modified)
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} {response.reason}")
            body = _read_capped(response, deadline)
            return Fetched(200, body, url, response.getheader("ETag", ""), response.getheader("Last-Modified", ""))
        except (OSError, http.client.HTTPException, ssl.SSLError) as error:
            raise FetchError(_describe(error, deadline)) from None
        finally:
            connection.close()
    raise FetchError(f"more than {settings.FETCH_MAX_REDIRECTS} redirects")


def checked_address(host: str, port: int) -> str:
    """The address to connect to for `host`: every address it resolves to must be public or allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"unknown host {host!r}: {error}") from None
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"unknown host {host!r}")
    if not _host_allowed(host, addresses):
        for address in addresses:
            if not is_public(ipaddress.ip_address(address.split("%", 1)[0])):
                raise FetchError(f"refused: {host!r} is a private or reserved address ({address})")
    return addresses[0]


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None and not is_public(embedded):
            return False
        if address in _NAT64:
            return is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return address.is_global and not (address.is_multicast or address.is_reserved or address.is_unspecified)


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _host_allowed(host: str, addresses: list[str]) -> bool:
    allowed = settings.FETCH_ALLOWED_HOSTS
    if host.lower() in {name.lower() for name in allowed}:
        return True
    networks = []
    for entry in allowed:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            continue  # a host name, compared above
    return bool(networks) and all(
        any(ipaddress.ip_address(address.split("%", 1)[0]) in network for network in networks)
        for address in addresses)


def _request(url: str, headers: dict, deadline: float):
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url[:200]!r}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise FetchError(f"invalid port in {url[:200]!r}") from None
    address = checked_address(parts.hostname, port)
    connection_class = _PinnedHTTPSConnection if parts.scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address=address, deadline=deadline)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request("GET", path, headers=headers)
        return connection.getresponse(), connection
    except BaseException:
        connection.close()
        raise


def _read_capped(response, deadline: float) -> bytes:
    limit = settings.FETCH_MAX_BYTES
    declared = response.getheader("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise FetchError(f"page too large: {int(declared):,} bytes, the limit is {limit:,}")
    chunks, size = [], 0
    while True:
        chunk = response.read1(READ_CHUNK)
        _remaining(deadline)  # and as the end of the body
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > limit:
            raise FetchError(f"page too large: over {limit:,} bytes")
        chunks.append(chunk)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(f"took longer than {settings.FETCH_DEADLINE_SECONDS} s")
    return left


def _describe(error: BaseException, deadline: float) -> str:
    if isinstance(error, TimeoutError) or time.monotonic() >= deadline:
        return f"took longer than {settings.FETCH_DEADLINE_SECONDS} s"
    if isinstance(error, http.client.HTTPException):
        return f"not an HTTP answer ({type(error).__name__})"
    return f"{type(error).__name__}: {error}"


class _PinnedConnection:
    """Connects to the address that was checked, whatever the host name resolves to now, and cuts the
    connection at the deadline, however slowly the server answers (a timeout alone is per read)."""

    def __init__(self, host, port, *, address: str, deadline: float, **kwargs):
        super().__init__(host, port, timeout=_remaining(deadline), **kwargs)
        self.checked = address
        self.watchdog = threading.Timer(_remaining(deadline), self._cut)
        self.watchdog.daemon = True

    def _open_socket(self) -> socket.socket:
        sock = socket.create_connection((self.checked, self.port), self.timeout)
        self.watchdog.start()
        return sock

    def _cut(self):
        if self.sock is not None:
            with contextlib.suppress(OSError):  # already closed
                self.sock.shutdown(socket.SHUT_RDWR)

    def close(self):
        self.watchdog.cancel()
        super().close()


class _PinnedHTTPConnection(_PinnedConnection, http.client.HTTPConnection):
    def connect(self):
        self.sock = self._open_socket()


class _PinnedHTTPSConnection(_PinnedConnection, http.client.HTTPSConnection):
    def __init__(self, host, port, *, address: str, deadline: float):
        super().__init__(host, port, address=address, deadline=deadline, context=ssl.create_default_context())

    def connect(self):
        self.sock = self._context.wrap_socket(self._open_socket(), server_hostname=self.host)
