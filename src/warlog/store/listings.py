"""The SQL of each listing (documents, actors, events, claims, places, failures, contradictions) and the
code that runs one: filters, sorting, paging and totals, read-only (rules: warlog.store.query).

Speed, measured by bench/api_latency.py on a million events: the actor filter of events looks the actor
ids up first and tests a few with `list_contains`; event pages sort row ids, then read only the page's
rows; documents count their actors, places, events and claims for the page only; actors and places count
over the whole corpus with one aggregate when no filter chooses the documents.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import duckdb

from warlog.errors import StoreError
from warlog.model import ACTOR_KINDS, CONTRADICTION_KINDS, EVENT_STATUSES, SOURCE_KINDS, STANCES
from warlog.store.query import (
    ACTOR_IDS,
    FLAG_FILTERS,
    NUMBER_FILTERS,
    PLACE_IDS,
    QUERY_KINDS,
    ActorSummary,
    Filters,
    Page,
    confidence_problem,
    date_overlaps,
)

# A filter whose condition depends on the store: (connection, value) -> (condition, its parameters).
Resolver = Callable[[duckdb.DuckDBPyConnection, str], tuple[str, dict[str, Any]]]
# Adds columns to a page's rows: (connection, page) -> the page with them.
Addition = Callable[[duckdb.DuckDBPyConnection, Page], Page]


@dataclass(frozen=True, slots=True)
class Listing:
    """How one kind of item is listed: its rows, the filters it takes and the sorts it allows."""

    source: str  # FROM clause (with joins), no WHERE; "{documents}" where the counted documents are chosen
    columns: str  # the SELECT list
    filters: Mapping[str, str | Resolver]  # filter name -> condition on $name, or a Resolver
    sorts: Mapping[str, tuple[str, ...]]  # sort name -> SQL expressions, in order
    default_sort: str
    tiebreak: str  # a unique key, appended to every ORDER BY
    # filters on the documents that count (actors, places): conditions on `d`, put in place of {documents}
    counted: Mapping[str, str] = field(default_factory=dict)
    count_source: str | None = None  # a cheaper FROM clause for the total, when no `counted` filter is given
    row_key: tuple[str, str] | None = None  # (table, key): sort and page on the key, then read the page's rows
    choices: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)  # filter -> (noun, values)
    add: Addition | None = None

    @property
    def accepts(self) -> tuple[str, ...]:
        return (*self.filters, *self.counted)


MAX_OR_IDS = 32


def _event_parties(con: duckdb.DuckDBPyConnection, actor: str) -> tuple[str, dict[str, Any]]:
    """Events whose actors or recipients include the actor `actor` names.

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


def _accepted(alias: str) -> Resolver:
    """Items (rows `alias`) with an accept correction in the trail (True), or without one (False)."""

    def condition(con: duckdb.DuckDBPyConnection, value: Any) -> tuple[str, dict[str, Any]]:
        found = f"EXISTS (SELECT 1 FROM reviews r WHERE r.document_id = {alias}.document_id AND r.id = {alias}.id)"
        return (found if value else f"NOT {found}"), {}

    return condition


def _dates(expression: str) -> dict[str, str]:
    return {name: " AND ".join(date_overlaps(expression, {name})) for name in ("since", "until")}


def _mentions(table: str, key: str, ids: str, param: str, doc: str = "d.id") -> str:
    """Rows of documents (id `doc`) that mention what `$param` names."""
    return f"EXISTS (SELECT 1 FROM {table} x WHERE x.document_id = {doc} AND (x.{key} = ${param} OR x.{key} IN {ids}))"


_MENTION_ACTOR = _mentions("document_actors", "actor_id", ACTOR_IDS, "actor")
_MENTION_PLACE = _mentions("document_places", "place_id", PLACE_IDS, "place")
_DOCUMENT_PREFIX = "starts_with(d.id, $document)"


def _document_counts(con: duckdb.DuckDBPyConnection, page: Page) -> Page:
    """The page with each document's numbers of actors, places, events and claims (counted for the page only)."""
    names = ("actors", "places", "events", "claims")
    counts: dict[str, tuple[Any, ...]] = {}
    if page.rows:
        sql = """SELECT i.id,
            (SELECT count(*) FROM document_actors x WHERE x.document_id = i.id),
            (SELECT count(*) FROM document_places x WHERE x.document_id = i.id),
            (SELECT count(*) FROM events x WHERE x.document_id = i.id),
            (SELECT count(*) FROM claims x WHERE x.document_id = i.id)
            FROM (SELECT unnest($ids) AS id) i"""
        found = con.execute(sql, {"ids": [row[0] for row in page.rows]}).fetchall()
        counts = {row[0]: tuple(row[1:]) for row in found}
    rows = tuple((*row, *counts[row[0]]) for row in page.rows)
    return Page(columns=(*page.columns, *names), rows=rows, total=page.total, limit=page.limit, offset=page.offset)


DOCUMENTS = Listing(
    source="documents d",
    columns='d.id, d.published, d.title, d.author, d.source, d.url, d."language", d.stored_at',
    filters={
        "actor": _MENTION_ACTOR,
        "place": _MENTION_PLACE,
        **_dates("d.published"),
        "document": _DOCUMENT_PREFIX,
        "text": '(contains(lower(d.title), lower($text)) OR contains(lower(d."text"), lower($text)))',
    },
    sorts={
        "published": ("d.published",),
        "title": ("d.title",),
        "id": ("d.id",),
        "source": ("d.source",),
        "stored": ("d.stored_at",),
    },
    default_sort="published",
    tiebreak="d.id",
    add=_document_counts,
)

# The documents that count for actors and places: joined to the link table `x` when a filter chooses them.
_COUNTED = "JOIN documents d ON d.id = x.document_id WHERE {conditions}"
_NAMED = """(a.id = $text OR contains(lower(a."name"), lower($text))
    OR a.id IN (SELECT actor_id FROM actor_aliases WHERE contains(lower(alias), lower($text))))"""

ACTORS = Listing(
    source="""actors a
        JOIN (SELECT x.actor_id, count(*) AS n FROM document_actors x {documents} GROUP BY x.actor_id) da
            ON da.actor_id = a.id
        LEFT JOIN (SELECT x.actor_id, count(*) AS n FROM mentions x {documents} GROUP BY x.actor_id) m
            ON m.actor_id = a.id""",
    columns='a.id, a."name", a.kind, a.country, a.origin, da.n AS documents, coalesce(m.n, 0) AS mentions',
    filters={
        "actor": f"(a.id = $actor OR a.id IN {ACTOR_IDS})",
        "text": _NAMED,
        "type": "a.kind = $type",
        "country": "a.country = $country",
    },
    counted={"place": _MENTION_PLACE, **_dates("d.published"), "document": _DOCUMENT_PREFIX},
    sorts={
        "name": ('a."name"',),
        "kind": ("a.kind",),
        "country": ("a.country",),
        "documents": ("documents", "mentions"),
        "mentions": ("mentions",),
        "id": ("a.id",),
    },
    default_sort="-documents",
    tiebreak="a.id",
    # every stored actor is named by a stored document (a replace drops the others: warlog.store.write)
    count_source="actors a",
    choices={"type": ("actor kind", ACTOR_KINDS)},
)

PLACES = Listing(
    source="""places p
        JOIN (SELECT x.place_id, count(*) AS n FROM document_places x {documents} GROUP BY x.place_id) dp
            ON dp.place_id = p.id
        LEFT JOIN (SELECT x.place_id, count(*) AS n FROM place_mentions x {documents} GROUP BY x.place_id) m
            ON m.place_id = p.id""",
    columns="""p.id, p."name", p.country, p.lat, p.lon, p.feature, p."precision",
        dp.n AS documents, coalesce(m.n, 0) AS mentions""",
    filters={
        "place": f"(p.id = $place OR p.id IN {PLACE_IDS})",
        "text": '(p.id = $text OR contains(lower(p."name"), lower($text)))',
        "country": "p.country = $country",
    },
    counted={"actor": _MENTION_ACTOR, **_dates("d.published"), "document": _DOCUMENT_PREFIX},
    sorts={
        "name": ('p."name"',),
        "country": ("p.country",),
        "documents": ("documents", "mentions"),
        "mentions": ("mentions",),
        "id": ("p.id",),
    },
    default_sort="-documents",
    tiebreak="p.id",
    count_source="places p",
)

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
        "country": "e.place IN (SELECT id FROM places WHERE country = upper($country))",
        **_dates('e."date"."value"'),
        "document": "starts_with(e.document_id, $document)",
        "min_confidence": "e.confidence >= $min_confidence",
        "reviewed": _accepted("e"),
    },
    sorts={
        "date": ('e."date"."value"',),
        "type": ('e."type"',),
        "status": ("e.status",),
        "document": ("e.document_id",),
        "confidence": ("e.confidence",),
        "fatalities": ('e.fatalities."max"',),
    },
    default_sort="date",
    tiebreak="e.document_id, e.seq",
    # a deep page sorts a million rowids instead of a million rows: 180 ms against 580 ms at offset 990,000
    row_key=("events", "e.rowid"),
    choices={"status": ("event status", EVENT_STATUSES)},
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
        "place": _MENTION_PLACE,
        **_dates("d.published"),
        "document": "starts_with(c.document_id, $document)",
        "reviewed": _accepted("c"),
    },
    sorts={
        "published": ("d.published",),
        "document": ("c.document_id",),
        "speaker": ("c.speaker_text",),
        "stance": ("c.author_stance",),
        "source_kind": ("c.source_kind",),
    },
    default_sort="published",
    tiebreak="c.document_id, c.seq",
    choices={"stance": ("stance", STANCES), "source_kind": ("source kind", SOURCE_KINDS)},
)

CONTRADICTIONS = Listing(
    source="contradictions x JOIN documents d ON d.id = x.document_id",
    columns="x.document_id AS document, x.id, x.kind, x.items, x.explanation, x.implied, d.published",
    filters={"type": "x.kind = $type", **_dates("d.published"), "document": "starts_with(x.document_id, $document)"},
    sorts={"published": ("d.published",), "document": ("x.document_id",), "kind": ("x.kind",)},
    default_sort="published",
    tiebreak="x.document_id, x.seq",
    choices={"type": ("contradiction kind", CONTRADICTION_KINDS)},
)

FAILURES = Listing(
    source="failures f",
    columns='f.source, f.reason, f.message, f.document_id, f."at"',
    filters={
        "type": "f.reason = $type",
        **_dates("strftime(f.\"at\", '%Y-%m-%d')"),
        "document": "starts_with(f.document_id, $document)",
    },
    sorts={"at": ('f."at"',)},
    default_sort="at",
    tiebreak="f.id",
)

LISTINGS: dict[str, Listing] = {
    "documents": DOCUMENTS,
    "actors": ACTORS,
    "events": EVENTS,
    "claims": CLAIMS,
    "places": PLACES,
    "failures": FAILURES,
    "contradictions": CONTRADICTIONS,
}

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def listing(what: str) -> Listing:
    """The listing of `what`.

    Raises:
        StoreError: `what` is not one of QUERY_KINDS; the message lists them.
    """
    if what not in LISTINGS:
        raise StoreError(f"cannot query {what!r}; valid choices: {', '.join(QUERY_KINDS)}")
    return LISTINGS[what]


def sort_choices(what: str) -> tuple[str, ...]:
    """The values `sort` may take for `what`: each sort name, and with - for descending."""
    return tuple(f"{prefix}{name}" for name in listing(what).sorts for prefix in ("", "-"))


def _check(what: str, values: dict[str, Any], limit: int | None, offset: int) -> None:
    accepted = listing(what).accepts
    for name, value in values.items():
        if name not in accepted:
            raise StoreError(f"filter {name!r} does not apply to {what}; {what} accept: {', '.join(accepted)}")
        if name in NUMBER_FILTERS:
            continue
        if name in FLAG_FILTERS:
            if not isinstance(value, bool):
                raise StoreError(f"filter {name!r} must be true or false, not {value!r}")
            continue
        if not isinstance(value, str) or not value:
            raise StoreError(f"filter {name!r} must be a non-empty string, not {value!r}")
    if "min_confidence" in values and (problem := confidence_problem(values["min_confidence"])):
        raise StoreError(problem)
    for name in ("since", "until"):
        if name in values and not _ISO_DATE.fullmatch(values[name]):
            raise StoreError(f"{name} must be an ISO date (YYYY-MM-DD, YYYY-MM or YYYY), not {values[name]!r}")
    for name, (noun, valid) in listing(what).choices.items():
        if name in values and values[name] not in valid:
            raise StoreError(f"unknown {noun} {values[name]!r}; valid choices: {', '.join(valid)}")
    if what == "events" and "type" in values:
        _check_event_type(values["type"])
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int) or limit < 0):
        raise StoreError(f"limit must be a whole number of 0 or more, not {limit!r}")
    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise StoreError(f"offset must be a whole number of 0 or more, not {offset!r}")


def _check_event_type(value: str) -> None:
    """StoreError for a type the built-in ontology lacks (it holds every type: see store.amend.valid_mode)."""
    from warlog.packs.ontology import builtin_ontology

    types = [t.name for t in builtin_ontology().types]
    if value not in types:
        raise StoreError(f"unknown event type {value!r}; valid choices: {', '.join(types)}")


def _order_by(what: str, sort: str | None) -> str:
    """The ORDER BY clause for a whitelisted sort (`name` or `-name`), unknown values last."""
    chosen = listing(what)
    sort = sort or chosen.default_sort
    name = sort.removeprefix("-")
    if name not in chosen.sorts:
        raise StoreError(
            f"cannot sort {what} by {sort!r}; valid choices: {', '.join(chosen.sorts)} (prefix - for descending)"
        )
    direction = "DESC" if sort.startswith("-") else "ASC"
    keys = ", ".join(f"{expression} {direction} NULLS LAST" for expression in chosen.sorts[name])
    return f"{keys}, {chosen.tiebreak}"


def _is_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether `name` is a table (a store) rather than a view (shards read in place), which has no rowid."""
    found = con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = $name", {"name": name}).fetchone()
    return found is not None


def find(
    con: duckdb.DuckDBPyConnection,
    what: str,
    filters: Filters,
    *,
    sort: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Page:
    """One page of `what` with the filters (rules: warlog.store.query); `limit` None is every row.

    Raises:
        StoreError: `what` is unknown, a filter does not apply to it, or a value, the sort, the limit or
            the offset is invalid; the message lists the valid choices.
    """
    values = filters.given()
    _check(what, values, limit, offset)
    chosen = listing(what)
    order = _order_by(what, sort)
    conditions, counted, params = [], [], {}
    for name, value in values.items():
        if name in chosen.counted:
            counted.append(chosen.counted[name])
            params[name] = value
            continue
        fragment = chosen.filters[name]
        condition, used = fragment(con, value) if callable(fragment) else (fragment, {name: value})
        conditions.append(condition)
        params.update(used)
    documents = _COUNTED.format(conditions=" AND ".join(counted)) if counted else ""
    source = chosen.source.format(documents=documents)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    page = f"ORDER BY {order} LIMIT $limit OFFSET $offset"
    if chosen.row_key and limit is not None and _is_table(con, chosen.row_key[0]):
        keys = f"SELECT {chosen.row_key[1]} FROM {source} {where} {page}"
        rows_sql = f"SELECT {chosen.columns} FROM {source} WHERE {chosen.row_key[1]} IN ({keys}) ORDER BY {order}"
    else:
        rows_sql = f"SELECT {chosen.columns} FROM {source} {where} {page}"
    cursor = con.execute(rows_sql, {**params, "limit": limit, "offset": offset})
    columns = tuple(column[0] for column in cursor.description)
    rows = tuple(cursor.fetchall())
    if limit is None and (rows or offset == 0):
        total = offset + len(rows)
    else:
        count_source = chosen.count_source if chosen.count_source and not counted else source
        total = _count(con, f"SELECT count(*) FROM {count_source} {where}", params)
    found = Page(columns=columns, rows=rows, total=total, limit=limit, offset=offset)
    return chosen.add(con, found) if chosen.add else found


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any]) -> int:
    """The number a count query answers (an aggregate without GROUP BY: one row)."""
    row = con.execute(sql, params).fetchone()
    assert row is not None
    return int(row[0])


def has_actor(con: duckdb.DuckDBPyConnection, actor: str) -> bool:
    """Whether `actor` is an actor id, or part of an actor's name or alias (any case)."""
    return con.execute(f"SELECT 1 FROM {ACTOR_IDS} LIMIT 1", {"actor": actor}).fetchone() is not None


# An actor's ties over the corpus: the per-document relations of one (source, target, polarity) added up,
# so an affiliation that five documents state is one row; `document` is the first document that tells it.
_ACTOR_TIES = """
SELECT min(document_id) AS document, source, target, polarity, sum(weight) AS weight,
    count(DISTINCT document_id) AS documents, flatten(list(events ORDER BY document_id, seq)) AS events,
    count(*) OVER () AS total
FROM relations WHERE source = $id OR target = $id
GROUP BY source, target, polarity
ORDER BY CASE polarity WHEN 'cooperative' THEN 0 WHEN 'hostile' THEN 1 ELSE 2 END, weight DESC, source, target
LIMIT $limit"""


def actor_summary(con: duckdb.DuckDBPyConnection, actor_id: str, *, sample: int) -> ActorSummary | None:
    """The actor `actor_id` with the first `sample` of its events, claims and relations; None if unknown."""
    param = {"id": actor_id}
    row = con.execute('SELECT id, "name", kind, country, origin FROM actors WHERE id = $id', param).fetchone()
    if row is None:
        return None
    parents = con.execute("SELECT parent_id FROM actor_parents WHERE actor_id = $id ORDER BY seq", param).fetchall()
    aliases = con.execute(
        "SELECT DISTINCT alias FROM actor_aliases WHERE actor_id = $id ORDER BY alias", param
    ).fetchall()
    documents = _count(con, "SELECT count(DISTINCT document_id) FROM document_actors WHERE actor_id = $id", param)
    cursor = con.execute(_ACTOR_TIES, {**param, "limit": sample})
    found = cursor.fetchall()
    relations = Page(
        columns=tuple(column[0] for column in cursor.description[:-1]),
        rows=tuple(tuple(r[:-1]) for r in found),
        total=found[0][-1] if found else 0,
        limit=sample,
    )
    return ActorSummary(
        id=row[0], name=row[1], kind=row[2], country=row[3], origin=row[4],
        parents=tuple(r[0] for r in parents), aliases=tuple(r[0] for r in aliases), documents=int(documents),
        events_as_actor=find(con, "events", Filters(as_actor=actor_id), limit=sample),
        events_as_recipient=find(con, "events", Filters(as_recipient=actor_id), limit=sample),
        claims=find(con, "claims", Filters(speaker_id=actor_id), limit=sample),
        relations=relations,
    )  # fmt: skip
