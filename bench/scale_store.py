"""What the store's readers cost as the store grows: incidents, every export, the graph and the main
queries on stores of N documents (1k, 10k, 100k by default), with the growth exponent, one run.

    .venv/bin/python bench/scale_store.py [--sizes 1000,10000,100000] [--notes 40]

The store is built in a temporary folder (deleted at the end) from the reports of the first `--notes`
ACLED notes of ../shared/data/dev/acled-2020-05-outside-middle-east.csv (read in place, analyzed once),
saved again under new document ids until the store holds N documents. Each copy is dated one day
later than the one before it (a note's copies are a day apart, the store's days grow with N), so a
store of 10x the documents covers 10x the days with the same density of events a day: the work an
incident grouping or an export has to do grows with N, as it does for a desk that keeps a record over
years. The script prints the seconds of each reader at each size and the growth exponent between the
two largest sizes (1.0 is linear).
"""

from __future__ import annotations

import argparse
import datetime
import io
import itertools
import math
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

START = datetime.date(2020, 1, 1)


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def shifted(report, copy: int):
    """The report as a new document, dated `copy` days after START (its events' days with it)."""
    from warlog.model import When

    day = (START + datetime.timedelta(days=copy)).isoformat()

    def moved(when: When | None) -> When | None:
        if when is None or not when.value:
            return when
        value = when.value
        return replace(when, value=day[: len(value)] if len(value) <= 10 else value)

    document = replace(report.document, id=f"{report.document.id}-{copy}", url=None, published=day)
    events = tuple(replace(e, date=moved(e.date)) for e in report.events)
    return replace(report, document=document, events=events)


def build(store, originals, size: int, chunk: int = 2000) -> None:
    """Save `size` copies of the reports, `chunk` at a time (so the copies are never all in memory)."""
    copies = ((i // len(originals), originals[i % len(originals)]) for i in range(size))
    while batch := [shifted(report, copy) for copy, report in itertools.islice(copies, chunk)]:
        store.save_many(batch)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="store sizes N, comma-separated")
    parser.add_argument("--notes", type=int, default=40, help="distinct analyzed notes the store repeats")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.sizes.split(","))

    from store_reads import analyzed_notes

    from warlog.export import export
    from warlog.store import Store

    originals = analyzed_notes(args.notes, "2020-01-01")
    actor = next(a.id for r in originals for a in r.actors)
    readers: dict[str, Callable[[Store], object]] = {
        "incidents": lambda store: store.incidents(),
        "export jsonl": lambda store: export(store, "jsonl", io.BytesIO()),
        "acled per event": lambda store: export(store, "acled-csv", io.BytesIO(), per_event=True),
        "acled incidents": lambda store: export(store, "acled-csv", io.BytesIO()),
        "plover-json": lambda store: export(store, "plover-json", io.BytesIO()),
        "graphml": lambda store: export(store, "graphml", io.BytesIO()),
        "graph": lambda store: store.graph(),
        "query ASSAULT": lambda store: store.query("events", type="ASSAULT"),
        "query actor": lambda store: store.query("events", actor=actor),
        "query month": lambda store: store.query("events", since="2020-02", until="2020-02"),
    }
    names = ("build", *readers)
    rows: dict[int, dict[str, float]] = {}
    print(f"{'N':>7} " + " ".join(f"{c:>15}" for c in names) + "   (seconds)", flush=True)
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.duckdb") as store:
            times = {"build": timed(lambda size=size, store=store: build(store, originals, size))}
            for name, read in readers.items():
                times[name] = timed(lambda read=read: read(store))
            rows[size] = times
            print(f"{size:>7} " + " ".join(f"{times[c]:>15.2f}" for c in names), flush=True)
    if len(sizes) > 1:
        low, high = sizes[-2], sizes[-1]
        growth = {c: math.log(rows[high][c] / rows[low][c]) / math.log(high / low) for c in names}
        print(f"growth exponent, N = {low} to {high}: " + ", ".join(f"{c} {e:.2f}" for c, e in growth.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
