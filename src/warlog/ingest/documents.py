"""A Document from a text and what is known of it: validated, cleaned of boilerplate, with a stable id."""

from __future__ import annotations

from dataclasses import dataclass

from warlog.errors import EmptyDocumentError, InputError
from warlog.ingest.boilerplate import clean_boilerplate
from warlog.ingest.dates import parse_date
from warlog.ingest.ids import document_id
from warlog.ingest.language import check_english
from warlog.ingest.validate import check_text
from warlog.model import Document
from warlog.settings import Settings


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known of a document before its text is read; None where unknown."""

    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date

    def or_else(self, other: Metadata) -> Metadata:
        """These values, with `other`'s where these are unknown."""
        return Metadata(
            title=self.title or other.title,
            author=self.author or other.author,
            source=self.source or other.source,
            published=self.published or other.published,
        )


UNKNOWN = Metadata()


def check_published(value: str | None) -> str | None:
    """`value` as an ISO date; None stays None; InputError when it cannot be read as a date."""
    if value is None:
        return None
    date = parse_date(value)
    if date is None:
        raise InputError(f"published date {value!r} cannot be read; give it as YYYY-MM-DD (or e.g. '24 October 2015')")
    return date


def make_document(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: str | None = None,
    settings: Settings,
) -> Document:
    """A Document from `text`, validated and cleaned of page boilerplate.

    Source and byline lines ("Source: Site – by Author (Title)", "By Author") fill the title, author
    and source that are not given. The id is that of the URL when given, else that of the text.

    Args:
        text: the document text.
        title: the title, when known.
        author: the author, when known.
        source: the publication, when known.
        url: where the text came from.
        published: the publication date in any form `parse_date` reads; it is never guessed.
        settings: warlog settings (`max_chars`).

    Returns:
        The Document.

    Raises:
        EmptyDocumentError, BinaryDocumentError, DocumentTooLargeError, LanguageError: the text cannot
            be analyzed; InputError: `published` is not a date.
    """
    metadata = Metadata(title=title, author=author, source=source, published=check_published(published))
    return build_document(text, metadata=metadata, url=url, name="document", settings=settings)


def build_document(
    text: str,
    *,
    metadata: Metadata,
    titles: tuple[str | None, ...] = (),
    url: str | None,
    name: str,
    settings: Settings,
    date_source: str | None = None,
) -> Document:
    """make_document for readers that know the document's `name` (a path, a URL) for their messages.

    `titles` are further titles the text may start with (a page's own title beside a feed's);
    `date_source` where the published date came from when not from the metadata (Document.date_source).
    """
    check_text(text, max_chars=settings.max_chars, name=name)
    titles = (metadata.title, *titles)
    cleaned = clean_boilerplate(text.lstrip("\ufeff"), titles=[t for t in titles if t])
    if not cleaned.text.strip():
        raise EmptyDocumentError(f"{name} has nothing but page boilerplate (titles, links, widgets)")
    check_english(cleaned.text, name=name)
    found = Metadata(title=cleaned.title, author=cleaned.author, source=cleaned.source)
    metadata = _tidy(metadata).or_else(found)
    return Document(
        id=document_id(cleaned.text, url),
        text=cleaned.text,
        title=metadata.title,
        author=metadata.author,
        source=metadata.source,
        url=url,
        published=metadata.published,
        date_source=date_source if metadata.published else None,
    )


def date_from_name(known: Metadata, name: str, url: str | None) -> tuple[Metadata, str | None]:
    """`known` with the date its file name or URL carries when it has none, and where that date came
    from ("url", "file name"; None when `known` has its date or the name carries none)."""
    from dataclasses import replace

    from warlog.ingest.dates import date_in_name

    if known.published is not None:
        return known, None
    found = date_in_name(url or name)
    if found is None:
        return known, None
    return replace(known, published=found), "url" if url else "file name"


def _tidy(metadata: Metadata) -> Metadata:
    """Whitespace collapsed in the text fields; an empty value is None."""

    def tidy(value: str | None) -> str | None:
        return " ".join(value.split()) or None if value else None

    return Metadata(tidy(metadata.title), tidy(metadata.author), tidy(metadata.source), metadata.published)
