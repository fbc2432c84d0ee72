"""Where a document's events and spans lie, looked up by position: the claim finder asks which events
lie inside each attribution and which attributions hold each event, and scanning every event for every
span (or every span for every event) grows with the square of a document's length.

Both indexes return candidates, a superset of the answer, as positions in the list they were built
from, in that list's order: callers keep their own test (`_inside`) and so give the same answer as the
scan they replace.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc

from warlog.events.candidate import EventCandidate


def event_extent(doc: Doc, event: EventCandidate) -> tuple[int, int]:
    """The characters that place an event: its trigger's first character, else its evidence."""
    if 0 <= event.token < len(doc):
        at = doc[event.token].idx
        return at, at
    return event.start, event.end


class SpanIndex:
    """Character spans (None for absent), looked up by the characters they may overlap or hold."""

    def __init__(self, spans: Sequence[tuple[int, int] | None]) -> None:
        self._items = sorted((span[0], i) for i, span in enumerate(spans) if span is not None)
        self._starts = [start for start, _ in self._items]
        self._reach = max((span[1] - span[0] for span in spans if span is not None), default=0)

    def around(self, lo: int, hi: int) -> list[int]:
        """The spans that may overlap or hold the characters [lo, hi]: those that start between
        lo - (the longest span's length) and hi."""
        lo, hi = min(lo, hi), max(lo, hi)
        first, last = bisect_left(self._starts, lo - self._reach), bisect_right(self._starts, hi)
        return sorted(i for _, i in self._items[first:last])


class EventIndex:
    """Events looked up by the span they may lie inside (`_inside`: trigger, else evidence, in the span)."""

    def __init__(self, doc: Doc, events: Sequence[EventCandidate]) -> None:
        extents = [event_extent(doc, event) for event in events]
        self._items = sorted((lo, i) for i, (lo, hi) in enumerate(extents) if lo <= hi)
        self._points = [lo for lo, _ in self._items]
        self._odd = [i for i, (lo, hi) in enumerate(extents) if lo > hi]  # an evidence ending before it starts

    def inside(self, span: tuple[int, int] | None) -> list[int]:
        """The events that may lie inside the span: those placed between its ends."""
        if span is None:
            return []
        first, last = bisect_left(self._points, span[0]), bisect_right(self._points, span[1])
        return sorted([*(i for _, i in self._items[first:last]), *self._odd])
