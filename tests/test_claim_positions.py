"""The claim finder's position indexes find every event and span the full scans find."""

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from warlog.claims.finder import _inside
from warlog.claims.positions import EventIndex, SpanIndex, event_extent
from warlog.events.candidate import EventCandidate
from warlog.events.status import Status

DOC = spacy.blank("en")("Gunmen attacked a convoy near the river and the army said it had repelled them at dawn .")
CHARS = len(DOC.text)

spans = st.tuples(st.integers(0, CHARS), st.integers(0, 30)).map(lambda s: (s[0], s[0] + s[1]))
events = st.tuples(st.integers(-1, len(DOC) - 1), st.integers(0, CHARS), st.integers(-3, 20))


def _event(token: int, start: int, width: int) -> EventCandidate:
    return EventCandidate(
        id="ev", type="ASSAULT", mode=None, actors=(), recipients=(), place=None, date=None, toll=None,
        status=Status("asserted"), codes=(), start=start, end=start + width, text="", trigger="", confidence=1.0,
        token=token,
    )  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(events, max_size=12), st.lists(spans, max_size=8))
def test_events_inside_a_span(raw: list, targets: list) -> None:
    found = [_event(*e) for e in raw]
    index = EventIndex(DOC, found)
    for span in [*targets, None]:
        scan = [i for i, e in enumerate(found) if _inside(DOC, e, span)]
        assert [i for i in index.inside(span) if _inside(DOC, found[i], span)] == scan


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(spans, st.none()), max_size=10), st.lists(events, max_size=8), st.lists(spans, max_size=6))
def test_spans_around_an_event_or_a_range(said: list, raw: list, ranges: list) -> None:
    index = SpanIndex(said)
    for event in (_event(*e) for e in raw):
        scan = [i for i, span in enumerate(said) if _inside(DOC, event, span)]
        assert [i for i in index.around(*event_extent(DOC, event)) if _inside(DOC, event, said[i])] == scan
    for lo, hi in ranges:
        overlapping = [i for i, s in enumerate(said) if s is not None and s[1] > lo and s[0] < hi]
        assert set(overlapping) <= set(index.around(lo, hi))
