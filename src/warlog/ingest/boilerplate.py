"""Page furniture around a scraped plain text: title and related headlines, source lines, widgets.

A scraped repost typically reads

    Title of the piece                         <- the title

    Headline of a related post                 <- related headlines
    Headline of another related post

    Source: Site Name – by Author (Title)      <- source, author, title

    First paragraph of the article. ...        <- the body starts here
    ...
    Title of the piece                         <- a repeat of the title
    Follow by Email                            <- widgets

The leading block of short headline-like lines and metadata lines is removed only when something
shows it is furniture: a metadata line in it, a later repeat of its first line, or its first line
being the known title. Otherwise a text is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from warlog.ingest.ids import normalize_text

MAX_HEAD_LINES = 12  # non-blank lines of title, headlines and metadata before the body
MAX_HEADLINE_WORDS = 20
MAX_HEADLINE_CHARS = 160
MAX_META_CHARS = 240

_SOURCE_LINE = re.compile(
    r"Source:\s*(?P<source>[^()]+?)(?:\s+[-–—]+\s+by\s+(?P<author>[^()]+?))?(?:\s*\((?P<title>[^()]+)\))?",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"By\s+(?P<author>[^,|–—]+?)\s*(?:[,|–—].*)?", re.IGNORECASE)
# lowercase words a name may hold ("Anne Barnard and Hwaida Saad", "Ursula von der Leyen")
_NAME_PARTICLES = frozenset({"and", "&", "de", "da", "del", "der", "van", "von", "bin", "ibn", "al", "el", "la", "le"})
MAX_AUTHOR_WORDS = 6
# Lines that page widgets leave at the end of a scraped text; matched whole, case-insensitive.
WIDGET_LINES = (
    r"follow by e-?mail",
    r"share this:?",
    r"like this:?",
    r"like loading(?:\.\.\.|…)?",
    r"loading(?:\.\.\.|…)?",
    r"related(?: posts| articles| stories)?:?",
    r"subscribe(?: to [^.]{1,60})?:?",
    r"share on \w+",
    r"share",
    r"tweet",
    r"print",
    r"e-?mail",
    r"facebook|twitter|linkedin|reddit|whatsapp|telegram|pinterest|reblog",
    r"posted by [^.]{1,80}",
    r"leave a (?:comment|reply)",
    r"\d* ?comments?",
    r"advertisements?|report this ad",
)
_WIDGET = re.compile("|".join(f"(?:{pattern})" for pattern in WIDGET_LINES), re.IGNORECASE)
_CLOSERS = "\"'”’»)]"


@dataclass(frozen=True, slots=True)
class CleanText:
    """A text without its page furniture, and the metadata the furniture gave."""

    text: str
    title: str | None = None
    author: str | None = None
    source: str | None = None


def clean_boilerplate(text: str, *, titles: Iterable[str] = ()) -> CleanText:
    """Remove the leading headline block, source and byline lines and trailing widgets from `text`.

    Line endings become "\\n", trailing spaces are stripped and runs of blank lines become one blank
    line; the characters of each paragraph are kept as they are. `titles`, the titles already known,
    help recognize the title line.
    """
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    known = {_key(title) for title in titles}
    meta: dict[str, str] = {}
    head_end = _strip_head(lines, known=known, meta=meta)
    if "title" in meta:
        known.add(_key(meta["title"]))
    tail_start = _strip_tail(lines, start=head_end, titles=known, meta=meta)
    body = "\n".join(lines[head_end:tail_start]).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body)
    return CleanText(body, meta.get("title"), meta.get("author"), meta.get("source"))


def _strip_head(lines: list[str], *, known: set[str], meta: dict[str, str]) -> int:
    """Where the body begins: after the leading block when it is furniture, else 0."""
    headlines: list[str] = []
    found: dict[str, str] = {}
    end = None
    for index, line in enumerate(lines):
        line = line.strip()
        if not line or _read_meta(line, found, bylines=True):
            continue
        if not _is_headline(line):
            end = index
            break
        headlines.append(line)
        if len(headlines) + len(found) > MAX_HEAD_LINES:
            return 0
    if end is None:
        return 0  # no paragraph at all: a list of short lines is left as it is
    first = _key(headlines[0]) if headlines else None
    later = {_key(line) for line in lines[end:] if line}
    if not found and first not in later | known:
        return 0
    if headlines and "title" not in found:
        found["title"] = _tidy(headlines[0])
    meta.update(found)
    return end


def _strip_tail(lines: list[str], *, start: int, titles: set[str], meta: dict[str, str]) -> int:
    """Where the trailing widgets, source line and repeated title begin."""
    end = len(lines)
    while end > start:
        line = lines[end - 1].strip()
        if line and not (_WIDGET.fullmatch(line) or _key(line) in titles or _read_meta(line, meta)):
            break
        end -= 1
    return end


def _read_meta(line: str, meta: dict[str, str], *, bylines: bool = False) -> bool:
    """Whether `line` is a source line (or a byline); what it says goes into `meta` where not yet known.

    Bylines are looked for only above the body: at its end, "By March, the town had fallen" is prose.
    """
    if len(line) > MAX_META_CHARS:
        return False
    match = _SOURCE_LINE.fullmatch(line)
    if match is None and bylines and not _ends_sentence(line):
        match = _BYLINE.fullmatch(line)
        if match is not None and not _is_name(match["author"]):
            return False
    if match is None:
        return False
    for key, value in match.groupdict().items():
        if value and value.strip():
            meta.setdefault(key, _tidy(value))
    return True


def _is_name(text: str) -> bool:
    """Whether `text` reads like a person's or an agency's name: a few capitalized words."""
    words = text.split()
    return (
        0 < len(words) <= MAX_AUTHOR_WORDS
        and words[0][0].isupper()
        and all(w[0].isupper() or w.lower() in _NAME_PARTICLES or w.lower().startswith("al-") for w in words)
    )


def _ends_sentence(line: str) -> bool:
    """Whether `line` ends like a sentence; an initial or "Jr." ending a name does not count."""
    words = line.rstrip(_CLOSERS).split()
    last = words[-1] if words else ""
    return last.endswith(("!", "?")) or (last.endswith(".") and len(last) > 3)


def _is_headline(line: str) -> bool:
    """A short line that starts like a title and does not end like a sentence."""
    words = line.split()
    bare = line.rstrip(_CLOSERS)
    return (
        len(words) <= MAX_HEADLINE_WORDS
        and len(line) <= MAX_HEADLINE_CHARS
        and (line[0].isupper() or line[0].isdigit() or line[0] in "\"'“‘")
        and bool(bare)
        and bare[-1] not in ".,;:!"
    )


def _key(line: str) -> str:
    return normalize_text(line).casefold()


def _tidy(value: str) -> str:
    return " ".join(value.split())
