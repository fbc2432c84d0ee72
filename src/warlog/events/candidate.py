"""EventCandidate: an event found in a Doc, before it becomes a model.Event.

Its own module so that the steps that build and refine candidates (events.extract, events.merge,
events.setting, claims.finder) and the step that turns them into events (pipeline.assemble) share the
type without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass

from warlog.events.status import Status
from warlog.events.tolls import TollMention
from warlog.model import When
from warlog.packs.ontology import Trigger


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """An event found in a Doc, before it becomes a model.Event."""

    id: str
    type: str
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    place: str | None
    date: When | None
    toll: TollMention | None
    status: Status
    codes: tuple[tuple[str, str], ...]
    start: int
    end: int
    text: str
    trigger: str
    confidence: float
    also: tuple[tuple[int, int, str], ...] = ()
    token: int = -1  # the trigger's token index
    rule: Trigger | None = None  # the lexicon entry that coded it
    wounded: TollMention | None = None  # counted apart from the dead
    captured: TollMention | None = None  # arrested, abducted, kidnapped, detained
    territory: bool = False  # ground changed hands (a place, or a town or a position, is taken)
    actor_kinds: tuple[str, ...] = ()  # actor kinds read off unlinked common nouns (events.means)
    target_kinds: tuple[str, ...] = ()  # the same for the targets ("a man and a woman": civilians)
    struck_ground: bool = False  # a target is a place, a position or another attack ("the battle for the airport")
    background: bool = False  # told as the setting or the content of another event (events.clauses)
