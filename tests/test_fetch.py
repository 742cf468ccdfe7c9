"""URL input: only public http(s) addresses, checked after DNS and on every redirect, bounded.

Every server here listens on 127.0.0.1 and is started by the test; the guard must refuse it
unless a test allows 127.0.0.1 explicitly. Other addresses are only ever given to a fake
resolver and refused before any connection is made.
"""

from __future__ import annotations

import contextlib
import gzip
import ipaddress
import queue
import re
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest
from conftest import FIXTURES

from kernpunkt.config import WebConfig, load_config
from kernpunkt.errors import InputTooLongError
from kernpunkt.sources.fetch import (
    FetchError,
    IPAddress,
    Resolver,
    checked_address,
    fetch,
    fetch_article,
    is_public,
    parse_target,
)

LOOPBACK = ipaddress.ip_address("127.0.0.1")
LIMITS = load_config().limits
# A server that drips its answer: one byte per interval, for far longer than any deadline here.
DRIP_INTERVAL_S = 0.25
DRIP_BYTES = 120
# 40 MB of zeros, a few kB when compressed
GZIP_BOMB = gzip.compress(b"\0" * 40_000_000)
PAGE = (
    "<html><head><title>Hafen</title></head><body><nav>Startseite | Politik</nav><article>"
    "<h1>Streik legt Hamburger Hafen lahm</h1>"
    "<p>Im Hamburger Hafen haben am Dienstag rund 4.000 Beschäftigte die Arbeit niedergelegt.</p>"
    "<p>„Unser Angebot liegt seit Wochen auf dem Tisch“, sagte Verbandssprecher Jonas Reuter.</p>"
    "</article><footer>Impressum</footer></body></html>"
).encode()


def allow_loopback(address: IPAddress) -> bool:
    """Allow exactly the loopback address of the test servers."""
    return address == LOOPBACK


def resolves_to(*addresses: str) -> Resolver:
    """Return a fake resolver that answers `addresses` for every host."""
    return lambda _host, _port: list(addresses)


def web(**changes: Any) -> WebConfig:
    """Return the default web configuration with `changes`."""
    return replace(load_config().web, **changes)


class Handler(BaseHTTPRequestHandler):
    """Serve the test routes: a page, redirects, a large body, a slow answer, an image."""

    hosts: ClassVar[list[str]] = []
    # bytes each drip sent before it ended (all of them, or the client hung up)
    dripped: ClassVar[queue.Queue[int]] = queue.Queue()

    def do_GET(self) -> None:
        """Answer one request by its path."""
        type(self).hosts.append(self.headers["Host"])
        routes = {
            "/page": lambda: self.answer(200, PAGE, "text/html; charset=utf-8"),
            "/plain": lambda: self.answer(200, b"Ein deutscher Text.", "text/plain"),
            "/to-page": lambda: self.redirect("/page"),
            "/loop": lambda: self.redirect("/loop"),
            "/to-private": lambda: self.redirect("http://intranet.test/admin"),
            "/to-ipv6-loopback": lambda: self.redirect(f"http://[::1]:{self.server.server_port}/"),
            "/to-file": lambda: self.redirect("file:///etc/passwd"),
            "/big": lambda: self.answer(200, b"x" * 5000, "text/plain"),
            "/big-unannounced": lambda: self.answer(200, b"x" * 5000, "text/plain", length=False),
            "/slow": self.slow,
            "/image": lambda: self.answer(200, b"\x89PNG", "image/png"),
            "/drip-headers": self.drip_headers,
            "/drip-body": self.drip_body,
            "/gzip-bomb": self.gzip_bomb,
            "/huge-text": lambda: self.answer(200, b"Wort " * 300_000, "text/plain"),
        }
        routes.get(self.path, lambda: self.answer(404, b"", "text/plain"))()

    def answer(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        """Send `body` with `status`."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, location: str) -> None:
        """Send a redirect to `location`."""
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def slow(self) -> None:
        """Answer later than the tests' time limit."""
        time.sleep(1.5)
        with contextlib.suppress(ConnectionError):  # the client has given up by now
            self.answer(200, b"late", "text/plain")

    def drip(self, data: bytes) -> None:
        """Send `data` one byte per DRIP_INTERVAL_S, until sent or the client has gone."""
        sent = 0
        with contextlib.suppress(ConnectionError):
            for byte in data:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                sent += 1
                time.sleep(DRIP_INTERVAL_S)
        type(self).dripped.put(sent)

    def drip_headers(self) -> None:
        """Send the status line at once, then the headers one byte at a time."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        self.drip(b"X-Padding: " + b"a" * DRIP_BYTES + b"\r\nContent-Length: 2\r\n\r\nok")

    def drip_body(self) -> None:
        """Send the headers at once, then the body one byte at a time."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(DRIP_BYTES))
        self.end_headers()
        self.drip(b"a" * DRIP_BYTES)

    def gzip_bomb(self) -> None:
        """Send a small gzip body that unpacks to 40 MB, unasked."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(GZIP_BOMB)))
        self.end_headers()
        self.wfile.write(GZIP_BOMB)

    def log_message(self, *args: Any) -> None:
        """Keep the test output quiet."""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """Serve `Handler` on 127.0.0.1; yield the base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "224.0.0.1",
        "::1",
        "::",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "64:ff9b::a00:1",
        "2002:7f00:1::1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    """Private, loopback, link-local, reserved, multicast and IPv6 forms of them are refused."""
    assert not is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address", ["93.184.215.14", "2606:4700::6810:84e5", "::ffff:93.184.215.14"]
)
def test_public_addresses_are_allowed(address: str) -> None:
    """Public unicast addresses pass (the check only; nothing is fetched)."""
    assert is_public(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/a",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        "http://u:p@example.org/",
    ],
)
def test_only_plain_http_and_https_urls_are_accepted(url: str) -> None:
    """Other schemes, URLs without a host and URLs with credentials are refused."""
    with pytest.raises(FetchError):
        parse_target(url)


def test_every_resolved_address_must_be_public() -> None:
    """A host with one private address among public ones is refused, after resolution."""
    target = parse_target("https://news.test/artikel")
    mixed = resolves_to("93.184.215.14", "10.0.0.7")
    with pytest.raises(FetchError, match=re.escape("10.0.0.7")):
        checked_address(target, mixed, is_public)
    assert checked_address(target, resolves_to("93.184.215.14"), is_public) == "93.184.215.14"


def test_loopback_server_is_refused(server: str) -> None:
    """With the default check, a URL on 127.0.0.1 is refused before any request is sent."""
    Handler.hosts.clear()
    with pytest.raises(FetchError, match="non-public address"):
        fetch_article(f"{server}/page", web(), LIMITS)
    assert Handler.hosts == []


def test_host_name_resolving_to_loopback_is_refused(server: str) -> None:
    """A public-looking name that resolves to 127.0.0.1 is refused too (checked after DNS)."""
    port = server.rsplit(":", 1)[1]
    with pytest.raises(FetchError, match=re.escape("127.0.0.1")):
        fetch_article(
            f"http://news.test:{port}/page", web(), LIMITS, resolve=resolves_to("127.0.0.1")
        )


def test_allowed_fetch_returns_article_text(server: str) -> None:
    """With 127.0.0.1 allowed explicitly, a web page is reduced to its article text."""
    text = fetch_article(f"{server}/page", web(), LIMITS, allow=allow_loopback)
    assert "Streik legt Hamburger Hafen lahm" in text
    assert "sagte Verbandssprecher Jonas Reuter" in text
    assert "Impressum" not in text
    assert (
        fetch_article(f"{server}/plain", web(), LIMITS, allow=allow_loopback)
        == "Ein deutscher Text."
    )


def test_connection_goes_to_the_checked_address_with_the_original_host(server: str) -> None:
    """The request goes to the resolved, checked address and names the URL's host."""
    Handler.hosts.clear()
    port = server.rsplit(":", 1)[1]
    body, _ = fetch(
        f"http://news.test:{port}/to-page",
        web(),
        resolve=resolves_to("127.0.0.1"),
        allow=allow_loopback,
    )
    assert body == PAGE
    assert Handler.hosts == [f"news.test:{port}", f"news.test:{port}"]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/to-private", "192.168.1.20"),
        ("/to-ipv6-loopback", "::1"),
        ("/to-file", "only http:// and https://"),
        ("/loop", "redirects"),
    ],
)
def test_every_redirect_is_checked(server: str, path: str, message: str) -> None:
    """A redirect to a private address, another scheme, or a loop is refused."""
    resolver = {"intranet.test": ["192.168.1.20"], "127.0.0.1": ["127.0.0.1"], "::1": ["::1"]}
    with pytest.raises(FetchError, match=re.escape(message)):
        fetch(f"{server}{path}", web(), resolve=lambda h, _p: resolver[h], allow=allow_loopback)


@pytest.mark.parametrize("path", ["/big", "/big-unannounced"])
def test_body_above_the_size_limit_is_refused(server: str, path: str) -> None:
    """A body above web.fetch_max_bytes is refused, announced or not."""
    with pytest.raises(FetchError, match="fetch_max_bytes"):
        fetch(f"{server}{path}", web(fetch_max_bytes=1000), allow=allow_loopback)


def test_server_slower_than_the_time_limit_is_given_up_on(server: str) -> None:
    """A server slower than web.fetch_timeout_s is given up on."""
    with pytest.raises(FetchError, match="fetch_timeout_s"):
        fetch(f"{server}/slow", web(fetch_timeout_s=0.3), allow=allow_loopback)


def test_other_content_and_errors_are_explained(server: str) -> None:
    """Images, HTTP errors and switched-off URL input each get a clear message."""
    with pytest.raises(FetchError, match="image/png"):
        fetch_article(f"{server}/image", web(), LIMITS, allow=allow_loopback)
    with pytest.raises(FetchError, match="HTTP status 404"):
        fetch(f"{server}/missing", web(), allow=allow_loopback)
    with pytest.raises(FetchError, match="switched off"):
        fetch_article(f"{server}/page", web(url_input=False), LIMITS, allow=allow_loopback)


class TlsDripper(socketserver.BaseRequestHandler):
    """Answer a TLS hello with a record header announcing 16 kB, then drip its bytes."""

    def handle(self) -> None:
        """Read the client's hello, then send the server's answer one byte at a time."""
        self.request.recv(4096)
        sent = 0
        with contextlib.suppress(OSError):
            for byte in b"\x16\x03\x03\x40\x00" + b"\x02" * DRIP_BYTES:
                self.request.sendall(bytes([byte]))
                sent += 1
                time.sleep(DRIP_INTERVAL_S)
        Handler.dripped.put(sent)


def test_deadline_covers_a_tls_handshake_dripped_byte_by_byte() -> None:
    """A server that drips its TLS handshake is cut at web.fetch_timeout_s too."""
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), TlsDripper) as tls:
        threading.Thread(target=tls.serve_forever, daemon=True).start()
        try:
            with pytest.raises(FetchError, match="fetch_timeout_s"):
                url = f"https://127.0.0.1:{tls.server_address[1]}/"
                fetch(url, web(fetch_timeout_s=1.0), allow=allow_loopback)
            sent = Handler.dripped.get(timeout=DRIP_BYTES * DRIP_INTERVAL_S + 10)
        finally:
            tls.shutdown()
    assert sent < DRIP_BYTES // 4


@pytest.mark.parametrize("path", ["/drip-headers", "/drip-body"])
def test_deadline_covers_a_server_dripping_headers_or_body(server: str, path: str) -> None:
    """A server that sends one byte every 0.25 s is cut at web.fetch_timeout_s, headers too.

    The server counts what it sent before the client hung up: about the deadline's worth of
    bytes, not the whole slow answer.
    """
    with pytest.raises(FetchError, match="fetch_timeout_s"):
        fetch(f"{server}{path}", web(fetch_timeout_s=1.0), allow=allow_loopback)
    sent = Handler.dripped.get(timeout=DRIP_BYTES * DRIP_INTERVAL_S + 10)
    assert sent < DRIP_BYTES // 4


def test_compressed_answer_that_was_not_asked_for_is_refused(server: str) -> None:
    """A gzip body (here one that unpacks to 40 MB) is refused unread: none was asked for."""
    with pytest.raises(FetchError, match="gzip-compressed"):
        fetch(f"{server}/gzip-bomb", web(), allow=allow_loopback)


def test_fetched_text_over_the_raw_limit_is_refused(server: str) -> None:
    """A fetched text above limits.max_raw_chars is refused with the limit named."""
    limits = replace(LIMITS, max_raw_chars=200_000, max_text_chars=200_000)
    with pytest.raises(InputTooLongError, match="max_raw_chars"):
        fetch_article(f"{server}/huge-text", web(), limits, allow=allow_loopback)


def test_slow_fetch_does_not_hold_the_digest_slot(
    pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While one visitor's fetch hangs, another visitor's digest runs to the end.

    The fetch stands in for a server dripping its answer (the real one refuses loopback); it
    is started as the browser starts it, through the queue.
    """
    import httpx
    from gradio_client import Client
    from webapp import running_app

    from kernpunkt import ui

    release, started, returned = threading.Event(), threading.Event(), threading.Event()

    def hanging_fetch(*_: Any) -> str:
        started.set()
        release.wait(20)
        returned.set()
        return "Der Hafen bleibt geschlossen."

    monkeypatch.setattr(ui, "fetch_article", hanging_fetch)
    article = (FIXTURES / "artikel-hafen.txt").read_text(encoding="utf-8")
    with running_app(pipeline) as url:
        config = httpx.get(f"{url}config").json()
        buttons = {
            c["id"] for c in config["components"] if c.get("props", {}).get("value") == "Fetch"
        }
        event = next(d for d in config["dependencies"] if d["targets"][0][0] in buttons)
        joined = httpx.post(
            f"{url}gradio_api/queue/join",
            json={
                "data": ["https://example.org/artikel"],
                "event_data": None,
                "fn_index": event["id"],
                "trigger_id": event["targets"][0][0],
                "session_hash": "slow-fetch",
            },
        )
        assert joined.status_code == 200 and started.wait(10)
        try:
            data = Client(url, verbose=False).predict(article, fast=True, api_name="/digest")
            assert not returned.is_set(), "the digest waited for the fetch"
        finally:
            release.set()
    assert data["sentences"] and returned.is_set()
