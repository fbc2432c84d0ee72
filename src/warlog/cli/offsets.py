"""Character-offset helpers shared by the renderers: the sentence around a span."""

from __future__ import annotations

import re

# a full stop, question or exclamation mark (with closing quotes/brackets) followed by space and a capital
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n\s*")
# words whose final dot does not end a sentence: "Gen. Hamedani", "the U.S. Embassy", "I.S. fighters"
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+|\b(?:Gen|Col|Lt|Maj|Capt|Sgt|Adm|Brig|Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|No|vs|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd)\.)[\"”’)\]]*$"
)


def _boundaries(text: str, start: int, end: int):
    for match in _SENTENCE_END.finditer(text, start, end):
        if match.group().startswith("\n") or not _ABBREVIATION.search(text, max(0, match.start() - 12), match.start()):
            yield match


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of the sentence (or line) that holds text[start:end]."""
    left = max(0, text.rfind("\n", 0, start) + 1)
    # search a little past `start`: a boundary's lookahead must see the capital that opens the span
    for match in _boundaries(text, left, min(len(text), start + 2)):
        if match.end() <= start:
            left = match.end()
    right = text.find("\n", end)
    right = len(text) if right == -1 else right
    following = next(_boundaries(text, end, right), None)
    if following is not None:
        right = following.start()
    return left, max(right, end)


def sentence_around(text: str, start: int, end: int, *, limit: int = 400) -> str:
    """The sentence that holds text[start:end], trimmed to about `limit` characters around it."""
    left, right = sentence_bounds(text, start, end)
    prefix = suffix = ""
    if right - left > limit:
        if start - left > limit // 2:
            left, prefix = start - limit // 2, "…"
        if right - end > limit // 2:
            right, suffix = end + limit // 2, "…"
    return prefix + " ".join(text[left:right].split()) + suffix
