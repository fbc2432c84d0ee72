"""Incidents of N synthetic accounts: blocking by type, date window and place grid (now) against
blocking by type and date window only (before), same accounts, one run.

    .venv/bin/python bench/incidents.py [--sizes 1000,4000,10000]

The accounts are generated (no text, no store): one month of events of a few types, skewed to ASSAULT
as a corpus of ACLED notes is, dated to the day (some to the month, a few undated), at points spread over
the land between 35 S and 60 N (a tenth at an area or an unknown place), two to three accounts per
document. For each N the script prints the seconds of `group_accounts` with the grid and without it
(the grid switched off in the bench only), checks that both give the same incidents, and prints the
growth exponent between the smallest and the largest N (1.0 is linear).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time

from warlog.incidents import cluster
from warlog.incidents.cluster import Account, group_accounts
from warlog.model import Document, Event, Evidence, Place, When

TYPES = ("ASSAULT", "ASSAULT", "ASSAULT", "PROTEST", "PROTEST", "COERCE", "MOBILIZE")


def accounts(count: int, seed: int = 7) -> list[Account]:
    rng = random.Random(seed)
    towns = [(rng.uniform(-35, 60), rng.uniform(-120, 140)) for _ in range(max(50, count // 4))]
    found = []
    for n in range(count):
        day = rng.randint(1, 31)
        value = f"2020-05-{day:02}" if rng.random() < 0.9 else ("2020-05" if rng.random() < 0.7 else None)
        lat, lon = rng.choice(towns)
        place = (
            Place(f"p{n}", "Town", "XX", lat + rng.uniform(-0.1, 0.1), lon + rng.uniform(-0.1, 0.1), "city", 1)
            if rng.random() < 0.9
            else Place(f"c{n % 40}", "Country", f"C{n % 40}", None, None, "country", 3)
        )
        actors = tuple(f"a{rng.randint(0, 30)}" for _ in range(rng.randint(0, 2)))
        event = Event(
            id=f"e{n}", type=rng.choice(TYPES), evidence=Evidence(0, 1, "x"), actors=actors,
            recipients=(f"a{rng.randint(0, 30)}",), place=place.id, date=When(value, "day", value) if value else None,
        )  # fmt: skip
        document = Document(id=f"d{n // 2}", text="x", published=f"2020-05-{min(31, day + 1):02}")
        found.append(Account(document=document, event=event, place=place))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,4000,10000", help="numbers of accounts, comma-separated")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.sizes.split(","))
    grid = cluster.place_keys
    times: dict[int, tuple[float, float]] = {}
    print(f"{'N':>7} {'grid (now)':>12} {'dates only':>12} {'incidents':>10}", flush=True)
    for size in sizes:
        items = accounts(size)
        start = time.perf_counter()
        now = group_accounts(items)
        blocked = time.perf_counter() - start
        cluster.place_keys = lambda tellings, policy: [None] * len(tellings)  # type: ignore[assignment,misc]
        try:
            start = time.perf_counter()
            before = group_accounts(items)
            dates_only = time.perf_counter() - start
        finally:
            cluster.place_keys = grid
        if sorted(sorted(a.key for a in g) for g in now) != sorted(sorted(a.key for a in g) for g in before):
            raise SystemExit("the grid changed the incidents")
        times[size] = (blocked, dates_only)
        print(f"{size:>7} {blocked:>12.2f} {dates_only:>12.2f} {len(now):>10}", flush=True)
    low, high = sizes[0], sizes[-1]
    scale = math.log(high / low)
    growth = [math.log(times[high][k] / times[low][k]) / scale for k in (0, 1)]
    print(f"growth exponent, N = {low} to {high}: grid {growth[0]:.2f}, dates only {growth[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
