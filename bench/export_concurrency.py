"""Read latency of the REST API with and without an export running beside it, p50/p95, one run.

    .venv/bin/python bench/export_concurrency.py [--docs 400] [--reads 200] [--rounds 3] [--format jsonl]

The store: the `notes` of the first N rows of ../shared/data/dev/acled-2020-05-outside-middle-east.csv
(read in place; ACLED's terms forbid copying it), analyzed by warlog and saved to a temporary store,
deleted at the end. `warlog serve --read-only` serves it from a process of its own, as in use.

Each round times `--reads` GET requests (events, filtered events, documents, actors, claims, one
document's report; one client, one request after the other) twice: alone, then while another client
downloads `GET /api/export?format=...` over and over, reading it as fast as it comes (it starts before
the first timed read and is dropped mid-stream after the last). The reads of all rounds are pooled; the
figure is p95 with the export / p95 alone, with each round's ratio beside it. Before exports streamed
from a snapshot, every read waited for the export holding the store's lock.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import select
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
ACLED = ROOT.parent / "shared" / "data" / "dev" / "acled-2020-05-outside-middle-east.csv"
SERVE = [sys.executable, "-c", "from warlog.cli import main; main()", "serve"]


def build_store(path: Path, docs: int) -> float:
    """A store of the first `docs` ACLED notes at `path`; returns the seconds it took."""
    import warlog
    from warlog.ingest import make_document
    from warlog.store import Store

    start = time.perf_counter()
    with ACLED.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["notes"].strip()][:docs]
    pipeline = warlog.load()
    documents = [
        make_document(row["notes"], settings=pipeline.settings, source=f"acled:{row['data_id']}") for row in rows
    ]
    with Store.open(path) as store:
        store.save_many(list(pipeline.extract_many(documents)))
    return time.perf_counter() - start


def serve(path: Path) -> tuple[subprocess.Popen, str]:
    """`warlog serve --read-only` on a free port, and its URL."""
    proc = subprocess.Popen(
        [*SERVE, "--db", str(path), "--read-only", "--port", "0"], stderr=subprocess.PIPE, text=True
    )
    ready, _, _ = select.select([proc.stderr], [], [], 60)
    found = re.search(r"at (http://\S+)/ ", proc.stderr.readline() if ready else "")  # type: ignore[union-attr]
    if not found:
        proc.kill()
        sys.exit("warlog serve did not start")
    return proc, found.group(1)


def read_urls(client: httpx.Client) -> list[str]:
    """The reads to time, cycled: listings with and without filters, and whole reports."""
    document = client.get("/api/documents", params={"limit": 1}).json()["items"][0]["id"]
    actor = client.get("/api/actors", params={"limit": 1, "sort": "-documents"}).json()["items"][0]["id"]
    return [
        "/api/events",
        f"/api/events?actor={actor}",
        "/api/events?type=ASSAULT&since=2020-05",
        "/api/documents",
        "/api/actors",
        "/api/claims",
        f"/api/documents/{document}",
    ]


class ExportLoop:
    """Downloads the export over and over in a thread of its own until stopped."""

    def __init__(self, url: str, format: str) -> None:
        self.url, self.format = url, format
        self.started = threading.Event()
        self.stopping = threading.Event()
        self.seconds: list[float] = []
        self.sizes: list[int] = []
        self.thread = threading.Thread(target=self.run, daemon=True)

    def run(self) -> None:
        with httpx.Client(base_url=self.url, timeout=600) as client:
            while not self.stopping.is_set():
                start, size = time.perf_counter(), 0
                with client.stream("GET", "/api/export", params={"format": self.format}) as response:
                    response.raise_for_status()
                    for chunk in response.iter_raw():
                        self.started.set()
                        size += len(chunk)
                        if self.stopping.is_set():
                            break  # dropped mid-stream
                    else:
                        self.seconds.append(time.perf_counter() - start)
                        self.sizes.append(size)

    def __enter__(self) -> ExportLoop:
        self.thread.start()
        self.started.wait(600)
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.thread.join(600)


def timed_reads(client: httpx.Client, urls: list[str], count: int) -> list[float]:
    times = []
    for k in range(count):
        start = time.perf_counter()
        response = client.get(urls[k % len(urls)])
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            sys.exit(f"{urls[k % len(urls)]}: {response.status_code} {response.text}")
    return times


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=400, help="ACLED notes in the store")
    parser.add_argument("--reads", type=int, default=200, help="timed reads per round and condition")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--format", default="jsonl", help="the export run beside the reads")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.duckdb"
        seconds = build_store(path, args.docs)
        print(f"store: {args.docs} ACLED notes analyzed and stored in {seconds:.1f} s (cores: {os.cpu_count()})")
        proc, url = serve(path)
        try:
            with httpx.Client(base_url=url, timeout=600) as client:
                urls = read_urls(client)
                timed_reads(client, urls, 2 * len(urls))  # warm-up
                start = time.perf_counter()
                client.get("/api/export", params={"format": args.format}).raise_for_status()
                print(f"one {args.format} export alone: {time.perf_counter() - start:.2f} s")
                alone: list[float] = []
                beside: list[float] = []
                ratios: list[float] = []
                export_seconds: list[float] = []
                for _ in range(args.rounds):
                    round_alone = timed_reads(client, urls, args.reads)
                    with ExportLoop(url, args.format) as exports:
                        round_beside = timed_reads(client, urls, args.reads)
                    export_seconds += exports.seconds
                    alone += round_alone
                    beside += round_beside
                    ratios.append(percentile(round_beside, 0.95) / percentile(round_alone, 0.95))
        finally:
            proc.terminate()
            proc.wait(30)
    print(f"{'reads':<22} {'p50 ms':>8} {'p95 ms':>8} {'calls':>6}")
    print(f"{'alone':<22} {percentile(alone, 0.5):8.1f} {percentile(alone, 0.95):8.1f} {len(alone):6}")
    print(f"{'beside an export':<22} {percentile(beside, 0.5):8.1f} {percentile(beside, 0.95):8.1f} {len(beside):6}")
    ratio = percentile(beside, 0.95) / percentile(alone, 0.95)
    rounds = ", ".join(f"{r:.2f}" for r in ratios)
    print(f"p95 beside / alone: {ratio:.2f}x (rounds: {rounds})")
    if export_seconds:
        median = statistics.median(export_seconds)
        print(f"exports completed beside the reads: {len(export_seconds)}, median {median:.2f} s each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
