"""The review queue over HTTP: GET /api/review, a thin wrapper of `Store.review_queue`.

Rules:
- The queue lists the events and claims no analyst has accepted, most worth a decision first (the ranking:
  warlog.store.review), paged like every list; `fact` keeps events or claims, `document` the items of the
  documents whose id starts with it.
- A decision is a correction: POST /api/corrections with kind "accept" or "reject", `fact`, `document` and
  `target` (the item's id), or a set_event_* kind to fix an event; it is in the audit trail with its
  author and time, and an accepted or rejected item leaves the queue.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from warlog.api.context import ApiContext, context
from warlog.api.params import DEFAULT_LIMIT, choice
from warlog.api.routes_read import COMMON_ERRORS, DocumentFilter, Limit, Offset, bearer
from warlog.store.corrections import ACCEPTABLE

router = APIRouter(prefix="/api", dependencies=[Depends(bearer)], responses=COMMON_ERRORS)
Ctx = Annotated[ApiContext, Depends(context)]


@router.get("/review", summary="The review queue")
def get_review(
    ctx: Ctx,
    fact: Annotated[choice(ACCEPTABLE) | None, Query(description="event or claim (default: both)")] = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    document: DocumentFilter = None,
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> dict:
    """The events and claims not yet accepted or rejected, contradicted ones first, then by worth (doubt ×
    the documents that tell it); each with its summary in words, its evidence in its sentence and the
    reasons of its rank. Decide with POST /api/corrections (kind accept or reject)."""
    with ctx.database() as store:
        queue = store.review_queue(facts=(fact,) if fact else ACCEPTABLE, document=document or None,
                                   limit=limit, offset=offset)  # fmt: skip
    return {**queue.to_dict(), "limit": limit, "offset": offset}
