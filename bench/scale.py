"""Scale-out of `warlog batch` on Ray Data (or local processes): documents per second for 1 worker and
for all cores, the scaling ratio, and peak memory per worker for N and 2N documents, from one run.

    .venv/bin/python bench/scale.py [--docs N] [--batch-size B] [--workers W] [--engine ray|local]

The corpus is the `notes` of the first 2N rows of ../shared/data/dev/acled-2020-05-outside-middle-east.csv,
read in place and written as JSON Lines to a temporary folder that `warlog batch` reads (ACLED's terms
forbid copying it: the inputs and the shards, which hold the texts, are deleted at the end). Each
worker count runs N and then 2N documents, each run on a fresh local Ray cluster (or fresh processes).

The rate is the busy rate `warlog batch` reports: documents per second from the moment the last worker
began its first batch to the moment the first worker finished its last, so neither start-up (Ray, and
the model loading in every worker, slower when workers load at once on shared cores) nor the tail
counts. N / (t(2N) - t(N)) is printed beside it; it also cancels start-up, but only when start-up
takes the same time in both runs, which on a 2-core machine it often does not. Peak memory is each
worker's own peak RSS (getrusage), reported back with its batches; flat means the 2N figure is within
a few percent of N's.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path

from warlog.batch import BatchStats, run_batch
from warlog.batch.engines import default_workers
from warlog.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "dev" / "acled-2020-05-outside-middle-east.csv"


def write_notes(folder: Path, count: int) -> Path:
    """The first `count` non-empty ACLED notes as a JSON Lines file in a temporary folder."""
    with CORPUS.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["notes"].strip()][:count]
    path = folder / f"notes-{len(rows)}.jsonl"
    path.write_text("".join(json.dumps({"text": row["notes"]}) + "\n" for row in rows))
    return path


def timed_run(path: Path, *, workers: int, batch_size: int, engine: str) -> BatchStats:
    """One `warlog batch` run on a fresh cluster (or fresh processes), its shards deleted after."""
    with tempfile.TemporaryDirectory() as out:
        options = {"engine": engine, "workers": workers, "batch_size": batch_size}
        return run_batch(str(path), Path(out), settings=Settings(), **options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000, help="N: runs use N and 2N documents")
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--workers", type=int, default=default_workers(), help="all cores by default")
    parser.add_argument("--engine", choices=("ray", "local"), default="ray")
    args = parser.parse_args()
    print(f"engine: {args.engine}")
    with tempfile.TemporaryDirectory() as folder:
        n = args.docs
        small_input, large_input = write_notes(Path(folder), n), write_notes(Path(folder), 2 * n)
        results = measure(small_input, large_input, n=n, args=args)
    if len(results) == 2:
        print(f"scaling 1 → {args.workers} workers (busy rate at 2N): {results[args.workers] / results[1]:.2f}×")


def measure(small_input: Path, large_input: Path, *, n: int, args: argparse.Namespace) -> dict[int, float]:
    """The busy rate at 2N documents (docs/s), by worker count."""
    results = {}
    for workers in sorted({1, args.workers}):
        small = timed_run(small_input, workers=workers, batch_size=args.batch_size, engine=args.engine)
        large = timed_run(large_input, workers=workers, batch_size=args.batch_size, engine=args.engine)
        results[workers] = large.busy_rate or 0.0
        small_peak, large_peak = max(small.peak_rss_mb.values()), max(large.peak_rss_mb.values())
        print(
            f"{workers} worker(s): busy rate {small.busy_rate or 0:.1f} docs/s at N, {large.busy_rate or 0:.1f} at 2N; "
            f"runs {small.seconds:.1f} s and {large.seconds:.1f} s (N / difference = "
            f"{n / (large.seconds - small.seconds):.1f} docs/s); peak RSS per worker {small_peak:.0f} MB at N, "
            f"{large_peak:.0f} MB at 2N ({(large_peak / small_peak - 1) * 100:+.1f}%)"
        )
    return results


if __name__ == "__main__":
    main()
