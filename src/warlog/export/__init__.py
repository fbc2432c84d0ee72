"""Export the store in other tools' formats: `export(store, format, out, **filters)`.

Formats (every field in docs/data-dictionary.md):
- acled-csv: ACLED's CSV, one row per incident in ACLED's scope: the events of several documents that tell
  one incident are one row (`per_event=True`: one row per event) (warlog.export.acled);
- plover-json: PLOVER event records, one JSON object a line (warlog.export.plover);
- jsonl: one full report (`Report.to_dict()`, docs/report.md) a line, one per document;
- parquet: one Parquet file per table in a folder (warlog.store.parquet);
- graphml, gexf: the actor graph, written by the same code as `warlog graph` (warlog.store.graph).

Filters: the event formats choose events (warlog.export.events; `min_confidence` keeps the events whose
confidence is at least it, `country` those whose place is in that country); jsonl and parquet choose
documents (`since`/`until` on the publication date, `actor` the documents naming the actor), and take no
`type`, `status` or `min_confidence`; the graph formats pass them to `Store.graph` (`status` one status
counted in place of the default ones) and take no `min_confidence` (their rows are ties between actors,
not events).

`reviewed` keeps only what an analyst accepted in the review queue (warlog.store.review): the events of
the event formats; for jsonl, each report keeps its accepted events and claims, the others dropped as a
rejection drops them (warlog.store.amend), and a document with none accepted is left out. Rejected
items are never exported: a rejection removes them from the store.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

from warlog.errors import StoreError
from warlog.export.acled import ACLED_COLUMNS, write_acled
from warlog.export.events import ANY_STATUS, chosen_events
from warlog.export.plover import write_plover
from warlog.export.reviewed import accepted_only
from warlog.model import EVENT_STATUSES
from warlog.store.query import confidence_problem

if TYPE_CHECKING:
    from warlog.store import Store

# Each format and the filters it takes.
_GRAPH_FILTERS = ("since", "until", "actor", "type", "status")
_EVENT_FILTERS = (*_GRAPH_FILTERS, "country", "min_confidence", "reviewed")
_DOCUMENT_FILTERS = ("since", "until", "actor")
FORMAT_FILTERS: dict[str, tuple[str, ...]] = {
    "acled-csv": _EVENT_FILTERS,
    "plover-json": _EVENT_FILTERS,
    "jsonl": (*_DOCUMENT_FILTERS, "reviewed"),
    "parquet": _DOCUMENT_FILTERS,
    "graphml": _GRAPH_FILTERS,
    "gexf": _GRAPH_FILTERS,
}
EXPORT_FORMATS = tuple(FORMAT_FILTERS)

__all__ = ["ACLED_COLUMNS", "ANY_STATUS", "EXPORT_FORMATS", "FORMAT_FILTERS", "export"]


def export(
    store: Store,
    format: str,
    out: BinaryIO | Path,
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    status: str | None = None,
    min_confidence: float | None = None,
    per_event: bool = False,
    country: str | None = None,
    reviewed: bool = False,
) -> int:
    """Write the store (or the part the filters choose) in one of EXPORT_FORMATS.

    Args:
        store: an open store.
        format: one of EXPORT_FORMATS.
        out: a binary stream or a file path; for parquet, a folder path (created if needed).
        since: ISO date (YYYY, YYYY-MM or YYYY-MM-DD); events (documents) dated on or after it.
        until: ISO date; events (documents) dated on or before it.
        actor: an actor id or part of a name or alias.
        type: a PLOVER event type (event and graph formats).
        status: an event status, or "any" (event formats); default: the events that happened.
        min_confidence: a number from 0 to 1 (acled-csv, plover-json): the events whose confidence is
            at least it.
        country: an ISO country code (acled-csv, plover-json): the events whose place is in it.
        per_event: acled-csv only: one row per event, not one per incident.
        reviewed: only what an analyst accepted (acled-csv, plover-json, jsonl).

    Returns:
        What was written: rows (acled-csv, parquet: of every table), events (plover-json), reports
        (jsonl) or ties between actors (graphml, gexf).

    Raises:
        StoreError: an unknown format, a filter the format does not take, an invalid filter value, or
            an output that cannot be written; the message says which and lists the valid choices.
    """
    if format not in FORMAT_FILTERS:
        raise StoreError(f"unknown export format {format!r}; valid choices: {', '.join(EXPORT_FORMATS)}")
    given = {"since": since, "until": until, "actor": actor, "type": type, "status": status, "country": country}
    filters: dict[str, Any] = {name: value for name, value in given.items() if value is not None}
    if min_confidence is not None:
        filters["min_confidence"] = min_confidence
    if reviewed:
        filters["reviewed"] = True
    extra = [name for name in filters if name not in FORMAT_FILTERS[format]]
    if extra:
        raise StoreError(
            f"filter {extra[0]!r} does not apply to {format}; it takes: {', '.join(FORMAT_FILTERS[format])}"
        )
    if per_event and format != "acled-csv":
        raise StoreError(f"per_event applies to acled-csv only, not to {format}")
    if min_confidence is not None and (problem := confidence_problem(min_confidence)):
        raise StoreError(problem)  # before the output is opened
    if format == "parquet":
        if not isinstance(out, Path):
            raise StoreError("parquet writes one file per table: give a folder path, not a stream")
        return store.copy_to_parquet(out, _documents(store, filters) if filters else None)
    chosen = {name: value for name, value in filters.items() if name != "reviewed"}
    writers: dict[str, Callable[[IO[bytes]], int]] = {
        "acled-csv": lambda stream: write_acled(chosen_events(store, **filters), stream, per_event=per_event),
        "plover-json": lambda stream: write_plover(chosen_events(store, **filters), stream),
        "jsonl": lambda stream: _write_reports(store, _documents(store, chosen), stream, reviewed=reviewed),
    }
    write = writers.get(format) or (lambda stream: _write_graph(store, format, stream, **filters))
    with _opened(out) as stream:
        return write(stream)


@contextmanager
def _opened(out: BinaryIO | Path) -> Iterator[IO[bytes]]:
    """The stream itself, or the file at the path opened for writing (a one-line error if it cannot be)."""
    if not isinstance(out, Path):
        yield out
        return
    try:
        stream = out.open("wb")
    except OSError as e:
        raise StoreError(f"cannot write {out}: {e.strerror or e}") from e
    with stream:
        yield stream


def _documents(store: Store, filters: dict[str, Any]) -> list[str]:
    """The documents the filters choose (of _DOCUMENT_FILTERS: the only ones these formats take)."""
    result = store.query(
        "documents", since=filters.get("since"), until=filters.get("until"), actor=filters.get("actor")
    )
    return [row[0] for row in result.rows]


def _write_reports(store: Store, documents: list[str], out: IO[bytes], *, reviewed: bool = False) -> int:
    written = 0
    reports = store.reports(documents)
    if reviewed:
        reports = (r for r in map(partial(accepted_only, store.corrections()), reports) if r is not None)
    for report in reports:
        out.write(json.dumps(report.to_dict(), ensure_ascii=False).encode("utf-8") + b"\n")
        written += 1
    return written


def _write_graph(
    store: Store,
    format: str,
    out: IO[bytes],
    *,
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    type: str | None = None,
    status: str | None = None,
) -> int:
    statuses = None if status is None else EVENT_STATUSES if status == ANY_STATUS else (status,)
    graph = store.graph(since=since, until=until, actor=actor, type=type, statuses=statuses)
    out.write(graph.render(format).encode("utf-8"))
    return len(graph.edges)
