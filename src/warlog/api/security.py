"""What keeps the API to the people it is meant for, in one ASGI middleware.

Rules:
- Binding: `warlog serve` binds to loopback (127.0.0.1, ::1, localhost) unless given a token; any
  other address without one is refused before the server starts (`check_bind`).
- Token: with a token, every /api request needs `Authorization: Bearer <token>` (401 otherwise;
  compared in constant time). The page, its static files, /docs and /openapi.json carry no data and
  stay open, so a browser can load them and then send the token.
- Host: without a token, only requests whose Host header names loopback are served (403 otherwise),
  so a web page elsewhere cannot reach the API through DNS rebinding.
- Body: a request body over `max_request_bytes` is refused with 413, from its Content-Length alone
  when it says so, else while it is read; the body is read before the app sees it.
- Headers: every response gets `Content-Security-Policy` (scripts, styles, fonts and connections
  from this server only; images also as data: URIs, which Swagger UI and Leaflet use for icons;
  inline style attributes, which Leaflet and Cytoscape set, but no inline scripts, no frames, no
  plugins), `X-Content-Type-Options: nosniff`, `Referrer-Policy:
  no-referrer` and `X-Frame-Options: DENY`.
Cross-site POSTs get no help either: the API sends no CORS headers and accepts only JSON bodies, which
a form on another site cannot send.
"""

from __future__ import annotations

import hmac
import ipaddress
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from warlog.api.errors import error_response
from warlog.errors import SettingsError

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def is_loopback(host: str) -> bool:
    """Whether `host` (a name or an address, IPv6 possibly in brackets) is this machine only."""
    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to serve beyond this machine without a token.

    Raises:
        SettingsError: `host` is not loopback and there is no token.
    """
    if not is_loopback(host) and not token:
        raise SettingsError(
            f"--host {host} would open the API beyond this machine; give --token (or set WARLOG_TOKEN), "
            "or bind to 127.0.0.1"
        )


def _host_of(header: str) -> str:
    """The host name of a Host header value (without its port)."""
    if header.startswith("["):
        return header[: header.find("]") + 1]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class SecurityMiddleware:
    """Token, Host and body-size checks, and the security headers on every response."""

    def __init__(self, app: App, *, token: str | None, max_request_bytes: int) -> None:
        self.app = app
        self.token = token.encode() if token else None
        self.max_request_bytes = max_request_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message["headers"] = headers + list(SECURITY_HEADERS)
            await send(message)

        refusal = self._refusal(scope)
        if refusal is None and scope["method"] in _BODY_METHODS:
            body, refusal = await self._read_body(scope, receive)
            if refusal is None:
                receive = _replay(body, receive)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> Any:
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        path = scope.get("path", "")
        if self.token is None:
            host = _host_of(headers.get("host", ""))
            if not is_loopback(host):
                return error_response(
                    403, f"host {host!r} is not this machine; without a token the API answers only on loopback"
                )
        elif path == "/api" or path.startswith("/api/"):
            scheme, _, given = headers.get("authorization", "").partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token):
                return error_response(
                    401, "this API needs a token: send the header 'Authorization: Bearer <token>'",
                    headers={"WWW-Authenticate": "Bearer"},
                )  # fmt: skip
        length = headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_request_bytes:
            return self._too_large()
        return None

    def _too_large(self) -> Any:
        return error_response(413, f"the request body is larger than the limit of {self.max_request_bytes} bytes")

    async def _read_body(self, scope: Scope, receive: Receive) -> tuple[bytes, Any]:
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_request_bytes:
                return b"", self._too_large()
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks), None


def _replay(body: bytes, receive: Receive) -> Receive:
    """A `receive` that hands the app the body already read, then the server's own messages."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
