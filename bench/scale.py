"""Scale-out of `warlog batch` on Ray Data (or local processes): documents per second for 1 worker and
for all cores, the scaling ratio, and peak memory per worker for N and 2N documents, from one run.

    .venv/bin/python bench/scale.py [--docs N] [--batch-size B] [--workers W] [--engine ray|local]

The corpus is the `notes` of the first 2N rows of ../shared/data/dev/acled-2020-05-outside-middle-east.csv,
read in place and written as JSON Lines to a temporary folder that `warlog batch` reads (ACLED's terms
forbid copying it: the inputs and the shards, which hold the texts, are deleted at the end). Each
worker count runs N and then 2N documents on a fresh local Ray cluster; the rate is N / (t(2N) - t(N)),
which cancels what a run spends starting Ray (or the processes) and loading the model in every worker.
Peak memory is each worker's own peak RSS (getrusage), reported back with its batches; flat means the
2N figure is within a few percent of N's.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path

from warlog.batch import run_batch
from warlog.batch.engines import default_workers
from warlog.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "dev" / "acled-2020-05-outside-middle-east.csv"


def write_notes(folder: Path, count: int) -> Path:
    """The first `count` non-empty ACLED notes as a JSON Lines file in a temporary folder."""
    with CORPUS.open(encoding="utf-8", newline="") as file:
        rows = [row for row in csv.DictReader(file) if row["notes"].strip()][:count]
    path = folder / f"notes-{len(rows)}.jsonl"
    path.write_text("".join(json.dumps({"id": row["event_id_cnty"], "text": row["notes"]}) + "\n" for row in rows))
    return path


def timed_run(path: Path, *, workers: int, batch_size: int, engine: str) -> tuple[float, float, int]:
    """Seconds, the largest worker peak RSS (MB), and the documents stored, for one `warlog batch` run
    on a fresh cluster (or fresh processes)."""
    with tempfile.TemporaryDirectory() as out:
        options = {"engine": engine, "workers": workers, "batch_size": batch_size}
        stats = run_batch(str(path), Path(out), settings=Settings(), **options)
    return stats.seconds, max(stats.peak_rss_mb.values()), stats.stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=500, help="N: runs use N and 2N documents")
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
        print(f"scaling 1 → {args.workers} workers: {results[args.workers] / results[1]:.2f}×")


def measure(small_input: Path, large_input: Path, *, n: int, args: argparse.Namespace) -> dict[int, float]:
    """docs/s by worker count."""
    results = {}
    for workers in sorted({1, args.workers}):
        small = timed_run(small_input, workers=workers, batch_size=args.batch_size, engine=args.engine)
        large = timed_run(large_input, workers=workers, batch_size=args.batch_size, engine=args.engine)
        rate = n / (large[0] - small[0])
        results[workers] = rate
        print(
            f"{workers} worker(s): {n} docs {small[0]:.1f} s, {2 * n} docs {large[0]:.1f} s → {rate:.1f} docs/s "
            f"(steady state); peak RSS per worker {small[1]:.0f} MB at N, {large[1]:.0f} MB at 2N "
            f"({(large[1] / small[1] - 1) * 100:+.1f}%); stored {small[2]} + {large[2]}"
        )
    return results


if __name__ == "__main__":
    main()
