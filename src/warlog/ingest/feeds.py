"""RSS and Atom feeds: one document per entry, from its link, else from the entry's own content."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import feedparser
import httpx

from warlog.errors import EmptyDocumentError, FetchError, InputError
from warlog.ingest.dates import parse_date
from warlog.ingest.documents import Metadata
from warlog.ingest.fetch import is_url
from warlog.ingest.sniff import Kind
from warlog.ingest.sources import document_from_text, read_url
from warlog.model import Document, Failure
from warlog.settings import Settings

# When the linked page cannot give a document for these reasons, the entry's own content stands in
FALLBACK_ERRORS = (FetchError, EmptyDocumentError)
# Entities a feed's DOCTYPE may declare: a character reference or a short plain text. Any other is
# refused: an external one reads a file or a URL, and feedparser's fallback parser expands the rest
# without bound (one long entity, repeated, fills memory). The whole feed is searched, not only its
# prolog, so no trick that ends the prolog early hides a declaration.
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_SAFE_VALUE = rb"&\#(?:\d+|x[0-9a-f]+);|[^\"'&%<]{0,16}"
_SAFE_ENTITY = re.compile(
    rb"<!ENTITY\s+[\w.:-]+\s+(?:\"(?:" + _SAFE_VALUE + rb")\"|'(?:" + _SAFE_VALUE + rb")')\s*>", re.IGNORECASE
)


def iter_feed(
    data: bytes,
    *,
    name: str,
    base_url: str | None = None,
    client: httpx.Client,
    published: str | None,
    settings: Settings,
) -> Iterator[Document | Failure]:
    """The documents of a feed's entries, in feed order; an entry that cannot be read is a Failure.

    Each entry's link is fetched; when that fails (or the entry has no link) its content or summary
    is the document. The entry's title, author and date win over the page's; the feed title is the
    source when the page names none, and `published` the date when neither has one.
    """
    unsafe = _unsafe_entity(data)
    if unsafe is not None:
        message = (
            f"{name}: the feed's DOCTYPE declares an entity warlog does not read, {unsafe}: an entity may read "
            "a file or a URL, or expand without bound, so only character references (&#160;) and short texts "
            "are read; remove the declaration from the DOCTYPE"
        )
        yield Failure(name, "InputError", message)
        return
    headers = {"content-location": base_url} if base_url else None  # resolves relative links
    parsed = feedparser.parse(data, response_headers=headers)
    if parsed.get("bozo") and not parsed.entries:
        error = parsed.get("bozo_exception")
        yield Failure(name, "InputError", f"{name} is not a readable RSS or Atom feed: {error}")
        return
    default = Metadata(source=parsed.feed.get("title") or None, published=published)
    for index, entry in enumerate(parsed.entries, start=1):
        known = Metadata(title=entry.get("title"), author=_author(entry), published=_published(entry))
        link = entry.get("link") if is_url(entry.get("link") or "") else None
        source = link or f"{name}#{index}"
        try:
            yield _entry_document(entry, link=link, known=known, default=default, client=client, settings=settings)
        except InputError as e:
            yield Failure(source, type(e).__name__, str(e))


def _unsafe_entity(data: bytes) -> str | None:
    """The first entity declaration of the feed that is not safe to expand (its first characters), or None."""
    data = data.replace(b"\x00", b"")  # UTF-16 and UTF-32 markup read as ASCII
    for found in _ENTITY.finditer(data):
        if not _SAFE_ENTITY.match(data, found.start()):
            declaration = data[found.start() : found.start() + 80]
            end = declaration.find(b">")
            shown = declaration[: end + 1] if end >= 0 else declaration + b"..."
            return shown.decode("utf-8", "replace")
    return None


def _entry_document(
    entry: Any,
    *,
    link: str | None,
    known: Metadata,
    default: Metadata,
    client: httpx.Client,
    settings: Settings,
) -> Document:
    content = _content(entry)
    if link is not None:
        try:
            return read_url(link, client=client, known=known, default=default, settings=settings)
        except FALLBACK_ERRORS:
            if content is None:
                raise
    if content is None:
        raise EmptyDocumentError("feed entry has no link and no content or summary; nothing to read")
    text, kind = content
    name = f"{link} (from the feed entry)" if link else "feed entry"
    return document_from_text(text, kind, name=name, url=link, known=known, default=default, settings=settings)


def _content(entry: Any) -> tuple[str, Kind] | None:
    """The entry's full content, else its summary, and whether it is HTML or plain text."""
    candidates = [*(entry.get("content") or ()), entry.get("summary_detail") or {}]
    for item in candidates:
        value = item.get("value") or ""
        if value.strip():
            return value, "text" if item.get("type") == "text/plain" else "html"
    return None


def _author(entry: Any) -> str | None:
    detail = entry.get("author_detail") or {}
    return detail.get("name") or entry.get("author") or None


def _published(entry: Any) -> str | None:
    """The entry's date as written, else as feedparser normalized it (in UTC)."""
    for key in ("published", "updated"):
        date = parse_date(entry.get(key) or "")
        if date is not None:
            return date
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed is not None:
            return time.strftime("%Y-%m-%d", parsed)
    return None
