"""Reading many stored reports: one report at a time (nine queries a document) against `Store.reports`
(a batch of documents, one query per table), and the exports that read them, at two store sizes, one run.

    .venv/bin/python bench/store_reads.py [--sizes 1000,4000] [--notes 40]

The store is built in a temporary folder (deleted at the end) from the reports of the first `--notes`
ACLED notes of ../shared/data/dev/acled-2020-05-outside-middle-east.csv (read in place, analyzed once),
each saved again under new document ids until the store holds N documents. For each size the script
prints the seconds to read every report one at a time (`Store.report` per id: the way exports read
before), in batches (`Store.reports`), and to export jsonl and ACLED CSV (`--per-event` rows, and the
default rows per incident), with the growth exponent between the two sizes (1.0 is linear). The
batched reports are checked equal to the one-at-a-time ones.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ACLED = ROOT.parent / "shared" / "data" / "dev" / "acled-2020-05-outside-middle-east.csv"


def timed(run) -> tuple[float, object]:
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def analyzed_notes(count: int, published: str) -> list:
    """The reports of the first `count` ACLED notes longer than 80 characters, analyzed once (the stores of
    this bench and of bench/scale_store.py repeat them)."""
    import warlog

    with ACLED.open(encoding="utf-8", newline="") as handle:
        notes = [row["notes"] for row in csv.DictReader(handle) if len(row["notes"]) > 80][:count]
    pipeline = warlog.load()
    return list(pipeline.extract_many(pipeline.document(note, published=published) for note in notes))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000", help="store sizes N, comma-separated")
    parser.add_argument("--notes", type=int, default=40, help="distinct analyzed notes the store repeats")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.sizes.split(","))

    from warlog.export import export
    from warlog.store import Store

    originals = analyzed_notes(args.notes, "2020-05-15")
    columns = ("one at a time", "batched", "export jsonl", "acled per event", "acled incidents")
    rows: dict[int, dict[str, float]] = {}
    print(f"{'N':>7} " + " ".join(f"{c:>16}" for c in columns) + "   (seconds)", flush=True)
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.duckdb") as store:
            clones = [
                replace(r, document=replace(r.document, id=f"{r.document.id}-{i}", url=None))
                for i in range(size // len(originals) + 1)
                for r in originals
            ][:size]
            store.save_many(clones)
            ids = sorted(store.document_ids())
            one, single = timed(lambda ids=ids: [store.report(i) for i in ids])
            batched, many = timed(lambda ids=ids: list(store.reports(ids)))
            if single != many:
                raise SystemExit("batched reports differ from the reports read one at a time")
            times = {"one at a time": one, "batched": batched}
            for name, options in (
                ("export jsonl", {"format": "jsonl"}),
                ("acled per event", {"format": "acled-csv", "per_event": True}),
                ("acled incidents", {"format": "acled-csv"}),
            ):
                times[name], _ = timed(lambda options=options: export(store, out=io.BytesIO(), **options))
            rows[size] = times
            print(f"{len(ids):>7} " + " ".join(f"{times[c]:>16.2f}" for c in columns), flush=True)
    low, high = sizes[0], sizes[-1]
    growth = {c: math.log(rows[high][c] / rows[low][c]) / math.log(high / low) for c in columns}
    print(f"growth exponent, N = {low} to {high}: " + ", ".join(f"{c} {e:.2f}" for c, e in growth.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
