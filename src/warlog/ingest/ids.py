"""Stable document ids: the same text (or URL) always gets the same id."""

from __future__ import annotations

import hashlib
import unicodedata
from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def normalize_text(text: str) -> str:
    """The text in NFC with every run of whitespace collapsed to one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def normalize_url(url: str) -> str:
    """The URL with scheme and host in lowercase, no default port, no fragment, "/" for an empty path."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    if parts.username is not None:
        userinfo = parts.username + (f":{parts.password}" if parts.password is not None else "")
        host = f"{userinfo}@{host}"
    path = parts.path or ("/" if host else "")
    return urlunsplit((scheme, host, path, parts.query, ""))


def document_id(text: str, url: str | None = None) -> str:
    """The id of a document: "d_" and 16 hex characters of a SHA-256.

    Args:
        text: the document text; hashed after `normalize_text` when there is no URL.
        url: where the document came from; when given, the id is the hash of `normalize_url(url)`, so
            a url names one text: the JSON Lines reader and `Pipeline.ingest` refuse a second text
            under a url already taken (a Failure that says so) rather than skip it as stored.

    Returns:
        The id, e.g. "d_c00ed4ead730b4ef".
    """
    key = normalize_url(url) if url else normalize_text(text)
    return "d_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def text_digest(text: str) -> bytes:
    """A short digest of `normalize_text(text)`: two texts with the same digest are the same text."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).digest()[:16]
