"""Download one page over HTTP(S): timeouts, a size cap, few redirects, public addresses only.

Every problem is an InputError naming the URL as given (and the hop it went
wrong on, when a redirect led there), so a bad link never stops a batch.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from wiretrace.errors import InputError, first_line
from wiretrace.ingest.guard import BlockedAddress, GuardedBackend, address_problem, checked_addresses
from wiretrace.ingest.sizes import MAX_FILE_BYTES, human_size, too_large

# Seconds to connect, and between two reads; a news page that sends nothing
# for 15 s is down.
FETCH_TIMEOUT_S = 15.0
# Seconds for a whole download: a server dripping a byte every few seconds
# never trips the read timeout, this stops it.
FETCH_DEADLINE_S = 60.0
# Redirects followed: http -> https -> www -> the article's canonical path is
# three; five leaves room without following a loop for long.
MAX_REDIRECTS = 5
USER_AGENT = "wiretrace/0.1 (+https://github.com/wiretrace)"
SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Bytes read from the network at a time.
CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How pages are downloaded.

    ``allow_loopback`` is for tests that run a server on this machine;
    ``transport`` replaces the network (``httpx.MockTransport`` in tests).
    """

    timeout: float = FETCH_TIMEOUT_S
    deadline: float = FETCH_DEADLINE_S
    max_bytes: int = MAX_FILE_BYTES
    max_redirects: int = MAX_REDIRECTS
    allow_loopback: bool = False
    transport: httpx.BaseTransport | None = None


class FetchFailed(Exception):
    """What went wrong with one hop's response; fetch_url adds the URL."""


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded page: the URL it was finally read from, its content type and bytes."""

    url: str
    content_type: str
    data: bytes


def fetch_url(url: str, options: FetchOptions | None = None) -> Fetched:
    """The page at ``url``; raises InputError naming ``url`` and the problem."""
    options = options or FetchOptions()
    hop = url
    try:
        with _client(options) as client:
            for _ in range(options.max_redirects + 1):
                check_url(hop, options.allow_loopback)
                with client.stream("GET", hop) as response:
                    if not response.is_redirect:
                        return Fetched(hop, response.headers.get("content-type", ""), _body(response, options))
                    hop = _next_hop(hop, response)
    except (BlockedAddress, FetchFailed) as err:
        raise InputError(url, _at_hop(url, hop, str(err))) from None
    except httpx.TimeoutException:
        raise InputError(url, _at_hop(url, hop, f"timed out (no answer within {options.timeout:g} s)")) from None
    except httpx.HTTPError as err:
        raise InputError(url, _at_hop(url, hop, f"download failed ({first_line(err)})")) from None
    raise InputError(url, f"more than {options.max_redirects} redirects")


def check_url(url: str, allow_loopback: bool = False) -> None:
    """Raise BlockedAddress unless ``url`` is http(s) to a host whose every address is public."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in SCHEMES:
        raise BlockedAddress(f"refused: only http and https URLs are fetched, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise BlockedAddress("refused: no host in the URL")
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme.lower()]
    except ValueError:
        raise BlockedAddress("refused: bad port in the URL") from None
    problem = _literal_problem(parts.hostname, allow_loopback)
    if problem:
        raise BlockedAddress(f"refused: {parts.hostname} is {problem}")
    checked_addresses(parts.hostname, port, allow_loopback)


def _literal_problem(host: str, allow_loopback: bool) -> str | None:
    """The guard's verdict on a host written as an IP address; None for a name."""
    try:
        return address_problem(host, allow_loopback)
    except ValueError:
        return None


def _client(options: FetchOptions) -> httpx.Client:
    transport = options.transport or _guarded_transport(options.allow_loopback)
    return httpx.Client(
        transport=transport,
        timeout=options.timeout,
        follow_redirects=False,  # followed by hand, so that every hop is checked
        trust_env=False,  # a proxy from the environment would hide the real address
        headers={"User-Agent": USER_AGENT},
    )


def _guarded_transport(allow_loopback: bool) -> httpx.HTTPTransport:
    """httpx's transport, its connection pool swapped for one that connects through the guard."""
    transport = httpx.HTTPTransport(retries=0)
    transport._pool = httpcore.ConnectionPool(  # httpx has no public hook for the network backend
        ssl_context=httpx.create_ssl_context(), network_backend=GuardedBackend(allow_loopback)
    )
    return transport


def _next_hop(url: str, response: httpx.Response) -> str:
    location = response.headers.get("location")
    if not location:
        raise FetchFailed(f"HTTP {response.status_code} redirect without a Location")
    return urljoin(url, location)


def _body(response: httpx.Response, options: FetchOptions) -> bytes:
    """The response's bytes, read in chunks; raises FetchFailed on an error status, past the cap or the deadline."""
    if response.status_code != httpx.codes.OK:
        raise FetchFailed(f"HTTP {response.status_code} {response.reason_phrase}".strip())
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        raise FetchFailed(f"too large ({too_large(int(declared), options.max_bytes)})")
    parts: list[bytes] = []
    size = 0
    stop = time.monotonic() + options.deadline
    for chunk in response.iter_bytes(CHUNK_BYTES):
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchFailed(f"too large (over {human_size(options.max_bytes)})")
        if time.monotonic() > stop:
            raise FetchFailed(f"too slow (not done within {options.deadline:g} s)")
        parts.append(chunk)
    return b"".join(parts)


def _at_hop(url: str, hop: str, problem: str) -> str:
    return problem if hop == url else f"redirected to {hop}: {problem}"
