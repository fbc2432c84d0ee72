"""The team's gold files over PolNeAR articles (conflict events, denials, actor links): reading an article where
it lies and checking a gold span against it. A gold line keeps character offsets and a short sha256 of the
span's text, never the text, so that a changed article or a shifted offset is caught at once."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from warlog.errors import InputError

SHA_DIGITS = 12  # hex digits of a gold span's sha256


def span_sha(text: str) -> str:
    """The short sha256 that a gold line keeps of its span's text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:SHA_DIGITS]


def article_text(polnear: Path, split: str, name: str, *, where: str) -> str:
    """The text of a PolNeAR article, read where it lies (`<polnear>/<split>/text/<name>.txt`).

    Raises:
        InputError: the article cannot be read; `where` (the gold file and line) leads the message.
    """
    file = polnear / split / "text" / f"{name}.txt"
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{where}: cannot read the article {file}: {type(e).__name__}") from e


def checked_span(start: str, end: str, sha: str, text: str, where: str) -> tuple[int, int]:
    """The (start, end) of a gold line's span, checked against the article: whole numbers, inside the text, and
    the text there still hashing to the line's sha.

    Raises:
        InputError: any of those fails; `where` leads the message.
    """
    if not (start.isdigit() and end.isdigit()):
        raise InputError(f"{where}: start and end must be character offsets (whole numbers), not {start!r} {end!r}")
    a, b = int(start), int(end)
    if not a < b <= len(text):
        raise InputError(f"{where}: span {a}-{b} is empty or lies outside the text ({len(text)} chars)")
    if span_sha(text[a:b]) != sha:
        raise InputError(f"{where}: span {a}-{b} no longer hashes to {sha}: the text or the offsets changed")
    return a, b


def read_gold_file(path: Path) -> str:
    """The text of a gold file.

    Raises:
        InputError: it cannot be read.
    """
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"cannot read the gold file {path}: {e}") from e


def gold_rows(path: Path, raw: str) -> Iterator[tuple[int, str, list[str]]]:
    """(line number, `path:line` for messages, tab-separated fields) of each line that is neither blank nor a
    `#` comment."""
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, f"{path}:{number}", line.split("\t")
