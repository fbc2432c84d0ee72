"""Character-offset helpers shared by the renderers: the sentence around a span."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+|\n\s*\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence (or line) that holds text[start:end]."""
    left = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        left = match.end()
    match = _SENTENCE_END.search(text, end)
    right = match.start() if match else len(text)
    line_end = text.find("\n", end)
    if line_end != -1:
        right = min(right, line_end)
    return left, max(right, end)


def sentence_around(text: str, start: int, end: int, *, limit: int = 400) -> str:
    """The sentence that holds text[start:end], trimmed to about `limit` characters around it."""
    left, right = sentence_bounds(text, start, end)
    if right - left > limit:
        left = max(left, start - limit // 2)
        right = min(right, end + limit // 2)
    return " ".join(text[left:right].split())
