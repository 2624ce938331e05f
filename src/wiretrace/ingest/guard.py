"""The SSRF guard: a URL given to Wiretrace may only reach public internet addresses.

A link in a feed or a redirect can point anywhere, including the machine
Wiretrace runs on (``127.0.0.1``), its network (``10.x``, ``192.168.x``) or a
cloud metadata service (``169.254.169.254``). Every host is resolved and
every address it resolves to is checked, on every redirect hop; the HTTP
client then connects only to an address checked at connection time (see
``GuardedBackend``), so a name that resolves to a public address for the
check and a private one for the connection (DNS rebinding) gets nowhere.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

import httpcore

from wiretrace.errors import WiretraceError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address

# What each kind of non-public address is called in messages, tested in this order.
ADDRESS_KINDS = (
    ("is_loopback", "a loopback address"),
    ("is_link_local", "a link-local address"),
    ("is_multicast", "a multicast address"),
    ("is_unspecified", "an unspecified address"),
    ("is_private", "a private address"),
    ("is_reserved", "a reserved address"),
)


class BlockedAddress(WiretraceError):
    """A host that resolves to an address Wiretrace must not connect to."""


def address_problem(address: str | Address, allow_loopback: bool = False) -> str | None:
    """Why Wiretrace must not connect to ``address`` ("a private address"), or None for a public one.

    ``allow_loopback`` lets tests reach a server on this machine; nothing else sets it.
    """
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is 127.0.0.1
    if allow_loopback and ip.is_loopback:
        return None
    for attribute, name in ADDRESS_KINDS:
        if getattr(ip, attribute):
            return name
    return None if ip.is_global else "not a public address"


def checked_addresses(host: str, port: int, allow_loopback: bool = False) -> list[str]:
    """The addresses ``host`` resolves to; raises BlockedAddress when any one of them is not public.

    All must pass, not just one: the client could pick any of them.
    """
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as err:
        raise BlockedAddress(f"cannot resolve host {host!r} ({_reason(err)})") from None
    addresses = list(dict.fromkeys(str(info[4][0]).split("%")[0] for info in infos))
    for address in addresses:
        problem = address_problem(address, allow_loopback)
        if problem:
            shown = host if host.strip("[]") == address else f"{host} ({address})"
            raise BlockedAddress(f"refused: {shown} is {problem}")
    return addresses


def _reason(err: Exception) -> str:
    return getattr(err, "strerror", None) or str(err) or type(err).__name__


class GuardedBackend(httpcore.SyncBackend):
    """httpcore's socket backend, connecting only to addresses that pass the guard."""

    def __init__(self, allow_loopback: bool = False) -> None:
        self.allow_loopback = allow_loopback

    def connect_tcp(self, host: str, port: int, *args: Any, **kwargs: Any) -> httpcore.NetworkStream:
        """A connection to the first of the host's (checked) addresses that answers."""
        failure: httpcore.ConnectError | None = None
        for address in checked_addresses(host, port, self.allow_loopback):
            try:
                return super().connect_tcp(address, port, *args, **kwargs)
            except httpcore.ConnectError as err:
                failure = err
        raise failure or httpcore.ConnectError(f"no address for {host}")
