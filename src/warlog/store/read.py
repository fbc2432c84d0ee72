"""Rebuild stored documents' Reports from the normalized tables, exactly as they were saved.

`load_reports` reads a batch of documents with one query per table, the rows grouped by document in
Python; `load_report` is a batch of one. `stream_reports` reads any number of documents with one query
per table for all of them, each streamed in the documents' order a chunk at a time: a batch query scans
its whole table, so reading N documents in batches costs N / batch scans of tables that grow with N.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import duckdb

from warlog.model import (
    Actor,
    Claim,
    Contradiction,
    Document,
    Event,
    Evidence,
    Happening,
    Place,
    Relation,
    Report,
    Toll,
    When,
)

Rows = dict[str, list[dict[str, Any]]]  # rows by document id
Fetch = Callable[[str, str], Rows]  # (table, columns) -> the rows of the documents being built

# the documents of a batch: a semi-join on the list of their ids
IN_BATCH = "document_id IN (SELECT unnest($docs))"


def _rows(con: duckdb.DuckDBPyConnection, table: str, doc_ids: Sequence[str], columns: str = "*") -> Rows:
    """A table's rows of these documents, by document, each document's in `seq` order."""
    cursor = con.execute(
        f"SELECT {columns}, document_id AS _document FROM {table} WHERE {IN_BATCH} ORDER BY document_id, seq",
        {"docs": list(doc_ids)},
    )
    names = [column[0] for column in cursor.description]
    found: Rows = defaultdict(list)
    for row in cursor.fetchall():
        data = dict(zip(names, row, strict=True))
        found[data.pop("_document")].append(data)
    return found


def _evidence(data: dict[str, Any]) -> Evidence:
    return Evidence(
        start=data["start"],
        end=data["end"],
        text=data["text"],
        rule=data["rule"],
        confidence=data["confidence"],
    )


def _optional(data: dict[str, Any] | None) -> Evidence | None:
    return _evidence(data) if data is not None else None


def _toll(data: dict[str, Any] | None) -> Toll | None:
    return Toll(**data) if data is not None else None


def _flat_evidence(row: dict[str, Any]) -> Evidence:
    return _evidence({key: row[f"evidence_{key}"] for key in ("start", "end", "text", "rule", "confidence")})


def _mentions(fetch: Fetch, table: str, key: str) -> dict[str, dict[str, list[Evidence]]]:
    """Each document's mentions by their actor or place, each owner's in `seq` order."""
    found: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    columns = f'{key} AS owner, "start", "end", "text", "rule", confidence'
    for doc_id, rows in fetch(table, columns).items():
        for row in rows:
            found[doc_id][row["owner"]].append(_evidence(row))
    return found


def load_report(con: duckdb.DuckDBPyConnection, doc_id: str) -> Report | None:
    """The stored report of a document, or None when the document is not stored."""
    return load_reports(con, [doc_id]).get(doc_id)


def load_reports(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, Report]:
    """The stored reports of these documents by id (those not stored are absent): one query per table."""
    cursor = con.execute("SELECT * FROM documents WHERE id IN (SELECT unnest($docs))", {"docs": list(doc_ids)})
    names = [column[0] for column in cursor.description]
    documents = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    if not documents:
        return {}
    ids = [row["id"] for row in documents]
    return _built(documents, lambda table, columns: _rows(con, table, ids, columns))


# the documents wanted, each with its position: what every table is joined with and ordered by
WANTED = "(SELECT unnest($docs) AS _id, generate_subscripts($docs, 1) AS _ord)"


def stream_reports(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], *, chunk: int = 500) -> Iterator[Report]:
    """The stored reports of these documents in their order (unknown ids skipped, a repeated id read once):
    one query per table for all of them, its rows read `chunk` documents at a time."""
    wanted = {"docs": list(dict.fromkeys(doc_ids))}
    documents = con.cursor().execute(
        f"SELECT d.*, w._ord FROM documents d JOIN {WANTED} w ON d.id = w._id ORDER BY w._ord", wanted
    )
    names = [column[0] for column in documents.description]
    streams: dict[tuple[str, str], _TableStream] = {}
    while batch := documents.fetchmany(chunk):
        rows = [dict(zip(names, row, strict=True)) for row in batch]
        last = rows[-1].pop("_ord")
        for row in rows[:-1]:
            del row["_ord"]

        def fetch(table: str, columns: str, last: int = last) -> Rows:
            key = (table, columns)
            if key not in streams:
                streams[key] = _TableStream(con, table, columns, wanted)
            return streams[key].until(last)

        built = _built(rows, fetch)
        yield from (built[row["id"]] for row in rows)


class _TableStream:
    """A table's rows of the wanted documents in their order, handed out a document range at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection, table: str, columns: str, wanted: dict[str, list[str]]):
        self._cursor = con.cursor().execute(
            f"SELECT {columns}, document_id AS _document, _ord FROM "
            f"(SELECT t.*, w._ord FROM {table} t JOIN {WANTED} w ON t.document_id = w._id) ORDER BY _ord, seq",
            wanted,
        )
        names = [column[0] for column in self._cursor.description]
        self._document, self._ord = len(names) - 2, len(names) - 1  # the two columns added last
        self._names = names[: self._document]
        self._rows: list[tuple] = []
        self._at = 0

    def until(self, last: int) -> Rows:
        """The rows of the documents up to position `last`, by document."""
        found: Rows = defaultdict(list)
        names, document, order = self._names, self._document, self._ord
        while True:
            if self._at >= len(self._rows):
                self._rows, self._at = self._cursor.fetchmany(4096), 0
                if not self._rows:
                    return found
            rows, i = self._rows, self._at
            while i < len(rows) and rows[i][order] <= last:
                row = rows[i]
                found[row[document]].append(dict(zip(names, row[:document], strict=True)))
                i += 1
            self._at = i
            if i < len(rows):
                return found


def _built(documents: list[dict[str, Any]], fetch: Fetch) -> dict[str, Report]:
    """The reports of these `documents` rows, their other rows read through `fetch`."""
    actors, places = _actors(fetch), _places(fetch)
    events, claims, happenings = _events(fetch), _claims(fetch), _happenings(fetch)
    contradictions, relations = fetch("contradictions", "*"), fetch("relations", "*")
    return {
        row["id"]: _report(
            row,
            actors=actors.get(row["id"], ()),
            places=places.get(row["id"], ()),
            events=events.get(row["id"], ()),
            claims=claims.get(row["id"], ()),
            happenings=happenings.get(row["id"], ()),
            contradictions=contradictions.get(row["id"], []),
            relations=relations.get(row["id"], []),
        )
        for row in documents
    }


def _report(
    row: dict[str, Any],
    *,
    actors: tuple[Actor, ...],
    places: tuple[Place, ...],
    events: tuple[Event, ...],
    claims: tuple[Claim, ...],
    happenings: tuple[Happening, ...],
    contradictions: list[dict[str, Any]],
    relations: list[dict[str, Any]],
) -> Report:
    """One document's Report from its `documents` row and its rows of the other tables."""
    document = Document(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        author=row["author"],
        source=row["source"],
        url=row["url"],
        published=row["published"],
        language=row["language"],
    )
    return Report(
        version=row["warlog_version"],
        document=document,
        actors=actors,
        places=places,
        events=events,
        claims=claims,
        contradictions=tuple(Contradiction.from_dict(r) for r in contradictions),
        relations=tuple(
            Relation(
                source=r["source"],
                target=r["target"],
                polarity=r["polarity"],
                weight=r["weight"],
                events=tuple(r["events"]),
            )
            for r in relations
        ),
        provenance=tuple((p["name"], p["version"]) for p in row["provenance"]),
        happenings=happenings,
    )


def _actors(fetch: Fetch) -> dict[str, tuple[Actor, ...]]:
    every = _mentions(fetch, "mentions", "actor_id")
    rows_by_document = fetch("document_actors", "*")
    return {doc_id: tuple(_actor(r, every[doc_id]) for r in rows) for doc_id, rows in rows_by_document.items()}


def _actor(r: dict[str, Any], mentions: dict[str, list[Evidence]]) -> Actor:
    return Actor(
        id=r["actor_id"],
        name=r["name"],
        kind=r["kind"],
        country=r["country"],
        parents=tuple(r["parents"]),
        aliases=tuple(r["aliases"]),
        mentions=tuple(mentions.get(r["actor_id"], ())),
        origin=r["origin"],
    )


def _places(fetch: Fetch) -> dict[str, tuple[Place, ...]]:
    every = _mentions(fetch, "place_mentions", "place_id")
    rows_by_document = fetch("document_places", "*")
    return {doc_id: tuple(_place(r, every[doc_id]) for r in rows) for doc_id, rows in rows_by_document.items()}


def _place(r: dict[str, Any], mentions: dict[str, list[Evidence]]) -> Place:
    return Place(
        id=r["place_id"],
        name=r["name"],
        country=r["country"],
        lat=r["lat"],
        lon=r["lon"],
        feature=r["feature"],
        precision=r["precision"],
        mentions=tuple(mentions.get(r["place_id"], ())),
    )


def _events(fetch: Fetch) -> dict[str, tuple[Event, ...]]:
    return {doc_id: tuple(_event(r) for r in rows) for doc_id, rows in fetch("events", "*").items()}


def _event(r: dict[str, Any]) -> Event:
    return Event(
        id=r["id"],
        type=r["type"],
        evidence=_flat_evidence(r),
        mode=r["mode"],
        actors=tuple(r["actors"]),
        recipients=tuple(r["recipients"]),
        place=r["place"],
        date=When(**r["date"]) if r["date"] is not None else None,
        fatalities=_toll(r["fatalities"]),
        wounded=_toll(r["wounded"]),
        captured=_toll(r["captured"]),
        status=r["status"],
        speaker=r["speaker"],
        codes=tuple((c["scheme"], c["code"]) for c in r["codes"]),
        confidence=r["confidence"],
        also=tuple(_evidence(e) for e in r["also"]),
    )


def _happenings(fetch: Fetch) -> dict[str, tuple[Happening, ...]]:
    return {doc_id: tuple(_happening(r) for r in rows) for doc_id, rows in fetch("happenings", "*").items()}


def _happening(r: dict[str, Any]) -> Happening:
    return Happening(
        id=r["id"],
        kind=r["kind"],
        evidence=_flat_evidence(r),
        place=r["place"],
        date=When(**r["date"]) if r["date"] is not None else None,
        fatalities=_toll(r["fatalities"]),
        wounded=_toll(r["wounded"]),
    )


def _claims(fetch: Fetch) -> dict[str, tuple[Claim, ...]]:
    return {doc_id: tuple(claim_from_row(r) for r in rows) for doc_id, rows in fetch("claims", "*").items()}


def claim_from_row(r: dict[str, Any]) -> Claim:
    """A claim from a row of the claims table (all its columns)."""
    return Claim(
        id=r["id"],
        text=r["text"],
        evidence=_flat_evidence(r),
        speaker=r["speaker"],
        speaker_text=r["speaker_text"],
        cue=r["cue"],
        direct=r["direct"],
        hedged=r["hedged"],
        author_stance=r["author_stance"],
        events=tuple(r["events"]),
        source_kind=r["source_kind"],
        co_speakers=tuple(r["co_speakers"]),
        speaker_evidence=_optional(r["speaker_evidence"]),
        cue_evidence=_optional(r["cue_evidence"]),
        outlet=r["outlet"],
        work=r["work"],
        hedges=tuple(_evidence(h) for h in r["hedges"]),
        stance_evidence=_optional(r["stance_evidence"]),
    )
