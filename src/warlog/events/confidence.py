"""An event's confidence: how likely an analyst is to accept it as coded, from what makes an event reportable.

A coder accepts an event of political violence when the text pins it down: who did it (actors), to whom
(recipients), where (a place: ACLED codes no event without one), when (its own date) and with what toll,
and when the text around it is about violence at all. One "attack" in a story about an election is usually
a figure of speech, one in a report from a front rarely is. So the confidence of a violent event (ACLED's
Battles, Explosions/Remote violence, Violence against civilians, Riots) adds up those anchors and the
document's **setting**: the share of its sentences that tell a violent event, counted to saturate at one
sentence in four (ACLED notes, front-line reports) and near nothing in campaign news. Other events
(statements, meetings, sanctions, protests, arrests) are as plausible in campaign news as anywhere: their
confidence counts only their roles and place, as before.

`RULES` holds the weights. docs/evaluation.md has the calibration table (how precision varies with
confidence on the development data) that they were chosen against, and `scripts/calibration.py`
reproduces it. A confidence is a score for ranking and filtering (`--min-confidence`), not a probability.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from warlog.events.candidate import EventCandidate

VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
CEILING = 0.95


@dataclass(frozen=True, slots=True)
class Weights:
    """What each anchor adds to a base (sum at most 1; the result is capped at CEILING)."""

    base: float
    actors: float
    recipients: float
    place: float
    date: float
    toll: float
    setting: float


RULES = {
    "violent": Weights(base=0.3, actors=0.1, recipients=0.05, place=0.15, date=0.05, toll=0.1, setting=0.25),
    "other": Weights(base=0.5, actors=0.2, recipients=0.2, place=0.05, date=0.0, toll=0.0, setting=0.0),
}
SATURATION = 4  # the setting is full when one sentence in this many tells a violent event


def violent(event: EventCandidate) -> bool:
    """Whether the event's ACLED type is one of political violence."""
    return dict(event.codes).get("acled_event_type") in VIOLENT


def setting(doc: Doc, events: list[EventCandidate]) -> float:
    """How much of the document tells political violence, 0 to 1: the share of its sentences with a
    violent event, times SATURATION, capped at 1."""
    sentences = sum(1 for _ in doc.sents) if doc.has_annotation("SENT_START") else 1
    told = {doc[e.token].sent.start for e in events if violent(e) and 0 <= e.token < len(doc)}
    return min(1.0, SATURATION * len(told) / max(1, sentences))


def score(doc: Doc, events: list[EventCandidate]) -> list[EventCandidate]:
    """The events, each with its confidence (the module docstring says how)."""
    share = setting(doc, events)
    out = []
    for event in events:
        weights = RULES["violent" if violent(event) else "other"]
        tolled = any(t is not None for t in (event.toll, event.wounded, event.captured))
        value = (
            weights.base
            + weights.actors * bool(event.actors)
            + weights.recipients * bool(event.recipients)
            + weights.place * (event.place is not None)
            + weights.date * (event.date is not None)
            + weights.toll * tolled
            + weights.setting * share
        )
        out.append(replace(event, confidence=round(min(value, CEILING), 2)))
    return out
