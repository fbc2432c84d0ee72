"""warlog batch: 50 invented documents through Ray Data (a real local cluster, 2 workers) and local
processes give the same Parquet rows; `warlog load` gives the reports `warlog ingest` gives; a rerun
skips written shards; every bad document is a failure row."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from warlog.batch import SHARD_TABLES, load_shards, run_batch
from warlog.settings import Settings
from warlog.store import Store

pytestmark = pytest.mark.slow

ACTORS = ["Syrian government forces", "Houthi rebels", "Police", "Islamic State fighters", "Israeli troops",
          "Taliban militants", "Iraqi security forces"]  # fmt: skip
PLACES = ["Idlib", "Aden", "Baghdad", "Mosul", "Gaza", "Kandahar", "Raqqa"]
DEEDS = ["shelled positions near {place}", "attacked a checkpoint in {place}", "arrested 12 protesters in {place}",
         "fired rockets at {place}", "clashed with gunmen outside {place}", "bombed {place}"]  # fmt: skip
OUTCOMES = ["killing {n} civilians", "wounding {n} people", "officials said", "according to local residents"]
BATCH_SIZE = 8
WALL_CLOCK = {"documents": ("stored_at",), "failures": ("id", "at")}  # when a run wrote them, not what it found


def invented_texts(count: int) -> list[str]:
    texts = []
    for i in range(count):
        actor, place = ACTORS[i % len(ACTORS)], PLACES[(i * 3) % len(PLACES)]
        deed = DEEDS[(i * 5) % len(DEEDS)].format(place=place)
        outcome = OUTCOMES[i % len(OUTCOMES)].format(n=i % 9 + 2)
        texts.append(f"{actor} {deed} on Monday, {outcome}. The report was number {i + 1}.")
    return texts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """45 JSON lines (one with an empty text, one not JSON) and 5 files (a binary one) = 50 documents."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = invented_texts(46)
    lines = [json.dumps({"text": t, "published": f"2020-05-{i % 28 + 1:02d}"}) for i, t in enumerate(texts[:43])]
    lines[10:10] = [json.dumps({"text": "   "}), "{not json"]
    (folder / "reports.jsonl").write_text("\n".join(lines) + "\n")
    files = folder / "files"
    files.mkdir()
    for i, text in enumerate(texts[43:]):
        (files / f"report-{i}.txt").write_text(text + "\n")
    (files / "page.html").write_text(
        "<html><head><title>Clashes</title></head><body><article><p>Rebels attacked an army base near Homs on "
        "Sunday, killing four soldiers, the army said.</p></article></body></html>"
    )
    (files / "image.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    return folder


@pytest.fixture(scope="module")
def shards(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus through both engines, two workers each (Ray starts and stops its local cluster), and
    through the single-process path (`--engine local --workers 1`: this process)."""
    runs = {"ray": ("ray", 2), "local": ("local", 2), "single": ("local", 1)}
    outs = {name: tmp_path_factory.mktemp(name) for name in runs}
    for name, (engine, workers) in runs.items():
        stats = run_batch(
            str(corpus), outs[name], settings=Settings(), engine=engine, workers=workers, batch_size=BATCH_SIZE
        )
        assert (stats.written, stats.stored, stats.failed) == (7, 47, 3)
        assert len(stats.peak_rss_mb) == workers  # as many processes did the work
    return outs


def table_rows(out: Path, table: str) -> list[tuple]:
    drop = WALL_CLOCK.get(table, ())
    quoted = ", ".join(f'"{column}"' for column in drop)
    columns = f"* EXCLUDE ({quoted})" if drop else "*"
    sql = f"SELECT {columns} FROM read_parquet($files) ORDER BY ALL"
    files = sorted(str(p) for p in (out / table).glob("part-*.parquet"))
    return duckdb.sql(sql, params={"files": files}).fetchall() if files else []


@pytest.mark.parametrize("table", SHARD_TABLES)
def test_ray_local_and_one_process_write_the_same_rows(shards: dict[str, Path], table: str) -> None:
    assert sorted(p.name for p in (shards["ray"] / table).iterdir()) == [f"part-{i:05d}.parquet" for i in range(7)]
    assert table_rows(shards["ray"], table) == table_rows(shards["local"], table) == table_rows(shards["single"], table)
    if table in ("documents", "events", "mentions"):
        assert table_rows(shards["ray"], table)


def test_each_bad_document_is_a_failure_row(shards: dict[str, Path], corpus: Path) -> None:
    failures = {(Path(source).name, reason) for source, reason, *_ in table_rows(shards["ray"], "failures")}
    assert failures == {
        ("reports.jsonl:11", "EmptyDocumentError"),
        ("reports.jsonl:12", "InputError"),
        ("image.bin", "BinaryDocumentError"),
    }


def test_load_gives_the_reports_ingest_gives(shards: dict[str, Path], corpus: Path, pipeline) -> None:
    from warlog.ingest import iter_documents

    with Store.open(None) as ingested, Store.open(None) as loaded:
        pipeline.ingest(iter_documents(corpus, settings=pipeline.settings), ingested)
        counts = load_shards(shards["ray"], loaded)
        assert counts == {"stored": 47, "skipped": 0, "failed": 3}
        assert list(loaded.reports()) == list(ingested.reports())
        assert loaded.count("actors") == ingested.count("actors") and loaded.count("places") == ingested.count("places")
        assert sorted(f.reason for f in loaded.failures()) == sorted(f.reason for f in ingested.failures())
        again = load_shards(shards["local"], loaded)  # the same documents from the other engine: all skipped
        assert again["stored"] == 0 and again["skipped"] == 47


def test_a_rerun_skips_written_shards(shards: dict[str, Path], corpus: Path) -> None:
    out = shards["local"]
    before = {p: p.stat().st_mtime_ns for p in out.rglob("part-*")}
    stats = run_batch(str(corpus), out, settings=Settings(), engine="local", workers=1, batch_size=BATCH_SIZE)
    assert (stats.written, stats.skipped) == (0, 7)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("part-*")} == before


def test_query_parquet_reads_the_shards_as_the_store(shards: dict[str, Path], tmp_path: Path) -> None:
    from warlog.cli import app

    runner = CliRunner()
    db = tmp_path / "loaded.duckdb"
    assert runner.invoke(app, ["load", str(shards["ray"]), "--db", str(db)]).exit_code == 0
    for what in ("events", "actors", "documents", "claims"):
        stored = runner.invoke(app, ["query", what, "--db", str(db), "-f", "json"])
        direct = runner.invoke(app, ["query", what, "--parquet", str(shards["ray"]), "-f", "json"])
        assert stored.exit_code == direct.exit_code == 0
        drop = WALL_CLOCK.get(what, ())  # documents.stored_at: when each was written
        direct_rows = [{k: v for k, v in row.items() if k not in drop} for row in json.loads(direct.stdout)]
        stored_rows = [{k: v for k, v in row.items() if k not in drop} for row in json.loads(stored.stdout)]
        assert direct_rows == stored_rows != []


def test_parquet_input_by_file_uri(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    texts = invented_texts(3)
    table = pa.table({"id": ["a-1", "a-2", "a-3"], "text": texts, "published": ["2020-05-01", None, "2020-05-03"]})
    pq.write_table(table, tmp_path / "in.parquet")
    out = tmp_path / "out"
    stats = run_batch((tmp_path / "in.parquet").as_uri(), out, settings=Settings(), workers=1, batch_size=2)
    assert (stats.written, stats.stored, stats.failed) == (2, 3, 0)
    assert [row[0] for row in table_rows(out, "documents")] == ["a-1", "a-2", "a-3"]


def test_bad_options_are_one_line(tmp_path: Path) -> None:
    from warlog.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--engine", "spark"])
    assert result.exit_code == 1 and "--engine 'spark' is not one of: ray, local" in result.stderr
    result = runner.invoke(app, ["batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1 and "no such file or folder" in result.stderr


def kill_a_worker_once_it_has_written(out: Path, finished: threading.Event) -> list[int]:
    """SIGKILL the process that wrote the first batch marker, as soon as one appears (a crash mid-run)."""
    killed: list[int] = []

    def watch() -> None:
        while not finished.is_set():
            markers = sorted((out / "_done").glob("part-*.json")) if (out / "_done").is_dir() else []
            if markers:
                pid = json.loads(markers[0].read_bytes())["pid"]
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
                return
            time.sleep(0.002)

    threading.Thread(target=watch, daemon=True).start()
    return killed


@pytest.mark.parametrize("engine", ["local", "ray"])
def test_a_killed_worker_is_replaced_and_its_batches_rerun(engine: str, tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(invented_texts(120))))
    out, finished = tmp_path / "out", threading.Event()
    killed = kill_a_worker_once_it_has_written(out, finished)
    try:
        stats = run_batch(str(path), out, settings=Settings(), engine=engine, workers=2, batch_size=2)
    finally:
        finished.set()
    assert len(killed) == 1 and killed[0] in stats.peak_rss_mb  # a worker that had done a batch died
    assert len(stats.peak_rss_mb) >= 3  # and a fresh process took over its work
    assert (stats.written, stats.stored, stats.failed) == (60, 120, 0)
    markers = [json.loads(p.read_bytes()) for p in (out / "_done").glob("part-*.json")]
    assert sorted(m["part"] for m in markers) == list(range(60))
    ids = [row[0] for row in table_rows(out, "documents")]
    assert ids == sorted(f"d{i}" for i in range(120))  # each document once


@pytest.fixture()
def ray_cluster(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A Ray cluster started as users start one (`ray start --head`), with token authentication; the
    address a driver joins. Stopped after the test."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("RAY_AUTH_MODE", "token")  # the cluster's and the driver's: Ray asks both to say it
    ray = Path(sys.executable).with_name("ray")
    start = [str(ray), "start", "--head", f"--port={port}", "--num-cpus=2", "--include-dashboard=false",
             "--disable-usage-stats"]  # fmt: skip
    subprocess.run(start, check=True, capture_output=True, timeout=120)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        subprocess.run([str(ray), "stop", "--force"], capture_output=True, timeout=120)


def test_address_joins_a_running_cluster(
    ray_cluster: str, corpus: Path, shards: dict[str, Path], tmp_path: Path
) -> None:
    from warlog.cli import app

    out = tmp_path / "joined"
    args = ["batch", str(corpus), "--out", str(out), "--engine", "ray", "--batch-size", str(BATCH_SIZE)]
    result = CliRunner().invoke(app, [*args, "--address", ray_cluster])
    assert result.exit_code == 0, result.stderr
    assert "batches: 7 written, 0 skipped; documents: 47 stored, 3 failed" in result.stderr
    progress = [line for line in result.stderr.splitlines() if line.startswith("batch: ")]
    assert len(progress) == 7 and progress[-1] == "batch: 7/7 batches (stored 47, failed 3)"
    markers = [json.loads(p.read_bytes()) for p in (out / "_done").glob("part-*.json")]
    assert len({m["pid"] for m in markers}) == 2  # the cluster's two CPUs: two workers
    for table in SHARD_TABLES:
        assert table_rows(out, table) == table_rows(shards["local"], table)


def test_the_cli_reports_progress_and_a_rerun_has_nothing_to_do(tmp_path: Path) -> None:
    from warlog.cli import app

    path = tmp_path / "three.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in invented_texts(3)))
    args = ["batch", str(path), "--out", str(tmp_path / "out"), "--workers", "1", "--batch-size", "1"]
    first, again = CliRunner().invoke(app, args), CliRunner().invoke(app, args)
    assert first.exit_code == again.exit_code == 0
    assert [line for line in first.stderr.splitlines() if line.startswith("batch: ")] == [
        "batch: 1/3 batches (stored 1, failed 0)",
        "batch: 2/3 batches (stored 2, failed 0)",
        "batch: 3/3 batches (stored 3, failed 0)",
    ]
    assert "batches: 3 written, 0 skipped; documents: 3 stored, 0 failed" in first.stderr
    assert "batches: 0 written, 3 skipped; documents: 0 stored, 0 failed" in again.stderr
