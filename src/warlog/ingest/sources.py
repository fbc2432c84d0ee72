"""One document from a file, a URL or stdin: read bounded, checked, decoded, then built as text or HTML."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit
from urllib.request import url2pathname

import httpx

from warlog.errors import EmptyDocumentError, InputError
from warlog.ingest.documents import UNKNOWN, Metadata, build_document, check_published, date_from_name
from warlog.ingest.fetch import fetch, is_url, open_client
from warlog.ingest.html import extract_html
from warlog.ingest.sniff import Kind, charset_of, kind_of
from warlog.ingest.validate import byte_limit, check_bytes, check_not_empty, check_size, decode
from warlog.model import Document
from warlog.settings import Settings

JSONL_SUFFIXES = frozenset({".jsonl"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]+)://")


def read_document(
    ref: str | Path,
    *,
    published: str | None = None,
    settings: Settings,
    stdin: TextIO | None = None,
) -> Document:
    """Read one document from a file, an http(s) URL, or stdin ("-").

    A file or URL is HTML when its suffix, Content-Type or first bytes say so (trafilatura then gives
    its main text, title, author, date and site name), else plain text. Feeds and JSON Lines hold
    many documents: read them with `iter_documents`. Other URLs than http(s) (file://, ftp://) are
    refused: give a file's path.

    Args:
        ref: a path, a URL, or "-" for stdin.
        published: the publication date to use when the document's metadata has none.
        settings: warlog settings (`max_chars`, `timeout`, `user_agent`).
        stdin: the stream "-" reads (default `sys.stdin`).

    Returns:
        The Document.

    Raises:
        InputError: one of its subclasses says why the document cannot be read.
    """
    published = check_published(published)
    if isinstance(ref, str) and ref == "-":
        return read_stream(stdin or sys.stdin, published=published, settings=settings)
    if isinstance(ref, str):
        check_scheme(ref)
    if isinstance(ref, str) and is_url(ref):
        with open_client(settings) as client:
            return read_url(ref, client=client, default=Metadata(published=published), settings=settings)
    return read_file(Path(ref), published=published, settings=settings)


def read_file(path: Path, *, published: str | None, settings: Settings) -> Document:
    """The document in a text or HTML file."""
    name = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        raise InputError(
            f"{name} is JSON Lines, one document per line; `warlog ingest {name}` stores them all "
            "(in Python: iter_documents)"
        )
    data = read_bytes(path, max_chars=settings.max_chars)
    text, kind = decode_document(data, name=name, suffix=path.suffix)
    return document_from_text(text, kind, name=name, default=Metadata(published=published), settings=settings)


def check_scheme(ref: str) -> None:
    """Refuse a URL that warlog does not fetch (file://, ftp://...), which would otherwise read as a
    missing file; a file that exists under such a name is read."""
    scheme = _SCHEME.match(ref)
    if scheme is None or is_url(ref) or Path(ref).exists():
        return
    if scheme.group(1).lower() == "file":
        raise InputError(
            f"{ref}: file:// URLs are not read; give the file's path instead: {url2pathname(urlsplit(ref).path)}"
        )
    raise InputError(f"{ref}: only http:// and https:// URLs are fetched; download it and give the file's path")


def read_url(
    url: str,
    *,
    client: httpx.Client,
    known: Metadata = UNKNOWN,
    default: Metadata = UNKNOWN,
    settings: Settings,
) -> Document:
    """The document at `url`; its `url` is the final URL after redirects.

    `known` metadata wins over the page's own, which wins over `default`.
    """
    response = fetch(url, client=client, max_chars=settings.max_chars)
    text, kind = decode_document(response.content, name=response.url, content_type=response.content_type)
    return document_from_text(
        text, kind, name=response.url, url=response.url, known=known, default=default, settings=settings
    )


def read_stream(stream: TextIO, *, published: str | None, settings: Settings) -> Document:
    """The document in a stream: its bytes when it has a binary buffer (as sys.stdin does), else its text."""
    limit = settings.max_chars
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        data = buffer.read(byte_limit(limit) + 1)
        check_size(len(data), max_chars=limit, name="stdin")
        text, kind = decode_document(data, name="stdin")
    else:  # the same bound on raw input as for bytes; the document text is bounded by max_chars later
        text = stream.read(byte_limit(limit) + 1)
        check_size(len(text), max_chars=limit, name="stdin")
        kind = kind_of(text)
    default = Metadata(published=published)
    return document_from_text(text, kind, name="stdin", default=default, settings=settings)


def read_bytes(path: Path, *, max_chars: int) -> bytes:
    """The bytes of a file, refused from its size alone when they cannot fit in `max_chars` characters."""
    try:
        check_size(path.stat().st_size, max_chars=max_chars, name=str(path))
        with path.open("rb") as file:
            data = file.read(byte_limit(max_chars) + 1)
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such file; check the path") from e
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from e
    check_size(len(data), max_chars=max_chars, name=str(path))  # it may have grown since stat
    return data


def decode_document(data: bytes, *, name: str, content_type: str | None = None, suffix: str = "") -> tuple[str, Kind]:
    """The text of a document's bytes, once checked not to be binary, and what kind of document it is."""
    check_bytes(data, name=name)
    text = decode(data, name=name, charset=charset_of(content_type))
    return text, kind_of(text, content_type=content_type, suffix=suffix)


def document_from_text(
    text: str,
    kind: Kind,
    *,
    name: str,
    url: str | None = None,
    known: Metadata = UNKNOWN,
    default: Metadata = UNKNOWN,
    settings: Settings,
) -> Document:
    """A Document from decoded text or HTML; `known` metadata wins over the page's, then `default`."""
    if kind == "feed":
        raise InputError(
            f"{name} is a feed of many documents; `warlog ingest {name}` stores them all (in Python: iter_documents)"
        )
    check_not_empty(text, name=name)
    titles: tuple[str | None, ...] = (known.title,)
    if kind == "html":
        page = extract_html(text, url=url)
        if not page.text:
            raise EmptyDocumentError(
                f"{name} is HTML without main text (only scripts, styles, navigation or nothing); "
                "give warlog the article's page or its text"
            )
        text = page.text
        titles = (known.title, page.title)
        known = known.or_else(Metadata(page.title, page.author, page.sitename, page.published))
    known, date_source = date_from_name(known, name, url)  # before `default`: a date of this very document
    metadata = known.or_else(default)
    return build_document(
        text, metadata=metadata, titles=titles, url=url, name=name, settings=settings, date_source=date_source
    )
