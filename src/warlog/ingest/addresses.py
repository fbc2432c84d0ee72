"""Which network addresses warlog fetches from: public ones, unless the `allow_private_urls` setting is on.

A URL given to `POST /api/documents`, `warlog analyze` or `warlog ingest`, a feed's link, or a redirect
from any of them, may name the machine itself (127.0.0.1, ::1, localhost), its local network (10/8,
192.168/16, fc00::/7), the cloud's metadata service (169.254.169.254) or a multicast group. Fetching it
would hand that service's answer, or the fact that nothing answers, to whoever wrote the URL
(server-side request forgery).

Rules:
- `GuardedTransport` serves every request an httpx client sends, so every redirect too. It resolves the
  request's host and refuses the request when ANY address the name has is not public; then it connects
  to an address it checked, without resolving the name again, so a DNS answer that changes between the
  check and the connection (rebinding) cannot slip through. The Host header and the TLS server name stay
  the URL's host, so virtual hosts and certificates work as before.
- Public means global unicast: `ipaddress`'s `is_global` and not multicast. An IPv4 address inside an
  IPv6 one (IPv4-mapped, 6to4, NAT64) is judged as that IPv4 address. "localhost" and its subdomains
  resolve to 127.0.0.1 and ::1 without asking DNS (RFC 6761).
- A refusal is a `PrivateAddressError` raised before anything is sent: "URL: refused: private address;
  set allow_private_urls to fetch it". It names no address and nothing that answered.
- The policy is a predicate on an address (`allow`), so a test can allow one loopback address and not
  another; warlog itself only ever uses `is_public_address`.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable

import httpx

from warlog.errors import PrivateAddressError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
AddressPolicy = Callable[[Address], bool]
NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
LOOPBACK = (ipaddress.IPv4Address("127.0.0.1"), ipaddress.IPv6Address("::1"))


def is_public_address(address: Address) -> bool:
    """Whether `address` is global unicast: not loopback, private, link-local, multicast, reserved or
    unspecified, nor an IPv6 address that carries such an IPv4 address."""
    if isinstance(address, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(address)
        if embedded is not None:
            return is_public_address(embedded)
    special = (
        address.is_private or address.is_loopback or address.is_link_local or address.is_multicast
        or address.is_reserved or address.is_unspecified
        or (isinstance(address, ipaddress.IPv6Address) and address.is_site_local)
    )  # fmt: skip
    return address.is_global and not special


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address in NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def refusal(url: httpx.URL | str) -> PrivateAddressError:
    """The one error a refused URL gets."""
    return PrivateAddressError(f"{url}: refused: private address; set allow_private_urls to fetch it")


def resolve(host: str, port: int) -> list[Address]:
    """The addresses `host` has for TCP, in the resolver's order of preference, without repeats.

    Raises:
        OSError: the name does not resolve.
    """
    name = host.lower().rstrip(".")
    if name == "localhost" or name.endswith(".localhost"):
        return list(LOOPBACK)
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    return list(dict.fromkeys(addresses))


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that sends a request only to addresses `allow` accepts, and to the very
    address it checked (one pooled `httpx.HTTPTransport` per host name, so a TLS connection made for one
    name is never reused for another on the same address)."""

    def __init__(self, *, allow: AddressPolicy = is_public_address) -> None:
        self._allow = allow
        self._transports: dict[str, httpx.HTTPTransport] = {}

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.raw_host.decode("ascii")
        addresses = self._check(request, host)
        transport = self._transports.setdefault(host, httpx.HTTPTransport())
        for address in addresses[:-1]:  # as socket.create_connection does: the next one when one fails
            try:
                return transport.handle_request(_addressed(request, address, host))
            except httpx.ConnectError:
                continue
        return transport.handle_request(_addressed(request, addresses[-1], host))

    def close(self) -> None:
        for transport in self._transports.values():
            transport.close()
        self._transports.clear()

    def _check(self, request: httpx.Request, host: str) -> list[Address]:
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        try:
            addresses = resolve(host, port)
        except (OSError, UnicodeError) as e:
            raise httpx.ConnectError(f"cannot resolve {host}", request=request) from e
        if not addresses or not all(self._allow(address) for address in addresses):
            raise refusal(request.url)
        return addresses


def _addressed(request: httpx.Request, address: Address, host: str) -> httpx.Request:
    """`request` sent to `address`, with the Host header and TLS server name of `host`."""
    extensions = dict(request.extensions)
    if request.url.scheme == "https":
        extensions["sni_hostname"] = host
    return httpx.Request(
        request.method,
        request.url.copy_with(host=str(address)),
        headers=request.headers,  # the Host header the client set from the URL
        stream=request.stream,
        extensions=extensions,
    )
