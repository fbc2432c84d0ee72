"""GET /api/trends: events or fatalities per period, by type, actor, country or region, as JSON or as a
CSV of the series; a thin wrapper of `Store.trends` (rules: warlog.store.trends).

The CSV has one row per period and series: `period,key,label,<metric>` (warlog.export.trends).
"""

from __future__ import annotations

import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import Response

from warlog.api.context import ApiContext, context
from warlog.api.errors import ApiError
from warlog.api.params import EventType, MinConfidence
from warlog.api.routes_read import COMMON_ERRORS, ActorFilter, EventStatus, Since, Until, bearer
from warlog.errors import StoreError
from warlog.export.trends import write_trends_csv
from warlog.store import Filters
from warlog.store.trends import GROUPINGS, METRICS, PERIODS

router = APIRouter(prefix="/api", dependencies=[Depends(bearer)], responses=COMMON_ERRORS)
Ctx = Annotated[ApiContext, Depends(context)]
# Literals of the store's names, for FastAPI's enums
Period = Annotated[Literal[PERIODS], Query(description="the length of a period")]  # type: ignore[valid-type]
Grouping = Annotated[Literal[GROUPINGS], Query(description="a series per event type, actor, country or admin1 region")]  # type: ignore[valid-type]
Metric = Annotated[Literal[METRICS], Query(description="count events, or add their dead (lower bounds)")]  # type: ignore[valid-type]
CSV_CONTENT = {"text/csv": {"schema": {"type": "string"}}, "application/json": {"schema": {"type": "object"}}}


@router.get(
    "/trends", summary="Events or fatalities over time", response_model=None, responses={200: {"content": CSV_CONTENT}}
)
def get_trends(
    ctx: Ctx,
    period: Period = "week",
    by: Grouping = "type",
    metric: Metric = "events",
    top: Annotated[int, Query(ge=1, le=50, description="the largest series kept; the rest summed as 'other'")] = 8,
    format: Annotated[Literal["json", "csv"], Query(description="json, or csv: a row per period and series")] = "json",
    actor: ActorFilter = None,
    type: EventType = None,
    status: EventStatus = None,  # type: ignore[valid-type]  # a Literal built at run time, for FastAPI's enum
    country: Annotated[str | None, Query(description="ISO country code of the event's place")] = None,
    place: Annotated[str | None, Query(description="place id or part of its name")] = None,
    since: Since = None,
    until: Until = None,
    document: Annotated[str | None, Query(description="document id, or the start of one")] = None,
    min_confidence: MinConfidence = None,
) -> Response | dict:
    """`{period, by, metric, periods, series: [{key, label, values, total}], counted, coarse, undated}`:
    one value per period (named by its first day) for each of the `top` largest series. An event counts
    when its whole date lies in one period; `coarse` and `undated` count the others. Without `status`,
    the events that happened (asserted, reported, claimed)."""
    given: dict[str, Any] = {"actor": actor, "type": type, "status": status, "country": country, "place": place,
                             "since": since, "until": until, "document": document}  # fmt: skip
    filters = Filters(**{name: value for name, value in given.items() if value}, min_confidence=min_confidence)
    try:
        with ctx.database() as store:
            found = store.trends(filters, period=period, by=by, metric=metric, top=top)
    except StoreError as e:
        raise ApiError(422, str(e)) from e
    if format == "json":
        return found.to_dict()
    out = io.StringIO()
    write_trends_csv(found, out)
    disposition = f'attachment; filename="warlog-trends-{metric}-by-{by}-per-{period}.csv"'
    return Response(out.getvalue(), media_type="text/csv", headers={"Content-Disposition": disposition})
