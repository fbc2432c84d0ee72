"""Corrections and exports over HTTP: thin wrappers of `Store.correct`/`Store.corrections` and
`warlog.export.export`.

Rules:
- POST /api/corrections takes the fields of a `Correction` (kind, target, fact, document, after,
  author, note) as JSON, records and applies it (201, the stored correction with its id, time, the
  value before and `applied`); an invalid one is a 422 with the store's one-line message. `fact`
  defaults to "event" for the set_event_* kinds and to "actor" otherwise.
- GET /api/corrections lists the audit trail (filters `target`, `document`; sorts `at`/`id`, `-` for
  newest first), paged like every list.
- GET /api/export?format=... answers the file `warlog export` would write, as an attachment; parquet
  (one file per table) comes as a zip of those files. It streams from a snapshot of the store, outside
  the app's lock (warlog.api.export_stream): reads and writes go on meanwhile, and are not in it.
"""

from __future__ import annotations

import tempfile
import zipfile
from pathlib import Path
from typing import Annotated, Any, BinaryIO, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from warlog.api.context import ApiContext, context
from warlog.api.errors import ApiError, error_responses
from warlog.api.export_stream import start_export
from warlog.api.params import DEFAULT_LIMIT, EventType, MinConfidence, Reviewed, choice
from warlog.api.routes_read import COMMON_ERRORS, ActorFilter, Limit, Offset, Since, Until, bearer
from warlog.errors import StoreError
from warlog.export import ANY_STATUS, EXPORT_FORMATS, export
from warlog.model import EVENT_STATUSES
from warlog.store import Correction, Store
from warlog.store.corrections import CORRECTION_KINDS, REJECTABLE
from warlog.store.trail import actors_named, trail_row

router = APIRouter(prefix="/api", dependencies=[Depends(bearer)], responses=COMMON_ERRORS)
Ctx = Annotated[ApiContext, Depends(context)]

MEDIA_TYPES = {
    "acled-csv": ("text/csv; charset=utf-8", "csv"),
    "plover-json": ("application/x-ndjson", "jsonl"),
    "jsonl": ("application/x-ndjson", "jsonl"),
    "graphml": ("application/xml", "graphml"),
    "gexf": ("application/xml", "gexf"),
    "parquet": ("application/zip", "zip"),
}
EXPORT_CONTENT: dict[str, dict[str, Any]] = {media_type.split(";")[0]: {} for media_type, _ in MEDIA_TYPES.values()}


class CorrectionIn(BaseModel):
    """A correction to record: see warlog.store.corrections.Correction for each kind's `after`."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal[CORRECTION_KINDS] = Field(description="what the correction does")  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    target: str = Field(description="the corrected fact's id (an actor, event, claim; a mention as ACTOR@START)")
    fact: Literal[REJECTABLE] | None = Field(None, description="the kind of the corrected fact")  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    document: str | None = Field(None, description="the document of the fact (none for actor merges and aliases)")
    after: Any = Field(None, description="the new value: an actor id, an alias, {type, mode}, a status, ...")
    author: str | None = None
    note: str | None = None


@router.post("/corrections", status_code=201, summary="Record and apply a correction", responses=error_responses(413))
def post_correction(ctx: Ctx, body: CorrectionIn) -> dict:
    """Record a correction in the audit trail and apply it to the stored reports; it is applied again
    whenever its document is re-analyzed."""
    ctx.check_writable()
    fact = body.fact or ("event" if body.kind.startswith("set_event_") else "actor")
    correction = Correction(
        kind=body.kind, target=body.target, fact=fact, document=body.document or None, after=body.after,
        author=body.author or None, note=body.note or None,
    )  # fmt: skip
    with ctx.database() as store:
        try:
            return store.correct(correction).to_dict()
        except StoreError as e:
            raise ApiError(422, str(e)) from e


@router.get("/corrections", summary="The audit trail of corrections")
def list_corrections(
    ctx: Ctx,
    target: Annotated[str | None, Query(description="a fact id (an actor's include merges into it)")] = None,
    document: Annotated[str | None, Query(description="a document id (with the corpus-wide ones)")] = None,
    sort: Annotated[
        choice(("at", "id", "-at", "-id")) | None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
        Query(description="at or id (oldest first); -at or -id for newest first"),
    ] = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """Who corrected what, when, with the value before and after (`before`, `after`: JSON values;
    `before_text`, `after_text`: the same as a line a person reads, actors by name)."""
    with ctx.database() as store:
        found = list(store.corrections(target or None, document=document or None))
        if sort and sort.startswith("-"):
            found.reverse()  # the trail is in id order, which is also time order
        page = found[offset : offset + limit]
        names = store.names(actors=actors_named(page))
    items = [trail_row(c, names.actor) for c in page]
    return {"items": items, "total": len(found), "limit": limit, "offset": offset}


@router.get(
    "/export",
    summary="Export the store",
    response_class=Response,
    responses={200: {"description": "the file, as an attachment", "content": EXPORT_CONTENT}},
)
def get_export(
    ctx: Ctx,
    format: Annotated[Literal[EXPORT_FORMATS], Query(description="the file format")],  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    since: Since = None,
    until: Until = None,
    actor: ActorFilter = None,
    type: EventType = None,
    status: Annotated[
        choice((*EVENT_STATUSES, ANY_STATUS)) | None, Query(description="event status, or 'any' (event formats)")  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    ] = None,
    min_confidence: MinConfidence = None,
    country: Annotated[str | None, Query(description="ISO country code of the event's place (event formats)")] = None,
    per_event: Annotated[
        bool, Query(description="acled-csv: one row per event, not one per incident told by several documents")
    ] = False,
    reviewed: Reviewed = None,
) -> Response:
    """The store (or the part the filters choose) in another tool's format, as `warlog export` writes it
    (fields: docs/data-dictionary.md). The event formats (acled-csv, plover-json) take every filter; the
    graph formats (graphml, gexf) every one but min_confidence; jsonl and parquet take since, until and
    actor; a filter a format does not take is a 422. acled-csv writes one row per incident unless
    per_event is set. reviewed=true keeps only what an analyst accepted (acled-csv, plover-json, jsonl)."""
    if format not in EXPORT_FORMATS:
        raise ApiError(422, f"unknown export format {format!r}; valid choices: {', '.join(EXPORT_FORMATS)}")
    given = {"since": since, "until": until, "actor": actor, "type": type, "status": status, "country": country}
    filters: dict[str, Any] = {name: value for name, value in given.items() if value}
    if min_confidence is not None:  # 0 is a threshold, not "no filter"
        filters["min_confidence"] = min_confidence
    if per_event and format != "acled-csv":
        raise ApiError(422, f"per_event applies to acled-csv only, not to {format}")
    if per_event:
        filters["per_event"] = True
    if reviewed:
        filters["reviewed"] = True
    media_type, suffix = MEDIA_TYPES[format]
    with ctx.database() as store:
        snapshot = store.snapshot()  # the lock is held only while the snapshot is taken

    def write(snapshot: Store, out: BinaryIO) -> None:
        if format == "parquet":
            _zip_parquet(snapshot, filters, out)
        else:
            export(snapshot, format, out, **filters)

    try:
        chunks = start_export(snapshot, write)
    except StoreError as e:
        raise ApiError(422, str(e)) from e
    disposition = f'attachment; filename="warlog-{format}.{suffix}"'
    return StreamingResponse(chunks, media_type=media_type, headers={"Content-Disposition": disposition})


def _zip_parquet(store: Store, filters: dict[str, Any], out: BinaryIO) -> None:
    with tempfile.TemporaryDirectory(prefix="warlog-export-") as folder:
        export(store, "parquet", Path(folder), **filters)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:  # Parquet is compressed already
            for path in sorted(Path(folder).glob("*.parquet")):
                archive.write(path, path.name)
