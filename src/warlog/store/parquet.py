"""Copy the store's tables to Parquet files with DuckDB's own writer (no pyarrow).

One file per table, `<table>.parquet` in the output folder, with the store's columns (docs/data-dictionary.md).
`actors` also carries each actor's `aliases` and `parents` as lists, so the file stands alone. With a
list of documents, only their rows are copied: the actors and places they name, and their corrections
with the corpus-wide ones.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb

from warlog.errors import StoreError

_IN = "list_contains($documents, {key})"
PARQUET_TABLES: dict[str, tuple[str, str]] = {  # table: (SELECT, condition with a document list)
    "documents": ("SELECT * FROM documents", _IN.format(key="id")),
    "actors": (
        """SELECT a.*,
            coalesce((SELECT list(alias ORDER BY seq) FROM actor_aliases x WHERE x.actor_id = a.id), []) AS aliases,
            coalesce((SELECT list(parent_id ORDER BY seq) FROM actor_parents x WHERE x.actor_id = a.id), []) AS parents
        FROM actors a""",
        "id IN (SELECT actor_id FROM document_actors WHERE " + _IN.format(key="document_id") + ")",
    ),
    "places": (
        "SELECT * FROM places",
        "id IN (SELECT place_id FROM document_places WHERE " + _IN.format(key="document_id") + ")",
    ),
    "events": ("SELECT * FROM events", _IN.format(key="document_id")),
    "happenings": ("SELECT * FROM happenings", _IN.format(key="document_id")),
    "claims": ("SELECT * FROM claims", _IN.format(key="document_id")),
    "contradictions": ("SELECT * FROM contradictions", _IN.format(key="document_id")),
    "relations": ("SELECT * FROM relations", _IN.format(key="document_id")),
    "corrections": ("SELECT * FROM corrections", f"(document_id IS NULL OR {_IN.format(key='document_id')})"),
}
_ORDER = {"documents": "id", "actors": "id", "places": "id", "corrections": "id"}


def copy_tables(con: duckdb.DuckDBPyConnection, folder: Path, documents: Sequence[str] | None = None) -> int:
    """Write every table of PARQUET_TABLES to `folder` (created if needed); the number of rows written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(f"cannot create the folder {folder}: {e.strerror or e}") from e
    total = 0
    for table, (select, condition) in PARQUET_TABLES.items():
        where = f" WHERE {condition}" if documents is not None else ""
        order = _ORDER.get(table, "document_id, seq")
        sql = f"COPY ({select}{where} ORDER BY {order}) TO $path (FORMAT parquet)"
        params: dict[str, object] = {"path": str(folder / f"{table}.parquet")}
        if documents is not None:
            params["documents"] = list(documents)
        row = con.execute(sql, params).fetchone()
        total += int(row[0]) if row else 0
    return total
