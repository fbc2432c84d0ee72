"""Cross-document event coreference: count incidents, not articles.

Several reports of one attack are one incident. The rule that says when two events tell one incident is
written once, in warlog.incidents.policy; across documents it is the `ACROSS_DOCUMENTS` preset (the same
type, a shared participant, places within `max_km`, dates within `max_days`, two anchors), whose
`max_km`, `max_days`, `min_anchors` and `lag_days` the arguments below override.

Clustering (`cluster_incidents`) links matching accounts of *different* documents (the event extractor
has already merged what one document tells twice: warlog.events.merge, the `IN_DOCUMENT` preset) by
complete linkage (warlog.incidents.linkage): two groups merge only when every account of one is
compatible with every account of the other, so a chain A~B~C cannot join an A and a C that cannot be one
happening, and an incident takes at most `MAX_ACCOUNTS` accounts. Candidate pairs are blocked by type,
date window and place (warlog.incidents.blocks: a grid of `max_km` cells for points, the country for
areas), so each account is compared only with the accounts the rule could match: near linear in the
number of accounts, with the incidents of comparing every pair. When an event has no date, the
account's date is the `lag_days` (a week) before its document's publication ("reported on the 10th"
happened on or before the 10th).

`differences` (warlog.incidents.differences) names what two tellings of one event disagree on; within an
incident, the differences between accounts of different documents are its contradictions, one per
(kind, explanation) with every account that takes part in it and the claims that tell them, its
explanation naming who says each side. A denial asserts nothing of what it denies, so against a denied
or negated account only `occurrence` counts, and whether it happened is one contradiction per incident.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from warlog.incidents.blocks import candidate_pairs, place_keys
from warlog.incidents.differences import Difference, Interval, date_interval, differences, event_place
from warlog.incidents.linkage import MAX_ACCOUNTS, link
from warlog.incidents.policy import ACROSS_DOCUMENTS, IncidentPolicy, Telling
from warlog.model import REFUTED, Actor, Claim, Contradiction, Document, Event, Place

__all__ = [
    "Account",
    "Difference",
    "Incident",
    "cluster_incidents",
    "differences",
    "group_accounts",
    "same_incident",
]


@dataclass(frozen=True, slots=True)
class Account:
    """One document's telling of an event, with the place it names, where the document came from, the
    claims of the document that tell the event or, for an event said not to have happened, deny it, and,
    for an event that happened, the claims of its own document that deny it (`denied_by`: "Russia
    denied the report"). Who says so; empty when not read: `Store.incidents` reads them."""

    document: Document
    event: Event
    place: Place | None = None
    claims: tuple[Claim, ...] = ()
    denied_by: tuple[Claim, ...] = ()

    @property
    def key(self) -> str:
        """`document_id#event_id`: the account's id across the corpus."""
        return f"{self.document.id}#{self.event.id}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "document": self.document.id,
            "title": self.document.title,
            "source": self.document.source,
            "url": self.document.url,
            "published": self.document.published,
            "event": self.event.to_dict(),
            "place": {k: v for k, v in self.place.to_dict().items() if k != "mentions"} if self.place else None,
            "claims": [c.to_dict() for c in self.claims],
            "denied_by": [c.to_dict() for c in self.denied_by],
        }


@dataclass(frozen=True, slots=True)
class Incident:
    """One happening told by one or more accounts, and where the accounts of different documents disagree."""

    id: str
    type: str
    accounts: tuple[Account, ...]
    contradictions: tuple[Contradiction, ...] = ()

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.document.id for a in self.accounts))

    @property
    def sources(self) -> tuple[str, ...]:
        """The outlets (or, lacking one, the URLs) of the documents, each once."""
        found = (a.document.source or a.document.url for a in self.accounts)
        return tuple(dict.fromkeys(s for s in found if s))

    @property
    def actors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for a in self.accounts for x in a.event.actors))

    @property
    def recipients(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(x for a in self.accounts for x in a.event.recipients))

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(a.event.place for a in self.accounts if a.event.place))

    @property
    def period(self) -> tuple[str, str] | None:
        """The first and last day the accounts' event dates cover (ISO), or None when none is dated."""
        values = (a.event.date.value if a.event.date is not None else None for a in self.accounts)
        intervals = [i for value in values if (i := date_interval(value))]
        if not intervals:
            return None
        return min(i[0] for i in intervals).isoformat(), max(i[1] for i in intervals).isoformat()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "period": list(self.period) if self.period else None,
            "actors": list(self.actors),
            "recipients": list(self.recipients),
            "places": list(self.places),
            "documents": list(self.documents),
            "sources": list(self.sources),
            "accounts": [a.to_dict() for a in self.accounts],
            "contradictions": [c.to_dict() for c in self.contradictions],
        }


# --- matching ---------------------------------------------------------------------------------------------


def same_incident(
    a: Event,
    b: Event,
    *,
    places: Mapping[str, Place],
    max_km: float = ACROSS_DOCUMENTS.max_km,
    max_days: int = ACROSS_DOCUMENTS.max_days,
    min_anchors: int = ACROSS_DOCUMENTS.min_anchors,
    actors: Mapping[str, Actor] | None = None,
) -> bool:
    """Whether two events of different documents can be tellings of the same incident (the rule:
    warlog.incidents.policy, `ACROSS_DOCUMENTS`).

    Args:
        a, b: the events.
        places: the places the events name, by id (a missing id is an unknown place).
        max_km: the farthest apart two places of one incident may be.
        max_days: the most days apart two dates of one incident may be.
        min_anchors: how many of participants, place and date must positively agree.
        actors: actors by id, which tell a state's organs (a ministry's denial and its army's strike).
    """
    policy = _across_documents(max_km=max_km, max_days=max_days, min_anchors=min_anchors)
    return policy.same_incident(
        Telling.of_event(a, located=event_place(a, places), actors=actors),
        Telling.of_event(b, located=event_place(b, places), actors=actors),
    )


def _across_documents(
    *,
    max_km: float = ACROSS_DOCUMENTS.max_km,
    max_days: int = ACROSS_DOCUMENTS.max_days,
    min_anchors: int = ACROSS_DOCUMENTS.min_anchors,
    lag_days: int = ACROSS_DOCUMENTS.lag_days,
) -> IncidentPolicy:
    """The `ACROSS_DOCUMENTS` preset with the limits a caller (the CLI, the API) sets."""
    return replace(ACROSS_DOCUMENTS, max_km=max_km, max_days=max_days, min_anchors=min_anchors, lag_days=lag_days)


# --- clustering -------------------------------------------------------------------------------------------


def _account_interval(account: Account, lag_days: int) -> Interval | None:
    interval = date_interval(account.event.date.value if account.event.date is not None else None)
    if interval is None and account.document.published:
        published = date_interval(account.document.published)
        if published:
            interval = published[1] - timedelta(days=lag_days), published[1]
    return interval


Sides = tuple[dict[str, Account], dict[str, Account]]  # the accounts on each side of a disagreement, by key


def _contradictions(
    accounts: Sequence[Account], places: Mapping[str, Place], actors: Mapping[str, Actor]
) -> tuple[Contradiction, ...]:
    """One contradiction per disagreement, with every account on each side, the claims that tell them,
    and who says what (`_sides`)."""
    merged: dict[tuple[str, str], Sides] = {}
    for n, a in enumerate(accounts):
        for b in accounts[n + 1 :]:
            if a.document.id != b.document.id:
                _merge(merged, a, b, places, actors)
    if any(a.denied_by for a in accounts):  # a denial in the telling's own document: whether it happened too
        sides = merged.setdefault(("occurrence", ""), ({}, {}))
        sides[0].update((a.key, a) for a in accounts if a.event.status not in REFUTED)
    found = []
    for (kind, explanation), (first, second) in merged.items():
        told = [*first.values(), *(x for k, x in second.items() if k not in first)]
        claims = [f"{x.document.id}#{c.id}" for x in told for c in (*x.claims, *x.denied_by)]
        items = [x.key for x in told] + list(dict.fromkeys(claims))
        said = (
            _occurrence(first, second, actors) if kind == "occurrence" else _sides(explanation, first, second, actors)
        )
        found.append(Contradiction(id=_digest("ct_", kind, *items), kind=kind, items=tuple(items), explanation=said))
    return tuple(found)


def _merge(
    merged: dict[tuple[str, str], Sides],
    a: Account,
    b: Account,
    places: Mapping[str, Place],
    actors: Mapping[str, Actor],
) -> None:
    """Add what two accounts disagree on to `merged`, one wording whichever account comes first, so that the
    same disagreement told by several pairs is one."""
    forward = differences(a.event, b.event, places, actors=actors)
    backward = differences(b.event, a.event, places, actors=actors)
    if a.event.status in REFUTED or b.event.status in REFUTED:
        # a denial asserts nothing of what it denies (who, where, when, how many): only whether it happened
        forward = [d for d in forward if d.kind == "occurrence"]
        backward = [d for d in backward if d.kind == "occurrence"]
    for one, other in zip(forward, backward, strict=True):
        first, second = (a, b) if one.explanation <= other.explanation else (b, a)
        explanation = min(one.explanation, other.explanation)
        if one.kind == "occurrence":  # one question for the whole incident: every telling against every denial
            explanation = ""
            first, second = (b, a) if a.event.status in REFUTED else (a, b)
        sides = merged.setdefault((one.kind, explanation), ({}, {}))
        sides[0][first.key], sides[1][second.key] = first, second


def _sides(
    explanation: str, left: Mapping[str, Account], right: Mapping[str, Account], actors: Mapping[str, Actor]
) -> str:
    """ "toll: 12 vs 30 killed; rescuers (Wire A) vs a monitoring group (Monitor C)": who tells each side."""
    said = [", ".join(dict.fromkeys(_voices(a, actors) for a in side.values())) for side in (left, right)]
    return f"{explanation}; {said[0]} vs {said[1]}"


def _occurrence(told: Mapping[str, Account], refuted: Mapping[str, Account], actors: Mapping[str, Actor]) -> str:
    """ "occurrence: reported by rescuers (Wire A) vs denied by Russian Ministry of Defence (Daily B)": each
    side's statuses and who says so, by document."""
    statuses = ", ".join(dict.fromkeys(a.event.status for a in told.values()))
    said = "; ".join(dict.fromkeys(_voices(a, actors) for a in told.values()))
    within = [a for a in told.values() if a.denied_by]  # denied in the telling's own document
    refusals = ", ".join(dict.fromkeys([a.event.status for a in refuted.values()] + ["denied"] * bool(within)))
    against = [_voices(a, actors) for a in refuted.values()] + [
        _voices(replace(a, claims=a.denied_by), actors) for a in within
    ]
    return f"occurrence: {statuses} by {said} vs {refusals} by {'; '.join(dict.fromkeys(against))}"


def _voices(account: Account, actors: Mapping[str, Actor]) -> str:
    """Who tells or denies an account, and in which document: "rescuers (Wire A)"; the document alone
    ("Wire A") when no claim or speaker is read with it."""
    names = [_voice(c, actors) for c in account.claims]
    if not names and account.event.speaker:
        names = [actors[account.event.speaker].name if account.event.speaker in actors else account.event.speaker]
    where = account.document.source or account.document.title or account.document.id
    return f"{', '.join(dict.fromkeys(names))} ({where})" if names else where


def _voice(claim: Claim, actors: Mapping[str, Actor]) -> str:
    if claim.source_kind == "author":
        return "the author"
    if claim.speaker and claim.speaker in actors:
        return actors[claim.speaker].name
    return claim.speaker_text or "an unnamed source"


def _digest(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:12]


def cluster_incidents(
    accounts: Iterable[Account],
    *,
    actors: Mapping[str, Actor] | None = None,
    max_km: float = ACROSS_DOCUMENTS.max_km,
    max_days: int = ACROSS_DOCUMENTS.max_days,
    min_anchors: int = ACROSS_DOCUMENTS.min_anchors,
    lag_days: int = ACROSS_DOCUMENTS.lag_days,
    max_accounts: int = MAX_ACCOUNTS,
) -> tuple[Incident, ...]:
    """Group accounts into incidents, each with the contradictions between its documents.

    Args:
        accounts: the accounts to group (each document's events, with their documents and places).
        actors: actors by id, for names in the contradictions' explanations.
        max_km, max_days, min_anchors: as for `same_incident`.
        lag_days: an undated event is dated to this many days before its document's publication.
        max_accounts: the most accounts one incident takes (warlog.incidents.linkage).

    Returns:
        Incidents ordered by their first date (undated last), then id; a lone account is an incident too.
    """
    groups = group_accounts(
        accounts,
        actors=actors,
        max_km=max_km,
        max_days=max_days,
        min_anchors=min_anchors,
        lag_days=lag_days,
        max_accounts=max_accounts,
    )
    incidents = [_incident(members, actors or {}) for members in groups]
    return tuple(sorted(incidents, key=lambda x: (x.period is None, x.period or ("", ""), x.id)))


def group_accounts(
    accounts: Iterable[Account],
    *,
    max_km: float = ACROSS_DOCUMENTS.max_km,
    max_days: int = ACROSS_DOCUMENTS.max_days,
    min_anchors: int = ACROSS_DOCUMENTS.min_anchors,
    lag_days: int = ACROSS_DOCUMENTS.lag_days,
    max_accounts: int = MAX_ACCOUNTS,
    actors: Mapping[str, Actor] | None = None,
) -> list[list[Account]]:
    """The accounts that tell one incident, group by group (a lone account is a group), in the order of each
    group's first account; `cluster_incidents` without the contradictions (arguments as there; `actors`
    tell which actors are one state's, see `IncidentPolicy.own_denials`)."""
    policy = _across_documents(max_km=max_km, max_days=max_days, min_anchors=min_anchors, lag_days=lag_days)
    items = list(accounts)
    intervals = [_account_interval(a, policy.lag_days) for a in items]
    tellings = [
        Telling.of_event(a.event, located=a.place, interval=i, actors=actors)
        for a, i in zip(items, intervals, strict=True)
    ]
    blocks: dict[str, list[int]] = {}
    for i, account in enumerate(items):
        blocks.setdefault(account.event.type, []).append(i)
    keys = place_keys(tellings, policy)
    pairs = (pair for block in blocks.values() for pair in candidate_pairs(intervals, block, policy.max_days, keys))
    documents = [a.document.id for a in items]
    groups = link(tellings, documents, pairs, policy, max_accounts=max_accounts)
    return [[items[i] for i in group] for group in groups]


def _incident(accounts: list[Account], actors: Mapping[str, Actor]) -> Incident:
    accounts.sort(key=lambda a: (a.document.published or "~", a.document.id, a.event.evidence.start))
    places = {a.place.id: a.place for a in accounts if a.place is not None}
    return Incident(
        id=_digest("inc_", *sorted(a.key for a in accounts)),
        type=accounts[0].event.type,
        accounts=tuple(accounts),
        contradictions=_contradictions(accounts, places, actors),
    )
