"""Refuse what cannot be analyzed: binary data, undecodable bytes, empty or oversized text.

Every check raises the `warlog.errors` class for its case with a one-line message that names the
document, says what is wrong and how to fix it. `name` is how the message refers to the document.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from warlog.errors import BinaryDocumentError, DocumentTooLargeError, EmptyDocumentError, EncodingError

MAX_BYTES_PER_CHAR = 4  # UTF-8, UTF-16 and UTF-32 spend at most 4 bytes on a character
SAMPLE = 8192  # bytes or characters looked at to tell text from binary
MAX_CONTROL_SHARE = 0.1

MAGIC = (
    (b"%PDF-", "a PDF file", "extract its text first (e.g. pdftotext) and read that"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", "give warlog text, HTML or JSONL"),
    (b"\xff\xd8\xff", "a JPEG image", "give warlog text, HTML or JSONL"),
    (b"GIF8", "a GIF image", "give warlog text, HTML or JSONL"),
    (b"PK\x03\x04", "a ZIP archive (or DOCX, XLSX, EPUB)", "unpack it or save the text as .txt"),
    (b"PK\x05\x06", "an empty ZIP archive", "give warlog text, HTML or JSONL"),
    (b"\x1f\x8b", "a GZIP archive", "decompress it first (gunzip)"),
)
# UTF-32 before UTF-16: the UTF-32-LE mark begins with the UTF-16-LE one
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def byte_limit(max_chars: int) -> int:
    """The most bytes a document of `max_chars` characters can take in any Unicode encoding."""
    return MAX_BYTES_PER_CHAR * max_chars


def check_size(nbytes: int, *, max_chars: int, name: str) -> None:
    """Refuse, before reading it, a document whose byte size cannot fit in `max_chars` characters."""
    if nbytes > byte_limit(max_chars):
        raise DocumentTooLargeError(
            f"{name} is {nbytes:,} bytes, more than max_chars={max_chars:,} characters can hold; "
            "split it or raise max_chars (WARLOG_MAX_CHARS)"
        )


def check_bytes(data: bytes, *, name: str) -> None:
    """Raise BinaryDocumentError for a known binary format, NUL bytes or many control bytes."""
    for magic, what, fix in MAGIC:
        if data.startswith(magic):
            raise BinaryDocumentError(f"{name} is {what}, not text; {fix}")
    if _bom(data) in ("utf-16", "utf-32"):
        return  # NUL bytes are how these encodings write ASCII
    nul = data.find(b"\x00")
    if nul >= 0:
        raise BinaryDocumentError(
            f"{name} is binary, not text: it has a NUL byte at offset {nul}; give warlog text, HTML or JSONL"
        )
    sample = data[:SAMPLE]
    controls = sum(1 for byte in sample if (byte < 32 and chr(byte) not in _ALLOWED_CONTROLS) or byte == 127)
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise BinaryDocumentError(
            f"{name} is binary, not text: {controls / len(sample):.0%} of its first bytes are control "
            "characters; give warlog text, HTML or JSONL"
        )


def decode(data: bytes, *, name: str, charset: str | None = None) -> str:
    """The text of `data`: by its byte-order mark, else as UTF-8, else in the declared charset.

    `charset` is the one declared outside the bytes (an HTTP header); an HTML <meta charset> in the
    first bytes is tried after it. Raises EncodingError with the offset of the first bad byte.
    """
    bom = _bom(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError as e:
            raise _encoding_error(e, name=name, tried=bom) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        error = e
    for declared in (charset, _meta_charset(data)):
        codec = _codec(declared)
        if codec is None or codec == "utf-8":
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            raise _encoding_error(error, name=name, tried=f"utf-8 nor declared {declared}") from error
    raise _encoding_error(error, name=name, tried="utf-8") from error


def check_text(text: str, *, max_chars: int, name: str) -> None:
    """Raise for text with NUL or many control characters, empty text, or more than `max_chars`."""
    if "\x00" in text:
        raise BinaryDocumentError(
            f"{name} is binary, not text: it has a NUL character at {text.index(chr(0))}; "
            "give warlog text, HTML or JSONL"
        )
    sample = text[:SAMPLE]
    controls = sum(1 for c in sample if c not in _ALLOWED_CONTROLS and unicodedata.category(c) == "Cc")
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise BinaryDocumentError(
            f"{name} is binary, not text: {controls / len(sample):.0%} of its first characters are "
            "control characters; give warlog text, HTML or JSONL"
        )
    check_not_empty(text, name=name)
    if len(text) > max_chars:
        raise DocumentTooLargeError(
            f"{name} has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "split it or raise max_chars (WARLOG_MAX_CHARS)"
        )


def check_not_empty(text: str, *, name: str) -> None:
    """Raise EmptyDocumentError for a text of nothing but whitespace."""
    if not text.strip():
        raise EmptyDocumentError(f"{name} is empty (nothing but whitespace); give warlog a text to analyze")


def _bom(data: bytes) -> str | None:
    return next((codec for mark, codec in BOMS if data.startswith(mark)), None)


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def _codec(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def _encoding_error(error: UnicodeDecodeError, *, name: str, tried: str) -> EncodingError:
    bad = error.object[error.start : error.start + 1].hex().upper()
    return EncodingError(
        f"{name} is not valid text: byte 0x{bad} at offset {error.start} cannot be decoded as {tried}; "
        "convert it to UTF-8 (e.g. iconv -f latin1 -t utf-8) or declare its charset"
    )
