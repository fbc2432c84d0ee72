"""Quotes and headlines, found in the text rather than the parse.

- Quotes: straight and curly marks and doubled apostrophes (''), paired within a line; a quote still
  open at the end of its line closes there (news reopens it in the next paragraph); inside a straight
  quote curly marks are nested and ignored, and the other way round; a curly opening mark after a word
  and before a space or punctuation closes ("“Daesh terrorists“").
- Headlines: title-case lines without final punctuation, 3–25 words, most longer words capitalized; the
  text's first line, set apart by a blank line, is its title (`lead_line`) and may end in a full stop.
"""

from __future__ import annotations

import re

OPENERS = "“„"
CLOSERS = "”"
DOUBLED = "''"  # two apostrophes for a double quote mark, as the New York Times writes
_ALNUM = re.compile(r"\w")
_HEADLINE_END = re.compile(r"[.!?…]\W*$")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Quoted passages (start, end), marks included, in text order; see the module docstring."""
    quotes: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        opened: int | None = None
        straight = False
        skip = False
        for i, char in enumerate(line):
            if skip:
                skip = False
                continue
            doubled = char == "'" and line.startswith(DOUBLED, i)
            if (char == '"' or doubled) and (opened is None or straight):
                skip = doubled
                if opened is None:
                    opened, straight = i, True
                else:
                    quotes.append((offset + opened, offset + i + 1 + doubled))
                    opened = None
            elif char in OPENERS and not straight:
                if opened is None:
                    opened = i
                elif _closes(line, i):
                    quotes.append((offset + opened, offset + i + 1))
                    opened = None
            elif char in CLOSERS and opened is not None and not straight:
                quotes.append((offset + opened, offset + i + 1))
                opened = None
        if opened is not None and _ALNUM.search(line[opened:]):
            quotes.append((offset + opened, offset + len(line.rstrip())))
        offset += len(line) + 1
    return quotes


def _closes(line: str, i: int) -> bool:
    """An opening mark used as a closing one: after a word or punctuation, before a space or the end."""
    before = line[i - 1] if i else " "
    after = line[i + 1] if i + 1 < len(line) else " "
    return not before.isspace() and not after.isalnum()


def headline_lines(text: str) -> list[tuple[int, int]]:
    """Spans of title-case lines without final punctuation (3–25 words, most capitalized); the title
    line that opens the text may end in a full stop."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", line) if len(w) > 3]
        count = len(line.split())
        ended = _HEADLINE_END.search(line.rstrip('”"’ ')) and (offset or lead_line(text) is None)
        if 3 <= count <= 25 and words and not ended:
            if sum(w[0].isupper() for w in words) / len(words) >= 0.7:
                spans.append((offset, offset + len(line.rstrip())))
        offset += len(line) + 1
    return spans


def lead_line(text: str) -> tuple[int, int] | None:
    """The span of the text's first line when it stands apart as a title: at most 25 words, a blank
    line after it."""
    end = text.find("\n")
    if end <= 0 or not text[end:].startswith(("\n\n", "\n\r\n")) or len(text[:end].split()) > 25:
        return None
    return 0, len(text[:end].rstrip())
