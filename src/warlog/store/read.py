"""Rebuild a stored document's Report from the normalized tables, exactly as it was saved."""

from __future__ import annotations

from collections import defaultdict
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


def _rows(con: duckdb.DuckDBPyConnection, sql: str, doc_id: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql, {"doc": doc_id})
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


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


def _mentions(con: duckdb.DuckDBPyConnection, table: str, key: str, doc_id: str) -> dict[str, list[Evidence]]:
    found: dict[str, list[Evidence]] = defaultdict(list)
    sql = (
        f'SELECT {key} AS owner, "start", "end", "text", "rule", confidence FROM {table} '
        "WHERE document_id = $doc ORDER BY owner, seq"
    )
    for row in _rows(con, sql, doc_id):
        found[row["owner"]].append(_evidence(row))
    return found


def load_report(con: duckdb.DuckDBPyConnection, doc_id: str) -> Report | None:
    """The stored report of a document, or None when the document is not stored."""
    documents = _rows(con, "SELECT * FROM documents WHERE id = $doc", doc_id)
    if not documents:
        return None
    row = documents[0]
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
        actors=_actors(con, doc_id),
        places=_places(con, doc_id),
        events=_events(con, doc_id),
        claims=_claims(con, doc_id),
        contradictions=tuple(
            Contradiction.from_dict(r)
            for r in _rows(con, "SELECT * FROM contradictions WHERE document_id = $doc ORDER BY seq", doc_id)
        ),
        relations=tuple(
            Relation(
                source=r["source"],
                target=r["target"],
                polarity=r["polarity"],
                weight=r["weight"],
                events=tuple(r["events"]),
            )
            for r in _rows(con, "SELECT * FROM relations WHERE document_id = $doc ORDER BY seq", doc_id)
        ),
        provenance=tuple((p["name"], p["version"]) for p in row["provenance"]),
        happenings=_happenings(con, doc_id),
    )


def _actors(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Actor, ...]:
    mentions = _mentions(con, "mentions", "actor_id", doc_id)
    return tuple(
        Actor(
            id=r["actor_id"],
            name=r["name"],
            kind=r["kind"],
            country=r["country"],
            parents=tuple(r["parents"]),
            aliases=tuple(r["aliases"]),
            mentions=tuple(mentions.get(r["actor_id"], ())),
            origin=r["origin"],
        )
        for r in _rows(con, "SELECT * FROM document_actors WHERE document_id = $doc ORDER BY seq", doc_id)
    )


def _places(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Place, ...]:
    mentions = _mentions(con, "place_mentions", "place_id", doc_id)
    return tuple(
        Place(
            id=r["place_id"],
            name=r["name"],
            country=r["country"],
            lat=r["lat"],
            lon=r["lon"],
            feature=r["feature"],
            precision=r["precision"],
            mentions=tuple(mentions.get(r["place_id"], ())),
        )
        for r in _rows(con, "SELECT * FROM document_places WHERE document_id = $doc ORDER BY seq", doc_id)
    )


def _events(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Event, ...]:
    return tuple(
        Event(
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
        for r in _rows(con, "SELECT * FROM events WHERE document_id = $doc ORDER BY seq", doc_id)
    )


def _happenings(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Happening, ...]:
    return tuple(
        Happening(
            id=r["id"],
            kind=r["kind"],
            evidence=_flat_evidence(r),
            place=r["place"],
            date=When(**r["date"]) if r["date"] is not None else None,
            fatalities=_toll(r["fatalities"]),
            wounded=_toll(r["wounded"]),
        )
        for r in _rows(con, "SELECT * FROM happenings WHERE document_id = $doc ORDER BY seq", doc_id)
    )


def _claims(con: duckdb.DuckDBPyConnection, doc_id: str) -> tuple[Claim, ...]:
    return tuple(
        Claim(
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
        for r in _rows(con, "SELECT * FROM claims WHERE document_id = $doc ORDER BY seq", doc_id)
    )
