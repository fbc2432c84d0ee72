"""JSON Lines: one document per line, read one line at a time; a bad line is a Failure and reading goes on.

Rules:
- A url names one document (its id is the url's): a line whose url an earlier line of the file gave
  with another text is a Failure that names both lines; with the same text it is the same document.
- An unreadable `published` costs the line its date, not the line: it is read as if it had none, with
  a warning (logged under "warlog.ingest.jsonl"; the CLI prints it as `warning: ...`).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warlog.errors import DocumentTooLargeError, EncodingError, InputError
from warlog.ingest.documents import Metadata, build_document, check_published, date_from_name
from warlog.ingest.ids import text_digest
from warlog.ingest.validate import byte_limit
from warlog.model import Document, Failure
from warlog.settings import Settings

FIELDS = ("text", "title", "author", "source", "url", "published")
_CHUNK = 1 << 20

logger = logging.getLogger(__name__)


def iter_jsonl(path: Path, *, published: str | None, settings: Settings) -> Iterator[Document | Failure]:
    """The documents of a JSON Lines file; a line's Failure has the source "path:LINE"."""
    limit = byte_limit(settings.max_chars)
    urls: dict[str, tuple[int, bytes]] = {}  # by document id: the first line with the url, its text's digest
    with path.open("rb") as file:
        number = 0
        while line := file.readline(limit + 1):
            number += 1
            name = f"{path}:{number}"
            if len(line) > limit and not line.endswith(b"\n"):
                _skip_line(file)
                error = DocumentTooLargeError(
                    f"{name}: the line is over {limit:,} bytes, more than max_chars={settings.max_chars:,} "
                    "characters can hold; split the document or raise max_chars (WARLOG_MAX_CHARS)"
                )
                yield Failure(name, type(error).__name__, str(error))
                continue
            if not line.strip():
                continue
            try:
                document = line_document(line, name=name, published=published, settings=settings)
                if document.url is not None:
                    _check_url(document, urls, number=number, name=name)
                yield document
            except InputError as e:
                yield Failure(name, type(e).__name__, str(e))


def line_document(line: bytes, *, name: str, published: str | None, settings: Settings) -> Document:
    """The Document of one JSON Lines record (also how `warlog batch` reads a Parquet row).

    Raises:
        InputError: the line is not UTF-8 JSON with a text, or its text is not a valid document.
    """
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError as e:
        raise EncodingError(
            f"{name}: byte 0x{line[e.start : e.start + 1].hex().upper()} at offset {e.start} of the line "
            "is not UTF-8; JSON Lines must be UTF-8"
        ) from e
    except json.JSONDecodeError as e:
        raise InputError(f"{name}: invalid JSON: {e.msg} (column {e.colno}); fix or remove the line") from e
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise InputError(f'{name}: each line must be a JSON object with a "text" string')
    wrong = [key for key in FIELDS if record.get(key) is not None and not isinstance(record[key], str)]
    if wrong:
        raise InputError(f"{name}: {', '.join(wrong)} must be strings (or null)")
    metadata = Metadata(
        title=record.get("title"),
        author=record.get("author"),
        source=record.get("source"),
        published=_published(record.get("published"), name=name),
    )
    url = record.get("url")
    date_source = None
    if url:
        metadata, date_source = date_from_name(metadata, url, url)
    metadata = metadata.or_else(Metadata(published=published))
    return build_document(
        record["text"], metadata=metadata, url=url, name=name, settings=settings, date_source=date_source
    )


def _published(value: str | None, *, name: str) -> str | None:
    """The line's date as ISO; None, with a warning, when it cannot be read."""
    try:
        return check_published(value)
    except InputError:
        message = "%s: published %r is not a date warlog reads (give YYYY-MM-DD); the line is read as if it gave none"
        logger.warning(message, name, value)
        return None


def _check_url(document: Document, urls: dict[str, tuple[int, bytes]], *, number: int, name: str) -> None:
    """Raise InputError when an earlier line gave the document's url with another text."""
    digest = text_digest(document.text)
    first, first_digest = urls.setdefault(document.id, (number, digest))
    if first_digest != digest:
        raise InputError(
            f"{name}: url {document.url} is also on line {first} with another text, and a url names one document; "
            "give this line its own url, or drop its url so that its text is its identity"
        )


def _skip_line(file: BinaryIO) -> None:
    """Read on to the end of the current line without keeping it."""
    while chunk := file.readline(_CHUNK):
        if chunk.endswith(b"\n"):
            return
