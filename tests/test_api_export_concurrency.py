"""An export in progress does not hold the store: reads and writes go on, and the export sees a snapshot.

A real uvicorn server in a thread of the test (so that the store can be patched): the export is held after
its first batch of reports until the test lets it go, so "in progress" does not depend on timing; the bounds are
only there so that a regression fails instead of hanging.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
import uvicorn

from warlog.api import create_app, export_stream
from warlog.api.server import bind, url_of
from warlog.errors import StoreError
from warlog.store import Correction, Store
from warlog.store import store as store_module

TEXTS = (
    ("Russian aircraft struck rebel positions near Aleppo on 10 October 2015, killing 12 fighters.", "2015-10-11"),
    ("Islamic State fighters attacked a Kurdish checkpoint in Kobani on 3 June 2016, wounding five.", "2016-06-04"),
    ("Government forces shelled Idlib on 2 March 2017, killing three civilians, residents said.", "2017-03-03"),
)
BOUND = 15  # seconds: far beyond what any of these requests takes when nothing blocks it
HOLD = 4 * BOUND  # the longest an export is held: longer than a blocked read waits before failing


@pytest.fixture(scope="module")
def corpus(pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("export") / "corpus.duckdb"
    with Store.open(path) as store:
        for text, published in TEXTS:
            store.save(pipeline.extract(text, published=published))
    return path


@pytest.fixture
def server(corpus: Path, pipeline: Any, tmp_path: Path) -> Iterator[str]:
    """A writable app over a copy of the corpus, served on a free loopback port."""
    path = tmp_path / "copy.duckdb"
    path.write_bytes(corpus.read_bytes())
    app = create_app(path, settings=pipeline.settings, pipeline_loader=lambda: pipeline)
    sock = bind("127.0.0.1", 0)
    uvicorn_server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=uvicorn_server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + BOUND
    while not uvicorn_server.started and time.monotonic() < deadline:
        time.sleep(0.01)
    yield url_of(sock)
    uvicorn_server.should_exit = True
    thread.join(BOUND)


class HeldExport:
    """The store's batch read of reports patched so that the first batch (the export's first reports)
    waits for `release`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.held = threading.Event()
        self.release = threading.Event()
        original = store_module.load_reports

        def load_reports(con: Any, document_ids: Any) -> Any:
            found = original(con, document_ids)
            if not self.held.is_set():
                self.held.set()
                self.release.wait(HOLD)
            return found

        monkeypatch.setattr(store_module, "load_reports", load_reports)


def test_reads_and_writes_go_on_while_an_export_is_in_progress(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    export = HeldExport(monkeypatch)
    exported: dict[str, Any] = {}

    def run_export() -> None:
        with httpx.Client(base_url=server, timeout=HOLD * 2) as client:
            response = client.get("/api/export", params={"format": "jsonl"})
            exported.update(status=response.status_code, lines=response.text.splitlines())

    exporter = threading.Thread(target=run_export)
    exporter.start()
    try:
        assert export.held.wait(BOUND), "the export did not start"
        with httpx.Client(base_url=server, timeout=BOUND) as client:
            events = client.get("/api/events")  # timed out here before the export left the lock
            assert events.status_code == 200 and events.json()["total"] >= 3
            event = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"][0]
            correction = {
                "kind": "set_event_status", "target": event["id"], "document": event["document"], "after": "denied"
            }  # fmt: skip
            assert client.post("/api/corrections", json=correction).status_code == 201
            assert export.held.is_set() and exporter.is_alive()  # all of it while the export was held
    finally:
        export.release.set()
        exporter.join(HOLD * 2)
    assert exported["status"] == 200 and len(exported["lines"]) == len(TEXTS)
    # the export reads one snapshot, taken when it began: the correction made meanwhile is not in it
    reports = {r["document"]["id"]: r for r in map(json.loads, exported["lines"])}
    statuses = {e["id"]: e["status"] for e in reports[event["document"]]["events"]}
    assert statuses[event["id"]] == event["status"] != "denied"
    with httpx.Client(base_url=server, timeout=BOUND) as client:
        after = client.get("/api/export", params={"format": "jsonl"}).text.splitlines()
    statuses = {e["id"]: e["status"] for r in map(json.loads, after) for e in r["events"]}
    assert statuses[event["id"]] == "denied"


def test_an_abandoned_export_closes_its_snapshot(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    export = HeldExport(monkeypatch)
    closed = threading.Event()
    original_close = Store.close

    def close(store: Store) -> None:
        closed.set()  # only the export's snapshot closes while the server runs
        original_close(store)

    monkeypatch.setattr(Store, "close", close)
    host, port = httpx.URL(server).host, httpx.URL(server).port
    try:
        with socket.create_connection((host, port), timeout=BOUND) as client:
            client.sendall(f"GET /api/export?format=jsonl HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
            assert export.held.wait(BOUND), "the export did not start"
        # the client has gone while the export was held
    finally:
        export.release.set()
    assert closed.wait(BOUND), "the export's snapshot was not closed after its client left"


# --- the pieces: Store.snapshot and the export's channel --------------------------------------------------


def test_a_snapshot_sees_the_store_as_it_was_and_writes_go_on(corpus: Path, tmp_path: Path) -> None:
    path = tmp_path / "copy.duckdb"
    path.write_bytes(corpus.read_bytes())
    with Store.open(path) as store:
        event = store.query("events", type="ASSAULT").to_dicts()[0]
        snapshot = store.snapshot()
        correction = Correction.set_event_status(event["document"], event["id"], "denied")
        store.correct(correction)  # neither waits for the snapshot nor shows in it
        statuses = {e.id: e.status for e in snapshot.report(event["document"]).events}
        assert statuses[event["id"]] == event["status"] != "denied"
        assert len(store.query("events", status="denied").rows) == 1
        snapshot.close()
        assert store.count("documents") == len(TEXTS)  # closing the snapshot leaves the store open


class FakeSnapshot:
    def __init__(self) -> None:
        self.closed = threading.Event()

    def close(self) -> None:
        self.closed.set()


def collect(chunks: Any) -> list[bytes]:
    async def run() -> list[bytes]:
        return [chunk async for chunk in chunks]

    return anyio.run(run)


def test_the_export_streams_in_chunks_and_closes_its_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(export_stream, "CHUNK", 10)
    snapshot = FakeSnapshot()
    lines = [f"line {i}\n".encode() for i in range(50)]
    chunks = collect(export_stream.start_export(snapshot, lambda _, out: out.writelines(lines)))  # type: ignore[arg-type]
    assert len(chunks) > 1 and b"".join(chunks) == b"".join(lines)
    assert snapshot.closed.wait(BOUND)


def test_an_abandoned_export_stops_at_its_next_write() -> None:
    snapshot = FakeSnapshot()
    writes = []

    def endless(_: Any, out: Any) -> None:
        while True:  # only the abandonment can end this export
            writes.append(out.write(b"x" * export_stream.CHUNK))

    chunks = export_stream.start_export(snapshot, endless)  # type: ignore[arg-type]
    assert snapshot.closed.wait(1) is False  # it waits for its client, the queue full
    assert len(writes) <= export_stream.QUEUED + 2
    del chunks  # the response dropped before it was read
    assert snapshot.closed.wait(BOUND)


def test_export_errors_before_and_after_the_first_chunk() -> None:
    def invalid(_: Any, out: Any) -> None:
        raise StoreError("no such filter")

    snapshot = FakeSnapshot()
    with pytest.raises(StoreError, match="no such filter"):
        export_stream.start_export(snapshot, invalid)  # type: ignore[arg-type]
    assert snapshot.closed.is_set()

    def broken(_: Any, out: Any) -> None:
        out.write(b"x" * export_stream.CHUNK)
        raise StoreError("the disk went away")

    chunks = export_stream.start_export(FakeSnapshot(), broken)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="disk"):
        collect(chunks)  # the response is cut short, not ended as if whole


@pytest.mark.skipif(sys.platform != "linux", reason="a thread has a nice value of its own on Linux only")
def test_the_export_runs_behind_the_requests() -> None:
    seen = []

    def write(_: Any, out: Any) -> None:
        seen.append(os.getpriority(os.PRIO_PROCESS, threading.get_native_id()))
        out.write(b"done")

    assert collect(export_stream.start_export(FakeSnapshot(), write)) == [b"done"]  # type: ignore[arg-type]
    assert seen[0] == min(19, os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) + export_stream.NICE)
