"""The actor relations of one document: who cooperates with whom, who fights whom, who belongs to whom.

Rules:
- An event counts when its status says it happened: asserted, reported or claimed. Denied, negated,
  hypothetical and planned events tie no one (a denial is not a tie, a plan is not yet one).
- Each counting event ties every one of its actors to every one of its recipients (never an actor to
  itself). The polarity follows the PLOVER quad class of the event type: verbal or material cooperation
  is `cooperative`, verbal or material conflict is `hostile`. Events of a type the ontology does not
  know tie no one.
- Ties of one (source, target, polarity) are one `Relation`; its `weight` is the number of events
  behind it and `events` their ids in text order. A count, not summed confidence: it reads plainly
  ("Russia attacked the rebels 4 times in this report") and adds up across documents; each event
  keeps its own confidence.
- Every actor has an `affiliation` relation to each of its parents (`Actor.parents`), weight 1 and no
  events: it comes from the knowledge base, not from the text.
- Relations are ordered by (source, target, polarity) with polarities in the order cooperative,
  hostile, affiliation, so the same events and actors always give the same tuple.
"""

from __future__ import annotations

from collections.abc import Iterable

from warlog.model import HAPPENED, POLARITIES, Actor, Event, Relation
from warlog.packs.ontology import Ontology

# quad class -> polarity of the ties it makes
QUAD_POLARITY = {
    "verbal_cooperation": "cooperative",
    "material_cooperation": "cooperative",
    "verbal_conflict": "hostile",
    "material_conflict": "hostile",
}


def event_polarity(event_type: str, ontology: Ontology) -> str | None:
    """The polarity of the ties an event of this type makes, or None for a type the ontology lacks."""
    try:
        quad = ontology.quad(event_type)
    except KeyError:
        return None
    return QUAD_POLARITY.get(quad)


def polarity_types(ontology: Ontology) -> dict[str, tuple[str, ...]]:
    """The event types of each polarity (cooperative, hostile), in ontology order."""
    found: dict[str, list[str]] = {"cooperative": [], "hostile": []}
    for event_type in ontology.types:
        polarity = QUAD_POLARITY.get(event_type.quad)
        if polarity is not None:
            found[polarity].append(event_type.name)
    return {polarity: tuple(names) for polarity, names in found.items()}


def build_relations(events: Iterable[Event], actors: Iterable[Actor], ontology: Ontology) -> tuple[Relation, ...]:
    """The relations stated by a document's events, and the affiliations of its actors.

    Args:
        events: the document's events, in text order.
        actors: the document's actors (their `parents` give the affiliation relations).
        ontology: the event ontology, for the quad class of each event type.

    Returns:
        The relations, ordered by source, target and polarity.
    """
    ties: dict[tuple[str, str, str], list[str]] = {}
    for event in events:
        if event.status not in HAPPENED:
            continue
        polarity = event_polarity(event.type, ontology)
        if polarity is None:
            continue
        for source in dict.fromkeys(event.actors):
            for target in dict.fromkeys(event.recipients):
                if source != target:
                    ties.setdefault((source, target, polarity), []).append(event.id)
    relations = [
        Relation(source=source, target=target, polarity=polarity, weight=float(len(ids)), events=tuple(ids))
        for (source, target, polarity), ids in ties.items()
    ]
    affiliations = {(actor.id, parent) for actor in actors for parent in actor.parents if parent != actor.id}
    relations += [Relation(source=child, target=parent, polarity="affiliation") for child, parent in affiliations]
    return tuple(sorted(relations, key=lambda r: (r.source, r.target, POLARITIES.index(r.polarity))))
