"""Fetch a URL with httpx: timeout and User-Agent from settings, redirects followed, size bounded.

Rules:
- Unless the `allow_private_urls` setting is on, the client sends every request, each redirect too,
  through `GuardedTransport` (warlog.ingest.addresses): a URL whose host is not a public address is
  refused before anything is sent, with a PrivateAddressError.
- A guarded client does not read HTTP(S)_PROXY or .netrc (httpx's trust_env): a proxy would connect
  where the guard cannot look, and a feed must not collect the passwords .netrc keeps.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from warlog.errors import FetchError
from warlog.ingest.addresses import GuardedTransport
from warlog.ingest.validate import check_size
from warlog.settings import Settings


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource: the final URL after redirects, its bytes and its Content-Type header."""

    url: str
    content: bytes
    content_type: str | None


def is_url(ref: str) -> bool:
    """Whether `ref` is an http or https URL."""
    return ref.lower().startswith(("http://", "https://"))


def open_client(settings: Settings) -> httpx.Client:
    """An httpx client with warlog's timeout and User-Agent that follows redirects, to public addresses
    only unless the `allow_private_urls` setting is on."""
    headers = {"User-Agent": settings.user_agent}
    if settings.allow_private_urls:
        return httpx.Client(timeout=settings.timeout, headers=headers, follow_redirects=True)
    return httpx.Client(
        timeout=settings.timeout,
        headers=headers,
        follow_redirects=True,
        transport=GuardedTransport(),
        trust_env=False,
    )


def fetch(url: str, *, client: httpx.Client, max_chars: int) -> Response:
    """GET `url`; raise FetchError for an HTTP error status or a failed connection, PrivateAddressError
    (from a guarded client) for a URL or redirect to an address that is not public.

    Raises DocumentTooLargeError without reading on when the body cannot fit in `max_chars`.
    """
    try:
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}; check the URL")
            final = str(response.url)
            length = response.headers.get("Content-Length", "")
            if length.isdigit():
                check_size(int(length), max_chars=max_chars, name=final)
            content = _read_bounded(response, max_chars=max_chars, name=final)
            return Response(final, content, response.headers.get("Content-Type"))
    except httpx.TimeoutException as e:
        raise FetchError(f"{url}: timed out after {client.timeout.read}s; raise the timeout setting") from e
    except (httpx.HTTPError, httpx.InvalidURL) as e:
        reason = str(e) or type(e).__name__
        raise FetchError(f"{url}: cannot fetch: {reason}; check the URL and the network") from e


def _read_bounded(response: httpx.Response, *, max_chars: int, name: str) -> bytes:
    """The body, refused as soon as it grows past what `max_chars` characters can take."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        chunks.append(chunk)
        size += len(chunk)
        check_size(size, max_chars=max_chars, name=name)
    return b"".join(chunks)
