"""Batches in, Parquet shards out, and back: the one code path both engines run in their workers.

A worker analyzes a batch with `Pipeline.ingest` into a fresh in-memory store (the same reading,
extraction, failure handling and writer as `warlog ingest`), then copies each table of that store to
`OUT/<table>/part-NNNNN.parquet`: the store's own row shapes. Every file is written to a temporary
name and renamed; the batch's marker `OUT/_done/part-NNNNN.json` is written last, so a batch is done
exactly when its marker exists, and a rerun skips it.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

from warlog.batch.inputs import Record
from warlog.errors import InputError, StoreError
from warlog.model import Document, Failure
from warlog.store import SCHEMA_VERSION, Store
from warlog.store.schema import TABLES, migrate

if TYPE_CHECKING:
    from warlog.pipeline import Pipeline

# The store's tables that hold documents and what was found in them (not meta, not corrections).
SHARD_TABLES = tuple(table for table in TABLES if table not in ("meta", "corrections"))
DONE = "_done"


def part_name(part: int) -> str:
    return f"part-{part:05d}"


def done_parts(out: Path) -> set[int]:
    """The numbers of the batches whose shards are all written."""
    folder = out / DONE
    if not folder.is_dir():
        return set()
    return {int(p.stem.removeprefix("part-")) for p in folder.glob("part-*.json")}


def read_summary(out: Path, part: int) -> dict | None:
    """The summary a finished batch left in its marker, or None if the batch is not done."""
    path = out / DONE / f"{part_name(part)}.json"
    return json.loads(path.read_bytes()) if path.exists() else None


def memory_store() -> tuple[Store, duckdb.DuckDBPyConnection]:
    """A fresh in-memory store and its connection, on one thread (a worker owns one core)."""
    con = duckdb.connect(":memory:")
    con.execute("SET threads = 1")
    migrate(con, ":memory:")
    return Store(con, name=":memory:", schema_version=SCHEMA_VERSION), con


def analyze_batch(pipeline: Pipeline, part: int, records: list[Record], *, out: Path, published: str | None) -> dict:
    """Analyze one batch and write its shards; a summary with the worker's pid, peak memory, and the
    wall-clock times (epoch seconds) the batch started and finished."""
    started = time.time()
    store, con = scratch_store()
    items = (_item(record, pipeline=pipeline, published=published) for record in records)
    stats = pipeline.ingest(items, store)
    write_shards(con, out, part)
    summary: dict[str, int | float] = {
        "part": part,
        "records": len(records),
        "stored": stats.stored,
        "failed": stats.failed,
    }
    summary |= {"pid": os.getpid(), "peak_rss_mb": peak_rss_mb(), "started": started, "finished": time.time()}
    _write_atomic(out / DONE / f"{part_name(part)}.json", json.dumps(summary).encode())
    return summary


_scratch: dict[int, tuple[Store, duckdb.DuckDBPyConnection]] = {}


def scratch_store() -> tuple[Store, duckdb.DuckDBPyConnection]:
    """This process's in-memory store for one batch, emptied: made once per worker, as making one
    (a database and its schema) costs more than a batch of short documents takes to write."""
    if os.getpid() not in _scratch:
        _scratch.clear()  # a forked child does not share its parent's connection
        _scratch[os.getpid()] = memory_store()
    store, con = _scratch[os.getpid()]
    for table in SHARD_TABLES:
        con.execute(f'DELETE FROM "{table}"')
    return store, con


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux reports kilobytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _item(record: Record, *, pipeline: Pipeline, published: str | None) -> Document | Failure:
    """The Document of a record, or the Failure that says why there is none (as `warlog ingest` reads)."""
    from warlog.ingest.documents import Metadata
    from warlog.ingest.jsonl import line_document
    from warlog.ingest.sources import decode_document, document_from_text

    settings = pipeline.settings
    try:
        if record.kind == "failure":
            raise InputError(record.data.decode())
        if record.kind == "json":
            # The JSON Lines reader's own line parser, so a Parquet row reads exactly as a JSON line.
            document = line_document(record.data, name=record.name, published=published, settings=settings)
            given = json.loads(record.data).get("id")
            return replace(document, id=str(given)) if given else document
        text, kind = decode_document(record.data, name=record.name, suffix=record.suffix)
        default = Metadata(published=published)
        return document_from_text(text, kind, name=record.name, default=default, settings=settings)
    except InputError as e:
        return Failure(record.name, type(e).__name__, " ".join(str(e).split()))


def write_shards(con: duckdb.DuckDBPyConnection, out: Path, part: int) -> None:
    """Copy every SHARD_TABLES table to OUT/<table>/part-NNNNN.parquet, each atomically, in insertion order."""
    for table in SHARD_TABLES:
        target = out / table / f"{part_name(part)}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        con.execute(f'COPY (SELECT * FROM "{table}") TO $path (FORMAT parquet)', {"path": str(temporary)})
        os.replace(temporary, target)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)


def iter_shard_stores(folder: Path) -> Iterator[tuple[int, Store, duckdb.DuckDBPyConnection]]:
    """Each finished batch of a shard folder read back into an in-memory store of its own, in order."""
    parts = sorted(done_parts(folder))
    if not parts:
        raise InputError(f"{folder}: no finished batches (no {DONE}/part-*.json); run `warlog batch` first")
    for part in parts:
        store, con = memory_store()
        with store:
            for table in SHARD_TABLES:
                path = folder / table / f"{part_name(part)}.parquet"
                if not path.exists():
                    raise StoreError(f"{path} is missing though batch {part} is marked done; run the batch again")
                columns = "* EXCLUDE (id)" if table == "failures" else "*"
                sql = f'INSERT INTO "{table}" BY NAME SELECT {columns} FROM read_parquet($path)'
                con.execute(sql, {"path": str(path)})
            yield part, store, con


def load_shards(folder: Path, target: Store) -> dict[str, int]:
    """Merge a shard folder into `target` through `Store.save_many` (a transaction per shard), so corpus
    actors and places, corrections and failures are handled as in `warlog ingest`; documents already
    stored are skipped."""
    counts = {"stored": 0, "skipped": 0, "failed": 0}
    known = target.document_ids()
    for _, shard, con in iter_shard_stores(folder):
        for failure in shard.failures():
            target.record_failure(failure)
            counts["failed"] += 1
        ids = [row[0] for row in con.execute("SELECT id FROM documents").fetchall()]  # insertion order
        reports = [report for i in ids if i not in known and (report := shard.report(i)) is not None]
        stored = sum(target.save_many(reports))  # one transaction per shard
        known.update(report.document.id for report in reports)
        counts["stored"] += stored
        counts["skipped"] += len(ids) - stored
    return counts


def parquet_connection(folder: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB whose store tables are views over the shards of `folder`, read in place.

    A document in several shards (the same input twice) counts once: its first shard's rows; an actor
    or place, which every shard naming it repeats, is also taken from its first shard.
    """
    parts = sorted(done_parts(folder))
    if not parts:
        raise InputError(f"{folder}: no finished batches (no {DONE}/part-*.json); run `warlog batch` first")
    con = duckdb.connect(":memory:")
    migrate(con, ":memory:")
    for table in SHARD_TABLES:
        files = [str(folder / table / f"{part_name(part)}.parquet") for part in parts]
        con.execute(f'DROP TABLE "{table}"')
        source = f"read_parquet([{', '.join(_literal(f) for f in files)}], filename = true)"
        con.execute(f'CREATE VIEW "_raw_{table}" AS SELECT * FROM {source}')
    for table in SHARD_TABLES:
        con.execute(f'CREATE VIEW "{table}" AS {_first_copy(table)}')
    return con


def parquet_store(folder: Path) -> Store:
    """A read-only view of a shard folder as a Store, so `Store.query` (and `warlog query`) reads it."""
    return Store(parquet_connection(folder), name=str(folder), schema_version=SCHEMA_VERSION)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _first_copy(table: str) -> str:
    """The rows of `table` from the first shard of each document (or actor, place)."""
    part = "regexp_extract(filename, 'part-[0-9]+')"
    keys = {"documents": "id", "actors": "id", "places": "id", "actor_parents": "actor_id", "actor_aliases": "actor_id"}
    if table == "failures":
        return 'SELECT * EXCLUDE (filename) FROM "_raw_failures"'
    if table in keys:
        key = keys[table]
        owner = {"actor_parents": "_raw_actors", "actor_aliases": "_raw_actors"}.get(table, f"_raw_{table}")
        first = f'SELECT id, min({part}) AS p FROM "{owner}" GROUP BY id'
        return (
            f'SELECT t.* EXCLUDE (filename) FROM "_raw_{table}" t JOIN ({first}) f '
            f"ON t.{key} = f.id AND {part.replace('filename', 't.filename')} = f.p"
        )
    first = f'SELECT id, min({part}) AS p FROM "_raw_documents" GROUP BY id'
    return (
        f'SELECT t.* EXCLUDE (filename) FROM "_raw_{table}" t JOIN ({first}) f '
        f"ON t.document_id = f.id AND {part.replace('filename', 't.filename')} = f.p"
    )
