"""Candidate pairs for clustering: the pairs of accounts the rule could call one incident, found without
comparing every pair.

An account pairs only with accounts of its type block (the caller's), whose dates lie within the window
(a sweep in date order: `max_days` between one's last day and the other's first), and whose places the
rule (`policy.places_within`) cannot tell apart:
- two points with coordinates, only within `max_km`: each point has a cell in a grid over the unit sphere
  whose side is the chord of `max_km`, and only neighbouring cells are compared (the haversine distance
  grows with the chord);
- an area (a country, a province), only with a place of its own country or of none;
- a point without coordinates, with any point; an account without a place, with any account.
Undated accounts pair with every other account of the block. `tests/test_incident_blocking.py` checks
that the incidents are those of comparing every pair.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from warlog.incidents.differences import EARTH_RADIUS_KM, Interval, is_area
from warlog.incidents.policy import IncidentPolicy, Telling

Cell = tuple[int, int, int]
# where an account lies for the place rule: ("point", cell, country), ("loose", None, country) for a
# point without coordinates, ("area", None, country), or None (no place, or a rule not by distance)
Key = tuple[str, Cell | None, str | None] | None


def place_keys(tellings: Sequence[Telling], policy: IncidentPolicy) -> list[Key]:
    """Each account's key (see `Key`)."""
    if policy.places != "near" or policy.same_clause:
        return [None] * len(tellings)
    side = max(2 * math.sin(min(policy.max_km / EARTH_RADIUS_KM, math.pi) / 2) * 1.001, 1e-9)
    keys: list[Key] = []
    for telling in tellings:
        place = telling.located
        if place is None:
            keys.append(None)
        elif is_area(place):
            keys.append(("area", None, place.country or None))
        elif place.lat is None or place.lon is None:
            keys.append(("loose", None, place.country or None))
        else:
            lat, lon = math.radians(place.lat), math.radians(place.lon)
            point = (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))
            cell = (math.floor(point[0] / side), math.floor(point[1] / side), math.floor(point[2] / side))
            keys.append(("point", cell, place.country or None))
    return keys


class _Open:
    """The accounts whose date window is still open, by key, with the keys indexed by kind, cell and
    country; a key's accounts are pruned when it is read."""

    def __init__(self, known: dict[int, Interval], max_days: int) -> None:
        self.known, self.max_days = known, max_days
        self.accounts: dict[Key, list[int]] = {}
        self.by_kind: dict[str, set[Key]] = {}
        self.by_cell: dict[Cell, set[Key]] = {}
        self.by_country: dict[str | None, set[Key]] = {}

    def add(self, key: Key, i: int) -> None:
        if key not in self.accounts:
            self.accounts[key] = []
            if key is not None:
                self.by_kind.setdefault(key[0], set()).add(key)
                self.by_country.setdefault(key[2], set()).add(key)
                if key[1] is not None:
                    self.by_cell.setdefault(key[1], set()).add(key)
        self.accounts[key].append(i)

    def open_at(self, key: Key, start: date) -> list[int]:
        found = [j for j in self.accounts[key] if (start - self.known[j][1]).days <= self.max_days]
        self.accounts[key] = found
        return found

    def matching(self, key: Key) -> Iterator[Key]:
        """The keys the place rule may pair with `key`, each once."""
        if key is None or (key[0] == "area" and key[2] is None):
            yield from self.accounts
            return
        kind, cell, country = key
        yield from (k for k in (None,) if k in self.accounts)
        if kind == "area":  # its own country's places, or those of no country
            yield from (k for c in (country, None) for k in self.by_country.get(c, ()))
            return
        areas = self.by_kind.get("area", set())
        yield from (k for k in areas if k is not None and (k[2] is None or k[2] == country or country is None))
        yield from self.by_kind.get("loose", ())
        if kind == "loose":
            yield from self.by_kind.get("point", ())
        elif cell is not None:
            x, y, z = cell
            around = ((x + i, y + j, z + k) for i in (-1, 0, 1) for j in (-1, 0, 1) for k in (-1, 0, 1))
            yield from (k for c in around for k in self.by_cell.get(c, ()) if k is not None and k[0] == "point")


def candidate_pairs(
    intervals: Sequence[Interval | None], block: list[int], max_days: int, keys: Sequence[Key]
) -> Iterable[tuple[int, int]]:
    """The pairs of a block the rule could match (see the module docstring)."""
    undated = [i for i in block if intervals[i] is None]
    known = {i: interval for i in block if (interval := intervals[i]) is not None}
    dated = sorted(known, key=known.__getitem__)
    opened = _Open(known, max_days)
    for i in dated:
        start = known[i][0]
        for key in list(opened.matching(keys[i])):
            yield from ((j, i) for j in opened.open_at(key, start))
        opened.add(keys[i], i)
    for n, i in enumerate(undated):
        yield from ((i, j) for j in dated)
        yield from ((i, j) for j in undated[n + 1 :])
