"""Many documents from a file, a folder, a glob, a JSON Lines file, a feed or a URL, streamed one by one."""

from __future__ import annotations

import glob
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from warlog.errors import InputError
from warlog.ingest.documents import Metadata, check_published
from warlog.ingest.feeds import iter_feed
from warlog.ingest.fetch import fetch, is_url, open_client
from warlog.ingest.jsonl import iter_jsonl
from warlog.ingest.sniff import FEED_SUFFIXES
from warlog.ingest.sources import (
    JSONL_SUFFIXES,
    check_scheme,
    decode_document,
    document_from_text,
    read_bytes,
    read_stream,
)
from warlog.model import Document, Failure
from warlog.settings import Settings


def iter_documents(
    spec: str | Path, *, published: str | None = None, settings: Settings
) -> Iterator[Document | Failure]:
    """Every document of `spec`, one at a time; a document that cannot be read is a Failure.

    `spec` is a file (text or HTML, a .jsonl file of one JSON object per line, an RSS or Atom feed),
    a folder (its files recursively, in sorted order, hidden ones skipped), a glob, an http(s) URL of
    a page or a feed, or "-" for stdin. Nothing more than one document is held in memory at a time.

    Args:
        spec: what to read.
        published: the publication date for documents whose metadata has none.
        settings: warlog settings (`max_chars`, `timeout`, `user_agent`).

    Yields:
        A Document, or a Failure(source, reason, message) where reason is the error class name.

    Raises:
        InputError: `spec` names nothing that exists or is a URL other than http(s), or `published` is
            not a date.
    """
    published = check_published(published)
    ref = str(spec)
    if isinstance(spec, str):
        check_scheme(ref)
    if isinstance(spec, str) and ref == "-":
        yield _attempt("stdin", lambda: read_stream(sys.stdin, published=published, settings=settings))
    elif isinstance(spec, str) and is_url(ref):
        with open_client(settings) as client:
            yield from _iter_url(ref, client=client, published=published, settings=settings)
    else:
        for path in _files(Path(spec), ref):
            yield from _iter_file(path, published=published, settings=settings)


def count_documents(spec: str | Path) -> int | None:
    """How many items `iter_documents(spec)` will yield, when that is known without analyzing them: one
    per file of a folder or glob, one per non-blank line of a JSON Lines file; None for stdin, a URL, a
    feed, or a file that may be one (.xml, .rss, .atom), whose number of documents is unknown."""
    ref = str(spec)
    if ref == "-" or is_url(ref):
        return None
    try:
        paths = list(_files(Path(spec), ref))
    except InputError:
        return None
    total = 0
    for path in paths:
        suffix = path.suffix.lower()
        if suffix in FEED_SUFFIXES or suffix == ".xml":
            return None
        if suffix in JSONL_SUFFIXES:
            try:
                with path.open("rb") as file:
                    total += sum(1 for line in file if line.strip())
            except OSError:
                return None
        else:
            total += 1
    return total


def _files(path: Path, ref: str) -> Iterator[Path]:
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and not _is_hidden(p.relative_to(path)))
    elif path.exists():
        yield path
    elif any(char in ref for char in "*?["):
        matches = sorted(Path(p) for p in glob.iglob(ref, recursive=True) if Path(p).is_file())
        if not matches:
            raise InputError(f"{ref}: the glob matches no files; check the pattern")
        yield from matches
    else:
        raise InputError(f"{ref}: no such file or folder, and not an http(s) URL; check the path")


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _iter_file(path: Path, *, published: str | None, settings: Settings) -> Iterator[Document | Failure]:
    name = str(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from iter_jsonl(path, published=published, settings=settings)
        return
    try:
        data = read_bytes(path, max_chars=settings.max_chars)
        text, kind = decode_document(data, name=name, suffix=path.suffix)
    except InputError as e:
        yield Failure(name, type(e).__name__, str(e))
        return
    if kind == "feed":
        with open_client(settings) as client:
            yield from iter_feed(data, name=name, client=client, published=published, settings=settings)
    else:
        yield _attempt(
            name,
            lambda: document_from_text(text, kind, name=name, default=Metadata(published=published), settings=settings),
        )


def _iter_url(
    url: str, *, client: httpx.Client, published: str | None, settings: Settings
) -> Iterator[Document | Failure]:
    try:
        response = fetch(url, client=client, max_chars=settings.max_chars)
        text, kind = decode_document(response.content, name=response.url, content_type=response.content_type)
    except InputError as e:
        yield Failure(url, type(e).__name__, str(e))
        return
    if kind == "feed":
        yield from iter_feed(
            response.content,
            name=response.url,
            base_url=response.url,
            client=client,
            published=published,
            settings=settings,
        )
    else:
        yield _attempt(
            url,
            lambda: document_from_text(
                text,
                kind,
                name=response.url,
                url=response.url,
                default=Metadata(published=published),
                settings=settings,
            ),
        )


def _attempt(source: str, read: Callable[[], Document]) -> Document | Failure:
    """The document `read` gives, or the Failure that says why it could not."""
    try:
        return read()
    except InputError as e:
        return Failure(source, type(e).__name__, str(e))
