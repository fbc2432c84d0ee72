"""Every error warlog raises on purpose derives from `WarlogError`.

    WarlogError
    ├── SettingsError          a setting has an invalid value or warlog.toml cannot be read
    ├── ModelNotFoundError     the configured spaCy pipeline is not installed
    ├── PackError              a data pack (actors, ...) is malformed: "file:line: problem"
    ├── InputError             a document cannot be analyzed
    │   ├── EmptyDocumentError     nothing but whitespace or boilerplate
    │   ├── BinaryDocumentError    not text (NUL bytes, an image, a PDF, ...)
    │   ├── EncodingError          bytes that are not valid UTF-8 (or the declared charset)
    │   ├── DocumentTooLargeError  over the `max_chars` setting
    │   ├── LanguageError          not English
    │   ├── FetchError             a URL or feed could not be fetched
    │   └── PrivateAddressError    a URL names a loopback, private, link-local or multicast address
    └── StoreError             the database cannot be opened, migrated or written

Messages say what happened, why, and how to fix it; the CLI prints them on one line.
"""

from __future__ import annotations


class WarlogError(Exception):
    """Base class of warlog's errors."""


class SettingsError(WarlogError):
    """A setting is invalid."""


class ModelNotFoundError(WarlogError):
    """The configured spaCy pipeline is not installed."""


class PackError(WarlogError):
    """A data pack is malformed."""


class InputError(WarlogError):
    """A document cannot be analyzed."""


class EmptyDocumentError(InputError):
    """The document has no text."""


class BinaryDocumentError(InputError):
    """The document is binary, not text."""


class EncodingError(InputError):
    """The document's bytes cannot be decoded."""


class DocumentTooLargeError(InputError):
    """The document is larger than the `max_chars` setting."""


class LanguageError(InputError):
    """The document is not in a supported language."""


class FetchError(InputError):
    """A URL or feed could not be fetched."""


class PrivateAddressError(InputError):
    """A URL names an address that is not public, and the `allow_private_urls` setting is off."""


class StoreError(WarlogError):
    """The store cannot be opened, migrated or written."""
