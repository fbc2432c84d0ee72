"""Listing queries for the API: filters, sorting, paging and totals over the store's tables (read-only).

Rules:
- Every value travels as a named parameter; the SQL text is assembled only from the fixed fragments
  below, and a sort is looked up in a whitelist, never pasted in.
- Filters mean what they mean in `Store.query` (warlog.store.query, whose fragments are reused):
  `actor` is an actor id or part of an actor's name or alias (any case); `place` a place id or part of
  its name; `document` a document id or the start of one; `since`/`until` ISO dates that keep items
  whose date overlaps the period (an event's own date; a document's, claim's or contradiction's
  publication date); `q` is text contained in the name (or a document's title or text), any case.
  An empty value is no filter.
- `sort` is one whitelisted name, `-name` for descending; unknown dates and values sort last either
  way, and a fixed key breaks ties so that pages never overlap or skip rows.
- `total` counts every row the filters keep, whatever the limit and offset; `offset` is at most
  MAX_OFFSET, so that no number reaches DuckDB that it cannot hold.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from warlog.api.errors import ApiError
from warlog.model import ACTOR_KINDS, CONTRADICTION_KINDS, EVENT_STATUSES, SOURCE_KINDS, STANCES
from warlog.store.query import ACTOR_IDS, PLACE_IDS, date_overlaps

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
MAX_OFFSET = 1_000_000_000


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int

    def to_dict(self) -> dict[str, Any]:
        return {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}


@dataclass(frozen=True, slots=True)
class Listing:
    """How one kind of item is listed: its rows, the filters it takes and the sorts it allows."""

    source: str  # FROM clause (with joins), no WHERE
    columns: str  # the SELECT list
    filters: Mapping[str, str | Resolver]  # filter name -> condition on $name, or a Resolver
    sorts: Mapping[str, str]  # sort name -> SQL expression
    default_sort: str
    tiebreak: str  # a unique key, appended to every ORDER BY
    count_source: str | None = None  # a cheaper FROM clause for the total, when the columns need joins
    row_key: str | None = None  # sort and page on this key alone, then read the page's rows by it


# A filter whose condition depends on the store: (connection, value) -> (condition, its parameters).
Resolver = Callable[[duckdb.DuckDBPyConnection, str], tuple[str, dict[str, Any]]]
MAX_OR_IDS = 32


def _event_parties(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[str, dict[str, Any]]:
    """Events whose actors or recipients include the actor `actor` names (as in `Store.query`).

    The actor ids are looked up first; a few become `list_contains` tests, one parameter each, which
    DuckDB runs an order of magnitude faster over a million events than `list_has_any` on the
    concatenated roles (14 ms against 230 ms for one actor, measured by bench/api_latency.py).
    """
    found = con.execute(f"SELECT id FROM {ACTOR_IDS} ORDER BY id", {"actor": actor}).fetchall()
    ids = [actor, *(row[0] for row in found if row[0] != actor)]
    if len(ids) > MAX_OR_IDS:
        return "(list_has_any(e.actors, $actor_ids) OR list_has_any(e.recipients, $actor_ids))", {"actor_ids": ids}
    names = [f"actor_{i}" for i in range(len(ids))]
    tests = " OR ".join(f"list_contains(e.actors, ${n}) OR list_contains(e.recipients, ${n})" for n in names)
    return f"({tests})", dict(zip(names, ids, strict=True))


def _dates(expression: str) -> dict[str, str]:
    return {name: " AND ".join(date_overlaps(expression, {name})) for name in ("since", "until")}


def _mentions(table: str, key: str, ids: str, param: str, doc: str = "d.id") -> str:
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = {doc} AND (x.{key} = ${param} OR x.{key} IN {ids}))"


EVENTS = Listing(
    source="events e",
    columns="""e.document_id AS document, e.id, e."type", e."mode", e.status, e."date"."value" AS "date",
        e.actors, e.recipients, e.place, e.fatalities."min" AS fatalities_min, e.fatalities."max" AS fatalities_max,
        e.wounded."min" AS wounded_min, e.wounded."max" AS wounded_max, e.captured."min" AS captured_min,
        e.captured."max" AS captured_max, e.speaker, e.confidence, e.evidence_text AS "text\"""",
    filters={
        "actor": _event_parties,
        "as_actor": "list_contains(e.actors, $as_actor)",
        "as_recipient": "list_contains(e.recipients, $as_recipient)",
        "type": 'e."type" = $type',
        "status": "e.status = $status",
        "place": f"(e.place = $place OR e.place IN {PLACE_IDS})",
        "document": "starts_with(e.document_id, $document)",
        **_dates('e."date"."value"'),
    },
    sorts={
        "date": 'e."date"."value"',
        "type": 'e."type"',
        "status": "e.status",
        "document": "e.document_id",
        "confidence": "e.confidence",
        "fatalities": 'e.fatalities."max"',
    },
    default_sort="date",
    tiebreak="e.document_id, e.seq",
    # a deep page sorts a million rowids instead of a million rows: 180 ms against 580 ms at offset 990,000
    row_key="e.rowid",
)

DOCUMENTS = Listing(
    source="documents d",
    columns='d.id, d.published, d.title, d.author, d.source, d.url, d."language", d.stored_at',
    filters={
        "actor": _mentions("document_actors", "actor_id", ACTOR_IDS, "actor"),
        "place": _mentions("document_places", "place_id", PLACE_IDS, "place"),
        "q": '(contains(lower(d.title), lower($q)) OR contains(lower(d."text"), lower($q)))',
        "document": "starts_with(d.id, $document)",
        **_dates("d.published"),
    },
    sorts={"published": "d.published", "title": "d.title", "id": "d.id", "source": "d.source", "stored": "d.stored_at"},
    default_sort="-published",
    tiebreak="d.id",
)

_NAMED = """(a.id = $q OR contains(lower(a."name"), lower($q))
    OR a.id IN (SELECT actor_id FROM actor_aliases WHERE contains(lower(alias), lower($q))))"""

ACTORS = Listing(
    source="""actors a
        LEFT JOIN (SELECT actor_id, count(*) AS n FROM document_actors GROUP BY actor_id) da ON da.actor_id = a.id
        LEFT JOIN (SELECT actor_id, count(*) AS n FROM mentions GROUP BY actor_id) m ON m.actor_id = a.id""",
    columns='a.id, a."name", a.kind, a.country, a.origin, coalesce(da.n, 0) AS documents, coalesce(m.n, 0) AS mentions',
    filters={
        "type": "a.kind = $type",
        "q": _NAMED,
        "country": "a.country = $country",
        "document": """EXISTS (SELECT 1 FROM document_actors x
            WHERE x.actor_id = a.id AND starts_with(x.document_id, $document))""",
    },
    sorts={
        "name": 'a."name"',
        "kind": "a.kind",
        "country": "a.country",
        "documents": "documents",
        "mentions": "mentions",
        "id": "a.id",
    },
    default_sort="-documents",
    tiebreak="a.id",
    count_source="actors a",
)

PLACES = Listing(
    source="""places p
        LEFT JOIN (SELECT place_id, count(*) AS n FROM document_places GROUP BY place_id) dp ON dp.place_id = p.id
        LEFT JOIN (SELECT place_id, count(*) AS n FROM place_mentions GROUP BY place_id) m ON m.place_id = p.id""",
    columns="""p.id, p."name", p.country, p.lat, p.lon, p.feature, p."precision",
        coalesce(dp.n, 0) AS documents, coalesce(m.n, 0) AS mentions""",
    filters={
        "q": '(p.id = $q OR contains(lower(p."name"), lower($q)))',
        "country": "p.country = $country",
        "document": """EXISTS (SELECT 1 FROM document_places x
            WHERE x.place_id = p.id AND starts_with(x.document_id, $document))""",
    },
    sorts={"name": 'p."name"', "country": "p.country", "documents": "documents", "mentions": "mentions", "id": "p.id"},
    default_sort="-documents",
    tiebreak="p.id",
    count_source="places p",
)


def _speaker(param: str) -> str:
    """Claims whose speaker is the actor `$param` names, or whose speaker's words contain it."""
    ids = ACTOR_IDS.replace("$actor", f"${param}")
    return f"(c.speaker = ${param} OR c.speaker IN {ids} OR contains(lower(c.speaker_text), lower(${param})))"


CLAIMS = Listing(
    source="claims c JOIN documents d ON d.id = c.document_id",
    columns="""c.document_id AS document, c.id, c.speaker, c.speaker_text, c.co_speakers, c.source_kind, c.outlet,
        c.cue, c."text", c.direct, c.hedged, c.author_stance AS stance, c.events, d.published""",
    filters={
        "actor": _speaker("actor"),
        "speaker": _speaker("speaker"),
        "speaker_id": "c.speaker = $speaker_id",
        "stance": "c.author_stance = $stance",
        "source_kind": "c.source_kind = $source_kind",
        "document": "starts_with(c.document_id, $document)",
        **_dates("d.published"),
    },
    sorts={
        "published": "d.published",
        "document": "c.document_id",
        "speaker": "c.speaker_text",
        "stance": "c.author_stance",
        "source_kind": "c.source_kind",
    },  # fmt: skip
    default_sort="published",
    tiebreak="c.document_id, c.seq",
)

CONTRADICTIONS = Listing(
    source="contradictions x JOIN documents d ON d.id = x.document_id",
    columns="x.document_id AS document, x.id, x.kind, x.items, x.explanation, d.published",
    filters={"kind": "x.kind = $kind", "document": "starts_with(x.document_id, $document)", **_dates("d.published")},
    sorts={"published": "d.published", "document": "x.document_id", "kind": "x.kind"},
    default_sort="published",
    tiebreak="x.document_id, x.seq",
)

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CHOICES = {
    "status": EVENT_STATUSES,
    "stance": STANCES,
    "source_kind": SOURCE_KINDS,
}


def _check(listing: Listing, values: dict[str, str]) -> None:
    for name in ("since", "until"):
        if name in values and not _ISO_DATE.fullmatch(values[name]):
            raise ApiError(422, f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {values[name]!r}")
    choices = dict(_CHOICES)
    if listing is ACTORS:
        choices["type"] = ACTOR_KINDS
    if listing is CONTRADICTIONS:
        choices["kind"] = CONTRADICTION_KINDS
    for name, valid in choices.items():
        if name in values and values[name] not in valid:
            raise ApiError(422, f"unknown {name.replace('_', ' ')} {values[name]!r}; valid choices: {', '.join(valid)}")


def sort_choices(listing: Listing) -> tuple[str, ...]:
    """The values `sort` may take (besides none): each sort name, and with - for descending."""
    return tuple(f"{prefix}{name}" for name in listing.sorts for prefix in ("", "-"))


def has_actor(con: duckdb.DuckDBPyConnection, actor: str) -> bool:
    """Whether `actor` is an actor id, or part of an actor's name or alias (any case)."""
    return con.execute(f"SELECT 1 FROM {ACTOR_IDS} LIMIT 1", {"actor": actor}).fetchone() is not None


def order_by(listing: Listing, sort: str | None) -> str:
    """The ORDER BY clause for a whitelisted sort (`name` or `-name`), unknown values last."""
    sort = sort or listing.default_sort
    name = sort.removeprefix("-")
    if name not in listing.sorts:
        raise ApiError(
            422, f"cannot sort by {sort!r}; valid choices: {', '.join(listing.sorts)} (prefix - for descending)"
        )
    direction = "DESC" if sort.startswith("-") else "ASC"
    return f"{listing.sorts[name]} {direction} NULLS LAST, {listing.tiebreak}"


def list_items(
    con: duckdb.DuckDBPyConnection,
    listing: Listing,
    filters: Mapping[str, str | None],
    *,
    sort: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> Page:
    """One page of `listing` with the given filters (None or empty values are no filter).

    Raises:
        ApiError: 422 for an unknown filter value, a date that is not ISO or a sort not in the whitelist.
    """
    values = {name: value for name, value in filters.items() if value}
    unknown = set(values) - set(listing.filters)
    if unknown:  # a route passing a filter its listing lacks is a bug, not the user's input
        raise ValueError(f"filters {sorted(unknown)} do not apply here")
    _check(listing, values)
    order = order_by(listing, sort)
    conditions, params = [], {}
    for name, value in values.items():
        fragment = listing.filters[name]
        condition, used = fragment(con, value) if callable(fragment) else (fragment, {name: value})
        conditions.append(condition)
        params.update(used)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    count_sql = f"SELECT count(*) FROM {listing.count_source or listing.source} {where}"
    total = int(con.execute(count_sql, params).fetchone()[0])  # type: ignore[index]
    page = f"ORDER BY {order} LIMIT $limit OFFSET $offset"
    if listing.row_key:
        keys = f"SELECT {listing.row_key} FROM {listing.source} {where} {page}"
        rows_sql = (
            f"SELECT {listing.columns} FROM {listing.source} WHERE {listing.row_key} IN ({keys}) ORDER BY {order}"
        )
    else:
        rows_sql = f"SELECT {listing.columns} FROM {listing.source} {where} {page}"
    cursor = con.execute(rows_sql, {**params, "limit": limit, "offset": offset})
    columns = [column[0] for column in cursor.description]
    items = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
    return Page(items=items, total=total, limit=limit, offset=offset)


_DOCUMENT_COUNTS = """SELECT i.id,
    (SELECT count(*) FROM document_actors x WHERE x.document_id = i.id) AS actors,
    (SELECT count(*) FROM document_places x WHERE x.document_id = i.id) AS places,
    (SELECT count(*) FROM events x WHERE x.document_id = i.id) AS events,
    (SELECT count(*) FROM claims x WHERE x.document_id = i.id) AS claims
    FROM (SELECT unnest($ids) AS id) i"""


def add_document_counts(con: duckdb.DuckDBPyConnection, page: Page) -> Page:
    """The page with each document's numbers of actors, places, events and claims (counted for the page only)."""
    if not page.items:
        return page
    rows = con.execute(_DOCUMENT_COUNTS, {"ids": [item["id"] for item in page.items]}).fetchall()
    counts = {row[0]: dict(zip(("actors", "places", "events", "claims"), row[1:], strict=True)) for row in rows}
    items = [{**item, **counts[item["id"]]} for item in page.items]
    return Page(items=items, total=page.total, limit=page.limit, offset=page.offset)


def actor_detail(
    con: duckdb.DuckDBPyConnection, actor_id: str, *, sample: int = DEFAULT_LIMIT
) -> dict[str, Any] | None:
    """An actor with its parents, aliases, number of documents, and the first `sample` of its events
    (as actor and as recipient), claims (as speaker) and relations, each with its total; None if unknown."""
    row = con.execute(
        'SELECT id, "name", kind, country, origin FROM actors WHERE id = $id', {"id": actor_id}
    ).fetchone()
    if row is None:
        return None
    actor = dict(zip(("id", "name", "kind", "country", "origin"), row, strict=True))
    param = {"id": actor_id}
    actor["parents"] = [r[0] for r in con.execute(
        "SELECT parent_id FROM actor_parents WHERE actor_id = $id ORDER BY seq", param).fetchall()]  # fmt: skip
    actor["aliases"] = [r[0] for r in con.execute(
        "SELECT DISTINCT alias FROM actor_aliases WHERE actor_id = $id ORDER BY alias", param).fetchall()]  # fmt: skip
    documents = con.execute(
        "SELECT count(DISTINCT document_id) FROM document_actors WHERE actor_id = $id", param
    ).fetchone()[0]  # type: ignore[index]
    relations = con.execute(
        """SELECT document_id AS document, source, target, polarity, weight, events, count(*) OVER () AS total
        FROM relations WHERE source = $id OR target = $id ORDER BY document_id, seq LIMIT $limit""",
        {**param, "limit": sample},
    )
    columns = [c[0] for c in relations.description]
    relation_rows = [dict(zip(columns, r, strict=True)) for r in relations.fetchall()]
    total_relations = relation_rows[0].pop("total") if relation_rows else 0
    for item in relation_rows[1:]:
        item.pop("total")
    return {
        "actor": actor,
        "documents": int(documents),
        "events_as_actor": list_items(con, EVENTS, {"as_actor": actor_id}, limit=sample).to_dict(),
        "events_as_recipient": list_items(con, EVENTS, {"as_recipient": actor_id}, limit=sample).to_dict(),
        "claims": list_items(con, CLAIMS, {"speaker_id": actor_id}, limit=sample).to_dict(),
        "relations": {"items": relation_rows, "total": total_relations, "limit": sample, "offset": 0},
    }
