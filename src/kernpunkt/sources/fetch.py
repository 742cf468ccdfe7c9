"""Fetch an article by URL for the web UI without letting the URL reach the server's own network.

Only http and https are fetched. Every host is resolved once, every address it resolves to must
be public (not private, loopback, link-local, reserved, multicast or an IPv6 form of such an
IPv4 address), and the connection goes to exactly the address that was checked, so that a DNS
answer cannot change between check and use. Each redirect is checked the same way; the response
is bounded in size, and the whole fetch in time: one deadline covers connecting, TLS, the headers
and the body of every hop, however slowly a server drips them (the `web` section).
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from kernpunkt.config import LimitsConfig, WebConfig
from kernpunkt.errors import KernpunktError
from kernpunkt.sources.files import Reading, to_text

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# host, port → the IP addresses the host resolves to
Resolver = Callable[[str, int], list[str]]
# Whether a connection to this address is allowed
AddressCheck = Callable[[IPAddress], bool]

DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# What a response may hold, and the file suffix `upload.to_text` reads it as.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "text/markdown": ".md",
    "application/pdf": ".pdf",
}
# IPv6 ranges whose last 32 bits are an IPv4 address the packet ends up at.
IPV4_CARRIERS = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("::/96"))
LOW_32_BITS = 0xFFFFFFFF
CHUNK_BYTES = 65536
ACCEPT = "text/html, text/plain;q=0.9, */*;q=0.5"
# Compressed bodies are never asked for, so that none can unpack beyond the size limit.
IDENTITY = "identity"
USER_AGENT = "kernpunkt (German news digest; article fetch on a user's request)"


class FetchError(KernpunktError):
    """A URL could not be fetched, or not safely; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    """The parts of an http(s) URL that a request needs."""

    url: str
    scheme: str
    host: str
    port: int
    path: str
    host_header: str


def system_resolve(host: str, port: int) -> list[str]:
    """Return the addresses `host` resolves to, as the operating system's resolver says."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(
            f"cannot resolve the host name '{host}': {exc.strerror}; check the URL"
        ) from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def _embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Return the IPv4 addresses an IPv6 address stands for (mapped, 6to4, Teredo, NAT64)."""
    found = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    if any(address in network for network in IPV4_CARRIERS):
        found.append(ipaddress.IPv4Address(int(address) & LOW_32_BITS))
    return [a for a in found if a is not None]


def is_public(address: IPAddress) -> bool:
    """Return whether `address` is a public unicast address, IPv4 forms inside IPv6 included."""
    inner = _embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else []
    return all(a.is_global and not a.is_multicast for a in (address, *inner))


def parse_target(url: str) -> Target:
    """Return the request parts of an http(s) URL, or raise FetchError for any other URL."""
    parts = urlsplit(url.strip())
    if parts.scheme not in DEFAULT_PORTS:
        raise FetchError(f"only http:// and https:// URLs can be fetched, not '{url}'")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError as exc:
        raise FetchError(f"the URL '{url}' has an invalid port") from exc
    if not parts.hostname:
        raise FetchError(f"the URL '{url}' names no host")
    if parts.username or parts.password:
        raise FetchError(
            "URLs with a user name or password are not fetched; paste the article text instead"
        )
    path = parts.path or "/"
    return Target(
        url=url,
        scheme=parts.scheme,
        host=parts.hostname,
        port=port,
        path=f"{path}?{parts.query}" if parts.query else path,
        host_header=parts.netloc,
    )


def checked_address(target: Target, resolve: Resolver, allow: AddressCheck) -> str:
    """Return the address to connect to, if every address the host resolves to is allowed."""
    addresses = resolve(target.host, target.port)
    if not addresses:
        raise FetchError(f"the host '{target.host}' resolves to no address; check the URL")
    for text in addresses:
        if not allow(ipaddress.ip_address(text.split("%")[0])):
            raise FetchError(
                f"refused to fetch {target.url}: '{target.host}' resolves to {text}, a private, "
                "loopback, link-local or otherwise non-public address. Paste the article text "
                "instead."
            )
    return addresses[0]


def _remaining(deadline: float, web: WebConfig) -> float:
    """Return the seconds left before `deadline`, or raise FetchError once it has passed."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise _too_slow(web)
    return left


def _cut(connection: http.client.HTTPConnection) -> None:
    """Shut the connection's socket down, waking any read or write blocked on it."""
    sock = connection.sock
    if sock is None:
        return  # closed: the request ended as the deadline came
    # the plain socket's shutdown, also under TLS: it wakes a blocked read at once
    with contextlib.suppress(OSError):  # closed meanwhile
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


def _request(
    target: Target, address: str, deadline: float, web: WebConfig
) -> tuple[int, str, str, bytes]:
    """GET `target` from `address`: return status, content type, Location and the bounded body."""
    timeout = _remaining(deadline, web)
    connection = http.client.HTTPConnection(target.host, target.port, timeout=timeout)
    # Connect to the checked address ourselves: HTTPConnection would resolve the host again.
    sock = connection.sock = socket.create_connection((address, target.port), timeout=timeout)
    # A socket timeout bounds each read, not their sum: a server dripping one byte at a time
    # would never trip it, so the socket is cut when the deadline comes.
    watchdog = threading.Timer(max(deadline - time.monotonic(), 0), _cut, args=(connection,))
    watchdog.daemon = True
    watchdog.start()
    try:
        if target.scheme == "https":
            sock = ssl.create_default_context().wrap_socket(sock, server_hostname=target.host)
            connection.sock = sock
        connection.request(
            "GET",
            target.path,
            headers={
                "Host": target.host_header,
                "User-Agent": USER_AGENT,
                "Accept": ACCEPT,
                "Accept-Encoding": IDENTITY,
            },
        )
        response = connection.getresponse()
        encoding = (response.getheader("Content-Encoding") or IDENTITY).strip().lower()
        if encoding != IDENTITY:
            raise FetchError(
                f"{target.url} sent a {encoding}-compressed page although none was asked for; "
                "paste the article text instead"
            )
        declared = response.getheader("Content-Length") or ""
        if declared.isdigit() and int(declared) > web.fetch_max_bytes:
            raise _too_large(web)
        body = bytearray()
        while chunk := response.read1(CHUNK_BYTES):
            body += chunk
            if len(body) > web.fetch_max_bytes:
                raise _too_large(web)
            sock.settimeout(_remaining(deadline, web))
        _remaining(deadline, web)  # a body cut short by the watchdog is no body
        content_type = (response.getheader("Content-Type") or "").split(";")[0].strip().lower()
        return response.status, content_type, response.getheader("Location") or "", bytes(body)
    finally:
        watchdog.cancel()
        connection.close()


def _too_slow(web: WebConfig) -> FetchError:
    """Return the error for a fetch that ran past the time limit."""
    return FetchError(
        f"the fetch took longer than {web.fetch_timeout_s:g} s (web.fetch_timeout_s); "
        "paste the article text instead"
    )


def _too_large(web: WebConfig) -> FetchError:
    """Return the error for a response above the size limit."""
    return FetchError(
        f"the page is larger than {web.fetch_max_bytes:,} bytes (web.fetch_max_bytes); "
        "paste the article text instead"
    )


def fetch(
    url: str,
    web: WebConfig,
    *,
    resolve: Resolver = system_resolve,
    allow: AddressCheck = is_public,
) -> tuple[bytes, str]:
    """Return the body and content type at `url`, following redirects, checking every hop."""
    deadline = time.monotonic() + web.fetch_timeout_s
    for _ in range(web.fetch_max_redirects + 1):
        target = parse_target(url)
        address = checked_address(target, resolve, allow)
        try:
            status, content_type, location, body = _request(target, address, deadline, web)
        except (OSError, http.client.HTTPException) as exc:
            if isinstance(exc, TimeoutError) or time.monotonic() >= deadline:
                raise _too_slow(web) from exc
            raise FetchError(
                f"could not fetch {url}: {exc}; check the URL, or paste the article text instead"
            ) from exc
        if status in REDIRECT_STATUSES and location:
            url = urljoin(url, location)
            continue
        if status != http.client.OK:
            raise FetchError(
                f"{url} answered with HTTP status {status}; check the URL in a browser, or paste "
                "the article text instead"
            )
        return body, content_type
    raise FetchError(
        f"more than {web.fetch_max_redirects} redirects (web.fetch_max_redirects) from {url}; "
        "paste the article text instead"
    )


def fetch_article(
    url: str,
    web: WebConfig,
    limits: LimitsConfig,
    *,
    resolve: Resolver = system_resolve,
    allow: AddressCheck = is_public,
) -> str:
    """Return the article text at `url` (web pages are reduced to their main text)."""
    if not web.url_input:
        raise FetchError("URL input is switched off here (web.url_input); paste the article text")
    body, content_type = fetch(url, web, resolve=resolve, allow=allow)
    if content_type not in CONTENT_TYPES:
        raise FetchError(
            f"{url} is {content_type or 'of unknown type'}, not a web page, text or PDF "
            "document; paste the article text instead"
        )
    return to_text(body, CONTENT_TYPES[content_type], Reading(limits))
