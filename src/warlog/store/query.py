"""Corpus queries: documents, actors, events, claims, places and failures, with filters.

Every user value travels as a named parameter; the SQL text is assembled only from the fixed
fragments below. Dates compare as ISO 8601 strings by overlap: an item dated "2024-03" (or the
period "2024-03-01/2024-03-05") matches `since="2024-03-10"` because part of it lies on or after
that day. Items whose date is unknown or not ISO never match a date filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import duckdb

from warlog.errors import StoreError
from warlog.model import ACTOR_KINDS, EVENT_STATUSES


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The rows a query found, with the names of their columns."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per row, keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# Ids of the actors (places) whose id equals the filter or whose name or alias contains it, any case; shared
# with the graph, incidents and API queries, so an actor filter means one thing everywhere.
ACTOR_IDS = """(SELECT id FROM actors WHERE id = $actor OR contains(lower("name"), lower($actor))
    UNION SELECT actor_id FROM actor_aliases WHERE contains(lower(alias), lower($actor)))"""
PLACE_IDS = """(SELECT id FROM places WHERE id = $place OR contains(lower("name"), lower($place)))"""


def date_overlaps(value: str, filters: set[str]) -> list[str]:
    """Conditions on an ISO date expression (a date, a partial date or a start/end period)."""
    conditions = [f"regexp_matches({value}, '^[0-9]{{4}}')"]
    if "since" in filters:
        end = f"left(CASE WHEN contains({value}, '/') THEN split_part({value}, '/', 2) ELSE {value} END, 10)"
        conditions.append(f"{end} || '~' >= $since")
    if "until" in filters:
        conditions.append(f"left(split_part({value}, '/', 1), 10) <= $until || '~'")
    return conditions


def _document_scope(filters: set[str], doc: str = "d") -> list[str]:
    """Conditions on the documents (alias `doc`) a row comes from."""
    conditions = []
    if filters & {"since", "until"}:
        conditions += date_overlaps(f"{doc}.published", filters)
    if "document" in filters:
        conditions.append(f"starts_with({doc}.id, $document)")
    if "place" in filters:
        conditions.append(
            f"EXISTS (SELECT 1 FROM document_places dp WHERE dp.document_id = {doc}.id "
            f"AND (dp.place_id = $place OR dp.place_id IN {PLACE_IDS}))"
        )
    return conditions


def _mentions_actor(doc: str = "d") -> str:
    return (
        f"EXISTS (SELECT 1 FROM document_actors da2 WHERE da2.document_id = {doc}.id "
        f"AND (da2.actor_id = $actor OR da2.actor_id IN {ACTOR_IDS}))"
    )


def _documents(filters: set[str]) -> tuple[str, list[str]]:
    conditions = _document_scope(filters)
    if "actor" in filters:
        conditions.append(_mentions_actor())
    select = """SELECT d.id, d.published, d.title, d.author, d.source, d.url, d."language",
        (SELECT count(*) FROM document_actors x WHERE x.document_id = d.id) AS actors,
        (SELECT count(*) FROM document_places x WHERE x.document_id = d.id) AS places,
        (SELECT count(*) FROM events x WHERE x.document_id = d.id) AS events,
        (SELECT count(*) FROM claims x WHERE x.document_id = d.id) AS claims
        FROM documents d {where} ORDER BY d.published NULLS LAST, d.id"""
    return select, conditions


def _actors(filters: set[str]) -> tuple[str, list[str]]:
    conditions = _document_scope(filters)
    if "actor" in filters:
        conditions.append(f"(a.id = $actor OR a.id IN {ACTOR_IDS})")
    if "type" in filters:
        conditions.append("a.kind = $type")
    select = """SELECT a.id, a."name", a.kind, a.country, a.origin,
        count(*) AS documents, sum((SELECT count(*) FROM mentions m
            WHERE m.document_id = da.document_id AND m.actor_id = da.actor_id)) AS mentions
        FROM actors a JOIN document_actors da ON da.actor_id = a.id JOIN documents d ON d.id = da.document_id
        {where} GROUP BY a.id, a."name", a.kind, a.country, a.origin
        ORDER BY documents DESC, mentions DESC, a.id"""
    return select, conditions


def _places(filters: set[str]) -> tuple[str, list[str]]:
    conditions = _document_scope(filters - {"place"})
    if "place" in filters:
        conditions.append(f"(p.id = $place OR p.id IN {PLACE_IDS})")
    if "actor" in filters:
        conditions.append(_mentions_actor())
    select = """SELECT p.id, p."name", p.country, p.lat, p.lon, p.feature, p."precision",
        count(*) AS documents, sum((SELECT count(*) FROM place_mentions m
            WHERE m.document_id = dp.document_id AND m.place_id = dp.place_id)) AS mentions
        FROM places p JOIN document_places dp ON dp.place_id = p.id JOIN documents d ON d.id = dp.document_id
        {where} GROUP BY p.id, p."name", p.country, p.lat, p.lon, p.feature, p."precision"
        ORDER BY documents DESC, mentions DESC, p.id"""
    return select, conditions


def _events(filters: set[str]) -> tuple[str, list[str]]:
    conditions = []
    if filters & {"since", "until"}:
        conditions += date_overlaps('e."date"."value"', filters)
    if "document" in filters:
        conditions.append("starts_with(e.document_id, $document)")
    if "actor" in filters:
        conditions.append(
            "(list_contains(list_concat(e.actors, e.recipients), $actor) OR "
            f"list_has_any(list_concat(e.actors, e.recipients), (SELECT list(id) FROM {ACTOR_IDS})))"
        )
    if "place" in filters:
        conditions.append(f"(e.place = $place OR e.place IN {PLACE_IDS})")
    if "type" in filters:
        conditions.append('e."type" = $type')
    if "status" in filters:
        conditions.append("e.status = $status")
    select = """SELECT e.document_id AS document, e.id, e."type", e."mode", e.status,
        e."date"."value" AS "date", e.actors, e.recipients, e.place,
        e.fatalities."min" AS fatalities_min, e.fatalities."max" AS fatalities_max,
        e.wounded."min" AS wounded_min, e.wounded."max" AS wounded_max,
        e.captured."min" AS captured_min, e.captured."max" AS captured_max,
        e.speaker, e.confidence, e.evidence_text AS "text"
        FROM events e {where} ORDER BY e."date"."value" NULLS LAST, e.document_id, e.seq"""
    return select, conditions


def _claims(filters: set[str]) -> tuple[str, list[str]]:
    conditions = _document_scope(filters)
    if "actor" in filters:
        conditions.append(
            f"(c.speaker = $actor OR c.speaker IN {ACTOR_IDS} OR contains(lower(c.speaker_text), lower($actor)))"
        )
    select = """SELECT c.document_id AS document, c.id, c.speaker, c.speaker_text, c.cue, c."text",
        c.direct, c.hedged, c.author_stance, c.events, d.published
        FROM claims c JOIN documents d ON d.id = c.document_id
        {where} ORDER BY d.published NULLS LAST, c.document_id, c.seq"""
    return select, conditions


def _failures(filters: set[str]) -> tuple[str, list[str]]:
    conditions = []
    if filters & {"since", "until"}:
        conditions += date_overlaps("strftime(f.\"at\", '%Y-%m-%d')", filters)
    if "document" in filters:
        conditions.append("starts_with(f.document_id, $document)")
    if "type" in filters:
        conditions.append("f.reason = $type")
    select = """SELECT f.source, f.reason, f.message, f.document_id, f."at"
        FROM failures f {where} ORDER BY f."at", f.id"""
    return select, conditions


# Each kind of query: how it is built, and the filters it accepts (in the order they are listed).
_QUERIES = {
    "documents": (_documents, ("actor", "place", "since", "until", "document")),
    "actors": (_actors, ("actor", "type", "place", "since", "until", "document")),
    "events": (_events, ("actor", "type", "status", "place", "since", "until", "document")),
    "claims": (_claims, ("actor", "place", "since", "until", "document")),
    "places": (_places, ("actor", "place", "since", "until", "document")),
    "failures": (_failures, ("type", "since", "until", "document")),
}
QUERY_KINDS = tuple(_QUERIES)

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _check(what: str, values: dict[str, Any], limit: int | None, offset: int) -> None:
    if what not in _QUERIES:
        raise StoreError(f"cannot query {what!r}; valid choices: {', '.join(QUERY_KINDS)}")
    accepted = _QUERIES[what][1]
    for name, value in values.items():
        if name not in accepted:
            raise StoreError(f"filter {name!r} does not apply to {what}; {what} accept: {', '.join(accepted)}")
        if not isinstance(value, str) or not value:
            raise StoreError(f"filter {name!r} must be a non-empty string, not {value!r}")
    for name in ("since", "until"):
        if name in values and not _ISO_DATE.fullmatch(values[name]):
            raise StoreError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {values[name]!r}")
    if what == "actors" and "type" in values and values["type"] not in ACTOR_KINDS:
        raise StoreError(f"unknown actor kind {values['type']!r}; valid choices: {', '.join(ACTOR_KINDS)}")
    if "status" in values and values["status"] not in EVENT_STATUSES:
        raise StoreError(f"unknown event status {values['status']!r}; valid choices: {', '.join(EVENT_STATUSES)}")
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise StoreError(f"limit must be a whole number of 0 or more, not {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise StoreError(f"offset must be a whole number of 0 or more, not {offset!r}")


def run_query(
    con: duckdb.DuckDBPyConnection,
    what: str,
    filters: dict[str, str | None],
    *,
    limit: int | None = None,
    offset: int = 0,
) -> QueryResult:
    """Run one kind of query with the given filters (None values are ignored)."""
    values = {name: value for name, value in filters.items() if value is not None}
    _check(what, values, limit, offset)
    build = _QUERIES[what][0]
    select, conditions = build(set(values))
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    sql = select.format(where=where) + " LIMIT $limit OFFSET $offset"
    params: dict[str, Any] = {**values, "limit": limit, "offset": offset}
    cursor = con.execute(sql, params)
    columns = tuple(column[0] for column in cursor.description)
    return QueryResult(columns=columns, rows=tuple(cursor.fetchall()))
