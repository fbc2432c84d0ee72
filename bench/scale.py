"""Scale-out of `warlog batch` on Ray Data (or local processes): documents per second for 1 worker and
for all cores, the scaling ratio, and peak memory per worker for N and 2N documents, from one run.

    .venv/bin/python bench/scale.py [--docs N] [--rounds R] [--batch-size B] [--workers W] [--engine ray|local]
                                [--corpus acled|polnear]

The corpus is the `notes` of the first 2N rows of ../shared/data/dev/acled-2020-05-outside-middle-east.csv
(`--corpus acled`, short event summaries) or the first 2N articles of PolNeAR's training texts
(`--corpus polnear`, full news articles), read in place and written as JSON Lines to a temporary folder
that `warlog batch` reads (neither may be copied: the inputs and the shards, which hold the texts, are
deleted at the end). Every run starts a fresh local Ray cluster (or fresh processes).

The rate is the busy rate `warlog batch` reports: documents per second from the moment the last worker
began its first batch to the moment the first worker finished its last, so neither start-up (Ray, and
the model loading in every worker, slower when workers load at once on shared cores) nor the tail
counts. R rounds each run 2N documents on 1 worker, then on all; the scaling is the median of the R
ratios, as this machine's speed drifts between runs. Memory: each worker's own peak RSS (getrusage),
reported back with its batches, in a run of N documents and in the runs of 2N; flat means the 2N figure
is within a few percent of N's.
"""

from __future__ import annotations

import argparse
import csv
import functools
import json
import statistics
import tempfile
from pathlib import Path

from warlog.batch import BatchStats, run_batch
from warlog.batch.engines import default_workers
from warlog.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "data" / "dev"
ACLED = DEV / "acled-2020-05-outside-middle-east.csv"
POLNEAR = DEV / "polnear" / "train" / "text"


def read_texts(corpus: str, count: int) -> list[str]:
    """The first `count` texts of a corpus: ACLED `notes` (short event summaries) or PolNeAR's
    training articles (full news articles), read where they lie."""
    if corpus == "polnear":
        return [path.read_text(encoding="utf-8") for path in sorted(POLNEAR.glob("*.txt"))[:count]]
    with ACLED.open(encoding="utf-8", newline="") as file:
        return [row["notes"] for row in csv.DictReader(file) if row["notes"].strip()][:count]


def write_input(folder: Path, texts: list[str]) -> Path:
    """The texts as a JSON Lines file in a temporary folder."""
    path = folder / f"input-{len(texts)}.jsonl"
    path.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts))
    return path


def timed_run(path: Path, *, workers: int, batch_size: int, engine: str) -> BatchStats:
    """One `warlog batch` run on a fresh cluster (or fresh processes), its shards deleted after."""
    with tempfile.TemporaryDirectory() as out:
        options = {"engine": engine, "workers": workers, "batch_size": batch_size}
        return run_batch(str(path), Path(out), settings=Settings(), **options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=int, default=1000, help="N: the memory runs use N and 2N documents, the rate runs 2N"
    )
    parser.add_argument("--rounds", type=int, default=3, help="rate runs per worker count, interleaved")
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument("--workers", type=int, default=default_workers(), help="all cores by default")
    parser.add_argument("--engine", choices=("ray", "local"), default="ray")
    parser.add_argument("--corpus", choices=("acled", "polnear"), default="acled", help="notes or news articles")
    args = parser.parse_args()
    counts = sorted({1, args.workers})
    print(f"engine: {args.engine}, batch size {args.batch_size}, N = {args.docs}")
    with tempfile.TemporaryDirectory() as folder:
        texts = read_texts(args.corpus, 2 * args.docs)
        if len(texts) < 2 * args.docs:
            raise SystemExit(f"{args.corpus} has {len(texts)} texts, fewer than 2N = {2 * args.docs}")
        small_input, large_input = write_input(Path(folder), texts[: args.docs]), write_input(Path(folder), texts)
        size = sum(map(len, texts)) / len(texts)
        print(f"corpus: {args.corpus}, {size:,.0f} characters a document on average")
        run = functools.partial(timed_run, batch_size=args.batch_size, engine=args.engine)
        rates: dict[int, list[float]] = {w: [] for w in counts}
        large_peaks: dict[int, float] = {w: 0.0 for w in counts}
        for round_ in range(1, args.rounds + 1):
            for workers in counts:
                stats = run(large_input, workers=workers)
                rates[workers].append(stats.busy_rate or 0.0)
                large_peaks[workers] = max(large_peaks[workers], *stats.peak_rss_mb.values())
            line = ", ".join(f"{w} worker(s) {rates[w][-1]:.1f} docs/s" for w in counts)
            ratio = f"; {rates[counts[-1]][-1] / rates[1][-1]:.2f}×" if len(counts) == 2 else ""
            print(f"round {round_}, 2N = {2 * args.docs} docs: {line}{ratio}")
        for workers in counts:
            small_peak = max(run(small_input, workers=workers).peak_rss_mb.values())
            print(
                f"{workers} worker(s): median busy rate {statistics.median(rates[workers]):.1f} docs/s; peak RSS "
                f"per worker {small_peak:.0f} MB at N, {large_peaks[workers]:.0f} MB at 2N "
                f"({(large_peaks[workers] / small_peak - 1) * 100:+.1f}%)"
            )
    if len(counts) == 2:
        ratios = [many / one for one, many in zip(rates[1], rates[counts[-1]], strict=True)]
        print(f"scaling 1 → {args.workers} workers: median {statistics.median(ratios):.2f}× over {args.rounds} rounds "
              f"({min(ratios):.2f}–{max(ratios):.2f}×)")  # fmt: skip


if __name__ == "__main__":
    main()
