"""One incident told across a text: the later mentions of an incident folded into its first telling.

News tells an incident and comes back to it paragraphs later: "a mass shooting in San Bernardino ...
grief over the shooting in San Bernardino ... the shootings in California today". `merge_repeats`
(warlog.events.merge) joins two tellings that name the same perpetrator and one more anchor, and
`merge_aftermath` an attack named again in the next sentence; the later mentions of a long text mostly
name no one, so each became an event of its own, and one shooting counted five times in an export.

Two rules, each narrow. A later mention belongs to an incident told before it in another sentence when

- it is definite ("the shooting", "this attack", "the police shooting of a local man"): the
  nearest such incident, wherever it was told (a definite noun names what the reader knows); or
- it happened in the same town or village (a place that is no area: a province or a country holds
  many incidents) as that incident;

and nothing it says sets the two apart: the same event type and, where both tell one, the same means;
the same status and speaker (a claim and the author's telling of one incident stay two, so that what
they disagree on can be found); no other perpetrator or victims (both named, none in common); no other
place, date or killed count; and no word that makes it another one ("another shooting", "a second
attack", "an earlier clash"). The first telling takes the later one's evidence span and what it lacks
(place, date, toll, victims).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from warlog.actors.linker import PlaceMention
from warlog.events.candidate import EventCandidate
from warlog.events.merge import AREAS, same_ground
from warlog.model import HAPPENED

DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# words that make a mention another incident than one told before
ANOTHER = frozenset({
    "another", "other", "separate", "second", "third", "new", "fresh", "further", "earlier", "previous",
    "prior", "later", "subsequent", "different", "latest", "similar", "recent", "past", "next", "first",
})  # fmt: skip


def merge_mentions(doc: Doc, events: list[EventCandidate], places: Sequence[PlaceMention]) -> list[EventCandidate]:
    """The events, each later mention of an incident folded into the incident's first telling."""
    named = {p.place_id: p for p in places}
    towns = {p.place_id for p in places if _town(p)}
    out: list[EventCandidate] = []
    for event in events:
        target = _antecedent(doc, out, event, towns, named) if _mention(doc, event) else None
        if target is None:
            out.append(event)
            continue
        first = out[target]
        out[target] = replace(
            first,
            also=(*first.also, (event.start, event.end, event.text), *event.also),
            recipients=first.recipients or event.recipients,
            place=first.place or event.place,
            date=first.date or event.date,
            toll=first.toll or event.toll,
            target_kinds=first.target_kinds or event.target_kinds,
            confidence=max(first.confidence, event.confidence),
        )
    return out


def _town(place: PlaceMention) -> bool:
    where = place.place
    return where is not None and where.feature not in AREAS and where.precision < 3


def _mention(doc: Doc, event: EventCandidate) -> bool:
    """An event that may be a later mention: one that happened, told by a trigger word of its own."""
    return event.status.value in HAPPENED and 0 <= event.token < len(doc) and not event.territory


def _definite(token: Token) -> bool:
    # spaCy may tag a gerund with its determiner a verb ("the police shooting of a man"): the det decides
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in token.children)


def _another(token: Token) -> bool:
    """A word on the trigger that makes it another incident ("another shooting", "an earlier clash")."""
    return any(c.dep_ in ("det", "amod", "advmod", "nummod") and c.lower_ in ANOTHER for c in token.children)


def _antecedent(
    doc: Doc, told: list[EventCandidate], event: EventCandidate, towns: set[str], named: dict[str, PlaceMention]
) -> int | None:
    """The position in `told` of the incident `event` mentions again, or None."""
    token = doc[event.token]
    if _another(token):
        return None
    definite = _definite(token)
    in_town = event.place is not None and event.place in towns
    if not (definite or in_town):
        return None
    sentence = token.sent.start
    for position in range(len(told) - 1, -1, -1):
        first = told[position]
        if not 0 <= first.token < len(doc) or doc[first.token].sent.start >= sentence:
            continue
        if not _alike(first, event, named):
            continue
        if first.place is not None and first.place == event.place:
            return position
        if definite and (first.place or not event.place) and (first.date or not event.date):
            return position  # a place or a date names the incident: "the San Bernardino attack" is not any
    return None


def _alike(first: EventCandidate, later: EventCandidate, named: dict[str, PlaceMention]) -> bool:
    """Nothing the two tellings say sets them apart (see the module docstring)."""
    if first.type != later.type or first.territory:
        return False
    if (first.status.value, first.status.speaker) != (later.status.value, later.status.speaker):
        return False
    if first.mode and later.mode and first.mode != later.mode:
        return False
    acled = dict(first.codes).get("acled_event_type"), dict(later.codes).get("acled_event_type")
    if acled[0] != acled[1]:
        return False
    for one, other in ((first.actors, later.actors), (first.recipients, later.recipients)):
        if one and other and not set(one) & set(other):
            return False
    if first.place and later.place and not same_ground(first.place, later.place, named):
        return False
    if first.date and later.date and (first.date.value, first.date.text) != (later.date.value, later.date.text):
        if first.date.value is None or first.date.value != later.date.value:
            return False
    killed = [(e.toll.min, e.toll.max) for e in (first, later) if e.toll is not None and e.toll.kind == "killed"]
    return len(killed) < 2 or killed[0] == killed[1]
