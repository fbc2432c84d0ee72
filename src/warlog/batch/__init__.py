"""Batch extraction beyond one process: Parquet shards in between, DuckDB to load and query them.

    run_batch(spec, out)      INPUT -> OUT/<table>/part-NNNNN.parquet, on Ray Data or local processes
    load_shards(out, store)   shards -> a store, through Store.save (deduplicated by document id)
    parquet_connection(out)   an in-memory DuckDB whose store tables are views over the shards
    parquet_store(out)        the same as a Store, for `Store.query` (`warlog query --parquet`)

Modules, bottom-up: inputs (records and numbered batches, read with pyarrow), shards (what a worker
does with a batch, and reading shards back), engines (Ray and local workers). Ray and pyarrow come
with the `scale` extra; nothing here is imported by the rest of warlog.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from warlog.batch.engines import default_workers, run_local, run_ray
from warlog.batch.inputs import plan_batches, require_pyarrow
from warlog.batch.shards import SHARD_TABLES, done_parts, load_shards, parquet_connection, parquet_store
from warlog.errors import SettingsError
from warlog.settings import Settings

ENGINES = ("ray", "local")
Progress = Callable[[int, int, "dict | None"], None]
MANIFEST = "_batch.json"

__all__ = [
    "ENGINES",
    "SHARD_TABLES",
    "BatchStats",
    "busy_rate",
    "load_shards",
    "parquet_connection",
    "parquet_store",
    "run_batch",
]


@dataclass(frozen=True, slots=True)
class BatchStats:
    """What one run did: batches written and skipped, documents stored and failed, the workers' peak
    memory (MB, by pid), the seconds the run took, and the documents per second while every worker
    was busy (`busy_rate`; None when the workers were never all busy at once)."""

    written: int
    skipped: int
    stored: int
    failed: int
    peak_rss_mb: dict[int, float]
    seconds: float
    busy_rate: float | None = None


def run_batch(
    spec: str,
    out: Path,
    *,
    settings: Settings,
    engine: str = "local",
    workers: int | None = None,
    batch_size: int = 64,
    address: str | None = None,
    published: str | None = None,
    on_progress: Progress | None = None,
) -> BatchStats:
    """Analyze every document of `spec` into Parquet shards under `out`; batches already written are skipped.

    Args:
        spec: a JSON Lines or Parquet file or a folder, a local path or a URI pyarrow opens.
        out: the shard folder (local).
        settings: warlog settings for the workers' pipelines.
        engine: "ray" (Ray Data) or "local" (processes).
        workers: pipeline workers (default: all cores; on a joined Ray cluster, its CPUs).
        batch_size: documents per batch, and so per shard; fixed for the life of a shard folder.
        address: a Ray cluster to join, as `ray start` printed it (default: start a local one).
        published: the publication date of documents that carry none.
        on_progress: called with (batches written, batches to write, the batch's summary) once the
            input is planned (0, total, None) and after each batch.

    Raises:
        SettingsError: an unknown engine, a bad number, a missing extra, or a batch size that differs
            from the one the folder was started with.
        InputError: `spec` names nothing that can be read.
    """
    if engine not in ENGINES:
        raise SettingsError(f"--engine {engine!r} is not one of: {', '.join(ENGINES)}")
    if engine == "local":
        workers = default_workers() if workers is None else workers
    if (workers is not None and workers < 1) or batch_size < 1:
        raise SettingsError("--workers and --batch-size must be at least 1")
    require_pyarrow()
    _check_manifest(out, spec=spec, batch_size=batch_size)
    started = time.perf_counter()
    done = done_parts(out)
    planned = list(plan_batches(spec, batch_size=batch_size, max_chars=settings.max_chars))  # slices: small
    todo = [(part, piece) for part, piece in planned if part not in done]
    tell = on_progress or (lambda written, total, summary: None)
    tell(0, len(todo), None)
    written = 0

    def on_done(summary: dict) -> None:
        nonlocal written
        written += 1
        tell(written, len(todo), summary)

    if engine == "ray":
        summaries = run_ray(
            iter(todo),
            workers=workers,
            address=address,
            settings=settings,
            out=out,
            published=published,
            on_done=on_done,
        )
    else:
        assert workers is not None  # the local engine's default is set above
        summaries = run_local(
            iter(todo), workers=workers, settings=settings, out=out, published=published, on_done=on_done
        )
    peaks: dict[int, float] = {}
    for summary in summaries:
        peaks[summary["pid"]] = max(peaks.get(summary["pid"], 0.0), summary["peak_rss_mb"])
    return BatchStats(
        written=len(summaries),
        skipped=len(planned) - len(todo),
        stored=sum(s["stored"] for s in summaries),
        failed=sum(s["failed"] for s in summaries),
        peak_rss_mb=peaks,
        seconds=time.perf_counter() - started,
        busy_rate=busy_rate(summaries),
    )


def busy_rate(summaries: list[dict]) -> float | None:
    """Documents per second from the moment the last worker began its first batch to the moment the
    first worker finished its last: the steady state, without start-up (loading the model) or the
    tail where some workers have nothing left. A batch counts by the share of it inside that window."""
    spans: dict[int, tuple[float, float]] = {}
    for s in summaries:
        if "started" in s:
            first, last = spans.get(s["pid"], (s["started"], s["finished"]))
            spans[s["pid"]] = (min(first, s["started"]), max(last, s["finished"]))
    if not spans:
        return None
    begin, end = max(first for first, _ in spans.values()), min(last for _, last in spans.values())
    if end <= begin:
        return None
    documents = 0.0
    for s in summaries:
        if "started" in s and s["finished"] > s["started"]:
            inside = min(end, s["finished"]) - max(begin, s["started"])
            documents += s["records"] * max(inside, 0.0) / (s["finished"] - s["started"])
    return documents / (end - begin)


def _check_manifest(out: Path, *, spec: str, batch_size: int) -> None:
    """Record the batch size in OUT/_batch.json; a rerun with another size would number batches differently."""
    path = out / MANIFEST
    if path.exists():
        known = json.loads(path.read_text())
        if known.get("batch_size") != batch_size:
            raise SettingsError(
                f"{out} was started with --batch-size {known.get('batch_size')}; rerun with it, or use a new --out"
            )
        return
    out.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"input": spec, "batch_size": batch_size}) + "\n")
