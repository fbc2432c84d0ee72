"""The query parameters the routes share, each with an exact schema in the OpenAPI document.

Rules:
- Every number is bounded: `limit` 0 to MAX_LIMIT, `offset` 0 to MAX_OFFSET, and the incident
  settings below, so that no number reaches DuckDB, or a date computation, that it cannot hold.
- A value from a fixed set (a sort, a status, a stance, a kind, an event type, an export format) is an
  enumeration in the schema, checked before the route runs: 422, listing the valid choices.
- An empty value is no filter, as docs/api.md says (`?actor=`, `?sort=`, `?since=`): every
  enumeration includes "", and a date is an ISO date or "".
- Event types are the built-in PLOVER ontology's (user packs add triggers, never types), read on the
  first request or schema that needs them, not at import.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import Annotated, Any, Literal

from fastapi import Query
from pydantic import AfterValidator

from warlog.store import listings

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000_000
MAX_KM = 20_040.0  # half the Earth's circumference at the equator: no two places are farther apart
MAX_DAYS = 36_500  # a century
MAX_DOCUMENTS = 1_000_000

_ISO_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_YEAR = "(?:[1-9][0-9]{3}|0[1-9][0-9]{2}|00[1-9][0-9]|000[1-9])"  # 0001 to 9999, as Python's dates
_MONTH = "(?:0[1-9]|1[0-2])"
DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "format": "date"},
        {"type": "string", "pattern": f"^{_YEAR}(?:-{_MONTH})?$"},
        {"type": "string", "maxLength": 0},
    ]
}


def choice(values: tuple[str, ...]) -> Any:
    """The type of a parameter taking one of `values`, or "" for none."""
    return Literal[("", *values)]


def check_date(value: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD, YYYY-MM or YYYY) as given; None for none or ""."""
    if not value:
        return None
    found = _ISO_DATE.fullmatch(value)
    try:
        if found is None:
            raise ValueError
        date(int(found[1]), int(found[2] or 1), int(found[3] or 1))
    except ValueError:
        raise ValueError(f"must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {value!r}") from None
    return value


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the built-in ontology."""
    from warlog.packs.ontology import builtin_ontology

    return tuple(event_type.name for event_type in builtin_ontology().types)


def check_event_type(value: str | None) -> str | None:
    """A PLOVER event type as given; None for none or ""."""
    if not value:
        return None
    if value not in event_types():
        raise ValueError(f"unknown event type {value!r}; valid choices: {', '.join(event_types())}")
    return value


def _event_type_schema(schema: dict[str, Any]) -> None:
    schema.pop("anyOf", None)
    schema.update(type="string", enum=["", *event_types()])


def sort_param(what: str, default: str | None = None) -> Any:
    """The `sort` parameter of the store's listing of `what`: its sort names, with - for descending;
    `default` when the route has its own (else the store's)."""
    default = default or listings.listing(what).default_sort
    return Annotated[
        choice(listings.sort_choices(what)) | None,
        Query(description=f"a sort name, prefix - for descending (default {default})"),
    ]


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description="at most this many items (0 to 500)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="skip this many items first (0 to 1,000,000,000)")]
Since = Annotated[
    str | None,
    AfterValidator(check_date),
    Query(description="ISO date (YYYY-MM-DD, YYYY-MM or YYYY): from this date on", json_schema_extra=DATE_SCHEMA),
]
Until = Annotated[
    str | None,
    AfterValidator(check_date),
    Query(description="ISO date (YYYY-MM-DD, YYYY-MM or YYYY): up to this date", json_schema_extra=DATE_SCHEMA),
]
MinConfidence = Annotated[
    float | None,
    Query(
        ge=0, le=1, description="0 to 1: only the events of at least this confidence (exports: acled-csv, plover-json)"
    ),
]
Reviewed = Annotated[
    bool | None,
    Query(description="true: only what an analyst accepted in the review queue; false: what nobody has decided on"),
]
EventType = Annotated[
    str | None,
    AfterValidator(check_event_type),
    Query(description="PLOVER event type", json_schema_extra=_event_type_schema),
]
