"""What a denial's own words date is the denial, not the deed it denies.

"Russia's defence ministry denied on Tuesday that its aircraft had struck a hospital" says when the
ministry spoke; the strike it denies is dated by the report it answers, not by "on Tuesday". The event
extractor dates an event by the date its clause or sentence holds, so a denied event takes the day of
its denial. Across documents that day would set the denial against the report it answers on the date
("Monday vs Tuesday") and may keep them out of one incident. So a denied event whose date is stated only
in the denying frame (the speaker and the cue, outside what is denied) loses it: it is undated, and the
incidents date it by its document's publication (warlog.incidents.cluster). A date inside what is
denied ("denied that its jets struck the town on Monday") stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from warlog.claims.attribution import Attribution
from warlog.claims.positions import SpanIndex, event_extent
from warlog.events.candidate import EventCandidate
from warlog.temporal import DateMention


def undate_denied(
    doc: Doc,
    events: Sequence[EventCandidate],
    attributions: Sequence[Attribution],
    kind: Callable[[Attribution], str],
    dates: Sequence[DateMention],
) -> list[EventCandidate]:
    """The events, each denied one whose date only its denial's frame states without that date (see the
    module docstring); `kind` says an attribution's cue kind (claim, deny, report)."""
    contents = SpanIndex([a.content for a in attributions])
    out = []
    for event in events:
        if event.status.value == "denied" and event.date is not None:
            at = event_extent(doc, event)[0]
            holding = [
                a for a in (attributions[i] for i in contents.around(at, at)) if a.content[0] <= at < a.content[1]
            ]
            denial = next((a for a in holding if kind(a) == "deny"), None)
            if denial is not None and _dated_by_frame(doc, event, denial, dates):
                event = replace(event, date=None)
        out.append(event)
    return out


def _dated_by_frame(doc: Doc, event: EventCandidate, denial: Attribution, dates: Sequence[DateMention]) -> bool:
    """Whether the event's date is stated in the denial's frame (its speaker and cue, and the words of the
    cue's sentence before them: "On Tuesday the ministry denied ...") and nowhere in what is denied."""
    spans = [s for s in (denial.source, denial.cue, denial.content) if s is not None]
    lo, hi = min(s[0] for s in spans), max(s[1] for s in spans)
    cue = doc.char_span(*denial.cue, alignment_mode="expand") if denial.cue is not None else None
    if cue is not None:
        lo = min(lo, cue.sent.start_char)
    stated = [m for m in dates if m.when == event.date and lo <= m.start and m.end <= hi]
    content = denial.content
    return bool(stated) and not any(content[0] <= m.start < content[1] for m in stated)


__all__ = ["undate_denied"]
