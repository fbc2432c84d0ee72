"""Read the stored events as accounts and group them into incidents across documents (warlog.incidents).

Filters: `type` and the period (`since`, `until`: an event's date, or its document's publication date
when it has none, overlapping the period) choose the accounts before they are grouped; `actor` then keeps
the incidents in which any account names the actor as actor or recipient, so an account that names no
one stays in its incident. Hypothetical and planned events are not incidents and are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import duckdb

from warlog.incidents.cluster import Account, Incident, cluster_incidents
from warlog.incidents.policy import ACROSS_DOCUMENTS
from warlog.model import HAPPENED, REFUTED, Actor, Claim, Document, Event, Evidence, Place, Toll, When
from warlog.store.graph import EVENT_WHEN, actor_ids, check_filters
from warlog.store.query import date_overlaps
from warlog.store.read import claim_from_row

if TYPE_CHECKING:
    from warlog.packs.ontology import Ontology

INCIDENT_STATUSES = HAPPENED + REFUTED

_ACCOUNTS = """
SELECT d.id AS document_id, d.title, d.source, d.url, d.published,
    e.id, e."type", e."mode", e.actors, e.recipients, e.place, e."date", e.fatalities, e.wounded, e.captured,
    e.status, e.speaker, e.codes, e.confidence,
    e.evidence_start, e.evidence_end, e.evidence_text, e.evidence_rule, e.evidence_confidence,
    p."name" AS place_name, p.country AS place_country, p.lat, p.lon, p.feature, p."precision"
FROM events e JOIN documents d ON d.id = e.document_id
LEFT JOIN document_places p ON p.document_id = e.document_id AND p.place_id = e.place
WHERE list_contains($statuses, e.status) {conditions}
ORDER BY d.id, e.seq
"""


def _toll(data: dict[str, Any] | None) -> Toll | None:
    return Toll(data["min"], data["max"], data["text"]) if data is not None else None


def _account(row: dict[str, Any]) -> Account:
    event = Event(
        id=row["id"],
        type=row["type"],
        evidence=Evidence(
            row["evidence_start"],
            row["evidence_end"],
            row["evidence_text"],
            row["evidence_rule"],
            row["evidence_confidence"],
        ),  # fmt: skip
        mode=row["mode"],
        actors=tuple(row["actors"]),
        recipients=tuple(row["recipients"]),
        place=row["place"],
        date=When(**row["date"]) if row["date"] is not None else None,
        fatalities=_toll(row["fatalities"]),
        wounded=_toll(row["wounded"]),
        captured=_toll(row["captured"]),
        status=row["status"],
        speaker=row["speaker"],
        codes=tuple((c["scheme"], c["code"]) for c in row["codes"]),
        confidence=row["confidence"],
    )
    place = None
    if row["place"] is not None and row["place_name"] is not None:
        place = Place(
            id=row["place"], name=row["place_name"], country=row["place_country"], lat=row["lat"], lon=row["lon"],
            feature=row["feature"], precision=row["precision"],
        )  # fmt: skip
    # the text stays in the store: an incident needs where a report came from, not all of it
    document = Document(
        id=row["document_id"], text="", title=row["title"], source=row["source"], url=row["url"],
        published=row["published"],
    )  # fmt: skip
    return Account(document=document, event=event, place=place)


def load_accounts(
    con: duckdb.DuckDBPyConnection,
    *,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    statuses: tuple[str, ...] = INCIDENT_STATUSES,
) -> list[Account]:
    """The stored events with the given statuses, type and period, as accounts."""
    filters = {name for name, value in (("since", since), ("until", until)) if value is not None}
    conditions = date_overlaps(EVENT_WHEN, filters) if filters else []
    params: dict[str, Any] = {"statuses": list(statuses)}
    if type is not None:
        conditions.append('e."type" = $type')
        params["type"] = type
    params |= {name: value for name, value in (("since", since), ("until", until)) if value is not None}
    sql = _ACCOUNTS.format(conditions="".join(f" AND {c}" for c in conditions))
    cursor = con.execute(sql, params)
    names = [column[0] for column in cursor.description]
    return [_account(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


# the claims that tell an event, and the deniers' (the first item of a contradiction, warlog.claims.rebuttals)
_VOICES = """
WITH wanted AS (SELECT unnest($documents) AS document_id)
SELECT c.* FROM claims c SEMI JOIN wanted w ON w.document_id = c.document_id WHERE len(c.events) > 0
UNION ALL BY NAME
SELECT c.* FROM claims c JOIN contradictions x ON x.document_id = c.document_id AND x.items[1] = c.id
SEMI JOIN wanted w ON w.document_id = c.document_id
"""
# a denial's contradiction (warlog.claims.rebuttals) says "<denier> denies it (...) against ...": its first
# item is the denier's claim; other contradictions of a document set two tellings against each other
_DENIALS = """
WITH wanted AS (SELECT unnest($documents) AS document_id)
SELECT x.document_id, x.items FROM contradictions x SEMI JOIN wanted w ON w.document_id = x.document_id
WHERE x.explanation LIKE '% denies it (%'
"""
Key = tuple[str, str]  # (document id, event id)


def _voices(
    con: duckdb.DuckDBPyConnection, documents: list[str]
) -> tuple[dict[Key, list[Claim]], dict[Key, list[Claim]]]:
    """By (document, event): the claims that tell the event, and the claims that deny it."""
    cursor = con.execute(_VOICES, {"documents": documents})
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    claims = {(r["document_id"], r["id"]): claim_from_row(r) for r in rows}
    telling: dict[Key, list[Claim]] = {}
    for (document, _), claim in claims.items():
        for event in claim.events:
            telling.setdefault((document, event), []).append(claim)
    denying: dict[Key, list[Claim]] = {}
    for document, items in con.execute(_DENIALS, {"documents": documents}).fetchall():
        denier = claims.get((document, items[0]))
        if denier is not None:
            for item in items[1:]:
                denying.setdefault((document, item), []).append(denier)
    return telling, denying


def _with_claims(con: duckdb.DuckDBPyConnection, accounts: list[Account]) -> list[Account]:
    """The accounts, each with the claims of its document that tell its event and, for a denied or
    negated event, that deny it (who says so, on each side of a contradiction); an event that happened
    also with the claims of its document that deny it or its telling (`denied_by`)."""
    if not accounts:
        return accounts
    telling, denying = _voices(con, sorted({a.document.id for a in accounts}))
    out = []
    for account in accounts:
        document, key = account.document.id, (account.document.id, account.event.id)
        tellers = telling.get(key, [])
        if account.event.status in REFUTED:
            out.append(replace(account, claims=_unique(tellers + denying.get(key, []))))
            continue
        told = {c.id for c in tellers}
        deniers = denying.get(key, []) + [d for c in tellers for d in denying.get((document, c.id), [])]
        out.append(replace(account, claims=_unique(tellers), denied_by=_unique(d for d in deniers if d.id not in told)))
    return out


def _unique(claims: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(sorted({c.id: c for c in claims}.values(), key=lambda c: c.evidence.start))


def _actors(con: duckdb.DuckDBPyConnection, ids: set[str]) -> dict[str, Actor]:
    rows = con.execute(
        'SELECT id, "name", kind, country FROM actors WHERE list_contains($ids, id)', {"ids": sorted(ids)}
    ).fetchall()
    return {row[0]: Actor(id=row[0], name=row[1], kind=row[2], country=row[3]) for row in rows}


@dataclass(frozen=True, slots=True)
class IncidentAccounts:
    """What grouping into incidents reads from the store: the accounts, the actors they name, and the
    actors an `actor` filter keeps (None: no filter). Grouping them needs no store (`group_incidents`),
    so a server can group them without holding the store."""

    accounts: list[Account]
    actors: dict[str, Actor]
    wanted: set[str] | None


def read_accounts(
    con: duckdb.DuckDBPyConnection,
    *,
    ontology: Ontology,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    actor: str | None = None,
) -> IncidentAccounts:
    """The accounts of the stored events that pass the filters, with the actors they name."""
    check_filters(ontology, type, (), since, until)
    wanted = set(actor_ids(con, actor)) if actor is not None else None
    accounts = _with_claims(con, load_accounts(con, since=since, until=until, type=type))
    people = {x for a in accounts for x in (*a.event.actors, *a.event.recipients, a.event.speaker) if x}
    people |= {x for a in accounts for c in a.claims for x in (c.speaker, *c.co_speakers) if x}
    return IncidentAccounts(accounts, _actors(con, people), wanted)


def group_incidents(
    found: IncidentAccounts,
    *,
    max_km: float = ACROSS_DOCUMENTS.max_km,
    max_days: int = ACROSS_DOCUMENTS.max_days,
    min_documents: int = 1,
) -> tuple[Incident, ...]:
    """The incidents of the accounts, each with its cross-document contradictions, that at least
    `min_documents` documents tell and that name a wanted actor."""
    incidents = cluster_incidents(found.accounts, actors=found.actors, max_km=max_km, max_days=max_days)
    return tuple(
        incident
        for incident in incidents
        if len(incident.documents) >= min_documents
        and (found.wanted is None or found.wanted & {*incident.actors, *incident.recipients})
    )


def find_incidents(
    con: duckdb.DuckDBPyConnection,
    *,
    ontology: Ontology,
    since: str | None = None,
    until: str | None = None,
    type: str | None = None,
    actor: str | None = None,
    max_km: float = ACROSS_DOCUMENTS.max_km,
    max_days: int = ACROSS_DOCUMENTS.max_days,
    min_documents: int = 1,
) -> tuple[Incident, ...]:
    """The incidents of the stored events that pass the filters, each with its cross-document
    contradictions (the rules are in the module docstrings of this module and of warlog.incidents)."""
    found = read_accounts(con, ontology=ontology, since=since, until=until, type=type, actor=actor)
    return group_incidents(found, max_km=max_km, max_days=max_days, min_documents=min_documents)
