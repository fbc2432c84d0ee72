"""A compact name index: places as plain tuples, names as keys to row numbers.

Plain tuples, ints and strings load from a marshal cache in a few tens of milliseconds, where the
same number of dataclass instances would take seconds; a `GeoName` is made only for a row a lookup
returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from warlog.packs.placenames import GeoName, normalize_place

Row = tuple  # the GeoName fields, in order
Keys = dict[str, "int | tuple[int, ...]"]


def to_row(place: GeoName) -> Row:
    """The plain tuple a GeoName is stored as."""
    return (
        place.id, place.name, place.country, place.lat, place.lon, place.feature, place.precision,
        place.population, place.source, place.pack,
    )  # fmt: skip


class PlaceIndex:
    """Rows of places and a map from normalized names to row numbers; rows can be added, never removed."""

    __slots__ = ("rows", "keys", "_made")

    def __init__(self, rows: list[Row] | None = None, keys: Keys | None = None) -> None:
        self.rows: list[Row] = rows if rows is not None else []
        self.keys: Keys = keys if keys is not None else {}
        self._made: dict[int, GeoName] = {}

    def add(self, place: GeoName, names: Iterable[str]) -> int:
        """Add a place under each of its names; returns its row number."""
        row = self.add_row(to_row(place))
        for name in names:
            self.add_name(name, row)
        return row

    def add_row(self, row: Row) -> int:
        """Add a place given as a row (see `to_row`); returns its row number."""
        self.rows.append(row)
        return len(self.rows) - 1

    def replace(self, number: int, row: Row) -> None:
        """Put another place in row `number`; the names that lead to it stay."""
        self.rows[number] = row
        self._made.pop(number, None)

    def add_name(self, name: str, row: int) -> None:
        """Index one more name of the place in `row`."""
        key = normalize_place(name)
        if not key:
            return
        old = self.keys.get(key)
        if old is None:
            self.keys[key] = row
        elif isinstance(old, int):
            if old != row:
                self.keys[key] = (old, row)
        elif row not in old:
            self.keys[key] = (*old, row)

    def rows_for(self, name: str) -> tuple[int, ...]:
        """Row numbers of the places with this name."""
        found = self.keys.get(normalize_place(name))
        if found is None:
            return ()
        return (found,) if isinstance(found, int) else found

    def place(self, row: int) -> GeoName:
        """The GeoName of a row (made once, then reused)."""
        made = self._made.get(row)
        if made is None:
            made = self._made[row] = GeoName(*self.rows[row])
        return made

    def find(self, name: str) -> tuple[GeoName, ...]:
        """Every place with this name."""
        return tuple(self.place(row) for row in self.rows_for(name))

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[GeoName]:
        return (self.place(row) for row in range(len(self.rows)))

    def dump(self) -> tuple[list[Row], Keys]:
        """What `PlaceIndex(*dump)` rebuilds the index from (marshal-able)."""
        return self.rows, self.keys
