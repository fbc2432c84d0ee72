"""What a document is (HTML, a feed or plain text), from its media type, file suffix or first bytes."""

from __future__ import annotations

import re
from typing import Literal

Kind = Literal["html", "feed", "text"]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})

# What may come before the root element; each part ends at its first end, so that no prolog makes
# the match backtrack without end
_PROLOG = (
    r"\s*(?:"
    r"<\?(?:[^?]|\?(?!>))*\?>\s*"  # a processing instruction: <?xml ...?>, <?xml-stylesheet ...?>
    r"|<!--(?:[^-]|-(?!->))*-->\s*"  # a comment
    r"|<!doctype\s[^\[>]*(?:\[[^\]]*\]\s*)?>\s*"  # a DOCTYPE, with or without an internal subset
    r")*"
)
# the root element, or a DOCTYPE that names it (however long its internal subset)
_FEED = re.compile(_PROLOG + r"<(?:!doctype\s+)?(?:rss|feed|rdf:rdf)\b", re.IGNORECASE | re.DOTALL)
_HTML = re.compile(
    _PROLOG + r"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h[1-6]|section|main|script)\b",
    re.IGNORECASE | re.DOTALL,
)


def media_type(content_type: str | None) -> str | None:
    """The media type of a Content-Type header, without parameters: "text/html; charset=x" -> "text/html"."""
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, or None."""
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type or "", re.IGNORECASE)
    return match.group(1) if match else None


def sniff(head: str) -> Kind:
    """The kind of a document from its first characters."""
    head = head.lstrip("\ufeff")
    if _FEED.match(head):
        return "feed"
    if _HTML.match(head):
        return "html"
    return "text"


def kind_of(head: str, *, content_type: str | None = None, suffix: str = "") -> Kind:
    """The kind of a document: the media type decides when it names one, then the suffix, then the content."""
    mime = media_type(content_type)
    if mime in HTML_TYPES:
        return "html"
    if mime in FEED_TYPES:
        return "feed"
    if mime is not None and mime.startswith("text/") and mime != "text/xml":
        return "text"
    suffix = suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in FEED_SUFFIXES:
        return "feed"
    return sniff(head[:4096])
