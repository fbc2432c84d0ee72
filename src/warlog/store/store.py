"""The embedded DuckDB store: one file holds every report of a corpus, normalized for querying."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

import duckdb

from warlog.errors import StoreError
from warlog.model import Failure, Report
from warlog.store import listings
from warlog.store.corrections import (
    Correction,
    correct_report,
    correct_reports,
    list_corrections,
    record_correction,
)
from warlog.store.query import FILTER_NAMES, ActorSummary, Filters, Page
from warlog.store.read import load_report, load_reports, stream_reports
from warlog.store.schema import TABLES, migrate
from warlog.store.write import (
    Writer,
    check_unique_ids,
    delete_document_rows,
    drop_orphans,
    insert_report,
    insert_reports,
)

if TYPE_CHECKING:
    from warlog.incidents.cluster import Incident
    from warlog.packs.ontology import Ontology
    from warlog.store.graph import ActorGraph
    from warlog.store.incidents import IncidentAccounts
    from warlog.store.names import Names
    from warlog.store.review import ReviewQueue
    from warlog.store.trends import Trends

_MEMORY = ":memory:"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _open_error(name: str, error: duckdb.Error) -> StoreError:
    """A one-line StoreError that says why DuckDB could not open the file and what to do."""
    message = _first_line(error)
    if "not a valid DuckDB database" in message:
        return StoreError(f"{name} is not a DuckDB database; give the path of a warlog store or of a new file")
    if "Could not set lock" in message:
        pid = re.search(r"PID (\d+)", message)
        holder = f" (PID {pid.group(1)})" if pid else ""
        return StoreError(
            f"{name} is locked by another process{holder}; wait for it to finish or stop it, then try again"
        )
    if "database does not exist" in message:
        return StoreError(f"{name} does not exist; a read-only store must already exist")
    return StoreError(f"cannot open store {name}: {message}")


class Store:
    """A warlog store. Open it with `Store.open(path)`; use it as a context manager to close it."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, name: str, schema_version: int) -> None:
        self._con: duckdb.DuckDBPyConnection | None = con
        self._writer = Writer(con)
        self.name = name
        self.schema_version = schema_version

    @classmethod
    def open(cls, path: str | Path | None, *, read_only: bool = False) -> Store:
        """Open (creating or migrating if needed) the store at `path`.

        Args:
            path: the database file; None or ":memory:" for a store in memory. Missing parent
                folders are created.
            read_only: open without writing; the store must exist and be up to date.

        Raises:
            StoreError: the file is not a DuckDB database or not a warlog store, is locked by another
                process, was written by a newer warlog, or cannot be created.
        """
        in_memory = path is None or str(path) == _MEMORY
        name = _MEMORY if path is None or in_memory else str(Path(path).expanduser())
        if in_memory and read_only:
            raise StoreError("an in-memory store cannot be opened read-only; give a file path")
        if not in_memory and not read_only:
            try:
                Path(name).parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the folder for store {name}: {e.strerror or e}") from e
        try:
            con = duckdb.connect(_MEMORY if in_memory else name, read_only=read_only)
        except duckdb.Error as e:
            raise _open_error(name, e) from e
        try:
            version = migrate(con, name, read_only=read_only)
        except StoreError:
            con.close()
            raise
        except duckdb.Error as e:
            con.close()
            raise StoreError(f"cannot read the schema of store {name}: {_first_line(e)}") from e
        return cls(con, name=name, schema_version=version)

    def close(self) -> None:
        """Close the store; closing twice is harmless."""
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.name!r}, schema_version={self.schema_version})"

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The store's DuckDB connection, for read-only queries of its tables; every write goes through
        the Store's methods, which keep the rows consistent."""
        return self._connection

    def snapshot(self) -> Store:
        """The store as it is now, for reading on a connection of its own (a DuckDB cursor) in one
        transaction: writes made afterwards are not seen in it, and reading it neither waits for this
        store's connection nor makes it wait. Close it when done; use each connection from one thread
        at a time. Its write methods raise StoreError.

        Raises:
            StoreError: the store is closed, or DuckDB cannot open the transaction.
        """
        con = self._connection.cursor()
        try:
            con.begin()
            # DuckDB fixes a transaction's view at its first read, not at BEGIN: read now.
            con.execute("SELECT count(*) FROM documents").fetchone()
        except duckdb.Error as e:
            con.close()
            raise StoreError(f"cannot take a snapshot of store {self.name}: {_first_line(e)}") from e
        return Store(con, name=self.name, schema_version=self.schema_version)

    @property
    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            raise StoreError(f"store {self.name} is closed; open it again with Store.open()")
        return self._con

    @contextmanager
    def _reading(self, action: str) -> Iterator[duckdb.DuckDBPyConnection]:
        con = self._connection
        try:
            yield con
        except duckdb.Error as e:
            raise StoreError(f"cannot {action} in store {self.name}: {_first_line(e)}") from e

    @contextmanager
    def _transaction(self, action: str) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run the block in one transaction: everything it wrote is committed, or nothing."""
        con = self._connection
        try:
            con.begin()
            yield con
            con.commit()
        except BaseException as e:
            # The block's error is what matters; a rollback failing after it adds nothing.
            with suppress(duckdb.Error):
                con.rollback()
            if isinstance(e, duckdb.Error):
                raise StoreError(f"cannot {action} in store {self.name}: {_first_line(e)}") from e
            raise

    def has_document(self, document_id: str) -> bool:
        """Whether a report of this document is stored."""
        with self._reading("look up a document") as con:
            found = con.execute("SELECT 1 FROM documents WHERE id = $id", {"id": document_id}).fetchone()
        return found is not None

    def document_text(self, document_id: str) -> str | None:
        """The stored text of a document; None if it is not stored."""
        with self._reading("read a document's text") as con:
            found = con.execute("SELECT text FROM documents WHERE id = $id", {"id": document_id}).fetchone()
        return None if found is None else found[0]

    def document_ids(self) -> set[str]:
        """The ids of every stored document (to skip them quickly in a large ingest)."""
        with self._reading("list documents") as con:
            return {row[0] for row in con.execute("SELECT id FROM documents").fetchall()}

    def save(self, report: Report) -> bool:
        """Store a report in one transaction; False (and nothing written) if its document is stored.

        The corrections of the document and of the corpus are applied first (warlog.store.corrections).
        Saving also clears the recorded failures of this document: those with its id, or whose
        source is the document's source or URL.

        Raises:
            StoreError: the report cannot be written (e.g. two actors share an id); nothing is stored.
        """
        check_unique_ids(report)
        with self._transaction(f"save document {report.document.id!r}") as con:
            if con.execute("SELECT 1 FROM documents WHERE id = $id", {"id": report.document.id}).fetchone():
                return False
            report, _ = correct_report(con, report)
            insert_report(self._writer, con, report)
            self._clear_failures(con, [report])
        return True

    def save_many(self, reports: Sequence[Report]) -> list[bool]:
        """Store reports in one transaction, with one insert per table: the store ends as `save` of
        each report in order leaves it (only `documents.stored_at` may differ), much faster.

        Returns:
            Per report, whether it was stored: False when its document is stored, or when an earlier
            report of the batch has the same document id.

        Raises:
            StoreError: a report cannot be written (e.g. two actors share an id); nothing of the
                batch is stored.
        """
        for report in reports:
            check_unique_ids(report)
        with self._transaction(f"save {len(reports)} documents") as con:
            ids = [report.document.id for report in reports]
            found = con.execute("SELECT id FROM documents WHERE list_contains($ids, id)", {"ids": ids}).fetchall()
            seen = {row[0] for row in found}
            saved = []
            for doc_id in ids:
                saved.append(doc_id not in seen)
                seen.add(doc_id)
            fresh = correct_reports(con, [report for report, new in zip(reports, saved, strict=True) if new])
            insert_reports(self._writer, con, fresh)
            self._clear_failures(con, fresh)
        return saved

    def replace(self, report: Report) -> tuple[Correction, ...]:
        """Store a report in one transaction, replacing any stored report of the same document.

        The corrections of the document and of the corpus are applied to the new report, as on a save.

        Returns:
            The corrections of this document that found no target in the new report (kept in the
            trail, marked not applied).
        """
        check_unique_ids(report)
        with self._transaction(f"replace document {report.document.id!r}") as con:
            actor_ids, place_ids = delete_document_rows(con, report.document.id)
            report, missed = correct_report(con, report)
            insert_report(self._writer, con, report, replacing=True)
            drop_orphans(con, actor_ids, place_ids)
            self._clear_failures(con, [report])
        return missed

    def correct(self, correction: Correction) -> Correction:
        """Record a correction and apply it to the stored reports, in one transaction; it is applied
        again whenever its document is saved or replaced (rules: warlog.store.corrections, .amend).

        Args:
            correction: made with `Correction.merge_actors`, `add_alias`, `set_event_type`,
                `set_event_status`, `set_event_actors` or `reject`; author and note are optional.

        Returns:
            The stored correction, with its id, time, the value before, and `applied` true.

        Raises:
            StoreError: the kind, document, target or new value is unknown or invalid (the message
                says which and lists the valid choices); nothing is written.
        """
        with self._transaction(f"record a {correction.kind} correction") as con:
            return record_correction(con, self._writer, correction)

    def corrections(self, target: str | None = None, *, document: str | None = None) -> tuple[Correction, ...]:
        """The audit trail, oldest first: every correction, or those of one target id (an actor's
        include its mentions and the merges into it), or those of one document and the corpus."""
        with self._reading("list corrections") as con:
            return list_corrections(con, target=target, document=document)

    def review_queue(
        self,
        *,
        facts: Sequence[str] = ("event", "claim"),
        document: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> ReviewQueue:
        """The events and claims no analyst has accepted yet, most worth a decision first (the ranking:
        warlog.store.review); decide with `correct(Correction.accept(...))` or `Correction.reject(...)`.

        Args:
            facts: "event", "claim" or both.
            document: keep the items of the documents whose id starts with this.
            limit: at most this many items (None: all).
            offset: skip this many first.

        Raises:
            StoreError: a fact that is not "event" or "claim".
        """
        from warlog.store.corrections import ACCEPTABLE
        from warlog.store.review import review_queue

        unknown = [f for f in facts if f not in ACCEPTABLE]
        if unknown:
            raise StoreError(f"cannot review {unknown[0]!r}; valid choices: {', '.join(ACCEPTABLE)}")
        with self._reading("read the review queue") as con:
            return review_queue(con, facts=facts, document=document, limit=limit, offset=offset)

    def copy_to_parquet(self, folder: str | Path, documents: Iterable[str] | None = None) -> int:
        """Write the tables to `folder/<table>.parquet` (rules: warlog.store.parquet); the rows written."""
        from warlog.store.parquet import copy_tables

        with self._reading("write Parquet files") as con:
            return copy_tables(con, Path(folder), None if documents is None else list(documents))

    def reports(self, document_ids: Iterable[str] | None = None, *, batch: int = 500) -> Iterator[Report]:
        """The stored reports of these documents (default: all, by id), one at a time, in their order; unknown
        ids are skipped.

        One query per table for all the documents (warlog.store.read.stream_reports), its rows read `batch`
        documents at a time: the cost grows with the rows read, not with the rows times the batches."""
        ids = sorted(self.document_ids()) if document_ids is None else list(document_ids)
        if len(ids) <= batch:
            with self._reading(f"read {len(ids)} documents") as con:
                found = load_reports(con, ids)
            yield from (found[i] for i in ids if i in found)
            return
        repeated = {i for i, n in Counter(ids).items() if n > 1}
        kept: dict[str, Report] = {}  # the reports of ids asked for again later
        with self._reading(f"read {len(ids)} documents") as con:
            stream = stream_reports(con, list(dict.fromkeys(ids)), chunk=batch)
            pending = next(stream, None)
            for i in ids:
                if i in kept:
                    yield kept[i]
                elif pending is not None and pending.document.id == i:
                    if i in repeated:
                        kept[i] = pending
                    yield pending
                    pending = next(stream, None)

    def _clear_failures(self, con: duckdb.DuckDBPyConnection, reports: Sequence[Report]) -> None:
        """Delete the failures of these documents: those with their ids, or their sources or URLs."""
        if not reports:
            return
        documents = [report.document for report in reports]
        sources = [s for document in documents for s in (document.source, document.url) if s is not None]
        con.execute(
            "DELETE FROM failures WHERE list_contains($ids, document_id) OR list_contains($sources, source)",
            {"ids": [document.id for document in documents], "sources": sources},
        )

    def record_failure(self, failure: Failure) -> None:
        """Record a document that could not be read or analyzed, with the time (UTC).

        A source that fails again replaces its earlier row, so a rerun does not pile up duplicates."""
        with self._transaction("record a failure") as con:
            con.execute("DELETE FROM failures WHERE source = ?", [failure.source])
            self._writer.insert(
                "failures",
                [{**failure.to_dict(), "at": datetime.now(UTC).replace(tzinfo=None)}],
            )

    def failures(self) -> list[Failure]:
        """Every recorded failure, oldest first."""
        with self._reading("list failures") as con:
            rows = con.execute('SELECT source, reason, message, document_id FROM failures ORDER BY "at", id').fetchall()
        return [Failure(source=s, reason=r, message=m, document_id=d) for s, r, m, d in rows]

    def report(self, document_id: str) -> Report | None:
        """The stored report of a document, equal to the one saved; None if it is not stored."""
        with self._reading(f"read document {document_id!r}") as con:
            return load_report(con, document_id)

    def count(self, table: str) -> int:
        """The number of rows in one of the store's tables.

        Raises:
            StoreError: `table` is not a table of the store; the message lists them.
        """
        if table not in TABLES:
            raise StoreError(f"no table {table!r} in the store; valid choices: {', '.join(TABLES)}")
        with self._reading(f"count {table}") as con:
            row = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
        return int(row[0]) if row else 0

    def find(
        self,
        what: str,
        filters: Filters | None = None,
        *,
        sort: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Page:
        """Query the corpus: the rows of one kind of item that the filters keep, one page of them.

        Args:
            what: one of QUERY_KINDS: "documents", "actors", "events", "claims", "places", "failures",
                "contradictions".
            filters: what to keep (each kind takes some of them; what each means: warlog.store.query).
            sort: a sort name of the kind (`warlog.store.listings.sort_choices`), `-name` for
                descending; default: by date, or for actors and places by most documents.
            limit: at most this many rows (None: all).
            offset: skip this many rows first.

        Returns:
            A Page: the columns, the rows and the total the filters keep. Actors and places have one
            row per id, with their numbers of documents and mentions in the documents the filters keep.

        Raises:
            StoreError: `what` is unknown, a filter does not apply to it, or a value is invalid; the
                message lists the valid choices.
        """
        with self._reading(f"query {what}") as con:
            return listings.find(con, what, filters or Filters(), sort=sort, limit=limit, offset=offset)

    def query(
        self, what: str, *, sort: str | None = None, limit: int | None = None, offset: int = 0, **filters: Any
    ) -> Page:
        """`find` with the filters as keywords: `store.query("events", actor="rus", since="2015")`.

        Raises:
            StoreError: as `find`, and for a keyword that is no filter.
        """
        unknown = sorted(set(filters) - set(FILTER_NAMES))
        if unknown:
            raise StoreError(f"no filter {unknown[0]!r}; valid choices: {', '.join(FILTER_NAMES)}")
        return self.find(what, Filters(**filters), sort=sort, limit=limit, offset=offset)

    def actor_summary(self, actor_id: str, *, sample: int = 50) -> ActorSummary | None:
        """The stored actor `actor_id` (an id, not a name) with its parents, aliases and number of
        documents, and the first `sample` of its events as actor and as recipient, its claims as speaker
        and its relations, each with its total; None if the store has no such actor."""
        with self._reading(f"read actor {actor_id!r}") as con:
            return listings.actor_summary(con, actor_id, sample=sample)

    def names(self, *, actors: Iterable[str] = (), places: Iterable[str] = ()) -> Names:
        """The names of these actor and place ids; `Names.actor(id)` and `Names.place(id)` give an
        unknown id back as it is."""
        from warlog.store.names import read_names

        with self._reading("read names") as con:
            return read_names(con, actors, places)

    def has_actor(self, actor: str) -> bool:
        """Whether `actor` names a stored actor: its id, or part of its name or alias (any case)."""
        with self._reading("look up an actor") as con:
            return listings.has_actor(con, actor)

    def graph(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        actor: str | None = None,
        type: str | None = None,
        statuses: tuple[str, ...] | None = None,
        affiliations: bool = True,
        ontology: Ontology | None = None,
    ) -> ActorGraph:
        """The actor graph of the corpus: cooperative and hostile ties from the stored events, and
        affiliations (rules: warlog.store.graph).

        Args:
            since: ISO date; keep events dated on or after it (an undated event has its document's date).
            until: ISO date; keep events dated on or before it.
            actor: an actor id (or part of a name or alias); keep the ties that touch it.
            type: a PLOVER event type; keep the ties from events of this type.
            statuses: the event statuses that count (default: asserted, reported, claimed).
            affiliations: add affiliation edges from the actors to their parents.
            ontology: the event ontology (default: the built-in one), for the quad class of each type.

        Returns:
            An ActorGraph; `render("graphml" | "gexf" | "json")` writes it.

        Raises:
            StoreError: an unknown type, status or actor, or a date that is not ISO 8601.
        """
        from warlog.model import HAPPENED
        from warlog.packs.ontology import builtin_ontology
        from warlog.store.graph import build_graph

        with self._reading("build the actor graph") as con:
            return build_graph(
                con, ontology=ontology or builtin_ontology(), since=since, until=until, actor=actor, type=type,
                statuses=statuses if statuses is not None else HAPPENED, affiliations=affiliations,
            )  # fmt: skip

    def trends(
        self,
        filters: Filters | None = None,
        *,
        period: str = "week",
        by: str = "type",
        metric: str = "events",
        top: int = 8,
    ) -> Trends:
        """Events (or their dead) per period, one series per type, actor, country or region (rules:
        warlog.store.trends).

        Args:
            filters: the events that count (the event listing's filters, and `country`).
            period: day, week, month or year.
            by: type, actor, country or admin1.
            metric: events or fatalities.
            top: how many series to keep (the rest are summed as "other").

        Raises:
            StoreError: an unknown period, grouping, metric or filter, or too many periods.
        """
        from warlog.store.trends import trends

        with self._reading("compute a trend") as con:
            return trends(con, filters or Filters(), period=period, by=by, metric=metric, top=top)

    def incidents(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        actor: str | None = None,
        max_km: float = 50.0,
        max_days: int = 3,
        min_documents: int = 1,
        ontology: Ontology | None = None,
    ) -> tuple[Incident, ...]:
        """The incidents of the corpus: the stored events grouped across documents, each incident with
        all its accounts and the contradictions between its documents (rules: warlog.incidents).

        Args:
            since: ISO date; group the events dated on or after it (an undated event has its document's date).
            until: ISO date; group the events dated on or before it.
            type: a PLOVER event type; group only events of this type.
            actor: an actor id (or part of a name or alias); keep the incidents that name it.
            max_km: the farthest apart two places of one incident may be.
            max_days: the most days apart two dates of one incident may be.
            min_documents: keep the incidents told by at least this many documents.
            ontology: the event ontology (default: the built-in one), to check `type`.

        Returns:
            Incidents ordered by their first date (undated last).

        Raises:
            StoreError: an unknown type or actor, or a date that is not ISO 8601.
        """
        from warlog.store.incidents import group_incidents

        found = self.incident_accounts(since=since, until=until, type=type, actor=actor, ontology=ontology)
        return group_incidents(found, max_km=max_km, max_days=max_days, min_documents=min_documents)

    def incident_accounts(
        self,
        *,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        actor: str | None = None,
        ontology: Ontology | None = None,
    ) -> IncidentAccounts:
        """What `incidents` reads from the store (filters as there); `warlog.store.incidents.group_incidents`
        groups it without the store, so a server need not hold the store while incidents are grouped.

        Raises:
            StoreError: an unknown type or actor, or a date that is not ISO 8601.
        """
        from warlog.packs.ontology import builtin_ontology
        from warlog.store.incidents import read_accounts

        with self._reading("read the events to group into incidents") as con:
            return read_accounts(
                con, ontology=ontology or builtin_ontology(), since=since, until=until, type=type, actor=actor
            )
