"""Write a Report into the normalized tables, and delete a document's rows.

Rows go in one batch per table: a typed list of structs passed as a single parameter and unnested,
which is both parameterized and far faster than one INSERT per row. Callers own the transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import duckdb

from warlog.errors import StoreError
from warlog.model import Actor, Claim, Contradiction, Event, Evidence, Happening, Place, Report

# The per-document tables, deleted child-first when a document is replaced.
DOCUMENT_TABLES = (
    "mentions",
    "document_actors",
    "place_mentions",
    "document_places",
    "events",
    "happenings",
    "claims",
    "contradictions",
    "relations",
)

Row = dict[str, Any]


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


class Writer:
    """Inserts rows through one connection, caching each table's column types."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._statements: dict[str, tuple[tuple[str, ...], str]] = {}

    def _statement(self, table: str) -> tuple[tuple[str, ...], str]:
        if table not in self._statements:
            columns = self._con.execute(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_schema = 'main' AND table_name = $table ORDER BY ordinal_position",
                {"table": table},
            ).fetchall()
            # failures.id is filled by its sequence
            names = tuple(name for name, _ in columns if not (table == "failures" and name == "id"))
            types = dict(columns)
            struct = ", ".join(f"{_quote(name)} {types[name]}" for name in names)
            sql = (
                f"INSERT INTO {_quote(table)} ({', '.join(_quote(n) for n in names)}) "
                f"SELECT unnest(r) FROM (SELECT unnest(CAST($rows AS STRUCT({struct})[])) AS r)"
            )
            self._statements[table] = (names, sql)
        return self._statements[table]

    def insert(self, table: str, rows: Sequence[Row], *, replace: bool = False) -> None:
        """Insert rows (dicts keyed by column name) into a table in one statement.

        With `replace`, a row whose primary key is already stored overwrites it.
        """
        if not rows:
            return
        names, sql = self._statement(table)
        if replace:
            sql = sql.replace("INSERT INTO", "INSERT OR REPLACE INTO", 1)
        self._con.execute(sql, {"rows": [{name: row.get(name) for name in names} for row in rows]})


def _evidence(evidence: Evidence) -> Row:
    return {
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "rule": evidence.rule,
        "confidence": evidence.confidence,
    }


def _flat_evidence(evidence: Evidence) -> Row:
    return {f"evidence_{key}": value for key, value in _evidence(evidence).items()}


def check_unique_ids(report: Report) -> None:
    """Raise StoreError when two actors, places, events, happenings, claims or contradictions share an id."""
    groups: dict[str, Sequence[Actor | Place | Event | Happening | Claim | Contradiction]] = {
        "actor": report.actors,
        "place": report.places,
        "event": report.events,
        "happening": report.happenings,
        "claim": report.claims,
        "contradiction": report.contradictions,
    }
    for kind, items in groups.items():
        repeated = [key for key, n in Counter(item.id for item in items).items() if n > 1]
        if repeated:
            raise StoreError(
                f"report {report.document.id!r} has {kind} id {repeated[0]!r} more than once; "
                "ids must be unique within a report"
            )


def insert_report(writer: Writer, con: duckdb.DuckDBPyConnection, report: Report, *, replacing: bool = False) -> None:
    """Insert every row of a report.

    With `replacing`, its `documents` row overwrites the stored one, and corpus actors and places
    that only the replaced document used take the new version.
    """
    _insert(writer, con, [report], replacing=replacing)


def insert_reports(writer: Writer, con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> None:
    """Insert the rows of reports of new documents (none stored, no id twice) with one insert per table.

    The tables end as saving the reports one after another would leave them: the corpus actors and
    places take, per id, the version that the rule of `_split_new` picks going through them in order.
    """
    _insert(writer, con, reports, replacing=False)


def _insert(writer: Writer, con: duckdb.DuckDBPyConnection, reports: Sequence[Report], *, replacing: bool) -> None:
    rows: dict[str, list[Row]] = {}
    for report in reports:
        for table, table_rows in document_rows(report).items():
            rows.setdefault(table, []).extend(table_rows)
    if not rows:
        return
    writer.insert("documents", rows.pop("documents"), replace=replacing)
    _upsert_actors(writer, con, [a for r in reports for a in r.actors], replacing=replacing)
    _upsert_places(writer, con, [p for r in reports for p in r.places], replacing=replacing)
    for table, table_rows in rows.items():
        writer.insert(table, table_rows)


def document_rows(report: Report) -> dict[str, list[Row]]:
    """The rows of a report in the per-document tables and `documents`, by table (in insert order)."""
    doc_id = report.document.id
    document_row = {
        **report.document.to_dict(),
        "warlog_version": report.version,
        "provenance": [{"name": name, "version": version} for name, version in report.provenance],
        "stored_at": datetime.now(UTC).replace(tzinfo=None),
    }
    return {
        "documents": [document_row],
        "document_actors": [_document_actor(doc_id, seq, a) for seq, a in enumerate(report.actors)],
        "mentions": [
            {**_evidence(m), "document_id": doc_id, "actor_id": a.id, "seq": seq}
            for a in report.actors
            for seq, m in enumerate(a.mentions)
        ],
        "document_places": [
            {**p.to_dict(), "document_id": doc_id, "place_id": p.id, "seq": seq} for seq, p in enumerate(report.places)
        ],
        "place_mentions": [
            {**_evidence(m), "document_id": doc_id, "place_id": p.id, "seq": seq}
            for p in report.places
            for seq, m in enumerate(p.mentions)
        ],
        **_finding_rows(report),
    }


def _document_actor(doc_id: str, seq: int, actor: Actor) -> Row:
    return {
        "document_id": doc_id,
        "actor_id": actor.id,
        "seq": seq,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "parents": list(actor.parents),
        "aliases": list(actor.aliases),
        "origin": actor.origin,
    }


def _finding_rows(report: Report) -> dict[str, list[Row]]:
    doc_id = report.document.id
    return {
        "events": [
            {
                "document_id": doc_id,
                "seq": seq,
                "id": e.id,
                "type": e.type,
                "mode": e.mode,
                "actors": list(e.actors),
                "recipients": list(e.recipients),
                "place": e.place,
                "date": e.date.to_dict() if e.date is not None else None,
                "fatalities": e.fatalities.to_dict() if e.fatalities is not None else None,
                "wounded": e.wounded.to_dict() if e.wounded is not None else None,
                "captured": e.captured.to_dict() if e.captured is not None else None,
                "status": e.status,
                "speaker": e.speaker,
                "codes": [{"scheme": scheme, "code": code} for scheme, code in e.codes],
                "confidence": e.confidence,
                **_flat_evidence(e.evidence),
                "also": [_evidence(x) for x in e.also],
            }
            for seq, e in enumerate(report.events)
        ],
        "happenings": [
            {
                "document_id": doc_id,
                "seq": seq,
                "id": h.id,
                "kind": h.kind,
                "place": h.place,
                "date": h.date.to_dict() if h.date is not None else None,
                "fatalities": h.fatalities.to_dict() if h.fatalities is not None else None,
                "wounded": h.wounded.to_dict() if h.wounded is not None else None,
                **_flat_evidence(h.evidence),
            }
            for seq, h in enumerate(report.happenings)
        ],
        "claims": [
            {
                **c.to_dict(),
                "document_id": doc_id,
                "seq": seq,
                "events": list(c.events),
                "co_speakers": list(c.co_speakers),
                "speaker_evidence": _evidence(c.speaker_evidence) if c.speaker_evidence else None,
                "cue_evidence": _evidence(c.cue_evidence) if c.cue_evidence else None,
                "hedges": [_evidence(h) for h in c.hedges],
                "stance_evidence": _evidence(c.stance_evidence) if c.stance_evidence else None,
                **_flat_evidence(c.evidence),
            }
            for seq, c in enumerate(report.claims)
        ],
        "contradictions": [
            {**c.to_dict(), "document_id": doc_id, "seq": seq} for seq, c in enumerate(report.contradictions)
        ],
        "relations": [{**r.to_dict(), "document_id": doc_id, "seq": seq} for seq, r in enumerate(report.relations)],
    }


# Per corpus table: (id, origin or NULL) of the rows among $ids, and, when replacing, whether a
# stored document still uses each one. Outside `replace` every corpus row is in use (orphans are
# dropped at the end of a replace), so the costly check is skipped.
_CORPUS_ROWS = {
    "actors": "SELECT id, origin, {used} FROM actors a WHERE list_contains($ids, id)",
    "places": "SELECT id, NULL, {used} FROM places a WHERE list_contains($ids, id)",
}
_IN_USE = {
    "actors": "EXISTS (SELECT 1 FROM document_actors l WHERE l.actor_id = a.id)",
    "places": "EXISTS (SELECT 1 FROM document_places l WHERE l.place_id = a.id)",
}

Item = TypeVar("Item", Actor, Place)


def kb_overwrites(current_origin: str | None, new_origin: str | None) -> bool:
    """Whether a new version of a stored corpus actor overwrites the current one: the first version
    stays unless the new one is from the knowledge base and the current one is not (places have no
    origin, so their first version stays)."""
    return current_origin != "kb" and new_origin == "kb"


def _split_new(
    con: duckdb.DuckDBPyConnection, table: str, items: Sequence[Item], *, replacing: bool
) -> tuple[list[Item], list[Item]]:
    """Split `items` into those new to the corpus table and those whose stored row they overwrite.

    The first or the knowledge-base version of an actor wins: a stored row is overwritten when the
    new item is from the kb and the stored one is not, or when no stored document uses the row any
    more (a replaced document was its only user). Items of several reports may share an id: they
    are taken in order, as if each report were saved after the one before, and one version per id
    is returned.
    """
    if not items:
        return [], []
    sql = _CORPUS_ROWS[table].format(used=_IN_USE[table] if replacing else "TRUE")
    stored = {row[0]: (row[1], row[2]) for row in con.execute(sql, {"ids": [i.id for i in items]}).fetchall()}
    chosen: dict[str, Item] = {}  # per id, the version to write
    for item in items:
        if item.id in chosen:
            current, in_use = getattr(chosen[item.id], "origin", None), True
        elif item.id in stored:
            current, in_use = stored[item.id]
        else:
            chosen[item.id] = item
            continue
        if not in_use or kb_overwrites(current, getattr(item, "origin", None)):
            chosen[item.id] = item
    new = [item for key, item in chosen.items() if key not in stored]
    overwrite = [item for key, item in chosen.items() if key in stored]
    return new, overwrite


def _upsert_actors(writer: Writer, con: duckdb.DuckDBPyConnection, actors: Sequence[Actor], *, replacing: bool) -> None:
    new, stale = _split_new(con, "actors", actors, replacing=replacing)
    stale_ids = [a.id for a in stale]
    if stale_ids:
        con.execute("DELETE FROM actor_parents WHERE list_contains($ids, actor_id)", {"ids": stale_ids})
        con.execute("DELETE FROM actor_aliases WHERE list_contains($ids, actor_id)", {"ids": stale_ids})
        for a in stale:
            con.execute(
                'UPDATE actors SET "name" = $name, kind = $kind, country = $country, origin = $origin WHERE id = $id',
                {"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "origin": a.origin},
            )
    writer.insert(
        "actors",
        [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "origin": a.origin} for a in new],
    )
    written = [*new, *stale]
    writer.insert(
        "actor_parents",
        [{"actor_id": a.id, "parent_id": p, "seq": seq} for a in written for seq, p in enumerate(a.parents)],
    )
    writer.insert(
        "actor_aliases",
        [{"actor_id": a.id, "alias": x, "seq": seq} for a in written for seq, x in enumerate(a.aliases)],
    )


def _upsert_places(writer: Writer, con: duckdb.DuckDBPyConnection, places: Sequence[Place], *, replacing: bool) -> None:
    new, stale = _split_new(con, "places", places, replacing=replacing)
    for p in stale:
        con.execute(
            'UPDATE places SET "name" = $name, country = $country, lat = $lat, lon = $lon, '
            'feature = $feature, "precision" = $precision WHERE id = $id',
            {k: v for k, v in p.to_dict().items() if k != "mentions"},
        )
    writer.insert("places", [{k: v for k, v in p.to_dict().items() if k != "mentions"} for p in new])


def delete_document_rows(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[list[str], list[str]]:
    """Delete a document's per-document rows (not its `documents` row); return its actor and place ids.

    The corpus-wide actors and places stay until `drop_orphans`, so that saving the new version of
    the document updates them in place rather than deleting and re-inserting a primary key in one
    transaction (which older DuckDB versions refuse, even after the delete).
    """
    params = {"doc": doc_id}
    actor_ids = [
        row[0]
        for row in con.execute("SELECT actor_id FROM document_actors WHERE document_id = $doc", params).fetchall()
    ]
    place_ids = [
        row[0]
        for row in con.execute("SELECT place_id FROM document_places WHERE document_id = $doc", params).fetchall()
    ]
    for table in DOCUMENT_TABLES:
        con.execute(f"DELETE FROM {_quote(table)} WHERE document_id = $doc", params)
    return actor_ids, place_ids


def drop_orphans(con: duckdb.DuckDBPyConnection, actor_ids: list[str], place_ids: list[str]) -> None:
    """Delete the corpus actors and places among these ids that no stored document uses."""
    unused = "list_contains($ids, {key}) AND {key} NOT IN (SELECT {used} FROM {link} WHERE list_contains($ids, {used}))"
    unused_actor = unused.format(key="actor_id", used="actor_id", link="document_actors")
    con.execute(f"DELETE FROM actor_parents WHERE {unused_actor}", {"ids": actor_ids})
    con.execute(f"DELETE FROM actor_aliases WHERE {unused_actor}", {"ids": actor_ids})
    con.execute(
        "DELETE FROM actors WHERE " + unused.format(key="id", used="actor_id", link="document_actors"),
        {"ids": actor_ids},
    )
    con.execute(
        "DELETE FROM places WHERE " + unused.format(key="id", used="place_id", link="document_places"),
        {"ids": place_ids},
    )
