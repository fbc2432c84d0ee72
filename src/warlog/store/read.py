"""Rebuild stored documents' Reports from the normalized tables, exactly as they were saved.

`load_reports` reads a batch of documents with one query per table, the rows grouped by document in
Python; `load_report` is a batch of one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
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


def _mentions(
    con: duckdb.DuckDBPyConnection, table: str, key: str, doc_ids: Sequence[str]
) -> dict[str, dict[str, list[Evidence]]]:
    """Each document's mentions by their actor or place, each owner's in `seq` order."""
    found: dict[str, dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    columns = f'{key} AS owner, "start", "end", "text", "rule", confidence'
    for doc_id, rows in _rows(con, table, doc_ids, columns).items():
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
    actors, places = _actors(con, ids), _places(con, ids)
    events, claims, happenings = _events(con, ids), _claims(con, ids), _happenings(con, ids)
    contradictions, relations = _rows(con, "contradictions", ids), _rows(con, "relations", ids)
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


def _actors(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, tuple[Actor, ...]]:
    every = _mentions(con, "mentions", "actor_id", doc_ids)
    return {
        doc_id: tuple(_actor(r, every[doc_id]) for r in rows)
        for doc_id, rows in _rows(con, "document_actors", doc_ids).items()
    }


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


def _places(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, tuple[Place, ...]]:
    every = _mentions(con, "place_mentions", "place_id", doc_ids)
    return {
        doc_id: tuple(_place(r, every[doc_id]) for r in rows)
        for doc_id, rows in _rows(con, "document_places", doc_ids).items()
    }


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


def _events(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, tuple[Event, ...]]:
    return {doc_id: tuple(_event(r) for r in rows) for doc_id, rows in _rows(con, "events", doc_ids).items()}


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


def _happenings(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, tuple[Happening, ...]]:
    return {doc_id: tuple(_happening(r) for r in rows) for doc_id, rows in _rows(con, "happenings", doc_ids).items()}


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


def _claims(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> dict[str, tuple[Claim, ...]]:
    return {doc_id: tuple(_claim(r) for r in rows) for doc_id, rows in _rows(con, "claims", doc_ids).items()}


def _claim(r: dict[str, Any]) -> Claim:
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
