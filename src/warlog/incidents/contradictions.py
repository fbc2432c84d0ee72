"""Contradictions inside one document: where its sources disagree about an incident.

Two events of different claims, not both the author's, are tellings of one incident under the
`BETWEEN_CLAIMS` preset of warlog.incidents.policy (the one place the rule is written): the same type
(compatible modes), an actor or a recipient in common, and something more that ties them: a person both
name as the recipient (a man is killed once), counted tolls on both sides, or dates both known to the day
that overlap. What such a pair disagrees on (`warlog.incidents.differences`:
perpetrator, recipient, place, date, toll, occurrence) is a contradiction; the pairs of one kind that
share events are merged, so "reports disagree on where Hamedani was killed" is one contradiction naming
every telling.

An attributed claim the author doubts or disputes ("It might even be true—though ...") contradicts the
author when no event-level contradiction already covers it; its kind is the role the quoted words name
(“Daesh terrorists” is the perpetrator), else occurrence.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from warlog.incidents.differences import Difference, differences
from warlog.incidents.policy import BETWEEN_CLAIMS, Telling
from warlog.model import Actor, Claim, Contradiction, Event, Evidence, Place

# an author who tells another perpetrator, victim or occurrence than a source disputes it; another place
# or date may be the author's own imprecision
DISPUTING = frozenset({"perpetrator", "recipient", "occurrence"})


def find_contradictions(
    events: Sequence[Event],
    claims: Sequence[Claim],
    places: Mapping[str, Place],
    actors: Mapping[str, Actor],
    *,
    provinces: Mapping[str, Place] | None = None,
) -> tuple[tuple[Contradiction, ...], tuple[Claim, ...]]:
    """The document's contradictions, and its claims with the stance a contradiction shows.

    An attributed claim with a neutral stance whose events the author contradicts is disputed, with the
    author's telling as the evidence. `provinces` gives, by a bare town's place id, the province its name
    also names ("in Aleppo"), which contradicts no place inside it (`warlog.incidents.differences.place_difference`).
    """
    claim_of = {event_id: claim for claim in claims for event_id in claim.events}
    tellings = [Telling.of_event(event, actors=actors) for event in events]
    groups: list[tuple[str, set[str], list[str]]] = []  # (kind, event ids, explanations)
    told: dict[str, list[int]] = {}  # by type, the events some claim tells: only those pairs can match
    for i, event in enumerate(events):
        if event.id in claim_of:
            told.setdefault(event.type, []).append(i)
    for i, a in enumerate(events):
        same_type = told.get(a.type, []) if a.id in claim_of else []
        for j in same_type[bisect_right(same_type, i) :]:  # the pairs in the order of comparing them all
            b = events[j]
            ca, cb = claim_of.get(a.id), claim_of.get(b.id)
            if not _told_apart(ca, cb) or not BETWEEN_CLAIMS.same_incident(tellings[i], tellings[j]):
                continue
            for difference in differences(a, b, places, actors=actors, provinces=provinces):
                _add(groups, difference, a, b, ca, cb, actors)
    found = [_contradiction(kind, ids, notes, claim_of) for kind, ids, notes in groups]
    covered = {item for c in found for item in c.items}
    updated = []
    by_event = {e.id: e for e in events}
    for claim in claims:
        if claim.source_kind in ("named", "unnamed") and claim.author_stance in ("doubts", "disputes"):
            if claim.id not in covered and claim.events:
                found.append(_doubted(claim, by_event, actors))
        updated.append(_disputed(claim, found, claims, by_event))
    return tuple(found), tuple(updated)


def _told_apart(a: Claim | None, b: Claim | None) -> bool:
    """Two tellings by different claims, not both the author's."""
    if a is None or b is None or a.id == b.id:
        return False
    return not (a.source_kind == "author" and b.source_kind == "author")


def _add(
    groups: list[tuple[str, set[str], list[str]]],
    difference: Difference,
    a: Event,
    b: Event,
    ca: Claim | None,
    cb: Claim | None,
    actors: Mapping[str, Actor],
) -> None:
    note = f"{difference.explanation} ({_source(ca, actors)} vs {_source(cb, actors)})"
    for kind, ids, notes in groups:
        if kind == difference.kind and ids & {a.id, b.id}:
            ids.update((a.id, b.id))
            notes.append(note)
            return
    groups.append((difference.kind, {a.id, b.id}, [note]))


def _source(claim: Claim | None, actors: Mapping[str, Actor]) -> str:
    if claim is None:
        return "unattributed"
    if claim.source_kind == "author":
        return "the author"
    if claim.speaker and claim.speaker in actors:
        return actors[claim.speaker].name
    return claim.speaker_text or claim.speaker or "an unnamed source"


def _contradiction(kind: str, ids: set[str], notes: list[str], claim_of: Mapping[str, Claim]) -> Contradiction:
    events = sorted(ids)
    claims = sorted({claim_of[e].id for e in events if e in claim_of})
    items = tuple(claims + events)
    return Contradiction(id=_id(kind, items), kind=kind, items=items, explanation="; ".join(dict.fromkeys(notes)))


def _doubted(claim: Claim, events: Mapping[str, Event], actors: Mapping[str, Actor]) -> Contradiction:
    kind = "occurrence"
    quoted = _quoted(claim)
    for event_id in claim.events:
        event = events.get(event_id)
        if event is None:
            continue
        if _named_in(event.actors, quoted, actors):
            kind = "perpetrator"
            break
        if _named_in(event.recipients, quoted, actors):
            kind = "recipient"
            break
    who = _source(claim, actors)
    why = claim.stance_evidence.text if claim.stance_evidence is not None else claim.author_stance
    verb = "doubts" if claim.author_stance == "doubts" else "disputes"
    explanation = f"{kind}: {who} says {claim.text!r}; the author {verb} it: {why!r}"
    items = (claim.id, *claim.events)
    return Contradiction(id=_id(kind, items), kind=kind, items=items, explanation=explanation)


def _quoted(claim: Claim) -> str:
    """The quoted words of a claim, lower-cased ("daesh terrorists")."""
    text = claim.text
    parts: list[str] = []
    current: list[str] = []
    inside = False
    for ch in text:
        if ch in '"“”':
            if inside:
                parts.append("".join(current))
                current = []
            inside = not inside
        elif inside:
            current.append(ch)
    if inside and current:
        parts.append("".join(current))
    return " ".join(parts).lower()


def _named_in(ids: Sequence[str], quoted: str, actors: Mapping[str, Actor]) -> bool:
    if not quoted:
        return False
    for actor_id in ids:
        actor = actors.get(actor_id)
        if actor is None:
            continue
        names = (actor.name, *actor.aliases, *(m.text for m in actor.mentions))
        if any(n and n.lower() in quoted for n in names):
            return True
    return False


def _disputed(
    claim: Claim, found: Sequence[Contradiction], claims: Sequence[Claim], events: Mapping[str, Event]
) -> Claim:
    if claim.source_kind not in ("named", "unnamed") or claim.author_stance != "neutral":
        return claim
    authors = {c.id: c for c in claims if c.source_kind == "author"}
    for contradiction in found:
        if claim.id not in contradiction.items or contradiction.kind not in DISPUTING:
            continue
        author = next((authors[i] for i in contradiction.items if i in authors), None)
        if author is None:
            continue
        told = [events[e] for e in author.events if e in contradiction.items and e in events]
        evidence: Evidence = told[0].evidence if told else author.evidence
        return replace(claim, author_stance="disputes", stance_evidence=evidence)
    return claim


def _id(kind: str, items: Sequence[str]) -> str:
    return "cx_" + hashlib.sha1(f"{kind}|{'|'.join(items)}".encode()).hexdigest()[:12]


__all__ = ["find_contradictions"]
