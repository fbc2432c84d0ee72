"""The read endpoints: documents, actors, events, claims, contradictions, places, the graph and incidents.

Each route parses its parameters (their types and bounds: warlog.api.params), calls the store under
the app's lock (what each filter means: warlog.store.query) and returns JSON. Lists answer `{"items", "total", "limit",
"offset"}`; `limit` is 0 to 500 (default 50), `offset` 0 to 1,000,000,000. The graph and the incidents
of an actor the store does not know are a 404, as the actor itself is.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.security import HTTPBearer

from warlog.api.context import ApiContext, context
from warlog.api.errors import ApiError, error_responses
from warlog.api.params import (
    DEFAULT_LIMIT,
    MAX_DAYS,
    MAX_DOCUMENTS,
    MAX_KM,
    EventType,
    Limit,
    MinConfidence,
    Offset,
    Reviewed,
    Since,
    Until,
    choice,
    sort_param,
)
from warlog.errors import StoreError
from warlog.incidents.policy import ACROSS_DOCUMENTS
from warlog.model import ACTOR_KINDS, CONTRADICTION_KINDS, EVENT_STATUSES, SOURCE_KINDS, STANCES
from warlog.store import Filters, Store
from warlog.store.incidents import group_incidents

# Declares the bearer token in the OpenAPI document (Swagger's "Authorize"); the check itself is
# SecurityMiddleware's, so that it holds for unknown routes too.
bearer = HTTPBearer(auto_error=False, description="the token given to `warlog serve --token` (when it has one)")
# Every /api operation may answer these (Host or token refused, a bad parameter, a failure).
COMMON_ERRORS = error_responses(401, 403, 422, 500)
router = APIRouter(prefix="/api", dependencies=[Depends(bearer)], responses=COMMON_ERRORS)
NOT_FOUND = error_responses(404)

Ctx = Annotated[ApiContext, Depends(context)]
ActorFilter = Annotated[str | None, Query(description="actor id, or part of an actor's name or alias")]
DocumentFilter = Annotated[str | None, Query(description="document id, or the start of one")]
Text = Annotated[str | None, Query(description="text contained in the name, any case")]
EventStatus = Annotated[choice(EVENT_STATUSES) | None, Query(description="event status")]  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
NEWEST_FIRST = "-published"  # the API lists documents newest first (the store's default is oldest first)


def _page(ctx: ApiContext, what: str, filters: dict[str, Any], **paging: Any) -> dict:
    """One page of the store's listing of `what`; an empty value is no filter."""
    chosen = Filters(**{name: None if value == "" else value for name, value in filters.items()})
    with ctx.database() as store:
        return store.find(what, chosen, **paging).to_dict()


@router.get("/documents", summary="List documents")
def list_documents(
    ctx: Ctx,
    actor: ActorFilter = None,
    since: Since = None,
    until: Until = None,
    q: Annotated[str | None, Query(description="text in the title or the document, any case")] = None,
    place: Annotated[str | None, Query(description="place id or part of its name")] = None,
    document: DocumentFilter = None,
    sort: sort_param("documents", NEWEST_FIRST) = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Documents with their numbers of actors, places, events and claims. Sorts: published (default
    -published), title, id, source, stored."""
    filters = {"actor": actor, "since": since, "until": until, "text": q, "place": place, "document": document}
    return _page(ctx, "documents", filters, sort=sort or NEWEST_FIRST, limit=limit, offset=offset)


@router.get("/documents/{document_id}", summary="One document's full report", responses=NOT_FOUND)
def get_document(ctx: Ctx, document_id: str) -> dict:
    """The stored report (`Report.to_dict()`): the document with its text, actors, places, events,
    claims, contradictions and relations, each fact with its evidence."""
    with ctx.database() as store:
        report = store.report(document_id)
    if report is None:
        raise ApiError(404, f"no document {document_id!r}")
    return report.to_dict()


@router.get("/actors", summary="List actors")
def list_actors(
    ctx: Ctx,
    type: Annotated[choice(ACTOR_KINDS) | None, Query(description="actor kind")] = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    q: Text = None,
    country: Annotated[str | None, Query(description="ISO country code")] = None,
    document: DocumentFilter = None,
    sort: sort_param("actors") = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Actors with their numbers of documents and mentions (in the documents `document` keeps, else the
    corpus). Sorts: documents (default -documents; then mentions), mentions, name, kind, country, id."""
    filters = {"type": type, "text": q, "country": country, "document": document}
    return _page(ctx, "actors", filters, sort=sort, limit=limit, offset=offset)


@router.get("/actors/{actor_id}", summary="One actor and what it does", responses=NOT_FOUND)
def get_actor(ctx: Ctx, actor_id: str) -> dict:
    """The actor, its number of documents, and the first 50 of its events as actor and as recipient, its
    claims as speaker and its relations, each with its total (page through them with /api/events?actor=,
    /api/claims?speaker=)."""
    with ctx.database() as store:
        found = store.actor_summary(actor_id, sample=DEFAULT_LIMIT)
    if found is None:
        raise ApiError(404, f"no actor {actor_id!r}")
    return found.to_dict()


@router.get("/events", summary="List events")
def list_events(
    ctx: Ctx,
    actor: ActorFilter = None,
    type: EventType = None,
    status: EventStatus = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    since: Since = None,
    until: Until = None,
    place: Annotated[str | None, Query(description="place id or part of its name")] = None,
    country: Annotated[str | None, Query(description="ISO country code of the event's place")] = None,
    document: DocumentFilter = None,
    min_confidence: MinConfidence = None,
    reviewed: Reviewed = None,
    sort: sort_param("events") = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Events, one row each, with their evidence text. `actor` matches actors and recipients;
    `min_confidence` keeps the events of at least that confidence (0 is a threshold); `reviewed=true` those an
    analyst accepted. Sorts: date (default), type, status, document, confidence, fatalities."""
    filters = {"actor": actor, "type": type, "status": status, "since": since, "until": until, "place": place,
                "country": country, "document": document, "min_confidence": min_confidence,
                "reviewed": reviewed}  # fmt: skip
    return _page(ctx, "events", filters, sort=sort, limit=limit, offset=offset)


@router.get("/events/{document_id}/{event_id}", summary="One event with its context", responses=NOT_FOUND)
def get_event(ctx: Ctx, document_id: str, event_id: str) -> dict:
    """The event (with its evidence), its document, the actors and place it names, and the claims that
    tell it."""
    with ctx.database() as store:
        report = store.report(document_id)
    if report is None:
        raise ApiError(404, f"no document {document_id!r}")
    event = next((e for e in report.events if e.id == event_id), None)
    if event is None:
        raise ApiError(404, f"no event {event_id!r} in document {document_id!r}")
    named = set(event.actors) | set(event.recipients) | ({event.speaker} if event.speaker else set())
    document = {k: v for k, v in report.document.to_dict().items() if k != "text"}
    return {
        "document": document,
        "event": event.to_dict(),
        "actors": [a.to_dict() for a in report.actors if a.id in named],
        "place": next((p.to_dict() for p in report.places if p.id == event.place), None),
        "claims": [c.to_dict() for c in report.claims if event.id in c.events],
    }


@router.get("/claims", summary="List claims")
def list_claims(
    ctx: Ctx,
    speaker: Annotated[str | None, Query(description="speaker: actor id, name or the speaker's words")] = None,
    actor: ActorFilter = None,
    stance: Annotated[choice(STANCES) | None, Query(description="the author's stance")] = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    source_kind: Annotated[choice(SOURCE_KINDS) | None, Query(description="how the speaker is given")] = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    document: DocumentFilter = None,
    since: Since = None,
    until: Until = None,
    reviewed: Reviewed = None,
    sort: sort_param("claims") = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Claims: who says what, how (cue, quoted, hedged) and the author's stance. `speaker` and `actor`
    are the same filter (both given, a claim's speaker matches both). Sorts: published (default),
    document, speaker, stance, source_kind. `reviewed=true` keeps the claims an analyst accepted."""
    filters = {"speaker": speaker, "actor": actor, "stance": stance, "source_kind": source_kind, "document": document,
               "since": since, "until": until, "reviewed": reviewed}  # fmt: skip
    return _page(ctx, "claims", filters, sort=sort, limit=limit, offset=offset)


@router.get("/contradictions", summary="List contradictions")
def list_contradictions(
    ctx: Ctx,
    document: DocumentFilter = None,
    kind: Annotated[choice(CONTRADICTION_KINDS) | None, Query(description="contradiction kind")] = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    since: Since = None,
    until: Until = None,
    sort: sort_param("contradictions") = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Contradictions found inside documents. Sorts: published (default), document, kind."""
    filters = {"document": document, "type": kind, "since": since, "until": until}
    return _page(ctx, "contradictions", filters, sort=sort, limit=limit, offset=offset)


@router.get("/places", summary="List places")
def list_places(
    ctx: Ctx,
    q: Text = None,
    country: Annotated[str | None, Query(description="ISO country code")] = None,
    document: DocumentFilter = None,
    sort: sort_param("places") = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Places with coordinates and their numbers of documents and mentions (in the documents `document`
    keeps, else the corpus). Sorts: documents (default -documents; then mentions), mentions, name,
    country, id."""
    filters = {"text": q, "country": country, "document": document}
    return _page(ctx, "places", filters, sort=sort, limit=limit, offset=offset)


@router.get("/graph", summary="The actor graph", responses=NOT_FOUND)
def get_graph(
    ctx: Ctx,
    since: Since = None,
    until: Until = None,
    actor: ActorFilter = None,
    type: EventType = None,
    status: Annotated[
        list[choice(EVENT_STATUSES)] | None, Query(description="statuses that count (repeat); default: happened")  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    ] = None,
    affiliations: Annotated[bool, Query(description="add affiliation edges to parents")] = True,
) -> dict:
    """`{nodes, edges}`: cooperative and hostile ties from the stored events, and affiliations; each
    edge lists the (document, event) pairs behind it (rules: warlog.store.graph)."""
    statuses = tuple(s for s in status or () if s) or None
    with ctx.database() as store:
        _check_actor(store, actor)
        try:
            graph = store.graph(
                since=since, until=until, actor=actor or None, type=type, statuses=statuses,
                affiliations=affiliations,
            )  # fmt: skip
        except StoreError as e:
            raise ApiError(422, str(e)) from e
    return graph.to_dict()


@router.get("/incidents", summary="List incidents", responses=NOT_FOUND)
def list_incidents(
    ctx: Ctx,
    since: Since = None,
    until: Until = None,
    type: EventType = None,
    actor: ActorFilter = None,
    max_km: Annotated[
        float, Query(gt=0, le=MAX_KM, description="farthest apart two places, in km")
    ] = ACROSS_DOCUMENTS.max_km,
    max_days: Annotated[
        int, Query(ge=0, le=MAX_DAYS, description="most days apart two dates")
    ] = ACROSS_DOCUMENTS.max_days,
    min_documents: Annotated[
        int, Query(ge=1, le=MAX_DOCUMENTS, description="told by at least this many documents")
    ] = 1,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Incidents: the stored events grouped across documents, each with its accounts and the
    contradictions between its documents, by first date (rules: warlog.incidents)."""
    with ctx.database() as store:  # held while reading only: other requests wait for no grouping
        _check_actor(store, actor)
        try:
            accounts = store.incident_accounts(since=since, until=until, type=type, actor=actor or None)
        except StoreError as e:
            raise ApiError(422, str(e)) from e
    found = group_incidents(accounts, max_km=max_km, max_days=max_days, min_documents=min_documents)
    items = [incident.to_dict() for incident in found[offset : offset + limit]]
    return {"items": items, "total": len(found), "limit": limit, "offset": offset}


def _check_actor(store: Store, actor: str | None) -> None:
    if actor and not store.has_actor(actor):
        raise ApiError(404, f"no actor {actor!r} in the store; give an actor id or name (see /api/actors)")
