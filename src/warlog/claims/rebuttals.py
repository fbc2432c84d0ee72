"""Denials and rebuttals as contradictions: the denying claim against what it denies.

Each denial of `warlog.claims.denials` that names a claim or an event of the document (or, when none is
found, tells the denied event itself) is a contradiction between the denier's claim and those, with the
claims that tell the denied events, so both sides come with their speakers. Its kind is `perpetrator`
when the denier is an actor of a denied event ("Moscow denied its jets struck the town" against a
report that they did), else `occurrence` (whether it happened, or whether what was said is so).
"There was no attack" and "it was not a combat mission" stand only against what other sources tell
nearby (an attack, combat), never against their own words. A denial
whose items an earlier contradiction already holds adds nothing.

A denial of something the text tells only inside the denial ("she denied that she mishandled the files",
"disputes the idea that ...") stands against the denied proposition as an implied claim
(`model.ImpliedClaim`): its speaker is the accuser the denial names ("denied allegations by the UN"),
else none; the contradiction's items are the denier's claim alone. A denial given up since ("had
previously dismissed") holds against nothing told only inside it. A denial whose words only point back
("rejected that argument") and find nothing to point to makes none.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from warlog.claims.denials import Denial
from warlog.model import REFUTED, Actor, Claim, Contradiction, Event, Evidence, ImpliedClaim

RULE = "denial@1"  # the rule that finds an implied claim, recorded in its evidence


def denial_contradictions(
    denials: Sequence[Denial],
    claims: Sequence[Claim],
    events: Sequence[Event],
    actors: Mapping[str, Actor],
    *,
    text: str,
    found: Sequence[Contradiction] = (),
) -> tuple[Contradiction, ...]:
    """The contradictions the denials make (see the module docstring), none that `found` already holds;
    `text` is the document's."""
    claim_by = {c.id: c for c in claims}
    event_by = {e.id: e for e in events}
    teller = {event_id: claim.id for claim in claims for event_id in claim.events}
    out: list[Contradiction] = []
    held = [set(c.items) for c in found]
    said: set[tuple[str, tuple[int, int]]] = set()  # (denier, proposition) of the implied ones
    for denial in denials:
        denier = claim_by.get(denial.claim or "")
        if denier is None:
            continue
        against = [t for t in denial.targets if t in claim_by or t in event_by]
        if not against and denial.form == "denial":  # a denied event stands against its denier
            against = [e for e in denial.events if e in event_by]
        if not against and denial.proposition is not None and denial.retracted is None:
            implied = _implied(denial.proposition, denial.accuser, text, actors)
            if implied.evidence.start < implied.evidence.end and (denier.id, denial.proposition) not in said:
                said.add((denier.id, denial.proposition))
                out.append(_implied_contradiction(denier, implied, actors))
            continue
        # who tells a denied or negated event denies it too: with the denier, not against it
        tellers = [
            teller[t] for t in against
            if t in event_by and t in teller and teller[t] != denier.id and event_by[t].status not in REFUTED
        ]  # fmt: skip
        items = tuple(dict.fromkeys([denier.id, *tellers, *against]))
        if len(items) < 2 or any(set(items) <= h for h in held):
            continue
        held.append(set(items))
        kind = _kind(denier, [event_by[t] for t in (*against, *denial.events) if t in event_by])
        out.append(Contradiction(id=_id(kind, items), kind=kind, items=items,
                                 explanation=_explain(kind, denier, against, claim_by, event_by, actors)))  # fmt: skip
    return tuple(out)


def _implied(
    proposition: tuple[int, int], accuser: tuple[int, int] | None, text: str, actors: Mapping[str, Actor]
) -> ImpliedClaim:
    start, end = _trimmed(text, proposition)
    evidence = Evidence(start, end, text[start:end], rule=RULE)
    if accuser is None:
        return ImpliedClaim(text=evidence.text, evidence=evidence)
    speaker = next(
        (a.id for a in actors.values() for m in a.mentions if accuser[0] <= m.start and m.end <= accuser[1]), None
    )
    named = Evidence(accuser[0], accuser[1], text[accuser[0] : accuser[1]], rule=RULE)
    return ImpliedClaim(evidence.text, evidence, speaker, named.text, named)


def _trimmed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without the spaces and closing punctuation at its ends."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    return start, end


def _implied_contradiction(denier: Claim, implied: ImpliedClaim, actors: Mapping[str, Actor]) -> Contradiction:
    accuser = implied.speaker_text or "no named source"
    explanation = (
        f"occurrence: {_who(denier, actors)} denies it ({denier.text!r}) against what it denies, "
        f"told only in the denial (implied; asserted by {accuser}): {implied.text!r}"
    )
    key = (denier.id, f"implied@{implied.evidence.start}-{implied.evidence.end}")
    return Contradiction(id=_id("occurrence", key), kind="occurrence", items=(denier.id,),
                         explanation=explanation, implied=implied)  # fmt: skip


def _kind(denier: Claim, events: Sequence[Event]) -> str:
    speakers = {s for s in (denier.speaker, *denier.co_speakers) if s}
    return "perpetrator" if any(speakers & set(e.actors) for e in events) else "occurrence"


def _explain(
    kind: str,
    denier: Claim,
    against: Sequence[str],
    claims: Mapping[str, Claim],
    events: Mapping[str, Event],
    actors: Mapping[str, Actor],
) -> str:
    told = [_told(t, claims, events, actors) for t in against]
    return f"{kind}: {_who(denier, actors)} denies it ({denier.text!r}) against " + "; ".join(told)


def _told(item: str, claims: Mapping[str, Claim], events: Mapping[str, Event], actors: Mapping[str, Actor]) -> str:
    if item in claims:
        return f"{_who(claims[item], actors)}: {claims[item].text!r}"
    return f"the {events[item].type} event {events[item].evidence.text!r}"


def _who(claim: Claim, actors: Mapping[str, Actor]) -> str:
    if claim.source_kind == "author":
        return "the author"
    if claim.speaker and claim.speaker in actors:
        return actors[claim.speaker].name
    return claim.speaker_text or "an unnamed source"


def _id(kind: str, items: Sequence[str]) -> str:
    return "cx_" + hashlib.sha1(f"{kind}|{'|'.join(items)}".encode()).hexdigest()[:12]


__all__ = ["denial_contradictions"]
